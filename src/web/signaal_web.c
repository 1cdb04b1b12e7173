/* signaal_web: see signaal_web.h.
 *
 * Disclosure:
 *  - Goals (/doelen): askers who may see a unit's figures exactly
 *    (toegang_gemeente_exact: regio, beheerder; gemeente and lokaal_team
 *    for their own gemeenten) get the exact values. For everyone else a
 *    value is computed from the published counts (onthulling: rounded to
 *    5, hidden below 10; the 0-17 population is public) and hidden when a
 *    count is; the target, path, position and ranking are then worked out
 *    from those published values (doelen_beoordeel on the shown figures),
 *    so that no exact figure can be read back from a factor target.
 *  - Signals (/signalen) are work items for a role, so only logged-in
 *    users see them: regio and beheerder every signal; gemeente and
 *    lokaal_team the signals on their own gemeenten addressed to their
 *    role; beleid the signals on the region's own series, with values
 *    shown as published counts; aanbieder none (no series is addressed
 *    to providers). The public gets the goals, whose figures already are
 *    public, but no signals: nobody outside the partners acts on them.
 */
#include "web/signaal_web.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "domain/onthulling.h"
#include "lib/json.h"
#include "web/antwoord.h"
#include "web/download.h"
#include "web/grafiek.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/signaal_cache.h"
#include "web/toegang.h"

#define DECIMALEN 4

/* ==== common ================================================================ */

static struct signaal_stand *stand_pak(struct web_verzoek *v, enum web_uitslag *u)
{
	struct store *st = pagina_store(v, u);
	struct signaal_stand *s;
	int rc;

	if (!st)
		return NULL;
	rc = signaal_pak(st, &s);
	if (rc < 0) {
		*u = pagina_store_fout(v, st, rc);
		return NULL;
	}
	return s;
}

static enum web_uitslag geheugen_op(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
			   "Er was onvoldoende geheugen om de doelen en signalen te tonen.");
}

static void datum_nl(char out[16], dag_t d)
{
	int j, m, dd;

	datum_delen(d, &j, &m, &dd);
	snprintf(out, 16, "%d-%d-%d", dd, m, j);
}

static const char *const maand_naam[12] = {
	"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
};

static void maand_label(char out[16], dag_t d)
{
	int j, m;

	datum_delen(d, &j, &m, NULL);
	snprintf(out, 16, "%s %d", maand_naam[m - 1], j);
}

/* A number with a decimal comma ("" when not shown). */
static void csv_getal(FILE *f, bool zichtbaar, double x, int decimalen)
{
	char buf[GRAFIEK_GETAL_LEN], *p, *q;

	fputc(';', f);
	if (!zichtbaar || isnan(x))
		return;
	grafiek_nl(buf, x, decimalen);
	/* no thousands dots in a data file */
	for (p = q = buf; *p; p++)
		if (*p != '.')
			*q++ = *p;
	*q = '\0';
	fputs(buf, f);
}

/* ==== goals as shown ========================================================== */

/* The goals as wie may see them, in a copy the caller frees
 * (doelen_vrij); exact[i] tells per unit. -1 when out of memory. */
static int doelen_weergave(const struct doelen_overzicht *o, const struct toegang *wie,
			   struct doelen_overzicht *uit, bool **exact)
{
	*uit = *o;
	uit->eenheden = malloc(o->n_eenheden * sizeof *uit->eenheden);
	*exact = calloc(o->n_eenheden, sizeof **exact);
	if (!uit->eenheden || !*exact) {
		free(uit->eenheden);
		free(*exact);
		uit->eenheden = NULL;
		return -1;
	}
	memcpy(uit->eenheden, o->eenheden, o->n_eenheden * sizeof *uit->eenheden);
	for (size_t i = 0; i < o->n_eenheden; i++) {
		struct doelen_eenheid *e = &uit->eenheden[i];

		(*exact)[i] = toegang_gemeente_exact(wie, i ? e->code : NULL);
		if ((*exact)[i])
			continue;
		for (int g = 0; g < DOELEN_AANTAL; g++) {
			struct doelen_positie *p = &e->doelen[g];

			doelen_meting_publiek((enum doelen_id)g, &p->basis);
			doelen_meting_publiek((enum doelen_id)g, &p->nu);
			doelen_beoordeel(&doelen_defs[g], o->basis_dag, o->doel_dag, o->peildatum, p);
		}
	}
	for (int g = 0; g < DOELEN_AANTAL; g++)
		doelen_rangschik(uit->eenheden, uit->n_eenheden, (enum doelen_id)g);
	return 0;
}

static double of_nan(bool bekend, double x)
{
	return bekend ? x : NAN;
}

/* ==== GET /doelen ============================================================= */

#define PAD_LABELS 8

/* Labels of the path chart: the baseline year, "nu", then every year end
 * after the peildatum up to the target year. */
static size_t pad_punten(const struct doelen_overzicht *o, dag_t dagen[PAD_LABELS],
			 char labels[PAD_LABELS][24])
{
	char d[16];
	size_t n = 0;
	int j;

	dagen[n] = o->basis_dag;
	snprintf(labels[n++], 24, "%d", o->basisjaar);
	dagen[n] = o->peildatum;
	datum_nl(d, o->peildatum);
	snprintf(labels[n++], 24, "nu (%s)", d);
	datum_delen(o->peildatum, &j, NULL, NULL);
	for (int y = j + (o->peildatum == datum_van(j, 12, 31)); y <= DOELEN_DOELJAAR &&
	     n < PAD_LABELS; y++) {
		if (datum_van(y, 12, 31) <= o->peildatum)
			continue;
		dagen[n] = datum_van(y, 12, 31);
		snprintf(labels[n++], 24, "%d", y);
	}
	return n;
}

