/* jeugd_web: youth and their files, as JSON API and Dutch HTML pages.
 *
 *   GET /api/v1/jeugdigen                 list (zoek, gemeente, aanbieder,
 *                                          status, sorteer, pagina, per_pagina)
 *   GET /api/v1/jeugdigen/{id}            the youth's whole file
 *   GET /api/v1/jeugdigen/{id}/trajecten  only the trajectories
 *   GET /jeugdigen                        search form, table, pages
 *   GET /jeugdigen/{id}                   the file as a page, with a timeline
 * All with EIS_PERSOONSGEGEVENS (regio, gemeente, lokaal_team, aanbieder);
 * docs/api/jeugd.md describes parameters, shapes and errors.
 *
 * Scope: lists only hold youth in the asker's scope (store/dossier.h);
 * a file out of scope answers 404 niet_gevonden exactly like a missing
 * one, and so does an id that is not a positive whole number. An
 * aanbieder sees only its own toewijzingen, trajecten, declaraties and the
 * verwijzingen behind them.
 *
 * Audit: every answer that shows personal data writes one audit record
 * (actie "lezen") in the same store transaction as its reads: a list
 * "jeugdigen: lijst (...)" without a pseudonym, a file "jeugdige/ID:
 * dossier" or "jeugdige/ID: trajecten" with the youth's pseudonym.
 *
 * Its routes are listed in jeugd_routes (server.c serves them with the
 * eis of each entry checked by toegang.h first). Handlers own nothing
 * beyond the request; everything they allocate is freed before they
 * return.
 */
#ifndef JR_WEB_JEUGD_WEB_H
#define JR_WEB_JEUGD_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route jeugd_routes[];
extern const size_t jeugd_routes_n;

#endif
