/* const: arbitrary-precision integers and exact rationals for Go constants. */
#include "const.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* ---- BigInt magnitude helpers (limb arrays) ---- */

static BigInt bz(void) {
    BigInt r = {0, 0, NULL};
    return r;
}

static BigInt bnew(Arena *a, int n) {
    BigInt r;
    r.neg = 0;
    r.n = n;
    r.d = n ? arena_alloc(a, sizeof(uint32_t) * (size_t)n) : NULL;
    return r;
}

static void bnorm(BigInt *x) {
    while (x->n > 0 && x->d[x->n - 1] == 0) x->n--;
    if (x->n == 0) x->neg = 0;
}

static BigInt bfrom_u64(Arena *a, uint64_t v) {
    BigInt r = bnew(a, 2);
    r.d[0] = (uint32_t)v;
    r.d[1] = (uint32_t)(v >> 32);
    bnorm(&r);
    return r;
}

static int cmpmag(const BigInt *x, const BigInt *y) {
    if (x->n != y->n) return x->n < y->n ? -1 : 1;
    for (int i = x->n - 1; i >= 0; i--)
        if (x->d[i] != y->d[i]) return x->d[i] < y->d[i] ? -1 : 1;
    return 0;
}

static int bcmp_(const BigInt *x, const BigInt *y) {
    if (x->neg != y->neg) return x->neg ? -1 : 1;
    int c = cmpmag(x, y);
    return x->neg ? -c : c;
}

static BigInt addmag(Arena *a, const BigInt *x, const BigInt *y) {
    int n = (x->n > y->n ? x->n : y->n) + 1;
    BigInt r = bnew(a, n);
    uint64_t c = 0;
    for (int i = 0; i < n; i++) {
        uint64_t s = c;
        if (i < x->n) s += x->d[i];
        if (i < y->n) s += y->d[i];
        r.d[i] = (uint32_t)s;
        c = s >> 32;
    }
    bnorm(&r);
    return r;
}

/* |x| - |y| with |x| >= |y| */
static BigInt submag(Arena *a, const BigInt *x, const BigInt *y) {
    BigInt r = bnew(a, x->n);
    int64_t b = 0;
    for (int i = 0; i < x->n; i++) {
        int64_t s = (int64_t)x->d[i] - b - (i < y->n ? (int64_t)y->d[i] : 0);
        b = s < 0;
        r.d[i] = (uint32_t)(s + (b ? ((int64_t)1 << 32) : 0));
    }
    bnorm(&r);
    return r;
}

static BigInt badd(Arena *a, const BigInt *x, const BigInt *y) {
    BigInt r;
    if (x->neg == y->neg) {
        r = addmag(a, x, y);
        r.neg = r.n ? x->neg : 0;
    } else if (cmpmag(x, y) >= 0) {
        r = submag(a, x, y);
        r.neg = r.n ? x->neg : 0;
    } else {
        r = submag(a, y, x);
        r.neg = r.n ? y->neg : 0;
    }
    return r;
}

static BigInt bneg(const BigInt *x) {
    BigInt r = *x;
    if (r.n) r.neg = !r.neg;
    return r;
}

static BigInt bsub(Arena *a, const BigInt *x, const BigInt *y) {
    BigInt ny = bneg(y);
    return badd(a, x, &ny);
}

static BigInt bmul(Arena *a, const BigInt *x, const BigInt *y) {
    if (!x->n || !y->n) return bz();
    BigInt r = bnew(a, x->n + y->n);
    for (int i = 0; i < x->n; i++) {
        uint64_t c = 0;
        for (int j = 0; j < y->n; j++) {
            uint64_t t = (uint64_t)x->d[i] * y->d[j] + r.d[i + j] + c;
            r.d[i + j] = (uint32_t)t;
            c = t >> 32;
        }
        r.d[i + y->n] = (uint32_t)c;
    }
    r.neg = x->neg != y->neg;
    bnorm(&r);
    return r;
}

static int bbitlen(const BigInt *x) {
    if (!x->n) return 0;
    int b = 32 * (x->n - 1);
    uint32_t t = x->d[x->n - 1];
    while (t) {
        b++;
        t >>= 1;
    }
    return b;
}

