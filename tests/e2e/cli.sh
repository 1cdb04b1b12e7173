#!/usr/bin/env bash
# End-to-end tests of the command line against the real binary.
# Prints "ok NAME" / "not ok NAME" per test (tests/run.sh counts them).
#
# Exit codes under test: 0 done, 1 database problem or refusal (a demo into
# a database that already holds a region is refused with 1), 2 wrong
# command line.
#
# Runs once per backend (JEUGDREGIE_BACKEND, see lib/common.sh): databases
# come from nieuwe_db. Tests about SQLite files as such (paths, foreign
# files, the WAL) run under sqlite only; their PostgreSQL counterparts are
# in postgres.sh.
set -u

. "$(dirname "$0")/lib/common.sh"
# The demo databases stay small and fast.
DEMO=(--scale 0.05 --until 2022-06-30)

# ---- help and version -------------------------------------------------

expect help 0 "Gebruik: jeugdregie" "demo" "kpi" "migrate" -- "$J" help
expect help_option 0 "Gebruik: jeugdregie" -- "$J" --help
expect help_kort 0 "Gebruik: jeugdregie" -- "$J" -h
expect help_opdracht 0 "--peildatum" -- "$J" kpi --help
expect version 0 "jeugdregie" -- "$J" version
expect geen_opdracht 2 "geen opdracht" "jeugdregie help" -- "$J"

# ---- wrong command lines: exit 2, the option named, a hint to help ---

D=$(nieuwe_db d)

expect onbekende_opdracht 2 "onbekende opdracht 'vlieg'" "jeugdregie help" -- "$J" vlieg
expect onbekende_optie 2 "onbekende optie '--kleur'" "jeugdregie help" -- "$J" kpi --kleur rood
expect onverwacht_argument 2 "onverwacht argument 'x.db'" -- "$J" kpi x.db
expect ontbrekende_waarde 2 "--db mist een waarde" -- "$J" demo --db
expect waarde_is_optie 2 "--db mist een waarde" -- "$J" kpi --db --json
expect lege_waarde 2 "--db heeft een lege waarde" -- "$J" kpi --db=
expect vlag_met_waarde 2 "--json neemt geen waarde" -- "$J" kpi --json=ja
expect until_geen_dag 2 "--until '2025-02-30'" "JJJJ-MM-DD" "jeugdregie help" -- "$J" demo --db "$D" --until 2025-02-30
expect until_vorm 2 "--until '30-06-2022'" -- "$J" demo --db "$D" --until 30-06-2022
expect scale_nul 2 "--scale" "groter dan 0" -- "$J" demo --db "$D" --scale 0
expect scale_te_groot 2 "--scale" "hoogstens 100" -- "$J" demo --db "$D" --scale 100.5
expect scale_geen_getal 2 "--scale 'veel'" -- "$J" demo --db "$D" --scale veel
expect scale_negatief 2 "--scale" -- "$J" demo --db "$D" --scale=-1
expect seed_geen_getal 2 "--seed '1x'" -- "$J" demo --db "$D" --seed 1x
expect seed_negatief 2 "--seed '-3'" -- "$J" demo --db "$D" --seed=-3
expect seed_te_groot 2 "--seed" "te groot" -- "$J" demo --db "$D" --seed 99999999999999999999999
expect peildatum_fout 2 "--peildatum '2023-13-01'" -- "$J" kpi --db "$D" --peildatum 2023-13-01
expect gemeente_vorm 2 "--gemeente '546'" "0546" -- "$J" kpi --db "$D" --gemeente 546
expect help_met_argument 2 "onverwacht argument" -- "$J" version extra

# None of the wrong command lines above may have created a database (in
# PostgreSQL: any table in the empty database).
if only_sqlite; then
	if [ -e "$D" ]; then
		not_ok geen_bestand_bij_gebruiksfout "d.db is aangemaakt"
	else
		ok geen_bestand_bij_gebruiksfout
	fi
