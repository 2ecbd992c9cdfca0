/* vm_native: fmt and errors for Go programs: the VM walks values (structs,
 * slices, maps sorted as fmt sorts them, pointers, interfaces, Error and
 * String methods) and gofmt (sim/gofmt.h) formats the leaves exactly as Go
 * 1.19 does. Also the native lookup table for every library function.
 *
 * Invariants: natives never keep a GcObj in a C local across an allocation
 * unless it is rooted (the argument slice stays on the caller's stack);
 * "addresses" printed by %p are derived from allocation sequence numbers,
 * never from real pointers, so output stays deterministic.
 */
#include <stdlib.h>
#include <string.h>

#include "gofmt.h"
#include "sched.h"
#include "vm_native.h"

/* ---- runtime-made types ---- */

static int native_errstr_error(Vm *vm, Goroutine *g, Value *args, int nargs, Value *res) {
    if (!args[0].r) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    res[0] = ((AggObj *)args[0].r)->v[0];
    return VM_OK;
}

/* ptr_error_type: a "*pkg.name" pointer-to-struct type whose struct holds
 * [nfields] strings/values and whose Error method returns field 0. */
static const RType *ptr_error_type(Vm *vm, const char *sname, const char *pname, int nfields) {
    RType *st = vm_type_new(vm, RK_STRUCT, sname);
    st->named = 1;
    st->nfields = nfields;
    st->fields = arena_alloc(&vm->arena, sizeof(RField) * (size_t)nfields);
    for (int i = 0; i < nfields; i++) st->fields[i] = (RField){i ? "err" : "s", vm->t_string, 0};
    st->size = 16 * nfields;
    RType *pt = vm_type_new(vm, RK_PTR, pname);
    pt->elem = st;
    pt->size = 8;
    pt->methods = arena_alloc(&vm->arena, sizeof(RMethod));
    pt->nmethods = 1;
    Proto *p = vm_native_proto(vm, "errors.(*errorString).Error", native_errstr_error, 1, 1);
    ClosureObj *c = vm_closure(vm, p, 0);
    vm_pin(vm, &c->h);
    pt->methods[0] = (RMethod){vm_intern(vm, "Error"), &c->h, 0};
    return pt;
}

/* vm_new_error: errors.New([msg]) (or *fmt.wrapError around [wrapped]). */
static Value new_error(Vm *vm, Value msg, Value wrapped, int wrap) {
    /* [msg] may be fresh: root it before anything allocates. */
    vm_push_root(vm, msg.r);
    vm_push_root(vm, wrapped.r);
    if (!vm->t_errstr) vm->t_errstr = ptr_error_type(vm, "errors.errorString", "*errors.errorString", 1);
    if (!vm->t_wraperr) vm->t_wraperr = ptr_error_type(vm, "fmt.wrapError", "*fmt.wrapError", 2);
    const RType *t = wrap ? vm->t_wraperr : vm->t_errstr;
    AggObj *a = vm_new_agg(vm, t->elem, wrap ? 2 : 1);
    a->v[0] = msg;
    if (wrap) a->v[1] = wrapped;
    Value v = vm_box(vm, t, (Value){{0}, &a->h});
    vm_pop_roots(vm, 2);
    return v;
}

/* ---- walking values for fmt ---- */

typedef struct FmtCtx {
    Vm *vm;
    Goroutine *g;
    Value args; /* the []any slice */
    int n;
    int errorf;
} FmtCtx;

static Value arg_at(const FmtCtx *fc, int i) {
    SliceObj *s = (SliceObj *)fc->args.r;
    return s->arr->v[s->off + i];
}

static uint64_t fake_addr(Value v) {
    if (!v.r) return 0;
    return 0xc000010000ULL + (uint64_t)v.r->seq * 0x20 + (uint64_t)v.i * 8;
}

static int is_int_kind(RKind k) { return k >= RK_INT && k <= RK_INT64; }
static int is_uint_kind(RKind k) { return k >= RK_UINT && k <= RK_UINTPTR; }

static void fmt_value(FmtCtx *fc, GofmtBuf *b, const RType *t, Value v, const GofmtSpec *spec, int depth,
                      int can_iface);

