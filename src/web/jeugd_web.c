/* jeugd_web: see jeugd_web.h. */
#include "web/jeugd_web.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>

#include "domain/audit.h"
#include "domain/datum.h"
#include "domain/kpi.h"
#include "domain/traject.h"
#include "lib/json.h"
#include "store/dossier.h"
#include "store/wachtlijst_store.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/formulier.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"
#include "web/url.h"
#include "web/veld.h"

#define PER_PAGINA_API 50
#define PER_PAGINA_HTML 25

/* In the order of enum dossier_sorteer. */
static const char *const sorteer_sleutels[] = { "naam", "geboortedatum", "id" };

/* ---- small helpers -------------------------------------------------------- */

static enum web_uitslag niet_gevonden(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
			   "Er is geen jeugdige met dit nummer, of het dossier valt buiten uw "
			   "toegang. Zoek de jeugdige op via de lijst van jeugdigen.");
}

static const char *geslacht_tekst(int g)
{
	switch (g) {
	case 1:
		return "man";
	case 2:
		return "vrouw";
	default:
		return "onbekend";
	}
}

/* COD327, the referrer types the region uses (DOMAIN.md §3). */
static const char *verwijzer_tekst(const char *code)
{
	static const struct {
		const char *code, *tekst;
	} soorten[] = {
		{ "01", "gemeente" },   { "02", "huisarts" },           { "03", "jeugdarts" },
		{ "04", "gecertificeerde instelling" },                  { "05", "medisch specialist" },
		{ "06", "geen verwijzer" }, { "08", "rechter of officier van justitie" },
	};

	for (size_t i = 0; i < sizeof soorten / sizeof soorten[0]; i++)
		if (strcmp(code, soorten[i].code) == 0)
			return soorten[i].tekst;
	return NULL;
}

/* ---- waiting against the Treeknorm ------------------------------------------ */

struct wacht {
	bool bekend;          /* an aanmelding is known and a wait can be told */
	bool wachtend;        /* still waiting today */
	int32_t dagen;        /* aanmelding to start (or today, or the lapse) */
	int32_t norm;         /* both Treeknorm parts of the segment, in days */
	bool boven_norm;
};

/* The wait of t, judged as kpi.h judges waits: a completed one with a
 * usable intake when either part exceeds its norm, without one when the
 * total exceeds both norms together; a current one by kpi_boven_norm_op
 * on nu; a lapsed one by kpi_boven_norm_op on its einddatum. */
static void wacht_bepaal(const struct traject *t, dag_t nu,
			 const struct treeknorm norms[SEGMENT_AANTAL], struct wacht *w)
{
	const struct treeknorm *n;
	dag_t a = t->aanmelddatum, i = t->intakedatum, b = t->begindatum;

	memset(w, 0, sizeof *w);
	if (a == DAG_GEEN || t->segment < 0 || t->segment >= SEGMENT_AANTAL)
		return;
	n = &norms[t->segment];
	w->norm = n->tot_intake + n->intake_tot_start;
	if (b != DAG_GEEN) {
		if (a > b)
			return;
		w->bekend = true;
		w->dagen = datum_dagen(a, b);
		if (i != DAG_GEEN && a <= i && i <= b)
			w->boven_norm = datum_dagen(a, i) > n->tot_intake ||
					datum_dagen(i, b) > n->intake_tot_start;
		else
			w->boven_norm = w->dagen > w->norm;
		return;
	}
	if (kpi_wachtend(t, nu)) {
		w->bekend = true;
		w->wachtend = true;
		w->dagen = datum_dagen(a, nu);
		w->boven_norm = kpi_boven_norm_op(t, nu, norms);
	} else if (t->einddatum != DAG_GEEN && a <= t->einddatum) {
		w->bekend = true;
		w->dagen = datum_dagen(a, t->einddatum);
		w->boven_norm = kpi_boven_norm_op(t, t->einddatum, norms);
	}
}

/* ---- JSON ------------------------------------------------------------------ */

static void j_getal(struct json *j, const char *k, int64_t v)
{
	json_key(j, k);
	json_int(j, v);
}

/* A reference id; 0 (none) is written as null. */
static void j_ref(struct json *j, const char *k, int64_t v)
{
	json_key(j, k);
	if (v)
		json_int(j, v);
	else
		json_null(j);
}

static void j_bool(struct json *j, const char *k, bool v)
{
	json_key(j, k);
	json_bool(j, v);
}

static void j_aanbieder(struct json *j, const char *agb, const char *naam)
{
	json_key(j, "aanbieder");
	if (!agb[0]) {
		json_null(j);
		return;
	}
	json_object_begin(j);
	veld_json_tekst(j, "agb", agb);
	veld_json_tekst(j, "naam", naam);
	json_object_end(j);
}

static void json_traject(struct json *j, const struct dossier_traject *d, dag_t nu,
			 const struct treeknorm norms[SEGMENT_AANTAL])
{
	const struct traject *t = &d->t;
	struct wacht w;

	wacht_bepaal(t, nu, norms, &w);
	json_object_begin(j);
	j_getal(j, "id", t->id);
	veld_json_tekst(j, "status", traject_status_naam(t->status));
	veld_json_datum(j, "aanmelddatum", t->aanmelddatum);
	veld_json_datum(j, "intakedatum", t->intakedatum);
	veld_json_datum(j, "begindatum", t->begindatum);
	veld_json_datum(j, "einddatum", t->einddatum);
	veld_json_tekst(j, "reden_beeindiging", t->reden_beeindiging);
	veld_json_tekst(j, "reden_beeindiging_tekst", reden_beeindiging_naam(t->reden_beeindiging));
	j_getal(j, "segment", t->segment);
	veld_json_tekst(j, "segment_naam", d->segment_naam);
	veld_json_tekst(j, "categorie", t->categorie);
	veld_json_tekst(j, "productcode", t->productcode);
	veld_json_tekst(j, "product", d->product);
	j_aanbieder(j, t->agb, d->aanbieder_naam);
	json_key(j, "lokaal_team");
	if (t->team_id) {
		json_object_begin(j);
		j_getal(j, "id", t->team_id);
		veld_json_tekst(j, "naam", d->team_naam);
		json_object_end(j);
	} else {
		json_null(j);
	}
	veld_json_tekst(j, "gemeente", t->gemeente);
	veld_json_tekst(j, "gemeente_naam", d->gemeente_naam);
	j_ref(j, "toewijzing_nummer", t->toewijzing_nummer);
	j_ref(j, "verwijzing_id", t->verwijzing_id);
	veld_json_tekst(j, "verwijzer", t->verwijzer);
	j_bool(j, "groep", t->groep);
	j_bool(j, "overbrugging", t->overbrugging);
	j_bool(j, "veiligheidssignaal", t->veiligheidssignaal);
	json_key(j, "wachttijd");
	if (w.bekend) {
		json_object_begin(j);
		j_getal(j, "dagen", w.dagen);
		j_bool(j, "wachtend", w.wachtend);
		j_getal(j, "treeknorm_dagen", w.norm);
		j_bool(j, "boven_treeknorm", w.boven_norm);
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_object_end(j);
}

static void json_trajecten(struct json *j, const struct dossier *d, dag_t nu)
{
	const struct treeknorm *norms = d->norms;

	json_key(j, "trajecten");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_trajecten; i++)
		json_traject(j, &d->trajecten[i], nu, norms);
	json_array_end(j);
}

