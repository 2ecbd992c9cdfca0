/* vm_map: Go maps as insertion-ordered hash tables.
 *
 * Invariants:
 * - e[0..ne) holds entries in insertion order; deleted ones have live = 0;
 *   count is the number of live ones.
 * - index has icap (a power of two) slots, at most half of them non-empty;
 *   each live entry is reachable from its hash's probe sequence.
 * - No order ever depends on addresses: a range loop visits a snapshot of
 *   the keys shuffled by the run's PRNG (vm_map_keys).
 */
#include <string.h>

#include "vm.h"

#define EMPTY (-1)
#define DELETED (-2)

MapObj *vm_map_new(Vm *vm, const RType *t, int64_t hint) {
    MapObj *m = (MapObj *)vm_alloc(vm, GC_MAP, sizeof(MapObj));
    m->t = t;
    (void)hint; /* tables grow on demand; the hint only matters for speed */
    return m;
}

static int64_t find_slot(const MapObj *m, Value k, uint64_t h) {
    if (!m->icap) return -1;
    uint64_t mask = (uint64_t)m->icap - 1;
    for (uint64_t i = h & mask;; i = (i + 1) & mask) {
        int32_t x = m->index[i];
        if (x == EMPTY) return -1;
        if (x >= 0 && m->e[x].hash == h && vm_equal(m->t->key, m->e[x].k, k, NULL)) return (int64_t)i;
    }
}

Value *vm_map_get(MapObj *m, Value k) {
    if (!m || !m->count) return NULL;
    int64_t s = find_slot(m, k, vm_hash(m->t->key, k));
    return s < 0 ? NULL : &m->e[m->index[s]].v;
}

/* rebuild: compact the entries and re-index with room for [need] entries. */
static void rebuild(MapObj *m, int64_t need) {
    int64_t n = 0;
    for (int64_t i = 0; i < m->ne; i++)
        if (m->e[i].live) m->e[n++] = m->e[i];
    m->ne = n;
    int64_t ecap = m->ecap ? m->ecap : 8;
    while (ecap < need) ecap *= 2;
    if (ecap != m->ecap) {
        m->e = mem_realloc(m->e, sizeof *m->e * (size_t)m->ecap, sizeof *m->e * (size_t)ecap);
        m->ecap = ecap;
    }
    mem_free(m->index, sizeof *m->index * (size_t)m->icap);
    m->icap = ecap * 2;
    m->index = mem_alloc(sizeof *m->index * (size_t)m->icap);
    for (int64_t i = 0; i < m->icap; i++) m->index[i] = EMPTY;
    uint64_t mask = (uint64_t)m->icap - 1;
    for (int64_t j = 0; j < n; j++) {
        uint64_t i = m->e[j].hash & mask;
        while (m->index[i] != EMPTY) i = (i + 1) & mask;
        m->index[i] = (int32_t)j;
    }
}

int vm_map_set(Vm *vm, MapObj *m, Value k, Value v, const RType **bad) {
    if (m->t->key->kind == RK_IFACE && k.r) {
        RKind dk = ((BoxObj *)k.r)->t->kind;
        if (dk == RK_SLICE || dk == RK_MAP || dk == RK_FUNC) {
            *bad = ((BoxObj *)k.r)->t;
            return -1;
        }
    }
    uint64_t h = vm_hash(m->t->key, k);
    int64_t s = find_slot(m, k, h);
    if (s >= 0) {
        m->e[m->index[s]].v = v;
        return 0;
    }
    if (m->ne == m->ecap) rebuild(m, m->count + 1 > m->ecap / 2 ? m->ecap * 2 : m->ecap);
    int64_t j = m->ne++;
    m->e[j] = (MapEntry){k, v, h, 1};
    m->count++;
    uint64_t mask = (uint64_t)m->icap - 1;
    uint64_t i = h & mask;
    while (m->index[i] >= 0) i = (i + 1) & mask;
    m->index[i] = (int32_t)j;
    return 0;
}

void vm_map_delete(MapObj *m, Value k) {
    if (!m || !m->count) return;
    int64_t s = find_slot(m, k, vm_hash(m->t->key, k));
    if (s < 0) return;
    MapEntry *e = &m->e[m->index[s]];
    e->live = 0;
    e->k = e->v = (Value){{0}, NULL}; /* let the GC have them */
    m->index[s] = DELETED;
    m->count--;
}

AggObj *vm_map_keys(Vm *vm, MapObj *m, int64_t first_slot) {
    int64_t n = m ? m->count : 0;
    if (m) vm_push_root(vm, &m->h);
    AggObj *a = vm_new_agg(vm, NULL, first_slot + n);
    if (m) vm_pop_roots(vm, 1);
    if (n == 0) return a;
    int64_t j = 0;
    for (int64_t i = 0; i < m->ne; i++)
        if (m->e[i].live) a->v[first_slot + j++] = m->e[i].k;
    /* A Fisher-Yates shuffle from the run's PRNG: every order is possible,
     * as programs must expect from Go, and the seed replays it. */
    for (int64_t i = n - 1; i > 0; i--) {
        int64_t k = (int64_t)prng_below(&vm->prng, (uint64_t)(i + 1));
        Value t = a->v[first_slot + i];
        a->v[first_slot + i] = a->v[first_slot + k];
        a->v[first_slot + k] = t;
    }
    return a;
}
