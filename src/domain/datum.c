/* datum: calendar arithmetic on day numbers (see datum.h). */
#include "domain/datum.h"

/* Floor division and modulo: day numbers before 1970 are negative. */
static int64_t div_floor(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t mod_floor(int64_t a, int64_t b)
{
	return a - div_floor(a, b) * b;
}

static bool schrikkeljaar(int jaar)
{
	return (jaar % 4 == 0 && jaar % 100 != 0) || jaar % 400 == 0;
}

static int dagen_in_maand(int jaar, int maand)
{
	static const int dagen[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return maand == 2 && schrikkeljaar(jaar) ? 29 : dagen[maand - 1];
}

/* Howard Hinnant's days_from_civil: eras of 400 years starting 1 March,
 * so the leap day is the last day of the computed year. */
dag_t datum_van(int jaar, int maand, int dag)
{
	int64_t y = (int64_t)jaar - (maand <= 2);
	int64_t era = div_floor(y, 400);
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (maand + (maand > 2 ? -3 : 9)) + 2) / 5 + dag - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (dag_t)(era * 146097 + doe - 719468);
}

bool datum_geldig(int jaar, int maand, int dag)
{
	return jaar >= 1900 && jaar <= 2199 && maand >= 1 && maand <= 12 &&
	       dag >= 1 && dag <= dagen_in_maand(jaar, maand);
}

void datum_delen(dag_t d, int *jaar, int *maand, int *dag)
{
	int64_t z = (int64_t)d + 719468;
	int64_t era = div_floor(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	if (jaar)
		*jaar = (int)(yoe + era * 400 + (m <= 2));
	if (maand)
		*maand = m;
	if (dag)
		*dag = (int)(doy - (153 * mp + 2) / 5 + 1);
}

static int cijfers(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int datum_parse(const char *s, dag_t *out)
{
	if (!s)
		return -1;
	for (int i = 0; i < 10; i++)
		if (s[i] == '\0')
			return -1;
	if (s[10] != '\0' || s[4] != '-' || s[7] != '-')
		return -1;
	int j = cijfers(s, 4), m = cijfers(s + 5, 2), d = cijfers(s + 8, 2);
	if (j < 0 || m < 0 || d < 0 || !datum_geldig(j, m, d))
		return -1;
	*out = datum_van(j, m, d);
	return 0;
}

static void schrijf(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Years outside 0..9999 do not fit ten characters; they write "" like an
 * absent date rather than a malformed one. */
char *datum_fmt(dag_t d, char buf[static 11])
{
	int j, m, dg;
	buf[0] = '\0';
	if (d == DAG_GEEN)
		return buf;
	datum_delen(d, &j, &m, &dg);
	if (j < 0 || j > 9999)
		return buf;
	schrijf(buf, j, 4);
	buf[4] = '-';
	schrijf(buf + 5, m, 2);
	buf[7] = '-';
	schrijf(buf + 8, dg, 2);
	buf[10] = '\0';
	return buf;
}

/* 1970-01-01 was a Thursday (3). */
int datum_weekdag(dag_t d)
{
	return (int)mod_floor((int64_t)d + 3, 7);
}

int32_t datum_weken(dag_t a, dag_t b)
{
	return (int32_t)div_floor((int64_t)b - a, 7);
}

dag_t datum_plus_maanden(dag_t d, int maanden)
{
	int j, m, dg;
	datum_delen(d, &j, &m, &dg);
	int64_t idx = (int64_t)j * 12 + (m - 1) + maanden;
	int nj = (int)div_floor(idx, 12);
	int nm = (int)mod_floor(idx, 12) + 1;
	int max = dagen_in_maand(nj, nm);
	return datum_van(nj, nm, dg > max ? max : dg);
}

int datum_leeftijd(dag_t geboren, dag_t d)
{
	int gj, gm, gd, j, m, dg;
	datum_delen(geboren, &gj, &gm, &gd);
	datum_delen(d, &j, &m, &dg);
	/* Comparing (month, day) makes 29 February count on 1 March in
	 * common years: 28 February is still before it. */
	int jaren = j - gj;
	if (m < gm || (m == gm && dg < gd))
		jaren--;
	return jaren;
}

dag_t datum_verjaardag(dag_t geboren, int jaren)
{
	int gj, gm, gd;
	datum_delen(geboren, &gj, &gm, &gd);
	int j = gj + jaren;
	if (gm == 2 && gd == 29 && !schrikkeljaar(j))
		return datum_van(j, 3, 1);
	return datum_van(j, gm, gd);
}

dag_t datum_maand_begin(dag_t d)
{
	int j, m;
	datum_delen(d, &j, &m, NULL);
	return datum_van(j, m, 1);
}

dag_t datum_maand_eind(dag_t d)
{
	int j, m;
	datum_delen(d, &j, &m, NULL);
	return datum_van(j, m, dagen_in_maand(j, m));
}

dag_t datum_pasen(int jaar)
{
	int a = jaar % 19, b = jaar / 100, c = jaar % 100;
	int d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int maand = (h + l - 7 * m + 114) / 31;
	int dag = (h + l - 7 * m + 114) % 31 + 1;
	return datum_van(jaar, maand, dag);
}

#define FEESTDAGEN_MAX 12

/* The distinct holidays of a year; returns how many. Two can fall on one
 * day (Hemelvaartsdag was 5 May in 2005), and that day counts once. */
static int feestdagen(int jaar, dag_t out[FEESTDAGEN_MAX])
{
	dag_t p = datum_pasen(jaar);
	dag_t kandidaat[FEESTDAGEN_MAX];
	int n = 0;
	kandidaat[n++] = datum_van(jaar, 1, 1);
	kandidaat[n++] = p - 2;
	kandidaat[n++] = p;
	kandidaat[n++] = p + 1;
	if (jaar >= 2014) {
		dag_t kd = datum_van(jaar, 4, 27);
		kandidaat[n++] = datum_weekdag(kd) == 6 ? kd - 1 : kd;
	} else {
		kandidaat[n++] = datum_van(jaar, 4, 30);
	}
	if (jaar % 5 == 0)
		kandidaat[n++] = datum_van(jaar, 5, 5);
	kandidaat[n++] = p + 39;
	kandidaat[n++] = p + 49;
	kandidaat[n++] = p + 50;
	kandidaat[n++] = datum_van(jaar, 12, 25);
	kandidaat[n++] = datum_van(jaar, 12, 26);

	int uniek = 0;
	for (int i = 0; i < n; i++) {
		bool dubbel = false;
		for (int k = 0; k < uniek; k++)
			dubbel = dubbel || out[k] == kandidaat[i];
		if (!dubbel)
			out[uniek++] = kandidaat[i];
	}
	return uniek;
}

bool datum_feestdag(dag_t d)
{
	int jaar;
	dag_t f[FEESTDAGEN_MAX];
	datum_delen(d, &jaar, NULL, NULL);
	int n = feestdagen(jaar, f);
	for (int i = 0; i < n; i++)
		if (f[i] == d)
			return true;
	return false;
}

bool datum_werkdag(dag_t d)
{
	return datum_weekdag(d) < 5 && !datum_feestdag(d);
}

dag_t datum_plus_werkdagen(dag_t d, int n)
{
	while (n > 0) {
		d++;
		if (datum_werkdag(d))
			n--;
	}
	return d;
}

/* Monday-Friday days before day x, counted from the Monday 1970-01-05
 * (negative before it); differences of this give weekdays in a span. */
static int64_t weekdagen_voor(int64_t x)
{
	int64_t m = x - 4;
	int64_t r = mod_floor(m, 7);
	return 5 * div_floor(m, 7) + (r < 5 ? r : 5);
}

/* Arithmetic over weeks, then one holiday list per year, so that long
 * spans cost per year rather than per day. */
int32_t datum_werkdagen_tussen(dag_t a, dag_t b)
{
	if (b <= a)
		return 0;
	int64_t n = weekdagen_voor((int64_t)b + 1) - weekdagen_voor((int64_t)a + 1);
	int ja, jb;
	datum_delen(a, &ja, NULL, NULL);
	datum_delen(b, &jb, NULL, NULL);
	for (int j = ja; j <= jb; j++) {
		dag_t f[FEESTDAGEN_MAX];
		int k = feestdagen(j, f);
		for (int i = 0; i < k; i++)
			if (f[i] > a && f[i] <= b && datum_weekdag(f[i]) < 5)
				n--;
	}
	return (int32_t)n;
}
