/* test_viz_model: the trace -> viewer model adapter on the synthetic traces
 * (sim/trace.h): goroutines and objects shown, states, buffered values, lock
 * owners, the deadlock cycle, the playhead specs (--at), and what the scene
 * makes of it. Expected values come from the trace API itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model_trace.h"
#include "scene.h"
#include "test_viz_view.h"
#include "view.h"

static void open_synth(ModelTrace *mt, TraceSynth which) {
    Trace *t = trace_new(NULL);
    const char *path;
    const char *src = trace_synth_source(which, &path);
    if (which == TRACE_SYNTH_RACE_COUNTER) trace_synth_race_counter(t, 7, 10, 3);
    if (which == TRACE_SYNTH_WORKER_POOL) trace_synth_worker_pool(t, 7, 6);
    if (which == TRACE_SYNTH_DEADLOCK) trace_synth_deadlock(t, 7);
    mtrace_open(mt, t, src, path, 7, "random");
}

static void test_run_shape(void **state) {
    (void)state;
    ModelTrace mt;
    open_synth(&mt, TRACE_SYNTH_WORKER_POOL);
    assert_int_equal(mt.run.gs.len, (int)trace_goroutine_count(mt.trace));
    assert_int_equal(mt.run.nsteps, (int)trace_event_count(mt.trace));
    assert_int_equal(mt.run.gs.items[0].id, 1);
    assert_string_equal(mt.run.gs.items[0].func, "main");
    int chans = 0, mutexes = 0, wgs = 0;
    for (int i = 0; i < mt.run.objs.len; i++) {
        chans += mt.run.objs.items[i].kind == MODEL_CHAN;
        mutexes += mt.run.objs.items[i].kind == MODEL_MUTEX;
        wgs += mt.run.objs.items[i].kind == MODEL_WAITGROUP;
    }
    assert_int_equal(chans, 2);
    assert_int_equal(mutexes, 1);
    assert_int_equal(wgs, 1);
    /* lanes agree with the state at every step */
    Model m;
    model_alloc(&m, &mt.run);
    for (int st = 0; st < mt.run.nsteps; st += 7) {
        mtrace_at(&mt, st, &m);
        for (int g = 0; g < m.ngs; g++)
            if (m.gs[g].exists) assert_int_equal(model_state_at(&mt.run, g, st), m.gs[g].state);
    }
    assert_string_equal(mt.run.outcome, "exit 0");
    model_free(&m);
    mtrace_close(&mt);
}

