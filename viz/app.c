/* app: the goro-viz window: options, event loop (input -> update -> draw),
 * playback like a video player, scripted input for tests.
 *
 * Invariants: the playhead is (view.step, sview.anim): the state just after
 * event `step`, with `anim` in 0..1 the progress of that event's animation;
 * the timeline window (tl_from, tl_to) is either empty (whole run) or a
 * sub-range of at least 8 steps inside the run.
 */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "src.h"
#include "text.h"
#include "view.h"

/* ---- options --------------------------------------------------------- */

static int need(int i, int argc, char **argv, char *err, size_t n) {
    if (i + 1 >= argc) {
        snprintf(err, n, "%s needs a value", argv[i]);
        return 0;
    }
    return 1;
}

void viz_options_init(VizOptions *o) {
    memset(o, 0, sizeof *o);
    viz_run_options_init(&o->run);
}

int viz_options_parse(VizOptions *o, int argc, char **argv, char *err, size_t n) {
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        char *end;
        int r = viz_run_option(&o->run, argc, argv, &i, err, n);
        if (r < 0) return 64;
        if (r > 0) continue;
        if (strcmp(a, "--theme") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->theme = argv[++i];
            if (!theme_get(o->theme)) return snprintf(err, n, "unknown theme %s (dark or light)", o->theme), 64;
        } else if (strcmp(a, "--size") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            int w, h;
            char x;
            if (sscanf(argv[++i], "%d%c%d", &w, &x, &h) != 3 || (x != 'x' && x != 'X') || w < 200 || h < 150 || w > 16384 || h > 16384)
                return snprintf(err, n, "bad --size %s (WxH, e.g. 1440x900)", argv[i]), 64;
            o->width = w;
            o->height = h;
        } else if (strcmp(a, "--scale") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->scale = strtof(argv[++i], &end);
            if (*end || o->scale < 0.5f || o->scale > 4) return snprintf(err, n, "bad --scale %s (0.5 to 4)", argv[i]), 64;
        } else if (strcmp(a, "--at") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->at = argv[++i];
        } else if (strcmp(a, "--zoom") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->zoom = argv[++i];
            if (!strstr(o->zoom, "..")) return snprintf(err, n, "bad --zoom %s (A..B, each STEP, TIME or PCT%%)", o->zoom), 64;
        } else if (strcmp(a, "--hunt") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->hunt = argv[++i];
        } else if (strcmp(a, "--seeds") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->seeds = argv[++i];
        } else if (strcmp(a, "--frames") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->frames = argv[++i];
        } else if (strcmp(a, "--fps") == 0 || strcmp(a, "--speed") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            double d = strtod(argv[++i], &end);
            if (*end || d <= 0 || d > 1000) return snprintf(err, n, "bad %s %s", a, argv[i]), 64;
            if (a[2] == 'f')
                o->fps = d;
            else
                o->speed = d;
        } else if (strcmp(a, "-o") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->out = argv[++i];
        } else if (strcmp(a, "--demo") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->demo = argv[++i];
        } else if (strcmp(a, "--script") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->script = argv[++i];
        } else if (strcmp(a, "--select") == 0) {
            if (!need(i, argc, argv, err, n)) return 64;
            o->select_g = atoi(argv[++i]);
        } else if (a[0] == '-' && a[1]) {
            return snprintf(err, n, "unknown option '%s'", a), 64;
        } else if (!o->file) {
            o->file = a;
        } else {
            return snprintf(err, n, "unexpected argument %s", a), 64;
        }
    }
    return 0;
}

/* ---- window state ---------------------------------------------------- */

typedef struct Script {
    char **lines;
    int n, at, wait;
} Script;

typedef struct App {
    VizOptions optc;   /* the options, with the window's run hooks (progress, diag) */
    const VizOptions *opt; /* = &optc */
    SDL_Window *win;
    SDL_Renderer *ren;
    Draw *draw;
    View view;
    int running, playing, help;
    double speed;
    int dark;
    char status[160];
    double status_until;
    /* pointer */
    float mx, my;
    int hover;
    int drag;      /* 1 scrubbing the timeline, 2 panning it, 3 minimap */
    float drag_x0;
    int drag_from0, drag_to0;
    Script script;
    double now;
    int seed_edit;      /* the seed box is open (S): digits go into seed_buf */
    char seed_buf[24];
    int by_time;        /* V: playback by virtual time, else by event */
    /* simulating: the progress screen */
    int canceled;       /* Esc/Q/close during a simulation */
    Uint32 prog_t0, prog_drawn;
    /* R found the file broken: its diagnostics, until a reload succeeds */
    char diag[8192];
    char diag_new[8192];
    int diag_lines[64], ndiag_lines;
} App;

