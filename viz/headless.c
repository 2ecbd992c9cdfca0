/* headless: `goro-viz render`: frames drawn by SDL's software renderer onto
 * an SDL_Surface and saved as PNG through SDL2_image. Needs no display.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "draw.h"
#include "text.h"
#include "view.h"

typedef struct Canvas {
    SDL_Surface *surf;
    SDL_Renderer *ren;
    Draw *draw;
} Canvas;

static int canvas_open(Canvas *c, int w, int h) {
    memset(c, 0, sizeof *c);
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!c->surf) return -1;
    c->ren = SDL_CreateSoftwareRenderer(c->surf);
    if (!c->ren) return -1;
    c->draw = draw_new(c->ren);
    return 0;
}

static void canvas_close(Canvas *c) {
    draw_free(c->draw);
    if (c->ren) SDL_DestroyRenderer(c->ren);
    if (c->surf) SDL_FreeSurface(c->surf);
    memset(c, 0, sizeof *c);
}

static int save_png(Canvas *c, const char *path) {
    SDL_RenderPresent(c->ren);
    /* PNGs are opaque: the window has no transparency either */
    SDL_Surface *rgb = SDL_ConvertSurfaceFormat(c->surf, SDL_PIXELFORMAT_RGB24, 0);
    if (!rgb) return -1;
    int r = IMG_SavePNG(rgb, path);
    SDL_FreeSurface(rgb);
    return r;
}

int viz_render_png(const VizOptions *o) {
    int w = o->width > 0 ? o->width : 1440, h = o->height > 0 ? o->height : 900;
    float scale = o->scale > 0 ? o->scale : 1.0f;
    int pw = (int)((float)w * scale + 0.5f), ph = (int)((float)h * scale + 0.5f);
    if (pw < 200 || ph < 150 || pw > 16384 || ph > 16384) {
        fprintf(stderr, "goro-viz: render size %dx%d is out of range (200x150 to 16384x16384)\n", pw, ph);
        return 64;
    }
    if (!o->out) {
        fprintf(stderr, "goro-viz: render needs -o out.png\n");
        return 64;
    }
    const Theme *th = theme_get(o->theme);
    if (!th) {
        fprintf(stderr, "goro-viz: unknown theme %s (dark or light)\n", o->theme);
        return 64;
    }
    View v;
    memset(&v, 0, sizeof v);
    v.theme = th;
    v.sview.selected_g = v.sview.selected_obj = -1;
    char err[512];
    if (view_load(&v, o, o->run.seed, err, sizeof err) != 0) {
        if (err[0]) fprintf(stderr, "goro-viz: %s\n", err); /* empty: the callback reported already */
        view_free(&v);
        return 1;
    }
    if (o->select_g > 0) v.sview.selected_g = model_g_index(&v.mt.run, o->select_g);
    if (o->zoom) {
        int za, zb;
        if (view_parse_range(&v, o->zoom, &za, &zb) != 0 || zb - za < 1) {
            fprintf(stderr, "goro-viz: bad --zoom %s (A..B, each STEP, TIME, PCT%% or end, A before B)\n", o->zoom);
            view_free(&v);
            return 64;
        }
        v.sview.tl_from = za;
        v.sview.tl_to = zb + 1; /* B is shown */
    }
    if (text_init() != 0) {
        fprintf(stderr, "goro-viz: SDL_ttf: %s\n", SDL_GetError());
        view_free(&v);
        return 1;
    }
    IMG_Init(IMG_INIT_PNG);
    Canvas c;
    int rc = 0;
    if (canvas_open(&c, pw, ph) != 0) {
        fprintf(stderr, "goro-viz: cannot make a %dx%d canvas: %s\n", pw, ph, SDL_GetError());
        canvas_close(&c);
        view_free(&v);
        return 1;
    }
    RenderExtras x;
    memset(&x, 0, sizeof x);
    x.speed = (float)(o->speed > 0 ? o->speed : 4.0);
    if (!o->frames) {
        int step, pr = view_parse_when(&v, o->at, &step);
        if (pr == -2) {
            fprintf(stderr, "goro-viz: --at %s: this run has no %s (seed %llu)\n", o->at, o->at, (unsigned long long)o->run.seed);
            rc = 1;
            goto done;
        }
        if (pr != 0) {
            fprintf(stderr, "goro-viz: bad --at %s (STEP, TIME like 150ms, PCT%%, end, race, lost, deadlock or panic)\n", o->at);
            rc = 64;
            goto done;
        }
        view_set_step(&v, step);
        v.sview.anim = 1;
        if (view_draw(&v, c.draw, pw, ph, scale, &x) != 0) {
            fprintf(stderr, "goro-viz: fonts: %s\n", SDL_GetError());
            rc = 1;
            goto done;
        }
        if (save_png(&c, o->out) != 0) {
            fprintf(stderr, "goro-viz: cannot write %s: %s\n", o->out, SDL_GetError());
            rc = 73;
        }
        goto done;
    }
    int a, b;
    if (view_parse_range(&v, o->frames, &a, &b) != 0) {
        fprintf(stderr, "goro-viz: bad --frames %s (A..B, each STEP, TIME, PCT%% or end)\n", o->frames);
        rc = 64;
        goto done;
    }
    if (mkdir(o->out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "goro-viz: cannot make directory %s: %s\n", o->out, strerror(errno));
        rc = 73;
        goto done;
    }
    double fps = o->fps > 0 ? o->fps : 24, speed = x.speed;
    int per_event = (int)(fps / speed + 0.5);
    if (per_event < 1) per_event = 1;
    int frame = 0;
    for (int st = a; st <= b; st++) {
        view_set_step(&v, st);
        for (int k = 1; k <= per_event; k++) {
            v.sview.anim = (float)k / (float)per_event;
            if (view_draw(&v, c.draw, pw, ph, scale, &x) != 0) {
                fprintf(stderr, "goro-viz: fonts: %s\n", SDL_GetError());
                rc = 1;
                goto done;
            }
            char path[1024];
            snprintf(path, sizeof path, "%s/frame_%05d.png", o->out, frame++);
            if (save_png(&c, path) != 0) {
                fprintf(stderr, "goro-viz: cannot write %s: %s\n", path, SDL_GetError());
                rc = 73;
                goto done;
            }
        }
    }
    printf("%d frames in %s\n", frame, o->out);
done:
    view_free(&v); /* fonts first: their atlases belong to the renderer */
    canvas_close(&c);
    return rc;
}
