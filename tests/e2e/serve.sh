#!/usr/bin/env bash
# End-to-end tests of `jeugdregie serve`: the HTTP server on a demo region,
# spoken to with curl over loopback only. Checks the endpoints of the
# skeleton (gezondheid, start page, style sheet, gemeenten API), the
# routing errors (404, 405 with Allow, 400 for hostile paths), the body
# cap (413), the security headers, strict --listen parsing (exit 2) and a
# clean stop on SIGTERM (exit 0 within 5 s, with its log line).
#
# Runs once per backend (JEUGDREGIE_BACKEND, see lib/common.sh). Every
# request is bounded by curl --max-time.
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"

# ---- the command line: bad values are refused with exit 2 ---------------
i=0
for l in 127.0.0.1 127.0.0.1: :8080 localhost:8080 127.0.0.1:65536 127.0.0.1:-1 \
	1.2.3:80 127.0.0.01:80 256.1.1.1:80 127.0.0.1:8o '[::1]:8080' ' 127.0.0.1:80' \
	127.0.0.1:080 127.0.0.1:123456; do
	i=$((i + 1))
	expect "listen_fout_$i" 2 "--listen" -- "$J" serve --db "$T/bestaat-niet.db" --listen "$l"
done
for t in 0 65 x -1 1.5; do
	expect "threads_fout_$t" 2 "--threads" -- "$J" serve --db "$T/bestaat-niet.db" --threads "$t"
done
expect serve_onbekende_optie 2 "onbekende optie" -- "$J" serve --poort 80
expect serve_help 0 "--listen" -- "$J" help serve
if only_sqlite; then
	expect serve_db_bestaat_niet 1 "bestaat niet" -- "$J" serve --db "$T/geen.db" \
		--listen 127.0.0.1:0
	if [ ! -e "$T/geen.db" ]; then ok serve_maakt_geen_db; else not_ok serve_maakt_geen_db; fi
fi

# ---- a server on a demo region ------------------------------------------
DB=$(nieuwe_db x)
expect serve_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2022-06-30

start_server serve_start "$DB" 3

HAAL_MAX_TIME=10

beveiligd() {
	[ "$(kop Content-Security-Policy | cut -d';' -f1)" = "default-src 'self'" ] &&
		[ "$(kop X-Content-Type-Options)" = nosniff ] &&
		[ "$(kop Referrer-Policy)" = same-origin ] &&
		[ "$(kop X-Frame-Options)" = DENY ]
}
fout_json() { # fout_json CODE: a JSON error with that code
	[[ $(kop Content-Type) == application/json* ]] &&
		heeft "{\"fout\":{\"code\":\"$1\",\"veld\":" && heeft '"melding":"'
}

haal "" /gezondheid
check gezondheid_200 [ "$code" = 200 ]
check gezondheid_json heeft "{\"status\":\"ok\",\"schema\":"
check gezondheid_database heeft "\"database\":\"$BACKEND\""
check gezondheid_schema_getal grep -qE '"schema":[1-9][0-9]*,' "$T/b"
check gezondheid_headers beveiligd
check gezondheid_no_store [ "$(kop Cache-Control)" = no-store ]

haal "" /
check start_200 [ "$code" = 200 ]
check start_html_charset [ "$(kop Content-Type)" = "text/html; charset=utf-8" ]
check start_headers beveiligd
check start_no_store [ "$(kop Cache-Control)" = no-store ]
check start_tekst heeft "jeugdregie — Holland Rijnland"
check start_menu heeft 'href="/gemeenten"'
check start_geen_jeugdigen_menu bash -c '! grep -q "href=\"/jeugdigen\"" <<<"$1"' _ "$body"
check start_meta_charset heeft '<meta charset="utf-8">'

haal "" /static/jeugdregie.css
etag=$(kop ETag)
check css_200 [ "$code" = 200 ]
check css_type [ "$(kop Content-Type)" = "text/css; charset=utf-8" ]
check css_etag grep -qE '^"[0-9a-f]{16}"$' <<<"$etag"
check css_cache grep -q 'max-age=31536000' <<<"$(kop Cache-Control)"
check css_headers beveiligd
check css_inhoud heeft ":root {"
haal "" -H "If-None-Match: $etag" /static/jeugdregie.css
check css_304 [ "$code" = 304 ]
haal "" /static/favicon.svg
check icoon_200 [ "$code" = 200 ]
check icoon_type [ "$(kop Content-Type)" = "image/svg+xml" ]
haal "" /
check icoon_gelinkt heeft 'rel="icon" type="image/svg+xml" href="/static/favicon.svg?v='
check css_gelinkt heeft "href=\"/static/jeugdregie.css?v=${etag//\"/}\""
haal "" /static/bestaat-niet.js
check static_onbekend_404 [ "$code" = 404 ]
haal "" -I /gezondheid
check head_200 [ "$code" = 200 ]

