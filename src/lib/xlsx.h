/* xlsx: a small spreadsheet writer (Office Open XML, .xlsx) for the
 * exports that policy staff open in Excel, on libxlsxwriter: one
 * worksheet of rows with text, whole and decimal numbers, euro amounts
 * and dates, a bold header row, the header frozen, columns as wide as
 * their widest text (within limits).
 *
 * libxlsxwriter (1.1.4) writes to a file only: the workbook lives in a
 * private temporary file made with mkstemp in $TMPDIR (else /tmp), which
 * xlsx_klaar reads back and removes, and xlsx_vrij removes. Text is
 * stored in the shared string table; control characters that XML 1.0
 * forbids are dropped (libxlsxwriter would write them as _xHHHH_
 * escapes, which Excel shows literally). Dates are Excel serial numbers
 * with the built-in date format 14 (shown in the reader's locale).
 *
 * Memory: a struct xlsx owns its workbook and temporary file; xlsx_klaar
 * hands the finished file to the caller (free()) and frees the writer;
 * xlsx_vrij frees an unfinished one. After a failure every call returns
 * -1 and xlsx_klaar fails. Not thread-safe per object.
 */
#ifndef JR_LIB_XLSX_H
#define JR_LIB_XLSX_H

#include <stddef.h>
#include <stdint.h>

struct xlsx;

/* A new workbook with one sheet named blad (at most 31 characters, none
 * of []:*?/\ ; the caller's literal). NULL when out of memory or when no
 * temporary file can be made. */
struct xlsx *xlsx_nieuw(const char *blad);

/* Start the next row (the first call starts row 1; cells written before
 * any call go into row 1 as well). 0 or -1. */
int xlsx_rij(struct xlsx *x);

/* Cells, left to right in the current row. 0 or -1. */
int xlsx_kop(struct xlsx *x, const char *tekst);     /* bold text */
int xlsx_tekst(struct xlsx *x, const char *tekst);   /* NULL or "": empty cell */
int xlsx_getal(struct xlsx *x, int64_t v);
int xlsx_decimaal(struct xlsx *x, double v);
/* v shown with exactly decimalen (0..4) decimals; the cell holds v. */
int xlsx_vast(struct xlsx *x, double v, int decimalen);
/* An amount in eurocents, stored as euros with the format € #.##0,00. */
int xlsx_euro(struct xlsx *x, int64_t cent);
/* A date given as days since 1970-01-01 (domain/datum.h's dag_t). */
int xlsx_datum(struct xlsx *x, int64_t dagen_sinds_1970);
int xlsx_leeg(struct xlsx *x);

/* Finish: *data (malloc'd, the caller frees) and *len hold the .xlsx
 * file. x is freed in every case. 0 or -1. */
int xlsx_klaar(struct xlsx *x, unsigned char **data, size_t *len);

void xlsx_vrij(struct xlsx *x);

#endif
