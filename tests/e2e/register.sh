#!/usr/bin/env bash
# End-to-end tests of the registry (src/web/register_web.c,
# src/store/register.c): the JSON API (gemeente detail, lokale teams,
# aanbieders, contracten, producten) and the pages (/aanbieders,
# /aanbieders/AGB, /register, /register/lokale-teams, /register/producten,
# /register/contracten) on a small demo region. Totals and orders are
# checked against SQL of our own; bad parameters are 400 with the right
# veld, unknown records 404; contracts need a login and an aanbieder sees
# only its own; search text is escaped on the page. Runs once per backend
# (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db register)
expect register_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
PW='register wachtwoord voor de test'
# The provider with the most contracts, and another one with contracts.
AGB=$(sql "$DB" "SELECT agb FROM contract GROUP BY agb ORDER BY count(*) DESC, agb LIMIT 1")
AGB2=$(sql "$DB" "SELECT agb FROM contract WHERE agb <> '$AGB' ORDER BY agb LIMIT 1")
for u in r_regio:regio r_beleid:beleid; do
	gebruiker "user_${u%%:*}" "${u%%:*}" "${u#*:}"
done
gebruiker user_r_aanbieder r_aanbieder aanbieder --aanbieder "$AGB"

start_server register_serve "$DB" 2

# pj EXPR: a Python expression over d (the JSON body), printed.
pj() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$T/b" 2>&1; }
# is NAME EXPR WANT: the Python expression equals WANT.
is() {
	local got
	got=$(pj "$2")
	if [ "$got" = "$3" ]; then ok "$1"; else not_ok "$1" "$2 = '$got', verwacht '$3'"; fi
}
# fout NAME STATUS VELD: the last answer is a JSON error with that status
# and veld ('None' for null).
fout() {
	if [ "$code" = "$2" ] && [ "$(pj 'd["fout"]["veld"]')" = "$3" ] &&
		[ -n "$(pj 'd["fout"]["melding"]')" ]; then
		ok "$1"
	else
		not_ok "$1" "HTTP $code, verwacht $2 met veld $3"
	fi
}
P="$T/publiek.jar"
R="$T/regio.jar"
A="$T/aanbieder.jar"
L="$T/beleid.jar"
login "$R" r_regio "$PW" login_r_regio
login "$A" r_aanbieder "$PW" login_r_aanbieder
login "$L" r_beleid "$PW" login_r_beleid

# ---- gemeente detail ----------------------------------------------------------
haal "$P" /api/v1/gemeenten/0546
check gemeente_200 [ "$code" = 200 ]
is gemeente_naam 'd["naam"], d["code"]' "Leiden 0546"
is gemeente_inwoners 'd["inwoners"]' "$(sql "$DB" "SELECT inwoners FROM gemeente WHERE code = '0546'")"
is gemeente_jeugdigen 'd["jeugdigen_0_17"]' "$(sql "$DB" "SELECT jeugdigen_0_17 FROM gemeente WHERE code = '0546'")"
is gemeente_subregio 'd["subregio"]' "$(sql "$DB" "SELECT subregio FROM gemeente WHERE code = '0546'")"
is gemeente_teams '",".join(str(t["id"]) for t in d["lokale_teams"])' \
	"$(sql "$DB" "SELECT team_id FROM lokaal_team_gemeente WHERE gemeente = '0546' ORDER BY team_id" | paste -sd, -)"
is gemeente_deelname '",".join("%d:%s" % (x["segment"], x["vanaf"]) for x in d["deelname"])' \
	"$(sql "$DB" "SELECT segment || ':' || vanaf FROM deelname WHERE gemeente = '0546' ORDER BY segment" | paste -sd, -)"
is gemeente_segment_naam 'all(x["segment_naam"] for x in d["deelname"])' True
haal "$P" /api/v1/gemeenten/9999
fout gemeente_onbekend_404 404 None
is gemeente_onbekend_code 'd["fout"]["code"]' niet_gevonden
haal "$P" '/api/v1/gemeenten/0546?x=1'
fout gemeente_parameter_400 400 x

