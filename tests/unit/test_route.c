/* Unit tests for web/route: path normalisation (route_pad), its messages
 * (route_pad_melding) and route lookup (route_zoek). Expected values follow
 * route.h; where the header is silent the comment says "code:" and the test
 * pins what route.c does. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/route.h"

/* ---- helpers ------------------------------------------------------------ */

/* route_pad into a heap buffer of exactly ROUTE_PAD_MAX + 1 bytes, so ASan
 * catches a write past the end. The decoded path is copied to uit when the
 * result is ROUTE_PAD_GOED. */
static enum route_pad_fout pad(const char *ruw, char uit[ROUTE_PAD_MAX + 1])
{
	char *buf = malloc(ROUTE_PAD_MAX + 1);
	enum route_pad_fout f;

	assert_non_null(buf);
	f = route_pad(ruw, buf);
	if (f == ROUTE_PAD_GOED) {
		assert_true(strlen(buf) <= ROUTE_PAD_MAX);
		memcpy(uit, buf, strlen(buf) + 1);
	}
	free(buf);
	return f;
}

static void goed(const char *ruw, const char *verwacht)
{
	char uit[ROUTE_PAD_MAX + 1];

	if (pad(ruw, uit) != ROUTE_PAD_GOED)
		fail_msg("route_pad(\"%s\") refused", ruw);
	assert_string_equal(uit, verwacht);
}

static void fout(const char *ruw, enum route_pad_fout verwacht)
{
	char uit[ROUTE_PAD_MAX + 1];
	enum route_pad_fout f = pad(ruw, uit);

	if (f != verwacht)
		fail_msg("route_pad(\"%s\") = %d, expected %d", ruw, (int)f, (int)verwacht);
}

/* A string of n copies of s after prefix; the caller frees it. */
static char *herhaal(const char *prefix, const char *s, size_t n, const char *suffix)
{
	size_t lp = strlen(prefix), ls = strlen(s), lx = strlen(suffix);
	char *r = malloc(lp + n * ls + lx + 1);

	assert_non_null(r);
	memcpy(r, prefix, lp);
	for (size_t i = 0; i < n; i++)
		memcpy(r + lp + i * ls, s, ls);
	memcpy(r + lp + n * ls, suffix, lx + 1);
	return r;
}

/* Dummy handlers: only their identity matters. */
static enum web_uitslag h_start(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }
static enum web_uitslag h_gezond(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }
static enum web_uitslag h_css(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }
static enum web_uitslag h_lijst(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }
static enum web_uitslag h_nieuw(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }
static enum web_uitslag h_alle(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }
static enum web_uitslag h_een(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }
static enum web_uitslag h_wijzig(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }
static enum web_uitslag h_wijk(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }
static enum web_uitslag h_vier(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }
static enum web_uitslag h_vijf(struct web_verzoek *v) { (void)v; return WEB_KLAAR; }

/* The server's table (src/web/server.c) plus routes for the cases it lacks. */
static const struct route tabel[] = {
	{ "GET", "/", h_start, EIS_PUBLIEK },                                        /* 0 */
	{ "GET", "/gezondheid", h_gezond, EIS_PUBLIEK },                             /* 1 */
	{ "GET", "/static/jeugdregie.css", h_css, EIS_PUBLIEK },                     /* 2 */
	{ "GET", "/api/v1/gemeenten", h_lijst, EIS_PUBLIEK },                        /* 3 */
	{ "POST", "/api/v1/gemeenten", h_nieuw, EIS_PUBLIEK },                       /* 4 */
	{ "GET", "/api/v1/gemeenten/alle", h_alle, EIS_PUBLIEK },                    /* 5 */
	{ "GET", "/api/v1/gemeenten/{code}", h_een, EIS_PUBLIEK },                   /* 6 */
	{ "PUT", "/api/v1/gemeenten/{code}", h_wijzig, EIS_PUBLIEK },                /* 7 */
	{ "GET", "/api/v1/gemeenten/{code}/wijken/{wijk}", h_wijk, EIS_PUBLIEK },    /* 8 */
	{ "GET", "/p/{a}/{b}/{c}/{d}", h_vier, EIS_PUBLIEK },                        /* 9 */
	{ "GET", "/q/{a}/{b}/{c}/{d}/{e}", h_vijf, EIS_PUBLIEK },                    /* 10 */
	{ "POST", "/alleen-post", h_nieuw, EIS_PUBLIEK },                            /* 11 */
	{ "GET", "/kapot/{open", h_een, EIS_PUBLIEK },                               /* 12 */
};
#define N_TABEL (sizeof tabel / sizeof tabel[0])

struct zoek {
	enum route_uitkomst u;
	const struct route *r;
	char allow[ROUTE_ALLOW_MAX];
	struct web_verzoek v;
};

/* route_zoek with garbage in the out-parameters beforehand, so the test
 * sees what route_zoek itself writes. */
