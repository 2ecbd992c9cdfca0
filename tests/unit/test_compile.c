/* test_compile: the compiler's output shape (through the disassembler) and
 * its refusals. Shapes matter because the benchmarks depend on them: a
 * counted loop is one fused compare-and-branch at the bottom, calls read
 * their results in place. Refusals must name the construct and position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vm_cli.h"

/* compile_src: write [src] to a temp .go file, disassemble it; returns the
 * listing (caller frees) and the status in *[status], errors in *[err]. */
static char *disasm_src(const char *src, int *status, char **err) {
    char path[] = "/tmp/goro_test_compile_XXXXXX.go";
    int fd = mkstemps(path, 3);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    char *out = NULL;
    size_t outlen = 0, errlen = 0;
    FILE *fo = open_memstream(&out, &outlen), *fe = open_memstream(err, &errlen);
    *status = vm_cli_disasm(path, fo, fe);
    fclose(fo);
    fclose(fe);
    unlink(path);
    return out;
}

static void test_loop_shape(void **st) {
    int status;
    char *err;
    char *out = disasm_src("package main\n\nfunc main() {\n\tsum := 0\n\tfor i := 0; i < 1000; i++ {\n"
                           "\t\tsum += i % 7\n\t}\n\tprintln(sum)\n}\n",
                           &status, &err);
    assert_int_equal(status, 0);
    /* the condition is one instruction at the bottom; the % takes its
     * constant as an operand */
    assert_non_null(strstr(out, "BLTK"));
    assert_non_null(strstr(out, "MODK"));
    assert_null(strstr(out, " LT "));
    free(out);
    free(err);
}

static void test_call_shape(void **st) {
    int status;
    char *err;
    char *out = disasm_src("package main\n\nfunc fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n"
                           "\treturn fib(n-1) + fib(n-2)\n}\n\nfunc main() { println(fib(10)) }\n",
                           &status, &err);
    assert_int_equal(status, 0);
    char *f = strstr(out, "func main.fib");
    assert_non_null(f);
    char *end = strstr(f, "\n\n");
    if (end) *end = 0;
    /* results are read where the calls leave them: no MOVE in fib */
    assert_null(strstr(f, "MOVE       3"));
    assert_non_null(strstr(f, "ADDI"));
    assert_non_null(strstr(f, "RET        0 1"));
    free(out);
    free(err);
}

static void test_refusal_names_construct(void **st) {
    int status;
    char *err;
    /* fmt.Sscan: a library function with no native (input is not part of
     * the subset: programs have no stdin). */
    char *out = disasm_src("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar x int\n\tfmt.Sscan(\"1\", &x)\n}\n",
                           &status, &err);
    assert_int_equal(status, 1);
    assert_non_null(strstr(err, "goro-viz: fmt.Sscan is not supported ("));
    assert_non_null(strstr(err, ".go:7:"));
    free(out);
    free(err);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loop_shape),
        cmocka_unit_test(test_call_shape),
        cmocka_unit_test(test_refusal_names_construct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
