/* test_vm: the VM core on hand-assembled bytecode: calls, arithmetic,
 * defer/panic/recover, Go's panic report, append growth, maps, the GC
 * (stress mode and bounded memory), preemption, budgets and nested calls.
 * Expected values that Go defines (capacities, panic texts) were produced by
 * running the equivalent Go program with Go 1.19 (quoted next to each). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <time.h>

#include "vm.h"

/* ---- a tiny assembler ---- */

typedef struct Asm {
    Vm *vm;
    Proto *p;
    VEC(Instr) code;
    VEC(Value) k;
} Asm;

static void asm_begin(Asm *a, Vm *vm, const char *name, int nparams, int nresults, int nregs) {
    memset(a, 0, sizeof *a);
    a->vm = vm;
    a->p = vm_proto_new(vm, name);
    a->p->nparams = nparams;
    a->p->nresults = nresults;
    a->p->nregs = nregs;
}

static int emit(Asm *a, Instr i) {
    VEC_PUSH(a->code, i);
    return a->code.len - 1;
}
#define E(a, op, x, y, z) emit(a, VM_MK(OP_##op, x, y, z, 0))
#define ED(a, op, x, y, z, d) emit(a, VM_MK(OP_##op, x, y, z, d))
#define EX(a, op, x, bx) emit(a, VM_MKX(OP_##op, x, bx))

static int kconst(Asm *a, Value v) {
    VEC_PUSH(a->k, v);
    return a->k.len - 1;
}

static int here(Asm *a) { return a->code.len; }

/* patch: make the jump at [at] land on [target]. */
static void patch(Asm *a, int at, int target) {
    Instr i = a->code.items[at];
    a->code.items[at] = VM_MKX(VM_OP(i), VM_A(i), target - (at + 1));
}

static Proto *asm_end(Asm *a) {
    Proto *p = a->p;
    p->ncode = a->code.len;
    p->code = mem_alloc(sizeof(Instr) * (size_t)p->ncode);
    memcpy(p->code, a->code.items, sizeof(Instr) * (size_t)p->ncode);
    p->lines = mem_alloc(sizeof(int) * (size_t)p->ncode);
    for (int i = 0; i < p->ncode; i++) p->lines[i] = 10 + i;
    p->nk = a->k.len;
    p->k = mem_alloc(sizeof(Value) * (size_t)(p->nk ? p->nk : 1));
    if (p->nk) memcpy(p->k, a->k.items, sizeof(Value) * (size_t)p->nk);
    if (!p->nk) {
        mem_free(p->k, sizeof(Value));
        p->k = NULL;
    }
    VEC_FREE(a->code);
    VEC_FREE(a->k);
    return p;
}

static Value closure_of(Vm *vm, const Proto *p) {
    ClosureObj *c = vm_closure(vm, p, p->nupvals);
    vm_pin(vm, &c->h);
    return (Value){{0}, &c->h};
}

static int proto_index(Vm *vm, const Proto *p) {
    for (int i = 0; i < vm->protos.len; i++)
        if (vm->protos.items[i] == p) return i;
    return -1;
}

static Value ival(int64_t x) { return (Value){{.i = x}, NULL}; }

/* run_main: run [fn] as goroutine 1 to the end; returns the status. */
static int run_main(Vm *vm, Value fn, Value arg, int nargs, Goroutine **out) {
    Goroutine *g = vm_goroutine_new(vm, fn, &arg, nargs);
    int st = vm_run(vm, g, INT64_MAX);
    *out = g;
    return st;
}

