/* vm_native_lib: the non-fmt library natives: strings (and Builder),
 * strconv, math, sort, errors.Is/As/Unwrap, time.Duration methods. The text
 * algorithms are gofmt's (Go 1.19 behaviour); this file converts between VM
 * values and C strings and raises Go's panics.
 *
 * Invariants: as vm_native.c (results written last, fresh objects rooted
 * across allocations); backing arrays of scalar elements made here carry no
 * type (AggObj.t NULL), which only deep copies would need.
 */
#include <math.h>
#include <string.h>

#include "gofmt.h"
#include "vm_native.h"
#include "vm_sort.h"

#define NIL ((Value){{0}, NULL})
#define INT(x) ((Value){{.i = (x)}, NULL})
#define FLT(x) ((Value){{.f = (x)}, NULL})

static GofmtStr gs(Value v) { return (GofmtStr){vm_str_data(v), (size_t)vm_str_len(v)}; }

/* sub: the substring view of [parent] that [s] points into, or a copy. */
static Value sub(Vm *vm, Value parent, GofmtStr s) {
    const char *base = vm_str_data(parent);
    int64_t n = vm_str_len(parent);
    if (s.n == 0) return NIL;
    if (s.p >= base && s.p + s.n <= base + n) {
        Value r = parent;
        uint64_t off = (parent.u & 0xffffffffu) + (uint64_t)(s.p - base);
        r.u = off | (uint64_t)s.n << 32;
        return r;
    }
    return vm_str(vm, s.p, (int64_t)s.n);
}

static Value buf_str(Vm *vm, GofmtBuf *b) {
    Value v = vm_str(vm, b->data, (int64_t)b->len);
    gofmt_buf_free(b);
    return v;
}

/* str_list: a []string of [l]'s views into [parent]. */
static Value str_list(Vm *vm, Value parent, GofmtStrList *l) {
    vm_push_root(vm, parent.r);
    AggObj *arr = vm_new_agg(vm, NULL, l->len);
    vm_push_root(vm, &arr->h);
    for (int i = 0; i < l->len; i++) arr->v[i] = sub(vm, parent, l->items[i]);
    Value s = vm_new_slice(vm, arr, 0, l->len, l->len);
    vm_pop_roots(vm, 2);
    gofmt_strlist_free(l);
    return s;
}

static Value str_error(Vm *vm, GofmtBuf *err) {
    Value m = buf_str(vm, err);
    return vm_native_error(vm, m);
}

/* ---- strings ---- */

