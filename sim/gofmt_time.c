/* gofmt_time: time.Duration.String, UTC civil dates and Time.Format (Go 1.19).
 *
 * Duration.String is a port of time/time.go; the layout language is a port
 * of time/format.go (nextStdChunk, AppendFormat, formatNano) for the one
 * zone a run has: UTC, offset 0, named "UTC".
 */
#include "gofmt.h"

#include <string.h>

/* ===================================================================== */
/* Duration                                                              */
/* ===================================================================== */

static size_t fmt_frac(char *buf, size_t w, uint64_t *v, int prec) {
    bool print = false;
    for (int i = 0; i < prec; i++) {
        int digit = (int)(*v % 10);
        print = print || digit != 0;
        if (print) buf[--w] = (char)('0' + digit);
        *v /= 10;
    }
    if (print) buf[--w] = '.';
    return w;
}

static size_t fmt_int(char *buf, size_t w, uint64_t v) {
    if (v == 0) {
        buf[--w] = '0';
    } else {
        while (v > 0) {
            buf[--w] = (char)('0' + v % 10);
            v /= 10;
        }
    }
    return w;
}

void gofmt_duration(GofmtBuf *b, int64_t d) {
    char buf[32];
    size_t w = sizeof buf;
    uint64_t u = (uint64_t)d;
    bool neg = d < 0;
    if (neg) u = -u;
    if (u < 1000000000ull) {
        int prec;
        buf[--w] = 's';
        if (u == 0) {
            gofmt_puts(b, "0s");
            return;
        } else if (u < 1000ull) {
            prec = 0;
            buf[--w] = 'n';
        } else if (u < 1000000ull) {
            prec = 3;
            buf[--w] = '\xb5'; /* "µ" is C2 B5 */
            buf[--w] = '\xc2';
        } else {
            prec = 6;
            buf[--w] = 'm';
        }
        w = fmt_frac(buf, w, &u, prec);
        w = fmt_int(buf, w, u);
    } else {
        buf[--w] = 's';
        w = fmt_frac(buf, w, &u, 9);
        w = fmt_int(buf, w, u % 60);
        u /= 60;
        if (u > 0) {
            buf[--w] = 'm';
            w = fmt_int(buf, w, u % 60);
            u /= 60;
            if (u > 0) {
                buf[--w] = 'h';
                w = fmt_int(buf, w, u);
            }
        }
    }
    if (neg) buf[--w] = '-';
    gofmt_put(b, buf + w, sizeof buf - w);
}

/* ===================================================================== */
/* Civil dates                                                           */
/* ===================================================================== */

static int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

GofmtCivil gofmt_civil(int64_t unix_sec, int32_t nsec) {
    GofmtCivil c;
    int64_t days = floor_div(unix_sec, 86400);
    int64_t secs = unix_sec - days * 86400;
    c.hour = (int)(secs / 3600);
    c.min = (int)(secs / 60 % 60);
    c.sec = (int)(secs % 60);
    c.nsec = nsec;
    c.weekday = (int)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
    /* Days to civil (proleptic Gregorian), eras of 400 years. */
    int64_t z = days + 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    c.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    c.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    if (c.month <= 2) y++;
    c.year = y;
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    c.yday = before[c.month - 1] + c.day + (leap && c.month > 2 ? 1 : 0);
    return c;
}

/* ===================================================================== */
/* Layouts                                                               */
/* ===================================================================== */

enum {
    STD_NONE,
    STD_LONG_MONTH,
    STD_MONTH,
    STD_NUM_MONTH,
    STD_ZERO_MONTH,
    STD_LONG_WEEKDAY,
    STD_WEEKDAY,
    STD_DAY,
    STD_UNDER_DAY,
    STD_ZERO_DAY,
    STD_UNDER_YEAR_DAY,
    STD_ZERO_YEAR_DAY,
    STD_HOUR,
    STD_HOUR12,
    STD_ZERO_HOUR12,
    STD_MINUTE,
    STD_ZERO_MINUTE,
    STD_SECOND,
    STD_ZERO_SECOND,
    STD_LONG_YEAR,
    STD_YEAR,
    STD_PM,
    STD_pm,
    STD_TZ,
    STD_ISO_TZ,
    STD_ISO_SECONDS_TZ,
    STD_ISO_SHORT_TZ,
    STD_ISO_COLON_TZ,
    STD_ISO_COLON_SECONDS_TZ,
    STD_NUM_TZ,
    STD_NUM_SECONDS_TZ,
    STD_NUM_SHORT_TZ,
    STD_NUM_COLON_TZ,
    STD_NUM_COLON_SECONDS_TZ,
    STD_FRAC0,
    STD_FRAC9,
};

