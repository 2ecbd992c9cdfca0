/* vm_sort: Go 1.19's sorting algorithms over callbacks (see vm_sort.c). */
#ifndef GORO_VM_SORT_H
#define GORO_VM_SORT_H

#include <stdint.h>

/* VmSortOps: how to compare and swap elements i and j of the sequence.
 * less returns 1, 0, or -1 when it failed (a panic: the sort stops and
 * [failed] is set); swap returns 0 or -1. */
typedef struct VmSortOps {
    void *ctx;
    int (*less)(void *ctx, int64_t i, int64_t j);
    int (*swap)(void *ctx, int64_t i, int64_t j);
    int failed;
} VmSortOps;

/* vm_sort_unstable: sort.Sort / sort.Slice (pdqsort) of [n] elements. */
void vm_sort_unstable(VmSortOps *ops, int64_t n);

/* vm_sort_stable: sort.Stable / sort.SliceStable (insertion blocks of 20,
 * then symMerge) of [n] elements. */
void vm_sort_stable(VmSortOps *ops, int64_t n);

#endif
