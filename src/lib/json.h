/* json: a small streaming JSON writer onto a FILE*.
 *
 * Output is deterministic byte for byte: members come out in the order the
 * caller writes them, numbers are formatted without the C library's
 * locale-dependent conversions (json_fixed), and strings are escaped per
 * RFC 8259 (invalid UTF-8 becomes U+FFFD, so the output is always valid).
 * Pretty output indents by two spaces and ends with a newline.
 *
 * Usage: json_init, then values; inside an object every value is preceded
 * by json_key. Misuse (a value without a key in an object, unbalanced
 * ends, nesting deeper than JSON_MAX_DEPTH) and write errors are recorded
 * and reported by json_finish; the writer then stops writing.
 * The struct borrows the FILE*; it owns nothing.
 */
#ifndef JR_LIB_JSON_H
#define JR_LIB_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json {
	FILE *out;
	bool pretty;
	int depth;
	bool in_object[JSON_MAX_DEPTH];
	size_t count[JSON_MAX_DEPTH];   /* members written at each level */
	bool key_pending;               /* a key was written, its value not yet */
	bool done;                      /* the top-level value is complete */
	const char *fout;               /* first misuse or I/O error, or NULL */
};

void json_init(struct json *j, FILE *out, bool pretty);

void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);

/* The key of the next member of the current object. */
void json_key(struct json *j, const char *key);

/* s NULL writes null. */
void json_string(struct json *j, const char *s);
void json_int(struct json *j, int64_t v);
void json_uint(struct json *j, uint64_t v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);

/* v with exactly `decimals` digits after the point (0..9), rounded half
 * away from zero; -0 prints as 0; NaN, infinities and values beyond
 * ±9e18 / 10^decimals print as null. */
void json_fixed(struct json *j, double v, int decimals);

/* Write s as a quoted, escaped JSON string to out (no state); returns 0 or
 * -1 on a write error. Exposed for callers that build JSON by hand. */
int json_write_string(FILE *out, const char *s);

/* Returns 0 when one complete, balanced value was written without error;
 * -1 with a message in err otherwise. Flushes out. */
int json_finish(struct json *j, char *err, size_t errlen);

#endif
