/* test_src: loading source files and UTF-8 validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src.h"

static void test_utf8(void **state) {
    (void)state;
    size_t bad = 99;
    assert_true(src_utf8_valid("héllo, 世界", strlen("héllo, 世界"), &bad));
    assert_false(src_utf8_valid("ab\xff", 3, &bad));
    assert_int_equal(bad, 2);
    assert_false(src_utf8_valid("a\xc3", 2, &bad)); /* truncated */
    assert_int_equal(bad, 1);
    assert_false(src_utf8_valid("\xc0\x80", 2, &bad)); /* overlong */
    assert_false(src_utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
}

static void test_load_errors(void **state) {
    (void)state;
    SrcFile f;
    char err[256];
    assert_int_equal(src_load(&f, "/nonexistent/x.go", err, sizeof err), -1);
    assert_non_null(strstr(err, "cannot open /nonexistent/x.go"));
    assert_int_equal(src_load(&f, "/tmp", err, sizeof err), -1);
    assert_non_null(strstr(err, "is a directory"));
    char path[] = "/tmp/goro_src_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "pack\0age", 8), 8);
    close(fd);
    assert_int_equal(src_load(&f, path, err, sizeof err), -1);
    assert_non_null(strstr(err, "NUL byte at offset 4"));
    unlink(path);
}

static void test_lines(void **state) {
    (void)state;
    SrcFile f;
    src_from_string(&f, "x.go", "a\nbc\r\n\nd", 8);
    assert_int_equal(f.nlines, 4);
    int len;
    const char *l = src_line(&f, 2, &len);
    assert_int_equal(len, 2);
    assert_memory_equal(l, "bc", 2);
    l = src_line(&f, 4, &len);
    assert_int_equal(len, 1);
    assert_null(src_line(&f, 5, &len));
    src_free(&f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
