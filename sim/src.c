/* src: loading and validating a source file. */
#include "src.h"
#include "mem.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

int src_utf8_valid(const char *s, size_t n, size_t *bad_at) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t k;
        unsigned min;
        if (c < 0x80) { i++; continue; }
        if ((c & 0xE0) == 0xC0) { k = 1; min = 0x80; c &= 0x1F; }
        else if ((c & 0xF0) == 0xE0) { k = 2; min = 0x800; c &= 0x0F; }
        else if ((c & 0xF8) == 0xF0) { k = 3; min = 0x10000; c &= 0x07; }
        else goto bad;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (p[i + j] & 0xC0) != 0x80) goto bad;
            c = (c << 6) | (p[i + j] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) goto bad;
        i += k + 1;
    }
    return 1;
bad:
    if (bad_at) *bad_at = i;
    return 0;
}

static void index_lines(SrcFile *f) {
    int cap = 64;
    f->line_starts = mem_alloc(sizeof(int) * (size_t)cap);
    f->nlines = 0;
    f->line_starts[f->nlines++] = 0;
    for (size_t i = 0; i < f->len; i++) {
        if (f->text[i] == '\n' && i + 1 <= f->len) {
            if (f->nlines == cap) {
                f->line_starts = mem_realloc(f->line_starts, sizeof(int) * (size_t)cap,
                                             sizeof(int) * (size_t)cap * 2);
                cap *= 2;
            }
            f->line_starts[f->nlines++] = (int)(i + 1);
        }
    }
    /* Remember capacity for mem_free by shrinking to exact size. */
    f->line_starts = mem_realloc(f->line_starts, sizeof(int) * (size_t)cap,
                                 sizeof(int) * (size_t)f->nlines);
}

void src_from_string(SrcFile *out, const char *path, const char *text, size_t len) {
    memset(out, 0, sizeof *out);
    out->path = mem_strndup(path, strlen(path));
    out->text = mem_strndup(text, len);
    out->len = len;
    index_lines(out);
}

int src_load(SrcFile *out, const char *path, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s is a directory, not a Go source file", path);
        return -1;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    char *buf = mem_alloc(cap);
    for (;;) {
        if (len + 1 >= cap) {
            buf = mem_realloc(buf, cap, cap * 2);
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, fp);
        if (n == 0) break;
        len += n;
    }
    int rerr = ferror(fp);
    fclose(fp);
    if (rerr) {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno ? errno : EIO));
        mem_free(buf, cap);
        return -1;
    }
    const char *nul = memchr(buf, 0, len);
    if (nul) {
        snprintf(err, errlen, "%s is not a Go source file: it contains a NUL byte at offset %zu (binary file?)",
                 path, (size_t)(nul - buf));
        mem_free(buf, cap);
        return -1;
    }
    size_t bad;
    if (!src_utf8_valid(buf, len, &bad)) {
        snprintf(err, errlen, "%s is not a Go source file: invalid UTF-8 at byte offset %zu", path, bad);
        mem_free(buf, cap);
        return -1;
    }
    src_from_string(out, path, buf, len);
    mem_free(buf, cap);
    return 0;
}

const char *src_line(const SrcFile *f, int line, int *len) {
    if (line < 1 || line > f->nlines) return NULL;
    int start = f->line_starts[line - 1];
    int end = line < f->nlines ? f->line_starts[line] - 1 : (int)f->len;
    if (end > start && f->text[end - 1] == '\r') end--;
    *len = end - start;
    return f->text + start;
}

void src_free(SrcFile *f) {
    if (f->path) mem_free(f->path, strlen(f->path) + 1);
    if (f->text) mem_free(f->text, f->len + 1);
    if (f->line_starts) mem_free(f->line_starts, sizeof(int) * (size_t)f->nlines);
    memset(f, 0, sizeof *f);
}
