/* source_pane: the program text with line numbers, Go syntax colours and
 * each goroutine's current line marked in its state colour; and the output
 * pane. The tokenizer (srcpane_next) is SDL-free and tested on its own.
 */
#ifndef GORO_SOURCE_PANE_H
#define GORO_SOURCE_PANE_H

#include "model.h"
#include "scene.h"
#include "text.h"
#include "theme.h"

/* SrcTokKind: the colour class of a run of source text. */
typedef enum SrcTokKind { SRC_PLAIN, SRC_KEYWORD, SRC_TYPE, SRC_FUNC, SRC_STRING, SRC_NUMBER, SRC_COMMENT } SrcTokKind;

/* SrcLexState: carried from line to line (inside a block comment or raw string). */
typedef enum SrcLexState { SRC_IN_CODE, SRC_IN_BLOCK_COMMENT, SRC_IN_RAW_STRING } SrcLexState;

/* srcpane_next: classify the run starting at byte [i] of [line] ([n] bytes)
 * given the carried [*st]; returns the run's end (> i) and its kind in
 * [*kind], updating [*st] when a comment or raw string opens or closes. */
int srcpane_next(const char *line, int n, int i, SrcLexState *st, SrcTokKind *kind);

/* SrcPaneFonts: the faces the panes use. */
typedef struct SrcPaneFonts {
    TextFont *mono, *ui_bold, *ui;
} SrcPaneFonts;

/* srcpane_draw: draw the source pane of [s] for [run] at state [m]. */
void srcpane_draw(Draw *d, const SrcPaneFonts *f, const Theme *th, const ModelRun *run, const Model *m, const Scene *s, const SceneView *v);

/* srcpane_draw_output: draw the output pane (what was printed by the playhead). */
void srcpane_draw_output(Draw *d, const SrcPaneFonts *f, const Theme *th, const Model *m, const Scene *s, const SceneView *v);

#endif