/* fib(n): if n < 2 { return n }; return fib(n-1) + fib(n-2) */
static Value make_fib(Vm *vm) {
    Asm a;
    asm_begin(&a, vm, "main.fib", 1, 1, 4);
    Proto *p = a.p;
    int kf = kconst(&a, (Value){{0}, NULL}); /* patched to the closure below */
    EX(&a, LOADI, 1, 2);
    E(&a, LT, 2, 0, 1);
    int j = EX(&a, JF, 2, 0);
    E(&a, RET, 0, 1, 0);
    patch(&a, j, here(&a));
    EX(&a, LOADK, 1, kf);
    E(&a, ADDI, 2, 0, (uint16_t)-1);
    E(&a, CALL, 1, 1, 1);
    EX(&a, LOADK, 2, kf);
    E(&a, ADDI, 3, 0, (uint16_t)-2);
    E(&a, CALL, 2, 1, 1);
    E(&a, ADD, 1, 1, 2);
    E(&a, RET, 1, 1, 0);
    asm_end(&a);
    Value c = closure_of(vm, p);
    p->k[kf] = c;
    return c;
}

static double now_sec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_fib(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    Value fib = make_fib(&vm);
    Goroutine *g;
    assert_int_equal(run_main(&vm, fib, ival(25), 1, &g), VM_DONE);
    assert_int_equal(vm_goroutine_result(g)[0].i, 75025);
    double t0 = now_sec();
    Goroutine *g2;
    assert_int_equal(run_main(&vm, fib, ival(30), 1, &g2), VM_DONE);
    assert_int_equal(vm_goroutine_result(g2)[0].i, 832040);
    print_message("fib(30): %.1f ms\n", (now_sec() - t0) * 1e3);
    vm_free(&vm);
}

/* sum := 0; for i := 0; i < n; i++ { sum += i }; return sum */
static void test_loop(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    Asm a;
    asm_begin(&a, &vm, "main.loop", 1, 1, 4);
    EX(&a, LOADI, 1, 0); /* sum */
    EX(&a, LOADI, 2, 0); /* i */
    int top = here(&a);
    E(&a, LT, 3, 2, 0);
    int j = EX(&a, JF, 3, 0);
    E(&a, ADD, 1, 1, 2);
    E(&a, ADDI, 2, 2, 1);
    int back = EX(&a, JMP, 0, 0);
    patch(&a, back, top);
    patch(&a, j, here(&a));
    E(&a, RET, 1, 1, 0);
    Value fn = closure_of(&vm, asm_end(&a));
    Goroutine *g;
    double t0 = now_sec();
    assert_int_equal(run_main(&vm, fn, ival(10000000), 1, &g), VM_DONE);
    double dt = now_sec() - t0;
    assert_true(vm_goroutine_result(g)[0].i == 49999995000000LL);
    print_message("10M-iteration loop: %.2f ns/iter\n", dt * 1e9 / 1e7);
    /* The same loop under a small budget yields and resumes. */
    Goroutine *g2 = vm_goroutine_new(&vm, fn, (Value[]){ival(100000)}, 1);
    int yields = 0, s;
    while ((s = vm_run(&vm, g2, 1000)) == VM_BUDGET) yields++;
    assert_int_equal(s, VM_DONE);
    assert_true(yields >= 99);
    assert_true(vm_goroutine_result(g2)[0].i == 4999950000LL);
    vm_free(&vm);
}

