/* test_trace: the trace store — recording, state reconstruction against a
 * plain replay, keyframes, indexes, lanes, exports, synthetic scenarios. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace.h"

/* ---- helpers ------------------------------------------------------------------ */

#include "test_trace_capture.h"

static uint64_t rng_next(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* A tiny JSON validator (RFC 8259 grammar; no number range checks). */
typedef struct J {
    const char *p, *end;
} J;
static void jws(J *j) {
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r')) j->p++;
}
static int jvalue(J *j);
static int jstring(J *j) {
    if (j->p >= j->end || *j->p != '"') return 0;
    j->p++;
    while (j->p < j->end && *j->p != '"') {
        unsigned char c = (unsigned char)*j->p;
        if (c < 0x20) return 0;
        if (c == '\\') {
            j->p++;
            if (j->p >= j->end) return 0;
            if (*j->p == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (j->p + k >= j->end || !strchr("0123456789abcdefABCDEF", j->p[k])) return 0;
                j->p += 4;
            } else if (!strchr("\"\\/bfnrt", *j->p)) {
                return 0;
            }
        }
        j->p++;
    }
    if (j->p >= j->end) return 0;
    j->p++;
    return 1;
}
static int jnumber(J *j) {
    const char *s = j->p;
    if (j->p < j->end && *j->p == '-') j->p++;
    while (j->p < j->end && strchr("0123456789.eE+-", *j->p)) j->p++;
    return j->p > s;
}
static int jvalue(J *j) {
    jws(j);
    if (j->p >= j->end) return 0;
    char c = *j->p;
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        j->p++;
        jws(j);
        if (j->p < j->end && *j->p == close) {
            j->p++;
            return 1;
        }
        for (;;) {
            jws(j);
            if (c == '{') {
                if (!jstring(j)) return 0;
                jws(j);
                if (j->p >= j->end || *j->p != ':') return 0;
                j->p++;
            }
            if (!jvalue(j)) return 0;
            jws(j);
            if (j->p < j->end && *j->p == ',') {
                j->p++;
                continue;
            }
            if (j->p < j->end && *j->p == close) {
                j->p++;
                return 1;
            }
            return 0;
        }
    }
    if (c == '"') return jstring(j);
    if (!strncmp(j->p, "true", 4)) return j->p += 4, 1;
    if (!strncmp(j->p, "false", 5)) return j->p += 5, 1;
    if (!strncmp(j->p, "null", 4)) return j->p += 4, 1;
    return jnumber(j);
}
static int json_valid(const char *s, size_t n) {
    J j = {s, s + n};
    if (!jvalue(&j)) return 0;
    jws(&j);
    return j.p == j.end;
}

static size_t count_substr(const char *s, const char *needle) {
    size_t n = 0, nl = strlen(needle), len = strlen(s);
    for (size_t i = 0; i + nl <= len; i++) n += memcmp(s + i, needle, nl) == 0;
    return n;
}

/* ---- names, strings, durations -------------------------------------------------- */

static void test_names(void **state) {
    (void)state;
    /* Go's texts, src/runtime/runtime2.go waitReasonStrings */
    assert_string_equal(trace_wait_reason_name(TRACE_WAIT_CHAN_RECV), "chan receive");
    assert_string_equal(trace_wait_reason_name(TRACE_WAIT_CHAN_SEND_NIL), "chan send (nil chan)");
    assert_string_equal(trace_wait_reason_name(TRACE_WAIT_SELECT_NO_CASES), "select (no cases)");
    assert_string_equal(trace_wait_reason_name(TRACE_WAIT_MUTEX_LOCK), "sync.Mutex.Lock");
    assert_string_equal(trace_wait_reason_name(TRACE_WAIT_WAITGROUP_WAIT), "sync.WaitGroup.Wait");
    assert_string_equal(trace_wait_reason_name(TRACE_WAIT_SLEEP), "sleep");
    assert_string_equal(trace_wait_reason_name(999), "");
    assert_string_equal(trace_event_kind_name(TRACE_EV_CHAN_SEND), "chan.send");
    assert_string_equal(trace_event_kind_name(-1), "?");
    assert_string_equal(trace_obj_kind_name(TRACE_OBJ_RWMUTEX), "rwmutex");
    assert_string_equal(trace_gstatus_name(TRACE_G_SLEEPING), "sleeping");
}

