/* demo: the registry of the synthetic region and the orchestration of
 * demo_maak(). The careers of youth are in loopbaan.c. See demo.h. */
#include "demo/demo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo/demo_intern.h"
#include "demo/namen.h"
#include "lib/csv.h"
#include "lib/embedded.h"
#include "store/capaciteit_store.h"
#include "store/cijfers_store.h"
#include "store/geld_store.h"
#include "store/maandcijfers_store.h"

static const char *const segment_namen[SEGMENT_AANTAL] = {
	"Lokaal jeugdteam", "Behandeling met verblijf", "Wonen",
	"Dagbehandeling en dagbesteding", "Ambulante jeugdhulp", "Onderwijs",
	"Crisis", "Veiligheid",
};

int gen_fout(struct gen *g, const char *wat)
{
	snprintf(g->err, g->errlen, "%s: %s", wat, store_error(g->st));
	return -1;
}

int gen_product(const struct gen *g, const char *code)
{
	for (int i = 0; i < g->n_prod; i++)
		if (strcmp(g->prod[i].code, code) == 0)
			return i;
	return -1;
}

int64_t gen_tarief(const struct gen *g, int p, int jaar)
{
	return llround((double)g->prod[p].tarief_2025 * pow(1.045, jaar - 2025));
}

int gen_kies_aanbieder(struct gen *g, int s)
{
	size_t k = rng_choose(&g->r_jeugd, g->seg_gewicht[s], (size_t)g->seg_n[s]);
	return g->seg_aanb[s][k];
}

/* Bounded copy that always terminates (truncating) */
static void kopieer(char *dst, size_t n, const char *src)
{
	size_t k = strnlen(src, n - 1);
	memmove(dst, src, k);
	dst[k] = '\0';
}

/* ---- reference data ---------------------------------------------------- */

static int laad_regioproducten(struct gen *g)
{
	struct csv c;
	char buf[512];
	char *f[8];
	int n;

	csv_init(&c, (const char *)data_regio_producten, data_regio_producten_len, '\t');
	if (csv_next(&c, buf, sizeof buf, f, 8) != 7)
		goto bad;
	while ((n = csv_next(&c, buf, sizeof buf, f, 8)) != 0) {
		if (n != 7 || g->n_prod >= DEMO_MAX_PRODUCTEN)
			goto bad;
		struct regioproduct *p = &g->prod[g->n_prod++];
		kopieer(p->code, sizeof p->code, f[0]);
		kopieer(p->categorie, sizeof p->categorie, f[1]);
		p->segment = atoi(f[2]);
		p->groep = f[3][0] == '1';
		kopieer(p->eenheid, sizeof p->eenheid, f[4]);
		p->tarief_2025 = atoll(f[5]);
	}
	return 0;
bad:
	snprintf(g->err, g->errlen, "ingebouwde regioproductenlijst regel %zu onleesbaar", c.regel);
	return -1;
}

/* The region's default mapping of JZ020 categories to segments
 * (DOMAIN.md §3); -1 for categories bought outside the segments. */
static int categorie_segment(const char *cat)
{
	static const struct { const char *cat; int seg; } map[] = {
		{ "31", 0 }, { "43", 1 }, { "44", 2 }, { "41", 3 }, { "45", 4 }, { "51", 4 },
		{ "52", 4 }, { "54", 4 }, { "46", 6 }, { "47", 7 }, { "48", 7 },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].cat, cat) == 0)
			return map[i].seg;
	return -1;
}

