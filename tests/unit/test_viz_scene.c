/* test_viz_scene: the scene model (what is drawn where) from a hand-built
 * worker-pool model: cards, states, pipes and their slots, the owner edge of
 * a held mutex, blocked-on edges, tokens in flight, layout stability, the
 * timeline playhead and hit testing. No SDL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "scene.h"
#include "test_viz_view.h"
#include "test_viz_fixture.h"

typedef struct Fix {
    ModelRun run;
    Model m;
    Scene s;
} Fix;

static int setup(void **state) {
    Fix *f = mem_alloc(sizeof *f);
    fix_run(&f->run);
    fix_model(&f->run, &f->m);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    Fix *f = *state;
    scene_free(&f->s);
    model_free(&f->m);
    model_run_free(&f->run);
    mem_free(f, sizeof *f);
    return 0;
}

static int inside(SceneRect outer, SceneRect r) {
    return r.x >= outer.x - 0.5f && r.y >= outer.y - 0.5f && r.x + r.w <= outer.x + outer.w + 0.5f && r.y + r.h <= outer.y + outer.h + 0.5f;
}

static int overlap(SceneRect a, SceneRect b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void test_cards_and_states(void **state) {
    Fix *f = *state;
    SceneView v = test_view(1440, 900);
    scene_build(&f->s, &f->run, &f->m, &v);
    assert_int_equal(f->s.cards.len, 4);
    assert_int_equal(f->s.card_mode, CARD_FULL);
    assert_int_equal(scene_card_for(&f->s, 0)->state, THEME_BLOCKED);
    assert_int_equal(scene_card_for(&f->s, 1)->state, THEME_RUNNING);
    assert_int_equal(scene_card_for(&f->s, 3)->state, THEME_SLEEPING);
    for (int i = 0; i < 4; i++) {
        const SceneCard *c = scene_card_for(&f->s, i);
        assert_true(inside(f->s.stage, c->r));
        assert_true(c->alpha > 0.99f);
        for (int j = 0; j < i; j++) assert_false(overlap(c->r, scene_card_for(&f->s, j)->r));
    }
    /* main stands left of the workers; the channels between them */
    const SceneCard *main_c = scene_card_for(&f->s, 0), *w = scene_card_for(&f->s, 1);
    const ScenePipe *jobs = scene_pipe_for(&f->s, 0);
    assert_non_null(jobs);
    assert_true(main_c->r.x + main_c->r.w <= jobs->r.x);
    assert_true(jobs->r.x + jobs->r.w <= w->r.x);
}

static void test_pipes_slots_tokens(void **state) {
    Fix *f = *state;
    SceneView v = test_view(1440, 900);
    scene_build(&f->s, &f->run, &f->m, &v);
    const ScenePipe *jobs = scene_pipe_for(&f->s, 0), *res = scene_pipe_for(&f->s, 1);
    assert_int_equal(jobs->nslots, 3);
    assert_int_equal(jobs->nvals, 2);
    assert_int_equal(res->nvals, 1);
    assert_true(inside(jobs->r, jobs->slot0));
    assert_int_equal(f->s.tokens.len, 0); /* settled: nothing in flight */
    /* mid-animation the value being sent travels from g2 to results' slot 0 */
    v.anim = 0.5f;
    scene_build(&f->s, &f->run, &f->m, &v);
    res = scene_pipe_for(&f->s, 1);
    assert_int_equal(res->nvals, 0); /* hidden from its slot while in flight */
    assert_int_equal(f->s.tokens.len, 1);
    const SceneToken *t = &f->s.tokens.items[0];
    assert_string_equal(t->value, "9");
    const SceneCard *g2 = scene_card_for(&f->s, 1);
    float slot_x = res->slot0.x + res->slot0.w * 0.5f;
    assert_true(t->x > slot_x && t->x < g2->r.x); /* between the slot and the sender */
    v.anim = 0.0f;
    scene_build(&f->s, &f->run, &f->m, &v);
    assert_true(fabsf(f->s.tokens.items[0].x - g2->r.x) < 1.0f); /* starts at the sender */
}

