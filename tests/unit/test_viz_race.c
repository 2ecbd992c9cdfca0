/* test_viz_race: races, lost updates and seeds in the viewer (issue 6 in
 * the window): a hand-recorded trace in which g2 and g3 both load 41 from
 * c.count, g3 stores 42, then g2 stores 42 over it (a lost update), and the
 * race detector reports g2's store racing with g3's; the model and scene
 * must flag exactly those two goroutines, their lines and the banner, only
 * at those steps. Also: a new seed re-runs the file with that seed; the
 * timeline's zoom range and the run options are honoured. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "model_trace.h"
#include "runopts.h"
#include "scene.h"
#include "test_viz_view.h"
#include "view.h"

/* Event indices of the hand-made run (see make_race). */
enum { EV_READ2 = 6, EV_READ3 = 8, EV_WRITE3 = 9, EV_WRITE2 = 11, EV_RACE = 12 };

static void emit(Trace *t, TraceEventKind k, TraceObj g, TraceObj obj, int line, const char *val, int64_t arg, uint64_t *step) {
    TraceEvent e;
    memset(&e, 0, sizeof e);
    e.kind = k;
    e.g = g;
    e.obj = obj;
    e.pos.line = line;
    e.value = val ? trace_intern_cstr(t, val) : 0;
    e.arg = arg;
    e.step = ++*step;
    trace_emit(t, &e);
}

static Trace *make_race(void) {
    Trace *t = trace_new(NULL);
    uint64_t step = 0;
    Pos p = {20, 2};
    TraceObj g1 = trace_new_goroutine(t, ++step, 0, 1, "main.main", p);   /* #0 */
    emit(t, TRACE_EV_GO_START, g1, 0, 20, NULL, 0, &step);                 /* #1 */
    TraceObj c = trace_new_object(t, ++step, g1, TRACE_OBJ_VAR, "c.count", p); /* #2 */
    TraceObj g2 = trace_new_goroutine(t, ++step, g1, 2, "main.inc", p);   /* #3 */
    TraceObj g3 = trace_new_goroutine(t, ++step, g1, 3, "main.inc", p);   /* #4 */
    emit(t, TRACE_EV_GO_START, g2, 0, 13, NULL, 0, &step);                 /* #5 */
    emit(t, TRACE_EV_READ, g2, c, 13, "41", 0, &step);                     /* #6 */
    emit(t, TRACE_EV_GO_START, g3, 0, 14, NULL, 0, &step);                 /* #7 */
    emit(t, TRACE_EV_READ, g3, c, 14, "41", 0, &step);                     /* #8 */
    emit(t, TRACE_EV_WRITE, g3, c, 14, "42", 0, &step);                    /* #9 */
    emit(t, TRACE_EV_GO_START, g2, 0, 13, NULL, 0, &step);                 /* #10 */
    emit(t, TRACE_EV_WRITE, g2, c, 13, "42", 0, &step);                    /* #11 */
    emit(t, TRACE_EV_RACE, g2, c, 13, "write by g2 races with write by g3", EV_WRITE3, &step); /* #12 */
    emit(t, TRACE_EV_GO_END, g2, 0, 0, NULL, 0, &step);
    emit(t, TRACE_EV_GO_END, g3, 0, 0, NULL, 0, &step);
    emit(t, TRACE_EV_RUN_END, 0, 0, 0, NULL, 0, &step);
    trace_finish(t);
    return t;
}

static int edges_of(const Scene *s, SceneEdgeKind k, int *alarms) {
    int n = 0;
    *alarms = 0;
    for (int i = 0; i < s->edges.len; i++)
        if (s->edges.items[i].kind == k) n++, *alarms += s->edges.items[i].alarm;
    return n;
}

