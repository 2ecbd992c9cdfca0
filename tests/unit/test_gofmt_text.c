/* test_gofmt_text: strconv, time and strings primitives against Go 1.19
 * (tests/gofmt/NAME.expected). */
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

/* Arg: one unescaped case field (owns its bytes). */
typedef struct Arg {
    GofmtBuf b;
} Arg;

static GofmtStr arg(Arg *a, const char *field) {
    gofmt_buf_reset(&a->b);
    casefile_unesc(&a->b, field);
    GofmtStr s = {a->b.data ? a->b.data : "", a->b.len};
    return s;
}

static void put_i64(GofmtBuf *b, int64_t v) {
    gofmt_format_int(b, v, 10);
}

static void put_bool(GofmtBuf *b, bool v) {
    gofmt_puts(b, v ? "true" : "false");
}

/* err_suffix: " err=TEXT" as gen_cases.go prints a non-nil error. */
static void err_suffix(GofmtBuf *out, int rc, GofmtBuf *err) {
    if (rc == 0) return;
    gofmt_puts(out, " err=");
    gofmt_put(out, err->data, err->len);
}

static void strconv_case(char **f, int n, GofmtBuf *out) {
    Arg a1 = {{0}};
    GofmtBuf err = {0};
    const char *fn = f[0];
    if (strcmp(fn, "FormatFloat") == 0) {
        gofmt_format_float(out, strtod(f[1], NULL), f[2][0], atoi(f[3]), atoi(f[4]));
    } else if (strcmp(fn, "FormatInt") == 0) {
        gofmt_format_int(out, strtoll(f[1], NULL, 0), atoi(f[2]));
    } else if (strcmp(fn, "FormatUint") == 0) {
        gofmt_format_uint(out, strtoull(f[1], NULL, 0), atoi(f[2]));
    } else if (strcmp(fn, "Itoa") == 0) {
        gofmt_format_int(out, strtoll(f[1], NULL, 0), 10);
    } else if (strcmp(fn, "ParseInt") == 0 || strcmp(fn, "Atoi") == 0) {
        GofmtStr s = arg(&a1, f[1]);
        int64_t v;
        int rc = fn[0] == 'A' ? gofmt_atoi(s.p, s.n, &v, &err)
                              : gofmt_parse_int(s.p, s.n, atoi(f[2]), atoi(f[3]), NULL, &v, &err);
        put_i64(out, v);
        err_suffix(out, rc, &err);
    } else if (strcmp(fn, "ParseUint") == 0) {
        GofmtStr s = arg(&a1, f[1]);
        uint64_t v;
        int rc = gofmt_parse_uint(s.p, s.n, atoi(f[2]), atoi(f[3]), &v, &err);
        gofmt_format_uint(out, v, 10);
        err_suffix(out, rc, &err);
    } else if (strcmp(fn, "ParseFloat") == 0) {
        GofmtStr s = arg(&a1, f[1]);
        double v;
        int rc = gofmt_parse_float(s.p, s.n, atoi(f[2]), &v, &err);
        gofmt_format_float(out, v, 'g', -1, 64);
        err_suffix(out, rc, &err);
    } else if (strcmp(fn, "ParseBool") == 0) {
        GofmtStr s = arg(&a1, f[1]);
        bool v;
        int rc = gofmt_parse_bool(s.p, s.n, &v, &err);
        put_bool(out, v);
        err_suffix(out, rc, &err);
    } else if (strcmp(fn, "Quote") == 0 || strcmp(fn, "QuoteToASCII") == 0) {
        GofmtStr s = arg(&a1, f[1]);
        gofmt_quote(out, s.p, s.n, fn[5] == 'T');
    } else if (strcmp(fn, "QuoteRune") == 0 || strcmp(fn, "QuoteRuneToASCII") == 0) {
        gofmt_quote_rune(out, (int32_t)strtol(f[1], NULL, 0), fn[9] == 'T');
    } else if (strcmp(fn, "CanBackquote") == 0) {
        GofmtStr s = arg(&a1, f[1]);
        put_bool(out, gofmt_can_backquote(s.p, s.n));
    } else if (strcmp(fn, "Unquote") == 0) {
        GofmtStr s = arg(&a1, f[1]);
        if (gofmt_unquote(out, s.p, s.n) != 0) gofmt_puts(out, " err=invalid syntax");
    } else {
        fail_msg("unknown strconv case %s", fn);
    }
    (void)n;
    gofmt_buf_free(&a1.b);
    gofmt_buf_free(&err);
}

