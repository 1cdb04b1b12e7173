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
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "auth/pseudoniem.h"
#include "auth/rol.h"
#include "auth/token.h"
#include "auth/wachtwoord.h"
#include "demo/demo.h"
#include "domain/audit.h"
#include "domain/datum.h"
#include "domain/kpi.h"
#include "ijw/afhandel.h"
#include "ijw/bericht.h"
#include "ijw/intern.h"
#include "ijw/verwerk.h"
#include "ijw/envelop.h"
#include "ijw/xml.h"
#include "steer/kalibratie.h"
#include "steer/koppel_rapport.h"
#include "steer/kpi_rapport.h"
#include "steer/raad_duiding.h"
#include "steer/raadsrapport.h"
#include "store/apitoken.h"
#include "store/garp_store.h"
#include "store/kopie.h"
#include "store/koppel_store.h"
#include "store/maandcijfers_store.h"
#include "store/store.h"
#include "web/server.h"

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
	"  report    jaarrapportage van een gemeente aan de gemeenteraad (PDF)\n"
	"              --gemeente CODE         GM0546 of 0546\n"
	"              --pdf BESTAND           waar het rapport komt\n"
	"              --jaar JJJJ             standaard het laatste volledige jaar\n"
	"              --exact                 exacte aantallen (niet voor publicatie)\n"
	"              --db PAD\n"
	"  kalibratie  meet de demoregio aan de eigen cijfers van de regio over 2025\n"
	"              --db PAD\n"
	"  copy      kopieer een hele regio naar een nieuwe, lege database (bijv. PostgreSQL)\n"
	"              --from BRON --to DOEL    en controleer rijen en controlegetallen per tabel\n"
	"  checksum  rijen en controlegetal per tabel\n"
	"              --db PAD\n"
	"  match     koppel wachtende jeugdigen aan vrije plekken: voorstellen met uitleg\n"
	"              --db PAD  --peildatum JJJJ-MM-DD  --json\n"
	"  migrate   open de database, werk het schema bij en toon de schemaversie\n"
	"              --db PAD\n"
	"  serve     de webserver (HTTP): inloggen, gezondheid, gemeenten-API en startpagina\n"
	"              --db PAD                database (als bij demo; moet al bestaan)\n"
	"              --listen ADRES:POORT    standaard 127.0.0.1:8080; poort 0 = een vrije poort\n"
	"              --threads N             werkthreads, 1 tot en met 64 (standaard 4)\n"
	"            Stopt netjes op SIGTERM of Ctrl-C (afsluitcode 0).\n"
	"  user      gebruikers: add, list, disable, reset-password ('jeugdregie help user')\n"
	"  token     API-tokens voor systemen van een gemeente of aanbieder: add, list,\n"
	"            revoke ('jeugdregie help token')\n"
	"  audit     auditlog: verify (hashketen), zoek, inzage ('jeugdregie help audit')\n"
	"  ijw       iJw 3.2-berichten: validate BESTAND... controleert elk bericht tegen\n"
	"            het XSD ('jeugdregie help ijw')\n"
	"  cijfers   maandcijfers: herbouw (opnieuw opbouwen) en controleer (vergelijk met\n"
	"            een herberekening) ('jeugdregie help cijfers')\n"
	"  version   toon de versie van jeugdregie\n"
	"  help      deze tekst; 'jeugdregie help <opdracht>' voor een opdracht\n"
	"\n"
	"Afsluitcodes: 0 gelukt, 1 probleem met de database (of demo geweigerd, of een\n"
	"ongeldig iJw-bericht), 2 verkeerde opdracht of optie, 3 kalibratiedoel niet gehaald of auditketen gebroken.\n";

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
	"                         [--via-ijw]\n"
	"Vult een nieuwe, lege database met een verzonnen regio (alleen test-BSN's).\n"
	"Dezelfde seed en opties geven dezelfde database. Een database die al een regio\n"
	"bevat wordt geweigerd (afsluitcode 1): kies dan een ander bestand met --db.\n"
	"Met --via-ijw komt dezelfde regio tot stand via de iJw-keten: elke toewijzing\n"
	"als JW315 van de aanbieder die de gemeente honoreert (JW301), elke start en stop\n"
	"als JW305/JW307 en elke maanddeclaratie als JW323, alle door de gewone verwerking\n"
	"(trager; bedoeld voor een kleine --scale).\n";

