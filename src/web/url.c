/* url: see url.h. */
#include "web/url.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

void url_param(char *buf, size_t n, const char *key, const char *waarde)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t k = strlen(buf);

	if (!waarde || !*waarde || k + 1 >= n)
		return;
	k += (size_t)snprintf(buf + k, n - k, "%s%s=", strchr(buf, '?') ? "&" : "?", key);
	for (const unsigned char *p = (const unsigned char *)waarde; *p && k + 4 < n; p++) {
		if (isalnum(*p) || strchr("-._~", *p)) {
			buf[k++] = (char)*p;
		} else {
			buf[k++] = '%';
			buf[k++] = hex[*p >> 4];
			buf[k++] = hex[*p & 15];
		}
	}
	buf[k < n ? k : n - 1] = '\0';
}
