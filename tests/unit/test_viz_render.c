/* test_viz_render: pixel tests on headless renders of the worker-pool
 * fixture (software renderer on a surface, no display): colours sampled at
 * positions the scene reports. Set GORO_VIZ_TEST_PNG=DIR to keep the PNGs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "source_pane.h"
#include "test_viz_fixture.h"

typedef struct Px {
    SDL_Surface *surf;
    SDL_Renderer *ren;
    Draw *d;
    RenderFonts f;
    ModelRun run;
    Model m;
    Scene s;
    SceneView v;
    TimelineCache tc;
    const Theme *th;
} Px;

static void frame(Px *p, const char *theme, const char *png) {
    p->th = theme_get(theme);
    scene_build(&p->s, &p->run, &p->m, &p->v);
    RenderExtras x;
    memset(&x, 0, sizeof x);
    x.speed = 4;
    render_frame(p->d, &p->f, p->th, &p->run, &p->m, &p->s, &p->v, &x, &p->tc);
    SDL_RenderPresent(p->ren);
    const char *dir = getenv("GORO_VIZ_TEST_PNG");
    if (dir && png) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, png);
        IMG_SavePNG(p->surf, path);
    }
}

static int setup(void **state) {
    Px *p = mem_alloc(sizeof *p);
    p->surf = SDL_CreateRGBSurfaceWithFormat(0, 1440, 900, 32, SDL_PIXELFORMAT_ARGB8888);
    p->ren = SDL_CreateSoftwareRenderer(p->surf);
    if (!p->surf || !p->ren) return -1;
    p->d = draw_new(p->ren);
    if (render_fonts_open(&p->f, p->d, 1.0f) != 0) return -1;
    fix_run(&p->run);
    fix_model(&p->run, &p->m);
    memset(&p->v, 0, sizeof p->v);
    p->v.width = 1440;
    p->v.height = 900;
    p->v.scale = 1;
    p->v.anim = 1;
    p->v.selected_g = p->v.selected_obj = -1;
    render_view_metrics(&p->v, &p->f);
    *state = p;
    return 0;
}

static int teardown(void **state) {
    Px *p = *state;
    render_fonts_close(&p->f);
    timeline_cache_free(&p->tc);
    scene_free(&p->s);
    model_free(&p->m);
    model_run_free(&p->run);
    draw_free(p->d);
    SDL_DestroyRenderer(p->ren);
    SDL_FreeSurface(p->surf);
    mem_free(p, sizeof *p);
    return 0;
}

static uint32_t px(Px *p, float x, float y) {
    int ix = (int)x, iy = (int)y;
    uint32_t v = ((uint32_t *)p->surf->pixels)[iy * (p->surf->pitch / 4) + ix];
    return v & 0xFFFFFF;
}

/* colour distance in 0..765 */
static int dist(uint32_t a, ThemeRGBA t) {
    uint32_t b = t >> 8;
    return abs((int)((a >> 16) & 255) - (int)((b >> 16) & 255)) + abs((int)((a >> 8) & 255) - (int)((b >> 8) & 255)) + abs((int)(a & 255) - (int)(b & 255));
}

static void test_state_colours(void **state) {
    Px *p = *state;
    frame(p, "dark", "fixture_dark.png");
    /* each card's left band has its state colour */
    for (int g = 0; g < 4; g++) {
        const SceneCard *c = scene_card_for(&p->s, g);
        uint32_t col = px(p, c->r.x + 3, c->r.y + c->r.h / 2);
        assert_true(dist(col, p->th->state[c->state]) < 40);
    }
    /* the background where nothing is drawn */
    assert_true(dist(px(p, 2, p->s.header.h + 2), p->th->bg) < 10);
}

static void test_tokens_edges_playhead(void **state) {
    Px *p = *state;
    frame(p, "dark", NULL);
    /* values sit in jobs' slots as tokens */
    const ScenePipe *jobs = scene_pipe_for(&p->s, 0);
    for (int i = 0; i < 2; i++) {
        float cx = jobs->slot0.x + (float)i * jobs->slot_pitch + jobs->slot0.w / 2;
        /* sample off-centre: the value's digit is drawn in the middle */
        uint32_t col = px(p, cx - jobs->slot0.w * 0.3f, jobs->slot0.y + jobs->slot0.h / 2);
        assert_true(dist(col, p->th->token) < 60);
    }
    /* the third slot is empty */
    float cx = jobs->slot0.x + 2 * jobs->slot_pitch + jobs->slot0.w / 2;
    assert_true(dist(px(p, cx - jobs->slot0.w * 0.3f, jobs->slot0.y + jobs->slot0.h / 2), p->th->slot) < 30);
    /* the owner edge of the held mutex is drawn in the owner colour */
    int found = 0;
    for (int i = 0; i < p->s.edges.len; i++) {
        const SceneEdge *e = &p->s.edges.items[i];
        if (e->kind != EDGE_OWNER) continue;
        float mid[2];
        draw_bezier_point(e->p, 0.5f, mid);
        assert_true(dist(px(p, mid[0], mid[1]), p->th->edge_owner) < 60);
        found = 1;
    }
    assert_true(found);
    /* the playhead line in the timeline */
    float y = p->s.tl_lanes.y + p->s.tl_lanes.h - 2;
    assert_true(dist(px(p, p->s.playhead_x, y), p->th->playhead) < 60);
}

