/* plot: outcome histograms as PNG through the software renderer. */
#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "plot.h"
#include "text.h"
#include "theme.h"

/* Bin: one drawn bar (a value, or a range of values when binned). */
typedef struct Bin {
    char label[96];
    uint64_t count;
} Bin;

typedef struct NumBar {
    double v;
    uint64_t count;
} NumBar;

static int cmp_num(const void *a, const void *b) {
    double x = ((const NumBar *)a)->v, y = ((const NumBar *)b)->v;
    return x < y ? -1 : x > y;
}

static int is_number(const char *s, double *v) {
    char *end;
    if (!*s) return 0;
    *v = strtod(s, &end);
    return *end == 0 && isfinite(*v);
}

static void fmt_num(char *buf, size_t n, double v) {
    if (v == floor(v) && fabs(v) < 1e15) snprintf(buf, n, "%.0f", v);
    else snprintf(buf, n, "%.4g", v);
}

/* numeric_bins: the bars in value order, or NULL if a label is not a number.
 * Past 60 distinct values, 40 equal ranges (integer-aligned for integers). */
static Bin *numeric_bins(const PlotBar *bars, int n, int *nb) {
    NumBar *v = calloc((size_t)n, sizeof *v);
    int ints = 1;
    for (int i = 0; i < n; i++) {
        if (!is_number(bars[i].label, &v[i].v)) {
            free(v);
            return NULL;
        }
        if (v[i].v != floor(v[i].v)) ints = 0;
        v[i].count = bars[i].count;
    }
    qsort(v, (size_t)n, sizeof *v, cmp_num);
    Bin *b;
    if (n <= 60) {
        b = calloc((size_t)n, sizeof *b);
        for (int i = 0; i < n; i++) {
            fmt_num(b[i].label, sizeof b[i].label, v[i].v);
            b[i].count = v[i].count;
        }
        *nb = n;
    } else {
        int k = 40;
        double lo = v[0].v, hi = v[n - 1].v, w = (hi - lo) / k;
        if (ints) w = ceil((hi - lo + 1) / k);
        b = calloc((size_t)k, sizeof *b);
        for (int i = 0; i < k; i++) {
            char a[40], z[40];
            fmt_num(a, sizeof a, lo + w * i);
            double top = ints ? lo + w * (i + 1) - 1 : lo + w * (i + 1);
            fmt_num(z, sizeof z, top < hi ? top : hi);
            snprintf(b[i].label, sizeof b[i].label, "%s..%s", a, z);
        }
        for (int i = 0; i < n; i++) {
            int j = w > 0 ? (int)((v[i].v - lo) / w) : 0;
            if (j >= k) j = k - 1;
            b[j].count += v[i].count;
        }
        *nb = k;
    }
    free(v);
    return b;
}

static DrawColor rgba(ThemeRGBA c) { return (DrawColor){c >> 24, (c >> 16) & 255, (c >> 8) & 255, c & 255}; }