static void set_status(App *a, const char *msg) {
    size_t l = strlen(msg);
    if (l >= sizeof a->status) l = sizeof a->status - 1;
    memcpy(a->status, msg, l);
    a->status[l] = 0;
    a->status_until = a->now + 1.8;
}

static int nsteps(App *a) { return a->view.mt.run.nsteps; }

static void go_step(App *a, int step, int animate) {
    view_set_step(&a->view, step);
    a->view.sview.anim = animate ? 0.0f : 1.0f;
}

/* The source lines named by Go-style "file:line:col: msg" lines in [diag]. */
static int diag_lines(const char *diag, int *lines, int cap) {
    int n = 0;
    for (const char *p = diag; *p && n < cap;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        for (size_t i = 0; i + 1 < len; i++) { /* the first ":LINE:COL:" */
            int ln, col, used = 0;
            if (p[i] == ':' && isdigit((unsigned char)p[i + 1]) && sscanf(p + i, ":%d:%d:%n", &ln, &col, &used) == 2 && used > 0) {
                lines[n++] = ln;
                break;
            }
        }
        p = e ? e + 1 : p + len;
    }
    return n;
}

static void diag_clear(App *a) {
    a->diag[0] = 0;
    a->ndiag_lines = 0;
    a->view.sview.err_lines = NULL;
    a->view.sview.nerr_lines = 0;
}

static void reload(App *a, uint64_t seed, const char *why) {
    char err[512];
    int keep = a->view.step;
    a->prog_t0 = SDL_GetTicks();
    a->prog_drawn = 0;
    if (view_load(&a->view, a->opt, seed, err, sizeof err) != 0) {
        char msg[600];
        if (a->diag_new[0]) { /* the file no longer compiles: keep the old run, show why */
            snprintf(a->diag, sizeof a->diag, "%s", a->diag_new);
            a->ndiag_lines = diag_lines(a->diag, a->diag_lines, 64);
            a->view.sview.err_lines = a->diag_lines;
            a->view.sview.nerr_lines = a->ndiag_lines;
            SrcFile sf;
            char e2[256];
            if (a->opt->file && src_load(&sf, a->opt->file, e2, sizeof e2) == 0) {
                view_show_source(&a->view, sf.text);
                src_free(&sf);
            }
            if (a->ndiag_lines) a->view.sview.src_top = a->diag_lines[0] > 4 ? a->diag_lines[0] - 3 : 1;
            set_status(a, "the file does not compile");
            return;
        }
        snprintf(msg, sizeof msg, "reload failed: %s", err[0] ? err : "see the terminal");
        if (err[0]) fprintf(stderr, "goro-viz: %s\n", err); /* empty: the callback reported already */
        set_status(a, msg);
        return;
    }
    if (a->canceled) return; /* Esc during the simulation: the loop quits */
    if (a->diag[0]) a->view.sview.src_top = 0;
    diag_clear(a);
    go_step(a, keep, 0);
    a->view.sview.tl_from = a->view.sview.tl_to = 0;
    set_status(a, why);
}

/* Zoom the timeline by [f] (< 1 zooms in) keeping the step under x fixed. */
static void tl_zoom(App *a, float x, double f) {
    Scene *s = &a->view.scene;
    int n = nsteps(a);
    double pivot = scene_tl_step(s, x);
    double from = s->tl_from, to = s->tl_to;
    double nf = pivot - (pivot - from) * f, nt = pivot + (to - pivot) * f;
    if (nt - nf < 8) {
        double c = (nf + nt) / 2;
        nf = c - 4;
        nt = c + 4;
    }
    if (nf < 0) nt -= nf, nf = 0;
    if (nt > n) nf -= nt - n, nt = n;
    if (nf < 0) nf = 0;
    if (nf <= 0 && nt >= n) {
        a->view.sview.tl_from = a->view.sview.tl_to = 0;
        return;
    }
    a->view.sview.tl_from = (int)floor(nf);
    a->view.sview.tl_to = (int)ceil(nt);
}

