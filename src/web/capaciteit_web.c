/* capaciteit_web: see capaciteit_web.h. */
#include "web/capaciteit_web.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <microhttpd.h>

#include "domain/audit.h"
#include "domain/datum.h"
#include "lib/csv.h"
#include "lib/hash.h"
#include "lib/json.h"
#include "store/capaciteit_store.h"
#include "store/store.h"
#include "store/wachtlijst_store.h"
#include "web/antwoord.h"
#include "web/formulier.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"
#include "web/veld.h"

#define HTTP_422 422u
#define MELDINGEN_MAX 50
#define REGELS_MAX 2000
#define PLAATSEN_MAX 100000

/* ---- checking reports ------------------------------------------------------------ */

struct bevinding {
	size_t regel;            /* CSV line, 0 for a single report */
	const char *veld;
	char melding[200];
};

struct controle {
	struct store *st;
	dag_t vandaag;
	struct capaciteit_melding *m;
	size_t n;
	struct bevinding b[MELDINGEN_MAX];
	size_t n_b;
	size_t n_fout;           /* all findings, also those not kept */
};

__attribute__((format(printf, 4, 5)))
static void bevind(struct controle *c, size_t regel, const char *veld, const char *fmt, ...)
{
	va_list ap;

	c->n_fout++;
	if (c->n_b == MELDINGEN_MAX)
		return;
	c->b[c->n_b].regel = regel;
	c->b[c->n_b].veld = veld;
	va_start(ap, fmt);
	vsnprintf(c->b[c->n_b].melding, sizeof c->b[c->n_b].melding, fmt, ap);
	va_end(ap);
	c->n_b++;
}

static void trim(char *s)
{
	size_t n = strlen(s), k = 0;

	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[k]))
		k++;
	memmove(s, s + k, n - k + 1);
}

static bool getal(const char *s, int64_t *v)
{
	char *eind;
	long long x;

	if (!query_cijfers(s, 1, 6)) {
		if (s[0] == '-' && query_cijfers(s + 1, 1, 6)) {
			*v = -1;
			return true;
		}
		return false;
	}
	x = strtoll(s, &eind, 10);
	*v = x;
	return *eind == '\0';
}

/* Check one report given as text; on success append it to c->m. -2 on a
 * store failure, else 0 (findings in c). */
static int controleer(struct controle *c, size_t regel, const char *product, const char *groep,
		      const char *peildatum, const char *vrij, const char *crisis)
{
	struct capaciteit_melding m = { 0 };
	bool is_groep = false, goed = true;
	int rc;

	if (!product[0]) {
		bevind(c, regel, "productcode", "productcode ontbreekt");
		goed = false;
	} else if (strlen(product) >= sizeof m.productcode) {
		bevind(c, regel, "productcode", "productcode '%.20s' is te lang (hoogstens 5 tekens)",
		       product);
		goed = false;
	} else {
		rc = store_capaciteit_product(c->st, product, &is_groep);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			bevind(c, regel, "productcode", "product '%s' staat niet op de productlijst "
			       "van de regio", product);
			goed = false;
		} else if (is_groep && !groep[0]) {
			bevind(c, regel, "groep", "product '%s' is groepszorg: geef per groep de vrije "
			       "plaatsen (kolom groep)", product);
			goed = false;
		} else if (!is_groep && groep[0]) {
			bevind(c, regel, "groep", "product '%s' is geen groepszorg: laat groep leeg",
			       product);
			goed = false;
		}
	}
	if (strlen(groep) >= sizeof m.groep) {
		bevind(c, regel, "groep", "groep is te lang (hoogstens 40 tekens)");
		goed = false;
	}
	if (datum_parse(peildatum, &m.peildatum) < 0) {
		bevind(c, regel, "peildatum", "peildatum '%.20s' is geen datum JJJJ-MM-DD", peildatum);
		goed = false;
	} else if (m.peildatum > c->vandaag) {
		bevind(c, regel, "peildatum", "peildatum %s ligt in de toekomst", peildatum);
		goed = false;
	}
	if (!getal(vrij, &m.vrije_plaatsen) || m.vrije_plaatsen > PLAATSEN_MAX) {
		bevind(c, regel, "vrije_plaatsen", "vrije_plaatsen '%.20s' is geen heel getal van 0 "
		       "tot en met %d", vrij, PLAATSEN_MAX);
		goed = false;
	} else if (m.vrije_plaatsen < 0) {
		bevind(c, regel, "vrije_plaatsen", "vrije_plaatsen mag niet negatief zijn");
		goed = false;
	}
	if (!crisis[0]) {
		m.crisis_gereserveerd = 0;
	} else if (!getal(crisis, &m.crisis_gereserveerd) || m.crisis_gereserveerd < 0) {
		bevind(c, regel, "crisis_gereserveerd", "crisis_gereserveerd '%.20s' is geen heel "
		       "getal van 0 of meer", crisis);
		goed = false;
	} else if (goed && m.crisis_gereserveerd > m.vrije_plaatsen) {
		bevind(c, regel, "crisis_gereserveerd", "meer plaatsen voor crisis gereserveerd (%lld) "
		       "dan er vrij zijn (%lld)", (long long)m.crisis_gereserveerd,
		       (long long)m.vrije_plaatsen);
		goed = false;
	}
	if (!goed)
		return 0;
	snprintf(m.productcode, sizeof m.productcode, "%s", product);
	snprintf(m.groep, sizeof m.groep, "%s", groep);
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->m[i].productcode, m.productcode) == 0 &&
		    strcmp(c->m[i].groep, m.groep) == 0 && c->m[i].peildatum == m.peildatum) {
			bevind(c, regel, "productcode", "product %s%s%s op %s staat twee keer in de "
			       "upload", product, groep[0] ? ", groep " : "", groep, peildatum);
			return 0;
		}
	c->m[c->n++] = m;
	return 0;
}

