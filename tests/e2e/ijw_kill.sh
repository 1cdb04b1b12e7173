#!/usr/bin/env bash
# A crash in the middle of an iJw batch import (kill -9) leaves a
# consistent record, and sending the whole batch again completes it
# without applying anything twice (ijw/verwerk.c: each message all or
# nothing, a transaction per reeks of --reeks 10 files here, so that the
# kill falls after some reeksen are in; TR056: a known message gets its
# stored answer). Then: a message on which the database fails (a trigger
# this test adds) is left out of its reeks, and the rest lands.
#
# The messages are JW305 starts for waiting trajecten of a small demo
# region (the template of ijw_verwerk.sh). Consistent means: every message
# in the inbox has exactly its effect (a JW305 accepted: its traject
# started on the Begindatum; rejected: untouched), and no traject started
# without its message in the inbox. Runs once per backend.
. "$(dirname "$0")/lib/common.sh"

VANDAAG=2026-11-25
BEGIN=2026-11-18
N=120
DB=$(nieuwe_db kill)
expect kill_demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until "$VANDAAG"

sql "$DB" "
	SELECT t.nummer, t.agb, t.gemeente, j.bsn, j.geboortedatum, t.categorie,
	       COALESCE(t.productcode, ''), t.ingangsdatum, tr.id
	FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id
	JOIN traject tr ON tr.toewijzing_nummer = t.nummer
	WHERE tr.status IN (0, 1) AND t.ingangsdatum <= '2026-11-15'
	  AND (t.reden_wijziging IS NULL OR t.reden_wijziging <> '13')
	  AND tr.id = (SELECT max(id) FROM traject x WHERE x.toewijzing_nummer = t.nummer)
	ORDER BY t.nummer LIMIT $N" >"$T/keuze"
n=$(wc -l <"$T/keuze")
if [ "$n" -lt 40 ]; then
	not_ok kill_keuze "$n wachtende trajecten in de demo, verwacht er minstens 40"
	exit 0
fi
ok kill_keuze

mkdir -p "$T/in"
i=0
while IFS='|' read -r NR AGB GEM BSN GEB CAT CODE INGANG TRAJECT; do
	i=$((i + 1))
	printf '%s\n' "$TRAJECT" >>"$T/trajecten"
	cat >"$T/in/$(printf 'k%04d' "$i").xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw305/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
<Header><BerichtCode>438</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>
<Afzender>$AGB</Afzender><Ontvanger>$GEM</Ontvanger>
<BerichtIdentificatie><ijw:Identificatie>K$i</ijw:Identificatie><ijw:Dagtekening>2026-11-24</ijw:Dagtekening></BerichtIdentificatie>
<XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></XsdVersie></Header>
<Client><Bsn>$BSN</Bsn><Geboortedatum><ijw:Datum>$GEB</ijw:Datum></Geboortedatum><Geslacht>1</Geslacht>
<Naam><ijw:Geslachtsnaam><ijw:Achternaam>Test</ijw:Achternaam></ijw:Geslachtsnaam></Naam>
<StartProducten><StartProduct><ToewijzingNummer>$NR</ToewijzingNummer><Product><ijw:Categorie>$CAT</ijw:Categorie>${CODE:+<ijw:Code>$CODE</ijw:Code>}</Product>
<ToewijzingIngangsdatum>$INGANG</ToewijzingIngangsdatum><Begindatum>$BEGIN</Begindatum>
<StatusAanlevering>1</StatusAanlevering></StartProduct></StartProducten></Client></Bericht>
XML
done <"$T/keuze"
lijst=$(paste -sd, "$T/trajecten")

# consistent: every accepted JW305 started its traject, nothing else started.
consistent() {
	local verwerkt gestart
	verwerkt=$(sql "$DB" "SELECT count(*) FROM ijw_bericht WHERE soort = 'JW305' AND status = 'verwerkt'")
	gestart=$(sql "$DB" "SELECT count(*) FROM traject WHERE id IN ($lijst) AND status = 2 AND begindatum = '$BEGIN'")
	[ "$verwerkt" = "$gestart" ] && echo "$verwerkt"
}

