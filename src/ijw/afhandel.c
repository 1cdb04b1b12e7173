/* ijw/afhandel: see afhandel.h. */
#include "ijw/afhandel.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ijw/bericht.h"
#include "store/cijfers_store.h"
#include "store/ijw_store.h"
#include "store/maandcijfers_store.h"
#include "store/store.h"
#include "store/toewijzing_store.h"
#include "store/verzoek_store.h"

/* Toewijzingstijd of toewijzingen carried along unchanged: the model
 * keeps their decision date, not the time; the start of that day keeps
 * them older than the decision made now (IV013). */
#define TIJD_ONBEKEND "00:00:00"

struct afhandel {
	const struct afhandel_opdracht *o;
	struct afhandel_uitkomst *u;
	struct verzoek_rij *rijen;
	size_t n_rijen;
	size_t doel[AFHANDEL_MAX];        /* indexes of the rows acted on */
	size_t n_doel;
	struct ijw_bericht *verzoek;      /* the received message, read */
	/* What is written once every check has passed. */
	struct toewijzing nieuw[AFHANDEL_MAX];
	size_t n_nieuw;
	struct toewijzing gewijzigd[AFHANDEL_MAX]; /* same ToewijzingNummer (IV066) */
	size_t n_gewijzigd;
	char *xml[AFHANDEL_MAX];
	struct ijw_inbox rij[AFHANDEL_MAX];
	size_t n_xml;
};

/* Copy s into dst[n], cut at n - 1 bytes (the fields are sized for what
 * the store and the builders give them). */
static void kopieer(char *dst, size_t n, const char *s)
{
	size_t k = s ? strnlen(s, n - 1) : 0;

	if (k)
		memcpy(dst, s, k);
	dst[k] = '\0';
}

__attribute__((format(printf, 3, 4)))
static int melding(struct afhandel *a, enum afhandel_status s, const char *fmt, ...)
{
	va_list ap;

	a->u->status = s;
	va_start(ap, fmt);
	vsnprintf(a->u->melding, sizeof a->u->melding, fmt, ap);
	va_end(ap);
	return 0;
}

static void opruimen(struct afhandel *a)
{
	free(a->rijen);
	a->rijen = NULL;
	a->n_rijen = 0;
	bericht_vrij(a->verzoek);
	a->verzoek = NULL;
	for (size_t i = 0; i < a->n_xml; i++)
		free(a->xml[i]);
	a->n_xml = 0;
	a->n_nieuw = 0;
	a->n_gewijzigd = 0;
	a->n_doel = 0;
}

static bool in_scope(const struct afhandel_opdracht *o, const char *gemeente)
{
	if (o->alle_gemeenten)
		return true;
	for (size_t i = 0; i < o->n_gemeenten; i++)
		if (strcmp(o->gemeenten[i], gemeente) == 0)
			return true;
	return false;
}

/* Add the findings of one message check (n of them in b) to u. */
static void bevindingen_erbij(struct afhandel_uitkomst *u, const struct ijw_bevinding *b,
			      size_t n)
{
	for (size_t i = 0; i < n && u->n_bevindingen < IJW_BEVINDINGEN_MAX; i++)
		u->bevindingen[u->n_bevindingen++] = b[i];
}

/* Read the received request message (stored as it came in). */
static int lees_verzoek(struct store *st, struct afhandel *a)
{
	struct ijw_document d;
	struct bericht_fout bf;
	char *xml = NULL, err[256];
	int rc = store_verzoek_bericht_xml(st, a->o->bericht_id, &xml);

	if (rc < 0)
		return rc;
	if (rc == 0)
		return store_set_error(st, "verzoek %lld: het ontvangen bericht is niet bewaard",
				       (long long)a->o->bericht_id);
	rc = ijw_xml_lees(&d, xml, strlen(xml), err, sizeof err);
	free(xml);
	if (rc != 0 || !d.doc || bericht_lees(d.doc, &a->verzoek, &bf) < 0) {
		ijw_document_vrij(&d);
		return store_set_error(st, "verzoek %lld: het bewaarde bericht is niet te lezen",
				       (long long)a->o->bericht_id);
	}
	ijw_document_vrij(&d);
	return 0;
}

/* Check message b (its rules, what the store knows, the XSD: a message
 * that breaks any of them is not sent, OP192) and keep
 * its text for writing as outbox row k. 1 clean, 0 findings (in u), or
 * -1/-2. */
