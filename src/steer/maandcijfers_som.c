/* maandcijfers_som: see maandcijfers_som.h.
 *
 * Runs are appended to one temporary file; each is read back through its
 * own buffer with pread, and a binary heap on the runs' current rows
 * gives the smallest key next.
 */
#include "steer/maandcijfers_som.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* Rows per read buffer of one run during the merge (320 KiB). */
#define LEES_RIJEN 8192

struct run {
	off_t begin;            /* first byte in the file */
	size_t n;               /* rows */
};

struct mc_som {
	struct mc_bak bak;
	size_t max_slots;
	bool fijn;              /* the bag holds fine rows: derive (mc_som_fijn) */
	struct mc_bak grof;     /* rows derived from fine rows, not yet written */
	struct mc_lijst lijst;  /* rows not yet added to the bag */
	FILE *f;                /* NULL until the first run */
	off_t lengte;           /* bytes written */
	struct run *runs;
	size_t n_runs, c_runs;
};

struct mc_som *mc_som_nieuw(size_t max_slots)
{
	struct mc_som *s = calloc(1, sizeof *s);
	size_t m = 1024;

	if (!s)
		return NULL;
	while (m < max_slots && m < SIZE_MAX / 2)
		m *= 2;
	s->max_slots = m;
	mc_bak_init(&s->bak);
	mc_bak_init(&s->grof);
	return s;
}

void mc_som_vrij(struct mc_som *s)
{
	if (!s)
		return;
	mc_bak_vrij(&s->bak);
	mc_bak_vrij(&s->grof);
	mc_lijst_vrij(&s->lijst);
	if (s->f)
		fclose(s->f);
	free(s->runs);
	free(s);
}

struct mc_bak *mc_som_bak(struct mc_som *s)
{
	return &s->bak;
}

struct mc_lijst *mc_som_lijst(struct mc_som *s)
{
	return &s->lijst;
}

size_t mc_som_runs(const struct mc_som *s)
{
	return s->n_runs;
}

/* ---- sorting rows in place ----
 *
 * glibc's qsort sorts rows this large through an array of pointers, so
 * each comparison is two cache misses; an introsort on the rows
 * themselves (median-of-three quicksort, heapsort past 2 log2 n levels,
 * insertion sort for short ranges) moves them but reads memory in order.
 */

static bool voor(const struct mc_rij *a, const struct mc_rij *b)
{
	return mc_sleutel_vergelijk(&a->k, &b->k) < 0;
}

static void wissel(struct mc_rij *a, struct mc_rij *b)
{
	struct mc_rij t = *a;
	*a = *b;
	*b = t;
}

static void invoeg_sorteer(struct mc_rij *r, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct mc_rij t = r[i];
		size_t j = i;
		for (; j > 0 && voor(&t, &r[j - 1]); j--)
			r[j] = r[j - 1];
		r[j] = t;
	}
}

static void hoop_zak(struct mc_rij *r, size_t n, size_t i)
{
	for (;;) {
		size_t m = i, a = 2 * i + 1, b = a + 1;
		if (a < n && voor(&r[m], &r[a]))
			m = a;
		if (b < n && voor(&r[m], &r[b]))
			m = b;
		if (m == i)
			return;
		wissel(&r[i], &r[m]);
		i = m;
	}
}

static void hoop_sorteer(struct mc_rij *r, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		hoop_zak(r, n, i);
	for (size_t i = n; i-- > 1;) {
		wissel(&r[0], &r[i]);
		hoop_zak(r, i, 0);
	}
}

static void intro_sorteer(struct mc_rij *r, size_t n, int diepte)
{
	while (n > 16) {
		if (diepte-- == 0) {
			hoop_sorteer(r, n);
			return;
		}
		/* Median of first, middle and last as the pivot, at r[0]. */
		size_t m = n / 2;
		if (voor(&r[m], &r[0]))
			wissel(&r[m], &r[0]);
		if (voor(&r[n - 1], &r[m]))
			wissel(&r[n - 1], &r[m]);
		if (voor(&r[m], &r[0]))
			wissel(&r[m], &r[0]);
		wissel(&r[0], &r[m]);
		/* Hoare partition around r[0]. */
		size_t i = 0, j = n;
		for (;;) {
			do
				i++;
			while (i < n && voor(&r[i], &r[0]));
			do
				j--;
			while (voor(&r[0], &r[j]));
			if (i >= j)
				break;
			wissel(&r[i], &r[j]);
		}
		wissel(&r[0], &r[j]);
		/* Recurse into the smaller side, loop on the larger. */
		if (j < n - j - 1) {
			intro_sorteer(r, j, diepte);
			r += j + 1;
			n -= j + 1;
		} else {
			intro_sorteer(r + j + 1, n - j - 1, diepte);
			n = j;
		}
	}
	invoeg_sorteer(r, n);
}