# ---- lokale teams ---------------------------------------------------------------
haal "$P" /api/v1/lokale-teams
check teams_200 [ "$code" = 200 ]
is teams_aantal 'len(d["gegevens"])' "$(sql "$DB" "SELECT count(*) FROM lokaal_team")"
is teams_koppelingen 'sum(len(t["gemeenten"]) for t in d["gegevens"])' \
	"$(sql "$DB" "SELECT count(*) FROM lokaal_team_gemeente")"
is teams_velden 'sorted(d["gegevens"][0].keys())' "['gemeenten', 'id', 'naam']"
haal "$P" '/api/v1/lokale-teams?gemeente=0546'
is teams_filter '",".join(str(t["id"]) for t in d["gegevens"])' \
	"$(sql "$DB" "SELECT team_id FROM lokaal_team_gemeente WHERE gemeente = '0546' ORDER BY team_id" | paste -sd, -)"
haal "$P" '/api/v1/lokale-teams?gemeente=9999'
is teams_filter_leeg 'd["gegevens"]' "[]"
haal "$P" '/api/v1/lokale-teams?gemeente=abc'
fout teams_gemeente_400 400 gemeente
haal "$P" '/api/v1/lokale-teams?pagina=1'
fout teams_geen_paginering_400 400 pagina

# ---- aanbieders -----------------------------------------------------------------
N_AANB=$(sql "$DB" "SELECT count(*) FROM aanbieder")
haal "$P" /api/v1/aanbieders
check aanbieders_200 [ "$code" = 200 ]
is aanbieders_totaal 'd["paginering"]["totaal"]' "$N_AANB"
is aanbieders_velden 'sorted(d["gegevens"][0].keys())' "['agb', 'naam', 'netwerk', 'segmenten']"
is aanbieders_standaard_pagina 'd["paginering"]["pagina"], d["paginering"]["per_pagina"]' "1 50"
is aanbieders_naam_volgorde '",".join(a["agb"] for a in d["gegevens"])' \
	"$(sql "$DB" "SELECT agb FROM aanbieder ORDER BY lower(naam), agb" | paste -sd, -)"
haal "$P" '/api/v1/aanbieders?sorteer=-agb'
is aanbieders_agb_aflopend '",".join(a["agb"] for a in d["gegevens"])' \
	"$(sql "$DB" "SELECT agb FROM aanbieder ORDER BY agb DESC" | paste -sd, -)"
haal "$P" '/api/v1/aanbieders?sorteer=-naam'
is aanbieders_naam_aflopend '",".join(a["agb"] for a in d["gegevens"])' \
	"$(sql "$DB" "SELECT agb FROM aanbieder ORDER BY lower(naam) DESC, agb DESC" | paste -sd, -)"
# Every page of 4, together: each provider exactly once.
alle=""
paginas=$(( (N_AANB + 3) / 4 ))
for p in $(seq 1 "$paginas"); do
	haal "$P" "/api/v1/aanbieders?per_pagina=4&pagina=$p&sorteer=agb"
	alle="$alle$(pj '",".join(a["agb"] for a in d["gegevens"])'),"
done
is aanbieders_paginas 'd["paginering"]["paginas"]' "$paginas"
check aanbieders_alle_paginas [ "${alle%,}" = "$(sql "$DB" "SELECT agb FROM aanbieder ORDER BY agb" | paste -sd, -)" ]
haal "$P" "/api/v1/aanbieders?per_pagina=4&pagina=$((paginas + 1))"
is aanbieders_na_laatste 'len(d["gegevens"]), d["paginering"]["totaal"]' "0 $N_AANB"
haal "$P" '/api/v1/aanbieders?zoek=PRAKTIJK'
is aanbieders_zoek_naam 'd["paginering"]["totaal"]' \
	"$(sql "$DB" "SELECT count(*) FROM aanbieder WHERE lower(naam) LIKE '%praktijk%'")"
check aanbieders_zoek_iets [ "$(pj 'd["paginering"]["totaal"]')" -gt 0 ]
haal "$P" "/api/v1/aanbieders?zoek=${AGB:0:4}"
is aanbieders_zoek_agb 'd["paginering"]["totaal"]' \
	"$(sql "$DB" "SELECT count(*) FROM aanbieder WHERE agb LIKE '${AGB:0:4}%' OR naam LIKE '%${AGB:0:4}%'")"
