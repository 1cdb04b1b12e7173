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
	return s;
}

void mc_som_vrij(struct mc_som *s)
{
	if (!s)
		return;
	mc_bak_vrij(&s->bak);
	if (s->f)
		fclose(s->f);
	free(s->runs);
	free(s);
}

struct mc_bak *mc_som_bak(struct mc_som *s)
{
	return &s->bak;
}

size_t mc_som_runs(const struct mc_som *s)
{
	return s->n_runs;
}

static int cmp_rij(const void *a, const void *b)
{
	return mc_sleutel_vergelijk(&((const struct mc_rij *)a)->k, &((const struct mc_rij *)b)->k);
}

/* Move the bag's nonzero rows to its front, sorted; their number. */
static size_t bak_sorteer(struct mc_bak *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->cap; i++)
		if (b->rijen[i].k.periode != 0 && b->rijen[i].waarde != 0)
			b->rijen[n++] = b->rijen[i];
	qsort(b->rijen, n, sizeof *b->rijen, cmp_rij);
	return n;
}

/* The bag's rows as a run; the bag is emptied (its slots kept). */
static int schrijf_run(struct mc_som *s)
{
	struct mc_bak *b = &s->bak;

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

int mc_som_vol(struct mc_som *s)
{
	const struct mc_bak *b = &s->bak;
	size_t marge = s->max_slots / 8 < 65536 ? s->max_slots / 8 : 65536;

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
	int rc = 0;

	if (s->n_runs == 0) {
		/* Everything fitted in the bag: no file. */
		size_t n = s->bak.cap ? bak_sorteer(&s->bak) : 0;
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = uit(arg, &s->bak.rijen[i]);
		mc_bak_vrij(&s->bak);
		return rc;
	}
	if (schrijf_run(s) < 0 || fflush(s->f) != 0)
		return -1;
	mc_bak_vrij(&s->bak);
	return samenvoegen(s, uit, arg);
}
