#!/usr/bin/env python3
"""The rule catalogue of iJw 3.2: data/ijw/regels.tsv and docs/ijw-conformance.md.

Reads the official rule export (../shared/ijw/regels/Regels iStandaarden iJw versie 3.2.csv)
and the per-element export (Regels per data-element in een bericht.csv, for the messages a rule
applies to), classifies every rule by the side that must act on it, and writes

  data/ijw/regels.tsv        one row per rule, embedded in the program (src/ijw/regel.c)
  docs/ijw-conformance.md    the hand-written introduction (everything above the marker line,
                             kept as it is) followed by a generated table with each rule's status

Hand decisions are data, not code:
  data/ijw/regels-indeling.tsv       code, kant, status, reden: overrides of the classification
                                     below; status "-" (follows from the implementation), or
                                     "n.v.t." (the rule binds the municipality but cannot apply
                                     here; reden says why)
  data/ijw/regels-geimplementeerd.tsv code, bron, richting: rules implemented; bron is the
                                     source file that implements the rule and must contain the
                                     code; richting says which messages that bron covers:
                                     ontvangst (received ones), verzending (the municipality's
                                     own) or beide; a code may appear on more than one line
                                     (one per bron)

Classification ("kant", from the municipality's point of view):
  ontvangst   the municipality checks it on messages it receives (315, 317, 305, 307, 323)
  verzending  an obligation on the municipality's own messages (301, 319, 325, its retourberichten)
  beide       both (e.g. CS002 on every Bsn, TR056 on every message)
  geen        neither: binds only the provider, or is a principle (UP)
Default rules, applied unless regels-indeling.tsv says otherwise:
  * UP (uitgangspunt): geen; principles, no testable demand on a message.
  * controleniveau "berichtformaat (xsd)": beide; the XSD validates every message both ways.
  * TR/CD/CS with a controleniveau: ontvangst when the rule applies to a message the municipality
    receives, verzending when it applies to one it sends, beide when both.
  * OP/IV (no controleniveau, no retourcode): a receiver cannot reject on them (IV032 names only
    coded rules), so on provider messages they bind the provider (geen; the enforceable part is
    the TR/CS rule the CSV says they are "uitgewerkt in"); on the municipality's messages, and on
    retourberichten, which both sides send, they are obligations on what the municipality sends.

Status in the conformance document: geïmplementeerd (listed in regels-geimplementeerd.tsv with
every richting the rule's kant needs: ontvangst, verzending, or both for kant beide), deels (a
rule for both directions listed for one richting only, whatever the bron), XSD (controleniveau
"berichtformaat (xsd)": the shipped schemas enforce it), n.v.t. (kant geen, or a rule for the
municipality that regels-indeling.tsv marks n.v.t. with the reason) or "nog niet" (with the
reason, from regels-indeling.tsv when it gives one).
A line whose richting the rule's kant does not ask for (ontvangst for a verzending rule) is an
error, so a rule cannot be counted on the wrong side.

  scripts/ijw-regels.py            write both files
  scripts/ijw-regels.py --check    exit 1 if either committed file differs from what would be written
  SHARED=/path/to/shared scripts/ijw-regels.py   another location of the shared material
"""
import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('SHARED', os.path.join(ROOT, '..', 'shared'))
REGELS_CSV = os.path.join(SHARED, 'ijw', 'regels', 'Regels iStandaarden iJw versie 3.2.csv')
ELEMENT_CSV = os.path.join(SHARED, 'ijw', 'regels', 'Regels per data-element in een bericht.csv')
INDELING = os.path.join(ROOT, 'data', 'ijw', 'regels-indeling.tsv')
GEIMPLEMENTEERD = os.path.join(ROOT, 'data', 'ijw', 'regels-geimplementeerd.tsv')
TSV = os.path.join(ROOT, 'data', 'ijw', 'regels.tsv')
DOC = os.path.join(ROOT, 'docs', 'ijw-conformance.md')
MARKER = '<!-- Vanaf hier gegenereerd door scripts/ijw-regels.py; niet met de hand bewerken. -->'

