/* test_viz_headless: `render` without a display: PNG written at the asked
 * size, same inputs give the same bytes, frames numbered, bad specs refused;
 * the window refuses cleanly without a display; options parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "mem.h"

static char dir[64];

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/goro_viz_headless_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static VizOptions opts(const char *demo, const char *at, const char *out) {
    VizOptions o;
    viz_options_init(&o);
    o.demo = demo;
    o.at = at;
    o.out = out;
    o.run.seed = 5;
    return o;
}

static long file_bytes(const char *path, char **data) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    *data = malloc((size_t)n);
    if (fread(*data, 1, (size_t)n, f) != (size_t)n) n = -1;
    fclose(f);
    return n;
}

static void test_png_size_and_determinism(void **state) {
    (void)state;
    char a[128], b[128];
    snprintf(a, sizeof a, "%s/a.png", dir);
    snprintf(b, sizeof b, "%s/b.png", dir);
    VizOptions o = opts("worker_pool", "50%", a);
    o.width = 1280;
    o.height = 800;
    assert_int_equal(viz_render_png(&o), 0);
    o.out = b;
    assert_int_equal(viz_render_png(&o), 0);
    SDL_Surface *s = IMG_Load(a);
    assert_non_null(s);
    assert_int_equal(s->w, 1280);
    assert_int_equal(s->h, 800);
    SDL_FreeSurface(s);
    char *da = NULL, *db = NULL;
    long na = file_bytes(a, &da), nb = file_bytes(b, &db);
    assert_true(na > 1000);
    assert_int_equal(na, nb);
    assert_memory_equal(da, db, (size_t)na);
    free(da);
    free(db);
    /* another seed draws another run */
    o.run.seed = 6;
    assert_int_equal(viz_render_png(&o), 0);
    long nc = file_bytes(b, &db);
    file_bytes(a, &da);
    assert_true(nc != na || memcmp(da, db, (size_t)na) != 0);
    free(da);
    free(db);
}

static void test_hidpi_and_light(void **state) {
    (void)state;
    char a[128];
    snprintf(a, sizeof a, "%s/hi.png", dir);
    VizOptions o = opts("deadlock", "end", a);
    o.width = 800;
    o.height = 500;
    o.scale = 2;
    o.theme = "light";
    assert_int_equal(viz_render_png(&o), 0);
    SDL_Surface *s = IMG_Load(a);
    assert_non_null(s);
    assert_int_equal(s->w, 1600);
    assert_int_equal(s->h, 1000);
    /* light theme: the top-left corner of the stage area is near-white */
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    uint32_t px = ((uint32_t *)c->pixels)[200 * (c->pitch / 4) + 4];
    assert_true(((px >> 16) & 255) > 200 && ((px >> 8) & 255) > 200 && (px & 255) > 200);
    SDL_FreeSurface(c);
    SDL_FreeSurface(s);
}

static void test_frames(void **state) {
    (void)state;
    char out[128];
    snprintf(out, sizeof out, "%s/frames", dir);
    VizOptions o = opts("race_counter", NULL, out);
    o.frames = "3..5";
    o.fps = 8;
    o.speed = 4; /* 2 frames per event */
    o.width = 640;
    o.height = 400;
    assert_int_equal(viz_render_png(&o), 0);
    DIR *d = opendir(out);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strncmp(e->d_name, "frame_", 6) == 0) n++;
    closedir(d);
    assert_int_equal(n, 6);
}

static void test_errors(void **state) {
    (void)state;
    char a[128];
    snprintf(a, sizeof a, "%s/x.png", dir);
    VizOptions o = opts("worker_pool", "soon", a);
    assert_int_equal(viz_render_png(&o), 64);
    o = opts("worker_pool", "end", NULL);
    assert_int_equal(viz_render_png(&o), 64);
    o = opts("nope", "end", a);
    assert_int_equal(viz_render_png(&o), 1);
    o = opts(NULL, "end", a);
    o.file = "/nonexistent/prog.go";
    assert_int_equal(viz_render_png(&o), 1);
    o = opts("worker_pool", "end", "/nonexistent/dir/x.png");
    assert_int_equal(viz_render_png(&o), 73);
    o = opts("worker_pool", NULL, a);
    o.frames = "9..3";
    assert_int_equal(viz_render_png(&o), 64);
}

