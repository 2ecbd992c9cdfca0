/* schedule: the schedule file format (parse, write) and the recorder and
 * replayer the run loop calls at its decision points (see schedule.h).
 *
 * Invariants:
 * - A SchRun only reads the scheduler while recording; it changes the run
 *   queue or a choice only while replaying.
 * - Exact replay keeps the strategy's own preemption countdown (shadow) in
 *   step with the recorded run's, so the strategy's PRNG draws, and with
 *   them map order and selects, happen exactly as they did.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "sched.h"
#include "schedule.h"

#define HUGE_DIST (INT64_MAX / 2)

/* ------------------------------------------------------------------------ */
/* The format                                                                */
/* ------------------------------------------------------------------------ */

static char *dup_s(const char *s) { return s ? mem_strndup(s, strlen(s)) : NULL; }
static void free_s(char *s) {
    if (s) mem_free(s, strlen(s) + 1);
}

void sch_push(Schedule *s, const SchDecision *d) {
    SchDecision c = *d;
    c.fn = dup_s(d->fn);
    VEC_PUSH(s->d, c);
}

void sch_free(Schedule *s) {
    for (int i = 0; i < s->d.len; i++) free_s(s->d.items[i].fn);
    VEC_FREE(s->d);
    memset(s, 0, sizeof *s);
}

void sch_copy(Schedule *dst, const Schedule *src) {
    *dst = *src;
    memset(&dst->d, 0, sizeof dst->d);
    for (int i = 0; i < src->d.len; i++) sch_push(dst, &src->d.items[i]);
}

static int switches(const SchDecision *d) {
    return (d->kind == 'p' || d->kind == 'g' || d->kind == 'l') && d->choice != d->g;
}

int sch_preemptions(const Schedule *s) {
    int n = 0;
    for (int i = 0; i < s->d.len; i++) n += switches(&s->d.items[i]);
    return n;
}

const char *sch_format_decision(const SchDecision *d, char *buf, size_t n) {
    if (d->kind == 'c') {
        snprintf(buf, n, "%" PRIu64 " c - - - -> g%" PRId64 "/%d", d->step, d->choice, d->n);
        return buf;
    }
    char choice[32];
    if (d->kind == 's') snprintf(choice, sizeof choice, "%" PRId64, d->choice);
    else if (d->choice > 0) snprintf(choice, sizeof choice, "g%" PRId64, d->choice);
    else snprintf(choice, sizeof choice, "-");
    /* the site in place, not through a fixed buffer: a long FUNC (a method
     * of a long type, nested closures) must not lose the line's tail */
    if (d->fn)
        snprintf(buf, n, "%" PRIu64 " %c g%" PRId64 "@%" PRIu64 " %s%+d L%d -> %s/%d", d->step, d->kind, d->g, d->acc,
                 d->fn, d->rel, d->line, choice, d->n);
    else
        snprintf(buf, n, "%" PRIu64 " %c g%" PRId64 "@%" PRIu64 " - L%d -> %s/%d", d->step, d->kind, d->g, d->acc,
                 d->line, choice, d->n);
    return buf;
}

int sch_write(const Schedule *s, const char *file, FILE *f) {
    fprintf(f, "goro-viz-schedule 1\n");
    if (file) fprintf(f, "# program %s\n", file);
    fprintf(f, "# STEP KIND G@ACC FUNC+REL LINE -> CHOICE/N (format: sim/schedule.h)\n");
    fprintf(f, "seed %" PRIu64 "\nstrategy %s\n", s->seed, s->strategy[0] ? s->strategy : "random");
    if (s->pct_depth) fprintf(f, "pct-depth %d\n", s->pct_depth);
    if (s->pct_steps) fprintf(f, "pct-steps %" PRIu64 "\n", s->pct_steps);
    fprintf(f, "mode %s\n", s->mode == SCH_SPARSE ? "sparse" : "exact");
    char buf[256];
    for (int i = 0; i < s->d.len; i++) {
        const SchDecision *d = &s->d.items[i];
        size_t need = (d->fn ? strlen(d->fn) : 0) + 160; /* FUNC and at most ~130 for the rest */
        char *b = need <= sizeof buf ? buf : mem_alloc(need);
        fprintf(f, "%s\n", sch_format_decision(d, b, need <= sizeof buf ? sizeof buf : need));
        if (b != buf) mem_free(b, need);
    }
    fflush(f);
    return ferror(f) ? -1 : 0;
}

