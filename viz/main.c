/* main: the goro-viz command line: parse arguments, dispatch to a command.
 *
 * Exit codes (DESIGN.md §7): 0 ok; 1 compile error or unusable input file;
 * 2 panic or deadlock; 3 a limit was reached; 4 --verify found a divergence;
 * 64 usage error; 66 data race.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "app.h"
#include "cli_explore.h"
#include "cli_shrink.h"
#include "front.h"
#include "hunt_open.h"
#include "runopts.h"
#include "sched.h"
#include "schedule.h"
#include "vm_cli.h"

enum { EXIT_OK = 0, EXIT_COMPILE = 1, EXIT_USAGE = 64 };

static const char usage_text[] =
    "usage: goro-viz [FILE.go] [--seed N] [--strategy S]   open the window\n"
    "       goro-viz run FILE.go [--race] [--seed N] [--strategy S]  run headless, output as go run\n"
    "       goro-viz trace FILE.go [--format text|chrome] [-o F]  write the run's trace\n"
    "       goro-viz check FILE.go                          type-check only\n"
    "       goro-viz disasm FILE.go                         print the bytecode\n"
    "       goro-viz render FILE.go --at WHEN -o out.png    draw one moment\n"
    "       goro-viz explore FILE.go --seeds A..B [--jobs J]  outcomes over many seeds\n"
    "       goro-viz hunt FILE.go --until COND              first seed where COND holds\n"
    "       goro-viz shrink FILE.go --seed N --until COND   fewest preemptions that still fail\n"
    "       goro-viz --help | --version                     (COMMAND --help for more)\n"
    "\n"
    "Commands:\n"
    "  check FILE.go   parse and type-check FILE.go as `go build` would; print\n"
    "                  Go-style diagnostics (FILE:LINE:COL: text) on stderr\n"
    "  run FILE.go     compile and run; the program's output on stdout, panics\n"
    "                  on stderr, exit status as the Go binary's\n"
    "  trace FILE.go   run and write the trace: --format text (one event per\n"
    "                  line, the default) or chrome (Perfetto / chrome://tracing)\n"
    "                  run and trace also take --record-schedule F (write every\n"
    "                  scheduling decision); run takes --verify (run twice and\n"
    "                  compare the traces; exit 4 if they differ)\n"
    "  shrink FILE.go  reduce the seed's failing run to the fewest preemptions\n"
    "                  that still satisfy --until COND (as hunt's) and write\n"
    "                  the schedule (-o F.sched) that `run --schedule` replays\n"
    "  disasm FILE.go  compile and print every function's bytecode\n"
    "  render FILE.go  draw the window's picture at one moment to a PNG, without\n"
    "                  a display: --at STEP|TIME|PCT%|end, -o out.png,\n"
    "                  --size WxH, --theme dark|light, --scale F,\n"
    "                  --frames A..B --fps F -o DIR/ for a numbered sequence,\n"
    "                  --zoom A..B for the timeline's visible range\n"
    "\n"
    "Window and render options:\n"
    "  --demo NAME     show a built-in synthetic trace instead of a run:\n"
    "                  race_counter, worker_pool or deadlock\n"
    "  --theme T       dark (default) or light (for projectors)\n"
    "  --at WHEN       STEP, TIME (150ms), PCT%, end, or the first race, lost\n"
    "                  (lost update), deadlock, panic or alarm (any of them):\n"
    "                  where render draws and where the window opens (a\n"
    "                  --schedule F run opens at its first alarm)\n"
    "  --zoom A..B     the timeline shows only steps A..B (each as --at)\n"
    "  --hunt COND     open the first seed whose run satisfies COND (race,\n"
    "                  deadlock, panic, exit!=N, output~RE: as hunt --until),\n"
    "                  the playhead on the race / deadlock / panic\n"
    "  --seeds A..B    where --hunt looks (default 0..99999)\n"
    "  --scale F       UI scale (0.5 to 4): the window's too (default: the\n"
    "                  platform's HiDPI factor, or the display's DPI / 96)\n"
    "  --speed F       playback speed in events per second (default 4)\n"
    "\n"
    "Run options (every command that runs FILE.go):\n";

static const char usage_tail[] =
    "\n"
    "Options:\n"
    "  -h, --help      show this help and exit\n"
    "  --version       print the version and exit\n"
    "\n"
    "Exit status: 0 ok, 1 compile error or unusable file, 2 panic or deadlock,\n"
    "3 limit reached, 4 --verify found the runs differ, 64 usage error,\n"
    "66 data race found (--race).\n";

/* print_usage: the whole help; the run options' lines come from runopts. */
static void print_usage(FILE *f) {
    fputs(usage_text, f);
    fputs(viz_run_options_help(), f);
    fputs(usage_tail, f);
}

