/* gofmt_float: strconv.FormatFloat and fmt's float verbs, as Go 1.19 prints them.
 *
 * Digits come from the C library, whose printf rounds the exact binary value
 * correctly (ties to even, as Go's decimal.Round and ryuFtoaFixed do), and
 * whose strtod/strtof round correctly, which makes "the shortest decimal that
 * reads back as the same float" computable by trying 1..17 digits. Layout of
 * the digits then follows strconv/ftoa.go (formatDigits, fmtE, fmtF, fmtB,
 * fmtX) and fmt/format.go (fmtFloat) step by step.
 */
#include "gofmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Decimal: digits d[0..nd) (no trailing zeros) with the decimal point
 * before d[dp]; zero is nd == 0, dp == 0. Owns d when d != small. */
typedef struct Decimal {
    char small[40];
    char *d;
    int nd, dp;
    size_t cap;
} Decimal;

static void dec_free(Decimal *x) {
    if (x->d != x->small) mem_free(x->d, x->cap);
}

/* dec_from_e: fill [x] from C's "%.Ne" text [s] of a non-negative value. */
static void dec_from_e(Decimal *x, const char *s) {
    size_t n = strlen(s);
    x->cap = n + 1;
    x->d = x->cap <= sizeof x->small ? x->small : mem_alloc(x->cap);
    if (x->d == x->small) x->cap = sizeof x->small;
    int nd = 0;
    const char *p = s;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') x->d[nd++] = *p;
    int exp = *p == 'e' ? atoi(p + 1) : 0;
    while (nd > 0 && x->d[nd - 1] == '0')
        nd--;
    x->nd = nd;
    x->dp = nd == 0 ? 0 : exp + 1;
}

/* dec_fixed: [digits] significant digits of |v| correctly rounded. */
static void dec_fixed(Decimal *x, double v, int digits) {
    size_t cap = (size_t)digits + 40;
    char *tmp = mem_alloc(cap);
    snprintf(tmp, cap, "%.*e", digits - 1, fabs(v));
    dec_from_e(x, tmp);
    mem_free(tmp, cap);
}

static bool round_trips(const char *s, double v, int bitsize) {
    if (bitsize == 32) return strtof(s, NULL) == (float)v;
    return strtod(s, NULL) == v;
}

/* is_pow2_significand: the float's lower neighbour is closer than its
 * upper one, so the shortest candidate may sit above the nearest one. */
static bool is_pow2_significand(double v, int bitsize) {
    if (bitsize == 32) {
        float f = (float)v;
        uint32_t bits;
        memcpy(&bits, &f, sizeof bits);
        return (bits & 0x7FFFFF) == 0 && ((bits >> 23) & 0xFF) > 1;
    }
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return (bits & 0xFFFFFFFFFFFFFull) == 0 && ((bits >> 52) & 0x7FF) > 1;
}

/* dec_shortest: the shortest digits that round-trip |v| at [bitsize]
 * (ryuFtoaShortest's result). [v] is finite. */
