/* test_viz_perf: frame time of the viewer with the software renderer at
 * 1280x800 for 10, 100 and 1,000 goroutines, and with 1,000,000 events
 * (scrubbing and zooming). Prints the figures; fails only when a frame is
 * far from fluid (budgets are generous so slow CI machines pass).
 * GORO_VIZ_BENCH=1 prints more repetitions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model_trace.h"
#include "render.h"

static uint64_t rng;
static uint32_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)rng;
}

/* A well-formed trace: [ng] goroutines, 8 buffered channels, a mutex, a
 * wait group; goroutines take turns sending, receiving, locking, sleeping. */
static Trace *make_trace(int ng, uint32_t nevents) {
    Trace *t = trace_new(NULL);
    rng = 88172645463325252ull;
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
    for (int i = 1; i < ng; i++) g[i] = trace_new_goroutine(t, step++, g[0], (uint32_t)i + 1, "main.worker", p);
    int *len = calloc(8, sizeof(int));
    TraceObj owner = 0;
    int64_t now = 0;
    while (trace_event_count(t) < nevents) {
        int k = (int)(next() % (uint32_t)ng);
        TraceEvent e;
        memset(&e, 0, sizeof e);
        e.g = g[k];
        e.step = step++;
        e.vtime = now;
        e.pos.line = 10 + (int)(next() % 20);
        e.kind = TRACE_EV_GO_START;
        trace_emit(t, &e);
        int c = (int)(next() % 8);
        uint32_t r = next() % 6;
        e.step = step++;
        e.obj = ch[c];
        if (r == 0 && len[c] < 4) {
            e.kind = TRACE_EV_CHAN_SEND;
            e.aux = TRACE_CH_BUF;
            e.value = trace_intern_int(t, (int64_t)(next() % 100));
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
    free(len);
    return t;
}

typedef struct Bench {
    SDL_Surface *surf;
    SDL_Renderer *ren;
    Draw *d;
    RenderFonts f;
    ModelTrace mt;
    Model m;
    Scene s;
    SceneView v;
    TimelineCache tc;
} Bench;

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Mean ms per frame over [frames] frames stepping through the run. */
static double run_frames(Bench *b, int frames, int scrub) {
    double t0 = now_ms();
    for (int i = 0; i < frames; i++) {
        int step = scrub ? (int)((long long)b->mt.run.nsteps * i / frames) : (b->mt.run.nsteps / 2 + i);
        mtrace_at(&b->mt, step, &b->m);
        b->v.anim = (float)(i % 4) / 4.0f;
        scene_build(&b->s, &b->mt.run, &b->m, &b->v);
        render_frame(b->d, &b->f, theme_get("dark"), &b->mt.run, &b->m, &b->s, &b->v, NULL, &b->tc);
    }
    return (now_ms() - t0) / frames;
}

static double bench(int ng, uint32_t nev, int scrub, double *build_ms) {
    Bench *b = calloc(1, sizeof *b);
    double t0 = now_ms();
    Trace *t = make_trace(ng, nev);
    mtrace_open(&b->mt, t, NULL, "bench.go", 1, "random");
    *build_ms = now_ms() - t0;
    b->surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 800, 32, SDL_PIXELFORMAT_ARGB8888);
    b->ren = SDL_CreateSoftwareRenderer(b->surf);
    b->d = draw_new(b->ren);
    assert_int_equal(render_fonts_open(&b->f, b->d, 1), 0);
    model_alloc(&b->m, &b->mt.run);
    b->v.width = 1280;
    b->v.height = 800;
    b->v.scale = 1;
    b->v.selected_g = b->v.selected_obj = -1;
    render_view_metrics(&b->v, &b->f);
    run_frames(b, 3, scrub); /* warm the glyph atlas and caches */
    int reps = getenv("GORO_VIZ_BENCH") ? 60 : 20;
    double ms = run_frames(b, reps, scrub);
    const char *dir = getenv("GORO_VIZ_TEST_PNG");
    if (dir) {
        char path[512];
        snprintf(path, sizeof path, "%s/perf_%d_%u.png", dir, ng, nev);
        SDL_SaveBMP(b->surf, path);
    }
    render_fonts_close(&b->f);
    timeline_cache_free(&b->tc);
    scene_free(&b->s);
    model_free(&b->m);
    mtrace_close(&b->mt);
    draw_free(b->d);
    SDL_DestroyRenderer(b->ren);
    SDL_FreeSurface(b->surf);
    free(b);
    return ms;
}

static void test_goroutine_counts(void **state) {
    (void)state;
    int counts[3] = {10, 100, 1000};
    for (int i = 0; i < 3; i++) {
        double build;
        double ms = bench(counts[i], 20000, 0, &build);
        print_message("viz frame, %4d goroutines, 20k events, 1280x800 software: %6.2f ms/frame (trace+model %.0f ms)\n", counts[i], ms, build);
        assert_true(ms < 250);
    }
}

static void test_million_events(void **state) {
    (void)state;
    double build;
    double ms = bench(100, 1000000, 1, &build);
    print_message("viz frame, 100 goroutines, 1M events, scrubbing: %6.2f ms/frame (trace+model %.0f ms)\n", ms, build);
    assert_true(ms < 250);
}

int main(void) {
    if (text_init() != 0) return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_goroutine_counts),
        cmocka_unit_test(test_million_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
