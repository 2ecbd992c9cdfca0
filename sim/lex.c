/* lex: the Go scanner, mirroring Go 1.19's cmd/compile/internal/syntax/scanner.go
 * (same token boundaries, same error texts at the same positions).
 *
 * Invariants: the lexer never allocates; every token's text points into the
 * SrcFile; lx->line/lx->line_start always describe the line containing byte
 * lx->off, so a column is off - line_start + 1 (bytes, as Go counts).
 */
#include "lex.h"

#include <stdio.h>
#include <string.h>

#include "mem.h"

static const char *const tok_text[] = {
#define LEX_TEXT(name, text) text,
    LEX_TOKENS(LEX_TEXT)
#undef LEX_TEXT
};

const char *lex_token_text(TokKind k) { return (unsigned)k < TK__COUNT ? tok_text[k] : "?"; }

int lex_is_keyword(TokKind k) { return k >= TK_BREAK && k <= TK_VAR; }

int lex_precedence(TokKind k) {
    switch (k) {
    case TK_LOR: return 1;
    case TK_LAND: return 2;
    case TK_EQL: case TK_NEQ: case TK_LSS: case TK_LEQ: case TK_GTR: case TK_GEQ: return 3;
    case TK_ADD: case TK_SUB: case TK_OR: case TK_XOR: return 4;
    case TK_MUL: case TK_QUO: case TK_REM: case TK_SHL: case TK_SHR: case TK_AND: case TK_AND_NOT:
        return 5;
    default: return 0;
    }
}

/* ---------------------------------------------------------------- helpers */

#define LEX_EOF (-1)

static int cur(const Lexer *lx) {
    return lx->off < lx->src->len ? (unsigned char)lx->src->text[lx->off] : LEX_EOF;
}

static int peek(const Lexer *lx, size_t k) {
    return lx->off + k < lx->src->len ? (unsigned char)lx->src->text[lx->off + k] : LEX_EOF;
}

static Pos here(const Lexer *lx) {
    Pos p = {lx->line, (int)(lx->off - lx->line_start) + 1};
    return p;
}

/* decode: the rune at byte [off] and its width; invalid bytes give
 * 0xFFFD with width 1, as utf8.DecodeRune. */
static int32_t decode(const Lexer *lx, size_t off, int *w) {
    const unsigned char *s = (const unsigned char *)lx->src->text + off;
    size_t left = lx->src->len - off;
    unsigned c = s[0];
    *w = 1;
    if (c < 0x80) return (int32_t)c;
    int n;
    int32_t r, min;
    if ((c & 0xE0) == 0xC0) n = 2, r = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 3, r = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) n = 4, r = c & 0x07, min = 0x10000;
    else return 0xFFFD;
    if ((size_t)n > left) return 0xFFFD;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0xFFFD;
        r = (r << 6) | (s[i] & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) return 0xFFFD;
    *w = n;
    return r;
}

/* is_udigit: an approximation of unicode.IsDigit beyond ASCII (the common
 * decimal-digit blocks). */
static int is_udigit(int32_t r) {
    static const int32_t zero[] = {0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6,
                                   0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0,
                                   0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10};
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (r >= zero[i] && r <= zero[i] + 9) return 1;
    return 0;
}

/* is_uletter: an approximation of unicode.IsLetter for code points >= 0x80:
 * Latin-1 letters, and anything beyond that is not a known space, symbol or
 * punctuation block. */
static int is_uletter(int32_t r) {
    if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
    if (r < 0x100) return r == 0xAA || r == 0xB5 || r == 0xBA || (r >= 0xC0 && r != 0xD7 && r != 0xF7);
    if (r >= 0x2000 && r <= 0x2BFF) return 0; /* punctuation, symbols, arrows, math */
    if (r >= 0x3000 && r <= 0x303F) return r == 0x3005 || r == 0x3006;
    if (r >= 0xFE00 && r <= 0xFE6F) return 0;
    if (r >= 0xFF00 && r <= 0xFF20) return 0;
    if (r >= 0xFFF0 && r <= 0xFFFF) return 0;
    if (r >= 0x1F000 && r <= 0x1FAFF) return 0; /* emoji and pictographs */
    if (r >= 0xE000 && r <= 0xF8FF) return 0;   /* private use */
    if (r >= 0x0300 && r <= 0x036F) return 0;   /* combining marks */
    return !is_udigit(r);
}

