/* Unit tests for web/grafiek: the SVG and the table are well-formed
 * (every element closed, in order), caller text is escaped, an empty or
 * fully suppressed chart says "Geen gegevens", missing values break a
 * line, no style attribute is written, and Dutch numbers are formatted
 * with dots and a comma. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/grafiek.h"

struct uit {
	FILE *f;
	char *buf;
	size_t len;
};

static void uit_open(struct uit *u)
{
	u->buf = NULL;
	u->len = 0;
	u->f = open_memstream(&u->buf, &u->len);
	assert_non_null(u->f);
}

static char *uit_sluit(struct uit *u)
{
	assert_int_equal(fclose(u->f), 0);
	assert_non_null(u->buf);
	return u->buf;
}

/* A tiny XML well-formedness check: every start tag is closed in order,
 * self-closing tags are fine, no stray '<' or '&' in text (only the
 * entities html_txt writes). Returns 1 when well-formed. */
static int welgevormd(const char *s)
{
	char stapel[64][32];
	int diepte = 0;

	for (const char *p = s; *p; p++) {
		if (*p == '&') {
			if (strncmp(p, "&amp;", 5) && strncmp(p, "&lt;", 4) && strncmp(p, "&gt;", 4) &&
			    strncmp(p, "&quot;", 6) && strncmp(p, "&#39;", 5))
				return 0;
			continue;
		}
		if (*p != '<')
			continue;
		const char *e = strchr(p, '>');
		char naam[32];
		size_t n;
		bool sluit = p[1] == '/';

		if (!e)
			return 0;
		const char *b = p + (sluit ? 2 : 1);
		n = strcspn(b, " >/\n");
		if (n == 0 || n >= sizeof naam)
			return 0;
		memcpy(naam, b, n);
		naam[n] = '\0';
		for (const char *q = p + 1; q < e; q++)
			if (*q == '<')
				return 0;
		if (sluit) {
			if (diepte == 0 || strcmp(stapel[--diepte], naam) != 0)
				return 0;
		} else if (e[-1] != '/') {
			if (diepte == 64)
				return 0;
			snprintf(stapel[diepte++], sizeof stapel[0], "%s", naam);
		}
		p = e;
	}
	return diepte == 0;
}

static const char *const labels[] = { "2024-K1", "2024-K2", "<b>&K3" };

static struct grafiek voorbeeld(const struct grafiek_reeks *r, size_t nr)
{
	struct grafiek g = {
		.soort = GRAFIEK_LIJN, .id = "test", .titel = "Titel <met> & teken",
		.omschrijving = "Omschrijving \"x\"", .eenheid = " %", .decimalen = 1,
		.n_punten = 3, .labels = labels, .n_reeksen = nr, .reeksen = r,
		.met_doel = true, .doel = 8.3, .doel_naam = "Doel 2030",
	};
	return g;
}

static void test_lijn_welgevormd(void **state)
{
	double a[] = { 10.0, 12.5, 11.25 }, b[] = { 5.0, NAN, 7.0 };
	struct grafiek_reeks r[] = { { "Regio", a }, { "Leiden & co", b } };
	struct grafiek g = voorbeeld(r, 2);
	struct uit u;
	char *s;

	(void)state;
	uit_open(&u);
	assert_int_equal(grafiek_figuur(u.f, &g), 0);
	s = uit_sluit(&u);
	assert_true(welgevormd(s));
	assert_non_null(strstr(s, "<title id=\"test-titel\">Titel &lt;met&gt; &amp; teken</title>"));
	assert_non_null(strstr(s, "aria-labelledby=\"test-titel test-desc\""));
	assert_non_null(strstr(s, "role=\"img\""));
	assert_non_null(strstr(s, "Leiden &amp; co"));
	assert_non_null(strstr(s, "&lt;b&gt;&amp;K3"));
	assert_null(strstr(s, "<b>"));
	assert_null(strstr(s, "style="));
	/* Two paths; the missing middle value of b breaks its line: M, no L,
	 * then a new M. */
	assert_non_null(strstr(s, "stroke=\"#0072B2\""));
	assert_non_null(strstr(s, "stroke=\"#D55E00\""));
	assert_non_null(strstr(s, "stroke-dasharray=\"6 3\""));
	/* The table: raw values with a point, Dutch text with a comma. */
	assert_non_null(strstr(s, "<td class=\"getal\" data-waarde=\"12.50\">12,5 %</td>"));
	assert_non_null(strstr(s, "<td class=\"getal\" data-waarde=\"\">–</td>"));
	assert_non_null(strstr(s, "<th scope=\"col\">Regio</th>"));
	assert_non_null(strstr(s, "<th scope=\"row\">2024-K1</th>"));
	assert_non_null(strstr(s, "data-doel=\"8.30\""));
	free(s);
}

