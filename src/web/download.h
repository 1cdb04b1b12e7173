/* download: what the web modules' file downloads share: a CSV text field
 * the way Dutch spreadsheets read it, and the answer that offers a body
 * as a file to save.
 *
 * CSV (RFC 4180 with ';' as the separator, as Excel in a Dutch locale
 * expects): a field is quoted when it holds ';', '"' or a line end (a
 * quote doubled inside); a field that starts with '=', '+', '-' or '@'
 * gets a leading "'" so that a spreadsheet does not run it as a formula.
 *
 * No state, nothing allocated here; download_zend and download_csv take
 * the body over (see there).
 */
#ifndef JR_WEB_DOWNLOAD_H
#define JR_WEB_DOWNLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "web/antwoord.h"
#include "web/route.h"

#define DOWNLOAD_CSV_TYPE "text/csv; charset=utf-8"
#define DOWNLOAD_XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* Write s as one CSV text field. */
void download_csv_tekst(FILE *f, const char *s);

/* The same, after the separator unless eerste (the first of a line). */
void download_csv_veld(FILE *f, const char *s, bool eerste);

/* The start of a CSV file: a UTF-8 byte order mark (so that Excel reads
 * UTF-8) and the header line of the n column names kop. */
void download_csv_kop(FILE *f, const char *const *kop, size_t n);

/* Queue data (len bytes from malloc: taken over, freed on every path) as
 * a 200 answer of type, offered as the file naam (Content-Disposition:
 * attachment). WEB_FATAAL when out of memory. */
enum web_uitslag download_zend(struct web_verzoek *v, void *data, size_t len, const char *type,
			       const char *naam);

/* Close the open buffer b (web_buf_sluit) and queue it as the CSV file
 * naam, as download_zend. */
enum web_uitslag download_csv(struct web_verzoek *v, struct web_buf *b, const char *naam);

#endif
