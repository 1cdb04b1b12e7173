/* duiding_store: the story behind a figure (issue 7, item 3). Partners
 * attach a comment (duiding) to an indicator, a gemeente or the region,
 * and a period; it is shown beside the figure on the pages, in exports
 * and in the council report. Table duiding (migration 12).
 *
 * Versions. A duiding is named by reeks, the id of its first version. An
 * edit or a withdrawal is a new row with the next versie; rows are never
 * changed or deleted (the table refuses UPDATE and DELETE, like the audit
 * log), so the history is complete. The current version of a duiding is
 * its highest versie; a duiding whose current version is withdrawn is
 * shown nowhere but in its history. The subject (indicator, gemeente,
 * period) is that of the first version: a different subject is a new
 * duiding.
 *
 * Periods: text, one of
 *   "JJJJ"     a calendar year       (2025: 2025-01-01 .. 2025-12-31)
 *   "JJJJ-Kn"  a quarter, n = 1..4   (2025-K3: 2025-07-01 .. 2025-09-30)
 *   "JJJJ-MM"  a month               (2025-07: 2025-07-01 .. 2025-07-31)
 * stored with its first and last day, so a page asks for every duiding
 * whose period overlaps the dates it shows.
 *
 * Text: 1 .. DUIDING_TEKST_MAX characters of UTF-8, lines allowed (tab,
 * CR, LF), no other control characters. It is free text and may be
 * published: the form warns not to write personal data in it, and every
 * reader treats it as plain text (never HTML).
 *
 * No audit records: a duiding holds no personal data; each version
 * records its author (name, role, organisation as they were) and time.
 *
 * Every function follows store.h's return convention (>= 0 success or
 * rows, -1 retry the transaction, -2 hard with the message in
 * store_error). The writing functions take the lock of duiding
 * themselves and must run inside the caller's transaction
 * (store_transaction): one transaction per page action. Arrays returned
 * through out-parameters are malloc'd and the caller's (free()); NULL
 * with count 0 when there are none.
 */
#ifndef JR_STORE_DUIDING_STORE_H
#define JR_STORE_DUIDING_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "domain/model.h"

struct store;

#define DUIDING_TEKST_MAX 2000                      /* characters */
#define DUIDING_TEKST_BYTES (DUIDING_TEKST_MAX * 4 + 1)
#define DUIDING_INDICATOR_LEN 32
#define DUIDING_PERIODE_LEN 8

/* The indicators a duiding can be about, with their Dutch labels, in the
 * order of the pages (DOMAIN.md §4). The keys are the ones pages and
 * reports pass; "algemeen" is the overall picture of a gemeente or the
 * region. */
#define DUIDING_INDICATOREN(X) \
	X(algemeen, "Algemeen beeld") \
	X(jeugdhulpgebruik, "Jeugdhulpgebruik (1 op N)") \
	X(wachttijd, "Wachttijd en Treeknorm") \
	X(zorgelijk, "Zorgelijk wachtenden") \
	X(thuiszitters, "Thuiszitters langer dan drie maanden") \
	X(verblijf, "Verblijf (uithuisplaatsingen)") \
	X(crisis, "Crisisplaatsen") \
	X(collectief, "Collectieve oplossingen (groepszorg)") \
	X(doorlooptijd, "Doorlooptijd") \
	X(uitval, "Uitval") \
	X(herhaald_beroep, "Herhaald beroep") \
	X(overgang18, "Overgang 18-/18+") \
	X(verwijzers, "Verwijzers") \
	X(clientkosten, "Gemiddelde cliëntkosten") \
	X(budget, "Budgetuitputting")

struct duiding_indicator {
	const char *sleutel;
	const char *label;
};
extern const struct duiding_indicator duiding_indicatoren[];
extern const size_t duiding_indicatoren_n;

/* The label of indicator key sleutel, or NULL when it is not a key. */
const char *duiding_indicator_label(const char *sleutel);

/* Read period text s (see above) into its first and last day. 0, or -1
 * when s is not a year, quarter or month of the years 2000..2099. */
int duiding_periode_lees(const char *s, dag_t *begin, dag_t *einde);

/* The number of characters of UTF-8 text s, or -1 when s is not UTF-8 or
 * holds a control character other than tab, CR and LF. */
long duiding_tekens(const char *s);