#define STR2BOOL(name, fn)                                                              \
    static int name(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {              \
        res[0] = INT(fn(gs(a[0]), gs(a[1])));                                           \
        return VM_OK;                                                                   \
    }
STR2BOOL(s_contains, gofmt_str_contains)
STR2BOOL(s_contains_any, gofmt_str_contains_any)
STR2BOOL(s_has_prefix, gofmt_str_has_prefix)
STR2BOOL(s_has_suffix, gofmt_str_has_suffix)
STR2BOOL(s_index, gofmt_str_index)
STR2BOOL(s_last_index, gofmt_str_last_index)
STR2BOOL(s_index_any, gofmt_str_index_any)
STR2BOOL(s_count, gofmt_str_count)
STR2BOOL(s_equal_fold, gofmt_str_equal_fold)
STR2BOOL(s_compare, gofmt_str_compare)

static int s_contains_rune(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(gofmt_str_contains_rune(gs(a[0]), (int32_t)a[1].i));
    return VM_OK;
}
static int s_index_rune(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(gofmt_str_index_rune(gs(a[0]), (int32_t)a[1].i));
    return VM_OK;
}
static int s_index_byte(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    const char *p = vm_str_data(a[0]);
    int64_t len = vm_str_len(a[0]), r = -1;
    for (int64_t i = 0; i < len; i++)
        if ((unsigned char)p[i] == (unsigned char)a[1].i) {
            r = i;
            break;
        }
    res[0] = INT(r);
    return VM_OK;
}

#define STR1(name, fn)                                                                  \
    static int name(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {              \
        GofmtBuf b = {0};                                                               \
        fn(&b, gs(a[0]));                                                               \
        res[0] = buf_str(vm, &b);                                                       \
        return VM_OK;                                                                   \
    }
STR1(s_upper, gofmt_str_upper)
STR1(s_lower, gofmt_str_lower)
STR1(s_title, gofmt_str_title)

/* strings.Map(mapping, s): each rune through a Go function; negative drops it. */
static int s_map(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Value fn = a[0], str = a[1];
    const char *p = vm_str_data(str);
    int64_t len = vm_str_len(str);
    GofmtBuf b = {0};
    for (int64_t i = 0; i < len;) {
        int w;
        int32_t r = gofmt_utf8_decode(p + i, (size_t)(len - i), &w);
        Value arg = INT(r), out;
        if (vm_call(vm, g, fn, &arg, 1, &out, 1) != VM_OK) {
            gofmt_buf_free(&b);
            return VM_RAISE;
        }
        p = vm_str_data(str); /* strings never move, but re-read after a call */
        if (out.i >= 0) gofmt_put_rune(&b, (int32_t)out.i);
        i += w;
    }
    res[0] = buf_str(vm, &b);
    return VM_OK;
}

/* strings.IndexFunc / TrimFunc family: the first (or last) rune for which the
 * Go predicate [fn] returns [want]; its byte offset (end: past it), or -1. */
static int find_func(Vm *vm, Goroutine *g, Value str, Value fn, int want, int from_end, int64_t *at) {
    const char *p = vm_str_data(str);
    int64_t len = vm_str_len(str);
    *at = -1;
    if (!from_end) {
        for (int64_t i = 0; i < len;) {
            int w;
            Value arg = INT(gofmt_utf8_decode(p + i, (size_t)(len - i), &w)), out;
            if (vm_call(vm, g, fn, &arg, 1, &out, 1) != VM_OK) return VM_RAISE;
            if ((out.i != 0) == want) {
                *at = i;
                return VM_OK;
            }
            i += w;
        }
        return VM_OK;
    }
    for (int64_t end = len; end > 0;) {
        int64_t start = end - 1;
        while (start > 0 && ((unsigned char)p[start] & 0xC0) == 0x80 && end - start < 4) start--;
        int w;
        Value arg = INT(gofmt_utf8_decode(p + start, (size_t)(end - start), &w)), out;
        if (w != end - start) { start = end - 1; arg = INT(0xFFFD); }
        if (vm_call(vm, g, fn, &arg, 1, &out, 1) != VM_OK) return VM_RAISE;
        if ((out.i != 0) == want) {
            *at = end;
            return VM_OK;
        }
        end = start;
    }
    return VM_OK;
}

static int s_index_func(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t at;
    if (find_func(vm, g, a[0], a[1], 1, 0, &at) != VM_OK) return VM_RAISE;
    res[0] = INT(at);
    return VM_OK;
}

static int s_trim_func_impl(Vm *vm, Goroutine *g, Value *a, Value *res, int left, int right) {
    int64_t lo = 0, hi = vm_str_len(a[0]), at;
    if (left) {
        if (find_func(vm, g, a[0], a[1], 0, 0, &at) != VM_OK) return VM_RAISE;
        lo = at < 0 ? hi : at;
    }
    if (right && lo < hi) {
        if (find_func(vm, g, a[0], a[1], 0, 1, &at) != VM_OK) return VM_RAISE;
        hi = at < 0 ? lo : at;
    }
    GofmtStr whole = gs(a[0]);
    GofmtStr part = {whole.p + lo, (size_t)(hi - lo)};
    res[0] = sub(vm, a[0], part);
    return VM_OK;
}
static int s_trim_func(Vm *vm, Goroutine *g, Value *a, int n, Value *res) { return s_trim_func_impl(vm, g, a, res, 1, 1); }
static int s_trim_left_func(Vm *vm, Goroutine *g, Value *a, int n, Value *res) { return s_trim_func_impl(vm, g, a, res, 1, 0); }
static int s_trim_right_func(Vm *vm, Goroutine *g, Value *a, int n, Value *res) { return s_trim_func_impl(vm, g, a, res, 0, 1); }

static int s_trim_space(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = sub(vm, a[0], gofmt_str_trim_space(gs(a[0])));
    return VM_OK;
}
static int s_trim(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = sub(vm, a[0], gofmt_str_trim(gs(a[0]), gs(a[1]), true, true));
    return VM_OK;
}
static int s_trim_left(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = sub(vm, a[0], gofmt_str_trim(gs(a[0]), gs(a[1]), true, false));
    return VM_OK;
}
static int s_trim_right(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = sub(vm, a[0], gofmt_str_trim(gs(a[0]), gs(a[1]), false, true));
    return VM_OK;
}
static int s_trim_prefix(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = sub(vm, a[0], gofmt_str_trim_prefix(gs(a[0]), gs(a[1])));
    return VM_OK;
}
static int s_trim_suffix(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = sub(vm, a[0], gofmt_str_trim_suffix(gs(a[0]), gs(a[1])));
    return VM_OK;
}
static int s_repeat(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (a[1].i < 0) return vm_panic_plain(vm, g, "strings: negative Repeat count");
    if (vm_str_len(a[0]) && a[1].i > ((int64_t)1 << 32) / vm_str_len(a[0]))
        return vm_panic_plain(vm, g, "strings: Repeat count causes overflow");
    GofmtBuf b = {0};
    gofmt_str_repeat(&b, gs(a[0]), a[1].i);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int s_replace(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    gofmt_str_replace(&b, gs(a[0]), gs(a[1]), gs(a[2]), n > 3 ? a[3].i : -1);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int s_join(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SliceObj *s = (SliceObj *)a[0].r;
    int cnt = s ? (int)s->len : 0;
    GofmtStr *el = mem_alloc(sizeof(GofmtStr) * (size_t)(cnt ? cnt : 1));
    for (int i = 0; i < cnt; i++) el[i] = gs(s->arr->v[s->off + i]);
    GofmtBuf b = {0};
    gofmt_str_join(&b, el, cnt, gs(a[1]));
    mem_free(el, sizeof(GofmtStr) * (size_t)(cnt ? cnt : 1));
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int s_fields(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtStrList l = {0};
    gofmt_str_fields(&l, gs(a[0]));
    res[0] = str_list(vm, a[0], &l);
    return VM_OK;
}
static int s_split(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtStrList l = {0};
    gofmt_str_split(&l, gs(a[0]), gs(a[1]), n > 2 ? a[2].i : -1);
    res[0] = str_list(vm, a[0], &l);
    return VM_OK;
}
static int s_cut(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t i = gofmt_str_index(gs(a[0]), gs(a[1]));
    if (i < 0) {
        Value s = a[0];
        res[0] = s;
        res[1] = NIL;
        res[2] = INT(0);
        return VM_OK;
    }
    GofmtStr s = gs(a[0]);
    size_t sl = (size_t)vm_str_len(a[1]);
    Value before = sub(vm, a[0], (GofmtStr){s.p, (size_t)i});
    Value after = sub(vm, a[0], (GofmtStr){s.p + i + sl, s.n - (size_t)i - sl});
    res[0] = before;
    res[1] = after;
    res[2] = INT(1);
    return VM_OK;
}

/* strings.Builder: struct { buf []byte }; the receiver is *Builder. */
static SliceObj *builder_buf(Value recv) { return (SliceObj *)((AggObj *)recv.r)->v[0].r; }

static int builder_append(Vm *vm, Goroutine *g, Value recv, const char *p, int64_t n) {
    if (!recv.r) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    AggObj *b = (AggObj *)recv.r;
    SliceObj *s = builder_buf(recv);
    int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
    AggObj *arr = s ? s->arr : NULL;
    int64_t off = s ? s->off : 0;
    if (len + n > cap) {
        int64_t nc = cap * 2 + n;
        AggObj *na = vm_new_agg(vm, NULL, nc);
        if (s) memcpy(na->v, s->arr->v + s->off, sizeof(Value) * (size_t)len);
        arr = na;
        off = 0;
        cap = nc;
    }
    for (int64_t i = 0; i < n; i++) arr->v[off + len + i] = INT((unsigned char)p[i]);
    b->v[0] = vm_new_slice(vm, arr, off, len + n, cap);
    return VM_OK;
}
static int b_write_string(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    /* Copy: the string may move out of reach while we allocate? No: it is
     * an argument, rooted on the caller's stack. */
    int st = builder_append(vm, g, a[0], vm_str_data(a[1]), vm_str_len(a[1]));
    res[0] = INT(vm_str_len(a[1]));
    res[1] = NIL;
    return st;
}
static int b_write_byte(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    char c = (char)a[1].i;
    res[0] = NIL;
    return builder_append(vm, g, a[0], &c, 1);
}
static int b_write_rune(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    char buf[4];
    int w = gofmt_utf8_encode(buf, (int32_t)a[1].i);
    res[0] = INT(w);
    res[1] = NIL;
    return builder_append(vm, g, a[0], buf, w);
}
static int b_string(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (!a[0].r) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    SliceObj *s = builder_buf(a[0]);
    int64_t len = s ? s->len : 0;
    char *tmp = mem_alloc((size_t)(len ? len : 1));
    for (int64_t i = 0; i < len; i++) tmp[i] = (char)s->arr->v[s->off + i].i;
    Value r = vm_str(vm, tmp, len);
    mem_free(tmp, (size_t)(len ? len : 1));
    res[0] = r;
    return VM_OK;
}
static int b_len(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (!a[0].r) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    SliceObj *s = builder_buf(a[0]);
    res[0] = INT(s ? s->len : 0);
    return VM_OK;
}
static int b_reset(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (!a[0].r) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    ((AggObj *)a[0].r)->v[0] = NIL;
    return VM_OK;
}
static int b_grow(Vm *vm, Goroutine *g, Value *a, int n, Value *res) { return VM_OK; }
static int b_write(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SliceObj *s = (SliceObj *)a[1].r;
    int64_t len = s ? s->len : 0;
    char *tmp = mem_alloc((size_t)(len ? len : 1));
    for (int64_t i = 0; i < len; i++) tmp[i] = (char)s->arr->v[s->off + i].i;
    int st = builder_append(vm, g, a[0], tmp, len);
    mem_free(tmp, (size_t)(len ? len : 1));
    res[0] = INT(len);
    res[1] = NIL;
    return st;
}
static int f_write_string(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t fd = a[0].r ? ((AggObj *)a[0].r)->v[0].i : 0;
    FILE *f = fd == 1 ? vm->out : fd == 2 ? vm->err : NULL;
    if (f && vm_str_len(a[1])) fwrite(vm_str_data(a[1]), 1, (size_t)vm_str_len(a[1]), f);
    res[0] = INT(vm_str_len(a[1]));
    res[1] = NIL;
    return VM_OK;
}
static int f_write(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t fd = a[0].r ? ((AggObj *)a[0].r)->v[0].i : 0;
    FILE *f = fd == 1 ? vm->out : fd == 2 ? vm->err : NULL;
    SliceObj *s = (SliceObj *)a[1].r;
    int64_t len = s ? s->len : 0;
    for (int64_t i = 0; f && i < len; i++) fputc((int)(s->arr->v[s->off + i].i & 0xff), f);
    res[0] = INT(len);
    res[1] = NIL;
    return VM_OK;
}

/* ---- strconv ---- */

static int c_itoa(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    gofmt_format_int(&b, a[0].i, 10);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int c_format_int(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    gofmt_format_int(&b, a[0].i, (int)a[1].i);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int c_format_float(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    gofmt_format_float(&b, a[0].f, (char)a[1].i, (int)a[2].i, (int)a[3].i);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int c_format_bool(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = a[0].i ? vm_str(vm, "true", 4) : vm_str(vm, "false", 5);
    return VM_OK;
}
static int c_format_uint(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    gofmt_format_uint(&b, a[0].u, (int)a[1].i);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int c_quote_rune(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    gofmt_quote_rune(&b, (int32_t)a[0].i, false);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int c_parse_uint(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    uint64_t v = 0;
    GofmtBuf err = {0};
    if (gofmt_parse_uint(vm_str_data(a[0]), (size_t)vm_str_len(a[0]), (int)a[1].i, (int)a[2].i, &v, &err) == 0) {
        gofmt_buf_free(&err);
        res[0] = (Value){{.u = v}, NULL};
        res[1] = NIL;
        return VM_OK;
    }
    Value e = str_error(vm, &err);
    res[0] = (Value){{.u = v}, NULL};
    res[1] = e;
    return VM_OK;
}
static int c_unquote(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    if (gofmt_unquote(&b, vm_str_data(a[0]), (size_t)vm_str_len(a[0])) == 0) {
        Value v = buf_str(vm, &b);
        res[0] = v;
        res[1] = NIL;
        return VM_OK;
    }
    gofmt_buf_free(&b);
    Value e = vm_native_error(vm, vm_str(vm, "invalid syntax", 14));
    res[0] = NIL;
    res[1] = e;
    return VM_OK;
}
static int c_quote(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    gofmt_quote(&b, vm_str_data(a[0]), (size_t)vm_str_len(a[0]), false);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int c_atoi(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t v = 0;
    GofmtBuf err = {0};
    if (gofmt_atoi(vm_str_data(a[0]), (size_t)vm_str_len(a[0]), &v, &err) == 0) {
        gofmt_buf_free(&err);
        res[0] = INT(v);
        res[1] = NIL;
        return VM_OK;
    }
    Value e = str_error(vm, &err);
    res[0] = INT(v);
    res[1] = e;
    return VM_OK;
}
static int c_parse_int(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t v = 0;
    GofmtBuf err = {0};
    if (gofmt_parse_int(vm_str_data(a[0]), (size_t)vm_str_len(a[0]), (int)a[1].i, (int)a[2].i, "ParseInt", &v,
                        &err) == 0) {
        gofmt_buf_free(&err);
        res[0] = INT(v);
        res[1] = NIL;
        return VM_OK;
    }
    Value e = str_error(vm, &err);
    res[0] = INT(v);
    res[1] = e;
    return VM_OK;
}
static int c_parse_float(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    double v = 0;
    GofmtBuf err = {0};
    if (gofmt_parse_float(vm_str_data(a[0]), (size_t)vm_str_len(a[0]), (int)a[1].i, &v, &err) == 0) {
        gofmt_buf_free(&err);
        res[0] = FLT(v);
        res[1] = NIL;
        return VM_OK;
    }
    Value e = str_error(vm, &err);
    res[0] = FLT(v);
    res[1] = e;
    return VM_OK;
}
static int c_parse_bool(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    bool v = false;
    GofmtBuf err = {0};
    if (gofmt_parse_bool(vm_str_data(a[0]), (size_t)vm_str_len(a[0]), &v, &err) == 0) {
        gofmt_buf_free(&err);
        res[0] = INT(v);
        res[1] = NIL;
        return VM_OK;
    }
    Value e = str_error(vm, &err);
    res[0] = INT(v);
    res[1] = e;
    return VM_OK;
}

/* ---- math ---- */

#define MATH1(name, expr)                                                               \
    static int name(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {              \
        double x = a[0].f;                                                              \
        res[0] = FLT(expr);                                                             \
        return VM_OK;                                                                   \
    }
#define MATH2(name, expr)                                                               \
    static int name(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {              \
        double x = a[0].f, y = a[1].f;                                                  \
        res[0] = FLT(expr);                                                             \
        return VM_OK;                                                                   \
    }
MATH1(m_abs, fabs(x))
MATH1(m_sqrt, sqrt(x))
static double f64_from(uint64_t u) {
    double d;
    memcpy(&d, &u, 8);
    return d;
}
static uint64_t f64_bits(double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}
/* go_cbrt: Go's pure-Go math.Cbrt (FreeBSD's algorithm), so results match
 * Go bit for bit where libm's cbrt is not correctly rounded. */
static double go_cbrt(double x) {
    const uint64_t B1 = 715094163, B2 = 696219795;
    const double C = 5.42857142857142815906e-01, D = -7.05306122448979611050e-01,
                 E = 1.41428571428571436819e+00, F = 1.60714285714285720630e+00,
                 G = 3.57142857142857150787e-01, SmallestNormal = 2.22507385850720138309e-308;
    if (x == 0 || x != x || isinf(x)) return x;
    int sign = 0;
    if (x < 0) {
        x = -x;
        sign = 1;
    }
    double t = f64_from(f64_bits(x) / 3 + (B1 << 32));
    if (x < SmallestNormal) {
        t = (double)((uint64_t)1 << 54);
        t *= x;
        t = f64_from(f64_bits(t) / 3 + (B2 << 32));
    }
    double r = t * t / x;
    double s = C + r * t;
    t *= G + F / (s + E + D / s);
    t = f64_from((f64_bits(t) & (0xFFFFFFFFCULL << 28)) + (1ULL << 30));
    s = t * t;
    r = x / s;
    double w = t + t;
    r = (r - t) / (w + r);
    t = t + t * r;
    return sign ? -t : t;
}
MATH1(m_cbrt, go_cbrt(x))
MATH1(m_exp, exp(x))
MATH1(m_exp2, exp2(x))
MATH1(m_log, log(x))
MATH1(m_log2, log2(x))
MATH1(m_log10, log10(x))
MATH1(m_log1p, log1p(x))
MATH1(m_floor, floor(x))
MATH1(m_ceil, ceil(x))
MATH1(m_round, round(x))
MATH1(m_round_even, nearbyint(x))
MATH1(m_trunc, trunc(x))
MATH1(m_sin, sin(x))
MATH1(m_cos, cos(x))
MATH1(m_tan, tan(x))
MATH1(m_atan, atan(x))
MATH2(m_pow, pow(x, y))
MATH2(m_mod, fmod(x, y))
MATH2(m_remainder, remainder(x, y))
MATH2(m_hypot, hypot(x, y))
MATH2(m_atan2, atan2(x, y))
MATH2(m_copysign, copysign(x, y))
MATH2(m_dim, x - y <= 0 ? 0 : x - y)
/* Go's Max/Min: NaN wins, and +0 > -0. */
MATH2(m_max, isinf(x) && x > 0 ? x : isinf(y) && y > 0 ? y : x != x || y != y ? NAN
            : x == 0 && y == 0 ? (signbit(x) ? y : x) : x > y ? x : y)
MATH2(m_min, isinf(x) && x < 0 ? x : isinf(y) && y < 0 ? y : x != x || y != y ? NAN
            : x == 0 && y == 0 ? (signbit(x) ? x : y) : x < y ? x : y)

static int m_inf(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = FLT(a[0].i >= 0 ? INFINITY : -INFINITY);
    return VM_OK;
}
static int m_nan(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = FLT(NAN);
    return VM_OK;
}
static int m_isnan(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(a[0].f != a[0].f);
    return VM_OK;
}
static int m_isinf(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    double f = a[0].f;
    int64_t s = a[1].i;
    res[0] = INT((s >= 0 && f == INFINITY) || (s <= 0 && f == -INFINITY));
    return VM_OK;
}
static int m_signbit(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(signbit(a[0].f) != 0);
    return VM_OK;
}
static int m_pow10(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t e = a[0].i;
    res[0] = FLT(e < -323 ? 0 : e > 308 ? INFINITY : pow(10, (double)e));
    return VM_OK;
}
static int m_modf(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    double ip;
    double fr = modf(a[0].f, &ip);
    res[0] = FLT(ip);
    res[1] = FLT(fr);
    return VM_OK;
}

static int m_float64bits(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = (Value){{.u = a[0].u}, NULL};
    return VM_OK;
}
static int m_float32bits(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    float f = (float)a[0].f;
    uint32_t u;
    memcpy(&u, &f, 4);
    res[0] = (Value){{.u = u}, NULL};
    return VM_OK;
}

/* ---- sort ---- */

static int less_val(RKind k, Value x, Value y) {
    if (k == RK_STRING) return vm_str_cmp(x, y) < 0;
    if (k == RK_FLOAT64) return x.f < y.f || (x.f != x.f && y.f == y.f);
    return x.i < y.i;
}

/* sort_values: a stable merge sort of [n] values by kind [k]. */
static void sort_values(Value *v, int64_t n, RKind k) {
    if (n < 2) return;
    Value *tmp = mem_alloc(sizeof(Value) * (size_t)n);
    for (int64_t w = 1; w < n; w *= 2) {
        for (int64_t lo = 0; lo < n; lo += 2 * w) {
            int64_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            int64_t i = lo, j = mid, o = lo;
            while (i < mid && j < hi) tmp[o++] = less_val(k, v[j], v[i]) ? v[j++] : v[i++];
            while (i < mid) tmp[o++] = v[i++];
            while (j < hi) tmp[o++] = v[j++];
        }
        memcpy(v, tmp, sizeof(Value) * (size_t)n);
    }
    mem_free(tmp, sizeof(Value) * (size_t)n);
}

#define SORTER(name, kind)                                                              \
    static int name(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {              \
        SliceObj *s = (SliceObj *)a[0].r;                                               \
        if (s) sort_values(s->arr->v + s->off, s->len, kind);                           \
        return VM_OK;                                                                   \
    }
SORTER(sort_ints, RK_INT)
SORTER(sort_strings, RK_STRING)
SORTER(sort_floats, RK_FLOAT64)

/* SliceSort: sort.Slice's less function and the slice it reorders. */
typedef struct SliceSort {
    Vm *vm;
    Goroutine *g;
    Value less;
    SliceObj *s;
} SliceSort;

static int slice_less(void *ctx, int64_t i, int64_t j) {
    SliceSort *ss = ctx;
    Value args[2] = {INT(i), INT(j)}, r;
    if (vm_call(ss->vm, ss->g, ss->less, args, 2, &r, 1) != VM_OK) return -1;
    return r.i != 0;
}

static int slice_swap(void *ctx, int64_t i, int64_t j) {
    SliceSort *ss = ctx;
    Value *v = ss->s->arr->v + ss->s->off;
    Value t = v[i];
    v[i] = v[j];
    v[j] = t;
    return 0;
}

static int sort_slice_impl(Vm *vm, Goroutine *g, Value *a, int stable) {
    if (!a[0].r) return VM_OK;
    BoxObj *b = (BoxObj *)a[0].r;
    SliceObj *s = (SliceObj *)b->v.r;
    if (!s) return VM_OK;
    SliceSort ss = {vm, g, a[1], s};
    VmSortOps ops = {&ss, slice_less, slice_swap, 0};
    if (stable) vm_sort_stable(&ops, s->len);
    else vm_sort_unstable(&ops, s->len);
    return ops.failed ? VM_RAISE : VM_OK;
}

/* IfaceSort: sort.Sort's data, called through its Len/Less/Swap methods. */
typedef struct IfaceSort {
    Vm *vm;
    Goroutine *g;
    Value recv;
    Value less, swap;
} IfaceSort;

static int method_of(Vm *vm, Value data, const char *name, Value *fn, Value *recv) {
    BoxObj *b = (BoxObj *)data.r;
    const RMethod *m = b ? vm_find_method(b->t, vm_intern(vm, name)) : NULL;
    if (!m) return -1;
    *fn = (Value){{0}, m->fn};
    *recv = b->v;
    if (m->deref && b->v.r && !vm_is_agg(b->t->elem)) *recv = ((AggObj *)b->v.r)->v[b->v.i];
    return 0;
}

static int iface_less(void *ctx, int64_t i, int64_t j) {
    IfaceSort *is = ctx;
    Value args[3] = {is->recv, INT(i), INT(j)}, r;
    if (vm_call(is->vm, is->g, is->less, args, 3, &r, 1) != VM_OK) return -1;
    return r.i != 0;
}

static int iface_swap(void *ctx, int64_t i, int64_t j) {
    IfaceSort *is = ctx;
    Value args[3] = {is->recv, INT(i), INT(j)};
    return vm_call(is->vm, is->g, is->swap, args, 3, NULL, 0) == VM_OK ? 0 : -1;
}

static int sort_iface(Vm *vm, Goroutine *g, Value *a, int stable, int check, Value *res) {
    Value lenfn, recv;
    IfaceSort is = {vm, g, {{0}, NULL}, {{0}, NULL}, {{0}, NULL}};
    if (method_of(vm, a[0], "Len", &lenfn, &recv) < 0 || method_of(vm, a[0], "Less", &is.less, &is.recv) < 0 ||
        method_of(vm, a[0], "Swap", &is.swap, &is.recv) < 0)
        return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    Value n;
    if (vm_call(vm, g, lenfn, &recv, 1, &n, 1) != VM_OK) return VM_RAISE;
    if (check) {
        int ok = 1;
        for (int64_t i = n.i - 1; i > 0 && ok; i--) {
            int l = iface_less(&is, i, i - 1);
            if (l < 0) return VM_RAISE;
            ok = !l;
        }
        res[0] = INT(ok);
        return VM_OK;
    }
    VmSortOps ops = {&is, iface_less, iface_swap, 0};
    if (stable) vm_sort_stable(&ops, n.i);
    else vm_sort_unstable(&ops, n.i);
    return ops.failed ? VM_RAISE : VM_OK;
}
/* sort.Reverse: a *sort.reverse holding the data; its methods forward to
 * the data's with Less's arguments swapped. */
static int call_inner(Vm *vm, Goroutine *g, Value self, const char *name, Value *args, int nargs, Value *res,
                      int nres) {
    Value inner = ((AggObj *)self.r)->v[0], fn, recv;
    if (method_of(vm, inner, name, &fn, &recv) < 0)
        return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    Value argv[3] = {recv, nargs > 0 ? args[0] : NIL, nargs > 1 ? args[1] : NIL};
    return vm_call(vm, g, fn, argv, 1 + nargs, res, nres) == VM_OK ? VM_OK : VM_RAISE;
}
static int rev_len(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    return call_inner(vm, g, a[0], "Len", NULL, 0, res, 1);
}
static int rev_less(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Value args[2] = {a[2], a[1]};
    return call_inner(vm, g, a[0], "Less", args, 2, res, 1);
}
static int rev_swap(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Value args[2] = {a[1], a[2]};
    return call_inner(vm, g, a[0], "Swap", args, 2, NULL, 0);
}
static int sort_reverse(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    const RType *t = NULL;
    for (int i = 0; i < vm->types.len && !t; i++)
        if (strcmp(vm->types.items[i]->str, "*sort.reverse") == 0) t = vm->types.items[i];
    if (!t) {
        RType *pt = vm_type_new(vm, RK_PTR, "*sort.reverse");
        RType *st = vm_type_new(vm, RK_STRUCT, "sort.reverse");
        st->named = 1;
        st->nfields = 1;
        st->fields = arena_alloc(&vm->arena, sizeof(RField));
        st->fields[0] = (RField){"Interface", NULL, 1};
        pt->elem = st;
        pt->size = 8;
        static const struct { const char *name; VmNative fn; int np; int nr; } ms[] = {
            {"Len", rev_len, 1, 1}, {"Less", rev_less, 3, 1}, {"Swap", rev_swap, 3, 0}};
        pt->methods = arena_alloc(&vm->arena, sizeof(RMethod) * 3);
        pt->nmethods = 3;
        for (int i = 0; i < 3; i++) {
            Proto *p = vm_native_proto(vm, ms[i].name, ms[i].fn, ms[i].np, ms[i].nr);
            ClosureObj *c = vm_closure(vm, p, 0);
            vm_pin(vm, &c->h);
            pt->methods[i] = (RMethod){vm_intern(vm, ms[i].name), &c->h, 0};
        }
        /* method sets are searched by name id */
        for (int i = 0; i < 3; i++)
            for (int j = i + 1; j < 3; j++)
                if (pt->methods[j].name_id < pt->methods[i].name_id) {
                    RMethod x = pt->methods[i];
                    pt->methods[i] = pt->methods[j];
                    pt->methods[j] = x;
                }
        t = pt;
    }
    AggObj *o = vm_new_agg(vm, NULL, 1);
    o->v[0] = a[0];
    res[0] = vm_box(vm, t, (Value){{0}, &o->h});
    return VM_OK;
}

/* sort.IntSlice / StringSlice / Float64Slice methods. */
static int xs_len(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(a[0].r ? ((SliceObj *)a[0].r)->len : 0);
    return VM_OK;
}
static int xs_swap(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SliceObj *s = (SliceObj *)a[0].r;
    int64_t i = a[1].i, j = a[2].i, len = s ? s->len : 0;
    if ((uint64_t)i >= (uint64_t)len || (uint64_t)j >= (uint64_t)len)
        return vm_panic_runtime(vm, g, "index out of range [%lld] with length %lld",
                                (long long)((uint64_t)i >= (uint64_t)len ? i : j), (long long)len);
    Value t = s->arr->v[s->off + i];
    s->arr->v[s->off + i] = s->arr->v[s->off + j];
    s->arr->v[s->off + j] = t;
    return VM_OK;
}
#define XS_LESS(name, kind)                                                             \
    static int name(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {              \
        SliceObj *s = (SliceObj *)a[0].r;                                               \
        int64_t i = a[1].i, j = a[2].i, len = s ? s->len : 0;                           \
        if ((uint64_t)i >= (uint64_t)len || (uint64_t)j >= (uint64_t)len)               \
            return vm_panic_runtime(vm, g, "index out of range [%lld] with length %lld", \
                                    (long long)((uint64_t)i >= (uint64_t)len ? i : j), (long long)len); \
        res[0] = INT(less_val(kind, s->arr->v[s->off + i], s->arr->v[s->off + j]));    \
        return VM_OK;                                                                   \
    }
XS_LESS(ints_less, RK_INT)
XS_LESS(strings_less, RK_STRING)
XS_LESS(floats_less, RK_FLOAT64)

static int sort_sort(Vm *vm, Goroutine *g, Value *a, int n, Value *res) { return sort_iface(vm, g, a, 0, 0, res); }
static int sort_stable(Vm *vm, Goroutine *g, Value *a, int n, Value *res) { return sort_iface(vm, g, a, 1, 0, res); }
static int sort_is_sorted(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    return sort_iface(vm, g, a, 0, 1, res);
}
static int sort_slice(Vm *vm, Goroutine *g, Value *a, int n, Value *res) { return sort_slice_impl(vm, g, a, 0); }
static int sort_slice_stable(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    return sort_slice_impl(vm, g, a, 1);
}
#define SORTED(name, kind)                                                              \
    static int name(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {              \
        SliceObj *s = (SliceObj *)a[0].r;                                               \
        int ok = 1;                                                                     \
        for (int64_t i = 1; s && i < s->len && ok; i++)                                 \
            ok = !less_val(kind, s->arr->v[s->off + i], s->arr->v[s->off + i - 1]);      \
        res[0] = INT(ok);                                                               \
        return VM_OK;                                                                   \
    }
SORTED(sort_ints_sorted, RK_INT)
SORTED(sort_strings_sorted, RK_STRING)
SORTED(sort_floats_sorted, RK_FLOAT64)
static int sort_search_ints(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SliceObj *s = (SliceObj *)a[0].r;
    int64_t lo = 0, hi = s ? s->len : 0;
    while (lo < hi) {
        int64_t h = (int64_t)((uint64_t)(lo + hi) >> 1);
        if (s->arr->v[s->off + h].i < a[1].i) lo = h + 1;
        else hi = h;
    }
    res[0] = INT(lo);
    return VM_OK;
}
static int sort_search(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t lo = 0, hi = a[0].i;
    Value f = a[1];
    while (lo < hi) {
        int64_t h = (int64_t)((uint64_t)(lo + hi) >> 1);
        Value arg = INT(h), r;
        if (vm_call(vm, g, f, &arg, 1, &r, 1) != VM_OK) return VM_RAISE;
        if (!r.i) lo = h + 1;
        else hi = h;
    }
    res[0] = INT(lo);
    return VM_OK;
}

/* ---- errors ---- */

/* unwrap: Unwrap() of error value [e] (NIL if none); -1 on a panic. */
static int unwrap(Vm *vm, Goroutine *g, Value e, Value *out) {
    *out = NIL;
    if (!e.r) return 0;
    BoxObj *b = (BoxObj *)e.r;
    const RMethod *m = vm_find_method(b->t, vm_intern(vm, "Unwrap"));
    if (!m) {
        if (b->t->str && strcmp(b->t->str, "*fmt.wrapError") == 0 && b->v.r) *out = ((AggObj *)b->v.r)->v[1];
        return 0;
    }
    Value recv = b->v;
    if (vm_call(vm, g, (Value){{0}, m->fn}, &recv, 1, out, 1) != VM_OK) return -1;
    return 0;
}

static int e_is(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Value e = a[0], target = a[1];
    if (!e.r || !target.r) {
        res[0] = INT(e.r == target.r);
        return VM_OK;
    }
    for (int depth = 0; e.r && depth < 100; depth++) {
        const RType *bad = NULL;
        BoxObj *b = (BoxObj *)e.r;
        RKind k = b->t->kind;
        if (k != RK_SLICE && k != RK_MAP && k != RK_FUNC && ((BoxObj *)target.r)->t == b->t &&
            vm_equal(b->t, b->v, ((BoxObj *)target.r)->v, &bad)) {
            res[0] = INT(1);
            return VM_OK;
        }
        Value next;
        if (unwrap(vm, g, e, &next) < 0) return VM_RAISE;
        e = next;
    }
    res[0] = INT(0);
    return VM_OK;
}
static int e_unwrap(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Value next;
    if (unwrap(vm, g, a[0], &next) < 0) return VM_RAISE;
    res[0] = next;
    return VM_OK;
}
static int e_as(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Value e = a[0];
    BoxObj *tb = (BoxObj *)a[1].r;
    if (!tb || !tb->v.r) return vm_panic_plain(vm, g, "errors: target must be a non-nil pointer");
    const RType *want = tb->t->elem;
    for (int depth = 0; e.r && depth < 100; depth++) {
        BoxObj *b = (BoxObj *)e.r;
        int ok = want->kind == RK_IFACE ? vm_implements(b->t, want) : b->t == want;
        if (ok) {
            Value dst = tb->v;
            Value v = want->kind == RK_IFACE ? e : b->v;
            if (vm_is_agg(want)) vm_assign(vm, (AggObj *)dst.r, (AggObj *)v.r);
            else ((AggObj *)dst.r)->v[dst.i] = v;
            res[0] = INT(1);
            return VM_OK;
        }
        Value next;
        if (unwrap(vm, g, e, &next) < 0) return VM_RAISE;
        e = next;
    }
    res[0] = INT(0);
    return VM_OK;
}

/* ---- math/rand (global functions) ---- */

/* The generator is xoshiro256** (prng.h), not Go's: programs get a
 * deterministic stream from the run's seed, never Go's exact numbers. */
static int r_seed(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    prng_seed(&vm->rand, a[0].u);
    return VM_OK;
}
static int r_int(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT((int64_t)(prng_next(&vm->rand) >> 1));
    return VM_OK;
}
static int r_int31(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT((int64_t)(prng_next(&vm->rand) >> 33));
    return VM_OK;
}
static int r_uint32(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT((int64_t)(prng_next(&vm->rand) >> 32));
    return VM_OK;
}
static int r_uint64(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = (Value){{.u = prng_next(&vm->rand)}, NULL};
    return VM_OK;
}
static int r_intn_named(Vm *vm, Goroutine *g, int64_t n, Value *res, const char *name) {
    if (n <= 0) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid argument to %s", name);
        return vm_panic_plain(vm, g, msg);
    }
    res[0] = INT((int64_t)prng_below(&vm->rand, (uint64_t)n));
    return VM_OK;
}
static int r_intn(Vm *vm, Goroutine *g, Value *a, int n, Value *res) { return r_intn_named(vm, g, a[0].i, res, "Intn"); }
static int r_int31n(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    return r_intn_named(vm, g, a[0].i, res, "Int31n");
}
static int r_int63n(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    return r_intn_named(vm, g, a[0].i, res, "Int63n");
}
static int r_float64(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = FLT(prng_float(&vm->rand));
    return VM_OK;
}
static int r_float32(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = FLT((double)(float)prng_float(&vm->rand));
    return VM_OK;
}
static int r_perm(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t cnt = a[0].i;
    if (cnt < 0) return vm_panic_plain(vm, g, "invalid argument to Intn");
    AggObj *arr = vm_new_agg(vm, NULL, cnt);
    for (int64_t i = 0; i < cnt; i++) {
        int64_t j = (int64_t)prng_below(&vm->rand, (uint64_t)(i + 1));
        arr->v[i] = arr->v[j];
        arr->v[j] = INT(i);
    }
    res[0] = vm_new_slice(vm, arr, 0, cnt, cnt);
    return VM_OK;
}
static int r_shuffle(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t cnt = a[0].i;
    if (cnt < 0) return vm_panic_plain(vm, g, "invalid argument to Shuffle");
    for (int64_t i = cnt - 1; i > 0; i--) {
        int64_t j = (int64_t)prng_below(&vm->rand, (uint64_t)(i + 1));
        Value args[2] = {INT(i), INT(j)};
        if (vm_call(vm, g, a[1], args, 2, NULL, 0) != VM_OK) return VM_RAISE;
    }
    return VM_OK;
}

/* ---- time.Duration ---- */

static int d_string(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    gofmt_duration(&b, a[0].i);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int d_seconds(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t d = a[0].i, sec = d / 1000000000, ns = d % 1000000000;
    res[0] = FLT((double)sec + (double)ns / 1e9);
    return VM_OK;
}
static int d_minutes(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t d = a[0].i, m = d / 60000000000LL, ns = d % 60000000000LL;
    res[0] = FLT((double)m + (double)ns / (60 * 1e9));
    return VM_OK;
}
static int d_hours(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t d = a[0].i, h = d / 3600000000000LL, ns = d % 3600000000000LL;
    res[0] = FLT((double)h + (double)ns / (60 * 60 * 1e9));
    return VM_OK;
}
static int d_ms(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(a[0].i / 1000000);
    return VM_OK;
}
static int d_us(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(a[0].i / 1000);
    return VM_OK;
}
static int d_ns(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(a[0].i);
    return VM_OK;
}
static int d_truncate(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t d = a[0].i, m = a[1].i;
    res[0] = INT(m <= 0 ? d : d - d % m);
    return VM_OK;
}
static int d_round(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    /* time.Duration.Round, halfway values away from zero. */
    int64_t d = a[0].i, m = a[1].i;
    if (m <= 0) {
        res[0] = INT(d);
        return VM_OK;
    }
    int64_t r = d % m;
    if (d < 0) {
        r = -r;
        if (r + r < m) res[0] = INT(d + r);
        else if (d - m + r < d) res[0] = INT(d - m + r);
        else res[0] = INT(INT64_MIN);
        return VM_OK;
    }
    if (r + r < m) res[0] = INT(d - r);
    else if (d + m - r > d) res[0] = INT(d + m - r);
    else res[0] = INT(INT64_MAX);
    return VM_OK;
}
static int d_abs(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t d = a[0].i;
    res[0] = INT(d >= 0 ? d : d == INT64_MIN ? INT64_MAX : -d);
    return VM_OK;
}

/* ---- time.Time on the virtual clock ----
 * A Time is its struct's one field `wall`: Unix nanoseconds + 1, so that 0
 * is the zero Time (IsZero). The clock starts at 2009-11-10 23:00:00 UTC, as
 * on the Go playground, and moves only by Sleep (one goroutine: sleeping is
 * the clock jumping ahead; the scheduler takes Sleep over with goroutines). */

#define PLAYGROUND_UNIX_NS (1257894000LL * 1000000000LL)

static int64_t time_ns(Value t) { return ((AggObj *)t.r)->v[0].i - 1; }

static Value make_time(Vm *vm, int64_t unix_ns) {
    AggObj *a = vm_new_agg(vm, NULL, 1);
    a->v[0] = INT(unix_ns + 1);
    return (Value){{0}, &a->h};
}

static void split_ns(int64_t ns, int64_t *sec, int32_t *nsec) {
    *sec = ns / 1000000000;
    int64_t r = ns % 1000000000;
    if (r < 0) {
        r += 1000000000;
        (*sec)--;
    }
    *nsec = (int32_t)r;
}

static int t_now(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = make_time(vm, PLAYGROUND_UNIX_NS + vm->now_ns);
    return VM_OK;
}
static int t_sleep(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (a[0].i > 0) vm->now_ns += a[0].i;
    return VM_OK;
}
static int t_since(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(PLAYGROUND_UNIX_NS + vm->now_ns - time_ns(a[0]));
    return VM_OK;
}
static int t_until(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(time_ns(a[0]) - (PLAYGROUND_UNIX_NS + vm->now_ns));
    return VM_OK;
}
static int t_unix_make(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = make_time(vm, a[0].i * 1000000000 + a[1].i);
    return VM_OK;
}
static int t_unix_milli_make(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = make_time(vm, a[0].i * 1000000);
    return VM_OK;
}
static int t_sub(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(time_ns(a[0]) - time_ns(a[1]));
    return VM_OK;
}
static int t_add(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = make_time(vm, time_ns(a[0]) + a[1].i);
    return VM_OK;
}
static int t_before(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(time_ns(a[0]) < time_ns(a[1]));
    return VM_OK;
}
static int t_after(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(time_ns(a[0]) > time_ns(a[1]));
    return VM_OK;
}
static int t_equal(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(time_ns(a[0]) == time_ns(a[1]));
    return VM_OK;
}
static int t_compare(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t x = time_ns(a[0]), y = time_ns(a[1]);
    res[0] = INT(x < y ? -1 : x > y);
    return VM_OK;
}
static int t_is_zero(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(((AggObj *)a[0].r)->v[0].i == 0);
    return VM_OK;
}
static int t_unix(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t sec;
    int32_t ns;
    split_ns(time_ns(a[0]), &sec, &ns);
    res[0] = INT(sec);
    return VM_OK;
}
static int t_unix_nano(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(time_ns(a[0]));
    return VM_OK;
}
static int t_unix_milli(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(time_ns(a[0]) / 1000000);
    return VM_OK;
}
static int t_unix_micro(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(time_ns(a[0]) / 1000);
    return VM_OK;
}

/* civil: the calendar fields of Time a[0]; the zero Time is year 1. */
static GofmtCivil civil(Value t) {
    int64_t sec;
    int32_t ns;
    if (((AggObj *)t.r)->v[0].i == 0) return gofmt_civil(-62135596800LL, 0);
    split_ns(time_ns(t), &sec, &ns);
    return gofmt_civil(sec, ns);
}
#define CIVIL(name, field)                                                              \
    static int name(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {              \
        res[0] = INT(civil(a[0]).field);                                                \
        return VM_OK;                                                                   \
    }
CIVIL(t_year, year)
CIVIL(t_month, month)
CIVIL(t_day, day)
CIVIL(t_hour, hour)
CIVIL(t_minute, min)
CIVIL(t_second, sec)
CIVIL(t_nanosecond, nsec)
CIVIL(t_yday, yday)
CIVIL(t_weekday, weekday)

static void time_parts(Value t, int64_t *sec, int32_t *ns) {
    if (((AggObj *)t.r)->v[0].i == 0) {
        *sec = -62135596800LL;
        *ns = 0;
    } else split_ns(time_ns(t), sec, ns);
}
static int t_format(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t sec;
    int32_t ns;
    time_parts(a[0], &sec, &ns);
    GofmtBuf b = {0};
    gofmt_time_format(&b, sec, ns, vm_str_data(a[1]), (size_t)vm_str_len(a[1]));
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int t_string(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t sec;
    int32_t ns;
    time_parts(a[0], &sec, &ns);
    GofmtBuf b = {0};
    gofmt_time_string(&b, sec, ns, false, 0);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int t_self(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = a[0];
    return VM_OK;
}
static int t_truncate(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t t = time_ns(a[0]), d = a[1].i;
    if (d <= 0) {
        res[0] = a[0];
        return VM_OK;
    }
    /* Relative to the zero Time (year 1), as Go does. */
    __extension__ __int128 since_zero = (__int128)t + (__int128)62135596800LL * 1000000000;
    int64_t r = (int64_t)(since_zero % d);
    if (r < 0) r += d;
    res[0] = make_time(vm, t - r);
    return VM_OK;
}
static int month_string(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    gofmt_month_name(&b, a[0].i);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}
static int weekday_string(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    GofmtBuf b = {0};
    gofmt_weekday_name(&b, a[0].i);
    res[0] = buf_str(vm, &b);
    return VM_OK;
}

const VmNativeDef vm_native_lib[] = {
    {"errors.As", e_as},
    {"errors.Is", e_is},
    {"errors.Unwrap", e_unwrap},
    {"math.Abs", m_abs},
    {"math/rand.Float32", r_float32},
    {"math/rand.Float64", r_float64},
    {"math/rand.Int", r_int},
    {"math/rand.Int31", r_int31},
    {"math/rand.Int31n", r_int31n},
    {"math/rand.Int63", r_int},
    {"math/rand.Int63n", r_int63n},
    {"math/rand.Intn", r_intn},
    {"math/rand.Perm", r_perm},
    {"math/rand.Seed", r_seed},
    {"math/rand.Shuffle", r_shuffle},
    {"math/rand.Uint32", r_uint32},
    {"math/rand.Uint64", r_uint64},
    {"math.Atan", m_atan},
    {"math.Atan2", m_atan2},
    {"math.Cbrt", m_cbrt},
    {"math.Ceil", m_ceil},
    {"math.Copysign", m_copysign},
    {"math.Cos", m_cos},
    {"math.Dim", m_dim},
    {"math.Exp", m_exp},
    {"math.Exp2", m_exp2},
    {"math.Float32bits", m_float32bits},
    {"math.Float64bits", m_float64bits},
    {"math.Float64frombits", m_float64bits},
    {"math.Floor", m_floor},
    {"math.Hypot", m_hypot},
    {"math.Inf", m_inf},
    {"math.IsInf", m_isinf},
    {"math.IsNaN", m_isnan},
    {"math.Log", m_log},
    {"math.Log10", m_log10},
    {"math.Log1p", m_log1p},
    {"math.Log2", m_log2},
    {"math.Max", m_max},
    {"math.Min", m_min},
    {"math.Mod", m_mod},
    {"math.Modf", m_modf},
    {"math.NaN", m_nan},
    {"math.Pow", m_pow},
    {"math.Pow10", m_pow10},
    {"math.Remainder", m_remainder},
    {"math.Round", m_round},
    {"math.RoundToEven", m_round_even},
    {"math.Signbit", m_signbit},
    {"math.Sin", m_sin},
    {"math.Sqrt", m_sqrt},
    {"math.Tan", m_tan},
    {"math.Trunc", m_trunc},
    {"os.(*File).Write", f_write},
    {"os.(*File).WriteString", f_write_string},
    {"sort.Float64s", sort_floats},
    {"sort.Float64sAreSorted", sort_floats_sorted},
    {"sort.Float64Slice.Len", xs_len},
    {"sort.Float64Slice.Less", floats_less},
    {"sort.Float64Slice.Swap", xs_swap},
    {"sort.IntSlice.Len", xs_len},
    {"sort.IntSlice.Less", ints_less},
    {"sort.IntSlice.Swap", xs_swap},
    {"sort.Ints", sort_ints},
    {"sort.IsSorted", sort_is_sorted},
    {"sort.IntsAreSorted", sort_ints_sorted},
    {"sort.Reverse", sort_reverse},
    {"sort.Search", sort_search},
    {"sort.SearchInts", sort_search_ints},
    {"sort.Slice", sort_slice},
    {"sort.SliceStable", sort_slice_stable},
    {"sort.Sort", sort_sort},
    {"sort.Stable", sort_stable},
    {"sort.StringSlice.Len", xs_len},
    {"sort.StringSlice.Less", strings_less},
    {"sort.StringSlice.Swap", xs_swap},
    {"sort.Strings", sort_strings},
    {"sort.StringsAreSorted", sort_strings_sorted},
    {"strconv.Atoi", c_atoi},
    {"strconv.FormatBool", c_format_bool},
    {"strconv.FormatFloat", c_format_float},
    {"strconv.FormatInt", c_format_int},
    {"strconv.FormatUint", c_format_uint},
    {"strconv.Itoa", c_itoa},
    {"strconv.ParseBool", c_parse_bool},
    {"strconv.ParseFloat", c_parse_float},
    {"strconv.ParseInt", c_parse_int},
    {"strconv.ParseUint", c_parse_uint},
    {"strconv.Quote", c_quote},
    {"strconv.QuoteRune", c_quote_rune},
    {"strconv.Unquote", c_unquote},
    {"strings.(*Builder).Grow", b_grow},
    {"strings.(*Builder).Len", b_len},
    {"strings.(*Builder).Reset", b_reset},
    {"strings.(*Builder).Write", b_write},
    {"strings.(*Builder).String", b_string},
    {"strings.(*Builder).WriteByte", b_write_byte},
    {"strings.(*Builder).WriteRune", b_write_rune},
    {"strings.(*Builder).WriteString", b_write_string},
    {"strings.Compare", s_compare},
    {"strings.Contains", s_contains},
    {"strings.ContainsAny", s_contains_any},
    {"strings.ContainsRune", s_contains_rune},
    {"strings.Count", s_count},
    {"strings.Cut", s_cut},
    {"strings.EqualFold", s_equal_fold},
    {"strings.Fields", s_fields},
    {"strings.HasPrefix", s_has_prefix},
    {"strings.HasSuffix", s_has_suffix},
    {"strings.Index", s_index},
    {"strings.IndexAny", s_index_any},
    {"strings.IndexByte", s_index_byte},
    {"strings.IndexRune", s_index_rune},
    {"strings.Join", s_join},
    {"strings.LastIndex", s_last_index},
    {"strings.Repeat", s_repeat},
    {"strings.Replace", s_replace},
    {"strings.ReplaceAll", s_replace},
    {"strings.Split", s_split},
    {"strings.SplitN", s_split},
    {"strings.Title", s_title},
    {"strings.Map", s_map},
    {"strings.IndexFunc", s_index_func},
    {"strings.TrimFunc", s_trim_func},
    {"strings.TrimLeftFunc", s_trim_left_func},
    {"strings.TrimRightFunc", s_trim_right_func},
    {"strings.ToLower", s_lower},
    {"strings.ToUpper", s_upper},
    {"strings.Trim", s_trim},
    {"strings.TrimLeft", s_trim_left},
    {"strings.TrimPrefix", s_trim_prefix},
    {"strings.TrimRight", s_trim_right},
    {"strings.TrimSpace", s_trim_space},
    {"strings.TrimSuffix", s_trim_suffix},
    {"time.Duration.Abs", d_abs},
    {"time.Duration.Hours", d_hours},
    {"time.Duration.Microseconds", d_us},
    {"time.Duration.Milliseconds", d_ms},
    {"time.Duration.Minutes", d_minutes},
    {"time.Duration.Nanoseconds", d_ns},
    {"time.Duration.Round", d_round},
    {"time.Duration.Seconds", d_seconds},
    {"time.Duration.String", d_string},
    {"time.Duration.Truncate", d_truncate},
    {"time.Month.String", month_string},
    {"time.Now", t_now},
    {"time.Since", t_since},
    {"time.Sleep", t_sleep},
    {"time.Time.Add", t_add},
    {"time.Time.After", t_after},
    {"time.Time.Before", t_before},
    {"time.Time.Compare", t_compare},
    {"time.Time.Day", t_day},
    {"time.Time.Equal", t_equal},
    {"time.Time.Format", t_format},
    {"time.Time.Hour", t_hour},
    {"time.Time.IsZero", t_is_zero},
    {"time.Time.Local", t_self},
    {"time.Time.Minute", t_minute},
    {"time.Time.Month", t_month},
    {"time.Time.Nanosecond", t_nanosecond},
    {"time.Time.Second", t_second},
    {"time.Time.String", t_string},
    {"time.Time.Sub", t_sub},
    {"time.Time.Truncate", t_truncate},
    {"time.Time.UTC", t_self},
    {"time.Time.Unix", t_unix},
    {"time.Time.UnixMicro", t_unix_micro},
    {"time.Time.UnixMilli", t_unix_milli},
    {"time.Time.UnixNano", t_unix_nano},
    {"time.Time.Weekday", t_weekday},
    {"time.Time.Year", t_year},
    {"time.Time.YearDay", t_yday},
    {"time.Unix", t_unix_make},
    {"time.UnixMilli", t_unix_milli_make},
    {"time.Until", t_until},
    {"time.Weekday.String", weekday_string},
};
const int vm_native_lib_len = (int)(sizeof vm_native_lib / sizeof *vm_native_lib);
