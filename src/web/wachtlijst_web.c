/* wachtlijst_web: see wachtlijst_web.h. */
#include "web/wachtlijst_web.h"

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
#include "domain/onthulling.h"
#include "domain/wachtlijst.h"
#include "lib/json.h"
#include "lib/xlsx.h"
#include "steer/kpi_rapport.h"
#include "store/cijfers_store.h"
#include "store/store.h"
#include "store/wachtlijst_store.h"
#include "web/antwoord.h"
#include "web/auditspoor.h"
#include "web/cijfers.h"
#include "web/download.h"
#include "web/formulier.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"
#include "web/url.h"
#include "web/veld.h"

#define PER_PAGINA_API 100
#define PER_PAGINA_HTML 50
#define REDEN_MIN 5

/* ---- the request ------------------------------------------------------------- */

enum weergave {
	WEERGAVE_LIJST,
	WEERGAVE_AANBIEDER,
	WEERGAVE_GEMEENTE,
	WEERGAVE_SEGMENT,
	WEERGAVE_NETWERK,
};
static const char *const weergave_namen[] = { "lijst", "aanbieder", "gemeente", "segment",
					       "netwerk" };

/* In the order of the comparators below. */
enum sorteer { SORTEER_WACHTDAGEN, SORTEER_AANMELDDATUM, SORTEER_NORMGRENS, SORTEER_NAAM };
static const char *const sorteer_sleutels[] = { "wachtdagen", "aanmelddatum", "normgrens",
						"naam" };

struct wl_vraag {
	char gemeente[GEMEENTE_CODE_LEN];
	char aanbieder[AGB_LEN];
	char segment[4];
	char netwerk[20];
	char fase[10];
	char norm[10];
	char zorgelijk[6];
	char overbrugging[6];
	char sorteer[24];
	char pagina[12];
	char per_pagina[12];
	char peildatum[12];
	char weergave[12];
	/* parsed */
	int64_t segment_nr;       /* 0 all */
	int64_t netwerk_id;       /* 0 all */
	int fase_k;               /* -1 all, else enum wachtlijst_fase */
	int norm_k;               /* -1 all, 1 boven, 0 binnen */
	int zorgelijk_k;          /* -1 all, 1 ja, 0 nee */
	int overbrugging_k;
	dag_t peil;
	enum weergave weergave_k;
	enum sorteer sorteer_k;
	bool aflopend;
	struct query_paginering pag;
};

/* The answer to a list request: everything loaded and the selection. */
struct wl {
	struct wl_vraag q;
	const struct toegang *wie;
	struct store_scope scope;
	const char *soort;            /* audit: "lijst", "export csv", ... */
	int64_t traject_id;           /* one trajectory (0: the list) */
	struct treeknorm norms[SEGMENT_AANTAL];
	struct wachtlijst_data data;
	struct wachtlijst_regel *rijen;
	size_t n_rijen;
	const struct wachtlijst_regel **sel;
	size_t n_sel;
	size_t n_norm_signaal, n_zorgelijk_signaal;
	/* a decision (POST) */
	bool besluit;
	bool bevestigd;
	char reden[200];
	int64_t tijdstip;
};

static void wl_vrij(struct wl *w)
{
	if (!w)
		return;
	store_wachtlijst_vrij(&w->data);
	free(w->rijen);
	free(w->sel);
	free(w);
}

static int keuze(struct web_verzoek *v, const char *veld, const char *waarde, const char *ja,
		 const char *nee, int *out, enum web_uitslag *u)
{
	char melding[160];

	if (!waarde[0]) {
		*out = -1;
		return 0;
	}
	if (strcmp(waarde, ja) == 0) {
		*out = 1;
		return 0;
	}
	if (strcmp(waarde, nee) == 0) {
		*out = 0;
		return 0;
	}
	snprintf(melding, sizeof melding, "Parameter '%s' moet '%s' of '%s' zijn (of leeg: alle).",
		 veld, ja, nee);
	return query_weiger(v, veld, melding, u);
}

/* The query string into q. 0, or -1 with a 400 queued. */
static int vraag_lees(struct web_verzoek *v, struct wl_vraag *q, int64_t standaard,
		      enum web_uitslag *u)
{
	struct formulier_veld velden[] = {
		{ "gemeente", q->gemeente, sizeof q->gemeente, false },
		{ "aanbieder", q->aanbieder, sizeof q->aanbieder, false },
		{ "segment", q->segment, sizeof q->segment, false },
		{ "netwerk", q->netwerk, sizeof q->netwerk, false },
		{ "fase", q->fase, sizeof q->fase, false },
		{ "norm", q->norm, sizeof q->norm, false },
		{ "zorgelijk", q->zorgelijk, sizeof q->zorgelijk, false },
		{ "overbrugging", q->overbrugging, sizeof q->overbrugging, false },
		{ "sorteer", q->sorteer, sizeof q->sorteer, false },
		{ "pagina", q->pagina, sizeof q->pagina, false },
		{ "per_pagina", q->per_pagina, sizeof q->per_pagina, false },
		{ "peildatum", q->peildatum, sizeof q->peildatum, false },
		{ "weergave", q->weergave, sizeof q->weergave, false },
	};
	int k;

	if (query_lees(v, velden, sizeof velden / sizeof velden[0], u) < 0)
		return -1;
	if (q->gemeente[0] && !query_cijfers(q->gemeente, 4, 4))
		return query_weiger(v, "gemeente", "Parameter 'gemeente' moet een CBS-gemeentecode "
				    "van vier cijfers zijn, bijvoorbeeld 0546 (Leiden).", u);
	if (q->aanbieder[0] && !query_cijfers(q->aanbieder, 8, 8))
		return query_weiger(v, "aanbieder", "Parameter 'aanbieder' moet een AGB-code van "
				    "acht cijfers zijn.", u);
	if (query_getal(v, "segment", q->segment, 1, 7, &q->segment_nr, u) < 0 ||
	    query_getal(v, "netwerk", q->netwerk, 1, INT64_MAX / 2, &q->netwerk_id, u) < 0)
		return -1;
	if (keuze(v, "fase", q->fase, "start", "intake", &q->fase_k, u) < 0 ||
	    keuze(v, "norm", q->norm, "boven", "binnen", &q->norm_k, u) < 0 ||
	    keuze(v, "zorgelijk", q->zorgelijk, "ja", "nee", &q->zorgelijk_k, u) < 0 ||
	    keuze(v, "overbrugging", q->overbrugging, "ja", "nee", &q->overbrugging_k, u) < 0)
		return -1;
	/* keuze gives 1 for "start": WACHTLIJST_FASE_START. */
	if (q->fase_k == 1)
		q->fase_k = WACHTLIJST_FASE_START;
	else if (q->fase_k == 0)
		q->fase_k = WACHTLIJST_FASE_INTAKE;
	q->peil = pagina_vandaag();
	if (query_datum(v, "peildatum", q->peildatum, &q->peil, u) < 0)
		return -1;
	q->weergave_k = WEERGAVE_LIJST;
	if (q->weergave[0]) {
		size_t i;

		for (i = 0; i < sizeof weergave_namen / sizeof weergave_namen[0]; i++)
			if (strcmp(q->weergave, weergave_namen[i]) == 0)
				break;
		if (i == sizeof weergave_namen / sizeof weergave_namen[0])
			return query_weiger(v, "weergave", "Parameter 'weergave' moet 'lijst', "
					    "'aanbieder', 'gemeente', 'segment' of 'netwerk' zijn.", u);
		q->weergave_k = (enum weergave)i;
	}
	k = query_sorteer(v, q->sorteer, sorteer_sleutels,
			  sizeof sorteer_sleutels / sizeof sorteer_sleutels[0], -1, &q->aflopend, u);
	if (k == -1 && !q->sorteer[0]) {
		/* Default: who waits longest first. */
		k = SORTEER_WACHTDAGEN;
		q->aflopend = true;
	} else if (k < 0) {
		return -1;
	}
	q->sorteer_k = (enum sorteer)k;
	return query_paginering(v, q->pagina, q->per_pagina, standaard, &q->pag, u);
}

/* ---- names from the registry ------------------------------------------------- */

static const struct aanbieder *aanbieder_van(const struct wachtlijst_data *d, const char *agb)
{
	size_t lo = 0, hi = d->n_aanbieders;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->aanbieders[mid].agb, agb);

		if (c == 0)
			return &d->aanbieders[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const char *aanbieder_naam(const struct wachtlijst_data *d, const char *agb)
{
	const struct aanbieder *a = aanbieder_van(d, agb);

	return a ? a->naam : "";
}

static const struct netwerk *netwerk_van(const struct wachtlijst_data *d, const char *agb)
{
	const struct aanbieder *a = aanbieder_van(d, agb);

	if (!a || !a->netwerk_id)
		return NULL;
	for (size_t i = 0; i < d->n_netwerken; i++)
		if (d->netwerken[i].id == a->netwerk_id)
			return &d->netwerken[i];
	return NULL;
}

static const char *gemeente_naam(const struct wachtlijst_data *d, const char *code)
{
	for (size_t i = 0; i < d->n_gemeenten; i++)
		if (strcmp(d->gemeenten[i].code, code) == 0)
			return d->gemeenten[i].naam;
	return "";
}

static const char *segment_naam(const struct wachtlijst_data *d, int nr)
{
	for (size_t i = 0; i < d->n_segmenten; i++)
		if (d->segmenten[i].nr == nr)
			return d->segmenten[i].naam;
	return "";
}

static const char *product_naam(const struct wachtlijst_data *d, const char *code)
{
	size_t lo = 0, hi = d->n_producten;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->producten[mid].code, code);

		if (c == 0)
			return d->producten[mid].omschrijving;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return "";
}

/* "Achternaam, Voornamen" into buf. */
static const char *naam(const struct wachtlijst_regel *r, char *buf, size_t n)
{
	if (!r->j)
		snprintf(buf, n, "jeugdige %lld", (long long)r->t->jeugdige_id);
	else if (r->j->voornamen[0])
		snprintf(buf, n, "%s, %s", r->j->achternaam, r->j->voornamen);
	else
		snprintf(buf, n, "%s", r->j->achternaam);
	return buf;
}

/* ---- selection and order ------------------------------------------------------ */

static bool past(const struct wl *w, const struct wachtlijst_regel *r)
{
	const struct wl_vraag *q = &w->q;
	const struct netwerk *nw;

	if (q->gemeente[0] && strcmp(r->t->gemeente, q->gemeente) != 0)
		return false;
	if (q->aanbieder[0] && strcmp(r->t->agb, q->aanbieder) != 0)
		return false;
	if (q->segment_nr && r->t->segment != q->segment_nr)
		return false;
	if (q->netwerk_id) {
		nw = netwerk_van(&w->data, r->t->agb);
		if (!nw || nw->id != q->netwerk_id)
			return false;
	}
	if (q->fase_k >= 0 && (int)r->fase != q->fase_k)
		return false;
	if (q->norm_k >= 0 && r->boven_norm != (q->norm_k == 1))
		return false;
	if (q->zorgelijk_k >= 0 && r->zorgelijk != (q->zorgelijk_k == 1))
		return false;
	if (q->overbrugging_k >= 0 && r->t->overbrugging != (q->overbrugging_k == 1))
		return false;
	return true;
}

static int cmp_id(const struct wachtlijst_regel *a, const struct wachtlijst_regel *b)
{
	return (a->t->id > b->t->id) - (a->t->id < b->t->id);
}

static int cmp_wachtdagen(const void *x, const void *y)
{
	const struct wachtlijst_regel *a = *(const struct wachtlijst_regel *const *)x;
	const struct wachtlijst_regel *b = *(const struct wachtlijst_regel *const *)y;
	int c = (a->dagen > b->dagen) - (a->dagen < b->dagen);

	return c ? c : cmp_id(a, b);
}

