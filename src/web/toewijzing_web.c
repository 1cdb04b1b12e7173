/* toewijzing_web: see toewijzing_web.h. */
#include "web/toewijzing_web.h"

#include <stdarg.h>
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
#include "ijw/codelijst.h"
#include "lib/json.h"
#include "store/ijw_store.h"
#include "store/register.h"
#include "store/scope.h"
#include "store/store.h"
#include "store/toewijzing_store.h"
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
#define PER_PAGINA 50

/* The RedenWijziging (JZ002) a gemeente may give on its own initiative:
 * not 01 (vervallen, CS336), not 12 (geïnitieerd door aanbieder: only
 * when honouring a JW317), not 13 (verwijderd: the action verwijderen). */
static const char *const eigen_redenen[] = { "02", "03", "04", "05", "06", "07", "08", "09",
					     "10", "11", "14" };
#define N_EIGEN_REDENEN (sizeof eigen_redenen / sizeof eigen_redenen[0])

static const char *const traject_status_tekst[TRAJECT_STATUS_AANTAL] = {
	"wacht op start", "intake gedaan", "gestart", "onderbroken", "beëindigd", "vervallen",
};
static const char *const traject_status_code[TRAJECT_STATUS_AANTAL] = {
	"aangemeld", "intake", "gestart", "onderbroken", "beeindigd", "vervallen",
};

/* Copy s into dst[n], cut at n - 1 bytes (the fields were checked for
 * their form before). */
static void kopieer(char *dst, size_t n, const char *s)
{
	size_t k = s ? strnlen(s, n - 1) : 0;

	if (k)
		memcpy(dst, s, k);
	dst[k] = '\0';
}

static bool is_api(const struct web_verzoek *v)
{
	return strncmp(v->pad, "/api/", 5) == 0;
}

static bool mag_toewijzen(const struct toegang *t)
{
	return toegang_eis_ok(t, EIS_GEMEENTELIJK);
}

static enum web_uitslag niet_gevonden(struct web_verzoek *v, const char *wat)
{
	char m[256];

	snprintf(m, sizeof m, "Er is geen %s met dit nummer, of die valt buiten uw gemeenten of "
		 "uw organisatie.", wat);
	return pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL, m);
}

static enum web_uitslag geen_toegang(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_FORBIDDEN, "geen_toegang", NULL,
			   "Toewijzen en wijzigen is werk van het lokaal team, de gemeente en SOZ.");
}

/* The part of o both forms fill alike: what bereid prepares (with arg),
 * the time (tijd from klok_nu_lokaal, nu filled here) and the audit as wie. */
static void eigen_vul(struct afhandel_eigen *o,
		      int (*bereid)(struct store *, void *, struct afhandel_eigen_werk *,
				    struct afhandel_uitkomst *),
		      void *arg, const char *tijd, char nu[21], const struct toegang *wie)
{
	o->bereid = bereid;
	o->arg = arg;
	o->tijd = tijd;
	o->nu = store_nu_iso(nu);
	o->audit = auditspoor_cb;
	o->audit_arg = (void *)wie;
}

/* The number of characters of UTF-8 text s, or -1 when s is not UTF-8
 * or holds a control character (a reason is one line). */
static long utf8_tekens(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	long n = 0;

	while (*p) {
		int k = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
			: (*p & 0xF8) == 0xF0 ? 3 : -1;

		if (k < 0 || *p < 0x20 || *p == 0x7F || (k == 1 && *p < 0xC2))
			return -1;
		for (int i = 1; i <= k; i++)
			if ((p[i] & 0xC0) != 0x80)
				return -1;
		p += k + 1;
		n++;
	}
	return n;
}

/* Why a form was refused before or in the store: the answer's status and
 * code, the field it is about (NULL: the form as a whole) and the message.
 * A page shows the form again with the message next to that field. */
struct weigering {
	unsigned status;
	const char *code;
	const char *veld;
	char melding[400];
	const struct afhandel_uitkomst *bevindingen;   /* the JW301's findings, or NULL */
};

__attribute__((format(printf, 5, 6)))
static int weiger_veld(struct weigering *w, unsigned status, const char *code, const char *veld,
		       const char *fmt, ...)
{
	va_list ap;

	w->status = status;
	w->code = code;
	w->veld = veld;
	va_start(ap, fmt);
	vsnprintf(w->melding, sizeof w->melding, fmt, ap);
	va_end(ap);
	return -1;
}

/* The message for field naam when w is about it, else NULL. */
static const char *fout_bij(const struct weigering *w, const char *naam)
{
	return w && w->veld && strcmp(w->veld, naam) == 0 ? w->melding : NULL;
}

/* The message of a refused field, right above it, tied to it for screen
 * readers (aria-describedby); returns the attributes for the field. */
static const char *veldfout(FILE *f, const char *id, const char *fout)
{
	if (!fout)
		return "";
	fprintf(f, "<strong class=\"melding\" id=\"fout-%s\">", id);
	html_txt(f, fout);
	fputs("</strong>\n", f);
	return " aria-invalid=\"true\"";
}

/* A labelled text input with its own id; waarde may be NULL, fout the
 * message when this field was refused (else NULL). */
static void invoer_id(FILE *f, const char *id, const char *naam, const char *label,
		      const char *waarde, const char *extra, const char *fout)
{
	const char *aria;

	fprintf(f, "<p><label for=\"%s\">", id);
	html_txt(f, label);
	fputs("</label>\n", f);
	aria = veldfout(f, id, fout);
	fprintf(f, "<input id=\"%s\" name=\"%s\" type=\"text\"%s", id, naam, aria);
	if (fout)
		fprintf(f, " aria-describedby=\"fout-%s\"", id);
	if (waarde && waarde[0]) {
		fputs(" value=\"", f);
		html_attr(f, waarde);
		fputs("\"", f);
	}
	fprintf(f, " %s></p>\n", extra);
}

static void invoer(FILE *f, const char *naam, const char *label, const char *waarde,
		   const char *extra)
{
	invoer_id(f, naam, naam, label, waarde, extra, NULL);
}

/* invoer for a form that may be shown again after a refusal w. */
static void invoer_w(FILE *f, const char *naam, const char *label, const char *waarde,
		     const char *extra, const struct weigering *w)
{
	invoer_id(f, naam, naam, label, waarde, extra, fout_bij(w, naam));
}

static void h_euro(FILE *f, int64_t centen)
{
	int64_t a = centen < 0 ? -centen : centen;

	fprintf(f, "%s&euro;&nbsp;%lld,%02lld", centen < 0 ? "&minus;" : "", (long long)(a / 100),
		(long long)(a % 100));
}

static void h_omvang(FILE *f, const struct toewijzing *z)
{
	if (z->eenheid[0]) {
		const char *e = codelijst_omschrijving(CODELIJST_WJ756, z->eenheid);
		const char *fr = codelijst_omschrijving(CODELIJST_WMO757, z->frequentie);

		fprintf(f, "%lld × ", (long long)z->volume);
		html_txt(f, e ? e : z->eenheid);
		fputs(" ", f);
		html_txt(f, fr ? fr : z->frequentie);
	} else if (z->budget > 0) {
		fputs("budget ", f);
		h_euro(f, z->budget);
	} else {
		fputs("–", f);
	}
}

/* The adres fields of the JW301 (Contactgegevens, from the BRP). */
struct adres_velden {
	char straatnaam[176];
	char huisnummer[8];
	char huisletter[8];
	char toevoeging[20];
	char postcode[12];
	char plaatsnaam[324];
};

/* The form fields of a (struct adres_velden), for a formulier_veld list. */
#define ADRES_VELDEN(a) \
	{ "straatnaam", (a).straatnaam, sizeof (a).straatnaam, false }, \
	{ "huisnummer", (a).huisnummer, sizeof (a).huisnummer, false }, \
	{ "huisletter", (a).huisletter, sizeof (a).huisletter, false }, \
	{ "toevoeging", (a).toevoeging, sizeof (a).toevoeging, false }, \
	{ "postcode", (a).postcode, sizeof (a).postcode, false }, \
	{ "plaatsnaam", (a).plaatsnaam, sizeof (a).plaatsnaam, false }

/* The adres fields; k tells the forms of one page apart (ids "postcode-1");
 * a (may be NULL) the values given before, w a refusal (or NULL). */
static void adres_invoer(FILE *f, int k, const struct adres_velden *a,
			 const struct weigering *w)
{
	static const struct {
		const char *naam, *label, *extra;
	} velden[] = {
		{ "straatnaam", "Straat", "maxlength=\"43\" autocomplete=\"address-line1\"" },
		{ "huisnummer", "Huisnummer", "inputmode=\"numeric\" pattern=\"[0-9]{1,5}\" "
		  "maxlength=\"5\" required" },
		{ "huisletter", "Huisletter", "maxlength=\"1\"" },
		{ "toevoeging", "Toevoeging", "maxlength=\"4\"" },
		{ "postcode", "Postcode", "pattern=\"[1-9][0-9]{3}[A-Za-z]{2}\" maxlength=\"6\" "
		  "required autocomplete=\"postal-code\"" },
		{ "plaatsnaam", "Woonplaats", "maxlength=\"80\" required" },
	};

	const char *waarden[] = {
		a ? a->straatnaam : NULL, a ? a->huisnummer : NULL, a ? a->huisletter : NULL,
		a ? a->toevoeging : NULL, a ? a->postcode : NULL, a ? a->plaatsnaam : NULL,
	};

	fputs("<fieldset><legend>Adres van de cliënt (BRP), voor de JW301</legend>\n", f);
	for (size_t i = 0; i < sizeof velden / sizeof velden[0]; i++) {
		char id[32];

		snprintf(id, sizeof id, "%s-%d", velden[i].naam, k);
		invoer_id(f, id, velden[i].naam, velden[i].label, waarden[i], velden[i].extra,
			  fout_bij(w, velden[i].naam));
	}
	fputs("</fieldset>\n", f);
}

