/* test_trace_capture: a Trace's text or Chrome export into memory, for the
 * trace tests (test_trace.c, test_trace_rec.c). Include after cmocka.h. */
#ifndef TEST_TRACE_CAPTURE_H
#define TEST_TRACE_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "trace.h"

/* capture: [t] written as text (or Chrome JSON when [chrome]) into a
 * malloc'd NUL-terminated buffer the caller frees; its length in *[len]
 * when [len] is not NULL. */
static char *capture(Trace *t, int chrome, size_t *len) {
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    assert_int_equal(chrome ? trace_write_chrome(t, f) : trace_write_text(t, f), 0);
    fclose(f);
    if (len) *len = n;
    return buf;
}

#endif
