/* veld: one field of a JSON answer or an HTML page, written the same way
 * on every page: an absent date or text ("", DAG_GEEN) is null in JSON and
 * a dash on a page; a date is JJJJ-MM-DD, on a page inside <time>. Text
 * on a page is escaped (html.h); a choice of a <select> is an <option>.
 * Pure: writes to what it is given.
 */
#ifndef JR_WEB_VELD_H
#define JR_WEB_VELD_H

#include <stdio.h>

#include "domain/datum.h"

struct json;

void veld_json_tekst(struct json *j, const char *key, const char *s);
void veld_json_datum(struct json *j, const char *key, dag_t d);
void veld_html_tekst(FILE *f, const char *s);
void veld_html_datum(FILE *f, dag_t d);

/* One <option> of a <select>: value waarde, text tekst (both escaped),
 * selected when waarde is gekozen. */
void veld_html_optie(FILE *f, const char *waarde, const char *tekst, const char *gekozen);

#endif
