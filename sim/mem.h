/* mem: the one door for heap memory in sim/, and growable arrays.
 *
 * Every allocation in sim/ goes through mem_alloc/mem_realloc/mem_free so that
 * bytes can be counted (for --max-heap and benchmarks) and faults injected in
 * tests. Out of memory is our own fatal error, never a user-visible panic.
 */
#ifndef GORO_MEM_H
#define GORO_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* GORO_ASSERT(c): an internal invariant. Failing it is a bug in goro-viz, not
 * in the user's program: print where and abort loudly. */
#define GORO_ASSERT(c)                                                                  \
    do {                                                                                \
        if (!(c)) mem_fatal(__FILE__, __LINE__, "assertion failed: " #c);               \
    } while (0)

/* GORO_HOT: a function of the simulator's inner loop (the interpreter, the
 * scheduler's switch, channel operations, the trace recorder, the race
 * detector's fast paths). The compiler puts them together in .text.hot, so
 * their placement relative to each other does not move when unrelated
 * code changes (a shift of one of them by 256 bytes cost a traced
 * ping-pong 10% with the same instructions). */
#if defined(__GNUC__)
#define GORO_HOT __attribute__((hot))
#else
#define GORO_HOT
#endif

/* mem_fatal: report an internal error at [file]:[line] with [msg] and abort. */
_Noreturn void mem_fatal(const char *file, int line, const char *msg);

/* mem_alloc: [n] zeroed bytes. Never returns NULL (aborts on exhaustion). */
void *mem_alloc(size_t n);

/* mem_realloc: resize [p] from [old_n] to [new_n] bytes; bytes past old_n are
 * zeroed. [p] may be NULL with [old_n] 0. Never returns NULL for new_n > 0. */
void *mem_realloc(void *p, size_t old_n, size_t new_n);

/* mem_grow: mem_realloc without zeroing the bytes past [old_n]: for big
 * rings and stacks whose caller writes every slot before reading it, so
 * the untouched tail of a large block costs no resident memory (glibc
 * moves it with mremap instead of copying). Never returns NULL for
 * new_n > 0. */
void *mem_grow(void *p, size_t old_n, size_t new_n);

/* mem_discard: give the whole pages inside [p, p + n) (part of one live
 * allocation) back to the OS; their bytes become unspecified (zero on
 * Linux), so only for ranges the caller writes before reading again (the
 * consumed part of a big ring). The allocation stays valid. A no-op
 * where the OS offers nothing. */
void mem_discard(void *p, size_t n);

/* MEM_HUGE: 2 MiB, a transparent huge page. */
#define MEM_HUGE ((size_t)2 << 20)

/* mem_alloc_huge: [n] zeroed bytes aligned to MEM_HUGE, mapped from the
 * kernel and advised to it as transparent huge pages (big arenas and
 * logs: one page fault per 2 MiB instead of 512, and no second zeroing:
 * fresh pages are zero). Release with mem_free_huge. Never returns NULL. */
void *mem_alloc_huge(size_t n);

/* mem_free_huge: release [p] of [n] bytes from mem_alloc_huge (or last
 * sized [n] by mem_big_resize); NULL is ignored. */
void mem_free_huge(void *p, size_t n);

/* mem_big_resize: resize a buffer that may grow large (a trace's event
 * chunks and logs, written once, front to back) from [old_n] to [new_n]
 * bytes; bytes past old_n are zeroed. Below MEM_HUGE it is a plain block
 * (mem_realloc); from MEM_HUGE up it is mem_alloc_huge's kind, grown by
 * moving its pages (no copy) and shrunk by unmapping its tail. [p] may be
 * NULL with [old_n] 0; [new_n] 0 frees. Free with mem_big_free(p, n).
 * Under AddressSanitizer (and off Linux) both kinds are heap blocks, which
 * the sanitizer checks. */
void *mem_big_resize(void *p, size_t old_n, size_t new_n);

/* mem_big_free: release [p] of [n] bytes from mem_big_resize. */
void mem_big_free(void *p, size_t n);

/* mem_free: release [p] of [n] bytes (n is needed for the byte count). */
void mem_free(void *p, size_t n);

/* mem_strndup: a NUL-terminated copy of [n] bytes of [s], owned by caller
 * (free with mem_free(p, n + 1)). */
char *mem_strndup(const char *s, size_t n);

/* mem_live_bytes: bytes currently allocated through this funnel. */
size_t mem_live_bytes(void);

/* mem_peak_bytes: the most mem_live_bytes has been since the last
 * mem_peak_reset (or the start); mem_peak_reset: start again from now. */
size_t mem_peak_bytes(void);
void mem_peak_reset(void);

/* mem_fail_after: test hook; make the [n]th following allocation abort via
 * mem_fatal (n < 0 disables). */
void mem_fail_after(long n);

/* MemSlab: fixed-size blocks of up to MEM_SLAB_MAX bytes carved from big
 * chunks, one free list per 8-byte size class: no per-block malloc header
 * or 16-byte rounding (a million parked goroutines and their closures).
 * Blocks are recycled within their class only; chunks go back at
 * mem_slab_release. Under AddressSanitizer every block is its own
 * mem_alloc, so overflows and use after free are still caught. A slab is
 * single-threaded state owned by its user (the Vm); zero-initialise it. */
#define MEM_SLAB_MAX 512
#define MEM_SLAB_CHUNK ((size_t)256 << 10)
typedef struct MemSlab {
    void *free[MEM_SLAB_MAX / 8 + 1]; /* by size class (n + 7) / 8, linked through the first word */
    char *bump;                       /* the current chunk's unused tail */
    size_t left;                      /* bytes at bump */
    void *chunks;                     /* every chunk, linked through its first word */
} MemSlab;

/* mem_slab_alloc: [n] zeroed bytes from [s] (8-byte aligned; plain
 * mem_alloc when n > MEM_SLAB_MAX). Never returns NULL. */
void *mem_slab_alloc(MemSlab *s, size_t n);

/* mem_slab_free: return block [p] of [n] bytes (the size it was allocated
 * with) to [s]; NULL is ignored. */
void mem_slab_free(MemSlab *s, void *p, size_t n);

/* mem_slab_release: free every chunk of [s] (all its blocks die) and reset it. */
void mem_slab_release(MemSlab *s);

/* Growable arrays: a struct with fields `T *items; int len, cap;`.
 *   VEC(T) declares such an anonymous struct type;
 *   VEC_PUSH(v, x) appends, VEC_FREE(v) releases. */
#define VEC(T)                                                                          \
    struct {                                                                            \
        T *items;                                                                       \
        int len, cap;                                                                   \
    }
#define VEC_GROW(v, need) VEC_GROW_WITH(v, need, mem_realloc)
/* VEC_GROW_WITH: VEC_GROW through [resize] (mem_realloc's signature and
 * zeroing: mem_realloc, mem_big_resize) */
#define VEC_GROW_WITH(v, need, resize)                                                  \
    do {                                                                                \
        if ((need) > (v).cap) {                                                         \
            int nc_ = (v).cap ? (v).cap * 2 : 8;                                        \
            while (nc_ < (need)) nc_ *= 2;                                              \
            (v).items = resize((v).items, sizeof *(v).items * (size_t)(v).cap,          \
                               sizeof *(v).items * (size_t)nc_);                        \
            (v).cap = nc_;                                                              \
        }                                                                               \
    } while (0)
#define VEC_PUSH(v, x)                                                                  \
    do {                                                                                \
        VEC_GROW(v, (v).len + 1);                                                       \
        (v).items[(v).len++] = (x);                                                     \
    } while (0)
#define VEC_FREE(v)                                                                     \
    do {                                                                                \
        mem_free((v).items, sizeof *(v).items * (size_t)(v).cap);                       \
        (v).items = NULL;                                                               \
        (v).len = (v).cap = 0;                                                          \
    } while (0)
/* VEC_PUSH_BIG / VEC_FREE_BIG: the same for arrays that may grow large (a
 * trace's per-object tables with a million goroutines), their items in
 * mem_big_resize memory (huge pages from MEM_HUGE up). */
#define VEC_PUSH_BIG(v, x)                                                              \
    do {                                                                                \
        VEC_GROW_WITH(v, (v).len + 1, mem_big_resize);                                  \
        (v).items[(v).len++] = (x);                                                     \
    } while (0)
#define VEC_FREE_BIG(v)                                                                 \
    do {                                                                                \
        mem_big_free((v).items, sizeof *(v).items * (size_t)(v).cap);                   \
        (v).items = NULL;                                                               \
        (v).len = (v).cap = 0;                                                          \
    } while (0)

#endif
