/* grafiek: see grafiek.h. */
#include "web/grafiek.h"

#include <math.h>
#include <string.h>

#include "web/asset.h"
#include "web/html.h"

/* The drawing area, in SVG user units (the svg scales to its box). */
#define BREEDTE 640
#define HOOGTE 300
#define LINKS 64
#define RECHTS 16
#define BOVEN 16
#define ONDER 56
#define LEGENDA_REGEL 18

/* Okabe-Ito, in an order that keeps neighbours far apart. */
static const char *const kleur[GRAFIEK_REEKSEN_MAX] = {
	"#0072B2", "#D55E00", "#009E73", "#E69F00",
	"#CC79A7", "#56B4E9", "#000000", "#F0E442",
};
static const char *const streep[GRAFIEK_REEKSEN_MAX] = {
	"", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3", "8 3 2 3",
};

/* ---- Dutch numbers ---------------------------------------------------- */

/* The digits of u with a dot every three. */
static void groepen(char *out, size_t n, uint64_t u)
{
	char d[24];
	int k = snprintf(d, sizeof d, "%llu", (unsigned long long)u);
	size_t o = 0;

	for (int i = 0; i < k && o + 1 < n; i++) {
		if (i > 0 && (k - i) % 3 == 0 && o + 2 < n)
			out[o++] = '.';
		out[o++] = d[i];
	}
	out[o] = '\0';
}