static int doel_sectie(FILE *f, const struct doelen_overzicht *o, const bool *exact,
		       enum doelen_id g)
{
	const struct doelen_def *def = &doelen_defs[g];
	const struct doelen_positie *r = &o->eenheden[0].doelen[g];
	dag_t dagen[PAD_LABELS];
	char labels_buf[PAD_LABELS][24], id[48], titel[160], oms[400], buf[GRAFIEK_GETAL_LEN];
	const char *labels[PAD_LABELS];
	double pad[PAD_LABELS], regio[PAD_LABELS];
	size_t n = pad_punten(o, dagen, labels_buf), ng = o->n_eenheden - 1;
	struct grafiek_reeks reeksen[3];
	struct grafiek gr;
	const char **gnamen = NULL;
	double *gw = NULL;
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		labels[i] = labels_buf[i];
		pad[i] = r->basis.bekend ? doelen_pad(r->basis.waarde, r->doel, o->basis_dag,
						      o->doel_dag, dagen[i])
					 : NAN;
		regio[i] = NAN;
	}
	regio[0] = of_nan(r->basis.bekend, r->basis.waarde);
	regio[1] = of_nan(r->nu.bekend, r->nu.waarde);

	fprintf(f, "<section class=\"doel\" aria-labelledby=\"kop-%s\">\n<h2 id=\"kop-%s\">",
		def->sleutel, def->sleutel);
	html_txt(f, def->naam);
	fputs("</h2>\n<p>Indicator: ", f);
	html_txt(f, def->indicator);
	fputs(".</p>\n<p>Doel 2030: ", f);
	if (r->basis.bekend) {
		html_txt(f, grafiek_nl(buf, r->doel, def->decimalen));
		html_txt(f, def->eenheid);
	} else {
		fputs("onbekend (geen basiswaarde)", f);
	}
	fputs(def->aanname ? " <strong>(aanname)</strong>" : "", f);
	fputs(". Bron: ", f);
	html_txt(f, def->bron);
	fputs(".</p>\n", f);

	snprintf(id, sizeof id, "doel-%s-pad", def->sleutel);
	snprintf(titel, sizeof titel, "%s: pad van %d naar %d", def->naam, o->basisjaar,
		 DOELEN_DOELJAAR);
	snprintf(oms, sizeof oms, "Rechte lijn van de regionale waarde in %d naar het doel in "
		 "%d, met de waarde van de regio nu.", o->basisjaar, DOELEN_DOELJAAR);
	reeksen[0] = (struct grafiek_reeks){ "Pad van de regio", pad };
	reeksen[1] = (struct grafiek_reeks){ "Regio", regio };
	memset(&gr, 0, sizeof gr);
	gr.soort = GRAFIEK_LIJN;
	gr.id = id;
	gr.titel = titel;
	gr.omschrijving = oms;
	gr.eenheid = def->eenheid;
	gr.decimalen = def->decimalen;
	gr.n_punten = n;
	gr.labels = labels;
	gr.n_reeksen = 2;
	gr.reeksen = reeksen;
	gr.met_doel = r->basis.bekend;
	gr.doel = r->doel;
	gr.doel_naam = "Doel 2030";
	if (grafiek_figuur(f, &gr) < 0)
		return -1;

	/* Each gemeente: baseline, now and its own path now. */
	gnamen = malloc(ng * sizeof *gnamen);
	gw = malloc(3 * ng * sizeof *gw);
	if (ng && (!gnamen || !gw)) {
		rc = -1;
		goto uit;
	}
	for (size_t i = 0; i < ng; i++) {
		const struct doelen_positie *p = &o->eenheden[i + 1].doelen[g];

		gnamen[i] = o->eenheden[i + 1].naam;
		gw[i] = of_nan(p->basis.bekend, p->basis.waarde);
		gw[ng + i] = of_nan(p->nu.bekend, p->nu.waarde);
		gw[2 * ng + i] = of_nan(p->basis.bekend, p->pad_nu);
	}
	snprintf(id, sizeof id, "doel-%s-gemeenten", def->sleutel);
	snprintf(titel, sizeof titel, "%s per gemeente: %d, nu en het pad nu", def->naam,
		 o->basisjaar);
	snprintf(oms, sizeof oms, "Per gemeente de waarde in %d, de waarde nu en waar het eigen "
		 "pad naar 2030 nu ligt.", o->basisjaar);
	snprintf(labels_buf[0], sizeof labels_buf[0], "%d", o->basisjaar);
	reeksen[0] = (struct grafiek_reeks){ labels_buf[0], gw };
	reeksen[1] = (struct grafiek_reeks){ "Nu", gw + ng };
	reeksen[2] = (struct grafiek_reeks){ "Pad nu", gw + 2 * ng };
	gr.soort = GRAFIEK_STAAF;
	gr.n_punten = ng;
	gr.labels = gnamen;
	gr.n_reeksen = 3;
	gr.met_doel = g != DOELEN_VERBLIJF && g != DOELEN_COLLECTIEF && r->basis.bekend;
	if (grafiek_figuur(f, &gr) < 0) {
		rc = -1;
		goto uit;
	}

	fprintf(f, "<table class=\"doel-stand\">\n<caption>%s: waar elke gemeente staat "
		"(tolerantie %d %% van de afstand, minstens ", def->naam,
		(int)(DOELEN_TOLERANTIE_DEEL * 100));
	html_txt(f, grafiek_nl(buf, def->tolerantie_min, 2));
	html_txt(f, def->eenheid);
	fprintf(f, ")</caption>\n<thead><tr><th scope=\"col\">Gemeente</th><th scope=\"col\">%d"
		"</th><th scope=\"col\">Nu</th><th scope=\"col\">Pad nu</th><th scope=\"col\">"
		"Doel 2030</th><th scope=\"col\">Stand</th><th scope=\"col\">Rang</th></tr>"
		"</thead>\n<tbody>\n", o->basisjaar);
	for (size_t i = 0; i < o->n_eenheden; i++) {
		const struct doelen_positie *p = &o->eenheden[i].doelen[g];

		fputs("<tr><th scope=\"row\">", f);
		html_txt(f, o->eenheden[i].naam);
		fputs(exact[i] ? "" : " <abbr title=\"afgeronde aantallen\">(afgerond)</abbr>", f);
		fputs("</th>", f);
		fprintf(f, "<td>%s</td>", p->basis.bekend ? grafiek_nl(buf, p->basis.waarde,
								     def->decimalen) : "–");
		fprintf(f, "<td>%s</td>", p->nu.bekend ? grafiek_nl(buf, p->nu.waarde,
								  def->decimalen) : "–");
		fprintf(f, "<td>%s</td>", p->basis.bekend ? grafiek_nl(buf, p->pad_nu,
								     def->decimalen) : "–");
		fprintf(f, "<td>%s</td>", p->basis.bekend ? grafiek_nl(buf, p->doel,
								     def->decimalen) : "–");
		fprintf(f, "<td class=\"stand-%s\">%s</td>", doelen_status_naam(p->status),
			doelen_status_tekst(p->status));
		if (p->rang)
			fprintf(f, "<td>%zu</td></tr>\n", p->rang);
		else
			fputs("<td>–</td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</section>\n", f);
uit:
	free(gnamen);
	free(gw);
	return rc;
}

