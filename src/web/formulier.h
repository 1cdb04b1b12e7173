/* formulier: parsing an application/x-www-form-urlencoded body with
 * bounds, for the HTML forms of the server.
 *
 * The caller names the fields it wants, each with a buffer and its size;
 * every other field is ignored, unread (but counted against
 * FORMULIER_VELDEN_MAX). In the wanted fields '+' is a space and %XX an
 * escaped byte; there a bad escape, a NUL or another control character
 * (other than tab, CR and LF), a value that does not fit its buffer and a
 * field given twice are refused; more than FORMULIER_VELDEN_MAX fields in
 * total are refused too. Pure, no I/O.
 */
#ifndef JR_WEB_FORMULIER_H
#define JR_WEB_FORMULIER_H

#include <stdbool.h>
#include <stddef.h>

#define FORMULIER_VELDEN_MAX 32

struct formulier_veld {
	const char *naam;   /* field name (literal) */
	char *waarde;       /* buffer; "" when the field is absent */
	size_t grootte;     /* size of waarde, NUL included */
	bool gezien;        /* set when the field was present */
};

/* Parse body[0..len) into velden[0..n). 0, or -1 with the name of the
 * offending field (or NULL) in *fout_veld. */
int formulier_lees(const char *body, size_t len, struct formulier_veld *velden, size_t n,
		   const char **fout_veld);

/* As formulier_lees, but a field that is not in velden is refused too:
 * -1 with *fout_veld pointing to onbekend, which holds its name (cut to
 * FORMULIER_NAAM_MAX - 1 bytes, undecoded). */
#define FORMULIER_NAAM_MAX 48
int formulier_lees_strikt(const char *body, size_t len, struct formulier_veld *velden,
			  size_t n, const char **fout_veld, char onbekend[FORMULIER_NAAM_MAX]);

#endif