char *grafiek_nl(char buf[GRAFIEK_GETAL_LEN], double v, int decimalen)
{
	static const int64_t macht[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
	char heel[28];
	int64_t m, schaal;
	uint64_t u;

	if (decimalen < 0)
		decimalen = 0;
	if (decimalen > 6)
		decimalen = 6;
	if (!isfinite(v) || fabs(v) >= 1e15) {
		snprintf(buf, GRAFIEK_GETAL_LEN, "–");
		return buf;
	}
	schaal = macht[decimalen];
	m = llround(v * (double)schaal);
	u = m < 0 ? (uint64_t)0 - (uint64_t)m : (uint64_t)m;
	groepen(heel, sizeof heel, u / (uint64_t)schaal);
	if (decimalen == 0)
		snprintf(buf, GRAFIEK_GETAL_LEN, "%s%s", m < 0 ? "-" : "", heel);
	else
		snprintf(buf, GRAFIEK_GETAL_LEN, "%s%s,%0*u", m < 0 ? "-" : "", heel, decimalen,
			 (unsigned)(u % (uint64_t)schaal));
	return buf;
}

char *grafiek_nl_int(char buf[GRAFIEK_GETAL_LEN], int64_t v)
{
	char heel[28];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	groepen(heel, sizeof heel, u);
	snprintf(buf, GRAFIEK_GETAL_LEN, "%s%s", v < 0 ? "-" : "", heel);
	return buf;
}

char *grafiek_euro(char buf[GRAFIEK_GETAL_LEN], int64_t cent)
{
	char heel[28];
	int64_t euro = cent / 100, rest = cent % 100;

	if (rest >= 50)
		euro++;
	else if (rest <= -50)
		euro--;
	groepen(heel, sizeof heel, euro < 0 ? (uint64_t)0 - (uint64_t)euro : (uint64_t)euro);
	if (euro < 0) {
		snprintf(buf, GRAFIEK_GETAL_LEN, "€ -%s", heel);
		return buf;
	}
	snprintf(buf, GRAFIEK_GETAL_LEN, "€ %s", heel);
	return buf;
}

void grafiek_scripts(FILE *f)
{
	fprintf(f, "<script src=\"%s\" defer></script>\n<script src=\"%s\" defer></script>\n",
		asset_url("chart.umd.min.js"), asset_url("grafiek.js"));
}

/* ---- checks ----------------------------------------------------------- */

static bool geldig(const struct grafiek *g)
{
	if (g->n_punten > GRAFIEK_PUNTEN_MAX || g->n_reeksen > GRAFIEK_REEKSEN_MAX ||
	    g->decimalen < 0 || g->decimalen > 3 || !g->id)
		return false;
	if (g->n_punten && !g->labels)
		return false;
	if (g->n_reeksen && !g->reeksen)
		return false;
	for (size_t r = 0; r < g->n_reeksen; r++)
		if (g->n_punten && !g->reeksen[r].waarden)
			return false;
	return true;
}

static const char *soort_naam(enum grafiek_soort s)
{
	switch (s) {
	case GRAFIEK_LIJN:
		return "lijn";
	case GRAFIEK_STAAF:
		return "staaf";
	}
	return "lijn";
}

/* A value with the unit, for labels and cells. */
static void waarde_tekst(char *buf, size_t n, const struct grafiek *g, double v)
{
	char getal[GRAFIEK_GETAL_LEN];

	grafiek_nl(getal, v, g->decimalen);
	if (!isfinite(v))
		snprintf(buf, n, "–");
	else
		snprintf(buf, n, "%s%s", getal, g->eenheid ? g->eenheid : "");
}

/* The tooltip of value i of series r: "series, label: value". */
static void titel(FILE *f, const struct grafiek *g, size_t r, size_t i)
{
	char t[64];

	waarde_tekst(t, sizeof t, g, g->reeksen[r].waarden[i]);
	fputs("<title>", f);
	html_txt(f, g->reeksen[r].naam);
	fputs(", ", f);
	html_txt(f, g->labels[i]);
	fputs(": ", f);
	html_txt(f, t);
	fputs("</title>", f);
}

/* ---- scale ------------------------------------------------------------- */

/* A "nice" step (1, 2 or 5 times a power of ten) for about 5 ticks. */
static double mooie_stap(double bereik)
{
	double ruw = bereik / 5.0, p, f;

	if (!(ruw > 0))
		return 1.0;
	p = pow(10.0, floor(log10(ruw)));
	f = ruw / p;
	return (f <= 1.0 ? 1.0 : f <= 2.0 ? 2.0 : f <= 5.0 ? 5.0 : 10.0) * p;
}

struct schaal {
	double min, max, stap;
};

static bool bepaal_schaal(const struct grafiek *g, struct schaal *s)
{
	bool iets = false;
	double lo = 0.0, hi = 0.0;

	for (size_t r = 0; r < g->n_reeksen; r++)
		for (size_t i = 0; i < g->n_punten; i++) {
			double v = g->reeksen[r].waarden[i];

			if (!isfinite(v))
				continue;
			if (!iets || v < lo)
				lo = v;
			if (!iets || v > hi)
				hi = v;
			iets = true;
		}
	if (!iets)
		return false;
	if (g->met_doel && isfinite(g->doel)) {
		lo = fmin(lo, g->doel);
		hi = fmax(hi, g->doel);
	}
	/* Bars and shares start at zero; so do lines of non-negative
	 * figures, so that a small change does not look like a big one. */
	if (lo > 0)
		lo = 0;
	if (hi <= lo)
		hi = lo + 1.0;
	s->stap = mooie_stap(hi - lo);
	s->min = floor(lo / s->stap) * s->stap;
	s->max = ceil(hi / s->stap) * s->stap;
	if (s->max <= s->min)
		s->max = s->min + s->stap;
	return true;
}

static long y_pos(const struct schaal *s, double v)
{
	double h = HOOGTE - BOVEN - ONDER;

	return lround(BOVEN + h - (v - s->min) / (s->max - s->min) * h);
}

/* Centre of point i of n across the plot width. */
static long x_pos(size_t i, size_t n)
{
	double w = BREEDTE - LINKS - RECHTS;

	return lround(LINKS + w * ((double)i + 0.5) / (double)n);
}

/* ---- svg ---------------------------------------------------------------- */

static void svg_begin(FILE *f, const struct grafiek *g, int hoogte)
{
	fprintf(f, "<svg class=\"grafiek-svg\" xmlns=\"http://www.w3.org/2000/svg\" "
		"viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
		"aria-labelledby=\"", BREEDTE, hoogte, BREEDTE, hoogte);
	html_attr(f, g->id);
	fputs("-titel ", f);
	html_attr(f, g->id);
	fputs("-desc\" preserveAspectRatio=\"xMinYMin meet\">\n<title id=\"", f);
	html_attr(f, g->id);
	fputs("-titel\">", f);
	html_txt(f, g->titel);
	fputs("</title>\n<desc id=\"", f);
	html_attr(f, g->id);
	fputs("-desc\">", f);
	html_txt(f, g->omschrijving);
	fputs("</desc>\n", f);
}

static void as_y(FILE *f, const struct grafiek *g, const struct schaal *s)
{
	char t[64];

	for (double v = s->min; v <= s->max + s->stap / 2; v += s->stap) {
		long y = y_pos(s, v);

		fprintf(f, "<line class=\"raster\" x1=\"%d\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\" "
			"stroke=\"#d0d7de\" stroke-width=\"1\"/>\n", LINKS, y, BREEDTE - RECHTS, y);
		waarde_tekst(t, sizeof t, g, fabs(v) < s->stap / 1e6 ? 0.0 : v);
		fprintf(f, "<text x=\"%d\" y=\"%ld\" text-anchor=\"end\" font-size=\"12\" "
			"fill=\"#1b1b1b\">", LINKS - 6, y + 4);
		html_txt(f, t);
		fputs("</text>\n", f);
	}
}

static void as_x(FILE *f, const struct grafiek *g)
{
	/* At most about 8 labels, so they do not overlap. */
	size_t elke = g->n_punten > 8 ? (g->n_punten + 7) / 8 : 1;

	fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1b1b1b\" "
		"stroke-width=\"1\"/>\n", LINKS, HOOGTE - ONDER, BREEDTE - RECHTS, HOOGTE - ONDER);
	for (size_t i = 0; i < g->n_punten; i++) {
		if ((g->n_punten - 1 - i) % elke != 0)
			continue;
		fprintf(f, "<text x=\"%ld\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" "
			"fill=\"#1b1b1b\">", x_pos(i, g->n_punten), HOOGTE - ONDER + 18);
		html_txt(f, g->labels[i]);
		fputs("</text>\n", f);
	}
}