static int schrijf_producten(struct gen *g)
{
	struct csv c;
	char buf[512];
	char *f[6];
	int n;
	struct product p;

	csv_init(&c, (const char *)data_productcodes, data_productcodes_len, '\t');
	if (csv_next(&c, buf, sizeof buf, f, 6) != 4)
		goto bad;
	while ((n = csv_next(&c, buf, sizeof buf, f, 6)) != 0) {
		if (n != 4)
			goto bad;
		memset(&p, 0, sizeof p);
		kopieer(p.code, sizeof p.code, f[0]);
		kopieer(p.categorie, sizeof p.categorie, f[1]);
		kopieer(p.omschrijving, sizeof p.omschrijving, f[2]);
		kopieer(p.uitvoeringsvariant, sizeof p.uitvoeringsvariant, f[3]);
		p.segment = categorie_segment(p.categorie);
		p.groep = strstr(p.omschrijving, "groep") != NULL;
		int rp = gen_product(g, p.code);
		if (rp >= 0) {
			p.groep = g->prod[rp].groep;
			kopieer(p.eenheid, sizeof p.eenheid, g->prod[rp].eenheid);
		}
		if (store_put_product(g->st, &p) < 0)
			return gen_fout(g, "product");
	}
	/* The region's own codes (local-team help) are not in the national
	 * list: gemeenten may add their own (iJw IV075). */
	for (int i = 0; i < g->n_prod; i++) {
		if (strcmp(g->prod[i].categorie, "31") != 0)
			continue;
		memset(&p, 0, sizeof p);
		kopieer(p.code, sizeof p.code, g->prod[i].code);
		kopieer(p.categorie, sizeof p.categorie, "31");
		snprintf(p.omschrijving, sizeof p.omschrijving, "%s",
			 g->prod[i].groep ? "Groepsaanbod lokaal jeugdteam"
					  : "Lichte jeugdhulp lokaal jeugdteam");
		kopieer(p.eenheid, sizeof p.eenheid, g->prod[i].eenheid);
		p.segment = 0;
		p.groep = g->prod[i].groep;
		if (store_put_product(g->st, &p) < 0)
			return gen_fout(g, "product");
	}
	return 0;
bad:
	snprintf(g->err, g->errlen, "ingebouwde productcodelijst regel %zu onleesbaar", c.regel);
	return -1;
}

static int laad_gemeenten(struct gen *g)
{
	struct csv c;
	char buf[2048];
	char *f[16];
	int n;
	double totaal = 0;

	csv_init(&c, (const char *)data_gemeenten, data_gemeenten_len, ',');
	if (csv_next(&c, buf, sizeof buf, f, 16) < 8)
		goto bad;
	while ((n = csv_next(&c, buf, sizeof buf, f, 16)) != 0) {
		if (n < 8 || g->n_gem >= DEMO_MAX_GEMEENTEN || strlen(f[1]) != 6)
			goto bad;
		struct gen_gemeente *gg = &g->gem[g->n_gem++];
		kopieer(gg->g.naam, sizeof gg->g.naam, f[0]);
		kopieer(gg->g.code, sizeof gg->g.code, f[1] + 2); /* "GM0546" -> "0546" */
		kopieer(gg->g.subregio, sizeof gg->g.subregio, f[2]);
		gg->g.inwoners = llround(atof(f[5]) * g->o.schaal);
		gg->g.jeugdigen_0_17 = llround(atof(f[6]) * g->o.schaal);
		gg->regio_gewicht = atof(f[7]);
		totaal += gg->regio_gewicht;
	}
	if (g->n_gem == 0 || totaal <= 0)
		goto bad;
	for (int i = 0; i < g->n_gem; i++)
		g->gem[i].regio_gewicht /= totaal;
	return 0;
bad:
	snprintf(g->err, g->errlen, "ingebouwde gemeentelijst regel %zu onleesbaar", c.regel);
	return -1;
}

/* Local teams as DOMAIN.md §1 describes them: five municipalities have
 * their own; the Leidse regio and the Duin- en Bollenstreek without
 * Katwijk share one per subregion. */
