/* doelen: see doelen.h. */
#include "steer/doelen.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/publicatie.h"
#include "steer/kpi_rapport.h"

#define REGIOVISIE "Regiovisie gespecialiseerde jeugdhulp Holland Rijnland, 18 december 2025"

/* The goals and their targets. Change a target here (one place); the
 * page and the API show bron and aanname with it. */
const struct doelen_def doelen_defs[DOELEN_AANTAL] = {
	[DOELEN_GEBRUIK] = {
		DOELEN_GEBRUIK, "gebruik", "1 op 12 jeugdigen met jeugdhulp",
		"jeugdigen 0-17 met jeugdhulp (ook lokale teams) als deel van alle 0-17-jarigen",
		"%", 2, true, DOELEN_ABSOLUUT, 100.0 / 12.0, 0.25, false,
		REGIOVISIE ", toekomstbeeld 2030: van 1 op 6 naar 1 op 12 (8,33 %)",
	},
	[DOELEN_WACHTTIJD] = {
		DOELEN_WACHTTIJD, "wachttijd", "Wachten binnen de Treeknorm",
		"deel van de afgeronde wachttijden boven de Treeknorm (4 weken tot intake, "
		"10 weken tot start)",
		"%", 1, true, DOELEN_ABSOLUUT, 0.0, 1.0, false,
		REGIOVISIE ", doel kortere wachttijden: niemand wacht langer dan de Treeknorm "
		"(0 %)",
	},
	[DOELEN_THUISZITTERS] = {
		DOELEN_THUISZITTERS, "thuiszitters", "Geen thuiszitter langer dan 3 maanden",
		"thuiszitters langer dan 3 maanden zonder onderwijs-zorgtraject, per 10.000 "
		"jeugdigen 0-17",
		" per 10.000", 1, true, DOELEN_ABSOLUUT, 0.0, 0.5, false,
		REGIOVISIE ": geen jeugdige langer dan drie maanden thuis zonder passende "
		"combinatie van onderwijs en zorg (0)",
	},
	[DOELEN_VERBLIJF] = {
		DOELEN_VERBLIJF, "verblijf", "Minder uithuisplaatsingen",
		"deel van de jeugdigen met regionale jeugdhulp dat verblijf (43/44) heeft",
		"%", 1, true, DOELEN_FACTOR, 0.5, 0.5, true,
		REGIOVISIE ": zorg thuis, geen uithuisplaatsing behalve tijdelijke crisisplekken. "
		"De visie noemt geen getal; aanname (door de regio in te stellen): de helft "
		"van het aandeel in het basisjaar",
	},
	[DOELEN_COLLECTIEF] = {
		DOELEN_COLLECTIEF, "collectief", "Meer groepsgerichte zorg",
		"deel van de actieve regionale trajecten op groepsproducten",
		"%", 1, false, DOELEN_FACTOR, 1.5, 0.5, true,
		REGIOVISIE ": collectieve oplossingen boven individuele trajecten. De visie "
		"noemt geen getal; aanname (door de regio in te stellen): anderhalf keer het "
		"aandeel in het basisjaar",
	},
	[DOELEN_ANALYSE] = {
		DOELEN_ANALYSE, "analyse", "Eerst een verklarende analyse (GARP)",
		"deel van de gestarte specialistische trajecten met een verklarende analyse van "
		"het gezin op of voor de startdatum",
		"%", 1, false, DOELEN_ABSOLUUT, 100.0, 1.0, false,
		REGIOVISIE ", GARP (1 Gezin, 1 Analyse, 1 Regisseur, 1 Plan): elke "
		"specialistische inzet na één gedeelde verklarende analyse (100 %)",
	},
	[DOELEN_REGISSEUR] = {
		DOELEN_REGISSEUR, "regisseur", "Eén regisseur per gezin (GARP)",
		"deel van de gezinnen met een jeugdige in zorg dat een vaste regisseur heeft",
		"%", 1, false, DOELEN_ABSOLUUT, 100.0, 1.0, false,
		REGIOVISIE ", GARP: één vaste regisseur per gezin (100 %)",
	},
};

int doelen_basisjaar(dag_t eerste, dag_t peildatum)
{
	int jaar = DOELEN_BASISJAAR, j, m, dd;

	if (eerste != DAG_GEEN && eerste > datum_van(DOELEN_BASISJAAR, 1, 1)) {
		datum_delen(eerste, &j, &m, &dd);
		jaar = (m == 1 && dd == 1) ? j : j + 1;
	}
	return peildatum >= datum_van(jaar, 12, 31) ? jaar : 0;
}

double doelen_pad(double basis, double doel, dag_t b, dag_t t, dag_t dag)
{
	if (t <= b)
		return doel;
	return basis + (doel - basis) * (double)(dag - b) / (double)(t - b);
}

static const char *leeg_null(const char *s)
{
	return s && *s ? s : NULL;
}

static int64_t populatie(const struct kpi_data *d, const char *gemeente)
{
	int64_t n = 0;

	for (size_t i = 0; i < d->n_gemeenten; i++)
		if (!gemeente || strcmp(d->gemeenten[i].code, gemeente) == 0)
			n += d->gemeenten[i].jeugdigen_0_17;
	return n;
}