/* Options common to every command. */
typedef struct Opts {
    const char *command; /* NULL: the window */
    const char *file;
    VizRunOptions run;   /* accepted as everywhere; check and disasm do not run */
} Opts;

static int usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, "goro-viz: ");
    fprintf(stderr, fmt, arg);
    fputs("\n\n", stderr);
    print_usage(stderr);
    return EXIT_USAGE;
}

/* parse_args: fill [o] from argv; returns -1 after printing a usage error,
 * 1 when --help/--version was handled, 0 otherwise. */
static int parse_args(int argc, char **argv, Opts *o, int *status) {
    static const char *const commands[] = {"check", "disasm", NULL};
    memset(o, 0, sizeof *o);
    viz_run_options_init(&o->run);
    int i = 1;
    if (i < argc) {
        for (int c = 0; commands[c]; c++)
            if (strcmp(argv[i], commands[c]) == 0) {
                o->command = argv[i++];
                break;
            }
    }
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            print_usage(stdout);
            *status = EXIT_OK;
            return 1;
        } else if (strcmp(a, "--version") == 0) {
            printf("goro-viz %s\n", GORO_VERSION);
            *status = EXIT_OK;
            return 1;
        }
        char err[160];
        int r = viz_run_option(&o->run, argc, argv, &i, err, sizeof err);
        if (r < 0) {
            *status = usage_error("%s", err);
            return -1;
        }
        if (r > 0) continue;
        if (0) {
        } else if (a[0] == '-' && a[1] != 0) {
            *status = usage_error("unknown option '%s'", a);
            return -1;
        } else if (!o->file) {
            o->file = a;
        } else {
            *status = usage_error("unexpected argument '%s' (one FILE.go at a time)", a);
            return -1;
        }
    }
    return 0;
}

static int cmd_file(const Opts *o) {
    if (!o->file) return usage_error("%s needs a FILE.go", o->command);
    if (strcmp(o->command, "disasm") == 0) return vm_cli_disasm(o->file, stdout, stderr);
    return front_check_file(o->file, stderr) == 0 ? EXIT_OK : EXIT_COMPILE;
}

/* default_scenario: the race_counter scenario next to the build tree, or
 * under the install prefix; NULL if neither exists. */
static const char *default_scenario(void) {
    static const char *const places[] = {GORO_SOURCE_DIR "/scenarios/race_counter.go",
                                         GORO_INSTALL_DATADIR "/scenarios/race_counter.go", NULL};
    for (int i = 0; places[i]; i++)
        if (access(places[i], R_OK) == 0) return places[i];
    return NULL;
}

/* make_trace: the viewer's way to run a file: simulate it to the end with
 * the trace on. Compile errors go to stderr as `check` prints them; a
 * panic or deadlock is in the trace, so its text is not printed again. */
static Trace *make_trace(void *ctx, const char *file, const VizRunOptions *run, char *err, size_t errlen) {
    (void)ctx;
    SchedOptions so;
    sched_options_default(&so);
    so.seed = run->seed;
    so.trace = 1;
    so.race = run->race;
    if (run->strategy && sched_strategy_parse(run->strategy, &so.strategy) != 0) {
        snprintf(err, errlen, "unknown strategy %s (random, pct or rr)", run->strategy);
        return NULL;
    }
    if (run->pct_depth) so.pct_depth = run->pct_depth;
    if (run->max_steps) so.max_steps = run->max_steps;
    if (run->max_goroutines) so.max_goroutines = run->max_goroutines;
    if (run->max_heap) so.max_heap = run->max_heap;
    if (run->max_vtime) so.max_vtime = run->max_vtime;
    so.progress = run->progress;
    so.progress_ctx = run->progress_ctx;
    if (run->diag && run->diag_cap) run->diag[0] = 0;
    /* a schedule replays the one seed it was recorded with; other seeds
     * (the window's ] and [) run as usual */
    Schedule sch;
    memset(&sch, 0, sizeof sch);
    if (run->schedule) {
        if (sch_load(&sch, run->schedule, stderr) != 0) {
            err[0] = 0;
            return NULL;
        }
        if (sch.seed == run->seed) sch_options(&sch, &so);
    }
    char *msgs = NULL;
    size_t msgs_len = 0;
    FILE *errf = open_memstream(&msgs, &msgs_len);
    FILE *null = fopen("/dev/null", "w");
    Trace *t = NULL;
    sched_run_file(file, &so, null ? null : errf, errf, &t);
    if (null) fclose(null);
    fclose(errf);
    if (!t) { /* the file did not compile: say why */
        fputs(msgs, stderr);
        if (run->diag && run->diag_cap) snprintf(run->diag, run->diag_cap, "%s", msgs ? msgs : "");
    }
    free(msgs);
    sch_free(&sch);
    err[0] = 0;
    return t;
}

