/* via_ijw: demo --via-ijw, the second half. The careers (loopbaan.c) keep
 * every toewijzing with its trajectory and every Prestatie; this module
 * sends them as iJw 3.2 messages, each processed in its own transaction
 * exactly as a message from outside would be:
 *  1. per toewijzing, in numbering order: the aanbieder's JW315 through
 *     ijw_verwerk, honoured by the municipality with ijw_afhandel (which
 *     makes the toewijzing and its JW301);
 *  2. per toewijzing: the JW305 of the start and the JW307 of the stop;
 *  3. per aanbieder, gemeente and month, in month order: one JW323.
 * Each message is dated on the day it happened; that day is "today" for
 * the rules. A finding the history does not intend (only the rejected
 * declaration lines are meant to get one) stops the demo with it.
 * Memory: everything allocated here is freed before returning; the kept
 * history belongs to struct gen.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo/demo_intern.h"
#include "domain/audit.h"
#include "ijw/afhandel.h"
#include "ijw/bericht.h"
#include "ijw/uitgaand.h"
#include "ijw/verwerk.h"
#include "store/maandcijfers_store.h"
#include "store/store.h"

/* The 315 carries the Verwijzer; for a zorgverlener (types 02..05) the
 * rules want a name or an AGB code (CD067). */
static const char *verwijzer_naam(const char *type)
{
	static const struct { const char *type, *naam; } namen[] = {
		{ "02", "Huisartsenpraktijk" }, { "03", "Jeugdarts GGD" },
		{ "04", "Gecertificeerde instelling" }, { "05", "Medisch specialist" },
	};
	for (size_t i = 0; i < sizeof namen / sizeof namen[0]; i++)
		if (strcmp(namen[i].type, type) == 0)
			return namen[i].naam;
	return NULL;
}

static void kopieer(char *dst, size_t n, const char *src)
{
	size_t k = strnlen(src, n - 1);
	memmove(dst, src, k);
	dst[k] = '\0';
}

static int geheugen(struct gen *g)
{
	snprintf(g->err, g->errlen, "onvoldoende geheugen");
	return -1;
}

/* CDT_VerkorteNaam of a youth: the leading lower-case words of the
 * achternaam ("van den" in "van den Berg") are the Voorvoegsel, the
 * voorletters the first letter of each voornaam. */
static int naam(struct ijw_bericht *b, struct ijw_naam *nm, const struct jeugdige *j)
{
	const char *a = j->achternaam;
	size_t vv = 0;
	for (size_t i = 0; a[i];) {
		size_t w = i;
		while (a[w] && a[w] != ' ' && islower((unsigned char)a[w]))
			w++;
		if (a[w] != ' ' || w == i || w > 10)
			break;
		vv = w;
		i = w + 1;
	}
	char voorvoegsel[16] = "", letters[8] = "";
	if (vv) {
		memcpy(voorvoegsel, a, vv);
		voorvoegsel[vv] = '\0';
		a += vv + 1;
	}
	size_t n = 0;
	for (const char *p = j->voornamen; *p && n < 6; p++)
		if ((p == j->voornamen || p[-1] == ' ') && isalpha((unsigned char)*p))
			letters[n++] = (char)toupper((unsigned char)*p);
	letters[n] = '\0';
	nm->geslachtsnaam.achternaam = bericht_tekst(b, a);
	nm->geslachtsnaam.voorvoegsel = vv ? bericht_tekst(b, voorvoegsel) : NULL;
	nm->voorletters = n ? bericht_tekst(b, letters) : NULL;
	return nm->geslachtsnaam.achternaam && (!vv || nm->geslachtsnaam.voorvoegsel) &&
			       (!n || nm->voorletters) ? 0 : -1;
}

