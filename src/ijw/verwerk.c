/* ijw/verwerk: see verwerk.h.
 *
 * The record and the messages: traject.begindatum is the begindatum of
 * the actual start of care on the toewijzing (a restart after an
 * interruption moves it), so the key of a 307 (TR382) is compared with
 * it. A 305 on a toewijzing without a traject row (given outside the
 * region's registration) is accepted and kept in the inbox only; a 305
 * after a definitive stop starts a new traject (a copy of the ended one).
 */
#include "ijw/verwerk.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/traject.h"
#include "ijw/bericht.h"
#include "ijw/intern.h"
#include "ijw/productlijst.h"
#include "ijw/regel.h"
#include "ijw/uitgaand.h"
#include "store/cijfers_store.h"
#include "store/ijw_store.h"
#include "store/maandcijfers_delta.h"
#include "store/maandcijfers_store.h"
#include "store/store.h"
#include "store/verzoek_store.h"

/* The XSD version we answer with (IV034: copied from the appinfo of the
 * schemas in data/ijw/3.2/; see DIGEST §9 on 0.1.0). */
#define XSD_VERSIE "0.1.0"
/* XsltVersie: the version of the official validation XSLT whose
 * in-message rules ijw/intern.c implements (DIGEST, source [XSLT]); every
 * retourbericht carries it, as it must when it rejects on them (IV033).
 * The answer follows the control levels (IV028, IV032): a message that
 * fails the XSD or cannot be read is rejected whole with no retourbericht,
 * the sender gets the error instead (OP047, OP286, OP090x2); an
 * in-message rule gives a header-only retour with 0001; otherwise the
 * classes come back with 0200, 0233 or the rule's code. */
#define XSLT_VERSIE "2.10.5"

struct verwerk {
	struct store *st;
	const struct ijw_verwerk_context *ctx;
	const void *xml;
	size_t len;
	char *xml_tekst;               /* NUL-terminated copy; NULL: not storable */
	struct ijw_document doc;
	struct ijw_bericht *b;         /* NULL when level 1 failed */
	struct ijw_uitkomst *out;
	/* findings: before the transaction (levels 1, 2) and during it */
	struct ijw_bevinding *bev;
	size_t n_bev, cap_bev, n_vooraf;
	struct ijw_inbox rij;
	bool veranderd;                /* the record changed: raise data.versie */
	/* Requests of a 315/317, inserted after the message row they refer to. */
	struct ijw_verzoek_rij *verzoeken;
	size_t n_verzoeken, cap_verzoeken;
	/* TR056: the findings stored with the earlier message. */
	struct ijw_bevinding *bev_herhaald;
	size_t n_bev_herhaald;
	/* What the transaction does with it (voorbereid). */
	enum { PAD_FOUT, PAD_INBOX, PAD_VOLLEDIG } pad;
	/* This message failed on its own (memory, the XML library, the
	 * store): nothing of it is in; fout says why. */
	bool gefaald;
	char fout[512];
	/* The reeks's pending aggregate deltas of new Prestaties. */
	struct maandcijfers_delta **mc_delta;
};

static const char *const status_namen[] = {
	[IJW_VERWERKT] = "verwerkt",
	[IJW_AFGEKEURD_XSD] = "afgekeurd_xsd",
	[IJW_AFGEKEURD] = "afgekeurd",
	[IJW_DEELS_AFGEKEURD] = "deels_afgekeurd",
	[IJW_GEWEIGERD] = "geweigerd",
};

const char *ijw_verwerk_status_naam(enum ijw_verwerk_status s)
{
	switch (s) {
	case IJW_VERWERKT:
	case IJW_AFGEKEURD_XSD:
	case IJW_AFGEKEURD:
	case IJW_DEELS_AFGEKEURD:
	case IJW_GEWEIGERD:
		return status_namen[s];
	}
	return "onbekend";
}

static bool status_van_naam(const char *naam, enum ijw_verwerk_status *s)
{
	for (size_t i = 0; i < sizeof status_namen / sizeof status_namen[0]; i++)
		if (strcmp(status_namen[i], naam) == 0) {
			*s = (enum ijw_verwerk_status)i;
			return true;
		}
	return false;
}

void ijw_uitkomst_vrij(struct ijw_uitkomst *u)
{
	if (!u)
		return;
	free(u->retour);
	free(u->bevindingen);
	free(u->fout);
	memset(u, 0, sizeof *u);
}

/* Copy src into dst[n], cut at n - 1 bytes (the columns and fields
 * the values come from are checked to fit, so this only guards). */
static void kopieer(char *dst, size_t n, const char *src)
{
	size_t len = strnlen(src, n - 1);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* ---- findings ----------------------------------------------------------- */

/* A failure of this message alone, before the transaction (voorbereid
 * runs beside it on another thread, so it does not touch the store). */
__attribute__((format(printf, 2, 3)))
static int eigen_fout(struct verwerk *v, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v->fout, sizeof v->fout, fmt, ap);
	va_end(ap);
	v->gefaald = true;
	return -2;
}

__attribute__((format(printf, 4, 5)))
static int bevinding(struct verwerk *v, const char *code, const char *pad, const char *fmt, ...)
{
	struct ijw_bevinding *b;
	va_list ap;

	if (v->n_bev == v->cap_bev) {
		size_t nc = v->cap_bev ? v->cap_bev * 2 : 16;
		struct ijw_bevinding *p = realloc(v->bev, nc * sizeof *p);

		if (!p)
			return v->st ? store_set_error(v->st, "onvoldoende geheugen voor bevindingen")
				     : eigen_fout(v, "onvoldoende geheugen voor bevindingen");
		v->bev = p;
		v->cap_bev = nc;
	}
	b = &v->bev[v->n_bev++];
	memset(b, 0, sizeof *b);
	kopieer(b->code, sizeof b->code, code);
	kopieer(b->pad, sizeof b->pad, pad);
	va_start(ap, fmt);
	vsnprintf(b->melding, sizeof b->melding, fmt, ap);
	va_end(ap);
	return 0;
}

/* The retourcode of a rule from the catalogue ("9019"); a rule without
 * one (or unknown) is a programming error caught by the tests. */
static const char *rc_van(const char *regel)
{
	const char *rc = regel_retourcode(regel);

	return rc && *rc ? rc : "0233";
}

/* A rule finding on a class: recorded, and its retourcode added to the
 * class (the first one replaces the 0200 the echo gave it). */
