#!/usr/bin/env python3
"""The code lists of iJw 3.2 as a compiled C table: src/ijw/codelijst_data.inc (included by
src/ijw/codelijst.c).

Sources (../shared/ijw, or $SHARED/ijw):
  codelijsten/Codes gebruikt in berichten.csv   every list with the Dutch meaning of each code
  xsd/basisschema.xsd                           the enumerations: which values are valid and how
                                                they are spelled (the CSV drops leading zeros:
                                                "4" there is "04" in a message)
  codelijsten/COD002VEKTIS_Berichtcode          berichtcode per message (436 = JW301 ...)
  codelijsten/CBS_Gemeentecodes.md              the CBS municipality codes (TR378, retour S300)

A CSV code and an XSD value are the same code when both are numbers of equal value, or the
strings are equal. The script stops when a list's CSV codes and XSD values do not pair up one to
one, so a new release cannot silently drop or add a code.

  scripts/ijw-codelijsten.py            write the table
  scripts/ijw-codelijsten.py --check    exit 1 if the committed table differs
"""
import csv
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('SHARED', os.path.join(ROOT, '..', 'shared'))
IJW = os.path.join(SHARED, 'ijw')
CODES_CSV = os.path.join(IJW, 'codelijsten', 'Codes gebruikt in berichten.csv')
XSD = os.path.join(IJW, 'xsd', 'basisschema.xsd')
BERICHTCODE = os.path.join(IJW, 'codelijsten', 'COD002VEKTIS_Berichtcode')
CBS = os.path.join(IJW, 'codelijsten', 'CBS_Gemeentecodes.md')
UIT = os.path.join(ROOT, 'src', 'ijw', 'codelijst_data.inc')

# CSV list code -> XSD simple type with its enumeration. The enum names in codelijst.h are
# CODELIJST_<list code>.
XSD_TYPE = {
    'COD032': 'LDT_LandCode',
    'COD043': 'LDT_DebetCredit',
    'COD046': 'LDT_Geslacht',
    'COD170': 'LDT_DatumGebruik',
    'COD260': 'LDT_JaNee',
    'COD327': 'LDT_TypeVerwijzer',
    'COD467': 'LDT_StatusAanlevering',
    'COD472': 'LDT_SoortRelatie',
    'COD700': 'LDT_NaamGebruik',
    'COD747': 'LDT_Communicatievorm',
    'COD757': 'LDT_AdresSoort',
    'JZ002': 'LDT_RedenWijziging',
    'JZ020': 'LDT_ProductCategorie',
    'JZ588': 'LDT_RedenBeeindiging',
    'NUM061': 'LDT_AanduidingWoonadres',
    'WJ001': 'LDT_RetourCode',
    'WJ003': 'LDT_WettelijkeVertegenwoordiging',
    'WJ232': 'LDT_JuridischeStatus',
    'WJ756': 'LDT_Eenheid',
    'WJ758': 'LDT_RedenVerzoek',
    'WJ759': 'LDT_RedenAfwijzingVerzoek',
    'WJ760': 'LDT_VerzoekAntwoord',
    'WMO757': 'LDT_Frequentie',
}
XS = '{http://www.w3.org/2001/XMLSchema}'


def xsd_enumeraties():
    uit = {}
    for st in ET.parse(XSD).getroot().iter(XS + 'simpleType'):
        waarden = [e.get('value') for e in st.iter(XS + 'enumeration')]
        if waarden:
            uit[st.get('name')] = waarden
    return uit


def zelfde(csv_code, xsd_waarde):
    if csv_code.isdigit() and xsd_waarde.isdigit():
        return int(csv_code) == int(xsd_waarde)
    return csv_code == xsd_waarde


def schoon(tekst):
    return ' '.join(tekst.split())


