/* cijfers_export: the downloads of the indicator pages, one table at a
 * time, as XLSX (lib/xlsx on libxlsxwriter) or CSV, and the "Download:
 * Excel · CSV" links beside each table and chart.
 *
 * The page handler decides what a cell shows (cijfers_web.c's
 * suppression for the asker) and hands each cell here already as
 * published: a visible figure with its number, or a hidden one with its
 * text ("<10", "x", "–"), which goes into both formats as that text and
 * never as a number. So a download holds exactly the page's cells.
 *
 * Formats (docs/api/indicatoren.md):
 *  - XLSX: one sheet, a bold frozen header row, counts as whole numbers,
 *    shares and days as numbers with the page's decimals, money in euros
 *    with a euro number format, dates as real dates.
 *  - CSV: UTF-8 with a byte order mark, ';' between fields, CRLF line
 *    ends, decimal comma ("1234,56"), dates JJJJ-MM-DD, texts quoted when
 *    needed and a leading = + - @ neutralised with "'" (so Excel does not
 *    take it for a formula), as /betalingen does.
 *
 * Memory: a struct export owns its buffers; export_zend queues the file
 * and frees it, export_vrij frees an unsent one. After a failure every
 * call returns -1 and export_zend answers 500.
 */
#ifndef JR_WEB_CIJFERS_EXPORT_H
#define JR_WEB_CIJFERS_EXPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "domain/datum.h"
#include "web/route.h"

enum export_formaat {
	EXPORT_GEEN,   /* the HTML page */
	EXPORT_XLSX,
	EXPORT_CSV,
};

/* The query parameter formaat ("" none, "xlsx", "csv"). 0, or -1 with a
 * 400 queued (*u). */
int export_formaat_lees(struct web_verzoek *v, const char *tekst, enum export_formaat *uit,
			enum web_uitslag *u);

struct export;

/* A new download in formaat (not EXPORT_GEEN); blad names the XLSX sheet
 * (a literal of at most 31 characters). NULL when out of memory. */
struct export *export_nieuw(enum export_formaat formaat, const char *blad);

/* Cells of the header row (before the first export_rij). */
int export_kop(struct export *e, const char *tekst);
/* Start the next data row. */
int export_rij(struct export *e);

/* Cells left to right. 0 or -1. A hidden figure (zichtbaar false) is
 * written as its text weergave. */
int export_tekst(struct export *e, const char *tekst);
int export_aantal(struct export *e, bool zichtbaar, int64_t waarde, const char *weergave);
/* A number shown with decimalen (0..4) decimals, rounded to them. */
int export_getal(struct export *e, bool zichtbaar, double waarde, int decimalen,
		 const char *weergave);
int export_euro(struct export *e, bool zichtbaar, int64_t cent, const char *weergave);
int export_datum(struct export *e, dag_t d);
int export_leeg(struct export *e);

/* Queue the file as naam.xlsx or naam.csv (naam: letters, digits, '-'
 * only; the caller builds it) with its Content-Type and an attachment
 * Content-Disposition; e is freed. */
enum web_uitslag export_zend(struct web_verzoek *v, struct export *e, const char *naam);

void export_vrij(struct export *e);

/* The paragraph "Download: Excel · CSV" for table tabel of the page at
 * pad (a path, escaped here), with the page's peildatum. */
void export_links(FILE *f, const char *pad, const char *tabel, dag_t peildatum);

#endif
