/* schema: migrations (see schema.h for the portable-SQL rules). */
#include "store/schema.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Shorthands that keep the schema text readable; they expand to plain
 * portable SQL. */
#define DATUM(col) col " TEXT CHECK (length(" col ") = 10)"
#define BOOL(col) col " INTEGER NOT NULL CHECK (" col " IN (0, 1))"
#define SEGMENT(col) col " INTEGER NOT NULL CHECK (" col " BETWEEN 0 AND 7)"
#define GEMEENTE(col) col " TEXT CHECK (length(" col ") = 4)"
#define AGB(col) col " TEXT CHECK (length(" col ") = 8)"
#define CODE2(col) col " TEXT CHECK (length(" col ") = 2)"
#define PRODUCT(col) col " TEXT CHECK (length(" col ") BETWEEN 1 AND 5)"
#define NAAM(col) col " TEXT CHECK (length(" col ") <= 95)"
#define END ") /*STRICT*/;\n"

/* Migration 1: the whole record, mirroring domain/model.h.
 *
 * Conventions: ids are the records' own (the generator and the iJw chain
 * assign them), so INTEGER PRIMARY KEY without autoincrement. A reference
 * that the model spells as 0 / "" / DAG_GEEN when absent is a nullable
 * column here and stored as NULL (store.c converts). Text lengths are
 * checked (in characters) against the C array sizes in model.h as a guard
 * for rows written by other tools; rows written through store.c come from
 * those arrays and so always fit in them when read back. Segments are checked by range, not by a reference to
 * the segment table: segment 0 (local-team help) is not bought regionally
 * and need not have a row there.
 */