static void tl_pan_to(App *a, int from0, int to0, double delta) {
    int n = nsteps(a), span = to0 - from0;
    if (span >= n) return;
    int nf = (int)(from0 + delta);
    if (nf < 0) nf = 0;
    if (nf + span > n) nf = n - span;
    a->view.sview.tl_from = nf;
    a->view.sview.tl_to = nf + span;
}

static void scrub(App *a, float x) {
    int st = (int)floor(scene_tl_step(&a->view.scene, x));
    go_step(a, st, 0);
}

static void select_next(App *a, int dir) {
    int g = a->view.sview.selected_g, o = a->view.sview.selected_obj;
    if (g < 0 && o < 0) g = a->view.model.ev.g >= 0 ? a->view.model.ev.g : 0;
    int st = mtrace_next_for(&a->view.mt, a->view.step, dir, g, o);
    if (st >= 0)
        go_step(a, st, dir > 0);
    else
        set_status(a, dir > 0 ? "no later event for the selection" : "no earlier event for the selection");
}

/* ---- input ------------------------------------------------------------- */

/* The seed box: digits, Backspace, Enter (run that seed), Esc (close). */
static void seed_key(App *a, SDL_Keycode k) {
    size_t l = strlen(a->seed_buf);
    if (k == SDLK_ESCAPE) {
        a->seed_edit = 0;
    } else if (k == SDLK_BACKSPACE) {
        if (l) a->seed_buf[l - 1] = 0;
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER) {
        a->seed_edit = 0;
        if (l) {
            char buf[64];
            unsigned long long sd = strtoull(a->seed_buf, NULL, 10);
            snprintf(buf, sizeof buf, "seed %llu", sd);
            reload(a, (uint64_t)sd, buf);
        }
    }
}

static void seed_text(App *a, const char *text) {
    for (const char *p = text; *p; p++) {
        size_t l = strlen(a->seed_buf);
        if (isdigit((unsigned char)*p) && l < 19) {
            a->seed_buf[l] = *p;
            a->seed_buf[l + 1] = 0;
        }
    }
}

static void key(App *a, SDL_Keycode k, Uint16 mod) {
    int shift = (mod & KMOD_SHIFT) != 0;
    char buf[96];
    if (a->seed_edit) {
        seed_key(a, k);
        return;
    }
    switch (k) {
    case SDLK_q:
    case SDLK_ESCAPE:
        if (a->help && k == SDLK_ESCAPE)
            a->help = 0;
        else
            a->running = 0;
        break;
    case SDLK_SPACE:
        if (!a->playing && a->view.step >= nsteps(a) - 1) go_step(a, 0, 1);
        a->playing = !a->playing;
        break;
    case SDLK_RIGHT:
        a->playing = 0;
        if (shift)
            select_next(a, 1);
        else
            go_step(a, a->view.step + 1, 1);
        break;
    case SDLK_LEFT:
        a->playing = 0;
        if (shift)
            select_next(a, -1);
        else
            go_step(a, a->view.step - 1, 0);
        break;
    case SDLK_HOME: go_step(a, 0, 0); break;
    case SDLK_END: go_step(a, nsteps(a) - 1, 0), a->playing = 0; break;
    case SDLK_PLUS:
    case SDLK_KP_PLUS:
    case SDLK_EQUALS:
        if (k == SDLK_EQUALS && !shift) {
            /* '=' without shift is '+' on many layouts' key too */
        }
        a->speed = a->speed * 2 > 512 ? 512 : a->speed * 2;
        snprintf(buf, sizeof buf, "speed %.3g events/s", a->speed);
        set_status(a, buf);
        break;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
        a->speed = a->speed / 2 < 0.25 ? 0.25 : a->speed / 2;
        snprintf(buf, sizeof buf, "speed %.3g events/s", a->speed);
        set_status(a, buf);
        break;
    case SDLK_n:
    case SDLK_RIGHTBRACKET:
        snprintf(buf, sizeof buf, "seed %llu", (unsigned long long)(a->view.seed + 1));
        reload(a, a->view.seed + 1, buf);
        break;
    case SDLK_LEFTBRACKET:
        if (a->view.seed == 0) {
            set_status(a, "seed 0 is the first");
            break;
        }
        snprintf(buf, sizeof buf, "seed %llu", (unsigned long long)(a->view.seed - 1));
        reload(a, a->view.seed - 1, buf);
        break;
    case SDLK_s:
        a->seed_edit = 1;
        a->seed_buf[0] = 0;
        a->playing = 0;
        break;
    case SDLK_r: reload(a, a->view.seed, "reloaded"); break;
    case SDLK_v:
        a->by_time = !a->by_time;
        set_status(a, a->by_time ? "playback by virtual time (idle gaps cut to 0.5 s)" : "playback by event");
        break;
    case SDLK_t:
        a->dark = !a->dark;
        a->view.theme = theme_get(a->dark ? "dark" : "light");
        break;
    case SDLK_SLASH:
        if (shift) a->help = !a->help;
        break;
    default: break;
    }
}

