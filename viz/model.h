/* model: what the viewer knows about a run, in viewer terms, without SDL.
 *
 * A ModelRun holds the whole run once (every goroutine and object that ever
 * existed, per-goroutine state lanes, event marks, the source); a Model is the
 * state at one playhead step. Both are filled from the trace API by
 * model_from_trace.c, or by hand in tests. The scene (scene.h) is a pure
 * function of (ModelRun, Model, window size, view options).
 *
 * Invariants: ModelG/ModelObj arrays of a Model are parallel to the run's
 * (index i is the same goroutine/object); object and goroutine references are
 * indices (-1 = none), never Go ids; every string is owned by the run's or the
 * model's arena.
 */
#ifndef GORO_MODEL_H
#define GORO_MODEL_H

#include <stdint.h>

#include "arena.h"
#include "mem.h"
#include "theme.h"

typedef enum ModelObjKind {
    MODEL_CHAN,
    MODEL_MUTEX,
    MODEL_RWMUTEX,
    MODEL_WAITGROUP,
    MODEL_VAR, /* a shared variable the race detector watches */
    MODEL_OTHER
} ModelObjKind;

/* ModelMarkKind: what a timeline mark stands for. */
typedef enum ModelMarkKind {
    MARK_SEND,
    MARK_RECV,
    MARK_CLOSE,
    MARK_LOCK,
    MARK_UNLOCK,
    MARK_WG,
    MARK_GO,
    MARK_PRINT,
    MARK_READ,  /* load of a shared variable */
    MARK_WRITE, /* store to a shared variable */
    MARK_RACE,
    MARK_LOST,  /* a store that overwrote another goroutine's update (lost update) */
    MARK_PANIC,
    MARK_DEADLOCK,
    MARK_OTHER
} ModelMarkKind;

/* ModelGInfo: a goroutine as it is for the whole run. */
typedef struct ModelGInfo {
    int id;           /* Go's goroutine id (main is 1) */
    const char *func; /* "main", "worker", "main.func1" */
    int parent;       /* index of the creating goroutine, -1 for main */
    int born, died;   /* steps of creation and end (died = INT32_MAX if never) */
    int create_line;  /* the `go` statement's line */
    int nsend, nrecv; /* channel sends and receives over the run (for layout) */
} ModelGInfo;

/* ModelObjInfo: a channel, lock, wait group or variable for the whole run. */
typedef struct ModelObjInfo {
    int id;
    ModelObjKind kind;
    const char *name; /* source name (`jobs`, `mu`), or "" */
    const char *elem; /* channel element type ("int"), or "" */
    int cap;          /* channel capacity */
    int born;         /* step of creation */
    int gone;         /* step after which it plays no part (no event, no goroutine
                         waiting on it, nothing held or buffered); 0: never */
    int line;         /* where it was made */
    int senders, receivers; /* goroutine index mostly sending / receiving, -1 */
} ModelObjInfo;

/* ModelSeg: goroutine [g] was in [state] for steps [from, to). Packed in
 * 8 bytes (a run holds one per state change): runs up to 2^28 events. */
typedef struct ModelSeg {
    int from;
    unsigned to : 28;
    unsigned state : 4; /* ThemeState */
} ModelSeg;

/* ModelMark: an event mark on goroutine [g]'s lane at [step]. Packed in 8
 * bytes (one per marked event): goroutine indices below 2^26. */
typedef struct ModelMark {
    int step;
    signed int g : 27;
    unsigned kind : 5; /* ModelMarkKind */
} ModelMark;

typedef VEC(ModelSeg) ModelSegVec;

/* ModelLost: a lost update: goroutine [g] loaded [read_val] from variable
 * [obj], goroutine [victim] stored [victim_val] meanwhile, and at [step] [g]
 * stored [val] over it: the victim's update is gone. */
typedef struct ModelLost {
    int step, g, obj, victim;
    int read_step;     /* when g loaded the value it is storing back */
    const char *val, *victim_val, *read_val;
} ModelLost;