static void test_intern(void **state) {
    (void)state;
    Trace *t = trace_new(NULL);
    assert_int_equal(trace_intern(t, "", 0), 0);
    uint32_t a = trace_intern_cstr(t, "jobs");
    uint32_t b = trace_intern_cstr(t, "results");
    assert_int_equal(a, 1);
    assert_int_equal(b, 2);
    assert_int_equal(trace_intern(t, "jobsXX", 4), a);
    assert_int_equal(trace_intern_int(t, 42), trace_intern_cstr(t, "42"));
    assert_int_equal(trace_intern_int(t, -7), trace_intern_cstr(t, "-7"));
    assert_int_equal(trace_intern_int(t, 123456789), trace_intern_cstr(t, "123456789"));
    uint32_t len;
    assert_string_equal(trace_str(t, b, &len), "results");
    assert_int_equal(len, 7);
    assert_string_equal(trace_str(t, 99999, &len), "");
    /* many strings: ids stay dense and stable across table growth */
    char buf[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(buf, sizeof buf, "s%d", i);
        uint32_t id = trace_intern_cstr(t, buf);
        assert_string_equal(trace_str(t, id, NULL), buf);
    }
    assert_string_equal(trace_str(t, a, NULL), "jobs");
    /* a long string gets its own block */
    char *big = malloc(100000);
    memset(big, 'x', 99999);
    big[99999] = 0;
    uint32_t id = trace_intern_cstr(t, big);
    assert_int_equal(trace_intern_cstr(t, big), id);
    assert_string_equal(trace_str(t, id, NULL), big);
    free(big);
    trace_free(t);
}

static void test_duration(void **state) {
    (void)state;
    /* expected texts from Go 1.19: fmt.Print(time.Duration(d).String()) */
    static const struct {
        int64_t ns;
        const char *s;
    } cases[] = {
        {0, "0s"},
        {1, "1ns"},
        {999, "999ns"},
        {1000, "1µs"},
        {1500, "1.5µs"},
        {1000000, "1ms"},
        {1500000, "1.5ms"},
        {999999999, "999.999999ms"},
        {1000000000, "1s"},
        {1500000000, "1.5s"},
        {60000000000, "1m0s"},
        {90000000000, "1m30s"},
        {3600000000000, "1h0m0s"},
        {3723004005006, "1h2m3.004005006s"},
        {-1500000, "-1.5ms"},
        {100000000, "100ms"},
        {9184088, "9.184088ms"},
        {-7, "-7ns"},
    };
    char buf[32];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(trace_format_duration(cases[i].ns, buf, sizeof buf), cases[i].s);
}

/* ---- recording round trip ---------------------------------------------------------- */

static void test_roundtrip(void **state) {
    (void)state;
    Trace *t = trace_new(NULL);
    TraceObj g1 = trace_new_goroutine(t, 0, 0, 1, "main.main", (Pos){5, 1});
    TraceObj wg = trace_new_object(t, 1, g1, TRACE_OBJ_WAITGROUP, "wg", (Pos){6, 2});
    TraceObj tm = trace_new_object(t, 1, g1, TRACE_OBJ_TIMER, NULL, (Pos){7, 2});
    uint32_t i1 = trace_emit(t, &(TraceEvent){.kind = TRACE_EV_WG_ADD, .g = g1, .obj = wg,
                                              .pos = {8, 70000}, .arg = -5, .step = 3, .vtime = 10});
    uint32_t i2 = trace_emit(t, &(TraceEvent){.kind = TRACE_EV_TIMER_START, .g = g1, .obj = tm,
                                              .pos = {9, 3}, .arg = 5000000000000LL, .step = 3,
                                              .vtime = 10});
    uint32_t i3 = trace_output(t, 4, g1, (Pos){10, 2}, 1, "hi\n", 3);
    TraceEvent e;
    trace_event(t, i1, &e);
    assert_int_equal(e.kind, TRACE_EV_WG_ADD);
    assert_int_equal(e.arg, -5);
    assert_int_equal(e.pos.col, 65535); /* clamped */
    assert_int_equal(e.vtime, 10);
    assert_int_equal(e.step, 3);
    trace_event(t, i2, &e);
    assert_true(e.arg == 5000000000000LL);
    trace_event(t, i3, &e);
    assert_int_equal(e.kind, TRACE_EV_OUTPUT);
    assert_int_equal(e.out_off, 0);
    assert_int_equal(e.out_len, 3);
    assert_int_equal(e.vtime, 10);
    trace_event(t, 0, &e);
    assert_int_equal(e.vtime, 0);
    const TraceState *live = trace_live(t);
    assert_int_equal(live->objs[wg].count, -5);
    assert_int_equal(live->objs[tm].flags & TRACE_SF_ARMED, TRACE_SF_ARMED);
    assert_int_equal(live->out_len, 3);
    char line[256];
    trace_format_event(t, i1, line, sizeof line);
    assert_string_equal(line, "#000003 s=3 t=10ns g1 wg.add wg delta=-5 @8:65535");
    trace_format_event(t, i3, line, sizeof line);
    assert_string_equal(line, "#000005 s=4 t=10ns g1 output \"hi\\n\" @10:2");
    /* truncation behaves like snprintf */
    char small[8];
    int n = trace_format_event(t, i1, small, sizeof small);
    assert_int_equal(n, (int)strlen("#000003 s=3 t=10ns g1 wg.add wg delta=-5 @8:65535"));
    assert_string_equal(small, "#000003");
    /* step/vtime 0 mean "now": the last event's, or the clock's once set */
    uint32_t i4 = trace_emit(t, &(TraceEvent){.kind = TRACE_EV_WG_DONE, .g = g1, .obj = wg});
    trace_event(t, i4, &e);
    assert_int_equal(e.step, 4);
    assert_int_equal(e.vtime, 10);
    trace_set_clock(t, 9, 2000000);
    uint32_t i5 = trace_emit(t, &(TraceEvent){.kind = TRACE_EV_WG_DONE, .g = g1, .obj = wg});
    trace_event(t, i5, &e);
    assert_int_equal(e.step, 9);
    assert_int_equal(e.vtime, 2000000);
    trace_format_event(t, i5, line, sizeof line);
    assert_string_equal(line, "#000007 s=9 t=2ms g1 wg.done wg");
    assert_int_equal(trace_goroutine_by_goid(t, 1), g1);
    assert_int_equal(trace_goroutine_by_goid(t, 2), 0);
    char nb[32];
    assert_string_equal(trace_obj_name(t, tm, nb, sizeof nb), "timer#3");
    assert_string_equal(trace_obj_name(t, g1, nb, sizeof nb), "g1");
    trace_free(t);
}

