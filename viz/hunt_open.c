/* hunt_open: the first seed satisfying a condition, for the viewer (see
 * hunt_open.h). One process, seeds in order, compiled once. */
#include "hunt_open.h"

#include <stdio.h>
#include <string.h>

#include "explore.h"

int viz_hunt_seed(const char *file, const VizRunOptions *run, const char *cond, const char *seeds, uint64_t *seed,
                  const char **at, char *err, size_t n) {
    ExpCond c;
    if (exp_cond_parse(&c, cond, err, n) != 0) return 64;
    ExpSeeds s;
    if (exp_seeds_parse(&s, seeds ? seeds : "0..99999", NULL, err, n) != 0) {
        exp_cond_free(&c);
        return 64;
    }
    ExpOptions eo;
    memset(&eo, 0, sizeof eo);
    eo.strategy = run->strategy;
    eo.pct_depth = run->pct_depth;
    eo.max_steps = run->max_steps;
    eo.race = run->race;
    if (c.kind == EXP_C_RACE) {
        if (!exp_races_detectable()) {
            snprintf(err, n, "--hunt race needs the race detector, which this build does not have yet");
            exp_cond_free(&c);
            return 64;
        }
        eo.race = 1;
    }
    *at = c.kind == EXP_C_RACE ? "race" : c.kind == EXP_C_DEADLOCK ? "deadlock" : c.kind == EXP_C_PANIC ? "panic" : "end";
    ExpProgram *prog = exp_program_load(file, stderr);
    if (!prog) {
        exp_cond_free(&c);
        err[0] = 0;
        return 1;
    }
    ExpRun r;
    memset(&r, 0, sizeof r);
    int found = 0;
    for (uint64_t k = 0; k < s.count && !found; k++) {
        uint64_t sd = s.first + k * s.step;
        exp_run(prog, &eo, sd, &r);
        ExpRecord rec;
        exp_record_make(&rec, sd, &r, NULL);
        if (exp_cond_match(&c, &r, &rec)) {
            *seed = sd;
            found = 1;
        }
        exp_record_free(&rec);
    }
    exp_run_free(&r);
    exp_program_free(prog);
    exp_cond_free(&c);
    if (!found) snprintf(err, n, "no seed in %s satisfies %s", seeds ? seeds : "0..99999", cond);
    return found ? 0 : 1;
}
