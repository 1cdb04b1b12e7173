/* ligging: municipality centres and distances (see ligging.h). */
#include "match/ligging.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/csv.h"
#include "lib/embedded.h"

static int getal(const char *s, double *out)
{
	char *end;
	*out = strtod(s, &end);
	return end != s && *end == '\0' ? 0 : -1;
}

int ligging_laad(struct ligging *l)
{
	struct csv c;
	char buf[512];
	char *f[6];
	memset(l, 0, sizeof *l);
	csv_init(&c, (const char *)data_ligging, data_ligging_len, ',');
	/* gemeente,cbs_code,hoofdkern,lat,lon */
	if (csv_next(&c, buf, sizeof buf, f, 6) != 5 || strcmp(f[1], "cbs_code") != 0)
		return -1;
	int k;
	while ((k = csv_next(&c, buf, sizeof buf, f, 6)) > 0) {
		if (k != 5 || l->n >= LIGGING_MAX || strncmp(f[1], "GM", 2) != 0 ||
		    strlen(f[1] + 2) != GEMEENTE_CODE_LEN - 1 || strlen(f[0]) >= NAAM_LEN)
			return -1;
		struct ligging_gemeente *g = &l->g[l->n];
		memcpy(g->code, f[1] + 2, GEMEENTE_CODE_LEN);
		memcpy(g->naam, f[0], strlen(f[0]) + 1);
		if (getal(f[3], &g->lat) || getal(f[4], &g->lon))
			return -1;
		l->n++;
	}
	return k == 0 && l->n > 0 ? 0 : -1;
}

int ligging_zoek(const struct ligging *l, const char *code)
{
	if (strncmp(code, "GM", 2) == 0)
		code += 2;
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->g[i].code, code) == 0)
			return i;
	return -1;
}

double ligging_afstand_m(double lat1, double lon1, double lat2, double lon2)
{
	const double r = 6371008.8, rad = M_PI / 180.0;
	double dphi = (lat2 - lat1) * rad, dl = (lon2 - lon1) * rad;
	double a = sin(dphi / 2) * sin(dphi / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dl / 2) * sin(dl / 2);
	return 2 * r * asin(sqrt(a));
}
