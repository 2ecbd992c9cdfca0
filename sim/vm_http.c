/* vm_http: the part of net/http the tutorial uses, in process: HandleFunc
 * registers a handler on the default mux; ListenAndServe opens a virtual
 * listener (no socket) and parks its goroutine; http.Get against it runs
 * the matching handler on a goroutine of its own with a ResponseWriter
 * and a *Request (RemoteAddr 127.0.0.1:port), and returns the *Response
 * once the handler returns; io.ReadAll reads its Body.
 *
 * Invariants:
 * - A goroutine parked in ListenAndServe waits with IO_WAIT, which the
 *   deadlock check treats as Go treats a network poller: not asleep.
 * - The client of a request is parked (IO_WAIT) exactly while its handler
 *   goroutine runs; the handler's exit (http_finish) writes the client's
 *   results and readies it.
 * - ResponseWriter and Body values hold an HttpResp handle + 1 in slot 0.
 * - An HttpResp lives while it has refs: its ResponseWriter and Body
 *   values (the sweep's free hook drops them) and its handler while it
 *   runs; then it is freed, with the *Request it kept, and its handle
 *   reused. Ports count requests (http_nreq), not handles.
 */
#include <stdlib.h>
#include <string.h>

#include "sched.h"
#include "vm_native.h"

static const Value NILV = {{0}, NULL};
#define I(x) ((Value){{.i = (x)}, NULL})

static Value str(Vm *vm, const char *s) { return vm_str(vm, s, (int64_t)strlen(s)); }

Value http_io_eof(Vm *vm) {
    Sched *s = vm->sched;
    if (!s->io_eof.r) {
        s->io_eof = vm_native_error(vm, str(vm, "EOF"));
        vm_pin(vm, s->io_eof.r);
    }
    return s->io_eof;
}

static int cmp_method(const void *x, const void *y) {
    const RMethod *a = x, *b = y;
    return (a->name_id > b->name_id) - (a->name_id < b->name_id);
}

/* native_type: a "*pkg.name" pointer-to-struct{h} type with [n] native
 * methods. */
static const RType *native_type(Vm *vm, const char *sname, const char *pname, const char *const *names,
                                const VmNative *fns, const int *np, const int *nr, int n) {
    RType *st = vm_type_new(vm, RK_STRUCT, sname);
    st->named = 1;
    st->nfields = 1;
    st->fields = arena_alloc(&vm->arena, sizeof(RField));
    st->fields[0] = (RField){"h", vm->t_int, 0};
    st->size = 8;
    RType *pt = vm_type_new(vm, RK_PTR, pname);
    pt->elem = st;
    pt->size = 8;
    pt->methods = arena_alloc(&vm->arena, sizeof(RMethod) * (size_t)n);
    pt->nmethods = n;
    for (int i = 0; i < n; i++) {
        char qn[96];
        snprintf(qn, sizeof qn, "%s.%s", pname, names[i]);
        Proto *p = vm_native_proto(vm, qn, fns[i], np[i], nr[i]);
        ClosureObj *c = vm_closure(vm, p, 0);
        vm_pin(vm, &c->h);
        pt->methods[i] = (RMethod){vm_intern(vm, names[i]), &c->h, 0};
    }
    qsort(pt->methods, (size_t)n, sizeof(RMethod), cmp_method);
    return pt;
}

static int resp_h(Value recv) { return recv.r ? (int)((AggObj *)recv.r)->v[0].i - 1 : -1; }

/* ---- ResponseWriter ---- */

static int w_header(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = NILV; /* no headers in the virtual transport */
    return VM_OK;
}

static int w_write(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    int h = resp_h(a[0]);
    SliceObj *p = (SliceObj *)a[1].r;
    int64_t len = p ? p->len : 0;
    if (h >= 0) {
        HttpResp *r = &s->resps.items[h];
        if (r->len + (size_t)len + 1 > r->cap) {
            size_t nc = r->cap ? r->cap : 256;
            while (nc < r->len + (size_t)len + 1) nc *= 2;
            r->buf = mem_realloc(r->buf, r->cap, nc);
            r->cap = nc;
        }
        for (int64_t i = 0; i < len; i++) r->buf[r->len++] = (char)p->arr->v[p->off + i].i;
    }
    res[0] = I(len);
    res[1] = NILV;
    return VM_OK;
}