/* What the goal handlers share: the stand, the goals as the asker may see
 * them and an open buffer. */
struct doelen_verzoek {
	struct signaal_stand *s;
	struct doelen_overzicht o;
	bool *exact;
	struct web_buf b;
};

/* Reads the (empty) query and fills dv; -1 with *u the answer when the
 * request cannot go on (nothing then to release). */
static int doelen_open(struct web_verzoek *v, struct doelen_verzoek *dv, enum web_uitslag *u)
{
	struct formulier_veld velden[1];

	if (query_lees(v, velden, 0, u) < 0)
		return -1;
	dv->s = stand_pak(v, u);
	if (!dv->s)
		return -1;
	if (doelen_weergave(signaal_stand_doelen(dv->s), v->wie, &dv->o, &dv->exact) < 0) {
		*u = geheugen_op(v);
		signaal_laat(dv->s);
		return -1;
	}
	if (web_buf_open(&dv->b) < 0) {
		*u = WEB_FATAAL;
		doelen_vrij(&dv->o);
		free(dv->exact);
		signaal_laat(dv->s);
		return -1;
	}
	return 0;
}

/* Releases what doelen_open took (the buffer is the answer's by now);
 * returns u. */
static enum web_uitslag doelen_sluit(struct doelen_verzoek *dv, enum web_uitslag u)
{
	doelen_vrij(&dv->o);
	free(dv->exact);
	signaal_laat(dv->s);
	return u;
}

static enum web_uitslag pagina_doelen(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct doelen_verzoek dv;
	char d[16];
	FILE *f;

	if (doelen_open(v, &dv, &u) < 0)
		return u;
	f = dv.b.f;
	pagina_html_begin(f, "Doelen 2030: het pad en waar we staan", v->wie, "doelen");
	datum_nl(d, dv.o.peildatum);
	if (!dv.o.basisjaar) {
		fputs("<p>Er is nog geen volledig basisjaar in de gegevens; het pad naar 2030 "
		      "begint bij het eerste hele kalenderjaar.</p>\n", f);
	} else {
		fprintf(f, "<p class=\"inleiding\">Elk doel van de regiovisie als een rechte lijn "
			"van de waarde in %d (basisjaar) naar het doel op 31-12-%d, en waar de regio "
			"en elke gemeente op <strong>%s</strong> staan. <em>Voor</em> of "
			"<em>achter</em> op het pad betekent: meer dan %d %% van de afstand tussen "
			"basis en doel (en minstens de kleinste zinvolle afwijking van het doel) "
			"beter of slechter dan waar het pad nu ligt. Cijfers over een periode "
			"gaan over de 12 maanden tot de peildatum; standen (thuiszitters, "
			"groepszorg, regisseur) over de peildatum zelf. Doelen met "
			"<strong>(aanname)</strong> stelt de regio zelf vast.</p>\n",
			dv.o.basisjaar, DOELEN_DOELJAAR, d, (int)(DOELEN_TOLERANTIE_DEEL * 100));
		fputs("<p>Download: <a href=\"/doelen.csv\">CSV</a> · <a href=\"/api/v1/doelen\">"
		      "JSON</a> · <a href=\"/signalen\">Signalen</a></p>\n", f);
		for (int g = 0; g < DOELEN_AANTAL; g++)
			if (doel_sectie(f, &dv.o, dv.exact, (enum doelen_id)g) < 0)
				break;
	}
	grafiek_scripts(f);
	pagina_html_einde(f);
	u = pagina_html_klaar(v, &dv.b);
	return doelen_sluit(&dv, u);
}

/* ==== GET /api/v1/doelen and /doelen.csv ====================================== */

static void j_meting(struct json *j, const char *sleutel, const struct doelen_meting *m,
		     int decimalen)
{
	json_key(j, sleutel);
	if (!m->bekend) {
		json_null(j);
		return;
	}
	json_object_begin(j);
	json_key(j, "waarde");
	json_fixed(j, m->waarde, decimalen);
	json_key(j, "aantal");
	json_uint(j, m->aantal);
	json_key(j, "totaal");
	json_uint(j, m->totaal);
	json_object_end(j);
}

