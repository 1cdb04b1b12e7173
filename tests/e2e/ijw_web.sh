#!/usr/bin/env bash
# End-to-end tests of the iJw traffic over HTTP (src/web/ijw_web.c,
# src/store/ijw_inbox.c): POST /api/v1/ijw with a provider's API token
# (retourbericht that validates, TR056 resend, XSD refusal with findings,
# refusal of other principals and of a foreign Afzender), the inbox per
# role (aanbieder, another aanbieder, regio), the audit record of a read,
# the downloads, and the work list with an open JW315 and its deadline.
# Messages are made from a small demo region, as in ijw_verwerk.sh.
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1
# als NAME CONDITION: ok when the shell condition (a string, may use && and !)
# holds.
als() {
	local _naam=$1
	shift
	if eval "$*"; then ok "$_naam"; else not_ok "$_naam" "voorwaarde faalt: $*"; fi
}

DB=$(nieuwe_db ijwweb)
expect ijwweb_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
PW='ijw wachtwoord voor de test'

# A waiting traject (aangemeld / intake) on a toewijzing that started.
IFS='|' read -r NR AGB GEM BSN GEB CAT CODE INGANG < <(sql "$DB" "
	SELECT t.nummer, t.agb, t.gemeente, j.bsn, j.geboortedatum, t.categorie,
	       COALESCE(t.productcode, ''), t.ingangsdatum
	FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id
	JOIN traject tr ON tr.toewijzing_nummer = t.nummer
	WHERE tr.status IN (0, 1) AND t.ingangsdatum <= '2026-11-15'
	  AND (t.reden_wijziging IS NULL OR t.reden_wijziging <> '13')
	  AND tr.id = (SELECT max(id) FROM traject x WHERE x.toewijzing_nummer = t.nummer)
	ORDER BY t.nummer LIMIT 1")
AGB2=$(sql "$DB" "SELECT agb FROM aanbieder WHERE agb <> '$AGB' ORDER BY agb LIMIT 1")
if [ -z "$NR" ] || [ -z "$AGB2" ]; then
	not_ok ijwweb_keuze "geen wachtend traject of tweede aanbieder in de demo"
	exit 1
fi
ok ijwweb_keuze

TOK_A=$("$J" token add --db "$DB" --naam zorg-a --aanbieder "$AGB" 2>/dev/null)
TOK_B=$("$J" token add --db "$DB" --naam zorg-b --aanbieder "$AGB2" 2>/dev/null)
TOK_G=$("$J" token add --db "$DB" --naam gem --gemeente "$GEM" 2>/dev/null)
als ijwweb_tokens '[ ${#TOK_A} = 64 ] && [ ${#TOK_B} = 64 ] && [ ${#TOK_G} = 64 ]'
gebruiker ijwweb_user_regio w_regio regio
gebruiker ijwweb_user_beleid w_beleid beleid

# bericht_kop SOORT CODE IDENT AFZENDER ONTVANGER
bericht_kop() {
	cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw$1/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
<Header><BerichtCode>$2</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>
<Afzender>$4</Afzender><Ontvanger>$5</Ontvanger>
<BerichtIdentificatie><ijw:Identificatie>$3</ijw:Identificatie><ijw:Dagtekening>2026-11-24</ijw:Dagtekening></BerichtIdentificatie>
<XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></XsdVersie></Header>
XML
}
client() {
	cat <<XML
<Client><Bsn>$BSN</Bsn><Geboortedatum><ijw:Datum>$GEB</ijw:Datum></Geboortedatum><Geslacht>1</Geslacht>
<Naam><ijw:Geslachtsnaam><ijw:Achternaam>Test</ijw:Achternaam></ijw:Geslachtsnaam></Naam>
XML
}
product() {
	printf '<Product><ijw:Categorie>%s</ijw:Categorie>%s</Product>' "$CAT" \
		"${CODE:+<ijw:Code>$CODE</ijw:Code>}"
}
# jw305 FILE IDENT AFZENDER
jw305() {
	{
		bericht_kop 305 438 "$2" "$3" "$GEM"
		client
		echo "<StartProducten><StartProduct><ToewijzingNummer>$NR</ToewijzingNummer>$(product)"
		echo "<ToewijzingIngangsdatum>$INGANG</ToewijzingIngangsdatum><Begindatum>2026-11-18</Begindatum>"
		echo "<StatusAanlevering>1</StatusAanlevering></StartProduct></StartProducten></Client></Bericht>"
	} >"$1"
}
# jw315 FILE IDENT REFERENTIE
jw315() {
	{
		bericht_kop 315 446 "$2" "$AGB" "$GEM"
		client
		echo "<GezagsdragerBekend>2</GezagsdragerBekend><AangevraagdeProducten><AangevraagdProduct>"
		echo "<ReferentieAanbieder>$3</ReferentieAanbieder>$(product)"
		echo "<ToewijzingIngangsdatum>2026-12-01</ToewijzingIngangsdatum>"
		echo "<Omvang><ijw:Volume>2</ijw:Volume><ijw:Eenheid>16</ijw:Eenheid><ijw:Frequentie>4</ijw:Frequentie></Omvang>"
		echo "<Verwijzer><ijw:Type>01</ijw:Type><ijw:Naam>huisarts</ijw:Naam></Verwijzer>"
		echo "</AangevraagdProduct></AangevraagdeProducten></Client></Bericht>"
	} >"$1"
}

start_server ijwweb_serve "$DB" 2
HAAL_MAX_TIME=30
py() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" <"$T/b" 2>/dev/null; }
# post TOKEN FILE: the message to /api/v1/ijw.
post() {
	haal "" -H "Authorization: Bearer $1" -H "Content-Type: application/xml" \
		--data-binary "@$2" /api/v1/ijw
}
traject_n() { sql "$DB" "SELECT count(*) || '|' || sum(status) || '|' || count(begindatum) FROM traject"; }

# 1. A JW305 of the provider's own toewijzing: 200, a JW306 with 0200.
jw305 "$T/start.xml" W1 "$AGB"
post "$TOK_A" "$T/start.xml"
cp "$T/b" "$T/retour1.xml"
ID=$(kop X-Ijw-Bericht)
if [ "$code" = 200 ] && grep -q '<RetourCode>0200</RetourCode>' "$T/retour1.xml" &&
	kop Content-Type | grep -q '^application/xml'; then ok post_305_200
else not_ok post_305_200; fi
if xmllint --noout --schema "$REPO/data/ijw/3.2/JW306.xsd" "$T/retour1.xml" 2>"$T/xl"; then
	ok post_306_xsd_geldig
else out=$(cat "$T/xl"); not_ok post_306_xsd_geldig; fi
als post_bericht_id '[ -n "$ID" ] && [ "$(sql "$DB" "SELECT soort || status || agb FROM ijw_bericht WHERE id = ${ID:-0}")" = "JW305verwerkt$AGB" ]'

# 2. The same message again: the identical stored retourbericht (TR056).
voor=$(sql "$DB" "SELECT count(*) FROM ijw_bericht")
post "$TOK_A" "$T/start.xml"
if [ "$code" = 200 ] && cmp -s "$T/b" "$T/retour1.xml" && [ "$(kop X-Ijw-Herhaald)" = ja ]; then
	ok post_herhaald_zelfde
else not_ok post_herhaald_zelfde; fi
check post_herhaald_geen_rij [ "$(sql "$DB" "SELECT count(*) FROM ijw_bericht")" = "$voor" ]

# 3. XSD-invalid: 422 with findings, no retourbericht, nothing applied.
sed -e 's#<Geslacht>1</Geslacht>#<Geslacht>7</Geslacht>#' -e 's#>W1<#>W2<#' "$T/start.xml" >"$T/fout.xml"
voor_t=$(traject_n)
post "$TOK_A" "$T/fout.xml"
if [ "$code" = 422 ] && [ "$(py "d['fout']['code']")" = xsd ] &&
	[ "$(py "len(d['bevindingen']) > 0 and d['bevindingen'][0]['code'] == 'XSD' and d['bevindingen'][0]['regel'] > 0 and '/Geslacht' in d['bevindingen'][0]['pad']")" = True ]; then
	ok post_xsd_422
else not_ok post_xsd_422; fi
check post_xsd_niets_toegepast [ "$(traject_n)" = "$voor_t" ]
check post_xsd_in_inbox [ "$(sql "$DB" "SELECT count(*) FROM ijw_bericht WHERE identificatie = 'W2' AND status = 'afgekeurd_xsd' AND retour_xml IS NULL")" = 1 ]

# 4. Other principals: a gemeente token, a session; a foreign Afzender.
post "$TOK_G" "$T/start.xml"
if [ "$code" = 403 ] && [ "$(py "d['fout']['code']")" = geen_aanbiedertoken ]; then
	ok post_gemeente_403
else not_ok post_gemeente_403; fi
R="$T/regio.jar"
login "$R" w_regio "$PW" ijwweb_login_regio
haal "$R" /berichten
c=$(csrf_veld)
haal "$R" -H "X-CSRF-Token: $c" -H "Content-Type: application/xml" --data-binary "@$T/start.xml" /api/v1/ijw
if [ "$code" = 403 ] && [ "$(py "d['fout']['code']")" = geen_aanbiedertoken ]; then
	ok post_sessie_403
else not_ok post_sessie_403; fi
jw305 "$T/vreemd.xml" W3 "$AGB2"
voor_t=$(traject_n)
post "$TOK_A" "$T/vreemd.xml"
if [ "$code" = 403 ] && [ "$(py "d['fout']['code'] + d['bevindingen'][0]['code']")" = toegangTOEGANG ]; then
	ok post_afzender_403
else not_ok post_afzender_403; fi
check post_afzender_niets_toegepast [ "$(traject_n)" = "$voor_t" ]
haal "" -H "Authorization: Bearer $TOK_A" -H "Content-Type: text/plain" --data-binary "@$T/start.xml" /api/v1/ijw
check post_geen_xml_415 [ "$code" = 415 ]

# 5. The inbox per role.
haal "" -H "Authorization: Bearer $TOK_A" "/api/v1/berichten?soort=JW305"
als inbox_aanbieder_ziet '[ "$code" = 200 ] && [ "$(py "any(r['\''id'\''] == $ID for r in d['\''gegevens'\''])")" = True ]'
check inbox_aanbieder_alleen_eigen [ "$(py "all(r['aanbieder'] and r['aanbieder']['agb'] == '$AGB' for r in d['gegevens'])")" = True ]
haal "" -H "Authorization: Bearer $TOK_B" /api/v1/berichten
als inbox_ander_ziet_niet '[ "$code" = 200 ] && [ "$(py "any(r['\''id'\''] == $ID for r in d['\''gegevens'\''])")" = False ]'
haal "" -H "Authorization: Bearer $TOK_B" "/api/v1/berichten/$ID"
check inbox_ander_404 [ "$code" = 404 ]
haal "" -H "Authorization: Bearer $TOK_B" "/api/v1/berichten/$ID/xml"
check inbox_ander_xml_404 [ "$code" = 404 ]
haal "$R" "/api/v1/berichten?per_pagina=500"
als inbox_regio_alles '[ "$code" = 200 ] && [ "$(py "d['\''paginering'\'']['\''totaal'\'']")" = "$(sql "$DB" "SELECT count(*) FROM ijw_bericht")" ]'
haal "" -H "Authorization: Bearer $TOK_G" "/api/v1/berichten/$ID"
als inbox_gemeente_ziet '[ "$code" = 200 ] && [ "$(py "d['\''bericht'\'']['\''gemeente'\'']['\''code'\'']")" = "$GEM" ]'
haal "$R" "/api/v1/berichten?status=onzin"
check inbox_status_400 [ "$code" = 400 ]
BL="$T/beleid.jar"
login "$BL" w_beleid "$PW" ijwweb_login_beleid
haal "$BL" /api/v1/berichten
check inbox_beleid_403 [ "$code" = 403 ]
haal "" /berichten
check inbox_publiek_geen_toegang [ "$code" = 303 ]