static const char migration_1[] =
	"CREATE TABLE schema_versie (\n"
	"  versie INTEGER PRIMARY KEY,\n"
	"  beschrijving TEXT NOT NULL,\n"
	"  toegepast TEXT NOT NULL\n"
	END
	"CREATE TABLE meta (\n"
	"  sleutel TEXT NOT NULL PRIMARY KEY,\n"
	"  waarde TEXT NOT NULL\n"
	END
	/* Filled by the next issue (login); here so the roles are fixed. */
	"CREATE TABLE gebruiker (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  naam TEXT NOT NULL UNIQUE CHECK (length(naam) BETWEEN 1 AND 95),\n"
	"  rol TEXT NOT NULL CHECK (rol IN ('beheerder', 'regio', 'gemeente',"
	" 'lokaal_team', 'aanbieder', 'beleid')),\n"
	"  wachtwoord_hash TEXT,\n"
	"  " BOOL("actief") "\n"
	END
	"CREATE TABLE segment (\n"
	"  nr INTEGER PRIMARY KEY CHECK (nr BETWEEN 0 AND 7),\n"
	"  " NAAM("naam") " NOT NULL\n"
	END
	"CREATE TABLE gemeente (\n"
	"  " GEMEENTE("code") " NOT NULL PRIMARY KEY,\n"
	"  " NAAM("naam") " NOT NULL,\n"
	"  " NAAM("subregio") ",\n"
	"  inwoners INTEGER NOT NULL CHECK (inwoners >= 0),\n"
	"  jeugdigen_0_17 INTEGER NOT NULL CHECK (jeugdigen_0_17 >= 0)\n"
	END
	"CREATE TABLE deelname (\n"
	"  " GEMEENTE("gemeente") " NOT NULL REFERENCES gemeente (code),\n"
	"  " SEGMENT("segment") ",\n"
	"  " DATUM("vanaf") " NOT NULL,\n"
	"  PRIMARY KEY (gemeente, segment)\n"
	END
	"CREATE TABLE lokaal_team (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  " NAAM("naam") " NOT NULL\n"
	END
	"CREATE TABLE lokaal_team_gemeente (\n"
	"  team_id INTEGER NOT NULL REFERENCES lokaal_team (id),\n"
	"  " GEMEENTE("gemeente") " NOT NULL REFERENCES gemeente (code),\n"
	"  PRIMARY KEY (team_id, gemeente)\n"
	END
	"CREATE TABLE netwerk (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  " NAAM("naam") " NOT NULL\n"
	END
	"CREATE TABLE aanbieder (\n"
	"  " AGB("agb") " NOT NULL PRIMARY KEY,\n"
	"  " NAAM("naam") " NOT NULL,\n"
	"  netwerk_id INTEGER REFERENCES netwerk (id)\n"
	END
	"CREATE TABLE product (\n"
	"  " PRODUCT("code") " NOT NULL PRIMARY KEY,\n"
	"  " CODE2("categorie") " NOT NULL,\n"
	"  omschrijving TEXT NOT NULL CHECK (length(omschrijving) <= 159),\n"
	"  uitvoeringsvariant TEXT CHECK (length(uitvoeringsvariant) <= 23),\n"
	"  " CODE2("eenheid") ",\n"
	/* NULL: the region maps the product to no segment (model: -1). */
	"  segment INTEGER CHECK (segment BETWEEN 0 AND 7),\n"
	"  " BOOL("groep") "\n"
	END
	"CREATE TABLE contract (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  " AGB("agb") " NOT NULL REFERENCES aanbieder (agb),\n"
	"  " SEGMENT("segment") ",\n"
	"  " DATUM("begindatum") " NOT NULL,\n"
	"  " DATUM("einddatum") ",\n"
	"  " BOOL("stilzwijgend_verlengd") "\n"
	END
	"CREATE TABLE tarief (\n"
	"  contract_id INTEGER NOT NULL REFERENCES contract (id),\n"
	"  " PRODUCT("productcode") " NOT NULL REFERENCES product (code),\n"
	"  jaar INTEGER NOT NULL CHECK (jaar BETWEEN 1900 AND 2199),\n"
	"  bedrag INTEGER NOT NULL CHECK (bedrag >= 0),\n"
	"  " CODE2("eenheid") " NOT NULL,\n"
	"  PRIMARY KEY (contract_id, productcode, jaar)\n"
	END
	"CREATE TABLE omzetplafond (\n"
	"  " AGB("agb") " NOT NULL REFERENCES aanbieder (agb),\n"
	"  jaar INTEGER NOT NULL CHECK (jaar BETWEEN 1900 AND 2199),\n"
	"  bedrag INTEGER NOT NULL CHECK (bedrag >= 0),\n"
	"  PRIMARY KEY (agb, jaar)\n"
	END
	"CREATE TABLE budget (\n"
	"  " GEMEENTE("gemeente") " NOT NULL REFERENCES gemeente (code),\n"
	"  jaar INTEGER NOT NULL CHECK (jaar BETWEEN 1900 AND 2199),\n"
	"  " SEGMENT("segment") ",\n"
	"  bedrag INTEGER NOT NULL,\n"
	"  PRIMARY KEY (gemeente, jaar, segment)\n"
	END
	"CREATE TABLE gezin (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  " NAAM("regisseur") ",\n"
	"  regisseur_team_id INTEGER REFERENCES lokaal_team (id),\n"
	"  " DATUM("analyse_datum") ",\n"
	"  " DATUM("plan_datum") "\n"
	END
	/* Not UNIQUE (bsn) alone: the synthetic region draws from the test-BSN
	 * range 999900006-999999990, which holds only ~9,090 numbers passing
	 * the 11-proef, fewer than its youth, so BSNs repeat; (bsn,
	 * geboortedatum) identifies a youth. */
	"CREATE TABLE jeugdige (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  bsn TEXT NOT NULL CHECK (length(bsn) = 9),\n"
	"  " DATUM("geboortedatum") " NOT NULL,\n"
	"  geslacht INTEGER NOT NULL CHECK (geslacht IN (0, 1, 2)),\n"
	"  " NAAM("voornamen") ",\n"
	"  " NAAM("achternaam") " NOT NULL,\n"
	"  gezin_id INTEGER REFERENCES gezin (id),\n"
	"  UNIQUE (bsn, geboortedatum)\n"
	END
	/* A history; (jeugdige_id, vanaf) also serves lookups by youth. */
	"CREATE TABLE woonplaats (\n"
	"  jeugdige_id INTEGER NOT NULL REFERENCES jeugdige (id),\n"
	"  " GEMEENTE("gemeente") " NOT NULL REFERENCES gemeente (code),\n"
	"  " DATUM("vanaf") " NOT NULL,\n"
	"  " DATUM("tot") ",\n"
	"  PRIMARY KEY (jeugdige_id, vanaf)\n"
	END
	"CREATE TABLE verwijzing (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  jeugdige_id INTEGER NOT NULL REFERENCES jeugdige (id),\n"
	"  " DATUM("datum") " NOT NULL,\n"
	"  " CODE2("type") " NOT NULL,\n"
	"  " GEMEENTE("gemeente") " REFERENCES gemeente (code)\n"
	END
	/* Product codes are not references to product: iJw messages may
	 * carry codes outside the region's list, and those must be stored to
	 * be answered. */
	"CREATE TABLE toewijzing (\n"
	"  nummer INTEGER PRIMARY KEY,\n"
	"  jeugdige_id INTEGER NOT NULL REFERENCES jeugdige (id),\n"
	"  " AGB("agb") " NOT NULL REFERENCES aanbieder (agb),\n"
	"  " GEMEENTE("gemeente") " NOT NULL REFERENCES gemeente (code),\n"
	"  " CODE2("categorie") " NOT NULL,\n"
	"  " PRODUCT("productcode") ",\n"
	"  " DATUM("toewijzingsdatum") " NOT NULL,\n"
	"  " DATUM("ingangsdatum") " NOT NULL,\n"
	"  " DATUM("einddatum") ",\n"
	"  volume INTEGER NOT NULL CHECK (volume >= 0),\n"
	"  " CODE2("eenheid") ",\n"
	"  frequentie TEXT CHECK (frequentie IN ('1', '2', '4', '6')),\n"
	"  budget INTEGER NOT NULL CHECK (budget >= 0),\n"
	"  " CODE2("reden_wijziging") ",\n"
	"  verwijzing_id INTEGER REFERENCES verwijzing (id)\n"
	END
	/* toewijzing_nummer, agb and team_id are NULL where they do not
	 * apply (local-team help has no toewijzing or provider). The referrer
	 * type is not copied here: it is read from verwijzing. */
	"CREATE TABLE traject (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  jeugdige_id INTEGER NOT NULL REFERENCES jeugdige (id),\n"
	"  toewijzing_nummer INTEGER REFERENCES toewijzing (nummer),\n"
	"  " AGB("agb") " REFERENCES aanbieder (agb),\n"
	"  team_id INTEGER REFERENCES lokaal_team (id),\n"
	"  " GEMEENTE("gemeente") " NOT NULL REFERENCES gemeente (code),\n"
	"  " SEGMENT("segment") ",\n"
	"  " CODE2("categorie") " NOT NULL,\n"
	"  " PRODUCT("productcode") ",\n"
	"  " BOOL("groep") ",\n"
	"  verwijzing_id INTEGER REFERENCES verwijzing (id),\n"
	/* enum traject_status: AANGEMELD 0 .. VERVALLEN 5 */
	"  status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 5),\n"
	"  " DATUM("aanmelddatum") ",\n"
	"  " DATUM("intakedatum") ",\n"
	"  " DATUM("begindatum") ",\n"
	"  " DATUM("einddatum") ",\n"
	"  " CODE2("reden_beeindiging") ",\n"
	"  " BOOL("overbrugging") ",\n"
	"  " BOOL("veiligheidssignaal") "\n"
	END
	"CREATE TABLE zorgelijk_besluit (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  traject_id INTEGER NOT NULL REFERENCES traject (id),\n"
	"  tijdstip INTEGER NOT NULL,\n"
	"  " BOOL("bevestigd") ",\n"
	"  reden TEXT NOT NULL CHECK (length(reden) <= 199),\n"
	"  " NAAM("door") " NOT NULL\n"
	END
	"CREATE TABLE declaratie (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  nummer TEXT NOT NULL CHECK (length(nummer) BETWEEN 1 AND 12),\n"
	"  " AGB("agb") " NOT NULL REFERENCES aanbieder (agb),\n"
	"  " GEMEENTE("gemeente") " NOT NULL REFERENCES gemeente (code),\n"
	"  " DATUM("periode_begin") " NOT NULL,\n"
	"  " DATUM("periode_eind") " NOT NULL,\n"
	"  " DATUM("dagtekening") " NOT NULL,\n"
	"  totaal_ingediend INTEGER NOT NULL,\n"
	"  totaal_toegekend INTEGER NOT NULL\n"
	END
	/* A declared line is stored even when it matches no youth, trajectory
	 * or toewijzing (it is then rejected with a retourcode), so those
	 * columns are nullable and toewijzing_nummer is no reference. */
	"CREATE TABLE prestatie (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  declaratie_id INTEGER NOT NULL REFERENCES declaratie (id),\n"
	"  referentie TEXT NOT NULL CHECK (length(referentie) BETWEEN 1 AND 20),\n"
	"  jeugdige_id INTEGER REFERENCES jeugdige (id),\n"
	"  traject_id INTEGER REFERENCES traject (id),\n"
	"  toewijzing_nummer INTEGER,\n"
	"  " CODE2("categorie") ",\n"
	"  " PRODUCT("productcode") ",\n"
	"  " DATUM("periode_begin") " NOT NULL,\n"
	"  " DATUM("periode_eind") " NOT NULL,\n"
	"  volume INTEGER NOT NULL,\n"
	"  " CODE2("eenheid") ",\n"
	"  tarief INTEGER NOT NULL,\n"
	"  bedrag INTEGER NOT NULL,\n"
	"  retourcode TEXT NOT NULL CHECK (length(retourcode) = 4),\n"
	"  " BOOL("goedgekeurd") "\n"
	END
	"CREATE TABLE capaciteit (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  " AGB("agb") " NOT NULL REFERENCES aanbieder (agb),\n"
	"  " PRODUCT("productcode") ",\n"
	"  " DATUM("peildatum") " NOT NULL,\n"
	"  vrije_plaatsen INTEGER NOT NULL,\n"
	"  crisis_gereserveerd INTEGER NOT NULL\n"
	END
	"CREATE TABLE schoolstatus (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  jeugdige_id INTEGER NOT NULL REFERENCES jeugdige (id),\n"
	"  " DATUM("niet_naar_school_sinds") " NOT NULL,\n"
	"  " DATUM("tot") "\n"
	END
	"CREATE TABLE perspectiefplan (\n"
	"  jeugdige_id INTEGER NOT NULL REFERENCES jeugdige (id),\n"
	"  " DATUM("datum") " NOT NULL,\n"
	"  PRIMARY KEY (jeugdige_id, datum)\n"
	END
	/* Indexes for the indicator loads (ordered reads) and lookups. The
	 * trajectory index on (jeugdige_id, id) gives store_kpi_load its
	 * required order without a sort. */
	"CREATE INDEX traject_jeugdige ON traject (jeugdige_id, id);\n"
	"CREATE INDEX traject_gemeente ON traject (gemeente);\n"
	"CREATE INDEX traject_begindatum ON traject (begindatum);\n"
	"CREATE INDEX traject_toewijzing ON traject (toewijzing_nummer);\n"
	"CREATE INDEX prestatie_traject ON prestatie (traject_id);\n"
	"CREATE INDEX prestatie_declaratie ON prestatie (declaratie_id);\n"
	"CREATE INDEX verwijzing_jeugdige ON verwijzing (jeugdige_id);\n"
	"CREATE INDEX toewijzing_jeugdige ON toewijzing (jeugdige_id);\n"
	"CREATE INDEX declaratie_agb ON declaratie (agb, nummer);\n"
	"CREATE INDEX besluit_traject ON zorgelijk_besluit (traject_id, tijdstip);\n"
	"CREATE INDEX schoolstatus_jeugdige ON schoolstatus (jeugdige_id);\n"
	"CREATE INDEX capaciteit_agb ON capaciteit (agb, peildatum);\n";

