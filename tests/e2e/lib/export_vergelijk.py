"""Checks of tests/e2e/export.sh on the downloads of the indicator pages.

    export_vergelijk.py gelijk A.xlsx B.csv        the two formats hold the same rows
    export_vergelijk.py onderdrukt BESTAND          no count 1..9, counts multiples of 5
    export_vergelijk.py pagina SOORT PAGINA.html BESTAND [TABEL]
        the download equals the page's table (SOORT: gemeenten, doelen,
        trend (TABEL = the goal id), budget, aanbieder (TABEL = 0 or 1))

Exits non-zero with a message on the first difference."""
import re, sys
from html.parser import HTMLParser

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from export_lees import lees

VERBORGEN = ("<10", "x", "–")
# Count columns that are not counts of youth: the CBS population and what a
# provider reports about its own places.
GEEN_ONDERDRUKKING = ("Jeugdigen 0-17 (aantal)", "Vrije plaatsen (aantal)",
                      "Gereserveerd voor crisis (aantal)", "Producten in de melding (aantal)")


def kaal(rij):
    # a text like "0" (a target) reads back from CSV as a number
    rij = [int(w) if isinstance(w, str) and re.fullmatch(r"\d+", w) else w for w in rij]
    while rij and rij[-1] == "":
        rij.pop()
    return rij


def nl(s):
    """A figure as the page shows it, as a number (or its hidden text)."""
    s = s.strip().replace("\xa0", " ")
    if s in VERBORGEN or s in ("geen", "geen plafond"):
        return s
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", s)
    if m:
        return "%s-%02d-%02d" % (m.group(3), int(m.group(2)), int(m.group(1)))
    m = re.search(r"\(([\d.,]+) %\)", s)     # "1 op 7 (14,3 %)"
    if m:
        s = m.group(1)
    s = re.sub(r"^1 op ", "", s)
    s = re.sub(r"^€ ?", "", s).replace(" %", "").replace(" dagen", "").replace(" ", "")
    s = s.replace(".", "").replace(",", ".")
    v = float(s)
    return int(v) if v == int(v) else v


def zelfde(pagina, export, waar):
    p = nl(pagina)
    if isinstance(p, str):
        # chart tables show any hidden value as "–"
        ok = export == p or (p == "–" and export in VERBORGEN)
    elif isinstance(export, str):
        ok = False
    elif "€" in pagina:
        ok = abs(export - p) < 1          # the page shows whole euros
    else:
        ok = abs(export - p) < 1e-6
    if not ok:
        sys.exit("%s: pagina %r, download %r" % (waar, pagina, export))


class Tabellen(HTMLParser):
    """Every <table>: its caption, class, the goal article it is in and its
    rows as cell texts; and per goal article the dd.waarde texts and the
    status."""

    def __init__(self):
        super().__init__()
        self.tabellen, self.doelen = [], {}
        self.artikel = None
        self.tabel = self.rij = self.cel = None
        self.in_caption = self.in_waarde = self.in_status = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and (a.get("id") or "").startswith("doel-"):
            self.artikel = a["id"][5:]
            self.doelen[self.artikel] = {"nu": [], "status": None}
        elif tag == "table":
            self.tabel = {"caption": "", "class": a.get("class", ""), "doel": self.artikel,
                          "rijen": []}
            self.tabellen.append(self.tabel)
        elif tag == "caption" and self.tabel is not None:
            self.in_caption = True
        elif tag == "tr" and self.tabel is not None:
            self.rij = []
            self.tabel["rijen"].append(self.rij)
        elif tag in ("td", "th") and self.rij is not None:
            self.cel = ""
        elif tag == "dd" and "waarde" in (a.get("class") or "") and self.artikel:
            self.in_waarde = True
            self.doelen[self.artikel]["nu"].append("")
        elif tag == "span" and (a.get("class") or "").startswith("status ") and self.artikel:
            self.in_status = True
            self.doelen[self.artikel]["status"] = ""

    def handle_endtag(self, tag):
        if tag == "article":
            self.artikel = None
        elif tag == "table":
            self.tabel = self.rij = None
        elif tag == "caption":
            self.in_caption = False
        elif tag in ("td", "th") and self.cel is not None:
            self.rij.append(self.cel.strip())
            self.cel = None
        elif tag == "dd":
            self.in_waarde = False
        elif tag == "span":
            self.in_status = False

    def handle_data(self, d):
        if self.in_caption:
            self.tabel["caption"] += d
        if self.cel is not None:
            self.cel += d
        if self.in_waarde:
            self.doelen[self.artikel]["nu"][-1] += d
        if self.in_status:
            self.doelen[self.artikel]["status"] += d


