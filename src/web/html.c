/* html: see html.h. */
#include "web/html.h"

static int schrijf(FILE *out, const char *s, int attr)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int rc;

		switch (*p) {
		case '&':
			rc = fputs("&amp;", out);
			break;
		case '<':
			rc = fputs("&lt;", out);
			break;
		case '>':
			rc = fputs("&gt;", out);
			break;
		case '"':
			rc = fputs("&quot;", out);
			break;
		case '\'':
			rc = fputs("&#39;", out);
			break;
		default:
			if (attr && *p < 0x20)
				rc = fprintf(out, "&#%u;", (unsigned)*p);
			else
				rc = fputc(*p, out);
			break;
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

int html_txt(FILE *out, const char *s)
{
	return s ? schrijf(out, s, 0) : 0;
}

int html_attr(FILE *out, const char *s)
{
	return s ? schrijf(out, s, 1) : 0;
}
