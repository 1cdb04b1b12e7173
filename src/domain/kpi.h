/* kpi: the indicator definitions of DOMAIN.md §4, each written once.
 *
 * Every dashboard, report, API call and the simulator computes an
 * indicator through these functions, on a struct kpi_data that the store
 * (store_kpi_load) or a test fills. Pure: no I/O; the functions allocate
 * only scratch memory that they free before returning (and return -1 when
 * that allocation fails).
 *
 * Conventions:
 *  - A trajectory is active on day d when begindatum != DAG_GEEN,
 *    begindatum <= d and (einddatum == DAG_GEEN or einddatum >= d).
 *  - A period is [van, tot], both days inclusive.
 *  - "Regional" (specialised) care is every trajectory with segment >= 1;
 *    local-team help is segment 0 / categorie "31".
 *  - Filters: gemeente NULL or "" = whole region; segment -1 = all;
 *    agb NULL or "" = all providers. Trajectory-level indicators filter on
 *    the trajectory's paying gemeente; youth-level ones on residence.
 */
#ifndef JR_DOMAIN_KPI_H
#define JR_DOMAIN_KPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"

/* Approved declarations, aggregated per trajectory and calendar year
 * (year of the Prestatie's ProductPeriode Begindatum). */
struct traject_kosten {
	int64_t traject_id;
	int64_t jeugdige_id;
	char gemeente[GEMEENTE_CODE_LEN];
	char agb[AGB_LEN];
	int segment;
	int jaar;
	int64_t goedgekeurd;          /* approved eurocents */
	int64_t afgewezen;            /* rejected eurocents */
	int maanden;                  /* months with an approved Prestatie */
	dag_t laatste_periode_eind;   /* last approved ProductPeriode end */
};

/* The record as the indicators see it. Arrays are borrowed (the filler
 * owns them). Required order: jeugdigen by id; woonplaatsen by
 * (jeugdige_id, vanaf); trajecten by (jeugdige_id, id); schoolstatus and
 * perspectiefplannen by jeugdige_id; besluiten by (traject_id, tijdstip). */
/* Treeknorm per segment, in days. */
struct treeknorm {
	int32_t tot_intake;           /* default 28 (4 weeks) */
	int32_t intake_tot_start;     /* default 70 (10 weeks) */
};

struct kpi_data {
	const struct gemeente *gemeenten;         size_t n_gemeenten;
	const struct jeugdige *jeugdigen;         size_t n_jeugdigen;
	const struct woonplaats *woonplaatsen;    size_t n_woonplaatsen;
	const struct traject *trajecten;          size_t n_trajecten;
	const struct schoolstatus *school;        size_t n_school;
	const struct perspectiefplan *plannen;    size_t n_plannen;
	const struct zorgelijk_besluit *besluiten; size_t n_besluiten;
	const struct traject_kosten *kosten;      size_t n_kosten;
	const struct budget *budgetten;           size_t n_budgetten;
	const struct omzetplafond *plafonds;      size_t n_plafonds;
	/* The region's Treeknorm (store_kpi_load: the configured one). */
	struct treeknorm norms[SEGMENT_AANTAL];
};

struct kpi_filter {
	const char *gemeente;
	int segment;
	const char *agb;
};

/* Fill norms[SEGMENT_AANTAL] with the defaults (4 + 10 weeks; crisis
 * 1 + 1 day). */
void treeknorm_standaard(struct treeknorm norms[SEGMENT_AANTAL]);

/* Lookups in d's sorted rows (binary search), for the modules that
 * combine them: the youth with id (jeugdigen sorted by id), or NULL; the
 * first woonplaats row of youth id (woonplaatsen sorted by (jeugdige_id,
 * vanaf)), or NULL; the gemeente youth id lives in on dag (the newest
 * registration covering it), or NULL when unknown. */
const struct jeugdige *kpi_jeugdige(const struct kpi_data *d, int64_t id);
const struct woonplaats *kpi_eerste_woonplaats(const struct kpi_data *d, int64_t id);
const char *kpi_woonplaats_op(const struct kpi_data *d, int64_t id, dag_t dag);

/* ---- Result types shared by the indicators ---- */

/* A distribution of day counts. mediaan is the middle value, or the mean
 * of the two middle values for an even count; p80 is the nearest-rank
 * 80th percentile (the value at rank ceil(0.8·n) of the sorted values).
 * All zero when n == 0. */
struct kpi_verdeling {
	size_t n;
	double gemiddelde;
	double mediaan;
	int32_t p80;
};

