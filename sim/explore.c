/* explore: records of runs, their JSON Lines form, the outcome tally and its
 * table, seed ranges and hunt conditions (see explore.h).
 *
 * Invariants: a group's representative record is always the one with the
 * smallest seed seen for it; the sorted order (count desc, seed asc) is a
 * total order, so the table is the same whatever order records came in.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "explore.h"
#include "mem.h"

/* ---- small string helpers ---- */

static char *dup_n(const char *s, size_t n) { return mem_strndup(s, n); }
static char *dup_s(const char *s) { return s ? mem_strndup(s, strlen(s)) : NULL; }
static void free_s(char *s) {
    if (s) mem_free(s, strlen(s) + 1);
}

/* utf8_start: move [i] forward past UTF-8 continuation bytes of [s]. */
static size_t utf8_start(const char *s, size_t i, size_t n) {
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    return i;
}

/* ---- records ---- */

int exp_regex_compile(regex_t *out, const char *re, char *why, size_t n) {
    int rc = regcomp(out, re, REG_EXTENDED | REG_NEWLINE);
    if (rc != 0) {
        char msg[256];
        regerror(rc, out, msg, sizeof msg);
        snprintf(why, n, "bad regular expression '%s': %s", re, msg);
        return -1;
    }
    return 0;
}

/* tail_of: the last EXP_TAIL_LINES lines of [s] (without its final
 * newline), at most EXP_TAIL_BYTES bytes ending there. */
static char *tail_of(const char *s, size_t n) {
    if (n && s[n - 1] == '\n') n--;
    size_t start = n;
    int lines = 0;
    while (start > 0) {
        if (s[start - 1] == '\n' && ++lines == EXP_TAIL_LINES) break;
        start--;
    }
    if (n - start > EXP_TAIL_BYTES) start = utf8_start(s, n - EXP_TAIL_BYTES, n);
    return dup_n(s + start, n - start);
}

/* after_races: [e] past the race reports it starts with (race.h prints
 * them as they happen, before a panic or deadlock message). */
static const char *after_races(const char *e) {
    static const char sep[] = "==================\n";
    while (strncmp(e, sep, sizeof sep - 1) == 0) {
        const char *end = strstr(e + sizeof sep - 1, "\n" "==================\n");
        if (!end) break;
        e = end + sizeof sep;
    }
    return e;
}

void exp_record_make(ExpRecord *rec, uint64_t seed, const ExpRun *r, const regex_t *group_by) {
    memset(rec, 0, sizeof *rec);
    rec->seed = seed;
    rec->exit = r->exit;
    const char *e = after_races(r->err ? r->err : "");
    size_t el = strcspn(e, "\n");
    rec->first_stderr = dup_n(e, el);
    if (strncmp(e, "panic: ", 7) == 0) rec->flags |= EXP_F_PANIC;
    if (strncmp(e, "fatal error: all goroutines are asleep", 38) == 0) rec->flags |= EXP_F_DEADLOCK;
    if (r->exit == 3) rec->flags |= EXP_F_LIMIT;
    if (r->exit == 66 || (r->err && strstr(r->err, "WARNING: DATA RACE"))) rec->flags |= EXP_F_RACE;
    const char *out = r->out ? r->out : "";
    exp_sha256_hex(out, r->out_len, rec->sha);
    char idsrc[64 + 16 + 1024], idhex[65];
    int k = snprintf(idsrc, sizeof idsrc, "%d\n%s\n%.*s", r->exit, rec->sha, (int)(el < 1024 ? el : 1024), e);
    exp_sha256_hex(idsrc, (size_t)k < sizeof idsrc ? (size_t)k : sizeof idsrc - 1, idhex);
    memcpy(rec->outcome, idhex, 16);
    rec->outcome[16] = 0;
    rec->tail = tail_of(out, r->out_len);
    if (group_by) {
        regmatch_t m[2];
        if (regexec(group_by, out, 2, m, 0) == 0) {
            int gi = m[1].rm_so >= 0 ? 1 : 0;
            rec->key = dup_n(out + m[gi].rm_so, (size_t)(m[gi].rm_eo - m[gi].rm_so));
        } else {
            rec->key = dup_s("(no match)");
        }
    }
}