/* The separator of a CSV: the one of ';', ',' and tab that the header
 * line holds most often (';' when none: one column). */
static char scheiding(const char *s, size_t len)
{
	size_t n[3] = { 0 };
	const char kand[3] = { ';', ',', '\t' };

	for (size_t i = 0; i < len && s[i] != '\n'; i++)
		for (int k = 0; k < 3; k++)
			n[k] += s[i] == kand[k];
	if (n[1] > n[0] && n[1] >= n[2])
		return ',';
	if (n[2] > n[0] && n[2] > n[1])
		return '\t';
	return ';';
}

enum kolom { K_PRODUCT, K_GROEP, K_PEILDATUM, K_VRIJ, K_CRISIS, K_AANTAL };
static const char *const kolomnamen[K_AANTAL] = { "productcode", "groep", "peildatum",
						  "vrije_plaatsen", "crisis_gereserveerd" };

/* Read and check the CSV text[0..len) into c. -2 on a store failure; else
 * 0 (findings in c). */
static int csv_controleer(struct controle *c, const char *text, size_t len)
{
	char buf[1024], *velden[16];
	int idx[K_AANTAL];
	struct csv r;
	int nf;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	csv_init(&r, text, len, scheiding(text, len));
	nf = csv_next(&r, buf, sizeof buf, velden, 16);
	if (nf <= 0) {
		bevind(c, 1, NULL, "geen kopregel: de eerste regel noemt de kolommen productcode, "
		       "peildatum, vrije_plaatsen (en eventueel groep, crisis_gereserveerd)");
		return 0;
	}
	for (int k = 0; k < K_AANTAL; k++)
		idx[k] = -1;
	for (int i = 0; i < nf; i++) {
		trim(velden[i]);
		for (int k = 0; k < K_AANTAL; k++)
			if (strcasecmp(velden[i], kolomnamen[k]) == 0)
				idx[k] = i;
	}
	for (int k = 0; k < K_AANTAL; k++)
		if (idx[k] < 0 && k != K_GROEP && k != K_CRISIS)
			bevind(c, 1, kolomnamen[k], "kolom '%s' ontbreekt in de kopregel; scheid de "
			       "kolommen met ; of , en noem ze productcode, groep, peildatum, "
			       "vrije_plaatsen, crisis_gereserveerd", kolomnamen[k]);
	if (c->n_fout)
		return 0;
	while ((nf = csv_next(&r, buf, sizeof buf, velden, 16)) != 0) {
		const char *w[K_AANTAL];

		if (nf < 0) {
			bevind(c, r.regel, NULL, "regel is niet te lezen (te lang, te veel kolommen of "
			       "een aanhalingsteken dat niet sluit)");
			break;
		}
		if (c->n + c->n_fout >= REGELS_MAX) {
			bevind(c, r.regel, NULL, "meer dan %d regels: verdeel de upload", REGELS_MAX);
			break;
		}
		for (int i = 0; i < nf; i++)
			trim(velden[i]);
		for (int k = 0; k < K_AANTAL; k++)
			w[k] = idx[k] >= 0 && idx[k] < nf ? velden[idx[k]] : "";
		if (nf < idx[K_PRODUCT] + 1 || nf < idx[K_PEILDATUM] + 1 || nf < idx[K_VRIJ] + 1) {
			bevind(c, r.regel, NULL, "te weinig kolommen (%d)", nf);
			continue;
		}
		int rc = controleer(c, r.regel, w[K_PRODUCT], w[K_GROEP], w[K_PEILDATUM], w[K_VRIJ],
				    w[K_CRISIS]);
		if (rc < 0)
			return rc;
	}
	if (!c->n && !c->n_fout)
		bevind(c, 2, NULL, "de upload heeft geen regels onder de kopregel");
	return 0;
}