static int controleer_en_bewaar(struct store *st, struct afhandel *a, struct ijw_bericht *b,
				const struct ijw_uitgaand_kennis *k, int64_t id,
				int64_t jeugdige_id)
{
	struct ijw_bevinding bev[IJW_BEVINDINGEN_MAX];
	struct ijw_document d;
	struct bericht_fout bf;
	char err[256];
	size_t n = 0;
	char *xml;
	size_t len;
	int schoon = 1, rc;

	if (ijw_uitgaand_controleer(b, bev, IJW_BEVINDINGEN_MAX, &n) != 0) {
		bevindingen_erbij(a->u, bev, n);
		schoon = 0;
	}
	if (ijw_uitgaand_controleer_kennis(b, k, bev, IJW_BEVINDINGEN_MAX, &n) != 0) {
		bevindingen_erbij(a->u, bev, n);
		schoon = 0;
	}
	xml = bericht_schrijf_tekst(b, &len, &bf);
	if (!xml)
		return store_set_error(st, "%s schrijven: %s: %s",
				       bericht_soort_naam(b->soort), bf.plek, bf.melding);
	rc = ijw_xml_controleer(&d, xml, len, err, sizeof err);
	if (rc < 0) {
		free(xml);
		ijw_document_vrij(&d);
		return store_set_error(st, "XSD-controle: %s", err);
	}
	if (rc > 0) {
		bevindingen_erbij(a->u, d.bevindingen, d.n_bevindingen);
		schoon = 0;
	}
	ijw_document_vrij(&d);
	if (!schoon) {
		free(xml);
		return 0;
	}
	struct ijw_inbox *r = &a->rij[a->n_xml];
	memset(r, 0, sizeof *r);
	r->id = id;
	r->richting = "uit";
	kopieer(r->soort, sizeof r->soort, bericht_soort_naam(b->soort));
	kopieer(r->afzender, sizeof r->afzender, b->header.afzender);
	kopieer(r->ontvanger, sizeof r->ontvanger, b->header.ontvanger);
	kopieer(r->identificatie, sizeof r->identificatie,
		b->header.berichtidentificatie.identificatie);
	r->dagtekening = b->header.berichtidentificatie.dagtekening;
	kopieer(r->ontvangen_op, sizeof r->ontvangen_op, a->o->nu);
	kopieer(r->status, sizeof r->status, "verwerkt");
	kopieer(r->agb, sizeof r->agb, b->header.ontvanger);
	kopieer(r->gemeente, sizeof r->gemeente, b->header.afzender);
	r->jeugdige_id = jeugdige_id;
	a->xml[a->n_xml++] = xml;
	r->xml = xml;
	return 1;
}

static const struct ijw_aangevraagd_product *aangevraagd(const struct ijw_client_vot *c,
							  const char *referentie)
{
	for (size_t i = 0; i < c->n_aangevraagde_producten; i++)
		if (strcmp(c->aangevraagde_producten[i].referentie_aanbieder, referentie) == 0)
			return &c->aangevraagde_producten[i];
	return NULL;
}

/* Build the JW301 for client j at the request's aanbieder carrying
 * t[0..n) with p[i], check it against what the gemeente gave before
 * (eerder: the client's toewijzingen there before this decision) and the
 * requests it honours, and keep it for writing. 1, 0 (findings or
 * refused, in u), -1/-2. */
static int stuur_301(struct store *st, struct afhandel *a, int64_t bericht_id,
		     const char *agb, const char *gemeente, const struct jeugdige *j,
		     const struct toewijzing *t, const struct ijw_301_product *p, size_t n,
		     const struct toewijzing *eerder, size_t n_eerder,
		     const char *const *gehonoreerd, size_t n_gehonoreerd)
{
	struct ijw_afzender_ontvanger ao;
	struct bericht_fout bf;
	struct ijw_bericht *b;
	int64_t *gedeclareerd = NULL;
	size_t n_gedeclareerd = 0;
	char ident[16];
	int rc;

	if ((rc = store_verzoek_gedeclareerd(st, j->id, agb, &gedeclareerd, &n_gedeclareerd)) < 0)
		return rc;
	/* Afzender: the gemeente the verzoek or toewijzing is for, the one
	 * responsible for the client (IV046). Identificatie: the id of the
	 * message's row in ijw_bericht, which numbers every message sent and
	 * received, so it is unique for the sender per message type (TR056);
	 * Dagtekening: today, never in the future (TR135). */
	kopieer(ao.gemeente, sizeof ao.gemeente, gemeente);
	kopieer(ao.agb, sizeof ao.agb, agb);
	snprintf(ident, sizeof ident, "%lld", (long long)bericht_id);
	b = ijw_maak_301(&ao, j, t, p, n, &a->o->adres, 1, a->o->vandaag, ident, &bf);
	if (!b) {
		free(gedeclareerd);
		return melding(a, AFHANDEL_ONGELDIG, "De JW301 kan niet worden gemaakt: %s%s%s",
			       bf.plek, bf.plek[0] ? ": " : "", bf.melding);
	}
	struct ijw_uitgaand_kennis k = {
		.toewijzingen = eerder, .n_toewijzingen = n_eerder, .jeugdige_id = j->id,
		.gehonoreerd = gehonoreerd, .n_gehonoreerd = n_gehonoreerd,
		.gedeclareerd = gedeclareerd, .n_gedeclareerd = n_gedeclareerd,
	};
	rc = controleer_en_bewaar(st, a, b, &k, bericht_id, j->id);
	bericht_vrij(b);
	free(gedeclareerd);
	return rc;
}

/* A TeWijzigenProduct that may keep the ToewijzingNummer (OP033x1,
 * IV066, OP257): the Einddatum and the Budget may change, the Volume only with
 * Frequentie 6 (totaal binnen geldigheidsduur); any other change of the
 * Omvang ends the toewijzing and starts a new one (IV093). */
static bool zelfde_nummer(const struct ijw_te_wijzigen_product *w, const struct toewijzing *t)
{
	const struct ijw_omvang *o = w->omvang;

	if (!o)
		return !t->eenheid[0];
	if (strcmp(o->eenheid, t->eenheid) != 0 || strcmp(o->frequentie, t->frequentie) != 0)
		return false;
	return o->volume == t->volume || strcmp(t->frequentie, "6") == 0;
}