static void meting_deel(struct doelen_meting *out, size_t aantal, size_t totaal)
{
	out->aantal = aantal;
	out->totaal = totaal;
	out->bekend = totaal > 0;
	out->waarde = totaal ? 100.0 * (double)aantal / (double)totaal : 0.0;
}

int doelen_meet(const struct kpi_data *d, const struct garp_gezin *gezinnen, size_t n_gezinnen,
		enum doelen_id g, const char *gemeente, dag_t van, dag_t tot,
		struct doelen_meting *out)
{
	struct kpi_filter f = { leeg_null(gemeente), -1, NULL };
	struct kpi_aandeel a;

	memset(out, 0, sizeof *out);
	gemeente = leeg_null(gemeente);
	switch (g) {
	case DOELEN_GEBRUIK: {
		struct kpi_gebruik u;

		kpi_jeugdhulpgebruik(d, gemeente, van, tot, false, &u);
		meting_deel(out, u.jeugdigen, u.populatie > 0 ? (size_t)u.populatie : 0);
		return 0;
	}
	case DOELEN_WACHTTIJD: {
		struct kpi_wachttijd w;

		if (kpi_wachttijd(d, &f, van, tot, tot, d->norms, &w) < 0)
			return -1;
		meting_deel(out, w.boven_norm, w.totaal.n);
		return 0;
	}
	case DOELEN_THUISZITTERS: {
		int64_t pop = populatie(d, gemeente);

		out->aantal = kpi_thuiszitters(d, gemeente, tot);
		out->totaal = pop > 0 ? (size_t)pop : 0;
		out->bekend = pop > 0;
		out->waarde = pop > 0 ? 10000.0 * (double)out->aantal / (double)pop : 0.0;
		return 0;
	}
	case DOELEN_VERBLIJF: {
		struct kpi_verblijf v;

		if (kpi_verblijf(d, gemeente, van, tot, &v) < 0)
			return -1;
		meting_deel(out, v.verblijf, v.jeugdigen);
		return 0;
	}
	case DOELEN_COLLECTIEF:
		kpi_collectief(d, &f, tot, &a);
		meting_deel(out, a.aantal, a.totaal);
		return 0;
	case DOELEN_ANALYSE:
		garp_analyse_vooraf(d, gezinnen, n_gezinnen, gemeente, van, tot, &a);
		meting_deel(out, a.aantal, a.totaal);
		return 0;
	case DOELEN_REGISSEUR:
		if (garp_regisseur(d, gezinnen, n_gezinnen, gemeente, tot, &a) < 0)
			return -1;
		meting_deel(out, a.aantal, a.totaal);
		return 0;
	}
	return -1;
}

void doelen_meting_publiek(enum doelen_id g, struct doelen_meting *m)
{
	struct publicatie a, t, w;

	if (!m->bekend)
		return;
	publicatie_aantal(m->aantal, false, &a);
	publicatie_aantal(m->totaal, g == DOELEN_THUISZITTERS, &t);
	publicatie_deel(&a, &t, g == DOELEN_THUISZITTERS ? 10000.0 : 100.0, &w);
	if (!w.zichtbaar) {
		m->bekend = false;
		m->waarde = 0;
		return;
	}
	m->aantal = (size_t)a.waarde;
	m->totaal = (size_t)t.waarde;
	m->waarde = w.waarde;
}

void doelen_beoordeel(const struct doelen_def *def, dag_t basis_dag, dag_t doel_dag,
		      dag_t peildatum, struct doelen_positie *pos)
{
	double b = pos->basis.waarde;

	pos->doel = 0;
	pos->pad_nu = 0;
	pos->voorsprong = 0;
	pos->tolerantie = 0;
	pos->status = DOELEN_ONBEKEND;
	pos->rang = 0;
	if (!pos->basis.bekend)
		return;
	switch (def->soort) {
	case DOELEN_ABSOLUUT:
		pos->doel = def->streef;
		break;
	case DOELEN_FACTOR:
		pos->doel = def->streef * b;
		break;
	}
	pos->pad_nu = doelen_pad(b, pos->doel, basis_dag, doel_dag, peildatum);
	pos->tolerantie = fmax(DOELEN_TOLERANTIE_DEEL * fabs(pos->doel - b), def->tolerantie_min);
	if (!pos->nu.bekend)
		return;
	pos->voorsprong = def->lager_beter ? pos->pad_nu - pos->nu.waarde
					   : pos->nu.waarde - pos->pad_nu;
	if (pos->voorsprong > pos->tolerantie)
		pos->status = DOELEN_VOOR;
	else if (pos->voorsprong < -pos->tolerantie)
		pos->status = DOELEN_ACHTER;
	else
		pos->status = DOELEN_OP_KOERS;
}