static void test_no_display(void **state) {
    (void)state;
    char *saved = getenv("DISPLAY") ? strdup(getenv("DISPLAY")) : NULL;
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    unsetenv("SDL_VIDEODRIVER");
    VizOptions o = opts("worker_pool", NULL, NULL);
    assert_int_equal(viz_app_run(&o), 1);
    if (saved) {
        setenv("DISPLAY", saved, 1);
        free(saved);
    }
}

static int calls;
static Trace *fake_run(void *ctx, const char *file, const VizRunOptions *run, char *err, size_t errlen) {
    calls++;
    uint64_t seed = run->seed;
    const char *strategy = run->strategy;
    if (strstr(file, "bad")) {
        snprintf(err, errlen, "%s:3:1: undefined: wg", file);
        return NULL;
    }
    assert_string_equal(strategy, "pct");
    assert_int_equal(seed, 9);
    assert_ptr_equal(ctx, &calls);
    Trace *t = trace_new(NULL);
    trace_synth_deadlock(t, seed);
    return t;
}

static void test_file_through_callback(void **state) {
    (void)state;
    char go[128], bad[128], png[128];
    snprintf(go, sizeof go, "%s/prog.go", dir);
    snprintf(bad, sizeof bad, "%s/bad.go", dir);
    snprintf(png, sizeof png, "%s/prog.png", dir);
    FILE *f = fopen(go, "w");
    fputs(trace_synth_source(TRACE_SYNTH_DEADLOCK, NULL), f);
    fclose(f);
    f = fopen(bad, "w");
    fputs("package main\n", f);
    fclose(f);
    VizOptions o = opts(NULL, "end", png);
    o.file = go;
    o.run.seed = 9;
    o.run.strategy = "pct";
    /* without a way to run files: a clear refusal */
    assert_int_equal(viz_render_png(&o), 1);
    o.make_trace = fake_run;
    o.make_trace_ctx = &calls;
    calls = 0;
    assert_int_equal(viz_render_png(&o), 0);
    assert_int_equal(calls, 1);
    SDL_Surface *s = IMG_Load(png);
    assert_non_null(s);
    SDL_FreeSurface(s);
    o.file = bad;
    assert_int_equal(viz_render_png(&o), 1);
}

static void test_options(void **state) {
    (void)state;
    VizOptions o;
    viz_options_init(&o);
    char err[128];
    char *argv[] = {"prog.go", "--seed", "17", "--strategy", "pct", "--theme", "light", "--size", "1280x800", "--at", "50%", "-o", "x.png"};
    assert_int_equal(viz_options_parse(&o, 13, argv, err, sizeof err), 0);
    assert_string_equal(o.file, "prog.go");
    assert_int_equal(o.run.seed, 17);
    assert_string_equal(o.run.strategy, "pct");
    assert_string_equal(o.theme, "light");
    assert_int_equal(o.width, 1280);
    assert_int_equal(o.height, 800);
    assert_string_equal(o.at, "50%");
    assert_string_equal(o.out, "x.png");
    char *bad1[] = {"--seed", "x"};
    viz_options_init(&o);
    assert_int_equal(viz_options_parse(&o, 2, bad1, err, sizeof err), 64);
    char *bad2[] = {"--size", "10x10"};
    assert_int_equal(viz_options_parse(&o, 2, bad2, err, sizeof err), 64);
    char *bad3[] = {"--theme", "pink"};
    assert_int_equal(viz_options_parse(&o, 2, bad3, err, sizeof err), 64);
    assert_non_null(strstr(err, "pink"));
    char *bad4[] = {"--frobnicate"};
    assert_int_equal(viz_options_parse(&o, 1, bad4, err, sizeof err), 64);
    char *bad5[] = {"--seed"};
    assert_int_equal(viz_options_parse(&o, 1, bad5, err, sizeof err), 64);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_png_size_and_determinism),
        cmocka_unit_test(test_hidpi_and_light),
        cmocka_unit_test(test_frames),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_no_display),
        cmocka_unit_test(test_file_through_callback),
        cmocka_unit_test(test_options),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