int sch_save(const Schedule *s, const char *file, const char *path, FILE *err) {
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(err, "goro-viz: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = sch_write(s, file, f);
    if (fclose(f) != 0) rc = -1;
    if (rc) fprintf(err, "goro-viz: cannot write %s\n", path);
    return rc;
}

/* Tokens of one line: at most 12, NUL-terminated copies in [buf]. */
typedef struct Toks {
    char buf[512];
    char *t[12];
    int n;
} Toks;

static int split(Toks *k, const char *line, size_t len) {
    if (len >= sizeof k->buf) return -1;
    memcpy(k->buf, line, len);
    k->buf[len] = 0;
    k->n = 0;
    char *p = k->buf;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r') *p++ = 0;
        if (!*p) break;
        if (k->n == 12) return -1;
        k->t[k->n++] = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\r') p++;
    }
    return 0;
}

/* num: an unsigned decimal of the whole of [s]; -1 on junk or overflow. */
/* header_strategy: a header's strategy: the user's three, or "fifo", the
 * one a sparse schedule's replay runs (a run recorded while replaying one
 * says so, and replays under it). -1 if unknown. */
static int header_strategy(const char *name, SchedStrategy *out) {
    if (!strcmp(name, "fifo")) {
        *out = SCHED_FIFO;
        return 0;
    }
    return sched_strategy_parse(name, out);
}

static int num(const char *s, uint64_t *out) {
    if (!s || !isdigit((unsigned char)*s)) return -1;
    uint64_t v = 0;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s)) return -1;
        if (v > (UINT64_MAX - 9) / 10) return -1;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return 0;
}

/* gid: "g12" into 12 (>= 1 and < 2^62); -1 on junk. */
static int gid(const char *s, int64_t *out) {
    uint64_t v;
    if (s[0] != 'g' || num(s + 1, &v) || v == 0 || v >= ((uint64_t)1 << 62)) return -1;
    *out = (int64_t)v;
    return 0;
}

/* parse_site: "FUNC+REL" / "FUNC-REL" (the last sign) or "-". */
static int parse_site(const char *s, SchDecision *d) {
    if (!strcmp(s, "-")) return 0;
    const char *sign = NULL;
    for (const char *p = s; *p; p++)
        if (*p == '+' || *p == '-') sign = p;
    uint64_t v;
    if (!sign || sign == s || num(sign + 1, &v) || v > 1000000) return -1;
    d->rel = *sign == '-' ? -(int)v : (int)v;
    d->fn = mem_strndup(s, (size_t)(sign - s));
    return 0;
}