static void sorteer(struct mc_rij *r, size_t n)
{
	int diepte = 0;
	for (size_t m = n; m > 1; m /= 2)
		diepte += 2;
	intro_sorteer(r, n, diepte);
}

/* Move the bag's nonzero rows to its front, sorted; their number. */
static size_t bak_sorteer(struct mc_bak *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->cap; i++)
		if (b->rijen[i].k.periode != 0 && b->rijen[i].waarde != 0)
			b->rijen[n++] = b->rijen[i];
	sorteer(b->rijen, n);
	return n;
}

void mc_som_fijn(struct mc_som *s)
{
	s->fijn = true;
}

/* The rows of b as a run; b is emptied (its slots kept). */
static int schrijf_bak(struct mc_som *s, struct mc_bak *b)
{
	if (b->n == 0)
		return 0;
	size_t n = bak_sorteer(b);
	if (!s->f && !(s->f = tmpfile()))
		return -1;
	if (s->n_runs == s->c_runs) {
		size_t c = s->c_runs ? 2 * s->c_runs : 16;
		struct run *r = realloc(s->runs, c * sizeof *r);
		if (!r)
			return -1;
		s->runs = r;
		s->c_runs = c;
	}
	if (n > 0) {
		if (fwrite(b->rijen, sizeof *b->rijen, n, s->f) != n)
			return -1;
		s->runs[s->n_runs++] = (struct run){ s->lengte, n };
		s->lengte += (off_t)(n * sizeof *b->rijen);
	}
	memset(b->rijen, 0, b->cap * sizeof *b->rijen);
	b->n = 0;
	return 0;
}

/* The coarse rows of the bag's fine rows into s->grof. They are kept
 * apart and written or merged as rows of their own: inserted into the bag
 * in its slot order, they would cluster (linear probing, one hash). */
static int leid_af(struct mc_som *s)
{
	return mc_bak_afleiden(&s->bak, &s->grof);
}

/* The bag's rows, and the derived rows, as runs; both are emptied. */
static int schrijf_run(struct mc_som *s)
{
	if (s->fijn && leid_af(s) < 0)
		return -1;
	if (schrijf_bak(s, &s->bak) < 0)
		return -1;
	if (s->grof.n == 0)
		return 0;
	int rc = schrijf_bak(s, &s->grof);
	mc_bak_vrij(&s->grof);
	return rc;
}

int mc_som_grof(struct mc_som *s)
{
	if (mc_bak_voeg_lijst(&s->bak, &s->lijst) < 0)
		return -1;
	if (!s->fijn)
		return 0;
	s->fijn = false;
	return leid_af(s);
}

int mc_som_vol(struct mc_som *s)
{
	struct mc_bak *b = &s->bak;
	size_t marge = s->max_slots / 8 < 65536 ? s->max_slots / 8 : 65536;

	if (mc_bak_voeg_lijst(&s->bak, &s->lijst) < 0)
		return -1;
	/* The bag doubles when it is 3/4 full (mc_bak_voeg): write it out
	 * before the next youth could make it cross that line. */
	if (b->cap < s->max_slots || (b->n + marge) * 4 <= b->cap * 3)
		return 0;
	return schrijf_run(s);
}

/* One run during the merge. */
struct lezer {
	struct mc_rij *buf;
	size_t i, n;            /* current row buf[i] of n read */
	off_t pos;              /* next byte to read */
	size_t rest;            /* rows of the run not yet read */
};

static int lezer_vul(int fd, struct lezer *l)
{
	size_t n = l->rest < LEES_RIJEN ? l->rest : LEES_RIJEN;
	size_t bytes = n * sizeof *l->buf, klaar = 0;

	while (klaar < bytes) {
		ssize_t r = pread(fd, (char *)l->buf + klaar, bytes - klaar, l->pos + (off_t)klaar);
		if (r <= 0)
			return -1;
		klaar += (size_t)r;
	}
	l->pos += (off_t)bytes;
	l->rest -= n;
	l->i = 0;
	l->n = n;
	return 0;
}