/* aantal out of totaal; aandeel = aantal / totaal as a fraction 0..1,
 * 0 when totaal == 0. */
struct kpi_aandeel {
	size_t totaal;
	size_t aantal;
	double aandeel;
};

/* Functions that return int allocate scratch memory: 0 on success, -1
 * when that allocation fails (out is then zeroed). The others cannot
 * fail. A NULL filter means no filter (whole region, segment -1, all
 * providers). */

/* ---- Jeugdhulpgebruik ("1 op N") ----
 * jeugdigen: distinct youth who, on some day in [van, tot] on which one of
 * their counted trajectories is active, are 0-17 (born and not yet 18;
 * youth missing from jeugdigen are not counted). Counted trajectories: all,
 * or with alleen_regionaal only segment >= 1 (no local-team help).
 * Residence: the youth's woonplaats on the last such day; youth without a
 * woonplaats on that day count only for the whole region.
 * populatie: the sum of jeugdigen_0_17 over the gemeente (or all).
 * percentage = 100·jeugdigen/populatie (0 when populatie is 0);
 * een_op_n = round(populatie/jeugdigen) (0 when jeugdigen is 0). */
struct kpi_gebruik {
	size_t jeugdigen;
	int64_t populatie;
	double percentage;
	int64_t een_op_n;
};
void kpi_jeugdhulpgebruik(const struct kpi_data *d, const char *gemeente,
			  dag_t van, dag_t tot, bool alleen_regionaal,
			  struct kpi_gebruik *out);

/* The same youth count for one form of care: distinct youth who are 0-17
 * on some day in [van, tot] on which one of their trajectories of that
 * segment (-1 any) and categorie (NULL or "" any) is active; residence as
 * above. E.g. segment 4 = ambulant, categorie "52" = specialist GGZ. */
size_t kpi_jeugdigen_zorgvorm(const struct kpi_data *d, const char *gemeente,
			      dag_t van, dag_t tot, int segment, const char *categorie);

/* ---- Wachttijd (Treeknorm) ----
 * Trajectories counted: matching the filter, segment 1..7 (narrowed by
 * the filter's segment), with an aanmelddatum. (DOMAIN.md falls back to
 * the toewijzing's Ingangsdatum when the aanmelding is unknown; kpi_data
 * has no toewijzingen, so the loader puts that date in aanmelddatum.)
 * Completed waits: begindatum in [van, tot] and aanmelddatum <= begindatum
 * (inconsistent records are skipped); totaal = begindatum − aanmelddatum.
 * The split uses the waits whose intakedatum lies in [aanmelddatum,
 * begindatum]: tot_intake = intake − aanmelding, intake_tot_start =
 * start − intake. Over the norm of the trajectory's segment: with a usable
 * intake, either part above its norm; without one, the total above the sum
 * of both norms. aandeel_boven_norm is a fraction of totaal.n.
 * Waiting on peildatum (see kpi_wachtend): wachtend holds the days waited
 * so far (peildatum − aanmelddatum); wachtend_boven_norm counts those
 * already beyond the norm (kpi_boven_norm_op). */
struct kpi_wachttijd {
	struct kpi_verdeling totaal;
	struct kpi_verdeling tot_intake;
	struct kpi_verdeling intake_tot_start;
	size_t boven_norm;
	double aandeel_boven_norm;
	struct kpi_verdeling wachtend;
	size_t wachtend_boven_norm;
};
int kpi_wachttijd(const struct kpi_data *d, const struct kpi_filter *f,
		  dag_t van, dag_t tot, dag_t peildatum,
		  const struct treeknorm norms[SEGMENT_AANTAL],
		  struct kpi_wachttijd *out);

/* True when t is waiting on peildatum: aanmelddatum <= peildatum, not
 * started by then (no begindatum or begindatum > peildatum), and not
 * ended by then (einddatum, e.g. the day a VERVALLEN trajectory lapsed,
 * after peildatum; a VERVALLEN one without einddatum is not waiting). */
bool kpi_wachtend(const struct traject *t, dag_t peildatum);

/* For a waiting t: true when it is beyond the Treeknorm of its segment on
 * peildatum. With an intake on or before peildatum: intake − aanmelding
 * above tot_intake, or peildatum − intake above intake_tot_start; without
 * one: peildatum − aanmelding above tot_intake. */
bool kpi_boven_norm_op(const struct traject *t, dag_t peildatum,
		       const struct treeknorm norms[SEGMENT_AANTAL]);