static BigInt bshl(Arena *a, const BigInt *x, unsigned s) {
    if (!x->n) return bz();
    int ls = (int)(s / 32), bs = (int)(s % 32);
    BigInt r = bnew(a, x->n + ls + 1);
    for (int i = 0; i < x->n; i++) {
        uint64_t v = (uint64_t)x->d[i] << bs;
        r.d[i + ls] |= (uint32_t)v;
        r.d[i + ls + 1] |= (uint32_t)(v >> 32);
    }
    r.neg = x->neg;
    bnorm(&r);
    return r;
}

/* magnitude shift right (truncating toward zero on the magnitude) */
static BigInt bshrmag(Arena *a, const BigInt *x, unsigned s) {
    int ls = (int)(s / 32), bs = (int)(s % 32);
    if (ls >= x->n) return bz();
    BigInt r = bnew(a, x->n - ls);
    for (int i = 0; i < r.n; i++) {
        uint64_t v = x->d[i + ls];
        if (i + ls + 1 < x->n) v |= (uint64_t)x->d[i + ls + 1] << 32;
        r.d[i] = (uint32_t)(v >> bs);
    }
    r.neg = x->neg;
    bnorm(&r);
    return r;
}

static int btestbit(const BigInt *x, int i) {
    if (i / 32 >= x->n) return 0;
    return (x->d[i / 32] >> (i % 32)) & 1;
}

/* quotient and remainder of magnitudes (truncated division), q sign by caller */
static void bdivmod(Arena *a, const BigInt *x, const BigInt *y, BigInt *q, BigInt *r) {
    if (cmpmag(x, y) < 0) {
        *q = bz();
        *r = *x;
        r->neg = 0;
        return;
    }
    if (y->n == 1) { /* fast path */
        BigInt qq = bnew(a, x->n);
        uint64_t rem = 0;
        for (int i = x->n - 1; i >= 0; i--) {
            uint64_t cur = (rem << 32) | x->d[i];
            qq.d[i] = (uint32_t)(cur / y->d[0]);
            rem = cur % y->d[0];
        }
        bnorm(&qq);
        *q = qq;
        *r = bfrom_u64(a, rem);
        return;
    }
    int nb = bbitlen(x);
    BigInt qq = bnew(a, x->n);
    BigInt rr = bnew(a, y->n + 1);
    rr.n = 0;
    BigInt ym = *y;
    ym.neg = 0;
    for (int i = nb - 1; i >= 0; i--) {
        /* rr = rr*2 + bit, in place (capacity y->n + 1 suffices) */
        uint32_t carry = (uint32_t)btestbit(x, i);
        for (int k = 0; k < rr.n; k++) {
            uint32_t nc = rr.d[k] >> 31;
            rr.d[k] = (rr.d[k] << 1) | carry;
            carry = nc;
        }
        if (carry) rr.d[rr.n++] = carry;
        if (cmpmag(&rr, &ym) >= 0) {
            int64_t b = 0;
            for (int k = 0; k < rr.n; k++) {
                int64_t s = (int64_t)rr.d[k] - b - (k < ym.n ? (int64_t)ym.d[k] : 0);
                b = s < 0;
                rr.d[k] = (uint32_t)(s + (b ? ((int64_t)1 << 32) : 0));
            }
            while (rr.n > 0 && rr.d[rr.n - 1] == 0) rr.n--;
            qq.d[i / 32] |= 1u << (i % 32);
        }
    }
    bnorm(&qq);
    rr.neg = 0;
    *q = qq;
    *r = rr;
}

static BigInt bgcd(Arena *a, BigInt x, BigInt y) {
    x.neg = y.neg = 0;
    while (y.n) {
        BigInt q, r;
        bdivmod(a, &x, &y, &q, &r);
        x = y;
        y = r;
    }
    return x;
}

static int bis_one(const BigInt *x) { return x->n == 1 && x->d[0] == 1 && !x->neg; }

static uint64_t blow64(const BigInt *x) {
    uint64_t v = 0;
    if (x->n > 0) v = x->d[0];
    if (x->n > 1) v |= (uint64_t)x->d[1] << 32;
    return v;
}

/* ---- values ---- */

static ConstVal *cvnew(Arena *a, CvKind k) {
    ConstVal *v = arena_alloc(a, sizeof *v);
    v->kind = k;
    return v;
}

static int too_big(const BigInt *x) { return x->n > CV_MAX_LIMBS; }

ConstVal *cv_bool(Arena *a, int b) {
    ConstVal *v = cvnew(a, CV_BOOL);
    v->b = b != 0;
    return v;
}

