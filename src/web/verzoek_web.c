/* verzoek_web: see verzoek_web.h. */
#include "web/verzoek_web.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>

#include "domain/audit.h"
#include "domain/datum.h"
#include "ijw/afhandel.h"
#include "ijw/bericht.h"
#include "ijw/codelijst.h"
#include "ijw/termijn.h"
#include "ijw/xml.h"
#include "lib/json.h"
#include "store/store.h"
#include "store/verzoek_store.h"
#include "web/antwoord.h"
#include "web/auditspoor.h"
#include "web/bevindingen.h"
#include "web/formulier.h"
#include "web/html.h"
#include "web/klok.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"
#include "web/veld.h"

#define HTTP_422 422u

/* ---- who may do what ------------------------------------------------------- */

/* The queue is the municipality's: regio (every gemeente), gemeente and
 * lokaal_team (their gemeenten); deciding is the gemeente's (or SOZ for
 * the region). The rules live in toegang.c. */
static bool mag_zien(const struct toegang *t)
{
	return toegang_eis_ok(t, EIS_GEMEENTELIJK);
}

static bool mag_besluiten(const struct toegang *t)
{
	return toegang_eis_ok(t, EIS_TOEWIJZEN);
}

static bool in_scope(const struct toegang_filter *f, const char *gemeente)
{
	if (f->alles)
		return true;
	for (size_t i = 0; i < f->n_gemeenten; i++)
		if (strcmp(f->gemeenten[i], gemeente) == 0)
			return true;
	return false;
}

static enum web_uitslag geen_toegang(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_FORBIDDEN, "geen_toegang", NULL,
			   "De verzoeken om toewijzing zijn voor de gemeente, het lokaal team en "
			   "SOZ; alleen de gemeente en SOZ kunnen erop antwoorden.");
}

static enum web_uitslag niet_gevonden(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
			   "Er is geen verzoek met dit nummer, of het valt buiten uw gemeenten. "
			   "Kies een verzoek uit de lijst op /verzoeken.");
}

/* ---- reading the queue, audited --------------------------------------------- */

/* One received request message with its rows. */
struct item {
	const struct verzoek_rij *rij;   /* the first row (message facts) */
	const struct verzoek_rij *rijen; /* all rows of this message */
	size_t n_rijen;
	struct ijw_bericht *b;           /* the message as read; NULL if unreadable */
};

struct wachtrij {
	const struct toegang *wie;
	int64_t bericht_id;              /* 0: the whole queue */
	struct verzoek_rij *rijen;
	size_t n_rijen;
	struct item *items;
	size_t n_items;
};

static void wachtrij_vrij(struct wachtrij *w)
{
	for (size_t i = 0; i < w->n_items; i++)
		bericht_vrij(w->items[i].b);
	free(w->items);
	free(w->rijen);
	w->items = NULL;
	w->rijen = NULL;
	w->n_items = w->n_rijen = 0;
}

static struct ijw_bericht *lees_bericht(struct store *st, int64_t id, int *rc)
{
	struct ijw_document d;
	struct ijw_bericht *b = NULL;
	struct bericht_fout bf;
	char *xml = NULL, err[128];

	*rc = store_verzoek_bericht_xml(st, id, &xml);
	if (*rc <= 0)
		return NULL;
	if (ijw_xml_lees(&d, xml, strlen(xml), err, sizeof err) == 0 && d.doc &&
	    bericht_lees(d.doc, &b, &bf) < 0)
		b = NULL;
	ijw_document_vrij(&d);
	free(xml);
	return b;
}

/* Read the rows (in scope), group them per message, read each message,
 * and log the read of each request shown. */
static int wachtrij_tx(struct store *st, void *arg)
{
	struct wachtrij *w = arg;
	struct toegang_filter f;
	size_t k = 0;
	int rc;

	wachtrij_vrij(w);
	toegang_filter(w->wie, &f);
	rc = w->bericht_id ? store_verzoek_van_bericht(st, w->bericht_id, &w->rijen, &w->n_rijen)
			   : store_verzoeken_wachtend(st, &w->rijen, &w->n_rijen);
	if (rc < 0)
		return rc;
	/* Keep the rows in scope, in order. */
	for (size_t i = 0; i < w->n_rijen; i++)
		if (in_scope(&f, w->rijen[i].gemeente))
			w->rijen[k++] = w->rijen[i];
	w->n_rijen = k;
	if (k && !(w->items = calloc(k, sizeof *w->items)))
		return store_set_error(st, "onvoldoende geheugen");
	for (size_t i = 0; i < w->n_rijen;) {
		struct item *it = &w->items[w->n_items++];
		char object[96];
		size_t j = i;

		while (j < w->n_rijen && w->rijen[j].bericht_id == w->rijen[i].bericht_id)
			j++;
		it->rij = it->rijen = &w->rijen[i];
		it->n_rijen = j - i;
		it->b = lees_bericht(st, it->rij->bericht_id, &rc);
		if (rc < 0)
			return rc;
		snprintf(object, sizeof object, "verzoek/%lld: %s", (long long)it->rij->bericht_id,
			 w->bericht_id ? "inzage" : "wachtrij");
		if ((rc = auditspoor_schrijf(st, w->wie, "lezen", it->rij->jeugdige_id,
					     object)) < 0)
			return rc;
		i = j;
	}
	return 0;
}

