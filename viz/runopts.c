/* runopts: the one parser of run options (see runopts.h). */
#include "runopts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void viz_run_options_init(VizRunOptions *o) {
    memset(o, 0, sizeof *o);
    o->seed = 1;
}

int viz_run_parse_u64(const char *s, uint64_t *out) {
    if (!s || *s < '0' || *s > '9') return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end) return -1;
    *out = v;
    return 0;
}

/* parse_dur: Go-style "10s", "500ms", "2h", "1.5us", or bare ns; -1 on junk. */
static int parse_dur(const char *s, int64_t *out) {
    if (!s || !*s) return -1;
    char *end;
    double v = strtod(s, &end);
    if (end == s || v < 0) return -1;
    static const struct {
        const char *unit;
        double ns;
    } units[] = {{"", 1}, {"ns", 1}, {"us", 1e3}, {"µs", 1e3}, {"ms", 1e6}, {"s", 1e9}, {"m", 60e9}, {"h", 3600e9}};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (strcmp(end, units[k].unit) == 0) {
            *out = (int64_t)(v * units[k].ns + 0.5);
            return 0;
        }
    return -1;
}

int viz_run_option(VizRunOptions *o, int argc, char **argv, int *i, char *err, size_t n) {
    const char *a = argv[*i], *v = *i + 1 < argc ? argv[*i + 1] : NULL;
    uint64_t u;
    int64_t d;
    if (strcmp(a, "--race") == 0) {
        o->race = 1;
        return 1;
    }
    static const char *const with_value[] = {"--seed", "--strategy", "--pct-depth", "--max-steps", "--max-goroutines",
                                             "--max-heap", "--max-vtime", "--schedule", NULL};
    int k = 0;
    while (with_value[k] && strcmp(a, with_value[k]) != 0) k++;
    if (!with_value[k]) return 0;
    if (!v) {
        snprintf(err, n, "%s needs a value", a);
        return -1;
    }
    switch (k) {
    case 0:
        if (viz_run_parse_u64(v, &o->seed) != 0) return snprintf(err, n, "--seed needs a non-negative integer, got '%s'", v), -1;
        break;
    case 1:
        if (strcmp(v, "random") && strcmp(v, "pct") && strcmp(v, "rr"))
            return snprintf(err, n, "--strategy must be random, pct or rr, got '%s'", v), -1;
        o->strategy = v;
        break;
    case 2:
        if (viz_run_parse_u64(v, &u) != 0 || u < 1 || u > 1000) return snprintf(err, n, "--pct-depth needs 1..1000, got '%s'", v), -1;
        o->pct_depth = (int)u;
        break;
    case 3:
        if (viz_run_parse_u64(v, &o->max_steps) != 0) return snprintf(err, n, "--max-steps needs a number, got '%s'", v), -1;
        break;
    case 4:
    case 5:
        if (viz_run_parse_u64(v, &u) != 0 || u > INT64_MAX) return snprintf(err, n, "%s needs a number, got '%s'", a, v), -1;
        if (k == 4) o->max_goroutines = (int64_t)u;
        else o->max_heap = (int64_t)u;
        break;
    case 6:
        if (parse_dur(v, &d) != 0) return snprintf(err, n, "--max-vtime needs a duration (10s, 500ms), got '%s'", v), -1;
        o->max_vtime = d;
        break;
    default: o->schedule = v; break;
    }
    *i += 1;
    return 1;
}

const char *viz_run_options_help(void) {
    return "  --seed N        the seed that chooses every interleaving (default 1)\n"
           "  --strategy S    scheduling strategy: random (default), pct, rr (Go on one processor)\n"
           "  --pct-depth D   pct's bug depth d (default 3)\n"
           "  --max-steps N, --max-goroutines N, --max-heap BYTES, --max-vtime DUR\n"
           "                  limits; reaching one ends the run with exit status 3\n"
           "  --race          run the data-race detector (races marked in red)\n"
           "  --schedule F    replay the schedule recorded in F\n";
}