/* Check the adres fields and fill a. 0, or -1 with w filled (400). */
static int adres_lees(const struct adres_velden *a, struct ijw_client_adres *uit,
		      struct weigering *w)
{
	const char *veld = !query_cijfers(a->huisnummer, 1, 5) ? "huisnummer"
			   : !a->postcode[0] ? "postcode" : !a->plaatsnaam[0] ? "plaatsnaam" : NULL;

	if (veld)
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", veld,
				   "Vul het adres van de cliënt uit de BRP in: huisnummer (cijfers), "
				   "postcode en woonplaats; de toewijzing (JW301) vraagt het.");
	*uit = (struct ijw_client_adres){
		.soort = "01", .straatnaam = a->straatnaam,
		.huisnummer = strtoll(a->huisnummer, NULL, 10), .huisletter = a->huisletter,
		.huisnummer_toevoeging = a->toevoeging, .postcode = a->postcode,
		.plaatsnaam = a->plaatsnaam, .land_code = "NL",
	};
	return 0;
}

/* The answer when ijw_afhandel_eigen refused: an error (JSON or page) when
 * not found or already done; the rest only under /api/ (a page shows the
 * form again instead, see toon_formulier and toon_een). */
static enum web_uitslag afgewezen(struct web_verzoek *v, const struct afhandel_uitkomst *a,
				  const char *veld, const char *wat)
{
	switch (a->status) {
	case AFHANDEL_GEDAAN:
		break;
	case AFHANDEL_NIET_GEVONDEN:
		return niet_gevonden(v, wat);
	case AFHANDEL_AL_AFGEHANDELD:
		return pagina_fout(v, MHD_HTTP_CONFLICT, "al_afgehandeld", veld, a->melding);
	case AFHANDEL_ONGELDIG:
		return pagina_fout(v, HTTP_422, "niet_mogelijk", veld, a->melding);
	case AFHANDEL_BEVINDINGEN:
		break;
	}
	return bevindingen_json(v, a);
}

/* The answer when a toewijzing was made or changed. */
static enum web_uitslag gedaan(struct web_verzoek *v, const struct afhandel_uitkomst *a,
			       const char *wat)
{
	int64_t nummer = a->n_toewijzingen ? a->toewijzingen[0] : a->gewijzigd[0];
	struct web_buf b;

	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	if (is_api(v)) {
		struct json j;

		json_init(&j, b.f, false);
		json_object_begin(&j);
		json_key(&j, "toewijzing_nummer");
		json_int(&j, nummer);
		veld_json_tekst(&j, "actie", wat);
		json_key(&j, "berichten");
		json_array_begin(&j);
		for (size_t i = 0; i < a->n_berichten; i++) {
			json_object_begin(&j);
			veld_json_tekst(&j, "soort", "JW301");
			veld_json_tekst(&j, "identificatie", a->identificaties[i]);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_object_end(&j);
		return pagina_json_klaar(v, &b, &j);
	}
	pagina_html_begin(b.f, "Toewijzing verstuurd", v->wie, "toewijzingen");
	fprintf(b.f, "<p class=\"melding\">Toewijzing %lld: ", (long long)nummer);
	html_txt(b.f, wat);
	fputs(". Klaar voor verzending (jeugdregie ijw export):", b.f);
	for (size_t i = 0; i < a->n_berichten; i++) {
		fputs(" JW301 ", b.f);
		html_txt(b.f, a->identificaties[i]);
	}
	fprintf(b.f, ".</p>\n<p><a href=\"/toewijzingen/%lld\">Naar de toewijzing</a></p>\n",
		(long long)nummer);
	pagina_html_einde(b.f);
	return pagina_html_klaar(v, &b);
}

/* ---- registering a referral and allocating ------------------------------------- */

struct nieuw_velden {
	char jeugdige[24];
	char datum[16];
	char reden[1024];             /* VERWIJZING_REDEN_MAX chars of <= 4 bytes, and more to refuse */
	char team[24];
	char gemeente[8];
	char aanbieder[16];
	char productcode[12];
	char ingangsdatum[16];
	char einddatum[16];
	char volume[16];
	char eenheid[8];
	char frequentie[8];
	char budget[16];
	struct adres_velden adres;
};

/* What bereid_nieuw checks inside the transaction. */
struct nieuw {
	const struct toegang *wie;
	int64_t jeugdige_id;
	dag_t datum;
	int64_t team;
	const struct nieuw_velden *fv;
	dag_t ingang, eind;
	int64_t volume, budget;
	const char *veld;             /* the field a refusal is about */
};

__attribute__((format(printf, 4, 5)))
static int weiger(struct afhandel_uitkomst *u, const char **veld_uit, const char *veld,
		  const char *fmt, ...)
{
	va_list ap;

	u->status = AFHANDEL_ONGELDIG;
	*veld_uit = veld;
	va_start(ap, fmt);
	vsnprintf(u->melding, sizeof u->melding, fmt, ap);
	va_end(ap);
	return 0;
}

static int bereid_nieuw(struct store *st, void *arg, struct afhandel_eigen_werk *w,
			struct afhandel_uitkomst *u)
{
	struct nieuw *n = arg;
	const struct nieuw_velden *fv = n->fv;
	struct register_aanbieder ra;
	struct product p;
	struct gemeente g;
	int segment = 0, jaar, rc;

	n->veld = NULL;
	if ((rc = toegang_jeugdige(n->wie, st, n->jeugdige_id)) <= 0) {
		if (rc == 0) {
			u->status = AFHANDEL_NIET_GEVONDEN;
			n->veld = "jeugdige";
		}
		return rc;
	}
	if ((rc = store_gemeente(st, fv->gemeente, &g)) < 0)
		return rc;
	if (rc == 0 || !toegang_in_gemeenten(n->wie, fv->gemeente))
		return weiger(u, &n->veld, "gemeente", "Gemeente %s is geen gemeente waarvoor u "
			      "mag toewijzen; kies de gemeente die de zorg betaalt (CBS-code).",
			      fv->gemeente);
	if ((rc = store_toewijzing_team_dient(st, n->team, fv->gemeente)) < 0)
		return rc;
	if (rc == 0)
		return weiger(u, &n->veld, "team", "Lokaal team %lld werkt niet voor gemeente %s; "
			      "kies het team dat de jeugdige verwijst.", (long long)n->team,
			      g.naam);
	if ((rc = store_aanbieder(st, fv->aanbieder, &ra)) < 0)
		return rc;
	if (rc == 0)
		return weiger(u, &n->veld, "aanbieder", "Er is geen aanbieder met AGB-code %s in "
			      "het register; kies een aanbieder uit /aanbieders.", fv->aanbieder);
	if ((rc = store_toewijzing_product(st, fv->productcode, &p)) < 0)
		return rc;
	if (rc == 0)
		return weiger(u, &n->veld, "productcode", "Productcode %s staat niet in de "
			      "productenlijst van de regio; kies een product uit /register.",
			      fv->productcode);
	datum_delen(n->ingang, &jaar, NULL, NULL);
	if ((rc = store_toewijzing_contract(st, fv->aanbieder, fv->productcode, jaar,
					    &segment)) < 0)
		return rc;
	if (rc == 0)
		return weiger(u, &n->veld, "productcode", "Aanbieder %s (%s) heeft in %d geen "
			      "contract met een tarief voor product %s; kies een aanbieder met een "
			      "contract voor dit product.", ra.aanbieder.naam, fv->aanbieder, jaar,
			      fv->productcode);

	w->jeugdige_id = n->jeugdige_id;
	w->nieuw = true;
	struct toewijzing *t = &w->t;
	t->jeugdige_id = n->jeugdige_id;
	kopieer(t->agb, sizeof t->agb, fv->aanbieder);
	kopieer(t->gemeente, sizeof t->gemeente, fv->gemeente);
	kopieer(t->categorie, sizeof t->categorie, p.categorie);
	kopieer(t->productcode, sizeof t->productcode, p.code);
	t->ingangsdatum = n->ingang;
	t->einddatum = n->eind;
	if (fv->eenheid[0]) {
		t->volume = n->volume;
		kopieer(t->eenheid, sizeof t->eenheid, fv->eenheid);
		kopieer(t->frequentie, sizeof t->frequentie, fv->frequentie);
	} else {
		t->budget = n->budget;
	}
	w->met_verwijzing = true;
	w->verwijzing.jeugdige_id = n->jeugdige_id;
	w->verwijzing.datum = n->datum;
	snprintf(w->verwijzing.type, sizeof w->verwijzing.type, "01");
	kopieer(w->verwijzing.gemeente, sizeof w->verwijzing.gemeente, fv->gemeente);
	kopieer(w->verwijzing.reden, sizeof w->verwijzing.reden, fv->reden);
	w->verwijzing.team_id = n->team;
	w->met_traject = true;
	w->traject_nieuw = true;
	struct traject *tr = &w->traject;
	tr->jeugdige_id = n->jeugdige_id;
	kopieer(tr->agb, sizeof tr->agb, fv->aanbieder);
	tr->team_id = n->team;
	kopieer(tr->gemeente, sizeof tr->gemeente, fv->gemeente);
	tr->segment = segment;
	kopieer(tr->categorie, sizeof tr->categorie, p.categorie);
	kopieer(tr->productcode, sizeof tr->productcode, p.code);
	tr->groep = p.groep;
	snprintf(tr->verwijzer, sizeof tr->verwijzer, "01");
	tr->status = TRAJECT_AANGEMELD;
	tr->aanmelddatum = n->datum;
	tr->intakedatum = tr->begindatum = tr->einddatum = DAG_GEEN;
	snprintf(w->object, sizeof w->object, "verwijzing door lokaal team %lld, toewijzing aan %s",
		 (long long)n->team, fv->aanbieder);
	return 1;
}

/* Strip leading and trailing spaces of s in place. */
static void trim(char *s)
{
	size_t b = strspn(s, " "), e = strlen(s);

	while (e > b && s[e - 1] == ' ')
		e--;
	memmove(s, s + b, e - b);
	s[e - b] = '\0';
}

/* A date field: "" is DAG_GEEN when optional. 0, or -1 with w filled (400). */
static int lees_datum(const char *veld, const char *waarde, bool nodig, dag_t *out,
		      struct weigering *w)
{
	*out = DAG_GEEN;
	if (!waarde[0] && !nodig)
		return 0;
	if (datum_parse(waarde, out) == 0)
		return 0;
	return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", veld,
			   "Veld '%s' moet een datum JJJJ-MM-DD zijn%s.", veld,
			   nodig ? " en is verplicht" : "");
}