ConstVal *cv_int64(Arena *a, int64_t x) {
    ConstVal *v = cvnew(a, CV_INT);
    uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    v->i = bfrom_u64(a, m);
    v->i.neg = x < 0;
    return v;
}

ConstVal *cv_uint64(Arena *a, uint64_t x) {
    ConstVal *v = cvnew(a, CV_INT);
    v->i = bfrom_u64(a, x);
    return v;
}

ConstVal *cv_string(Arena *a, const char *s, int len) {
    ConstVal *v = cvnew(a, CV_STRING);
    v->s = arena_strndup(a, s, (size_t)len);
    v->slen = len;
    return v;
}

static ConstVal *mkrat(Arena *a, BigInt num, BigInt den) {
    if (!den.n) return NULL;
    if (den.neg) {
        num = bneg(&num);
        den.neg = 0;
    }
    if (!bis_one(&den) && num.n) {
        BigInt g = bgcd(a, num, den);
        if (!bis_one(&g)) {
            BigInt q, r;
            int neg = num.neg;
            bdivmod(a, &num, &g, &q, &r);
            num = q;
            num.neg = neg && num.n;
            bdivmod(a, &den, &g, &q, &r);
            den = q;
        }
    }
    if (!num.n) den = bfrom_u64(a, 1);
    if (too_big(&num) || too_big(&den)) return NULL;
    ConstVal *v = cvnew(a, CV_FLOAT);
    v->num = num;
    v->den = den;
    return v;
}

ConstVal *cv_float64(Arena *a, double d) {
    if (isnan(d) || isinf(d)) return NULL;
    int e;
    double m = frexp(d, &e); /* d = m * 2^e, 0.5 <= |m| < 1 */
    uint64_t mi = (uint64_t)ldexp(fabs(m), 53);
    e -= 53;
    BigInt num = bfrom_u64(a, mi), den = bfrom_u64(a, 1);
    if (e > 0)
        num = bshl(a, &num, (unsigned)e);
    else if (e < 0)
        den = bshl(a, &den, (unsigned)-e);
    num.neg = d < 0 && num.n;
    return mkrat(a, num, den);
}

ConstVal *cv_to_float(Arena *a, const ConstVal *v) {
    if (v->kind == CV_FLOAT) return (ConstVal *)v;
    if (v->kind != CV_INT) return NULL;
    return mkrat(a, v->i, bfrom_u64(a, 1));
}

ConstVal *cv_to_int(Arena *a, const ConstVal *v) {
    if (v->kind == CV_INT) return (ConstVal *)v;
    if (v->kind != CV_FLOAT || !bis_one(&v->den)) return NULL;
    ConstVal *r = cvnew(a, CV_INT);
    r->i = v->num;
    return r;
}

static int digval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

static BigInt bmul_small_add(Arena *a, const BigInt *x, uint32_t m, uint32_t add) {
    BigInt r = bnew(a, x->n + 1);
    uint64_t c = add;
    for (int i = 0; i < x->n; i++) {
        uint64_t t = (uint64_t)x->d[i] * m + c;
        r.d[i] = (uint32_t)t;
        c = t >> 32;
    }
    r.d[x->n] = (uint32_t)c;
    bnorm(&r);
    return r;
}

static BigInt bpow(Arena *a, uint32_t base, int e) {
    BigInt r = bfrom_u64(a, 1);
    for (int i = 0; i < e; i++) {
        r = bmul_small_add(a, &r, base, 0);
        if (too_big(&r)) return r;
    }
    return r;
}

