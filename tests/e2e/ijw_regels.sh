#!/usr/bin/env bash
# The cross-message rules on a JW323 (ijw/verwerk.c): for each rule one
# declaratie that breaks it gets exactly that rule's code on the
# Prestatie (or on the Declaratie for TR318) and nothing of it is
# approved; a valid one passes. One toewijzing of a small demo region;
# the demo's own declaraties of its aanbieder at its gemeente from August
# 2026 on are removed, so that the test's months are the next ones (TR318).
. "$(dirname "$0")/lib/common.sh"

VANDAAG=2026-11-25
DB=$(nieuwe_db regels)
expect demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until "$VANDAAG"
IFS='|' read -r NR AGB GEM BSN CAT CODE EENH VOL TARIEF < <(sql "$DB" "
	SELECT t.nummer, t.agb, t.gemeente, j.bsn, t.categorie, t.productcode, t.eenheid,
	       t.volume, ta.bedrag
	FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id
	JOIN contract c ON c.agb = t.agb JOIN tarief ta ON ta.contract_id = c.id
	 AND ta.productcode = t.productcode AND ta.jaar = 2026 AND ta.eenheid = t.eenheid
	WHERE t.volume > 0 AND t.frequentie = '4' AND t.eenheid IN ('04', '14', '16')
	  AND t.ingangsdatum <= '2026-07-01'
	  AND (t.einddatum IS NULL OR t.einddatum >= '2026-12-31')
	  AND (t.reden_wijziging IS NULL OR t.reden_wijziging <> '13')
	ORDER BY t.nummer LIMIT 1")
if [ -z "$NR" ]; then
	not_ok kies_toewijzing "geen passende toewijzing in de demo"
	exit 0
fi
ok kies_toewijzing
sql "$DB" "DELETE FROM prestatie WHERE declaratie_id IN (SELECT id FROM declaratie
	WHERE agb = '$AGB' AND gemeente = '$GEM' AND periode_begin >= '2026-08-01');
	DELETE FROM declaratie WHERE agb = '$AGB' AND gemeente = '$GEM' AND periode_begin >= '2026-08-01'"
mkdir -p "$T/retour"
maand_eind() { case $1 in 2026-08) echo 31 ;; 2026-09) echo 30 ;; 2026-10) echo 31 ;; esac; }

