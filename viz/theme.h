/* theme: the viewer's two palettes (dark for screens, light for projectors).
 *
 * Goroutine states use the Okabe–Ito colour-blind-safe palette, the same
 * colour for a state everywhere: card, timeline lane, source-line marker,
 * legend. No SDL here, so the scene model and tests can use it.
 */
#ifndef GORO_THEME_H
#define GORO_THEME_H

#include <stdint.h>

/* ThemeState: goroutine states as the viewer colours them. */
typedef enum ThemeState {
    THEME_RUNNING,  /* executing now */
    THEME_RUNNABLE, /* ready, waiting for the scheduler */
    THEME_BLOCKED,  /* parked on a channel, lock, wait group or select */
    THEME_SLEEPING, /* parked on the virtual clock */
    THEME_DONE,     /* returned */
    THEME_FAILED,   /* panicked, or part of a deadlock */
    THEME_NSTATES
} ThemeState;

/* ThemeRGBA: a colour as 0xRRGGBBAA (kept SDL-free). */
typedef uint32_t ThemeRGBA;

/* Theme: every colour the viewer uses. */
typedef struct Theme {
    const char *name;
    int dark;
    ThemeRGBA bg, panel, panel_edge, grid;
    ThemeRGBA text, text_dim, text_strong;
    ThemeRGBA card, card_edge, select;
    ThemeRGBA pipe, pipe_edge, slot, token, token_edge;
    ThemeRGBA lock, wg, edge_owner, edge_wait;
    ThemeRGBA alarm;    /* races, deadlock cycles, panics (Okabe–Ito vermillion) */
    ThemeRGBA playhead; /* timeline playhead */
    ThemeRGBA overlay;  /* help overlay backdrop */
    ThemeRGBA state[THEME_NSTATES];
    /* Go syntax colours in the source pane */
    ThemeRGBA syn_keyword, syn_string, syn_number, syn_comment, syn_type, syn_func, syn_plain;
    ThemeRGBA line_no, cur_line;
} Theme;

/* theme_get: the theme called [name] ("dark" or "light"); NULL if unknown. */
const Theme *theme_get(const char *name);

/* theme_state_name: a state's name as shown in the legend ("running"...). */
const char *theme_state_name(ThemeState s);

#endif