def lijsten_uit_csv():
    enums = xsd_enumeraties()
    per_lijst = {}
    with open(CODES_CSV, encoding='utf-8-sig', newline='') as f:
        for r in csv.DictReader(f):
            lijst, _, titel = r['Codelijst'].partition(':')
            lijst, titel = lijst.strip(), titel.strip()
            code = r['Code'].strip()
            if code == r['Codelijst'].strip():
                continue  # the heading row of each list
            if r['Expiratiedatum'].strip():
                sys.exit(f'{lijst} {code}: verlopen code; de tabel kent geen expiratiedatum')
            per_lijst.setdefault((lijst, titel), []).append((code, schoon(r['Documentatie'])))
    lijsten = []
    for (lijst, titel), codes in per_lijst.items():
        if lijst not in XSD_TYPE:
            sys.exit(f'{lijst}: geen XSD-type bekend; vul XSD_TYPE aan')
        waarden = enums[XSD_TYPE[lijst]]
        paren = []
        for w in waarden:
            match = [c for c in codes if zelfde(c[0], w)]
            if len(match) != 1:
                sys.exit(f'{lijst}: XSD-waarde {w!r} heeft {len(match)} codes in de CSV')
            paren.append((w, match[0][1]))
        if len(codes) != len(waarden):
            extra = [c for c, _ in codes if not any(zelfde(c, w) for w in waarden)]
            sys.exit(f'{lijst}: CSV-codes zonder XSD-waarde: {extra}')
        lijsten.append((lijst, titel, XSD_TYPE[lijst], paren))
    return lijsten


def markdown_tabel(pad, kolommen):
    """Rows of the Markdown table whose first cell matches the pattern of kolommen[0]."""
    rijen = []
    for regel in open(pad, encoding='utf-8'):
        cellen = [c.strip() for c in regel.strip().strip('|').split('|')]
        if len(cellen) >= len(kolommen) and re.fullmatch(kolommen[0], cellen[0]):
            rijen.append(cellen)
    return rijen


def berichtcodes():
    rijen = markdown_tabel(BERICHTCODE, [r'JW3[0-9]{2}', r'[0-9]{3}'])
    if len(rijen) != 14:
        sys.exit(f'{BERICHTCODE}: 14 berichtcodes verwacht, {len(rijen)} gevonden')
    return ('COD002', 'Berichtcode', 'LDT_BerichtCode', [(r[1], r[0]) for r in rijen])


def gemeenten():
    rijen = markdown_tabel(CBS, [r'[0-9]{4}', '.+'])
    m = re.search(r'Aantal gemeenten\s*\|\s*([0-9]+)', open(CBS, encoding='utf-8').read())
    if not m or int(m.group(1)) != len(rijen):
        sys.exit(f'{CBS}: aantal gemeenten klopt niet met de tabel ({len(rijen)})')
    return ('CBS', 'Gemeentecode (CBS, indeling 1 januari 2026)', 'LDT_Gemeente',
            [(r[0], r[1]) for r in rijen])


def c_tekst(s):
    # '?' escaped: C17 still has trigraphs.
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('?', '\\?') + '"'


def tekst():
    lijsten = lijsten_uit_csv() + [berichtcodes(), gemeenten()]
    lijsten.sort(key=lambda l: l[0])
    uit = ['/* Generated by scripts/ijw-codelijsten.py from shared/ijw (Codes gebruikt in',
           ' * berichten.csv, xsd/basisschema.xsd, COD002VEKTIS_Berichtcode,',
           ' * CBS_Gemeentecodes.md); do not edit. Values spelled as the XSD spells them,',
           ' * each list sorted by value for bsearch. */', '']
    for lijst, _, _, paren in lijsten:
        paren = sorted(paren)
        if len({w for w, _ in paren}) != len(paren):
            sys.exit(f'{lijst}: dubbele waarden')
        uit.append(f'static const struct codelijst_waarde waarden_{lijst}[] = {{')
        for w, oms in paren:
            uit.append(f'\t{{ {c_tekst(w)}, {c_tekst(oms)} }},')
        uit.append('};')
        uit.append('')
    uit.append('static const struct lijst lijsten[] = {')
    for lijst, titel, xsd_type, paren in lijsten:
        uit.append(f'\t[CODELIJST_{lijst}] = {{ {c_tekst(lijst)}, {c_tekst(titel)}, '
                   f'{c_tekst(xsd_type)},')
        uit.append(f'\t\twaarden_{lijst}, {len(paren)} }},')
    uit.append('};')
    return '\n'.join(uit) + '\n'


def main():
    check = sys.argv[1:] == ['--check']
    if sys.argv[1:] and not check:
        sys.exit(__doc__)
    nieuw = tekst()
    oud = open(UIT, encoding='utf-8').read() if os.path.exists(UIT) else None
    if check:
        if oud != nieuw:
            print('src/ijw/codelijst_data.inc is niet actueel: draai scripts/ijw-codelijsten.py',
                  file=sys.stderr)
            sys.exit(1)
    elif oud != nieuw:
        with open(UIT, 'w', encoding='utf-8') as f:
            f.write(nieuw)


if __name__ == '__main__':
    main()