static ConstVal *parse_number(Arena *a, TokKind kind, const char *raw, int len) {
    int base = 10, i = 0;
    if (len >= 2 && raw[0] == '0') {
        char c = raw[1];
        if (c == 'x' || c == 'X') base = 16, i = 2;
        else if (c == 'b' || c == 'B') base = 2, i = 2;
        else if (c == 'o' || c == 'O') base = 8, i = 2;
        else if (kind == TK_INT) base = 8, i = 1;
    }
    BigInt m = bz();
    int fracdigits = 0, seen_dot = 0;
    long exp = 0;
    for (; i < len; i++) {
        char c = raw[i];
        if (c == '_') continue;
        if (c == '.') {
            seen_dot = 1;
            continue;
        }
        if ((base == 10 && (c == 'e' || c == 'E')) || (base == 16 && (c == 'p' || c == 'P'))) {
            i++;
            int sign = 1;
            if (i < len && (raw[i] == '+' || raw[i] == '-')) sign = raw[i++] == '-' ? -1 : 1;
            long e = 0;
            for (; i < len; i++) {
                if (raw[i] == '_') continue;
                if (raw[i] < '0' || raw[i] > '9') return NULL;
                if (e < 100000) e = e * 10 + (raw[i] - '0');
            }
            exp = sign * e;
            break;
        }
        int d = digval((unsigned char)c);
        if (d >= base) return NULL;
        m = bmul_small_add(a, &m, (uint32_t)base, (uint32_t)d);
        if (too_big(&m)) return NULL;
        if (seen_dot) fracdigits++;
    }
    if (kind == TK_INT) {
        ConstVal *v = cvnew(a, CV_INT);
        v->i = m;
        return v;
    }
    BigInt num = m, den = bfrom_u64(a, 1);
    if (base == 16) {
        long e2 = exp - 4L * fracdigits;
        if (e2 > 8000 || e2 < -8000) return NULL;
        if (e2 > 0) num = bshl(a, &num, (unsigned)e2);
        else if (e2 < 0) den = bshl(a, &den, (unsigned)-e2);
    } else {
        long e10 = exp - fracdigits;
        if (e10 > 2500 || e10 < -2500) return NULL;
        if (e10 > 0) {
            BigInt p = bpow(a, 10, (int)e10);
            num = bmul(a, &num, &p);
        } else if (e10 < 0) {
            den = bpow(a, 10, (int)-e10);
        }
    }
    return mkrat(a, num, den);
}

static int put_utf8(char *o, uint32_t r) {
    if (r < 0x80) { o[0] = (char)r; return 1; }
    if (r < 0x800) { o[0] = (char)(0xc0 | (r >> 6)); o[1] = (char)(0x80 | (r & 0x3f)); return 2; }
    if (r > 0x10ffff || (r >= 0xd800 && r < 0xe000)) r = 0xfffd;
    if (r < 0x10000) {
        o[0] = (char)(0xe0 | (r >> 12)); o[1] = (char)(0x80 | ((r >> 6) & 0x3f)); o[2] = (char)(0x80 | (r & 0x3f));
        return 3;
    }
    o[0] = (char)(0xf0 | (r >> 18)); o[1] = (char)(0x80 | ((r >> 12) & 0x3f));
    o[2] = (char)(0x80 | ((r >> 6) & 0x3f)); o[3] = (char)(0x80 | (r & 0x3f));
    return 4;
}

static int get_utf8(const unsigned char *s, int n, uint32_t *r) {
    if (s[0] < 0x80 || n < 2) { *r = s[0]; return 1; }
    if ((s[0] & 0xe0) == 0xc0) { *r = ((uint32_t)(s[0] & 0x1f) << 6) | (s[1] & 0x3f); return 2; }
    if ((s[0] & 0xf0) == 0xe0 && n >= 3) {
        *r = ((uint32_t)(s[0] & 0x0f) << 12) | ((uint32_t)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
        return 3;
    }
    if (n >= 4) {
        *r = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3f) << 12) | ((uint32_t)(s[2] & 0x3f) << 6) |
             (s[3] & 0x3f);
        return 4;
    }
    *r = s[0];
    return 1;
}

/* Decode a Go string/rune literal (quotes included) into [out] (capacity >=
 * len); returns the decoded length, or -1 if malformed. *[rune] gets the
 * first rune for CHAR literals. */