/* 0 read; -1 with the answer queued. */
static int wachtrij_lees(struct web_verzoek *v, struct wachtrij *w, int64_t bericht_id,
			 enum web_uitslag *u)
{
	struct store *st;
	int rc;

	memset(w, 0, sizeof *w);
	if (!mag_zien(v->wie)) {
		*u = geen_toegang(v);
		return -1;
	}
	if (query_lees(v, NULL, 0, u) < 0)
		return -1;
	st = pagina_store(v, u);
	if (!st)
		return -1;
	w->wie = v->wie;
	w->bericht_id = bericht_id;
	rc = store_transaction(st, wachtrij_tx, w);
	if (rc < 0) {
		wachtrij_vrij(w);
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	return 0;
}

/* ---- deadlines ---------------------------------------------------------------- */

struct termijn {
	enum ijw_termijn soort;
	dag_t uiterlijk;
	bool verlopen;
	bool wachtend;     /* an answer is still due */
};

static void termijn_van(const struct verzoek_rij *r, dag_t vandaag, struct termijn *t)
{
	bool onderzoek = strcmp(r->status, "in_onderzoek") == 0;

	t->wachtend = onderzoek || strcmp(r->status, "open") == 0;
	t->soort = onderzoek ? IJW_TERMIJN_VOT_ONDERZOEK
		   : strcmp(r->soort, "JW317") == 0 ? IJW_TERMIJN_VOW_ANTWOORD
						    : IJW_TERMIJN_VOT_ANTWOORD;
	t->uiterlijk = ijw_termijn_uiterlijk(t->soort, r->dagtekening);
	t->verlopen = t->wachtend && ijw_termijn_verlopen(t->soort, r->dagtekening, DAG_GEEN,
							  vandaag);
}

/* ---- JSON ---------------------------------------------------------------------- */

static void j_getal(struct json *j, const char *k, int64_t v)
{
	json_key(j, k);
	if (v == IJW_GEEN)
		json_null(j);
	else
		json_int(j, v);
}

/* The client's name: the register's for a known youth, else the one the
 * request carries (a 315; a 317 names none). */
static void naam_van(const struct item *it, char *buf, size_t n)
{
	const struct verzoek_rij *r = it->rij;

	if (r->achternaam[0]) {
		snprintf(buf, n, "%s%s%s", r->voornamen, r->voornamen[0] ? " " : "", r->achternaam);
		return;
	}
	buf[0] = '\0';
	if (it->b && it->b->vot) {
		const struct ijw_naam *nm = &it->b->vot->naam;

		snprintf(buf, n, "%s%s%s%s%s", nm->voornamen ? nm->voornamen : "",
			 nm->voornamen ? " " : "",
			 nm->geslachtsnaam.voorvoegsel ? nm->geslachtsnaam.voorvoegsel : "",
			 nm->geslachtsnaam.voorvoegsel ? " " : "",
			 nm->geslachtsnaam.achternaam ? nm->geslachtsnaam.achternaam : "");
	}
}

static const struct ijw_aangevraagd_product *product_van(const struct item *it,
							  const char *referentie)
{
	if (!it->b || !it->b->vot)
		return NULL;
	for (size_t i = 0; i < it->b->vot->n_aangevraagde_producten; i++)
		if (strcmp(it->b->vot->aangevraagde_producten[i].referentie_aanbieder,
			   referentie) == 0)
			return &it->b->vot->aangevraagde_producten[i];
	return NULL;
}

static void j_omvang(struct json *j, const struct ijw_omvang *o, int64_t budget)
{
	j_getal(j, "volume", o ? o->volume : IJW_GEEN);
	veld_json_tekst(j, "eenheid", o ? o->eenheid : NULL);
	veld_json_tekst(j, "frequentie", o ? o->frequentie : NULL);
	j_getal(j, "budget", budget);
}

/* What a 317 asks: the toewijzingen it keeps, changes and adds. */
static void json_wijziging(struct json *j, const struct ijw_verzoek *q)
{
	json_key(j, "wijziging");
	json_object_begin(j);
	json_key(j, "ongewijzigd");
	json_array_begin(j);
	for (size_t i = 0; i < q->n_ongewijzigde_producten; i++)
		json_int(j, q->ongewijzigde_producten[i].toewijzing_nummer);
	json_array_end(j);
	json_key(j, "te_wijzigen");
	json_array_begin(j);
	for (size_t i = 0; i < q->n_te_wijzigen_producten; i++) {
		const struct ijw_te_wijzigen_product *w = &q->te_wijzigen_producten[i];

		json_object_begin(j);
		j_getal(j, "toewijzing_nummer", w->toewijzing_nummer);
		veld_json_datum(j, "ingangsdatum", w->gewenste_ingangsdatum);
		veld_json_datum(j, "einddatum", w->einddatum);
		j_omvang(j, w->omvang, w->budget);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "nieuw");
	json_array_begin(j);
	for (size_t i = 0; i < q->n_nieuwe_producten; i++) {
		const struct ijw_nieuw_product *np = &q->nieuwe_producten[i];

		json_object_begin(j);
		veld_json_tekst(j, "categorie", np->product ? np->product->categorie : NULL);
		veld_json_tekst(j, "productcode", np->product ? np->product->code : NULL);
		veld_json_datum(j, "ingangsdatum", np->gewenste_ingangsdatum);
		veld_json_datum(j, "einddatum", np->einddatum);
		j_omvang(j, np->omvang, np->budget);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

static void json_item(struct json *j, const struct item *it, dag_t vandaag)
{
	const struct verzoek_rij *r = it->rij;
	struct termijn t;
	char naam[3 * NAAM_LEN];

	termijn_van(r, vandaag, &t);
	naam_van(it, naam, sizeof naam);
	json_object_begin(j);
	j_getal(j, "id", r->bericht_id);
	veld_json_tekst(j, "soort", r->soort);
	veld_json_tekst(j, "status", r->status);
	veld_json_datum(j, "dagtekening", r->dagtekening);
	veld_json_tekst(j, "ontvangen_op", r->ontvangen_op);
	json_key(j, "gemeente");
	json_object_begin(j);
	veld_json_tekst(j, "code", r->gemeente);
	veld_json_tekst(j, "naam", r->gemeente_naam);
	json_object_end(j);
	json_key(j, "aanbieder");
	json_object_begin(j);
	veld_json_tekst(j, "agb", r->agb);
	veld_json_tekst(j, "naam", r->aanbieder_naam);
	json_object_end(j);
	json_key(j, "client");
	json_object_begin(j);
	json_key(j, "jeugdige_id");
	if (r->jeugdige_id)
		json_int(j, r->jeugdige_id);
	else
		json_null(j);
	veld_json_tekst(j, "bsn", r->bsn);
	veld_json_tekst(j, "naam", naam);
	json_object_end(j);
	json_key(j, "producten");
	json_array_begin(j);
	for (size_t i = 0; i < it->n_rijen; i++) {
		const struct verzoek_rij *p = &it->rijen[i];
		const struct ijw_aangevraagd_product *ap = product_van(it, p->referentie_aanbieder);

		json_object_begin(j);
		veld_json_tekst(j, "referentie_aanbieder", p->referentie_aanbieder);
		veld_json_tekst(j, "status", p->status);
		if (ap) {
			veld_json_tekst(j, "categorie", ap->product ? ap->product->categorie : NULL);
			veld_json_tekst(j, "productcode", ap->product ? ap->product->code : NULL);
			veld_json_datum(j, "ingangsdatum", ap->toewijzing_ingangsdatum);
			veld_json_datum(j, "einddatum", ap->toewijzing_einddatum);
			j_omvang(j, ap->omvang, ap->budget);
			veld_json_tekst(j, "verwijzer", ap->verwijzer.type);
		}
		json_object_end(j);
	}
	json_array_end(j);
	if (it->b && it->b->vow)
		json_wijziging(j, &it->b->vow->verzoek);
	json_key(j, "termijn");
	if (t.wachtend) {
		const struct ijw_termijn_info *ti = ijw_termijn_info(t.soort);

		json_object_begin(j);
		veld_json_tekst(j, "regel", ti->regel);
		veld_json_tekst(j, "omschrijving", ti->omschrijving);
		veld_json_datum(j, "uiterlijk", t.uiterlijk);
		json_key(j, "verlopen");
		json_bool(j, t.verlopen);
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_object_end(j);
}

static enum web_uitslag api_lijst_of_een(struct web_verzoek *v, int64_t id)
{
	enum web_uitslag u = WEB_FATAAL;
	struct wachtrij w;
	struct web_buf b;
	struct json j;
	char tijd[9];
	dag_t vandaag = klok_nu_lokaal(tijd);

	if (wachtrij_lees(v, &w, id, &u) < 0)
		return u;
	if (id && w.n_items == 0) {
		wachtrij_vrij(&w);
		return niet_gevonden(v);
	}
	if (web_buf_open(&b) < 0) {
		wachtrij_vrij(&w);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	if (id) {
		json_item(&j, &w.items[0], vandaag);
	} else {
		json_object_begin(&j);
		json_key(&j, "gegevens");
		json_array_begin(&j);
		for (size_t i = 0; i < w.n_items; i++)
			json_item(&j, &w.items[i], vandaag);
		json_array_end(&j);
		json_key(&j, "totaal");
		json_int(&j, (int64_t)w.n_items);
		json_object_end(&j);
	}
	wachtrij_vrij(&w);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag api_lijst(struct web_verzoek *v)
{
	return api_lijst_of_een(v, 0);
}

static enum web_uitslag api_een(struct web_verzoek *v)
{
	int64_t id = query_id(v->param[0]);

	if (!id)
		return mag_zien(v->wie) ? niet_gevonden(v) : geen_toegang(v);
	return api_lijst_of_een(v, id);
}

/* ---- HTML ----------------------------------------------------------------------- */

static void h_termijn(FILE *f, const struct verzoek_rij *r, dag_t vandaag)
{
	struct termijn t;

	termijn_van(r, vandaag, &t);
	if (!t.wachtend) {
		fputs("beantwoord", f);
		return;
	}
	veld_html_datum(f, t.uiterlijk);
	fputs(" (", f);
	html_txt(f, ijw_termijn_info(t.soort)->regel);
	fputs(")", f);
	if (t.verlopen)
		fputs(" <strong>verlopen</strong>", f);
}

static void h_omvang(FILE *f, const struct ijw_omvang *o, int64_t budget)
{
	if (o) {
		const char *fr = codelijst_omschrijving(CODELIJST_WMO757, o->frequentie);

		fprintf(f, ", %lld × eenheid ", (long long)o->volume);
		html_txt(f, o->eenheid);
		fputs(" per ", f);
		html_txt(f, fr ? fr : o->frequentie);
	}
	if (budget != IJW_GEEN)
		fprintf(f, ", budget %lld,%02lld euro", (long long)(budget / 100),
			(long long)(budget % 100));
}

static void h_periode(FILE *f, dag_t van, dag_t tot)
{
	fputs(", vanaf ", f);
	veld_html_datum(f, van);
	if (tot != DAG_GEEN) {
		fputs(" tot ", f);
		veld_html_datum(f, tot);
	}
}

/* What a 317 asks, per toewijzing. */
static void h_wijziging(FILE *f, const struct ijw_verzoek *q)
{
	fputs("<ul class=\"producten\">", f);
	for (size_t i = 0; i < q->n_ongewijzigde_producten; i++)
		fprintf(f, "<li>toewijzing %lld: ongewijzigd</li>",
			(long long)q->ongewijzigde_producten[i].toewijzing_nummer);
	for (size_t i = 0; i < q->n_te_wijzigen_producten; i++) {
		const struct ijw_te_wijzigen_product *w = &q->te_wijzigen_producten[i];

		fprintf(f, "<li>toewijzing %lld: wijzigen", (long long)w->toewijzing_nummer);
		h_periode(f, w->gewenste_ingangsdatum, w->einddatum);
		h_omvang(f, w->omvang, w->budget);
		fputs("</li>", f);
	}
	for (size_t i = 0; i < q->n_nieuwe_producten; i++) {
		const struct ijw_nieuw_product *np = &q->nieuwe_producten[i];

		fputs("<li>nieuw", f);
		if (np->product) {
			fputs(": ", f);
			html_txt(f, np->product->categorie);
			if (np->product->code[0]) {
				fputs(" ", f);
				html_txt(f, np->product->code);
			}
		}
		h_periode(f, np->gewenste_ingangsdatum, np->einddatum);
		h_omvang(f, np->omvang, np->budget);
		fputs("</li>", f);
	}
	fputs("</ul>", f);
}

static void h_producten(FILE *f, const struct item *it)
{
	fputs("<ul class=\"producten\">", f);
	for (size_t i = 0; i < it->n_rijen; i++) {
		const struct verzoek_rij *p = &it->rijen[i];
		const struct ijw_aangevraagd_product *ap = product_van(it, p->referentie_aanbieder);

		fputs("<li>", f);
		html_txt(f, p->referentie_aanbieder);
		if (ap && ap->product) {
			fputs(": ", f);
			html_txt(f, ap->product->categorie);
			if (ap->product->code[0]) {
				fputs(" ", f);
				html_txt(f, ap->product->code);
			}
		}
		if (ap) {
			h_periode(f, ap->toewijzing_ingangsdatum, ap->toewijzing_einddatum);
			h_omvang(f, ap->omvang, IJW_GEEN);
		}
		fputs(" (", f);
		html_txt(f, p->status);
		fputs(")</li>", f);
	}
	fputs("</ul>", f);
	if (it->b && it->b->vow)
		h_wijziging(f, &it->b->vow->verzoek);
}

static void h_client(FILE *f, const struct item *it)
{
	char naam[3 * NAAM_LEN];

	naam_van(it, naam, sizeof naam);
	if (it->rij->jeugdige_id) {
		fprintf(f, "<a href=\"/jeugdigen/%lld\">", (long long)it->rij->jeugdige_id);
		veld_html_tekst(f, naam);
		fputs("</a>", f);
	} else {
		veld_html_tekst(f, naam);
		fputs(" (niet in het register)", f);
	}
	fputs("<br>BSN ", f);
	html_txt(f, it->rij->bsn);
}

static enum web_uitslag scherm_lijst(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct wachtrij w;
	struct web_buf b;
	char tijd[9];
	dag_t vandaag = klok_nu_lokaal(tijd);
	FILE *f;

	if (wachtrij_lees(v, &w, 0, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		wachtrij_vrij(&w);
		return WEB_FATAAL;
	}
	f = b.f;
	pagina_html_begin(f, "Verzoeken om toewijzing", v->wie, "verzoeken");
	fputs("<p>Verzoeken van aanbieders (JW315 om toewijzing, JW317 om wijziging) die op een "
	      "antwoord van de gemeente wachten, de oudste eerst. Binnen 5 werkdagen volgt een "
	      "toewijzing (JW301) of een antwoord (JW319); na 'in onderzoek' binnen 8 weken na "
	      "de dagtekening. Elke inzage wordt vastgelegd in het auditlog.</p>\n", f);
	fputs("<div class=\"tabel\"><table class=\"verzoeken\">\n<caption>", f);
	fprintf(f, "%zu verzoek%s wacht%s op antwoord", w.n_items, w.n_items == 1 ? "" : "en",
		w.n_items == 1 ? "" : "en");
	fputs("</caption>\n<thead><tr><th scope=\"col\">Verzoek</th><th scope=\"col\">Cliënt"
	      "</th><th scope=\"col\">Aanbieder</th><th scope=\"col\">Gemeente</th>"
	      "<th scope=\"col\">Producten</th><th scope=\"col\">Ontvangen</th>"
	      "<th scope=\"col\">Uiterlijk antwoorden</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < w.n_items; i++) {
		const struct item *it = &w.items[i];

		fprintf(f, "<tr><th scope=\"row\"><a href=\"/verzoeken/%lld\">",
			(long long)it->rij->bericht_id);
		html_txt(f, it->rij->soort);
		fprintf(f, " nr. %lld</a></th><td>", (long long)it->rij->bericht_id);
		h_client(f, it);
		fputs("</td><td>", f);
		veld_html_tekst(f, it->rij->aanbieder_naam[0] ? it->rij->aanbieder_naam : it->rij->agb);
		fputs("</td><td>", f);
		veld_html_tekst(f, it->rij->gemeente_naam[0] ? it->rij->gemeente_naam : it->rij->gemeente);
		fputs("</td><td>", f);
		h_producten(f, it);
		fputs("</td><td>", f);
		veld_html_datum(f, it->rij->dagtekening);
		fputs("</td><td>", f);
		h_termijn(f, it->rij, vandaag);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
	pagina_html_einde(f);
	wachtrij_vrij(&w);
	return pagina_html_klaar(v, &b);
}

static void invoer(FILE *f, const char *naam, const char *label, const char *extra)
{
	fprintf(f, "<p><label for=\"%s\">", naam);
	html_txt(f, label);
	fprintf(f, "</label>\n<input id=\"%s\" name=\"%s\" type=\"text\" %s></p>\n", naam, naam,
		extra);
}

static void formulieren(FILE *f, const struct item *it, const struct toegang *wie)
{
	bool onderzoek = strcmp(it->rij->status, "in_onderzoek") == 0;
	long long id = (long long)it->rij->bericht_id;

	fputs("<section aria-labelledby=\"kop-antwoord\">\n<h2 id=\"kop-antwoord\">Antwoorden"
	      "</h2>\n", f);
	{
		fprintf(f, "<form method=\"post\" action=\"/verzoeken/%lld\" class=\"besluit\">\n"
			"<h3>Honoreren: toewijzing (JW301)</h3>\n<p>%s Vul het adres van de cliënt "
			"uit de BRP in; het bericht gaat daarmee naar de aanbieder.</p>\n", id,
			strcmp(it->rij->soort, "JW315") == 0
			? "Per aangevraagd product komt er een toewijzing met de gevraagde data en "
			  "omvang."
			: "Elke te wijzigen toewijzing wordt gewijzigd onder haar eigen nummer "
			  "(einddatum, budget, totaal) of beëindigd en opgevolgd door een nieuwe "
			  "toewijzing (andere omvang); elk nieuw product wordt een nieuwe toewijzing. "
			  "De JW301 bevat alle geldige toewijzingen van de cliënt bij deze aanbieder.");
		pagina_csrf_veld(f, wie);
		fputs("<input type=\"hidden\" name=\"actie\" value=\"honoreren\">\n", f);
		invoer(f, "straatnaam", "Straat", "maxlength=\"43\" autocomplete=\"address-line1\"");
		invoer(f, "huisnummer", "Huisnummer", "inputmode=\"numeric\" pattern=\"[0-9]{1,5}\" "
		       "maxlength=\"5\" required");
		invoer(f, "huisletter", "Huisletter", "maxlength=\"1\"");
		invoer(f, "toevoeging", "Toevoeging", "maxlength=\"4\"");
		invoer(f, "postcode", "Postcode", "pattern=\"[1-9][0-9]{3}[A-Za-z]{2}\" "
		       "maxlength=\"6\" required autocomplete=\"postal-code\"");
		invoer(f, "plaatsnaam", "Woonplaats", "maxlength=\"80\" required");
		fputs("<p><button type=\"submit\">Toewijzen en JW301 maken</button></p>\n</form>\n",
		      f);
	}
	fprintf(f, "<form method=\"post\" action=\"/verzoeken/%lld\" class=\"besluit\">\n"
		"<h3>Afwijzen (JW319)</h3>\n", id);
	pagina_csrf_veld(f, wie);
	fputs("<input type=\"hidden\" name=\"actie\" value=\"afwijzen\">\n"
	      "<p><label for=\"reden\">Reden</label>\n<select id=\"reden\" name=\"reden\" "
	      "required>\n", f);
	for (int r = 1; r <= 9; r++) {
		char c[2] = { (char)('0' + r), '\0' };

		fprintf(f, "<option value=\"%s\">%s: ", c, c);
		html_txt(f, codelijst_omschrijving(CODELIJST_WJ759, c));
		fputs("</option>\n", f);
	}
	fputs("</select></p>\n<p><label for=\"woonplaats_gemeente\">Verantwoordelijke gemeente "
	      "(CBS-code, alleen bij reden 8 woonplaatsbeginsel)</label>\n"
	      "<input id=\"woonplaats_gemeente\" name=\"woonplaats_gemeente\" type=\"text\" "
	      "inputmode=\"numeric\" pattern=\"[0-9]{4}\" maxlength=\"4\"></p>\n"
	      "<p><button type=\"submit\">Afwijzen en JW319 maken</button></p>\n</form>\n", f);
	if (!onderzoek) {
		fprintf(f, "<form method=\"post\" action=\"/verzoeken/%lld\" class=\"besluit\">\n"
			"<h3>In onderzoek (JW319)</h3>\n<p>Daarna volgt binnen 8 weken na de "
			"dagtekening een toewijzing of een afwijzing.</p>\n", id);
		pagina_csrf_veld(f, wie);
		fputs("<input type=\"hidden\" name=\"actie\" value=\"onderzoek\">\n"
		      "<p><button type=\"submit\">In onderzoek nemen</button></p>\n</form>\n", f);
	}
	fputs("</section>\n", f);
}

static enum web_uitslag scherm_een(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	int64_t id = query_id(v->param[0]);
	struct wachtrij w;
	struct web_buf b;
	char tijd[9], titel[64];
	dag_t vandaag = klok_nu_lokaal(tijd);
	const struct item *it;
	FILE *f;

	if (!id)
		return mag_zien(v->wie) ? niet_gevonden(v) : geen_toegang(v);
	if (wachtrij_lees(v, &w, id, &u) < 0)
		return u;
	if (w.n_items == 0) {
		wachtrij_vrij(&w);
		return niet_gevonden(v);
	}
	if (web_buf_open(&b) < 0) {
		wachtrij_vrij(&w);
		return WEB_FATAAL;
	}
	it = &w.items[0];
	f = b.f;
	snprintf(titel, sizeof titel, "Verzoek %lld (%s)", (long long)id, it->rij->soort);
	pagina_html_begin(f, titel, v->wie, "verzoeken");
	fputs("<p><a href=\"/verzoeken\">Terug naar de verzoeken</a></p>\n<dl class=\"gegevens\">\n"
	      "<dt>Cliënt</dt><dd>", f);
	h_client(f, it);
	fputs("</dd>\n<dt>Aanbieder</dt><dd>", f);
	veld_html_tekst(f, it->rij->aanbieder_naam);
	fputs(" (AGB ", f);
	html_txt(f, it->rij->agb);
	fputs(")</dd>\n<dt>Gemeente</dt><dd>", f);
	veld_html_tekst(f, it->rij->gemeente_naam[0] ? it->rij->gemeente_naam : it->rij->gemeente);
	fputs("</dd>\n<dt>Dagtekening</dt><dd>", f);
	veld_html_datum(f, it->rij->dagtekening);
	fputs("</dd>\n<dt>Uiterlijk antwoorden</dt><dd>", f);
	h_termijn(f, it->rij, vandaag);
	fputs("</dd>\n<dt>Producten</dt><dd>", f);
	h_producten(f, it);
	fputs("</dd>\n</dl>\n", f);
	if (mag_besluiten(v->wie) && (strcmp(it->rij->status, "open") == 0 ||
				      strcmp(it->rij->status, "in_onderzoek") == 0))
		formulieren(f, it, v->wie);
	pagina_html_einde(f);
	wachtrij_vrij(&w);
	return pagina_html_klaar(v, &b);
}

/* ---- acting ------------------------------------------------------------------------ */

struct besluit_velden {
	char actie[16];
	char reden[4];
	char woonplaats_gemeente[8];
	char straatnaam[176];
	char huisnummer[8];
	char huisletter[8];
	char toevoeging[20];
	char postcode[12];
	char plaatsnaam[324];
};

/* The answer to a refused action: JSON with the findings under /api/,
 * a page with them elsewhere. */
static enum web_uitslag bevindingen_antwoord(struct web_verzoek *v,
					     const struct afhandel_uitkomst *a)
{
	struct web_buf b;

	if (strncmp(v->pad, "/api/", 5) == 0)
		return bevindingen_json(v, a);
	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	pagina_html_begin(b.f, "Antwoord niet verstuurd", v->wie, "verzoeken");
	fputs("<p class=\"melding\">", b.f);
	html_txt(b.f, a->melding);
	fputs("</p>\n<ul class=\"bevindingen\">\n", b.f);
	for (size_t i = 0; i < a->n_bevindingen; i++) {
		fputs("<li><strong>", b.f);
		html_txt(b.f, a->bevindingen[i].code);
		fputs("</strong> ", b.f);
		html_txt(b.f, a->bevindingen[i].pad);
		fputs(": ", b.f);
		html_txt(b.f, a->bevindingen[i].melding);
		fputs("</li>\n", b.f);
	}
	fprintf(b.f, "</ul>\n<p><a href=\"/verzoeken/%s\">Terug naar het verzoek</a></p>\n",
		v->param[0]);
	pagina_html_einde(b.f);
	if (web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, HTTP_422, &b, "text/html; charset=utf-8");
}

static enum web_uitslag gedaan_antwoord(struct web_verzoek *v, int64_t id,
					enum afhandel_actie actie,
					const struct afhandel_uitkomst *a)
{
	const char *soort = actie == AFHANDEL_HONOREREN ? "JW301" : "JW319";
	struct web_buf b;

	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	if (strncmp(v->pad, "/api/", 5) == 0) {
		struct json j;

		json_init(&j, b.f, false);
		json_object_begin(&j);
		j_getal(&j, "id", id);
		veld_json_tekst(&j, "actie", afhandel_actie_naam(actie));
		json_key(&j, "berichten");
		json_array_begin(&j);
		for (size_t i = 0; i < a->n_berichten; i++) {
			json_object_begin(&j);
			veld_json_tekst(&j, "soort", soort);
			veld_json_tekst(&j, "identificatie", a->identificaties[i]);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_key(&j, "toewijzingen");
		json_array_begin(&j);
		for (size_t i = 0; i < a->n_toewijzingen; i++)
			json_int(&j, a->toewijzingen[i]);
		json_array_end(&j);
		json_key(&j, "gewijzigd");
		json_array_begin(&j);
		for (size_t i = 0; i < a->n_gewijzigd; i++)
			json_int(&j, a->gewijzigd[i]);
		json_array_end(&j);
		json_object_end(&j);
		return pagina_json_klaar(v, &b, &j);
	}
	pagina_html_begin(b.f, "Antwoord gemaakt", v->wie, "verzoeken");
	fprintf(b.f, "<p class=\"melding\">Verzoek %lld: ", (long long)id);
	html_txt(b.f, actie == AFHANDEL_HONOREREN ? "gehonoreerd" : actie == AFHANDEL_AFWIJZEN ?
		 "afgewezen" : "in onderzoek genomen");
	fputs(". Klaar voor verzending (jeugdregie ijw export): ", b.f);
	for (size_t i = 0; i < a->n_berichten; i++) {
		fprintf(b.f, "%s%s ", i ? ", " : "", soort);
		html_txt(b.f, a->identificaties[i]);
	}
	if (a->n_toewijzingen) {
		fputs(". Nieuwe toewijzing(en):", b.f);
		for (size_t i = 0; i < a->n_toewijzingen; i++)
			fprintf(b.f, " %lld", (long long)a->toewijzingen[i]);
	}
	if (a->n_gewijzigd) {
		fputs(". Gewijzigde toewijzing(en):", b.f);
		for (size_t i = 0; i < a->n_gewijzigd; i++)
			fprintf(b.f, " %lld", (long long)a->gewijzigd[i]);
	}
	fputs(".</p>\n<p><a href=\"/verzoeken\">Terug naar de verzoeken</a></p>\n", b.f);
	pagina_html_einde(b.f);
	return pagina_html_klaar(v, &b);
}

static enum web_uitslag besluit(struct web_verzoek *v)
{
	struct besluit_velden *fv = calloc(1, sizeof *fv);
	struct afhandel_uitkomst *a = calloc(1, sizeof *a);
	struct afhandel_opdracht o;
	struct toegang_filter tf;
	enum web_uitslag u = WEB_FATAAL;
	struct store *st;
	const char *fout_veld = NULL;
	char tijd[9], nu[21], onbekend[FORMULIER_NAAM_MAX];
	int64_t id = query_id(v->param[0]), huisnummer = 0;
	int rc;

	if (!fv || !a)
		goto klaar;
	struct formulier_veld velden[] = {
		{ "csrf", NULL, 0, false },
		{ "actie", fv->actie, sizeof fv->actie, false },
		{ "reden", fv->reden, sizeof fv->reden, false },
		{ "woonplaats_gemeente", fv->woonplaats_gemeente, sizeof fv->woonplaats_gemeente,
		  false },
		{ "straatnaam", fv->straatnaam, sizeof fv->straatnaam, false },
		{ "huisnummer", fv->huisnummer, sizeof fv->huisnummer, false },
		{ "huisletter", fv->huisletter, sizeof fv->huisletter, false },
		{ "toevoeging", fv->toevoeging, sizeof fv->toevoeging, false },
		{ "postcode", fv->postcode, sizeof fv->postcode, false },
		{ "plaatsnaam", fv->plaatsnaam, sizeof fv->plaatsnaam, false },
	};
	char csrf[160];

	velden[0].waarde = csrf;
	velden[0].grootte = sizeof csrf;
	if (!mag_besluiten(v->wie)) {
		u = geen_toegang(v);
		goto klaar;
	}
	if (!id) {
		u = niet_gevonden(v);
		goto klaar;
	}
	if (formulier_lees_strikt(v->body, v->body_len, velden, sizeof velden / sizeof velden[0],
				  &fout_veld, onbekend) < 0) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
				"Het formulier is niet te lezen: een onbekend of dubbel veld, een "
				"te lange waarde of een verkeerd teken. Gebruik de velden actie, "
				"reden, woonplaats_gemeente en de adresvelden.");
		goto klaar;
	}
	memset(&o, 0, sizeof o);
	if (!afhandel_actie_van_naam(fv->actie, &o.actie)) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "actie",
				"Veld 'actie' moet 'honoreren', 'afwijzen' of 'onderzoek' zijn.");
		goto klaar;
	}
	if (o.actie == AFHANDEL_AFWIJZEN && !codelijst_bevat(CODELIJST_WJ759, fv->reden)) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "reden",
				"Kies bij afwijzen een reden 1 tot en met 9 (WJ759).");
		goto klaar;
	}
	if (o.actie == AFHANDEL_AFWIJZEN && strcmp(fv->reden, "8") == 0 &&
	    !query_cijfers(fv->woonplaats_gemeente, 4, 4)) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter",
				"woonplaats_gemeente", "Bij reden 8 (woonplaatsbeginsel) hoort de "
				"CBS-code van vier cijfers van de gemeente die verantwoordelijk is.");
		goto klaar;
	}
	if (o.actie == AFHANDEL_HONOREREN) {
		if (!query_cijfers(fv->huisnummer, 1, 5) || !fv->postcode[0] || !fv->plaatsnaam[0]) {
			u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter",
					!query_cijfers(fv->huisnummer, 1, 5) ? "huisnummer" :
					!fv->postcode[0] ? "postcode" : "plaatsnaam",
					"Vul het adres van de cliënt uit de BRP in: huisnummer (cijfers), "
					"postcode en woonplaats; de toewijzing (JW301) vraagt het.");
			goto klaar;
		}
		huisnummer = strtoll(fv->huisnummer, NULL, 10);
	}
	toegang_filter(v->wie, &tf);
	o.bericht_id = id;
	o.reden = fv->reden[0] ? fv->reden : NULL;
	o.woonplaats_gemeente = fv->woonplaats_gemeente[0] ? fv->woonplaats_gemeente : NULL;
	o.adres = (struct ijw_client_adres){
		.soort = "01", .straatnaam = fv->straatnaam, .huisnummer = huisnummer,
		.huisletter = fv->huisletter, .huisnummer_toevoeging = fv->toevoeging,
		.postcode = fv->postcode, .plaatsnaam = fv->plaatsnaam, .land_code = "NL",
	};
	o.alle_gemeenten = tf.alles;
	o.gemeenten = tf.gemeenten;
	o.n_gemeenten = tf.n_gemeenten;
	o.vandaag = klok_nu_lokaal(tijd);
	o.tijd = tijd;
	o.nu = store_nu_iso(nu);
	o.audit = auditspoor_cb;
	o.audit_arg = (void *)v->wie;
	st = pagina_store(v, &u);
	if (!st)
		goto klaar;
	rc = ijw_afhandel(st, &o, a);
	if (rc < 0) {
		u = pagina_store_fout(v, st, rc);
		goto klaar;
	}
	switch (a->status) {
	case AFHANDEL_GEDAAN:
		u = gedaan_antwoord(v, id, o.actie, a);
		break;
	case AFHANDEL_NIET_GEVONDEN:
		u = niet_gevonden(v);
		break;
	case AFHANDEL_AL_AFGEHANDELD:
		u = pagina_fout(v, MHD_HTTP_CONFLICT, "al_afgehandeld", NULL, a->melding);
		break;
	case AFHANDEL_ONGELDIG:
		u = pagina_fout(v, HTTP_422, "niet_mogelijk", NULL, a->melding);
		break;
	case AFHANDEL_BEVINDINGEN:
		u = bevindingen_antwoord(v, a);
		break;
	}
klaar:
	free(fv);
	free(a);
	return u;
}

const struct route verzoek_routes[] = {
	{ "GET", "/api/v1/verzoeken", api_lijst, EIS_GEMEENTELIJK },
	{ "GET", "/api/v1/verzoeken/{id}", api_een, EIS_GEMEENTELIJK },
	{ "POST", "/api/v1/verzoeken/{id}", besluit, EIS_TOEWIJZEN },
	{ "GET", "/verzoeken", scherm_lijst, EIS_GEMEENTELIJK },
	{ "GET", "/verzoeken/{id}", scherm_een, EIS_GEMEENTELIJK },
	{ "POST", "/verzoeken/{id}", besluit, EIS_TOEWIJZEN },
};
const size_t verzoek_routes_n = sizeof verzoek_routes / sizeof verzoek_routes[0];
