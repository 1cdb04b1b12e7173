#!/usr/bin/env bash
# The municipality's queue of requests (src/web/verzoek_web.c) and acting
# on them (src/ijw/afhandel.c): a JW315 for a real client of a demo region
# is imported, a gemeente user sees it with its deadline, honours it (one
# toewijzing and one JW301 in one transaction), `ijw export` writes the
# JW301 that validates, a second answer is 409; a second 315 rejected on
# the woonplaatsbeginsel gives a JW319 naming the gemeente. Runs once per
# backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
export JEUGDREGIE_PWHASH_SNEL=1

VANDAAG=2026-11-25
XSD="$REPO/data/ijw/3.2"
DB=$(nieuwe_db verzoek)
expect demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until "$VANDAAG"

# A client with a toewijzing, its aanbieder and gemeente, and another
# gemeente of the region for the user who may not see it.
IFS='|' read -r JID AGB GEM BSN GEB CAT CODE < <(sql "$DB" "
	SELECT j.id, t.agb, t.gemeente, j.bsn, j.geboortedatum, t.categorie, COALESCE(t.productcode, '')
	FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id
	WHERE t.productcode IS NOT NULL
	ORDER BY t.nummer LIMIT 1")
ANDER=$(sql "$DB" "SELECT code FROM gemeente WHERE code <> '$GEM' ORDER BY code LIMIT 1")
if [ -z "$JID" ] || [ -z "$ANDER" ]; then
	not_ok kies_client "geen toewijzing in de demo"
	exit 0
fi
ok kies_client

# jw315 FILE IDENT REFERENTIE
jw315() {
	cat >"$1" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw315/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
<Header><BerichtCode>446</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>
<Afzender>$AGB</Afzender><Ontvanger>$GEM</Ontvanger>
<BerichtIdentificatie><ijw:Identificatie>$2</ijw:Identificatie><ijw:Dagtekening>2026-11-24</ijw:Dagtekening></BerichtIdentificatie>
<XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></XsdVersie></Header>
<Client><Bsn>$BSN</Bsn><Geboortedatum><ijw:Datum>$GEB</ijw:Datum></Geboortedatum><Geslacht>1</Geslacht>
<Naam><ijw:Geslachtsnaam><ijw:Achternaam>Test</ijw:Achternaam></ijw:Geslachtsnaam></Naam>
<AangevraagdeProducten><AangevraagdProduct><ReferentieAanbieder>$3</ReferentieAanbieder>
<Product><ijw:Categorie>$CAT</ijw:Categorie><ijw:Code>$CODE</ijw:Code></Product>
<ToewijzingIngangsdatum>2026-12-01</ToewijzingIngangsdatum><ToewijzingEinddatum>2027-05-31</ToewijzingEinddatum>
<Omvang><ijw:Volume>10</ijw:Volume><ijw:Eenheid>04</ijw:Eenheid><ijw:Frequentie>4</ijw:Frequentie></Omvang>
<Verwijzer><ijw:Type>02</ijw:Type><ijw:ZorgverlenerCode>01123456</ijw:ZorgverlenerCode></Verwijzer>
</AangevraagdProduct></AangevraagdeProducten></Client></Bericht>
EOF
}

jw315 "$T/vot1.xml" V1 REF-V1
expect vot_import 0 "JW315 verwerkt" -- "$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/vot1.xml"
VID=$(sql "$DB" "SELECT bericht_id FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-V1'")
check vot_open [ "$(sql "$DB" "SELECT status FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-V1'")" = open ]

PW='verzoek wachtwoord een'
gebruiker user_gemeente gerda gemeente --gemeente "$GEM"
gebruiker user_ander otto gemeente --gemeente "$ANDER"
gebruiker user_aanbieder piet aanbieder --aanbieder "$AGB"

start_server serve_start "$DB" 2
G="$T/g.jar"
O="$T/o.jar"
P="$T/p.jar"
login "$G" gerda "$PW" login_gemeente
login "$O" otto "$PW" login_ander
login "$P" piet "$PW" login_aanbieder

# ---- the queue ------------------------------------------------------------
haal "$G" /api/v1/verzoeken
check api_lijst_200 [ "$code" = 200 ]
check api_lijst_heeft_verzoek heeft "\"id\":$VID,"
check api_lijst_termijn heeft '"regel":"OP274"'
# 5 werkdagen after Tuesday 2026-11-24: Tuesday 2026-12-01.
check api_lijst_uiterlijk heeft '"uiterlijk":"2026-12-01"'
check api_lijst_bsn heeft "\"bsn\":\"$BSN\""
check api_lijst_product heeft '"referentie_aanbieder":"REF-V1"'
n=$(sql "$DB" "SELECT count(*) FROM audit_log WHERE object = 'verzoek/$VID: wachtrij'")
check api_lijst_audit [ "$n" -ge 1 ]
haal "$O" /api/v1/verzoeken
check ander_ziet_niets bash -c '! grep -qF "\"id\":$1," <<<"$2"' _ "$VID" "$body"
haal "$P" /api/v1/verzoeken
check aanbieder_403 [ "$code" = 403 ]
haal "$G" /verzoeken
check html_lijst_200 [ "$code" = 200 ]
check html_lijst_link heeft "href=\"/verzoeken/$VID\""
check html_geen_inline_style bash -c '! grep -q "style=" "$1"' _ "$T/b"
haal "$G" "/verzoeken/$VID"
check html_een_200 [ "$code" = 200 ]
check html_een_formulier heeft 'value="honoreren"'
CSRF=$(csrf_veld)
check html_een_csrf grep -qE '^[0-9a-f]{64}$' <<<"$CSRF"

# ---- honouring --------------------------------------------------------------
adres=(--data-urlencode "postcode=2312AV" --data-urlencode "huisnummer=12"
	--data-urlencode "straatnaam=Stationsweg" --data-urlencode "plaatsnaam=Leiden")
voor=$(sql "$DB" "SELECT count(*) FROM toewijzing")
haal "$G" --data-urlencode "actie=honoreren" "${adres[@]}" "/verzoeken/$VID"
check zonder_csrf_403 [ "$code" = 403 ]
haal "$O" "/api/v1/verzoeken/$VID"
check ander_get_404 [ "$code" = 404 ]
haal "$O" /verzoeken
oc=$(csrf_veld)
haal "$O" --data-urlencode "actie=honoreren" --data-urlencode "csrf=$oc" "${adres[@]}" \
	"/verzoeken/$VID"
check ander_post_404 [ "$code" = 404 ]
check niets_gebeurd [ "$(sql "$DB" "SELECT count(*) FROM toewijzing")" = "$voor" ]

haal "$G" --data-urlencode "actie=honoreren" --data-urlencode "csrf=$CSRF" "${adres[@]}" \
	"/api/v1/verzoeken/$VID"
check honoreren_200 [ "$code" = 200 ]
check honoreren_jw301 heeft '"soort":"JW301"'
NR=$(sed -n 's/.*"toewijzingen":\[\([0-9]*\).*/\1/p' <<<"$body")
rij=$(sql "$DB" "SELECT jeugdige_id || '|' || agb || '|' || gemeente || '|' || ingangsdatum || '|' || einddatum || '|' || volume || '|' || eenheid || '|' || frequentie || '|' || toewijzingsdatum FROM toewijzing WHERE nummer = ${NR:-0}")
if [ "$rij" = "$JID|$AGB|$GEM|2026-12-01|2027-05-31|10|04|4|$VANDAAG" ]; then ok toewijzing_opgeslagen
else not_ok toewijzing_opgeslagen "toewijzing ${NR:-?}: '$rij'"; fi
check verzoek_toegewezen [ "$(sql "$DB" "SELECT status FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-V1'")" = toegewezen ]
check uit_bericht [ "$(sql "$DB" "SELECT count(*) FROM ijw_bericht WHERE richting = 'uit' AND soort = 'JW301' AND agb = '$AGB'")" = 1 ]
n=$(sql "$DB" "SELECT count(*) FROM audit_log WHERE actie = 'toevoegen' AND object LIKE 'verzoek/$VID %' AND jeugdige_pseudoniem IS NOT NULL")
check honoreren_audit [ "$n" = 1 ]

# Again: 409, nothing changes.
voor=$(sql "$DB" "SELECT (SELECT count(*) FROM toewijzing) || '|' || (SELECT count(*) FROM ijw_bericht) || '|' || (SELECT waarde FROM meta WHERE sleutel = 'data.versie')")
haal "$G" --data-urlencode "actie=honoreren" --data-urlencode "csrf=$CSRF" "${adres[@]}" \
	"/api/v1/verzoeken/$VID"
check tweede_keer_409 [ "$code" = 409 ]
check tweede_keer_melding heeft '"code":"al_afgehandeld"'
na=$(sql "$DB" "SELECT (SELECT count(*) FROM toewijzing) || '|' || (SELECT count(*) FROM ijw_bericht) || '|' || (SELECT waarde FROM meta WHERE sleutel = 'data.versie')")
check tweede_keer_niets [ "$voor" = "$na" ]

# ---- a rejection on the woonplaatsbeginsel -------------------------------------
jw315 "$T/vot2.xml" V2 REF-V2
expect vot2_import 0 "JW315 verwerkt" -- "$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/vot2.xml"
V2=$(sql "$DB" "SELECT bericht_id FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-V2'")
haal "$G" "/verzoeken/$V2"
CSRF=$(csrf_veld)
haal "$G" --data-urlencode "actie=afwijzen" --data-urlencode "reden=8" \
	--data-urlencode "csrf=$CSRF" "/verzoeken/$V2"
check reden8_zonder_gemeente_400 [ "$code" = 400 ]
haal "$G" --data-urlencode "actie=afwijzen" --data-urlencode "reden=8" \
	--data-urlencode "woonplaats_gemeente=$ANDER" --data-urlencode "csrf=$CSRF" "/verzoeken/$V2"
check afwijzen_200 [ "$code" = 200 ]
check afwijzen_melding heeft 'afgewezen'
check verzoek_afgewezen [ "$(sql "$DB" "SELECT status FROM ijw_verzoek WHERE referentie_aanbieder = 'REF-V2'")" = afgewezen ]
stop_server

# ---- export -----------------------------------------------------------------------
mkdir -p "$T/uit"
expect export 0 "2 berichten geëxporteerd" -- "$J" ijw export --db "$DB" --naar "$T/uit"
F301=$(grep -l 'jw301/schema' "$T"/uit/*.xml | head -n 1)
F319=$(grep -l 'jw319/schema' "$T"/uit/*.xml | head -n 1)
check export_301_bestand [ -n "$F301" ]
check export_319_bestand [ -n "$F319" ]
if xmllint --noout --schema "$XSD/JW301.xsd" "$F301" >/dev/null 2>&1; then ok jw301_xsd
else out=$(xmllint --noout --schema "$XSD/JW301.xsd" "$F301" 2>&1); not_ok jw301_xsd; fi
expect jw301_validate 0 "geldig (JW301)" -- "$J" ijw validate "$F301"
check jw301_nummer grep -q "<ToewijzingNummer>$NR</ToewijzingNummer>" "$F301"
check jw301_referentie grep -q "REF-V1" "$F301"
if xmllint --noout --schema "$XSD/JW319.xsd" "$F319" >/dev/null 2>&1; then ok jw319_xsd
else out=$(xmllint --noout --schema "$XSD/JW319.xsd" "$F319" 2>&1); not_ok jw319_xsd; fi
expect jw319_validate 0 "geldig (JW319)" -- "$J" ijw validate "$F319"
check jw319_reden_8 grep -q '<RedenAfwijzingVerzoek>8</RedenAfwijzingVerzoek>' "$F319"
check jw319_gemeente grep -q "<Gemeente>$ANDER</Gemeente>" "$F319"
expect export_opnieuw 0 "0 berichten geëxporteerd" -- "$J" ijw export --db "$DB" --naar "$T/uit"
expect export_aanbieder 0 "0 berichten geëxporteerd" -- \
	"$J" ijw export --db "$DB" --naar "$T/uit" --aanbieder "$AGB"
expect export_zonder_map 2 "--naar" -- "$J" ijw export --db "$DB"
