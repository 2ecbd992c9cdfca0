/* vm_panic: starting panics (user values and runtime errors) and printing a
 * dead goroutine's report exactly as the Go runtime does (printpanics,
 * printpanicval, printfloat in runtime/panic.go, error.go, print.go).
 *
 * Invariants: a runtime error is an interface value whose dynamic type is
 * one of a few named string types with a native Error method, so
 * recover() hands the program a real error; every PanicRec owns a snapshot
 * of the frames live when it started.
 */
#include <stdarg.h>
#include <string.h>

#include "vm.h"

static int native_error(Vm *vm, Goroutine *g, Value *args, int nargs, Value *res) {
    res[0] = args[0];
    return VM_OK;
}

static int native_runtime_error(Vm *vm, Goroutine *g, Value *args, int nargs, Value *res) { return VM_OK; }

/* is_runtime_error: whether [t] is one of error_type's types. */
static int is_runtime_error(const Vm *vm, const RType *t) {
    for (int i = 0; i < t->nmethods; i++)
        if (t->methods[i].fn && ((ClosureObj *)t->methods[i].fn)->p->native == native_error) return 1;
    return 0;
}

/* error_type: runtime error type [name] (a string type with a native Error
 * method), made on first use: runtime.boundsError for index and slice
 * bounds, *runtime.TypeAssertionError for failed assertions,
 * runtime.plainError for messages without the "runtime error" prefix,
 * runtime.errorString for the rest, as %T shows them in Go. */
static const RType *error_type(Vm *vm, const char *name) {
    for (int i = 0; i < vm->types.len; i++) {
        const RType *t = vm->types.items[i];
        if (is_runtime_error(vm, t) && strcmp(t->str, name) == 0) return t;
    }
    RType *t = vm_type_new(vm, RK_STRING, name);
    t->named = 1;
    t->methods = arena_alloc(&vm->arena, sizeof *t->methods * 2);
    t->nmethods = 2;
    t->methods[0].name_id = vm_intern(vm, "Error");
    Proto *p = vm_native_proto(vm, "runtime.Error.Error", native_error, 1, 1);
    ClosureObj *c = vm_closure(vm, p, 0);
    vm_pin(vm, &c->h);
    t->methods[0].fn = &c->h;
    t->methods[1].name_id = vm_intern(vm, "RuntimeError");
    p = vm_native_proto(vm, "runtime.Error.RuntimeError", native_runtime_error, 1, 0);
    c = vm_closure(vm, p, 0);
    vm_pin(vm, &c->h);
    t->methods[1].fn = &c->h;
    if (t->methods[1].name_id < t->methods[0].name_id) {
        RMethod x = t->methods[0];
        t->methods[0] = t->methods[1];
        t->methods[1] = x;
    }
    return t;
}

int vm_panic_value(Vm *vm, Goroutine *g, Value v) {
    PanicRec *p = mem_alloc(sizeof *p);
    p->val = v;
    p->link = g->panic;
    p->ntrace = g->nframes;
    p->trace = mem_alloc(sizeof *p->trace * (size_t)(g->nframes ? g->nframes : 1));
    for (int k = 0; k < g->nframes; k++) {
        const Frame *f = &g->frames[g->nframes - 1 - k];
        int at = (int)(f->pc - f->p->code) - 1;
        p->trace[k].p = f->p;
        p->trace[k].line = f->p->lines && at >= 0 && at < f->p->ncode ? f->p->lines[at] : 0;
    }
    g->panic = p;
    return VM_RAISE;
}

int vm_panic_plain(Vm *vm, Goroutine *g, const char *msg) {
    const char *name = "runtime.plainError";
    if (strncmp(msg, "runtime error: index out of range", 33) == 0 ||
        strncmp(msg, "runtime error: slice bounds", 27) == 0)
        name = "runtime.boundsError";
    else if (strncmp(msg, "interface conversion", 20) == 0) name = "*runtime.TypeAssertionError";
    else if (strncmp(msg, "runtime error: ", 15) == 0) name = "runtime.errorString";
    const RType *t = error_type(vm, name);
    Value s = vm_str(vm, msg, (int64_t)strlen(msg));
    vm_push_root(vm, s.r);
    Value b = vm_box(vm, t, s);
    vm_pop_roots(vm, 1);
    return vm_panic_value(vm, g, b);
}