/* Migration 2: login and the audit log (NEN 7513).
 *
 * gebruiker gains its timestamps (ISO 8601 UTC text) and the login
 * throttle (failed attempts, blocked until: unix seconds). Scopes name a
 * gemeente code, a lokaal_team id or an aanbieder AGB as text; the store
 * checks on insert that the value exists (one column for three kinds of
 * reference cannot be a foreign key). Sessions and API tokens are kept
 * by the hash of their token only.
 *
 * audit_log: append-only, ids 1, 2, 3, ... assigned by the store under the
 * lock of the head row audit_kop, each record chained to the one before
 * by hash (domain/audit.h). The head is created by the first append, not
 * here: a new database holds no rows outside schema_versie (copy relies
 * on that). Forbidding UPDATE and DELETE needs triggers, which the two
 * dialects spell differently: see migration_2_sqlite / _postgres.
 */
static const char migration_2[] =
	"ALTER TABLE gebruiker ADD COLUMN aangemaakt TEXT CHECK (length(aangemaakt) = 20);\n"
	"ALTER TABLE gebruiker ADD COLUMN laatst_gewijzigd TEXT"
	" CHECK (length(laatst_gewijzigd) = 20);\n"
	"ALTER TABLE gebruiker ADD COLUMN mislukte_pogingen INTEGER NOT NULL DEFAULT 0"
	" CHECK (mislukte_pogingen >= 0);\n"
	"ALTER TABLE gebruiker ADD COLUMN geblokkeerd_tot INTEGER;\n"
	"CREATE TABLE gebruiker_scope (\n"
	"  gebruiker_id INTEGER NOT NULL REFERENCES gebruiker (id),\n"
	"  soort TEXT NOT NULL CHECK (soort IN ('gemeente', 'lokaal_team', 'aanbieder')),\n"
	"  waarde TEXT NOT NULL CHECK (length(waarde) BETWEEN 1 AND 20),\n"
	"  PRIMARY KEY (gebruiker_id, soort, waarde)\n"
	END
	"CREATE TABLE sessie (\n"
	"  token_hash TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),\n"
	"  gebruiker_id INTEGER NOT NULL REFERENCES gebruiker (id),\n"
	"  aangemaakt INTEGER NOT NULL,\n"
	"  laatst_actief INTEGER NOT NULL,\n"
	"  verloopt INTEGER NOT NULL,\n"
	"  csrf_hash TEXT CHECK (length(csrf_hash) = 64)\n"
	END
	"CREATE TABLE api_token (\n"
	"  token_hash TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),\n"
	"  " NAAM("naam") " NOT NULL,\n"
	"  soort TEXT NOT NULL CHECK (soort IN ('gemeente', 'aanbieder')),\n"
	"  waarde TEXT NOT NULL CHECK (length(waarde) BETWEEN 1 AND 20),\n"
	"  aangemaakt TEXT NOT NULL CHECK (length(aangemaakt) = 20),\n"
	"  ingetrokken TEXT CHECK (length(ingetrokken) = 20)\n"
	END
	"CREATE TABLE audit_log (\n"
	"  id INTEGER PRIMARY KEY CHECK (id >= 1),\n"
	"  tijdstip TEXT NOT NULL CHECK (length(tijdstip) = 20),\n"
	"  gebruiker TEXT NOT NULL CHECK (length(gebruiker) BETWEEN 1 AND 95),\n"
	"  rol TEXT NOT NULL CHECK (length(rol) BETWEEN 1 AND 15),\n"
	"  namens TEXT CHECK (length(namens) BETWEEN 1 AND 95),\n"
	"  jeugdige_pseudoniem TEXT CHECK (length(jeugdige_pseudoniem) = 64),\n"
	"  actie TEXT NOT NULL CHECK (actie IN ('lezen', 'wijzigen', 'toevoegen', 'verwijderen',"
	" 'inloggen', 'inloggen_mislukt', 'uitloggen', 'beheer', 'export')),\n"
	"  object TEXT NOT NULL CHECK (length(object) BETWEEN 1 AND 199),\n"
	"  bron_adres TEXT CHECK (length(bron_adres) BETWEEN 1 AND 63),\n"
	"  verzoek_id TEXT CHECK (length(verzoek_id) BETWEEN 1 AND 63),\n"
	"  vorige_hash TEXT NOT NULL CHECK (length(vorige_hash) = 64),\n"
	"  hash TEXT NOT NULL CHECK (length(hash) = 64)\n"
	END
	"CREATE TABLE audit_kop (\n"
	"  nr INTEGER PRIMARY KEY CHECK (nr = 1),\n"
	"  laatste_id INTEGER NOT NULL CHECK (laatste_id >= 0),\n"
	"  laatste_hash TEXT NOT NULL CHECK (length(laatste_hash) = 64)\n"
	END
	"CREATE INDEX gebruiker_scope_waarde ON gebruiker_scope (soort, waarde);\n"
	"CREATE INDEX sessie_gebruiker ON sessie (gebruiker_id);\n"
	"CREATE INDEX sessie_verloopt ON sessie (verloopt);\n"
	"CREATE INDEX audit_log_pseudoniem ON audit_log (jeugdige_pseudoniem, id);\n"
	"CREATE INDEX audit_log_gebruiker ON audit_log (gebruiker, id);\n"
	"CREATE INDEX audit_log_tijdstip ON audit_log (tijdstip, id);\n";

