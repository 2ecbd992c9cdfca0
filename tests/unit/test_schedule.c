/* test_schedule: the schedule file format (sim/schedule.h): a written
 * schedule parses back to itself; every malformed input fails with a
 * "line N: why" message and never crashes (also under random mutation);
 * a recorded run replays to the same output and an impossible decision is
 * reported as a divergence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "prng.h"
#include "sched.h"
#include "schedule.h"

static const char good[] = "goro-viz-schedule 1\n"
                           "# a comment\n"
                           "seed 17\n"
                           "strategy pct\n"
                           "pct-depth 2\n"
                           "pct-steps 41\n"
                           "mode exact\n"
                           "3 g g1@2 main.raceExample+14 L42 -> g1/2\n"
                           "1451 p g5@228 main.(*UnsafeCounter).Increment+0 L20 -> g2/4\n"
                           "1500 s g2@9 main.worker-1 L33 -> 1/2\n"
                           "1600 x g2@402 - L0 -> g5/3\n"
                           "\n"
                           "1700 c - - - -> g7/2\n";

static void test_parse_good(void **st) {
    Schedule s;
    char why[200];
    assert_int_equal(sch_parse(&s, good, strlen(good), why, sizeof why), 0);
    assert_true(s.seed == 17);
    assert_string_equal(s.strategy, "pct");
    assert_int_equal(s.pct_depth, 2);
    assert_true(s.pct_steps == 41);
    assert_int_equal(s.mode, SCH_EXACT);
    assert_int_equal(s.d.len, 5);
    SchDecision *d = &s.d.items[1];
    assert_int_equal(d->kind, 'p');
    assert_true(d->step == 1451 && d->g == 5 && d->acc == 228 && d->choice == 2 && d->n == 4);
    assert_string_equal(d->fn, "main.(*UnsafeCounter).Increment");
    assert_int_equal(d->rel, 0);
    assert_int_equal(d->line, 20);
    assert_int_equal(d->srcline, 9);
    assert_int_equal(s.d.items[2].rel, -1);
    assert_int_equal(s.d.items[2].choice, 1);
    assert_null(s.d.items[3].fn);
    assert_int_equal(s.d.items[4].kind, 'c');
    assert_int_equal(s.d.items[4].choice, 7);
    /* g1 -> g1 is no switch; g5 -> g2 is one */
    assert_int_equal(sch_preemptions(&s), 1);
    sch_free(&s);
}

/* write(parse(x)) is a fixed point */
static void test_round_trip(void **st) {
    Schedule a, b;
    char why[200];
    assert_int_equal(sch_parse(&a, good, strlen(good), why, sizeof why), 0);
    char *t1 = NULL, *t2 = NULL;
    size_t l1 = 0, l2 = 0;
    FILE *f = open_memstream(&t1, &l1);
    assert_int_equal(sch_write(&a, "x.go", f), 0);
    fclose(f);
    assert_int_equal(sch_parse(&b, t1, l1, why, sizeof why), 0);
    f = open_memstream(&t2, &l2);
    assert_int_equal(sch_write(&b, "x.go", f), 0);
    fclose(f);
    assert_string_equal(t1, t2);
    assert_int_equal(a.d.len, b.d.len);
    free(t1);
    free(t2);
    sch_free(&a);
    sch_free(&b);
}

static void expect_bad(const char *text, const char *want) {
    Schedule s;
    char why[200] = "";
    int rc = sch_parse(&s, text, strlen(text), why, sizeof why);
    if (rc == 0 || !strstr(why, want)) fail_msg("parsing %s gave %d '%s', want '%s'", text, rc, why, want);
    assert_int_equal(s.d.len, 0);
}

