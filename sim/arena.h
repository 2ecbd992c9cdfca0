/* arena: bump allocation for data freed all at once (the AST, checker tables).
 *
 * Invariants: every block comes from mem_alloc; arena_free releases them all;
 * pointers handed out stay valid until then (blocks never move).
 */
#ifndef GORO_ARENA_H
#define GORO_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

/* Arena: a chain of blocks. Zero-initialise to get an empty arena. */
typedef struct Arena {
    ArenaBlock *head;
    size_t used;  /* bytes used in head */
    size_t total; /* bytes handed out over the arena's life */
} Arena;

/* arena_alloc: [n] zeroed bytes aligned to 16, valid until arena_free. */
void *arena_alloc(Arena *a, size_t n);

/* arena_strndup: a NUL-terminated copy of [n] bytes of [s] in the arena. */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* arena_free: release every block; the arena is empty again afterwards. */
void arena_free(Arena *a);

#endif