/* call_method: run method [name] of value [v] of type [t]; 1 with the
 * string result in *out, 0 if there is no such method, -1 if it panicked
 * (the panic is dropped; its text goes to *out). */
static int call_method(FmtCtx *fc, const RType *t, Value v, const char *name, Value *out) {
    Vm *vm = fc->vm;
    const RMethod *m = vm_find_method(t, vm_intern(vm, name));
    if (!m) return 0;
    Value recv = v;
    const RType *rt = t;
    if (m->deref) {
        if (!recv.r) {
            vm_panic_runtime(vm, fc->g, "invalid memory address or nil pointer dereference");
            goto raised;
        }
        rt = t->elem;
        if (!vm_is_agg(rt)) recv = ((AggObj *)recv.r)->v[recv.i];
    }
    if (vm_is_agg(rt) && recv.r) recv = (Value){{0}, &vm_clone(vm, (AggObj *)recv.r)->h};
    if (vm_call(vm, fc->g, (Value){{0}, m->fn}, &recv, 1, out, 1) == VM_OK) return 1;
raised:;
    char text[512];
    vm_panic_text(vm, fc->g, fc->g->panic->val, text, sizeof text);
    PanicRec *p = fc->g->panic;
    fc->g->panic = p->link;
    mem_free(p->trace, sizeof *p->trace * (size_t)p->ntrace);
    mem_free(p, sizeof *p);
    *out = vm_str(vm, text, (int64_t)strlen(text));
    return -1;
}

/* handle_methods: fmt's handleMethods: Error() or String() for verbs
 * v s x X q. Returns 1 if it printed. */
static int handle_methods(FmtCtx *fc, GofmtBuf *b, const RType *t, Value v, const GofmtSpec *spec) {
    int verb = spec->verb;
    if (!fc->g) return 0; /* vm_format_short: no user code runs */
    if (spec->sharp_v) return 0;
    if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q') return 0;
    Value out = {{0}, NULL};
    int r = call_method(fc, t, v, "Error", &out);
    const char *which = "Error";
    if (r == 0) {
        r = call_method(fc, t, v, "String", &out);
        which = "String";
    }
    if (r == 0) return 0;
    if (r < 0) {
        if (t->kind == RK_PTR && !v.r) {
            gofmt_puts(b, "<nil>");
            return 1;
        }
        gofmt_puts(b, "%!");
        gofmt_put_rune(b, verb);
        gofmt_puts(b, "(PANIC=");
        gofmt_puts(b, which);
        gofmt_puts(b, " method: ");
        gofmt_put(b, vm_str_data(out), (size_t)vm_str_len(out));
        gofmt_putc(b, ')');
        return 1;
    }
    vm_push_root(fc->vm, out.r);
    gofmt_string(b, spec, vm_str_data(out), (size_t)vm_str_len(out), t->str);
    vm_pop_roots(fc->vm, 1);
    return 1;
}

/* compare_keys: fmtsort's order for map keys of type [t]. */
static int compare_keys(const RType *t, Value a, Value b) {
    switch (t->kind) {
    case RK_STRING: return vm_str_cmp(a, b);
    case RK_FLOAT32:
    case RK_FLOAT64:
        if (a.f != a.f) return b.f != b.f ? 0 : -1;
        if (b.f != b.f) return 1;
        return a.f < b.f ? -1 : a.f > b.f;
    case RK_BOOL: return (int)(a.i != 0) - (int)(b.i != 0);
    case RK_STRUCT:
    case RK_ARRAY: {
        AggObj *x = (AggObj *)a.r, *y = (AggObj *)b.r;
        for (int64_t i = 0; i < x->n; i++) {
            int c = compare_keys(vm_slot_type(x, i), x->v[i], y->v[i]);
            if (c) return c;
        }
        return 0;
    }
    case RK_IFACE: {
        if (!a.r || !b.r) return (a.r != NULL) - (b.r != NULL);
        BoxObj *x = (BoxObj *)a.r, *y = (BoxObj *)b.r;
        if (x->t != y->t) return x->t->id < y->t->id ? -1 : 1;
        return compare_keys(x->t, x->v, y->v);
    }
    case RK_PTR:
    case RK_CHAN: {
        uint64_t x = fake_addr(a), y = fake_addr(b);
        return x < y ? -1 : x > y;
    }
    default:
        if (is_uint_kind(t->kind)) return a.u < b.u ? -1 : a.u > b.u;
        return a.i < b.i ? -1 : a.i > b.i;
    }
}

