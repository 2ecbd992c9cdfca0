/* draw: anti-aliased shapes over SDL_RenderGeometry (see draw.h).
 *
 * Discs, rings and rounded rectangles are composed from cached coverage
 * sprites (a white disc or ring with its anti-aliased rim in alpha, tinted
 * with colour and alpha mod) and plain rectangles: SDL's software renderer
 * fills every blended triangle through a temporary surface of its bounding
 * box, so a textured blit is an order of magnitude cheaper than the same
 * shape as triangles. Paths (edges, lines, arrow heads) stay geometry.
 *
 * Invariants: vertex/index scratch buffers only grow; every path is emitted
 * as one SDL_RenderGeometry call; clip stack depth stays within CLIP_MAX;
 * (ox, oy) is subtracted from every coordinate while a layer is being
 * painted and is (0, 0) otherwise; sprites belong to the renderer d->r and
 * are destroyed by draw_free.
 */
#include "draw.h"

#include <math.h>
#include <string.h>

#include "mem.h"

#define CLIP_MAX 16
#define FEATHER 1.0f /* width of the fading rim, device pixels */

enum { SPRITE_DISC = 1, SPRITE_RING = 2 };

/* Sprite: a coverage texture: a disc of radius key1/4 px, or a ring of outer
 * radius key1/4 and width key2/4; side w px, centre at (w/2, w/2). */
typedef struct Sprite {
    int kind, key1, key2, w;
    SDL_Texture *tex;
} Sprite;

struct Draw {
    SDL_Renderer *r;
    VEC(SDL_Vertex) v;
    VEC(int) idx;
    SDL_Rect clip[CLIP_MAX];
    int has_clip[CLIP_MAX];
    int nclip;
    VEC(float) pts; /* outline scratch */
    VEC(Sprite) sprites;
    float ox, oy;      /* origin of the layer being painted */
    DrawLayer *layer;  /* the layer being painted, or NULL */
};

Draw *draw_new(SDL_Renderer *r) {
    Draw *d = mem_alloc(sizeof *d);
    d->r = r;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    return d;
}

void draw_free(Draw *d) {
    if (!d) return;
    for (int i = 0; i < d->sprites.len; i++) SDL_DestroyTexture(d->sprites.items[i].tex);
    VEC_FREE(d->sprites);
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
    if (r.w <= 0 || r.h <= 0 || c.a == 0) return;
    SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, c.a);
    SDL_FRect fr = {r.x - d->ox, r.y - d->oy, r.w, r.h};
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
    v.position.x -= d->ox;
    v.position.y -= d->oy;
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
    if (ni <= 0) return;
    if (d->ox == 0 && d->oy == 0) {
        SDL_RenderGeometry(d->r, tex, v, nv, idx, ni);
        return;
    }
    batch_reset(d);
    for (int i = 0; i < nv; i++) {
        SDL_Vertex w = v[i];
        w.position.x -= d->ox;
        w.position.y -= d->oy;
        VEC_PUSH(d->v, w);
    }
    SDL_RenderGeometry(d->r, tex, d->v.items, nv, idx, ni);
    batch_reset(d);
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

/* ---- sprites ------------------------------------------------------------- */

static float clamp01(float x) { return x < 0 ? 0 : x > 1 ? 1 : x; }

/* The sprite of [kind] with radius [rad] (and ring [width]), made on first use. */
static Sprite *sprite(Draw *d, int kind, float rad, float width) {
    int k1 = (int)(rad * 4 + 0.5f), k2 = kind == SPRITE_RING ? (int)(width * 4 + 0.5f) : 0;
    for (int i = 0; i < d->sprites.len; i++) {
        Sprite *sp = &d->sprites.items[i];
        if (sp->kind == kind && sp->key1 == k1 && sp->key2 == k2) return sp;
    }
    float r = (float)k1 / 4, w = (float)k2 / 4;
    int side = 2 * (int)ceilf(r + 1);
    if (side < 2) side = 2;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, side, side, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surf) return NULL;
    float c = (float)side * 0.5f;
    for (int y = 0; y < side; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)surf->pixels + y * surf->pitch);
        for (int x = 0; x < side; x++) {
            /* coverage from the distance to the centre, one pixel of rim */
            float dist = hypotf((float)x + 0.5f - c, (float)y + 0.5f - c);
            float a = clamp01(r + 0.5f - dist);
            if (kind == SPRITE_RING) a = fminf(a, clamp01(dist - (r - w) + 0.5f));
            row[x] = ((Uint32)(a * 255 + 0.5f) << 24) | 0xFFFFFFu;
        }
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(d->r, surf);
    SDL_FreeSurface(surf);
    if (!tex) return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    Sprite sp = {kind, k1, k2, side, tex};
    VEC_PUSH(d->sprites, sp);
    return &d->sprites.items[d->sprites.len - 1];
}

