#!/usr/bin/env bash
# The regional waiting list (src/web/wachtlijst_web.c, domain/wachtlijst.c)
# on a small demo region: the list agrees with the record and with the
# scopes, is audited, exports to CSV (BOM, ';', CRLF) and XLSX (a valid
# ZIP of well-formed XML with one row per waiting youth); staff confirm
# and clear a worrying waiter with a reason (history kept, bad input
# refused); the Treeknorm is configurable by the beheerder only; the
# public waiting times are suppressed as DOMAIN.md §5 says. Runs once per
# backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
export JEUGDREGIE_PWHASH_SNEL=1
HAAL_MAX_TIME=60

P=2026-11-25
DB=$(nieuwe_db wachtlijst)
expect demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until "$P"

# The waiting trajectories on P by the definition, in SQL.
WACHTEND="FROM traject t LEFT JOIN toewijzing z ON z.nummer = t.toewijzing_nummer
	WHERE t.segment >= 1 AND COALESCE(t.aanmelddatum, z.ingangsdatum) <= '$P'
	AND (t.begindatum IS NULL OR t.begindatum > '$P')
	AND (t.einddatum IS NULL OR t.einddatum > '$P') AND t.status <> 5"
N=$(sql "$DB" "SELECT count(*) $WACHTEND")
G=$(sql "$DB" "SELECT t.gemeente $WACHTEND GROUP BY t.gemeente ORDER BY count(*) DESC, t.gemeente LIMIT 1")
NG=$(sql "$DB" "SELECT count(*) $WACHTEND AND t.gemeente = '$G'")
AGB=$(sql "$DB" "SELECT t.agb $WACHTEND GROUP BY t.agb ORDER BY count(*) DESC, t.agb LIMIT 1")
NA=$(sql "$DB" "SELECT count(*) $WACHTEND AND t.agb = '$AGB'")
check demo_wacht [ "${N:-0}" -gt 10 ]

PW='wachtlijst wachtwoord een'
gebruiker user_regio w_regio regio
gebruiker user_gemeente w_gemeente gemeente --gemeente "$G"
gebruiker user_aanbieder w_aanbieder aanbieder --aanbieder "$AGB"
gebruiker user_beheerder w_beheer beheerder
start_server serve "$DB" 2

RJ="$T/regio.jar" GJ="$T/gemeente.jar" AJ="$T/aanbieder.jar" BJ="$T/beheer.jar"
login "$RJ" w_regio "$PW" login_regio
login "$GJ" w_gemeente "$PW" login_gemeente
login "$AJ" w_aanbieder "$PW" login_aanbieder
login "$BJ" w_beheer "$PW" login_beheerder

# json EXPR: evaluate a Python expression over the last body (as j).
json() { python3 -c "import json,sys; j=json.load(sys.stdin); print($1)" <<<"$body"; }
audit_n() { sql "$DB" "SELECT count(*) FROM audit_log"; }

# ---- the list and its scopes ----------------------------------------------
voor=$(audit_n)
haal "$RJ" "/api/v1/wachtlijst?peildatum=$P&per_pagina=500"
check lijst_200 [ "$code" = 200 ]
check lijst_totaal [ "$(json 'j["paginering"]["totaal"]')" = "$N" ]
check lijst_audit [ "$(audit_n)" = $((voor + 1)) ]
check lijst_audit_object [ "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE object LIKE 'wachtlijst: lijst (%' AND gebruiker = 'w_regio'")" = 1 ]
check lijst_volgorde [ "$(json 'all(a["wachtdagen"] >= b["wachtdagen"] for a, b in zip(j["gegevens"], j["gegevens"][1:]))')" = True ]
# boven_norm is P past normgrens; zorgelijk without a decision needs a flag.
check lijst_normgrens [ "$(json 'all(r["treeknorm"]["boven_norm"] == (r["treeknorm"]["normgrens"] <= j["peildatum"]) for r in j["gegevens"])')" = True ]
check lijst_zorgelijk_def [ "$(json 'all(r["zorgelijk"] == (r["treeknorm"]["boven_norm"] and len(r["risico"]) > 0) for r in j["gegevens"] if r["besluit"] is None)')" = True ]
check lijst_overbrugging_risico [ "$(json 'all(("geen_overbrugging" in r["risico"]) != r["overbrugging"] for r in j["gegevens"])')" = True ]
ZORG=$(json 'j["samenvatting"]["zorgelijk"]')