__attribute__((format(printf, 6, 7)))
static int regel_fout(struct verwerk *v, struct ijw_bericht *r, struct ijw_retourcodes *rc,
		      const char *regel, const char *pad, const char *fmt, ...)
{
	char melding[IJW_MELDING_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(melding, sizeof melding, fmt, ap);
	va_end(ap);
	if (bevinding(v, regel, pad, "%s", melding) < 0)
		return -2;
	if (!r || !rc)
		return 0;
	if (rc->n == 1 && (strcmp(rc->code[0], "0200") == 0 || strcmp(rc->code[0], "0233") == 0))
		return bericht_retourcode_zet(r, rc, rc_van(regel)) == 0
			       ? 0 : store_set_error(v->st, "onvoldoende geheugen");
	return bericht_retourcode_voeg_toe(r, rc, rc_van(regel)) == 0
		       ? 0 : store_set_error(v->st, "onvoldoende geheugen");
}

static bool heeft_fout(const struct ijw_retourcodes *rc)
{
	for (size_t i = 0; i < rc->n; i++)
		if (strcmp(rc->code[i], "0200") != 0 && strcmp(rc->code[i], "8001") != 0)
			return true;
	return false;
}

/* TR381 (S329): a ProductCode belongs to its ProductCategorie in the
 * product list in use. 1 when it does not (the finding is added), 0 when
 * it does, there is no code, or the list does not cover the category (our
 * copy of the national list is partial: a code it cannot judge is not
 * refused), or -2. */
static int productcode_fout(struct verwerk *v, struct ijw_bericht *r,
			    struct ijw_retourcodes *prc, const char *pad,
			    const struct ijw_product *p)
{
	const struct ijw_lijstproduct *lp;
	int rc;

	if (!p || !p->code[0])
		return 0;
	lp = ijw_productlijst_zoek(p->code);
	if (lp ? strcmp(lp->categorie, p->categorie) == 0
	       : !ijw_productlijst_kent_categorie(p->categorie))
		return 0;
	rc = regel_fout(v, r, prc, "TR381", pad, "ProductCode %s hoort volgens de "
			"productcodelijst niet bij ProductCategorie %s", p->code, p->categorie);
	return rc < 0 ? rc : 1;
}

/* ---- the checks that 305 and 307 share ------------------------------------ */

/* TR019: the start/stop refers by ToewijzingNummer to a toewijzing of
 * this aanbieder, this gemeente and this client. 1 and *t when it does. */
static int toewijzing_van(struct verwerk *v, int64_t nummer, const char *bsn,
			  struct toewijzing *t, const char **waarom)
{
	struct jeugdige j;
	int rc;

	*waarom = "ToewijzingNummer ontbreekt; een start of stop bij een inspannings- of "
		  "outputgerichte toewijzing noemt het ToewijzingNummer uit de JW301";
	if (nummer == IJW_GEEN)
		return 0;
	*waarom = "er is geen toewijzing met dit ToewijzingNummer";
	if ((rc = store_ijw_toewijzing(v->st, nummer, t)) <= 0)
		return rc;
	*waarom = "de toewijzing met dit ToewijzingNummer is niet aan deze aanbieder gegeven";
	if (strcmp(t->agb, v->b->header.afzender) != 0)
		return 0;
	*waarom = "de toewijzing met dit ToewijzingNummer is van een andere gemeente dan de "
		  "Ontvanger";
	if (strcmp(t->gemeente, v->b->header.ontvanger) != 0)
		return 0;
	*waarom = "de toewijzing met dit ToewijzingNummer is voor een andere client (Bsn)";
	if ((rc = store_ijw_jeugdige(v->st, t->jeugdige_id, &j)) < 0)
		return rc;
	if (rc == 0 || strcmp(j.bsn, bsn) != 0)
		return 0;
	return 1;
}

static char *dfmt(dag_t d, char buf[static 11])
{
	return d == DAG_GEEN ? strcpy(buf, "(geen)") : datum_fmt(d, buf);
}

/* ---- JW305: start zorg -------------------------------------------------- */

static int start_toepassen(struct verwerk *v, const struct ijw_start_product *p,
			   const struct traject *oud, bool bestaat)
{
	struct traject t;
	char err[160];

	if (!bestaat)
		return 0;
	t = *oud;
	if (strcmp(p->status_aanlevering, "3") == 0) {
		/* A correction (IV008: 3, then the right one with 1) erases
		 * the start as if it never came: back to
		 * waiting, outside the state machine (which only moves forward). */
		t.begindatum = DAG_GEEN;
		t.status = t.intakedatum != DAG_GEEN ? TRAJECT_INTAKE : TRAJECT_AANGEMELD;
		v->veranderd = true;
		return store_ijw_traject_zet(v->st, &t);
	}
	if (t.status == TRAJECT_BEEINDIGD || t.status == TRAJECT_VERVALLEN) {
		int rc = store_ijw_volgend_id(v->st, IJW_TABEL_TRAJECT, &t.id);

		if (rc < 0)
			return rc;
		t.status = TRAJECT_GESTART;
		t.aanmelddatum = p->begindatum;
		t.intakedatum = DAG_GEEN;
		t.begindatum = p->begindatum;
		t.einddatum = DAG_GEEN;
		t.reden_beeindiging[0] = '\0';
		v->veranderd = true;
		struct maandcijfers_tx *mc = NULL;
		int rc2 = store_maandcijfers_raak(v->st, &mc, t.jeugdige_id);
		return store_maandcijfers_klaar(v->st, &mc, rc2 < 0 ? rc2 : store_put_traject(v->st, &t));
	}
	if (traject_overgang(t.status, TRAJECT_GESTART, NULL, err, sizeof err) < 0)
		return store_set_error(v->st, "traject %lld: %s", (long long)t.id, err);
	t.status = TRAJECT_GESTART;
	t.begindatum = p->begindatum;
	t.einddatum = DAG_GEEN;
	t.reden_beeindiging[0] = '\0';
	v->veranderd = true;
	return store_ijw_traject_zet(v->st, &t);
}

static int verwerk_305(struct verwerk *v, struct ijw_bericht *r)
{
	const struct ijw_client_start *c = v->b->start;
	struct ijw_client_start *rc_c = r->start;
	struct traject *tr = calloc(c->n_start_producten, sizeof *tr);
	bool *bestaat = calloc(c->n_start_producten, sizeof *bestaat);
	int rc = 0;

	if (!tr || !bestaat) {
		free(tr);
		free(bestaat);
		return store_set_error(v->st, "onvoldoende geheugen");
	}
	for (size_t i = 0; i < c->n_start_producten && rc >= 0; i++) {
		const struct ijw_start_product *p = &c->start_producten[i];
		struct ijw_retourcodes *prc = &rc_c->start_producten[i].retourcodes;
		struct toewijzing t;
		const char *waarom;
		char pad[160], d1[11], d2[11];
		bool verwijder = strcmp(p->status_aanlevering, "3") == 0;

		snprintf(pad, sizeof pad, "/Bericht/Client/StartProducten/StartProduct[%zu]", i + 1);
		if ((rc = productcode_fout(v, r, prc, pad, p->product)) != 0)
			continue;
		if ((rc = toewijzing_van(v, p->toewijzing_nummer, c->bsn, &t, &waarom)) < 0)
			break;
		if (rc == 0) {
			rc = regel_fout(v, r, prc, "TR019", pad, "%s", waarom);
			continue;
		}
		if ((rc = store_ijw_traject_van_toewijzing(v->st, t.nummer, &tr[i])) < 0)
			break;
		bestaat[i] = rc == 1;
		if (!bestaat[i]) {
			/* No traject row: only the inbox keeps the start. A
			 * deletion has nothing to delete. */
			if (verwijder)
				rc = regel_fout(v, r, prc, "TR063", pad, "er is geen eerdere start "
						"met deze Begindatum om te verwijderen");
			continue;
		}
		const struct traject *x = &tr[i];
		bool zelfde = x->begindatum == p->begindatum;
		if (verwijder) {
			if (!zelfde || x->status == TRAJECT_AANGEMELD || x->status == TRAJECT_INTAKE ||
			    x->status == TRAJECT_VERVALLEN)
				rc = regel_fout(v, r, prc, "TR063", pad, "er is geen eerdere start met "
						"Begindatum %s om te verwijderen (actuele start: %s)",
						dfmt(p->begindatum, d1), dfmt(x->begindatum, d2));
			else if (x->status != TRAJECT_GESTART)
				rc = regel_fout(v, r, prc, "TR071", pad, "de start met Begindatum %s "
						"is al gestopt; verwijder eerst de stop",
						dfmt(p->begindatum, d1));
			continue;
		}
		if (x->status == TRAJECT_GESTART)
			rc = regel_fout(v, r, prc, "TR326", pad, "er is al een actuele start (Begindatum "
					"%s) zonder stop bij deze toewijzing", dfmt(x->begindatum, d1));
		else if (zelfde && x->status != TRAJECT_AANGEMELD && x->status != TRAJECT_INTAKE)
			rc = regel_fout(v, r, prc, "TR074", pad, "een start met Begindatum %s is al "
					"eerder gemeld bij deze toewijzing", dfmt(p->begindatum, d1));
	}
	if (rc >= 0 && !heeft_fout(&rc_c->retourcodes)) {
		bool fout = false;

		for (size_t i = 0; i < c->n_start_producten; i++)
			fout |= heeft_fout(&rc_c->start_producten[i].retourcodes);
		for (size_t i = 0; i < c->n_start_producten && !fout && rc >= 0; i++)
			rc = start_toepassen(v, &c->start_producten[i], &tr[i], bestaat[i]);
	}
	free(tr);
	free(bestaat);
	return rc < 0 ? rc : 0;
}

/* ---- JW307: stop zorg --------------------------------------------------- */

static int stop_toepassen(struct verwerk *v, const struct ijw_stop_product *p, struct traject *t)
{
	char err[160];
	enum traject_status naar;

	if (strcmp(p->status_aanlevering, "3") == 0) {
		/* Erase the stop: the start is actual again. */
		t->status = TRAJECT_GESTART;
		t->einddatum = DAG_GEEN;
		t->reden_beeindiging[0] = '\0';
		v->veranderd = true;
		return store_ijw_traject_zet(v->st, t);
	}
	naar = strcmp(p->reden_beeindiging, "20") == 0 ? TRAJECT_ONDERBROKEN : TRAJECT_BEEINDIGD;
	if (traject_overgang(t->status, naar, p->reden_beeindiging, err, sizeof err) < 0)
		return store_set_error(v->st, "traject %lld: %s", (long long)t->id, err);
	t->status = naar;
	t->einddatum = p->einddatum;
	kopieer(t->reden_beeindiging, sizeof t->reden_beeindiging, p->reden_beeindiging);
	v->veranderd = true;
	return store_ijw_traject_zet(v->st, t);
}

static int verwerk_307(struct verwerk *v, struct ijw_bericht *r)
{
	const struct ijw_client_stop *c = v->b->stop;
	struct ijw_client_stop *rc_c = r->stop;
	struct traject *tr = calloc(c->n_stop_producten, sizeof *tr);
	int rc = 0;

	if (!tr)
		return store_set_error(v->st, "onvoldoende geheugen");
	for (size_t i = 0; i < c->n_stop_producten && rc >= 0; i++) {
		const struct ijw_stop_product *p = &c->stop_producten[i];
		struct ijw_retourcodes *prc = &rc_c->stop_producten[i].retourcodes;
		struct toewijzing t;
		const char *waarom;
		char pad[160], d1[11], d2[11];
		const struct traject *x = &tr[i];

		snprintf(pad, sizeof pad, "/Bericht/Client/StopProducten/StopProduct[%zu]", i + 1);
		if ((rc = productcode_fout(v, r, prc, pad, p->product)) != 0)
			continue;
		if ((rc = toewijzing_van(v, p->toewijzing_nummer, c->bsn, &t, &waarom)) < 0)
			break;
		if (rc == 0) {
			rc = regel_fout(v, r, prc, "TR019", pad, "%s", waarom);
			continue;
		}
		if ((rc = store_ijw_traject_van_toewijzing(v->st, t.nummer, &tr[i])) < 0)
			break;
		if (rc == 0 || x->begindatum == DAG_GEEN || x->begindatum != p->begindatum ||
		    x->status == TRAJECT_AANGEMELD || x->status == TRAJECT_INTAKE ||
		    x->status == TRAJECT_VERVALLEN) {
			rc = regel_fout(v, r, prc, "TR382", pad, "er is geen start met Begindatum %s "
					"bij deze toewijzing (actuele start: %s); neem de Begindatum "
					"van de start ongewijzigd over", dfmt(p->begindatum, d1),
					rc == 0 ? "(geen)" : dfmt(x->begindatum, d2));
			continue;
		}
		if (strcmp(p->status_aanlevering, "3") == 0) {
			if (x->status == TRAJECT_GESTART || x->einddatum != p->einddatum)
				rc = regel_fout(v, r, prc, "TR063", pad, "er is geen eerdere stop met "
						"Einddatum %s om te verwijderen", dfmt(p->einddatum, d1));
			continue;
		}
		if (x->status == TRAJECT_BEEINDIGD)
			rc = regel_fout(v, r, prc, "TR415", pad, "deze start is al definitief gestopt "
					"(Einddatum %s)", dfmt(x->einddatum, d1));
		else if (x->status == TRAJECT_ONDERBROKEN && strcmp(p->reden_beeindiging, "20") == 0)
			rc = regel_fout(v, r, prc, "TR413", pad, "deze start is al tijdelijk gestopt "
					"(reden 20); een volgende stop heeft een andere reden");
		else if (x->status == TRAJECT_ONDERBROKEN && p->einddatum < x->einddatum)
			rc = regel_fout(v, r, prc, "TR414", pad, "Einddatum %s ligt voor de Einddatum "
					"%s van de actuele stop", dfmt(p->einddatum, d1),
					dfmt(x->einddatum, d2));
	}
	if (rc >= 0) {
		bool fout = heeft_fout(&rc_c->retourcodes);

		for (size_t i = 0; i < c->n_stop_producten; i++)
			fout |= heeft_fout(&rc_c->stop_producten[i].retourcodes);
		for (size_t i = 0; i < c->n_stop_producten && !fout && rc >= 0; i++)
			rc = stop_toepassen(v, &c->stop_producten[i], &tr[i]);
	}
	free(tr);
	return rc < 0 ? rc : 0;
}

/* ---- JW315 / JW317: verzoeken ------------------------------------------- */

/* TR347 and TR374 for one request; inserts it when ok and doe is set. */
static int verzoek(struct verwerk *v, struct ijw_bericht *r, struct ijw_retourcodes *crc,
		   struct ijw_retourcodes *prc, const char *pad, const char *bsn,
		   const char *referentie, int64_t jeugdige_id, bool doe)
{
	struct ijw_verzoek_rij q;
	int rc;

	if (!doe) {
		if ((rc = store_ijw_verzoek_referentie_telt(v->st, v->b->header.afzender,
							    referentie)) < 0)
			return rc;
		if (rc > 0)
			return regel_fout(v, r, prc, "TR347", pad, "ReferentieAanbieder is al "
					  "gebruikt in een eerder verzoek van deze aanbieder");
		if ((rc = store_ijw_verzoek_open_telt(v->st, v->b->header.afzender, bsn)) < 0)
			return rc;
		if (rc > 0)
			return regel_fout(v, r, crc, "TR374", "/Bericht/Client", "er is nog een "
					  "verzoek van deze aanbieder voor deze client in behandeling");
		return 0;
	}
	memset(&q, 0, sizeof q);
	q.bericht_id = v->rij.id;
	kopieer(q.soort, sizeof q.soort, bericht_soort_naam(v->b->soort));
	kopieer(q.agb, sizeof q.agb, v->b->header.afzender);
	kopieer(q.gemeente, sizeof q.gemeente, v->b->header.ontvanger);
	kopieer(q.bsn, sizeof q.bsn, bsn);
	q.jeugdige_id = jeugdige_id;
	kopieer(q.referentie_aanbieder, sizeof q.referentie_aanbieder, referentie);
	q.dagtekening = v->b->header.berichtidentificatie.dagtekening;
	v->veranderd = true;
	if (v->n_verzoeken == v->cap_verzoeken) {
		size_t nc = v->cap_verzoeken ? 2 * v->cap_verzoeken : 4;
		void *p = nc > IJW_MAX_HERHALING ? NULL :
			  realloc(v->verzoeken, nc * sizeof *v->verzoeken);

		if (!p)
			return store_set_error(v->st, "onvoldoende geheugen voor de verzoeken");
		v->verzoeken = p;
		v->cap_verzoeken = nc;
	}
	v->verzoeken[v->n_verzoeken++] = q;
	return 0;
}

/* The requests collected by verzoek(), after the message row exists. */
static int verzoeken_opslaan(struct verwerk *v)
{
	int rc;

	for (size_t i = 0; i < v->n_verzoeken; i++) {
		if ((rc = store_ijw_volgend_id(v->st, IJW_TABEL_VERZOEK, &v->verzoeken[i].id)) < 0 ||
		    (rc = store_ijw_verzoek_insert(v->st, &v->verzoeken[i])) < 0)
			return rc;
	}
	return 0;
}

/* ---- JW317: the verzoek against the actual toewijzingen --------------------- */

/* An actual toewijzing (TR349): valid on or after the day (no Einddatum,
 * or one not before it, which includes those still to start), and not
 * removed (Einddatum = Ingangsdatum with RedenWijziging 13 or 01). */
static bool actueel(const struct toewijzing *t, dag_t dag)
{
	if (t->einddatum != DAG_GEEN && t->einddatum < dag)
		return false;
	return !(t->einddatum == t->ingangsdatum && (strcmp(t->reden_wijziging, "13") == 0 ||
						     strcmp(t->reden_wijziging, "01") == 0));
}

static const struct toewijzing *actuele(const struct toewijzing *t, size_t n, int64_t nummer)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].nummer == nummer)
			return &t[i];
	return NULL;
}

