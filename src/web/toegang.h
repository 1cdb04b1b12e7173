/* toegang: who is asking, and what they may see. The one place where
 * roles and scopes are enforced, for API and pages alike.
 *
 * The server (server.c) fills a struct toegang for every request before
 * the handler runs (toegang_bepaal) and checks the route's eis
 * (route.h) against it (toegang_eis_ok). Handlers never compare role
 * names themselves: they ask this module whether a gemeente, a provider
 * or a youth is in the asker's scope, and whether aggregates must be
 * suppressed.
 *
 * Principals:
 *  - the public (no session cookie, no Authorization header);
 *  - a logged-in user (session cookie, sessie.h);
 *  - a system (Authorization: Bearer TOKEN, an API token of the store,
 *    scoped to one gemeente or one aanbieder; it acts with the rights of
 *    the role gemeente or aanbieder for that scope).
 *
 * Scopes:
 *  - beheerder: users, configuration and the audit log (the privacy
 *    officer's work); no youth files, aggregates without suppression.
 *  - regio (SOZ): everything operational, every youth of the region.
 *  - gemeente: youth who live in one of its gemeenten (now or at some
 *    time on record) or whose trajectory one of them pays.
 *  - lokaal_team: as gemeente, for the gemeenten its teams serve
 *    (lokaal_team_gemeente), expanded once when the request starts.
 *  - aanbieder: youth with a toewijzing or trajectory at its AGB code.
 *  - beleid and the public: aggregates only, suppressed (onthulling.h).
 * Out of scope is "not found" (404), never "forbidden": a request must not
 * learn that a record exists.
 *
 * Thread-safe: a struct toegang belongs to one request.
 */
#ifndef JR_WEB_TOEGANG_H
#define JR_WEB_TOEGANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"
#include "web/route.h"
#include "web/sessie.h"

struct store;
struct audit_record;

#define TOEGANG_GEMEENTEN_MAX 64

enum toegang_rol {
	TOEGANG_PUBLIEK,       /* no login */
	TOEGANG_BEHEERDER,
	TOEGANG_REGIO,
	TOEGANG_GEMEENTE,
	TOEGANG_LOKAAL_TEAM,
	TOEGANG_AANBIEDER,
	TOEGANG_BELEID,
};

enum toegang_bron {
	TOEGANG_ANONIEM,
	TOEGANG_SESSIE,
	TOEGANG_API_TOKEN,
};

struct toegang {
	enum toegang_rol rol;
	enum toegang_bron bron;
	char naam[96];            /* user name, or the API token's name; "" public */
	char rolnaam[16];         /* "publiek", "regio", ... as stored */
	char namens[96];          /* the organisation acted for (audit 'namens') */
	/* gemeente and lokaal_team: the CBS codes in scope, sorted. */
	size_t n_gemeenten;
	char gemeenten[TOEGANG_GEMEENTEN_MAX][GEMEENTE_CODE_LEN];
	char agb[AGB_LEN];        /* aanbieder: its AGB code; "" otherwise */
	char bron_adres[64];      /* client address for the audit log */
	char verzoek_id[40];      /* random id of this request (audit, logs) */
	bool heeft_sessie;        /* sessie below is valid (bron == SESSIE) */
	struct web_sessie sessie; /* csrf for the page's forms, gebruiker */
};

/* Determine the asker of request v. 1 when a principal was found (or the
 * request is anonymous: then rol is PUBLIEK and 1 is returned too), 0 when
 * an Authorization header was present but is not a valid API token (the
 * caller answers 401), or the store's -1/-2. */
int toegang_bepaal(struct web_verzoek *v, struct store *st, int64_t nu, struct toegang *out);

/* Does t meet the route's requirement? */
bool toegang_eis_ok(const struct toegang *t, enum route_eis eis);

/* Aggregates shown to t must be suppressed (beleid, public). */
bool toegang_onderdrukken(const struct toegang *t);

/* t may see personal data at all (regio, gemeente, lokaal_team,
 * aanbieder). */
bool toegang_persoonsgegevens(const struct toegang *t);

/* t may see figures of gemeente code that are not suppressed: regio,
 * beheerder, and gemeente / lokaal_team for their own gemeenten. beleid
 * and the public get suppressed figures for every gemeente. */
bool toegang_gemeente_exact(const struct toegang *t, const char *code);

/* Exact figures of provider agb: regio, beheerder, and the aanbieder
 * itself. */
bool toegang_aanbieder_exact(const struct toegang *t, const char *agb);

/* Is youth jeugdige_id in t's scope? 1 yes, 0 no (also: the youth does
 * not exist, or t may see no personal data), or the store's -1/-2. */
int toegang_jeugdige(const struct toegang *t, struct store *st, int64_t jeugdige_id);

/* The scope of t as a filter for lists of youth (store queries take
 * it): gemeenten (NULL/0 = no gemeente filter), agb ("" = none). alles
 * is true for regio (every youth). For roles without personal data
 * toegang_persoonsgegevens() is false and no list may be shown. */
struct toegang_filter {
	bool alles;
	const char (*gemeenten)[GEMEENTE_CODE_LEN];
	size_t n_gemeenten;
	const char *agb;
};
void toegang_filter(const struct toegang *t, struct toegang_filter *out);

/* Whether gemeente code lies in t's scope (toegang_filter: all, or one of
 * its gemeenten). */
bool toegang_in_gemeenten(const struct toegang *t, const char *code);

/* Fill an audit record for t (gebruiker, rol, namens, bron_adres,
 * verzoek_id) with actie and object; jeugdige_id 0 means no youth, else
 * the pseudonym is looked up (store). 0 or the store's -1/-2. Append it
 * with store_audit_append inside the transaction of the read or change. */
int toegang_audit_vul(const struct toegang *t, struct store *st, const char *actie,
		      int64_t jeugdige_id, const char *object, struct audit_record *r);

/* A readable Dutch name of t's role ("SOZ (regio)", "Gemeente", ...). */
const char *toegang_rol_tekst(enum toegang_rol rol);

#endif