/* func f() (r int) { defer func() { if recover() != nil { r = 42 } }(); panic("boom") } */
static void test_defer_recover_named_result(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    Asm c;
    asm_begin(&c, &vm, "main.f.func1", 0, 0, 5);
    E(&c, RECOVER, 0, 0, 0);
    E(&c, LOADNIL, 1, 0, 0);
    E(&c, EQ, 2, 0, 1);
    int j = EX(&c, JT, 2, 0);
    E(&c, GETU, 3, 0, 0);
    EX(&c, LOADI, 4, 42);
    E(&c, STOREC, 3, 4, 0);
    patch(&c, j, here(&c));
    E(&c, RET, 0, 0, 0);
    Proto *cp = asm_end(&c);
    cp->nupvals = 1;
    cp->upvals = arena_alloc(&vm.arena, sizeof(UpvalDesc));
    cp->upvals[0] = (UpvalDesc){0, 0};

    Asm a;
    asm_begin(&a, &vm, "main.f", 0, 1, 4);
    int ks = kconst(&a, vm_str(&vm, "boom", 4));
    vm_pin(&vm, a.k.items[ks].r);
    EX(&a, LOADI, 1, 0);
    E(&a, NEWCELL, 0, 1, 0);
    EX(&a, CLOSURE, 1, proto_index(&vm, cp));
    E(&a, DEFER, 1, 0, 0);
    EX(&a, LOADK, 2, ks);
    E(&a, BOX, 2, 2, vm.t_string->id);
    E(&a, PANIC, 2, 0, 0);
    int ret_pc = here(&a);
    E(&a, RUNDEFERS, 0, 0, 0);
    E(&a, LOADC, 1, 0, 0);
    E(&a, RET, 1, 1, 0);
    Proto *fp = asm_end(&a);
    fp->ret_pc = ret_pc;
    Goroutine *g;
    assert_int_equal(run_main(&vm, closure_of(&vm, fp), ival(0), 0, &g), VM_DONE);
    assert_int_equal(vm_goroutine_result(g)[0].i, 42);
    assert_null(g->panic);
    vm_free(&vm);
}

static char *capture_panic(Vm *vm, Goroutine *g) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    vm_print_panic(vm, g, m);
    fclose(m);
    return buf;
}

/* func main() { s := []int{1, 2, 3}; i := 5; _ = s[i] }
 * Go 1.19: "panic: runtime error: index out of range [5] with length 3" */
static void test_panic_index(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    RType *ts = vm_type_new(&vm, RK_SLICE, "[]int");
    ts->elem = vm.t_int;
    Asm a;
    asm_begin(&a, &vm, "main.main", 0, 0, 6);
    EX(&a, LOADI, 1, 1);
    EX(&a, LOADI, 2, 2);
    EX(&a, LOADI, 3, 3);
    E(&a, SLICELIT, 0, 1, 3);
    EX(&a, EXTRA, 0, ts->id);
    EX(&a, LOADI, 4, 5);
    E(&a, SGET, 5, 0, 4);
    E(&a, RET, 0, 0, 0);
    Goroutine *g;
    assert_int_equal(run_main(&vm, closure_of(&vm, asm_end(&a)), ival(0), 0, &g), VM_PANICKED);
    char *out = capture_panic(&vm, g);
    assert_string_equal(out, "panic: runtime error: index out of range [5] with length 3\n\n"
                             "goroutine 1 [running]:\nmain.main()\n\tmain.go:16\n");
    free(out);
    vm_free(&vm);
}

/* defer func() { r := recover(); panic(fmt.Sprint("re:", r)) }(); panic("first")
 * Go 1.19: "panic: first [recovered]\n\tpanic: second" (second = our text) */
static void test_repanic_chain(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    Asm c;
    asm_begin(&c, &vm, "main.main.func1", 0, 0, 3);
    int k2 = kconst(&c, vm_str(&vm, "second", 6));
    vm_pin(&vm, c.k.items[k2].r);
    E(&c, RECOVER, 0, 0, 0);
    EX(&c, LOADK, 1, k2);
    E(&c, BOX, 1, 1, vm.t_string->id);
    E(&c, PANIC, 1, 0, 0);
    E(&c, RET, 0, 0, 0);
    Proto *cp = asm_end(&c);
    Asm a;
    asm_begin(&a, &vm, "main.main", 0, 0, 3);
    int k1 = kconst(&a, vm_str(&vm, "first", 5));
    vm_pin(&vm, a.k.items[k1].r);
    EX(&a, CLOSURE, 0, proto_index(&vm, cp));
    E(&a, DEFER, 0, 0, 0);
    EX(&a, LOADK, 1, k1);
    E(&a, BOX, 1, 1, vm.t_string->id);
    E(&a, PANIC, 1, 0, 0);
    int ret_pc = here(&a);
    E(&a, RUNDEFERS, 0, 0, 0);
    E(&a, RET, 0, 0, 0);
    Proto *mp = asm_end(&a);
    mp->ret_pc = ret_pc;
    Goroutine *g;
    assert_int_equal(run_main(&vm, closure_of(&vm, mp), ival(0), 0, &g), VM_PANICKED);
    char *out = capture_panic(&vm, g);
    assert_true(strncmp(out, "panic: first [recovered]\n\tpanic: second\n\ngoroutine 1 [running]:\n", 64) == 0);
    free(out);
    vm_free(&vm);
}