static void zoek_in(const struct route *t, size_t n, const char *methode, const char *pad_,
		    struct zoek *z)
{
	static const struct route sentinel = { "X", "/x", NULL, EIS_PUBLIEK };

	memset(z, 0, sizeof *z);
	memset(z->allow, 'Z', sizeof z->allow - 1);
	z->r = &sentinel;
	z->v.methode = methode;
	z->v.pad = pad_;
	z->v.body = "";
	for (int k = 0; k < ROUTE_PARAMS_MAX; k++)
		z->v.param[k] = "oud";
	z->u = route_zoek(t, n, &z->v, &z->r, z->allow);
	assert_true(strlen(z->allow) < ROUTE_ALLOW_MAX);
}

static void zoek(const char *methode, const char *pad_, struct zoek *z)
{
	zoek_in(tabel, N_TABEL, methode, pad_, z);
}

static void gevonden(const char *methode, const char *pad_, size_t index)
{
	struct zoek z;

	zoek(methode, pad_, &z);
	if (z.u != ROUTE_GEVONDEN)
		fail_msg("%s %s: uitkomst %d, expected GEVONDEN", methode, pad_, (int)z.u);
	assert_ptr_equal(z.r, &tabel[index]);
}

static void onbekend(const char *methode, const char *pad_)
{
	struct zoek z;

	zoek(methode, pad_, &z);
	if (z.u != ROUTE_ONBEKEND)
		fail_msg("%s %s: uitkomst %d, expected ONBEKEND", methode, pad_, (int)z.u);
	assert_null(z.r);
	assert_string_equal(z.allow, "");
	/* code: param[] is cleared when nothing is found. */
	for (int k = 0; k < ROUTE_PARAMS_MAX; k++)
		assert_null(z.v.param[k]);
}

static void methode(const char *m, const char *pad_, const char *allow)
{
	struct zoek z;

	zoek(m, pad_, &z);
	if (z.u != ROUTE_METHODE)
		fail_msg("%s %s: uitkomst %d, expected METHODE", m, pad_, (int)z.u);
	assert_null(z.r);
	assert_string_equal(z.allow, allow);
	/* code: param[] is cleared when nothing is found. */
	for (int k = 0; k < ROUTE_PARAMS_MAX; k++)
		assert_null(z.v.param[k]);
}

/* ---- route_pad: accepted -------------------------------------------------- */

static void test_pad_goed(void **state)
{
	(void)state;
	goed("/", "/");
	goed("/gezondheid", "/gezondheid");
	goed("/static/jeugdregie.css", "/static/jeugdregie.css");
	goed("/api/v1/gemeenten", "/api/v1/gemeenten");
	goed("/api/v1/gemeenten/GM0363", "/api/v1/gemeenten/GM0363");
	/* Names with dots that are not "." or ".." segments. */
	goed("/...", "/...");
	goed("/.well-known/x", "/.well-known/x");
	goed("/a.b/..c/c..", "/a.b/..c/c..");
	/* Characters that are not control characters pass untouched. */
	goed("/a b~!$&'()*+,;=:@-_", "/a b~!$&'()*+,;=:@-_");
}

static void test_pad_slash_achteraan(void **state)
{
	(void)state;
	/* route.h: a trailing slash is kept. */
	goed("/gezondheid/", "/gezondheid/");
	goed("/api/v1/", "/api/v1/");
	goed("/a/b/?x", "/a/b/");
}

static void test_pad_query_en_fragment(void **state)
{
	(void)state;
	/* route.h: the path runs up to '?' or '#'. */
	goed("/gezondheid?x=1", "/gezondheid");
	goed("/static/jeugdregie.css?v=abc123", "/static/jeugdregie.css");
	goed("/gezondheid#boven", "/gezondheid");
	goed("/?", "/");
	goed("/#", "/");
	goed("/a?b#c", "/a");
	goed("/a#b?c", "/a");
	/* code: what follows '?' or '#' is not inspected at all. */
	goed("/a?x=%zz/../%00//\\", "/a");
	goed("/a#%2F/./", "/a");
}

static void test_pad_decodering(void **state)
{
	(void)state;
	goed("/%67ezondheid", "/gezondheid");
	goed("/gez%6Fndheid", "/gezondheid");
	goed("/gez%6fndheid", "/gezondheid");
	goed("/%41%42%43", "/ABC");
	goed("/%61%62%63", "/abc");
	goed("/a%20b", "/a b");
	goed("/a%2eb", "/a.b");
	goed("/a%2Eb", "/a.b");
	goed("/%2e%2e%2e", "/...");
	/* An escaped '?' or '#' is part of the path, not its end. */
	goed("/a%3Fb", "/a?b");
	goed("/a%23b", "/a#b");
	/* Decoded once only: %25 becomes '%', which is not decoded again. */
	goed("/100%25", "/100%");
	goed("/%252F", "/%2F");
	goed("/%2525", "/%25");
	/* code: bytes >= 0x80 pass (raw or escaped); no UTF-8 check. */
	goed("/caf%C3%A9", "/caf\xC3\xA9");
	goed("/caf\xC3\xA9", "/caf\xC3\xA9");
	goed("/%FF", "/\xFF");
	/* code: the lowest accepted byte is ' ' (0x20), highest ASCII '~'. */
	goed("/%20%7E", "/ ~");
}

