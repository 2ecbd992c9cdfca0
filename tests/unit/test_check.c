/* test_check: the checker's annotations (what the compiler reads) and a few
 * diagnostics (texts and positions as Go 1.19's go build prints them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parse.h"

typedef struct Unit {
    SrcFile src;
    DiagList dl;
    AstFile ast;
    ChkProgram prog;
    int nerr;
} Unit;

static Unit *compile(const char *text) {
    Unit *u = calloc(1, sizeof *u);
    src_from_string(&u->src, "x.go", text, strlen(text));
    diag_init(&u->dl, "x.go");
    int ns = parse_file(&u->ast, &u->src, &u->dl);
    assert_int_equal(ns, 0);
    u->nerr = chk_file(&u->prog, &u->ast, &u->dl);
    return u;
}

static void release(Unit *u) {
    chk_free(&u->prog);
    ast_free(&u->ast);
    diag_free(&u->dl);
    src_free(&u->src);
    free(u);
}

/* the diagnostics as printed */
static char *errors_of(Unit *u) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(&u->dl, f);
    fclose(f);
    return buf;
}

static void expect_errors(const char *text, const char *want) {
    Unit *u = compile(text);
    char *got = errors_of(u);
    assert_string_equal(got, want);
    free(got);
    release(u);
}

/* find the first node of [kind] (depth-first over statements/expressions we need) */
typedef struct Finder {
    AstKind kind;
    int skip;
    Node *found;
} Finder;

static void walk(Node *n, Finder *f);

static void walk_list(NodeList *l, Finder *f) {
    for (int i = 0; i < l->n; i++) walk(l->items[i], f);
}

static void walk(Node *n, Finder *f) {
    if (!n || f->found) return;
    if (n->kind == f->kind) {
        if (f->skip-- == 0) {
            f->found = n;
            return;
        }
    }
    switch (n->kind) {
    case AST_FILE: walk_list(&n->u.file.decls, f); break;
    case AST_FUNC_DECL: walk(n->u.func_decl.body, f); break;
    case AST_BLOCK: walk_list(&n->u.block.stmts, f); break;
    case AST_EXPR_STMT: case AST_GO: case AST_DEFER: case AST_PAREN: case AST_STAR: case AST_UNARY:
        walk(n->u.unary.x, f);
        break;
    case AST_ASSIGN: walk_list(&n->u.assign.lhs, f); walk_list(&n->u.assign.rhs, f); break;
    case AST_CALL: walk(n->u.call.fun, f); walk_list(&n->u.call.args, f); break;
    case AST_SELECTOR: walk(n->u.selector.x, f); break;
    case AST_BINARY: walk(n->u.binary.x, f); walk(n->u.binary.y, f); break;
    case AST_FUNC_LIT: walk(n->u.func_lit.body, f); break;
    case AST_RANGE: walk(n->u.range.x, f); walk(n->u.range.body, f); break;
    case AST_FOR: walk(n->u.for_.body, f); break;
    case AST_IF: walk(n->u.if_.cond, f); walk(n->u.if_.then, f); walk(n->u.if_.else_, f); break;
    case AST_RETURN: walk_list(&n->u.ret.results, f); break;
    case AST_DECL_STMT: walk(n->u.decl_stmt.decl, f); break;
    case AST_GEN_DECL: walk_list(&n->u.gen_decl.specs, f); break;
    case AST_VALUE_SPEC: walk_list(&n->u.value_spec.values, f); break;
    case AST_INDEX: walk(n->u.index.x, f); walk_list(&n->u.index.indices, f); break;
    default: break;
    }
}

static Node *find(Unit *u, AstKind kind, int skip) {
    Finder f = {kind, skip, NULL};
    walk(u->ast.root, &f);
    assert_non_null(f.found);
    return f.found;
}

static char *tstr(Unit *u, Type *t) {
    static char buf[256];
    return ty_string(&u->prog.ty, t, 0, buf, sizeof buf);
}

