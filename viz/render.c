/* render: paints a Scene (cards, pipes, locks, edges, tokens, panes, chrome). */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "source_pane.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

static DrawRect dr(SceneRect r) {
    DrawRect d = {r.x, r.y, r.w, r.h};
    return d;
}

int render_fonts_open(RenderFonts *f, Draw *d, float scale) {
    memset(f, 0, sizeof *f);
    f->scale = scale;
    f->ui = text_open(d, "DejaVuSans.ttf", (int)(14 * scale + 0.5f));
    f->ui_bold = text_open(d, "DejaVuSans-Bold.ttf", (int)(14 * scale + 0.5f));
    f->ui_small = text_open(d, "DejaVuSans.ttf", (int)(11 * scale + 0.5f));
    f->mono = text_open(d, "DejaVuSansMono.ttf", (int)(13 * scale + 0.5f));
    f->mono_small = text_open(d, "DejaVuSansMono.ttf", (int)(11 * scale + 0.5f));
    f->big = text_open(d, "DejaVuSans-Bold.ttf", (int)(18 * scale + 0.5f));
    if (!f->ui || !f->ui_bold || !f->ui_small || !f->mono || !f->mono_small || !f->big) {
        render_fonts_close(f);
        return -1;
    }
    return 0;
}

void render_fonts_close(RenderFonts *f) {
    text_free(f->ui);
    text_free(f->ui_bold);
    text_free(f->ui_small);
    text_free(f->mono);
    text_free(f->mono_small);
    text_free(f->big);
    memset(f, 0, sizeof *f);
}

void render_view_metrics(SceneView *v, RenderFonts *f) {
    v->mono_w = text_width(f->mono, "M", 1);
    v->mono_h = (float)text_line_height(f->mono) + 1;
    v->ui_h = (float)text_line_height(f->ui);
}

/* fmt_dur: a virtual duration in Go's style (150ms, 1.5s, 2µs). */
static void fmt_dur(char *out, size_t n, int64_t ns) {
    if (ns == 0)
        snprintf(out, n, "0s");
    else if (ns % 1000000000 == 0)
        snprintf(out, n, "%llds", (long long)(ns / 1000000000));
    else if (ns >= 1000000000)
        snprintf(out, n, "%.3gs", (double)ns / 1e9);
    else if (ns >= 1000000)
        snprintf(out, n, "%.4gms", (double)ns / 1e6);
    else if (ns >= 1000)
        snprintf(out, n, "%.4gµs", (double)ns / 1e3);
    else
        snprintf(out, n, "%lldns", (long long)ns);
}

/* ---- stage --------------------------------------------------------------- */

static const char *kind_name(ModelObjKind k) {
    switch (k) {
    case MODEL_MUTEX: return "sync.Mutex";
    case MODEL_RWMUTEX: return "sync.RWMutex";
    case MODEL_WAITGROUP: return "sync.WaitGroup";
    case MODEL_VAR: return "variable";
    case MODEL_CHAN: return "chan";
    default: return "";
    }
}

