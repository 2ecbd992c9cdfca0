/* explore: many runs of one program, one per seed, grouped by outcome
 * (`goro-viz explore` and `goro-viz hunt`).
 *
 * A program is compiled once (ExpProgram) and run once per seed through one
 * adapter, exp_run: the only function that knows which run API of sim/ it
 * drives (the sequential VM today, the scheduler's options when it lands).
 * Each run becomes an ExpRecord: exit status, flags, a SHA-256 of stdout, the
 * first stderr line, the last lines of stdout and, with --group-by, a key
 * taken from the output. Records are what workers send to the parent and what
 * `--json` writes (JSON Lines), so a tally of live runs and a tally merged
 * from files are computed by the same code and print the same table.
 *
 * Invariants:
 * - An outcome's identity is a pure function of (exit status, stdout, first
 *   stderr line); the table is a pure function of the multiset of records:
 *   groups sorted by count (descending), then first seed (ascending), each
 *   represented by its smallest seed. So the table does not depend on the
 *   number of workers, shards or the order records arrive in.
 * - Everything here is allocated through sim/mem.h and owned by the struct
 *   that points to it; no globals.
 */
#ifndef GORO_EXPLORE_H
#define GORO_EXPLORE_H

#include <regex.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- running ---- */

/* ExpOptions: how each run is made (besides its seed). */
typedef struct ExpOptions {
    const char *strategy; /* "random" (default when NULL), "pct" or "rr" */
    int pct_depth;        /* pct's d (0: the scheduler's default) */
    uint64_t max_steps;   /* step limit per run (0: the default, 1e8) */
    int race;             /* ask for the race detector when the run API has one */
    struct Schedule *record;          /* non-NULL: record the run's decisions (schedule.h) */
    const struct Schedule *schedule;  /* non-NULL: replay it (its seed and strategy win) */
} ExpOptions;

/* ExpProgram: a program loaded and checked once, run many times. Opaque. */
typedef struct ExpProgram ExpProgram;

/* exp_program_load: read, parse and type-check [path] once. Returns the
 * program (free with exp_program_free), or NULL after printing the errors to
 * [err] (the caller exits 1, as `go run` on a bad file). */
ExpProgram *exp_program_load(const char *path, FILE *err);

/* exp_program_free: release [p]. NULL is fine. */
void exp_program_free(ExpProgram *p);

/* ExpRun: one run's captured result. The buffers are reused from run to run
 * (owned by the ExpRun; release with exp_run_free). out/err are
 * NUL-terminated; out_len/err_len exclude the NUL. */
typedef struct ExpRun {
    int exit;       /* the exit status as a Go binary's (0, 1, 2, 3, 66) */
    char *out;      /* the program's stdout */
    size_t out_len;
    char *err;      /* compile errors, panic/deadlock report, "exit status N" */
    size_t err_len;
    char *obuf, *ebuf; /* open_memstream's buffers (libc-owned) */
    size_t olen, elen;
} ExpRun;

/* exp_run: THE adapter: run [p] once with [seed] under [o], capturing
 * stdout and stderr into [r]. Returns r->exit. Never prints. */
int exp_run(ExpProgram *p, const ExpOptions *o, uint64_t seed, ExpRun *r);

/* exp_races_detectable: whether runs can report data races (the race
 * detector exists); 0 means `hunt --until race` could never succeed. */
int exp_races_detectable(void);

/* exp_run_free: release [r]'s buffers (it may be reused after). */
void exp_run_free(ExpRun *r);

/* ---- records ---- */

enum {
    EXP_F_PANIC = 1,    /* stderr starts "panic: " */
    EXP_F_DEADLOCK = 2, /* "fatal error: all goroutines are asleep" */
    EXP_F_LIMIT = 4,    /* exit 3: a limit ended the run */
    EXP_F_RACE = 8      /* a data race was reported */
};

/* ExpRecord: one seed's outcome. Strings are owned (exp_record_free). */
typedef struct ExpRecord {
    uint64_t seed;
    int exit;
    unsigned flags;     /* EXP_F_* */
    char outcome[17];   /* hex id of (exit, stdout, first stderr line) */
    char sha[65];       /* SHA-256 of stdout, hex */
    char *key;          /* --group-by capture, NULL without --group-by */
    char *first_stderr; /* first line of stderr ("" if none) */
    char *tail;         /* the last lines of stdout (at most EXP_TAIL_LINES) */
} ExpRecord;

/* EXP_TAIL_LINES / EXP_TAIL_BYTES: how much of stdout's end a record keeps
 * (enough to show how outcomes differ). */
#define EXP_TAIL_LINES 4
#define EXP_TAIL_BYTES 400