int vm_panic_runtime(Vm *vm, Goroutine *g, const char *fmt, ...) {
    char buf[600];
    int n = snprintf(buf, sizeof buf, "runtime error: ");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, sizeof buf - (size_t)n, fmt, ap);
    va_end(ap);
    return vm_panic_plain(vm, g, buf);
}

/* runtime_float: runtime.printfloat's "+d.dddddde+ddd". */
int vm_runtime_float(double v, char *out, int n) {
    if (v != v) return snprintf(out, (size_t)n, "NaN");
    if (v + v == v && v > 0) return snprintf(out, (size_t)n, "+Inf");
    if (v + v == v && v < 0) return snprintf(out, (size_t)n, "-Inf");
    enum { N = 7 };
    char buf[N + 7];
    int e = 0;
    buf[0] = '+';
    if (v == 0) {
        if (1 / v < 0) buf[0] = '-';
    } else {
        if (v < 0) {
            v = -v;
            buf[0] = '-';
        }
        while (v >= 10) {
            e++;
            v /= 10;
        }
        while (v < 1) {
            e--;
            v *= 10;
        }
        double h = 5.0;
        for (int k = 0; k < N; k++) h /= 10;
        v += h;
        if (v >= 10) {
            e++;
            v /= 10;
        }
    }
    for (int k = 0; k < N; k++) {
        int s = (int)v;
        buf[k + 2] = (char)(s + '0');
        v -= s;
        v *= 10;
    }
    buf[1] = buf[2];
    buf[2] = '.';
    buf[N + 2] = 'e';
    buf[N + 3] = '+';
    if (e < 0) {
        e = -e;
        buf[N + 3] = '-';
    }
    buf[N + 4] = (char)(e / 100 + '0');
    buf[N + 5] = (char)(e / 10 % 10 + '0');
    buf[N + 6] = (char)(e % 10 + '0');
    return snprintf(out, (size_t)n, "%.*s", N + 7, buf);
}

/* call_string_method: the result of method [name] of box [b] if it has one
 * (as string); 0 if not. */
static int call_string_method(Vm *vm, Goroutine *g, BoxObj *b, const char *name, char *out, int n, int *len) {
    const RMethod *m = vm_find_method(b->t, vm_intern(vm, name));
    if (!m) return 0;
    Value recv = b->v, res = {{0}, NULL};
    if (vm_is_agg(b->t)) recv = (Value){{0}, &vm_clone(vm, (AggObj *)b->v.r)->h};
    if (vm_call(vm, g, (Value){{0}, m->fn}, &recv, 1, &res, 1) != VM_OK) {
        /* A panic inside Error/String while printing: drop it. */
        PanicRec *p = g->panic;
        g->panic = p->link;
        mem_free(p->trace, sizeof *p->trace * (size_t)p->ntrace);
        mem_free(p, sizeof *p);
        *len = snprintf(out, (size_t)n, "(%s method panicked)", name);
        return 1;
    }
    *len = snprintf(out, (size_t)n, "%.*s", (int)vm_str_len(res), vm_str_data(res));
    return 1;
}

