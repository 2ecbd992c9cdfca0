/* draw: anti-aliased shapes over SDL_RenderGeometry (see draw.h).
 *
 * Invariants: vertex/index scratch buffers only grow; every shape is emitted
 * as one SDL_RenderGeometry call; clip stack depth stays within CLIP_MAX.
 */
#include "draw.h"

#include <math.h>
#include <string.h>

#include "mem.h"

#define CLIP_MAX 16
#define FEATHER 1.0f /* width of the fading rim, device pixels */

struct Draw {
    SDL_Renderer *r;
    VEC(SDL_Vertex) v;
    VEC(int) idx;
    SDL_Rect clip[CLIP_MAX];
    int has_clip[CLIP_MAX];
    int nclip;
    VEC(float) pts; /* outline scratch */
};

Draw *draw_new(SDL_Renderer *r) {
    Draw *d = mem_alloc(sizeof *d);
    d->r = r;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    return d;
}

void draw_free(Draw *d) {
    if (!d) return;
    VEC_FREE(d->v);
    VEC_FREE(d->idx);
    VEC_FREE(d->pts);
    mem_free(d, sizeof *d);
}

SDL_Renderer *draw_renderer(Draw *d) { return d->r; }

DrawColor draw_rgba(uint32_t rgb, uint8_t a) {
    DrawColor c = {(uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb, a};
    return c;
}

static uint8_t lerp8(uint8_t a, uint8_t b, float t) {
    float v = (float)a + ((float)b - (float)a) * t;
    if (v < 0) v = 0;
    if (v > 255) v = 255;
    return (uint8_t)(v + 0.5f);
}

DrawColor draw_mix(DrawColor a, DrawColor b, float t) {
    DrawColor c = {lerp8(a.r, b.r, t), lerp8(a.g, b.g, t), lerp8(a.b, b.b, t), lerp8(a.a, b.a, t)};
    return c;
}

DrawColor draw_alpha(DrawColor c, float k) {
    if (k < 0) k = 0;
    if (k > 1) k = 1;
    c.a = (uint8_t)((float)c.a * k + 0.5f);
    return c;
}

int draw_contains(DrawRect r, float x, float y) {
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

void draw_clear(Draw *d, DrawColor c) {
    SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, 255);
    SDL_RenderClear(d->r);
}

void draw_rect(Draw *d, DrawRect r, DrawColor c) {
    SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, c.a);
    SDL_FRect fr = {r.x, r.y, r.w, r.h};
    /* opaque fills need no blending: much faster in the software renderer */
    if (c.a == 255) SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_NONE);
    SDL_RenderFillRectF(d->r, &fr);
    if (c.a == 255) SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_BLEND);
}

/* ---- vertex batching ------------------------------------------------- */

static void batch_reset(Draw *d) {
    d->v.len = 0;
    d->idx.len = 0;
}

static int vtx(Draw *d, float x, float y, DrawColor c) {
    SDL_Vertex v;
    v.position.x = x;
    v.position.y = y;
    v.color.r = c.r;
    v.color.g = c.g;
    v.color.b = c.b;
    v.color.a = c.a;
    v.tex_coord.x = 0;
    v.tex_coord.y = 0;
    VEC_PUSH(d->v, v);
    return d->v.len - 1;
}

static void tri(Draw *d, int a, int b, int c) {
    VEC_PUSH(d->idx, a);
    VEC_PUSH(d->idx, b);
    VEC_PUSH(d->idx, c);
}

static void quad(Draw *d, int a, int b, int c, int e) {
    tri(d, a, b, c);
    tri(d, a, c, e);
}

static void batch_flush(Draw *d) {
    if (d->idx.len) SDL_RenderGeometry(d->r, NULL, d->v.items, d->v.len, d->idx.items, d->idx.len);
    batch_reset(d);
}

void draw_geometry(Draw *d, SDL_Texture *tex, const SDL_Vertex *v, int nv, const int *idx, int ni) {
    if (ni > 0) SDL_RenderGeometry(d->r, tex, v, nv, idx, ni);
}

/* ---- outlines ------------------------------------------------------------ */

/* Unit normal of segment a->b rotated left (-dy, dx). */
static void seg_normal(float ax, float ay, float bx, float by, float *nx, float *ny) {
    float dx = bx - ax, dy = by - ay;
    float l = sqrtf(dx * dx + dy * dy);
    if (l < 1e-6f) {
        *nx = 0;
        *ny = 0;
        return;
    }
    *nx = -dy / l;
    *ny = dx / l;
}

