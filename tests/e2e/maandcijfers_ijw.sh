#!/usr/bin/env bash
# End-to-end tests of the monthly aggregates kept by the iJw chain
# (src/store/maandcijfers_delta.c on the JW323 path, the per-youth hooks
# of JW301/305/307/315): after messages come in, `cijfers controleer`
# finds the stored aggregates equal to a recomputation.
#  1. `demo --via-ijw` (SQLite): the aggregates are built before the region's
#     history is sent through the pipeline message by message (every
#     month's JW323s, January included, starts, stops, allocations).
#  2. `ijw import` of one reeks: a month of JW323s (one per declaratie of
#     the demo's latest month, removed from the database first) with a
#     JW305 start between them, and the 323s of that month again later
#     (TR056: answered, not applied twice).
# Runs once per backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }

VANDAAG=2026-11-25

# 1. The whole chain, message by message. On SQLite only: the same demo
# takes minutes on the PostgreSQL test cluster (a transaction per
# message), and part 2 runs the same code there.
if only_sqlite; then
	V=$(nieuwe_db keten)
	expect mci_demo_via_ijw 0 "regio gemaakt" -- \
		"$J" demo --db "$V" --seed 7 --scale 0.02 --until "$VANDAAG" --via-ijw
	expect mci_keten_controleer 0 "kloppen" -- "$J" cijfers controleer --db "$V"
fi

# 2. One reeks of a month of JW323s with a JW305 among them.
DB=$(nieuwe_db reeks)
expect mci_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until "$VANDAAG"
MAAND=$(sql "$DB" "SELECT max(periode_begin) FROM declaratie")
# One Prestatie per line, grouped by declaratie and client (as bench/ijw.sh).
sql "$DB" "SELECT d.nummer, d.agb, d.gemeente, d.periode_begin, d.periode_eind, d.dagtekening,
	j.bsn, p.referentie, p.toewijzing_nummer, p.categorie, COALESCE(p.productcode, ''),
	p.periode_begin, p.periode_eind, p.volume, p.eenheid, p.tarief, p.bedrag
	FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id
	JOIN jeugdige j ON j.id = p.jeugdige_id
	WHERE d.periode_begin = '$MAAND' AND p.goedgekeurd = 1
	ORDER BY d.id, j.bsn, p.id" >"$T/maand.txt"
sql "$DB" "DELETE FROM prestatie WHERE declaratie_id IN
	(SELECT id FROM declaratie WHERE periode_begin = '$MAAND');
	DELETE FROM declaratie WHERE periode_begin = '$MAAND'" >/dev/null
expect mci_herbouw 0 "opgebouwd" -- "$J" cijfers herbouw --db "$DB" --tot-jaar 2027

mkdir -p "$T/reeks"
python3 - "$T/maand.txt" "$T/reeks" <<'PY'
import sys
rijen = [r.rstrip('\n').split('|') for r in open(sys.argv[1]) if r.strip()]
def bedrag(b):
    b = int(b)
    return abs(b), 'C' if b < 0 else 'D'
decl = {}
for r in rijen:
    decl.setdefault((r[0], r[1], r[2]), []).append(r)
for i, ((nummer, agb, gem), rs) in enumerate(decl.items()):
    d = rs[0]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw323/schema" '
           'xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">',
           '<Header><BerichtCode>490</BerichtCode><BerichtVersie>3</BerichtVersie>'
           '<BerichtSubversie>2</BerichtSubversie>',
           f'<Afzender>{agb}</Afzender><Ontvanger>{gem}</Ontvanger>',
           f'<BerichtIdentificatie><ijw:Identificatie>M{i}</ijw:Identificatie>'
           f'<ijw:Dagtekening>{d[5]}</ijw:Dagtekening></BerichtIdentificatie>',
           '<XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>'
           '<ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></XsdVersie></Header>',
           f'<Declaratie><DeclaratieNummer>{nummer}</DeclaratieNummer>',
           f'<DeclaratiePeriode><ijw:Begindatum>{d[3]}</ijw:Begindatum>'
           f'<ijw:Einddatum>{d[4]}</ijw:Einddatum></DeclaratiePeriode>',
           f'<DeclaratieDagtekening>{d[5]}</DeclaratieDagtekening>']
    b, dc = bedrag(sum(int(r[16]) for r in rs))
    out.append(f'<TotaalIngediendBedrag><ijw:TotaalBedrag>{b}</ijw:TotaalBedrag>'
               f'<ijw:DebetCredit>{dc}</ijw:DebetCredit></TotaalIngediendBedrag><Clienten>')
    bsn = None
    for r in rs:
        if r[6] != bsn:
            if bsn is not None:
                out.append('</Prestaties></Client>')
            bsn = r[6]
            out.append(f'<Client><Bsn>{bsn}</Bsn><Prestaties>')
        b, dc = bedrag(r[16])
        code = f'<ProductCode>{r[10]}</ProductCode>' if r[10] else ''
        # CD087: no ProductTarief when the unit is euro's (83).
        tarief = '' if r[14] == '83' else f'<ProductTarief>{r[15]}</ProductTarief>'
        out.append(f'<Prestatie><ProductReferentie><ijw:ReferentieNummer>{r[7]}'
                   f'</ijw:ReferentieNummer></ProductReferentie>'
                   f'<ToewijzingNummer>{r[8]}</ToewijzingNummer>'
                   f'<ProductCategorie>{r[9]}</ProductCategorie>{code}'
                   f'<ProductPeriode><ijw:Begindatum>{r[11]}</ijw:Begindatum>'
                   f'<ijw:Einddatum>{r[12]}</ijw:Einddatum></ProductPeriode>'
                   f'<GeleverdVolume>{r[13]}</GeleverdVolume><Eenheid>{r[14]}</Eenheid>{tarief}'
                   f'<IngediendBedrag><ijw:Bedrag>{b}</ijw:Bedrag>'
                   f'<ijw:DebetCredit>{dc}</ijw:DebetCredit></IngediendBedrag></Prestatie>')
    out.append('</Prestaties></Client></Clienten></Declaratie></Bericht>')
    open(f'{sys.argv[2]}/{i:05d}-jw323.xml', 'w').write('\n'.join(out) + '\n')