/* ---- state reconstruction ---------------------------------------------------------- */

/* state_diff: describe the first difference between [a] and [b] (for
 * failure messages) into [buf] */
static const char *state_diff(const TraceState *a, const TraceState *b, char *buf, size_t n) {
    snprintf(buf, n, "no difference");
    if (a->n != b->n || a->step != b->step || a->vtime != b->vtime || a->running != b->running ||
        a->out_len != b->out_len || a->nobjs != b->nobjs || a->nraces != b->nraces) {
        snprintf(buf, n, "header: n %u/%u step %lu/%lu vtime %ld/%ld running %u/%u out %lu/%lu nobjs %u/%u",
                 a->n, b->n, (unsigned long)a->step, (unsigned long)b->step, (long)a->vtime,
                 (long)b->vtime, a->running, b->running, (unsigned long)a->out_len,
                 (unsigned long)b->out_len, a->nobjs, b->nobjs);
        return buf;
    }
    for (uint32_t i = 1; i <= a->nobjs; i++) {
        const TraceObjState *x = &a->objs[i], *y = &b->objs[i];
        if (memcmp(x, y, sizeof *x)) {
            snprintf(buf, n, "obj %u: live %d/%d status %d/%d reason %d/%d flags %d/%d line %u/%u wait %u/%u owner %u/%u value %u/%u since %u/%u count %ld/%ld",
                     i, x->live, y->live, x->status, y->status, x->reason, y->reason, x->flags, y->flags,
                     x->line, y->line, x->wait_obj, y->wait_obj, x->owner, y->owner, x->value, y->value,
                     x->since, y->since, (long)x->count, (long)y->count);
            return buf;
        }
        if (trace_state_chan_len(a, i) != trace_state_chan_len(b, i)) {
            snprintf(buf, n, "obj %u: list len %u/%u", i, trace_state_chan_len(a, i), trace_state_chan_len(b, i));
            return buf;
        }
    }
    return buf;
}

/* every state trace_state_at can produce equals a plain replay from event 0 */
static void test_state_random(void **state) {
    (void)state;
    const uint32_t N = 100000;
    Trace *t = trace_new(&(TraceOptions){.keyframe_interval = 256});
    trace_synth_random(t, 7, N);
    trace_finish(t);
    uint32_t n = trace_event_count(t);
    assert_true(n >= N);

    TraceState plain, at, jump;
    trace_state_init(&plain);
    trace_state_init(&at);
    trace_state_init(&jump);
    uint64_t rng = 99;
    TraceEvent e;
    for (uint32_t i = 0; i <= n; i++) {
        /* sequential: the fast path */
        trace_state_at(t, i, &at);
        char d[512];
        if (!trace_state_equal(&plain, &at))
            fail_msg("sequential state differs at n=%u: %s", i, state_diff(&plain, &at, d, sizeof d));
        /* a jump from elsewhere: keyframe restore + replay */
        if (i % 7 == 0) {
            trace_state_at(t, (uint32_t)(rng_next(&rng) % (n + 1)), &jump);
            trace_state_at(t, i, &jump);
            if (!trace_state_equal(&plain, &jump))
                fail_msg("state after a jump differs at n=%u: %s", i, state_diff(&plain, &jump, d, sizeof d));
        }
        if (i < n) {
            trace_event(t, i, &e);
            trace_state_apply(&plain, &e, i);
        }
    }
    /* and the live state recorded alongside is the final one */
    assert_true(trace_state_equal(&plain, trace_live(t)));
    /* backwards seeks */
    for (uint32_t i = n; i > 0; i -= 997) {
        trace_state_at(t, i, &jump);
        assert_int_equal(jump.n, i);
        if (i < 997) break;
    }
    trace_state_free(&plain);
    trace_state_free(&at);
    trace_state_free(&jump);
    trace_free(t);
}