typedef struct KV {
    Value k, v;
} KV;
/* sort_kv: a stable merge sort of [n] pairs by key (fmtsort's order). */
static void sort_kv(KV *kv, int64_t n, const RType *kt) {
    if (n < 2) return;
    KV *tmp = mem_alloc(sizeof(KV) * (size_t)n);
    for (int64_t w = 1; w < n; w *= 2) {
        for (int64_t lo = 0; lo < n; lo += 2 * w) {
            int64_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            int64_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = compare_keys(kt, kv[j].k, kv[i].k) < 0 ? kv[j++] : kv[i++];
            while (i < mid) tmp[k++] = kv[i++];
            while (j < hi) tmp[k++] = kv[j++];
        }
        memcpy(kv, tmp, sizeof(KV) * (size_t)n);
    }
    mem_free(tmp, sizeof(KV) * (size_t)n);
}

static void fmt_seq(FmtCtx *fc, GofmtBuf *b, const RType *t, const RType *et, const Value *items, int64_t n,
                    const GofmtSpec *spec, int depth, int can_iface) {
    if (spec->sharp_v) {
        gofmt_puts(b, t->str);
        gofmt_putc(b, '{');
    } else gofmt_putc(b, '[');
    for (int64_t i = 0; i < n; i++) {
        if (i) gofmt_puts(b, spec->sharp_v ? ", " : " ");
        fmt_value(fc, b, et, items[i], spec, depth + 1, can_iface);
    }
    gofmt_putc(b, spec->sharp_v ? '}' : ']');
}

