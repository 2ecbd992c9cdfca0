/* fuzz_run: libFuzzer target over the front end AND the run: whatever
 * compiles is run under tight limits (steps, goroutines, heap, virtual
 * time). Any input must end as a compile error, a clean run, a Go panic,
 * deadlock or a limit: never a crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "front.h"
#include "sched.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static FILE *sink;
    if (!sink) sink = fopen("/dev/null", "w");
    FrontUnit u;
    if (front_compile_string(&u, "fuzz.go", (const char *)data, size, NULL) == 0) {
        SchedOptions o;
        sched_options_default(&o);
        o.max_steps = 20000;
        o.max_goroutines = 64;
        o.max_heap = 8 << 20;
        o.max_vtime = (int64_t)10 * 1000 * 1000 * 1000;
        o.seed = size; /* a different interleaving per input, still deterministic */
        sched_run_checked(&u.src, &u.prog, &o, sink, sink, NULL);
    }
    front_free(&u);
    return 0;
}