static enum web_uitslag api_doelen(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct doelen_verzoek dv;
	struct json j;
	char d[11];

	if (doelen_open(v, &dv, &u) < 0)
		return u;
	json_init(&j, dv.b.f, false);
	json_object_begin(&j);
	json_key(&j, "peildatum");
	json_string(&j, datum_fmt(dv.o.peildatum, d));
	json_key(&j, "data_versie");
	json_string(&j, signaal_stand_versie(dv.s));
	json_key(&j, "basisjaar");
	if (dv.o.basisjaar)
		json_int(&j, dv.o.basisjaar);
	else
		json_null(&j);
	json_key(&j, "basis_datum");
	json_string(&j, dv.o.basisjaar ? datum_fmt(dv.o.basis_dag, d) : NULL);
	json_key(&j, "doel_datum");
	json_string(&j, datum_fmt(dv.o.doel_dag, d));
	json_key(&j, "tolerantie_deel");
	json_fixed(&j, DOELEN_TOLERANTIE_DEEL, 2);
	json_key(&j, "doelen");
	json_array_begin(&j);
	for (int g = 0; g < DOELEN_AANTAL; g++) {
		const struct doelen_def *def = &doelen_defs[g];

		json_object_begin(&j);
		json_key(&j, "sleutel");
		json_string(&j, def->sleutel);
		json_key(&j, "naam");
		json_string(&j, def->naam);
		json_key(&j, "indicator");
		json_string(&j, def->indicator);
		json_key(&j, "eenheid");
		json_string(&j, def->eenheid[0] == ' ' ? def->eenheid + 1 : def->eenheid);
		json_key(&j, "lager_is_beter");
		json_bool(&j, def->lager_beter);
		json_key(&j, "streef_soort");
		json_string(&j, def->soort == DOELEN_FACTOR ? "factor_van_basis" : "absoluut");
		json_key(&j, "streef");
		json_fixed(&j, def->streef, DECIMALEN);
		json_key(&j, "tolerantie_minimum");
		json_fixed(&j, def->tolerantie_min, DECIMALEN);
		json_key(&j, "aanname");
		json_bool(&j, def->aanname);
		json_key(&j, "bron");
		json_string(&j, def->bron);
		json_key(&j, "eenheden");
		json_array_begin(&j);
		for (size_t i = 0; i < dv.o.n_eenheden; i++) {
			const struct doelen_positie *p = &dv.o.eenheden[i].doelen[g];

			json_object_begin(&j);
			json_key(&j, "gemeente");
			json_string(&j, i ? dv.o.eenheden[i].code : NULL);
			json_key(&j, "naam");
			json_string(&j, dv.o.eenheden[i].naam);
			json_key(&j, "onderdrukt");
			json_bool(&j, !dv.exact[i]);
			j_meting(&j, "basis", &p->basis, DECIMALEN);
			j_meting(&j, "nu", &p->nu, DECIMALEN);
			json_key(&j, "doel");
			json_fixed(&j, of_nan(p->basis.bekend, p->doel), DECIMALEN);
			json_key(&j, "pad_nu");
			json_fixed(&j, of_nan(p->basis.bekend, p->pad_nu), DECIMALEN);
			json_key(&j, "voorsprong");
			json_fixed(&j, of_nan(p->status != DOELEN_ONBEKEND, p->voorsprong),
				   DECIMALEN);
			json_key(&j, "tolerantie");
			json_fixed(&j, of_nan(p->basis.bekend, p->tolerantie), DECIMALEN);
			json_key(&j, "stand");
			json_string(&j, doelen_status_naam(p->status));
			json_key(&j, "rang");
			if (p->rang)
				json_uint(&j, p->rang);
			else
				json_null(&j);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	u = pagina_json_klaar(v, &dv.b, &j);
	return doelen_sluit(&dv, u);
}

static enum web_uitslag csv_doelen(struct web_verzoek *v)
{
	static const char *const kop[] = {
		"doel", "gemeente", "naam", "afgerond", "basisjaar", "basis", "nu", "pad_nu",
		"doel_2030", "voorsprong", "tolerantie", "stand", "rang",
	};
	enum web_uitslag u = WEB_FATAAL;
	struct doelen_verzoek dv;
	char naam[48], d[11];
	FILE *f;

	if (doelen_open(v, &dv, &u) < 0)
		return u;
	f = dv.b.f;
	download_csv_kop(f, kop, sizeof kop / sizeof kop[0]);
	for (int g = 0; g < DOELEN_AANTAL; g++) {
		const struct doelen_def *def = &doelen_defs[g];

		for (size_t i = 0; i < dv.o.n_eenheden; i++) {
			const struct doelen_positie *p = &dv.o.eenheden[i].doelen[g];
			bool pos = p->status != DOELEN_ONBEKEND;

			download_csv_veld(f, def->sleutel, true);
			download_csv_veld(f, i ? dv.o.eenheden[i].code : "", false);
			download_csv_veld(f, dv.o.eenheden[i].naam, false);
			download_csv_veld(f, dv.exact[i] ? "nee" : "ja", false);
			fprintf(f, ";%d", dv.o.basisjaar);
			csv_getal(f, p->basis.bekend, p->basis.waarde, DECIMALEN);
			csv_getal(f, p->nu.bekend, p->nu.waarde, DECIMALEN);
			csv_getal(f, p->basis.bekend, p->pad_nu, DECIMALEN);
			csv_getal(f, p->basis.bekend, p->doel, DECIMALEN);
			csv_getal(f, pos, p->voorsprong, DECIMALEN);
			csv_getal(f, p->basis.bekend, p->tolerantie, DECIMALEN);
			download_csv_veld(f, doelen_status_naam(p->status), false);
			if (p->rang)
				fprintf(f, ";%zu", p->rang);
			else
				fputc(';', f);
			fputs("\r\n", f);
		}
	}
	snprintf(naam, sizeof naam, "doelen-%s.csv", datum_fmt(dv.o.peildatum, d));
	u = download_csv(v, &dv.b, naam);
	return doelen_sluit(&dv, u);
}

/* ==== signals: who sees what ================================================== */

enum inzage {
	INZAGE_GEEN,
	INZAGE_EXACT,
	INZAGE_AFGEROND,   /* beleid: published counts */
};

/* How wie may see signal g on unit code ("" region). */
static enum inzage signaal_inzage(const struct toegang *wie, const struct signaal_gevonden *g,
				  const char *code)
{
	switch (wie->rol) {
	case TOEGANG_REGIO:
	case TOEGANG_BEHEERDER:
		return INZAGE_EXACT;
	case TOEGANG_GEMEENTE:
		return *code && toegang_in_gemeenten(wie, code) &&
				       (g->rollen & REEKSEN_ROL_GEMEENTE)
			       ? INZAGE_EXACT : INZAGE_GEEN;
	case TOEGANG_LOKAAL_TEAM:
		return *code && toegang_in_gemeenten(wie, code) &&
				       (g->rollen & REEKSEN_ROL_LOKAAL_TEAM)
			       ? INZAGE_EXACT : INZAGE_GEEN;
	case TOEGANG_BELEID:
		return *code ? INZAGE_GEEN : INZAGE_AFGEROND;
	case TOEGANG_AANBIEDER:
	case TOEGANG_PUBLIEK:
		return INZAGE_GEEN;
	}
	return INZAGE_GEEN;
}

/* May wie see the whole series of unit code (the chart)? */
static bool reeks_inzage(const struct toegang *wie, const char *code)
{
	if (!*code && wie->rol == TOEGANG_BELEID)
		return true;
	return toegang_gemeente_exact(wie, *code ? code : NULL);
}

/* The value of a point in the series' unit for display (percent for a
 * p-kaart), false when not to be shown to this asker. */
static bool punt_waarde(enum reeksen_id r, const struct signaal_punt *p, enum inzage z,
			double *uit)
{
	const struct reeksen_def *def = &reeksen_defs[r];
	struct onthulde_cel a, t;

	if (isnan(p->waarde) || (def->kaart == SIGNAAL_P_KAART && p->n <= 0))
		return false;
	if (z == INZAGE_EXACT) {
		*uit = def->kaart == SIGNAAL_P_KAART ? 100.0 * p->waarde : p->waarde;
		return true;
	}
	switch (def->kaart) {
	case SIGNAAL_P_KAART:
		onthulling_cel((int64_t)llround(p->waarde * p->n), &a);
		onthulling_cel((int64_t)llround(p->n), &t);
		if (a.status != ONTHULLING_ZICHTBAAR || t.status != ONTHULLING_ZICHTBAAR ||
		    t.waarde <= 0)
			return false;
		*uit = 100.0 * (double)a.waarde / (double)t.waarde;
		return true;
	case SIGNAAL_XMR_KAART:
		if (r == REEKSEN_THUISZITTERS) {
			onthulling_cel((int64_t)llround(p->waarde), &a);
			if (a.status != ONTHULLING_ZICHTBAAR)
				return false;
			*uit = (double)a.waarde;
			return true;
		}
		/* a median: shown when at least 10 values underlie it */
		if (p->n < ONTHULLING_GRENS)
			return false;
		*uit = p->waarde;
		return true;
	}
	return false;
}

static double schaal(enum reeksen_id r, double x)
{
	return reeksen_defs[r].kaart == SIGNAAL_P_KAART ? 100.0 * x : x;
}

static const char *reeks_eenheid(enum reeksen_id r)
{
	if (reeksen_defs[r].kaart == SIGNAAL_P_KAART)
		return "%";
	return r == REEKSEN_WACHTTIJD_MEDIAAN ? " dagen" : "";
}

/* ---- the request's filter ---- */

struct signaal_keuze {
	int reeks;             /* -1 all */
	bool met_eenheid;
	size_t eenheid;        /* when met_eenheid */
	int richting;          /* -1 all */
};

static int lees_keuze(struct web_verzoek *v, const struct signaal_stand *s,
		      struct signaal_keuze *k, enum web_uitslag *u)
{
	char reeks[32] = "", gem[16] = "", richting[16] = "", melding[400];
	struct formulier_veld velden[] = {
		{ "reeks", reeks, sizeof reeks, false },
		{ "gemeente", gem, sizeof gem, false },
		{ "richting", richting, sizeof richting, false },
	};
	const struct doelen_overzicht *o = signaal_stand_doelen(s);
	size_t len = 0;

	memset(k, 0, sizeof *k);
	k->reeks = -1;
	k->richting = -1;
	if (query_lees(v, velden, 3, u) < 0)
		return -1;
	if (*reeks) {
		for (int r = 0; r < REEKSEN_AANTAL; r++)
			if (strcmp(reeks, reeksen_defs[r].sleutel) == 0)
				k->reeks = r;
		if (k->reeks < 0) {
			len = (size_t)snprintf(melding, sizeof melding, "Reeks '%s' is onbekend; "
					       "kies uit", reeks);
			for (int r = 0; r < REEKSEN_AANTAL && len < sizeof melding; r++)
				len += (size_t)snprintf(melding + len, sizeof melding - len, "%s %s",
							r ? "," : "", reeksen_defs[r].sleutel);
			if (len < sizeof melding)
				snprintf(melding + len, sizeof melding - len, ".");
			return query_weiger(v, "reeks", melding, u);
		}
	}
	if (*gem) {
		if (strcmp(gem, "regio") == 0) {
			k->met_eenheid = true;
			k->eenheid = 0;
		}
		for (size_t i = 1; i < o->n_eenheden && !k->met_eenheid; i++)
			if (strcmp(gem, o->eenheden[i].code) == 0) {
				k->met_eenheid = true;
				k->eenheid = i;
			}
		if (!k->met_eenheid) {
			snprintf(melding, sizeof melding, "Gemeente '%s' is onbekend; gebruik de "
				 "CBS-code van vier cijfers (bijvoorbeeld 0546 voor Leiden) of 'regio' "
				 "voor de reeksen van de hele regio.", gem);
			return query_weiger(v, "gemeente", melding, u);
		}
	}
	if (*richting) {
		if (strcmp(richting, "slechter") == 0)
			k->richting = SIGNAAL_SLECHTER;
		else if (strcmp(richting, "beter") == 0)
			k->richting = SIGNAAL_BETER;
		else
			return query_weiger(v, "richting", "De richting is 'slechter' of 'beter'.",
					    u);
	}
	return 0;
}

static bool past(const struct signaal_keuze *k, const struct signaal_gevonden *g)
{
	return (k->reeks < 0 || (int)g->reeks == k->reeks) &&
	       (!k->met_eenheid || g->eenheid == k->eenheid) &&
	       (k->richting < 0 || (int)g->m.richting == k->richting);
}

/* The signals wie sees under k, newest month first; *n of them, in an
 * array the caller frees (NULL when none or out of memory: -1). */
static int selectie(const struct signaal_stand *s, const struct toegang *wie,
		    const struct signaal_keuze *k, const struct signaal_gevonden ***uit,
		    size_t *n)
{
	size_t alle;
	const struct signaal_gevonden *g = signaal_stand_signalen(s, &alle);
	const struct doelen_overzicht *o = signaal_stand_doelen(s);
	const struct signaal_gevonden **sel;

	*uit = NULL;
	*n = 0;
	sel = malloc((alle ? alle : 1) * sizeof *sel);
	if (!sel)
		return -1;
	/* newest month first, then the stored order (unit, series) */
	for (size_t m = REEKSEN_MAANDEN; m-- > 0;)
		for (size_t i = 0; i < alle; i++)
			if (g[i].m.index == m && past(k, &g[i]) &&
			    signaal_inzage(wie, &g[i], o->eenheden[g[i].eenheid].code) != INZAGE_GEEN)
				sel[(*n)++] = &g[i];
	*uit = sel;
	return 0;
}

/* What the signal handlers share: the stand, the request's filter, the
 * signals the asker sees under it and an open buffer. */
struct signalen_verzoek {
	struct signaal_stand *s;
	const struct doelen_overzicht *o;
	struct signaal_keuze k;
	const struct signaal_gevonden **sel;
	size_t n;
	struct web_buf b;
};

/* Reads the filter and fills sv; with bereik, a single series of a unit
 * outside the asker's reach is answered 404 (the page and the API; the
 * CSV just has no rows then). -1 with *u the answer when the request
 * cannot go on (nothing then to release). */
static int signalen_open(struct web_verzoek *v, struct signalen_verzoek *sv, bool bereik,
			 enum web_uitslag *u)
{
	sv->sel = NULL;
	sv->n = 0;
	sv->s = stand_pak(v, u);
	if (!sv->s)
		return -1;
	if (lees_keuze(v, sv->s, &sv->k, u) < 0)
		goto fout;
	sv->o = signaal_stand_doelen(sv->s);
	if (bereik && sv->k.met_eenheid && sv->k.reeks >= 0 &&
	    !reeks_inzage(v->wie, sv->o->eenheden[sv->k.eenheid].code)) {
		*u = pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", "gemeente",
				 "Deze reeks valt buiten uw bereik: u ziet de reeksen van uw eigen "
				 "gemeente(n).");
		goto fout;
	}
	if (selectie(sv->s, v->wie, &sv->k, &sv->sel, &sv->n) < 0) {
		*u = geheugen_op(v);
		goto fout;
	}
	if (web_buf_open(&sv->b) < 0) {
		*u = WEB_FATAAL;
		goto fout;
	}
	return 0;
fout:
	free(sv->sel);
	signaal_laat(sv->s);
	return -1;
}

/* Releases what signalen_open took (the buffer is the answer's by now);
 * returns u. */
static enum web_uitslag signalen_sluit(struct signalen_verzoek *sv, enum web_uitslag u)
{
	free(sv->sel);
	signaal_laat(sv->s);
	return u;
}

static void rollen_tekst(unsigned rollen, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned bit = REEKSEN_ROL_REGIO; bit <= REEKSEN_ROL_LOKAAL_TEAM; bit <<= 1)
		if ((rollen & bit) && len < n)
			len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ", " : "",
						reeksen_rol_naam((enum reeksen_rol)bit));
}

