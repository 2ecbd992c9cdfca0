/* scene: what is drawn where, computed from the model at the playhead and the
 * window size. No SDL: the scene is plain geometry and labels, so tests can
 * ask which goroutines, channels and locks are shown and where, and the
 * renderer (render.h) only paints what the scene says.
 *
 * Layout is a pure function of the whole run (ModelRun) and the stage size,
 * never of the playhead, so cards and pipes stay put from frame to frame:
 * goroutines that mostly send stand on the left, the rest on the right, and
 * the channels, locks and wait groups sit in the middle column at the height
 * of the goroutines that use them.
 *
 * Invariants: every index in a Scene refers to the run's goroutine/object
 * arrays; a Scene owns its arrays (scene_free); rects are device pixels.
 */
#ifndef GORO_SCENE_H
#define GORO_SCENE_H

#include "model.h"

typedef struct SceneRect {
    float x, y, w, h;
} SceneRect;

/* SceneCardMode: how much a card shows, chosen by how many must fit. */
typedef enum SceneCardMode { CARD_FULL, CARD_MEDIUM, CARD_COMPACT, CARD_CHIP } SceneCardMode;

/* SceneCard: one goroutine. */
typedef struct SceneCard {
    int g;            /* goroutine index */
    SceneRect r;      /* where it is drawn this frame (grows from its parent) */
    SceneRect home;   /* its stable place */
    ThemeState state;
    float alpha;      /* 1 live, fading to 0.3 once done */
    int selected, in_cycle;
    int stale; /* holds a loaded value memory no longer has: its store will lose an update */
    int race;  /* one side of the race reported at the playhead */
    int lost;  /* 1: its store at the playhead overwrote another's update; 2: its update was overwritten */
} SceneCard;

/* ScenePipe: one channel with its buffer slots. */
typedef struct ScenePipe {
    int obj;
    SceneRect r;      /* the whole pipe body */
    SceneRect slot0;  /* the first slot; slot i is at slot0.x + i * slot_pitch */
    float slot_pitch;
    int nslots;       /* slots drawn (cap, limited to what fits) */
    int nvals;        /* values drawn in slots (a value in flight is hidden) */
    int first_val;    /* index in the model buffer of the value in slot 0 */
    int closed, selected;
    int until;        /* shown while step < until (its place is shared after) */
} ScenePipe;

/* SceneBox: a mutex, rwmutex, wait group or shared variable. */
typedef struct SceneBox {
    int obj;
    SceneRect r;
    ModelObjKind kind;
    int selected;
    int until;        /* shown while step < until (its place is shared after) */
} SceneBox;

typedef enum SceneEdgeKind {
    EDGE_WAIT,   /* blocked goroutine -> what it waits for */
    EDGE_OWNER,  /* lock -> goroutine holding it */
    EDGE_READER, /* rwmutex -> a goroutine holding a read lock */
    EDGE_SPAWN,  /* parent -> child, shown while the child is being born */
    EDGE_LOADED, /* goroutine -> shared variable it loaded and will store to ("read 41") */
    EDGE_STORE   /* goroutine -> shared variable it stores to at the playhead ("wrote 42") */
} SceneEdgeKind;

/* SceneEdge: a cubic Bezier p0..p3 (x,y pairs) with an arrow at p3. */
typedef struct SceneEdge {
    SceneEdgeKind kind;
    int g, obj;
    float p[8];
    int alarm; /* part of a deadlock cycle */
} SceneEdge;

/* SceneToken: a value in flight. */
typedef struct SceneToken {
    float x, y, radius;
    const char *value;
    int obj;
} SceneToken;

/* SceneSrcMark: goroutine [g] stands on source [line]; drawn at (x, y). */
typedef struct SceneSrcMark {
    int g, line;
    float x, y, radius;
    ThemeState state;
} SceneSrcMark;

/* SceneView: the inputs besides the model: window size and view options. */
typedef struct SceneView {
    int width, height;  /* drawable size in device pixels */
    float scale;        /* UI scale (HiDPI: drawable px per window point) */
    float mono_w;       /* advance of one monospace character, px */
    float mono_h;       /* monospace line height, px */
    float ui_h;         /* UI font line height, px */
    float anim;         /* 0..1 progress of the current event's animation; 1 = settled */
    int selected_g;     /* goroutine index or -1 */
    int selected_obj;   /* object index or -1 */
    int tl_from, tl_to; /* timeline view window [from, to) in steps; to <= from = whole run */
    int src_top;        /* first source line shown, 0 = automatic */
    const int *err_lines; /* source lines with compile errors (R found the file broken), or NULL */
    int nerr_lines;
} SceneView;