/* One product of the verzoek with its period, for TR361: Ongewijzigd and
 * TeWijzigen take Product from their toewijzing (NULL categorie: none). */
struct vow_product {
	const char *categorie, *code;
	dag_t begin, eind;
	bool uit_toewijzing;
};

static bool vow_zelfde_product(const struct vow_product *a, const struct vow_product *b)
{
	if (!a->categorie[0] || !b->categorie[0])
		return true;
	if (strcmp(a->categorie, b->categorie) != 0)
		return false;
	return !a->code[0] || !b->code[0] || strcmp(a->code, b->code) == 0;
}

static bool vow_overlapt(const struct vow_product *a, const struct vow_product *b)
{
	return !(a->eind != DAG_GEEN && a->eind < b->begin) &&
	       !(b->eind != DAG_GEEN && b->eind < a->begin);
}

/* The TeWijzigenProduct changes the Budget or the total over the
 * toewijzingsperiode (Frequentie 6) of toewijzing t (TR373). */
static bool totaal_gewijzigd(const struct ijw_te_wijzigen_product *p, const struct toewijzing *t)
{
	const struct ijw_omvang *o = p->omvang;

	if (p->budget != IJW_GEEN && p->budget != t->budget)
		return true;
	if (!o || (strcmp(o->frequentie, "6") != 0 && strcmp(t->frequentie, "6") != 0))
		return false;
	return o->volume != t->volume || strcmp(o->eenheid, t->eenheid) != 0 ||
	       strcmp(o->frequentie, t->frequentie) != 0;
}

/* The Omvang rules of one TeWijzigenProduct against its toewijzing:
 * TR411 (toewijzing with a Code: Omvang mandatory) and TR412 (with a
 * Categorie only: Omvang empty when the Einddatum is after 31-12-2020 or
 * absent). TR375, the same for a toewijzing without Product, cannot
 * apply: every toewijzing here has a Product (toewijzing.categorie is
 * mandatory; see data/ijw/regels-indeling.tsv). */
#define TW_PAD "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[%zu]"

static int vow_omvang(struct verwerk *v, struct ijw_bericht *r, struct ijw_retourcodes *prc,
		      size_t i, const struct ijw_te_wijzigen_product *p, const struct toewijzing *t)
{
	char opad[IJW_PAD_LEN];
	bool na_2020 = p->einddatum == DAG_GEEN || p->einddatum > datum_van(2020, 12, 31);

	snprintf(opad, sizeof opad, TW_PAD "/Omvang", i + 1);
	if (t->productcode[0] && !p->omvang)
		return regel_fout(v, r, prc, "TR411", opad, "toewijzing %lld heeft ProductCode %s; "
				  "vul de Omvang", (long long)t->nummer, t->productcode);
	if (!t->productcode[0] && p->omvang && na_2020)
		return regel_fout(v, r, prc, "TR412", opad, "toewijzing %lld heeft geen ProductCode "
				  "(alleen categorie %s); laat de Omvang leeg", (long long)t->nummer,
				  t->categorie);
	return 0;
}

/* The berichtoverstijgende rules of a JW317 (TR349-TR351, TR357, TR361,
 * TR373, TR411, TR412) and TR381 on its NieuweProducten. "Actual"
 * is judged on the Dagtekening, which the aanbieder knew (OP095). */
static int vow_regels(struct verwerk *v, struct ijw_bericht *r, int64_t jid)
{
	const struct ijw_verzoek *q = &v->b->vow->verzoek;
	struct ijw_verzoek *rq = &r->vow->verzoek;
	dag_t dag = v->b->header.berichtidentificatie.dagtekening;
	struct toewijzing *alle = NULL;
	struct vow_product *vp = NULL;
	size_t n_alle = 0, n_act = 0, n_vp = 0;
	char pad[IJW_PAD_LEN], d1[11], d2[11];
	int rc = 0;

	for (size_t i = 0; i < q->n_nieuwe_producten && rc >= 0; i++) {
		snprintf(pad, sizeof pad, "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[%zu]",
			 i + 1);
		rc = productcode_fout(v, r, &rq->nieuwe_producten[i].retourcodes, pad,
				      q->nieuwe_producten[i].product);
	}
	if (rc < 0)
		return rc;
	if (jid && (rc = store_verzoek_toewijzingen_geldig(v->st, jid, v->b->header.afzender,
							   v->b->header.ontvanger, dag, &alle,
							   &n_alle)) < 0)
		return rc;
	for (size_t i = 0; i < n_alle; i++)
		if (actueel(&alle[i], dag))
			alle[n_act++] = alle[i];
	vp = calloc(q->n_ongewijzigde_producten + q->n_te_wijzigen_producten +
		    q->n_nieuwe_producten + 1, sizeof *vp);
	if (!vp) {
		free(alle);
		return store_set_error(v->st, "onvoldoende geheugen");
	}
	for (size_t i = 0; i < q->n_ongewijzigde_producten && rc >= 0; i++) {
		const struct toewijzing *t = actuele(alle, n_act,
						     q->ongewijzigde_producten[i].toewijzing_nummer);

		snprintf(pad, sizeof pad, "/Bericht/Client/Verzoek/OngewijzigdeProducten/"
			 "OngewijzigdProduct[%zu]", i + 1);
		if (!t)
			rc = regel_fout(v, r, &rq->ongewijzigde_producten[i].retourcodes, "TR350", pad,
					"ToewijzingNummer %lld is geen actuele toewijzing van deze "
					"client bij deze aanbieder",
					(long long)q->ongewijzigde_producten[i].toewijzing_nummer);
		else
			vp[n_vp++] = (struct vow_product){ t->categorie, t->productcode,
							   t->ingangsdatum, t->einddatum, true };
	}
	for (size_t i = 0; i < q->n_te_wijzigen_producten && rc >= 0; i++) {
		const struct ijw_te_wijzigen_product *p = &q->te_wijzigen_producten[i];
		struct ijw_retourcodes *prc = &rq->te_wijzigen_producten[i].retourcodes;
		const struct toewijzing *t = actuele(alle, n_act, p->toewijzing_nummer);
		char gpad[IJW_PAD_LEN];

		snprintf(pad, sizeof pad, TW_PAD, i + 1);
		snprintf(gpad, sizeof gpad, TW_PAD "/GewensteIngangsdatum", i + 1);
		if (!t) {
			rc = regel_fout(v, r, prc, "TR351", pad, "ToewijzingNummer %lld is geen "
					"actuele toewijzing van deze client bij deze aanbieder",
					(long long)p->toewijzing_nummer);
			continue;
		}
		vp[n_vp++] = (struct vow_product){ t->categorie, t->productcode,
						   p->gewenste_ingangsdatum, p->einddatum, true };
		if (p->gewenste_ingangsdatum <= dag && p->gewenste_ingangsdatum != t->ingangsdatum)
			rc = regel_fout(v, r, prc, "TR357", gpad, "GewensteIngangsdatum %s ligt niet "
					"na de Dagtekening; dan is zij de Ingangsdatum %s van "
					"toewijzing %lld", dfmt(p->gewenste_ingangsdatum, d1),
					dfmt(t->ingangsdatum, d2), (long long)t->nummer);
		else if (totaal_gewijzigd(p, t) && p->gewenste_ingangsdatum != t->ingangsdatum)
			rc = regel_fout(v, r, prc, "TR373", gpad, "een gewijzigd Budget of totaal "
					"geldt de hele looptijd: GewensteIngangsdatum moet de "
					"Ingangsdatum %s van toewijzing %lld zijn",
					dfmt(t->ingangsdatum, d1), (long long)t->nummer);
		if (rc >= 0)
			rc = vow_omvang(v, r, prc, i, p, t);
	}
	/* TR349: every actual toewijzing is named. */
	for (size_t i = 0; i < n_act && rc >= 0; i++) {
		bool genoemd = false;

		for (size_t k = 0; k < q->n_ongewijzigde_producten; k++)
			genoemd |= q->ongewijzigde_producten[k].toewijzing_nummer == alle[i].nummer;
		for (size_t k = 0; k < q->n_te_wijzigen_producten; k++)
			genoemd |= q->te_wijzigen_producten[k].toewijzing_nummer == alle[i].nummer;
		if (!genoemd) {
			rc = regel_fout(v, r, &rq->retourcodes, "TR349", "/Bericht/Client/Verzoek",
					"actuele toewijzing %lld staat niet in het verzoek; neem haar "
					"op als OngewijzigdProduct of TeWijzigenProduct",
					(long long)alle[i].nummer);
			break;
		}
	}
	/* TR361: a product of a toewijzing (Ongewijzigd, TeWijzigen) does not
	 * overlap another product of the verzoek; NieuwProduct against
	 * NieuwProduct is TR410's, in the message itself. */
	for (size_t i = 0; i < q->n_nieuwe_producten; i++) {
		const struct ijw_nieuw_product *p = &q->nieuwe_producten[i];

		vp[n_vp++] = (struct vow_product){ p->product ? p->product->categorie : "",
						   p->product ? p->product->code : "",
						   p->gewenste_ingangsdatum, p->einddatum, false };
	}
	for (size_t j = 0; j < n_vp && rc >= 0; j++) {
		size_t i;

		for (i = 0; i < j; i++)
			if ((vp[i].uit_toewijzing || vp[j].uit_toewijzing) &&
			    vow_zelfde_product(&vp[i], &vp[j]) && vow_overlapt(&vp[i], &vp[j]))
				break;
		if (i < j) {
			rc = regel_fout(v, r, &rq->retourcodes, "TR361", "/Bericht/Client/Verzoek",
					"product %s%s%s komt vaker in het verzoek voor met "
					"overlappende periodes", vp[j].categorie[0] ? vp[j].categorie
					: "(geen product)", vp[j].code[0] ? " " : "", vp[j].code);
			break;
		}
	}
	free(vp);
	free(alle);
	return rc < 0 ? rc : 0;
}