static void dec_shortest(Decimal *x, double v, int bitsize) {
    char tmp[64];
    v = fabs(v);
    if (v == 0) {
        dec_from_e(x, "0e+00");
        return;
    }
    if (v < (bitsize == 32 ? 16777216.0 : 9007199254740992.0) && v == floor(v)) {
        /* Below 2^mantbits an integer's own digits are the shortest: any
         * other decimal within half an ulp (<= 0.5) needs more digits. */
        uint64_t u = (uint64_t)v;
        char digs[24];
        int nd = 0;
        do {
            digs[nd++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        int exp = nd - 1;
        int k = 0;
        while (digs[k] == '0') k++;
        char *q = tmp;
        *q++ = digs[nd - 1];
        *q++ = '.';
        for (int i = nd - 2; i >= k; i--) *q++ = digs[i];
        snprintf(q, sizeof tmp - (size_t)(q - tmp), "e%d", exp);
        dec_from_e(x, tmp);
        return;
    }
    bool pow2 = is_pow2_significand(v, bitsize);
    int first = 1;
    if (!pow2) {
        /* With a symmetric rounding interval, if the nearest p-digit decimal
         * reads back so does the nearest (p+1)-digit one (it is no farther):
         * binary-search the least p, then format it below. */
        int lo = 1, hi = bitsize == 32 ? 9 : 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            snprintf(tmp, sizeof tmp, "%.*e", mid - 1, v);
            if (round_trips(tmp, v, bitsize))
                hi = mid;
            else
                lo = mid + 1;
        }
        first = lo;
    }
    for (int p = first; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
        if (round_trips(tmp, v, bitsize)) break;
        if (pow2) {
            /* Try the next p-digit decimal above the nearest one. */
            char *e = strchr(tmp, 'e');
            int exp = atoi(e + 1);
            char digs[24];
            int nd = 0;
            for (char *q = tmp; q < e; q++)
                if (*q != '.') digs[nd++] = *q;
            int k = nd - 1;
            while (k >= 0 && digs[k] == '9')
                digs[k--] = '0';
            char up[64];
            if (k < 0) {
                snprintf(up, sizeof up, "1e%d", exp + 1);
            } else {
                digs[k]++;
                digs[nd] = '\0';
                snprintf(up, sizeof up, "%c.%se%d", digs[0], digs + 1, exp);
            }
            if (round_trips(up, v, bitsize)) {
                memcpy(tmp, up, sizeof up);
                break;
            }
        }
    }
    dec_from_e(x, tmp);
}

/* ===================================================================== */
/* Layout (strconv/ftoa.go)                                              */
/* ===================================================================== */

static void put_exp(GofmtBuf *b, int exp, char fmt) {
    gofmt_putc(b, fmt);
    gofmt_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0) exp = -exp;
    if (exp < 10) {
        gofmt_putc(b, '0');
        gofmt_putc(b, (char)('0' + exp));
    } else if (exp < 100) {
        gofmt_putc(b, (char)('0' + exp / 10));
        gofmt_putc(b, (char)('0' + exp % 10));
    } else {
        gofmt_putc(b, (char)('0' + exp / 100));
        gofmt_putc(b, (char)('0' + exp / 10 % 10));
        gofmt_putc(b, (char)('0' + exp % 10));
    }
}

static void fmt_e(GofmtBuf *b, bool neg, const Decimal *d, int prec, char fmt) {
    if (neg) gofmt_putc(b, '-');
    gofmt_putc(b, d->nd ? d->d[0] : '0');
    if (prec > 0) {
        gofmt_putc(b, '.');
        int i = 1;
        int m = d->nd < prec + 1 ? d->nd : prec + 1;
        if (i < m) {
            gofmt_put(b, d->d + i, (size_t)(m - i));
            i = m;
        }
        for (; i <= prec; i++)
            gofmt_putc(b, '0');
    }
    put_exp(b, d->nd == 0 ? 0 : d->dp - 1, fmt);
}

static void fmt_f(GofmtBuf *b, bool neg, const Decimal *d, int prec) {
    if (neg) gofmt_putc(b, '-');
    if (d->dp > 0) {
        int m = d->nd < d->dp ? d->nd : d->dp;
        gofmt_put(b, d->d, (size_t)m);
        for (; m < d->dp; m++)
            gofmt_putc(b, '0');
    } else {
        gofmt_putc(b, '0');
    }
    if (prec > 0) {
        gofmt_putc(b, '.');
        for (int i = 0; i < prec; i++) {
            int j = d->dp + i;
            gofmt_putc(b, (j >= 0 && j < d->nd) ? d->d[j] : '0');
        }
    }
}

static void format_digits(GofmtBuf *b, bool shortest, bool neg, const Decimal *d, int prec,
                          char fmt) {
    switch (fmt) {
    case 'e':
    case 'E': fmt_e(b, neg, d, prec, fmt); return;
    case 'f': fmt_f(b, neg, d, prec); return;
    case 'g':
    case 'G': {
        int eprec = prec;
        if (eprec > d->nd && d->nd >= d->dp) eprec = d->nd;
        if (shortest) eprec = 6;
        int exp = d->dp - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > d->nd) prec = d->nd;
            fmt_e(b, neg, d, prec - 1, (char)(fmt + 'e' - 'g'));
            return;
        }
        if (prec > d->dp) prec = d->nd;
        int fp = prec - d->dp;
        fmt_f(b, neg, d, fp > 0 ? fp : 0);
        return;
    }
    }
    gofmt_putc(b, '%');
    gofmt_putc(b, fmt);
}

