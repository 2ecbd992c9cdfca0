/* source_pane: Go source with syntax colours and goroutine marks; output pane. */
#include "source_pane.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

static const char *const keywords[] = {"break",  "case",   "chan",   "const", "continue", "default", "defer",
                                       "else",   "fallthrough", "for", "func",  "go",       "goto",    "if",
                                       "import", "interface", "map", "package", "range",  "return",  "select",
                                       "struct", "switch", "type",   "var",   NULL};
static const char *const types[] = {"bool",   "byte",   "complex128", "complex64", "error",  "float32", "float64",
                                    "int",    "int16",  "int32",      "int64",     "int8",   "rune",    "string",
                                    "uint",   "uint16", "uint32",     "uint64",    "uint8",  "uintptr", "any",
                                    "true",   "false",  "nil",        "iota",      NULL};

static int in_list(const char *const *list, const char *s, int n) {
    for (int i = 0; list[i]; i++)
        if ((int)strlen(list[i]) == n && memcmp(list[i], s, (size_t)n) == 0) return 1;
    return 0;
}

static int ident_char(char c) { return isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80; }

int srcpane_next(const char *line, int n, int i, SrcLexState *st, SrcTokKind *kind) {
    if (*st == SRC_IN_BLOCK_COMMENT) {
        *kind = SRC_COMMENT;
        for (int j = i; j + 1 < n; j++)
            if (line[j] == '*' && line[j + 1] == '/') {
                *st = SRC_IN_CODE;
                return j + 2;
            }
        return n;
    }
    if (*st == SRC_IN_RAW_STRING) {
        *kind = SRC_STRING;
        for (int j = i; j < n; j++)
            if (line[j] == '`') {
                *st = SRC_IN_CODE;
                return j + 1;
            }
        return n;
    }
    char c = line[i];
    if (c == '/' && i + 1 < n && line[i + 1] == '/') {
        *kind = SRC_COMMENT;
        return n;
    }
    if (c == '/' && i + 1 < n && line[i + 1] == '*') {
        *st = SRC_IN_BLOCK_COMMENT;
        *kind = SRC_COMMENT;
        int j = srcpane_next(line, n, i + 2, st, kind);
        *kind = SRC_COMMENT;
        return j;
    }
    if (c == '"' || c == '\'') {
        *kind = SRC_STRING;
        int j = i + 1;
        while (j < n && line[j] != c) j += line[j] == '\\' ? 2 : 1;
        return j < n ? j + 1 : n;
    }
    if (c == '`') {
        *st = SRC_IN_RAW_STRING;
        int j = srcpane_next(line, n, i + 1, st, kind);
        *kind = SRC_STRING;
        return j;
    }
    if (isdigit((unsigned char)c)) {
        *kind = SRC_NUMBER;
        int j = i;
        while (j < n && (isalnum((unsigned char)line[j]) || line[j] == '.' || line[j] == '_')) j++;
        return j;
    }
    if (ident_char(c)) {
        int j = i;
        while (j < n && ident_char(line[j])) j++;
        int len = j - i;
        if (in_list(keywords, line + i, len))
            *kind = SRC_KEYWORD;
        else if (in_list(types, line + i, len))
            *kind = SRC_TYPE;
        else {
            int k = j;
            while (k < n && line[k] == ' ') k++;
            *kind = (k < n && line[k] == '(') ? SRC_FUNC : SRC_PLAIN;
        }
        return j;
    }
    /* punctuation and spaces: up to the next thing that starts a token */
    int j = i + 1;
    while (j < n && !ident_char(line[j]) && line[j] != '"' && line[j] != '\'' && line[j] != '`' && line[j] != '/') j++;
    *kind = SRC_PLAIN;
    return j;
}

static DrawColor kind_color(const Theme *th, SrcTokKind k) {
    switch (k) {
    case SRC_KEYWORD: return tc(th->syn_keyword);
    case SRC_TYPE: return tc(th->syn_type);
    case SRC_FUNC: return tc(th->syn_func);
    case SRC_STRING: return tc(th->syn_string);
    case SRC_NUMBER: return tc(th->syn_number);
    case SRC_COMMENT: return tc(th->syn_comment);
    default: return tc(th->syn_plain);
    }
}

static DrawRect dr(SceneRect r) {
    DrawRect d = {r.x, r.y, r.w, r.h};
    return d;
}

/* Expand tabs to 4 columns into [out]; returns its length. */
static int detab(const char *s, int n, char *out, int cap) {
    int o = 0, col = 0;
    for (int i = 0; i < n && o < cap - 4; i++) {
        if (s[i] == '\t') {
            int k = 4 - (col % 4);
            while (k-- > 0 && o < cap - 1) out[o++] = ' ', col++;
        } else {
            out[o++] = s[i];
            if (((unsigned char)s[i] & 0xC0) != 0x80) col++;
        }
    }
    return o;
}