void exp_record_free(ExpRecord *rec) {
    free_s(rec->key);
    free_s(rec->first_stderr);
    free_s(rec->tail);
    rec->key = rec->first_stderr = rec->tail = NULL;
}

static void copy_record(ExpRecord *dst, const ExpRecord *src) {
    *dst = *src;
    dst->key = dup_s(src->key);
    dst->first_stderr = dup_s(src->first_stderr);
    dst->tail = dup_s(src->tail);
}

/* ---- JSON Lines ---- */

static void json_str(FILE *f, const char *s) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p == '\n') fputs("\\n", f);
        else if (*p == '\t') fputs("\\t", f);
        else if (*p < 0x20 || *p == 0x7f) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
    fputc('"', f);
}

static const char *const flag_names[] = {"panic", "deadlock", "limit", "race"};

void exp_record_write_json(const ExpRecord *rec, FILE *f) {
    fprintf(f, "{\"seed\":%" PRIu64 ",\"exit\":%d,\"outcome\":\"%s\",\"key\":", rec->seed, rec->exit, rec->outcome);
    if (rec->key) json_str(f, rec->key);
    else fputs("null", f);
    fprintf(f, ",\"stdout_sha\":\"%s\",\"first_stderr\":", rec->sha);
    json_str(f, rec->first_stderr ? rec->first_stderr : "");
    fputs(",\"flags\":[", f);
    int first = 1;
    for (int i = 0; i < 4; i++)
        if (rec->flags & (1u << i)) {
            fprintf(f, "%s\"%s\"", first ? "" : ",", flag_names[i]);
            first = 0;
        }
    fputs("],\"tail\":", f);
    json_str(f, rec->tail ? rec->tail : "");
    fputs("}\n", f);
}