static int w_writeheader(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int h = resp_h(a[0]);
    if (h >= 0 && !vm->sched->resps.items[h].status) vm->sched->resps.items[h].status = (int)a[1].i;
    return VM_OK;
}

/* ---- Body ---- */

static int b_read(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    int h = resp_h(a[0]);
    SliceObj *p = (SliceObj *)a[1].r;
    HttpResp *r = h >= 0 ? &s->resps.items[h] : NULL;
    if (!r || r->off >= r->len) {
        res[0] = I(0);
        res[1] = http_io_eof(vm);
        return VM_OK;
    }
    int64_t k = 0, cap = p ? p->len : 0;
    r = &s->resps.items[h];
    while (k < cap && r->off < r->len) p->arr->v[p->off + k++].i = (unsigned char)r->buf[r->off++];
    res[0] = I(k);
    res[1] = NILV;
    return VM_OK;
}

static int b_close(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = NILV;
    return VM_OK;
}

/* boxed_handle: a ResponseWriter or Body value of response [h], one of
 * its refs */
static Value boxed_handle(Vm *vm, const RType *pt, int h) {
    AggObj *o = vm_new_agg(vm, pt->elem, 1);
    o->v[0].i = h + 1;
    o->h.aux = 1; /* Vm.free_hook: sched_http_freed */
    vm->sched->resps.items[h].refs++;
    vm_push_root(vm, &o->h);
    Value v = vm_box(vm, pt, (Value){{0}, &o->h});
    vm_pop_roots(vm, 1);
    return v;
}

static const RType *writer_type(Vm *vm) {
    Sched *s = vm->sched;
    if (!s->t_resp_writer) {
        static const char *const names[] = {"Header", "Write", "WriteHeader"};
        static const VmNative fns[] = {w_header, w_write, w_writeheader};
        static const int np[] = {1, 2, 2}, nr[] = {1, 2, 0};
        s->t_resp_writer = native_type(vm, "http.response", "*http.response", names, fns, np, nr, 3);
    }
    return s->t_resp_writer;
}

static const RType *body_type(Vm *vm) {
    Sched *s = vm->sched;
    if (!s->t_body) {
        static const char *const names[] = {"Close", "Read"};
        static const VmNative fns[] = {b_close, b_read};
        static const int np[] = {1, 2}, nr[] = {1, 2};
        s->t_body = native_type(vm, "http.body", "*http.body", names, fns, np, nr, 2);
    }
    return s->t_body;
}

/* ---- server side ---- */

static int h_handlefunc(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    Value pat = a[n - 2], fn = a[n - 1]; /* (mux,) pattern, handler */
    if (!fn.r) return vm_panic_plain(vm, g, "http: nil handler");
    for (int i = 0; i < s->routes.len; i++)
        if (vm_str_eq(s->routes.items[i].pattern, pat)) {
            char msg[200];
            snprintf(msg, sizeof msg, "http: multiple registrations for %.*s", (int)vm_str_len(pat), vm_str_data(pat));
            return vm_panic_value(vm, g, vm_box(vm, vm->t_string, str(vm, msg)));
        }
    HttpRoute r = {pat, fn};
    VEC_PUSH(s->routes, r);
    return VM_OK;
}

static int h_listen(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    s->listening = 1;
    sched_park(s, g, TRACE_WAIT_IO_WAIT, 0);
    return VM_BLOCKED;
}

/* route: the handler whose pattern matches [path] best (Go's ServeMux: an
 * exact pattern, or the longest "/prefix/" pattern), -1 if none. */
static int route(Sched *s, const char *path, size_t plen) {
    int best = -1;
    int64_t bestlen = -1;
    for (int i = 0; i < s->routes.len; i++) {
        Value p = s->routes.items[i].pattern;
        int64_t l = vm_str_len(p);
        const char *d = vm_str_data(p);
        int ok = l > 0 && d[l - 1] == '/' ? (size_t)l <= plen && !memcmp(d, path, (size_t)l)
                                           : (size_t)l == plen && !memcmp(d, path, (size_t)l);
        if (ok && l > bestlen) {
            best = i;
            bestlen = l;
        }
    }
    return best;
}

