/* test_diag: diagnostic ordering, limits and forms, as Go prints them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"

/* print [dl] into a static buffer. */
static const char *printed(DiagList *dl, int *lines) {
    static char buf[8192];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    int n = diag_print(dl, f);
    fclose(f);
    if (lines) *lines = n;
    return buf;
}

static void test_sorted_and_deduped(void **state) {
    (void)state;
    DiagList dl;
    diag_init(&dl, "x.go");
    diag_add(&dl, (Pos){7, 2}, DM_UNDEFINED, "y");
    diag_add(&dl, (Pos){3, 8}, DM_IMPORTED_NOT_USED, "\"os\"");
    diag_add(&dl, (Pos){6, 2}, DM_DECLARED_NOT_USED, "x");
    diag_add(&dl, (Pos){7, 2}, DM_UNDEFINED, "y"); /* exact duplicate */
    int n;
    assert_string_equal(printed(&dl, &n), "x.go:3:8: imported and not used: \"os\"\n"
                                          "x.go:6:2: x declared but not used\n"
                                          "x.go:7:2: undefined: y\n");
    assert_int_equal(n, 3);
    diag_free(&dl);
}

static void test_too_many(void **state) {
    (void)state;
    DiagList dl;
    diag_init(&dl, "x.go");
    /* Reported in the order 12, 11, ..., 1: Go keeps the first ten reported
     * (lines 3..12), prints them sorted, then "too many errors" at the tenth
     * reported one (line 3). */
    for (int i = 12; i >= 1; i--) diag_add(&dl, (Pos){i, 1}, DM_UNDEFINED, "v");
    int n;
    const char *out = printed(&dl, &n);
    assert_int_equal(n, 11);
    assert_true(strncmp(out, "x.go:3:1: undefined: v\n", 23) == 0);
    assert_non_null(strstr(out, "x.go:12:1: undefined: v\nx.go:3:1: too many errors\n"));
    assert_null(strstr(out, "x.go:1:1"));
    assert_null(strstr(out, "x.go:2:1"));
    diag_free(&dl);
}

static void test_one_syntax_error_per_line(void **state) {
    (void)state;
    DiagList dl;
    diag_init(&dl, "x.go");
    diag_syntax(&dl, (Pos){4, 9}, DM_SYNTAX, "unexpected newline, expecting comma or )");
    diag_syntax(&dl, (Pos){4, 12}, DM_SYNTAX, "second on the same line");
    diag_syntax(&dl, (Pos){5, 1}, DM_SYNTAX, "non-declaration statement outside function body");
    assert_int_equal(diag_count(&dl), 2);
    assert_int_equal(dl.nsyntax, 3); /* gc counts the dropped one too */
    /* the rule compares with the last kept syntax error only */
    diag_syntax(&dl, (Pos){4, 20}, DM_SYNTAX, "back on line 4");
    assert_int_equal(diag_count(&dl), 3);
    diag_free(&dl);
    diag_init(&dl, "x.go");
    diag_syntax(&dl, (Pos){4, 9}, DM_SYNTAX, "unexpected newline, expecting comma or )");
    diag_syntax(&dl, (Pos){5, 1}, DM_SYNTAX, "non-declaration statement outside function body");
    assert_string_equal(printed(&dl, NULL),
                        "x.go:4:9: syntax error: unexpected newline, expecting comma or )\n"
                        "x.go:5:1: syntax error: non-declaration statement outside function body\n");
    diag_free(&dl);
}

static void test_equal_errors_once_per_line(void **state) {
    (void)state;
    DiagList dl;
    diag_init(&dl, "x.go");
    diag_add(&dl, (Pos){3, 5}, DM_UNDEFINED, "x");
    diag_add(&dl, (Pos){3, 9}, DM_UNDEFINED, "x"); /* same text, same line: dropped */
    diag_add(&dl, (Pos){3, 12}, DM_UNDEFINED, "y");
    diag_add(&dl, (Pos){4, 1}, DM_UNDEFINED, "x");
    assert_int_equal(diag_count(&dl), 3);
    diag_free(&dl);
}

static void test_unsupported_form(void **state) {
    (void)state;
    DiagList dl;
    diag_init(&dl, "x.go");
    diag_add(&dl, (Pos){3, 6}, DM_UNSUPPORTED, "generics");
    assert_string_equal(printed(&dl, NULL), "goro-viz: generics are not supported (x.go:3:6)\n");
    diag_free(&dl);
}

static void test_arena(void **state) {
    (void)state;
    Arena a = {0};
    char *s = arena_strndup(&a, "hello world", 5);
    assert_string_equal(s, "hello");
    for (int i = 0; i < 10000; i++) {
        unsigned char *p = arena_alloc(&a, 100);
        assert_int_equal(((uintptr_t)p) % 16, 0);
        for (int j = 0; j < 100; j++) assert_int_equal(p[j], 0);
        p[0] = 1;
    }
    assert_string_equal(s, "hello"); /* earlier data never moves */
    size_t before = mem_live_bytes();
    arena_free(&a);
    assert_true(mem_live_bytes() < before);
    assert_null(a.head);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_and_deduped),
        cmocka_unit_test(test_too_many),
        cmocka_unit_test(test_one_syntax_error_per_line),
        cmocka_unit_test(test_equal_errors_once_per_line),
        cmocka_unit_test(test_unsupported_form),
        cmocka_unit_test(test_arena),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
