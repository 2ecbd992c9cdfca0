/* test_types: type construction, Go-style type strings, identity,
 * assignability, convertibility, method lookup and interface satisfaction. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "types.h"

static char buf[256];

static const char *str(TyCtx *c, Type *t, int q) { return ty_string(c, t, q, buf, sizeof buf); }

static Type *sig(TyCtx *c, Type **params, int np, Type **results, int nr, int variadic) {
    Type *f = ty_new(c, TY_FUNC);
    f->u.func.params = arena_alloc(&c->arena, sizeof(Obj *) * (size_t)(np + 1));
    f->u.func.results = arena_alloc(&c->arena, sizeof(Obj *) * (size_t)(nr + 1));
    for (int i = 0; i < np; i++) f->u.func.params[i] = ty_obj(c, OBJ_VAR, "", params[i], (Pos){0, 0});
    for (int i = 0; i < nr; i++) f->u.func.results[i] = ty_obj(c, OBJ_VAR, "", results[i], (Pos){0, 0});
    f->u.func.nparams = np;
    f->u.func.nresults = nr;
    f->u.func.variadic = variadic;
    return f;
}

static Type *iface1(TyCtx *c, const char *m, Type *msig) {
    Type *it = ty_new(c, TY_INTERFACE);
    it->u.iface.methods = arena_alloc(&c->arena, sizeof(Obj *));
    Obj *o = ty_obj(c, OBJ_FUNC, m, msig, (Pos){0, 0});
    o->flags = OBJF_METHOD;
    it->u.iface.methods[0] = o;
    it->u.iface.nmethods = 1;
    it->u.iface.complete = 1;
    return it;
}

static void test_strings(void **state) {
    (void)state;
    TyCtx c;
    ty_init(&c);
    Pkg mainp = {"main", "main", NULL, 0}, timep = {"time", "time", NULL, 1};
    c.cur_pkg = &mainp;
    Type *intt = ty_basic(&c, TY_INT), *str_t = ty_basic(&c, TY_STRING);
    assert_string_equal(str(&c, ty_slice(&c, str_t), 0), "[]string");
    assert_string_equal(str(&c, ty_map(&c, str_t, intt), 0), "map[string]int");
    assert_string_equal(str(&c, ty_slice(&c, c.byte_t), 0), "[]byte");
    assert_string_equal(str(&c, ty_chan(&c, intt, CHAN_RECV), 0), "<-chan int");
    assert_string_equal(str(&c, ty_chan(&c, ty_chan(&c, intt, CHAN_RECV), CHAN_BOTH), 0), "chan (<-chan int)");
    assert_string_equal(str(&c, ty_array(&c, intt, 3), 0), "[3]int");
    Obj *to = ty_obj(&c, OBJ_TYPE, "T", NULL, (Pos){1, 6});
    to->pkg = &mainp;
    Type *T = ty_named(&c, to, ty_new(&c, TY_STRUCT));
    to->type = T;
    assert_string_equal(str(&c, ty_pointer(&c, T), 0), "*T");
    assert_string_equal(str(&c, ty_pointer(&c, T), 1), "*main.T");
    Obj *dobj = ty_obj(&c, OBJ_TYPE, "Duration", NULL, (Pos){0, 0});
    dobj->pkg = &timep;
    Type *D = ty_named(&c, dobj, ty_basic(&c, TY_INT64));
    assert_string_equal(str(&c, D, 0), "time.Duration");
    Type *f = sig(&c, (Type *[]){intt, ty_slice(&c, str_t)}, 2, (Type *[]){intt, c.error_t}, 2, 1);
    assert_string_equal(str(&c, f, 0), "func(int, ...string) (int, error)");
    assert_string_equal(str(&c, c.any_t, 0), "any");
    assert_string_equal(str(&c, ty_slice(&c, c.any_t), 1), "[]interface {}");
    assert_string_equal(str(&c, ty_basic(&c, TY_UNTYPED_FLOAT), 0), "untyped float");
    ty_free(&c);
}

static void test_identity_assignability(void **state) {
    (void)state;
    TyCtx c;
    ty_init(&c);
    Type *intt = ty_basic(&c, TY_INT), *i32 = ty_basic(&c, TY_INT32);
    assert_true(ty_identical(ty_slice(&c, intt), ty_slice(&c, intt)));
    assert_false(ty_identical(ty_slice(&c, intt), ty_slice(&c, i32)));
    assert_true(ty_identical(c.rune_t, i32)); /* rune is an alias */
    assert_true(ty_identical(c.byte_t, ty_basic(&c, TY_UINT8)));
    Obj *mo = ty_obj(&c, OBJ_TYPE, "MyInt", NULL, (Pos){0, 0});
    Type *MyInt = ty_named(&c, mo, intt);
    assert_false(ty_assignable(&c, intt, MyInt)); /* both named */
    assert_true(ty_convertible(&c, intt, MyInt));
    assert_true(ty_assignable(&c, ty_basic(&c, TY_UNTYPED_INT), MyInt));
    assert_false(ty_assignable(&c, ty_basic(&c, TY_UNTYPED_STRING), MyInt));
    /* unnamed vs named with identical underlying types */
    Obj *so = ty_obj(&c, OBJ_TYPE, "Ints", NULL, (Pos){0, 0});
    Type *Ints = ty_named(&c, so, ty_slice(&c, intt));
    assert_true(ty_assignable(&c, ty_slice(&c, intt), Ints));
    /* channels */
    Type *ch = ty_chan(&c, intt, CHAN_BOTH);
    assert_true(ty_assignable(&c, ch, ty_chan(&c, intt, CHAN_RECV)));
    assert_false(ty_assignable(&c, ty_chan(&c, intt, CHAN_RECV), ch));
    /* nil */
    assert_true(ty_assignable(&c, ty_basic(&c, TY_UNTYPED_NIL), ty_map(&c, intt, intt)));
    assert_false(ty_assignable(&c, ty_basic(&c, TY_UNTYPED_NIL), intt));
    /* conversions */
    assert_true(ty_convertible(&c, ty_basic(&c, TY_STRING), ty_slice(&c, c.byte_t)));
    assert_true(ty_convertible(&c, ty_basic(&c, TY_FLOAT64), intt));
    assert_false(ty_convertible(&c, ty_basic(&c, TY_STRING), intt));
    assert_true(ty_comparable(ty_array(&c, intt, 2)));
    assert_false(ty_comparable(ty_slice(&c, intt)));
    ty_free(&c);
}

