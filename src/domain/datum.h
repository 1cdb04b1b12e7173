/* datum: calendar dates as day numbers, and the Dutch working-day calendar.
 *
 * A date is a dag_t: the number of days since 1970-01-01 (proleptic
 * Gregorian, no time zone: iJw dates are xs:date without zone and the
 * region lives in Europe/Amsterdam, so a calendar date is all we need).
 * DAG_GEEN marks an absent date (an open end, a start not yet known).
 * Pure functions, no I/O, no allocation.
 */
#ifndef JR_DOMAIN_DATUM_H
#define JR_DOMAIN_DATUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t dag_t;

#define DAG_GEEN INT32_MIN

/* Day number of year-month-day; month 1..12, day 1..31. No validation:
 * use datum_geldig() first for input from outside. */
dag_t datum_van(int jaar, int maand, int dag);

/* True when y-m-d is a real calendar date between 1900 and 2199. */
bool datum_geldig(int jaar, int maand, int dag);

/* Split a day number into its parts (any out-parameter may be NULL). */
void datum_delen(dag_t d, int *jaar, int *maand, int *dag);

/* Parse exactly "YYYY-MM-DD" (ten characters, a real date).
 * Returns 0 and sets *out, or -1 when the text is not such a date. */
int datum_parse(const char *s, dag_t *out);

/* Write "YYYY-MM-DD" into buf (at least 11 bytes); DAG_GEEN writes "".
 * Returns buf. */
char *datum_fmt(dag_t d, char buf[static 11]);

/* 0 = Monday .. 6 = Sunday (ISO weekday minus one). */
int datum_weekdag(dag_t d);

/* Days from a to b (b - a); negative when b lies before a. */
static inline int32_t datum_dagen(dag_t a, dag_t b) { return b - a; }

/* Whole weeks from a to b, rounded down. */
int32_t datum_weken(dag_t a, dag_t b);

/* Add whole months, clamping the day to the end of the target month
 * (31 January + 1 month = 28/29 February). */
dag_t datum_plus_maanden(dag_t d, int maanden);

/* Age in whole years on day d of someone born on geboren
 * (a 29 February birthday counts on 1 March in other years). */
int datum_leeftijd(dag_t geboren, dag_t d);

/* Day on which someone born on geboren turns jaren years old. */
dag_t datum_verjaardag(dag_t geboren, int jaren);

/* First and last day of a calendar month / year. */
dag_t datum_maand_begin(dag_t d);
dag_t datum_maand_eind(dag_t d);

/* Easter Sunday of a year (anonymous Gregorian algorithm). */
dag_t datum_pasen(int jaar);

/* True when d is a Dutch public holiday as employers and the iJw
 * deadlines (werkdagen) count them: Nieuwjaarsdag, Goede Vrijdag,
 * Eerste en Tweede Paasdag, Koningsdag (27 April, 26 April when the 27th
 * is a Sunday; Koninginnedag 30 April before 2014), Bevrijdingsdag (5 May,
 * in lustrum years only: 2020, 2025, ...), Hemelvaartsdag, Eerste en Tweede
 * Pinksterdag, Eerste en Tweede Kerstdag. */
bool datum_feestdag(dag_t d);

/* True when d is a working day: Monday-Friday and not a public holiday. */
bool datum_werkdag(dag_t d);

/* The day n working days after d (n >= 0); d itself does not count. */
dag_t datum_plus_werkdagen(dag_t d, int n);

/* Working days in (a, b]: after a, up to and including b; 0 when b <= a. */
int32_t datum_werkdagen_tussen(dag_t a, dag_t b);

#endif