/* A heenbericht from aanbieder agb to gemeente. */
static struct ijw_bericht *nieuw(enum ijw_soort s, const char *agb, const char *gemeente,
				 const char *identificatie, dag_t dagtekening)
{
	struct ijw_bericht *b = bericht_nieuw(s);
	if (!b)
		return NULL;
	struct ijw_header *h = &b->header;
	kopieer(h->afzender, sizeof h->afzender, agb);
	kopieer(h->ontvanger, sizeof h->ontvanger, gemeente);
	kopieer(h->berichtidentificatie.identificatie, sizeof h->berichtidentificatie.identificatie,
		identificatie);
	h->berichtidentificatie.dagtekening = dagtekening;
	kopieer(h->xsd_versie.basisschema_xsd_versie, sizeof h->xsd_versie.basisschema_xsd_versie,
		IJW_UITGAAND_XSD_VERSIE);
	kopieer(h->xsd_versie.bericht_xsd_versie, sizeof h->xsd_versie.bericht_xsd_versie,
		IJW_UITGAAND_XSD_VERSIE);
	return b;
}

static void nu_van(dag_t d, char nu[21])
{
	char dag[11];
	snprintf(nu, 21, "%sT09:00:00Z", datum_fmt(d, dag));
}

/* The rule codes a declaration line of the history is meant to get. */
static bool bedoeld(const char *code)
{
	return strcmp(code, "TR418") == 0 || strcmp(code, "TR381") == 0;
}

/* Process b as received on day vandaag. af: the number of Prestaties
 * meant to be rejected; any other finding is an error. *id gets the inbox
 * row (may be NULL). 0, or -1 with the message in g->err. */
static int stuur(struct gen *g, struct ijw_bericht *b, dag_t vandaag, size_t af, int64_t *id)
{
	struct bericht_fout bf;
	size_t len;
	char *xml = bericht_schrijf_tekst(b, &len, &bf);
	if (!xml) {
		snprintf(g->err, g->errlen, "%s %s schrijven: %s: %s", bericht_soort_naam(b->soort),
			 b->header.berichtidentificatie.identificatie, bf.plek, bf.melding);
		return -1;
	}
	struct gemeente gem[DEMO_MAX_GEMEENTEN];
	for (int i = 0; i < g->n_gem; i++)
		gem[i] = g->gem[i].g;
	char nu[21];
	nu_van(vandaag, nu);
	struct ijw_verwerk_context ctx = {
		.afzender_agb = NULL, .gemeenten = gem, .n_gemeenten = (size_t)g->n_gem,
		.vandaag = vandaag, .nu = nu,
	};
	struct ijw_uitkomst u;
	memset(&u, 0, sizeof u);
	int rc = ijw_verwerk(g->st, xml, len, &ctx, &u);
	free(xml);
	if (rc < 0) {
		ijw_uitkomst_vrij(&u);
		return gen_fout(g, bericht_soort_naam(b->soort));
	}
	size_t n_bedoeld = 0;
	const struct ijw_bevinding *anders = NULL;
	for (size_t i = 0; i < u.n_bevindingen; i++) {
		if (af > 0 && bedoeld(u.bevindingen[i].code))
			n_bedoeld++;
		else if (!anders)
			anders = &u.bevindingen[i];
	}
	if (anders || n_bedoeld != af || u.herhaald) {
		snprintf(g->err, g->errlen, "%s %s van %s aan %s: %s %s %s (%zu van %zu bedoelde "
			 "afwijzingen, status %s)", bericht_soort_naam(b->soort),
			 b->header.berichtidentificatie.identificatie, b->header.afzender,
			 b->header.ontvanger, anders ? anders->code : "-", anders ? anders->pad : "",
			 anders ? anders->melding : "", n_bedoeld, af,
			 ijw_verwerk_status_naam(u.status));
		ijw_uitkomst_vrij(&u);
		return -1;
	}
	if (id)
		*id = u.bericht_id;
	ijw_uitkomst_vrij(&u);
	return 0;
}

/* The municipality's action is audited like a user's (the demo acts for
 * the region's staff). */
