/* gofmt: Go 1.19's text formatting, value-agnostic: fmt verbs, strconv, time, strings.
 *
 * The VM walks composite values (structs, slices, maps, interfaces, Stringer
 * and Error methods) itself and calls these primitives for every scalar leaf
 * and every piece of text, so output matches `go run` byte for byte. Nothing
 * here knows the VM: values arrive as C scalars or byte strings.
 *
 * Memory: every string a function here returns is appended to a caller-owned
 * GofmtBuf (grown through sim/mem.h). Functions never fail except where a
 * return value says so; Go-level errors (strconv) come back as text in a
 * buffer, exactly as the error's Error() method would print it.
 *
 * Files: gofmt.c (buffer, Printf directive iterator, Print/Println/Printf
 * drivers, ints, strings, bools, bad-verb forms), gofmt_float.c (strconv
 * float formatting and %e %f %g %b %x on floats), gofmt_quote.c (Quote,
 * QuoteRune, %q, IsPrint), gofmt_strconv.c (Itoa/FormatInt/Parse*),
 * gofmt_time.c (Duration.String, civil dates, Time.Format),
 * gofmt_strings.c (UTF-8, case mapping, the strings package),
 * gofmt_tables.c (Unicode tables generated from Go by tests/gofmt/gen_tables.go).
 *
 * What stays with the VM (fmt/print.go, printArg/handleMethods/printValue),
 * for each argument the iterator hands out with its spec:
 *  - %T prints the type name with gofmt_pad-like flags (fmtS: precision
 *    truncates too); %p goes to gofmt_pointer.
 *  - Methods first, unless inside a bad-verb form: with sharp_v a GoString
 *    method wins; otherwise for verbs v s x X q an Error() method, else a
 *    String() method, and its result is printed with gofmt_string(spec).
 *    A panic in it prints "%!v(PANIC=String method: MSG)" (Error/String
 *    named accordingly), or "<nil>" when the receiver is a nil pointer.
 *  - fmt.Errorf: the first %w whose argument is an error prints as %v;
 *    other %w print the bad-verb form, "%!w(T=value)".
 *  - Composites: structs "{a b}" ("{Name:a ...}" with plus_v, "main.T{Name:a}"
 *    with sharp_v), slices/arrays "[a b]", maps "map[k:v ...]" sorted by key,
 *    pointer to struct/slice/array/map at top level "&{...}", nil interface
 *    inside a composite "<nil>"; every leaf with the same spec. A []byte
 *    (or byte array) leaf under s q x X goes to gofmt_bytes.
 *  - Print's spacing asks is_string by kind (a named string type counts).
 */
#ifndef GORO_GOFMT_H
#define GORO_GOFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ===================================================================== */
/* Buffer                                                                */
/* ===================================================================== */

/* GofmtBuf: a growable byte buffer; data is always NUL-terminated when
 * cap > 0 (the NUL is not counted in len). Zero-initialise to start empty. */
typedef struct GofmtBuf {
    char *data;
    size_t len, cap;
} GofmtBuf;

/* gofmt_buf_free: release [b]'s storage and reset it to empty. */
void gofmt_buf_free(GofmtBuf *b);
/* gofmt_buf_reset: make [b] empty, keeping its storage. */
void gofmt_buf_reset(GofmtBuf *b);
/* gofmt_put: append [n] bytes of [s] to [b]. */
void gofmt_put(GofmtBuf *b, const char *s, size_t n);
/* gofmt_puts: append the NUL-terminated [s] to [b]. */
void gofmt_puts(GofmtBuf *b, const char *s);
/* gofmt_putc: append one byte [c] to [b]. */
void gofmt_putc(GofmtBuf *b, char c);
/* gofmt_put_rune: append the UTF-8 encoding of [r] (U+FFFD if [r] is not a
 * valid code point, as Go's utf8.EncodeRune). */
void gofmt_put_rune(GofmtBuf *b, int32_t r);
/* gofmt_take: a NUL-terminated copy of [b]'s contents owned by the caller
 * (free with mem_free(p, len + 1)); [b] is left unchanged. */
char *gofmt_take(const GofmtBuf *b, size_t *len_out);

/* ===================================================================== */
/* Directives                                                            */
/* ===================================================================== */

