/* trace_export: the text export (one greppable line per event) and Chrome
 * Trace Event JSON. Both are pure functions of the recorded trace: they walk
 * events and objects by index, never by pointer or hash order.
 */
#include "gofmt.h"
#include "trace_impl.h"

#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

/* ---- Go's time.Duration.String ------------------------------------------- */

const char *trace_format_duration(int64_t ns, char *out, size_t n) {
    /* One implementation of Duration.String for the whole of sim/. */
    GofmtBuf b = {0};
    gofmt_duration(&b, ns);
    snprintf(out, n, "%.*s", (int)b.len, b.data);
    gofmt_buf_free(&b);
    return out;
}

/* ---- a bounded string builder --------------------------------------------- */

typedef struct Sb {
    char *buf;
    size_t cap; /* bytes available including the NUL */
    size_t len; /* length it would have */
} Sb;

static void sb_put(Sb *b, const char *s, size_t n) {
    if (b->len + 1 < b->cap) {
        size_t room = b->cap - 1 - b->len;
        memcpy(b->buf + b->len, s, n < room ? n : room);
    }
    b->len += n;
    if (b->cap) b->buf[b->len < b->cap - 1 ? b->len : b->cap - 1] = 0;
}

static void sb_printf(Sb *b, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    sb_put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static int bare_ok(const char *s, uint32_t n) {
    if (n == 0) return 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ' || c == '"' || c == '\\' || c == '=' || c == '@' || c == 0x7f || c >= 0x80)
            return 0;
    }
    return 1;
}

/* quote like Go's %q for the printable cases: \" \\ \n \t \r, other control
 * bytes as \xNN; bytes >= 0x80 are kept (valid UTF-8 stays readable) */
static void sb_quoted(Sb *b, const char *s, uint32_t n) {
    sb_put(b, "\"", 1);
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': sb_put(b, "\\\"", 2); break;
        case '\\': sb_put(b, "\\\\", 2); break;
        case '\n': sb_put(b, "\\n", 2); break;
        case '\t': sb_put(b, "\\t", 2); break;
        case '\r': sb_put(b, "\\r", 2); break;
        default:
            if (c < ' ' || c == 0x7f) sb_printf(b, "\\x%02x", c);
            else sb_put(b, (const char *)&s[i], 1);
        }
    }
    sb_put(b, "\"", 1);
}

static void sb_value(Sb *b, const Trace *t, uint32_t id) {
    uint32_t n;
    const char *s = trace_str(t, id, &n);
    if (bare_ok(s, n)) sb_put(b, s, n);
    else sb_quoted(b, s, n);
}

static void sb_obj(Sb *b, const Trace *t, TraceObj o) {
    char name[128];
    trace_obj_name(t, o, name, sizeof name);
    uint32_t n = (uint32_t)strlen(name);
    if (bare_ok(name, n)) sb_put(b, name, n);
    else sb_quoted(b, name, n);
}

static void sb_goid(Sb *b, const Trace *t, TraceObj g) {
    const TraceObjInfo *info = trace_obj(t, g);
    if (!info || info->kind != TRACE_OBJ_GOROUTINE) sb_put(b, "-", 1);
    else sb_printf(b, "g%" PRIu32, info->goid);
}

/* ---- text ------------------------------------------------------------------ */