static int audit(struct store *st, void *arg, const char *actie, int64_t jeugdige_id,
		 const char *object)
{
	const char *nu = arg;
	struct audit_record r;
	(void)jeugdige_id;
	memset(&r, 0, sizeof r);
	kopieer(r.tijdstip, sizeof r.tijdstip, nu);
	kopieer(r.gebruiker, sizeof r.gebruiker, "demo --via-ijw");
	kopieer(r.rol, sizeof r.rol, "regio");
	kopieer(r.actie, sizeof r.actie, actie);
	kopieer(r.object, sizeof r.object, object);
	return store_audit_append(st, &r);
}

/* The region registers the trajectory at the aanbieder the toewijzing
 * names (and a decision on a long wait for it). */
static int registreer(struct store *st, void *arg)
{
	const struct via_zorg *z = arg;
	struct maandcijfers_tx *mc = NULL;
	int rc = store_maandcijfers_raak(st, &mc, z->voor.jeugdige_id);
	if (rc >= 0)
		rc = store_put_traject(st, &z->voor);
	if (rc >= 0 && z->besluit)
		rc = store_put_zorgelijk_besluit(st, &z->zb);
	return store_maandcijfers_klaar(st, &mc, rc);
}

/* 1. The JW315 of one toewijzing and the municipality honouring it. */
static int toewijzen(struct gen *g, const struct via_zorg *z)
{
	const struct toewijzing *tw = &z->tw;
	char ident[16], ref[24];
	snprintf(ident, sizeof ident, "V%lld", (long long)tw->nummer);
	snprintf(ref, sizeof ref, "T%lld", (long long)z->t.id);
	struct ijw_bericht *b = nieuw(IJW_JW315, tw->agb, tw->gemeente, ident, tw->toewijzingsdatum);
	if (!b)
		return geheugen(g);
	struct ijw_client_vot *c = bericht_klassen(b, IJW_K_CLIENT_VOT, 1);
	struct ijw_aangevraagd_product *ap = bericht_klassen(b, IJW_K_AANGEVRAAGD_PRODUCT, 1);
	struct ijw_product *pr = bericht_klassen(b, IJW_K_PRODUCT, 1);
	struct ijw_omvang *om = tw->eenheid[0] ? bericht_klassen(b, IJW_K_OMVANG, 1) : NULL;
	const char *vn = verwijzer_naam(z->t.verwijzer);
	if (!c || !ap || !pr || (tw->eenheid[0] && !om) || naam(b, &c->naam, &z->j) < 0) {
		bericht_vrij(b);
		return geheugen(g);
	}
	b->vot = c;
	kopieer(c->bsn, sizeof c->bsn, z->j.bsn);
	c->geboortedatum.datum = z->j.geboortedatum;
	snprintf(c->geslacht, sizeof c->geslacht, "%d", z->j.geslacht);
	c->aangevraagde_producten = ap;
	c->n_aangevraagde_producten = 1;
	kopieer(ap->referentie_aanbieder, sizeof ap->referentie_aanbieder, ref);
	kopieer(pr->categorie, sizeof pr->categorie, tw->categorie);
	kopieer(pr->code, sizeof pr->code, tw->productcode);
	ap->product = pr;
	ap->toewijzing_ingangsdatum = tw->ingangsdatum;
	ap->toewijzing_einddatum = tw->einddatum;
	if (om) {
		om->volume = tw->volume;
		kopieer(om->eenheid, sizeof om->eenheid, tw->eenheid);
		kopieer(om->frequentie, sizeof om->frequentie, tw->frequentie);
		ap->omvang = om;
	}
	kopieer(ap->verwijzer.type, sizeof ap->verwijzer.type, z->t.verwijzer);
	if (vn && !(ap->verwijzer.naam = bericht_tekst(b, vn))) {
		bericht_vrij(b);
		return geheugen(g);
	}
	int64_t bericht_id = 0;
	int rc = stuur(g, b, tw->toewijzingsdatum, 0, &bericht_id);
	bericht_vrij(b);
	if (rc < 0)
		return rc;

	char nu[21];
	nu_van(tw->toewijzingsdatum, nu);
	struct afhandel_opdracht o = {
		.bericht_id = bericht_id, .actie = AFHANDEL_HONOREREN,
		.adres = { .soort = "01", .straatnaam = "Stationsweg", .huisnummer = 1,
			   .postcode = "2312AV", .plaatsnaam = g->gem[z->gemeente].g.naam,
			   .land_code = "NL" },
		.alle_gemeenten = true, .vandaag = tw->toewijzingsdatum, .tijd = "09:30:00",
		.nu = nu, .audit = audit, .audit_arg = nu,
	};
	struct afhandel_uitkomst *u = calloc(1, sizeof *u);
	if (!u)
		return geheugen(g);
	if (ijw_afhandel(g->st, &o, u) < 0) {
		free(u);
		return gen_fout(g, "JW301");
	}
	if (u->status != AFHANDEL_GEDAAN || u->n_toewijzingen != 1 ||
	    u->toewijzingen[0] != tw->nummer) {
		snprintf(g->err, g->errlen, "JW315 %s honoreren: %s%s%s%s (toewijzing %lld, "
			 "verwacht %lld)", ident, u->melding, u->n_bevindingen ? " " : "",
			 u->n_bevindingen ? u->bevindingen[0].code : "",
			 u->n_bevindingen ? u->bevindingen[0].melding : "",
			 (long long)(u->n_toewijzingen ? u->toewijzingen[0] : 0),
			 (long long)tw->nummer);
		free(u);
		return -1;
	}
	free(u);
	return store_transaction(g->st, registreer, (void *)z) < 0 ? gen_fout(g, "traject") : 0;
}