#define HDR "goro-viz-schedule 1\nseed 1\n"
static void test_malformed(void **st) {
    expect_bad("", "line 1: empty");
    expect_bad("# only a comment\n", "empty");
    expect_bad("hello\n", "line 1: not a schedule file");
    expect_bad("goro-viz-schedule 2\n", "line 1: unsupported schedule version");
    expect_bad("goro-viz-schedule 1\n", "no 'seed N' line");
    expect_bad("goro-viz-schedule 1\nseed x\n", "line 2: seed needs a number");
    expect_bad("goro-viz-schedule 1\nseed 99999999999999999999999\n", "line 2: seed needs a number");
    expect_bad(HDR "strategy lifo\n", "line 3: strategy is random, pct, rr or fifo");
    expect_bad(HDR "pct-depth 0\n", "line 3: pct-depth needs 1..1000");
    expect_bad(HDR "mode loose\n", "line 3: mode is exact or sparse");
    expect_bad(HDR "color red\n", "line 3: unknown header key");
    expect_bad(HDR "seed\n", "line 3: a header line is KEY VALUE");
    expect_bad(HDR "1 p g1@2 main.f+0 L3 -> g2\n", "line 3: the choice must end in /N");
    expect_bad(HDR "1 p g1@2 main.f+0 L3 g2/2\n", "line 3: a decision is");
    expect_bad(HDR "1 p g1@2 main.f+0 L3 => g2/2\n", "line 3: expected '->'");
    expect_bad(HDR "1 q g1@2 main.f+0 L3 -> g2/2\n", "line 3: the kind must be one of");
    expect_bad(HDR "1 pp g1@2 main.f+0 L3 -> g2/2\n", "line 3: the kind must be one of");
    expect_bad(HDR "-5 p g1@2 main.f+0 L3 -> g2/2\n", "line 3: the step must be a number");
    expect_bad(HDR "x p g1@2 main.f+0 L3 -> g2/2\n", "line 3: a header line is KEY VALUE");
    expect_bad(HDR "1 p g0@2 main.f+0 L3 -> g2/2\n", "line 3: expected G@ACC");
    expect_bad(HDR "1 p gx@2 main.f+0 L3 -> g2/2\n", "line 3: expected G@ACC");
    expect_bad(HDR "1 p g1 main.f+0 L3 -> g2/2\n", "line 3: expected G@ACC");
    expect_bad(HDR "1 p g1@ main.f+0 L3 -> g2/2\n", "line 3: expected G@ACC");
    expect_bad(HDR "1 p g1@-2 main.f+0 L3 -> g2/2\n", "line 3: expected G@ACC");
    expect_bad(HDR "1 p g1@2 main.f L3 -> g2/2\n", "line 3: expected the site");
    expect_bad(HDR "1 p g1@2 +3 L3 -> g2/2\n", "line 3: expected the site");
    expect_bad(HDR "1 p g1@2 main.f+x L3 -> g2/2\n", "line 3: expected the site");
    expect_bad(HDR "1 p g1@2 main.f+0 3 -> g2/2\n", "line 3: expected the line");
    expect_bad(HDR "1 p g1@2 main.f+0 L3 -> 2/2\n", "line 3: the choice must be a goroutine");
    expect_bad(HDR "1 s g1@2 main.f+0 L3 -> g2/2\n", "line 3: a select's choice must be a case number");
    expect_bad(HDR "1 s g1@2 main.f+0 L3 -> 99/2\n", "line 3: a select's choice must be a case number");
    expect_bad(HDR "1 c g1@2 - - -> g2/2\n", "line 3: a clock decision is");
    expect_bad(HDR "1 c - - - -> -/2\n", "line 3: the choice must be a goroutine");
    expect_bad(HDR "mode sparse\n1 c - - - -> g2/2\n", "line 4: a sparse schedule holds only");
    expect_bad(HDR "1 p g1@2 main.f+0 L3 -> g2/2 extra a b c d e f g\n", "line 3:");
    char big[2000];
    memset(big, 'a', sizeof big);
    memcpy(big, HDR, strlen(HDR));
    big[sizeof big - 1] = 0;
    expect_bad(big, "line 3: line too long");
    /* a NUL byte inside */
    Schedule s;
    char why[200];
    static const char nul[] = "goro-viz-schedule 1\nseed 1\n1 p g1\0@2 main.f+0 L3 -> g2/2\n";
    assert_int_equal(sch_parse(&s, nul, sizeof nul - 1, why, sizeof why), -1);
    assert_non_null(strstr(why, "line 3: a NUL byte"));
}