int vm_panic_text(Vm *vm, Goroutine *g, Value v, char *out, int n) {
    if (!v.r) return snprintf(out, (size_t)n, "nil");
    BoxObj *b = (BoxObj *)v.r;
    int len;
    if (call_string_method(vm, g, b, "Error", out, n, &len)) return len;
    if (call_string_method(vm, g, b, "String", out, n, &len)) return len;
    const RType *t = b->t;
    char val[400];
    switch (t->kind) {
    case RK_BOOL: snprintf(val, sizeof val, "%s", b->v.i ? "true" : "false"); break;
    case RK_INT: case RK_INT8: case RK_INT16: case RK_INT32: case RK_INT64:
        snprintf(val, sizeof val, "%lld", (long long)b->v.i);
        break;
    case RK_UINT: case RK_UINT8: case RK_UINT16: case RK_UINT32: case RK_UINT64: case RK_UINTPTR:
        snprintf(val, sizeof val, "%llu", (unsigned long long)b->v.u);
        break;
    case RK_FLOAT32: case RK_FLOAT64: vm_runtime_float(b->v.f, val, sizeof val); break;
    case RK_STRING:
        if (!t->named) return snprintf(out, (size_t)n, "%.*s", (int)vm_str_len(b->v), vm_str_data(b->v));
        return snprintf(out, (size_t)n, "%s(\"%.*s\")", t->str, (int)vm_str_len(b->v), vm_str_data(b->v));
    default:
        /* Go prints the data address here; ours is a fixed stand-in so the
         * output stays a pure function of the inputs. */
        return snprintf(out, (size_t)n, "(%s) 0xc000012000", t->str);
    }
    if (!t->named) return snprintf(out, (size_t)n, "%s", val);
    return snprintf(out, (size_t)n, "%s(%s)", t->str, val);
}

static void print_chain(Vm *vm, Goroutine *g, PanicRec *p, FILE *err, int *first) {
    if (p->link) print_chain(vm, g, p->link, err, first);
    char text[1024];
    vm_panic_text(vm, g, p->val, text, sizeof text);
    fprintf(err, "%spanic: %s%s\n", *first ? "" : "\t", text, p->recovered ? " [recovered]" : "");
    *first = 0;
}

void vm_print_panic(Vm *vm, Goroutine *g, FILE *err) {
    const char *fatal = vm_goroutine_fatal(g);
    if (fatal) {
        /* As the Go runtime reports a goroutine that outgrew its stack. */
        fprintf(err, "runtime: goroutine stack exceeds 1000000000-byte limit\n");
        fprintf(err, "fatal error: %s\n\nruntime stack:\n\ngoroutine %lld [running]:\n", fatal,
                (long long)g->id);
        return;
    }
    if (!g->panic) return;
    int first = 1;
    print_chain(vm, g, g->panic, err, &first);
    Value v = g->panic->val;
    if (v.r && is_runtime_error(vm, ((BoxObj *)v.r)->t)) {
        Value s = ((BoxObj *)v.r)->v;
        static const char nilmsg[] = "runtime error: invalid memory address or nil pointer dereference";
        if (vm_str_len(s) == (int64_t)sizeof nilmsg - 1 && memcmp(vm_str_data(s), nilmsg, sizeof nilmsg - 1) == 0)
            fprintf(err, "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n");
    }
    fprintf(err, "\ngoroutine %lld [running]:\n", (long long)g->id);
    PanicRec *p = g->panic;
    for (int k = 0; k < p->ntrace; k++) vm_print_frame(vm, p->trace[k].p, p->trace[k].line, err);
}

void vm_print_frame(const Vm *vm, const Proto *p, int line, FILE *err) {
    const char *name = p && p->name ? p->name : "?";
    /* Go's tracebacks hide the runtime's frames (runtime.main, goexit) */
    if (strncmp(name, "runtime.", 8) == 0) return;
    /* argument words are not ours to show: Go's "(...)" (its mark for
     * elided arguments) when there are any, "()" when there are none */
    const char *args = p && p->nparams == 0 ? "()" : "(...)";
    /* a library function written in Go (sync.(*Once).Do) has lines of
     * its API text, not of the program */
    if (strncmp(name, "main.", 5) != 0) fprintf(err, "%s%s\n\t<goro-viz built-in>\n", name, args);
    else fprintf(err, "%s%s\n\t%s:%d\n", name, args, vm->filename, line);
}
