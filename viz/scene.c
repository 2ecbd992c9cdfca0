/* scene: layout and per-frame geometry of the viewer (see scene.h). No SDL.
 *
 * Invariants: home rects depend only on (run, stage size, scale); only the
 * per-frame fields (state, alpha, grown rect, edges, tokens) depend on the
 * model; card_of/obj_slot always have run.gs.len / run.objs.len entries.
 */
#include "scene.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAXF(a, b) ((a) > (b) ? (a) : (b))
#define MINF(a, b) ((a) < (b) ? (a) : (b))

int scene_rect_contains(SceneRect r, float x, float y) {
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

void scene_free(Scene *s) {
    VEC_FREE(s->cards);
    VEC_FREE(s->pipes);
    VEC_FREE(s->boxes);
    VEC_FREE(s->edges);
    VEC_FREE(s->tokens);
    VEC_FREE(s->src_marks);
    mem_free(s->card_of, sizeof *s->card_of * (size_t)s->ncard_of);
    mem_free(s->obj_slot, sizeof *s->obj_slot * (size_t)s->nobj_slot);
    mem_free(s->fan, sizeof(int) * (size_t)s->nfan);
    memset(s, 0, sizeof *s);
}

static SceneRect rect(float x, float y, float w, float h) {
    SceneRect r = {x, y, w, h};
    return r;
}

static SceneRect lerp_rect(SceneRect a, SceneRect b, float t) {
    return rect(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.w + (b.w - a.w) * t, a.h + (b.h - a.h) * t);
}

/* ---- panes ------------------------------------------------------------- */

static void layout_panes(Scene *s, const SceneView *v, int ng) {
    float W = (float)v->width, H = (float)v->height, k = v->scale;
    float head = MAXF(40 * k, v->ui_h * 1.9f);
    /* the timeline takes what its lanes need, within bounds */
    float want = v->ui_h + 4 * k + 16 * k + 14 * k + (float)ng * 18 * k;
    float tl_h = MINF(MAXF(want, 130 * k), MINF(0.28f * H, 300 * k));
    float right_w = MINF(MAXF(0.34f * W, 340 * k), 600 * k);
    if (right_w > W * 0.5f) right_w = W * 0.5f;
    float gap = 6 * k;
    s->header = rect(0, 0, W, head);
    s->timeline = rect(gap, H - tl_h, W - 2 * gap, tl_h - gap);
    float mid_h = H - head - tl_h - gap;
    s->stage = rect(gap, head, W - right_w - 3 * gap, mid_h);
    float src_h = mid_h * 0.64f;
    s->source = rect(W - right_w - gap, head, right_w, src_h - gap * 0.5f);
    s->output = rect(W - right_w - gap, head + src_h + gap * 0.5f, right_w, mid_h - src_h - gap * 0.5f);
}

/* ---- stage layout (stable) -------------------------------------------- */

/* Cards of one side in [mode]: a grid of [*cols_out] columns of [*cw] x [*ch];
 * returns 0 if [n] cards of that mode do not fit [zone]. */
static int fit_mode(int n, SceneRect zone, float k, SceneCardMode mode, int *cols_out, float *cw, float *ch) {
    static const float min_hs[3] = {60, 40, 20}, max_hs[3] = {84, 50, 26}, min_ws[3] = {170, 150, 84};
    const float gap = 10 * k;
    if (n == 0) {
        *cols_out = 1;
        *cw = 290 * k;
        *ch = max_hs[mode < CARD_CHIP ? mode : 0] * k;
        return 1;
    }
    if (mode == CARD_CHIP) {
        float side = sqrtf(zone.w * zone.h / (float)n);
        int c;
        for (;;) {
            c = (int)((zone.w + side * 0.25f) / (side * 1.25f));
            if (c < 1) c = 1;
            int rows = (n + c - 1) / c;
            if ((float)rows * side * 1.25f <= zone.h || side < 2) break;
            side *= 0.95f;
        }
        *cols_out = c;
        *cw = *ch = side;
        return 1;
    }
    float min_h = min_hs[mode] * k, max_h = max_hs[mode] * k, min_w = min_ws[mode] * k;
    for (int c = 1; c <= 64 && c <= n; c++) {
        int rows = (n + c - 1) / c;
        float w = (zone.w - (float)(c - 1) * gap) / (float)c;
        if (w < min_w) break;
        float h = (zone.h - (float)(rows - 1) * gap) / (float)rows;
        if (h >= min_h) {
            *cols_out = c;
            *cw = MINF(w, 290 * k);
            *ch = MINF(h, max_h);
            return 1;
        }
    }
    return 0;
}

static void place_side(Scene *s, const int *members, int n, SceneRect zone, SceneCardMode mode, int cols, float cw, float ch, float k) {
    float gx = mode == CARD_CHIP ? cw * 0.25f : 10 * k, gy = gx;
    int rows = (n + cols - 1) / (cols ? cols : 1);
    float total_h = (float)rows * ch + (float)(rows - 1) * gy;
    float total_w = (float)cols * cw + (float)(cols - 1) * gx;
    float y0 = zone.y + MAXF(0, (zone.h - total_h) * 0.5f);
    float x0 = zone.x + MAXF(0, (zone.w - total_w) * 0.5f);
    for (int i = 0; i < n; i++) {
        int r = i / cols, c = i % cols;
        SceneCard *card = &s->cards.items[s->card_of[members[i]]];
        card->home = rect(x0 + (float)c * (cw + gx), y0 + (float)r * (ch + gy), cw, ch);
    }
}

typedef struct ObjPlace {
    int obj;    /* object (a place: its index) */
    float want; /* desired centre y */
    float h;
    int n;      /* a place: objects sharing it */
} ObjPlace;

/* sort_by_birth: [order] (object indices) by birth step, then index */
static void sort_by_birth(const ModelRun *run, int *order, int n) {
    for (int i = 1; i < n; i++) { /* insertion sort: stable, done once per layout */
        int x = order[i], j = i - 1;
        while (j >= 0 && run->objs.items[order[j]].born > run->objs.items[x].born) {
            order[j + 1] = order[j];
            j--;
        }
        order[j + 1] = x;
    }
}

static void sort_places(ObjPlace *p, int n) {
    for (int i = 1; i < n; i++) { /* insertion sort: few objects, stable */
        ObjPlace x = p[i];
        int j = i - 1;
        while (j >= 0 && (p[j].want > x.want || (p[j].want == x.want && p[j].obj > x.obj))) {
            p[j + 1] = p[j];
            j--;
        }
        p[j + 1] = x;
    }
}

static float card_cx(const SceneRect r) { return r.x + r.w * 0.5f; }
static float card_cy(const SceneRect r) { return r.y + r.h * 0.5f; }

static void layout_stage(Scene *s, const ModelRun *run, const SceneView *v) {
    float k = v->scale;
    int ng = run->gs.len, no = run->objs.len;
    SceneRect st = s->stage;
    float pad = 14 * k, top = st.y + pad + v->ui_h * 1.6f; /* room for the banner line */
    float legend = v->ui_h + 6 * k; /* the state legend along the bottom */
    SceneRect inner = rect(st.x + pad, top, st.w - 2 * pad, st.y + st.h - pad - legend - top);
    int *left = mem_alloc(sizeof(int) * (size_t)(ng ? ng : 1));
    int *right = mem_alloc(sizeof(int) * (size_t)(ng ? ng : 1));
    int nl = 0, nr = 0;
    for (int i = 0; i < ng; i++) {
        const ModelGInfo *gi = &run->gs.items[i];
        if (i == 0 || gi->nsend > gi->nrecv)
            left[nl++] = i;
        else
            right[nr++] = i;
    }
    if (nr == 0 && nl > 2) { /* nobody on the right: split evenly (main stays left) */
        int keep = (nl + 1) / 2;
        for (int i = keep; i < nl; i++) right[nr++] = left[i];
        nl = keep;
    }
    SceneRect zl, zm, zr;
    if (no > 0) {
        /* the crowded side gets more room */
        float fl = 0.30f, fr = 0.30f, wm = inner.w * 0.30f;
        if (nr > 2 * nl && nr > 4) fl = 0.22f, fr = 0.40f;
        if (nl > 2 * nr && nl > 4) fl = 0.40f, fr = 0.22f;
        float gap3 = (inner.w * (1.0f - fl - fr) - wm) * 0.5f;
        zl = rect(inner.x, inner.y, inner.w * fl, inner.h);
        zm = rect(inner.x + inner.w * fl + gap3, inner.y, wm, inner.h);
        zr = rect(inner.x + inner.w * (1.0f - fr), inner.y, inner.w * fr, inner.h);
    } else {
        float w = inner.w * 0.45f;
        zl = rect(inner.x, inner.y, w, inner.h);
        zm = rect(inner.x + w, inner.y, 0, inner.h);
        zr = rect(inner.x + inner.w - w, inner.y, w, inner.h);
    }
    if (nr == 0) zl = rect(inner.x, inner.y, no > 0 ? inner.w * 0.45f : inner.w, inner.h);
    /* the richest card mode both sides fit, one card size on both sides */
    int cl = 1, cr = 1;
    float wl = 0, hl = 0, wr = 0, hr = 0;
    SceneCardMode mode = CARD_FULL;
    while (mode < CARD_CHIP && !(fit_mode(nl, zl, k, mode, &cl, &wl, &hl) && fit_mode(nr, zr, k, mode, &cr, &wr, &hr)))
        mode = (SceneCardMode)(mode + 1);
    if (mode == CARD_CHIP) {
        fit_mode(nl, zl, k, mode, &cl, &wl, &hl);
        fit_mode(nr, zr, k, mode, &cr, &wr, &hr);
    }
    float cw = MINF(wl, wr), ch = MINF(hl, hr);
    s->card_mode = mode;
    place_side(s, left, nl, zl, mode, cl, cw, ch, k);
    place_side(s, right, nr, zr, mode, cr, cw, ch, k);
    mem_free(left, sizeof(int) * (size_t)(ng ? ng : 1));
    mem_free(right, sizeof(int) * (size_t)(ng ? ng : 1));

    /* objects: middle column at their users' mean height */
    if (no == 0) return;
    ObjPlace *pl = mem_alloc(sizeof *pl * (size_t)no);
    for (int o = 0; o < no; o++) {
        const ModelObjInfo *oi = &run->objs.items[o];
        float acc = 0;
        int cnt = 0;
        for (int u = 0; u + 1 < run->users.len; u += 2)
            if (run->users.items[u] == o) {
                int g = run->users.items[u + 1];
                if (g >= 0 && g < ng) {
                    acc += card_cy(s->cards.items[s->card_of[g]].home);
                    cnt++;
                }
            }
        pl[o].obj = o;
        pl[o].want = cnt ? acc / (float)cnt : zm.y + zm.h * 0.5f;
        pl[o].h = oi->kind == MODEL_CHAN ? 86 * k : oi->kind == MODEL_VAR ? 74 * k : 56 * k;
    }
    float gap = 14 * k;
    /* places: one per object, unless they do not fit the column (a program
     * of many sections, as tutorial.go): then objects whose times do not
     * overlap share one, each shown from its birth till it is gone
     * (ModelObjInfo.gone) */
    float need = gap * (float)(no - 1);
    for (int o = 0; o < no; o++) need += pl[o].h;
    int share = need > zm.h, np = 0;
    int *place_of = mem_alloc(sizeof(int) * (size_t)no), *order = mem_alloc(sizeof(int) * (size_t)no);
    int *until = mem_alloc(sizeof(int) * (size_t)no);
    ObjPlace *pp = mem_alloc(sizeof *pp * (size_t)no);
    for (int o = 0; o < no; o++) order[o] = o;
    if (share) sort_by_birth(run, order, no);
    for (int i = 0; i < no; i++) {
        int o = order[i], born = run->objs.items[o].born, j = np;
        if (share) /* the first place free by its birth */
            for (j = 0; j < np && !(until[j] > 0 && until[j] <= born); j++) {}
        if (j == np) pp[np++] = (ObjPlace){j, 0, 0, 0};
        place_of[o] = j;
        until[j] = run->objs.items[o].gone;
        pp[j].want += pl[o].want; /* summed here, the mean below */
        pp[j].h = MAXF(pp[j].h, pl[o].h);
        pp[j].n++;
    }
    mem_free(order, sizeof(int) * (size_t)no);
    mem_free(until, sizeof(int) * (size_t)no);
    if (share) {
        need = gap * (float)(np - 1);
        for (int j = 0; j < np; j++) need += pp[j].h;
    }
    for (int j = 0; j < np; j++) pp[j].want /= (float)pp[j].n;
    float shrink = need > zm.h ? zm.h / need : 1.0f;
    sort_places(pp, np);
    float y = zm.y;
    for (int i = 0; i < np; i++) {
        float h = pp[i].h * shrink;
        float want = pp[i].want - h * 0.5f;
        if (want < y) want = y;
        pp[i].want = want;
        y = want + h + gap * shrink;
    }
    float over = (y - gap * shrink) - (zm.y + zm.h);
    if (over > 0) /* push the column back up, never above the top */
        for (int i = np - 1; i >= 0; i--) {
            float lim = i == 0 ? zm.y : 0;
            pp[i].want -= over;
            if (i == 0 && pp[i].want < lim) pp[i].want = lim;
        }
    /* each object at its place's top */
    float *ytop = mem_alloc(sizeof(float) * (size_t)(np ? np : 1));
    for (int i = 0; i < np; i++) ytop[pp[i].obj] = pp[i].want;
    for (int o = 0; o < no; o++) pl[o].want = ytop[place_of[o]];
    mem_free(ytop, sizeof(float) * (size_t)(np ? np : 1));
    mem_free(pp, sizeof *pp * (size_t)no);
    mem_free(place_of, sizeof(int) * (size_t)no);
    for (int i = 0; i < no; i++) {
        int o = pl[i].obj;
        const ModelObjInfo *oi = &run->objs.items[o];
        float h = pl[i].h * shrink;
        int until = share && oi->gone > 0 ? oi->gone : INT32_MAX;
        if (oi->kind == MODEL_CHAN) {
            ScenePipe p;
            memset(&p, 0, sizeof p);
            p.obj = o;
            float label0 = MINF(v->ui_h + 4 * k, h * 0.4f);
            float slot_w = MAXF(8 * k, MINF(34 * k, h - label0 - 14 * k));
            float pitch = slot_w + 4 * k;
            int fit = (int)((zm.w - 24 * k) / pitch);
            p.nslots = oi->cap < fit ? oi->cap : fit;
            if (p.nslots < 0) p.nslots = 0;
            float body_w = oi->cap == 0 ? MINF(zm.w, 150 * k) : MINF(zm.w, MAXF(150 * k, (float)p.nslots * pitch + 20 * k));
            p.r = rect(zm.x + (zm.w - body_w) * 0.5f, pl[i].want, body_w, h);
            float label = MINF(v->ui_h + 4 * k, h * 0.4f);
            float sy = p.r.y + label + 7 * k;
            if (sy + slot_w + 6 * k > p.r.y + h) sy = p.r.y + h - slot_w - 6 * k;
            float sx = p.r.x + (p.r.w - ((float)p.nslots * pitch - 4 * k)) * 0.5f;
            p.slot0 = rect(sx, sy, slot_w, slot_w);
            p.slot_pitch = pitch;
            p.until = until;
            VEC_PUSH(s->pipes, p);
            s->obj_slot[o] = s->pipes.len - 1;
        } else {
            SceneBox b;
            memset(&b, 0, sizeof b);
            b.obj = o;
            b.kind = oi->kind;
            float bw = MINF(zm.w, oi->kind == MODEL_VAR ? 250 * k : 190 * k);
            b.r = rect(zm.x + (zm.w - bw) * 0.5f, pl[i].want, bw, h);
            b.until = until;
            VEC_PUSH(s->boxes, b);
            s->obj_slot[o] = s->boxes.len - 1;
        }
    }
    mem_free(pl, sizeof *pl * (size_t)no);
}

/* ---- per-frame: states, edges, tokens --------------------------------- */

/* obj_rect: where object [o] is drawn this frame; an empty rect if
 * nowhere (not laid out, or past its time: its place is another's now) */
static SceneRect obj_rect(const Scene *s, const ModelRun *run, int o) {
    if (o < 0 || o >= s->nobj_slot || s->obj_slot[o] < 0) return rect(0, 0, 0, 0);
    int chan = run->objs.items[o].kind == MODEL_CHAN;
    int until = chan ? s->pipes.items[s->obj_slot[o]].until : s->boxes.items[s->obj_slot[o]].until;
    if (s->step >= until) return rect(0, 0, 0, 0);
    return chan ? s->pipes.items[s->obj_slot[o]].r : s->boxes.items[s->obj_slot[o]].r;
}

/* Anchor points facing each other on a card and an object. */
static void anchors(SceneRect card, SceneRect obj, float *cx, float *cy, float *ox, float *oy, float *dir) {
    int card_left = card_cx(card) < card_cx(obj);
    *dir = card_left ? 1.0f : -1.0f;
    *cx = card_left ? card.x + card.w : card.x;
    *cy = card_cy(card);
    *ox = card_left ? obj.x : obj.x + obj.w;
    *oy = card_cy(obj);
}

static void add_edge(Scene *s, SceneEdgeKind kind, int g, int o, float x0, float y0, float x1, float y1, float dir, int alarm) {
    SceneEdge e;
    e.kind = kind;
    e.g = g;
    e.obj = o;
    float dx = fabsf(x1 - x0) * 0.5f + 20;
    e.p[0] = x0;
    e.p[1] = y0;
    e.p[2] = x0 + dir * dx;
    e.p[3] = y0;
    e.p[4] = x1 - dir * dx;
    e.p[5] = y1;
    e.p[6] = x1;
    e.p[7] = y1;
    e.alarm = alarm;
    VEC_PUSH(s->edges, e);
}

static void card_obj_edge(Scene *s, const ModelRun *run, SceneEdgeKind kind, int g, int o, int to_obj, int alarm, float spread) {
    if (g < 0 || g >= s->ncard_of || s->card_of[g] < 0) return;
    SceneRect cr = s->cards.items[s->card_of[g]].r, orr = obj_rect(s, run, o);
    if (orr.w <= 0) return;
    float cx, cy, ox, oy, dir;
    anchors(cr, orr, &cx, &cy, &ox, &oy, &dir);
    /* a lock's owner edge and a goroutine's wait edge must not share a
     * path: ownership leaves the upper part of the lock for the upper part
     * of the card, waiting arrives at their lower parts */
    if (kind == EDGE_OWNER || kind == EDGE_READER) cy -= cr.h * 0.2f, oy -= orr.h * 0.18f;
    if (kind == EDGE_WAIT && run->objs.items[o].kind != MODEL_CHAN) cy += cr.h * 0.2f, oy += orr.h * 0.18f;
    oy += spread;
    if (to_obj)
        add_edge(s, kind, g, o, cx, cy, ox, oy, dir, alarm);
    else
        add_edge(s, kind, g, o, ox, oy, cx, cy, -dir, alarm);
}

static void add_token(Scene *s, float x, float y, float r, const char *value, int o) {
    SceneToken t = {x, y, r, value, o};
    VEC_PUSH(s->tokens, t);
}

/* Position along a polyline of [n] points at fraction [t] of its length. */
static void along(const float *p, int n, float t, float *x, float *y) {
    float total = 0;
    for (int i = 0; i + 1 < n; i++) total += hypotf(p[2 * i + 2] - p[2 * i], p[2 * i + 3] - p[2 * i + 1]);
    float want = total * t;
    for (int i = 0; i + 1 < n; i++) {
        float l = hypotf(p[2 * i + 2] - p[2 * i], p[2 * i + 3] - p[2 * i + 1]);
        if (want <= l || i + 2 == n) {
            float f = l > 0 ? want / l : 0;
            if (f > 1) f = 1;
            *x = p[2 * i] + (p[2 * i + 2] - p[2 * i]) * f;
            *y = p[2 * i + 1] + (p[2 * i + 3] - p[2 * i + 1]) * f;
            return;
        }
        want -= l;
    }
    *x = p[0];
    *y = p[1];
}

static float ease(float t) { return t < 0 ? 0 : t > 1 ? 1 : t * t * (3 - 2 * t); }

static void card_anchor_to(const Scene *s, const ModelRun *run, int g, int o, float *x, float *y) {
    SceneRect cr = s->cards.items[s->card_of[g]].r, orr = obj_rect(s, run, o);
    float ox, oy, dir;
    anchors(cr, orr, x, y, &ox, &oy, &dir);
}

static void build_tokens(Scene *s, const ModelRun *run, const Model *m, const SceneView *v) {
    const ModelEvent *ev = &m->ev;
    if (v->anim >= 1.0f || ev->obj < 0 || ev->obj >= run->objs.len) return;
    int o = ev->obj;
    if ((ev->kind == MARK_READ || ev->kind == MARK_WRITE) && s->obj_slot[o] >= 0 && run->objs.items[o].kind != MODEL_CHAN) {
        /* a load travels from memory to the goroutine, a store back */
        if (ev->g < 0 || ev->g >= s->ncard_of || s->card_of[ev->g] < 0) return;
        float cx, cy, ox, oy, dir, pts[4];
        anchors(s->cards.items[s->card_of[ev->g]].r, obj_rect(s, run, o), &cx, &cy, &ox, &oy, &dir);
        if (ev->kind == MARK_READ) pts[0] = ox, pts[1] = oy, pts[2] = cx, pts[3] = cy;
        else pts[0] = cx, pts[1] = cy, pts[2] = ox, pts[3] = oy;
        float x, y;
        along(pts, 2, ease(v->anim), &x, &y);
        add_token(s, x, y, 12 * v->scale, ev->value, o);
        return;
    }
    if (ev->kind != MARK_SEND && ev->kind != MARK_RECV) return;
    if (s->obj_slot[o] < 0 || run->objs.items[o].kind != MODEL_CHAN) return;
    const ScenePipe *p = &s->pipes.items[s->obj_slot[o]];
    float t = ease(v->anim), k = v->scale;
    float rad = MINF(12 * k, p->slot0.h * 0.42f);
    int g = ev->g >= 0 && ev->g < s->ncard_of && s->card_of[ev->g] >= 0 ? ev->g : -1;
    int peer = ev->peer >= 0 && ev->peer < s->ncard_of && s->card_of[ev->peer] >= 0 ? ev->peer : -1;
    float pts[6];
    int n = 0;
    float mx = p->r.x + p->r.w * 0.5f, my = p->slot0.y + p->slot0.h * 0.5f;
    int sender = ev->kind == MARK_SEND ? g : peer, receiver = ev->kind == MARK_SEND ? peer : g;
    int slot = ev->slot;
    if (slot >= p->nslots) slot = p->nslots - 1;
    if (slot >= 0 && p->nslots > 0 && peer < 0) {
        float sx = p->slot0.x + (float)slot * p->slot_pitch + p->slot0.w * 0.5f;
        if (g < 0) return;
        float cx, cy;
        card_anchor_to(s, run, g, o, &cx, &cy);
        if (ev->kind == MARK_SEND) {
            pts[0] = cx, pts[1] = cy, pts[2] = sx, pts[3] = my;
        } else {
            pts[0] = sx, pts[1] = my, pts[2] = cx, pts[3] = cy;
        }
        n = 2;
    } else {
        /* direct hand-off: the trace records it as the sender's send then
         * the receiver's receive, so the send carries the value into the
         * pipe and the receive carries it out */
        if (ev->kind == MARK_SEND) {
            if (sender >= 0) card_anchor_to(s, run, sender, o, &pts[0], &pts[1]);
            else pts[0] = mx, pts[1] = my;
            pts[2] = mx, pts[3] = my;
        } else {
            pts[0] = mx, pts[1] = my;
            if (receiver >= 0) card_anchor_to(s, run, receiver, o, &pts[2], &pts[3]);
            else pts[2] = mx, pts[3] = my;
        }
        n = 2;
    }
    float x, y;
    along(pts, n, t, &x, &y);
    add_token(s, x, y, rad, ev->value, o);
}

/* Whether goroutine [g] matters now: selected, acting, in the deadlock's
 * cycle, or one side of the race at the playhead. */
static int shown(const Model *m, const SceneView *v, int g) {
    if (g < 0 || g >= m->ngs) return 0;
    return g == v->selected_g || g == m->ev.g || g == m->ev.peer || (m->gs[g].in_cycle && m->deadlock) || m->gs[g].race;
}

static void build_frame(Scene *s, const ModelRun *run, const Model *m, const SceneView *v) {
    float t = v->anim < 0 ? 0 : v->anim > 1 ? 1 : v->anim;
    s->step = m->step;
    for (int i = 0; i < s->cards.len; i++) {
        SceneCard *c = &s->cards.items[i];
        const ModelGInfo *gi = &run->gs.items[c->g];
        const ModelG *g = c->g < m->ngs ? &m->gs[c->g] : NULL;
        c->state = g ? g->state : THEME_DONE;
        c->in_cycle = g ? g->in_cycle : 0;
        c->selected = c->g == v->selected_g;
        c->stale = 0;
        if (g && g->read_obj >= 0 && g->read_obj < m->nobjs && g->read_val && m->objs[g->read_obj].value)
            c->stale = strcmp(g->read_val, m->objs[g->read_obj].value) != 0;
        c->race = g ? g->race : 0;
        c->lost = m->lost && m->lost->g == c->g ? 1 : m->lost && m->lost->victim == c->g ? 2 : 0;
        c->r = c->home;
        c->alpha = 1;
        if (m->step < gi->born || (g && !g->exists)) {
            c->alpha = 0;
            continue;
        }
        if (m->step == gi->born && t < 1 && gi->parent >= 0 && s->card_of[gi->parent] >= 0) {
            SceneRect pr = s->cards.items[s->card_of[gi->parent]].home;
            SceneRect seed = rect(card_cx(pr) - pr.w * 0.1f, card_cy(pr) - pr.h * 0.1f, pr.w * 0.2f, pr.h * 0.2f);
            c->r = lerp_rect(seed, c->home, ease(t));
            c->alpha = 0.3f + 0.7f * ease(t);
        }
        if (gi->died <= m->step) c->alpha = m->step == gi->died ? 1.0f - 0.65f * ease(t) : 0.35f;
    }
    /* spawn edge while a child grows out of its parent */
    for (int i = 0; i < s->cards.len; i++) {
        const SceneCard *c = &s->cards.items[i];
        const ModelGInfo *gi = &run->gs.items[c->g];
        if (m->step == gi->born && t < 1 && gi->parent >= 0 && s->card_of[gi->parent] >= 0) {
            SceneRect pr = s->cards.items[s->card_of[gi->parent]].home;
            float dir = card_cx(c->r) >= card_cx(pr) ? 1.0f : -1.0f;
            add_edge(s, EDGE_SPAWN, c->g, -1, dir > 0 ? pr.x + pr.w : pr.x, card_cy(pr), card_cx(c->r), card_cy(c->r), dir, 0);
        }
    }
    /* pipes: values in the slots */
    for (int i = 0; i < s->pipes.len; i++) {
        ScenePipe *p = &s->pipes.items[i];
        const ModelObj *o = &m->objs[p->obj];
        p->closed = o->closed;
        p->selected = p->obj == v->selected_obj;
        p->first_val = 0;
        int shown = o->nbuf;
        /* a value being sent is in flight, not yet in its slot */
        if (t < 1 && m->ev.kind == MARK_SEND && m->ev.obj == p->obj && m->ev.peer < 0 && shown > 0) shown--;
        p->nvals = shown < p->nslots ? shown : p->nslots;
    }
    for (int i = 0; i < s->boxes.len; i++) s->boxes.items[i].selected = s->boxes.items[i].obj == v->selected_obj;
    /* edges: blocked-on, owners, readers. With hundreds of chips a fan of
     * edges per goroutine is a smear (and costs a path each): there only
     * the goroutines that matter now get edges (the selection, who acts,
     * a deadlock's cycle); the objects say how many wait. */
    int crowd = s->card_mode == CARD_CHIP;
#define SHOWN(x) (!crowd || shown(m, v, (x)))
    int *fan = s->fan;
    if (s->nfan < run->objs.len) {
        mem_free(s->fan, sizeof(int) * (size_t)s->nfan);
        s->nfan = run->objs.len;
        s->fan = fan = mem_alloc(sizeof(int) * (size_t)(s->nfan ? s->nfan : 1));
    }
    if (s->nfan) memset(fan, 0, sizeof(int) * (size_t)s->nfan);
    for (int g = 0; g < m->ngs && g < s->ncard_of; g++) {
        const ModelG *mg = &m->gs[g];
        if (s->card_of[g] < 0 || !mg->exists || !SHOWN(g)) continue;
        if (g < run->gs.len && run->gs.items[g].born > m->step) continue;
        if (mg->state != THEME_BLOCKED && mg->state != THEME_FAILED) continue;
        int o = mg->wait_obj;
        for (int k = 0; o < 0 && k < mg->nselect; k++) /* a select waits on each of its cases */
            if (mg->select_objs[k] >= 0 && mg->select_objs[k] < run->objs.len)
                card_obj_edge(s, run, EDGE_WAIT, g, mg->select_objs[k], 1, mg->in_cycle && m->deadlock, 0);
        if (o < 0 || o >= run->objs.len) continue;
        float spread = (float)((fan[o] % 5) - 2) * 4 * v->scale;
        fan[o]++;
        card_obj_edge(s, run, EDGE_WAIT, g, o, 1, mg->in_cycle && m->deadlock, spread);
    }
    /* load-add-store in progress: an edge to the variable, alarming when stale */
    for (int g = 0; g < m->ngs && g < s->ncard_of; g++) {
        const ModelG *mg = &m->gs[g];
        if (s->card_of[g] < 0 || !mg->exists || mg->read_obj < 0 || mg->read_obj >= run->objs.len) continue;
        if (!SHOWN(g)) continue;
        if (s->cards.items[s->card_of[g]].alpha <= 0) continue;
        card_obj_edge(s, run, EDGE_LOADED, g, mg->read_obj, 1, s->cards.items[s->card_of[g]].stale, 0);
    }
    /* the store at the playhead, red when it overwrites someone's update */
    if (m->ev.kind == MARK_WRITE && m->ev.g >= 0 && m->ev.obj >= 0 && m->ev.obj < run->objs.len)
        card_obj_edge(s, run, EDGE_STORE, m->ev.g, m->ev.obj, 1, m->lost != NULL, 0);
    for (int o = 0; o < m->nobjs && o < run->objs.len; o++) {
        const ModelObj *mo = &m->objs[o];
        if (mo->owner >= 0) {
            int alarm = m->deadlock && mo->owner < m->ngs && m->gs[mo->owner].in_cycle;
            card_obj_edge(s, run, EDGE_OWNER, mo->owner, o, 0, alarm, 0);
        }
        for (int r = 0; r < mo->nreaders; r++)
            if (!crowd || r < 8 || SHOWN(mo->readers[r])) card_obj_edge(s, run, EDGE_READER, mo->readers[r], o, 0, 0, 0);
    }
#undef SHOWN
    build_tokens(s, run, m, v);
}

/* ---- source and output panes ----------------------------------------- */

static int count_lines(const char *src) {
    if (!src || !*src) return 0;
    int n = 1;
    const char *p = src;
    for (; *p; p++)
        if (*p == '\n') n++;
    if (p[-1] == '\n') n--;
    return n;
}

static void layout_source(Scene *s, const ModelRun *run, const Model *m, const SceneView *v) {
    float k = v->scale;
    SceneRect src = s->source;
    float title = v->ui_h + 10 * k;
    int nlines = count_lines(run->source);
    int digits = nlines >= 1000 ? 4 : nlines >= 100 ? 3 : 2;
    s->src_gutter = 46 * k + (float)(digits + 1) * v->mono_w;
    s->src_text = rect(src.x + s->src_gutter, src.y + title, src.w - s->src_gutter - 6 * k, src.h - title - 6 * k);
    s->src_line_h = v->mono_h;
    s->src_lines = v->mono_h > 0 ? (int)(s->src_text.h / v->mono_h) : 0;
    if (s->src_lines < 1) s->src_lines = 1;
    int top = 1;
    if (v->src_top > 0) {
        top = v->src_top;
    } else if (nlines > s->src_lines) {
        /* scroll by half pages so the code does not jump at every event:
         * show every live goroutine's line when they fit, else follow the
         * selected (or acting) goroutine */
        int lines = s->src_lines, stepq = lines / 2 > 0 ? lines / 2 : 1;
        int lo = 1 << 30, hi = 0;
        for (int g = 0; g < m->ngs && g < run->gs.len; g++) {
            const ModelG *mg = &m->gs[g];
            if (!mg->exists || mg->state == THEME_DONE || mg->line <= 0 || run->gs.items[g].born > m->step) continue;
            if (mg->line < lo) lo = mg->line;
            if (mg->line > hi) hi = mg->line;
        }
        int focus = 0;
        if (v->selected_g >= 0 && v->selected_g < m->ngs) focus = m->gs[v->selected_g].line;
        if (!focus && hi > 0 && hi - lo < lines - 2) {
            top = ((lo - 2 < 0 ? 0 : lo - 2) / stepq) * stepq + 1;
            if (hi >= top + lines) top = hi - lines + 2;
        } else {
            if (!focus && m->ev.g >= 0 && m->ev.g < m->ngs) focus = m->gs[m->ev.g].line;
            if (!focus && m->ngs > 0) focus = m->gs[0].line;
            int want = focus - 1 - lines / 4;
            if (focus) top = ((want < 0 ? 0 : want) / stepq) * stepq + 1;
            if (focus >= top + lines) top = focus - lines + 2;
        }
    }
    if (top > nlines - s->src_lines + 1) top = nlines - s->src_lines + 1;
    if (top < 1) top = 1;
    s->src_first = top;
    /* goroutine marks in the gutter: up to 3 per line */
    int *per_line = mem_alloc(sizeof(int) * (size_t)(s->src_lines + 1));
    for (int g = 0; g < m->ngs && g < run->gs.len; g++) {
        const ModelG *mg = &m->gs[g];
        if (!mg->exists || mg->state == THEME_DONE || mg->line <= 0) continue;
        if (run->gs.items[g].born > m->step) continue;
        int li = mg->line - top;
        if (li < 0 || li >= s->src_lines) continue;
        int slot = per_line[li]++;
        if (slot >= 3) continue;
        SceneSrcMark mk;
        mk.g = g;
        mk.line = mg->line;
        mk.state = mg->state;
        mk.radius = MINF(5 * k, v->mono_h * 0.32f);
        mk.x = src.x + 10 * k + (float)slot * 12 * k;
        mk.y = s->src_text.y + ((float)li + 0.5f) * v->mono_h;
        VEC_PUSH(s->src_marks, mk);
    }
    mem_free(per_line, sizeof(int) * (size_t)(s->src_lines + 1));

    /* output: the last lines that fit */
    SceneRect out = s->output;
    s->out_text = rect(out.x + 10 * k, out.y + title, out.w - 20 * k, out.h - title - 6 * k);
    int fit = v->mono_h > 0 ? (int)(s->out_text.h / v->mono_h) : 1;
    if (fit < 1) fit = 1;
    int len = m->output_len;
    int i = len;
    if (i > 0 && m->output[i - 1] == '\n') i--;
    int seen = 0;
    while (i > 0) {
        if (m->output[i - 1] == '\n') {
            seen++;
            if (seen >= fit) break;
        }
        i--;
    }
    s->out_from = i;
}

/* ---- timeline ---------------------------------------------------------- */

static void layout_timeline(Scene *s, const ModelRun *run, const Model *m, const SceneView *v) {
    float k = v->scale;
    SceneRect tl = s->timeline;
    float label_w = 104 * k, ruler = v->ui_h + 4 * k, mini = 16 * k;
    s->tl_labels = rect(tl.x + 6 * k, tl.y + ruler, label_w - 10 * k, tl.h - ruler - mini - 8 * k);
    s->tl_lanes = rect(tl.x + label_w, tl.y + ruler, tl.w - label_w - 8 * k, tl.h - ruler - mini - 8 * k);
    s->tl_minimap = rect(tl.x + label_w, tl.y + tl.h - mini - 3 * k, tl.w - label_w - 8 * k, mini);
    int n = run->nsteps > 0 ? run->nsteps : 1;
    int from = v->tl_from, to = v->tl_to;
    if (to <= from) {
        from = 0;
        to = n;
    }
    if (from < 0) from = 0;
    if (to > n) to = n;
    if (to <= from) to = from + 1;
    s->tl_from = from;
    s->tl_to = to;
    int ng = run->gs.len;
    float lh = ng ? s->tl_lanes.h / (float)ng : s->tl_lanes.h;
    if (lh > 18 * k) lh = 18 * k;
    s->tl_density = lh < 5 * k;
    s->lane_h = s->tl_density ? 0 : lh;
    s->tl_first_lane = 0;
    s->tl_nlanes = s->tl_density ? 0 : ng;
    s->playhead_x = scene_tl_x(s, (double)m->step + (double)(v->anim < 0 ? 0 : v->anim > 1 ? 1 : v->anim));
}

float scene_tl_x(const Scene *s, double step) {
    double span = (double)(s->tl_to - s->tl_from);
    return s->tl_lanes.x + (float)((step - (double)s->tl_from) / span * (double)s->tl_lanes.w);
}

double scene_tl_step(const Scene *s, float x) {
    double span = (double)(s->tl_to - s->tl_from);
    double st = (double)s->tl_from + (double)(x - s->tl_lanes.x) / (double)(s->tl_lanes.w > 0 ? s->tl_lanes.w : 1) * span;
    return st;
}

float scene_minimap_x(const Scene *s, const ModelRun *run, double step) {
    double n = run->nsteps > 0 ? run->nsteps : 1;
    return s->tl_minimap.x + (float)(step / n * (double)s->tl_minimap.w);
}

/* ---- entry ------------------------------------------------------------- */

static void finish(Scene *s, const ModelRun *run, const Model *m);

void scene_build(Scene *s, const ModelRun *run, const Model *m, const SceneView *v) {
    s->edges.len = s->tokens.len = s->src_marks.len = 0;
    /* the stage layout depends on the run and the size only: keep it */
    if (s->lay_run == run && s->lay_nsteps == run->nsteps && s->lay_seed == run->seed && s->lay_w == v->width && s->lay_h == v->height && s->lay_ng == run->gs.len && s->lay_no == run->objs.len &&
        s->lay_scale == v->scale && s->lay_ui_h == v->ui_h && s->ncard_of == run->gs.len && s->nobj_slot == run->objs.len) {
        for (int i = 0; i < s->cards.len; i++) s->cards.items[i].r = s->cards.items[i].home;
        build_frame(s, run, m, v);
        layout_source(s, run, m, v);
        layout_timeline(s, run, m, v);
        finish(s, run, m);
        return;
    }
    s->lay_run = run;
    s->lay_nsteps = run->nsteps;
    s->lay_seed = run->seed;
    s->lay_w = v->width;
    s->lay_h = v->height;
    s->lay_ng = run->gs.len;
    s->lay_no = run->objs.len;
    s->lay_scale = v->scale;
    s->lay_ui_h = v->ui_h;
    s->cards.len = s->pipes.len = s->boxes.len = 0;
    if (s->ncard_of != run->gs.len) {
        mem_free(s->card_of, sizeof *s->card_of * (size_t)s->ncard_of);
        s->ncard_of = run->gs.len;
        s->card_of = mem_alloc(sizeof *s->card_of * (size_t)(s->ncard_of ? s->ncard_of : 1));
    }
    if (s->nobj_slot != run->objs.len) {
        mem_free(s->obj_slot, sizeof *s->obj_slot * (size_t)s->nobj_slot);
        s->nobj_slot = run->objs.len;
        s->obj_slot = mem_alloc(sizeof *s->obj_slot * (size_t)(s->nobj_slot ? s->nobj_slot : 1));
    }
    for (int i = 0; i < s->nobj_slot; i++) s->obj_slot[i] = -1;
    for (int i = 0; i < run->gs.len; i++) {
        SceneCard c;
        memset(&c, 0, sizeof c);
        c.g = i;
        VEC_PUSH(s->cards, c);
        s->card_of[i] = i;
    }
    layout_panes(s, v, run->gs.len);
    layout_stage(s, run, v);
    build_frame(s, run, m, v);
    layout_source(s, run, m, v);
    layout_timeline(s, run, m, v);
    finish(s, run, m);
}

/* The banner: the most serious thing true at the playhead. */
static void finish(Scene *s, const ModelRun *run, const Model *m) {
    s->banner = NULL;
    s->banner_alarm = 0;
    if (m->panic) {
        s->banner = m->panic;
        s->banner_alarm = 1;
    } else if (m->deadlock) {
        s->banner = "fatal error: all goroutines are asleep - deadlock!";
        s->banner_alarm = 1;
    } else if (m->race) {
        s->banner = m->race;
        s->banner_alarm = 1;
    } else if (m->lost && m->lost->g < run->gs.len && m->lost->victim >= 0 && m->lost->victim < run->gs.len && m->lost->obj < run->objs.len) {
        const ModelLost *l = m->lost;
        snprintf(s->banner_buf, sizeof s->banner_buf, "lost update: g%d stored %s to %s over g%d's %s (g%d had read %s): g%d's update is gone",
                 run->gs.items[l->g].id, l->val, run->objs.items[l->obj].name, run->gs.items[l->victim].id, l->victim_val, run->gs.items[l->g].id,
                 l->read_val, run->gs.items[l->victim].id);
        s->banner = s->banner_buf;
        s->banner_alarm = 1;
    }
}

/* ---- queries ----------------------------------------------------------- */

const SceneCard *scene_card_for(const Scene *s, int g) {
    if (g < 0 || g >= s->ncard_of || s->card_of[g] < 0) return NULL;
    return &s->cards.items[s->card_of[g]];
}

const ScenePipe *scene_pipe_for(const Scene *s, int obj) {
    for (int i = 0; i < s->pipes.len; i++)
        if (s->pipes.items[i].obj == obj) return &s->pipes.items[i];
    return NULL;
}

const SceneBox *scene_box_for(const Scene *s, int obj) {
    for (int i = 0; i < s->boxes.len; i++)
        if (s->boxes.items[i].obj == obj) return &s->boxes.items[i];
    return NULL;
}

SceneHit scene_hit(const Scene *s, float x, float y) {
    SceneHit h = {HIT_NONE, -1};
    if (scene_rect_contains(s->stage, x, y)) {
        for (int i = s->cards.len - 1; i >= 0; i--)
            if (s->cards.items[i].alpha > 0 && scene_rect_contains(s->cards.items[i].r, x, y)) {
                h.kind = HIT_CARD;
                h.index = s->cards.items[i].g;
                return h;
            }
        for (int i = 0; i < s->pipes.len; i++)
            if (scene_rect_contains(s->pipes.items[i].r, x, y)) {
                h.kind = HIT_OBJ;
                h.index = s->pipes.items[i].obj;
                return h;
            }
        for (int i = 0; i < s->boxes.len; i++)
            if (scene_rect_contains(s->boxes.items[i].r, x, y)) {
                h.kind = HIT_OBJ;
                h.index = s->boxes.items[i].obj;
                return h;
            }
        return h;
    }
    if (scene_rect_contains(s->tl_minimap, x, y)) {
        h.kind = HIT_MINIMAP;
        return h;
    }
    if (scene_rect_contains(s->tl_lanes, x, y) || scene_rect_contains(s->tl_labels, x, y)) {
        h.kind = HIT_TIMELINE;
        h.index = (!s->tl_density && s->lane_h > 0) ? s->tl_first_lane + (int)((y - s->tl_lanes.y) / s->lane_h) : -1;
        if (h.index >= s->tl_first_lane + s->tl_nlanes) h.index = -1;
        return h;
    }
    if (scene_rect_contains(s->timeline, x, y)) {
        h.kind = HIT_TIMELINE;
        return h;
    }
    if (scene_rect_contains(s->src_text, x, y)) {
        h.kind = HIT_SOURCE;
        h.index = s->src_first + (int)((y - s->src_text.y) / (s->src_line_h > 0 ? s->src_line_h : 1));
        return h;
    }
    if (scene_rect_contains(s->output, x, y)) h.kind = HIT_OUTPUT;
    return h;
}

void scene_invalidate(Scene *s) { s->lay_run = NULL; }