/* the live state during recording equals trace_state_at at that moment */
static void test_live_matches(void **state) {
    (void)state;
    Trace *t = trace_new(&(TraceOptions){.keyframe_interval = 64});
    TraceObj g[6], ch, mu, v;
    g[0] = trace_new_goroutine(t, 0, 0, 1, "main.main", (Pos){1, 1});
    for (int k = 1; k < 6; k++) g[k] = trace_new_goroutine(t, 0, g[0], (uint32_t)k + 1, "main.f", (Pos){2, 1});
    ch = trace_new_object(t, 0, g[0], TRACE_OBJ_CHAN, "jobs", (Pos){3, 1});
    trace_obj_set_chan(t, ch, "int", 8);
    mu = trace_new_object(t, 0, g[0], TRACE_OBJ_RWMUTEX, "c.mu", (Pos){4, 1});
    v = trace_new_object(t, 0, g[0], TRACE_OBJ_VAR, "c.count", (Pos){5, 1});
    uint64_t rng = 5;
    TraceState st;
    trace_state_init(&st);
    for (int i = 0; i < 20000; i++) {
        uint64_t r = rng_next(&rng);
        TraceObj gg = g[r % 6];
        static const TraceEventKind ks[] = {TRACE_EV_GO_START, TRACE_EV_CHAN_SEND, TRACE_EV_CHAN_RECV,
                                            TRACE_EV_RLOCK, TRACE_EV_RUNLOCK, TRACE_EV_LOCK,
                                            TRACE_EV_UNLOCK, TRACE_EV_WRITE, TRACE_EV_GO_BLOCK,
                                            TRACE_EV_GO_UNBLOCK};
        TraceEventKind k = ks[(r >> 8) % 10];
        TraceObj o = k == TRACE_EV_CHAN_SEND || k == TRACE_EV_CHAN_RECV ? ch
                     : k == TRACE_EV_WRITE                              ? v
                     : k == TRACE_EV_GO_START                           ? 0
                     : k == TRACE_EV_GO_UNBLOCK                         ? g[(r >> 20) % 6]
                                                                        : mu;
        trace_emit(t, &(TraceEvent){.kind = k, .aux = k == TRACE_EV_GO_BLOCK ? TRACE_WAIT_CHAN_RECV : 0,
                                    .g = gg, .obj = o, .pos = {(int)(r >> 40) % 50 + 1, 1},
                                    .value = trace_intern_int(t, (int64_t)(r >> 50)),
                                    .step = (uint64_t)i, .vtime = i / 100});
        if (i % 97 == 0) {
            trace_state_at(t, trace_event_count(t), &st);
            assert_true(trace_state_equal(&st, trace_live(t)));
        }
    }
    trace_state_free(&st);
    trace_free(t);
}

/* ---- indexes and lanes ---------------------------------------------------------------- */

static void test_g_index_and_lanes(void **state) {
    (void)state;
    Trace *t = trace_new(&(TraceOptions){.keyframe_interval = 32});
    trace_synth_worker_pool(t, 17, 5);
    uint32_t n = trace_event_count(t);
    TraceState st;
    trace_state_init(&st);
    TraceEvent e;
    for (uint32_t k = 0; k < trace_goroutine_count(t); k++) {
        TraceObj g = trace_goroutine_at(t, k);
        /* per-goroutine index = brute-force scan */
        uint32_t c = 0;
        for (uint32_t i = 0; i < n; i++) {
            trace_event(t, i, &e);
            int mine = e.g == g || ((e.kind == TRACE_EV_GO_CREATE || e.kind == TRACE_EV_GO_UNBLOCK) && e.obj == g);
            if (!mine) continue;
            assert_true(c < trace_g_event_count(t, g));
            assert_int_equal(trace_g_event(t, g, c), i);
            c++;
        }
        assert_int_equal(c, trace_g_event_count(t, g));
        for (int64_t i = -1; i <= (int64_t)n; i++) {
            int64_t nx = trace_g_next(t, g, i), pv = trace_g_prev(t, g, i);
            int64_t bn = -1, bp = -1;
            for (uint32_t q = 0; q < c; q++) {
                int64_t ev = trace_g_event(t, g, q);
                if (ev > i && bn < 0) bn = ev;
                if (ev < i) bp = ev;
            }
            assert_int_equal(nx, bn);
            assert_int_equal(pv, bp);
        }
        /* every lane span agrees with the rebuilt state at both its ends */
        uint32_t ns = trace_lane_count(t, g);
        assert_true(ns >= 2);
        for (uint32_t s = 0; s < ns; s++) {
            TraceSpan sp;
            trace_lane_span(t, g, s, &sp);
            assert_true(sp.from < sp.to || (s + 1 == ns && sp.to == n));
            uint32_t probes[2] = {sp.from + 1, sp.to};
            for (int p = 0; p < 2; p++) {
                trace_state_at(t, probes[p], &st);
                assert_int_equal(st.objs[g].status, sp.status);
                assert_int_equal(st.objs[g].reason, sp.reason);
                assert_int_equal(st.objs[g].wait_obj, sp.wait_obj);
                assert_int_equal(trace_lane_find(t, g, probes[p]), s);
            }
        }
        assert_int_equal(trace_lane_find(t, g, 0), -1);
    }
    assert_int_equal(trace_lane_count(t, 0), 0);
    trace_state_free(&st);
    trace_free(t);
}

