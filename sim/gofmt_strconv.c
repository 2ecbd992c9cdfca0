/* gofmt_strconv: strconv's integer formatting and Parse* functions with Go's error texts.
 *
 * Syntax checks are ports of strconv/atoi.go (ParseUint, ParseInt,
 * underscoreOK) and atof.go (special, readFloat); the float value itself
 * comes from C's correctly rounded strtod/strtof on the validated text.
 */
#include "gofmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

static const char digits36[] = "0123456789abcdefghijklmnopqrstuvwxyz";

void gofmt_format_uint(GofmtBuf *b, uint64_t v, int base) {
    GORO_ASSERT(base >= 2 && base <= 36);
    char tmp[65];
    int i = 65;
    do {
        tmp[--i] = digits36[v % (uint64_t)base];
        v /= (uint64_t)base;
    } while (v);
    gofmt_put(b, tmp + i, (size_t)(65 - i));
}

void gofmt_format_int(GofmtBuf *b, int64_t v, int base) {
    if (v < 0) {
        gofmt_putc(b, '-');
        gofmt_format_uint(b, -(uint64_t)v, base);
    } else {
        gofmt_format_uint(b, (uint64_t)v, base);
    }
}

/* ===================================================================== */
/* Errors (NumError.Error)                                               */
/* ===================================================================== */

static void num_error(GofmtBuf *err, const char *fn, const char *s, size_t n, const char *what) {
    if (!err) return;
    gofmt_puts(err, "strconv.");
    gofmt_puts(err, fn);
    gofmt_puts(err, ": parsing ");
    gofmt_quote(err, s, n, false);
    gofmt_puts(err, ": ");
    gofmt_puts(err, what);
}

static void num_error_int(GofmtBuf *err, const char *fn, const char *s, size_t n, const char *what,
                          int v) {
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%s %d", what, v);
    num_error(err, fn, s, n, tmp);
}

static char lower(char c) {
    return (char)(c | ('x' - 'X'));
}

static bool underscore_ok(const char *s, size_t n) {
    char saw = '^';
    size_t i = 0;
    if (n >= 1 && (s[0] == '-' || s[0] == '+')) {
        s++;
        n--;
    }
    bool hex = false;
    if (n >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; i < n; i++) {
        if ((s[i] >= '0' && s[i] <= '9') || (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
            saw = '0';
            continue;
        }
        if (s[i] == '_') {
            if (saw != '0') return false;
            saw = '_';
            continue;
        }
        if (saw == '_') return false;
        saw = '!';
    }
    return saw != '_';
}

/* ===================================================================== */
/* Integers                                                              */
/* ===================================================================== */

/* Kinds of failure, as strconv's ErrSyntax / ErrRange / base / bit size. */
enum { OK, ERR_SYNTAX, ERR_RANGE, ERR_BASE, ERR_BITSIZE };

static int parse_uint(const char *s, size_t n, int base, int bitsize, uint64_t *out) {
    *out = 0;
    if (n == 0) return ERR_SYNTAX;
    bool base0 = base == 0;
    const char *s0 = s;
    size_t n0 = n;
    if (base >= 2 && base <= 36) {
    } else if (base == 0) {
        base = 10;
        if (s[0] == '0') {
            if (n >= 3 && lower(s[1]) == 'b') {
                base = 2;
                s += 2;
                n -= 2;
            } else if (n >= 3 && lower(s[1]) == 'o') {
                base = 8;
                s += 2;
                n -= 2;
            } else if (n >= 3 && lower(s[1]) == 'x') {
                base = 16;
                s += 2;
                n -= 2;
            } else {
                base = 8;
                s += 1;
                n -= 1;
            }
        }
    } else {
        return ERR_BASE;
    }
    if (bitsize == 0)
        bitsize = 64;
    else if (bitsize < 0 || bitsize > 64)
        return ERR_BITSIZE;
    uint64_t cutoff = UINT64_MAX / (uint64_t)base + 1;
    uint64_t max_val = bitsize == 64 ? UINT64_MAX : (1ull << bitsize) - 1;
    bool underscores = false;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int d;
        if (c == '_' && base0) {
            underscores = true;
            continue;
        } else if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (lower(c) >= 'a' && lower(c) <= 'z') {
            d = lower(c) - 'a' + 10;
        } else {
            return ERR_SYNTAX;
        }
        if (d >= base) return ERR_SYNTAX;
        if (v >= cutoff) {
            *out = max_val;
            return ERR_RANGE;
        }
        v *= (uint64_t)base;
        uint64_t v1 = v + (uint64_t)d;
        if (v1 < v || v1 > max_val) {
            *out = max_val;
            return ERR_RANGE;
        }
        v = v1;
    }
    if (underscores && !underscore_ok(s0, n0)) return ERR_SYNTAX;
    *out = v;
    return OK;
}

static void report(GofmtBuf *err, int kind, const char *fn, const char *s, size_t n, int base,
                   int bitsize) {
    switch (kind) {
    case ERR_SYNTAX: num_error(err, fn, s, n, "invalid syntax"); break;
    case ERR_RANGE: num_error(err, fn, s, n, "value out of range"); break;
    case ERR_BASE: num_error_int(err, fn, s, n, "invalid base", base); break;
    case ERR_BITSIZE: num_error_int(err, fn, s, n, "invalid bit size", bitsize); break;
    }
}

int gofmt_parse_uint(const char *s, size_t n, int base, int bitsize, uint64_t *out, GofmtBuf *err) {
    int k = parse_uint(s, n, base, bitsize, out);
    if (k == OK) return 0;
    report(err, k, "ParseUint", s, n, base, bitsize);
    return -1;
}

