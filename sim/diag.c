/* diag: collecting and printing diagnostics in Go's order and form. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

static const char *const msg_text[] = {
#define DIAG_X(name, text) text,
#include "diag_msgs.h"
#undef DIAG_X
};

void diag_init(DiagList *dl, const char *path) {
    memset(dl, 0, sizeof *dl);
    dl->path = path;
}

const char *diag_msg_text(DiagMsg m) { return (unsigned)m < DM__COUNT ? msg_text[m] : "?"; }

void diag_addv(DiagList *dl, Pos pos, int syntax, DiagMsg m, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, diag_msg_text(m), ap2);
    va_end(ap2);
    char *s = mem_alloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, diag_msg_text(m), ap);
    if (syntax) {
        /* gc: only one syntax error per line, whatever the error. */
        int same = dl->nsyntax && dl->last_syntax_line == pos.line;
        dl->nsyntax++;
        if (same) {
            mem_free(s, (size_t)n + 1);
            return;
        }
        dl->last_syntax_line = pos.line;
    } else {
        /* gc: only one of several equal non-syntax errors per line. */
        if (dl->last_other_msg && dl->last_other_line == pos.line && strcmp(dl->last_other_msg, s) == 0) {
            mem_free(s, (size_t)n + 1);
            return;
        }
        dl->last_other_line = pos.line;
        dl->last_other_msg = s;
    }
    Diag d = {pos, s, dl->v.len, syntax};
    VEC_PUSH(dl->v, d);
}

void diag_add(DiagList *dl, Pos pos, DiagMsg m, ...) {
    va_list ap;
    va_start(ap, m);
    diag_addv(dl, pos, 0, m, ap);
    va_end(ap);
}

void diag_syntax(DiagList *dl, Pos pos, DiagMsg m, ...) {
    va_list ap;
    va_start(ap, m);
    diag_addv(dl, pos, 1, m, ap);
    va_end(ap);
}

int diag_count(const DiagList *dl) { return dl->v.len; }

static int cmp_diag(const void *a, const void *b) {
    const Diag *x = a, *y = b;
    if (x->pos.line != y->pos.line) return x->pos.line < y->pos.line ? -1 : 1;
    if (x->pos.col != y->pos.col) return x->pos.col < y->pos.col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int diag_print(DiagList *dl, FILE *out) {
    /* Go stops at the 10th error in the order they were reported: it prints
     * those sorted, then "too many errors" at the 10th one's position. */
    int n = dl->v.len, limited = 0;
    dl->last_other_msg = NULL; /* messages may be freed below */
    Pos tenth = {0, 0};
    if (n >= DIAG_MAX) {
        for (int i = 0; i < n; i++)
            if (dl->v.items[i].seq == DIAG_MAX - 1) tenth = dl->v.items[i].pos;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (dl->v.items[i].seq < DIAG_MAX) dl->v.items[k++] = dl->v.items[i];
            else mem_free(dl->v.items[i].msg, strlen(dl->v.items[i].msg) + 1);
        }
        dl->v.len = n = k;
        limited = 1;
    }
    if (n > 1) qsort(dl->v.items, (size_t)n, sizeof(Diag), cmp_diag);
    int printed = 0;
    for (int i = 0; i < n; i++) {
        Diag *d = &dl->v.items[i];
        if (i > 0) {
            Diag *p = &dl->v.items[i - 1];
            if (p->pos.line == d->pos.line && strcmp(p->msg, d->msg) == 0) continue;
        }
        if (strncmp(d->msg, "goro-viz: ", 10) == 0) /* outside the subset: our own form */
            fprintf(out, "%s (%s:%d:%d)\n", d->msg, dl->path, d->pos.line, d->pos.col);
        else
            fprintf(out, "%s:%d:%d: %s\n", dl->path, d->pos.line, d->pos.col, d->msg);
        printed++;
    }
    if (limited) {
        fprintf(out, "%s:%d:%d: too many errors\n", dl->path, tenth.line, tenth.col);
        printed++;
    }
    return printed;
}

void diag_free(DiagList *dl) {
    dl->last_other_msg = NULL;
    for (int i = 0; i < dl->v.len; i++) mem_free(dl->v.items[i].msg, strlen(dl->v.items[i].msg) + 1);
    VEC_FREE(dl->v);
}