static int verwerk_verzoeken(struct verwerk *v, struct ijw_bericht *r)
{
	int64_t jid = 0;
	int rc;

	if (v->b->soort == IJW_JW315) {
		const struct ijw_client_vot *c = v->b->vot;

		if ((rc = store_ijw_jeugdige_bsn(v->st, c->bsn, c->geboortedatum.datum, &jid)) < 0)
			return rc;
		if (rc == 0)
			jid = 0;
		for (size_t i = 0; i < c->n_aangevraagde_producten; i++) {
			char pad[128];

			snprintf(pad, sizeof pad, "/Bericht/Client/AangevraagdeProducten/"
				 "AangevraagdProduct[%zu]", i + 1);
			if ((rc = productcode_fout(v, r, &r->vot->aangevraagde_producten[i].retourcodes,
						   pad, c->aangevraagde_producten[i].product)) < 0)
				return rc;
		}
		for (int doe = 0; doe <= 1; doe++) {
			for (size_t i = 0; i < c->n_aangevraagde_producten; i++) {
				char pad[128];

				snprintf(pad, sizeof pad, "/Bericht/Client/AangevraagdeProducten/"
					 "AangevraagdProduct[%zu]/ReferentieAanbieder", i + 1);
				if ((rc = verzoek(v, r, &r->vot->retourcodes,
						  &r->vot->aangevraagde_producten[i].retourcodes, pad,
						  c->bsn, c->aangevraagde_producten[i].referentie_aanbieder,
						  jid, doe)) < 0)
					return rc;
				/* TR374 once per client, not per product. */
				if (!doe && heeft_fout(&r->vot->retourcodes))
					break;
			}
			if (!doe && v->n_bev > v->n_vooraf)
				break;
		}
	} else {
		const struct ijw_client_vow *c = v->b->vow;

		if ((rc = store_ijw_jeugdige_van_aanbieder(v->st, c->bsn, v->b->header.afzender,
							   &jid)) < 0)
			return rc;
		if (rc == 0)
			jid = 0;
		if ((rc = vow_regels(v, r, jid)) < 0)
			return rc;
		for (int doe = 0; doe <= 1; doe++) {
			if ((rc = verzoek(v, r, &r->vow->retourcodes, &r->vow->verzoek.retourcodes,
					  "/Bericht/Client/Verzoek/ReferentieAanbieder", c->bsn,
					  c->verzoek.referentie_aanbieder, jid, doe)) < 0)
				return rc;
			if (!doe && v->n_bev > v->n_vooraf)
				break;
		}
	}
	v->rij.jeugdige_id = jid;
	return 0;
}

/* ---- JW323: declaratie --------------------------------------------------- */

static int64_t getekend(const struct ijw_bedrag *b)
{
	return strcmp(b->debet_credit, "C") == 0 ? -b->bedrag : b->bedrag;
}

/* ---- volumes (IV076, IV077) ------------------------------------------------ */

static dag_t min_dag(dag_t a, dag_t b) { return a < b ? a : b; }
static dag_t max_dag(dag_t a, dag_t b) { return a > b ? a : b; }

/* The calendar weeks (Monday to Sunday) that [van, tot] touches. */
static int64_t weken(dag_t van, dag_t tot)
{
	return (tot - datum_weekdag(tot) - (van - datum_weekdag(van))) / 7 + 1;
}

static int64_t zondagen(dag_t van, dag_t tot)
{
	dag_t eerste = van + (6 - datum_weekdag(van));

	return eerste > tot ? 0 : (tot - eerste) / 7 + 1;
}

static int64_t maanden(dag_t van, dag_t tot)
{
	int j1, m1, j2, m2;

	datum_delen(van, &j1, &m1, NULL);
	datum_delen(tot, &j2, &m2, NULL);
	return (int64_t)(j2 - j1) * 12 + (m2 - m1) + 1;
}

static bool is_output(const struct toewijzing *t)
{
	const struct ijw_lijstproduct *p = t->productcode[0] ? ijw_productlijst_zoek(t->productcode) : NULL;

	return p && p->outputgericht;
}

/* Per-week volume of an outputgerichte toewijzing in [van, tot]: the
 * Sundays, plus one week in the period holding the toewijzing's last
 * Sunday when it ends on another day (IV077). */
static int64_t output_weken(const struct toewijzing *t, dag_t van, dag_t tot)
{
	int64_t n = zondagen(van, tot);

	if (t->einddatum != DAG_GEEN && datum_weekdag(t->einddatum) != 6) {
		dag_t laatste = t->einddatum - datum_weekdag(t->einddatum) - 1;

		if (laatste >= van && laatste <= tot)
			n++;
	}
	return n;
}

/* The most the toewijzing allows in [van, tot] (clipped to it), in its own
 * eenheid; -1 when its Frequentie gives no bound there. */
static int64_t max_volume(const struct toewijzing *t, dag_t van, dag_t tot, bool heel)
{
	const char *f = t->frequentie;

	if (t->volume <= 0)
		return -1;
	if (strcmp(f, "6") == 0)
		return t->volume;
	if (heel && t->einddatum == DAG_GEEN)
		return -1;
	van = max_dag(van, t->ingangsdatum);
	if (t->einddatum != DAG_GEEN)
		tot = min_dag(tot, t->einddatum);
	if (tot < van)
		return 0;
	if (strcmp(f, "1") == 0)
		return (int64_t)(tot - van + 1) * t->volume;
	if (strcmp(f, "2") == 0)
		return (is_output(t) ? output_weken(t, van, tot) : weken(van, tot)) * t->volume;
	if (strcmp(f, "4") == 0)
		return maanden(van, tot) * t->volume;
	return -1;
}

/* Eenheid e of a Prestatie fits toegewezen eenheid te: equal, or minutes
 * on an hour toewijzing (TR341, IV081). */
static bool eenheid_past(const char *e, const char *te)
{
	return strcmp(e, te) == 0 || (strcmp(te, "04") == 0 && strcmp(e, "01") == 0);
}

/* ---- JW323 rules on the toewijzing ---------------------------------------- */

/* TR341, TR418, TR346: units and money against toewijzing and contract. */
static int prestatie_geld(struct verwerk *v, struct ijw_bericht *r, const struct ijw_prestatie *p,
			  struct ijw_retourcodes *prc, const char *pad, const struct toewijzing *t)
{
	char ceenheid[CODE2_LEN] = "";
	int64_t ctarief = 0, verwacht;
	bool heeft_c = false, minuten;
	int jaar = 0, rc = 0;

	if (p->product_code[0]) {
		datum_delen(p->product_periode.begindatum, &jaar, NULL, NULL);
		if ((rc = store_ijw_contracttarief(v->st, v->b->header.afzender, p->product_code,
						   jaar, &ctarief, ceenheid)) < 0)
			return rc;
		heeft_c = rc == 1;
	}
	/* Aspecific or generic toewijzing: the contract's eenheid. */
	if (t->eenheid[0] ? !eenheid_past(p->eenheid, t->eenheid)
			  : heeft_c && !eenheid_past(p->eenheid, ceenheid))
		return regel_fout(v, r, prc, "TR341", pad, "Eenheid %s past niet bij de eenheid %s "
				  "van de %s", p->eenheid, t->eenheid[0] ? t->eenheid : ceenheid,
				  t->eenheid[0] ? "toewijzing" : "contractafspraak");
	if (strcmp(p->eenheid, "83") == 0 || p->product_tarief == IJW_GEEN)
		return 0;
	/* An hour tariff declared in minutes: per minute, rounded (IV081). */
	minuten = heeft_c && strcmp(ceenheid, "04") == 0 && strcmp(p->eenheid, "01") == 0;
	if (p->product_code[0]) {
		if (!heeft_c)
			rc = regel_fout(v, r, prc, "TR418", pad, "er is geen contracttarief van deze "
					"aanbieder voor product %s in %d", p->product_code, jaar);
		else if (p->product_tarief != (minuten ? (ctarief + 30) / 60 : ctarief))
			rc = regel_fout(v, r, prc, "TR418", pad, "ProductTarief %lld is niet het "
					"contracttarief %lld", (long long)p->product_tarief,
					(long long)(minuten ? (ctarief + 30) / 60 : ctarief));
		if (rc < 0 || heeft_fout(prc))
			return rc < 0 ? rc : 0;
	}
	if (minuten ? __builtin_mul_overflow(p->geleverd_volume, ctarief, &verwacht)
		    : __builtin_mul_overflow(p->geleverd_volume, p->product_tarief, &verwacht))
		verwacht = -1;
	else if (minuten)
		verwacht = (verwacht + 30) / 60;
	if (verwacht != p->ingediend_bedrag.bedrag)
		return regel_fout(v, r, prc, "TR346", pad, "IngediendBedrag %lld is niet GeleverdVolume "
				  "x ProductTarief (%lld)", (long long)p->ingediend_bedrag.bedrag,
				  (long long)verwacht);
	return 0;
}

/* TR321, TR322, TR369: the volume (or amount) fits what was toegewezen. */
static int prestatie_omvang(struct verwerk *v, struct ijw_bericht *r, const struct ijw_prestatie *p,
			    struct ijw_retourcodes *prc, const char *pad, const struct toewijzing *t)
{
	struct ijw_verbruik vb;
	int64_t max, factor = 1;
	int rc;