/* Chunk: one nextStdChunk result: layout[0:prefix) is literal, then the
 * element std (with digits/sep for fractions), resuming at next. */
typedef struct Chunk {
    size_t prefix, next;
    int std, digits;
    char sep;
} Chunk;

static bool has(const char *l, size_t n, size_t i, const char *word) {
    size_t k = strlen(word);
    return n >= i + k && memcmp(l + i, word, k) == 0;
}

static bool lower_at(const char *l, size_t n, size_t i) {
    return i < n && l[i] >= 'a' && l[i] <= 'z';
}

static Chunk chunk(int std, size_t prefix, size_t next) {
    Chunk c = {prefix, next, std, 0, 0};
    return c;
}

static Chunk next_std_chunk(const char *l, size_t n) {
    static const int std0x[6] = {STD_ZERO_MONTH,  STD_ZERO_DAY,    STD_ZERO_HOUR12,
                                 STD_ZERO_MINUTE, STD_ZERO_SECOND, STD_YEAR};
    for (size_t i = 0; i < n; i++) {
        switch (l[i]) {
        case 'J':
            if (has(l, n, i, "Jan")) {
                if (has(l, n, i, "January")) return chunk(STD_LONG_MONTH, i, i + 7);
                if (!lower_at(l, n, i + 3)) return chunk(STD_MONTH, i, i + 3);
            }
            break;
        case 'M':
            if (n >= i + 3) {
                if (has(l, n, i, "Mon")) {
                    if (has(l, n, i, "Monday")) return chunk(STD_LONG_WEEKDAY, i, i + 6);
                    if (!lower_at(l, n, i + 3)) return chunk(STD_WEEKDAY, i, i + 3);
                }
                if (has(l, n, i, "MST")) return chunk(STD_TZ, i, i + 3);
            }
            break;
        case '0':
            if (n >= i + 2 && l[i + 1] >= '1' && l[i + 1] <= '6')
                return chunk(std0x[l[i + 1] - '1'], i, i + 2);
            if (n >= i + 3 && l[i + 1] == '0' && l[i + 2] == '2')
                return chunk(STD_ZERO_YEAR_DAY, i, i + 3);
            break;
        case '1':
            if (n >= i + 2 && l[i + 1] == '5') return chunk(STD_HOUR, i, i + 2);
            return chunk(STD_NUM_MONTH, i, i + 1);
        case '2':
            if (has(l, n, i, "2006")) return chunk(STD_LONG_YEAR, i, i + 4);
            return chunk(STD_DAY, i, i + 1);
        case '_':
            if (n >= i + 2 && l[i + 1] == '2') {
                if (has(l, n, i + 1, "2006")) return chunk(STD_LONG_YEAR, i + 1, i + 5);
                return chunk(STD_UNDER_DAY, i, i + 2);
            }
            if (n >= i + 3 && l[i + 1] == '_' && l[i + 2] == '2')
                return chunk(STD_UNDER_YEAR_DAY, i, i + 3);
            break;
        case '3': return chunk(STD_HOUR12, i, i + 1);
        case '4': return chunk(STD_MINUTE, i, i + 1);
        case '5': return chunk(STD_SECOND, i, i + 1);
        case 'P':
            if (n >= i + 2 && l[i + 1] == 'M') return chunk(STD_PM, i, i + 2);
            break;
        case 'p':
            if (n >= i + 2 && l[i + 1] == 'm') return chunk(STD_pm, i, i + 2);
            break;
        case '-':
            if (has(l, n, i, "-070000")) return chunk(STD_NUM_SECONDS_TZ, i, i + 7);
            if (has(l, n, i, "-07:00:00")) return chunk(STD_NUM_COLON_SECONDS_TZ, i, i + 9);
            if (has(l, n, i, "-0700")) return chunk(STD_NUM_TZ, i, i + 5);
            if (has(l, n, i, "-07:00")) return chunk(STD_NUM_COLON_TZ, i, i + 6);
            if (has(l, n, i, "-07")) return chunk(STD_NUM_SHORT_TZ, i, i + 3);
            break;
        case 'Z':
            if (has(l, n, i, "Z070000")) return chunk(STD_ISO_SECONDS_TZ, i, i + 7);
            if (has(l, n, i, "Z07:00:00")) return chunk(STD_ISO_COLON_SECONDS_TZ, i, i + 9);
            if (has(l, n, i, "Z0700")) return chunk(STD_ISO_TZ, i, i + 5);
            if (has(l, n, i, "Z07:00")) return chunk(STD_ISO_COLON_TZ, i, i + 6);
            if (has(l, n, i, "Z07")) return chunk(STD_ISO_SHORT_TZ, i, i + 3);
            break;
        case '.':
        case ',':
            if (i + 1 < n && (l[i + 1] == '0' || l[i + 1] == '9')) {
                char ch = l[i + 1];
                size_t j = i + 1;
                while (j < n && l[j] == ch)
                    j++;
                if (!(j < n && l[j] >= '0' && l[j] <= '9')) {
                    Chunk c = chunk(ch == '9' ? STD_FRAC9 : STD_FRAC0, i, j);
                    c.digits = (int)(j - (i + 1));
                    c.sep = l[i];
                    return c;
                }
            }
            break;
        }
    }
    return chunk(STD_NONE, n, n);
}

