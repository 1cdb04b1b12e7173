/* xlsx: a minimal spreadsheet writer (Office Open XML, .xlsx) for the
 * exports that policy staff open in Excel: one worksheet of rows with
 * text, whole numbers and dates, a bold header row, the header frozen.
 *
 * The file is a ZIP archive with stored (uncompressed) entries, each with
 * its CRC-32, written here without a library: [Content_Types].xml,
 * _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/styles.xml
 * and xl/worksheets/sheet1.xml. Text goes in as inline strings (no shared
 * string table), XML-escaped; control characters that XML 1.0 forbids are
 * dropped. Dates are Excel serial numbers with the built-in date format
 * 14 (shown in the reader's locale).
 *
 * Memory: a struct xlsx owns its buffers; xlsx_klaar hands the finished
 * file to the caller (free()) and frees the writer; xlsx_vrij frees an
 * unfinished one. After an allocation failure every call returns -1 and
 * xlsx_klaar fails. Not thread-safe per object.
 */
#ifndef JR_LIB_XLSX_H
#define JR_LIB_XLSX_H

#include <stddef.h>
#include <stdint.h>

struct xlsx;

/* A new workbook with one sheet named blad (at most 31 characters, none
 * of []:*?/\ ; the caller's literal). NULL when out of memory. */
struct xlsx *xlsx_nieuw(const char *blad);

/* Start the next row (the first call starts row 1). 0 or -1. */
int xlsx_rij(struct xlsx *x);

/* Cells, left to right in the current row. 0 or -1. */
int xlsx_kop(struct xlsx *x, const char *tekst);     /* bold text */
int xlsx_tekst(struct xlsx *x, const char *tekst);   /* NULL or "": empty cell */
int xlsx_getal(struct xlsx *x, int64_t v);
int xlsx_decimaal(struct xlsx *x, double v);
/* A date given as days since 1970-01-01 (domain/datum.h's dag_t). */
int xlsx_datum(struct xlsx *x, int64_t dagen_sinds_1970);
int xlsx_leeg(struct xlsx *x);

/* Finish: *data (malloc'd, the caller frees) and *len hold the .xlsx
 * file. x is freed in every case. 0 or -1. */
int xlsx_klaar(struct xlsx *x, unsigned char **data, size_t *len);

void xlsx_vrij(struct xlsx *x);

/* CRC-32 (ISO 3309, as ZIP uses it) of p[0..n), continuing from crc (0 to
 * start). */
uint32_t xlsx_crc32(uint32_t crc, const void *p, size_t n);

#endif
