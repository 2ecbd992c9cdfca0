/* mem: counting allocation funnel. */
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

void *mem_realloc(void *p, size_t old_n, size_t new_n) {
    if (new_n == 0) {
        mem_free(p, old_n);
        return NULL;
    }
    check_fault();
    void *q = realloc(p, new_n);
    if (!q) mem_fatal(__FILE__, __LINE__, "out of memory");
    if (new_n > old_n) memset((char *)q + old_n, 0, new_n - old_n);
    live_bytes += new_n;
    live_bytes -= old_n;
    return q;
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

size_t mem_live_bytes(void) { return live_bytes; }

void mem_fail_after(long n) { fail_countdown = n; }
