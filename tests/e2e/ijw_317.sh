#!/usr/bin/env bash
# The cross-message rules on a JW317 verzoek om wijziging (ijw/verwerk.c)
# and honouring one (ijw/afhandel.c). A client of a small demo region with
# one actual toewijzing (T1, with ProductCode) gets a second one (T2, a
# budget toewijzing with a category only). Each broken verzoek breaks
# exactly one rule and gets exactly that code at its element, with the
# rule's retourcode in the JW318, and stores no request; the valid verzoek
# is stored, honoured by the gemeente (one JW301: T1 changed under the
# same ToewijzingNummer with RedenWijziging 12, T2 unchanged, a new
# toewijzing for the NieuwProduct), and a second one is rejected (JW319).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
export JEUGDREGIE_PWHASH_SNEL=1

VANDAAG=2026-11-25
DAG=2026-11-24
XSD="$REPO/data/ijw/3.2"
DB=$(nieuwe_db ijw317)
expect demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until "$VANDAAG"

IFS='|' read -r NR JID AGB GEM BSN CAT CODE ING VOL EENH < <(sql "$DB" "
	SELECT t.nummer, t.jeugdige_id, t.agb, t.gemeente, j.bsn, t.categorie, t.productcode,
	       t.ingangsdatum, t.volume, t.eenheid
	FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id
	WHERE t.productcode IS NOT NULL AND t.frequentie = '4' AND t.volume > 0
	  AND t.ingangsdatum <= '2026-06-01'
	  AND (t.einddatum IS NULL OR t.einddatum >= '2027-01-31')
	  AND (SELECT count(*) FROM toewijzing u WHERE u.jeugdige_id = t.jeugdige_id
	       AND u.agb = t.agb AND (u.einddatum IS NULL OR u.einddatum >= '$DAG')) = 1
	  AND (SELECT count(*) FROM jeugdige k WHERE k.bsn = j.bsn) = 1
	ORDER BY t.nummer LIMIT 1")
CAT2=$(sql "$DB" "SELECT min(categorie) FROM toewijzing WHERE categorie <> '${CAT:-}'")
if [ -z "${NR:-}" ] || [ -z "$CAT2" ]; then
	not_ok kies_client "geen passende toewijzing in de demo"
	exit 0
fi
ok kies_client
NR2=$(sql "$DB" "SELECT max(nummer) + 1 FROM toewijzing")
sql "$DB" "INSERT INTO toewijzing (nummer, jeugdige_id, agb, gemeente, categorie, productcode,
	toewijzingsdatum, ingangsdatum, einddatum, volume, eenheid, frequentie, budget,
	reden_wijziging, verwijzing_id)
	VALUES ($NR2, $JID, '$AGB', '$GEM', '$CAT2', NULL, '2026-01-05', '2026-01-05',
	 '2027-06-30', 0, NULL, NULL, 500000, NULL, NULL)"

