/* raadsrapport: see raadsrapport.h.
 *
 * libharu: the error handler records the first error in struct pdf and
 * every drawing call after it is harmless (libharu refuses to work on a
 * document in error); raadsrapport_pdf checks the record at the end, so no
 * longjmp is needed. Text is Helvetica with WinAnsiEncoding (libharu's
 * standard fonts): our UTF-8 is converted to Windows-1252 first, which
 * holds é, ë, € and the dashes we use.
 *
 * Numbers for people are formatted with integer arithmetic (Dutch decimal
 * comma, thousands dots), never through printf's %f, so nothing depends
 * on the C locale.
 */
#include "steer/raadsrapport.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "domain/publicatie.h"

/* ==== status rule ========================================================= */

enum raad_status raad_status_bepaal(bool nu_bekend, double nu, bool vorig_bekend, double vorig,
				    double doel, enum raad_richting richting, int jaar)
{
	double teken = richting == RAAD_OMLAAG ? 1.0 : -1.0;
	double marge, verbetering;

	if (!nu_bekend)
		return RAAD_GEEN_OORDEEL;
	if (isfinite(doel) && teken * (nu - doel) <= 0.0)
		return RAAD_OP_KOERS;
	if (!vorig_bekend)
		return RAAD_GEEN_OORDEEL;
	marge = fmax(0.5, fabs(vorig) * 0.02);
	verbetering = teken * (vorig - nu);
	if (isfinite(doel)) {
		int over = RAAD_DOELJAAR - jaar;
		double afstand_vorig = teken * (vorig - doel);

		if (over <= 0)
			return RAAD_NIET_OP_KOERS;
		if (afstand_vorig > 0.0 && verbetering >= afstand_vorig / (double)(over + 1))
			return RAAD_OP_KOERS;
	} else if (verbetering >= marge) {
		return RAAD_OP_KOERS;
	}
	if (verbetering <= -marge)
		return RAAD_NIET_OP_KOERS;
	return RAAD_AANDACHT;
}

const char *raad_status_tekst(enum raad_status s)
{
	switch (s) {
	case RAAD_OP_KOERS:
		return "op koers";
	case RAAD_AANDACHT:
		return "aandacht";
	case RAAD_NIET_OP_KOERS:
		return "niet op koers";
	case RAAD_GEEN_OORDEEL:
		return "geen oordeel";
	}
	return "geen oordeel";
}

/* ==== years and periods =================================================== */

dag_t raadsrapport_peildatum(int jaar, dag_t data_tot)
{
	dag_t eind = datum_van(jaar, 12, 31);

	return data_tot < eind ? data_tot : eind;
}

int raadsrapport_eerste_jaar(const struct kpi_data *d)
{
	dag_t eerste = DAG_GEEN;
	int jaar;

	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct traject *t = &d->trajecten[i];
		dag_t x = t->aanmelddatum != DAG_GEEN ? t->aanmelddatum : t->begindatum;

		if (x != DAG_GEEN && (eerste == DAG_GEEN || x < eerste))
			eerste = x;
	}
	if (eerste == DAG_GEEN)
		return RAAD_EERSTE_JAAR;
	datum_delen(eerste, &jaar, NULL, NULL);
	return jaar < RAAD_EERSTE_JAAR ? RAAD_EERSTE_JAAR : jaar;
}

int raadsrapport_jaar_geldig(const struct kpi_data *d, int jaar, dag_t data_tot, char *err,
			     size_t errlen)
{
	int eerste = raadsrapport_eerste_jaar(d), laatste;
	char tot[11];

	datum_delen(data_tot, &laatste, NULL, NULL);
	if (jaar >= eerste && jaar <= laatste)
		return 0;
	snprintf(err, errlen, "voor %d zijn er geen gegevens; de gegevens lopen van %d tot en met "
		 "%s, kies een jaar van %d tot en met %d", jaar, eerste, datum_fmt(data_tot, tot),
		 eerste, laatste);
	return -1;
}

int raadsrapport_standaard_jaar(dag_t data_tot)
{
	int j, m, dd;

	datum_delen(data_tot, &j, &m, &dd);
	return m == 12 && dd == 31 ? j : j - 1;
}

/* ==== data quality ========================================================= */

static bool heeft_woonplaats(const struct kpi_data *d, int64_t jeugdige_id, dag_t peildatum)
{
	const struct woonplaats *w = kpi_eerste_woonplaats(d, jeugdige_id);

	/* the first row is the earliest (sorted by vanaf) */
	return w && w->vanaf <= peildatum;
}

void raadsrapport_kwaliteit(const struct kpi_data *d, const char *gemeente, int jaar,
			    dag_t peildatum, struct raad_kwaliteit *out)
{
	dag_t van = datum_van(jaar, 1, 1);
	int64_t vorige = -1;

	memset(out, 0, sizeof *out);
	if (gemeente && !*gemeente)
		gemeente = NULL;
	/* trajecten are sorted by (jeugdige_id, id): a youth's rows are
	 * together, so distinct youth are counted on the change of id. */
	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct traject *t = &d->trajecten[i];
		bool actief = t->begindatum != DAG_GEEN && t->begindatum <= peildatum &&
			      (t->einddatum == DAG_GEEN || t->einddatum >= van);
		bool aangemeld = t->aanmelddatum != DAG_GEEN && t->aanmelddatum >= van &&
				 t->aanmelddatum <= peildatum;

		if (t->segment < 1 || (gemeente && strcmp(t->gemeente, gemeente) != 0))
			continue;
		if (!actief && !aangemeld)
			continue;
		out->trajecten++;
		if (t->aanmelddatum == DAG_GEEN)
			out->zonder_aanmelddatum++;
		if (t->jeugdige_id != vorige) {
			vorige = t->jeugdige_id;
			out->jeugdigen++;
			if (!heeft_woonplaats(d, t->jeugdige_id, peildatum))
				out->zonder_woonplaats++;
		}
	}
	for (size_t i = 0; i < d->n_kosten; i++) {
		const struct traject_kosten *k = &d->kosten[i];

		if (k->jaar != jaar || (gemeente && strcmp(k->gemeente, gemeente) != 0))
			continue;
		out->goedgekeurd += k->goedgekeurd;
		out->afgewezen += k->afgewezen;
	}
}

/* ==== computing ============================================================ */

int raadsrapport_bereken(const struct raad_invoer *in, struct raad_cijfers *c, char *err,
			 size_t errlen)
{
	struct kpi_rapport_perioden p, pv;

	memset(c, 0, sizeof *c);
	c->peildatum = raadsrapport_peildatum(in->jaar, in->data_tot);
	c->peildatum_vorig = datum_plus_maanden(c->peildatum, -12);
	kpi_rapport_perioden(c->peildatum, &p);
	kpi_rapport_perioden(c->peildatum_vorig, &pv);
	if (kpi_rapport_bereken(in->data, in->gemeente, &p, &c->gemeente, err, errlen) < 0 ||
	    kpi_rapport_bereken(in->data, NULL, &p, &c->regio, err, errlen) < 0 ||
	    kpi_rapport_bereken(in->data, in->gemeente, &pv, &c->gemeente_vorig, err, errlen) < 0 ||
	    kpi_rapport_bereken(in->data, NULL, &pv, &c->regio_vorig, err, errlen) < 0)
		return -1;
	if (cijfers_bereken_trend(in->data, in->gemeente, c->peildatum, &c->trend_gemeente) < 0 ||
	    cijfers_bereken_trend(in->data, NULL, c->peildatum, &c->trend_regio) < 0) {
		snprintf(err, errlen, "onvoldoende geheugen om de trend te berekenen");
		return -1;
	}
	return raadsrapport_bereken_doelen(in, c, err, errlen);
}

/* Unit u of o (index 0 the region) into slot k of c. */
static int neem_doelen(const struct doelen_overzicht *o, const char *gemeente, bool vorig,
		       size_t k, struct raad_cijfers *c)
{
	for (size_t u = 0; u < o->n_eenheden; u++) {
		const struct doelen_eenheid *e = &o->eenheden[u];

		if (strcmp(e->code, gemeente ? gemeente : "") != 0)
			continue;
		for (int g = 0; g < DOELEN_AANTAL; g++) {
			if (vorig) {
				c->doel_vorig[k][g] = e->doelen[g].nu;
			} else {
				c->doel_nu[k][g] = e->doelen[g].nu;
				c->doel_basis[k][g] = e->doelen[g].basis;
			}
		}
		return 0;
	}
	return -1;
}

int raadsrapport_bereken_doelen(const struct raad_invoer *in, struct raad_cijfers *c,
				char *err, size_t errlen)
{
	struct doelen_overzicht o;

	raadsrapport_kwaliteit(in->data, in->gemeente, in->jaar, c->peildatum,
			       &c->kwaliteit_gemeente);
	raadsrapport_kwaliteit(in->data, NULL, in->jaar, c->peildatum, &c->kwaliteit_regio);
	for (int v = 0; v < 2; v++) {
		if (doelen_bereken(in->data, in->gezinnen, in->n_gezinnen,
				   v ? c->peildatum_vorig : c->peildatum, &o) < 0) {
			snprintf(err, errlen, "onvoldoende geheugen om de doelen te berekenen");
			return -1;
		}
		if (!v)
			c->basisjaar = o.basisjaar;
		if (neem_doelen(&o, in->gemeente, v, 0, c) < 0 || neem_doelen(&o, NULL, v, 1, c) < 0) {
			doelen_vrij(&o);
			snprintf(err, errlen, "gemeente '%s' komt niet voor in deze database",
				 in->gemeente);
			return -1;
		}
		doelen_vrij(&o);
	}
	return 0;
}

/* ==== figures as printed (the rules of web/cijfers_web.c) ================== */

#define GETAL_LEN 64   /* a printed figure */
#define NUM_LEN 32     /* a number: 19 digits, 6 dots, sign, comma, decimals */

