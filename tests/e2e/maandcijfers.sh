#!/usr/bin/env bash
# End-to-end tests of the monthly aggregates (src/store/maandcijfers_store.c,
# src/web/maandcijfers_web.c): after a demo `cijfers controleer` finds the
# stored aggregates equal to a recomputation; for the region's staff the
# API's figures equal an independent reference written here in plain SQL
# over the raw tables (also per subregion and as CSV); beleid never sees
# a count 1..9; after iJw messages (JW305, JW307, JW323) the incremental
# aggregates still equal a recomputation. Runs once per backend
# (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db maandcijfers)
expect mc_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
expect mc_controleer 0 "kloppen" -- "$J" cijfers controleer --db "$DB"
expect mc_herbouw 0 "opgebouwd" -- "$J" cijfers herbouw --db "$DB" --tot-jaar 2027
expect mc_controleer_na_herbouw 0 "kloppen" -- "$J" cijfers controleer --db "$DB"

PW='correct paard batterij niet'
"$J" user add --db "$DB" --naam soz --rol regio --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam analist --rol beleid --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
start_server mc_serve_start "$DB" 2
R="$T/regio.jar"
L="$T/beleid.jar"
login "$R" soz "$PW"
login "$L" analist "$PW"

# waarde PERIODE: the figure of that period in the last answer ($T/b).
waarde() {
	python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
for p in a["reeks"]:
    if p["periode"] == sys.argv[2]:
        print(p["waarde"])' "$T/b" "$1"
}

gelijk() {
	local naam=$1 api=$2 ref=$3
	if [ "$api" = "$ref" ]; then ok "$naam"; else not_ok "$naam" "API $api, SQL $ref"; fi
}

