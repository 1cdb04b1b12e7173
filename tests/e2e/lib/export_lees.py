"""Reads the downloads of the indicator pages (tests/e2e/export.sh).

    export_lees.py BESTAND.xlsx|BESTAND.csv   prints the rows as JSON

A cell becomes a number (int when whole), an ISO date (XLSX: a number
with a date format; CSV: JJJJ-MM-DD text) or text. XLSX is read with
zipfile and ElementTree only, so nothing of jeugdregie's own code is
trusted."""
import csv, datetime, json, re, sys, zipfile
import xml.etree.ElementTree as ET

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DATUM_FORMATEN = {14, 15, 16, 17, 22}


def getal(s):
    v = float(s)
    return int(v) if v == int(v) else v


def lees_xlsx(pad):
    z = zipfile.ZipFile(pad)
    assert z.testzip() is None
    ss = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si"):
            ss.append("".join(t.text or "" for t in si.iter(M + "t")))
    st = ET.fromstring(z.read("xl/styles.xml"))
    xfs = st.find(M + "cellXfs").findall(M + "xf")
    eigen = {int(f.get("numFmtId")): f.get("formatCode")
             for f in st.iter(M + "numFmt")}
    rijen = []
    for row in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(M + "row"):
        r = int(row.get("r"))
        while len(rijen) < r:
            rijen.append([])
        cellen = {}
        for c in row.iter(M + "c"):
            ref = re.match(r"([A-Z]+)", c.get("r")).group(1)
            k = 0
            for ch in ref:
                k = k * 26 + ord(ch) - 64
            v = c.find(M + "v")
            t = c.get("t", "n")
            nf = int(xfs[int(c.get("s", "0"))].get("numFmtId", "0"))
            if t == "s":
                w = ss[int(v.text)]
            elif v is None:
                w = ""
            elif nf in DATUM_FORMATEN:
                w = (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(v.text)))).isoformat()
            else:
                w = getal(v.text)
                if nf in eigen and "€" in eigen[nf]:
                    w = round(float(v.text), 2)
            cellen[k - 1] = w
        n = max(cellen) + 1 if cellen else 0
        rijen[r - 1] = [cellen.get(i, "") for i in range(n)]
    return rijen


def lees_csv(pad):
    ruw = open(pad, "rb").read()
    assert ruw.startswith(b"\xef\xbb\xbf"), "geen BOM"
    rijen = []
    for rij in csv.reader(ruw.decode("utf-8-sig").splitlines(), delimiter=";"):
        uit = []
        for w in rij:
            if re.fullmatch(r"-?\d+", w):
                uit.append(int(w))
            elif re.fullmatch(r"-?\d+,\d+", w):
                uit.append(getal(w.replace(",", ".")))
            else:
                uit.append(w)
        rijen.append(uit)
    return rijen


def lees(pad):
    return lees_xlsx(pad) if pad.endswith(".xlsx") else lees_csv(pad)


if __name__ == "__main__":
    json.dump(lees(sys.argv[1]), sys.stdout, ensure_ascii=False)