int gofmt_parse_int(const char *s, size_t n, int base, int bitsize, const char *func_name,
                    int64_t *out, GofmtBuf *err) {
    const char *fn = func_name ? func_name : "ParseInt";
    *out = 0;
    if (n == 0) {
        report(err, ERR_SYNTAX, fn, s, n, base, bitsize);
        return -1;
    }
    const char *s0 = s;
    size_t n0 = n;
    bool neg = false;
    if (s[0] == '+') {
        s++;
        n--;
    } else if (s[0] == '-') {
        neg = true;
        s++;
        n--;
    }
    uint64_t un;
    int k = parse_uint(s, n, base, bitsize, &un);
    if (k != OK && k != ERR_RANGE) {
        report(err, k, fn, s0, n0, base, bitsize);
        return -1;
    }
    if (bitsize == 0) bitsize = 64;
    uint64_t cutoff = 1ull << (bitsize - 1);
    if (!neg && un >= cutoff) {
        *out = (int64_t)(cutoff - 1);
        report(err, ERR_RANGE, fn, s0, n0, base, bitsize);
        return -1;
    }
    if (neg && un > cutoff) {
        *out = -(int64_t)(cutoff - 1) - 1;
        report(err, ERR_RANGE, fn, s0, n0, base, bitsize);
        return -1;
    }
    *out = neg ? (int64_t)(0 - un) : (int64_t)un;
    return 0;
}

int gofmt_atoi(const char *s, size_t n, int64_t *out, GofmtBuf *err) {
    return gofmt_parse_int(s, n, 10, 0, "Atoi", out, err);
}

int gofmt_parse_bool(const char *s, size_t n, bool *out, GofmtBuf *err) {
    static const char *const yes[] = {"1", "t", "T", "true", "TRUE", "True"};
    static const char *const no[] = {"0", "f", "F", "false", "FALSE", "False"};
    for (int i = 0; i < 6; i++) {
        if (strlen(yes[i]) == n && memcmp(yes[i], s, n) == 0) {
            *out = true;
            return 0;
        }
        if (strlen(no[i]) == n && memcmp(no[i], s, n) == 0) {
            *out = false;
            return 0;
        }
    }
    *out = false;
    num_error(err, "ParseBool", s, n, "invalid syntax");
    return -1;
}

/* ===================================================================== */
/* Floats                                                                */
/* ===================================================================== */

/* prefix_fold: length of the common prefix of s and the lower-case word. */
static size_t prefix_fold(const char *s, size_t n, const char *word) {
    size_t i = 0;
    while (i < n && word[i] && lower(s[i]) == word[i])
        i++;
    return i;
}

/* special: atof.go special(): ±Inf, NaN; returns bytes consumed or 0. */
static size_t special(const char *s, size_t n, double *out) {
    if (n == 0) return 0;
    int sign = 1;
    size_t nsign = 0;
    if (s[0] == '+' || s[0] == '-') {
        if (s[0] == '-') sign = -1;
        nsign = 1;
        s++;
        n--;
    } else if (lower(s[0]) == 'n') {
        if (prefix_fold(s, n, "nan") == 3) {
            *out = NAN;
            return 3;
        }
        return 0;
    } else if (lower(s[0]) != 'i') {
        return 0;
    }
    size_t k = prefix_fold(s, n, "infinity");
    if (k > 3 && k < 8) k = 3;
    if (k == 3 || k == 8) {
        *out = sign * (double)INFINITY;
        return nsign + k;
    }
    return 0;
}

/* read_float: readFloat's syntax: the length of the float at s, or 0. */
static size_t read_float(const char *s, size_t n, bool *hex_out) {
    size_t i = 0;
    bool underscores = false, hex = false;
    if (i >= n) return 0;
    if (s[i] == '+' || s[i] == '-') i++;
    char exp_char = 'e';
    if (i + 2 < n && s[i] == '0' && lower(s[i + 1]) == 'x') {
        i += 2;
        exp_char = 'p';
        hex = true;
    }
    bool sawdot = false, sawdigits = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '_') {
            underscores = true;
            continue;
        }
        if (c == '.') {
            if (sawdot) break;
            sawdot = true;
            continue;
        }
        if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
            sawdigits = true;
            continue;
        }
        break;
    }
    if (!sawdigits) return 0;
    if (i < n && lower(s[i]) == exp_char) {
        i++;
        if (i >= n) return 0;
        if (s[i] == '+' || s[i] == '-') i++;
        if (i >= n || s[i] < '0' || s[i] > '9') return 0;
        for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++)
            if (s[i] == '_') underscores = true;
    } else if (hex) {
        return 0;
    }
    if (underscores && !underscore_ok(s, i)) return 0;
    *hex_out = hex;
    return i;
}

int gofmt_parse_float(const char *s, size_t n, int bitsize, double *out, GofmtBuf *err) {
    *out = 0;
    double v;
    size_t used = special(s, n, &v);
    if (used) {
        if (used != n) goto syntax;
        *out = bitsize == 32 ? (double)(float)v : v;
        return 0;
    }
    bool hex = false;
    used = read_float(s, n, &hex);
    if (used == 0 || used != n) goto syntax;
    {
        char *clean = mem_alloc(n + 1);
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (s[i] != '_') clean[k++] = s[i];
        clean[k] = '\0';
        if (bitsize == 32)
            v = (double)strtof(clean, NULL);
        else
            v = strtod(clean, NULL);
        mem_free(clean, n + 1);
    }
    *out = v;
    if (isinf(v)) {
        num_error(err, "ParseFloat", s, n, "value out of range");
        return -1;
    }
    return 0;
syntax:
    *out = 0;
    num_error(err, "ParseFloat", s, n, "invalid syntax");
    return -1;
}