static int unquote(const char *raw, int len, char *out, uint32_t *rune) {
    if (len < 2) return -1;
    if (raw[0] == '`') { /* raw string: drop carriage returns */
        int o = 0;
        for (int i = 1; i < len - 1; i++)
            if (raw[i] != '\r') out[o++] = raw[i];
        return o;
    }
    int o = 0, first = 1;
    *rune = 0;
    for (int i = 1; i < len - 1;) {
        unsigned char c = (unsigned char)raw[i];
        uint32_t r;
        int is_byte = 0;
        if (c != '\\') {
            int k = get_utf8((const unsigned char *)raw + i, len - 1 - i, &r);
            memcpy(out + o, raw + i, (size_t)k);
            o += k;
            i += k;
            if (first) *rune = r;
            first = 0;
            continue;
        }
        i++;
        if (i >= len - 1) return -1;
        char e = raw[i++];
        int nd = 0, base = 16;
        switch (e) {
        case 'a': r = 7; break;
        case 'b': r = 8; break;
        case 'f': r = 12; break;
        case 'n': r = 10; break;
        case 'r': r = 13; break;
        case 't': r = 9; break;
        case 'v': r = 11; break;
        case '\\': r = '\\'; break;
        case '\'': r = '\''; break;
        case '"': r = '"'; break;
        case 'x': nd = 2; is_byte = 1; break;
        case 'u': nd = 4; break;
        case 'U': nd = 8; break;
        default:
            if (e >= '0' && e <= '7') { nd = 2; base = 8; r = (uint32_t)(e - '0'); is_byte = 1; break; }
            return -1;
        }
        if (nd) {
            if (base == 16) r = 0;
            for (int k = 0; k < nd; k++) {
                if (i >= len - 1) return -1;
                int d = digval((unsigned char)raw[i++]);
                if (d >= base) return -1;
                r = r * (uint32_t)base + (uint32_t)d;
            }
        }
        if (first) *rune = r;
        first = 0;
        if (is_byte) out[o++] = (char)r;
        else o += put_utf8(out + o, r);
    }
    return o;
}

ConstVal *cv_from_lit(Arena *a, TokKind kind, const char *raw, int len) {
    if (kind == TK_INT || kind == TK_FLOAT) return parse_number(a, kind, raw, len);
    if (kind == TK_STRING || kind == TK_CHAR) {
        char *buf = arena_alloc(a, (size_t)len + 4);
        uint32_t rune = 0;
        int n = unquote(raw, len, buf, &rune);
        if (n < 0) return NULL;
        if (kind == TK_CHAR) return cv_int64(a, (int64_t)rune);
        ConstVal *v = cvnew(a, CV_STRING);
        v->s = buf;
        v->slen = n;
        return v;
    }
    return NULL;
}

/* ---- arithmetic ---- */

/* two's complement limbs of x in width n limbs */
static void twos(const BigInt *x, uint32_t *out, int n) {
    for (int i = 0; i < n; i++) out[i] = i < x->n ? x->d[i] : 0;
    if (x->neg) {
        uint64_t c = 1;
        for (int i = 0; i < n; i++) {
            uint64_t t = (uint64_t)(uint32_t)~out[i] + c;
            out[i] = (uint32_t)t;
            c = t >> 32;
        }
    }
}

static BigInt from_twos(Arena *a, uint32_t *v, int n) {
    BigInt r = bnew(a, n);
    int neg = (v[n - 1] >> 31) & 1;
    if (neg) {
        uint64_t c = 1;
        for (int i = 0; i < n; i++) {
            uint64_t t = (uint64_t)(uint32_t)~v[i] + c;
            r.d[i] = (uint32_t)t;
            c = t >> 32;
        }
    } else {
        memcpy(r.d, v, sizeof(uint32_t) * (size_t)n);
    }
    r.neg = neg;
    bnorm(&r);
    return r;
}

static BigInt bbitop(Arena *a, TokKind op, const BigInt *x, const BigInt *y) {
    int n = (x->n > y->n ? x->n : y->n) + 1;
    uint32_t *p = arena_alloc(a, sizeof(uint32_t) * (size_t)n * 2), *q = p + n;
    twos(x, p, n);
    twos(y, q, n);
    for (int i = 0; i < n; i++) {
        switch (op) {
        case TK_AND: p[i] &= q[i]; break;
        case TK_OR: p[i] |= q[i]; break;
        case TK_XOR: p[i] ^= q[i]; break;
        default: p[i] &= ~q[i]; break; /* AND_NOT */
        }
    }
    return from_twos(a, p, n);
}

static ConstVal *mkint(Arena *a, BigInt x) {
    if (too_big(&x)) return NULL;
    ConstVal *v = cvnew(a, CV_INT);
    v->i = x;
    return v;
}

