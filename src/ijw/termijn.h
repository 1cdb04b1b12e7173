/* termijn: the deadlines of the iJw 3.2 message traffic, as the rules
 * state them, and whether one has passed. Pure: the caller gives the
 * dates; the inbox and the work lists decide whom to show them to.
 *
 *   OP090     every received heenbericht: a retourbericht within
 *             3 werkdagen after receipt (municipality)
 *   OP090x4   a received JW323: the JW325 within 10 werkdagen (municipality)
 *   OP274     a JW315: per requested product a JW301 or JW319 within
 *             5 werkdagen (municipality); after a JW319 "in onderzoek"
 *             (VerzoekAntwoord 2) the final 301 or 319 within 8 weeks of the
 *             JW315's Dagtekening
 *   OP346     a JW317: a JW301 or JW319 within 5 werkdagen (municipality)
 *   OP359     a rejection on the woonplaatsbeginsel: within 2 weeks of the
 *             request (the Jeugdwet's term; municipality)
 *   OP271     a JW305 within 5 werkdagen after the actual start (provider;
 *             with a toewijzing given retroactively: after its receipt)
 *   OP272     a JW307 within 5 werkdagen after the actual end (provider)
 *
 * "Within N werkdagen after X": the deadline is the N-th working day
 * after X (datum_plus_werkdagen; X itself does not count, Dutch public
 * holidays do not count, datum.h). "Within 8 weeks / 2 weeks": 56 / 14
 * calendar days after the date. The deadline day itself is still in
 * time.
 */
#ifndef JR_IJW_TERMIJN_H
#define JR_IJW_TERMIJN_H

#include <stdbool.h>

#include "domain/datum.h"

enum ijw_termijn {
	IJW_TERMIJN_RETOUR,            /* OP090 */
	IJW_TERMIJN_DECLARATIEANTWOORD,/* OP090x4 */
	IJW_TERMIJN_VOT_ANTWOORD,      /* OP274, first answer */
	IJW_TERMIJN_VOT_ONDERZOEK,     /* OP274, after "in onderzoek" */
	IJW_TERMIJN_VOW_ANTWOORD,      /* OP346 */
	IJW_TERMIJN_WOONPLAATS,        /* OP359 */
	IJW_TERMIJN_START,             /* OP271 */
	IJW_TERMIJN_STOP,              /* OP272 */
};
#define IJW_TERMIJN_AANTAL 8

/* Who must act: the municipality (gemeente) or the provider. */
enum ijw_termijn_partij {
	IJW_PARTIJ_GEMEENTE,
	IJW_PARTIJ_AANBIEDER,
};

struct ijw_termijn_info {
	const char *regel;             /* "OP090" */
	const char *omschrijving;      /* Dutch, for work lists */
	enum ijw_termijn_partij partij;
	int werkdagen;                 /* > 0: working days */
	int kalenderdagen;             /* > 0: calendar days (when werkdagen is 0) */
};

/* The facts of a deadline (static storage). */
const struct ijw_termijn_info *ijw_termijn_info(enum ijw_termijn t);

/* The last day on which the act is in time, counted from vanaf (the
 * receipt, the Dagtekening of the request, the actual start or end).
 * DAG_GEEN when vanaf is DAG_GEEN. */
dag_t ijw_termijn_uiterlijk(enum ijw_termijn t, dag_t vanaf);

/* Has the deadline passed on day nu without the act (gedaan DAG_GEEN),
 * or was the act done late (gedaan after the deadline)? */
bool ijw_termijn_verlopen(enum ijw_termijn t, dag_t vanaf, dag_t gedaan, dag_t nu);

#endif
