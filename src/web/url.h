/* url: building the address of a link with query parameters, for the
 * HTML pages that link to themselves with their filters (jeugd_web.c,
 * wachtlijst_web.c). Pure: writes only into the caller's buffer, which
 * the caller owns; nothing is allocated.
 */
#ifndef JR_WEB_URL_H
#define JR_WEB_URL_H

#include <stddef.h>

/* Append key=waarde to the address in buf[n] ('?' before the first
 * parameter, '&' after), waarde percent-encoded but for the unreserved
 * characters of RFC 3986. An absent or empty waarde adds nothing; what
 * does not fit is cut, and buf stays a terminated string. */
void url_param(char *buf, size_t n, const char *key, const char *waarde);

#endif