static void mouse_down(App *a, float x, float y, int shift) {
    Scene *s = &a->view.scene;
    SceneHit h = scene_hit(s, x, y);
    switch (h.kind) {
    case HIT_CARD:
        a->view.sview.selected_g = a->view.sview.selected_g == h.index ? -1 : h.index;
        a->view.sview.selected_obj = -1;
        a->view.sview.src_top = 0; /* the code pane follows the selection again */
        break;
    case HIT_OBJ:
        a->view.sview.selected_obj = a->view.sview.selected_obj == h.index ? -1 : h.index;
        a->view.sview.selected_g = -1;
        break;
    case HIT_MINIMAP: {
        a->drag = 3;
        double st = (double)(x - s->tl_minimap.x) / (double)s->tl_minimap.w * nsteps(a);
        go_step(a, (int)st, 0);
        break;
    }
    case HIT_TIMELINE:
        if (shift) {
            a->drag = 2;
            a->drag_x0 = x;
            a->drag_from0 = s->tl_from;
            a->drag_to0 = s->tl_to;
        } else if (scene_rect_contains(s->tl_lanes, x, y)) {
            a->drag = 1;
            a->playing = 0;
            scrub(a, x);
        } else if (h.index >= 0) {
            a->view.sview.selected_g = a->view.sview.selected_g == h.index ? -1 : h.index;
            a->view.sview.selected_obj = -1;
        }
        break;
    case HIT_NONE:
        if (scene_rect_contains(s->stage, x, y)) a->view.sview.selected_g = a->view.sview.selected_obj = -1;
        break;
    default: break;
    }
}

static void mouse_move(App *a, float x, float y) {
    Scene *s = &a->view.scene;
    a->mx = x;
    a->my = y;
    a->hover = 1;
    if (a->drag == 1) scrub(a, x);
    if (a->drag == 2) {
        double per_px = (double)(a->drag_to0 - a->drag_from0) / (double)(s->tl_lanes.w > 0 ? s->tl_lanes.w : 1);
        tl_pan_to(a, a->drag_from0, a->drag_to0, -(double)(x - a->drag_x0) * per_px);
    }
    if (a->drag == 3) {
        double st = (double)(x - s->tl_minimap.x) / (double)s->tl_minimap.w * nsteps(a);
        go_step(a, (int)st, 0);
    }
}

static void wheel(App *a, float dy) {
    Scene *s = &a->view.scene;
    if (scene_rect_contains(s->timeline, a->mx, a->my)) {
        tl_zoom(a, a->mx, dy > 0 ? 0.8 : 1.25);
    } else if (scene_rect_contains(s->source, a->mx, a->my)) {
        int top = a->view.sview.src_top > 0 ? a->view.sview.src_top : s->src_first;
        top -= (int)(dy * 3);
        a->view.sview.src_top = top < 1 ? 1 : top;
    }
}

/* Scripted input, one command per line: key NAME [shift], type TEXT,
 * click X Y, move X Y, wheel DY, wait FRAMES, step N, screenshot PATH, quit.
 * Coordinates are window points. */
