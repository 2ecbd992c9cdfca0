/* test_viz_view: the SceneView the viewer tests lay out with (one size,
 * monospace cell 8x17, scale 1, animation on, nothing selected). */
#ifndef TEST_VIZ_VIEW_H
#define TEST_VIZ_VIEW_H

#include <string.h>

#include "scene.h"

static inline SceneView test_view(int w, int h) {
    SceneView v;
    memset(&v, 0, sizeof v);
    v.width = w;
    v.height = h;
    v.scale = 1;
    v.mono_w = 8;
    v.mono_h = 17;
    v.ui_h = 17;
    v.anim = 1;
    v.selected_g = v.selected_obj = -1;
    return v;
}

#endif