static void draw_card(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, const SceneCard *c, float k) {
    if (c->alpha <= 0) return;
    const ModelGInfo *gi = &run->gs.items[c->g];
    const ModelG *g = &m->gs[c->g];
    float a = c->alpha;
    DrawColor sc = draw_alpha(tc(th->state[c->state]), a);
    DrawRect r = dr(c->r);
    if (s->card_mode == CARD_CHIP) {
        if (r.w < 10) /* thousands of tiny chips: plain squares are much cheaper */
            draw_rect(d, r, sc);
        else
            draw_rrect(d, r, r.w * 0.25f, sc);
        if (c->selected || c->in_cycle || c->race || c->lost) {
            DrawRect o = {r.x - 2 * k, r.y - 2 * k, r.w + 4 * k, r.h + 4 * k};
            draw_rrect_stroke(d, o, r.w * 0.3f, 1.5f * k, tc(c->selected && !c->race && !c->lost ? th->select : th->alarm));
        }
        return;
    }
    float rad = 9 * k;
    if (c->in_cycle && m->deadlock) {
        DrawRect glow = {r.x - 4 * k, r.y - 4 * k, r.w + 8 * k, r.h + 8 * k};
        draw_rrect(d, glow, rad + 4 * k, draw_alpha(tc(th->alarm), 0.35f * a));
    }
    if (c->race || c->lost) { /* a side of the race, or of the lost update, at the playhead */
        DrawRect glow = {r.x - 5 * k, r.y - 5 * k, r.w + 10 * k, r.h + 10 * k};
        draw_rrect_stroke(d, glow, rad + 5 * k, 3 * k, draw_alpha(tc(th->alarm), a));
    }
    if (c->g == m->ev.g && c->state != THEME_DONE) { /* who acts in this event */
        DrawRect halo = {r.x - 3 * k, r.y - 3 * k, r.w + 6 * k, r.h + 6 * k};
        draw_rrect(d, halo, rad + 3 * k, draw_alpha(sc, 0.45f));
    }
    draw_rrect(d, r, rad, draw_alpha(tc(th->card), a));
    /* state band on the left edge, and a border in the state colour */
    DrawRect band = {r.x, r.y, 7 * k, r.h};
    draw_clip_push(d, band);
    draw_rrect(d, r, rad, sc);
    draw_clip_pop(d);
    draw_rrect_stroke(d, r, rad, c->selected ? 3 * k : 1.5f * k, c->selected ? draw_alpha(tc(th->select), a) : draw_alpha(tc(th->card_edge), a));
    DrawColor txt = draw_alpha(tc(th->text), a), dim = draw_alpha(tc(th->text_dim), a), strong = draw_alpha(tc(th->text_strong), a);
    float x = r.x + 14 * k, maxw = r.w - 20 * k;
    char buf[160], t2[64];
    snprintf(buf, sizeof buf, "g%d", gi->id);
    float pad = (float)text_line_height(f->ui_bold);
    if (s->card_mode == CARD_COMPACT) {
        float y = r.y + (r.h - pad) * 0.5f;
        float e = text_draw(f->ui_bold, x, y, buf, -1, strong);
        if (g->read_obj >= 0 && g->read_val && c->state != THEME_BLOCKED)
            snprintf(buf, sizeof buf, " %s · read %s = %s", gi->func ? gi->func : "", run->objs.items[g->read_obj].name, g->read_val);
        else
            snprintf(buf, sizeof buf, " %s%s%s", gi->func ? gi->func : "", g->wait && *g->wait ? " · " : "", g->wait ? g->wait : "");
        text_draw_clipped(f->ui_small, e, y + 2 * k, buf, maxw - (e - x), txt);
        return;
    }
    float y = r.y + 6 * k;
    float e = text_draw(f->ui_bold, x, y, buf, -1, strong);
    text_draw_clipped(f->ui, e + 6 * k, y, gi->func ? gi->func : "", maxw - (e - x) - 6 * k, txt);
    y += pad + 1 * k;
    int medium = s->card_mode == CARD_MEDIUM;
    /* state line: the state, and what it waits for as Go names it */
    const char *st = theme_state_name(c->state);
    if (c->state == THEME_SLEEPING) {
        fmt_dur(t2, sizeof t2, g->wake_ns - m->now_ns > 0 ? g->wake_ns - m->now_ns : 0);
        snprintf(buf, sizeof buf, "sleep · wakes in %s", t2);
    } else if (medium && g->read_obj >= 0 && g->read_val && c->state != THEME_BLOCKED) {
        snprintf(buf, sizeof buf, "%s · read %s%s", st, g->read_val, c->stale ? " (stale!)" : "");
    } else if (c->state == THEME_BLOCKED && g->wait && *g->wait) {
        snprintf(buf, sizeof buf, "%s", g->wait);
    } else if (c->state == THEME_FAILED && g->wait && *g->wait) {
        snprintf(buf, sizeof buf, "%s", g->wait);
    } else {
        snprintf(buf, sizeof buf, "%s", st);
    }
    if (medium && g->line > 0 && c->state != THEME_DONE && !(g->read_obj >= 0 && g->read_val)) {
        size_t l = strlen(buf);
        snprintf(buf + l, sizeof buf - l, " · line %d", g->line);
    }
    /* the alarm line: a lost update or a race this goroutine is part of */
    char alarm[160];
    alarm[0] = 0;
    if (c->lost == 1 && m->lost && m->lost->victim >= 0 && m->lost->victim < run->gs.len)
        snprintf(alarm, sizeof alarm, "overwrote g%d's %s", run->gs.items[m->lost->victim].id, m->lost->victim_val);
    else if (c->lost == 2 && m->lost)
        snprintf(alarm, sizeof alarm, "its %s was lost", m->lost->victim_val);
    else if (c->race)
        snprintf(alarm, sizeof alarm, g->race_line > 0 ? "data race, line %d" : "data race", g->race_line);
    draw_circle(d, x + 4 * k, y + (float)text_line_height(f->ui_small) * 0.5f + 1 * k, 4 * k, sc);
    if (medium && alarm[0])
        text_draw_clipped(f->ui_small, x + 12 * k, y, alarm, maxw - 12 * k, draw_alpha(tc(th->alarm), 0.6f + 0.4f * a));
    else
        text_draw_clipped(f->ui_small, x + 12 * k, y, buf, maxw - 12 * k, medium && c->stale ? draw_alpha(tc(th->alarm), a) : txt);
    y += (float)text_line_height(f->ui_small) + 1 * k;
    if (!medium && y + (float)text_line_height(f->ui_small) <= r.y + r.h) {
        int n = 0;
        if (c->state == THEME_DONE)
            n = snprintf(buf, sizeof buf, "returned");
        else if (g->line > 0)
            n = snprintf(buf, sizeof buf, "line %d", g->line);
        else
            buf[0] = 0;
        /* a load not yet stored: what it will write back */
        if (c->state != THEME_DONE && g->read_obj >= 0 && g->read_val && n >= 0 && n < (int)sizeof buf)
            snprintf(buf + n, sizeof buf - (size_t)n, "%sread %s%s", n ? " · " : "", g->read_val, c->stale ? " (stale!)" : "");
        if (alarm[0]) {
            text_draw_clipped(f->ui_small, x, y, alarm, maxw, draw_alpha(tc(th->alarm), 0.6f + 0.4f * a));
        } else {
            text_draw_clipped(f->ui_small, x, y, buf, maxw, c->stale ? draw_alpha(tc(th->alarm), a) : dim);
        }
    }
}

static void draw_value_token(Draw *d, RenderFonts *f, const Theme *th, float cx, float cy, float rad, const char *val, float k, float a) {
    draw_circle(d, cx, cy, rad, draw_alpha(tc(th->token), a));
    draw_ring(d, cx, cy, rad, 1.5f * k, draw_alpha(tc(th->token_edge), a * 0.8f));
    if (val && *val) {
        TextFont *ft = f->ui_small;
        float w = text_width(ft, val, -1);
        float maxw = rad * 1.8f;
        float h = (float)text_line_height(ft);
        DrawColor ink = draw_alpha(draw_rgba(0x111111, 255), a);
        if (w <= maxw)
            text_draw(ft, cx - w * 0.5f, cy - h * 0.5f, val, -1, ink);
        else {
            int n = text_fit(ft, val, -1, maxw - text_width(ft, "…", -1));
            float w2 = text_width(ft, val, n) + text_width(ft, "…", -1);
            float e = text_draw(ft, cx - w2 * 0.5f, cy - h * 0.5f, val, n, ink);
            text_draw(ft, e, cy - h * 0.5f, "…", -1, ink);
        }
    }
}