/* lanes of a random trace (odd status sequences included) agree with the
 * rebuilt state everywhere */
static void test_lanes_random(void **state) {
    (void)state;
    Trace *t = trace_new(NULL);
    trace_synth_random(t, 23, 20000);
    trace_finish(t);
    TraceState st;
    trace_state_init(&st);
    uint32_t n = trace_event_count(t);
    for (uint32_t i = 0; i <= n; i += 1 + i % 5) {
        trace_state_at(t, i, &st);
        for (uint32_t k = 0; k < trace_goroutine_count(t); k++) {
            TraceObj g = trace_goroutine_at(t, k);
            int64_t s = trace_lane_find(t, g, i);
            if (s < 0) {
                assert_int_equal(st.objs[g].status, TRACE_G_NONE);
                continue;
            }
            TraceSpan sp;
            trace_lane_span(t, g, (uint32_t)s, &sp);
            assert_true(sp.from < i && i <= sp.to);
            assert_int_equal(st.objs[g].status, sp.status);
            assert_int_equal(st.objs[g].reason, sp.reason);
            assert_int_equal(st.objs[g].wait_obj, sp.wait_obj);
        }
    }
    trace_state_free(&st);
    trace_free(t);
}

/* ---- synthetic scenarios ---------------------------------------------------------------- */