GEMEENTE_STUURT = {'JW301', 'JW319', 'JW325'}
AANBIEDER_STUURT = {'JW315', 'JW317', 'JW305', 'JW307', 'JW323'}
# Berichten in a fixed order; "retour" = the retourberichten (302/306/308/316/318/320), which the
# CSV groups as "JW Retour". src/ijw/regel.c parses exactly these names.
BERICHTEN = ['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW319', 'JW323', 'JW325', 'retour']
NIVEAU = {'': '', 'berichtformaat (xsd)': 'xsd', 'bericht inhoud (xslt)': 'xslt',
          'berichtoverstijgend': 'berichtoverstijgend', 'externe bron': 'externe_bron'}
KANTEN = ('ontvangst', 'verzending', 'beide', 'geen')
RICHTINGEN = ('ontvangst', 'verzending', 'beide')
# What each kant needs implemented before a rule counts as geïmplementeerd.
NODIG = {'ontvangst': {'ontvangst'}, 'verzending': {'verzending'},
         'beide': {'ontvangst', 'verzending'}, 'geen': set()}
CODE_RE = re.compile(r'^(CD|CS|IV|OP|RS|TR|UP)[0-9]{3}(x[0-9]+)?$')


def lees_csv(pad):
    with open(pad, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))


def lees_tsv(pad, kolommen):
    """Hand-kept TSV: '#' comments and blank lines skipped; exactly `kolommen` fields."""
    rijen = []
    if not os.path.exists(pad):
        return rijen
    with open(pad, encoding='utf-8') as f:
        for n, regel in enumerate(f, 1):
            regel = regel.rstrip('\n')
            if not regel.strip() or regel.startswith('#'):
                continue
            velden = regel.split('\t')
            if len(velden) != kolommen:
                sys.exit(f'{pad}:{n}: {kolommen} kolommen verwacht, {len(velden)} gevonden')
            rijen.append(velden)
    return rijen


def schoon(tekst):
    return ' '.join(tekst.split())


def titel(code, tekst):
    """First sentence of the rule text without the leading 'CODE:' (and without the stray
    backquote one title carries, which would break the Markdown table)."""
    tekst = schoon(tekst).replace('`', '')
    if tekst.startswith(code + ':'):
        tekst = tekst[len(code) + 1:].strip()
    m = re.search(r'\.(\s|$)', tekst)
    if m:
        tekst = tekst[:m.start() + 1]
    return tekst


def lijst(codes):
    return ', '.join(sorted(codes))


def classificeer(r, berichten, uitgewerkt):
    """(kant, reden) by the default rules in the module docstring."""
    soort = r['soort']
    aanbieder = berichten & AANBIEDER_STUURT
    gemeente = berichten & GEMEENTE_STUURT
    retour = 'retour' in berichten
    if soort == 'UP':
        return 'geen', 'uitgangspunt: beschrijft het kader, stelt geen toetsbare eis aan een bericht'
    if r['niveau'] == 'xsd':
        return 'beide', 'XSD-validatie van elk ontvangen en elk verzonden bericht'
    if soort in ('TR', 'CD', 'CS'):
        ont, verz = bool(aanbieder), bool(gemeente)
    else:  # OP, IV
        ont, verz = False, bool(gemeente) or retour
    if ont and verz:
        return 'beide', ''
    if ont:
        return 'ontvangst', ''
    if verz:
        return 'verzending', ''
    reden = 'bindt de aanbieder'
    if aanbieder:
        reden += ' bij het opstellen van ' + lijst(aanbieder)
    toetsbaar = [c for c in uitgewerkt if c[:2] in ('TR', 'CS', 'CD')]
    if toetsbaar:
        reden += '; bij ontvangst getoetst via ' + lijst(toetsbaar)
    return 'geen', reden