static void draw_pipe(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const ScenePipe *p, float k) {
    const ModelObjInfo *oi = &run->objs.items[p->obj];
    const ModelObj *o = &m->objs[p->obj];
    if (m->step < oi->born || m->step >= p->until) return;
    DrawRect r = dr(p->r);
    char buf[160];
    snprintf(buf, sizeof buf, "%s", oi->name && *oi->name ? oi->name : "chan");
    float e = text_draw(f->ui_bold, r.x + 4 * k, r.y, buf, -1, tc(th->text_strong));
    /* what changes first (fill, closed, how many wait: with hundreds of
     * goroutines their edges are not drawn), then the type */
    char waiting[32] = "";
    if (o->nwaiters > 0) snprintf(waiting, sizeof waiting, " · %d waiting", o->nwaiters);
    if (oi->cap > 0)
        snprintf(buf, sizeof buf, "  %d/%d%s%s · chan %s", o->nbuf, oi->cap, p->closed ? " · closed" : "", waiting, oi->elem ? oi->elem : "");
    else
        snprintf(buf, sizeof buf, "  unbuffered%s%s · chan %s", p->closed ? " · closed" : "", waiting, oi->elem ? oi->elem : "");
    text_draw_clipped(f->ui_small, e, r.y + 3 * k, buf, r.x + r.w - e, tc(p->closed ? th->alarm : th->text_dim));
    float body_y = p->slot0.y - 6 * k, body_h = p->slot0.h + 12 * k;
    if (oi->cap == 0) {
        body_y = p->slot0.y + p->slot0.h * 0.25f;
        body_h = p->slot0.h * 0.5f;
    }
    DrawRect body = {r.x, body_y, r.w, body_h};
    DrawColor fill = tc(th->pipe), edge = tc(p->selected ? th->select : th->pipe_edge);
    if (p->closed) fill = draw_mix(fill, tc(th->bg), 0.5f);
    draw_rrect(d, body, body_h * 0.5f, fill);
    draw_rrect_stroke(d, body, body_h * 0.5f, p->selected ? 3 * k : 2 * k, edge);
    /* flow direction arrow on an unbuffered pipe */
    if (oi->cap == 0) {
        float cx = body.x + body.w * 0.5f, cy = body.y + body.h * 0.5f;
        draw_triangle(d, cx + 6 * k, cy, cx - 4 * k, cy - 5 * k, cx - 4 * k, cy + 5 * k, tc(th->pipe_edge));
    }
    for (int i = 0; i < p->nslots; i++) {
        DrawRect sl = {p->slot0.x + (float)i * p->slot_pitch, p->slot0.y, p->slot0.w, p->slot0.h};
        draw_rrect(d, sl, 5 * k, tc(th->slot));
        draw_rrect_stroke(d, sl, 5 * k, 1 * k, tc(th->grid));
    }
    for (int i = 0; i < p->nvals && i < o->nbuf; i++) {
        float cx = p->slot0.x + (float)i * p->slot_pitch + p->slot0.w * 0.5f, cy = p->slot0.y + p->slot0.h * 0.5f;
        draw_value_token(d, f, th, cx, cy, p->slot0.w * 0.42f, o->buf[p->first_val + i], k, 1);
    }
    /* the values spelled out, for those too long for a token */
    if (o->nbuf > 0 && p->r.y + p->r.h - (body.y + body.h) >= (float)text_line_height(f->ui_small) * 0.8f) {
        char vals[256];
        int l = 0;
        for (int i = 0; i < o->nbuf && l < (int)sizeof vals - 8; i++) l += snprintf(vals + l, sizeof vals - (size_t)l, "%s%s", i ? ", " : "", o->buf[i]);
        text_draw_clipped(f->ui_small, body.x + 6 * k, body.y + body.h + 1 * k, vals, body.w - 40 * k, tc(th->text_dim));
    }
    if (oi->cap > p->nslots) {
        snprintf(buf, sizeof buf, "+%d", oi->cap - p->nslots);
        text_draw(f->ui_small, body.x + body.w - 4 * k - text_width(f->ui_small, buf, -1), body.y + body.h + 1 * k, buf, -1, tc(th->text_dim));
    }
    if (p->closed) { /* caps at both ends: nothing goes in any more */
        draw_line(d, body.x + 2 * k, body.y - 3 * k, body.x + 2 * k, body.y + body.h + 3 * k, 4 * k, tc(th->alarm));
        draw_line(d, body.x + body.w - 2 * k, body.y - 3 * k, body.x + body.w - 2 * k, body.y + body.h + 3 * k, 4 * k, tc(th->alarm));
    }
}

static void draw_lock_icon(Draw *d, float x, float y, float sz, DrawColor c, int open) {
    DrawRect body = {x, y + sz * 0.45f, sz, sz * 0.55f};
    float cx = x + sz * 0.5f, r = sz * 0.3f;
    float pts[2 * 13];
    for (int i = 0; i <= 12; i++) {
        float a = 3.14159265f + 3.14159265f * (float)i / 12.0f;
        pts[2 * i] = cx + cosf(a) * r + (open ? sz * 0.28f : 0);
        pts[2 * i + 1] = y + sz * 0.45f - (open ? sz * 0.12f : 0) + sinf(a) * r;
    }
    draw_polyline(d, pts, 13, sz * 0.12f, c);
    draw_rrect(d, body, sz * 0.1f, c);
}

