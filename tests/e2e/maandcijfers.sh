#!/usr/bin/env bash
# End-to-end tests of the monthly aggregates (src/store/maandcijfers_store.c,
# src/web/maandcijfers_web.c): after a demo `cijfers controleer` finds the
# stored aggregates equal to a recomputation; for the region's staff the
# API's figures equal an independent reference written here in plain SQL
# over the raw tables; beleid never sees a count 1..9. Runs once per
# backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db maandcijfers)
expect mc_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
expect mc_controleer 0 "kloppen" -- "$J" cijfers controleer --db "$DB"
expect mc_herbouw 0 "opgebouwd" -- "$J" cijfers herbouw --db "$DB" --tot-jaar 2027
expect mc_controleer_na_herbouw 0 "kloppen" -- "$J" cijfers controleer --db "$DB"

PW='correct paard batterij niet'
"$J" user add --db "$DB" --naam soz --rol regio --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam analist --rol beleid --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
start_server mc_serve_start "$DB" 2
R="$T/regio.jar"
L="$T/beleid.jar"
login "$R" soz "$PW"
login "$L" analist "$PW"

# waarde PERIODE: the figure of that period in the last answer ($T/b).
waarde() {
	python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
for p in a["reeks"]:
    if p["periode"] == sys.argv[2]:
        print(p["waarde"])' "$T/b" "$1"
}

gelijk() {
	local naam=$1 api=$2 ref=$3
	if [ "$api" = "$ref" ]; then ok "$naam"; else not_ok "$naam" "API $api, SQL $ref"; fi
}

# Active specialised trajectories of 0546 on 31 October 2025.
haal "$R" "/api/v1/maandcijfers?indicator=actief&gemeente=0546&van=2025-01&tot=2025-12"
REF=$(sql "$DB" "SELECT COUNT(*) FROM traject WHERE gemeente = '0546' AND segment BETWEEN 1 AND 7
	AND begindatum IS NOT NULL AND begindatum <= '2025-10-31'
	AND (einddatum IS NULL OR einddatum >= '2025-10-31')")
gelijk mc_actief_0546 "$(waarde 2025-10)" "$REF"

# New specialised trajectories referred by the huisarts (02) in June 2025.
haal "$R" "/api/v1/maandcijfers?indicator=nieuw&verwijzer=02&van=2025-01&tot=2025-12"
REF=$(sql "$DB" "SELECT COUNT(*) FROM traject t JOIN verwijzing v ON v.id = t.verwijzing_id
	WHERE t.segment BETWEEN 1 AND 7 AND v.type = '02'
	AND COALESCE(t.aanmelddatum, t.begindatum) BETWEEN '2025-06-01' AND '2025-06-30'")
gelijk mc_nieuw_huisarts "$(waarde 2025-06)" "$REF"

# Uitval (ended with 32/33) in May 2025, the region.
haal "$R" "/api/v1/maandcijfers?indicator=uitval&van=2025-05&tot=2025-05"
REF=$(sql "$DB" "SELECT COUNT(*) FROM traject WHERE segment BETWEEN 1 AND 7 AND status = 4
	AND einddatum BETWEEN '2025-05-01' AND '2025-05-31' AND reden_beeindiging IN ('32', '33')")
gelijk mc_uitval "$(waarde 2025-05)" "$REF"

# Approved eurocents by ProductPeriode month, March 2025.
haal "$R" "/api/v1/maandcijfers?indicator=goedgekeurd&van=2025-03&tot=2025-03"
REF=$(sql "$DB" "SELECT COALESCE(SUM(p.bedrag), 0) FROM prestatie p
	JOIN traject t ON t.id = p.traject_id
	WHERE p.goedgekeurd = 1 AND substr(p.periode_begin, 1, 7) = '2025-03'")
gelijk mc_goedgekeurd "$(waarde 2025-03)" "$REF"

# beleid: suppressed, never a count 1..9.
haal "$L" "/api/v1/maandcijfers?indicator=actief&gemeente=0546&segment=6&van=2024-01&tot=2026-11"
run python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
assert a["onderdrukt"] is True
for p in a["reeks"]:
    w = p["waarde"]["waarde"]
    assert w is None or w == 0 or w >= 10, p' "$T/b"
if [ "$rc" -eq 0 ]; then ok mc_beleid_onderdrukt; else not_ok mc_beleid_onderdrukt "$out"; fi

# A combination that is not kept, and a bad month.
haal "$R" "/api/v1/maandcijfers?indicator=actief&gemeente=0546&aanbieder=12345678&van=2025-01&tot=2025-02"
gelijk mc_combinatie_400 "$code" 400
haal "$R" "/api/v1/maandcijfers?indicator=actief&van=2025-13&tot=2025-12"
gelijk mc_maand_400 "$code" 400

kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
