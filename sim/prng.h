/* prng: the run's one source of choices: splitmix64 seeding xoshiro256**.
 *
 * Every nondeterministic-looking decision in sim/ (which goroutine runs, which
 * ready select case, map iteration order, math/rand, preemption distance)
 * draws from one Prng seeded from --seed, so a run is a pure function of its
 * inputs. The algorithms are Blackman & Vigna's public-domain xoshiro256**
 * (https://prng.di.unimi.it/xoshiro256starstar.c) and Steele et al.'s
 * splitmix64, which expands the 64-bit seed into the 256-bit state.
 *
 * Invariants: the state is never all zero (splitmix64 cannot produce four
 * zero words from any seed); the same seed yields the same sequence on every
 * platform and compiler (only fixed-width unsigned arithmetic is used).
 */
#ifndef GORO_PRNG_H
#define GORO_PRNG_H

#include <stdint.h>

/* Prng: xoshiro256** state. Copyable by value (a snapshot of the sequence). */
typedef struct Prng {
    uint64_t s[4];
} Prng;

/* prng_splitmix64: advance [*state] by the golden gamma and return the next
 * splitmix64 output (used for seeding, exposed for tests). */
uint64_t prng_splitmix64(uint64_t *state);

/* prng_seed: set [p] to the state splitmix64 derives from [seed]. */
void prng_seed(Prng *p, uint64_t seed);

/* prng_next: the next 64-bit output of [p]. */
uint64_t prng_next(Prng *p);

/* prng_below: a uniform integer in [0, n) without modulo bias; [n] must be
 * > 0 (0 returns 0). Consumes one or more outputs (rejection sampling). */
uint64_t prng_below(Prng *p, uint64_t n);

/* prng_float: a uniform double in [0, 1) from the top 53 bits of one output. */
double prng_float(Prng *p);

#endif