static void fmt_value(FmtCtx *fc, GofmtBuf *b, const RType *t, Value v, const GofmtSpec *spec, int depth,
                      int can_iface) {
    Vm *vm = fc->vm;
    GofmtSpec sp = *spec;
    if (fc->errorf && sp.verb == 'w') sp.verb = 'v';
    spec = &sp;
    if (t && t->kind == RK_IFACE) {
        /* A nested interface value: its dynamic type takes over. */
        if (!v.r) {
            if (spec->sharp_v) {
                gofmt_puts(b, t->str);
                gofmt_puts(b, "(nil)");
            } else gofmt_puts(b, "<nil>");
            return;
        }
        BoxObj *bx = (BoxObj *)v.r;
        fmt_value(fc, b, bx->t, bx->v, spec, depth + 1, can_iface);
        return;
    }
    if (!t) {
        GofmtValue nv = gofmt_v_nil();
        gofmt_value(b, spec, &nv);
        return;
    }
    if (spec->verb == 'T') {
        gofmt_pad(b, spec, t->str, strlen(t->str));
        return;
    }
    if (spec->verb == 'p') {
        if (t->kind == RK_PTR || t->kind == RK_MAP || t->kind == RK_SLICE || t->kind == RK_FUNC || t->kind == RK_CHAN) {
            gofmt_pointer(b, spec, fake_addr(v), t->str);
            return;
        }
    }
    if (can_iface && handle_methods(fc, b, t, v, spec)) return;
    switch (t->kind) {
    case RK_BOOL: gofmt_bool(b, spec, v.i != 0, t->str); return;
    case RK_FLOAT32: gofmt_float(b, spec, v.f, 32, t->str); return;
    case RK_FLOAT64: gofmt_float(b, spec, v.f, 64, t->str); return;
    case RK_STRING: gofmt_string(b, spec, vm_str_data(v), (size_t)vm_str_len(v), t->str); return;
    case RK_SLICE:
    case RK_ARRAY: {
        const Value *items = NULL;
        int64_t n = 0;
        if (t->kind == RK_SLICE) {
            SliceObj *s = (SliceObj *)v.r;
            if (s) {
                items = s->arr->v + s->off;
                n = s->len;
            } else if (spec->sharp_v) {
                gofmt_puts(b, t->str);
                gofmt_puts(b, "(nil)");
                return;
            }
        } else {
            items = ((AggObj *)v.r)->v;
            n = ((AggObj *)v.r)->n;
        }
        int verb = spec->verb;
        if (t->elem->kind == RK_UINT8 &&
            (verb == 's' || verb == 'q' || verb == 'x' || verb == 'X' ||
             (t->kind == RK_SLICE && !t->named && (verb == 'v' || verb == 'd')))) {
            unsigned char *tmp = mem_alloc((size_t)(n ? n : 1));
            for (int64_t i = 0; i < n; i++) tmp[i] = (unsigned char)items[i].u;
            gofmt_bytes(b, spec, tmp, (size_t)n, t->str);
            mem_free(tmp, (size_t)(n ? n : 1));
            return;
        }
        fmt_seq(fc, b, t, t->elem, items, n, spec, depth, can_iface);
        return;
    }
    case RK_STRUCT: {
        AggObj *a = (AggObj *)v.r;
        if (spec->sharp_v) gofmt_puts(b, t->str);
        gofmt_putc(b, '{');
        for (int i = 0; i < t->nfields; i++) {
            if (i) gofmt_puts(b, spec->sharp_v ? ", " : " ");
            if (spec->plus_v || spec->sharp_v) {
                gofmt_puts(b, t->fields[i].name);
                gofmt_putc(b, ':');
            }
            const char *fname = t->fields[i].name;
            int exported = fname[0] >= 'A' && fname[0] <= 'Z';
            fmt_value(fc, b, t->fields[i].type, a->v[i], spec, depth + 1, can_iface && exported);
        }
        gofmt_putc(b, '}');
        return;
    }
    case RK_MAP: {
        MapObj *m = (MapObj *)v.r;
        if (spec->sharp_v) {
            gofmt_puts(b, t->str);
            if (!m) {
                gofmt_puts(b, "(nil)");
                return;
            }
            gofmt_putc(b, '{');
        } else gofmt_puts(b, "map[");
        int64_t n = m ? m->count : 0, j = 0;
        KV *kv = mem_alloc(sizeof(KV) * (size_t)(n ? n : 1));
        for (int64_t i = 0; m && i < m->ne; i++)
            if (m->e[i].live) kv[j++] = (KV){m->e[i].k, m->e[i].v};
        sort_kv(kv, n, t->key);
        /* The map (a root via the argument) keeps every key and value alive
         * unless a String method deletes from it: snapshot as roots. */
        AggObj *keep = vm_new_agg(vm, NULL, 2 * n);
        for (int64_t i = 0; i < n; i++) {
            keep->v[2 * i] = kv[i].k;
            keep->v[2 * i + 1] = kv[i].v;
        }
        vm_push_root(vm, &keep->h);
        for (int64_t i = 0; i < n; i++) {
            if (i) gofmt_puts(b, spec->sharp_v ? ", " : " ");
            fmt_value(fc, b, t->key, kv[i].k, spec, depth + 1, can_iface);
            gofmt_putc(b, ':');
            fmt_value(fc, b, t->elem, kv[i].v, spec, depth + 1, can_iface);
        }
        vm_pop_roots(vm, 1);
        mem_free(kv, sizeof(KV) * (size_t)(n ? n : 1));
        gofmt_putc(b, spec->sharp_v ? '}' : ']');
        return;
    }
    case RK_PTR:
        if (depth == 0 && v.r && t->elem &&
            (t->elem->kind == RK_STRUCT || t->elem->kind == RK_ARRAY || t->elem->kind == RK_SLICE ||
             t->elem->kind == RK_MAP)) {
            gofmt_putc(b, '&');
            Value pointee = vm_is_agg(t->elem) ? v : ((AggObj *)v.r)->v[v.i];
            fmt_value(fc, b, t->elem, pointee, spec, depth + 1, can_iface);
            return;
        }
        /* fallthrough */
    case RK_CHAN:
    case RK_FUNC:
        if (!gofmt_pointer(b, spec, fake_addr(v), t->str)) {
            gofmt_bad_verb_open(b, spec->verb, t->str);
            GofmtSpec vs = *spec;
            vs.verb = 'v';
            gofmt_pointer(b, &vs, fake_addr(v), t->str);
            gofmt_bad_verb_close(b);
        }
        return;
    default:
        if (is_int_kind(t->kind)) gofmt_int(b, spec, v.u, true, t->str);
        else if (is_uint_kind(t->kind)) gofmt_int(b, spec, v.u, false, t->str);
        else gofmt_puts(b, "?");
        return;
    }
}