static int schrijf_teams(struct gen *g)
{
	static const char *const eigen[] = { "Katwijk", "Voorschoten", "Alphen aan den Rijn",
					     "Kaag en Braassem", "Nieuwkoop" };
	struct lokaal_team t;
	int64_t volgende = 1;

	for (int sub = 0; sub < 2; sub++) {
		const char *subregio = sub == 0 ? "Leidse regio" : "Duin- en Bollenstreek";
		t.id = volgende++;
		snprintf(t.naam, sizeof t.naam, "Jeugd- en gezinsteam %s", subregio);
		if (store_put_lokaal_team(g->st, &t) < 0)
			return gen_fout(g, "lokaal team");
		for (int i = 0; i < g->n_gem; i++) {
			bool eigen_team = false;
			for (size_t e = 0; e < sizeof eigen / sizeof eigen[0]; e++)
				eigen_team |= strcmp(g->gem[i].g.naam, eigen[e]) == 0;
			if (!eigen_team && strcmp(g->gem[i].g.subregio, subregio) == 0)
				g->gem[i].team_id = t.id;
		}
	}
	for (int i = 0; i < g->n_gem; i++) {
		if (g->gem[i].team_id)
			continue;
		t.id = volgende++;
		snprintf(t.naam, sizeof t.naam, "Jeugdteam %s", g->gem[i].g.naam);
		if (store_put_lokaal_team(g->st, &t) < 0)
			return gen_fout(g, "lokaal team");
		g->gem[i].team_id = t.id;
	}
	for (int i = 0; i < g->n_gem; i++) {
		struct lokaal_team_gemeente tg = { .team_id = g->gem[i].team_id };
		kopieer(tg.gemeente, sizeof tg.gemeente, g->gem[i].g.code);
		if (store_put_lokaal_team_gemeente(g->st, &tg) < 0)
			return gen_fout(g, "lokaal team");
	}
	return 0;
}

/* Participation in regional purchasing (DOMAIN.md §1): from the Jeugdwet
 * (2015) for most; Voorschoten and Kaag en Braassem from 2024; Alphen aan
 * den Rijn only for safety (and closed care, which sits in segment 1) until
 * it joins fully in 2027. */
static int schrijf_gemeenten(struct gen *g)
{
	for (int i = 0; i < g->n_gem; i++) {
		const struct gemeente *gm = &g->gem[i].g;
		if (store_put_gemeente(g->st, gm) < 0)
			return gen_fout(g, "gemeente");
		bool later = strcmp(gm->naam, "Voorschoten") == 0 ||
			     strcmp(gm->naam, "Kaag en Braassem") == 0;
		bool alphen = strcmp(gm->naam, "Alphen aan den Rijn") == 0;
		for (int s = 1; s < SEGMENT_AANTAL; s++) {
			struct deelname d = { .segment = s };
			kopieer(d.gemeente, sizeof d.gemeente, gm->code);
			if (alphen)
				d.vanaf = s == SEGMENT_VEILIGHEID ? datum_van(2015, 1, 1)
								  : datum_van(2027, 1, 1);
			else
				d.vanaf = later ? datum_van(2024, 1, 1) : datum_van(2015, 1, 1);
			if (store_put_deelname(g->st, &d) < 0)
				return gen_fout(g, "deelname");
		}
	}
	return 0;
}

/* ---- providers ------------------------------------------------------------ */

static const char *const netwerk_namen[] = {
	"Netwerk Ambulant Leidse regio", "Netwerk Ambulant Duin- en Bollenstreek",
	"Netwerk Ambulant Rijnstreek", "Netwerk Verblijf en Wonen",
	"Netwerk Crisis en Veiligheid", "Netwerk Onderwijs-Zorg",
};

/* ~160 providers at scale 1, growing less than linearly with the scale
 * (a country has more providers, but the big ones grow too). The first
 * three are certified institutions (GI) for segment 7; ranks follow a
 * Zipf-like size spread in which the big providers offer more segments. */