static int is_printable(int32_t r) {
    if (r < 0x20 || (r >= 0x7F && r <= 0xA0) || r == 0xAD) return 0;
    if ((r >= 0x2000 && r <= 0x200F) || (r >= 0x2028 && r <= 0x202F) || (r >= 0x205F && r <= 0x206F))
        return 0;
    if (r == 0xFEFF || r == 0x3000 || (r >= 0xD800 && r < 0xE000) || (r >= 0xE000 && r <= 0xF8FF)) return 0;
    if (r == 0xFFFD) return 1;
    return r <= 0x10FFFF && (r & 0xFFFE) != 0xFFFE;
}

static int put_utf8(char *out, int32_t r) {
    unsigned u = (unsigned)r;
    if (u < 0x80) { out[0] = (char)u; return 1; }
    if (u < 0x800) { out[0] = (char)(0xC0 | (u >> 6)); out[1] = (char)(0x80 | (u & 0x3F)); return 2; }
    if (u >= 0xD800 && u < 0xE000) u = 0xFFFD;
    if (u < 0x10000) {
        out[0] = (char)(0xE0 | (u >> 12));
        out[1] = (char)(0x80 | ((u >> 6) & 0x3F));
        out[2] = (char)(0x80 | (u & 0x3F));
        return 3;
    }
    if (u > 0x10FFFF) return put_utf8(out, 0xFFFD);
    out[0] = (char)(0xF0 | (u >> 18));
    out[1] = (char)(0x80 | ((u >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((u >> 6) & 0x3F));
    out[3] = (char)(0x80 | (u & 0x3F));
    return 4;
}

/* fmt_U: Go's %#U, e.g. "U+0040 '@'" ("U+0000" when not printable). */
static void fmt_U(char *buf, size_t n, int32_t r) {
    int k = snprintf(buf, n, "U+%04X", (unsigned)r);
    if (is_printable(r) && (size_t)k + 8 < n) {
        buf[k++] = ' ';
        buf[k++] = '\'';
        k += put_utf8(buf + k, r);
        buf[k++] = '\'';
        buf[k] = 0;
    }
}

/* fmt_q: Go's %q of a rune, e.g. 'g' or '\n'. */
static void fmt_q(char *buf, size_t n, int32_t r) {
    const char *esc = NULL;
    switch (r) {
    case '\a': esc = "\\a"; break;
    case '\b': esc = "\\b"; break;
    case '\f': esc = "\\f"; break;
    case '\n': esc = "\\n"; break;
    case '\r': esc = "\\r"; break;
    case '\t': esc = "\\t"; break;
    case '\v': esc = "\\v"; break;
    case '\\': esc = "\\\\"; break;
    case '\'': esc = "\\'"; break;
    }
    if (esc) snprintf(buf, n, "'%s'", esc);
    else if (!is_printable(r)) {
        if (r < 0x80) snprintf(buf, n, "'\\x%02x'", (unsigned)r);
        else if (r < 0x10000) snprintf(buf, n, "'\\u%04x'", (unsigned)r);
        else snprintf(buf, n, "'\\U%08x'", (unsigned)r);
    } else {
        char u[5];
        int k = put_utf8(u, r);
        snprintf(buf, n, "'%.*s'", k, u);
    }
}

/* lex_error: report [m] at [at]. Like gc, an error equal to the previous one
 * on the same line is dropped (gc keeps one of equal non-syntax errors per
 * line). */
static void lex_error(Lexer *lx, Pos at, DiagMsg m, ...) {
    char msg[sizeof lx->last_msg];
    va_list ap;
    va_start(ap, m);
    vsnprintf(msg, sizeof msg, diag_msg_text(m), ap);
    va_end(ap);
    lx->nerr++;
    if (at.line == lx->last_line && strcmp(msg, lx->last_msg) == 0) return;
    lx->last_line = at.line;
    memcpy(lx->last_msg, msg, sizeof msg);
    if (lx->diags) diag_add(lx->diags, at, DM_PARSE, msg);
}

static void newline(Lexer *lx) {
    /* lx->off is at a '\n' being consumed */
    lx->off++;
    lx->line++;
    lx->line_start = lx->off;
}

/* skip_bom: at a BOM (EF BB BF) past the start of the file, report it and
 * step over it, as Go's source reader does wherever it meets one. */
static int skip_bom(Lexer *lx) {
    const char *s = lx->src->text + lx->off;
    if (lx->off + 3 <= lx->src->len && s[0] == '\xEF' && s[1] == '\xBB' && s[2] == '\xBF') {
        lex_error(lx, here(lx), DM_INVALID_BOM);
        lx->off += 3;
        return 1;
    }
    return 0;
}

/* advance over one character (any byte sequence), keeping lines right. */
static void skip_char(Lexer *lx) {
    int c = cur(lx);
    if (c == '\n') newline(lx);
    else if (c == 0xEF && skip_bom(lx)) return;
    else if (c >= 0x80) {
        int w;
        decode(lx, lx->off, &w);
        lx->off += (size_t)w;
    } else if (c != LEX_EOF) lx->off++;
}

/* ---------------------------------------------------------------- scanner */

void lex_init(Lexer *lx, const SrcFile *src, DiagList *diags) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->diags = diags;
    lx->line = 1;
    lx->col = 1;
    if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0) lx->off = 3;
}