int vm_format_short(Vm *vm, const RType *t, Value v, char *out, int n) {
    FmtCtx fc = {.vm = vm};
    GofmtBuf b = {0};
    GofmtSpec spec = gofmt_spec_verb('v');
    fmt_value(&fc, &b, t, v, &spec, 0, 1);
    int len = (int)b.len;
    if (n > 0) {
        int k = len < n - 1 ? len : n - 1;
        if (len > n - 1 && n > 4) {
            /* cut at a UTF-8 boundary and mark the cut */
            k = n - 4;
            while (k > 0 && (b.data[k] & 0xC0) == 0x80) k--;
            memcpy(out, b.data, (size_t)k);
            memcpy(out + k, "...", 4);
        } else {
            if (k > 0) memcpy(out, b.data, (size_t)k);
            out[k] = 0;
        }
    }
    gofmt_buf_free(&b);
    return len;
}

static void cb_print(void *ctx, GofmtBuf *b, int i, const GofmtSpec *spec) {
    FmtCtx *fc = ctx;
    Value v = arg_at(fc, i);
    if (!v.r) {
        fmt_value(fc, b, NULL, v, spec, 0, 1);
        return;
    }
    BoxObj *bx = (BoxObj *)v.r;
    fmt_value(fc, b, bx->t, bx->v, spec, 0, 1);
}

static const char *cb_type_name(void *ctx, int i) {
    Value v = arg_at(ctx, i);
    return v.r ? ((BoxObj *)v.r)->t->str : NULL;
}

static bool cb_is_string(void *ctx, int i) {
    Value v = arg_at(ctx, i);
    return v.r && ((BoxObj *)v.r)->t->kind == RK_STRING;
}

static bool cb_int_arg(void *ctx, int i, int64_t *out) {
    Value v = arg_at(ctx, i);
    if (!v.r) return false;
    BoxObj *bx = (BoxObj *)v.r;
    if (!is_int_kind(bx->t->kind) && !is_uint_kind(bx->t->kind)) return false;
    *out = bx->v.i;
    return true;
}

enum { F_PRINT, F_PRINTLN, F_PRINTF };

/* format: run one of fmt's drivers over the []any [args] into [b]. */
static void format(Vm *vm, Goroutine *g, int how, Value fmtstr, Value args, int errorf, GofmtBuf *b) {
    FmtCtx fc = {vm, g, args, args.r ? (int)((SliceObj *)args.r)->len : 0, errorf};
    GofmtArgs ga = {fc.n, &fc, cb_print, cb_type_name, cb_is_string, cb_int_arg};
    if (how == F_PRINTF) {
        /* The format string's object is on the caller's stack (an argument). */
        gofmt_printf(b, vm_str_data(fmtstr), (size_t)vm_str_len(fmtstr), &ga);
    } else if (how == F_PRINTLN) gofmt_println(b, &ga);
    else gofmt_print(b, &ga);
}

static int write_out(Vm *vm, GofmtBuf *b, Value *res) {
    /* a method it called ended the run (sched_nested_block): print nothing */
    if (b->len && !(vm->sched && vm->sched->done)) fwrite(b->data, 1, b->len, vm->out);
    res[0] = (Value){{.i = (int64_t)b->len}, NULL};
    res[1] = (Value){{0}, NULL};
    gofmt_buf_free(b);
    return VM_OK;
}

static int fmt_println(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    format(vm, g, F_PRINTLN, (Value){{0}, NULL}, a[0], 0, &b);
    return write_out(vm, &b, res);
}
static int fmt_print(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    format(vm, g, F_PRINT, (Value){{0}, NULL}, a[0], 0, &b);
    return write_out(vm, &b, res);
}
static int fmt_printf(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    format(vm, g, F_PRINTF, a[0], a[1], 0, &b);
    return write_out(vm, &b, res);
}