static void test_methods_and_interfaces(void **state) {
    (void)state;
    TyCtx c;
    ty_init(&c);
    Type *intt = ty_basic(&c, TY_INT);
    /* type T struct{ E }; type E struct{ n int }; func (*E) M() int */
    Obj *eo = ty_obj(&c, OBJ_TYPE, "E", NULL, (Pos){0, 0});
    Type *es = ty_new(&c, TY_STRUCT);
    es->u.strct.fields = arena_alloc(&c.arena, sizeof(Obj *));
    es->u.strct.fields[0] = ty_obj(&c, OBJ_VAR, "n", intt, (Pos){0, 0});
    es->u.strct.fields[0]->flags = OBJF_FIELD;
    es->u.strct.nfields = 1;
    Type *E = ty_named(&c, eo, es);
    Type *msig = sig(&c, NULL, 0, (Type *[]){intt}, 1, 0);
    Obj *m = ty_obj(&c, OBJ_FUNC, "M", msig, (Pos){0, 0});
    m->flags = OBJF_METHOD | OBJF_PTR_RECV;
    ty_add_method(&c, E, m);
    Obj *tobj = ty_obj(&c, OBJ_TYPE, "T", NULL, (Pos){0, 0});
    Type *ts = ty_new(&c, TY_STRUCT);
    ts->u.strct.fields = arena_alloc(&c.arena, sizeof(Obj *));
    ts->u.strct.fields[0] = ty_obj(&c, OBJ_VAR, "E", E, (Pos){0, 0});
    ts->u.strct.fields[0]->flags = OBJF_FIELD | OBJF_EMBEDDED;
    ts->u.strct.nfields = 1;
    Type *T = ty_named(&c, tobj, ts);
    TySel s = ty_lookup_field_or_method(&c, T, "n");
    assert_non_null(s.obj);
    assert_int_equal(s.npath, 1);
    assert_int_equal(s.path[0], 0);
    s = ty_lookup_field_or_method(&c, T, "M");
    assert_ptr_equal(s.obj, m);
    assert_null(ty_lookup_field_or_method(&c, T, "x").obj);
    /* interface { M() int }: *T implements it, T does not (pointer receiver) */
    Type *I = iface1(&c, "M", msig);
    int wrong, ptr;
    assert_null(ty_missing_method(&c, ty_pointer(&c, T), I, &wrong, &ptr));
    assert_ptr_equal(ty_missing_method(&c, T, I, &wrong, &ptr)->name, m->name);
    assert_true(ptr);
    /* wrong signature */
    Type *I2 = iface1(&c, "M", sig(&c, (Type *[]){intt}, 1, NULL, 0, 0));
    assert_non_null(ty_missing_method(&c, ty_pointer(&c, T), I2, &wrong, &ptr));
    assert_true(wrong);
    /* error is implemented by nothing here */
    assert_false(ty_assignable(&c, intt, c.error_t));
    assert_true(ty_assignable(&c, intt, c.any_t));
    ty_free(&c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_identity_assignability),
        cmocka_unit_test(test_methods_and_interfaces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