void doelen_rangschik(struct doelen_eenheid *eenheden, size_t n, enum doelen_id g)
{
	/* Selection by repeated scan: n is the number of gemeenten (13). */
	for (size_t i = 1; i < n; i++)
		eenheden[i].doelen[g].rang = 0;
	for (size_t r = 1; r < n; r++) {
		struct doelen_eenheid *beste = NULL;

		for (size_t i = 1; i < n; i++) {
			const struct doelen_positie *p = &eenheden[i].doelen[g];

			if (p->status == DOELEN_ONBEKEND || p->rang)
				continue;
			if (!beste || p->voorsprong > beste->doelen[g].voorsprong ||
			    (p->voorsprong == beste->doelen[g].voorsprong &&
			     strcmp(eenheden[i].code, beste->code) < 0))
				beste = &eenheden[i];
		}
		if (!beste)
			break;
		beste->doelen[g].rang = r;
	}
}

static dag_t eerste_datum(const struct kpi_data *d)
{
	dag_t e = DAG_GEEN;

	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct traject *t = &d->trajecten[i];
		dag_t x = t->aanmelddatum != DAG_GEEN ? t->aanmelddatum : t->begindatum;

		if (x != DAG_GEEN && (e == DAG_GEEN || x < e))
			e = x;
	}
	return e;
}

static bool is_venster(enum doelen_id g)
{
	switch (g) {
	case DOELEN_GEBRUIK:
	case DOELEN_WACHTTIJD:
	case DOELEN_VERBLIJF:
	case DOELEN_ANALYSE:
		return true;
	case DOELEN_THUISZITTERS:
	case DOELEN_COLLECTIEF:
	case DOELEN_REGISSEUR:
		return false;
	}
	return false;
}

static int eenheid_bereken(const struct kpi_data *d, const struct garp_gezin *gezinnen,
			   size_t n_gezinnen, const struct doelen_overzicht *o, dag_t m12_van,
			   struct doelen_eenheid *e)
{
	for (int g = 0; g < DOELEN_AANTAL; g++) {
		struct doelen_positie *p = &e->doelen[g];
		bool venster = is_venster((enum doelen_id)g);

		if (o->basisjaar &&
		    doelen_meet(d, gezinnen, n_gezinnen, (enum doelen_id)g, e->code,
				venster ? datum_van(o->basisjaar, 1, 1) : o->basis_dag,
				o->basis_dag, &p->basis) < 0)
			return -1;
		if (doelen_meet(d, gezinnen, n_gezinnen, (enum doelen_id)g, e->code,
				venster ? m12_van : o->peildatum, o->peildatum, &p->nu) < 0)
			return -1;
		doelen_beoordeel(&doelen_defs[g], o->basis_dag, o->doel_dag, o->peildatum, p);
	}
	return 0;
}

int doelen_bereken(const struct kpi_data *d, const struct garp_gezin *gezinnen,
		   size_t n_gezinnen, dag_t peildatum, struct doelen_overzicht *out)
{
	struct kpi_rapport_perioden per;

	memset(out, 0, sizeof *out);
	out->peildatum = peildatum;
	out->basisjaar = doelen_basisjaar(eerste_datum(d), peildatum);
	out->basis_dag = out->basisjaar ? datum_van(out->basisjaar, 12, 31) : DAG_GEEN;
	out->doel_dag = datum_van(DOELEN_DOELJAAR, 12, 31);
	out->eenheden = calloc(d->n_gemeenten + 1, sizeof *out->eenheden);
	if (!out->eenheden)
		return -1;
	out->n_eenheden = d->n_gemeenten + 1;
	snprintf(out->eenheden[0].naam, sizeof out->eenheden[0].naam, "Regio Holland Rijnland");
	for (size_t i = 0; i < d->n_gemeenten; i++) {
		snprintf(out->eenheden[i + 1].code, sizeof out->eenheden[i + 1].code, "%s",
			 d->gemeenten[i].code);
		snprintf(out->eenheden[i + 1].naam, sizeof out->eenheden[i + 1].naam, "%s",
			 d->gemeenten[i].naam);
	}
	kpi_rapport_perioden(peildatum, &per);
	for (size_t i = 0; i < out->n_eenheden; i++)
		if (eenheid_bereken(d, gezinnen, n_gezinnen, out, per.m12_van,
				    &out->eenheden[i]) < 0) {
			doelen_vrij(out);
			return -1;
		}
	for (int g = 0; g < DOELEN_AANTAL; g++)
		doelen_rangschik(out->eenheden, out->n_eenheden, (enum doelen_id)g);
	return 0;
}

void doelen_vrij(struct doelen_overzicht *o)
{
	free(o->eenheden);
	memset(o, 0, sizeof *o);
}

const char *doelen_status_naam(enum doelen_status s)
{
	switch (s) {
	case DOELEN_ONBEKEND:
		return "onbekend";
	case DOELEN_VOOR:
		return "voor";
	case DOELEN_OP_KOERS:
		return "op_koers";
	case DOELEN_ACHTER:
		return "achter";
	}
	return "";
}

const char *doelen_status_tekst(enum doelen_status s)
{
	switch (s) {
	case DOELEN_ONBEKEND:
		return "onbekend";
	case DOELEN_VOOR:
		return "voor op het pad";
	case DOELEN_OP_KOERS:
		return "op koers";
	case DOELEN_ACHTER:
		return "achter op het pad";
	}
	return "";
}