ConstVal *cv_binop(Arena *a, TokKind op, const ConstVal *x, const ConstVal *y, int intdiv) {
    if (x->kind == CV_BOOL) {
        switch (op) {
        case TK_LAND: return cv_bool(a, x->b && y->b);
        case TK_LOR: return cv_bool(a, x->b || y->b);
        default: return NULL;
        }
    }
    if (x->kind == CV_STRING) {
        if (op != TK_ADD) return NULL;
        char *s = arena_alloc(a, (size_t)x->slen + (size_t)y->slen + 1);
        memcpy(s, x->s, (size_t)x->slen);
        memcpy(s + x->slen, y->s, (size_t)y->slen);
        ConstVal *v = cvnew(a, CV_STRING);
        v->s = s;
        v->slen = x->slen + y->slen;
        return v;
    }
    if (x->kind == CV_INT && y->kind == CV_INT && (op != TK_QUO || intdiv)) {
        switch (op) {
        case TK_ADD: return mkint(a, badd(a, &x->i, &y->i));
        case TK_SUB: return mkint(a, bsub(a, &x->i, &y->i));
        case TK_MUL: return mkint(a, bmul(a, &x->i, &y->i));
        case TK_QUO:
        case TK_REM: {
            if (!y->i.n) return NULL;
            BigInt q, r;
            bdivmod(a, &x->i, &y->i, &q, &r);
            if (op == TK_QUO) {
                q.neg = q.n && (x->i.neg != y->i.neg);
                return mkint(a, q);
            }
            r.neg = r.n && x->i.neg;
            return mkint(a, r);
        }
        case TK_AND: case TK_OR: case TK_XOR: case TK_AND_NOT:
            return mkint(a, bbitop(a, op, &x->i, &y->i));
        default: return NULL;
        }
    }
    const ConstVal *fx = cv_to_float(a, x), *fy = cv_to_float(a, y);
    if (!fx || !fy) return NULL;
    BigInt n1, n2, d;
    switch (op) {
    case TK_ADD:
    case TK_SUB:
        n1 = bmul(a, &fx->num, &fy->den);
        n2 = bmul(a, &fy->num, &fx->den);
        d = bmul(a, &fx->den, &fy->den);
        return mkrat(a, op == TK_ADD ? badd(a, &n1, &n2) : bsub(a, &n1, &n2), d);
    case TK_MUL:
        return mkrat(a, bmul(a, &fx->num, &fy->num), bmul(a, &fx->den, &fy->den));
    case TK_QUO:
        if (!fy->num.n) return NULL;
        return mkrat(a, bmul(a, &fx->num, &fy->den), bmul(a, &fx->den, &fy->num));
    default: return NULL;
    }
}

ConstVal *cv_shift(Arena *a, TokKind op, const ConstVal *x, unsigned s) {
    ConstVal *xi = cv_to_int(a, x);
    if (!xi) return NULL;
    if (op == TK_SHL) {
        if (s > 32u * CV_MAX_LIMBS) return NULL;
        return mkint(a, bshl(a, &xi->i, s));
    }
    /* arithmetic shift right: floor division by 2^s */
    if (!xi->i.neg) return mkint(a, bshrmag(a, &xi->i, s));
    BigInt one = bfrom_u64(a, 1);
    BigInt ax = bneg(&xi->i); /* floor(x/2^s) = -((|x|-1)>>s) - 1 */
    BigInt m = bsub(a, &ax, &one);
    BigInt t = bshrmag(a, &m, s);
    t = badd(a, &t, &one);
    t.neg = t.n != 0;
    return mkint(a, t);
}

ConstVal *cv_unop(Arena *a, TokKind op, const ConstVal *x, int ubits) {
    switch (op) {
    case TK_ADD: return (ConstVal *)x;
    case TK_NOT: return x->kind == CV_BOOL ? cv_bool(a, !x->b) : NULL;
    case TK_SUB:
        if (x->kind == CV_INT) return mkint(a, bneg(&x->i));
        if (x->kind == CV_FLOAT) {
            ConstVal *v = cvnew(a, CV_FLOAT);
            *v = *x;
            v->num = bneg(&x->num);
            return v;
        }
        return NULL;
    case TK_XOR: {
        if (x->kind != CV_INT) return NULL;
        BigInt one = bfrom_u64(a, 1);
        if (ubits) { /* x ^ (2^bits - 1) */
            BigInt m = bshl(a, &one, (unsigned)ubits);
            m = bsub(a, &m, &one);
            return mkint(a, bbitop(a, TK_XOR, &x->i, &m));
        }
        BigInt nx = bneg(&x->i);
        return mkint(a, bsub(a, &nx, &one));
    }
    default: return NULL;
    }
}

static int cmpnum(const ConstVal *x, const ConstVal *y) {
    if (x->kind == CV_INT && y->kind == CV_INT) return bcmp_(&x->i, &y->i);
    Arena tmp = {0};
    const ConstVal *fx = cv_to_float(&tmp, x), *fy = cv_to_float(&tmp, y);
    int c = 0;
    if (fx && fy) {
        BigInt l = bmul(&tmp, &fx->num, &fy->den), r = bmul(&tmp, &fy->num, &fx->den);
        c = bcmp_(&l, &r);
    }
    arena_free(&tmp);
    return c;
}

