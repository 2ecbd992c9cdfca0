/* test_trace_rec: the recorder's entry points that take an event's fields
 * in registers (trace_rec_*, trace_emit_at) record exactly what trace_emit
 * records: the same random runs through both give identical traces (hash,
 * text and Chrome exports, states at every keyframe interval, lanes,
 * per-goroutine indexes), across blocks, keyframes, chunks, time marks and
 * clock moves (the recorder's fast and general paths). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace.h"

static uint64_t rng_next(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

#include "test_trace_capture.h"

enum { NG = 6, NCH = 4, NOBJ = 3 };

/* Run: the objects of one generated run, the same ids in every trace */
typedef struct Run {
    TraceObj g[NG], ch[NCH], other[NOBJ];
} Run;

/* via: how events reach the trace: 0 trace_emit, 1 trace_rec_* where the
 * event allows it, 2 trace_emit_at */
static uint32_t put(Trace *t, int via, const TraceEvent *ev) {
    if (via == 2) return trace_emit_at(t, ev);
    if (via == 0 || ev->pos.col != 0) return trace_emit(t, ev);
    int plain = !ev->aux && !ev->value && !ev->arg;
    switch (ev->kind) {
    case TRACE_EV_GO_START:
        if (plain && !ev->obj) return trace_rec_go_start(t, ev->g, ev->pos.line, ev->step, ev->vtime);
        break;
    case TRACE_EV_GO_YIELD:
        if (plain && !ev->obj) return trace_rec_go_yield(t, ev->g, ev->pos.line, ev->step, ev->vtime);
        break;
    case TRACE_EV_GO_UNBLOCK:
        if (plain) return trace_rec_go_unblock(t, ev->g, ev->obj, ev->pos.line, ev->step, ev->vtime);
        break;
    case TRACE_EV_GO_BLOCK:
        if (!ev->value && !ev->arg)
            return trace_rec_go_block(t, ev->g, ev->obj, ev->aux, ev->pos.line, ev->step, ev->vtime);
        break;
    case TRACE_EV_CHAN_SEND:
        if (ev->aux == TRACE_CH_SYNC && (ev->step & 1))
            return trace_rec_chan_send_sync(t, ev->g, ev->obj, ev->pos.line, ev->value, ev->arg, ev->step,
                                            ev->vtime);
        if (ev->aux == TRACE_CH_BUF && (ev->step & 1))
            return trace_rec_chan_send_buf(t, ev->g, ev->obj, ev->pos.line, ev->value, ev->arg, ev->step,
                                           ev->vtime);
        return trace_rec_chan_send(t, ev->g, ev->obj, ev->aux, ev->pos.line, ev->value, ev->arg, ev->step,
                                   ev->vtime);
    case TRACE_EV_CHAN_RECV:
        if (ev->aux == TRACE_CH_SYNC && (ev->step & 1))
            return trace_rec_chan_recv_sync(t, ev->g, ev->obj, ev->pos.line, ev->value, ev->arg, ev->step,
                                            ev->vtime);
        if (ev->aux == TRACE_CH_BUF && (ev->step & 1))
            return trace_rec_chan_recv_buf(t, ev->g, ev->obj, ev->pos.line, ev->value, ev->arg, ev->step,
                                           ev->vtime);
        return trace_rec_chan_recv(t, ev->g, ev->obj, ev->aux, ev->pos.line, ev->value, ev->arg, ev->step,
                                   ev->vtime);
    default: break;
    }
    return trace_emit(t, ev);
}

/* Oracle: what trace_event must give back for each event, worked out
 * here from the documented rules (the clock; CHAN_RECV's flow: a sync
 * receive's is its sender's latest offer, a buffered one's the send at the
 * front of the channel's buffer) without the recorder's shortcuts. */
typedef struct Oracle {
    TraceEvent *ev; /* expected, by index */
    uint32_t first; /* events before it are not checked */
    uint64_t clk_step;
    int64_t clk_vtime;
    int64_t last_offer[NG + NCH + NOBJ + 2]; /* by object id */
    uint32_t buf[NG + NCH + NOBJ + 2][4096];
    uint32_t head[NG + NCH + NOBJ + 2], len[NG + NCH + NOBJ + 2];
} Oracle;

