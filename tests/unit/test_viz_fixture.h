/* test_viz_fixture: a hand-built viewer model of a small worker pool, so the
 * scene and renderer can be tested without the simulator or the trace.
 *
 * Goroutines: 0 main (g1), 1..3 worker (g2..g4). Objects: 0 jobs (chan int,
 * cap 3), 1 results (chan int, cap 3), 2 mu (Mutex), 3 wg (WaitGroup).
 * At step 10: main blocked receiving from results; g2 running, holding mu;
 * g3 blocked on mu; g4 sleeping; jobs holds 4 and 5; results holds 9; wg 3.
 * The event at step 10 is g2 sending 9 into results (slot 0).
 */
#ifndef TEST_VIZ_FIXTURE_H
#define TEST_VIZ_FIXTURE_H

#include <string.h>

#include "model.h"

#define FIX_STEPS 40

static const char fix_source[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"sync\"\n"
    ")\n"
    "\n"
    "func worker(id int, jobs <-chan int, results chan<- int, mu *sync.Mutex, wg *sync.WaitGroup) {\n"
    "\tdefer wg.Done()\n"
    "\tfor j := range jobs {\n"
    "\t\tmu.Lock()\n"
    "\t\tresults <- j * 2 // double it\n"
    "\t\tmu.Unlock()\n"
    "\t}\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tjobs := make(chan int, 3)\n"
    "\tresults := make(chan int, 3)\n"
    "\tvar mu sync.Mutex\n"
    "\tvar wg sync.WaitGroup\n"
    "\tfor w := 1; w <= 3; w++ {\n"
    "\t\twg.Add(1)\n"
    "\t\tgo worker(w, jobs, results, &mu, &wg)\n"
    "\t}\n"
    "\tfor j := 1; j <= 5; j++ {\n"
    "\t\tjobs <- j\n"
    "\t}\n"
    "\tclose(jobs)\n"
    "\tfor a := 1; a <= 5; a++ {\n"
    "\t\tfmt.Println(<-results)\n"
    "\t}\n"
    "\twg.Wait()\n"
    "}\n";

static void fix_seg(ModelRun *r, int g, int from, int to, ThemeState s) {
    ModelSeg sg = {from, to, s};
    VEC_PUSH(r->lanes[g], sg);
}

static void fix_run(ModelRun *r) {
    memset(r, 0, sizeof *r);
    r->path = "worker_pool.go";
    r->title = "worker_pool.go";
    r->source = fix_source;
    r->seed = 17;
    r->strategy = "random";
    r->nsteps = FIX_STEPS;
    r->outcome = "exit 0";
    const char *fn[4] = {"main", "worker", "worker", "worker"};
    for (int i = 0; i < 4; i++) {
        ModelGInfo g;
        memset(&g, 0, sizeof g);
        g.id = i + 1;
        g.func = fn[i];
        g.parent = i == 0 ? -1 : 0;
        g.born = i == 0 ? 0 : 1 + i;
        g.died = 2147483647;
        g.create_line = 24;
        g.nsend = i == 0 ? 5 : 2;
        g.nrecv = i == 0 ? 5 : 2;
        VEC_PUSH(r->gs, g);
    }
    const char *names[4] = {"jobs", "results", "mu", "wg"};
    ModelObjKind kinds[4] = {MODEL_CHAN, MODEL_CHAN, MODEL_MUTEX, MODEL_WAITGROUP};
    for (int i = 0; i < 4; i++) {
        ModelObjInfo o;
        memset(&o, 0, sizeof o);
        o.id = 10 + i;
        o.kind = kinds[i];
        o.name = names[i];
        o.elem = i < 2 ? "int" : "";
        o.cap = i < 2 ? 3 : 0;
        o.born = 0;
        o.line = 18 + i;
        o.senders = o.receivers = -1;
        VEC_PUSH(r->objs, o);
    }
    /* users: everyone uses everything except main and mu */
    int users[][2] = {{0, 0}, {0, 1}, {0, 2}, {0, 3}, {1, 0}, {1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 2}, {2, 3}, {3, 0}, {3, 1}, {3, 2}, {3, 3}};
    for (size_t i = 0; i < sizeof users / sizeof users[0]; i++) {
        VEC_PUSH(r->users, users[i][0]);
        VEC_PUSH(r->users, users[i][1]);
    }
    model_run_lanes(r, 4);
    fix_seg(r, 0, 0, 8, THEME_RUNNING);
    fix_seg(r, 0, 8, 30, THEME_BLOCKED);
    fix_seg(r, 0, 30, FIX_STEPS, THEME_RUNNING);
    for (int g = 1; g < 4; g++) {
        fix_seg(r, g, 1 + g, 9, THEME_RUNNABLE);
        fix_seg(r, g, 9, 20 + g, g == 1 ? THEME_RUNNING : g == 2 ? THEME_BLOCKED : THEME_SLEEPING);
        fix_seg(r, g, 20 + g, 30 + g, THEME_RUNNABLE);
    }
    ModelMark mk[] = {{5, 0, MARK_SEND}, {10, 1, MARK_SEND}, {11, 1, MARK_LOCK}, {15, 2, MARK_RACE}, {20, 0, MARK_RECV}};
    for (size_t i = 0; i < sizeof mk / sizeof mk[0]; i++) VEC_PUSH(r->marks, mk[i]);
}

static const char *fix_jobs[] = {"4", "5"};
static const char *fix_results[] = {"9"};
static int fix_waiters_mu[] = {2};

static void fix_model(const ModelRun *r, Model *m) {
    model_alloc(m, r);
    m->step = 10;
    m->now_ns = 150000000;
    ThemeState st[4] = {THEME_BLOCKED, THEME_RUNNING, THEME_BLOCKED, THEME_SLEEPING};
    int line[4] = {31, 12, 11, 0};
    for (int i = 0; i < 4; i++) {
        m->gs[i].exists = 1;
        m->gs[i].state = st[i];
        m->gs[i].line = line[i];
    }
    m->gs[0].wait = "chan receive";
    m->gs[0].wait_obj = 1;
    m->gs[2].wait = "sync.Mutex.Lock";
    m->gs[2].wait_obj = 2;
    m->gs[3].wait = "sleep";
    m->gs[3].wake_ns = 250000000;
    for (int o = 0; o < 4; o++) m->objs[o].exists = 1;
    m->objs[0].nbuf = 2;
    m->objs[0].buf = fix_jobs;
    m->objs[1].nbuf = 1;
    m->objs[1].buf = fix_results;
    m->objs[2].owner = 1;
    m->objs[2].nwaiters = 1;
    m->objs[2].waiters = fix_waiters_mu;
    m->objs[3].counter = 3;
    m->output = "2\n4\nhello\n";
    m->output_len = (int)strlen(m->output);
    m->ev.kind = MARK_SEND;
    m->ev.g = 1;
    m->ev.obj = 1;
    m->ev.slot = 0;
    m->ev.value = "9";
    m->ev.text = "g2 sends 9 on results (into the buffer)";
}

#endif