/* Division by zero and nil map assignment texts (Go 1.19). */
static void test_runtime_errors(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    RType *tm = vm_type_new(&vm, RK_MAP, "map[int]int");
    tm->key = tm->elem = vm.t_int;
    Asm a;
    asm_begin(&a, &vm, "main.div", 2, 1, 3);
    E(&a, DIV, 2, 0, 1);
    E(&a, RET, 2, 1, 0);
    Value div = closure_of(&vm, asm_end(&a));
    Goroutine *g = vm_goroutine_new(&vm, div, (Value[]){ival(7), ival(0)}, 2);
    assert_int_equal(vm_run(&vm, g, INT64_MAX), VM_PANICKED);
    char *out = capture_panic(&vm, g);
    assert_true(strncmp(out, "panic: runtime error: integer divide by zero\n", 45) == 0);
    free(out);
    /* INT64_MIN / -1 wraps as in Go, no trap. */
    g = vm_goroutine_new(&vm, div, (Value[]){ival(INT64_MIN), ival(-1)}, 2);
    assert_int_equal(vm_run(&vm, g, INT64_MAX), VM_DONE);
    assert_true(vm_goroutine_result(g)[0].i == INT64_MIN);

    asm_begin(&a, &vm, "main.nilmap", 0, 0, 3);
    E(&a, LOADNIL, 0, 0, 0);
    EX(&a, LOADI, 1, 1);
    E(&a, MSET, 0, 1, 1);
    E(&a, RET, 0, 0, 0);
    g = vm_goroutine_new(&vm, closure_of(&vm, asm_end(&a)), NULL, 0);
    assert_int_equal(vm_run(&vm, g, INT64_MAX), VM_PANICKED);
    out = capture_panic(&vm, g);
    assert_true(strncmp(out, "panic: assignment to entry in nil map\n", 38) == 0);
    free(out);
    vm_free(&vm);
}

/* Capacities after appending one at a time, from Go 1.19 (caps.go):
 * []int: 1,2,4,...,512,848,1280,1792,2560,3408,5120
 * []struct{A,B,C int}: ...,512,853,1365 */
static void check_caps(Vm *vm, const RType *st, int n, const int64_t *want, int nwant) {
    Asm a;
    asm_begin(&a, vm, "main.caps", 1, 0, 8);
    /* for i := 0; i < n; i++ { s = append(s, i); if cap(s) != last { out = append(out, cap) } } */
    E(&a, LOADNIL, 1, 0, 0); /* s */
    E(&a, LOADNIL, 2, 0, 0); /* out: []int */
    EX(&a, LOADI, 3, -1);   /* last */
    EX(&a, LOADI, 4, 0);    /* i */
    int top = here(&a);
    E(&a, LT, 5, 4, 0);
    int jend = EX(&a, JF, 5, 0);
    if (vm_is_agg(st->elem)) EX(&a, ZERO, 6, st->elem->id);
    else E(&a, MOVE, 6, 4, 0);
    E(&a, APPEND, 1, 6, 1);
    EX(&a, EXTRA, 0, st->id);
    ED(&a, CAP, 6, 1, 0, 1);
    E(&a, EQ, 5, 6, 3);
    int jskip = EX(&a, JT, 5, 0);
    E(&a, MOVE, 3, 6, 0);
    E(&a, APPEND, 2, 6, 1);
    EX(&a, EXTRA, 0, vm->types.items[2]->id); /* []int made by the caller */
    patch(&a, jskip, here(&a));
    E(&a, ADDI, 4, 4, 1);
    patch(&a, EX(&a, JMP, 0, 0), top);
    patch(&a, jend, here(&a));
    E(&a, RET, 2, 1, 0);
    Proto *p = asm_end(&a);
    p->nresults = 1;
    Goroutine *g;
    assert_int_equal(run_main(vm, closure_of(vm, p), ival(n), 1, &g), VM_DONE);
    SliceObj *out = (SliceObj *)vm_goroutine_result(g)[0].r;
    assert_int_equal(out->len, nwant);
    for (int i = 0; i < nwant; i++) assert_int_equal(out->arr->v[out->off + i].i, want[i]);
}