static void json_dossier(struct json *j, const struct dossier *d, dag_t nu)
{
	const struct jeugdige *jg = &d->jeugdige;

	json_object_begin(j);
	j_getal(j, "id", jg->id);
	veld_json_tekst(j, "bsn", jg->bsn);
	veld_json_tekst(j, "voornamen", jg->voornamen);
	veld_json_tekst(j, "achternaam", jg->achternaam);
	veld_json_datum(j, "geboortedatum", jg->geboortedatum);
	veld_json_tekst(j, "geslacht", geslacht_tekst(jg->geslacht));
	json_key(j, "gezin");
	if (d->heeft_gezin) {
		json_object_begin(j);
		j_getal(j, "id", d->gezin.id);
		veld_json_tekst(j, "regisseur", d->gezin.regisseur);
		json_key(j, "regisseur_team");
		if (d->gezin.regisseur_team_id) {
			json_object_begin(j);
			j_getal(j, "id", d->gezin.regisseur_team_id);
			veld_json_tekst(j, "naam", d->regisseur_team);
			json_object_end(j);
		} else {
			json_null(j);
		}
		veld_json_datum(j, "analyse_datum", d->gezin.analyse_datum);
		veld_json_datum(j, "plan_datum", d->gezin.plan_datum);
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_key(j, "woonplaatsen");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_woonplaatsen; i++) {
		const struct dossier_woonplaats *w = &d->woonplaatsen[i];

		json_object_begin(j);
		veld_json_tekst(j, "gemeente", w->w.gemeente);
		veld_json_tekst(j, "gemeente_naam", w->gemeente_naam);
		veld_json_datum(j, "vanaf", w->w.vanaf);
		veld_json_datum(j, "tot", w->w.tot);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "verwijzingen");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_verwijzingen; i++) {
		const struct dossier_verwijzing *v = &d->verwijzingen[i];

		json_object_begin(j);
		j_getal(j, "id", v->v.id);
		veld_json_datum(j, "datum", v->v.datum);
		veld_json_tekst(j, "type", v->v.type);
		veld_json_tekst(j, "type_tekst", verwijzer_tekst(v->v.type));
		veld_json_tekst(j, "gemeente", v->v.gemeente);
		veld_json_tekst(j, "gemeente_naam", v->gemeente_naam);
		veld_json_tekst(j, "reden", v->v.reden);
		j_ref(j, "team_id", v->v.team_id);
		veld_json_tekst(j, "team_naam", v->team_naam);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "toewijzingen");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_toewijzingen; i++) {
		const struct dossier_toewijzing *t = &d->toewijzingen[i];

		json_object_begin(j);
		j_getal(j, "nummer", t->z.nummer);
		j_aanbieder(j, t->z.agb, t->aanbieder_naam);
		veld_json_tekst(j, "gemeente", t->z.gemeente);
		veld_json_tekst(j, "categorie", t->z.categorie);
		veld_json_tekst(j, "productcode", t->z.productcode);
		veld_json_tekst(j, "product", t->product);
		veld_json_datum(j, "toewijzingsdatum", t->z.toewijzingsdatum);
		veld_json_datum(j, "ingangsdatum", t->z.ingangsdatum);
		veld_json_datum(j, "einddatum", t->z.einddatum);
		j_getal(j, "volume", t->z.volume);
		veld_json_tekst(j, "eenheid", t->z.eenheid);
		veld_json_tekst(j, "frequentie", t->z.frequentie);
		j_getal(j, "budget", t->z.budget);
		veld_json_tekst(j, "reden_wijziging", t->z.reden_wijziging);
		j_ref(j, "verwijzing_id", t->z.verwijzing_id);
		json_object_end(j);
	}
	json_array_end(j);
	json_trajecten(j, d, nu);
	json_key(j, "schoolstatus");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_schoolstatus; i++) {
		json_object_begin(j);
		veld_json_datum(j, "niet_naar_school_sinds", d->schoolstatus[i].niet_naar_school_sinds);
		veld_json_datum(j, "tot", d->schoolstatus[i].tot);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "perspectiefplannen");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_perspectiefplannen; i++) {
		json_object_begin(j);
		veld_json_datum(j, "datum", d->perspectiefplannen[i].datum);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "declaraties");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_prestaties; i++) {
		const struct dossier_prestatie *p = &d->prestaties[i];

		json_object_begin(j);
		j_getal(j, "prestatie_id", p->p.id);
		veld_json_tekst(j, "declaratienummer", p->declaratie_nummer);
		j_aanbieder(j, p->agb, p->aanbieder_naam);
		j_ref(j, "traject_id", p->p.traject_id);
		j_ref(j, "toewijzing_nummer", p->p.toewijzing_nummer);
		veld_json_datum(j, "periode_begin", p->p.periode_begin);
		veld_json_datum(j, "periode_eind", p->p.periode_eind);
		veld_json_tekst(j, "productcode", p->p.productcode);
		j_getal(j, "volume", p->p.volume);
		veld_json_tekst(j, "eenheid", p->p.eenheid);
		j_getal(j, "tarief", p->p.tarief);
		j_getal(j, "bedrag", p->p.bedrag);
		veld_json_tekst(j, "retourcode", p->p.retourcode);
		j_bool(j, "goedgekeurd", p->p.goedgekeurd);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

/* ---- reading a file, audited ------------------------------------------------- */

struct dossier_tx {
	const struct toegang *wie;
	int64_t id;
	const char *agb;          /* the asker's provider, "" none */
	bool alleen_trajecten;
	struct dossier d;         /* alleen_trajecten: only trajecten filled */
};

/* Check the scope, read, and append the audit record, in one transaction:
 * 1 read, 0 not found or out of scope (nothing read, nothing logged). */
static int dossier_tx(struct store *st, void *arg)
{
	struct dossier_tx *a = arg;
	struct audit_record r;
	char object[64];
	int rc;

	/* A retried attempt starts afresh. */
	store_dossier_vrij(&a->d);
	rc = toegang_jeugdige(a->wie, st, a->id);
	if (rc <= 0)
		return rc;
	if (a->alleen_trajecten) {
		rc = store_dossier_trajecten(st, a->id, a->agb, &a->d.trajecten, &a->d.n_trajecten);
		if (rc >= 0)
			rc = store_treeknormen(st, a->d.norms);
		if (rc >= 0)
			rc = 1;
	} else {
		rc = store_dossier(st, a->id, a->agb, &a->d);
	}
	if (rc <= 0)
		return rc;
	snprintf(object, sizeof object, "jeugdige/%lld: %s", (long long)a->id,
		 a->alleen_trajecten ? "trajecten" : "dossier");
	rc = toegang_audit_vul(a->wie, st, "lezen", a->id, object, &r);
	if (rc < 0)
		return rc;
	rc = store_audit_append(st, &r);
	return rc < 0 ? rc : 1;
}

/* Read the file named by v->param[0] into a (a->alleen_trajecten set by
 * the caller). 0 when read; -1 with the answer queued in *u (404, 400,
 * 503). Free a->d with store_dossier_vrij in both cases. */
static int dossier_ophalen(struct web_verzoek *v, struct dossier_tx *a, enum web_uitslag *u)
{
	struct toegang_filter f;
	struct store *st;
	int rc;

	memset(&a->d, 0, sizeof a->d);
	/* No query parameters are known here: any is refused. */
	if (query_lees(v, NULL, 0, u) < 0)
		return -1;
	a->wie = v->wie;
	a->id = query_id(v->param[0]);
	if (a->id <= 0) {
		*u = niet_gevonden(v);
		return -1;
	}
	toegang_filter(v->wie, &f);
	a->agb = f.agb ? f.agb : "";
	st = pagina_store(v, u);
	if (!st)
		return -1;
	rc = store_transaction(st, dossier_tx, a);
	if (rc < 0) {
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	if (rc == 0) {
		*u = niet_gevonden(v);
		return -1;
	}
	return 0;
}

static enum web_uitslag api_dossier_of_trajecten(struct web_verzoek *v, bool trajecten)
{
	struct dossier_tx *a = calloc(1, sizeof *a);
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	struct json j;

	if (!a)
		return WEB_FATAAL;
	a->alleen_trajecten = trajecten;
	if (dossier_ophalen(v, a, &u) < 0)
		goto klaar;
	if (web_buf_open(&b) < 0) {
		u = WEB_FATAAL;
		goto klaar;
	}
	json_init(&j, b.f, false);
	if (trajecten) {
		json_object_begin(&j);
		j_getal(&j, "jeugdige_id", a->id);
		json_trajecten(&j, &a->d, pagina_vandaag());
		json_object_end(&j);
	} else {
		json_dossier(&j, &a->d, pagina_vandaag());
	}
	u = pagina_json_klaar(v, &b, &j);
klaar:
	store_dossier_vrij(&a->d);
	free(a);
	return u;
}

static enum web_uitslag api_dossier(struct web_verzoek *v)
{
	return api_dossier_of_trajecten(v, false);
}

static enum web_uitslag api_trajecten(struct web_verzoek *v)
{
	return api_dossier_of_trajecten(v, true);
}

/* ---- lists ------------------------------------------------------------------ */

struct lijst {
	char zoek[DOSSIER_ZOEK_MAX];
	char gemeente[GEMEENTE_CODE_LEN];
	char aanbieder[AGB_LEN];
	char status[12];
	char sorteer[24];
	char pagina[12];
	char per_pagina[12];
	struct query_paginering pag;
	struct dossier_zoek z;
};

/* Strip leading and trailing white space in place. */
static void trim(char *s)
{
	size_t n = strlen(s), k = 0;

	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[k]))
		k++;
	memmove(s, s + k, n - k + 1);
}

