/* diag: compile-time diagnostics about the user's source, printed as Go does.
 *
 * Every message text lives in diag_msgs.h (one table), so a change in Go's
 * wording is a one-file change. Diagnostics are collected, then printed sorted
 * by position as `path:line:col: text`, at most DIAG_MAX (10, as Go) followed
 * by `path:line:col: too many errors` when more were found.
 */
#ifndef GORO_DIAG_H
#define GORO_DIAG_H

#include <stdarg.h>
#include <stdio.h>

#include "mem.h"
#include "src.h"

/* DiagMsg: one id per message text in diag_msgs.h (DM_<NAME>). */
typedef enum DiagMsg {
#define DIAG_X(name, text) DM_##name,
#include "diag_msgs.h"
#undef DIAG_X
    DM__COUNT
} DiagMsg;

#define DIAG_MAX 10

/* Diag: one diagnostic; [msg] is owned by the list. [soft] marks errors Go
 * reports only when nothing else is wrong (e.g. "declared and not used"). */
typedef struct Diag {
    Pos pos;
    char *msg;
    int seq; /* order of reporting, to keep sorting stable */
    int syntax;
} Diag;

/* DiagList: the diagnostics of one compilation of [path]. Zero-init then set
 * path with diag_init. */
typedef struct DiagList {
    const char *path;
    VEC(Diag) v;
    int nsyntax; /* how many syntax errors were reported (kept or not) */
    /* gc's filters: one syntax error per line (compared with the last one
     * kept), and no repeat of the same other error on a line. */
    int last_syntax_line, last_other_line;
    char *last_other_msg; /* borrowed from the last kept non-syntax Diag */
} DiagList;

/* diag_init: an empty list for file [path] (borrowed, must outlive the list). */
void diag_init(DiagList *dl, const char *path);

/* diag_msg_text: the printf format of message [m]. */
const char *diag_msg_text(DiagMsg m);

/* diag_add: record message [m] at [pos], formatted with the printf arguments
 * its table text expects. Syntax errors use diag_syntax instead. */
void diag_add(DiagList *dl, Pos pos, DiagMsg m, ...);

/* diag_syntax: like diag_add but marks the diagnostic as a syntax error. */
void diag_syntax(DiagList *dl, Pos pos, DiagMsg m, ...);

/* diag_addv: va_list form of diag_add. */
void diag_addv(DiagList *dl, Pos pos, int syntax, DiagMsg m, va_list ap);

/* diag_count: number of diagnostics recorded. */
int diag_count(const DiagList *dl);

/* diag_print: sort by position (stable), drop exact duplicates and further
 * errors on a line that already has one (as Go), print at most DIAG_MAX then
 * "too many errors", each line prefixed by the path. Returns lines printed. */
int diag_print(DiagList *dl, FILE *out);

/* diag_free: release all messages. */
void diag_free(DiagList *dl);

#endif