static void test_valid_program_annotations(void **state) {
    (void)state;
    Unit *u = compile("package main\n"
                      "import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
                      "type C struct {\n\tsync.Mutex\n\tn int\n}\n"
                      "func (c *C) Inc() { c.Lock(); c.n++; c.Unlock() }\n"
                      "func main() {\n"
                      "\tvar c C\n"
                      "\tc.Inc()\n"
                      "\tx := 1 << 3\n"
                      "\tvar f float64 = 1 << 3\n"
                      "\tfn := func() { x++ }\n"
                      "\tfn()\n"
                      "\tfmt.Println(x, f, len(\"abc\"))\n"
                      "}\n");
    assert_int_equal(u->nerr, 0);
    /* c.Inc(): method call with implicit &c, c marked addressed */
    Node *call = find(u, AST_CALL, 2); /* Lock, Unlock in Inc; then c.Inc() */
    assert_int_equal(NF_CALL(call), CALL_METHOD);
    Node *sel = call->u.call.fun;
    assert_int_equal(NF_SEL(sel), SEL_METHOD);
    assert_string_equal(sel->obj->qname, "main.(*C).Inc");
    Node *recv = sel->u.selector.x;
    assert_int_equal(recv->kind, AST_UNARY);
    assert_true(recv->flags & NF_IMPLICIT);
    assert_true(recv->u.unary.x->obj->flags & OBJF_ADDRESSED);
    /* c.Lock() inside Inc: promoted through embedded Mutex (c.Mutex) and & */
    Node *lock = find(u, AST_CALL, 0);
    Node *lsel = lock->u.call.fun;
    assert_string_equal(lsel->obj->qname, "sync.(*Mutex).Lock");
    assert_true(lsel->obj->flags & OBJF_NATIVE);
    Node *amp = lsel->u.selector.x;
    assert_int_equal(amp->kind, AST_UNARY);
    Node *emb = amp->u.unary.x;
    assert_int_equal(emb->kind, AST_SELECTOR);
    assert_int_equal(NF_SEL(emb), SEL_FIELD);
    assert_true(emb->flags & NF_IMPLICIT);
    assert_string_equal(emb->obj->name, "Mutex");
    /* x := 1 << 3 is a constant int 8; f's 1 << 3 is float64 8 */
    Node *shl = find(u, AST_BINARY, 0);
    assert_true(shl->flags & NF_CONST);
    assert_string_equal(tstr(u, shl->type), "int");
    assert_int_equal(cv_int64_val(shl->cv), 8);
    /* closure captures x */
    Node *lit = find(u, AST_FUNC_LIT, 0);
    ChkFunc *fn = lit->obj->fn;
    assert_non_null(fn);
    assert_int_equal(fn->captures.len, 1);
    assert_string_equal(fn->captures.items[0]->name, "x");
    assert_true(fn->captures.items[0]->flags & OBJF_CAPTURED);
    assert_string_equal(lit->obj->qname, "main.main.func1");
    /* fmt.Println: static call of a native, variadic any; len("abc") constant 3 */
    Node *pr = find(u, AST_CALL, 4);
    assert_int_equal(NF_CALL(pr), CALL_FUNC);
    assert_string_equal(pr->u.call.fun->obj->qname, "fmt.Println");
    Node *ln = pr->u.call.args.items[2];
    assert_int_equal(NF_CALL(ln), CALL_BUILTIN);
    assert_true(ln->flags & NF_CONST);
    assert_int_equal(cv_int64_val(ln->cv), 3);
    assert_non_null(u->prog.main_func);
    release(u);
}

static void test_init_order(void **state) {
    (void)state;
    Unit *u = compile("package main\n"
                      "var (\n\ta = c + b\n\tb = f()\n\tc = f()\n\td = 3\n)\n"
                      "func f() int { d++; return d }\n"
                      "func main() { println(a) }\n");
    assert_int_equal(u->nerr, 0);
    assert_int_equal(u->prog.inits.len, 4);
    const char *want[] = {"d", "b", "c", "a"};
    for (int i = 0; i < 4; i++) assert_string_equal(u->prog.inits.items[i].lhs[0]->name, want[i]);
    release(u);
}