/* The append-only guard, SQLite: a trigger that aborts every UPDATE and
 * DELETE of audit_log (DELETE without WHERE fires it too: SQLite's
 * truncate shortcut is off for tables with triggers), and one that lets
 * the head move only one record forward. */
static const char migration_2_sqlite[] =
	"CREATE TRIGGER audit_log_geen_update BEFORE UPDATE ON audit_log\n"
	"BEGIN SELECT RAISE(ABORT, 'audit_log is alleen-toevoegen'); END;\n"
	"CREATE TRIGGER audit_log_geen_delete BEFORE DELETE ON audit_log\n"
	"BEGIN SELECT RAISE(ABORT, 'audit_log is alleen-toevoegen'); END;\n"
	"CREATE TRIGGER audit_kop_vooruit BEFORE UPDATE ON audit_kop\n"
	"WHEN NEW.laatste_id <> OLD.laatste_id + 1 OR NEW.nr <> OLD.nr\n"
	"BEGIN SELECT RAISE(ABORT, 'audit_kop gaat alleen één record vooruit'); END;\n";

/* The same guard, PostgreSQL: plpgsql trigger functions; TRUNCATE skips
 * row triggers, so it gets a statement trigger of its own. */
static const char migration_2_postgres[] =
	"CREATE FUNCTION audit_log_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$\n"
	"BEGIN\n"
	"  RAISE EXCEPTION 'audit_log is alleen-toevoegen (% geweigerd)', TG_OP;\n"
	"END $$;\n"
	"CREATE TRIGGER audit_log_geen_wijziging BEFORE UPDATE OR DELETE ON audit_log\n"
	"  FOR EACH ROW EXECUTE FUNCTION audit_log_alleen_toevoegen();\n"
	"CREATE TRIGGER audit_log_geen_truncate BEFORE TRUNCATE ON audit_log\n"
	"  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_alleen_toevoegen();\n"
	"CREATE FUNCTION audit_kop_vooruit() RETURNS trigger LANGUAGE plpgsql AS $$\n"
	"BEGIN\n"
	"  IF NEW.laatste_id <> OLD.laatste_id + 1 OR NEW.nr <> OLD.nr THEN\n"
	"    RAISE EXCEPTION 'audit_kop gaat alleen één record vooruit';\n"
	"  END IF;\n"
	"  RETURN NEW;\n"
	"END $$;\n"
	"CREATE TRIGGER audit_kop_vooruit BEFORE UPDATE ON audit_kop\n"
	"  FOR EACH ROW EXECUTE FUNCTION audit_kop_vooruit();\n";

/* Indexes for the scoped reads of the web server: a youth's declarations,
 * and youth by residence, provider or payer. One valid API token per name
 * (`token revoke --naam` must name one token), also against two
 * concurrent `token add` on PostgreSQL's READ COMMITTED. */
static const char migration_3[] =
	"CREATE UNIQUE INDEX api_token_naam_geldig ON api_token (naam) "
	"WHERE ingetrokken IS NULL;\n"
	"CREATE INDEX prestatie_jeugdige ON prestatie (jeugdige_id);\n"
	"CREATE INDEX contract_agb ON contract (agb, segment);\n"
	"CREATE INDEX woonplaats_gemeente ON woonplaats (gemeente, jeugdige_id);\n"
	"CREATE INDEX toewijzing_agb ON toewijzing (agb, jeugdige_id);\n"
	"CREATE INDEX traject_agb ON traject (agb, jeugdige_id);\n"
	"CREATE INDEX traject_gemeente_jeugdige ON traject (gemeente, jeugdige_id);\n";

/* Migration 4: the iJw inbox and outbox, and the requests (315/317) that
 * wait for the municipality's 301 or 319.
 *
 * ijw_bericht: every message received or sent, as it was (xml), its
 * status, its retourbericht and the youth it concerns. agb and gemeente
 * name the two parties whatever the direction (gemeente is NULL when the
 * Ontvanger is not a gemeente of this installation), so one index each
 * serves the searches per aanbieder, per gemeente and per youth.
 * TR056: the partial unique index makes (afzender, identificatie, soort)
 * unique among the messages that were processed; a message refused
 * before that (afgekeurd_xsd: not readable or not valid against the XSD;
 * geweigerd: not from the party it claims to be from) is kept in the
 * inbox but claims no identificatie, so the corrected message may carry
 * the same one. xml is NULL only when the bytes are not UTF-8 text
 * (OP192) and so cannot be kept in a TEXT column.
 *
 * ijw_bevinding: the findings of a message (rule code, its retourcode,
 * location, Dutch message), in order.
 *
 * ijw_verzoek: one row per ReferentieAanbieder of a 315 or 317 (each
 * gets its own 301 or 319): open until the answer. bsn is kept because a
 * 317 names the client by BSN alone and the youth may be unknown here.
 */