static const char *skip_ws(const char *p) {
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') p++;
    return p;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* parse_str: a JSON string at [*pp] (on its opening quote) into a fresh
 * NUL-terminated buffer; NULL on a malformed string. \u escapes become
 * UTF-8 (surrogate pairs are not joined: we never write them). */
static char *parse_str(const char **pp) {
    const char *p = *pp;
    if (*p != '"') return NULL;
    p++;
    size_t cap = 64, n = 0;
    char *b = mem_alloc(cap);
    for (;;) {
        if (n + 4 >= cap) {
            b = mem_realloc(b, cap, cap * 2);
            cap *= 2;
        }
        char c = *p++;
        if (c == 0) goto bad;
        if (c == '"') break;
        if (c != '\\') {
            b[n++] = c;
            continue;
        }
        c = *p++;
        switch (c) {
        case 'n': b[n++] = '\n'; break;
        case 't': b[n++] = '\t'; break;
        case 'r': b[n++] = '\r'; break;
        case 'b': b[n++] = '\b'; break;
        case 'f': b[n++] = '\f'; break;
        case '/': case '\\': case '"': b[n++] = c; break;
        case 'u': {
            unsigned v = 0;
            for (int i = 0; i < 4; i++) {
                int h = hexval(p[i]);
                if (h < 0) goto bad;
                v = v * 16 + (unsigned)h;
            }
            p += 4;
            if (v < 0x80) b[n++] = (char)v;
            else if (v < 0x800) b[n++] = (char)(0xC0 | v >> 6), b[n++] = (char)(0x80 | (v & 63));
            else b[n++] = (char)(0xE0 | v >> 12), b[n++] = (char)(0x80 | ((v >> 6) & 63)), b[n++] = (char)(0x80 | (v & 63));
            break;
        }
        default: goto bad;
        }
    }
    b[n] = 0;
    char *s = dup_n(b, n);
    mem_free(b, cap);
    *pp = p;
    return s;
bad:
    mem_free(b, cap);
    return NULL;
}

int exp_record_parse_json(ExpRecord *rec, const char *line) {
    memset(rec, 0, sizeof *rec);
    const char *p = skip_ws(line);
    if (*p++ != '{') return -1;
    int have_seed = 0, have_exit = 0, have_outcome = 0;
    for (;;) {
        p = skip_ws(p);
        if (*p == '}') break;
        char *name = parse_str(&p);
        if (!name) goto bad;
        p = skip_ws(p);
        if (*p++ != ':') {
            free_s(name);
            goto bad;
        }
        p = skip_ws(p);
        int ok = 1;
        if (*p == '"') {
            char *v = parse_str(&p);
            if (!v) ok = 0;
            else if (strcmp(name, "outcome") == 0 && strlen(v) == 16) memcpy(rec->outcome, v, 17), have_outcome = 1;
            else if (strcmp(name, "stdout_sha") == 0 && strlen(v) == 64) memcpy(rec->sha, v, 65);
            else if (strcmp(name, "key") == 0 && !rec->key) rec->key = v, v = NULL;
            else if (strcmp(name, "first_stderr") == 0 && !rec->first_stderr) rec->first_stderr = v, v = NULL;
            else if (strcmp(name, "tail") == 0 && !rec->tail) rec->tail = v, v = NULL;
            free_s(v);
        } else if (*p == '[') {
            p++;
            for (;;) {
                p = skip_ws(p);
                if (*p == ']') break;
                char *v = parse_str(&p);
                if (!v) {
                    ok = 0;
                    break;
                }
                for (int i = 0; i < 4; i++)
                    if (strcmp(name, "flags") == 0 && strcmp(v, flag_names[i]) == 0) rec->flags |= 1u << i;
                free_s(v);
                p = skip_ws(p);
                if (*p == ',') p++;
            }
            if (ok) p++;
        } else if (strncmp(p, "null", 4) == 0) {
            p += 4;
        } else if ((*p >= '0' && *p <= '9') || *p == '-') {
            char *end;
            errno = 0;
            if (strcmp(name, "seed") == 0 && *p != '-') {
                rec->seed = strtoull(p, &end, 10);
                have_seed = 1;
            } else {
                long v = strtol(p, &end, 10);
                if (strcmp(name, "exit") == 0) rec->exit = (int)v, have_exit = 1;
            }
            if (errno || end == p) ok = 0;
            p = end;
        } else {
            ok = 0;
        }
        free_s(name);
        if (!ok) goto bad;
        p = skip_ws(p);
        if (*p == ',') p++;
        else if (*p != '}') goto bad;
    }
    if (!have_seed || !have_exit || !have_outcome) goto bad;
    if (!rec->first_stderr) rec->first_stderr = dup_s("");
    if (!rec->tail) rec->tail = dup_s("");
    return 0;
bad:
    exp_record_free(rec);
    return -1;
}

/* ---- tally ---- */

static uint64_t hash_s(const char *s) {
    uint64_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static void rehash(ExpTally *t, size_t ncap) {
    if (t->index) mem_free(t->index, t->icap * sizeof *t->index);
    t->index = mem_alloc(ncap * sizeof *t->index);
    t->icap = ncap;
    for (size_t i = 0; i < t->n; i++) {
        size_t j = hash_s(t->g[i].id) & (ncap - 1);
        while (t->index[j]) j = (j + 1) & (ncap - 1);
        t->index[j] = i + 1;
    }
}

void exp_tally_add(ExpTally *t, const ExpRecord *rec) {
    if (t->total == 0) t->by_key = rec->key != NULL;
    t->total++;
    const char *id = t->by_key && rec->key ? rec->key : rec->outcome;
    if ((t->n + 1) * 2 > t->icap) rehash(t, t->icap ? t->icap * 2 : 64);
    size_t j = hash_s(id) & (t->icap - 1);
    while (t->index[j]) {
        ExpGroup *g = &t->g[t->index[j] - 1];
        if (strcmp(g->id, id) == 0) {
            g->count++;
            if (rec->seed < g->rep.seed) {
                exp_record_free(&g->rep);
                copy_record(&g->rep, rec);
            }
            return;
        }
        j = (j + 1) & (t->icap - 1);
    }
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 16;
        t->g = mem_realloc(t->g, t->cap * sizeof *t->g, nc * sizeof *t->g);
        t->cap = nc;
    }
    ExpGroup *g = &t->g[t->n];
    g->id = dup_s(id);
    g->count = 1;
    copy_record(&g->rep, rec);
    t->index[j] = ++t->n;
}

static int cmp_group(const void *a, const void *b) {
    const ExpGroup *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    if (x->rep.seed != y->rep.seed) return x->rep.seed < y->rep.seed ? -1 : 1;
    return strcmp(x->id, y->id);
}

ExpGroup *exp_tally_sorted(ExpTally *t) {
    if (t->n > 1) qsort(t->g, t->n, sizeof *t->g, cmp_group);
    if (t->icap) rehash(t, t->icap);
    return t->g;
}

void exp_tally_free(ExpTally *t) {
    for (size_t i = 0; i < t->n; i++) {
        free_s(t->g[i].id);
        exp_record_free(&t->g[i].rep);
    }
    if (t->g) mem_free(t->g, t->cap * sizeof *t->g);
    if (t->index) mem_free(t->index, t->icap * sizeof *t->index);
    memset(t, 0, sizeof *t);
}

/* Lines: a tail split at newlines (views into the tail). */
typedef struct Lines {
    const char *s[EXP_TAIL_LINES + 1];
    size_t len[EXP_TAIL_LINES + 1];
    int n;
} Lines;

static void split_lines(const char *s, Lines *l) {
    l->n = 0;
    if (!*s) return;
    for (;;) {
        size_t k = strcspn(s, "\n");
        if (l->n < EXP_TAIL_LINES + 1) {
            l->s[l->n] = s;
            l->len[l->n] = k;
            l->n++;
        }
        if (!s[k]) break;
        s += k + 1;
    }
}

static int line_eq(const Lines *a, int i, const Lines *b, int j) {
    return a->len[i] == b->len[j] && memcmp(a->s[i], b->s[j], a->len[i]) == 0;
}

/* Buf: bounded text building for labels; cuts with "..." when full. */
typedef struct Buf {
    char *p;
    size_t n, len;
    int cut;
} Buf;

static void buf_add(Buf *b, const char *s, size_t k) {
    if (b->cut || b->n < 4) return;
    size_t room = b->n - 1 - b->len;
    if (k > room) {
        size_t keep = room >= 3 ? room - 3 : 0;
        while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80) keep--; /* whole characters */
        memcpy(b->p + b->len, s, keep);
        b->len += keep;
        memcpy(b->p + b->len, "...", 3);
        b->len += 3;
        b->cut = 1;
    } else {
        memcpy(b->p + b->len, s, k);
        b->len += k;
    }
    b->p[b->len] = 0;
}

