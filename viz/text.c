/* text: SDL2_ttf glyph atlas (see text.h).
 *
 * Invariants: atlas_surf mirrors the texture; atlas_dirty says the texture
 * lags the surface and is refreshed before the next draw; glyph rows are
 * packed left to right in shelves of the font's height; a glyph that does not
 * fit any more is drawn as nothing (never a crash).
 */
#include "text.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "mem.h"

#define ATLAS 1024

typedef struct Glyph {
    uint32_t cp;
    int x, y, w, h; /* in the atlas; w == 0: nothing to draw */
    int ox;         /* draw offset from the pen (negative min-x) */
    int adv;
    int ready;
} Glyph;

struct TextFont {
    Draw *d;
    TTF_Font *font;
    int height, line;
    SDL_Surface *atlas_surf;
    SDL_Texture *atlas_tex;
    int atlas_dirty;
    int shelf_x, shelf_y;
    Glyph ascii[128];
    VEC(Glyph) other;
    int rendered;
    VEC(SDL_Vertex) v;
    VEC(int) idx;
};

int text_init(void) {
    if (TTF_WasInit()) return 0;
    return TTF_Init();
}

static int has_font(const char *dir) {
    char p[2048];
    struct stat st;
    snprintf(p, sizeof p, "%s/DejaVuSansMono.ttf", dir);
    return stat(p, &st) == 0;
}

int text_font_dir(char *out, size_t n) {
    const char *env = getenv("GORO_VIZ_FONT_DIR");
    if (env && *env && has_font(env)) {
        snprintf(out, n, "%s", env);
        return 0;
    }
    char p[1024];
#ifdef GORO_SOURCE_DIR
    snprintf(p, sizeof p, "%s/fonts", GORO_SOURCE_DIR);
    if (has_font(p)) {
        snprintf(out, n, "%s", p);
        return 0;
    }
#endif
    char *base = SDL_GetBasePath();
    if (base) {
        snprintf(p, sizeof p, "%s../share/goro-viz/fonts", base);
        SDL_free(base);
        if (has_font(p)) {
            snprintf(out, n, "%s", p);
            return 0;
        }
    }
#ifdef GORO_INSTALL_DATADIR
    snprintf(p, sizeof p, "%s/fonts", GORO_INSTALL_DATADIR);
    if (has_font(p)) {
        snprintf(out, n, "%s", p);
        return 0;
    }
#endif
    return -1;
}

TextFont *text_open(Draw *d, const char *file, int px) {
    char dir[900], path[1024];
    if (text_font_dir(dir, sizeof dir) != 0) {
        SDL_SetError("no font directory (set GORO_VIZ_FONT_DIR to the goro-viz fonts/ folder)");
        return NULL;
    }
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (text_init() != 0) return NULL;
    TTF_Font *font = TTF_OpenFont(path, px < 4 ? 4 : px);
    if (!font) return NULL;
    TextFont *f = mem_alloc(sizeof *f);
    f->d = d;
    f->font = font;
    f->height = TTF_FontHeight(font);
    f->line = TTF_FontLineSkip(font);
    if (f->line < f->height) f->line = f->height;
    f->atlas_surf = SDL_CreateRGBSurfaceWithFormat(0, ATLAS, ATLAS, 32, SDL_PIXELFORMAT_ARGB8888);
    f->atlas_tex = SDL_CreateTexture(draw_renderer(d), SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, ATLAS, ATLAS);
    if (!f->atlas_surf || !f->atlas_tex) {
        text_free(f);
        return NULL;
    }
    SDL_FillRect(f->atlas_surf, NULL, 0);
    SDL_SetTextureBlendMode(f->atlas_tex, SDL_BLENDMODE_BLEND);
    f->atlas_dirty = 1;
    return f;
}

void text_free(TextFont *f) {
    if (!f) return;
    if (f->atlas_tex) SDL_DestroyTexture(f->atlas_tex);
    if (f->atlas_surf) SDL_FreeSurface(f->atlas_surf);
    if (f->font) TTF_CloseFont(f->font);
    VEC_FREE(f->other);
    VEC_FREE(f->v);
    VEC_FREE(f->idx);
    mem_free(f, sizeof *f);
}

int text_line_height(const TextFont *f) { return f->line; }
int text_glyphs_rendered(const TextFont *f) { return f->rendered; }

/* Decode one UTF-8 sequence at s (n bytes left); invalid bytes become U+FFFD. */
static uint32_t utf8_next(const char *s, int n, int *used) {
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *used = 1;
        return u[0];
    }
    int len = (u[0] & 0xE0) == 0xC0 ? 2 : (u[0] & 0xF0) == 0xE0 ? 3 : (u[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || len > n) {
        *used = 1;
        return 0xFFFD;
    }
    uint32_t cp = u[0] & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *used = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    *used = len;
    return cp;
}

