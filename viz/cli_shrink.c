/* cli_shrink: `goro-viz shrink`: record a failing seed, express its run as
 * preemptions over the non-preemptive baseline (a sparse schedule), then
 * delta-debug (ddmin, Zeller & Hildebrandt 2002) the set of preemptions down
 * to one where removing any single one makes the failure go away, and move
 * each survivor as early as it still fails.
 *
 * Invariants: every candidate is judged by a real run (exp_run with the
 * candidate schedule) against the condition; nothing here is random, so a
 * shrink is a pure function of (program, seed, options, condition).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_shrink.h"
#include "explore.h"
#include "schedule.h"

static const char shrink_usage[] =
    "usage: goro-viz shrink FILE.go --seed N --until COND [-o F.sched] [options]\n"
    "\n"
    "Replays seed N, which must satisfy COND (as for hunt: race, deadlock, panic,\n"
    "exit!=N, exit==N, 'output~REGEX', 'output!~REGEX'), and reduces its schedule to\n"
    "the fewest preemptions (switches away from a goroutine that could go on) that\n"
    "still satisfy COND; elsewhere goroutines run as under --strategy rr. Writes the\n"
    "schedule (format: sim/schedule.h) for `goro-viz run FILE.go --schedule F`.\n"
    "\n"
    "  --seed N          the failing seed (default 1)\n"
    "  --until COND      the failure to keep (required)\n"
    "  -o F.sched        where to write it (default FILE.seedN.sched here)\n"
    "  --strategy S      the strategy the seed ran under: random (default), pct, rr\n"
    "  --pct-depth D     pct's depth\n"
    "  --max-steps N     step limit per run\n"
    "  --max-runs N      give up shrinking after N runs (default 5000)\n"
    "\n"
    "Exit status: 0 shrunk and written; 1 the file does not compile, the seed\n"
    "does not satisfy COND, or its failure needs more than preemptions; 64 usage.\n";

static int usage(const char *fmt, const char *arg) {
    fprintf(stderr, "goro-viz: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n\n%s", shrink_usage);
    return 64;
}

/* Shrinker: the program, the condition, the recorded run's decisions
 * (all[], editable copies) and which of them the candidate keeps. */
typedef struct Shrinker {
    ExpProgram *prog;
    ExpOptions eo;
    ExpCond cond;
    Schedule base;     /* sparse header, no decisions */
    SchDecision *all;  /* the recorded run's preemptions and free choices */
    int nall;
    char *keep;        /* keep[i]: the candidate has all[i] */
    SchDecision *buf;  /* the candidate's decisions, in recorded order */
    ExpRun run;
    uint64_t runs, max_runs;
} Shrinker;

/* fails: whether the sparse schedule of the kept decisions still satisfies
 * the condition (out of runs: "no"). */
static int fails(Shrinker *k) {
    if (k->runs >= k->max_runs) return 0;
    k->runs++;
    int n = 0;
    for (int i = 0; i < k->nall; i++)
        if (k->keep[i]) k->buf[n++] = k->all[i];
    Schedule s = k->base;
    s.d.items = k->buf;
    s.d.len = s.d.cap = n;
    ExpOptions eo = k->eo;
    eo.schedule = &s;
    exp_run(k->prog, &eo, s.seed, &k->run);
    ExpRecord rec;
    exp_record_make(&rec, s.seed, &k->run, NULL);
    int m = exp_cond_match(&k->cond, &k->run, &rec);
    exp_record_free(&rec);
    return m;
}

/* ddmin: reduce the kept members of [set] (indices into all[], *[n] of
 * them) to a 1-minimal subset that still fails; the other kept decisions
 * stay as they are. */
static void ddmin(Shrinker *k, int *set, int *n) {
    int parts = 2;
    while (*n >= 2) {
        int len = *n, found = 0;
        /* each part alone, then each complement */
        for (int pass = 0; pass < 2 && !found; pass++) {
            for (int i = 0; i < parts && !found; i++) {
                int lo = (int)((int64_t)len * i / parts), hi = (int)((int64_t)len * (i + 1) / parts);
                int m = 0;
                for (int j = 0; j < len; j++) {
                    int in = (j >= lo && j < hi) == (pass == 0);
                    k->keep[set[j]] = (char)in;
                    m += in;
                }
                if (m > 0 && m < len && fails(k)) {
                    int w = 0;
                    for (int j = 0; j < len; j++)
                        if (k->keep[set[j]]) set[w++] = set[j];
                    *n = w;
                    parts = pass == 0 ? 2 : (parts - 1 > 2 ? parts - 1 : 2);
                    found = 1;
                }
            }
        }
        for (int j = 0; j < *n; j++) k->keep[set[j]] = 1;
        if (found) continue;
        for (int j = 0; j < len; j++) k->keep[set[j]] = 1;
        if (parts >= len) break;
        parts = parts * 2 < len ? parts * 2 : len;
    }
    if (*n == 1) { /* ddmin never tries the empty set */
        k->keep[set[0]] = 0;
        if (fails(k)) *n = 0;
        else k->keep[set[0]] = 1;
    }
}