static int cmp_aanmelddatum(const void *x, const void *y)
{
	const struct wachtlijst_regel *a = *(const struct wachtlijst_regel *const *)x;
	const struct wachtlijst_regel *b = *(const struct wachtlijst_regel *const *)y;
	int c = (a->t->aanmelddatum > b->t->aanmelddatum) -
		(a->t->aanmelddatum < b->t->aanmelddatum);

	return c ? c : cmp_id(a, b);
}

static int cmp_normgrens(const void *x, const void *y)
{
	const struct wachtlijst_regel *a = *(const struct wachtlijst_regel *const *)x;
	const struct wachtlijst_regel *b = *(const struct wachtlijst_regel *const *)y;
	int c = (a->normgrens > b->normgrens) - (a->normgrens < b->normgrens);

	return c ? c : cmp_id(a, b);
}

static int cmp_naam(const void *x, const void *y)
{
	const struct wachtlijst_regel *a = *(const struct wachtlijst_regel *const *)x;
	const struct wachtlijst_regel *b = *(const struct wachtlijst_regel *const *)y;
	int c = 0;

	if (a->j && b->j) {
		c = strcasecmp(a->j->achternaam, b->j->achternaam);
		if (!c)
			c = strcasecmp(a->j->voornamen, b->j->voornamen);
	}
	return c ? c : cmp_id(a, b);
}

/* Compute the rows, select and order them. 0 or -1 (out of memory). */
static int selecteer(struct wl *w)
{
	int (*cmp)(const void *, const void *) = cmp_wachtdagen;

	free(w->rijen);
	free(w->sel);
	w->rijen = NULL;
	w->sel = NULL;
	w->n_sel = 0;
	w->n_norm_signaal = w->n_zorgelijk_signaal = 0;
	if (wachtlijst_bereken(&w->data.d, w->data.toon, w->q.peil, w->norms, &w->rijen,
			       &w->n_rijen) < 0)
		return -1;
	if (w->n_rijen && !(w->sel = calloc(w->n_rijen, sizeof *w->sel)))
		return -1;
	for (size_t i = 0; i < w->n_rijen; i++) {
		unsigned s;

		if (!past(w, &w->rijen[i]))
			continue;
		w->sel[w->n_sel++] = &w->rijen[i];
		s = wachtlijst_signalen(&w->rijen[i], w->q.peil);
		w->n_norm_signaal += (s & WACHTLIJST_SIGNAAL_NORM) != 0;
		w->n_zorgelijk_signaal += (s & WACHTLIJST_SIGNAAL_ZORGELIJK) != 0;
	}
	switch (w->q.sorteer_k) {
	case SORTEER_WACHTDAGEN:
		cmp = cmp_wachtdagen;
		break;
	case SORTEER_AANMELDDATUM:
		cmp = cmp_aanmelddatum;
		break;
	case SORTEER_NORMGRENS:
		cmp = cmp_normgrens;
		break;
	case SORTEER_NAAM:
		cmp = cmp_naam;
		break;
	}
	if (w->n_sel)
		qsort(w->sel, w->n_sel, sizeof *w->sel, cmp);
	if (w->q.aflopend)
		for (size_t i = 0, j = w->n_sel; i + 1 < j; i++, j--) {
			const struct wachtlijst_regel *t = w->sel[i];

			w->sel[i] = w->sel[j - 1];
			w->sel[j - 1] = t;
		}
	return 0;
}

/* ---- reading, audited --------------------------------------------------------- */

/* Load, select, record a decision (w->besluit) and log, in one
 * transaction. 1 when done; 0 when w->traject_id is set and not a
 * waiting trajectory in scope. */
static int wl_tx(struct store *st, void *arg)
{
	struct wl *w = arg;
	const struct wl_vraag *q = &w->q;
	char object[200], peil[11];
	int rc;

	store_wachtlijst_vrij(&w->data);
	if ((rc = store_treeknormen(st, w->norms)) < 0)
		return rc;
	rc = store_wachtlijst_laad(st, &w->scope, q->peil, w->traject_id, &w->data);
	if (rc < 0)
		return rc;
	if (selecteer(w) < 0)
		return store_set_error(st, "geen geheugen voor de wachtlijst");
	datum_fmt(q->peil, peil);
	if (w->traject_id) {
		int64_t jid;

		if (w->n_sel != 1)
			return 0;
		jid = w->sel[0]->t->jeugdige_id;
		if (w->besluit) {
			rc = store_zorgelijk_besluit_neem(st, w->traject_id, w->bevestigd, w->reden,
							  w->wie->naam, w->wie->rolnaam,
							  w->tijdstip);
			if (rc < 0)
				return rc;
			snprintf(object, sizeof object, "wachtlijst: traject %lld zorgelijk %s",
				 (long long)w->traject_id, w->bevestigd ? "bevestigd" : "opgeheven");
			if ((rc = auditspoor_schrijf(st, w->wie, "wijzigen", jid, object)) < 0)
				return rc;
			/* Read again: the row shows the decision just taken. */
			store_wachtlijst_vrij(&w->data);
			rc = store_wachtlijst_laad(st, &w->scope, q->peil, w->traject_id, &w->data);
			if (rc < 0)
				return rc;
			if (selecteer(w) < 0)
				return store_set_error(st, "geen geheugen voor de wachtlijst");
			return w->n_sel == 1 ? 1 : 0;
		}
		snprintf(object, sizeof object, "wachtlijst: traject %lld (peildatum %s)",
			 (long long)w->traject_id, peil);
		rc = auditspoor_schrijf(st, w->wie, "lezen", jid, object);
		return rc < 0 ? rc : 1;
	}
	snprintf(object, sizeof object, "wachtlijst: %s (%zu van %zu wachtenden; peildatum %s; "
		 "filter gemeente=%s aanbieder=%s segment=%s netwerk=%s fase=%s norm=%s "
		 "zorgelijk=%s)", w->soort, w->n_sel, w->n_rijen, peil,
		 q->gemeente[0] ? q->gemeente : "-", q->aanbieder[0] ? q->aanbieder : "-",
		 q->segment[0] ? q->segment : "-", q->netwerk[0] ? q->netwerk : "-",
		 q->fase[0] ? q->fase : "-", q->norm[0] ? q->norm : "-",
		 q->zorgelijk[0] ? q->zorgelijk : "-");
	rc = auditspoor_schrijf(st, w->wie, strncmp(w->soort, "export", 6) == 0 ? "export" : "lezen",
				0, object);
	return rc < 0 ? rc : 1;
}

static enum web_uitslag niet_gevonden(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
			   "Er wacht geen traject met dit nummer binnen uw toegang (het bestaat "
			   "niet, is gestart of beëindigd, of valt buiten uw toegang). Zoek het op "
			   "in de wachtlijst.");
}

/* Parse, load and select for v. NULL with *u set when answered. */
static struct wl *wl_ophalen(struct web_verzoek *v, const char *soort, int64_t standaard,
			     int64_t traject_id, enum web_uitslag *u)
{
	struct wl *w = calloc(1, sizeof *w);
	struct store *st;
	int rc;

	*u = WEB_FATAAL;
	if (!w)
		return NULL;
	if (vraag_lees(v, &w->q, standaard, u) < 0) {
		wl_vrij(w);
		return NULL;
	}
	w->wie = v->wie;
	w->soort = soort;
	w->traject_id = traject_id;
	pagina_scope(v, &w->scope);
	st = pagina_store(v, u);
	if (!st) {
		wl_vrij(w);
		return NULL;
	}
	rc = store_transaction(st, wl_tx, w);
	if (rc < 0) {
		*u = pagina_store_fout(v, st, rc);
		wl_vrij(w);
		return NULL;
	}
	if (rc == 0) {
		*u = niet_gevonden(v);
		wl_vrij(w);
		return NULL;
	}
	return w;
}

/* ---- groups (views per provider, gemeente, segment, network) ------------------ */

struct groep {
	char sleutel[NAAM_LEN];
	char naam[NAAM_LEN];
	size_t wachtend, boven_norm, zorgelijk, overbrugging;
	int32_t langste;
	int32_t *dagen;
	size_t n_dagen;
	double mediaan;
};

static void groep_sleutel(const struct wl *w, const struct wachtlijst_regel *r, char *sleutel,
			  size_t ns, char *nm, size_t nn)
{
	const struct netwerk *nw;

	switch (w->q.weergave_k) {
	case WEERGAVE_AANBIEDER:
		snprintf(sleutel, ns, "%s", r->t->agb);
		snprintf(nm, nn, "%s", aanbieder_naam(&w->data, r->t->agb));
		return;
	case WEERGAVE_GEMEENTE:
		snprintf(sleutel, ns, "%s", r->t->gemeente);
		snprintf(nm, nn, "%s", gemeente_naam(&w->data, r->t->gemeente));
		return;
	case WEERGAVE_SEGMENT:
		snprintf(sleutel, ns, "%d", r->t->segment);
		snprintf(nm, nn, "%s", segment_naam(&w->data, r->t->segment));
		return;
	case WEERGAVE_NETWERK:
		nw = netwerk_van(&w->data, r->t->agb);
		snprintf(sleutel, ns, "%lld", nw ? (long long)nw->id : 0LL);
		snprintf(nm, nn, "%s", nw ? nw->naam : "geen netwerk");
		return;
	case WEERGAVE_LIJST:
		break;
	}
	sleutel[0] = nm[0] = '\0';
}

static int cmp_dag(const void *x, const void *y)
{
	int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;

	return (a > b) - (a < b);
}

static int cmp_groep(const void *x, const void *y)
{
	const struct groep *a = x, *b = y;

	if (a->wachtend != b->wachtend)
		return a->wachtend < b->wachtend ? 1 : -1;
	return strcmp(a->sleutel, b->sleutel);
}

static void groepen_vrij(struct groep *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(g[i].dagen);
	free(g);
}

/* The selection of w per group, most waiting first. 0 or -1. */
static int groepen(const struct wl *w, struct groep **out, size_t *n)
{
	struct groep *g = NULL;
	size_t k = 0;

	*out = NULL;
	*n = 0;
	if (w->n_sel && !(g = calloc(w->n_sel, sizeof *g)))
		return -1;
	for (size_t i = 0; i < w->n_sel; i++) {
		const struct wachtlijst_regel *r = w->sel[i];
		char s[NAAM_LEN], nm[NAAM_LEN];
		size_t j;

		groep_sleutel(w, r, s, sizeof s, nm, sizeof nm);
		for (j = 0; j < k; j++)
			if (strcmp(g[j].sleutel, s) == 0)
				break;
		if (j == k) {
			snprintf(g[k].sleutel, sizeof g[k].sleutel, "%s", s);
			snprintf(g[k].naam, sizeof g[k].naam, "%s", nm);
			if (!(g[k].dagen = calloc(w->n_sel, sizeof *g[k].dagen))) {
				groepen_vrij(g, k);
				return -1;
			}
			k++;
		}
		g[j].wachtend++;
		g[j].boven_norm += r->boven_norm;
		g[j].zorgelijk += r->zorgelijk;
		g[j].overbrugging += r->t->overbrugging;
		if (r->dagen > g[j].langste)
			g[j].langste = r->dagen;
		g[j].dagen[g[j].n_dagen++] = r->dagen;
	}
	for (size_t j = 0; j < k; j++) {
		size_t m = g[j].n_dagen;

		qsort(g[j].dagen, m, sizeof *g[j].dagen, cmp_dag);
		g[j].mediaan = m % 2 ? g[j].dagen[m / 2]
				     : (g[j].dagen[m / 2 - 1] + g[j].dagen[m / 2]) / 2.0;
	}
	if (k)
		qsort(g, k, sizeof *g, cmp_groep);
	*out = g;
	*n = k;
	return 0;
}

/* ---- JSON ---------------------------------------------------------------------- */

static void j_getal(struct json *j, const char *k, int64_t v)
{
	json_key(j, k);
	json_int(j, v);
}

static void j_bool(struct json *j, const char *k, bool v)
{
	json_key(j, k);
	json_bool(j, v);
}

