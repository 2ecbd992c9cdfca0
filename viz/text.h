/* text: UTF-8 text through SDL2_ttf with a glyph-atlas cache.
 *
 * Each TextFont (one face at one pixel size) owns one atlas texture; a glyph
 * is rasterised once, the first time it is drawn, and every later string is a
 * single batch of textured quads (one SDL_RenderGeometry call), never one
 * TTF_Render call per string per frame.
 */
#ifndef GORO_TEXT_H
#define GORO_TEXT_H

#include <stddef.h>

#include "draw.h"

typedef struct TextFont TextFont;

/* text_init: start SDL_ttf (idempotent). Returns 0, or -1 with SDL's error. */
int text_init(void);

/* text_font_dir: the directory holding the bundled fonts: $GORO_VIZ_FONT_DIR,
 * else the source tree's fonts/, else <exe>/../share/goro-viz/fonts, else the
 * install prefix's. Writes it into [out] ([n] bytes) and returns 0, or -1 if
 * none holds DejaVuSansMono.ttf. */
int text_font_dir(char *out, size_t n);

/* text_open: face [file] (a name in the font dir, e.g. "DejaVuSans.ttf") at
 * [px] pixels for drawing with [d]. NULL on failure with SDL's error set. */
TextFont *text_open(Draw *d, const char *file, int px);

/* text_free: release [f] and its atlas. NULL is fine. */
void text_free(TextFont *f);

/* text_line_height: the distance between baselines, in pixels. */
int text_line_height(const TextFont *f);

/* text_width: the advance width of [n] bytes of UTF-8 [s] (n < 0: up to NUL). */
float text_width(TextFont *f, const char *s, int n);

/* text_draw: draw [n] bytes of [s] (n < 0: up to NUL) with its top-left at
 * ([x],[y]) in [c]. Returns the x where the next character would go. */
float text_draw(TextFont *f, float x, float y, const char *s, int n, DrawColor c);

/* text_fit: how many bytes of [s] (whole characters) fit in [maxw] pixels. */
int text_fit(TextFont *f, const char *s, int n, float maxw);

/* text_draw_clipped: draw [s] cut to [maxw] pixels with a trailing "…" when
 * it does not fit. Returns the end x. */
float text_draw_clipped(TextFont *f, float x, float y, const char *s, float maxw, DrawColor c);

/* text_glyphs_rendered: how many glyphs [f] has rasterised so far (cache
 * misses; for tests that the cache works). */
int text_glyphs_rendered(const TextFont *f);

#endif