def catalogus():
    berichten_per_regel = {}
    for e in lees_csv(ELEMENT_CSV):
        code = e['Regelcode'].strip()
        if not code:
            continue
        b = e['Bericht'].strip()
        berichten_per_regel.setdefault(code, set()).add('retour' if b == 'JW Retour' else b)

    indeling = {}
    for code, kant, nvt, reden in lees_tsv(INDELING, 4):
        if kant not in KANTEN:
            sys.exit(f'{INDELING}: {code}: onbekende kant {kant!r}')
        if nvt not in ('-', 'n.v.t.'):
            sys.exit(f'{INDELING}: {code}: status {nvt!r}, verwacht - of n.v.t.')
        if nvt == 'n.v.t.' and not reden:
            sys.exit(f'{INDELING}: {code}: n.v.t. zonder reden')
        indeling[code] = (kant, nvt == 'n.v.t.', reden)

    regels = []
    for r in lees_csv(REGELS_CSV):
        code = r['Regelcode'].strip()
        if not code:
            continue  # the export ends with empty rows
        if not CODE_RE.match(code):
            sys.exit(f'onverwachte regelcode {code!r}')
        niveau = r['Controleniveau'].strip()
        if niveau not in NIVEAU:
            sys.exit(f'{code}: onbekend controleniveau {niveau!r}')
        berichten = berichten_per_regel.get(code, set())
        onbekend = berichten - set(BERICHTEN)
        if onbekend:
            sys.exit(f'{code}: onbekende berichten {onbekend}')
        uitgewerkt = [c.strip() for c in r['Uitgewerkt in regel'].split(',')
                      if CODE_RE.match(c.strip())]
        regel = {
            'code': code,
            'soort': code[:2],
            'retourcode': r['Retourcode'].strip(),
            'niveau': NIVEAU[niveau],
            'berichten': [b for b in BERICHTEN if b in berichten],
            'titel': titel(code, r['Titel']),
            'xsd': schoon(r['XSD restrictie']),
        }
        kant, reden = classificeer(regel, berichten, uitgewerkt)
        nvt = False
        if code in indeling:
            kant, nvt, reden = indeling.pop(code)
        regel['kant'], regel['reden'], regel['nvt'] = kant, reden, nvt
        regels.append(regel)
    if indeling:
        sys.exit(f'{INDELING}: onbekende regels {sorted(indeling)}')
    codes = [r['code'] for r in regels]
    if len(set(codes)) != len(codes):
        sys.exit('dubbele regelcodes in de export')
    regels.sort(key=lambda r: r['code'])
    return regels


def tsv_tekst(regels):
    uit = ['code\tsoort\tretourcode\tniveau\tberichten\tkant\ttitel']
    for r in regels:
        velden = [r['code'], r['soort'], r['retourcode'], r['niveau'], ','.join(r['berichten']),
                  r['kant'], r['titel']]
        assert all('\t' not in v and '\n' not in v for v in velden)
        uit.append('\t'.join(velden))
    return '\n'.join(uit) + '\n'


def geimplementeerd(regels):
    """code -> [(bron, richting)], in file order."""
    per_code = {r['code']: r for r in regels}
    klaar = {}
    for code, bron, richting in lees_tsv(GEIMPLEMENTEERD, 3):
        if code not in per_code:
            sys.exit(f'{GEIMPLEMENTEERD}: {code} staat niet in de regelcatalogus')
        if richting not in RICHTINGEN:
            sys.exit(f'{GEIMPLEMENTEERD}: {code}: onbekende richting {richting!r}')
        kant = per_code[code]['kant']
        if kant != 'geen' and not ({'ontvangst', 'verzending'} if richting == 'beide'
                                   else {richting}) & NODIG[kant]:
            sys.exit(f'{GEIMPLEMENTEERD}: {code} heeft kant {kant}, richting {richting} telt niet')
        pad = os.path.join(ROOT, bron)
        if not os.path.isfile(pad) or code not in open(pad, encoding='utf-8').read():
            sys.exit(f'{GEIMPLEMENTEERD}: {bron} bestaat niet of noemt {code} niet')
        bronnen = klaar.setdefault(code, [])
        if bron in (b for b, _ in bronnen):
            sys.exit(f'{GEIMPLEMENTEERD}: {code} staat twee keer met {bron}')
        bronnen.append((bron, richting))
    return klaar