/* A marker of series r (a different shape per series). */
static void marker(FILE *f, size_t r, long x, long y)
{
	const char *k = kleur[r];

	switch (r % 4) {
	case 0:
		fprintf(f, "<circle cx=\"%ld\" cy=\"%ld\" r=\"4\" fill=\"%s\"/>", x, y, k);
		break;
	case 1:
		fprintf(f, "<rect x=\"%ld\" y=\"%ld\" width=\"8\" height=\"8\" fill=\"%s\"/>",
			x - 4, y - 4, k);
		break;
	case 2:
		fprintf(f, "<path d=\"M%ld %ldL%ld %ldL%ld %ldZ\" fill=\"%s\"/>", x, y - 5,
			x + 5, y + 4, x - 5, y + 4, k);
		break;
	default:
		fprintf(f, "<path d=\"M%ld %ldL%ld %ldL%ld %ldL%ld %ldZ\" fill=\"%s\"/>", x, y - 5,
			x + 5, y, x, y + 5, x - 5, y, k);
		break;
	}
}

static bool heeft_waarde(const struct grafiek *g, size_t r)
{
	for (size_t i = 0; i < g->n_punten; i++)
		if (isfinite(g->reeksen[r].waarden[i]))
			return true;
	return false;
}

static void lijnen(FILE *f, const struct grafiek *g, const struct schaal *s)
{
	for (size_t r = 0; r < g->n_reeksen; r++) {
		const double *w = g->reeksen[r].waarden;
		bool open = false;

		if (!heeft_waarde(g, r))
			continue;
		/* One path; a missing value breaks the line (a new M). */
		fputs("<g class=\"reeks\">\n<path fill=\"none\" d=\"", f);
		for (size_t i = 0; i < g->n_punten; i++) {
			if (!isfinite(w[i])) {
				open = false;
				continue;
			}
			fprintf(f, "%s%ld %ld", open ? "L" : "M", x_pos(i, g->n_punten),
				y_pos(s, w[i]));
			open = true;
		}
		fprintf(f, "\" stroke=\"%s\" stroke-width=\"2.5\"%s%s%s/>\n", kleur[r],
			streep[r][0] ? " stroke-dasharray=\"" : "", streep[r],
			streep[r][0] ? "\"" : "");
		for (size_t i = 0; i < g->n_punten; i++) {
			if (!isfinite(w[i]))
				continue;
			fputs("<g>", f);
			marker(f, r, x_pos(i, g->n_punten), y_pos(s, w[i]));
			titel(f, g, r, i);
			fputs("</g>\n", f);
		}
		fputs("</g>\n", f);
	}
}