/* GofmtSpec: one parsed Printf directive, Go's fmt.fmtFlags + wid/prec + verb.
 * For %v the driver has already moved '#' into sharp_v and '+' into plus_v,
 * exactly as fmt does; the formatting functions below read the flags as fmt
 * does. Width and precision are non-negative when present. */
typedef struct GofmtSpec {
    bool wid_present, prec_present;
    bool minus, plus, sharp, space, zero;
    bool plus_v, sharp_v;
    int wid, prec;
    int32_t verb;
} GofmtSpec;

/* gofmt_spec_verb: a spec with no flags for [verb] (Println uses 'v'). */
GofmtSpec gofmt_spec_verb(int32_t verb);

/* GofmtIntArg: the caller's answer to "is argument [i] an integer usable as a
 * '*' width or precision?" (fmt's intFromArg): store it in [*out] and return
 * true; return false for any other type (nil, string, float...). */
typedef bool (*GofmtIntArg)(void *ctx, int i, int64_t *out);

/* GofmtIter: walks a Printf format string the way fmt.doPrintf does, writing
 * literal text and every error form (%!(NOVERB), %!d(MISSING),
 * %!d(BADINDEX), %!(BADWIDTH), %!(BADPREC), "%%") itself and stopping at each
 * directive that consumes an argument, so the caller can format it (and run
 * String() methods) between steps. Invariants: 0 <= pos <= len; arg_num is
 * the next argument to consume. Only reads [fmt]; owns no memory. */
typedef struct GofmtIter {
    const char *fmt;
    size_t len, pos;
    int nargs, arg_num;
    bool reordered;
    GofmtIntArg int_arg;
    void *ctx;
} GofmtIter;

/* gofmt_iter_init: start iterating [fmt] of [len] bytes over [nargs]
 * arguments; [int_arg] (with [ctx]) answers '*' lookups and may be NULL when
 * no argument is an integer. */
void gofmt_iter_init(GofmtIter *it, const char *fmt, size_t len, int nargs, GofmtIntArg int_arg,
                     void *ctx);

/* gofmt_iter_next: append text to [out] up to the next directive that
 * consumes an argument. Returns the argument's index and fills [*spec] (verb,
 * flags, width, precision; sharp_v/plus_v set for %v), or -1 when the format
 * is exhausted. The caller then formats argument i per [*spec] into [out]. */
int gofmt_iter_next(GofmtIter *it, GofmtBuf *out, GofmtSpec *spec);

/* gofmt_iter_extra: after gofmt_iter_next returned -1, the index of the first
 * unused argument if Go would print "%!(EXTRA ...)", else -1. The caller then
 * writes "%!(EXTRA ", for each argument from there "T=value" (value with
 * gofmt_spec_verb('v')) or "<nil>", separated by ", ", then ")"; see
 * gofmt_printf for a driver doing exactly that. */
int gofmt_iter_extra(const GofmtIter *it);

/* ===================================================================== */
/* Scalar leaves                                                         */
/* ===================================================================== */

/* GofmtKind: the dynamic kind of a scalar leaf value. */
typedef enum GofmtKind {
    GOFMT_NIL, /* a nil interface: prints <nil> */
    GOFMT_BOOL,
    GOFMT_INT,  /* any signed integer kind, value in i */
    GOFMT_UINT, /* any unsigned integer kind (byte, uintptr...), value in u */
    GOFMT_FLOAT32,
    GOFMT_FLOAT64,
    GOFMT_STRING,
    GOFMT_BYTES, /* []byte */
} GofmtKind;

/* GofmtValue: one scalar argument. type_name is what %T and bad-verb forms
 * print ("int", "uint8", "main.Celsius"); NULL means the kind's default
 * name (int, uint, float32, float64, string, bool, []uint8). The string or
 * bytes are borrowed. */
typedef struct GofmtValue {
    GofmtKind kind;
    const char *type_name;
    bool b;
    int64_t i;
    uint64_t u;
    double f;
    const char *s;
    size_t n;
} GofmtValue;

/* gofmt_v_*: a GofmtValue of each kind with the default type name (set
 * .type_name afterwards for named types such as main.Celsius). */
GofmtValue gofmt_v_int(int64_t i);
GofmtValue gofmt_v_uint(uint64_t u);
GofmtValue gofmt_v_float(double f);
GofmtValue gofmt_v_float32(float f);
GofmtValue gofmt_v_str(const char *s, size_t n);
GofmtValue gofmt_v_bool(bool b);
GofmtValue gofmt_v_nil(void);

