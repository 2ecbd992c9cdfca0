/* gofmt: buffer, Printf directive iterator and drivers, integer/string/bool verbs.
 *
 * A port of Go 1.19's src/fmt/print.go (doPrintf, printArg, badVerb) and
 * src/fmt/format.go (pad, fmtInteger, fmtUnicode, fmtC, fmtQc, fmtS, fmtSbx,
 * fmtQ, fmtBoolean), kept close to the original so that every corner
 * (zero padding with a sign, %#o on 0, %x on negatives, BADINDEX rules)
 * follows from the same steps.
 *
 * Invariants: a GofmtBuf with cap > 0 has data[len] == '\0'.
 */
#include "gofmt.h"

#include <string.h>

#include "mem.h"

/* ===================================================================== */
/* Buffer                                                                */
/* ===================================================================== */

static void reserve(GofmtBuf *b, size_t extra) {
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
    size_t nc = b->cap ? b->cap * 2 : 64;
    while (nc < need)
        nc *= 2;
    b->data = mem_realloc(b->data, b->cap, nc);
    b->cap = nc;
}

void gofmt_buf_free(GofmtBuf *b) {
    if (b->data) mem_free(b->data, b->cap);
    b->data = NULL;
    b->len = b->cap = 0;
}

void gofmt_buf_reset(GofmtBuf *b) {
    b->len = 0;
    if (b->cap) b->data[0] = '\0';
}