/* ==== GET /signalen =========================================================== */

/* The chart of one series: value, centre line and limits. */
static int reeks_grafiek(FILE *f, const struct signaal_stand *s, enum reeksen_id r, size_t e,
			 enum inzage z)
{
	const struct reeksen_def *def = &reeksen_defs[r];
	const struct signaal_punt *p = signaal_stand_reeks(s, r, e);
	const struct signaal_lijnen *l = signaal_stand_lijnen(s, r, e);
	const struct doelen_overzicht *o = signaal_stand_doelen(s);
	double w[REEKSEN_MAANDEN], c[REEKSEN_MAANDEN], lo[REEKSEN_MAANDEN], hi[REEKSEN_MAANDEN];
	char lb[REEKSEN_MAANDEN][16], id[48], titel[200], oms[300];
	const char *labels[REEKSEN_MAANDEN];
	struct grafiek_reeks reeksen[4];
	struct grafiek gr;

	for (size_t i = 0; i < REEKSEN_MAANDEN; i++) {
		maand_label(lb[i], p[i].maand);
		labels[i] = lb[i];
		if (!punt_waarde(r, &p[i], z, &w[i]))
			w[i] = NAN;
		c[i] = lo[i] = hi[i] = NAN;
		if (l->bruikbaar) {
			signaal_grenzen(l, def->kaart, &p[i], &lo[i], &hi[i]);
			c[i] = schaal(r, l->centrum);
			lo[i] = schaal(r, lo[i]);
			hi[i] = schaal(r, hi[i]);
			if (def->kaart == SIGNAAL_P_KAART && p[i].n <= 0)
				lo[i] = hi[i] = NAN;
		}
	}
	snprintf(id, sizeof id, "reeks-%s", def->sleutel);
	snprintf(titel, sizeof titel, "%s, %s: %d maanden met centrumlijn en grenzen",
		 def->naam, o->eenheden[e].naam, REEKSEN_MAANDEN);
	snprintf(oms, sizeof oms, "Maandwaarden; centrumlijn en grenzen uit de eerste %d "
		 "maanden (%s-kaart).%s", REEKSEN_BASIS,
		 def->kaart == SIGNAAL_P_KAART ? "p" : "XmR",
		 l->bruikbaar ? "" : " Te weinig gegevens voor een kaart.");
	reeksen[0] = (struct grafiek_reeks){ "Waarde", w };
	reeksen[1] = (struct grafiek_reeks){ "Centrumlijn", c };
	reeksen[2] = (struct grafiek_reeks){ "Bovengrens", hi };
	reeksen[3] = (struct grafiek_reeks){ "Ondergrens", lo };
	memset(&gr, 0, sizeof gr);
	gr.soort = GRAFIEK_LIJN;
	gr.id = id;
	gr.titel = titel;
	gr.omschrijving = oms;
	gr.eenheid = reeks_eenheid(r);
	gr.decimalen = 1;
	gr.n_punten = REEKSEN_MAANDEN;
	gr.labels = labels;
	gr.n_reeksen = 4;
	gr.reeksen = reeksen;
	return grafiek_figuur(f, &gr);
}

