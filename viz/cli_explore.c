/* cli_explore: `goro-viz explore` / `goro-viz hunt` (see cli_explore.h).
 *
 * --jobs J forks J workers after the program is compiled; worker w runs the
 * seeds k ≡ w (mod J) of the sweep in order and writes one JSON line per
 * seed to its pipe. The parent reads line k from worker k mod J, so records
 * (and --json output) come out in seed order and the table is identical for
 * every J.
 */
#include <errno.h>
#include <signal.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli_explore.h"
#include "explore.h"
#include "plot.h"
#include "runopts.h"

enum { EX_OK = 0, EX_NOTFOUND = 1, EX_COMPILE = 1, EX_USAGE = 64, EX_SOFTWARE = 70, EX_CANTCREAT = 73 };

static const char explore_usage[] =
    "usage: goro-viz explore FILE.go [--seeds A..B] [options]\n"
    "       goro-viz explore --merge a.jsonl b.jsonl ... [--plot out.png]\n"
    "\n"
    "Runs FILE.go once per seed and groups the runs by outcome (exit status,\n"
    "output, panic, deadlock, limit): outcome, count, share and first seed.\n"
    "\n"
    "  --seeds A..B         the seeds to run, inclusive (default 0..999); or N\n"
    "  --strategy S         random (default), pct or rr\n"
    "  --pct-depth D        pct's number of priority change points + 1\n"
    "  --max-steps N        step limit per run (exit 3 when reached)\n"
    "  --race               run the race detector: runs with races are their own\n"
    "                       outcome (flag race)\n"
    "  --jobs J             J worker processes (default 1)\n"
    "  --shard I/N          only the seeds = I mod N (for clusters: N machines)\n"
    "  --json               one JSON object per seed on stdout (JSON Lines);\n"
    "                       the table goes to stderr\n"
    "  --merge F...         read JSON Lines files (- for stdin) instead of running\n"
    "  --group-by 'output~RE'  group by RE's first capture group in the output\n"
    "                       (POSIX extended; ^ $ match at line breaks)\n"
    "  --plot out.png       draw the outcome histogram as a PNG\n"
    "  --top K              show K outcomes (default 20, 0 = all)\n"
    "  --no-progress        no progress bar (shown only when stderr is a terminal)\n";

static const char hunt_usage[] =
    "usage: goro-viz hunt FILE.go --until COND [--seeds A..B] [options]\n"
    "\n"
    "Runs seeds in order and stops at the first whose run satisfies COND:\n"
    "  race | deadlock | panic | exit!=N | exit==N | output~REGEX | output!~REGEX\n"
    "(REGEX: POSIX extended, searched in the whole output; ^ $ match at line\n"
    "breaks). Prints `seed N` and the commands that replay and open it.\n"
    "\n"
    "  --seeds A..B         where to look (default 0..999999)\n"
    "  --jobs J             J worker processes (the answer is the same)\n"
    "  --strategy S, --pct-depth D, --max-steps N, --shard I/N: as explore\n"
    "  --no-progress        no progress bar\n"
    "Exit status: 0 found, 1 not found in the range, 64 bad condition.\n";

/* Cli: the options of both commands. */
typedef struct Cli {
    const char *file, *seeds, *shard, *group_by, *plot, *until, *strategy;
    int jobs, json, no_progress, merge;
    size_t top;
    ExpOptions eo;
    const char **inputs; /* --merge files */
    int ninputs;
} Cli;

static int usage(const char *text, const char *fmt, const char *arg) {
    fprintf(stderr, "goro-viz: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n\n%s", text);
    return EX_USAGE;
}

/* parse_cli: fill [c]; returns -1 after printing a usage error (status in
 * *[st]), 1 after --help, 0 otherwise. */
static int parse_cli(Cli *c, int argc, char **argv, int hunt, int *st) {
    const char *text = hunt ? hunt_usage : explore_usage;
    memset(c, 0, sizeof *c);
    c->jobs = 1;
    c->top = 20;
    c->strategy = "random";
    c->inputs = calloc((size_t)argc + 1, sizeof *c->inputs);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        uint64_t n;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(text, stdout);
            *st = EX_OK;
            return 1;
        }