static void test_edges(void **state) {
    Fix *f = *state;
    SceneView v = test_view(1440, 900);
    scene_build(&f->s, &f->run, &f->m, &v);
    int owner = 0, wait_mu = 0, wait_res = 0;
    for (int i = 0; i < f->s.edges.len; i++) {
        const SceneEdge *e = &f->s.edges.items[i];
        if (e->kind == EDGE_OWNER && e->obj == 2 && e->g == 1) {
            owner++;
            /* from the lock to g2's card */
            const SceneBox *mu = scene_box_for(&f->s, 2);
            const SceneCard *g2 = scene_card_for(&f->s, 1);
            assert_true(fabsf(e->p[0] - (mu->r.x + mu->r.w)) < 1);
            assert_true(fabsf(e->p[6] - g2->r.x) < 1);
        }
        if (e->kind == EDGE_WAIT && e->obj == 2 && e->g == 2) wait_mu++;
        if (e->kind == EDGE_WAIT && e->obj == 1 && e->g == 0) wait_res++;
        assert_false(e->alarm);
    }
    assert_int_equal(owner, 1);
    assert_int_equal(wait_mu, 1);
    assert_int_equal(wait_res, 1);
    assert_int_equal(f->s.edges.len, 3); /* the sleeper waits on no object */
    /* deadlock: the blocked goroutines' edges become alarms, a banner shows */
    f->m.deadlock = 1;
    f->m.gs[0].in_cycle = f->m.gs[2].in_cycle = 1;
    scene_build(&f->s, &f->run, &f->m, &v);
    assert_non_null(f->s.banner);
    assert_non_null(strstr(f->s.banner, "deadlock"));
    int alarms = 0;
    for (int i = 0; i < f->s.edges.len; i++) alarms += f->s.edges.items[i].alarm;
    assert_int_equal(alarms, 2);
}

static void test_layout_stable(void **state) {
    Fix *f = *state;
    SceneView v = test_view(1440, 900);
    scene_build(&f->s, &f->run, &f->m, &v);
    SceneRect before[4];
    for (int i = 0; i < 4; i++) before[i] = scene_card_for(&f->s, i)->home;
    SceneRect pipe_before = scene_pipe_for(&f->s, 0)->r;
    /* another moment of the same run: nothing moves */
    f->m.step = 30;
    f->m.gs[0].state = THEME_RUNNING;
    f->m.gs[0].wait_obj = -1;
    f->m.objs[0].nbuf = 0;
    scene_build(&f->s, &f->run, &f->m, &v);
    for (int i = 0; i < 4; i++) assert_memory_equal(&before[i], &scene_card_for(&f->s, i)->home, sizeof(SceneRect));
    assert_memory_equal(&pipe_before, &scene_pipe_for(&f->s, 0)->r, sizeof(SceneRect));
}

static void test_birth_and_death(void **state) {
    Fix *f = *state;
    SceneView v = test_view(1440, 900);
    f->m.step = 2; /* before g3 and g4 exist; g2 is being born */
    v.anim = 0.5f;
    scene_build(&f->s, &f->run, &f->m, &v);
    assert_true(scene_card_for(&f->s, 3)->alpha == 0);
    const SceneCard *g2 = scene_card_for(&f->s, 1);
    assert_true(g2->r.w < g2->home.w); /* still growing out of main */
    int spawn = 0;
    for (int i = 0; i < f->s.edges.len; i++) spawn += f->s.edges.items[i].kind == EDGE_SPAWN;
    assert_int_equal(spawn, 1);
    /* a finished goroutine fades */
    f->run.gs.items[3].died = 5;
    f->m.step = 10;
    v.anim = 1;
    scene_build(&f->s, &f->run, &f->m, &v);
    assert_true(scene_card_for(&f->s, 3)->alpha < 0.5f);
    assert_true(scene_card_for(&f->s, 3)->alpha > 0);
}

