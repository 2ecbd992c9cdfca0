/* test_mem: the allocation funnel's big buffers (mem_big_resize across the
 * plain and huge kinds, mem_alloc_huge) keep their bytes, zero what they
 * add and balance the live byte count; the slab recycles by size class. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mem.h"

/* fill: a pattern no zeroed or stale byte matches by chance */
static void fill(unsigned char *p, size_t from, size_t to) {
    for (size_t i = from; i < to; i++) p[i] = (unsigned char)(i * 131 + 7) | 1;
}

static void expect_fill(const unsigned char *p, size_t from, size_t to) {
    for (size_t i = from; i < to; i += 997) assert_int_equal(p[i], (unsigned char)(i * 131 + 7) | 1);
    if (to > from) assert_int_equal(p[to - 1], (unsigned char)((to - 1) * 131 + 7) | 1);
}

static void expect_zero(const unsigned char *p, size_t from, size_t to) {
    for (size_t i = from; i < to; i++)
        if (p[i]) fail_msg("byte %zu is %u, not 0", i, p[i]);
}

static void test_alloc_huge_aligned_zero(void **st) {
    (void)st;
    size_t live = mem_live_bytes(), n = MEM_HUGE + 12345;
    unsigned char *p = mem_alloc_huge(n);
    assert_true(((uintptr_t)p & (MEM_HUGE - 1)) == 0);
    expect_zero(p, 0, n);
    fill(p, 0, n);
    expect_fill(p, 0, n);
    assert_true(mem_live_bytes() == live + n);
    mem_free_huge(p, n);
    assert_true(mem_live_bytes() == live);
}

/* a buffer grown 4 KiB -> 16 MiB by doubling, as the trace's logs grow:
 * plain, then copied to the huge kind, then moved page-wise */
static void test_big_resize_grow(void **st) {
    (void)st;
    size_t live = mem_live_bytes(), cap = 0, used = 0;
    unsigned char *p = NULL;
    for (size_t nc = 4096; nc <= ((size_t)16 << 20); nc *= 2) {
        p = mem_big_resize(p, cap, nc);
        expect_fill(p, 0, used);
        expect_zero(p, used, nc);
        cap = nc;
        used = nc - nc / 4 - 3; /* leave an odd unwritten tail */
        fill(p, 0, used);
        assert_true(mem_live_bytes() == live + cap);
    }
    mem_big_free(p, cap);
    assert_true(mem_live_bytes() == live);
}

/* shrink within the huge kind (a trimmed last chunk), grow again (the
 * tail of the old last page must come back zero), then down to plain */
static void test_big_resize_shrink(void **st) {
    (void)st;
    size_t live = mem_live_bytes(), n = (size_t)6 << 20;
    unsigned char *p = mem_big_resize(NULL, 0, n);
    fill(p, 0, n);
    size_t trim = MEM_HUGE + 5000; /* ends inside a page */
    p = mem_big_resize(p, n, trim);
    expect_fill(p, 0, trim);
    assert_true(mem_live_bytes() == live + trim);
    p = mem_big_resize(p, trim, (size_t)3 << 20);
    expect_fill(p, 0, trim);
    expect_zero(p, trim, (size_t)3 << 20);
    fill(p, 0, (size_t)3 << 20);
    p = mem_big_resize(p, (size_t)3 << 20, 100000); /* huge -> plain */
    expect_fill(p, 0, 100000);
    assert_true(mem_live_bytes() == live + 100000);
    p = mem_big_resize(p, 100000, 0);
    assert_null(p);
    assert_true(mem_live_bytes() == live);
}

static void test_slab_classes(void **st) {
    (void)st;
    MemSlab s = {0};
    unsigned char *a = mem_slab_alloc(&s, 24), *b = mem_slab_alloc(&s, 40);
    expect_zero(a, 0, 24);
    fill(a, 0, 24);
    fill(b, 0, 40);
    mem_slab_free(&s, a, 24);
    unsigned char *c = mem_slab_alloc(&s, 20); /* same class as 24: 3 words */
    expect_zero(c, 0, 20);
    expect_fill(b, 0, 40);
    unsigned char *big = mem_slab_alloc(&s, MEM_SLAB_MAX + 1);
    expect_zero(big, 0, MEM_SLAB_MAX + 1);
    mem_slab_free(&s, big, MEM_SLAB_MAX + 1);
    mem_slab_free(&s, b, 40); /* under ASan each block is its own allocation */
    mem_slab_free(&s, c, 20);
    mem_slab_release(&s);
    assert_null(s.chunks);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_huge_aligned_zero),
        cmocka_unit_test(test_big_resize_grow),
        cmocka_unit_test(test_big_resize_shrink),
        cmocka_unit_test(test_slab_classes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