	if (strcmp(p->ingediend_bedrag.debet_credit, "C") == 0)
		return 0;               /* a credit only gives back */
	if (t->volume > 0 && eenheid_past(p->eenheid, t->eenheid)) {
		if (strcmp(p->eenheid, t->eenheid) != 0)
			factor = 60;    /* minutes on an hour toewijzing */
		max = max_volume(t, p->product_periode.begindatum, p->product_periode.einddatum,
				 false);
		if (max >= 0 && p->geleverd_volume > max * factor)
			return regel_fout(v, r, prc, "TR321", pad, "GeleverdVolume %lld is meer dan "
					  "de toewijzing in deze ProductPeriode toestaat (%lld)",
					  (long long)p->geleverd_volume, (long long)(max * factor));
		max = max_volume(t, t->ingangsdatum, t->einddatum, true);
		if (max < 0)
			return 0;
		if ((rc = store_ijw_toewijzing_verbruik(v->st, t->nummer, &vb)) < 0)
			return rc;
		if (factor == 60 ? p->geleverd_volume + vb.minuten + vb.volume * 60 > max * 60
				 : p->geleverd_volume + vb.volume + (vb.minuten + 59) / 60 > max)
			return regel_fout(v, r, prc, "TR322", pad, "met GeleverdVolume %lld komt het "
					  "gedeclareerde volume boven de toegewezen omvang (%lld)",
					  (long long)p->geleverd_volume, (long long)(max * factor));
	}
	if (t->budget > 0) {
		/* The budget is in eurocents: what counts against it is the
		 * amount (for Eenheid 83 the same as GeleverdVolume, CS339). */
		if ((rc = store_ijw_toewijzing_verbruik(v->st, t->nummer, &vb)) < 0)
			return rc;
		if (vb.bedrag + p->ingediend_bedrag.bedrag > t->budget)
			return regel_fout(v, r, prc, "TR369", pad, "met %lld komt het gedeclareerde "
					  "bedrag boven het toegewezen Budget (%lld)",
					  (long long)p->ingediend_bedrag.bedrag, (long long)t->budget);
	}
	return 0;
}

/* TR323, TR390, TR389: a credit undoes one approved debet once; a new
 * debet on the same key only after that. The debets and credits on a key
 * alternate (these rules keep it so), so a debet is still open exactly
 * when it is the newest approved Prestatie on its key. */
static int prestatie_debet_credit(struct verwerk *v, struct ijw_bericht *r,
				  const struct ijw_prestatie *p, struct ijw_retourcodes *prc,
				  const char *pad)
{
	const char *agb = v->b->header.afzender;
	struct prestatie k, oud;
	int64_t id, bedrag;
	int rc;

	memset(&k, 0, sizeof k);
	k.toewijzing_nummer = p->toewijzing_nummer == IJW_GEEN ? 0 : p->toewijzing_nummer;
	kopieer(k.categorie, sizeof k.categorie, p->product_categorie);
	kopieer(k.productcode, sizeof k.productcode, p->product_code);
	k.periode_begin = p->product_periode.begindatum;
	k.periode_eind = p->product_periode.einddatum;
	if (strcmp(p->ingediend_bedrag.debet_credit, "C") != 0) {
		if ((rc = store_ijw_prestatie_laatste(v->st, agb, &k, &id, &bedrag)) < 0)
			return rc;
		if (rc == 1 && bedrag >= 0)
			return regel_fout(v, r, prc, "TR389", pad, "er is al een goedgekeurde debet-"
					  "Prestatie voor deze ProductPeriode, dit product en deze "
					  "toewijzing; crediteer die eerst");
		return 0;
	}
	rc = p->product_referentie.vorig_referentie_nummer[0]
		     ? store_ijw_prestatie_van_referentie(v->st, agb,
							  p->product_referentie.vorig_referentie_nummer,
							  &oud)
		     : 0;
	if (rc < 0)
		return rc;
	if (rc == 0 || oud.bedrag < 0 || oud.toewijzing_nummer != k.toewijzing_nummer ||
	    strcmp(oud.categorie, k.categorie) != 0 || strcmp(oud.productcode, k.productcode) != 0 ||
	    oud.periode_begin != k.periode_begin || oud.periode_eind != k.periode_eind)
		return regel_fout(v, r, prc, "TR323", pad, "VorigReferentieNummer noemt geen eerder "
				  "goedgekeurde debet-Prestatie met dezelfde toewijzing, "
				  "ProductPeriode en hetzelfde product");
	if ((rc = store_ijw_prestatie_laatste(v->st, agb, &k, &id, &bedrag)) < 0)
		return rc;
	if (rc == 0 || id != oud.id)
		return regel_fout(v, r, prc, "TR390", pad, "de debet-Prestatie %s is al "
				  "gecrediteerd", p->product_referentie.vorig_referentie_nummer);
	return 0;
}

/* The checks of one Prestatie (TR314, TR323/389/390, TR319, TR381, TR338,
 * TR384, TR339, TR340, TR341, TR307, TR308, TR387, TR388, TR418, TR346,
 * TR321, TR322, TR369); *t and *heeft_t for storing it. None asks for a
 * start or stop of the care: a declaratie does not depend on the
 * regieberichten (OP364). */
static int prestatie_toets(struct verwerk *v, struct ijw_bericht *r, const char *bsn,
			   const struct ijw_prestatie *p, struct ijw_retourcodes *prc,
			   const char *pad, struct toewijzing *t, bool *heeft_t)
{
	const char *waarom;
	char d1[11], d2[11];
	int rc;

	*heeft_t = false;
	if ((rc = store_ijw_prestatie_referentie_telt(v->st, v->b->header.afzender,
						      p->product_referentie.referentie_nummer)) < 0)
		return rc;
	if (rc > 0 && (rc = regel_fout(v, r, prc, "TR314", pad, "ReferentieNummer is al "
				       "gebruikt voor een goedgekeurde Prestatie van deze aanbieder")) < 0)
		return rc;
	if ((rc = prestatie_debet_credit(v, r, p, prc, pad)) < 0)
		return rc;
	if (p->product_periode.einddatum > v->b->declaratie->declaratie_periode.einddatum &&
	    (rc = regel_fout(v, r, prc, "TR319", pad, "ProductPeriode eindigt (%s) na de "
			     "DeclaratiePeriode (%s)", dfmt(p->product_periode.einddatum, d1),
			     dfmt(v->b->declaratie->declaratie_periode.einddatum, d2))) < 0)
		return rc;
	{
		struct ijw_product pp;

		memcpy(pp.categorie, p->product_categorie, sizeof pp.categorie);
		memcpy(pp.code, p->product_code, sizeof pp.code);
		if ((rc = productcode_fout(v, r, prc, pad, &pp)) < 0)
			return rc;
	}
	if ((rc = toewijzing_van(v, p->toewijzing_nummer, bsn, t, &waarom)) < 0)
		return rc;
	if (rc == 0) {
		if (store_ijw_toewijzing(v->st, p->toewijzing_nummer, t) == 1)
			*heeft_t = strcmp(t->agb, v->b->header.afzender) == 0;
		return regel_fout(v, r, prc, "TR338", pad, "%s", waarom);
	}
	*heeft_t = true;
	/* Rejected already (unknown code, credit, period): the comparisons
	 * with the toewijzing would only repeat that finding. */
	if (heeft_fout(prc))
		return 0;
	if (strcmp(t->reden_wijziging, "13") == 0 &&
	    (rc = regel_fout(v, r, prc, "TR384", pad, "de toewijzing is verwijderd "
			     "(RedenWijziging 13)")) < 0)
		return rc;
	if (t->categorie[0] && strcmp(t->categorie, p->product_categorie) != 0 &&
	    (rc = regel_fout(v, r, prc, "TR339", pad, "ProductCategorie %s is niet de toegewezen "
			     "categorie %s", p->product_categorie, t->categorie)) < 0)
		return rc;
	if (t->productcode[0] && strcmp(t->productcode, p->product_code) != 0 &&
	    (rc = regel_fout(v, r, prc, "TR340", pad, "ProductCode %s is niet de toegewezen "
			     "code %s", p->product_code, t->productcode)) < 0)
		return rc;
	if (p->product_periode.begindatum < t->ingangsdatum &&
	    (rc = regel_fout(v, r, prc, "TR307", pad, "ProductPeriode begint (%s) voor de "
			     "Ingangsdatum van de toewijzing (%s)",
			     dfmt(p->product_periode.begindatum, d1), dfmt(t->ingangsdatum, d2))) < 0)
		return rc;
	if (t->einddatum != DAG_GEEN && p->product_periode.einddatum > t->einddatum &&
	    (rc = regel_fout(v, r, prc, "TR308", pad, "ProductPeriode eindigt (%s) na de "
			     "Einddatum van de toewijzing (%s)",
			     dfmt(p->product_periode.einddatum, d1), dfmt(t->einddatum, d2))) < 0)
		return rc;
	{
		/* TR387/TR388: whole months, cut only by the toewijzing. */
		dag_t b = p->product_periode.begindatum, e = p->product_periode.einddatum;
		dag_t mb = datum_maand_begin(b), me = datum_maand_eind(e);
		dag_t vb = t->ingangsdatum > mb && t->ingangsdatum <= datum_maand_eind(b)
				   ? t->ingangsdatum : mb;
		dag_t ve = t->einddatum != DAG_GEEN && t->einddatum < me &&
					   t->einddatum >= datum_maand_begin(e)
				   ? t->einddatum : me;

		if (b >= t->ingangsdatum && b != vb &&
		    (rc = regel_fout(v, r, prc, "TR387", pad, "ProductPeriode begint op %s; dat "
				     "is %s (de eerste dag van de maand of de Ingangsdatum van de "
				     "toewijzing)", dfmt(b, d1), dfmt(vb, d2))) < 0)
			return rc;
		if ((t->einddatum == DAG_GEEN || e <= t->einddatum) && e != ve &&
		    (rc = regel_fout(v, r, prc, "TR388", pad, "ProductPeriode eindigt op %s; dat "
				     "is %s (de laatste dag van de maand of de Einddatum van de "
				     "toewijzing)", dfmt(e, d1), dfmt(ve, d2))) < 0)
			return rc;
	}
	if (heeft_fout(prc))
		return 0;
	if ((rc = prestatie_geld(v, r, p, prc, pad, t)) < 0 || heeft_fout(prc))
		return rc < 0 ? rc : 0;
	return prestatie_omvang(v, r, p, prc, pad, t);
}

/* TR304: the aanbieder has a toewijzing for a client with this Bsn; 1
 * and *id (the jeugdige) when it does. The toewijzingen the Prestaties
 * name are tried first, by key; only when none of them is this client's
 * at this aanbieder are all jeugdigen with the Bsn searched (a Bsn may be
 * shared in the record: synthetic test numbers repeat). */
static int client_van_aanbieder(struct verwerk *v, const struct ijw_declaratie_client *c,
				const char *agb, int64_t *id)
{
	int rc;

	for (size_t i = 0; i < c->n_prestaties; i++) {
		int64_t nr = c->prestaties[i].toewijzing_nummer;
		struct toewijzing t;
		struct jeugdige j;

		if (nr == IJW_GEEN || (rc = store_ijw_toewijzing(v->st, nr, &t)) == 0)
			continue;
		if (rc < 0)
			return rc;
		if (strcmp(t.agb, agb) != 0)
			continue;
		if ((rc = store_ijw_jeugdige(v->st, t.jeugdige_id, &j)) < 0)
			return rc;
		if (rc == 1 && strcmp(j.bsn, c->bsn) == 0) {
			*id = t.jeugdige_id;
			return 1;
		}
	}
	return store_ijw_jeugdige_van_aanbieder(v->st, c->bsn, agb, id);
}