# Classes of the Verzoek.
ongewijzigd() { echo "<OngewijzigdProduct><ToewijzingNummer>$1</ToewijzingNummer></OngewijzigdProduct>"; }
omvang() { echo "<Omvang><ijw:Volume>$1</ijw:Volume><ijw:Eenheid>$EENH</ijw:Eenheid><ijw:Frequentie>$2</ijw:Frequentie></Omvang>"; }
# te_wijzigen NUMMER INGANG EIND [OMVANG-XML] [BUDGET]
te_wijzigen() {
	echo "<TeWijzigenProduct><ToewijzingNummer>$1</ToewijzingNummer>"
	echo "<GewensteIngangsdatum>$2</GewensteIngangsdatum><Einddatum>$3</Einddatum>${4:-}"
	[ -n "${5:-}" ] && echo "<Budget>$5</Budget>"
	echo "</TeWijzigenProduct>"
}
# nieuw CAT CODE INGANG EIND
nieuw() {
	echo "<NieuwProduct><Product><ijw:Categorie>$1</ijw:Categorie><ijw:Code>$2</ijw:Code></Product>"
	echo "<GewensteIngangsdatum>$3</GewensteIngangsdatum><Einddatum>$4</Einddatum>$(omvang 2 4)</NieuwProduct>"
}
# jw317 FILE IDENT REFERENTIE ONGEWIJZIGD TEWIJZIGEN NIEUW (each "" = absent)
jw317() {
	{
		cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw317/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
<Header><BerichtCode>486</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>
<Afzender>$AGB</Afzender><Ontvanger>$GEM</Ontvanger>
<BerichtIdentificatie><ijw:Identificatie>$2</ijw:Identificatie><ijw:Dagtekening>$DAG</ijw:Dagtekening></BerichtIdentificatie>
<XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></XsdVersie></Header>
<Client><Bsn>$BSN</Bsn><Verzoek><ReferentieAanbieder>$3</ReferentieAanbieder><RedenVerzoek>1</RedenVerzoek>
EOF
		[ -n "$4" ] && echo "<OngewijzigdeProducten>$4</OngewijzigdeProducten>"
		[ -n "$5" ] && echo "<TeWijzigenProducten>$5</TeWijzigenProducten>"
		[ -n "$6" ] && echo "<NieuweProducten>$6</NieuweProducten>"
		echo "</Verzoek></Client></Bericht>"
	} >"$1"
}
mkdir -p "$T/retour"
importeer() { "$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$1"; }

# afgekeurd NAAM REGEL RETOURCODE PAD ONGEWIJZIGD TEWIJZIGEN NIEUW: exactly
# that rule at PAD, its retourcode in the JW318, no request stored.
n=0
afgekeurd() {
	local uit codes f
	n=$((n + 1))
	f="$T/$1.xml"
	jw317 "$f" "X$n" "RX$n" "$5" "$6" "$7"
	uit=$(importeer "$f" 2>&1)
	codes=$(printf '%s\n' "$uit" | grep -o '^  [A-Z][A-Z0-9]* ' | tr -d ' ' | sort -u | tr '\n' ' ')
	if [ "$codes" = "$2 " ] && printf '%s\n' "$uit" | grep -qF "  $2 $4:" &&
		grep -q "<RetourCode>$3</RetourCode>" "$T/retour/$1.xml.retour.xml"; then
		ok "$1"
	else not_ok "$1" "bevindingen '$codes', verwacht '$2 ' op $4 met $3: $uit"; fi
	if [ "$(sql "$DB" "SELECT count(*) FROM ijw_verzoek WHERE referentie_aanbieder = 'RX$n'")" = 0 ]
	then ok "${1}_geen_verzoek"
	else not_ok "${1}_geen_verzoek" "het verzoek is opgeslagen"; fi
}

V=/Bericht/Client/Verzoek
TW="$V/TeWijzigenProducten/TeWijzigenProduct[1]"
OM=$(omvang "$VOL" 4)
T1_LANGER=$(te_wijzigen "$NR" "$ING" 2027-12-31 "$OM")
GEEN=$((NR2 + 1000))

afgekeurd tr349 TR349 9349 "$V" "" "$T1_LANGER" ""
afgekeurd tr350 TR350 9350 "$V/OngewijzigdeProducten/OngewijzigdProduct[2]" \
	"$(ongewijzigd "$NR2")$(ongewijzigd "$GEEN")" "$T1_LANGER" ""
afgekeurd tr351 TR351 9351 "$TW" "$(ongewijzigd "$NR") $(ongewijzigd "$NR2")" \
	"$(te_wijzigen "$GEEN" 2027-01-01 2027-12-31 "$OM")" ""
afgekeurd tr357 TR357 9357 "$TW/GewensteIngangsdatum" "$(ongewijzigd "$NR2")" \
	"$(te_wijzigen "$NR" 2026-11-01 2027-12-31 "$OM")" ""
afgekeurd tr373 TR373 9373 "$TW/GewensteIngangsdatum" "$(ongewijzigd "$NR")" \
	"$(te_wijzigen "$NR2" 2027-01-01 2027-06-30 "" 600000)" ""
