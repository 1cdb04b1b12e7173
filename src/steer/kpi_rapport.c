/* kpi_rapport: see kpi_rapport.h.
 *
 * Numbers for people are formatted here with integer arithmetic (Dutch
 * decimal comma, thousands dots), never through printf's %f, so neither
 * the table nor the JSON depends on the C locale.
 */
#include "steer/kpi_rapport.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/json.h"

#define REGIO_NAAM "Regio totaal"
#define JSON_DECIMALEN 4

void kpi_rapport_perioden(dag_t peildatum, struct kpi_rapport_perioden *out)
{
	int jaar;

	memset(out, 0, sizeof *out);
	datum_delen(peildatum, &jaar, NULL, NULL);
	out->peildatum = peildatum;
	out->jaar = jaar;
	out->jaar_van = datum_van(jaar, 1, 1);
	out->jaar_tot = datum_van(jaar, 12, 31);
	out->lopend_van = out->jaar_van;
	out->m12_van = datum_plus_maanden(peildatum, -12) + 1;
	out->herhaald12_tot = datum_plus_maanden(peildatum, -12);
	out->herhaald12_van = datum_plus_maanden(peildatum, -24) + 1;
	out->herhaald6_tot = datum_plus_maanden(peildatum, -6);
	out->herhaald6_van = datum_plus_maanden(peildatum, -18) + 1;
	out->vorig_jaar = jaar - 1;
}

int kpi_rapport_bereken(const struct kpi_data *d, const char *gemeente,
			const struct kpi_rapport_perioden *p,
			struct kpi_rapport_regel *out, char *err, size_t errlen)
{
	const struct treeknorm *norms = d->norms;
	struct kpi_filter f = { gemeente, -1, NULL };
	dag_t P = p->peildatum;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (gemeente)
		snprintf(out->code, sizeof out->code, "%s", gemeente);

	kpi_jeugdhulpgebruik(d, gemeente, p->jaar_van, p->jaar_tot, false, &out->gebruik);
	kpi_jeugdhulpgebruik(d, gemeente, p->lopend_van, P, true, &out->gebruik_regionaal);
	rc |= kpi_wachttijd(d, &f, p->m12_van, P, P, norms, &out->wachttijd);
	kpi_zorgelijk_aantal(d, &f, P, norms, &out->zorgelijk);
	rc |= kpi_doorlooptijd(d, &f, p->m12_van, P, &out->doorlooptijd);
	kpi_uitval(d, &f, p->m12_van, P, &out->uitval);
	kpi_herhaald_beroep(d, &f, p->herhaald12_van, p->herhaald12_tot, 12, &out->herhaald12);
	kpi_herhaald_beroep(d, &f, p->herhaald6_van, p->herhaald6_tot, 6, &out->herhaald6);
	out->thuiszitters = kpi_thuiszitters(d, gemeente, P);
	kpi_overgang18(d, gemeente, P, &out->overgang18);
	kpi_collectief(d, &f, P, &out->collectief);
	rc |= kpi_verblijf(d, gemeente, p->lopend_van, P, &out->verblijf);
	kpi_verwijzers(d, gemeente, p->m12_van, P, &out->verwijzers);
	rc |= kpi_clientkosten(d, gemeente, p->vorig_jaar, &out->kosten_vorig_jaar);
	rc |= kpi_clientkosten(d, gemeente, p->jaar, &out->kosten_jaar);
	kpi_budgetuitputting(d, gemeente, p->jaar, -1, P, &out->budget);
	for (int s = 0; s < SEGMENT_AANTAL; s++) {
		kpi_budgetuitputting(d, gemeente, p->jaar, s, P, &out->budget_segment[s]);
		if (s == SEGMENT_LOKAAL)
			continue;
		f.segment = s;
		rc |= kpi_wachttijd(d, &f, p->m12_van, P, P, norms, &out->wachttijd_segment[s]);
	}
	if (rc != 0) {
		snprintf(err, errlen, "onvoldoende geheugen om de indicatoren te berekenen");
		return -1;
	}
	return 0;
}

/* ---- computing all rows -------------------------------------------- */