haal "" /api/v1/gemeenten
check gemeenten_200 [ "$code" = 200 ]
check gemeenten_13 [ "$(grep -o '"code":"[0-9]\{4\}"' "$T/b" | wc -l)" -eq 13 ]
check gemeenten_leiden heeft '{"code":"0546","naam":"Leiden","subregio":"'
check gemeenten_velden heeft '"inwoners":'
check gemeenten_jeugdigen heeft '"jeugdigen_0_17":'
check gemeenten_geen_bsn bash -c '! grep -qi bsn "$1"' _ "$T/b"
check gemeenten_headers beveiligd

# ---- routing errors -------------------------------------------------------
haal "" /bestaat-niet
check onbekend_404 [ "$code" = 404 ]
check onbekend_html eval '[[ $(kop Content-Type) == text/html* ]] && heeft "data-code=\"niet_gevonden\""'
check onbekend_headers beveiligd
haal "" /api/v1/bestaat-niet
check onbekend_api_404 [ "$code" = 404 ]
check onbekend_api_json fout_json niet_gevonden
haal "" /gezondheid/
check slash_achteraan_404 [ "$code" = 404 ]

haal "" -X POST /gezondheid
check post_405 [ "$code" = 405 ]
check post_allow [ "$(kop Allow)" = "GET, HEAD" ]
check post_json fout_json methode_niet_toegestaan
haal "" -X DELETE /api/v1/gemeenten
check delete_405 [ "$code" = 405 ]

i=0
for p in /static/../data /static/../data/gemeenten.csv '/static/%2e%2e/x' '/static/%2E%2E/%2e%2e/etc/passwd' \
	'/static/..%2fdata' '/static/%2fetc%2fpasswd' '//etc/passwd' '/static/.' '/x%00y' \
	'/static/%5c..%5cx' '/%zz' '/static/jeugdregie.css%00.txt'; do
	i=$((i + 1))
	haal "" "$p"
	if [ "$code" = 400 ] || [ "$code" = 404 ]; then
		if heeft '"fout":' && ! heeft 'Leiden' && ! heeft 'root:' && ! heeft 'regio_producten'; then
			ok "pad_$i"
		else
			not_ok "pad_$i" "$p: geen JSON-fout, of inhoud van een bestand"
		fi
	else
		not_ok "pad_$i" "$p: HTTP $code, verwacht 400 of 404"
	fi
done
haal "" '/static/%2e%2e/x'
check pad_escape_400 [ "$code" = 400 ]
check pad_escape_json fout_json ongeldig_pad

# ---- body cap ------------------------------------------------------------
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' a >"$T/groot"
haal "" -X POST --data-binary @"$T/groot" /gezondheid
check body_2mib_413 [ "$code" = 413 ]
check body_2mib_json fout_json te_groot
haal "" -X POST -H 'Transfer-Encoding: chunked' --data-binary @"$T/groot" /api/v1/gemeenten
check body_chunked_413 [ "$code" = 413 ]
head -c 1000 /dev/zero | tr '\0' a >"$T/klein"
haal "" -X POST --data-binary @"$T/klein" /gezondheid
check body_klein_405 [ "$code" = 405 ]

# ---- several threads at once (one store per thread) ----------------------
for n in $(seq 1 24); do
	curl -s --max-time 20 -o "$T/par.$n" -w '%{http_code}\n' "$B/api/v1/gemeenten" &
done >"$T/par.codes"
# Wait for the curls only (the server is a job of this shell too).
wait $(jobs -p | grep -vx "$pid") 2>/dev/null
check parallel_24x200 [ "$(grep -c '^200$' "$T/par.codes")" -eq 24 ]
check parallel_gelijk bash -c 'for f in "$1"/par.*; do [ "$f" = "$1/par.codes" ] || cmp -s "$f" "$1/par.1" || exit 1; done' _ "$T"
haal "" /gezondheid
check na_parallel_200 [ "$code" = 200 ]

# ---- a second server on the same port is refused -------------------------
expect poort_bezet 1 "al in gebruik" -- "$J" serve --db "$DB" --listen "127.0.0.1:$poort"

# ---- stop on SIGTERM -----------------------------------------------------
kill -TERM "$pid"
gestopt=0
for _ in $(seq 1 50); do
	if ! kill -0 "$pid" 2>/dev/null; then
		gestopt=1
		break
	fi
	sleep 0.1
done
out=$(cat "$T/serve.err")
if [ "$gestopt" -eq 1 ]; then
	wait "$pid"
	src=$?
	check sigterm_binnen_5s true
	check sigterm_exit_0 [ "$src" -eq 0 ]
	check sigterm_meldt_stop grep -q '^jeugdregie serve: gestopt na SIGTERM' "$T/serve.err"
else
	not_ok sigterm_binnen_5s "het proces leeft 5 s na SIGTERM nog"
	kill -9 "$pid" 2>/dev/null
fi
check geen_sanitizer_melding bash -c '! grep -qE "AddressSanitizer|LeakSanitizer|runtime error" "$1"' _ "$T/serve.err"
haal "" /gezondheid
check na_stop_geen_antwoord [ "$code" != 200 ]