static void zet_omvang(struct toewijzing *t, const struct ijw_omvang *o, int64_t budget)
{
	t->volume = o ? o->volume : 0;
	kopieer(t->eenheid, sizeof t->eenheid, o ? o->eenheid : NULL);
	kopieer(t->frequentie, sizeof t->frequentie, o ? o->frequentie : NULL);
	t->budget = budget != IJW_GEEN ? budget : 0;
}

/* A new toewijzing (no RedenWijziging) of product p for the jeugdige at
 * aanbieder agb, gemeente; the caller sets the omvang and the
 * toewijzingsdatum. */
static void nieuwe_toewijzing(struct toewijzing *t, int64_t nummer, int64_t jeugdige_id,
			      const char *agb, const char *gemeente, const struct ijw_product *p,
			      dag_t ingang, dag_t eind)
{
	memset(t, 0, sizeof *t);
	t->nummer = nummer;
	t->jeugdige_id = jeugdige_id;
	kopieer(t->agb, sizeof t->agb, agb);
	kopieer(t->gemeente, sizeof t->gemeente, gemeente);
	kopieer(t->categorie, sizeof t->categorie, p->categorie);
	kopieer(t->productcode, sizeof t->productcode, p->code);
	t->ingangsdatum = ingang;
	t->einddatum = eind;
}

/* Honour a 315: the new toewijzingen and one 301. 1 ready to write,
 * 0 refused (status in u), -1/-2. */
static int honoreren(struct store *st, struct afhandel *a, int64_t bericht_id)
{
	const struct afhandel_opdracht *o = a->o;
	const struct verzoek_rij *v = &a->rijen[a->doel[0]];
	struct toewijzing *geldig = NULL, *alle = NULL;
	struct ijw_301_product *p = NULL;
	const char *gehonoreerd[AFHANDEL_MAX];
	int64_t nummer;
	size_t n_geldig = 0, n_alle;
	struct jeugdige j;
	int rc;

	if (!v->jeugdige_id)
		return melding(a, AFHANDEL_ONGELDIG, "De jeugdige van dit verzoek (BSN en "
			       "geboortedatum) staat niet in het register; leg de jeugdige eerst "
			       "vast of wijs het verzoek af.");
	if ((rc = store_ijw_jeugdige(st, v->jeugdige_id, &j)) <= 0)
		return rc < 0 ? rc : store_set_error(st, "jeugdige %lld ontbreekt",
						     (long long)v->jeugdige_id);
	/* IV094: per honoured AangevraagdProduct a new toewijzing with its
	 * Product, period and Omvang or Budget, numbered after the highest
	 * ToewijzingNummer in the store (OP275; TR332 checks it). */
	if ((rc = store_verzoek_volgend_toewijzingnummer(st, &nummer)) < 0)
		return rc;
	for (size_t i = 0; i < a->n_doel; i++) {
		const struct verzoek_rij *r = &a->rijen[a->doel[i]];
		const struct ijw_aangevraagd_product *ap =
			aangevraagd(a->verzoek->vot, r->referentie_aanbieder);
		struct toewijzing *t = &a->nieuw[i];

		if (!ap)
			return store_set_error(st, "verzoek %lld: product %s ontbreekt in het bericht",
					       (long long)bericht_id, r->referentie_aanbieder);
		if (!ap->product)
			return melding(a, AFHANDEL_ONGELDIG, "Product %s is aangevraagd zonder "
				       "productcategorie; een toewijzing zonder product kan hier niet "
				       "worden gemaakt. Wijs het verzoek af (reden 9) of vraag de "
				       "aanbieder een nieuw verzoek met product te sturen.",
				       r->referentie_aanbieder);
		nieuwe_toewijzing(t, nummer + (int64_t)i, j.id, r->agb, r->gemeente, ap->product,
				  ap->toewijzing_ingangsdatum, ap->toewijzing_einddatum);
		t->toewijzingsdatum = o->vandaag;
		zet_omvang(t, ap->omvang, ap->budget);
		gehonoreerd[i] = r->referentie_aanbieder;
	}
	a->n_nieuw = a->n_doel;

	/* OP087: the 301 carries every toewijzing of this client at this
	 * aanbieder that is still valid, the new ones included. */
	if ((rc = store_verzoek_toewijzingen_geldig(st, j.id, v->agb, v->gemeente, o->vandaag,
						    &geldig, &n_geldig)) < 0)
		return rc;
	n_alle = n_geldig + a->n_nieuw;
	alle = calloc(n_alle, sizeof *alle);
	p = calloc(n_alle, sizeof *p);
	if (!alle || !p) {
		rc = store_set_error(st, "onvoldoende geheugen");
		goto klaar;
	}
	for (size_t i = 0; i < n_geldig; i++) {
		alle[i] = geldig[i];
		p[i].toewijzingstijd = TIJD_ONBEKEND;
	}
	for (size_t i = 0; i < a->n_nieuw; i++) {
		alle[n_geldig + i] = a->nieuw[i];
		p[n_geldig + i].toewijzingstijd = o->tijd;
		p[n_geldig + i].referentie_aanbieder = gehonoreerd[i];
	}
	rc = stuur_301(st, a, bericht_id, v->agb, v->gemeente, &j, alle, p, n_alle, geldig,
		       n_geldig, gehonoreerd, a->n_nieuw);
klaar:
	free(geldig);
	free(alle);
	free(p);
	return rc;
}

static struct toewijzing *zoek_nummer(struct toewijzing *t, size_t n, int64_t nummer)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].nummer == nummer)
			return &t[i];
	return NULL;
}