def pagina(pad):
    p = Tabellen()
    p.feed(open(pad, encoding="utf-8").read())
    return p


def vergelijk_rijen(pag, exp, waar, van=0):
    """Page rows (first cell the row head) against export rows from column
    van on, value by value."""
    if len(pag) != len(exp):
        sys.exit("%s: %d rijen op de pagina, %d in de download" % (waar, len(pag), len(exp)))
    for i, (p, e) in enumerate(zip(pag, exp)):
        e = list(e) + [""] * 20
        for k, w in enumerate(p[1:]):
            zelfde(w, e[van + k], "%s rij %d kolom %d" % (waar, i + 1, k + 2))


def main():
    if sys.argv[1] == "pagina":
        del sys.argv[1]
    soort = sys.argv[1]
    if soort == "gelijk":
        a = [kaal(r) for r in lees(sys.argv[2])]
        b = [kaal(r) for r in lees(sys.argv[3])]
        if a != b:
            for i, (x, y) in enumerate(zip(a, b)):
                if x != y:
                    sys.exit("rij %d: xlsx %r, csv %r" % (i + 1, x, y))
            sys.exit("%d tegen %d rijen" % (len(a), len(b)))
        return
    if soort == "onderdrukt":
        rijen = lees(sys.argv[2])
        kop = rijen[0]
        for r in rijen[1:]:
            for k, w in enumerate(r):
                if kop[:2] == ["Indicator", "Waarde"]:
                    telling = k == 1 and r[0].endswith("(aantal)")
                    naam = r[0]
                elif len(kop) > 1 and kop[1] == "Eenheid":
                    telling = r[1] == "aantal" and kop[k].endswith(" nu")
                    naam = kop[k]
                else:
                    telling = kop[k].endswith("(aantal)")
                    naam = kop[k]
                if not telling or naam in GEEN_ONDERDRUKKING:
                    continue
                if isinstance(w, str):
                    if w not in VERBORGEN:
                        sys.exit("onbekende tekst %r in een telling" % w)
                elif 1 <= w <= 9 or w % 5 != 0:
                    sys.exit("niet onderdrukt: %r (%s) in %r" % (w, naam, r))
        return
    p = pagina(sys.argv[2])
    exp = lees(sys.argv[3])
    kop, data = exp[0], exp[1:]
    if soort == "gemeenten":
        t = [x for x in p.tabellen if x["caption"].startswith("Kernindicatoren")][0]
        rijen = t["rijen"][1:]          # without the header row
        vergelijk_rijen(rijen, data, "gemeenten", 2)
        for r, e in zip(rijen, data):
            if r[0] != e[1] and not (r[0] == "Regio totaal" and e[1] == "Regio totaal"):
                sys.exit("naam %r tegen %r" % (r[0], e[1]))
    elif soort == "trend":
        doel = sys.argv[4]
        t = [x for x in p.tabellen if x["doel"] == doel and "grafiek-tabel" in x["class"]][0]
        vergelijk_rijen(t["rijen"][1:], data, "trend " + doel, 1)
    elif soort == "doelen":
        if len(data) != len(p.doelen):
            sys.exit("%d doelen op de pagina, %d in de download" % (len(p.doelen), len(data)))
        for (doel, d), e in zip(p.doelen.items(), data):
            for k, w in enumerate(d["nu"]):
                zelfde(w, e[2 + k], "doel %s, reeks %d" % (doel, k + 1))
            st = e[kop.index("Status")]
            if st != d["status"]:
                sys.exit("doel %s: status %r tegen %r" % (doel, d["status"], st))
    elif soort == "budget":
        t = [x for x in p.tabellen if x["caption"].startswith("Budget ")][0]
        vergelijk_rijen(t["rijen"][1:], data, "budget", 2)
    elif soort == "aanbieder":
        t = [x for x in p.tabellen if "cijfers" in x["class"]][int(sys.argv[4])]
        rijen = t["rijen"][1:]
        vergelijk_rijen(rijen, data, "aanbieder", 1)
        for r, e in zip(rijen, data):
            if not e[0].startswith(r[0]):
                sys.exit("indicator %r tegen %r" % (r[0], e[0]))
    else:
        sys.exit("onbekende soort " + soort)


main()