static int maak_aanbieders(struct gen *g)
{
	static const char *const gi[] = { "Jeugdbescherming Rijnland-West",
					  "Stichting Veilig Opgroeien Holland",
					  "Jeugdreclassering en Jeugdbescherming Zuid-Holland" };
	int n = (int)lround(160.0 * pow(g->o.schaal, 0.75));
	if (n < 16)
		n = 16;
	g->aanb = calloc((size_t)n, sizeof *g->aanb);
	g->contract_id = calloc((size_t)n * SEGMENT_AANTAL, sizeof *g->contract_id);
	g->omzet = calloc((size_t)n * DEMO_JAREN, sizeof *g->omzet);
	if (!g->aanb || !g->contract_id || !g->omzet) {
		snprintf(g->err, g->errlen, "onvoldoende geheugen voor %d aanbieders", n);
		return -1;
	}
	g->n_aanb = n;
	struct rng *r = &g->r_regio;
	int n_gi = n >= 160 ? 3 : 2;
	for (int i = 0; i < n; i++) {
		struct gen_aanbieder *a = &g->aanb[i];
		unsigned s = 0;
		bool groot = i < n / 4;
		if (i < n_gi) {
			s = 1u << SEGMENT_VEILIGHEID;
		} else {
			if (i < n_gi + 3 + n / 60)
				s |= 1u << SEGMENT_CRISIS;
			if (rng_bernoulli(r, groot ? 0.35 : 0.02))
				s |= 1u << SEGMENT_VERBLIJF_BEHANDELING;
			if (rng_bernoulli(r, groot ? 0.25 : 0.03))
				s |= 1u << SEGMENT_WONEN;
			if (rng_bernoulli(r, i < n * 3 / 8 ? 0.3 : 0.08))
				s |= 1u << SEGMENT_DAGBEHANDELING;
			if (rng_bernoulli(r, 0.1))
				s |= 1u << SEGMENT_ONDERWIJS;
			if (s == 0 || rng_bernoulli(r, 0.9))
				s |= 1u << SEGMENT_AMBULANT;
		}
		a->segmenten = s;
		a->gewicht = 1.0 / pow((double)(i + 1), 1.05);
		/* AGB codes of youth-care providers: 98 + six digits, spread
		 * so that neighbours do not look sequential. */
		unsigned volgnr = 100000u + (unsigned)(((uint64_t)i * 7919u) % 900000u);
		snprintf(a->a.agb, sizeof a->a.agb, "98%06u", volgnr % 1000000u);
		if (i < n_gi)
			kopieer(a->a.naam, sizeof a->a.naam, gi[i]);
		else
			naam_aanbieder((size_t)(i - n_gi), s, a->a.naam, sizeof a->a.naam);
		int net = 0;
		if (s & ((1u << SEGMENT_CRISIS) | (1u << SEGMENT_VEILIGHEID)))
			net = 5;
		else if (s & ((1u << SEGMENT_VERBLIJF_BEHANDELING) | (1u << SEGMENT_WONEN)))
			net = 4;
		else if (s & (1u << SEGMENT_ONDERWIJS))
			net = 6;
		else if (rng_bernoulli(r, 0.6))
			net = 1 + (int)rng_below(r, 3);
		a->a.netwerk_id = net;
	}
	for (int s = 1; s < SEGMENT_AANTAL; s++) {
		g->seg_aanb[s] = calloc((size_t)n, sizeof(int));
		g->seg_gewicht[s] = calloc((size_t)n, sizeof(double));
		if (!g->seg_aanb[s] || !g->seg_gewicht[s]) {
			snprintf(g->err, g->errlen, "onvoldoende geheugen");
			return -1;
		}
		for (int i = 0; i < n; i++) {
			if (!(g->aanb[i].segmenten & (1u << s)))
				continue;
			g->seg_aanb[s][g->seg_n[s]] = i;
			g->seg_gewicht[s][g->seg_n[s]++] = g->aanb[i].gewicht;
		}
		if (g->seg_n[s] == 0) {
			/* Every segment needs a provider: the biggest takes it. */
			g->aanb[n_gi].segmenten |= 1u << s;
			g->seg_aanb[s][0] = n_gi;
			g->seg_gewicht[s][0] = g->aanb[n_gi].gewicht;
			g->seg_n[s] = 1;
		}
	}
	return 0;
}

static int schrijf_aanbieders(struct gen *g)
{
	for (size_t i = 0; i < sizeof netwerk_namen / sizeof netwerk_namen[0]; i++) {
		struct netwerk nw = { .id = (int64_t)i + 1 };
		kopieer(nw.naam, sizeof nw.naam, netwerk_namen[i]);
		if (store_put_netwerk(g->st, &nw) < 0)
			return gen_fout(g, "netwerk");
	}
	for (int i = 0; i < g->n_aanb; i++)
		if (store_put_aanbieder(g->st, &g->aanb[i].a) < 0)
			return gen_fout(g, "aanbieder");
	return 0;
}

/* Two contract terms per provider and segment: the predecessor's
 * (2018-2021) and the open-house contract of 2022-2025 that renews
 * tacitly per year; tariffs per product and year of each term. */