/* rows[0] is the region, then the selected gemeenten in the order of d. */
static int bereken_alle(const struct kpi_data *d, dag_t peildatum, const char *gemeente,
			struct kpi_rapport_perioden *p, struct kpi_rapport_regel **rows,
			size_t *n_rows, char *err, size_t errlen)
{
	struct kpi_rapport_regel *r;
	size_t n = 1;

	*rows = NULL;
	*n_rows = 0;
	kpi_rapport_perioden(peildatum, p);
	if (gemeente && *gemeente) {
		bool gevonden = false;

		for (size_t i = 0; i < d->n_gemeenten; i++)
			if (strcmp(d->gemeenten[i].code, gemeente) == 0)
				gevonden = true;
		if (!gevonden) {
			snprintf(err, errlen, "gemeente '%s' komt niet voor in deze database", gemeente);
			return -1;
		}
		n = 2;
	} else {
		gemeente = NULL;
		n += d->n_gemeenten;
	}
	r = calloc(n, sizeof *r);
	if (!r) {
		snprintf(err, errlen, "onvoldoende geheugen voor het rapport");
		return -1;
	}
	if (kpi_rapport_bereken(d, NULL, p, &r[0], err, errlen) < 0)
		goto fout;
	snprintf(r[0].naam, sizeof r[0].naam, "%s", REGIO_NAAM);
	for (size_t i = 0, k = 1; i < d->n_gemeenten; i++) {
		const struct gemeente *g = &d->gemeenten[i];

		if (gemeente && strcmp(g->code, gemeente) != 0)
			continue;
		if (kpi_rapport_bereken(d, g->code, p, &r[k], err, errlen) < 0)
			goto fout;
		snprintf(r[k].naam, sizeof r[k].naam, "%s", g->naam);
		snprintf(r[k].subregio, sizeof r[k].subregio, "%s", g->subregio);
		k++;
	}
	*rows = r;
	*n_rows = n;
	return 0;
fout:
	free(r);
	return -1;
}

/* ---- formatting for people ----------------------------------------- */

#define CEL_LEN 48

void kpi_rapport_getal(char out[static KPI_RAPPORT_GETAL_LEN], int64_t v)
{
	char digits[24];
	char *o = out;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)u);

	if (v < 0)
		*o++ = '-';
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			*o++ = '.';
		*o++ = digits[i];
	}
	*o = '\0';
}

/* A fraction 0..1 as a percentage with one decimal: "16,2%"; "-" when
 * there was nothing to count. */
static void fmt_pct(char out[CEL_LEN], double fractie, size_t totaal)
{
	long long t;

	if (totaal == 0 || !isfinite(fractie) || fabs(fractie) > 1e12) {
		snprintf(out, CEL_LEN, "-");
		return;
	}
	t = llround(fractie * 1000.0);
	snprintf(out, CEL_LEN, "%s%lld,%lld%%", t < 0 ? "-" : "", llabs(t) / 10, llabs(t) % 10);
}

/* A percentage 0..100 (kpi_gebruik.percentage) the same way. */
static void fmt_procent(char out[CEL_LEN], double procent, bool geldig)
{
	fmt_pct(out, procent / 100.0, geldig ? 1 : 0);
}

static void fmt_dagen(char out[CEL_LEN], const struct kpi_verdeling *v)
{
	if (v->n == 0) {
		snprintf(out, CEL_LEN, "-");
		return;
	}
	snprintf(out, CEL_LEN, "%lld d", (long long)llround(v->mediaan));
}

/* Eurocents as whole euros with thousands dots. */
static void fmt_euro(char out[CEL_LEN], int64_t cent)
{
	/* Half a euro rounds away from zero; no negation, so no overflow. */
	int64_t euro = cent / 100, rest = cent % 100;

	if (rest >= 50)
		euro++;
	else if (rest <= -50)
		euro--;
	kpi_rapport_getal(out, euro);
}

static void fmt_datum(char out[CEL_LEN], dag_t d)
{
	int j, m, dd;

	datum_delen(d, &j, &m, &dd);
	snprintf(out, CEL_LEN, "%d-%d-%d", dd, m, j);
}

