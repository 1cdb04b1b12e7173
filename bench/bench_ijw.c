/* bench_ijw: the iJw ingest benchmark's own program (bench/ijw.sh runs it).
 *
 *   bench_ijw genereer TSV DIR
 *       Write one JW323 per declaratie in TSV (tab-separated, one approved
 *       Prestatie per line, sorted by declaratie, columns as the SELECT in
 *       bench/ijw.sh) into DIR/JW323-<agb>-<gemeente>-<nummer>.xml with
 *       the typed writer (bericht_schrijf), each checked against the XSD. Prints
 *       "<files> <prestaties>".
 *   bench_ijw meet DIR
 *       Read every .xml file in DIR as the ingest does up to the rules: the file
 *       from disk, ijw_xml_controleer (parse + XSD) and bericht_lees (into
 *       the typed structs). Prints "<files> <prestaties>"; exits 1 if a
 *       file is not a valid JW323, so a figure is never about refusals.
 *
 * A JW323 goes from one aanbieder to one gemeente (Afzender AGB, Ontvanger
 * CBS code), so a month of declarations is one file per aanbieder and
 * gemeente: exactly the declaratie rows of the demo database.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"
#include "ijw/bericht.h"
#include "ijw/xml.h"

#define REGEL_LEN 1024
#define KOLOMMEN 17

/* Columns of one TSV line (the SELECT in bench/ijw.sh). */
enum kolom {
	K_NUMMER, K_AGB, K_GEMEENTE, K_BEGIN, K_EIND, K_DAGTEKENING, K_BSN, K_REFERENTIE,
	K_TOEWIJZING, K_CATEGORIE, K_CODE, K_P_BEGIN, K_P_EIND, K_VOLUME, K_EENHEID, K_TARIEF,
	K_BEDRAG,
};

/* Columns as offsets into buf, not pointers: the array of lines grows
 * by realloc and lines move. */
struct regel {
	char buf[REGEL_LEN];
	size_t k[KOLOMMEN];
};

#define KOL(regel, c) ((regel).buf + (regel).k[c])

static int splits(struct regel *r)
{
	char *p = r->buf;
	size_t n = strlen(p);

	if (n > 0 && p[n - 1] == '\n')
		p[--n] = '\0';
	for (int i = 0; i < KOLOMMEN; i++) {
		r->k[i] = (size_t)(p - r->buf);
		p = strchr(p, '\t');
		if (i < KOLOMMEN - 1) {
			if (!p)
				return -1;
			*p++ = '\0';
		}
	}
	return p ? -1 : 0;
}

static dag_t dag(const char *s)
{
	dag_t d = DAG_GEEN;

	if (datum_parse(s, &d) != 0)
		return DAG_GEEN;
	return d;
}

static void kopieer(char *dst, size_t n, const char *s)
{
	snprintf(dst, n, "%s", s);
}