/* TR318: the DeclaratiePeriode follows the aanbieder's previous one at
 * this gemeente; a skipped month is allowed only when no care was
 * delivered in it, which this message shows when one of its Prestaties
 * lies in a skipped month. */
static int declaratie_periode_toets(struct verwerk *v, struct ijw_bericht *r)
{
	const struct ijw_declaratie *d = v->b->declaratie;
	dag_t vorige, begin = d->declaratie_periode.begindatum;
	char d1[11], d2[11];
	int rc;

	if ((rc = store_ijw_vorige_declaratieperiode(v->st, v->b->header.afzender,
						     v->b->header.ontvanger, &vorige)) <= 0)
		return rc;
	if (begin <= vorige)
		return regel_fout(v, r, &r->declaratie->retourcodes, "TR318",
				  "/Bericht/Declaratie/DeclaratiePeriode", "DeclaratiePeriode %s ligt "
				  "niet na de vorige DeclaratiePeriode (%s); declareer in de volgende "
				  "maand", dfmt(begin, d1), dfmt(vorige, d2));
	for (size_t ci = 0; ci < d->n_clienten; ci++)
		for (size_t pi = 0; pi < d->clienten[ci].n_prestaties; pi++) {
			dag_t pb = d->clienten[ci].prestaties[pi].product_periode.begindatum;

			if (pb > datum_maand_eind(vorige) && pb < begin)
				return regel_fout(v, r, &r->declaratie->retourcodes, "TR318",
						  "/Bericht/Declaratie/DeclaratiePeriode", "in %s is zorg "
						  "geleverd maar die maand is niet gedeclareerd; de "
						  "DeclaratiePeriode volgt op %s", dfmt(pb, d1),
						  dfmt(vorige, d2));
		}
	return 0;
}

static int verwerk_323(struct verwerk *v, struct ijw_bericht *r, bool kop_fout)
{
	const struct ijw_declaratie *d = v->b->declaratie;
	struct ijw_declaratie *rd = r->declaratie;
	struct declaratie dec;
	size_t n_goed = 0, n_alle = 0;
	int64_t toegekend = 0, jid = 0;
	int rc;

	if (!kop_fout) {
		if ((rc = store_ijw_declaratie_nummer_telt(v->st, v->b->header.afzender,
							   d->declaratie_nummer)) < 0)
			return rc;
		if (rc > 0 && (rc = regel_fout(v, r, &rd->retourcodes, "TR333",
					       "/Bericht/Declaratie/DeclaratieNummer",
					       "DeclaratieNummer %s is al gebruikt door deze aanbieder",
					       d->declaratie_nummer)) < 0)
			return rc;
		if ((rc = declaratie_periode_toets(v, r)) < 0)
			return rc;
	}
	if (kop_fout || heeft_fout(&rd->retourcodes)) {
		/* Header or declaratie rejected: nothing is stored, no client
		 * comes back, TotaalToegekendBedrag 0. */
		rd->n_clienten = 0;
		v->out->status = IJW_AFGEKEURD;
		rd->totaal_toegekend_bedrag.bedrag = 0;
		snprintf(rd->totaal_toegekend_bedrag.debet_credit, IJW_CODE1, "D");
		return 0;
	}

	memset(&dec, 0, sizeof dec);
	if ((rc = store_ijw_volgend_id(v->st, IJW_TABEL_DECLARATIE, &dec.id)) < 0)
		return rc;
	kopieer(dec.nummer, sizeof dec.nummer, d->declaratie_nummer);
	kopieer(dec.agb, sizeof dec.agb, v->b->header.afzender);
	kopieer(dec.gemeente, sizeof dec.gemeente, v->b->header.ontvanger);
	dec.periode_begin = d->declaratie_periode.begindatum;
	dec.periode_eind = d->declaratie_periode.einddatum;
	dec.dagtekening = d->declaratie_dagtekening;
	if ((rc = store_put_declaratie(v->st, &dec)) < 0)
		return rc;
	v->veranderd = true;

	for (size_t ci = 0; ci < d->n_clienten; ci++) {
		const struct ijw_declaratie_client *c = &d->clienten[ci];
		struct ijw_declaratie_client *rc_c = &rd->clienten[ci];
		int64_t cjid = 0;
		char cpad[96];

		snprintf(cpad, sizeof cpad, "/Bericht/Declaratie/Clienten/Client[%zu]/Bsn", ci + 1);
		if ((rc = client_van_aanbieder(v, c, dec.agb, &cjid)) < 0)
			return rc;
		if (rc == 0) {
			cjid = 0;
			if ((rc = regel_fout(v, r, &rc_c->retourcodes, "TR304", cpad, "deze aanbieder "
					     "heeft geen toewijzing voor een client met dit Bsn")) < 0)
				return rc;
		}
		jid = ci == 0 ? cjid : 0;
		for (size_t pi = 0; pi < c->n_prestaties; pi++) {
			const struct ijw_prestatie *p = &c->prestaties[pi];
			struct ijw_retourcodes *prc = &rc_c->prestaties[pi].retourcodes;
			struct prestatie ps;
			struct traject tr;
			struct toewijzing t;
			bool heeft_t = false;
			char pad[160];

			snprintf(pad, sizeof pad, "/Bericht/Declaratie/Clienten/Client[%zu]/Prestaties/"
				 "Prestatie[%zu]", ci + 1, pi + 1);
			n_alle++;
			if (heeft_fout(&rc_c->retourcodes)) {
				/* The client is unknown: its Prestaties are not judged. */
				if (bericht_retourcode_zet(r, prc, "0233") != 0)
					return store_set_error(v->st, "onvoldoende geheugen");
			} else if ((rc = prestatie_toets(v, r, c->bsn, p, prc, pad, &t,
							 &heeft_t)) < 0) {
				return rc;
			}
			memset(&ps, 0, sizeof ps);
			if ((rc = store_ijw_volgend_id(v->st, IJW_TABEL_PRESTATIE, &ps.id)) < 0)
				return rc;
			ps.declaratie_id = dec.id;
			kopieer(ps.referentie, sizeof ps.referentie,
				p->product_referentie.referentie_nummer);
			ps.jeugdige_id = heeft_t ? t.jeugdige_id : cjid;
			if (heeft_t) {
				if ((rc = store_ijw_traject_van_toewijzing(v->st, t.nummer, &tr)) < 0)
					return rc;
				ps.traject_id = rc == 1 ? tr.id : 0;
			}
			ps.toewijzing_nummer = p->toewijzing_nummer == IJW_GEEN ? 0 : p->toewijzing_nummer;
			kopieer(ps.categorie, sizeof ps.categorie, p->product_categorie);
			kopieer(ps.productcode, sizeof ps.productcode, p->product_code);
			ps.periode_begin = p->product_periode.begindatum;
			ps.periode_eind = p->product_periode.einddatum;
			ps.volume = p->geleverd_volume;
			kopieer(ps.eenheid, sizeof ps.eenheid, p->eenheid);
			ps.tarief = p->product_tarief == IJW_GEEN ? 0 : p->product_tarief;
			ps.bedrag = getekend(&p->ingediend_bedrag);
			ps.goedgekeurd = !heeft_fout(prc);
			kopieer(ps.retourcode, sizeof ps.retourcode,
				ps.goedgekeurd ? "0200" : prc->code[0]);
			if (ps.goedgekeurd) {
				n_goed++;
				toegekend += ps.bedrag;
			}
			/* Approved and rejected amounts per month (maandcijfers):
			 * direct deltas, written by tx_reeks. */
			if ((rc = store_put_prestatie(v->st, &ps)) < 0 ||
			    (rc = store_maandcijfers_prestatie(v->st, v->mc_delta, &ps)) < 0)
				return rc;
		}
	}
	if ((rc = store_declaratie_totalen(v->st, dec.id)) < 0)
		return rc;
	v->rij.jeugdige_id = d->n_clienten == 1 ? jid : 0;

	/* The 325 (IV087, IV088): only the rejected Prestaties come back
	 * (TR342), with their clients (OP304), each with its rule's code;
	 * TotaalToegekendBedrag the sum of the approved ones; fully approved:
	 * DeclaratieAntwoord 8001. A header or declaratie finding above
	 * rejected everything with TotaalToegekendBedrag 0. */
	rd->totaal_toegekend_bedrag.bedrag = toegekend < 0 ? -toegekend : toegekend;
	kopieer(rd->totaal_toegekend_bedrag.debet_credit, IJW_CODE1, toegekend < 0 ? "C" : "D");
	if (n_goed == n_alle && bericht_retourcode_zet(r, &rd->retourcodes, "8001") != 0)
		return store_set_error(v->st, "onvoldoende geheugen");
	size_t nc = 0;
	for (size_t ci = 0; ci < rd->n_clienten; ci++) {
		struct ijw_declaratie_client c = rd->clienten[ci];
		size_t np = 0;

		for (size_t pi = 0; pi < c.n_prestaties; pi++)
			if (heeft_fout(&c.prestaties[pi].retourcodes))
				c.prestaties[np++] = c.prestaties[pi];
		c.n_prestaties = np;
		if (np > 0)
			rd->clienten[nc++] = c;
	}
	rd->n_clienten = nc;
	v->out->status = n_goed == n_alle ? IJW_VERWERKT
			 : n_goed == 0 ? IJW_AFGEKEURD : IJW_DEELS_AFGEKEURD;
	/* The obligations on our own 325 (CD060, CS325, TR137): it echoes
	 * what passed the in-message rules and totals we computed, so a
	 * finding is an error here, not in the declaratie. Not after a header
	 * finding: the whole declaratie then comes back as received, and one
	 * dated in the future (TR135) may declare periods ending after our
	 * Dagtekening. */
	struct ijw_bevinding eigen[1];
	size_t n_eigen;
	if (!kop_fout && ijw_uitgaand_controleer(r, eigen, 1, &n_eigen) != 0)
		return store_set_error(v->st, "de JW325 breekt %s op %s: %s", eigen[0].code,
				       eigen[0].pad, eigen[0].melding);
	/* And against the 323 it answers (TR304, TR337, TR366, TR367, TR371,
	 * TR376 on the 325): what comes back is the declared, unchanged. */
	const struct ijw_uitgaand_kennis k = { .declaratie = v->b };
	if (ijw_uitgaand_controleer_kennis(r, &k, eigen, 1, &n_eigen) != 0)
		return store_set_error(v->st, "de JW325 breekt %s op %s: %s", eigen[0].code,
				       eigen[0].pad, eigen[0].melding);
	return 0;
}

/* ---- the transaction ------------------------------------------------------ */