/* Honour a 317 as IV093 says, taking over what was asked (OP348): every
 * OngewijzigdProduct is carried unchanged (no RedenWijziging); every
 * TeWijzigenProduct changes its toewijzing under the same ToewijzingNummer with RedenWijziging 12
 * (geïnitieerd door aanbieder) or, when its Omvang changes otherwise,
 * ends it the day before the GewensteIngangsdatum (also reden 12) and
 * gets a new toewijzing from then; every NieuwProduct becomes a new
 * toewijzing. One 301 carries them with every other valid toewijzing
 * (OP087), all with the ReferentieAanbieder of the verzoek (IV097).
 * 1 ready to write, 0 refused (status in u), -1/-2. */
static int honoreren_vow(struct store *st, struct afhandel *a, int64_t bericht_id)
{
	const struct afhandel_opdracht *o = a->o;
	const struct verzoek_rij *v = &a->rijen[a->doel[0]];
	const struct ijw_verzoek *q = &a->verzoek->vow->verzoek;
	const char *ref = q->referentie_aanbieder;
	const char *gehonoreerd[1] = { ref };
	struct toewijzing *eerder = NULL, *alle = NULL;
	struct ijw_301_product *p = NULL;
	size_t n_eerder = 0, n_alle = 0;
	int64_t nummer;
	struct jeugdige j;
	char d[11];
	int rc;

	if (!v->jeugdige_id)
		return melding(a, AFHANDEL_ONGELDIG, "De jeugdige van dit verzoek (BSN) heeft hier "
			       "geen toewijzing bij deze aanbieder; wijs het verzoek af.");
	if ((rc = store_ijw_jeugdige(st, v->jeugdige_id, &j)) <= 0)
		return rc < 0 ? rc : store_set_error(st, "jeugdige %lld ontbreekt",
						     (long long)v->jeugdige_id);
	if ((rc = store_verzoek_volgend_toewijzingnummer(st, &nummer)) < 0)
		return rc;
	if ((rc = store_verzoek_toewijzingen_geldig(st, j.id, v->agb, v->gemeente, o->vandaag,
						    &eerder, &n_eerder)) < 0)
		return rc;
	/* The 301: the valid toewijzingen as they become, then the new ones. */
	alle = calloc(n_eerder + AFHANDEL_MAX, sizeof *alle);
	p = calloc(n_eerder + AFHANDEL_MAX, sizeof *p);
	if (!alle || !p) {
		rc = store_set_error(st, "onvoldoende geheugen");
		goto klaar;
	}
	memcpy(alle, eerder, n_eerder * sizeof *alle);
	n_alle = n_eerder;
	for (size_t i = 0; i < n_eerder; i++)
		p[i].toewijzingstijd = TIJD_ONBEKEND;
	for (size_t i = 0; i < q->n_ongewijzigde_producten; i++) {
		int64_t nr = q->ongewijzigde_producten[i].toewijzing_nummer;
		struct toewijzing *t = zoek_nummer(alle, n_eerder, nr);

		if (!t) {
			rc = melding(a, AFHANDEL_ONGELDIG, "Toewijzing %lld uit het verzoek is niet "
				     "meer geldig; wijs het verzoek af.", (long long)nr);
			goto klaar;
		}
		/* Unchanged since the last 301: no RedenWijziging (IV099). */
		t->reden_wijziging[0] = '\0';
		p[t - alle].referentie_aanbieder = ref;
	}
	for (size_t i = 0; i < q->n_te_wijzigen_producten; i++) {
		const struct ijw_te_wijzigen_product *w = &q->te_wijzigen_producten[i];
		struct toewijzing *t = zoek_nummer(alle, n_eerder, w->toewijzing_nummer);

		if (!t) {
			rc = melding(a, AFHANDEL_ONGELDIG, "Toewijzing %lld uit het verzoek is niet "
				     "meer geldig; wijs het verzoek af.",
				     (long long)w->toewijzing_nummer);
			goto klaar;
		}
		if (a->n_gewijzigd == AFHANDEL_MAX || a->n_nieuw == AFHANDEL_MAX) {
			rc = melding(a, AFHANDEL_ONGELDIG, "Dit verzoek wijzigt meer dan %d "
				     "toewijzingen; zo'n groot verzoek kan hier niet in één keer "
				     "worden beantwoord.", AFHANDEL_MAX);
			goto klaar;
		}
		p[t - alle].referentie_aanbieder = ref;
		p[t - alle].toewijzingstijd = o->tijd;
		kopieer(t->reden_wijziging, sizeof t->reden_wijziging, "12");
		t->toewijzingsdatum = o->vandaag;
		if (zelfde_nummer(w, t)) {
			t->einddatum = w->einddatum;
			zet_omvang(t, w->omvang, w->budget);
			a->gewijzigd[a->n_gewijzigd++] = *t;
			continue;
		}
		if (w->gewenste_ingangsdatum <= t->ingangsdatum) {
			rc = melding(a, AFHANDEL_ONGELDIG, "Toewijzing %lld krijgt een andere omvang "
				     "vanaf %s, haar eigen ingangsdatum: dat is een nieuwe toewijzing "
				     "in plaats van deze. Wijs het verzoek af (reden 1) of verwijder "
				     "de toewijzing eerst.", (long long)t->nummer,
				     datum_fmt(w->gewenste_ingangsdatum, d));
			goto klaar;
		}
		t->einddatum = w->gewenste_ingangsdatum - 1;
		a->gewijzigd[a->n_gewijzigd++] = *t;
		struct toewijzing *n = &a->nieuw[a->n_nieuw];
		*n = *t;
		n->nummer = nummer + (int64_t)a->n_nieuw++;
		n->reden_wijziging[0] = '\0';
		n->ingangsdatum = w->gewenste_ingangsdatum;
		n->einddatum = w->einddatum;
		zet_omvang(n, w->omvang, w->budget);
	}
	for (size_t i = 0; i < q->n_nieuwe_producten; i++) {
		const struct ijw_nieuw_product *np = &q->nieuwe_producten[i];
		struct toewijzing *n = &a->nieuw[a->n_nieuw];

		if (!np->product) {
			rc = melding(a, AFHANDEL_ONGELDIG, "Een nieuw product is aangevraagd zonder "
				     "productcategorie; een toewijzing zonder product kan hier niet "
				     "worden gemaakt. Wijs het verzoek af.");
			goto klaar;
		}
		if (a->n_nieuw == AFHANDEL_MAX) {
			rc = melding(a, AFHANDEL_ONGELDIG, "Dit verzoek vraagt meer dan %d nieuwe "
				     "toewijzingen.", AFHANDEL_MAX);
			goto klaar;
		}
		nieuwe_toewijzing(n, nummer + (int64_t)a->n_nieuw++, j.id, v->agb, v->gemeente,
				  np->product, np->gewenste_ingangsdatum, np->einddatum);
		zet_omvang(n, np->omvang, np->budget);
	}
	for (size_t i = 0; i < a->n_nieuw; i++) {
		a->nieuw[i].toewijzingsdatum = o->vandaag;
		alle[n_alle] = a->nieuw[i];
		p[n_alle].toewijzingstijd = o->tijd;
		p[n_alle++].referentie_aanbieder = ref;
	}
	rc = stuur_301(st, a, bericht_id, v->agb, v->gemeente, &j, alle, p, n_alle, eerder,
		       n_eerder, gehonoreerd, 1);
klaar:
	free(eerder);
	free(alle);
	free(p);
	return rc;
}