#define NEED_ARG                                                                                       \
    if (!v) {                                                                                          \
        *st = usage(text, "%s needs a value", a);                                                      \
        return -1;                                                                                     \
    }                                                                                                  \
    i++
        if (strcmp(a, "--seeds") == 0) {
            NEED_ARG;
            c->seeds = v;
        } else if (strcmp(a, "--seed") == 0) {
            NEED_ARG;
            c->seeds = v;
        } else if (strcmp(a, "--shard") == 0) {
            NEED_ARG;
            c->shard = v;
        } else if (strcmp(a, "--strategy") == 0) {
            NEED_ARG;
            if (strcmp(v, "random") && strcmp(v, "pct") && strcmp(v, "rr")) {
                *st = usage(text, "--strategy must be random, pct or rr, got '%s'", v);
                return -1;
            }
            c->strategy = v;
        } else if (strcmp(a, "--pct-depth") == 0) {
            NEED_ARG;
            if (viz_run_parse_u64(v, &n) || n < 1 || n > 1000) {
                *st = usage(text, "--pct-depth needs 1..1000, got '%s'", v);
                return -1;
            }
            c->eo.pct_depth = (int)n;
        } else if (strcmp(a, "--max-steps") == 0) {
            NEED_ARG;
            if (viz_run_parse_u64(v, &n) || n == 0) {
                *st = usage(text, "--max-steps needs a positive integer, got '%s'", v);
                return -1;
            }
            c->eo.max_steps = n;
        } else if (strcmp(a, "--jobs") == 0) {
            NEED_ARG;
            if (viz_run_parse_u64(v, &n) || n < 1 || n > 256) {
                *st = usage(text, "--jobs needs 1..256, got '%s'", v);
                return -1;
            }
            c->jobs = (int)n;
        } else if (!hunt && strcmp(a, "--top") == 0) {
            NEED_ARG;
            if (viz_run_parse_u64(v, &n)) {
                *st = usage(text, "--top needs a number, got '%s'", v);
                return -1;
            }
            c->top = (size_t)n;
        } else if (strcmp(a, "--race") == 0) {
            c->eo.race = 1;
        } else if (!hunt && strcmp(a, "--json") == 0) {
            c->json = 1;
        } else if (!hunt && strcmp(a, "--merge") == 0) {
            c->merge = 1;
        } else if (!hunt && strcmp(a, "--group-by") == 0) {
            NEED_ARG;
            if (strncmp(v, "output~", 7) != 0) {
                *st = usage(text, "--group-by needs 'output~REGEX', got '%s'", v);
                return -1;
            }
            c->group_by = v + 7;
        } else if (!hunt && strcmp(a, "--plot") == 0) {
            NEED_ARG;
            c->plot = v;
        } else if (hunt && strcmp(a, "--until") == 0) {
            NEED_ARG;
            c->until = v;
        } else if (strcmp(a, "--no-progress") == 0) {
            c->no_progress = 1;
        } else if (a[0] == '-' && a[1] != 0) {
            *st = usage(text, "unknown option '%s'", a);
            return -1;
        } else if (c->merge) {
            c->inputs[c->ninputs++] = a;
        } else if (!c->file) {
            c->file = a;
        } else {
            *st = usage(text, "unexpected argument '%s' (one FILE.go at a time)", a);
            return -1;
        }
#undef NEED_ARG
    }
    if (c->merge) {
        if (c->group_by || c->json || c->shard || c->seeds || c->jobs > 1) {
            *st = usage(text, "%s", "--merge takes only files, --plot and --top (records carry their keys)");
            return -1;
        }
        /* a FILE.go before --merge is a file to merge too */
        if (c->file) c->inputs[c->ninputs++] = c->file, c->file = NULL;
        if (c->ninputs == 0) {
            *st = usage(text, "%s", "--merge needs one or more JSON Lines files");
            return -1;
        }
        return 0;
    }
    if (!c->file) {
        *st = usage(text, "%s", hunt ? "hunt needs a FILE.go" : "explore needs a FILE.go");
        return -1;
    }
    if (hunt && !c->until) {
        *st = usage(text, "%s", "hunt needs --until COND");
        return -1;
    }
    c->eo.strategy = c->strategy;
    return 0;
}

/* ---- progress bar (stderr, terminals only) ---- */

typedef struct Progress {
    int on;
    uint64_t total, done;
    double start, last;
} Progress;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void progress_start(Progress *p, int on, uint64_t total) {
    memset(p, 0, sizeof *p);
    p->on = on && isatty(2);
    p->total = total;
    if (p->on) p->start = p->last = now_s();
}

