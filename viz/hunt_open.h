/* hunt_open: `goro-viz FILE.go --hunt COND`: find the first seed whose run
 * satisfies COND (the conditions of `goro-viz hunt --until`, through the
 * same sim/explore.h machinery), so the window or render opens at it.
 */
#ifndef GORO_HUNT_OPEN_H
#define GORO_HUNT_OPEN_H

#include <stddef.h>
#include <stdint.h>

#include "runopts.h"

/* viz_hunt_seed: run [file] under [run] (its seed ignored) for each seed of
 * [seeds] ("A..B" or "N"; NULL = 0..99999) in order until one satisfies
 * [cond] (race | deadlock | panic | exit!=N | exit==N | output~RE |
 * output!~RE) and store it in [*seed]; [*at] gets where to put the playhead
 * ("race", "deadlock", "panic" or "end"). Returns 0 when found, 1 when no
 * seed matches or the file does not compile (its errors printed to stderr),
 * 64 with a one-line reason in [err] ([n] bytes) for a bad condition or
 * range, or when races cannot be detected by this build. */
int viz_hunt_seed(const char *file, const VizRunOptions *run, const char *cond, const char *seeds, uint64_t *seed,
                  const char **at, char *err, size_t n);

#endif