static const char migration_4[] =
	"CREATE TABLE ijw_bericht (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  richting TEXT NOT NULL CHECK (richting IN ('in', 'uit')),\n"
	"  soort TEXT CHECK (length(soort) = 5),\n"
	"  afzender TEXT CHECK (length(afzender) IN (4, 8)),\n"
	"  ontvanger TEXT CHECK (length(ontvanger) IN (4, 8)),\n"
	"  identificatie TEXT CHECK (length(identificatie) BETWEEN 1 AND 12),\n"
	"  " DATUM("dagtekening") ",\n"
	"  ontvangen_op TEXT NOT NULL CHECK (length(ontvangen_op) = 20),\n"
	"  status TEXT NOT NULL CHECK (status IN ('verwerkt', 'afgekeurd_xsd', 'afgekeurd',"
	" 'deels_afgekeurd', 'geweigerd')),\n"
	"  " AGB("agb") ",\n"
	"  " GEMEENTE("gemeente") " REFERENCES gemeente (code),\n"
	"  jeugdige_id INTEGER REFERENCES jeugdige (id),\n"
	"  xml TEXT,\n"
	"  retour_xml TEXT,\n"
	"  retour_identificatie TEXT CHECK (length(retour_identificatie) BETWEEN 1 AND 12)\n"
	END
	"CREATE TABLE ijw_bevinding (\n"
	"  bericht_id INTEGER NOT NULL REFERENCES ijw_bericht (id),\n"
	"  nr INTEGER NOT NULL CHECK (nr >= 1),\n"
	"  code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 7),\n"
	"  retourcode TEXT CHECK (length(retourcode) = 4),\n"
	"  pad TEXT NOT NULL CHECK (length(pad) <= 255),\n"
	"  melding TEXT NOT NULL CHECK (length(melding) <= 511),\n"
	"  PRIMARY KEY (bericht_id, nr)\n"
	END
	"CREATE TABLE ijw_verzoek (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  bericht_id INTEGER NOT NULL REFERENCES ijw_bericht (id),\n"
	"  soort TEXT NOT NULL CHECK (soort IN ('JW315', 'JW317')),\n"
	"  " AGB("agb") " NOT NULL,\n"
	"  " GEMEENTE("gemeente") " NOT NULL REFERENCES gemeente (code),\n"
	"  bsn TEXT NOT NULL CHECK (length(bsn) = 9),\n"
	"  jeugdige_id INTEGER REFERENCES jeugdige (id),\n"
	"  referentie_aanbieder TEXT NOT NULL CHECK (length(referentie_aanbieder) BETWEEN 1 AND 36),\n"
	"  " DATUM("dagtekening") " NOT NULL,\n"
	"  status TEXT NOT NULL CHECK (status IN ('open', 'in_onderzoek', 'toegewezen',"
	" 'afgewezen')),\n"
	"  UNIQUE (agb, referentie_aanbieder)\n"
	END
	"CREATE UNIQUE INDEX ijw_bericht_sleutel ON ijw_bericht (afzender, identificatie, soort) "
	"WHERE status NOT IN ('afgekeurd_xsd', 'geweigerd');\n"
	"CREATE INDEX ijw_bericht_agb ON ijw_bericht (agb, id);\n"
	"CREATE INDEX ijw_bericht_gemeente ON ijw_bericht (gemeente, id);\n"
	"CREATE INDEX ijw_bericht_jeugdige ON ijw_bericht (jeugdige_id, id);\n"
	"CREATE INDEX ijw_verzoek_client ON ijw_verzoek (agb, bsn, status);\n";

/* Migration 5: which outgoing messages (ijw_bericht richting 'uit') were
 * written to disk by `ijw export`, and when; a message without a row is
 * still to be exported. A table of its own rather than a column, so that
 * the inbox row stays as it was written. */
static const char migration_5[] =
	"CREATE TABLE ijw_export (\n"
	"  bericht_id INTEGER NOT NULL PRIMARY KEY REFERENCES ijw_bericht (id),\n"
	"  geexporteerd_op TEXT NOT NULL CHECK (length(geexporteerd_op) = 20)\n"
	END
	"CREATE INDEX ijw_verzoek_status ON ijw_verzoek (status, gemeente);\n"
	"CREATE INDEX ijw_bericht_richting ON ijw_bericht (richting, id);\n";

/* The cross-message rules on a JW323 look Prestaties up by ReferentieNummer
 * (TR314, TR323), by toewijzing and ProductPeriode (TR322, TR369, TR389,
 * TR390) and the last DeclaratiePeriode of an aanbieder at a gemeente
 * (TR318): without these, every Prestatie of a month scans them all. */
static const char migration_6[] =
	"CREATE INDEX prestatie_referentie ON prestatie (referentie);\n"
	"CREATE INDEX prestatie_toewijzing ON prestatie (toewijzing_nummer, periode_begin);\n"
	"CREATE INDEX declaratie_agb_gemeente ON declaratie (agb, gemeente, periode_begin);\n";

/* Migration 7: the waiting list and capacity (issue 6).
 *
 * treeknorm: the norm per segment when the region sets one other than the
 * default (domain/kpi.h treeknorm_standaard); no row: the default.
 * instelling: whole-number settings by key (e.g. after how many days a
 * capacity report counts as stale), with who changed them last.
 * zorgelijk_besluit (migration 1) already is the history of staff
 * decisions on worrying waiters; it gains the role the decider acted in.
 * capaciteit gains the group of a group product (free seats per group),
 * when and by whom it was reported and the upload it came in, so that a
 * report is never overwritten: the latest per (agb, product, group)
 * counts and the rest is history. capaciteit_upload keeps a fingerprint
 * of each accepted CSV upload, so that the same file twice is refused.
 */