/* Advance l; 1 when it holds a row, 0 at the end, -1 on a read error. */
static int lezer_stap(int fd, struct lezer *l)
{
	if (++l->i < l->n)
		return 1;
	if (l->rest == 0)
		return 0;
	return lezer_vul(fd, l) < 0 ? -1 : 1;
}

static bool kleiner(const struct lezer *l, size_t a, size_t b)
{
	return mc_sleutel_vergelijk(&l[a].buf[l[a].i].k, &l[b].buf[l[b].i].k) < 0;
}

/* Restore the heap h[0..n) of runs below position i. */
static void zak(const struct lezer *l, size_t *h, size_t n, size_t i)
{
	for (;;) {
		size_t m = i, a = 2 * i + 1, b = a + 1;
		if (a < n && kleiner(l, h[a], h[m]))
			m = a;
		if (b < n && kleiner(l, h[b], h[m]))
			m = b;
		if (m == i)
			return;
		size_t t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

static int samenvoegen(struct mc_som *s, mc_som_uit_fn uit, void *arg)
{
	struct lezer *l = calloc(s->n_runs, sizeof *l);
	size_t *h = calloc(s->n_runs, sizeof *h), n = 0;
	int fd = fileno(s->f), rc = 0;

	if (!l || !h)
		rc = -1;
	for (size_t r = 0; r < s->n_runs && rc == 0; r++) {
		l[r].buf = malloc(LEES_RIJEN * sizeof *l[r].buf);
		l[r].pos = s->runs[r].begin;
		l[r].rest = s->runs[r].n;
		if (!l[r].buf || lezer_vul(fd, &l[r]) < 0)
			rc = -1;
		else
			h[n++] = r;
	}
	for (size_t i = n; i-- > 0 && rc == 0;)
		zak(l, h, n, i);
	while (rc == 0 && n > 0) {
		struct mc_rij som = l[h[0]].buf[l[h[0]].i];
		som.waarde = 0;
		/* Every run holds a key at most once: take it from each run
		 * whose current row has it. */
		while (n > 0 && mc_sleutel_vergelijk(&l[h[0]].buf[l[h[0]].i].k, &som.k) == 0) {
			som.waarde += l[h[0]].buf[l[h[0]].i].waarde;
			int st = lezer_stap(fd, &l[h[0]]);
			if (st < 0) {
				rc = -1;
				break;
			}
			if (st == 0)
				h[0] = h[--n];
			if (n > 0)
				zak(l, h, n, 0);
		}
		if (rc == 0 && som.waarde != 0)
			rc = uit(arg, &som);
	}
	for (size_t r = 0; l && r < s->n_runs; r++)
		free(l[r].buf);
	free(l);
	free(h);
	return rc;
}

int mc_som_uit(struct mc_som *s, mc_som_uit_fn uit, void *arg)
{
	int rc = mc_som_grof(s);

	if (rc < 0)
		return rc;
	if (s->n_runs == 0) {
		/* Everything fitted in the bag (and the derived rows): no
		 * file; merge the two sorted, adding up equal keys. */
		size_t n = s->bak.cap ? bak_sorteer(&s->bak) : 0;
		size_t m = s->grof.cap ? bak_sorteer(&s->grof) : 0, i = 0, j = 0;
		const struct mc_rij *a = s->bak.rijen, *b = s->grof.rijen;
		while ((i < n || j < m) && rc == 0) {
			int c = i == n ? 1 : j == m ? -1 : mc_sleutel_vergelijk(&a[i].k, &b[j].k);
			struct mc_rij r = c <= 0 ? a[i] : b[j];
			if (c == 0)
				r.waarde += b[j].waarde;
			i += c <= 0;
			j += c >= 0;
			if (r.waarde != 0)
				rc = uit(arg, &r);
		}
		mc_bak_vrij(&s->bak);
		mc_bak_vrij(&s->grof);
		return rc;
	}
	if (schrijf_run(s) < 0 || fflush(s->f) != 0)
		return -1;
	mc_bak_vrij(&s->bak);
	return samenvoegen(s, uit, arg);
}
