/* vm_cli: front end + compiler + VM for `goro-viz run` / `disasm`. */
#include <string.h>

#include "compile.h"
#include "front.h"
#include "sched.h"
#include "vm_cli.h"

/* load: the file through the shared front end (the same errors, worded the
 * same way, as `goro-viz check`), then compiled into [vm]; 0 on success,
 * else the exit status after printing why. */
static int load(const char *path, Vm *vm, Value *entry, FILE *err) {
    FrontUnit u;
    int status = front_compile_file(&u, path, err);
    if (status == 0 && comp_program(vm, &u.prog, &u.src, err, entry) != 0) status = 1;
    front_free(&u);
    return status;
}

int vm_cli_run(const char *path, uint64_t seed, int gc_stress, FILE *out, FILE *err) {
    /* Goroutines, channels, sync and time need the scheduler (sched.h). */
    SchedOptions so;
    sched_options_default(&so);
    so.seed = seed;
    so.gc_stress = gc_stress;
    return sched_run_file(path, &so, out, err, NULL);
}

int vm_cli_run_sequential(const char *path, uint64_t seed, int gc_stress, FILE *out, FILE *err) {
    Vm vm;
    vm_init(&vm, out, seed);
    vm.err = err;
    vm.gc_stress = gc_stress;
    Value entry;
    int status = load(path, &vm, &entry, err);
    if (status == 0) {
        Goroutine *g = vm_goroutine_new(&vm, entry, NULL, 0);
        int st;
        do st = vm_run(&vm, g, INT64_MAX); /* one goroutine: yields just resume */
        while (st == VM_BUDGET || st == VM_PREEMPTED);
        fflush(out);
        if (st == VM_EXIT) {
            status = vm.exit_code;
            if (status) fprintf(err, "exit status %d\n", status); /* as `go run` adds */
        } else if (st == VM_PANICKED) {
            vm_print_panic(&vm, g, err);
            fprintf(err, "exit status 2\n");
            status = 2;
        } else if (st == VM_BLOCKED) {
            /* One goroutine and it cannot proceed: Go's deadlock report. */
            const Frame *f = &g->frames[g->nframes - 1];
            int at = (int)(f->pc - f->p->code);
            fprintf(err, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [%s]:\n%s(...)\n\t%s:%d\n",
                    g->wait, f->p->name, vm.filename, f->p->lines ? f->p->lines[at] : 0);
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

int vm_cli_disasm(const char *path, FILE *out, FILE *err) {
    Vm vm;
    vm_init(&vm, out, 1);
    vm.has_sched = 1; /* the bytecode `run` executes: go statements, sync natives */
    Value entry;
    int status = load(path, &vm, &entry, err);
    if (status == 0) comp_disasm(&vm, out);
    vm_free(&vm);
    return status;
}
