/* explore_run: compile once, run per seed: the one adapter (exp_run) between
 * `explore`/`hunt` and sim/'s run API.
 *
 * The run API is the scheduler's when sim/sched.h exists (strategy, pct
 * depth, limits), else the sequential VM (one goroutine, vm_run); exp_run is
 * the one function that knows. The program is parsed and checked once; each
 * run compiles the checked AST into a fresh Vm (compiling is a small
 * fraction of a run, and a fresh Vm is what makes runs independent).
 *
 * Invariants: an ExpProgram owns its FrontUnit, which comp_program only
 * reads; a run's output never reaches the real stdout/stderr.
 */
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "explore.h"
#include "schedule.h"
#include "front.h"
#include "vm.h"

/* The scheduler (sim/sched.h) is the run API once it is built; until then
 * the sequential VM runs main alone. "sched.h" finds ours before the
 * system's POSIX <sched.h> (harmless when ours is absent); GORO_SCHED_H
 * tells them apart. With sched_run_checked (SCHED_RUN_CHECKED) an already
 * checked program runs; without it each run re-reads the file. */
#if defined(__has_include)
#if __has_include("sched.h")
#include "sched.h"
#ifdef GORO_SCHED_H
#define EXP_HAVE_SCHED 1
#endif
#endif
#endif
#ifndef EXP_HAVE_SCHED
#define EXP_HAVE_SCHED 0
#endif

struct ExpProgram {
    FrontUnit u;
    uint64_t pct_steps; /* pct's k, estimated once (0: not yet) */
};

ExpProgram *exp_program_load(const char *path, FILE *err) {
    ExpProgram *p = mem_alloc(sizeof *p);
    if (front_compile_file(&p->u, path, err) != 0) {
        exp_program_free(p);
        return NULL;
    }
    return p;
}

void exp_program_free(ExpProgram *p) {
    if (!p) return;
    front_free(&p->u);
    mem_free(p, sizeof *p);
}

void exp_run_free(ExpRun *r) {
    free(r->obuf); /* open_memstream's buffers belong to libc's allocator */
    free(r->ebuf);
    memset(r, 0, sizeof *r);
}

/* run_vm: the sequential VM's run of main, as vm_cli_run does it, with a
 * step limit (budget slices) so a looping program cannot hang a sweep. */
#if !EXP_HAVE_SCHED
static int run_vm(ExpProgram *p, const ExpOptions *o, uint64_t seed, FILE *out, FILE *err) {
    Vm vm;
    vm_init(&vm, out, seed);
    vm.err = err;
    Value entry;
    int status = comp_program(&vm, &p->u.prog, &p->u.src, err, &entry) != 0 ? 1 : 0;
    if (status == 0) {
        /* max_steps counts budget units (backward branches and calls) */
        uint64_t steps = o->max_steps ? o->max_steps : 100000000u;
        uint64_t limit = (steps + 4095) / 4096, slices = 0;
        Goroutine *g = vm_goroutine_new(&vm, entry, NULL, 0);
        int st;
        do st = vm_run(&vm, g, 4096);
        while ((st == VM_BUDGET || st == VM_PREEMPTED) && ++slices < limit);
        fflush(out);
        if (st == VM_BUDGET || st == VM_PREEMPTED) {
            fprintf(err, "goro-viz: step limit reached (%llu steps)\n", (unsigned long long)steps);
            status = 3;
        } else if (st == VM_EXIT) {
            status = vm.exit_code;
            if (status) fprintf(err, "exit status %d\n", status);
        } else if (st == VM_PANICKED) {
            vm_print_panic(&vm, g, err);
            fprintf(err, "exit status 2\n");
            status = 2;
        } else if (st == VM_BLOCKED) {
            fprintf(err, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [%s]:\n", g->wait);
            fprintf(err, "exit status 2\n");
            status = 2;
        } else if (st != VM_DONE) {
            fprintf(err, "goro-viz: the run stopped unexpectedly (status %d)\n", st);
            status = 2;
        }
    }
    vm_free(&vm);
    return status;
}
#endif

int exp_run(ExpProgram *p, const ExpOptions *o, uint64_t seed, ExpRun *r) {
    free(r->obuf);
    free(r->ebuf);
    r->obuf = r->ebuf = NULL;
    r->olen = r->elen = 0;
    FILE *out = open_memstream(&r->obuf, &r->olen);
    FILE *err = open_memstream(&r->ebuf, &r->elen);
    GORO_ASSERT(out && err);
#if EXP_HAVE_SCHED
    SchedOptions so;
    sched_options_default(&so);
    so.seed = seed;
    if (o->strategy) sched_strategy_parse(o->strategy, &so.strategy);
    if (o->pct_depth) so.pct_depth = o->pct_depth;
    if (o->max_steps) so.max_steps = o->max_steps;
    so.race = o->race; /* race.h: reports on err, exit 66 */
    if (o->schedule) sch_options(o->schedule, &so);
    so.record_schedule = o->record;
    if (so.strategy == SCHED_PCT && so.pct_depth > 1 && !so.pct_steps) {
        /* every seed shares k: estimate it once per program */
        if (!p->pct_steps) p->pct_steps = sched_pct_steps(&p->u.src, &p->u.prog, &so);
        so.pct_steps = p->pct_steps;
    }
#ifdef SCHED_RUN_CHECKED
    r->exit = sched_run_checked(&p->u.src, &p->u.prog, &so, out, err, NULL);
#else
    r->exit = sched_run_file(p->u.src.path, &so, out, err, NULL); /* re-reads the file: ~4x slower */
#endif
#else
    r->exit = run_vm(p, o, seed, out, err);
#endif
    fclose(out);
    fclose(err);
    r->out = r->obuf;
    r->out_len = r->olen;
    r->err = r->ebuf;
    r->err_len = r->elen;
    return r->exit;
}

int exp_races_detectable(void) { return EXP_HAVE_SCHED; /* the scheduler's --race (race.h) */ }
