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
 * src), reporting lexical and syntax errors to [diags] (syntax errors via
 * diag_syntax), and constructs outside goro-viz's subset that only the
 * parser can see (type parameters) as DM_UNSUPPORTED. Always returns an AST
 * (partial, with BAD_EXPR/BAD_STMT where needed) unless the package clause is
 * missing or broken (out->root NULL, as Go stops there too); returns the
 * number of lexical and syntax errors (0: the file is syntactically Go).
 * [out] must be released with ast_free, even after errors. */
int parse_file(AstFile *out, const SrcFile *src, DiagList *diags);

/* parse_expr_string: write Go's short form of expression or simple statement
 * [n] (as syntax.String prints it: function bodies and composite literal
 * contents elided as …) into [buf] of [cap] bytes, NUL-terminated, truncated
 * if needed. Returns [buf]. Used in messages such as "cannot use x := 1 as
 * value"; the checker may use it for expression texts in its messages. */
char *parse_expr_string(const Node *n, char *buf, size_t cap);

#endif
