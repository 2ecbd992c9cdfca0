/* test_vm_golden: every sequential corpus program (every .go file in tests/run/seq, with
 * .out/.err/.exit produced by Go 1.19's `go run`) through vm_cli_run, once
 * normally and once collecting at every allocation. A program must either
 * match Go (same stdout bytes, same exit status, same first stderr line) or
 * be refused at compile time (exit 1, nothing run: a construct or library
 * function not supported yet): a wrong answer is always a failure, and so
 * is a run that does not give back every byte it allocated. The number of matches may only go up (MIN_MATCHES). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "vm_cli.h"

#define CORPUS "tests/run/seq"
#define MIN_MATCHES 91

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    *len = 0;
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0;
    for (;;) {
        if (*len + 4096 > cap) {
            cap = cap ? cap * 2 : 8192;
            buf = realloc(buf, cap);
        }
        size_t n = fread(buf + *len, 1, 4096, f);
        *len += n;
        if (n < 4096) break;
    }
    fclose(f);
    buf[*len] = 0;
    return buf;
}

static int first_line_eq(const char *a, const char *b) {
    size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
    return la == lb && memcmp(a, b, la) == 0;
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void run_corpus(int stress) {
    DIR *d = opendir(CORPUS);
    assert_non_null(d);
    char *names[1024];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 1024) {
        size_t l = strlen(e->d_name);
        if (l > 3 && strcmp(e->d_name + l - 3, ".go") == 0) names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    int matches = 0, wrong = 0;
    for (int i = 0; i < n; i++) {
        char path[512], base[512];
        snprintf(path, sizeof path, "%s/%s", CORPUS, names[i]);
        snprintf(base, sizeof base, "%s/%.*s", CORPUS, (int)strlen(names[i]) - 3, names[i]);
        char *out = NULL, *err = NULL;
        size_t outlen = 0, errlen = 0;
        FILE *fo = open_memstream(&out, &outlen), *fe = open_memstream(&err, &errlen);
        size_t live = mem_live_bytes();
        int status = vm_cli_run(path, 1, stress, fo, fe);
        /* Every byte the run took through the funnel is given back. */
        if (mem_live_bytes() != live) {
            print_message("LEAK %s: %zd bytes\n", names[i], (ssize_t)(mem_live_bytes() - live));
            wrong++;
        }
        fclose(fo);
        fclose(fe);
        char p2[600];
        size_t wl, el, xl;
        snprintf(p2, sizeof p2, "%s.out", base);
        char *want = slurp(p2, &wl);
        snprintf(p2, sizeof p2, "%s.err", base);
        char *want_err = slurp(p2, &el);
        snprintf(p2, sizeof p2, "%s.exit", base);
        char *want_exit = slurp(p2, &xl);
        int wexit = want_exit ? atoi(want_exit) : 0;
        int ok = want && wl == outlen && memcmp(want, out, wl) == 0 && status == wexit &&
                 (!want_err || el == 0 || first_line_eq(want_err, err));
        if (ok) matches++;
        else if (!(status == 1 && outlen == 0)) {
            wrong++;
            print_message("WRONG %s (exit %d, want %d): %.200s\n", names[i], status, wexit, err);
        }
        free(out);
        free(err);
        free(want);
        free(want_err);
        free(want_exit);
        free(names[i]);
    }
    print_message("%s: %d of %d programs match Go\n", stress ? "gc stress" : "normal", matches, n);
    assert_int_equal(wrong, 0);
    assert_true(matches >= MIN_MATCHES);
}

static void test_corpus(void **st) { run_corpus(0); }
static void test_corpus_gc_stress(void **st) { run_corpus(1); }

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus),
        cmocka_unit_test(test_corpus_gc_stress),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
