/* main: the jeugdregie command line: parse, dispatch, exit codes.
 *
 *   0  done
 *   1  the database or the system refused (unreadable, foreign or newer
 *      database, disk full, a demo into a database that already holds a
 *      region, a write error on the output)
 *   2  a wrong command line; nothing was changed (only a --gemeente that
 *      the database does not know is found after opening it)
 *
 * Options are parsed by a small parser of our own rather than getopt_long:
 * getopt prints English messages, permutes argv and would take "--json" as
 * the value of a "--db" given without one.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "demo/demo.h"
#include "domain/datum.h"
#include "domain/kpi.h"
#include "steer/kalibratie.h"
#include "steer/kpi_rapport.h"
#include "store/kopie.h"
#include "store/store.h"

#define JEUGDREGIE_VERSIE "0.1.0"
#define STANDAARD_DB "jeugdregie.db"
#define ERR_LEN 1024

enum {
	AFSLUIT_GOED = 0,
	AFSLUIT_FOUT = 1,
	AFSLUIT_GEBRUIK = 2,
	AFSLUIT_KALIBRATIE = 3, /* a calibration target was missed */
};

static const char hulp_tekst[] =
	"jeugdregie " JEUGDREGIE_VERSIE " - informatie- en sturingssysteem jeugdhulp Holland Rijnland\n"
	"\n"
	"Gebruik: jeugdregie <opdracht> [opties]\n"
	"\n"
	"Opdrachten:\n"
	"  demo      vul een nieuwe, lege database met een verzonnen maar geloofwaardige regio\n"
	"              --db PAD                database (standaard $JEUGDREGIE_DB, anders " STANDAARD_DB ")\n"
	"              --seed N                startgetal van het toeval, 0 of meer (standaard 1)\n"
	"              --until JJJJ-MM-DD      laatste dag van de gegevens (standaard vandaag)\n"
	"              --scale F               bevolkingsfactor, groter dan 0 en hoogstens 100\n"
	"                                      (standaard 1 = de hele regio)\n"
	"            Weigert een database die al een regio bevat (afsluitcode 1).\n"
	"  kpi       kernindicatoren per gemeente en voor de regio\n"
	"              --db PAD                database (als bij demo)\n"
	"              --peildatum JJJJ-MM-DD  standaard de laatste dag van de demo, anders vandaag\n"
	"              --gemeente CODE         alleen deze gemeente (en de regio); viercijferige\n"
	"                                      CBS-code, bijvoorbeeld 0546 voor Leiden\n"
	"              --json                  een JSON-document in plaats van tabellen\n"
	"  kalibratie  meet de demoregio aan de eigen cijfers van de regio over 2025\n"
	"              --db PAD\n"
	"  copy      kopieer een hele regio naar een nieuwe, lege database (bijv. PostgreSQL)\n"
	"              --from BRON --to DOEL    en controleer rijen en controlegetallen per tabel\n"
	"  checksum  rijen en controlegetal per tabel\n"
	"              --db PAD\n"
	"  migrate   open de database, werk het schema bij en toon de schemaversie\n"
	"              --db PAD\n"
	"  version   toon de versie van jeugdregie\n"
	"  help      deze tekst; 'jeugdregie help <opdracht>' voor een opdracht\n"
	"\n"
	"Afsluitcodes: 0 gelukt, 1 probleem met de database (of demo geweigerd),\n"
	"2 verkeerde opdracht of optie, 3 kalibratiedoel niet gehaald.\n";

/* ---- messages -------------------------------------------------------- */

__attribute__((format(printf, 2, 3)))
static int gebruiksfout(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "jeugdregie%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nZie 'jeugdregie help' voor de opdrachten en opties.\n");
	return AFSLUIT_GEBRUIK;
}

__attribute__((format(printf, 2, 3)))
static int fout(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "jeugdregie %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return AFSLUIT_FOUT;
}

/* ---- option parsing ------------------------------------------------- */

struct optie {
	const char *naam;    /* "--db" */
	bool met_waarde;
};

enum optie_uitslag {
	OPTIE_KLAAR,         /* no more arguments */
	OPTIE_GEVONDEN,      /* *idx and *waarde are set */
	OPTIE_HULP,          /* --help or -h */
	OPTIE_FOUT,          /* a message was printed */
};

