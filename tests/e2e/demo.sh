#!/usr/bin/env bash
# End-to-end tests of the demo region: the calibration targets on the
# default seed, reproducibility, test BSNs only, and that a full disk or a
# kill -9 in the middle of generation leaves nothing half-written.
#
# Runs once per backend (JEUGDREGIE_BACKEND, see lib/common.sh). The
# default demo (seed 1, scale 1) is generated once per backend and reused;
# under postgresql its kpi --json must equal the SQLite one byte for byte.
# The full-disk test is SQLite's only (ulimit -f on the database file);
# killing the PostgreSQL server itself is tested in postgres.sh.
set -u

. "$(dirname "$0")/lib/common.sh"
command -v sqlite3 >/dev/null || { echo "not ok sqlite3 ontbreekt (scripts/deps.sh)"; exit 1; }

# ---- calibration on the default seed (the region at scale 1) -----------
# A fixed end date keeps the test repeatable; make run uses today.
STANDAARD=(--seed 1 --scale 1 --until 2026-11-25)
K=$(nieuwe_db kal)
expect demo_schaal_1 0 "regio gemaakt" -- "$J" demo --db "$K" "${STANDAARD[@]}"
demo_rc=$rc
run "$J" kalibratie --db "$K"
doelen=$(grep -c ' ok$' <<<"$out")
if [ "$rc" -eq 0 ] && [ "$doelen" -eq 7 ]; then
	ok kalibratie_alle_7_doelen
else
	not_ok kalibratie_alle_7_doelen "exit $rc, $doelen van 7 doelen gehaald"
fi
printf '%s\n' "$out" | sed 's/^/# /'

# ---- the same indicators on both backends -------------------------------
# The SQLite run hands its JSON of the default demo to the PostgreSQL run
# (tests/run.sh runs sqlite first and shares JEUGDREGIE_E2E_SHARED); run
# alone, the PostgreSQL run makes the SQLite demo itself (a few seconds).
run "$J" kpi --db "$K" --json
json_rc=$rc
printf '%s\n' "$out" >kpi-standaard.json
if only_sqlite; then
	if [ "$demo_rc" -eq 0 ] && [ "$json_rc" -eq 0 ] && [ -n "$SHARED" ]; then
		cp kpi-standaard.json "$SHARED/kpi-standaard-sqlite.json"
		cp "$K" "$SHARED/standaard-sqlite.db"
	fi
else
	ref="$SHARED/kpi-standaard-sqlite.json"
	sqdb="$SHARED/standaard-sqlite.db"
	if [ -z "$SHARED" ] || [ ! -s "$ref" ] || [ ! -s "$sqdb" ]; then
		ref="$T/kpi-standaard-sqlite.json"
		sqdb="$T/kal-sqlite.db"
		"$J" demo --db "$sqdb" "${STANDAARD[@]}" >/dev/null 2>&1
		"$J" kpi --db "$sqdb" --json >"$ref" 2>&1
	fi
	if [ "$json_rc" -eq 0 ] && cmp -s "$ref" kpi-standaard.json; then
		ok kpi_json_gelijk_aan_sqlite
	else
		out=$(diff "$ref" kpi-standaard.json | head -n 20)
		not_ok kpi_json_gelijk_aan_sqlite "kpi --json (exit $json_rc) van de standaarddemo wijkt af van SQLite"
	fi
	# The default demo region round trip SQLite -> PostgreSQL -> SQLite:
	# every table's rows and checksum equal at each step.
	pgkopie=$(nieuwe_db kopie)
	"$J" copy --from "$sqdb" --to "$pgkopie" >/dev/null 2>&1
	heen=$?
	"$J" copy --from "$pgkopie" --to "$T/terug.db" >/dev/null 2>&1
	terug=$?
	c1=$("$J" checksum --db "$sqdb" 2>&1) c2=$("$J" checksum --db "$pgkopie" 2>&1)
	c3=$("$J" checksum --db "$T/terug.db" 2>&1)
	if [ "$heen" -eq 0 ] && [ "$terug" -eq 0 ] && [ "$c1" = "$c2" ] && [ "$c1" = "$c3" ]; then
		ok standaarddemo_copy_rondreis
	else
		out=$(diff <(printf '%s\n' "$c1") <(printf '%s\n' "$c3") | head -n 20)
		not_ok standaarddemo_copy_rondreis "copy heen exit $heen, terug exit $terug, checksums gelijk: $([ "$c1" = "$c2" ] && [ "$c1" = "$c3" ] && echo ja || echo nee)"
	fi
fi