/* The query string of a list into l. 0, or -1 with a 400 queued. */
static int lijst_lees(struct web_verzoek *v, struct lijst *l, int64_t standaard,
		      enum web_uitslag *u)
{
	struct formulier_veld velden[] = {
		{ "zoek", l->zoek, sizeof l->zoek, false },
		{ "gemeente", l->gemeente, sizeof l->gemeente, false },
		{ "aanbieder", l->aanbieder, sizeof l->aanbieder, false },
		{ "status", l->status, sizeof l->status, false },
		{ "sorteer", l->sorteer, sizeof l->sorteer, false },
		{ "pagina", l->pagina, sizeof l->pagina, false },
		{ "per_pagina", l->per_pagina, sizeof l->per_pagina, false },
	};
	bool aflopend;
	int k;

	if (query_lees(v, velden, sizeof velden / sizeof velden[0], u) < 0)
		return -1;
	trim(l->zoek);
	if (l->gemeente[0] && !query_cijfers(l->gemeente, GEMEENTE_CODE_LEN - 1,
						  GEMEENTE_CODE_LEN - 1))
		return query_weiger(v, "gemeente", "Parameter 'gemeente' moet een CBS-gemeentecode van "
				"vier cijfers zijn, bijvoorbeeld 0546 (Leiden).", u);
	if (l->aanbieder[0] && !query_cijfers(l->aanbieder, AGB_LEN - 1, AGB_LEN - 1))
		return query_weiger(v, "aanbieder", "Parameter 'aanbieder' moet een AGB-code van acht "
				"cijfers zijn.", u);
	if (!l->status[0])
		l->z.status = DOSSIER_STATUS_ALLE;
	else if (strcmp(l->status, "wachtend") == 0)
		l->z.status = DOSSIER_STATUS_WACHTEND;
	else if (strcmp(l->status, "in_zorg") == 0)
		l->z.status = DOSSIER_STATUS_IN_ZORG;
	else
		return query_weiger(v, "status", "Parameter 'status' moet 'wachtend' of 'in_zorg' zijn "
				"(of leeg: alle jeugdigen).", u);
	k = query_sorteer(v, l->sorteer, sorteer_sleutels,
			  sizeof sorteer_sleutels / sizeof sorteer_sleutels[0], DOSSIER_SORTEER_NAAM,
			  &aflopend, u);
	if (k < 0)
		return -1;
	if (query_paginering(v, l->pagina, l->per_pagina, standaard, &l->pag, u) < 0)
		return -1;
	l->z.zoek = l->zoek;
	l->z.gemeente = l->gemeente;
	l->z.aanbieder = l->aanbieder;
	l->z.sorteer = (enum dossier_sorteer)k;
	l->z.aflopend = aflopend;
	l->z.limiet = l->pag.per_pagina;
	l->z.offset = l->pag.offset;
	return 0;
}

struct lijst_tx {
	const struct toegang *wie;
	struct store_scope scope;
	const struct lijst *l;
	struct dossier_regel *regels;
	size_t n;
	int64_t totaal;
};

/* Read a page and log it. The audit object names the filters but never
 * the search text itself (it may be a BSN or a name): only whether a BSN
 * or a name was sought. */
