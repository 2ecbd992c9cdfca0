/* test_viz_real: the viewer on real runs of the simulator (not hand-made
 * traces): RWMutex readers each get an edge from the lock; a goroutine
 * blocked in select gets a blocked-on edge to every channel of the select;
 * a closed channel is drawn closed and Shift+arrows step through its
 * events; the scheduler's progress callback fires
 * on a long run without changing it, and cancels it; playback by virtual
 * time compresses idle gaps (view_event_secs); tutorial.go's many objects
 * share places in time and never overlap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_trace.h"
#include "sched.h"
#include "scene.h"
#include "test_viz_view.h"
#include "view.h"

/* Run [path] with [seed] and the trace on; the trace (or NULL). */
static Trace *run_file(const char *path, uint64_t seed, int *status) {
    SchedOptions so;
    sched_options_default(&so);
    so.seed = seed;
    if (status && *status == 'p') so.strategy = SCHED_PCT; /* *status 'p' on entry: pct */
    so.trace = 1;
    FILE *null = fopen("/dev/null", "w");
    Trace *t = NULL;
    int st = sched_run_file(path, &so, null, null, &t);
    if (status) *status = st;
    fclose(null);
    return t;
}

static int count_edges(const Scene *s, SceneEdgeKind k, int g, int obj) {
    int n = 0;
    for (int i = 0; i < s->edges.len; i++) {
        const SceneEdge *e = &s->edges.items[i];
        if (e->kind == k && (g < 0 || e->g == g) && (obj < 0 || e->obj == obj)) n++;
    }
    return n;
}

/* rwmutex_cache under pct seed 2 (where all five readers overlap; under
 * random most seeds run each Get's RLock..RUnlock without a switch): find
 * the step with the most read-lock holders; the scene draws one reader
 * edge from the RWMutex to each of them, and a waiting writer gets a wait
 * edge to the lock. */
