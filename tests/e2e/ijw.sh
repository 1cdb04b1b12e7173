#!/usr/bin/env bash
# End-to-end tests of 'jeugdregie ijw validate' on the example messages
# of shared/ijw/voorbeelden (../shared from the repository root, or
# $JEUGDREGIE_SHARED): output lines and exit codes 0 (all valid),
# 1 (a finding), 2 (wrong command line, missing file). No database: the
# same under both backends.
set -u

. "$(dirname "$0")/lib/common.sh"

V=${JEUGDREGIE_SHARED:-$REPO/../shared}/ijw/voorbeelden
if [ ! -f "$V/JW301.xml" ]; then
	echo "not ok voorbeelden: $V/JW301.xml ontbreekt (shared staat in ../shared van de repository)"
	exit 1
fi
# XSD-valid and without a finding of the in-message rules (control level 2).
GELDIG=(301 302 305 306 307 308 316 319 320 325)

# ---- valid examples: one line each, exit 0 ---------------------------------

for n in "${GELDIG[@]}"; do
	expect "geldig_jw$n" 0 "$V/JW$n.xml: geldig (JW$n)" -- "$J" ijw validate "$V/JW$n.xml"
done

bestanden=()
for n in "${GELDIG[@]}"; do
	bestanden+=("$V/JW$n.xml")
done
run "$J" ijw validate "${bestanden[@]}"
if [ "$rc" -eq 0 ] && [ "$(grep -c ': geldig (JW' <<<"$out")" -eq 10 ] &&
	[ "$(wc -l <<<"$out")" -eq 10 ]; then
	ok alle_geldige_samen
else
	not_ok alle_geldige_samen "exit $rc, verwacht 0 en 10 regels 'geldig'"
fi

# ---- the two examples that pass the XSD but break an in-message rule --------

expect jw317_cs003 1 \
	"CS003 $V/JW317.xml /Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/Einddatum: Einddatum 2024-02-28 ligt voor" \
	-- "$J" ijw validate "$V/JW317.xml"
check_een_regel() { [ "$(wc -l <<<"$out")" -eq 1 ]; }
if check_een_regel; then ok jw317_alleen_cs003; else not_ok jw317_alleen_cs003 "meer dan een bevinding"; fi
expect jw323_tr101 1 \
	"TR101 $V/JW323.xml /Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]: " \
	-- "$J" ijw validate "$V/JW323.xml"
if check_een_regel; then ok jw323_alleen_tr101; else not_ok jw323_alleen_tr101 "meer dan een bevinding"; fi

# ---- the two examples that break the XSD: a finding per line, exit 1 --------

expect jw315_datum 1 \
	"XSD $V/JW315.xml:44 /Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum: XSD-fout: ongeldige waarde" \
	"XSD $V/JW315.xml:66 /Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/ToewijzingEinddatum" \
	"2027-06-31" -- "$J" ijw validate "$V/JW315.xml"
expect jw318_retourcode 1 \
	"XSD $V/JW318.xml:33 /Bericht/Client/Verzoek/RetourCode: XSD-fout: element op deze plaats niet toegestaan" \
	-- "$J" ijw validate "$V/JW318.xml"

# All 14 together: 10 valid lines, 3 XSD findings, CS003 and TR101, exit 1.
run "$J" ijw validate "$V"/*.xml
if [ "$rc" -eq 1 ] && [ "$(grep -c ': geldig (JW' <<<"$out")" -eq 10 ] &&
	[ "$(grep -c '^XSD ' <<<"$out")" -eq 3 ] && [ "$(grep -c '^CS003 ' <<<"$out")" -eq 1 ] &&
	[ "$(grep -c '^TR101 ' <<<"$out")" -eq 1 ] && [ "$(wc -l <<<"$out")" -eq 15 ]; then
	ok alle_voorbeelden
else
	not_ok alle_voorbeelden "exit $rc, verwacht 1: 10 geldig, 3 XSD, CS003, TR101"
fi

# ---- hostile files: refused with a finding, exit 1 ------------------------------

cat >"$T/bom.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE Bericht [ <!ENTITY a "aaaaaaaaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw301/schema">&b;</Bericht>
EOF
expect doctype 1 "XSD $T/bom.xml:2: DOCTYPE 'Bericht' niet toegestaan" -- "$J" ijw validate "$T/bom.xml"

cat >"$T/xxe.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE Bericht [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw301/schema">&x;</Bericht>
EOF
run "$J" ijw validate "$T/xxe.xml"
if [ "$rc" -eq 1 ] && grep -qF "DOCTYPE" <<<"$out" && ! grep -q "root:" <<<"$out"; then
	ok externe_entiteit
else
	not_ok externe_entiteit "exit $rc, verwacht 1, DOCTYPE geweigerd, niets uit /etc/passwd"
fi

sed 's#3_2/jw301#3_1/jw301#g' "$V/JW301.xml" >"$T/ns.xml"
expect namespace 1 "XSD $T/ns.xml:2 /Bericht: namespace 'http://www.istandaarden.nl/ijw/3_1/jw301/schema' is geen iJw 3.2-bericht" \
	-- "$J" ijw validate "$T/ns.xml"
: >"$T/leeg.xml"
expect leeg 1 "XSD $T/leeg.xml: het bestand is leeg" -- "$J" ijw validate "$T/leeg.xml"
printf '\xef\xbb\xbf' >"$T/bom8.xml"
cat "$V/JW305.xml" >>"$T/bom8.xml"
expect bom 1 "OP192 $T/bom8.xml:1: het bestand begint met een byte-order mark" -- "$J" ijw validate "$T/bom8.xml"
# One byte over 25 MB (26214400 bytes): OP179, without parsing.
head -c 26214401 /dev/zero >"$T/groot.xml"
expect te_groot 1 "OP179 $T/groot.xml: het bestand is groter dan 25 MB" -- "$J" ijw validate "$T/groot.xml"
rm -f "$T/groot.xml"

# ---- wrong command lines and missing files: exit 2 ----------------------------

expect ontbrekend_bestand 2 "bestaat-niet.xml: bestand bestaat niet" -- "$J" ijw validate bestaat-niet.xml
# A missing file among valid ones: the others are still checked, exit 2.
expect ontbrekend_en_geldig 2 "$V/JW301.xml: geldig (JW301)" "bestaat-niet.xml: bestand bestaat niet" \
	-- "$J" ijw validate bestaat-niet.xml "$V/JW301.xml"
expect map 2 "is een map" -- "$J" ijw validate "$V"
expect geen_bestanden 2 "geef een of meer berichtbestanden" "jeugdregie help" -- "$J" ijw validate
expect onbekende_optie 2 "onbekende optie '--snel'" -- "$J" ijw validate --snel "$V/JW301.xml"
expect geen_deelopdracht 2 "geef een deelopdracht" -- "$J" ijw
expect onbekende_deelopdracht 2 "onbekende deelopdracht 'importeer'" -- "$J" ijw importeer x
expect hulp 0 "jeugdregie ijw validate BESTAND" "OP179" -- "$J" help ijw
expect hulp_optie 0 "CODE BESTAND:REGEL PAD: MELDING" -- "$J" ijw validate --help
expect help_noemt_ijw 0 "  ijw " -- "$J" help
