/* trace_synth: synthetic but self-consistent traces of tutorial programs,
 * made by a tiny deterministic scheduler over hand-written goroutine state
 * machines; for tests, benchmarks and the viewer until the VM exists.
 *
 * Invariants: every choice comes from the splitmix64 stream seeded with the
 * caller's seed; at most one goroutine runs; every blocked goroutine is on
 * exactly one wait queue (or sleeping) and is completed by its waker, which
 * emits the "other half" events on its behalf as trace.h prescribes.
 */
#include "trace_impl.h"

#include <inttypes.h>
#include <string.h>

/* ---- sources ---------------------------------------------------------------- */

static const char race_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"sync\"\n"
    ")\n"
    "\n"
    "type UnsafeCounter struct {\n"
    "\tcount int\n"
    "}\n"
    "\n"
    "func (c *UnsafeCounter) Increment() {\n"
    "\tc.count++\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tc := &UnsafeCounter{}\n"
    "\tvar wg sync.WaitGroup\n"
    "\tfor i := 0; i < 10; i++ {\n"
    "\t\twg.Add(1)\n"
    "\t\tgo func(id int) {\n"
    "\t\t\tdefer wg.Done()\n"
    "\t\t\tfor j := 0; j < 100; j++ {\n"
    "\t\t\t\tc.Increment()\n"
    "\t\t\t}\n"
    "\t\t}(i)\n"
    "\t}\n"
    "\twg.Wait()\n"
    "\tfmt.Printf(\"Unsafe counter - Expected: %d, Actual: %d\\n\", 1000, c.count)\n"
    "}\n";

static const char pool_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"sync\"\n"
    "\t\"time\"\n"
    ")\n"
    "\n"
    "type Job struct {\n"
    "\tID   int\n"
    "\tData string\n"
    "}\n"
    "\n"
    "func worker(id int, jobs <-chan Job, results chan<- string, wg *sync.WaitGroup, mu *sync.Mutex, done *int) {\n"
    "\tdefer wg.Done()\n"
    "\tfor job := range jobs {\n"
    "\t\tfmt.Printf(\"Worker %d processing job %d\\n\", id, job.ID)\n"
    "\t\ttime.Sleep(time.Duration(job.ID*100) * time.Millisecond)\n"
    "\t\tmu.Lock()\n"
    "\t\t*done++\n"
    "\t\tmu.Unlock()\n"
    "\t\tresults <- fmt.Sprintf(\"processed-%s-by-worker-%d\", job.Data, id)\n"
    "\t}\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tconst numJobs = 5\n"
    "\tjobs := make(chan Job, numJobs)\n"
    "\tresults := make(chan string, numJobs)\n"
    "\tvar wg sync.WaitGroup\n"
    "\tvar mu sync.Mutex\n"
    "\tdone := 0\n"
    "\tfor i := 1; i <= 3; i++ {\n"
    "\t\twg.Add(1)\n"
    "\t\tgo worker(i, jobs, results, &wg, &mu, &done)\n"
    "\t}\n"
    "\tgo func() {\n"
    "\t\tfor i := 1; i <= numJobs; i++ {\n"
    "\t\t\tjobs <- Job{ID: i, Data: fmt.Sprintf(\"job-data-%d\", i)}\n"
    "\t\t}\n"
    "\t\tclose(jobs)\n"
    "\t}()\n"
    "\tgo func() {\n"
    "\t\twg.Wait()\n"
    "\t\tclose(results)\n"
    "\t}()\n"
    "\tfor r := range results {\n"
    "\t\tfmt.Println(r)\n"
    "\t}\n"
    "\tmu.Lock()\n"
    "\tfmt.Println(\"done:\", done)\n"
    "\tmu.Unlock()\n"
    "}\n";

static const char deadlock_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"sync\"\n"
    ")\n"
    "\n"
    "func main() {\n"
    "\tvar mu sync.Mutex\n"
    "\tch := make(chan int)\n"
    "\tmu.Lock()\n"
    "\tgo func() {\n"
    "\t\tmu.Lock()\n"
    "\t\tch <- 1\n"
    "\t\tmu.Unlock()\n"
    "\t}()\n"
    "\tfmt.Println(\"waiting\")\n"
    "\t<-ch\n"
    "\tmu.Unlock()\n"
    "}\n";

const char *trace_synth_source(TraceSynth which, const char **path) {
    const char *p = "race_counter.go", *s = race_src;
    if (which == TRACE_SYNTH_WORKER_POOL) p = "worker_pool.go", s = pool_src;
    if (which == TRACE_SYNTH_DEADLOCK) p = "deadlock.go", s = deadlock_src;
    if (path) *path = p;
    return s;
}

/* pos_of: the position of the [nth] (0-based) occurrence of [needle] in
 * [src], pointing at its first non-blank byte; (0,0) if absent (a bug). */
static Pos pos_of(const char *src, const char *needle, int nth) {
    const char *p = src;
    for (;;) {
        p = strstr(p, needle);
        GORO_ASSERT(p);
        if (nth-- == 0) break;
        p++;
    }
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    Pos pos = {1, 1};
    for (const char *q = src; q < p; q++) {
        if (*q == '\n') {
            pos.line++;
            pos.col = 1;
        } else {
            pos.col++;
        }
    }
    return pos;
}

