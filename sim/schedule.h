/* schedule: a run's scheduling decisions as a text file: recorded while a
 * run goes (--record-schedule), replayed to force them (--schedule), and
 * edited by `goro-viz shrink` down to a few preemptions.
 *
 * The format (version 1), one item a line, '#' starts a comment line:
 *
 *   goro-viz-schedule 1
 *   seed 17                  the run's seed (map order, math/rand, selects)
 *   strategy random          random | pct | rr (| fifo: a sparse replay's): the strategy replay mimics
 *   pct-depth 3              pct's d (optional)
 *   pct-steps 412            pct's k (optional, 0: estimated)
 *   mode exact               exact | sparse (see below)
 *   STEP KIND G@ACC SITE LINE -> CHOICE/N      one decision a line
 *
 *   STEP   the scheduler's step counter at the decision (informational)
 *   KIND   how goroutine G left the CPU before the pick, or what it chose:
 *            p  preempted at a shared access (the decision: switch here)
 *            g  go statement        l  slice budget used up (a long loop)
 *            y  yielded (Gosched)   b  blocked      x  exited
 *            c  the clock advanced (timers fired; G@ACC SITE LINE are "-")
 *            s  select with several ready cases (CHOICE is the case index)
 *   G@ACC  goroutine id and the number of scheduling points it had passed
 *          (shared accesses, sync/channel/time operations: `g3@57`); a
 *          `p` line switches before point ACC+1, which counts once it runs
 *   SITE   FUNC+REL: the function it stood in and the line relative to the
 *          function's first line of code (`main.worker+2`), "-" if none;
 *          so an edit above the function keeps the site
 *   LINE   `L14`, the absolute line (informational)
 *   CHOICE `g5` the goroutine run next (p..c), or `3` a select case; /N the
 *          number of candidates (informational)
 *
 * mode exact (what --record-schedule writes): every preemption and every
 * pick among several runnable goroutines, every select among several ready
 * cases, in order. Replay runs the header's strategy with its seed in
 * lockstep (so map order and math/rand draw as in the recorded run) and
 * overrides its choices with the file's; a decision that no longer fits
 * (another goroutine stops, at another site, or the chosen one is not
 * runnable) is reported once on stderr as the first divergence and the run
 * continues under the seed's strategy from there.
 *
 * mode sparse (what shrink writes): `p`, `g` and `l` lines, each a
 * preemption "switch away from G once it has made ACC points: `p` before
 * the next shared access, `g`/`l` at that go statement or budget end (same
 * site), else at its first stop past ACC; and run CHOICE" (CHOICE `-`:
 * the next in FIFO order); and `b`, `y`, `x` lines, each a free choice
 * "when G blocks / yields / exits at SITE, run CHOICE next"; and `s` lines,
 * "G's select at SITE takes case CHOICE if it is ready" (the n-th such
 * stop of G at SITE takes the n-th such line; ACC is informational).
 * Everything else follows the non-preemptive baseline `rr`
 * (FIFO run queue, a goroutine runs until it blocks, yields or uses up a
 * slice budget); other selects and map order draw from the seed. A line that
 * never applies, or a preemption that applies at another site, is
 * reported.
 *
 * Not decisions, so not in the file: timers due at the same instant fire in
 * arming order, and pct's priority changes only steer picks, which are.
 *
 * Invariants:
 * - Parsing never crashes on malformed text: it fails with "line N: why".
 * - Recording only observes: a run with and without a recorder is
 *   identical (no PRNG draw, no state the run reads).
 * - A replay is deterministic: a pure function of (program, schedule).
 */
#ifndef GORO_SCHEDULE_H
#define GORO_SCHEDULE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "mem.h"

enum { SCH_EXACT = 0, SCH_SPARSE = 1 };

/* SchDecision: one line. [fn] is owned by the Schedule (NULL: "-"). */
typedef struct SchDecision {
    char kind;      /* p g l y b x c s */
    uint64_t step;
    int64_t g;      /* goroutine id, 0 for none (c) */
    uint64_t acc;   /* g's shared accesses so far */
    char *fn;       /* function name or NULL */
    int rel, line;  /* line relative to the function's first line; absolute */
    int64_t choice; /* goroutine id (0: default) or select case */
    int n;          /* candidates */
    int srcline;    /* line number in the file it was read from (0: made) */
} SchDecision;

