/* parse: Go source text to an AST (sim/ast.h), by recursive descent over the
 * Go spec's grammar, mirroring Go 1.19's cmd/compile/internal/syntax parser so
 * that syntax errors read exactly as `go build` prints them.
 */
#ifndef GORO_PARSE_H
#define GORO_PARSE_H

#include "ast.h"
#include "diag.h"
#include "src.h"

/* parse_file: parse [src] into [out] (AstFile, arena-owned nodes; out->src =
 * src), reporting errors to [diags] as `go build` (Go 1.19) would:
 * - errors in the package clause or imports in go/parser's words ("expected
 *   'STRING', found 42"), as the go command reports them: only the first, and
 *   nothing is parsed (out->root NULL);
 * - syntax errors ("syntax error: ...", via diag_syntax, which keeps one per
 *   line as gc does);
 * - lexical errors ("newline in string") and the few parser errors Go words
 *   without "syntax error:" ("expression in go must be function call"):
 *   gc still type-checks after those, so they do not count below;
 * - type parameters as DM_UNSUPPORTED ("goro-viz: generics are not
 *   supported"), also not counted.
 * Returns the number of errors that stop compilation before type checking
 * (header and syntax errors). When it returns 0 the AST is complete, though
 * after a non-counted error it may contain BAD_EXPR nodes, and literals with
 * lit.bad set (already reported: the checker should stay silent on them).
 * Otherwise out->root is a partial AST (BAD_EXPR/BAD_STMT where needed) or
 * NULL when the package clause failed. [out] must be released with ast_free.
 * Positions are physical: //line directives are not interpreted. Nesting
 * deeper than 1000 levels (or left-nested chains longer than 10000) is
 * reported as unsupported and stops the parse (bounded C recursion). */
int parse_file(AstFile *out, const SrcFile *src, DiagList *diags);

/* parse_expr_string: write Go's short form of expression or simple statement
 * [n] (as syntax.String prints it: function bodies and composite literal
 * contents elided as …) into [buf] of [cap] bytes, NUL-terminated, truncated
 * if needed. Returns [buf]. Used in messages such as "cannot use x := 1 as
 * value"; the checker may use it for expression texts in its messages. */
char *parse_expr_string(const Node *n, char *buf, size_t cap);

#endif