def status(r, klaar):
    bronnen = klaar.get(r['code'], [])
    gedekt = set()
    for _, richting in bronnen:
        gedekt |= {'ontvangst', 'verzending'} if richting == 'beide' else {richting}
    nodig = NODIG[r['kant']]
    if bronnen and nodig - gedekt:
        # Implemented for one direction of a rule for both (e.g. only on
        # received messages, in intern.c or verwerk.c): say which side is missing.
        wat = {'ontvangst': 'ontvangen berichten', 'verzending': 'eigen uitgaande berichten'}
        delen = []
        for kant in ('ontvangst', 'verzending'):
            if kant in gedekt:
                delen.append(wat[kant] + ': ' + ', '.join(
                    '`' + b + '`' for b, ri in bronnen if ri in (kant, 'beide')))
            else:
                delen.append(wat[kant] + ': ' + (r['reden'] or 'nog niet'))
        return 'deels', '; '.join(delen)
    if bronnen:
        return 'geïmplementeerd', ', '.join('`' + b + '`' for b, _ in bronnen)
    if r['niveau'] == 'xsd':
        return 'XSD', ('restrictie `' + r['xsd'] + '`') if r['xsd'] else 'schema'
    if r['kant'] == 'geen' or r['nvt']:
        return 'n.v.t.', r['reden']
    return 'nog niet', r['reden']


def doc_tekst(regels, oud):
    if MARKER in oud:
        inleiding = oud[:oud.index(MARKER)]
    else:
        inleiding = oud.rstrip('\n') + '\n\n' if oud else '# iJw 3.2: conformiteit\n\n'
    klaar = geimplementeerd(regels)
    statussen = [status(r, klaar) for r in regels]

    def telling(sleutel):
        n = {}
        for s in sleutel:
            n[s] = n.get(s, 0) + 1
        return n

    uit = [MARKER, '', '## Samenvatting', '']
    uit.append(f'{len(regels)} regels in de export van iJw 3.2.')
    uit.append('')
    uit.append('| Kant | Aantal |')
    uit.append('|---|---:|')
    per_kant = telling(r['kant'] for r in regels)
    for k in KANTEN:
        uit.append(f'| {k} | {per_kant.get(k, 0)} |')
    uit.append('')
    uit.append('| Status | Aantal |')
    uit.append('|---|---:|')
    per_status = telling(s for s, _ in statussen)
    for s in ('geïmplementeerd', 'deels', 'nog niet', 'XSD', 'n.v.t.'):
        uit.append(f'| {s} | {per_status.get(s, 0)} |')
    uit.append('')
    uit.append('## Alle regels')
    uit.append('')
    uit.append('| Code | Soort | Retourcode | Niveau | Berichten | Kant | Status | Toelichting | Titel |')
    uit.append('|---|---|---|---|---|---|---|---|---|')
    for r, (s, toel) in zip(regels, statussen):
        rij = [r['code'], r['soort'], r['retourcode'], r['niveau'].replace('_', ' '),
               ', '.join(r['berichten']), r['kant'], s, toel, r['titel']]
        uit.append('| ' + ' | '.join(v.replace('|', '\\|') for v in rij) + ' |')
    return inleiding + '\n'.join(uit) + '\n'


def main():
    check = sys.argv[1:] == ['--check']
    if sys.argv[1:] and not check:
        sys.exit(__doc__)
    regels = catalogus()
    oud_doc = open(DOC, encoding='utf-8').read() if os.path.exists(DOC) else ''
    doelen = [(TSV, tsv_tekst(regels)), (DOC, doc_tekst(regels, oud_doc))]
    fout = 0
    for pad, tekst in doelen:
        oud = open(pad, encoding='utf-8').read() if os.path.exists(pad) else None
        if check:
            if oud != tekst:
                print(f'{os.path.relpath(pad, ROOT)} is niet actueel: draai scripts/ijw-regels.py',
                      file=sys.stderr)
                fout = 1
        elif oud != tekst:
            os.makedirs(os.path.dirname(pad), exist_ok=True)
            with open(pad, 'w', encoding='utf-8') as f:
                f.write(tekst)
    sys.exit(fout)


if __name__ == '__main__':
    main()