/* ModelRun: everything over the whole run. */
typedef struct ModelRun {
    Arena arena;
    const char *path;     /* source file as given */
    const char *source;   /* the program text */
    const char *title;    /* e.g. "race_counter.go" or "demo: race_counter" */
    uint64_t seed;
    const char *strategy;
    const char *schedule; /* the schedule file this run replays, or NULL */
    int nsteps;           /* events in the run; steps are 0..nsteps-1 */
    int64_t end_ns;       /* virtual time at the end */
    const char *outcome;  /* "exit 0", "deadlock", "panic", "limit" */
    VEC(ModelGInfo) gs;
    VEC(ModelObjInfo) objs;
    ModelSegVec *lanes;   /* lanes[g]: its states, sorted, covering born..end */
    int nlanes;
    VEC(ModelMark) marks; /* sorted by step */
    VEC(int) users;       /* pairs (obj, g): g used obj (send/recv/lock/...) */
    VEC(ModelLost) lost;  /* lost updates, sorted by step */
    int nraces;           /* RACE events in the run */
} ModelRun;

/* ModelG: a goroutine at the playhead. */
typedef struct ModelG {
    int exists;       /* born and not yet collected from view */
    ThemeState state;
    int line;         /* current source line, 0 unknown */
    const char *wait; /* Go's wait reason ("chan receive"), "" when not blocked */
    int wait_obj;     /* object index it is blocked on, -1 */
    int64_t wake_ns;  /* sleeping: virtual time it wakes */
    int in_cycle;     /* part of the deadlock's wait-for cycle */
    int nselect;      /* blocked in select: the channels of its cases */
    int *select_objs;
    int read_obj;     /* a shared variable it has loaded and not yet stored (load-add-store in progress), -1 */
    const char *read_val; /* the value it loaded, or NULL */
    int race;         /* one of the two accesses of the race report at the playhead */
    int race_line;    /* that access's source line (0 unknown) */
} ModelG;

/* ModelObj: an object at the playhead. */
typedef struct ModelObj {
    int exists;
    int closed;          /* channel closed */
    int nbuf;            /* values in the buffer */
    const char **buf;    /* nbuf printed values, oldest first */
    int owner;           /* mutex holder (goroutine index) or -1 */
    int nreaders;        /* rwmutex readers */
    int *readers;
    int nwaiters;        /* goroutines queued on it, in order */
    int *waiters;
    long counter;        /* wait group counter, or a variable's value */
    const char *value;   /* printed value of a shared variable, or NULL */
} ModelObj;

/* ModelEvent: the event at the playhead, for animating tokens. */
typedef struct ModelEvent {
    ModelMarkKind kind;
    int g;             /* goroutine index doing it, -1 */
    int obj;           /* object index, -1 */
    int peer;          /* the other goroutine of a direct hand-off, -1 */
    int slot;          /* buffer slot the value went to / came from, -1 */
    const char *value; /* printed value carried, or NULL */
    const char *text;  /* a one-line description ("g3 sends 4 on jobs") */
} ModelEvent;

/* Model: the state at one step. */
typedef struct Model {
    Arena arena;
    int step;
    int64_t now_ns;
    int ngs, nobjs;
    ModelG *gs;
    ModelObj *objs;
    const char *output; /* everything printed up to and including this step */
    int output_len;
    ModelEvent ev;
    const char *panic;    /* panic text if the run panicked by now, else NULL */
    int deadlock;         /* the deadlock has been reached */
    const char *race;     /* a race report at this step ("DATA RACE on counter..."), or NULL */
    int race_step;        /* the RACE event at this step: its earlier access's step, -1 none */
    const ModelLost *lost; /* the lost update stored at this step, or NULL */
} Model;

/* model_run_free: release what [r] holds (the struct itself is the caller's). */
void model_run_free(ModelRun *r);

/* model_free: release [m]'s arrays and arena. */
void model_free(Model *m);

/* model_run_lanes: allocate [n] empty lanes in [r] (used by producers). */
void model_run_lanes(ModelRun *r, int n);

/* model_alloc: size [m] for the run [r] (ngs/nobjs zeroed, indices -1). */
void model_alloc(Model *m, const ModelRun *r);

/* model_strdup: a copy of [s] in [a]. */
const char *model_strdup(Arena *a, const char *s);

/* model_g_index: the index of the goroutine with Go id [id] in [r], or -1. */
int model_g_index(const ModelRun *r, int id);

/* model_first_mark: the index of the first mark at step >= [step], or marks.len. */
int model_first_mark(const ModelRun *r, int step);

/* model_lost_at: the lost update whose store is at [step], or NULL. O(log n). */
const ModelLost *model_lost_at(const ModelRun *r, int step);

/* model_state_at: goroutine [g]'s state at [step] from its lane
 * (THEME_DONE outside its life). O(log n). */
ThemeState model_state_at(const ModelRun *r, int g, int step);

#endif