# 6. Reading one message writes one audit record with the youth's pseudonym.
a_voor=$(sql "$DB" "SELECT count(*) FROM audit_log WHERE object = 'ijw_bericht/$ID'")
haal "$R" "/berichten/$ID"
if [ "$code" = 200 ] && heeft "/api/v1/berichten/$ID/retour" && heeft "JW305"; then ok bericht_pagina
else not_ok bericht_pagina; fi
als bericht_geen_inline '! grep -qiE '\''<script>|style='\'' "$T/b"'
check bericht_audit [ "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE object = 'ijw_bericht/$ID'")" = $((a_voor + 1)) ]
check bericht_audit_pseudoniem [ "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE object = 'ijw_bericht/$ID' AND jeugdige_pseudoniem IS NOT NULL AND actie = 'lezen' AND gebruiker = 'w_regio'")" = 1 ]
haal "$R" "/api/v1/berichten/$ID/retour"
if [ "$code" = 200 ] && cmp -s "$T/b" "$T/retour1.xml" && kop Content-Disposition | grep -q '^attachment'; then
	ok bericht_download_retour
else not_ok bericht_download_retour; fi
haal "$R" "/api/v1/berichten/$ID/xml"
if [ "$code" = 200 ] && cmp -s "$T/b" "$T/start.xml"; then ok bericht_download_xml
else not_ok bericht_download_xml; fi
haal "$R" "/berichten?soort=JW305&status=verwerkt"
als berichten_pagina '[ "$code" = 200 ] && heeft "data-bericht=\"$ID\""'