static int schrijf_contracten(struct gen *g)
{
	int laatste_jaar;
	int64_t id = 1;

	datum_delen(g->o.tot, &laatste_jaar, NULL, NULL);
	for (int i = 0; i < g->n_aanb; i++) {
		for (int s = 1; s < SEGMENT_AANTAL; s++) {
			if (!(g->aanb[i].segmenten & (1u << s)))
				continue;
			for (int term = 0; term < 2; term++) {
				struct contract c = { .id = id++, .segment = s };
				kopieer(c.agb, sizeof c.agb, g->aanb[i].a.agb);
				c.begindatum = datum_van(term ? 2022 : 2018, 1, 1);
				c.einddatum = datum_van(term ? 2025 : 2021, 12, 31);
				c.stilzwijgend_verlengd = term == 1;
				if (store_put_contract(g->st, &c) < 0)
					return gen_fout(g, "contract");
				g->contract_id[i * SEGMENT_AANTAL + s] = c.id;
				int j1 = term ? laatste_jaar + 1 : 2021;
				for (int jaar = term ? 2022 : 2018; jaar <= j1; jaar++) {
					for (int p = 0; p < g->n_prod; p++) {
						if (g->prod[p].segment != s)
							continue;
						struct tarief t = { .contract_id = c.id, .jaar = jaar };
						kopieer(t.productcode, sizeof t.productcode, g->prod[p].code);
						kopieer(t.eenheid, sizeof t.eenheid, g->prod[p].eenheid);
						t.bedrag = gen_tarief(g, p, jaar);
						if (store_put_tarief(g->st, &t) < 0)
							return gen_fout(g, "tarief");
					}
				}
			}
		}
	}
	return 0;
}

/* Budgets follow last year's approved spending plus 3 % growth, with the
 * noise of real budgeting (some segments over-, some under-budgeted);
 * ceilings likewise per provider. Written after the careers, whose costs
 * they are based on. */
static int schrijf_budgetten(struct gen *g)
{
	int laatste_jaar;
	struct rng *r = &g->r_regio;

	datum_delen(g->o.tot, &laatste_jaar, NULL, NULL);
	for (int jaar = 2021; jaar <= laatste_jaar; jaar++) {
		int j = jaar - DEMO_JAAR0;
		for (int i = 0; i < g->n_gem; i++) {
			for (int s = 1; s < SEGMENT_AANTAL; s++) {
				struct budget b = { .jaar = jaar, .segment = s };
				kopieer(b.gemeente, sizeof b.gemeente, g->gem[i].g.code);
				double basis = (double)g->kosten[i][j - 1][s] * 1.03;
				b.bedrag = llround(basis * (0.92 + 0.12 * rng_uniform(r)) / 100000.0) * 100000;
				if (store_put_budget(g->st, &b) < 0)
					return gen_fout(g, "budget");
			}
		}
		for (int a = 0; a < g->n_aanb; a++) {
			int64_t vorig = g->omzet[a * DEMO_JAREN + j - 1];
			if (vorig <= 0)
				continue;
			struct omzetplafond o = { .jaar = jaar };
			kopieer(o.agb, sizeof o.agb, g->aanb[a].a.agb);
			o.bedrag = llround((double)vorig * (0.95 + 0.15 * rng_uniform(r)) / 10000.0) * 10000;
			if (store_put_omzetplafond(g->st, &o) < 0)
				return gen_fout(g, "omzetplafond");
		}
	}
	return 0;
}

/* PGB awards (migration 13; not in iJw). Calibration, an assumption:
 * nationally the persoonsgebonden budget is a few per cent of youth-care
 * spending; we take 4 % of the gemeente's approved regional cost of the
 * year before (the basis of its budget too) at an average award of
 * € 12.000 a year (lognormal, median € 9.000), so a large gemeente has a
 * few dozen holders a year at scale 1. Most awards run the whole year,
 * some start during it (pro rata). Holders are youth of the record who
 * live in the gemeente on 1 July (or --until) and are 0-17 then. Drawn
 * last, from the stream r_pgb. */