/* Scene: the whole frame. */
typedef struct Scene {
    SceneRect header, stage, source, output, timeline;
    SceneCardMode card_mode;
    VEC(SceneCard) cards;
    VEC(ScenePipe) pipes;
    VEC(SceneBox) boxes;
    VEC(SceneEdge) edges;
    VEC(SceneToken) tokens;
    VEC(SceneSrcMark) src_marks;
    int *card_of;       /* goroutine index -> card index or -1 (run.gs.len entries) */
    int ncard_of;
    int *obj_slot;      /* object index -> pipe or box index or -1 */
    int nobj_slot;
    int *fan, nfan;     /* scratch: edges per object so far (nobj entries) */
    int step;           /* the frame's step (objects past their time are hidden) */
    /* source pane */
    SceneRect src_text;  /* the code area right of the gutter */
    int src_first, src_lines; /* first line shown, lines that fit */
    float src_gutter;    /* gutter width (line numbers + marks) */
    float src_line_h;    /* height of one source line */
    /* output pane */
    SceneRect out_text;
    int out_from;        /* byte offset of the first output byte shown */
    /* timeline */
    SceneRect tl_labels, tl_lanes, tl_minimap;
    int tl_from, tl_to;  /* steps shown [from, to) */
    float lane_h;        /* height of one lane; 0 in density mode */
    int tl_density;      /* lanes collapsed into a density view */
    int tl_first_lane, tl_nlanes;
    float playhead_x;
    const char *banner;  /* deadlock / panic / race / lost-update line shown over the stage, or NULL */
    int banner_alarm;
    char banner_buf[256];
    /* layout cache: the stage layout is redone only when these change */
    const ModelRun *lay_run;
    uint64_t lay_seed;
    int lay_nsteps, lay_w, lay_h, lay_ng, lay_no;
    float lay_scale, lay_ui_h;
} Scene;

/* scene_build: compute [out] from [run], the state [m] and [view]. [out]
 * must be zeroed or previously built (its arrays are reused). */
void scene_build(Scene *out, const ModelRun *run, const Model *m, const SceneView *view);

/* scene_invalidate: forget [s]'s cached stage layout (the run it was made
 * for was replaced in place, e.g. reloaded with another seed). */
void scene_invalidate(Scene *s);

/* scene_free: release [s]'s arrays. */
void scene_free(Scene *s);

/* scene_tl_x: the x of [step] on the timeline lanes; scene_tl_step: the step
 * under [x] (clamped to the run). */
float scene_tl_x(const Scene *s, double step);
double scene_tl_step(const Scene *s, float x);

/* scene_minimap_x: the x of [step] on the minimap (whole run). */
float scene_minimap_x(const Scene *s, const ModelRun *run, double step);

/* SceneHitKind: what lies under the pointer. */
typedef enum SceneHitKind { HIT_NONE, HIT_CARD, HIT_OBJ, HIT_TIMELINE, HIT_MINIMAP, HIT_SOURCE, HIT_OUTPUT } SceneHitKind;

/* SceneHit: a hit-test result: [index] is a goroutine index (HIT_CARD or a
 * timeline lane), an object index (HIT_OBJ) or a source line (HIT_SOURCE). */
typedef struct SceneHit {
    SceneHitKind kind;
    int index;
} SceneHit;

/* scene_hit: what is at ([x],[y]). */
SceneHit scene_hit(const Scene *s, float x, float y);

/* scene_rect_contains: whether ([x],[y]) is inside [r]. */
int scene_rect_contains(SceneRect r, float x, float y);

/* scene_card_for: the card of goroutine [g] in [s], or NULL. */
const SceneCard *scene_card_for(const Scene *s, int g);

/* scene_pipe_for / scene_box_for: the pipe or box of object [obj], or NULL. */
const ScenePipe *scene_pipe_for(const Scene *s, int obj);
const SceneBox *scene_box_for(const Scene *s, int obj);

#endif
