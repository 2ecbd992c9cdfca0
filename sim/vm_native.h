/* vm_native: the Go library functions the VM implements in C (fmt,
 * strings, strconv, errors, math, sort, time.Duration...), found by the
 * qualified name the checker gives them ("fmt.Println",
 * "strings.(*Builder).WriteString", "time.Duration.String").
 *
 * Invariants: the table is sorted by name and immutable; natives follow
 * the VmNative contract in vm.h (variadic arguments arrive as one slice).
 */
#ifndef GORO_VM_NATIVE_H
#define GORO_VM_NATIVE_H

#include "vm.h"

/* VmNativeDef: one native function. */
typedef struct VmNativeDef {
    const char *name;
    VmNative fn;
} VmNativeDef;

/* vm_native_lookup: the native named [qname], or NULL if there is none. */
const VmNativeDef *vm_native_lookup(const char *qname);

/* vm_native_error: errors.New([msg]): a *errors.errorString interface value. */
Value vm_native_error(Vm *vm, Value msg);

/* The library natives of vm_native_lib.c (immutable table). */
extern const VmNativeDef vm_native_lib[];
extern const int vm_native_lib_len;
/* sync/atomic and package runtime (vm_native_atomic.c). */
extern const VmNativeDef vm_native_atomic[];
extern const int vm_native_atomic_len;

#endif