static void draw_box(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const SceneBox *b, float k) {
    const ModelObjInfo *oi = &run->objs.items[b->obj];
    const ModelObj *o = &m->objs[b->obj];
    if (m->step < oi->born || m->step >= b->until) return;
    DrawRect r = dr(b->r);
    float rad = 10 * k;
    draw_rrect(d, r, rad, tc(th->lock));
    int held = o->owner >= 0 || o->nreaders > 0;
    DrawColor edge = b->selected ? tc(th->select) : held ? tc(th->edge_owner) : tc(th->card_edge);
    draw_rrect_stroke(d, r, rad, b->selected ? 3 * k : 2 * k, edge);
    float icon = MIN(r.h - 16 * k, 26 * k);
    float x = r.x + 10 * k, y = r.y + (r.h - icon) * 0.5f;
    char buf[160];
    if (b->kind == MODEL_MUTEX || b->kind == MODEL_RWMUTEX) {
        draw_lock_icon(d, x, y, icon, held ? tc(th->edge_owner) : tc(th->text_dim), !held);
    } else if (b->kind == MODEL_WAITGROUP) {
        snprintf(buf, sizeof buf, "%ld", o->counter);
        float w = text_width(f->big, buf, -1);
        DrawRect pill = {x, y, MAX(icon, w + 10 * k), icon};
        draw_rrect(d, pill, icon * 0.5f, o->counter > 0 ? tc(th->edge_wait) : tc(th->edge_owner));
        text_draw(f->big, x + (pill.w - w) * 0.5f, y + (icon - (float)text_line_height(f->big)) * 0.5f, buf, -1, draw_rgba(0x111111, 255));
        icon = pill.w;
    } else {
        const char *val = o->value ? o->value : "";
        float w = text_width(f->big, val, -1);
        DrawRect pill = {x, y, MAX(icon, w + 12 * k), icon};
        draw_rrect(d, pill, 6 * k, tc(th->slot));
        draw_rrect_stroke(d, pill, 6 * k, 1.5f * k, tc(th->pipe_edge));
        text_draw(f->big, x + (pill.w - w) * 0.5f, y + (icon - (float)text_line_height(f->big)) * 0.5f, val, -1, tc(th->text_strong));
        icon = pill.w;
    }
    float tx = x + icon + 10 * k, maxw = r.x + r.w - tx - 8 * k;
    float ty = r.y + 5 * k;
    snprintf(buf, sizeof buf, "%s", oi->name && *oi->name ? oi->name : kind_name(b->kind));
    float e = text_draw(f->ui_bold, tx, ty, buf, -1, tc(th->text_strong));
    text_draw_clipped(f->ui_small, e + 6 * k, ty + 3 * k, kind_name(b->kind), r.x + r.w - e - 14 * k, tc(th->text_dim));
    ty += (float)text_line_height(f->ui_bold);
    if (b->kind == MODEL_MUTEX || b->kind == MODEL_RWMUTEX) {
        if (o->owner >= 0)
            snprintf(buf, sizeof buf, "held by g%d", run->gs.items[o->owner].id);
        else if (o->nreaders > 0)
            snprintf(buf, sizeof buf, "%d reader%s", o->nreaders, o->nreaders > 1 ? "s" : "");
        else
            snprintf(buf, sizeof buf, "free");
        float e2 = text_draw(f->ui_small, tx, ty, buf, -1, tc(th->text));
        /* the queue of waiters, in order */
        float qx = e2 + 8 * k;
        for (int i = 0; i < o->nwaiters && qx < r.x + r.w - 12 * k; i++) {
            int g = o->waiters[i];
            draw_circle(d, qx + 5 * k, ty + (float)text_line_height(f->ui_small) * 0.5f, 5 * k, tc(th->state[m->gs[g].state]));
            qx += 13 * k;
        }
    } else if (b->kind == MODEL_WAITGROUP) {
        snprintf(buf, sizeof buf, o->nwaiters ? "counter %ld · %d waiting" : "counter %ld", o->counter, o->nwaiters);
        text_draw_clipped(f->ui_small, tx, ty, buf, maxw, tc(th->text));
    } else if (b->kind == MODEL_VAR) {
        /* a goroutine holding a loaded value that memory no longer has will
         * store over someone else's update: a lost update, visible before it
         * happens */
        char who[160];
        int n = 0, wl = 0, lost = 0;
        who[0] = 0;
        for (int pass = 0; pass < 2; pass++)
            for (int g = 0; g < m->ngs; g++) {
                if (m->gs[g].read_obj != b->obj || !m->gs[g].read_val) continue;
                int stale = o->value && strcmp(o->value, m->gs[g].read_val) != 0;
                if (stale != (pass == 0)) continue; /* stale holders first */
                lost |= stale;
                if (wl < (int)sizeof who - 24)
                    wl += snprintf(who + wl, sizeof who - (size_t)wl, "%sg%d read %s", n ? ", " : "", run->gs.items[g].id, m->gs[g].read_val);
                n++;
            }
        const ModelLost *ml = m->lost && m->lost->obj == b->obj ? m->lost : NULL;
        if (ml && ml->victim >= 0 && ml->victim < run->gs.len) {
            /* the store at the playhead overwrote someone's update */
            snprintf(buf, sizeof buf, "lost update!");
            snprintf(who, sizeof who, "g%d wrote %s over g%d's %s", run->gs.items[ml->g].id, ml->val, run->gs.items[ml->victim].id, ml->victim_val);
            n = 1, lost = 1;
        } else if (m->ev.kind == MARK_WRITE && m->ev.obj == b->obj && m->ev.g >= 0 && m->ev.g < run->gs.len) {
            snprintf(buf, sizeof buf, "g%d wrote %s", run->gs.items[m->ev.g].id, m->ev.value ? m->ev.value : "");
        } else if (m->ev.kind == MARK_READ && m->ev.obj == b->obj && m->ev.g >= 0 && m->ev.g < run->gs.len) {
            snprintf(buf, sizeof buf, "g%d read %s", run->gs.items[m->ev.g].id, m->ev.value ? m->ev.value : "");
        } else if (lost)
            snprintf(buf, sizeof buf, "lost update ahead!");
        else if (n)
            snprintf(buf, sizeof buf, "load → add → store in progress");
        else
            snprintf(buf, sizeof buf, "value in memory");
        if (n && ty + 2 * (float)text_line_height(f->ui_small) <= r.y + r.h) {
            text_draw_clipped(f->ui_small, tx, ty + (float)text_line_height(f->ui_small), who, maxw, lost ? tc(th->alarm) : tc(th->text_dim));
        }
        text_draw_clipped(lost ? f->ui_bold : f->ui_small, tx, ty - (lost ? 1 * k : 0), buf, maxw, lost ? tc(th->alarm) : tc(th->text_dim));
    }
}

static void draw_edges(Draw *d, const Theme *th, const Scene *s, float k) {
    for (int i = 0; i < s->edges.len; i++) {
        const SceneEdge *e = &s->edges.items[i];
        DrawColor c;
        float w = 3 * k;
        switch (e->kind) {
        case EDGE_WAIT: c = tc(th->edge_wait); break;
        case EDGE_OWNER: c = tc(th->edge_owner); break;
        case EDGE_READER: c = draw_alpha(tc(th->edge_owner), 0.7f), w = 2 * k; break;
        case EDGE_LOADED: c = draw_alpha(tc(th->text_dim), 0.8f), w = 2 * k; break;
        case EDGE_STORE: c = tc(th->text_strong), w = 2.5f * k; break;
        default: c = tc(th->text_dim), w = 2 * k; break;
        }
        if (e->alarm) {
            c = tc(th->alarm);
            w = e->kind == EDGE_LOADED ? 3 * k : 4.5f * k;
        }
        draw_bezier(d, e->p, w, c, 11 * k);
    }
}

/* The words on memory edges: what a goroutine read and will store back
 * (on the edge when there is room between card and variable), and what the
 * store at the playhead wrote and whose update it overwrote (a callout under
 * the variable, red for a lost update). Drawn after the cards. */