static void progress_draw(Progress *p) {
    double t = now_s(), el = t - p->start;
    int width = 30, fill = p->total ? (int)((double)width * (double)p->done / (double)p->total) : width;
    char bar[64];
    for (int i = 0; i < width; i++) bar[i] = i < fill ? '#' : '.';
    bar[width] = 0;
    fprintf(stderr, "\r[%s] %5.1f%%  %" PRIu64 "/%" PRIu64 " seeds  %.0f/s ", bar,
            p->total ? 100.0 * (double)p->done / (double)p->total : 100.0, p->done, p->total,
            el > 0 ? (double)p->done / el : 0.0);
    fflush(stderr);
    p->last = t;
}

static void progress_step(Progress *p) {
    p->done++;
    if (!p->on || (p->done & 63) != 0) return;
    if (now_s() - p->last >= 0.1) progress_draw(p);
}

static void progress_end(Progress *p) {
    if (!p->on) return;
    fprintf(stderr, "\r%*s\r", 78, "");
    fflush(stderr);
}

/* ---- explore ---- */

/* run_flags: the options `goro-viz run` (and the window, which takes the
 * same run options: runopts.h) needs to replay a run of [c]. */
static const char *run_flags(const Cli *c, char *buf, size_t n) {
    buf[0] = 0;
    if (strcmp(c->strategy, "random") != 0) snprintf(buf, n, " --strategy %s", c->strategy);
    if (c->eo.pct_depth) snprintf(buf + strlen(buf), n - strlen(buf), " --pct-depth %d", c->eo.pct_depth);
    if (c->eo.max_steps)
        snprintf(buf + strlen(buf), n - strlen(buf), " --max-steps %" PRIu64, c->eo.max_steps);
    if (c->eo.race) snprintf(buf + strlen(buf), n - strlen(buf), " --race");
    return buf;
}

/* worker: run seeds k = w, w + J, ... of [s], one JSON line each to [f]. */
static void worker(ExpProgram *prog, const Cli *c, const ExpSeeds *s, const regex_t *gb, uint64_t w, FILE *f) {
    ExpRun r;
    memset(&r, 0, sizeof r);
    for (uint64_t k = w; k < s->count; k += (uint64_t)c->jobs) {
        uint64_t seed = s->first + k * s->step;
        exp_run(prog, &c->eo, seed, &r);
        ExpRecord rec;
        exp_record_make(&rec, seed, &r, gb);
        exp_record_write_json(&rec, f);
        exp_record_free(&rec);
    }
    exp_run_free(&r);
}

/* take: one record for the tally (and --json). */
static void take(ExpTally *t, const ExpRecord *rec, const char *line, FILE *json) {
    exp_tally_add(t, rec);
    if (json) {
        if (line) fputs(line, json);
        else exp_record_write_json(rec, json);
    }
}

/* sweep_jobs: the sweep over [s] by c->jobs workers; 0 or EX_SOFTWARE. */
static int sweep_jobs(ExpProgram *prog, const Cli *c, const ExpSeeds *s, const regex_t *gb, ExpTally *t,
                      Progress *pg, FILE *json) {
    int J = c->jobs;
    if ((uint64_t)J > s->count) J = (int)s->count;
    pid_t *pids = calloc((size_t)J, sizeof *pids);
    FILE **in = calloc((size_t)J, sizeof *in);
    fflush(NULL); /* children must not inherit unwritten buffers */
    Cli cj = *c;
    cj.jobs = J;
    for (int w = 0; w < J; w++) {
        int fd[2];
        pid_t pid = -1;
        if (pipe(fd) != 0 || (pid = fork()) < 0) {
            perror("goro-viz: workers");
            for (int k = 0; k < w; k++) {
                kill(pids[k], SIGTERM);
                fclose(in[k]);
                waitpid(pids[k], NULL, 0);
            }
            free(pids);
            free(in);
            return EX_SOFTWARE;
        }
        if (pid == 0) {
            close(fd[0]);
            for (int k = 0; k < w; k++) fclose(in[k]); /* only our own pipe */
            FILE *f = fdopen(fd[1], "w");
            static char obuf[1 << 16];
            setvbuf(f, obuf, _IOFBF, sizeof obuf);
            worker(prog, &cj, s, gb, (uint64_t)w, f);
            fclose(f);
            _exit(0);
        }
        close(fd[1]);
        pids[w] = pid;
        in[w] = fdopen(fd[0], "r");
    }
    int rc = 0;
    char *line = NULL;
    size_t cap = 0;
    for (uint64_t k = 0; k < s->count; k++) {
        int w = (int)(k % (uint64_t)J);
        ExpRecord rec;
        if (getline(&line, &cap, in[w]) < 0 || exp_record_parse_json(&rec, line) != 0) {
            progress_end(pg);
            fprintf(stderr, "goro-viz: worker %d stopped before seed %" PRIu64 " (it crashed?)\n", w,
                    s->first + k * s->step);
            rc = EX_SOFTWARE;
            break;
        }
        take(t, &rec, line, json);
        exp_record_free(&rec);
        progress_step(pg);
    }
    free(line);
    for (int w = 0; w < J; w++) {
        if (rc) kill(pids[w], SIGTERM);
        fclose(in[w]);
        int wst;
        waitpid(pids[w], &wst, 0);
        if (!rc && !(WIFEXITED(wst) && WEXITSTATUS(wst) == 0)) rc = EX_SOFTWARE;
    }
    free(pids);
    free(in);
    return rc;
}