static int parse_decision(const Toks *k, SchDecision *d, const char **why) {
    memset(d, 0, sizeof *d);
    uint64_t v;
    if (k->n != 7) return *why = "a decision is STEP KIND G@ACC SITE LINE -> CHOICE/N", -1;
    if (num(k->t[0], &d->step)) return *why = "the step must be a number", -1;
    const char *kind = k->t[1];
    if (strlen(kind) != 1 || !strchr("pglybxcs", kind[0])) return *why = "the kind must be one of p g l y b x c s", -1;
    d->kind = kind[0];
    if (strcmp(k->t[5], "->")) return *why = "expected '->' before the choice", -1;
    char *slash = strrchr(k->t[6], '/');
    if (!slash || num(slash + 1, &v) || v > 1000000000) return *why = "the choice must end in /N", -1;
    d->n = (int)v;
    *slash = 0; /* our private copy */
    const char *ch = k->t[6];
    if (d->kind == 'c') {
        if (strcmp(k->t[2], "-") || strcmp(k->t[3], "-") || strcmp(k->t[4], "-"))
            return *why = "a clock decision is STEP c - - - -> gN/N", -1;
        if (gid(ch, &d->choice)) return *why = "the choice must be a goroutine (gN)", -1;
        return 0;
    }
    char *at = strchr(k->t[2], '@');
    if (!at) return *why = "expected G@ACC (g3@57)", -1;
    *at = 0;
    if (gid(k->t[2], &d->g) || num(at + 1, &d->acc)) return *why = "expected G@ACC (g3@57)", -1;
    if (k->t[4][0] != 'L' || num(k->t[4] + 1, &v) || v > 100000000) return *why = "expected the line as L<number>", -1;
    d->line = (int)v;
    if (d->kind == 's') {
        if (num(ch, &v) || v > 31) return *why = "a select's choice must be a case number", -1;
        d->choice = (int64_t)v;
    } else if (!strcmp(ch, "-")) {
        d->choice = 0;
    } else if (gid(ch, &d->choice)) {
        return *why = "the choice must be a goroutine (gN) or '-'", -1;
    }
    if (parse_site(k->t[3], d)) return *why = "expected the site as FUNC+REL (main.worker+2) or '-'", -1;
    return 0;
}

int sch_parse(Schedule *out, const char *text, size_t n, char *why, size_t wn) {
    memset(out, 0, sizeof *out);
    snprintf(out->strategy, sizeof out->strategy, "random");
    int lineno = 0, have_magic = 0, have_seed = 0;
    const char *reason = NULL;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && text[j] != '\n') j++;
        lineno++;
        Toks k;
        if (memchr(text + i, 0, j - i)) {
            reason = "a NUL byte";
            goto fail;
        }
        size_t b = i;
        while (b < j && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) b++;
        if (b < j && text[b] == '#') { /* a comment: any length, any words */
            i = j + 1;
            continue;
        }
        if (split(&k, text + i, j - i)) {
            reason = j - i >= sizeof k.buf ? "line too long" : "too many fields";
            goto fail;
        }
        i = j + 1;
        if (k.n == 0 || k.t[0][0] == '#') continue;
        if (!have_magic) {
            if (k.n != 2 || strcmp(k.t[0], "goro-viz-schedule")) {
                reason = "not a schedule file (the first line must be 'goro-viz-schedule 1')";
                goto fail;
            }
            if (strcmp(k.t[1], "1")) {
                reason = "unsupported schedule version (this goro-viz reads version 1)";
                goto fail;
            }
            have_magic = 1;
            continue;
        }
        const char *key = k.t[0];
        if (isalpha((unsigned char)key[0])) {
            uint64_t v;
            if (k.n != 2) {
                reason = "a header line is KEY VALUE";
                goto fail;
            }
            if (!strcmp(key, "seed")) {
                if (num(k.t[1], &out->seed)) {
                    reason = "seed needs a number";
                    goto fail;
                }
                have_seed = 1;
            } else if (!strcmp(key, "strategy")) {
                SchedStrategy st;
                if (header_strategy(k.t[1], &st)) {
                    reason = "strategy is random, pct, rr or fifo";
                    goto fail;
                }
                snprintf(out->strategy, sizeof out->strategy, "%s", k.t[1]);
            } else if (!strcmp(key, "pct-depth")) {
                if (num(k.t[1], &v) || v < 1 || v > 1000) {
                    reason = "pct-depth needs 1..1000";
                    goto fail;
                }
                out->pct_depth = (int)v;
            } else if (!strcmp(key, "pct-steps")) {
                if (num(k.t[1], &out->pct_steps)) {
                    reason = "pct-steps needs a number";
                    goto fail;
                }
            } else if (!strcmp(key, "mode")) {
                if (!strcmp(k.t[1], "exact")) out->mode = SCH_EXACT;
                else if (!strcmp(k.t[1], "sparse")) out->mode = SCH_SPARSE;
                else {
                    reason = "mode is exact or sparse";
                    goto fail;
                }
            } else {
                reason = "unknown header key (seed, strategy, pct-depth, pct-steps, mode)";
                goto fail;
            }
            continue;
        }
        SchDecision d;
        if (parse_decision(&k, &d, &reason)) {
            free_s(d.fn);
            goto fail;
        }
        if (out->mode == SCH_SPARSE && d.kind == 'c') {
            free_s(d.fn);
            reason = "a sparse schedule holds only p, g, l, b, y, x and s decisions";
            goto fail;
        }
        d.srcline = lineno;
        VEC_PUSH(out->d, d);
    }
    if (!have_magic) {
        lineno = 1;
        reason = "empty: not a schedule file";
        goto fail;
    }
    if (!have_seed) {
        reason = "no 'seed N' line";
        goto fail;
    }
    return 0;