static int lijst_tx(struct store *st, void *arg)
{
	struct lijst_tx *a = arg;
	const struct lijst *l = a->l;
	struct audit_record r;
	char object[200];
	const char *zoek = !l->zoek[0] ? "-" : query_cijfers(l->zoek, 9, 9) ? "bsn" : "naam";
	int rc;

	free(a->regels);
	a->regels = NULL;
	rc = store_jeugdigen(st, &a->scope, &l->z, &a->regels, &a->n, &a->totaal);
	if (rc < 0)
		return rc;
	snprintf(object, sizeof object, "jeugdigen: lijst (%zu regels van %lld, pagina %lld; "
		 "filter zoek=%s gemeente=%s aanbieder=%s status=%s)", a->n, (long long)a->totaal,
		 (long long)l->pag.pagina, zoek, l->gemeente[0] ? l->gemeente : "-",
		 l->aanbieder[0] ? l->aanbieder : "-", l->status[0] ? l->status : "-");
	rc = toegang_audit_vul(a->wie, st, "lezen", 0, object, &r);
	if (rc < 0)
		return rc;
	rc = store_audit_append(st, &r);
	return rc < 0 ? rc : 0;
}

/* Read and log the list for v into a. 0, or -1 with the answer queued. */
static int lijst_ophalen(struct web_verzoek *v, struct lijst *l, int64_t standaard,
			 struct lijst_tx *a, enum web_uitslag *u)
{
	struct store *st;
	int rc;

	memset(a, 0, sizeof *a);
	if (lijst_lees(v, l, standaard, u) < 0)
		return -1;
	st = pagina_store(v, u);
	if (!st)
		return -1;
	a->wie = v->wie;
	a->l = l;
	pagina_scope(v, &a->scope);
	rc = store_transaction(st, lijst_tx, a);
	if (rc < 0) {
		free(a->regels);
		a->regels = NULL;
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	return 0;
}

static enum web_uitslag api_lijst(struct web_verzoek *v)
{
	struct lijst *l = calloc(1, sizeof *l);
	enum web_uitslag u = WEB_FATAAL;
	struct lijst_tx a;
	struct web_buf b;
	struct json j;
	char d[11];

	if (!l)
		return WEB_FATAAL;
	if (lijst_ophalen(v, l, PER_PAGINA_API, &a, &u) < 0) {
		free(l);
		return u;
	}
	if (web_buf_open(&b) < 0) {
		free(a.regels);
		free(l);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < a.n; i++) {
		const struct dossier_regel *r = &a.regels[i];

		json_object_begin(&j);
		j_getal(&j, "id", r->id);
		veld_json_tekst(&j, "voornamen", r->voornamen);
		veld_json_tekst(&j, "achternaam", r->achternaam);
		json_key(&j, "geboortedatum");
		json_string(&j, datum_fmt(r->geboortedatum, d));
		json_key(&j, "woongemeente");
		if (r->woongemeente[0]) {
			json_object_begin(&j);
			veld_json_tekst(&j, "code", r->woongemeente);
			veld_json_tekst(&j, "naam", r->woongemeente_naam);
			json_object_end(&j);
		} else {
			json_null(&j);
		}
		j_getal(&j, "trajecten_actief", r->n_actief);
		j_getal(&j, "trajecten_wachtend", r->n_wachtend);
		json_object_end(&j);
	}
	json_array_end(&j);
	query_json_paginering(&j, &l->pag, a.totaal);
	json_object_end(&j);
	free(a.regels);
	free(l);
	return pagina_json_klaar(v, &b, &j);
}

/* ---- HTML -------------------------------------------------------------------- */

/* Eurocents as "€ 1.234,56". */
static void h_euro(FILE *f, int64_t cent)
{
	uint64_t a = cent < 0 ? (uint64_t)0 - (uint64_t)cent : (uint64_t)cent;
	uint64_t euro = a / 100;
	char groep[32];
	int n = snprintf(groep, sizeof groep, "%llu", (unsigned long long)euro);

	fputs(cent < 0 ? "−€ " : "€ ", f);
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			fputc('.', f);
		fputc(groep[i], f);
	}
	fprintf(f, ",%02llu", (unsigned long long)(a % 100));
}

/* The address of page pagina of list l. */
static void lijst_href(FILE *f, const struct lijst *l, int64_t pagina)
{
	char url[3 * DOSSIER_ZOEK_MAX + 256] = "/jeugdigen";
	char p[24];

	url_param(url, sizeof url, "zoek", l->zoek);
	url_param(url, sizeof url, "gemeente", l->gemeente);
	url_param(url, sizeof url, "aanbieder", l->aanbieder);
	url_param(url, sizeof url, "status", l->status);
	url_param(url, sizeof url, "sorteer", l->sorteer);
	url_param(url, sizeof url, "per_pagina", l->per_pagina);
	snprintf(p, sizeof p, "%lld", (long long)pagina);
	url_param(url, sizeof url, "pagina", p);
	html_attr(f, url);
}

static void zoekformulier(FILE *f, const struct lijst *l, const struct gemeente *g, size_t ng)
{
	fputs("<form method=\"get\" action=\"/jeugdigen\" class=\"zoeken\" role=\"search\">\n"
	      "<p><label for=\"zoek\">Naam of BSN</label>\n"
	      "<input id=\"zoek\" name=\"zoek\" type=\"search\" maxlength=\"95\" value=\"", f);
	html_attr(f, l->zoek);
	fputs("\"></p>\n<p><label for=\"gemeente\">Woongemeente</label>\n"
	      "<select id=\"gemeente\" name=\"gemeente\">\n", f);
	veld_html_optie(f, "", "alle", l->gemeente);
	for (size_t i = 0; i < ng; i++)
		veld_html_optie(f, g[i].code, g[i].naam, l->gemeente);
	fputs("</select></p>\n<p><label for=\"aanbieder\">Aanbieder (AGB-code)</label>\n"
	      "<input id=\"aanbieder\" name=\"aanbieder\" type=\"text\" inputmode=\"numeric\" "
	      "pattern=\"[0-9]{8}\" maxlength=\"8\" value=\"", f);
	html_attr(f, l->aanbieder);
	fputs("\"></p>\n<p><label for=\"status\">Status</label>\n"
	      "<select id=\"status\" name=\"status\">\n", f);
	veld_html_optie(f, "", "alle", l->status);
	veld_html_optie(f, "wachtend", "wachtend", l->status);
	veld_html_optie(f, "in_zorg", "in zorg", l->status);
	fputs("</select></p>\n<p><label for=\"sorteer\">Sorteren op</label>\n"
	      "<select id=\"sorteer\" name=\"sorteer\">\n", f);
	veld_html_optie(f, "", "naam", l->sorteer);
	veld_html_optie(f, "-naam", "naam (Z–A)", l->sorteer);
	veld_html_optie(f, "geboortedatum", "geboortedatum (oudste eerst)", l->sorteer);
	veld_html_optie(f, "-geboortedatum", "geboortedatum (jongste eerst)", l->sorteer);
	veld_html_optie(f, "id", "nummer", l->sorteer);
	fputs("</select></p>\n<p><button type=\"submit\">Zoeken</button></p>\n</form>\n", f);
}