static void test_timeline_and_hits(void **state) {
    Fix *f = *state;
    SceneView v = test_view(1440, 900);
    scene_build(&f->s, &f->run, &f->m, &v);
    assert_int_equal(f->s.tl_from, 0);
    assert_int_equal(f->s.tl_to, FIX_STEPS);
    assert_false(f->s.tl_density);
    /* the playhead stands right after event 10: 11/40 of the lanes */
    float want = f->s.tl_lanes.x + f->s.tl_lanes.w * 11.0f / FIX_STEPS;
    assert_true(fabsf(f->s.playhead_x - want) < 0.5f);
    assert_true(fabs(scene_tl_step(&f->s, f->s.playhead_x) - 11.0) < 1e-3);
    /* zoomed window */
    v.tl_from = 8;
    v.tl_to = 16;
    scene_build(&f->s, &f->run, &f->m, &v);
    assert_true(fabsf(f->s.playhead_x - (f->s.tl_lanes.x + f->s.tl_lanes.w * 3.0f / 8.0f)) < 0.5f);
    /* hits */
    const SceneCard *g3 = scene_card_for(&f->s, 2);
    SceneHit h = scene_hit(&f->s, g3->r.x + 5, g3->r.y + 5);
    assert_int_equal(h.kind, HIT_CARD);
    assert_int_equal(h.index, 2);
    const ScenePipe *jobs = scene_pipe_for(&f->s, 0);
    h = scene_hit(&f->s, jobs->r.x + jobs->r.w / 2, jobs->r.y + jobs->r.h / 2);
    assert_int_equal(h.kind, HIT_OBJ);
    assert_int_equal(h.index, 0);
    h = scene_hit(&f->s, f->s.tl_lanes.x + 5, f->s.tl_lanes.y + f->s.lane_h * 1.5f);
    assert_int_equal(h.kind, HIT_TIMELINE);
    assert_int_equal(h.index, 1);
}

static void test_source_and_output(void **state) {
    Fix *f = *state;
    SceneView v = test_view(1440, 900);
    scene_build(&f->s, &f->run, &f->m, &v);
    /* the code follows the acting goroutine (g2 at line 12) */
    assert_true(f->s.src_first <= 12 && 12 < f->s.src_first + f->s.src_lines);
    int seen = 0;
    for (int i = 0; i < f->s.src_marks.len; i++) {
        const SceneSrcMark *mk = &f->s.src_marks.items[i];
        assert_int_equal(mk->line, f->m.gs[mk->g].line);
        assert_int_equal(mk->state, f->m.gs[mk->g].state);
        assert_true(mk->line >= f->s.src_first && mk->line < f->s.src_first + f->s.src_lines);
        assert_true(fabsf(mk->y - (f->s.src_text.y + ((float)(mk->line - f->s.src_first) + 0.5f) * v.mono_h)) < 0.5f);
        seen |= 1 << mk->g;
    }
    assert_true(seen & 2);
    /* selecting main follows main's line */
    v.selected_g = 0;
    scene_build(&f->s, &f->run, &f->m, &v);
    assert_true(f->s.src_first <= 31 && 31 < f->s.src_first + f->s.src_lines);
    v.selected_g = -1;
    scene_build(&f->s, &f->run, &f->m, &v);
    assert_int_equal(f->s.out_from, 0); /* three short lines fit */
    /* a small window shows only the last output lines and scrolls the code */
    SceneView small = test_view(800, 420);
    f->m.output = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nhello\n";
    f->m.output_len = (int)strlen(f->m.output);
    scene_build(&f->s, &f->run, &f->m, &small);
    assert_true(f->s.out_from > 0);
    assert_int_equal(f->m.output[f->s.out_from - 1], '\n'); /* whole lines */
    int shown = 0;
    for (const char *p = f->m.output + f->s.out_from; *p; p++) shown += *p == '\n';
    assert_true(shown >= 1 && (float)shown * small.mono_h <= f->s.out_text.h);
}