/* ---- route_pad: refused --------------------------------------------------- */

static void test_pad_geen_slash(void **state)
{
	(void)state;
	fout("", ROUTE_PAD_GEEN_SLASH);
	fout("gezondheid", ROUTE_PAD_GEEN_SLASH);
	fout("*", ROUTE_PAD_GEEN_SLASH);
	fout("?x=1", ROUTE_PAD_GEEN_SLASH);
	fout("http://localhost/gezondheid", ROUTE_PAD_GEEN_SLASH);
	fout(" /", ROUTE_PAD_GEEN_SLASH);
	/* code: the first raw byte must be '/'; an escaped one does not count. */
	fout("%2Fgezondheid", ROUTE_PAD_GEEN_SLASH);
	fout("\\gezondheid", ROUTE_PAD_GEEN_SLASH);
}

static void test_pad_geen_slash_leegt_uit(void **state)
{
	(void)state;
	char uit[ROUTE_PAD_MAX + 1];

	/* code: uit is "" after a GEEN_SLASH refusal. */
	memset(uit, 'x', sizeof uit);
	assert_int_equal(route_pad("abc", uit), ROUTE_PAD_GEEN_SLASH);
	assert_string_equal(uit, "");
}

static void test_pad_punt_deel(void **state)
{
	(void)state;
	fout("/.", ROUTE_PAD_PUNT_DEEL);
	fout("/..", ROUTE_PAD_PUNT_DEEL);
	fout("/./", ROUTE_PAD_PUNT_DEEL);
	fout("/../", ROUTE_PAD_PUNT_DEEL);
	fout("/a/.", ROUTE_PAD_PUNT_DEEL);
	fout("/a/..", ROUTE_PAD_PUNT_DEEL);
	fout("/a/./b", ROUTE_PAD_PUNT_DEEL);
	fout("/a/../b", ROUTE_PAD_PUNT_DEEL);
	fout("/../etc/passwd", ROUTE_PAD_PUNT_DEEL);
	fout("/static/../gezondheid", ROUTE_PAD_PUNT_DEEL);
	fout("/static/..?x", ROUTE_PAD_PUNT_DEEL);
	fout("/static/.#x", ROUTE_PAD_PUNT_DEEL);
	/* Escaped dots: route.h "escaped or not". */
	fout("/%2e", ROUTE_PAD_PUNT_DEEL);
	fout("/%2E", ROUTE_PAD_PUNT_DEEL);
	fout("/%2e%2e", ROUTE_PAD_PUNT_DEEL);
	fout("/%2E%2E", ROUTE_PAD_PUNT_DEEL);
	fout("/%2e%2e/", ROUTE_PAD_PUNT_DEEL);
	fout("/static/%2e%2e/gezondheid", ROUTE_PAD_PUNT_DEEL);
	fout("/.%2e", ROUTE_PAD_PUNT_DEEL);
	fout("/%2e.", ROUTE_PAD_PUNT_DEEL);
	fout("/a/%2e/b", ROUTE_PAD_PUNT_DEEL);
}

static void test_pad_leeg_deel(void **state)
{
	(void)state;
	fout("//", ROUTE_PAD_LEEG_DEEL);
	fout("//gezondheid", ROUTE_PAD_LEEG_DEEL);
	fout("/a//b", ROUTE_PAD_LEEG_DEEL);
	fout("/a//", ROUTE_PAD_LEEG_DEEL);
	fout("/a/b//", ROUTE_PAD_LEEG_DEEL);
	fout("///", ROUTE_PAD_LEEG_DEEL);
	fout("//?x", ROUTE_PAD_LEEG_DEEL);
}

static void test_pad_escape_slash(void **state)
{
	(void)state;
	/* route.h: an escaped '/' or '\\' is refused as ESCAPE. */
	fout("/a%2Fb", ROUTE_PAD_ESCAPE);
	fout("/a%2fb", ROUTE_PAD_ESCAPE);
	fout("/%2F", ROUTE_PAD_ESCAPE);
	fout("/..%2F..%2Fetc", ROUTE_PAD_ESCAPE);
	fout("/a%5Cb", ROUTE_PAD_ESCAPE);
	fout("/a%5cb", ROUTE_PAD_ESCAPE);
	fout("/%5C..%5C", ROUTE_PAD_ESCAPE);
}