struct getal {
	bool zichtbaar;
	double waarde;          /* when zichtbaar: the count, percent, days, euros */
	char tekst[GETAL_LEN];
};

/* v with dec decimals (0..3) and a decimal comma. */
static void nl_dec(char out[NUM_LEN], double v, int dec)
{
	int64_t schaal = 1, x, rest;
	char heel[NUM_LEN], frac[4] = "";

	if (dec > 3)
		dec = 3;
	for (int i = 0; i < dec; i++)
		schaal *= 10;
	x = llround(fabs(v) * (double)schaal);
	kpi_rapport_getal(heel, x / schaal);
	rest = x % schaal;
	for (int i = dec - 1; i >= 0; i--, rest /= 10)
		frac[i] = (char)('0' + rest % 10);
	frac[dec < 0 ? 0 : dec] = '\0';
	snprintf(out, NUM_LEN, "%s%.24s%s%.3s", v < 0 && x ? "-" : "", heel, dec > 0 ? "," : "",
		 frac);
}

static void euro(char out[GETAL_LEN], int64_t cent)
{
	char e[NUM_LEN];

	kpi_rapport_getal(e, llround((double)cent / 100.0));
	snprintf(out, GETAL_LEN, "€ %s", e);
}

static void g_tekst(struct getal *g, const char *t)
{
	memset(g, 0, sizeof *g);
	snprintf(g->tekst, sizeof g->tekst, "%s", t);
}

/* g from the published figure p; true when it is visible (the caller
 * then writes tekst). */
static bool g_van(const struct publicatie *p, struct getal *g)
{
	if (!p->zichtbaar) {
		g_tekst(g, p->teken);
		return false;
	}
	memset(g, 0, sizeof *g);
	g->zichtbaar = true;
	g->waarde = p->waarde;
	return true;
}

static void g_aantal(size_t n, bool exact, struct getal *g)
{
	struct publicatie p;

	publicatie_aantal(n, exact, &p);
	if (g_van(&p, g))
		kpi_rapport_getal(g->tekst, (int64_t)g->waarde);
}

/* A share in percent from the printed numerator and denominator. */
static void g_deel(size_t aantal, size_t totaal, bool exact, struct getal *g)
{
	struct publicatie a, t, p;
	char pct[NUM_LEN];

	publicatie_aantal(aantal, exact, &a);
	publicatie_aantal(totaal, exact, &t);
	publicatie_deel(&a, &t, 100.0, &p);
	if (!g_van(&p, g))
		return;
	nl_dec(pct, g->waarde, 1);
	snprintf(g->tekst, sizeof g->tekst, "%s %%", pct);
}

/* Days: the median, or with p80 the 80th percentile. */
static void g_dagen(const struct kpi_verdeling *v, bool p80, bool exact, struct getal *g)
{
	struct publicatie p;
	char d[NUM_LEN];

	publicatie_figuur(v->n, p80 ? (double)v->p80 : v->mediaan, exact, &p);
	if (!g_van(&p, g))
		return;
	nl_dec(d, g->waarde, 0);
	snprintf(g->tekst, sizeof g->tekst, "%s dagen", d);
}

static void g_geld(int64_t cent, bool exact, struct getal *g)
{
	memset(g, 0, sizeof *g);
	g->zichtbaar = true;
	g->waarde = (double)publicatie_geld(cent, exact) / 100.0;
	euro(g->tekst, publicatie_geld(cent, exact));
}

static void g_gemiddeld(const struct kpi_clientkosten *k, bool exact, struct getal *g)
{
	struct publicatie p;

	publicatie_figuur(k->jeugdigen, (double)k->gemiddeld, exact, &p);
	if (!g_van(&p, g))
		return;
	/* Whole euros for suppressed readers, as the gemeente page. */
	g_geld(exact ? k->gemiddeld : llround((double)k->gemiddeld / 100.0) * 100, true, g);
}

/* Expected spending as a share of the budget; tonen false: withheld. */
static void g_uitputting(const struct kpi_uitputting *x, bool exact, bool tonen,
			 struct getal *g)
{
	char pct[NUM_LEN];

	if (!tonen) {
		g_tekst(g, "x");
		return;
	}
	if (x->norm <= 0) {
		g_tekst(g, "–");
		return;
	}
	memset(g, 0, sizeof *g);
	g->zichtbaar = true;
	g->waarde = 100.0 * (exact ? x->aandeel : (double)publicatie_geld(x->verwacht, false) /
						  (double)x->norm);
	nl_dec(pct, g->waarde, 1);
	snprintf(g->tekst, sizeof g->tekst, "%s %%", pct);
}

static bool segment_tonen(const struct kpi_uitputting *x, bool exact)
{
	return publicatie_tonen(x->actief, exact);
}

/* "1 op N (x,x %)"; waarde the percentage. */
static void g_gebruik(const struct kpi_gebruik *gb, bool exact, struct getal *g)
{
	struct getal a;
	char pct[NUM_LEN];
	int64_t eon;

	g_aantal(gb->jeugdigen, exact, &a);
	if (!a.zichtbaar || gb->populatie <= 0 || a.waarde <= 0) {
		g_tekst(g, a.zichtbaar ? "–" : "x");
		return;
	}
	memset(g, 0, sizeof *g);
	g->zichtbaar = true;
	g->waarde = 100.0 * a.waarde / (double)gb->populatie;
	eon = llround((double)gb->populatie / a.waarde);
	nl_dec(pct, g->waarde, 1);
	snprintf(g->tekst, sizeof g->tekst, "1 op %lld (%s %%)", (long long)eon, pct);
}

/* ==== the PDF document ===================================================== */

#define A4_B 595.276f
#define A4_H 841.89f
#define LINKS 60.0f
#define RECHTS (A4_B - 60.0f)
#define BREED (RECHTS - LINKS)
#define BOVEN (A4_H - 64.0f)
#define ONDER 78.0f
#define MAX_PAGINAS 64
#define REGEL_MAX 512

struct kleur {
	float r, g, b;
};

static const struct kleur ZWART = { 0.10f, 0.10f, 0.12f };
static const struct kleur BLAUW = { 0.04f, 0.27f, 0.47f };
static const struct kleur LICHTBLAUW = { 0.88f, 0.92f, 0.96f };
static const struct kleur GRIJS = { 0.45f, 0.47f, 0.50f };
static const struct kleur REGIOKLEUR = { 0.62f, 0.66f, 0.70f };
static const struct kleur LIJN = { 0.80f, 0.82f, 0.85f };
static const struct kleur ZEBRA = { 0.965f, 0.97f, 0.975f };
static const struct kleur DOELKLEUR = { 0.82f, 0.40f, 0.05f };
static const struct kleur GROEN = { 0.13f, 0.53f, 0.26f };
static const struct kleur ORANJE = { 0.88f, 0.58f, 0.05f };
static const struct kleur ROOD = { 0.76f, 0.16f, 0.16f };

struct pdf {
	HPDF_Doc doc;
	HPDF_Font normaal, vet, cursief;
	HPDF_Page pagina[MAX_PAGINAS];
	size_t n_paginas;
	HPDF_Page p;
	float y;
	HPDF_STATUS fout, detail;
	bool vol;                       /* more pages than MAX_PAGINAS */
	bool geen_geheugen;
	const struct raad_invoer *in;
	const struct raad_cijfers *c;
	const struct gemeente *g;
	char peil[16], peil_vorig[16], gemaakt[16];
};

static void fout_handler(HPDF_STATUS fout, HPDF_STATUS detail, void *gebruiker)
{
	struct pdf *d = gebruiker;

	if (d->fout == HPDF_OK) {
		d->fout = fout;
		d->detail = detail;
	}
}

/* Windows-1252 of UTF-8 s into out (at most cap - 1 bytes); characters
 * outside it become '?'. */