/* Write the declaratie in r[0..n) (same nummer) to DIR. */
static int schrijf_declaratie(const char *dir, struct regel *r, size_t n, size_t *prestaties)
{
	struct ijw_bericht *b = bericht_nieuw(IJW_JW323);
	struct ijw_declaratie *d;
	struct bericht_fout fout;
	struct ijw_document doc;
	size_t n_clienten = 0, c = 0, len = 0;
	int64_t totaal = 0;
	char pad[1024], err[256], *tekst;
	FILE *f;
	int rc;

	if (!b)
		return -1;
	kopieer(b->header.afzender, sizeof b->header.afzender, KOL(r[0], K_AGB));
	kopieer(b->header.ontvanger, sizeof b->header.ontvanger, KOL(r[0], K_GEMEENTE));
	kopieer(b->header.berichtidentificatie.identificatie,
		sizeof b->header.berichtidentificatie.identificatie, KOL(r[0], K_NUMMER));
	b->header.berichtidentificatie.dagtekening = dag(KOL(r[0], K_DAGTEKENING));
	kopieer(b->header.xsd_versie.basisschema_xsd_versie,
		sizeof b->header.xsd_versie.basisschema_xsd_versie, "1.0.0");
	kopieer(b->header.xsd_versie.bericht_xsd_versie,
		sizeof b->header.xsd_versie.bericht_xsd_versie, "1.0.0");
	d = b->declaratie = bericht_klassen(b, IJW_K_DECLARATIE, 1);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(KOL(r[i], K_BSN), KOL(r[i - 1], K_BSN)) != 0)
			n_clienten++;
	d->clienten = bericht_klassen(b, IJW_K_DECLARATIE_CLIENT, n_clienten);
	if (!d || !d->clienten) {
		bericht_vrij(b);
		return -1;
	}
	d->n_clienten = n_clienten;
	kopieer(d->declaratie_nummer, sizeof d->declaratie_nummer, KOL(r[0], K_NUMMER));
	d->declaratie_periode.begindatum = dag(KOL(r[0], K_BEGIN));
	d->declaratie_periode.einddatum = dag(KOL(r[0], K_EIND));
	d->declaratie_dagtekening = dag(KOL(r[0], K_DAGTEKENING));
	for (size_t i = 0; i < n; c++) {
		struct ijw_declaratie_client *cl = &d->clienten[c];
		size_t j = i;

		while (j < n && strcmp(KOL(r[j], K_BSN), KOL(r[i], K_BSN)) == 0)
			j++;
		kopieer(cl->bsn, sizeof cl->bsn, KOL(r[i], K_BSN));
		cl->prestaties = bericht_klassen(b, IJW_K_PRESTATIE, j - i);
		if (!cl->prestaties) {
			bericht_vrij(b);
			return -1;
		}
		cl->n_prestaties = j - i;
		for (size_t p = 0; p < j - i; p++) {
			struct ijw_prestatie *pr = &cl->prestaties[p];
			const struct regel *rp = &r[i + p];
			int64_t bedrag = strtoll(KOL(*rp, K_BEDRAG), NULL, 10);

			kopieer(pr->product_referentie.referentie_nummer,
				sizeof pr->product_referentie.referentie_nummer, KOL(*rp, K_REFERENTIE));
			pr->toewijzing_nummer = strtoll(KOL(*rp, K_TOEWIJZING), NULL, 10);
			kopieer(pr->product_categorie, sizeof pr->product_categorie, KOL(*rp, K_CATEGORIE));
			kopieer(pr->product_code, sizeof pr->product_code, KOL(*rp, K_CODE));
			pr->product_periode.begindatum = dag(KOL(*rp, K_P_BEGIN));
			pr->product_periode.einddatum = dag(KOL(*rp, K_P_EIND));
			pr->geleverd_volume = strtoll(KOL(*rp, K_VOLUME), NULL, 10);
			kopieer(pr->eenheid, sizeof pr->eenheid, KOL(*rp, K_EENHEID));
			/* CD087: no ProductTarief when the unit is euro's (83). */
			pr->product_tarief = strcmp(KOL(*rp, K_EENHEID), "83") == 0 ?
					     IJW_GEEN : strtoll(KOL(*rp, K_TARIEF), NULL, 10);
			pr->ingediend_bedrag.bedrag = bedrag < 0 ? -bedrag : bedrag;
			kopieer(pr->ingediend_bedrag.debet_credit,
				sizeof pr->ingediend_bedrag.debet_credit, bedrag < 0 ? "C" : "D");
			totaal += bedrag;
		}
		*prestaties += j - i;
		i = j;
	}
	/* TR358: the signed sum of the Prestaties. */
	d->totaal_ingediend_bedrag.bedrag = totaal < 0 ? -totaal : totaal;
	kopieer(d->totaal_ingediend_bedrag.debet_credit,
		sizeof d->totaal_ingediend_bedrag.debet_credit, totaal < 0 ? "C" : "D");

	tekst = bericht_schrijf_tekst(b, &len, &fout);
	bericht_vrij(b);
	if (!tekst) {
		fprintf(stderr, "bench_ijw: declaratie %s: %s: %s\n", KOL(r[0], K_NUMMER), fout.plek,
			fout.melding);
		return -1;
	}
	rc = ijw_xml_controleer(&doc, tekst, len, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "bench_ijw: declaratie %s voldoet niet aan het XSD: %s\n",
			KOL(r[0], K_NUMMER), rc < 0 ? err :
			doc.n_bevindingen ? doc.bevindingen[0].melding : "?");
	ijw_document_vrij(&doc);
	snprintf(pad, sizeof pad, "%s/JW323-%s-%s-%s.xml", dir, KOL(r[0], K_AGB), KOL(r[0], K_GEMEENTE),
		 KOL(r[0], K_NUMMER));
	f = rc == 0 ? fopen(pad, "wb") : NULL;
	if (rc == 0 && (!f || fwrite(tekst, 1, len, f) != len)) {
		fprintf(stderr, "bench_ijw: %s: %s\n", pad, strerror(errno));
		rc = -1;
	}
	if (f && fclose(f) != 0)
		rc = -1;
	free(tekst);
	return rc == 0 ? 0 : -1;
}