static void test_append_growth(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    RType *ts = vm_type_new(&vm, RK_SLICE, "[]int");
    GORO_ASSERT(ts->id == 2);
    ts->elem = vm.t_int;
    RType *ti = (RType *)vm.t_int;
    ti->size = 8;
    static const int64_t want_int[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560, 3408, 5120};
    check_caps(&vm, ts, 5000, want_int, 16);
    RType *tp = vm_type_new(&vm, RK_STRUCT, "main.P");
    tp->named = 1;
    tp->nfields = 3;
    tp->fields = arena_alloc(&vm.arena, sizeof(RField) * 3);
    for (int i = 0; i < 3; i++) tp->fields[i] = (RField){(const char *[]){"A", "B", "C"}[i], vm.t_int, 0};
    tp->size = 24;
    RType *tps = vm_type_new(&vm, RK_SLICE, "[]main.P");
    tps->elem = tp;
    static const int64_t want_p[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853, 1365};
    vm.gc_stress = 1; /* every allocation collects: the zeroed structs must survive */
    check_caps(&vm, tps, 1000, want_p, 12);
    vm_free(&vm);
}

/* Maps: set/get/delete, and iteration order drawn from the PRNG. */
static void test_map(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 7);
    RType *tm = vm_type_new(&vm, RK_MAP, "map[string]int");
    tm->key = vm.t_string;
    tm->elem = vm.t_int;
    MapObj *m = vm_map_new(&vm, tm, 0);
    vm_pin(&vm, &m->h);
    const RType *bad = NULL;
    char name[16];
    for (int i = 0; i < 1000; i++) {
        int n = snprintf(name, sizeof name, "k%d", i);
        Value k = vm_str(&vm, name, n);
        vm_push_root(&vm, k.r);
        assert_int_equal(vm_map_set(&vm, m, k, ival(i), &bad), 0);
        vm_pop_roots(&vm, 1);
    }
    assert_int_equal(m->count, 1000);
    for (int i = 0; i < 1000; i += 2) {
        int n = snprintf(name, sizeof name, "k%d", i);
        Value k = vm_str(&vm, name, n);
        vm_map_delete(m, k);
    }
    assert_int_equal(m->count, 500);
    for (int i = 0; i < 1000; i++) {
        int n = snprintf(name, sizeof name, "k%d", i);
        Value *v = vm_map_get(m, vm_str(&vm, name, n));
        if (i % 2) {
            assert_non_null(v);
            assert_int_equal(v->i, i);
        } else assert_null(v);
    }
    /* Two ranges draw two starting points; the keys are all there. */
    AggObj *k1 = vm_map_keys(&vm, m, 0);
    vm_push_root(&vm, &k1->h);
    AggObj *k2 = vm_map_keys(&vm, m, 0);
    vm_pop_roots(&vm, 1);
    assert_int_equal(k1->n, 500);
    int same = 1;
    for (int i = 0; i < 500; i++) same &= vm_str_eq(k1->v[i], k2->v[i]);
    assert_false(same);
    vm_free(&vm);
}

/* Allocating far more than is held keeps the heap bounded (a small version
 * of "10 GB allocated while holding 10 MB"): 400 MB of strings through a
 * loop that keeps only the latest. */