static Value new_request(Vm *vm, int port, const char *path, size_t plen, const char *host, size_t hlen) {
    const RType *t = sched_find_type(vm, "http.Request", RK_STRUCT, NULL);
    AggObj *r = vm_new_agg(vm, t, t->nfields >= 10 ? t->nfields : 10);
    vm_push_root(vm, &r->h);
    char addr[32];
    snprintf(addr, sizeof addr, "127.0.0.1:%d", port);
    Value v = str(vm, "GET");
    r->v[0] = v;
    v = str(vm, "HTTP/1.1");
    r->v[2] = v;
    v = vm_str(vm, host, (int64_t)hlen);
    r->v[6] = v;
    v = str(vm, addr);
    r->v[7] = v;
    v = vm_str(vm, path, (int64_t)plen);
    r->v[8] = v;
    /* r.URL: a server-side URL, path and query only */
    const RType *ut = sched_find_type(vm, "url.URL", RK_STRUCT, NULL);
    AggObj *u = vm_new_agg(vm, ut, ut->nfields >= 5 ? ut->nfields : 5);
    r->v[1] = (Value){{0}, &u->h};
    size_t q = 0;
    while (q < plen && path[q] != '?') q++;
    v = vm_str(vm, path, (int64_t)q);
    u->v[2] = v;
    if (q < plen) {
        v = vm_str(vm, path + q + 1, (int64_t)(plen - q - 1));
        u->v[3] = v;
    }
    vm_pop_roots(vm, 1);
    return (Value){{0}, &r->h};
}

/* ---- client side ---- */

static Value response(Vm *vm, int h) {
    Sched *s = vm->sched;
    const RType *t = sched_find_type(vm, "http.Response", RK_STRUCT, NULL);
    AggObj *r = vm_new_agg(vm, t, t->nfields >= 7 ? t->nfields : 7);
    vm_push_root(vm, &r->h);
    int code = s->resps.items[h].status ? s->resps.items[h].status : 200;
    char st[64];
    snprintf(st, sizeof st, "%d %s", code, code == 200 ? "OK" : code == 404 ? "Not Found" : "");
    Value v = str(vm, st);
    r->v[0] = v;
    r->v[1] = I(code);
    v = str(vm, "HTTP/1.1");
    r->v[2] = v;
    v = boxed_handle(vm, body_type(vm), h);
    r->v[4] = v;
    r->v[5] = I((int64_t)s->resps.items[h].len);
    r->v[6] = s->resps.items[h].req;
    vm_pop_roots(vm, 1);
    const RType *pt = sched_find_type(vm, "*http.Response", RK_PTR, t);
    (void)pt;
    return (Value){{0}, &r->h};
}

/* resp_unref: drop one of response [h]'s refs, freeing it at the last */
static void resp_unref(Sched *s, int h) {
    HttpResp *r = &s->resps.items[h];
    GORO_ASSERT(r->refs > 0);
    if (--r->refs) return;
    mem_free(r->buf, r->cap);
    HANDLE_FREE(s->resps, s->resp_free, h);
}

void sched_http_freed(Vm *vm, AggObj *a) {
    int h = resp_h((Value){{0}, &a->h});
    if (h >= 0) resp_unref(vm->sched, h);
}

void http_finish(Sched *s, int h) {
    Vm *vm = s->vm;
    Value resp = response(vm, h);
    HttpResp *r = &s->resps.items[h];
    Goroutine *c = r->client;
    r->client = NULL;
    if (c) {
        c->stack[r->dst] = resp;
        c->stack[r->dst + 1] = NILV;
        sched_ready(s, c);
    }
    resp_unref(s, h); /* the handler's */
}