static void naam_link(FILE *f, int64_t id, const char *voornamen, const char *achternaam)
{
	fprintf(f, "<a href=\"/jeugdigen/%lld\">", (long long)id);
	html_txt(f, achternaam);
	if (voornamen[0]) {
		fputs(", ", f);
		html_txt(f, voornamen);
	}
	fputs("</a>", f);
}

static enum web_uitslag scherm_lijst(struct web_verzoek *v)
{
	struct lijst *l = calloc(1, sizeof *l);
	enum web_uitslag u = WEB_FATAAL;
	struct gemeente *g = NULL;
	struct lijst_tx a;
	struct web_buf b;
	struct store *st;
	size_t ng = 0;
	int64_t paginas;
	FILE *f;
	int rc;

	if (!l)
		return WEB_FATAAL;
	if (lijst_ophalen(v, l, PER_PAGINA_HTML, &a, &u) < 0) {
		free(l);
		return u;
	}
	/* The gemeenten of the form: public registry data, not audited. */
	st = pagina_store(v, &u);
	rc = st ? store_gemeenten(st, &g, &ng) : -1;
	if (rc < 0) {
		free(a.regels);
		free(l);
		return st ? pagina_store_fout(v, st, rc) : u;
	}
	if (web_buf_open(&b) < 0) {
		free(g);
		free(a.regels);
		free(l);
		return WEB_FATAAL;
	}
	f = b.f;
	pagina_html_begin(f, "Jeugdigen", v->wie, "jeugdigen");
	fputs("<p>Zoek een jeugdige op naam of BSN. U ziet alleen jeugdigen binnen uw "
	      "toegang; elke inzage wordt vastgelegd in het auditlog.</p>\n", f);
	zoekformulier(f, l, g, ng);
	paginas = a.totaal == 0 ? 0 : (a.totaal + l->pag.per_pagina - 1) / l->pag.per_pagina;
	fputs("<div class=\"tabel\"><table class=\"jeugdigen\">\n<caption>", f);
	fprintf(f, "%lld jeugdige%s gevonden", (long long)a.totaal, a.totaal == 1 ? "" : "n");
	if (paginas > 1)
		fprintf(f, " (pagina %lld van %lld)", (long long)l->pag.pagina, (long long)paginas);
	fputs("</caption>\n<thead><tr><th scope=\"col\">Naam</th>"
	      "<th scope=\"col\">Geboortedatum</th><th scope=\"col\">Woongemeente</th>"
	      "<th scope=\"col\">Trajecten in zorg</th><th scope=\"col\">Trajecten wachtend</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < a.n; i++) {
		const struct dossier_regel *r = &a.regels[i];

		fputs("<tr><th scope=\"row\">", f);
		naam_link(f, r->id, r->voornamen, r->achternaam);
		fputs("</th><td>", f);
		veld_html_datum(f, r->geboortedatum);
		fputs("</td><td>", f);
		veld_html_tekst(f, r->woongemeente_naam[0] ? r->woongemeente_naam : r->woongemeente);
		fprintf(f, "</td><td>%lld</td><td>%lld</td></tr>\n", (long long)r->n_actief,
			(long long)r->n_wachtend);
	}
	fputs("</tbody>\n</table></div>\n", f);
	if (paginas > 1) {
		fputs("<nav class=\"paginering\" aria-label=\"Pagina's\"><ul>\n", f);
		if (l->pag.pagina > 1) {
			fputs("<li><a rel=\"prev\" href=\"", f);
			lijst_href(f, l, l->pag.pagina - 1);
			fputs("\">Vorige pagina</a></li>\n", f);
		}
		fprintf(f, "<li aria-current=\"page\">Pagina %lld van %lld</li>\n",
			(long long)l->pag.pagina, (long long)paginas);
		if (l->pag.pagina < paginas) {
			fputs("<li><a rel=\"next\" href=\"", f);
			lijst_href(f, l, l->pag.pagina + 1);
			fputs("\">Volgende pagina</a></li>\n", f);
		}
		fputs("</ul></nav>\n", f);
	}
	pagina_html_einde(f);
	free(g);
	free(a.regels);
	free(l);
	return pagina_html_klaar(v, &b);
}

/* ---- the file as a page ------------------------------------------------------- */

/* Geometry of the timeline, in SVG user units (it scales to the page). */
#define TL_BREEDTE 1000
#define TL_LINKS 48
#define TL_RECHTS 12
#define TL_KOP 28
#define TL_RIJ 26
#define TL_BALK 16

struct tijdas {
	dag_t van, tot;
};

static int64_t tl_x(const struct tijdas *as, dag_t d)
{
	int64_t w = TL_BREEDTE - TL_LINKS - TL_RECHTS;

	return TL_LINKS + ((int64_t)(d - as->van) * w) / (as->tot - as->van);
}

/* One bar from a to b in row y with a tooltip. */
static void tl_balk(FILE *f, const struct tijdas *as, dag_t a, dag_t b, int64_t y,
		    const char *kleur, const char *wat)
{
	int64_t x1 = tl_x(as, a), x2 = tl_x(as, b);
	char da[11], db[11];

	if (x2 - x1 < 2)
		x2 = x1 + 2;
	fprintf(f, "<rect x=\"%lld\" y=\"%lld\" width=\"%lld\" height=\"%d\" fill=\"%s\">"
		"<title>%s %s – %s</title></rect>\n", (long long)x1, (long long)y,
		(long long)(x2 - x1), TL_BALK, kleur, wat, datum_fmt(a, da), datum_fmt(b, db));
}

/* The trajectories on a timeline: waiting (aanmelding to start) in amber,
 * care (start to end, or today) in blue. Presentation attributes only (no
 * style attributes: the CSP forbids them); the table after it carries the
 * same facts for screen readers. */