static void expect(Oracle *o, uint32_t ix, const TraceEvent *in) {
    TraceEvent e = *in;
    if (e.step == 0) e.step = o->clk_step;
    if (e.step > o->clk_step) o->clk_step = e.step;
    if (e.vtime == 0) e.vtime = o->clk_vtime;
    if (e.vtime > o->clk_vtime) o->clk_vtime = e.vtime;
    if (e.pos.line < 0) e.pos.line = 0;
    if (e.pos.col < 0) e.pos.col = 0;
    e.flow = -1;
    e.out_off = 0;
    e.out_len = 0;
    if (e.kind == TRACE_EV_CHAN_RECV) {
        if (e.aux == TRACE_CH_SYNC && (TraceObj)e.arg >= 1 && (TraceObj)e.arg <= NG) {
            e.flow = o->last_offer[(TraceObj)e.arg];
            e.arg = e.flow >= 0 ? (int64_t)(TraceObj)e.arg : 0;
        } else if (e.aux == TRACE_CH_BUF && e.obj && o->len[e.obj]) {
            e.flow = o->buf[e.obj][o->head[e.obj]];
            e.arg = (int64_t)o->ev[e.flow].g;
            o->head[e.obj]++;
            o->len[e.obj]--;
        } else {
            e.arg = 0;
        }
    }
    if (e.kind == TRACE_EV_CHAN_SEND || (e.kind == TRACE_EV_GO_BLOCK && e.aux == TRACE_WAIT_CHAN_SEND))
        if (e.g >= 1 && e.g <= NG) o->last_offer[e.g] = ix;
    if (e.kind == TRACE_EV_CHAN_SEND && e.aux == TRACE_CH_BUF && e.obj) {
        assert_true(o->head[e.obj] + o->len[e.obj] < 4096);
        o->buf[e.obj][o->head[e.obj] + o->len[e.obj]++] = ix;
    }
    o->ev[ix] = e;
}

/* gen: a random run of [n] events from [seed], recorded through [via];
 * kf: keyframe interval; [o]: if not NULL, what each event should decode
 * to. Sequences need not make sense as Go: the trace records and applies
 * whatever it is given. */