/* A positive whole number field. 0, or -1 with w filled (400). */
static int lees_getal(const char *veld, const char *waarde, int64_t max, int64_t *out,
		      struct weigering *w)
{
	if (query_cijfers(waarde, 1, 12)) {
		*out = strtoll(waarde, NULL, 10);
		if (*out >= 1 && *out <= max)
			return 0;
	}
	return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", veld,
			   "Veld '%s' moet een heel getal van 1 tot en met %lld zijn.", veld,
			   (long long)max);
}

/* The Omvang or the Budget of a form: volume, eenheid and frequentie
 * together, or budget (eurocents) alone. 0, or -1 with w filled (400). */
static int lees_omvang(const char *volume, const char *eenheid, const char *frequentie,
		       const char *budget, int64_t *vol, int64_t *bud, struct weigering *w)
{
	bool omvang = volume[0] || eenheid[0] || frequentie[0];

	if (omvang == (budget[0] != '\0'))
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter",
				   omvang ? "budget" : "volume",
				   "Geef een omvang (volume, eenheid en frequentie) of een budget "
				   "in eurocent, niet allebei en niet geen van beide.");
	if (!omvang)
		return lees_getal("budget", budget, 999999999, bud, w);
	if (lees_getal("volume", volume, 99999999, vol, w) < 0)
		return -1;
	if (!codelijst_bevat(CODELIJST_WJ756, eenheid))
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "eenheid",
				   "Kies een eenheid uit codelijst WJ756 (bijvoorbeeld 04 uur, "
				   "14 etmaal, 83 euro).");
	if (!codelijst_bevat(CODELIJST_WMO757, frequentie))
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "frequentie",
				   "Kies een frequentie uit codelijst WMO757: 1 per dag, 2 per "
				   "week, 4 per maand, 6 totaal binnen de geldigheidsduur.");
	return 0;
}

/* ---- the form ---------------------------------------------------------------------- */

struct formulier_tx {
	const struct toegang *wie;
	int64_t id;
	dag_t vandaag;
	int gevonden;
	struct jeugdige j;
	char gemeente[GEMEENTE_CODE_LEN];
	struct register_team_rij *teams;
	size_t n_teams;
};

static int formulier_tx(struct store *st, void *arg)
{
	struct formulier_tx *a = arg;
	char object[96];
	int rc;

	free(a->teams);
	a->teams = NULL;
	a->n_teams = 0;
	if ((a->gevonden = toegang_jeugdige(a->wie, st, a->id)) <= 0)
		return a->gevonden;
	if ((rc = store_ijw_jeugdige(st, a->id, &a->j)) < 0)
		return rc;
	if ((rc = store_toewijzing_woongemeente(st, a->id, a->vandaag, a->gemeente)) < 0)
		return rc;
	if ((rc = store_lokale_teams(st, a->gemeente[0] ? a->gemeente : NULL, &a->teams,
				     &a->n_teams)) < 0)
		return rc;
	snprintf(object, sizeof object, "jeugdige/%lld: formulier toewijzen", (long long)a->id);
	return auditspoor_schrijf(st, a->wie, "lezen", a->id, object);
}

/* The refusal w at the top of a form shown again: the message and the
 * JW301's findings, if any. */
static void weigering_kop(FILE *f, const struct weigering *w)
{
	const struct afhandel_uitkomst *a = w->bevindingen;

	fputs("<div class=\"melding\" role=\"alert\"><p><strong>Niet verstuurd.</strong> ", f);
	html_txt(f, w->melding);
	fputs("</p>\n", f);
	if (a && a->n_bevindingen) {
		fputs("<ul class=\"bevindingen\">\n", f);
		for (size_t i = 0; i < a->n_bevindingen; i++) {
			fputs("<li><strong>", f);
			html_txt(f, a->bevindingen[i].code);
			fputs("</strong> ", f);
			html_txt(f, a->bevindingen[i].pad);
			fputs(": ", f);
			html_txt(f, a->bevindingen[i].melding);
			fputs("</li>\n", f);
		}
		fputs("</ul>\n", f);
	}
	fputs("<p>Pas de gegevens hieronder aan en verstuur opnieuw.</p></div>\n", f);
}

/* The referral form for youth id: empty (fv NULL), or as the user filled it
 * in with the refusal w next to its field, answered with status. */