static TokKind keyword(const char *s, int n) {
#define KW(str, k)                                                                      \
    if (n == (int)sizeof(str) - 1 && memcmp(s, str, sizeof(str) - 1) == 0) return k
    switch (s[0]) {
    case 'b': KW("break", TK_BREAK); break;
    case 'c':
        KW("case", TK_CASE); KW("chan", TK_CHAN); KW("const", TK_CONST); KW("continue", TK_CONTINUE);
        break;
    case 'd': KW("default", TK_DEFAULT); KW("defer", TK_DEFER); break;
    case 'e': KW("else", TK_ELSE); break;
    case 'f': KW("fallthrough", TK_FALLTHROUGH); KW("for", TK_FOR); KW("func", TK_FUNC); break;
    case 'g': KW("go", TK_GO); KW("goto", TK_GOTO); break;
    case 'i': KW("if", TK_IF); KW("import", TK_IMPORT); KW("interface", TK_INTERFACE); break;
    case 'm': KW("map", TK_MAP); break;
    case 'p': KW("package", TK_PACKAGE); break;
    case 'r': KW("range", TK_RANGE); KW("return", TK_RETURN); break;
    case 's': KW("select", TK_SELECT); KW("struct", TK_STRUCT); KW("switch", TK_SWITCH); break;
    case 't': KW("type", TK_TYPE); break;
    case 'v': KW("var", TK_VAR); break;
    }
#undef KW
    return TK_IDENT;
}

/* at_ident_char: Go's atIdentChar for a code point >= 0x80 at lx->off:
 * reports a non-letter and consumes it anyway. Returns 0 for ASCII
 * non-identifier characters. */
static int at_ident_char(Lexer *lx, int first) {
    int c = cur(lx);
    if (c == LEX_EOF) return 0;
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                         (c >= '0' && c <= '9' && !first);
    int w;
    int32_t r = decode(lx, lx->off, &w);
    char buf[32];
    if (is_udigit(r)) {
        if (first) {
            fmt_U(buf, sizeof buf, r);
            lex_error(lx, here(lx), DM_IDENT_DIGIT, buf);
        }
    } else if (!is_uletter(r)) {
        fmt_U(buf, sizeof buf, r);
        lex_error(lx, here(lx), DM_INVALID_CHAR, buf, "identifier");
    }
    lx->off += (size_t)w;
    return 1;
}

static void ident(Lexer *lx, Token *t) {
    const char *s = lx->src->text;
    size_t n = lx->src->len;
    for (;;) {
        while (lx->off < n) {
            unsigned char c = (unsigned char)s[lx->off];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
                lx->off++;
            else break;
        }
        if (cur(lx) >= 0x80 && at_ident_char(lx, 0)) continue;
        break;
    }
    t->len = (int)(lx->off - (size_t)(t->text - s));
    t->kind = t->len >= 2 ? keyword(t->text, t->len) : TK_IDENT;
    if (t->kind == TK_IDENT) lx->insert_semi = 1;
    else lx->insert_semi = t->kind == TK_BREAK || t->kind == TK_CONTINUE ||
                           t->kind == TK_FALLTHROUGH || t->kind == TK_RETURN;
}

static int lower(int c) { return c | ('a' - 'A'); }
static int is_dec(int c) { return c >= '0' && c <= '9'; }
static int is_hex(int c) { return is_dec(c) || (lower(c) >= 'a' && lower(c) <= 'f'); }