/* ---- Zorgelijk wachtend (our own definition) ---- */
enum kpi_risico {
	/* veiligheidssignaal, or another trajectory of the youth in segment
	 * 6 or categorie "46" with begindatum < peildatum */
	KPI_RISICO_VEILIGHEID = 1u << 0,
	/* a schoolstatus open on peildatum */
	KPI_RISICO_THUISZITTER = 1u << 1,
	/* no overbruggingszorg */
	KPI_RISICO_GEEN_OVERBRUGGING = 1u << 2,
	/* aged 17 years and 6 months or more on peildatum */
	KPI_RISICO_LEEFTIJD = 1u << 3,
	/* a categorie "48" trajectory of the youth active on peildatum */
	KPI_RISICO_JEUGDBESCHERMING = 1u << 4,
	/* another trajectory of the youth ended with reden 32/33 on or
	 * before peildatum */
	KPI_RISICO_UITVAL = 1u << 5,
};

/* Trajectory d->trajecten[i] on peildatum. *flags (if not NULL) gets the
 * risk flags, whether or not it waits. Only a waiting trajectory
 * (kpi_wachtend) can be zorgelijk: when a zorgelijk_besluit for it has a
 * tijdstip up to the end of peildatum (Europe/Amsterdam), the latest one
 * decides (bevestigd or not); otherwise it is zorgelijk when beyond the
 * norm (kpi_boven_norm_op) with at least one flag. */
bool kpi_zorgelijk(const struct kpi_data *d, size_t i, dag_t peildatum,
		   const struct treeknorm norms[SEGMENT_AANTAL], unsigned *flags);

/* Unix time of 00:00 Europe/Amsterdam on day d: the bound of the
 * decisions that count on a peildatum (kpi_middernacht_amsterdam(p + 1)). */
int64_t kpi_middernacht_amsterdam(dag_t d);

/* The latest zorgelijk_besluit for traject_id before unix time grens, or
 * NULL (d->besluiten sorted by traject_id, tijdstip). */
const struct zorgelijk_besluit *kpi_laatste_besluit(const struct kpi_data *d,
						     int64_t traject_id, int64_t grens);

/* totaal: trajectories matching the filter (segment >= 1 unless given)
 * waiting on peildatum; aantal: of those, zorgelijk. */
void kpi_zorgelijk_aantal(const struct kpi_data *d, const struct kpi_filter *f,
			  dag_t peildatum,
			  const struct treeknorm norms[SEGMENT_AANTAL],
			  struct kpi_aandeel *out);

/* ---- Doorlooptijd ----
 * Trajectories matching the filter (segment >= 1 unless given), status
 * BEEINDIGD, einddatum in [van, tot], with a begindatum: the days
 * einddatum − begindatum. */
int kpi_doorlooptijd(const struct kpi_data *d, const struct kpi_filter *f,
		     dag_t van, dag_t tot, struct kpi_verdeling *out);

/* ---- Uitval ----
 * totaal: trajectories matching the filter (segment >= 1 unless given),
 * status BEEINDIGD, einddatum in [van, tot]; aantal: with reden 32 or 33. */
void kpi_uitval(const struct kpi_data *d, const struct kpi_filter *f,
		dag_t van, dag_t tot, struct kpi_aandeel *out);

/* ---- Herhaald beroep ----
 * totaal: trajectories matching the filter (segment >= 1 unless given),
 * status BEEINDIGD, einddatum in [van, tot], reden 31 or 34; aantal: those
 * followed by another trajectory of the same youth with segment >= 1 (any
 * status, a lapsed aanmelding included) whose first date (aanmelddatum,
 * else begindatum) lies in (einddatum, einddatum + maanden months]. */
void kpi_herhaald_beroep(const struct kpi_data *d, const struct kpi_filter *f,
			 dag_t van, dag_t tot, int maanden,
			 struct kpi_aandeel *out);

/* ---- Thuiszitters > 3 maanden ----
 * Distinct youth with a schoolstatus open on peildatum (sinds <=
 * peildatum, tot absent or >= peildatum) whose niet_naar_school_sinds lies
 * more than 91 days before peildatum, and no segment-5 trajectory active on
 * peildatum. Gemeente: residence on peildatum (none: region only). */
size_t kpi_thuiszitters(const struct kpi_data *d, const char *gemeente,
			dag_t peildatum);

/* ---- 18-/18+ overgang ----
 * totaal: distinct youth with a trajectory (any segment) active on
 * peildatum who turn 18 in (peildatum, peildatum + 6 months]; aantal: of
 * those, without a perspectiefplan dated on or before peildatum.
 * Gemeente: residence on peildatum. */
