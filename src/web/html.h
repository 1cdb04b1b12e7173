/* html: escaping helpers for server-rendered pages, after cgit's
 * html_txt / html_attr. Every piece of text that did not come from a
 * string literal in our own source goes through one of these.
 *
 * Both write to a FILE* they borrow; they return 0, or -1 on a write
 * error (the FILE's error flag is then set as well). s NULL writes
 * nothing. Invalid UTF-8 is passed through byte for byte: the characters
 * that matter to HTML are all ASCII.
 */
#ifndef JR_WEB_HTML_H
#define JR_WEB_HTML_H

#include <stdio.h>

/* Text content of an element: & < > escaped (and " ' too, so the same
 * output is also safe inside a quoted attribute). */
int html_txt(FILE *out, const char *s);

/* The value of a double-quoted attribute: & < > " ' escaped, and control
 * characters (newline, tab, ...) written as numeric references. */
int html_attr(FILE *out, const char *s);

#endif
