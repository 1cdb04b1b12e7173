#!/usr/bin/env bash
# End-to-end tests of the indicators in the server (src/web/cijfers_web.c,
# cijfers.c, grafiek.c): the API equals `jeugdregie kpi --json` for the
# region's staff, the public and beleid see suppressed counts only (no
# count 1..9, counts rounded to 5), a gemeente sees its own figures
# exactly, the pages show the goals with charts (svg) and tables without
# inline script or style, bad parameters are refused, the cache reloads
# when the data version changes, and the chart assets are served with an
# ETag. Runs once per backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db cijfers)
expect cijfers_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
PW='correct paard batterij niet'
"$J" user add --db "$DB" --naam soz --rol regio --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam leiden --rol gemeente --gemeente 0546 --wachtwoord-stdin \
	<<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam analist --rol beleid --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
run "$J" kpi --db "$DB" --json
if [ "$rc" -eq 0 ]; then ok cijfers_kpi_json; else not_ok cijfers_kpi_json; fi
printf '%s\n' "$out" >"$T/kpi.json"
AGB=$(sql "$DB" "SELECT agb FROM omzetplafond ORDER BY agb LIMIT 1")

start_server cijfers_serve_start "$DB" 4

HAAL_MAX_TIME=60

P="$T/publiek.jar"
R="$T/regio.jar"
G="$T/gemeente.jar"
L="$T/beleid.jar"
: >"$P"
login "$R" soz "$PW"
login "$G" leiden "$PW"
login "$L" analist "$PW"

# ---- exact figures for the region's staff: equal to kpi --json ----------
haal "$R" /api/v1/indicatoren
check api_regio_200 [ "$code" = 200 ]
cp "$T/b" "$T/regio.json"
py_ok api_regio_gelijk_aan_kpi '
import json, sys
k = json.load(open(sys.argv[1])); a = json.load(open(sys.argv[2]))
assert a["onderdrukt"] is False, "onderdrukt"
assert a["peildatum"] == k["peildatum"], (a["peildatum"], k["peildatum"])
assert a["perioden"] == k["perioden"]
assert a["indicatoren"] == k["regio"], "regio verschilt"
assert a["data_versie"] == sys.argv[3], (a["data_versie"], sys.argv[3])
' "$T/kpi.json" "$T/regio.json" "$(sql "$DB" "SELECT waarde FROM meta WHERE sleutel = 'data.versie'")"

for code_g in 0546 0575 0569; do
	haal "$R" "/api/v1/indicatoren?gemeente=$code_g"
	cp "$T/b" "$T/g.json"
	py_ok "api_gemeente_${code_g}_gelijk_aan_kpi" '
import json, sys
k = json.load(open(sys.argv[1])); a = json.load(open(sys.argv[2]))
g = [x for x in k["gemeenten"] if x["code"] == sys.argv[3]][0]
assert a["indicatoren"] == g, "gemeente verschilt"
' "$T/kpi.json" "$T/g.json" "$code_g"
done

haal "$R" "/api/v1/indicatoren?peildatum=2025-06-30&gemeente=0546"
cp "$T/b" "$T/p.json"
run "$J" kpi --db "$DB" --json --peildatum 2025-06-30 --gemeente 0546
printf '%s\n' "$out" >"$T/kpi2.json"
py_ok api_peildatum_gelijk_aan_kpi '
import json, sys
k = json.load(open(sys.argv[1])); a = json.load(open(sys.argv[2]))
assert a["peildatum"] == "2025-06-30"
assert a["indicatoren"] == k["gemeenten"][0]
' "$T/kpi2.json" "$T/p.json"

haal "$R" "/api/v1/indicatoren?aanbieder=$AGB"
check api_aanbieder_200 [ "$code" = 200 ]
check api_aanbieder_plafond heeft '"omzetplafonduitputting"'
haal "$R" "/api/v1/indicatoren?segment=4&gemeente=0546"
check api_segment_200 [ "$code" = 200 ]
check api_segment_wachttijd heeft '"wachttijd"'

haal "$R" /api/v1/indicatoren/trend
check api_trend_200 [ "$code" = 200 ]
cp "$T/b" "$T/trend.json"
py_ok api_trend_vorm '
import json, sys
t = json.load(open(sys.argv[1]))
assert len(t["punten"]) == 13 and len(t["jaren"]) == 5
assert t["punten"][-1]["peildatum"] == "2026-11-25"
assert t["punten"][0]["peildatum"] == "2024-01-01", t["punten"][0]["peildatum"]
assert [j["jaar"] for j in t["jaren"]] == [2022, 2023, 2024, 2025, 2026]
' "$T/trend.json"

haal "$R" /api/v1/indicatoren/gemeenten
check api_gemeenten_200 [ "$code" = 200 ]
cp "$T/b" "$T/gem.json"
py_ok api_gemeenten_exact '
import json, sys
k = json.load(open(sys.argv[1])); a = json.load(open(sys.argv[2]))
assert len(a["gemeenten"]) == 13
for r in a["gemeenten"]:
    g = [x for x in k["gemeenten"] if x["code"] == r["code"]][0]
    assert r["jeugdhulp_kalenderjaar"] == g["jeugdhulpgebruik_kalenderjaar"]["jeugdigen"]
    assert r["thuiszitters_boven_3_maanden"] == g["thuiszitters_boven_3_maanden"]
