#!/usr/bin/env bash
# Referral and allocation on the municipality's own initiative
# (src/web/toewijzing_web.c, ijw_afhandel_eigen in src/ijw/afhandel.c):
# a local-team user registers a verwijzing and allocates to a provider
# with a contract for the product, through the real login flow; the
# verwijzing, toewijzing, waiting traject and JW301 in the outbox appear
# together; refusals per field change nothing; the gemeente changes the
# Einddatum (reden 04), withdraws (05) and deletes (13) under the same
# ToewijzingNummer, each with a new JW301 that `ijw validate` accepts; a
# provider sees its own toewijzingen only. Runs once per backend.
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
export JEUGDREGIE_PWHASH_SNEL=1

VANDAAG=2026-11-25
DB=$(nieuwe_db toewijzing)
expect demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until "$VANDAAG"

G=0546
TEAM=$(sql "$DB" "SELECT team_id FROM lokaal_team_gemeente WHERE gemeente = '$G' ORDER BY team_id LIMIT 1")
# A provider with a 2026 tariff for a product declared in hours, days or
# weeks (not in euro), and another product it has no contract for.
IFS='|' read -r AGB PROD CAT EENH < <(sql "$DB" "
	SELECT c.agb, t.productcode, p.categorie, p.eenheid FROM tarief t
	JOIN contract c ON c.id = t.contract_id JOIN product p ON p.code = t.productcode
	WHERE t.jaar = 2026 AND p.eenheid IN ('04', '14', '16')
	ORDER BY c.agb, t.productcode LIMIT 1")
GEEN=$(sql "$DB" "SELECT code FROM product p WHERE NOT EXISTS (SELECT 1 FROM tarief t
	JOIN contract c ON c.id = t.contract_id WHERE c.agb = '$AGB' AND t.productcode = p.code)
	ORDER BY code LIMIT 1")
AGB2=$(sql "$DB" "SELECT agb FROM aanbieder WHERE agb <> '$AGB' ORDER BY agb LIMIT 1")
# Youth living in G now, without care at AGB; one living elsewhere only.
JID=$(sql "$DB" "SELECT j.id FROM jeugdige j JOIN woonplaats w ON w.jeugdige_id = j.id
	WHERE w.gemeente = '$G' AND w.tot IS NULL AND NOT EXISTS (SELECT 1 FROM toewijzing z
	WHERE z.jeugdige_id = j.id AND z.agb = '$AGB') ORDER BY j.id LIMIT 2" | paste -sd' ')
read -r JID JID2 <<<"$JID"
TEAM_GEM=$(sql "$DB" "SELECT '''' || gemeente || '''' FROM lokaal_team_gemeente WHERE team_id = $TEAM" | paste -sd, -)
JUIT=$(sql "$DB" "SELECT id FROM jeugdige j WHERE NOT EXISTS (SELECT 1 FROM woonplaats w
	WHERE w.jeugdige_id = j.id AND w.gemeente IN ($TEAM_GEM)) AND NOT EXISTS (SELECT 1
	FROM traject t WHERE t.jeugdige_id = j.id AND t.gemeente IN ($TEAM_GEM)) AND NOT EXISTS
	(SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = j.id AND z.gemeente IN ($TEAM_GEM))
	ORDER BY id LIMIT 1")
for v in TEAM AGB PROD CAT EENH GEEN AGB2 JID JID2 JUIT; do
	if [ -z "${!v}" ]; then not_ok "keuze_$v" "geen waarde uit de demo"; exit 1; fi
done
ok keuzes

PW='toewijzing wachtwoord een'
gebruiker user_team tineke lokaal_team --team "$TEAM"
gebruiker user_gemeente gerda gemeente --gemeente "$G"
gebruiker user_aanbieder piet aanbieder --aanbieder "$AGB"
gebruiker user_aanbieder2 paul aanbieder --aanbieder "$AGB2"

start_server serve_start "$DB" 2
L="$T/l.jar"
G_JAR="$T/g.jar"
P="$T/p.jar"
P2="$T/p2.jar"
login "$L" tineke "$PW" login_team
login "$G_JAR" gerda "$PW" login_gemeente
login "$P" piet "$PW" login_aanbieder
login "$P2" paul "$PW" login_aanbieder2

telling() {
	sql "$DB" "SELECT (SELECT count(*) FROM verwijzing) || '|' || (SELECT count(*) FROM toewijzing)
		|| '|' || (SELECT count(*) FROM traject) || '|' || (SELECT count(*) FROM ijw_bericht)"
}

# ---- the form ----------------------------------------------------------------
haal "$L" "/toewijzen?jeugdige=$JID"
check form_200 [ "$code" = 200 ]
check form_team heeft "<option value=\"$TEAM\">"
check form_gemeente heeft "value=\"$G\""
check form_geen_inline_style bash -c '! grep -q "style=" "$1"' _ "$T/b"
CSRF=$(csrf_veld)
check form_csrf grep -qE '^[0-9a-f]{64}$' <<<"$CSRF"
haal "$L" "/toewijzen?jeugdige=$JUIT"
check form_buiten_scope_404 [ "$code" = 404 ]
haal "$P" "/toewijzen?jeugdige=$JID"
check form_aanbieder_403 [ "$code" = 403 ]

REDEN='Angstklachten, thuiszitter sinds september – school en ouders vragen hulp'
velden=(--data-urlencode "jeugdige=$JID" --data-urlencode "datum=2026-11-20"
	--data-urlencode "reden=$REDEN"
	--data-urlencode "team=$TEAM" --data-urlencode "gemeente=$G"
	--data-urlencode "ingangsdatum=2026-12-01" --data-urlencode "einddatum=2027-05-31"
	--data-urlencode "volume=10" --data-urlencode "eenheid=$EENH" --data-urlencode "frequentie=4"
	--data-urlencode "postcode=2312AV" --data-urlencode "huisnummer=12"
	--data-urlencode "straatnaam=Stationsweg" --data-urlencode "plaatsnaam=Leiden")

# ---- refusals, each naming its field; nothing changes ---------------------------
voor=$(telling)
haal "$L" "${velden[@]}" --data-urlencode "aanbieder=$AGB" --data-urlencode "productcode=$PROD" /toewijzen
check zonder_csrf_403 [ "$code" = 403 ]
weiger() { # weiger TEST STATUS VELD CURL-ARGS...
	local naam=$1 status=$2 veld=$3
	shift 3
	haal "$L" -H "X-CSRF-Token: $CSRF" "$@" /api/v1/toewijzingen
	if [ "$code" = "$status" ] && heeft "\"veld\":\"$veld\""; then ok "$naam"
	else not_ok "$naam" "status $code, verwacht $status met veld $veld"; fi
}
weiger onbekende_aanbieder 422 aanbieder "${velden[@]}" --data-urlencode "aanbieder=12345678" \
	--data-urlencode "productcode=$PROD"
check onbekende_aanbieder_melding heeft 'geen aanbieder met AGB-code 12345678'
weiger geen_contract 422 productcode "${velden[@]}" --data-urlencode "aanbieder=$AGB" \
	--data-urlencode "productcode=$GEEN"
check geen_contract_melding heeft 'geen contract'
weiger onbekend_product 422 productcode "${velden[@]}" --data-urlencode "aanbieder=$AGB" \
	--data-urlencode "productcode=ZZZZZ"
weiger eind_voor_begin 422 einddatum --data-urlencode "jeugdige=$JID" \
	--data-urlencode "datum=2026-11-20" --data-urlencode "reden=$REDEN" \
	--data-urlencode "team=$TEAM" --data-urlencode "gemeente=$G" \
	--data-urlencode "aanbieder=$AGB" --data-urlencode "productcode=$PROD" \
	--data-urlencode "ingangsdatum=2026-12-01" --data-urlencode "einddatum=2026-11-30" \
	--data-urlencode "budget=100000" --data-urlencode "postcode=2312AV" \
	--data-urlencode "huisnummer=12" --data-urlencode "plaatsnaam=Leiden"
weiger omvang_en_budget 400 budget "${velden[@]}" --data-urlencode "aanbieder=$AGB" \
	--data-urlencode "productcode=$PROD" --data-urlencode "budget=5000"
# The reason of the referral: required, at most 200 characters (not bytes).
weiger reden_leeg 400 reden "${velden[@]/#reden=*/reden=   }" --data-urlencode "aanbieder=$AGB" \
	--data-urlencode "productcode=$PROD"
check reden_leeg_melding heeft 'Vul de reden van de verwijzing in'
LANG_200=$(printf 'é%.0s' $(seq 200))
weiger reden_te_lang 400 reden "${velden[@]/#reden=*/reden=${LANG_200}x}" \
	--data-urlencode "aanbieder=$AGB" --data-urlencode "productcode=$PROD"
check reden_te_lang_melding heeft 'hoogstens 200 tekens'
weiger reden_veel_te_lang 400 reden "${velden[@]/#reden=*/reden=$LANG_200$LANG_200$LANG_200}" \
	--data-urlencode "aanbieder=$AGB" --data-urlencode "productcode=$PROD"
ANDER=$(sql "$DB" "SELECT code FROM gemeente WHERE code NOT IN ($TEAM_GEM) ORDER BY code LIMIT 1")
weiger andere_gemeente 422 gemeente "${velden[@]/#gemeente=$G/gemeente=$ANDER}" \
	--data-urlencode "aanbieder=$AGB" --data-urlencode "productcode=$PROD"
haal "$L" -H "X-CSRF-Token: $CSRF" "${velden[@]/#jeugdige=$JID/jeugdige=$JUIT}" \
	--data-urlencode "aanbieder=$AGB" --data-urlencode "productcode=$PROD" /api/v1/toewijzingen
check buiten_scope_404 [ "$code" = 404 ]
check buiten_scope_niet_gevonden heeft '"code":"niet_gevonden"'
# On the page a refusal shows the form again, with what was typed and the
# message next to the field (not a bare error page).
haal "$L" "${velden[@]/#reden=*/reden=}" --data-urlencode "aanbieder=$AGB" \
	--data-urlencode "productcode=$PROD" --data-urlencode "csrf=$CSRF" /toewijzen
check pagina_weigering_400 [ "$code" = 400 ]
check pagina_weigering_formulier heeft 'action="/toewijzen"'
check pagina_weigering_bij_veld heeft '<strong class="melding" id="fout-reden">Vul de reden'
check pagina_weigering_aria heeft 'aria-invalid="true" aria-describedby="fout-reden"'
check pagina_weigering_invoer_bewaard heeft "value=\"$AGB\""
check pagina_weigering_adres_bewaard heeft 'value="Stationsweg"'
check pagina_weigering_team_gekozen heeft "<option value=\"$TEAM\" selected>"
haal "$L" "${velden[@]}" --data-urlencode "aanbieder=$AGB" --data-urlencode "productcode=$GEEN" \
	--data-urlencode "csrf=$CSRF" /toewijzen
check pagina_geen_contract_422 [ "$code" = 422 ]
check pagina_geen_contract_bij_veld heeft 'id="fout-productcode"'
check pagina_geen_contract_reden_bewaard heeft "value=\"$REDEN\""
check weigeringen_veranderen_niets [ "$(telling)" = "$voor" ]

# ---- the referral and allocation, by the local team --------------------------------
haal "$L" "${velden[@]}" --data-urlencode "aanbieder=$AGB" --data-urlencode "productcode=$PROD" \
	--data-urlencode "csrf=$CSRF" /toewijzen
check toewijzen_200 [ "$code" = 200 ]
check toewijzen_melding heeft 'Klaar voor verzending'
NR=$(sql "$DB" "SELECT max(nummer) FROM toewijzing WHERE jeugdige_id = $JID AND agb = '$AGB'")
rij=$(sql "$DB" "SELECT z.gemeente || '|' || z.categorie || '|' || z.productcode || '|' || z.ingangsdatum
	|| '|' || z.einddatum || '|' || z.volume || '|' || z.eenheid || '|' || z.frequentie || '|'
	|| z.toewijzingsdatum || '|' || COALESCE(z.reden_wijziging, '-') || '|' || v.datum || '|' || v.type
	FROM toewijzing z JOIN verwijzing v ON v.id = z.verwijzing_id WHERE z.nummer = ${NR:-0}")
want="$G|$CAT|$PROD|2026-12-01|2027-05-31|10|$EENH|4|$VANDAAG|-|2026-11-20|01"
# The toewijzingsdatum is the server's today, not the demo's: compare the rest.
if [ "$(cut -d'|' -f1-8,10- <<<"$rij")" = "$(cut -d'|' -f1-8,10- <<<"$want")" ]; then
	ok toewijzing_en_verwijzing
else not_ok toewijzing_en_verwijzing "'$rij' verwacht '$want'"; fi
tr=$(sql "$DB" "SELECT status || '|' || team_id || '|' || agb || '|' || gemeente || '|' || aanmelddatum
	|| '|' || COALESCE(begindatum, '-') FROM traject WHERE toewijzing_nummer = ${NR:-0}")
check traject_wachtend [ "$tr" = "0|$TEAM|$AGB|$G|2026-11-20|-" ]
n=$(sql "$DB" "SELECT count(*) FROM ijw_bericht WHERE richting = 'uit' AND soort = 'JW301'
	AND agb = '$AGB' AND jeugdige_id = $JID")
check jw301_in_outbox [ "$n" = 1 ]
n=$(sql "$DB" "SELECT count(*) FROM audit_log WHERE actie = 'toevoegen'
	AND object LIKE 'toewijzing/$NR: %' AND jeugdige_pseudoniem IS NOT NULL")
check toewijzen_audit [ "$n" = 1 ]
# The referral keeps its reason and team (migration 8); the file shows
# them and links to the toewijzing and, for the local team, to /toewijzen.
rv=$(sql "$DB" "SELECT v.reden || '|' || v.team_id FROM toewijzing z JOIN verwijzing v
	ON v.id = z.verwijzing_id WHERE z.nummer = ${NR:-0}")
check verwijzing_reden_team [ "$rv" = "$REDEN|$TEAM" ]
TEAMNAAM=$(sql "$DB" "SELECT naam FROM lokaal_team WHERE id = $TEAM")
haal "$L" "/jeugdigen/$JID"
check dossier_reden heeft "$REDEN"
check dossier_team heeft "<td>$TEAMNAAM</td>"
check dossier_link_toewijzing heeft "<a href=\"/toewijzingen/$NR\">$NR</a>"
check dossier_link_toewijzen heeft "<a href=\"/toewijzen?jeugdige=$JID\">"
haal "$L" "/api/v1/jeugdigen/$JID"
check dossier_json_reden heeft "\"reden\":\"$REDEN\",\"team_id\":$TEAM,"

# The same product again overlaps (TR302): refused with the rule's finding.
voor=$(telling)
haal "$L" -H "X-CSRF-Token: $CSRF" "${velden[@]}" --data-urlencode "aanbieder=$AGB" \
	--data-urlencode "productcode=$PROD" /api/v1/toewijzingen
check stapeling_422 [ "$code" = 422 ]
check stapeling_tr302 heeft '"code":"TR302"'
check stapeling_niets [ "$(telling)" = "$voor" ]

# ---- the JSON API, by the gemeente -----------------------------------------------
haal "$G_JAR" /toewijzingen
GC=$(csrf_veld)
haal "$G_JAR" -H "X-CSRF-Token: $GC" "${velden[@]/#jeugdige=$JID/jeugdige=$JID2}" \
	--data-urlencode "aanbieder=$AGB" --data-urlencode "productcode=$PROD" /api/v1/toewijzingen
check api_toewijzen_200 [ "$code" = 200 ]
NR2=$(sed -n 's/.*"toewijzing_nummer":\([0-9]*\).*/\1/p' <<<"$body")
check api_toewijzen_nummer [ -n "$NR2" ]
check api_toewijzen_jw301 heeft '"soort":"JW301"'

# ---- changes on the gemeente's initiative -----------------------------------------
adres=(--data-urlencode "postcode=2312AV" --data-urlencode "huisnummer=12"
	--data-urlencode "plaatsnaam=Leiden")
haal "$G_JAR" "/toewijzingen/$NR"
check toewijzing_pagina_200 [ "$code" = 200 ]
check toewijzing_pagina_formulier heeft 'value="intrekken"'
haal "$G_JAR" -H "X-CSRF-Token: $GC" --data-urlencode "actie=wijzigen" \
	--data-urlencode "einddatum=2027-08-31" --data-urlencode "reden=12" "${adres[@]}" \
	"/api/v1/toewijzingen/$NR"
check reden_12_400 [ "$code" = 400 ]
haal "$G_JAR" --data-urlencode "csrf=$GC" --data-urlencode "actie=intrekken" \
	--data-urlencode "einddatum=2026-11-30" --data-urlencode "reden=12" "${adres[@]}" \
	"/toewijzingen/$NR"
check pagina_wijzig_weigering_400 [ "$code" = 400 ]
check pagina_wijzig_weigering_bij_veld heeft '<strong class="melding" id="fout-reden-1">Kies een reden'
check pagina_wijzig_weigering_bewaard heeft 'value="2026-11-30"'
check pagina_wijzig_weigering_pagina heeft "<h1>Toewijzing $NR</h1>"
haal "$G_JAR" --data-urlencode "csrf=$GC" --data-urlencode "actie=intrekken" \
	--data-urlencode "einddatum=2026-11-30" --data-urlencode "reden=05" "${adres[@]}" \
	"/toewijzingen/$NR"
check pagina_intrekken_voor_ingang_422 [ "$code" = 422 ]
check pagina_intrekken_voor_ingang_bij_veld heeft 'id="fout-einddatum-1"'
haal "$G_JAR" -H "X-CSRF-Token: $GC" --data-urlencode "actie=wijzigen" \
	--data-urlencode "volume=20" --data-urlencode "reden=04" "${adres[@]}" "/api/v1/toewijzingen/$NR"
if [ "$code" = 422 ] && heeft '"veld":"volume"'; then ok volume_niet_bij_frequentie_4
else not_ok volume_niet_bij_frequentie_4 "status $code"; fi
haal "$G_JAR" -H "X-CSRF-Token: $GC" --data-urlencode "actie=intrekken" \
	--data-urlencode "einddatum=2026-11-30" --data-urlencode "reden=05" "${adres[@]}" \
	"/api/v1/toewijzingen/$NR"
if [ "$code" = 422 ] && heeft '"veld":"einddatum"'; then ok intrekken_voor_ingang_422
else not_ok intrekken_voor_ingang_422 "status $code"; fi
haal "$G_JAR" -H "X-CSRF-Token: $GC" --data-urlencode "actie=wijzigen" \
	--data-urlencode "einddatum=2027-08-31" --data-urlencode "reden=04" "${adres[@]}" \
	"/api/v1/toewijzingen/$NR"
check wijzigen_200 [ "$code" = 200 ]
check wijzigen_record [ "$(sql "$DB" "SELECT einddatum || '|' || reden_wijziging FROM toewijzing WHERE nummer = $NR")" = "2027-08-31|04" ]
haal "$G_JAR" -H "X-CSRF-Token: $GC" --data-urlencode "actie=intrekken" \
	--data-urlencode "einddatum=2027-02-28" --data-urlencode "reden=05" "${adres[@]}" \
	"/toewijzingen/$NR"
check intrekken_200 [ "$code" = 200 ]
check intrekken_record [ "$(sql "$DB" "SELECT einddatum || '|' || reden_wijziging FROM toewijzing WHERE nummer = $NR")" = "2027-02-28|05" ]
haal "$G_JAR" -H "X-CSRF-Token: $GC" --data-urlencode "actie=verwijderen" "${adres[@]}" \
	"/api/v1/toewijzingen/$NR2"
check verwijderen_200 [ "$code" = 200 ]
check verwijderen_record [ "$(sql "$DB" "SELECT einddatum || '|' || reden_wijziging FROM toewijzing WHERE nummer = $NR2")" = "2026-12-01|13" ]
check verwijderen_traject_vervallen [ "$(sql "$DB" "SELECT status FROM traject WHERE toewijzing_nummer = $NR2")" = 5 ]
haal "$G_JAR" -H "X-CSRF-Token: $GC" --data-urlencode "actie=verwijderen" "${adres[@]}" \
	"/api/v1/toewijzingen/$NR2"
check verwijderen_opnieuw_409 [ "$code" = 409 ]
n=$(sql "$DB" "SELECT count(*) FROM audit_log WHERE actie = 'wijzigen' AND object LIKE 'toewijzing/%'")
check wijzigen_audit [ "$n" = 3 ]

# ---- the provider's view ------------------------------------------------------------
haal "$P" /api/v1/toewijzingen
check aanbieder_lijst_200 [ "$code" = 200 ]
check aanbieder_ziet_eigen heeft "\"nummer\":$NR,"
check aanbieder_alleen_eigen bash -c '! grep -qE "\"agb\":\"[0-9]{8}\"" <<<"$(grep -oE "\"aanbieder\":\{\"agb\":\"[0-9]{8}\"" <<<"$1" | grep -v "$2")"' _ "$body" "$AGB"
haal "$P" /toewijzingen
check aanbieder_pagina_titel heeft 'Mijn toewijzingen'
haal "$P" "/api/v1/toewijzingen/$NR"
check aanbieder_een_200 [ "$code" = 200 ]
check aanbieder_een_traject heeft '"status":"aangemeld"'
check aanbieder_een_regels heeft '"regels":[]'
haal "$P2" "/api/v1/toewijzingen/$NR"
check ander_aanbieder_404 [ "$code" = 404 ]
haal "$P2" -H "X-CSRF-Token: x" --data-urlencode "actie=verwijderen" "/api/v1/toewijzingen/$NR"
check aanbieder_wijzigen_403 [ "$code" = 403 ]
# A toewijzing with declared lines shows every line's retourcode.
DNR=$(sql "$DB" "SELECT p.toewijzing_nummer FROM prestatie p JOIN toewijzing z
	ON z.nummer = p.toewijzing_nummer WHERE z.agb = '$AGB' ORDER BY p.id LIMIT 1")
RC=$(sql "$DB" "SELECT retourcode FROM prestatie WHERE toewijzing_nummer = ${DNR:-0} ORDER BY periode_begin, id LIMIT 1")
haal "$P" "/toewijzingen/$DNR"
check aanbieder_regels_retourcode heeft "($RC"
# The register's page of an aanbieder links to its toewijzingen and
# payments for whoever may open them: not another provider, not the public.
haal "$G_JAR" "/aanbieders/$AGB"
check aanbieder_links_gemeente heeft "<a href=\"/toewijzingen?aanbieder=$AGB\">"
check aanbieder_links_betalingen heeft "<a href=\"/betalingen?aanbieder=$AGB\">"
haal "$P" "/aanbieders/$AGB"
check aanbieder_links_eigen heeft "<a href=\"/toewijzingen?aanbieder=$AGB\">"
haal "$P2" "/aanbieders/$AGB"
check aanbieder_links_ander_niet bash -c '! grep -qF "/toewijzingen?aanbieder=" "$1"' _ "$T/b"
haal "$T/publiek.jar" "/aanbieders/$AGB"
check aanbieder_links_publiek_niet bash -c '[ "$2" = 200 ] && ! grep -qF "/betalingen?aanbieder=" "$1"' _ "$T/b" "$code"
haal "$G_JAR" "/toewijzingen?aanbieder=$AGB"
check aanbieder_link_toewijzingen_200 heeft "/toewijzingen/$NR\""
stop_server

# ---- the JW301s leave and validate ----------------------------------------------------
mkdir -p "$T/uit"
expect export 0 "5 berichten geëxporteerd" -- "$J" ijw export --db "$DB" --naar "$T/uit" --aanbieder "$AGB"
alle_geldig=1
for f in "$T"/uit/*.xml; do
	run "$J" ijw validate "$f"
	[ "$rc" -eq 0 ] || alle_geldig=0
done
check jw301_validate [ "$alle_geldig" = 1 ]
laatst=$(grep -l "<ToewijzingNummer>$NR</ToewijzingNummer>" "$T"/uit/*.xml | sort -V | tail -n 1)
check jw301_intrekking_reden grep -q "<RedenWijziging>05</RedenWijziging>" "$laatst"
check jw301_intrekking_einddatum grep -q "<Einddatum>2027-02-28</Einddatum>" "$laatst"
verw=$(grep -l "<RedenWijziging>13</RedenWijziging>" "$T"/uit/*.xml | head -n 1)
check jw301_verwijdering [ -n "$verw" ]
check jw301_verwijdering_nummer grep -q "<ToewijzingNummer>$NR2</ToewijzingNummer>" "${verw:-/dev/null}"