static void test_rwmutex_readers(void **state) {
    (void)state;
    int pct = 'p';
    Trace *t = run_file("scenarios/rwmutex_cache.go", 2, &pct);
    assert_non_null(t);
    ModelTrace mt;
    memset(&mt, 0, sizeof mt);
    mtrace_open(&mt, t, NULL, "rwmutex_cache.go", 1, "random");
    Model m;
    memset(&m, 0, sizeof m);
    model_alloc(&m, &mt.run);
    int rw = -1;
    for (int o = 0; o < mt.run.objs.len; o++)
        if (mt.run.objs.items[o].kind == MODEL_RWMUTEX) rw = o;
    assert_true(rw >= 0);
    assert_string_equal(mt.run.objs.items[rw].name, "c.mu");
    int best = -1, most = 0, wstep = -1;
    for (int st = 0; st < mt.run.nsteps; st++) {
        mtrace_at(&mt, st, &m);
        if (m.objs[rw].nreaders > most) most = m.objs[rw].nreaders, best = st;
        if (wstep < 0 && m.objs[rw].nwaiters > 0 && m.objs[rw].nreaders > 0) wstep = st;
    }
    assert_int_equal(most, 5); /* all five readers hold it at once */
    mtrace_at(&mt, best, &m);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    scene_build(&s, &mt.run, &m, &v);
    assert_non_null(scene_box_for(&s, rw));
    assert_int_equal(count_edges(&s, EDGE_READER, -1, rw), m.objs[rw].nreaders);
    for (int r = 0; r < m.objs[rw].nreaders; r++) {
        assert_int_equal(count_edges(&s, EDGE_READER, m.objs[rw].readers[r], rw), 1);
        assert_int_equal(m.gs[m.objs[rw].readers[r]].state == THEME_DONE, 0);
    }
    assert_int_equal(m.objs[rw].owner, -1); /* readers, no writer */
    assert_int_equal(count_edges(&s, EDGE_OWNER, -1, rw), 0);
    if (wstep >= 0) { /* a writer queued behind readers waits on the lock */
        mtrace_at(&mt, wstep, &m);
        scene_build(&s, &mt.run, &m, &v);
        int w = m.objs[rw].waiters[0];
        assert_int_equal(m.gs[w].wait_obj, rw);
        assert_int_equal(count_edges(&s, EDGE_WAIT, w, rw), 1);
    }
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

/* deadlock_select: main ends blocked in a select over a (receive) and b
 * (send): one blocked-on edge to each channel, both in the deadlock cycle. */
static void test_select_edges(void **state) {
    (void)state;
    int status = 0;
    Trace *t = run_file("tests/run/conc/deadlock_select.go", 1, &status);
    assert_non_null(t);
    assert_int_equal(status, 2);
    ModelTrace mt;
    memset(&mt, 0, sizeof mt);
    mtrace_open(&mt, t, NULL, "deadlock_select.go", 1, "random");
    Model m;
    memset(&m, 0, sizeof m);
    model_alloc(&m, &mt.run);
    mtrace_at(&mt, mt.run.nsteps - 1, &m);
    int a = -1, b = -1;
    for (int o = 0; o < mt.run.objs.len; o++) {
        if (strcmp(mt.run.objs.items[o].name, "a") == 0) a = o;
        if (strcmp(mt.run.objs.items[o].name, "b") == 0) b = o;
    }
    assert_true(a >= 0 && b >= 0);
    assert_true(m.deadlock);
    int g = model_g_index(&mt.run, 1);
    assert_int_equal(m.gs[g].state, THEME_BLOCKED);
    assert_string_equal(m.gs[g].wait, "select");
    assert_int_equal(m.gs[g].nselect, 2);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    scene_build(&s, &mt.run, &m, &v);
    assert_int_equal(count_edges(&s, EDGE_WAIT, g, a), 1);
    assert_int_equal(count_edges(&s, EDGE_WAIT, g, b), 1);
    assert_non_null(scene_pipe_for(&s, a));
    assert_non_null(scene_pipe_for(&s, b));
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

/* select_loop_quit: quit is closed by main; from then on its pipe is drawn
 * closed (and not before). The select goroutine, while blocked, has an edge
 * to data and one to quit. */
static void test_closed_and_select_loop(void **state) {
    (void)state;
    Trace *t = run_file("tests/run/conc/select_loop_quit.go", 3, NULL);
    assert_non_null(t);
    ModelTrace mt;
    memset(&mt, 0, sizeof mt);
    mtrace_open(&mt, t, NULL, "select_loop_quit.go", 3, "random");
    Model m;
    memset(&m, 0, sizeof m);
    model_alloc(&m, &mt.run);
    int quit = -1, data = -1;
    for (int o = 0; o < mt.run.objs.len; o++) {
        if (strcmp(mt.run.objs.items[o].name, "quit") == 0) quit = o;
        if (strcmp(mt.run.objs.items[o].name, "data") == 0) data = o;
    }
    assert_true(quit >= 0 && data >= 0);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    int closed_at = -1, sel_seen = 0;
    for (int st = 0; st < mt.run.nsteps; st++) {
        mtrace_at(&mt, st, &m);
        scene_build(&s, &mt.run, &m, &v);
        const ScenePipe *p = scene_pipe_for(&s, quit);
        if (p && closed_at < 0 && p->closed) closed_at = st;
        if (closed_at >= 0 && p) assert_true(p->closed); /* stays closed */
        for (int g = 0; g < m.ngs; g++)
            if (m.gs[g].exists && m.gs[g].state == THEME_BLOCKED && m.gs[g].nselect == 2) {
                assert_int_equal(count_edges(&s, EDGE_WAIT, g, data), 1);
                assert_int_equal(count_edges(&s, EDGE_WAIT, g, quit), 1);
                sel_seen++;
            }
    }
    assert_true(closed_at > 0);
    assert_true(sel_seen > 0);
    /* Shift+right with quit selected: its events in order, the close among them */
    int st = -1, hops = 0, met_close = 0;
    while ((st = mtrace_next_for(&mt, st, 1, -1, quit)) >= 0 && hops < 100) {
        TraceEvent ev;
        trace_event(mt.trace, (uint32_t)st, &ev);
        assert_int_equal(ev.obj, (TraceObj)mt.run.objs.items[quit].id);
        if (st == closed_at) met_close = 1;
        hops++;
    }
    assert_true(met_close);
    assert_true(hops >= 2); /* made, closed (and received from) */
    int back = mtrace_next_for(&mt, closed_at, -1, -1, quit);
    assert_true(back >= 0 && back < closed_at);
    mtrace_at(&mt, closed_at, &m);
    assert_int_equal(m.ev.kind, MARK_CLOSE);
    assert_true(m.objs[quit].closed);
    mtrace_at(&mt, closed_at - 1, &m);
    assert_false(m.objs[quit].closed);
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

typedef struct Prog {
    int calls;
    uint64_t last;
    int cancel_after; /* 0: never */
} Prog;

static int on_progress(void *ctx, uint64_t steps) {
    Prog *p = ctx;
    assert_true(steps >= p->last);
    p->calls++;
    p->last = steps;
    return p->cancel_after && p->calls >= p->cancel_after;
}

static const char long_prog[] = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := 0\n"
                                "\tfor i := 0; i < 6000000; i++ {\n\t\tn += i & 1\n\t}\n\tfmt.Println(n)\n}\n";

static int run_long(const char *path, Prog *p, char **out, size_t *outn) {
    SchedOptions so;
    sched_options_default(&so);
    if (p) so.progress = on_progress, so.progress_ctx = p;
    FILE *o = open_memstream(out, outn), *null = fopen("/dev/null", "w");
    int st = sched_run_file(path, &so, o, null, NULL);
    fclose(o);
    fclose(null);
    return st;
}

/* The progress callback fires many times on a long run, with growing step
 * counts; the run's output and status are the same with and without it;
 * a nonzero return stops the run as a limit does (status 3). */
static void test_progress_callback(void **state) {
    (void)state;
    char path[] = "/tmp/goro_viz_longXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(long_prog, f);
    fclose(f);
    char rp[64];
    snprintf(rp, sizeof rp, "%s.go", path);
    assert_int_equal(rename(path, rp), 0);
    char *o1 = NULL, *o2 = NULL, *o3 = NULL;
    size_t n1, n2, n3;
    Prog p = {0, 0, 0};
    int s1 = run_long(rp, NULL, &o1, &n1);
    int s2 = run_long(rp, &p, &o2, &n2);
    assert_int_equal(s1, 0);
    assert_int_equal(s2, 0);
    assert_string_equal(o1, "3000000\n");
    assert_string_equal(o1, o2);
    assert_true(p.calls >= 10);
    assert_true(p.last >= (uint64_t)p.calls << 13);
    Prog c = {0, 0, 3};
    int s3 = run_long(rp, &c, &o3, &n3);
    assert_int_equal(s3, 3);
    assert_int_equal(c.calls, 3);
    assert_string_equal(o3, "");
    free(o1);
    free(o2);
    free(o3);
    remove(rp);
}

static Trace *sleepy_run(void *ctx, const char *file, const VizRunOptions *run, char *err, size_t errlen) {
    (void)ctx;
    (void)err;
    (void)errlen;
    return run_file(file, run->seed, NULL);
}

/* By event every event lasts 1/speed; by time an event followed by a 10 s
 * sleep lasts at most 0.08 + 0.5 s, and events at the same instant 0.08 s. */
static void test_event_secs(void **state) {
    (void)state;
    char path[] = "/tmp/goro_viz_sleepXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tfmt.Println(\"a\")\n"
          "\ttime.Sleep(10 * time.Second)\n\tfmt.Println(\"b\")\n}\n",
          f);
    fclose(f);
    char rp[64];
    snprintf(rp, sizeof rp, "%s.go", path);
    assert_int_equal(rename(path, rp), 0);
    VizOptions o;
    viz_options_init(&o);
    o.file = rp;
    o.make_trace = sleepy_run;
    View v;
    memset(&v, 0, sizeof v);
    char err[256];
    assert_int_equal(view_load(&v, &o, 1, err, sizeof err), 0);
    int long_gap = 0, zero_gap = 0;
    for (int st = 0; st + 1 < v.mt.run.nsteps; st++) {
        view_set_step(&v, st);
        assert_float_equal(view_event_secs(&v, 4, 0), 0.25, 1e-9);
        int64_t gap = view_step_ns(&v, st + 1) - view_step_ns(&v, st);
        double t = view_event_secs(&v, 4, 1);
        if (gap >= 10000000000LL) {
            assert_float_equal(t, 0.58, 1e-9);
            long_gap++;
        } else if (gap == 0) {
            assert_float_equal(t, 0.08, 1e-9);
            assert_float_equal(view_event_secs(&v, 8, 1), 0.04, 1e-9);
            zero_gap++;
        }
    }
    assert_int_equal(long_gap, 1);
    assert_true(zero_gap > 0);
    view_free(&v);
    remove(rp);
}

/* tutorial.go, every section in one run, has more objects than the middle
 * column holds: objects whose times do not overlap share a place, so at
 * every step the objects drawn never overlap one another (they used to be
 * squeezed on top of each other), every edge leads to an object drawn,
 * and an object is drawn while a goroutine waits on it. */
static SceneRect obj_drawn(const Scene *s, const ModelRun *run, int o, int step) {
    SceneRect none = {0, 0, 0, 0};
    if (step < run->objs.items[o].born) return none;
    const ScenePipe *p = scene_pipe_for(s, o);
    if (p) return step < p->until ? p->r : none;
    const SceneBox *b = scene_box_for(s, o);
    return b && step < b->until ? b->r : none;
}

static void test_many_objects_share_places(void **state) {
    (void)state;
    Trace *t = run_file("scenarios/tutorial.go", 1, NULL);
    assert_non_null(t);
    ModelTrace mt;
    memset(&mt, 0, sizeof mt);
    mtrace_open(&mt, t, NULL, "tutorial.go", 1, "random");
    Model m;
    memset(&m, 0, sizeof m);
    model_alloc(&m, &mt.run);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    int no = mt.run.objs.len, checked = 0, shared = 0;
    assert_true(no > 40);
    for (int st = 0; st < mt.run.nsteps; st += 37) {
        mtrace_at(&mt, st, &m);
        scene_build(&s, &mt.run, &m, &v);
        for (int a = 0; a < no; a++) {
            SceneRect ra = obj_drawn(&s, &mt.run, a, st);
            if (ra.w <= 0) continue;
            for (int b = 0; b < a; b++) {
                SceneRect rb = obj_drawn(&s, &mt.run, b, st);
                if (rb.w > 0 && ra.x < rb.x + rb.w && rb.x < ra.x + ra.w && ra.y < rb.y + rb.h && rb.y < ra.y + ra.h)
                    fail_msg("step %d: %s and %s overlap", st, mt.run.objs.items[a].name, mt.run.objs.items[b].name);
            }
        }
        for (int i = 0; i < s.edges.len; i++)
            if (s.edges.items[i].obj >= 0) assert_true(obj_drawn(&s, &mt.run, s.edges.items[i].obj, st).w > 0);
        for (int g = 0; g < m.ngs; g++)
            if (m.gs[g].exists && m.gs[g].wait_obj >= 0) assert_true(obj_drawn(&s, &mt.run, m.gs[g].wait_obj, st).w > 0);
        /* what the step acts on is drawn */
        if (m.ev.obj >= 0 && m.ev.obj < no) assert_true(obj_drawn(&s, &mt.run, m.ev.obj, st).w > 0);
        checked++;
    }
    /* places are shared: some two objects sit at the same place */
    for (int a = 0; a < no && !shared; a++)
        for (int b = 0; b < a && !shared; b++) {
            const ScenePipe *pa = scene_pipe_for(&s, a), *pb = scene_pipe_for(&s, b);
            if (pa && pb && pa->r.y == pb->r.y) shared = 1;
        }
    assert_true(checked > 100);
    assert_true(shared);
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rwmutex_readers), cmocka_unit_test(test_select_edges), cmocka_unit_test(test_closed_and_select_loop),
        cmocka_unit_test(test_progress_callback), cmocka_unit_test(test_event_secs),
        cmocka_unit_test(test_many_objects_share_places),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