static int sweep_one(ExpProgram *prog, const Cli *c, const ExpSeeds *s, const regex_t *gb, ExpTally *t,
                     Progress *pg, FILE *json) {
    ExpRun r;
    memset(&r, 0, sizeof r);
    for (uint64_t k = 0; k < s->count; k++) {
        uint64_t seed = s->first + k * s->step;
        exp_run(prog, &c->eo, seed, &r);
        ExpRecord rec;
        exp_record_make(&rec, seed, &r, gb);
        take(t, &rec, NULL, json);
        exp_record_free(&rec);
        progress_step(pg);
    }
    exp_run_free(&r);
    return 0;
}

static int merge_files(const Cli *c, ExpTally *t) {
    char *line = NULL;
    size_t cap = 0;
    for (int i = 0; i < c->ninputs; i++) {
        int std = strcmp(c->inputs[i], "-") == 0;
        FILE *f = std ? stdin : fopen(c->inputs[i], "r");
        if (!f) {
            fprintf(stderr, "goro-viz: cannot read %s: %s\n", c->inputs[i], strerror(errno));
            free(line);
            return EX_COMPILE;
        }
        long lineno = 0;
        while (getline(&line, &cap, f) >= 0) {
            lineno++;
            if (line[strspn(line, " \t\r\n")] == 0) continue;
            ExpRecord rec;
            if (exp_record_parse_json(&rec, line) != 0) {
                fprintf(stderr, "goro-viz: %s:%ld: not an explore --json record\n", c->inputs[i], lineno);
                if (!std) fclose(f);
                free(line);
                return EX_COMPILE;
            }
            exp_tally_add(t, &rec);
            exp_record_free(&rec);
        }
        if (!std) fclose(f);
    }
    free(line);
    return 0;
}

/* write_plot: the histogram of [t]: numeric keys in value order (binned when
 * there are many), otherwise the table's order. */
static int write_plot(ExpTally *t, const char *path, const char *title) {
    ExpGroup *g = exp_tally_sorted(t);
    size_t n = t->n > 40 && !t->by_key ? 40 : t->n; /* outcomes: the 39 largest and the rest */
    PlotBar *bars = calloc(n ? n : 1, sizeof *bars);
    char (*labels)[96] = calloc(n ? n : 1, sizeof *labels);
    for (size_t i = 0; i < n; i++) {
        if (t->by_key) snprintf(labels[i], sizeof labels[i], "%s", g[i].id);
        else exp_tally_label(t, i, labels[i], sizeof labels[i]);
        bars[i].label = labels[i];
        bars[i].count = g[i].count;
    }
    if (n < t->n) {
        uint64_t rest = 0;
        for (size_t i = n - 1; i < t->n; i++) rest += g[i].count;
        snprintf(labels[n - 1], sizeof labels[n - 1], "(%zu more outcomes)", t->n - n + 1);
        bars[n - 1].count = rest;
    }
    char why[256] = "";
    int rc = plot_histogram_png(path, title, bars, (int)n, t->by_key, why, sizeof why);
    if (rc != 0) fprintf(stderr, "goro-viz: cannot write %s: %s\n", path, why);
    free(bars);
    free(labels);
    return rc ? EX_CANTCREAT : 0;
}

