/* fuzz_run: libFuzzer target over the front end AND the run: whatever
 * compiles is run under tight limits (steps, goroutines, heap, virtual
 * time). Any input must end as a compile error, a clean run, a Go panic,
 * deadlock or a limit: never a crash, leak or hang.
 *
 * The run's options come from a hash of the input (so every corpus file
 * stays plain Go): seed, strategy (random / pct with depth 1..4 / rr),
 * trace on or off, the race detector, GC stress now and then. Half the
 * inputs are also recorded and replayed: the schedule goes through its text
 * form (sch_write, sch_parse) and the replay must give the same stdout,
 * stderr, exit status and (when traced) text trace; a traced run's states
 * rebuilt from keyframes must equal a plain replay from event 0. A
 * difference aborts with the options on stderr (FUZZ_RUN_VERBOSE=1 prints
 * them for every input). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front.h"
#include "sched.h"
#include "schedule.h"
#include "trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Cap: one run of a fuzz input, its output captured. */
typedef struct Cap {
    int status;
    char *out, *err, *trace; /* malloc'd (open_memstream); trace NULL if off */
    size_t outn, errn;
    Trace *tr;
} Cap;

static uint64_t fnv1a(const uint8_t *p, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

static char *text_of(const Trace *t) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) abort();
    trace_write_text(t, f);
    fclose(f);
    return buf;
}

static void run_once(FrontUnit *u, const SchedOptions *o, Cap *c) {
    memset(c, 0, sizeof *c);
    FILE *out = open_memstream(&c->out, &c->outn), *err = open_memstream(&c->err, &c->errn);
    if (!out || !err) abort();
    c->status = sched_run_checked(&u->src, &u->prog, o, out, err, o->trace ? &c->tr : NULL);
    fclose(out);
    fclose(err);
    if (c->tr) c->trace = text_of(c->tr);
}

static void cap_free(Cap *c) {
    free(c->out);
    free(c->err);
    free(c->trace);
    if (c->tr) trace_free(c->tr);
}

static void describe(const SchedOptions *o, int replay) {
    fprintf(stderr, "fuzz_run: seed %llu strategy %s pct-depth %d trace %d race %d gc_stress %d replay %d\n",
            (unsigned long long)o->seed,
            o->strategy == SCHED_RR ? "rr" : o->strategy == SCHED_PCT ? "pct" : "random", o->pct_depth,
            o->trace, o->race, o->gc_stress, replay);
}

static void mismatch(const SchedOptions *o, const char *what, const char *a, const char *b) {
    describe(o, 1);
    fprintf(stderr, "fuzz_run: the replay's %s differs\n--- first:\n%s\n--- replay:\n%s\n", what, a ? a : "(none)",
            b ? b : "(none)");
    abort();
}

/* check_keyframes: the state at a few points, rebuilt from keyframes, must
 * equal applying the events one by one from 0. */