/* Schedule: a header and its decisions. Zero-initialised is empty. */
typedef struct Schedule {
    int mode;       /* SCH_EXACT / SCH_SPARSE */
    uint64_t seed;
    char strategy[8]; /* "random", "pct", "rr" */
    int pct_depth;  /* 0: not given */
    uint64_t pct_steps;
    VEC(SchDecision) d;
} Schedule;

/* sch_parse: parse [n] bytes of [text] into [out] (previous contents
 * ignored). Returns 0, or -1 with "line N: reason" in [why] of [wn] bytes
 * ([out] then holds nothing to free). */
int sch_parse(Schedule *out, const char *text, size_t n, char *why, size_t wn);

/* sch_load: read and parse the file at [path]; on failure prints
 * "goro-viz: PATH: line N: reason" to [err] and returns -1. */
int sch_load(Schedule *out, const char *path, FILE *err);

/* sch_write: the schedule in the format above to [f]; [file] (may be
 * NULL) names the program in a comment. Returns 0, or -1 on a write error. */
int sch_write(const Schedule *s, const char *file, FILE *f);

/* sch_save: sch_write to the file at [path]; "goro-viz: cannot write PATH"
 * to [err] and -1 on failure. */
int sch_save(const Schedule *s, const char *file, const char *path, FILE *err);

/* sch_free: release [s]'s decisions (it is empty after). */
void sch_free(Schedule *s);

/* sch_copy: a deep copy of [src] into [dst] (previous contents ignored). */
void sch_copy(Schedule *dst, const Schedule *src);

/* sch_push: append a copy of [d] (its fn copied) to [s]. */
void sch_push(Schedule *s, const SchDecision *d);

/* sch_preemptions: the number of switches away from a goroutine that could
 * have continued: `p`, `g` and `l` lines whose CHOICE is another goroutine
 * (sparse: every such line, as each one switches when it applies). */
int sch_preemptions(const Schedule *s);

/* sch_format_decision: one decision as a file line (no newline) into [buf]
 * of [n] bytes; returns [buf]. */
const char *sch_format_decision(const SchDecision *d, char *buf, size_t n);

struct SchedOptions;
/* sch_options: set [o]'s seed, strategy (rr for a sparse schedule), pct
 * depth and steps from [s]'s header, and o->schedule = [s]. */
void sch_options(const Schedule *s, struct SchedOptions *o);

/* sch_header_from: [s]'s header (exact mode) from the options [o] of the
 * run that records it. */
void sch_header_from(Schedule *s, const struct SchedOptions *o);

/* ---- the run-time side: called by sched.c only ---- */

struct Sched;
struct Goroutine;
/* SchRun: one run's recorder and/or replayer. Opaque. */
typedef struct SchRun SchRun;

/* sch_run_new: attach to scheduler [s]: record into [record] (may be NULL)
 * and/or replay [replay] (may be NULL); messages to [err]. */
SchRun *sch_run_new(struct Sched *s, Schedule *record, const Schedule *replay, FILE *err);

/* sch_run_free: flush a pending decision into the record, report sparse
 * lines that never applied, release [r]. Returns the number of
 * divergences reported (0 or 1 for exact, lines unused for sparse). */
int sch_run_free(SchRun *r);

/* sch_slice_begin: goroutine [g] is about to run with the strategy's
 * preemption countdown [strategy_dist]; returns the countdown to use. */
int64_t sch_slice_begin(SchRun *r, struct Goroutine *g, int64_t strategy_dist);

/* sch_slice_end: [g]'s slice ended with vm_run status [st] after
 * [consumed] accesses; returns the countdown the strategy carries on with
 * (strategy_dist - consumed under replay, else vm's own value [vm_left]). */
int64_t sch_slice_end(SchRun *r, struct Goroutine *g, int64_t consumed, int st, int64_t vm_left);

/* sch_clock: the run queue was empty and timers fired. */
void sch_clock(SchRun *r);

/* sch_pick: the strategy removed [picked] from the run queue ([n] were
 * runnable); returns the goroutine to run (it may put [picked] back and
 * take another). */
struct Goroutine *sch_pick(SchRun *r, struct Goroutine *picked, int n);

/* sch_select: goroutine [g]'s select has [nready] ready cases [ready] and
 * the strategy chose case [chosen]; returns the case to take. */
int sch_select(SchRun *r, struct Goroutine *g, const int *ready, int nready, int chosen);

#endif
