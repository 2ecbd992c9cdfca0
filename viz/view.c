/* view: a loaded run plus the per-frame pipeline model -> scene -> pixels. */
#include "view.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src.h"

static Trace *demo_trace(const char *name, uint64_t seed, const char **source, const char **path) {
    TraceSynth which;
    if (strcmp(name, "race_counter") == 0)
        which = TRACE_SYNTH_RACE_COUNTER;
    else if (strcmp(name, "worker_pool") == 0)
        which = TRACE_SYNTH_WORKER_POOL;
    else if (strcmp(name, "deadlock") == 0)
        which = TRACE_SYNTH_DEADLOCK;
    else
        return NULL;
    Trace *t = trace_new(NULL);
    *source = trace_synth_source(which, path);
    switch (which) {
    case TRACE_SYNTH_RACE_COUNTER: trace_synth_race_counter(t, seed, 10, 3); break;
    case TRACE_SYNTH_WORKER_POOL: trace_synth_worker_pool(t, seed, 6); break;
    default: trace_synth_deadlock(t, seed); break;
    }
    return t;
}

int view_load(View *v, const VizOptions *o, uint64_t seed, char *err, size_t n) {
    Trace *t = NULL;
    const char *source = NULL, *path = NULL;
    SrcFile sf;
    int have_sf = 0;
    char title[256];
    if (n > 0) err[0] = 0;
    if (o->demo) {
        t = demo_trace(o->demo, seed, &source, &path);
        if (!t) {
            snprintf(err, n, "unknown demo %s (try race_counter, worker_pool or deadlock)", o->demo);
            return -1;
        }
        snprintf(title, sizeof title, "%s (demo)", path ? path : o->demo);
        path = title;
    } else if (o->file) {
        if (src_load(&sf, o->file, err, n) != 0) return -1;
        have_sf = 1;
        if (!o->make_trace) {
            snprintf(err, n, "%s: this build cannot run Go files yet; try --demo race_counter", o->file);
            src_free(&sf);
            return -1;
        }
        VizRunOptions ro = o->run;
        ro.seed = seed;
        t = o->make_trace(o->make_trace_ctx, o->file, &ro, err, n);
        if (!t) {
            src_free(&sf);
            return -1;
        }
        source = sf.text;
        path = o->file;
    } else {
        snprintf(err, n, "no program given (goro-viz FILE.go, or --demo race_counter)");
        return -1;
    }
    if (v->loaded) {
        mtrace_close(&v->mt);
        model_free(&v->model);
        timeline_cache_free(&v->tcache);
    }
    scene_invalidate(&v->scene);
    mtrace_open(&v->mt, t, source, path, seed, o->run.strategy ? o->run.strategy : "random");
    if (have_sf) src_free(&sf);
    /* make_trace replays the schedule for the seed it was recorded with
     * (the one the window opened with) */
    if (o->file && o->run.schedule && seed == o->run.seed) {
        const char *b = strrchr(o->run.schedule, '/');
        v->mt.run.schedule = model_strdup(&v->mt.run.arena, b ? b + 1 : o->run.schedule);
    }
    model_alloc(&v->model, &v->mt.run);
    v->loaded = 1;
    v->seed = seed;
    view_set_step(v, v->step);
    return 0;
}

void view_set_step(View *v, int step) {
    int n = v->mt.run.nsteps;
    if (step >= n) step = n - 1;
    if (step < 0) step = 0;
    v->step = step;
    mtrace_at(&v->mt, step, &v->model);
}

/* Parse a Go-style duration ("150ms", "1.5s", "2us", "10ns", "1m"). */
static int parse_duration(const char *s, int64_t *ns) {
    char *end;
    double x = strtod(s, &end);
    if (end == s || x < 0) return -1;
    double mul;
    if (strcmp(end, "ns") == 0)
        mul = 1;
    else if (strcmp(end, "us") == 0 || strcmp(end, "µs") == 0)
        mul = 1e3;
    else if (strcmp(end, "ms") == 0)
        mul = 1e6;
    else if (strcmp(end, "s") == 0)
        mul = 1e9;
    else if (strcmp(end, "m") == 0)
        mul = 60e9;
    else
        return -1;
    *ns = (int64_t)(x * mul + 0.5);
    return 0;
}

int view_first_mark(const View *v, ModelMarkKind kind) {
    const ModelRun *r = &v->mt.run;
    for (int i = 0; i < r->marks.len; i++)
        if (r->marks.items[i].kind == kind) return r->marks.items[i].step;
    return -1;
}