/* Start or stop message header and client of toewijzing z. */
static struct ijw_bericht *start_stop(struct gen *g, const struct via_zorg *z, enum ijw_soort s,
				      const char *ident, dag_t dagtekening)
{
	struct ijw_bericht *b = nieuw(s, z->tw.agb, z->tw.gemeente, ident, dagtekening);
	struct ijw_product *pr = b ? bericht_klassen(b, IJW_K_PRODUCT, 1) : NULL;
	if (!pr)
		goto fout;
	kopieer(pr->categorie, sizeof pr->categorie, z->tw.categorie);
	kopieer(pr->code, sizeof pr->code, z->tw.productcode);
	if (s == IJW_JW305) {
		struct ijw_client_start *c = bericht_klassen(b, IJW_K_CLIENT_START, 1);
		struct ijw_start_product *p = bericht_klassen(b, IJW_K_START_PRODUCT, 1);
		if (!c || !p || naam(b, &c->naam, &z->j) < 0)
			goto fout;
		b->start = c;
		kopieer(c->bsn, sizeof c->bsn, z->j.bsn);
		c->geboortedatum.datum = z->j.geboortedatum;
		snprintf(c->geslacht, sizeof c->geslacht, "%d", z->j.geslacht);
		c->start_producten = p;
		c->n_start_producten = 1;
		p->toewijzing_nummer = z->tw.nummer;
		p->product = pr;
		p->toewijzing_ingangsdatum = z->tw.ingangsdatum;
		p->begindatum = z->t.begindatum;
		kopieer(p->status_aanlevering, sizeof p->status_aanlevering, "1");
	} else {
		struct ijw_client_stop *c = bericht_klassen(b, IJW_K_CLIENT_STOP, 1);
		struct ijw_stop_product *p = bericht_klassen(b, IJW_K_STOP_PRODUCT, 1);
		if (!c || !p || naam(b, &c->naam, &z->j) < 0)
			goto fout;
		b->stop = c;
		kopieer(c->bsn, sizeof c->bsn, z->j.bsn);
		c->geboortedatum.datum = z->j.geboortedatum;
		snprintf(c->geslacht, sizeof c->geslacht, "%d", z->j.geslacht);
		c->stop_producten = p;
		c->n_stop_producten = 1;
		p->toewijzing_nummer = z->tw.nummer;
		p->product = pr;
		p->toewijzing_ingangsdatum = z->tw.ingangsdatum;
		p->begindatum = z->t.begindatum;
		kopieer(p->reden_beeindiging, sizeof p->reden_beeindiging, z->t.reden_beeindiging);
		p->einddatum = z->t.einddatum;
		kopieer(p->status_aanlevering, sizeof p->status_aanlevering, "1");
	}
	return b;
fout:
	bericht_vrij(b);
	geheugen(g);
	return NULL;
}