/* The next option of argv from *i on. Accepts "--naam WAARDE" and
 * "--naam=WAARDE"; a value may not itself look like an option, so that a
 * forgotten value is reported instead of swallowing the next option. */
static enum optie_uitslag volgende_optie(const char *cmd, const struct optie *opties, size_t n,
					 int argc, char **argv, int *i, size_t *idx,
					 const char **waarde)
{
	const char *arg, *is;
	size_t len;

	if (*i >= argc)
		return OPTIE_KLAAR;
	arg = argv[(*i)++];
	if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
		return OPTIE_HULP;
	if (strncmp(arg, "--", 2) != 0) {
		gebruiksfout(cmd, "onverwacht argument '%s'; opties beginnen met --, "
			     "bijvoorbeeld --db PAD", arg);
		return OPTIE_FOUT;
	}
	is = strchr(arg, '=');
	len = is ? (size_t)(is - arg) : strlen(arg);
	for (size_t k = 0; k < n; k++) {
		if (strlen(opties[k].naam) != len || strncmp(opties[k].naam, arg, len) != 0)
			continue;
		*idx = k;
		*waarde = NULL;
		if (!opties[k].met_waarde) {
			if (is) {
				gebruiksfout(cmd, "optie %s neemt geen waarde (gegeven: '%s')",
					     opties[k].naam, arg);
				return OPTIE_FOUT;
			}
			return OPTIE_GEVONDEN;
		}
		if (is) {
			*waarde = is + 1;
		} else if (*i < argc && strncmp(argv[*i], "--", 2) != 0) {
			*waarde = argv[(*i)++];
		} else {
			gebruiksfout(cmd, "optie %s mist een waarde; schrijf %s WAARDE",
				     opties[k].naam, opties[k].naam);
			return OPTIE_FOUT;
		}
		if (!**waarde) {
			gebruiksfout(cmd, "optie %s heeft een lege waarde", opties[k].naam);
			return OPTIE_FOUT;
		}
		return OPTIE_GEVONDEN;
	}
	{
		char bekend[256];
		size_t used = 0;

		bekend[0] = '\0';
		for (size_t k = 0; k < n && used < sizeof bekend; k++) {
			int w = snprintf(bekend + used, sizeof bekend - used, "%s%s",
					 k ? ", " : "", opties[k].naam);
			if (w < 0)
				break;
			used += (size_t)w;
		}
		gebruiksfout(cmd, "onbekende optie '%.*s'; deze opdracht kent: %s",
			     (int)len, arg, bekend);
	}
	return OPTIE_FOUT;
}

#define MAX_OPTIES 8

/* Read all of argv against opties: waarden[k] gets the value of option k
 * (the last one given; "" for a flag), NULL when absent. Returns -1 to go
 * on, or the exit code to return at once (0 after printing hulp for
 * --help, 2 after a message about a wrong argument). */
static int lees_opties(const char *cmd, const struct optie *opties, size_t n, const char *hulp,
		       int argc, char **argv, const char *waarden[MAX_OPTIES])
{
	const char *waarde;
	size_t idx;
	int i = 0;

	for (size_t k = 0; k < MAX_OPTIES; k++)
		waarden[k] = NULL;
	for (;;) {
		switch (volgende_optie(cmd, opties, n, argc, argv, &i, &idx, &waarde)) {
		case OPTIE_KLAAR:
			return -1;
		case OPTIE_GEVONDEN:
			waarden[idx] = waarde ? waarde : "";
			break;
		case OPTIE_HULP:
			fputs(hulp, stdout);
			return AFSLUIT_GOED;
		case OPTIE_FOUT:
			return AFSLUIT_GEBRUIK;
		}
	}
}

static const char *standaard_db(void)
{
	const char *env = getenv("JEUGDREGIE_DB");

	return env && *env ? env : STANDAARD_DB;
}

