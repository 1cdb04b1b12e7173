/* veld: see veld.h. */
#include "web/veld.h"

#include <string.h>

#include "lib/json.h"
#include "web/html.h"

void veld_json_tekst(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	if (!s || !*s)
		json_null(j);
	else
		json_string(j, s);
}

void veld_json_datum(struct json *j, const char *key, dag_t d)
{
	char b[11];

	json_key(j, key);
	if (d == DAG_GEEN)
		json_null(j);
	else
		json_string(j, datum_fmt(d, b));
}

void veld_html_tekst(FILE *f, const char *s)
{
	if (!s || !*s)
		fputs("—", f);
	else
		html_txt(f, s);
}

void veld_html_datum(FILE *f, dag_t d)
{
	char b[11];

	if (d == DAG_GEEN) {
		fputs("—", f);
		return;
	}
	datum_fmt(d, b);
	fprintf(f, "<time datetime=\"%s\">%s</time>", b, b);
}

void veld_html_optie(FILE *f, const char *waarde, const char *tekst, const char *gekozen)
{
	fputs("<option value=\"", f);
	html_attr(f, waarde);
	fputs(strcmp(waarde, gekozen) == 0 ? "\" selected>" : "\">", f);
	html_txt(f, tekst);
	fputs("</option>\n", f);
}