static void test_lost_update(void **state) {
    (void)state;
    ModelTrace mt;
    mtrace_open(&mt, make_race(), NULL, "race.go", 1, "random");
    int g2 = model_g_index(&mt.run, 2), g3 = model_g_index(&mt.run, 3);
    assert_true(g2 >= 0 && g3 >= 0);
    /* one lost update, found at load: g2's store over g3's */
    assert_int_equal(mt.run.lost.len, 1);
    const ModelLost *l = &mt.run.lost.items[0];
    assert_int_equal(l->step, EV_WRITE2);
    assert_int_equal(l->g, g2);
    assert_int_equal(l->victim, g3);
    assert_int_equal(l->read_step, EV_READ2);
    assert_string_equal(l->val, "42");
    assert_string_equal(l->victim_val, "42");
    assert_string_equal(l->read_val, "41");
    /* a red mark on g2's lane at the store */
    int lost_marks = 0;
    for (int i = 0; i < mt.run.marks.len; i++)
        if (mt.run.marks.items[i].kind == MARK_LOST) {
            lost_marks++;
            assert_int_equal(mt.run.marks.items[i].step, EV_WRITE2);
            assert_int_equal(mt.run.marks.items[i].g, g2);
        }
    assert_int_equal(lost_marks, 1);
    Model m;
    model_alloc(&m, &mt.run);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    /* after both loads: each holds 41 ("read 41", an edge to c.count) */
    mtrace_at(&mt, EV_READ3, &m);
    assert_int_equal(m.gs[g2].read_obj, 0);
    assert_string_equal(m.gs[g2].read_val, "41");
    assert_string_equal(m.gs[g3].read_val, "41");
    scene_build(&s, &mt.run, &m, &v);
    int alarms, n = edges_of(&s, EDGE_LOADED, &alarms);
    assert_int_equal(n, 2);
    assert_int_equal(alarms, 0);
    assert_null(s.banner);
    /* g3 stored 42: g2's 41 is stale now (its edge turns red) */
    mtrace_at(&mt, EV_WRITE3, &m);
    assert_null(m.lost);
    assert_null(m.gs[g3].read_val);
    scene_build(&s, &mt.run, &m, &v);
    assert_true(scene_card_for(&s, g2)->stale);
    n = edges_of(&s, EDGE_LOADED, &alarms);
    assert_int_equal(n, 1);
    assert_int_equal(alarms, 1);
    n = edges_of(&s, EDGE_STORE, &alarms);
    assert_int_equal(n, 1);
    assert_int_equal(alarms, 0); /* an honest store */
    assert_null(s.banner);
    /* g2 stores 42 over g3's 42: the lost update, in red */
    mtrace_at(&mt, EV_WRITE2, &m);
    assert_non_null(m.lost);
    assert_ptr_equal(m.lost, l);
    scene_build(&s, &mt.run, &m, &v);
    assert_int_equal(scene_card_for(&s, g2)->lost, 1);
    assert_int_equal(scene_card_for(&s, g3)->lost, 2);
    n = edges_of(&s, EDGE_STORE, &alarms);
    assert_int_equal(n, 1);
    assert_int_equal(alarms, 1);
    assert_non_null(s.banner);
    assert_true(s.banner_alarm);
    assert_non_null(strstr(s.banner, "lost update"));
    assert_non_null(strstr(s.banner, "g2 stored 42"));
    assert_non_null(strstr(s.banner, "g3's 42"));
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

static void test_race_highlight(void **state) {
    (void)state;
    ModelTrace mt;
    mtrace_open(&mt, make_race(), NULL, "race.go", 1, "random");
    int g2 = model_g_index(&mt.run, 2), g3 = model_g_index(&mt.run, 3), g1 = model_g_index(&mt.run, 1);
    assert_int_equal(mt.run.nraces, 1);
    Model m;
    model_alloc(&m, &mt.run);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    /* at the race report: both accesses, with their lines */
    mtrace_at(&mt, EV_RACE, &m);
    assert_non_null(m.race);
    assert_non_null(strstr(m.race, "DATA RACE on c.count"));
    assert_int_equal(m.race_step, EV_WRITE3);
    assert_true(m.gs[g2].race);
    assert_true(m.gs[g3].race);
    assert_false(m.gs[g1].race);
    assert_int_equal(m.gs[g2].race_line, 13);
    assert_int_equal(m.gs[g3].race_line, 14);
    scene_build(&s, &mt.run, &m, &v);
    assert_true(scene_card_for(&s, g2)->race);
    assert_true(scene_card_for(&s, g3)->race);
    assert_false(scene_card_for(&s, g1)->race);
    assert_string_equal(s.banner, m.race);
    assert_true(s.banner_alarm);
    /* a red mark on the timeline at the report */
    int races = 0;
    for (int i = 0; i < mt.run.marks.len; i++)
        if (mt.run.marks.items[i].kind == MARK_RACE) races++, assert_int_equal(mt.run.marks.items[i].step, EV_RACE);
    assert_int_equal(races, 1);
    /* one step later nothing is flagged */
    mtrace_at(&mt, EV_RACE + 1, &m);
    assert_null(m.race);
    assert_false(m.gs[g2].race || m.gs[g3].race);
    scene_build(&s, &mt.run, &m, &v);
    assert_false(scene_card_for(&s, g2)->race);
    assert_null(s.banner);
    /* --at race / lost find them */
    View vw;
    memset(&vw, 0, sizeof vw);
    vw.mt = mt; /* borrowed: not freed through vw */
    int st = -1;
    assert_int_equal(view_parse_when(&vw, "race", &st), 0);
    assert_int_equal(st, EV_RACE);
    assert_int_equal(view_parse_when(&vw, "lost", &st), 0);
    assert_int_equal(st, EV_WRITE2);
    assert_int_equal(view_parse_when(&vw, "deadlock", &st), -2);
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

/* A make_trace that records the seed it was asked for. */
static uint64_t asked[8];
static int nasked;
static Trace *seeded_run(void *ctx, const char *file, const VizRunOptions *run, char *err, size_t errlen) {
    (void)ctx, (void)file, (void)err, (void)errlen;
    if (nasked < 8) asked[nasked++] = run->seed;
    Trace *t = trace_new(NULL);
    trace_synth_race_counter(t, run->seed, 4, 2);
    return t;
}

static void test_seed_change(void **state) {
    (void)state;
    char path[] = "/tmp/goro_viz_race_XXXXXX.go";
    int fd = mkstemps(path, 3);
    assert_true(fd >= 0);
    const char *src = trace_synth_source(TRACE_SYNTH_RACE_COUNTER, NULL);
    assert_true(write(fd, src, strlen(src)) == (ssize_t)strlen(src));
    close(fd);
    VizOptions o;
    viz_options_init(&o);
    o.file = path;
    o.make_trace = seeded_run;
    View v;
    memset(&v, 0, sizeof v);
    char err[256];
    nasked = 0;
    assert_int_equal(view_load(&v, &o, 3, err, sizeof err), 0);
    uint64_t h3 = trace_hash(v.mt.trace);
    SceneView sv = test_view(1440, 900);
    scene_build(&v.scene, &v.mt.run, &v.model, &sv);
    assert_ptr_equal(v.scene.lay_run, &v.mt.run);
    /* the next seed runs the file again, with that seed */
    assert_int_equal(view_load(&v, &o, 4, err, sizeof err), 0);
    assert_int_equal(nasked, 2);
    assert_int_equal(asked[0], 3);
    assert_int_equal(asked[1], 4);
    assert_int_equal(v.seed, 4);
    assert_int_equal(v.mt.run.seed, 4);
    assert_true(trace_hash(v.mt.trace) != h3);
    assert_null(v.scene.lay_run); /* the stage is laid out again for the new run */
    view_free(&v);
    unlink(path);
}

static void test_zoom_and_options(void **state) {
    (void)state;
    VizOptions o;
    viz_options_init(&o);
    char err[256];
    char *argv[] = {"p.go", "--zoom", "10..20", "--hunt", "race", "--seeds", "0..50", "--race", "--max-steps", "5000", "--pct-depth", "2", "--seed", "0"};
    assert_int_equal(viz_options_parse(&o, 14, argv, err, sizeof err), 0);
    assert_string_equal(o.zoom, "10..20");
    assert_string_equal(o.hunt, "race");
    assert_string_equal(o.seeds, "0..50");
    assert_true(o.run.race);
    assert_int_equal(o.run.max_steps, 5000);
    assert_int_equal(o.run.pct_depth, 2);
    assert_int_equal(o.run.seed, 0);
    char *bad[] = {"--zoom", "10"};
    assert_int_equal(viz_options_parse(&o, 2, bad, err, sizeof err), 64);
    char *bad2[] = {"--max-vtime", "soon"};
    assert_int_equal(viz_options_parse(&o, 2, bad2, err, sizeof err), 64);
    assert_non_null(strstr(err, "--max-vtime"));
    VizRunOptions ro;
    viz_run_options_init(&ro);
    char *vt[] = {"--max-vtime", "1.5s", "--schedule", "s.txt", "file.go"};
    int i = 0;
    assert_int_equal(viz_run_option(&ro, 5, vt, &i, err, sizeof err), 1);
    assert_int_equal(i, 1);
    assert_int_equal(ro.max_vtime, 1500000000);
    i = 2;
    assert_int_equal(viz_run_option(&ro, 5, vt, &i, err, sizeof err), 1);
    assert_string_equal(ro.schedule, "s.txt");
    i = 4;
    assert_int_equal(viz_run_option(&ro, 5, vt, &i, err, sizeof err), 0);
    assert_int_equal(i, 4);
    /* the zoom range is what the timeline shows */
    ModelTrace mt;
    mtrace_open(&mt, make_race(), NULL, "race.go", 1, "random");
    View vw;
    memset(&vw, 0, sizeof vw);
    vw.mt = mt;
    int a, b;
    assert_int_equal(view_parse_range(&vw, "3..9", &a, &b), 0);
    assert_int_equal(a, 2);
    assert_int_equal(b, 8);
    assert_int_equal(view_parse_range(&vw, "9..3", &a, &b), -1);
    Model m;
    model_alloc(&m, &mt.run);
    mtrace_at(&mt, 5, &m);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    v.tl_from = 2;
    v.tl_to = 9;
    scene_build(&s, &mt.run, &m, &v);
    assert_int_equal(s.tl_from, 2);
    assert_int_equal(s.tl_to, 9);
    assert_true(fabsf(scene_tl_x(&s, 2) - s.tl_lanes.x) < 0.01f);
    assert_true(fabsf(scene_tl_x(&s, 9) - (s.tl_lanes.x + s.tl_lanes.w)) < 0.01f);
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lost_update),
        cmocka_unit_test(test_race_highlight),
        cmocka_unit_test(test_seed_change),
        cmocka_unit_test(test_zoom_and_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