haal "$GJ" "/api/v1/wachtlijst?peildatum=$P&per_pagina=500"
check gemeente_totaal [ "$(json 'j["paginering"]["totaal"]')" = "$NG" ]
check gemeente_eigen [ "$(json "all(r['gemeente']['code'] == '$G' for r in j['gegevens'])")" = True ]
haal "$AJ" "/api/v1/wachtlijst?peildatum=$P&per_pagina=500"
check aanbieder_totaal [ "$(json 'j["paginering"]["totaal"]')" = "$NA" ]
check aanbieder_eigen [ "$(json "all(r['aanbieder']['agb'] == '$AGB' for r in j['gegevens'])")" = True ]

haal "$RJ" "/api/v1/wachtlijst?peildatum=$P&norm=boven&per_pagina=500"
check filter_norm [ "$(json 'all(r["treeknorm"]["boven_norm"] for r in j["gegevens"]) and len(j["gegevens"]) > 0')" = True ]
haal "$RJ" "/api/v1/wachtlijst?peildatum=$P&fase=intake&segment=4&per_pagina=500"
check filter_fase_segment [ "$(json 'all(r["fase"] == "intake" and r["segment"]["nr"] == 4 for r in j["gegevens"])')" = True ]
haal "$RJ" "/api/v1/wachtlijst?segment=9"
check filter_fout_400 [ "$code" = 400 ]
check filter_fout_veld [ "$(json 'j["fout"]["veld"]')" = segment ]
haal "$RJ" "/api/v1/wachtlijst?onbekend=1"
check filter_onbekend_400 [ "$code" = 400 ]

haal "$RJ" "/api/v1/wachtlijst/overzicht?peildatum=$P&weergave=gemeente"
check overzicht_som [ "$(json 'sum(g["wachtend"] for g in j["gegevens"])')" = "$N" ]
haal "$RJ" "/api/v1/wachtlijst/signalen?peildatum=$P"
check signalen_alle_met_signaal [ "$(json 'all(len(r["signalen"]) > 0 for r in j["gegevens"])')" = True ]

haal "$RJ" "/wachtlijst?peildatum=$P"
check pagina_200 [ "$code" = 200 ]
check pagina_tabel heeft '<caption>'"$N"' wachtenden'
check pagina_geen_inline_stijl bash -c '! grep -q "style=\|<script" "$0"' "$T/b"
for w in aanbieder gemeente segment netwerk; do
	haal "$RJ" "/wachtlijst?peildatum=$P&weergave=$w"
	check "pagina_weergave_$w" [ "$code" = 200 ]
done
haal "$RJ" "/wachtlijst/signalen?peildatum=$P"
check pagina_signalen [ "$code" = 200 ]