/* Miter normal at vertex i of a path (scaled so offsets keep the line width),
 * limited so sharp corners do not spike. */
static void vertex_normal(const float *p, int n, int i, int closed, float *mx, float *my) {
    int ip = i - 1, in = i + 1;
    if (closed) {
        ip = (i + n - 1) % n;
        in = (i + 1) % n;
    }
    float n0x = 0, n0y = 0, n1x = 0, n1y = 0;
    int has0 = ip >= 0, has1 = in < n;
    if (has0) seg_normal(p[2 * ip], p[2 * ip + 1], p[2 * i], p[2 * i + 1], &n0x, &n0y);
    if (has1) seg_normal(p[2 * i], p[2 * i + 1], p[2 * in], p[2 * in + 1], &n1x, &n1y);
    if (!has0 || (n0x == 0 && n0y == 0)) {
        n0x = n1x;
        n0y = n1y;
    }
    if (!has1 || (n1x == 0 && n1y == 0)) {
        n1x = n0x;
        n1y = n0y;
    }
    float sx = n0x + n1x, sy = n0y + n1y;
    float l = sqrtf(sx * sx + sy * sy);
    if (l < 1e-6f) {
        *mx = n0x;
        *my = n0y;
        return;
    }
    sx /= l;
    sy /= l;
    float cosh = sx * n0x + sy * n0y; /* cos of half the turn */
    if (cosh < 0.35f) cosh = 0.35f;
    *mx = sx / cosh;
    *my = sy / cosh;
}

/* Stroke a path of [n] points with full alpha core of width-2*FEATHER/2 and
 * feathered rims. */
static void stroke_path(Draw *d, const float *p, int n, int closed, float width, DrawColor c) {
    if (n < 2) return;
    DrawColor c0 = c;
    c0.a = 0;
    float half = width * 0.5f;
    float core = half - FEATHER * 0.5f;
    float edge = half + FEATHER * 0.5f;
    if (core < 0) {
        /* hairline: fade the whole thing by how thin it is */
        c = draw_alpha(c, width / FEATHER);
        core = 0;
        edge = FEATHER;
    }
    batch_reset(d);
    for (int i = 0; i < n; i++) {
        float mx, my;
        vertex_normal(p, n, i, closed, &mx, &my);
        float x = p[2 * i], y = p[2 * i + 1];
        vtx(d, x + mx * edge, y + my * edge, c0);
        vtx(d, x + mx * core, y + my * core, c);
        vtx(d, x - mx * core, y - my * core, c);
        vtx(d, x - mx * edge, y - my * edge, c0);
    }
    int segs = closed ? n : n - 1;
    for (int i = 0; i < segs; i++) {
        int a = 4 * i, b = 4 * ((i + 1) % n);
        for (int k = 0; k < 3; k++) quad(d, a + k, b + k, b + k + 1, a + k + 1);
    }
    batch_flush(d);
}

/* Fill a convex outline (centre fan) with a feathered rim outside it. */
static void fill_convex(Draw *d, const float *p, int n, DrawColor c) {
    if (n < 3) return;
    DrawColor c0 = c;
    c0.a = 0;
    float cx = 0, cy = 0;
    for (int i = 0; i < n; i++) {
        cx += p[2 * i];
        cy += p[2 * i + 1];
    }
    cx /= (float)n;
    cy /= (float)n;
    /* orientation: make normals point outwards */
    float area = 0;
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        area += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
    }
    float s = area > 0 ? -1.0f : 1.0f; /* y-down: positive area = clockwise on screen */
    batch_reset(d);
    int centre = vtx(d, cx, cy, c);
    for (int i = 0; i < n; i++) {
        float mx, my;
        vertex_normal(p, n, i, 1, &mx, &my);
        mx *= s;
        my *= s;
        float x = p[2 * i], y = p[2 * i + 1];
        vtx(d, x - mx * FEATHER * 0.5f, y - my * FEATHER * 0.5f, c);
        vtx(d, x + mx * FEATHER * 0.5f, y + my * FEATHER * 0.5f, c0);
    }
    for (int i = 0; i < n; i++) {
        int a = 1 + 2 * i, b = 1 + 2 * ((i + 1) % n);
        tri(d, centre, a, b);
        quad(d, a, b, b + 1, a + 1);
    }
    batch_flush(d);
}

