/* betaling_web: see betaling_web.h. */
#include "web/betaling_web.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "lib/json.h"
#include "store/betaling_store.h"
#include "store/scope.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/download.h"
#include "web/formulier.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"
#include "web/veld.h"

struct betalingen {
	char maand[16];
	char agb[16];
	char gemeente[8];
	struct store_scope scope;
	struct betaling_filter f;
	struct betaling_rij *rijen;
	size_t n;
	struct betaling_rij totaal;   /* regels and amounts summed */
};

static int lees_tx(struct store *st, void *arg)
{
	struct betalingen *b = arg;
	int rc;

	free(b->rijen);
	b->rijen = NULL;
	rc = store_betalingen(st, &b->scope, &b->f, &b->rijen, &b->n);
	return rc < 0 ? rc : 0;
}

/* "JJJJ-MM" with a real month. */
static bool is_maand(const char *s)
{
	dag_t d;
	char buf[11];

	if (strlen(s) != 7)
		return false;
	memcpy(buf, s, 7);
	memcpy(buf + 7, "-01", 4);
	return datum_parse(buf, &d) == 0;
}

/* Read the filters and the rows. 0, or -1 with the answer queued. */
static int lees(struct web_verzoek *v, struct betalingen *b, enum web_uitslag *u)
{
	struct formulier_veld velden[] = {
		{ "maand", b->maand, sizeof b->maand, false },
		{ "aanbieder", b->agb, sizeof b->agb, false },
		{ "gemeente", b->gemeente, sizeof b->gemeente, false },
	};
	struct store *st;
	int rc;

	if (query_lees(v, velden, sizeof velden / sizeof velden[0], u) < 0)
		return -1;
	if (b->maand[0] && !is_maand(b->maand))
		return query_weiger(v, "maand", "Een maand schrijft u als JJJJ-MM, bijvoorbeeld "
				    "2026-10.", u);
	if (b->agb[0] && !query_cijfers(b->agb, 8, 8))
		return query_weiger(v, "aanbieder", "Een AGB-code heeft acht cijfers.", u);
	if (b->gemeente[0] && !query_cijfers(b->gemeente, 4, 4))
		return query_weiger(v, "gemeente", "Een CBS-code heeft vier cijfers.", u);
	pagina_scope(v, &b->scope);
	b->f.maand = b->maand;
	b->f.agb = b->agb;
	b->f.gemeente = b->gemeente;
	if (!(st = pagina_store(v, u)))
		return -1;
	if ((rc = store_transaction(st, lees_tx, b)) < 0) {
		free(b->rijen);
		b->rijen = NULL;
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	for (size_t i = 0; i < b->n; i++) {
		b->totaal.regels += b->rijen[i].regels;
		b->totaal.afgewezen_regels += b->rijen[i].afgewezen_regels;
		b->totaal.ingediend += b->rijen[i].ingediend;
		b->totaal.goedgekeurd += b->rijen[i].goedgekeurd;
		b->totaal.afgewezen += b->rijen[i].afgewezen;
	}
	return 0;
}

/* ---- JSON -------------------------------------------------------------------- */

static void j_bedragen(struct json *j, const struct betaling_rij *r)
{
	json_key(j, "regels");
	json_int(j, r->regels);
	json_key(j, "afgewezen_regels");
	json_int(j, r->afgewezen_regels);
	json_key(j, "ingediend");
	json_int(j, r->ingediend);
	json_key(j, "goedgekeurd");
	json_int(j, r->goedgekeurd);
	json_key(j, "afgewezen");
	json_int(j, r->afgewezen);
}

static enum web_uitslag api(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct betalingen *b = calloc(1, sizeof *b);
	struct web_buf w;
	struct json j;

	if (!b)
		return WEB_FATAAL;
	if (lees(v, b, &u) < 0 || web_buf_open(&w) < 0)
		goto klaar;
	json_init(&j, w.f, false);
	json_object_begin(&j);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < b->n; i++) {
		const struct betaling_rij *r = &b->rijen[i];

		json_object_begin(&j);
		veld_json_tekst(&j, "maand", r->maand);
		json_key(&j, "aanbieder");
		json_object_begin(&j);
		veld_json_tekst(&j, "agb", r->agb);
		veld_json_tekst(&j, "naam", r->aanbieder_naam);
		json_object_end(&j);
		json_key(&j, "gemeente");
		json_object_begin(&j);
		veld_json_tekst(&j, "code", r->gemeente);
		veld_json_tekst(&j, "naam", r->gemeente_naam);
		json_object_end(&j);
		j_bedragen(&j, r);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "totaal");
	json_object_begin(&j);
	j_bedragen(&j, &b->totaal);
	json_object_end(&j);
	json_key(&j, "eenheid");
	json_string(&j, "eurocent");
	json_object_end(&j);
	u = pagina_json_klaar(v, &w, &j);
klaar:
	free(b->rijen);
	free(b);
	return u;
}

