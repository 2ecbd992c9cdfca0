/* mem: counting allocation funnel, and the slab for many small blocks. */
#include "mem.h"

#include <string.h>
#include <sys/mman.h>

static size_t live_bytes;
static long fail_countdown = -1;

_Noreturn void mem_fatal(const char *file, int line, const char *msg) {
    fprintf(stderr, "goro-viz: internal error at %s:%d: %s\n", file, line, msg);
    fflush(stderr);
    abort();
}

static void check_fault(void) {
    if (fail_countdown >= 0 && fail_countdown-- == 0) mem_fatal(__FILE__, __LINE__, "injected allocation failure");
}

void *mem_alloc(size_t n) {
    check_fault();
    void *p = calloc(1, n ? n : 1);
    if (!p) mem_fatal(__FILE__, __LINE__, "out of memory");
    live_bytes += n;
    return p;
}

void *mem_alloc_huge(size_t n) {
    check_fault();
    const size_t huge = (size_t)2 << 20;
    void *p = NULL;
    if (posix_memalign(&p, huge, n) != 0 || !p) mem_fatal(__FILE__, __LINE__, "out of memory");
#ifdef MADV_HUGEPAGE
    madvise(p, n, MADV_HUGEPAGE); /* advice only: failure is harmless */
#endif
    memset(p, 0, n);
    live_bytes += n;
    return p;
}

void *mem_grow(void *p, size_t old_n, size_t new_n) {
    if (new_n == 0) {
        mem_free(p, old_n);
        return NULL;
    }
    check_fault();
    void *q = realloc(p, new_n);
    if (!q) mem_fatal(__FILE__, __LINE__, "out of memory");
    live_bytes += new_n;
    live_bytes -= old_n;
    return q;
}

void *mem_realloc(void *p, size_t old_n, size_t new_n) {
    void *q = mem_grow(p, old_n, new_n);
    if (new_n > old_n) memset((char *)q + old_n, 0, new_n - old_n);
    return q;
}

void mem_discard(void *p, size_t n) {
#ifdef MADV_DONTNEED
    const uintptr_t page = 4096;
    uintptr_t a = ((uintptr_t)p + page - 1) & ~(page - 1), b = ((uintptr_t)p + n) & ~(page - 1);
    if (a < b) madvise((void *)a, b - a, MADV_DONTNEED); /* advice: failure is harmless */
#else
    (void)p;
    (void)n;
#endif
}

void mem_free(void *p, size_t n) {
    if (!p) return;
    live_bytes -= n;
    free(p);
}

char *mem_strndup(const char *s, size_t n) {
    char *p = mem_alloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

#if defined(__SANITIZE_ADDRESS__)
#define SLAB_PASSTHROUGH 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLAB_PASSTHROUGH 1
#endif
#endif
#ifndef SLAB_PASSTHROUGH
#define SLAB_PASSTHROUGH 0
#endif

void *mem_slab_alloc(MemSlab *s, size_t n) {
    if (SLAB_PASSTHROUGH || n > MEM_SLAB_MAX || n == 0) return mem_alloc(n);
    size_t c = (n + 7) / 8, sz = c * 8;
    void *p = s->free[c];
    if (p) {
        s->free[c] = *(void **)p;
        memset(p, 0, sz);
        return p;
    }
    if (s->left < sz) {
        /* the old chunk's tail (< sz bytes) is abandoned; the first 8
         * bytes of a chunk link the chunk list */
        char *ch = mem_alloc(MEM_SLAB_CHUNK);
        *(void **)ch = s->chunks;
        s->chunks = ch;
        s->bump = ch + 8;
        s->left = MEM_SLAB_CHUNK - 8;
    }
    p = s->bump; /* fresh chunk memory is already zero (calloc) */
    s->bump += sz;
    s->left -= sz;
    return p;
}

void mem_slab_free(MemSlab *s, void *p, size_t n) {
    if (!p) return;
    if (SLAB_PASSTHROUGH || n > MEM_SLAB_MAX || n == 0) {
        mem_free(p, n);
        return;
    }
    size_t c = (n + 7) / 8;
    *(void **)p = s->free[c];
    s->free[c] = p;
}

void mem_slab_release(MemSlab *s) {
    while (s->chunks) {
        void *ch = s->chunks;
        s->chunks = *(void **)ch;
        mem_free(ch, MEM_SLAB_CHUNK);
    }
    memset(s, 0, sizeof *s);
}

size_t mem_live_bytes(void) { return live_bytes; }

void mem_fail_after(long n) { fail_countdown = n; }
