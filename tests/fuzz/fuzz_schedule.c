/* fuzz_schedule: libFuzzer target over the schedule file parser and the
 * replayer (schedule.h). The input is a schedule file for one of a few fixed
 * programs (compiled once; the one named in the input's `# ... FILE`
 * comment, else scenarios/race_counter.go). It must parse to a clear error
 * or replay to a run under limits: never a crash, leak or hang. A schedule
 * that parses must also survive sch_write + sch_parse unchanged, and replay
 * deterministically (a quarter of the inputs are replayed twice and must
 * give the same stdout, stderr and status). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front.h"
#include "sched.h"
#include "schedule.h"

#ifndef GORO_SRC_ROOT
#define GORO_SRC_ROOT "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const programs[] = {"race_counter.go", "timeout_context.go", "producer_consumer.go",
                                       "deadlock_lock_order.go"};
enum { NPROG = sizeof programs / sizeof programs[0] };

static FrontUnit units[NPROG];
static int loaded[NPROG];

static FrontUnit *program(int k) {
    if (!loaded[k]) {
        char path[1024];
        snprintf(path, sizeof path, "%s/scenarios/%s", GORO_SRC_ROOT, programs[k]);
        if (front_compile_file(&units[k], path, stderr) != 0) {
            fprintf(stderr, "fuzz_schedule: cannot compile %s\n", path);
            abort();
        }
        loaded[k] = 1;
    }
    return &units[k];
}

static int run(FrontUnit *u, const Schedule *s, char **out, size_t *outn, char **err, size_t *errn) {
    SchedOptions o;
    sched_options_default(&o);
    o.max_steps = 50000;
    o.max_goroutines = 256;
    o.max_heap = 16 << 20;
    o.max_vtime = (int64_t)100 * 1000 * 1000 * 1000;
    sch_options(s, &o);
    FILE *fo = open_memstream(out, outn), *fe = open_memstream(err, errn);
    if (!fo || !fe) abort();
    int st = sched_run_checked(&u->src, &u->prog, &o, fo, fe, NULL);
    fclose(fo);
    fclose(fe);
    return st;
}

static char *written(const Schedule *s, size_t *n) {
    char *txt = NULL;
    FILE *f = open_memstream(&txt, n);
    if (!f || sch_write(s, "fuzz", f) != 0) abort();
    fclose(f);
    return txt;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Schedule s;
    char why[256];
    if (sch_parse(&s, (const char *)data, size, why, sizeof why) != 0) {
        if (strncmp(why, "line ", 5)) {
            fprintf(stderr, "fuzz_schedule: an error without its line: %s\n", why);
            abort();
        }
        return 0;
    }
    /* the text form round-trips */
    size_t n1 = 0, n2 = 0;
    char *t1 = written(&s, &n1);
    Schedule back;
    if (sch_parse(&back, t1, n1, why, sizeof why) != 0) {
        fprintf(stderr, "fuzz_schedule: a written schedule does not parse: %s\n%s\n", why, t1);
        abort();
    }
    char *t2 = written(&back, &n2);
    if (n1 != n2 || memcmp(t1, t2, n1)) {
        fprintf(stderr, "fuzz_schedule: write/parse/write changes the text\n%s\n---\n%s\n", t1, t2);
        abort();
    }
    free(t1);
    free(t2);
    sch_free(&back);
    (void)sch_preemptions(&s);

    int k = 0;
    for (int i = 0; i < NPROG; i++) {
        size_t L = strlen(programs[i]);
        for (size_t j = 0; j + L <= size; j++)
            if (!memcmp(data + j, programs[i], L)) {
                k = i;
                goto found;
            }
    }
found:;
    FrontUnit *u = program(k);
    char *o1 = NULL, *e1 = NULL;
    size_t on1 = 0, en1 = 0;
    int st1 = run(u, &s, &o1, &on1, &e1, &en1);
    if (st1 != 0 && st1 != 2 && st1 != 3) {
        fprintf(stderr, "fuzz_schedule: exit status %d\n", st1);
        abort();
    }
    if (size % 4 == 0) {
        char *o2 = NULL, *e2 = NULL;
        size_t on2 = 0, en2 = 0;
        int st2 = run(u, &s, &o2, &on2, &e2, &en2);
        if (st1 != st2 || on1 != on2 || en1 != en2 || memcmp(o1, o2, on1) || memcmp(e1, e2, en1)) {
            fprintf(stderr, "fuzz_schedule: two replays differ (status %d, %d)\n--- stderr 1:\n%s\n--- stderr 2:\n%s\n",
                    st1, st2, e1, e2);
            abort();
        }
        free(o2);
        free(e2);
    }
    free(o1);
    free(e1);
    sch_free(&s);
    return 0;
}