static const char *base_name(int base) {
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
    }
}

/* digits: scan digits of [base] and '_'; bit 0 of the result: a digit was
 * seen, bit 1: a '_' was seen. The first digit too large for base 8 or 2
 * is recorded as an offset from [start] in *[invalid]. */
static int digits(Lexer *lx, int base, size_t start, int *invalid) {
    int digsep = 0;
    if (base <= 10) {
        int max = '0' + base;
        for (int c = cur(lx); is_dec(c) || c == '_'; c = cur(lx)) {
            int ds = 1;
            if (c == '_') ds = 2;
            else if (c >= max && invalid && *invalid < 0) *invalid = (int)(lx->off - start);
            digsep |= ds;
            lx->off++;
        }
    } else {
        for (int c = cur(lx); is_hex(c) || c == '_'; c = cur(lx)) {
            digsep |= c == '_' ? 2 : 1;
            lx->off++;
        }
    }
    return digsep;
}

/* invalid_sep: the index of the first misplaced '_' in [x] of [n] bytes, or -1. */
static int invalid_sep(const char *x, int n) {
    int x1 = ' ', d = '.', i = 0;
    if (n >= 2 && x[0] == '0') {
        x1 = lower((unsigned char)x[1]);
        if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
            d = '0';
            i = 2;
        }
    }
    for (; i < n; i++) {
        int p = d;
        d = (unsigned char)x[i];
        if (d == '_') {
            if (p != '0') return i;
        } else if (is_dec(d) || (x1 == 'x' && is_hex(d))) {
            d = '0';
        } else {
            if (p == '_') return i - 1;
            d = '.';
        }
    }
    if (d == '_') return n - 1;
    return -1;
}

static void number(Lexer *lx, Token *t, int seen_point) {
    size_t start = (size_t)(t->text - lx->src->text);
    int ok = 1, base = 10, prefix = 0, digsep = 0, invalid = -1;
    TokKind kind = TK_INT;
    if (!seen_point) {
        if (cur(lx) == '0') {
            lx->off++;
            switch (lower(cur(lx))) {
            case 'x': lx->off++; base = 16; prefix = 'x'; break;
            case 'o': lx->off++; base = 8; prefix = 'o'; break;
            case 'b': lx->off++; base = 2; prefix = 'b'; break;
            default: base = 8; prefix = '0'; digsep = 1; break;
            }
        }
        digsep |= digits(lx, base, start, &invalid);
        if (cur(lx) == '.') {
            if (prefix == 'o' || prefix == 'b') {
                lex_error(lx, here(lx), DM_RADIX_POINT, base_name(base));
                ok = 0;
            }
            lx->off++;
            seen_point = 1;
        }
    }
    if (seen_point) {
        kind = TK_FLOAT;
        digsep |= digits(lx, base, start, &invalid);
    }
    if ((digsep & 1) == 0 && ok) {
        lex_error(lx, here(lx), DM_LITERAL_NO_DIGITS, base_name(base));
        ok = 0;
    }
    int e = lower(cur(lx));
    if (e == 'e' || e == 'p') {
        if (ok) {
            char q[16];
            fmt_q(q, sizeof q, cur(lx));
            if (e == 'e' && prefix != 0 && prefix != '0') {
                lex_error(lx, here(lx), DM_EXPONENT_MANTISSA, q, "decimal");
                ok = 0;
            } else if (e == 'p' && prefix != 'x') {
                lex_error(lx, here(lx), DM_EXPONENT_MANTISSA, q, "hexadecimal");
                ok = 0;
            }
        }
        lx->off++;
        kind = TK_FLOAT;
        if (cur(lx) == '+' || cur(lx) == '-') lx->off++;
        digsep = digits(lx, 10, start, NULL) | (digsep & 2);
        if ((digsep & 1) == 0 && ok) {
            lex_error(lx, here(lx), DM_EXPONENT_NO_DIGITS);
            ok = 0;
        }
    } else if (prefix == 'x' && kind == TK_FLOAT && ok) {
        lex_error(lx, here(lx), DM_HEX_MANTISSA);
        ok = 0;
    }
    if (cur(lx) == 'i') {
        kind = TK_IMAG;
        lx->off++;
    }
    t->kind = kind;
    t->len = (int)(lx->off - start);
    lx->insert_semi = 1;
    if (kind == TK_INT && invalid >= 0 && ok) {
        char q[16];
        fmt_q(q, sizeof q, (unsigned char)t->text[invalid]);
        Pos at = {t->pos.line, t->pos.col + invalid};
        lex_error(lx, at, DM_INVALID_DIGIT, q, base_name(base));
        ok = 0;
    }
    if ((digsep & 2) && ok) {
        int i = invalid_sep(t->text, t->len);
        if (i >= 0) {
            Pos at = {t->pos.line, t->pos.col + i};
            lex_error(lx, at, DM_UNDERSCORE_SEP);
            ok = 0;
        }
    }
    t->bad = !ok;
}