fail:
    snprintf(why, wn, "line %d: %s", lineno, reason);
    sch_free(out);
    return -1;
}

int sch_load(Schedule *out, const char *path, FILE *err) {
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(err, "goro-viz: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            size_t nc = cap ? cap * 2 : 4096;
            if (nc > ((size_t)256 << 20)) {
                fprintf(err, "goro-viz: %s: too large for a schedule\n", path);
                mem_free(buf, cap);
                fclose(f);
                return -1;
            }
            buf = mem_realloc(buf, cap, nc);
            cap = nc;
        }
        size_t k = fread(buf + len, 1, cap - len, f);
        len += k;
        if (k == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    char why[256];
    int rc = -1;
    if (bad) fprintf(err, "goro-viz: cannot read %s\n", path);
    else if (sch_parse(out, buf, len, why, sizeof why)) fprintf(err, "goro-viz: %s: %s\n", path, why);
    else rc = 0;
    mem_free(buf, cap);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Recording and replaying                                                   */
/* ------------------------------------------------------------------------ */

struct SchRun {
    Sched *s;
    Schedule *rec;
    const Schedule *rep;
    FILE *err;
    VEC(uint64_t) acc; /* shared accesses by goroutine id */
    /* the stop before the next pick */
    int have_stop;
    SchDecision stop; /* fn points into a Proto (not owned) */
    /* exact replay */
    int cur, live, slice_override, diverged;
    uint64_t clamps0; /* s->clamps when the slice began */
    int64_t shadow;
    /* sparse replay */
    char *used;
    int fired; /* index of the line applied at the last stop, -1 none */
};

static uint64_t *acc_of(SchRun *r, int64_t id) {
    if (id < 0) id = 0;
    if (id >= r->acc.len) {
        int old = r->acc.len;
        VEC_GROW(r->acc, (int)id + 1);
        for (int i = old; i < r->acc.cap; i++) r->acc.items[i] = 0;
        r->acc.len = r->acc.cap;
    }
    return &r->acc.items[id];
}

/* site: where [g] stands: its top frame's function, the line relative to
 * the function's first line of code, and the absolute line. */
static void site(Goroutine *g, SchDecision *d) {
    d->fn = NULL;
    d->rel = 0;
    d->line = 0;
    if (!g || !g->nframes) return;
    const Proto *p = g->frames[g->nframes - 1].p;
    d->fn = (char *)(p->name ? p->name : "?");
    d->line = sched_line(g);
    int base = 0;
    for (int i = 0; p->lines && i < p->ncode; i++)
        if (p->lines[i] > 0 && (base == 0 || p->lines[i] < base)) base = p->lines[i];
    d->rel = d->line > 0 && base > 0 ? d->line - base : 0;
}

static int same_site(const SchDecision *a, const SchDecision *b) {
    if (!a->fn || !b->fn) return !a->fn && !b->fn;
    return a->rel == b->rel && !strcmp(a->fn, b->fn);
}

static const char *kind_words(char k) {
    switch (k) {
    case 'p': return "preempted";
    case 'g': return "at a go statement";
    case 'l': return "out of budget";
    case 'y': return "yielded";
    case 'b': return "blocked";
    case 'x': return "exited";
    case 'c': return "clock advanced";
    default: return "selected";
    }
}

/* describe: "g3 preempted at main.worker+2 (line 14, access 57)". */
static const char *describe(const SchDecision *d, char *buf, size_t n) {
    if (d->kind == 'c') snprintf(buf, n, "the clock advancing");
    else if (d->fn)
        snprintf(buf, n, "g%" PRId64 " %s at %s%+d (line %d, access %" PRIu64 ")", d->g, kind_words(d->kind), d->fn,
                 d->rel, d->line, d->acc);
    else snprintf(buf, n, "g%" PRId64 " %s (access %" PRIu64 ")", d->g, kind_words(d->kind), d->acc);
    return buf;
}

static void diverge(SchRun *r, const SchDecision *want, const char *got) {
    char a[256];
    if (!r->diverged) {
        if (want)
            fprintf(r->err, "goro-viz: schedule diverges at decision %d (line %d): expected %s, but %s; continuing with seed %" PRIu64 "\n",
                    r->cur + 1, want->srcline, describe(want, a, sizeof a), got, r->rep->seed);
        else
            fprintf(r->err, "goro-viz: schedule diverges after its last decision (%d): %s; continuing with seed %" PRIu64 "\n",
                    r->cur, got, r->rep->seed);
    }
    r->diverged = 1;
    r->live = 0;
}

SchRun *sch_run_new(Sched *s, Schedule *record, const Schedule *replay, FILE *err) {
    SchRun *r = mem_alloc(sizeof *r);
    r->s = s;
    r->rec = record;
    r->rep = replay;
    r->err = err;
    r->fired = -1;
    if (replay && replay->mode == SCH_EXACT) r->live = 1;
    if (replay && replay->mode == SCH_SPARSE) r->used = mem_alloc((size_t)replay->d.len + 1);
    return r;
}

static void record(SchRun *r, const SchDecision *d) {
    if (r->rec) sch_push(r->rec, d);
}

int sch_run_free(SchRun *r) {
    if (r->live && r->cur + 1 == r->rep->d.len && r->have_stop && r->stop.kind == 'p') {
        /* the recording ended right after this same preemption (a limit):
         * its last line is the one written below, which no pick consumes */
        const SchDecision *w = &r->rep->d.items[r->cur];
        if (w->kind == 'p' && w->g == r->stop.g && w->acc == r->stop.acc && same_site(w, &r->stop)) r->cur++;
    }
    if (r->live && r->cur < r->rep->d.len) {
        char a[256];
        const SchDecision *w = &r->rep->d.items[r->cur];
        fprintf(r->err, "goro-viz: schedule diverges: the run ended before decision %d (line %d): %s\n", r->cur + 1,
                w->srcline, describe(w, a, sizeof a));
        r->diverged = 1;
    }
    int bad = r->diverged;
    if (r->have_stop && r->stop.kind == 'p') { /* the run ended right after a preemption */
        r->stop.choice = r->stop.g;
        r->stop.n = 1;
        record(r, &r->stop);
    }
    if (r->used) {
        char a[256];
        for (int i = 0; i < r->rep->d.len; i++)
            if (!r->used[i]) {
                if (!bad)
                    fprintf(r->err, "goro-viz: schedule diverges: decision %d (line %d) never applied: %s\n", i + 1,
                            r->rep->d.items[i].srcline, describe(&r->rep->d.items[i], a, sizeof a));
                bad++;
            }
        mem_free(r->used, (size_t)r->rep->d.len + 1);
    }
    VEC_FREE(r->acc);
    mem_free(r, sizeof *r);
    return bad;
}

static int is_preemption(char k) { return k == 'p' || k == 'g' || k == 'l'; }

/* sparse_next: the first unused preemption line for goroutine [id], -1. */
static int sparse_next(SchRun *r, int64_t id) {
    for (int i = 0; i < r->rep->d.len; i++)
        if (!r->used[i] && r->rep->d.items[i].g == id && is_preemption(r->rep->d.items[i].kind)) return i;
    return -1;
}

/* sparse_choice: the first unused b/y/x line for [stop] (same goroutine,
 * kind and site: the n-th such stop takes the n-th such line; the count
 * of points is no key, as blocking or not changes it), -1 none. */
static int sparse_choice(SchRun *r, const SchDecision *stop) {
    for (int i = 0; i < r->rep->d.len; i++) {
        const SchDecision *d = &r->rep->d.items[i];
        if (!r->used[i] && d->g == stop->g && d->kind == stop->kind && same_site(d, stop)) return i;
    }
    return -1;
}

/* dist_to: the countdown from [a] accesses made that hits 0 at point k+1;
 * at most HUGE_DIST (a file's ACC can be any number: a negative countdown
 * would preempt at once and wrap the scheduler's step count). */
static int64_t dist_to(uint64_t k, uint64_t a) {
    if (k < a) return 1;
    return k - a >= (uint64_t)HUGE_DIST ? HUGE_DIST : (int64_t)(k - a) + 1;
}

int64_t sch_slice_begin(SchRun *r, Goroutine *g, int64_t strategy_dist) {
    r->slice_override = 0;
    r->clamps0 = r->s->clamps;
    uint64_t a = *acc_of(r, g->id);
    if (r->live) {
        const Schedule *p = r->rep;
        int i = r->cur;
        while (i < p->d.len && p->d.items[i].kind == 's' && p->d.items[i].g == g->id) i++;
        /* In step with the recording the strategy's own countdown is the
         * recorded one: it reaches the recorded point, where a native's
         * clamp may have hidden some of its points (dist - clamps), and the
         * step count stays the same. Only one that would go past the
         * recorded point (after an edit) is overridden. */
        if (i < p->d.len && p->d.items[i].kind == 'p' && p->d.items[i].g == g->id) {
            uint64_t k = p->d.items[i].acc;
            int64_t dist = dist_to(k, a);
            if (strategy_dist <= dist) return strategy_dist;
            r->slice_override = 1;
            r->shadow = strategy_dist;
            return dist;
        }
        return strategy_dist;
    }
    if (r->used) {
        int i = sparse_next(r, g->id);
        if (i < 0) return HUGE_DIST;
        return dist_to(r->rep->d.items[i].acc, a);
    }
    return strategy_dist;
}

int64_t sch_slice_end(SchRun *r, Goroutine *g, int64_t consumed, int st, int64_t vm_left) {
    /* points made: the countdown's decrements (a clamp hid one each), but
     * not a preempted access: it runs, and counts, when g resumes */
    uint64_t *a = acc_of(r, g->id);
    int64_t made = consumed + (int64_t)(r->s->clamps - r->clamps0) - (st == VM_PREEMPTED ? 1 : 0);
    if (made > 0) *a += (uint64_t)made;
    SchDecision d;
    memset(&d, 0, sizeof d);
    d.step = r->s->steps;
    d.g = g->id;
    d.acc = *a;
    site(g, &d);
    switch (st) {
    case VM_PREEMPTED: d.kind = 'p'; break;
    case VM_BUDGET: d.kind = 'l'; break;
    case VM_SPAWNED: d.kind = 'g'; break;
    case VM_BLOCKED:
        d.kind = sched_g(g)->goexit ? 'x' : sched_g(g)->status == SG_RUNNABLE ? 'y' : 'b';
        break;
    default: d.kind = 'x'; break;
    }
    r->have_stop = 1;
    r->stop = d;
    r->fired = -1;
    if (r->used && (st == VM_PREEMPTED || st == VM_BUDGET || st == VM_SPAWNED)) {
        int i = sparse_next(r, g->id);
        /* p: before access ACC+1; g/l: at that go statement / budget end
         * (same site) with ACC made, else at the first stop past it */
        const SchDecision *w = i >= 0 ? &r->rep->d.items[i] : NULL;
        if (w && (d.acc > w->acc || (d.acc == w->acc && (d.kind == 'p' || (w->kind != 'p' && same_site(w, &d)))))) {
            r->used[i] = 1;
            r->fired = i;
            if (!same_site(w, &d) && !r->diverged) {
                char x[256], y[256];
                fprintf(r->err, "goro-viz: schedule diverges at decision %d (line %d): expected %s, but it applies to %s\n",
                        i + 1, w->srcline, describe(w, x, sizeof x), describe(&d, y, sizeof y));
                r->diverged = 1;
            }
        }
    } else if (r->used && (d.kind == 'b' || d.kind == 'y' || d.kind == 'x')) {
        int i = sparse_choice(r, &d);
        if (i >= 0) {
            r->used[i] = 1;
            r->fired = i;
        }
    }
    if (r->slice_override) return r->shadow - consumed;
    if (r->used) return 0;
    return vm_left;
}

void sch_clock(SchRun *r) {
    SchDecision d;
    memset(&d, 0, sizeof d);
    d.kind = 'c';
    d.step = r->s->steps;
    r->have_stop = 1;
    r->stop = d;
    r->fired = -1;
}

/* ---- the run queue (a ring, as sched.c keeps it) ---- */

static int rq_find(Sched *s, Goroutine *g) {
    for (uint32_t i = 0; i < s->rq_len; i++)
        if (s->rq[(s->rq_head + i) % s->rq_cap] == g) return (int)i;
    return -1;
}

static Goroutine *rq_find_id(Sched *s, int64_t id) {
    for (uint32_t i = 0; i < s->rq_len; i++) {
        Goroutine *g = s->rq[(s->rq_head + i) % s->rq_cap];
        if (g->id == id) return g;
    }
    return NULL;
}

static void rq_remove(Sched *s, int k) {
    for (uint32_t i = (uint32_t)k; i + 1 < s->rq_len; i++)
        s->rq[(s->rq_head + i) % s->rq_cap] = s->rq[(s->rq_head + i + 1) % s->rq_cap];
    s->rq_len--;
}

/* The caller just removed one goroutine, so there is room for one. */
static void rq_push_front(Sched *s, Goroutine *g) {
    s->rq_head = (s->rq_head + s->rq_cap - 1) % s->rq_cap;
    s->rq[s->rq_head] = g;
    s->rq_len++;
}

static void rq_push_back(Sched *s, Goroutine *g) {
    s->rq[(s->rq_head + s->rq_len) % s->rq_cap] = g;
    s->rq_len++;
}

/* take: run [want] instead of [picked] ([picked] goes back to the front). */
static Goroutine *take(Sched *s, Goroutine *picked, Goroutine *want) {
    rq_remove(s, rq_find(s, want));
    rq_push_front(s, picked);
    return want;
}

Goroutine *sch_pick(SchRun *r, Goroutine *picked, int n) {
    Sched *s = r->s;
    if (!r->have_stop) return picked;
    r->have_stop = 0;
    SchDecision d = r->stop;
    int due = d.kind == 'p' || n > 1;
    if (r->live && due) {
        const SchDecision *w = r->cur < r->rep->d.len ? &r->rep->d.items[r->cur] : NULL;
        char got[300];
        if (!w) {
            diverge(r, NULL, describe(&d, got, sizeof got));
        } else if (w->kind != d.kind || w->g != d.g || w->acc != d.acc || !same_site(w, &d)) {
            diverge(r, w, describe(&d, got, sizeof got));
        } else if (w->choice != picked->id) {
            Goroutine *want = rq_find_id(s, w->choice);
            if (want) {
                picked = take(s, picked, want);
                r->cur++;
            } else {
                snprintf(got, sizeof got, "g%" PRId64 " is not runnable", w->choice);
                diverge(r, w, got);
            }
        } else {
            r->cur++;
        }
    }
    if (r->fired >= 0) {
        const SchDecision *w = &r->rep->d.items[r->fired];
        r->fired = -1;
        Goroutine *want = w->choice > 0 && w->choice != d.g ? rq_find_id(s, w->choice) : NULL;
        if (want && want != picked) {
            picked = take(s, picked, want);
        } else if (!want && is_preemption(w->kind) && picked->id == d.g && s->rq_len > 0) {
            /* rr kept the goroutine (a go statement): switch to the next */
            Goroutine *next = s->rq[s->rq_head];
            rq_remove(s, 0);
            rq_push_back(s, picked);
            picked = next;
        }
    }
    if (due) {
        d.choice = picked->id;
        d.n = n;
        record(r, &d);
    }
    return picked;
}

int sch_select(SchRun *r, Goroutine *g, const int *ready, int nready, int chosen) {
    if (nready < 2) return chosen;
    SchDecision d;
    memset(&d, 0, sizeof d);
    d.kind = 's';
    d.step = r->s->steps;
    d.g = g->id;
    d.acc = *acc_of(r, g->id);
    d.n = nready;
    site(g, &d);
    if (r->used) { /* sparse: the select of this goroutine at this access count */
        for (int i = 0; i < r->rep->d.len; i++) {
            const SchDecision *w = &r->rep->d.items[i];
            if (r->used[i] || w->kind != 's' || w->g != d.g || !same_site(w, &d)) continue;
            r->used[i] = 1;
            for (int j = 0; j < nready; j++)
                if (ready[j] == w->choice) chosen = (int)w->choice;
            break;
        }
    }
    if (r->live) {
        const SchDecision *w = r->cur < r->rep->d.len ? &r->rep->d.items[r->cur] : NULL;
        char got[300];
        if (!w) {
            diverge(r, NULL, describe(&d, got, sizeof got));
        } else if (w->kind != 's' || w->g != d.g || w->acc != d.acc || !same_site(w, &d)) {
            diverge(r, w, describe(&d, got, sizeof got));
        } else {
            int ok = 0;
            for (int i = 0; i < nready; i++) ok |= ready[i] == w->choice;
            if (ok) {
                chosen = (int)w->choice;
                r->cur++;
            } else {
                snprintf(got, sizeof got, "case %" PRId64 " of g%" PRId64 "'s select is not ready", w->choice, d.g);
                diverge(r, w, got);
            }
        }
    }
    d.choice = chosen;
    record(r, &d);
    return chosen;
}

void sch_options(const Schedule *s, SchedOptions *o) {
    o->seed = s->seed;
    if (s->mode == SCH_SPARSE) o->strategy = SCHED_FIFO;
    else header_strategy(s->strategy, &o->strategy);
    if (s->pct_depth) o->pct_depth = s->pct_depth;
    o->pct_steps = s->pct_steps;
    o->schedule = s;
}

void sch_header_from(Schedule *s, const SchedOptions *o) {
    s->seed = o->seed;
    snprintf(s->strategy, sizeof s->strategy, "%s", sched_strategy_name(o->strategy));
    s->pct_depth = o->strategy == SCHED_PCT ? o->pct_depth : 0;
    s->pct_steps = o->strategy == SCHED_PCT ? o->pct_steps : 0;
    s->mode = SCH_EXACT;
}
