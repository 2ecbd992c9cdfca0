/* timeline: lanes per goroutine coloured by state, event marks, playhead,
 * minimap; a density view when lanes get thinner than a few pixels.
 *
 * Cost per frame is bounded by pixels, not events: a run of sub-pixel state
 * segments is skipped with a binary search to the next pixel column, marks
 * sharing a pixel column and lane are drawn once, and density columns are
 * cached (TimelineCache) until the view window or size changes. Everything
 * but the two playheads is painted into a layer (a target texture) that is
 * repainted only when the view window, size, selection, theme or run change:
 * a frame while playing costs one blit and two lines.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

static DrawRect dr(SceneRect r) {
    DrawRect d = {r.x, r.y, r.w, r.h};
    return d;
}

void timeline_cache_free(TimelineCache *c) {
    mem_free(c->lanes, sizeof(uint16_t) * THEME_NSTATES * (size_t)c->width);
    mem_free(c->mini, sizeof(uint16_t) * THEME_NSTATES * (size_t)c->mini_width);
    mem_free(c->alarms, sizeof(int) * (size_t)(c->nalarms ? c->nalarms : 1));
    mem_free(c->marks, (size_t)c->mk_width * (size_t)(c->mk_ng ? c->mk_ng : 1));
    draw_layer_free(&c->layer);
    memset(c, 0, sizeof *c);
}

/* Index of the first segment of [l] ending after [step]. */
static int seg_find(const ModelSegVec *l, double step) {
    int lo = 0, hi = l->len;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if ((double)l->items[mid].to <= step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Count goroutines per state at the middle step of each of [w] columns over [from, to). */
static void density(const ModelRun *run, int from, int to, int w, uint16_t *out) {
    memset(out, 0, sizeof(uint16_t) * THEME_NSTATES * (size_t)w);
    double span = (double)(to - from);
    for (int g = 0; g < run->nlanes; g++) {
        const ModelSegVec *l = &run->lanes[g];
        int si = 0;
        for (int x = 0; x < w; x++) {
            double st = (double)from + ((double)x + 0.5) / (double)w * span;
            while (si < l->len && (double)l->items[si].to <= st) si++;
            if (si >= l->len) break;
            if ((double)l->items[si].from > st) continue;
            ThemeState s = l->items[si].state;
            if (s == THEME_DONE) continue;
            uint16_t *c = &out[x * THEME_NSTATES + s];
            if (*c < 65535) (*c)++;
        }
    }
}

static void draw_density(Draw *d, const Theme *th, SceneRect r, const uint16_t *cols, int w, int ng) {
    float scale = ng > 0 ? r.h / (float)ng : 0;
    static const ThemeState order[] = {THEME_RUNNING, THEME_RUNNABLE, THEME_BLOCKED, THEME_SLEEPING, THEME_FAILED};
    for (int x = 0; x < w; x++) {
        float y = r.y + r.h;
        for (int k = 0; k < 5; k++) {
            uint16_t c = cols[x * THEME_NSTATES + order[k]];
            if (!c) continue;
            float h = (float)c * scale;
            DrawRect b = {r.x + (float)x, y - h, 1.0f, h};
            draw_rect(d, b, tc(th->state[order[k]]));
            y -= h;
        }
    }
}

static DrawColor mark_color(const Theme *th, ModelMarkKind k) {
    switch (k) {
    case MARK_RACE:
    case MARK_LOST:
    case MARK_PANIC:
    case MARK_DEADLOCK: return tc(th->alarm);
    case MARK_SEND:
    case MARK_RECV:
    case MARK_CLOSE: return tc(th->text_strong);
    case MARK_LOCK:
    case MARK_UNLOCK: return tc(th->edge_owner);
    case MARK_WRITE: return tc(th->text_strong); /* stores stand out from loads */
    default: return tc(th->text_dim);
    }
}

static uint64_t mix(uint64_t h, uint64_t x) {
    h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    return h;
}

static void timeline_paint(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Scene *s, const SceneView *v, TimelineCache *tcache);

void timeline_draw(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, const SceneView *v, TimelineCache *tcache) {
    float k = v->scale;
    uint64_t key = mix(0, (uint64_t)(uintptr_t)run);
    key = mix(key, (uint64_t)(uintptr_t)th);
    key = mix(key, ((uint64_t)(uint32_t)s->tl_from << 32) | (uint32_t)s->tl_to);
    key = mix(key, ((uint64_t)(uint32_t)run->nsteps << 32) | (uint32_t)run->marks.len);
    key = mix(key, ((uint64_t)(uint32_t)run->gs.len << 32) | (uint32_t)(v->selected_g + 1));
    float geo[6] = {s->timeline.x, s->timeline.y, s->timeline.w, s->timeline.h, s->lane_h, k};
    for (int i = 0; i < 6; i++) {
        uint32_t b;
        memcpy(&b, &geo[i], sizeof b);
        key = mix(key, b);
    }
    int lr = draw_layer_begin(d, &tcache->layer, dr(s->timeline), key);
    if (lr != 0) timeline_paint(d, f, th, run, s, v, tcache);
    if (lr == 1) draw_layer_end(d);
    if (lr >= 0) draw_layer_show(d, &tcache->layer);
    SceneRect L = s->tl_lanes;
    draw_clip_push(d, dr(L));
    if (s->playhead_x >= L.x - 1 && s->playhead_x <= L.x + L.w + 1) {
        draw_line(d, s->playhead_x, L.y - 2 * k, s->playhead_x, L.y + L.h, 2 * k, tc(th->playhead));
    }
    draw_clip_pop(d);
    SceneRect M = s->tl_minimap;
    if ((int)M.w > 0 && run->nsteps > 0) {
        float px = scene_minimap_x(s, run, (double)m->step + 1.0);
        draw_line(d, px, M.y - 2 * k, px, M.y + M.h + 2 * k, 2 * k, tc(th->playhead));
    }
}

static void timeline_paint(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Scene *s, const SceneView *v, TimelineCache *tcache) {
    float k = v->scale;
    int live_max = 1; /* density: the most goroutines alive in one column */
    draw_rrect(d, dr(s->timeline), 8 * k, tc(th->panel));
    draw_rrect_stroke(d, dr(s->timeline), 8 * k, 1 * k, tc(th->panel_edge));
    SceneRect L = s->tl_lanes;
    int ng = run->gs.len;
    /* ruler */
    char buf[96];
    snprintf(buf, sizeof buf, "Timeline  steps %d–%d of %d", s->tl_from, s->tl_to, run->nsteps);
    text_draw(f->ui_small, s->timeline.x + 10 * k, s->timeline.y + 3 * k, buf, -1, tc(th->text_dim));
    int span = s->tl_to - s->tl_from;
    int tick = 1, ti = 0;
    float maxticks = L.w / (70 * k);
    while ((float)span / (float)tick > maxticks && tick < (1 << 28)) tick = (ti++ % 3 == 1) ? tick * 5 / 2 : tick * 2;
    int t0 = (s->tl_from / tick) * tick;
    for (int t = t0; t <= s->tl_to; t += tick) {
        if (t < s->tl_from) continue;
        float x = scene_tl_x(s, t);
        DrawRect line = {x, L.y, 1, L.h};
        draw_rect(d, line, tc(th->grid));
        snprintf(buf, sizeof buf, "%d", t);
        float tw = text_width(f->ui_small, buf, -1);
        if (x + tw < L.x + L.w && x > L.x + 200 * k) text_draw(f->ui_small, x + 2 * k, s->timeline.y + 3 * k, buf, -1, tc(th->text_dim));
    }
    draw_clip_push(d, dr(L));
    if (s->tl_density) {
        int w = (int)L.w;
        if (w < 1) w = 1;
        if (!tcache->lanes || tcache->from != s->tl_from || tcache->to != s->tl_to || tcache->width != w || tcache->ng != ng ||
            tcache->nsteps != run->nsteps) {
            mem_free(tcache->lanes, sizeof(uint16_t) * THEME_NSTATES * (size_t)tcache->width);
            tcache->lanes = mem_alloc(sizeof(uint16_t) * THEME_NSTATES * (size_t)w);
            tcache->from = s->tl_from;
            tcache->to = s->tl_to;
            tcache->width = w;
            tcache->ng = ng;
            tcache->nsteps = run->nsteps;
            density(run, s->tl_from, s->tl_to, w, tcache->lanes);
        }
        /* scaled to the most goroutines alive at once in view, not to all
         * that ever lived: 1,000 short-lived goroutines with a handful
         * alive at a time still fill the height */

        for (int x = 0; x < w; x++) {
            int c = 0;
            for (int st = 0; st < THEME_NSTATES; st++) c += tcache->lanes[x * THEME_NSTATES + st];
            if (c > live_max) live_max = c;
        }
        draw_density(d, th, L, tcache->lanes, w, live_max);
        /* races, lost updates, deadlock, panic: red ticks over the density */
        double span = (double)(s->tl_to - s->tl_from);
        int lastx = -1;
        for (int mi = model_first_mark(run, s->tl_from); mi < run->marks.len && run->marks.items[mi].step < s->tl_to; mi++) {
            ModelMarkKind kd = (ModelMarkKind)run->marks.items[mi].kind;
            if (kd != MARK_RACE && kd != MARK_LOST && kd != MARK_DEADLOCK && kd != MARK_PANIC) continue;
            int x = (int)(((double)run->marks.items[mi].step + 0.5 - (double)s->tl_from) / span * (double)w);
            if (x == lastx || x < 0 || x >= w) continue;
            lastx = x;
            DrawRect b = {L.x + (float)x - 1 * k, L.y, 2 * k, 10 * k};
            draw_rect(d, b, tc(th->alarm));
        }
    } else {
        float lh = s->lane_h;
        float bar = lh > 6 * k ? lh - 3 * k : lh - 1;
        for (int g = 0; g < ng && g < run->nlanes; g++) {
            float y = L.y + (float)g * lh;
            if (g == v->selected_g) {
                DrawRect sel = {L.x, y, L.w, lh};
                draw_rect(d, sel, draw_alpha(tc(th->select), 0.18f));
            }
            const ModelSegVec *l = &run->lanes[g];
            int i = seg_find(l, s->tl_from);
            float last_px = -1e9f;
            while (i < l->len && l->items[i].from < s->tl_to) {
                const ModelSeg *sg = &l->items[i];
                float x0 = scene_tl_x(s, sg->from), x1 = scene_tl_x(s, sg->to);
                if (x1 - x0 < 1.0f) {
                    /* sub-pixel: paint this column once, then jump to the next column */
                    float px = (float)(int)x0;
                    if (px > last_px && sg->state != THEME_DONE) {
                        DrawRect b = {px, y + (lh - bar) * 0.5f, 1, bar};
                        draw_rect(d, b, tc(th->state[sg->state]));
                        last_px = px;
                    }
                    int j = seg_find(l, scene_tl_step(s, px + 1.0f));
                    i = j > i ? j : i + 1;
                    continue;
                }
                if (sg->state != THEME_DONE) {
                    DrawRect b = {x0, y + (lh - bar) * 0.5f, x1 - x0, bar};
                    draw_rect(d, b, tc(th->state[sg->state]));
                }
                last_px = x1;
                i++;
            }
        }
        /* marks: one per lane and pixel column, from a cache rebuilt only
         * when the view window changes (so scrubbing a million events costs
         * pixels, not events) */
        int w = (int)L.w;
        if (w < 1) w = 1;
        if (!tcache->marks || tcache->mk_from != s->tl_from || tcache->mk_to != s->tl_to || tcache->mk_width != w || tcache->mk_ng != ng ||
            tcache->mk_nsteps != run->nsteps || tcache->mk_nmarks != run->marks.len) {
            mem_free(tcache->marks, (size_t)tcache->mk_width * (size_t)(tcache->mk_ng ? tcache->mk_ng : 1));
            tcache->marks = mem_alloc((size_t)w * (size_t)(ng ? ng : 1));
            tcache->mk_from = s->tl_from;
            tcache->mk_to = s->tl_to;
            tcache->mk_width = w;
            tcache->mk_ng = ng;
            tcache->mk_nsteps = run->nsteps;
            tcache->mk_nmarks = run->marks.len;
            double span = (double)(s->tl_to - s->tl_from);
            /* loads and stores come by the hundred in a loop: marked only
             * when zoomed in far enough to tell them apart (3 px each) */
            int mem = span * 3 <= (double)w;
            for (int mi = model_first_mark(run, s->tl_from); mi < run->marks.len && run->marks.items[mi].step < s->tl_to; mi++) {
                const ModelMark *mk = &run->marks.items[mi];
                if (mk->g < 0 || mk->g >= ng || mk->kind == MARK_GO || mk->kind == MARK_PRINT || mk->kind == MARK_OTHER) continue;
                if (!mem && (mk->kind == MARK_READ || mk->kind == MARK_WRITE)) continue;
                int x = (int)(((double)mk->step + 0.5 - (double)s->tl_from) / span * (double)w);
                if (x < 0 || x >= w) continue;
                uint8_t *cell = &tcache->marks[(size_t)mk->g * (size_t)w + (size_t)x];
                uint8_t want = (uint8_t)(mk->kind + 1);
                int alarm = mk->kind == MARK_RACE || mk->kind == MARK_LOST || mk->kind == MARK_PANIC || mk->kind == MARK_DEADLOCK;
                if (!*cell || alarm) *cell = want; /* alarms win a shared column */
            }
        }
        for (int g = 0; g < ng; g++) {
            const uint8_t *row = &tcache->marks[(size_t)g * (size_t)w];
            float y = L.y + (float)g * lh, lastx = -1e9f;
            for (int x = 0; x < w; x++) {
                if (!row[x]) continue;
                ModelMarkKind kind = (ModelMarkKind)(row[x] - 1);
                int alarm = kind == MARK_RACE || kind == MARK_LOST || kind == MARK_PANIC || kind == MARK_DEADLOCK;
                float px = L.x + (float)x + 0.5f;
                if (!alarm && px - lastx < 2.0f) continue;
                lastx = px;
                float mh = alarm ? lh : lh * 0.5f;
                float mw = alarm ? 3 * k : (lh > 10 * k ? 2 * k : 1);
                DrawRect b = {px - mw * 0.5f, y + (lh - mh) * 0.5f, mw, mh};
                draw_rect(d, b, mark_color(th, kind));
            }
        }
    }
    draw_clip_pop(d);
    /* lane labels */
    if (!s->tl_density) {
        draw_clip_push(d, dr(s->tl_labels));
        if (s->lane_h >= 9 * k) {
            for (int g = 0; g < ng; g++) {
                const ModelGInfo *gi = &run->gs.items[g];
                snprintf(buf, sizeof buf, "g%d %s", gi->id, gi->func ? gi->func : "");
                float y = L.y + (float)g * s->lane_h + (s->lane_h - (float)text_line_height(f->ui_small)) * 0.5f;
                text_draw_clipped(f->ui_small, s->tl_labels.x, y, buf, s->tl_labels.w, tc(g == v->selected_g ? th->text_strong : th->text_dim));
            }
        } else {
            snprintf(buf, sizeof buf, "%d goroutines", ng);
            text_draw(f->ui_small, s->tl_labels.x, s->tl_labels.y, buf, -1, tc(th->text_dim));
        }
        draw_clip_pop(d);
    } else {
        snprintf(buf, sizeof buf, "%d goroutines", ng);
        text_draw(f->ui_small, s->tl_labels.x, s->tl_labels.y, buf, -1, tc(th->text_dim));
        text_draw(f->ui_small, s->tl_labels.x, s->tl_labels.y + (float)text_line_height(f->ui_small), "(density)", -1, tc(th->text_dim));
        snprintf(buf, sizeof buf, "top: %d alive", live_max);
        text_draw(f->ui_small, s->tl_labels.x, s->tl_labels.y + 2 * (float)text_line_height(f->ui_small), buf, -1, tc(th->text_dim));
    }
    /* minimap: the whole run */
    SceneRect M = s->tl_minimap;
    draw_rect(d, dr(M), tc(th->grid));
    int mw = (int)M.w;
    if (mw > 0 && run->nsteps > 0) {
        if (!tcache->mini || tcache->mini_width != mw || tcache->mini_ng != ng || tcache->mini_nsteps != run->nsteps) {
            mem_free(tcache->mini, sizeof(uint16_t) * THEME_NSTATES * (size_t)tcache->mini_width);
            tcache->mini = mem_alloc(sizeof(uint16_t) * THEME_NSTATES * (size_t)mw);
            tcache->mini_width = mw;
            tcache->mini_ng = ng;
            tcache->mini_nsteps = run->nsteps;
            density(run, 0, run->nsteps, mw, tcache->mini);
            mem_free(tcache->alarms, sizeof(int) * (size_t)(tcache->nalarms ? tcache->nalarms : 1));
            tcache->nalarms = 0;
            for (int i = 0; i < run->marks.len; i++) {
                ModelMarkKind mk = run->marks.items[i].kind;
                if (mk == MARK_RACE || mk == MARK_LOST || mk == MARK_DEADLOCK || mk == MARK_PANIC) tcache->nalarms++;
            }
            tcache->alarms = mem_alloc(sizeof(int) * (size_t)(tcache->nalarms ? tcache->nalarms : 1));
            int na = 0;
            for (int i = 0; i < run->marks.len; i++) {
                ModelMarkKind mk = run->marks.items[i].kind;
                if (mk == MARK_RACE || mk == MARK_LOST || mk == MARK_DEADLOCK || mk == MARK_PANIC) tcache->alarms[na++] = i;
            }
        }
        int maxc = 1;
        for (int x = 0; x < mw; x++) {
            int c = 0;
            for (int st = 0; st < THEME_NSTATES; st++) c += tcache->mini[x * THEME_NSTATES + st];
            if (c > maxc) maxc = c;
        }
        draw_density(d, th, M, tcache->mini, mw, maxc);
        for (int i = 0; i < tcache->nalarms; i++) {
            float x = scene_minimap_x(s, run, run->marks.items[tcache->alarms[i]].step + 0.5);
            DrawRect b = {x - 1 * k, M.y, 2 * k, M.h};
            draw_rect(d, b, tc(th->alarm));
        }
        float x0 = scene_minimap_x(s, run, s->tl_from), x1 = scene_minimap_x(s, run, s->tl_to);
        DrawRect win = {x0, M.y - 1 * k, x1 - x0 < 3 * k ? 3 * k : x1 - x0, M.h + 2 * k};
        draw_rrect_stroke(d, win, 2 * k, 1.5f * k, tc(th->text));
    }
}