/* A start or stop is reported a few days after it happened, and not
 * after the demo's last day. */
static dag_t gemeld(const struct gen *g, dag_t d)
{
	return d + 3 > g->o.tot ? (d > g->o.tot ? d : g->o.tot) : d + 3;
}

/* 2. The JW305 and JW307 of one toewijzing. */
static int start_en_stop(struct gen *g, const struct via_zorg *z)
{
	char ident[16];
	if (z->t.begindatum == DAG_GEEN)
		return 0;
	dag_t dag = gemeld(g, z->t.begindatum);
	snprintf(ident, sizeof ident, "S%lld", (long long)z->tw.nummer);
	struct ijw_bericht *b = start_stop(g, z, IJW_JW305, ident, dag);
	if (!b)
		return -1;
	int rc = stuur(g, b, dag, 0, NULL);
	bericht_vrij(b);
	if (rc < 0 || z->t.einddatum == DAG_GEEN)
		return rc;
	dag = gemeld(g, z->t.einddatum);
	snprintf(ident, sizeof ident, "E%lld", (long long)z->tw.nummer);
	b = start_stop(g, z, IJW_JW307, ident, dag);
	if (!b)
		return -1;
	rc = stuur(g, b, dag, 0, NULL);
	bericht_vrij(b);
	return rc;
}

/* Declarations in sending order: month, aanbieder, gemeente; within one,
 * client by client in the order the lines were made. */
static int vergelijk(const void *x, const void *y)
{
	const struct via_prestatie *a = x, *b = y;
	if (a->maand != b->maand)
		return a->maand < b->maand ? -1 : 1;
	if (a->aanbieder != b->aanbieder)
		return a->aanbieder < b->aanbieder ? -1 : 1;
	if (a->gemeente != b->gemeente)
		return a->gemeente < b->gemeente ? -1 : 1;
	if (a->p.jeugdige_id != b->p.jeugdige_id)
		return a->p.jeugdige_id < b->p.jeugdige_id ? -1 : 1;
	return a->p.id < b->p.id ? -1 : a->p.id > b->p.id;
}

/* The BSN of youth id, from the kept toewijzingen (each youth with a
 * Prestatie has one). */