/* ---- applying ----------------------------------------------------------------------- */

struct meld_tx {
	const struct toegang *wie;
	const char *text;        /* CSV, or NULL: the single report in fv */
	size_t len;
	const char *velden[K_AANTAL];
	char vingerafdruk[HASH_HEX_LEN + 1];
	struct controle c;
	bool dubbel;
};

static int meld_tx(struct store *st, void *arg)
{
	struct meld_tx *a = arg;
	struct audit_record r;
	char nu[21], object[200];
	int rc;

	a->c.st = st;
	a->c.n = a->c.n_b = a->c.n_fout = 0;
	a->dubbel = false;
	if (a->text) {
		rc = store_capaciteit_upload_bekend(st, a->wie->agb, a->vingerafdruk);
		if (rc < 0)
			return rc;
		if (rc == 1) {
			a->dubbel = true;
			return 0;
		}
		rc = csv_controleer(&a->c, a->text, a->len);
	} else {
		rc = controleer(&a->c, 0, a->velden[K_PRODUCT], a->velden[K_GROEP],
				a->velden[K_PEILDATUM], a->velden[K_VRIJ], a->velden[K_CRISIS]);
	}
	if (rc < 0)
		return rc;
	if (a->c.n_fout)
		return 0;
	rc = store_capaciteit_meld(st, a->c.m, a->c.n, a->wie->agb, a->wie->naam,
				   store_nu_iso(nu), a->text ? a->vingerafdruk : NULL);
	if (rc < 0)
		return rc;
	snprintf(object, sizeof object, "capaciteit: %zu melding%s van aanbieder %s%s", a->c.n,
		 a->c.n == 1 ? "" : "en", a->wie->agb, a->text ? " (upload)" : "");
	rc = toegang_audit_vul(a->wie, st, "toevoegen", 0, object, &r);
	if (rc < 0)
		return rc;
	rc = store_audit_append(st, &r);
	return rc < 0 ? rc : 0;
}

static bool is_api(const struct web_verzoek *v)
{
	return strncmp(v->pad, "/api/", 5) == 0;
}

static enum web_uitslag zie_ander(struct web_verzoek *v, const char *doel)
{
	struct MHD_Response *r = antwoord_maak(NULL, 0, false, NULL, ANTWOORD_DYNAMISCH);

	if (!r || !antwoord_header(r, "Location", doel)) {
		if (r)
			MHD_destroy_response(r);
		return WEB_FATAAL;
	}
	return antwoord_zend(v->conn, MHD_HTTP_SEE_OTHER, r);
}

