/* cdump: goro-viz's side of the parser oracle: dump each file's AST with
 * positions (ast_dump_opts, AST_DUMP_POS), followed by "=== FILE", in the
 * form astdump.go prints. Built and run by check_ast_oracle.sh. */
#include <stdio.h>

#include "parse.h"

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        SrcFile f;
        char err[256];
        if (src_load(&f, argv[i], err, sizeof err)) {
            printf("ERROR %s\n=== %s\n", err, argv[i]);
            continue;
        }
        DiagList dl;
        diag_init(&dl, argv[i]);
        AstFile af;
        if (parse_file(&af, &f, &dl) || !af.root) printf("ERROR syntax\n");
        else ast_dump_opts(af.root, stdout, AST_DUMP_POS);
        printf("=== %s\n", argv[i]);
        diag_free(&dl);
        ast_free(&af);
        src_free(&f);
    }
    return 0;
}