static void test_worker_pool(void **state) {
    (void)state;
    Trace *t = trace_new(NULL);
    trace_synth_worker_pool(t, 17, 5);
    uint32_t n = trace_event_count(t);
    TraceObj jobs = 0, results = 0, mu = 0, wg = 0;
    for (TraceObj o = 1; o <= trace_obj_count(t); o++) {
        const char *name = trace_str(t, trace_obj(t, o)->name, NULL);
        if (!strcmp(name, "jobs")) jobs = o;
        if (!strcmp(name, "results")) results = o;
        if (!strcmp(name, "mu")) mu = o;
        if (!strcmp(name, "wg")) wg = o;
    }
    assert_true(jobs && results && mu && wg);
    assert_int_equal(trace_obj(t, jobs)->cap, 5);
    assert_string_equal(trace_str(t, trace_obj(t, jobs)->elem, NULL), "main.Job");
    assert_int_equal(trace_goroutine_count(t), 6);
    assert_string_equal(trace_str(t, trace_obj(t, trace_goroutine_at(t, 1))->fn, NULL), "main.worker");

    /* every receive's flow is the send of the same value on the same channel */
    TraceEvent e, s;
    uint32_t flows = 0, recvs_with_value = 0;
    int max_buffered = 0;
    TraceState st;
    trace_state_init(&st);
    for (uint32_t i = 0; i < n; i++) {
        trace_event(t, i, &e);
        if (e.kind == TRACE_EV_CHAN_RECV && e.aux != TRACE_CH_CLOSED) {
            recvs_with_value++;
            assert_true(e.flow >= 0 && e.flow < (int64_t)i);
            trace_event(t, (uint32_t)e.flow, &s);
            assert_int_equal(s.kind, TRACE_EV_CHAN_SEND);
            assert_int_equal(s.obj, e.obj);
            assert_int_equal(s.value, e.value);
            assert_int_equal(e.arg, s.g);
            flows++;
        }
        trace_state_at(t, i + 1, &st);
        int len = (int)trace_state_chan_len(&st, jobs);
        if (len > max_buffered) {
            max_buffered = len;
            /* the buffer holds the jobs in order, oldest first */
            for (int k = 0; k < len; k++) {
                char want[64];
                snprintf(want, sizeof want, "{%d job-data-%d}", k + 1, k + 1);
                uint32_t sev = 0;
                assert_string_equal(trace_str(t, trace_state_chan_value(&st, jobs, (uint32_t)k, &sev), NULL), want);
                trace_event(t, sev, &s);
                assert_int_equal(s.kind, TRACE_EV_CHAN_SEND);
            }
        }
        /* a goroutine blocked on mu is in mu's waiter list */
        if (e.kind == TRACE_EV_GO_BLOCK && e.aux == TRACE_WAIT_MUTEX_LOCK) {
            TraceObj w[8];
            uint32_t nw = trace_state_waiters(&st, mu, w, 8);
            assert_true(nw >= 1);
            assert_int_equal(w[nw - 1], e.g);
        }
    }
    assert_int_equal(max_buffered, 5);
    assert_int_equal(flows, 10);
    assert_int_equal(recvs_with_value, 10);

    /* the final state: everyone done, channels closed and empty, wg 0, exit 0 */
    trace_state_at(t, n, &st);
    assert_true(st.ended);
    assert_int_equal(st.exit_code, 0);
    assert_int_equal(st.objs[wg].count, 0);
    assert_true(st.objs[jobs].flags & TRACE_SF_CLOSED);
    assert_true(st.objs[results].flags & TRACE_SF_CLOSED);
    assert_int_equal(st.objs[mu].owner, 0);
    for (uint32_t k = 1; k < trace_goroutine_count(t); k++)
        assert_int_equal(st.objs[trace_goroutine_at(t, k)].status, TRACE_G_DONE);
    assert_true(st.vtime >= 500000000); /* job 5 sleeps 500ms after 200ms */

    /* the output, as a set of lines, is what `go run` of the same source
     * printed (Go 1.19; the first three lines' order depends on the scheduler) */
    static const char *go_lines[] = {
        "Worker 1 processing job 1", "Worker 2 processing job 2",
        "Worker 3 processing job 3", "Worker 1 processing job 4",
        "processed-job-data-1-by-worker-1", "Worker 2 processing job 5",
        "processed-job-data-2-by-worker-2", "processed-job-data-3-by-worker-3",
        "processed-job-data-4-by-worker-1", "processed-job-data-5-by-worker-2", "done: 5"};
    uint64_t olen;
    const char *out = trace_output_text(t, &olen);
    char *copy = strndup(out, olen);
    int lines = 0;
    for (char *p = strtok(copy, "\n"); p; p = strtok(NULL, "\n")) {
        int found = 0;
        for (size_t k = 0; k < sizeof go_lines / sizeof go_lines[0]; k++) found |= !strcmp(p, go_lines[k]);
        if (!found) fail_msg("unexpected output line: %s", p);
        lines++;
    }
    assert_int_equal(lines, 11);
    free(copy);
    trace_state_free(&st);
    trace_free(t);
}

static void test_race_counter(void **state) {
    (void)state;
    /* over a few seeds at least one run loses an update, and every run's
     * printed total equals the last value stored in c.count */
    int lost = 0;
    for (uint64_t seed = 1; seed <= 5; seed++) {
        Trace *t = trace_new(NULL);
        trace_synth_race_counter(t, seed, 10, 100);
        const TraceState *st = trace_live(t);
        TraceObj c = 0;
        for (TraceObj o = 1; o <= trace_obj_count(t); o++)
            if (!strcmp(trace_str(t, trace_obj(t, o)->name, NULL), "c.count")) c = o;
        assert_true(c);
        uint64_t olen;
        const char *out = trace_output_text(t, &olen);
        char want[128];
        snprintf(want, sizeof want, "Unsafe counter - Expected: 1000, Actual: %s\n",
                 trace_str(t, st->objs[c].value, NULL));
        assert_int_equal(olen, strlen(want));
        assert_memory_equal(out, want, olen);
        lost += strcmp(trace_str(t, st->objs[c].value, NULL), "1000") != 0;
        assert_int_equal(trace_goroutine_count(t), 11);
        assert_true(st->ended);
        trace_free(t);
    }
    assert_true(lost >= 1);
}