/* one_minimal: drop each kept member of [set] whose removal still fails. */
static void one_minimal(Shrinker *k, int *set, int *n) {
    for (int i = 0; i < *n;) {
        k->keep[set[i]] = 0;
        if (fails(k)) {
            memmove(set + i, set + i + 1, sizeof *set * (size_t)(*n - i - 1));
            (*n)--;
        } else {
            k->keep[set[i]] = 1;
            i++;
        }
    }
}

static int is_preemption(const SchDecision *d) {
    return (d->kind == 'p' || d->kind == 'g' || d->kind == 'l') && d->choice != d->g;
}

int cli_shrink(int argc, char **argv) {
    const char *file = NULL, *until = NULL, *outpath = NULL, *strategy = NULL;
    uint64_t seed = 1, max_runs = 5000, u;
    ExpOptions eo;
    memset(&eo, 0, sizeof eo);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        char *end;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(shrink_usage, stdout);
            return 0;
        }
        if (a[0] != '-') {
            if (file) return usage("unexpected argument '%s' (one FILE.go at a time)", a);
            file = a;
            continue;
        }
        if (!v) return usage("%s needs a value", a);
        i++;
        if (!strcmp(a, "--until")) until = v;
        else if (!strcmp(a, "-o")) outpath = v;
        else if (!strcmp(a, "--strategy")) {
            if (strcmp(v, "random") && strcmp(v, "pct") && strcmp(v, "rr"))
                return usage("--strategy must be random, pct or rr, got '%s'", v);
            strategy = v;
        } else if (!strcmp(a, "--seed") || !strcmp(a, "--pct-depth") || !strcmp(a, "--max-steps") ||
                   !strcmp(a, "--max-runs")) {
            u = strtoull(v, &end, 10);
            if (!*v || *end || v[0] == '-') return usage("%s needs a non-negative integer", a);
            if (!strcmp(a, "--seed")) seed = u;
            else if (!strcmp(a, "--pct-depth")) {
                if (u < 1 || u > 1000) return usage("%s needs 1..1000", a);
                eo.pct_depth = (int)u;
            } else if (!strcmp(a, "--max-steps")) eo.max_steps = u;
            else max_runs = u;
        } else return usage("unknown option '%s'", a);
    }
    if (!file) return usage("%s", "shrink needs a FILE.go");
    if (!until) return usage("%s", "shrink needs --until COND");
    Shrinker k;
    memset(&k, 0, sizeof k);
    char why[256];
    if (exp_cond_parse(&k.cond, until, why, sizeof why)) return usage("%s", why);
    if (k.cond.kind == EXP_C_RACE) {
        if (!exp_races_detectable()) {
            exp_cond_free(&k.cond);
            fprintf(stderr, "goro-viz: --until race needs the race detector, which this build does not have yet\n");
            return 64;
        }
        eo.race = 1;
    }
    eo.strategy = strategy;
    k.eo = eo;
    k.max_runs = max_runs;
    k.prog = exp_program_load(file, stderr);
    if (!k.prog) {
        exp_cond_free(&k.cond);
        return 1;
    }
    int rc = 1;
    /* 1. the seed's own run, recorded */
    Schedule rec;
    memset(&rec, 0, sizeof rec);
    rec.seed = seed;
    snprintf(rec.strategy, sizeof rec.strategy, "%s", strategy ? strategy : "random");
    ExpOptions first = eo;
    first.record = &rec;
    exp_run(k.prog, &first, seed, &k.run);
    ExpRecord r0;
    exp_record_make(&r0, seed, &k.run, NULL);
    int hit = exp_cond_match(&k.cond, &k.run, &r0);
    exp_record_free(&r0);
    int *pre = NULL, *free_ = NULL, npre = 0, nfree = 0, before = sch_preemptions(&rec);
    if (!hit) {
        fprintf(stderr, "goro-viz: seed %" PRIu64 " does not satisfy %s (exit %d); find one with `goro-viz hunt %s --until '%s'`\n",
                seed, until, k.run.exit, file, until);
        goto done;
    }
    /* 2. its preemptions and free choices over the rr baseline */
    k.base.mode = SCH_SPARSE;
    k.base.seed = seed;
    snprintf(k.base.strategy, sizeof k.base.strategy, "rr");
    k.all = mem_alloc(sizeof *k.all * (size_t)(rec.d.len + 1));
    k.buf = mem_alloc(sizeof *k.buf * (size_t)(rec.d.len + 1));
    k.keep = mem_alloc((size_t)rec.d.len + 1);
    pre = mem_alloc(sizeof *pre * (size_t)(rec.d.len + 1));
    free_ = mem_alloc(sizeof *free_ * (size_t)(rec.d.len + 1));
    for (int i = 0; i < rec.d.len; i++) {
        const SchDecision *d = &rec.d.items[i];
        int p = is_preemption(d), f = d->kind == 'b' || d->kind == 'y' || d->kind == 'x' || d->kind == 's';
        if (!p && !f) continue;
        if (p) pre[npre++] = k.nall;
        else free_[nfree++] = k.nall;
        k.keep[k.nall] = 1;
        k.all[k.nall++] = *d;
    }
    printf("seed %" PRIu64 ": %d preemption%s in the recorded run (%s)\n", seed, before, before == 1 ? "" : "s",
           rec.strategy);
    if (!fails(&k)) {
        fprintf(stderr, "goro-viz: the failure of seed %" PRIu64 " does not reproduce as its %d preemptions and %d other choices over the rr baseline (it depends on select or map order draws); not shrunk\n",
                seed, npre, nfree);
        goto done;
    }
    /* 3a. one preemption alone, where it was or a few accesses off, often
     * does it (a lost update needs one switch between a load and its
     * store): try each before delta debugging */
    for (int i = 0; i < npre && npre > 1 && k.runs < k.max_runs; i++) {
        for (int j = 0; j < npre; j++) k.keep[pre[j]] = j == i;
        SchDecision *d = &k.all[pre[i]];
        uint64_t at = d->acc;
        static const int delta[] = {0, -1, 1, -2, 2, -3, 3};
        int ok = 0;
        for (size_t t = 0; t < sizeof delta / sizeof *delta && !ok; t++) {
            if (delta[t] < 0 && at <= (uint64_t)-delta[t]) continue;
            d->acc = at + (uint64_t)(int64_t)delta[t];
            ok = fails(&k);
        }
        if (ok) {
            if (d->acc != at) d->step = 0;
            pre[0] = pre[i];
            npre = 1;
            break;
        }
        d->acc = at;
        for (int j = 0; j < npre; j++) k.keep[pre[j]] = 1;
    }
    /* 3. ddmin over all of them (removing a preemption may need a free
     * choice gone too), then over the preemptions alone, then over the
     * free choices alone */
    {
        int *all = mem_alloc(sizeof *all * (size_t)(k.nall + 1)), nu = 0;
        for (int i = 0; i < k.nall; i++)
            if (k.keep[i]) all[nu++] = i;
        ddmin(&k, all, &nu);
        mem_free(all, sizeof *all * (size_t)(k.nall + 1));
        int w = 0;
        for (int i = 0; i < npre; i++)
            if (k.keep[pre[i]]) pre[w++] = pre[i];
        npre = w;
        w = 0;
        for (int i = 0; i < nfree; i++)
            if (k.keep[free_[i]]) free_[w++] = free_[i];
        nfree = w;
    }
    ddmin(&k, pre, &npre);
    ddmin(&k, free_, &nfree);
    /* 4. each preemption as early as it still fails: the earliest failing
     * access in a window of 64 before it, again from there while that
     * moves it (a loop body is a few accesses: the same statement one
     * iteration earlier); then without its target if FIFO order does */
    for (int j = 0; j < npre; j++) {
        SchDecision *d = &k.all[pre[j]];
        uint64_t lo = 1;
        for (int i = 0; i < k.nall; i++)
            if (k.keep[i] && i != pre[j] && k.all[i].g == d->g && k.all[i].acc < d->acc && k.all[i].acc + 1 > lo)
                lo = k.all[i].acc + 1;
        for (int moved = 1; moved && k.runs < k.max_runs;) {
            moved = 0;
            uint64_t best = d->acc, at = d->acc;
            for (uint64_t t = 1; t <= 64 && at >= lo + t; t++) {
                d->acc = at - t;
                if (fails(&k)) best = at - t;
            }
            d->acc = best;
            if (best != at) {
                moved = 1;
                d->step = 0; /* no longer the recorded run's step */
            }
        }
        int64_t tgt = d->choice;
        d->choice = 0;
        if (!fails(&k)) d->choice = tgt;
    }
    /* 5. 1-minimal again after the moves */
    one_minimal(&k, pre, &npre);
    one_minimal(&k, free_, &nfree);
    /* 6. replay it once, recording where each preemption lands (a moved
     * one stands at another site), and relabel; then once more as a user
     * will, for the outcome */
    uint64_t runs = k.runs;
    k.max_runs = k.runs + 2;
    Schedule where, out = k.base;
    memset(&where, 0, sizeof where);
    memset(&out.d, 0, sizeof out.d);
    k.eo.record = &where;
    fails(&k);
    k.eo.record = NULL;
    for (int i = 0; i < k.nall; i++) {
        if (!k.keep[i]) continue;
        SchDecision *d = &k.all[i];
        d->srcline = 0;
        for (int j = 0; j < where.d.len; j++) {
            const SchDecision *w = &where.d.items[j];
            if (d->kind == 'p' && w->g == d->g && w->kind == 'p' && w->acc == d->acc) {
                d->fn = w->fn; /* owned by where: out copies it below */
                d->rel = w->rel;
                d->line = w->line;
                if (!d->step) d->step = w->step;
                break;
            }
        }
        sch_push(&out, d);
    }
    sch_free(&where);
    for (int i = 0; i < k.nall; i++) /* where's strings are gone: point into out's */
        if (k.keep[i]) k.all[i].fn = NULL;
    for (int i = 0, j = 0; i < k.nall; i++)
        if (k.keep[i]) k.all[i].fn = out.d.items[j++].fn;
    int still = fails(&k);
    /* the shrunk run's outcome: exit status and the end of its output */
    char outcome[300];
    {
        ExpRecord fin;
        exp_record_make(&fin, seed, &k.run, NULL);
        const char *t = fin.tail;
        while (*t == '\n') t++;
        int w = snprintf(outcome, sizeof outcome, "exit %d", k.run.exit);
        if (*fin.first_stderr) w += snprintf(outcome + w, sizeof outcome - (size_t)w, "; %s", fin.first_stderr);
        if (*t) snprintf(outcome + w, sizeof outcome - (size_t)w, "; %s", t);
        for (char *c = outcome; *c; c++)
            if (*c == '\n') *c = '|';
        exp_record_free(&fin);
    }
    char defpath[512];
    if (!outpath) {
        const char *b = strrchr(file, '/');
        b = b ? b + 1 : file;
        size_t bl = strlen(b);
        if (bl > 3 && !strcmp(b + bl - 3, ".go")) bl -= 3;
        snprintf(defpath, sizeof defpath, "%.*s.seed%" PRIu64 ".sched", (int)bl, b, seed);
        outpath = defpath;
    }
    npre = sch_preemptions(&out); /* what the file holds, counted as for the recorded run */
    nfree = out.d.len - npre;
    if (sch_save(&out, file, outpath, stderr) == 0) {
        printf("shrunk: %d preemption%s (from %d) and %d other choice%s that still satisfy %s, in %" PRIu64 " runs\n",
               npre, npre == 1 ? "" : "s", before, nfree, nfree == 1 ? "" : "s", until, runs);
        char buf[256];
        for (int i = 0; i < out.d.len; i++) printf("  %s\n", sch_format_decision(&out.d.items[i], buf, sizeof buf));
        printf("  outcome: %s\n", outcome);
        printf("wrote %s%s\n", outpath, still ? "" : " (warning: its replay no longer satisfies the condition)");
        printf("  replay: goro-viz run%s %s --schedule %s\n", eo.race ? " --race" : "", file, outpath);
        rc = still ? 0 : 1;
    }
    sch_free(&out);
done:
    if (k.all) {
        mem_free(k.all, sizeof *k.all * (size_t)(rec.d.len + 1));
        mem_free(k.buf, sizeof *k.buf * (size_t)(rec.d.len + 1));
        mem_free(k.keep, (size_t)rec.d.len + 1);
        mem_free(pre, sizeof *pre * (size_t)(rec.d.len + 1));
        mem_free(free_, sizeof *free_ * (size_t)(rec.d.len + 1));
    }
    sch_free(&rec);
    exp_run_free(&k.run);
    exp_cond_free(&k.cond);
    exp_program_free(k.prog);
    return rc;
}