static void test_light_theme_and_alarm(void **state) {
    Px *p = *state;
    p->m.deadlock = 1;
    p->m.gs[0].in_cycle = p->m.gs[2].in_cycle = 1;
    frame(p, "light", "fixture_light_deadlock.png");
    assert_true(dist(px(p, 2, p->s.header.h + 2), p->th->bg) < 10);
    /* the banner is in the alarm colour */
    float bx = p->s.stage.x + 14, by = p->s.stage.y + 10;
    assert_true(dist(px(p, bx, by), p->th->alarm) < 40);
    /* the wait edge of a goroutine in the cycle is alarm-coloured */
    for (int i = 0; i < p->s.edges.len; i++) {
        const SceneEdge *e = &p->s.edges.items[i];
        if (!e->alarm) continue;
        float mid[2];
        draw_bezier_point(e->p, 0.5f, mid);
        assert_true(dist(px(p, mid[0], mid[1]), p->th->alarm) < 60);
    }
}

static void test_token_in_flight(void **state) {
    Px *p = *state;
    p->v.anim = 0.5f;
    frame(p, "dark", "fixture_token.png");
    assert_int_equal(p->s.tokens.len, 1);
    const SceneToken *t = &p->s.tokens.items[0];
    assert_true(dist(px(p, t->x - t->radius * 0.6f, t->y), p->th->token) < 60);
}

static void test_glyph_cache(void **state) {
    Px *p = *state;
    frame(p, "dark", NULL);
    int after_one = text_glyphs_rendered(p->f.mono);
    assert_true(after_one > 0);
    frame(p, "dark", NULL);
    frame(p, "dark", NULL);
    /* drawing the same frames again rasterises nothing new */
    assert_int_equal(text_glyphs_rendered(p->f.mono), after_one);
}

static void test_empty_run(void **state) {
    /* nothing to show: panes and chrome still draw, nothing crashes */
    Px *p = *state;
    ModelRun r;
    memset(&r, 0, sizeof r);
    r.title = "empty.go";
    Model m;
    model_alloc(&m, &r);
    Scene s;
    memset(&s, 0, sizeof s);
    scene_build(&s, &r, &m, &p->v);
    RenderExtras x;
    memset(&x, 0, sizeof x);
    x.help = 1;
    TimelineCache tcache;
    memset(&tcache, 0, sizeof tcache);
    render_frame(p->d, &p->f, theme_get("dark"), &r, &m, &s, &p->v, &x, &tcache);
    timeline_cache_free(&tcache);
    scene_free(&s);
    model_free(&m);
    model_run_free(&r);
}

static void test_go_tokenizer(void **state) {
    (void)state;
    const char *line = "\tgo worker(i, \"a // b\") // start 3 workers";
    int n = (int)strlen(line);
    SrcLexState st = SRC_IN_CODE;
    SrcTokKind kinds[32];
    int ends[32], k = 0;
    for (int i = 0; i < n && k < 32;) {
        int j = srcpane_next(line, n, i, &st, &kinds[k]);
        assert_true(j > i);
        ends[k++] = j;
        i = j;
    }
    /* go (keyword), worker (func), the string, the trailing comment */
    int saw_kw = 0, saw_fn = 0, saw_str = 0, saw_cm = 0;
    int start = 0;
    for (int i = 0; i < k; i++) {
        int len = ends[i] - start;
        if (kinds[i] == SRC_KEYWORD && len == 2 && !strncmp(line + start, "go", 2)) saw_kw = 1;
        if (kinds[i] == SRC_FUNC && !strncmp(line + start, "worker", 6)) saw_fn = 1;
        if (kinds[i] == SRC_STRING && !strncmp(line + start, "\"a // b\"", 8)) saw_str = 1;
        if (kinds[i] == SRC_COMMENT && !strncmp(line + start, "// start", 8)) saw_cm = 1;
        start = ends[i];
    }
    assert_true(saw_kw && saw_fn && saw_str && saw_cm);
    /* a block comment carries over to the next line */
    st = SRC_IN_CODE;
    SrcTokKind kd;
    srcpane_next("x /* open", 9, 2, &st, &kd);
    assert_int_equal(st, SRC_IN_BLOCK_COMMENT);
    int j = srcpane_next("still */ y", 10, 0, &st, &kd);
    assert_int_equal(kd, SRC_COMMENT);
    assert_int_equal(j, 8);
    assert_int_equal(st, SRC_IN_CODE);
}

int main(void) {
    if (text_init() != 0) return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_state_colours, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tokens_edges_playhead, setup, teardown),
        cmocka_unit_test_setup_teardown(test_light_theme_and_alarm, setup, teardown),
        cmocka_unit_test_setup_teardown(test_token_in_flight, setup, teardown),
        cmocka_unit_test_setup_teardown(test_glyph_cache, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_run, setup, teardown),
        cmocka_unit_test(test_go_tokenizer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