static void pts_reset(Draw *d) { d->pts.len = 0; }
static void pts_add(Draw *d, float x, float y) {
    VEC_PUSH(d->pts, x);
    VEC_PUSH(d->pts, y);
}

static int arc_segments(float radius) {
    int n = (int)(radius * 0.6f) + 3;
    return n > 24 ? 24 : n;
}

static void rrect_outline(Draw *d, DrawRect r, float rad) {
    pts_reset(d);
    float m = (r.w < r.h ? r.w : r.h) * 0.5f;
    if (rad > m) rad = m;
    if (rad < 0.5f) {
        pts_add(d, r.x, r.y);
        pts_add(d, r.x + r.w, r.y);
        pts_add(d, r.x + r.w, r.y + r.h);
        pts_add(d, r.x, r.y + r.h);
        return;
    }
    int seg = arc_segments(rad);
    float cx[4] = {r.x + r.w - rad, r.x + r.w - rad, r.x + rad, r.x + rad};
    float cy[4] = {r.y + rad, r.y + r.h - rad, r.y + r.h - rad, r.y + rad};
    float a0[4] = {-1.5707963f, 0.0f, 1.5707963f, 3.1415927f};
    for (int k = 0; k < 4; k++)
        for (int i = 0; i <= seg; i++) {
            float a = a0[k] + 1.5707963f * (float)i / (float)seg;
            pts_add(d, cx[k] + cosf(a) * rad, cy[k] + sinf(a) * rad);
        }
}

/* Fill of an opaque rounded rect: snapped to whole pixels, three plain
 * rectangles (fast) and four anti-aliased corner wedges. */
static void rrect_fast(Draw *d, DrawRect r, float rad, DrawColor c) {
    r.x = floorf(r.x + 0.5f);
    r.y = floorf(r.y + 0.5f);
    r.w = floorf(r.w + 0.5f);
    r.h = floorf(r.h + 0.5f);
    rad = floorf(rad + 0.5f);
    DrawRect mid = {r.x + rad - 1, r.y, r.w - 2 * rad + 2, r.h};
    DrawRect left = {r.x, r.y + rad - 1, rad, r.h - 2 * rad + 2};
    DrawRect right = {r.x + r.w - rad, r.y + rad - 1, rad, r.h - 2 * rad + 2};
    draw_rect(d, mid, c);
    draw_rect(d, left, c);
    draw_rect(d, right, c);
    float cx[4] = {r.x + r.w - rad, r.x + r.w - rad, r.x + rad, r.x + rad};
    float cy[4] = {r.y + rad, r.y + r.h - rad, r.y + r.h - rad, r.y + rad};
    float a0[4] = {-1.5707963f, 0.0f, 1.5707963f, 3.1415927f};
    int seg = arc_segments(rad);
    for (int k = 0; k < 4; k++) {
        pts_reset(d);
        pts_add(d, cx[k], cy[k]);
        for (int i = 0; i <= seg; i++) {
            float a = a0[k] + 1.5707963f * (float)i / (float)seg;
            pts_add(d, cx[k] + cosf(a) * rad, cy[k] + sinf(a) * rad);
        }
        fill_convex(d, d->pts.items, d->pts.len / 2, c);
    }
}

void draw_rrect(Draw *d, DrawRect r, float radius, DrawColor c) {
    if (r.w <= 0 || r.h <= 0 || c.a == 0) return;
    if (c.a == 255 && radius >= 2 && r.w > 2 * radius + 4 && r.h > 2 * radius + 4 && r.w * r.h > 3000) {
        rrect_fast(d, r, radius, c);
        return;
    }
    rrect_outline(d, r, radius);
    fill_convex(d, d->pts.items, d->pts.len / 2, c);
}

void draw_rrect_stroke(Draw *d, DrawRect r, float radius, float width, DrawColor c) {
    if (r.w <= 0 || r.h <= 0 || c.a == 0) return;
    DrawRect in = {r.x + width * 0.5f, r.y + width * 0.5f, r.w - width, r.h - width};
    rrect_outline(d, in, radius - width * 0.5f);
    stroke_path(d, d->pts.items, d->pts.len / 2, 1, width, c);
}