static void time_case(char **f, int n, GofmtBuf *out) {
    (void)n;
    Arg a = {{0}};
    if (strcmp(f[0], "Duration") == 0) {
        gofmt_duration(out, strtoll(f[1], NULL, 0));
    } else if (strcmp(f[0], "Format") == 0) {
        GofmtStr layout = arg(&a, f[3]);
        gofmt_time_format(out, strtoll(f[1], NULL, 0), (int32_t)strtol(f[2], NULL, 0), layout.p,
                          layout.n);
    } else if (strcmp(f[0], "String") == 0) {
        gofmt_time_string(out, strtoll(f[1], NULL, 0), (int32_t)strtol(f[2], NULL, 0), false, 0);
    } else if (strcmp(f[0], "Month") == 0) {
        gofmt_month_name(out, strtoll(f[1], NULL, 0));
    } else if (strcmp(f[0], "Weekday") == 0) {
        gofmt_weekday_name(out, strtoll(f[1], NULL, 0));
    } else {
        fail_msg("unknown time case %s", f[0]);
    }
    gofmt_buf_free(&a.b);
}

/* put_list: Go's %q of a []string: ["a" "b"]. */
static void put_list(GofmtBuf *out, const GofmtStrList *l) {
    gofmt_putc(out, '[');
    for (int i = 0; i < l->len; i++) {
        if (i) gofmt_putc(out, ' ');
        gofmt_quote(out, l->items[i].p, l->items[i].n, false);
    }
    gofmt_putc(out, ']');
}

static void strings_case(char **f, int n, GofmtBuf *out) {
    Arg a[CASEFILE_MAX_FIELDS];
    memset(a, 0, sizeof a);
    GofmtStr s[CASEFILE_MAX_FIELDS];
    for (int i = 1; i < n; i++)
        s[i] = arg(&a[i], f[i]);
    const char *fn = f[0];
    GofmtStrList l = {0};
    if (!strcmp(fn, "ToUpper"))
        gofmt_str_upper(out, s[1]);
    else if (!strcmp(fn, "ToLower"))
        gofmt_str_lower(out, s[1]);
    else if (!strcmp(fn, "Title"))
        gofmt_str_title(out, s[1]);
    else if (!strcmp(fn, "ToTitle"))
        gofmt_str_to_title(out, s[1]);
    else if (!strcmp(fn, "IndexAny"))
        put_i64(out, gofmt_str_index_any(s[1], s[2]));
    else if (!strcmp(fn, "ContainsAny"))
        put_bool(out, gofmt_str_contains_any(s[1], s[2]));
    else if (!strcmp(fn, "Repeat"))
        gofmt_str_repeat(out, s[1], atoi(f[2]));
    else if (!strcmp(fn, "Replace"))
        gofmt_str_replace(out, s[1], s[2], s[3], atoi(f[4]));
    else if (!strcmp(fn, "Join"))
        gofmt_str_join(out, s + 2, n - 2, s[1]);
    else if (!strcmp(fn, "Fields")) {
        gofmt_str_fields(&l, s[1]);
        put_list(out, &l);
    } else if (!strcmp(fn, "Split") || !strcmp(fn, "SplitN")) {
        gofmt_str_split(&l, s[1], s[2], fn[5] == 'N' ? atoi(f[3]) : -1);
        put_list(out, &l);
    } else if (!strcmp(fn, "TrimSpace")) {
        GofmtStr r = gofmt_str_trim_space(s[1]);
        gofmt_put(out, r.p, r.n);
    } else if (!strcmp(fn, "Trim") || !strcmp(fn, "TrimLeft") || !strcmp(fn, "TrimRight")) {
        GofmtStr r = gofmt_str_trim(s[1], s[2], fn[4] != 'R', fn[4] != 'L');
        gofmt_put(out, r.p, r.n);
    } else if (!strcmp(fn, "TrimPrefix")) {
        GofmtStr r = gofmt_str_trim_prefix(s[1], s[2]);
        gofmt_put(out, r.p, r.n);
    } else if (!strcmp(fn, "TrimSuffix")) {
        GofmtStr r = gofmt_str_trim_suffix(s[1], s[2]);
        gofmt_put(out, r.p, r.n);
    } else if (!strcmp(fn, "Index"))
        put_i64(out, gofmt_str_index(s[1], s[2]));
    else if (!strcmp(fn, "LastIndex"))
        put_i64(out, gofmt_str_last_index(s[1], s[2]));
    else if (!strcmp(fn, "IndexRune"))
        put_i64(out, gofmt_str_index_rune(s[1], (int32_t)strtol(f[2], NULL, 0)));
    else if (!strcmp(fn, "Contains"))
        put_bool(out, gofmt_str_contains(s[1], s[2]));
    else if (!strcmp(fn, "ContainsRune"))
        put_bool(out, gofmt_str_contains_rune(s[1], (int32_t)strtol(f[2], NULL, 0)));
    else if (!strcmp(fn, "Count"))
        put_i64(out, gofmt_str_count(s[1], s[2]));
    else if (!strcmp(fn, "HasPrefix"))
        put_bool(out, gofmt_str_has_prefix(s[1], s[2]));
    else if (!strcmp(fn, "HasSuffix"))
        put_bool(out, gofmt_str_has_suffix(s[1], s[2]));
    else if (!strcmp(fn, "EqualFold"))
        put_bool(out, gofmt_str_equal_fold(s[1], s[2]));
    else if (!strcmp(fn, "Compare"))
        put_i64(out, gofmt_str_compare(s[1], s[2]));
    else if (!strcmp(fn, "RuneCount"))
        put_i64(out, (int64_t)gofmt_utf8_count(s[1].p, s[1].n));
    else
        fail_msg("unknown strings case %s", fn);
    gofmt_strlist_free(&l);
    for (int i = 1; i < n; i++)
        gofmt_buf_free(&a[i].b);
}