static void format_fields(Sb *b, const Trace *t, const TraceEvent *e) {
    char dur[32];
    if (e->obj) {
        sb_put(b, " ", 1);
        sb_obj(b, t, e->obj);
    }
    switch (e->kind) {
    case TRACE_EV_OBJ_NEW: {
        const TraceObjInfo *info = trace_obj(t, e->obj);
        if (info) {
            sb_printf(b, " kind=%s", trace_obj_kind_name(info->kind));
            if (info->kind == TRACE_OBJ_CHAN) {
                sb_put(b, " elem=", 6);
                sb_value(b, t, info->elem);
                sb_printf(b, " cap=%" PRId64, info->cap);
            }
        }
        break;
    }
    case TRACE_EV_GO_CREATE: {
        const TraceObjInfo *info = trace_obj(t, e->obj);
        if (info) {
            sb_put(b, " fn=", 4);
            sb_value(b, t, info->fn);
        }
        break;
    }
    case TRACE_EV_GO_BLOCK:
        sb_put(b, " reason=", 8);
        {
            const char *r = trace_wait_reason_name(e->aux);
            uint32_t n = (uint32_t)strlen(r);
            if (bare_ok(r, n)) sb_put(b, r, n);
            else sb_quoted(b, r, n);
        }
        break;
    case TRACE_EV_GO_SLEEP:
        sb_printf(b, " until=%s", trace_format_duration(e->arg, dur, sizeof dur));
        break;
    case TRACE_EV_CHAN_SEND:
        if (e->aux == TRACE_CH_SYNC) {
            sb_put(b, " mode=sync to=", 14);
            sb_goid(b, t, (TraceObj)e->arg);
        } else {
            sb_put(b, " mode=buf", 9);
        }
        break;
    case TRACE_EV_CHAN_RECV:
        sb_printf(b, " mode=%s", e->aux == TRACE_CH_SYNC ? "sync" : e->aux == TRACE_CH_CLOSED ? "closed" : "buf");
        if (e->flow >= 0) {
            sb_put(b, " from=", 6);
            sb_goid(b, t, (TraceObj)e->arg);
            sb_printf(b, " flow=#%06" PRId64, e->flow);
        }
        break;
    case TRACE_EV_SELECT_CASE:
        sb_printf(b, " dir=%s case=%" PRId64, e->aux == TRACE_CH_RECV_DIR ? "recv" : "send", e->arg);
        break;
    case TRACE_EV_SELECT:
        if (e->arg < 0) sb_put(b, " case=default", 13);
        else sb_printf(b, " case=%" PRId64, e->arg);
        break;
    case TRACE_EV_LOCK:
    case TRACE_EV_RLOCK:
        if (e->aux == TRACE_LOCK_TRY_OK) sb_put(b, " try=ok", 7);
        if (e->aux == TRACE_LOCK_TRY_FAIL) sb_put(b, " try=fail", 9);
        break;
    case TRACE_EV_WG_ADD: sb_printf(b, " delta=%" PRId64, e->arg); break;
    case TRACE_EV_ONCE: sb_printf(b, " ran=%s", e->aux ? "true" : "false"); break;
    case TRACE_EV_COND_SIGNAL:
    case TRACE_EV_COND_BROADCAST: sb_printf(b, " woken=%" PRId64, e->arg); break;
    case TRACE_EV_TIMER_START:
        sb_printf(b, " at=%s", trace_format_duration(e->arg, dur, sizeof dur));
        break;
    case TRACE_EV_READ:
    case TRACE_EV_WRITE:
        if (e->aux & TRACE_MEM_ATOMIC) sb_put(b, " atomic", 7);
        break;
    case TRACE_EV_RACE: sb_printf(b, " with=#%06" PRId64, e->arg); break;
    case TRACE_EV_OUTPUT: {
        uint64_t len;
        const char *out = trace_output_text(t, &len);
        if (e->aux == 2) sb_put(b, " stderr", 7);
        sb_put(b, " ", 1);
        sb_quoted(b, out + e->out_off, e->out_len);
        break;
    }
    case TRACE_EV_LIMIT: {
        static const char *const lim[] = {"?", "steps", "goroutines", "heap", "vtime", "events"};
        sb_printf(b, " limit=%s", e->aux >= 1 && e->aux <= 5 ? lim[e->aux] : "?");
        break;
    }
    case TRACE_EV_RUN_END: sb_printf(b, " status=%" PRId64, e->arg); break;
    default: break;
    }
    if (e->value) {
        sb_put(b, " value=", 7);
        sb_value(b, t, e->value);
    }
    if (e->pos.line > 0) sb_printf(b, " @%d:%d", e->pos.line, e->pos.col);
}

static int format_event(const Trace *t, uint32_t i, const TraceEvent *e, char *buf, size_t n) {
    Sb b = {buf, n, 0};
    if (n) buf[0] = 0;
    char dur[32];
    sb_printf(&b, "#%06" PRIu32 " s=%" PRIu64 " t=%s ", i, e->step,
              trace_format_duration(e->vtime, dur, sizeof dur));
    sb_goid(&b, t, e->g);
    sb_put(&b, " ", 1);
    sb_put(&b, trace_event_kind_name(e->kind), strlen(trace_event_kind_name(e->kind)));
    format_fields(&b, t, e);
    return (int)b.len;
}

int trace_format_event(const Trace *t, uint32_t i, char *buf, size_t n) {
    TraceEvent e;
    trace_event(t, i, &e);
    return format_event(t, i, &e, buf, n);
}

/* write_line: [len] bytes of [buf] and a newline; 0 or -1 */
static int write_line(FILE *f, const char *buf, int len) {
    return fwrite(buf, 1, (size_t)len, f) == (size_t)len && fputc('\n', f) != EOF ? 0 : -1;
}