/* gofmt_value_type_name: [v]'s type name as %T prints it. */
const char *gofmt_value_type_name(const GofmtValue *v);

/* gofmt_value: fmt's printArg for a scalar leaf: format [v] per [spec]
 * (verb included) into [b], including %T, "<nil>" and the %!verb(T=value)
 * form for a verb the kind does not accept. %p is the VM's business (it
 * prints as a bad verb here). */
void gofmt_value(GofmtBuf *b, const GofmtSpec *spec, const GofmtValue *v);

/* gofmt_int: fmt.fmtInteger: [v] (read as int64 if [is_signed]) per
 * [spec]'s verb among v d b o O x X c q U; other verbs print the bad-verb
 * form with type name [type_name]. */
void gofmt_int(GofmtBuf *b, const GofmtSpec *spec, uint64_t v, bool is_signed,
               const char *type_name);
/* gofmt_float: fmt.fmtFloat: [v] of [bitsize] 32 or 64 per verb v b g G x X
 * f F e E; other verbs print the bad-verb form. */
void gofmt_float(GofmtBuf *b, const GofmtSpec *spec, double v, int bitsize, const char *type_name);
/* gofmt_string: fmt.fmtString on [n] bytes at [s]: verbs v s x X q
 * (precision counts runes); other verbs print the bad-verb form. */
void gofmt_string(GofmtBuf *b, const GofmtSpec *spec, const char *s, size_t n,
                  const char *type_name);
/* gofmt_bytes: fmt.fmtBytes for a []byte: v d (as [1 2 3] or the %#v form
 * []byte{0x1, ...}), s x X q. Other verbs print the bad-verb form. */
void gofmt_bytes(GofmtBuf *b, const GofmtSpec *spec, const unsigned char *p, size_t n,
                 const char *type_name);
/* gofmt_bool: fmt.fmtBool: verbs t v; others print the bad-verb form. */
void gofmt_bool(GofmtBuf *b, const GofmtSpec *spec, bool v, const char *type_name);

/* gofmt_pointer: fmt.fmtPointer for a chan, func, map, pointer or slice whose
 * (virtual, deterministic) address is [addr] (0 = nil) and whose type prints
 * as [type_name]: verbs v p b o d x X, e.g. "0xc000010000", "<nil>",
 * "(*int)(nil)" for %#v. Returns false, writing nothing, for any other verb:
 * the caller then prints the bad-verb form (gofmt_bad_verb_open/close). For
 * a non-nil pointer to a struct, array, slice or map at the top level, %v
 * prints "&" and the pointee instead: that is the VM's walk, not this. */
bool gofmt_pointer(GofmtBuf *b, const GofmtSpec *spec, uint64_t addr, const char *type_name);

/* gofmt_pad: fmt.pad: write [n] bytes of [s] padded to [spec]'s width
 * (rune count; zero flag pads with '0'; minus pads on the right). The VM
 * uses it for %T-like text and for nil pointers ("<nil>"). */
void gofmt_pad(GofmtBuf *b, const GofmtSpec *spec, const char *s, size_t n);

/* gofmt_bad_verb_open / gofmt_bad_verb_close: the frame of the bad-verb form
 * "%!verb(" ... ")" for composite values the VM prints itself: open writes
 * "%!" verb "(" and, when [type_name] is non-NULL, the type name and '=';
 * the caller then prints the value with verb 'v' (same flags) and closes.
 * A NULL [type_name] means a nil value: open writes "<nil>" after "(". */
void gofmt_bad_verb_open(GofmtBuf *b, int32_t verb, const char *type_name);
void gofmt_bad_verb_close(GofmtBuf *b);

/* ===================================================================== */
/* Drivers (Printf / Print / Println)                                    */
/* ===================================================================== */

/* GofmtArgs: how the drivers reach the caller's arguments.
 *   print(ctx, b, i, spec): fmt's printArg for argument [i] (nil included).
 *   type_name(ctx, i): %T text of argument [i], NULL for a nil interface.
 *   is_string(ctx, i): the argument's kind is string (Print's spacing rule).
 *   int_arg: as GofmtIntArg (may be NULL). */