static void rasterise(TextFont *f, Glyph *g) {
    g->ready = 1;
    uint32_t cp = g->cp;
    if (!TTF_GlyphIsProvided32(f->font, cp)) cp = '?';
    int minx, maxx, miny, maxy, adv;
    if (TTF_GlyphMetrics32(f->font, cp, &minx, &maxx, &miny, &maxy, &adv) != 0) return;
    g->adv = adv;
    if (cp == ' ' || cp == '\t') return;
    SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *s = TTF_RenderGlyph32_Blended(f->font, cp, white);
    if (!s) return;
    f->rendered++;
    SDL_Surface *conv = s->format->format == SDL_PIXELFORMAT_ARGB8888 ? s : SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    if (conv) {
        if (f->shelf_x + conv->w + 1 > ATLAS) {
            f->shelf_x = 0;
            f->shelf_y += f->height + 1;
        }
        if (f->shelf_y + conv->h <= ATLAS) {
            SDL_SetSurfaceBlendMode(conv, SDL_BLENDMODE_NONE);
            SDL_Rect dst = {f->shelf_x, f->shelf_y, conv->w, conv->h};
            SDL_BlitSurface(conv, NULL, f->atlas_surf, &dst);
            g->x = f->shelf_x;
            g->y = f->shelf_y;
            g->w = conv->w;
            g->h = conv->h;
            g->ox = minx < 0 ? minx : 0;
            f->shelf_x += conv->w + 1;
            f->atlas_dirty = 1;
        }
        if (conv != s) SDL_FreeSurface(conv);
    }
    SDL_FreeSurface(s);
}

static Glyph *glyph(TextFont *f, uint32_t cp) {
    Glyph *g = NULL;
    if (cp < 128) {
        g = &f->ascii[cp];
    } else {
        for (int i = 0; i < f->other.len; i++)
            if (f->other.items[i].cp == cp) return &f->other.items[i];
        Glyph z = {0};
        VEC_PUSH(f->other, z);
        g = &f->other.items[f->other.len - 1];
    }
    if (!g->ready) {
        g->cp = cp;
        rasterise(f, g);
    }
    return g;
}

static int slen(const char *s, int n) { return n < 0 ? (int)strlen(s) : n; }

float text_width(TextFont *f, const char *s, int n) {
    n = slen(s, n);
    float w = 0;
    for (int i = 0; i < n;) {
        int used;
        uint32_t cp = utf8_next(s + i, n - i, &used);
        i += used;
        w += (float)glyph(f, cp)->adv;
    }
    return w;
}

int text_fit(TextFont *f, const char *s, int n, float maxw) {
    n = slen(s, n);
    float w = 0;
    int i = 0;
    while (i < n) {
        int used;
        uint32_t cp = utf8_next(s + i, n - i, &used);
        float a = (float)glyph(f, cp)->adv;
        if (w + a > maxw) break;
        w += a;
        i += used;
    }
    return i;
}

float text_draw(TextFont *f, float x, float y, const char *s, int n, DrawColor c) {
    n = slen(s, n);
    if (n == 0 || c.a == 0) return x + (n ? text_width(f, s, n) : 0);
    f->v.len = 0;
    f->idx.len = 0;
    /* snap to whole pixels: glyph bitmaps are pixel-exact */
    float pen = (float)(int)(x + 0.5f);
    float top = (float)(int)(y + 0.5f);
    SDL_Color vc = {c.r, c.g, c.b, c.a};
    for (int i = 0; i < n;) {
        int used;
        uint32_t cp = utf8_next(s + i, n - i, &used);
        i += used;
        Glyph *g = glyph(f, cp);
        if (g->w > 0) {
            float x0 = pen + (float)g->ox, y0 = top, x1 = x0 + (float)g->w, y1 = top + (float)g->h;
            float u0 = (float)g->x / ATLAS, v0 = (float)g->y / ATLAS;
            float u1 = (float)(g->x + g->w) / ATLAS, v1 = (float)(g->y + g->h) / ATLAS;
            int b = f->v.len;
            SDL_Vertex q[4] = {{{x0, y0}, vc, {u0, v0}}, {{x1, y0}, vc, {u1, v0}}, {{x1, y1}, vc, {u1, v1}}, {{x0, y1}, vc, {u0, v1}}};
            for (int k = 0; k < 4; k++) VEC_PUSH(f->v, q[k]);
            int id[6] = {b, b + 1, b + 2, b, b + 2, b + 3};
            for (int k = 0; k < 6; k++) VEC_PUSH(f->idx, id[k]);
        }
        pen += (float)g->adv;
    }
    if (f->atlas_dirty) {
        SDL_UpdateTexture(f->atlas_tex, NULL, f->atlas_surf->pixels, f->atlas_surf->pitch);
        f->atlas_dirty = 0;
    }
    draw_geometry(f->d, f->atlas_tex, f->v.items, f->v.len, f->idx.items, f->idx.len);
    return pen;
}

float text_draw_clipped(TextFont *f, float x, float y, const char *s, float maxw, DrawColor c) {
    int n = (int)strlen(s);
    if (text_width(f, s, n) <= maxw) return text_draw(f, x, y, s, n, c);
    float ell = text_width(f, "…", -1);
    int k = text_fit(f, s, n, maxw - ell);
    float e = text_draw(f, x, y, s, k, c);
    return text_draw(f, e, y, "…", -1, c);
}
