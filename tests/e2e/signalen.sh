#!/usr/bin/env bash
# End-to-end tests of the 2030 goals and the signals (src/web/signaal_web.c,
# signaal_cache.c, steer/doelen.c, reeksen.c, signaal.c): the pages render
# with svg charts and tables and without inline script or style; the API
# shapes; a gemeente user sees only its own gemeente's signals addressed to
# the gemeente, a lokaal_team user only those addressed to the team, beleid
# only the region's, the public none (login required) but the goals with
# published (rounded) figures; CSV downloads; bad parameters give a Dutch
# error. Runs once per backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db signalen)
expect signalen_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
PW='correct paard batterij niet'
TEAM=$(sql "$DB" "SELECT team_id FROM lokaal_team_gemeente WHERE gemeente = '0546' LIMIT 1")
"$J" user add --db "$DB" --naam soz --rol regio --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam leiden --rol gemeente --gemeente 0546 --wachtwoord-stdin \
	<<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam team --rol lokaal_team --team "$TEAM" --wachtwoord-stdin \
	<<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam analist --rol beleid --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1

start_server signalen_serve_start "$DB" 4
HAAL_MAX_TIME=60

P="$T/publiek.jar"
R="$T/regio.jar"
G="$T/gemeente.jar"
LT="$T/team.jar"
L="$T/beleid.jar"
: >"$P"
login "$R" soz "$PW"
login "$G" leiden "$PW"
login "$LT" team "$PW"
login "$L" analist "$PW"

# ---- /doelen -----------------------------------------------------------------
haal "$R" /doelen
check doelen_200 [ "$code" = 200 ]
check doelen_svg heeft '<svg class="grafiek-svg"'
check doelen_secties [ "$(grep -c '<section class="doel"' "$T/b")" -eq 7 ]
check doelen_tabel heeft '<table class="doel-stand">'
check doelen_th_scope heeft '<th scope="row">Leiden</th>'
check doelen_aanname heeft '(aanname)'
check doelen_csp csp_schoon
haal "$P" /doelen
check doelen_publiek_200 [ "$code" = 200 ]
check doelen_publiek_afgerond heeft '(afgerond)'
haal "$P" /
check home_link_doelen heeft 'href="/doelen"'

haal "$R" /api/v1/doelen
check api_doelen_200 [ "$code" = 200 ]
cp "$T/b" "$T/doelen_regio.json"
py_ok api_doelen_vorm '
import json, sys
a = json.load(open(sys.argv[1]))
assert a["basisjaar"] == 2025, a["basisjaar"]
assert a["peildatum"] == "2026-11-25"
assert a["doel_datum"] == "2030-12-31"
ks = [d["sleutel"] for d in a["doelen"]]
assert ks == ["gebruik", "wachttijd", "thuiszitters", "verblijf", "collectief", "analyse",
              "regisseur"], ks
for d in a["doelen"]:
    assert len(d["eenheden"]) == 14, len(d["eenheden"])
    r = d["eenheden"][0]
    assert r["gemeente"] is None and r["onderdrukt"] is False
    assert r["stand"] in ("voor", "op_koers", "achter", "onbekend")
    for k in ("bron", "streef", "aanname", "lager_is_beter", "streef_soort"):
        assert k in d, k
    rangen = sorted(e["rang"] for e in d["eenheden"][1:] if e["rang"] is not None)
    assert rangen == list(range(1, len(rangen) + 1)), rangen
    if r["basis"] is not None and r["stand"] != "onbekend":
        # the position follows from the path: voorsprong vs tolerantie
        v, t = r["voorsprong"], r["tolerantie"]
        want = "voor" if v > t else "achter" if v < -t else "op_koers"
        assert r["stand"] == want, (d["sleutel"], r)
g = a["doelen"][0]
assert abs(g["streef"] - 100 / 12) < 1e-3
' "$T/doelen_regio.json"