int cv_compare(TokKind op, const ConstVal *x, const ConstVal *y) {
    int c;
    if (x->kind == CV_BOOL) c = x->b != y->b;
    else if (x->kind == CV_STRING) {
        int n = x->slen < y->slen ? x->slen : y->slen;
        c = memcmp(x->s, y->s, (size_t)n);
        if (!c) c = (x->slen > y->slen) - (x->slen < y->slen);
    } else c = cmpnum(x, y);
    switch (op) {
    case TK_EQL: return c == 0;
    case TK_NEQ: return c != 0;
    case TK_LSS: return c < 0;
    case TK_LEQ: return c <= 0;
    case TK_GTR: return c > 0;
    case TK_GEQ: return c >= 0;
    default: return 0;
    }
}

int cv_equal(const ConstVal *x, const ConstVal *y) {
    if (!x || !y) return 0;
    if ((x->kind == CV_BOOL) != (y->kind == CV_BOOL)) return 0;
    if ((x->kind == CV_STRING) != (y->kind == CV_STRING)) return 0;
    return cv_compare(TK_EQL, x, y);
}

int cv_sign(const ConstVal *x) {
    const BigInt *b = x->kind == CV_INT ? &x->i : &x->num;
    return b->n == 0 ? 0 : b->neg ? -1 : 1;
}

int cv_fits_int(const ConstVal *x, int bits, int is_signed) {
    if (x->kind != CV_INT) return 0;
    int bl = bbitlen(&x->i);
    if (!is_signed) return !x->i.neg && bl <= bits;
    if (!x->i.neg) return bl <= bits - 1;
    /* negative: |x| <= 2^(bits-1) */
    if (bl < bits) return 1;
    if (bl > bits) return 0;
    for (int i = 0; i < bits - 1; i++)
        if (btestbit(&x->i, i)) return 0;
    return 1;
}

int64_t cv_int64_val(const ConstVal *x) {
    const BigInt *b = &x->i;
    uint64_t m = blow64(b);
    return b->neg ? (int64_t)(0 - m) : (int64_t)m;
}

uint64_t cv_uint64_val(const ConstVal *x) {
    uint64_t m = blow64(&x->i);
    return x->i.neg ? 0 - m : m;
}

/* num/den rounded to nearest even with [mant] mantissa bits; exponent via
 * ldexp (subnormals are handled by computing with fewer bits). */
static double rat_to_double(const BigInt *num, const BigInt *den, int mant) {
    if (!num->n) return 0.0;
    Arena tmp = {0};
    int sh = bbitlen(den) - bbitlen(num) + mant + 2; /* quotient gets mant+2..mant+3 bits */
    BigInt n = *num, d = *den;
    n.neg = 0;
    if (sh > 0) n = bshl(&tmp, &n, (unsigned)sh);
    else if (sh < 0) d = bshl(&tmp, &d, (unsigned)-sh);
    BigInt q, r;
    bdivmod(&tmp, &n, &d, &q, &r);
    int qb = bbitlen(&q);
    int e = -sh;
    /* exponent of result ~ qb + e - 1; subnormal threshold for float64 -1022 */
    int keep = mant;
    int minexp = mant == 53 ? -1022 : -126;
    int topexp = qb + e - 1;
    if (topexp < minexp) keep = mant - (minexp - topexp);
    if (keep < 0) keep = 0;
    int drop = qb - keep;
    uint64_t top = 0;
    int sticky = r.n != 0;
    if (drop > 0) {
        BigInt t = bshrmag(&tmp, &q, (unsigned)drop);
        top = blow64(&t);
        int half = btestbit(&q, drop - 1);
        for (int i = 0; i < drop - 1 && !sticky; i++)
            if (btestbit(&q, i)) sticky = 1;
        if (half && (sticky || (top & 1))) top++;
        e += drop;
    } else {
        top = blow64(&q);
    }
    arena_free(&tmp);
    double v = ldexp((double)top, e);
    return num->neg ? -v : v;
}

double cv_float64_val(const ConstVal *x) {
    if (x->kind == CV_INT) {
        BigInt one = {0, 1, (uint32_t[]){1}};
        return rat_to_double(&x->i, &one, 53);
    }
    if (x->kind != CV_FLOAT) return 0;
    return rat_to_double(&x->num, &x->den, 53);
}

