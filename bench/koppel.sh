#!/usr/bin/env bash
# Matching against the record (src/store/koppel_store.c, src/web/koppel_web.c)
# on the demo region at scale SCHAAL (default 1), medians of ROUNDS (5):
#   koud     `jeugdregie match`: a whole round built from the record and
#            solved (duur_us: reading + building + solving + explaining)
#   proces   the same command end to end (wall clock: open, round, write,
#            report)
#   pagina1  GET /api/v1/koppelen/{traject} on a fresh server: builds and
#            keeps the instance
#   pagina   the same page again (the kept instance: options and exact
#            extra costs only)
#   warm     a turn-down through /api/v1/koppelen/{traject}: the kept
#            instance changed and re-solved warm (herberekend_us)
#   bevestig a confirm through the chain (JW301), re-solved warm likewise
#   ronde    POST /api/v1/koppelen right after: the round written from the
#            kept instance (whole request)
# Figures, not verdicts: a shared 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
J=$PWD/build/release/jeugdregie
SCHAAL=${SCHAAL:-1}
ROUNDS=${ROUNDS:-5}
T=$(mktemp -d)
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$T"' EXIT
export JEUGDREGIE_PWHASH_SNEL=1
VANDAAG=$(date +%F)
DB=$T/k.db

med() { sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "%.1f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
js() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }

"$J" demo --db "$DB" --scale "$SCHAAL" --until "$VANDAAG" >/dev/null 2>&1
"$J" user add --db "$DB" --naam bench --rol regio --wachtwoord-stdin <<<'bench wachtwoord een' \
	>/dev/null 2>&1

: >"$T/koud"; : >"$T/proces"
for _ in $(seq "$ROUNDS"); do
	s=$(date +%s%N)
	"$J" match --db "$DB" --peildatum "$VANDAAG" --json >"$T/m.json"
	e=$(date +%s%N)
	js 'd["ronde"]["duur_us"] / 1000' <"$T/m.json" >>"$T/koud"
	echo $(((e - s) / 1000)) | awk '{ print $1 / 1000 }' >>"$T/proces"
done

"$J" serve --db "$DB" --listen 127.0.0.1:0 --threads 2 2>"$T/serve.err" &
PID=$!
for _ in $(seq 100); do
	P=$(sed -n 's#^jeugdregie serveert .* op http://127\.0\.0\.1:\([0-9][0-9]*\)/$#\1#p' "$T/serve.err")
	[ -n "$P" ] && break
	sleep 0.1
done
B=http://127.0.0.1:$P
JAR=$T/jar
c() { curl -s -b "$JAR" -c "$JAR" "$@"; }
csrf() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -n 1; }
C=$(c "$B/inloggen" | csrf)
c --data-urlencode "naam=bench" --data-urlencode "wachtwoord=bench wachtwoord een" \
	--data-urlencode "csrf=$C" "$B/inloggen" >/dev/null
C=$(c "$B/koppelen" | csrf)
R=$(sqlite3 "$DB" "SELECT max(id) FROM koppel_ronde")
mapfile -t AF < <(sqlite3 "$DB" "SELECT traject_id FROM koppel_voorstel WHERE ronde_id = $R
	AND keuze = 'plek' AND agb = huidig_agb ORDER BY traject_id LIMIT $ROUNDS")
mapfile -t BV < <(sqlite3 "$DB" "SELECT v.traject_id FROM koppel_voorstel v WHERE v.ronde_id = $R
	AND v.keuze = 'plek' AND v.agb <> v.huidig_agb AND EXISTS (SELECT 1 FROM tarief t
	JOIN contract k ON k.id = t.contract_id WHERE k.agb = v.agb AND t.productcode = v.productcode
	AND t.jaar = ${VANDAAG%%-*}) ORDER BY v.traject_id DESC LIMIT $ROUNDS")
tijd() { c -o /dev/null -w '%{time_total}\n' "$@" | awk '{ print $1 * 1000 }'; }

tijd "$B/api/v1/koppelen/${AF[0]}" >"$T/pagina1"
: >"$T/pagina"
for _ in $(seq "$ROUNDS"); do tijd "$B/api/v1/koppelen/${AF[0]}" >>"$T/pagina"; done
: >"$T/warm"; : >"$T/bevestig"; : >"$T/ronde"
for t in "${AF[@]}"; do
	c --data-urlencode "csrf=$C" --data "actie=afwijzen&reden=bench" "$B/api/v1/koppelen/$t" |
		js 'd["herberekend_us"] / 1000 if d["herberekend"] else "koud"' >>"$T/warm"
done
for t in "${BV[@]}"; do
	c --data-urlencode "csrf=$C" --data "actie=bevestigen&straatnaam=Breestraat&huisnummer=1&postcode=2311AB&plaatsnaam=Leiden" \
		"$B/api/v1/koppelen/$t" | js 'd["herberekend_us"] / 1000 if d["herberekend"] else "koud"' >>"$T/bevestig"
	tijd --data-urlencode "csrf=$C" --data "peildatum=" "$B/api/v1/koppelen" >>"$T/ronde"
	# the round raised the koppel version: the page builds and keeps anew
	c -o /dev/null "$B/api/v1/koppelen/${AF[0]}"
done

printf 'koppelen, schaal %s, %s rondes (ms, mediaan)\n' "$SCHAAL" "$ROUNDS"
for k in koud proces pagina1 pagina warm bevestig ronde; do
	printf '  %-9s %8s   (%s)\n' "$k" "$(grep -v koud "$T/$k" | med)" "$(tr '\n' ' ' <"$T/$k")"
done