static void test_gc_bounded(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    Asm a;
    asm_begin(&a, &vm, "main.churn", 1, 0, 6);
    char big[4096];
    memset(big, 'x', sizeof big);
    int kb = kconst(&a, vm_str(&vm, big, sizeof big));
    vm_pin(&vm, a.k.items[kb].r);
    EX(&a, LOADI, 1, 0);
    int top = here(&a);
    E(&a, LT, 2, 1, 0);
    int j = EX(&a, JF, 2, 0);
    EX(&a, LOADK, 3, kb);
    E(&a, CONCAT, 4, 3, 3); /* 8 KB of garbage each time */
    E(&a, ADDI, 1, 1, 1);
    patch(&a, EX(&a, JMP, 0, 0), top);
    patch(&a, j, here(&a));
    E(&a, RET, 0, 0, 0);
    Goroutine *g;
    size_t before = mem_live_bytes();
    assert_int_equal(run_main(&vm, closure_of(&vm, asm_end(&a)), ival(50000), 1, &g), VM_DONE);
    assert_true(vm.ngc > 10);
    assert_true(vm.bytes < (size_t)16 << 20);
    assert_true(mem_live_bytes() - before < (size_t)16 << 20);
    vm_free(&vm);
}

/* The preemption hook stops before a shared access and resumes there. */
static void test_preempt(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    vm.globals = mem_alloc(sizeof(Value));
    vm.nglobals = 1;
    Asm a;
    asm_begin(&a, &vm, "main.inc", 0, 0, 2);
    /* counter++ three times: GETG, ADDI, SETG */
    for (int k = 0; k < 3; k++) {
        EX(&a, GETG, 0, 0);
        E(&a, ADDI, 0, 0, 1);
        EX(&a, SETG, 0, 0);
    }
    E(&a, RET, 0, 0, 0);
    Goroutine *g = vm_goroutine_new(&vm, closure_of(&vm, asm_end(&a)), NULL, 0);
    vm.preempt = 2; /* the second shared access switches */
    assert_int_equal(vm_run(&vm, g, INT64_MAX), VM_PREEMPTED);
    assert_int_equal(g->frames[0].pc - g->frames[0].p->code, 2); /* stopped at the SETG */
    assert_int_equal(vm.globals[0].i, 0);
    vm.preempt = INT64_MAX;
    assert_int_equal(vm_run(&vm, g, INT64_MAX), VM_DONE);
    assert_int_equal(vm.globals[0].i, 3);
    vm_free(&vm);
}

/* A native calling back into Go (as fmt calls String methods). */
static int native_twice(Vm *vm, Goroutine *g, Value *args, int nargs, Value *res) {
    Value fn = args[0], x = args[1], r1, r2;
    if (vm_call(vm, g, fn, &x, 1, &r1, 1) != VM_OK) return VM_RAISE;
    if (vm_call(vm, g, fn, &r1, 1, &r2, 1) != VM_OK) return VM_RAISE;
    res[0] = r2;
    return VM_OK;
}

static void test_nested_call(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    Value fib = make_fib(&vm);
    Value twice = closure_of(&vm, vm_native_proto(&vm, "main.twice", native_twice, 2, 1));
    Asm a;
    asm_begin(&a, &vm, "main.main", 0, 1, 4);
    int kt = kconst(&a, twice), kf = kconst(&a, fib);
    EX(&a, LOADK, 0, kt);
    EX(&a, LOADK, 1, kf);
    EX(&a, LOADI, 2, 6);
    E(&a, CALL, 0, 2, 1);
    E(&a, RET, 0, 1, 0);
    Goroutine *g;
    assert_int_equal(run_main(&vm, closure_of(&vm, asm_end(&a)), ival(0), 0, &g), VM_DONE);
    assert_int_equal(vm_goroutine_result(g)[0].i, 21); /* fib(fib(6)) = fib(8) */
    vm_free(&vm);
}