PY
N323=$(ls "$T/reeks" | wc -l)
if [ "$N323" -ge 10 ]; then ok mci_jw323_gemaakt; else not_ok mci_jw323_gemaakt "$N323 bestanden"; fi

# A JW305 for a waiting trajectory, sorted into the middle of the 323s.
IFS='|' read -r NR AGB GEM BSN GEB CAT CODE INGANG < <(sql "$DB" "
	SELECT t.nummer, t.agb, t.gemeente, j.bsn, j.geboortedatum, t.categorie,
	       COALESCE(t.productcode, ''), t.ingangsdatum
	FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id
	JOIN traject tr ON tr.toewijzing_nummer = t.nummer
	WHERE tr.status IN (0, 1) AND t.ingangsdatum <= '2026-11-15'
	  AND (t.reden_wijziging IS NULL OR t.reden_wijziging <> '13')
	  AND tr.id = (SELECT max(id) FROM traject x WHERE x.toewijzing_nummer = t.nummer)
	ORDER BY t.nummer LIMIT 1")
cat >"$T/reeks/$(printf '%05d' $((N323 / 2)))-jw305.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw305/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
<Header><BerichtCode>438</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>
<Afzender>$AGB</Afzender><Ontvanger>$GEM</Ontvanger>
<BerichtIdentificatie><ijw:Identificatie>S1</ijw:Identificatie><ijw:Dagtekening>2026-11-24</ijw:Dagtekening></BerichtIdentificatie>
<XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></XsdVersie></Header>
<Client><Bsn>$BSN</Bsn><Geboortedatum><ijw:Datum>$GEB</ijw:Datum></Geboortedatum><Geslacht>1</Geslacht>
<Naam><ijw:Geslachtsnaam><ijw:Achternaam>Test</ijw:Achternaam></ijw:Geslachtsnaam></Naam>
<StartProducten><StartProduct><ToewijzingNummer>$NR</ToewijzingNummer><Product><ijw:Categorie>$CAT</ijw:Categorie>${CODE:+<ijw:Code>$CODE</ijw:Code>}</Product>
<ToewijzingIngangsdatum>$INGANG</ToewijzingIngangsdatum><Begindatum>2026-11-18</Begindatum>
<StatusAanlevering>1</StatusAanlevering></StartProduct></StartProducten></Client></Bericht>
EOF

# ijw import exits 1 when a message is rejected; the JW305 and most 323s
# pass (what the demo got wrong on purpose may not).
"$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T"/reeks/*.xml >"$T/import.out" 2>&1
rc=$?
if [ "$rc" -le 1 ] && grep -q "verwerkt" "$T/import.out"; then ok mci_reeks_import
else not_ok mci_reeks_import "exit $rc: $(tail -3 "$T/import.out")"; fi
n=$(sql "$DB" "SELECT count(*) FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id
	WHERE d.periode_begin = '$MAAND' AND p.goedgekeurd = 1")
if [ "$n" -gt 0 ]; then ok mci_reeks_prestaties; else not_ok mci_reeks_prestaties "geen goedgekeurde Prestaties"; fi
s=$(sql "$DB" "SELECT status FROM traject WHERE toewijzing_nummer = $NR ORDER BY id DESC LIMIT 1")
if [ "$s" = 2 ]; then ok mci_reeks_start; else not_ok mci_reeks_start "traject status '$s', verwacht 2"; fi
expect mci_reeks_controleer 0 "kloppen" -- "$J" cijfers controleer --db "$DB"

# The same files again: answered as before, nothing applied twice.
"$J" ijw import --db "$DB" --vandaag "$VANDAAG" "$T"/reeks/*.xml >"$T/import2.out" 2>&1
rc=$?
if [ "$rc" -le 1 ]; then ok mci_herhaald_import; else not_ok mci_herhaald_import "exit $rc"; fi
expect mci_herhaald_controleer 0 "kloppen" -- "$J" cijfers controleer --db "$DB"