typedef struct GofmtArgs {
    int n;
    void *ctx;
    void (*print)(void *ctx, GofmtBuf *b, int i, const GofmtSpec *spec);
    const char *(*type_name)(void *ctx, int i);
    bool (*is_string)(void *ctx, int i);
    GofmtIntArg int_arg;
} GofmtArgs;

/* gofmt_printf: fmt.Sprintf([fmt] of [len] bytes, args...) into [b]. */
void gofmt_printf(GofmtBuf *b, const char *fmt, size_t len, const GofmtArgs *args);
/* gofmt_print: fmt.Sprint(args...) into [b]: a space between operands when
 * neither is a string. */
void gofmt_print(GofmtBuf *b, const GofmtArgs *args);
/* gofmt_println: fmt.Sprintln(args...) into [b]: spaces always, newline. */
void gofmt_println(GofmtBuf *b, const GofmtArgs *args);

/* gofmt_args_values: a GofmtArgs over the array [vals] of [n] scalar
 * values (borrowed; must outlive the driver call). */
GofmtArgs gofmt_args_values(const GofmtValue *vals, int n);

/* ===================================================================== */
/* strconv: floats                                                       */
/* ===================================================================== */

/* gofmt_format_float: strconv.FormatFloat([v], [fmt], [prec], [bitsize])
 * appended to [b]; [fmt] one of b e E f g G x X; [prec] -1 = shortest
 * representation that round-trips at [bitsize] (32 or 64). */
void gofmt_format_float(GofmtBuf *b, double v, char fmt, int prec, int bitsize);

/* ===================================================================== */
/* strconv: integers, parsing, quoting                                   */
/* ===================================================================== */

/* gofmt_format_int: strconv.FormatInt([v], [base]) (2 <= base <= 36). */
void gofmt_format_int(GofmtBuf *b, int64_t v, int base);
/* gofmt_format_uint: strconv.FormatUint([v], [base]). */
void gofmt_format_uint(GofmtBuf *b, uint64_t v, int base);

/* gofmt_parse_int: strconv.ParseInt([n] bytes of [s], [base], [bitsize])
 * with [func_name] naming the Go function in errors ("ParseInt", "Atoi").
 * Returns 0 and the value in [*out], or -1 with the Go error text
 * (`strconv.Atoi: parsing "x": invalid syntax`) appended to [err] and
 * [*out] set to what Go returns alongside the error (0, or the clamped
 * value for a range error). */
int gofmt_parse_int(const char *s, size_t n, int base, int bitsize, const char *func_name,
                    int64_t *out, GofmtBuf *err);
/* gofmt_parse_uint: strconv.ParseUint, contract as gofmt_parse_int. */
int gofmt_parse_uint(const char *s, size_t n, int base, int bitsize, uint64_t *out, GofmtBuf *err);
/* gofmt_atoi: strconv.Atoi (ParseInt base 10, 64 bits, errors say Atoi). */
int gofmt_atoi(const char *s, size_t n, int64_t *out, GofmtBuf *err);
/* gofmt_parse_float: strconv.ParseFloat([s], [bitsize]); contract as
 * gofmt_parse_int (range errors yield ±Inf or the float32 limit as Go). */
int gofmt_parse_float(const char *s, size_t n, int bitsize, double *out, GofmtBuf *err);
/* gofmt_parse_bool: strconv.ParseBool; contract as gofmt_parse_int. */
int gofmt_parse_bool(const char *s, size_t n, bool *out, GofmtBuf *err);

/* gofmt_quote: strconv.Quote: a double-quoted Go literal of [n] bytes at
 * [s]; [ascii_only] gives QuoteToASCII. */
void gofmt_quote(GofmtBuf *b, const char *s, size_t n, bool ascii_only);
/* gofmt_quote_rune: strconv.QuoteRune / QuoteRuneToASCII of [r]. */
void gofmt_quote_rune(GofmtBuf *b, int32_t r, bool ascii_only);
/* gofmt_can_backquote: strconv.CanBackquote. */
bool gofmt_can_backquote(const char *s, size_t n);
/* gofmt_is_print: strconv.IsPrint([r]). */
bool gofmt_is_print(int32_t r);
/* gofmt_unquote: strconv.Unquote of [n] bytes at [s] into [b]. Returns 0,
 * or -1 (Go's ErrSyntax, "invalid syntax") leaving [b] as it was. */
