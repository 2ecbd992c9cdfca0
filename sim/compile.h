/* compile: a type-checked file (ChkProgram + its AST) to VM bytecode: one
 * Proto per function body, runtime types for every type a value can carry
 * dynamically, and an entry function that initialises the package-level
 * variables, runs init() functions and calls main.main.
 *
 * Invariants: the compiler only reads the AST and the checker's
 * annotations (types.h "HOW TO READ"); everything it makes is owned by the
 * Vm (protos, types, pinned constants), so the AST and ChkProgram may be
 * freed as soon as comp_program returns.
 */
#ifndef GORO_COMPILE_H
#define GORO_COMPILE_H

#include <stdio.h>

#include "src.h"
#include "vm.h"

struct ChkProgram;

/* comp_program: compile [prog] (checked without errors from [src]) into
 * [vm]. On success returns 0 and sets *[entry] to the closure that runs the
 * program (initialisation, then main.main). On a construct the VM does not
 * support yet, prints `FILE:LINE:COL: <what> is not supported` lines to
 * [err] and returns the number of such errors. */
int comp_program(Vm *vm, struct ChkProgram *prog, const SrcFile *src, FILE *err, Value *entry);

/* comp_disasm: write the listing of every compiled function of [vm] to
 * [out], in compilation order (`goro-viz disasm`). */
void comp_disasm(const Vm *vm, FILE *out);

#endif