static void draw_edge_labels(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, float k) {
    char buf[200];
    for (int i = 0; i < s->edges.len; i++) {
        const SceneEdge *e = &s->edges.items[i];
        if (e->g < 0 || e->g >= m->ngs) continue;
        TextFont *ft = e->alarm ? f->ui_bold : f->ui_small;
        float h = (float)text_line_height(ft) + 4 * k;
        DrawRect r;
        if (e->kind == EDGE_LOADED && m->gs[e->g].read_val) {
            snprintf(buf, sizeof buf, "read %s", m->gs[e->g].read_val);
            float tw = text_width(ft, buf, -1), gap = fabsf(e->p[6] - e->p[0]);
            if (gap < tw + 24 * k) continue; /* no room: the card says it */
            float p[2];
            draw_bezier_point(e->p, 0.5f, p);
            r = (DrawRect){p[0] - tw * 0.5f - 6 * k, p[1] - h * 0.5f, tw + 12 * k, h};
        } else if (e->kind == EDGE_STORE) {
            const ModelLost *l = m->lost;
            if (l && l->g == e->g && l->victim >= 0 && l->victim < run->gs.len)
                snprintf(buf, sizeof buf, "g%d wrote %s — overwrote g%d's %s", run->gs.items[e->g].id, l->val, run->gs.items[l->victim].id, l->victim_val);
            else
                snprintf(buf, sizeof buf, "g%d wrote %s", run->gs.items[e->g].id, m->ev.value ? m->ev.value : "");
            /* on the edge when there is room, else the variable's box says it */
            float tw = text_width(ft, buf, -1), gap = fabsf(e->p[6] - e->p[0]);
            if (gap < tw + 24 * k) continue;
            float p[2];
            draw_bezier_point(e->p, 0.5f, p);
            r = (DrawRect){p[0] - tw * 0.5f - 6 * k, p[1] - h * 0.5f, tw + 12 * k, h};
        } else {
            continue;
        }
        if (r.x < s->stage.x + 4 * k) r.x = s->stage.x + 4 * k;
        if (r.x + r.w > s->stage.x + s->stage.w - 4 * k) r.x = s->stage.x + s->stage.w - 4 * k - r.w;
        draw_rrect(d, r, h * 0.5f, e->alarm ? tc(th->alarm) : tc(th->panel));
        draw_rrect_stroke(d, r, h * 0.5f, 1 * k, e->alarm ? tc(th->alarm) : tc(th->panel_edge));
        text_draw(ft, r.x + 6 * k, r.y + 2 * k, buf, -1, e->alarm ? draw_rgba(0xFFFFFF, 255) : tc(th->text_strong));
    }
}

static void draw_legend(Draw *d, RenderFonts *f, const Theme *th, const Scene *s, float k) {
    float x = s->stage.x + 12 * k, y = s->stage.y + s->stage.h - (float)text_line_height(f->ui_small) - 8 * k;
    for (int st = 0; st < THEME_NSTATES; st++) {
        float h = (float)text_line_height(f->ui_small);
        draw_circle(d, x + 5 * k, y + h * 0.5f, 5 * k, tc(th->state[st]));
        x = text_draw(f->ui_small, x + 13 * k, y, theme_state_name((ThemeState)st), -1, tc(th->text_dim)) + 14 * k;
    }
    /* and what the arrows mean */
    static const char *what[2] = {"waits for", "held by"};
    for (int i = 0; i < 2; i++) {
        float h = (float)text_line_height(f->ui_small), cy = y + h * 0.5f;
        DrawColor c = tc(i == 0 ? th->edge_wait : th->edge_owner);
        float p[8] = {x, cy, x + 8 * k, cy, x + 14 * k, cy, x + 22 * k, cy};
        draw_bezier(d, p, 2.5f * k, c, 7 * k);
        x = text_draw(f->ui_small, x + 27 * k, y, what[i], -1, tc(th->text_dim)) + 14 * k;
    }
}

static void draw_stage(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, const SceneView *v) {
    float k = v->scale;
    draw_rrect(d, dr(s->stage), 8 * k, tc(th->panel));
    draw_rrect_stroke(d, dr(s->stage), 8 * k, 1 * k, tc(th->panel_edge));
    draw_clip_push(d, dr(s->stage));
    draw_edges(d, th, s, k);
    for (int i = 0; i < s->pipes.len; i++) draw_pipe(d, f, th, run, m, &s->pipes.items[i], k);
    for (int i = 0; i < s->boxes.len; i++) draw_box(d, f, th, run, m, &s->boxes.items[i], k);
    for (int i = 0; i < s->cards.len; i++) draw_card(d, f, th, run, m, s, &s->cards.items[i], k);
    draw_edge_labels(d, f, th, run, m, s, k);
    for (int i = 0; i < s->tokens.len; i++) {
        const SceneToken *t = &s->tokens.items[i];
        draw_value_token(d, f, th, t->x, t->y, t->radius, t->value, k, 1);
    }
    /* what just happened, or the alarm */
    float bx = s->stage.x + 12 * k, by = s->stage.y + 8 * k;
    if (s->banner) {
        float w = text_width(f->ui_bold, s->banner, -1) + 24 * k;
        if (w > s->stage.w - 24 * k) w = s->stage.w - 24 * k;
        DrawRect br = {bx, by, w, (float)text_line_height(f->ui_bold) + 10 * k};
        draw_rrect(d, br, 6 * k, tc(th->alarm));
        text_draw_clipped(f->ui_bold, bx + 12 * k, by + 5 * k, s->banner, w - 24 * k, draw_rgba(0xFFFFFF, 255));
    } else if (m->ev.text) {
        text_draw_clipped(f->ui, bx + 2 * k, by + 5 * k, m->ev.text, s->stage.w - 24 * k, tc(th->text));
    }
    draw_legend(d, f, th, s, k);
    draw_clip_pop(d);
}

/* ---- chrome ---------------------------------------------------------------- */

static float pill(Draw *d, TextFont *ft, float x, float y, float h, const char *txt, DrawColor bg, DrawColor fg, float k) {
    float w = text_width(ft, txt, -1) + 16 * k;
    DrawRect r = {x, y, w, h};
    draw_rrect(d, r, h * 0.5f, bg);
    text_draw(ft, x + 8 * k, y + (h - (float)text_line_height(ft)) * 0.5f, txt, -1, fg);
    return x + w;
}