haal "$P" /api/v1/doelen
cp "$T/b" "$T/doelen_publiek.json"
py_ok api_doelen_publiek_afgerond '
import json, sys
a = json.load(open(sys.argv[1]))
for d in a["doelen"]:
    for e in d["eenheden"]:
        assert e["onderdrukt"] is True
        for k in ("basis", "nu"):
            m = e[k]
            if m is None: continue
            assert m["aantal"] >= 10 and m["aantal"] % 5 == 0, (d["sleutel"], m)
            if d["sleutel"] != "thuiszitters":
                assert m["totaal"] % 5 == 0, m
' "$T/doelen_publiek.json"

haal "$G" /api/v1/doelen
cp "$T/b" "$T/doelen_g.json"
py_ok api_doelen_gemeente_eigen_exact '
import json, sys
a = json.load(open(sys.argv[1]))
for d in a["doelen"]:
    for e in d["eenheden"]:
        assert e["onderdrukt"] is (e["gemeente"] != "0546"), e
' "$T/doelen_g.json"

haal "$R" /doelen.csv
check doelen_csv_200 [ "$code" = 200 ]
check doelen_csv_type bash -c 'grep -qi "^content-type: text/csv" "$1"' _ "$T/h"
check doelen_csv_kop heeft 'doel;gemeente;naam;afgerond;basisjaar;basis;nu;pad_nu'
check doelen_csv_regels [ "$(grep -c '' "$T/b")" -eq $((1 + 7 * 14)) ]

# ---- /signalen: login and scope ---------------------------------------------
haal "$P" /api/v1/signalen
check api_signalen_publiek_401 [ "$code" = 401 ]
haal "$P" /signalen
check signalen_publiek_geen_lijst bash -c '[ "$1" != 200 ]' _ "$code"

haal "$R" /api/v1/signalen
check api_signalen_regio_200 [ "$code" = 200 ]
cp "$T/b" "$T/s_regio.json"
haal "$G" /api/v1/signalen
cp "$T/b" "$T/s_gem.json"
haal "$LT" /api/v1/signalen
cp "$T/b" "$T/s_team.json"
haal "$L" /api/v1/signalen
cp "$T/b" "$T/s_beleid.json"
py_ok api_signalen_vorm '
import json, sys
a = json.load(open(sys.argv[1]))
assert a["eerste_maand"] == "2023-11-30" and a["laatste_maand"] == "2026-10-31", a
assert a["basis_maanden"] == 24
assert len(a["signalen"]) > 0, "geen signalen voor de regio"
ks = {"reeks", "naam", "kaart", "gemeente", "gemeente_naam", "maand", "regel", "richting",
      "eenheid", "onderdrukt", "waarde", "n", "centrumlijn", "ondergrens", "bovengrens",
      "gericht_aan"}
for s in a["signalen"]:
    assert set(s) == ks, set(s) ^ ks
    assert s["regel"] in ("grens", "reeks") and s["richting"] in ("slechter", "beter")
    assert s["kaart"] in ("p", "xmr")
    assert "2025-11-30" <= s["maand"] <= "2026-10-31", s["maand"]
    if s["regel"] == "grens" and s["waarde"] is not None:
        assert s["waarde"] < s["ondergrens"] + 1e-9 or s["waarde"] > s["bovengrens"] - 1e-9, s
    if s["gemeente"] is None:
        assert s["gericht_aan"] == ["regio"], s
maanden = [s["maand"] for s in a["signalen"]]
assert maanden == sorted(maanden, reverse=True)
' "$T/s_regio.json"
py_ok api_signalen_gemeente_alleen_eigen '
import json, sys
r = json.load(open(sys.argv[1])); g = json.load(open(sys.argv[2]))
for s in g["signalen"]:
    assert s["gemeente"] == "0546", s
    assert "gemeente" in s["gericht_aan"], s
    assert s["onderdrukt"] is False
want = [s for s in r["signalen"] if s["gemeente"] == "0546" and "gemeente" in s["gericht_aan"]]
assert g["signalen"] == want, (len(g["signalen"]), len(want))
' "$T/s_regio.json" "$T/s_gem.json"
py_ok api_signalen_team_alleen_eigen '
import json, sys
r = json.load(open(sys.argv[1])); t = json.load(open(sys.argv[2]))
for s in t["signalen"]:
    assert s["gemeente"] is not None and "lokaal_team" in s["gericht_aan"], s