static void buf_str(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }

void exp_tally_label(ExpTally *t, size_t i, char *out, size_t n) {
    Buf b = {out, n, 0, 0};
    if (n) out[0] = 0;
    const ExpGroup *g = &t->g[i];
    char head[64];
    snprintf(head, sizeof head, "exit %d", g->rep.exit);
    buf_str(&b, head);
    for (int f = 0; f < 4; f++)
        if (g->rep.flags & (1u << f)) {
            buf_str(&b, " ");
            buf_str(&b, flag_names[f]);
        }
    buf_str(&b, ": ");
    if (t->by_key) {
        buf_str(&b, g->id);
        return;
    }
    Lines me;
    split_lines(g->rep.tail, &me);
    /* lines every group shares at the start and at the end say nothing */
    int pre = me.n, suf = me.n;
    for (size_t k = 0; k < t->n && (pre || suf); k++) {
        if (k == i) continue;
        Lines o;
        split_lines(t->g[k].rep.tail, &o);
        int p = 0;
        while (p < pre && p < o.n && line_eq(&me, p, &o, p)) p++;
        pre = p;
        int s = 0;
        while (s < suf && s < o.n && line_eq(&me, me.n - 1 - s, &o, o.n - 1 - s)) s++;
        suf = s;
    }
    if (t->n == 1) pre = me.n > 0 ? me.n - 1 : 0, suf = 0; /* alone: its last line */
    int from = pre, to = me.n - suf;
    if (from >= to) {
        /* the tails agree: the stderr line, else the digest tells them apart */
        if (g->rep.first_stderr && g->rep.first_stderr[0]) buf_str(&b, g->rep.first_stderr);
        else if (me.n == 0) buf_str(&b, "(no output)");
        else {
            buf_str(&b, "output sha ");
            buf_add(&b, g->rep.sha, 12);
        }
        return;
    }
    /* a first line all groups start alike ("Expected: 1000, Actual: 973")
     * is shown from the comma-separated field where they part */
    size_t skip = 0;
    if (t->n > 1) {
        size_t common = me.len[from];
        for (size_t k = 0; k < t->n; k++) {
            if (k == i) continue;
            Lines o;
            split_lines(t->g[k].rep.tail, &o);
            size_t c = 0;
            if (from < o.n)
                while (c < common && c < o.len[from] && o.s[from][c] == me.s[from][c]) c++;
            common = c;
        }
        for (size_t c = 0; c + 1 < common; c++)
            if (me.s[from][c] == ',' && me.s[from][c + 1] == ' ') skip = c + 2;
    }
    for (int k = from; k < to; k++) {
        if (k > from) buf_str(&b, " | ");
        buf_add(&b, me.s[k] + (k == from ? skip : 0), me.len[k] - (k == from ? skip : 0));
    }
    if (g->rep.exit != 0 && g->rep.first_stderr && g->rep.first_stderr[0] &&
        strncmp(g->rep.first_stderr, "exit status ", 12) != 0) {
        buf_str(&b, " | ");
        buf_str(&b, g->rep.first_stderr);
    }
}