static void draw_header(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, const SceneView *v, const RenderExtras *x) {
    float k = v->scale;
    draw_rect(d, dr(s->header), tc(th->panel));
    DrawRect line = {0, s->header.y + s->header.h - 1, s->header.w, 1};
    draw_rect(d, line, tc(th->panel_edge));
    float h = s->header.h - 12 * k, y = 6 * k;
    char buf[256], t[64];
    fmt_dur(t, sizeof t, m->now_ns);
    const char *play = x && x->playing ? "▶" : "❚❚";
    if (x && x->by_time)
        snprintf(buf, sizeof buf, "%s  step %d / %d   t = +%s   by time ×%.3g   ? help", play, m->step + 1, run->nsteps, t, x->speed / 4.0);
    else
        snprintf(buf, sizeof buf, "%s  step %d / %d   t = +%s   by event %.3g ev/s   ? help", play, m->step + 1, run->nsteps, t, x ? x->speed : 0.0);
    float w = text_width(f->ui, buf, -1);
    if (w > s->header.w * 0.45f) { /* narrow window: the short form */
        snprintf(buf, sizeof buf, "%s %d/%d  +%s", play, m->step + 1, run->nsteps, t);
        w = text_width(f->ui, buf, -1);
    }
    float right = s->header.w - w - 14 * k;
    text_draw(f->ui, right, (s->header.h - (float)text_line_height(f->ui)) * 0.5f, buf, -1, tc(th->text));
    float cx = text_draw(f->big, 12 * k, (s->header.h - (float)text_line_height(f->big)) * 0.5f, "goro-viz", -1, tc(th->text_strong));
    /* the seed is always on screen: first after the name */
    char sb[64];
    if (x && x->seed_edit) { /* the seed box: type a seed, Enter runs it */
        snprintf(sb, sizeof sb, "seed: %s▏ (Enter)", x->seed_edit);
        cx = pill(d, f->ui_bold, cx + 12 * k, y, h, sb, tc(th->text_strong), tc(th->bg), k);
    } else {
        snprintf(sb, sizeof sb, "seed %llu", (unsigned long long)run->seed);
        cx = pill(d, f->ui_bold, cx + 12 * k, y, h, sb, tc(th->select), draw_rgba(th->dark ? 0x111111 : 0xFFFFFF, 255), k);
    }
    float room = right - 16 * k;
    const char *title = run->title ? run->title : "";
    if (cx + 12 * k + text_width(f->ui, title, -1) < room)
        cx = text_draw(f->ui, cx + 12 * k, (s->header.h - (float)text_line_height(f->ui)) * 0.5f, title, -1, tc(th->text));
    snprintf(sb, sizeof sb, "strategy %s", run->strategy ? run->strategy : "random");
    if (cx + 8 * k + text_width(f->ui, sb, -1) + 16 * k < room) cx = pill(d, f->ui, cx + 8 * k, y, h, sb, tc(th->grid), tc(th->text), k);
    if (run->schedule) {
        snprintf(sb, sizeof sb, "replaying %s", run->schedule);
        if (cx + 8 * k + text_width(f->ui, sb, -1) + 16 * k < room) cx = pill(d, f->ui, cx + 8 * k, y, h, sb, tc(th->grid), tc(th->text_strong), k);
    }
    if (run->outcome && cx + 8 * k + text_width(f->ui, run->outcome, -1) + 16 * k < room) {
        int bad = strcmp(run->outcome, "exit 0") != 0;
        pill(d, f->ui, cx + 8 * k, y, h, run->outcome, bad ? tc(th->alarm) : tc(th->grid), bad ? draw_rgba(0xFFFFFF, 255) : tc(th->text), k);
    }
}

static void draw_help(Draw *d, RenderFonts *f, const Theme *th, const SceneView *v) {
    float k = v->scale;
    static const char *rows[][2] = {
        {"Space", "play / pause"},
        {"← / →", "one event back / forward"},
        {"Shift+← / →", "previous / next event of the selected goroutine or object"},
        {"Home / End", "start / end of the run"},
        {"+ / -", "faster / slower"},
        {"V", "play by event / by virtual time (idle gaps cut to 0.5 s)"},
        {"] / [", "next / previous seed: runs the file again (N: next)"},
        {"S", "seed box: type a seed, Enter runs it"},
        {"R", "reload the file from disk (compile errors show here)"},
        {"click", "select a goroutine, channel or lock; scrub the timeline"},
        {"wheel", "zoom the timeline around the pointer"},
        {"red marks", "races, lost updates, deadlock, panic (--hunt race opens one)"},
        {"Shift+drag", "pan the timeline"},
        {"T", "dark / light theme"},
        {"?", "this help"},
        {"Q / Esc", "quit"},
    };
    int n = (int)(sizeof rows / sizeof rows[0]);
    DrawRect all = {0, 0, (float)v->width, (float)v->height};
    draw_rect(d, all, draw_alpha(tc(th->overlay), 0.85f));
    float lh = (float)text_line_height(f->ui) + 8 * k;
    float w = 620 * k, h = lh * (float)n + 70 * k;
    DrawRect box = {((float)v->width - w) * 0.5f, ((float)v->height - h) * 0.5f, w, h};
    draw_rrect(d, box, 12 * k, tc(th->panel));
    draw_rrect_stroke(d, box, 12 * k, 2 * k, tc(th->panel_edge));
    text_draw(f->big, box.x + 24 * k, box.y + 16 * k, "Keys", -1, tc(th->text_strong));
    for (int i = 0; i < n; i++) {
        float y = box.y + 54 * k + (float)i * lh;
        text_draw(f->ui_bold, box.x + 24 * k, y, rows[i][0], -1, tc(th->select));
        text_draw(f->ui, box.x + 170 * k, y, rows[i][1], -1, tc(th->text));
    }
}

/* Line [line] of [src] without its indentation, into [out] ([n] bytes). */
static void src_line(const char *src, int line, char *out, size_t n) {
    out[0] = 0;
    if (!src || line < 1) return;
    const char *p = src;
    for (int l = 1; l < line && p; l++) {
        p = strchr(p, '\n');
        if (p) p++;
    }
    if (!p) return;
    while (*p == ' ' || *p == '\t') p++;
    const char *e = strchr(p, '\n');
    int len = e ? (int)(e - p) : (int)strlen(p);
    if (len > 60) len = 60;
    snprintf(out, n, "%.*s%s", len, p, e && e - p > 60 ? "…" : "");
}

/* Goroutine ids of [n] goroutine indices [gs], as "g3 g5", into [out]. */
static void g_list(const ModelRun *run, const int *gs, int n, char *out, size_t cap) {
    size_t l = 0;
    out[0] = 0;
    for (int i = 0; i < n && l + 16 < cap; i++) {
        if (i == 8) {
            snprintf(out + l, cap - l, " … (%d)", n);
            return;
        }
        l += (size_t)snprintf(out + l, cap - l, "%sg%d", i ? " " : "", run->gs.items[gs[i]].id);
    }
}