static void test_untyped_and_interfaces(void **state) {
    (void)state;
    Unit *u = compile("package main\n"
                      "import \"fmt\"\n"
                      "type S interface{ M() }\n"
                      "type T struct{}\n"
                      "func (T) M() {}\n"
                      "func main() {\n"
                      "\tvar s S = T{}\n"
                      "\tvar p *int = nil\n"
                      "\tconst c = 0.1 + 0.2\n"
                      "\tfmt.Println(s, p, c == 0.3)\n"
                      "\tfor i, r := range \"hé\" {\n\t\tfmt.Println(i, r)\n\t}\n"
                      "}\n");
    assert_int_equal(u->nerr, 0);
    Node *eq = find(u, AST_BINARY, 1); /* 0.1 + 0.2 is the first, c == 0.3 the second */
    assert_true(eq->flags & NF_CONST);
    assert_int_equal(eq->cv->kind, CV_BOOL);
    assert_true(eq->cv->b);
    Node *rg = find(u, AST_RANGE, 0);
    assert_int_equal(NF_RANGE(rg), RANGE_STRING);
    assert_string_equal(tstr(u, rg->u.range.value->type), "rune");
    release(u);
}

static void test_errors_like_go(void **state) {
    (void)state;
    /* expected texts from go build (Go 1.19) */
    expect_errors("package main\n\nimport \"os\"\n\nfunc main() {\n\tx := 1\n\tvar y string\n\tz := x + y\n}\n",
                  "x.go:3:8: imported and not used: \"os\"\n"
                  "x.go:8:7: invalid operation: x + y (mismatched types int and string)\n");
    expect_errors("package main\n\nfunc f(a, b int) int { return a }\n\nfunc main() {\n\tf(1)\n}\n",
                  "x.go:6:4: not enough arguments in call to f\n\thave (number)\n\twant (int, int)\n");
    expect_errors("package main\n\nfunc h() int {\n}\n\nfunc main() {\n\tvar u uint8 = 300\n\t_ = u\n}\n",
                  "x.go:4:1: missing return\n"
                  "x.go:7:16: cannot use 300 (untyped int constant) as uint8 value in variable declaration (overflows)\n");
    expect_errors("package main\n\ntype T struct{}\n\nfunc (t *T) M() {}\n\ntype I interface{ M() }\n\n"
                  "func main() {\n\tvar t T\n\tvar i I = t\n\t_ = i\n}\n",
                  "x.go:11:12: cannot use t (variable of type T) as type I in variable declaration:\n"
                  "\tT does not implement I (M method has pointer receiver)\n");
    expect_errors("package main\n\nfunc main() {\n\tx, y := 1, 2\n\tx, y := 3, 4\n\tswitch x {\n\tcase 1, 1:\n\t}\n}\n",
                  "x.go:4:5: y declared but not used\n"
                  "x.go:5:7: no new variables on left side of :=\n"
                  "x.go:7:10: duplicate case 1 (constant of type int) in expression switch\n\tx.go:7:7: previous case\n");
    expect_errors("package main\n\nfunc main() {\n\t_ = 1 << 70\n\tx := 5\n\t_ = x / 0\n}\n",
                  "x.go:4:6: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in "
                  "assignment to _ identifier (overflows)\n"
                  "x.go:6:10: invalid operation: division by zero\n");
}

/* ---- every expression of every valid corpus program is annotated ---- */

typedef struct Audit {
    const char *file;
    int bad;
    int in_type; /* inside a type expression */
} Audit;

static void audit_fail(Audit *a, Node *n, const char *why) {
    if (a->bad++ < 20)
        fprintf(stderr, "%s:%d:%d: %s node %s\n", a->file, n->pos.line, n->pos.col, ast_kind_name(n->kind), why);
}

static void audit(Audit *a, Node *n);