static void test_pad_escape_ongeldig(void **state)
{
	(void)state;
	fout("/%G1", ROUTE_PAD_ESCAPE);
	fout("/%1G", ROUTE_PAD_ESCAPE);
	fout("/%g1", ROUTE_PAD_ESCAPE);
	fout("/%zz", ROUTE_PAD_ESCAPE);
	fout("/%", ROUTE_PAD_ESCAPE);
	fout("/a%", ROUTE_PAD_ESCAPE);
	fout("/a%4", ROUTE_PAD_ESCAPE);
	fout("/%%", ROUTE_PAD_ESCAPE);
	fout("/%%41", ROUTE_PAD_ESCAPE);
	fout("/% 1", ROUTE_PAD_ESCAPE);
	fout("/%-1", ROUTE_PAD_ESCAPE);
	fout("/%+1", ROUTE_PAD_ESCAPE);
	fout("/%x41", ROUTE_PAD_ESCAPE);
	/* code: an escape cut short by the query or fragment is bad too. */
	fout("/a%?x=1", ROUTE_PAD_ESCAPE);
	fout("/a%4?x=1", ROUTE_PAD_ESCAPE);
	fout("/a%#x", ROUTE_PAD_ESCAPE);
	fout("/a%/b", ROUTE_PAD_ESCAPE);
}

static void test_pad_teken(void **state)
{
	(void)state;
	/* route.h: NUL or another control character, or '\\'. */
	fout("/%00", ROUTE_PAD_TEKEN);
	fout("/gezondheid%00.css", ROUTE_PAD_TEKEN);
	fout("/%01", ROUTE_PAD_TEKEN);
	fout("/%09", ROUTE_PAD_TEKEN);
	fout("/%0a", ROUTE_PAD_TEKEN);
	fout("/%0D%0A", ROUTE_PAD_TEKEN);
	fout("/%1F", ROUTE_PAD_TEKEN);
	fout("/%1f", ROUTE_PAD_TEKEN);
	fout("/%7F", ROUTE_PAD_TEKEN);
	fout("/%7f", ROUTE_PAD_TEKEN);
	fout("/\x01", ROUTE_PAD_TEKEN);
	fout("/a\tb", ROUTE_PAD_TEKEN);
	fout("/a\nb", ROUTE_PAD_TEKEN);
	fout("/a\rb", ROUTE_PAD_TEKEN);
	fout("/\x1f", ROUTE_PAD_TEKEN);
	fout("/\x7f", ROUTE_PAD_TEKEN);
	/* A raw backslash. */
	fout("/a\\b", ROUTE_PAD_TEKEN);
	fout("/..\\..\\etc", ROUTE_PAD_TEKEN);
}

static void test_pad_eerste_fout_telt(void **state)
{
	(void)state;
	/* code: the path is read left to right and the first fault decides. */
	fout("/%00/../", ROUTE_PAD_TEKEN);
	fout("/../%00", ROUTE_PAD_PUNT_DEEL);
	fout("//%zz", ROUTE_PAD_LEEG_DEEL);
	fout("/%zz//", ROUTE_PAD_ESCAPE);
	fout("/%2F%00", ROUTE_PAD_ESCAPE);
}

/* ---- route_pad: length ------------------------------------------------------- */

static void test_pad_lengte(void **state)
{
	(void)state;
	char uit[ROUTE_PAD_MAX + 1];
	char *s;

	/* Exactly ROUTE_PAD_MAX bytes: accepted, and fills uit to the brim. */
	s = herhaal("/", "a", ROUTE_PAD_MAX - 1, "");
	assert_int_equal(strlen(s), ROUTE_PAD_MAX);
	assert_int_equal(pad(s, uit), ROUTE_PAD_GOED);
	assert_string_equal(uit, s);
	free(s);

	/* One more: refused. */
	s = herhaal("/", "a", ROUTE_PAD_MAX, "");
	fout(s, ROUTE_PAD_TE_LANG);
	free(s);

	/* Far more. */
	s = herhaal("/", "ab/", 4 * ROUTE_PAD_MAX, "");
	fout(s, ROUTE_PAD_TE_LANG);
	free(s);

	/* The query string does not count towards the length. */
	s = herhaal("/", "a", ROUTE_PAD_MAX - 1, "?");
	{
		char *t = herhaal(s, "q", 4 * ROUTE_PAD_MAX, "");

		assert_int_equal(pad(t, uit), ROUTE_PAD_GOED);
		assert_int_equal(strlen(uit), ROUTE_PAD_MAX);
		free(t);
	}
	free(s);
}