static void staven(FILE *f, const struct grafiek *g, const struct schaal *s)
{
	double groep = (double)(BREEDTE - LINKS - RECHTS) / (double)g->n_punten;
	double breed = groep * 0.8 / (double)(g->n_reeksen ? g->n_reeksen : 1);
	long nul = y_pos(s, 0.0 < s->min ? s->min : 0.0);

	for (size_t r = 0; r < g->n_reeksen; r++) {
		fputs("<g class=\"reeks\">\n", f);
		for (size_t i = 0; i < g->n_punten; i++) {
			double v = g->reeksen[r].waarden[i];
			long x, y, h;

			if (!isfinite(v))
				continue;
			x = lround(LINKS + groep * (double)i + groep * 0.1 + breed * (double)r);
			y = y_pos(s, v);
			h = nul - y;
			if (h < 0) {
				y = nul;
				h = -h;
			}
			fprintf(f, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"%ld\" "
				"fill=\"%s\"%s>", x, y, lround(breed) > 1 ? lround(breed) - 1 : 1, h,
				kleur[r], r % 2 ? " fill-opacity=\"0.85\" stroke=\"#1b1b1b\" "
				"stroke-width=\"1\"" : "");
			titel(f, g, r, i);
			fputs("</rect>\n", f);
		}
		fputs("</g>\n", f);
	}
}

static void doel_lijn(FILE *f, const struct grafiek *g, const struct schaal *s)
{
	long y;

	if (!g->met_doel || !isfinite(g->doel))
		return;
	y = y_pos(s, g->doel);
	fprintf(f, "<line class=\"doel\" x1=\"%d\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\" "
		"stroke=\"#1b1b1b\" stroke-width=\"1.5\" stroke-dasharray=\"4 4\"/>\n",
		LINKS, y, BREEDTE - RECHTS, y);
}

static void legenda(FILE *f, const struct grafiek *g)
{
	long x = LINKS, y = HOOGTE - ONDER + 40;

	for (size_t r = 0; r < g->n_reeksen; r++) {
		if (g->soort == GRAFIEK_LIJN)
			fprintf(f, "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"%s\" "
				"stroke-width=\"2.5\"%s%s%s/>", x, y - 4, x + 24, y - 4, kleur[r],
				streep[r][0] ? " stroke-dasharray=\"" : "", streep[r],
				streep[r][0] ? "\"" : "");
		else
			fprintf(f, "<rect x=\"%ld\" y=\"%ld\" width=\"16\" height=\"10\" fill=\"%s\"/>",
				x, y - 9, kleur[r]);
		fprintf(f, "<text x=\"%ld\" y=\"%ld\" font-size=\"12\" fill=\"#1b1b1b\">", x + 30, y);
		html_txt(f, g->reeksen[r].naam);
		fputs("</text>\n", f);
		x += 40 + 7 * (long)strlen(g->reeksen[r].naam ? g->reeksen[r].naam : "");
	}
	if (g->met_doel && isfinite(g->doel)) {
		fprintf(f, "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"#1b1b1b\" "
			"stroke-width=\"1.5\" stroke-dasharray=\"4 4\"/>", x, y - 4, x + 24, y - 4);
		fprintf(f, "<text x=\"%ld\" y=\"%ld\" font-size=\"12\" fill=\"#1b1b1b\">", x + 30, y);
		html_txt(f, g->doel_naam ? g->doel_naam : "Doel");
		fputs("</text>\n", f);
	}
}