/* Signals per series in the selection, worse and better (a bar chart). */
static int overzicht_grafiek(FILE *f, const struct signaal_gevonden *const *sel, size_t n)
{
	double slechter[REEKSEN_AANTAL] = { 0 }, beter[REEKSEN_AANTAL] = { 0 };
	const char *labels[REEKSEN_AANTAL];
	struct grafiek_reeks reeksen[2] = { { "Slechter", slechter }, { "Beter", beter } };
	struct grafiek gr;

	for (int r = 0; r < REEKSEN_AANTAL; r++)
		labels[r] = reeksen_defs[r].naam;
	for (size_t i = 0; i < n; i++) {
		if (sel[i]->m.richting == SIGNAAL_SLECHTER)
			slechter[sel[i]->reeks]++;
		else
			beter[sel[i]->reeks]++;
	}
	memset(&gr, 0, sizeof gr);
	gr.soort = GRAFIEK_STAAF;
	gr.id = "signalen-per-reeks";
	gr.titel = "Signalen per reeks";
	gr.omschrijving = "Aantal signalen in deze selectie per reeks, naar richting.";
	gr.eenheid = "";
	gr.decimalen = 0;
	gr.n_punten = REEKSEN_AANTAL;
	gr.labels = labels;
	gr.n_reeksen = 2;
	gr.reeksen = reeksen;
	return grafiek_figuur(f, &gr);
}

static void kies_formulier(FILE *f, const struct signaal_stand *s, const struct signaal_keuze *k)
{
	const struct doelen_overzicht *o = signaal_stand_doelen(s);

	fputs("<form method=\"get\" action=\"/signalen\" class=\"filter\">\n"
	      "<label for=\"f-reeks\">Reeks</label> <select id=\"f-reeks\" name=\"reeks\">"
	      "<option value=\"\">alle</option>", f);
	for (int r = 0; r < REEKSEN_AANTAL; r++) {
		fprintf(f, "<option value=\"%s\"%s>", reeksen_defs[r].sleutel,
			k->reeks == r ? " selected" : "");
		html_txt(f, reeksen_defs[r].naam);
		fputs("</option>", f);
	}
	fputs("</select>\n<label for=\"f-gemeente\">Gemeente</label> <select id=\"f-gemeente\" "
	      "name=\"gemeente\"><option value=\"\">alle</option>", f);
	fprintf(f, "<option value=\"regio\"%s>Regio</option>",
		k->met_eenheid && k->eenheid == 0 ? " selected" : "");
	for (size_t i = 1; i < o->n_eenheden; i++) {
		fputs("<option value=\"", f);
		html_attr(f, o->eenheden[i].code);
		fprintf(f, "\"%s>", k->met_eenheid && k->eenheid == i ? " selected" : "");
		html_txt(f, o->eenheden[i].naam);
		fputs("</option>", f);
	}
	fprintf(f, "</select>\n<label for=\"f-richting\">Richting</label> <select "
		"id=\"f-richting\" name=\"richting\"><option value=\"\">beide</option>"
		"<option value=\"slechter\"%s>slechter</option><option value=\"beter\"%s>beter"
		"</option></select>\n<button type=\"submit\">Toon</button>\n</form>\n",
		k->richting == SIGNAAL_SLECHTER ? " selected" : "",
		k->richting == SIGNAAL_BETER ? " selected" : "");
}