static void audit_list(Audit *a, NodeList *l) {
    for (int i = 0; i < l->n; i++) audit(a, l->items[i]);
}

static void audit_expr(Audit *a, Node *n) {
    if (!n) return;
    if (n->flags & NF_TYPEEXPR) return; /* type expressions carry their type */
    if (!n->type) audit_fail(a, n, "without type");
    else if (n->type->kind == TY_INVALID) audit_fail(a, n, "with invalid type");
    else if (ty_is_untyped(n->type) && !(n->flags & NF_CONST) && n->type->kind != TY_UNTYPED_NIL &&
             n->type->kind != TY_UNTYPED_BOOL)
        audit_fail(a, n, "non-constant but untyped");
    if (n->type && n->type->kind == TY_UNTYPED_NIL) audit_fail(a, n, "with untyped nil type");
    switch (n->kind) {
    case AST_IDENT:
        if (strcmp(n->u.ident.name, "_") && !n->obj) audit_fail(a, n, "without obj");
        break;
    case AST_SELECTOR:
        if (!NF_SEL(n)) audit_fail(a, n, "without selector kind");
        if (NF_SEL(n) != SEL_PKG) audit_expr(a, n->u.selector.x);
        break;
    case AST_CALL:
        if (!NF_CALL(n)) audit_fail(a, n, "without call kind");
        if (NF_CALL(n) != CALL_CONV && NF_CALL(n) != CALL_BUILTIN) audit_expr(a, n->u.call.fun);
        for (int i = 0; i < n->u.call.args.n; i++) {
            Node *arg = n->u.call.args.items[i];
            if (!(arg->flags & NF_TYPEEXPR)) audit_expr(a, arg);
        }
        break;
    case AST_PAREN: case AST_STAR: case AST_UNARY: audit_expr(a, n->u.unary.x); break;
    case AST_BINARY:
        if (!(n->flags & NF_CONST)) {
            audit_expr(a, n->u.binary.x);
            audit_expr(a, n->u.binary.y);
        }
        break;
    case AST_INDEX: audit_expr(a, n->u.index.x); audit_expr(a, n->u.index.indices.items[0]); break;
    case AST_SLICE_EXPR:
        audit_expr(a, n->u.slice.x);
        audit_expr(a, n->u.slice.lo);
        audit_expr(a, n->u.slice.hi);
        audit_expr(a, n->u.slice.max);
        break;
    case AST_TYPE_ASSERT: audit_expr(a, n->u.type_assert.x); break;
    case AST_FUNC_LIT:
        if (!n->obj || !n->obj->fn) audit_fail(a, n, "without ChkFunc");
        audit(a, n->u.func_lit.body);
        break;
    case AST_COMPOSITE_LIT:
        for (int i = 0; i < n->u.composite.elts.n; i++) {
            Node *e = n->u.composite.elts.items[i];
            if (e->kind == AST_KEY_VALUE) {
                Type *u = ty_under(n->type);
                if (u && u->kind == TY_POINTER) u = ty_under(u->u.ptr.elem);
                if (u && u->kind != TY_STRUCT) audit_expr(a, e->u.binary.x);
                audit_expr(a, e->u.binary.y);
            } else {
                audit_expr(a, e);
            }
        }
        break;
    default: break;
    }
}

