#!/usr/bin/env python3
"""Turn the national product code list (JSON export of the Standaardproductcodelijst
Jeugdwet, shared/ijw/codelijsten/jeugdwet_jz21_productcodes.json) into data/productcodes.tsv,
the form the program embeds. Run once when the list changes; the TSV is committed."""
import json, sys
src = sys.argv[1] if len(sys.argv) > 1 else '../shared/ijw/codelijsten/jeugdwet_jz21_productcodes.json'
rows = json.load(open(src, encoding='utf-8'))['products']
out = open('data/productcodes.tsv', 'w', encoding='utf-8')
out.write('productcode\tcategorie\tomschrijving\tuitvoeringsvariant\n')
for p in rows:
    if p['productcategorie_code'] in ('-', None):
        continue  # headings in the source sheet, not products
    clean = lambda s: (s or '').replace('\t', ' ').strip()
    out.write('\t'.join([clean(p['productcode']), clean(p['productcategorie_code']),
                         clean(p['omschrijving']), clean(p['uitvoeringsvariant'])]) + '\n')