haal "$P" "/api/v1/aanbieders?zoek=$AGB"
is aanbieders_zoek_agb_heel '[a["agb"] for a in d["gegevens"]]' "['$AGB']"
for z in '%25' '_' '!' "'"; do
	haal "$P" "/api/v1/aanbieders?zoek=$z"
	is "aanbieders_zoek_letterlijk_$z" 'd["paginering"]["totaal"]' 0
done
haal "$P" '/api/v1/aanbieders?netwerk=1'
is aanbieders_netwerk 'd["paginering"]["totaal"]' "$(sql "$DB" "SELECT count(*) FROM aanbieder WHERE netwerk_id = 1")"
is aanbieders_netwerk_id 'set(a["netwerk"]["id"] for a in d["gegevens"])' "{1}"
haal "$P" '/api/v1/aanbieders?segment=4'
is aanbieders_segment 'd["paginering"]["totaal"]' "$(sql "$DB" "SELECT count(DISTINCT agb) FROM contract WHERE segment = 4")"
is aanbieders_segment_in_lijst 'all(any(s["segment"] == 4 for s in a["segmenten"]) for a in d["gegevens"])' True
haal "$P" '/api/v1/aanbieders?segment=4&zoek=praktijk&per_pagina=2'
is aanbieders_gecombineerd 'd["paginering"]["totaal"]' \
	"$(sql "$DB" "SELECT count(*) FROM aanbieder a WHERE lower(a.naam) LIKE '%praktijk%' AND EXISTS (SELECT 1 FROM contract c WHERE c.agb = a.agb AND c.segment = 4)")"
is aanbieders_per_pagina 'len(d["gegevens"]) <= 2' True
for c in 'per_pagina=501:per_pagina' 'per_pagina=0:per_pagina' 'pagina=0:pagina' 'pagina=x:pagina' \
	'sorteer=bsn:sorteer' 'sorteer=-:sorteer' 'segment=8:segment' 'segment=-1:segment' \
	'netwerk=x:netwerk' 'onbekend=1:onbekend' 'zoek=a&zoek=b:zoek' \
	"zoek=$(printf 'x%.0s' $(seq 1 65)):zoek"; do
	haal "$P" "/api/v1/aanbieders?${c%:*}"
	fout "aanbieders_400_${c#*:}_$(printf '%s' "${c%:*}" | tr -c 'a-z0-9' _ | cut -c1-20)" 400 "${c#*:}"
done

haal "$P" "/api/v1/aanbieders/$AGB"
check aanbieder_200 [ "$code" = 200 ]
is aanbieder_agb 'd["agb"]' "$AGB"
is aanbieder_naam 'd["naam"]' "$(sql "$DB" "SELECT naam FROM aanbieder WHERE agb = '$AGB'")"
is aanbieder_segmenten '",".join(str(s["segment"]) for s in d["segmenten"])' \
	"$(sql "$DB" "SELECT DISTINCT segment FROM contract WHERE agb = '$AGB' ORDER BY segment" | paste -sd, -)"
check aanbieder_geen_tarieven bash -c '! grep -q tarie "$1"' _ "$T/b"
haal "$P" /api/v1/aanbieders/12345678
fout aanbieder_404 404 None
is aanbieder_404_code 'd["fout"]["code"]' niet_gevonden
haal "$P" "/api/v1/aanbieders/$AGB?x=1"
fout aanbieder_parameter_400 400 x

# ---- producten --------------------------------------------------------------------
haal "$P" /api/v1/producten
check producten_200 [ "$code" = 200 ]
is producten_totaal 'd["paginering"]["totaal"]' "$(sql "$DB" "SELECT count(*) FROM product")"
is producten_velden 'sorted(d["gegevens"][0].keys())' \
	"['categorie', 'code', 'eenheid', 'groep', 'omschrijving', 'segment', 'segment_naam', 'uitvoeringsvariant']"
is producten_volgorde '",".join(p["code"] for p in d["gegevens"])' \
	"$(sql "$DB" "SELECT code FROM product ORDER BY code LIMIT 50" | paste -sd, -)"