/* One version of a duiding, with what lists show beside it. */
struct duiding {
	int64_t id;                           /* this version's row */
	int64_t reeks;                        /* the duiding: id of version 1 */
	int64_t versie;                       /* 1, 2, ... */
	char indicator[DUIDING_INDICATOR_LEN];
	char gemeente[GEMEENTE_CODE_LEN];     /* "": the region */
	char gemeente_naam[NAAM_LEN];         /* "": the region */
	char periode[DUIDING_PERIODE_LEN];
	dag_t periode_begin, periode_einde;
	bool ingetrokken;
	char tekst[DUIDING_TEKST_BYTES];      /* withdrawn: the reason, or "" */
	char auteur[NAAM_LEN];
	char auteur_rol[16];                  /* "gemeente", "regio", ... */
	char namens[96];                      /* organisation acted for; "" none */
	char aangemaakt[21];                  /* this version, ISO 8601 UTC */
	char eerst_aangemaakt[21];            /* version 1, ISO 8601 UTC */
};

/* The local time (Europe/Amsterdam, the server's zone) of an ISO 8601
 * UTC timestamp as "JJJJ-MM-DD UU:MM" into out[17]; the text itself when
 * it is not such a timestamp. */
char *duiding_tijd(const char *iso, char out[17]);

/* Who wrote version d and when, for a page, an export or a report:
 * "anna (gemeente 0546), 2026-11-20 11:00" (the organisation, or else the
 * role, as they were), into out[n]. */
char *duiding_ondertekening(const struct duiding *d, char *out, size_t n);

/* Who writes a version, and when (ISO 8601 UTC, store_nu_iso). */
struct duiding_auteur {
	const char *naam;
	const char *rol;
	const char *namens;                   /* NULL or "": none */
	const char *tijd;
};

/* Write a new duiding, version 1, about indicator, gemeente (NULL or "":
 * the region) and periode, with tekst. The arguments are checked again
 * here (-2 with a message when not valid: the caller checks first and
 * names the field). *reeks: the new duiding's number. */
int store_duiding_nieuw(struct store *st, const char *indicator, const char *gemeente,
			const char *periode, const char *tekst, const struct duiding_auteur *a,
			int64_t *reeks);

/* What a new version of an existing duiding came to. */
enum duiding_uitkomst {
	DUIDING_GEDAAN,          /* the new version was written */
	DUIDING_ONBEKEND,        /* there is no duiding reeks */
	DUIDING_VEROUDERD,       /* its current version is not the one given */
	DUIDING_AL_INGETROKKEN,  /* its current version is withdrawn */
};

/* Write version na_versie + 1 of duiding reeks: tekst as the new text
 * (intrekken false), or a withdrawal with tekst as the reason (intrekken
 * true; tekst NULL or "": no reason). na_versie is the version the author
 * saw: when another one was written since, nothing is written and
 * *uitkomst says DUIDING_VEROUDERD. Returns 0 (see *uitkomst) or -1/-2. */
int store_duiding_versie(struct store *st, int64_t reeks, int64_t na_versie, const char *tekst,
			 bool intrekken, const struct duiding_auteur *a,
			 enum duiding_uitkomst *uitkomst);

/* The current version of duiding reeks (withdrawn or not) into *out.
 * 1 found, 0 no such duiding. */
int store_duiding_huidig(struct store *st, int64_t reeks, struct duiding *out);

/* Every version of duiding reeks, oldest first. */
int store_duiding_historie(struct store *st, int64_t reeks, struct duiding **out, size_t *n);

/* Where the duidingen of a list are about. */
enum duiding_plek {
	DUIDING_OVERAL,              /* the region and every gemeente */
	DUIDING_REGIO,               /* the region only */
	DUIDING_GEMEENTE,            /* gemeente only */
	DUIDING_GEMEENTE_EN_REGIO,   /* gemeente and the region */
};

struct duiding_filter {
	const char *indicator;       /* NULL or "": every indicator */
	enum duiding_plek plek;
	const char *gemeente;        /* for DUIDING_GEMEENTE(_EN_REGIO) */
	dag_t van, tot;              /* periods overlapping [van, tot]; DAG_GEEN: open */
	int64_t limiet, offset;      /* limiet 0: every row */
};

/* The current, not withdrawn duidingen that f selects, newest period
 * first (then the region before the gemeenten by code, indicator by key,
 * newest duiding first). *totaal (when not NULL): how many there
 * are without limiet and offset. Returns the number of rows. */
int store_duidingen(struct store *st, const struct duiding_filter *f, struct duiding **out,
		    size_t *n, int64_t *totaal);

#endif