ConstVal *cv_round_float(Arena *a, const ConstVal *x, int bits) {
    const ConstVal *f = cv_to_float(a, x);
    if (!f) return NULL;
    double d;
    if (bits == 32) {
        d = rat_to_double(&f->num, &f->den, 24);
        if (fabs(d) > 3.40282346638528859811704183484516925440e+38) return NULL;
    } else {
        d = rat_to_double(&f->num, &f->den, 53);
    }
    if (isinf(d)) return NULL;
    return cv_float64(a, d);
}

static void bdecimal(const BigInt *x, char *buf, int size) {
    Arena tmp = {0};
    int cap = x->n * 10 + 3;
    char *digits = arena_alloc(&tmp, (size_t)cap);
    int nd = 0;
    BigInt v = *x;
    v.neg = 0;
    BigInt ten9 = bfrom_u64(&tmp, 1000000000u);
    while (v.n) {
        BigInt q, r;
        bdivmod(&tmp, &v, &ten9, &q, &r);
        uint32_t chunk = (uint32_t)blow64(&r);
        for (int k = 0; k < 9; k++) {
            digits[nd++] = (char)('0' + chunk % 10);
            chunk /= 10;
            if (!q.n && !chunk) break;
        }
        v = q;
    }
    if (!nd) digits[nd++] = '0';
    int o = 0;
    if (x->neg && o < size - 1) buf[o++] = '-';
    for (int k = nd - 1; k >= 0 && o < size - 1; k--) buf[o++] = digits[k];
    buf[o] = 0;
    arena_free(&tmp);
}

char *cv_format(const ConstVal *x, char *buf, int size) {
    switch (x->kind) {
    case CV_BOOL: snprintf(buf, (size_t)size, "%s", x->b ? "true" : "false"); break;
    case CV_INT: bdecimal(&x->i, buf, size); break;
    case CV_FLOAT: {
        double d = cv_float64_val(x);
        if (!isinf(d) && (d != 0 || !x->num.n)) {
            snprintf(buf, (size_t)size, "%.6g", d);
            break;
        }
        /* out of float64 range: Go's approximate mant * 10**e form */
        Arena tmp = {0};
        int exp = bbitlen(&x->num) - bbitlen(&x->den);
        BigInt n = x->num, dd = x->den;
        n.neg = 0;
        if (exp > 0) dd = bshl(&tmp, &dd, (unsigned)exp);
        else if (exp < 0) n = bshl(&tmp, &n, (unsigned)-exp);
        double m = rat_to_double(&n, &dd, 53); /* in [0.5, 2) */
        while (m >= 1) {
            m /= 2;
            exp++;
        }
        while (m < 0.5) {
            m *= 2;
            exp--;
        }
        arena_free(&tmp);
        if (x->num.neg) m = -m;
        double dl = (double)exp * (0.693147180559945309417232121458176568 / 2.30258509299404568401799145468436421);
        long e = (long)dl;
        m *= pow(10, dl - (double)e);
        double am = fabs(m);
        if (am < 1 - 0.5e-6) {
            m *= 10;
            e--;
        } else if (am >= 10) {
            m /= 10;
            e++;
        }
        snprintf(buf, (size_t)size, "%.6ge%+ld", m, e);
        break;
    }
    case CV_STRING: {
        /* Go: strconv.Quote, shortened to 72 chars with "..." */
        int o = 0;
        buf[o++] = '"';
        for (int i = 0; i < x->slen && o < size - 8; i++) {
            unsigned char c = (unsigned char)x->s[i];
            if (c == '"' || c == '\\') {
                buf[o++] = '\\';
                buf[o++] = (char)c;
            } else if (c == '\n') {
                buf[o++] = '\\';
                buf[o++] = 'n';
            } else if (c == '\t') {
                buf[o++] = '\\';
                buf[o++] = 't';
            } else if (c < 0x20 || c == 0x7f) {
                o += snprintf(buf + o, (size_t)(size - o), "\\x%02x", c);
            } else {
                buf[o++] = (char)c;
            }
        }
        buf[o++] = '"';
        buf[o] = 0;
        if (o > 72) { /* Go keeps the first 69 chars and appends "..." */
            buf[69] = 0;
            strcat(buf, "...");
        }
        break;
    }
    }
    return buf;
}