haal "$P" '/api/v1/producten?categorie=41&segment=3'
is producten_filter 'd["paginering"]["totaal"]' "$(sql "$DB" "SELECT count(*) FROM product WHERE categorie = '41' AND segment = 3")"
is producten_filter_inhoud 'set((p["categorie"], p["segment"]) for p in d["gegevens"])' "{('41', 3)}"
haal "$P" '/api/v1/producten?zoek=41a0'
is producten_zoek_code 'd["paginering"]["totaal"]' \
	"$(sql "$DB" "SELECT count(*) FROM product WHERE lower(code) LIKE '41a0%' OR lower(omschrijving) LIKE '%41a0%'")"
haal "$P" '/api/v1/producten?zoek=Dagbehandeling&sorteer=-omschrijving&per_pagina=3'
is producten_zoek_oms 'd["paginering"]["totaal"]' \
	"$(sql "$DB" "SELECT count(*) FROM product WHERE lower(omschrijving) LIKE '%dagbehandeling%' OR lower(code) LIKE 'dagbehandeling%'")"
is producten_sorteer_oms '",".join(p["code"] for p in d["gegevens"])' \
	"$(sql "$DB" "SELECT code FROM product WHERE lower(omschrijving) LIKE '%dagbehandeling%' ORDER BY lower(omschrijving) DESC, code DESC LIMIT 3" | paste -sd, -)"
haal "$P" '/api/v1/producten?segment=0&per_pagina=500'
is producten_segment_0 'd["paginering"]["totaal"]' "$(sql "$DB" "SELECT count(*) FROM product WHERE segment = 0")"
for c in 'categorie=4:categorie' 'categorie=abc:categorie' 'segment=x:segment' 'sorteer=naam:sorteer' \
	'per_pagina=1000:per_pagina' 'agb=1:agb'; do
	haal "$P" "/api/v1/producten?${c%:*}"
	fout "producten_400_$(printf '%s' "${c%:*}" | tr -c 'a-z0-9' _)" 400 "${c#*:}"
done

# ---- contracten -------------------------------------------------------------------
haal "$P" /api/v1/contracten
check contracten_publiek_401 [ "$code" = 401 ]
N_CON=$(sql "$DB" "SELECT count(*) FROM contract")
haal "$R" '/api/v1/contracten?per_pagina=500'
check contracten_regio_200 [ "$code" = 200 ]
is contracten_totaal 'd["paginering"]["totaal"]' "$N_CON"
is contracten_alle_tarieven 'sum(len(c["tarieven"]) for c in d["gegevens"])' "$(sql "$DB" "SELECT count(*) FROM tarief")"
is contracten_velden 'sorted(d["gegevens"][0].keys())' \
	"['aanbieder_naam', 'agb', 'begindatum', 'einddatum', 'id', 'segment', 'segment_naam', 'stilzwijgend_verlengd', 'tarieven']"
is contracten_tariefvelden 'sorted(d["gegevens"][0]["tarieven"][0].keys())' \
	"['bedrag', 'eenheid', 'jaar', 'omschrijving', 'productcode']"
is contracten_volgorde '",".join(str(c["id"]) for c in d["gegevens"])' \
	"$(sql "$DB" "SELECT id FROM contract ORDER BY agb, segment, begindatum, id" | paste -sd, -)"
C1=$(pj 'd["gegevens"][0]["id"]')
is contracten_tarieven_per_contract 'len(d["gegevens"][0]["tarieven"])' \
	"$(sql "$DB" "SELECT count(*) FROM tarief WHERE contract_id = $C1")"
is contracten_bedrag_centen 'd["gegevens"][0]["tarieven"][0]["bedrag"]' \
	"$(sql "$DB" "SELECT bedrag FROM tarief WHERE contract_id = $C1 ORDER BY productcode, jaar LIMIT 1")"
haal "$R" '/api/v1/contracten'
is contracten_standaard_pagina 'd["paginering"]["per_pagina"], len(d["gegevens"]) <= 20' "20 True"
haal "$R" '/api/v1/contracten?jaar=2024&segment=4&per_pagina=500'
is contracten_jaar 'd["paginering"]["totaal"]' \
	"$(sql "$DB" "SELECT count(*) FROM contract c WHERE c.segment = 4 AND EXISTS (SELECT 1 FROM tarief t WHERE t.contract_id = c.id AND t.jaar = 2024)")"