static enum web_uitslag toon_formulier(struct web_verzoek *v, int64_t id,
				       const struct nieuw_velden *fv, const struct weigering *w,
				       unsigned status)
{
	struct formulier_tx a;
	enum web_uitslag u = WEB_FATAAL;
	char tijd[9], d[11];
	const char *fout, *aria;
	struct web_buf b;
	struct store *st;
	FILE *f;
	int rc;

	memset(&a, 0, sizeof a);
	a.wie = v->wie;
	a.vandaag = klok_nu_lokaal(tijd);
	a.id = id;
	if (!(st = pagina_store(v, &u)))
		return u;
	if ((rc = store_transaction(st, formulier_tx, &a)) < 0) {
		free(a.teams);
		return pagina_store_fout(v, st, rc);
	}
	if (!a.gevonden) {
		free(a.teams);
		return niet_gevonden(v, "jeugdige");
	}
	if (web_buf_open(&b) < 0) {
		free(a.teams);
		return WEB_FATAAL;
	}
	f = b.f;
	pagina_html_begin(f, "Verwijzen en toewijzen", v->wie, "toewijzingen");
	if (w)
		weigering_kop(f, w);
	fprintf(f, "<p>Het lokaal team verwijst <a href=\"/jeugdigen/%lld\">", (long long)a.id);
	veld_html_tekst(f, a.j.voornamen);
	fputs(" ", f);
	veld_html_tekst(f, a.j.achternaam);
	fputs("</a> en wijst zorg toe bij een aanbieder met een contract voor het product. In "
	      "één keer worden de verwijzing, de toewijzing, het traject (wachtend) en de "
	      "toewijzing aan de aanbieder (JW301) vastgelegd; de JW301 wordt gecontroleerd op "
	      "de regels van iJw 3.2 en gaat mee met <code>jeugdregie ijw export</code>.</p>\n"
	      "<form method=\"post\" action=\"/toewijzen\" class=\"besluit\">\n", f);
	pagina_csrf_veld(f, v->wie);
	fprintf(f, "<input type=\"hidden\" name=\"jeugdige\" value=\"%lld\">\n"
		"<fieldset><legend>Verwijzing</legend>\n", (long long)a.id);
	invoer_w(f, "datum", "Datum van de verwijzing (JJJJ-MM-DD)",
		 fv ? fv->datum : datum_fmt(a.vandaag, d),
		 "pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\" required", w);
	invoer_w(f, "reden", "Reden van de verwijzing (hoogstens 200 tekens)", fv ? fv->reden : NULL,
		 "maxlength=\"200\" required", w);
	fputs("<p><label for=\"team\">Lokaal team</label>\n", f);
	fout = fout_bij(w, "team");
	aria = veldfout(f, "team", fout);
	fprintf(f, "<select id=\"team\" name=\"team\" required%s%s>\n", aria,
		fout ? " aria-describedby=\"fout-team\"" : "");
	for (size_t i = 0; i < a.n_teams; i++) {
		char nr[24];

		if (i && a.teams[i].team_id == a.teams[i - 1].team_id)
			continue;
		snprintf(nr, sizeof nr, "%lld", (long long)a.teams[i].team_id);
		fprintf(f, "<option value=\"%s\"%s>", nr,
			fv && strcmp(fv->team, nr) == 0 ? " selected" : "");
		html_txt(f, a.teams[i].team_naam);
		fputs("</option>\n", f);
	}
	fputs("</select></p>\n", f);
	invoer_w(f, "gemeente", "Gemeente die betaalt (CBS-code)", fv ? fv->gemeente : a.gemeente,
		 "inputmode=\"numeric\" pattern=\"[0-9]{4}\" maxlength=\"4\" required", w);
	fputs("</fieldset>\n<fieldset><legend>Toewijzing</legend>\n", f);
	invoer_w(f, "aanbieder", "AGB-code van de aanbieder", fv ? fv->aanbieder : NULL,
		 "inputmode=\"numeric\" pattern=\"[0-9]{8}\" maxlength=\"8\" required", w);
	invoer_w(f, "productcode", "Productcode (de categorie volgt uit het product)",
		 fv ? fv->productcode : NULL, "maxlength=\"5\" required", w);
	invoer_w(f, "ingangsdatum", "Ingangsdatum (JJJJ-MM-DD)", fv ? fv->ingangsdatum : NULL,
		 "pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\" required", w);
	invoer_w(f, "einddatum", "Einddatum (JJJJ-MM-DD, leeg: geen)", fv ? fv->einddatum : NULL,
		 "pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"", w);
	fputs("<p>Een omvang (volume, eenheid en frequentie) óf een budget.</p>\n", f);
	invoer_w(f, "volume", "Volume", fv ? fv->volume : NULL,
		 "inputmode=\"numeric\" pattern=\"[0-9]{1,8}\"", w);
	invoer_w(f, "eenheid", "Eenheid (WJ756, bijvoorbeeld 04 uur)", fv ? fv->eenheid : NULL,
		 "inputmode=\"numeric\" pattern=\"[0-9]{2}\" maxlength=\"2\"", w);
	invoer_w(f, "frequentie", "Frequentie (1 dag, 2 week, 4 maand, 6 totaal)",
		 fv ? fv->frequentie : NULL, "inputmode=\"numeric\" pattern=\"[1246]\" maxlength=\"1\"",
		 w);
	invoer_w(f, "budget", "Budget in eurocent", fv ? fv->budget : NULL,
		 "inputmode=\"numeric\" pattern=\"[0-9]{1,9}\"", w);
	fputs("</fieldset>\n", f);
	adres_invoer(f, 0, fv ? &fv->adres : NULL, w);
	fputs("<p><button type=\"submit\">Verwijzen, toewijzen en JW301 maken</button></p>\n"
	      "</form>\n", f);
	pagina_html_einde(f);
	free(a.teams);
	if (web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, status, &b, "text/html; charset=utf-8");
}

static enum web_uitslag formulier_get(struct web_verzoek *v)
{
	char jeugdige[24] = "";
	struct formulier_veld velden[] = { { "jeugdige", jeugdige, sizeof jeugdige, false } };
	enum web_uitslag u = WEB_FATAAL;
	int64_t id;
	struct web_buf b;
	FILE *f;

	if (query_lees(v, velden, 1, &u) < 0)
		return u;
	id = query_id(jeugdige);
	if (jeugdige[0] && !id)
		return niet_gevonden(v, "jeugdige");
	if (id)
		return toon_formulier(v, id, NULL, NULL, MHD_HTTP_OK);
	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	f = b.f;
	pagina_html_begin(f, "Verwijzen en toewijzen", v->wie, "toewijzingen");
	fputs("<p>Kies eerst de jeugdige: open het dossier via <a href=\"/jeugdigen\">"
	      "Jeugdigen</a> of vul het nummer in.</p>\n<form method=\"get\" "
	      "action=\"/toewijzen\">\n", f);
	invoer(f, "jeugdige", "Nummer van de jeugdige", NULL,
	       "inputmode=\"numeric\" pattern=\"[0-9]{1,18}\" required");
	fputs("<p><button type=\"submit\">Verder</button></p>\n</form>\n", f);
	pagina_html_einde(f);
	return pagina_html_klaar(v, &b);
}

/* ---- registering: the checks before the store ----------------------------------- */

/* Check the fields of fv into n and o. 0, or -1 with w filled. */
static int nieuw_controleer(struct nieuw_velden *fv, struct nieuw *n, struct afhandel_eigen *o,
			    struct weigering *w)
{
	long tekens;

	if (!fv->jeugdige[0])
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "jeugdige",
				   "Veld 'jeugdige' (het nummer van de jeugdige) is verplicht.");
	if (!n->jeugdige_id)
		return weiger_veld(w, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
				   "Er is geen jeugdige met dit nummer, of die valt buiten uw "
				   "gemeenten of uw organisatie.");
	if (lees_datum("datum", fv->datum, true, &n->datum, w) < 0)
		return -1;
	if (n->datum > o->vandaag)
		return weiger_veld(w, HTTP_422, "niet_mogelijk", "datum", "De datum van de "
				   "verwijzing ligt in de toekomst; vul de dag in waarop het lokaal "
				   "team verwees.");
	trim(fv->reden);
	tekens = utf8_tekens(fv->reden);
	if (tekens < 1 || tekens > VERWIJZING_REDEN_MAX)
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "reden", "%s",
				   !fv->reden[0] ? "Vul de reden van de verwijzing in: waarom "
				   "verwijst het lokaal team (bijvoorbeeld 'angstklachten, niet naar "
				   "school')?" : tekens > VERWIJZING_REDEN_MAX ? "De reden van de verwijzing is "
				   "te lang: hoogstens 200 tekens. Vat de reden korter samen."
				   : "De reden van de verwijzing bevat een verkeerd teken; gebruik "
				   "gewone tekst op één regel.");
	if (!(n->team = query_id(fv->team)))
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "team",
				   "Kies het lokaal team dat verwijst (het nummer van het team).");
	if (!query_cijfers(fv->gemeente, 4, 4))
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "gemeente",
				   "Vul de CBS-code van vier cijfers in van de gemeente die "
				   "betaalt.");
	if (!query_cijfers(fv->aanbieder, 8, 8))
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "aanbieder",
				   "Vul de AGB-code van acht cijfers van de aanbieder in.");
	if (!fv->productcode[0] || strlen(fv->productcode) > 5)
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "productcode",
				   "Vul de productcode in (hoogstens vijf tekens, bijvoorbeeld "
				   "45A11).");
	if (lees_datum("ingangsdatum", fv->ingangsdatum, true, &n->ingang, w) < 0 ||
	    lees_datum("einddatum", fv->einddatum, false, &n->eind, w) < 0)
		return -1;
	if (n->eind != DAG_GEEN && n->eind < n->ingang)
		return weiger_veld(w, HTTP_422, "niet_mogelijk", "einddatum", "De einddatum ligt "
				   "vóór de ingangsdatum; een toewijzing eindigt op of na haar eerste "
				   "dag.");
	if (lees_omvang(fv->volume, fv->eenheid, fv->frequentie, fv->budget, &n->volume,
			&n->budget, w) < 0)
		return -1;
	return adres_lees(&fv->adres, &o->adres, w);
}

/* Answer refusal w of the referral form: JSON (or an error page when
 * there is no youth to show the form for), else the form again. */
static enum web_uitslag nieuw_weiger(struct web_verzoek *v, const struct nieuw_velden *fv,
				     int64_t jeugdige_id, const struct weigering *w)
{
	if (is_api(v) || !jeugdige_id || w->status == MHD_HTTP_NOT_FOUND)
		return pagina_fout(v, w->status, w->code, w->veld, w->melding);
	return toon_formulier(v, jeugdige_id, fv, w, w->status);
}

static enum web_uitslag nieuw_post(struct web_verzoek *v)
{
	struct nieuw_velden *fv = calloc(1, sizeof *fv);
	struct afhandel_uitkomst *a = calloc(1, sizeof *a);
	struct afhandel_eigen o;
	struct weigering w;
	struct nieuw n;
	enum web_uitslag u = WEB_FATAAL;
	struct store *st;
	const char *fout_veld = NULL;
	char tijd[9], nu[21], onbekend[FORMULIER_NAAM_MAX], csrf[160];
	int rc;

	if (!fv || !a)
		goto klaar;
	struct formulier_veld velden[] = {
		{ "csrf", csrf, sizeof csrf, false },
		{ "jeugdige", fv->jeugdige, sizeof fv->jeugdige, false },
		{ "datum", fv->datum, sizeof fv->datum, false },
		{ "reden", fv->reden, sizeof fv->reden, false },
		{ "team", fv->team, sizeof fv->team, false },
		{ "gemeente", fv->gemeente, sizeof fv->gemeente, false },
		{ "aanbieder", fv->aanbieder, sizeof fv->aanbieder, false },
		{ "productcode", fv->productcode, sizeof fv->productcode, false },
		{ "ingangsdatum", fv->ingangsdatum, sizeof fv->ingangsdatum, false },
		{ "einddatum", fv->einddatum, sizeof fv->einddatum, false },
		{ "volume", fv->volume, sizeof fv->volume, false },
		{ "eenheid", fv->eenheid, sizeof fv->eenheid, false },
		{ "frequentie", fv->frequentie, sizeof fv->frequentie, false },
		{ "budget", fv->budget, sizeof fv->budget, false },
		ADRES_VELDEN(fv->adres),
	};

	if (!mag_toewijzen(v->wie)) {
		u = geen_toegang(v);
		goto klaar;
	}
	if (formulier_lees_strikt(v->body, v->body_len, velden, sizeof velden / sizeof velden[0],
				  &fout_veld, onbekend) < 0) {
		if (fout_veld == velden[3].naam) {
			u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "reden",
					"De reden van de verwijzing is te lang of bevat een verkeerd "
					"teken; beschrijf in hoogstens 200 tekens op één regel waarom "
					"het lokaal team verwijst.");
			goto klaar;
		}
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
				"Het formulier is niet te lezen: een onbekend of dubbel veld, een te "
				"lange waarde of een verkeerd teken. Velden: jeugdige, datum, reden, team, "
				"gemeente, aanbieder, productcode, ingangsdatum, einddatum, volume, "
				"eenheid, frequentie, budget en de adresvelden.");
		goto klaar;
	}
	memset(&n, 0, sizeof n);
	memset(&o, 0, sizeof o);
	memset(&w, 0, sizeof w);
	n.wie = v->wie;
	n.fv = fv;
	n.jeugdige_id = query_id(fv->jeugdige);
	o.vandaag = klok_nu_lokaal(tijd);
	if (nieuw_controleer(fv, &n, &o, &w) < 0) {
		u = nieuw_weiger(v, fv, n.jeugdige_id, &w);
		goto klaar;
	}
	eigen_vul(&o, bereid_nieuw, &n, tijd, nu, v->wie);
	if (!(st = pagina_store(v, &u)))
		goto klaar;
	if ((rc = ijw_afhandel_eigen(st, &o, a)) < 0) {
		u = pagina_store_fout(v, st, rc);
	} else if (a->status == AFHANDEL_GEDAAN) {
		u = gedaan(v, a, "toegewezen");
	} else if (is_api(v) || a->status == AFHANDEL_NIET_GEVONDEN) {
		u = afgewezen(v, a, n.veld, "jeugdige");
	} else {
		weiger_veld(&w, a->status == AFHANDEL_AL_AFGEHANDELD ? MHD_HTTP_CONFLICT : HTTP_422,
			    "niet_mogelijk", n.veld, "%s", a->melding);
		w.bevindingen = a;
		u = toon_formulier(v, n.jeugdige_id, fv, &w, w.status);
	}