/* escape: scan one escape after the backslash; 0 if it was reported bad. */
static int escape(Lexer *lx, int quote) {
    int n;
    uint32_t base, max;
    int c = cur(lx);
    switch (c) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
        lx->off++;
        return 1;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3, base = 8, max = 255;
        break;
    case 'x': lx->off++; n = 2, base = 16, max = 255; break;
    case 'u': lx->off++; n = 4, base = 16, max = 0x10FFFF; break;
    case 'U': lx->off++; n = 8, base = 16, max = 0x10FFFF; break;
    default:
        if (c == quote) {
            lx->off++;
            return 1;
        }
        if (c == LEX_EOF) return 1; /* the caller complains about EOF */
        lex_error(lx, here(lx), DM_UNKNOWN_ESCAPE);
        return 0;
    }
    uint32_t x = 0;
    for (int i = n; i > 0; i--) {
        c = cur(lx);
        if (c == LEX_EOF) return 1;
        uint32_t d = base;
        if (is_dec(c)) d = (uint32_t)(c - '0');
        else if (lower(c) >= 'a' && lower(c) <= 'f') d = (uint32_t)(lower(c) - 'a' + 10);
        if (d >= base) {
            char q[16];
            int w = 1;
            int32_t r = c >= 0x80 ? decode(lx, lx->off, &w) : c;
            fmt_q(q, sizeof q, r);
            lex_error(lx, here(lx), DM_INVALID_CHAR, q, base == 8 ? "octal escape" : "hexadecimal escape");
            return 0;
        }
        x = x * base + d;
        lx->off++;
    }
    if (x > max && base == 8) {
        lex_error(lx, here(lx), DM_OCTAL_ESCAPE, (int)x);
        return 0;
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
        char buf[32];
        fmt_U(buf, sizeof buf, (int32_t)x);
        lex_error(lx, here(lx), DM_ESCAPE_CODEPOINT, buf);
        return 0;
    }
    return 1;
}

static void rune_lit(Lexer *lx, Token *t) {
    int ok = 1;
    lx->off++;
    for (int n = 0;; n++) {
        int c = cur(lx);
        if (c == '\'') {
            if (ok) {
                if (n == 0) {
                    lex_error(lx, here(lx), DM_RUNE_EMPTY);
                    ok = 0;
                } else if (n != 1) {
                    lex_error(lx, t->pos, DM_RUNE_MORE);
                    ok = 0;
                }
            }
            lx->off++;
            break;
        }
        if (c == '\\') {
            lx->off++;
            if (!escape(lx, '\'')) ok = 0;
            continue;
        }
        if (c == '\n') {
            if (ok) {
                lex_error(lx, here(lx), DM_NEWLINE_IN_RUNE);
                ok = 0;
            }
            break;
        }
        if (c == LEX_EOF) {
            if (ok) {
                lex_error(lx, t->pos, DM_RUNE_NOT_TERMINATED);
                ok = 0;
            }
            break;
        }
        if (c == 0xEF && skip_bom(lx)) {
            n--; /* Go's reader drops the BOM: it is no character */
            continue;
        }
        skip_char(lx);
    }
    t->kind = TK_CHAR;
    t->bad = !ok;
}