/* Struct copies are deep; ASSIGN keeps identity (pointers stay valid). */
static void test_struct_semantics(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    RType *inner = vm_type_new(&vm, RK_ARRAY, "[2]int");
    inner->elem = vm.t_int;
    inner->len = 2;
    RType *t = vm_type_new(&vm, RK_STRUCT, "main.T");
    t->nfields = 2;
    t->fields = arena_alloc(&vm.arena, sizeof(RField) * 2);
    t->fields[0] = (RField){"X", vm.t_int, 0};
    t->fields[1] = (RField){"A", inner, 0};
    vm.gc_stress = 1;
    Value a = vm_zero(&vm, t);
    vm_pin(&vm, a.r);
    AggObj *ao = (AggObj *)a.r;
    ao->v[0].i = 5;
    ((AggObj *)ao->v[1].r)->v[1].i = 9;
    AggObj *b = vm_clone(&vm, ao);
    vm_pin(&vm, &b->h);
    assert_true(b->v[1].r != ao->v[1].r);
    assert_int_equal(((AggObj *)b->v[1].r)->v[1].i, 9);
    assert_true(vm_equal(t, a, (Value){{0}, &b->h}, NULL));
    ((AggObj *)b->v[1].r)->v[1].i = 10;
    assert_false(vm_equal(t, a, (Value){{0}, &b->h}, NULL));
    GcObj *inner_before = ao->v[1].r;
    vm_assign(&vm, ao, b);
    assert_ptr_equal(ao->v[1].r, inner_before);
    assert_int_equal(((AggObj *)ao->v[1].r)->v[1].i, 10);
    vm_free(&vm);
}

/* The blocking contract the scheduler builds on: a receive on an empty
 * channel returns VM_BLOCKED with Go's wait reason and leaves pc on the
 * RECV; once a value is queued, vm_run re-executes it and goes on. */
static void test_chan_block_resume(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    RType *tc = vm_type_new(&vm, RK_CHAN, "chan int");
    tc->elem = vm.t_int;
    Asm a;
    asm_begin(&a, &vm, "main.recv", 1, 1, 3);
    E(&a, RECV, 1, 0, 0);
    E(&a, ADDI, 1, 1, 1);
    E(&a, RET, 1, 1, 0);
    ChanObj *c = vm_chan_new(&vm, tc, 1);
    vm_pin(&vm, &c->h);
    Goroutine *g = vm_goroutine_new(&vm, closure_of(&vm, asm_end(&a)), (Value[]){{{0}, &c->h}}, 1);
    assert_int_equal(vm_run(&vm, g, INT64_MAX), VM_BLOCKED);
    assert_string_equal(g->wait, "chan receive");
    assert_int_equal(g->frames[0].pc - g->frames[0].p->code, 0);
    assert_int_equal(vm_run(&vm, g, INT64_MAX), VM_BLOCKED); /* still nothing to take */
    assert_int_equal(vm_chan_try_send(c, ival(41)), 1);
    assert_int_equal(vm_chan_try_send(c, ival(1)), 0); /* full: a sender would block */
    assert_int_equal(vm_run(&vm, g, INT64_MAX), VM_DONE);
    assert_int_equal(vm_goroutine_result(g)[0].i, 42);
    c->closed = 1;
    assert_int_equal(vm_chan_try_send(c, ival(1)), -1);
    vm_free(&vm);
}

/* A parked goroutine is small: 100,000 goroutines blocked on a channel
 * receive cost a few hundred bytes each (stack, frames, bookkeeping). */
static void test_parked_goroutine_size(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    RType *tc = vm_type_new(&vm, RK_CHAN, "chan int");
    tc->elem = vm.t_int;
    Asm a;
    asm_begin(&a, &vm, "main.worker", 1, 0, 2);
    E(&a, RECV, 1, 0, 0);
    E(&a, RET, 0, 0, 0);
    Value fn = closure_of(&vm, asm_end(&a));
    ChanObj *c = vm_chan_new(&vm, tc, 0);
    vm_pin(&vm, &c->h);
    size_t before = mem_live_bytes();
    enum { N = 100000 };
    for (int i = 0; i < N; i++) {
        Goroutine *g = vm_goroutine_new(&vm, fn, (Value[]){{{0}, &c->h}}, 1);
        assert_int_equal(vm_run(&vm, g, INT64_MAX), VM_BLOCKED);
    }
    size_t per = (mem_live_bytes() - before) / N;
    print_message("parked goroutine: %zu bytes\n", per);
    assert_true(per < 1024);
    vm_free(&vm);
}