# Active specialised trajectories of 0546 on 31 October 2025.
haal "$R" "/api/v1/maandcijfers?indicator=actief&gemeente=0546&van=2025-01&tot=2025-12"
REF=$(sql "$DB" "SELECT COUNT(*) FROM traject WHERE gemeente = '0546' AND segment BETWEEN 1 AND 7
	AND begindatum IS NOT NULL AND begindatum <= '2025-10-31'
	AND (einddatum IS NULL OR einddatum >= '2025-10-31')")
gelijk mc_actief_0546 "$(waarde 2025-10)" "$REF"

# New specialised trajectories referred by the huisarts (02) in June 2025.
haal "$R" "/api/v1/maandcijfers?indicator=nieuw&verwijzer=02&van=2025-01&tot=2025-12"
REF=$(sql "$DB" "SELECT COUNT(*) FROM traject t JOIN verwijzing v ON v.id = t.verwijzing_id
	WHERE t.segment BETWEEN 1 AND 7 AND v.type = '02'
	AND COALESCE(t.aanmelddatum, t.begindatum) BETWEEN '2025-06-01' AND '2025-06-30'")
gelijk mc_nieuw_huisarts "$(waarde 2025-06)" "$REF"

# Uitval (ended with 32/33) in May 2025, the region.
haal "$R" "/api/v1/maandcijfers?indicator=uitval&van=2025-05&tot=2025-05"
REF=$(sql "$DB" "SELECT COUNT(*) FROM traject WHERE segment BETWEEN 1 AND 7 AND status = 4
	AND einddatum BETWEEN '2025-05-01' AND '2025-05-31' AND reden_beeindiging IN ('32', '33')")
gelijk mc_uitval "$(waarde 2025-05)" "$REF"

# Approved eurocents by ProductPeriode month, March 2025.
haal "$R" "/api/v1/maandcijfers?indicator=goedgekeurd&van=2025-03&tot=2025-03"
REF=$(sql "$DB" "SELECT COALESCE(SUM(p.bedrag), 0) FROM prestatie p
	JOIN traject t ON t.id = p.traject_id
	WHERE p.goedgekeurd = 1 AND substr(p.periode_begin, 1, 7) = '2025-03'")
gelijk mc_goedgekeurd "$(waarde 2025-03)" "$REF"

# beleid: suppressed, never a count 1..9.
haal "$L" "/api/v1/maandcijfers?indicator=actief&gemeente=0546&segment=6&van=2024-01&tot=2026-11"
run python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
assert a["onderdrukt"] is True
for p in a["reeks"]:
    w = p["waarde"]["waarde"]
    assert w is None or w == 0 or w >= 10, p' "$T/b"
if [ "$rc" -eq 0 ]; then ok mc_beleid_onderdrukt; else not_ok mc_beleid_onderdrukt "$out"; fi

# A combination that is not kept, and a bad month.
haal "$R" "/api/v1/maandcijfers?indicator=actief&gemeente=0546&aanbieder=12345678&van=2025-01&tot=2025-02"
gelijk mc_combinatie_400 "$code" 400
haal "$R" "/api/v1/maandcijfers?indicator=actief&van=2025-13&tot=2025-12"
gelijk mc_maand_400 "$code" 400

# A subregion: the sum of its gemeenten (by the plain SQL again).
haal "$R" "/api/v1/maandcijfers?indicator=actief&subregio=Leidse%20regio&van=2025-10&tot=2025-10"
REF=$(sql "$DB" "SELECT COUNT(*) FROM traject t JOIN gemeente g ON g.code = t.gemeente
	WHERE g.subregio = 'Leidse regio' AND t.segment BETWEEN 1 AND 7
	AND t.begindatum IS NOT NULL AND t.begindatum <= '2025-10-31'
	AND (t.einddatum IS NULL OR t.einddatum >= '2025-10-31')")
gelijk mc_subregio "$(waarde 2025-10)" "$REF"
# Youth-level counts: the three subregions add up to the region.
som=0
for s in Leidse%20regio Duin-%20en%20Bollenstreek Rijnstreek; do
	haal "$R" "/api/v1/maandcijfers?indicator=jeugdhulpgebruik&subregio=$s&per=jaar&van=2025-01&tot=2025-12"
	som=$((som + $(waarde 2025)))
done
haal "$R" "/api/v1/maandcijfers?indicator=jeugdhulpgebruik&per=jaar&van=2025-01&tot=2025-12"
gelijk mc_subregio_som "$som" "$(waarde 2025)"
haal "$R" "/api/v1/maandcijfers?indicator=actief&subregio=Nergens&van=2025-01&tot=2025-02"
gelijk mc_subregio_onbekend_400 "$code" 400
haal "$R" "/api/v1/maandcijfers?indicator=actief&subregio=Rijnstreek&gemeente=0546&van=2025-01&tot=2025-02"
gelijk mc_subregio_en_gemeente_400 "$code" 400

# CSV: the same figures as the JSON, one line per month.
haal "$R" "/api/v1/maandcijfers?indicator=actief&gemeente=0546&van=2025-01&tot=2025-12"
json_okt=$(waarde 2025-10)
haal "$R" "/api/v1/maandcijfers.csv?indicator=actief&gemeente=0546&van=2025-01&tot=2025-12"
if [ "$code" = 200 ] &&
	head -1 "$T/b" | grep -q '^indicator;gemeente;subregio;segment;aanbieder;verwijzer;periode;waarde;weergave' &&
	[ "$(wc -l <"$T/b")" -eq 13 ] && grep -q "^actief;0546;;;;;2025-10;$json_okt;$json_okt" "$T/b"; then
	ok mc_csv
else
	not_ok mc_csv "code $code: $(head -3 "$T/b")"
fi
haal "$L" "/api/v1/maandcijfers.csv?indicator=wachttijd_totaal&gemeente=0546&segment=6&van=2025-01&tot=2025-12"
run python3 -c '
import sys
regels = open(sys.argv[1]).read().splitlines()
assert regels[0].endswith(";periode;n;n_weergave;mediaan;p80"), regels[0]
assert len(regels) == 13, len(regels)
for r in regels[1:]:
    v = r.split(";")
    n, weergave, mediaan = v[7], v[8], v[9]
    assert (n == "" and weergave == "<10" and mediaan == "") or int(n) >= 10, r' "$T/b"
if [ "$rc" -eq 0 ]; then ok mc_csv_beleid_onderdrukt; else not_ok mc_csv_beleid_onderdrukt "$out"; fi
haal "$R" "/api/v1/maandcijfers.csv?indicator=bestaat_niet&van=2025-01&tot=2025-02"
gelijk mc_csv_400 "$code" 400

kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null

# ---- iJw messages keep the aggregates: a start, a stop, a declaration ----
# (messages built as in ijw_verwerk.sh)
VANDAAG=2026-11-25
IFS='|' read -r NR AGB GEM BSN GEB CAT CODE INGANG < <(sql "$DB" "
	SELECT t.nummer, t.agb, t.gemeente, j.bsn, j.geboortedatum, t.categorie,
	       COALESCE(t.productcode, ''), t.ingangsdatum
	FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id
	JOIN traject tr ON tr.toewijzing_nummer = t.nummer
	WHERE tr.status IN (0, 1) AND t.ingangsdatum <= '2026-11-15'
	  AND (t.reden_wijziging IS NULL OR t.reden_wijziging <> '13')
	  AND tr.id = (SELECT max(id) FROM traject x WHERE x.toewijzing_nummer = t.nummer)
	ORDER BY t.nummer LIMIT 1")
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
	echo "<Client><Bsn>$BSN</Bsn><Geboortedatum><ijw:Datum>$GEB</ijw:Datum></Geboortedatum><Geslacht>1</Geslacht>"
	echo "<Naam><ijw:Geslachtsnaam><ijw:Achternaam>Test</ijw:Achternaam></ijw:Geslachtsnaam></Naam>"
}
product() {
	printf '<Product><ijw:Categorie>%s</ijw:Categorie>%s</Product>' "$CAT" \
		"${CODE:+<ijw:Code>$CODE</ijw:Code>}"
}
if [ -z "$NR" ]; then
	not_ok mc_ijw_kies "geen wachtend traject met een toewijzing in de demo"
else
	{
		kop 305 438 MC1 "$AGB" "$GEM"
		client
		echo "<StartProducten><StartProduct><ToewijzingNummer>$NR</ToewijzingNummer>$(product)"
		echo "<ToewijzingIngangsdatum>$INGANG</ToewijzingIngangsdatum><Begindatum>2026-11-18</Begindatum>"
		echo "<StatusAanlevering>1</StatusAanlevering></StartProduct></StartProducten></Client></Bericht>"
	} >"$T/start.xml"
	expect mc_ijw_start 0 "JW305 verwerkt" -- \
		"$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/start.xml"
	expect mc_ijw_start_controleer 0 "kloppen" -- "$J" cijfers controleer --db "$DB"
	{
		kop 307 440 MC2 "$AGB" "$GEM"
		client
		echo "<StopProducten><StopProduct><ToewijzingNummer>$NR</ToewijzingNummer>$(product)"
		echo "<ToewijzingIngangsdatum>$INGANG</ToewijzingIngangsdatum><Begindatum>2026-11-18</Begindatum>"
		echo "<RedenBeeindiging>31</RedenBeeindiging><Einddatum>2026-11-22</Einddatum>"
		echo "<StatusAanlevering>1</StatusAanlevering></StopProduct></StopProducten></Client></Bericht>"
	} >"$T/stop.xml"
	expect mc_ijw_stop 0 "JW307 verwerkt" -- \
		"$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/stop.xml"
	expect mc_ijw_stop_controleer 0 "kloppen" -- "$J" cijfers controleer --db "$DB"
fi

# A JW323 on a toewijzing with a contract tariff. The demo's declaraties
# of its aanbieder at its gemeente from September on are removed first,
# by SQL and so past the aggregates (hence the rebuild), so that
# September is the next DeclaratiePeriode.
IFS='|' read -r DNR DAGB DGEM DBSN DCAT DCODE DEENH DTARIEF < <(sql "$DB" "
	SELECT t.nummer, t.agb, t.gemeente, j.bsn, t.categorie, t.productcode, t.eenheid, ta.bedrag
	FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id
	JOIN contract c ON c.agb = t.agb JOIN tarief ta ON ta.contract_id = c.id
	 AND ta.productcode = t.productcode AND ta.jaar = 2026 AND ta.eenheid = t.eenheid
	WHERE t.ingangsdatum <= '2026-09-01' AND (t.einddatum IS NULL OR t.einddatum >= '2026-10-31')
	  AND t.volume > 0 AND t.frequentie = '4'
	  AND (t.reden_wijziging IS NULL OR t.reden_wijziging <> '13')
	ORDER BY t.nummer LIMIT 1")
# Approved eurocents of September 2026 for the region (measure 19,
# goedgekeurd: steer/maandcijfers.h).
goedgekeurd_sep() {
	sql "$DB" "SELECT COALESCE(SUM(waarde), 0) FROM maandcijfer WHERE maat = 19
		AND periode = 202609 AND gemeente = '*' AND segment = -1 AND agb = '*' AND verwijzer = '*'"
}
if [ -z "$DNR" ]; then
	not_ok mc_ijw_declaratie_kies "geen toewijzing met een contracttarief in de demo"
else
	sql "$DB" "DELETE FROM prestatie WHERE declaratie_id IN (SELECT id FROM declaratie
		WHERE agb = '$DAGB' AND gemeente = '$DGEM' AND periode_begin >= '2026-09-01');
		DELETE FROM declaratie WHERE agb = '$DAGB' AND gemeente = '$DGEM' AND periode_begin >= '2026-09-01'"
	expect mc_ijw_herbouw 0 "opgebouwd" -- "$J" cijfers herbouw --db "$DB" --tot-jaar 2027
	voor=$(goedgekeurd_sep)
	{
		kop 323 490 MCD1 "$DAGB" "$DGEM"
		echo "<Declaratie><DeclaratieNummer>MCDEC1</DeclaratieNummer>"
		echo "<DeclaratiePeriode><ijw:Begindatum>2026-09-01</ijw:Begindatum><ijw:Einddatum>2026-09-30</ijw:Einddatum></DeclaratiePeriode>"
		echo "<DeclaratieDagtekening>2026-11-20</DeclaratieDagtekening>"
		echo "<TotaalIngediendBedrag><ijw:TotaalBedrag>$DTARIEF</ijw:TotaalBedrag><ijw:DebetCredit>D</ijw:DebetCredit></TotaalIngediendBedrag>"
		echo "<Clienten><Client><Bsn>$DBSN</Bsn><Prestaties>"
		echo "<Prestatie><ProductReferentie><ijw:ReferentieNummer>MCR1</ijw:ReferentieNummer></ProductReferentie>"
		echo "<ToewijzingNummer>$DNR</ToewijzingNummer><ProductCategorie>$DCAT</ProductCategorie><ProductCode>$DCODE</ProductCode>"
		echo "<ProductPeriode><ijw:Begindatum>2026-09-01</ijw:Begindatum><ijw:Einddatum>2026-09-30</ijw:Einddatum></ProductPeriode>"
		echo "<GeleverdVolume>1</GeleverdVolume><Eenheid>$DEENH</Eenheid><ProductTarief>$DTARIEF</ProductTarief>"
		echo "<IngediendBedrag><ijw:Bedrag>$DTARIEF</ijw:Bedrag><ijw:DebetCredit>D</ijw:DebetCredit></IngediendBedrag></Prestatie>"
		echo "</Prestaties></Client></Clienten></Declaratie></Bericht>"
	} >"$T/decl.xml"
	expect mc_ijw_declaratie 0 "JW323" -- \
		"$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T/decl.xml"
	gelijk mc_ijw_declaratie_bedrag "$(goedgekeurd_sep)" "$((voor + DTARIEF))"
	expect mc_ijw_declaratie_controleer 0 "kloppen" -- "$J" cijfers controleer --db "$DB"
fi
