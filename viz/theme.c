/* theme: the dark and light palettes (Okabe–Ito state colours). */
#include "theme.h"

#include <string.h>

/* Okabe & Ito (2008), "Color Universal Design": distinguishable under the
 * common colour-vision deficiencies. */
#define OI_ORANGE 0xE69F00FFu
#define OI_SKY 0x56B4E9FFu
#define OI_GREEN 0x009E73FFu
#define OI_YELLOW 0xF0E442FFu
#define OI_BLUE 0x0072B2FFu
#define OI_VERMILLION 0xD55E00FFu
#define OI_PURPLE 0xCC79A7FFu

static const Theme dark = {
    .name = "dark",
    .dark = 1,
    .bg = 0x16181DFFu,
    .panel = 0x1E2128FFu,
    .panel_edge = 0x2E323CFFu,
    .grid = 0x262A33FFu,
    .text = 0xD7DAE0FFu,
    .text_dim = 0x8A909CFFu,
    .text_strong = 0xFFFFFFFFu,
    .card = 0x252932FFu,
    .card_edge = 0x3A3F4BFFu,
    .select = 0xF0E442FFu,
    .pipe = 0x2B303AFFu,
    .pipe_edge = 0x6B7280FFu,
    .slot = 0x1A1D23FFu,
    .token = 0xF0E442FFu,
    .token_edge = 0x1A1D23FFu,
    .lock = 0x3A3F4BFFu,
    .wg = 0x3A3F4BFFu,
    .edge_owner = OI_GREEN,
    .edge_wait = OI_ORANGE,
    .alarm = OI_VERMILLION,
    .playhead = 0xFFFFFFFFu,
    .overlay = 0x0B0C10E0u,
    .state = {OI_GREEN, OI_SKY, OI_ORANGE, OI_PURPLE, 0x5C6270FFu, OI_VERMILLION},
    .syn_keyword = 0xCC79A7FFu,
    .syn_string = 0x9BD08CFFu,
    .syn_number = 0xE6B450FFu,
    .syn_comment = 0x6F7685FFu,
    .syn_type = 0x56B4E9FFu,
    .syn_func = 0x8FC1FFFFu,
    .syn_plain = 0xD7DAE0FFu,
    .line_no = 0x5C6270FFu,
    .cur_line = 0x2A2F3AFFu,
};

static const Theme light = {
    .name = "light",
    .dark = 0,
    .bg = 0xFAFAF7FFu,
    .panel = 0xFFFFFFFFu,
    .panel_edge = 0xC9CCD3FFu,
    .grid = 0xE6E8EDFFu,
    .text = 0x1F2329FFu,
    .text_dim = 0x5F6673FFu,
    .text_strong = 0x000000FFu,
    .card = 0xFFFFFFFFu,
    .card_edge = 0xA9AEB8FFu,
    .select = 0x0072B2FFu,
    .pipe = 0xEDEFF3FFu,
    .pipe_edge = 0x5F6673FFu,
    .slot = 0xFFFFFFFFu,
    .token = 0xE69F00FFu,
    .token_edge = 0x1F2329FFu,
    .lock = 0xE6E8EDFFu,
    .wg = 0xE6E8EDFFu,
    .edge_owner = OI_GREEN,
    .edge_wait = 0xC98A00FFu,
    .alarm = OI_VERMILLION,
    .playhead = 0x000000FFu,
    .overlay = 0xFFFFFFEEu,
    .state = {OI_GREEN, OI_BLUE, OI_ORANGE, OI_PURPLE, 0xB8BCC4FFu, OI_VERMILLION},
    .syn_keyword = 0xA0306EFFu,
    .syn_string = 0x2E7D32FFu,
    .syn_number = 0xA45A00FFu,
    .syn_comment = 0x7A808CFFu,
    .syn_type = 0x0060A0FFu,
    .syn_func = 0x1F4E9AFFu,
    .syn_plain = 0x1F2329FFu,
    .line_no = 0x9AA0AAFFu,
    .cur_line = 0xEEF2F8FFu,
};

const Theme *theme_get(const char *name) {
    if (!name || strcmp(name, "dark") == 0) return &dark;
    if (strcmp(name, "light") == 0) return &light;
    return NULL;
}

const char *theme_state_name(ThemeState s) {
    static const char *names[THEME_NSTATES] = {"running", "runnable", "blocked", "sleeping", "done", "failed"};
    return s < THEME_NSTATES ? names[s] : "?";
}
