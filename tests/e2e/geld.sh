#!/usr/bin/env bash
# End-to-end tests of the money pages and API (src/web/geld_web.c,
# steer/geld.c, store/geld_store.c, migration 13): for the region's staff
# the approved amounts per gemeente and year, the budgets, the PGB line and
# the settlement equal an independent plain-SQL reference (the settlement's
# shares apportioned again here, by largest remainder); the public and
# beleid see rounded amounts (€ 50.000), counts by onthulling and no amount
# of fewer than 10 youth; a gemeente sees its own row exactly and an
# aanbieder its own ceiling; pages, CSV and XLSX of every table; bad
# parameters get Dutch errors. Runs once per backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db geld)
expect geld_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.1 --until 2026-11-25
PW='correct paard batterij niet'
AGB=$(sql "$DB" "SELECT agb FROM omzetplafond WHERE jaar = 2025 ORDER BY bedrag DESC, agb LIMIT 1")
"$J" user add --db "$DB" --naam soz --rol regio --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam leiden --rol gemeente --gemeente 0546 --wachtwoord-stdin \
	<<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam analist --rol beleid --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam zorg --rol aanbieder --aanbieder "$AGB" --wachtwoord-stdin \
	<<<"$PW" >/dev/null 2>&1

# The demo draws PGB awards (migration 13): a few per cent of the spending.
pgb=$(sql "$DB" "SELECT count(*) FROM pgb WHERE jaar = 2025")
check geld_demo_pgb [ "${pgb:-0}" -gt 0 ]

# ---- the independent reference, plain SQL over the raw tables -----------
JAAR=2025
sql "$DB" "SELECT t.gemeente, sum(p.bedrag) FROM prestatie p JOIN traject t ON t.id = p.traject_id
	WHERE p.goedgekeurd = 1 AND substr(p.periode_begin, 1, 4) = '$JAAR' GROUP BY t.gemeente
	ORDER BY t.gemeente" >"$T/ref_goedgekeurd"
sql "$DB" "SELECT gemeente, sum(bedrag) FROM budget WHERE jaar = $JAAR GROUP BY gemeente
	ORDER BY gemeente" >"$T/ref_budget"
sql "$DB" "SELECT gemeente, sum(bedrag), count(DISTINCT jeugdige_id) FROM pgb WHERE jaar = $JAAR
	GROUP BY gemeente ORDER BY gemeente" >"$T/ref_pgb"
sql "$DB" "SELECT code, naam, jeugdigen_0_17 FROM gemeente ORDER BY code" >"$T/ref_gemeenten"

start_server geld_serve_start "$DB" 2
HAAL_MAX_TIME=120

P="$T/publiek.jar"
R="$T/regio.jar"
G="$T/gemeente.jar"
L="$T/beleid.jar"
A="$T/aanbieder.jar"
: >"$P"
login "$R" soz "$PW"
login "$G" leiden "$PW"
login "$L" analist "$PW"
login "$A" zorg "$PW"

# Helpers shared by the python checks: the reference files by gemeente
# name, and a table's rows by name.
PYLIB='
import json, sys
def ref(path, cols=2):
    out = {}
    for line in open(path):
        f = line.strip().split("|")
        if len(f) >= cols:
            out[f[0]] = f[1:]
    return out
gem = ref(sys.argv[1], 3)
naam_code = {v[0]: k for k, v in gem.items()}
def rijen(a, tabel):
    return {r["naam"]: r for r in a["tabellen"][tabel]["rijen"]} if "naam" in a["tabellen"][tabel]["rijen"][0] else a["tabellen"][tabel]["rijen"]
'