int trace_write_text(const Trace *t, FILE *f) {
    int err = 0;
    fprintf(f, "# goro-viz trace 1\n");
    for (int i = 0; i < t->meta.len; i++)
        fprintf(f, "# meta %s=%s\n", t->meta.items[i].key, t->meta.items[i].value);
    size_t cap = 512;
    char *buf = mem_alloc(cap);
    for (TraceObj o = 1; o <= trace_obj_count(t); o++) {
        const TraceObjInfo *info = trace_obj(t, o);
        Sb b = {buf, cap, 0};
        sb_printf(&b, "# obj %" PRIu32 " %s ", o, trace_obj_kind_name(info->kind));
        sb_obj(&b, t, o);
        if (info->kind == TRACE_OBJ_GOROUTINE) {
            sb_put(&b, " fn=", 4);
            sb_value(&b, t, info->fn);
            sb_put(&b, " parent=", 8);
            sb_goid(&b, t, info->parent);
        }
        if (info->kind == TRACE_OBJ_CHAN) {
            sb_put(&b, " elem=", 6);
            sb_value(&b, t, info->elem);
            sb_printf(&b, " cap=%" PRId64, info->cap);
        }
        if (info->link) {
            sb_put(&b, " link=", 6);
            sb_obj(&b, t, info->link);
        }
        if (info->pos.line > 0) sb_printf(&b, " @%d:%d", info->pos.line, info->pos.col);
        if (b.len >= cap) { /* rare: a huge name; format again with room */
            mem_free(buf, cap);
            cap = b.len + 1;
            buf = mem_alloc(cap);
            o--;
            continue;
        }
        err |= write_line(f, buf, (int)b.len);
    }
    uint32_t n = trace_event_count(t);
    int64_t m = -1;
    TraceEvent e;
    for (uint32_t i = 0; i < n; i++) {
        while (m + 1 < t->times.len && t->times.items[m + 1].ev <= i) m++;
        trace_decode(t, i, m < 0 ? 0 : t->times.items[m].vtime, &e);
        int len = format_event(t, i, &e, buf, cap);
        if ((size_t)len >= cap) {
            mem_free(buf, cap);
            cap = (size_t)len + 1;
            buf = mem_alloc(cap);
            format_event(t, i, &e, buf, cap);
        }
        err |= write_line(f, buf, len);
    }
    mem_free(buf, cap);
    if (ferror(f)) err = -1;
    return err ? -1 : 0;
}

/* ---- Chrome Trace Event JSON ------------------------------------------------- */

/* json_str: a JSON string; bytes that are not valid UTF-8 become U+FFFD so
 * the document stays valid whatever the program printed */
static void json_str(FILE *f, const char *s, size_t n) {
    fputc('"', f);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') fputs("\\\"", f);
        else if (c == '\\') fputs("\\\\", f);
        else if (c == '\n') fputs("\\n", f);
        else if (c == '\t') fputs("\\t", f);
        else if (c == '\r') fputs("\\r", f);
        else if (c < 0x20 || c == 0x7f) fprintf(f, "\\u%04x", c);
        else if (c < 0x80) fputc(c, f);
        else {
            size_t bad;
            size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            if (i + len <= n && src_utf8_valid(s + i, len, &bad)) {
                fwrite(s + i, 1, len, f);
                i += len;
                continue;
            }
            fputs("\\ufffd", f);
        }
        i++;
    }
    fputc('"', f);
}

static void json_cstr(FILE *f, const char *s) { json_str(f, s, strlen(s)); }

static void chrome_args_common(FILE *f, const Trace *t, const TraceEvent *e) {
    char dur[32];
    fprintf(f, "\"step\":%" PRIu64 ",\"vtime\":", e->step);
    json_cstr(f, trace_format_duration(e->vtime, dur, sizeof dur));
    if (e->pos.line > 0) fprintf(f, ",\"line\":%d,\"col\":%d", e->pos.line, e->pos.col);
}

static uint32_t goid_of(const Trace *t, TraceObj g) {
    const TraceObjInfo *info = trace_obj(t, g);
    return info && info->kind == TRACE_OBJ_GOROUTINE ? info->goid : 0;
}

