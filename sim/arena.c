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
#define ARENA_HUGE ((size_t)2 << 20)

void *arena_alloc(Arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->used + n > a->head->size) {
        size_t size = a->head ? (sizeof *a->head + a->head->size) * 2 : ARENA_BLOCK;
        if (size > ARENA_HUGE) size = ARENA_HUGE;
        if (size < sizeof(ArenaBlock) + n) size = sizeof(ArenaBlock) + n;
        ArenaBlock *b = size == ARENA_HUGE ? mem_alloc_huge(size) : mem_alloc(size);
        size -= sizeof *b;
        b->size = size;
        b->next = a->head;
        a->head = b;
        a->used = 0;
    }
    void *p = a->head->data + a->used;
    a->used += n;
    a->total += n;
    return p; /* zeroed: blocks come zeroed from mem_alloc / mem_alloc_huge and are never reused */
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
        if (sizeof *b + b->size == ARENA_HUGE) mem_free_huge(b, ARENA_HUGE);
        else mem_free(b, sizeof *b + b->size);
        b = next;
    }
    a->head = NULL;
    a->used = a->total = 0;
}
