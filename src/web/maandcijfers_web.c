/* maandcijfers_web: see maandcijfers_web.h.
 *
 * A selection is answered from one rollup grouping of the aggregates
 * (steer/maandcijfers.h: mc_groeperingen), so that a series of twelve
 * months reads a handful of rows. A combination of filters that no
 * grouping keeps (e.g. gemeente with aanbieder) is refused with 400.
 * Per jaar: counts of events add up over the months; states (on the
 * last day of a month) are the last month of the year in the range;
 * youth-level distinct counts are the stored yearly figure; histograms
 * are merged before the median is taken.
 */
#include "web/maandcijfers_web.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "domain/onthulling.h"
#include "lib/json.h"
#include "steer/maandcijfers.h"
#include "store/maandcijfers_store.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/formulier.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"

/* YYYY-MM into YYYYMM; -1 when not such a month. */
static int32_t lees_maand(const char *s)
{
	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int32_t j = atoi(s), m = atoi(s + 5);
	return j >= 1900 && m >= 1 && m <= 12 ? j * 100 + m : -1;
}

static bool cijfers_(const char *s, size_t n)
{
	if (strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* A count for the asker: exact, or through onthulling. */
static void schrijf_aantal(struct json *j, int64_t n, bool exact)
{
	struct onthulde_cel c;
	char buf[24];

	if (exact) {
		json_int(j, n);
		return;
	}
	onthulling_cel(n, &c);
	json_object_begin(j);
	json_key(j, "waarde");
	if (c.status == ONTHULLING_ZICHTBAAR)
		json_int(j, c.waarde);
	else
		json_null(j);
	json_key(j, "weergave");
	json_string(j, onthulling_tekst(&c, buf));
	json_object_end(j);
}

/* The gemeenten summed for one selection: the one asked for, a
 * subregion's, or the region row "*". */
#define VRAAG_GEMEENTEN 32

struct vraag {
	struct store *st;
	char gemeenten[VRAAG_GEMEENTEN][GEMEENTE_CODE_LEN];
	size_t n_gemeenten;
	const char *agb, *verwijzer;
	int segment, maat;
	bool exact;
};

/* The rows of one period range over the selection's gemeenten, summed
 * (counts) or merged (histogram). -3 when out of memory. */
static int lees(struct vraag *q, int32_t van, int32_t tot, int64_t *som, struct kpi_verdeling *v)
{
	struct mc_hist *h = NULL;
	size_t n_h = 0;
	int rc = 0;

	*som = 0;
	for (size_t g = 0; g < q->n_gemeenten && rc == 0; g++) {
		struct maandcijfer_rij *r;
		size_t n;
		rc = store_maandcijfers_lees(q->st, q->gemeenten[g], q->segment, q->agb, q->verwijzer,
					     q->maat, van, tot, &r, &n);
		if (rc < 0)
			break;
		rc = 0;
		for (size_t i = 0; i < n; i++)
			*som += r[i].waarde;
		if (v && n > 0) {
			struct mc_hist *nh = realloc(h, (n_h + n) * sizeof *h);
			if (!nh)
				rc = -3;
			else {
				h = nh;
				for (size_t i = 0; i < n; i++)
					h[n_h++] = (struct mc_hist){ r[i].dagen, r[i].waarde };
			}
		}
		free(r);
	}
	if (rc == 0 && v)
		mc_verdeling(h, n_h, v);
	free(h);
	return rc;
}

/* One point of the series. */
struct punt {
	char periode[12];
	int64_t som;
	struct kpi_verdeling vd;    /* histogram indicators */
};

/* The series van..tot (YYYYMM) per month or per year into *out (n
 * points; the caller frees). 0, -3 (memory) or the store's error. */
static int reeks(struct vraag *q, int32_t van, int32_t tot, bool jaar, struct punt **out,
		 size_t *n)
{
	bool hist = mc_maat_histogram(q->maat);
	size_t cap = (size_t)(tot / 100 - van / 100 + 1) * 12;
	struct punt *p = calloc(cap, sizeof *p);
	int rc = 0;

	*out = p;
	*n = 0;
	if (!p)
		return -3;
	for (int32_t m = van; m <= tot && rc == 0 && *n < cap;) {
		struct punt *e = &p[(*n)++];
		struct kpi_verdeling *vd = hist ? &e->vd : NULL;
		if (!jaar) {
			snprintf(e->periode, sizeof e->periode, "%04d-%02d", m / 100 % 10000, m % 100);
			rc = lees(q, m, m, &e->som, vd);
			m = mc_maand_volgend(m);
			continue;
		}
		int j0 = m / 100;
		int32_t laatste = tot < j0 * 100 + 12 ? tot : j0 * 100 + 12;
		snprintf(e->periode, sizeof e->periode, "%04d", j0 % 10000);
		if (mc_maat_jeugd(q->maat) && !mc_maat_stand(q->maat))
			rc = lees(q, j0, j0, &e->som, NULL);
		else if (mc_maat_stand(q->maat))
			rc = lees(q, laatste, laatste, &e->som, vd);
		else
			rc = lees(q, m, laatste, &e->som, vd);
		m = (j0 + 1) * 100 + 1;
	}
	return rc;
}

static void schrijf_punt(struct json *j, const struct vraag *q, const struct punt *p)
{
	json_object_begin(j);
	json_key(j, "periode");
	json_string(j, p->periode);
	if (mc_maat_histogram(q->maat)) {
		bool toon = q->exact || p->vd.n >= ONTHULLING_GRENS;
		json_key(j, "n");
		schrijf_aantal(j, (int64_t)p->vd.n, q->exact);
		json_key(j, "mediaan");
		if (toon)
			json_fixed(j, p->vd.mediaan, 1);
		else
			json_null(j);
		json_key(j, "p80");
		if (toon)
			json_int(j, p->vd.p80);
		else
			json_null(j);
	} else {
		json_key(j, "waarde");
		schrijf_aantal(j, p->som, q->exact);
	}
	json_object_end(j);
}

/* ---- CSV ---- */

/* A CSV field (separator ';', quoted when needed, as Dutch spreadsheets
 * read it). */
static void csv_tekst(FILE *f, const char *s, bool eerste)
{
	if (!eerste)
		fputc(';', f);
	if (!strpbrk(s, ";\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* A count as the asker may see it: the (rounded) number, or empty, and
 * how it is shown ("<10" for a hidden one). */
static void csv_aantal(FILE *f, int64_t n, bool exact)
{
	struct onthulde_cel c;
	char buf[24];

	if (exact) {
		fprintf(f, ";%lld;%lld", (long long)n, (long long)n);
		return;
	}
	onthulling_cel(n, &c);
	if (c.status == ONTHULLING_ZICHTBAAR)
		fprintf(f, ";%lld", (long long)c.waarde);
	else
		fputc(';', f);
	csv_tekst(f, onthulling_tekst(&c, buf), false);
}

static void schrijf_csv(FILE *f, const struct vraag *q, const char *const sel[5],
			const struct punt *p, size_t n)
{
	static const char *const kop[] = { "indicator", "gemeente", "subregio", "segment",
					   "aanbieder", "verwijzer", "periode" };
	bool hist = mc_maat_histogram(q->maat);

	for (size_t k = 0; k < sizeof kop / sizeof kop[0]; k++)
		csv_tekst(f, kop[k], k == 0);
	fputs(hist ? ";n;n_weergave;mediaan;p80\r\n" : ";waarde;weergave\r\n", f);
	for (size_t i = 0; i < n; i++) {
		csv_tekst(f, mc_maat_naam(q->maat), true);
		for (size_t k = 0; k < 5; k++)
			csv_tekst(f, sel[k], false);
		csv_tekst(f, p[i].periode, false);
		if (!hist) {
			csv_aantal(f, p[i].som, q->exact);
		} else {
			csv_aantal(f, (int64_t)p[i].vd.n, q->exact);
			if (q->exact || p[i].vd.n >= ONTHULLING_GRENS) {
				/* A decimal comma: the median may end in ,5. */
				long long tiend = (long long)(p[i].vd.mediaan * 10.0 + 0.5);
				fprintf(f, ";%lld,%lld;%d", tiend / 10, tiend % 10, (int)p[i].vd.p80);
			} else {
				fputs(";;", f);
			}
		}
		fputs("\r\n", f);
	}
}

static enum web_uitslag zend_csv(struct web_verzoek *v, struct web_buf *b, const char *naam)
{
	char schijf[128];
	struct MHD_Response *r;

	if (web_buf_sluit(b) < 0)
		return WEB_FATAAL;
	snprintf(schijf, sizeof schijf, "attachment; filename=\"%s\"", naam);
	r = antwoord_maak(b->data, b->len, true, "text/csv; charset=utf-8", ANTWOORD_DYNAMISCH);
	if (!r || !antwoord_header(r, "Content-Disposition", schijf)) {
		if (r)
			MHD_destroy_response(r);
		return WEB_FATAAL;
	}
	return antwoord_zend(v->conn, MHD_HTTP_OK, r);
}

/* ---- the request ---- */

/* The gemeenten of subregio naam into q; false when it has none. */
static int subregio_gemeenten(struct vraag *q, const char *naam)
{
	struct gemeente *g;
	size_t n;
	int rc = store_gemeenten(q->st, &g, &n);

	if (rc < 0)
		return rc;
	q->n_gemeenten = 0;
	for (size_t i = 0; i < n && q->n_gemeenten < VRAAG_GEMEENTEN; i++)
		if (strcmp(g[i].subregio, naam) == 0)
			snprintf(q->gemeenten[q->n_gemeenten++], GEMEENTE_CODE_LEN, "%s", g[i].code);
	free(g);
	return 0;
}

static enum web_uitslag maandcijfers(struct web_verzoek *v, bool csv)
{
	char ind[40] = "", gem[8] = "", sub[NAAM_LEN] = "", seg[4] = "", agb[12] = "", ver[4] = "",
	     van_s[10] = "", tot_s[10] = "", per[8] = "";
	struct formulier_veld velden[] = {
		{ "indicator", ind, sizeof ind, false }, { "gemeente", gem, sizeof gem, false },
		{ "subregio", sub, sizeof sub, false },  { "segment", seg, sizeof seg, false },
		{ "aanbieder", agb, sizeof agb, false }, { "verwijzer", ver, sizeof ver, false },
		{ "van", van_s, sizeof van_s, false },   { "tot", tot_s, sizeof tot_s, false },
		{ "per", per, sizeof per, false },
	};
	enum web_uitslag u = WEB_FATAAL;
	int64_t segment = -1;

	if (query_lees(v, velden, sizeof velden / sizeof velden[0], &u) < 0)
		return u;
	int maat = mc_maat_van(ind);
	if (maat == 0)
		return query_weiger(v, "indicator", "Onbekende indicator; zie docs/api/maandcijfers.md "
				    "voor de namen (bijvoorbeeld actief, nieuw, uitval).", &u),
		       u;
	if (query_getal(v, "segment", seg, 0, SEGMENT_AANTAL - 1, &segment, &u) < 0)
		return u;
	if (gem[0] && !cijfers_(gem, 4))
		return query_weiger(v, "gemeente", "Geef de gemeente als CBS-code van vier cijfers, "
				    "bijvoorbeeld 0546.", &u), u;
	if (gem[0] && sub[0])
		return query_weiger(v, "subregio", "Geef een gemeente of een subregio, niet allebei.",
				    &u), u;
	if (agb[0] && !cijfers_(agb, 8))
		return query_weiger(v, "aanbieder", "Geef de aanbieder als AGB-code van acht cijfers.",
				    &u), u;
	if (ver[0] && !cijfers_(ver, 2) && strcmp(ver, "00") != 0)
		return query_weiger(v, "verwijzer", "Geef de verwijzer als COD327-code van twee "
				    "cijfers, bijvoorbeeld 02.", &u), u;
	int32_t van = van_s[0] ? lees_maand(van_s) : 0, tot = tot_s[0] ? lees_maand(tot_s) : 0;
	if (van < 0 || tot < 0 || !van_s[0] || !tot_s[0] || van > tot)
		return query_weiger(v, van < 0 || !van_s[0] ? "van" : "tot",
				    "Geef van en tot als JJJJ-MM, van niet na tot.", &u), u;
	bool jaar = strcmp(per, "jaar") == 0;
	if (per[0] && !jaar && strcmp(per, "maand") != 0)
		return query_weiger(v, "per", "per is maand of jaar.", &u), u;
	/* The grouping that keeps exactly the filtered dimensions (a
	 * subregion is read as its gemeenten). */
	bool per_gemeente = gem[0] || sub[0], past = false;
	if (mc_maat_jeugd(maat)) {
		past = segment < 0 && !agb[0] && !ver[0];
	} else {
		for (size_t i = 0; i < MC_GROEPERINGEN && !past; i++) {
			const struct mc_groepering *g = &mc_groeperingen[i];
			past = g->gemeente == per_gemeente && g->segment == (segment >= 0) &&
			       g->aanbieder == (agb[0] != 0) && g->verwijzer == (ver[0] != 0);
		}
	}
	if (!past)
		return query_weiger(v, "indicator", "Deze combinatie van gemeente, segment, aanbieder "
				    "en verwijzer wordt voor deze indicator niet bijgehouden; zie "
				    "docs/api/maandcijfers.md.", &u), u;

	struct vraag q = {
		.agb = agb[0] ? agb : "*",
		.verwijzer = ver[0] ? (strcmp(ver, "00") == 0 ? "" : ver) : "*",
		.segment = (int)segment, .maat = maat,
		/* A subregion is exact for whom the region is. */
		.exact = agb[0] ? toegang_aanbieder_exact(v->wie, agb)
				: toegang_gemeente_exact(v->wie, gem[0] ? gem : NULL),
	};
	q.st = pagina_store(v, &u);
	if (!q.st)
		return u;
	if (sub[0]) {
		int rc = subregio_gemeenten(&q, sub);
		if (rc < 0)
			return pagina_store_fout(v, q.st, rc);
		if (q.n_gemeenten == 0)
			return query_weiger(v, "subregio", "Onbekende subregio; zie /api/v1/gemeenten "
					    "voor de namen (bijvoorbeeld Leidse regio).", &u), u;
	} else {
		/* gem is empty or four digits (checked above). */
		memcpy(q.gemeenten[0], gem[0] ? gem : "*", gem[0] ? 5 : 2);
		q.n_gemeenten = 1;
	}

	struct punt *p;
	size_t n;
	int rc = reeks(&q, van, tot, jaar, &p, &n);
	if (rc < 0) {
		free(p);
		if (rc == -3)
			return pagina_fout(v, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
					   "Er was onvoldoende geheugen voor de maandcijfers.");
		return pagina_store_fout(v, q.st, rc);
	}

	struct web_buf b;
	if (web_buf_open(&b) < 0) {
		free(p);
		return WEB_FATAAL;
	}
	if (csv) {
		char segtekst[4] = "", naam[80];
		if (segment >= 0)
			snprintf(segtekst, sizeof segtekst, "%d", (int)segment);
		const char *const sel[5] = { gem, sub, segtekst, agb, ver };
		schrijf_csv(b.f, &q, sel, p, n);
		free(p);
		snprintf(naam, sizeof naam, "maandcijfers-%s-%s-%s.csv", mc_maat_naam(maat), van_s,
			 tot_s);
		return zend_csv(v, &b, naam);
	}
	struct json j;
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "indicator");
	json_string(&j, mc_maat_naam(maat));
	json_key(&j, "per");
	json_string(&j, jaar ? "jaar" : "maand");
	json_key(&j, "onderdrukt");
	json_bool(&j, !q.exact);
	json_key(&j, "selectie");
	json_object_begin(&j);
	json_key(&j, "gemeente");
	json_string(&j, gem[0] ? gem : NULL);
	json_key(&j, "subregio");
	json_string(&j, sub[0] ? sub : NULL);
	json_key(&j, "segment");
	if (segment >= 0)
		json_int(&j, segment);
	else
		json_null(&j);
	json_key(&j, "aanbieder");
	json_string(&j, agb[0] ? agb : NULL);
	json_key(&j, "verwijzer");
	json_string(&j, ver[0] ? ver : NULL);
	json_object_end(&j);
	json_key(&j, "reeks");
	json_array_begin(&j);
	for (size_t i = 0; i < n; i++)
		schrijf_punt(&j, &q, &p[i]);
	json_array_end(&j);
	json_object_end(&j);
	free(p);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag api_maandcijfers(struct web_verzoek *v)
{
	return maandcijfers(v, false);
}

static enum web_uitslag api_maandcijfers_csv(struct web_verzoek *v)
{
	return maandcijfers(v, true);
}

const struct route maandcijfers_routes[] = {
	{ "GET", "/api/v1/maandcijfers", api_maandcijfers, EIS_PUBLIEK },
	{ "GET", "/api/v1/maandcijfers.csv", api_maandcijfers_csv, EIS_PUBLIEK },
};
const size_t maandcijfers_routes_n = sizeof maandcijfers_routes / sizeof maandcijfers_routes[0];