static void script_load(App *a, const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "goro-viz: cannot open script %s\n", path);
        return;
    }
    char line[512];
    while (fgets(line, sizeof line, f)) {
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\n' || line[l - 1] == '\r')) line[--l] = 0;
        if (!l || line[0] == '#') continue;
        a->script.lines = mem_realloc(a->script.lines, sizeof(char *) * (size_t)a->script.n, sizeof(char *) * (size_t)(a->script.n + 1));
        a->script.lines[a->script.n++] = mem_strndup(line, l);
    }
    fclose(f);
}

static void script_free(App *a) {
    for (int i = 0; i < a->script.n; i++) mem_free(a->script.lines[i], strlen(a->script.lines[i]) + 1);
    mem_free(a->script.lines, sizeof(char *) * (size_t)a->script.n);
}

static SDL_Keycode key_named(const char *name) {
    static const struct {
        const char *n;
        SDL_Keycode k;
    } keys[] = {{"space", SDLK_SPACE}, {"right", SDLK_RIGHT}, {"left", SDLK_LEFT}, {"home", SDLK_HOME}, {"end", SDLK_END},
                {"plus", SDLK_PLUS},   {"minus", SDLK_MINUS}, {"n", SDLK_n},       {"r", SDLK_r},       {"t", SDLK_t},
                {"q", SDLK_q},         {"escape", SDLK_ESCAPE}, {"question", SDLK_SLASH}, {"bracketright", SDLK_RIGHTBRACKET},
                {"bracketleft", SDLK_LEFTBRACKET}, {"s", SDLK_s}, {"v", SDLK_v}, {"return", SDLK_RETURN}, {"backspace", SDLK_BACKSPACE}};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(keys[i].n, name) == 0) return keys[i].k;
    return SDLK_UNKNOWN;
}

static void save_window(App *a, const char *path) {
    int w, h;
    SDL_GetRendererOutputSize(a->ren, &w, &h);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 24, SDL_PIXELFORMAT_RGB24);
    if (!s) return;
    if (SDL_RenderReadPixels(a->ren, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch) == 0) IMG_SavePNG(s, path);
    SDL_FreeSurface(s);
}

/* Run script commands until one needs a frame to pass. Screenshots are
 * taken by the caller after drawing (shot gets the path). */
static void script_step(App *a, float pts_to_px, char *shot, size_t shotn) {
    shot[0] = 0;
    if (a->script.wait > 0) {
        a->script.wait--;
        return;
    }
    while (a->script.at < a->script.n) {
        const char *l = a->script.lines[a->script.at++];
        char cmd[32], arg[256], arg2[64];
        arg[0] = arg2[0] = 0;
        int nf = sscanf(l, "%31s %255s %63s", cmd, arg, arg2);
        if (nf < 1) continue;
        if (strcmp(cmd, "key") == 0) {
            SDL_Keycode k = key_named(arg);
            key(a, k, strcmp(arg2, "shift") == 0 || k == SDLK_SLASH ? KMOD_SHIFT : KMOD_NONE);
        } else if (strcmp(cmd, "click") == 0 || strcmp(cmd, "move") == 0) {
            float x = (float)atof(arg) * pts_to_px, y = (float)atof(arg2) * pts_to_px;
            mouse_move(a, x, y);
            if (cmd[0] == 'c') {
                mouse_down(a, x, y, 0);
                a->drag = 0;
            }
        } else if (strcmp(cmd, "type") == 0) {
            if (a->seed_edit) seed_text(a, arg);
        } else if (strcmp(cmd, "wheel") == 0) {
            wheel(a, (float)atof(arg));
        } else if (strcmp(cmd, "step") == 0) {
            go_step(a, atoi(arg) - 1, 0);
        } else if (strcmp(cmd, "wait") == 0) {
            a->script.wait = atoi(arg);
            return;
        } else if (strcmp(cmd, "screenshot") == 0) {
            snprintf(shot, shotn, "%s", arg);
            return;
        } else if (strcmp(cmd, "quit") == 0) {
            a->running = 0;
            return;
        } else {
            fprintf(stderr, "goro-viz: script: unknown command %s\n", cmd);
        }
    }
}

/* ---- main loop ----------------------------------------------------------- */