static int cmd_demo(int argc, char **argv)
{
	static const struct optie opties[] = {
		{ "--db", true }, { "--seed", true }, { "--until", true }, { "--scale", true },
		{ "--via-ijw", false },
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

	rc = lees_opties(cmd, opties, 5, demo_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	o.via_ijw = w[4] != NULL;
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

/* Open db for a command that works on an existing database: refuses a
 * missing SQLite file (opening would create an empty one). NULL after
 * the message on stderr. */
static struct store *open_bestaande_store(const char *cmd, const char *db)
{
	if (laad_pad_bestaat(cmd, db) != AFSLUIT_GOED)
		return NULL;
	return open_store(cmd, db);
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

static const char report_hulp[] =
	"Gebruik: jeugdregie report --gemeente CODE --pdf BESTAND [--jaar JJJJ] [--db PAD]\n"
	"                           [--exact]\n"
	"De jaarrapportage van een gemeente aan de gemeenteraad als PDF (A4): de doelen van\n"
	"de regio voor 2030, de kernindicatoren tegen de regio en het jaar ervoor, grafieken,\n"
	"duiding en de kwaliteit van de gegevens. CODE: de CBS-code, GM0546 of 0546.\n"
	"--jaar: standaard het laatste volledige jaar; de peildatum is 31 december van dat\n"
	"jaar, of de laatste dag met gegevens als die eerder valt. Zonder --exact is het de\n"
	"openbare versie (aantallen onder 10 als <10, afgerond op 5); --exact geeft de\n"
	"vertrouwelijke versie met exacte aantallen.\n";

/* A gemeente code as GM0546, gm0546 or 0546: the four digits into out. */
static int lees_gemeentecode(const char *cmd, const char *s, char out[GEMEENTE_CODE_LEN])
{
	const char *c = (s[0] == 'G' || s[0] == 'g') && (s[1] == 'M' || s[1] == 'm') ? s + 2 : s;

	if (lees_gemeente(cmd, c) < 0)
		return -1;
	memcpy(out, c, GEMEENTE_CODE_LEN);
	return 0;
}

static int cmd_report(int argc, char **argv)
{
	static const struct optie opties[] = {
		{ "--db", true }, { "--gemeente", true }, { "--jaar", true }, { "--pdf", true },
		{ "--exact", false },
	};
	const char *cmd = "report", *db = standaard_db();
	char code[GEMEENTE_CODE_LEN], err[ERR_LEN];
	struct raad_invoer in = { 0 };
	struct raad_duidingen duidingen = { 0 };
	struct raad_cijfers *c = NULL;
	struct garp_gezin *gezinnen = NULL;
	struct kpi_data data;
	unsigned char *pdf = NULL;
	size_t len = 0;
	dag_t tot = DAG_GEEN;
	bool gevonden = false;
	FILE *f;
	int rc;
	const char *w[MAX_OPTIES];

	rc = lees_opties(cmd, opties, 5, report_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	if (!w[1])
		return gebruiksfout(cmd, "--gemeente ontbreekt; bijvoorbeeld --gemeente GM0546 "
				    "voor Leiden");
	if (!w[3])
		return gebruiksfout(cmd, "--pdf ontbreekt: het bestand om het rapport in te "
				    "schrijven, bijvoorbeeld --pdf raadsrapport.pdf");
	if (lees_gemeentecode(cmd, w[1], code) < 0)
		return AFSLUIT_GEBRUIK;
	if (w[2]) {
		char *eind;
		long j = strtol(w[2], &eind, 10);

		if (strlen(w[2]) != 4 || *eind || j < RAAD_EERSTE_JAAR)
			return gebruiksfout(cmd, "--jaar '%s' is geen jaar; schrijf vier cijfers, "
					    "%d of later, bijvoorbeeld --jaar 2025", w[2],
					    RAAD_EERSTE_JAAR);
		in.jaar = (int)j;
	}
	rc = laad_regio(cmd, db, &data, &tot, NULL);
	if (rc != AFSLUIT_GOED)
		return rc;
	for (size_t k = 0; k < data.n_gemeenten; k++)
		if (strcmp(data.gemeenten[k].code, code) == 0)
			gevonden = true;
	if (!gevonden) {
		rc = gebruiksfout(cmd, "gemeente %s hoort niet bij deze regio; 'jeugdregie kpi' "
				  "toont de gemeenten met hun code", w[1]);
		goto uit;
	}
	if (!w[2])
		in.jaar = raadsrapport_standaard_jaar(tot);
	if (raadsrapport_jaar_geldig(&data, in.jaar, tot, err, sizeof err) < 0) {
		rc = gebruiksfout(cmd, "--jaar: %s", err);
		goto uit;
	}
	{
		/* The family rows of the GARP goals (no names). */
		struct store *st = open_bestaande_store(cmd, db);

		if (!st) {
			rc = AFSLUIT_FOUT;
			goto uit;
		}
		if (store_garp_gezinnen(st, &gezinnen, &in.n_gezinnen) < 0 ||
		    raad_duidingen_laad(st, code, in.jaar, &duidingen) < 0) {
			rc = fout(cmd, "database '%s': %s", db, store_error(st));
			store_close(st);
			goto uit;
		}
		store_close(st);
	}
	in.duidingen = duidingen.lijst;
	in.n_duidingen = duidingen.n;
	in.gezinnen = gezinnen;
	in.data = &data;
	in.gemeente = code;
	in.data_tot = tot;
	in.exact_gemeente = in.exact_regio = w[4] != NULL;
	in.gemaakt = vandaag();
	c = malloc(sizeof *c);
	if (!c) {
		rc = fout(cmd, "onvoldoende geheugen");
		goto uit;
	}
	if (raadsrapport_bereken(&in, c, err, sizeof err) < 0 ||
	    raadsrapport_pdf(&in, c, &pdf, &len, err, sizeof err) < 0) {
		rc = fout(cmd, "%s", err);
		goto uit;
	}
	f = fopen(w[3], "wb");
	if (!f) {
		rc = fout(cmd, "kan '%s' niet schrijven: %s", w[3], strerror(errno));
		goto uit;
	}
	{
		bool geschreven = fwrite(pdf, 1, len, f) == len;

		if (fclose(f) != 0 || !geschreven) {
			rc = fout(cmd, "schrijffout in '%s'", w[3]);
			remove(w[3]);
			goto uit;
		}
	}
	fprintf(stderr, "jeugdregie report: %s, %d: '%s' (%zu bytes)\n", code, in.jaar, w[3], len);
uit:
	free(pdf);
	free(c);
	free(gezinnen);
	raad_duidingen_vrij(&duidingen);
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

/* ---- user and audit ------------------------------------------------------ */

#define WACHTWOORD_BUF (WACHTWOORD_MAX + 2)

/* The OS user behind a CLI change, for the audit record. */
static void cli_gebruiker(char *out, size_t n)
{
	const char *u = getlogin();

	if (!u || !*u)
		u = getenv("USER");
	if (!u || !*u)
		u = "cli";
	snprintf(out, n, "%.80s", u);
}

/* A 'beheer' record for a change made through the CLI. */
static int cli_audit(struct store *st, const char *object)
{
	struct audit_record r;

	memset(&r, 0, sizeof r);
	cli_gebruiker(r.gebruiker, sizeof r.gebruiker);
	snprintf(r.rol, sizeof r.rol, "cli");
	snprintf(r.actie, sizeof r.actie, "beheer");
	snprintf(r.object, sizeof r.object, "%.190s", object);
	return store_audit_append(st, &r);
}

static const char match_hulp[] =
	"Gebruik: jeugdregie match [--db PAD] [--peildatum JJJJ-MM-DD] [--json]\n"
	"Berekent een koppelronde: stelt voor welke wachtende jeugdige naar welke vrije plek\n"
	"kan (minimale kosten, met uitleg: waarom deze plek, de tweede keus en wat een andere\n"
	"keus kost), bewaart de ronde en toont de voorstellen en de totalen per gemeente.\n"
	"Er wordt niets toegewezen: een medewerker bevestigt een voorstel op /koppelen.\n"
	"De peildatum is standaard de laatste dag van de demo, anders vandaag.\n";

struct match_tx {
	dag_t peildatum;
	int64_t ronde, duur_us, los_us;
	struct koppel_ronde_rij r;
	struct koppel_voorstel_rij *v;
	size_t n;
};

static int match_tx(struct store *st, void *arg)
{
	struct match_tx *m = arg;
	struct store_scope alles = { .alles = true };
	char door[96], nu[21], object[160];
	int rc;

	free(m->v);
	m->v = NULL;
	m->n = 0;
	cli_gebruiker(door, sizeof door);
	store_nu_iso(nu);
	if ((rc = store_koppel_ronde(st, m->peildatum, door, nu, &m->ronde, &m->duur_us,
				     &m->los_us)) < 0 ||
	    (rc = store_koppel_ronde_laatste(st, &m->r)) < 0 ||
	    (rc = store_koppel_voorstellen(st, m->ronde, &alles, "", -1, &m->v, &m->n)) < 0)
		return rc;
	snprintf(object, sizeof object, "koppelen: ronde %lld berekend (%zu voorstellen)",
		 (long long)m->ronde, m->n);
	return cli_audit(st, object);
}

static int cmd_match(int argc, char **argv)
{
	static const struct optie opties[] = {
		{ "--db", true }, { "--peildatum", true }, { "--json", false },
	};
	const char *cmd = "match", *db = standaard_db(), *w[MAX_OPTIES];
	struct match_tx m = { .peildatum = DAG_GEEN };
	struct store *st;
	char buf[64], err[ERR_LEN];
	int rc, leeg;

	rc = lees_opties(cmd, opties, 3, match_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	if (w[1] && lees_datum(cmd, "--peildatum", w[1], &m.peildatum) < 0)
		return AFSLUIT_GEBRUIK;
	if ((rc = laad_pad_bestaat(cmd, db)) != AFSLUIT_GOED)
		return rc;
	if (!(st = open_store(cmd, db)))
		return AFSLUIT_FOUT;
	if ((leeg = store_is_empty(st)) != 0) {
		rc = leeg < 0 ? fout(cmd, "database '%s': %s", db, store_error(st))
			      : fout(cmd, "database '%s' bevat nog geen regio; vul haar eerst, "
				     "bijvoorbeeld met: jeugdregie demo --db %s", db, db);
		store_close(st);
		return rc;
	}
	if (m.peildatum == DAG_GEEN) {
		rc = store_meta_get(st, "demo.tot", buf, sizeof buf);
		if (rc < 0 || rc == 0 || datum_parse(buf, &m.peildatum) < 0)
			m.peildatum = vandaag();
	}
	if (store_transaction(st, match_tx, &m) < 0) {
		rc = fout(cmd, "database '%s': %s", db, store_error(st));
	} else if (w[2]) {
		struct json j;

		json_init(&j, stdout, true);
		json_object_begin(&j);
		koppel_rapport_json_ronde(&j, &m.r, m.v, m.n);
		json_key(&j, "oplos_us");
		json_int(&j, m.los_us);
		json_key(&j, "voorstellen");
		json_array_begin(&j);
		for (size_t i = 0; i < m.n; i++)
			koppel_rapport_json_voorstel(&j, &m.v[i]);
		json_array_end(&j);
		json_object_end(&j);
		rc = json_finish(&j, err, sizeof err) < 0 ? fout(cmd, "%s", err) : AFSLUIT_GOED;
		fputc('\n', stdout);
	} else {
		koppel_rapport_tekst(stdout, &m.r, m.v, m.n);
		rc = AFSLUIT_GOED;
	}
	free(m.v);
	store_close(st);
	return rc;
}

/* One line from f without its line end into buf; -1 when there is none
 * or it is too long. */
static int lees_regel(FILE *f, char *buf, size_t n)
{
	size_t len;

	if (!fgets(buf, (int)n, f))
		return -1;
	len = strlen(buf);
	if (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0';
	else if (!feof(f))
		return -1;
	if (len > 0 && buf[len - 1] == '\r')
		buf[--len] = '\0';
	return 0;
}

/* Ask on the terminal without echo. */
static int vraag_verborgen(const char *prompt, char *buf, size_t n)
{
	struct termios oud, stil;
	FILE *tty = fopen("/dev/tty", "r+");
	int rc;

	if (!tty)
		return -1;
	fputs(prompt, tty);
	fflush(tty);
	if (tcgetattr(fileno(tty), &oud) != 0) {
		fclose(tty);
		return -1;
	}
	stil = oud;
	stil.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(fileno(tty), TCSAFLUSH, &stil);
	rc = lees_regel(tty, buf, n);
	tcsetattr(fileno(tty), TCSAFLUSH, &oud);
	fputc('\n', tty);
	fclose(tty);
	return rc;
}

/* The new password: from stdin (one line) or asked twice on the terminal;
 * then the policy. Returns 0, or an exit code after a message. */
static int lees_nieuw_wachtwoord(const char *cmd, bool van_stdin, const char *naam, char *buf,
				 size_t n)
{
	char err[ERR_LEN];

	if (van_stdin) {
		if (lees_regel(stdin, buf, n) < 0)
			return gebruiksfout(cmd, "geen wachtwoord op de standaardinvoer gelezen (of "
					    "langer dan %d bytes)", WACHTWOORD_MAX);
	} else {
		char nogmaals[WACHTWOORD_BUF];
		int verschil;

		if (!isatty(STDIN_FILENO))
			return gebruiksfout(cmd, "geen terminal om het wachtwoord te vragen; geef "
					    "het op de standaardinvoer met --wachtwoord-stdin");
		if (vraag_verborgen("Nieuw wachtwoord: ", buf, n) < 0 ||
		    vraag_verborgen("Nogmaals: ", nogmaals, sizeof nogmaals) < 0)
			return gebruiksfout(cmd, "wachtwoord lezen van de terminal mislukt");
		verschil = strcmp(buf, nogmaals);
		explicit_bzero(nogmaals, sizeof nogmaals);
		if (verschil)
			return gebruiksfout(cmd, "de twee wachtwoorden verschillen");
	}
	if (wachtwoord_beleid(buf, naam, err, sizeof err) < 0)
		return gebruiksfout(cmd, "%s", err);
	return AFSLUIT_GOED;
}

static int lees_naam(const char *cmd, const char *naam)
{
	size_t len = strlen(naam);

	if (len > 95)
		return gebruiksfout(cmd, "gebruikersnaam te lang: %zu tekens, hoogstens 95", len);
	for (const unsigned char *p = (const unsigned char *)naam; *p; p++)
		if (*p < 0x21 || *p == 0x7F)
			return gebruiksfout(cmd, "gebruikersnaam '%s' bevat een spatie of stuurteken",
					    naam);
	return AFSLUIT_GOED;
}

static const char user_hulp[] =
	"Gebruik:\n"
	"  jeugdregie user add --naam NAAM --rol ROL [--gemeente CODE]... [--team ID]...\n"
	"                      [--aanbieder AGB] [--wachtwoord-stdin] [--db PAD]\n"
	"  jeugdregie user list [--db PAD]\n"
	"  jeugdregie user disable NAAM [--db PAD]\n"
	"  jeugdregie user reset-password NAAM [--wachtwoord-stdin] [--db PAD]\n"
	"Rollen: beheerder, regio, beleid (zonder scope); gemeente (een of meer --gemeente);\n"
	"lokaal_team (een of meer --team); aanbieder (precies een --aanbieder).\n"
	"Zonder --wachtwoord-stdin wordt het wachtwoord twee keer gevraagd (zonder echo).\n"
	"Wachtwoorden: minstens 12 tekens, niet een en hetzelfde teken, niet de naam.\n"
	"Elke wijziging komt in het auditlog (actie 'beheer').\n";

struct user_add_werk {
	struct gebruiker *g;
};

static int user_add_tx(struct store *st, void *arg)
{
	struct user_add_werk *w = arg;
	char object[200];
	int rc = store_gebruiker_add(st, w->g);

	if (rc < 0)
		return rc;
	snprintf(object, sizeof object, "gebruiker %s toegevoegd (rol %s)", w->g->naam, w->g->rol);
	return cli_audit(st, object);
}

static int cmd_user_add(int argc, char **argv)
{
	static const struct optie opties[] = {
		{ "--db", true }, { "--naam", true }, { "--rol", true }, { "--gemeente", true },
		{ "--team", true }, { "--aanbieder", true }, { "--wachtwoord-stdin", false },
	};
	const char *cmd = "user add", *db = standaard_db(), *naam = NULL, *rol = NULL, *waarde;
	static struct gebruiker g;
	char wachtwoord[WACHTWOORD_BUF], err[ERR_LEN];
	bool van_stdin = false;
	struct user_add_werk w = { &g };
	struct store *st;
	size_t idx;
	int i = 0, rc;

	memset(&g, 0, sizeof g);
	for (;;) {
		enum optie_uitslag u = volgende_optie(cmd, opties, 7, argc, argv, &i, &idx, &waarde);

		if (u == OPTIE_KLAAR)
			break;
		if (u == OPTIE_HULP) {
			fputs(user_hulp, stdout);
			return AFSLUIT_GOED;
		}
		if (u == OPTIE_FOUT)
			return AFSLUIT_GEBRUIK;
		if (idx == 0) {
			db = waarde;
		} else if (idx == 1) {
			naam = waarde;
		} else if (idx == 2) {
			rol = waarde;
		} else if (idx == 6) {
			van_stdin = true;
		} else {
			static const char *const soort[] = { "gemeente", "lokaal_team", "aanbieder" };
			struct gebruiker_scope *s;

			if (g.n_scopes == GEBRUIKER_SCOPES_MAX)
				return gebruiksfout(cmd, "te veel scopes: hoogstens %d",
						    GEBRUIKER_SCOPES_MAX);
			if (strlen(waarde) >= sizeof s->waarde)
				return gebruiksfout(cmd, "%s '%s' is te lang", opties[idx].naam, waarde);
			s = &g.scopes[g.n_scopes++];
			snprintf(s->soort, sizeof s->soort, "%s", soort[idx - 3]);
			snprintf(s->waarde, sizeof s->waarde, "%s", waarde);
		}
	}
	if (!naam)
		return gebruiksfout(cmd, "--naam ontbreekt; bijvoorbeeld: jeugdregie user add "
				    "--naam j.jansen --rol regio");
	if (!rol)
		return gebruiksfout(cmd, "--rol ontbreekt; kies uit beheerder, regio, gemeente, "
				    "lokaal_team, aanbieder, beleid");
	if ((rc = lees_naam(cmd, naam)) != AFSLUIT_GOED)
		return rc;
	if (rol_scopes_controle(rol, g.scopes, g.n_scopes, err, sizeof err) < 0)
		return gebruiksfout(cmd, "%s", err);
	snprintf(g.naam, sizeof g.naam, "%s", naam);
	snprintf(g.rol, sizeof g.rol, "%s", rol);
	g.actief = true;
	rc = lees_nieuw_wachtwoord(cmd, van_stdin, naam, wachtwoord, sizeof wachtwoord);
	if (rc == AFSLUIT_GOED && wachtwoord_hash(wachtwoord, g.wachtwoord_hash, err, sizeof err) < 0)
		rc = fout(cmd, "%s", err);
	explicit_bzero(wachtwoord, sizeof wachtwoord);
	if (rc != AFSLUIT_GOED)
		return rc;
	st = open_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	if (store_transaction(st, user_add_tx, &w) < 0)
		rc = fout(cmd, "%s", store_error(st));
	else
		fprintf(stderr, "jeugdregie user add: gebruiker '%s' toegevoegd (rol %s)\n", g.naam,
			g.rol);
	store_close(st);
	return rc;
}

static void scope_tekst(const struct gebruiker *g, char *out, size_t n)
{
	size_t o = 0;

	out[0] = '\0';
	for (int k = 0; k < g->n_scopes && o < n; k++) {
		const char *s = g->scopes[k].soort;
		int w = snprintf(out + o, n - o, "%s%s %s", k ? ", " : "",
				 strcmp(s, "lokaal_team") == 0 ? "team" : s, g->scopes[k].waarde);

		if (w < 0)
			break;
		o += (size_t)w;
	}
	if (!out[0])
		snprintf(out, n, "-");
}

static int cmd_user_list(int argc, char **argv)
{
	static const struct optie opties[] = { { "--db", true } };
	const char *cmd = "user list", *db = standaard_db();
	struct gebruiker *lijst = NULL;
	struct store *st;
	const char *w[MAX_OPTIES];
	int rc, n;

	rc = lees_opties(cmd, opties, 1, user_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	st = open_bestaande_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	n = store_gebruiker_list(st, &lijst);
	if (n < 0) {
		rc = fout(cmd, "%s", store_error(st));
	} else {
		printf("%-24s %-12s %-30s %-6s %s\n", "naam", "rol", "scope", "actief",
		       "laatst gewijzigd");
		for (int k = 0; k < n; k++) {
			char scope[512];

			scope_tekst(&lijst[k], scope, sizeof scope);
			printf("%-24s %-12s %-30s %-6s %s\n", lijst[k].naam, lijst[k].rol, scope,
			       lijst[k].actief ? "ja" : "nee", lijst[k].laatst_gewijzigd);
		}
		rc = AFSLUIT_GOED;
	}
	free(lijst);
	store_close(st);
	return rc;
}

struct user_wijzig_werk {
	const char *naam;
	const char *hash;   /* NULL: disable */
	int gevonden;
};

static int user_wijzig_tx(struct store *st, void *arg)
{
	struct user_wijzig_werk *w = arg;
	char object[200];
	int rc = w->hash ? store_gebruiker_set_wachtwoord(st, w->naam, w->hash)
			 : store_gebruiker_disable(st, w->naam);

	w->gevonden = rc;
	if (rc <= 0)
		return rc;
	snprintf(object, sizeof object, "gebruiker %s %s", w->naam,
		 w->hash ? "wachtwoord opnieuw ingesteld" : "uitgeschakeld, sessies beëindigd");
	return cli_audit(st, object);
}

/* "user disable NAAM" / "user reset-password NAAM": the name first. */
static int cmd_user_wijzig(const char *cmd, bool reset, int argc, char **argv)
{
	static const struct optie opties[] = { { "--db", true }, { "--wachtwoord-stdin", false } };
	const char *db = standaard_db(), *naam;
	char wachtwoord[WACHTWOORD_BUF], hash[WACHTWOORD_HASH_LEN], err[ERR_LEN];
	struct user_wijzig_werk w = { 0 };
	const char *v[MAX_OPTIES];
	struct store *st;
	int rc;

	if (argc > 0 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
		fputs(user_hulp, stdout);
		return AFSLUIT_GOED;
	}
	if (argc == 0 || strncmp(argv[0], "--", 2) == 0)
		return gebruiksfout(cmd, "geef de gebruikersnaam, bijvoorbeeld: jeugdregie %s "
				    "j.jansen", cmd);
	naam = argv[0];
	rc = lees_opties(cmd, opties, reset ? 2 : 1, user_hulp, argc - 1, argv + 1, v);
	if (rc >= 0)
		return rc;
	if (v[0])
		db = v[0];
	if ((rc = lees_naam(cmd, naam)) != AFSLUIT_GOED)
		return rc;
	if (reset) {
		rc = lees_nieuw_wachtwoord(cmd, v[1] != NULL, naam, wachtwoord, sizeof wachtwoord);
		if (rc == AFSLUIT_GOED && wachtwoord_hash(wachtwoord, hash, err, sizeof err) < 0)
			rc = fout(cmd, "%s", err);
		explicit_bzero(wachtwoord, sizeof wachtwoord);
		if (rc != AFSLUIT_GOED)
			return rc;
		w.hash = hash;
	}
	w.naam = naam;
	st = open_bestaande_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	if (store_transaction(st, user_wijzig_tx, &w) < 0)
		rc = fout(cmd, "%s", store_error(st));
	else if (w.gevonden == 0)
		rc = fout(cmd, "onbekende gebruiker '%s'", naam);
	else
		fprintf(stderr, "jeugdregie %s: gebruiker '%s' %s\n", cmd, naam,
			reset ? "heeft een nieuw wachtwoord" : "is uitgeschakeld");
	store_close(st);
	return rc;
}

static int cmd_user(int argc, char **argv)
{
	if (argc == 0)
		return gebruiksfout("user", "geef een deelopdracht: add, list, disable of "
				    "reset-password");
	if (strcmp(argv[0], "add") == 0)
		return cmd_user_add(argc - 1, argv + 1);
	if (strcmp(argv[0], "list") == 0)
		return cmd_user_list(argc - 1, argv + 1);
	if (strcmp(argv[0], "disable") == 0)
		return cmd_user_wijzig("user disable", false, argc - 1, argv + 1);
	if (strcmp(argv[0], "reset-password") == 0)
		return cmd_user_wijzig("user reset-password", true, argc - 1, argv + 1);
	if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		fputs(user_hulp, stdout);
		return AFSLUIT_GOED;
	}
	return gebruiksfout("user", "onbekende deelopdracht '%s'; bekend zijn add, list, disable "
			    "en reset-password", argv[0]);
}

/* ---- API tokens ------------------------------------------------------------ */

static const char token_hulp[] =
	"Gebruik:\n"
	"  jeugdregie token add --naam NAAM (--gemeente CODE | --aanbieder AGB) [--db PAD]\n"
	"      maak een API-token voor het systeem van een gemeente (CBS-code, bijv. 0546)\n"
	"      of een aanbieder (AGB-code, acht cijfers). Het token staat EENMAAL op de\n"
	"      standaarduitvoer: bewaar het meteen, de database houdt alleen een hash.\n"
	"      Gebruik: Authorization: Bearer TOKEN bij /api/v1/...\n"
	"  jeugdregie token list [--db PAD]\n"
	"      naam, scope, aangemaakt en ingetrokken van elk token (nooit het token)\n"
	"  jeugdregie token revoke --naam NAAM [--db PAD]\n"
	"      trek het geldige token met die naam in; het werkt direct niet meer\n"
	"Een naam hoort bij hoogstens een geldig token. Elke wijziging komt in het\n"
	"auditlog (actie 'beheer').\n";

struct token_werk {
	struct api_token *t;   /* add */
	const char *naam;      /* revoke */
	int gevonden;
};

static int token_add_tx(struct store *st, void *arg)
{
	struct token_werk *w = arg;
	char object[200];
	int rc = store_api_token_nieuw(st, w->t);

	if (rc < 0)
		return rc;
	snprintf(object, sizeof object, "API-token %s toegevoegd (%s %s)", w->t->naam,
		 w->t->soort, w->t->waarde);
	return cli_audit(st, object);
}

static int cmd_token_add(int argc, char **argv)
{
	static const struct optie opties[] = {
		{ "--db", true }, { "--naam", true }, { "--gemeente", true }, { "--aanbieder", true },
	};
	const char *cmd = "token add", *db = standaard_db();
	struct api_token t;
	struct gebruiker_scope scope;
	struct token_werk w = { &t, NULL, 0 };
	char token[TOKEN_LEN + 1], err[ERR_LEN];
	const char *v[MAX_OPTIES];
	struct store *st;
	int rc;

	rc = lees_opties(cmd, opties, 4, token_hulp, argc, argv, v);
	if (rc >= 0)
		return rc;
	if (v[0])
		db = v[0];
	if (!v[1])
		return gebruiksfout(cmd, "--naam ontbreekt; bijvoorbeeld: jeugdregie token add "
				    "--naam leiden-bi --gemeente 0546");
	if ((rc = lees_naam(cmd, v[1])) != AFSLUIT_GOED)
		return rc;
	if (!v[2] == !v[3])
		return gebruiksfout(cmd, "geef precies een van --gemeente CODE en --aanbieder AGB: "
				    "een token hoort bij een gemeente of bij een aanbieder");
	memset(&t, 0, sizeof t);
	memset(&scope, 0, sizeof scope);
	snprintf(t.soort, sizeof t.soort, "%s", v[2] ? "gemeente" : "aanbieder");
	if (strlen(v[2] ? v[2] : v[3]) >= sizeof t.waarde)
		return gebruiksfout(cmd, "--%s '%s' is te lang", t.soort, v[2] ? v[2] : v[3]);
	snprintf(t.waarde, sizeof t.waarde, "%s", v[2] ? v[2] : v[3]);
	/* The same form checks as for a user with that scope. */
	snprintf(scope.soort, sizeof scope.soort, "%s", t.soort);
	snprintf(scope.waarde, sizeof scope.waarde, "%s", t.waarde);
	if (rol_scopes_controle(t.soort, &scope, 1, err, sizeof err) < 0)
		return gebruiksfout(cmd, "%s", err);
	snprintf(t.naam, sizeof t.naam, "%s", v[1]);
	st = open_bestaande_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	token_maak(token);
	token_hash(token, t.token_hash);
	store_nu_iso(t.aangemaakt);
	if (store_transaction(st, token_add_tx, &w) < 0) {
		rc = fout(cmd, "%s", store_error(st));
	} else {
		/* The only time the token is shown: stdout, so that a script can
		 * take it; the explanation goes to stderr. */
		printf("%s\n", token);
		fprintf(stderr, "jeugdregie token add: API-token '%s' gemaakt voor %s %s.\n"
			"Bewaar het token hierboven nu: het wordt niet opnieuw getoond (de database "
			"houdt alleen een hash).\nGebruik: Authorization: Bearer TOKEN\n", t.naam,
			t.soort, t.waarde);
		rc = AFSLUIT_GOED;
	}
	explicit_bzero(token, sizeof token);
	store_close(st);
	return rc;
}

static int cmd_token_list(int argc, char **argv)
{
	static const struct optie opties[] = { { "--db", true } };
	const char *cmd = "token list", *db = standaard_db();
	struct api_token *lijst = NULL;
	const char *v[MAX_OPTIES];
	struct store *st;
	int rc, n;

	rc = lees_opties(cmd, opties, 1, token_hulp, argc, argv, v);
	if (rc >= 0)
		return rc;
	if (v[0])
		db = v[0];
	st = open_bestaande_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	n = store_api_token_list(st, &lijst);
	if (n < 0) {
		rc = fout(cmd, "%s", store_error(st));
	} else {
		printf("%-24s %-22s %-21s %s\n", "naam", "scope", "aangemaakt", "ingetrokken");
		for (int k = 0; k < n; k++) {
			char scope[40];

			snprintf(scope, sizeof scope, "%s %s", lijst[k].soort, lijst[k].waarde);
			printf("%-24s %-22s %-21s %s\n", lijst[k].naam, scope, lijst[k].aangemaakt,
			       lijst[k].ingetrokken[0] ? lijst[k].ingetrokken : "-");
		}
		rc = AFSLUIT_GOED;
	}
	free(lijst);
	store_close(st);
	return rc;
}

static int token_revoke_tx(struct store *st, void *arg)
{
	struct token_werk *w = arg;
	char object[200];
	int rc = store_api_token_intrekken_naam(st, w->naam);

	w->gevonden = rc;
	if (rc <= 0)
		return rc;
	snprintf(object, sizeof object, "API-token %s ingetrokken", w->naam);
	return cli_audit(st, object);
}

static int cmd_token_revoke(int argc, char **argv)
{
	static const struct optie opties[] = { { "--db", true }, { "--naam", true } };
	const char *cmd = "token revoke", *db = standaard_db();
	struct token_werk w = { NULL, NULL, 0 };
	const char *v[MAX_OPTIES];
	struct store *st;
	int rc;

	rc = lees_opties(cmd, opties, 2, token_hulp, argc, argv, v);
	if (rc >= 0)
		return rc;
	if (v[0])
		db = v[0];
	if (!v[1])
		return gebruiksfout(cmd, "--naam ontbreekt; bijvoorbeeld: jeugdregie token revoke "
				    "--naam leiden-bi (zie jeugdregie token list)");
	if ((rc = lees_naam(cmd, v[1])) != AFSLUIT_GOED)
		return rc;
	w.naam = v[1];
	st = open_bestaande_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	if (store_transaction(st, token_revoke_tx, &w) < 0)
		rc = fout(cmd, "%s", store_error(st));
	else if (w.gevonden == 0)
		rc = fout(cmd, "geen geldig API-token met de naam '%s' (zie jeugdregie token list)",
			  w.naam);
	else
		fprintf(stderr, "jeugdregie token revoke: API-token '%s' is ingetrokken\n", w.naam);
	store_close(st);
	return rc;
}

static int cmd_token(int argc, char **argv)
{
	if (argc == 0)
		return gebruiksfout("token", "geef een deelopdracht: add, list of revoke");
	if (strcmp(argv[0], "add") == 0)
		return cmd_token_add(argc - 1, argv + 1);
	if (strcmp(argv[0], "list") == 0)
		return cmd_token_list(argc - 1, argv + 1);
	if (strcmp(argv[0], "revoke") == 0)
		return cmd_token_revoke(argc - 1, argv + 1);
	if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		fputs(token_hulp, stdout);
		return AFSLUIT_GOED;
	}
	return gebruiksfout("token", "onbekende deelopdracht '%s'; bekend zijn add, list en "
			    "revoke", argv[0]);
}

static const char audit_hulp[] =
	"Gebruik:\n"
	"  jeugdregie audit verify [--db PAD]\n"
	"      controleer de hashketen van het auditlog; afsluitcode 0 als die intact is,\n"
	"      3 met het eerste gebroken record en de reden\n"
	"  jeugdregie audit zoek [--jeugdige ID] [--gebruiker NAAM] [--van JJJJ-MM-DD]\n"
	"                        [--tot JJJJ-MM-DD] [--csv] [--db PAD]\n"
	"  jeugdregie audit inzage --jeugdige ID [--db PAD]\n"
	"      wie heeft het dossier van deze jeugdige ingezien of gewijzigd (voor de\n"
	"      jeugdige of ouder die daarom vraagt)\n";

#define AUDIT_PAGINA 256

static int cmd_audit_verify(int argc, char **argv)
{
	static const struct optie opties[] = { { "--db", true } };
	const char *cmd = "audit verify", *db = standaard_db();
	static struct audit_record pagina[AUDIT_PAGINA];
	static struct audit_controle c;
	char kop_hash[HASH_HEX_LEN + 1];
	int64_t na = 0, kop_id = -1;
	struct store *st;
	const char *w[MAX_OPTIES];
	int rc, n = 0, kop;

	rc = lees_opties(cmd, opties, 1, audit_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	st = open_bestaande_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	audit_controle_begin(&c);
	/* One snapshot: the head and the records belong together. */
	rc = store_begin_read(st);
	kop = rc < 0 ? rc : store_audit_kop(st, &kop_id, kop_hash);
	if (kop == 0)
		kop_id = -1;
	rc = kop < 0 ? kop : 0;
	while (rc == 0 && (n = store_audit_pagina(st, na, pagina, AUDIT_PAGINA)) > 0) {
		for (int k = 0; k < n && rc == 0; k++)
			rc = audit_controle_volgende(&c, &pagina[k]) ? 1 : 0;
		na = pagina[n - 1].id;
		if (rc == 1)
			break;
	}
	if (rc == 0 && n < 0)
		rc = n;
	if (rc < 0) {
		rc = fout(cmd, "database '%s': %s", db, store_error(st));
		store_rollback(st);
		store_close(st);
		return rc;
	}
	store_commit(st);
	store_close(st);
	if (audit_controle_einde(&c, kop_id, kop_hash)) {
		fprintf(stderr, "jeugdregie audit verify: keten gebroken bij record %lld (%s): %s\n",
			(long long)c.gebroken_id, audit_breuk_naam(c.soort), c.reden);
		printf("keten gebroken bij record %lld: %s\n", (long long)c.gebroken_id, c.reden);
		return AFSLUIT_KALIBRATIE;
	}
	printf("keten intact: %lld records\n", (long long)c.n);
	return AFSLUIT_GOED;
}

static int lees_jeugdige(const char *cmd, const char *s, int64_t *id)
{
	char *end;
	long long v;

	errno = 0;
	if (strspn(s, "0123456789") == strlen(s)) {
		v = strtoll(s, &end, 10);
		if (errno == 0 && !*end && v > 0) {
			*id = v;
			return 0;
		}
	}
	gebruiksfout(cmd, "--jeugdige '%s' is geen id van een jeugdige (een positief geheel getal)",
		     s);
	return -1;
}

/* A CSV field: quoted when it holds a separator, quote or line end. */
static void csv_veld(const char *v, bool laatste)
{
	if (strpbrk(v, ",\"\r\n")) {
		putchar('"');
		for (const char *p = v; *p; p++) {
			if (*p == '"')
				putchar('"');
			putchar(*p);
		}
		putchar('"');
	} else {
		fputs(v, stdout);
	}
	putchar(laatste ? '\n' : ',');
}

static int cmd_audit_zoek(const char *cmd, bool inzage, int argc, char **argv)
{
	static const struct optie opties[] = {
		{ "--db", true }, { "--jeugdige", true }, { "--gebruiker", true }, { "--van", true },
		{ "--tot", true }, { "--csv", false },
	};
	const char *db = standaard_db();
	static struct audit_record pagina[AUDIT_PAGINA];
	char pseudoniem[HASH_HEX_LEN + 1];
	struct audit_filter f = { 0 };
	int64_t jeugdige = 0, na = 0, totaal = 0;
	dag_t van = DAG_GEEN, tot = DAG_GEEN;
	struct store *st;
	const char *w[MAX_OPTIES];
	bool csv;
	int rc, n;

	rc = lees_opties(cmd, opties, inzage ? 2 : 6, audit_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	if (inzage && !w[1])
		return gebruiksfout(cmd, "--jeugdige ontbreekt; bijvoorbeeld: jeugdregie audit "
				    "inzage --jeugdige 1234");
	if (w[1] && lees_jeugdige(cmd, w[1], &jeugdige) < 0)
		return AFSLUIT_GEBRUIK;
	if ((w[3] && lees_datum(cmd, "--van", w[3], &van) < 0) ||
	    (w[4] && lees_datum(cmd, "--tot", w[4], &tot) < 0))
		return AFSLUIT_GEBRUIK;
	if (van != DAG_GEEN && tot != DAG_GEEN && tot < van)
		return gebruiksfout(cmd, "--tot %s ligt voor --van %s", w[4], w[3]);
	csv = w[5] != NULL;
	f.gebruiker = w[2];
	f.van = w[3];
	f.tot = w[4];
	st = open_bestaande_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	if (jeugdige) {
		/* The youth appears in the log only by pseudonym. */
		if (pseudoniem_van(st, jeugdige, pseudoniem) < 0) {
			rc = fout(cmd, "database '%s': %s", db, store_error(st));
			store_close(st);
			return rc;
		}
		f.pseudoniem = pseudoniem;
	}
	if (inzage)
		printf("Inzage in het dossier van jeugdige %lld: wie heeft het bekeken of "
		       "gewijzigd\n\n%-20s  %-20s  %-12s  %-20s  %s\n", (long long)jeugdige,
		       "tijdstip (UTC)", "gebruiker", "rol", "namens", "actie");
	else if (csv)
		printf("id,tijdstip,gebruiker,rol,namens,jeugdige_pseudoniem,actie,object,"
		       "bron_adres,verzoek_id\n");
	else
		printf("%-6s  %-20s  %-16s  %-10s  %-10s  %s\n", "id", "tijdstip (UTC)", "gebruiker",
		       "rol", "actie", "object");
	rc = AFSLUIT_GOED;
	while ((n = store_audit_zoek(st, &f, na, pagina, AUDIT_PAGINA)) > 0) {
		for (int k = 0; k < n; k++) {
			const struct audit_record *r = &pagina[k];
			char id[24];

			if (inzage) {
				printf("%-20s  %-20s  %-12s  %-20s  %s\n", r->tijdstip, r->gebruiker,
				       r->rol, r->namens[0] ? r->namens : "-", r->actie);
			} else if (csv) {
				snprintf(id, sizeof id, "%lld", (long long)r->id);
				csv_veld(id, false);
				csv_veld(r->tijdstip, false);
				csv_veld(r->gebruiker, false);
				csv_veld(r->rol, false);
				csv_veld(r->namens, false);
				csv_veld(r->jeugdige_pseudoniem, false);
				csv_veld(r->actie, false);
				csv_veld(r->object, false);
				csv_veld(r->bron_adres, false);
				csv_veld(r->verzoek_id, true);
			} else {
				printf("%-6lld  %-20s  %-16s  %-10s  %-10s  %s\n", (long long)r->id,
				       r->tijdstip, r->gebruiker, r->rol, r->actie, r->object);
			}
		}
		totaal += n;
		na = pagina[n - 1].id;
	}
	if (n < 0)
		rc = fout(cmd, "database '%s': %s", db, store_error(st));
	else if (inzage)
		printf("\n%lld keer\n", (long long)totaal);
	store_close(st);
	return rc;
}

static int cmd_audit(int argc, char **argv)
{
	if (argc == 0)
		return gebruiksfout("audit", "geef een deelopdracht: verify, zoek of inzage");
	if (strcmp(argv[0], "verify") == 0)
		return cmd_audit_verify(argc - 1, argv + 1);
	if (strcmp(argv[0], "zoek") == 0)
		return cmd_audit_zoek("audit zoek", false, argc - 1, argv + 1);
	if (strcmp(argv[0], "inzage") == 0)
		return cmd_audit_zoek("audit inzage", true, argc - 1, argv + 1);
	if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		fputs(audit_hulp, stdout);
		return AFSLUIT_GOED;
	}
	return gebruiksfout("audit", "onbekende deelopdracht '%s'; bekend zijn verify, zoek en "
			    "inzage", argv[0]);
}

static const char serve_hulp[] =
	"Gebruik: jeugdregie serve [--db PAD] [--listen ADRES:POORT] [--threads N]\n"
	"Serveert de database over HTTP op een IPv4-adres (standaard 127.0.0.1:8080;\n"
	"poort 0 kiest een vrije poort, die bij het starten wordt gemeld). Een\n"
	"SQLite-database moet al bestaan (maak er een met jeugdregie demo).\n"
	"Gebruikers loggen in op /inloggen (maak ze met jeugdregie user add). Op een\n"
	"loopback-adres (127.x.x.x) zijn de cookies zonder Secure, omdat de server daar\n"
	"over gewoon HTTP bereikt wordt; op elk ander adres hoort er een TLS-proxy voor.\n"
	"Stopt op SIGTERM of Ctrl-C: nieuwe verbindingen worden geweigerd, lopende\n"
	"verzoeken worden afgemaakt, dan afsluitcode 0.\n";

static int lees_threads(const char *cmd, const char *s, unsigned *out)
{
	unsigned long v;

	if (strlen(s) > 3 || strspn(s, "0123456789") != strlen(s) ||
	    (v = strtoul(s, NULL, 10)) < 1 || v > SERVER_THREADS_MAX) {
		gebruiksfout(cmd, "--threads '%s' is geen getal van 1 tot en met %d; "
			     "bijvoorbeeld --threads 4", s, SERVER_THREADS_MAX);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

static int cmd_serve(int argc, char **argv)
{
	static const struct optie opties[] = {
		{ "--db", true }, { "--listen", true }, { "--threads", true },
	};
	const char *cmd = "serve", *db = standaard_db(), *pad;
	struct server_opties o = { .threads = SERVER_THREADS_STANDAARD };
	char err[ERR_LEN];
	const char *w[MAX_OPTIES];
	int rc;

	rc = lees_opties(cmd, opties, 3, serve_hulp, argc, argv, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	if (server_lees_listen(w[1] ? w[1] : "127.0.0.1:8080", &o, err, sizeof err) < 0)
		return gebruiksfout(cmd, "%s", err);
	if (w[2] && lees_threads(cmd, w[2], &o.threads) < 0)
		return AFSLUIT_GEBRUIK;
	/* Serving a mistyped path must not create an empty database. */
	pad = sqlite_pad(db);
	if (pad) {
		struct stat sb;

		if (!*pad || stat(pad, &sb) != 0)
			return fout(cmd, "database '%s' bestaat niet; maak er een met "
				    "jeugdregie demo --db %s", db, *pad ? pad : "PAD");
	}
	o.db = db;
	if (server_draai(&o, err, sizeof err) < 0)
		return fout(cmd, "%s", err);
	return AFSLUIT_GOED;
}

/* ---- iJw messages ----------------------------------------------------------- */

static const char ijw_hulp[] =
	"Gebruik:\n"
	"  jeugdregie ijw validate BESTAND...\n"
	"      lees elk bestand als iJw 3.2-bericht (JW301 ... JW325), herken het aan het\n"
	"      hoofdelement Bericht en de namespace, en controleer het tegen het XSD van\n"
	"      dat bericht (in het programma ingebouwd; er wordt niets van het netwerk of\n"
	"      van schijf gehaald). Een geldig bestand geeft een regel\n"
	"        BESTAND: geldig (JW301)\n"
	"      een ongeldig bestand een regel per bevinding\n"
	"        CODE BESTAND:REGEL PAD: MELDING\n"
	"      met CODE XSD (niet welgevormd, DOCTYPE, geen iJw-bericht of niet volgens\n"
	"      het XSD), OP179 (groter dan 25 MB) of OP192 (geen UTF-8, of een BOM);\n"
	"      een bericht dat het XSD doorstaat, wordt daarna getoetst aan de regels\n"
	"      binnen het bericht (controleniveau 2, TR/CD/CS, retourcode 0001) voor de\n"
	"      berichten die de gemeente ontvangt (305, 307, 315, 317, 323); CODE is dan\n"
	"      de regelcode, bijvoorbeeld CS003. Regels die de database nodig hebben\n"
	"      (controleniveau 3 en 4) toetst validate niet.\n"
	"      Afsluitcode 0 als alle bestanden geldig zijn, 1 bij een bevinding,\n"
	"      2 als een bestand ontbreekt of niet te lezen is.\n"
	"  jeugdregie ijw import --db PAD [--retour MAP] [--vandaag JJJJ-MM-DD] [--reeks N]\n"
	"                        BESTAND...\n"
	"      verwerk elk bestand als ontvangen bericht van een aanbieder (302, 305, 307,\n"
	"      315, 317, 320, 323): XSD, de regels van de standaard, toepassen op het\n"
	"      register (start, stop, declaratie, verzoek), het retourbericht maken en\n"
	"      alles in de inbox bewaren. Elk bericht gaat er helemaal of niet in; de\n"
	"      bestanden worden per reeks van N (standaard 256, hoogstens 256) in een\n"
	"      transactie vastgelegd, en de uitkomst van een bestand komt pas na die\n"
	"      vastlegging. Een bericht waarop de database faalt blijft buiten zijn\n"
	"      reeks; de rest gaat door. Valt het programma midden in een reeks weg,\n"
	"      dan is die hele reeks er niet en kan dezelfde opdracht gewoon opnieuw.\n"
	"      --reeks 1 legt elk bericht apart vast (langzamer). Hetzelfde bericht\n"
	"      nog eens (zelfde Afzender, Identificatie en soort, TR056) krijgt het\n"
	"      bewaarde retourbericht en verandert niets. Per bestand een regel\n"
	"        BESTAND: SOORT STATUS [herhaald] [retour MAP/NAAM]\n"
	"      en per bevinding een regel 'CODE PAD: MELDING'; daarna een samenvatting.\n"
	"      --retour MAP schrijft elk retourbericht als MAP/<bestandsnaam>.retour.xml;\n"
	"      --vandaag is de dag van ontvangst (standaard vandaag; voor TR135).\n"
	"      Afsluitcode 0 als alles is geaccepteerd, 1 bij een afkeuring of fout,\n"
	"      2 bij een verkeerde opdrachtregel of een onleesbaar bestand.\n"
	"  jeugdregie ijw envelop uitpakken [--feiten] ENVELOP\n"
	"      lees een StUF-GGk-envelop (envelopHeenbericht-ggk_Di01 of\n"
	"      envelopRetourbericht-ggk_Du01), controleer die tegen het ingebouwde XSD en\n"
	"      schrijf het bericht erin naar stdout; met --feiten de routeringsgegevens\n"
	"      (zender, ontvanger, referentienummer, functie ...). Een geweigerde envelop\n"
	"      geeft CODE ENVELOP:REGEL PAD: MELDING (IB001 of IB003), afsluitcode 1.\n"
	"  jeugdregie ijw envelop inpakken --functie NAAM --zender ORG --ontvanger ORG\n"
	"                                  [--antwoord-op HEENENVELOP] BERICHT\n"
	"      schrijf een envelop om BERICHT naar stdout. --functie is de berichtnaam\n"
	"      (JW323), --zender/--ontvanger de CBS-code of AGB-code. Met --antwoord-op\n"
	"      een retourenvelop die naar die heenenvelop verwijst (zender en ontvanger\n"
	"      komen dan daaruit). Referentienummer: nieuw UUID; tijdstip: nu.\n"
	"  jeugdregie ijw export --db PAD --naar MAP [--aanbieder AGB]\n"
	"      schrijf elk uitgaand bericht van de gemeente (JW301, JW319) dat nog niet\n"
	"      is geëxporteerd als MAP/<Identificatie>.xml (alleen die aan AGB met\n"
	"      --aanbieder) en leg vast dat het is geëxporteerd; nog eens draaien schrijft\n"
	"      niets nieuws. Per bestand een regel 'MAP/NAAM.xml: SOORT aan AGB', daarna\n"
	"      een samenvatting. Afsluitcode 0, 1 bij een fout, 2 bij een verkeerde\n"
	"      opdrachtregel.\n";

/* The whole file in a new buffer (the caller frees it), at most max
 * bytes (the limit + 1): one byte more than allowed is enough to refuse
 * it (OP179) without reading a huge file into memory. -1 with a
 * message on stderr when it cannot be read. */
static int lees_bestand_max(const char *cmd, const char *pad, size_t max, char **data,
			    size_t *len)
{
	size_t cap = 0, n = 0;
	char *buf = NULL;
	struct stat sb;
	FILE *f;

	f = fopen(pad, "rb");
	if (!f) {
		fprintf(stderr, "jeugdregie %s: %s: %s\n", cmd, pad,
			errno == ENOENT ? "bestand bestaat niet" : strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "jeugdregie %s: %s: is een map; geef de berichtbestanden zelf, "
			"bijvoorbeeld %s/*.xml\n", cmd, pad, pad);
		fclose(f);
		return -1;
	}
	for (;;) {
		size_t r;

		if (n == cap) {
			size_t nieuw = cap ? cap * 2 : 65536;
			char *p;

			if (nieuw > max)
				nieuw = max;
			if (nieuw == cap)
				break;
			p = realloc(buf, nieuw);
			if (!p) {
				fprintf(stderr, "jeugdregie %s: %s: onvoldoende geheugen\n", cmd, pad);
				free(buf);
				fclose(f);
				return -1;
			}
			buf = p;
			cap = nieuw;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "jeugdregie %s: %s: leesfout: %s\n", cmd, pad, strerror(errno));
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	*data = buf;
	*len = n;
	return 0;
}

static int lees_bestand(const char *cmd, const char *pad, char **data, size_t *len)
{
	return lees_bestand_max(cmd, pad, IJW_XML_MAX_BYTES + 1, data, len);
}

/* Control level 2 on an XSD-valid document: read it as a typed message
 * and run the in-message rules; the findings are added to d. 0 none, 1
 * findings, -1 system failure with the reason in err. */
static int ijw_regels_controleer(struct ijw_document *d, char *err, size_t n)
{
	struct ijw_bericht *b = NULL;
	struct bericht_fout bf;
	size_t k = 0;
	int v;

	if (bericht_lees(d->doc, &b, &bf) != 0) {
		/* The schema passed it, so the typed reader should too. */
		snprintf(err, n, "het bericht is geldig volgens het XSD maar niet te lezen (%s: %s)",
			 bf.plek, bf.melding);
		return -1;
	}
	/* A valid document has no findings yet; the list is ours to replace. */
	free(d->bevindingen);
	d->n_bevindingen = 0;
	d->bevindingen = calloc(IJW_BEVINDINGEN_MAX, sizeof *d->bevindingen);
	if (!d->bevindingen) {
		bericht_vrij(b);
		snprintf(err, n, "onvoldoende geheugen");
		return -1;
	}
	v = ijw_intern_controleer(b, d->bevindingen, IJW_BEVINDINGEN_MAX, &k);
	d->n_bevindingen = k;
	bericht_vrij(b);
	if (v < 0)
		snprintf(err, n, "onvoldoende geheugen bij de regelcontrole");
	return v;
}

static int cmd_ijw_validate(int argc, char **argv)
{
	const char *cmd = "ijw validate";
	int rc = AFSLUIT_GOED;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(ijw_hulp, stdout);
			return AFSLUIT_GOED;
		}
		if (strncmp(argv[i], "--", 2) == 0)
			return gebruiksfout(cmd, "onbekende optie '%s'; validate kent alleen "
					    "bestanden (en --help)", argv[i]);
	}
	if (argc == 0)
		return gebruiksfout(cmd, "geef een of meer berichtbestanden, bijvoorbeeld: "
				    "jeugdregie ijw validate JW301.xml");
	for (int i = 0; i < argc; i++) {
		struct ijw_document d;
		char err[ERR_LEN], *data = NULL;
		size_t len = 0;
		int v;

		if (lees_bestand(cmd, argv[i], &data, &len) < 0) {
			rc = AFSLUIT_GEBRUIK;
			continue;
		}
		v = ijw_xml_controleer(&d, data, len, err, sizeof err);
		free(data);
		if (v == 0)
			v = ijw_regels_controleer(&d, err, sizeof err);
		if (v < 0) {
			fout(cmd, "%s: %s", argv[i], err);
			if (rc == AFSLUIT_GOED)
				rc = AFSLUIT_FOUT;
		} else if (v == 0) {
			printf("%s: geldig (%s)\n", argv[i], bericht_soort_naam(d.soort));
		} else {
			for (size_t k = 0; k < d.n_bevindingen; k++) {
				const struct ijw_bevinding *b = &d.bevindingen[k];

				printf("%s %s", b->code, argv[i]);
				if (b->regel > 0)
					printf(":%d", b->regel);
				printf("%s%s: %s\n", b->pad[0] ? " " : "", b->pad, b->melding);
			}
			if (d.weggelaten > 0)
				printf("XSD %s: nog %zu bevindingen niet getoond (hoogstens %d per "
				       "bestand)\n", argv[i], d.weggelaten, IJW_BEVINDINGEN_MAX);
			if (rc == AFSLUIT_GOED)
				rc = AFSLUIT_FOUT;
		}
		ijw_document_vrij(&d);
	}
	return rc;
}

/* Write the retourbericht of file pad into dir as <basename>.retour.xml;
 * the name written goes into naam. */
static int schrijf_retour(const char *cmd, const char *dir, const char *pad,
			  const struct ijw_uitkomst *u, char *naam, size_t n)
{
	const char *basis = strrchr(pad, '/');
	FILE *f;
	int w = snprintf(naam, n, "%s/%s.retour.xml", dir, basis ? basis + 1 : pad);

	if (w < 0 || (size_t)w >= n)
		return fout(cmd, "%s: de naam van het retourbestand is te lang", pad);
	f = fopen(naam, "wb");
	if (!f)
		return fout(cmd, "%s: %s", naam, strerror(errno));
	if (fwrite(u->retour, 1, u->retour_len, f) != u->retour_len || fclose(f) != 0) {
		fout(cmd, "%s: schrijffout", naam);
		return AFSLUIT_FOUT;
	}
	return AFSLUIT_GOED;
}

/* ijw import works in batches of files (ijw_verwerk_reeks: one
 * transaction, a savepoint per message): at most IMPORT_REEKS files and,
 * past the first file, IMPORT_REEKS_BYTES bytes of XML (a message may be
 * 25 MB, OP179). The outcome of a file is printed once its batch is
 * committed. */
#define IMPORT_REEKS 256
#define IMPORT_REEKS_BYTES ((size_t)32 * 1024 * 1024)

struct import_reeks {
	const char *pad[IMPORT_REEKS];
	struct ijw_invoer in[IMPORT_REEKS];
	struct ijw_uitkomst uit[IMPORT_REEKS];
	size_t n, bytes;
};

/* Read the next files (at most max) from argv[i..] into r; the index to
 * go on from. */
static int import_reeks_vul(const char *cmd, struct import_reeks *r, size_t max, int argc,
			    char **argv, int i, int *rc)
{
	for (; i < argc && r->n < max && (r->n == 0 || r->bytes < IMPORT_REEKS_BYTES); i++) {
		char *data = NULL;
		size_t len = 0;

		/* Options and their values (set to NULL before) are no files. */
		if (!argv[i] || strncmp(argv[i], "--", 2) == 0)
			continue;
		if (lees_bestand(cmd, argv[i], &data, &len) < 0) {
			*rc = AFSLUIT_GEBRUIK;
			continue;
		}
		r->pad[r->n] = argv[i];
		r->in[r->n] = (struct ijw_invoer){ data, len };
		r->bytes += len;
		r->n++;
	}
	return i;
}

/* 0, or -1 when the store failed on the batch as a whole (then stop:
 * nothing of it is in, and the next batch would meet the same store). */
static int import_reeks_verwerk(const char *cmd, struct store *st,
				 const struct ijw_verwerk_context *ctx, struct import_reeks *r,
				 const char *retour, size_t n[5], int *rc)
{
	char naam[4096];

	if (ijw_verwerk_reeks(st, r->in, r->n, ctx, r->uit) < 0) {
		fout(cmd, "%s .. %s (%zu bestanden, niets ervan verwerkt): %s", r->pad[0],
		     r->pad[r->n - 1], r->n, store_error(st));
		*rc = AFSLUIT_FOUT;
		return -1;
	}
	for (size_t k = 0; k < r->n; k++) {
		const struct ijw_uitkomst *u = &r->uit[k];

		if (u->fout) {
			fout(cmd, "%s: %s", r->pad[k], u->fout);
			if (*rc == AFSLUIT_GOED)
				*rc = AFSLUIT_FOUT;
			continue;
		}
		n[u->status]++;
		printf("%s: %s %s%s", r->pad[k], u->herkend ? bericht_soort_naam(u->soort)
		       : "onbekend", ijw_verwerk_status_naam(u->status),
		       u->herhaald ? " herhaald" : "");
		if (retour && u->retour) {
			if (schrijf_retour(cmd, retour, r->pad[k], u, naam, sizeof naam) !=
			    AFSLUIT_GOED)
				*rc = AFSLUIT_FOUT;
			else
				printf(" retour %s", naam);
		}
		putchar('\n');
		for (size_t b = 0; b < u->n_bevindingen; b++)
			printf("  %s %s: %s\n", u->bevindingen[b].code, u->bevindingen[b].pad,
			       u->bevindingen[b].melding);
		if (u->status != IJW_VERWERKT && *rc == AFSLUIT_GOED)
			*rc = AFSLUIT_FOUT;
	}
	return 0;
}

static void import_reeks_vrij(struct import_reeks *r)
{
	for (size_t k = 0; k < r->n; k++) {
		free((void *)r->in[k].xml);
		ijw_uitkomst_vrij(&r->uit[k]);
	}
}

static int cmd_ijw_import(int argc, char **argv)
{
	const char *cmd = "ijw import", *db = standaard_db(), *retour = NULL;
	struct ijw_verwerk_context ctx;
	struct gemeente *gem = NULL;
	size_t n_gem = 0, n_bestanden = 0, n[5] = { 0 }, per_reeks = IMPORT_REEKS;
	char nu[21];
	dag_t vandaag = DAG_GEEN;
	struct store *st;
	int rc = AFSLUIT_GOED;

	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(ijw_hulp, stdout);
			return AFSLUIT_GOED;
		}
		if (strncmp(a, "--", 2) != 0) {
			n_bestanden++;
			continue;
		}
		if (strcmp(a, "--db") != 0 && strcmp(a, "--retour") != 0 &&
		    strcmp(a, "--vandaag") != 0 && strcmp(a, "--reeks") != 0)
			return gebruiksfout(cmd, "onbekende optie '%s'; import kent --db, --retour, "
					    "--vandaag en --reeks", a);
		if (i + 1 >= argc || !argv[i + 1][0] || strncmp(argv[i + 1], "--", 2) == 0)
			return gebruiksfout(cmd, "optie %s mist een waarde; schrijf %s WAARDE", a, a);
		if (strcmp(a, "--db") == 0)
			db = argv[i + 1];
		else if (strcmp(a, "--retour") == 0)
			retour = argv[i + 1];
		else if (strcmp(a, "--reeks") == 0) {
			const char *w = argv[i + 1];
			size_t len = strlen(w);

			if (len == 0 || len > 3 || strspn(w, "0123456789") != len ||
			    atoi(w) < 1 || atoi(w) > IMPORT_REEKS)
				return gebruiksfout(cmd, "--reeks '%s' is geen aantal berichten per "
						    "transactie; geef 1 tot en met %d", w,
						    IMPORT_REEKS);
			per_reeks = (size_t)atoi(w);
		} else if (lees_datum(cmd, a, argv[i + 1], &vandaag) < 0)
			return AFSLUIT_GEBRUIK;
		argv[i + 1] = NULL;
		i++;
	}
	if (n_bestanden == 0)
		return gebruiksfout(cmd, "geef een of meer berichtbestanden, bijvoorbeeld: "
				    "jeugdregie ijw import --db regio.db JW305.xml");
	if ((rc = laad_pad_bestaat(cmd, db)) != AFSLUIT_GOED)
		return rc;
	store_nu_iso(nu);
	if (vandaag == DAG_GEEN) {
		char dag[11];

		memcpy(dag, nu, 10);
		dag[10] = '\0';
		if (datum_parse(dag, &vandaag) < 0)
			return fout(cmd, "de systeemklok geeft geen datum");
	}
	st = open_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	if (store_gemeenten(st, &gem, &n_gem) < 0) {
		rc = fout(cmd, "%s", store_error(st));
		store_close(st);
		return rc;
	}
	ctx = (struct ijw_verwerk_context){ NULL, gem, n_gem, vandaag, nu };
	for (int i = 0, verder = 1; i < argc && verder;) {
		struct import_reeks r = { .n = 0 };

		i = import_reeks_vul(cmd, &r, per_reeks, argc, argv, i, &rc);
		if (r.n > 0)
			verder = import_reeks_verwerk(cmd, st, &ctx, &r, retour, n, &rc) == 0;
		import_reeks_vrij(&r);
	}
	printf("%zu berichten: %zu verwerkt, %zu deels afgekeurd, %zu afgekeurd, "
	       "%zu afgekeurd op het XSD, %zu geweigerd\n", n_bestanden, n[IJW_VERWERKT],
	       n[IJW_DEELS_AFGEKEURD], n[IJW_AFGEKEURD], n[IJW_AFGEKEURD_XSD], n[IJW_GEWEIGERD]);
	free(gem);
	store_close(st);
	return rc;
}

/* ---- iJw envelope ---------------------------------------------------------- */

static void envelop_fout_print(const char *pad, const struct envelop_fout *f)
{
	printf("%s %s", f->code, pad);
	if (f->regel > 0)
		printf(":%d", f->regel);
	printf("%s%s: %s\n", f->pad[0] ? " " : "", f->pad, f->melding);
}

/* Read and unwrap the envelope in file pad; 0, or an exit code. */
static int envelop_lees(const char *cmd, const char *pad, struct envelop *e, unsigned char **b,
			size_t *n)
{
	struct envelop_fout f;
	char *data;
	size_t len;
	int rc;

	if (lees_bestand_max(cmd, pad, ENVELOP_MAX_BYTES + 1, &data, &len) < 0)
		return AFSLUIT_GEBRUIK;
	rc = envelop_uitpakken(data, len, e, b, n, &f);
	free(data);
	if (rc < 0)
		return fout(cmd, "%s: %s", pad, f.melding);
	if (rc > 0) {
		envelop_fout_print(pad, &f);
		return AFSLUIT_FOUT;
	}
	return 0;
}

static void systeem_print(const char *wie, const struct envelop_systeem *s)
{
	printf("%s: %s / %s / %s / %s\n", wie, s->organisatie, s->applicatie, s->administratie,
	       s->gebruiker);
}

static int cmd_ijw_envelop_uitpakken(int argc, char **argv)
{
	const char *cmd = "ijw envelop uitpakken", *pad = NULL;
	bool feiten = false;
	struct envelop e;
	unsigned char *b;
	size_t n;
	int rc;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--feiten") == 0)
			feiten = true;
		else if (strncmp(argv[i], "--", 2) == 0 || pad)
			return gebruiksfout(cmd, "verwacht [--feiten] ENVELOP, niet '%s'", argv[i]);
		else
			pad = argv[i];
	}
	if (!pad)
		return gebruiksfout(cmd, "geef een envelopbestand, bijvoorbeeld: jeugdregie ijw "
				    "envelop uitpakken envelop.xml > JW323.xml");
	rc = envelop_lees(cmd, pad, &e, &b, &n);
	if (rc != 0)
		return rc;
	if (feiten) {
		printf("envelop: %s\n", e.soort == ENVELOP_HEEN ? "heen (Di01)" : "retour (Du01)");
		systeem_print("zender", &e.zender);
		systeem_print("ontvanger", &e.ontvanger);
		printf("referentienummer: %s\ntijdstipBericht: %s\ncrossRefnummer: %s\n"
		       "functie: %s\nreferentienummerBericht: %s\ncrossRefnummerBericht: %s\n"
		       "versies: %s %s %s %s\nbestandsnaam: %s\ncontentType: %s\nbytes: %zu\n",
		       e.referentienummer, e.tijdstip_bericht, e.cross_refnummer, e.functie,
		       e.referentienummer_bericht, e.cross_refnummer_bericht, e.applicatie_versie,
		       e.applicatie_subversie, e.functie_versie, e.functie_subversie, e.bestandsnaam,
		       e.content_type, n);
	} else if (fwrite(b, 1, n, stdout) != n) {
		rc = fout(cmd, "schrijven naar stdout mislukt");
	}
	free(b);
	return rc;
}

static int cmd_ijw_envelop_inpakken(int argc, char **argv)
{
	const char *cmd = "ijw envelop inpakken";
	const char *functie = NULL, *zender = NULL, *ontvanger = NULL, *heen_pad = NULL;
	const char *pad = NULL;
	unsigned char uuid_bytes[16];
	char ref[ENVELOP_REFNUMMER], tijdstip[ENVELOP_TIJDSTIP], *data, *uit;
	struct envelop e;
	struct envelop_fout f;
	size_t len, uit_len;
	time_t nu = time(NULL);
	struct tm tm;
	int rc;

	for (int i = 0; i < argc; i++) {
		const char **doel = strcmp(argv[i], "--functie") == 0 ? &functie :
				    strcmp(argv[i], "--zender") == 0 ? &zender :
				    strcmp(argv[i], "--ontvanger") == 0 ? &ontvanger :
				    strcmp(argv[i], "--antwoord-op") == 0 ? &heen_pad : NULL;

		if (doel && i + 1 < argc)
			*doel = argv[++i];
		else if (strncmp(argv[i], "--", 2) == 0 || pad)
			return gebruiksfout(cmd, "onverwacht '%s'; zie jeugdregie help ijw", argv[i]);
		else
			pad = argv[i];
	}
	if (!pad || !functie || (!heen_pad && (!zender || !ontvanger)))
		return gebruiksfout(cmd, "geef --functie, --zender en --ontvanger (of --antwoord-op) "
				    "en een berichtbestand, bijvoorbeeld: jeugdregie ijw envelop "
				    "inpakken --functie JW323 --zender 12345678 --ontvanger 0546 "
				    "JW323.xml");
	/* A fresh UUID (version 4) as referentienummer; the time in local time
	 * as the StUF examples write it. */
	randombytes_buf(uuid_bytes, sizeof uuid_bytes);
	uuid_bytes[6] = (unsigned char)((uuid_bytes[6] & 0x0f) | 0x40);
	uuid_bytes[8] = (unsigned char)((uuid_bytes[8] & 0x3f) | 0x80);
	snprintf(ref, sizeof ref, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 uuid_bytes[0], uuid_bytes[1], uuid_bytes[2], uuid_bytes[3], uuid_bytes[4],
		 uuid_bytes[5], uuid_bytes[6], uuid_bytes[7], uuid_bytes[8], uuid_bytes[9],
		 uuid_bytes[10], uuid_bytes[11], uuid_bytes[12], uuid_bytes[13], uuid_bytes[14],
		 uuid_bytes[15]);
	localtime_r(&nu, &tm);
	strftime(tijdstip, sizeof tijdstip, "%Y%m%d%H%M%S", &tm);

	if (heen_pad) {
		struct envelop heen;
		unsigned char *hb;
		size_t hn;

		rc = envelop_lees(cmd, heen_pad, &heen, &hb, &hn);
		if (rc != 0)
			return rc;
		free(hb);
		if (envelop_retour_feiten(&heen, ref, tijdstip, functie, "", &e, &f) != 0)
			return gebruiksfout(cmd, "%s", f.melding);
	} else {
		memset(&e, 0, sizeof e);
		e.soort = ENVELOP_HEEN;
		snprintf(e.zender.organisatie, sizeof e.zender.organisatie, "%s", zender);
		snprintf(e.zender.applicatie, sizeof e.zender.applicatie, "jeugdregie");
		snprintf(e.ontvanger.organisatie, sizeof e.ontvanger.organisatie, "%s", ontvanger);
		snprintf(e.ontvanger.applicatie, sizeof e.ontvanger.applicatie, "GGk");
		snprintf(e.referentienummer, sizeof e.referentienummer, "%s", ref);
		snprintf(e.tijdstip_bericht, sizeof e.tijdstip_bericht, "%s", tijdstip);
		snprintf(e.functie, sizeof e.functie, "%s", functie);
		/* iJw release 3.2; the GGk's own example (another release) has
		 * 0004/0003/0001/0001. */
		snprintf(e.applicatie_versie, sizeof e.applicatie_versie, "0003");
		snprintf(e.applicatie_subversie, sizeof e.applicatie_subversie, "0002");
		snprintf(e.functie_versie, sizeof e.functie_versie, "0003");
		snprintf(e.functie_subversie, sizeof e.functie_subversie, "0002");
		snprintf(e.content_type, sizeof e.content_type, "application/xml");
	}
	if (lees_bestand(cmd, pad, &data, &len) < 0)
		return AFSLUIT_GEBRUIK;
	rc = envelop_inpakken(&e, data, len, &uit, &uit_len, &f);
	free(data);
	if (rc < 0)
		return fout(cmd, "%s", f.melding);
	if (rc > 0) {
		envelop_fout_print(pad, &f);
		return AFSLUIT_FOUT;
	}
	rc = fwrite(uit, 1, uit_len, stdout) == uit_len ? AFSLUIT_GOED :
	     fout(cmd, "schrijven naar stdout mislukt");
	free(uit);
	return rc;
}

static int cmd_ijw_envelop(int argc, char **argv)
{
	if (argc > 0 && strcmp(argv[0], "uitpakken") == 0)
		return cmd_ijw_envelop_uitpakken(argc - 1, argv + 1);
	if (argc > 0 && strcmp(argv[0], "inpakken") == 0)
		return cmd_ijw_envelop_inpakken(argc - 1, argv + 1);
	return gebruiksfout("ijw envelop", "geef uitpakken of inpakken");
}

static int cmd_ijw_export(int argc, char **argv)
{
	const char *cmd = "ijw export", *db = standaard_db(), *naar = NULL, *agb = NULL;
	char nu[21], fout_tekst[512];
	struct stat sb;
	struct store *st;
	size_t n = 0;
	int rc;

	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(ijw_hulp, stdout);
			return AFSLUIT_GOED;
		}
		if (strcmp(a, "--db") != 0 && strcmp(a, "--naar") != 0 &&
		    strcmp(a, "--aanbieder") != 0)
			return gebruiksfout(cmd, "onbekend argument '%s'; export kent --db, --naar en "
					    "--aanbieder", a);
		if (i + 1 >= argc || !argv[i + 1][0] || strncmp(argv[i + 1], "--", 2) == 0)
			return gebruiksfout(cmd, "optie %s mist een waarde; schrijf %s WAARDE", a, a);
		if (strcmp(a, "--db") == 0)
			db = argv[++i];
		else if (strcmp(a, "--naar") == 0)
			naar = argv[++i];
		else
			agb = argv[++i];
	}
	if (!naar)
		return gebruiksfout(cmd, "geef de map met --naar, bijvoorbeeld: jeugdregie ijw "
				    "export --db regio.db --naar uit/");
	if (agb && (strlen(agb) != 8 || strspn(agb, "0123456789") != 8))
		return gebruiksfout(cmd, "--aanbieder moet een AGB-code van acht cijfers zijn");
	if (stat(naar, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return gebruiksfout(cmd, "de map '%s' bestaat niet; maak haar eerst", naar);
	st = open_bestaande_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	store_nu_iso(nu);
	rc = ijw_export(st, naar, agb, nu, stdout, &n, fout_tekst, sizeof fout_tekst);
	if (rc == -3)
		rc = fout(cmd, "%s", fout_tekst);
	else if (rc < 0)
		rc = fout(cmd, "%s", store_error(st));
	else
		rc = AFSLUIT_GOED;
	printf("%zu bericht%s geëxporteerd naar %s\n", n, n == 1 ? "" : "en", naar);
	store_close(st);
	return rc;
}

static int cmd_ijw(int argc, char **argv)
{
	if (argc == 0)
		return gebruiksfout("ijw", "geef een deelopdracht: validate, import, export of "
				    "envelop");
	if (strcmp(argv[0], "export") == 0)
		return cmd_ijw_export(argc - 1, argv + 1);
	if (strcmp(argv[0], "validate") == 0)
		return cmd_ijw_validate(argc - 1, argv + 1);
	if (strcmp(argv[0], "import") == 0)
		return cmd_ijw_import(argc - 1, argv + 1);
	if (strcmp(argv[0], "envelop") == 0)
		return cmd_ijw_envelop(argc - 1, argv + 1);
	if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		fputs(ijw_hulp, stdout);
		return AFSLUIT_GOED;
	}
	return gebruiksfout("ijw", "onbekende deelopdracht '%s'; bekend zijn validate, import, "
			    "export en envelop", argv[0]);
}

static const char cijfers_hulp[] =
	"Gebruik: jeugdregie cijfers herbouw|controleer [--db PAD] [--tot-jaar JJJJ]\n"
	"herbouw     bouw alle maandcijfers (indicatoren per maand en jaar) opnieuw op uit het\n"
	"            register, voor de maanden t/m december van --tot-jaar (standaard volgend\n"
	"            jaar); daarna houden de schrijvers ze bij in dezelfde transactie.\n"
	"controleer  bereken alle maandcijfers opnieuw en vergelijk ze met de opgeslagen;\n"
	"            toont de verschillen en sluit af met 1 als er een is.\n";

static int cijfers_herbouw_tx(struct store *st, void *arg)
{
	return store_maandcijfers_herbouw(st, *(const int *)arg);
}

static int cmd_cijfers(int argc, char **argv)
{
	static const struct optie opties[] = { { "--db", true }, { "--tot-jaar", true } };
	const char *cmd = "cijfers", *db = standaard_db();
	const char *w[MAX_OPTIES];
	struct store *st;
	bool herbouw;
	int rc, tot_jaar;

	if (argc == 0)
		return gebruiksfout(cmd, "geef een deelopdracht: herbouw of controleer");
	if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		fputs(cijfers_hulp, stdout);
		return AFSLUIT_GOED;
	}
	if (strcmp(argv[0], "herbouw") != 0 && strcmp(argv[0], "controleer") != 0)
		return gebruiksfout(cmd, "onbekende deelopdracht '%s'; bekend zijn herbouw en "
				    "controleer", argv[0]);
	herbouw = strcmp(argv[0], "herbouw") == 0;
	rc = lees_opties(cmd, opties, 2, cijfers_hulp, argc - 1, argv + 1, w);
	if (rc >= 0)
		return rc;
	if (w[0])
		db = w[0];
	{
		time_t nu = time(NULL);
		struct tm tm;
		tot_jaar = localtime_r(&nu, &tm) ? tm.tm_year + 1900 + 1 : 1971;
	}
	if (w[1]) {
		char *eind;
		long j = strtol(w[1], &eind, 10);
		if (*eind != '\0' || j < 1900 || j > 9999)
			return gebruiksfout(cmd, "--tot-jaar '%s' is geen jaar (1900 t/m 9999)", w[1]);
		tot_jaar = (int)j;
	}
	st = open_store(cmd, db);
	if (!st)
		return AFSLUIT_FOUT;
	if (herbouw) {
		rc = store_bulk(st, 1);
		if (rc >= 0)
			rc = store_transaction(st, cijfers_herbouw_tx, &tot_jaar);
		int rc2 = store_bulk(st, 0);
		if (rc >= 0)
			rc = rc2;
		if (rc < 0)
			rc = fout(cmd, "%s", store_error(st));
		else {
			printf("maandcijfers opgebouwd t/m december %d\n", tot_jaar);
			rc = AFSLUIT_GOED;
		}
	} else {
		int64_t n = store_begin_read(st);
		if (n >= 0)
			n = store_maandcijfers_controleer(st, stdout);
		store_rollback(st);
		if (n < 0)
			rc = fout(cmd, "%s", store_error(st));
		else if (n > 0) {
			printf("%lld maandcijfers wijken af van een herberekening\n", (long long)n);
			rc = AFSLUIT_FOUT;
		} else {
			printf("maandcijfers kloppen met een herberekening\n");
			rc = AFSLUIT_GOED;
		}
	}
	store_close(st);
	return rc;
}

static const char onbekende_opdracht[] =
	"onbekende opdracht '%s'; bekend zijn demo, kpi, report, kalibratie, copy, checksum, migrate, "
	"serve, user, token, audit, ijw, cijfers, version en help";

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
	if (argc == 1 && strcmp(argv[0], "report") == 0)
		return cmd_report(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "match") == 0)
		return cmd_match(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "kalibratie") == 0)
		return cmd_kalibratie(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "copy") == 0)
		return cmd_copy(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "checksum") == 0)
		return cmd_checksum(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "serve") == 0)
		return cmd_serve(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "user") == 0)
		return cmd_user(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "token") == 0)
		return cmd_token(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "audit") == 0)
		return cmd_audit(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "ijw") == 0)
		return cmd_ijw(1, hulp_argv);
	if (argc == 1 && strcmp(argv[0], "cijfers") == 0)
		return cmd_cijfers(1, hulp_argv);
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
	else if (strcmp(cmd, "report") == 0)
		rc = cmd_report(argc, argv);
	else if (strcmp(cmd, "kalibratie") == 0)
		rc = cmd_kalibratie(argc, argv);
	else if (strcmp(cmd, "copy") == 0)
		rc = cmd_copy(argc, argv);
	else if (strcmp(cmd, "checksum") == 0)
		rc = cmd_checksum(argc, argv);
	else if (strcmp(cmd, "migrate") == 0)
		rc = cmd_migrate(argc, argv);
	else if (strcmp(cmd, "match") == 0)
		rc = cmd_match(argc, argv);
	else if (strcmp(cmd, "serve") == 0)
		rc = cmd_serve(argc, argv);
	else if (strcmp(cmd, "user") == 0)
		rc = cmd_user(argc, argv);
	else if (strcmp(cmd, "token") == 0)
		rc = cmd_token(argc, argv);
	else if (strcmp(cmd, "audit") == 0)
		rc = cmd_audit(argc, argv);
	else if (strcmp(cmd, "ijw") == 0)
		rc = cmd_ijw(argc, argv);
	else if (strcmp(cmd, "cijfers") == 0)
		rc = cmd_cijfers(argc, argv);
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
