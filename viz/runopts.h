/* runopts: the options that say how a program is run (seed, strategy,
 * limits, race detection, a schedule to replay), parsed by ONE function for
 * every viewer command (the window, render, check, disasm) so each option
 * is spelled, checked and documented once.
 */
#ifndef GORO_RUNOPTS_H
#define GORO_RUNOPTS_H

#include <stddef.h>
#include <stdint.h>

/* VizRunOptions: one run's knobs as the command line gives them. Zero
 * fields mean the scheduler's defaults. */
typedef struct VizRunOptions {
    uint64_t seed;          /* viz_run_options_init: 1 (0 is a seed like any other) */
    const char *strategy;   /* "random" (NULL: random), "pct", "rr" */
    int pct_depth;          /* pct's d */
    uint64_t max_steps;
    int64_t max_goroutines, max_heap, max_vtime; /* vtime in ns */
    int race;               /* run the data-race detector (--race) */
    const char *schedule;   /* --schedule F: a recorded schedule to replay, or NULL */
    /* the window's hooks (not options): progress is called about every 2^14
     * simulated steps (nonzero return cancels the run); when diag is
     * non-NULL a run that does not compile leaves the compiler's messages
     * there (Go's "file:line:col: msg" lines, NUL-terminated, cut to
     * diag_cap bytes) */
    int (*progress)(void *ctx, uint64_t steps);
    void *progress_ctx;
    char *diag;
    size_t diag_cap;
} VizRunOptions;

/* viz_run_options_init: [o] with seed 1 and every other field default. */
void viz_run_options_init(VizRunOptions *o);

/* viz_run_option: if argv[*i] is a run option (--seed N, --strategy S,
 * --pct-depth D, --max-steps N, --max-goroutines N, --max-heap BYTES,
 * --max-vtime DUR, --race, --schedule F), store it in [o], advance *[i] past
 * its value and return 1; return 0 when it is not one (argv untouched);
 * return -1 with a one-line reason in [err] ([n] bytes) when its value is
 * missing or malformed. */
int viz_run_option(VizRunOptions *o, int argc, char **argv, int *i, char *err, size_t n);

/* viz_run_parse_u64: [s] as a decimal number (digits only, no sign) into
 * [*out]. Returns 0, or -1 on junk or overflow. */
int viz_run_parse_u64(const char *s, uint64_t *out);

/* viz_run_options_help: the help lines for the run options (static text). */
const char *viz_run_options_help(void);

#endif