/* add_func: declare [name] from the line of [header] to the next line that
 * starts with [closer] */
static void add_func(Trace *t, const char *src, const char *name, const char *header,
                     const char *closer) {
    Pos a = pos_of(src, header, 0);
    const char *h = strstr(src, header);
    const char *c = strstr(h, closer);
    GORO_ASSERT(c);
    int last = a.line;
    for (const char *q = h; q < c + 1; q++) last += *q == '\n';
    trace_add_func(t, name, a.line, last);
}

/* ---- the tiny runtime -------------------------------------------------------- */

enum { R_CONT, R_MEM, R_BLOCK, R_EXIT };
enum { S_RUNNABLE, S_BLOCKED, S_SLEEPING, S_DONE };
#define SYN_MAXG 64
#define SYN_Q 64

typedef struct Syn Syn;
typedef struct SynG SynG;
typedef int (*SynProg)(Syn *s, SynG *g);

struct SynG {
    TraceObj obj;
    SynProg prog;
    int pc, status, idx;
    int64_t wake;
    int64_t got; /* received value */
    uint32_t got_vid;
    int got_ok;
    int64_t send_val; /* value offered while blocked in a send */
    uint32_t send_vid;
    Pos send_pos;
    int id, i, j;
    int64_t tmp;
};

typedef struct SynChan {
    TraceObj obj;
    int cap, len, head, closed;
    int64_t buf[SYN_Q];
    uint32_t vid[SYN_Q];
    int recvq[SYN_Q], nrecvq;
    int sendq[SYN_Q], nsendq;
} SynChan;

typedef struct SynLock {
    TraceObj obj;
    int owner; /* goroutine index, -1 free */
    int q[SYN_Q], nq;
} SynLock;

typedef struct SynWg {
    TraceObj obj;
    int64_t count;
    int q[SYN_Q], nq;
} SynWg;

struct Syn {
    Trace *t;
    const char *src;
    uint64_t rng;
    uint64_t step;
    int64_t now;
    SynG g[SYN_MAXG];
    int ng, cur;
    uint32_t next_goid;
    double preempt; /* probability of a switch at a memory access */
    /* scenario objects */
    SynChan ch[3];
    SynLock mu[2];
    SynWg wg[1];
    TraceObj var[2];
    int64_t varval[2];
    int iters, nworkers, njobs;
};