# Only valid test BSNs: in 999900006-999999990 and passing the 11-proef.
# (Portable SQL: the same query runs in sqlite3 and psql.)
out=""
fout=$(sql "$K" "SELECT count(*) FROM jeugdige WHERE length(bsn) <> 9
	OR bsn < '999900006' OR bsn > '999999990'
	OR (9*CAST(substr(bsn,1,1) AS INTEGER) + 8*CAST(substr(bsn,2,1) AS INTEGER)
	  + 7*CAST(substr(bsn,3,1) AS INTEGER) + 6*CAST(substr(bsn,4,1) AS INTEGER)
	  + 5*CAST(substr(bsn,5,1) AS INTEGER) + 4*CAST(substr(bsn,6,1) AS INTEGER)
	  + 3*CAST(substr(bsn,7,1) AS INTEGER) + 2*CAST(substr(bsn,8,1) AS INTEGER)
	  - CAST(substr(bsn,9,1) AS INTEGER)) % 11 <> 0" 2>&1)
dubbel=$(sql "$K" "SELECT count(*) FROM (SELECT bsn, geboortedatum FROM jeugdige
	GROUP BY 1, 2 HAVING count(*) > 1) AS d" 2>&1)
if [ "$fout" = 0 ] && [ "$dubbel" = 0 ]; then
	ok alleen_test_bsns
else
	not_ok alleen_test_bsns "$fout ongeldige BSN's, $dubbel dubbele (bsn, geboortedatum)"
fi

# The local team records why and which team referred (reden, team_id: the
# team serving the youth's gemeente); other referrers (huisarts, GI, ...)
# leave both empty.
vw=$(sql "$K" "SELECT (SELECT count(*) FROM verwijzing WHERE type = '01'),
	(SELECT count(*) FROM verwijzing v WHERE type = '01' AND (reden IS NULL
	  OR NOT EXISTS (SELECT 1 FROM lokaal_team_gemeente tg
	    WHERE tg.team_id = v.team_id AND tg.gemeente = v.gemeente))),
	(SELECT count(*) FROM verwijzing WHERE type <> '01'),
	(SELECT count(*) FROM verwijzing WHERE type <> '01' AND (reden IS NOT NULL OR team_id IS NOT NULL)),
	(SELECT count(DISTINCT reden) FROM verwijzing)" 2>&1)
if [[ $vw =~ ^[1-9][0-9]*\|0\|[1-9][0-9]*\|0\|([5-9]|[1-9][0-9])$ ]]; then
	ok demo_verwijzing_reden_team
else
	not_ok demo_verwijzing_reden_team "lokaal team, zonder reden of team, andere, met reden of team, redenen: $vw"
fi

# Referential integrity of the whole generated record.
if only_sqlite; then
	fk=$(sqlite3 "$K" "PRAGMA foreign_key_check" | wc -l)
	ic=$(sqlite3 "$K" "PRAGMA integrity_check")
	if [ "$fk" = 0 ] && [ "$ic" = ok ]; then ok demo_integriteit; else
		not_ok demo_integriteit "foreign_key_check: $fk rijen, integrity_check: $ic"; fi
else
	# PostgreSQL enforces the foreign keys itself, unless a bulk load
	# switched their triggers off (session_replication_role = replica):
	# check every foreign key by hand, with a query built from
	# pg_constraint. Then amcheck over every table and B-tree index.
	aantal_fk=$(sql "$K" "SELECT count(*) FROM pg_constraint
		WHERE contype = 'f' AND connamespace = 'public'::regnamespace" 2>&1)
	fkq=$(sql "$K" "SELECT 'SELECT coalesce(sum(n), 0) FROM (' || string_agg(format(
		'SELECT count(*) FROM %s c WHERE %s AND NOT EXISTS (SELECT 1 FROM %s p WHERE %s)',
		con.conrelid::regclass,
		(SELECT string_agg(format('c.%I IS NOT NULL', a.attname), ' AND ')
		   FROM unnest(con.conkey) AS k(attnum)
		   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
		con.confrelid::regclass,
		(SELECT string_agg(format('p.%I = c.%I', pa.attname, ca.attname), ' AND ')
		   FROM unnest(con.conkey, con.confkey) AS u(ck, fk)
		   JOIN pg_attribute ca ON ca.attrelid = con.conrelid AND ca.attnum = u.ck
		   JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = u.fk)),
		' UNION ALL ') || ') AS t(n)'
		FROM pg_constraint con
		WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace" 2>&1)
	fk=$(sql "$K" "$fkq" 2>&1)
	ongeldig=$(sql "$K" "SELECT count(*) FROM pg_constraint
		WHERE NOT convalidated AND connamespace = 'public'::regnamespace" 2>&1)
	ic=$(sql "$K" "CREATE EXTENSION IF NOT EXISTS amcheck;
		SELECT count(*) FROM pg_class c, verify_heapam(c.oid)
		 WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace;
		SELECT count(bt_index_check(c.oid, true)) FROM pg_index i
		  JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
		 WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace" 2>&1 | head -n 1)
	if [ "$aantal_fk" -gt 0 ] 2>/dev/null && [ "$fk" = 0 ] && [ "$ongeldig" = 0 ] && [ "$ic" = 0 ]; then
		ok demo_integriteit
	else
		not_ok demo_integriteit "foreign keys: $aantal_fk, rijen zonder ouder: $fk, niet gevalideerd: $ongeldig, amcheck (corrupte rijen): $ic"
	fi
fi

# Declaration headers equal the sum of their lines.
scheef=$(sql "$K" "SELECT count(*) FROM declaratie d WHERE totaal_ingediend <>
	(SELECT coalesce(sum(bedrag),0) FROM prestatie WHERE declaratie_id = d.id)
	OR totaal_toegekend <> (SELECT coalesce(sum(bedrag),0) FROM prestatie
	WHERE declaratie_id = d.id AND goedgekeurd = 1)" 2>&1)
if [ "$scheef" = 0 ]; then ok declaratietotalen; else
	not_ok declaratietotalen "$scheef declaraties wijken af van hun prestaties"; fi

# ---- same seed, same database ---------------------------------------------
A=$(nieuwe_db a) B=$(nieuwe_db b) C=$(nieuwe_db c)
"$J" demo --db "$A" --seed 5 --scale 0.1 --until 2024-03-31 >/dev/null 2>&1
"$J" demo --db "$B" --seed 5 --scale 0.1 --until 2024-03-31 >/dev/null 2>&1
"$J" demo --db "$C" --seed 6 --scale 0.1 --until 2024-03-31 >/dev/null 2>&1
# Everything but the moment the schema was migrated. PostgreSQL dumps rows
# in their physical order, which autovacuum may change: sort the lines.
inhoud() {
	if only_sqlite; then
		sqlite3 "$1" .dump | grep -v '^INSERT INTO schema_versie' | sha256sum
	else
		pg_dump_vast -d "$1" --data-only --exclude-table-data=schema_versie |
			LC_ALL=C sort | sha256sum
	fi
}
ha=$(inhoud "$A") hb=$(inhoud "$B") hc=$(inhoud "$C")
if [ "$ha" = "$hb" ] && [ "$ha" != "$hc" ]; then ok demo_reproduceerbaar; else
	not_ok demo_reproduceerbaar "seed 5 twee keer gelijk: $([ "$ha" = "$hb" ] && echo ja || echo nee), seed 6 anders: $([ "$ha" != "$hc" ] && echo ja || echo nee)"; fi

# ---- a full disk: clear error, nothing half-written -------------------------
if only_sqlite; then
# ulimit -f makes writes beyond 8 MB fail (SIGXFSZ ignored, so the write
# returns EFBIG), which SQLite sees as the disk giving out.
run bash -c "trap '' XFSZ; ulimit -f 8192; exec \"$J\" demo --db vol.db --scale 0.5 --until 2025-06-30"
if [ "$rc" -eq 1 ] && grep -q "schrijf\|schijf\|I/O\|vol" <<<"$out"; then
	ok schijf_vol_foutmelding
else
	not_ok schijf_vol_foutmelding "exit $rc, verwacht 1 met een melding over schrijven"
fi
if [ ! -e vol.db ] || [ "$(sqlite3 vol.db 'SELECT count(*) FROM gemeente' 2>&1)" = 0 ]; then
	ok schijf_vol_niets_half
else
	not_ok schijf_vol_niets_half "vol.db bevat een halve regio"
fi
expect schijf_vol_daarna_gelukt 0 "regio gemaakt" -- "$J" demo --db vol.db --scale 0.05 --until 2022-06-30
fi


# ---- kill -9 in the middle: the database stays consistent --------------------
# (PostgreSQL: the server rolls back the transaction of the killed client.)
KILL=$(nieuwe_db kill)
"$J" demo --db "$KILL" --scale 1 --until 2026-11-25 >/dev/null 2>&1 &
pid=$!
sleep 2
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
run timeout 60 "$J" migrate --db "$KILL"
gem=$(gemeenten "$KILL")
if [ "$rc" -eq 0 ] && { [ "$gem" = 0 ] || [ "$gem" = 13 ]; }; then
	ok kill9_consistent
else
	not_ok kill9_consistent "migrate exit $rc, gemeenten: $gem (verwacht 0, of 13 als de demo al klaar was)"
fi
if [ "$gem" = 0 ]; then
	expect kill9_opnieuw_gelukt 0 "regio gemaakt" -- "$J" demo --db "$KILL" --scale 0.05 --until 2022-06-30
else
	ok kill9_opnieuw_gelukt
fi
