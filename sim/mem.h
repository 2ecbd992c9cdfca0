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

/* mem_fatal: report an internal error at [file]:[line] with [msg] and abort. */
_Noreturn void mem_fatal(const char *file, int line, const char *msg);

/* mem_alloc: [n] zeroed bytes. Never returns NULL (aborts on exhaustion). */
void *mem_alloc(size_t n);

/* mem_realloc: resize [p] from [old_n] to [new_n] bytes; bytes past old_n are
 * zeroed. [p] may be NULL with [old_n] 0. Never returns NULL for new_n > 0. */
void *mem_realloc(void *p, size_t old_n, size_t new_n);

/* mem_alloc_huge: [n] zeroed bytes aligned to 2 MiB and advised to the
 * kernel as transparent huge pages (big arenas: one page fault per 2 MiB
 * instead of 512). Release with mem_free. Never returns NULL. */
void *mem_alloc_huge(size_t n);

/* mem_free: release [p] of [n] bytes (n is needed for the byte count). */
void mem_free(void *p, size_t n);

/* mem_strndup: a NUL-terminated copy of [n] bytes of [s], owned by caller
 * (free with mem_free(p, n + 1)). */
char *mem_strndup(const char *s, size_t n);

/* mem_live_bytes: bytes currently allocated through this funnel. */
size_t mem_live_bytes(void);

/* mem_fail_after: test hook; make the [n]th following allocation abort via
 * mem_fatal (n < 0 disables). */
void mem_fail_after(long n);

/* Growable arrays: a struct with fields `T *items; int len, cap;`.
 *   VEC(T) declares such an anonymous struct type;
 *   VEC_PUSH(v, x) appends, VEC_FREE(v) releases. */
#define VEC(T)                                                                          \
    struct {                                                                            \
        T *items;                                                                       \
        int len, cap;                                                                   \
    }
#define VEC_GROW(v, need)                                                               \
    do {                                                                                \
        if ((need) > (v).cap) {                                                         \
            int nc_ = (v).cap ? (v).cap * 2 : 8;                                        \
            while (nc_ < (need)) nc_ *= 2;                                              \
            (v).items = mem_realloc((v).items, sizeof *(v).items * (size_t)(v).cap,     \
                                    sizeof *(v).items * (size_t)nc_);                   \
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

#endif