static const char migration_7[] =
	"CREATE TABLE treeknorm (\n"
	"  segment INTEGER NOT NULL PRIMARY KEY CHECK (segment BETWEEN 1 AND 7),\n"
	"  tot_intake INTEGER NOT NULL CHECK (tot_intake BETWEEN 0 AND 730),\n"
	"  intake_tot_start INTEGER NOT NULL CHECK (intake_tot_start BETWEEN 0 AND 730),\n"
	"  gewijzigd TEXT NOT NULL CHECK (length(gewijzigd) = 20),\n"
	"  " NAAM("door") " NOT NULL\n"
	END
	"CREATE TABLE instelling (\n"
	"  sleutel TEXT NOT NULL PRIMARY KEY CHECK (length(sleutel) BETWEEN 1 AND 64),\n"
	"  waarde INTEGER NOT NULL,\n"
	"  gewijzigd TEXT NOT NULL CHECK (length(gewijzigd) = 20),\n"
	"  " NAAM("door") " NOT NULL\n"
	END
	"CREATE TABLE capaciteit_upload (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  " AGB("agb") " NOT NULL REFERENCES aanbieder (agb),\n"
	"  vingerafdruk TEXT NOT NULL CHECK (length(vingerafdruk) = 64),\n"
	"  tijdstip TEXT NOT NULL CHECK (length(tijdstip) = 20),\n"
	"  " NAAM("door") " NOT NULL,\n"
	"  regels INTEGER NOT NULL CHECK (regels >= 0),\n"
	"  UNIQUE (agb, vingerafdruk)\n"
	END
	"ALTER TABLE zorgelijk_besluit ADD COLUMN rol TEXT CHECK (length(rol) <= 15);\n"
	"ALTER TABLE capaciteit ADD COLUMN groep TEXT CHECK (length(groep) BETWEEN 1 AND 40);\n"
	"ALTER TABLE capaciteit ADD COLUMN gemeld_op TEXT CHECK (length(gemeld_op) = 20);\n"
	"ALTER TABLE capaciteit ADD COLUMN " NAAM("gemeld_door") ";\n"
	"ALTER TABLE capaciteit ADD COLUMN upload_id INTEGER REFERENCES capaciteit_upload (id);\n"
	/* The waiting list reads the trajectories that are not started,
	 * ended or lapsed; the latest capacity per product and group. */
	"CREATE INDEX traject_status ON traject (status, aanmelddatum);\n"
	"CREATE INDEX capaciteit_product ON capaciteit (agb, productcode, groep, peildatum);\n";

/* Migration 8: what a referral by the local team is about and which team
 * made it (the /toewijzen form asks both). Nullable: referrals from
 * before this migration, from a provider's JW315 and from the demo have
 * neither. The reason is free text: the region has no fixed list of
 * referral reasons (DOMAIN.md names only the referrer types, COD327).
 */
static const char migration_8[] =
	"ALTER TABLE verwijzing ADD COLUMN reden TEXT CHECK (length(reden) BETWEEN 1 AND 200);\n"
	"ALTER TABLE verwijzing ADD COLUMN team_id INTEGER REFERENCES lokaal_team (id);\n";

/* Migration 9: matching rounds (issue 6, koppelen).
 *
 * koppel_ronde: one computation of proposals on a peildatum, by whom,
 * on which version of the record, with its totals and how long it took.
 * koppel_voorstel: per waiting traject of a round its proposal (a place:
 * agb, product, group; or not now), the explanation (cost, runner-up,
 * meerkosten) and what a person did with it: still voorgesteld,
 * bevestigd (the toewijzing it became) or afgewezen (reason, who, when).
 * The next round reads the last proposals back as the earlier proposal
 * (stability) and every turned-down place of a traject as forbidden.
 * A place is named by (agb, product, group), not by a capacity report,
 * so that a new report of the same place keeps the proposal stable.
 */
static const char migration_9[] =
	"CREATE TABLE koppel_ronde (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  " DATUM("peildatum") " NOT NULL,\n"
	"  tijdstip TEXT NOT NULL CHECK (length(tijdstip) = 20),\n"
	"  " NAAM("door") " NOT NULL,\n"
	"  data_versie TEXT NOT NULL CHECK (length(data_versie) <= 20),\n"
	"  jeugdigen INTEGER NOT NULL CHECK (jeugdigen >= 0),\n"
	"  plekken INTEGER NOT NULL CHECK (plekken >= 0),\n"
	"  plaatsen INTEGER NOT NULL CHECK (plaatsen >= 0),\n"
	"  gekoppeld INTEGER NOT NULL CHECK (gekoppeld >= 0),\n"
	"  totaal INTEGER NOT NULL,\n"
	"  duur_us INTEGER NOT NULL CHECK (duur_us >= 0)\n"
	END
	"CREATE TABLE koppel_voorstel (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  ronde_id INTEGER NOT NULL REFERENCES koppel_ronde (id),\n"
	"  traject_id INTEGER NOT NULL REFERENCES traject (id),\n"
	"  jeugdige_id INTEGER NOT NULL REFERENCES jeugdige (id),\n"
	"  " GEMEENTE("gemeente") " NOT NULL REFERENCES gemeente (code),\n"
	"  " SEGMENT("segment") ",\n"
	"  " PRODUCT("gevraagd_product") ",\n"
	"  " AGB("huidig_agb") ",\n"
	"  leeftijd INTEGER NOT NULL CHECK (leeftijd BETWEEN 0 AND 30),\n"
	"  urgentie INTEGER NOT NULL CHECK (urgentie BETWEEN 0 AND 2),\n"
	"  " BOOL("crisis") ",\n"
	"  weken INTEGER NOT NULL CHECK (weken >= 0),\n"
	"  keuze TEXT NOT NULL CHECK (keuze IN ('plek', 'niet_nu')),\n"
	"  " AGB("agb") " REFERENCES aanbieder (agb),\n"
	"  " PRODUCT("productcode") ",\n"
	"  groep TEXT CHECK (length(groep) BETWEEN 1 AND 40),\n"
	"  " BOOL("crisisplaats") ",\n"
	"  afstand_hm INTEGER NOT NULL CHECK (afstand_hm >= 0),\n"
	"  " BOOL("voorkeur") ",\n"
	"  " BOOL("als_vorig") ",\n"
	"  kosten INTEGER NOT NULL,\n"
	"  wachtkosten INTEGER NOT NULL,\n"
	"  tweede TEXT NOT NULL CHECK (tweede IN ('plek', 'niet_nu', 'geen')),\n"
	"  " AGB("tweede_agb") " REFERENCES aanbieder (agb),\n"
	"  " PRODUCT("tweede_productcode") ",\n"
	"  tweede_groep TEXT CHECK (length(tweede_groep) BETWEEN 1 AND 40),\n"
	"  tweede_kosten INTEGER NOT NULL,\n"
	"  meerkosten INTEGER NOT NULL,\n"
	"  status TEXT NOT NULL CHECK (status IN ('voorgesteld', 'bevestigd', 'afgewezen')),\n"
	"  toewijzing_nummer INTEGER REFERENCES toewijzing (nummer),\n"
	"  reden TEXT CHECK (length(reden) <= 199),\n"
	"  " NAAM("besloten_door") ",\n"
	"  besloten_op TEXT CHECK (length(besloten_op) = 20),\n"
	"  UNIQUE (ronde_id, traject_id)\n"
	END
	"CREATE INDEX koppel_voorstel_traject ON koppel_voorstel (traject_id, status);\n";

/* Migration 10: the next round reads every confirmed and every turned-
 * down proposal (koppel_store.c); without this the table is scanned, and
 * it grows by a round's worth of rows each time. */
static const char migration_10[] =
	"CREATE INDEX koppel_voorstel_status ON koppel_voorstel (status, besloten_op);\n";

