/* app: the viewer's public entry points for the command line: the window
 * (viz_app_run) and headless PNG rendering (viz_render_png), with their
 * options. Both draw every frame through the same scene + render code, so a
 * PNG shows exactly what the window shows at that moment and size.
 */
#ifndef GORO_APP_H
#define GORO_APP_H

#include <stddef.h>
#include <stdint.h>

#include "runopts.h"
#include "trace.h"

/* VizTraceFn: run [file] as [run] says (seed, strategy, limits, race,
 * schedule) and return its finished trace (ownership passes to the viewer),
 * or NULL with a one-line reason in [err] of [errlen] bytes, which the
 * viewer prints as "goro-viz: <reason>"; leave [err] empty when the callback
 * already printed its diagnostics (Go's "file:line:col: msg" lines). */
typedef Trace *(*VizTraceFn)(void *ctx, const char *file, const VizRunOptions *run, char *err, size_t errlen);

/* VizOptions: what the window or the renderer shows and how. Start from
 * viz_options_init, then set fields (or use viz_options_parse). */
typedef struct VizOptions {
    const char *file;     /* FILE.go; NULL with a demo */
    const char *demo;     /* "race_counter", "worker_pool", "deadlock" (synthetic traces) or NULL */
    VizRunOptions run;    /* how the file is run: seed (default 1), strategy, limits, race, schedule */
    const char *theme;    /* "dark" (default) or "light" */
    int width, height;    /* window / PNG size in points; 0 = 1440x900 */
    float scale;          /* render: pixels per point (HiDPI PNGs); 0 = 1 */
    const char *at;       /* STEP | TIME (150ms, 1.5s) | PCT% | end | race | lost | deadlock | panic:
                             where render draws and the window opens; NULL = end (render), start (window) */
    const char *zoom;     /* "A..B" (each as --at): the timeline's visible range, or NULL (whole run) */
    const char *hunt;     /* --hunt COND: open the first seed whose run satisfies COND (as `hunt --until`), or NULL */
    const char *seeds;    /* --seeds A..B: where --hunt looks (default 0..99999) */
    const char *frames;   /* render: "A..B" (each as --at) for numbered frames, or NULL */
    double fps;           /* render --frames: frames per second of playback (default 24) */
    double speed;         /* playback speed in events per second (default 4) */
    const char *out;      /* render: out.png, or a directory for --frames */
    const char *script;   /* window: a file of scripted input (tests), or NULL */
    int select_g;         /* render: Go id of a goroutine to show selected, 0 = none */
    VizTraceFn make_trace; /* how to run a .go file; NULL = only --demo works */
    void *make_trace_ctx;
} VizOptions;

/* viz_options_init: [o] with every field at its default (seed 1, the rest
 * zero/NULL, meaning: random strategy, dark theme, 1440x900, --at end). */
void viz_options_init(VizOptions *o);

/* viz_options_parse: fill [o] from [argc]/[argv] (the arguments after
 * "goro-viz" or "goro-viz render": FILE.go, the run options of runopts.h
 * (--seed N, --strategy S, ...), --theme T, --size WxH, --scale F, --at WHEN,
 * --zoom A..B, --frames A..B, --fps F, --speed F, -o PATH, --demo NAME,
 * --script FILE, --select GOID, --hunt COND, --seeds A..B). Returns 0, or 64
 * with a one-line message in [err] of [errlen] bytes. Does not touch
 * make_trace. */
int viz_options_parse(VizOptions *o, int argc, char **argv, char *err, size_t errlen);

/* viz_app_run: open the window and play the run until the user quits.
 * Returns 0; 1 when the file cannot be loaded or run, or when there is no
 * display (after printing one line suggesting `render` or `run`). */
int viz_app_run(const VizOptions *o);

/* viz_render_png: draw one moment ([o]->at) to the PNG [o]->out, or with
 * [o]->frames numbered PNGs frame_00000.png... into the directory [o]->out,
 * with SDL's software renderer and no display. Returns 0, 1 when the input
 * cannot be loaded or run, 64 for a bad --at/--frames/--size, 73 when the
 * PNG cannot be written. Messages go to stderr. */
int viz_render_png(const VizOptions *o);

#endif
