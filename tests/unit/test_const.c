/* test_const: exact constant arithmetic (expected values from Go 1.19). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "const.h"

static ConstVal *lit(Arena *a, TokKind k, const char *s) { return cv_from_lit(a, k, s, (int)strlen(s)); }

static void test_float_exact(void **state) {
    (void)state;
    Arena a = {0};
    ConstVal *x = lit(&a, TK_FLOAT, "0.1"), *y = lit(&a, TK_FLOAT, "0.2"), *z = lit(&a, TK_FLOAT, "0.3");
    ConstVal *s = cv_binop(&a, TK_ADD, x, y, 0);
    assert_true(cv_compare(TK_EQL, s, z));
    assert_true(cv_float64_val(z) == 0.3);
    /* but 0.1 + 0.2 != 0.3 once rounded to float64 */
    ConstVal *fx = cv_round_float(&a, x, 64), *fy = cv_round_float(&a, y, 64);
    ConstVal *fs = cv_round_float(&a, cv_binop(&a, TK_ADD, fx, fy, 0), 64);
    assert_false(cv_compare(TK_EQL, fs, cv_round_float(&a, z, 64)));
    assert_true(cv_float64_val(lit(&a, TK_FLOAT, "1e308")) == 1e308);
    assert_true(cv_float64_val(lit(&a, TK_FLOAT, "4.9406564584124654e-324")) == 4.9406564584124654e-324);
    assert_true(cv_float64_val(lit(&a, TK_FLOAT, "0x1p-2")) == 0.25);
    assert_true(cv_float64_val(lit(&a, TK_FLOAT, "1.7976931348623157e308")) == 1.7976931348623157e308);
    assert_null(cv_round_float(&a, lit(&a, TK_FLOAT, "1e309"), 64));
    assert_null(cv_round_float(&a, lit(&a, TK_FLOAT, "1e39"), 32));
    char buf[64];
    assert_string_equal(cv_format(lit(&a, TK_FLOAT, "1.5"), buf, sizeof buf), "1.5");
    assert_string_equal(cv_format(cv_binop(&a, TK_QUO, lit(&a, TK_INT, "1"), lit(&a, TK_INT, "3"), 0), buf, sizeof buf),
                        "0.333333");
    arena_free(&a);
}

static void test_int_big(void **state) {
    (void)state;
    Arena a = {0};
    char buf[128];
    ConstVal *one = cv_int64(&a, 1);
    ConstVal *x = cv_shift(&a, TK_SHL, one, 70);
    assert_string_equal(cv_format(x, buf, sizeof buf), "1180591620717411303424");
    assert_false(cv_fits_int(x, 64, 1));
    assert_true(cv_fits_int(cv_int64(&a, 255), 8, 0));
    assert_false(cv_fits_int(cv_int64(&a, 300), 8, 0));
    assert_true(cv_fits_int(cv_int64(&a, -128), 8, 1));
    assert_false(cv_fits_int(cv_int64(&a, -129), 8, 1));
    assert_false(cv_fits_int(cv_int64(&a, -1), 64, 0));
    ConstVal *m = cv_binop(&a, TK_SUB, cv_shift(&a, TK_SHL, one, 64), one, 1);
    assert_true(cv_fits_int(m, 64, 0));
    assert_int_equal(cv_uint64_val(m), UINT64_MAX);
    assert_int_equal(cv_int64_val(cv_binop(&a, TK_QUO, cv_int64(&a, -7), cv_int64(&a, 2), 1)), -3);
    assert_int_equal(cv_int64_val(cv_binop(&a, TK_REM, cv_int64(&a, -7), cv_int64(&a, 2), 1)), -1);
    assert_int_equal(cv_int64_val(cv_shift(&a, TK_SHR, cv_int64(&a, -7), 1)), -4);
    assert_int_equal(cv_int64_val(cv_binop(&a, TK_AND, cv_int64(&a, -6), cv_int64(&a, 7), 1)), 2);
    assert_int_equal(cv_int64_val(cv_binop(&a, TK_AND_NOT, cv_int64(&a, 7), cv_int64(&a, 2), 1)), 5);
    assert_int_equal(cv_int64_val(cv_unop(&a, TK_XOR, cv_int64(&a, 5), 0)), -6);
    assert_int_equal(cv_int64_val(cv_unop(&a, TK_XOR, cv_int64(&a, 5), 8)), 250);
    assert_null(cv_binop(&a, TK_QUO, one, cv_int64(&a, 0), 1));
    assert_int_equal(cv_int64_val(lit(&a, TK_INT, "0x_FF")), 255);
    assert_int_equal(cv_int64_val(lit(&a, TK_INT, "0777")), 511);
    assert_int_equal(cv_int64_val(lit(&a, TK_INT, "0b101")), 5);
    assert_int_equal(cv_int64_val(lit(&a, TK_INT, "1_000_000")), 1000000);
    ConstVal *big = lit(&a, TK_INT, "123456789012345678901234567890");
    assert_string_equal(cv_format(big, buf, sizeof buf), "123456789012345678901234567890");
    arena_free(&a);
}

static void test_strings(void **state) {
    (void)state;
    Arena a = {0};
    ConstVal *s = lit(&a, TK_STRING, "\"a\\tb\\u00e9\\x41\"");
    assert_int_equal(s->slen, 6);
    assert_memory_equal(s->s, "a\tb\xc3\xa9" "A", 6);
    ConstVal *r = lit(&a, TK_CHAR, "'\\n'");
    assert_int_equal(cv_int64_val(r), 10);
    assert_int_equal(cv_int64_val(lit(&a, TK_CHAR, "'世'")), 0x4e16);
    ConstVal *raw = lit(&a, TK_STRING, "`a\\n`");
    assert_int_equal(raw->slen, 3);
    ConstVal *cat = cv_binop(&a, TK_ADD, lit(&a, TK_STRING, "\"ab\""), lit(&a, TK_STRING, "\"cd\""), 0);
    assert_memory_equal(cat->s, "abcd", 4);
    assert_true(cv_compare(TK_LSS, lit(&a, TK_STRING, "\"ab\""), lit(&a, TK_STRING, "\"b\"")));
    char buf[128];
    assert_string_equal(cv_format(lit(&a, TK_STRING, "\"hi\\n\""), buf, sizeof buf), "\"hi\\n\"");
    arena_free(&a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_float_exact),
        cmocka_unit_test(test_int_big),
        cmocka_unit_test(test_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
