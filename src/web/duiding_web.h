/* duiding_web: the story behind a figure (issue 7, item 3). Partners
 * write a comment (duiding) on an indicator, a gemeente or the region and
 * a period (store/duiding_store.h: keys, periods, versions); it is shown
 * beside the figure (duiding_web_blok, called by cijfers_web.c), listed,
 * exported and kept with its whole history.
 *
 * Routes (duiding_routes; server.c checks each eis first):
 *   GET  /duidingen              EIS_PUBLIEK   current duidingen, filter ?gemeente
 *                                              (code or "regio") ?indicator ?periode
 *                                              ?van ?tot ?pagina ?per_pagina; with the
 *                                              form to add one for who may write
 *   GET  /duidingen/export.csv   EIS_PUBLIEK   the same list as CSV (';', UTF-8 BOM)
 *   POST /duidingen              EIS_INGELOGD  add: indicator, gemeente, periode, tekst
 *   GET  /duidingen/{nr}         EIS_INGELOGD  one duiding: every version, and the
 *                                              forms to edit or withdraw it
 *   POST /duidingen/{nr}         EIS_INGELOGD  actie=wijzigen (tekst) or actie=intrekken
 *                                              (reden), with versie: the version seen
 *   GET  /api/v1/duidingen       EIS_PUBLIEK   the list as JSON, same parameters
 *   POST /api/v1/duidingen       EIS_INGELOGD  add (form-encoded body, as the page)
 *   GET  /api/v1/duidingen/{nr}  EIS_INGELOGD  every version as JSON
 *   POST /api/v1/duidingen/{nr}  EIS_INGELOGD  edit or withdraw
 * docs/api/duidingen.md describes fields and answers. Every change is one
 * transaction; a page's form that is refused comes back with what was
 * typed and the message beside the field; the API answers
 * {"fout": {"code", "veld", "melding"}}.
 *
 * Who may write (roles of toegang.h; decided here, since it is about
 * duidingen only):
 *  - regio (SOZ) and beleid: for the region and every gemeente; the
 *    region's policy and contract staff are who interpret the figures
 *    together, and both see every gemeente's (suppressed) figures.
 *  - gemeente and lokaal_team: for their own gemeenten only (a
 *    lokaal_team: the gemeenten its teams serve), not for the region: they
 *    speak for their gemeente.
 *  - aanbieder: for the region only. The 2030 vision makes provider
 *    networks co-responsible for throughput and waiting lists, so their
 *    account of the region's waiting, uitval or capacity belongs beside
 *    those figures; a provider does not speak for one gemeente.
 *  - beheerder and the public: never (beheer is users and the audit log).
 * Edit and withdraw: regio and beleid any duiding they may write; the
 * other writers only a duiding whose current version their organisation
 * (toegang 'namens': the same gemeente scope, team or AGB) wrote. The
 * beheerder may withdraw any duiding (the privacy officer's remedy for
 * text that should not be shown); the text stays in the history.
 * An attempt outside these rules is 403 geen_toegang (duidingen and
 * gemeenten are public, so nothing is given away by "forbidden").
 *
 * Who may read: current duidingen are public, like the figures they are
 * about (the pages and exports that show a figure show its duiding). The
 * history of a duiding (withdrawn text included) is for logged-in users
 * only: text is withdrawn because it was wrong or should not be shown.
 * Every text is free text: the form warns not to write personal data,
 * and every page writes it escaped as plain text (never HTML).
 *
 * Thread-safe; the store is the calling thread's.
 */
#ifndef JR_WEB_DUIDING_WEB_H
#define JR_WEB_DUIDING_WEB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "domain/datum.h"
#include "web/route.h"

struct store;
struct toegang;

extern const struct route duiding_routes[];
extern const size_t duiding_routes_n;

/* May wie write a duiding about gemeente (NULL or "": the region)? */
bool duiding_mag_schrijven(const struct toegang *wie, const char *gemeente);

/* The current duidingen of indicator (a key of duiding_store.h) whose
 * period overlaps [van, tot] (DAG_GEEN: open), as an <aside> to put beside
 * the figure: about the region when gemeente is NULL or "", else about
 * gemeente and, marked as such, the region. The newest few, each with its
 * period, author, date and a link to its history; a link to all of them;
 * for who may write (wie; NULL: the public) a link to add one. Writes
 * nothing when there are none and wie may not write. One read on st,
 * outside or inside a transaction. 0, or the store's -1/-2 (then nothing
 * was written). */
int duiding_web_blok(FILE *f, struct store *st, const struct toegang *wie, const char *indicator,
		     const char *gemeente, dag_t van, dag_t tot);

#endif