# Import in the background; kill -9 once some messages are in.
"$J" ijw import --db "$DB" --vandaag "$VANDAAG" --reeks 10 "$T"/in/*.xml >"$T/eerste" 2>&1 &
pid=$!
for _ in $(seq 1 200); do
	k=$(sql "$DB" "SELECT count(*) FROM ijw_bericht" 2>/dev/null || echo 0)
	[ "${k:-0}" -ge 10 ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.05
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
binnen=$(sql "$DB" "SELECT count(*) FROM ijw_bericht")
if [ "$binnen" -lt "$n" ]; then ok "kill_midden # $binnen van $n berichten binnen bij kill -9"
else ok "kill_midden # SKIP de import was al klaar voor de kill ($binnen van $n)"; fi

if v=$(consistent); then ok "kill_consistent # $v geaccepteerd en gestart"
else not_ok kill_consistent "geaccepteerde JW305 en gestarte trajecten wijken af na kill -9"; fi
if [ "$(sql "$DB" "SELECT count(*) FROM ijw_bericht WHERE soort = 'JW305' AND retour_xml IS NULL AND status <> 'afgekeurd_xsd'")" = 0 ]; then
	ok kill_geen_half_bericht
else
	not_ok kill_geen_half_bericht "een bericht in de inbox zonder retourbericht"
fi

# The whole batch again: what was in gets its stored answer, the rest is
# processed; every message is in the inbox once, every effect once.
run "$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T"/in/*.xml
herhaald=$(grep -c ' herhaald' <<<"$out")
if [ "$herhaald" = "$binnen" ]; then ok kill_herhaald_bekend
else not_ok kill_herhaald_bekend "$herhaald als herhaald beantwoord, verwacht $binnen"; fi
if [ "$(sql "$DB" "SELECT count(*) FROM ijw_bericht WHERE soort = 'JW305'")" = "$n" ] &&
	[ "$(sql "$DB" "SELECT count(DISTINCT identificatie) FROM ijw_bericht WHERE soort = 'JW305'")" = "$n" ]; then
	ok kill_elk_bericht_eenmaal
else
	not_ok kill_elk_bericht_eenmaal "de inbox heeft niet precies $n JW305"
fi
if v=$(consistent) && [ "$v" -gt 0 ]; then ok "kill_hervat_consistent # $v gestart"
else not_ok kill_hervat_consistent "na het opnieuw sturen wijken berichten en trajecten af"; fi
run "$J" audit verify --db "$DB"
if [ "$rc" -eq 0 ]; then ok kill_audit_verify; else not_ok kill_audit_verify; fi

# A message the database refuses: a trigger fails the start of the 10th
# traject. Its file gets the database's error, it is not in the inbox and
# its traject is untouched; the other messages of its reeks are in.
DB=$(nieuwe_db kill_weiger)
expect weiger_demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until "$VANDAAG"
tien=$(sed -n 10p "$T/trajecten")
if [ "$BACKEND" = sqlite ]; then
	sql "$DB" "CREATE TRIGGER test_weiger BEFORE UPDATE ON traject WHEN OLD.id = $tien
		BEGIN SELECT RAISE(ABORT, 'test: deze start weigert de database'); END"
else
	sql "$DB" "CREATE FUNCTION test_weiger() RETURNS trigger LANGUAGE plpgsql AS \$\$
		BEGIN RAISE EXCEPTION 'test: deze start weigert de database'; END \$\$;
		CREATE TRIGGER test_weiger BEFORE UPDATE ON traject FOR EACH ROW
		WHEN (OLD.id = $tien) EXECUTE FUNCTION test_weiger()"
fi
run "$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T"/in/*.xml
if [ "$rc" -eq 1 ] && grep -q "k0010.xml: .*test: deze start weigert de database" <<<"$out"; then
	ok weiger_melding
else
	not_ok weiger_melding "afsluitcode $rc, verwacht 1 met de fout van k0010.xml"
fi
if [ "$(sql "$DB" "SELECT count(*) FROM ijw_bericht WHERE soort = 'JW305'")" = "$((n - 1))" ] &&
	[ "$(sql "$DB" "SELECT count(*) FROM ijw_bericht WHERE identificatie = 'K10'")" = 0 ]; then
	ok weiger_rest_binnen
else
	not_ok weiger_rest_binnen "de inbox heeft niet de $((n - 1)) andere JW305"
fi
if [ "$(sql "$DB" "SELECT status FROM traject WHERE id = $tien")" != 2 ] && v=$(consistent) &&
	[ "$v" -gt 0 ]; then
	ok "weiger_consistent # $v gestart"
else
	not_ok weiger_consistent "het geweigerde traject is gestart of berichten en trajecten wijken af"
fi
