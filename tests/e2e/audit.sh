#!/usr/bin/env bash
# End-to-end tests of `audit verify|zoek|inzage` on the backend under
# test: an intact chain after appends through the CLI, and every kind of
# tampering (a changed field, a removed record, two swapped records, a
# removed last record) found and named, with the append-only triggers
# switched off first as an intruder with database rights would.
set -u

. "$(dirname "$0")/lib/common.sh"

export JEUGDREGIE_PWHASH_SNEL=1
PW=correct-paard-batterij

# A database with 6 CLI audit records.
maak() {
	local db
	db=$(nieuwe_db "$1")
	"$J" migrate --db "$db" >/dev/null 2>&1
	for n in een twee drie vier; do
		printf '%s\n' "$PW" | "$J" user add --db "$db" --naam "$n" --rol beheerder --wachtwoord-stdin >/dev/null 2>&1
	done
	"$J" user disable twee --db "$db" >/dev/null 2>&1
	printf '%s\n' "nog-een-wachtwoord" | "$J" user reset-password drie --wachtwoord-stdin --db "$db" >/dev/null 2>&1
	printf '%s\n' "$db"
}

# Switch the append-only guard off, as someone with full rights could.
triggers_uit() {
	if only_sqlite; then
		sql "$1" "DROP TRIGGER audit_log_geen_update; DROP TRIGGER audit_log_geen_delete; DROP TRIGGER audit_kop_vooruit"
	else
		sql "$1" "ALTER TABLE audit_log DISABLE TRIGGER ALL; ALTER TABLE audit_kop DISABLE TRIGGER ALL"
	fi
}

DB=$(maak intact)
expect verify_intact 0 "keten intact: 6 records" -- "$J" audit verify --db "$DB"
LEEG=$(nieuwe_db leeg)
"$J" migrate --db "$LEEG" >/dev/null 2>&1
expect verify_leeg 0 "keten intact: 0 records" -- "$J" audit verify --db "$LEEG"

# The guard: UPDATE and DELETE are refused by the database itself.
if sql "$DB" "UPDATE audit_log SET gebruiker = 'x' WHERE id = 2" >/dev/null 2>&1; then
	not_ok update_geweigerd "UPDATE van audit_log gelukt"; else ok update_geweigerd; fi
if sql "$DB" "DELETE FROM audit_log WHERE id = 6" >/dev/null 2>&1; then
	not_ok delete_geweigerd "DELETE uit audit_log gelukt"; else ok delete_geweigerd; fi
expect verify_na_weigering 0 "keten intact: 6 records" -- "$J" audit verify --db "$DB"

# A changed field.
D1=$(maak veld)
triggers_uit "$D1"
sql "$D1" "UPDATE audit_log SET object = 'niets gebeurd' WHERE id = 3"
expect verify_veld_gewijzigd 3 "record 3" "gewijzigd" -- "$J" audit verify --db "$D1"

# A removed record in the middle.
D2=$(maak weg)
triggers_uit "$D2"
sql "$D2" "DELETE FROM audit_log WHERE id = 4"
expect verify_verwijderd 3 "record 4 ontbreekt" -- "$J" audit verify --db "$D2"

# The last record removed (the head still names it).
D3=$(maak laatste)
triggers_uit "$D3"
sql "$D3" "DELETE FROM audit_log WHERE id = 6"
expect verify_laatste_verwijderd 3 "record 6 ontbreekt" -- "$J" audit verify --db "$D3"

# Two records' contents swapped.
D4=$(maak wissel)
triggers_uit "$D4"
kol="tijdstip, gebruiker, rol, namens, jeugdige_pseudoniem, actie, object, bron_adres, verzoek_id, vorige_hash, hash"
sql "$D4" "CREATE TABLE tmp_a AS SELECT $kol FROM audit_log WHERE id = 2; CREATE TABLE tmp_b AS SELECT $kol FROM audit_log WHERE id = 3"
for c in tijdstip gebruiker rol namens jeugdige_pseudoniem actie object bron_adres verzoek_id vorige_hash hash; do
	sql "$D4" "UPDATE audit_log SET $c = (SELECT $c FROM tmp_b) WHERE id = 2; UPDATE audit_log SET $c = (SELECT $c FROM tmp_a) WHERE id = 3"
done
expect verify_verwisseld 3 "records 2 en 3 zijn verwisseld" -- "$J" audit verify --db "$D4"

# Only vorige_hash changed.
D5=$(maak schakel)
triggers_uit "$D5"
sql "$D5" "UPDATE audit_log SET vorige_hash = '$(printf '1%.0s' {1..64})' WHERE id = 5"
expect verify_vorige_hash 3 "record 5" "vorige_hash" -- "$J" audit verify --db "$D5"

# Search and the per-youth report.
expect zoek_alles 0 "gebruiker een toegevoegd" "gebruiker drie wachtwoord" -- "$J" audit zoek --db "$DB"
expect zoek_csv 0 "id,tijdstip,gebruiker" -- "$J" audit zoek --db "$DB" --csv
if [ "$(grep -c ',beheer,' <<<"$out")" = 6 ]; then ok zoek_csv_regels; else not_ok zoek_csv_regels; fi
run "$J" audit zoek --db "$DB" --van 2000-01-01 --tot 2000-12-31
if [ "$rc" = 0 ] && [ "$(wc -l <<<"$out")" = 1 ]; then ok zoek_periode_leeg; else not_ok zoek_periode_leeg; fi
expect zoek_gebruiker_onbekend 0 "id" -- "$J" audit zoek --db "$DB" --gebruiker niemand
expect zoek_datum_fout 2 "geen geldige datum" -- "$J" audit zoek --db "$DB" --van 2024-02-30
expect zoek_tot_voor_van 2 "ligt voor" -- "$J" audit zoek --db "$DB" --van 2024-02-01 --tot 2024-01-01
expect inzage_zonder_jeugdige 2 "--jeugdige ontbreekt" -- "$J" audit inzage --db "$DB"
expect inzage_fout_id 2 "geen id van een jeugdige" -- "$J" audit inzage --db "$DB" --jeugdige abc
expect inzage_leeg 0 "0 keer" -- "$J" audit inzage --db "$DB" --jeugdige 42
expect audit_deelopdracht 2 "onbekende deelopdracht" -- "$J" audit wis
expect audit_verify_onbekende_optie 2 "onbekende optie" -- "$J" audit verify --db "$DB" --x
expect audit_verify_geen_db 1 "bestaat niet" -- "$J" audit verify --db "$T/geen.db"