static int lees_datum(const char *cmd, const char *optie, const char *s, dag_t *out)
{
	if (datum_parse(s, out) == 0)
		return 0;
	gebruiksfout(cmd, "%s '%s' is geen geldige datum; schrijf JJJJ-MM-DD met een bestaande "
		     "dag, bijvoorbeeld %s 2024-12-31", optie, s, optie);
	return -1;
}

static int lees_seed(const char *cmd, const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	/* strtoull accepts a sign and spaces; a seed is plain digits. */
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9') {
			gebruiksfout(cmd, "--seed '%s' is geen geheel getal van 0 of meer; "
				     "bijvoorbeeld --seed 42", s);
			return -1;
		}
	}
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno == ERANGE || *end) {
		gebruiksfout(cmd, "--seed '%s' is te groot; het hoogste is %llu", s,
			     (unsigned long long)UINT64_MAX);
		return -1;
	}
	*out = (uint64_t)v;
	return 0;
}

static int lees_schaal(const char *cmd, const char *s, double *out)
{
	char buf[64], *end;
	double v;
	size_t n = strlen(s);

	/* Accept the Dutch decimal comma too (0,05). */
	if (n == 0 || n >= sizeof buf)
		goto slecht;
	memcpy(buf, s, n + 1);
	for (char *p = buf; *p; p++) {
		if (*p == ',')
			*p = '.';
		else if (!((*p >= '0' && *p <= '9') || *p == '.'))
			goto slecht;
	}
	errno = 0;
	v = strtod(buf, &end);
	if (end == buf || *end || errno == ERANGE)
		goto slecht;
	if (!(v > 0.0 && v <= 100.0)) {
		gebruiksfout(cmd, "--scale %s ligt buiten het bereik: de factor moet groter dan 0 "
			     "en hoogstens 100 zijn, bijvoorbeeld --scale 0.1", s);
		return -1;
	}
	*out = v;
	return 0;
slecht:
	gebruiksfout(cmd, "--scale '%s' is geen getal; schrijf bijvoorbeeld --scale 0.5 "
		     "(groter dan 0, hoogstens 100)", s);
	return -1;
}

static int lees_gemeente(const char *cmd, const char *s)
{
	if (strlen(s) == 4 && strspn(s, "0123456789") == 4)
		return 0;
	gebruiksfout(cmd, "--gemeente '%s' is geen gemeentecode; gebruik de viercijferige "
		     "CBS-code, bijvoorbeeld --gemeente 0546 voor Leiden", s);
	return -1;
}