static void test_pad_lengte_gedecodeerd(void **state)
{
	(void)state;
	char uit[ROUTE_PAD_MAX + 1];
	char *s;

	/* code: the limit is on the decoded path, so 1023 escapes ("%61",
	 * 3069 raw bytes) plus the leading '/' are exactly ROUTE_PAD_MAX. */
	s = herhaal("/", "%61", ROUTE_PAD_MAX - 1, "");
	assert_int_equal(pad(s, uit), ROUTE_PAD_GOED);
	assert_int_equal(strlen(uit), ROUTE_PAD_MAX);
	assert_int_equal(uit[ROUTE_PAD_MAX - 1], 'a');
	free(s);

	s = herhaal("/", "%61", ROUTE_PAD_MAX, "");
	fout(s, ROUTE_PAD_TE_LANG);
	free(s);

	/* code: length is checked before the next byte is looked at, so an
	 * over-long path with a fault past the limit is TE_LANG. */
	s = herhaal("/", "a", ROUTE_PAD_MAX, "%zz");
	fout(s, ROUTE_PAD_TE_LANG);
	free(s);

	/* A dot segment just at the limit is still caught. */
	s = herhaal("/", "a", ROUTE_PAD_MAX - 4, "/..");
	assert_int_equal(strlen(s), ROUTE_PAD_MAX);
	fout(s, ROUTE_PAD_PUNT_DEEL);
	free(s);
}

/* ---- route_pad_melding ------------------------------------------------------- */

static void test_pad_melding(void **state)
{
	(void)state;
	static const enum route_pad_fout alle[] = {
		ROUTE_PAD_GOED, ROUTE_PAD_TE_LANG, ROUTE_PAD_GEEN_SLASH, ROUTE_PAD_ESCAPE,
		ROUTE_PAD_TEKEN, ROUTE_PAD_LEEG_DEEL, ROUTE_PAD_PUNT_DEEL,
	};
	const size_t n = sizeof alle / sizeof alle[0];

	for (size_t i = 0; i < n; i++) {
		const char *m = route_pad_melding(alle[i]);

		assert_non_null(m);
		assert_true(strlen(m) > 1);
		/* A sentence: code: each starts "Het pad" and ends with '.'. */
		assert_true(strncmp(m, "Het pad", 7) == 0);
		assert_int_equal(m[strlen(m) - 1], '.');
		/* A static string: the same pointer every time. */
		assert_ptr_equal(m, route_pad_melding(alle[i]));
		/* One sentence per refusal. */
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(m, route_pad_melding(alle[j]));
	}
	/* code: the specific sentences mention what is wrong. */
	assert_non_null(strstr(route_pad_melding(ROUTE_PAD_TE_LANG), "te lang"));
	assert_non_null(strstr(route_pad_melding(ROUTE_PAD_GEEN_SLASH), "/"));
	assert_non_null(strstr(route_pad_melding(ROUTE_PAD_ESCAPE), "%"));
	assert_non_null(strstr(route_pad_melding(ROUTE_PAD_LEEG_DEEL), "//"));
	assert_non_null(strstr(route_pad_melding(ROUTE_PAD_PUNT_DEEL), ".."));
}

static void test_pad_melding_onbekend(void **state)
{
	(void)state;
	/* code: a value outside the enum gets a generic sentence, not NULL. */
	const char *m = route_pad_melding((enum route_pad_fout)99);

	assert_non_null(m);
	assert_string_equal(m, "Het pad is ongeldig.");
}

/* ---- route_zoek: found ------------------------------------------------------- */

static void test_zoek_gevonden(void **state)
{
	(void)state;
	gevonden("GET", "/", 0);
	gevonden("GET", "/gezondheid", 1);
	gevonden("GET", "/static/jeugdregie.css", 2);
	gevonden("GET", "/api/v1/gemeenten", 3);
	gevonden("POST", "/api/v1/gemeenten", 4);
	gevonden("POST", "/alleen-post", 11);
}

static void test_zoek_head_is_get(void **state)
{
	(void)state;
	/* route.h: a GET route also answers HEAD. */
	gevonden("HEAD", "/", 0);
	gevonden("HEAD", "/gezondheid", 1);
	gevonden("HEAD", "/static/jeugdregie.css", 2);
	gevonden("HEAD", "/api/v1/gemeenten", 3);
	gevonden("HEAD", "/api/v1/gemeenten/GM0363", 6);
}

static void test_zoek_head_alleen_bij_get(void **state)
{
	(void)state;
	/* HEAD is not mapped onto a POST-only route. */
	methode("HEAD", "/alleen-post", "POST");
	/* HEAD does not mean GET for the other direction either. */
	{
		static const struct route alleen_head[] = { { "HEAD", "/h", h_start, EIS_PUBLIEK } };
		struct zoek z;

		zoek_in(alleen_head, 1, "GET", "/h", &z);
		assert_int_equal(z.u, ROUTE_METHODE);
		assert_string_equal(z.allow, "HEAD");
		zoek_in(alleen_head, 1, "HEAD", "/h", &z);
		assert_int_equal(z.u, ROUTE_GEVONDEN);
		assert_ptr_equal(z.r, &alleen_head[0]);
	}
}