static int schrijf_pgb(struct gen *g)
{
	struct rng *r = &g->r_pgb;
	int laatste_jaar;
	int64_t id = 0;

	datum_delen(g->o.tot, &laatste_jaar, NULL, NULL);
	for (int jaar = 2021; jaar <= laatste_jaar; jaar++) {
		int j = jaar - DEMO_JAAR0;
		dag_t midden = datum_van(jaar, 7, 1), jan = datum_van(jaar, 1, 1),
		      dec = datum_van(jaar, 12, 31);

		if (midden > g->o.tot)
			midden = g->o.tot;
		for (int i = 0; i < g->n_gem; i++) {
			int64_t basis = 0, *ids;
			size_t k;

			for (int s = 1; s < SEGMENT_AANTAL; s++)
				basis += g->kosten[i][j - 1][s];
			uint64_t n = rng_poisson(r, 0.04 * (double)basis / 1200000.0);
			if (n == 0)
				continue;
			if (store_pgb_kandidaten(g->st, g->gem[i].g.code, midden, &ids, &k) < 0)
				return gen_fout(g, "pgb-houders");
			for (uint64_t a = 0; a < n && k > 0; a++) {
				struct geld_pgb p = { .jaar = jaar, .einddatum = dec };
				double jaarbedrag = rng_lognormal(r, 9000.0, 12000.0);

				p.jeugdige_id = ids[rng_below(r, k)];
				p.begindatum = rng_bernoulli(r, 0.7) ? jan : jan + (dag_t)rng_below(r, 330);
				if (p.begindatum > g->o.tot)
					continue;
				p.id = ++id;
				kopieer(p.gemeente, sizeof p.gemeente, g->gem[i].g.code);
				p.bedrag = llround(jaarbedrag * (double)(dec - p.begindatum + 1) /
						   (double)(dec - jan + 1)) * 100;
				if (store_put_pgb(g->st, &p) < 0) {
					free(ids);
					return gen_fout(g, "pgb");
				}
			}
			free(ids);
		}
	}
	return 0;
}

/* The report of the last week before --until of a provider that still
 * reports: per product, and for a group product per group (two groups),
 * as the capacity page would take it; a few places reserved for crisis
 * intake. Free places are scarcer than the waiting list (not everyone
 * fits), so that matching has to choose. Drawn after all history, so the
 * history is the same as without it. */
static int schrijf_capaciteit_recent(struct gen *g, const bool *meldt)
{
	struct rng *r = &g->r_regio;
	char nu[21], peil[11];

	for (int a = 0; a < g->n_aanb; a++) {
		if (!meldt[a])
			continue;
		for (int p = 0; p < g->n_prod; p++) {
			int s = g->prod[p].segment;
			int groepen = g->prod[p].groep ? 2 : 1;

			if (s < 1 || !(g->aanb[a].segmenten & (1u << s)))
				continue;
			double plaatsen = 0.5 + 40.0 * g->aanb[a].gewicht * g->o.schaal;
			for (int k = 0; k < groepen; k++) {
				struct capaciteit_melding m = { .peildatum = g->o.tot -
								(dag_t)rng_below(r, 7) };

				kopieer(m.productcode, sizeof m.productcode, g->prod[p].code);
				if (groepen > 1)
					snprintf(m.groep, sizeof m.groep, "%c", 'A' + k);
				m.vrije_plaatsen = (int64_t)rng_poisson(r, plaatsen * 0.3 / groepen);
				m.crisis_gereserveerd =
					m.vrije_plaatsen == 0 ? 0
					: s == SEGMENT_CRISIS ? 1 + (int64_t)rng_below(r, 2)
					: rng_bernoulli(r, 0.1) ? 1 : 0;
				if (m.crisis_gereserveerd > m.vrije_plaatsen)
					m.crisis_gereserveerd = m.vrije_plaatsen;
				snprintf(nu, sizeof nu, "%sT09:00:00Z", datum_fmt(m.peildatum, peil));
				if (store_capaciteit_meld(g->st, &m, 1, g->aanb[a].a.agb, "demo", nu,
							  NULL) < 0)
					return gen_fout(g, "capaciteit");
			}
		}
	}
	return 0;
}

