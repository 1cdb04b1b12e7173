/* pagina: see pagina.h. */
#include "web/pagina.h"

#include <stdlib.h>
#include <time.h>
#include <string.h>

#include <microhttpd.h>

#include "lib/embedded.h"
#include "lib/hash.h"
#include "lib/json.h"
#include "store/scope.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/asset.h"
#include "web/html.h"
#include "web/sessie.h"
#include "web/toegang.h"
#include "web/verbinding.h"

#define REGIO_NAAM "Holland Rijnland"
dag_t pagina_vandaag(void)
{
	time_t nu = time(NULL);
	struct tm tm;

	if (!localtime_r(&nu, &tm))
		return datum_van(1970, 1, 1);
	return datum_van(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void pagina_scope(const struct web_verzoek *v, struct store_scope *s)
{
	struct toegang_filter f;

	toegang_filter(v->wie, &f);
	s->alles = f.alles;
	s->gemeenten = f.gemeenten;
	s->n = f.n_gemeenten;
	s->agb = f.agb ? f.agb : "";
}

/* The calling thread's store, or a 503 queued (*uitslag) when there is
 * none. The technical reason goes to the log, not to the client. */
struct store *pagina_store(struct web_verzoek *v, enum web_uitslag *uitslag)
{
	char err[512];
	struct store *st = verbinding_store(err, sizeof err);

	if (!st) {
		fprintf(stderr, "jeugdregie serve: %s %s: database niet bereikbaar: %s\n",
			v->methode, v->pad, err);
		*uitslag = antwoord_fout(v->conn, MHD_HTTP_SERVICE_UNAVAILABLE,
					 "database_onbereikbaar", NULL,
					 "De database is op dit moment niet bereikbaar.");
	}
	return st;
}

/* A failed store call: log it, drop the connection on a hard error (the
 * next request reconnects) and queue a 503. */
enum web_uitslag pagina_store_fout(struct web_verzoek *v, struct store *st, int rc)
{
	fprintf(stderr, "jeugdregie serve: %s %s: %s\n", v->methode, v->pad, store_error(st));
	if (rc == -2)
		verbinding_vergeet();
	return antwoord_fout(v->conn, MHD_HTTP_SERVICE_UNAVAILABLE, "database_onbereikbaar", NULL,
			     "De database gaf geen antwoord; probeer het later opnieuw.");
}

enum web_uitslag pagina_json_klaar(struct web_verzoek *v, struct web_buf *b, struct json *j)
{
	char err[128];

	if (json_finish(j, err, sizeof err) < 0) {
		fprintf(stderr, "jeugdregie serve: %s %s: JSON: %s\n", v->methode, v->pad, err);
		if (web_buf_sluit(b) == 0)
			free(b->data);
		return antwoord_fout(v->conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
				     "Er ging iets mis bij het maken van het antwoord.");
	}
	if (web_buf_sluit(b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, MHD_HTTP_OK, b, "application/json");
}

enum web_uitslag pagina_html_klaar(struct web_verzoek *v, struct web_buf *b)
{
	if (web_buf_sluit(b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, MHD_HTTP_OK, b, "text/html; charset=utf-8");
}

/* A Dutch title for an error status. */
static const char *fout_titel(unsigned status)
{
	switch (status) {
	case MHD_HTTP_BAD_REQUEST:
		return "Ongeldig verzoek";
	case MHD_HTTP_UNAUTHORIZED:
		return "Inloggen nodig";
	case MHD_HTTP_FORBIDDEN:
		return "Geen toegang";
	case MHD_HTTP_NOT_FOUND:
		return "Niet gevonden";
	case MHD_HTTP_METHOD_NOT_ALLOWED:
		return "Methode niet toegestaan";
	case MHD_HTTP_CONTENT_TOO_LARGE:
		return "Verzoek te groot";
	default:
		return status >= 500 ? "Storing" : "Fout";
	}
}

enum web_uitslag pagina_fout(struct web_verzoek *v, unsigned status, const char *code,
			     const char *veld, const char *melding)
{
	struct MHD_Response *r;
	struct web_buf b;
	FILE *f;

	if (strncmp(v->pad, "/api/", 5) == 0 || web_buf_open(&b) < 0)
		return antwoord_fout(v->conn, status, code, veld, melding);
	f = b.f;
	pagina_html_begin(f, fout_titel(status), v->wie, NULL);
	fputs("<h2>", f);
	html_txt(f, fout_titel(status));
	fputs("</h2>\n<p class=\"fout\" role=\"alert\" data-code=\"", f);
	html_attr(f, code);
	fputs("\">", f);
	html_txt(f, melding);
	fputs("</p>\n", f);
	if (status == MHD_HTTP_UNAUTHORIZED)
		fputs("<p><a href=\"/inloggen\">Naar de inlogpagina</a></p>\n", f);
	fputs("<p><a href=\"/\">Naar het overzicht</a></p>\n", f);
	pagina_html_einde(f);
	if (web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	r = antwoord_maak(b.data, b.len, true, "text/html; charset=utf-8", ANTWOORD_DYNAMISCH);
	return antwoord_zend(v->conn, status, r);
}

enum web_uitslag pagina_gezondheid(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct store *st = pagina_store(v, &u);
	struct web_buf b;
	struct json j;
	int rc;

	if (!st)
		return u;
	/* A real query, so that a dead connection shows. */
	rc = store_is_empty(st);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "status");
	json_string(&j, "ok");
	json_key(&j, "schema");
	json_int(&j, store_schema_version(st));
	json_key(&j, "database");
	json_string(&j, store_backend(st));
	json_object_end(&j);
	return pagina_json_klaar(v, &b, &j);
}

enum web_uitslag pagina_gemeenten(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct store *st = pagina_store(v, &u);
	struct gemeente *g;
	struct web_buf b;
	struct json j;
	size_t n;
	int rc;

	if (!st)
		return u;
	rc = store_gemeenten(st, &g, &n);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	if (web_buf_open(&b) < 0) {
		free(g);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "gemeenten");
	json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(&j);
		json_key(&j, "code");
		json_string(&j, g[i].code);
		json_key(&j, "naam");
		json_string(&j, g[i].naam);
		json_key(&j, "subregio");
		json_string(&j, g[i].subregio);
		json_key(&j, "inwoners");
		json_int(&j, g[i].inwoners);
		json_key(&j, "jeugdigen_0_17");
		json_int(&j, g[i].jeugdigen_0_17);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	free(g);
	return pagina_json_klaar(v, &b, &j);
}

/* The menu: item, address, and who sees it. */
static const struct {
	const char *sleutel;
	const char *pad;
	const char *tekst;
	enum route_eis eis;
} menu[] = {
	{ "overzicht", "/", "Overzicht", EIS_PUBLIEK },
	{ "gemeenten", "/gemeenten", "Gemeenten", EIS_PUBLIEK },
	{ "aanbieders", "/aanbieders", "Aanbieders", EIS_PUBLIEK },
	{ "register", "/register", "Register", EIS_PUBLIEK },
	{ "jeugdigen", "/jeugdigen", "Jeugdigen", EIS_PERSOONSGEGEVENS },
	{ "verzoeken", "/verzoeken", "Verzoeken", EIS_GEMEENTELIJK },
	{ "toewijzingen", "/toewijzingen", "Toewijzingen", EIS_PERSOONSGEGEVENS },
	{ "betalingen", "/betalingen", "Betalingen", EIS_PERSOONSGEGEVENS },
	{ "berichten", "/berichten", "Berichten", EIS_PERSOONSGEGEVENS },
	{ "werkvoorraad", "/werkvoorraad", "Werkvoorraad", EIS_PERSOONSGEGEVENS },
	{ "wachtlijst", "/wachtlijst", "Wachtlijst", EIS_PERSOONSGEGEVENS },
	{ "wachttijden", "/wachttijden", "Wachttijden", EIS_PUBLIEK },
	{ "doelen", "/doelen", "Doelen 2030", EIS_PUBLIEK },
	{ "signalen", "/signalen", "Signalen", EIS_INGELOGD },
	{ "geld", "/geld", "Geld", EIS_PUBLIEK },
	{ "duidingen", "/duidingen", "Duidingen", EIS_PUBLIEK },
	{ "capaciteit", "/capaciteit", "Capaciteit", EIS_INGELOGD },
	{ "koppelen", "/koppelen", "Koppelen", EIS_GEMEENTELIJK },
	{ "audit", "/audit", "Auditlog", EIS_BEHEER },
};

void pagina_html_begin(FILE *f, const char *titel, const struct toegang *wie,
		       const char *actief)
{
	static const struct toegang publiek = { .rol = TOEGANG_PUBLIEK };

	if (!wie)
		wie = &publiek;
	fputs("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>", f);
	if (titel) {
		html_txt(f, titel);
		fputs(" — ", f);
	}
	fputs("jeugdregie — ", f);
	html_txt(f, REGIO_NAAM);
	fprintf(f, "</title>\n<link rel=\"stylesheet\" href=\"%s\">\n"
		"<link rel=\"icon\" type=\"image/svg+xml\" href=\"%s\">\n",
		asset_url("jeugdregie.css"), asset_url("favicon.svg"));
	fputs("</head>\n<body>\n<a class=\"skip\" href=\"#inhoud\">Naar de inhoud</a>\n"
	      "<header>\n<p class=\"merk\"><a href=\"/\">jeugdregie</a> <span>", f);
	html_txt(f, REGIO_NAAM);
	fputs("</span></p>\n<nav aria-label=\"Hoofdmenu\"><ul>\n", f);
	for (size_t i = 0; i < sizeof menu / sizeof menu[0]; i++) {
		bool hier = actief && strcmp(actief, menu[i].sleutel) == 0;

		if (!toegang_eis_ok(wie, menu[i].eis))
			continue;
		fprintf(f, "<li><a href=\"%s\"%s>%s</a></li>\n", menu[i].pad,
			hier ? " aria-current=\"page\"" : "", menu[i].tekst);
	}
	fputs("</ul></nav>\n", f);
	if (wie->heeft_sessie) {
		fputs("<form class=\"sessie\" method=\"post\" action=\"/uitloggen\">"
		      "<p>Ingelogd als <strong class=\"gebruiker\">", f);
		html_txt(f, wie->naam);
		fputs("</strong> · <span class=\"rol\">", f);
		html_txt(f, toegang_rol_tekst(wie->rol));
		fputs("</span></p>\n<input type=\"hidden\" name=\"csrf\" value=\"", f);
		html_attr(f, wie->sessie.csrf);
		fputs("\">\n<button type=\"submit\">Uitloggen</button></form>\n", f);
	} else {
		fputs("<p class=\"sessie\">Niet ingelogd. <a href=\"/inloggen\">Inloggen</a></p>\n", f);
	}
	fputs("</header>\n<main id=\"inhoud\">\n", f);
	if (titel) {
		fputs("<h1>", f);
		html_txt(f, titel);
		fputs("</h1>\n", f);
	}
}

void pagina_html_einde(FILE *f)
{
	fputs("</main>\n<footer><p>jeugdregie — informatie- en sturingssysteem jeugdhulp. "
	      "Alle gegevens in deze demo zijn verzonnen.</p></footer>\n</body>\n</html>\n", f);
}

void pagina_csrf_veld(FILE *f, const struct toegang *wie)
{
	fputs("<input type=\"hidden\" name=\"csrf\" value=\"", f);
	if (wie->heeft_sessie)
		html_attr(f, wie->sessie.csrf);
	fputs("\">\n", f);
}