/* Answer each request with a 319 (identificatie and dagtekening as for
 * a 301: TR056, TR135). 1 ready, 0 findings, -1/-2. */
static int antwoorden(struct store *st, struct afhandel *a, int64_t eerste_id)
{
	const struct afhandel_opdracht *o = a->o;
	int schoon = 1;

	for (size_t i = 0; i < a->n_doel; i++) {
		const struct verzoek_rij *r = &a->rijen[a->doel[i]];
		struct ijw_afzender_ontvanger ao;
		struct ijw_eerder_antwoord eerder = { r->referentie_aanbieder,
						      IJW_VERZOEK_IN_ONDERZOEK };
		const char *verzoeken[1] = { r->referentie_aanbieder };
		bool afwijzen = o->actie == AFHANDEL_AFWIJZEN;
		bool acht = afwijzen && o->reden && strcmp(o->reden, "8") == 0;
		struct bericht_fout bf;
		struct ijw_bericht *b;
		char ident[16];
		int64_t id = eerste_id + (int64_t)i;
		int rc;

		kopieer(ao.gemeente, sizeof ao.gemeente, r->gemeente);
		kopieer(ao.agb, sizeof ao.agb, r->agb);
		snprintf(ident, sizeof ident, "%lld", (long long)id);
		b = ijw_maak_319(&ao, r->referentie_aanbieder,
				 afwijzen ? IJW_VERZOEK_AFGEWEZEN : IJW_VERZOEK_IN_ONDERZOEK,
				 afwijzen ? o->reden : NULL, acht ? o->woonplaats_gemeente : NULL,
				 o->vandaag, ident, &bf);
		if (!b)
			return melding(a, AFHANDEL_ONGELDIG, "De JW319 kan niet worden gemaakt: %s",
				       bf.melding);
		/* The request is open, so no 301 answered it yet (TR359); an
		 * earlier 319 can only have put it in onderzoek (TR360/TR365). */
		struct ijw_uitgaand_kennis k = {
			.verzoeken = verzoeken, .n_verzoeken = 1,
			.antwoorden = &eerder,
			.n_antwoorden = strcmp(r->status, "in_onderzoek") == 0 ? 1 : 0,
		};
		rc = controleer_en_bewaar(st, a, b, &k, id, r->jeugdige_id);
		bericht_vrij(b);
		if (rc < 0)
			return rc;
		if (rc == 0)
			schoon = 0;
	}
	return schoon;
}

static int audit_object(struct store *st, struct afhandel *a)
{
	const struct afhandel_opdracht *o = a->o;
	const struct verzoek_rij *v = &a->rijen[a->doel[0]];
	char object[200];
	int w = snprintf(object, sizeof object, "verzoek/%lld (%s van %s): %s, %s",
			 (long long)o->bericht_id, v->soort, v->agb, afhandel_actie_naam(o->actie),
			 o->actie == AFHANDEL_HONOREREN ? "JW301" : "JW319");

	for (size_t i = 0; i < a->u->n_berichten && w > 0 && (size_t)w < sizeof object; i++)
		w += snprintf(object + w, sizeof object - (size_t)w, " %s",
			      a->u->identificaties[i]);
	return o->audit(st, o->audit_arg, o->actie == AFHANDEL_HONOREREN ? "toevoegen" : "wijzigen",
			v->jeugdige_id, object);
}

