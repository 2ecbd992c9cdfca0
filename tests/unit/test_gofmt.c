/* test_gofmt: fmt verbs, flags and Printf bookkeeping against Go 1.19 (tests/gofmt/fmt.expected).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gofmt.h"
#include "gofmt/casefile.h"
#include "mem.h"

/* parse_arg: a typed case argument ("i8:-3", "s:hi", "nil") as a GofmtValue;
 * string bytes go to [store]. */
static GofmtValue parse_arg(const char *a, GofmtBuf *store) {
    if (strcmp(a, "nil") == 0) return gofmt_v_nil();
    const char *colon = strchr(a, ':');
    assert_non_null(colon);
    char kind[8] = {0};
    memcpy(kind, a, (size_t)(colon - a));
    const char *v = colon + 1;
    static const struct {
        const char *k, *type;
        int sign;
    } ints[] = {{"i", "int", 1},     {"i8", "int8", 1},    {"i16", "int16", 1},
                {"i32", "int32", 1}, {"i64", "int64", 1},  {"u", "uint", 0},
                {"u8", "uint8", 0},  {"u16", "uint16", 0}, {"u32", "uint32", 0},
                {"u64", "uint64", 0}};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        if (strcmp(kind, ints[i].k) != 0) continue;
        GofmtValue val =
            ints[i].sign ? gofmt_v_int(strtoll(v, NULL, 0)) : gofmt_v_uint(strtoull(v, NULL, 0));
        val.type_name = ints[i].type;
        return val;
    }
    if (strcmp(kind, "f") == 0) return gofmt_v_float(strtod(v, NULL));
    if (strcmp(kind, "f32") == 0) return gofmt_v_float32(strtof(v, NULL));
    if (strcmp(kind, "b") == 0) return gofmt_v_bool(strcmp(v, "true") == 0);
    casefile_unesc(store, v);
    GofmtValue val = gofmt_v_str(store->data ? store->data : "", store->len);
    if (strcmp(kind, "by") == 0) val.kind = GOFMT_BYTES;
    return val;
}

/* Pointer arguments ("ptr:ADDR", an unsafe.Pointer in Go) go through
 * gofmt_pointer; the rest through gofmt_value. */
typedef struct Args {
    GofmtValue vals[CASEFILE_MAX_FIELDS];
    bool is_ptr[CASEFILE_MAX_FIELDS];
} Args;

static void args_print(void *ctx, GofmtBuf *b, int i, const GofmtSpec *sp) {
    Args *a = ctx;
    if (!a->is_ptr[i]) {
        gofmt_value(b, sp, &a->vals[i]);
        return;
    }
    if (sp->verb == 'T') {
        gofmt_pad(b, sp, "unsafe.Pointer", 14);
        return;
    }
    if (gofmt_pointer(b, sp, a->vals[i].u, "unsafe.Pointer")) return;
    gofmt_bad_verb_open(b, sp->verb, "unsafe.Pointer");
    GofmtSpec v = *sp;
    v.verb = 'v';
    gofmt_pointer(b, &v, a->vals[i].u, "unsafe.Pointer");
    gofmt_bad_verb_close(b);
}

static const char *args_type_name(void *ctx, int i) {
    Args *a = ctx;
    return a->is_ptr[i] ? "unsafe.Pointer" : gofmt_value_type_name(&a->vals[i]);
}

static void fmt_case(char **f, int n, GofmtBuf *out) {
    Args all;
    memset(&all, 0, sizeof all);
    GofmtValue *vals = all.vals;
    GofmtBuf store[CASEFILE_MAX_FIELDS];
    memset(store, 0, sizeof store);
    int nargs = n - 1;
    for (int i = 0; i < nargs; i++) {
        if (strncmp(f[i + 1], "ptr:", 4) == 0) {
            all.is_ptr[i] = true;
            vals[i] = gofmt_v_uint(strtoull(f[i + 1] + 4, NULL, 0));
        } else {
            vals[i] = parse_arg(f[i + 1], &store[i]);
        }
    }
    GofmtArgs args = gofmt_args_values(vals, nargs);
    args.ctx = &all; /* vals is the first member: the default callbacks still work */
    args.print = args_print;
    args.type_name = args_type_name;
    if (strcmp(f[0], "@print") == 0) {
        gofmt_print(out, &args);
    } else if (strcmp(f[0], "@println") == 0) {
        gofmt_println(out, &args);
    } else {
        GofmtBuf format = {0};
        casefile_unesc(&format, f[0]);
        gofmt_printf(out, format.data ? format.data : "", format.len, &args);
        gofmt_buf_free(&format);
    }
    for (int i = 0; i < nargs; i++)
        gofmt_buf_free(&store[i]);
}

static void test_fmt_golden(void **state) {
    (void)state;
    int total = 0;
    assert_int_equal(casefile_run("fmt", fmt_case, &total), 0);
    assert_true(total > 1000);
}

/* The iterator lets the VM run String() methods between directives. */
static void test_iter_steps(void **state) {
    (void)state;
    const char *f = "a%db%-4s|%%%[1]x";
    GofmtIter it;
    GofmtBuf out = {0};
    GofmtSpec sp;
    gofmt_iter_init(&it, f, strlen(f), 2, NULL, NULL);
    assert_int_equal(gofmt_iter_next(&it, &out, &sp), 0);
    assert_string_equal(out.data, "a");
    assert_int_equal(sp.verb, 'd');
    assert_int_equal(gofmt_iter_next(&it, &out, &sp), 1);
    assert_true(sp.minus && sp.wid_present && sp.wid == 4);
    assert_int_equal(gofmt_iter_next(&it, &out, &sp), 0);
    assert_string_equal(out.data, "ab|%");
    assert_int_equal(gofmt_iter_next(&it, &out, &sp), -1);
    assert_int_equal(gofmt_iter_extra(&it), -1); /* reordered: no EXTRA */
    gofmt_buf_free(&out);
}

static void test_pad_and_bad_verb_frame(void **state) {
    (void)state;
    GofmtBuf b = {0};
    GofmtSpec sp = gofmt_spec_verb('v');
    sp.wid_present = true;
    sp.wid = 7;
    gofmt_pad(&b, &sp, "<nil>", 5);
    assert_string_equal(b.data, "  <nil>");
    gofmt_buf_reset(&b);
    gofmt_bad_verb_open(&b, 'd', "main.T");
    gofmt_puts(&b, "{1 2}");
    gofmt_bad_verb_close(&b);
    assert_string_equal(b.data, "%!d(main.T={1 2})");
    size_t len;
    char *copy = gofmt_take(&b, &len);
    assert_int_equal(len, b.len);
    assert_string_equal(copy, b.data);
    mem_free(copy, len + 1);
    gofmt_buf_free(&b);
}

/* Huge widths and precisions take the heap path, not the stack buffer. */
static void test_big_width(void **state) {
    (void)state;
    GofmtBuf b = {0};
    GofmtValue v = gofmt_v_int(-5);
    GofmtArgs a = gofmt_args_values(&v, 1);
    gofmt_printf(&b, "%0300d", 6, &a);
    assert_int_equal(b.len, 300);
    assert_int_equal(b.data[0], '-');
    assert_int_equal(b.data[299], '5');
    gofmt_buf_reset(&b);
    gofmt_printf(&b, "%.200U", 6, &a);
    assert_int_equal(b.len, 202);
    gofmt_buf_free(&b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fmt_golden),
        cmocka_unit_test(test_iter_steps),
        cmocka_unit_test(test_pad_and_bad_verb_frame),
        cmocka_unit_test(test_big_width),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
