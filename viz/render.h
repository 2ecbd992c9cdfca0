/* render: paint a Scene with draw.h and text.h. Everything the window and the
 * headless PNG show goes through render_frame, so both draw the same pixels.
 */
#ifndef GORO_RENDER_H
#define GORO_RENDER_H

#include "draw.h"
#include "model.h"
#include "scene.h"
#include "text.h"
#include "theme.h"

/* RenderFonts: every face at its size for one UI scale. */
typedef struct RenderFonts {
    TextFont *ui, *ui_bold, *ui_small, *mono, *mono_small, *big;
    float scale;
} RenderFonts;

/* RenderExtras: view state that is not in the scene (player chrome). */
typedef struct RenderExtras {
    int playing;
    float speed;        /* events per second */
    int help;           /* show the help overlay */
    const char *status; /* a transient message ("seed 18"), or NULL */
    float hover_x, hover_y;
    int hover;          /* draw a tooltip for what is under (hover_x, hover_y) */
    const char *seed_edit; /* the seed box is open with these digits typed, or NULL */
    int by_time;        /* playback by virtual time (idle gaps compressed), else by event */
    const char *diag;   /* the file on disk does not compile: the compiler's
                           messages (lines), shown in a panel over the stage; or NULL */
} RenderExtras;

/* RenderProgress: what the progress screen shows while a run is simulated. */
typedef struct RenderProgress {
    const char *file;   /* the program being run */
    uint64_t seed;
    const char *strategy;
    uint64_t steps;     /* steps simulated so far */
    uint64_t max_steps; /* --max-steps given (the bar's end), or 0: no bar, a counter */
    double elapsed;     /* wall seconds since the run started */
} RenderProgress;

/* TimelineCache: the density columns of the timeline and the minimap, kept
 * between frames because they cost O(goroutines x columns) to compute. Zero
 * it to start; timeline_cache_free releases it. */
typedef struct TimelineCache {
    int from, to, width, ng, nsteps;   /* what the lanes cache was built for */
    uint16_t *lanes;                   /* width x THEME_NSTATES counts */
    int mini_width, mini_ng, mini_nsteps;
    uint16_t *mini;                    /* mini_width x THEME_NSTATES counts */
    int *alarms, nalarms;              /* indices of race/deadlock/panic marks */
    uint8_t *marks;                    /* mk_ng lanes x mk_width columns: mark kind + 1, 0 = none */
    int mk_from, mk_to, mk_width, mk_ng, mk_nsteps, mk_nmarks;
    DrawLayer layer;                   /* everything but the playheads, painted once per view */
} TimelineCache;

/* tc: a theme colour as a draw colour. */
static inline DrawColor tc(ThemeRGBA c) {
    DrawColor d = {(uint8_t)(c >> 24), (uint8_t)(c >> 16), (uint8_t)(c >> 8), (uint8_t)c};
    return d;
}

/* render_fonts_open: open every face for [scale] on [d]. Returns 0, or -1
 * with SDL's error set (fonts missing). */
int render_fonts_open(RenderFonts *f, Draw *d, float scale);

/* render_fonts_close: release what render_fonts_open opened. */
void render_fonts_close(RenderFonts *f);

/* render_view_metrics: fill [v]'s font metrics (mono_w, mono_h, ui_h) from [f]. */
void render_view_metrics(SceneView *v, RenderFonts *f);

/* render_frame: draw the whole frame for [run] at [m] as laid out in [s]. */
void render_frame(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, const SceneView *v, const RenderExtras *x, TimelineCache *tcache);

/* render_progress: the whole [w]x[h] frame at UI [scale] while a run is
 * simulated: file, seed, steps so far, a bar against --max-steps (or a
 * moving stripe when there is no limit), and how to cancel. */
void render_progress(Draw *d, RenderFonts *f, const Theme *th, int w, int h, float scale, const RenderProgress *p);

/* timeline_draw: the timeline: lanes (or density), marks, playhead, minimap. */
void timeline_draw(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, const SceneView *v, TimelineCache *tcache);

/* timeline_cache_free: release [c]'s buffers and layer texture (call it
 * before the renderer that drew it is destroyed). */
void timeline_cache_free(TimelineCache *c);

#endif