static bool bedient(const struct ijw_verwerk_context *ctx, const char *gemeente)
{
	for (size_t i = 0; i < ctx->n_gemeenten; i++)
		if (strcmp(ctx->gemeenten[i].code, gemeente) == 0)
			return true;
	return false;
}

/* A party code as the XSD spells it: 4 digits (gemeente) or 8 (AGB). */
static bool partij(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return s[n] == '\0' && (n == 4 || n == 8);
}

/* At most 12 characters (UTF-8: count the bytes that start one). */
static bool identificatie_past(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n >= 1 && n <= 12;
}

/* The header into the inbox row; a message that failed the XSD may
 * carry values the columns do not take: those stay empty. */
static void rij_kop(struct verwerk *v)
{
	const struct ijw_header *h = &v->b->header;

	if (partij(h->afzender))
		kopieer(v->rij.afzender, sizeof v->rij.afzender, h->afzender);
	if (partij(h->ontvanger))
		kopieer(v->rij.ontvanger, sizeof v->rij.ontvanger, h->ontvanger);
	if (identificatie_past(h->berichtidentificatie.identificatie))
		snprintf(v->rij.identificatie, sizeof v->rij.identificatie, "%s",
			 h->berichtidentificatie.identificatie);
	v->rij.dagtekening = h->berichtidentificatie.dagtekening;
	if (strlen(v->rij.afzender) == 8)
		kopieer(v->rij.agb, sizeof v->rij.agb, v->rij.afzender);
	if (bedient(v->ctx, h->ontvanger))
		kopieer(v->rij.gemeente, sizeof v->rij.gemeente, h->ontvanger);
}

/* Store the row and its findings (v->bev[0..n_bev)). */
static int rij_opslaan(struct verwerk *v)
{
	int rc;

	kopieer(v->rij.status, sizeof v->rij.status, ijw_verwerk_status_naam(v->out->status));
	if ((rc = store_ijw_bericht_insert(v->st, &v->rij)) < 0)
		return rc;
	for (size_t i = 0; i < v->n_bev; i++) {
		const char *rcode = regel_retourcode(v->bev[i].code);

		if ((rc = store_ijw_bevinding_insert(v->st, v->rij.id, (int)i + 1, &v->bev[i],
						     rcode && strlen(rcode) == 4 ? rcode : NULL)) < 0)
			return rc;
	}
	return 0;
}

/* Level 1 refusals and geweigerd: only the inbox row. */
static int tx_alleen_inbox(struct store *st, void *arg)
{
	struct verwerk *v = arg;
	int rc;

	(void)st;
	if ((rc = store_ijw_slot(v->st)) < 0 ||
	    (rc = store_ijw_volgend_id(v->st, IJW_TABEL_BERICHT, &v->rij.id)) < 0)
		return rc;
	v->out->bericht_id = v->rij.id;
	return rij_opslaan(v);
}

static int tx_verwerk(struct store *st, void *arg)
{
	struct verwerk *v = arg;
	struct ijw_uitkomst *out = v->out;
	const struct ijw_header *h = &v->b->header;
	struct ijw_bericht *r = NULL;
	struct bericht_fout bf;
	char status[IJW_STATUS_LEN], *oud = NULL, ident[24];
	bool kop_fout = false;
	int64_t id;
	int rc;

	(void)st;
	/* store_transaction may run this again: start from the state before. */
	v->n_bev = v->n_vooraf;
	v->veranderd = false;
	v->n_verzoeken = 0;
	v->rij.jeugdige_id = 0;
	free(out->retour);
	out->retour = NULL;
	out->retour_len = 0;
	out->herhaald = false;

	if ((rc = store_ijw_slot(v->st)) < 0)
		return rc;
	/* TR056: the same message again gets the same answer. */
	rc = store_ijw_bericht_zoek(v->st, h->afzender, h->berichtidentificatie.identificatie,
				    bericht_soort_naam(v->b->soort), &id, status, &oud);
	if (rc < 0)
		return rc;
	if (rc == 1) {
		struct ijw_bevinding *bev;
		size_t n;

		out->herhaald = true;
		out->bericht_id = id;
		out->retour = oud;
		out->retour_len = oud ? strlen(oud) : 0;
		if (!status_van_naam(status, &out->status))
			return store_set_error(v->st, "ijw_bericht %lld: onbekende status '%s'",
					       (long long)id, status);
		if ((rc = store_ijw_bevindingen(v->st, id, &bev, &n)) < 0)
			return rc;
		free(v->bev_herhaald);
		v->bev_herhaald = bev;
		v->n_bev_herhaald = n;
		return 0;
	}
	if ((rc = store_ijw_volgend_id(v->st, IJW_TABEL_BERICHT, &v->rij.id)) < 0)
		return rc;
	out->bericht_id = v->rij.id;
	out->status = IJW_VERWERKT;

	/* Retourberichten (302, 320) on our own messages get no answer. */
	if (bericht_is_retour(v->b->soort))
		return rij_opslaan(v);

	snprintf(ident, sizeof ident, "%lld", (long long)v->rij.id);
	kopieer(v->rij.retour_identificatie, sizeof v->rij.retour_identificatie, ident);
	struct bericht_retour br = {
		.identificatie = ident,
		.dagtekening = v->ctx->vandaag,
		.xsd_versie = { XSD_VERSIE, XSD_VERSIE },
		.xslt_versie = XSLT_VERSIE,
		.header_code = "0200",
		.met_klassen = v->n_vooraf == 0,
		.klasse_code = "0200",
		.totaal_toegekend_bedrag = { 0, "D" },
	};
	if (v->n_vooraf > 0) {
		/* Level 2 failed: header only, 0001. */
		br.header_code = "0001";
		out->status = IJW_AFGEKEURD;
	} else {
		/* Header checks (level 3/4) decide whether the classes are
		 * judged at all. */
		if (!bedient(v->ctx, h->ontvanger)) {
			if ((rc = regel_fout(v, NULL, NULL, "TR378", "/Bericht/Header/Ontvanger",
					     "gemeente %s is geen gemeente van deze regio",
					     h->ontvanger)) < 0)
				return rc;
			kop_fout = true;
		}
		if (h->berichtidentificatie.dagtekening > v->ctx->vandaag) {
			if ((rc = regel_fout(v, NULL, NULL, "TR135", "/Bericht/Header/"
					     "BerichtIdentificatie/Dagtekening", "Dagtekening ligt "
					     "in de toekomst")) < 0)
				return rc;
			kop_fout = true;
		}
		if (kop_fout) {
			br.header_code = rc_van(v->bev[v->n_vooraf].code);
			br.klasse_code = "0233";
		}
	}
	r = bericht_maak_retour(v->b, &br, &bf);
	if (!r)
		return store_set_error(v->st, "retourbericht: %s: %s", bf.plek, bf.melding);
	if (kop_fout && v->b->soort != IJW_JW323) {
		/* A second header finding adds its code. */
		for (size_t i = v->n_vooraf + 1; i < v->n_bev; i++)
			if (bericht_retourcode_voeg_toe(r, &r->header.retourcodes,
							rc_van(v->bev[i].code)) != 0)
				rc = store_set_error(v->st, "onvoldoende geheugen");
		out->status = IJW_AFGEKEURD;
	} else if (br.met_klassen) {
		switch (v->b->soort) {
		case IJW_JW305:
			rc = verwerk_305(v, r);
			break;
		case IJW_JW307:
			rc = verwerk_307(v, r);
			break;
		case IJW_JW315:
		case IJW_JW317:
			rc = verwerk_verzoeken(v, r);
			break;
		case IJW_JW323:
			rc = verwerk_323(v, r, kop_fout);
			break;
		case IJW_JW301:
		case IJW_JW302:
		case IJW_JW306:
		case IJW_JW308:
		case IJW_JW316:
		case IJW_JW318:
		case IJW_JW319:
		case IJW_JW320:
		case IJW_JW325:
			/* Refused before the transaction (verwerk_soort_ok). */
			rc = store_set_error(v->st, "%s hoort niet bij de gemeente binnen te komen",
					     bericht_soort_naam(v->b->soort));
			break;
		}
		if (rc >= 0 && v->b->soort != IJW_JW323 && v->n_bev > v->n_vooraf)
			out->status = IJW_AFGEKEURD;
	}
	if (rc < 0) {
		bericht_vrij(r);
		return rc;
	}
	/* OP065: a retourbericht carries only clients with a rejected class;
	 * a message approved as a whole is answered by its header, 0200.
	 * (The 325 keeps its own form: only the rejected Prestaties.) */
	if (out->status == IJW_VERWERKT && br.met_klassen && v->b->soort != IJW_JW323) {
		bericht_vrij(r);
		br.met_klassen = false;
		if (!(r = bericht_maak_retour(v->b, &br, &bf)))
			return store_set_error(v->st, "retourbericht: %s: %s", bf.plek, bf.melding);
	}
	if (!v->rij.jeugdige_id) {
		/* 305/307: the youth of the toewijzing named first. */
		const struct ijw_client_start *cs = v->b->start;
		const struct ijw_client_stop *cp = v->b->stop;
		int64_t nr = cs && cs->n_start_producten ? cs->start_producten[0].toewijzing_nummer
			     : cp && cp->n_stop_producten ? cp->stop_producten[0].toewijzing_nummer
			     : IJW_GEEN;
		struct toewijzing t;

		if (nr != IJW_GEEN && (rc = store_ijw_toewijzing(v->st, nr, &t)) == 1 &&
		    strcmp(t.agb, h->afzender) == 0)
			v->rij.jeugdige_id = t.jeugdige_id;
		if (rc < 0) {
			bericht_vrij(r);
			return rc;
		}
	}
	out->retour = bericht_schrijf_tekst(r, &out->retour_len, &bf);
	bericht_vrij(r);
	if (!out->retour)
		return store_set_error(v->st, "retourbericht schrijven: %s: %s", bf.plek, bf.melding);
	v->rij.retour_xml = out->retour;
	if ((rc = rij_opslaan(v)) < 0 || (rc = verzoeken_opslaan(v)) < 0)
		return rc;
	if (v->veranderd && (rc = store_data_versie_verhoog(v->st)) < 0)
		return rc;
	return 0;
}

/* ---- entry ---------------------------------------------------------------- */

/* The text to keep of the message: only UTF-8 without NUL fits a TEXT
 * column (OP192 findings mean it is not). */
static char *als_tekst(const struct ijw_document *d, const void *xml, size_t len)
{
	char *t;

	for (size_t i = 0; i < d->n_bevindingen; i++)
		if (strcmp(d->bevindingen[i].code, "OP192") == 0 ||
		    strcmp(d->bevindingen[i].code, "OP179") == 0)
			return NULL;
	if (memchr(xml, '\0', len) || !(t = malloc(len + 1)))
		return NULL;
	memcpy(t, xml, len);
	t[len] = '\0';
	return t;
}

/* Only the heenberichten of the aanbieder and its retourberichten on
 * our 301 and 319 come in at a gemeente. */