static void test_zoek_eerste_wint(void **state)
{
	(void)state;
	/* code: the first matching entry in table order wins, so the literal
	 * "/api/v1/gemeenten/alle" (5) shadows "{code}" (6) for "alle". */
	gevonden("GET", "/api/v1/gemeenten/alle", 5);
	gevonden("GET", "/api/v1/gemeenten/allen", 6);
	/* ... but PUT on it reaches "{code}" (7). */
	gevonden("PUT", "/api/v1/gemeenten/alle", 7);
}

/* ---- route_zoek: {param} ----------------------------------------------------- */

static void test_zoek_param(void **state)
{
	(void)state;
	struct zoek z;

	zoek("GET", "/api/v1/gemeenten/GM0363", &z);
	assert_int_equal(z.u, ROUTE_GEVONDEN);
	assert_ptr_equal(z.r, &tabel[6]);
	assert_string_equal(z.v.param[0], "GM0363");
	/* The values live in v->param_buf. */
	assert_true(z.v.param[0] >= z.v.param_buf &&
		    z.v.param[0] < z.v.param_buf + sizeof z.v.param_buf);

	zoek("PUT", "/api/v1/gemeenten/GM0014", &z);
	assert_int_equal(z.u, ROUTE_GEVONDEN);
	assert_ptr_equal(z.r, &tabel[7]);
	assert_string_equal(z.v.param[0], "GM0014");

	/* Any non-empty segment, dots and spaces included. */
	zoek("GET", "/api/v1/gemeenten/a b.c", &z);
	assert_int_equal(z.u, ROUTE_GEVONDEN);
	assert_string_equal(z.v.param[0], "a b.c");
}

static void test_zoek_params_in_volgorde(void **state)
{
	(void)state;
	struct zoek z;

	zoek("GET", "/api/v1/gemeenten/GM0363/wijken/WK036300", &z);
	assert_int_equal(z.u, ROUTE_GEVONDEN);
	assert_ptr_equal(z.r, &tabel[8]);
	assert_string_equal(z.v.param[0], "GM0363");
	assert_string_equal(z.v.param[1], "WK036300");

	zoek("HEAD", "/p/1/twee/3/vier", &z);
	assert_int_equal(z.u, ROUTE_GEVONDEN);
	assert_ptr_equal(z.r, &tabel[9]);
	assert_string_equal(z.v.param[0], "1");
	assert_string_equal(z.v.param[1], "twee");
	assert_string_equal(z.v.param[2], "3");
	assert_string_equal(z.v.param[3], "vier");
}

static void test_zoek_param_lang(void **state)
{
	(void)state;
	struct zoek z;
	char *pad_ = herhaal("/api/v1/gemeenten/", "x", ROUTE_PAD_MAX - 18, "");

	/* A {param} as long as a path can make it still fits param_buf. */
	assert_int_equal(strlen(pad_), ROUTE_PAD_MAX);
	zoek("GET", pad_, &z);
	assert_int_equal(z.u, ROUTE_GEVONDEN);
	assert_ptr_equal(z.r, &tabel[6]);
	assert_int_equal(strlen(z.v.param[0]), ROUTE_PAD_MAX - 18);
	free(pad_);
}

static void test_zoek_param_geen_match(void **state)
{
	(void)state;
	/* A {naam} matches one non-empty segment: not zero, not two. */
	onbekend("GET", "/api/v1/gemeenten/");
	onbekend("GET", "/api/v1/gemeenten/GM0363/");
	onbekend("GET", "/api/v1/gemeenten/GM0363/extra");
	onbekend("GET", "/api/v1/gemeenten/GM0363/wijken");
	onbekend("GET", "/api/v1/gemeenten/GM0363/wijken/");
	onbekend("GET", "/api/v1/gemeenten/GM0363/wijken/WK01/x");
	onbekend("GET", "/p/1/2/3");
	onbekend("GET", "/p/1/2/3/4/5");
	/* code: a pattern with more than ROUTE_PARAMS_MAX {naam} segments
	 * never matches. */
	onbekend("GET", "/q/1/2/3/4/5");
	/* code: a "{" without "}" never matches. */
	onbekend("GET", "/kapot/x");
	onbekend("GET", "/kapot/{open");
}

/* ---- route_zoek: 405 --------------------------------------------------------- */

static void test_zoek_methode(void **state)
{
	(void)state;
	/* route.h: 405 with the methods that would have worked; a GET route
	 * brings HEAD (code: right after GET, in table order). */
	methode("POST", "/", "GET, HEAD");
	methode("POST", "/gezondheid", "GET, HEAD");
	methode("PUT", "/static/jeugdregie.css", "GET, HEAD");
	methode("DELETE", "/api/v1/gemeenten", "GET, HEAD, POST");
	methode("OPTIONS", "/api/v1/gemeenten", "GET, HEAD, POST");
	methode("GET", "/alleen-post", "POST");
	methode("DELETE", "/api/v1/gemeenten/GM0363", "GET, HEAD, PUT");
	/* Two GET routes match "alle" (5 and 6): GET and HEAD appear once. */
	methode("DELETE", "/api/v1/gemeenten/alle", "GET, HEAD, PUT");
	methode("POST", "/api/v1/gemeenten/GM0363/wijken/WK01", "GET, HEAD");
}

