/* model_trace: the one place the viewer reads a run: it turns a Trace
 * (sim/trace.h) into the viewer's ModelRun once, and into a Model at any
 * playhead step on demand. No SDL.
 *
 * Steps are event indices: step i shows the state just after event i
 * (trace_state_at(t, i + 1)).
 *
 * Invariants: g_of/o_of map every TraceObj id (1..nobj) to a goroutine index,
 * an object index, or -1; the ModelTrace owns its Trace.
 */
#ifndef GORO_MODEL_TRACE_H
#define GORO_MODEL_TRACE_H

#include "model.h"
#include "trace.h"

/* ModelHold: goroutine loaded [val] from variable [obj] at step [from] and
 * stores it back (modified) at step [to]: a load-modify-store in progress
 * during [from, to). */
typedef struct ModelHold {
    int from, to, obj;
    const char *val;
} ModelHold;

typedef VEC(ModelHold) ModelHoldVec;

typedef struct ModelTrace {
    Trace *trace;
    TraceState st;
    ModelRun run;
    int *g_of, *o_of; /* TraceObj -> goroutine / object index, -1 */
    uint32_t nobj;
    TraceObj *scratch; /* waiters/readers look-ups */
    uint32_t nscratch;
    ModelHoldVec *holds; /* per goroutine index, sorted by from */
} ModelTrace;

/* mtrace_open: take ownership of the finished trace [t] and build [mt]'s
 * run model. [source] (the program text, copied; may be NULL), [path] (shown
 * as the title), [seed] and [strategy] describe the run. */
void mtrace_open(ModelTrace *mt, Trace *t, const char *source, const char *path, uint64_t seed, const char *strategy);

/* mtrace_at: fill [m] with the state at [step] (clamped to the run). [m] must
 * come from model_alloc(m, &mt->run) or an earlier mtrace_at. */
void mtrace_at(ModelTrace *mt, int step, Model *m);

/* mtrace_next_for: the next (dir > 0) or previous (dir < 0) step after
 * [step] whose event concerns goroutine [g] (when g >= 0) or object [obj];
 * -1 if none. */
int mtrace_next_for(const ModelTrace *mt, int step, int dir, int g, int obj);

/* mtrace_close: free the trace and everything built from it. */
void mtrace_close(ModelTrace *mt);

#endif
