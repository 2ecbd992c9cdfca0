/* casefile: the C side of the Go-generated gofmt golden cases (tests/gofmt/).
 *
 * tests/gofmt/cases_NAME.txt holds one case a line (TAB-separated fields, with
 * the escapes \\ \t \n \r \xHH \uHHHH \UHHHHHHHH); gen_cases.go runs each
 * through real Go and writes NAME.expected: the case line, a TAB, and Go's
 * escaped result. casefile_run() reads both files, checks they list the same
 * cases (a stale .expected fails), computes every case through a callback and
 * compares it with Go's result, printing the first mismatches.
 */
#ifndef GORO_TEST_CASEFILE_H
#define GORO_TEST_CASEFILE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gofmt.h"

#define CASEFILE_MAX_FIELDS 16

/* CaseFn: compute the case given as [n] raw (still escaped) [fields] into [out]. */
typedef void (*CaseFn)(char **fields, int n, GofmtBuf *out);

static char *casefile_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    size_t got = fread(p, 1, (size_t)n, f);
    fclose(f);
    p[got] = '\0';
    *len = got;
    return p;
}

static int casefile_hex(const char *s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = s[i];
        v = v * 16 + (c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                             : c - 'A' + 10);
    }
    return v;
}

/* casefile_unesc: decode a field's escapes into [out] (appended). */
static void casefile_unesc(GofmtBuf *out, const char *s) {
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 >= n) {
            gofmt_putc(out, s[i]);
            continue;
        }
        i++;
        switch (s[i]) {
        case '\\': gofmt_putc(out, '\\'); break;
        case 't': gofmt_putc(out, '\t'); break;
        case 'n': gofmt_putc(out, '\n'); break;
        case 'r': gofmt_putc(out, '\r'); break;
        case 'x':
            gofmt_putc(out, (char)casefile_hex(s + i + 1, 2));
            i += 2;
            break;
        case 'u':
            gofmt_put_rune(out, casefile_hex(s + i + 1, 4));
            i += 4;
            break;
        case 'U':
            gofmt_put_rune(out, casefile_hex(s + i + 1, 8));
            i += 8;
            break;
        default: gofmt_putc(out, '\\'); gofmt_putc(out, s[i]);
        }
    }
}

/* casefile_esc: the escaped form gen_cases.go writes for a result. */
static void casefile_esc(GofmtBuf *out, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int w;
        int32_t r = gofmt_utf8_decode(s + i, n - i, &w);
        if (c == '\\')
            gofmt_puts(out, "\\\\");
        else if (c == '\t')
            gofmt_puts(out, "\\t");
        else if (c == '\n')
            gofmt_puts(out, "\\n");
        else if (c == '\r')
            gofmt_puts(out, "\\r");
        else if (c < 0x20 || c == 0x7f || (r == 0xFFFD && w == 1)) {
            gofmt_puts(out, "\\x");
            gofmt_putc(out, hex[c >> 4]);
            gofmt_putc(out, hex[c & 15]);
        } else {
            gofmt_put(out, s + i, (size_t)w);
        }
        i += (size_t)w;
    }
}

/* casefile_next_line: the next line of [*p] (NUL-terminated in place). */
static char *casefile_next_line(char **p) {
    if (!**p) return NULL;
    char *line = *p;
    char *nl = strchr(line, '\n');
    if (nl) {
        *nl = '\0';
        *p = nl + 1;
    } else {
        *p = line + strlen(line);
    }
    return line;
}

/* casefile_run: run tests/gofmt/cases_[name].txt against [name].expected.
 * Returns the number of failures (stale files count as one); *[total] gets
 * the number of cases. */
static int casefile_run(const char *name, CaseFn fn, int *total) {
    char path_cases[256], path_exp[256];
    snprintf(path_cases, sizeof path_cases, "tests/gofmt/cases_%s.txt", name);
    snprintf(path_exp, sizeof path_exp, "tests/gofmt/%s.expected", name);
    size_t lc, le;
    char *cases = casefile_slurp(path_cases, &lc);
    char *exp = casefile_slurp(path_exp, &le);
    if (!cases || !exp) return 1;
    char *pc = cases, *pe = exp;
    int fails = 0, count = 0;
    GofmtBuf out = {0}, got = {0};
    for (;;) {
        char *c = casefile_next_line(&pc);
        while (c && (c[0] == '\0' || c[0] == '#'))
            c = casefile_next_line(&pc);
        char *e = casefile_next_line(&pe);
        if (!c && !e) break;
        if (!c || !e) {
            fprintf(stderr, "%s: cases and expected differ in length: regenerate\n", name);
            fails++;
            break;
        }
        char *tab = strrchr(e, '\t');
        if (!tab || (size_t)(tab - e) != strlen(c) || memcmp(c, e, strlen(c)) != 0) {
            fprintf(stderr, "%s: stale expected at case %s: regenerate\n", name, c);
            fails++;
            break;
        }
        *tab = '\0';
        const char *want = tab + 1;
        char *fields[CASEFILE_MAX_FIELDS];
        int nf = 0;
        char *f = e;
        for (;;) {
            char *t = strchr(f, '\t');
            if (nf < CASEFILE_MAX_FIELDS) fields[nf++] = f;
            if (!t) break;
            *t = '\0';
            f = t + 1;
        }
        gofmt_buf_reset(&out);
        gofmt_buf_reset(&got);
        fn(fields, nf, &out);
        casefile_esc(&got, out.data ? out.data : "", out.len);
        count++;
        if (strcmp(got.data ? got.data : "", want) != 0) {
            if (fails < 40) {
                fprintf(stderr, "MISMATCH [");
                for (int i = 0; i < nf; i++)
                    fprintf(stderr, "%s%s", i ? " | " : "", fields[i]);
                fprintf(stderr, "]\n   go: %s\n  got: %s\n", want, got.data ? got.data : "");
            }
            fails++;
        }
    }
    fprintf(stderr, "%s: %d cases, %d failures\n", name, count, fails);
    gofmt_buf_free(&out);
    gofmt_buf_free(&got);
    free(cases);
    free(exp);
    if (total) *total = count;
    return fails;
}

#endif
