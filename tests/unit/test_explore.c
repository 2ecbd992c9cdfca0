/* test_explore: records, JSON Lines, the tally's order independence and
 * labels, seed ranges and shards, hunt conditions, and real runs of the
 * purpose-written programs in tests/explore/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "explore.h"
#include "mem.h"

/* ---- SHA-256: FIPS 180-4 vectors (checked with sha256sum) ---- */

static void test_sha256_vectors(void **st) {
    char h[65];
    exp_sha256_hex("", 0, h);
    assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    exp_sha256_hex("abc", 3, h);
    assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; /* 56 bytes: 2 blocks */
    exp_sha256_hex(two, strlen(two), h);
    assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char a[1000];
    memset(a, 'a', sizeof a);
    exp_sha256_hex(a, sizeof a, h);
    assert_string_equal(h, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

/* ---- seeds ---- */

static void test_seeds(void **st) {
    ExpSeeds s;
    char why[256];
    assert_int_equal(exp_seeds_parse(&s, "0..9", NULL, why, sizeof why), 0);
    assert_true(s.first == 0 && s.step == 1 && s.count == 10);
    assert_int_equal(exp_seeds_parse(&s, "17", NULL, why, sizeof why), 0);
    assert_true(s.first == 17 && s.count == 1);
    /* shard 1/3 of 0..9: 1, 4, 7 */
    assert_int_equal(exp_seeds_parse(&s, "0..9", "1/3", why, sizeof why), 0);
    assert_true(s.first == 1 && s.step == 3 && s.count == 3);
    /* shard 0/4 of 5..20: 8, 12, 16, 20 */
    assert_int_equal(exp_seeds_parse(&s, "5..20", "0/4", why, sizeof why), 0);
    assert_true(s.first == 8 && s.count == 4);
    /* the shards of a range partition it */
    uint64_t total = 0;
    for (int i = 0; i < 7; i++) {
        char sh[16];
        snprintf(sh, sizeof sh, "%d/7", i);
        assert_int_equal(exp_seeds_parse(&s, "3..1002", sh, why, sizeof why), 0);
        total += s.count;
    }
    assert_true(total == 1000);
    assert_int_equal(exp_seeds_parse(&s, "18446744073709551610..18446744073709551615", NULL, why, sizeof why), 0);
    assert_true(s.count == 6);
    const char *bad[] = {"9..0", "a..b", "1..", "..3", "-1..4", "", "1..2..3", NULL};
    for (int i = 0; bad[i]; i++) assert_int_equal(exp_seeds_parse(&s, bad[i], NULL, why, sizeof why), -1);
    assert_int_equal(exp_seeds_parse(&s, "0..9", "1/0", why, sizeof why), -1);
    assert_int_equal(exp_seeds_parse(&s, "0..9", "3/3", why, sizeof why), -1);
    assert_int_equal(exp_seeds_parse(&s, "0..9", "x", why, sizeof why), -1);
    assert_int_equal(exp_seeds_parse(&s, "4..4", "1/2", why, sizeof why), -1); /* empty shard */
    assert_int_equal(exp_seeds_parse(&s, "0..18446744073709551615", NULL, why, sizeof why), -1);
    assert_non_null(strstr(why, "too large"));
}

/* ---- records and JSON ---- */

static ExpRun fake_run(int exit, const char *out, const char *err) {
    ExpRun r;
    memset(&r, 0, sizeof r);
    r.exit = exit;
    r.out = (char *)out;
    r.out_len = strlen(out);
    r.err = (char *)err;
    r.err_len = strlen(err);
    return r;
}

static void test_record_make(void **st) {
    ExpRecord rec;
    ExpRun r = fake_run(2, "a\nb\nc\nd\ne\nf\n", "panic: boom\n\ngoroutine 1 [running]:\n");
    exp_record_make(&rec, 7, &r, NULL);
    assert_true(rec.seed == 7 && rec.exit == 2);
    assert_true(rec.flags == EXP_F_PANIC);
    assert_string_equal(rec.first_stderr, "panic: boom");
    assert_string_equal(rec.tail, "c\nd\ne\nf"); /* the last EXP_TAIL_LINES lines */
    assert_null(rec.key);
    char sha[65];
    exp_sha256_hex(r.out, r.out_len, sha);
    assert_string_equal(rec.sha, sha);
    ExpRecord same;
    exp_record_make(&same, 8, &r, NULL);
    assert_string_equal(rec.outcome, same.outcome); /* the seed is not part of the outcome */
    exp_record_free(&same);
    ExpRun r2 = fake_run(0, r.out, "");
    exp_record_make(&same, 7, &r2, NULL);
    assert_string_not_equal(rec.outcome, same.outcome); /* the exit status is */
    exp_record_free(&same);
    exp_record_free(&rec);

    ExpRun d = fake_run(2, "", "fatal error: all goroutines are asleep - deadlock!\n");
    exp_record_make(&rec, 1, &d, NULL);
    assert_true(rec.flags == EXP_F_DEADLOCK);
    assert_string_equal(rec.tail, "");
    exp_record_free(&rec);
    ExpRun l = fake_run(3, "x", "goro-viz: step limit\n");
    exp_record_make(&rec, 1, &l, NULL);
    assert_true(rec.flags == EXP_F_LIMIT);
    exp_record_free(&rec);

    /* --group-by: capture group 1, else the whole match, else "(no match)" */
    regex_t re;
    char why[256];
    assert_int_equal(exp_regex_compile(&re, "Actual: ([0-9]+)", why, sizeof why), 0);
    ExpRun a = fake_run(0, "Expected: 1000, Actual: 973, Correct: false\n", "");
    exp_record_make(&rec, 1, &a, &re);
    assert_string_equal(rec.key, "973");
    exp_record_free(&rec);
    ExpRun none = fake_run(0, "nothing\n", "");
    exp_record_make(&rec, 1, &none, &re);
    assert_string_equal(rec.key, "(no match)");
    exp_record_free(&rec);
    regfree(&re);
    assert_int_equal(exp_regex_compile(&re, "^Correct: .*$", why, sizeof why), 0);
    ExpRun lines = fake_run(0, "a\nCorrect: true\nb\n", "");
    exp_record_make(&rec, 1, &lines, &re);
    assert_string_equal(rec.key, "Correct: true"); /* ^ $ at line breaks, . stays on the line */
    exp_record_free(&rec);
    regfree(&re);
    assert_int_equal(exp_regex_compile(&re, "(", why, sizeof why), -1);
}

static void test_json_roundtrip(void **st) {
    size_t live = mem_live_bytes();
    ExpRecord rec;
    ExpRun r = fake_run(2, "quote \" back\\slash\ttab\x01 ünïcode\nlast line\n", "panic: \"x\"\n");
    regex_t re;
    char why[256];
    assert_int_equal(exp_regex_compile(&re, "quote (.)", why, sizeof why), 0);
    exp_record_make(&rec, 18446744073709551615u, &r, &re);
    regfree(&re);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    exp_record_write_json(&rec, f);
    fclose(f);
    assert_non_null(strstr(buf, "\"seed\":18446744073709551615,"));
    assert_non_null(strstr(buf, "\"flags\":[\"panic\"]"));
    assert_int_equal(buf[len - 1], '\n');
    assert_null(strchr(buf, '\n') + 1 < buf + len ? strchr(strchr(buf, '\n') + 1, '\n') : NULL); /* one line */
    ExpRecord back;
    assert_int_equal(exp_record_parse_json(&back, buf), 0);
    assert_true(back.seed == rec.seed && back.exit == rec.exit && back.flags == rec.flags);
    assert_string_equal(back.outcome, rec.outcome);
    assert_string_equal(back.sha, rec.sha);
    assert_string_equal(back.key, rec.key);
    assert_string_equal(back.first_stderr, rec.first_stderr);
    assert_string_equal(back.tail, rec.tail);
    exp_record_free(&back);
    free(buf);
    /* key null stays NULL */
    ExpRecord nokey;
    exp_record_make(&nokey, 3, &r, NULL);
    f = open_memstream(&buf, &len);
    exp_record_write_json(&nokey, f);
    fclose(f);
    assert_non_null(strstr(buf, "\"key\":null"));
    assert_int_equal(exp_record_parse_json(&back, buf), 0);
    assert_null(back.key);
    exp_record_free(&back);
    exp_record_free(&nokey);
    free(buf);
    exp_record_free(&rec);
    const char *bad[] = {"", "[]", "{\"seed\":1}", "{\"seed\":1,\"exit\":0,\"outcome\":\"short\"}",
                         "{\"seed\":1,\"exit\":0,\"outcome\":\"0123456789abcdef\"", "{\"seed\":x}",
                         "{\"seed\":1,\"exit\":0,\"outcome\":\"0123456789abcdef\",\"tail\":\"unterminated}", NULL};
    for (int i = 0; bad[i]; i++) assert_int_equal(exp_record_parse_json(&back, bad[i]), -1);
    assert_int_equal(exp_record_parse_json(&back, "{\"seed\":1,\"exit\":0,\"outcome\":\"0123456789abcdef\"}"), 0);
    exp_record_free(&back);
    assert_true(mem_live_bytes() == live);
}

/* ---- tally ---- */

static const char *const race_out[] = {
    "\n=== Race Condition Demo (Unsafe Counter) ===\nUnsafe counter - Expected: 1000, Actual: 1000, Correct: true\n",
    "\n=== Race Condition Demo (Unsafe Counter) ===\nUnsafe counter - Expected: 1000, Actual: 973, Correct: "
    "false\nRace condition detected! Values don't match due to concurrent access.\n",
    "\n=== Race Condition Demo (Unsafe Counter) ===\nUnsafe counter - Expected: 1000, Actual: 100, Correct: "
    "false\nRace condition detected! Values don't match due to concurrent access.\n"};

/* records of seeds 0..29 with outcome (seed * 7) % 3 weighted to 0 */
static int outcome_of(uint64_t seed) { return seed % 5 == 0 ? (int)(seed % 3) : 0; }

static void fill(ExpTally *t, const uint64_t *order, int n) {
    for (int i = 0; i < n; i++) {
        ExpRun r = fake_run(0, race_out[outcome_of(order[i])], "");
        ExpRecord rec;
        exp_record_make(&rec, order[i], &r, NULL);
        exp_tally_add(t, &rec);
        exp_record_free(&rec);
    }
}

static char *table_of(ExpTally *t) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    exp_tally_print(t, f, 0);
    fclose(f);
    return buf;
}

static void test_tally_order_independent(void **st) {
    size_t live = mem_live_bytes();
    uint64_t fwd[30], rev[30], mix[30];
    for (int i = 0; i < 30; i++) fwd[i] = (uint64_t)i, rev[i] = (uint64_t)(29 - i), mix[i] = (uint64_t)((i * 7) % 30);
    ExpTally a, b, c;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    memset(&c, 0, sizeof c);
    fill(&a, fwd, 30);
    fill(&b, rev, 30);
    fill(&c, mix, 30);
    char *ta = table_of(&a), *tb = table_of(&b), *tc = table_of(&c);
    assert_string_equal(ta, tb);
    assert_string_equal(ta, tc);
    /* 30 seeds: 0,15 -> outcome 0 (and all non-multiples of 5); 5,20 -> 2; 10,25 -> 1 */
    ExpGroup *g = exp_tally_sorted(&a);
    assert_int_equal(a.n, 3);
    assert_true(a.total == 30);
    assert_true(g[0].count == 26 && g[0].rep.seed == 0);
    assert_true(g[1].count == 2 && g[1].rep.seed == 5); /* ties: the smaller first seed first */
    assert_true(g[2].count == 2 && g[2].rep.seed == 10);
    char label[200];
    exp_tally_label(&a, 0, label, sizeof label);
    assert_string_equal(label, "exit 0: Actual: 1000, Correct: true");
    exp_tally_label(&a, 1, label, sizeof label);
    assert_string_equal(label, "exit 0: Actual: 100, Correct: false | Race condition detected! Values don't match "
                               "due to concurrent access.");
    exp_tally_label(&a, 2, label, 24);
    assert_string_equal(label, "exit 0: Actual: 973,..."); /* cut to the buffer with "..." */
    assert_non_null(strstr(ta, "86.67%"));
    assert_non_null(strstr(ta, "30 seeds, 3 outcomes"));
    free(ta);
    free(tb);
    free(tc);
    /* the top rows and a summary of the rest */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    exp_tally_print(&a, f, 1);
    fclose(f);
    assert_non_null(strstr(buf, "... 2 more outcomes (4 seeds)"));
    free(buf);
    exp_tally_free(&a);
    exp_tally_free(&b);
    exp_tally_free(&c);
    assert_true(mem_live_bytes() == live);
}

static void test_tally_labels(void **st) {
    ExpTally t;
    memset(&t, 0, sizeof t);
    ExpRun r1 = fake_run(0, "same\n", ""), r2 = fake_run(2, "same\n", "panic: boom\n");
    ExpRun r3 = fake_run(0, "", ""), r4 = fake_run(5, "other\n", "exit status 5\n");
    ExpRun *rs[] = {&r1, &r2, &r3, &r4};
    for (int i = 0; i < 4; i++) {
        ExpRecord rec;
        exp_record_make(&rec, (uint64_t)i, rs[i], NULL);
        exp_tally_add(&t, &rec);
        exp_record_free(&rec);
    }
    exp_tally_sorted(&t);
    char label[200];
    exp_tally_label(&t, 1, label, sizeof label);
    assert_string_equal(label, "exit 2 panic: same | panic: boom");
    exp_tally_label(&t, 2, label, sizeof label);
    assert_string_equal(label, "exit 0: (no output)");
    exp_tally_label(&t, 3, label, sizeof label);
    assert_string_equal(label, "exit 5: other"); /* "exit status 5" adds nothing */
    exp_tally_free(&t);
    /* one group: its last line */
    ExpRecord rec;
    ExpRun one = fake_run(0, "first\nsecond\n", "");
    exp_record_make(&rec, 0, &one, NULL);
    exp_tally_add(&t, &rec);
    exp_record_free(&rec);
    exp_tally_sorted(&t);
    exp_tally_label(&t, 0, label, sizeof label);
    assert_string_equal(label, "exit 0: second");
    exp_tally_free(&t);
    /* by key */
    regex_t re;
    char why[64];
    assert_int_equal(exp_regex_compile(&re, "v=([0-9]+)", why, sizeof why), 0);
    ExpRun k1 = fake_run(0, "v=1 a\n", ""), k2 = fake_run(0, "v=1 b\n", "");
    exp_record_make(&rec, 0, &k1, &re);
    exp_tally_add(&t, &rec);
    exp_record_free(&rec);
    exp_record_make(&rec, 1, &k2, &re);
    exp_tally_add(&t, &rec);
    exp_record_free(&rec);
    regfree(&re);
    assert_true(t.by_key && t.n == 1 && t.g[0].count == 2); /* different outputs, one key */
    exp_tally_sorted(&t);
    exp_tally_label(&t, 0, label, sizeof label);
    assert_string_equal(label, "exit 0: 1");
    exp_tally_free(&t);
}

/* ---- conditions ---- */

static void test_conditions(void **st) {
    ExpCond c;
    char why[256];
    const char *good[] = {"race", "deadlock", "panic", "exit!=0", "exit==2", "exit=3", "output~Actual: 9[0-9]{2}",
                          "output!~^done$", NULL};
    for (int i = 0; good[i]; i++) {
        assert_int_equal(exp_cond_parse(&c, good[i], why, sizeof why), 0);
        exp_cond_free(&c);
    }
    const char *bad[] = {"", "races", "exit!=", "exit!=x", "exit==256", "exit<0", "output~(", "stdout~x", NULL};
    for (int i = 0; bad[i]; i++) assert_int_equal(exp_cond_parse(&c, bad[i], why, sizeof why), -1);

    ExpRun r = fake_run(2, "Actual: 973\ndone\n", "fatal error: all goroutines are asleep - deadlock!\n");
    ExpRecord rec;
    exp_record_make(&rec, 1, &r, NULL);
    struct { const char *cond; int want; } cases[] = {
        {"deadlock", 1}, {"panic", 0}, {"race", 0}, {"exit!=0", 1}, {"exit!=2", 0}, {"exit==2", 1},
        {"output~Actual: 9[0-9]{2}", 1}, {"output~Actual: 1000", 0}, {"output!~Actual: 1000", 1},
        {"output~^done$", 1}, {"output!~^done$", 0}, {"output~973.done", 0}, {NULL, 0}};
    for (int i = 0; cases[i].cond; i++) {
        assert_int_equal(exp_cond_parse(&c, cases[i].cond, why, sizeof why), 0);
        if (exp_cond_match(&c, &r, &rec) != cases[i].want) fail_msg("condition %s", cases[i].cond);
        exp_cond_free(&c);
    }
    exp_record_free(&rec);
}

/* ---- real runs ---- */

static void test_runs_deterministic(void **st) {
    ExpProgram *p = exp_program_load("tests/explore/rand_pick.go", stderr);
    assert_non_null(p);
    ExpOptions o;
    memset(&o, 0, sizeof o);
    ExpRun r1, r2;
    memset(&r1, 0, sizeof r1);
    memset(&r2, 0, sizeof r2);
    int seen[3] = {0, 0, 0};
    for (uint64_t seed = 0; seed < 60; seed++) {
        assert_int_equal(exp_run(p, &o, seed, &r1), 0);
        assert_int_equal(exp_run(p, &o, seed, &r2), 0);
        assert_true(r1.out_len == r2.out_len && memcmp(r1.out, r2.out, r1.out_len) == 0);
        seen[0] |= strstr(r1.out, "picked: red") != NULL;
        seen[1] |= strstr(r1.out, "picked: green") != NULL;
        seen[2] |= strstr(r1.out, "picked: blue") != NULL;
    }
    assert_true(seen[0] && seen[1] && seen[2]); /* the seed reaches math/rand */
    exp_run_free(&r1);
    exp_run_free(&r2);
    exp_program_free(p);
}

static void test_runs_fates(void **st) {
    ExpProgram *p = exp_program_load("tests/explore/fates.go", stderr);
    assert_non_null(p);
    ExpOptions o;
    memset(&o, 0, sizeof o);
    ExpRun r;
    memset(&r, 0, sizeof r);
    unsigned flags = 0;
    int exits[8] = {0};
    for (uint64_t seed = 0; seed < 40; seed++) {
        exp_run(p, &o, seed, &r);
        ExpRecord rec;
        exp_record_make(&rec, seed, &r, NULL);
        flags |= rec.flags;
        if (rec.exit < 8) exits[rec.exit]++;
        exp_record_free(&rec);
    }
    assert_true(flags == (EXP_F_PANIC | EXP_F_DEADLOCK));
    assert_true(exits[0] && exits[2] && exits[5]);
    exp_program_free(p);
    /* a program that never ends stops at the step limit, exit 3 */
    p = exp_program_load("tests/explore/spin.go", stderr);
    assert_non_null(p);
    o.max_steps = 100000;
    assert_int_equal(exp_run(p, &o, 1, &r), 3);
    assert_string_equal(r.out, "spinning\n");
    exp_run_free(&r);
    exp_program_free(p);
    FILE *devnull = fopen("/dev/null", "w");
    assert_null(exp_program_load("tests/explore/no_such_file.go", devnull));
    fclose(devnull);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_vectors),  cmocka_unit_test(test_seeds),
        cmocka_unit_test(test_record_make),     cmocka_unit_test(test_json_roundtrip),
        cmocka_unit_test(test_tally_order_independent), cmocka_unit_test(test_tally_labels),
        cmocka_unit_test(test_conditions),      cmocka_unit_test(test_runs_deterministic),
        cmocka_unit_test(test_runs_fates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