/* nice_step: a 1/2/5 x 10^k step giving about 5 gridlines up to [max]. */
static double nice_step(double max) {
    double raw = max / 5, p = pow(10, floor(log10(raw > 0 ? raw : 1))), m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

int plot_histogram_png(const char *path, const char *title, const PlotBar *bars, int n, int keys, char *why,
                       size_t nwhy) {
    int nb = 0;
    Bin *bins = keys && n > 0 ? numeric_bins(bars, n, &nb) : NULL;
    int vertical = bins != NULL;
    if (!bins) {
        nb = n;
        bins = calloc((size_t)(n ? n : 1), sizeof *bins);
        for (int i = 0; i < n; i++) {
            snprintf(bins[i].label, sizeof bins[i].label, "%s", bars[i].label);
            bins[i].count = bars[i].count;
        }
    }
    int W = 1100, H = vertical ? 560 : 110 + 28 * (nb ? nb : 1);
    uint64_t max = 1, total = 0;
    for (int i = 0; i < nb; i++) {
        if (bins[i].count > max) max = bins[i].count;
        total += bins[i].count;
    }
    const Theme *th = theme_get("light");
    int rc = -1;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    Draw *d = ren ? draw_new(ren) : NULL;
    TextFont *font = NULL, *bold = NULL, *small = NULL;
    if (!d || text_init() != 0) {
        snprintf(why, nwhy, "SDL: %s", SDL_GetError());
        goto done;
    }
    font = text_open(d, "DejaVuSans.ttf", 13);
    small = text_open(d, "DejaVuSans.ttf", 11);
    bold = text_open(d, "DejaVuSans-Bold.ttf", 16);
    if (!font || !small || !bold) {
        snprintf(why, nwhy, "fonts: %s", SDL_GetError());
        goto done;
    }
    DrawColor bg = rgba(th->bg), fg = rgba(th->text), dim = rgba(th->text_dim), grid = rgba(th->grid);
    DrawColor bar = draw_rgba(0x0072B2, 255); /* Okabe-Ito blue */
    draw_clear(d, bg);
    char buf[160];
    text_draw_clipped(bold, 20, 14, title, (float)W - 40, fg);
    snprintf(buf, sizeof buf, "%llu runs, %d bars", (unsigned long long)total, nb);
    text_draw(small, 20, 36, buf, -1, dim);
    double step = nice_step((double)max);
    double top = ceil((double)max / step) * step;
    if (vertical) {
        float x0 = 80, x1 = (float)W - 30, y0 = 70, y1 = (float)H - 70;
        for (double v = 0; v <= top + step / 2; v += step) {
            float y = y1 - (float)(v / top) * (y1 - y0);
            draw_rect(d, (DrawRect){x0, y, x1 - x0, 1}, grid);
            fmt_num(buf, sizeof buf, v);
            text_draw(small, x0 - 8 - text_width(small, buf, -1), y - 7, buf, -1, dim);
        }
        float slot = (x1 - x0) / (float)(nb ? nb : 1), bw = slot * 0.8f;
        float lastx = -1e9f;
        for (int i = 0; i < nb; i++) {
            float h = (float)((double)bins[i].count / top) * (y1 - y0);
            float x = x0 + slot * (float)i + (slot - bw) / 2;
            draw_rect(d, (DrawRect){x, y1 - h, bw, h}, bar);
            float lw = text_width(small, bins[i].label, -1), lx = x + bw / 2 - lw / 2;
            if (lx > lastx + 6) { /* labels that would overlap are skipped */
                text_draw(small, lx, y1 + 6, bins[i].label, -1, fg);
                lastx = lx + lw;
            }
            if (bw >= 18 && bins[i].count) {
                snprintf(buf, sizeof buf, "%llu", (unsigned long long)bins[i].count);
                float cw = text_width(small, buf, -1);
                if (cw <= slot) text_draw(small, x + bw / 2 - cw / 2, y1 - h - 15, buf, -1, dim);
            }
        }
        draw_rect(d, (DrawRect){x0, y1, x1 - x0, 1}, fg);
        text_draw(small, x0, (float)H - 30, "key (--group-by capture)", -1, dim);
    } else {
        float lx = 20, lw = 560, x0 = lx + lw + 10, x1 = (float)W - 90, y = 64;
        for (int i = 0; i < nb; i++, y += 28) {
            text_draw_clipped(font, lx, y + 3, bins[i].label, lw, fg);
            float w = (float)((double)bins[i].count / top) * (x1 - x0);
            draw_rect(d, (DrawRect){x0, y + 2, w > 1 ? w : 1, 20}, bar);
            snprintf(buf, sizeof buf, "%llu (%.1f%%)", (unsigned long long)bins[i].count,
                     total ? 100.0 * (double)bins[i].count / (double)total : 0.0);
            text_draw(small, x0 + w + 6, y + 6, buf, -1, dim);
        }
    }
    SDL_RenderPresent(ren);
    IMG_Init(IMG_INIT_PNG);
    SDL_Surface *rgb = SDL_ConvertSurfaceFormat(surf, SDL_PIXELFORMAT_RGB24, 0);
    if (!rgb || IMG_SavePNG(rgb, path) != 0) snprintf(why, nwhy, "%s", SDL_GetError());
    else rc = 0;
    if (rgb) SDL_FreeSurface(rgb);
done:
    text_free(font);
    text_free(small);
    text_free(bold);
    draw_free(d);
    if (ren) SDL_DestroyRenderer(ren);
    if (surf) SDL_FreeSurface(surf);
    free(bins);
    return rc;
}