/* cols: display columns of UTF-8 [s] (one per code point). */
static size_t cols(const char *s) {
    size_t c = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) c++;
    return c;
}

void exp_tally_print(ExpTally *t, FILE *f, size_t top) {
    exp_tally_sorted(t);
    size_t shown = top && top < t->n ? top : t->n;
    enum { W = 88 };
    char label[W * 4 + 1];
    size_t w = 7;
    for (size_t i = 0; i < shown; i++) {
        exp_tally_label(t, i, label, W + 1);
        size_t c = cols(label);
        if (c > w) w = c;
    }
    fprintf(f, "%-*s  %10s  %7s  %s\n", (int)w, t->by_key ? "key" : "outcome", "count", "share", "first seed");
    for (size_t i = 0; i < shown; i++) {
        const ExpGroup *g = &t->g[i];
        exp_tally_label(t, i, label, W + 1);
        fprintf(f, "%s%*s  %10" PRIu64 "  %6.2f%%  %" PRIu64 "\n", label, (int)(w - cols(label)), "", g->count,
                t->total ? 100.0 * (double)g->count / (double)t->total : 0.0, g->rep.seed);
    }
    if (shown < t->n) {
        uint64_t rest = 0;
        for (size_t i = shown; i < t->n; i++) rest += t->g[i].count;
        fprintf(f, "... %zu more outcomes (%" PRIu64 " seeds)\n", t->n - shown, rest);
    }
    fprintf(f, "%" PRIu64 " seeds, %zu outcome%s\n", t->total, t->n, t->n == 1 ? "" : "s");
}

/* ---- seeds ---- */

static int parse_u64(const char *s, size_t len, uint64_t *out) {
    char buf[32];
    if (len == 0 || len >= sizeof buf) return -1;
    memcpy(buf, s, len);
    buf[len] = 0;
    for (size_t i = 0; i < len; i++)
        if (buf[i] < '0' || buf[i] > '9') return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(buf, &end, 10);
    if (errno || *end) return -1;
    *out = v;
    return 0;
}

