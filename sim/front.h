/* front: the whole front end as one call: load a file, parse, type-check.
 *
 * The CLI, the VM's `run`, the viewer's reload and the fuzz target all enter
 * the front end here, so they report the same errors the same way.
 */
#ifndef GORO_FRONT_H
#define GORO_FRONT_H

#include <stdio.h>

#include "ast.h"
#include "check.h"
#include "diag.h"
#include "src.h"

/* FrontUnit: one compiled source file. Owns everything it points to. */
typedef struct FrontUnit {
    SrcFile src;
    DiagList diags;
    AstFile ast;
    ChkProgram prog; /* the checked program (valid when checked) */
    int loaded;  /* src holds the file */
    int parsed;  /* ast holds a tree */
    int checked; /* prog holds checker results (even after type errors) */
} FrontUnit;

/* front_compile_file: load [path] and compile it into [u]. Returns 0 on
 * success; otherwise 1 after printing, on [err], either one line
 * `goro-viz: <reason>` (unusable file) or Go-style diagnostics. [u] must be
 * released with front_free whatever the result. */
int front_compile_file(FrontUnit *u, const char *path, FILE *err);

/* front_compile_string: like front_compile_file for [len] bytes of [text]
 * named [path]; no file access, no validation (fuzzing, tests). Diagnostics
 * are printed to [err] when it is non-NULL. */
int front_compile_string(FrontUnit *u, const char *path, const char *text, size_t len, FILE *err);

/* front_check_file: compile [path] and release it; 0 if it is a valid
 * program, 1 otherwise (messages already on [err]). */
int front_check_file(const char *path, FILE *err);

/* front_free: release [u]. */
void front_free(FrontUnit *u);

#endif