enum { TIP_LINES = 8, TIP_W = 200 };

/* A tooltip of up to TIP_LINES lines for what is under ([hx],[hy]):
 * goroutine: id, function, state and Go's wait reason, then its stack as
 * far as the trace knows it (the current line with its code, and where the
 * goroutine was created, as Go's traceback prints "created by"); channel:
 * type, buffer contents, waiting senders and receivers; lock: owner or
 * readers and the queue of waiters. */
static void draw_tooltip(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, const SceneView *v, float hx, float hy) {
    SceneHit h = scene_hit(s, hx, hy);
    char tl[TIP_LINES][TIP_W], code[96], ids[128];
    int n = 0;
    float k = v->scale;
    if (h.kind == HIT_CARD && h.index >= 0) {
        const ModelGInfo *gi = &run->gs.items[h.index];
        const ModelG *g = &m->gs[h.index];
        int blocked = g->wait && *g->wait;
        char wake[64] = "";
        if (g->state == THEME_SLEEPING) {
            char t[32];
            fmt_dur(t, sizeof t, g->wake_ns);
            snprintf(wake, sizeof wake, ", wakes at +%s", t);
        }
        snprintf(tl[n++], TIP_W, "goroutine %d [%s]: %s%s", gi->id, blocked ? g->wait : theme_state_name(g->state), gi->func ? gi->func : "?", wake);
        src_line(run->source, g->line, code, sizeof code);
        if (g->line > 0) snprintf(tl[n++], TIP_W, "  at line %d:  %s", g->line, code);
        if (gi->parent >= 0 && gi->parent < run->gs.len) {
            src_line(run->source, gi->create_line, code, sizeof code);
            snprintf(tl[n++], TIP_W, "  created by g%d (%s) at line %d:  %s", run->gs.items[gi->parent].id, run->gs.items[gi->parent].func,
                     gi->create_line, code);
        }
        snprintf(tl[n++], TIP_W, "  born at step %d", gi->born + 1);
        if (g->wait_obj >= 0 && g->wait_obj < run->objs.len)
            snprintf(tl[n++], TIP_W, "  waiting for %s", run->objs.items[g->wait_obj].name);
    } else if (h.kind == HIT_OBJ && h.index >= 0) {
        const ModelObjInfo *oi = &run->objs.items[h.index];
        const ModelObj *o = &m->objs[h.index];
        if (oi->kind == MODEL_CHAN) {
            snprintf(tl[n++], TIP_W, "%s: chan %s, cap %d, len %d%s", oi->name, oi->elem ? oi->elem : "", oi->cap, o->nbuf, o->closed ? ", closed" : "");
            if (o->nbuf) {
                int l = snprintf(tl[n], TIP_W, "  buffer:");
                for (int i = 0; i < o->nbuf && l > 0 && l < TIP_W - 8; i++) l += snprintf(tl[n] + l, (size_t)(TIP_W - l), " %s", o->buf[i]);
                n++;
            }
            int snd[64] = {0}, rcv[64] = {0}, ns = 0, nr = 0;
            for (int i = 0; i < o->nwaiters; i++) {
                int w = o->waiters[i];
                const char *why = m->gs[w].wait ? m->gs[w].wait : "";
                if (strstr(why, "send") && ns < 64)
                    snd[ns++] = w;
                else if (nr < 64)
                    rcv[nr++] = w; /* chan receive, or a select that may receive */
            }
            g_list(run, snd, ns, ids, sizeof ids);
            snprintf(tl[n++], TIP_W, "  waiting to send: %s", ns ? ids : "none");
            g_list(run, rcv, nr, ids, sizeof ids);
            snprintf(tl[n++], TIP_W, "  waiting to receive: %s", nr ? ids : "none");
        } else {
            snprintf(tl[n++], TIP_W, "%s: %s, made at line %d", oi->name, kind_name(oi->kind), oi->line);
            if (oi->kind == MODEL_MUTEX || oi->kind == MODEL_RWMUTEX) {
                if (o->owner >= 0)
                    snprintf(tl[n++], TIP_W, "  held by g%d", run->gs.items[o->owner].id);
                else if (o->nreaders) {
                    g_list(run, o->readers, o->nreaders, ids, sizeof ids);
                    snprintf(tl[n++], TIP_W, "  read-locked by %s", ids);
                } else
                    snprintf(tl[n++], TIP_W, "  free");
                g_list(run, o->waiters, o->nwaiters, ids, sizeof ids);
                snprintf(tl[n++], TIP_W, "  waiters: %s", o->nwaiters ? ids : "none");
            } else if (oi->kind == MODEL_WAITGROUP) {
                snprintf(tl[n++], TIP_W, "  counter %ld", o->counter);
                g_list(run, o->waiters, o->nwaiters, ids, sizeof ids);
                snprintf(tl[n++], TIP_W, "  in Wait: %s", o->nwaiters ? ids : "none");
            } else if (o->value)
                snprintf(tl[n++], TIP_W, "  value %s", o->value);
        }
    } else if (h.kind == HIT_TIMELINE && h.index >= 0 && h.index < run->gs.len) {
        int st = (int)scene_tl_step(s, hx);
        snprintf(tl[n++], TIP_W, "g%d at step %d: %s", run->gs.items[h.index].id, st + 1, theme_state_name(model_state_at(run, h.index, st)));
    }
    if (!n) return;
    float w = 0, lh = (float)text_line_height(f->ui_small) + 2 * k;
    for (int i = 0; i < n; i++) {
        float tw = text_width(f->ui_small, tl[i], -1);
        if (tw > w) w = tw;
    }
    w += 16 * k;
    if (w > (float)v->width * 0.6f) w = (float)v->width * 0.6f;
    float th_ = lh * (float)n + 8 * k;
    float x = hx + 14 * k, y = hy + 18 * k;
    if (x + w > (float)v->width) x = (float)v->width - w - 4 * k;
    if (y + th_ > (float)v->height) y = hy - th_ - 6 * k;
    DrawRect r = {x, y, w, th_};
    draw_rrect(d, r, 5 * k, tc(th->text_strong));
    for (int i = 0; i < n; i++)
        text_draw_clipped(f->ui_small, x + 8 * k, y + 4 * k + lh * (float)i, tl[i], w - 16 * k, tc(th->bg));
}