# 7. The work list. Nothing waits for a retourbericht (verwerk answers at
# once). Then an open JW315 received on 2026-11-10 (a Tuesday): OP274 gives
# 5 werkdagen, so 2026-11-17, past by now; and OP090 (3 werkdagen) for the
# message itself, which has no retourbericht. The request and its message
# are written with SQL: an accepted JW315 cannot pass ijw_verwerk yet (it
# inserts the ijw_verzoek row before the ijw_bericht row it refers to).
haal "" -H "Authorization: Bearer $TOK_G" /api/v1/werkvoorraad
n=$(py "d['zonder_retour']['aantal']")
als werk_leeg '[ "$code" = 200 ] && [ "$n" = 0 ]'
BID=$(($(sql "$DB" "SELECT COALESCE(max(id), 0) FROM ijw_bericht") + 1))
VID=$(($(sql "$DB" "SELECT COALESCE(max(id), 0) FROM ijw_verzoek") + 1))
sql "$DB" "INSERT INTO ijw_bericht (id, richting, soort, afzender, ontvanger, identificatie, dagtekening, ontvangen_op, status, agb, gemeente) VALUES ($BID, 'in', 'JW315', '$AGB', '$GEM', 'V1', '2026-11-10', '2026-11-10T09:00:00Z', 'verwerkt', '$AGB', '$GEM')" >/dev/null
sql "$DB" "INSERT INTO ijw_verzoek (id, bericht_id, soort, agb, gemeente, bsn, referentie_aanbieder, dagtekening, status) VALUES ($VID, $BID, 'JW315', '$AGB', '$GEM', '$BSN', 'REF-W1', '2026-11-10', 'open')" >/dev/null
haal "" -H "Authorization: Bearer $TOK_G" /api/v1/werkvoorraad
T315=$(py "' '.join('%s|%s|%s|%s' % (v['termijn']['regel'], v['termijn']['uiterlijk'], v['termijn']['verlopen'], v['bericht_id']) for v in d['verzoeken']['gegevens'] if v['referentie_aanbieder'] == 'REF-W1')")
als werk_315_termijn '[ "$code" = 200 ] && [ "$T315" = "OP274|2026-11-17|True|$BID" ]'
W=$(py "'%s|%s' % (d['zonder_retour']['aantal'], d['zonder_retour']['verlopen'])")
als werk_zonder_retour '[ "$W" = "1|1" ]'
haal "" -H "Authorization: Bearer $TOK_A" /api/v1/werkvoorraad
W=$(py "[v['referentie_aanbieder'] for v in d['verzoeken']['gegevens']] == ['REF-W1'] and d['afgekeurd']['totaal'] >= 2 and 'zonder_retour' not in d")
als werk_aanbieder '[ "$code" = 200 ] && [ "$W" = True ]'
haal "" -H "Authorization: Bearer $TOK_B" /api/v1/werkvoorraad
n=$(py "len(d['verzoeken']['gegevens'])")
als werk_ander_aanbieder_leeg '[ "$code" = 200 ] && [ "$n" = 0 ]'
haal "$R" /werkvoorraad
als werk_pagina '[ "$code" = 200 ] && heeft "REF-W1" && heeft "OP274" && heeft "2026-11-17" && heeft "termijn verstreken" && heeft "data-zonder-retour=\"1\""'
A="$T/aanbieder.jar"
gebruiker ijwweb_user_aanbieder w_aanbieder aanbieder --aanbieder "$AGB"
login "$A" w_aanbieder "$PW" ijwweb_login_aanbieder
haal "$A" /werkvoorraad
als werk_pagina_aanbieder '[ "$code" = 200 ] && heeft "niet af te leiden" && heeft "Afgekeurde berichten"'
haal "$BL" /werkvoorraad
check werk_beleid_403 [ "$code" = 403 ]

stop_server
