/* gofmt_strings: UTF-8 and Go 1.19's strings package over byte strings.
 *
 * Ports of unicode/utf8 (DecodeRune, EncodeRune, RuneCount) and
 * strings/strings.go. Invalid UTF-8 decodes as U+FFFD of width 1, as Go;
 * case mapping rewrites such bytes to the encoding of U+FFFD (strings.Map).
 */
#include "gofmt.h"

#include <string.h>

#include "mem.h"

/* ===================================================================== */
/* UTF-8                                                                 */
/* ===================================================================== */

int32_t gofmt_utf8_decode(const char *s, size_t n, int *width) {
    const unsigned char *p = (const unsigned char *)s;
    if (n == 0) {
        *width = 0;
        return 0xFFFD;
    }
    unsigned c = p[0];
    *width = 1;
    if (c < 0x80) return (int32_t)c;
    int need;
    uint32_t r, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        r = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        r = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        r = c & 0x07;
        min = 0x10000;
    } else {
        return 0xFFFD;
    }
    if (n < (size_t)need + 1) return 0xFFFD;
    for (int k = 1; k <= need; k++) {
        if ((p[k] & 0xC0) != 0x80) return 0xFFFD;
        r = (r << 6) | (p[k] & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return 0xFFFD;
    *width = need + 1;
    return (int32_t)r;
}

int gofmt_utf8_encode(char *out, int32_t r) {
    uint32_t u = (uint32_t)r;
    if (r < 0 || u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) u = 0xFFFD;
    if (u < 0x80) {
        out[0] = (char)u;
        return 1;
    }
    if (u < 0x800) {
        out[0] = (char)(0xC0 | (u >> 6));
        out[1] = (char)(0x80 | (u & 0x3F));
        return 2;
    }
    if (u < 0x10000) {
        out[0] = (char)(0xE0 | (u >> 12));
        out[1] = (char)(0x80 | ((u >> 6) & 0x3F));
        out[2] = (char)(0x80 | (u & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (u >> 18));
    out[1] = (char)(0x80 | ((u >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((u >> 6) & 0x3F));
    out[3] = (char)(0x80 | (u & 0x3F));
    return 4;
}

size_t gofmt_utf8_count(const char *s, size_t n) {
    size_t count = 0, i = 0;
    while (i < n) {
        int w = 1;
        if ((unsigned char)s[i] >= 0x80) gofmt_utf8_decode(s + i, n - i, &w);
        i += (size_t)w;
        count++;
    }
    return count;
}

bool gofmt_is_space(int32_t r) {
    if (r <= 0xFF) {
        switch (r) {
        case '\t':
        case '\n':
        case '\v':
        case '\f':
        case '\r':
        case ' ':
        case 0x85:
        case 0xA0: return true;
        }
        return false;
    }
    return r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 ||
           r == 0x202F || r == 0x205F || r == 0x3000;
}

/* ===================================================================== */
/* Lists                                                                 */
/* ===================================================================== */

void gofmt_strlist_free(GofmtStrList *l) {
    VEC_FREE(*l);
}

static GofmtStr str(const char *p, size_t n) {
    GofmtStr s = {p, n};
    return s;
}

/* ===================================================================== */
/* Mapping                                                               */
/* ===================================================================== */

static void map_runes(GofmtBuf *b, GofmtStr s, int32_t (*f)(int32_t)) {
    size_t i = 0;
    while (i < s.n) {
        int w;
        int32_t r = gofmt_utf8_decode(s.p + i, s.n - i, &w);
        gofmt_put_rune(b, f(r));
        i += (size_t)w;
    }
}

void gofmt_str_upper(GofmtBuf *b, GofmtStr s) {
    map_runes(b, s, gofmt_to_upper_rune);
}
void gofmt_str_lower(GofmtBuf *b, GofmtStr s) {
    map_runes(b, s, gofmt_to_lower_rune);
}
void gofmt_str_to_title(GofmtBuf *b, GofmtStr s) {
    map_runes(b, s, gofmt_to_title_rune);
}

static bool is_separator(int32_t r) {
    if (r <= 0x7F) {
        if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_')
            return false;
        return true;
    }
    if (gofmt_is_letter_or_digit(r)) return false;
    return gofmt_is_space(r);
}

void gofmt_str_title(GofmtBuf *b, GofmtStr s) {
    int32_t prev = ' ';
    size_t i = 0;
    while (i < s.n) {
        int w;
        int32_t r = gofmt_utf8_decode(s.p + i, s.n - i, &w);
        gofmt_put_rune(b, is_separator(prev) ? gofmt_to_title_rune(r) : r);
        prev = r;
        i += (size_t)w;
    }
}

void gofmt_str_repeat(GofmtBuf *b, GofmtStr s, int64_t count) {
    for (int64_t k = 0; k < count; k++)
        gofmt_put(b, s.p, s.n);
}

void gofmt_str_join(GofmtBuf *b, const GofmtStr *elems, int n, GofmtStr sep) {
    for (int i = 0; i < n; i++) {
        if (i > 0) gofmt_put(b, sep.p, sep.n);
        gofmt_put(b, elems[i].p, elems[i].n);
    }
}

/* ===================================================================== */
/* Searching                                                             */
/* ===================================================================== */

int64_t gofmt_str_index(GofmtStr s, GofmtStr sub) {
    if (sub.n == 0) return 0;
    if (sub.n > s.n) return -1;
    for (size_t i = 0; i + sub.n <= s.n; i++)
        if (s.p[i] == sub.p[0] && memcmp(s.p + i, sub.p, sub.n) == 0) return (int64_t)i;
    return -1;
}

int64_t gofmt_str_last_index(GofmtStr s, GofmtStr sub) {
    if (sub.n == 0) return (int64_t)s.n;
    if (sub.n > s.n) return -1;
    for (size_t i = s.n - sub.n + 1; i-- > 0;)
        if (memcmp(s.p + i, sub.p, sub.n) == 0) return (int64_t)i;
    return -1;
}

int64_t gofmt_str_index_rune(GofmtStr s, int32_t r) {
    if (r >= 0 && r < 0x80) {
        const char *q = memchr(s.p, r, s.n);
        return q ? (int64_t)(q - s.p) : -1;
    }
    if (r == 0xFFFD) {
        size_t i = 0;
        while (i < s.n) {
            int w;
            if (gofmt_utf8_decode(s.p + i, s.n - i, &w) == 0xFFFD) return (int64_t)i;
            i += (size_t)w;
        }
        return -1;
    }
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return -1;
    char enc[4];
    int w = gofmt_utf8_encode(enc, r);
    return gofmt_str_index(s, str(enc, (size_t)w));
}

int64_t gofmt_str_index_any(GofmtStr s, GofmtStr chars) {
    if (chars.n == 0) return -1;
    size_t i = 0;
    while (i < s.n) {
        int w;
        int32_t r = gofmt_utf8_decode(s.p + i, s.n - i, &w);
        if (gofmt_str_index_rune(chars, r) >= 0) return (int64_t)i;
        i += (size_t)w;
    }
    return -1;
}

bool gofmt_str_contains_any(GofmtStr s, GofmtStr chars) {
    return gofmt_str_index_any(s, chars) >= 0;
}

bool gofmt_str_contains(GofmtStr s, GofmtStr sub) {
    return gofmt_str_index(s, sub) >= 0;
}
bool gofmt_str_contains_rune(GofmtStr s, int32_t r) {
    return gofmt_str_index_rune(s, r) >= 0;
}

int64_t gofmt_str_count(GofmtStr s, GofmtStr sub) {
    if (sub.n == 0) return (int64_t)gofmt_utf8_count(s.p, s.n) + 1;
    int64_t n = 0;
    for (;;) {
        int64_t i = gofmt_str_index(s, sub);
        if (i < 0) return n;
        n++;
        s.p += (size_t)i + sub.n;
        s.n -= (size_t)i + sub.n;
    }
}

bool gofmt_str_has_prefix(GofmtStr s, GofmtStr p) {
    return s.n >= p.n && memcmp(s.p, p.p, p.n) == 0;
}

bool gofmt_str_has_suffix(GofmtStr s, GofmtStr p) {
    return s.n >= p.n && memcmp(s.p + s.n - p.n, p.p, p.n) == 0;
}

int gofmt_str_compare(GofmtStr a, GofmtStr b) {
    size_t m = a.n < b.n ? a.n : b.n;
    int c = m ? memcmp(a.p, b.p, m) : 0;
    if (c != 0) return c < 0 ? -1 : 1;
    if (a.n == b.n) return 0;
    return a.n < b.n ? -1 : 1;
}

/* fold_eq: runes [a] and [b] lie in the same simple-fold orbit. */
static bool fold_eq(int32_t a, int32_t b) {
    if (a == b) return true;
    int32_t la = gofmt_to_lower_rune(a), lb = gofmt_to_lower_rune(b);
    if (la == lb) return true;
    int32_t ua = gofmt_to_upper_rune(a), ub = gofmt_to_upper_rune(b);
    if (ua == ub) return true;
    return gofmt_to_lower_rune(ua) == gofmt_to_lower_rune(ub);
}

bool gofmt_str_equal_fold(GofmtStr s, GofmtStr t) {
    size_t i = 0, j = 0;
    while (i < s.n && j < t.n) {
        int ws, wt;
        int32_t a = gofmt_utf8_decode(s.p + i, s.n - i, &ws);
        int32_t b = gofmt_utf8_decode(t.p + j, t.n - j, &wt);
        if (!fold_eq(a, b)) return false;
        i += (size_t)ws;
        j += (size_t)wt;
    }
    return i == s.n && j == t.n;
}

/* ===================================================================== */
/* Splitting, replacing, trimming                                        */
/* ===================================================================== */

void gofmt_str_fields(GofmtStrList *out, GofmtStr s) {
    size_t i = 0;
    int64_t start = -1;
    while (i < s.n) {
        int w;
        int32_t r = gofmt_utf8_decode(s.p + i, s.n - i, &w);
        if (gofmt_is_space(r)) {
            if (start >= 0) {
                VEC_PUSH(*out, str(s.p + start, i - (size_t)start));
                start = -1;
            }
        } else if (start < 0) {
            start = (int64_t)i;
        }
        i += (size_t)w;
    }
    if (start >= 0) VEC_PUSH(*out, str(s.p + start, s.n - (size_t)start));
}

void gofmt_str_split(GofmtStrList *out, GofmtStr s, GofmtStr sep, int64_t n) {
    if (n == 0) return;
    if (sep.n == 0) {
        int64_t l = (int64_t)gofmt_utf8_count(s.p, s.n);
        if (n < 0 || n > l) n = l;
        for (int64_t i = 0; i < n - 1; i++) {
            int w;
            int32_t r = gofmt_utf8_decode(s.p, s.n, &w);
            /* Go's explode turns an invalid byte into "\uFFFD" (a static view). */
            VEC_PUSH(*out, r == 0xFFFD ? str("\xef\xbf\xbd", 3) : str(s.p, (size_t)w));
            s.p += w;
            s.n -= (size_t)w;
        }
        if (n > 0) VEC_PUSH(*out, s);
        return;
    }
    if (n < 0) n = gofmt_str_count(s, sep) + 1;
    if (n > (int64_t)s.n + 1) n = (int64_t)s.n + 1;
    for (int64_t i = 0; i < n - 1; i++) {
        int64_t m = gofmt_str_index(s, sep);
        if (m < 0) break;
        VEC_PUSH(*out, str(s.p, (size_t)m));
        s.p += (size_t)m + sep.n;
        s.n -= (size_t)m + sep.n;
    }
    VEC_PUSH(*out, s);
}

void gofmt_str_replace(GofmtBuf *b, GofmtStr s, GofmtStr old, GofmtStr new_, int64_t n) {
    int64_t m = 0;
    if ((old.n == new_.n && memcmp(old.p, new_.p, old.n) == 0) || n == 0 ||
        (m = gofmt_str_count(s, old)) == 0) {
        gofmt_put(b, s.p, s.n);
        return;
    }
    if (n < 0 || m < n) n = m;
    size_t start = 0;
    for (int64_t i = 0; i < n; i++) {
        size_t j = start;
        if (old.n == 0) {
            if (i > 0) {
                int w;
                gofmt_utf8_decode(s.p + start, s.n - start, &w);
                j += (size_t)w;
            }
        } else {
            j += (size_t)gofmt_str_index(str(s.p + start, s.n - start), old);
        }
        gofmt_put(b, s.p + start, j - start);
        gofmt_put(b, new_.p, new_.n);
        start = j + old.n;
    }
    gofmt_put(b, s.p + start, s.n - start);
}

GofmtStr gofmt_str_trim_space(GofmtStr s) {
    while (s.n > 0) {
        int w;
        int32_t r = gofmt_utf8_decode(s.p, s.n, &w);
        if (!gofmt_is_space(r)) break;
        s.p += w;
        s.n -= (size_t)w;
    }
    while (s.n > 0) {
        /* Step back over one rune: find its start. */
        size_t k = s.n - 1;
        size_t lim = s.n >= 4 ? s.n - 4 : 0;
        while (k > lim && ((unsigned char)s.p[k] & 0xC0) == 0x80)
            k--;
        int w;
        int32_t r = gofmt_utf8_decode(s.p + k, s.n - k, &w);
        if ((size_t)w != s.n - k) {
            r = 0xFFFD; /* an invalid tail byte: not space */
            k = s.n - 1;
        }
        if (!gofmt_is_space(r)) break;
        s.n = k;
    }
    return s;
}

static bool cutset_has(GofmtStr cutset, int32_t r) {
    return gofmt_str_contains_rune(cutset, r);
}

GofmtStr gofmt_str_trim(GofmtStr s, GofmtStr cutset, bool left, bool right) {
    if (s.n == 0 || cutset.n == 0) return s;
    if (left) {
        while (s.n > 0) {
            int w = 1;
            int32_t r = (unsigned char)s.p[0];
            if (r >= 0x80) r = gofmt_utf8_decode(s.p, s.n, &w);
            if (!cutset_has(cutset, r)) break;
            s.p += w;
            s.n -= (size_t)w;
        }
    }
    if (right) {
        while (s.n > 0) {
            size_t k = s.n - 1;
            int32_t r = (unsigned char)s.p[k];
            if (r >= 0x80) {
                size_t lim = s.n >= 4 ? s.n - 4 : 0;
                while (k > lim && ((unsigned char)s.p[k] & 0xC0) == 0x80)
                    k--;
                int w;
                r = gofmt_utf8_decode(s.p + k, s.n - k, &w);
                if ((size_t)w != s.n - k) {
                    r = 0xFFFD;
                    k = s.n - 1;
                }
            }
            if (!cutset_has(cutset, r)) break;
            s.n = k;
        }
    }
    return s;
}

GofmtStr gofmt_str_trim_prefix(GofmtStr s, GofmtStr prefix) {
    if (gofmt_str_has_prefix(s, prefix)) {
        s.p += prefix.n;
        s.n -= prefix.n;
    }
    return s;
}

GofmtStr gofmt_str_trim_suffix(GofmtStr s, GofmtStr suffix) {
    if (gofmt_str_has_suffix(s, suffix)) s.n -= suffix.n;
    return s;
}
