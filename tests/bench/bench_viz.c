/* bench_viz: the viewer's figures for issue 5: frame time (scene + software
 * render at 1280x800) at 10, 100 and 1,000 goroutines, seek to a random step
 * of a 1,000,000-event trace, and viewer memory per trace event. Not a test:
 * run it from a Release build (-DGORO_BENCH=ON) and read what it prints.
 *   bench_viz [frames] [G]    (default 200 frames per figure; G: only the
 *                             frame figure at G goroutines, for profiling)
 * GORO_VIZ_BENCH_PNG=DIR saves the last frame of each size as a BMP. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mem.h"
#include "model_trace.h"
#include "render.h"
#include "bench_viz_trace.h"
#include "text.h"

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
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

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Frame times over [frames] frames playing forward from the middle of the
 * run (each event animated over 4 frames): mean and median into out. */
static void frames(Bench *b, int n, double *mean, double *median, double *p95) {
    double *ts = calloc((size_t)n, sizeof *ts), sum = 0;
    int step = b->mt.run.nsteps / 2;
    for (int i = 0; i < n; i++) {
        double t0 = now_ms();
        if (i % 4 == 0) mtrace_at(&b->mt, step++, &b->m);
        b->v.anim = (float)(i % 4 + 1) / 4.0f;
        scene_build(&b->s, &b->mt.run, &b->m, &b->v);
        render_frame(b->d, &b->f, theme_get("dark"), &b->mt.run, &b->m, &b->s, &b->v, NULL, &b->tc);
        ts[i] = now_ms() - t0;
        sum += ts[i];
    }
    qsort(ts, (size_t)n, sizeof *ts, cmp_d);
    *mean = sum / n;
    *median = ts[n / 2];
    *p95 = ts[(int)(n * 0.95)];
    free(ts);
}

static Bench *bench_open(Trace *t) {
    Bench *b = calloc(1, sizeof *b);
    mtrace_open(&b->mt, t, NULL, "bench.go", 1, "random");
    b->surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 800, 32, SDL_PIXELFORMAT_ARGB8888);
    b->ren = SDL_CreateSoftwareRenderer(b->surf);
    b->d = draw_new(b->ren);
    if (render_fonts_open(&b->f, b->d, 1) != 0) {
        fprintf(stderr, "bench_viz: fonts: %s\n", SDL_GetError());
        exit(1);
    }
    model_alloc(&b->m, &b->mt.run);
    b->v.width = 1280;
    b->v.height = 800;
    b->v.scale = 1;
    b->v.selected_g = b->v.selected_obj = -1;
    render_view_metrics(&b->v, &b->f);
    return b;
}

static void bench_close(Bench *b) {
    render_fonts_close(&b->f);
    timeline_cache_free(&b->tc);
    scene_free(&b->s);
    model_free(&b->m);
    mtrace_close(&b->mt);
    draw_free(b->d);
    SDL_DestroyRenderer(b->ren);
    SDL_FreeSurface(b->surf);
    free(b);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 200;
    if (n < 8) n = 8;
    if (text_init() != 0) return 1;
    printf("viewer frame (scene_build + render_frame), 1280x800, SDL software renderer, %d frames each\n", n);
    int counts[3] = {10, 100, 1000};
    int only = argc > 2 ? atoi(argv[2]) : 0;
    for (int i = 0; i < 3; i++) {
        if (only && counts[i] != only) continue;
        Bench *b = bench_open(bvt_trace(counts[i], 20000));
        double mean, med, p95;
        frames(b, 8, &mean, &med, &p95); /* warm the glyph atlas and caches */
        frames(b, n, &mean, &med, &p95);
        printf("  %4d goroutines, 20k events: mean %6.2f ms  median %6.2f ms  p95 %6.2f ms\n", counts[i], mean, med, p95);
        const char *dir = getenv("GORO_VIZ_BENCH_PNG");
        if (dir) {
            char path[512];
            snprintf(path, sizeof path, "%s/bench_viz_%d.bmp", dir, counts[i]);
            SDL_SaveBMP(b->surf, path);
        }
        bench_close(b);
    }
    if (only) return 0;
    /* 1,000,000 events: seek and memory */
    size_t m0 = mem_live_bytes();
    Trace *t = bvt_trace(100, 1000000);
    size_t m1 = mem_live_bytes();
    TraceStats ts;
    trace_stats(t, &ts);
    Bench *b = bench_open(t);
    size_t m2 = mem_live_bytes();
    uint32_t nev = trace_event_count(t);
    bvt_rng = 12345;
    int seeks = 2000;
    double *lat = calloc((size_t)seeks, sizeof *lat), t0 = now_ms();
    mtrace_at(&b->mt, (int)(bvt_next() % nev), &b->m); /* the first builds the state's arrays */
    for (int i = 0; i < seeks; i++) {
        double s0 = now_ms();
        mtrace_at(&b->mt, (int)(bvt_next() % nev), &b->m);
        lat[i] = now_ms() - s0;
    }
    double seek = (now_ms() - t0) / seeks;
    qsort(lat, (size_t)seeks, sizeof *lat, cmp_d);
    double p99 = lat[seeks * 99 / 100], worst = lat[seeks - 1];
    free(lat);
    t0 = now_ms();
    for (int i = 0; i < seeks; i++) {
        TraceState *st = &b->mt.st;
        trace_state_at(t, bvt_next() % nev + 1, st);
    }
    double raw = (now_ms() - t0) / seeks;
    double mean, med, p95;
    frames(b, 8, &mean, &med, &p95);
    frames(b, n, &mean, &med, &p95);
    size_t m3 = mem_live_bytes();
    printf("1,000,000-event trace (100 goroutines):\n");
    printf("  seek to a random step (the model at the step): %.1f us mean, p99 %.1f us, worst %.1f us; trace_state_at alone %.1f us\n", seek * 1e3,
           p99 * 1e3, worst * 1e3, raw * 1e3);
    printf("  frame while playing: mean %6.2f ms  median %6.2f ms  p95 %6.2f ms\n", mean, med, p95);
    printf("  memory: trace %.1f B/event (events %.1f, keyframes %.1f, index %.1f), viewer model %.1f B/event, with fonts+caches %.1f B/event\n",
           (double)(m1 - m0) / nev, (double)ts.event_bytes / nev, (double)ts.keyframe_bytes / nev, (double)ts.index_bytes / nev,
           (double)(m2 - m1) / nev, (double)(m3 - m1) / nev);
    printf("  total viewer + trace: %.1f B/event\n", (double)(m3 - m0) / nev);
    bench_close(b);
    return 0;
}
