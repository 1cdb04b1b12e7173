/* csv: read delimited text (CSV with RFC 4180 quoting, or TSV) from
 * memory, one record at a time, into a caller-owned buffer.
 *
 * The reader borrows the text; it does not allocate. A record is split
 * into at most `max` fields that point into the caller's buffer.
 */
#ifndef JR_LIB_CSV_H
#define JR_LIB_CSV_H

#include <stddef.h>

struct csv {
	const char *p;
	const char *end;
	char sep;
	size_t regel;   /* line number of the record last read, from 1 */
};

void csv_init(struct csv *c, const char *text, size_t len, char sep);

/* Read the next record. Returns the number of fields (>= 1), 0 at the end
 * of the text, or -1 when the record does not fit in buf or has more than
 * max fields, or a quote is not closed (the reader then stops). Blank
 * lines are skipped; a trailing "\r" is dropped. */
int csv_next(struct csv *c, char *buf, size_t buflen, char **fields, int max);

#endif