/* ---- HTML -------------------------------------------------------------------- */

static void h_euro(FILE *f, int64_t centen)
{
	int64_t a = centen < 0 ? -centen : centen;
	char cijfers[32], uit[48];
	size_t n, k = 0;

	/* Thousands separated by a point, as Dutch amounts are written. */
	n = (size_t)snprintf(cijfers, sizeof cijfers, "%lld", (long long)(a / 100));
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			uit[k++] = '.';
		uit[k++] = cijfers[i];
	}
	uit[k] = '\0';
	fprintf(f, "%s&euro;&nbsp;%s,%02lld", centen < 0 ? "&minus;" : "", uit,
		(long long)(a % 100));
}

static void h_rij(FILE *f, const struct betaling_rij *r)
{
	fprintf(f, "<td>%lld</td><td>%lld</td><td>", (long long)r->regels,
		(long long)r->afgewezen_regels);
	h_euro(f, r->ingediend);
	fputs("</td><td>", f);
	h_euro(f, r->goedgekeurd);
	fputs("</td><td>", f);
	h_euro(f, r->afgewezen);
	fputs("</td></tr>\n", f);
}

static void invoer(FILE *f, const char *naam, const char *label, const char *waarde,
		   const char *extra)
{
	fprintf(f, "<p><label for=\"%s\">", naam);
	html_txt(f, label);
	fprintf(f, "</label>\n<input id=\"%s\" name=\"%s\" type=\"text\" value=\"", naam, naam);
	html_attr(f, waarde);
	fprintf(f, "\" %s></p>\n", extra);
}

static enum web_uitslag scherm(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct betalingen *b = calloc(1, sizeof *b);
	struct web_buf w;
	FILE *f;

	if (!b)
		return WEB_FATAAL;
	if (lees(v, b, &u) < 0 || web_buf_open(&w) < 0)
		goto klaar;
	f = w.f;
	pagina_html_begin(f, "Betalingen", v->wie, "betalingen");
	fputs("<p>Per declaratiemaand, aanbieder en gemeente: de gedeclareerde prestaties (JW323), "
	      "wat daarvan is goedgekeurd en wat afgewezen (JW325). Creditregels tellen negatief "
	      "mee.", f);
	if (v->wie->rol == TOEGANG_AANBIEDER)
		fputs(" U ziet de declaraties van uw eigen organisatie.", f);
	else if (v->wie->rol != TOEGANG_REGIO)
		fputs(" U ziet de declaraties bij uw eigen gemeenten.", f);
	fputs("</p>\n<form method=\"get\" action=\"/betalingen\" class=\"filter\">\n", f);
	invoer(f, "maand", "Maand (JJJJ-MM)", b->maand,
	       "pattern=\"[0-9]{4}-[0-9]{2}\" maxlength=\"7\"");
	invoer(f, "aanbieder", "AGB-code aanbieder", b->agb,
	       "inputmode=\"numeric\" pattern=\"[0-9]{8}\" maxlength=\"8\"");
	invoer(f, "gemeente", "CBS-code gemeente", b->gemeente,
	       "inputmode=\"numeric\" pattern=\"[0-9]{4}\" maxlength=\"4\"");
	fputs("<p><button type=\"submit\">Filteren</button></p>\n</form>\n<p><a href=\""
	      "/betalingen.csv", f);
	{
		const char *sep = "?";

		if (b->maand[0]) {
			fputs(sep, f);
			fputs("maand=", f);
			html_attr(f, b->maand);
			sep = "&amp;";
		}
		if (b->agb[0]) {
			fputs(sep, f);
			fputs("aanbieder=", f);
			html_attr(f, b->agb);
			sep = "&amp;";
		}
		if (b->gemeente[0]) {
			fputs(sep, f);
			fputs("gemeente=", f);
			html_attr(f, b->gemeente);
		}
	}
	fputs("\">Download als CSV voor Excel</a> (puntkomma's, UTF-8 met BOM, bedragen in euro "
	      "met een decimale komma)</p>\n<div class=\"tabel\"><table class=\"betalingen\">\n"
	      "<caption>Betalingen per maand, aanbieder en gemeente</caption>\n<thead><tr>"
	      "<th scope=\"col\">Maand</th><th scope=\"col\">Aanbieder</th>"
	      "<th scope=\"col\">Gemeente</th><th scope=\"col\">Regels</th>"
	      "<th scope=\"col\">Afgewezen regels</th><th scope=\"col\">Ingediend</th>"
	      "<th scope=\"col\">Goedgekeurd</th><th scope=\"col\">Afgewezen</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (size_t i = 0; i < b->n; i++) {
		const struct betaling_rij *r = &b->rijen[i];

		fputs("<tr><th scope=\"row\">", f);
		html_txt(f, r->maand);
		fputs("</th><td>", f);
		veld_html_tekst(f, r->aanbieder_naam[0] ? r->aanbieder_naam : r->agb);
		fputs(" (", f);
		html_txt(f, r->agb);
		fputs(")</td><td>", f);
		veld_html_tekst(f, r->gemeente_naam[0] ? r->gemeente_naam : r->gemeente);
		fputs("</td>", f);
		h_rij(f, r);
	}
	if (b->n == 0)
		fputs("<tr><td colspan=\"8\">Geen declaraties bij deze filters.</td></tr>\n", f);
	fputs("</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"3\">Totaal</th>", f);
	h_rij(f, &b->totaal);
	fputs("</tfoot>\n</table></div>\n", f);
	pagina_html_einde(f);
	u = pagina_html_klaar(v, &w);
klaar:
	free(b->rijen);
	free(b);
	return u;
}