else
	tabellen=$(sql "$D" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" 2>&1)
	if [ "$tabellen" = 0 ]; then
		ok geen_tabellen_bij_gebruiksfout
	else
		not_ok geen_tabellen_bij_gebruiksfout "tabellen in de lege database: $tabellen"
	fi
fi

# ---- database problems: exit 1 with the store's message --------------

if only_sqlite; then
expect kpi_map_bestaat_niet 1 "bestaat niet" -- "$J" kpi --db "$T/geen/map/x.db"
if [ -e "$T/geen" ]; then not_ok kpi_maakt_niets_aan "map aangemaakt"; else ok kpi_maakt_niets_aan; fi
expect kpi_bestand_bestaat_niet 1 "bestaat niet" "jeugdregie demo" -- "$J" kpi --db nergens.db
if [ -e nergens.db ]; then not_ok kpi_maakt_geen_bestand "nergens.db aangemaakt"; else ok kpi_maakt_geen_bestand; fi
mkdir -p eenmap
expect kpi_op_een_map 1 "eenmap" -- "$J" kpi --db eenmap
expect demo_in_ontbrekende_map 1 "database" -- "$J" demo --db "$T/geen/map/x.db" "${DEMO[@]}"
fi

# A date the generator refuses: the file demo created is removed again; a
# PostgreSQL database is left without a region.
B=$(nieuwe_db buiten)
run "$J" demo --db "$B" --until 1999-12-31 --scale 0.05
if only_sqlite; then
	if [ "$rc" -ne 0 ] && ! ls buiten.db* >/dev/null 2>&1; then
		ok demo_mislukt_ruimt_op
	else
		not_ok demo_mislukt_ruimt_op "exit $rc; bestanden: $(ls buiten.db* 2>/dev/null)"
	fi
else
	gem=$(gemeenten "$B")
	if [ "$rc" -ne 0 ] && { [ "$gem" = geen ] || [ "$gem" = 0 ]; }; then
		ok demo_mislukt_geen_regio
	else
		not_ok demo_mislukt_geen_regio "exit $rc; gemeenten: $gem"
	fi
fi

# A file that is not SQLite at all.
if only_sqlite; then
printf 'Dit is een boodschappenlijst, geen database.\n%.0s' {1..200} >tekst.db
voor=$(som tekst.db)
expect vreemd_bestand_kpi 1 "geen SQLite" -- "$J" kpi --db tekst.db
expect vreemd_bestand_migrate 1 "geen SQLite" -- "$J" migrate --db tekst.db
expect vreemd_bestand_demo 1 "geen SQLite" -- "$J" demo --db tekst.db "${DEMO[@]}"
if [ "$(som tekst.db)" = "$voor" ] && [ ! -e tekst.db-wal ]; then
	ok vreemd_bestand_onveranderd
else
	not_ok vreemd_bestand_onveranderd "tekst.db is veranderd"
fi

# An SQLite database of another program.
if command -v sqlite3 >/dev/null; then
	sqlite3 ander.db "CREATE TABLE boeken (titel TEXT); INSERT INTO boeken VALUES ('Max Havelaar');"
	voor=$(som ander.db)
	expect ander_programma_kpi 1 "geen jeugdregie-database" -- "$J" kpi --db ander.db
	expect ander_programma_migrate 1 "geen jeugdregie-database" -- "$J" migrate --db ander.db
	expect ander_programma_demo 1 "geen jeugdregie-database" -- "$J" demo --db ander.db "${DEMO[@]}"
	if [ "$(som ander.db)" = "$voor" ]; then
		ok ander_programma_onveranderd
	else
		not_ok ander_programma_onveranderd "ander.db is veranderd"
	fi
else
	not_ok ander_programma "sqlite3 (Debian-pakket sqlite3) ontbreekt"
fi
fi # only_sqlite

# A new database: migrate creates it (in PostgreSQL: its tables); kpi on
# it finds no region. The second migrate uses the other spelling of the
# same database (sqlite:PAD, postgres://).
L=$(nieuwe_db leeg)
case $L in
postgresql://*) L2="postgres://${L#postgresql://}" ;;
*) L2="sqlite:$L" ;;
esac
expect migrate_nieuw 0 "schemaversie" -- "$J" migrate --db "$L"
expect migrate_opnieuw 0 "schemaversie" -- "$J" migrate --db "$L2"
expect kpi_lege_database 1 "bevat nog geen regio" -- "$J" kpi --db "$L"

# A database written by a newer jeugdregie.
if only_postgresql || command -v sqlite3 >/dev/null; then
	N=$(nieuwe_db nieuw)
	run "$J" migrate --db "$N"
	[ "$rc" -eq 0 ] || not_ok nieuwere_versie_opzet "migrate mislukt"
	run sql "$N" "INSERT INTO schema_versie (versie, beschrijving, toegepast) VALUES (9999, 'uit de toekomst', '2099-01-01T00:00:00Z');"
	[ "$rc" -eq 0 ] || not_ok nieuwere_versie_opzet "insert in schema_versie mislukt"
	voor=$(afdruk "$N")
	expect nieuwere_versie_kpi 1 "nieuwere versie" -- "$J" kpi --db "$N"
	expect nieuwere_versie_migrate 1 "nieuwere versie" -- "$J" migrate --db "$N"
	expect nieuwere_versie_demo 1 "nieuwere versie" -- "$J" demo --db "$N" "${DEMO[@]}"
	if [ "$(afdruk "$N")" = "$voor" ]; then
		ok nieuwere_versie_onveranderd
	else
		not_ok nieuwere_versie_onveranderd "$N is veranderd"
	fi