/* Random mutations of a valid file: parse must fail cleanly or succeed,
 * never crash or leak (ASan builds check the latter). */
static void test_mutations(void **st) {
    Prng p;
    prng_seed(&p, 7);
    size_t n = strlen(good);
    char buf[sizeof good + 8];
    int ok = 0, bad = 0;
    static const char alphabet[] = "gpslbxc@+-/> \n#0123456789L\0";
    for (int round = 0; round < 20000; round++) {
        memcpy(buf, good, n);
        size_t len = n;
        int edits = 1 + (int)prng_below(&p, 4);
        for (int e = 0; e < edits; e++) {
            size_t at = (size_t)prng_below(&p, len);
            switch (prng_below(&p, 3)) {
            case 0: buf[at] = alphabet[prng_below(&p, sizeof alphabet - 1)]; break;
            case 1: len = at; break; /* truncate */
            default: buf[at] = (char)prng_below(&p, 256); break;
            }
            if (len == 0) break;
        }
        Schedule s;
        char why[200];
        if (sch_parse(&s, buf, len, why, sizeof why) == 0) {
            ok++;
            sch_free(&s);
        } else {
            assert_true(!strncmp(why, "line ", 5));
            bad++;
        }
    }
    assert_true(ok > 0 && bad > 0);
}

static void test_load_missing(void **st) {
    Schedule s;
    char *eb = NULL;
    size_t el = 0;
    FILE *err = open_memstream(&eb, &el);
    assert_int_equal(sch_load(&s, "tests/no/such/file.sched", err), -1);
    fclose(err);
    assert_non_null(strstr(eb, "goro-viz: cannot read tests/no/such/file.sched"));
    free(eb);
}

/* run: race_counter under [o]; its stdout and stderr (caller frees). */
static int run(SchedOptions *o, char **out, char **err) {
    size_t ol = 0, el = 0;
    FILE *fo = open_memstream(out, &ol), *fe = open_memstream(err, &el);
    int st = sched_run_file("scenarios/race_counter.go", o, fo, fe, NULL);
    fclose(fo);
    fclose(fe);
    return st;
}

static void test_record_replay(void **st) {
    SchedOptions o;
    sched_options_default(&o);
    o.seed = 9;
    Schedule rec;
    memset(&rec, 0, sizeof rec);
    sch_header_from(&rec, &o);
    o.record_schedule = &rec;
    char *o1, *e1, *o2, *e2, *o3, *e3;
    int s1 = run(&o, &o1, &e1);
    assert_true(rec.d.len > 0);
    /* a plain run is the same as the recorded one */
    SchedOptions plain;
    sched_options_default(&plain);
    plain.seed = 9;
    run(&plain, &o2, &e2);
    assert_string_equal(o1, o2);
    /* replay with another seed on the command line: the file's wins */
    SchedOptions rep;
    sched_options_default(&rep);
    rep.seed = 12345;
    sch_options(&rec, &rep);
    int s3 = run(&rep, &o3, &e3);
    assert_int_equal(s1, s3);
    assert_string_equal(o1, o3);
    assert_string_equal(e3, "");
    free(o2), free(e2), free(o3), free(e3);
    /* a choice of a goroutine that does not exist: the first divergence */
    int k = -1;
    for (int i = 0; i < rec.d.len && k < 0; i++)
        if (rec.d.items[i].kind != 's' && rec.d.items[i].kind != 'c' && rec.d.items[i].n > 1) k = i;
    assert_true(k >= 0);
    rec.d.items[k].choice = 999;
    rec.d.items[k].srcline = 40;
    sched_options_default(&rep);
    sch_options(&rec, &rep);
    run(&rep, &o3, &e3);
    char want[100];
    snprintf(want, sizeof want, "goro-viz: schedule diverges at decision %d (line 40): expected g", k + 1);
    if (!strstr(e3, want)) fail_msg("stderr: %s", e3);
    assert_non_null(strstr(e3, "g999 is not runnable; continuing with seed 9"));
    free(o1), free(e1), free(o3), free(e3);
    sch_free(&rec);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_good),   cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_malformed),    cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_load_missing), cmocka_unit_test(test_record_replay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