static void naar_1252(const char *s, char *out, size_t cap)
{
	static const struct {
		uint32_t cp;
		unsigned char b;
	} extra[] = {
		{ 0x20AC, 0x80 }, { 0x2026, 0x85 }, { 0x2018, 0x91 }, { 0x2019, 0x92 },
		{ 0x201C, 0x93 }, { 0x201D, 0x94 }, { 0x2022, 0x95 }, { 0x2013, 0x96 },
		{ 0x2014, 0x97 },
	};
	const unsigned char *u = (const unsigned char *)(s ? s : "");
	size_t o = 0;

	while (*u && o + 1 < cap) {
		uint32_t cp;
		int n;

		if (*u < 0x80) {
			cp = *u;
			n = 1;
		} else if ((*u & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80) {
			cp = ((uint32_t)(*u & 0x1F) << 6) | (u[1] & 0x3F);
			n = 2;
		} else if ((*u & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
			cp = ((uint32_t)(*u & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
			     (u[2] & 0x3F);
			n = 3;
		} else {
			/* A 4-byte sequence or broken UTF-8: skip its lead byte
			 * and continuation bytes. */
			cp = '?';
			n = 1;
			while ((u[n] & 0xC0) == 0x80)
				n++;
		}
		u += n;
		if (cp == '\n' || cp == '\t' || cp == '\r')
			cp = ' ';
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			continue;
		if (cp < 0x100) {
			out[o++] = (char)cp;
			continue;
		}
		out[o] = '?';
		for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
			if (extra[i].cp == cp)
				out[o] = (char)extra[i].b;
		o++;
	}
	out[o] = '\0';
}

static void kleur_vul(struct pdf *d, struct kleur k)
{
	HPDF_Page_SetRGBFill(d->p, k.r, k.g, k.b);
}

static void kleur_lijn(struct pdf *d, struct kleur k)
{
	HPDF_Page_SetRGBStroke(d->p, k.r, k.g, k.b);
}

/* Width of 1252 text t in font f at size. */
static float breedte(struct pdf *d, HPDF_Font f, float size, const char *t)
{
	HPDF_Page_SetFontAndSize(d->p, f, size);
	return HPDF_Page_TextWidth(d->p, t);
}

/* Draw 1252 text t with its left (uitlijning 0), centre (1) or right (2)
 * at x, baseline y. */
static void schrijf_1252(struct pdf *d, HPDF_Font f, float size, struct kleur k, float x,
			 float y, int uitlijning, const char *t)
{
	float w = uitlijning ? breedte(d, f, size, t) : 0.0f;

	if (uitlijning == 1)
		x -= w / 2.0f;
	else if (uitlijning == 2)
		x -= w;
	HPDF_Page_BeginText(d->p);
	HPDF_Page_SetFontAndSize(d->p, f, size);
	kleur_vul(d, k);
	HPDF_Page_TextOut(d->p, x, y, t);
	HPDF_Page_EndText(d->p);
}

static void schrijf(struct pdf *d, HPDF_Font f, float size, struct kleur k, float x, float y,
		    int uitlijning, const char *utf8)
{
	char t[REGEL_MAX];

	naar_1252(utf8, t, sizeof t);
	schrijf_1252(d, f, size, k, x, y, uitlijning, t);
}

static void lijn(struct pdf *d, struct kleur k, float dikte, float x1, float y1, float x2,
		 float y2)
{
	kleur_lijn(d, k);
	HPDF_Page_SetLineWidth(d->p, dikte);
	HPDF_Page_MoveTo(d->p, x1, y1);
	HPDF_Page_LineTo(d->p, x2, y2);
	HPDF_Page_Stroke(d->p);
}

static void vlak(struct pdf *d, struct kleur k, float x, float y, float b, float h)
{
	kleur_vul(d, k);
	HPDF_Page_Rectangle(d->p, x, y, b, h);
	HPDF_Page_Fill(d->p);
}

static void nieuwe_pagina(struct pdf *d)
{
	HPDF_Page p;

	if (d->n_paginas == MAX_PAGINAS) {
		d->vol = true;
		return;
	}
	p = HPDF_AddPage(d->doc);
	if (!p)
		return;
	HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	d->pagina[d->n_paginas++] = p;
	d->p = p;
	d->y = BOVEN;
}

/* Room for h points on this page, else a new page. */
static void ruimte(struct pdf *d, float h)
{
	if (d->y - h < ONDER)
		nieuwe_pagina(d);
}

/* Break 1252 text *t into lines of at most w points (a word longer than
 * w gets a line of its own), at most max lines into regels[i]
 * (REGEL_MAX each); *t advances past the text used. Returns the number of
 * lines. */
static size_t breek(struct pdf *d, HPDF_Font f, float size, float w, const char **t,
		    char (*regels)[REGEL_MAX], size_t max)
{
	const char *s = *t;
	size_t n = 0;

	while (n < max) {
		char *r = regels[n];
		size_t len = 0;

		while (*s == ' ')
			s++;
		if (!*s)
			break;
		r[0] = '\0';
		while (*s) {
			const char *e = s;
			size_t wl, oud = len;

			while (*e && *e != ' ')
				e++;
			wl = (size_t)(e - s);
			if (wl >= REGEL_MAX - 1)
				wl = REGEL_MAX - 2;   /* a monster word: cut */
			if (len + (len ? 1 : 0) + wl + 1 > REGEL_MAX)
				break;
			if (len)
				r[len++] = ' ';
			memcpy(r + len, s, wl);
			len += wl;
			r[len] = '\0';
			if (oud && breedte(d, f, size, r) > w) {
				r[oud] = '\0';
				break;
			}
			s += wl;
			while (*s == ' ')
				s++;
		}
		n++;
	}
	*t = s;
	return n;
}

#define ALINEA_REGELS 16

/* A paragraph of UTF-8 text at the cursor, wrapped to w, breaking pages. */
static void alinea(struct pdf *d, HPDF_Font f, float size, struct kleur k, float x, float w,
		   const char *utf8)
{
	size_t cap = strlen(utf8 ? utf8 : "") + 1, n;
	float regel = size * 1.38f;
	char *t = malloc(cap);
	char (*regels)[REGEL_MAX] = malloc(ALINEA_REGELS * sizeof *regels);
	const char *rest;

	if (!t || !regels) {
		d->geen_geheugen = true;
		free(t);
		free(regels);
		return;
	}
	naar_1252(utf8, t, cap);
	rest = t;
	while ((n = breek(d, f, size, w, &rest, regels, ALINEA_REGELS)) > 0)
		for (size_t i = 0; i < n; i++) {
			ruimte(d, regel);
			d->y -= regel;
			schrijf_1252(d, f, size, k, x, d->y, 0, regels[i]);
		}
	d->y -= size * 0.5f;
	free(regels);
	free(t);
}

static void kop(struct pdf *d, const char *utf8)
{
	ruimte(d, 90.0f);
	if (d->y < BOVEN)
		d->y -= 14.0f;
	d->y -= 18.0f;
	schrijf(d, d->vet, 16.0f, BLAUW, LINKS, d->y, 0, utf8);
	d->y -= 7.0f;
	lijn(d, BLAUW, 1.2f, LINKS, d->y, RECHTS, d->y);
	d->y -= 6.0f;
}

static void subkop(struct pdf *d, const char *utf8)
{
	ruimte(d, 60.0f);
	d->y -= 18.0f;
	schrijf(d, d->vet, 11.5f, BLAUW, LINKS, d->y, 0, utf8);
	d->y -= 4.0f;
}

/* ==== tables ================================================================ */

#define TABEL_MAX_KOLOM 6
#define CEL_REGELS 5

struct tabel {
	size_t n;
	const char *kop[TABEL_MAX_KOLOM];
	float breedte[TABEL_MAX_KOLOM];
	bool rechts[TABEL_MAX_KOLOM];
	int status_kolom;               /* -1: none */
};

static const float CEL_MARGE = 4.0f;
static const float CEL_GROOTTE = 8.6f;

/* One row: texts (UTF-8) of t->n cells; kop: a header row. */
static void tabel_rij_teken(struct pdf *d, const struct tabel *t, const char *const *cel,
			    bool kop_rij, bool zebra, enum raad_status status);

static void tabel_kop(struct pdf *d, const struct tabel *t)
{
	tabel_rij_teken(d, t, t->kop, true, false, RAAD_GEEN_OORDEEL);
}

static struct kleur status_kleur(enum raad_status s)
{
	switch (s) {
	case RAAD_OP_KOERS:
		return GROEN;
	case RAAD_AANDACHT:
		return ORANJE;
	case RAAD_NIET_OP_KOERS:
		return ROOD;
	case RAAD_GEEN_OORDEEL:
		return GRIJS;
	}
	return GRIJS;
}

static void tabel_rij_teken(struct pdf *d, const struct tabel *t, const char *const *cel,
			    bool kop_rij, bool zebra, enum raad_status status)
{
	char regels[TABEL_MAX_KOLOM][CEL_REGELS][REGEL_MAX];
	size_t n[TABEL_MAX_KOLOM], hoogste = 1;
	HPDF_Font f = kop_rij ? d->vet : d->normaal;
	float regel = CEL_GROOTTE * 1.3f, h, x;

	for (size_t k = 0; k < t->n; k++) {
		char t1252[REGEL_MAX];

		naar_1252(cel[k], t1252, sizeof t1252);
		const char *rest = t1252;

		n[k] = breek(d, f, CEL_GROOTTE, t->breedte[k] - 2 * CEL_MARGE, &rest, regels[k],
			     CEL_REGELS);
		if (n[k] > hoogste)
			hoogste = n[k];
	}
	h = (float)hoogste * regel + 2 * CEL_MARGE;
	if (d->y - h < ONDER) {
		nieuwe_pagina(d);
		if (!kop_rij)
			tabel_kop(d, t);
	}
	if (kop_rij)
		vlak(d, LICHTBLAUW, LINKS, d->y - h, BREED, h);
	else if (zebra)
		vlak(d, ZEBRA, LINKS, d->y - h, BREED, h);
	x = LINKS;
	for (size_t k = 0; k < t->n; k++) {
		bool rechts = t->rechts[k];
		float tx = rechts ? x + t->breedte[k] - CEL_MARGE : x + CEL_MARGE;

		if (!kop_rij && (int)k == t->status_kolom) {
			float by = d->y - CEL_MARGE - CEL_GROOTTE * 0.95f;

			kleur_vul(d, status_kleur(status));
			HPDF_Page_Circle(d->p, tx + 3.5f, by + 3.0f, 3.5f);
			HPDF_Page_Fill(d->p);
			tx += 11.0f;
		}
		for (size_t i = 0; i < n[k]; i++)
			schrijf_1252(d, f, CEL_GROOTTE, kop_rij ? BLAUW : ZWART, tx,
				     d->y - CEL_MARGE - CEL_GROOTTE * 0.95f - (float)i * regel,
				     rechts ? 2 : 0, regels[k][i]);
		x += t->breedte[k];
	}
	d->y -= h;
	lijn(d, kop_rij ? BLAUW : LIJN, kop_rij ? 0.8f : 0.4f, LINKS, d->y, RECHTS, d->y);
}

static void tabel_rij(struct pdf *d, const struct tabel *t, const char *const *cel, size_t i)
{
	tabel_rij_teken(d, t, cel, false, i % 2 == 1, RAAD_GEEN_OORDEEL);
}

/* A table of gemeente now / a year earlier / region now / a year
 * earlier. */
static void vergelijk_tabel(struct tabel *t, const char *eerste)
{
	t->n = 5;
	t->kop[0] = eerste;
	t->breedte[0] = BREED - 4 * 78.0f;
	t->rechts[0] = false;
	for (int k = 1; k < 5; k++) {
		t->breedte[k] = 78.0f;
		t->rechts[k] = true;
	}
	t->status_kolom = -1;
}

/* ==== charts ================================================================ */

struct as {
	float x, y, b, h;     /* plot area */
	double max;
};

static float as_y(const struct as *a, double v)
{
	if (v < 0)
		v = 0;
	return a->y + (float)(v / a->max) * a->h;
}

/* A tidy step for a maximum m: 1, 2, 2.5 or 5 times a power of ten, with
 * at most five steps. */
static double stap_voor(double m)
{
	static const double f[] = { 1.0, 2.0, 2.5, 5.0 };
	double macht = 1e-3;

	if (!(m > 0))
		return 1.0;
	for (;;) {
		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
			if (m / (f[i] * macht) <= 5.0)
				return f[i] * macht;
		macht *= 10.0;
	}
}

/* Frame, gridlines and y labels (eenheid after each); the title above.
 * Sets a->max to a whole number of steps. */
static void as_teken(struct pdf *d, struct as *a, double max, const char *titel,
		     const char *eenheid)
{
	double stap = stap_voor(max);
	/* As many decimals as the step needs: 2,5 one, 0,25 two. */
	int dec = stap < 0.1 ? 3 : stap < 1.0 ? 2 : stap != floor(stap) ? 1 : 0;
	char lab[NUM_LEN], t[NUM_LEN + 16];

	a->max = stap * ceil(max / stap);
	if (a->max <= 0)
		a->max = stap;
	schrijf(d, d->vet, 10.0f, ZWART, LINKS, a->y + a->h + 34.0f, 0, titel);
	for (double v = 0.0; v <= a->max + stap / 2; v += stap) {
		float yy = as_y(a, v);

		lijn(d, v == 0.0 ? GRIJS : LIJN, v == 0.0 ? 0.8f : 0.4f, a->x, yy, a->x + a->b, yy);
		nl_dec(lab, v, dec);
		snprintf(t, sizeof t, "%s%s", lab, eenheid);
		schrijf(d, d->normaal, 7.5f, GRIJS, a->x - 4.0f, yy - 2.5f, 2, t);
	}
}

/* A legend entry at x, y: a swatch (line or block) and the name. Returns
 * the x after it. */
static float legenda(struct pdf *d, float x, float y, struct kleur k, bool als_lijn,
		     bool gestippeld, const char *naam)
{
	char t[REGEL_MAX];

	if (als_lijn) {
		if (gestippeld) {
			static const HPDF_UINT16 streep[] = { 3, 2 };

			HPDF_Page_SetDash(d->p, streep, 2, 0);
		}
		lijn(d, k, 1.8f, x, y + 3.0f, x + 16.0f, y + 3.0f);
		HPDF_Page_SetDash(d->p, NULL, 0, 0);
	} else {
		vlak(d, k, x + 3.0f, y - 1.0f, 9.0f, 8.0f);
	}
	naar_1252(naam, t, sizeof t);
	schrijf_1252(d, d->normaal, 8.0f, ZWART, x + 20.0f, y, 0, t);
	return x + 28.0f + breedte(d, d->normaal, 8.0f, t);
}

static void doel_lijn(struct pdf *d, const struct as *a, double v, const char *naam)
{
	static const HPDF_UINT16 streep[] = { 4, 3 };
	float yy = as_y(a, v);

	HPDF_Page_SetDash(d->p, streep, 2, 0);
	lijn(d, DOELKLEUR, 1.2f, a->x, yy, a->x + a->b, yy);
	HPDF_Page_SetDash(d->p, NULL, 0, 0);
	/* Right of the plot area (the charts leave room), clear of the bars. */
	schrijf(d, d->vet, 7.5f, DOELKLEUR, a->x + a->b + 4.0f, yy - 2.5f, 0, naam);
}

/* Grouped bars: n groups (labels), two series; hidden (NAN) values get
 * an "x". */
static void staven(struct pdf *d, const struct as *a, size_t n, const char *const *labels,
		   const double *w1, const double *w2, struct kleur k1, struct kleur k2)
{
	float groep = a->b / (float)n, staaf = groep * 0.32f;

	for (size_t i = 0; i < n; i++) {
		float x0 = a->x + groep * (float)i + groep * 0.5f - staaf;
		const double *w[2] = { w1, w2 };
		struct kleur k[2] = { k1, k2 };

		for (int s = 0; s < 2; s++) {
			float xs = x0 + staaf * (float)s;

			if (!w[s])
				continue;
			if (isfinite(w[s][i])) {
				vlak(d, k[s], xs + 1.0f, a->y, staaf - 2.0f, as_y(a, w[s][i]) - a->y);
			} else {
				schrijf(d, d->normaal, 7.5f, GRIJS, xs + staaf / 2.0f, a->y + 3.0f, 1,
					"x");
			}
		}
		schrijf(d, d->normaal, 7.5f, ZWART, x0 + staaf, a->y - 11.0f, 1, labels[i]);
	}
}

/* A line through the finite values of w (gaps where hidden), with dots. */
static void lijn_reeks(struct pdf *d, const struct as *a, size_t n, const double *w,
		       struct kleur k, float dikte)
{
	float dx = n > 1 ? a->b / (float)(n - 1) : 0.0f;
	bool bezig = false;

	kleur_lijn(d, k);
	HPDF_Page_SetLineWidth(d->p, dikte);
	HPDF_Page_SetLineJoin(d->p, HPDF_ROUND_JOIN);
	for (size_t i = 0; i < n; i++) {
		float x = a->x + dx * (float)i;

		if (!isfinite(w[i])) {
			if (bezig)
				HPDF_Page_Stroke(d->p);
			bezig = false;
			continue;
		}
		if (!bezig)
			HPDF_Page_MoveTo(d->p, x, as_y(a, w[i]));
		else
			HPDF_Page_LineTo(d->p, x, as_y(a, w[i]));
		bezig = true;
	}
	if (bezig)
		HPDF_Page_Stroke(d->p);
	kleur_vul(d, k);
	for (size_t i = 0; i < n; i++)
		if (isfinite(w[i])) {
			HPDF_Page_Circle(d->p, a->x + dx * (float)i, as_y(a, w[i]), dikte + 0.6f);
			HPDF_Page_Fill(d->p);
		}
}

static double max_van(const double *w, size_t n, double m)
{
	for (size_t i = 0; i < n; i++)
		if (isfinite(w[i]) && w[i] > m)
			m = w[i];
	return m;
}

/* ==== the sections =========================================================== */

static void voettekst(struct pdf *d)
{
	char t[REGEL_MAX];

	for (size_t i = 0; i < d->n_paginas; i++) {
		d->p = d->pagina[i];
		lijn(d, LIJN, 0.5f, LINKS, 52.0f, RECHTS, 52.0f);
		snprintf(t, sizeof t, "Bron: jeugdregie, registratie jeugdhulp Holland Rijnland · "
			 "peildatum %s · gemaakt op %s", d->peil, d->gemaakt);
		schrijf(d, d->normaal, 7.5f, GRIJS, LINKS, 40.0f, 0, t);
		snprintf(t, sizeof t, "Pagina %zu van %zu", i + 1, d->n_paginas);
		schrijf(d, d->normaal, 7.5f, GRIJS, RECHTS, 40.0f, 2, t);
	}
}

static void fmt_nl(char out[16], dag_t dag)
{
	int j, m, dd;

	datum_delen(dag, &j, &m, &dd);
	snprintf(out, 16, "%d-%d-%d", dd, m, j);
}

static const char *const maand_naam[12] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december",
};

static void fmt_lang(char out[32], dag_t dag)
{
	int j, m, dd;

	datum_delen(dag, &j, &m, &dd);
	snprintf(out, 32, "%d %s %d", dd, maand_naam[m - 1], j);
}

static void omslag(struct pdf *d)
{
	char t[REGEL_MAX], lang[32];

	nieuwe_pagina(d);
	vlak(d, BLAUW, 0.0f, A4_H - 250.0f, A4_B, 250.0f);
	schrijf(d, d->vet, 12.0f, (struct kleur){ 1, 1, 1 }, LINKS, A4_H - 70.0f, 0,
		"Regio Holland Rijnland");
	schrijf(d, d->normaal, 10.0f, (struct kleur){ 0.85f, 0.9f, 0.95f }, LINKS, A4_H - 86.0f, 0,
		"Samenwerkende gemeenten jeugdhulp");
	snprintf(t, sizeof t, "Jeugdhulp in %s", d->g->naam);
	schrijf(d, d->vet, 30.0f, (struct kleur){ 1, 1, 1 }, LINKS, A4_H - 170.0f, 0, t);
	snprintf(t, sizeof t, "Jaarrapportage %d aan de gemeenteraad", d->in->jaar);
	schrijf(d, d->normaal, 17.0f, (struct kleur){ 1, 1, 1 }, LINKS, A4_H - 200.0f, 0, t);

	d->y = A4_H - 300.0f;
	snprintf(t, sizeof t, "Gemeente %s (CBS-code GM%s), subregio %s, in de jeugdregio "
		 "Holland Rijnland.", d->g->naam, d->g->code, d->g->subregio);
	alinea(d, d->normaal, 11.0f, ZWART, LINKS, BREED, t);
	fmt_lang(lang, d->c->peildatum);
	if (d->c->peildatum == datum_van(d->in->jaar, 12, 31))
		snprintf(t, sizeof t, "Peildatum: %s, de laatste dag van %d.", lang, d->in->jaar);
	else
		snprintf(t, sizeof t, "Peildatum: %s. De gegevens lopen tot en met die dag, dus "
			 "dit is een tussenstand van %d: jaarcijfers tellen van 1 januari tot de "
			 "peildatum.", lang, d->in->jaar);
	alinea(d, d->vet, 11.0f, ZWART, LINKS, BREED, t);
	fmt_lang(lang, d->c->peildatum_vorig);
	snprintf(t, sizeof t, "Vergelijkingen met een jaar eerder gaan over de stand op %s.", lang);
	alinea(d, d->normaal, 11.0f, ZWART, LINKS, BREED, t);

	d->y -= 16.0f;
	subkop(d, "Over dit rapport");
	alinea(d, d->normaal, 10.0f, ZWART, LINKS, BREED,
	       "Dit rapport opent met de doelen die de regio zich voor 2030 heeft gesteld en "
	       "laat per doel zien waar de gemeente en de regio nu staan. Daarna volgen de "
	       "kernindicatoren tegen de regio en het jaar ervoor, grafieken van het verloop, de "
	       "duiding van partners bij de cijfers en een korte verantwoording van de kwaliteit "
	       "van de gegevens.");
	alinea(d, d->normaal, 10.0f, ZWART, LINKS, BREED,
	       "Alle cijfers komen uit de registratie van de regio (toewijzingen, start- en "
	       "stopberichten en declaraties volgens iJw 3.2) en zijn berekend met dezelfde "
	       "definities als het dashboard van de regio.");
	d->y -= 10.0f;
	if (d->in->exact_gemeente) {
		vlak(d, (struct kleur){ 0.99f, 0.93f, 0.88f }, LINKS, d->y - 46.0f, BREED, 46.0f);
		d->y -= 4.0f;
		alinea(d, d->vet, 10.0f, ROOD, LINKS + 8.0f, BREED - 16.0f,
		       d->in->exact_regio
			       ? "Vertrouwelijke versie met exacte aantallen, niet voor publicatie. De "
				 "openbare versie voor de raad schermt kleine aantallen af."
			       : "Vertrouwelijke versie met exacte aantallen van de gemeente (de "
				 "regiocijfers zijn afgeschermd), niet voor publicatie.");
	} else {
		vlak(d, LICHTBLAUW, LINKS, d->y - 46.0f, BREED, 46.0f);
		d->y -= 4.0f;
		alinea(d, d->vet, 10.0f, BLAUW, LINKS + 8.0f, BREED - 16.0f,
		       "Openbare versie: aantallen onder de 10 staan er als <10, andere aantallen "
		       "zijn afgerond op 5 en bedragen op € 1.000 (zie de verantwoording).");
	}
	d->y -= 10.0f;
}

/* ---- goals ---- */

/* The printed text of a measurement of goal g. */
static void meting_tekst(enum doelen_id g, const struct doelen_meting *m, bool exact,
			 struct getal *uit)
{
	char w[NUM_LEN];

	if (!m->bekend) {
		/* Nothing to measure ("–") only where exact figures may be
		 * seen: elsewhere "no cases" is itself a small count. */
		g_tekst(uit, exact && m->totaal == 0 ? "–" : "x");
		return;
	}
	memset(uit, 0, sizeof *uit);
	uit->zichtbaar = true;
	uit->waarde = m->waarde;
	nl_dec(w, m->waarde, doelen_defs[g].decimalen);
	if (g == DOELEN_GEBRUIK && m->aantal > 0)
		snprintf(uit->tekst, sizeof uit->tekst, "1 op %lld (%s %%)",
			 (long long)llround((double)m->totaal / (double)m->aantal), w);
	else if (g == DOELEN_THUISZITTERS)
		snprintf(uit->tekst, sizeof uit->tekst, "%s per 10.000", w);
	else
		snprintf(uit->tekst, sizeof uit->tekst, "%s %%", w);
}

/* The target of goal g for a unit with baseline basis (as printed): the
 * number (NAN: no number, only a direction) and its text. */
static double doel_van(enum doelen_id g, const struct doelen_meting *basis, int basisjaar,
		       char tekst[GETAL_LEN])
{
	const struct doelen_def *def = &doelen_defs[g];
	char w[NUM_LEN];
	double doel;

	if (def->soort == DOELEN_FACTOR) {
		if (!basis->bekend) {
			snprintf(tekst, GETAL_LEN, "%s", def->lager_beter ? "dalend" : "stijgend");
			return NAN;
		}
		doel = def->streef * basis->waarde;
	} else {
		doel = def->streef;
	}
	nl_dec(w, doel, g == DOELEN_GEBRUIK || def->soort == DOELEN_FACTOR ? 1 : 0);
	if (g == DOELEN_GEBRUIK)
		snprintf(tekst, GETAL_LEN, "1 op 12 (%s %%)", w);
	else if (g == DOELEN_THUISZITTERS)
		snprintf(tekst, GETAL_LEN, "%s", w);
	else if (def->soort == DOELEN_FACTOR)
		snprintf(tekst, GETAL_LEN, "%s %% (%s %d)", w,
			 def->lager_beter ? "helft van" : "1,5 × ", basisjaar);
	else
		snprintf(tekst, GETAL_LEN, "%s %%", w);
	return doel;
}

static void doelen_sectie(struct pdf *d)
{
	const struct raad_cijfers *c = d->c;
	struct tabel t = { 5, { "Doel voor 2030", NULL, "Regio", "Doel", "Status" },
			   { 0 }, { false, true, true, true, false }, 4 };
	char kop_g[NAAM_LEN + 8], tekst[REGEL_MAX];

	nieuwe_pagina(d);
	kop(d, "1. De doelen van de regio voor 2030");
	snprintf(tekst, sizeof tekst, "De dertien gemeenten van Holland Rijnland hebben in hun "
		 "regiovisie jeugd afgesproken waar ze in %d willen staan. Per doel: het cijfer van "
		 "%s en van de regio op de peildatum (%s), het doel en een oordeel over de koers.",
		 RAAD_DOELJAAR, d->g->naam, d->peil);
	alinea(d, d->normaal, 10.0f, ZWART, LINKS, BREED, tekst);
	snprintf(kop_g, sizeof kop_g, "%s", d->g->naam);
	t.kop[1] = kop_g;
	t.breedte[0] = BREED - 78.0f - 78.0f - 82.0f - 80.0f;
	t.breedte[1] = 78.0f;
	t.breedte[2] = 78.0f;
	t.breedte[3] = 82.0f;
	t.breedte[4] = 80.0f;
	d->y -= 4.0f;
	tabel_kop(d, &t);
	for (int g = 0; g < DOELEN_AANTAL; g++) {
		const struct doelen_def *def = &doelen_defs[g];
		struct doelen_meting nu = c->doel_nu[0][g], vorig = c->doel_vorig[0][g];
		struct doelen_meting basis = c->doel_basis[0][g], regio = c->doel_nu[1][g];
		struct getal g_nu, g_vorig, g_regio;
		char eerste[REGEL_MAX], doel_t[GETAL_LEN];
		enum raad_status s;
		const char *cel[5];
		double doel;

		if (!d->in->exact_gemeente) {
			doelen_meting_publiek((enum doelen_id)g, &nu);
			doelen_meting_publiek((enum doelen_id)g, &vorig);
			doelen_meting_publiek((enum doelen_id)g, &basis);
		}
		if (!d->in->exact_regio)
			doelen_meting_publiek((enum doelen_id)g, &regio);
		meting_tekst((enum doelen_id)g, &nu, d->in->exact_gemeente, &g_nu);
		meting_tekst((enum doelen_id)g, &vorig, d->in->exact_gemeente, &g_vorig);
		meting_tekst((enum doelen_id)g, &regio, d->in->exact_regio, &g_regio);
		doel = doel_van((enum doelen_id)g, &basis, c->basisjaar, doel_t);
		s = raad_status_bepaal(g_nu.zichtbaar, g_nu.waarde, g_vorig.zichtbaar,
				       g_vorig.waarde, doel,
				       def->lager_beter ? RAAD_OMLAAG : RAAD_OMHOOG, d->in->jaar);
		snprintf(eerste, sizeof eerste, "%s: %s", def->naam, def->indicator);
		cel[0] = eerste;
		cel[1] = g_nu.tekst;
		cel[2] = g_regio.tekst;
		cel[3] = doel_t;
		cel[4] = raad_status_tekst(s);
		tabel_rij_teken(d, &t, cel, false, g % 2 == 1, s);
	}
	d->y -= 10.0f;
	subkop(d, "Hoe het oordeel tot stand komt");
	alinea(d, d->normaal, 9.0f, ZWART, LINKS, BREED,
	       "Het oordeel vergelijkt het cijfer van de gemeente met dat van een jaar eerder. Op "
	       "koers: het doel is al gehaald, of het cijfer is in een jaar minstens zoveel "
	       "verbeterd als nodig is om het doel in 2030 op een rechte lijn te halen. Aandacht: "
	       "beter, maar te langzaam, of ongeveer gelijk (een verschil kleiner dan 0,5 of 2 % "
	       "van het oude cijfer telt als gelijk). Niet op koers: verder van het doel af dan een "
	       "jaar eerder. Geen oordeel: het cijfer is afgeschermd of er zijn geen gegevens.");
	if (c->basisjaar)
		snprintf(tekst, sizeof tekst, "Doelen en indicatoren zijn die van de regio (ook op "
			 "de pagina Doelen). Voor minder uithuisplaatsingen en meer groepszorg noemt "
			 "de visie geen getal; de regio gaat uit van de helft, respectievelijk "
			 "anderhalf keer het aandeel van de gemeente in het basisjaar %d.",
			 c->basisjaar);
	else
		snprintf(tekst, sizeof tekst, "Doelen en indicatoren zijn die van de regio (ook op "
			 "de pagina Doelen). Voor minder uithuisplaatsingen en meer groepszorg noemt "
			 "de visie geen getal; zonder volledig basisjaar (%d) in de gegevens geldt "
			 "hier alleen de richting.", DOELEN_BASISJAAR);
	alinea(d, d->normaal, 9.0f, ZWART, LINKS, BREED, tekst);
}

/* ---- key indicators ---- */

/* One comparison row: label and four printed figures. */
static void rij4(struct pdf *d, const struct tabel *t, size_t i, const char *label,
		 const struct getal *g4)
{
	const char *cel[5] = { label, g4[0].tekst, g4[1].tekst, g4[2].tekst, g4[3].tekst };

	tabel_rij(d, t, cel, i);
}

enum aantal_rij {
	A_GEBRUIK, A_REGIONAAL, A_WACHTEND, A_WACHTEND_NORM, A_ZORGELIJK, A_THUISZITTERS,
	A_VERBLIJF, A_CRISIS, A_OVERGANG, A_NIEUW, A_BEEINDIGD, A_AANTAL,
};

static size_t aantal_van(const struct kpi_rapport_regel *r, enum aantal_rij k)
{
	switch (k) {
	case A_GEBRUIK:
		return r->gebruik.jeugdigen;
	case A_REGIONAAL:
		return r->gebruik_regionaal.jeugdigen;
	case A_WACHTEND:
		return r->wachttijd.wachtend.n;
	case A_WACHTEND_NORM:
		return r->wachttijd.wachtend_boven_norm;
	case A_ZORGELIJK:
		return r->zorgelijk.aantal;
	case A_THUISZITTERS:
		return r->thuiszitters;
	case A_VERBLIJF:
		return r->verblijf.verblijf;
	case A_CRISIS:
		return r->verblijf.crisis;
	case A_OVERGANG:
		return r->overgang18.aantal;
	case A_NIEUW:
		return r->verwijzers.totaal;
	case A_BEEINDIGD:
		return r->uitval.totaal;
	case A_AANTAL:
		return 0;
	}
	return 0;
}

static const char *const aantal_label[A_AANTAL] = {
	[A_GEBRUIK] = "Jeugdigen (0-17) met jeugdhulp in het kalenderjaar, lokale teams meegeteld",
	[A_REGIONAAL] = "Jeugdigen met regionale jeugdhulp dit jaar tot de peildatum",
	[A_WACHTEND] = "Wachtend op de start, op de peildatum",
	[A_WACHTEND_NORM] = "Waarvan al langer dan de Treeknorm",
	[A_ZORGELIJK] = "Zorgelijk wachtend",
	[A_THUISZITTERS] = "Thuiszitters langer dan drie maanden",
	[A_VERBLIJF] = "Jeugdigen in verblijf (categorie 43/44) dit jaar",
	[A_CRISIS] = "Jeugdigen in crisisopvang dit jaar",
	[A_OVERGANG] = "Bijna achttien (binnen een half jaar) zonder perspectiefplan",
	[A_NIEUW] = "Nieuwe regionale trajecten, laatste twaalf maanden",
	[A_BEEINDIGD] = "Beëindigde regionale trajecten, laatste twaalf maanden",
};

static void kolomkoppen(struct pdf *d, struct tabel *t, char (*k)[NAAM_LEN + 24])
{
	snprintf(k[0], NAAM_LEN + 24, "%s %s", d->g->naam, d->peil);
	snprintf(k[1], NAAM_LEN + 24, "%s %s", d->g->naam, d->peil_vorig);
	snprintf(k[2], NAAM_LEN + 24, "Regio %s", d->peil);
	snprintf(k[3], NAAM_LEN + 24, "Regio %s", d->peil_vorig);
	for (int i = 0; i < 4; i++)
		t->kop[i + 1] = k[i];
}

static void indicatoren_sectie(struct pdf *d)
{
	const struct raad_cijfers *c = d->c;
	const struct kpi_rapport_regel *r[4] = { &c->gemeente, &c->gemeente_vorig, &c->regio,
						 &c->regio_vorig };
	bool ex[4] = { d->in->exact_gemeente, d->in->exact_gemeente, d->in->exact_regio,
		       d->in->exact_regio };
	char koppen[4][NAAM_LEN + 24];
	struct getal g4[4];
	struct tabel t;
	size_t rij = 0;

	nieuwe_pagina(d);
	kop(d, "2. Kernindicatoren");
	alinea(d, d->normaal, 10.0f, ZWART, LINKS, BREED,
	       "De gemeente naast de regio, op de peildatum en een jaar eerder. Jeugdigen tellen "
	       "mee bij de gemeente waar ze wonen; trajecten (wachten, uitval, verwijzers) bij de "
	       "gemeente die betaalt.");

	subkop(d, "Aantallen");
	vergelijk_tabel(&t, "Aantal");
	kolomkoppen(d, &t, koppen);
	tabel_kop(d, &t);
	for (int k = 0; k < A_AANTAL; k++) {
		for (int i = 0; i < 4; i++)
			g_aantal(aantal_van(r[i], (enum aantal_rij)k), ex[i], &g4[i]);
		rij4(d, &t, rij++, aantal_label[k], g4);
	}

	subkop(d, "Aandelen en tijden");
	vergelijk_tabel(&t, "Indicator");
	kolomkoppen(d, &t, koppen);
	tabel_kop(d, &t);
	rij = 0;
	for (int i = 0; i < 4; i++)
		g_gebruik(&r[i]->gebruik, ex[i], &g4[i]);
	rij4(d, &t, rij++, "Jeugdhulpgebruik (\"1 op N\")", g4);
	for (int i = 0; i < 4; i++)
		g_dagen(&r[i]->wachttijd.totaal, false, ex[i], &g4[i]);
	rij4(d, &t, rij++, "Wachttijd aanmelding tot start, mediaan (laatste 12 maanden)", g4);
	for (int i = 0; i < 4; i++)
		g_dagen(&r[i]->wachttijd.totaal, true, ex[i], &g4[i]);
	rij4(d, &t, rij++, "Wachttijd, 80e percentiel", g4);
	for (int i = 0; i < 4; i++)
		g_deel(r[i]->wachttijd.boven_norm, r[i]->wachttijd.totaal.n, ex[i], &g4[i]);
	rij4(d, &t, rij++, "Wachttijden boven de Treeknorm", g4);
	for (int i = 0; i < 4; i++)
		g_deel(r[i]->verblijf.verblijf, r[i]->verblijf.jeugdigen, ex[i], &g4[i]);
	rij4(d, &t, rij++, "Verblijf: deel van de jeugdigen met regionale jeugdhulp", g4);
	for (int i = 0; i < 4; i++)
		g_deel(r[i]->verblijf.crisis, r[i]->verblijf.jeugdigen, ex[i], &g4[i]);
	rij4(d, &t, rij++, "Crisis: deel van de jeugdigen met regionale jeugdhulp", g4);
	for (int i = 0; i < 4; i++)
		g_deel(r[i]->collectief.aantal, r[i]->collectief.totaal, ex[i], &g4[i]);
	rij4(d, &t, rij++, "Collectief: deel groepszorg van de actieve trajecten", g4);
	for (int i = 0; i < 4; i++)
		g_deel(r[i]->uitval.aantal, r[i]->uitval.totaal, ex[i], &g4[i]);
	rij4(d, &t, rij++, "Uitval: voortijdig gestopt (reden 32 of 33)", g4);
	for (int i = 0; i < 4; i++)
		g_deel(r[i]->herhaald12.aantal, r[i]->herhaald12.totaal, ex[i], &g4[i]);
	rij4(d, &t, rij++, "Herhaald beroep binnen 12 maanden na afronding", g4);
	for (int i = 0; i < 4; i++)
		g_deel(r[i]->overgang18.aantal, r[i]->overgang18.totaal, ex[i], &g4[i]);
	rij4(d, &t, rij++, "18-/18+: bijna achttien zonder perspectiefplan", g4);
	for (int i = 0; i < 4; i++)
		g_dagen(&r[i]->doorlooptijd, false, ex[i], &g4[i]);
	rij4(d, &t, rij++, "Doorlooptijd beëindigde trajecten, mediaan", g4);

	subkop(d, "Wie verwijst (nieuwe regionale trajecten, laatste 12 maanden)");
	vergelijk_tabel(&t, "Verwijzer");
	kolomkoppen(d, &t, koppen);
	tabel_kop(d, &t);
	{
		static const char *const naam[KPI_VERWIJZER_AANTAL] = {
			"Gemeente (lokaal team)", "Huisarts", "Jeugdarts",
			"Gecertificeerde instelling", "Medisch specialist", "Geen verwijzer",
			"Rechter of officier van justitie", "Onbekend",
		};

		for (int v = 0; v < KPI_VERWIJZER_AANTAL; v++) {
			for (int i = 0; i < 4; i++)
				g_deel(r[i]->verwijzers.aantal[v], r[i]->verwijzers.totaal, ex[i],
				       &g4[i]);
			rij4(d, &t, (size_t)v, naam[v], g4);
		}
	}

	subkop(d, "Geld");
	vergelijk_tabel(&t, "Bedrag");
	kolomkoppen(d, &t, koppen);
	tabel_kop(d, &t);
	for (int i = 0; i < 4; i++)
		g_gemiddeld(&r[i]->kosten_jaar, ex[i], &g4[i]);
	rij4(d, &t, 0, "Gemiddelde cliëntkosten in het jaar (goedgekeurd per jeugdige)", g4);
	for (int i = 0; i < 4; i++)
		g_geld(r[i]->budget.norm, true, &g4[i]);
	rij4(d, &t, 1, "Budget jeugdhulp in het jaar", g4);
	for (int i = 0; i < 4; i++)
		g_geld(r[i]->budget.verwacht, ex[i], &g4[i]);
	rij4(d, &t, 2, "Verwachte uitgaven: goedgekeurd plus prognose tot en met december", g4);
	for (int i = 0; i < 4; i++)
		g_uitputting(&r[i]->budget, ex[i], true, &g4[i]);
	rij4(d, &t, 3, "Budgetuitputting (verwacht als deel van het budget)", g4);
}

/* ---- charts ---- */

static void grafiek_gebruik(struct pdf *d)
{
	const struct cijfers_trend *tg = &d->c->trend_gemeente, *tr = &d->c->trend_regio;
	double w1[CIJFERS_TREND_JAREN], w2[CIJFERS_TREND_JAREN];
	char lab[CIJFERS_TREND_JAREN][32];
	const char *labels[CIJFERS_TREND_JAREN];
	struct as a = { LINKS + 40.0f, 0, BREED - 40.0f - 46.0f, 118.0f, 0 };
	float lx;
	size_t n = tg->n_jaren;

	for (size_t i = 0; i < n; i++) {
		struct getal g;

		/* "–" (nobody in care, or no population): a bar of 0, not
		 * the "x" of a hidden figure. */
		g_gebruik(&tg->gebruik[i], d->in->exact_gemeente, &g);
		w1[i] = g.zichtbaar ? g.waarde : strcmp(g.tekst, "x") ? 0.0 : NAN;
		g_gebruik(&tr->gebruik[i], d->in->exact_regio, &g);
		w2[i] = g.zichtbaar ? g.waarde : strcmp(g.tekst, "x") ? 0.0 : NAN;
		snprintf(lab[i], sizeof lab[i], "%d%s", tg->jaren[i],
			 i + 1 == n && d->c->peildatum != datum_van(tg->jaren[i], 12, 31) ? " (t/m peildatum)"
											   : "");
		labels[i] = lab[i];
	}
	ruimte(d, a.h + 80.0f);
	a.y = d->y - a.h - 44.0f;
	as_teken(d, &a, fmax(max_van(w1, n, 0), max_van(w2, n, 100.0 / 12.0)) * 1.1,
		 "Jeugdhulpgebruik per jaar: deel van de 0-17-jarigen met jeugdhulp", " %");
	lx = legenda(d, LINKS, a.y + a.h + 18.0f, BLAUW, false, false, d->g->naam);
	lx = legenda(d, lx, a.y + a.h + 18.0f, REGIOKLEUR, false, false, "Regio");
	legenda(d, lx, a.y + a.h + 18.0f, DOELKLEUR, true, true, "Doel 2030: 1 op 12");
	staven(d, &a, n, labels, w1, w2, BLAUW, REGIOKLEUR);
	doel_lijn(d, &a, 100.0 / 12.0, "1 op 12");
	d->y = a.y - 26.0f;
}

static void kwartaal_label(char out[16], dag_t dag, bool laatste)
{
	int j, m, dd;

	datum_delen(dag, &j, &m, &dd);
	if (laatste)
		snprintf(out, 16, "%d-%d", dd, m);
	else
		snprintf(out, 16, "K%d '%02d", (m - 1) / 3 + 1, (j % 100 + 100) % 100);
}

static void grafiek_wachttijd(struct pdf *d)
{
	const struct cijfers_trend *tg = &d->c->trend_gemeente, *tr = &d->c->trend_regio;
	const struct treeknorm *norm = &d->in->data->norms[SEGMENT_AMBULANT];
	double w1[CIJFERS_TREND_PUNTEN], w2[CIJFERS_TREND_PUNTEN], treek;
	struct as a = { LINKS + 40.0f, 0, BREED - 40.0f - 46.0f, 118.0f, 0 };
	char lab[16], tekst[64];
	float lx, dx;
	size_t n = tg->n_punten;

	for (size_t i = 0; i < n; i++) {
		struct getal g;

		g_dagen(&tg->punten[i].wachttijd.totaal, false, d->in->exact_gemeente, &g);
		w1[i] = g.zichtbaar ? g.waarde : NAN;
		g_dagen(&tr->punten[i].wachttijd.totaal, false, d->in->exact_regio, &g);
		w2[i] = g.zichtbaar ? g.waarde : NAN;
	}
	treek = (double)(norm->tot_intake + norm->intake_tot_start);
	ruimte(d, a.h + 80.0f);
	a.y = d->y - a.h - 44.0f;
	as_teken(d, &a, fmax(max_van(w1, n, 0), max_van(w2, n, treek)) * 1.1,
		 "Wachttijd aanmelding tot start: mediaan over de 12 maanden voor elk kwartaal",
		 "");
	schrijf(d, d->normaal, 7.5f, GRIJS, a.x - 4.0f, a.y + a.h + 8.0f, 2, "dagen");
	lx = legenda(d, LINKS, a.y + a.h + 18.0f, BLAUW, true, false, d->g->naam);
	lx = legenda(d, lx, a.y + a.h + 18.0f, REGIOKLEUR, true, false, "Regio");
	snprintf(tekst, sizeof tekst, "Treeknorm (%d weken)", (int)(treek / 7));
	legenda(d, lx, a.y + a.h + 18.0f, DOELKLEUR, true, true, tekst);
	doel_lijn(d, &a, treek, "Treeknorm");
	lijn_reeks(d, &a, n, w2, REGIOKLEUR, 1.6f);
	lijn_reeks(d, &a, n, w1, BLAUW, 1.8f);
	dx = n > 1 ? a.b / (float)(n - 1) : 0.0f;
	for (size_t i = 0; i < n; i++) {
		kwartaal_label(lab, tg->punten[i].peildatum, i + 1 == n);
		schrijf(d, d->normaal, 7.0f, ZWART, a.x + dx * (float)i, a.y - 11.0f, 1, lab);
	}
	d->y = a.y - 20.0f;
	alinea(d, d->cursief, 8.0f, GRIJS, LINKS, BREED,
	       "Elk punt is de mediane wachttijd van de trajecten die in de twaalf maanden voor "
	       "die datum begonnen (K1 '24 = stand op 1 januari 2024). Een ontbrekend punt: te "
	       "weinig wachttijden om te tonen.");
}

static void grafiek_budget(struct pdf *d)
{
	static const char *const seg[SEGMENT_AANTAL] = {
		"Lokaal", "Verblijf", "Wonen", "Dagbeh.", "Ambulant", "Onderwijs", "Crisis",
		"Veiligheid",
	};
	const struct kpi_rapport_regel *r = &d->c->gemeente;
	double w1[SEGMENT_AANTAL], w2[SEGMENT_AANTAL], max = 0;
	struct as a = { LINKS + 52.0f, 0, BREED - 52.0f, 118.0f, 0 };
	const char *eenheid = " mln";
	double deler = 1e6;
	char titel[128];
	float lx;

	for (int s = 0; s < SEGMENT_AANTAL; s++) {
		const struct kpi_uitputting *x = &r->budget_segment[s];

		w1[s] = (double)x->norm / 100.0;
		w2[s] = segment_tonen(x, d->in->exact_gemeente)
				? (double)publicatie_geld(x->verwacht, d->in->exact_gemeente) / 100.0
				: NAN;
		max = fmax(max, fmax(w1[s], isfinite(w2[s]) ? w2[s] : 0));
	}
	if (max < 2e3) {
		eenheid = "";
		deler = 1.0;
	} else if (max < 2e6) {
		eenheid = "k";
		deler = 1e3;
	}
	for (int s = 0; s < SEGMENT_AANTAL; s++) {
		w1[s] /= deler;
		if (isfinite(w2[s]))
			w2[s] /= deler;
	}
	max /= deler;
	ruimte(d, a.h + 80.0f);
	a.y = d->y - a.h - 44.0f;
	snprintf(titel, sizeof titel, "Budget %d tegen de verwachte uitgaven, per segment (€)",
		 d->in->jaar);
	as_teken(d, &a, max * 1.1, titel, eenheid);
	lx = legenda(d, LINKS, a.y + a.h + 18.0f, REGIOKLEUR, false, false, "Budget");
	legenda(d, lx, a.y + a.h + 18.0f, BLAUW, false, false,
		"Verwacht: goedgekeurd plus prognose tot en met december");
	staven(d, &a, SEGMENT_AANTAL, seg, w1, w2, REGIOKLEUR, BLAUW);
	d->y = a.y - 20.0f;
	alinea(d, d->cursief, 8.0f, GRIJS, LINKS, BREED,
	       d->in->exact_gemeente
		       ? "Verwacht: goedgekeurde declaraties plus een prognose voor de actieve "
			 "trajecten tot en met december."
		       : "Verwacht: goedgekeurde declaraties plus een prognose voor de actieve "
			 "trajecten tot en met december, afgerond op € 1.000; x: minder dan 10 "
			 "actieve trajecten in het segment, bedrag niet getoond.");
}

static void grafieken_sectie(struct pdf *d)
{
	nieuwe_pagina(d);
	kop(d, "3. Het verloop in grafieken");
	grafiek_gebruik(d);
	grafiek_wachttijd(d);
	grafiek_budget(d);
}

/* ---- duiding ---- */

static void duiding_sectie(struct pdf *d)
{
	kop(d, "4. Duiding: het verhaal achter de cijfers");
	alinea(d, d->normaal, 10.0f, ZWART, LINKS, BREED,
	       "Partners (gemeente, lokale teams, aanbieders en de serviceorganisatie) leggen bij "
	       "een cijfer vast wat erachter zit. Hieronder staat hun duiding zoals die op de "
	       "peildatum was vastgelegd.");
	if (d->in->n_duidingen == 0) {
		d->y -= 4.0f;
		alinea(d, d->cursief, 10.0f, GRIJS, LINKS, BREED, "Geen duiding vastgelegd.");
		return;
	}
	for (size_t i = 0; i < d->in->n_duidingen; i++) {
		const struct raad_duiding *du = &d->in->duidingen[i];
		char t[REGEL_MAX], dat[16] = "";

		ruimte(d, 60.0f);
		d->y -= 6.0f;
		snprintf(t, sizeof t, "%s — %s", du->indicator ? du->indicator : "",
			 du->periode ? du->periode : "");
		alinea(d, d->vet, 10.0f, BLAUW, LINKS, BREED, t);
		alinea(d, d->normaal, 10.0f, ZWART, LINKS, BREED, du->tekst ? du->tekst : "");
		if (du->datum != DAG_GEEN)
			fmt_nl(dat, du->datum);
		snprintf(t, sizeof t, "%s%s%s", du->auteur ? du->auteur : "",
			 *dat && du->auteur && *du->auteur ? ", " : "", dat);
		alinea(d, d->cursief, 8.5f, GRIJS, LINKS, BREED, t);
	}
}

/* ---- data quality ---- */

static void kwaliteit_sectie(struct pdf *d)
{
	const struct raad_kwaliteit *k[2] = { &d->c->kwaliteit_gemeente, &d->c->kwaliteit_regio };
	bool ex[2] = { d->in->exact_gemeente, d->in->exact_regio };
	struct tabel t = { 3, { "Gegeven", NULL, "Regio" }, { BREED - 190.0f, 95.0f, 95.0f },
			   { false, true, true }, -1 };
	struct getal g[2];
	char tekst[REGEL_MAX];

	kop(d, "5. Kwaliteit van de gegevens en verantwoording");
	snprintf(tekst, sizeof tekst, "Over de regionale trajecten die de gemeente betaalt en "
		 "die tussen 1 januari %d en de peildatum liepen of werden aangemeld, en over de "
		 "declaraties van %d.", d->in->jaar, d->in->jaar);
	alinea(d, d->normaal, 10.0f, ZWART, LINKS, BREED, tekst);
	t.kop[1] = d->g->naam;
	d->y -= 4.0f;
	tabel_kop(d, &t);
	{
		const char *cel[3];

		for (int i = 0; i < 2; i++)
			g_aantal(k[i]->trajecten, ex[i], &g[i]);
		cel[0] = "Trajecten";
		cel[1] = g[0].tekst;
		cel[2] = g[1].tekst;
		tabel_rij(d, &t, cel, 0);
		for (int i = 0; i < 2; i++)
			g_aantal(k[i]->zonder_aanmelddatum, ex[i], &g[i]);
		cel[0] = "Waarvan zonder aanmelddatum (en zonder ingangsdatum van de toewijzing): "
			 "geen wachttijd";
		cel[1] = g[0].tekst;
		cel[2] = g[1].tekst;
		tabel_rij(d, &t, cel, 1);
		for (int i = 0; i < 2; i++)
			g_deel(k[i]->zonder_aanmelddatum, k[i]->trajecten, ex[i], &g[i]);
		cel[0] = "Deel zonder aanmelddatum";
		cel[1] = g[0].tekst;
		cel[2] = g[1].tekst;
		tabel_rij(d, &t, cel, 2);
		for (int i = 0; i < 2; i++)
			g_aantal(k[i]->jeugdigen, ex[i], &g[i]);
		cel[0] = "Jeugdigen met die trajecten";
		cel[1] = g[0].tekst;
		cel[2] = g[1].tekst;
		tabel_rij(d, &t, cel, 3);
		for (int i = 0; i < 2; i++)
			g_aantal(k[i]->zonder_woonplaats, ex[i], &g[i]);
		cel[0] = "Waarvan zonder geregistreerde woonplaats: tellen bij geen gemeente mee "
			 "in \"1 op N\"";
		cel[1] = g[0].tekst;
		cel[2] = g[1].tekst;
		tabel_rij(d, &t, cel, 4);
		for (int i = 0; i < 2; i++) {
			int64_t tot = k[i]->goedgekeurd + k[i]->afgewezen;
			char pct[NUM_LEN];

			if (tot <= 0) {
				g_tekst(&g[i], "–");
				continue;
			}
			nl_dec(pct, 100.0 * (double)k[i]->afgewezen / (double)tot, 1);
			snprintf(g[i].tekst, sizeof g[i].tekst, "%s %%", pct);
		}
		cel[0] = "Afgewezen deel van het gedeclareerde bedrag (JW325)";
		cel[1] = g[0].tekst;
		cel[2] = g[1].tekst;
		tabel_rij(d, &t, cel, 5);
	}
	d->y -= 8.0f;
	subkop(d, "Peildatum en perioden");
	snprintf(tekst, sizeof tekst, "Peildatum %s. Standen (wachtend, thuiszitters, actieve "
		 "trajecten) gelden op die dag; wachttijden, uitval, doorlooptijd en verwijzers "
		 "over de twaalf maanden ervoor; jeugdhulpgebruik over het hele kalenderjaar; "
		 "verblijf en crisis van 1 januari tot de peildatum; herhaald beroep over trajecten "
		 "die twaalf maanden eerder afliepen. De Treeknorm is 4 weken tot intake en 10 weken "
		 "van intake tot start.", d->peil);
	alinea(d, d->normaal, 9.0f, ZWART, LINKS, BREED, tekst);
	subkop(d, "Afscherming van kleine aantallen");
	if (d->in->exact_gemeente)
		alinea(d, d->normaal, 9.0f, ZWART, LINKS, BREED,
		       d->in->exact_regio
			       ? "Deze versie toont exacte aantallen en is alleen voor medewerkers van "
				 "de gemeente en de regio. Voor publicatie geldt de afscherming "
				 "hieronder."
			       : "Deze versie toont de aantallen van de gemeente exact en is alleen "
				 "voor medewerkers van de gemeente; de regiocijfers volgen de "
				 "afscherming hieronder, net als alles in de openbare versie.");
	alinea(d, d->normaal, 9.0f, ZWART, LINKS, BREED,
	       "In de openbare versie staat een aantal onder de 10 er als <10 en zijn andere "
	       "aantallen afgerond op een veelvoud van 5, zoals het CBS jeugdhulpcijfers "
	       "publiceert. Percentages zijn berekend uit de afgeronde aantallen en staan er als x "
	       "wanneer een van beide is afgeschermd. Medianen en percentielen tonen we alleen over "
	       "minstens 10 waarden, bedragen zijn afgerond op € 1.000, gemiddelde kosten alleen "
	       "over minstens 10 jeugdigen, en budgetcijfers per segment alleen bij minstens 10 "
	       "actieve trajecten. Een oordeel over een doel gaat over het cijfer zoals het hier "
	       "staat.");
}

/* ==== the whole document ===================================================== */

int raadsrapport_pdf(const struct raad_invoer *in, const struct raad_cijfers *c,
		     unsigned char **pdf, size_t *len, char *err, size_t errlen)
{
	struct pdf d;
	HPDF_UINT32 grootte;
	unsigned char *buf = NULL;
	char titel[160];

	*pdf = NULL;
	*len = 0;
	memset(&d, 0, sizeof d);
	d.in = in;
	d.c = c;
	for (size_t i = 0; i < in->data->n_gemeenten; i++)
		if (strcmp(in->data->gemeenten[i].code, in->gemeente) == 0)
			d.g = &in->data->gemeenten[i];
	if (!d.g) {
		snprintf(err, errlen, "gemeente '%s' komt niet voor in deze database", in->gemeente);
		return -1;
	}
	fmt_nl(d.peil, c->peildatum);
	fmt_nl(d.peil_vorig, c->peildatum_vorig);
	fmt_nl(d.gemaakt, in->gemaakt);

	d.doc = HPDF_New(fout_handler, &d);
	if (!d.doc) {
		snprintf(err, errlen, "onvoldoende geheugen voor de PDF");
		return -1;
	}
	HPDF_SetCompressionMode(d.doc, HPDF_COMP_ALL);
	d.normaal = HPDF_GetFont(d.doc, "Helvetica", "WinAnsiEncoding");
	d.vet = HPDF_GetFont(d.doc, "Helvetica-Bold", "WinAnsiEncoding");
	d.cursief = HPDF_GetFont(d.doc, "Helvetica-Oblique", "WinAnsiEncoding");
	snprintf(titel, sizeof titel, "Jeugdhulp in %s - jaarrapportage %d aan de gemeenteraad",
		 d.g->naam, in->jaar);
	HPDF_SetInfoAttr(d.doc, HPDF_INFO_TITLE, titel);
	HPDF_SetInfoAttr(d.doc, HPDF_INFO_AUTHOR, "Regio Holland Rijnland (jeugdregie)");
	HPDF_SetInfoAttr(d.doc, HPDF_INFO_CREATOR, "jeugdregie");

	if (d.fout == HPDF_OK) {
		omslag(&d);
		doelen_sectie(&d);
		indicatoren_sectie(&d);
		grafieken_sectie(&d);
		duiding_sectie(&d);
		d.y -= 10.0f;
		kwaliteit_sectie(&d);
		voettekst(&d);
	}
	if (d.fout == HPDF_OK && !d.vol && !d.geen_geheugen)
		HPDF_SaveToStream(d.doc);
	if (d.fout == HPDF_OK && !d.vol && !d.geen_geheugen) {
		grootte = HPDF_GetStreamSize(d.doc);
		buf = malloc(grootte ? grootte : 1);
		if (!buf)
			d.geen_geheugen = true;
		else if (HPDF_ReadFromStream(d.doc, buf, &grootte) == HPDF_STREAM_EOF &&
			 d.fout == HPDF_STREAM_EOF)
			d.fout = HPDF_OK;   /* read to the end: that is what we want */
	}
	if (d.fout != HPDF_OK || d.vol || d.geen_geheugen) {
		if (d.geen_geheugen || d.fout == HPDF_FAILD_TO_ALLOC_MEM)
			snprintf(err, errlen, "onvoldoende geheugen voor de PDF");
		else if (d.vol)
			snprintf(err, errlen, "het rapport zou meer dan %d pagina's krijgen",
				 MAX_PAGINAS);
		else
			snprintf(err, errlen, "libharu-fout 0x%04X (detail %u) bij het maken van de PDF",
				 (unsigned)d.fout, (unsigned)d.detail);
		free(buf);
		HPDF_Free(d.doc);
		return -1;
	}
	HPDF_Free(d.doc);
	*pdf = buf;
	*len = grootte;
	return 0;
}