void gofmt_put(GofmtBuf *b, const char *s, size_t n) {
    reserve(b, n);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void gofmt_puts(GofmtBuf *b, const char *s) {
    gofmt_put(b, s, strlen(s));
}

void gofmt_putc(GofmtBuf *b, char c) {
    reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void gofmt_put_rune(GofmtBuf *b, int32_t r) {
    char tmp[4];
    int w = gofmt_utf8_encode(tmp, r);
    gofmt_put(b, tmp, (size_t)w);
}

char *gofmt_take(const GofmtBuf *b, size_t *len_out) {
    char *p = mem_strndup(b->data ? b->data : "", b->len);
    if (len_out) *len_out = b->len;
    return p;
}

static void put_repeat(GofmtBuf *b, char c, int n) {
    if (n <= 0) return;
    reserve(b, (size_t)n);
    memset(b->data + b->len, c, (size_t)n);
    b->len += (size_t)n;
    b->data[b->len] = '\0';
}

/* ===================================================================== */
/* Padding (format.go pad/writePadding)                                  */
/* ===================================================================== */

GofmtSpec gofmt_spec_verb(int32_t verb) {
    GofmtSpec s;
    memset(&s, 0, sizeof s);
    s.verb = verb;
    return s;
}

static void write_padding(GofmtBuf *b, const GofmtSpec *sp, int n) {
    put_repeat(b, sp->zero ? '0' : ' ', n);
}

void gofmt_pad(GofmtBuf *b, const GofmtSpec *sp, const char *s, size_t n) {
    if (!sp->wid_present || sp->wid == 0) {
        gofmt_put(b, s, n);
        return;
    }
    int width = sp->wid - (int)gofmt_utf8_count(s, n);
    if (!sp->minus) {
        write_padding(b, sp, width);
        gofmt_put(b, s, n);
    } else {
        gofmt_put(b, s, n);
        write_padding(b, sp, width);
    }
}

/* pad_nozero: pad with spaces even under the '0' flag (fmt clears f.zero). */
static void pad_nozero(GofmtBuf *b, const GofmtSpec *sp, const char *s, size_t n) {
    GofmtSpec t = *sp;
    t.zero = false;
    gofmt_pad(b, &t, s, n);
}

/* ===================================================================== */
/* Bad verbs                                                             */
/* ===================================================================== */

void gofmt_bad_verb_open(GofmtBuf *b, int32_t verb, const char *type_name) {
    gofmt_put(b, "%!", 2);
    gofmt_put_rune(b, verb);
    gofmt_putc(b, '(');
    if (type_name) {
        gofmt_puts(b, type_name);
        gofmt_putc(b, '=');
    } else {
        gofmt_puts(b, "<nil>");
    }
}

void gofmt_bad_verb_close(GofmtBuf *b) {
    gofmt_putc(b, ')');
}

/* bad_verb: badVerb for a scalar: the value is re-printed with %v and the
 * same flags (fmt keeps p.fmt's flags while erroring). */
static void bad_verb(GofmtBuf *b, const GofmtSpec *sp, const GofmtValue *v) {
    gofmt_bad_verb_open(b, sp->verb, v->kind == GOFMT_NIL ? NULL : gofmt_value_type_name(v));
    if (v->kind != GOFMT_NIL) {
        GofmtSpec t = *sp;
        t.verb = 'v';
        gofmt_value(b, &t, v);
    }
    gofmt_bad_verb_close(b);
}

/* ===================================================================== */
/* Integers (format.go fmtInteger, fmtUnicode, fmtC, fmtQc)              */
/* ===================================================================== */

static const char ldigits[] = "0123456789abcdefx";
static const char udigits[] = "0123456789ABCDEFX";

static void fmt_integer(GofmtBuf *b, const GofmtSpec *sp, uint64_t u, int base, bool is_signed,
                        int32_t verb, const char *digits) {
    bool negative = is_signed && (int64_t)u < 0;
    if (negative) u = -u;
    /* Widths are capped at 1e6 by the parser, so this never overflows. */
    size_t cap = 68;
    if (sp->wid_present || sp->prec_present) {
        size_t w = 3 + (size_t)sp->wid + (size_t)sp->prec;
        if (w > cap) cap = w;
    }
    char small[68];
    char *buf = cap > sizeof small ? mem_alloc(cap) : small;
    int prec = 0;
    if (sp->prec_present) {
        prec = sp->prec;
        if (prec == 0 && u == 0) {
            GofmtSpec t = *sp;
            t.zero = false;
            write_padding(b, &t, sp->wid);
            goto done;
        }
    } else if (sp->zero && sp->wid_present) {
        prec = sp->wid;
        if (negative || sp->plus || sp->space) prec--;
    }
    size_t i = cap;
    switch (base) {
    case 10:
        while (u >= 10) {
            uint64_t next = u / 10;
            buf[--i] = (char)('0' + u - next * 10);
            u = next;
        }
        break;
    case 16:
        while (u >= 16) {
            buf[--i] = digits[u & 0xF];
            u >>= 4;
        }
        break;
    case 8:
        while (u >= 8) {
            buf[--i] = (char)('0' + (u & 7));
            u >>= 3;
        }
        break;
    case 2:
        while (u >= 2) {
            buf[--i] = (char)('0' + (u & 1));
            u >>= 1;
        }
        break;
    default: GORO_ASSERT(0 && "unknown base");
    }
    buf[--i] = digits[u];
    while (i > 0 && prec > (int)(cap - i))
        buf[--i] = '0';
    if (sp->sharp) {
        switch (base) {
        case 2:
            buf[--i] = 'b';
            buf[--i] = '0';
            break;
        case 8:
            if (buf[i] != '0') buf[--i] = '0';
            break;
        case 16:
            buf[--i] = digits[16];
            buf[--i] = '0';
            break;
        }
    }
    if (verb == 'O') {
        buf[--i] = 'o';
        buf[--i] = '0';
    }
    if (negative)
        buf[--i] = '-';
    else if (sp->plus)
        buf[--i] = '+';
    else if (sp->space)
        buf[--i] = ' ';
    pad_nozero(b, sp, buf + i, cap - i);
done:
    if (buf != small) mem_free(buf, cap);
}

static void fmt_unicode(GofmtBuf *b, const GofmtSpec *sp, uint64_t u) {
    char tmp[128];
    int prec = 4;
    if (sp->prec_present && sp->prec > 4) prec = sp->prec;
    /* Leading zeros beyond the buffer go straight to a heap buffer. */
    size_t cap = (size_t)prec + 32;
    char *buf = cap > sizeof tmp ? mem_alloc(cap) : tmp;
    if (cap <= sizeof tmp) cap = sizeof tmp;
    size_t i = cap;
    if (sp->sharp && u <= 0x10FFFF && gofmt_is_print((int32_t)u)) {
        char enc[4];
        int w = gofmt_utf8_encode(enc, (int32_t)u);
        buf[--i] = '\'';
        i -= (size_t)w;
        memcpy(buf + i, enc, (size_t)w);
        buf[--i] = '\'';
        buf[--i] = ' ';
    }
    while (u >= 16) {
        buf[--i] = udigits[u & 0xF];
        prec--;
        u >>= 4;
    }
    buf[--i] = udigits[u];
    prec--;
    while (prec > 0) {
        buf[--i] = '0';
        prec--;
    }
    buf[--i] = '+';
    buf[--i] = 'U';
    pad_nozero(b, sp, buf + i, cap - i);
    if (buf != tmp) mem_free(buf, cap);
}

static void fmt_c(GofmtBuf *b, const GofmtSpec *sp, uint64_t c) {
    int32_t r = c > 0x10FFFF ? 0xFFFD : (int32_t)c;
    char enc[4];
    int w = gofmt_utf8_encode(enc, r);
    gofmt_pad(b, sp, enc, (size_t)w);
}

static void fmt_qc(GofmtBuf *b, const GofmtSpec *sp, uint64_t c) {
    int32_t r = c > 0x10FFFF ? 0xFFFD : (int32_t)c;
    GofmtBuf t = {0};
    gofmt_quote_rune(&t, r, sp->plus);
    gofmt_pad(b, sp, t.data, t.len);
    gofmt_buf_free(&t);
}

/* fmt0x64: %#v of unsigned integers and pointers: hex with or without 0x. */
static void fmt0x64(GofmtBuf *b, const GofmtSpec *sp, uint64_t v, bool leading0x) {
    GofmtSpec t = *sp;
    t.sharp = leading0x;
    fmt_integer(b, &t, v, 16, false, 'v', ldigits);
}

void gofmt_int(GofmtBuf *b, const GofmtSpec *sp, uint64_t v, bool is_signed,
               const char *type_name) {
    switch (sp->verb) {
    case 'v':
        if (sp->sharp_v && !is_signed)
            fmt0x64(b, sp, v, true);
        else
            fmt_integer(b, sp, v, 10, is_signed, 'v', ldigits);
        break;
    case 'd': fmt_integer(b, sp, v, 10, is_signed, 'd', ldigits); break;
    case 'b': fmt_integer(b, sp, v, 2, is_signed, 'b', ldigits); break;
    case 'o':
    case 'O': fmt_integer(b, sp, v, 8, is_signed, sp->verb, ldigits); break;
    case 'x': fmt_integer(b, sp, v, 16, is_signed, 'x', ldigits); break;
    case 'X': fmt_integer(b, sp, v, 16, is_signed, 'X', udigits); break;
    case 'c': fmt_c(b, sp, v); break;
    case 'q': fmt_qc(b, sp, v); break;
    case 'U': fmt_unicode(b, sp, v); break;
    default: {
        GofmtValue val = is_signed ? gofmt_v_int((int64_t)v) : gofmt_v_uint(v);
        val.type_name = type_name;
        bad_verb(b, sp, &val);
    }
    }
}

/* ===================================================================== */
/* Strings and bytes (format.go fmtS, fmtSbx, fmtQ)                      */
/* ===================================================================== */

/* truncate_len: the byte length of [s] cut to [sp]'s precision in runes. */
static size_t truncate_len(const GofmtSpec *sp, const char *s, size_t n) {
    if (!sp->prec_present) return n;
    int left = sp->prec;
    size_t i = 0;
    while (i < n) {
        if (--left < 0) return i;
        int w = 1;
        if ((unsigned char)s[i] >= 0x80) gofmt_utf8_decode(s + i, n - i, &w);
        i += (size_t)w;
    }
    return n;
}

static void fmt_s(GofmtBuf *b, const GofmtSpec *sp, const char *s, size_t n) {
    gofmt_pad(b, sp, s, truncate_len(sp, s, n));
}

static void fmt_sbx(GofmtBuf *b, const GofmtSpec *sp, const char *s, size_t n, const char *digits) {
    size_t length = n;
    if (sp->prec_present && (size_t)sp->prec < length) length = (size_t)sp->prec;
    size_t width = 2 * length;
    if (width > 0) {
        if (sp->space) {
            if (sp->sharp) width *= 2;
            width += length - 1;
        } else if (sp->sharp) {
            width += 2;
        }
    } else {
        if (sp->wid_present) write_padding(b, sp, sp->wid);
        return;
    }
    if (sp->wid_present && (size_t)sp->wid > width && !sp->minus)
        write_padding(b, sp, sp->wid - (int)width);
    if (sp->sharp) {
        gofmt_putc(b, '0');
        gofmt_putc(b, digits[16]);
    }
    for (size_t i = 0; i < length; i++) {
        if (sp->space && i > 0) {
            gofmt_putc(b, ' ');
            if (sp->sharp) {
                gofmt_putc(b, '0');
                gofmt_putc(b, digits[16]);
            }
        }
        unsigned char c = (unsigned char)s[i];
        gofmt_putc(b, digits[c >> 4]);
        gofmt_putc(b, digits[c & 0xF]);
    }
    if (sp->wid_present && (size_t)sp->wid > width && sp->minus)
        write_padding(b, sp, sp->wid - (int)width);
}

static void fmt_q(GofmtBuf *b, const GofmtSpec *sp, const char *s, size_t n) {
    n = truncate_len(sp, s, n);
    GofmtBuf t = {0};
    if (sp->sharp && gofmt_can_backquote(s, n)) {
        gofmt_putc(&t, '`');
        gofmt_put(&t, s, n);
        gofmt_putc(&t, '`');
    } else {
        gofmt_quote(&t, s, n, sp->plus);
    }
    gofmt_pad(b, sp, t.data, t.len);
    gofmt_buf_free(&t);
}

void gofmt_string(GofmtBuf *b, const GofmtSpec *sp, const char *s, size_t n,
                  const char *type_name) {
    switch (sp->verb) {
    case 'v':
        if (sp->sharp_v)
            fmt_q(b, sp, s, n);
        else
            fmt_s(b, sp, s, n);
        break;
    case 's': fmt_s(b, sp, s, n); break;
    case 'x': fmt_sbx(b, sp, s, n, ldigits); break;
    case 'X': fmt_sbx(b, sp, s, n, udigits); break;
    case 'q': fmt_q(b, sp, s, n); break;
    default: {
        GofmtValue val = gofmt_v_str(s, n);
        val.type_name = type_name;
        bad_verb(b, sp, &val);
    }
    }
}

void gofmt_bytes(GofmtBuf *b, const GofmtSpec *sp, const unsigned char *p, size_t n,
                 const char *type_name) {
    const char *s = (const char *)p;
    switch (sp->verb) {
    case 'v':
    case 'd':
        if (sp->sharp_v) {
            gofmt_puts(b, type_name ? type_name : "[]byte");
            /* The VM passes NULL [p] for a nil slice. */
            if (p == NULL) {
                gofmt_puts(b, "(nil)");
                return;
            }
            gofmt_putc(b, '{');
            for (size_t i = 0; i < n; i++) {
                if (i > 0) gofmt_puts(b, ", ");
                fmt0x64(b, sp, p[i], true);
            }
            gofmt_putc(b, '}');
        } else {
            gofmt_putc(b, '[');
            for (size_t i = 0; i < n; i++) {
                if (i > 0) gofmt_putc(b, ' ');
                fmt_integer(b, sp, p[i], 10, false, sp->verb, ldigits);
            }
            gofmt_putc(b, ']');
        }
        break;
    case 's': fmt_s(b, sp, s, n); break;
    case 'x': fmt_sbx(b, sp, s, n, ldigits); break;
    case 'X': fmt_sbx(b, sp, s, n, udigits); break;
    case 'q': fmt_q(b, sp, s, n); break;
    default:
        /* fmt prints a []byte with other verbs element by element. */
        gofmt_putc(b, '[');
        for (size_t i = 0; i < n; i++) {
            if (i > 0) gofmt_putc(b, ' ');
            gofmt_int(b, sp, p[i], false, "uint8");
        }
        gofmt_putc(b, ']');
    }
}

bool gofmt_pointer(GofmtBuf *b, const GofmtSpec *sp, uint64_t u, const char *type_name) {
    switch (sp->verb) {
    case 'v':
        if (sp->sharp_v) {
            gofmt_putc(b, '(');
            gofmt_puts(b, type_name);
            gofmt_puts(b, ")(");
            if (u == 0)
                gofmt_puts(b, "nil");
            else
                fmt0x64(b, sp, u, true);
            gofmt_putc(b, ')');
        } else if (u == 0) {
            gofmt_pad(b, sp, "<nil>", 5);
        } else {
            fmt0x64(b, sp, u, !sp->sharp);
        }
        return true;
    case 'p': fmt0x64(b, sp, u, !sp->sharp); return true;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X': gofmt_int(b, sp, u, false, type_name); return true;
    }
    return false;
}

void gofmt_bool(GofmtBuf *b, const GofmtSpec *sp, bool v, const char *type_name) {
    switch (sp->verb) {
    case 't':
    case 'v':
        if (v)
            gofmt_pad(b, sp, "true", 4);
        else
            gofmt_pad(b, sp, "false", 5);
        break;
    default: {
        GofmtValue val = gofmt_v_bool(v);
        val.type_name = type_name;
        bad_verb(b, sp, &val);
    }
    }
}

/* ===================================================================== */
/* Values (print.go printArg for scalars)                                */
/* ===================================================================== */

GofmtValue gofmt_v_int(int64_t i) {
    GofmtValue v = {.kind = GOFMT_INT, .i = i};
    return v;
}
GofmtValue gofmt_v_uint(uint64_t u) {
    GofmtValue v = {.kind = GOFMT_UINT, .u = u};
    return v;
}
GofmtValue gofmt_v_float(double f) {
    GofmtValue v = {.kind = GOFMT_FLOAT64, .f = f};
    return v;
}
GofmtValue gofmt_v_float32(float f) {
    GofmtValue v = {.kind = GOFMT_FLOAT32, .f = (double)f};
    return v;
}
GofmtValue gofmt_v_str(const char *s, size_t n) {
    GofmtValue v = {.kind = GOFMT_STRING, .s = s, .n = n};
    return v;
}
GofmtValue gofmt_v_bool(bool b) {
    GofmtValue v = {.kind = GOFMT_BOOL, .b = b};
    return v;
}
GofmtValue gofmt_v_nil(void) {
    GofmtValue v = {.kind = GOFMT_NIL};
    return v;
}

const char *gofmt_value_type_name(const GofmtValue *v) {
    if (v->type_name) return v->type_name;
    switch (v->kind) {
    case GOFMT_NIL: return NULL;
    case GOFMT_BOOL: return "bool";
    case GOFMT_INT: return "int";
    case GOFMT_UINT: return "uint";
    case GOFMT_FLOAT32: return "float32";
    case GOFMT_FLOAT64: return "float64";
    case GOFMT_STRING: return "string";
    case GOFMT_BYTES: return "[]uint8";
    }
    return NULL;
}

void gofmt_value(GofmtBuf *b, const GofmtSpec *sp, const GofmtValue *v) {
    if (v->kind == GOFMT_NIL) {
        if (sp->verb == 'T' || sp->verb == 'v')
            gofmt_pad(b, sp, "<nil>", 5);
        else
            bad_verb(b, sp, v);
        return;
    }
    const char *tn = gofmt_value_type_name(v);
    if (sp->verb == 'T') {
        fmt_s(b, sp, tn, strlen(tn));
        return;
    }
    if (sp->verb == 'p') {
        bad_verb(b, sp, v);
        return;
    }
    switch (v->kind) {
    case GOFMT_BOOL: gofmt_bool(b, sp, v->b, tn); break;
    case GOFMT_INT: gofmt_int(b, sp, (uint64_t)v->i, true, tn); break;
    case GOFMT_UINT: gofmt_int(b, sp, v->u, false, tn); break;
    case GOFMT_FLOAT32: gofmt_float(b, sp, v->f, 32, tn); break;
    case GOFMT_FLOAT64: gofmt_float(b, sp, v->f, 64, tn); break;
    case GOFMT_STRING: gofmt_string(b, sp, v->s, v->n, tn); break;
    case GOFMT_BYTES:
        /* printArg's []byte case names the type "[]byte" in %#v. */
        gofmt_bytes(b, sp, (const unsigned char *)v->s, v->n, v->type_name);
        break;
    case GOFMT_NIL: break;
    }
}

/* ===================================================================== */
/* Directive iterator (print.go doPrintf)                                */
/* ===================================================================== */

static bool too_large(int64_t x) {
    return x > 1000000 || x < -1000000;
}

/* parsenum: digits at fmt[*i..end) as a number; false if none or huge. */
static bool parsenum(const char *s, size_t *i, size_t end, int *num) {
    int64_t v = 0;
    bool isnum = false;
    size_t j = *i;
    if (j >= end) return false;
    for (; j < end && s[j] >= '0' && s[j] <= '9'; j++) {
        if (too_large(v)) {
            *i = end;
            *num = 0;
            return false;
        }
        v = v * 10 + (s[j] - '0');
        isnum = true;
    }
    *i = j;
    *num = (int)v;
    return isnum;
}

void gofmt_iter_init(GofmtIter *it, const char *fmt, size_t len, int nargs, GofmtIntArg int_arg,
                     void *ctx) {
    memset(it, 0, sizeof *it);
    it->fmt = fmt;
    it->len = len;
    it->nargs = nargs;
    it->int_arg = int_arg;
    it->ctx = ctx;
}

/* int_from_arg: intFromArg: the '*' operand, consuming one argument. */
static bool int_from_arg(GofmtIter *it, int *num) {
    *num = 0;
    if (it->arg_num >= it->nargs) return false;
    int64_t v = 0;
    bool ok = it->int_arg && it->int_arg(it->ctx, it->arg_num, &v);
    it->arg_num++;
    if (!ok || too_large(v)) return false;
    *num = (int)v;
    return true;
}

/* arg_number: argNumber: an optional "[n]" index at fmt[*i]. Returns whether
 * one was found ("afterIndex"); clears *good on a bad index. */
static bool arg_number(GofmtIter *it, size_t *i, bool *good) {
    const char *f = it->fmt;
    size_t end = it->len;
    if (*i >= end || f[*i] != '[') return false;
    it->reordered = true;
    /* parseArgNumber on f[*i:] */
    size_t rest = end - *i;
    int index = 0;
    size_t wid = 1;
    bool ok = false;
    if (rest >= 3) {
        for (size_t k = 1; k < rest; k++) {
            if (f[*i + k] == ']') {
                size_t j = *i + 1;
                int width = 0;
                bool isnum = parsenum(f, &j, *i + k, &width);
                if (!isnum || j != *i + k) {
                    wid = k + 1;
                    ok = false;
                } else {
                    index = width - 1;
                    wid = k + 1;
                    ok = true;
                }
                break;
            }
        }
    }
    if (ok && index >= 0 && index < it->nargs) {
        it->arg_num = index;
        *i += wid;
        return true;
    }
    *good = false;
    *i += wid;
    return ok;
}

int gofmt_iter_next(GofmtIter *it, GofmtBuf *out, GofmtSpec *spec) {
    const char *f = it->fmt;
    size_t end = it->len;
    size_t i = it->pos;
    for (;;) {
        bool good = true;
        size_t lasti = i;
        while (i < end && f[i] != '%')
            i++;
        if (i > lasti) gofmt_put(out, f + lasti, i - lasti);
        if (i >= end) {
            it->pos = end;
            return -1;
        }
        i++;
        GofmtSpec sp = gofmt_spec_verb(0);
        bool simple_done = false;
        for (; i < end && !simple_done; i++) {
            char c = f[i];
            switch (c) {
            case '#': sp.sharp = true; break;
            case '0': sp.zero = !sp.minus; break;
            case '+': sp.plus = true; break;
            case '-':
                sp.minus = true;
                sp.zero = false;
                break;
            case ' ': sp.space = true; break;
            default:
                if (c >= 'a' && c <= 'z' && it->arg_num < it->nargs) {
                    if (c == 'v') {
                        sp.sharp_v = sp.sharp;
                        sp.sharp = false;
                        sp.plus_v = sp.plus;
                        sp.plus = false;
                    }
                    sp.verb = c;
                    *spec = sp;
                    it->pos = i + 1;
                    return it->arg_num++;
                }
                simple_done = true;
                i--; /* undo the loop's increment: f[i] is not a flag */
            }
        }

        bool after_index = arg_number(it, &i, &good);

        if (i < end && f[i] == '*') {
            i++;
            int w;
            sp.wid_present = int_from_arg(it, &w);
            sp.wid = w;
            if (!sp.wid_present) gofmt_puts(out, "%!(BADWIDTH)");
            if (sp.wid < 0) {
                sp.wid = -sp.wid;
                sp.minus = true;
                sp.zero = false;
            }
            after_index = false;
        } else {
            int w = 0;
            sp.wid_present = parsenum(f, &i, end, &w);
            sp.wid = sp.wid_present ? w : 0;
            if (after_index && sp.wid_present) good = false;
        }

        if (i + 1 < end && f[i] == '.') {
            i++;
            if (after_index) good = false;
            after_index = arg_number(it, &i, &good);
            if (i < end && f[i] == '*') {
                i++;
                int p;
                sp.prec_present = int_from_arg(it, &p);
                sp.prec = p;
                if (sp.prec < 0) {
                    sp.prec = 0;
                    sp.prec_present = false;
                }
                if (!sp.prec_present) gofmt_puts(out, "%!(BADPREC)");
                after_index = false;
            } else {
                int p = 0;
                sp.prec_present = parsenum(f, &i, end, &p);
                sp.prec = sp.prec_present ? p : 0;
                if (!sp.prec_present) {
                    sp.prec = 0;
                    sp.prec_present = true;
                }
            }
        }

        if (!after_index) after_index = arg_number(it, &i, &good);

        if (i >= end) {
            gofmt_puts(out, "%!(NOVERB)");
            it->pos = end;
            return -1;
        }

        int w = 1;
        int32_t verb = (unsigned char)f[i];
        if (verb >= 0x80) verb = gofmt_utf8_decode(f + i, end - i, &w);
        i += (size_t)w;
        sp.verb = verb;

        if (verb == '%') {
            gofmt_putc(out, '%');
        } else if (!good) {
            gofmt_puts(out, "%!");
            gofmt_put_rune(out, verb);
            gofmt_puts(out, "(BADINDEX)");
        } else if (it->arg_num >= it->nargs) {
            gofmt_puts(out, "%!");
            gofmt_put_rune(out, verb);
            gofmt_puts(out, "(MISSING)");
        } else {
            if (verb == 'v') {
                sp.sharp_v = sp.sharp;
                sp.sharp = false;
                sp.plus_v = sp.plus;
                sp.plus = false;
            }
            *spec = sp;
            it->pos = i;
            return it->arg_num++;
        }
    }
}

int gofmt_iter_extra(const GofmtIter *it) {
    if (!it->reordered && it->arg_num < it->nargs) return it->arg_num;
    return -1;
}

/* ===================================================================== */
/* Drivers                                                               */
/* ===================================================================== */

void gofmt_printf(GofmtBuf *b, const char *fmt, size_t len, const GofmtArgs *a) {
    GofmtIter it;
    gofmt_iter_init(&it, fmt, len, a->n, a->int_arg, a->ctx);
    GofmtSpec sp;
    int i;
    while ((i = gofmt_iter_next(&it, b, &sp)) >= 0)
        a->print(a->ctx, b, i, &sp);
    int extra = gofmt_iter_extra(&it);
    if (extra < 0) return;
    gofmt_puts(b, "%!(EXTRA ");
    GofmtSpec v = gofmt_spec_verb('v');
    for (i = extra; i < a->n; i++) {
        if (i > extra) gofmt_puts(b, ", ");
        const char *tn = a->type_name(a->ctx, i);
        if (!tn) {
            gofmt_puts(b, "<nil>");
            continue;
        }
        gofmt_puts(b, tn);
        gofmt_putc(b, '=');
        a->print(a->ctx, b, i, &v);
    }
    gofmt_putc(b, ')');
}

void gofmt_print(GofmtBuf *b, const GofmtArgs *a) {
    bool prev_string = false;
    GofmtSpec v = gofmt_spec_verb('v');
    for (int i = 0; i < a->n; i++) {
        bool is_string = a->is_string(a->ctx, i);
        if (i > 0 && !is_string && !prev_string) gofmt_putc(b, ' ');
        a->print(a->ctx, b, i, &v);
        prev_string = is_string;
    }
}

void gofmt_println(GofmtBuf *b, const GofmtArgs *a) {
    GofmtSpec v = gofmt_spec_verb('v');
    for (int i = 0; i < a->n; i++) {
        if (i > 0) gofmt_putc(b, ' ');
        a->print(a->ctx, b, i, &v);
    }
    gofmt_putc(b, '\n');
}

static void values_print(void *ctx, GofmtBuf *b, int i, const GofmtSpec *sp) {
    gofmt_value(b, sp, (const GofmtValue *)ctx + i);
}

static const char *values_type_name(void *ctx, int i) {
    return gofmt_value_type_name((const GofmtValue *)ctx + i);
}

static bool values_is_string(void *ctx, int i) {
    return ((const GofmtValue *)ctx)[i].kind == GOFMT_STRING;
}

static bool values_int_arg(void *ctx, int i, int64_t *out) {
    const GofmtValue *v = (const GofmtValue *)ctx + i;
    if (v->kind == GOFMT_INT) {
        *out = v->i;
        return true;
    }
    if (v->kind == GOFMT_UINT && v->u <= (uint64_t)INT64_MAX) {
        *out = (int64_t)v->u;
        return true;
    }
    return false;
}

GofmtArgs gofmt_args_values(const GofmtValue *vals, int n) {
    GofmtArgs a = {.n = n,
                   .ctx = (void *)vals,
                   .print = values_print,
                   .type_name = values_type_name,
                   .is_string = values_is_string,
                   .int_arg = values_int_arg};
    return a;
}