/* write_to: io.Writer [w] gets the bytes of [b]: *os.File natively, any
 * other writer through its Write method. Returns VM_OK or VM_RAISE. */
static int write_to(Vm *vm, Goroutine *g, Value w, GofmtBuf *b, Value *res) {
    BoxObj *bx = (BoxObj *)w.r;
    res[0] = (Value){{.i = (int64_t)b->len}, NULL};
    res[1] = (Value){{0}, NULL};
    if (!bx) {
        gofmt_buf_free(b);
        return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    }
    if (strcmp(bx->t->str, "*os.File") == 0 && bx->v.r) {
        int64_t fd = ((AggObj *)bx->v.r)->v[0].i;
        FILE *f = fd == 1 ? vm->out : fd == 2 ? vm->err : NULL;
        if (f && b->len && !(vm->sched && vm->sched->done)) fwrite(b->data, 1, b->len, f);
        gofmt_buf_free(b);
        return VM_OK;
    }
    const RMethod *m = vm_find_method(bx->t, vm_intern(vm, "Write"));
    if (!m) {
        gofmt_buf_free(b);
        return vm_panic_plain(vm, g, "fmt: writer has no Write method");
    }
    AggObj *arr = vm_new_agg(vm, NULL, (int64_t)b->len);
    for (size_t i = 0; i < b->len; i++) arr->v[i] = (Value){{.i = (unsigned char)b->data[i]}, NULL};
    gofmt_buf_free(b);
    Value args[2] = {bx->v, vm_new_slice(vm, arr, 0, arr->n, arr->n)};
    Value r[2];
    if (vm_call(vm, g, (Value){{0}, m->fn}, args, 2, r, 2) != VM_OK) return VM_RAISE;
    res[0] = r[0];
    res[1] = r[1];
    return VM_OK;
}
static int fmt_fprintln(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    format(vm, g, F_PRINTLN, (Value){{0}, NULL}, a[1], 0, &b);
    return write_to(vm, g, a[0], &b, res);
}
static int fmt_fprint(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    format(vm, g, F_PRINT, (Value){{0}, NULL}, a[1], 0, &b);
    return write_to(vm, g, a[0], &b, res);
}
static int fmt_fprintf(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    format(vm, g, F_PRINTF, a[1], a[2], 0, &b);
    return write_to(vm, g, a[0], &b, res);
}

static int to_string(Vm *vm, GofmtBuf *b, Value *res) {
    Value s = vm_str(vm, b->data, (int64_t)b->len);
    gofmt_buf_free(b);
    res[0] = s;
    return VM_OK;
}
static int fmt_sprintln(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    format(vm, g, F_PRINTLN, (Value){{0}, NULL}, a[0], 0, &b);
    return to_string(vm, &b, res);
}
static int fmt_sprint(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    format(vm, g, F_PRINT, (Value){{0}, NULL}, a[0], 0, &b);
    return to_string(vm, &b, res);
}
static int fmt_sprintf(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    format(vm, g, F_PRINTF, a[0], a[1], 0, &b);
    return to_string(vm, &b, res);
}

static int fmt_errorf(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    format(vm, g, F_PRINTF, a[0], a[1], 1, &b);
    /* %w wraps the first error argument it names (Go 1.19: exactly one). */
    Value wrapped = {{0}, NULL};
    int wrap = 0;
    const char *f = vm_str_data(a[0]);
    int64_t fl = vm_str_len(a[0]);
    int argi = 0;
    for (int64_t i = 0; i + 1 < fl; i++) {
        if (f[i] != '%') continue;
        i++;
        while (i < fl && strchr("+-# 0123456789.*[]", f[i])) i++;
        if (i >= fl || f[i] == '%') continue;
        if (f[i] == 'w' && a[1].r && argi < (int)((SliceObj *)a[1].r)->len) {
            SliceObj *s = (SliceObj *)a[1].r;
            wrapped = s->arr->v[s->off + argi];
            wrap = wrapped.r != NULL;
            break;
        }
        argi++;
    }
    Value msg = vm_str(vm, b.data, (int64_t)b.len);
    gofmt_buf_free(&b);
    res[0] = new_error(vm, msg, wrapped, wrap);
    return VM_OK;
}