int trace_write_chrome(const Trace *t, FILE *f) {
    char name[160];
    fputs("{\"displayTimeUnit\":\"ns\",\"otherData\":{", f);
    fputs("\"generator\":\"goro-viz\",\"time_axis\":\"1us per event index\"", f);
    for (int i = 0; i < t->meta.len; i++) {
        fputc(',', f);
        json_cstr(f, t->meta.items[i].key);
        fputc(':', f);
        json_cstr(f, t->meta.items[i].value);
    }
    fputs("},\n\"traceEvents\":[\n", f);
    const char *file = trace_meta_get(t, "file");
    fputs("{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"name\":\"process_name\",\"args\":{\"name\":", f);
    json_cstr(f, file ? file : "goro-viz run");
    fputs("}},\n{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"name\":\"thread_name\",\"args\":{\"name\":\"runtime\"}}", f);
    for (uint32_t k = 0; k < trace_goroutine_count(t); k++) {
        TraceObj g = trace_goroutine_at(t, k);
        const TraceObjInfo *info = trace_obj(t, g);
        snprintf(name, sizeof name, "g%" PRIu32 " %s", info->goid, trace_str(t, info->fn, NULL));
        fprintf(f, ",\n{\"ph\":\"M\",\"pid\":1,\"tid\":%" PRIu32 ",\"name\":\"thread_name\",\"args\":{\"name\":",
                info->goid);
        json_cstr(f, name);
        fprintf(f, "}},\n{\"ph\":\"M\",\"pid\":1,\"tid\":%" PRIu32
                   ",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":%" PRIu32 "}}",
                info->goid, info->goid);
    }
    /* status slices */
    for (uint32_t k = 0; k < trace_goroutine_count(t); k++) {
        TraceObj g = trace_goroutine_at(t, k);
        uint32_t goid = goid_of(t, g);
        for (uint32_t s = 0; s < trace_lane_count(t, g); s++) {
            TraceSpan sp;
            trace_lane_span(t, g, s, &sp);
            if (sp.status == TRACE_G_DONE || sp.to <= sp.from) continue;
            fprintf(f, ",\n{\"ph\":\"X\",\"cat\":\"state\",\"pid\":1,\"tid\":%" PRIu32 ",\"ts\":%" PRIu32
                       ",\"dur\":%" PRIu32 ",\"name\":",
                    goid, sp.from, sp.to - sp.from);
            if (sp.status == TRACE_G_BLOCKED) {
                snprintf(name, sizeof name, "blocked: %s", trace_wait_reason_name(sp.reason));
                json_cstr(f, name);
                if (sp.wait_obj) {
                    fputs(",\"args\":{\"on\":", f);
                    json_cstr(f, trace_obj_name(t, sp.wait_obj, name, sizeof name));
                    fputc('}', f);
                }
            } else {
                json_cstr(f, trace_gstatus_name(sp.status));
            }
            fputc('}', f);
        }
    }
    /* instants and flows */
    uint32_t n = trace_event_count(t);
    int64_t m = -1;
    TraceEvent e;
    uint64_t outlen;
    const char *out = trace_output_text(t, &outlen);
    for (uint32_t i = 0; i < n; i++) {
        while (m + 1 < t->times.len && t->times.items[m + 1].ev <= i) m++;
        trace_decode(t, i, m < 0 ? 0 : t->times.items[m].vtime, &e);
        uint32_t tid = goid_of(t, e.g);
        const char *kn = trace_event_kind_name(e.kind);
        if (e.obj) {
            char on[128];
            snprintf(name, sizeof name, "%s %s", kn, trace_obj_name(t, e.obj, on, sizeof on));
        } else {
            snprintf(name, sizeof name, "%s", kn);
        }
        fprintf(f, ",\n{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"event\",\"pid\":1,\"tid\":%" PRIu32 ",\"ts\":%" PRIu32
                   ",\"name\":",
                tid, i);
        json_cstr(f, name);
        fprintf(f, ",\"args\":{\"index\":%" PRIu32 ",", i);
        chrome_args_common(f, t, &e);
        if (e.value) {
            uint32_t vl;
            const char *v = trace_str(t, e.value, &vl);
            fputs(",\"value\":", f);
            json_str(f, v, vl);
        }
        if (e.kind == TRACE_EV_GO_BLOCK) {
            fputs(",\"reason\":", f);
            json_cstr(f, trace_wait_reason_name(e.aux));
        }
        if (e.kind == TRACE_EV_OUTPUT) {
            fputs(",\"text\":", f);
            json_str(f, out + e.out_off, e.out_len);
        }
        fputs("}}", f);
        if (e.kind == TRACE_EV_CHAN_RECV && e.flow >= 0) {
            TraceEvent se;
            trace_event(t, (uint32_t)e.flow, &se);
            fprintf(f, ",\n{\"ph\":\"s\",\"cat\":\"flow\",\"name\":\"value\",\"id\":%" PRIu32
                       ",\"pid\":1,\"tid\":%" PRIu32 ",\"ts\":%" PRId64 "}",
                    i, goid_of(t, se.g), e.flow);
            fprintf(f, ",\n{\"ph\":\"f\",\"bp\":\"e\",\"cat\":\"flow\",\"name\":\"value\",\"id\":%" PRIu32
                       ",\"pid\":1,\"tid\":%" PRIu32 ",\"ts\":%" PRIu32 "}",
                    i, tid, i);
        }
    }
    fputs("\n]}\n", f);
    return ferror(f) ? -1 : 0;
}