is contracten_jaar_tarieven 'set(t["jaar"] for c in d["gegevens"] for t in c["tarieven"])' "{2024}"
haal "$R" "/api/v1/contracten?agb=$AGB2"
is contracten_agb 'd["paginering"]["totaal"]' "$(sql "$DB" "SELECT count(*) FROM contract WHERE agb = '$AGB2'")"
haal "$R" '/api/v1/contracten?agb=12345678'
fout contracten_agb_onbekend_404 404 agb
is contracten_agb_onbekend_code 'd["fout"]["code"]' niet_gevonden
for c in 'agb=123:agb' 'jaar=1800:jaar' 'jaar=abc:jaar' 'segment=9:segment' 'pagina=-1:pagina' \
	'per_pagina=501:per_pagina' 'zoek=x:zoek'; do
	haal "$R" "/api/v1/contracten?${c%:*}"
	fout "contracten_400_$(printf '%s' "${c%:*}" | tr -c 'a-z0-9' _)" 400 "${c#*:}"
done
haal "$L" /api/v1/contracten
is contracten_beleid 'd["paginering"]["totaal"]' "$N_CON"
# An aanbieder: its own contracts only; another AGB as if it did not exist.
haal "$A" '/api/v1/contracten?per_pagina=500'
check contracten_aanbieder_200 [ "$code" = 200 ]
is contracten_aanbieder_totaal 'd["paginering"]["totaal"]' "$(sql "$DB" "SELECT count(*) FROM contract WHERE agb = '$AGB'")"
is contracten_aanbieder_eigen 'set(c["agb"] for c in d["gegevens"])' "{'$AGB'}"
haal "$A" "/api/v1/contracten?agb=$AGB"
is contracten_aanbieder_eigen_agb 'd["paginering"]["totaal"]' "$(sql "$DB" "SELECT count(*) FROM contract WHERE agb = '$AGB'")"
haal "$A" "/api/v1/contracten?agb=$AGB2"
fout contracten_aanbieder_ander_404 404 agb
B_ANDER=$body
haal "$A" "/api/v1/contracten?agb=12345678"
check contracten_aanbieder_ander_als_onbekend [ "$body" = "$B_ANDER" ]

# ---- pages ------------------------------------------------------------------------
haal "$P" /aanbieders
check p_aanbieders_200 [ "$code" = 200 ]
check p_aanbieders_caption heeft "<caption>$N_AANB aanbieders gevonden</caption>"
check p_aanbieders_rijen [ "$(grep -c '<a href="/aanbieders/[0-9]\{8\}">' "$T/b")" = "$N_AANB" ]
check p_aanbieders_label heeft '<label for="zoek">'
check p_aanbieders_menu heeft 'aria-current'
haal "$P" '/aanbieders?zoek=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22'
check p_aanbieders_xss_200 [ "$code" = 200 ]
check p_aanbieders_xss_escaped heeft 'value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;"'
check p_aanbieders_xss_geen_tag bash -c '! grep -q "<script>alert" "$1"' _ "$T/b"
check p_aanbieders_leeg heeft 'Geen aanbieders gevonden'
haal "$P" '/aanbieders?per_pagina=5&sorteer=agb&zoek=a'
check p_aanbieders_volgende heeft 'href="/aanbieders?zoek=a&amp;sorteer=agb&amp;per_pagina=5&amp;pagina=2">Volgende</a>'
check p_aanbieders_rijen_5 [ "$(grep -c '<a href="/aanbieders/[0-9]\{8\}">' "$T/b")" = 5 ]
haal "$P" '/aanbieders?segment=x'
check p_aanbieders_400 [ "$code" = 400 ]
check p_aanbieders_400_html heeft '<!DOCTYPE html>'

