/* prng: splitmix64 seeding xoshiro256** (see prng.h for the contract). */
#include "prng.h"

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t prng_splitmix64(uint64_t *state) {
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void prng_seed(Prng *p, uint64_t seed) {
    uint64_t st = seed;
    for (int i = 0; i < 4; i++) p->s[i] = prng_splitmix64(&st);
}

uint64_t prng_next(Prng *p) {
    uint64_t *s = p->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint64_t prng_below(Prng *p, uint64_t n) {
    if (n == 0) return 0;
    /* Reject the top partial block so every residue is equally likely. */
    uint64_t limit = UINT64_MAX - (UINT64_MAX % n + 1) % n;
    for (;;) {
        uint64_t x = prng_next(p);
        if (x <= limit) return x % n;
    }
}

double prng_float(Prng *p) { return (double)(prng_next(p) >> 11) * (1.0 / 9007199254740992.0); }