eigen = set(sys.argv[3].split())
want = [s for s in r["signalen"] if "lokaal_team" in s["gericht_aan"] and s["gemeente"] in eigen]
assert t["signalen"] == want, (len(t["signalen"]), len(want))
' "$T/s_regio.json" "$T/s_team.json" "$(sql "$DB" "SELECT gemeente FROM lokaal_team_gemeente WHERE team_id = $TEAM" | tr '\n' ' ')"
py_ok api_signalen_beleid_regio '
import json, sys
b = json.load(open(sys.argv[1]))
for s in b["signalen"]:
    assert s["gemeente"] is None and s["onderdrukt"] is True and s["n"] is None, s
' "$T/s_beleid.json"

haal "$R" "/api/v1/signalen?gemeente=0546&richting=slechter"
cp "$T/b" "$T/s_f.json"
py_ok api_signalen_filter '
import json, sys
a = json.load(open(sys.argv[1]))
for s in a["signalen"]:
    assert s["gemeente"] == "0546" and s["richting"] == "slechter", s
' "$T/s_f.json"

# ---- pages -----------------------------------------------------------------
haal "$R" /signalen
check signalen_200 [ "$code" = 200 ]
check signalen_svg heeft '<svg class="grafiek-svg"'
check signalen_tabel heeft '<table class="signalen">'
check signalen_csp csp_schoon
check signalen_menu heeft 'href="/doelen"'
haal "$R" "/signalen?reeks=analyse&gemeente=regio"
check signalen_reeks_200 [ "$code" = 200 ]
check signalen_reeks_svg heeft 'id="reeks-analyse"'
check signalen_reeks_grenzen heeft 'Bovengrens'
check signalen_reeks_csp csp_schoon
haal "$G" "/signalen?reeks=thuiszitters&gemeente=0546"
check signalen_gemeente_eigen_reeks [ "$code" = 200 ]
haal "$G" "/signalen?reeks=thuiszitters&gemeente=0547"
check signalen_gemeente_andere_reeks_404 [ "$code" = 404 ]
haal "$G" /signalen
check signalen_gemeente_200 [ "$code" = 200 ]
check signalen_gemeente_geen_andere bash -c '! grep -q "gemeente=0547" "$1"' _ "$T/b"

haal "$R" /signalen.csv
check signalen_csv_200 [ "$code" = 200 ]
check signalen_csv_kop heeft 'maand;reeks;kaart;gemeente;naam;regel;richting;waarde'
check signalen_csv_regels [ "$(($(grep -c '' "$T/b") - 1))" -eq \
	"$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["signalen"]))' "$T/s_regio.json")" ]
haal "$G" /signalen.csv
check signalen_csv_gemeente bash -c '! tail -n +2 "$1" | grep -v ";0546;"' _ "$T/b"

# ---- bad parameters: Dutch errors ------------------------------------------
haal "$R" "/api/v1/signalen?reeks=onzin"
check api_400_reeks [ "$code" = 400 ]
check api_400_reeks_melding heeft 'Reeks'
check api_400_reeks_json heeft '"fout"'
haal "$R" "/api/v1/signalen?gemeente=9999"
check api_400_gemeente [ "$code" = 400 ]
check api_400_gemeente_melding heeft 'CBS-code'
haal "$R" "/api/v1/signalen?richting=omhoog"
check api_400_richting heeft "'slechter' of 'beter'"
haal "$R" "/api/v1/signalen?wat=1"
check api_400_onbekend [ "$code" = 400 ]
haal "$R" "/signalen?reeks=onzin"
check pagina_400_reeks [ "$code" = 400 ]
check pagina_400_html heeft '<!DOCTYPE html>'
haal "$P" "/api/v1/doelen?x=1"
check api_doelen_400 [ "$code" = 400 ]

stop_server
