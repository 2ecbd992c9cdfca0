/* trace_impl: the Trace's private layout, shared by trace*.c only (never
 * included outside the trace module; the public contract is trace.h).
 *
 * Invariants:
 *   - events live in chunks of TRACE_CHUNK records; record i is
 *     chunks[i >> TRACE_CHUNK_BITS][i & (TRACE_CHUNK - 1)];
 *   - times[] holds (first event index, vtime) for every change of virtual
 *     time, strictly increasing in both; events before times[0].ev have vtime 0;
 *   - objs.items[0] is unused; objects are created in id order and
 *     gidx[info.index] belongs to goroutine object gs.items[info.index];
 *   - keyframe k holds the state after kfs[k].n events; kfs[].n increasing;
 *   - live is the state after all nev events (trace_state_apply of each).
 */
#ifndef GORO_TRACE_IMPL_H
#define GORO_TRACE_IMPL_H

#include "mem.h"
#include "trace.h"

#define TRACE_CHUNK_BITS 12
#define TRACE_CHUNK (1u << TRACE_CHUNK_BITS)
#define TRACE_KIND_BIGARG 0x80 /* TraceRec.kind bit: arg is an index into big */
#define TRACE_STR_CHUNK 65536

/* TraceRec: one stored event, 32 bytes. arg is the int32 argument, or an
 * index into big[] when kind has TRACE_KIND_BIGARG. For CHAN_RECV arg holds
 * the flow event (-1 none); for OUTPUT value holds the length and arg the
 * offset. */
typedef struct TraceRec {
    uint64_t step;
    uint32_t g, obj, line, value;
    uint32_t arg;
    uint8_t kind, aux;
    uint16_t col;
} TraceRec;

typedef struct TraceTimeMark {
    uint32_t ev;
    int64_t vtime;
} TraceTimeMark;

typedef struct TraceStrEnt {
    const char *s;
    uint32_t len;
    uint32_t hash;
} TraceStrEnt;

typedef struct TraceMetaEnt {
    char *key, *value;
} TraceMetaEnt;

typedef struct TraceFuncSpan {
    uint32_t name;
    int first, last;
} TraceFuncSpan;

/* TraceLaneRec: a stored span (its `to` is the next span's from). */
typedef struct TraceLaneRec {
    uint32_t from;
    uint8_t status, reason;
    uint16_t pad;
    TraceObj wait_obj;
} TraceLaneRec;

/* TraceGIdx: recording-side index of one goroutine. */
typedef struct TraceGIdx {
    VEC(uint32_t) ev;
    VEC(TraceLaneRec) lane;
    int64_t last_offer; /* latest CHAN_SEND / GO_BLOCK(chan send), -1 none */
} TraceGIdx;

typedef struct TraceKeyframe {
    uint32_t n;
    size_t off, size; /* bytes in kfdata */
} TraceKeyframe;

struct Trace {
    TraceOptions opt;
    int finished;
    /* events */
    TraceRec **chunks;
    uint32_t nchunks, cap_chunks;
    uint32_t nev;
    uint64_t cur_step; /* of the last event */
    int64_t cur_vtime;
    uint64_t clk_step; /* "now", used by events that leave step/vtime 0 */
    int64_t clk_vtime;
    VEC(int64_t) big;
    VEC(TraceTimeMark) times;
    /* strings: bytes in chunks that never move, entries, open-addressing
     * table of id+1 (0 = empty slot) */
    char **schunks;
    uint32_t nschunks, cap_schunks;
    size_t sused; /* bytes used in the last chunk */
    size_t sbytes;
    VEC(TraceStrEnt) strs;
    uint32_t *htab;
    uint32_t hcap;
    uint32_t int_cache[1024]; /* id + 1 of the decimal text of 0..1023 */
    /* output and metadata */
    char *out;
    uint64_t out_len, out_cap;
    VEC(TraceMetaEnt) meta;
    VEC(TraceFuncSpan) funcs;
    /* objects */
    VEC(TraceObjInfo) objs;
    VEC(TraceObj) gs;
    VEC(TraceObj) by_goid;
    VEC(TraceGIdx) gidx;
    uint32_t kind_count[TRACE_OBJ__COUNT];
    /* live state and keyframes */
    TraceState live;
    VEC(TraceKeyframe) kfs;
    unsigned char *kfdata;
    size_t kf_used, kf_cap;
    uint32_t last_kf_n, next_kf_n;
};

/* trace_rec: record [i] of [t]. */
static inline const TraceRec *trace_rec(const Trace *t, uint32_t i) {
    return &t->chunks[i >> TRACE_CHUNK_BITS][i & (TRACE_CHUNK - 1)];
}

/* trace_time_mark: index into t->times of the mark in force at event [i],
 * -1 if none (vtime 0). */
int64_t trace_time_mark(const Trace *t, uint32_t i);

/* trace_decode: decode record [i] into [*e] with virtual time [vtime]. */
void trace_decode(const Trace *t, uint32_t i, int64_t vtime, TraceEvent *e);

/* trace_kf_take: snapshot t->live as a keyframe (trace_state.c). */
void trace_kf_take(Trace *t);

/* trace_kf_size: bytes a snapshot of [st] would take. */
size_t trace_kf_size(const TraceState *st);

/* trace_list_front: the front pair of [st]'s list for [o]; 0 if empty. */
int trace_list_front(const TraceState *st, TraceObj o, uint32_t *a, uint32_t *b);

#endif
