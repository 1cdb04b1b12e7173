/* csv: see csv.h. */
#include "lib/csv.h"

#include <stdbool.h>

void csv_init(struct csv *c, const char *text, size_t len, char sep)
{
	c->p = text;
	c->end = text + len;
	c->sep = sep;
	c->regel = 0;
	/* A UTF-8 byte order mark (Excel writes one) is not data. */
	if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
	    (unsigned char)text[2] == 0xBF)
		c->p += 3;
}

int csv_next(struct csv *c, char *buf, size_t buflen, char **fields, int max)
{
	for (;;) {
		if (c->p >= c->end)
			return 0;
		c->regel++;
		size_t o = 0;
		int n = 0;
		bool quoted = false, fresh = true;
		if (max < 1 || buflen == 0)
			return -1;
		fields[n++] = buf;
		while (c->p < c->end) {
			char ch = *c->p++;
			if (quoted) {
				if (ch == '"') {
					if (c->p < c->end && *c->p == '"') {
						c->p++;
					} else {
						quoted = false;
						continue;
					}
				} else if (ch == '\n') {
					c->regel++;
				}
			} else if (ch == '"' && fresh) {
				quoted = true;
				fresh = false;
				continue;
			} else if (ch == c->sep) {
				if (o + 1 > buflen || n >= max)
					return -1;
				buf[o++] = '\0';
				fields[n++] = buf + o;
				fresh = true;
				continue;
			} else if (ch == '\n') {
				break;
			} else if (ch == '\r' && (c->p >= c->end || *c->p == '\n')) {
				continue;
			}
			fresh = false;
			if (o + 1 >= buflen)
				return -1;
			buf[o++] = ch;
		}
		if (quoted)
			return -1;
		buf[o] = '\0';
		if (n == 1 && o == 0)
			continue; /* blank line */
		return n;
	}
}