afgekeurd tr411 TR411 9411 "$TW/Omvang" "$(ongewijzigd "$NR2")" \
	"$(te_wijzigen "$NR" "$ING" 2027-12-31)" ""
afgekeurd tr412 TR412 9412 "$TW/Omvang" "$(ongewijzigd "$NR")" \
	"$(te_wijzigen "$NR2" 2026-01-05 2027-12-31 "$(omvang 3 4)")" ""
afgekeurd tr361 TR361 9361 "$V" "$(ongewijzigd "$NR") $(ongewijzigd "$NR2")" "" \
	"$(nieuw "$CAT" "$CODE" 2027-01-01 2027-03-31)"
afgekeurd tr381 TR381 S329 "$V/NieuweProducten/NieuwProduct[1]" \
	"$(ongewijzigd "$NR") $(ongewijzigd "$NR2")" "" "$(nieuw "$CAT" "${CAT}Z99" 2027-01-01 2027-03-31)"

# ---- the valid verzoek: T1 longer, T2 unchanged, a new product after T1 ------
NIEUW_CODE=$(sql "$DB" "SELECT min(productcode) FROM toewijzing WHERE categorie = '$CAT'
	AND productcode <> '$CODE'")
jw317 "$T/geldig.xml" G1 REF-W1 "$(ongewijzigd "$NR2")" "$T1_LANGER" \
	"$(nieuw "$CAT" "$NIEUW_CODE" 2028-01-01 2028-06-30)"
expect geldig 0 "JW317 verwerkt" -- "$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/geldig.xml"
VID=$(sql "$DB" "SELECT bericht_id FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-W1'")
check geldig_open [ "$(sql "$DB" "SELECT status FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-W1'")" = open ]
# A second verzoek while this one is open: TR374.
afgekeurd tr374 TR374 9374 /Bericht/Client "$(ongewijzigd "$NR2")" "$T1_LANGER" ""

# ---- honouring through the queue: one JW301 -----------------------------------
PW='verzoek wachtwoord een'
gebruiker user_gemeente gerda gemeente --gemeente "$GEM"
start_server serve_start "$DB" 2
G="$T/g.jar"
login "$G" gerda "$PW" login_gemeente
haal "$G" "/verzoeken/$VID"
check html_317_200 [ "$code" = 200 ]
check html_317_wijziging heeft "toewijzing $NR: wijzigen"
check html_317_honoreren heeft 'value="honoreren"'
CSRF=$(csrf_veld)
haal "$G" "/api/v1/verzoeken/$VID"
check api_317_wijziging heeft "\"ongewijzigd\":[$NR2]"
voor=$(sql "$DB" "SELECT max(nummer) FROM toewijzing")
haal "$G" --data-urlencode "actie=honoreren" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "postcode=2312AV" --data-urlencode "huisnummer=12" \
	--data-urlencode "straatnaam=Stationsweg" --data-urlencode "plaatsnaam=Leiden" \
	"/api/v1/verzoeken/$VID"
check honoreren_200 [ "$code" = 200 ]
check honoreren_gewijzigd heeft "\"gewijzigd\":[$NR]"
rij=$(sql "$DB" "SELECT ingangsdatum || '|' || einddatum || '|' || reden_wijziging || '|' || toewijzingsdatum FROM toewijzing WHERE nummer = $NR")
check t1_gewijzigd [ "$rij" = "$ING|2027-12-31|12|$VANDAAG" ]
rij=$(sql "$DB" "SELECT einddatum || '|' || COALESCE(reden_wijziging, '') || '|' || toewijzingsdatum FROM toewijzing WHERE nummer = $NR2")
check t2_ongewijzigd [ "$rij" = "2027-06-30||2026-01-05" ]
rij=$(sql "$DB" "SELECT count(*) || '|' || min(productcode) || '|' || min(ingangsdatum) || '|' || min(einddatum) FROM toewijzing WHERE nummer > $voor")
check nieuw_product [ "$rij" = "1|$NIEUW_CODE|2028-01-01|2028-06-30" ]
check verzoek_toegewezen [ "$(sql "$DB" "SELECT status FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-W1'")" = toegewezen ]
mkdir -p "$T/uit"
expect export 0 "geëxporteerd" -- "$J" ijw export --db "$DB" --naar "$T/uit"
F301=$(grep -l 'jw301/schema' "$T"/uit/*.xml | head -n 1)
if [ -n "$F301" ] && xmllint --noout --schema "$XSD/JW301.xsd" "$F301" >/dev/null 2>&1; then ok jw301_xsd
else not_ok jw301_xsd; fi
expect jw301_validate 0 "geldig (JW301)" -- "$J" ijw validate "$F301"
check jw301_drie_producten [ "$(grep -o '<ToegewezenProduct>' "$F301" | wc -l)" = 3 ]
check jw301_referentie [ "$(grep -o '<ReferentieAanbieder>REF-W1</ReferentieAanbieder>' "$F301" | wc -l)" = 3 ]
check jw301_reden_12 [ "$(grep -o '<RedenWijziging>12</RedenWijziging>' "$F301" | wc -l)" = 1 ]

# ---- rejecting the next verzoek: a JW319 -------------------------------------
NIEUW_NR=$(sql "$DB" "SELECT max(nummer) FROM toewijzing")
jw317 "$T/tweede.xml" G2 REF-W2 "$(ongewijzigd "$NR2") $(ongewijzigd "$NIEUW_NR")" \
	"$(te_wijzigen "$NR" "$ING" 2028-03-31 "$OM")" ""
expect tweede 0 "JW317 verwerkt" -- "$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/tweede.xml"
V2=$(sql "$DB" "SELECT bericht_id FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-W2'")
haal "$G" "/verzoeken/$V2"
CSRF=$(csrf_veld)
haal "$G" --data-urlencode "actie=afwijzen" --data-urlencode "reden=2" \
	--data-urlencode "csrf=$CSRF" "/api/v1/verzoeken/$V2"
check afwijzen_200 [ "$code" = 200 ]
check afwijzen_jw319 heeft '"soort":"JW319"'
check tweede_afgewezen [ "$(sql "$DB" "SELECT status FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-W2'")" = afgewezen ]
check t1_niet_verlengd [ "$(sql "$DB" "SELECT einddatum FROM toewijzing WHERE nummer = $NR")" = 2027-12-31 ]

# ---- another Omvang (Frequentie 4): T1 ends, a new toewijzing follows --------
jw317 "$T/derde.xml" G3 REF-W3 "$(ongewijzigd "$NR2") $(ongewijzigd "$NIEUW_NR")" \
	"$(te_wijzigen "$NR" 2027-01-01 2027-12-31 "$(omvang $((VOL + 1)) 4)")" ""
expect derde 0 "JW317 verwerkt" -- "$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/derde.xml"
V3=$(sql "$DB" "SELECT bericht_id FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-W3'")
voor=$(sql "$DB" "SELECT max(nummer) FROM toewijzing")
haal "$G" "/verzoeken/$V3"
CSRF=$(csrf_veld)
haal "$G" --data-urlencode "actie=honoreren" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "postcode=2312AV" --data-urlencode "huisnummer=12" \
	--data-urlencode "straatnaam=Stationsweg" --data-urlencode "plaatsnaam=Leiden" \
	"/verzoeken/$V3"
check omvang_honoreren_200 [ "$code" = 200 ]
check omvang_html_gewijzigd heeft "Gewijzigde toewijzing(en): $NR"
stop_server
rij=$(sql "$DB" "SELECT einddatum || '|' || reden_wijziging FROM toewijzing WHERE nummer = $NR")
check t1_beeindigd [ "$rij" = "2026-12-31|12" ]
rij=$(sql "$DB" "SELECT productcode || '|' || ingangsdatum || '|' || einddatum || '|' || volume || '|' || COALESCE(reden_wijziging, '') FROM toewijzing WHERE nummer > $voor")
check opvolger [ "$rij" = "$CODE|2027-01-01|2027-12-31|$((VOL + 1))|" ]
