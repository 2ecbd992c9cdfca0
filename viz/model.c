/* model: ownership helpers and look-ups over the viewer's run model. */
#include "model.h"

#include <string.h>

void model_run_free(ModelRun *r) {
    for (int i = 0; i < r->nlanes; i++) VEC_FREE(r->lanes[i]);
    mem_free(r->lanes, sizeof *r->lanes * (size_t)r->nlanes);
    VEC_FREE(r->gs);
    VEC_FREE(r->objs);
    VEC_FREE(r->marks);
    VEC_FREE(r->users);
    VEC_FREE(r->lost);
    arena_free(&r->arena);
    memset(r, 0, sizeof *r);
}

void model_run_lanes(ModelRun *r, int n) {
    GORO_ASSERT(r->nlanes == 0);
    r->lanes = mem_alloc(sizeof *r->lanes * (size_t)(n > 0 ? n : 1));
    r->nlanes = n;
}

void model_free(Model *m) {
    mem_free(m->gs, sizeof *m->gs * (size_t)m->ngs);
    mem_free(m->objs, sizeof *m->objs * (size_t)m->nobjs);
    arena_free(&m->arena);
    memset(m, 0, sizeof *m);
}

void model_alloc(Model *m, const ModelRun *r) {
    memset(m, 0, sizeof *m);
    m->ngs = r->gs.len;
    m->nobjs = r->objs.len;
    m->gs = mem_alloc(sizeof *m->gs * (size_t)(m->ngs ? m->ngs : 1));
    m->objs = mem_alloc(sizeof *m->objs * (size_t)(m->nobjs ? m->nobjs : 1));
    for (int i = 0; i < m->ngs; i++) {
        m->gs[i].wait_obj = -1;
        m->gs[i].read_obj = -1;
        m->gs[i].wait = "";
        m->gs[i].state = THEME_DONE;
    }
    for (int i = 0; i < m->nobjs; i++) m->objs[i].owner = -1;
    m->ev.g = m->ev.obj = m->ev.peer = m->ev.slot = -1;
    m->ev.kind = MARK_OTHER;
    m->output = "";
    m->race_step = -1;
}

const char *model_strdup(Arena *a, const char *s) {
    if (!s) return NULL;
    return arena_strndup(a, s, strlen(s));
}

int model_g_index(const ModelRun *r, int id) {
    for (int i = 0; i < r->gs.len; i++)
        if (r->gs.items[i].id == id) return i;
    return -1;
}

int model_first_mark(const ModelRun *r, int step) {
    int lo = 0, hi = r->marks.len;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (r->marks.items[mid].step < step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

ThemeState model_state_at(const ModelRun *r, int g, int step) {
    if (g < 0 || g >= r->nlanes) return THEME_DONE;
    const ModelSegVec *l = &r->lanes[g];
    int lo = 0, hi = l->len;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (l->items[mid].to <= step)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < l->len && l->items[lo].from <= step) return l->items[lo].state;
    return THEME_DONE;
}

const ModelLost *model_lost_at(const ModelRun *r, int step) {
    int lo = 0, hi = r->lost.len;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (r->lost.items[mid].step < step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->lost.len && r->lost.items[lo].step == step ? &r->lost.items[lo] : NULL;
}
