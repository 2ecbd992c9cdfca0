/* test_viz_perf: a smoke test of the viewer's speed with the software
 * renderer at 1280x800 for 10, 100 and 1,000 goroutines, and with 1,000,000
 * events (scrubbing). Fails only when a frame is far from fluid (budgets are
 * generous so slow CI machines pass); the figures for the README come from
 * tests/bench/bench_viz (a Release build), on the same synthetic runs.
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

#include "bench/bench_viz_trace.h"
#include "model_trace.h"
#include "render.h"

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
    Trace *t = bvt_trace(ng, nev);
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