/* Copy the part [src] of sprite [sp] tinted [c] to [dst] (device pixels). */
static void sprite_copy(Draw *d, Sprite *sp, SDL_Rect src, SDL_FRect dst, DrawColor c) {
    SDL_SetTextureColorMod(sp->tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(sp->tex, c.a);
    dst.x -= d->ox;
    dst.y -= d->oy;
    SDL_RenderCopyF(d->r, sp->tex, &src, &dst);
}

/* The four corners of a rounded rect [r] (whole pixels) of radius [rad]
 * (whole pixels) from the sprite [sp] (centre at rad). */
static void corners(Draw *d, Sprite *sp, DrawRect r, int rad, DrawColor c) {
    int o = sp->w / 2 - rad; /* sprite margin around the radius */
    float R = (float)rad;
    SDL_Rect tl = {o, o, rad, rad}, tr = {sp->w / 2, o, rad, rad};
    SDL_Rect bl = {o, sp->w / 2, rad, rad}, br = {sp->w / 2, sp->w / 2, rad, rad};
    sprite_copy(d, sp, tl, (SDL_FRect){r.x, r.y, R, R}, c);
    sprite_copy(d, sp, tr, (SDL_FRect){r.x + r.w - R, r.y, R, R}, c);
    sprite_copy(d, sp, bl, (SDL_FRect){r.x, r.y + r.h - R, R, R}, c);
    sprite_copy(d, sp, br, (SDL_FRect){r.x + r.w - R, r.y + r.h - R, R, R}, c);
}

static DrawRect snap(DrawRect r) {
    float x0 = floorf(r.x + 0.5f), y0 = floorf(r.y + 0.5f);
    float x1 = floorf(r.x + r.w + 0.5f), y1 = floorf(r.y + r.h + 0.5f);
    DrawRect o = {x0, y0, x1 - x0, y1 - y0};
    return o;
}

void draw_rrect(Draw *d, DrawRect r, float radius, DrawColor c) {
    if (r.w <= 0 || r.h <= 0 || c.a == 0) return;
    r = snap(r);
    float m = (r.w < r.h ? r.w : r.h) * 0.5f;
    int rad = (int)floorf((radius > m ? m : radius) + 0.5f);
    if (rad > (int)m) rad = (int)m;
    Sprite *sp = rad >= 1 ? sprite(d, SPRITE_DISC, (float)rad, 0) : NULL;
    if (!sp) {
        if (rad < 1) {
            draw_rect(d, r, c);
            return;
        }
        rrect_outline(d, r, radius); /* no texture: the geometry path */
        fill_convex(d, d->pts.items, d->pts.len / 2, c);
        return;
    }
    float R = (float)rad;
    /* three rectangles that do not overlap (alpha must not add up) */
    draw_rect(d, (DrawRect){r.x + R, r.y, r.w - 2 * R, r.h}, c);
    draw_rect(d, (DrawRect){r.x, r.y + R, R, r.h - 2 * R}, c);
    draw_rect(d, (DrawRect){r.x + r.w - R, r.y + R, R, r.h - 2 * R}, c);
    corners(d, sp, r, rad, c);
}

void draw_rrect_stroke(Draw *d, DrawRect r, float radius, float width, DrawColor c) {
    if (r.w <= 0 || r.h <= 0 || c.a == 0 || width <= 0) return;
    r = snap(r);
    float m = (r.w < r.h ? r.w : r.h) * 0.5f;
    int rad = (int)floorf((radius > m ? m : radius) + 0.5f);
    if (rad > (int)m) rad = (int)m;
    if (width > m) width = m;
    Sprite *sp = rad >= 1 && width <= (float)rad ? sprite(d, SPRITE_RING, (float)rad, width) : NULL;
    if (!sp) {
        DrawRect in = {r.x + width * 0.5f, r.y + width * 0.5f, r.w - width, r.h - width};
        rrect_outline(d, in, radius - width * 0.5f);
        stroke_path(d, d->pts.items, d->pts.len / 2, 1, width, c);
        return;
    }
    float R = (float)rad, W = floorf(width), f = width - W;
    /* whole pixels of the line at full alpha, the fraction as a fainter row */
    for (int pass = 0; pass < 2; pass++) {
        float t = pass ? (f > 0.05f ? 1 : 0) : W, o = pass ? W : 0;
        if (t <= 0) continue;
        DrawColor cc = pass ? draw_alpha(c, f) : c;
        draw_rect(d, (DrawRect){r.x + R, r.y + o, r.w - 2 * R, t}, cc);
        draw_rect(d, (DrawRect){r.x + R, r.y + r.h - o - t, r.w - 2 * R, t}, cc);
        draw_rect(d, (DrawRect){r.x + o, r.y + R, t, r.h - 2 * R}, cc);
        draw_rect(d, (DrawRect){r.x + r.w - o - t, r.y + R, t, r.h - 2 * R}, cc);
    }
    corners(d, sp, r, rad, c);
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

/* A whole disc or ring sprite centred at (cx, cy). */
static int sprite_at(Draw *d, int kind, float cx, float cy, float radius, float width, DrawColor c) {
    Sprite *sp = sprite(d, kind, radius, width);
    if (!sp) return 0;
    float h = (float)sp->w * 0.5f;
    SDL_Rect src = {0, 0, sp->w, sp->w};
    /* whole-pixel placement keeps the sprite's rim crisp */
    sprite_copy(d, sp, src, (SDL_FRect){floorf(cx - h + 0.5f), floorf(cy - h + 0.5f), (float)sp->w, (float)sp->w}, c);
    return 1;
}

void draw_circle(Draw *d, float cx, float cy, float radius, DrawColor c) {
    if (radius <= 0 || c.a == 0) return;
    if (radius <= 256 && sprite_at(d, SPRITE_DISC, cx, cy, radius, 0, c)) return;
    circle_outline(d, cx, cy, radius);
    fill_convex(d, d->pts.items, d->pts.len / 2, c);
}

void draw_ring(Draw *d, float cx, float cy, float radius, float width, DrawColor c) {
    if (radius <= 0 || c.a == 0) return;
    /* the sprite's ring spans [radius - width, radius]; a stroke is centred */
    if (radius <= 256 && width < radius && sprite_at(d, SPRITE_RING, cx, cy, radius + width * 0.5f, width, c)) return;
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
    SDL_Rect nr = {(int)floorf(r.x - d->ox), (int)floorf(r.y - d->oy), (int)ceilf(r.w), (int)ceilf(r.h)};
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

/* ---- layers ------------------------------------------------------------ */

int draw_layer_begin(Draw *d, DrawLayer *l, DrawRect r, uint64_t key) {
    GORO_ASSERT(!d->layer && d->nclip == 0);
    int w = (int)ceilf(r.w), h = (int)ceilf(r.h);
    if (w < 1 || h < 1) return 0;
    l->x = floorf(r.x);
    l->y = floorf(r.y);
    if (l->tex && l->owner == d && l->w == w && l->h == h && l->key == key && l->valid) return 0;
    if (l->tex && (l->w != w || l->h != h || l->owner != d)) {
        if (l->owner == d) SDL_DestroyTexture(l->tex);
        l->tex = NULL;
    }
    if (!l->tex) {
        l->tex = SDL_CreateTexture(d->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        if (!l->tex) return -1;
        l->w = w;
        l->h = h;
        l->owner = d;
    }
    if (SDL_SetRenderTarget(d->r, l->tex) != 0) return -1;
    SDL_SetTextureBlendMode(l->tex, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(d->r, 0, 0, 0, 0);
    SDL_RenderClear(d->r);
    SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_BLEND);
    d->ox = l->x;
    d->oy = l->y;
    d->layer = l;
    l->key = key;
    l->valid = 1;
    return 1;
}

void draw_layer_end(Draw *d) {
    GORO_ASSERT(d->layer && d->nclip == 0);
    SDL_SetRenderTarget(d->r, NULL);
    d->ox = d->oy = 0;
    d->layer = NULL;
}

void draw_layer_show(Draw *d, const DrawLayer *l) {
    if (!l->tex || !l->valid) return;
    SDL_FRect dst = {l->x - d->ox, l->y - d->oy, (float)l->w, (float)l->h};
    SDL_RenderCopyF(d->r, l->tex, NULL, &dst);
}

void draw_layer_invalidate(DrawLayer *l) { l->valid = 0; }

void draw_layer_free(DrawLayer *l) {
    if (l->tex) SDL_DestroyTexture(l->tex);
    memset(l, 0, sizeof *l);
}
