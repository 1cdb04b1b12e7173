#!/usr/bin/env bash
# jeugdregie ijw import: one received message in one transaction
# (ijw/verwerk.c). Messages are filled from a small demo region: a real
# toewijzing, its aanbieder, gemeente and client.
. "$(dirname "$0")/lib/common.sh"

VANDAAG=2026-11-25
DB=$(nieuwe_db verwerk)
expect demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until "$VANDAAG"

# A waiting traject (aangemeld / intake) on a toewijzing that started.
IFS='|' read -r NR AGB GEM BSN GEB CAT CODE INGANG TRAJECT < <(sql "$DB" "
	SELECT t.nummer, t.agb, t.gemeente, j.bsn, j.geboortedatum, t.categorie,
	       COALESCE(t.productcode, ''), t.ingangsdatum, tr.id
	FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id
	JOIN traject tr ON tr.toewijzing_nummer = t.nummer
	WHERE tr.status IN (0, 1) AND t.ingangsdatum <= '2026-11-15'
	  AND (t.reden_wijziging IS NULL OR t.reden_wijziging <> '13')
	  AND tr.id = (SELECT max(id) FROM traject x WHERE x.toewijzing_nummer = t.nummer)
	ORDER BY t.nummer LIMIT 1")
if [ -z "$NR" ]; then
	not_ok kies_toewijzing "geen wachtend traject met een toewijzing in de demo"
	exit 0
fi
ok kies_toewijzing

# kop SOORT CODE IDENT AFZENDER ONTVANGER
kop() {
	cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw$1/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
<Header><BerichtCode>$2</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>
<Afzender>$4</Afzender><Ontvanger>$5</Ontvanger>
<BerichtIdentificatie><ijw:Identificatie>$3</ijw:Identificatie><ijw:Dagtekening>2026-11-24</ijw:Dagtekening></BerichtIdentificatie>
<XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></XsdVersie></Header>
EOF
}
client() {
	cat <<EOF
<Client><Bsn>$BSN</Bsn><Geboortedatum><ijw:Datum>$GEB</ijw:Datum></Geboortedatum><Geslacht>1</Geslacht>
<Naam><ijw:Geslachtsnaam><ijw:Achternaam>Test</ijw:Achternaam></ijw:Geslachtsnaam></Naam>
EOF
}
product() {
	printf '<Product><ijw:Categorie>%s</ijw:Categorie>%s</Product>' "$CAT" \
		"${CODE:+<ijw:Code>$CODE</ijw:Code>}"
}
# jw305 FILE IDENT NUMMER BEGINDATUM [ONTVANGER]
jw305() {
	{
		kop 305 438 "$2" "$AGB" "${5:-$GEM}"
		client
		echo "<StartProducten><StartProduct><ToewijzingNummer>$3</ToewijzingNummer>$(product)"
		echo "<ToewijzingIngangsdatum>$INGANG</ToewijzingIngangsdatum><Begindatum>$4</Begindatum>"
		echo "<StatusAanlevering>1</StatusAanlevering></StartProduct></StartProducten></Client></Bericht>"
	} >"$1"
}
# jw307 FILE IDENT BEGINDATUM EINDDATUM REDEN
jw307() {
	{
		kop 307 440 "$2" "$AGB" "$GEM"
		client
		echo "<StopProducten><StopProduct><ToewijzingNummer>$NR</ToewijzingNummer>$(product)"
		echo "<ToewijzingIngangsdatum>$INGANG</ToewijzingIngangsdatum><Begindatum>$3</Begindatum>"
		echo "<RedenBeeindiging>$5</RedenBeeindiging><Einddatum>$4</Einddatum>"
		echo "<StatusAanlevering>1</StatusAanlevering></StopProduct></StopProducten></Client></Bericht>"
	} >"$1"
}

mkdir -p "$T/retour"
BEGIN=2026-11-18
traject_status() { sql "$DB" "SELECT status || '|' || COALESCE(begindatum, '') || '|' || COALESCE(einddatum, '') FROM traject WHERE id = $TRAJECT"; }

# 1. An accepted 305 starts the traject.
jw305 "$T/start.xml" S1 "$NR" "$BEGIN"
expect start_geaccepteerd 0 "JW305 verwerkt" "retour" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/start.xml"
if [ "$(traject_status)" = "2|$BEGIN|" ]; then ok start_traject_gestart
else not_ok start_traject_gestart "traject $TRAJECT: $(traject_status), verwacht 2|$BEGIN|"; fi
expect start_retour_geldig 0 "geldig (JW306)" -- "$J" ijw validate "$T/retour/start.xml.retour.xml"
# OP065: approved as a whole, so the header alone with 0200, no Client.
if [ "$(grep -c '<RetourCode>0200</RetourCode>' "$T/retour/start.xml.retour.xml")" = 1 ] &&
	! grep -q '<Client>' "$T/retour/start.xml.retour.xml"; then ok start_retour_0200
else not_ok start_retour_0200 "niet alleen de header met 0200 in het retourbericht"; fi
cp "$T/retour/start.xml.retour.xml" "$T/start.eerste.xml"
n=$(sql "$DB" "SELECT count(*) FROM ijw_bericht WHERE soort = 'JW305' AND status = 'verwerkt' AND jeugdige_id IS NOT NULL AND gemeente = '$GEM' AND agb = '$AGB'")
if [ "$n" = 1 ]; then ok start_in_inbox; else not_ok start_in_inbox "inbox: $n rijen"; fi

# 2. The same file again: the stored retourbericht, nothing changes.
voor=$(afdruk "$DB")
expect start_herhaald 0 "JW305 verwerkt herhaald" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/start.xml"
if cmp -s "$T/start.eerste.xml" "$T/retour/start.xml.retour.xml"; then ok herhaald_zelfde_retour
else not_ok herhaald_zelfde_retour "een ander retourbericht bij herhaling"; fi
if [ "$(afdruk "$DB")" = "$voor" ]; then ok herhaald_niets_veranderd
else not_ok herhaald_niets_veranderd "de database veranderde bij een herhaald bericht"; fi

# 3. A new 305 for the same toewijzing (other identificatie): TR326, 9326.
jw305 "$T/start2.xml" S2 "$NR" 2026-11-19
expect tweede_start_afgekeurd 1 "JW305 afgekeurd" "TR326" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/start2.xml"
if grep -q '<RetourCode>9326</RetourCode>' "$T/retour/start2.xml.retour.xml"; then ok tweede_start_9326
else not_ok tweede_start_9326 "geen 9326 in het retourbericht"; fi

# 4. An XSD-invalid file: no retourbericht, only an inbox row.
sed 's#<Geslacht>1</Geslacht>#<Geslacht>7</Geslacht>#' "$T/start.xml" >"$T/fout.xml"
voor_inbox=$(sql "$DB" "SELECT count(*) FROM ijw_bericht")
voor_traject=$(sql "$DB" "SELECT count(*) || '|' || sum(status) FROM traject")
expect xsd_afgekeurd 1 "afgekeurd_xsd" "XSD" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/fout.xml"
if [ ! -e "$T/retour/fout.xml.retour.xml" ]; then ok xsd_geen_retour
else not_ok xsd_geen_retour "er is een retourbericht geschreven"; fi
na_inbox=$(sql "$DB" "SELECT count(*) FROM ijw_bericht")
if [ "$na_inbox" = $((voor_inbox + 1)) ] &&
	[ "$(sql "$DB" "SELECT count(*) || '|' || sum(status) FROM traject")" = "$voor_traject" ]; then
	ok xsd_alleen_inbox
else not_ok xsd_alleen_inbox "inbox $voor_inbox -> $na_inbox"; fi

# 5. A 305 for an unknown ToewijzingNummer: TR019 (9019), nothing applied.
jw305 "$T/onbekend.xml" S3 987654321 "$BEGIN"
voor_traject=$(sql "$DB" "SELECT count(*) || '|' || sum(status) FROM traject")
expect onbekend_afgekeurd 1 "JW305 afgekeurd" "TR019" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/onbekend.xml"
if grep -q '<RetourCode>9019</RetourCode>' "$T/retour/onbekend.xml.retour.xml"; then ok onbekend_9019
else not_ok onbekend_9019 "geen 9019 in het retourbericht"; fi
if [ "$(sql "$DB" "SELECT count(*) || '|' || sum(status) FROM traject")" = "$voor_traject" ]; then
	ok onbekend_niets_toegepast
else not_ok onbekend_niets_toegepast "trajecten veranderden"; fi

# 6. A gemeente outside the region: TR378, S300 in the header.
jw305 "$T/buiten.xml" S4 "$NR" "$BEGIN" 0363
expect buiten_afgekeurd 1 "JW305 afgekeurd" "TR378" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/buiten.xml"
if grep -q '<RetourCode>S300</RetourCode>' "$T/retour/buiten.xml.retour.xml"; then ok buiten_S300
else not_ok buiten_S300 "geen S300 in het retourbericht"; fi

# 7. A 307 with another Begindatum: TR382 (9069); with the right one: ended.
jw307 "$T/stopfout.xml" P1 2026-11-01 2026-11-22 31
expect stop_verkeerde_start 1 "JW307 afgekeurd" "TR382" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/stopfout.xml"
if grep -q '<RetourCode>9069</RetourCode>' "$T/retour/stopfout.xml.retour.xml"; then ok stop_9069
else not_ok stop_9069 "geen 9069 in het retourbericht"; fi
# An in-message rule broken (TR134: Einddatum after the Dagtekening):
# a header-only retourbericht with 0001 and XsltVersie, nothing applied.
jw307 "$T/stoplater.xml" P0 "$BEGIN" 2026-11-30 31
expect stop_regel_0001 1 "JW307 afgekeurd" "TR134" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/stoplater.xml"
R="$T/retour/stoplater.xml.retour.xml"
if grep -q '<RetourCode>0001</RetourCode>' "$R" && grep -q '<XsltVersie>' "$R" &&
	! grep -q '<Client>' "$R"; then ok stop_regel_alleen_header
else not_ok stop_regel_alleen_header "$(tr -d '\n\t' <"$R" | head -c 600)"; fi
expect stop_regel_retour_geldig 0 "geldig (JW308)" -- "$J" ijw validate "$R"
if [ "$(traject_status)" = "2|$BEGIN|" ]; then ok stop_regel_niets_toegepast
else not_ok stop_regel_niets_toegepast "traject $TRAJECT: $(traject_status)"; fi
versie_voor=$(sql "$DB" "SELECT waarde FROM meta WHERE sleutel = 'data.versie'")
jw307 "$T/stop.xml" P2 "$BEGIN" 2026-11-22 31
expect stop_geaccepteerd 0 "JW307 verwerkt" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/stop.xml"
if [ "$(traject_status)" = "4|$BEGIN|2026-11-22" ]; then ok stop_traject_beeindigd
else not_ok stop_traject_beeindigd "traject $TRAJECT: $(traject_status)"; fi
versie_na=$(sql "$DB" "SELECT waarde FROM meta WHERE sleutel = 'data.versie'")
if [ "$versie_na" = $((${versie_voor:-0} + 1)) ]; then ok stop_data_versie
else not_ok stop_data_versie "data.versie $versie_voor -> $versie_na"; fi
jw307 "$T/stop2.xml" P3 "$BEGIN" 2026-11-23 31
expect tweede_stop_afgekeurd 1 "JW307 afgekeurd" "TR415" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/stop2.xml"

# 8. A 323 with one bad Prestatie: only that one rejected. A toewijzing
# with a contract tariff; the demo's declaraties of its aanbieder at its
# gemeente from September on are removed so that September and October
# are the next DeclaratiePerioden (TR318).
IFS='|' read -r DNR DAGB DGEM DBSN DCAT DCODE DEENH DTARIEF < <(sql "$DB" "
	SELECT t.nummer, t.agb, t.gemeente, j.bsn, t.categorie, t.productcode, t.eenheid, ta.bedrag
	FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id
	JOIN contract c ON c.agb = t.agb JOIN tarief ta ON ta.contract_id = c.id
	 AND ta.productcode = t.productcode AND ta.jaar = 2026 AND ta.eenheid = t.eenheid
	WHERE t.ingangsdatum <= '2026-09-01' AND (t.einddatum IS NULL OR t.einddatum >= '2026-10-31')
	  AND t.volume > 0 AND t.frequentie = '4'
	  AND (t.reden_wijziging IS NULL OR t.reden_wijziging <> '13')
	ORDER BY t.nummer LIMIT 1")
sql "$DB" "DELETE FROM prestatie WHERE declaratie_id IN (SELECT id FROM declaratie
	WHERE agb = '$DAGB' AND gemeente = '$DGEM' AND periode_begin >= '2026-09-01');
	DELETE FROM declaratie WHERE agb = '$DAGB' AND gemeente = '$DGEM' AND periode_begin >= '2026-09-01'"
VREEMD=$(sql "$DB" "SELECT min(j.bsn) FROM jeugdige j WHERE NOT EXISTS (SELECT 1 FROM toewijzing t
	JOIN jeugdige k ON k.id = t.jeugdige_id WHERE t.agb = '$DAGB' AND k.bsn = j.bsn)")
# prestatie REF NUMMER BEGIN EIND
prestatie() {
	cat <<EOF
<Prestatie><ProductReferentie><ijw:ReferentieNummer>$1</ijw:ReferentieNummer></ProductReferentie>
<ToewijzingNummer>$2</ToewijzingNummer><ProductCategorie>$DCAT</ProductCategorie><ProductCode>$DCODE</ProductCode>
<ProductPeriode><ijw:Begindatum>$3</ijw:Begindatum><ijw:Einddatum>$4</ijw:Einddatum></ProductPeriode>
<GeleverdVolume>1</GeleverdVolume><Eenheid>$DEENH</Eenheid><ProductTarief>$DTARIEF</ProductTarief>
<IngediendBedrag><ijw:Bedrag>$DTARIEF</ijw:Bedrag><ijw:DebetCredit>D</ijw:DebetCredit></IngediendBedrag></Prestatie>
EOF
}
{
	kop 323 490 D1 "$DAGB" "$DGEM"
	echo "<Declaratie><DeclaratieNummer>DEC1</DeclaratieNummer>"
	echo "<DeclaratiePeriode><ijw:Begindatum>2026-09-01</ijw:Begindatum><ijw:Einddatum>2026-09-30</ijw:Einddatum></DeclaratiePeriode>"
	echo "<DeclaratieDagtekening>2026-11-20</DeclaratieDagtekening>"
	echo "<TotaalIngediendBedrag><ijw:TotaalBedrag>$((DTARIEF * 3))</ijw:TotaalBedrag><ijw:DebetCredit>D</ijw:DebetCredit></TotaalIngediendBedrag>"
	echo "<Clienten><Client><Bsn>$DBSN</Bsn><Prestaties>"
	prestatie R1 "$DNR" 2026-09-01 2026-09-30
	prestatie R3 987654321 2026-09-01 2026-09-30
	echo "</Prestaties></Client><Client><Bsn>$VREEMD</Bsn><Prestaties>"
	prestatie R5 "$DNR" 2026-09-01 2026-09-30
	echo "</Prestaties></Client></Clienten></Declaratie></Bericht>"
} >"$T/decl.xml"
# The second client is no client of this aanbieder (TR304), though its
# Prestatie names the first client's toewijzing.
expect declaratie_deels 1 "JW323 deels_afgekeurd" "TR338" \
	"TR304 /Bericht/Declaratie/Clienten/Client[2]/Bsn" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/decl.xml"
R="$T/retour/decl.xml.retour.xml"
expect declaratie_325_geldig 0 "geldig (JW325)" -- "$J" ijw validate "$R"
if grep -q '<ReferentieNummer>R3</ijw:ReferentieNummer>\|R3</ijw:ReferentieNummer>' "$R" &&
	! grep -q 'R1</ijw:ReferentieNummer>' "$R" && grep -q '<RetourCode>9338</RetourCode>' "$R"; then
	ok declaratie_alleen_afgekeurde_terug
else not_ok declaratie_alleen_afgekeurde_terug "$(grep -o 'R[0-9]</ijw:ReferentieNummer>\|<RetourCode>[0-9A-Z]*' "$R" | tr '\n' ' ')"; fi
if tr -d '\n\t ' <"$R" | grep -q "<TotaalToegekendBedrag><ijw:TotaalBedrag>$DTARIEF</ijw:TotaalBedrag><ijw:DebetCredit>D</ijw:DebetCredit>"; then
	ok declaratie_toegekend_een_prestatie
else not_ok declaratie_toegekend_een_prestatie "$(tr -d '\n\t ' <"$R" | grep -o '<TotaalToegekendBedrag>.\{0,120\}')"; fi
# IV087, TR337, TR376: the 325 names the 323 it answers (its Identificatie, its DeclaratieNummer).
if tr -d '\n\t ' <"$R" | grep -q '<DeclaratieIdentificatie><ijw:Identificatie>D1</ijw:Identificatie>' &&
	tr -d '\n\t ' <"$R" | grep -q '<DeclaratieNummer>DEC1</DeclaratieNummer>'; then
	ok declaratie_325_verwijst
else not_ok declaratie_325_verwijst "$(tr -d '\n\t ' <"$R" | grep -o '<DeclaratieIdentificatie>.\{0,80\}')"; fi
rij=$(sql "$DB" "SELECT d.totaal_ingediend || '|' || d.totaal_toegekend || '|' || (SELECT count(*) FROM prestatie p WHERE p.declaratie_id = d.id AND p.goedgekeurd = 1) || '|' || (SELECT count(*) FROM prestatie p WHERE p.declaratie_id = d.id AND p.retourcode = '9338') FROM declaratie d WHERE d.nummer = 'DEC1' AND d.agb = '$DAGB'")
if [ "$rij" = "$((DTARIEF * 3))|$DTARIEF|1|1" ]; then ok declaratie_opgeslagen
else not_ok declaratie_opgeslagen "declaratie: '$rij', verwacht $((DTARIEF * 3))|$DTARIEF|1|1"; fi

# 9. A fully approved 323: 0200 in the header, 8001 on the DeclaratieAntwoord.
{
	kop 323 490 D2 "$DAGB" "$DGEM"
	echo "<Declaratie><DeclaratieNummer>DEC2</DeclaratieNummer>"
	echo "<DeclaratiePeriode><ijw:Begindatum>2026-10-01</ijw:Begindatum><ijw:Einddatum>2026-10-31</ijw:Einddatum></DeclaratiePeriode>"
	echo "<DeclaratieDagtekening>2026-11-20</DeclaratieDagtekening>"
	echo "<TotaalIngediendBedrag><ijw:TotaalBedrag>$DTARIEF</ijw:TotaalBedrag><ijw:DebetCredit>D</ijw:DebetCredit></TotaalIngediendBedrag>"
	echo "<Clienten><Client><Bsn>$DBSN</Bsn><Prestaties>"
	prestatie R4 "$DNR" 2026-10-01 2026-10-31
	echo "</Prestaties></Client></Clienten></Declaratie></Bericht>"
} >"$T/decl2.xml"
expect declaratie_volledig 0 "JW323 verwerkt" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/decl2.xml"
if grep -q '<RetourCode>8001</RetourCode>' "$T/retour/decl2.xml.retour.xml"; then ok declaratie_8001
else not_ok declaratie_8001 "geen 8001"; fi
# The same DeclaratieNummer again under a new identificatie: TR333 (9333).
sed 's#<ijw:Identificatie>D2<#<ijw:Identificatie>D3<#' "$T/decl2.xml" >"$T/decl3.xml"
expect declaratie_nummer_dubbel 1 "JW323 afgekeurd" "TR333" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/decl3.xml"

# 10. A summary line; a wrong option is a usage error.
expect samenvatting 1 "3 berichten:" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/start.xml" "$T/fout.xml" "$T/stop.xml"
expect onbekende_optie 2 "onbekende optie" -- "$J" ijw import --db "$DB" --wat x "$T/start.xml"

# 11. A JW315 (the shipped example with its impossible date corrected, from
# a provider of the region to Leiden): one open request per requested
# product, stored after the message row they refer to; the 316 validates.
AGB1=$(sql "$DB" "SELECT agb FROM aanbieder ORDER BY agb LIMIT 1")
sed -e 's/2027-06-31/2027-06-30/g' \
	-e "s#<jw315:Afzender>[0-9]*</jw315:Afzender>#<jw315:Afzender>$AGB1</jw315:Afzender>#" \
	-e 's#<jw315:Ontvanger>[0-9]*</jw315:Ontvanger>#<jw315:Ontvanger>0546</jw315:Ontvanger>#' \
	"$REPO/../shared/ijw/voorbeelden/JW315.xml" >"$T/vot.xml"
expect verzoek_315 0 "JW315 verwerkt" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/vot.xml"
n=$(sql "$DB" "SELECT count(*) FROM ijw_verzoek v JOIN ijw_bericht b ON b.id = v.bericht_id WHERE v.status = 'open' AND b.soort = 'JW315' AND v.agb = '$AGB1'")
if [ "$n" = 2 ]; then ok verzoek_315_open; else not_ok verzoek_315_open "$n open verzoeken, verwacht 2"; fi
expect verzoek_316_xsd 0 -- xmllint --noout --schema "$REPO/data/ijw/3.2/JW316.xsd" "$T/retour/vot.xml.retour.xml"

# 12. TR381 (S329) on a start: a ProductCode of another category than the
# message's Categorie is rejected at its class, and nothing is applied.
voor=$(afdruk "$DB")
ANDERE=40A01
[ "$CAT" = 40 ] && ANDERE=43A01
CODE_OUD=$CODE
CODE=$ANDERE
jw305 "$T/s329.xml" S329 "$NR" "$BEGIN"
CODE=$CODE_OUD
expect start_tr381 1 "JW305 afgekeurd" "TR381 /Bericht/Client/StartProducten/StartProduct[1]" -- \
	"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$T/s329.xml"
if grep -q '<RetourCode>S329</RetourCode>' "$T/retour/s329.xml.retour.xml"; then ok start_tr381_retourcode
else not_ok start_tr381_retourcode "geen S329 in het retourbericht"; fi
n=$(sql "$DB" "SELECT count(*) FROM ijw_bericht WHERE identificatie = 'S329' AND status = 'afgekeurd'")
if [ "$n" = 1 ]; then ok start_tr381_inbox; else not_ok start_tr381_inbox "$n"; fi