static void append_int(GofmtBuf *b, int64_t x, int width) {
    uint64_t u = (uint64_t)x;
    if (x < 0) {
        gofmt_putc(b, '-');
        u = -u;
    }
    char buf[24];
    int i = 24;
    while (u >= 10) {
        buf[--i] = (char)('0' + u % 10);
        u /= 10;
    }
    buf[--i] = (char)('0' + u);
    for (int w = 24 - i; w < width; w++)
        gofmt_putc(b, '0');
    gofmt_put(b, buf + i, (size_t)(24 - i));
}

static void format_nano(GofmtBuf *b, int nanosec, const Chunk *c) {
    char buf[9];
    int u = nanosec;
    for (int k = 8; k >= 0; k--) {
        buf[k] = (char)('0' + u % 10);
        u /= 10;
    }
    int n = c->digits > 9 ? 9 : c->digits;
    if (c->std == STD_FRAC9) {
        while (n > 0 && buf[n - 1] == '0')
            n--;
        if (n == 0) return;
    }
    gofmt_putc(b, c->sep);
    gofmt_put(b, buf, (size_t)n);
}

static const char *const long_days[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};
static const char *const long_months[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

static void put_u64(GofmtBuf *b, uint64_t v) {
    char buf[24];
    size_t w = fmt_int(buf, sizeof buf, v);
    gofmt_put(b, buf + w, sizeof buf - w);
}

void gofmt_month_name(GofmtBuf *b, int64_t m) {
    if (m >= 1 && m <= 12) {
        gofmt_puts(b, long_months[m - 1]);
        return;
    }
    gofmt_puts(b, "%!Month(");
    put_u64(b, (uint64_t)m); /* Go formats uint64(m): -1 is 18446744073709551615 */
    gofmt_putc(b, ')');
}

void gofmt_weekday_name(GofmtBuf *b, int64_t d) {
    if (d >= 0 && d <= 6) {
        gofmt_puts(b, long_days[d]);
        return;
    }
    gofmt_puts(b, "%!Weekday(");
    put_u64(b, (uint64_t)d);
    gofmt_putc(b, ')');
}

void gofmt_time_format(GofmtBuf *b, int64_t unix_sec, int32_t nsec, const char *layout, size_t n) {
    GofmtCivil t = gofmt_civil(unix_sec, nsec);
    while (n > 0) {
        Chunk c = next_std_chunk(layout, n);
        gofmt_put(b, layout, c.prefix);
        if (c.std == STD_NONE) break;
        layout += c.next;
        n -= c.next;
        switch (c.std) {
        case STD_YEAR: append_int(b, (t.year < 0 ? -t.year : t.year) % 100, 2); break;
        case STD_LONG_YEAR: append_int(b, t.year, 4); break;
        case STD_MONTH: gofmt_put(b, long_months[t.month - 1], 3); break;
        case STD_LONG_MONTH: gofmt_puts(b, long_months[t.month - 1]); break;
        case STD_NUM_MONTH: append_int(b, t.month, 0); break;
        case STD_ZERO_MONTH: append_int(b, t.month, 2); break;
        case STD_WEEKDAY: gofmt_put(b, long_days[t.weekday], 3); break;
        case STD_LONG_WEEKDAY: gofmt_puts(b, long_days[t.weekday]); break;
        case STD_DAY: append_int(b, t.day, 0); break;
        case STD_UNDER_DAY:
            if (t.day < 10) gofmt_putc(b, ' ');
            append_int(b, t.day, 0);
            break;
        case STD_ZERO_DAY: append_int(b, t.day, 2); break;
        case STD_UNDER_YEAR_DAY:
            if (t.yday < 100) {
                gofmt_putc(b, ' ');
                if (t.yday < 10) gofmt_putc(b, ' ');
            }
            append_int(b, t.yday, 0);
            break;
        case STD_ZERO_YEAR_DAY: append_int(b, t.yday, 3); break;
        case STD_HOUR: append_int(b, t.hour, 2); break;
        case STD_HOUR12:
        case STD_ZERO_HOUR12: {
            int hr = t.hour % 12;
            if (hr == 0) hr = 12;
            append_int(b, hr, c.std == STD_HOUR12 ? 0 : 2);
            break;
        }
        case STD_MINUTE: append_int(b, t.min, 0); break;
        case STD_ZERO_MINUTE: append_int(b, t.min, 2); break;
        case STD_SECOND: append_int(b, t.sec, 0); break;
        case STD_ZERO_SECOND: append_int(b, t.sec, 2); break;
        case STD_PM: gofmt_puts(b, t.hour >= 12 ? "PM" : "AM"); break;
        case STD_pm: gofmt_puts(b, t.hour >= 12 ? "pm" : "am"); break;
        case STD_ISO_TZ:
        case STD_ISO_COLON_TZ:
        case STD_ISO_SECONDS_TZ:
        case STD_ISO_SHORT_TZ:
        case STD_ISO_COLON_SECONDS_TZ: gofmt_putc(b, 'Z'); break;
        case STD_NUM_TZ: gofmt_puts(b, "+0000"); break;
        case STD_NUM_COLON_TZ: gofmt_puts(b, "+00:00"); break;
        case STD_NUM_SECONDS_TZ: gofmt_puts(b, "+000000"); break;
        case STD_NUM_SHORT_TZ: gofmt_puts(b, "+00"); break;
        case STD_NUM_COLON_SECONDS_TZ: gofmt_puts(b, "+00:00:00"); break;
        case STD_TZ: gofmt_puts(b, "UTC"); break;
        case STD_FRAC0:
        case STD_FRAC9: format_nano(b, t.nsec, &c); break;
        }
    }
}

void gofmt_time_string(GofmtBuf *b, int64_t unix_sec, int32_t nsec, bool has_mono,
                       int64_t mono_ns) {
    static const char layout[] = "2006-01-02 15:04:05.999999999 -0700 MST";
    gofmt_time_format(b, unix_sec, nsec, layout, sizeof layout - 1);
    if (!has_mono) return;
    uint64_t m2 = (uint64_t)mono_ns;
    char sign = '+';
    if (mono_ns < 0) {
        sign = '-';
        m2 = -m2;
    }
    uint64_t m1 = m2 / 1000000000ull;
    m2 %= 1000000000ull;
    uint64_t m0 = m1 / 1000000000ull;
    m1 %= 1000000000ull;
    gofmt_puts(b, " m=");
    gofmt_putc(b, sign);
    int wid = 0;
    if (m0 != 0) {
        append_int(b, (int64_t)m0, 0);
        wid = 9;
    }
    append_int(b, (int64_t)m1, wid);
    gofmt_putc(b, '.');
    append_int(b, (int64_t)m2, 9);
}