fi

# ---- demo and kpi ----------------------------------------------------

R=$(nieuwe_db regio)
expect demo 0 "jeugdigen" "trajecten" -- "$J" demo --db "$R" --seed 7 "${DEMO[@]}"
if [ "$rc" -eq 0 ]; then
	voor=$(afdruk "$R")
	expect demo_tweede_keer_geweigerd 1 "bevat al een regio" "--db" -- "$J" demo --db "$R" --seed 8 "${DEMO[@]}"
	if [ "$(afdruk "$R")" = "$voor" ]; then
		ok demo_tweede_keer_onveranderd
	else
		not_ok demo_tweede_keer_onveranderd "$R is veranderd"
	fi

	# Peildatum defaults to the demo's last day.
	expect kpi_tabel 0 "peildatum 30-6-2022" "Leiden" "Regio totaal" "Treeknorm" -- "$J" kpi --db "$R"
	expect kpi_env_db 0 "Regio totaal" -- env JEUGDREGIE_DB="$R" "$J" kpi
	expect kpi_gemeente 0 "Leiden" "Regio totaal" -- "$J" kpi --db "$R" --gemeente 0546
	run "$J" kpi --db "$R" --gemeente 0546
	if grep -q "Katwijk" <<<"$out"; then not_ok kpi_gemeente_alleen_die "Katwijk staat erin"; else ok kpi_gemeente_alleen_die; fi
	expect kpi_gemeente_onbekend 2 "--gemeente 9999" "0546" -- "$J" kpi --db "$R" --gemeente 9999
	expect kpi_peildatum 0 "peildatum 31-12-2021" -- "$J" kpi --db "$R" --peildatum 2021-12-31

	run "$J" kpi --db "$R" --json
	json1=$out
	rc1=$rc
	# python3 comes with scripts/deps.sh: a missing one fails the test.
	if [ "$rc1" -eq 0 ]; then
		printf '%s\n' "$json1" >kpi.json
		if python3 - kpi.json >check.txt 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["peildatum"] == "2022-06-30", d["peildatum"]
assert d["regio"]["code"] is None
assert len(d["gemeenten"]) >= 1
codes = [g["code"] for g in d["gemeenten"]]
assert codes == sorted(codes), codes
r = d["regio"]
for k in ("jeugdhulpgebruik_kalenderjaar", "wachttijd", "zorgelijk_wachtend",
          "doorlooptijd", "uitval", "herhaald_beroep_12_maanden",
          "thuiszitters_boven_3_maanden", "overgang_18_zonder_plan",
          "collectief", "verblijf", "verwijzers", "clientkosten_jaar",
          "budgetuitputting"):
    assert k in r, k
assert isinstance(r["budgetuitputting"]["budget_eurocent"], int)
PY
		then ok kpi_json_geldig; else out=$(cat check.txt); not_ok kpi_json_geldig; fi
	else
		not_ok kpi_json_geldig "exit $rc1"
	fi
	run "$J" kpi --db "$R" --json
	if [ "$rc" -eq 0 ] && [ "$out" = "$json1" ]; then
		ok kpi_json_deterministisch
	else
		not_ok kpi_json_deterministisch "tweede uitvoer wijkt af"
	fi

	# The same seed and options give the same database, hence the same JSON.
	R2=$(nieuwe_db regio2)
	run "$J" demo --db "$R2" --seed 7 "${DEMO[@]}"
	if [ "$rc" -eq 0 ]; then
		run "$J" kpi --db "$R2" --json
		if [ "$rc" -eq 0 ] && [ "$out" = "$json1" ]; then
			ok demo_reproduceerbaar
		else
			not_ok demo_reproduceerbaar "JSON van een tweede demo met seed 7 wijkt af"
		fi
	else
		not_ok demo_reproduceerbaar "tweede demo mislukt (exit $rc)"
	fi
else
	not_ok demo_tweede_keer_geweigerd "de demo in $R mislukte"
fi

exit 0