static void std_string(Lexer *lx, Token *t) {
    int ok = 1;
    lx->off++;
    const char *s = lx->src->text;
    size_t n = lx->src->len;
    for (;;) {
        /* fast path over ordinary bytes */
        while (lx->off < n) {
            char c = s[lx->off];
            if (c == '"' || c == '\\' || c == '\n' || c == '\xEF') break;
            lx->off++;
        }
        int c = cur(lx);
        if (c == 0xEF) {
            if (!skip_bom(lx)) lx->off++;
            continue;
        }
        if (c == '"') {
            lx->off++;
            break;
        }
        if (c == '\\') {
            lx->off++;
            if (!escape(lx, '"')) ok = 0;
            continue;
        }
        if (c == '\n') {
            lex_error(lx, here(lx), DM_NEWLINE_IN_STRING);
            ok = 0;
            break;
        }
        lex_error(lx, t->pos, DM_STRING_NOT_TERMINATED);
        ok = 0;
        break;
    }
    t->kind = TK_STRING;
    t->bad = !ok;
}

static void raw_string(Lexer *lx, Token *t) {
    int ok = 1;
    lx->off++;
    for (;;) {
        int c = cur(lx);
        if (c == '`') {
            lx->off++;
            break;
        }
        if (c == LEX_EOF) {
            lex_error(lx, t->pos, DM_RAW_STRING_NOT_TERMINATED);
            ok = 0;
            break;
        }
        if (c == '\n') newline(lx);
        else if (c != 0xEF || !skip_bom(lx)) lx->off++;
    }
    t->kind = TK_STRING;
    t->bad = !ok;
}

/* full_comment: skip a comment after its opening; 0 if unterminated. */
static int full_comment(Lexer *lx, Pos start) {
    const char *s = lx->src->text;
    size_t n = lx->src->len;
    while (lx->off < n) {
        char c = s[lx->off];
        if (c == '*' && lx->off + 1 < n && s[lx->off + 1] == '/') {
            lx->off += 2;
            return 1;
        }
        if (c == '\n') newline(lx);
        else if (c != '\xEF' || !skip_bom(lx)) lx->off++;
    }
    lex_error(lx, start, DM_COMMENT_NOT_TERMINATED);
    return 0;
}