static void test_many_goroutines(void **state) {
    (void)state;
    /* 1,000 goroutines: chips on the stage, density timeline, nothing leaves the stage */
    ModelRun r;
    memset(&r, 0, sizeof r);
    r.nsteps = 5000;
    for (int i = 0; i < 1000; i++) {
        ModelGInfo g;
        memset(&g, 0, sizeof g);
        g.id = i + 1;
        g.func = i ? "worker" : "main";
        g.parent = i ? 0 : -1;
        g.died = 2147483647;
        VEC_PUSH(r.gs, g);
    }
    model_run_lanes(&r, 1000);
    for (int i = 0; i < 1000; i++) {
        ModelSeg sg = {i, 5000, (ThemeState)(i % 4)};
        VEC_PUSH(r.lanes[i], sg);
    }
    Model m;
    model_alloc(&m, &r);
    m.step = 4999;
    for (int i = 0; i < 1000; i++) m.gs[i].exists = 1, m.gs[i].state = (ThemeState)(i % 4);
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1280, 800);
    scene_build(&s, &r, &m, &v);
    assert_int_equal(s.card_mode, CARD_CHIP);
    assert_true(s.tl_density);
    for (int i = 0; i < 1000; i++) assert_true(inside(s.stage, scene_card_for(&s, i)->r));
    scene_free(&s);
    model_free(&m);
    model_run_free(&r);
}

static void test_lost_update_and_panic(void **state) {
    (void)state;
    /* main + two incrementers and c.count; g2 loaded 5 and memory still has
     * 5, g3 loaded 4: g3's store will lose g2's... update */
    ModelRun r;
    memset(&r, 0, sizeof r);
    r.nsteps = 10;
    for (int i = 0; i < 3; i++) {
        ModelGInfo g;
        memset(&g, 0, sizeof g);
        g.id = i + 1;
        g.func = i ? "main.func1" : "main";
        g.parent = i ? 0 : -1;
        g.died = 2147483647;
        VEC_PUSH(r.gs, g);
    }
    ModelObjInfo o;
    memset(&o, 0, sizeof o);
    o.kind = MODEL_VAR;
    o.name = "c.count";
    VEC_PUSH(r.objs, o);
    model_run_lanes(&r, 3);
    Model m;
    model_alloc(&m, &r);
    m.step = 5;
    for (int i = 0; i < 3; i++) m.gs[i].exists = 1, m.gs[i].state = THEME_RUNNABLE;
    m.objs[0].exists = 1;
    m.objs[0].value = "5";
    m.gs[1].read_obj = 0, m.gs[1].read_val = "5";
    m.gs[2].read_obj = 0, m.gs[2].read_val = "4";
    Scene s;
    memset(&s, 0, sizeof s);
    SceneView v = test_view(1440, 900);
    scene_build(&s, &r, &m, &v);
    assert_false(scene_card_for(&s, 1)->stale);
    assert_true(scene_card_for(&s, 2)->stale);
    int loaded = 0, alarms = 0;
    for (int i = 0; i < s.edges.len; i++)
        if (s.edges.items[i].kind == EDGE_LOADED) {
            loaded++;
            alarms += s.edges.items[i].alarm;
            assert_int_equal(s.edges.items[i].obj, 0);
        }
    assert_int_equal(loaded, 2);
    assert_int_equal(alarms, 1);
    assert_null(s.banner);
    /* a panic shows its text over the stage */
    m.panic = "panic: runtime error: index out of range [5] with length 3";
    scene_build(&s, &r, &m, &v);
    assert_string_equal(s.banner, m.panic);
    assert_true(s.banner_alarm);
    scene_free(&s);
    model_free(&m);
    model_run_free(&r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_cards_and_states, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pipes_slots_tokens, setup, teardown),
        cmocka_unit_test_setup_teardown(test_edges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_layout_stable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_birth_and_death, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timeline_and_hits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_source_and_output, setup, teardown),
        cmocka_unit_test(test_many_goroutines),
        cmocka_unit_test(test_lost_update_and_panic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