static void test_strconv_golden(void **state) {
    (void)state;
    int total = 0;
    assert_int_equal(casefile_run("strconv", strconv_case, &total), 0);
    assert_true(total > 1000);
}

static void test_time_golden(void **state) {
    (void)state;
    int total = 0;
    assert_int_equal(casefile_run("time", time_case, &total), 0);
    assert_true(total > 100);
}

static void test_strings_golden(void **state) {
    (void)state;
    int total = 0;
    assert_int_equal(casefile_run("strings", strings_case, &total), 0);
    assert_true(total > 100);
}

/* The monotonic suffix follows time.Time.String (time/format.go); Go cannot
 * build a Time with a chosen monotonic reading, so these follow its code. */
static void test_time_mono(void **state) {
    (void)state;
    GofmtBuf b = {0};
    gofmt_time_string(&b, 1257894000, 0, true, 1);
    assert_string_equal(b.data, "2009-11-10 23:00:00 +0000 UTC m=+0.000000001");
    gofmt_buf_reset(&b);
    gofmt_time_string(&b, 1257894000, 0, true, 1500000000);
    assert_string_equal(b.data, "2009-11-10 23:00:00 +0000 UTC m=+1.500000000");
    gofmt_buf_reset(&b);
    gofmt_time_string(&b, 1257894000, 0, true, -2000000000000000000);
    assert_string_equal(b.data, "2009-11-10 23:00:00 +0000 UTC m=-2000000000.000000000");
    gofmt_buf_free(&b);
}

static void test_civil(void **state) {
    (void)state;
    GofmtCivil c = gofmt_civil(1257894000, 5);
    assert_int_equal(c.year, 2009);
    assert_int_equal(c.month, 11);
    assert_int_equal(c.day, 10);
    assert_int_equal(c.hour, 23);
    assert_int_equal(c.weekday, 2); /* Tuesday */
    assert_int_equal(c.yday, 314);
    assert_int_equal(c.nsec, 5);
    c = gofmt_civil(-1, 0);
    assert_int_equal(c.year, 1969);
    assert_int_equal(c.month, 12);
    assert_int_equal(c.day, 31);
    assert_int_equal(c.sec, 59);
}

static void test_utf8(void **state) {
    (void)state;
    int w;
    assert_int_equal(gofmt_utf8_decode("\xe2\x82\xac", 3, &w), 0x20AC);
    assert_int_equal(w, 3);
    assert_int_equal(gofmt_utf8_decode("\xe2\x82", 2, &w), 0xFFFD);
    assert_int_equal(w, 1);
    assert_int_equal(gofmt_utf8_decode("", 0, &w), 0xFFFD);
    assert_int_equal(w, 0);
    assert_int_equal(gofmt_utf8_decode("\xc0\x80", 2, &w), 0xFFFD);
    char buf[4];
    assert_int_equal(gofmt_utf8_encode(buf, 0xD800), 3); /* surrogate -> U+FFFD */
    assert_memory_equal(buf, "\xef\xbf\xbd", 3);
    assert_int_equal(gofmt_utf8_encode(buf, 0x10FFFF), 4);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strconv_golden), cmocka_unit_test(test_time_golden),
        cmocka_unit_test(test_strings_golden), cmocka_unit_test(test_time_mono),
        cmocka_unit_test(test_civil),          cmocka_unit_test(test_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