static Trace *gen(uint64_t seed, int via, uint32_t n, uint32_t kf, Oracle *o) {
    TraceOptions opt = {0};
    opt.keyframe_interval = kf;
    Trace *t = trace_new(&opt);
    uint64_t x = seed;
    Run r;
    Pos p0 = {1, 1};
    uint64_t step = 1;
    int64_t vtime = 0;
    for (int i = 0; i < NG; i++) r.g[i] = trace_new_goroutine(t, step, i ? r.g[0] : 0, (uint32_t)i + 1, "main.f", p0);
    for (int i = 0; i < NCH; i++) {
        r.ch[i] = trace_new_object(t, step, r.g[0], TRACE_OBJ_CHAN, "c", p0);
        trace_obj_set_chan(t, r.ch[i], "int", i & 1 ? 2 : 0);
    }
    r.other[0] = trace_new_object(t, step, r.g[0], TRACE_OBJ_MUTEX, "mu", p0);
    r.other[1] = trace_new_object(t, step, r.g[0], TRACE_OBJ_VAR, "v", p0);
    r.other[2] = trace_new_object(t, step, r.g[0], TRACE_OBJ_WAITGROUP, "wg", p0);
    if (o) {
        o->first = trace_event_count(t);
        o->clk_step = step;
        for (size_t k = 0; k < sizeof o->last_offer / sizeof o->last_offer[0]; k++) o->last_offer[k] = -1;
        o->ev = calloc(n + n / 997 + 16, sizeof *o->ev);
        assert_non_null(o->ev);
    }
    static const TraceEventKind kinds[] = {TRACE_EV_GO_START, TRACE_EV_GO_START,  TRACE_EV_GO_YIELD,
                                           TRACE_EV_GO_BLOCK, TRACE_EV_GO_BLOCK,  TRACE_EV_GO_UNBLOCK,
                                           TRACE_EV_GO_UNBLOCK, TRACE_EV_CHAN_SEND, TRACE_EV_CHAN_SEND,
                                           TRACE_EV_CHAN_RECV, TRACE_EV_CHAN_RECV, TRACE_EV_LOCK,
                                           TRACE_EV_UNLOCK,   TRACE_EV_READ,      TRACE_EV_WRITE,
                                           TRACE_EV_GO_SLEEP, TRACE_EV_SELECT_CASE, TRACE_EV_SELECT,
                                           TRACE_EV_WG_ADD};
    for (uint32_t i = 0; i < n; i++) {
        uint64_t a = rng_next(&x), b = rng_next(&x);
        TraceEvent ev = {0};
        ev.kind = kinds[a % (sizeof kinds / sizeof kinds[0])];
        ev.g = (b & 15) == 0 ? 0 : r.g[(b >> 4) % NG];
        ev.pos.line = (int)((b >> 8) % 40) - 2; /* some negative: "unknown" */
        ev.pos.col = (b >> 16) % 16 == 0 ? (int)((b >> 20) % 90) : 0;
        /* the clock: mostly the same step, now and then "now" (0), a
         * virtual time jump, or an explicit clock move */
        unsigned c = (unsigned)((a >> 8) % 64);
        if (c < 12) step++;
        if (c == 12) vtime += 1000;
        if (c == 13) {
            step += 2;
            trace_set_clock(t, step, vtime + 7);
            vtime += 7;
            if (o) {
                o->clk_step = step;
                o->clk_vtime = vtime;
            }
        }
        ev.step = c == 14 ? 0 : step;
        ev.vtime = c == 15 ? 0 : vtime;
        unsigned f = (unsigned)((a >> 16) % 8);
        TraceObj anyg = r.g[(a >> 24) % NG], ch = r.ch[(a >> 28) % NCH];
        switch (ev.kind) {
        case TRACE_EV_GO_START:
        case TRACE_EV_GO_YIELD:
            if (f == 0) ev.value = trace_intern_int(t, (int64_t)(a >> 40) % 5); /* not the register entry's */
            break;
        case TRACE_EV_GO_BLOCK:
            ev.aux = (int)((a >> 32) % TRACE_WAIT__COUNT);
            ev.obj = f < 4 ? ch : f < 6 ? r.other[0] : 0;
            if (f == 7) ev.value = trace_intern_int(t, 3);
            break;
        case TRACE_EV_GO_UNBLOCK:
            ev.obj = anyg;
            if (f == 0) ev.aux = 1;
            break;
        case TRACE_EV_CHAN_SEND:
        case TRACE_EV_CHAN_RECV:
            ev.obj = f == 7 ? 0 : ch;
            ev.aux = f < 3 ? TRACE_CH_SYNC : f < 6 ? TRACE_CH_BUF : TRACE_CH_CLOSED;
            ev.value = (a >> 36) & 1 ? trace_intern_int(t, (int64_t)(a >> 37) % 2000 - 1000)
                                     : trace_intern_cstr(t, (a >> 37) & 1 ? "x" : "yy");
            ev.arg = f == 5 ? 0 : (int64_t)anyg;
            break;
        case TRACE_EV_LOCK:
        case TRACE_EV_UNLOCK: ev.obj = r.other[0]; break;
        case TRACE_EV_READ:
        case TRACE_EV_WRITE:
            ev.obj = r.other[1];
            ev.value = trace_intern_int(t, (int64_t)(a >> 40) % 100);
            break;
        case TRACE_EV_GO_SLEEP: ev.arg = vtime + 50; break;
        case TRACE_EV_SELECT_CASE: ev.obj = ch; break;
        case TRACE_EV_WG_ADD:
            ev.obj = r.other[2];
            ev.arg = 1;
            break;
        default: break;
        }
        uint32_t ix = put(t, via, &ev);
        assert_int_equal(ix, trace_event_count(t) - 1);
        if (o) expect(o, ix, &ev);
        if (i % 997 == 0) {
            ix = trace_output(t, 0, ev.g, ev.pos, 1, "out\n", 4);
            if (o) {
                TraceEvent out = {.kind = TRACE_EV_OUTPUT, .aux = 1, .g = ev.g, .pos = ev.pos};
                expect(o, ix, &out);
                o->ev[ix].out_off = 4 * (i / 997);
                o->ev[ix].out_len = 4;
            }
        }
    }
    trace_emit(t, &(TraceEvent){.kind = TRACE_EV_RUN_END});
    trace_finish(t);
    return t;
}