Token lex_next(Lexer *lx) {
    int nlsemi = lx->insert_semi;
    lx->insert_semi = 0;
    Token t;
    memset(&t, 0, sizeof t);
    const char *s = lx->src->text;
    size_t n = lx->src->len;
redo:
    while (lx->off < n) {
        char c = s[lx->off];
        if (c == ' ' || c == '\t' || c == '\r') lx->off++;
        else if (c == '\n' && !nlsemi) newline(lx);
        else break;
    }
    t.pos = here(lx);
    t.text = s + lx->off;
    t.len = 1;
    int c = cur(lx);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        lx->off++;
        ident(lx, &t);
        goto done;
    }
    if (c >= 0x80) {
        int w;
        int32_t r = decode(lx, lx->off, &w);
        if (r == 0xFEFF) {
            lex_error(lx, t.pos, DM_INVALID_BOM);
            lx->off += (size_t)w;
            goto redo;
        }
        if (r == 0xFFFD && w == 1) {
            lex_error(lx, t.pos, DM_INVALID_UTF8);
            lx->off++;
            goto redo;
        }
        at_ident_char(lx, 1);
        ident(lx, &t);
        goto done;
    }
    switch (c) {
    case LEX_EOF:
        t.len = 0;
        if (nlsemi) {
            t.kind = TK_SEMICOLON;
            t.inserted = 1;
            t.text = "EOF";
        } else t.kind = TK_EOF;
        break;
    case 0:
        lex_error(lx, t.pos, DM_INVALID_NUL);
        lx->off++;
        goto redo;
    case '\n':
        newline(lx);
        t.kind = TK_SEMICOLON;
        t.inserted = 1;
        t.text = "newline";
        t.len = 0;
        break;
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        number(lx, &t, 0);
        break;
    case '"': std_string(lx, &t); lx->insert_semi = 1; break;
    case '`': raw_string(lx, &t); lx->insert_semi = 1; break;
    case '\'': rune_lit(lx, &t); lx->insert_semi = 1; break;
    case '(': lx->off++; t.kind = TK_LPAREN; break;
    case '[': lx->off++; t.kind = TK_LBRACK; break;
    case '{': lx->off++; t.kind = TK_LBRACE; break;
    case ',': lx->off++; t.kind = TK_COMMA; break;
    case ';': lx->off++; t.kind = TK_SEMICOLON; break;
    case ')': lx->off++; t.kind = TK_RPAREN; lx->insert_semi = 1; break;
    case ']': lx->off++; t.kind = TK_RBRACK; lx->insert_semi = 1; break;
    case '}': lx->off++; t.kind = TK_RBRACE; lx->insert_semi = 1; break;
    case ':':
        lx->off++;
        if (cur(lx) == '=') lx->off++, t.kind = TK_DEFINE;
        else t.kind = TK_COLON;
        break;
    case '.':
        if (is_dec(peek(lx, 1))) {
            lx->off++;
            number(lx, &t, 1);
            break;
        }
        if (peek(lx, 1) == '.' && peek(lx, 2) == '.') {
            lx->off += 3;
            t.kind = TK_ELLIPSIS;
            break;
        }
        lx->off++;
        t.kind = TK_PERIOD;
        break;
    case '+':
        lx->off++;
        if (cur(lx) == '+') lx->off++, t.kind = TK_INC, lx->insert_semi = 1;
        else if (cur(lx) == '=') lx->off++, t.kind = TK_ADD_ASSIGN;
        else t.kind = TK_ADD;
        break;
    case '-':
        lx->off++;
        if (cur(lx) == '-') lx->off++, t.kind = TK_DEC, lx->insert_semi = 1;
        else if (cur(lx) == '=') lx->off++, t.kind = TK_SUB_ASSIGN;
        else t.kind = TK_SUB;
        break;
    case '*':
        lx->off++;
        if (cur(lx) == '=') lx->off++, t.kind = TK_MUL_ASSIGN;
        else t.kind = TK_MUL;
        break;
    case '/':
        if (peek(lx, 1) == '/') {
            lx->off += 2;
            while (lx->off < n && s[lx->off] != '\n')
                if (s[lx->off] != '\xEF' || !skip_bom(lx)) lx->off++;
            goto redo;
        }
        if (peek(lx, 1) == '*') {
            int line0 = lx->line;
            lx->off += 2;
            full_comment(lx, t.pos);
            if (lx->line > line0 && nlsemi) {
                t.kind = TK_SEMICOLON;
                t.inserted = 1;
                t.text = "newline";
                t.len = 0;
                break;
            }
            goto redo;
        }
        lx->off++;
        if (cur(lx) == '=') lx->off++, t.kind = TK_QUO_ASSIGN;
        else t.kind = TK_QUO;
        break;
    case '%':
        lx->off++;
        if (cur(lx) == '=') lx->off++, t.kind = TK_REM_ASSIGN;
        else t.kind = TK_REM;
        break;
    case '&':
        lx->off++;
        if (cur(lx) == '&') lx->off++, t.kind = TK_LAND;
        else if (cur(lx) == '^') {
            lx->off++;
            if (cur(lx) == '=') lx->off++, t.kind = TK_AND_NOT_ASSIGN;
            else t.kind = TK_AND_NOT;
        } else if (cur(lx) == '=') lx->off++, t.kind = TK_AND_ASSIGN;
        else t.kind = TK_AND;
        break;
    case '|':
        lx->off++;
        if (cur(lx) == '|') lx->off++, t.kind = TK_LOR;
        else if (cur(lx) == '=') lx->off++, t.kind = TK_OR_ASSIGN;
        else t.kind = TK_OR;
        break;
    case '^':
        lx->off++;
        if (cur(lx) == '=') lx->off++, t.kind = TK_XOR_ASSIGN;
        else t.kind = TK_XOR;
        break;
    case '<':
        lx->off++;
        if (cur(lx) == '=') lx->off++, t.kind = TK_LEQ;
        else if (cur(lx) == '<') {
            lx->off++;
            if (cur(lx) == '=') lx->off++, t.kind = TK_SHL_ASSIGN;
            else t.kind = TK_SHL;
        } else if (cur(lx) == '-') lx->off++, t.kind = TK_ARROW;
        else t.kind = TK_LSS;
        break;
    case '>':
        lx->off++;
        if (cur(lx) == '=') lx->off++, t.kind = TK_GEQ;
        else if (cur(lx) == '>') {
            lx->off++;
            if (cur(lx) == '=') lx->off++, t.kind = TK_SHR_ASSIGN;
            else t.kind = TK_SHR;
        } else t.kind = TK_GTR;
        break;
    case '=':
        lx->off++;
        if (cur(lx) == '=') lx->off++, t.kind = TK_EQL;
        else t.kind = TK_ASSIGN;
        break;
    case '!':
        lx->off++;
        if (cur(lx) == '=') lx->off++, t.kind = TK_NEQ;
        else t.kind = TK_NOT;
        break;
    case '~': lx->off++; t.kind = TK_TILDE; break;
    default: {
        char buf[32];
        fmt_U(buf, sizeof buf, c);
        lex_error(lx, t.pos, DM_INVALID_CHARACTER, buf);
        lx->off++;
        goto redo;
    }
    }
    if (!t.inserted && t.kind != TK_EOF) t.len = (int)(lx->off - (size_t)(t.text - s));