/* builtin_print: the print/println built-ins (arguments boxed in a []any,
 * a[1] = 1 for println), written to the program's stderr as the runtime's
 * print does: floats as +1.000000e+000, pointers as hex. */
static int builtin_print(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SliceObj *s = (SliceObj *)a[0].r;
    int ln = a[1].i != 0;
    int64_t cnt = s ? s->len : 0;
    for (int64_t i = 0; i < cnt; i++) {
        if (ln && i) fputc(' ', vm->err);
        Value v = s->arr->v[s->off + i];
        BoxObj *b = (BoxObj *)v.r;
        char buf[64];
        if (!b) {
            fputs("nil", vm->err);
            continue;
        }
        RKind k = b->t->kind;
        if (k == RK_BOOL) fputs(b->v.i ? "true" : "false", vm->err);
        else if (is_int_kind(k)) fprintf(vm->err, "%lld", (long long)b->v.i);
        else if (is_uint_kind(k)) fprintf(vm->err, "%llu", (unsigned long long)b->v.u);
        else if (k == RK_FLOAT32 || k == RK_FLOAT64) {
            vm_runtime_float(b->v.f, buf, sizeof buf);
            fputs(buf, vm->err);
        } else if (k == RK_STRING) fwrite(vm_str_data(b->v), 1, (size_t)vm_str_len(b->v), vm->err);
        else if (k == RK_SLICE) {
            SliceObj *x = (SliceObj *)b->v.r;
            fprintf(vm->err, "[%lld/%lld]0x%llx", (long long)(x ? x->len : 0), (long long)(x ? x->cap : 0),
                    (unsigned long long)(x ? fake_addr((Value){{0}, &x->arr->h}) : 0));
        } else fprintf(vm->err, "0x%llx", (unsigned long long)fake_addr(b->v));
    }
    if (ln) fputc('\n', vm->err);
    return VM_OK;
}

/* ---- os.Exit and the log package ---- */

#define NILV ((Value){{0}, NULL})

static int os_getenv(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = NILV; /* programs have no environment */
    return VM_OK;
}
static int os_lookup_env(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = NILV;
    res[1] = NILV;
    return VM_OK;
}

static int os_exit(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    fflush(vm->out);
    vm->exit_code = (int)a[0].i;
    return VM_EXIT;
}

/* log_line: the standard logger's line for [msg]: prefix, then the virtual
 * clock's date/time per the flags (Ldate 1, Ltime 2, Lmicroseconds 4,
 * Lmsgprefix 64), newline added when missing; written to stderr. */
static void log_line(Vm *vm, GofmtBuf *msg) {
    GofmtBuf b = {0};
    int fl = vm->log_flags;
    if (!(fl & 64)) gofmt_put(&b, vm_str_data(vm->log_prefix), (size_t)vm_str_len(vm->log_prefix));
    /* 2009-11-10 23:00:00 UTC is Unix 1257894000. */
    int64_t ns = vm->now_ns, sec = 1257894000 + ns / 1000000000;
    GofmtCivil c = gofmt_civil(sec, (int32_t)(ns % 1000000000));
    char t[64];
    if (fl & 1) {
        snprintf(t, sizeof t, "%04lld/%02d/%02d ", (long long)c.year, (int)c.month, (int)c.day);
        gofmt_puts(&b, t);
    }
    if (fl & 6) {
        snprintf(t, sizeof t, "%02d:%02d:%02d", (int)c.hour, (int)c.min, (int)c.sec);
        gofmt_puts(&b, t);
        if (fl & 4) {
            snprintf(t, sizeof t, ".%06d", (int)(c.nsec / 1000));
            gofmt_puts(&b, t);
        }
        gofmt_putc(&b, ' ');
    }
    if (fl & 64) gofmt_put(&b, vm_str_data(vm->log_prefix), (size_t)vm_str_len(vm->log_prefix));
    gofmt_put(&b, msg->data, msg->len);
    if (!msg->len || msg->data[msg->len - 1] != '\n') gofmt_putc(&b, '\n');
    fflush(vm->out);
    fwrite(b.data, 1, b.len, vm->err);
    gofmt_buf_free(&b);
}