static void waarde_cel(FILE *f, enum reeksen_id r, bool zichtbaar, double x)
{
	char buf[GRAFIEK_GETAL_LEN];

	if (!zichtbaar) {
		fputs("<td>x</td>", f);
		return;
	}
	fputs("<td>", f);
	html_txt(f, grafiek_nl(buf, x, reeksen_defs[r].kaart == SIGNAAL_P_KAART ? 1 : 0));
	html_txt(f, reeks_eenheid(r));
	fputs("</td>", f);
}

static enum web_uitslag pagina_signalen(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct signalen_verzoek sv;
	const dag_t *maanden;
	char d1[16], d2[16], d3[16];
	FILE *f;

	if (signalen_open(v, &sv, true, &u) < 0)
		return u;
	f = sv.b.f;
	maanden = signaal_stand_maanden(sv.s);
	pagina_html_begin(f, "Signalen: waar een reeks uit haar patroon breekt", v->wie,
			  "signalen");
	maand_label(d1, maanden[0]);
	maand_label(d2, maanden[REEKSEN_BASIS - 1]);
	maand_label(d3, maanden[REEKSEN_MAANDEN - 1]);
	fprintf(f, "<p class=\"inleiding\">Per gemeente en voor de regio volgen we %d maandreeksen "
		"van %s tot en met %s. De eerste %d maanden (t/m %s) bepalen de centrumlijn en de "
		"grenzen; een signaal in de laatste %d maanden betekent: de waarde ligt buiten de "
		"grenzen (3 sigma; bij aandelen een p-kaart, bij aantallen en medianen een "
		"XmR-kaart), of 8 maanden achter elkaar aan dezelfde kant van de centrumlijn. "
		"U ziet de signalen die aan uw rol zijn gericht.</p>\n", REEKSEN_AANTAL, d1, d3,
		REEKSEN_BASIS, d2, REEKSEN_MAANDEN - REEKSEN_BASIS);
	fputs("<p>Download: <a href=\"/signalen.csv\">CSV</a> · <a href=\"/api/v1/signalen\">"
	      "JSON</a> · <a href=\"/doelen\">Doelen 2030</a></p>\n", f);
	kies_formulier(f, sv.s, &sv.k);
	if (sv.k.met_eenheid && sv.k.reeks >= 0)
		reeks_grafiek(f, sv.s, (enum reeksen_id)sv.k.reeks, sv.k.eenheid,
			      toegang_gemeente_exact(v->wie, sv.k.eenheid
							     ? sv.o->eenheden[sv.k.eenheid].code
							     : NULL)
				      ? INZAGE_EXACT : INZAGE_AFGEROND);
	else
		overzicht_grafiek(f, sv.sel, sv.n);
	fprintf(f, "<table class=\"signalen\">\n<caption>%zu signalen</caption>\n<thead><tr>"
		"<th scope=\"col\">Maand</th><th scope=\"col\">Reeks</th><th scope=\"col\">"
		"Gemeente</th><th scope=\"col\">Regel</th><th scope=\"col\">Richting</th>"
		"<th scope=\"col\">Waarde</th><th scope=\"col\">Centrumlijn</th><th scope=\"col\">"
		"Grenzen</th><th scope=\"col\">Gericht aan</th></tr></thead>\n<tbody>\n", sv.n);
	for (size_t i = 0; i < sv.n; i++) {
		const struct signaal_gevonden *g = sv.sel[i];
		const char *code = sv.o->eenheden[g->eenheid].code;
		enum inzage z = signaal_inzage(v->wie, g, code);
		struct signaal_punt p = { g->m.maand, g->m.waarde, g->m.n };
		char buf[GRAFIEK_GETAL_LEN], buf2[GRAFIEK_GETAL_LEN], rollen[64];
		double x = 0;
		bool zichtbaar = punt_waarde(g->reeks, &p, z, &x);
		int dec = reeksen_defs[g->reeks].kaart == SIGNAAL_P_KAART ? 1 : 0;

		maand_label(d1, g->m.maand);
		fprintf(f, "<tr><th scope=\"row\">%s</th><td><a href=\"/signalen?reeks=%s&amp;"
			"gemeente=%s\">", d1, reeksen_defs[g->reeks].sleutel,
			g->eenheid ? code : "regio");
		html_txt(f, reeksen_defs[g->reeks].naam);
		fputs("</a></td><td>", f);
		html_txt(f, sv.o->eenheden[g->eenheid].naam);
		fprintf(f, "</td><td>%s</td><td class=\"richting-%s\">%s</td>",
			g->m.regel == SIGNAAL_REGEL_GRENS ? "buiten de grenzen"
							  : "8 maanden aan één kant",
			signaal_richting_naam(g->m.richting), signaal_richting_naam(g->m.richting));
		waarde_cel(f, g->reeks, zichtbaar, x);
		waarde_cel(f, g->reeks, true, schaal(g->reeks, g->m.centrum));
		fprintf(f, "<td>%s – %s</td>",
			grafiek_nl(buf, schaal(g->reeks, g->m.ondergrens), dec),
			grafiek_nl(buf2, schaal(g->reeks, g->m.bovengrens), dec));
		rollen_tekst(g->rollen, rollen, sizeof rollen);
		fprintf(f, "<td>%s</td></tr>\n", rollen);
	}
	fputs("</tbody>\n</table>\n", f);
	grafiek_scripts(f);
	pagina_html_einde(f);
	u = pagina_html_klaar(v, &sv.b);
	return signalen_sluit(&sv, u);
}

/* ==== GET /api/v1/signalen and /signalen.csv ================================== */

static void j_getal(struct json *j, const char *sleutel, bool zichtbaar, double x)
{
	json_key(j, sleutel);
	json_fixed(j, zichtbaar ? x : NAN, DECIMALEN);
}