static uint64_t splitmix(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint32_t rnd(Syn *s, uint32_t n) { return (uint32_t)(splitmix(&s->rng) % n); }

static void emit(Syn *s, TraceEventKind kind, int aux, TraceObj g, TraceObj obj, Pos pos,
                 uint32_t value, int64_t arg) {
    trace_emit(s->t, &(TraceEvent){.kind = kind, .aux = aux, .g = g, .obj = obj, .pos = pos,
                                   .value = value, .arg = arg, .step = s->step, .vtime = s->now});
}

static SynG *spawn(Syn *s, SynG *parent, SynProg prog, const char *fn, Pos pos) {
    GORO_ASSERT(s->ng < SYN_MAXG);
    SynG *g = &s->g[s->ng];
    memset(g, 0, sizeof *g);
    g->idx = s->ng++;
    g->prog = prog;
    g->status = S_RUNNABLE;
    g->obj = trace_new_goroutine(s->t, s->step, parent ? parent->obj : 0, s->next_goid++, fn, pos);
    return g;
}

static void wake(Syn *s, SynG *waker, SynG *g) {
    g->status = S_RUNNABLE;
    emit(s, TRACE_EV_GO_UNBLOCK, 0, waker ? waker->obj : 0, g->obj, (Pos){0, 0}, 0, 0);
}

static int block(Syn *s, SynG *g, int reason, TraceObj on, Pos pos, uint32_t value) {
    g->status = S_BLOCKED;
    emit(s, TRACE_EV_GO_BLOCK, reason, g->obj, on, pos, value, 0);
    return R_BLOCK;
}

static void output(Syn *s, SynG *g, Pos pos, int stream, const char *text) {
    trace_output(s->t, s->step, g ? g->obj : 0, pos, stream, text, strlen(text));
}

/* chan_send: 0 done, R_BLOCK if g blocked (its value waits in the sendq) */
static int chan_send(Syn *s, SynG *g, SynChan *c, int64_t v, uint32_t vid, Pos pos) {
    if (c->nrecvq) { /* a receiver is waiting: hand the value over */
        SynG *r = &s->g[c->recvq[0]];
        memmove(c->recvq, c->recvq + 1, sizeof c->recvq[0] * (size_t)--c->nrecvq);
        emit(s, TRACE_EV_CHAN_SEND, TRACE_CH_SYNC, g->obj, c->obj, pos, vid, r->obj);
        emit(s, TRACE_EV_CHAN_RECV, TRACE_CH_SYNC, r->obj, c->obj, (Pos){0, 0}, vid, g->obj);
        r->got = v;
        r->got_vid = vid;
        r->got_ok = 1;
        wake(s, g, r);
        return 0;
    }
    if (c->len < c->cap) {
        int j = (c->head + c->len++) % SYN_Q;
        c->buf[j] = v;
        c->vid[j] = vid;
        emit(s, TRACE_EV_CHAN_SEND, TRACE_CH_BUF, g->obj, c->obj, pos, vid, 0);
        return 0;
    }
    g->send_val = v;
    g->send_vid = vid;
    g->send_pos = pos;
    GORO_ASSERT(c->nsendq < SYN_Q);
    c->sendq[c->nsendq++] = g->idx;
    return block(s, g, TRACE_WAIT_CHAN_SEND, c->obj, pos, vid);
}

/* chan_recv: 0 done (g->got, g->got_ok set), R_BLOCK if g blocked */
static int chan_recv(Syn *s, SynG *g, SynChan *c, Pos pos) {
    if (c->len > 0) {
        g->got = c->buf[c->head];
        g->got_vid = c->vid[c->head];
        g->got_ok = 1;
        c->head = (c->head + 1) % SYN_Q;
        c->len--;
        emit(s, TRACE_EV_CHAN_RECV, TRACE_CH_BUF, g->obj, c->obj, pos, g->got_vid, 0);
        if (c->nsendq) { /* a blocked sender's value takes the freed slot */
            SynG *w = &s->g[c->sendq[0]];
            memmove(c->sendq, c->sendq + 1, sizeof c->sendq[0] * (size_t)--c->nsendq);
            int j = (c->head + c->len++) % SYN_Q;
            c->buf[j] = w->send_val;
            c->vid[j] = w->send_vid;
            emit(s, TRACE_EV_CHAN_SEND, TRACE_CH_BUF, w->obj, c->obj, w->send_pos, w->send_vid, 0);
            wake(s, g, w);
        }
        return 0;
    }
    if (c->nsendq) { /* unbuffered: take a blocked sender's value */
        SynG *w = &s->g[c->sendq[0]];
        memmove(c->sendq, c->sendq + 1, sizeof c->sendq[0] * (size_t)--c->nsendq);
        emit(s, TRACE_EV_CHAN_SEND, TRACE_CH_SYNC, w->obj, c->obj, w->send_pos, w->send_vid, g->obj);
        emit(s, TRACE_EV_CHAN_RECV, TRACE_CH_SYNC, g->obj, c->obj, pos, w->send_vid, w->obj);
        g->got = w->send_val;
        g->got_vid = w->send_vid;
        g->got_ok = 1;
        wake(s, g, w);
        return 0;
    }
    if (c->closed) {
        g->got = 0;
        g->got_vid = 0;
        g->got_ok = 0;
        emit(s, TRACE_EV_CHAN_RECV, TRACE_CH_CLOSED, g->obj, c->obj, pos, 0, 0);
        return 0;
    }
    GORO_ASSERT(c->nrecvq < SYN_Q);
    c->recvq[c->nrecvq++] = g->idx;
    return block(s, g, TRACE_WAIT_CHAN_RECV, c->obj, pos, 0);
}

static void chan_close(Syn *s, SynG *g, SynChan *c, Pos pos) {
    c->closed = 1;
    emit(s, TRACE_EV_CHAN_CLOSE, 0, g->obj, c->obj, pos, 0, 0);
    for (int k = 0; k < c->nrecvq; k++) {
        SynG *r = &s->g[c->recvq[k]];
        r->got = 0;
        r->got_vid = 0;
        r->got_ok = 0;
        emit(s, TRACE_EV_CHAN_RECV, TRACE_CH_CLOSED, r->obj, c->obj, (Pos){0, 0}, 0, 0);
        wake(s, g, r);
    }
    c->nrecvq = 0;
}

static int lock(Syn *s, SynG *g, SynLock *l, Pos pos) {
    if (l->owner < 0) {
        l->owner = g->idx;
        emit(s, TRACE_EV_LOCK, TRACE_LOCK_PLAIN, g->obj, l->obj, pos, 0, 0);
        return 0;
    }
    GORO_ASSERT(l->nq < SYN_Q);
    l->q[l->nq++] = g->idx;
    return block(s, g, TRACE_WAIT_MUTEX_LOCK, l->obj, pos, 0);
}

static void unlock(Syn *s, SynG *g, SynLock *l, Pos pos) {
    l->owner = -1;
    emit(s, TRACE_EV_UNLOCK, 0, g->obj, l->obj, pos, 0, 0);
    if (l->nq) { /* hand the lock to the first waiter (starvation mode) */
        SynG *w = &s->g[l->q[0]];
        memmove(l->q, l->q + 1, sizeof l->q[0] * (size_t)--l->nq);
        l->owner = w->idx;
        emit(s, TRACE_EV_LOCK, TRACE_LOCK_PLAIN, w->obj, l->obj, (Pos){0, 0}, 0, 0);
        wake(s, g, w);
    }
}

static void wg_add(Syn *s, SynG *g, SynWg *w, int64_t delta, Pos pos) {
    w->count += delta;
    if (delta == -1) emit(s, TRACE_EV_WG_DONE, 0, g->obj, w->obj, pos, 0, 0);
    else emit(s, TRACE_EV_WG_ADD, 0, g->obj, w->obj, pos, 0, delta);
    if (w->count == 0) {
        for (int k = 0; k < w->nq; k++) wake(s, g, &s->g[w->q[k]]);
        w->nq = 0;
    }
}

static int wg_wait(Syn *s, SynG *g, SynWg *w, Pos pos) {
    if (w->count == 0) return 0;
    GORO_ASSERT(w->nq < SYN_Q);
    w->q[w->nq++] = g->idx;
    return block(s, g, TRACE_WAIT_WAITGROUP_WAIT, w->obj, pos, 0);
}

static int go_sleep(Syn *s, SynG *g, int64_t ns, Pos pos) {
    g->status = S_SLEEPING;
    g->wake = s->now + ns;
    emit(s, TRACE_EV_GO_SLEEP, 0, g->obj, 0, pos, 0, g->wake);
    return R_BLOCK;
}

static int64_t mem_read(Syn *s, SynG *g, int v, Pos pos) {
    emit(s, TRACE_EV_READ, 0, g->obj, s->var[v], pos, trace_intern_int(s->t, s->varval[v]), 0);
    return s->varval[v];
}

static void mem_write(Syn *s, SynG *g, int v, int64_t x, Pos pos) {
    s->varval[v] = x;
    emit(s, TRACE_EV_WRITE, 0, g->obj, s->var[v], pos, trace_intern_int(s->t, x), 0);
}

static void go_end(Syn *s, SynG *g) {
    g->status = S_DONE;
    emit(s, TRACE_EV_GO_END, 0, g->obj, 0, (Pos){0, 0}, 0, 0);
}

static void run_end(Syn *s, int status) {
    emit(s, TRACE_EV_RUN_END, 0, 0, 0, (Pos){0, 0}, 0, status);
}

static void print_deadlock(Syn *s) {
    emit(s, TRACE_EV_DEADLOCK, 0, 0, 0, (Pos){0, 0}, 0, 0);
    char buf[4096];
    size_t n = (size_t)snprintf(buf, sizeof buf, "fatal error: all goroutines are asleep - deadlock!\n");
    const TraceState *live = trace_live(s->t);
    const char *path;
    trace_synth_source(TRACE_SYNTH_DEADLOCK, &path);
    for (int k = 0; k < s->ng && n < sizeof buf - 200; k++) {
        const TraceObjState *os = &live->objs[s->g[k].obj];
        if (os->status != TRACE_G_BLOCKED) continue;
        const TraceObjInfo *info = trace_obj(s->t, s->g[k].obj);
        n += (size_t)snprintf(buf + n, sizeof buf - n, "\ngoroutine %" PRIu32 " [%s]:\n%s()\n\t%s:%" PRIu32 "\n",
                              info->goid, trace_wait_reason_name(os->reason),
                              trace_str(s->t, trace_func_at(s->t, (int)os->line), NULL), path, os->line);
    }
    trace_output(s->t, s->step, 0, (Pos){0, 0}, 2, buf, n < sizeof buf ? n : sizeof buf - 1);
    run_end(s, 2);
}

/* run: the scheduler loop; main is s->g[0] */
static void run(Syn *s) {
    s->cur = -1;
    for (;;) {
        int runnable[SYN_MAXG], nr = 0;
        for (int k = 0; k < s->ng; k++)
            if (s->g[k].status == S_RUNNABLE) runnable[nr++] = k;
        if (nr == 0) {
            int64_t next = INT64_MAX;
            for (int k = 0; k < s->ng; k++)
                if (s->g[k].status == S_SLEEPING && s->g[k].wake < next) next = s->g[k].wake;
            if (next == INT64_MAX) {
                print_deadlock(s);
                return;
            }
            s->now = next; /* the virtual clock jumps to the earliest timer */
            s->step++;
            for (int k = 0; k < s->ng; k++)
                if (s->g[k].status == S_SLEEPING && s->g[k].wake == next) wake(s, NULL, &s->g[k]);
            continue;
        }
        SynG *g = &s->g[runnable[rnd(s, (uint32_t)nr)]];
        s->step++;
        if (s->cur != g->idx) emit(s, TRACE_EV_GO_START, 0, g->obj, 0, (Pos){0, 0}, 0, 0);
        s->cur = g->idx;
        for (;;) {
            s->step++;
            int r = g->prog(s, g);
            if (r == R_EXIT) return;
            if (r == R_BLOCK) {
                s->cur = -1;
                break;
            }
            if (r == R_MEM && (double)(splitmix(&s->rng) >> 11) / 9007199254740992.0 < s->preempt)
                break; /* preempted: still runnable, the next pick decides */
        }
    }
}

static void syn_init(Syn *s, Trace *t, const char *src, const char *path, uint64_t seed,
                     const char *scenario) {
    memset(s, 0, sizeof *s);
    s->t = t;
    s->src = src;
    s->rng = seed;
    s->next_goid = 1;
    s->preempt = 0.15;
    char buf[32];
    trace_set_meta(t, "file", path);
    snprintf(buf, sizeof buf, "%" PRIu64, seed);
    trace_set_meta(t, "seed", buf);
    trace_set_meta(t, "strategy", "synthetic");
    trace_set_meta(t, "scenario", scenario);
}

/* ---- race counter ---------------------------------------------------------- */

static int race_worker(Syn *s, SynG *g) {
    switch (g->pc) {
    case 0:
        if (g->j >= s->iters) {
            g->pc = 2;
            return R_CONT;
        }
        g->tmp = mem_read(s, g, 0, pos_of(s->src, "c.count++", 0));
        g->pc = 1;
        return R_MEM;
    case 1:
        mem_write(s, g, 0, g->tmp + 1, pos_of(s->src, "c.count++", 0));
        g->j++;
        g->pc = 0;
        return R_MEM;
    case 2:
        wg_add(s, g, &s->wg[0], -1, pos_of(s->src, "wg.Done()", 0));
        g->pc = 3;
        return R_CONT;
    default:
        go_end(s, g);
        return R_BLOCK;
    }
}

static int race_main(Syn *s, SynG *g) {
    char buf[128];
    switch (g->pc) {
    case 0:
        s->var[0] = trace_new_object(s->t, s->step, g->obj, TRACE_OBJ_VAR, "c.count",
                                     pos_of(s->src, "c := ", 0));
        s->wg[0].obj = trace_new_object(s->t, s->step, g->obj, TRACE_OBJ_WAITGROUP, "wg",
                                        pos_of(s->src, "var wg", 0));
        g->pc = 1;
        return R_CONT;
    case 1:
        if (g->i >= s->nworkers) {
            g->pc = 3;
            return R_CONT;
        }
        wg_add(s, g, &s->wg[0], 1, pos_of(s->src, "wg.Add(1)", 0));
        g->pc = 2;
        return R_CONT;
    case 2: {
        SynG *w = spawn(s, g, race_worker, "main.main.func1", pos_of(s->src, "go func", 0));
        w->id = g->i++;
        g->pc = 1;
        return R_CONT;
    }
    case 3:
        g->pc = 4;
        if (wg_wait(s, g, &s->wg[0], pos_of(s->src, "wg.Wait()", 0))) return R_BLOCK;
        return R_CONT;
    case 4:
        emit(s, TRACE_EV_WG_WAIT, 0, g->obj, s->wg[0].obj, pos_of(s->src, "wg.Wait()", 0), 0, 0);
        g->tmp = mem_read(s, g, 0, pos_of(s->src, "fmt.Printf", 0));
        g->pc = 5;
        return R_MEM;
    case 5:
        snprintf(buf, sizeof buf, "Unsafe counter - Expected: %d, Actual: %" PRId64 "\n",
                 s->nworkers * s->iters, g->tmp);
        output(s, g, pos_of(s->src, "fmt.Printf", 0), 1, buf);
        go_end(s, g);
        run_end(s, 0);
        return R_EXIT;
    }
    return R_EXIT;
}

void trace_synth_race_counter(Trace *t, uint64_t seed, int ngoroutines, int iters) {
    Syn *s = mem_alloc(sizeof *s);
    syn_init(s, t, race_src, "race_counter.go", seed, "race_counter");
    s->nworkers = ngoroutines < SYN_MAXG - 1 ? ngoroutines : SYN_MAXG - 1;
    s->iters = iters;
    add_func(t, race_src, "main.(*UnsafeCounter).Increment", "func (c *UnsafeCounter)", "}");
    add_func(t, race_src, "main.main", "func main()", "\n}");
    add_func(t, race_src, "main.main.func1", "go func(id int)", "}(i)");
    SynG *m = spawn(s, NULL, race_main, "main.main", pos_of(race_src, "func main()", 0));
    (void)m;
    run(s);
    mem_free(s, sizeof *s);
    trace_finish(t);
}

/* ---- worker pool ------------------------------------------------------------ */

enum { JOBS, RESULTS };

static int pool_worker(Syn *s, SynG *g) {
    char buf[160];
    switch (g->pc) {
    case 0: /* for job := range jobs */
        g->pc = 1;
        if (chan_recv(s, g, &s->ch[JOBS], pos_of(s->src, "range jobs", 0))) return R_BLOCK;
        return R_CONT;
    case 1:
        if (!g->got_ok) {
            g->pc = 10;
            return R_CONT;
        }
        g->tmp = g->got;
        snprintf(buf, sizeof buf, "Worker %d processing job %" PRId64 "\n", g->id, g->tmp);
        output(s, g, pos_of(s->src, "fmt.Printf(\"Worker", 0), 1, buf);
        g->pc = 2;
        return R_CONT;
    case 2:
        g->pc = 3;
        return go_sleep(s, g, g->tmp * 100 * 1000000, pos_of(s->src, "time.Sleep", 0));
    case 3:
        g->pc = 4;
        if (lock(s, g, &s->mu[0], pos_of(s->src, "mu.Lock()", 0))) return R_BLOCK;
        return R_CONT;
    case 4:
        g->i = (int)mem_read(s, g, 0, pos_of(s->src, "*done++", 0));
        g->pc = 5;
        return R_MEM;
    case 5:
        mem_write(s, g, 0, g->i + 1, pos_of(s->src, "*done++", 0));
        g->pc = 6;
        return R_MEM;
    case 6:
        unlock(s, g, &s->mu[0], pos_of(s->src, "mu.Unlock()", 0));
        g->pc = 7;
        return R_CONT;
    case 7:
        snprintf(buf, sizeof buf, "processed-job-data-%" PRId64 "-by-worker-%d", g->tmp, g->id);
        g->pc = 0;
        if (chan_send(s, g, &s->ch[RESULTS], g->tmp, trace_intern_cstr(s->t, buf),
                      pos_of(s->src, "results <-", 0)))
            return R_BLOCK;
        return R_CONT;
    case 10:
        wg_add(s, g, &s->wg[0], -1, pos_of(s->src, "defer wg.Done()", 0));
        g->pc = 11;
        return R_CONT;
    default:
        go_end(s, g);
        return R_BLOCK;
    }
}

static int pool_producer(Syn *s, SynG *g) {
    char buf[64];
    switch (g->pc) {
    case 0:
        if (g->i == 0) g->i = 1;
        if (g->i > s->njobs) {
            g->pc = 2;
            return R_CONT;
        }
        snprintf(buf, sizeof buf, "{%d job-data-%d}", g->i, g->i);
        g->pc = 1;
        if (chan_send(s, g, &s->ch[JOBS], g->i, trace_intern_cstr(s->t, buf),
                      pos_of(s->src, "jobs <- Job", 0)))
            return R_BLOCK;
        return R_CONT;
    case 1:
        g->i++;
        g->pc = 0;
        return R_CONT;
    case 2:
        chan_close(s, g, &s->ch[JOBS], pos_of(s->src, "close(jobs)", 0));
        g->pc = 3;
        return R_CONT;
    default:
        go_end(s, g);
        return R_BLOCK;
    }
}

static int pool_closer(Syn *s, SynG *g) {
    switch (g->pc) {
    case 0:
        g->pc = 1;
        if (wg_wait(s, g, &s->wg[0], pos_of(s->src, "\twg.Wait()", 0))) return R_BLOCK;
        return R_CONT;
    case 1:
        emit(s, TRACE_EV_WG_WAIT, 0, g->obj, s->wg[0].obj, pos_of(s->src, "\twg.Wait()", 0), 0, 0);
        chan_close(s, g, &s->ch[RESULTS], pos_of(s->src, "close(results)", 0));
        g->pc = 2;
        return R_CONT;
    default:
        go_end(s, g);
        return R_BLOCK;
    }
}

static int pool_main(Syn *s, SynG *g) {
    char buf[192];
    switch (g->pc) {
    case 0:
        s->ch[JOBS].obj = trace_new_object(s->t, s->step, g->obj, TRACE_OBJ_CHAN, "jobs",
                                           pos_of(s->src, "jobs := make", 0));
        trace_obj_set_chan(s->t, s->ch[JOBS].obj, "main.Job", s->njobs);
        s->ch[JOBS].cap = s->njobs;
        s->ch[RESULTS].obj = trace_new_object(s->t, s->step, g->obj, TRACE_OBJ_CHAN, "results",
                                              pos_of(s->src, "results := make", 0));
        trace_obj_set_chan(s->t, s->ch[RESULTS].obj, "string", s->njobs);
        s->ch[RESULTS].cap = s->njobs;
        s->wg[0].obj = trace_new_object(s->t, s->step, g->obj, TRACE_OBJ_WAITGROUP, "wg",
                                        pos_of(s->src, "var wg", 0));
        s->mu[0].obj = trace_new_object(s->t, s->step, g->obj, TRACE_OBJ_MUTEX, "mu",
                                        pos_of(s->src, "var mu", 0));
        s->mu[0].owner = -1;
        s->var[0] = trace_new_object(s->t, s->step, g->obj, TRACE_OBJ_VAR, "done",
                                     pos_of(s->src, "done := 0", 0));
        mem_write(s, g, 0, 0, pos_of(s->src, "done := 0", 0));
        g->i = 1;
        g->pc = 1;
        return R_CONT;
    case 1:
        if (g->i > s->nworkers) {
            g->pc = 3;
            return R_CONT;
        }
        wg_add(s, g, &s->wg[0], 1, pos_of(s->src, "wg.Add(1)", 0));
        g->pc = 2;
        return R_CONT;
    case 2: {
        SynG *w = spawn(s, g, pool_worker, "main.worker", pos_of(s->src, "go worker", 0));
        w->id = g->i++;
        g->pc = 1;
        return R_CONT;
    }
    case 3:
        spawn(s, g, pool_producer, "main.main.func1", pos_of(s->src, "go func()", 0));
        spawn(s, g, pool_closer, "main.main.func2", pos_of(s->src, "go func()", 1));
        g->pc = 4;
        return R_CONT;
    case 4:
        g->pc = 5;
        if (chan_recv(s, g, &s->ch[RESULTS], pos_of(s->src, "range results", 0))) return R_BLOCK;
        return R_CONT;
    case 5:
        if (!g->got_ok) {
            g->pc = 6;
            return R_CONT;
        }
        snprintf(buf, sizeof buf, "%s\n", trace_str(s->t, g->got_vid, NULL));
        output(s, g, pos_of(s->src, "fmt.Println(r)", 0), 1, buf);
        g->pc = 4;
        return R_CONT;
    case 6:
        g->pc = 7;
        if (lock(s, g, &s->mu[0], pos_of(s->src, "\tmu.Lock()\n\tfmt", 0))) return R_BLOCK;
        return R_CONT;
    case 7:
        g->tmp = mem_read(s, g, 0, pos_of(s->src, "fmt.Println(\"done", 0));
        g->pc = 8;
        return R_MEM;
    case 8:
        snprintf(buf, sizeof buf, "done: %" PRId64 "\n", g->tmp);
        output(s, g, pos_of(s->src, "fmt.Println(\"done", 0), 1, buf);
        unlock(s, g, &s->mu[0], pos_of(s->src, "\tmu.Unlock()\n}", 0));
        go_end(s, g);
        run_end(s, 0);
        return R_EXIT;
    }
    return R_EXIT;
}

void trace_synth_worker_pool(Trace *t, uint64_t seed, int njobs) {
    Syn *s = mem_alloc(sizeof *s);
    syn_init(s, t, pool_src, "worker_pool.go", seed, "worker_pool");
    s->nworkers = 3;
    s->njobs = njobs < 1 ? 1 : njobs > SYN_Q ? SYN_Q : njobs;
    add_func(t, pool_src, "main.worker", "func worker(", "\n}");
    add_func(t, pool_src, "main.main", "func main()", "\n}");
    add_func(t, pool_src, "main.main.func1", "go func() {\n\t\tfor", "}()");
    add_func(t, pool_src, "main.main.func2", "go func() {\n\t\twg", "}()");
    spawn(s, NULL, pool_main, "main.main", pos_of(pool_src, "func main()", 0));
    run(s);
    mem_free(s, sizeof *s);
    trace_finish(t);
}

/* ---- deadlock --------------------------------------------------------------- */

static int dl_child(Syn *s, SynG *g) {
    switch (g->pc) {
    case 0:
        g->pc = 1;
        if (lock(s, g, &s->mu[0], pos_of(s->src, "\t\tmu.Lock()", 0))) return R_BLOCK;
        return R_CONT;
    case 1:
        g->pc = 2;
        if (chan_send(s, g, &s->ch[0], 1, trace_intern_int(s->t, 1), pos_of(s->src, "ch <- 1", 0)))
            return R_BLOCK;
        return R_CONT;
    case 2:
        unlock(s, g, &s->mu[0], pos_of(s->src, "\t\tmu.Unlock()", 0));
        g->pc = 3;
        return R_CONT;
    default:
        go_end(s, g);
        return R_BLOCK;
    }
}

static int dl_main(Syn *s, SynG *g) {
    switch (g->pc) {
    case 0:
        s->mu[0].obj = trace_new_object(s->t, s->step, g->obj, TRACE_OBJ_MUTEX, "mu",
                                        pos_of(s->src, "var mu", 0));
        s->mu[0].owner = -1;
        s->ch[0].obj = trace_new_object(s->t, s->step, g->obj, TRACE_OBJ_CHAN, "ch",
                                        pos_of(s->src, "ch := make", 0));
        trace_obj_set_chan(s->t, s->ch[0].obj, "int", 0);
        g->pc = 1;
        return R_CONT;
    case 1:
        lock(s, g, &s->mu[0], pos_of(s->src, "\tmu.Lock()", 0));
        g->pc = 2;
        return R_CONT;
    case 2:
        spawn(s, g, dl_child, "main.main.func1", pos_of(s->src, "go func()", 0));
        g->pc = 3;
        return R_CONT;
    case 3:
        output(s, g, pos_of(s->src, "fmt.Println", 0), 1, "waiting\n");
        g->pc = 4;
        return R_MEM;
    case 4:
        g->pc = 5;
        if (chan_recv(s, g, &s->ch[0], pos_of(s->src, "<-ch", 0))) return R_BLOCK;
        return R_CONT;
    case 5:
        unlock(s, g, &s->mu[0], pos_of(s->src, "\tmu.Unlock()\n}", 0));
        go_end(s, g);
        run_end(s, 0);
        return R_EXIT;
    }
    return R_EXIT;
}

void trace_synth_deadlock(Trace *t, uint64_t seed) {
    Syn *s = mem_alloc(sizeof *s);
    syn_init(s, t, deadlock_src, "deadlock.go", seed, "deadlock");
    add_func(t, deadlock_src, "main.main", "func main()", "\n}");
    add_func(t, deadlock_src, "main.main.func1", "go func()", "}()");
    spawn(s, NULL, dl_main, "main.main", pos_of(deadlock_src, "func main()", 0));
    run(s);
    mem_free(s, sizeof *s);
    trace_finish(t);
}

/* ---- random ------------------------------------------------------------------- */

void trace_synth_random(Trace *t, uint64_t seed, uint32_t nevents) {
    uint64_t rng = seed;
    uint64_t step = 0;
    int64_t now = 0;
    TraceObj gs[64], objs[64];
    int ng = 0, nobj = 0;
    uint32_t goid = 1;
    Pos p0 = {1, 1};
    gs[ng++] = trace_new_goroutine(t, step, 0, goid++, "main.main", p0);
    static const TraceObjKind kinds[] = {TRACE_OBJ_CHAN,      TRACE_OBJ_CHAN,  TRACE_OBJ_MUTEX,
                                         TRACE_OBJ_RWMUTEX,   TRACE_OBJ_WAITGROUP, TRACE_OBJ_VAR,
                                         TRACE_OBJ_VAR,       TRACE_OBJ_ONCE,  TRACE_OBJ_TIMER,
                                         TRACE_OBJ_CONTEXT,   TRACE_OBJ_COND};
    while (trace_event_count(t) < nevents) {
        uint64_t r = splitmix(&rng);
        step += 1 + (r & 3);
        if ((r >> 8) % 97 == 0) now += (int64_t)((r >> 16) % 5000000);
        TraceObj g = gs[(r >> 20) % (uint64_t)ng];
        Pos pos = {(int)((r >> 28) % 200) + 1, (int)((r >> 36) % 40) + 1};
        uint32_t val = trace_intern_int(t, (int64_t)((r >> 40) % 3000));
        uint32_t pick = (uint32_t)((r >> 52) % 100);
        if (pick < 2 && ng < 64) {
            gs[ng++] = trace_new_goroutine(t, step, g, goid++, "main.worker", pos);
            continue;
        }
        if (pick < 4 && nobj < 64) {
            TraceObjKind k = kinds[(r >> 44) % (sizeof kinds / sizeof kinds[0])];
            TraceObj o = trace_new_object(t, step, g, k, NULL, pos);
            if (k == TRACE_OBJ_CHAN) trace_obj_set_chan(t, o, "int", (int64_t)((r >> 12) % 4));
            objs[nobj++] = o;
            continue;
        }
        if (nobj == 0) continue;
        TraceObj o = objs[(r >> 4) % (uint64_t)nobj];
        TraceObj g2 = gs[(r >> 14) % (uint64_t)ng];
        TraceEvent e = {.g = g, .obj = o, .pos = pos, .value = val, .step = step, .vtime = now};
        int kind = (int)((r >> 58) + pick) % 40;
        switch (kind) {
        case 0: case 1: case 2: e.kind = TRACE_EV_GO_START; e.obj = 0; e.value = 0; break;
        case 3: e.kind = TRACE_EV_GO_YIELD; e.obj = 0; break;
        case 4: e.kind = TRACE_EV_GO_BLOCK; e.aux = 1 + (int)(r % (TRACE_WAIT__COUNT - 1)); break;
        case 5: case 6: e.kind = TRACE_EV_GO_UNBLOCK; e.obj = g2; e.value = 0; break;
        case 7: e.kind = TRACE_EV_GO_SLEEP; e.obj = 0; e.arg = now + 1000; break;
        case 8: e.kind = (r & 0xff) == 0 ? TRACE_EV_GO_END : TRACE_EV_GO_START; e.obj = 0; break;
        case 9: case 10: case 11: /* bounded buffers */
            e.kind = trace_state_chan_len(trace_live(t), o) >= 4 ? TRACE_EV_CHAN_RECV : TRACE_EV_CHAN_SEND;
            e.aux = TRACE_CH_BUF;
            break;
        case 12: case 13: case 14: e.kind = TRACE_EV_CHAN_RECV; e.aux = TRACE_CH_BUF; break;
        case 15: e.kind = TRACE_EV_CHAN_SEND; e.aux = TRACE_CH_SYNC; e.arg = g2; break;
        case 16: e.kind = TRACE_EV_CHAN_RECV; e.aux = TRACE_CH_SYNC; e.arg = g2; break;
        case 17: e.kind = (r & 0xf) == 0 ? TRACE_EV_CHAN_CLOSE : TRACE_EV_CHAN_RECV; e.aux = TRACE_CH_CLOSED; break;
        case 18: e.kind = TRACE_EV_SELECT_CASE; e.aux = (int)(r & 1); e.arg = (int64_t)(r % 3); break;
        case 19: e.kind = TRACE_EV_SELECT; e.arg = (int64_t)(r % 4) - 1; break;
        case 20: e.kind = TRACE_EV_LOCK; e.aux = (int)(r % 3); break;
        case 21: e.kind = TRACE_EV_UNLOCK; break;
        case 22: /* keep reader lists short, as real programs do */
            e.kind = trace_state_chan_len(trace_live(t), o) >= 4 ? TRACE_EV_RUNLOCK : TRACE_EV_RLOCK;
            e.aux = (int)(r % 3);
            break;
        case 23: e.kind = TRACE_EV_RUNLOCK; break;
        case 24: e.kind = TRACE_EV_WG_ADD; e.arg = (int64_t)(r % 5) - 1; break;
        case 25: e.kind = TRACE_EV_WG_DONE; break;
        case 26: e.kind = TRACE_EV_WG_WAIT; break;
        case 27: e.kind = TRACE_EV_ONCE; e.aux = (int)(r & 1); break;
        case 28: e.kind = (r & 1) ? TRACE_EV_COND_SIGNAL : TRACE_EV_COND_BROADCAST; e.arg = (int64_t)(r % 3); break;
        case 29: e.kind = TRACE_EV_TIMER_START; e.arg = now + (int64_t)(r % 100000000000ull); break;
        case 30: e.kind = (r & 1) ? TRACE_EV_TIMER_STOP : TRACE_EV_TIMER_FIRE; break;
        case 31: e.kind = TRACE_EV_CTX_CANCEL; break;
        case 32: case 33: case 34: e.kind = TRACE_EV_READ; e.aux = (int)(r & 1); break;
        case 35: case 36: e.kind = TRACE_EV_WRITE; e.aux = (int)(r & 1); break;
        case 37: e.kind = TRACE_EV_RACE; e.arg = trace_event_count(t) / 2; break;
        case 38: {
            char buf[32];
            int n = snprintf(buf, sizeof buf, "line %" PRIu64 "\n", step);
            trace_output(t, step, g, pos, 1, buf, (size_t)n);
            continue;
        }
        default:
            e.kind = (r & 0x3ff) == 0 ? TRACE_EV_PANIC : TRACE_EV_RECOVER;
            e.obj = 0;
            break;
        }
        trace_emit(t, &e);
    }
}
