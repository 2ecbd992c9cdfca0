/* trace_impl: the Trace's private layout, shared by trace*.c only (never
 * included outside the trace module; the public contract is trace.h).
 *
 * Invariants:
 *   - events are encoded in dchunks (see below); blks[b] decodes event
 *     b * TRACE_BLK; nev events, dused(t) bytes; wr holds the last event's
 *     fields (what the next one is encoded against);
 *   - times[] holds (first event index, vtime) for every change of virtual
 *     time, strictly increasing in both; events before times[0].ev have vtime 0;
 *   - objs.items[0] is unused; objects are created in id order and
 *     grec[info.index] belongs to goroutine object gs.items[info.index];
 *   - gi is valid only while gi.built and gi.n == nev;
 *   - keyframe k holds the state after kfs[k].n events; kfs[].n increasing;
 *   - live is the state after all nev events (trace_state_apply of each);
 *   - while nev < fast_lim: nev is not a block start, nev + 1 < next_kf_n,
 *     the chunk has room for TRACE_EV_MAX bytes and the lane log for two
 *     entries for each event up to fast_lim, and clk_vtime == cur_vtime
 *     (what lets record's fast path skip every rare step: set_fast_lim).
 */
#ifndef GORO_TRACE_IMPL_H
#define GORO_TRACE_IMPL_H

#include <string.h>

#include "mem.h"
#include "trace.h"

#define TRACE_STR_CHUNK 65536

/* TRACE_INLINE: a static function the recording path needs inlined (one
 * copy for recording, one for replaying, each specialised) */
#if defined(__GNUC__)
#define TRACE_INLINE static inline __attribute__((always_inline))
#else
#define TRACE_INLINE static inline
#endif

/* TRACE_DASSERT: GORO_ASSERT on the recording path, left out of a release
 * (NDEBUG) build: it checks the caller's arguments (ids in range, not
 * finished) on every event, some 10 instructions of the ~130 an event takes */
#ifdef NDEBUG
#define TRACE_DASSERT(c) ((void)0)
#else
#define TRACE_DASSERT(c) GORO_ASSERT(c)
#endif

/* Integer values. The canonical decimal text of -2^30 <= v < 2^30 is not
 * stored as a string: its id is TRACE_INT_TAG + (v + TRACE_INT_BIAS) (so
 * trace_intern_int costs nothing and ids of close values are close); its
 * text is made only when trace_str asks for it (t->itexts). Every other id
 * is below TRACE_INT_TAG, an index into t->strs. */
/* TRACE_INT_TAG, TRACE_INT_BIAS: trace.h (trace_intern_int inline) */
#define TRACE_INT_ZERO (TRACE_INT_TAG + TRACE_INT_BIAS) /* the id of "0" */

/* Event store. Events are varint-encoded into a byte stream kept in chunks
 * of TRACE_DCHUNK bytes (an event never straddles two chunks: the writer
 * leaves a TRACE_SKIP byte, or nothing, at the end of a chunk and goes on
 * at the next one). Each is encoded relative to the event before it:
 *   byte 0   kind | TRACE_B_EXTRA | TRACE_B_AUX
 *   byte 1   TRACE_F_* flags: which of the fields below follow
 *   aux (1 byte), step - previous step, g (if it changed), obj,
 *   zigzag(line - previous line), col, value, zigzag(arg), extra
 * all unsigned LEB128. value: a string id s as s << 1; an integer's id as
 * zigzag(id - previous integer's id) << 1 | 1 (the previous integer of the
 * block: TRACE_INT_ZERO at the start of each block). extra: CHAN_RECV's (index - flow) (absent: flow -1;
 * its arg is then the sending goroutine, already resolved), OUTPUT's
 * length (its arg is the offset). Every TRACE_BLK events a TraceBlk holds
 * where the next one starts and the "previous" fields, so event i decodes
 * from its block's start: O(TRACE_BLK). */
#define TRACE_BLK_BITS 5
#define TRACE_BLK (1u << TRACE_BLK_BITS)
#define TRACE_DCHUNK_BITS 21
#define TRACE_DCHUNK (1u << TRACE_DCHUNK_BITS)
#define TRACE_EV_MAX 64 /* bytes an encoded event may take, at most */
#define TRACE_SKIP 0xFF /* never a valid byte 0 (kinds are < 63) */
enum { TRACE_B_EXTRA = 0x40, TRACE_B_AUX = 0x80 };
enum {
    TRACE_F_STEP = 1,
    TRACE_F_G = 2,
    TRACE_F_OBJ = 4,
    TRACE_F_LINE = 8,
    TRACE_F_COL = 16,
    TRACE_F_VALUE = 32,
    TRACE_F_ARG = 64
};