void srcpane_draw(Draw *d, const SrcPaneFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, const SceneView *v) {
    float k = v->scale;
    draw_rrect(d, dr(s->source), 8 * k, tc(th->panel));
    draw_rrect_stroke(d, dr(s->source), 8 * k, 1 * k, tc(th->panel_edge));
    char title[256];
    snprintf(title, sizeof title, "%s", run->path ? run->path : "source");
    text_draw_clipped(f->ui_bold, s->source.x + 12 * k, s->source.y + 5 * k, title, s->source.w - 24 * k, tc(th->text_dim));
    if (!run->source) return;
    draw_clip_push(d, dr(s->source));
    /* walk to the first visible line, carrying the lexer state */
    const char *p = run->source;
    SrcLexState st = SRC_IN_CODE;
    int line = 1;
    char buf[1024];
    while (*p && line < s->src_first) {
        const char *e = strchr(p, '\n');
        int n = e ? (int)(e - p) : (int)strlen(p);
        SrcTokKind kind;
        for (int i = 0; i < n;) i = srcpane_next(p, n, i, &st, &kind);
        p = e ? e + 1 : p + n;
        line++;
    }
    /* the selected / acting goroutine's line gets a band in its colour */
    int hl_g = v->selected_g >= 0 ? v->selected_g : m->ev.g;
    int hl_line = (hl_g >= 0 && hl_g < m->ngs && m->gs[hl_g].exists && m->gs[hl_g].state != THEME_DONE) ? m->gs[hl_g].line : 0;
    for (int li = 0; li < s->src_lines && *p; li++, line++) {
        const char *e = strchr(p, '\n');
        int n = e ? (int)(e - p) : (int)strlen(p);
        float y = s->src_text.y + (float)li * v->mono_h;
        if (line == hl_line) {
            DrawRect band = {s->source.x + 2 * k, y, s->source.w - 4 * k, v->mono_h};
            draw_rect(d, band, draw_alpha(tc(th->state[m->gs[hl_g].state]), 0.22f));
        }
        /* the two accesses of a race at the playhead: red bands and a bar */
        for (int g = 0; g < m->ngs; g++)
            if (m->gs[g].race && m->gs[g].race_line == line) {
                DrawRect band = {s->source.x + 2 * k, y, s->source.w - 4 * k, v->mono_h};
                draw_rect(d, band, draw_alpha(tc(th->alarm), 0.30f));
                DrawRect bar = {s->source.x + 2 * k, y, 4 * k, v->mono_h};
                draw_rect(d, bar, tc(th->alarm));
                break;
            }
        /* compile errors of the file on disk (after R): the same red */
        for (int i = 0; i < v->nerr_lines; i++)
            if (v->err_lines[i] == line) {
                DrawRect band = {s->source.x + 2 * k, y, s->source.w - 4 * k, v->mono_h};
                draw_rect(d, band, draw_alpha(tc(th->alarm), 0.30f));
                DrawRect bar = {s->source.x + 2 * k, y, 4 * k, v->mono_h};
                draw_rect(d, bar, tc(th->alarm));
                break;
            }
        char num[16];
        snprintf(num, sizeof num, "%d", line);
        float nw = text_width(f->mono, num, -1);
        text_draw(f->mono, s->src_text.x - 8 * k - nw, y, num, -1, tc(th->line_no));
        int bn = detab(p, n, buf, (int)sizeof buf);
        float x = s->src_text.x;
        for (int i = 0; i < bn;) {
            SrcTokKind kind;
            int j = srcpane_next(buf, bn, i, &st, &kind);
            x = text_draw(f->mono, x, y, buf + i, j - i, kind_color(th, kind));
            i = j;
        }
        p = e ? e + 1 : p + n;
    }
    for (int i = 0; i < s->src_marks.len; i++) {
        const SceneSrcMark *mk = &s->src_marks.items[i];
        draw_circle(d, mk->x, mk->y, mk->radius, tc(th->state[mk->state]));
        if (mk->g == v->selected_g) draw_ring(d, mk->x, mk->y, mk->radius + 2 * k, 1.5f * k, tc(th->select));
    }
    draw_clip_pop(d);
}

void srcpane_draw_output(Draw *d, const SrcPaneFonts *f, const Theme *th, const Model *m, const Scene *s, const SceneView *v) {
    float k = v->scale;
    draw_rrect(d, dr(s->output), 8 * k, tc(th->panel));
    draw_rrect_stroke(d, dr(s->output), 8 * k, 1 * k, tc(th->panel_edge));
    text_draw(f->ui_bold, s->output.x + 12 * k, s->output.y + 5 * k, "Output", -1, tc(th->text_dim));
    draw_clip_push(d, dr(s->out_text));
    const char *p = m->output + s->out_from, *end = m->output + m->output_len;
    float y = s->out_text.y;
    char buf[1024];
    /* what this very event printed gets a band in the printer's colour */
    const char *last = NULL;
    if (m->ev.kind == MARK_PRINT && m->ev.g >= 0 && m->ev.g < m->ngs && m->output_len > 0) {
        last = end - 1;
        if (*last == '\n' && last > m->output) last--;
        while (last > m->output && last[-1] != '\n') last--;
    }
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        int n = e ? (int)(e - p) : (int)(end - p);
        if (last && p >= last) {
            DrawRect band = {s->output.x + 2 * k, y, s->output.w - 4 * k, v->mono_h};
            draw_rect(d, band, draw_alpha(tc(th->state[m->gs[m->ev.g].state]), 0.22f));
        }
        int bn = detab(p, n, buf, (int)sizeof buf);
        text_draw(f->mono, s->out_text.x, y, buf, bn, tc(th->text));
        y += v->mono_h;
        p = e ? e + 1 : end;
    }
    draw_clip_pop(d);
}