int cli_explore(int argc, char **argv) {
    Cli c;
    int st = 0;
    int r = parse_cli(&c, argc, argv, 0, &st);
    if (r != 0) {
        free(c.inputs);
        return st;
    }
    ExpTally t;
    memset(&t, 0, sizeof t);
    int rc = 0;
    char title[512];
    if (c.merge) {
        rc = merge_files(&c, &t);
        snprintf(title, sizeof title, "merged %d file%s", c.ninputs, c.ninputs == 1 ? "" : "s");
        if (rc == 0) {
            printf("%s: %" PRIu64 " seeds\n", title, t.total);
            exp_tally_print(&t, stdout, c.top);
        }
    } else {
        ExpSeeds s;
        char why[512];
        regex_t gb;
        if (exp_seeds_parse(&s, c.seeds ? c.seeds : "0..999", c.shard, why, sizeof why) != 0) {
            free(c.inputs);
            return usage(explore_usage, "%s", why);
        }
        if (c.group_by && exp_regex_compile(&gb, c.group_by, why, sizeof why) != 0) {
            free(c.inputs);
            return usage(explore_usage, "%s", why);
        }
        ExpProgram *prog = exp_program_load(c.file, stderr);
        if (!prog) {
            if (c.group_by) regfree(&gb);
            free(c.inputs);
            return EX_COMPILE;
        }
        Progress pg;
        progress_start(&pg, !c.no_progress, s.count);
        FILE *json = c.json ? stdout : NULL;
        rc = c.jobs > 1 ? sweep_jobs(prog, &c, &s, c.group_by ? &gb : NULL, &t, &pg, json)
                        : sweep_one(prog, &c, &s, c.group_by ? &gb : NULL, &t, &pg, json);
        progress_end(&pg);
        exp_program_free(prog);
        if (c.group_by) regfree(&gb);
        char flags[96];
        uint64_t last = s.first + (s.count - 1) * s.step;
        snprintf(title, sizeof title, "%s%s: seeds %" PRIu64 "..%" PRIu64 "%s", c.file, run_flags(&c, flags, sizeof flags),
                 s.first, last, s.step > 1 ? " (shard)" : "");
        if (rc == 0) {
            FILE *f = c.json ? stderr : stdout;
            fflush(stdout);
            fprintf(f, "%s: %" PRIu64 " seeds%s%s\n", c.file, t.total, c.shard ? ", shard " : "", c.shard ? c.shard : "");
            exp_tally_print(&t, f, c.top);
        }
    }
    if (rc == 0 && c.plot) rc = write_plot(&t, c.plot, title);
    exp_tally_free(&t);
    free(c.inputs);
    return rc;
}

/* ---- hunt ---- */

/* matches: run seed k of [s] and test [cond]. */
static int matches(ExpProgram *prog, const Cli *c, const ExpSeeds *s, const ExpCond *cond, uint64_t k, ExpRun *r) {
    uint64_t seed = s->first + k * s->step;
    exp_run(prog, &c->eo, seed, r);
    ExpRecord rec;
    exp_record_make(&rec, seed, r, NULL);
    int m = exp_cond_match(cond, r, &rec);
    exp_record_free(&rec);
    return m;
}

/* hunt_scan: the index of the first seed of [s] satisfying [cond], or
 * s->count; with c->jobs > 1, workers test seeds k = w (mod J) and send one
 * byte per seed ('1' matches), read in seed order, so the answer is the
 * same for every J. -1 if a worker failed. */