# ---- exports ------------------------------------------------------------------
voor=$(audit_n)
haal "$RJ" "/wachtlijst/export.csv?peildatum=$P"
check csv_200 [ "$code" = 200 ]
check csv_type [ "$(kop Content-Type)" = "text/csv; charset=utf-8" ]
check csv_bijlage bash -c '[[ "$0" == attachment* ]]' "$(kop Content-Disposition)"
check csv_bom [ "$(head -c 3 "$T/b" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check csv_crlf [ "$(grep -c $'\r$' "$T/b")" = $((N + 1)) ]
check csv_kolommen python3 - "$T/b" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
sys.exit(0 if len({len(r) for r in rows}) == 1 and rows[0][0] == "traject" else 1)
PY
check csv_audit [ "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE actie = 'export' AND object LIKE 'wachtlijst: export csv%'")" = 1 ]
haal "$RJ" "/wachtlijst/export.xlsx?peildatum=$P"
check xlsx_200 [ "$code" = 200 ]
check xlsx_type [ "$(kop Content-Type)" = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ]
check xlsx_structuur python3 - "$T/b" "$N" <<'PY'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None                     # every CRC-32 right
need = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"}
assert need <= set(z.namelist())
for n in z.namelist():
    xml.dom.minidom.parseString(z.read(n))     # well-formed
sheet = xml.dom.minidom.parseString(z.read("xl/worksheets/sheet1.xml"))
rows = sheet.getElementsByTagName("row")
assert len(rows) == int(sys.argv[2]) + 1
assert [int(r.getAttribute("r")) for r in rows] == list(range(1, len(rows) + 1))
PY
check export_audit_twee [ "$(audit_n)" = $((voor + 2)) ]

# ---- one trajectory and the decisions on it -------------------------------------
haal "$GJ" "/api/v1/wachtlijst?peildatum=$P&zorgelijk=ja&per_pagina=1"
TID=$(json 'j["gegevens"][0]["traject_id"] if j["gegevens"] else ""')
if [ -z "$TID" ]; then
	haal "$GJ" "/api/v1/wachtlijst?peildatum=$P&per_pagina=1"
	TID=$(json 'j["gegevens"][0]["traject_id"]')
fi
JID=$(sql "$DB" "SELECT jeugdige_id FROM traject WHERE id = $TID")
ANDER=$(sql "$DB" "SELECT t.id $WACHTEND AND t.gemeente <> '$G' ORDER BY t.id LIMIT 1")
voor=$(audit_n)
haal "$GJ" "/wachtlijst/$TID"
check een_200 [ "$code" = 200 ]
check een_formulier heeft 'action="/wachtlijst/'"$TID"'/zorgelijk"'
check een_audit [ "$(audit_n)" = $((voor + 1)) ]
haal "$GJ" "/wachtlijst/$ANDER"
check een_buiten_scope_404 [ "$code" = 404 ]
haal "$AJ" "/wachtlijst/$TID"
if [ "$(sql "$DB" "SELECT agb FROM traject WHERE id = $TID")" = "$AGB" ]; then
	check een_aanbieder_geen_formulier bash -c '! grep -q "/zorgelijk\"" "$0"' "$T/b"
else
	check een_aanbieder_404 [ "$code" = 404 ]
fi

haal "$GJ" "/wachtlijst/$TID"
C=$(csrf_veld)
versie=$(sql "$DB" "SELECT waarde FROM meta WHERE sleutel = 'data.versie'")
haal "$GJ" --data-urlencode csrf="$C" --data-urlencode besluit=bevestigen \
	--data-urlencode "reden=Thuiszitter, ouders bellen dagelijks" "/wachtlijst/$TID/zorgelijk"
check besluit_303 [ "$code" = 303 ]
check besluit_historie [ "$(sql "$DB" "SELECT count(*) FROM zorgelijk_besluit WHERE traject_id = $TID AND door = 'w_gemeente' AND rol = 'gemeente' AND bevestigd = 1")" = 1 ]
check besluit_audit [ "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE actie = 'wijzigen' AND object = 'wachtlijst: traject $TID zorgelijk bevestigd'")" = 1 ]
check besluit_versie [ "$(sql "$DB" "SELECT waarde FROM meta WHERE sleutel = 'data.versie'")" != "$versie" ]
haal "$GJ" "/api/v1/wachtlijst/$TID"
check besluit_zichtbaar [ "$(json 'j["gegevens"]["zorgelijk"] and j["gegevens"]["besluit"]["reden"].startswith("Thuiszitter")')" = True ]
haal "$GJ" --data-urlencode csrf="$C" --data-urlencode besluit=opheffen \
	--data-urlencode "reden=Overbrugging geregeld bij de huisarts" "/wachtlijst/$TID/zorgelijk"
haal "$GJ" "/api/v1/wachtlijst/$TID"
check opheffen [ "$(json 'not j["gegevens"]["zorgelijk"] and len(j["besluiten"]) >= 2')" = True ]
haal "$GJ" --data-urlencode csrf="$C" --data-urlencode besluit=bevestigen \
	--data-urlencode "reden=  " "/wachtlijst/$TID/zorgelijk"
check besluit_zonder_reden_400 [ "$code" = 400 ]
haal "$GJ" --data-urlencode csrf="$C" --data-urlencode besluit=misschien \
	--data-urlencode "reden=geen idee wat" "/wachtlijst/$TID/zorgelijk"
check besluit_fout_400 [ "$code" = 400 ]
haal "$GJ" --data-urlencode csrf="$C" --data-urlencode besluit=bevestigen \
	--data-urlencode "reden=buiten de scope" "/wachtlijst/$ANDER/zorgelijk"
check besluit_buiten_scope_404 [ "$code" = 404 ]
haal "$GJ" --data-urlencode besluit=bevestigen --data-urlencode "reden=zonder csrf" \
	"/wachtlijst/$TID/zorgelijk"
check besluit_zonder_csrf_403 [ "$code" = 403 ]
haal "$AJ" "/wachtlijst"
C=$(csrf_veld)
haal "$AJ" --data-urlencode csrf="$C" --data-urlencode besluit=bevestigen \
	--data-urlencode "reden=aanbieder mag niet" "/wachtlijst/$TID/zorgelijk"
check besluit_aanbieder_403 [ "$code" = 403 ]
check besluiten_aantal [ "$(sql "$DB" "SELECT count(*) FROM zorgelijk_besluit WHERE traject_id = $TID AND door = 'w_gemeente'")" = 2 ]

# ---- the Treeknorm ---------------------------------------------------------------
haal "$RJ" "/api/v1/wachtlijst?peildatum=$P&segment=4&norm=boven&per_pagina=1"
BOVEN4=$(json 'j["paginering"]["totaal"]')
haal "$RJ" "/wachtlijst/treeknorm"
C=$(csrf_veld)
haal "$RJ" --data-urlencode csrf="$C" --data-urlencode intake_4=7 "/wachtlijst/treeknorm"
check norm_regio_403 [ "$code" = 403 ]
haal "$BJ" "/wachtlijst/treeknorm"
C=$(csrf_veld)
check norm_formulier heeft 'name="intake_4"'
haal "$BJ" --data-urlencode csrf="$C" --data-urlencode intake_4=800 "/wachtlijst/treeknorm"
check norm_te_groot_400 [ "$code" = 400 ]
haal "$BJ" --data-urlencode csrf="$C" --data-urlencode intake_4=7 --data-urlencode start_4=14 \
	"/wachtlijst/treeknorm"
check norm_303 [ "$code" = 303 ]
haal "" /api/v1/treeknorm
check norm_publiek [ "$(json '[s for s in j["treeknorm"] if s["segment"] == 4][0]["tot_intake_dagen"]')" = 7 ]
check norm_audit [ "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE actie = 'beheer' AND object LIKE 'treeknorm: 4=7+14%'")" = 1 ]
haal "$RJ" "/api/v1/wachtlijst?peildatum=$P&segment=4&norm=boven&per_pagina=1"
check norm_werkt [ "$(json 'j["paginering"]["totaal"]')" -ge "$BOVEN4" ]
check norm_in_regel [ "$(json 'all(r["treeknorm"]["norm_intake_dagen"] == 7 for r in j["gegevens"])')" = True ]
# The indicators judge by the same norm: the report's Treeknorm and its
# count of youth waiting beyond it are the waiting list's.
haal "$RJ" "/api/v1/wachtlijst?peildatum=$P&norm=boven&per_pagina=1"
BOVEN=$(json 'j["paginering"]["totaal"]')
"$J" kpi --db "$DB" --peildatum "$P" --json >"$T/kpi.json"
check norm_indicatoren [ "$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print([s for s in j["treeknorm"] if s["segment"] == 4][0]["tot_intake_dagen"], j["regio"]["wachttijd"]["wachtend_boven_norm"])' "$T/kpi.json")" = "7 $BOVEN" ]

# ---- public waiting times ----------------------------------------------------------
haal "" /wachttijden
check wachttijden_200 [ "$code" = 200 ]
check wachttijden_tekst heeft 'Hoe lang is het wachten op jeugdhulp?'
haal "" /api/v1/wachttijden
check wachttijden_api [ "$code" = 200 ]
check wachttijden_datum [ "$(json 'j["peildatum"]')" = "$P" ]
check wachttijden_onderdrukt [ "$(json 'all((c["mediaan_dagen"] is None) == c["onderdrukt"] and (c["gestart"] is None or (c["gestart"] % 5 == 0 and c["gestart"] >= 10)) for s in j["segmenten"] for c in [s["totaal"]] + s["aanbieders"])')" = True ]
# With a published segment total, never exactly one hidden provider.
check wachttijden_aanvullend [ "$(json 'all(sum(1 for c in s["aanbieders"] if c["gestart"] is None) != 1 for s in j["segmenten"] if s["totaal"]["gestart"] is not None)')" = True ]

stop_server