/* exp_record_make: fill [rec] (previous contents ignored) from run [r] of
 * [seed]; [group_by], when non-NULL, is matched against stdout and its
 * first capture group (or whole match) becomes the key, "(no match)" when
 * it does not match. */
void exp_record_make(ExpRecord *rec, uint64_t seed, const ExpRun *r, const regex_t *group_by);

/* exp_record_free: release [rec]'s strings. */
void exp_record_free(ExpRecord *rec);

/* exp_record_write_json: one JSON object and a newline to [f]:
 * {"seed":N,"exit":N,"outcome":"..","key":"..."|null,"stdout_sha":"..",
 *  "first_stderr":"..","flags":[..],"tail":".."}. */
void exp_record_write_json(const ExpRecord *rec, FILE *f);

/* exp_record_parse_json: parse one line written by exp_record_write_json
 * into [rec] (previous contents ignored). Returns 0, or -1 if the line is
 * not such an object (rec then holds nothing to free). */
int exp_record_parse_json(ExpRecord *rec, const char *line);

/* exp_sha256_hex: SHA-256 of [n] bytes at [data] as 64 hex digits + NUL. */
void exp_sha256_hex(const void *data, size_t n, char out[65]);

/* ---- tally ---- */

/* ExpGroup: one outcome: how many seeds, the first, and its record. */
typedef struct ExpGroup {
    char *id;        /* the outcome id, or the key when grouping by key */
    uint64_t count;
    ExpRecord rep;   /* the record of the smallest seed */
} ExpGroup;

/* ExpTally: groups of records. Zero-initialised is empty. */
typedef struct ExpTally {
    ExpGroup *g;
    size_t n, cap;
    size_t *index; /* open addressing: group index + 1, 0 empty */
    size_t icap;
    uint64_t total;
    int by_key;    /* records carry keys: group by them */
} ExpTally;

/* exp_tally_add: count [rec] (copied; the caller keeps ownership). */
void exp_tally_add(ExpTally *t, const ExpRecord *rec);

/* exp_tally_sorted: the groups sorted as the table shows them (count
 * descending, then first seed ascending); the array is owned by [t] and
 * valid until the next exp_tally_add. */
ExpGroup *exp_tally_sorted(ExpTally *t);

/* exp_tally_label: the readable outcome of group [i] of the sorted groups:
 * "exit N", flags, then the output lines that set it apart (lines shared by
 * every group's tail are dropped), else the first stderr line. Written to
 * [buf] of [n] bytes (cut with "..."). */
void exp_tally_label(ExpTally *t, size_t i, char *buf, size_t n);

/* exp_tally_print: the table (outcome, count, share, first seed), at most
 * [top] rows (0: all) and a line for the rest, to [f]. */
void exp_tally_print(ExpTally *t, FILE *f, size_t top);

/* exp_tally_free: release [t] (it is empty after). */
void exp_tally_free(ExpTally *t);

/* ---- seeds ---- */

/* ExpSeeds: the seeds A..B (inclusive) that are ≡ I mod N. */
typedef struct ExpSeeds {
    uint64_t first, step, count; /* seed k is first + k * step */
} ExpSeeds;

/* exp_seeds_parse: "A..B" or "N" and an optional shard "I/N" (NULL: 0/1)
 * into [s]. Returns 0, or -1 with a reason in [why] (of [n] bytes). */
int exp_seeds_parse(ExpSeeds *s, const char *range, const char *shard, char *why, size_t n);

/* ---- conditions (hunt) ---- */

enum { EXP_C_RACE, EXP_C_DEADLOCK, EXP_C_PANIC, EXP_C_EXIT_NE, EXP_C_EXIT_EQ, EXP_C_OUT_MATCH, EXP_C_OUT_NOMATCH };

/* ExpCond: a hunt condition. */
typedef struct ExpCond {
    int kind;   /* EXP_C_* */
    int status; /* exit!=N / exit==N */
    regex_t re; /* output~RE / output!~RE */
} ExpCond;

/* exp_cond_parse: race | deadlock | panic | exit!=N | exit==N (exit=N) |
 * output~RE | output!~RE (POSIX extended, searched in the whole output; ^ $
 * match at line breaks) into [c]. Returns 0, or -1 with a reason in [why].
 * Free with exp_cond_free after success. */
int exp_cond_parse(ExpCond *c, const char *text, char *why, size_t n);

/* exp_cond_match: whether run [r] (and its record [rec]) satisfies [c]. */
int exp_cond_match(const ExpCond *c, const ExpRun *r, const ExpRecord *rec);

/* exp_cond_free: release [c]'s regex. */
void exp_cond_free(ExpCond *c);

/* exp_regex_compile: compile [re] as the explore commands do (extended,
 * REG_NEWLINE). Returns 0, or -1 with regerror's text in [why]. */
int exp_regex_compile(regex_t *out, const char *re, char *why, size_t n);

#endif