klaar:
	free(fv);
	free(a);
	return u;
}

/* ---- reading toewijzingen -------------------------------------------------------- */

struct lijst_tx {
	const struct toegang *wie;
	struct store_scope scope;
	struct toewijzing_lijst_filter f;
	struct query_paginering pag;
	struct toewijzing_info *rijen;
	size_t n;
	int64_t totaal;
};

static int lijst_tx(struct store *st, void *arg)
{
	struct lijst_tx *a = arg;
	char object[200];
	int rc;

	free(a->rijen);
	a->rijen = NULL;
	if ((rc = store_toewijzingen(st, &a->scope, &a->f, &a->rijen, &a->n, &a->totaal)) < 0)
		return rc;
	snprintf(object, sizeof object, "toewijzingen: lijst (%zu regels van %lld, pagina %lld; "
		 "filter aanbieder=%s gemeente=%s jeugdige=%lld)", a->n, (long long)a->totaal,
		 (long long)a->pag.pagina, a->f.agb[0] ? a->f.agb : "-",
		 a->f.gemeente[0] ? a->f.gemeente : "-", (long long)a->f.jeugdige_id);
	return auditspoor_schrijf(st, a->wie, "lezen", 0, object);
}

static const char *status_van(const struct toewijzing_info *i, dag_t vandaag)
{
	const struct toewijzing *z = &i->z;

	if (strcmp(z->reden_wijziging, "13") == 0 && z->einddatum == z->ingangsdatum)
		return "verwijderd";
	if (z->einddatum != DAG_GEEN && z->einddatum < vandaag)
		return "verlopen";
	if (i->heeft_traject)
		return traject_status_tekst[i->traject.status];
	return "geldig";
}