static int h_get(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    Value url = a[n - 1];
    const char *u = vm_str_data(url);
    size_t ul = (size_t)vm_str_len(url);
    const char *hs = u, *end = u + ul;
    const char *sep = NULL;
    for (const char *q = u; q + 2 < end; q++)
        if (q[0] == ':' && q[1] == '/' && q[2] == '/') {
            sep = q;
            break;
        }
    if (sep) hs = sep + 3;
    const char *path = hs;
    while (path < end && *path != '/') path++;
    size_t hl = (size_t)(path - hs), pl = (size_t)(end - path);
    if (!s->listening) {
        char msg[300];
        snprintf(msg, sizeof msg, "Get \"%.*s\": dial tcp %.*s: connect: connection refused", (int)ul, u, (int)hl, hs);
        res[0] = NILV;
        res[1] = vm_native_error(vm, str(vm, msg));
        return VM_OK;
    }
    if (!pl) path = "/", pl = 1;
    HttpResp hr;
    memset(&hr, 0, sizeof hr);
    int h;
    HANDLE_NEW(s->resps, s->resp_free, hr, h);
    Value req = new_request(vm, (int)(40000 + s->http_nreq++), path, pl, hs, hl);
    s->resps.items[h].req = req;
    int rt = route(s, path, pl);
    if (rt < 0) {
        static const char nf[] = "404 page not found\n";
        HttpResp *r = &s->resps.items[h];
        r->status = 404;
        r->buf = mem_alloc(sizeof nf);
        memcpy(r->buf, nf, sizeof nf);
        r->len = sizeof nf - 1;
        r->cap = sizeof nf;
        res[0] = response(vm, h);
        res[1] = NILV;
        return VM_OK;
    }
    Value args[2];
    args[0] = boxed_handle(vm, writer_type(vm), h);
    args[1] = s->resps.items[h].req;
    vm_push_root(vm, args[0].r);
    Goroutine *hg = sched_spawn(s, g, s->routes.items[rt].fn, args, 2);
    vm_pop_roots(vm, 1);
    sched_g(hg)->http_resp = h;
    s->resps.items[h].refs++; /* the handler's, until http_finish */
    s->resps.items[h].client = g;
    s->resps.items[h].dst = sched_result_slot(g);
    sched_park(s, g, TRACE_WAIT_IO_WAIT, 0);
    return VM_BLOCKED;
}

/* io.ReadAll: a Body's remaining bytes; other readers through their Read. */
static int io_readall(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    BoxObj *b = (BoxObj *)a[0].r;
    if (!b || b->t != s->t_body) return vm_panic_plain(vm, g, "goro-viz: io.ReadAll supports an http Response Body only");
    int h = resp_h(b->v);
    HttpResp *r = &s->resps.items[h];
    int64_t len = (int64_t)(r->len - r->off);
    const RType *bt = sched_find_type(vm, "[]uint8", RK_SLICE, sched_find_type(vm, "uint8", RK_UINT8, NULL));
    AggObj *arr = vm_new_agg(vm, bt, len);
    r = &s->resps.items[h];
    for (int64_t i = 0; i < len; i++) arr->v[i].i = (unsigned char)r->buf[r->off + (size_t)i];
    r->off = r->len;
    vm_push_root(vm, &arr->h);
    res[0] = vm_new_slice(vm, arr, 0, len, len);
    vm_pop_roots(vm, 1);
    res[1] = NILV;
    return VM_OK;
}

/* (*url.URL).String: scheme://host/path?query, as much as is set. */
static int url_string(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    AggObj *u = (AggObj *)a[0].r;
    if (!u) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    char buf[1024];
    size_t k = 0;
    const char *parts[5];
    int64_t lens[5];
    for (int i = 0; i < 5 && i < u->n; i++) {
        parts[i] = vm_str_data(u->v[i]);
        lens[i] = vm_str_len(u->v[i]);
    }
#define PUT(p, l) do { int64_t l_ = (l); if (k + (size_t)l_ < sizeof buf) { memcpy(buf + k, (p), (size_t)l_); k += (size_t)l_; } } while (0)
    if (lens[0]) { PUT(parts[0], lens[0]); PUT(":", 1); }
    if (lens[0] || lens[1]) { PUT("//", 2); PUT(parts[1], lens[1]); }
    PUT(parts[2], lens[2]);
    if (lens[3]) { PUT("?", 1); PUT(parts[3], lens[3]); }
    if (lens[4]) { PUT("#", 1); PUT(parts[4], lens[4]); }
#undef PUT
    res[0] = vm_str(vm, buf, (int64_t)k);
    return VM_OK;
}

void http_free(Sched *s) {
    for (int i = 0; i < s->resps.len; i++) mem_free(s->resps.items[i].buf, s->resps.items[i].cap);
    VEC_FREE(s->resps);
    VEC_FREE(s->routes);
}

const VmNativeDef sched_http_natives[] = {
    {"io.ReadAll", io_readall},
    {"net/http.(*ServeMux).HandleFunc", h_handlefunc},
    {"net/http.Get", h_get},
    {"net/http.HandleFunc", h_handlefunc},
    {"net/http.ListenAndServe", h_listen},
    {"net/url.(*URL).String", url_string},
};
const int sched_http_natives_len = (int)(sizeof sched_http_natives / sizeof *sched_http_natives);