/* Providers report free places monthly per product they offer, from 2024;
 * some stopped reporting at some point (stale reports are a real
 * problem the waiting-list pages must show). Those that did not stop
 * also reported in the last week (schrijf_capaciteit_recent). */
static int schrijf_capaciteit(struct gen *g)
{
	struct rng *r = &g->r_regio;
	int64_t id = 1;
	dag_t begin = datum_van(2024, 1, 1);
	bool *meldt = calloc((size_t)g->n_aanb, sizeof *meldt);
	int rc;

	if (!meldt)
		return gen_fout(g, "capaciteit: geen geheugen");
	for (int a = 0; a < g->n_aanb; a++) {
		dag_t stopt = rng_bernoulli(r, 0.15)
				      ? begin + (dag_t)rng_below(r, (uint64_t)(g->o.tot - begin + 1))
				      : g->o.tot;
		meldt[a] = stopt == g->o.tot;
		for (int p = 0; p < g->n_prod; p++) {
			int s = g->prod[p].segment;
			if (s < 1 || !(g->aanb[a].segmenten & (1u << s)))
				continue;
			double plaatsen = 0.5 + 40.0 * g->aanb[a].gewicht * g->o.schaal;
			for (dag_t m = begin; m <= stopt; m = datum_plus_maanden(m, 1)) {
				struct capaciteit c = { .id = id++ };
				kopieer(c.agb, sizeof c.agb, g->aanb[a].a.agb);
				kopieer(c.productcode, sizeof c.productcode, g->prod[p].code);
				c.peildatum = m + (dag_t)rng_below(r, 10);
				if (c.peildatum > g->o.tot)
					break;
				c.vrije_plaatsen = (int)rng_poisson(r, plaatsen * 0.3);
				c.crisis_gereserveerd = s == SEGMENT_CRISIS ? 1 + (int)rng_below(r, 2) : 0;
				if (store_put_capaciteit(g->st, &c) < 0) {
					free(meldt);
					return gen_fout(g, "capaciteit");
				}
			}
		}
	}
	rc = schrijf_capaciteit_recent(g, meldt);
	free(meldt);
	return rc;
}

static int schrijf_meta(struct gen *g)
{
	char v[64], d[11];

	snprintf(v, sizeof v, "%llu", (unsigned long long)g->o.seed);
	if (store_meta_set(g->st, "demo.seed", v) < 0 ||
	    store_meta_set(g->st, "demo.tot", datum_fmt(g->o.tot, d)) < 0)
		return gen_fout(g, "meta");
	snprintf(v, sizeof v, "%g", g->o.schaal);
	if (store_meta_set(g->st, "demo.schaal", v) < 0)
		return gen_fout(g, "meta");
	/* A writer of the record raises the data version (readers that cache
	 * indicators reload on it). */
	if (store_data_versie_verhoog(g->st) < 0)
		return gen_fout(g, "meta");
	return 0;
}

static int bouw(struct gen *g)
{
	for (int s = 0; s < SEGMENT_AANTAL; s++)
		if (store_put_segment(g->st, s, segment_namen[s]) < 0)
			return gen_fout(g, "segment");
	if (laad_regioproducten(g) < 0 || schrijf_producten(g) < 0 || laad_gemeenten(g) < 0 ||
	    schrijf_gemeenten(g) < 0 || schrijf_teams(g) < 0 || maak_aanbieders(g) < 0 ||
	    schrijf_aanbieders(g) < 0 || schrijf_contracten(g) < 0)
		return -1;

	int j0, m0, j1, m1;
	datum_delen(g->record_begin, &j0, &m0, NULL);
	datum_delen(g->o.tot, &j1, &m1, NULL);
	g->n_maanden = (j1 - j0) * 12 + (m1 - m0) + 1;
	g->decl_id = calloc((size_t)g->n_aanb * (size_t)g->n_gem * (size_t)g->n_maanden,
			    sizeof *g->decl_id);
	if (!g->decl_id) {
		snprintf(g->err, g->errlen, "onvoldoende geheugen voor declaraties");
		return -1;
	}
	if (loopbaan_alle(g) < 0)
		return -1;
	size_t n_decl = (size_t)g->n_aanb * (size_t)g->n_gem * (size_t)g->n_maanden;
	for (size_t i = 0; i < n_decl; i++)
		if (g->decl_id[i] && store_declaratie_totalen(g->st, g->decl_id[i]) < 0)
			return gen_fout(g, "declaratietotalen");
	if (schrijf_budgetten(g) < 0 || schrijf_capaciteit(g) < 0 || schrijf_pgb(g) < 0 ||
	    schrijf_meta(g) < 0)
		return -1;
	return 0;
}