/* The compiler's messages for the file on disk, over the stage; the last
 * good run stays visible around and under it. */
static void draw_diag(Draw *d, RenderFonts *f, const Theme *th, const Scene *s, const SceneView *v, const char *diag) {
    float k = v->scale, lh = (float)text_line_height(f->mono) + 3 * k;
    int n = 0;
    for (const char *p = diag; *p; p++)
        if (*p == '\n' || !p[1]) n++;
    int maxn = (int)((s->stage.h * 0.6f - 60 * k) / lh);
    if (maxn < 1) maxn = 1;
    int shown = n < maxn ? n : maxn;
    float w = s->stage.w - 40 * k, h = 56 * k + lh * (float)shown + (n > shown ? lh : 0);
    DrawRect box = {s->stage.x + 20 * k, s->stage.y + 16 * k, w, h};
    draw_rrect(d, box, 10 * k, draw_alpha(tc(th->panel), 0.96f));
    draw_rrect_stroke(d, box, 10 * k, 2.5f * k, tc(th->alarm));
    char title[160];
    snprintf(title, sizeof title, "does not compile: %d error%s (fix the file and press R; the last good run is below)", n, n == 1 ? "" : "s");
    text_draw_clipped(f->ui_bold, box.x + 16 * k, box.y + 12 * k, title, w - 32 * k, tc(th->alarm));
    draw_clip_push(d, box);
    const char *p = diag;
    for (int i = 0; i < shown && *p; i++) {
        const char *e = strchr(p, '\n');
        int len = e ? (int)(e - p) : (int)strlen(p);
        char line[512];
        snprintf(line, sizeof line, "%.*s", len < 511 ? len : 511, p);
        text_draw_clipped(f->mono, box.x + 16 * k, box.y + 44 * k + lh * (float)i, line, w - 32 * k, tc(th->text_strong));
        p = e ? e + 1 : p + len;
    }
    if (n > shown) {
        char more[48];
        snprintf(more, sizeof more, "… %d more", n - shown);
        text_draw(f->mono, box.x + 16 * k, box.y + 44 * k + lh * (float)shown, more, -1, tc(th->text_dim));
    }
    draw_clip_pop(d);
}

void render_progress(Draw *d, RenderFonts *f, const Theme *th, int w, int h, float scale, const RenderProgress *p) {
    float k = scale, W = (float)w, H = (float)h;
    draw_clear(d, tc(th->bg));
    char buf[512];
    const char *b = p->file ? strrchr(p->file, '/') : NULL;
    snprintf(buf, sizeof buf, "Simulating %s", b ? b + 1 : p->file ? p->file : "the program");
    float bw = W * 0.6f, x = (W - bw) * 0.5f, y = H * 0.38f;
    text_draw_clipped(f->big, x, y, buf, bw, tc(th->text_strong));
    snprintf(buf, sizeof buf, "seed %llu   strategy %s", (unsigned long long)p->seed, p->strategy ? p->strategy : "random");
    y += (float)text_line_height(f->big) + 6 * k;
    text_draw(f->ui, x, y, buf, -1, tc(th->text));
    y += (float)text_line_height(f->ui) + 16 * k;
    DrawRect bar = {x, y, bw, 14 * k};
    draw_rrect(d, bar, 7 * k, tc(th->grid));
    if (p->max_steps) {
        double fr = (double)p->steps / (double)p->max_steps;
        if (fr > 1) fr = 1;
        DrawRect full = {x, y, (float)(bw * fr) > 14 * k ? (float)(bw * fr) : 14 * k, 14 * k};
        draw_rrect(d, full, 7 * k, tc(th->select));
    } else { /* no limit to measure against: a stripe that moves */
        float sw = bw * 0.2f, at = (float)fmod(p->elapsed * 0.6, 1.0) * (bw - sw);
        DrawRect stripe = {x + at, y, sw, 14 * k};
        draw_rrect(d, stripe, 7 * k, tc(th->select));
    }
    y += 14 * k + 12 * k;
    char steps[32], *o = steps + sizeof steps - 1;
    *o = 0;
    uint64_t v = p->steps;
    int dg = 0;
    do { /* 1,234,567 */
        if (dg && dg % 3 == 0) *--o = ',';
        *--o = (char)('0' + v % 10);
        v /= 10;
        dg++;
    } while (v);
    if (p->max_steps)
        snprintf(buf, sizeof buf, "%s steps of at most %llu   %.1f s", o, (unsigned long long)p->max_steps, p->elapsed);
    else
        snprintf(buf, sizeof buf, "%s steps   %.1f s", o, p->elapsed);
    text_draw(f->ui_bold, x, y, buf, -1, tc(th->text));
    y += (float)text_line_height(f->ui_bold) + 8 * k;
    text_draw(f->ui, x, y, "the whole run is simulated first, then played   ·   Esc or Q cancels", -1, tc(th->text_dim));
}

void render_frame(Draw *d, RenderFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, const SceneView *v, const RenderExtras *x, TimelineCache *tcache) {
    draw_clear(d, tc(th->bg));
    draw_header(d, f, th, run, m, s, v, x);
    draw_stage(d, f, th, run, m, s, v);
    SrcPaneFonts sf = {f->mono, f->ui_bold, f->ui};
    srcpane_draw(d, &sf, th, run, m, s, v);
    srcpane_draw_output(d, &sf, th, m, s, v);
    timeline_draw(d, f, th, run, m, s, v, tcache);
    if (x && x->status) {
        float k = v->scale;
        float w = text_width(f->ui_bold, x->status, -1) + 24 * k;
        DrawRect r = {s->stage.x + (s->stage.w - w) * 0.5f, s->stage.y + s->stage.h - 46 * k, w, 32 * k};
        draw_rrect(d, r, 16 * k, tc(th->text_strong));
        text_draw(f->ui_bold, r.x + 12 * k, r.y + (32 * k - (float)text_line_height(f->ui_bold)) * 0.5f, x->status, -1, tc(th->bg));
    }
    if (x && x->diag) draw_diag(d, f, th, s, v, x->diag);
    if (x && x->hover && !x->help) draw_tooltip(d, f, th, run, m, s, v, x->hover_x, x->hover_y);
    if (x && x->help) draw_help(d, f, th, v);
}