static dag_t vandaag(void)
{
	time_t nu = time(NULL);
	struct tm tm;

	/* The local calendar date: the region's users are in Europe/Amsterdam. */
	if (!localtime_r(&nu, &tm))
		return datum_van(1970, 1, 1) + (dag_t)(nu / 86400);
	return datum_van(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The file behind a SQLite url, or NULL for a server url. */
static const char *sqlite_pad(const char *url)
{
	if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
		return NULL;
	return strncmp(url, "sqlite:", 7) == 0 ? url + 7 : url;
}

static struct store *open_store(const char *cmd, const char *url)
{
	char err[ERR_LEN];
	struct store *st = store_open(url, err, sizeof err);

	if (!st)
		fout(cmd, "%s", err);
	return st;
}

/* Remove a SQLite database file and its WAL companions. */
static void verwijder_db(const char *pad)
{
	static const char *const staart[] = { "", "-wal", "-shm", "-journal" };
	char naam[4096];

	for (size_t i = 0; i < sizeof staart / sizeof staart[0]; i++) {
		int n = snprintf(naam, sizeof naam, "%s%s", pad, staart[i]);

		if (n > 0 && (size_t)n < sizeof naam)
			unlink(naam);
	}
}

/* ---- commands -------------------------------------------------------- */

static const char demo_hulp[] =
	"Gebruik: jeugdregie demo [--db PAD] [--seed N] [--until JJJJ-MM-DD] [--scale F]\n"
	"Vult een nieuwe, lege database met een verzonnen regio (alleen test-BSN's).\n"
	"Dezelfde seed en opties geven dezelfde database. Een database die al een regio\n"
	"bevat wordt geweigerd (afsluitcode 1): kies dan een ander bestand met --db.\n";

static int cmd_demo(int argc, char **argv)
{
	static const struct optie opties[] = {
		{ "--db", true }, { "--seed", true }, { "--until", true }, { "--scale", true },
	};
	const char *cmd = "demo", *db = standaard_db(), *pad;
	bool nieuw = false;
	struct demo_opties o = { .seed = 1, .tot = DAG_GEEN, .schaal = 1.0 };
	struct demo_telling t = { 0 };
	struct timespec t0, t1;
	char err[ERR_LEN];
	struct store *st;
	int leeg, rc;
	const char *w[MAX_OPTIES];

	rc = lees_opties(cmd, opties, 4, demo_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	if ((w[1] && lees_seed(cmd, w[1], &o.seed) < 0) ||
	    (w[2] && lees_datum(cmd, "--until", w[2], &o.tot) < 0) ||
	    (w[3] && lees_schaal(cmd, w[3], &o.schaal) < 0))
		return AFSLUIT_GEBRUIK;
	if (o.tot == DAG_GEEN)
		o.tot = vandaag();

	/* A file we create and then fail to fill is removed again. */
	pad = sqlite_pad(db);
	if (pad && *pad) {
		struct stat sb;

		nieuw = stat(pad, &sb) != 0 && errno == ENOENT;
	}
	st = open_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	leeg = store_is_empty(st);
	if (leeg < 0) {
		rc = fout(cmd, "database '%s': %s", db, store_error(st));
		goto klaar;
	}
	if (!leeg) {
		rc = fout(cmd, "de database '%s' bevat al een regio; demo vult alleen een nieuwe, "
			  "lege database en laat deze ongemoeid.\nKies een ander bestand, "
			  "bijvoorbeeld: jeugdregie demo --db nieuw.db", db);
		goto klaar;
	}

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (demo_maak(st, &o, &t, err, sizeof err) < 0) {
		rc = fout(cmd, "database '%s': %s", db, err);
		store_close(st);
		if (nieuw)
			verwijder_db(pad);
		return rc;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);

	/* demo_maak records demo.seed, demo.tot and demo.schaal in the meta
	 * table inside its own transaction; kpi reads demo.tot. */
	{
		double sec = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		char tot[11];

		fprintf(stderr,
			"jeugdregie demo: regio gemaakt in '%s' (seed %llu, t/m %s, schaal %g)\n"
			"  aanbieders   %10lld\n"
			"  jeugdigen    %10lld\n"
			"  trajecten    %10lld\n"
			"  toewijzingen %10lld\n"
			"  prestaties   %10lld\n"
			"  tijd         %10.1f s\n",
			db, (unsigned long long)o.seed, datum_fmt(o.tot, tot), o.schaal,
			(long long)t.aanbieders, (long long)t.jeugdigen, (long long)t.trajecten,
			(long long)t.toewijzingen, (long long)t.prestaties, sec);
	}
	rc = AFSLUIT_GOED;
klaar:
	store_close(st);
	return rc;
}

/* A database to read from must exist: opening would create a missing
 * SQLite file. */
static int laad_pad_bestaat(const char *cmd, const char *db)
{
	const char *pad = sqlite_pad(db);
	struct stat sb;

	if (!pad || !*pad || stat(pad, &sb) == 0)
		return AFSLUIT_GOED;
	if (errno == ENOENT || errno == ENOTDIR)
		return fout(cmd, "database '%s' bestaat niet; maak er een met: "
			    "jeugdregie demo --db %s", pad, pad);
	return fout(cmd, "database '%s' is niet bereikbaar (%s)", pad, strerror(errno));
}

/* Open db for reading a region into *data (the caller releases it):
 * refuses a missing file (a report must not create one) and an empty
 * database. When *tot is DAG_GEEN it becomes the demo's end date, or
 * today; *schaal (if not NULL) the demo's scale, or 1. */
static int laad_regio(const char *cmd, const char *db, struct kpi_data *data, dag_t *tot,
		      double *schaal)
{
	struct store *st;
	char buf[64];
	int rc, leeg;

	rc = laad_pad_bestaat(cmd, db);
	if (rc != AFSLUIT_GOED)
		return rc;
	st = open_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	leeg = store_is_empty(st);
	if (leeg != 0) {
		if (leeg < 0)
			rc = fout(cmd, "database '%s': %s", db, store_error(st));
		else
			rc = fout(cmd, "database '%s' bevat nog geen regio; vul haar eerst, "
				  "bijvoorbeeld met: jeugdregie demo --db %s", db, db);
		store_close(st);
		return rc;
	}
	if (*tot == DAG_GEEN) {
		rc = store_meta_get(st, "demo.tot", buf, sizeof buf);
		if (rc < 0)
			goto fout_db;
		if (rc == 0 || datum_parse(buf, tot) < 0)
			*tot = vandaag();
	}
	if (schaal) {
		*schaal = 1.0;
		rc = store_meta_get(st, "demo.schaal", buf, sizeof buf);
		if (rc < 0)
			goto fout_db;
		if (rc == 1)
			*schaal = strtod(buf, NULL);
	}
	if (store_kpi_load(st, data) < 0)
		goto fout_db;
	store_close(st);
	return AFSLUIT_GOED;
fout_db:
	rc = fout(cmd, "database '%s': %s", db, store_error(st));
	store_close(st);
	return rc;
}

static const char kpi_hulp[] =
	"Gebruik: jeugdregie kpi [--db PAD] [--peildatum JJJJ-MM-DD] [--gemeente CODE] [--json]\n"
	"Kernindicatoren per gemeente en voor de regio op de peildatum (standaard de laatste\n"
	"dag van de demogegevens, anders vandaag). --json geeft een JSON-document met elke\n"
	"indicator; bedragen in eurocent, aandelen als getal met vier decimalen.\n";

static int cmd_kpi(int argc, char **argv)
{
	static const struct optie opties[] = {
		{ "--db", true }, { "--peildatum", true }, { "--gemeente", true }, { "--json", false },
	};
	const char *cmd = "kpi", *db = standaard_db(), *gemeente = NULL;
	dag_t peildatum = DAG_GEEN;
	bool json = false;
	struct kpi_data data;
	char err[ERR_LEN];
	int rc;
	const char *w[MAX_OPTIES];

	rc = lees_opties(cmd, opties, 4, kpi_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	if (w[1] && lees_datum(cmd, "--peildatum", w[1], &peildatum) < 0)
		return AFSLUIT_GEBRUIK;
	if (w[2] && lees_gemeente(cmd, w[2]) < 0)
		return AFSLUIT_GEBRUIK;
	gemeente = w[2];
	json = w[3] != NULL;

	rc = laad_regio(cmd, db, &data, &peildatum, NULL);
	if (rc != AFSLUIT_GOED)
		return rc;

	rc = AFSLUIT_GOED;
	if (gemeente) {
		bool gevonden = false;

		for (size_t k = 0; k < data.n_gemeenten; k++)
			if (strcmp(data.gemeenten[k].code, gemeente) == 0)
				gevonden = true;
		if (!gevonden) {
			char lijst[512];
			size_t used = 0;

			lijst[0] = '\0';
			for (size_t k = 0; k < data.n_gemeenten && used < sizeof lijst; k++) {
				int n = snprintf(lijst + used, sizeof lijst - used, "%s%s %s",
						 k ? ", " : "", data.gemeenten[k].code,
						 data.gemeenten[k].naam);
				if (n < 0)
					break;
				used += (size_t)n;
			}
			rc = gebruiksfout(cmd, "--gemeente %s komt niet voor in deze database; "
					  "bekend zijn: %s", gemeente, lijst);
		}
	}
	if (rc == AFSLUIT_GOED) {
		int r = json ? kpi_rapport_json(stdout, &data, peildatum, gemeente, err, sizeof err)
			     : kpi_rapport_tabel(stdout, &data, peildatum, gemeente, err, sizeof err);
		if (r < 0)
			rc = fout(cmd, "%s", err);
	}
	store_kpi_release(&data);
	return rc;
}

static const char migrate_hulp[] =
	"Gebruik: jeugdregie migrate [--db PAD]\n"
	"Opent de database (een nieuw bestand wordt aangemaakt), voert de\n"
	"ontbrekende migraties uit en toont de schemaversie.\n";

static int cmd_migrate(int argc, char **argv)
{
	static const struct optie opties[] = { { "--db", true } };
	const char *cmd = "migrate", *db = standaard_db();
	struct store *st;
	int rc;
	const char *w[MAX_OPTIES];

	rc = lees_opties(cmd, opties, 1, migrate_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	st = open_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	printf("database '%s': schemaversie %d (deze versie van jeugdregie kent t/m %d)\n",
	       db, store_schema_version(st), store_schema_newest());
	store_close(st);
	return AFSLUIT_GOED;
}

static int geen_opties(const char *cmd, int argc, char **argv)
{
	if (argc > 0)
		return gebruiksfout(cmd, "onverwacht argument '%s'; '%s' heeft geen opties",
				    argv[0], cmd);
	return AFSLUIT_GOED;
}

static const char kalibratie_hulp[] =
	"Gebruik: jeugdregie kalibratie [--db PAD]\n"
	"Meet de demoregio aan de eigen cijfers van de regio (2025): aantal jeugdigen met\n"
	"regionale jeugdhulp, ambulant, GGZ, \"1 op N\", cliëntkosten en wachttijden boven de\n"
	"Treeknorm. Sluit af met 0 als alle doelen binnen hun bereik vallen, anders met 3.\n";

static int cmd_kalibratie(int argc, char **argv)
{
	static const struct optie opties[] = { { "--db", true } };
	const char *cmd = "kalibratie", *db = standaard_db();
	struct kalibratie_doel doelen[KALIBRATIE_DOELEN];
	struct kpi_data data;
	dag_t tot = DAG_GEEN;
	double schaal;
	char err[ERR_LEN];
	int rc;
	const char *w[MAX_OPTIES];

	rc = lees_opties(cmd, opties, 1, kalibratie_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	rc = laad_regio(cmd, db, &data, &tot, &schaal);
	if (rc != AFSLUIT_GOED)
		return rc;
	if (kalibratie_meet(&data, schaal, tot, doelen, err, sizeof err) < 0)
		rc = fout(cmd, "%s", err);
	else if (!kalibratie_print(stdout, doelen))
		rc = AFSLUIT_KALIBRATIE;
	store_kpi_release(&data);
	return rc;
}

static const char copy_hulp[] =
	"Gebruik: jeugdregie copy --from BRON --to DOEL\n"
	"Kopieert een hele regio van de ene database naar een nieuwe, lege andere (SQLite-\n"
	"bestand of postgresql://...), in een transactie, en controleert daarna per tabel\n"
	"het aantal rijen en een controlegetal aan beide kanten. Bij een verschil wordt er\n"
	"niets vastgelegd.\n";

static const char checksum_hulp[] =
	"Gebruik: jeugdregie checksum [--db PAD]\n"
	"Toont per tabel het aantal rijen en een controlegetal dat niet afhangt van de\n"
	"volgorde of het databasetype: dezelfde gegevens geven op SQLite en PostgreSQL\n"
	"hetzelfde getal.\n";

static void print_controle(const struct tabel_controle *c, size_t n)
{
	printf("%-22s %12s  %s\n", "tabel", "rijen", "controlegetal");
	for (size_t k = 0; k < n; k++)
		printf("%-22s %12lld  %016llx\n", c[k].tabel, (long long)c[k].rijen,
		       (unsigned long long)c[k].som);
}

static int cmd_checksum(int argc, char **argv)
{
	static const struct optie opties[] = { { "--db", true } };
	const char *cmd = "checksum", *db = standaard_db();
	struct tabel_controle c[64];
	struct store *st;
	int rc = AFSLUIT_GOED;
	const char *w[MAX_OPTIES];

	rc = lees_opties(cmd, opties, 1, checksum_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	st = open_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	if (kopie_controle(st, c) < 0)
		rc = fout(cmd, "database '%s': %s", db, store_error(st));
	else
		print_controle(c, kopie_tabellen());
	store_close(st);
	return rc;
}

static int cmd_copy(int argc, char **argv)
{
	static const struct optie opties[] = { { "--from", true }, { "--to", true } };
	const char *cmd = "copy", *van = NULL, *naar = NULL;
	struct tabel_controle c[64];
	struct store *bron, *doel;
	char err[ERR_LEN];
	int rc = AFSLUIT_GOED;
	const char *w[MAX_OPTIES];

	rc = lees_opties(cmd, opties, 2, copy_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	van = w[0];
	naar = w[1];
	if (!van || !naar)
		return gebruiksfout(cmd, "geef zowel --from als --to, bijvoorbeeld: jeugdregie copy "
				    "--from jeugdregie.db --to postgresql://host/regio");
	if (strcmp(van, naar) == 0)
		return gebruiksfout(cmd, "--from en --to wijzen naar dezelfde database");
	rc = laad_pad_bestaat(cmd, van);
	if (rc != AFSLUIT_GOED)
		return rc;
	bron = open_store(cmd, van);
	if (!bron)
		return AFSLUIT_FOUT;
	doel = open_store(cmd, naar);
	if (!doel) {
		store_close(bron);
		return AFSLUIT_FOUT;
	}
	if (kopie_maak(bron, doel, c, err, sizeof err) < 0) {
		rc = fout(cmd, "%s", err);
	} else {
		print_controle(c, kopie_tabellen());
		fprintf(stderr, "jeugdregie copy: '%s' gekopieerd naar '%s'; alle tabellen gelijk\n",
			van, naar);
	}
	store_close(doel);
	store_close(bron);
	return rc;
}

static const char onbekende_opdracht[] =
	"onbekende opdracht '%s'; bekend zijn demo, kpi, kalibratie, copy, checksum, migrate, "
	"version en help";

static int cmd_help(int argc, char **argv)
{
	static char hulp_optie[] = "--help";
	char *hulp_argv[] = { hulp_optie, NULL };

	if (argc > 1)
		return gebruiksfout("help", "onverwacht argument '%s'; schrijf bijvoorbeeld "
				    "jeugdregie help kpi", argv[1]);
	/* "help kpi" is "kpi --help". */
	if (argc == 1 && strcmp(argv[0], "demo") == 0)
		return cmd_demo(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "kpi") == 0)
		return cmd_kpi(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "migrate") == 0)
		return cmd_migrate(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "kalibratie") == 0)
		return cmd_kalibratie(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "copy") == 0)
		return cmd_copy(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "checksum") == 0)
		return cmd_checksum(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "help") != 0 && strcmp(argv[0], "version") != 0)
		return gebruiksfout(NULL, onbekende_opdracht, argv[0]);
	fputs(hulp_tekst, stdout);
	return AFSLUIT_GOED;
}

int main(int argc, char **argv)
{
	const char *cmd;
	int rc;

	if (argc < 2)
		return gebruiksfout(NULL, "geen opdracht gegeven; bijvoorbeeld: jeugdregie demo, "
				    "jeugdregie kpi");
	cmd = argv[1];
	argc -= 2;
	argv += 2;
	if (strcmp(cmd, "demo") == 0)
		rc = cmd_demo(argc, argv);
	else if (strcmp(cmd, "kpi") == 0)
		rc = cmd_kpi(argc, argv);
	else if (strcmp(cmd, "kalibratie") == 0)
		rc = cmd_kalibratie(argc, argv);
	else if (strcmp(cmd, "copy") == 0)
		rc = cmd_copy(argc, argv);
	else if (strcmp(cmd, "checksum") == 0)
		rc = cmd_checksum(argc, argv);
	else if (strcmp(cmd, "migrate") == 0)
		rc = cmd_migrate(argc, argv);
	else if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
		rc = geen_opties("version", argc, argv);
		if (rc == AFSLUIT_GOED)
			printf("jeugdregie %s (databaseschema %d)\n", JEUGDREGIE_VERSIE,
			       store_schema_newest());
	} else if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 ||
		   strcmp(cmd, "-h") == 0) {
		rc = cmd_help(argc, argv);
	} else {
		return gebruiksfout(NULL, onbekende_opdracht, cmd);
	}
	/* Output that could not be written is a failure, not a success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "jeugdregie: schrijffout op de standaarduitvoer\n");
		if (rc == AFSLUIT_GOED)
			rc = AFSLUIT_FOUT;
	}
	return rc;
}