int grafiek_svg(FILE *f, const struct grafiek *g)
{
	struct schaal s;

	if (!geldig(g))
		return -1;
	if (g->n_punten == 0 || g->n_reeksen == 0 || !bepaal_schaal(g, &s)) {
		svg_begin(f, g, 60);
		fputs("<text x=\"16\" y=\"36\" font-size=\"14\" fill=\"#1b1b1b\">Geen gegevens"
		      "</text>\n</svg>\n", f);
		return ferror(f) ? -1 : 0;
	}
	svg_begin(f, g, HOOGTE);
	as_y(f, g, &s);
	switch (g->soort) {
	case GRAFIEK_LIJN:
		lijnen(f, g, &s);
		break;
	case GRAFIEK_STAAF:
		staven(f, g, &s);
		break;
	}
	doel_lijn(f, g, &s);
	as_x(f, g);
	legenda(f, g);
	fputs("</svg>\n", f);
	return ferror(f) ? -1 : 0;
}

/* The raw value for data-waarde: a decimal point, enough digits. */
static void ruw(char *buf, size_t n, double v, int decimalen)
{
	char nl[GRAFIEK_GETAL_LEN];
	char *k;

	if (!isfinite(v)) {
		buf[0] = '\0';
		return;
	}
	grafiek_nl(nl, v, decimalen + 1);
	/* Drop the thousands dots, turn the comma into a point. */
	k = buf;
	for (const char *p = nl; *p && (size_t)(k - buf) + 1 < n; p++) {
		if (*p == '.')
			continue;
		*k++ = *p == ',' ? '.' : *p;
	}
	*k = '\0';
}

int grafiek_tabel(FILE *f, const struct grafiek *g)
{
	char t[64], r[GRAFIEK_GETAL_LEN];

	if (!geldig(g))
		return -1;
	fputs("<table class=\"grafiek-tabel\">\n<caption>", f);
	html_txt(f, g->titel);
	fputs("</caption>\n<thead><tr><th scope=\"col\">Periode</th>", f);
	for (size_t k = 0; k < g->n_reeksen; k++) {
		fputs("<th scope=\"col\">", f);
		html_txt(f, g->reeksen[k].naam);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < g->n_punten; i++) {
		fputs("<tr><th scope=\"row\">", f);
		html_txt(f, g->labels[i]);
		fputs("</th>", f);
		for (size_t k = 0; k < g->n_reeksen; k++) {
			double v = g->reeksen[k].waarden[i];

			ruw(r, sizeof r, v, g->decimalen);
			waarde_tekst(t, sizeof t, g, v);
			fprintf(f, "<td class=\"getal\" data-waarde=\"%s\">", r);
			html_txt(f, t);
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	if (g->n_punten == 0) {
		fprintf(f, "<tr><td colspan=\"%zu\">Geen gegevens</td></tr>\n", g->n_reeksen + 1);
	}
	fputs("</tbody>\n</table>\n", f);
	return ferror(f) ? -1 : 0;
}

int grafiek_figuur(FILE *f, const struct grafiek *g)
{
	char doel[GRAFIEK_GETAL_LEN];

	if (!geldig(g))
		return -1;
	fputs("<figure class=\"grafiek\" id=\"", f);
	html_attr(f, g->id);
	fprintf(f, "\" data-soort=\"%s\" data-decimalen=\"%d\" data-eenheid=\"", soort_naam(g->soort),
		g->decimalen);
	html_attr(f, g->eenheid ? g->eenheid : "");
	fputs("\"", f);
	if (g->met_doel && isfinite(g->doel)) {
		ruw(doel, sizeof doel, g->doel, g->decimalen);
		fprintf(f, " data-doel=\"%s\" data-doel-naam=\"", doel);
		html_attr(f, g->doel_naam ? g->doel_naam : "Doel");
		fputs("\"", f);
	}
	fputs(">\n<div class=\"grafiek-beeld\">\n", f);
	if (grafiek_svg(f, g) < 0)
		return -1;
	fputs("</div>\n<details class=\"grafiek-details\"><summary>Tabel bij deze grafiek"
	      "</summary>\n", f);
	if (grafiek_tabel(f, g) < 0)
		return -1;
	fputs("</details>\n<figcaption>", f);
	html_txt(f, g->omschrijving);
	fputs("</figcaption>\n</figure>\n", f);
	return ferror(f) ? -1 : 0;
}