/* Migration 11: the monthly indicator aggregates (maandcijfers_store.h):
 * additive rows per period (YYYYMM or YYYY), measure, rollup key and
 * histogram day count, kept in the same transaction as the facts. The
 * key is the table's order, so a series of one selection is one range;
 * SQLite stores it WITHOUT ROWID (no second copy of the key). */
#define MAANDCIJFER_KOLOMMEN \
	"  gemeente TEXT NOT NULL CHECK (length(gemeente) <= 4),\n" \
	"  segment INTEGER NOT NULL CHECK (segment BETWEEN -1 AND 7),\n" \
	"  agb TEXT NOT NULL CHECK (length(agb) <= 8),\n" \
	"  verwijzer TEXT NOT NULL CHECK (length(verwijzer) <= 2),\n" \
	"  maat INTEGER NOT NULL,\n" \
	"  periode INTEGER NOT NULL,\n" \
	"  dagen INTEGER NOT NULL,\n" \
	"  waarde INTEGER NOT NULL,\n" \
	"  PRIMARY KEY (gemeente, segment, agb, verwijzer, maat, periode, dagen)\n"
/* The table starts empty: no horizon until the first rebuild. */
static const char migration_11[] = "DELETE FROM meta WHERE sleutel = 'maandcijfers.tot_jaar';\n";
static const char migration_11_sqlite[] =
	"CREATE TABLE maandcijfer (\n" MAANDCIJFER_KOLOMMEN ") STRICT, WITHOUT ROWID;\n";
static const char migration_11_postgres[] =
	"CREATE TABLE maandcijfer (\n" MAANDCIJFER_KOLOMMEN ");\n";
/* Migration 12: duiding (issue 7), the story behind a figure.
 *
 * One row per version: a comment by a partner on an indicator (a key of
 * store/duiding_store.h's list), a gemeente (NULL: the region) and a
 * period. The period is kept as written ("2025" a year, "2025-K3" a
 * quarter, "2025-07" a month) and as its first and last day, so that a
 * page can ask for every duiding overlapping its dates. reeks is the id
 * of the first version and names the duiding; an edit or a withdrawal is
 * a new row with the next versie (UNIQUE: of two concurrent edits of the
 * same version one loses), so the history is never overwritten. A
 * withdrawal carries no text, or the reason in tekst. Author, role and
 * organisation are stored as they were, since users change. Like
 * audit_log, the table refuses UPDATE and DELETE (triggers per dialect).
 */
static const char migration_12[] =
	"CREATE TABLE duiding (\n"
	"  id INTEGER PRIMARY KEY CHECK (id >= 1),\n"
	"  reeks INTEGER NOT NULL REFERENCES duiding (id),\n"
	"  versie INTEGER NOT NULL CHECK (versie >= 1),\n"
	"  indicator TEXT NOT NULL CHECK (length(indicator) BETWEEN 1 AND 31),\n"
	"  " GEMEENTE("gemeente") " REFERENCES gemeente (code),\n"
	"  periode TEXT NOT NULL CHECK (length(periode) IN (4, 7)),\n"
	"  " DATUM("periode_begin") " NOT NULL,\n"
	"  " DATUM("periode_einde") " NOT NULL,\n"
	"  tekst TEXT CHECK (length(tekst) BETWEEN 1 AND 2000),\n"
	"  " BOOL("ingetrokken") ",\n"
	"  " NAAM("auteur") " NOT NULL,\n"
	"  auteur_rol TEXT NOT NULL CHECK (length(auteur_rol) BETWEEN 1 AND 15),\n"
	"  namens TEXT CHECK (length(namens) BETWEEN 1 AND 95),\n"
	"  aangemaakt TEXT NOT NULL CHECK (length(aangemaakt) = 20),\n"
	"  CHECK ((versie = 1) = (reeks = id)),\n"
	"  CHECK (ingetrokken = 1 OR tekst IS NOT NULL),\n"
	"  CHECK (periode_begin <= periode_einde),\n"
	"  UNIQUE (reeks, versie)\n"
	END
	"CREATE INDEX duiding_onderwerp ON duiding (indicator, gemeente, periode_begin);\n";

/* The append-only guard of duiding, as migration_2's for audit_log. */
static const char migration_12_sqlite[] =
	"CREATE TRIGGER duiding_geen_update BEFORE UPDATE ON duiding\n"
	"BEGIN SELECT RAISE(ABORT, 'duiding is alleen-toevoegen: een wijziging is een nieuwe "
	"versie'); END;\n"
	"CREATE TRIGGER duiding_geen_delete BEFORE DELETE ON duiding\n"
	"BEGIN SELECT RAISE(ABORT, 'duiding is alleen-toevoegen: intrekken is een nieuwe "
	"versie'); END;\n";

static const char migration_12_postgres[] =
	"CREATE FUNCTION duiding_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$\n"
	"BEGIN\n"
	"  RAISE EXCEPTION 'duiding is alleen-toevoegen (% geweigerd)', TG_OP;\n"
	"END $$;\n"
	"CREATE TRIGGER duiding_geen_wijziging BEFORE UPDATE OR DELETE ON duiding\n"
	"  FOR EACH ROW EXECUTE FUNCTION duiding_alleen_toevoegen();\n"
	"CREATE TRIGGER duiding_geen_truncate BEFORE TRUNCATE ON duiding\n"
	"  FOR EACH STATEMENT EXECUTE FUNCTION duiding_alleen_toevoegen();\n";
/* Migration 13: persoonsgebonden budgetten (issue 7, money). A PGB is
 * not in iJw: the youth (or parents) buy care themselves from a budget
 * the gemeente awards, so the money page shows it as its own route next
 * to contracted care. Kept simple: one row per award and calendar year
 * (a multi-year award is one row per year), bedrag the eurocents awarded
 * for that year, begindatum..einddatum the part of the year it covers.
 */
static const char migration_13[] =
	"CREATE TABLE pgb (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  jeugdige_id INTEGER NOT NULL REFERENCES jeugdige (id),\n"
	"  " GEMEENTE("gemeente") " NOT NULL REFERENCES gemeente (code),\n"
	"  jaar INTEGER NOT NULL CHECK (jaar BETWEEN 1900 AND 2199),\n"
	"  bedrag INTEGER NOT NULL CHECK (bedrag >= 0),\n"
	"  " DATUM("begindatum") " NOT NULL,\n"
	"  " DATUM("einddatum") " NOT NULL,\n"
	"  CHECK (begindatum <= einddatum)\n"
	END
	"CREATE INDEX pgb_jaar ON pgb (jaar, gemeente);\n";

