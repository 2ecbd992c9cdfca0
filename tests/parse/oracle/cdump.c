/* cdump: goro-viz's side of the parser oracles.
 *   cdump FILE...     dump each file's AST with positions (ast_dump_opts,
 *                     AST_DUMP_POS) then "=== FILE", as astdump.go prints;
 *   cdump -e FILE     print FILE's diagnostics as go build would (for
 *                     diff_fuzz.py); exit 1 if there were any.
 * Built by check_ast_oracle.sh and diff_fuzz.py. */
#include <stdio.h>
#include <string.h>

#include "parse.h"

int main(int argc, char **argv) {
    int diags_only = argc > 1 && strcmp(argv[1], "-e") == 0;
    int rc = 0;
    for (int i = 1 + diags_only; i < argc; i++) {
        SrcFile f;
        char err[256];
        if (src_load(&f, argv[i], err, sizeof err)) {
            printf("ERROR %s\n=== %s\n", err, argv[i]);
            continue;
        }
        DiagList dl;
        diag_init(&dl, argv[i]);
        AstFile af;
        int n = parse_file(&af, &f, &dl);
        if (diags_only) {
            diag_print(&dl, stdout);
            rc |= diag_count(&dl) > 0;
        } else {
            if (n || !af.root) printf("ERROR syntax\n");
            else ast_dump_opts(af.root, stdout, AST_DUMP_POS);
            printf("=== %s\n", argv[i]);
        }
        diag_free(&dl);
        ast_free(&af);
        src_free(&f);
    }
    return rc;
}