static void circle_outline(Draw *d, float cx, float cy, float radius) {
    pts_reset(d);
    int seg = arc_segments(radius) * 4;
    if (seg < 12) seg = 12;
    if (seg > 72) seg = 72;
    for (int i = 0; i < seg; i++) {
        float a = 6.2831853f * (float)i / (float)seg;
        pts_add(d, cx + cosf(a) * radius, cy + sinf(a) * radius);
    }
}

void draw_circle(Draw *d, float cx, float cy, float radius, DrawColor c) {
    if (radius <= 0 || c.a == 0) return;
    circle_outline(d, cx, cy, radius);
    fill_convex(d, d->pts.items, d->pts.len / 2, c);
}

void draw_ring(Draw *d, float cx, float cy, float radius, float width, DrawColor c) {
    if (radius <= 0 || c.a == 0) return;
    circle_outline(d, cx, cy, radius);
    stroke_path(d, d->pts.items, d->pts.len / 2, 1, width, c);
}

void draw_line(Draw *d, float x0, float y0, float x1, float y1, float width, DrawColor c) {
    float p[4] = {x0, y0, x1, y1};
    stroke_path(d, p, 2, 0, width, c);
}

void draw_polyline(Draw *d, const float *xy, int n, float width, DrawColor c) {
    stroke_path(d, xy, n, 0, width, c);
}

void draw_bezier_point(const float p[8], float t, float out[2]) {
    float u = 1 - t;
    float a = u * u * u, b = 3 * u * u * t, cc = 3 * u * t * t, e = t * t * t;
    out[0] = a * p[0] + b * p[2] + cc * p[4] + e * p[6];
    out[1] = a * p[1] + b * p[3] + cc * p[5] + e * p[7];
}

void draw_triangle(Draw *d, float x0, float y0, float x1, float y1, float x2, float y2, DrawColor c) {
    float p[6] = {x0, y0, x1, y1, x2, y2};
    fill_convex(d, p, 3, c);
}

void draw_bezier(Draw *d, const float p[8], float width, DrawColor c, float arrow) {
    float len = fabsf(p[6] - p[0]) + fabsf(p[7] - p[1]);
    int seg = (int)(len / 8.0f) + 4;
    if (seg > 64) seg = 64;
    float q[2 * 65];
    /* stop the line short of the arrow head so the tip stays sharp */
    float tend = 1.0f;
    float tip[2] = {p[6], p[7]}, back[2];
    if (arrow > 0) {
        draw_bezier_point(p, 0.97f, back);
        float dx = tip[0] - back[0], dy = tip[1] - back[1];
        float l = sqrtf(dx * dx + dy * dy);
        if (l < 1e-3f) {
            dx = 1;
            dy = 0;
            l = 1;
        }
        dx /= l;
        dy /= l;
        float bx = tip[0] - dx * arrow, by = tip[1] - dy * arrow;
        float nx = -dy * arrow * 0.55f, ny = dx * arrow * 0.55f;
        draw_triangle(d, tip[0], tip[1], bx + nx, by + ny, bx - nx, by - ny, c);
        float cut = len > 1 ? arrow * 0.8f / len : 0;
        tend = 1.0f - (cut > 0.4f ? 0.4f : cut);
    }
    for (int i = 0; i <= seg; i++) draw_bezier_point(p, tend * (float)i / (float)seg, q + 2 * i);
    stroke_path(d, q, seg + 1, 0, width, c);
}

/* ---- clipping ------------------------------------------------------------ */

void draw_clip_push(Draw *d, DrawRect r) {
    GORO_ASSERT(d->nclip < CLIP_MAX);
    SDL_Rect nr = {(int)floorf(r.x), (int)floorf(r.y), (int)ceilf(r.w), (int)ceilf(r.h)};
    if (d->nclip > 0) {
        SDL_Rect out;
        if (!SDL_IntersectRect(&d->clip[d->nclip - 1], &nr, &out)) out = (SDL_Rect){nr.x, nr.y, 0, 0};
        nr = out;
    }
    d->clip[d->nclip] = nr;
    d->has_clip[d->nclip] = 1;
    d->nclip++;
    SDL_RenderSetClipRect(d->r, &nr);
}

void draw_clip_pop(Draw *d) {
    GORO_ASSERT(d->nclip > 0);
    d->nclip--;
    if (d->nclip == 0)
        SDL_RenderSetClipRect(d->r, NULL);
    else
        SDL_RenderSetClipRect(d->r, &d->clip[d->nclip - 1]);
}