static int genereer(const char *tsv, const char *dir)
{
	FILE *in = fopen(tsv, "r");
	struct regel *r = NULL;
	size_t n = 0, cap = 0, bestanden = 0, prestaties = 0;
	int rc = 0;

	if (!in) {
		fprintf(stderr, "bench_ijw: %s: %s\n", tsv, strerror(errno));
		return 1;
	}
	for (;;) {
		struct regel *nieuw;
		bool eof;

		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			nieuw = realloc(r, cap * sizeof *r);
			if (!nieuw) {
				rc = 1;
				break;
			}
			r = nieuw;
		}
		eof = !fgets(r[n].buf, sizeof r[n].buf, in);
		if (!eof && splits(&r[n]) != 0) {
			fprintf(stderr, "bench_ijw: %s: regel zonder %d kolommen\n", tsv, KOLOMMEN);
			rc = 1;
			break;
		}
		/* A declaratie ends where its key changes (or at the end): the
		 * nummer is unique per aanbieder only (TR333), and the demo
		 * numbers per gemeente. */
		if (n > 0 && (eof || strcmp(KOL(r[n], K_NUMMER), KOL(r[0], K_NUMMER)) != 0 ||
			      strcmp(KOL(r[n], K_AGB), KOL(r[0], K_AGB)) != 0 ||
			      strcmp(KOL(r[n], K_GEMEENTE), KOL(r[0], K_GEMEENTE)) != 0)) {
			if (schrijf_declaratie(dir, r, n, &prestaties) != 0) {
				rc = 1;
				break;
			}
			bestanden++;
			if (!eof)
				r[0] = r[n];
			n = 0;
		}
		if (eof)
			break;
		n++;
	}
	fclose(in);
	free(r);
	if (rc == 0)
		printf("%zu %zu\n", bestanden, prestaties);
	return rc;
}

/* ---- measuring ------------------------------------------------------------ */

static int lees_bestand(const char *pad, char **data, size_t *len)
{
	FILE *f = fopen(pad, "rb");
	long n;

	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return -1;
	}
	*data = malloc((size_t)n + 1);
	if (!*data || fread(*data, 1, (size_t)n, f) != (size_t)n) {
		free(*data);
		fclose(f);
		return -1;
	}
	fclose(f);
	*len = (size_t)n;
	return 0;
}

static int meet(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t bestanden = 0, prestaties = 0;
	int rc = 0;

	if (!d) {
		fprintf(stderr, "bench_ijw: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		struct ijw_document doc;
		struct ijw_bericht *b = NULL;
		struct bericht_fout fout;
		char pad[1024], err[256], *data = NULL;
		size_t len = 0, l = strlen(de->d_name);

		if (l < 5 || strcmp(de->d_name + l - 4, ".xml") != 0)
			continue;
		snprintf(pad, sizeof pad, "%s/%s", dir, de->d_name);
		if (lees_bestand(pad, &data, &len) != 0) {
			fprintf(stderr, "bench_ijw: %s: %s\n", pad, strerror(errno));
			rc = 1;
			break;
		}
		if (ijw_xml_controleer(&doc, data, len, err, sizeof err) != 0 ||
		    doc.soort != IJW_JW323 || bericht_lees(doc.doc, &b, &fout) != 0) {
			fprintf(stderr, "bench_ijw: %s is geen geldig JW323\n", pad);
			rc = 1;
		} else {
			for (size_t c = 0; c < b->declaratie->n_clienten; c++)
				prestaties += b->declaratie->clienten[c].n_prestaties;
			bestanden++;
		}
		bericht_vrij(b);
		ijw_document_vrij(&doc);
		free(data);
	}
	closedir(d);
	if (rc == 0)
		printf("%zu %zu\n", bestanden, prestaties);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "genereer") == 0)
		return genereer(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "meet") == 0)
		return meet(argv[2]);
	fprintf(stderr, "gebruik: bench_ijw genereer TSV DIR | bench_ijw meet DIR\n");
	return 2;
}
