/* cijfers_export: see cijfers_export.h. */
#include "web/cijfers_export.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "lib/xlsx.h"
#include "web/antwoord.h"
#include "web/download.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"


struct export {
	enum export_formaat formaat;
	struct xlsx *x;          /* EXPORT_XLSX */
	struct web_buf b;        /* EXPORT_CSV */
	bool open;               /* b is open */
	size_t kolom;            /* CSV: cells in the current row */
	bool fout;
};

int export_formaat_lees(struct web_verzoek *v, const char *tekst, enum export_formaat *uit,
			enum web_uitslag *u)
{
	if (!*tekst)
		*uit = EXPORT_GEEN;
	else if (strcmp(tekst, "xlsx") == 0)
		*uit = EXPORT_XLSX;
	else if (strcmp(tekst, "csv") == 0)
		*uit = EXPORT_CSV;
	else
		return query_weiger(v, "formaat", "Het formaat is xlsx (Excel) of csv; laat het weg "
				    "voor de pagina zelf.", u);
	return 0;
}

void export_vrij(struct export *e)
{
	if (!e)
		return;
	xlsx_vrij(e->x);
	if (e->open) {
		fclose(e->b.f);
		free(e->b.data);
	}
	free(e);
}

struct export *export_nieuw(enum export_formaat formaat, const char *blad)
{
	struct export *e = calloc(1, sizeof *e);

	if (!e)
		return NULL;
	e->formaat = formaat;
	switch (formaat) {
	case EXPORT_XLSX:
		e->x = xlsx_nieuw(blad);
		if (e->x)
			return e;
		break;
	case EXPORT_CSV:
		if (web_buf_open(&e->b) == 0) {
			e->open = true;
			/* The byte order mark makes Excel read UTF-8. */
			fputs("\xEF\xBB\xBF", e->b.f);
			return e;
		}
		break;
	case EXPORT_GEEN:
		break;
	}
	free(e);
	return NULL;
}

static int klaar(struct export *e, int rc)
{
	if (rc < 0 || (e->open && ferror(e->b.f)))
		e->fout = true;
	return e->fout ? -1 : 0;
}

/* CSV: the separator before every cell but the row's first. */
static void csv_cel(struct export *e)
{
	if (e->kolom++)
		fputc(';', e->b.f);
}

int export_kop(struct export *e, const char *tekst)
{
	if (e->fout)
		return -1;
	if (e->formaat == EXPORT_XLSX)
		return klaar(e, xlsx_kop(e->x, tekst));
	csv_cel(e);
	download_csv_tekst(e->b.f, tekst);
	return klaar(e, 0);
}

int export_rij(struct export *e)
{
	if (e->fout)
		return -1;
	if (e->formaat == EXPORT_XLSX)
		return klaar(e, xlsx_rij(e->x));
	fputs("\r\n", e->b.f);
	e->kolom = 0;
	return klaar(e, 0);
}

int export_tekst(struct export *e, const char *tekst)
{
	if (e->fout)
		return -1;
	if (e->formaat == EXPORT_XLSX)
		return klaar(e, xlsx_tekst(e->x, tekst));
	csv_cel(e);
	if (tekst)
		download_csv_tekst(e->b.f, tekst);
	return klaar(e, 0);
}

int export_leeg(struct export *e)
{
	return export_tekst(e, NULL);
}

int export_aantal(struct export *e, bool zichtbaar, int64_t waarde, const char *weergave)
{
	if (!zichtbaar)
		return export_tekst(e, weergave);
	if (e->fout)
		return -1;
	if (e->formaat == EXPORT_XLSX)
		return klaar(e, xlsx_getal(e->x, waarde));
	csv_cel(e);
	fprintf(e->b.f, "%" PRId64, waarde);
	return klaar(e, 0);
}

int export_getal(struct export *e, bool zichtbaar, double waarde, int decimalen,
		 const char *weergave)
{
	char buf[64], *komma;
	double schaal;

	if (!zichtbaar || !isfinite(waarde))
		return export_tekst(e, zichtbaar ? "–" : weergave);
	if (e->fout || decimalen < 0 || decimalen > 4) {
		e->fout = true;
		return -1;
	}
	/* Rounded to the shown decimals, so that the file and the page agree
	 * to the last digit. */
	schaal = pow(10.0, decimalen);
	waarde = round(waarde * schaal) / schaal;
	if (e->formaat == EXPORT_XLSX)
		return klaar(e, xlsx_vast(e->x, waarde, decimalen));
	csv_cel(e);
	snprintf(buf, sizeof buf, "%.*f", decimalen, waarde);
	komma = strchr(buf, '.');
	if (komma)
		*komma = ',';
	fputs(strcmp(buf, "-0") == 0 ? "0" : buf, e->b.f);
	return klaar(e, 0);
}

int export_euro(struct export *e, bool zichtbaar, int64_t cent, const char *weergave)
{
	int64_t a;

	if (!zichtbaar)
		return export_tekst(e, weergave);
	if (e->fout)
		return -1;
	if (e->formaat == EXPORT_XLSX)
		return klaar(e, xlsx_euro(e->x, cent));
	csv_cel(e);
	a = cent < 0 ? -cent : cent;
	fprintf(e->b.f, "%s%" PRId64 ",%02" PRId64, cent < 0 ? "-" : "", a / 100, a % 100);
	return klaar(e, 0);
}

int export_datum(struct export *e, dag_t d)
{
	char buf[11];

	if (d == DAG_GEEN)
		return export_leeg(e);
	if (e->fout)
		return -1;
	if (e->formaat == EXPORT_XLSX)
		return klaar(e, xlsx_datum(e->x, d));
	csv_cel(e);
	fputs(datum_fmt(d, buf), e->b.f);
	return klaar(e, 0);
}

enum web_uitslag export_zend(struct web_verzoek *v, struct export *e, const char *naam)
{
	const char *type = e->formaat == EXPORT_XLSX ? DOWNLOAD_XLSX_TYPE : DOWNLOAD_CSV_TYPE;
	char bestand[128];
	unsigned char *data = NULL;
	size_t len = 0;
	int rc = e->fout ? -1 : 0;

	snprintf(bestand, sizeof bestand, "%s.%s", naam,
		 e->formaat == EXPORT_XLSX ? "xlsx" : "csv");
	if (rc == 0 && e->formaat == EXPORT_XLSX) {
		rc = xlsx_klaar(e->x, &data, &len);
		e->x = NULL;
	} else if (rc == 0) {
		fputs("\r\n", e->b.f);
		e->open = false;
		rc = web_buf_sluit(&e->b);
		data = (unsigned char *)e->b.data;
		len = e->b.len;
	}
	export_vrij(e);
	if (rc < 0)
		return pagina_fout(v, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
				   "Het bestand kon niet worden gemaakt; probeer het opnieuw.");
	return download_zend(v, data, len, type, bestand);
}

static void download_link(FILE *f, const char *pad, const char *tabel, const char *peil,
		 const char *formaat)
{
	fputs("<a href=\"", f);
	html_attr(f, pad);
	fprintf(f, "?peildatum=%s&amp;formaat=%s&amp;tabel=", peil, formaat);
	html_attr(f, tabel);
	fputs("\" download>", f);
}

void export_links(FILE *f, const char *pad, const char *tabel, dag_t peildatum)
{
	char peil[11];

	datum_fmt(peildatum, peil);
	fputs("<p class=\"download\">Download: ", f);
	download_link(f, pad, tabel, peil, "xlsx");
	fputs("Excel</a> · ", f);
	download_link(f, pad, tabel, peil, "csv");
	fputs("CSV</a></p>\n", f);
}
