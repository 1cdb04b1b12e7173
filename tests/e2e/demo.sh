#!/usr/bin/env bash
# End-to-end tests of the demo region: the calibration targets on the
# default seed, reproducibility, test BSNs only, and that a full disk or a
# kill -9 in the middle of generation leaves nothing half-written.
set -u

. "$(dirname "$0")/lib/common.sh"
command -v sqlite3 >/dev/null || { echo "not ok sqlite3 ontbreekt (scripts/deps.sh)"; exit 1; }

# ---- calibration on the default seed (the region at scale 1) -----------
# A fixed end date keeps the test repeatable; make run uses today.
expect demo_schaal_1 0 "regio gemaakt" -- "$J" demo --db kal.db --until 2026-11-25
run "$J" kalibratie --db kal.db
doelen=$(grep -c ' ok$' <<<"$out")
if [ "$rc" -eq 0 ] && [ "$doelen" -eq 7 ]; then
	ok kalibratie_alle_7_doelen
else
	not_ok kalibratie_alle_7_doelen "exit $rc, $doelen van 7 doelen gehaald"
fi
printf '%s\n' "$out" | sed 's/^/# /'

# Only valid test BSNs: in 999900006-999999990 and passing the 11-proef.
fout=$(sqlite3 kal.db "SELECT count(*) FROM jeugdige WHERE length(bsn) <> 9
	OR bsn < '999900006' OR bsn > '999999990'
	OR (9*substr(bsn,1,1) + 8*substr(bsn,2,1) + 7*substr(bsn,3,1) + 6*substr(bsn,4,1)
	  + 5*substr(bsn,5,1) + 4*substr(bsn,6,1) + 3*substr(bsn,7,1) + 2*substr(bsn,8,1)
	  - substr(bsn,9,1)) % 11 <> 0")
dubbel=$(sqlite3 kal.db "SELECT count(*) FROM (SELECT bsn, geboortedatum FROM jeugdige
	GROUP BY 1, 2 HAVING count(*) > 1)")
if [ "$fout" = 0 ] && [ "$dubbel" = 0 ]; then
	ok alleen_test_bsns
else
	not_ok alleen_test_bsns "$fout ongeldige BSN's, $dubbel dubbele (bsn, geboortedatum)"
fi

# Referential integrity of the whole generated record.
fk=$(sqlite3 kal.db "PRAGMA foreign_key_check" | wc -l)
ic=$(sqlite3 kal.db "PRAGMA integrity_check")
if [ "$fk" = 0 ] && [ "$ic" = ok ]; then ok demo_integriteit; else
	not_ok demo_integriteit "foreign_key_check: $fk rijen, integrity_check: $ic"; fi

# Declaration headers equal the sum of their lines.
scheef=$(sqlite3 kal.db "SELECT count(*) FROM declaratie d WHERE totaal_ingediend <>
	(SELECT coalesce(sum(bedrag),0) FROM prestatie WHERE declaratie_id = d.id)
	OR totaal_toegekend <> (SELECT coalesce(sum(bedrag),0) FROM prestatie
	WHERE declaratie_id = d.id AND goedgekeurd = 1)")
if [ "$scheef" = 0 ]; then ok declaratietotalen; else
	not_ok declaratietotalen "$scheef declaraties wijken af van hun prestaties"; fi

# ---- same seed, same database ---------------------------------------------
"$J" demo --db a.db --seed 5 --scale 0.1 --until 2024-03-31 >/dev/null 2>&1
"$J" demo --db b.db --seed 5 --scale 0.1 --until 2024-03-31 >/dev/null 2>&1
"$J" demo --db c.db --seed 6 --scale 0.1 --until 2024-03-31 >/dev/null 2>&1
# Everything but the moment the schema was migrated.
inhoud() { sqlite3 "$1" .dump | grep -v '^INSERT INTO schema_versie' | sha256sum; }
ha=$(inhoud a.db) hb=$(inhoud b.db) hc=$(inhoud c.db)
if [ "$ha" = "$hb" ] && [ "$ha" != "$hc" ]; then ok demo_reproduceerbaar; else
	not_ok demo_reproduceerbaar "seed 5 twee keer gelijk: $([ "$ha" = "$hb" ] && echo ja || echo nee), seed 6 anders: $([ "$ha" != "$hc" ] && echo ja || echo nee)"; fi

# ---- a full disk: clear error, nothing half-written -------------------------
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

# ---- kill -9 in the middle: the database stays consistent --------------------
"$J" demo --db kill.db --scale 1 --until 2026-11-25 >/dev/null 2>&1 &
pid=$!
sleep 2
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
run "$J" migrate --db kill.db
gem=$(sqlite3 kill.db 'SELECT count(*) FROM gemeente' 2>&1)
if [ "$rc" -eq 0 ] && { [ "$gem" = 0 ] || [ "$gem" = 13 ]; }; then
	ok kill9_consistent
else
	not_ok kill9_consistent "migrate exit $rc, gemeenten: $gem (verwacht 0, of 13 als de demo al klaar was)"
fi
if [ "$gem" = 0 ]; then
	expect kill9_opnieuw_gelukt 0 "regio gemaakt" -- "$J" demo --db kill.db --scale 0.05 --until 2022-06-30
else
	ok kill9_opnieuw_gelukt
fi