static const struct migration migrations[] = {
	{ 1, "het hele register: regio, inkoop, jeugdigen, trajecten, declaraties", migration_1,
	  NULL, NULL },
	{ 2, "gebruikers, sessies, API-tokens en het auditlog", migration_2,
	  migration_2_sqlite, migration_2_postgres },
	{ 3, "indexen voor de leesrechten van de webserver", migration_3, NULL, NULL },
	{ 4, "iJw: berichten in en uit, bevindingen, verzoeken om toewijzing", migration_4, NULL,
	  NULL },
	{ 5, "iJw: geëxporteerde uitgaande berichten, wachtrij van verzoeken", migration_5, NULL,
	  NULL },
	{ 6, "iJw: indexen voor de berichtoverstijgende regels op declaraties", migration_6, NULL,
	  NULL },
	{ 7, "wachtlijst en capaciteit: Treeknorm per segment, instellingen, besluiten, "
	     "capaciteitsmeldingen per groep en uploads", migration_7, NULL, NULL },
	{ 8, "verwijzing: reden en lokaal team", migration_8, NULL, NULL },
	{ 9, "koppelen: rondes van voorstellen, bevestigd of afgewezen", migration_9, NULL,
	  NULL },
	{ 10, "koppelen: index op de besliste voorstellen", migration_10, NULL, NULL },
	{ 11, "maandcijfers: indicatoren per maand en jaar, bijgehouden met de feiten",
	  migration_11, migration_11_sqlite, migration_11_postgres },
	{ 12, "duiding: het verhaal achter een cijfer, met versies", migration_12,
	  migration_12_sqlite, migration_12_postgres },
	{ 13, "persoonsgebonden budgetten (PGB)", migration_13, NULL, NULL },
};

#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

static const char *const tables[] = {
#define TABLE_NAME(t) #t,
	SCHEMA_TABLES(TABLE_NAME)
#undef TABLE_NAME
};

static const struct sql_stmt schema_version_max = {
	"schema_version_max",
	"SELECT max(versie) FROM schema_versie",
};

/* PostgreSQL only (dialect variant): BEGIN does not serialize writers
 * there as SQLite's BEGIN IMMEDIATE does, so two processes opening a new
 * database at once queue on this transaction-scoped advisory lock (key:
 * DB_APPLICATION_ID, "JREG") before re-reading the version. */
#define SCHEMA_LOCK_POSTGRES "SELECT pg_advisory_xact_lock(1246905671)"
_Static_assert(1246905671 == DB_APPLICATION_ID, "lock key is the application id");

static const struct sql_stmt schema_version_insert = {
	"schema_version_insert",
	"INSERT INTO schema_versie (versie, beschrijving, toegepast) VALUES ($1, $2, $3)",
};

int schema_newest(void)
{
	return migrations[N_MIGRATIONS - 1].version;
}

bool schema_has_table(const char *name)
{
	if (!name)
		return false;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i], name) == 0)
			return true;
	return false;
}

int schema_version(const struct db_driver *drv, struct db_conn *c)
{
	struct db_stmt *s;
	int rc = drv->table_exists(c, "schema_versie");

	if (rc <= 0)
		return rc;
	s = drv->prepare(c, &schema_version_max);
	if (!s)
		return -2;
	rc = drv->step(s);
	if (rc == 1)
		rc = drv->column_is_null(s, 0) ? 0 : (int)drv->column_int64(s, 0);
	else if (rc == 0)
		rc = 0;
	drv->reset(s);
	return rc;
}

static int record_version(const struct db_driver *drv, struct db_conn *c,
			  const struct migration *m)
{
	char when[32];
	time_t now = time(NULL);
	struct tm tm;
	struct db_stmt *s = drv->prepare(c, &schema_version_insert);
	int rc;

	if (!s)
		return -2;
	/* UTC, ISO 8601: when the migration ran, for the administrator. */
	if (!gmtime_r(&now, &tm) || strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(when, sizeof when, "?");
	rc = drv->bind_int64(s, 1, m->version);
	if (rc == 0)
		rc = drv->bind_text(s, 2, m->description);
	if (rc == 0)
		rc = drv->bind_text(s, 3, when);
	if (rc == 0)
		rc = drv->step(s);
	drv->reset(s);
	return rc < 0 ? rc : 0;
}

static int too_new(int v, char *err, size_t errlen)
{
	snprintf(err, errlen,
		 "deze database is gemaakt door een nieuwere versie van jeugdregie "
		 "(schema %d, deze versie kent %d); werk jeugdregie bij",
		 v, schema_newest());
	return -2;
}

int schema_migrate(const struct db_driver *drv, struct db_conn *c, char *err, size_t errlen)
{
	int v = schema_version(drv, c), rc;

	if (v < 0) {
		rc = v;
		goto driver_error;
	}
	if (v > schema_newest())
		return too_new(v, err, errlen);

	for (size_t i = 0; i < N_MIGRATIONS; i++) {
		const struct migration *m = &migrations[i];

		if (m->version <= v)
			continue;
		rc = drv->begin(c);
		if (rc == 0) {
			switch (drv->dialect) {
			case DB_DIALECT_SQLITE:
				break; /* BEGIN IMMEDIATE took the write lock */
			case DB_DIALECT_POSTGRES:
				rc = drv->exec(c, SCHEMA_LOCK_POSTGRES);
				if (rc < 0)
					drv->rollback(c);
				break;
			}
		}
		if (rc < 0)
			goto driver_error;
		/* Another process may have migrated between our read and the
		 * write lock; read again under the lock. */
		v = schema_version(drv, c);
		if (v < 0 || v >= m->version) {
			rc = v;
			drv->rollback(c);
			if (v < 0)
				goto driver_error;
			if (v > schema_newest())
				return too_new(v, err, errlen);
			continue;
		}
		rc = drv->exec_ddl(c, m->sql);
		if (rc == 0) {
			const char *eigen = NULL;

			switch (drv->dialect) {
			case DB_DIALECT_SQLITE:
				eigen = m->sql_sqlite;
				break;
			case DB_DIALECT_POSTGRES:
				eigen = m->sql_postgres;
				break;
			}
			if (eigen)
				rc = drv->exec_ddl(c, eigen);
		}
		if (rc == 0)
			rc = record_version(drv, c, m);
		if (rc == 0)
			rc = drv->commit(c);
		if (rc < 0) {
			snprintf(err, errlen, "migratie %d (%s) mislukt: %s",
				 m->version, m->description, drv->error(c));
			drv->rollback(c);
			return rc;
		}
		v = m->version;
	}
	return v;

driver_error:
	snprintf(err, errlen, "schemaversie lezen mislukt: %s", drv->error(c));
	return rc;
}