static void test_staaf(void **state)
{
	double a[] = { 50.0, 101.5, -3.0 };
	struct grafiek_reeks r[] = { { "Uitputting", a } };
	struct grafiek g = voorbeeld(r, 1);
	struct uit u;
	char *s;

	(void)state;
	g.soort = GRAFIEK_STAAF;
	uit_open(&u);
	assert_int_equal(grafiek_svg(u.f, &g), 0);
	s = uit_sluit(&u);
	assert_true(welgevormd(s));
	assert_int_equal((int)(strstr(s, "<rect") != NULL), 1);
	/* No negative heights. */
	assert_null(strstr(s, "height=\"-"));
	free(s);
}

static void test_leeg(void **state)
{
	double niets[] = { NAN, NAN, NAN };
	struct grafiek_reeks r[] = { { "Regio", niets } };
	struct grafiek g = voorbeeld(r, 1);
	struct uit u;
	char *s;

	(void)state;
	/* Every value missing. */
	uit_open(&u);
	assert_int_equal(grafiek_svg(u.f, &g), 0);
	s = uit_sluit(&u);
	assert_true(welgevormd(s));
	assert_non_null(strstr(s, "Geen gegevens"));
	free(s);
	/* No points, no series. */
	g.n_punten = 0;
	g.n_reeksen = 0;
	uit_open(&u);
	assert_int_equal(grafiek_figuur(u.f, &g), 0);
	s = uit_sluit(&u);
	assert_true(welgevormd(s));
	assert_non_null(strstr(s, "Geen gegevens"));
	free(s);
}

static void test_ongeldig(void **state)
{
	double a[] = { 1, 2, 3 };
	struct grafiek_reeks r[] = { { "R", a } };
	struct grafiek g = voorbeeld(r, 1);
	struct uit u;

	(void)state;
	uit_open(&u);
	g.decimalen = 9;
	assert_int_equal(grafiek_svg(u.f, &g), -1);
	g.decimalen = 1;
	g.n_reeksen = GRAFIEK_REEKSEN_MAX + 1;
	assert_int_equal(grafiek_tabel(u.f, &g), -1);
	g.n_reeksen = 1;
	g.id = NULL;
	assert_int_equal(grafiek_figuur(u.f, &g), -1);
	free(uit_sluit(&u));
}

static void test_getallen(void **state)
{
	char b[GRAFIEK_GETAL_LEN];

	(void)state;
	assert_string_equal(grafiek_nl(b, 1234.5, 1), "1.234,5");
	assert_string_equal(grafiek_nl(b, 12.45, 1), "12,5");
	assert_string_equal(grafiek_nl(b, -0.04, 1), "0,0");
	assert_string_equal(grafiek_nl(b, -1234567.0, 0), "-1.234.567");
	assert_string_equal(grafiek_nl(b, 0.05, 2), "0,05");
	assert_string_equal(grafiek_nl(b, NAN, 1), "–");
	assert_string_equal(grafiek_nl(b, 1e16, 0), "–");
	assert_string_equal(grafiek_nl_int(b, 10715), "10.715");
	assert_string_equal(grafiek_nl_int(b, 999), "999");
	assert_string_equal(grafiek_nl_int(b, INT64_MIN), "-9.223.372.036.854.775.808");
	assert_string_equal(grafiek_euro(b, 1071549), "€ 10.715");
	assert_string_equal(grafiek_euro(b, 1071550), "€ 10.716");
	assert_string_equal(grafiek_euro(b, -150), "€ -2");
	assert_string_equal(grafiek_euro(b, 0), "€ 0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lijn_welgevormd),
		cmocka_unit_test(test_staaf),
		cmocka_unit_test(test_leeg),
		cmocka_unit_test(test_ongeldig),
		cmocka_unit_test(test_getallen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