/* The findings of a refused report, as JSON or a page (422). */
static enum web_uitslag bevindingen(struct web_verzoek *v, const struct controle *c)
{
	struct web_buf b;

	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	if (is_api(v)) {
		struct json j;
		char err[64], melding[160];

		snprintf(melding, sizeof melding, "%zu fout%s gevonden; er is niets opgeslagen. "
			 "Verbeter de regels en stuur alles opnieuw.", c->n_fout,
			 c->n_fout == 1 ? "" : "en");
		json_init(&j, b.f, false);
		json_object_begin(&j);
		json_key(&j, "fout");
		json_object_begin(&j);
		veld_json_tekst(&j, "code", "ongeldige_regels");
		json_key(&j, "veld");
		json_null(&j);
		veld_json_tekst(&j, "melding", melding);
		json_object_end(&j);
		json_key(&j, "regels");
		json_array_begin(&j);
		for (size_t i = 0; i < c->n_b; i++) {
			json_object_begin(&j);
			json_key(&j, "regel");
			json_int(&j, (int64_t)c->b[i].regel);
			json_key(&j, "veld");
			if (c->b[i].veld)
				json_string(&j, c->b[i].veld);
			else
				json_null(&j);
			veld_json_tekst(&j, "melding", c->b[i].melding);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_object_end(&j);
		if (json_finish(&j, err, sizeof err) < 0 || web_buf_sluit(&b) < 0)
			return WEB_FATAAL;
		return antwoord_buf(v->conn, HTTP_422, &b, "application/json");
	}
	pagina_html_begin(b.f, "Capaciteit niet opgeslagen", v->wie, "capaciteit");
	fprintf(b.f, "<p class=\"melding\">%zu fout%s gevonden; er is niets opgeslagen. Verbeter "
		"de regels en stuur alles opnieuw.</p>\n<ul class=\"bevindingen\">\n", c->n_fout,
		c->n_fout == 1 ? "" : "en");
	for (size_t i = 0; i < c->n_b; i++) {
		fputs("<li>", b.f);
		if (c->b[i].regel)
			fprintf(b.f, "Regel %zu: ", c->b[i].regel);
		html_txt(b.f, c->b[i].melding);
		fputs("</li>\n", b.f);
	}
	fputs("</ul>\n<p><a href=\"/capaciteit\">Terug naar capaciteit</a></p>\n", b.f);
	pagina_html_einde(b.f);
	if (web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, HTTP_422, &b, "text/html; charset=utf-8");
}

static enum web_uitslag alleen_aanbieder(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_FORBIDDEN, "geen_toegang", NULL,
			   "Alleen een aanbieder meldt capaciteit, voor zichzelf (log in als "
			   "aanbieder of gebruik het API-token van de aanbieder).");
}

static enum web_uitslag melden(struct web_verzoek *v, struct meld_tx *a)
{
	struct store *st;
	enum web_uitslag u;
	int rc;

	a->wie = v->wie;
	a->c.vandaag = pagina_vandaag();
	a->c.m = calloc(REGELS_MAX, sizeof *a->c.m);
	if (!a->c.m)
		return WEB_FATAAL;
	st = pagina_store(v, &u);
	if (!st)
		return u;
	rc = store_transaction(st, meld_tx, a);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	if (a->dubbel)
		return pagina_fout(v, MHD_HTTP_CONFLICT, "al_ontvangen", NULL,
				   "Dit bestand is al eerder ontvangen en verwerkt; er is niets "
				   "opnieuw opgeslagen.");
	if (a->c.n_fout)
		return bevindingen(v, &a->c);
	if (!is_api(v))
		return zie_ander(v, "/capaciteit");
	{
		struct web_buf b;
		struct json j;

		if (web_buf_open(&b) < 0)
			return WEB_FATAAL;
		json_init(&j, b.f, false);
		json_object_begin(&j);
		json_key(&j, "opgeslagen");
		json_int(&j, (int64_t)a->c.n);
		json_object_end(&j);
		return pagina_json_klaar(v, &b, &j);
	}
}

static enum web_uitslag post_een(struct web_verzoek *v)
{
	struct meld_tx *a = calloc(1, sizeof *a);
	char w[K_AANTAL][48], csrf[160], onbekend[FORMULIER_NAAM_MAX];
	const char *fout_veld = NULL;
	enum web_uitslag u;

	if (!a)
		return WEB_FATAAL;
	memset(w, 0, sizeof w);
	struct formulier_veld velden[] = {
		{ "csrf", csrf, sizeof csrf, false },
		{ "productcode", w[K_PRODUCT], sizeof w[K_PRODUCT], false },
		{ "groep", w[K_GROEP], sizeof w[K_GROEP], false },
		{ "peildatum", w[K_PEILDATUM], sizeof w[K_PEILDATUM], false },
		{ "vrije_plaatsen", w[K_VRIJ], sizeof w[K_VRIJ], false },
		{ "crisis_gereserveerd", w[K_CRISIS], sizeof w[K_CRISIS], false },
	};
	if (!v->wie->agb[0]) {
		u = alleen_aanbieder(v);
	} else if (formulier_lees_strikt(v->body, v->body_len, velden,
					 sizeof velden / sizeof velden[0], &fout_veld,
					 onbekend) < 0) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
				"Het formulier is niet te lezen. Gebruik de velden productcode, "
				"groep, peildatum, vrije_plaatsen en crisis_gereserveerd.");
	} else {
		for (int k = 0; k < K_AANTAL; k++) {
			trim(w[k]);
			a->velden[k] = w[k];
		}
		u = melden(v, a);
	}
	free(a->c.m);
	free(a);
	return u;
}