# prestatie REF VORIG BEGIN EIND VOLUME EENHEID TARIEF BEDRAG DC [CODE]
prestatie() {
	echo "<Prestatie><ProductReferentie><ijw:ReferentieNummer>$1</ijw:ReferentieNummer>"
	[ -n "$2" ] && echo "<ijw:VorigReferentieNummer>$2</ijw:VorigReferentieNummer>"
	echo "</ProductReferentie><ToewijzingNummer>$NR</ToewijzingNummer>"
	echo "<ProductCategorie>$CAT</ProductCategorie><ProductCode>${10:-$CODE}</ProductCode>"
	echo "<ProductPeriode><ijw:Begindatum>$3</ijw:Begindatum><ijw:Einddatum>$4</ijw:Einddatum></ProductPeriode>"
	echo "<GeleverdVolume>$5</GeleverdVolume><Eenheid>$6</Eenheid><ProductTarief>$7</ProductTarief>"
	echo "<IngediendBedrag><ijw:Bedrag>$8</ijw:Bedrag><ijw:DebetCredit>$9</ijw:DebetCredit></IngediendBedrag></Prestatie>"
}
# jw323 FILE IDENT NUMMER MAAND(JJJJ-MM) BEDRAG DC PRESTATIE...
jw323() {
	local f=$1 id=$2 nr=$3 m=$4 bedrag=$5 dc=$6
	shift 6
	{
		cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw323/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
<Header><BerichtCode>490</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>
<Afzender>$AGB</Afzender><Ontvanger>$GEM</Ontvanger>
<BerichtIdentificatie><ijw:Identificatie>$id</ijw:Identificatie><ijw:Dagtekening>2026-11-24</ijw:Dagtekening></BerichtIdentificatie>
<XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></XsdVersie></Header>
<Declaratie><DeclaratieNummer>$nr</DeclaratieNummer>
<DeclaratiePeriode><ijw:Begindatum>$m-01</ijw:Begindatum><ijw:Einddatum>$m-$(maand_eind "$m")</ijw:Einddatum></DeclaratiePeriode>
<DeclaratieDagtekening>2026-11-20</DeclaratieDagtekening>
<TotaalIngediendBedrag><ijw:TotaalBedrag>$bedrag</ijw:TotaalBedrag><ijw:DebetCredit>$dc</ijw:DebetCredit></TotaalIngediendBedrag>
<Clienten><Client><Bsn>$BSN</Bsn><Prestaties>
EOF
		printf '%s\n' "$@"
		echo "</Prestaties></Client></Clienten></Declaratie></Bericht>"
	} >"$f"
}
importeer() { "$J" ijw import --db "$DB" --vandaag "$VANDAAG" --retour "$T/retour" "$1"; }
# afgekeurd NAAM REGEL RETOURCODE FILE: exactly that rule, its retourcode
# in the 325 and no approved Prestatie of this declaratie.
afgekeurd() {
	local uit codes m
	uit=$(importeer "$4" 2>&1)
	codes=$(printf '%s\n' "$uit" | grep -o '^  [A-Z][A-Z0-9]* ' | tr -d ' ' | sort -u | tr '\n' ' ')
	if [ "$codes" = "$2 " ] && grep -q "<RetourCode>$3</RetourCode>" "$T/retour/$(basename "$4").retour.xml"; then
		ok "$1"
	else not_ok "$1" "bevindingen '$codes', verwacht '$2 ' met $3: $uit"; fi
	m=$(sql "$DB" "SELECT count(*) FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id
		WHERE d.nummer LIKE 'RX%' AND p.goedgekeurd = 1")
	if [ "$m" = 0 ]; then ok "${1}_niets_goedgekeurd"
	else not_ok "${1}_niets_goedgekeurd" "$m goedgekeurde Prestaties"; fi
	# Undo a stored (partly rejected) declaratie so the next case may
	# use the same DeclaratiePeriode.
	sql "$DB" "DELETE FROM prestatie WHERE declaratie_id IN (SELECT id FROM declaratie WHERE nummer LIKE 'RX%');
		DELETE FROM declaratie WHERE nummer LIKE 'RX%'"
}
goed() {
	local uit
	uit=$(importeer "$2" 2>&1)
	if printf '%s\n' "$uit" | grep -q "JW323 verwerkt" &&
		grep -q '<RetourCode>8001</RetourCode>' "$T/retour/$(basename "$2").retour.xml"; then ok "$1"
	else not_ok "$1" "$uit"; fi
}

A=2026-08-01 AE=2026-08-31
P() { prestatie "$@"; }
# One Prestatie of August, each breaking one rule.
n=0
geval() { # NAAM REGEL RC MAAND PRESTATIE
	n=$((n + 1))
	jw323 "$T/$1.xml" "X$n" "RX$n" "$4" "${6:-$TARIEF}" D "$5"
	afgekeurd "$1" "$2" "$3" "$T/$1.xml"
}
ANDER=$([ "$EENH" = 16 ] && echo 14 || echo 16)
geval tr381 TR381 S329 2026-08 "$(P RX1 '' $A $AE 1 "$EENH" "$TARIEF" "$TARIEF" D "${CAT}Z99")"
geval tr319 TR319 9319 2026-08 "$(P RX2 '' 2026-09-01 2026-09-30 1 "$EENH" "$TARIEF" "$TARIEF" D)"
geval tr387 TR387 9387 2026-08 "$(P RX3 '' 2026-08-02 $AE 1 "$EENH" "$TARIEF" "$TARIEF" D)"
geval tr388 TR388 9388 2026-08 "$(P RX4 '' $A 2026-08-30 1 "$EENH" "$TARIEF" "$TARIEF" D)"
geval tr341 TR341 9341 2026-08 "$(P RX5 '' $A $AE 1 "$ANDER" "$TARIEF" "$TARIEF" D)"
geval tr418 TR418 0611 2026-08 "$(P RX6 '' $A $AE 1 "$EENH" $((TARIEF + 1)) $((TARIEF + 1)) D)" $((TARIEF + 1))
geval tr346 TR346 9346 2026-08 "$(P RX7 '' $A $AE 1 "$EENH" "$TARIEF" $((TARIEF + 1)) D)" $((TARIEF + 1))
geval tr321 TR321 9321 2026-08 "$(P RX8 '' $A $AE $((VOL + 1)) "$EENH" "$TARIEF" $(((VOL + 1) * TARIEF)) D)" $(((VOL + 1) * TARIEF))
# TR322: the whole omvang (Frequentie 6, totaal) already used up by an
# approved Prestatie of July; TR369: a budget smaller than one month.
DEMO_DECL=$(sql "$DB" "SELECT min(id) FROM declaratie WHERE agb = '$AGB'")
sql "$DB" "UPDATE toewijzing SET frequentie = '6' WHERE nummer = $NR;
	INSERT INTO prestatie (id, declaratie_id, referentie, toewijzing_nummer, categorie, productcode,
	 periode_begin, periode_eind, volume, eenheid, tarief, bedrag, retourcode, goedgekeurd)
	VALUES ((SELECT max(id) + 1 FROM prestatie), $DEMO_DECL, 'HULP322', $NR, '$CAT', '$CODE',
	 '2026-07-01', '2026-07-31', $VOL, '$EENH', $TARIEF, $((VOL * TARIEF)), '0200', 1)"
geval tr322 TR322 9322 2026-08 "$(P RX9 '' $A $AE 1 "$EENH" "$TARIEF" "$TARIEF" D)"
sql "$DB" "UPDATE toewijzing SET frequentie = '4' WHERE nummer = $NR;
	DELETE FROM prestatie WHERE referentie = 'HULP322'; UPDATE toewijzing SET budget = 1 WHERE nummer = $NR"
geval tr369 TR369 9369 2026-08 "$(P RX10 '' $A $AE 1 "$EENH" "$TARIEF" "$TARIEF" D)"
sql "$DB" "UPDATE toewijzing SET budget = 0 WHERE nummer = $NR"

# The valid August declaratie, then TR318: August again.
jw323 "$T/aug.xml" S1 RS1 2026-08 "$TARIEF" D "$(P RV '' $A $AE 1 "$EENH" "$TARIEF" "$TARIEF" D)"
goed geldig_debet "$T/aug.xml"
voor=$(sql "$DB" "SELECT count(*) FROM declaratie")
jw323 "$T/tr318.xml" X20 RX20 2026-08 "$TARIEF" D "$(P RX20 '' $A $AE 1 "$EENH" "$TARIEF" "$TARIEF" D)"
afgekeurd tr318 TR318 8214 "$T/tr318.xml"
if [ "$(sql "$DB" "SELECT count(*) FROM declaratie")" = "$voor" ]; then ok tr318_niets_opgeslagen
else not_ok tr318_niets_opgeslagen "er is een declaratie opgeslagen"; fi

# September: a second debet on August's key (TR389), a credit of
# nothing (TR323), then the real credit of RV.
jw323 "$T/tr389.xml" X21 RX21 2026-09 "$TARIEF" D "$(P RX21 '' $A $AE 1 "$EENH" "$TARIEF" "$TARIEF" D)"
afgekeurd tr389 TR389 9389 "$T/tr389.xml"
jw323 "$T/tr323.xml" X22 RX22 2026-09 "$TARIEF" C "$(P RX22 GEENREF $A $AE 1 "$EENH" "$TARIEF" "$TARIEF" C)"
afgekeurd tr323 TR323 8017 "$T/tr323.xml"
jw323 "$T/credit.xml" S2 RS2 2026-09 "$TARIEF" C "$(P RC1 RV $A $AE 1 "$EENH" "$TARIEF" "$TARIEF" C)"
goed geldig_credit "$T/credit.xml"
# October: RV credited once already (TR390); a new debet is allowed now.
jw323 "$T/tr390.xml" X23 RX23 2026-10 "$TARIEF" C "$(P RX23 RV $A $AE 1 "$EENH" "$TARIEF" "$TARIEF" C)"
afgekeurd tr390 TR390 9390 "$T/tr390.xml"
jw323 "$T/opnieuw.xml" S3 RS3 2026-10 "$TARIEF" D "$(P RV2 '' $A $AE 1 "$EENH" "$TARIEF" "$TARIEF" D)"
goed geldig_debet_na_credit "$T/opnieuw.xml"
