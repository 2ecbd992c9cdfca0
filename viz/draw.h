/* draw: the whole SDL-facing drawing surface of the viewer in one small header.
 *
 * Shapes are filled with SDL_RenderGeometry and get a one-pixel feathered rim
 * (alpha fading to zero), so edges look anti-aliased with any renderer,
 * including the software one used for headless PNGs. Coordinates are in
 * device pixels (floats). Text lives in text.h on top of this.
 *
 * Discs, rings and rounded rectangles are blits of cached coverage sprites
 * (cheap in SDL's software renderer); paths are SDL_RenderGeometry. A
 * DrawLayer caches a painted region in a target texture, so static parts of
 * the frame (the timeline's lanes) are painted once and blitted each frame.
 *
 * Invariants: a Draw owns its scratch buffers and its sprite textures; the
 * SDL_Renderer belongs to the caller; clip rects nest through draw_clip_push/pop.
 */
#ifndef GORO_DRAW_H
#define GORO_DRAW_H

#include <SDL.h>
#include <stdint.h>

/* DrawColor: straight (non-premultiplied) RGBA. */
typedef struct DrawColor {
    uint8_t r, g, b, a;
} DrawColor;

/* DrawRect: an axis-aligned rectangle in device pixels. */
typedef struct DrawRect {
    float x, y, w, h;
} DrawRect;

typedef struct Draw Draw;

/* DrawLayer: a cached region painted into a texture. Zero it to start;
 * draw_layer_free releases it (before its renderer is destroyed). */
typedef struct DrawLayer {
    SDL_Texture *tex;
    const Draw *owner; /* the Draw whose renderer made tex */
    int w, h, valid;
    float x, y;        /* where it sits on the target */
    uint64_t key;      /* what it was painted for */
} DrawLayer;

/* draw_new: a drawing context over [r] (not owned). Never NULL. */
Draw *draw_new(SDL_Renderer *r);

/* draw_free: release [d] (not its renderer). NULL is fine. */
void draw_free(Draw *d);

/* draw_renderer: the SDL renderer under [d] (for text.c and texture work). */
SDL_Renderer *draw_renderer(Draw *d);

/* draw_clear: fill the whole target with [c]. */
void draw_clear(Draw *d, DrawColor c);

/* draw_rect: fill [r] with [c], sharp corners, no feathering (fast path). */
void draw_rect(Draw *d, DrawRect r, DrawColor c);

/* draw_rrect: fill [r] with corner [radius] and an anti-aliased rim. */
void draw_rrect(Draw *d, DrawRect r, float radius, DrawColor c);

/* draw_rrect_stroke: outline [r] with corner [radius], line [width] px. */
void draw_rrect_stroke(Draw *d, DrawRect r, float radius, float width, DrawColor c);

/* draw_circle: fill a disc at ([cx],[cy]) of [radius]. */
void draw_circle(Draw *d, float cx, float cy, float radius, DrawColor c);

/* draw_ring: a circle outline of [radius] and line [width]. */
void draw_ring(Draw *d, float cx, float cy, float radius, float width, DrawColor c);

/* draw_line: a thick anti-aliased segment with butt ends. */
void draw_line(Draw *d, float x0, float y0, float x1, float y1, float width, DrawColor c);

/* draw_polyline: a thick anti-aliased path through [n] points [xy] (x,y pairs). */
void draw_polyline(Draw *d, const float *xy, int n, float width, DrawColor c);

/* draw_bezier: a cubic Bezier edge from p0 to p3 via control points p1, p2;
 * [arrow] > 0 adds an arrow head of that size at p3. */
void draw_bezier(Draw *d, const float p[8], float width, DrawColor c, float arrow);

/* draw_bezier_point: the point at parameter [t] of the cubic [p] into [out]. */
void draw_bezier_point(const float p[8], float t, float out[2]);

/* draw_triangle: fill a triangle (no feathering; for arrow heads, icons). */
void draw_triangle(Draw *d, float x0, float y0, float x1, float y1, float x2, float y2, DrawColor c);

/* draw_clip_push: intersect the clip with [r]; draw_clip_pop restores. Up to 16 deep. */
void draw_clip_push(Draw *d, DrawRect r);
void draw_clip_pop(Draw *d);

/* draw_geometry: raw triangles through SDL_RenderGeometry with [tex] (may be
 * NULL); the text module batches glyph quads through this. */
void draw_geometry(Draw *d, SDL_Texture *tex, const SDL_Vertex *v, int nv, const int *idx, int ni);

/* draw_layer_begin: get ready to show region [r] from layer [l] painted for
 * [key] (a hash of everything the painting depends on). Returns 0 when [l]
 * still holds that painting (just draw_layer_show it); 1 when the caller
 * must paint it now, in target coordinates as usual, then call
 * draw_layer_end; -1 when target textures are unavailable (paint directly,
 * no draw_layer_end). Not nestable; no clip may be pushed across it. */
int draw_layer_begin(Draw *d, DrawLayer *l, DrawRect r, uint64_t key);

/* draw_layer_end: finish painting the layer begun last. */
void draw_layer_end(Draw *d);

/* draw_layer_show: blit layer [l] where it belongs. */
void draw_layer_show(Draw *d, const DrawLayer *l);

/* draw_layer_invalidate: force [l] to be repainted (render targets reset). */
void draw_layer_invalidate(DrawLayer *l);

/* draw_layer_free: release [l]'s texture. */
void draw_layer_free(DrawLayer *l);

/* draw_rgba: a colour from 0xRRGGBB and alpha. */
DrawColor draw_rgba(uint32_t rgb, uint8_t a);

/* draw_mix: [a] blended towards [b] by [t] in 0..1 (alpha too). */
DrawColor draw_mix(DrawColor a, DrawColor b, float t);

/* draw_alpha: [c] with its alpha scaled by [k] in 0..1. */
DrawColor draw_alpha(DrawColor c, float k);

/* draw_contains: whether point ([x],[y]) lies in [r]. */
int draw_contains(DrawRect r, float x, float y);

#endif
