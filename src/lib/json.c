/* json: see json.h. */
#include "lib/json.h"

#include <math.h>
#include <string.h>

void json_init(struct json *j, FILE *out, bool pretty)
{
	memset(j, 0, sizeof *j);
	j->out = out;
	j->pretty = pretty;
}

static bool failed(struct json *j, const char *why)
{
	if (!j->fout)
		j->fout = why;
	return false;
}

static void newline_indent(struct json *j)
{
	if (!j->pretty)
		return;
	fputc('\n', j->out);
	for (int i = 0; i < j->depth; i++)
		fputs("  ", j->out);
}

/* Everything a value needs before it: the separator and indentation, or
 * nothing after a key. Returns false (and records why) on misuse. */
static bool value_start(struct json *j)
{
	if (j->fout)
		return false;
	if (j->done)
		return failed(j, "meer dan een waarde op het hoogste niveau");
	if (j->depth == 0)
		return true;
	if (j->in_object[j->depth - 1]) {
		if (!j->key_pending)
			return failed(j, "waarde zonder sleutel in een object");
		j->key_pending = false;
		return true;
	}
	if (j->count[j->depth - 1]++ > 0)
		fputc(',', j->out);
	newline_indent(j);
	return true;
}

/* After a scalar or a closed container: at depth 0 the document is done. */
static void value_end(struct json *j)
{
	if (j->depth == 0) {
		j->done = true;
		if (j->pretty)
			fputc('\n', j->out);
	}
}

static void open_container(struct json *j, bool object)
{
	if (!value_start(j))
		return;
	if (j->depth >= JSON_MAX_DEPTH) {
		failed(j, "te diep genest");
		return;
	}
	fputc(object ? '{' : '[', j->out);
	j->in_object[j->depth] = object;
	j->count[j->depth] = 0;
	j->depth++;
}

static void close_container(struct json *j, bool object)
{
	if (j->fout)
		return;
	if (j->depth == 0 || j->in_object[j->depth - 1] != object) {
		failed(j, "einde zonder passend begin");
		return;
	}
	if (j->key_pending) {
		failed(j, "sleutel zonder waarde");
		return;
	}
	j->depth--;
	if (j->count[j->depth] > 0)
		newline_indent(j);
	fputc(object ? '}' : ']', j->out);
	value_end(j);
}

void json_object_begin(struct json *j) { open_container(j, true); }
void json_object_end(struct json *j) { close_container(j, true); }
void json_array_begin(struct json *j) { open_container(j, false); }
void json_array_end(struct json *j) { close_container(j, false); }

void json_key(struct json *j, const char *key)
{
	if (j->fout)
		return;
	if (j->depth == 0 || !j->in_object[j->depth - 1]) {
		failed(j, "sleutel buiten een object");
		return;
	}
	if (j->key_pending) {
		failed(j, "twee sleutels achter elkaar");
		return;
	}
	if (!key) {
		failed(j, "sleutel is NULL");
		return;
	}
	if (j->count[j->depth - 1]++ > 0)
		fputc(',', j->out);
	newline_indent(j);
	json_write_string(j->out, key);
	fputs(j->pretty ? ": " : ":", j->out);
	j->key_pending = true;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when the bytes
 * there are not one (overlong, surrogate, beyond U+10FFFF, truncated). */
static size_t utf8_len(const unsigned char *s)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4;
	else
		return 0;
	/* The second byte's range rules out overlongs and surrogates. */
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return n;
}

int json_write_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', out);
	while (*p) {
		size_t n = utf8_len(p);

		if (n == 0) {
			fputs("\\ufffd", out);
			p++;
			continue;
		}
		if (n == 1) {
			switch (*p) {
			case '"': fputs("\\\"", out); break;
			case '\\': fputs("\\\\", out); break;
			case '\b': fputs("\\b", out); break;
			case '\f': fputs("\\f", out); break;
			case '\n': fputs("\\n", out); break;
			case '\r': fputs("\\r", out); break;
			case '\t': fputs("\\t", out); break;
			default:
				if (*p < 0x20 || *p == 0x7F)
					fprintf(out, "\\u%04x", *p);
				else
					fputc(*p, out);
			}
			p++;
			continue;
		}
		/* U+2028/2029 are valid JSON but end a line in JavaScript. */
		if (n == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
			fputs(p[2] == 0xA8 ? "\\u2028" : "\\u2029", out);
		} else {
			fwrite(p, 1, n, out);
		}
		p += n;
	}
	fputc('"', out);
	return ferror(out) ? -1 : 0;
}

void json_string(struct json *j, const char *s)
{
	if (!s) {
		json_null(j);
		return;
	}
	if (!value_start(j))
		return;
	json_write_string(j->out, s);
	value_end(j);
}

void json_int(struct json *j, int64_t v)
{
	if (!value_start(j))
		return;
	fprintf(j->out, "%lld", (long long)v);
	value_end(j);
}

void json_uint(struct json *j, uint64_t v)
{
	if (!value_start(j))
		return;
	fprintf(j->out, "%llu", (unsigned long long)v);
	value_end(j);
}

void json_bool(struct json *j, bool v)
{
	if (!value_start(j))
		return;
	fputs(v ? "true" : "false", j->out);
	value_end(j);
}

void json_null(struct json *j)
{
	if (!value_start(j))
		return;
	fputs("null", j->out);
	value_end(j);
}

void json_fixed(struct json *j, double v, int decimals)
{
	static const int64_t pow10[] = {
		1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
		100000000, 1000000000,
	};
	int64_t scale, whole, frac;
	double scaled;
	bool neg;

	if (decimals < 0 || decimals > 9) {
		failed(j, "json_fixed: aantal decimalen buiten 0..9");
		return;
	}
	scale = pow10[decimals];
	scaled = v * (double)scale;
	/* Integer arithmetic from here on: no printf of a double, so no
	 * locale and no libc differences in rounding. */
	if (!isfinite(scaled) || fabs(scaled) >= 9e18) {
		json_null(j);
		return;
	}
	scaled = round(scaled);
	neg = scaled < 0;
	whole = (int64_t)fabs(scaled);
	if (!value_start(j))
		return;
	frac = whole % scale;
	whole /= scale;
	if (neg && (whole != 0 || frac != 0))
		fputc('-', j->out);
	fprintf(j->out, "%lld", (long long)whole);
	if (decimals > 0)
		fprintf(j->out, ".%0*lld", decimals, (long long)frac);
	value_end(j);
}

int json_finish(struct json *j, char *err, size_t errlen)
{
	if (!j->fout && !j->done)
		j->fout = "onvolledig document";
	if (fflush(j->out) != 0 || ferror(j->out))
		if (!j->fout)
			j->fout = "schrijffout";
	if (j->fout) {
		snprintf(err, errlen, "JSON: %s", j->fout);
		return -1;
	}
	return 0;
}