static const char *fase_naam(enum wachtlijst_fase f)
{
	switch (f) {
	case WACHTLIJST_FASE_INTAKE:
		return "intake";
	case WACHTLIJST_FASE_START:
		return "start";
	}
	return "";
}

static void tijd_iso(int64_t t, char out[21])
{
	time_t s = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&s, &tm) || !strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(out, 21, "%s", "");
}

static void json_besluit(struct json *j, const char *k, const struct zorgelijk_besluit *b,
			 const char *rol)
{
	char t[21];

	json_key(j, k);
	if (!b) {
		json_null(j);
		return;
	}
	tijd_iso(b->tijdstip, t);
	json_object_begin(j);
	j_bool(j, "bevestigd", b->bevestigd);
	veld_json_tekst(j, "reden", b->reden);
	veld_json_tekst(j, "door", b->door);
	if (rol)
		veld_json_tekst(j, "rol", rol);
	veld_json_tekst(j, "tijdstip", t);
	json_object_end(j);
}

static void json_regel(struct json *j, const struct wl *w, const struct wachtlijst_regel *r)
{
	const struct traject *t = r->t;
	const struct netwerk *nw = netwerk_van(&w->data, t->agb);
	unsigned s = wachtlijst_signalen(r, w->q.peil);
	char buf[NAAM_LEN * 2 + 4];

	json_object_begin(j);
	j_getal(j, "traject_id", t->id);
	json_key(j, "jeugdige");
	json_object_begin(j);
	j_getal(j, "id", t->jeugdige_id);
	veld_json_tekst(j, "naam", naam(r, buf, sizeof buf));
	veld_json_datum(j, "geboortedatum", r->j ? r->j->geboortedatum : DAG_GEEN);
	json_object_end(j);
	json_key(j, "gemeente");
	json_object_begin(j);
	veld_json_tekst(j, "code", t->gemeente);
	veld_json_tekst(j, "naam", gemeente_naam(&w->data, t->gemeente));
	json_object_end(j);
	json_key(j, "aanbieder");
	json_object_begin(j);
	veld_json_tekst(j, "agb", t->agb);
	veld_json_tekst(j, "naam", aanbieder_naam(&w->data, t->agb));
	json_object_end(j);
	json_key(j, "netwerk");
	if (nw) {
		json_object_begin(j);
		j_getal(j, "id", nw->id);
		veld_json_tekst(j, "naam", nw->naam);
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_key(j, "segment");
	json_object_begin(j);
	j_getal(j, "nr", t->segment);
	veld_json_tekst(j, "naam", segment_naam(&w->data, t->segment));
	json_object_end(j);
	veld_json_tekst(j, "productcode", t->productcode);
	veld_json_tekst(j, "product", product_naam(&w->data, t->productcode));
	veld_json_datum(j, "aanmelddatum", t->aanmelddatum);
	veld_json_datum(j, "intakedatum", r->fase == WACHTLIJST_FASE_START ? t->intakedatum
									   : DAG_GEEN);
	veld_json_tekst(j, "fase", fase_naam(r->fase));
	j_getal(j, "wachtdagen", r->dagen);
	json_key(j, "treeknorm");
	json_object_begin(j);
	j_getal(j, "norm_intake_dagen", r->norm_intake);
	j_getal(j, "norm_start_dagen", r->norm_start);
	j_getal(j, "dagen_tot_intake", r->dagen_tot_intake);
	j_bool(j, "intake_boven_norm", r->intake_boven_norm);
	json_key(j, "dagen_na_intake");
	if (r->fase == WACHTLIJST_FASE_START)
		json_int(j, r->dagen_na_intake);
	else
		json_null(j);
	j_bool(j, "start_boven_norm", r->start_boven_norm);
	j_bool(j, "boven_norm", r->boven_norm);
	veld_json_datum(j, "normgrens", r->normgrens);
	json_object_end(j);
	j_bool(j, "overbrugging", t->overbrugging);
	json_key(j, "risico");
	json_array_begin(j);
	for (unsigned b = 1; b <= KPI_RISICO_UITVAL; b <<= 1)
		if (r->risico & b)
			json_string(j, wachtlijst_risico_code(b));
	json_array_end(j);
	j_bool(j, "zorgelijk", r->zorgelijk);
	j_bool(j, "zorgelijk_berekend", r->zorgelijk_berekend);
	json_besluit(j, "besluit", r->besluit, NULL);
	json_key(j, "signalen");
	json_array_begin(j);
	if (s & WACHTLIJST_SIGNAAL_NORM)
		json_string(j, "norm_overschreden");
	if (s & WACHTLIJST_SIGNAAL_ZORGELIJK)
		json_string(j, "zorgelijk_te_beoordelen");
	json_array_end(j);
	json_object_end(j);
}

static void json_norms(struct json *j, const struct treeknorm norms[SEGMENT_AANTAL])
{
	json_key(j, "treeknorm");
	json_array_begin(j);
	for (int s = 1; s < SEGMENT_AANTAL; s++) {
		json_object_begin(j);
		j_getal(j, "segment", s);
		j_getal(j, "tot_intake_dagen", norms[s].tot_intake);
		j_getal(j, "intake_tot_start_dagen", norms[s].intake_tot_start);
		json_object_end(j);
	}
	json_array_end(j);
}

static void json_kop(struct json *j, const struct wl *w)
{
	size_t boven = 0, zorg = 0;

	for (size_t i = 0; i < w->n_sel; i++) {
		boven += w->sel[i]->boven_norm;
		zorg += w->sel[i]->zorgelijk;
	}
	veld_json_datum(j, "peildatum", w->q.peil);
	json_key(j, "samenvatting");
	json_object_begin(j);
	j_getal(j, "wachtend", (int64_t)w->n_sel);
	j_getal(j, "boven_norm", (int64_t)boven);
	j_getal(j, "zorgelijk", (int64_t)zorg);
	j_getal(j, "signalen_norm", (int64_t)w->n_norm_signaal);
	j_getal(j, "signalen_zorgelijk", (int64_t)w->n_zorgelijk_signaal);
	json_object_end(j);
}

static enum web_uitslag api_lijst(struct web_verzoek *v)
{
	enum web_uitslag u;
	struct wl *w = wl_ophalen(v, "lijst", PER_PAGINA_API, 0, &u);
	struct web_buf b;
	struct json j;
	size_t van, tot;

	if (!w)
		return u;
	if (web_buf_open(&b) < 0) {
		wl_vrij(w);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_kop(&j, w);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	van = (size_t)w->q.pag.offset;
	tot = van + (size_t)w->q.pag.per_pagina;
	for (size_t i = van; i < tot && i < w->n_sel; i++)
		json_regel(&j, w, w->sel[i]);
	json_array_end(&j);
	query_json_paginering(&j, &w->q.pag, (int64_t)w->n_sel);
	json_object_end(&j);
	wl_vrij(w);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag api_overzicht(struct web_verzoek *v)
{
	enum web_uitslag u;
	struct wl *w = wl_ophalen(v, "overzicht", PER_PAGINA_API, 0, &u);
	struct groep *g = NULL;
	size_t ng = 0;
	struct web_buf b;
	struct json j;

	if (!w)
		return u;
	if (w->q.weergave_k == WEERGAVE_LIJST)
		w->q.weergave_k = WEERGAVE_AANBIEDER;
	if (groepen(w, &g, &ng) < 0 || web_buf_open(&b) < 0) {
		groepen_vrij(g, ng);
		wl_vrij(w);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_kop(&j, w);
	veld_json_tekst(&j, "weergave", weergave_namen[w->q.weergave_k]);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < ng; i++) {
		json_object_begin(&j);
		veld_json_tekst(&j, "sleutel", g[i].sleutel);
		veld_json_tekst(&j, "naam", g[i].naam);
		j_getal(&j, "wachtend", (int64_t)g[i].wachtend);
		j_getal(&j, "boven_norm", (int64_t)g[i].boven_norm);
		j_getal(&j, "zorgelijk", (int64_t)g[i].zorgelijk);
		j_getal(&j, "met_overbrugging", (int64_t)g[i].overbrugging);
		json_key(&j, "mediaan_wachtdagen");
		json_fixed(&j, g[i].mediaan, 1);
		j_getal(&j, "langste_wachtdagen", g[i].langste);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	groepen_vrij(g, ng);
	wl_vrij(w);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag api_signalen(struct web_verzoek *v)
{
	enum web_uitslag u;
	struct wl *w = wl_ophalen(v, "signalen", PER_PAGINA_API, 0, &u);
	struct web_buf b;
	struct json j;

	if (!w)
		return u;
	if (web_buf_open(&b) < 0) {
		wl_vrij(w);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_kop(&j, w);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < w->n_sel; i++)
		if (wachtlijst_signalen(w->sel[i], w->q.peil))
			json_regel(&j, w, w->sel[i]);
	json_array_end(&j);
	json_object_end(&j);
	wl_vrij(w);
	return pagina_json_klaar(v, &b, &j);
}

/* ---- one trajectory ------------------------------------------------------------ */

static bool mag_besluiten(const struct toegang *t)
{
	return toegang_eis_ok(t, EIS_GEMEENTELIJK);
}

/* The history of w's one trajectory (after the read, outside the
 * audited transaction: it belongs to the same look). */
static int historie(struct web_verzoek *v, const struct wl *w, struct zorgelijk_historie **h,
		    size_t *n, enum web_uitslag *u)
{
	struct store *st = pagina_store(v, u);
	int rc;

	*h = NULL;
	*n = 0;
	if (!st)
		return -1;
	rc = store_zorgelijk_historie(st, w->traject_id, h, n);
	if (rc < 0) {
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	return 0;
}

static enum web_uitslag api_een_antwoord(struct web_verzoek *v, struct wl *w)
{
	struct zorgelijk_historie *h;
	enum web_uitslag u;
	struct web_buf b;
	struct json j;
	size_t nh;

	if (historie(v, w, &h, &nh, &u) < 0) {
		wl_vrij(w);
		return u;
	}
	if (web_buf_open(&b) < 0) {
		free(h);
		wl_vrij(w);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	veld_json_datum(&j, "peildatum", w->q.peil);
	json_key(&j, "gegevens");
	json_regel(&j, w, w->sel[0]);
	json_key(&j, "besluiten");
	json_array_begin(&j);
	for (size_t i = 0; i < nh; i++) {
		json_object_begin(&j);
		json_besluit(&j, "besluit", &h[i].b, h[i].rol);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	free(h);
	wl_vrij(w);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag api_een(struct web_verzoek *v)
{
	int64_t id = query_id(v->param[0]);
	enum web_uitslag u;
	struct wl *w;

	if (!id)
		return niet_gevonden(v);
	w = wl_ophalen(v, "traject", 1, id, &u);
	return w ? api_een_antwoord(v, w) : u;
}

/* ---- HTML ----------------------------------------------------------------------- */

/* The address pad with the filters of q (weergave and pagina as given:
 * NULL leaves them out). */
static void href(FILE *f, const char *pad, const struct wl_vraag *q, const char *weergave,
		 int64_t pagina)
{
	char url[1024], p[24];

	snprintf(url, sizeof url, "%s", pad);
	url_param(url, sizeof url, "gemeente", q->gemeente);
	url_param(url, sizeof url, "aanbieder", q->aanbieder);
	url_param(url, sizeof url, "segment", q->segment);
	url_param(url, sizeof url, "netwerk", q->netwerk);
	url_param(url, sizeof url, "fase", q->fase);
	url_param(url, sizeof url, "norm", q->norm);
	url_param(url, sizeof url, "zorgelijk", q->zorgelijk);
	url_param(url, sizeof url, "overbrugging", q->overbrugging);
	url_param(url, sizeof url, "peildatum", q->peildatum);
	url_param(url, sizeof url, "sorteer", q->sorteer);
	url_param(url, sizeof url, "weergave", weergave);
	if (pagina > 1) {
		snprintf(p, sizeof p, "%lld", (long long)pagina);
		url_param(url, sizeof url, "pagina", p);
	}
	html_attr(f, url);
}

static void select_begin(FILE *f, const char *id, const char *label)
{
	fprintf(f, "<p><label for=\"%s\">", id);
	html_txt(f, label);
	fprintf(f, "</label>\n<select id=\"%s\" name=\"%s\">\n", id, id);
}

/* The fixed choices of the filter form: value and text. */
struct optie {
	const char *waarde, *tekst;
};
#define N_OPTIES(o) (sizeof (o) / sizeof (o)[0])

static const struct optie fase_opties[] = {
	{ "", "intake of start" }, { "intake", "intake" }, { "start", "start (na intake)" },
};
static const struct optie norm_opties[] = {
	{ "", "alle" }, { "boven", "boven de norm" }, { "binnen", "binnen de norm" },
};
static const struct optie ja_nee_opties[] = {
	{ "", "alle" }, { "ja", "ja" }, { "nee", "nee" },
};
static const struct optie sorteer_opties[] = {
	{ "", "langst wachtend eerst" }, { "wachtdagen", "kortst wachtend eerst" },
	{ "normgrens", "eerst over de norm" }, { "naam", "naam" },
	{ "aanmelddatum", "aanmelddatum" },
};

/* A whole <select> of the fixed choices o[n], gekozen selected. */
static void keuzelijst(FILE *f, const char *id, const char *label, const struct optie *o,
		       size_t n, const char *gekozen)
{
	select_begin(f, id, label);
	for (size_t i = 0; i < n; i++)
		veld_html_optie(f, o[i].waarde, o[i].tekst, gekozen);
	fputs("</select></p>\n", f);
}

static void filterformulier(FILE *f, const struct wl *w)
{
	const struct wl_vraag *q = &w->q;
	char nr[24];

	fputs("<form method=\"get\" action=\"/wachtlijst\" class=\"zoeken\" role=\"search\">\n", f);
	if (q->weergave[0]) {
		fputs("<input type=\"hidden\" name=\"weergave\" value=\"", f);
		html_attr(f, q->weergave);
		fputs("\">\n", f);
	}
	select_begin(f, "gemeente", "Gemeente (betaalt)");
	veld_html_optie(f, "", "alle", q->gemeente);
	for (size_t i = 0; i < w->data.n_gemeenten; i++)
		veld_html_optie(f, w->data.gemeenten[i].code, w->data.gemeenten[i].naam,
				q->gemeente);
	fputs("</select></p>\n", f);
	select_begin(f, "segment", "Segment");
	veld_html_optie(f, "", "alle", q->segment);
	for (size_t i = 0; i < w->data.n_segmenten; i++) {
		if (w->data.segmenten[i].nr < 1)
			continue;
		snprintf(nr, sizeof nr, "%d", w->data.segmenten[i].nr);
		veld_html_optie(f, nr, w->data.segmenten[i].naam, q->segment);
	}
	fputs("</select></p>\n", f);
	select_begin(f, "netwerk", "Netwerk");
	veld_html_optie(f, "", "alle", q->netwerk);
	for (size_t i = 0; i < w->data.n_netwerken; i++) {
		snprintf(nr, sizeof nr, "%lld", (long long)w->data.netwerken[i].id);
		veld_html_optie(f, nr, w->data.netwerken[i].naam, q->netwerk);
	}
	fputs("</select></p>\n<p><label for=\"aanbieder\">Aanbieder (AGB-code)</label>\n"
	      "<input id=\"aanbieder\" name=\"aanbieder\" type=\"text\" inputmode=\"numeric\" "
	      "pattern=\"[0-9]{8}\" maxlength=\"8\" value=\"", f);
	html_attr(f, q->aanbieder);
	fputs("\"></p>\n", f);
	keuzelijst(f, "fase", "Wacht op", fase_opties, N_OPTIES(fase_opties), q->fase);
	keuzelijst(f, "norm", "Treeknorm", norm_opties, N_OPTIES(norm_opties), q->norm);
	keuzelijst(f, "zorgelijk", "Zorgelijk wachtend", ja_nee_opties, N_OPTIES(ja_nee_opties),
		   q->zorgelijk);
	keuzelijst(f, "overbrugging", "Overbruggingszorg", ja_nee_opties, N_OPTIES(ja_nee_opties),
		   q->overbrugging);
	keuzelijst(f, "sorteer", "Sorteren op", sorteer_opties, N_OPTIES(sorteer_opties),
		   q->sorteer);
	fputs("<p><label for=\"peildatum\">Peildatum</label>\n"
	      "<input id=\"peildatum\" name=\"peildatum\" type=\"date\" value=\"", f);
	html_attr(f, q->peildatum);
	fputs("\"></p>\n<p><button type=\"submit\">Toon</button></p>\n</form>\n", f);
}

static void h_dagen(FILE *f, int32_t dagen)
{
	fprintf(f, "%d dag%s (%d wk)", dagen, dagen == 1 ? "" : "en", dagen / 7);
}

static void h_norm(FILE *f, const struct wachtlijst_regel *r)
{
	if (r->boven_norm)
		fputs("<strong class=\"boven-norm\">boven de norm</strong>", f);
	else
		fputs("binnen de norm", f);
	fputs("<br><small>", f);
	if (r->fase == WACHTLIJST_FASE_INTAKE)
		fprintf(f, "intake: %d van %d dagen", r->dagen_tot_intake, r->norm_intake);
	else
		fprintf(f, "intake na %d dagen (norm %d); start: %d van %d dagen",
			r->dagen_tot_intake, r->norm_intake, r->dagen_na_intake, r->norm_start);
	fputs("</small>", f);
}

static void h_zorgelijk(FILE *f, const struct wachtlijst_regel *r)
{
	char risico[256];

	fputs(r->zorgelijk ? "<strong>ja</strong>" : "nee", f);
	if (r->besluit)
		fputs(r->besluit->bevestigd ? " (bevestigd)" : " (opgeheven)", f);
	else if (r->zorgelijk)
		fputs(" (te beoordelen)", f);
	wachtlijst_risico_tekst(r->risico, risico, sizeof risico);
	if (risico[0]) {
		fputs("<br><small>", f);
		html_txt(f, risico);
		fputs("</small>", f);
	}
}

static void tabel_regels(FILE *f, const struct wl *w, const struct wachtlijst_regel *const *rs,
			 size_t n, const char *caption)
{
	char buf[NAAM_LEN * 2 + 4];

	fputs("<div class=\"tabel\"><table class=\"wachtlijst\">\n<caption>", f);
	html_txt(f, caption);
	fputs("</caption>\n<thead><tr><th scope=\"col\">Jeugdige</th>"
	      "<th scope=\"col\">Gemeente</th><th scope=\"col\">Aanbieder en product</th>"
	      "<th scope=\"col\">Segment</th><th scope=\"col\">Aangemeld</th>"
	      "<th scope=\"col\">Wacht</th><th scope=\"col\">Treeknorm</th>"
	      "<th scope=\"col\">Overbrugging</th><th scope=\"col\">Zorgelijk</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < n; i++) {
		const struct wachtlijst_regel *r = rs[i];
		const struct traject *t = r->t;

		fprintf(f, "<tr><th scope=\"row\"><a href=\"/wachtlijst/%lld\">", (long long)t->id);
		html_txt(f, naam(r, buf, sizeof buf));
		fputs("</a></th><td>", f);
		veld_html_tekst(f, gemeente_naam(&w->data, t->gemeente));
		fputs("</td><td>", f);
		veld_html_tekst(f, aanbieder_naam(&w->data, t->agb));
		fputs("<br><small>", f);
		veld_html_tekst(f, product_naam(&w->data, t->productcode)[0]
					   ? product_naam(&w->data, t->productcode)
					   : t->productcode);
		fputs("</small></td><td>", f);
		veld_html_tekst(f, segment_naam(&w->data, t->segment));
		fputs("</td><td>", f);
		veld_html_datum(f, t->aanmelddatum);
		fputs("</td><td>", f);
		h_dagen(f, r->dagen);
		fputs("</td><td>", f);
		h_norm(f, r);
		fprintf(f, "</td><td>%s</td><td>", t->overbrugging ? "ja" : "nee");
		h_zorgelijk(f, r);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

static void tabel_groepen(FILE *f, const struct wl *w, const struct groep *g, size_t n)
{
	static const char *const kop[] = { "", "Aanbieder", "Gemeente", "Segment", "Netwerk" };
	static const char *const param[] = { "", "aanbieder", "gemeente", "segment", "netwerk" };
	enum weergave k = w->q.weergave_k;

	fprintf(f, "<div class=\"tabel\"><table class=\"wachtlijst-overzicht\">\n<caption>"
		"Wachtenden per %s</caption>\n<thead><tr><th scope=\"col\">%s</th>"
		"<th scope=\"col\">Wachtend</th><th scope=\"col\">Boven de norm</th>"
		"<th scope=\"col\">Zorgelijk</th><th scope=\"col\">Met overbrugging</th>"
		"<th scope=\"col\">Mediane wachttijd tot nu (dagen)</th>"
		"<th scope=\"col\">Langste wachttijd (dagen)</th></tr></thead>\n<tbody>\n",
		param[k], kop[k]);
	for (size_t i = 0; i < n; i++) {
		struct wl_vraag q = w->q;

		/* The group's link: the list filtered on it. */
		switch (k) {
		case WEERGAVE_AANBIEDER:
			snprintf(q.aanbieder, sizeof q.aanbieder, "%s", g[i].sleutel);
			break;
		case WEERGAVE_GEMEENTE:
			snprintf(q.gemeente, sizeof q.gemeente, "%s", g[i].sleutel);
			break;
		case WEERGAVE_SEGMENT:
			snprintf(q.segment, sizeof q.segment, "%s", g[i].sleutel);
			break;
		case WEERGAVE_NETWERK:
			snprintf(q.netwerk, sizeof q.netwerk, "%s",
				 strcmp(g[i].sleutel, "0") ? g[i].sleutel : "");
			break;
		case WEERGAVE_LIJST:
			break;
		}
		fputs("<tr><th scope=\"row\"><a href=\"", f);
		href(f, "/wachtlijst", &q, NULL, 1);
		fputs("\">", f);
		veld_html_tekst(f, g[i].naam[0] ? g[i].naam : g[i].sleutel);
		fprintf(f, "</a></th><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td>"
			"<td>%.1f</td><td>%d</td></tr>\n", g[i].wachtend, g[i].boven_norm,
			g[i].zorgelijk, g[i].overbrugging, g[i].mediaan, g[i].langste);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

static void uitleg_norm(FILE *f, const struct wl *w)
{
	char peil[11];

	fprintf(f, "<p>Peildatum <time datetime=\"%s\">%s</time>. Wachttijd telt vanaf de "
		"aanmelding (of, als die ontbreekt, de ingangsdatum van de toewijzing). De "
		"Treeknorm is standaard 4 weken tot de intake en 10 weken van intake tot start "
		"(<a href=\"/wachtlijst/treeknorm\">normen per segment</a>). Zorgelijk wachtend: "
		"boven de norm én minstens één risico (veiligheidssignaal of eerdere crisis, "
		"thuiszitter, geen overbruggingszorg, 17,5 jaar of ouder, jeugdbeschermings"
		"maatregel, eerdere uitval); medewerkers kunnen dat bevestigen of opheffen.</p>\n",
		datum_fmt(w->q.peil, peil), peil);
	fputs("<p>U ziet alleen wachtenden binnen uw toegang; elke inzage wordt vastgelegd in "
	      "het auditlog.</p>\n", f);
}

static void weergave_links(FILE *f, const struct wl *w)
{
	static const char *const tekst[] = { "lijst", "per aanbieder", "per gemeente",
					     "per segment", "per netwerk" };

	fputs("<nav aria-label=\"Weergave\"><ul class=\"weergave\">\n", f);
	for (size_t i = 0; i < sizeof tekst / sizeof tekst[0]; i++) {
		fputs("<li><a href=\"", f);
		href(f, "/wachtlijst", &w->q, i ? weergave_namen[i] : NULL, 1);
		fprintf(f, "\"%s>%s</a></li>\n",
			(size_t)w->q.weergave_k == i ? " aria-current=\"page\"" : "", tekst[i]);
	}
	fputs("<li><a href=\"", f);
	href(f, "/wachtlijst/export.csv", &w->q, NULL, 1);
	fputs("\">Download CSV (Excel)</a></li>\n<li><a href=\"", f);
	href(f, "/wachtlijst/export.xlsx", &w->q, NULL, 1);
	fputs("\">Download XLSX</a></li>\n</ul></nav>\n", f);
}

static enum web_uitslag scherm_lijst(struct web_verzoek *v)
{
	enum web_uitslag u;
	struct wl *w = wl_ophalen(v, "lijst", PER_PAGINA_HTML, 0, &u);
	struct groep *g = NULL;
	size_t ng = 0, boven = 0, zorg = 0;
	int64_t paginas;
	struct web_buf b;
	char caption[160];
	FILE *f;

	if (!w)
		return u;
	if (web_buf_open(&b) < 0) {
		wl_vrij(w);
		return WEB_FATAAL;
	}
	f = b.f;
	for (size_t i = 0; i < w->n_sel; i++) {
		boven += w->sel[i]->boven_norm;
		zorg += w->sel[i]->zorgelijk;
	}
	pagina_html_begin(f, "Wachtlijst", v->wie, "wachtlijst");
	uitleg_norm(f, w);
	fprintf(f, "<p class=\"samenvatting\"><strong>%zu</strong> wachtend, waarvan "
		"<strong>%zu</strong> boven de Treeknorm en <strong>%zu</strong> zorgelijk.</p>\n",
		w->n_sel, boven, zorg);
	if (w->n_norm_signaal || w->n_zorgelijk_signaal) {
		fputs("<p class=\"melding\">", f);
		fprintf(f, "Signalen: %zu wachtende%s de afgelopen %d dagen boven de norm gekomen; "
			"%zu zorgelijk wachtende%s nog niet beoordeeld. ",
			w->n_norm_signaal, w->n_norm_signaal == 1 ? " is" : "n zijn",
			WACHTLIJST_SIGNAAL_DAGEN, w->n_zorgelijk_signaal,
			w->n_zorgelijk_signaal == 1 ? "" : "n");
		fputs("<a href=\"", f);
		href(f, "/wachtlijst/signalen", &w->q, NULL, 1);
		fputs("\">Bekijk de signalen</a></p>\n", f);
	}
	filterformulier(f, w);
	weergave_links(f, w);
	if (w->q.weergave_k != WEERGAVE_LIJST) {
		if (groepen(w, &g, &ng) < 0) {
			fclose(b.f);
			free(b.data);
			wl_vrij(w);
			return WEB_FATAAL;
		}
		tabel_groepen(f, w, g, ng);
		groepen_vrij(g, ng);
	} else {
		size_t van = (size_t)w->q.pag.offset, n;

		paginas = w->n_sel == 0 ? 0
			  : ((int64_t)w->n_sel + w->q.pag.per_pagina - 1) / w->q.pag.per_pagina;
		n = van < w->n_sel ? w->n_sel - van : 0;
		if (n > (size_t)w->q.pag.per_pagina)
			n = (size_t)w->q.pag.per_pagina;
		snprintf(caption, sizeof caption, "%zu wachtende%s", w->n_sel,
			 w->n_sel == 1 ? "" : "n");
		if (paginas > 1)
			snprintf(caption + strlen(caption), sizeof caption - strlen(caption),
				 " (pagina %lld van %lld)", (long long)w->q.pag.pagina,
				 (long long)paginas);
		tabel_regels(f, w, w->sel + (n ? van : 0), n, caption);
		if (paginas > 1) {
			fputs("<nav class=\"paginering\" aria-label=\"Pagina's\"><ul>\n", f);
			if (w->q.pag.pagina > 1) {
				fputs("<li><a rel=\"prev\" href=\"", f);
				href(f, "/wachtlijst", &w->q, NULL, w->q.pag.pagina - 1);
				fputs("\">Vorige pagina</a></li>\n", f);
			}
			fprintf(f, "<li aria-current=\"page\">Pagina %lld van %lld</li>\n",
				(long long)w->q.pag.pagina, (long long)paginas);
			if (w->q.pag.pagina < paginas) {
				fputs("<li><a rel=\"next\" href=\"", f);
				href(f, "/wachtlijst", &w->q, NULL, w->q.pag.pagina + 1);
				fputs("\">Volgende pagina</a></li>\n", f);
			}
			fputs("</ul></nav>\n", f);
		}
	}
	pagina_html_einde(f);
	wl_vrij(w);
	return pagina_html_klaar(v, &b);
}

static enum web_uitslag scherm_signalen(struct web_verzoek *v)
{
	enum web_uitslag u;
	struct wl *w = wl_ophalen(v, "signalen", PER_PAGINA_HTML, 0, &u);
	const struct wachtlijst_regel **norm = NULL, **zorg = NULL;
	size_t nn = 0, nz = 0;
	struct web_buf b;
	char caption[120];
	FILE *f;

	if (!w)
		return u;
	if ((w->n_sel && (!(norm = calloc(w->n_sel, sizeof *norm)) ||
			  !(zorg = calloc(w->n_sel, sizeof *zorg)))) ||
	    web_buf_open(&b) < 0) {
		free(norm);
		free(zorg);
		wl_vrij(w);
		return WEB_FATAAL;
	}
	for (size_t i = 0; i < w->n_sel; i++) {
		unsigned s = wachtlijst_signalen(w->sel[i], w->q.peil);

		if (s & WACHTLIJST_SIGNAAL_ZORGELIJK)
			zorg[nz++] = w->sel[i];
		if (s & WACHTLIJST_SIGNAAL_NORM)
			norm[nn++] = w->sel[i];
	}
	f = b.f;
	pagina_html_begin(f, "Signalen wachtlijst", v->wie, "wachtlijst");
	uitleg_norm(f, w);
	if (mag_besluiten(v->wie))
		fputs("<p>Zorgelijk wachtenden die nog niet beoordeeld zijn: open de jeugdige en "
		      "bevestig of hef de status op, met een reden. Jeugdigen die de afgelopen "
		      "week boven de norm kwamen: overleg met de aanbieder over intake, start of "
		      "overbruggingszorg.</p>\n", f);
	else
		fputs("<p>Jeugdigen die de afgelopen week boven de norm kwamen: plan de intake of "
		      "start, of bied overbruggingszorg. Zorgelijk wachtenden beoordeelt de "
		      "gemeente of het lokale team; u ziet hier welke nog open staan.</p>\n", f);
	snprintf(caption, sizeof caption, "Nieuwe zorgelijk wachtenden, nog niet beoordeeld: %zu",
		 nz);
	tabel_regels(f, w, zorg, nz, caption);
	snprintf(caption, sizeof caption, "De afgelopen %d dagen boven de Treeknorm gekomen: %zu",
		 WACHTLIJST_SIGNAAL_DAGEN, nn);
	tabel_regels(f, w, norm, nn, caption);
	pagina_html_einde(f);
	free(norm);
	free(zorg);
	wl_vrij(w);
	return pagina_html_klaar(v, &b);
}

static void besluit_formulier(FILE *f, const struct toegang *wie, int64_t id)
{
	fprintf(f, "<form method=\"post\" action=\"/wachtlijst/%lld/zorgelijk\">\n"
		"<fieldset><legend>Status zorgelijk wachtend</legend>\n", (long long)id);
	pagina_csrf_veld(f, wie);
	fputs("<p><input type=\"radio\" id=\"besluit-b\" name=\"besluit\" "
	      "value=\"bevestigen\" required> <label for=\"besluit-b\">Bevestigen: deze "
	      "jeugdige is zorgelijk wachtend</label></p>\n"
	      "<p><input type=\"radio\" id=\"besluit-o\" name=\"besluit\" value=\"opheffen\"> "
	      "<label for=\"besluit-o\">Opheffen: niet (meer) zorgelijk</label></p>\n"
	      "<p><label for=\"reden\">Reden (verplicht, 5 tot 199 tekens)</label>\n"
	      "<textarea id=\"reden\" name=\"reden\" minlength=\"5\" maxlength=\"199\" rows=\"3\" "
	      "required></textarea></p>\n<p><button type=\"submit\">Vastleggen</button></p>\n"
	      "</fieldset></form>\n", f);
}

static enum web_uitslag scherm_een_antwoord(struct web_verzoek *v, struct wl *w)
{
	const struct wachtlijst_regel *r = w->sel[0];
	const struct traject *t = r->t;
	const struct netwerk *nw = netwerk_van(&w->data, t->agb);
	struct zorgelijk_historie *h;
	enum web_uitslag u;
	struct web_buf b;
	char buf[NAAM_LEN * 2 + 4], tijd[21], titel[200];
	size_t nh;
	FILE *f;

	if (historie(v, w, &h, &nh, &u) < 0) {
		wl_vrij(w);
		return u;
	}
	if (web_buf_open(&b) < 0) {
		free(h);
		wl_vrij(w);
		return WEB_FATAAL;
	}
	f = b.f;
	snprintf(titel, sizeof titel, "Wachtend: %s", naam(r, buf, sizeof buf));
	pagina_html_begin(f, titel, v->wie, "wachtlijst");
	fprintf(f, "<p><a href=\"/jeugdigen/%lld\">Dossier van de jeugdige</a> · "
		"<a href=\"/wachtlijst\">Terug naar de wachtlijst</a></p>\n",
		(long long)t->jeugdige_id);
	fputs("<dl class=\"gegevens\">\n<dt>Traject</dt><dd>", f);
	fprintf(f, "%lld</dd>\n<dt>Geboortedatum</dt><dd>", (long long)t->id);
	veld_html_datum(f, r->j ? r->j->geboortedatum : DAG_GEEN);
	fputs("</dd>\n<dt>Gemeente</dt><dd>", f);
	veld_html_tekst(f, gemeente_naam(&w->data, t->gemeente));
	fputs("</dd>\n<dt>Aanbieder</dt><dd>", f);
	veld_html_tekst(f, aanbieder_naam(&w->data, t->agb));
	fputs(" (", f);
	veld_html_tekst(f, t->agb);
	fputs(")</dd>\n<dt>Netwerk</dt><dd>", f);
	veld_html_tekst(f, nw ? nw->naam : "");
	fputs("</dd>\n<dt>Segment</dt><dd>", f);
	veld_html_tekst(f, segment_naam(&w->data, t->segment));
	fputs("</dd>\n<dt>Product</dt><dd>", f);
	veld_html_tekst(f, product_naam(&w->data, t->productcode));
	fputs("</dd>\n<dt>Aangemeld</dt><dd>", f);
	veld_html_datum(f, t->aanmelddatum);
	fputs("</dd>\n<dt>Intake</dt><dd>", f);
	veld_html_datum(f, r->fase == WACHTLIJST_FASE_START ? t->intakedatum : DAG_GEEN);
	fputs("</dd>\n<dt>Wacht</dt><dd>", f);
	h_dagen(f, r->dagen);
	fputs("</dd>\n<dt>Treeknorm</dt><dd>", f);
	h_norm(f, r);
	fputs("<br>Over de norm vanaf ", f);
	veld_html_datum(f, r->normgrens);
	fprintf(f, "</dd>\n<dt>Overbruggingszorg</dt><dd>%s</dd>\n<dt>Zorgelijk wachtend</dt><dd>",
		t->overbrugging ? "ja" : "nee");
	h_zorgelijk(f, r);
	fputs("</dd>\n</dl>\n", f);
	fputs("<div class=\"tabel\"><table>\n<caption>Besluiten over zorgelijk wachten</caption>\n"
	      "<thead><tr><th scope=\"col\">Tijdstip (UTC)</th><th scope=\"col\">Besluit</th>"
	      "<th scope=\"col\">Reden</th><th scope=\"col\">Door</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < nh; i++) {
		tijd_iso(h[i].b.tijdstip, tijd);
		fputs("<tr><td>", f);
		html_txt(f, tijd);
		fprintf(f, "</td><td>%s</td><td>", h[i].b.bevestigd ? "bevestigd" : "opgeheven");
		html_txt(f, h[i].b.reden);
		fputs("</td><td>", f);
		html_txt(f, h[i].b.door);
		if (h[i].rol[0]) {
			fputs(" (", f);
			html_txt(f, h[i].rol);
			fputs(")", f);
		}
		fputs("</td></tr>\n", f);
	}
	if (!nh)
		fputs("<tr><td colspan=\"4\">Nog geen besluiten.</td></tr>\n", f);
	fputs("</tbody>\n</table></div>\n", f);
	if (mag_besluiten(v->wie))
		besluit_formulier(f, v->wie, t->id);
	pagina_html_einde(f);
	free(h);
	wl_vrij(w);
	return pagina_html_klaar(v, &b);
}

static enum web_uitslag scherm_een(struct web_verzoek *v)
{
	int64_t id = query_id(v->param[0]);
	enum web_uitslag u;
	struct wl *w;

	if (!id)
		return niet_gevonden(v);
	w = wl_ophalen(v, "traject", 1, id, &u);
	return w ? scherm_een_antwoord(v, w) : u;
}

/* ---- a decision -------------------------------------------------------------------- */

static bool leeg(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static enum web_uitslag besluit(struct web_verzoek *v)
{
	int64_t id = query_id(v->param[0]);
	struct wl *w = calloc(1, sizeof *w);
	char csrf[160], keus[16], onbekend[FORMULIER_NAAM_MAX];
	const char *fout_veld = NULL;
	enum web_uitslag u = WEB_FATAAL;
	struct store *st;
	int rc;

	if (!w)
		return WEB_FATAAL;
	struct formulier_veld velden[] = {
		{ "csrf", csrf, sizeof csrf, false },
		{ "besluit", keus, sizeof keus, false },
		{ "reden", w->reden, sizeof w->reden, false },
	};
	if (!id) {
		u = niet_gevonden(v);
		goto klaar;
	}
	if (formulier_lees_strikt(v->body, v->body_len, velden, sizeof velden / sizeof velden[0],
				  &fout_veld, onbekend) < 0) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
				"Het formulier is niet te lezen: een onbekend of dubbel veld, een te "
				"lange waarde (reden: hoogstens 199 tekens) of een verkeerd teken. "
				"Gebruik de velden besluit en reden.");
		goto klaar;
	}
	if (strcmp(keus, "bevestigen") == 0) {
		w->bevestigd = true;
	} else if (strcmp(keus, "opheffen") != 0) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "besluit",
				"Veld 'besluit' moet 'bevestigen' of 'opheffen' zijn.");
		goto klaar;
	}
	if (leeg(w->reden) || strlen(w->reden) < REDEN_MIN) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "reden",
				"Geef een reden van minstens 5 tekens: waarom is deze jeugdige wel "
				"of niet zorgelijk wachtend? De reden komt in de geschiedenis.");
		goto klaar;
	}
	w->besluit = true;
	w->tijdstip = (int64_t)time(NULL);
	w->wie = v->wie;
	w->soort = "besluit";
	w->traject_id = id;
	w->q.peil = pagina_vandaag();
	w->q.fase_k = w->q.norm_k = w->q.zorgelijk_k = w->q.overbrugging_k = -1;
	pagina_scope(v, &w->scope);
	st = pagina_store(v, &u);
	if (!st)
		goto klaar;
	rc = store_transaction(st, wl_tx, w);
	if (rc < 0) {
		u = pagina_store_fout(v, st, rc);
		goto klaar;
	}
	if (rc == 0) {
		u = niet_gevonden(v);
		goto klaar;
	}
	if (strncmp(v->pad, "/api/", 5) == 0)
		return api_een_antwoord(v, w);
	{
		char doel[64];
		struct MHD_Response *resp = antwoord_maak(NULL, 0, false, NULL, ANTWOORD_DYNAMISCH);

		snprintf(doel, sizeof doel, "/wachtlijst/%lld", (long long)id);
		wl_vrij(w);
		if (!resp || !antwoord_header(resp, "Location", doel)) {
			if (resp)
				MHD_destroy_response(resp);
			return WEB_FATAAL;
		}
		return antwoord_zend(v->conn, MHD_HTTP_SEE_OTHER, resp);
	}
klaar:
	wl_vrij(w);
	return u;
}

/* ---- exports ------------------------------------------------------------------------ */

static void csv_getal(FILE *f, int64_t v)
{
	fprintf(f, ";%lld", (long long)v);
}

static const char *const export_kop[] = {
	"traject", "jeugdige", "naam", "geboortedatum", "gemeente", "gemeente naam",
	"aanbieder (AGB)", "aanbieder", "netwerk", "segment", "productcode", "product",
	"aanmelddatum", "intakedatum", "wacht op", "wachtdagen", "norm intake (dagen)",
	"norm start (dagen)", "dagen tot intake", "dagen na intake", "boven norm", "over norm vanaf",
	"overbrugging", "risico's", "zorgelijk", "besluit", "reden besluit",
};

/* The column values of row r that are text, in export_kop order; numbers
 * and dates are written by the callers. */
struct export_regel {
	char naam[NAAM_LEN * 2 + 4];
	char risico[256];
	const char *netwerk;
	const char *besluit;
};

static void export_vul(const struct wl *w, const struct wachtlijst_regel *r,
		       struct export_regel *e)
{
	const struct netwerk *nw = netwerk_van(&w->data, r->t->agb);

	naam(r, e->naam, sizeof e->naam);
	wachtlijst_risico_tekst(r->risico, e->risico, sizeof e->risico);
	e->netwerk = nw ? nw->naam : "";
	e->besluit = r->besluit ? (r->besluit->bevestigd ? "bevestigd" : "opgeheven") : "";
}

static void bestandsnaam(char *buf, size_t n, dag_t peil, const char *ext)
{
	char d[11];

	snprintf(buf, n, "wachtlijst-%s.%s", datum_fmt(peil, d), ext);
}

static enum web_uitslag export_csv(struct web_verzoek *v)
{
	enum web_uitslag u;
	struct wl *w = wl_ophalen(v, "export csv", PER_PAGINA_HTML, 0, &u);
	struct export_regel e;
	struct web_buf b;
	char d[11], bestand[96];
	FILE *f;

	if (!w)
		return u;
	if (web_buf_open(&b) < 0) {
		wl_vrij(w);
		return WEB_FATAAL;
	}
	f = b.f;
	download_csv_kop(f, export_kop, sizeof export_kop / sizeof export_kop[0]);
	for (size_t i = 0; i < w->n_sel; i++) {
		const struct wachtlijst_regel *r = w->sel[i];
		const struct traject *t = r->t;

		export_vul(w, r, &e);
		fprintf(f, "%lld", (long long)t->id);
		csv_getal(f, t->jeugdige_id);
		download_csv_veld(f, e.naam, false);
		download_csv_veld(f, r->j && r->j->geboortedatum != DAG_GEEN ?
				    datum_fmt(r->j->geboortedatum, d) : "", false);
		download_csv_veld(f, t->gemeente, false);
		download_csv_veld(f, gemeente_naam(&w->data, t->gemeente), false);
		download_csv_veld(f, t->agb, false);
		download_csv_veld(f, aanbieder_naam(&w->data, t->agb), false);
		download_csv_veld(f, e.netwerk, false);
		download_csv_veld(f, segment_naam(&w->data, t->segment), false);
		download_csv_veld(f, t->productcode, false);
		download_csv_veld(f, product_naam(&w->data, t->productcode), false);
		download_csv_veld(f, datum_fmt(t->aanmelddatum, d), false);
		download_csv_veld(f, r->fase == WACHTLIJST_FASE_START ? datum_fmt(t->intakedatum, d) : "",
			 false);
		download_csv_veld(f, fase_naam(r->fase), false);
		csv_getal(f, r->dagen);
		csv_getal(f, r->norm_intake);
		csv_getal(f, r->norm_start);
		csv_getal(f, r->dagen_tot_intake);
		if (r->fase == WACHTLIJST_FASE_START)
			csv_getal(f, r->dagen_na_intake);
		else
			fputc(';', f);
		download_csv_veld(f, r->boven_norm ? "ja" : "nee", false);
		download_csv_veld(f, datum_fmt(r->normgrens, d), false);
		download_csv_veld(f, t->overbrugging ? "ja" : "nee", false);
		download_csv_veld(f, e.risico, false);
		download_csv_veld(f, r->zorgelijk ? "ja" : "nee", false);
		download_csv_veld(f, e.besluit, false);
		download_csv_veld(f, r->besluit ? r->besluit->reden : "", false);
		fputs("\r\n", f);
	}
	bestandsnaam(bestand, sizeof bestand, w->q.peil, "csv");
	wl_vrij(w);
	if (web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	return download_zend(v, b.data, b.len, DOWNLOAD_CSV_TYPE, bestand);
}

static enum web_uitslag export_xlsx(struct web_verzoek *v)
{
	enum web_uitslag u;
	struct wl *w = wl_ophalen(v, "export xlsx", PER_PAGINA_HTML, 0, &u);
	struct xlsx *x;
	struct export_regel e;
	unsigned char *data;
	size_t len;
	char bestand[96];
	int rc = 0;

	if (!w)
		return u;
	x = xlsx_nieuw("Wachtlijst");
	if (!x) {
		wl_vrij(w);
		return WEB_FATAAL;
	}
	for (size_t k = 0; k < sizeof export_kop / sizeof export_kop[0]; k++)
		rc |= xlsx_kop(x, export_kop[k]);
	for (size_t i = 0; i < w->n_sel && rc == 0; i++) {
		const struct wachtlijst_regel *r = w->sel[i];
		const struct traject *t = r->t;

		export_vul(w, r, &e);
		rc |= xlsx_rij(x);
		rc |= xlsx_getal(x, t->id);
		rc |= xlsx_getal(x, t->jeugdige_id);
		rc |= xlsx_tekst(x, e.naam);
		rc |= r->j && r->j->geboortedatum != DAG_GEEN ? xlsx_datum(x, r->j->geboortedatum)
							      : xlsx_leeg(x);
		rc |= xlsx_tekst(x, t->gemeente);
		rc |= xlsx_tekst(x, gemeente_naam(&w->data, t->gemeente));
		rc |= xlsx_tekst(x, t->agb);
		rc |= xlsx_tekst(x, aanbieder_naam(&w->data, t->agb));
		rc |= xlsx_tekst(x, e.netwerk);
		rc |= xlsx_tekst(x, segment_naam(&w->data, t->segment));
		rc |= xlsx_tekst(x, t->productcode);
		rc |= xlsx_tekst(x, product_naam(&w->data, t->productcode));
		rc |= xlsx_datum(x, t->aanmelddatum);
		rc |= r->fase == WACHTLIJST_FASE_START ? xlsx_datum(x, t->intakedatum)
						       : xlsx_leeg(x);
		rc |= xlsx_tekst(x, fase_naam(r->fase));
		rc |= xlsx_getal(x, r->dagen);
		rc |= xlsx_getal(x, r->norm_intake);
		rc |= xlsx_getal(x, r->norm_start);
		rc |= xlsx_getal(x, r->dagen_tot_intake);
		rc |= r->fase == WACHTLIJST_FASE_START ? xlsx_getal(x, r->dagen_na_intake)
						       : xlsx_leeg(x);
		rc |= xlsx_tekst(x, r->boven_norm ? "ja" : "nee");
		rc |= xlsx_datum(x, r->normgrens);
		rc |= xlsx_tekst(x, t->overbrugging ? "ja" : "nee");
		rc |= xlsx_tekst(x, e.risico);
		rc |= xlsx_tekst(x, r->zorgelijk ? "ja" : "nee");
		rc |= xlsx_tekst(x, e.besluit);
		rc |= xlsx_tekst(x, r->besluit ? r->besluit->reden : "");
	}
	bestandsnaam(bestand, sizeof bestand, w->q.peil, "xlsx");
	wl_vrij(w);
	if (rc != 0) {
		xlsx_vrij(x);
		return WEB_FATAAL;
	}
	if (xlsx_klaar(x, &data, &len) < 0)
		return WEB_FATAAL;
	return download_zend(v, data, len, DOWNLOAD_XLSX_TYPE, bestand);
}

/* ---- the Treeknorm per segment ------------------------------------------------------- */

static int norms_lees(struct web_verzoek *v, struct treeknorm norms[SEGMENT_AANTAL],
		      enum web_uitslag *u)
{
	struct store *st = pagina_store(v, u);
	int rc;

	if (!st)
		return -1;
	rc = store_treeknormen(st, norms);
	if (rc < 0) {
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	return 0;
}

static enum web_uitslag api_treeknorm(struct web_verzoek *v)
{
	struct treeknorm norms[SEGMENT_AANTAL];
	enum web_uitslag u;
	struct web_buf b;
	struct json j;

	if (query_lees(v, NULL, 0, &u) < 0 || norms_lees(v, norms, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_norms(&j, norms);
	json_object_end(&j);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag scherm_treeknorm(struct web_verzoek *v)
{
	static const char *const namen[SEGMENT_AANTAL] = {
		"", "Behandeling met verblijf", "Wonen", "Dagbehandeling en dagbesteding",
		"Ambulante jeugdhulp", "Onderwijs", "Crisis", "Veiligheid",
	};
	struct treeknorm norms[SEGMENT_AANTAL];
	bool beheer = toegang_eis_ok(v->wie, EIS_BEHEER);
	enum web_uitslag u;
	struct web_buf b;
	FILE *f;

	if (query_lees(v, NULL, 0, &u) < 0 || norms_lees(v, norms, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	f = b.f;
	pagina_html_begin(f, "Treeknorm per segment", v->wie, "wachtlijst");
	fputs("<p>De Treeknorm is de maximaal aanvaardbare wachttijd: standaard 4 weken (28 "
	      "dagen) van aanmelding tot intake en 10 weken (70 dagen) van intake tot start. "
	      "Voor crisis geldt 1 dag.</p>\n", f);
	if (beheer) {
		fputs("<form method=\"post\" action=\"/wachtlijst/treeknorm\">\n", f);
		pagina_csrf_veld(f, v->wie);
	}
	fputs("<div class=\"tabel\"><table>\n<caption>Norm in dagen</caption>\n<thead><tr>"
	      "<th scope=\"col\">Segment</th><th scope=\"col\">Aanmelding tot intake</th>"
	      "<th scope=\"col\">Intake tot start</th></tr></thead>\n<tbody>\n", f);
	for (int s = 1; s < SEGMENT_AANTAL; s++) {
		fprintf(f, "<tr><th scope=\"row\">%d %s</th>", s, namen[s]);
		if (beheer)
			fprintf(f, "<td><label class=\"verborgen\" for=\"i%d\">Tot intake, segment %d"
				"</label><input id=\"i%d\" name=\"intake_%d\" type=\"number\" min=\"0\" "
				"max=\"730\" value=\"%d\"></td><td><label class=\"verborgen\" "
				"for=\"s%d\">Tot start, segment %d</label><input id=\"s%d\" "
				"name=\"start_%d\" type=\"number\" min=\"0\" max=\"730\" value=\"%d\">"
				"</td></tr>\n", s, s, s, s, norms[s].tot_intake, s, s, s, s,
				norms[s].intake_tot_start);
		else
			fprintf(f, "<td>%d</td><td>%d</td></tr>\n", norms[s].tot_intake,
				norms[s].intake_tot_start);
	}
	fputs("</tbody>\n</table></div>\n", f);
	if (beheer)
		fputs("<p><button type=\"submit\">Normen opslaan</button></p>\n</form>\n", f);
	pagina_html_einde(f);
	return pagina_html_klaar(v, &b);
}

struct norm_tx {
	const struct toegang *wie;
	struct treeknorm norms[SEGMENT_AANTAL];
	bool gegeven[SEGMENT_AANTAL][2];
};

static int norm_tx(struct store *st, void *arg)
{
	struct norm_tx *a = arg;
	struct treeknorm oud[SEGMENT_AANTAL];
	char nu[21], object[200];
	size_t k = 0;
	int rc = store_treeknormen(st, oud);

	if (rc < 0)
		return rc;
	store_nu_iso(nu);
	k += (size_t)snprintf(object, sizeof object, "treeknorm:");
	for (int s = 1; s < SEGMENT_AANTAL; s++) {
		int32_t i = a->gegeven[s][0] ? a->norms[s].tot_intake : oud[s].tot_intake;
		int32_t b = a->gegeven[s][1] ? a->norms[s].intake_tot_start : oud[s].intake_tot_start;

		if (i == oud[s].tot_intake && b == oud[s].intake_tot_start)
			continue;
		rc = store_treeknorm_zet(st, s, i, b, a->wie->naam, nu);
		if (rc < 0)
			return rc;
		if (k < sizeof object)
			k += (size_t)snprintf(object + k, sizeof object - k, " %d=%d+%d", s, i, b);
	}
	rc = auditspoor_schrijf(st, a->wie, "beheer", 0, object);
	if (rc < 0)
		return rc;
	/* Judgements against the norm change with it. */
	return store_data_versie_verhoog(st);
}

static enum web_uitslag treeknorm_zet(struct web_verzoek *v)
{
	struct norm_tx *a = calloc(1, sizeof *a);
	char waarden[SEGMENT_AANTAL][2][8], csrf[160], onbekend[FORMULIER_NAAM_MAX];
	char namen[SEGMENT_AANTAL][2][20];
	struct formulier_veld velden[1 + 2 * (SEGMENT_AANTAL - 1)];
	const char *fout_veld = NULL;
	enum web_uitslag u = WEB_FATAAL;
	struct store *st;
	size_t n = 0;
	int rc;

	if (!a)
		return WEB_FATAAL;
	memset(waarden, 0, sizeof waarden);
	velden[n++] = (struct formulier_veld){ "csrf", csrf, sizeof csrf, false };
	for (int s = 1; s < SEGMENT_AANTAL; s++) {
		snprintf(namen[s][0], sizeof namen[s][0], "intake_%d", s);
		snprintf(namen[s][1], sizeof namen[s][1], "start_%d", s);
		for (int k = 0; k < 2; k++)
			velden[n++] = (struct formulier_veld){ namen[s][k], waarden[s][k],
							       sizeof waarden[s][k], false };
	}
	if (formulier_lees_strikt(v->body, v->body_len, velden, n, &fout_veld, onbekend) < 0) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
				"Het formulier is niet te lezen. Gebruik de velden intake_1 .. "
				"intake_7 en start_1 .. start_7 (dagen, 0 tot en met 730).");
		goto klaar;
	}
	for (int s = 1; s < SEGMENT_AANTAL; s++)
		for (int k = 0; k < 2; k++) {
			const char *w = waarden[s][k];

			if (!w[0])
				continue;
			if (!query_cijfers(w, 1, 3) || atoi(w) > 730) {
				u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter",
						namen[s][k], "Een norm is een aantal dagen van 0 tot en "
						"met 730 (twee jaar).");
				goto klaar;
			}
			a->gegeven[s][k] = true;
			if (k == 0)
				a->norms[s].tot_intake = atoi(w);
			else
				a->norms[s].intake_tot_start = atoi(w);
		}
	a->wie = v->wie;
	st = pagina_store(v, &u);
	if (!st)
		goto klaar;
	rc = store_transaction(st, norm_tx, a);
	if (rc < 0) {
		u = pagina_store_fout(v, st, rc);
		goto klaar;
	}
	if (strncmp(v->pad, "/api/", 5) == 0) {
		free(a);
		return api_treeknorm(v);
	} else {
		struct MHD_Response *r = antwoord_maak(NULL, 0, false, NULL, ANTWOORD_DYNAMISCH);

		free(a);
		if (!r || !antwoord_header(r, "Location", "/wachtlijst/treeknorm")) {
			if (r)
				MHD_destroy_response(r);
			return WEB_FATAAL;
		}
		return antwoord_zend(v->conn, MHD_HTTP_SEE_OTHER, r);
	}
klaar:
	free(a);
	return u;
}

/* ---- public waiting times ----------------------------------------------------------
 *
 * Per segment and per provider within it: the completed waits (aanmelding
 * to start, kpi_wachttijd) of the trajectories that started in the 12
 * months ending on the peildatum of the figures (the record's date, as the
 * indicators use it), with the median, the 80th percentile and the share
 * within the Treeknorm. Published as DOMAIN.md §5 says: the number of
 * starts per provider goes through onthulling_tabel (providers as rows,
 * the segment as total: "<10", rounded to 5, a second cell hidden where a
 * total would give one away); the waits of a hidden cell are not shown.
 * The figures are the same for everyone, logged in or not.
 */

struct wt_cel {
	char agb[AGB_LEN];            /* "" the segment as a whole */
	char naam[NAAM_LEN];
	struct kpi_wachttijd w;
	struct onthulde_cel starts;
};

struct wt_segment {
	int nr;
	char naam[NAAM_LEN];
	struct treeknorm norm;
	struct wt_cel totaal;
	struct wt_cel *aanbieders;
	size_t n;
};

struct wt {
	dag_t peildatum, van;
	struct wt_segment seg[SEGMENT_AANTAL];
};

static void wt_vrij(struct wt *w)
{
	if (!w)
		return;
	for (int s = 0; s < SEGMENT_AANTAL; s++)
		free(w->seg[s].aanbieders);
	free(w);
}

static int cmp_agb(const void *x, const void *y)
{
	return strcmp(((const struct wt_cel *)x)->agb, ((const struct wt_cel *)y)->agb);
}

/* Compute the figures from stand s. NULL when out of memory. */
static struct wt *wt_bereken(struct cijfers_stand *s, const struct treeknorm norms[SEGMENT_AANTAL],
			     const struct wachtlijst_segment *segnamen, size_t n_segnamen)
{
	const struct kpi_data *d = cijfers_data(s);
	struct kpi_rapport_perioden per;
	struct wt *w = calloc(1, sizeof *w);
	int rc = 0;

	if (!w)
		return NULL;
	w->peildatum = cijfers_peildatum(s);
	kpi_rapport_perioden(w->peildatum, &per);
	w->van = per.m12_van;
	for (int nr = 1; nr < SEGMENT_AANTAL && rc == 0; nr++) {
		struct wt_segment *g = &w->seg[nr];
		struct kpi_filter f = { NULL, nr, NULL };
		int64_t *cellen;
		struct onthulde_cel *uit;

		g->nr = nr;
		g->norm = norms[nr];
		for (size_t i = 0; i < n_segnamen; i++)
			if (segnamen[i].nr == nr)
				snprintf(g->naam, sizeof g->naam, "%s", segnamen[i].naam);
		/* The providers with a start of this segment in the window. */
		for (size_t k = 0; k < d->n_trajecten; k++) {
			const struct traject *t = &d->trajecten[k];
			size_t j;

			if (t->segment != nr || !t->agb[0] || t->begindatum == DAG_GEEN ||
			    t->begindatum < w->van || t->begindatum > w->peildatum)
				continue;
			for (j = 0; j < g->n; j++)
				if (strcmp(g->aanbieders[j].agb, t->agb) == 0)
					break;
			if (j < g->n)
				continue;
			struct wt_cel *m = realloc(g->aanbieders, (g->n + 1) * sizeof *m);

			if (!m) {
				rc = -1;
				break;
			}
			g->aanbieders = m;
			memset(&m[g->n], 0, sizeof m[g->n]);
			snprintf(m[g->n].agb, sizeof m[g->n].agb, "%s", t->agb);
			g->n++;
		}
		if (rc)
			break;
		if (g->n)
			qsort(g->aanbieders, g->n, sizeof *g->aanbieders, cmp_agb);
		rc |= kpi_wachttijd(d, &f, w->van, w->peildatum, w->peildatum, norms, &g->totaal.w);
		for (size_t j = 0; j < g->n && rc == 0; j++) {
			const struct aanbieder *a = cijfers_aanbieder(s, g->aanbieders[j].agb);

			f.agb = g->aanbieders[j].agb;
			if (a)
				snprintf(g->aanbieders[j].naam, sizeof g->aanbieders[j].naam, "%s",
					 a->naam);
			rc |= kpi_wachttijd(d, &f, w->van, w->peildatum, w->peildatum, norms,
					    &g->aanbieders[j].w);
		}
		if (rc)
			break;
		cellen = calloc(g->n + 1, sizeof *cellen);
		uit = calloc(2 * (g->n + 1), sizeof *uit);
		if (!cellen || !uit) {
			free(cellen);
			free(uit);
			rc = -1;
			break;
		}
		for (size_t j = 0; j < g->n; j++)
			cellen[j] = (int64_t)g->aanbieders[j].w.totaal.n;
		if (g->n == 0) {
			onthulling_cel((int64_t)g->totaal.w.totaal.n, &g->totaal.starts);
		} else if (onthulling_tabel(cellen, g->n, 1, true, uit) == 0) {
			/* (n + 1) x 2 cells: each provider and its row total, then
			 * the column total and the grand total. */
			for (size_t j = 0; j < g->n; j++)
				g->aanbieders[j].starts = uit[2 * j];
			g->totaal.starts = uit[2 * g->n];
		} else {
			rc = -1;
		}
		free(cellen);
		free(uit);
	}
	if (rc) {
		wt_vrij(w);
		return NULL;
	}
	return w;
}

/* The figures of w may be shown: enough starts, not hidden. */
static bool wt_zichtbaar(const struct wt_cel *c)
{
	return c->starts.status == ONTHULLING_ZICHTBAAR && c->w.totaal.n >= ONTHULLING_GRENS;
}

static int32_t weken_omhoog(double dagen)
{
	return (int32_t)((dagen + 6.999) / 7);
}

static int percent_binnen(const struct kpi_wachttijd *w)
{
	return (int)((1.0 - w->aandeel_boven_norm) * 100.0 + 0.5);
}

static void json_wt_cel(struct json *j, const struct wt_cel *c)
{
	char buf[24];

	json_object_begin(j);
	if (c->agb[0]) {
		veld_json_tekst(j, "agb", c->agb);
		veld_json_tekst(j, "naam", c->naam);
	}
	json_key(j, "gestart");
	if (c->starts.status == ONTHULLING_ZICHTBAAR)
		json_int(j, c->starts.waarde);
	else
		json_null(j);
	veld_json_tekst(j, "gestart_weergave", onthulling_tekst(&c->starts, buf));
	j_bool(j, "onderdrukt", !wt_zichtbaar(c));
	json_key(j, "mediaan_dagen");
	if (wt_zichtbaar(c))
		json_fixed(j, c->w.totaal.mediaan, 1);
	else
		json_null(j);
	json_key(j, "p80_dagen");
	if (wt_zichtbaar(c))
		json_int(j, c->w.totaal.p80);
	else
		json_null(j);
	json_key(j, "binnen_treeknorm_procent");
	if (wt_zichtbaar(c))
		json_int(j, percent_binnen(&c->w));
	else
		json_null(j);
	json_object_end(j);
}

/* Compute for v, answering errors. NULL with *u set. */
static struct wt *wt_ophalen(struct web_verzoek *v, enum web_uitslag *u)
{
	struct treeknorm norms[SEGMENT_AANTAL];
	struct wachtlijst_segment *segs = NULL;
	struct cijfers_stand *s = NULL;
	struct store *st;
	struct wt *w;
	size_t ns = 0;
	int rc;

	if (query_lees(v, NULL, 0, u) < 0)
		return NULL;
	st = pagina_store(v, u);
	if (!st)
		return NULL;
	rc = store_treeknormen(st, norms);
	if (rc >= 0)
		rc = store_wachtlijst_segmenten(st, &segs, &ns);
	if (rc >= 0)
		rc = cijfers_pak(st, &s);
	if (rc < 0) {
		free(segs);
		*u = pagina_store_fout(v, st, rc);
		return NULL;
	}
	w = wt_bereken(s, norms, segs, ns);
	cijfers_laat(s);
	free(segs);
	if (!w)
		*u = WEB_FATAAL;
	return w;
}

static enum web_uitslag api_wachttijden(struct web_verzoek *v)
{
	enum web_uitslag u;
	struct wt *w = wt_ophalen(v, &u);
	struct web_buf b;
	struct json j;

	if (!w)
		return u;
	if (web_buf_open(&b) < 0) {
		wt_vrij(w);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	veld_json_datum(&j, "peildatum", w->peildatum);
	veld_json_datum(&j, "starts_vanaf", w->van);
	veld_json_tekst(&j, "toelichting",
			"Wachttijd van aanmelding tot start van de hulp, over de trajecten die in "
			"de 12 maanden tot de peildatum begonnen. Aantallen onder 10 zijn als <10 "
			"getoond en zonder wachttijden; andere aantallen zijn afgerond op 5.");
	json_key(&j, "segmenten");
	json_array_begin(&j);
	for (int nr = 1; nr < SEGMENT_AANTAL; nr++) {
		const struct wt_segment *g = &w->seg[nr];

		json_object_begin(&j);
		j_getal(&j, "segment", nr);
		veld_json_tekst(&j, "naam", g->naam);
		j_getal(&j, "treeknorm_dagen", g->norm.tot_intake + g->norm.intake_tot_start);
		json_key(&j, "totaal");
		json_wt_cel(&j, &g->totaal);
		json_key(&j, "aanbieders");
		json_array_begin(&j);
		for (size_t k = 0; k < g->n; k++)
			json_wt_cel(&j, &g->aanbieders[k]);
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	wt_vrij(w);
	return pagina_json_klaar(v, &b, &j);
}

static void h_wt_cel(FILE *f, const struct wt_cel *c, const char *kop)
{
	char buf[24];

	fputs("<tr><th scope=\"row\">", f);
	html_txt(f, kop);
	fputs("</th><td>", f);
	html_txt(f, onthulling_tekst(&c->starts, buf));
	if (wt_zichtbaar(c))
		fprintf(f, "</td><td>%d weken</td><td>%d weken</td><td>%d%%</td></tr>\n",
			weken_omhoog(c->w.totaal.mediaan), weken_omhoog(c->w.totaal.p80),
			percent_binnen(&c->w));
	else
		fputs("</td><td colspan=\"3\">te weinig gegevens om een wachttijd te noemen"
		      "</td></tr>\n", f);
}

static enum web_uitslag scherm_wachttijden(struct web_verzoek *v)
{
	enum web_uitslag u;
	struct wt *w = wt_ophalen(v, &u);
	struct web_buf b;
	char d1[11], d2[11];
	FILE *f;

	if (!w)
		return u;
	if (web_buf_open(&b) < 0) {
		wt_vrij(w);
		return WEB_FATAAL;
	}
	f = b.f;
	pagina_html_begin(f, "Hoe lang is het wachten op jeugdhulp?", v->wie, "wachttijden");
	fprintf(f, "<p>Hier ziet u hoe lang kinderen en jongeren in de regio het afgelopen jaar "
		"moesten wachten van de aanmelding bij een zorgaanbieder tot de hulp echt begon. "
		"De cijfers gaan over de hulp die begon tussen <time datetime=\"%s\">%s</time> en "
		"<time datetime=\"%s\">%s</time>.</p>\n", datum_fmt(w->van, d1), d1,
		datum_fmt(w->peildatum, d2), d2);
	fputs("<p><strong>Zo leest u de tabel.</strong> ‘De helft begon binnen’: de helft van "
	      "de kinderen kon binnen die tijd starten, de andere helft wachtte langer. ‘8 van de "
	      "10 binnen’: zo lang duurde het voor 8 van de 10 kinderen. ‘Op tijd’: het deel "
	      "dat binnen de afgesproken maximale wachttijd (de Treeknorm) begon. Uw eigen "
	      "wachttijd kan anders zijn: vraag de aanbieder of uw wijkteam ernaar.</p>\n"
	      "<p>Om niemand herkenbaar te maken tonen we aantallen onder de 10 als ‘&lt;10’, "
	      "zonder wachttijd, en ronden we andere aantallen af op 5.</p>\n", f);
	for (int nr = 1; nr < SEGMENT_AANTAL; nr++) {
		const struct wt_segment *g = &w->seg[nr];

		fputs("<div class=\"tabel\"><table class=\"wachttijden\">\n<caption>", f);
		html_txt(f, g->naam);
		fprintf(f, " — afgesproken maximale wachttijd: %d weken</caption>\n",
			weken_omhoog(g->norm.tot_intake + g->norm.intake_tot_start));
		fputs("<thead><tr><th scope=\"col\">Aanbieder</th><th scope=\"col\">Begonnen</th>"
		      "<th scope=\"col\">De helft begon binnen</th>"
		      "<th scope=\"col\">8 van de 10 binnen</th><th scope=\"col\">Op tijd</th>"
		      "</tr></thead>\n<tbody>\n", f);
		h_wt_cel(f, &g->totaal, "Alle aanbieders samen");
		for (size_t k = 0; k < g->n; k++)
			h_wt_cel(f, &g->aanbieders[k], g->aanbieders[k].naam[0]
						       ? g->aanbieders[k].naam
						       : g->aanbieders[k].agb);
		fputs("</tbody>\n</table></div>\n", f);
	}
	fputs("<p>Ook als gegevens voor computers: <a href=\"/api/v1/wachttijden\">"
	      "/api/v1/wachttijden</a> (JSON).</p>\n", f);
	pagina_html_einde(f);
	wt_vrij(w);
	return pagina_html_klaar(v, &b);
}

/* Literal paths before "{traject}": the first pattern that fits wins. */
const struct route wachtlijst_routes[] = {
	{ "GET", "/api/v1/wachtlijst", api_lijst, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/wachtlijst/overzicht", api_overzicht, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/wachtlijst/signalen", api_signalen, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/wachtlijst/{traject}", api_een, EIS_PERSOONSGEGEVENS },
	{ "POST", "/api/v1/wachtlijst/{traject}/zorgelijk", besluit, EIS_GEMEENTELIJK },
	{ "GET", "/api/v1/treeknorm", api_treeknorm, EIS_PUBLIEK },
	{ "POST", "/api/v1/treeknorm", treeknorm_zet, EIS_BEHEER },
	{ "GET", "/wachtlijst", scherm_lijst, EIS_PERSOONSGEGEVENS },
	{ "GET", "/wachtlijst/export.csv", export_csv, EIS_PERSOONSGEGEVENS },
	{ "GET", "/wachtlijst/export.xlsx", export_xlsx, EIS_PERSOONSGEGEVENS },
	{ "GET", "/wachtlijst/signalen", scherm_signalen, EIS_PERSOONSGEGEVENS },
	{ "GET", "/wachtlijst/treeknorm", scherm_treeknorm, EIS_PUBLIEK },
	{ "POST", "/wachtlijst/treeknorm", treeknorm_zet, EIS_BEHEER },
	{ "GET", "/wachtlijst/{traject}", scherm_een, EIS_PERSOONSGEGEVENS },
	{ "POST", "/wachtlijst/{traject}/zorgelijk", besluit, EIS_GEMEENTELIJK },
	{ "GET", "/wachttijden", scherm_wachttijden, EIS_PUBLIEK },
	{ "GET", "/api/v1/wachttijden", api_wachttijden, EIS_PUBLIEK },
};
const size_t wachtlijst_routes_n = sizeof wachtlijst_routes / sizeof wachtlijst_routes[0];