static int tx_afhandel(struct store *st, void *arg)
{
	struct afhandel *a = arg;
	const struct afhandel_opdracht *o = a->o;
	struct afhandel_uitkomst *u = a->u;
	const char *nieuwe_status = NULL;
	int64_t eerste_id;
	int rc;

	/* store_transaction may run this again: start afresh. */
	opruimen(a);
	memset(u, 0, sizeof *u);
	u->status = AFHANDEL_GEDAAN;

	if ((rc = store_ijw_slot(st)) < 0)
		return rc;
	if ((rc = store_verzoek_van_bericht(st, o->bericht_id, &a->rijen, &a->n_rijen)) < 0)
		return rc;
	if (a->n_rijen == 0 || !in_scope(o, a->rijen[0].gemeente))
		return melding(a, AFHANDEL_NIET_GEVONDEN, "Er is geen verzoek met dit nummer, of "
			       "het valt buiten uw gemeenten. Kies een verzoek uit de lijst.");
	for (size_t i = 0; i < a->n_rijen; i++) {
		const char *s = a->rijen[i].status;
		bool open = strcmp(s, "open") == 0;

		if (!(open || (strcmp(s, "in_onderzoek") == 0 && o->actie != AFHANDEL_ONDERZOEK)))
			continue;
		if (a->n_doel == AFHANDEL_MAX)
			return melding(a, AFHANDEL_ONGELDIG, "Dit verzoek vraagt meer dan %d "
				       "producten; zo'n groot verzoek kan hier niet in één keer "
				       "worden beantwoord.", AFHANDEL_MAX);
		a->doel[a->n_doel++] = i;
	}
	if (a->n_doel == 0) {
		bool onderzoek = false;

		for (size_t i = 0; i < a->n_rijen; i++)
			onderzoek |= strcmp(a->rijen[i].status, "in_onderzoek") == 0;
		return melding(a, AFHANDEL_AL_AFGEHANDELD, onderzoek ?
			       "Dit verzoek staat al in onderzoek; honoreer het of wijs het af." :
			       "Op dit verzoek is al geantwoord (%s); er is niets meer te doen.",
			       a->rijen[0].status);
	}
	if ((rc = lees_verzoek(st, a)) < 0)
		return rc;
	if ((rc = store_ijw_volgend_id(st, IJW_TABEL_BERICHT, &eerste_id)) < 0)
		return rc;
	switch (o->actie) {
	case AFHANDEL_HONOREREN:
		if (a->verzoek->vot)
			rc = honoreren(st, a, eerste_id);
		else if (a->verzoek->vow)
			rc = honoreren_vow(st, a, eerste_id);
		else
			return store_set_error(st, "verzoek %lld: geen JW315 of JW317",
					       (long long)o->bericht_id);
		nieuwe_status = "toegewezen";
		break;
	case AFHANDEL_AFWIJZEN:
		rc = antwoorden(st, a, eerste_id);
		nieuwe_status = "afgewezen";
		break;
	case AFHANDEL_ONDERZOEK:
		rc = antwoorden(st, a, eerste_id);
		nieuwe_status = "in_onderzoek";
		break;
	}
	if (rc < 0 || u->status != AFHANDEL_GEDAAN)
		return rc < 0 ? rc : 0;
	if (u->n_bevindingen > 0)
		return melding(a, AFHANDEL_BEVINDINGEN, "Het antwoord is niet verstuurd: het "
			       "voldoet niet aan de regels van iJw 3.2 (zie de bevindingen).");

	/* Every check passed: write it all. */
	for (size_t i = 0; i < a->n_nieuw; i++) {
		if ((rc = store_put_toewijzing(st, &a->nieuw[i])) < 0)
			return rc;
		u->toewijzingen[u->n_toewijzingen++] = a->nieuw[i].nummer;
	}
	for (size_t i = 0; i < a->n_gewijzigd; i++) {
		if ((rc = store_verzoek_toewijzing_wijzig(st, &a->gewijzigd[i])) < 0)
			return rc;
		u->gewijzigd[u->n_gewijzigd++] = a->gewijzigd[i].nummer;
	}
	for (size_t i = 0; i < a->n_xml; i++) {
		if ((rc = store_ijw_bericht_insert(st, &a->rij[i])) < 0)
			return rc;
		u->berichten[u->n_berichten] = a->rij[i].id;
		kopieer(u->identificaties[u->n_berichten], sizeof u->identificaties[0],
			a->rij[i].identificatie);
		u->n_berichten++;
	}
	for (size_t i = 0; i < a->n_doel; i++)
		if ((rc = store_verzoek_status_zet(st, a->rijen[a->doel[i]].id, nieuwe_status)) < 0)
			return rc;
	if ((rc = audit_object(st, a)) < 0)
		return rc;
	return store_data_versie_verhoog(st);
}

int ijw_afhandel(struct store *st, const struct afhandel_opdracht *o,
		 struct afhandel_uitkomst *u)
{
	struct afhandel *a = calloc(1, sizeof *a);
	int rc;

	if (!a)
		return store_set_error(st, "onvoldoende geheugen");
	a->o = o;
	a->u = u;
	rc = store_transaction(st, tx_afhandel, a);
	opruimen(a);
	free(a);
	return rc < 0 ? rc : 0;
}

/* ---- the municipality's own initiative ------------------------------------------- */

struct eigen {
	const struct afhandel_eigen *o;
	struct afhandel_opdracht opdracht;  /* what the shared helpers read */
	struct afhandel a;
	struct afhandel_eigen_werk w;
};