static void same_traces(Trace *a, Trace *b) {
    assert_int_equal(trace_event_count(a), trace_event_count(b));
    assert_true(trace_hash(a) == trace_hash(b));
    for (int chrome = 0; chrome < 2; chrome++) {
        size_t na, nb;
        char *sa = capture(a, chrome, &na), *sb = capture(b, chrome, &nb);
        assert_int_equal(na, nb);
        assert_memory_equal(sa, sb, na);
        free(sa);
        free(sb);
    }
    uint32_t n = trace_event_count(a);
    TraceState sa, sb;
    trace_state_init(&sa);
    trace_state_init(&sb);
    for (uint32_t k = 0; k <= n; k += 1 + n / 37) {
        trace_state_at(a, k, &sa);
        trace_state_at(b, k, &sb);
        assert_int_equal(sa.nobjs, sb.nobjs);
        assert_memory_equal(sa.objs, sb.objs, sizeof *sa.objs * (sa.nobjs + 1));
        for (uint32_t o = 1; o <= sa.nobjs; o++) {
            uint32_t va, vb;
            uint32_t ea = 0, eb = 0;
            for (uint32_t j = 0; j < 4; j++) {
                va = trace_state_chan_value(&sa, o, j, &ea);
                vb = trace_state_chan_value(&sb, o, j, &eb);
                assert_int_equal(va, vb);
                if (va) assert_int_equal(ea, eb);
            }
        }
    }
    trace_state_free(&sa);
    trace_state_free(&sb);
    for (uint32_t k = 0; k < trace_goroutine_count(a); k++) {
        TraceObj g = trace_goroutine_at(a, k);
        assert_int_equal(trace_lane_count(a, g), trace_lane_count(b, g));
        for (uint32_t j = 0; j < trace_lane_count(a, g); j++) {
            TraceSpan x, y;
            trace_lane_span(a, g, j, &x);
            trace_lane_span(b, g, j, &y);
            assert_int_equal(x.from, y.from);
            assert_int_equal(x.to, y.to);
            assert_int_equal(x.status, y.status);
            assert_int_equal(x.reason, y.reason);
            assert_int_equal(x.wait_obj, y.wait_obj);
        }
        assert_int_equal(trace_g_event_count(a, g), trace_g_event_count(b, g));
        for (uint32_t j = 0; j < trace_g_event_count(a, g); j++)
            assert_int_equal(trace_g_event(a, g, j), trace_g_event(b, g, j));
    }
}

/* the recorded events are the oracle's, and the live state (the recorder's
 * transition, fast path included) is the replayed one */
static void check_oracle(Trace *t, Oracle *o) {
    uint32_t n = trace_event_count(t) - 1; /* RUN_END */
    for (uint32_t i = o->first; i < n; i++) {
        TraceEvent got, *e = &o->ev[i];
        trace_event(t, i, &got);
        assert_int_equal(got.kind, e->kind);
        assert_int_equal(got.aux, e->aux);
        assert_int_equal(got.g, e->g);
        assert_int_equal(got.obj, e->obj);
        assert_int_equal(got.pos.line, e->pos.line);
        assert_int_equal(got.pos.col, e->pos.col);
        assert_int_equal(got.value, e->value);
        assert_int_equal(got.arg, e->arg);
        assert_int_equal(got.step, e->step);
        assert_int_equal(got.vtime, e->vtime);
        assert_int_equal(got.flow, e->flow);
        assert_int_equal(got.out_off, e->out_off);
        assert_int_equal(got.out_len, e->out_len);
    }
    const TraceState *live = trace_live(t);
    TraceState st;
    trace_state_init(&st);
    trace_state_at(t, trace_event_count(t), &st);
    assert_int_equal(live->nobjs, st.nobjs);
    assert_int_equal(live->running, st.running);
    assert_int_equal(live->step, st.step);
    assert_int_equal(live->vtime, st.vtime);
    assert_memory_equal(live->objs, st.objs, sizeof *st.objs * (st.nobjs + 1));
    trace_state_free(&st);
}

static void test_rec_oracle(void **state) {
    (void)state;
    Oracle *o = malloc(sizeof *o);
    assert_non_null(o);
    for (int via = 0; via <= 2; via++) {
        for (uint64_t seed = 11; seed < 14; seed++) {
            memset(o, 0, sizeof *o);
            Trace *t = gen(seed, via, seed == 12 ? 60000 : 4000, seed == 13 ? 8 : 256, o);
            check_oracle(t, o);
            trace_free(t);
            free(o->ev);
        }
    }
    free(o);
}

static void test_rec_same_as_emit(void **state) {
    (void)state;
    static const struct {
        uint64_t seed;
        uint32_t n, kf;
    } cases[] = {{1, 3000, 64}, {2, 20000, 512}, {3, 70000, 16}, {4, 5000, 1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Trace *a = gen(cases[i].seed, 0, cases[i].n, cases[i].kf, NULL);
        for (int via = 1; via <= 2; via++) {
            Trace *b = gen(cases[i].seed, via, cases[i].n, cases[i].kf, NULL);
            same_traces(a, b);
            trace_free(b);
        }
        trace_free(a);
    }
}

/* the checks above can fail: a trace with one field changed differs */
static void test_rec_compare_detects(void **state) {
    (void)state;
    Trace *a = gen(5, 0, 2000, 64, NULL);
    Trace *b = gen(6, 1, 2000, 64, NULL);
    assert_true(trace_hash(a) != trace_hash(b));
    trace_free(a);
    trace_free(b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rec_same_as_emit),
        cmocka_unit_test(test_rec_oracle),
        cmocka_unit_test(test_rec_compare_detects),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