static int64_t hunt_scan(ExpProgram *prog, const Cli *c, const ExpSeeds *s, const ExpCond *cond, Progress *pg) {
    ExpRun r;
    memset(&r, 0, sizeof r);
    uint64_t J = (uint64_t)c->jobs < s->count ? (uint64_t)c->jobs : s->count;
    if (J <= 1) {
        uint64_t k;
        for (k = 0; k < s->count && !matches(prog, c, s, cond, k, &r); k++) progress_step(pg);
        exp_run_free(&r);
        return (int64_t)k;
    }
    pid_t pids[256];
    int fds[256];
    fflush(NULL);
    for (uint64_t w = 0; w < J; w++) {
        int fd[2];
        if (pipe(fd) != 0 || (pids[w] = fork()) < 0) {
            perror("goro-viz: workers");
            for (uint64_t v = 0; v < w; v++) kill(pids[v], SIGTERM);
            return -1;
        }
        if (pids[w] == 0) {
            close(fd[0]);
            for (uint64_t v = 0; v < w; v++) close(fds[v]);
            FILE *f = fdopen(fd[1], "w");
            for (uint64_t k = w; k < s->count; k += J) {
                fputc(matches(prog, c, s, cond, k, &r) ? '1' : '0', f);
                if (((k / J) & 255) == 0) fflush(f); /* let the parent see progress */
            }
            fclose(f);
            _exit(0);
        }
        close(fd[1]);
        fds[w] = fd[0];
    }
    FILE *in[256];
    for (uint64_t w = 0; w < J; w++) in[w] = fdopen(fds[w], "r");
    int64_t found = (int64_t)s->count;
    for (uint64_t k = 0; k < s->count; k++) {
        int ch = fgetc(in[k % J]);
        if (ch == '1') {
            found = (int64_t)k;
            break;
        }
        if (ch != '0') {
            found = -1;
            break;
        }
        progress_step(pg);
    }
    for (uint64_t w = 0; w < J; w++) {
        kill(pids[w], SIGTERM); /* done or found: the rest is not needed */
        fclose(in[w]);
        waitpid(pids[w], NULL, 0);
    }
    if (found < 0) {
        progress_end(pg);
        fprintf(stderr, "goro-viz: a worker stopped early (it crashed?)\n");
    }
    return found;
}

int cli_hunt(int argc, char **argv) {
    Cli c;
    int st = 0;
    int r = parse_cli(&c, argc, argv, 1, &st);
    if (r != 0) {
        free(c.inputs);
        return st;
    }
    free(c.inputs);
    char why[512];
    ExpCond cond;
    if (exp_cond_parse(&cond, c.until, why, sizeof why) != 0) return usage(hunt_usage, "%s", why);
    const char *range = c.seeds ? c.seeds : "0..999999";
    ExpSeeds s;
    if (exp_seeds_parse(&s, range, c.shard, why, sizeof why) != 0) {
        exp_cond_free(&cond);
        return usage(hunt_usage, "%s", why);
    }
    if (cond.kind == EXP_C_RACE) {
        if (!exp_races_detectable()) {
            exp_cond_free(&cond);
            fprintf(stderr, "goro-viz: --until race needs the race detector, which this build does not have yet\n");
            return EX_USAGE;
        }
        c.eo.race = 1;
    }
    ExpProgram *prog = exp_program_load(c.file, stderr);
    if (!prog) {
        exp_cond_free(&cond);
        return EX_COMPILE;
    }
    Progress pg;
    progress_start(&pg, !c.no_progress, s.count);
    int64_t k = hunt_scan(prog, &c, &s, &cond, &pg);
    progress_end(&pg);
    char flags[96];
    run_flags(&c, flags, sizeof flags);
    int rc = EX_NOTFOUND;
    if (k < 0) {
        rc = EX_SOFTWARE;
    } else if ((uint64_t)k < s.count) {
        uint64_t seed = s.first + (uint64_t)k * s.step;
        printf("seed %" PRIu64 "\n", seed);
        printf("  replay: goro-viz run %s --seed %" PRIu64 "%s\n", c.file, seed, flags);
        printf("  open:   goro-viz %s --seed %" PRIu64 "%s\n", c.file, seed, flags);
        ExpRun run;
        memset(&run, 0, sizeof run);
        exp_run(prog, &c.eo, seed, &run);
        ExpRecord rec;
        exp_record_make(&rec, seed, &run, NULL);
        const char *tl = strrchr(rec.tail, '\n');
        fflush(stdout);
        fprintf(stderr, "goro-viz: %s holds after %" PRIu64 " run%s (exit %d%s%s)\n", c.until, (uint64_t)k + 1,
                k ? "s" : "", rec.exit, rec.tail[0] ? ", last line: " : "", tl ? tl + 1 : rec.tail);
        exp_record_free(&rec);
        exp_run_free(&run);
        rc = EX_OK;
    } else {
        printf("not found: no seed in %s%s%s satisfies %s (%" PRIu64 " runs)\n", range, c.shard ? " shard " : "",
               c.shard ? c.shard : "", c.until, s.count);
    }
    exp_program_free(prog);
    exp_cond_free(&cond);
    return rc;
}