int gofmt_unquote(GofmtBuf *b, const char *s, size_t n);

/* ===================================================================== */
/* time                                                                  */
/* ===================================================================== */

/* gofmt_duration: time.Duration([ns]).String(), e.g. "1.5s", "3µs", "1h0m0s". */
void gofmt_duration(GofmtBuf *b, int64_t ns);

/* GofmtCivil: a UTC instant broken into calendar fields. */
typedef struct GofmtCivil {
    int64_t year;
    int month; /* 1..12 */
    int day;   /* 1..31 */
    int hour, min, sec;
    int nsec;    /* 0..999999999 */
    int weekday; /* 0 = Sunday */
    int yday;    /* 1..366 */
} GofmtCivil;

/* gofmt_civil: fields of the UTC instant [unix_sec] + [nsec] nanoseconds
 * (nsec in 0..999999999). */
GofmtCivil gofmt_civil(int64_t unix_sec, int32_t nsec);

/* gofmt_month_name / gofmt_weekday_name: time.Month(m).String() for m in
 * 1..12 and time.Weekday(d).String() for d in 0..6 (Sunday = 0); out of
 * range gives Go's "%!Month(13)" / "%!Weekday(7)" form. */
void gofmt_month_name(GofmtBuf *b, int64_t m);
void gofmt_weekday_name(GofmtBuf *b, int64_t d);

/* gofmt_time_format: time.Time.Format([layout]) for the UTC instant
 * [unix_sec]+[nsec] (zone name "UTC", offset 0), into [b]. */
void gofmt_time_format(GofmtBuf *b, int64_t unix_sec, int32_t nsec, const char *layout,
                       size_t layout_len);

/* gofmt_time_string: time.Time.String() for the UTC instant; when
 * [has_mono], appends Go's " m=+S.NNNNNNNNN" monotonic reading [mono_ns]. */
void gofmt_time_string(GofmtBuf *b, int64_t unix_sec, int32_t nsec, bool has_mono, int64_t mono_ns);

/* ===================================================================== */
/* UTF-8 and strings                                                     */
/* ===================================================================== */

/* gofmt_utf8_decode: utf8.DecodeRune on [n] bytes at [s]: the rune, with
 * its width in [*width]; invalid or empty input gives U+FFFD with width 1
 * (0 for empty). */
int32_t gofmt_utf8_decode(const char *s, size_t n, int *width);
/* gofmt_utf8_encode: utf8.EncodeRune into [out] (4 bytes); returns width. */
int gofmt_utf8_encode(char *out, int32_t r);
/* gofmt_utf8_count: utf8.RuneCount of [n] bytes at [s]. */
size_t gofmt_utf8_count(const char *s, size_t n);
/* gofmt_to_upper_rune / gofmt_to_lower_rune: unicode.ToUpper/ToLower. */
int32_t gofmt_to_upper_rune(int32_t r);
int32_t gofmt_to_lower_rune(int32_t r);
/* gofmt_to_title_rune: unicode.ToTitle. */
int32_t gofmt_to_title_rune(int32_t r);
/* gofmt_is_letter_or_digit: unicode.IsLetter(r) || unicode.IsDigit(r). */
bool gofmt_is_letter_or_digit(int32_t r);
/* gofmt_is_space: unicode.IsSpace. */
bool gofmt_is_space(int32_t r);

/* GofmtStr: a borrowed byte string (a view into someone else's memory). */
typedef struct GofmtStr {
    const char *p;
    size_t n;
} GofmtStr;

/* GofmtStrList: a list of views into one input string; free with
 * gofmt_strlist_free (the views themselves are borrowed). */
typedef struct GofmtStrList {
    GofmtStr *items;
    int len, cap;
} GofmtStrList;
void gofmt_strlist_free(GofmtStrList *l);

/* The strings package. Each function is the Go function of the same name
 * (gofmt_str_X is strings.X). Results that are substrings come back as
 * views into the input; results that are new text are appended to [b].
 * Indexes are byte offsets, -1 when absent. Invalid UTF-8 reads as U+FFFD
 * of width 1 wherever Go decodes runes. None of them fails. */

/* gofmt_str_upper / lower / to_title: strings.ToUpper / ToLower / ToTitle
 * (unicode simple case mapping for every rune; invalid bytes become
 * U+FFFD, as strings.Map). */
