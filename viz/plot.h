/* plot: the outcome histogram of `goro-viz explore --plot` as a PNG, drawn
 * with the viewer's drawing layer (draw.h, text.h) in SDL's software
 * renderer, so it needs no display.
 */
#ifndef GORO_PLOT_H
#define GORO_PLOT_H

#include <stddef.h>
#include <stdint.h>

/* PlotBar: one bar: its label (borrowed) and height. */
typedef struct PlotBar {
    const char *label;
    uint64_t count;
} PlotBar;

/* plot_histogram_png: draw [n] [bars] under [title] to PNG [path]. With
 * [keys] set and every label a number, bars stand in numeric order along
 * the x axis (binned into ranges past 60 distinct values: a distribution);
 * otherwise they lie horizontally, labelled, in the given order. Returns 0,
 * or -1 with the reason in [why] (of [nwhy] bytes). */
int plot_histogram_png(const char *path, const char *title, const PlotBar *bars, int n, int keys, char *why,
                       size_t nwhy);

#endif
