/* gofmt_quote: strconv.Quote, QuoteRune, QuoteToASCII, CanBackquote, Unquote (Go 1.19).
 *
 * A port of strconv/quote.go: appendQuotedWith, appendEscapedRune,
 * UnquoteChar and unquote. IsPrint comes from the generated gofmt_tables.c.
 */
#include "gofmt.h"

#include <string.h>

static const char lowerhex[] = "0123456789abcdef";

static void escaped_rune(GofmtBuf *b, int32_t r, char quote, bool ascii_only) {
    if (r == quote || r == '\\') {
        gofmt_putc(b, '\\');
        gofmt_putc(b, (char)r);
        return;
    }
    if (ascii_only) {
        if (r < 0x80 && gofmt_is_print(r)) {
            gofmt_putc(b, (char)r);
            return;
        }
    } else if (gofmt_is_print(r)) {
        gofmt_put_rune(b, r);
        return;
    }
    switch (r) {
    case '\a': gofmt_puts(b, "\\a"); return;
    case '\b': gofmt_puts(b, "\\b"); return;
    case '\f': gofmt_puts(b, "\\f"); return;
    case '\n': gofmt_puts(b, "\\n"); return;
    case '\r': gofmt_puts(b, "\\r"); return;
    case '\t': gofmt_puts(b, "\\t"); return;
    case '\v': gofmt_puts(b, "\\v"); return;
    }
    if (r < ' ' || r == 0x7f) {
        gofmt_puts(b, "\\x");
        gofmt_putc(b, lowerhex[(r >> 4) & 0xF]);
        gofmt_putc(b, lowerhex[r & 0xF]);
        return;
    }
    if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
    if (r < 0x10000) {
        gofmt_puts(b, "\\u");
        for (int s = 12; s >= 0; s -= 4)
            gofmt_putc(b, lowerhex[(r >> s) & 0xF]);
    } else {
        gofmt_puts(b, "\\U");
        for (int s = 28; s >= 0; s -= 4)
            gofmt_putc(b, lowerhex[(r >> s) & 0xF]);
    }
}

void gofmt_quote(GofmtBuf *b, const char *s, size_t n, bool ascii_only) {
    gofmt_putc(b, '"');
    size_t i = 0;
    while (i < n) {
        int32_t r = (unsigned char)s[i];
        int w = 1;
        if (r >= 0x80) r = gofmt_utf8_decode(s + i, n - i, &w);
        if (w == 1 && r == 0xFFFD) {
            gofmt_puts(b, "\\x");
            gofmt_putc(b, lowerhex[(unsigned char)s[i] >> 4]);
            gofmt_putc(b, lowerhex[(unsigned char)s[i] & 0xF]);
        } else {
            escaped_rune(b, r, '"', ascii_only);
        }
        i += (size_t)w;
    }
    gofmt_putc(b, '"');
}

void gofmt_quote_rune(GofmtBuf *b, int32_t r, bool ascii_only) {
    gofmt_putc(b, '\'');
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
    escaped_rune(b, r, '\'', ascii_only);
    gofmt_putc(b, '\'');
}

bool gofmt_can_backquote(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        int w;
        int32_t r = gofmt_utf8_decode(s + i, n - i, &w);
        i += (size_t)w;
        if (w > 1) {
            if (r == 0xFEFF) return false;
            continue;
        }
        if (r == 0xFFFD) return false;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) return false;
    }
    return true;
}

/* ===================================================================== */
/* Unquote                                                               */
/* ===================================================================== */

static int unhex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* unquote_char: strconv.UnquoteChar; returns bytes consumed or 0 on error. */
static size_t unquote_char(const char *s, size_t n, char quote, int32_t *value, bool *multibyte) {
    *multibyte = false;
    if (n == 0) return 0;
    unsigned char c = (unsigned char)s[0];
    if (c == (unsigned char)quote && (quote == '\'' || quote == '"')) return 0;
    if (c >= 0x80) {
        int w;
        *value = gofmt_utf8_decode(s, n, &w);
        *multibyte = true;
        return (size_t)w;
    }
    if (c != '\\') {
        *value = c;
        return 1;
    }
    if (n <= 1) return 0;
    c = (unsigned char)s[1];
    size_t used = 2;
    switch (c) {
    case 'a': *value = '\a'; break;
    case 'b': *value = '\b'; break;
    case 'f': *value = '\f'; break;
    case 'n': *value = '\n'; break;
    case 'r': *value = '\r'; break;
    case 't': *value = '\t'; break;
    case 'v': *value = '\v'; break;
    case 'x':
    case 'u':
    case 'U': {
        size_t k = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (n - 2 < k) return 0;
        int32_t v = 0;
        for (size_t j = 0; j < k; j++) {
            int x = unhex(s[2 + j]);
            if (x < 0) return 0;
            v = (int32_t)(((uint32_t)v << 4) | (uint32_t)x);
        }
        used += k;
        if (c != 'x') {
            if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
            *multibyte = true;
        }
        *value = v;
        break;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        int32_t v = c - '0';
        if (n - 2 < 2) return 0;
        for (int j = 0; j < 2; j++) {
            int x = s[2 + j] - '0';
            if (x < 0 || x > 7) return 0;
            v = (v << 3) | x;
        }
        used += 2;
        if (v > 255) return 0;
        *value = v;
        break;
    }
    case '\\': *value = '\\'; break;
    case '\'':
    case '"':
        if (c != (unsigned char)quote) return 0;
        *value = c;
        break;
    default: return 0;
    }
    return used;
}

int gofmt_unquote(GofmtBuf *b, const char *s, size_t n) {
    if (n < 2) return -1;
    char quote = s[0];
    const char *endq = memchr(s + 1, quote, n - 1);
    if (!endq) return -1;
    size_t end = (size_t)(endq - s) + 1;
    size_t start_len = b->len;
    if (quote == '`') {
        if (end != n) return -1;
        for (size_t i = 1; i < end - 1; i++)
            if (s[i] != '\r') gofmt_putc(b, s[i]);
        return 0;
    }
    if (quote != '"' && quote != '\'') return -1;
    size_t i = 1;
    while (i < n && s[i] != quote) {
        int32_t r;
        bool multibyte;
        size_t used = unquote_char(s + i, n - i, quote, &r, &multibyte);
        if (s[i] == '\n' || used == 0) goto bad;
        i += used;
        if (r < 0x80 || !multibyte)
            gofmt_putc(b, (char)r);
        else
            gofmt_put_rune(b, r);
        if (quote == '\'') break;
    }
    if (!(i < n && s[i] == quote)) goto bad;
    i++;
    if (i != n) goto bad;
    return 0;
bad:
    b->len = start_len;
    if (b->cap) b->data[b->len] = '\0';
    return -1;
}