/* run_viewer: the window (render == 0) or headless rendering, with the
 * viewer's own options after [argc]/[argv]. */
static int run_viewer(int render, int argc, char **argv) {
    VizOptions vo;
    viz_options_init(&vo);
    char err[512] = "";
    int r = viz_options_parse(&vo, argc, argv, err, sizeof err);
    if (r != 0) return usage_error("%s", err);
    if (!vo.file && !vo.demo) {
        if (render) return usage_error("%s", "render needs a FILE.go (or --demo NAME)");
        vo.file = default_scenario();
        if (!vo.file) {
            fprintf(stderr, "goro-viz: no FILE.go given and the default scenario race_counter.go "
                            "is not installed\n");
            return EXIT_COMPILE;
        }
    }
    if (render && !vo.out) return usage_error("%s", "render needs -o out.png");
    if (vo.hunt) {
        if (!vo.file) return usage_error("%s", "--hunt needs a FILE.go");
        uint64_t seed = 0;
        const char *at = "end";
        int hr = viz_hunt_seed(vo.file, &vo.run, vo.hunt, vo.seeds, &seed, &at, err, sizeof err);
        if (hr == EXIT_USAGE) {
            fprintf(stderr, "goro-viz: %s\n", err);
            return EXIT_USAGE;
        }
        if (hr != 0) {
            if (err[0]) fprintf(stderr, "goro-viz: %s\n", err);
            return EXIT_COMPILE;
        }
        fprintf(stderr, "goro-viz: seed %llu satisfies %s\n", (unsigned long long)seed, vo.hunt);
        vo.run.seed = seed;
        if (strcmp(at, "race") == 0) vo.run.race = 1; /* the run shown reports it too */
        if (!vo.at) vo.at = at;
    }
    static char strategy[16];
    if (vo.run.schedule) { /* open the schedule's run: its seed and strategy */
        Schedule sch;
        if (sch_load(&sch, vo.run.schedule, stderr) != 0) return EXIT_COMPILE;
        vo.run.seed = sch.seed;
        snprintf(strategy, sizeof strategy, "%s", sch.strategy);
        if (strategy[0]) vo.run.strategy = strategy;
        sch_free(&sch);
        if (!vo.at) vo.at = "alarm";
    }
    vo.make_trace = make_trace;
    return render ? viz_render_png(&vo) : viz_app_run(&vo);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "explore") == 0) return cli_explore(argc - 2, argv + 2);
    if (argc > 1 && strcmp(argv[1], "hunt") == 0) return cli_hunt(argc - 2, argv + 2);
    if (argc > 1 && strcmp(argv[1], "shrink") == 0) return cli_shrink(argc - 2, argv + 2);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            print_usage(stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--version") == 0) {
            printf("goro-viz %s\n", GORO_VERSION);
            return EXIT_OK;
        }
    }
    if (argc > 1 && strcmp(argv[1], "render") == 0) return run_viewer(1, argc - 2, argv + 2);
    if (argc > 1 && (strcmp(argv[1], "run") == 0 || strcmp(argv[1], "trace") == 0)) {
        int st = sched_cli(argc, argv, stdout, stderr);
        fflush(stdout);
        return st;
    }
    if (argc > 1 && strcmp(argv[1], "check") != 0 && strcmp(argv[1], "disasm") != 0)
        return run_viewer(0, argc - 1, argv + 1);
    if (argc == 1) return run_viewer(0, 0, argv + 1);
    Opts o;
    int status = 0;
    int r = parse_args(argc, argv, &o, &status);
    if (r != 0) return status;
    return cmd_file(&o);
}