static void update(App *a, double dt) {
    SceneView *sv = &a->view.sview;
    if (a->playing) {
        sv->anim += (float)(dt / view_event_secs(&a->view, a->speed, a->by_time));
        while (sv->anim >= 1.0f) {
            if (a->view.step + 1 >= nsteps(a)) {
                sv->anim = 1;
                a->playing = 0;
                break;
            }
            view_set_step(&a->view, a->view.step + 1);
            sv->anim -= 1.0f;
            if (a->speed > 60) sv->anim = sv->anim > 1 ? 1 : sv->anim; /* too fast to animate each */
        }
        /* keep the playhead inside a zoomed timeline */
        if (sv->tl_to > sv->tl_from && (a->view.step >= sv->tl_to || a->view.step < sv->tl_from)) {
            int span = sv->tl_to - sv->tl_from;
            tl_pan_to(a, sv->tl_from, sv->tl_to, (double)(a->view.step - sv->tl_from) - span * 0.1);
        }
    } else if (sv->anim < 1.0f) {
        sv->anim += (float)(dt * 3.5);
        if (sv->anim > 1) sv->anim = 1;
    }
}

/* The display's DPI over 96 in quarter steps once it reaches 1.5x; else 1. */
static float dpi_extra(int disp) {
    float ddpi = 0;
    if (disp < 0 || SDL_GetDisplayDPI(disp, &ddpi, NULL, NULL) != 0 || ddpi < 144) return 1;
    float f = floorf(ddpi / 96.0f * 4.0f + 0.5f) / 4.0f;
    return f > 3 ? 3 : f;
}

/* HiDPI: the UI scale on top of drawable pixels per window point (which
 * macOS and Wayland report): --scale F when given; else, where the
 * drawable is not scaled (X11), the display's DPI over 96 once it reaches
 * 1.5x (a 4K laptop panel), in quarter steps; else 1. */
static float ui_extra(App *a) {
    if (a->opt->scale > 0) return a->opt->scale;
    int ww, wh, pw, ph;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->ren, &pw, &ph);
    if (pw != ww) return 1; /* the platform scales already */
    return dpi_extra(SDL_GetWindowDisplayIndex(a->win));
}

/* The progress screen: drawn at most every 40 ms (a run checks in every
 * 2^14 steps), events pumped so the window stays responsive; Esc, Q or
 * closing the window cancels. */
static void progress_draw(App *a, uint64_t steps) {
    int ww, wh, pw, ph;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->ren, &pw, &ph);
    RenderProgress p = {a->opt->file, a->view.loaded ? a->view.seed : a->opt->run.seed, a->opt->run.strategy, steps, a->opt->run.max_steps,
                        (double)(SDL_GetTicks() - a->prog_t0) / 1000.0};
    if (a->view.loaded && a->view.seed != a->opt->run.seed) p.seed = a->view.seed;
    if (view_draw_progress(&a->view, a->draw, pw, ph, (ww > 0 ? (float)pw / (float)ww : 1.0f) * ui_extra(a), &p) == 0) SDL_RenderPresent(a->ren);
    a->prog_drawn = SDL_GetTicks();
}

static int app_progress(void *ctx, uint64_t steps) {
    App *a = ctx;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        if (e.type == SDL_QUIT) a->canceled = 1;
        if (e.type == SDL_KEYDOWN && (e.key.keysym.sym == SDLK_ESCAPE || e.key.keysym.sym == SDLK_q)) a->canceled = 1;
    }
    if (SDL_GetTicks() - a->prog_drawn >= 40) progress_draw(a, steps);
    if (a->canceled) a->running = 0;
    return a->canceled;
}

