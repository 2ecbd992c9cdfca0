/* src: a loaded source file and positions in it.
 *
 * Invariants: text is NUL-terminated, valid UTF-8 and contains no NUL byte
 * (src_load refuses anything else); line_starts[i] is the byte offset of line
 * i+1; positions are 1-based line and byte column, as Go reports them.
 */
#ifndef GORO_SRC_H
#define GORO_SRC_H

#include <stddef.h>

/* Pos: a position in the one source file of a run. line 0 means "none". */
typedef struct Pos {
    int line; /* 1-based */
    int col;  /* 1-based byte column, as go/scanner counts */
} Pos;

/* SrcFile: a source file's path (as the user typed it) and bytes. */
typedef struct SrcFile {
    char *path;
    char *text;
    size_t len;
    int *line_starts;
    int nlines;
} SrcFile;

/* src_load: read [path] into [out]. Returns 0, or -1 with a one-line reason
 * (no trailing newline) written into [err] of [errlen] bytes: a missing or
 * unreadable file, a directory, a binary file (NUL byte) or invalid UTF-8. */
int src_load(SrcFile *out, const char *path, char *err, size_t errlen);

/* src_from_string: make [out] from [len] bytes of [text] under the name
 * [path] without validation (for tests and fuzzing; NUL bytes are kept). */
void src_from_string(SrcFile *out, const char *path, const char *text, size_t len);

/* src_line: the text of 1-based [line] (without its newline) and its length
 * in [*len]; NULL if out of range. */
const char *src_line(const SrcFile *f, int line, int *len);

/* src_utf8_valid: whether [n] bytes at [s] are valid UTF-8; if not, the byte
 * offset of the first bad sequence goes to [*bad_at] (when non-NULL). */
int src_utf8_valid(const char *s, size_t n, size_t *bad_at);

/* src_free: release what src_load/src_from_string allocated. */
void src_free(SrcFile *f);

#endif