/* TraceBlk: where block b (events b*TRACE_BLK...) starts and the fields of
 * the event before it (0 for block 0). */
typedef struct TraceBlk {
    uint64_t off;
    uint64_t step;
    uint32_t g, line;
} TraceBlk;

/* TraceCur: a position in the event stream: event i starts at byte off;
 * step, g, line are those of event i - 1. */
typedef struct TraceCur {
    uint64_t off;
    uint64_t step;
    uint32_t g, line;
    uint32_t i;
    uint32_t ival; /* id of the block's latest integer value so far */
} TraceCur;

/* TraceRaw: one event as stored (see above for arg and extra). */
typedef struct TraceRaw {
    uint8_t kind, aux, has_extra;
    uint16_t col;
    uint32_t g, obj, line, value;
    uint64_t step;
    int64_t arg;
    uint64_t extra;
} TraceRaw;

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

/* TraceGRec: recording-side facts about one goroutine (by kind index):
 * its latest offer, for flow lookups (4 bytes: a million goroutines). */
typedef struct TraceGRec {
    uint32_t offer1; /* latest CHAN_SEND / GO_BLOCK(chan send) + 1, 0 none */
} TraceGRec;

/* Per-goroutine indexes, built from the events and the lane log when first
 * queried (and again if events came since), once for good at trace_finish.
 * Goroutine k's events (lanes) are ev_n (lane_n) entries in checkpoints of
 * TRACE_GCK: checkpoint j holds entry 16j's event index (span start) and
 * the data offset of what follows; the data holds varint deltas of the
 * other entries' indexes (lanes: delta of from except at a checkpoint, a
 * status | reason << 3 byte, varint wait_obj). */
#define TRACE_GCK 16
typedef struct TraceGHdr {
    uint32_t ev_n, ev_ck, lane_n, lane_ck;
} TraceGHdr;
typedef struct TraceCk {
    uint32_t v;
    uint32_t off;
} TraceCk;
typedef struct TraceGIndex {
    int built;
    uint32_t n; /* events it covers */
    TraceGHdr *gh;
    uint32_t ngh;
    TraceCk *evck, *laneck;
    uint32_t nevck, nlaneck;
    unsigned char *evdata, *lanedata;
    size_t evbytes, lanebytes;
} TraceGIndex;

typedef struct TraceKeyframe {
    uint32_t n;
    size_t off, size; /* bytes in kfdata */
} TraceKeyframe;

struct Trace {
    TraceOptions opt;
    int finished;
    uint32_t emit_lim; /* events may be emitted while nev < emit_lim (0 once finished) */
    uint32_t fast_lim; /* events below it may take record's fast path (set_fast_lim) */
    /* events */
    unsigned char **dchunks;
    uint32_t ndchunks, cap_dchunks;
    size_t last_dchunk_size; /* the last chunk's allocated bytes */
    uint64_t dused;          /* stream offset where the next event goes, when
                                wchunk is NULL; else wbase + (wp - wchunk) */
    unsigned char *wchunk;   /* the chunk being written, starting at offset wbase */
    uint64_t wbase;
    unsigned char *wp, *wlim; /* the next event goes at wp; wp < wlim: it fits */
    TraceCur wr;             /* writer: fields of the last event */
    TraceCur rd;             /* reader cache: sequential decoding is O(1) */
    TraceRaw rd_last;        /* event rd.i - 1, decoded (valid if rd.i > 0) */
    VEC(TraceBlk) blks;
    uint32_t nev;
    int64_t cur_vtime;
    uint64_t clk_step; /* "now", used by events that leave step/vtime 0 */
    int64_t clk_vtime;
    struct {
        uint32_t ev;
        TraceObj g;
    } send_g[256]; /* recent CHAN_SENDs' goroutines by index (flow lookups) */
    VEC(TraceTimeMark) times;
    /* strings: bytes in chunks that never move, entries, open-addressing
     * table of id+1 (0 = empty slot) */
    char **schunks;
    uint32_t nschunks, cap_schunks;
    size_t sused; /* bytes used in the last chunk */
    size_t sbytes;
    VEC(TraceStrEnt) strs;
    uint64_t *htab; /* hash << 32 | id + 1: probes compare hashes in place */
    uint32_t hcap, hused;
    /* texts of integer ids made so far (trace_str): open addressing of
     * (id, its bytes), id 0 = empty slot; the bytes live in schunks */
    struct TraceIText {
        uint32_t id, len;
        const char *s;
    } *itexts;
    uint32_t icap, iused;
    /* output and metadata */
    char *out;
    uint64_t out_len, out_cap;
    VEC(TraceMetaEnt) meta;
    VEC(TraceFuncSpan) funcs;
    /* objects */
    VEC(TraceObjInfo) objs;
    VEC(TraceObj) gs;
    VEC(TraceObj) by_goid;
    VEC(int32_t) ogk;    /* by object: its index among the goroutines, or -1 */
    VEC(TraceGRec) grec;
    unsigned char *llog; /* lane log: varint k, from delta, sr byte, wait_obj */
    unsigned char *llog_w, *llog_lim; /* the next entry goes at llog_w; room while below llog_lim */
    size_t llog_cap;
    uint32_t llog_from;  /* from of the last logged change */
    TraceGIndex gi;
    uint32_t kind_count[TRACE_OBJ__COUNT];
    /* live state and keyframes */
    TraceState live;
    VEC(TraceKeyframe) kfs;
    unsigned char *kfdata;
    size_t kf_used, kf_cap;
    uint32_t last_kf_n, next_kf_n;
};