done:
    lx->col = (int)(lx->off - lx->line_start) + 1;
    return t;
}

/* ---------------------------------------------------------------- unquote */

static int hexval(int c) {
    if (is_dec(c)) return c - '0';
    return lower(c) - 'a' + 10;
}

char *lex_unquote(const char *raw, int len, int *out_len, int32_t *rune) {
    if (len < 2) return NULL;
    char q = raw[0];
    if ((q != '"' && q != '\'' && q != '`') || raw[len - 1] != q) return NULL;
    char *out = mem_alloc((size_t)len + 1);
    int k = 0, nchars = 0;
    int32_t last = 0;
    if (q == '`') {
        for (int i = 1; i < len - 1; i++)
            if (raw[i] != '\r') out[k++] = raw[i];
        goto ok;
    }
    for (int i = 1; i < len - 1;) {
        unsigned char c = (unsigned char)raw[i];
        if (c == '\n' || (c == (unsigned char)q)) goto bad;
        if (c != '\\') {
            /* copy one UTF-8 character */
            int w = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
            if (i + w > len - 1) goto bad;
            if (c < 0x80) last = c;
            else {
                Lexer tmp;
                SrcFile f;
                memset(&f, 0, sizeof f);
                f.text = (char *)raw;
                f.len = (size_t)len;
                memset(&tmp, 0, sizeof tmp);
                tmp.src = &f;
                int ww;
                last = decode(&tmp, (size_t)i, &ww);
                w = ww;
            }
            memcpy(out + k, raw + i, (size_t)w);
            k += w;
            i += w;
            nchars++;
            continue;
        }
        i++;
        if (i >= len - 1) goto bad;
        c = (unsigned char)raw[i++];
        int n = 0, base = 16;
        switch (c) {
        case 'a': out[k++] = '\a'; last = '\a'; break;
        case 'b': out[k++] = '\b'; last = '\b'; break;
        case 'f': out[k++] = '\f'; last = '\f'; break;
        case 'n': out[k++] = '\n'; last = '\n'; break;
        case 'r': out[k++] = '\r'; last = '\r'; break;
        case 't': out[k++] = '\t'; last = '\t'; break;
        case 'v': out[k++] = '\v'; last = '\v'; break;
        case '\\': out[k++] = '\\'; last = '\\'; break;
        case '\'': case '"':
            if (c != (unsigned char)q) goto bad;
            out[k++] = (char)c;
            last = c;
            break;
        case 'x': n = 2; break;
        case 'u': n = 4; break;
        case 'U': n = 8; break;
        default:
            if (c >= '0' && c <= '7') {
                n = 3;
                base = 8;
                i--;
                break;
            }
            goto bad;
        }
        if (n) {
            uint32_t x = 0;
            for (int j = 0; j < n; j++, i++) {
                if (i >= len - 1) goto bad;
                int d = (unsigned char)raw[i];
                if (base == 8 ? !(d >= '0' && d <= '7') : !is_hex(d)) goto bad;
                x = x * (uint32_t)base + (uint32_t)hexval(d);
            }
            if (c == 'x' || base == 8) {
                if (x > 255) goto bad;
                if (q == '\'') k += put_utf8(out + k, (int32_t)x); /* a rune value */
                else out[k++] = (char)x;                           /* a byte */
            } else {
                if (x > 0x10FFFF || (x >= 0xD800 && x < 0xE000)) goto bad;
                k += put_utf8(out + k, (int32_t)x);
            }
            last = (int32_t)x;
        }
        nchars++;
    }
    if (q == '\'') {
        if (nchars != 1) goto bad;
        if (rune) *rune = last;
    }
ok:
    out[k] = 0;
    *out_len = k;
    if (k != len) out = mem_realloc(out, (size_t)len + 1, (size_t)k + 1);
    return out;
bad:
    mem_free(out, (size_t)len + 1);
    return NULL;
}