static void audit(Audit *a, Node *n) {
    if (!n) return;
    switch (n->kind) {
    case AST_FILE: audit_list(a, &n->u.file.decls); break;
    case AST_FUNC_DECL:
        if (n->u.func_decl.body && (!n->u.func_decl.name->obj || !n->u.func_decl.name->obj->fn))
            audit_fail(a, n, "without ChkFunc");
        audit(a, n->u.func_decl.body);
        break;
    case AST_GEN_DECL: audit_list(a, &n->u.gen_decl.specs); break;
    case AST_VALUE_SPEC:
        if (!n->u.value_spec.names.items[0]->obj || n->u.value_spec.names.items[0]->obj->kind == OBJ_VAR)
            for (int i = 0; i < n->u.value_spec.values.n; i++) audit_expr(a, n->u.value_spec.values.items[i]);
        break;
    case AST_BLOCK: audit_list(a, &n->u.block.stmts); break;
    case AST_DECL_STMT: audit(a, n->u.decl_stmt.decl); break;
    case AST_LABELED: audit(a, n->u.labeled.stmt); break;
    case AST_EXPR_STMT: case AST_GO: case AST_DEFER: audit_expr(a, n->u.unary.x); break;
    case AST_SEND: audit_expr(a, n->u.binary.x); audit_expr(a, n->u.binary.y); break;
    case AST_INC_DEC: audit_expr(a, n->u.inc_dec.x); break;
    case AST_ASSIGN:
        for (int i = 0; i < n->u.assign.lhs.n; i++) {
            Node *l = n->u.assign.lhs.items[i];
            if (l->kind != AST_IDENT || strcmp(l->u.ident.name, "_")) audit_expr(a, l);
        }
        audit_list(a, &n->u.assign.rhs);
        for (int i = 0; i < n->u.assign.rhs.n; i++) audit_expr(a, n->u.assign.rhs.items[i]);
        break;
    case AST_RETURN: for (int i = 0; i < n->u.ret.results.n; i++) audit_expr(a, n->u.ret.results.items[i]); break;
    case AST_IF:
        audit(a, n->u.if_.init);
        audit_expr(a, n->u.if_.cond);
        audit(a, n->u.if_.then);
        audit(a, n->u.if_.else_);
        break;
    case AST_SWITCH: case AST_TYPE_SWITCH: case AST_SELECT:
        audit(a, n->u.switch_.init);
        if (n->kind == AST_SWITCH && n->u.switch_.tag) audit(a, n->u.switch_.tag);
        audit(a, n->u.switch_.body);
        break;
    case AST_CASE_CLAUSE: case AST_COMM_CLAUSE:
        audit(a, n->u.clause.comm);
        audit_list(a, &n->u.clause.body);
        break;
    case AST_FOR:
        audit(a, n->u.for_.init);
        audit_expr(a, n->u.for_.cond);
        audit(a, n->u.for_.post);
        audit(a, n->u.for_.body);
        break;
    case AST_RANGE:
        if (!NF_RANGE(n)) audit_fail(a, n, "without range kind");
        audit_expr(a, n->u.range.x);
        audit(a, n->u.range.body);
        break;
    default: break;
    }
}

static void audit_file(const char *path, int *total_bad) {
    SrcFile src;
    char err[256];
    if (src_load(&src, path, err, sizeof err)) return;
    DiagList dl;
    diag_init(&dl, path);
    AstFile ast;
    if (parse_file(&ast, &src, &dl) == 0 && ast.root) {
        ChkProgram p;
        int ne = chk_file(&p, &ast, &dl);
        if (ne) {
            diag_print(&dl, stderr);
            (*total_bad)++;
        } else {
            Audit a = {path, 0, 0};
            audit(&a, ast.root);
            *total_bad += a.bad;
        }
        chk_free(&p);
    }
    ast_free(&ast);
    diag_free(&dl);
    src_free(&src);
}

static void test_corpus_fully_annotated(void **state) {
    (void)state;
    int bad = 0, n = 0;
    FILE *ls = popen("ls tests/check/ok/*.go tests/run/*/*.go scenarios/*.go 2>/dev/null", "r");
    assert_non_null(ls);
    char line[1024];
    while (fgets(line, sizeof line, ls)) {
        line[strcspn(line, "\n")] = 0;
        audit_file(line, &bad);
        n++;
    }
    pclose(ls);
    if (getenv("AUDIT_VERBOSE")) fprintf(stderr, "audited %d files, %d problems\n", n, bad);
    assert_true(n > 0);
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_program_annotations),
        cmocka_unit_test(test_init_order),
        cmocka_unit_test(test_untyped_and_interfaces),
        cmocka_unit_test(test_errors_like_go),
        cmocka_unit_test(test_corpus_fully_annotated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
