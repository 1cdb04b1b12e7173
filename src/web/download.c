/* download: see download.h. */
#include "web/download.h"

#include <string.h>

#include <microhttpd.h>

void download_csv_tekst(FILE *f, const char *s)
{
	bool quote = strpbrk(s, ";\"\r\n") != NULL;

	if (quote)
		fputc('"', f);
	if (s[0] && strchr("=+-@", s[0]))
		fputc('\'', f);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	if (quote)
		fputc('"', f);
}

void download_csv_veld(FILE *f, const char *s, bool eerste)
{
	if (!eerste)
		fputc(';', f);
	download_csv_tekst(f, s);
}

void download_csv_kop(FILE *f, const char *const *kop, size_t n)
{
	fputs("\xEF\xBB\xBF", f);
	for (size_t k = 0; k < n; k++)
		download_csv_veld(f, kop[k], k == 0);
	fputs("\r\n", f);
}

enum web_uitslag download_zend(struct web_verzoek *v, void *data, size_t len, const char *type,
			       const char *naam)
{
	struct MHD_Response *r = antwoord_maak(data, len, true, type, ANTWOORD_DYNAMISCH);
	char schijf[160];

	snprintf(schijf, sizeof schijf, "attachment; filename=\"%s\"", naam);
	if (r && !antwoord_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION, schijf)) {
		MHD_destroy_response(r);
		r = NULL;
	}
	/* WEB_FATAAL when r is NULL */
	return antwoord_zend(v->conn, MHD_HTTP_OK, r);
}

enum web_uitslag download_csv(struct web_verzoek *v, struct web_buf *b, const char *naam)
{
	if (web_buf_sluit(b) < 0)
		return WEB_FATAAL;
	return download_zend(v, b->data, b->len, DOWNLOAD_CSV_TYPE, naam);
}