assert a["regio"]["wachtend"] == k["regio"]["wachttijd"]["wachtend"]["n"]
' "$T/kpi.json" "$T/gem.json"

# ---- suppressed for the public and beleid ----------------------------------
# Every count is {"waarde": null|multiple of 5 >= 10, "weergave": ...}; no
# plain number but populations, years, segments, money and day figures.
CONTROLE='
import json, sys
VRIJ = {"jeugdigen_0_17", "populatie_0_17", "segment", "jaar", "een_op_n", "p80_dagen"}
def loop(x, sleutel=None):
    if isinstance(x, dict):
        if set(x) == {"waarde", "weergave"}:
            w = x["waarde"]
            if w is None:
                assert x["weergave"] in ("<10", "x"), x
            else:
                assert isinstance(w, int) and w >= 10 and w % 5 == 0, (sleutel, x)
            return
        for k, v in x.items():
            loop(v, k)
    elif isinstance(x, list):
        for v in x:
            loop(v, sleutel)
    elif isinstance(x, bool) or x is None or isinstance(x, (str, float)):
        return
    elif isinstance(x, int):
        assert sleutel in VRIJ or sleutel.endswith("_eurocent"), (sleutel, x)
d = json.load(open(sys.argv[1]))
assert d["onderdrukt"] is True
loop(d)
'
for wie in P L; do
	jar=${!wie}
	for pad in /api/v1/indicatoren "/api/v1/indicatoren?gemeente=0546" \
		"/api/v1/indicatoren?gemeente=0638&peildatum=2024-03-31" \
		/api/v1/indicatoren/gemeenten /api/v1/indicatoren/trend \
		"/api/v1/indicatoren/trend?gemeente=0569" "/api/v1/indicatoren?aanbieder=$AGB"; do
		haal "$jar" "$pad"
		cp "$T/b" "$T/o.json"
		naam=$(printf '%s_%s' "$wie" "$pad" | tr -c 'a-zA-Z0-9\n' '_')
		if [ "$code" != 200 ]; then
			not_ok "onderdrukt_$naam" "HTTP $code"
			continue
		fi
		py_ok "onderdrukt_$naam" "$CONTROLE" "$T/o.json"
	done
done

# Complementary suppression: no column of the gemeenten table has exactly
# one hidden gemeente when the region total is shown.
haal "$P" /api/v1/indicatoren/gemeenten
cp "$T/b" "$T/o.json"
py_ok onderdrukt_gemeenten_aanvullend '
import json, sys
d = json.load(open(sys.argv[1]))
for k in ("jeugdhulp_kalenderjaar", "wachtend", "thuiszitters_boven_3_maanden", "verblijf"):
    verborgen = [r for r in d["gemeenten"] if r[k]["waarde"] is None]
    if d["regio"][k]["waarde"] is not None:
        assert len(verborgen) != 1, (k, verborgen)
' "$T/o.json"

# A gemeente sees its own gemeente exactly, the region suppressed.
haal "$G" "/api/v1/indicatoren?gemeente=0546"
cp "$T/b" "$T/g.json"
py_ok gemeente_eigen_exact '
import json, sys
k = json.load(open(sys.argv[1])); a = json.load(open(sys.argv[2]))
assert a["onderdrukt"] is False
assert a["indicatoren"] == [x for x in k["gemeenten"] if x["code"] == "0546"][0]
' "$T/kpi.json" "$T/g.json"
haal "$G" "/api/v1/indicatoren?gemeente=0575"
check gemeente_ander_onderdrukt heeft '"onderdrukt":true'

# ---- bad parameters ----------------------------------------------------------
for q in "gemeente=9999" "gemeente=abc" "gemeente=05460" "peildatum=2026-13-01" \
	"peildatum=2030-01-01" "peildatum=2010-01-01" "segment=9" "segment=x" \
	"aanbieder=00000000" "onbekend=1" "gemeente=0546&gemeente=0575"; do
	haal "$P" "/api/v1/indicatoren?$q"
	naam=$(tr -c 'a-zA-Z0-9\n' '_' <<<"$q")
	check "api_400_$naam" [ "$code" = 400 ]
	check "api_400_json_$naam" heeft '"fout":{"code":'
done
haal "$P" "/api/v1/indicatoren/trend?gemeente=%3Cscript%3E"
check api_trend_400_script [ "$code" = 400 ]
check api_trend_geen_script bash -c '! grep -q "<script>" "$1"' _ "$T/b"
haal "$P" "/gemeenten?peildatum=gisteren"
check pagina_400_peildatum [ "$code" = 400 ]
check pagina_400_html heeft '<!DOCTYPE html>'
haal "$P" /gemeenten/9999
check gemeente_onbekend_404 [ "$code" = 404 ]
haal "$P" /aanbieders/99999999/cijfers
check aanbieder_onbekend_404 [ "$code" = 404 ]