static void test_zoek_methode_hoofdletters(void **state)
{
	(void)state;
	/* code: methods are compared case-sensitively (HTTP says they are). */
	methode("get", "/gezondheid", "GET, HEAD");
	methode("head", "/gezondheid", "GET, HEAD");
	methode("", "/gezondheid", "GET, HEAD");
}

static void test_zoek_allow_dubbel(void **state)
{
	(void)state;
	static const struct route t[] = {
		{ "UNLOCK", "/d", h_start, EIS_PUBLIEK },
		{ "LOCK", "/d", h_start, EIS_PUBLIEK },
		{ "GETX", "/d", h_start, EIS_PUBLIEK },
		{ "GET", "/d", h_start, EIS_PUBLIEK },
		{ "LOCK", "/d", h_start, EIS_PUBLIEK },
		{ "GET", "/{x}", h_start, EIS_PUBLIEK },
		{ "HEAD", "/d", h_start, EIS_PUBLIEK },
	};
	struct zoek z;

	/* code: a method that is a suffix or prefix of one already listed
	 * is still added; an exact repeat is not. */
	zoek_in(t, sizeof t / sizeof t[0], "POST", "/d", &z);
	assert_int_equal(z.u, ROUTE_METHODE);
	assert_string_equal(z.allow, "UNLOCK, LOCK, GETX, GET, HEAD");
}

static void test_zoek_allow_vol(void **state)
{
	(void)state;
	/* Methods of 20 characters: four fit in ROUTE_ALLOW_MAX (86 bytes),
	 * the fifth would not. */
	static const struct route t[] = {
		{ "AAAAAAAAAAAAAAAAAAA1", "/v", h_start, EIS_PUBLIEK },
		{ "AAAAAAAAAAAAAAAAAAA2", "/v", h_start, EIS_PUBLIEK },
		{ "AAAAAAAAAAAAAAAAAAA3", "/v", h_start, EIS_PUBLIEK },
		{ "AAAAAAAAAAAAAAAAAAA4", "/v", h_start, EIS_PUBLIEK },
		{ "AAAAAAAAAAAAAAAAAAA5", "/v", h_start, EIS_PUBLIEK },
		{ "AAAAAAAAAAAAAAAAAAA6", "/v", h_start, EIS_PUBLIEK },
		{ "X", "/v", h_start, EIS_PUBLIEK },
	};
	struct zoek z;
	char *allow = malloc(ROUTE_ALLOW_MAX);   /* exact size, for ASan */
	const struct route *r = NULL;

	zoek_in(t, sizeof t / sizeof t[0], "GET", "/v", &z);
	assert_int_equal(z.u, ROUTE_METHODE);
	assert_null(strstr(z.allow, "A5"));
	assert_null(strstr(z.allow, "A6"));
	/* code: what does not fit is left out; a later shorter one still goes
	 * in; the text is always terminated within ROUTE_ALLOW_MAX. */
	assert_string_equal(z.allow, "AAAAAAAAAAAAAAAAAAA1, AAAAAAAAAAAAAAAAAAA2, "
			    "AAAAAAAAAAAAAAAAAAA3, AAAAAAAAAAAAAAAAAAA4, X");

	assert_non_null(allow);
	z.v.methode = "GET";
	z.v.pad = "/v";
	assert_int_equal(route_zoek(t, sizeof t / sizeof t[0], &z.v, &r, allow),
			 ROUTE_METHODE);
	assert_true(strlen(allow) < ROUTE_ALLOW_MAX);
	free(allow);
}

/* ---- route_zoek: 404 --------------------------------------------------------- */

static void test_zoek_onbekend(void **state)
{
	(void)state;
	onbekend("GET", "/onbekend");
	onbekend("GET", "/gezondheid/");          /* route.h: trailing slash is 404 */
	onbekend("GET", "/static/jeugdregie.css/");
	onbekend("GET", "/GEZONDHEID");           /* code: case-sensitive */
	onbekend("GET", "/gezondheidx");
	onbekend("GET", "/gezond");
	onbekend("GET", "/static");
	onbekend("GET", "/static/");
	onbekend("GET", "/api/v1");
	onbekend("GET", "/api");
	onbekend("GET", "/api/v1/gemeentenx");
	onbekend("POST", "/nergens");
	onbekend("HEAD", "/nergens");
	onbekend("DELETE", "/x/y/z");
	onbekend("GET", "");
}

