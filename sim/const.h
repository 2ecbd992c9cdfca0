/* const: exact constant arithmetic as Go's go/constant does it: integers of
 * arbitrary precision and floats as exact rationals (so 0.1+0.2 == 0.3 holds
 * for constants), booleans and strings.
 *
 * Invariants:
 * - A BigInt is sign + magnitude, little-endian 32-bit limbs, normalised (no
 *   leading zero limb; zero has n == 0 and neg == 0).
 * - A CV_FLOAT is num/den reduced, den > 0.
 * - Every value and limb array lives in the Arena given to the operation
 *   that made it; values are immutable once made (share freely).
 * - Limb counts are capped (CV_MAX_LIMBS); an operation that would exceed it
 *   returns NULL (treated as overflow by the checker).
 */
#ifndef GORO_CONST_H
#define GORO_CONST_H

#include <stdint.h>

#include "arena.h"
#include "lex.h"

#define CV_MAX_LIMBS 256 /* 8192 bits: enough for every float64 exactly */

/* BigInt: an arbitrary-precision integer (see invariants). */
typedef struct BigInt {
    int neg;
    int n;
    uint32_t *d;
} BigInt;

/* CvKind: the kind of a constant value. */
typedef enum CvKind { CV_BOOL = 1, CV_STRING, CV_INT, CV_FLOAT } CvKind;

/* ConstVal: one constant value. For CV_STRING, s has slen bytes plus a NUL
 * (it may contain NULs). */
typedef struct ConstVal {
    CvKind kind;
    int b;
    const char *s;
    int slen;
    BigInt i;        /* CV_INT */
    BigInt num, den; /* CV_FLOAT */
} ConstVal;

/* cv_bool/cv_int64/cv_uint64/cv_string/cv_float64: make a value in [a]. */
ConstVal *cv_bool(Arena *a, int b);
ConstVal *cv_int64(Arena *a, int64_t v);
ConstVal *cv_uint64(Arena *a, uint64_t v);
ConstVal *cv_string(Arena *a, const char *s, int len);
ConstVal *cv_float64(Arena *a, double d); /* exact value of d; NULL for inf/nan */

/* cv_from_lit: the value of literal token [kind] spelled [raw] ([len]
 * bytes). CHAR gives CV_INT (the rune). Returns NULL for malformed literals
 * and TK_IMAG (complex constants are outside the subset). */
ConstVal *cv_from_lit(Arena *a, TokKind kind, const char *raw, int len);

/* cv_to_int: [v] as CV_INT if it is integral (CV_INT or an integral
 * CV_FLOAT), else NULL. */
ConstVal *cv_to_int(Arena *a, const ConstVal *v);

/* cv_to_float: [v] (CV_INT or CV_FLOAT) as CV_FLOAT. */
ConstVal *cv_to_float(Arena *a, const ConstVal *v);

/* cv_binop: [x] op [y] for + - * / % & | ^ &^ and && || on values of the same
 * kind (mixed INT/FLOAT is promoted to FLOAT). [intdiv] makes / truncate on
 * integers. Returns NULL on division by zero or size overflow. */
ConstVal *cv_binop(Arena *a, TokKind op, const ConstVal *x, const ConstVal *y, int intdiv);

/* cv_shift: [x] << or >> [s] ([x] CV_INT). NULL if the result is too big. */
ConstVal *cv_shift(Arena *a, TokKind op, const ConstVal *x, unsigned s);

/* cv_unop: + - ! ^ on [x]. For ^ on a typed unsigned constant pass its size
 * in bits as [ubits] (0 otherwise: ^x == -x-1). */
ConstVal *cv_unop(Arena *a, TokKind op, const ConstVal *x, int ubits);

/* cv_compare: [x] op [y] for == != < <= > >=. */
int cv_compare(TokKind op, const ConstVal *x, const ConstVal *y);

/* cv_sign: -1, 0 or 1 for numeric [x]. */
int cv_sign(const ConstVal *x);

/* cv_fits_int: whether integral [x] fits in a [bits]-bit integer, signed if
 * [is_signed]. */
int cv_fits_int(const ConstVal *x, int bits, int is_signed);

/* cv_round_float: [x] rounded to float32 ([bits] 32) or float64; NULL if it
 * overflows that type. */
ConstVal *cv_round_float(Arena *a, const ConstVal *x, int bits);

/* cv_int64_val/cv_uint64_val: the integer value (truncated to 64 bits). */
int64_t cv_int64_val(const ConstVal *x);
uint64_t cv_uint64_val(const ConstVal *x);

/* cv_float64_val: the nearest double to numeric [x]. */
double cv_float64_val(const ConstVal *x);

/* cv_format: write [x] as Go's constant.Value.String prints it (ints in
 * full decimal, floats %.6g-like, strings quoted and shortened) into [buf]
 * of [size] bytes; returns buf. */
char *cv_format(const ConstVal *x, char *buf, int size);

/* cv_equal: whether [x] and [y] are the same value (for duplicate cases). */
int cv_equal(const ConstVal *x, const ConstVal *y);

#endif