static void put_uint(GofmtBuf *b, uint64_t v) {
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
    gofmt_puts(b, tmp);
}

static void fmt_b(GofmtBuf *b, bool neg, uint64_t mant, int exp, int mantbits) {
    if (neg) gofmt_putc(b, '-');
    put_uint(b, mant);
    gofmt_putc(b, 'p');
    exp -= mantbits;
    if (exp >= 0) gofmt_putc(b, '+');
    char tmp[16];
    snprintf(tmp, sizeof tmp, "%d", exp);
    gofmt_puts(b, tmp);
}

static void fmt_x(GofmtBuf *b, int prec, char fmt, bool neg, uint64_t mant, int exp, int mantbits) {
    if (mant == 0) exp = 0;
    mant <<= 60 - mantbits;
    while (mant != 0 && (mant & (1ull << 60)) == 0) {
        mant <<= 1;
        exp--;
    }
    if (prec >= 0 && prec < 15) {
        unsigned shift = (unsigned)prec * 4;
        uint64_t extra = (mant << shift) & ((1ull << 60) - 1);
        mant >>= 60 - shift;
        if ((extra | (mant & 1)) > (1ull << 59)) mant++;
        mant <<= 60 - shift;
        if (mant & (1ull << 61)) {
            mant >>= 1;
            exp++;
        }
    }
    const char *hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    if (neg) gofmt_putc(b, '-');
    gofmt_putc(b, '0');
    gofmt_putc(b, fmt);
    gofmt_putc(b, (char)('0' + ((mant >> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
        gofmt_putc(b, '.');
        while (mant != 0) {
            gofmt_putc(b, hex[(mant >> 60) & 15]);
            mant <<= 4;
        }
    } else if (prec > 0) {
        gofmt_putc(b, '.');
        for (int i = 0; i < prec; i++) {
            gofmt_putc(b, hex[(mant >> 60) & 15]);
            mant <<= 4;
        }
    }
    gofmt_putc(b, fmt == 'X' ? 'P' : 'p');
    gofmt_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0) exp = -exp;
    char tmp[16];
    snprintf(tmp, sizeof tmp, "%02d", exp);
    gofmt_puts(b, tmp);
}

void gofmt_format_float(GofmtBuf *b, double val, char fmt, int prec, int bitsize) {
    uint64_t bits, mant;
    int exp, mantbits, expbits, bias;
    bool neg;
    if (bitsize == 32) {
        float f = (float)val;
        uint32_t b32;
        memcpy(&b32, &f, sizeof b32);
        bits = b32;
        mantbits = 23;
        expbits = 8;
        bias = -127;
        val = (double)f;
    } else {
        memcpy(&bits, &val, sizeof bits);
        mantbits = 52;
        expbits = 11;
        bias = -1023;
    }
    neg = (bits >> (expbits + mantbits)) != 0;
    exp = (int)(bits >> mantbits) & ((1 << expbits) - 1);
    mant = bits & ((1ull << mantbits) - 1);
    if (exp == (1 << expbits) - 1) {
        gofmt_puts(b, mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf");
        return;
    }
    if (exp == 0)
        exp++;
    else
        mant |= 1ull << mantbits;
    exp += bias;

    if (fmt == 'b') {
        fmt_b(b, neg, mant, exp, mantbits);
        return;
    }
    if (fmt == 'x' || fmt == 'X') {
        fmt_x(b, prec, fmt, neg, mant, exp, mantbits);
        return;
    }
    if (fmt != 'e' && fmt != 'E' && fmt != 'f' && fmt != 'g' && fmt != 'G') {
        gofmt_putc(b, '%');
        gofmt_putc(b, fmt);
        return;
    }

    Decimal d;
    bool shortest = prec < 0;
    if (shortest) {
        dec_shortest(&d, val, bitsize);
        switch (fmt) {
        case 'e':
        case 'E': prec = d.nd - 1 > 0 ? d.nd - 1 : 0; break;
        case 'f': prec = d.nd - d.dp > 0 ? d.nd - d.dp : 0; break;
        default: prec = d.nd; break;
        }
    } else if (fmt == 'f') {
        /* printf rounds at the same decimal place as Go's d.Round(dp+prec). */
        int n = snprintf(NULL, 0, "%.*f", prec, val);
        size_t cap = (size_t)n + 1;
        char *tmp = mem_alloc(cap);
        snprintf(tmp, cap, "%.*f", prec, val);
        gofmt_put(b, tmp, (size_t)n);
        mem_free(tmp, cap);
        return;
    } else {
        int digits = prec;
        if (fmt == 'e' || fmt == 'E')
            digits = prec + 1;
        else {
            if (prec == 0) prec = 1;
            digits = prec;
        }
        dec_fixed(&d, val, digits);
    }
    format_digits(b, shortest, neg, &d, prec, fmt);
    dec_free(&d);
}

/* ===================================================================== */
/* fmt verbs (fmt/format.go fmtFloat)                                    */
/* ===================================================================== */

static void fmt_float(GofmtBuf *b, const GofmtSpec *sp, double v, int size, char verb, int prec) {
    if (sp->prec_present) prec = sp->prec;
    GofmtBuf nb = {0};
    gofmt_putc(&nb, '+');
    gofmt_format_float(&nb, v, verb, prec, size);
    char *num = nb.data;
    size_t len = nb.len;
    if (num[1] == '-' || num[1] == '+') {
        num++;
        len--;
    } else {
        num[0] = '+';
    }
    if (sp->space && num[0] == '+' && !sp->plus) num[0] = ' ';
    if (num[1] == 'I' || num[1] == 'N') {
        GofmtSpec t = *sp;
        t.zero = false;
        if (num[1] == 'N' && !sp->space && !sp->plus) {
            num++;
            len--;
        }
        gofmt_pad(b, &t, num, len);
        gofmt_buf_free(&nb);
        return;
    }
    GofmtBuf out = {0};
    gofmt_put(&out, num, len);
    if (sp->sharp && verb != 'b') {
        int digits = 0;
        switch (verb) {
        case 'v':
        case 'g':
        case 'G':
        case 'x':
            digits = prec;
            if (digits == -1) digits = 6;
            break;
        }
        char tail[16];
        size_t tlen = 0;
        bool has_point = false, saw_nonzero = false;
        for (size_t i = 1; i < out.len; i++) {
            char c = out.data[i];
            if (c == '.') {
                has_point = true;
            } else if (c == 'p' || c == 'P' ||
                       ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                tlen = out.len - i;
                memcpy(tail, out.data + i, tlen);
                out.len = i;
                break;
            } else {
                if (c != '0') saw_nonzero = true;
                if (saw_nonzero) digits--;
            }
        }
        if (!has_point) {
            if (out.len == 2 && out.data[1] == '0') digits--;
            gofmt_putc(&out, '.');
        }
        for (; digits > 0; digits--)
            gofmt_putc(&out, '0');
        gofmt_put(&out, tail, tlen);
    }
    if (sp->plus || out.data[0] != '+') {
        if (sp->zero && sp->wid_present && (size_t)sp->wid > out.len) {
            gofmt_putc(b, out.data[0]);
            for (int i = sp->wid - (int)out.len; i > 0; i--)
                gofmt_putc(b, '0');
            gofmt_put(b, out.data + 1, out.len - 1);
        } else {
            gofmt_pad(b, sp, out.data, out.len);
        }
    } else {
        gofmt_pad(b, sp, out.data + 1, out.len - 1);
    }
    gofmt_buf_free(&out);
    gofmt_buf_free(&nb);
}

void gofmt_float(GofmtBuf *b, const GofmtSpec *sp, double v, int bitsize, const char *type_name) {
    switch (sp->verb) {
    case 'v': fmt_float(b, sp, v, bitsize, 'g', -1); break;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X': fmt_float(b, sp, v, bitsize, (char)sp->verb, -1); break;
    case 'f':
    case 'e':
    case 'E': fmt_float(b, sp, v, bitsize, (char)sp->verb, 6); break;
    case 'F': fmt_float(b, sp, v, bitsize, 'f', 6); break;
    default: {
        GofmtValue val = bitsize == 32 ? gofmt_v_float32((float)v) : gofmt_v_float(v);
        val.type_name = type_name;
        gofmt_bad_verb_open(b, sp->verb, gofmt_value_type_name(&val));
        GofmtSpec t = *sp;
        t.verb = 'v';
        gofmt_value(b, &t, &val);
        gofmt_bad_verb_close(b);
    }
    }
}
