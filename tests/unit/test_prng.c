/* test_prng: the run's PRNG reproduces the published algorithms exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "prng.h"

/* splitmix64 from state 0: the reference sequence of Steele/Vigna's C code. */
static void test_splitmix_reference(void **st) {
    uint64_t s = 0;
    assert_true(prng_splitmix64(&s) == 0xe220a8397b1dcdafULL);
    assert_true(prng_splitmix64(&s) == 0x6e789e6aa1b965f4ULL);
    assert_true(prng_splitmix64(&s) == 0x06c45d188009454fULL);
}

/* xoshiro256** from state {1,2,3,4}: first outputs of the reference code
 * (the third one checked by hand: rotl(262149*5, 7)*9). */
static void test_xoshiro_reference(void **st) {
    Prng p = {{1, 2, 3, 4}};
    assert_true(prng_next(&p) == 11520);
    assert_true(prng_next(&p) == 0);
    assert_true(prng_next(&p) == 1509978240ULL);
    assert_true(prng_next(&p) == 1215971899390074240ULL);
}

static void test_seed_deterministic(void **st) {
    Prng a, b, c;
    prng_seed(&a, 17);
    prng_seed(&b, 17);
    prng_seed(&c, 18);
    int differ = 0;
    for (int i = 0; i < 100; i++) {
        uint64_t x = prng_next(&a), y = prng_next(&b), z = prng_next(&c);
        assert_true(x == y);
        differ |= x != z;
    }
    assert_true(differ);
}

static void test_below_and_float(void **st) {
    Prng p;
    prng_seed(&p, 1);
    int seen[7] = {0};
    for (int i = 0; i < 7000; i++) {
        uint64_t x = prng_below(&p, 7);
        assert_true(x < 7);
        seen[x]++;
    }
    for (int i = 0; i < 7; i++) assert_true(seen[i] > 800 && seen[i] < 1200);
    assert_true(prng_below(&p, 1) == 0);
    assert_true(prng_below(&p, 0) == 0);
    for (int i = 0; i < 1000; i++) {
        double f = prng_float(&p);
        assert_true(f >= 0.0 && f < 1.0);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_splitmix_reference),
        cmocka_unit_test(test_xoshiro_reference),
        cmocka_unit_test(test_seed_deterministic),
        cmocka_unit_test(test_below_and_float),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