int viz_app_run(const VizOptions *o) {
    const Theme *th = theme_get(o->theme);
    if (!th) {
        fprintf(stderr, "goro-viz: unknown theme %s (dark or light)\n", o->theme);
        return 64;
    }
    const char *disp = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY"), *drv = getenv("SDL_VIDEODRIVER");
    if ((!disp || !*disp) && (!wl || !*wl) && (!drv || !*drv)) {
        fprintf(stderr, "goro-viz: no display (DISPLAY is not set): use `goro-viz render %s --at end -o out.png` to draw a PNG, or `goro-viz run %s` for the output\n",
                o->file ? o->file : "FILE.go", o->file ? o->file : "FILE.go");
        return 1;
    }
    App *a = mem_alloc(sizeof *a); /* big (diagnostic buffers): not on the stack */
    memset(a, 0, sizeof *a);
    a->optc = *o;
    a->opt = &a->optc;
    a->optc.run.progress = app_progress;
    a->optc.run.progress_ctx = a;
    a->optc.run.diag = a->diag_new;
    a->optc.run.diag_cap = sizeof a->diag_new;
    a->view.theme = th;
    a->dark = th->dark;
    a->view.sview.selected_g = a->view.sview.selected_obj = -1;
    a->speed = o->speed > 0 ? o->speed : 4;
    char err[512];
    /* the window first: a long simulation shows its progress in it */
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        fprintf(stderr, "goro-viz: cannot open a window (%s): use `goro-viz render %s --at end -o out.png`, or `goro-viz run %s`\n", SDL_GetError(),
                o->file ? o->file : "FILE.go", o->file ? o->file : "FILE.go");
        mem_free(a, sizeof *a);
        return 1;
    }
    if (text_init() != 0) {
        fprintf(stderr, "goro-viz: SDL_ttf: %s\n", SDL_GetError());
        mem_free(a, sizeof *a);
        SDL_Quit();
        return 1;
    }
    IMG_Init(IMG_INIT_PNG);
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
    int w = o->width > 0 ? o->width : 1440, h = o->height > 0 ? o->height : 900;
    if (o->width <= 0 && o->scale <= 0) { /* a high-DPI X11 display: the default size in points */
        float f = dpi_extra(0);
        SDL_DisplayMode dm;
        if (f > 1 && SDL_GetDesktopDisplayMode(0, &dm) == 0 && w * f <= dm.w && h * f <= dm.h) w = (int)(w * f), h = (int)(h * f);
    }
    char title[300];
    const char *base = o->file ? strrchr(o->file, '/') : NULL;
    snprintf(title, sizeof title, "goro-viz — %s", base ? base + 1 : o->file ? o->file : o->demo ? o->demo : "");
    a->win = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (a->win) a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (a->win && !a->ren) a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    if (!a->win || !a->ren) {
        fprintf(stderr, "goro-viz: cannot open a window (%s): use `goro-viz render` instead\n", SDL_GetError());
        if (a->win) SDL_DestroyWindow(a->win);
        mem_free(a, sizeof *a);
        SDL_Quit();
        return 1;
    }
    SDL_SetWindowMinimumSize(a->win, 640, 420);
    a->draw = draw_new(a->ren);
    a->prog_t0 = SDL_GetTicks();
    if (o->file) progress_draw(a, 0);
    int lr = view_load(&a->view, a->opt, o->run.seed, err, sizeof err);
    if (lr != 0 || a->canceled) {
        if (lr != 0 && err[0]) fprintf(stderr, "goro-viz: %s\n", err); /* empty: the callback reported already */
        int canceled = a->canceled;
        view_free(&a->view);
        draw_free(a->draw);
        SDL_DestroyRenderer(a->ren);
        SDL_DestroyWindow(a->win);
        mem_free(a, sizeof *a);
        SDL_Quit();
        return canceled && lr == 0 ? 0 : 1;
    }
    snprintf(title, sizeof title, "goro-viz — %s", a->view.mt.run.title);
    SDL_SetWindowTitle(a->win, title);
    if (o->script) script_load(a, o->script);
    go_step(a, 0, 0);
    if (o->at) { /* where to open: a step, or the first race / deadlock / panic */
        int st = 0, pr = view_parse_when(&a->view, o->at, &st);
        if (pr == -2 && strcmp(o->at, "race") == 0) pr = view_parse_when(&a->view, "lost", &st);
        if (pr == -2 && strcmp(o->at, "alarm") == 0) pr = 1; /* nothing alarming: stay at the start */
        if (pr == 0) go_step(a, st, 0);
        else if (pr < 0) {
            char msg[128];
            snprintf(msg, sizeof msg, pr == -2 ? "no %s in this run" : "bad --at %s", o->at);
            set_status(a, msg);
        }
    }
    if (o->zoom && view_parse_range(&a->view, o->zoom, &a->view.sview.tl_from, &a->view.sview.tl_to) == 0) a->view.sview.tl_to++;
    a->running = 1;
    Uint64 freq = SDL_GetPerformanceFrequency(), last = SDL_GetPerformanceCounter();
    int rc = 0, dirty = 1, had_status = 0;
    while (a->running) {
        Uint64 nowc = SDL_GetPerformanceCounter();
        double dt = (double)(nowc - last) / (double)freq;
        last = nowc;
        if (dt > 0.1) dt = 0.1;
        a->now += dt;
        int ww, wh, pw, ph;
        SDL_GetWindowSize(a->win, &ww, &wh);
        SDL_GetRendererOutputSize(a->ren, &pw, &ph);
        float scale = ww > 0 ? (float)pw / (float)ww : 1.0f;
        /* input */
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            dirty = 1;
            switch (e.type) {
            case SDL_QUIT: a->running = 0; break;
            case SDL_KEYDOWN:
                /* '?' comes as text (layouts differ on where it is); F1 too */
                if (e.key.keysym.sym == SDLK_F1) key(a, SDLK_SLASH, KMOD_SHIFT);
                else if (e.key.keysym.sym != SDLK_SLASH) key(a, e.key.keysym.sym, e.key.keysym.mod);
                break;
            case SDL_TEXTINPUT:
                if (a->seed_edit)
                    seed_text(a, e.text.text);
                else if (strcmp(e.text.text, "?") == 0)
                    key(a, SDLK_SLASH, KMOD_SHIFT);
                break;
            case SDL_RENDER_TARGETS_RESET:
            case SDL_RENDER_DEVICE_RESET: draw_layer_invalidate(&a->view.tcache.layer); break;
            case SDL_MOUSEBUTTONDOWN:
                if (e.button.button == SDL_BUTTON_LEFT) mouse_down(a, (float)e.button.x * scale, (float)e.button.y * scale, (SDL_GetModState() & KMOD_SHIFT) != 0);
                break;
            case SDL_MOUSEBUTTONUP: a->drag = 0; break;
            case SDL_MOUSEMOTION:
                /* a script owns the pointer: the real one must not add tooltips */
                if (!a->script.n) mouse_move(a, (float)e.motion.x * scale, (float)e.motion.y * scale);
                break;
            case SDL_MOUSEWHEEL: wheel(a, e.wheel.preciseY != 0 ? e.wheel.preciseY : (float)e.wheel.y); break;
            case SDL_WINDOWEVENT:
                if (e.window.event == SDL_WINDOWEVENT_LEAVE) a->hover = 0;
                break;
            default: break;
            }
        }
        char shot[256] = "";
        if (a->script.n) script_step(a, scale, shot, sizeof shot);
        /* update */
        update(a, a->script.n ? 1.0 / 60.0 : dt);
        /* draw */
        RenderExtras x;
        memset(&x, 0, sizeof x);
        x.playing = a->playing;
        x.speed = (float)a->speed;
        x.help = a->help;
        x.status = a->now < a->status_until ? a->status : NULL;
        x.hover = a->hover && !a->drag;
        x.hover_x = a->mx;
        x.hover_y = a->my;
        x.seed_edit = a->seed_edit ? a->seed_buf : NULL;
        x.by_time = a->by_time;
        x.diag = a->diag[0] ? a->diag : NULL;
        /* like rxi/lite: an idle, unchanged frame is not redrawn */
        int busy = a->playing || a->view.sview.anim < 1 || a->script.n || x.status || had_status || a->seed_edit;
        had_status = x.status != NULL;
        if (dirty || busy) {
            if (!a->running) break; /* canceled during a reload's simulation */
        if (view_draw(&a->view, a->draw, pw, ph, scale * ui_extra(a), &x) != 0) {
                fprintf(stderr, "goro-viz: fonts: %s\n", SDL_GetError());
                rc = 1;
                break;
            }
            if (shot[0]) save_window(a, shot);
            SDL_RenderPresent(a->ren);
        }
        dirty = 0;
        if (!busy) SDL_WaitEventTimeout(NULL, 100);
    }
    script_free(a);
    view_free(&a->view);
    draw_free(a->draw);
    SDL_DestroyRenderer(a->ren);
    SDL_DestroyWindow(a->win);
    SDL_Quit();
    mem_free(a, sizeof *a);
    return rc;
}