static const char *bsn_van(const struct gen *g, int64_t id)
{
	size_t lo = 0, hi = g->n_via_zorg;
	while (lo < hi) {
		size_t m = (lo + hi) / 2;
		if (g->via_zorg[m].j.id < id)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < g->n_via_zorg && g->via_zorg[lo].j.id == id ? g->via_zorg[lo].j.bsn : NULL;
}

/* 3. One JW323 for the lines v[0..n) (one aanbieder, gemeente, month). */
static int declareer(struct gen *g, const struct via_prestatie *v, size_t n)
{
	const struct gen_aanbieder *a = &g->aanb[v->aanbieder];
	const struct gen_gemeente *gm = &g->gem[v->gemeente];
	dag_t dagtek = demo_declaratie_dagtekening(v->aanbieder, v->gemeente, v->maand);
	char nummer[24], ident[32];
	demo_declaratie_nummer(g, v->gemeente, v->maand, nummer, sizeof nummer);
	snprintf(ident, sizeof ident, "D%s", nummer);
	struct ijw_bericht *b = nieuw(IJW_JW323, a->a.agb, gm->g.code, ident, dagtek);
	if (!b)
		return geheugen(g);
	size_t n_cl = 0;
	for (size_t i = 0; i < n; i++)
		n_cl += i == 0 || v[i].p.jeugdige_id != v[i - 1].p.jeugdige_id;
	struct ijw_declaratie *d = bericht_klassen(b, IJW_K_DECLARATIE, 1);
	struct ijw_declaratie_client *cl = bericht_klassen(b, IJW_K_DECLARATIE_CLIENT, n_cl);
	struct ijw_prestatie *ps = bericht_klassen(b, IJW_K_PRESTATIE, n);
	if (!d || !cl || !ps) {
		bericht_vrij(b);
		return geheugen(g);
	}
	b->declaratie = d;
	kopieer(d->declaratie_nummer, sizeof d->declaratie_nummer, nummer);
	d->declaratie_periode.begindatum = v->maand;
	d->declaratie_periode.einddatum = datum_maand_eind(v->maand);
	d->declaratie_dagtekening = dagtek;
	d->clienten = cl;
	d->n_clienten = n_cl;
	int64_t totaal = 0;
	size_t af = 0, c = 0;
	for (size_t i = 0; i < n; i++) {
		const struct prestatie *p = &v[i].p;
		if (i > 0 && p->jeugdige_id != v[i - 1].p.jeugdige_id)
			c++;
		if (cl[c].n_prestaties == 0) {
			const char *bsn = bsn_van(g, p->jeugdige_id);
			if (!bsn) {
				bericht_vrij(b);
				snprintf(g->err, g->errlen, "jeugdige %lld zonder toewijzing",
					 (long long)p->jeugdige_id);
				return -1;
			}
			kopieer(cl[c].bsn, sizeof cl[c].bsn, bsn);
			cl[c].prestaties = &ps[i];
		}
		cl[c].n_prestaties++;
		struct ijw_prestatie *q = &ps[i];
		kopieer(q->product_referentie.referentie_nummer,
			sizeof q->product_referentie.referentie_nummer, p->referentie);
		q->toewijzing_nummer = p->toewijzing_nummer;
		kopieer(q->product_categorie, sizeof q->product_categorie, p->categorie);
		kopieer(q->product_code, sizeof q->product_code, p->productcode);
		q->product_periode.begindatum = p->periode_begin;
		q->product_periode.einddatum = p->periode_eind;
		q->geleverd_volume = p->volume;
		kopieer(q->eenheid, sizeof q->eenheid, p->eenheid);
		q->product_tarief = p->tarief;
		q->ingediend_bedrag.bedrag = p->bedrag;
		kopieer(q->ingediend_bedrag.debet_credit, sizeof q->ingediend_bedrag.debet_credit, "D");
		totaal += p->bedrag;
		af += !p->goedgekeurd;
	}
	d->totaal_ingediend_bedrag.bedrag = totaal;
	kopieer(d->totaal_ingediend_bedrag.debet_credit,
		sizeof d->totaal_ingediend_bedrag.debet_credit, "D");
	int rc = stuur(g, b, dagtek, af, NULL);
	bericht_vrij(b);
	return rc;
}

int via_ijw_stuur(struct gen *g)
{
	for (size_t i = 0; i < g->n_via_zorg; i++)
		if (toewijzen(g, &g->via_zorg[i]) < 0)
			return -1;
	for (size_t i = 0; i < g->n_via_zorg; i++)
		if (start_en_stop(g, &g->via_zorg[i]) < 0)
			return -1;
	qsort(g->via_prestaties, g->n_via_prestaties, sizeof *g->via_prestaties, vergelijk);
	for (size_t i = 0, j; i < g->n_via_prestaties; i = j) {
		const struct via_prestatie *v = &g->via_prestaties[i];
		for (j = i + 1; j < g->n_via_prestaties && v->maand == g->via_prestaties[j].maand &&
				v->aanbieder == g->via_prestaties[j].aanbieder &&
				v->gemeente == g->via_prestaties[j].gemeente;
		     j++)
			;
		if (declareer(g, v, j - i) < 0)
			return -1;
	}
	return 0;
}