void kpi_overgang18(const struct kpi_data *d, const char *gemeente,
		    dag_t peildatum, struct kpi_aandeel *out);

/* ---- Collectief aandeel ----
 * totaal: trajectories matching the filter (segment >= 1 unless given)
 * active on peildatum; aantal: of those on group products (groep). */
void kpi_collectief(const struct kpi_data *d, const struct kpi_filter *f,
		    dag_t peildatum, struct kpi_aandeel *out);

/* ---- Verblijf aandeel ----
 * jeugdigen: distinct youth with a trajectory of segment >= 1 active on
 * some day in [van, tot]; residence as in kpi_jeugdhulpgebruik (on the last
 * such day), no age limit. verblijf: of those, youth with such a trajectory
 * in categorie "43" or "44"; crisis: youth with one in categorie "46".
 * Aandelen are fractions of jeugdigen. crisis_duur: the days einddatum −
 * begindatum of those youths' categorie-46 trajectories that ended
 * (BEEINDIGD) in [van, tot]. */
struct kpi_verblijf {
	size_t jeugdigen;
	size_t verblijf;
	double verblijf_aandeel;
	size_t crisis;
	double crisis_aandeel;
	struct kpi_verdeling crisis_duur;
};
int kpi_verblijf(const struct kpi_data *d, const char *gemeente, dag_t van,
		 dag_t tot, struct kpi_verblijf *out);

/* ---- Verwijzers ----
 * New regional trajectories: segment >= 1, paying gemeente matching, first
 * date (aanmelddatum, else begindatum) in [van, tot]. Counted per COD327
 * type in the order of kpi_verwijzer_codes; "" (the last) holds no
 * verwijzer and unknown codes. aandeel[i] = aantal[i] / totaal. */
#define KPI_VERWIJZER_AANTAL 8
extern const char kpi_verwijzer_codes[KPI_VERWIJZER_AANTAL][CODE2_LEN];
struct kpi_verwijzers {
	size_t totaal;
	size_t aantal[KPI_VERWIJZER_AANTAL];
	double aandeel[KPI_VERWIJZER_AANTAL];
};
void kpi_verwijzers(const struct kpi_data *d, const char *gemeente, dag_t van,
		    dag_t tot, struct kpi_verwijzers *out);

/* ---- Gemiddelde cliëntkosten ----
 * Over the traject_kosten of jaar (gemeente filter on their gemeente):
 * goedgekeurd = the sum of goedgekeurd; jeugdigen = distinct jeugdige_id
 * with a row whose goedgekeurd > 0; gemiddeld = goedgekeurd / jeugdigen
 * rounded to the nearest cent (0 when jeugdigen is 0). */
struct kpi_clientkosten {
	int64_t goedgekeurd;
	size_t jeugdigen;
	int64_t gemiddeld;
};
int kpi_clientkosten(const struct kpi_data *d, const char *gemeente, int jaar,
		     struct kpi_clientkosten *out);

/* ---- Budgetuitputting ----
 * goedgekeurd: the traject_kosten of jaar matching the selection.
 * actief: trajectories matching the selection active on peildatum.
 * prognose: for each of those with a kosten row of jaar with maanden > 0:
 * round(goedgekeurd / maanden × the whole months after the month of
 * laatste_periode_eind up to December of jaar) (0 when that month is in a
 * later year, 12 when in an earlier one); zonder_historie counts the
 * active ones without such a row (they add 0).
 * verwacht = goedgekeurd + prognose; norm = the budget (or omzetplafond);
 * aandeel = verwacht / norm (0 when norm is 0). */
struct kpi_uitputting {
	int64_t goedgekeurd;
	int64_t prognose;
	int64_t verwacht;
	int64_t norm;
	double aandeel;
	size_t actief;
	size_t zonder_historie;
};

/* Per gemeente (NULL or "" = region) and segment (-1 = all, the local
 * team's segment 0 included), against the sum of the matching budgetten
 * of jaar. Selection of kosten and trajectories: their gemeente and
 * segment. */
void kpi_budgetuitputting(const struct kpi_data *d, const char *gemeente,
			  int jaar, int segment, dag_t peildatum,
			  struct kpi_uitputting *out);

/* Per provider (agb), against its omzetplafond of jaar. */
void kpi_plafonduitputting(const struct kpi_data *d, const char *agb, int jaar,
			   dag_t peildatum, struct kpi_uitputting *out);

#endif