/* The 301 for the werk: the client's other valid toewijzingen there as
 * they were sent (no RedenWijziging, IV099; deleted ones left out), and
 * the one decided now; an ending or deletion also reaches the aanbieder
 * this way (OP258). 1 ready, 0 findings or refused, -1/-2. */
static int eigen_301(struct store *st, struct eigen *e, int64_t bericht_id)
{
	struct afhandel_eigen_werk *w = &e->w;
	struct toewijzing *eerder = NULL, *alle = NULL;
	struct ijw_301_product *p = NULL;
	size_t n_eerder = 0, n_alle = 0;
	struct jeugdige j;
	bool erin = false;
	int rc;

	if ((rc = store_ijw_jeugdige(st, w->jeugdige_id, &j)) <= 0)
		return rc < 0 ? rc : store_set_error(st, "jeugdige %lld ontbreekt",
						     (long long)w->jeugdige_id);
	if ((rc = store_verzoek_toewijzingen_geldig(st, j.id, w->t.agb, w->t.gemeente,
						    e->o->vandaag, &eerder, &n_eerder)) < 0)
		return rc;
	alle = calloc(n_eerder + 1, sizeof *alle);
	p = calloc(n_eerder + 1, sizeof *p);
	if (!alle || !p) {
		rc = store_set_error(st, "onvoldoende geheugen");
		goto klaar;
	}
	for (size_t i = 0; i < n_eerder; i++) {
		if (eerder[i].nummer == w->t.nummer) {
			alle[n_alle] = w->t;
			p[n_alle++].toewijzingstijd = e->o->tijd;
			erin = true;
			continue;
		}
		if (strcmp(eerder[i].reden_wijziging, "13") == 0)
			continue;
		alle[n_alle] = eerder[i];
		alle[n_alle].reden_wijziging[0] = '\0';
		p[n_alle++].toewijzingstijd = TIJD_ONBEKEND;
	}
	/* New, or changed to end before today: still the aanbieder must see it. */
	if (!erin) {
		alle[n_alle] = w->t;
		p[n_alle++].toewijzingstijd = e->o->tijd;
	}
	rc = stuur_301(st, &e->a, bericht_id, w->t.agb, w->t.gemeente, &j, alle, p, n_alle,
		       eerder, n_eerder, NULL, 0);
klaar:
	free(eerder);
	free(alle);
	free(p);
	return rc;
}

static int tx_eigen(struct store *st, void *arg)
{
	struct eigen *e = arg;
	struct afhandel_eigen_werk *w = &e->w;
	struct afhandel_uitkomst *u = e->a.u;
	char object[200];
	int64_t bericht_id, id;
	int rc;

	opruimen(&e->a);
	memset(u, 0, sizeof *u);
	memset(w, 0, sizeof *w);
	u->status = AFHANDEL_GEDAAN;
	if ((rc = store_ijw_slot(st)) < 0)
		return rc;
	if ((rc = e->o->bereid(st, e->o->arg, w, u)) <= 0)
		return rc;
	w->t.toewijzingsdatum = e->o->vandaag;
	if (w->nieuw) {
		if ((rc = store_verzoek_volgend_toewijzingnummer(st, &w->t.nummer)) < 0)
			return rc;
		w->t.reden_wijziging[0] = '\0';
	}
	if (w->met_verwijzing) {
		if ((rc = store_toewijzing_volgend_verwijzing_id(st, &w->verwijzing.id)) < 0)
			return rc;
		w->t.verwijzing_id = w->verwijzing.id;
	}
	if ((rc = store_ijw_volgend_id(st, IJW_TABEL_BERICHT, &bericht_id)) < 0)
		return rc;
	if ((rc = eigen_301(st, e, bericht_id)) < 0 || u->status != AFHANDEL_GEDAAN)
		return rc < 0 ? rc : 0;
	if (u->n_bevindingen > 0)
		return melding(&e->a, AFHANDEL_BEVINDINGEN, "De toewijzing is niet verstuurd: de "
			       "JW301 voldoet niet aan de regels van iJw 3.2 (zie de bevindingen).");

	/* Every check passed: write it all. */
	if (w->met_verwijzing && (rc = store_put_verwijzing(st, &w->verwijzing)) < 0)
		return rc;
	if (w->nieuw) {
		if ((rc = store_put_toewijzing(st, &w->t)) < 0)
			return rc;
		u->toewijzingen[u->n_toewijzingen++] = w->t.nummer;
	} else {
		if ((rc = store_verzoek_toewijzing_wijzig(st, &w->t)) < 0)
			return rc;
		u->gewijzigd[u->n_gewijzigd++] = w->t.nummer;
	}
	if (w->met_traject && w->traject_nieuw) {
		if ((rc = store_ijw_volgend_id(st, IJW_TABEL_TRAJECT, &id)) < 0)
			return rc;
		w->traject.id = id;
		w->traject.toewijzing_nummer = w->t.nummer;
		w->traject.verwijzing_id = w->t.verwijzing_id;
		struct maandcijfers_tx *mc = NULL;
		rc = store_maandcijfers_raak(st, &mc, w->traject.jeugdige_id);
		if (rc >= 0)
			rc = store_put_traject(st, &w->traject);
		if ((rc = store_maandcijfers_klaar(st, &mc, rc)) < 0)
			return rc;
	} else if (w->met_traject && (rc = store_ijw_traject_zet(st, &w->traject)) < 0) {
		return rc;
	}
	for (size_t i = 0; i < e->a.n_xml; i++) {
		if ((rc = store_ijw_bericht_insert(st, &e->a.rij[i])) < 0)
			return rc;
		u->berichten[u->n_berichten] = e->a.rij[i].id;
		kopieer(u->identificaties[u->n_berichten], sizeof u->identificaties[0],
			e->a.rij[i].identificatie);
		u->n_berichten++;
	}
	snprintf(object, sizeof object, "toewijzing/%lld: %s, JW301 %s", (long long)w->t.nummer,
		 w->object, u->n_berichten ? u->identificaties[0] : "");
	if ((rc = e->o->audit(st, e->o->audit_arg, w->nieuw ? "toevoegen" : "wijzigen",
			      w->jeugdige_id, object)) < 0)
		return rc;
	return store_data_versie_verhoog(st);
}