static enum web_uitslag post_csv(struct web_verzoek *v, const char *text, size_t len)
{
	struct meld_tx *a = calloc(1, sizeof *a);
	enum web_uitslag u;

	if (!a)
		return WEB_FATAAL;
	a->text = text;
	a->len = len;
	hash_hex(text, len, NULL, 0, a->vingerafdruk);
	u = melden(v, a);
	free(a->c.m);
	free(a);
	return u;
}

static enum web_uitslag api_csv(struct web_verzoek *v)
{
	if (!v->wie->agb[0])
		return alleen_aanbieder(v);
	return post_csv(v, v->body, v->body_len);
}

#define CSV_VELD_MAX (256 * 1024)

static enum web_uitslag upload(struct web_verzoek *v)
{
	char csrf[160], onbekend[FORMULIER_NAAM_MAX];
	char *csv = malloc(CSV_VELD_MAX);
	const char *fout_veld = NULL;
	enum web_uitslag u;

	if (!csv)
		return WEB_FATAAL;
	csv[0] = '\0';
	struct formulier_veld velden[] = {
		{ "csrf", csrf, sizeof csrf, false },
		{ "csv", csv, CSV_VELD_MAX, false },
	};
	if (!v->wie->agb[0])
		u = alleen_aanbieder(v);
	else if (formulier_lees_strikt(v->body, v->body_len, velden, 2, &fout_veld, onbekend) < 0)
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
				"Het formulier is niet te lezen (veld csv, hoogstens 256 kB).");
	else
		u = post_csv(v, csv, strlen(csv));
	free(csv);
	return u;
}

/* ---- the stale-report setting ------------------------------------------------------- */

struct instelling_tx {
	const struct toegang *wie;
	int64_t dagen;
};

static int instelling_tx(struct store *st, void *arg)
{
	struct instelling_tx *a = arg;
	struct audit_record r;
	char nu[21], object[120];
	int rc = store_instelling_zet(st, INSTELLING_CAPACITEIT_VEROUDERD, a->dagen, a->wie->naam,
				      store_nu_iso(nu));

	if (rc < 0)
		return rc;
	snprintf(object, sizeof object, "instelling %s = %lld", INSTELLING_CAPACITEIT_VEROUDERD,
		 (long long)a->dagen);
	rc = toegang_audit_vul(a->wie, st, "beheer", 0, object, &r);
	if (rc < 0)
		return rc;
	rc = store_audit_append(st, &r);
	return rc < 0 ? rc : 0;
}

static enum web_uitslag post_verouderd(struct web_verzoek *v)
{
	char dagen[12], csrf[160], onbekend[FORMULIER_NAAM_MAX];
	struct formulier_veld velden[] = {
		{ "csrf", csrf, sizeof csrf, false },
		{ "dagen", dagen, sizeof dagen, false },
	};
	struct instelling_tx a = { .wie = v->wie };
	const char *fout_veld = NULL;
	enum web_uitslag u;
	struct store *st;
	int rc;

	if (formulier_lees_strikt(v->body, v->body_len, velden, 2, &fout_veld, onbekend) < 0 ||
	    !query_cijfers(dagen, 1, 3) || (a.dagen = atoi(dagen)) < 1)
		return pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "dagen",
				   "Veld 'dagen' is het aantal dagen (1 tot en met 999) waarna een "
				   "capaciteitsmelding als verouderd geldt.");
	st = pagina_store(v, &u);
	if (!st)
		return u;
	rc = store_transaction(st, instelling_tx, &a);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	return is_api(v) ? zie_ander(v, "/api/v1/capaciteit") : zie_ander(v, "/capaciteit");
}

/* ---- reading -------------------------------------------------------------------------- */

struct overzicht {
	struct capaciteit_melding *actueel, *historie;
	size_t n_actueel, n_historie;
	int64_t verouderd_dagen;
	dag_t vandaag;
};

static void overzicht_vrij(struct overzicht *o)
{
	free(o->actueel);
	free(o->historie);
}