/* Display width of UTF-8 text: code points, not bytes. */
static size_t breedte(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

enum uitlijning { LINKS, RECHTS, MIDDEN };

/* s padded (or cut at a code point) to exactly w columns. */
static void uitlijnen(FILE *o, const char *s, size_t w, enum uitlijning u)
{
	size_t b = breedte(s), voor = 0;

	if (b > w) {
		size_t k = 0;

		for (const char *p = s; *p; p++) {
			if (((unsigned char)*p & 0xC0) != 0x80 && k++ == w)
				break;
			fputc(*p, o);
		}
		return;
	}
	switch (u) {
	case LINKS:
		voor = 0;
		break;
	case RECHTS:
		voor = w - b;
		break;
	case MIDDEN:
		voor = (w - b + 1) / 2;
		break;
	}
	for (size_t i = 0; i < voor; i++)
		fputc(' ', o);
	fputs(s, o);
	for (size_t i = voor + b; i < w; i++)
		fputc(' ', o);
}

/* One cell: a separating space, then the aligned text. */
static void cel(FILE *o, const char *s, size_t w, enum uitlijning u)
{
	fputc(' ', o);
	uitlijnen(o, s, w, u);
}

struct kolom {
	const char *kop;      /* second heading line, over this column only */
	size_t breedte;
};

/* A heading spanning n adjacent columns. */
struct groep {
	const char *kop;
	size_t n;
};

#define NAAM_BREEDTE 20

static void streep(FILE *o, const struct kolom *k, size_t n)
{
	size_t w = NAAM_BREEDTE;

	for (size_t i = 0; i < n; i++)
		w += 1 + k[i].breedte;
	fputc(' ', o);
	for (size_t i = 0; i < w; i++)
		fputc('-', o);
	fputc('\n', o);
}

/* Two heading lines: the groups centred over their columns, then the
 * column headings; then a rule. kop[g], when set, replaces groep[g].kop
 * and kolkop[i] replaces kolom[i].kop (headings that name a year). */
static void koppen(FILE *o, const struct kolom *k, size_t n, const struct groep *g,
		   size_t ng, const char *const *kop, const char *const *kolkop)
{
	size_t c = 0;

	cel(o, "Gemeente", NAAM_BREEDTE, LINKS);
	for (size_t i = 0; i < ng && c < n; i++) {
		size_t w = 0;

		const char *t = kop && kop[i] ? kop[i] : g[i].kop;
		size_t b = breedte(t);

		for (size_t m = 0; m < g[i].n && c < n; m++, c++)
			w += (m ? 1 : 0) + k[c].breedte;
		if (c < n || b >= w) {
			cel(o, t, w, MIDDEN);
			continue;
		}
		/* The last heading: no trailing blanks. */
		fputc(' ', o);
		for (size_t m = 0; m < (w - b + 1) / 2; m++)
			fputc(' ', o);
		fputs(t, o);
	}
	fputc('\n', o);
	cel(o, "", NAAM_BREEDTE, LINKS);
	for (size_t i = 0; i < n; i++)
		cel(o, kolkop && kolkop[i] ? kolkop[i] : k[i].kop, k[i].breedte, RECHTS);
	fputc('\n', o);
	streep(o, k, n);
}

static void rij(FILE *o, const char *naam, char c[][CEL_LEN], const struct kolom *k, size_t n)
{
	cel(o, naam, NAAM_BREEDTE, LINKS);
	for (size_t i = 0; i < n; i++)
		cel(o, c[i], k[i].breedte, RECHTS);
	fputc('\n', o);
}

/* Table 1: use of care, waiting and throughput. */
static const struct kolom kolommen1[] = {
	{ "jeugdigen", 10 }, { "%", 7 }, { "1 op N", 8 },
	{ "jeugdigen", 10 }, { "%", 10 },
	{ "aantal", 8 }, { "> norm", 8 }, { "zorgelijk", 9 },
	{ "mediaan", 8 }, { "> norm", 8 },
	{ "uitval", 8 }, { "doorlooptijd", 12 },
	{ "12 mnd", 15 },
};
#define N_KOLOMMEN1 (sizeof kolommen1 / sizeof kolommen1[0])
static const struct groep groepen1[] = {
	{ "Jeugdhulp kalenderjaar", 3 },
	{ "Regionaal lopend jaar", 2 },
	{ "Wachtend op peildatum", 3 },
	{ "Wachttijd 12 mnd", 2 },
	{ "Beëindigd 12 mnd", 2 },
	{ "Herhaald beroep", 1 },
};
#define N_GROEPEN1 (sizeof groepen1 / sizeof groepen1[0])

static void rij1(FILE *o, const struct kpi_rapport_regel *r)
{
	char c[N_KOLOMMEN1][CEL_LEN];
	const struct kpi_wachttijd *w = &r->wachttijd;
	size_t i = 0;

	kpi_rapport_getal(c[i++], (int64_t)r->gebruik.jeugdigen);
	fmt_procent(c[i++], r->gebruik.percentage, r->gebruik.populatie > 0);
	if (r->gebruik.een_op_n > 0)
		snprintf(c[i++], CEL_LEN, "1 op %lld", (long long)r->gebruik.een_op_n);
	else
		snprintf(c[i++], CEL_LEN, "-");
	kpi_rapport_getal(c[i++], (int64_t)r->gebruik_regionaal.jeugdigen);
	fmt_procent(c[i++], r->gebruik_regionaal.percentage, r->gebruik_regionaal.populatie > 0);
	kpi_rapport_getal(c[i++], (int64_t)w->wachtend.n);
	fmt_pct(c[i++], w->wachtend.n ? (double)w->wachtend_boven_norm / (double)w->wachtend.n : 0.0,
		w->wachtend.n);
	kpi_rapport_getal(c[i++], (int64_t)r->zorgelijk.aantal);
	fmt_dagen(c[i++], &w->totaal);
	fmt_pct(c[i++], w->aandeel_boven_norm, w->totaal.n);
	fmt_pct(c[i++], r->uitval.aandeel, r->uitval.totaal);
	fmt_dagen(c[i++], &r->doorlooptijd);
	fmt_pct(c[i++], r->herhaald12.aandeel, r->herhaald12.totaal);
	rij(o, r->naam, c, kolommen1, N_KOLOMMEN1);
}

/* Table 2: the region's goals and money. */
static const struct kolom kolommen2[] = {
	{ "> 3 mnd", 12 },
	{ "zonder plan", 12 },
	{ "%", 10 },
	{ "verblijf", 10 }, { "crisis", 10 },
	{ "gemeente", 9 }, { "huisarts", 9 },
	{ "vorig jaar", 10 }, { "dit jaar", 10 },   /* replaced by the years */
	{ "verwacht €", 12 }, { "budget €", 12 }, { "uitputting", 10 },
};
#define N_KOLOMMEN2 (sizeof kolommen2 / sizeof kolommen2[0])
static const struct groep groepen2[] = {
	{ "Thuiszitters", 1 },
	{ "18-/18+", 1 },
	{ "Collectief", 1 },
	{ "Regionaal lopend jaar", 2 },
	{ "Verwijzer 12 mnd", 2 },
	{ "Kosten per cliënt", 2 },
	{ "Budget", 3 },
};
#define N_GROEPEN2 (sizeof groepen2 / sizeof groepen2[0])

static void rij2(FILE *o, const struct kpi_rapport_regel *r)
{
	char c[N_KOLOMMEN2][CEL_LEN];
	size_t i = 0;

	kpi_rapport_getal(c[i++], (int64_t)r->thuiszitters);
	snprintf(c[i++], CEL_LEN, "%zu van %zu", r->overgang18.aantal, r->overgang18.totaal);
	fmt_pct(c[i++], r->collectief.aandeel, r->collectief.totaal);
	fmt_pct(c[i++], r->verblijf.verblijf_aandeel, r->verblijf.jeugdigen);
	kpi_rapport_getal(c[i++], (int64_t)r->verblijf.crisis);
	fmt_pct(c[i++], r->verwijzers.aandeel[0], r->verwijzers.totaal);
	fmt_pct(c[i++], r->verwijzers.aandeel[1], r->verwijzers.totaal);
	if (r->kosten_vorig_jaar.jeugdigen)
		fmt_euro(c[i++], r->kosten_vorig_jaar.gemiddeld);
	else
		snprintf(c[i++], CEL_LEN, "-");
	if (r->kosten_jaar.jeugdigen)
		fmt_euro(c[i++], r->kosten_jaar.gemiddeld);
	else
		snprintf(c[i++], CEL_LEN, "-");
	fmt_euro(c[i++], r->budget.verwacht);
	fmt_euro(c[i++], r->budget.norm);
	fmt_pct(c[i++], r->budget.aandeel, r->budget.norm > 0);
	rij(o, r->naam, c, kolommen2, N_KOLOMMEN2);
}

/* The gemeente rows (r[1..n)), a rule, then the region row (r[0]). */
static void regels(FILE *o, const struct kpi_rapport_regel *r, size_t n,
		   void (*regel)(FILE *, const struct kpi_rapport_regel *), const struct kolom *k,
		   size_t nk)
{
	for (size_t i = 1; i < n; i++)
		regel(o, &r[i]);
	if (n > 1)
		streep(o, k, nk);
	regel(o, &r[0]);
	fputc('\n', o);
}

static void periode_regel(FILE *o, const char *label, dag_t van, dag_t tot)
{
	char a[CEL_LEN], b[CEL_LEN];

	fmt_datum(a, van);
	fmt_datum(b, tot);
	fputs("  ", o);
	uitlijnen(o, label, 22, LINKS);
	fprintf(o, " %s t/m %s\n", a, b);
}

static int tabel(FILE *o, const struct kpi_rapport_perioden *p,
		 const struct kpi_rapport_regel *r, size_t n, char *err, size_t errlen)
{
	char pd[CEL_LEN], vorig[CEL_LEN], dit[CEL_LEN], budget[CEL_LEN];
	const char *kop2[N_GROEPEN2] = { 0 }, *kolkop2[N_KOLOMMEN2] = { 0 };

	fmt_datum(pd, p->peildatum);
	fprintf(o, "Kernindicatoren jeugdhulp op peildatum %s\n", pd);
	fprintf(o, "Perioden:\n");
	periode_regel(o, "kalenderjaar", p->jaar_van, p->jaar_tot);
	periode_regel(o, "lopend jaar", p->lopend_van, p->peildatum);
	periode_regel(o, "laatste 12 maanden", p->m12_van, p->peildatum);
	periode_regel(o, "herhaald beroep", p->herhaald12_van, p->herhaald12_tot);
	fprintf(o, "  %-22s %s\n", "",
		"(trajecten beëindigd in die periode; nieuw traject binnen 12 maanden)");
	fputs("  ", o);
	uitlijnen(o, "kosten per cliënt", 22, LINKS);
	fprintf(o, " %d (afgesloten jaar) en %d (t/m de peildatum)\n", p->vorig_jaar, p->jaar);
	fputc('\n', o);

	fprintf(o, "Gebruik, wachten en doorstroom\n");
	koppen(o, kolommen1, N_KOLOMMEN1, groepen1, N_GROEPEN1, NULL, NULL);
	regels(o, r, n, rij1, kolommen1, N_KOLOMMEN1);
	fprintf(o, "Toelichting:\n"
		"  Jeugdhulp          jeugdigen van 0-17 jaar met jeugdhulp (lokale teams meegeteld) in het\n"
		"                     kalenderjaar, naar woonplaats; %% van alle 0-17-jarigen en \"1 op N\".\n"
		"  Regionaal          idem, alleen regionaal ingekochte jeugdhulp (zonder categorie 31),\n"
		"                     van 1 januari t/m de peildatum.\n"
		"  Wachtend           trajecten (segment 1-7) die op de peildatum op de start wachten;\n"
		"                     > norm: deel dat al langer wacht dan de Treeknorm (4 weken tot\n"
		"                     intake, 10 weken van intake tot start); zorgelijk: boven de norm\n"
		"                     met ten minste een risicofactor, of door een medewerker bevestigd.\n"
		"  Wachttijd          mediane dagen van aanmelding tot start van de trajecten die in de\n"
		"                     laatste 12 maanden startten; > norm: deel boven de Treeknorm.\n"
		"  Beëindigd          trajecten beëindigd in de laatste 12 maanden: uitval = deel met\n"
		"                     reden 32 of 33 (voortijdig door cliënt of aanbieder); mediane\n"
		"                     doorlooptijd van start tot einde in dagen.\n"
		"  Herhaald beroep    deel van de volgens plan of in overleg beëindigde trajecten (31/34)\n"
		"                     met binnen 12 maanden een nieuw specialistisch traject.\n"
		"  Trajecten tellen bij de betalende gemeente, jeugdigen bij hun woonplaats;\n"
		"  '-' betekent: niets om te tellen.\n\n");

	/* The cost and budget headings name their years. */
	snprintf(vorig, sizeof vorig, "%d", p->vorig_jaar);
	snprintf(dit, sizeof dit, "%d", p->jaar);
	snprintf(budget, sizeof budget, "Budget %d", p->jaar);
	kolkop2[7] = vorig;
	kolkop2[8] = dit;
	kop2[6] = budget;
	fprintf(o, "Doelen en geld\n");
	koppen(o, kolommen2, N_KOLOMMEN2, groepen2, N_GROEPEN2, kop2, kolkop2);
	regels(o, r, n, rij2, kolommen2, N_KOLOMMEN2);
	fprintf(o, "Toelichting:\n"
		"  Thuiszitters       jeugdigen die op de peildatum al meer dan 91 dagen niet naar school\n"
		"                     gaan, zonder actief onderwijs-zorgtraject (segment 5).\n"
		"  18-/18+            jeugdigen met actieve jeugdhulp die binnen 6 maanden 18 worden:\n"
		"                     het aantal zonder perspectiefplan 18+ van het totaal.\n"
		"  Collectief         deel van de op de peildatum actieve regionale trajecten dat\n"
		"                     groepszorg is.\n"
		"  Regionaal          jeugdigen met regionale jeugdhulp in het lopende jaar: %% met verblijf\n"
		"                     (categorie 43/44) en aantal met een crisisplaats (categorie 46).\n"
		"  Verwijzer          deel van de nieuwe regionale trajecten van de laatste 12 maanden,\n"
		"                     verwezen door de gemeente (lokaal team) of door de huisarts.\n"
		"  Kosten per cliënt  goedgekeurd gedeclareerd bedrag gedeeld door het aantal jeugdigen\n"
		"                     met een goedgekeurde declaratie, in euro: %d en %d t/m nu.\n"
		"  Budget             %d: goedgekeurd plus prognose voor de actieve trajecten tot en met\n"
		"                     december (verwacht), tegen het budget; uitputting = verwacht/budget.\n",
		p->vorig_jaar, p->jaar, p->jaar);
	if (fflush(o) != 0 || ferror(o)) {
		snprintf(err, errlen, "schrijffout bij het uitvoeren van het rapport");
		return -1;
	}
	return 0;
}

int kpi_rapport_tabel(FILE *out, const struct kpi_data *d, dag_t peildatum,
		      const char *gemeente, char *err, size_t errlen)
{
	struct kpi_rapport_perioden p;
	struct kpi_rapport_regel *r;
	size_t n;
	int rc;

	if (bereken_alle(d, peildatum, gemeente, &p, &r, &n, err, errlen) < 0)
		return -1;
	rc = tabel(out, &p, r, n, err, errlen);
	free(r);
	return rc;
}

/* ---- JSON ------------------------------------------------------------ */

static const char *const verwijzer_omschrijving[KPI_VERWIJZER_AANTAL] = {
	"gemeente", "huisarts", "jeugdarts", "gecertificeerde instelling",
	"medisch specialist", "geen verwijzer", "rechter of officier van justitie",
	"onbekend",
};

static void j_datum(struct json *j, const char *key, dag_t d)
{
	char buf[11];

	json_key(j, key);
	if (d == DAG_GEEN)
		json_null(j);
	else
		json_string(j, datum_fmt(d, buf));
}

static void j_periode(struct json *j, const char *key, dag_t van, dag_t tot)
{
	json_key(j, key);
	json_object_begin(j);
	j_datum(j, "van", van);
	j_datum(j, "tot", tot);
	json_object_end(j);
}

static void j_int(struct json *j, const char *key, int64_t v)
{
	json_key(j, key);
	json_int(j, v);
}

static void j_getal(struct json *j, const char *key, double v)
{
	json_key(j, key);
	json_fixed(j, v, JSON_DECIMALEN);
}

static void j_verdeling(struct json *j, const char *key, const struct kpi_verdeling *v)
{
	json_key(j, key);
	json_object_begin(j);
	j_int(j, "n", (int64_t)v->n);
	j_getal(j, "gemiddelde_dagen", v->gemiddelde);
	j_getal(j, "mediaan_dagen", v->mediaan);
	j_int(j, "p80_dagen", v->p80);
	json_object_end(j);
}

static void j_aandeel(struct json *j, const char *key, const struct kpi_aandeel *a)
{
	json_key(j, key);
	json_object_begin(j);
	j_int(j, "totaal", (int64_t)a->totaal);
	j_int(j, "aantal", (int64_t)a->aantal);
	j_getal(j, "aandeel", a->aandeel);
	json_object_end(j);
}

static void j_gebruik(struct json *j, const char *key, const struct kpi_gebruik *g)
{
	json_key(j, key);
	json_object_begin(j);
	j_int(j, "jeugdigen", (int64_t)g->jeugdigen);
	j_int(j, "populatie_0_17", g->populatie);
	j_getal(j, "percentage", g->percentage);
	j_int(j, "een_op_n", g->een_op_n);
	json_object_end(j);
}

static void j_wachttijd_velden(struct json *j, const struct kpi_wachttijd *w)
{
	j_verdeling(j, "afgerond_totaal", &w->totaal);
	j_verdeling(j, "afgerond_tot_intake", &w->tot_intake);
	j_verdeling(j, "afgerond_intake_tot_start", &w->intake_tot_start);
	j_int(j, "afgerond_boven_norm", (int64_t)w->boven_norm);
	j_getal(j, "afgerond_aandeel_boven_norm", w->aandeel_boven_norm);
	j_verdeling(j, "wachtend", &w->wachtend);
	j_int(j, "wachtend_boven_norm", (int64_t)w->wachtend_boven_norm);
	j_getal(j, "wachtend_aandeel_boven_norm",
		w->wachtend.n ? (double)w->wachtend_boven_norm / (double)w->wachtend.n : 0.0);
}

static void j_uitputting(struct json *j, const struct kpi_uitputting *u)
{
	j_int(j, "goedgekeurd_eurocent", u->goedgekeurd);
	j_int(j, "prognose_eurocent", u->prognose);
	j_int(j, "verwacht_eurocent", u->verwacht);
	j_int(j, "budget_eurocent", u->norm);
	j_getal(j, "aandeel", u->aandeel);
	j_int(j, "actieve_trajecten", (int64_t)u->actief);
	j_int(j, "zonder_historie", (int64_t)u->zonder_historie);
}

static void j_kosten(struct json *j, const char *key, int jaar, const struct kpi_clientkosten *k)
{
	json_key(j, key);
	json_object_begin(j);
	j_int(j, "jaar", jaar);
	j_int(j, "goedgekeurd_eurocent", k->goedgekeurd);
	j_int(j, "jeugdigen", (int64_t)k->jeugdigen);
	j_int(j, "gemiddeld_eurocent", k->gemiddeld);
	json_object_end(j);
}

static void j_regel(struct json *j, const struct kpi_rapport_perioden *p,
		    const struct kpi_rapport_regel *r, int64_t populatie)
{
	json_object_begin(j);
	json_key(j, "code");
	json_string(j, r->code[0] ? r->code : NULL);
	json_key(j, "naam");
	json_string(j, r->naam);
	if (r->code[0]) {
		json_key(j, "subregio");
		json_string(j, r->subregio);
	}
	j_int(j, "jeugdigen_0_17", populatie);

	j_gebruik(j, "jeugdhulpgebruik_kalenderjaar", &r->gebruik);
	j_gebruik(j, "jeugdhulpgebruik_regionaal_lopend_jaar", &r->gebruik_regionaal);

	json_key(j, "wachttijd");
	json_object_begin(j);
	j_wachttijd_velden(j, &r->wachttijd);
	json_key(j, "per_segment");
	json_array_begin(j);
	for (int s = 1; s < SEGMENT_AANTAL; s++) {
		json_object_begin(j);
		j_int(j, "segment", s);
		j_wachttijd_velden(j, &r->wachttijd_segment[s]);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);

	j_aandeel(j, "zorgelijk_wachtend", &r->zorgelijk);
	j_verdeling(j, "doorlooptijd", &r->doorlooptijd);
	j_aandeel(j, "uitval", &r->uitval);
	j_aandeel(j, "herhaald_beroep_12_maanden", &r->herhaald12);
	j_aandeel(j, "herhaald_beroep_6_maanden", &r->herhaald6);
	j_int(j, "thuiszitters_boven_3_maanden", (int64_t)r->thuiszitters);
	j_aandeel(j, "overgang_18_zonder_plan", &r->overgang18);
	j_aandeel(j, "collectief", &r->collectief);

	json_key(j, "verblijf");
	json_object_begin(j);
	j_int(j, "jeugdigen", (int64_t)r->verblijf.jeugdigen);
	j_int(j, "verblijf", (int64_t)r->verblijf.verblijf);
	j_getal(j, "verblijf_aandeel", r->verblijf.verblijf_aandeel);
	j_int(j, "crisis", (int64_t)r->verblijf.crisis);
	j_getal(j, "crisis_aandeel", r->verblijf.crisis_aandeel);
	j_verdeling(j, "crisis_duur", &r->verblijf.crisis_duur);
	json_object_end(j);

	json_key(j, "verwijzers");
	json_object_begin(j);
	j_int(j, "totaal", (int64_t)r->verwijzers.totaal);
	json_key(j, "per_type");
	json_array_begin(j);
	for (size_t i = 0; i < KPI_VERWIJZER_AANTAL; i++) {
		json_object_begin(j);
		json_key(j, "code");
		json_string(j, kpi_verwijzer_codes[i]);
		json_key(j, "omschrijving");
		json_string(j, verwijzer_omschrijving[i]);
		j_int(j, "aantal", (int64_t)r->verwijzers.aantal[i]);
		j_getal(j, "aandeel", r->verwijzers.aandeel[i]);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);

	j_kosten(j, "clientkosten_vorig_jaar", p->vorig_jaar, &r->kosten_vorig_jaar);
	j_kosten(j, "clientkosten_jaar", p->jaar, &r->kosten_jaar);

	json_key(j, "budgetuitputting");
	json_object_begin(j);
	j_int(j, "jaar", p->jaar);
	j_uitputting(j, &r->budget);
	json_key(j, "per_segment");
	json_array_begin(j);
	for (int s = 0; s < SEGMENT_AANTAL; s++) {
		json_object_begin(j);
		j_int(j, "segment", s);
		j_uitputting(j, &r->budget_segment[s]);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);

	json_object_end(j);
}

int kpi_rapport_json(FILE *out, const struct kpi_data *d, dag_t peildatum,
		     const char *gemeente, char *err, size_t errlen)
{
	struct kpi_rapport_perioden p;
	struct kpi_rapport_regel *r;
	const struct treeknorm *norms = d->norms;
	struct json j;
	int64_t regio_pop = 0;
	size_t n;
	int rc;

	if (bereken_alle(d, peildatum, gemeente, &p, &r, &n, err, errlen) < 0)
		return -1;
	for (size_t i = 0; i < d->n_gemeenten; i++)
		regio_pop += d->gemeenten[i].jeugdigen_0_17;

	json_init(&j, out, true);
	json_object_begin(&j);
	j_datum(&j, "peildatum", p.peildatum);
	json_key(&j, "perioden");
	json_object_begin(&j);
	j_periode(&j, "kalenderjaar", p.jaar_van, p.jaar_tot);
	j_periode(&j, "lopend_jaar", p.lopend_van, p.peildatum);
	j_periode(&j, "laatste_12_maanden", p.m12_van, p.peildatum);
	j_periode(&j, "herhaald_beroep_12_maanden", p.herhaald12_van, p.herhaald12_tot);
	j_periode(&j, "herhaald_beroep_6_maanden", p.herhaald6_van, p.herhaald6_tot);
	j_periode(&j, "vorig_jaar", datum_van(p.vorig_jaar, 1, 1), datum_van(p.vorig_jaar, 12, 31));
	json_object_end(&j);

	json_key(&j, "treeknorm");
	json_array_begin(&j);
	for (int s = 1; s < SEGMENT_AANTAL; s++) {
		json_object_begin(&j);
		j_int(&j, "segment", s);
		j_int(&j, "tot_intake_dagen", norms[s].tot_intake);
		j_int(&j, "intake_tot_start_dagen", norms[s].intake_tot_start);
		json_object_end(&j);
	}
	json_array_end(&j);

	json_key(&j, "regio");
	j_regel(&j, &p, &r[0], regio_pop);
	json_key(&j, "gemeenten");
	json_array_begin(&j);
	for (size_t i = 1; i < n; i++) {
		int64_t pop = 0;

		for (size_t g = 0; g < d->n_gemeenten; g++)
			if (strcmp(d->gemeenten[g].code, r[i].code) == 0)
				pop = d->gemeenten[g].jeugdigen_0_17;
		j_regel(&j, &p, &r[i], pop);
	}
	json_array_end(&j);
	json_object_end(&j);
	free(r);

	rc = json_finish(&j, err, errlen);
	return rc;
}
