/* sched_cli: `goro-viz run` and `goro-viz trace` as one library call, so the
 * CLI (viz/main.c) and test drivers only hand over their arguments. */
#include <stdlib.h>
#include <string.h>

#include "sched.h"

static int usage(FILE *err, const char *why) {
    fprintf(err, "goro-viz: %s\n", why);
    fprintf(err, "usage: goro-viz run FILE.go [--race] [--seed N] [--strategy random|pct|rr] [--pct-depth D]\n"
                 "                     [--max-steps N] [--max-goroutines N] [--max-heap BYTES] [--max-vtime DUR]\n"
                 "       goro-viz trace FILE.go [same options] [--format text|chrome] [-o FILE]\n");
    return 64;
}

/* parse_u64: a decimal number, -1 on junk. */
static int parse_u64(const char *s, uint64_t *out) {
    char *end;
    if (!s || !*s) return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end) return -1;
    *out = v;
    return 0;
}

/* parse_dur: "10s", "500ms", "2h", "100" (ns) into ns; -1 on junk. */
static int parse_dur(const char *s, int64_t *out) {
    char *end;
    if (!s || !*s) return -1;
    double v = strtod(s, &end);
    double mul = 1;
    if (!strcmp(end, "") || !strcmp(end, "ns")) mul = 1;
    else if (!strcmp(end, "us") || !strcmp(end, "µs")) mul = 1e3;
    else if (!strcmp(end, "ms")) mul = 1e6;
    else if (!strcmp(end, "s")) mul = 1e9;
    else if (!strcmp(end, "m")) mul = 60e9;
    else if (!strcmp(end, "h")) mul = 3600e9;
    else return -1;
    *out = (int64_t)(v * mul);
    return 0;
}

int sched_cli(int argc, char **argv, FILE *out, FILE *err) {
    if (argc < 2) return usage(err, "missing command");
    int trace = !strcmp(argv[1], "trace");
    if (!trace && strcmp(argv[1], "run")) return usage(err, "unknown command");
    SchedOptions o;
    sched_options_default(&o);
    const char *file = NULL, *format = "text", *outpath = NULL;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        uint64_t u;
        int64_t d;
        if (!strcmp(a, "--race")) { /* race.h: no value */
            o.race = 1;
            continue;
        }
        if (!strcmp(a, "--seed")) {
            if (parse_u64(v, &o.seed)) return usage(err, "--seed needs a number");
        } else if (!strcmp(a, "--strategy")) {
            if (!v || sched_strategy_parse(v, &o.strategy)) return usage(err, "--strategy is random, pct or rr");
        } else if (!strcmp(a, "--pct-depth")) {
            if (parse_u64(v, &u) || u < 1 || u > 1000) return usage(err, "--pct-depth needs 1..1000");
            o.pct_depth = (int)u;
        } else if (!strcmp(a, "--max-steps")) {
            if (parse_u64(v, &o.max_steps)) return usage(err, "--max-steps needs a number");
        } else if (!strcmp(a, "--max-goroutines")) {
            if (parse_u64(v, &u)) return usage(err, "--max-goroutines needs a number");
            o.max_goroutines = (int64_t)u;
        } else if (!strcmp(a, "--max-heap")) {
            if (parse_u64(v, &u)) return usage(err, "--max-heap needs a number of bytes");
            o.max_heap = (int64_t)u;
        } else if (!strcmp(a, "--max-vtime")) {
            if (parse_dur(v, &d)) return usage(err, "--max-vtime needs a duration (10s, 500ms)");
            o.max_vtime = d;
        } else if (trace && !strcmp(a, "--format")) {
            if (!v || (strcmp(v, "text") && strcmp(v, "chrome"))) return usage(err, "--format is text or chrome");
            format = v;
        } else if (trace && !strcmp(a, "-o")) {
            if (!v) return usage(err, "-o needs a file");
            outpath = v;
        } else if (a[0] == '-') {
            return usage(err, "unknown option");
        } else {
            if (file) return usage(err, "one FILE.go at a time");
            file = a;
            continue;
        }
        i++;
    }
    if (!file) return usage(err, "missing FILE.go");
    if (!trace) return sched_run_file(file, &o, out, err, NULL);
    /* trace: the program's stdout is recorded in the trace, not printed */
    o.trace = 1;
    char *sbuf = NULL;
    size_t slen = 0;
    FILE *sink = open_memstream(&sbuf, &slen);
    Trace *t = NULL;
    int st = sched_run_file(file, &o, sink ? sink : out, err, &t);
    if (sink) fclose(sink);
    free(sbuf);
    if (!t) return st;
    FILE *f = outpath ? fopen(outpath, "w") : out;
    if (!f) {
        fprintf(err, "goro-viz: cannot write %s\n", outpath);
        trace_free(t);
        return 1;
    }
    if (!strcmp(format, "chrome")) trace_write_chrome(t, f);
    else trace_write_text(t, f);
    if (outpath) fclose(f);
    trace_free(t);
    return st;
}