/* ---- CSV --------------------------------------------------------------------- */

static void csv_euro(FILE *f, int64_t centen)
{
	int64_t a = centen < 0 ? -centen : centen;

	fprintf(f, "%s%lld,%02lld", centen < 0 ? "-" : "", (long long)(a / 100),
		(long long)(a % 100));
}

static void csv_getallen(FILE *f, const struct betaling_rij *r)
{
	fprintf(f, ";%lld;%lld;", (long long)r->regels, (long long)r->afgewezen_regels);
	csv_euro(f, r->ingediend);
	fputc(';', f);
	csv_euro(f, r->goedgekeurd);
	fputc(';', f);
	csv_euro(f, r->afgewezen);
	fputs("\r\n", f);
}

static enum web_uitslag csv(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct betalingen *b = calloc(1, sizeof *b);
	struct web_buf w;
	FILE *f;

	if (!b)
		return WEB_FATAAL;
	if (lees(v, b, &u) < 0 || web_buf_open(&w) < 0)
		goto klaar;
	f = w.f;
	fputs("\xEF\xBB\xBF" "maand;agb;aanbieder;gemeente;gemeentenaam;regels;afgewezen_regels;"
	      "ingediend_euro;goedgekeurd_euro;afgewezen_euro\r\n", f);
	for (size_t i = 0; i < b->n; i++) {
		const struct betaling_rij *r = &b->rijen[i];

		download_csv_tekst(f, r->maand);
		fputc(';', f);
		download_csv_tekst(f, r->agb);
		fputc(';', f);
		download_csv_tekst(f, r->aanbieder_naam);
		fputc(';', f);
		download_csv_tekst(f, r->gemeente);
		fputc(';', f);
		download_csv_tekst(f, r->gemeente_naam);
		csv_getallen(f, r);
	}
	fputs("totaal;;;;", f);
	csv_getallen(f, &b->totaal);
	u = download_csv(v, &w, "betalingen.csv");
klaar:
	free(b->rijen);
	free(b);
	return u;
}

const struct route betaling_routes[] = {
	{ "GET", "/betalingen", scherm, EIS_PERSOONSGEGEVENS },
	{ "GET", "/betalingen.csv", csv, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/betalingen", api, EIS_PERSOONSGEGEVENS },
};
const size_t betaling_routes_n = sizeof betaling_routes / sizeof betaling_routes[0];
