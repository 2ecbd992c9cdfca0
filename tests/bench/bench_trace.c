/* bench_trace: recording speed, bytes per event and seek time of the trace
 * store on a 1,000,000-event trace. Prints one `name value unit` line per
 * figure. Usage: bench_trace [EVENTS] [SEEKS] [pingpong] (only the
 * recording figures). Times are thread CPU time
 * (BENCH_WALL=1: wall clock); a benchmark, not part of sim/. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "trace.h"

/* CPU time of this thread: on a shared machine, time spent descheduled
 * would otherwise dominate the figures (set BENCH_WALL=1 for wall time) */
static double now_s(void) {
    static int wall = -1;
    if (wall < 0) wall = getenv("BENCH_WALL") != NULL;
    struct timespec ts;
    clock_gettime(wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t rng_next(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* hot: what a racy counter program records: loads and stores of a shared
 * variable, a context switch now and then, a buffered channel hand-off */
static Trace *record_hot(uint32_t n, double *secs) {
    Trace *t = trace_new(NULL);
    double t0 = now_s();
    TraceObj g[8];
    g[0] = trace_new_goroutine(t, 0, 0, 1, "main.main", (Pos){16, 1});
    for (int k = 1; k < 8; k++) g[k] = trace_new_goroutine(t, 1, g[0], (uint32_t)k + 1, "main.main.func1", (Pos){21, 3});
    TraceObj v = trace_new_object(t, 2, g[0], TRACE_OBJ_VAR, "c.count", (Pos){17, 2});
    TraceObj ch = trace_new_object(t, 2, g[0], TRACE_OBJ_CHAN, "jobs", (Pos){18, 2});
    trace_obj_set_chan(t, ch, "int", 4);
    uint64_t rng = 1, step = 3;
    int64_t count = 0;
    int cur = 0, buffered = 0;
    while (trace_event_count(t) < n) {
        uint64_t r = rng_next(&rng);
        step++;
        if ((r & 15) == 0) {
            cur = (int)((r >> 8) & 7);
            trace_emit(t, &(TraceEvent){.kind = TRACE_EV_GO_START, .g = g[cur], .step = step});
        } else if ((r & 15) == 1) {
            int send = buffered == 0 || (buffered < 4 && (r & 32));
            trace_emit(t, &(TraceEvent){.kind = send ? TRACE_EV_CHAN_SEND : TRACE_EV_CHAN_RECV,
                                        .aux = TRACE_CH_BUF, .g = g[cur], .obj = ch, .pos = {40, 4},
                                        .value = trace_intern_int(t, (int64_t)(r >> 40) % 100),
                                        .step = step});
            buffered += send ? 1 : -1;
        } else {
            int wr = (int)(r & 16);
            if (wr) count++;
            trace_emit(t, &(TraceEvent){.kind = wr ? TRACE_EV_WRITE : TRACE_EV_READ, .g = g[cur],
                                        .obj = v, .pos = {13, 2},
                                        .value = trace_intern_int(t, count), .step = step});
        }
    }
    trace_finish(t);
    *secs = now_s() - t0;
    return t;
}

/* emit: what sched_emit does (the event built in place, step and vtime
 * filled in, handed over by pointer) */
static inline void emit(Trace *t, uint64_t step, TraceEvent ev) {
    ev.step = step;
    ev.vtime = 0;
    trace_emit(t, &ev);
}

/* record_pingpong: the 10 events of one round trip of
 * tests/bench/go/pingpong.go (unbuffered ping, pong), [rts] times, as the
 * scheduler emits them: the per-event cost of the trace alone */
static Trace *record_pingpong(uint32_t rts, double *secs) {
    Trace *t = trace_new(NULL);
    double t0 = now_s();
    TraceObj g1 = trace_new_goroutine(t, 0, 0, 1, "main.main", (Pos){0, 0});
    emit(t, 0, (TraceEvent){.kind = TRACE_EV_GO_START, .g = g1});
    TraceObj ping = trace_new_object(t, 0, g1, TRACE_OBJ_CHAN, "ping", (Pos){10, 0});
    trace_obj_set_chan(t, ping, "int", 0);
    TraceObj pong = trace_new_object(t, 0, g1, TRACE_OBJ_CHAN, "pong", (Pos){11, 0});
    trace_obj_set_chan(t, pong, "int", 0);
    TraceObj g2 = trace_new_goroutine(t, 1, g1, 2, "main.main.func1", (Pos){12, 0});
    emit(t, 1, (TraceEvent){.kind = TRACE_EV_GO_START, .g = g2, .pos = {13, 0}});
    emit(t, 1, (TraceEvent){.kind = TRACE_EV_GO_BLOCK, .aux = TRACE_WAIT_CHAN_RECV, .g = g2, .obj = ping, .pos = {13, 0}});
    uint64_t step = 4;
    for (uint32_t x = 0; x < rts; x++) {
        emit(t, step, (TraceEvent){.kind = TRACE_EV_GO_START, .g = g1, .pos = {x ? 21 : 12, 0}});
        emit(t, step, (TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_SYNC, .g = g1, .obj = ping,
                                   .pos = {20, 0}, .value = trace_intern_int(t, x), .arg = 2});
        emit(t, step, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_SYNC, .g = g2, .obj = ping,
                                   .pos = {13, 0}, .value = trace_intern_int(t, x), .arg = 1});
        emit(t, step, (TraceEvent){.kind = TRACE_EV_GO_UNBLOCK, .g = g1, .obj = g2, .pos = {20, 0}});
        emit(t, step, (TraceEvent){.kind = TRACE_EV_GO_BLOCK, .aux = TRACE_WAIT_CHAN_RECV, .g = g1, .obj = pong,
                                   .pos = {21, 0}});
        step += 5;
        emit(t, step, (TraceEvent){.kind = TRACE_EV_GO_START, .g = g2, .pos = {13, 0}});
        emit(t, step, (TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_SYNC, .g = g2, .obj = pong,
                                   .pos = {14, 0}, .value = trace_intern_int(t, x + 1), .arg = 1});
        emit(t, step, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_SYNC, .g = g1, .obj = pong,
                                   .pos = {21, 0}, .value = trace_intern_int(t, x + 1), .arg = 2});
        emit(t, step, (TraceEvent){.kind = TRACE_EV_GO_UNBLOCK, .g = g2, .obj = g1, .pos = {14, 0}});
        emit(t, step, (TraceEvent){.kind = TRACE_EV_GO_BLOCK, .aux = TRACE_WAIT_CHAN_RECV, .g = g2, .obj = ping,
                                   .pos = {13, 0}});
        step += 4;
    }
    trace_finish(t);
    *secs = now_s() - t0;
    return t;
}

int main(int argc, char **argv) {
    uint32_t n = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 1000000;
    int seeks = argc > 2 ? atoi(argv[2]) : 2001;
    double secs;

    int only_pp = argc > 3 && !strcmp(argv[3], "pingpong");
    Trace *t;
    TraceStats s;

    /* 1. recording, hot path */
    if (!only_pp) {
        t = record_hot(n, &secs);
        trace_stats(t, &s);
        printf("record_hot_events %u events\n", s.events);
        printf("record_hot_rate %.2f Mevents/s\n", s.events / secs / 1e6);
        printf("record_bytes_per_event %.2f B (records + big args, allocated)\n", (double)s.event_bytes / s.events);
        printf("trace_bytes_per_event %.2f B (everything: records, indexes, keyframes, strings, live state)\n",
               (double)s.total_bytes / s.events);
        printf("keyframes %u (every %.0f events, %.2f B/event)\n", s.keyframes,
               (double)s.events / (s.keyframes ? s.keyframes : 1), (double)s.keyframe_bytes / s.events);
        trace_free(t);
    }

    /* 1b. recording, a channel ping-pong (10 events a round trip) */
    t = record_pingpong(n / 10, &secs);
    trace_stats(t, &s);
    printf("record_pingpong_cost %.1f ns/event\n", secs / s.events * 1e9);
    printf("pingpong_trace_bytes_per_event %.2f B\n", (double)s.total_bytes / s.events);
    double b0 = now_s();
    (void)trace_g_event_count(t, trace_goroutine_at(t, 0));
    printf("pingpong_index_build %.1f ns/event\n", (now_s() - b0) / s.events * 1e9);
    trace_free(t);
    if (only_pp) return 0;

    /* 2. recording, the random mix (includes the generator's own work) */
    t = trace_new(NULL);
    double t0 = now_s();
    trace_synth_random(t, 42, n);
    trace_finish(t);
    secs = now_s() - t0;
    trace_stats(t, &s);
    printf("record_mix_rate %.2f Mevents/s (random mix of all kinds, generator included)\n",
           s.events / secs / 1e6);
    printf("mix_trace_bytes_per_event %.2f B\n", (double)s.total_bytes / s.events);

    /* 3. seeks at random indices; each far from the previous one, so every
     * seek restores a keyframe and replays */
    TraceState st;
    trace_state_init(&st);
    double *dt = malloc(sizeof *dt * (size_t)seeks);
    uint64_t rng = 7;
    for (int i = 0; i < seeks; i++) {
        uint32_t at = (uint32_t)(rng_next(&rng) % (s.events + 1));
        double a = now_s();
        trace_state_at(t, at, &st);
        dt[i] = now_s() - a;
    }
    qsort(dt, (size_t)seeks, sizeof *dt, cmp_double);
    printf("seek_median %.1f us\n", dt[seeks / 2] * 1e6);
    printf("seek_p99 %.1f us\n", dt[seeks * 99 / 100] * 1e6);
    printf("seek_max %.1f us\n", dt[seeks - 1] * 1e6);

    /* 4. playing forward one event at a time */
    t0 = now_s();
    uint32_t steps = s.events < 200000 ? s.events : 200000;
    for (uint32_t i = 0; i <= steps; i++) trace_state_at(t, i, &st);
    printf("step_forward %.1f ns/event\n", (now_s() - t0) / steps * 1e9);

    /* 5. text export */
    FILE *devnull = fopen("/dev/null", "w");
    t0 = now_s();
    trace_write_text(t, devnull);
    printf("text_export %.2f Mevents/s\n", s.events / (now_s() - t0) / 1e6);
    t0 = now_s();
    trace_write_chrome(t, devnull);
    printf("chrome_export %.2f Mevents/s\n", s.events / (now_s() - t0) / 1e6);
    fclose(devnull);

    free(dt);
    trace_state_free(&st);
    trace_free(t);
    return 0;
}