# ---- exact for the region's staff ----------------------------------------
haal "$R" "/api/v1/geld?jaar=$JAAR"
check api_regio_200 [ "$code" = 200 ]
cp "$T/b" "$T/regio.json"
py_ok api_regio_goedgekeurd_gelijk_aan_sql "$PYLIB"'
a = json.load(open(sys.argv[2])); g = ref(sys.argv[3]); b = ref(sys.argv[4])
assert a["onderdrukt"] is False
u = rijen(a, "uitputting")
tot = 0
for code, (naam, pop) in gem.items():
    want = int(g.get(code, ["0"])[0]); tot += want
    assert u[naam]["goedgekeurd_eurocent"] == want, (naam, u[naam]["goedgekeurd_eurocent"], want)
    assert u[naam]["budget_eurocent"] == int(b[code][0]), naam
    r = u[naam]
    assert r["verwacht_eurocent"] == r["goedgekeurd_eurocent"] + r["nog_te_declareren_eurocent"]
    assert r["resultaat_eurocent"] == r["budget_eurocent"] - r["verwacht_eurocent"]
    if r["band_laag_eurocent"] is not None:
        assert r["band_laag_eurocent"] <= r["verwacht_eurocent"] <= r["band_hoog_eurocent"], naam
assert u["Regio"]["goedgekeurd_eurocent"] == tot
' "$T/ref_gemeenten" "$T/regio.json" "$T/ref_goedgekeurd" "$T/ref_budget"