static void gen_vrij(struct gen *g)
{
	free(g->aanb);
	free(g->contract_id);
	free(g->omzet);
	free(g->decl_id);
	free(g->bsn_set);
	free(g->via_zorg);
	free(g->via_prestaties);
	for (int s = 0; s < SEGMENT_AANTAL; s++) {
		free(g->seg_aanb[s]);
		free(g->seg_gewicht[s]);
	}
	free(g);
}

int demo_maak(struct store *st, const struct demo_opties *opties,
	      struct demo_telling *telling, char *err, size_t errlen)
{
	int jaar;

	datum_delen(opties->tot, &jaar, NULL, NULL);
	if (!(opties->schaal > 0.0 && opties->schaal <= 100.0)) {
		snprintf(err, errlen, "schaal %g valt buiten (0, 100]", opties->schaal);
		return -1;
	}
	if (opties->tot == DAG_GEEN || opties->tot < datum_van(2021, 1, 31) || jaar >= DEMO_JAAR0 + DEMO_JAREN) {
		snprintf(err, errlen, "einddatum moet tussen 2021-01-31 en %d-12-31 liggen",
			 DEMO_JAAR0 + DEMO_JAREN - 1);
		return -1;
	}
	int leeg = store_is_empty(st);
	if (leeg < 0) {
		snprintf(err, errlen, "%s", store_error(st));
		return -1;
	}
	if (!leeg) {
		snprintf(err, errlen, "deze database bevat al een regio; kies een nieuwe database "
				      "(--db) om een demo te maken");
		return -1;
	}

	struct gen *g = calloc(1, sizeof *g);
	if (!g) {
		snprintf(err, errlen, "onvoldoende geheugen");
		return -1;
	}
	g->st = st;
	g->o = *opties;
	g->err = err;
	g->errlen = errlen;
	g->start = datum_van(2017, 1, 1);
	g->record_begin = datum_van(2021, 1, 1);
	rng_stream(&g->r_regio, opties->seed, 0);
	rng_stream(&g->r_jeugd, opties->seed, 1);
	rng_stream(&g->r_decl, opties->seed, 2);
	rng_stream(&g->r_reden, opties->seed, 3);
	rng_stream(&g->r_pgb, opties->seed, 4);

	int rc = store_bulk(st, 1) < 0 || store_begin(st) < 0 ? -1 : 0;
	if (rc < 0) {
		snprintf(err, errlen, "%s", store_error(st));
		store_bulk(st, 0);
		gen_vrij(g);
		return -1;
	}
	rc = bouw(g);
	/* The monthly aggregates of what was generated; with --via-ijw the
	 * messages below keep them up to date through the writers' hooks. */
	if (rc == 0 && store_maandcijfers_herbouw(st, jaar + 1) < 0)
		rc = gen_fout(g, "maandcijfers");
	if (rc == 0 && store_commit(st) < 0)
		rc = gen_fout(g, "vastleggen");
	if (rc < 0)
		store_rollback(st);
	/* The messages each run in their own transaction, as they would
	 * when they came in one by one: in the normal (WAL) mode, which
	 * commits small transactions much faster than bulk mode. */
	if (rc == 0 && opties->via_ijw) {
		rc = store_bulk(st, 0) < 0 ? gen_fout(g, "terug naar WAL-modus") : 0;
		if (rc == 0)
			rc = via_ijw_stuur(g);
	}
	if (store_bulk(st, 0) < 0 && rc == 0)
		rc = gen_fout(g, "terug naar WAL-modus");
	else if (telling) {
		*telling = g->telling;
		telling->aanbieders = g->n_aanb;
	}
	gen_vrij(g);
	return rc;
}