/* The shape a scheduler drives: main spawns a worker (GO returns
 * VM_SPAWNED) and blocks receiving from a 1-slot channel the worker fills;
 * a round-robin loop over the goroutines, retrying blocked ones, finishes
 * both. */
static void test_go_and_round_robin(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    RType *tc = vm_type_new(&vm, RK_CHAN, "chan int");
    tc->elem = vm.t_int;
    Asm w;
    asm_begin(&w, &vm, "main.worker", 2, 0, 3); /* worker(ch, x) { ch <- x * 2 } */
    E(&w, ADD, 2, 1, 1);
    E(&w, SEND, 0, 2, 0);
    E(&w, RET, 0, 0, 0);
    Value worker = closure_of(&vm, asm_end(&w));
    Asm a;
    asm_begin(&a, &vm, "main.main", 1, 1, 5); /* main(ch) { go worker(ch, 21); return <-ch } */
    int kw = kconst(&a, worker);
    EX(&a, LOADK, 1, kw);
    E(&a, MOVE, 2, 0, 0);
    EX(&a, LOADI, 3, 21);
    E(&a, GO, 1, 2, 0);
    E(&a, RECV, 4, 0, 0);
    E(&a, RET, 4, 1, 0);
    ChanObj *c = vm_chan_new(&vm, tc, 1);
    vm_pin(&vm, &c->h);
    Goroutine *run[4] = {vm_goroutine_new(&vm, closure_of(&vm, asm_end(&a)), (Value[]){{{0}, &c->h}}, 1)};
    Goroutine *main_g = run[0];
    int n = 1, done = 0, steps = 0;
    while (done < 2 && steps++ < 100) {
        for (int k = 0; k < n; k++) {
            if (run[k]->dead) continue;
            int s2 = vm_run(&vm, run[k], 1000);
            if (s2 == VM_SPAWNED) run[n++] = vm.spawned;
            if (s2 == VM_DONE) done++;
        }
    }
    assert_int_equal(done, 2);
    assert_int_equal(n, 2);
    assert_int_equal(run[1]->id, 2); /* ids as Go numbers them */
    assert_int_equal(vm_goroutine_result(main_g)[0].i, 42);
    vm_free(&vm);
}

static void test_disasm(void **st) {
    Vm vm;
    vm_init(&vm, stdout, 1);
    make_fib(&vm);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    vm_disasm_proto(&vm, vm.protos.items[vm.protos.len - 1], m);
    fclose(m);
    assert_non_null(strstr(buf, "func main.fib: params 1 results 1 regs 4"));
    assert_non_null(strstr(buf, "CALL       1 1 1"));
    assert_non_null(strstr(buf, "LOADK      1 0\t; func main.fib"));
    assert_string_equal(vm_op_name(OP_MOVE), "MOVE");
    assert_string_equal(vm_op_name(9999), "?");
    free(buf);
    vm_free(&vm);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fib),
        cmocka_unit_test(test_loop),
        cmocka_unit_test(test_defer_recover_named_result),
        cmocka_unit_test(test_panic_index),
        cmocka_unit_test(test_repanic_chain),
        cmocka_unit_test(test_runtime_errors),
        cmocka_unit_test(test_append_growth),
        cmocka_unit_test(test_map),
        cmocka_unit_test(test_gc_bounded),
        cmocka_unit_test(test_preempt),
        cmocka_unit_test(test_nested_call),
        cmocka_unit_test(test_struct_semantics),
        cmocka_unit_test(test_chan_block_resume),
        cmocka_unit_test(test_parked_goroutine_size),
        cmocka_unit_test(test_go_and_round_robin),
        cmocka_unit_test(test_disasm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
