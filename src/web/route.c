/* route: see route.h. */
#include "web/route.h"

#include <string.h>

#include "lib/hash.h"

/* The segment that ends at uit[eind) and starts after the '/' at
 * uit[begin - 1]: "." and ".." are refused. */
static bool punt_deel(const char *uit, size_t begin, size_t eind)
{
	size_t len = eind - begin;

	return (len == 1 && uit[begin] == '.') ||
	       (len == 2 && uit[begin] == '.' && uit[begin + 1] == '.');
}

enum route_pad_fout route_pad(const char *ruw, char uit[ROUTE_PAD_MAX + 1])
{
	size_t n = 0, deel = 1;

	uit[0] = '\0';
	if (ruw[0] != '/')
		return ROUTE_PAD_GEEN_SLASH;
	for (const char *p = ruw; *p && *p != '?' && *p != '#'; p++) {
		unsigned char c = (unsigned char)*p;

		if (n >= ROUTE_PAD_MAX)
			return ROUTE_PAD_TE_LANG;
		if (c == '%') {
			int h = hex_cijfer(p[1]), l = h < 0 ? -1 : hex_cijfer(p[2]);

			if (h < 0 || l < 0)
				return ROUTE_PAD_ESCAPE;
			c = (unsigned char)(h * 16 + l);
			p += 2;
			if (c == '/' || c == '\\')
				return ROUTE_PAD_ESCAPE;
		}
		if (c < 0x20 || c == 0x7f || c == '\\')
			return ROUTE_PAD_TEKEN;
		if (c == '/' && n > 0) {
			/* A segment ends here. */
			if (n == deel)
				return ROUTE_PAD_LEEG_DEEL;
			if (punt_deel(uit, deel, n))
				return ROUTE_PAD_PUNT_DEEL;
			deel = n + 1;
		}
		uit[n++] = (char)c;
	}
	uit[n] = '\0';
	if (n > deel && punt_deel(uit, deel, n))
		return ROUTE_PAD_PUNT_DEEL;
	return ROUTE_PAD_GOED;
}

const char *route_pad_melding(enum route_pad_fout f)
{
	switch (f) {
	case ROUTE_PAD_GOED:
		return "Het pad is in orde.";
	case ROUTE_PAD_TE_LANG:
		return "Het pad is te lang.";
	case ROUTE_PAD_GEEN_SLASH:
		return "Het pad moet met / beginnen.";
	case ROUTE_PAD_ESCAPE:
		return "Het pad bevat een ongeldige of niet toegestane %-codering.";
	case ROUTE_PAD_TEKEN:
		return "Het pad bevat een niet toegestaan teken.";
	case ROUTE_PAD_LEEG_DEEL:
		return "Het pad bevat een leeg deel (//).";
	case ROUTE_PAD_PUNT_DEEL:
		return "Het pad bevat een deel '.' of '..'.";
	}
	return "Het pad is ongeldig.";
}

/* Does pad match patroon? Fills v->param[] (values copied into
 * v->param_buf) when it does. */
static bool past(const char *patroon, const char *pad, struct web_verzoek *v)
{
	const char *p = patroon, *q = pad;
	size_t buf = 0;
	int k = 0;

	for (;;) {
		if (*p == '\0' || *q == '\0')
			return *p == '\0' && *q == '\0';
		if (*p != '/' || *q != '/')
			return false;
		p++;
		q++;
		if (*p == '{') {
			size_t len = strcspn(q, "/");
			const char *sluit = strchr(p, '}');

			if (!sluit || len == 0 || k >= ROUTE_PARAMS_MAX ||
			    buf + len + 1 > sizeof v->param_buf)
				return false;
			memcpy(v->param_buf + buf, q, len);
			v->param_buf[buf + len] = '\0';
			v->param[k++] = v->param_buf + buf;
			buf += len + 1;
			p = sluit + 1;
			q += len;
		} else {
			size_t lp = strcspn(p, "/"), lq = strcspn(q, "/");

			if (lp != lq || strncmp(p, q, lp) != 0)
				return false;
			p += lp;
			q += lq;
		}
	}
}

static void voeg_allow(char allow[ROUTE_ALLOW_MAX], const char *m)
{
	size_t n = strlen(allow);
	size_t lm = strlen(m);

	/* Once only. */
	for (const char *s = allow; (s = strstr(s, m)) != NULL; s += lm) {
		if ((s == allow || s[-1] == ' ') && (s[lm] == ',' || s[lm] == '\0'))
			return;
	}
	if (n + (n ? 2 : 0) + lm + 1 > ROUTE_ALLOW_MAX)
		return;
	if (n) {
		memcpy(allow + n, ", ", 2);
		n += 2;
	}
	memcpy(allow + n, m, lm + 1);
}

enum route_uitkomst route_zoek(const struct route *tabel, size_t n, struct web_verzoek *v,
			       const struct route **gevonden, char allow[ROUTE_ALLOW_MAX])
{
	bool bekend = false;
	bool head = strcmp(v->methode, "HEAD") == 0;

	allow[0] = '\0';
	*gevonden = NULL;
	for (size_t i = 0; i < n; i++) {
		bool get = strcmp(tabel[i].methode, "GET") == 0;

		if (!past(tabel[i].patroon, v->pad, v))
			continue;
		bekend = true;
		if (strcmp(tabel[i].methode, v->methode) == 0 || (head && get)) {
			*gevonden = &tabel[i];
			return ROUTE_GEVONDEN;
		}
		voeg_allow(allow, tabel[i].methode);
		if (get)
			voeg_allow(allow, "HEAD");
	}
	for (int k = 0; k < ROUTE_PARAMS_MAX; k++)
		v->param[k] = NULL;
	return bekend ? ROUTE_METHODE : ROUTE_ONBEKEND;
}
