/* vm_cli: `goro-viz run` and `goro-viz disasm` as library calls, so the CLI
 * (viz/main.c) only parses options: load, parse, check, compile, then run
 * main on one goroutine or print the bytecode.
 *
 * Invariants: everything a call allocates is released before it returns;
 * program output goes only to [out], diagnostics and panics only to [err].
 */
#ifndef GORO_VM_CLI_H
#define GORO_VM_CLI_H

#include <stdint.h>
#include <stdio.h>

/* vm_cli_run: run the Go program in file [path] with PRNG [seed], its
 * stdout written to [out], compile errors and panics to [err]. Returns the
 * exit status as `go run` would give it: 0, 1 (the file does not compile
 * or a construct is not supported yet), 2 (panic). [gc_stress] collects at
 * every allocation (tests). */
int vm_cli_run(const char *path, uint64_t seed, int gc_stress, FILE *out, FILE *err);

/* vm_cli_disasm: compile [path] and write every function's bytecode to
 * [out]. Returns 0, or 1 after printing errors to [err]. */
int vm_cli_disasm(const char *path, FILE *out, FILE *err);

#endif