enum { LOG_PRINT, LOG_FATAL, LOG_PANIC };

static int log_any(Vm *vm, Goroutine *g, int how, int kind, Value fmtstr, Value args) {
    GofmtBuf b = {0};
    format(vm, g, how, fmtstr, args, 0, &b);
    log_line(vm, &b);
    if (kind == LOG_FATAL) {
        gofmt_buf_free(&b);
        vm->exit_code = 1;
        return VM_EXIT;
    }
    if (kind == LOG_PANIC) {
        Value s = vm_str(vm, b.data, (int64_t)b.len);
        gofmt_buf_free(&b);
        vm_push_root(vm, s.r);
        Value bx = vm_box(vm, vm->t_string, s);
        vm_pop_roots(vm, 1);
        return vm_panic_value(vm, g, bx);
    }
    gofmt_buf_free(&b);
    return VM_OK;
}
static int log_print(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return log_any(vm, g, F_PRINT, LOG_PRINT, NILV, a[0]); }
static int log_println(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return log_any(vm, g, F_PRINTLN, LOG_PRINT, NILV, a[0]); }
static int log_printf(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return log_any(vm, g, F_PRINTF, LOG_PRINT, a[0], a[1]); }
static int log_fatal(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return log_any(vm, g, F_PRINT, LOG_FATAL, NILV, a[0]); }
static int log_fatalln(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return log_any(vm, g, F_PRINTLN, LOG_FATAL, NILV, a[0]); }
static int log_fatalf(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return log_any(vm, g, F_PRINTF, LOG_FATAL, a[0], a[1]); }
static int log_panic(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return log_any(vm, g, F_PRINT, LOG_PANIC, NILV, a[0]); }
static int log_panicf(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return log_any(vm, g, F_PRINTF, LOG_PANIC, a[0], a[1]); }
static int log_set_flags(Vm *vm, Goroutine *g, Value *a, int n, Value *r) {
    vm->log_flags = (int)a[0].i;
    return VM_OK;
}
static int log_set_prefix(Vm *vm, Goroutine *g, Value *a, int n, Value *r) {
    vm->log_prefix = a[0];
    return VM_OK;
}

static int errors_new(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = new_error(vm, a[0], (Value){{0}, NULL}, 0);
    return VM_OK;
}

/* ---- the table (sorted by name for bsearch) ---- */

static const VmNativeDef natives[] = {
    {"builtin.print", builtin_print},  {"errors.New", errors_new},       {"fmt.Errorf", fmt_errorf},     {"fmt.Fprint", fmt_fprint},
    {"fmt.Fprintf", fmt_fprintf},     {"fmt.Fprintln", fmt_fprintln}, {"fmt.Print", fmt_print},
    {"fmt.Printf", fmt_printf},       {"fmt.Println", fmt_println},   {"fmt.Sprint", fmt_sprint},
    {"fmt.Sprintf", fmt_sprintf},     {"fmt.Sprintln", fmt_sprintln}, {"log.Fatal", log_fatal},
    {"log.Fatalf", log_fatalf},       {"log.Fatalln", log_fatalln},   {"log.Panic", log_panic},
    {"log.Panicf", log_panicf},       {"log.Print", log_print},       {"log.Printf", log_printf},
    {"log.Println", log_println},     {"log.SetFlags", log_set_flags}, {"log.SetPrefix", log_set_prefix},
    {"os.Exit", os_exit},             {"os.Getenv", os_getenv},       {"os.LookupEnv", os_lookup_env},
};

const VmNativeDef *vm_native_lookup(const char *qname) {
    for (size_t i = 0; i < sizeof natives / sizeof *natives; i++)
        if (strcmp(natives[i].name, qname) == 0) return &natives[i];
    for (int i = 0; i < vm_native_lib_len; i++)
        if (strcmp(vm_native_lib[i].name, qname) == 0) return &vm_native_lib[i];
    for (int i = 0; i < vm_native_atomic_len; i++)
        if (strcmp(vm_native_atomic[i].name, qname) == 0) return &vm_native_atomic[i];
    return NULL;
}

Value vm_native_error(Vm *vm, Value msg) { return new_error(vm, msg, (Value){{0}, NULL}, 0); }
