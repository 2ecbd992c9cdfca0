/* arena: bump allocator over mem_alloc'd blocks. */
#include "arena.h"
#include "mem.h"

#include <string.h>

struct ArenaBlock {
    ArenaBlock *next;
    size_t size;
    _Alignas(16) unsigned char data[];
};

/* Blocks grow from 64 KiB to 2 MiB as an arena fills, so a small program
 * stays small while a 50,000-line one takes 2 MiB huge pages. */
#define ARENA_BLOCK 65536

void *arena_alloc(Arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->used + n > a->head->size) {
        size_t size = a->head ? (sizeof *a->head + a->head->size) * 2 : ARENA_BLOCK;
        if (size > MEM_HUGE) size = MEM_HUGE;
        if (size < sizeof(ArenaBlock) + n) size = sizeof(ArenaBlock) + n;
        ArenaBlock *b = mem_big_resize(NULL, 0, size); /* from 2 MiB: huge pages */
        size -= sizeof *b;
        b->size = size;
        b->next = a->head;
        a->head = b;
        a->used = 0;
    }
    void *p = a->head->data + a->used;
    a->used += n;
    a->total += n;
    return p; /* zeroed: blocks come zeroed from mem_big_resize and are never reused */
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void arena_free(Arena *a) {
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        mem_big_free(b, sizeof *b + b->size);
        b = next;
    }
    a->head = NULL;
    a->used = a->total = 0;
}