static void test_deadlock(void **state) {
    (void)state;
    Trace *t = trace_new(NULL);
    trace_synth_deadlock(t, 1);
    const TraceState *st = trace_live(t);
    assert_true(st->deadlock);
    assert_true(st->ended);
    assert_int_equal(st->exit_code, 2);
    TraceObj g1 = trace_goroutine_by_goid(t, 1), g2 = trace_goroutine_by_goid(t, 2);
    assert_int_equal(st->objs[g1].status, TRACE_G_BLOCKED);
    assert_int_equal(st->objs[g1].reason, TRACE_WAIT_CHAN_RECV);
    assert_int_equal(st->objs[g2].status, TRACE_G_BLOCKED);
    assert_int_equal(st->objs[g2].reason, TRACE_WAIT_MUTEX_LOCK);
    TraceObj mu = st->objs[g2].wait_obj;
    assert_int_equal(st->objs[mu].owner, g1); /* the wait-for cycle: g2 -> mu -> g1 -> ch */
    assert_int_equal(trace_state_blocker(st, g2), g1);
    assert_int_equal(trace_state_blocker(st, g1), 0);
    assert_int_equal(trace_state_blocker(st, 0), 0);
    TraceObj w[4];
    assert_int_equal(trace_state_waiters(st, mu, w, 4), 1);
    assert_int_equal(w[0], g2);
    assert_int_equal(trace_state_waiters(st, st->objs[g1].wait_obj, w, 4), 1);
    assert_int_equal(w[0], g1);
    uint64_t olen;
    const char *out = trace_output_text(t, &olen);
    assert_non_null(strstr(out, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n"));
    assert_string_equal(trace_str(t, trace_func_at(t, 13), NULL), "main.main.func1");
    assert_string_equal(trace_str(t, trace_func_at(t, 18), NULL), "main.main");
    trace_free(t);
}

/* ---- exports ------------------------------------------------------------------------------ */

static void test_text_export(void **state) {
    (void)state;
    Trace *t = trace_new(NULL);
    trace_synth_worker_pool(t, 17, 5);
    size_t len;
    char *text = capture(t, 0, &len);
    /* golden lines (our format; stable across runs, compilers, platforms) */
    static const char *golden[] = {
        "# goro-viz trace 1\n# meta file=worker_pool.go\n# meta seed=17\n",
        "# obj 2 chan jobs elem=main.Job cap=5 @28:2\n",
        "#000000 s=0 t=0s - go.create g1 fn=main.main @26:1\n",
        "#000016 s=11 t=0s g1 go.block results reason=\"chan receive\" @47:11\n",
        "#000018 s=13 t=0s g5 chan.send jobs mode=buf value=\"{1 job-data-1}\" @39:4\n",
        "#000026 s=27 t=0s g2 chan.recv jobs mode=buf from=g5 flow=#000018 value=\"{1 job-data-1}\" @16:13\n",
        "#000027 s=28 t=0s g2 output \"Worker 1 processing job 1\\n\" @17:3\n",
        "#000028 s=29 t=0s g2 go.sleep until=100ms @18:3\n",
        "#000039 s=40 t=100ms - go.unblock g2\n",
        "#000041 s=42 t=100ms g2 lock mu @19:3\n",
        "#000045 s=47 t=100ms g2 chan.send results mode=sync to=g1 value=processed-job-data-1-by-worker-1 @22:3\n",
        "#000046 s=47 t=100ms g1 chan.recv results mode=sync from=g2 flow=#000045 value=processed-job-data-1-by-worker-1\n",
    };
    for (size_t k = 0; k < sizeof golden / sizeof golden[0]; k++)
        if (!strstr(text, golden[k])) fail_msg("missing golden line: %s", golden[k]);
    /* one line per event, after the header */
    size_t events = 0;
    for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
        events += p[0] == '#' && p[1] >= '0' && p[1] <= '9';
    assert_int_equal(events, trace_event_count(t));
    /* determinism: the same seed gives the same bytes, another seed differs */
    Trace *t2 = trace_new(NULL);
    trace_synth_worker_pool(t2, 17, 5);
    size_t len2;
    char *text2 = capture(t2, 0, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(text, text2, len);
    Trace *t3 = trace_new(NULL);
    trace_synth_race_counter(t3, 3, 10, 20);
    Trace *t4 = trace_new(NULL);
    trace_synth_race_counter(t4, 4, 10, 20);
    char *a = capture(t3, 0, NULL), *b = capture(t4, 0, NULL);
    assert_true(strcmp(a, b) != 0);
    assert_true(trace_hash(t) == trace_hash(t2));
    assert_true(trace_hash(t3) != trace_hash(t4));
    free(a);
    free(b);
    free(text);
    free(text2);
    trace_free(t);
    trace_free(t2);
    trace_free(t3);
    trace_free(t4);
}

static void test_chrome_export(void **state) {
    (void)state;
    for (int which = 0; which < 4; which++) {
        Trace *t = trace_new(NULL);
        if (which == 0) trace_synth_worker_pool(t, 17, 5);
        if (which == 1) trace_synth_race_counter(t, 2, 10, 10);
        if (which == 2) trace_synth_deadlock(t, 1);
        if (which == 3) {
            trace_synth_random(t, 3, 5000);
            /* hostile bytes in names, values and output */
            TraceObj g = trace_goroutine_at(t, 0);
            trace_new_object(t, 1u << 30, g, TRACE_OBJ_VAR, "we\"ird\\name\x01", (Pos){1, 1});
            static const char bad[] = "bad \xff\xfe utf8 \xe2\x82 end\n";
            trace_output(t, 1u << 30, g, (Pos){1, 1}, 1, bad, sizeof bad - 1);
            trace_emit(t, &(TraceEvent){.kind = TRACE_EV_PANIC, .g = g, .step = 1u << 30,
                                        .vtime = trace_live(t)->vtime,
                                        .value = trace_intern_cstr(t, "tab\there \"q\" \x7f")});
            trace_finish(t);
        }
        size_t len;
        char *js = capture(t, 1, &len);
        if (!json_valid(js, len)) fail_msg("invalid JSON for scenario %d", which);
        /* one flow start and one flow end per receive with a sender */
        uint32_t flows = 0;
        TraceEvent e;
        for (uint32_t i = 0; i < trace_event_count(t); i++) {
            trace_event(t, i, &e);
            flows += e.kind == TRACE_EV_CHAN_RECV && e.flow >= 0;
        }
        assert_int_equal(count_substr(js, "{\"ph\":\"s\""), flows);
        assert_int_equal(count_substr(js, "{\"ph\":\"f\""), flows);
        assert_int_equal(count_substr(js, "\"name\":\"thread_name\""), trace_goroutine_count(t) + 1);
        assert_int_equal(count_substr(js, "{\"ph\":\"i\""), trace_event_count(t));
        if (which == 0) assert_true(flows == 10);
        free(js);
        trace_free(t);
    }
    /* the validator itself rejects broken documents */
    assert_false(json_valid("{\"a\":[1,2,}", 11));
    assert_false(json_valid("{\"a\":\"\x01\"}", 9));
    assert_true(json_valid("{\"a\":[1,-2.5e3,\"x\\u00e9\",true,null]}", 36));
}

/* The synthetic runs are pinned: any change in what they record (or in how
 * a compiler or optimisation level evaluates them) shows here. Values were
 * produced by this code under gcc -O0 and clang -O2 alike; update them only
 * with a deliberate change to the synth scenarios or the trace encoding. */
static void test_pinned_hashes(void **state) {
    (void)state;
    Trace *t = trace_new(NULL);
    trace_synth_race_counter(t, 17, 10, 100);
    assert_int_equal(trace_event_count(t), 2341);
    assert_true(trace_hash(t) == 0x06c0adfd474dff9cull);
    trace_free(t);
    t = trace_new(NULL);
    trace_synth_worker_pool(t, 17, 5);
    assert_int_equal(trace_event_count(t), 125);
    assert_true(trace_hash(t) == 0x3302e0e697fc37a5ull);
    trace_free(t);
    t = trace_new(NULL);
    trace_synth_deadlock(t, 1);
    assert_int_equal(trace_event_count(t), 13);
    assert_true(trace_hash(t) == 0xd0efe224ce385f15ull);
    trace_free(t);
    t = trace_new(NULL);
    trace_synth_random(t, 5, 50000);
    assert_true(trace_hash(t) == 0x71887cdad28620a4ull);
    trace_free(t);
}

/* ---- budgets -------------------------------------------------------------------------------- */

static void test_memory_budget(void **state) {
    (void)state;
    const uint32_t N = 300000;
    Trace *t = trace_new(NULL);
    trace_synth_random(t, 11, N);
    trace_finish(t);
    TraceStats s;
    trace_stats(t, &s);
    double rec = (double)s.event_bytes / s.events;
    double total = (double)s.total_bytes / s.events;
    print_message("events %u: records %.1f B/event, all %.1f B/event, %u keyframes\n", s.events,
                  rec, total, s.keyframes);
    /* records: 32 B each, plus chunk slack (at most one 64K chunk) */
    assert_true(s.event_bytes <= 32.0 * s.events + 32.0 * 65536 + 8 * 1024 * 64);
    assert_true(total <= 64.0);
    /* keyframes are spaced by at most max(K, snapshot/8) events */
    assert_true(s.keyframes >= s.events / 2048);
    trace_free(t);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_intern),
        cmocka_unit_test(test_duration),
        cmocka_unit_test(test_roundtrip),
        cmocka_unit_test(test_state_random),
        cmocka_unit_test(test_live_matches),
        cmocka_unit_test(test_g_index_and_lanes),
        cmocka_unit_test(test_lanes_random),
        cmocka_unit_test(test_worker_pool),
        cmocka_unit_test(test_race_counter),
        cmocka_unit_test(test_deadlock),
        cmocka_unit_test(test_text_export),
        cmocka_unit_test(test_chrome_export),
        cmocka_unit_test(test_pinned_hashes),
        cmocka_unit_test(test_memory_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
