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

struct vraag {
	struct store *st;
	const char *gemeente, *agb, *verwijzer;
	int segment, maat;
	bool exact;
};

/* The rows of one period range, summed (counts) or merged (histogram). */
static int lees(struct vraag *q, int32_t van, int32_t tot, int64_t *som, struct kpi_verdeling *v)
{
	struct maandcijfer_rij *r;
	size_t n;
	int rc = store_maandcijfers_lees(q->st, q->gemeente, q->segment, q->agb, q->verwijzer,
					 q->maat, van, tot, &r, &n);
	if (rc < 0)
		return rc;
	*som = 0;
	for (size_t i = 0; i < n; i++)
		*som += r[i].waarde;
	if (v) {
		struct mc_hist *h = calloc(n ? n : 1, sizeof *h);
		if (!h) {
			free(r);
			return -3;
		}
		for (size_t i = 0; i < n; i++)
			h[i] = (struct mc_hist){ r[i].dagen, r[i].waarde };
		mc_verdeling(h, n, v);
		free(h);
	}
	free(r);
	return 0;
}

static void schrijf_punt(struct json *j, const struct vraag *q, const char *periode, int64_t som,
			 const struct kpi_verdeling *v)
{
	json_object_begin(j);
	json_key(j, "periode");
	json_string(j, periode);
	if (v) {
		bool toon = q->exact || v->n >= ONTHULLING_GRENS;
		json_key(j, "n");
		schrijf_aantal(j, (int64_t)v->n, q->exact);
		json_key(j, "mediaan");
		if (toon)
			json_fixed(j, v->mediaan, 1);
		else
			json_null(j);
		json_key(j, "p80");
		if (toon)
			json_int(j, v->p80);
		else
			json_null(j);
	} else {
		json_key(j, "waarde");
		schrijf_aantal(j, som, q->exact);
	}
	json_object_end(j);
}

static enum web_uitslag api_maandcijfers(struct web_verzoek *v)
{
	char ind[40] = "", gem[8] = "", seg[4] = "", agb[12] = "", ver[4] = "", van_s[10] = "",
	     tot_s[10] = "", per[8] = "";
	struct formulier_veld velden[] = {
		{ "indicator", ind, sizeof ind, false }, { "gemeente", gem, sizeof gem, false },
		{ "segment", seg, sizeof seg, false },   { "aanbieder", agb, sizeof agb, false },
		{ "verwijzer", ver, sizeof ver, false }, { "van", van_s, sizeof van_s, false },
		{ "tot", tot_s, sizeof tot_s, false },   { "per", per, sizeof per, false },
	};
	enum web_uitslag u = WEB_FATAAL;
	int64_t segment = -1;

	if (query_lees(v, velden, 8, &u) < 0)
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
	/* The grouping that keeps exactly the filtered dimensions. */
	bool past = false;
	if (mc_maat_jeugd(maat)) {
		past = segment < 0 && !agb[0] && !ver[0];
	} else {
		for (size_t i = 0; i < MC_GROEPERINGEN && !past; i++) {
			const struct mc_groepering *g = &mc_groeperingen[i];
			past = g->gemeente == (gem[0] != 0) && g->segment == (segment >= 0) &&
			       g->aanbieder == (agb[0] != 0) && g->verwijzer == (ver[0] != 0);
		}
	}
	if (!past)
		return query_weiger(v, "indicator", "Deze combinatie van gemeente, segment, aanbieder "
				    "en verwijzer wordt voor deze indicator niet bijgehouden; zie "
				    "docs/api/maandcijfers.md.", &u), u;

	struct vraag q = {
		.gemeente = gem[0] ? gem : "*", .agb = agb[0] ? agb : "*",
		.verwijzer = ver[0] ? (strcmp(ver, "00") == 0 ? "" : ver) : "*",
		.segment = (int)segment, .maat = maat,
		.exact = agb[0] ? toegang_aanbieder_exact(v->wie, agb)
				: toegang_gemeente_exact(v->wie, gem[0] ? gem : NULL),
	};
	q.st = pagina_store(v, &u);
	if (!q.st)
		return u;

	struct web_buf b;
	struct json j;
	int rc = 0;
	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
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
	bool hist = mc_maat_histogram(maat);
	for (int32_t m = van; m <= tot && rc == 0;) {
		char label[16];
		int64_t som = 0;
		struct kpi_verdeling vd;
		if (!jaar) {
			snprintf(label, sizeof label, "%04d-%02d", m / 100, m % 100);
			rc = lees(&q, m, m, &som, hist ? &vd : NULL);
			m = mc_maand_volgend(m);
		} else {
			int j0 = m / 100;
			int32_t laatste = tot < j0 * 100 + 12 ? tot : j0 * 100 + 12;
			snprintf(label, sizeof label, "%04d", j0);
			if (mc_maat_jeugd(maat) && !mc_maat_stand(maat))
				rc = lees(&q, j0, j0, &som, NULL);
			else if (mc_maat_stand(maat))
				rc = lees(&q, laatste, laatste, &som, hist ? &vd : NULL);
			else
				rc = lees(&q, m, laatste, &som, hist ? &vd : NULL);
			m = (j0 + 1) * 100 + 1;
		}
		if (rc == 0)
			schrijf_punt(&j, &q, label, som, hist ? &vd : NULL);
	}
	json_array_end(&j);
	json_object_end(&j);
	if (rc < 0) {
		fclose(b.f);
		free(b.data);
		if (rc == -3)
			return pagina_fout(v, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
					   "Er was onvoldoende geheugen voor de maandcijfers.");
		return pagina_store_fout(v, q.st, rc);
	}
	return pagina_json_klaar(v, &b, &j);
}

const struct route maandcijfers_routes[] = {
	{ "GET", "/api/v1/maandcijfers", api_maandcijfers, EIS_PUBLIEK },
};
const size_t maandcijfers_routes_n = sizeof maandcijfers_routes / sizeof maandcijfers_routes[0];
