/* bench_run: run one Go program through sched_run_file, trace off or on
 * (recorded in memory, not exported), and print `name value unit` lines:
 * wall and CPU time of the run, events, the Trace's memory (trace_stats) per event,
 * peak RSS. Usage: bench_run FILE.go [--trace] [--race] [--seed N]. A benchmark, not
 * part of sim/; tests/bench/bench_sched.sh drives it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "sched.h"
#include "trace.h"

static double clock_s(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bench_run FILE.go [--trace] [--race] [--seed N]\n");
        return 64;
    }
    SchedOptions o;
    sched_options_default(&o);
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--trace")) o.trace = 1;
        else if (!strcmp(argv[i], "--race")) o.race = 1;
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) o.seed = strtoull(argv[++i], NULL, 10);
    }
    FILE *sink = fopen("/dev/null", "w");
    Trace *t = NULL;
    double t0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    int st = sched_run_file(argv[1], &o, sink ? sink : stdout, stderr, o.trace ? &t : NULL);
    double secs = clock_s(CLOCK_MONOTONIC) - t0, cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
    if (sink) fclose(sink);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("status %d\n", st);
    printf("run_wall %.6f s\n", secs);
    printf("run_cpu %.6f s\n", cpu);
    printf("peak_rss %ld KiB\n", ru.ru_maxrss);
    /* user and system parts of the run's CPU (system time is mostly page
     * faults of fresh memory: the trace's chunks, the heap) */
    printf("run_user %.6f s\n", (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6);
    printf("run_sys %.6f s\n", (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6);
    printf("page_faults %ld\n", ru.ru_minflt);
    if (t) {
        TraceStats s;
        trace_stats(t, &s);
        printf("events %u\n", s.events);
        printf("events_per_s %.0f ev/s\n", s.events / secs);
        printf("trace_bytes %zu B\n", s.total_bytes);
        if (s.events) {
            printf("event_bytes_per_event %.2f B\n", (double)s.event_bytes / s.events);
            printf("index_bytes_per_event %.2f B\n", (double)s.index_bytes / s.events);
            printf("keyframe_bytes_per_event %.2f B\n", (double)s.keyframe_bytes / s.events);
            printf("string_bytes_per_event %.2f B\n", (double)s.string_bytes / s.events);
            printf("trace_bytes_per_event %.2f B\n", (double)s.total_bytes / s.events);
        }
        /* the per-goroutine indexes are built when first queried */
        double b0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        (void)trace_g_event_count(t, trace_goroutine_at(t, 0));
        printf("index_build_cpu %.6f s\n", clock_s(CLOCK_PROCESS_CPUTIME_ID) - b0);
        trace_stats(t, &s);
        if (s.events) printf("trace_bytes_per_event_indexed %.2f B\n", (double)s.total_bytes / s.events);
        trace_free(t);
    }
    return st;
}
