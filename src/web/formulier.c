/* formulier: see formulier.h. */
#include "web/formulier.h"

#include <string.h>

#include "lib/hash.h"

/* Decode s[0..len) into out[size]; -1 when it does not fit or is bad. */
static int decodeer(const char *s, size_t len, char *out, size_t size)
{
	size_t k = 0;

	if (size == 0)
		return -1;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			int h, l;

			if (i + 2 >= len)
				return -1;
			h = hex_cijfer(s[i + 1]);
			l = hex_cijfer(s[i + 2]);
			if (h < 0 || l < 0)
				return -1;
			c = (unsigned char)(h * 16 + l);
			i += 2;
		}
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
			return -1;
		if (k + 1 >= size)
			return -1;
		out[k++] = (char)c;
	}
	out[k] = '\0';
	return 0;
}

static int lees(const char *body, size_t len, struct formulier_veld *velden, size_t n,
		const char **fout_veld, char *onbekend)
{
	size_t aantal = 0;

	*fout_veld = NULL;
	for (size_t i = 0; i < n; i++) {
		velden[i].gezien = false;
		if (velden[i].grootte)
			velden[i].waarde[0] = '\0';
	}
	for (size_t p = 0; p < len;) {
		const char *paar = body + p;
		const char *amp = memchr(paar, '&', len - p);
		size_t plen = amp ? (size_t)(amp - paar) : len - p;
		const char *is = memchr(paar, '=', plen);
		size_t nlen = is ? (size_t)(is - paar) : plen;
		bool bekend = false;

		p += plen + (amp ? 1 : 0);
		if (plen == 0)
			continue;
		if (++aantal > FORMULIER_VELDEN_MAX)
			return -1;
		for (size_t i = 0; i < n; i++) {
			struct formulier_veld *v = &velden[i];

			if (strlen(v->naam) != nlen || memcmp(v->naam, paar, nlen) != 0)
				continue;
			if (v->gezien) {
				*fout_veld = v->naam;
				return -1;
			}
			v->gezien = true;
			bekend = true;
			if (decodeer(is ? is + 1 : paar + plen, is ? plen - nlen - 1 : 0, v->waarde,
				     v->grootte) < 0) {
				if (v->grootte)
					v->waarde[0] = '\0';
				*fout_veld = v->naam;
				return -1;
			}
			break;
		}
		if (!bekend && onbekend) {
			size_t k = nlen < FORMULIER_NAAM_MAX - 1 ? nlen : FORMULIER_NAAM_MAX - 1;

			memcpy(onbekend, paar, k);
			onbekend[k] = '\0';
			*fout_veld = onbekend;
			return -1;
		}
	}
	return 0;
}

int formulier_lees(const char *body, size_t len, struct formulier_veld *velden, size_t n,
		   const char **fout_veld)
{
	return lees(body, len, velden, n, fout_veld, NULL);
}

int formulier_lees_strikt(const char *body, size_t len, struct formulier_veld *velden,
			  size_t n, const char **fout_veld, char onbekend[FORMULIER_NAAM_MAX])
{
	return lees(body, len, velden, n, fout_veld, onbekend);
}
