/* view: one loaded run and everything needed to draw a frame of it, shared by
 * the window (app.c) and headless rendering (headless.c).
 *
 * Invariants: model always holds the state at [step]; scene is rebuilt by
 * view_draw from (run, model, sview) alone; fonts match sview.scale.
 */
#ifndef GORO_VIEW_H
#define GORO_VIEW_H

#include "app.h"
#include "model_trace.h"
#include "render.h"
#include "scene.h"

typedef struct View {
    ModelTrace mt;
    int loaded;
    Model model;
    Scene scene;
    SceneView sview;
    RenderFonts fonts;
    int fonts_open;
    float fonts_scale;
    TimelineCache tcache;
    const Theme *theme;
    uint64_t seed;
    int step;
} View;

/* view_load: (re)load the run of [o] with [seed] into [v] (replacing any
 * earlier run; keeps the playhead step if still in range). Returns 0, or -1
 * with a one-line reason in [err] of [n] bytes. */
int view_load(View *v, const VizOptions *o, uint64_t seed, char *err, size_t n);

/* view_set_step: move the playhead to [step] (clamped) and refresh the model. */
void view_set_step(View *v, int step);

/* view_parse_when: a step from [spec] (STEP counted from 1, TIME such as
 * 150ms or 1.5s, PCT%, "end", or the first "race", "lost" (lost update),
 * "deadlock", "panic" or "alarm" (the first of any of them)). Returns 0, -1
 * if [spec] is malformed, -2 if the run has no such alarm. */
int view_parse_when(const View *v, const char *spec, int *step);

/* view_parse_range: "A..B" (each as view_parse_when) into [*a] <= [*b].
 * Returns 0, or -1 if malformed or B comes before A. */
int view_parse_range(const View *v, const char *spec, int *a, int *b);

/* view_first_mark: the step of the run's first mark of [kind], or -1. */
int view_first_mark(const View *v, ModelMarkKind kind);

/* view_draw: lay out and draw the current frame at [w]x[h] device pixels and
 * UI [scale] with [d]; opens fonts for the scale when needed. Returns 0, or
 * -1 when fonts cannot be opened (SDL error set). */
int view_draw(View *v, Draw *d, int w, int h, float scale, const RenderExtras *x);

/* view_draw_progress: draw the progress screen [p] at [w]x[h] device
 * pixels and UI [scale] with [d] (opens fonts like view_draw). Returns 0,
 * or -1 when fonts cannot be opened. */
int view_draw_progress(View *v, Draw *d, int w, int h, float scale, const RenderProgress *p);

/* view_step_ns: the virtual time of event [step] (clamped to the run). */
int64_t view_step_ns(const View *v, int step);

/* view_event_secs: how long playback stays on the playhead's event, in wall
 * seconds, at [speed] (events per second): by event (by_time == 0)
 * 1/speed; by virtual time ([by_time]) a short beat (0.08 s) plus the
 * virtual gap to the next event at speed/4 x real time, the gap cut to
 * 0.5 s, so idle stretches (sleeps) are compressed. */
double view_event_secs(const View *v, double speed, int by_time);

/* view_show_source: show [text] (copied) in the source pane instead of the
 * loaded run's program (the file on disk that no longer compiles). */
void view_show_source(View *v, const char *text);

/* view_free: release everything [v] holds (fonts before their renderer dies). */
void view_free(View *v);

#endif