static void json_toewijzing(struct json *j, const struct toewijzing_info *i, dag_t vandaag)
{
	const struct toewijzing *z = &i->z;

	json_key(j, "nummer");
	json_int(j, z->nummer);
	json_key(j, "jeugdige");
	json_object_begin(j);
	json_key(j, "id");
	json_int(j, z->jeugdige_id);
	veld_json_tekst(j, "voornamen", i->voornamen);
	veld_json_tekst(j, "achternaam", i->achternaam);
	json_object_end(j);
	json_key(j, "aanbieder");
	json_object_begin(j);
	veld_json_tekst(j, "agb", z->agb);
	veld_json_tekst(j, "naam", i->aanbieder_naam);
	json_object_end(j);
	json_key(j, "gemeente");
	json_object_begin(j);
	veld_json_tekst(j, "code", z->gemeente);
	veld_json_tekst(j, "naam", i->gemeente_naam);
	json_object_end(j);
	veld_json_tekst(j, "categorie", z->categorie);
	veld_json_tekst(j, "productcode", z->productcode);
	veld_json_tekst(j, "product", i->product);
	veld_json_datum(j, "toewijzingsdatum", z->toewijzingsdatum);
	veld_json_datum(j, "ingangsdatum", z->ingangsdatum);
	veld_json_datum(j, "einddatum", z->einddatum);
	json_key(j, "volume");
	if (z->eenheid[0])
		json_int(j, z->volume);
	else
		json_null(j);
	veld_json_tekst(j, "eenheid", z->eenheid);
	veld_json_tekst(j, "frequentie", z->frequentie);
	json_key(j, "budget");
	if (z->eenheid[0])
		json_null(j);
	else
		json_int(j, z->budget);
	veld_json_tekst(j, "reden_wijziging", z->reden_wijziging);
	veld_json_tekst(j, "status", status_van(i, vandaag));
	json_key(j, "traject");
	if (i->heeft_traject) {
		json_object_begin(j);
		json_key(j, "id");
		json_int(j, i->traject.id);
		veld_json_tekst(j, "status", traject_status_code[i->traject.status]);
		veld_json_datum(j, "aanmelddatum", i->traject.aanmelddatum);
		veld_json_datum(j, "begindatum", i->traject.begindatum);
		veld_json_datum(j, "einddatum", i->traject.einddatum);
		veld_json_tekst(j, "reden_beeindiging", i->traject.reden_beeindiging);
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_key(j, "prestaties");
	json_int(j, i->n_prestaties);
	json_key(j, "afgewezen");
	json_int(j, i->n_afgewezen);
}

/* Read the list's parameters and the page. 0, or -1 with the answer queued. */
static int lijst_lees(struct web_verzoek *v, struct lijst_tx *a, char agb[16], char gem[8],
		      enum web_uitslag *u)
{
	char pagina[24] = "", per_pagina[24] = "", jeugdige[24] = "";
	struct formulier_veld velden[] = {
		{ "aanbieder", agb, 16, false }, { "gemeente", gem, 8, false },
		{ "jeugdige", jeugdige, sizeof jeugdige, false },
		{ "pagina", pagina, sizeof pagina, false },
		{ "per_pagina", per_pagina, sizeof per_pagina, false },
	};
	struct store *st;
	int rc;

	memset(a, 0, sizeof *a);
	if (query_lees(v, velden, sizeof velden / sizeof velden[0], u) < 0 ||
	    query_paginering(v, pagina, per_pagina, PER_PAGINA, &a->pag, u) < 0)
		return -1;
	if (agb[0] && !query_cijfers(agb, 8, 8))
		return query_weiger(v, "aanbieder", "Een AGB-code heeft acht cijfers.", u);
	if (gem[0] && !query_cijfers(gem, 4, 4))
		return query_weiger(v, "gemeente", "Een CBS-code heeft vier cijfers.", u);
	if (jeugdige[0] && !(a->f.jeugdige_id = query_id(jeugdige)))
		return query_weiger(v, "jeugdige", "Het nummer van een jeugdige is een heel getal.",
				    u);
	a->wie = v->wie;
	pagina_scope(v, &a->scope);
	a->f.agb = agb;
	a->f.gemeente = gem;
	a->f.limiet = a->pag.per_pagina;
	a->f.offset = a->pag.offset;
	if (!(st = pagina_store(v, u)))
		return -1;
	if ((rc = store_transaction(st, lijst_tx, a)) < 0) {
		free(a->rijen);
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	return 0;
}

static enum web_uitslag api_lijst(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	char agb[16] = "", gem[8] = "", tijd[9];
	dag_t vandaag = klok_nu_lokaal(tijd);
	struct lijst_tx a;
	struct web_buf b;
	struct json j;

	if (lijst_lees(v, &a, agb, gem, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		free(a.rijen);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < a.n; i++) {
		json_object_begin(&j);
		json_toewijzing(&j, &a.rijen[i], vandaag);
		json_object_end(&j);
	}
	json_array_end(&j);
	query_json_paginering(&j, &a.pag, a.totaal);
	json_object_end(&j);
	free(a.rijen);
	return pagina_json_klaar(v, &b, &j);
}

static void h_toewijzing_cellen(FILE *f, const struct toewijzing_info *i, dag_t vandaag)
{
	const struct toewijzing *z = &i->z;

	fprintf(f, "<tr><th scope=\"row\"><a href=\"/toewijzingen/%lld\">%lld</a></th><td>",
		(long long)z->nummer, (long long)z->nummer);
	veld_html_tekst(f, i->voornamen);
	fputs(" ", f);
	veld_html_tekst(f, i->achternaam);
	fputs("</td><td>", f);
	veld_html_tekst(f, i->aanbieder_naam[0] ? i->aanbieder_naam : z->agb);
	fputs("</td><td>", f);
	veld_html_tekst(f, i->gemeente_naam[0] ? i->gemeente_naam : z->gemeente);
	fputs("</td><td>", f);
	html_txt(f, z->categorie);
	fputs(" ", f);
	veld_html_tekst(f, z->productcode);
	fputs("</td><td>", f);
	veld_html_datum(f, z->ingangsdatum);
	fputs(" – ", f);
	veld_html_datum(f, z->einddatum);
	fputs("</td><td>", f);
	h_omvang(f, z);
	fputs("</td><td>", f);
	html_txt(f, status_van(i, vandaag));
	if (i->heeft_traject && i->traject.begindatum != DAG_GEEN) {
		fputs("<br>start ", f);
		veld_html_datum(f, i->traject.begindatum);
	}
	if (i->heeft_traject && i->traject.einddatum != DAG_GEEN) {
		fputs("<br>stop ", f);
		veld_html_datum(f, i->traject.einddatum);
	}
	fprintf(f, "</td><td>%lld (%lld afgewezen)</td></tr>\n", (long long)i->n_prestaties,
		(long long)i->n_afgewezen);
}

/* The list's filters in a link (digits only, checked by lijst_lees). */
static void h_filter(FILE *f, const char *agb, const char *gem)
{
	if (agb[0]) {
		fputs("&amp;aanbieder=", f);
		html_attr(f, agb);
	}
	if (gem[0]) {
		fputs("&amp;gemeente=", f);
		html_attr(f, gem);
	}
}

static enum web_uitslag scherm_lijst(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	char agb[16] = "", gem[8] = "", tijd[9];
	dag_t vandaag = klok_nu_lokaal(tijd);
	bool aanbieder = v->wie->rol == TOEGANG_AANBIEDER;
	struct lijst_tx a;
	struct web_buf b;
	int64_t paginas;
	FILE *f;

	if (lijst_lees(v, &a, agb, gem, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		free(a.rijen);
		return WEB_FATAAL;
	}
	f = b.f;
	pagina_html_begin(f, aanbieder ? "Mijn toewijzingen" : "Toewijzingen", v->wie,
			  "toewijzingen");
	fputs("<p>Toewijzingen met hun stand: wachtend, gestart of gestopt (JW305/JW307) en het "
	      "aantal gedeclareerde prestaties met hoeveel daarvan zijn afgewezen (JW325). Open "
	      "een toewijzing voor elke regel met haar retourcode.", f);
	if (mag_toewijzen(v->wie))
		fputs(" Een nieuwe verwijzing en toewijzing begint bij <a href=\"/toewijzen\">"
		      "Verwijzen en toewijzen</a>.", f);
	fputs("</p>\n<form method=\"get\" action=\"/toewijzingen\" class=\"filter\">\n", f);
	invoer(f, "aanbieder", "AGB-code aanbieder", agb,
	       "inputmode=\"numeric\" pattern=\"[0-9]{8}\" maxlength=\"8\"");
	invoer(f, "gemeente", "CBS-code gemeente", gem,
	       "inputmode=\"numeric\" pattern=\"[0-9]{4}\" maxlength=\"4\"");
	fputs("<p><button type=\"submit\">Filteren</button></p>\n</form>\n"
	      "<div class=\"tabel\"><table class=\"toewijzingen\">\n<caption>", f);
	fprintf(f, "%lld toewijzing%s", (long long)a.totaal, a.totaal == 1 ? "" : "en");
	fputs("</caption>\n<thead><tr><th scope=\"col\">Nummer</th><th scope=\"col\">Jeugdige</th>"
	      "<th scope=\"col\">Aanbieder</th><th scope=\"col\">Gemeente</th>"
	      "<th scope=\"col\">Product</th><th scope=\"col\">Periode</th>"
	      "<th scope=\"col\">Omvang</th><th scope=\"col\">Stand</th>"
	      "<th scope=\"col\">Prestaties</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < a.n; i++)
		h_toewijzing_cellen(f, &a.rijen[i], vandaag);
	fputs("</tbody>\n</table></div>\n", f);
	paginas = (a.totaal + a.pag.per_pagina - 1) / a.pag.per_pagina;
	if (paginas > 1) {
		fputs("<nav aria-label=\"Pagina's\"><p>", f);
		if (a.pag.pagina > 1) {
			fprintf(f, "<a href=\"/toewijzingen?pagina=%lld", (long long)a.pag.pagina - 1);
			h_filter(f, agb, gem);
			fputs("\">Vorige</a> ", f);
		}
		fprintf(f, "Pagina %lld van %lld", (long long)a.pag.pagina, (long long)paginas);
		if (a.pag.pagina < paginas) {
			fprintf(f, " <a href=\"/toewijzingen?pagina=%lld", (long long)a.pag.pagina + 1);
			h_filter(f, agb, gem);
			fputs("\">Volgende</a>", f);
		}
		fputs("</p></nav>\n", f);
	}
	pagina_html_einde(f);
	free(a.rijen);
	return pagina_html_klaar(v, &b);
}

/* ---- one toewijzing ------------------------------------------------------------------ */

struct een_tx {
	const struct toegang *wie;
	struct store_scope scope;
	int64_t nummer;
	int gevonden;
	struct toewijzing_info i;
	struct toewijzing_prestatie *p;
	size_t n_p;
};

static int een_tx(struct store *st, void *arg)
{
	struct een_tx *a = arg;
	char object[96];
	int rc;

	free(a->p);
	a->p = NULL;
	a->n_p = 0;
	if ((a->gevonden = store_toewijzing_info(st, &a->scope, a->nummer, &a->i)) <= 0)
		return a->gevonden;
	/* The youth's scope as well: the file is theirs. */
	if ((a->gevonden = toegang_jeugdige(a->wie, st, a->i.z.jeugdige_id)) <= 0)
		return a->gevonden;
	if ((rc = store_toewijzing_prestaties(st, a->nummer, &a->p, &a->n_p)) < 0)
		return rc;
	snprintf(object, sizeof object, "toewijzing/%lld: inzage", (long long)a->nummer);
	return auditspoor_schrijf(st, a->wie, "lezen", a->i.z.jeugdige_id, object);
}

/* 0 read (a->gevonden 1), or -1 with the answer queued. */
static int een_lees(struct web_verzoek *v, struct een_tx *a, enum web_uitslag *u)
{
	struct store *st;
	int rc;

	memset(a, 0, sizeof *a);
	if (query_lees(v, NULL, 0, u) < 0)
		return -1;
	a->wie = v->wie;
	pagina_scope(v, &a->scope);
	if (!(a->nummer = query_id(v->param[0]))) {
		*u = niet_gevonden(v, "toewijzing");
		return -1;
	}
	if (!(st = pagina_store(v, u)))
		return -1;
	if ((rc = store_transaction(st, een_tx, a)) < 0) {
		free(a->p);
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	if (!a->gevonden) {
		free(a->p);
		*u = niet_gevonden(v, "toewijzing");
		return -1;
	}
	return 0;
}

static enum web_uitslag api_een(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	char tijd[9];
	dag_t vandaag = klok_nu_lokaal(tijd);
	struct een_tx a;
	struct web_buf b;
	struct json j;

	if (een_lees(v, &a, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		free(a.p);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_toewijzing(&j, &a.i, vandaag);
	json_key(&j, "regels");
	json_array_begin(&j);
	for (size_t i = 0; i < a.n_p; i++) {
		const struct prestatie *p = &a.p[i].p;

		json_object_begin(&j);
		veld_json_tekst(&j, "declaratie", a.p[i].declaratie_nummer);
		veld_json_tekst(&j, "referentie", p->referentie);
		veld_json_datum(&j, "periode_begin", p->periode_begin);
		veld_json_datum(&j, "periode_eind", p->periode_eind);
		json_key(&j, "volume");
		json_int(&j, p->volume);
		veld_json_tekst(&j, "eenheid", p->eenheid);
		json_key(&j, "bedrag");
		json_int(&j, p->bedrag);
		veld_json_tekst(&j, "retourcode", p->retourcode);
		json_key(&j, "goedgekeurd");
		json_bool(&j, p->goedgekeurd);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	free(a.p);
	return pagina_json_klaar(v, &b, &j);
}

enum wijzig_actie { WIJZIG_WIJZIGEN, WIJZIG_INTREKKEN, WIJZIG_VERWIJDEREN };

struct wijzig_velden {
	char actie[16];
	char einddatum[16];
	char volume[16];
	char budget[16];
	char reden[4];
	struct adres_velden adres;
};

/* The forms to change, withdraw and delete toewijzing i. Form k_fout (an
 * enum wijzig_actie, or -1) was refused with w: it shows the values fv the
 * user gave and the message next to its field. */
static void wijzig_formulieren(FILE *f, const struct toewijzing_info *i,
			       const struct toegang *wie, int k_fout,
			       const struct wijzig_velden *fv, const struct weigering *w)
{
	long long nr = (long long)i->z.nummer;

	fputs("<section aria-labelledby=\"kop-wijzigen\">\n<h2 id=\"kop-wijzigen\">Wijzigen op "
	      "initiatief van de gemeente</h2>\n<p>De toewijzing houdt haar nummer; de aanbieder "
	      "krijgt een nieuwe JW301 met de reden van de wijziging (JZ002). Een einddatum in "
	      "het verleden alleen in overleg met de aanbieder (OP186). Een andere omvang dan "
	      "het totaal (frequentie 6) of het budget: beëindig deze toewijzing en wijs "
	      "opnieuw toe.</p>\n", f);
	for (int k = 0; k < 3; k++) {
		static const char *const acties[] = { "wijzigen", "intrekken", "verwijderen" };
		static const char *const koppen[] = {
			"Einddatum, volume of budget wijzigen",
			"Intrekken: eerder laten eindigen",
			"Verwijderen (reden 13: alsof nooit verstuurd; niet na goedgekeurde "
			"declaraties)",
		};
		const struct weigering *wk = k == k_fout ? w : NULL;
		const struct wijzig_velden *vk = k == k_fout ? fv : NULL;

		fprintf(f, "<form method=\"post\" action=\"/toewijzingen/%lld\" class=\"besluit\">\n"
			"<h3>%s</h3>\n", nr, koppen[k]);
		if (wk)
			weigering_kop(f, wk);
		pagina_csrf_veld(f, wie);
		fprintf(f, "<input type=\"hidden\" name=\"actie\" value=\"%s\">\n", acties[k]);
		if (k < 2) {
			char id[32], rid[24];
			const char *fout, *aria;

			snprintf(id, sizeof id, "einddatum-%d", k);
			invoer_id(f, id, "einddatum", "Nieuwe einddatum (JJJJ-MM-DD)",
				  vk ? vk->einddatum : NULL, k == 1 ?
				  "pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\" required" :
				  "pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"", fout_bij(wk, "einddatum"));
			if (k == 0 && i->z.eenheid[0] && strcmp(i->z.frequentie, "6") == 0)
				invoer_id(f, "volume", "volume", "Nieuw totaal volume",
					  vk ? vk->volume : NULL,
					  "inputmode=\"numeric\" pattern=\"[0-9]{1,8}\"",
					  fout_bij(wk, "volume"));
			if (k == 0 && !i->z.eenheid[0])
				invoer_id(f, "budget", "budget", "Nieuw budget in eurocent",
					  vk ? vk->budget : NULL,
					  "inputmode=\"numeric\" pattern=\"[0-9]{1,9}\"",
					  fout_bij(wk, "budget"));
			snprintf(rid, sizeof rid, "reden-%d", k);
			fprintf(f, "<p><label for=\"%s\">Reden (JZ002)</label>\n", rid);
			fout = fout_bij(wk, "reden");
			aria = veldfout(f, rid, fout);
			fprintf(f, "<select id=\"%s\" name=\"reden\" required%s", rid, aria);
			if (fout)
				fprintf(f, " aria-describedby=\"fout-%s\"", rid);
			fputs(">\n", f);
			for (size_t r = 0; r < N_EIGEN_REDENEN; r++) {
				fprintf(f, "<option value=\"%s\"%s>%s: ", eigen_redenen[r],
					vk && strcmp(vk->reden, eigen_redenen[r]) == 0 ? " selected" : "",
					eigen_redenen[r]);
				html_txt(f, codelijst_omschrijving(CODELIJST_JZ002, eigen_redenen[r]));
				fputs("</option>\n", f);
			}
			fputs("</select></p>\n", f);
		}
		adres_invoer(f, k, vk ? &vk->adres : NULL, wk);
		fprintf(f, "<p><button type=\"submit\">%s en JW301 maken</button></p>\n</form>\n",
			k == 0 ? "Wijzigen" : k == 1 ? "Intrekken" : "Verwijderen");
	}
	fputs("</section>\n", f);
}

/* The page of one toewijzing; after a refused change (w, not NULL) with
 * form k_fout filled in as fv and answered with status. */
static enum web_uitslag toon_een(struct web_verzoek *v, int k_fout,
				 const struct wijzig_velden *fv, const struct weigering *w,
				 unsigned status)
{
	enum web_uitslag u = WEB_FATAAL;
	char tijd[9], titel[64];
	dag_t vandaag = klok_nu_lokaal(tijd);
	struct een_tx a;
	struct web_buf b;
	const struct toewijzing *z;
	FILE *f;

	if (een_lees(v, &a, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		free(a.p);
		return WEB_FATAAL;
	}
	f = b.f;
	z = &a.i.z;
	snprintf(titel, sizeof titel, "Toewijzing %lld", (long long)z->nummer);
	pagina_html_begin(f, titel, v->wie, "toewijzingen");
	fputs("<p><a href=\"/toewijzingen\">Terug naar de toewijzingen</a></p>\n"
	      "<dl class=\"gegevens\">\n<dt>Jeugdige</dt><dd>", f);
	fprintf(f, "<a href=\"/jeugdigen/%lld\">", (long long)z->jeugdige_id);
	veld_html_tekst(f, a.i.voornamen);
	fputs(" ", f);
	veld_html_tekst(f, a.i.achternaam);
	fputs("</a></dd>\n<dt>Aanbieder</dt><dd>", f);
	veld_html_tekst(f, a.i.aanbieder_naam);
	fputs(" (AGB ", f);
	html_txt(f, z->agb);
	fputs(")</dd>\n<dt>Gemeente</dt><dd>", f);
	veld_html_tekst(f, a.i.gemeente_naam[0] ? a.i.gemeente_naam : z->gemeente);
	fputs("</dd>\n<dt>Product</dt><dd>", f);
	html_txt(f, z->categorie);
	fputs(" ", f);
	veld_html_tekst(f, z->productcode);
	if (a.i.product[0]) {
		fputs(": ", f);
		html_txt(f, a.i.product);
	}
	fputs("</dd>\n<dt>Periode</dt><dd>", f);
	veld_html_datum(f, z->ingangsdatum);
	fputs(" – ", f);
	veld_html_datum(f, z->einddatum);
	fputs("</dd>\n<dt>Omvang</dt><dd>", f);
	h_omvang(f, z);
	fputs("</dd>\n<dt>Toewijzingsdatum</dt><dd>", f);
	veld_html_datum(f, z->toewijzingsdatum);
	fputs("</dd>\n<dt>Reden laatste wijziging</dt><dd>", f);
	if (z->reden_wijziging[0]) {
		const char *o = codelijst_omschrijving(CODELIJST_JZ002, z->reden_wijziging);

		html_txt(f, z->reden_wijziging);
		fputs(": ", f);
		html_txt(f, o ? o : "");
	} else {
		fputs("–", f);
	}
	fputs("</dd>\n<dt>Stand</dt><dd>", f);
	html_txt(f, status_van(&a.i, vandaag));
	if (a.i.heeft_traject) {
		fputs("; aangemeld ", f);
		veld_html_datum(f, a.i.traject.aanmelddatum);
		fputs(", start (JW305) ", f);
		veld_html_datum(f, a.i.traject.begindatum);
		fputs(", stop (JW307) ", f);
		veld_html_datum(f, a.i.traject.einddatum);
		if (a.i.traject.reden_beeindiging[0]) {
			const char *o = codelijst_omschrijving(CODELIJST_JZ588,
							      a.i.traject.reden_beeindiging);
			fputs(" (", f);
			html_txt(f, o ? o : a.i.traject.reden_beeindiging);
			fputs(")", f);
		}
	}
	fputs("</dd>\n</dl>\n<div class=\"tabel\"><table class=\"prestaties\">\n<caption>", f);
	fprintf(f, "%zu gedeclareerde prestatie%s en hun uitkomst (JW325)", a.n_p,
		a.n_p == 1 ? "" : "s");
	fputs("</caption>\n<thead><tr><th scope=\"col\">Declaratie</th><th scope=\"col\">Referentie"
	      "</th><th scope=\"col\">Periode</th><th scope=\"col\">Volume</th>"
	      "<th scope=\"col\">Bedrag</th><th scope=\"col\">Uitkomst</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (size_t i = 0; i < a.n_p; i++) {
		const struct prestatie *p = &a.p[i].p;
		const char *o = codelijst_omschrijving(CODELIJST_WJ001, p->retourcode);

		fputs("<tr><th scope=\"row\">", f);
		html_txt(f, a.p[i].declaratie_nummer);
		fputs("</th><td>", f);
		html_txt(f, p->referentie);
		fputs("</td><td>", f);
		veld_html_datum(f, p->periode_begin);
		fputs(" – ", f);
		veld_html_datum(f, p->periode_eind);
		fprintf(f, "</td><td>%lld</td><td>", (long long)p->volume);
		h_euro(f, p->bedrag);
		fputs("</td><td>", f);
		html_txt(f, p->goedgekeurd ? "goedgekeurd" : "afgewezen");
		fputs(" (", f);
		html_txt(f, p->retourcode);
		if (o) {
			fputs(": ", f);
			html_txt(f, o);
		}
		fputs(")</td></tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
	if (mag_toewijzen(v->wie) && strcmp(status_van(&a.i, vandaag), "verwijderd") != 0)
		wijzig_formulieren(f, &a.i, v->wie, k_fout, fv, w);
	pagina_html_einde(f);
	free(a.p);
	if (web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, status, &b, "text/html; charset=utf-8");
}

static enum web_uitslag scherm_een(struct web_verzoek *v)
{
	return toon_een(v, -1, NULL, NULL, MHD_HTTP_OK);
}

/* ---- changing and withdrawing -------------------------------------------------- */


struct wijzig {
	const struct toegang *wie;
	struct store_scope scope;
	int64_t nummer;
	enum wijzig_actie actie;
	dag_t eind;                   /* DAG_GEEN: unchanged (wijzigen) */
	int64_t volume, budget;       /* 0: unchanged */
	const char *reden;
	const char *veld;
};

static int bereid_wijzig(struct store *st, void *arg, struct afhandel_eigen_werk *w,
			 struct afhandel_uitkomst *u)
{
	struct wijzig *x = arg;
	struct toewijzing_info i;
	struct toewijzing *t = &w->t;
	char d[11];
	int rc;

	x->veld = NULL;
	if ((rc = store_toewijzing_info(st, &x->scope, x->nummer, &i)) < 0)
		return rc;
	if (rc == 0 || (rc = toegang_jeugdige(x->wie, st, i.z.jeugdige_id)) == 0) {
		u->status = AFHANDEL_NIET_GEVONDEN;
		return 0;
	}
	if (rc < 0)
		return rc;
	if (strcmp(i.z.reden_wijziging, "13") == 0 && i.z.einddatum == i.z.ingangsdatum) {
		u->status = AFHANDEL_AL_AFGEHANDELD;
		snprintf(u->melding, sizeof u->melding, "Toewijzing %lld is al verwijderd; er is "
			 "niets meer te wijzigen.", (long long)x->nummer);
		return 0;
	}
	w->jeugdige_id = i.z.jeugdige_id;
	*t = i.z;
	switch (x->actie) {
	case WIJZIG_WIJZIGEN:
		if (x->eind != DAG_GEEN)
			t->einddatum = x->eind;
		if (x->volume) {
			if (!t->eenheid[0] || strcmp(t->frequentie, "6") != 0)
				return weiger(u, &x->veld, "volume", "Het volume mag onder hetzelfde "
					      "nummer alleen wijzigen bij frequentie 6 (totaal binnen "
					      "de geldigheidsduur, IV066); beëindig deze toewijzing en "
					      "wijs opnieuw toe.");
			t->volume = x->volume;
		}
		if (x->budget) {
			if (t->eenheid[0])
				return weiger(u, &x->veld, "budget", "Deze toewijzing heeft een "
					      "omvang, geen budget; wijzig het volume of wijs "
					      "opnieuw toe.");
			t->budget = x->budget;
		}
		if (t->einddatum == i.z.einddatum && t->volume == i.z.volume &&
		    t->budget == i.z.budget)
			return weiger(u, &x->veld, "einddatum", "Er verandert niets: geef een nieuwe "
				      "einddatum, volume of budget.");
		kopieer(t->reden_wijziging, sizeof t->reden_wijziging, x->reden);
		break;
	case WIJZIG_INTREKKEN:
		if (i.z.einddatum != DAG_GEEN && x->eind >= i.z.einddatum)
			return weiger(u, &x->veld, "einddatum", "Intrekken laat de toewijzing eerder "
				      "eindigen: kies een einddatum vóór %s (of gebruik wijzigen).",
				      datum_fmt(i.z.einddatum, d));
		t->einddatum = x->eind;
		kopieer(t->reden_wijziging, sizeof t->reden_wijziging, x->reden);
		break;
	case WIJZIG_VERWIJDEREN:
		t->einddatum = t->ingangsdatum;
		snprintf(t->reden_wijziging, sizeof t->reden_wijziging, "13");
		break;
	}
	if (t->einddatum != DAG_GEEN && t->einddatum < t->ingangsdatum)
		return weiger(u, &x->veld, "einddatum", "De einddatum ligt vóór de ingangsdatum %s; "
			      "kies een datum op of na de ingangsdatum, of verwijder de toewijzing.",
			      datum_fmt(t->ingangsdatum, d));
	/* A deleted toewijzing that never started: its waiting traject lapses. */
	if (x->actie == WIJZIG_VERWIJDEREN && i.heeft_traject &&
	    (i.traject.status == TRAJECT_AANGEMELD || i.traject.status == TRAJECT_INTAKE)) {
		if ((rc = store_ijw_traject_van_toewijzing(st, x->nummer, &w->traject)) < 0)
			return rc;
		if (rc == 1) {
			w->met_traject = true;
			w->traject.status = TRAJECT_VERVALLEN;
			w->traject.einddatum = t->ingangsdatum;
		}
	}
	snprintf(w->object, sizeof w->object, "%s op initiatief van de gemeente, reden %s",
		 x->actie == WIJZIG_WIJZIGEN ? "wijziging" :
		 x->actie == WIJZIG_INTREKKEN ? "intrekking" : "verwijdering",
		 t->reden_wijziging);
	return 1;
}

/* Check the fields of fv into x and o. 0, or -1 with w filled. */
static int wijzig_controleer(const struct wijzig_velden *fv, struct wijzig *x,
			     struct afhandel_eigen *o, struct weigering *w)
{
	bool reden_ok = false;

	for (size_t i = 0; i < N_EIGEN_REDENEN; i++)
		reden_ok |= strcmp(fv->reden, eigen_redenen[i]) == 0;
	if (x->actie != WIJZIG_VERWIJDEREN && !reden_ok)
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "reden",
				   "Kies een reden wijziging (JZ002): 02 tot en met 11 of 14 "
				   "(administratieve correctie). 01 is vervallen, 12 is alleen voor "
				   "een verzoek van de aanbieder en verwijderen (13) is een eigen "
				   "actie.");
	if (x->actie == WIJZIG_VERWIJDEREN && fv->reden[0] && strcmp(fv->reden, "13") != 0)
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "reden",
				   "Verwijderen heeft altijd reden 13; laat het veld reden leeg.");
	if (lees_datum("einddatum", fv->einddatum, x->actie == WIJZIG_INTREKKEN, &x->eind, w) < 0)
		return -1;
	if (x->actie == WIJZIG_VERWIJDEREN && (fv->einddatum[0] || fv->volume[0] || fv->budget[0]))
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "einddatum",
				   "Verwijderen zet de einddatum op de ingangsdatum; geef geen "
				   "einddatum, volume of budget.");
	if (x->actie != WIJZIG_WIJZIGEN && (fv->volume[0] || fv->budget[0]))
		return weiger_veld(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter",
				   fv->volume[0] ? "volume" : "budget", "Intrekken verandert alleen "
				   "de einddatum; een ander volume of budget gaat met 'wijzigen'.");
	if ((fv->volume[0] && lees_getal("volume", fv->volume, 99999999, &x->volume, w) < 0) ||
	    (fv->budget[0] && lees_getal("budget", fv->budget, 999999999, &x->budget, w) < 0))
		return -1;
	return adres_lees(&fv->adres, &o->adres, w);
}

static enum web_uitslag wijzig_post(struct web_verzoek *v)
{
	struct wijzig_velden *fv = calloc(1, sizeof *fv);
	struct afhandel_uitkomst *a = calloc(1, sizeof *a);
	struct afhandel_eigen o;
	struct weigering w;
	struct wijzig x;
	enum web_uitslag u = WEB_FATAAL;
	struct store *st;
	const char *fout_veld = NULL;
	char tijd[9], nu[21], onbekend[FORMULIER_NAAM_MAX], csrf[160];
	int rc;

	if (!fv || !a)
		goto klaar;
	struct formulier_veld velden[] = {
		{ "csrf", csrf, sizeof csrf, false },
		{ "actie", fv->actie, sizeof fv->actie, false },
		{ "einddatum", fv->einddatum, sizeof fv->einddatum, false },
		{ "volume", fv->volume, sizeof fv->volume, false },
		{ "budget", fv->budget, sizeof fv->budget, false },
		{ "reden", fv->reden, sizeof fv->reden, false },
		ADRES_VELDEN(fv->adres),
	};

	if (!mag_toewijzen(v->wie)) {
		u = geen_toegang(v);
		goto klaar;
	}
	memset(&x, 0, sizeof x);
	memset(&o, 0, sizeof o);
	memset(&w, 0, sizeof w);
	if (!(x.nummer = query_id(v->param[0]))) {
		u = niet_gevonden(v, "toewijzing");
		goto klaar;
	}
	if (formulier_lees_strikt(v->body, v->body_len, velden, sizeof velden / sizeof velden[0],
				  &fout_veld, onbekend) < 0) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
				"Het formulier is niet te lezen: een onbekend of dubbel veld, een te "
				"lange waarde of een verkeerd teken. Velden: actie, einddatum, "
				"volume, budget, reden en de adresvelden.");
		goto klaar;
	}
	if (strcmp(fv->actie, "wijzigen") == 0)
		x.actie = WIJZIG_WIJZIGEN;
	else if (strcmp(fv->actie, "intrekken") == 0)
		x.actie = WIJZIG_INTREKKEN;
	else if (strcmp(fv->actie, "verwijderen") == 0)
		x.actie = WIJZIG_VERWIJDEREN;
	else {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "actie",
				"Veld 'actie' moet 'wijzigen', 'intrekken' of 'verwijderen' zijn.");
		goto klaar;
	}
	if (wijzig_controleer(fv, &x, &o, &w) < 0) {
		u = is_api(v) ? pagina_fout(v, w.status, w.code, w.veld, w.melding)
			      : toon_een(v, (int)x.actie, fv, &w, w.status);
		goto klaar;
	}
	x.wie = v->wie;
	pagina_scope(v, &x.scope);
	x.reden = fv->reden;
	o.vandaag = klok_nu_lokaal(tijd);
	eigen_vul(&o, bereid_wijzig, &x, tijd, nu, v->wie);
	if (!(st = pagina_store(v, &u)))
		goto klaar;
	if ((rc = ijw_afhandel_eigen(st, &o, a)) < 0) {
		u = pagina_store_fout(v, st, rc);
	} else if (a->status == AFHANDEL_GEDAAN) {
		u = gedaan(v, a, x.actie == WIJZIG_WIJZIGEN ? "gewijzigd" :
			   x.actie == WIJZIG_INTREKKEN ? "ingetrokken" : "verwijderd");
	} else if (is_api(v) || a->status == AFHANDEL_NIET_GEVONDEN ||
		   a->status == AFHANDEL_AL_AFGEHANDELD) {
		u = afgewezen(v, a, x.veld, "toewijzing");
	} else {
		weiger_veld(&w, HTTP_422, "niet_mogelijk", x.veld, "%s", a->melding);
		w.bevindingen = a;
		u = toon_een(v, (int)x.actie, fv, &w, w.status);
	}
klaar:
	free(fv);
	free(a);
	return u;
}

const struct route toewijzing_routes[] = {
	{ "GET", "/toewijzen", formulier_get, EIS_GEMEENTELIJK },
	{ "POST", "/toewijzen", nieuw_post, EIS_GEMEENTELIJK },
	{ "POST", "/api/v1/toewijzingen", nieuw_post, EIS_GEMEENTELIJK },
	{ "GET", "/api/v1/toewijzingen", api_lijst, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/toewijzingen/{nummer}", api_een, EIS_PERSOONSGEGEVENS },
	{ "POST", "/api/v1/toewijzingen/{nummer}", wijzig_post, EIS_GEMEENTELIJK },
	{ "GET", "/toewijzingen", scherm_lijst, EIS_PERSOONSGEGEVENS },
	{ "GET", "/toewijzingen/{nummer}", scherm_een, EIS_PERSOONSGEGEVENS },
	{ "POST", "/toewijzingen/{nummer}", wijzig_post, EIS_GEMEENTELIJK },
};
const size_t toewijzing_routes_n = sizeof toewijzing_routes / sizeof toewijzing_routes[0];