/* trace_raw_at: decode stored event [i] of [t] into [*r] (through t's
 * reader cache: O(1) when i follows the last decoded event). */
void trace_raw_at(const Trace *t, uint32_t i, TraceRaw *r);

/* trace_time_mark: index into t->times of the mark in force at event [i],
 * -1 if none (vtime 0). */
int64_t trace_time_mark(const Trace *t, uint32_t i);

/* trace_decode: decode record [i] into [*e] with virtual time [vtime]. */
void trace_decode(const Trace *t, uint32_t i, int64_t vtime, TraceEvent *e);

/* trace_state_grow: make room in [st] for object ids up to [o]. */
void trace_state_grow(TraceState *st, uint32_t o);

/* trace_state_reserve: trace_state_grow unless there is room already. */
static inline void trace_state_reserve(TraceState *st, uint32_t o) {
    if (o >= st->cap_objs) trace_state_grow(st, o);
}

/* trace_kf_take: snapshot t->live as a keyframe (trace_state.c). */
void trace_kf_take(Trace *t);

/* trace_kf_size: bytes a snapshot of [st] would take. */
size_t trace_kf_size(const TraceState *st);

/* trace_list_front: the front pair of [st]'s list for [o]; 0 if empty. */
int trace_list_front(const TraceState *st, TraceObj o, uint32_t *a, uint32_t *b);

/* trace_put_uv: [v] as unsigned LEB128 at [p]; returns the end. */
static inline unsigned char *trace_put_uv(unsigned char *p, uint64_t v) {
    while (v >= 0x80) {
        *p++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *p++ = (unsigned char)v;
    return p;
}

/* trace_llog_grow: room for one more lane log entry (trace.c). */
void trace_llog_grow(Trace *t);

/* trace_lane_changed: object [o] took [status], [reason], [wait_obj] at
 * event [idx]: logged as a lane span if [o] is a goroutine (inline: the
 * recording transition calls it). [fast]: the caller made sure of room. */
static inline void trace_lane_changed(Trace *t, TraceObj o, unsigned status, unsigned reason, TraceObj wait_obj,
                                      uint32_t idx, int fast) {
    int32_t k = t->ogk.items[o];
    if (k < 0) return;
    if (!fast && (uintptr_t)t->llog_w >= (uintptr_t)t->llog_lim) trace_llog_grow(t);
    unsigned char *p = t->llog_w;
    uint32_t d = idx - t->llog_from;
    uint32_t sr = status | reason << 3; /* < 128: one LEB128 byte */
    if (((uint32_t)k | d | wait_obj) < 0x80) { /* the common case: four bytes */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        uint32_t w = (uint32_t)k | d << 8 | sr << 16 | wait_obj << 24; /* one store */
        memcpy(p, &w, 4);
#else
        p[0] = (unsigned char)k;
        p[1] = (unsigned char)d;
        p[2] = (unsigned char)sr;
        p[3] = (unsigned char)wait_obj;
#endif
        p += 4;
    } else {
        p = trace_put_uv(p, (uint32_t)k);
        p = trace_put_uv(p, d);
        *p++ = (unsigned char)sr;
        p = trace_put_uv(p, wait_obj);
    }
    t->llog_w = p;
    t->llog_from = idx;
}

#endif