static enum web_uitslag api_signalen(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct signalen_verzoek sv;
	struct json j;
	const dag_t *maanden;
	char d[11];

	if (signalen_open(v, &sv, true, &u) < 0)
		return u;
	maanden = signaal_stand_maanden(sv.s);
	json_init(&j, sv.b.f, false);
	json_object_begin(&j);
	json_key(&j, "peildatum");
	json_string(&j, datum_fmt(signaal_stand_peildatum(sv.s), d));
	json_key(&j, "data_versie");
	json_string(&j, signaal_stand_versie(sv.s));
	json_key(&j, "eerste_maand");
	json_string(&j, datum_fmt(maanden[0], d));
	json_key(&j, "laatste_maand");
	json_string(&j, datum_fmt(maanden[REEKSEN_MAANDEN - 1], d));
	json_key(&j, "basis_maanden");
	json_int(&j, REEKSEN_BASIS);
	json_key(&j, "rekentijd_ms");
	json_fixed(&j, signaal_stand_ms_reeksen(sv.s), 0);
	json_key(&j, "signalen");
	json_array_begin(&j);
	for (size_t i = 0; i < sv.n; i++) {
		const struct signaal_gevonden *g = sv.sel[i];
		const char *code = sv.o->eenheden[g->eenheid].code;
		struct signaal_punt p = { g->m.maand, g->m.waarde, g->m.n };
		enum inzage z = signaal_inzage(v->wie, g, code);
		double x = 0;
		bool zichtbaar = punt_waarde(g->reeks, &p, z, &x);

		json_object_begin(&j);
		json_key(&j, "reeks");
		json_string(&j, reeksen_defs[g->reeks].sleutel);
		json_key(&j, "naam");
		json_string(&j, reeksen_defs[g->reeks].naam);
		json_key(&j, "kaart");
		json_string(&j, signaal_kaart_naam(reeksen_defs[g->reeks].kaart));
		json_key(&j, "gemeente");
		json_string(&j, g->eenheid ? code : NULL);
		json_key(&j, "gemeente_naam");
		json_string(&j, sv.o->eenheden[g->eenheid].naam);
		json_key(&j, "maand");
		json_string(&j, datum_fmt(g->m.maand, d));
		json_key(&j, "regel");
		json_string(&j, signaal_regel_naam(g->m.regel));
		json_key(&j, "richting");
		json_string(&j, signaal_richting_naam(g->m.richting));
		json_key(&j, "eenheid");
		json_string(&j, reeksen_defs[g->reeks].kaart == SIGNAAL_P_KAART ? "%" :
				g->reeks == REEKSEN_WACHTTIJD_MEDIAAN ? "dagen" : "aantal");
		json_key(&j, "onderdrukt");
		json_bool(&j, z != INZAGE_EXACT);
		j_getal(&j, "waarde", zichtbaar, x);
		j_getal(&j, "n", z == INZAGE_EXACT, g->m.n);
		j_getal(&j, "centrumlijn", true, schaal(g->reeks, g->m.centrum));
		j_getal(&j, "ondergrens", true, schaal(g->reeks, g->m.ondergrens));
		j_getal(&j, "bovengrens", true, schaal(g->reeks, g->m.bovengrens));
		json_key(&j, "gericht_aan");
		json_array_begin(&j);
		for (unsigned bit = REEKSEN_ROL_REGIO; bit <= REEKSEN_ROL_LOKAAL_TEAM; bit <<= 1)
			if (g->rollen & bit)
				json_string(&j, reeksen_rol_naam((enum reeksen_rol)bit));
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	u = pagina_json_klaar(v, &sv.b, &j);
	return signalen_sluit(&sv, u);
}

static enum web_uitslag csv_signalen(struct web_verzoek *v)
{
	static const char *const kop[] = {
		"maand", "reeks", "kaart", "gemeente", "naam", "regel", "richting", "waarde",
		"centrumlijn", "ondergrens", "bovengrens", "gericht_aan",
	};
	enum web_uitslag u = WEB_FATAAL;
	struct signalen_verzoek sv;
	char d[11], naam[48], rollen[64];
	FILE *f;

	if (signalen_open(v, &sv, false, &u) < 0)
		return u;
	f = sv.b.f;
	download_csv_kop(f, kop, sizeof kop / sizeof kop[0]);
	for (size_t i = 0; i < sv.n; i++) {
		const struct signaal_gevonden *g = sv.sel[i];
		const char *code = sv.o->eenheden[g->eenheid].code;
		struct signaal_punt p = { g->m.maand, g->m.waarde, g->m.n };
		double x = 0;
		bool zichtbaar = punt_waarde(g->reeks, &p, signaal_inzage(v->wie, g, code), &x);

		download_csv_veld(f, datum_fmt(g->m.maand, d), true);
		download_csv_veld(f, reeksen_defs[g->reeks].sleutel, false);
		download_csv_veld(f, signaal_kaart_naam(reeksen_defs[g->reeks].kaart), false);
		download_csv_veld(f, code, false);
		download_csv_veld(f, sv.o->eenheden[g->eenheid].naam, false);
		download_csv_veld(f, signaal_regel_naam(g->m.regel), false);
		download_csv_veld(f, signaal_richting_naam(g->m.richting), false);
		csv_getal(f, zichtbaar, x, DECIMALEN);
		csv_getal(f, true, schaal(g->reeks, g->m.centrum), DECIMALEN);
		csv_getal(f, true, schaal(g->reeks, g->m.ondergrens), DECIMALEN);
		csv_getal(f, true, schaal(g->reeks, g->m.bovengrens), DECIMALEN);
		rollen_tekst(g->rollen, rollen, sizeof rollen);
		download_csv_veld(f, rollen, false);
		fputs("\r\n", f);
	}
	snprintf(naam, sizeof naam, "signalen-%s.csv", datum_fmt(signaal_stand_peildatum(sv.s), d));
	u = download_csv(v, &sv.b, naam);
	return signalen_sluit(&sv, u);
}

/* ==== routes ================================================================== */

const struct route signaal_routes[] = {
	{ "GET", "/doelen", pagina_doelen, EIS_PUBLIEK },
	{ "GET", "/doelen.csv", csv_doelen, EIS_PUBLIEK },
	{ "GET", "/api/v1/doelen", api_doelen, EIS_PUBLIEK },
	{ "GET", "/signalen", pagina_signalen, EIS_INGELOGD },
	{ "GET", "/signalen.csv", csv_signalen, EIS_INGELOGD },
	{ "GET", "/api/v1/signalen", api_signalen, EIS_INGELOGD },
};

const size_t signaal_routes_n = sizeof signaal_routes / sizeof signaal_routes[0];