static void tijdlijn(FILE *f, const struct dossier *d, dag_t nu)
{
	struct tijdas as = { DAG_GEEN, DAG_GEEN };
	int64_t hoogte;
	int j1, j2;

	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct traject *t = &d->trajecten[i].t;
		dag_t a = t->aanmelddatum != DAG_GEEN ? t->aanmelddatum : t->begindatum;
		dag_t e = t->einddatum != DAG_GEEN ? t->einddatum : nu;

		if (a == DAG_GEEN)
			continue;
		if (as.van == DAG_GEEN || a < as.van)
			as.van = a;
		if (as.tot == DAG_GEEN || e > as.tot)
			as.tot = e;
		if (a > as.tot)
			as.tot = a;
	}
	if (as.van == DAG_GEEN)
		return;
	if (as.tot <= as.van)
		as.tot = as.van + 1;
	hoogte = TL_KOP + (int64_t)d->n_trajecten * TL_RIJ + 8;
	fprintf(f, "<figure class=\"tijdlijn\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
		"viewBox=\"0 0 %d %lld\" width=\"100%%\" role=\"img\" "
		"aria-labelledby=\"tijdlijn-titel\">\n<title id=\"tijdlijn-titel\">Tijdlijn van de "
		"trajecten: wachten (oranje) en zorg (blauw)</title>\n", TL_BREEDTE,
		(long long)hoogte);
	datum_delen(as.van, &j1, NULL, NULL);
	datum_delen(as.tot, &j2, NULL, NULL);
	for (int jaar = j1 + 1; jaar <= j2; jaar++) {
		int64_t x = tl_x(&as, datum_van(jaar, 1, 1));

		fprintf(f, "<line x1=\"%lld\" y1=\"16\" x2=\"%lld\" y2=\"%lld\" stroke=\"#d0d7de\"/>"
			"<text x=\"%lld\" y=\"12\" font-size=\"12\" text-anchor=\"middle\" "
			"fill=\"#1b1b1b\">%d</text>\n", (long long)x, (long long)x, (long long)hoogte,
			(long long)x, jaar);
	}
	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct traject *t = &d->trajecten[i].t;
		int64_t y = TL_KOP + (int64_t)i * TL_RIJ;
		dag_t eind = t->einddatum != DAG_GEEN ? t->einddatum : nu;

		fprintf(f, "<text x=\"4\" y=\"%lld\" font-size=\"12\" fill=\"#1b1b1b\">T%zu</text>\n",
			(long long)(y + TL_BALK - 3), i + 1);
		if (t->aanmelddatum != DAG_GEEN) {
			dag_t wacht_eind = t->begindatum != DAG_GEEN ? t->begindatum : eind;

			if (wacht_eind < t->aanmelddatum)
				wacht_eind = t->aanmelddatum;
			tl_balk(f, &as, t->aanmelddatum, wacht_eind, y, "#f0b429", "wachten");
		}
		if (t->begindatum != DAG_GEEN)
			tl_balk(f, &as, t->begindatum, eind < t->begindatum ? t->begindatum : eind, y,
				"#01689b", "zorg");
	}
	if (nu >= as.van && nu <= as.tot) {
		int64_t x = tl_x(&as, nu);

		fprintf(f, "<line x1=\"%lld\" y1=\"16\" x2=\"%lld\" y2=\"%lld\" stroke=\"#b42318\" "
			"stroke-dasharray=\"4 3\"><title>vandaag</title></line>\n", (long long)x,
			(long long)x, (long long)hoogte);
	}
	fputs("</svg>\n<figcaption>Oranje: wachten (van aanmelding tot start), blauw: zorg "
	      "(van start tot einde of vandaag), rode stippellijn: vandaag. De tabel hieronder "
	      "geeft dezelfde gegevens.</figcaption>\n</figure>\n", f);
}

static void traject_wie(FILE *f, const struct dossier_traject *d)
{
	if (d->t.agb[0])
		veld_html_tekst(f, d->aanbieder_naam[0] ? d->aanbieder_naam : d->t.agb);
	else if (d->t.team_id)
		veld_html_tekst(f, d->team_naam);
	else
		fputs("—", f);
}

