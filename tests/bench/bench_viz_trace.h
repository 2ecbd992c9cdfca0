/* bench_viz_trace: a synthetic, well-formed run of any size for the
 * viewer's benchmark (bench_viz.c) and its smoke test (test_viz_perf.c):
 * [ng] goroutines, 8 buffered channels, a mutex and a shared variable;
 * goroutines take turns sending, receiving, locking, loading and storing,
 * blocking and waking. Deterministic (a fixed xorshift seed). */
#ifndef BENCH_VIZ_TRACE_H
#define BENCH_VIZ_TRACE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace.h"

static uint64_t bvt_rng;
static uint32_t bvt_next(void) {
    bvt_rng ^= bvt_rng << 13;
    bvt_rng ^= bvt_rng >> 7;
    bvt_rng ^= bvt_rng << 17;
    return (uint32_t)bvt_rng;
}


/* bvt_trace: the run of [ng] goroutines and [nevents] events (finished). */
static Trace *bvt_trace(int ng, uint32_t nevents) {
    Trace *t = trace_new(NULL);
    bvt_rng = 88172645463325252ull;
    uint64_t step = 0;
    Pos p = {10, 2};
    TraceObj *g = calloc((size_t)ng, sizeof *g);
    g[0] = trace_new_goroutine(t, step++, 0, 1, "main.main", p);
    TraceObj ch[8];
    char name[16];
    for (int i = 0; i < 8; i++) {
        snprintf(name, sizeof name, "ch%d", i);
        ch[i] = trace_new_object(t, step++, g[0], TRACE_OBJ_CHAN, name, p);
        trace_obj_set_chan(t, ch[i], "int", 4);
    }
    TraceObj mu = trace_new_object(t, step++, g[0], TRACE_OBJ_MUTEX, "mu", p);
    TraceObj var = trace_new_object(t, step++, g[0], TRACE_OBJ_VAR, "c.count", p);
    for (int i = 1; i < ng; i++) g[i] = trace_new_goroutine(t, step++, g[0], (uint32_t)i + 1, "main.worker", p);
    int len[8] = {0};
    TraceObj owner = 0;
    int64_t now = 0, count = 0;
    while (trace_event_count(t) < nevents) {
        int k = (int)(bvt_next() % (uint32_t)ng);
        TraceEvent e;
        memset(&e, 0, sizeof e);
        e.g = g[k];
        e.step = step++;
        e.vtime = now;
        e.pos.line = 10 + (int)(bvt_next() % 20);
        e.kind = TRACE_EV_GO_START;
        trace_emit(t, &e);
        int c = (int)(bvt_next() % 8);
        uint32_t r = bvt_next() % 8;
        e.step = step++;
        e.obj = ch[c];
        if (r == 0 && len[c] < 4) {
            e.kind = TRACE_EV_CHAN_SEND;
            e.aux = TRACE_CH_BUF;
            e.value = trace_intern_int(t, (int64_t)(bvt_next() % 100));
            len[c]++;
        } else if (r == 1 && len[c] > 0) {
            e.kind = TRACE_EV_CHAN_RECV;
            e.aux = TRACE_CH_BUF;
            len[c]--;
        } else if (r == 2 && !owner) {
            e.kind = TRACE_EV_LOCK;
            e.obj = mu;
            owner = g[k];
        } else if (r == 3 && owner == g[k]) {
            e.kind = TRACE_EV_UNLOCK;
            e.obj = mu;
            owner = 0;
        } else if (r == 4) {
            e.kind = TRACE_EV_READ;
            e.obj = var;
            e.value = trace_intern_int(t, count);
        } else if (r == 5) {
            e.kind = TRACE_EV_WRITE;
            e.obj = var;
            e.value = trace_intern_int(t, ++count);
        } else {
            e.kind = TRACE_EV_GO_BLOCK;
            e.aux = TRACE_WAIT_CHAN_RECV;
            trace_emit(t, &e);
            e.step = step++;
            e.kind = TRACE_EV_GO_UNBLOCK;
            e.obj = g[k];
            e.g = 0;
            now += 1000;
            e.vtime = now;
        }
        trace_emit(t, &e);
    }
    trace_finish(t);
    free(g);
    return t;
}

#endif