int ijw_afhandel_eigen(struct store *st, const struct afhandel_eigen *o,
		       struct afhandel_uitkomst *u)
{
	struct eigen *e = calloc(1, sizeof *e);
	int rc;

	if (!e)
		return store_set_error(st, "onvoldoende geheugen");
	e->o = o;
	e->opdracht.adres = o->adres;
	e->opdracht.vandaag = o->vandaag;
	e->opdracht.tijd = o->tijd;
	e->opdracht.nu = o->nu;
	e->a.o = &e->opdracht;
	e->a.u = u;
	rc = store_transaction(st, tx_eigen, e);
	opruimen(&e->a);
	free(e);
	return rc < 0 ? rc : 0;
}

const char *afhandel_actie_naam(enum afhandel_actie a)
{
	switch (a) {
	case AFHANDEL_HONOREREN:
		return "honoreren";
	case AFHANDEL_AFWIJZEN:
		return "afwijzen";
	case AFHANDEL_ONDERZOEK:
		return "onderzoek";
	}
	return "?";
}

bool afhandel_actie_van_naam(const char *s, enum afhandel_actie *a)
{
	static const enum afhandel_actie alle[] = { AFHANDEL_HONOREREN, AFHANDEL_AFWIJZEN,
						    AFHANDEL_ONDERZOEK };

	for (size_t i = 0; i < sizeof alle / sizeof alle[0]; i++)
		if (strcmp(s, afhandel_actie_naam(alle[i])) == 0) {
			*a = alle[i];
			return true;
		}
	return false;
}

/* ---- export ------------------------------------------------------------------ */

struct markeer {
	int64_t id;
	const char *nu;
};

static int tx_markeer(struct store *st, void *arg)
{
	const struct markeer *m = arg;

	return store_verzoek_export_markeer(st, m->id, m->nu);
}

static int tx_lijst(struct store *st, void *arg)
{
	void **a = arg;
	struct verzoek_uit **out = a[0];
	size_t *n = a[1];

	store_verzoek_uit_vrij(*out, *n);
	*out = NULL;
	*n = 0;
	return store_verzoek_uit_te_exporteren(st, a[2], out, n);
}

/* An Identificatie is safe as a file name when it holds only letters,
 * digits, '-' and '_' (ours are numbers; the check guards old rows). */
static bool bestandsnaam_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && strspn(s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			       "-_") == n;
}

static int schrijf(const char *pad, const char *tmp, const char *xml, char *fout, size_t n)
{
	size_t len = strlen(xml);
	FILE *f = fopen(tmp, "wb");

	if (!f) {
		snprintf(fout, n, "%s: %s", tmp, strerror(errno));
		return -3;
	}
	if (fwrite(xml, 1, len, f) != len || fclose(f) != 0) {
		snprintf(fout, n, "%s: schrijffout", tmp);
		remove(tmp);
		return -3;
	}
	if (rename(tmp, pad) != 0) {
		snprintf(fout, n, "%s: %s", pad, strerror(errno));
		remove(tmp);
		return -3;
	}
	return 0;
}

int ijw_export(struct store *st, const char *map, const char *agb, const char *nu, FILE *uit,
	       size_t *n, char *fout, size_t foutlen)
{
	struct verzoek_uit *lijst = NULL;
	size_t n_lijst = 0;
	void *arg[3] = { &lijst, &n_lijst, (void *)agb };
	int rc = store_transaction(st, tx_lijst, arg);

	*n = 0;
	fout[0] = '\0';
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < n_lijst && rc >= 0; i++) {
		const struct verzoek_uit *u = &lijst[i];
		char pad[4096], tmp[4200];
		struct markeer m = { u->id, nu };

		if (!bestandsnaam_ok(u->identificatie)) {
			snprintf(fout, foutlen, "bericht %lld: Identificatie '%s' is geen veilige "
				 "bestandsnaam", (long long)u->id, u->identificatie);
			rc = -3;
			break;
		}
		if (snprintf(pad, sizeof pad, "%s/%s.xml", map, u->identificatie) >= (int)sizeof pad) {
			snprintf(fout, foutlen, "de map %s heeft een te lange naam", map);
			rc = -3;
			break;
		}
		snprintf(tmp, sizeof tmp, "%s.tmp", pad);
		if ((rc = schrijf(pad, tmp, u->xml, fout, foutlen)) < 0)
			break;
		if ((rc = store_transaction(st, tx_markeer, &m)) < 0)
			break;
		(*n)++;
		fprintf(uit, "%s: %s aan %s\n", pad, u->soort, u->agb);
	}
	store_verzoek_uit_vrij(lijst, n_lijst);
	return rc < 0 ? rc : 0;
}