static int overzicht_lees(struct web_verzoek *v, struct overzicht *o, enum web_uitslag *u)
{
	struct store *st = pagina_store(v, u);
	const char *agb = v->wie->agb;
	int rc;

	memset(o, 0, sizeof *o);
	o->vandaag = pagina_vandaag();
	if (!st)
		return -1;
	rc = store_capaciteit_verouderd(st, &o->verouderd_dagen);
	if (rc >= 0)
		rc = store_capaciteit_actueel(st, agb, &o->actueel, &o->n_actueel);
	if (rc >= 0 && agb[0])
		rc = store_capaciteit_historie(st, agb, 200, &o->historie, &o->n_historie);
	if (rc < 0) {
		overzicht_vrij(o);
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	return 0;
}

static bool verouderd(const struct overzicht *o, const struct capaciteit_melding *m)
{
	return m->peildatum < o->vandaag - o->verouderd_dagen;
}

static void json_melding(struct json *j, const struct overzicht *o,
			 const struct capaciteit_melding *m)
{
	json_object_begin(j);
	veld_json_tekst(j, "agb", m->agb);
	veld_json_tekst(j, "aanbieder", m->aanbieder_naam);
	veld_json_tekst(j, "productcode", m->productcode);
	veld_json_tekst(j, "product", m->product);
	veld_json_tekst(j, "groep", m->groep);
	veld_json_datum(j, "peildatum", m->peildatum);
	json_key(j, "vrije_plaatsen");
	json_int(j, m->vrije_plaatsen);
	json_key(j, "crisis_gereserveerd");
	json_int(j, m->crisis_gereserveerd);
	json_key(j, "verouderd");
	json_bool(j, verouderd(o, m));
	veld_json_tekst(j, "gemeld_op", m->gemeld_op);
	json_object_end(j);
}

static enum web_uitslag api_lijst(struct web_verzoek *v)
{
	struct overzicht o;
	enum web_uitslag u;
	struct web_buf b;
	struct json j;

	if (query_lees(v, NULL, 0, &u) < 0 || overzicht_lees(v, &o, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		overzicht_vrij(&o);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "verouderd_na_dagen");
	json_int(&j, o.verouderd_dagen);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < o.n_actueel; i++)
		json_melding(&j, &o, &o.actueel[i]);
	json_array_end(&j);
	if (v->wie->agb[0]) {
		json_key(&j, "historie");
		json_array_begin(&j);
		for (size_t i = 0; i < o.n_historie; i++)
			json_melding(&j, &o, &o.historie[i]);
		json_array_end(&j);
	}
	json_object_end(&j);
	overzicht_vrij(&o);
	return pagina_json_klaar(v, &b, &j);
}

static void tabel(FILE *f, const struct overzicht *o, const struct capaciteit_melding *m,
		  size_t n, const char *caption)
{
	fputs("<div class=\"tabel\"><table class=\"capaciteit\">\n<caption>", f);
	html_txt(f, caption);
	fputs("</caption>\n<thead><tr><th scope=\"col\">Aanbieder</th><th scope=\"col\">Product"
	      "</th><th scope=\"col\">Groep</th><th scope=\"col\">Peildatum</th>"
	      "<th scope=\"col\">Vrije plaatsen</th><th scope=\"col\">Voor crisis</th>"
	      "<th scope=\"col\">Actueel</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < n; i++) {
		fputs("<tr><th scope=\"row\">", f);
		veld_html_tekst(f, m[i].aanbieder_naam);
		fputs("</th><td>", f);
		veld_html_tekst(f, m[i].productcode);
		if (m[i].product[0]) {
			fputs(" ", f);
			html_txt(f, m[i].product);
		}
		fputs("</td><td>", f);
		veld_html_tekst(f, m[i].groep);
		fputs("</td><td>", f);
		veld_html_datum(f, m[i].peildatum);
		fprintf(f, "</td><td>%lld</td><td>%lld</td><td>%s</td></tr>\n",
			(long long)m[i].vrije_plaatsen, (long long)m[i].crisis_gereserveerd,
			verouderd(o, &m[i]) ? "<strong>verouderd</strong>" : "ja");
	}
	if (!n)
		fputs("<tr><td colspan=\"7\">Geen meldingen.</td></tr>\n", f);
	fputs("</tbody>\n</table></div>\n", f);
}

static void formulieren(FILE *f, const struct toegang *wie, dag_t vandaag)
{
	char d[11];

	fputs("<h2>Capaciteit melden</h2>\n<form method=\"post\" action=\"/capaciteit\">\n", f);
	pagina_csrf_veld(f, wie);
	fprintf(f, "<p><label for=\"productcode\">Productcode</label>\n<input id=\"productcode\" "
		"name=\"productcode\" maxlength=\"5\" required></p>\n<p><label for=\"groep\">Groep "
		"(alleen bij groepszorg)</label>\n<input id=\"groep\" name=\"groep\" maxlength=\"40\">"
		"</p>\n<p><label for=\"peildatum\">Peildatum</label>\n<input id=\"peildatum\" "
		"name=\"peildatum\" type=\"date\" value=\"%s\" required></p>\n<p><label "
		"for=\"vrije_plaatsen\">Vrije plaatsen</label>\n<input id=\"vrije_plaatsen\" "
		"name=\"vrije_plaatsen\" type=\"number\" min=\"0\" required></p>\n<p><label "
		"for=\"crisis_gereserveerd\">Waarvan voor crisis gereserveerd</label>\n<input "
		"id=\"crisis_gereserveerd\" name=\"crisis_gereserveerd\" type=\"number\" min=\"0\" "
		"value=\"0\"></p>\n<p><button type=\"submit\">Melden</button></p>\n</form>\n",
		datum_fmt(vandaag, d));
	fputs("<h2>Meerdere meldingen tegelijk (CSV)</h2>\n<p>Plak de inhoud van een CSV-bestand "
	      "(bijvoorbeeld uit Excel, opgeslagen als CSV met puntkomma's). De eerste regel "
	      "noemt de kolommen: productcode;groep;peildatum;vrije_plaatsen;crisis_gereserveerd. "
	      "Alles wordt opgeslagen, of bij een fout niets.</p>\n"
	      "<form method=\"post\" action=\"/capaciteit/upload\">\n", f);
	pagina_csrf_veld(f, wie);
	fputs("<p><label for=\"csv\">CSV</label>\n<textarea id=\"csv\" name=\"csv\" rows=\"8\" "
	      "required></textarea></p>\n<p><button type=\"submit\">Versturen</button></p>\n"
	      "</form>\n", f);
}

static enum web_uitslag scherm(struct web_verzoek *v)
{
	struct overzicht o;
	enum web_uitslag u;
	struct web_buf b;
	FILE *f;

	if (query_lees(v, NULL, 0, &u) < 0 || overzicht_lees(v, &o, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		overzicht_vrij(&o);
		return WEB_FATAAL;
	}
	f = b.f;
	pagina_html_begin(f, "Capaciteit", v->wie, "capaciteit");
	fprintf(f, "<p>Vrije plaatsen zoals de aanbieders ze melden, per product en bij "
		"groepszorg per groep. Een melding ouder dan %lld dagen heet verouderd.</p>\n",
		(long long)o.verouderd_dagen);
	tabel(f, &o, o.actueel, o.n_actueel, "Laatste meldingen");
	if (v->wie->agb[0]) {
		formulieren(f, v->wie, o.vandaag);
		tabel(f, &o, o.historie, o.n_historie, "Eerdere meldingen (historie)");
	}
	pagina_html_einde(f);
	overzicht_vrij(&o);
	return pagina_html_klaar(v, &b);
}

const struct route capaciteit_routes[] = {
	{ "GET", "/api/v1/capaciteit", api_lijst, EIS_INGELOGD },
	{ "POST", "/api/v1/capaciteit", post_een, EIS_PERSOONSGEGEVENS },
	{ "POST", "/api/v1/capaciteit/csv", api_csv, EIS_PERSOONSGEGEVENS },
	{ "POST", "/api/v1/capaciteit/verouderd", post_verouderd, EIS_BEHEER },
	{ "GET", "/capaciteit", scherm, EIS_INGELOGD },
	{ "POST", "/capaciteit", post_een, EIS_PERSOONSGEGEVENS },
	{ "POST", "/capaciteit/upload", upload, EIS_PERSOONSGEGEVENS },
	{ "POST", "/capaciteit/verouderd", post_verouderd, EIS_BEHEER },
};
const size_t capaciteit_routes_n = sizeof capaciteit_routes / sizeof capaciteit_routes[0];
