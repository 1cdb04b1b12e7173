#!/usr/bin/env bash
# make bench, HTTP part: requests per second and latency of `jeugdregie
# serve` (the release build) under wrk, per URL, against a peer in the same
# run: a static file served by the same server (/static/jeugdregie.css,
# embedded in the binary), so the ratio shows what the page or API itself
# costs on top of the server's HTTP work. Figures, not verdicts.
#
#   bash bench/http.sh [DB]
#
# DB: a demo region to serve (bench/run.sh passes the one it made); without
# it a demo region (scale 1, until 2026-11-25) is made in a temporary
# directory. The server listens on a free loopback port.
#
# The URLs: BENCH_HTTP_URLS (space-separated paths), by default the list
# below. The first is the peer every ratio is taken against. Each must
# answer 200 to an anonymous GET, else it is reported and skipped.
# wrk runs WRK_ARGS (default -t2 -c50 -d10s) with --latency, 3 rounds of
# all URLs in turn (so drift hits every URL alike); the table shows medians.
# The server admits 64 connections per client address
# (VERBINDINGEN_PER_IP in src/web/server.c) and wrk connects from one; the
# socketf column counts refused or failed connections, which must stay 0.
set -euo pipefail
cd "$(dirname "$0")/.."
J=build/release/jeugdregie

# The peer (a static file), the regional indicator API, the home page (the
# indicators against the 2030 goals with charts), a registry list.
read -r -a URLS <<<"${BENCH_HTTP_URLS:-/static/jeugdregie.css /api/v1/indicatoren / /api/v1/aanbieders}"
read -r -a WRK_ARGS <<<"${WRK_ARGS:--t2 -c50 -d10s}"
RONDES=3

if ! command -v wrk >/dev/null; then
	echo "HTTP: wrk ontbreekt (scripts/deps.sh installeert het); overgeslagen"
	exit 0
fi
[ -x "$J" ] || { echo "bench/http.sh: $J ontbreekt; eerst make" >&2; exit 1; }

T=$(mktemp -d)
pid=""
opruimen() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$T"
}
trap opruimen EXIT

if [ $# -ge 1 ]; then
	db=$1
else
	db="$T/http.db"
	"$J" demo --db "$db" --until 2026-11-25 >/dev/null
fi

"$J" serve --db "$db" --listen 127.0.0.1:0 2>"$T/serve.err" &
pid=$!
poort=""
for _ in $(seq 1 100); do
	poort=$(sed -n 's#^jeugdregie serveert .* op http://127\.0\.0\.1:\([0-9][0-9]*\)/$#\1#p' "$T/serve.err")
	[ -n "$poort" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
if [ -z "$poort" ]; then
	echo "bench/http.sh: serve start niet:" >&2
	cat "$T/serve.err" >&2
	exit 1
fi
B="http://127.0.0.1:$poort"

# Only URLs that answer 200; the first (the peer) must.
meet=()
for u in "${URLS[@]}"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$B$u" || echo fout)
	if [ "$code" = 200 ]; then
		meet+=("$u")
	elif [ "$u" = "${URLS[0]}" ]; then
		echo "HTTP: de peer $u antwoordt $code in plaats van 200; overgeslagen"
		exit 0
	else
		echo "HTTP: $u antwoordt $code in plaats van 200; overgeslagen"
	fi
done

# wrk's output -> "req/s p50_ms p99_ms socket_errors non_2xx".
ontleed() {
	awk '
	function ms(s) {
		if (s ~ /us$/) return substr(s, 1, length(s) - 2) / 1000
		if (s ~ /ms$/) return substr(s, 1, length(s) - 2) + 0
		if (s ~ /s$/) return substr(s, 1, length(s) - 1) * 1000
		return s + 0
	}
	/^ +50% / { p50 = ms($2) }
	/^ +99% / { p99 = ms($2) }
	/^Requests\/sec:/ { rps = $2 }
	/Socket errors:/ { gsub(/,/, ""); fouten = $4 + $6 + $8 + $10 }
	/Non-2xx or 3xx responses:/ { non2xx = $NF }
	END { printf "%s %s %s %d %d\n", rps, p50, p99, fouten, non2xx }
	' "$1"
}

for r in $(seq 1 "$RONDES"); do
	for i in "${!meet[@]}"; do
		wrk "${WRK_ARGS[@]}" --latency "$B${meet[$i]}" >"$T/wrk.$i.$r" 2>&1
		ontleed "$T/wrk.$i.$r" >>"$T/uit.$i"
	done
done

# mediaan FILE KOLOM: the median of column KOLOM over the rounds.
mediaan() { awk -v k="$2" '{ print $k }' "$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '\nHTTP: wrk %s --latency, mediaan van %d rondes; serve (release, standaard threads)\n' \
	"${WRK_ARGS[*]}" "$RONDES"
printf 'verhouding = URL / peer %s (req/s: <1 is trager; latentie: >1 is trager)\n\n' "${meet[0]}"
printf '%-28s %10s %9s %9s %9s %9s %9s %8s %8s\n' url req/s "p50 ms" "p99 ms" "req/s x" \
	"p50 x" "p99 x" socketf non-2xx
read -r prps pp50 pp99 <<<"$(mediaan "$T/uit.0" 1) $(mediaan "$T/uit.0" 2) $(mediaan "$T/uit.0" 3)"
for i in "${!meet[@]}"; do
	rps=$(mediaan "$T/uit.$i" 1) p50=$(mediaan "$T/uit.$i" 2) p99=$(mediaan "$T/uit.$i" 3)
	sf=$(mediaan "$T/uit.$i" 4) n2=$(mediaan "$T/uit.$i" 5)
	awk -v u="${meet[$i]}" -v r="$rps" -v a="$p50" -v b="$p99" -v pr="$prps" -v pa="$pp50" \
		-v pb="$pp99" -v sf="$sf" -v n2="$n2" 'BEGIN {
		printf "%-28s %10.0f %9.2f %9.2f %9.2f %9.2f %9.2f %8d %8d\n", u, r, a, b,
			(pr > 0 ? r / pr : 0), (pa > 0 ? a / pa : 0), (pb > 0 ? b / pb : 0), sf, n2 }'
done
printf '\nsocketf: socketfouten per run van wrk (verbindingen die de server weigerde of sloot;\n'
printf 'de server laat per clientadres hoogstens VERBINDINGEN_PER_IP verbindingen toe).\n'