py_ok api_regio_verrekening_gelijk_aan_sql "$PYLIB"'
a = json.load(open(sys.argv[2])); g = ref(sys.argv[3])
v = rijen(a, "verrekening")
kosten = {c: int(g.get(c, ["0"])[0]) for c in gem}
C = sum(kosten.values()); P = sum(int(p) for n, p in gem.values())
# Largest remainder, written again here: floor shares, then the cents
# left one each to the largest remainders (first code on ties).
basis = {c: C * int(gem[c][1]) // P for c in gem}
rest = sorted(gem, key=lambda c: (-(C * int(gem[c][1]) % P), c))
for c in rest[: C - sum(basis.values())]:
    basis[c] += 1
for c, (naam, pop) in gem.items():
    r = v[naam]
    assert r["naar_gebruik_eurocent"] == kosten[c], (naam, r["naar_gebruik_eurocent"], kosten[c])
    assert r["naar_inwoners_eurocent"] == basis[c], (naam, r["naar_inwoners_eurocent"], basis[c])
    assert r["verschil_eurocent"] == basis[c] - kosten[c]
    assert r["inwoners_0_17"] == int(pop)
assert v["Regio"]["naar_inwoners_eurocent"] == C == v["Regio"]["naar_gebruik_eurocent"]
' "$T/ref_gemeenten" "$T/regio.json" "$T/ref_goedgekeurd"

py_ok api_regio_pgb_en_routes_gelijk_aan_sql "$PYLIB"'
a = json.load(open(sys.argv[2])); g = ref(sys.argv[3]); p = ref(sys.argv[4], 3)
r = rijen(a, "routes")
for c, (naam, pop) in gem.items():
    x = r[naam]
    assert x["pgb_eurocent"] == int(p.get(c, ["0"])[0]), (naam, x["pgb_eurocent"])
    assert x["gecontracteerd_eurocent"] + x["buiten_contract_eurocent"] == int(g.get(c, ["0"])[0])
    assert x["totaal_eurocent"] == x["gecontracteerd_eurocent"] + x["buiten_contract_eurocent"] + x["pgb_eurocent"]
# PGB is a few per cent of the spending (the demo calibration).
tot = r["Regio"]
share = tot["pgb_eurocent"] / tot["totaal_eurocent"]
assert 0.01 < share < 0.08, share
' "$T/ref_gemeenten" "$T/regio.json" "$T/ref_goedgekeurd" "$T/ref_pgb"

py_ok api_regio_methode_en_vertraging "$PYLIB"'
a = json.load(open(sys.argv[2]))
v = a["vertraging"]
assert v["n"] > 0 and 0 <= v["mediaan_dagen"] <= v["p80_dagen"] <= v["p95_dagen"] <= v["max_dagen"]
m = a["tabellen"]["methode"]["rijen"]
assert len(m) >= 2, len(m)
for r in m:
    assert r["jaar"] < 2025 and r["peildatum"].endswith("-11-25"), r
    if r["fout"] is not None:
        assert abs(r["verwacht_eurocent"] / r["werkelijk_eurocent"] - 1 - r["fout"]) < 1e-3
' "$T/ref_gemeenten" "$T/regio.json"

# ---- the public and beleid: rounded, nothing of fewer than 10 youth -----
for wie in publiek beleid; do
	jar=$P
	[ $wie = beleid ] && jar=$L
	haal "$jar" "/api/v1/geld?jaar=$JAAR"
	check "api_${wie}_200" [ "$code" = 200 ]
	cp "$T/b" "$T/$wie.json"
	py_ok "api_${wie}_onderdrukt" "$PYLIB"'
a = json.load(open(sys.argv[2])); p = ref(sys.argv[3], 3)
assert a["onderdrukt"] is True
beleid = ("budget_eurocent", "omzetplafond_eurocent")
for t, tab in a["tabellen"].items():
    for r in tab["rijen"]:
        for k, v in r.items():
            if v is None or isinstance(v, str) or k in beleid:
                continue
            # Results are an exact budget minus a rounded amount.
            if k.endswith("_eurocent") and t != "clientkosten" and not k.startswith("resultaat"):
                assert v % 5000000 == 0, (t, k, v)
            if k.startswith("gemiddeld_"):
                assert v % 10000 == 0, (t, k, v)
            if k in ("actieve_trajecten", "wachtend", "boven_treeknorm",
                     "jeugdigen_buiten_contract", "jeugdigen_pgb"):
                assert v >= 10 and v % 5 == 0, (t, k, v)
r = rijen(a, "routes")
for c, (naam, pop) in gem.items():
    n = int(p.get(c, ["0", "0"])[1])
    if n < 10:
        assert r[naam]["pgb_eurocent"] is None, (naam, n)
' "$T/ref_gemeenten" "$T/$wie.json" "$T/ref_pgb"
done

# ---- a gemeente: its own row exact, others rounded ----------------------
haal "$G" "/api/v1/geld?jaar=$JAAR&gemeente=0546"
check api_gemeente_200 [ "$code" = 200 ]
cp "$T/b" "$T/gemeente.json"
py_ok api_gemeente_eigen_exact "$PYLIB"'
a = json.load(open(sys.argv[2])); g = ref(sys.argv[3])
assert a["gemeente"] == "0546"
u = a["tabellen"]["uitputting"]["rijen"]
assert u[0]["naam"] == "Alle segmenten" and u[0]["goedgekeurd_eurocent"] == int(g["0546"][0])
assert "plafond" not in a["tabellen"]
v = rijen(a, "verrekening")
assert v["Leiden"]["naar_gebruik_eurocent"] == int(g["0546"][0])
assert v["Katwijk"]["naar_gebruik_eurocent"] % 5000000 == 0
' "$T/ref_gemeenten" "$T/gemeente.json" "$T/ref_goedgekeurd"

# ---- an aanbieder: its own ceiling exact ---------------------------------
haal "$A" "/api/v1/geld?jaar=$JAAR"
cp "$T/b" "$T/aanbieder.json"
haal "$R" "/api/v1/geld?jaar=$JAAR"
cp "$T/b" "$T/regio2.json"
py_ok api_aanbieder_eigen_plafond '
import json, sys
a = json.load(open(sys.argv[1])); r = json.load(open(sys.argv[2])); agb = sys.argv[3]
eigen = [x for x in a["tabellen"]["plafond"]["rijen"] if x["agb"] == agb][0]
ref = [x for x in r["tabellen"]["plafond"]["rijen"] if x["agb"] == agb][0]
assert eigen == ref, (eigen, ref)
ander = [x for x in a["tabellen"]["plafond"]["rijen"] if x["agb"] != agb]
assert all(x["verwacht_eurocent"] is None or x["verwacht_eurocent"] % 5000000 == 0 for x in ander)
assert a["onderdrukt"] is True
' "$T/aanbieder.json" "$T/regio2.json" "$AGB"

# ---- pages ---------------------------------------------------------------
haal "$P" /geld
check pagina_regio_200 [ "$code" = 200 ]
for woord in "Verwachte uitputting" Bandbreedte Plafondparadox "Buiten contract" PGB \
	"Verrekening naar inwoners" "Verrekening naar gebruik" "Declaratievertraging" "<caption>" \
	'scope="col"' "afgerond op € 50.000"; do
	heeft "$woord" || { not_ok "pagina_regio_heeft_${woord// /_}"; continue; }
done
ok pagina_regio_onderdelen
if grep -q 'style=' "$T/b" || grep -E '<script(>| [^s])' "$T/b" | grep -qv 'src='; then
	not_ok pagina_regio_geen_inline "style= of inline script"
else
	ok pagina_regio_geen_inline
fi
haal "$R" "/geld?jaar=2025&segment=4&sorteer=wachtend"
check pagina_regio_segment [ "$code" = 200 ]
heeft "Ambulante jeugdhulp" && heeft 'href="/geld.csv?tabel=plafond&amp;jaar=2025&amp;segment=4&amp;sorteer=wachtend"'
check pagina_download_links_houden_keuze [ $? = 0 ]
haal "$G" /gemeenten/0546/geld
check pagina_gemeente_200 [ "$code" = 200 ]
heeft "Leiden" && ! heeft "Plafondparadox 20"
check pagina_gemeente_zonder_plafonds [ $? = 0 ]
haal "$P" /gemeenten/9999/geld
check pagina_gemeente_onbekend_404 [ "$code" = 404 ]

# ---- downloads ------------------------------------------------------------
# xlsx JAR PATH: a binary answer into $T/x.xlsx (haal keeps text).
xlsx() {
	code=$(curl -s --max-time "$HAAL_MAX_TIME" -b "$1" -o "$T/x.xlsx" -w '%{http_code}' "$B$2") ||
		code="curl-fout-$?"
}
for tabel in uitputting plafond routes clientkosten verrekening methode; do
	haal "$R" "/geld.csv?tabel=$tabel&jaar=$JAAR"
	check "csv_${tabel}" [ "$code" = 200 ]
	xlsx "$R" "/geld.xlsx?tabel=$tabel&jaar=$JAAR"
	check "xlsx_${tabel}" [ "$code" = 200 ] && [ "$(head -c 2 "$T/x.xlsx")" = PK ]
done
haal "$R" "/geld.csv?tabel=verrekening&jaar=$JAAR"
check csv_type [ "$(kop Content-Type)" = "text/csv; charset=utf-8" ]
regels=$(tr -d '\r' <"$T/b" | wc -l)
kopregel=$(head -n 1 "$T/b" | tr -d '\r' | sed 's/^\xEF\xBB\xBF//')
check csv_verrekening_inhoud [ "$regels" = 15 ] && [ "$kopregel" = \
	"naam;inwoners_0_17;aandeel_inwoners;naar_inwoners_euro;naar_gebruik_euro;verschil_euro" ]
haal "$G" "/gemeenten/0546/geld.csv?tabel=uitputting"
check csv_gemeente [ "$code" = 200 ] && grep -q "^Alle segmenten;" "$T/b"
xlsx "$G" "/gemeenten/0546/geld.xlsx?tabel=routes"
check xlsx_gemeente [ "$code" = 200 ]

# ---- bad parameters: Dutch errors -----------------------------------------
fout() {
	local naam=$1 pad=$2 veld=$3
	haal "$P" "$pad"
	py_ok "$naam" '
import json, sys
f = json.load(open(sys.argv[1]))["fout"]
assert sys.argv[2] == "400" and f["code"] == "ongeldige_parameter", f
assert f["veld"] == sys.argv[3], f
assert len(f["melding"]) > 10
' "$T/b" "$code" "$veld"
}
fout fout_jaar_te_vroeg "/api/v1/geld?jaar=1999" jaar
fout fout_jaar_na_peildatum "/api/v1/geld?jaar=2027" jaar
fout fout_jaar_tekst "/api/v1/geld?jaar=dit" jaar
fout fout_segment "/api/v1/geld?segment=9" segment
fout fout_sorteer "/api/v1/geld?sorteer=naam" sorteer
fout fout_gemeente "/api/v1/geld?gemeente=9999" gemeente
haal "$P" "/api/v1/geld?onbekend=1"
check fout_onbekende_parameter [ "$code" = 400 ]
haal "$P" "/geld.csv?tabel=iets"
check fout_tabel [ "$code" = 400 ] && heeft "Kies een tabel"
haal "$P" "/gemeenten/0546/geld.csv?tabel=plafond"
check fout_tabel_gemeente [ "$code" = 400 ]
haal "$P" "/geld?jaar=abc"
check fout_pagina_html [ "$code" = 400 ] && heeft "<html" && heeft "jaar"

stop_server
