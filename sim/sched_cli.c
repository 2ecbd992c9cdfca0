/* sched_cli: `goro-viz run` and `goro-viz trace` as one library call, so the
 * CLI (viz/main.c) and test drivers only hand over their arguments. */
#include <stdlib.h>
#include <string.h>

#include "sched.h"
#include "schedule.h"

static int usage(FILE *err, const char *why) {
    fprintf(err, "goro-viz: %s\n", why);
    fprintf(err, "usage: goro-viz run FILE.go [--race] [--seed N] [--strategy random|pct|rr] [--pct-depth D]\n"
                 "                     [--max-steps N] [--max-goroutines N] [--max-heap BYTES] [--max-vtime DUR]\n"
                 "                     [--record-schedule F] [--schedule F] [--verify] [--verify-trace F]\n"
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

static int trace_cmd(const char *file, SchedOptions *o, const char *format, const char *outpath, FILE *out,
                     FILE *err);
static int verify_run(const char *file, SchedOptions *o, const char *against, FILE *out, FILE *err);

int sched_cli(int argc, char **argv, FILE *out, FILE *err) {
    if (argc < 2) return usage(err, "missing command");
    int trace = !strcmp(argv[1], "trace");
    if (!trace && strcmp(argv[1], "run")) return usage(err, "unknown command");
    SchedOptions o;
    sched_options_default(&o);
    const char *file = NULL, *format = "text", *outpath = NULL;
    const char *rec_path = NULL, *sch_path = NULL, *verify_path = NULL;
    int verify = 0;
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
        } else if (!strcmp(a, "--record-schedule")) {
            if (!v) return usage(err, "--record-schedule needs a file");
            rec_path = v;
        } else if (!strcmp(a, "--schedule")) {
            if (!v) return usage(err, "--schedule needs a file");
            sch_path = v;
        } else if (!trace && !strcmp(a, "--verify")) {
            verify = 1;
            continue;
        } else if (!trace && !strcmp(a, "--verify-trace")) {
            if (!v) return usage(err, "--verify-trace needs a text trace file");
            verify_path = v;
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
    Schedule rec, sch;
    memset(&rec, 0, sizeof rec);
    memset(&sch, 0, sizeof sch);
    if (sch_path) {
        if (sch_load(&sch, sch_path, err)) return 1;
        sch_options(&sch, &o);
    }
    if (rec_path) {
        sch_header_from(&rec, &o);
        o.record_schedule = &rec;
    }
    int st;
    if (verify || verify_path) st = verify_run(file, &o, verify_path, out, err);
    else if (!trace) st = sched_run_file(file, &o, out, err, NULL);
    else st = trace_cmd(file, &o, format, outpath, out, err);
    if (rec_path && st != 1 && sch_save(&rec, file, rec_path, err) && st == 0) st = 1;
    sch_free(&rec);
    sch_free(&sch);
    return st;
}

/* trace_cmd: run [file] under [o] with a trace, written as [format] to
 * [outpath] or [out]; the program's stdout is recorded, not printed. */
static int trace_cmd(const char *file, SchedOptions *o, const char *format, const char *outpath, FILE *out,
                     FILE *err) {
    /* trace: the program's stdout is recorded in the trace, not printed */
    o->trace = 1;
    char *sbuf = NULL;
    size_t slen = 0;
    FILE *sink = open_memstream(&sbuf, &slen);
    Trace *t = NULL;
    int st = sched_run_file(file, o, sink ? sink : out, err, &t);
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

/* trace_text: [t] as the text export, NUL-terminated (caller frees with
 * free: open_memstream's buffer). */
static char *trace_text(const Trace *t) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    trace_write_text(t, f);
    fclose(f);
    return buf;
}

/* next_line: the line at *[p] (without its newline) into [*len]; advances
 * past it, skipping `# meta` lines (seed and strategy may differ) and
 * `# obj` lines. NULL at the end. */
static const char *next_line(const char **p, size_t *len) {
    for (;;) {
        const char *s = *p;
        if (!*s) return NULL;
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        *p = e ? e + 1 : s + n;
        if (n >= 7 && !strncmp(s, "# meta ", 7)) continue;
        /* `# obj` lines too: memory variables (race.h) are objects made in
         * order of first contended access, which shifts the ids of the rest;
         * events name objects, so a difference still shows there */
        if (n >= 6 && !strncmp(s, "# obj ", 6)) continue;
        *len = n;
        return s;
    }
}

/* compare_traces: the first line where text traces [a] and [b] differ, on
 * [err] as "goro-viz: verify: WHAT differs at event I:" and both lines;
 * returns 0 when equal (and the event count in [*nev]), else -1. */
static int compare_traces(const char *a, const char *b, const char *what, FILE *err, unsigned long *nev) {
    unsigned long n = 0;
    for (;;) {
        size_t la = 0, lb = 0;
        const char *x = next_line(&a, &la), *y = next_line(&b, &lb);
        if (!x && !y) break;
        if (!x || !y || la != lb || memcmp(x, y, la)) {
            const char *l = x ? x : y;
            size_t ll = x ? la : lb;
            if (ll > 1 && l[0] == '#' && l[1] >= '0' && l[1] <= '9')
                fprintf(err, "goro-viz: verify: %s differs at event %lu:\n", what, n);
            else fprintf(err, "goro-viz: verify: %s differs (after %lu events):\n", what, n);
            fprintf(err, "  first:  %.*s\n  second: %.*s\n", x ? (int)la : 5, x ? x : "(end)", y ? (int)lb : 5,
                    y ? y : "(end)");
            return -1;
        }
        if (la > 1 && x[0] == '#' && x[1] >= '0' && x[1] <= '9') n++;
    }
    *nev = n;
    return 0;
}

/* traced: run [file] under [o] with a trace; stdout to [out]; messages to
 * [err]; the text trace into [*text] (NULL on a compile error). */
static int traced(const char *file, const SchedOptions *o, FILE *out, FILE *err, char **text) {
    SchedOptions t = *o;
    t.trace = 1;
    Trace *tr = NULL;
    int st = sched_run_file(file, &t, out, err, &tr);
    *text = tr ? trace_text(tr) : NULL;
    if (tr) trace_free(tr);
    return st;
}

/* verify_run: --verify / --verify-trace: see sched_cli. */
static int verify_run(const char *file, SchedOptions *o, const char *against, FILE *out, FILE *err) {
    Schedule mine;
    memset(&mine, 0, sizeof mine);
    Schedule *rec = o->record_schedule;
    if (!rec && !against) {
        sch_header_from(&mine, o);
        rec = &mine;
    }
    SchedOptions first = *o;
    first.record_schedule = rec;
    char *t1 = NULL, *t2 = NULL, *t3 = NULL;
    int st = traced(file, &first, out, err, &t1);
    int bad = 0;
    unsigned long n = 0;
    if (!t1) goto done;
    char *sbuf = NULL, *ebuf = NULL;
    size_t slen = 0, elen = 0;
    FILE *sink = open_memstream(&sbuf, &slen), *esink = open_memstream(&ebuf, &elen);
    if (!sink || !esink) {
        fprintf(err, "goro-viz: out of memory\n");
        bad = 1;
        goto done;
    }
    if (against) {
        FILE *f = fopen(against, "rb");
        if (!f) {
            fprintf(err, "goro-viz: cannot read %s\n", against);
            bad = 1;
        } else {
            char *buf = NULL;
            size_t len = 0;
            FILE *m = open_memstream(&buf, &len);
            char chunk[4096];
            size_t k;
            while (m && (k = fread(chunk, 1, sizeof chunk, f)) > 0) fwrite(chunk, 1, k, m);
            fclose(f);
            if (m) fclose(m);
            if (buf && compare_traces(buf, t1, "the saved trace (first) and this run (second)", err, &n)) bad = 1;
            free(buf);
        }
    } else {
        SchedOptions again = *o;
        again.record_schedule = NULL;
        traced(file, &again, sink, esink, &t2);
        if (!t2 || compare_traces(t1, t2, "a rerun", err, &n)) bad = 1;
        if (!bad && !o->schedule) {
            SchedOptions rep = *o;
            rep.record_schedule = NULL;
            sch_options(rec, &rep);
            traced(file, &rep, sink, esink, &t3);
            if (!t3 || compare_traces(t1, t3, "the replay of its recorded schedule", err, &n)) bad = 1;
        }
    }
    fclose(sink);
    fclose(esink);
    free(sbuf);
    free(ebuf);
    if (!bad)
        fprintf(err, "goro-viz: verified: %lu events identical (%s)\n", n,
                against ? "the saved trace" : o->schedule ? "a rerun" : "a rerun and the replay of its schedule");
done:
    free(t1);
    free(t2);
    free(t3);
    sch_free(&mine);
    return bad ? 4 : st;
}