static bool soort_binnen(enum ijw_soort s)
{
	switch (s) {
	case IJW_JW302:
	case IJW_JW305:
	case IJW_JW307:
	case IJW_JW315:
	case IJW_JW317:
	case IJW_JW320:
	case IJW_JW323:
		return true;
	case IJW_JW301:
	case IJW_JW306:
	case IJW_JW308:
	case IJW_JW316:
	case IJW_JW318:
	case IJW_JW319:
	case IJW_JW325:
		return false;
	}
	return false;
}

/* Everything before the transaction: levels 1 and 2 and the refusals.
 * Sets v->pad; < 0 when memory or the XML library failed (eigen_fout).
 * Touches no store: v->st stays NULL until the transaction. */
static int voorbereid_doc(struct verwerk *v, const void *xml, size_t len,
			  const struct ijw_verwerk_context *ctx, struct ijw_uitkomst *out)
{
	struct bericht_fout bf;
	char err[256];
	int rc;

	memset(out, 0, sizeof *out);
	memset(v, 0, sizeof *v);
	v->ctx = ctx;
	v->xml = xml;
	v->len = len;
	v->out = out;
	v->pad = PAD_FOUT;
	v->rij.richting = "in";
	v->rij.dagtekening = DAG_GEEN;
	kopieer(v->rij.ontvangen_op, sizeof v->rij.ontvangen_op, ctx->nu);

	rc = ijw_xml_controleer(&v->doc, xml, len, err, sizeof err);
	if (rc < 0)
		return eigen_fout(v, "%s", err);
	out->herkend = v->doc.herkend;
	out->soort = v->doc.soort;
	if (v->doc.herkend)
		kopieer(v->rij.soort, sizeof v->rij.soort, bericht_soort_naam(v->doc.soort));
	v->xml_tekst = als_tekst(&v->doc, xml, len);
	v->rij.xml = v->xml_tekst;
	for (size_t i = 0; i < v->doc.n_bevindingen && rc >= 0; i++)
		rc = bevinding(v, v->doc.bevindingen[i].code, v->doc.bevindingen[i].pad, "%s",
			       v->doc.bevindingen[i].melding);
	if (rc >= 0 && v->doc.doc && bericht_lees(v->doc.doc, &v->b, &bf) < 0) {
		v->b = NULL;
		/* Valid against the XSD yet not readable: a reader limit
		 * (IJW_MAX_HERHALING); refused as at level 1. */
		if (v->n_bev == 0)
			rc = bevinding(v, "XSD", bf.plek, "%s", bf.melding);
	}
	if (rc < 0)
		return rc;
	if (v->b)
		rij_kop(v);
	v->pad = PAD_INBOX;
	if (v->n_bev > 0) {
		out->status = IJW_AFGEKEURD_XSD;
		/* The identificatie is not claimed (verwerk.h). */
		return 0;
	}
	if (!soort_binnen(v->b->soort) ||
	    (ctx->afzender_agb && strcmp(ctx->afzender_agb, v->b->header.afzender) != 0)) {
		out->status = IJW_GEWEIGERD;
		if (!soort_binnen(v->b->soort))
			return bevinding(v, "SOORT", "/Bericht", "een %s stuurt de gemeente zelf; "
					 "alleen 302, 305, 307, 315, 317, 320 en 323 komen binnen",
					 bericht_soort_naam(v->b->soort));
		/* Filed under who really sent it, not whom it names. */
		kopieer(v->rij.agb, sizeof v->rij.agb, ctx->afzender_agb);
		return bevinding(v, "TOEGANG", "/Bericht/Header/Afzender", "Afzender %s is "
				 "niet de aanbieder van het API-token (%s)",
				 v->b->header.afzender, ctx->afzender_agb);
	}
	/* Level 2: the in-message rules. */
	{
		struct ijw_bevinding intern[IJW_BEVINDINGEN_MAX];
		size_t n_intern = 0;

		if (ijw_intern_controleer(v->b, intern, IJW_BEVINDINGEN_MAX, &n_intern) < 0)
			return eigen_fout(v, "onvoldoende geheugen voor de berichtregels");
		for (size_t i = 0; i < n_intern && rc >= 0; i++)
			rc = bevinding(v, intern[i].code, intern[i].pad, "%s", intern[i].melding);
		if (rc < 0)
			return rc;
	}
	v->n_vooraf = v->n_bev;
	v->pad = PAD_VOLLEDIG;
	return 0;
}

/* voorbereid_doc, and the parsed document freed at once: the rest needs
 * only the typed message, and the freeing is done on the preparing
 * thread, not in the transaction. */
static int voorbereid(struct verwerk *v, const void *xml, size_t len,
		      const struct ijw_verwerk_context *ctx, struct ijw_uitkomst *out)
{
	int rc = voorbereid_doc(v, xml, len, ctx, out);

	ijw_document_vrij(&v->doc);
	return rc;
}

struct reeks {
	struct verwerk *v;
	size_t n;
	const struct ijw_invoer *in;
	const struct ijw_verwerk_context *ctx;
	struct ijw_uitkomst *out;
	/* The message on which this attempt failed for a reason of its own. */
	struct verwerk *gefaald;
	/* The aggregate deltas of the Prestaties of this attempt's JW323s
	 * (maandcijfers_delta.h): written before any other message (which
	 * may change a trajectory) and at the end, dropped with a failed
	 * attempt. */
	struct maandcijfers_delta *mc;
	/* Levels 1 and 2 run on a second thread while the transaction
	 * applies the messages before: v[0..klaar) are prepared. */
	pthread_mutex_t slot;
	pthread_cond_t gereed;
	size_t klaar;
};

static void voorbereid_een(struct reeks *r, size_t i)
{
	struct verwerk *v = &r->v[i];

	if (voorbereid(v, r->in[i].xml, r->in[i].len, r->ctx, &r->out[i]) < 0)
		v->pad = PAD_FOUT;
}

static void *voorbereider(void *arg)
{
	struct reeks *r = arg;

	for (size_t i = 0; i < r->n; i++) {
		voorbereid_een(r, i);
		pthread_mutex_lock(&r->slot);
		r->klaar = i + 1;
		pthread_cond_signal(&r->gereed);
		pthread_mutex_unlock(&r->slot);
	}
	return NULL;
}

static void wacht_op(struct reeks *r, size_t i)
{
	pthread_mutex_lock(&r->slot);
	while (r->klaar <= i)
		pthread_cond_wait(&r->gereed, &r->slot);
	pthread_mutex_unlock(&r->slot);
}

/* The batch in one transaction. When the store fails on a message for a
 * reason of its own (-2: a constraint, a value the column refuses), that
 * message gets the reason and is left out, and the attempt ends: the
 * caller rolls it back and runs the batch again without it, so no
 * message is ever half in. (Savepoints would undo the one message alone,
 * but SQLite journals every page a savepoint touches; such a failure is
 * a defect, not a daily event.) A conflict (-1) is store_transaction's to
 * retry. */
static int tx_reeks(struct store *st, void *arg)
{
	struct reeks *r = arg;
	int rc;

	r->gefaald = NULL;
	store_maandcijfers_delta_vergeet(&r->mc);
	for (size_t i = 0; i < r->n; i++) {
		struct verwerk *v = &r->v[i];

		wacht_op(r, i);
		if (v->pad == PAD_FOUT)
			continue;
		if (v->pad == PAD_VOLLEDIG && v->b->soort != IJW_JW323 &&
		    (rc = store_maandcijfers_delta_schrijf(st, &r->mc)) < 0)
			return rc;
		v->st = st;
		v->mc_delta = &r->mc;
		rc = v->pad == PAD_INBOX ? tx_alleen_inbox(st, v) : tx_verwerk(st, v);
		if (rc == -2) {
			snprintf(v->fout, sizeof v->fout, "%s", store_error(st));
			v->gefaald = true;
			v->pad = PAD_FOUT;
			r->gefaald = v;
		}
		if (rc < 0) {
			store_maandcijfers_delta_vergeet(&r->mc);
			return rc;
		}
	}
	return store_maandcijfers_delta_schrijf(st, &r->mc);
}

/* Hand the outcome to the caller and free the rest. */
static void afronden(struct verwerk *v, bool gelukt)
{
	struct ijw_uitkomst *out = v->out;

	if (gelukt && !v->gefaald) {
		if (out->herhaald) {
			out->bevindingen = v->bev_herhaald;
			out->n_bevindingen = v->n_bev_herhaald;
			v->bev_herhaald = NULL;
		} else {
			out->bevindingen = v->bev;
			out->n_bevindingen = v->n_bev;
			v->bev = NULL;
		}
	} else {
		free(out->retour);
		out->retour = NULL;
		out->retour_len = 0;
	}
	free(v->bev);
	free(v->bev_herhaald);
	free(v->verzoeken);
	free(v->xml_tekst);
	bericht_vrij(v->b);
}

int ijw_verwerk_reeks(struct store *st, const struct ijw_invoer *in, size_t n,
		      const struct ijw_verwerk_context *ctx, struct ijw_uitkomst *out)
{
	struct reeks r = {
		.v = calloc(n ? n : 1, sizeof *r.v), .n = n, .in = in, .ctx = ctx, .out = out,
		.slot = PTHREAD_MUTEX_INITIALIZER, .gereed = PTHREAD_COND_INITIALIZER,
	};
	pthread_t draad;
	bool naast = false;
	int rc = 0;

	for (size_t i = 0; i < n; i++)
		memset(&out[i], 0, sizeof out[i]);
	if (!r.v)
		return store_set_error(st, "onvoldoende geheugen voor %zu berichten", n);
	/* One message (the API) is prepared here; a batch beside the
	 * transaction, or here when no thread can be had. */
	if (n > 1)
		naast = pthread_create(&draad, NULL, voorbereider, &r) == 0;
	if (!naast) {
		for (size_t i = 0; i < n; i++)
			voorbereid_een(&r, i);
		r.klaar = n;
	}
	/* Each round that fails on a message leaves that one out. */
	for (;;) {
		rc = store_transaction(st, tx_reeks, &r);
		if (rc >= 0 || !r.gefaald)
			break;
	}
	if (naast)
		pthread_join(draad, NULL);
	for (size_t i = 0; i < n && rc >= 0; i++)
		if (r.v[i].gefaald && !(out[i].fout = strdup(r.v[i].fout)))
			rc = store_set_error(st, "onvoldoende geheugen");
	for (size_t i = 0; i < n; i++)
		afronden(&r.v[i], rc >= 0);
	free(r.v);
	pthread_mutex_destroy(&r.slot);
	pthread_cond_destroy(&r.gereed);
	return rc < 0 ? rc : 0;
}

int ijw_verwerk(struct store *st, const void *xml, size_t len,
		const struct ijw_verwerk_context *ctx, struct ijw_uitkomst *out)
{
	struct ijw_invoer in = { xml, len };
	int rc = ijw_verwerk_reeks(st, &in, 1, ctx, out);

	if (rc >= 0 && out->fout) {
		store_set_error(st, "%s", out->fout);
		ijw_uitkomst_vrij(out);
		return -2;
	}
	return rc;
}