int exp_seeds_parse(ExpSeeds *s, const char *range, const char *shard, char *why, size_t n) {
    uint64_t a, b, si = 0, sn = 1;
    const char *dots = strstr(range, "..");
    if (dots ? parse_u64(range, (size_t)(dots - range), &a) || parse_u64(dots + 2, strlen(dots + 2), &b)
             : parse_u64(range, strlen(range), &a) || (b = a, 0)) {
        snprintf(why, n, "--seeds needs A..B or N (non-negative integers), got '%s'", range);
        return -1;
    }
    if (b < a) {
        snprintf(why, n, "--seeds %s is empty (B < A)", range);
        return -1;
    }
    if (shard) {
        const char *sl = strchr(shard, '/');
        if (!sl || parse_u64(shard, (size_t)(sl - shard), &si) || parse_u64(sl + 1, strlen(sl + 1), &sn) || sn == 0 ||
            si >= sn) {
            snprintf(why, n, "--shard needs I/N with 0 <= I < N, got '%s'", shard);
            return -1;
        }
    }
    uint64_t delta = (si + sn - a % sn) % sn;
    s->step = sn;
    s->first = a;
    s->count = 0;
    if (delta <= b - a) {
        s->first = a + delta;
        uint64_t last = (b - s->first) / sn;
        if (last == UINT64_MAX) {
            snprintf(why, n, "--seeds %s is too large (at most 2^64-1 seeds)", range);
            return -1;
        }
        s->count = last + 1;
    }
    if (s->count == 0) {
        snprintf(why, n, "--seeds %s has no seed in shard %s", range, shard ? shard : "0/1");
        return -1;
    }
    return 0;
}

/* ---- conditions ---- */

int exp_cond_parse(ExpCond *c, const char *text, char *why, size_t n) {
    memset(c, 0, sizeof *c);
    static const struct { const char *name; int kind; } words[] = {
        {"race", EXP_C_RACE}, {"deadlock", EXP_C_DEADLOCK}, {"panic", EXP_C_PANIC}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(text, words[i].name) == 0) {
            c->kind = words[i].kind;
            return 0;
        }
    const char *num = NULL;
    if (strncmp(text, "exit!=", 6) == 0) c->kind = EXP_C_EXIT_NE, num = text + 6;
    else if (strncmp(text, "exit==", 6) == 0) c->kind = EXP_C_EXIT_EQ, num = text + 6;
    else if (strncmp(text, "exit=", 5) == 0) c->kind = EXP_C_EXIT_EQ, num = text + 5;
    if (num) {
        uint64_t v;
        if (parse_u64(num, strlen(num), &v) || v > 255) {
            snprintf(why, n, "bad condition '%s': the exit status must be 0..255", text);
            return -1;
        }
        c->status = (int)v;
        return 0;
    }
    const char *re = NULL;
    if (strncmp(text, "output~", 7) == 0) c->kind = EXP_C_OUT_MATCH, re = text + 7;
    else if (strncmp(text, "output!~", 8) == 0) c->kind = EXP_C_OUT_NOMATCH, re = text + 8;
    if (re) return exp_regex_compile(&c->re, re, why, n);
    snprintf(why, n,
             "bad condition '%s' (race, deadlock, panic, exit!=N, exit==N, output~REGEX or output!~REGEX)", text);
    return -1;
}

int exp_cond_match(const ExpCond *c, const ExpRun *r, const ExpRecord *rec) {
    switch (c->kind) {
    case EXP_C_RACE: return (rec->flags & EXP_F_RACE) != 0;
    case EXP_C_DEADLOCK: return (rec->flags & EXP_F_DEADLOCK) != 0;
    case EXP_C_PANIC: return (rec->flags & EXP_F_PANIC) != 0;
    case EXP_C_EXIT_NE: return rec->exit != c->status;
    case EXP_C_EXIT_EQ: return rec->exit == c->status;
    case EXP_C_OUT_MATCH: return regexec(&c->re, r->out ? r->out : "", 0, NULL, 0) == 0;
    case EXP_C_OUT_NOMATCH: return regexec(&c->re, r->out ? r->out : "", 0, NULL, 0) != 0;
    }
    return 0;
}

void exp_cond_free(ExpCond *c) {
    if (c->kind == EXP_C_OUT_MATCH || c->kind == EXP_C_OUT_NOMATCH) regfree(&c->re);
    memset(c, 0, sizeof *c);
}
