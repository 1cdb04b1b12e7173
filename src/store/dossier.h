/* dossier: youth and their files, as the web server reads them
 * (web/jeugd_web.c): a list of youth within a scope, with filters,
 * sorting and pages; and everything on record about one youth.
 *
 * Scope (struct store_scope, store/scope.h) is the store-level twin of web/toegang.h's
 * struct toegang_filter, with the same rules as toegang_jeugdige():
 *  - alles: every youth (regio);
 *  - gemeenten[0..n): youth who live or lived in one of them (woonplaats,
 *    at any time on record), or one of whose trajecten or toewijzingen one
 *    of them pays (gemeente, lokaal_team);
 *  - agb: youth with a toewijzing or traject at that provider (aanbieder).
 * A scope with none of these set matches nobody (fails closed). The
 * gemeenten are bound as one text ",A,B," (store/scope.h) and matched with
 * LIKE, the same on SQLite and PostgreSQL.
 *
 * The same agb (or "") narrows a file: an aanbieder sees the youth's
 * personal data, family (GARP), woonplaatsen, school status and
 * perspectiefplan, but of the care only its own toewijzingen, trajecten
 * and declared prestaties, and only the verwijzingen that led to them.
 *
 * Memory: the arrays in the results are allocated here; the caller frees
 * a list with free() and a file with store_dossier_vrij(). Return
 * convention of store.h (-1 transient, -2 hard, message in
 * store_error()).
 */
#ifndef JR_STORE_DOSSIER_H
#define JR_STORE_DOSSIER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/kpi.h"
#include "domain/model.h"
#include "store/scope.h"

struct store;

/* Which youth a list shows, besides the scope. */
enum dossier_status {
	DOSSIER_STATUS_ALLE,
	DOSSIER_STATUS_WACHTEND,    /* a traject in status aangemeld or intake */
	DOSSIER_STATUS_IN_ZORG,     /* a traject in status gestart */
};

enum dossier_sorteer {
	DOSSIER_SORTEER_NAAM,       /* achternaam, voornamen (case-insensitive), id */
	DOSSIER_SORTEER_GEBOORTEDATUM,  /* then id */
	DOSSIER_SORTEER_ID,
};

#define DOSSIER_ZOEK_MAX 96

struct dossier_zoek {
	/* "" none; nine digits: the BSN exactly; else a part of
	 * "voornamen achternaam" (case-insensitive for ASCII letters). */
	const char *zoek;
	const char *gemeente;       /* "" none: the woongemeente (latest woonplaats) */
	const char *aanbieder;      /* "" none: a traject or toewijzing at this AGB */
	enum dossier_status status;
	enum dossier_sorteer sorteer;
	bool aflopend;
	int64_t limiet;             /* rows per page, >= 1 */
	int64_t offset;             /* rows to skip, >= 0 */
};

/* One row of a list. */
struct dossier_regel {
	int64_t id;
	char voornamen[NAAM_LEN];
	char achternaam[NAAM_LEN];
	dag_t geboortedatum;
	char woongemeente[GEMEENTE_CODE_LEN];   /* latest woonplaats; "" none */
	char woongemeente_naam[NAAM_LEN];
	int64_t n_actief;           /* trajecten in status gestart */
	int64_t n_wachtend;         /* trajecten in status aangemeld or intake */
};

/* The youth of scope s matching z, page z->offset/z->limiet, into a new
 * array *out (free(); NULL when empty) of *n rows; *totaal: all matches.
 * Returns *n or -1/-2 (then *out is NULL). */
int store_jeugdigen(struct store *st, const struct store_scope *s,
		    const struct dossier_zoek *z, struct dossier_regel **out, size_t *n,
		    int64_t *totaal);

struct dossier_woonplaats {
	struct woonplaats w;
	char gemeente_naam[NAAM_LEN];
};

struct dossier_verwijzing {
	struct verwijzing v;
	char gemeente_naam[NAAM_LEN];
	char team_naam[NAAM_LEN];   /* of v.team_id; "" none */
};

struct dossier_toewijzing {
	struct toewijzing z;
	char aanbieder_naam[NAAM_LEN];
	char product[160];          /* product omschrijving; "" unknown code */
};

struct dossier_traject {
	struct traject t;           /* verwijzer filled from the verwijzing */
	char aanbieder_naam[NAAM_LEN];   /* "" for local-team help */
	char team_naam[NAAM_LEN];   /* local team, "" otherwise */
	char gemeente_naam[NAAM_LEN];    /* the paying gemeente */
	char segment_naam[NAAM_LEN];
	char product[160];
};

struct dossier_prestatie {
	struct prestatie p;
	char declaratie_nummer[13];
	char agb[AGB_LEN];
	char aanbieder_naam[NAAM_LEN];
};

struct dossier {
	struct jeugdige jeugdige;
	bool heeft_gezin;
	struct gezin gezin;
	char regisseur_team[NAAM_LEN];
	struct dossier_woonplaats *woonplaatsen;
	size_t n_woonplaatsen;
	struct dossier_verwijzing *verwijzingen;
	size_t n_verwijzingen;
	struct dossier_toewijzing *toewijzingen;
	size_t n_toewijzingen;
	struct dossier_traject *trajecten;
	size_t n_trajecten;
	struct schoolstatus *schoolstatus;
	size_t n_schoolstatus;
	struct perspectiefplan *perspectiefplannen;
	size_t n_perspectiefplannen;
	struct dossier_prestatie *prestaties;
	size_t n_prestaties;
	/* The region's Treeknorm, to judge the trajecten's waits by. */
	struct treeknorm norms[SEGMENT_AANTAL];
};

/* The whole file of youth id into *out (agb: "" everything, else only
 * that provider's care, see above). 1 found, 0 no such youth (*out then
 * empty), -1/-2. Scope is not checked here: ask toegang_jeugdige first.
 * Release with store_dossier_vrij, also after 0 or a failure. */
int store_dossier(struct store *st, int64_t id, const char *agb, struct dossier *out);

/* Only the trajecten of youth id (agb as above), ordered by aanmelding
 * (or start) and id, into a new array *out (free(); NULL when none).
 * Returns the number or -1/-2. */
int store_dossier_trajecten(struct store *st, int64_t id, const char *agb,
			    struct dossier_traject **out, size_t *n);

void store_dossier_vrij(struct dossier *d);

#endif