static void sectie_trajecten(FILE *f, const struct dossier *d, dag_t nu)
{
	const struct treeknorm *norms = d->norms;

	fputs("<section aria-labelledby=\"kop-trajecten\">\n<h2 id=\"kop-trajecten\">Trajecten"
	      "</h2>\n", f);
	if (!d->n_trajecten) {
		fputs("<p>Geen trajecten vastgelegd.</p>\n</section>\n", f);
		return;
	}
	tijdlijn(f, d, nu);
	fputs("<div class=\"tabel\"><table class=\"trajecten\">\n<caption>Trajecten, op datum van aanmelding</caption>\n"
	      "<thead><tr><th scope=\"col\">Nr.</th><th scope=\"col\">Aanbieder of team</th>"
	      "<th scope=\"col\">Product</th><th scope=\"col\">Segment</th>"
	      "<th scope=\"col\">Status</th><th scope=\"col\">Aanmelding</th>"
	      "<th scope=\"col\">Intake</th><th scope=\"col\">Start</th>"
	      "<th scope=\"col\">Einde</th><th scope=\"col\">Betaald door</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct dossier_traject *t = &d->trajecten[i];
		const char *reden = reden_beeindiging_naam(t->t.reden_beeindiging);

		fprintf(f, "<tr><th scope=\"row\">T%zu</th><td>", i + 1);
		traject_wie(f, t);
		fputs("</td><td>", f);
		veld_html_tekst(f, t->t.productcode);
		if (t->product[0]) {
			fputs(" ", f);
			html_txt(f, t->product);
		}
		fputs("</td><td>", f);
		veld_html_tekst(f, t->segment_naam);
		fputs("</td><td>", f);
		html_txt(f, traject_status_naam(t->t.status));
		if (reden) {
			fputs(" (", f);
			html_txt(f, reden);
			fputs(")", f);
		}
		fputs("</td><td>", f);
		veld_html_datum(f, t->t.aanmelddatum);
		fputs("</td><td>", f);
		veld_html_datum(f, t->t.intakedatum);
		fputs("</td><td>", f);
		veld_html_datum(f, t->t.begindatum);
		fputs("</td><td>", f);
		veld_html_datum(f, t->t.einddatum);
		fputs("</td><td>", f);
		veld_html_tekst(f, t->gemeente_naam[0] ? t->gemeente_naam : t->t.gemeente);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n</section>\n", f);

	fputs("<section aria-labelledby=\"kop-wachten\">\n<h2 id=\"kop-wachten\">Wachttijd en "
	      "Treeknorm</h2>\n<div class=\"tabel\"><table class=\"wachten\">\n<caption>Dagen gewacht van aanmelding "
	      "tot start (of tot vandaag) tegen de Treeknorm van het segment</caption>\n"
	      "<thead><tr><th scope=\"col\">Nr.</th><th scope=\"col\">Aanbieder of team</th>"
	      "<th scope=\"col\">Dagen gewacht</th><th scope=\"col\">Treeknorm (dagen)</th>"
	      "<th scope=\"col\">Oordeel</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct dossier_traject *t = &d->trajecten[i];
		struct wacht w;

		wacht_bepaal(&t->t, nu, norms, &w);
		if (!w.bekend)
			continue;
		fprintf(f, "<tr><th scope=\"row\">T%zu</th><td>", i + 1);
		traject_wie(f, t);
		fprintf(f, "</td><td>%d%s</td><td>%d</td><td>%s</td></tr>\n", (int)w.dagen,
			w.wachtend ? " (wacht nog)" : "", (int)w.norm,
			w.boven_norm ? "<strong>boven de Treeknorm</strong>" : "binnen de Treeknorm");
	}
	fputs("</tbody>\n</table></div>\n</section>\n", f);
}

static void sectie_persoon(FILE *f, const struct dossier *d, dag_t nu)
{
	const struct jeugdige *p = &d->jeugdige;

	fputs("<section aria-labelledby=\"kop-persoon\">\n<h2 id=\"kop-persoon\">Persoonsgegevens"
	      "</h2>\n<dl class=\"gegevens\">\n<dt>BSN</dt><dd>", f);
	html_txt(f, p->bsn);
	fputs("</dd>\n<dt>Voornamen</dt><dd>", f);
	veld_html_tekst(f, p->voornamen);
	fputs("</dd>\n<dt>Achternaam</dt><dd>", f);
	html_txt(f, p->achternaam);
	fputs("</dd>\n<dt>Geboortedatum</dt><dd>", f);
	veld_html_datum(f, p->geboortedatum);
	if (p->geboortedatum != DAG_GEEN && p->geboortedatum <= nu)
		fprintf(f, " (%d jaar)", datum_leeftijd(p->geboortedatum, nu));
	fputs("</dd>\n<dt>Geslacht</dt><dd>", f);
	html_txt(f, geslacht_tekst(p->geslacht));
	fputs("</dd>\n</dl>\n", f);

	fputs("<h3>Woonplaatsen</h3>\n", f);
	if (!d->n_woonplaatsen) {
		fputs("<p>Geen woonplaats vastgelegd.</p>\n", f);
	} else {
		fputs("<div class=\"tabel\"><table class=\"woonplaatsen\">\n<caption>Woonplaatsen (woonplaatsbeginsel)"
		      "</caption>\n<thead><tr><th scope=\"col\">Gemeente</th><th scope=\"col\">Vanaf"
		      "</th><th scope=\"col\">Tot</th></tr></thead>\n<tbody>\n", f);
		for (size_t i = 0; i < d->n_woonplaatsen; i++) {
			const struct dossier_woonplaats *w = &d->woonplaatsen[i];

			fputs("<tr><th scope=\"row\">", f);
			veld_html_tekst(f, w->gemeente_naam[0] ? w->gemeente_naam : w->w.gemeente);
			fputs("</th><td>", f);
			veld_html_datum(f, w->w.vanaf);
			fputs("</td><td>", f);
			veld_html_datum(f, w->w.tot);
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody>\n</table></div>\n", f);
	}
	fputs("</section>\n", f);

	fputs("<section aria-labelledby=\"kop-gezin\">\n<h2 id=\"kop-gezin\">Gezin en regie "
	      "(GARP)</h2>\n", f);
	if (!d->heeft_gezin) {
		fputs("<p>Geen gezin vastgelegd.</p>\n</section>\n", f);
		return;
	}
	fputs("<dl class=\"gegevens\">\n<dt>Regisseur</dt><dd>", f);
	veld_html_tekst(f, d->gezin.regisseur);
	fputs("</dd>\n<dt>Lokaal team</dt><dd>", f);
	veld_html_tekst(f, d->regisseur_team);
	fputs("</dd>\n<dt>Verklarende analyse</dt><dd>", f);
	veld_html_datum(f, d->gezin.analyse_datum);
	fputs("</dd>\n<dt>Gezinsplan</dt><dd>", f);
	veld_html_datum(f, d->gezin.plan_datum);
	fputs("</dd>\n</dl>\n</section>\n", f);
}

/* mag_toewijzen: the viewer may register a referral and allocate (the
 * eis of /toewijzen), so the section links to that form. */
static void sectie_verwijzingen(FILE *f, const struct dossier *d, bool mag_toewijzen)
{
	fputs("<section aria-labelledby=\"kop-verwijzingen\">\n<h2 id=\"kop-verwijzingen\">"
	      "Verwijzingen en toewijzingen</h2>\n", f);
	if (mag_toewijzen)
		fprintf(f, "<p><a href=\"/toewijzen?jeugdige=%lld\">Verwijzen en zorg "
			"toewijzen</a></p>\n", (long long)d->jeugdige.id);
	if (!d->n_verwijzingen) {
		fputs("<p>Geen verwijzingen vastgelegd.</p>\n", f);
	} else {
		fputs("<div class=\"tabel\"><table class=\"verwijzingen\">\n<caption>Verwijzingen</caption>\n<thead><tr>"
		      "<th scope=\"col\">Datum</th><th scope=\"col\">Verwijzer</th>"
		      "<th scope=\"col\">Lokaal team</th><th scope=\"col\">Reden</th>"
		      "<th scope=\"col\">Gemeente</th></tr></thead>\n<tbody>\n", f);
		for (size_t i = 0; i < d->n_verwijzingen; i++) {
			const struct dossier_verwijzing *v = &d->verwijzingen[i];
			const char *soort = verwijzer_tekst(v->v.type);

			fputs("<tr><th scope=\"row\">", f);
			veld_html_datum(f, v->v.datum);
			fputs("</th><td>", f);
			veld_html_tekst(f, soort ? soort : v->v.type);
			fputs("</td><td>", f);
			veld_html_tekst(f, v->team_naam);
			fputs("</td><td>", f);
			veld_html_tekst(f, v->v.reden);
			fputs("</td><td>", f);
			veld_html_tekst(f, v->gemeente_naam[0] ? v->gemeente_naam : v->v.gemeente);
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody>\n</table></div>\n", f);
	}
	if (!d->n_toewijzingen) {
		fputs("<p>Geen toewijzingen vastgelegd.</p>\n</section>\n", f);
		return;
	}
	fputs("<div class=\"tabel\"><table class=\"toewijzingen\">\n<caption>Toewijzingen</caption>\n<thead><tr>"
	      "<th scope=\"col\">Nummer</th><th scope=\"col\">Aanbieder</th>"
	      "<th scope=\"col\">Product</th><th scope=\"col\">Ingang</th>"
	      "<th scope=\"col\">Einde</th><th scope=\"col\">Omvang</th></tr></thead>\n<tbody>\n",
	      f);
	for (size_t i = 0; i < d->n_toewijzingen; i++) {
		const struct dossier_toewijzing *t = &d->toewijzingen[i];

		fprintf(f, "<tr><th scope=\"row\"><a href=\"/toewijzingen/%lld\">%lld</a></th><td>",
			(long long)t->z.nummer, (long long)t->z.nummer);
		veld_html_tekst(f, t->aanbieder_naam[0] ? t->aanbieder_naam : t->z.agb);
		fputs("</td><td>", f);
		veld_html_tekst(f, t->z.productcode);
		if (t->product[0]) {
			fputs(" ", f);
			html_txt(f, t->product);
		}
		fputs("</td><td>", f);
		veld_html_datum(f, t->z.ingangsdatum);
		fputs("</td><td>", f);
		veld_html_datum(f, t->z.einddatum);
		fputs("</td><td>", f);
		if (t->z.budget) {
			fputs("budget ", f);
			h_euro(f, t->z.budget);
		} else {
			fprintf(f, "%lld", (long long)t->z.volume);
			if (t->z.eenheid[0]) {
				fputs(" (eenheid ", f);
				html_txt(f, t->z.eenheid);
				fputs(")", f);
			}
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n</section>\n", f);
}

static void sectie_school(FILE *f, const struct dossier *d)
{
	fputs("<section aria-labelledby=\"kop-school\">\n<h2 id=\"kop-school\">School en "
	      "perspectief 18+</h2>\n", f);
	if (!d->n_schoolstatus) {
		fputs("<p>Geen periode zonder school vastgelegd.</p>\n", f);
	} else {
		fputs("<ul class=\"school\">\n", f);
		for (size_t i = 0; i < d->n_schoolstatus; i++) {
			fputs("<li>Niet naar school sinds ", f);
			veld_html_datum(f, d->schoolstatus[i].niet_naar_school_sinds);
			if (d->schoolstatus[i].tot != DAG_GEEN) {
				fputs(", tot ", f);
				veld_html_datum(f, d->schoolstatus[i].tot);
			} else {
				fputs(" (nog steeds)", f);
			}
			fputs("</li>\n", f);
		}
		fputs("</ul>\n", f);
	}
	if (!d->n_perspectiefplannen) {
		fputs("<p>Geen perspectiefplan 18+ vastgelegd.</p>\n", f);
	} else {
		fputs("<p>Perspectiefplan 18+ vastgelegd op ", f);
		for (size_t i = 0; i < d->n_perspectiefplannen; i++) {
			if (i)
				fputs(", ", f);
			veld_html_datum(f, d->perspectiefplannen[i].datum);
		}
		fputs(".</p>\n", f);
	}
	fputs("</section>\n", f);
}

static void sectie_declaraties(FILE *f, const struct dossier *d)
{
	int64_t totaal = 0, goed = 0;

	fputs("<section aria-labelledby=\"kop-declaraties\">\n<h2 id=\"kop-declaraties\">"
	      "Declaraties</h2>\n", f);
	if (!d->n_prestaties) {
		fputs("<p>Geen gedeclareerde prestaties.</p>\n</section>\n", f);
		return;
	}
	fputs("<div class=\"tabel\"><table class=\"declaraties\">\n<caption>Gedeclareerde prestaties</caption>\n"
	      "<thead><tr><th scope=\"col\">Periode</th><th scope=\"col\">Aanbieder</th>"
	      "<th scope=\"col\">Product</th><th scope=\"col\">Volume</th>"
	      "<th scope=\"col\">Bedrag</th><th scope=\"col\">Goedgekeurd</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (size_t i = 0; i < d->n_prestaties; i++) {
		const struct dossier_prestatie *p = &d->prestaties[i];

		totaal += p->p.bedrag;
		if (p->p.goedgekeurd)
			goed += p->p.bedrag;
		fputs("<tr><th scope=\"row\">", f);
		veld_html_datum(f, p->p.periode_begin);
		fputs(" – ", f);
		veld_html_datum(f, p->p.periode_eind);
		fputs("</th><td>", f);
		veld_html_tekst(f, p->aanbieder_naam[0] ? p->aanbieder_naam : p->agb);
		fputs("</td><td>", f);
		veld_html_tekst(f, p->p.productcode);
		fprintf(f, "</td><td>%lld</td><td>", (long long)p->p.volume);
		h_euro(f, p->p.bedrag);
		fputs("</td><td>", f);
		if (p->p.goedgekeurd) {
			fputs("ja", f);
		} else {
			fputs("nee (retourcode ", f);
			html_txt(f, p->p.retourcode);
			fputs(")", f);
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"4\">Totaal gedeclareerd, waarvan "
	      "goedgekeurd</th><td>", f);
	h_euro(f, totaal);
	fputs("</td><td>", f);
	h_euro(f, goed);
	fputs("</td></tr></tfoot>\n</table></div>\n</section>\n", f);
}

static enum web_uitslag scherm_dossier(struct web_verzoek *v)
{
	struct dossier_tx *a = calloc(1, sizeof *a);
	enum web_uitslag u = WEB_FATAAL;
	char titel[2 * NAAM_LEN + 2];
	struct web_buf b;
	dag_t nu = pagina_vandaag();
	FILE *f;

	if (!a)
		return WEB_FATAAL;
	if (dossier_ophalen(v, a, &u) < 0)
		goto klaar;
	if (web_buf_open(&b) < 0) {
		u = WEB_FATAAL;
		goto klaar;
	}
	f = b.f;
	snprintf(titel, sizeof titel, "%s%s%s", a->d.jeugdige.voornamen,
		 a->d.jeugdige.voornamen[0] ? " " : "", a->d.jeugdige.achternaam);
	pagina_html_begin(f, titel, v->wie, "jeugdigen");
	fputs("<p><a href=\"/jeugdigen\">Terug naar de lijst van jeugdigen</a></p>\n", f);
	if (a->agb[0])
		fputs("<p class=\"melding\">U ziet alleen de toewijzingen, trajecten en "
		      "declaraties van uw eigen organisatie.</p>\n", f);
	sectie_persoon(f, &a->d, nu);
	sectie_trajecten(f, &a->d, nu);
	sectie_verwijzingen(f, &a->d, toegang_eis_ok(v->wie, EIS_GEMEENTELIJK));
	sectie_school(f, &a->d);
	sectie_declaraties(f, &a->d);
	pagina_html_einde(f);
	u = pagina_html_klaar(v, &b);
klaar:
	store_dossier_vrij(&a->d);
	free(a);
	return u;
}

const struct route jeugd_routes[] = {
	{ "GET", "/api/v1/jeugdigen", api_lijst, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/jeugdigen/{id}", api_dossier, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/jeugdigen/{id}/trajecten", api_trajecten, EIS_PERSOONSGEGEVENS },
	{ "GET", "/jeugdigen", scherm_lijst, EIS_PERSOONSGEGEVENS },
	{ "GET", "/jeugdigen/{id}", scherm_dossier, EIS_PERSOONSGEGEVENS },
};
const size_t jeugd_routes_n = sizeof jeugd_routes / sizeof jeugd_routes[0];