int view_parse_when(const View *v, const char *spec, int *step) {
    int n = v->mt.run.nsteps;
    if (!spec || strcmp(spec, "end") == 0) {
        *step = n - 1;
        return 0;
    }
    size_t len = strlen(spec);
    if (len == 0) return -1;
    /* the first alarm of a kind: where a teacher wants to stop */
    static const struct {
        const char *name;
        ModelMarkKind kind;
    } alarms[] = {{"race", MARK_RACE}, {"lost", MARK_LOST}, {"deadlock", MARK_DEADLOCK}, {"panic", MARK_PANIC}};
    if (strcmp(spec, "alarm") == 0) { /* the first of any of them */
        const ModelRun *r = &v->mt.run;
        for (int i = 0; i < r->marks.len; i++) {
            ModelMarkKind k = (ModelMarkKind)r->marks.items[i].kind;
            if (k == MARK_RACE || k == MARK_LOST || k == MARK_DEADLOCK || k == MARK_PANIC) {
                *step = r->marks.items[i].step;
                return 0;
            }
        }
        return -2;
    }
    for (size_t a = 0; a < sizeof alarms / sizeof alarms[0]; a++)
        if (strcmp(spec, alarms[a].name) == 0) {
            int at = view_first_mark(v, alarms[a].kind);
            if (at < 0) return -2;
            *step = at;
            return 0;
        }
    if (spec[len - 1] == '%') {
        char *end;
        double p = strtod(spec, &end);
        if (end != spec + len - 1 || p < 0 || p > 100) return -1;
        *step = (int)(p / 100.0 * (double)(n - 1) + 0.5);
        return 0;
    }
    int digits = 1;
    for (size_t i = 0; i < len; i++)
        if (!isdigit((unsigned char)spec[i])) digits = 0;
    if (digits) {
        long s = strtol(spec, NULL, 10);
        *step = (int)(s < 1 ? 0 : s - 1);
        if (*step > n - 1) *step = n - 1;
        return 0;
    }
    int64_t ns;
    if (parse_duration(spec, &ns) != 0) return -1;
    /* the last event at or before that virtual time */
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        TraceEvent ev;
        trace_event(v->mt.trace, (uint32_t)mid, &ev);
        if (ev.vtime <= ns)
            lo = mid + 1;
        else
            hi = mid;
    }
    *step = lo > 0 ? lo - 1 : 0;
    return 0;
}

static int fonts_for(View *v, Draw *d, float scale) {
    if (!v->fonts_open || v->fonts_scale != scale) {
        if (v->fonts_open) render_fonts_close(&v->fonts);
        v->fonts_open = 0;
        if (render_fonts_open(&v->fonts, d, scale) != 0) return -1;
        v->fonts_open = 1;
        v->fonts_scale = scale;
    }
    return 0;
}

int view_draw_progress(View *v, Draw *d, int w, int h, float scale, const RenderProgress *p) {
    if (fonts_for(v, d, scale) != 0) return -1;
    render_progress(d, &v->fonts, v->theme, w, h, scale, p);
    return 0;
}

int64_t view_step_ns(const View *v, int step) {
    int n = v->mt.run.nsteps;
    if (!v->loaded || n <= 0) return 0;
    if (step >= n) step = n - 1;
    if (step < 0) step = 0;
    TraceEvent ev;
    trace_event(v->mt.trace, (uint32_t)step, &ev);
    return ev.vtime;
}

double view_event_secs(const View *v, double speed, int by_time) {
    if (speed <= 0) speed = 4;
    if (!by_time) return 1.0 / speed;
    double f = speed / 4.0;
    double gap = (double)(view_step_ns(v, v->step + 1) - view_step_ns(v, v->step)) / 1e9 / f;
    if (gap < 0) gap = 0;
    if (gap > 0.5) gap = 0.5;
    return 0.08 / f + gap;
}

void view_show_source(View *v, const char *text) {
    if (!v->loaded || !text) return;
    v->mt.run.source = model_strdup(&v->mt.run.arena, text);
    scene_invalidate(&v->scene);
}

int view_draw(View *v, Draw *d, int w, int h, float scale, const RenderExtras *x) {
    if (fonts_for(v, d, scale) != 0) return -1;
    v->sview.width = w;
    v->sview.height = h;
    v->sview.scale = scale;
    render_view_metrics(&v->sview, &v->fonts);
    scene_build(&v->scene, &v->mt.run, &v->model, &v->sview);
    render_frame(d, &v->fonts, v->theme, &v->mt.run, &v->model, &v->scene, &v->sview, x, &v->tcache);
    return 0;
}

void view_free(View *v) {
    if (v->fonts_open) render_fonts_close(&v->fonts);
    if (v->loaded) {
        mtrace_close(&v->mt);
        model_free(&v->model);
    }
    timeline_cache_free(&v->tcache);
    scene_free(&v->scene);
    memset(v, 0, sizeof *v);
}

int view_parse_range(const View *v, const char *spec, int *a, int *b) {
    const char *dots = strstr(spec, "..");
    if (!dots) return -1;
    char left[64], right[64];
    size_t ln = (size_t)(dots - spec);
    if (ln == 0 || ln >= sizeof left || strlen(dots + 2) >= sizeof right || !dots[2]) return -1;
    memcpy(left, spec, ln);
    left[ln] = 0;
    snprintf(right, sizeof right, "%s", dots + 2);
    if (view_parse_when(v, left, a) != 0 || view_parse_when(v, right, b) != 0) return -1;
    return *b >= *a ? 0 : -1;
}
