/* front: load -> lex/parse -> check, with one error-reporting policy. */
#include "front.h"

#include <string.h>

#include "parse.h"

static int compile_loaded(FrontUnit *u, FILE *err) {
    diag_init(&u->diags, u->src.path);
    (void)err;
    parse_file(&u->ast, &u->src, &u->diags);
    u->parsed = 1;
    /* As go build: no type checking once there are syntax errors (messages
     * starting "syntax error"); other parser errors, such as "expression in
     * defer must be function call", still get the file type-checked. */
    if (u->diags.nsyntax || !u->ast.root) return 1;
    chk_file(&u->prog, &u->ast, &u->diags);
    u->checked = 1;
    return diag_count(&u->diags) ? 1 : 0;
}

static int report(FrontUnit *u, int r, FILE *err) {
    if (r != 0 && err) diag_print(&u->diags, err);
    if (r == 0 && u->checked && !u->prog.main_func) {
        /* Go's linker finds this, after type checking, with no position. */
        if (err) fprintf(err, "runtime.main_main" "\xc2\xb7" "f: function main is undeclared in the main package\n");
        return 1;
    }
    return r;
}

int front_compile_file(FrontUnit *u, const char *path, FILE *err) {
    memset(u, 0, sizeof *u);
    char why[512];
    if (src_load(&u->src, path, why, sizeof why) != 0) {
        if (err) fprintf(err, "goro-viz: %s\n", why);
        return 1;
    }
    u->loaded = 1;
    return report(u, compile_loaded(u, err), err);
}

int front_compile_string(FrontUnit *u, const char *path, const char *text, size_t len, FILE *err) {
    memset(u, 0, sizeof *u);
    src_from_string(&u->src, path, text, len);
    u->loaded = 1;
    return report(u, compile_loaded(u, err), err);
}

int front_check_file(const char *path, FILE *err) {
    FrontUnit u;
    int r = front_compile_file(&u, path, err);
    front_free(&u);
    return r;
}

void front_free(FrontUnit *u) {
    if (u->checked) chk_free(&u->prog);
    if (u->parsed) ast_free(&u->ast);
    if (u->loaded) diag_free(&u->diags);
    if (u->loaded) src_free(&u->src);
    memset(u, 0, sizeof *u);
}
