/* mem: counting allocation funnel, and the slab for many small blocks. */
#define _GNU_SOURCE 1 /* mremap */
#include "mem.h"

#include <string.h>
#include <sys/mman.h>

static size_t live_bytes, peak_bytes;

/* grew: after live_bytes grew, keep the peak */
static inline void grew(void) {
    if (live_bytes > peak_bytes) peak_bytes = live_bytes;
}
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
    grew();
    return p;
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* SLAB_PASSTHROUGH, MEM_MMAP: under AddressSanitizer every slab block is
 * its own mem_alloc and big buffers are plain blocks, so that overflows
 * and use after free are still caught there. */
#define SLAB_PASSTHROUGH UNDER_ASAN
#if defined(MAP_ANONYMOUS) && defined(__linux__) && !UNDER_ASAN
#define MEM_MMAP 1
#else
#define MEM_MMAP 0
#endif

#if MEM_MMAP
/* page_round: [n] up to whole 4 KiB pages (what the kernel maps) */
static size_t page_round(size_t n) { return (n + 4095) & ~(size_t)4095; }

/* huge_map: [len] (whole pages) of fresh zero memory aligned to MEM_HUGE
 * and advised as huge pages: map len + MEM_HUGE and unmap the slack */
static void *huge_map(size_t len) {
    char *raw = mmap(NULL, len + MEM_HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) mem_fatal(__FILE__, __LINE__, "out of memory");
    char *p = (char *)(((uintptr_t)raw + MEM_HUGE - 1) & ~(uintptr_t)(MEM_HUGE - 1));
    if (p > raw) munmap(raw, (size_t)(p - raw));
    size_t tail = (size_t)(raw + len + MEM_HUGE - (p + len));
    if (tail) munmap(p + len, tail);
#ifdef MADV_HUGEPAGE
    madvise(p, len, MADV_HUGEPAGE); /* advice only: failure is harmless */
#endif
    return p;
}
#endif

void *mem_alloc_huge(size_t n) {
    check_fault();
#if MEM_MMAP
    void *p = huge_map(page_round(n ? n : 1));
#else
    void *p = NULL;
    if (posix_memalign(&p, MEM_HUGE, n ? n : 1) != 0 || !p) mem_fatal(__FILE__, __LINE__, "out of memory");
    memset(p, 0, n);
#endif
    live_bytes += n;
    grew();
    return p;
}

void mem_free_huge(void *p, size_t n) {
    if (!p) return;
    live_bytes -= n;
#if MEM_MMAP
    munmap(p, page_round(n ? n : 1));
#else
    free(p);
#endif
}

void *mem_big_resize(void *p, size_t old_n, size_t new_n) {
    int was_huge = old_n >= MEM_HUGE, huge = new_n >= MEM_HUGE;
    if (!was_huge && !huge) return new_n ? mem_realloc(p, old_n, new_n) : (mem_free(p, old_n), NULL);
    if (!huge || !was_huge) { /* between the two kinds: copy */
        void *q = huge ? mem_alloc_huge(new_n) : new_n ? mem_alloc(new_n) : NULL;
        if (q && p) memcpy(q, p, old_n < new_n ? old_n : new_n);
        if (was_huge) mem_free_huge(p, old_n);
        else mem_free(p, old_n);
        return q;
    }
#if MEM_MMAP
    size_t ol = page_round(old_n), nl = page_round(new_n);
    if (nl < ol) {
        munmap((char *)p + nl, ol - nl);
    } else if (nl > ol) {
        check_fault();
        /* the pages move to a fresh aligned range as they are (huge ones
         * stay huge); the rest of the range is fresh zero pages */
        char *q = huge_map(nl);
        if (mremap(p, ol, ol, MREMAP_MAYMOVE | MREMAP_FIXED, q) == MAP_FAILED)
            mem_fatal(__FILE__, __LINE__, "mremap failed");
        p = q;
    }
    if (new_n > old_n) { /* the old last page's tail may hold old bytes; later pages are fresh */
        size_t z = ol < new_n ? ol : new_n;
        if (z > old_n) memset((char *)p + old_n, 0, z - old_n);
    }
#else
    check_fault();
    void *q = realloc(p, new_n);
    if (!q) mem_fatal(__FILE__, __LINE__, "out of memory");
    if (new_n > old_n) memset((char *)q + old_n, 0, new_n - old_n);
    p = q;
#endif
    live_bytes += new_n;
    live_bytes -= old_n;
    grew();
    return p;
}

void mem_big_free(void *p, size_t n) {
    if (n >= MEM_HUGE) mem_free_huge(p, n);
    else mem_free(p, n);
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
    grew();
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

size_t mem_peak_bytes(void) { return peak_bytes; }

void mem_peak_reset(void) { peak_bytes = live_bytes; }

void mem_fail_after(long n) { fail_countdown = n; }