static void test_zoek_lege_tabel(void **state)
{
	(void)state;
	struct zoek z;

	zoek_in(tabel, 0, "GET", "/", &z);
	assert_int_equal(z.u, ROUTE_ONBEKEND);
	assert_null(z.r);
	assert_string_equal(z.allow, "");
}

static void test_zoek_wist_oude_params(void **state)
{
	(void)state;
	struct zoek z;

	/* code: a failed lookup leaves param[] all NULL, even after a
	 * {param} pattern matched a prefix. */
	zoek("GET", "/api/v1/gemeenten/GM0363/wijken", &z);
	assert_int_equal(z.u, ROUTE_ONBEKEND);
	for (int k = 0; k < ROUTE_PARAMS_MAX; k++)
		assert_null(z.v.param[k]);
	zoek("DELETE", "/api/v1/gemeenten/GM0363", &z);
	assert_int_equal(z.u, ROUTE_METHODE);
	for (int k = 0; k < ROUTE_PARAMS_MAX; k++)
		assert_null(z.v.param[k]);
}

/* ---- route_pad + route_zoek together, as the server uses them ---------------- */

static void test_pad_dan_zoek(void **state)
{
	(void)state;
	static const struct {
		const char *ruw, *methode;
		enum route_uitkomst u;
		size_t index;
	} gevallen[] = {
		{ "/gezondheid?x=1", "GET", ROUTE_GEVONDEN, 1 },
		{ "/static/jeugdregie.css?v=abc", "HEAD", ROUTE_GEVONDEN, 2 },
		{ "/%67ezondheid", "GET", ROUTE_GEVONDEN, 1 },
		{ "/api/v1/gemeenten#x", "POST", ROUTE_GEVONDEN, 4 },
		{ "/gezondheid/", "GET", ROUTE_ONBEKEND, 0 },
		{ "/gezondheid%3F", "GET", ROUTE_ONBEKEND, 0 },
		{ "/gezondheid", "PATCH", ROUTE_METHODE, 0 },
	};
	char uit[ROUTE_PAD_MAX + 1];
	struct zoek z;

	for (size_t i = 0; i < sizeof gevallen / sizeof gevallen[0]; i++) {
		assert_int_equal(pad(gevallen[i].ruw, uit), ROUTE_PAD_GOED);
		zoek(gevallen[i].methode, uit, &z);
		assert_int_equal(z.u, gevallen[i].u);
		if (z.u == ROUTE_GEVONDEN)
			assert_ptr_equal(z.r, &tabel[gevallen[i].index]);
	}

	/* A decoded {param}. */
	assert_int_equal(pad("/api/v1/gemeenten/GM%200363%3F", uit), ROUTE_PAD_GOED);
	zoek("GET", uit, &z);
	assert_int_equal(z.u, ROUTE_GEVONDEN);
	assert_ptr_equal(z.r, &tabel[6]);
	assert_string_equal(z.v.param[0], "GM 0363?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pad_goed),
		cmocka_unit_test(test_pad_slash_achteraan),
		cmocka_unit_test(test_pad_query_en_fragment),
		cmocka_unit_test(test_pad_decodering),
		cmocka_unit_test(test_pad_geen_slash),
		cmocka_unit_test(test_pad_geen_slash_leegt_uit),
		cmocka_unit_test(test_pad_punt_deel),
		cmocka_unit_test(test_pad_leeg_deel),
		cmocka_unit_test(test_pad_escape_slash),
		cmocka_unit_test(test_pad_escape_ongeldig),
		cmocka_unit_test(test_pad_teken),
		cmocka_unit_test(test_pad_eerste_fout_telt),
		cmocka_unit_test(test_pad_lengte),
		cmocka_unit_test(test_pad_lengte_gedecodeerd),
		cmocka_unit_test(test_pad_melding),
		cmocka_unit_test(test_pad_melding_onbekend),
		cmocka_unit_test(test_zoek_gevonden),
		cmocka_unit_test(test_zoek_head_is_get),
		cmocka_unit_test(test_zoek_head_alleen_bij_get),
		cmocka_unit_test(test_zoek_eerste_wint),
		cmocka_unit_test(test_zoek_param),
		cmocka_unit_test(test_zoek_params_in_volgorde),
		cmocka_unit_test(test_zoek_param_lang),
		cmocka_unit_test(test_zoek_param_geen_match),
		cmocka_unit_test(test_zoek_methode),
		cmocka_unit_test(test_zoek_methode_hoofdletters),
		cmocka_unit_test(test_zoek_allow_dubbel),
		cmocka_unit_test(test_zoek_allow_vol),
		cmocka_unit_test(test_zoek_onbekend),
		cmocka_unit_test(test_zoek_lege_tabel),
		cmocka_unit_test(test_zoek_wist_oude_params),
		cmocka_unit_test(test_pad_dan_zoek),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