void gofmt_str_upper(GofmtBuf *b, GofmtStr s);
void gofmt_str_lower(GofmtBuf *b, GofmtStr s);
void gofmt_str_to_title(GofmtBuf *b, GofmtStr s);
/* gofmt_str_title: the deprecated strings.Title (word starts to title case). */
void gofmt_str_title(GofmtBuf *b, GofmtStr s);
/* gofmt_str_repeat: strings.Repeat for [count] >= 0; the caller raises Go's
 * panics first ("strings: negative Repeat count", "strings: Repeat count
 * causes overflow") and bounds the size against its heap limit. */
void gofmt_str_repeat(GofmtBuf *b, GofmtStr s, int64_t count);
/* gofmt_str_replace: strings.Replace(s, old, new, n) (n < 0: all;
 * ReplaceAll is n = -1). An empty old inserts before every rune and at the end. */
void gofmt_str_replace(GofmtBuf *b, GofmtStr s, GofmtStr old, GofmtStr new_, int64_t n);
/* gofmt_str_join: strings.Join of [n] [elems] with [sep]. */
void gofmt_str_join(GofmtBuf *b, const GofmtStr *elems, int n, GofmtStr sep);
/* gofmt_str_fields: strings.Fields: the runs between unicode spaces,
 * appended to [out]. */
void gofmt_str_fields(GofmtStrList *out, GofmtStr s);
/* gofmt_str_split: strings.SplitN(s, sep, n) into [out] (n < 0: all; n == 0:
 * nothing); strings.Split is n = -1. An empty sep splits into UTF-8 runes
 * (an invalid byte becomes a view of a static "\uFFFD", as Go's explode). */
void gofmt_str_split(GofmtStrList *out, GofmtStr s, GofmtStr sep, int64_t n);
/* gofmt_str_trim_space: strings.TrimSpace (unicode.IsSpace at both ends). */
GofmtStr gofmt_str_trim_space(GofmtStr s);
/* gofmt_str_trim: strings.Trim / TrimLeft / TrimRight with a cutset of
 * runes; [left]/[right] choose the ends. */
GofmtStr gofmt_str_trim(GofmtStr s, GofmtStr cutset, bool left, bool right);
/* gofmt_str_trim_prefix / suffix: strings.TrimPrefix / TrimSuffix. */
GofmtStr gofmt_str_trim_prefix(GofmtStr s, GofmtStr prefix);
GofmtStr gofmt_str_trim_suffix(GofmtStr s, GofmtStr suffix);
/* gofmt_str_index / last_index: strings.Index / LastIndex (an empty sub
 * is found at 0 / len(s)). */
int64_t gofmt_str_index(GofmtStr s, GofmtStr sub);
int64_t gofmt_str_last_index(GofmtStr s, GofmtStr sub);
/* gofmt_str_index_rune: strings.IndexRune (U+FFFD also matches invalid
 * bytes; an invalid rune is never found). */
int64_t gofmt_str_index_rune(GofmtStr s, int32_t r);
/* gofmt_str_index_any / contains_any: strings.IndexAny / ContainsAny (first
 * rune of s that occurs in chars). */
int64_t gofmt_str_index_any(GofmtStr s, GofmtStr chars);
bool gofmt_str_contains_any(GofmtStr s, GofmtStr chars);
/* gofmt_str_contains / contains_rune: strings.Contains / ContainsRune. */
bool gofmt_str_contains(GofmtStr s, GofmtStr sub);
bool gofmt_str_contains_rune(GofmtStr s, int32_t r);
/* gofmt_str_count: strings.Count of non-overlapping [sub] (empty sub: rune
 * count + 1). */
int64_t gofmt_str_count(GofmtStr s, GofmtStr sub);
/* gofmt_str_has_prefix / has_suffix: strings.HasPrefix / HasSuffix. */
bool gofmt_str_has_prefix(GofmtStr s, GofmtStr prefix);
bool gofmt_str_has_suffix(GofmtStr s, GofmtStr suffix);
/* gofmt_str_equal_fold: strings.EqualFold (simple case folding). */
bool gofmt_str_equal_fold(GofmtStr s, GofmtStr t);
/* gofmt_str_compare: strings.Compare: -1, 0 or +1 (bytewise). */
int gofmt_str_compare(GofmtStr a, GofmtStr b);

#endif