haal "$P" "/aanbieders/$AGB"
check p_aanbieder_200 [ "$code" = 200 ]
check p_aanbieder_naam heeft "$(sql "$DB" "SELECT naam FROM aanbieder WHERE agb = '$AGB'")"
check p_aanbieder_cijfers heeft "<a href=\"/aanbieders/$AGB/cijfers\">Cijfers van deze aanbieder</a>"
check p_aanbieder_publiek_geen_tarieven bash -c '! grep -q "class=\"tarieven\"" "$1"' _ "$T/b"
check p_aanbieder_publiek_inloggen heeft 'zichtbaar na <a href="/inloggen">inloggen</a>'
haal "$R" "/aanbieders/$AGB"
check p_aanbieder_regio_contracten [ "$(grep -c 'class="contract"' "$T/b")" = "$(sql "$DB" "SELECT count(*) FROM contract WHERE agb = '$AGB'")" ]
check p_aanbieder_regio_tarieven heeft 'class="tarieven"'
BEDRAG=$(sql "$DB" "SELECT bedrag FROM tarief t JOIN contract c ON c.id = t.contract_id WHERE c.agb = '$AGB' ORDER BY t.bedrag DESC LIMIT 1")
EURO=$(python3 -c "import sys; b=int(sys.argv[1]); print('€ ' + format(b // 100, ',').replace(',', '.') + ',%02d' % (b % 100))" "$BEDRAG")
check p_aanbieder_bedrag heeft "<td>$EURO</td>"
haal "$A" "/aanbieders/$AGB"
check p_aanbieder_eigen_tarieven heeft 'class="tarieven"'
haal "$A" "/aanbieders/$AGB2"
check p_aanbieder_ander_200 [ "$code" = 200 ]
check p_aanbieder_ander_geen_tarieven bash -c '! grep -q "class=\"tarieven\"" "$1"' _ "$T/b"
haal "$P" /aanbieders/12345678
check p_aanbieder_404 [ "$code" = 404 ]
check p_aanbieder_404_html heeft '<!DOCTYPE html>'

haal "$P" /register
check p_register_200 [ "$code" = 200 ]
check p_register_links heeft 'href="/register/lokale-teams"'
check p_register_publiek_geen_contractlink bash -c '! grep -q "href=\"/register/contracten\"" "$1"' _ "$T/b"
haal "$R" /register
check p_register_regio_contractlink heeft 'href="/register/contracten"'

haal "$P" /register/lokale-teams
check p_teams_200 [ "$code" = 200 ]
check p_teams_rijen [ "$(grep -c '<tr data-team=' "$T/b")" = "$(sql "$DB" "SELECT count(*) FROM lokaal_team")" ]
check p_teams_caption heeft '<caption>'
haal "$P" '/register/lokale-teams?gemeente=0546'
check p_teams_filter [ "$(grep -c '<tr data-team=' "$T/b")" = "$(sql "$DB" "SELECT count(*) FROM lokaal_team_gemeente WHERE gemeente = '0546'")" ]
check p_teams_gekozen heeft '<option value="0546" selected>'

haal "$P" '/register/producten?categorie=41'
check p_producten_200 [ "$code" = 200 ]
N41=$(sql "$DB" "SELECT count(*) FROM product WHERE categorie = '41'")
check p_producten_caption heeft "<caption>$N41 producten gevonden</caption>"
haal "$P" '/register/producten?segment=3&per_pagina=5'
check p_producten_volgende heeft 'href="/register/producten?segment=3&amp;per_pagina=5&amp;pagina=2">Volgende</a>'
haal "$P" '/register/producten?zoek=bestaat-zeker-niet'
check p_producten_leeg heeft 'Geen producten gevonden'

haal "$P" /register/contracten
check p_contracten_publiek_303 [ "$code" = 303 ]
haal "$R" /register/contracten
check p_contracten_regio_200 [ "$code" = 200 ]
check p_contracten_caption heeft "<caption>$N_CON contracten gevonden</caption>"
haal "$A" '/register/contracten?per_pagina=500'
check p_contracten_aanbieder [ "$(grep -c '<tr data-contract=' "$T/b")" = "$(sql "$DB" "SELECT count(*) FROM contract WHERE agb = '$AGB'")" ]
check p_contracten_aanbieder_eigen bash -c '! grep "<tr data-contract=" "$1" | grep -qv "/aanbieders/$2\""' _ "$T/b" "$AGB"
haal "$A" "/register/contracten?agb=$AGB2"
check p_contracten_aanbieder_ander_404 [ "$code" = 404 ]

# ---- the server is still healthy -----------------------------------------------------
haal "$P" /gezondheid
check gezondheid_200 [ "$code" = 200 ]
stop_server