static void check_keyframes(const Trace *t, uint64_t h) {
    uint32_t n = trace_event_count(t);
    TraceState plain, at;
    trace_state_init(&plain);
    trace_state_init(&at);
    uint32_t probe[3] = {(uint32_t)(h % (n + 1)), (uint32_t)((h >> 20) % (n + 1)), n};
    if (probe[0] > probe[1]) {
        uint32_t x = probe[0];
        probe[0] = probe[1];
        probe[1] = x;
    }
    uint32_t i = 0;
    TraceEvent e;
    for (int k = 0; k < 3; k++) {
        for (; i < probe[k]; i++) {
            trace_event(t, i, &e);
            trace_state_apply(&plain, &e, i);
        }
        trace_state_at(t, n, &at); /* from elsewhere: a backward seek */
        trace_state_at(t, probe[k], &at);
        if (!trace_state_equal(&plain, &at)) {
            fprintf(stderr, "fuzz_run: trace_state_at(%u) of %u events differs from a plain replay\n", probe[k], n);
            abort();
        }
    }
    if (!trace_state_equal(&plain, trace_live(t))) {
        fprintf(stderr, "fuzz_run: the live trace state differs from a plain replay\n");
        abort();
    }
    trace_state_free(&plain);
    trace_state_free(&at);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int verbose = -1;
    if (verbose < 0) verbose = getenv("FUZZ_RUN_VERBOSE") != NULL;
    FrontUnit u;
    if (front_compile_string(&u, "fuzz.go", (const char *)data, size, NULL) == 0) {
        uint64_t h = fnv1a(data, size);
        SchedOptions o;
        sched_options_default(&o);
        o.max_steps = 20000;
        o.max_goroutines = 64;
        o.max_heap = 8 << 20;
        o.max_vtime = (int64_t)10 * 1000 * 1000 * 1000;
        o.seed = h >> 40; /* a different interleaving per input, still deterministic */
        o.strategy = (SchedStrategy)((h >> 2) % 3 == 0 ? SCHED_RR : (h >> 2) % 3 == 1 ? SCHED_PCT : SCHED_RANDOM);
        o.pct_depth = 1 + (int)((h >> 4) & 3);
        o.trace = (h >> 6) & 1;
        /* a traced run emits events for every instruction's effect (a hot
         * select loop: ~30 per step), then is written out, replayed and
         * its keyframes checked: fewer steps keep it far under -timeout */
        if (o.trace) o.max_steps = 4000;
        o.race = ((h >> 7) & 3) == 0;
        o.gc_stress = ((h >> 9) & 7) == 0;
        /* A collection at every allocation scans the whole stack: a deep
         * recursion that allocates is quadratic in its depth. Under pct
         * with GC stress one (tests/fuzz/slow/gc_stress_pct_recursion.go)
         * takes ~5 s (80 s under ASan) whatever max_steps is: not fixed yet,
         * so GC stress runs under random or rr, and few steps. */
        if (o.gc_stress) {
            o.max_steps = 5000;
            if (o.strategy == SCHED_PCT) o.strategy = SCHED_RANDOM;
        }
        int replay = (h >> 12) & 1;
        if (verbose) describe(&o, replay);

        Schedule rec;
        memset(&rec, 0, sizeof rec);
        if (replay) {
            sch_header_from(&rec, &o);
            o.record_schedule = &rec;
        }
        Cap a;
        run_once(&u, &o, &a);
        o.record_schedule = NULL;
        if (a.tr) check_keyframes(a.tr, h);
        if (replay) {
            /* through the text form, as --record-schedule / --schedule do */
            char *txt = NULL;
            size_t tn = 0;
            FILE *f = open_memstream(&txt, &tn);
            if (!f || sch_write(&rec, "fuzz.go", f) != 0) abort();
            fclose(f);
            Schedule back;
            char why[256];
            if (sch_parse(&back, txt, tn, why, sizeof why) != 0) {
                describe(&o, replay);
                fprintf(stderr, "fuzz_run: a recorded schedule does not parse: %s\n%s\n", why, txt);
                abort();
            }
            SchedOptions r = o;
            sch_options(&back, &r);
            Cap b;
            run_once(&u, &r, &b);
            if (a.status != b.status) {
                char x[16], y[16];
                snprintf(x, sizeof x, "%d", a.status);
                snprintf(y, sizeof y, "%d", b.status);
                mismatch(&o, "exit status", x, y);
            }
            if (a.outn != b.outn || memcmp(a.out, b.out, a.outn)) mismatch(&o, "stdout", a.out, b.out);
            if (a.errn != b.errn || memcmp(a.err, b.err, a.errn)) mismatch(&o, "stderr", a.err, b.err);
            if (a.trace && (!b.trace || strcmp(a.trace, b.trace))) mismatch(&o, "trace", a.trace, b.trace);
            cap_free(&b);
            sch_free(&back);
            free(txt);
        }
        cap_free(&a);
        sch_free(&rec);
    }
    front_free(&u);
    return 0;
}