static void test_buffers_and_owners(void **state) {
    (void)state;
    ModelTrace mt;
    open_synth(&mt, TRACE_SYNTH_WORKER_POOL);
    Model m;
    model_alloc(&m, &mt.run);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    int saw_buf = 0, saw_owner = 0;
    for (int st = 0; st < mt.run.nsteps; st++) {
        mtrace_at(&mt, st, &m);
        scene_build(&s, &mt.run, &m, &v);
        for (int o = 0; o < mt.run.objs.len; o++) {
            TraceObj id = (TraceObj)mt.run.objs.items[o].id;
            if (mt.run.objs.items[o].kind == MODEL_CHAN) {
                assert_int_equal(m.objs[o].nbuf, (int)trace_state_chan_len(&mt.st, id));
                if (m.objs[o].nbuf > 0) {
                    const ScenePipe *p = scene_pipe_for(&s, o);
                    assert_non_null(p);
                    assert_int_equal(p->nvals, m.objs[o].nbuf < p->nslots ? m.objs[o].nbuf : p->nslots);
                    assert_string_equal(m.objs[o].buf[0], trace_str(mt.trace, trace_state_chan_value(&mt.st, id, 0, NULL), NULL));
                    saw_buf = 1;
                }
            }
            if (mt.run.objs.items[o].kind == MODEL_MUTEX && m.objs[o].owner >= 0) {
                /* the scene draws the owner edge from the lock to its holder */
                int edge = 0;
                for (int e = 0; e < s.edges.len; e++)
                    edge += s.edges.items[e].kind == EDGE_OWNER && s.edges.items[e].obj == o && s.edges.items[e].g == m.objs[o].owner;
                assert_int_equal(edge, 1);
                saw_owner = 1;
            }
        }
        /* every blocked goroutine waiting on an object has its edge */
        for (int g = 0; g < m.ngs; g++) {
            if (!m.gs[g].exists || m.gs[g].state != THEME_BLOCKED || m.gs[g].wait_obj < 0) continue;
            int edge = 0;
            for (int e = 0; e < s.edges.len; e++) edge += s.edges.items[e].kind == EDGE_WAIT && s.edges.items[e].g == g;
            assert_int_equal(edge, 1);
            assert_true(strlen(m.gs[g].wait) > 0);
        }
    }
    assert_true(saw_buf);
    assert_true(saw_owner);
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

static void test_deadlock(void **state) {
    (void)state;
    ModelTrace mt;
    open_synth(&mt, TRACE_SYNTH_DEADLOCK);
    Model m;
    model_alloc(&m, &mt.run);
    mtrace_at(&mt, mt.run.nsteps - 1, &m);
    assert_true(m.deadlock);
    assert_string_equal(mt.run.outcome, "deadlock");
    int blocked = 0;
    for (int g = 0; g < m.ngs; g++)
        if (m.gs[g].state == THEME_BLOCKED) {
            assert_true(m.gs[g].in_cycle);
            blocked++;
        }
    assert_int_equal(blocked, 2);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    scene_build(&s, &mt.run, &m, &v);
    assert_non_null(s.banner);
    int alarms = 0;
    for (int e = 0; e < s.edges.len; e++) alarms += s.edges.items[e].alarm;
    assert_true(alarms >= 2);
    /* the run's output ends with Go's deadlock report */
    assert_non_null(strstr(m.output, "all goroutines are asleep"));
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

static void test_race_reads(void **state) {
    (void)state;
    ModelTrace mt;
    open_synth(&mt, TRACE_SYNTH_RACE_COUNTER);
    Model m;
    model_alloc(&m, &mt.run);
    /* somewhere a goroutine holds a loaded value it has not stored yet */
    int pending = 0;
    for (int st = 0; st < mt.run.nsteps && !pending; st++) {
        mtrace_at(&mt, st, &m);
        for (int g = 0; g < m.ngs; g++)
            if (m.gs[g].read_obj >= 0) {
                assert_int_equal(mt.run.objs.items[m.gs[g].read_obj].kind, MODEL_VAR);
                assert_non_null(m.gs[g].read_val);
                pending = 1;
            }
    }
    assert_true(pending);
    model_free(&m);
    mtrace_close(&mt);
}

static void test_when_specs(void **state) {
    (void)state;
    View v;
    memset(&v, 0, sizeof v);
    VizOptions o;
    viz_options_init(&o);
    o.demo = "worker_pool";
    char err[256];
    assert_int_equal(view_load(&v, &o, 3, err, sizeof err), 0);
    int n = v.mt.run.nsteps, st;
    assert_int_equal(view_parse_when(&v, "end", &st), 0);
    assert_int_equal(st, n - 1);
    assert_int_equal(view_parse_when(&v, "1", &st), 0);
    assert_int_equal(st, 0);
    assert_int_equal(view_parse_when(&v, "10", &st), 0);
    assert_int_equal(st, 9);
    assert_int_equal(view_parse_when(&v, "100%", &st), 0);
    assert_int_equal(st, n - 1);
    assert_int_equal(view_parse_when(&v, "0%", &st), 0);
    assert_int_equal(st, 0);
    /* a time: the last event at or before it */
    assert_int_equal(view_parse_when(&v, "150ms", &st), 0);
    TraceEvent ev;
    trace_event(v.mt.trace, (uint32_t)st, &ev);
    assert_true(ev.vtime <= 150000000);
    if (st + 1 < n) {
        trace_event(v.mt.trace, (uint32_t)st + 1, &ev);
        assert_true(ev.vtime > 150000000);
    }
    assert_int_equal(view_parse_when(&v, "soon", &st), -1);
    assert_int_equal(view_parse_when(&v, "101%", &st), -1);
    assert_int_equal(view_parse_when(&v, "", &st), -1);
    /* unknown demo and missing file fail with a reason */
    o.demo = "nope";
    assert_int_equal(view_load(&v, &o, 3, err, sizeof err), -1);
    assert_non_null(strstr(err, "unknown demo"));
    o.demo = NULL;
    o.file = "/nonexistent/x.go";
    assert_int_equal(view_load(&v, &o, 3, err, sizeof err), -1);
    assert_non_null(strstr(err, "/nonexistent/x.go"));
    view_free(&v);
}

static void test_next_for(void **state) {
    (void)state;
    ModelTrace mt;
    open_synth(&mt, TRACE_SYNTH_WORKER_POOL);
    /* Shift+Right for goroutine 1 (the first worker) lands on its events only */
    int st = 0, hops = 0;
    TraceObj id = trace_goroutine_at(mt.trace, 1);
    while ((st = mtrace_next_for(&mt, st, 1, 1, -1)) >= 0 && hops < 1000) {
        TraceEvent ev;
        trace_event(mt.trace, (uint32_t)st, &ev);
        assert_true(ev.g == id || ev.obj == id);
        hops++;
    }
    assert_true(hops > 3);
    mtrace_close(&mt);
}

static void emit(Trace *t, uint64_t *step, TraceEventKind kind, int aux, TraceObj g, TraceObj obj) {
    TraceEvent e;
    memset(&e, 0, sizeof e);
    e.kind = kind;
    e.aux = aux;
    e.g = g;
    e.obj = obj;
    e.step = (*step)++;
    e.pos.line = 5;
    trace_emit(t, &e);
}

static void test_lock_cycle(void **state) {
    (void)state;
    /* g1 holds a and waits for b; g2 holds b and waits for a; g3 waits on a
     * channel: the cycle is g1 and g2 only */
    Trace *t = trace_new(NULL);
    uint64_t step = 0;
    Pos p = {3, 1};
    TraceObj g1 = trace_new_goroutine(t, step++, 0, 1, "main.main", p);
    TraceObj a = trace_new_object(t, step++, g1, TRACE_OBJ_MUTEX, "a", p);
    TraceObj b = trace_new_object(t, step++, g1, TRACE_OBJ_MUTEX, "b", p);
    TraceObj ch = trace_new_object(t, step++, g1, TRACE_OBJ_CHAN, "ch", p);
    trace_obj_set_chan(t, ch, "int", 0);
    TraceObj g2 = trace_new_goroutine(t, step++, g1, 2, "main.main.func1", p);
    TraceObj g3 = trace_new_goroutine(t, step++, g1, 3, "main.main.func2", p);
    emit(t, &step, TRACE_EV_GO_START, 0, g1, 0);
    emit(t, &step, TRACE_EV_LOCK, 0, g1, a);
    emit(t, &step, TRACE_EV_GO_START, 0, g2, 0);
    emit(t, &step, TRACE_EV_LOCK, 0, g2, b);
    emit(t, &step, TRACE_EV_GO_BLOCK, TRACE_WAIT_MUTEX_LOCK, g2, a);
    emit(t, &step, TRACE_EV_GO_START, 0, g3, 0);
    emit(t, &step, TRACE_EV_GO_BLOCK, TRACE_WAIT_CHAN_RECV, g3, ch);
    emit(t, &step, TRACE_EV_GO_START, 0, g1, 0);
    emit(t, &step, TRACE_EV_GO_BLOCK, TRACE_WAIT_MUTEX_LOCK, g1, b);
    emit(t, &step, TRACE_EV_DEADLOCK, 0, 0, 0);
    trace_finish(t);
    ModelTrace mt;
    mtrace_open(&mt, t, NULL, "ab.go", 1, "random");
    Model m;
    model_alloc(&m, &mt.run);
    mtrace_at(&mt, mt.run.nsteps - 1, &m);
    assert_true(m.deadlock);
    assert_int_equal(m.gs[0].state, THEME_BLOCKED);
    assert_int_equal(m.gs[2].state, THEME_BLOCKED);
    assert_true(m.gs[0].in_cycle);
    assert_true(m.gs[1].in_cycle);
    assert_false(m.gs[2].in_cycle);
    /* the scene: g1's and g2's wait edges and the owner edges are alarms, g3's is not */
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    scene_build(&s, &mt.run, &m, &v);
    for (int e = 0; e < s.edges.len; e++) {
        const SceneEdge *ed = &s.edges.items[e];
        if (ed->kind == EDGE_WAIT || ed->kind == EDGE_OWNER) assert_int_equal(ed->alarm, ed->g != 2);
    }
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

static void test_empty_trace(void **state) {
    (void)state;
    /* a run with no events (or no goroutines) draws an empty stage, no crash */
    Trace *t = trace_new(NULL);
    trace_finish(t);
    ModelTrace mt;
    mtrace_open(&mt, t, "package main\n", "empty.go", 1, "random");
    Model m;
    model_alloc(&m, &mt.run);
    mtrace_at(&mt, 0, &m);
    assert_int_equal(m.ngs, 0);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    scene_build(&s, &mt.run, &m, &v);
    assert_int_equal(s.cards.len, 0);
    assert_int_equal(s.tl_to, 1);
    scene_free(&s);
    model_free(&m);
    mtrace_close(&mt);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_shape),  cmocka_unit_test(test_buffers_and_owners), cmocka_unit_test(test_deadlock),
        cmocka_unit_test(test_race_reads), cmocka_unit_test(test_when_specs),         cmocka_unit_test(test_next_for), cmocka_unit_test(test_empty_trace), cmocka_unit_test(test_lock_cycle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