# ---- pages -------------------------------------------------------------------
# No inline script, no style attributes (the CSP forbids both): csp_schoon.
haal "$P" /
if grep -q 'class="doel"' "$T/b"; then
	check home_200 [ "$code" = 200 ]
	check home_doelen [ "$(grep -c '<article class="doel"' "$T/b")" -eq 8 ]
	check home_1op12 heeft '1 op 12'
	check home_svg heeft '<svg class="grafiek-svg"'
	check home_svg_titel heeft '<title id="regio-gebruik-titel">'
	check home_tabel heeft '<table class="grafiek-tabel">'
	check home_status heeft 'class="status status-'
	check home_bron heeft 'Het doel en het getal zijn van de regio'
	check home_lezing heeft 'onze lezing'
	check home_scripts heeft '<script src="/static/grafiek.js?v='
	check home_csp csp_schoon
else
	# server.c still routes "/" to pagina_start (the lead removes it).
	ok "home_page # SKIP / wordt nog door pagina_start bediend"
fi

haal "$P" /gemeenten
check gemeenten_200 [ "$code" = 200 ]
check gemeenten_caption heeft '<caption>Kernindicatoren per gemeente</caption>'
check gemeenten_link heeft '<a href="/gemeenten/0546">Leiden</a>'
check gemeenten_melding heeft 'Kleine aantallen zijn afgeschermd'
check gemeenten_csp csp_schoon
py_ok gemeenten_pagina_onderdrukt '
import re, sys, html
t = open(sys.argv[1]).read()
rijen = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", t, re.S)
assert len(rijen) == 14, len(rijen)
for r in rijen:
    cellen = [html.unescape(c) for c in re.findall(r"<td class=\"getal\">(.*?)</td>", r)]
    for i in (1, 3, 5, 6):   # counts: jeugdhulp, wachtend, zorgelijk, thuiszitters
        c = cellen[i]
        if c in ("<10", "x"):
            continue
        n = int(c.replace(".", ""))
        assert n >= 10 and n % 5 == 0, (r[:40], i, c)
' "$T/b"
haal "$R" /gemeenten
check gemeenten_regio_geen_melding bash -c '! grep -q "Kleine aantallen zijn afgeschermd" "$1"' _ "$T/b"

haal "$P" /gemeenten/0546
check gemeente_200 [ "$code" = 200 ]
check gemeente_titel heeft '<h1>Gemeente Leiden</h1>'
check gemeente_doelen [ "$(grep -c '<article class="doel"' "$T/b")" -eq 8 ]
check gemeente_twee_reeksen heeft '<th scope="col">Leiden</th><th scope="col">Regio</th>'
check gemeente_budget heeft 'per segment</h2>'
check gemeente_staaf heeft 'data-soort="staaf"'
check gemeente_csp csp_schoon
haal "$G" /gemeenten/0546
check gemeente_eigen_geen_melding bash -c '! grep -q "Bedragen zijn afgerond" "$1"' _ "$T/b"

haal "$R" "/aanbieders/$AGB/cijfers"
check aanbieder_200 [ "$code" = 200 ]
check aanbieder_plafond heeft 'Omzetplafond'
check aanbieder_wachttijd heeft 'Mediane wachttijd'
check aanbieder_csp csp_schoon
haal "$P" "/aanbieders/$AGB/cijfers"
check aanbieder_publiek_onderdrukt heeft 'Kleine aantallen zijn afgeschermd'

# ---- assets --------------------------------------------------------------------
haal "$P" /static/grafiek.js
check js_200 [ "$code" = 200 ]
check js_type grep -qi '^content-type: text/javascript' "$T/h"
etag=$(grep -i '^etag:' "$T/h" | tr -d '\r' | cut -d' ' -f2)
check js_etag [ -n "$etag" ]
check js_cache grep -qi '^cache-control: public, max-age=31536000' "$T/h"
haal "$P" -H "If-None-Match: $etag" /static/grafiek.js
check js_304 [ "$code" = 304 ]
haal "$P" /static/chart.umd.min.js
check chartjs_200 [ "$code" = 200 ]
check chartjs_inhoud heeft 'Chart'

# ---- the cache reloads when the data version changes ----------------------------
haal "$R" "/api/v1/indicatoren?gemeente=0546"
voor=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["indicatoren"]["jeugdigen_0_17"])' "$T/b")
sql "$DB" "UPDATE gemeente SET jeugdigen_0_17 = jeugdigen_0_17 + 1000 WHERE code = '0546'"
haal "$R" "/api/v1/indicatoren?gemeente=0546"
zelfde=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["indicatoren"]["jeugdigen_0_17"])' "$T/b")
check cache_zonder_versie_ongewijzigd [ "$zelfde" = "$voor" ]
sql "$DB" "UPDATE meta SET waarde = '2' WHERE sleutel = 'data.versie'"
sleep 1.2
haal "$R" "/api/v1/indicatoren?gemeente=0546"
na=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["indicatoren"]["jeugdigen_0_17"], d["data_versie"])' "$T/b")
check cache_herladen [ "$na" = "$((voor + 1000)) 2" ]

kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check server_stopt_netjes grep -q 'gestopt\|stopt' "$T/serve.err"
