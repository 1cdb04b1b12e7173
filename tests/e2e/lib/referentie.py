#!/usr/bin/env python3
"""Independent reference computation of the indicators of DOMAIN.md §4.

Used by tests/e2e/indicatoren_referentie.sh. Every figure is computed here
from the raw tables (jeugdige, woonplaats, traject, toewijzing, verwijzing,
schoolstatus, perspectiefplan, zorgelijk_besluit, prestatie, declaratie,
budget, omzetplafond, product, gemeente, treeknorm) with plain SQL that is
the same text on SQLite and PostgreSQL (ISO date strings compared as text,
CASE, COALESCE, EXISTS, GROUP BY). Python only does what portable SQL
cannot: day differences, adding months, medians and percentiles, and the
age / residence on a computed day. Written from DOMAIN.md §4 and the
documented choices (docs/indicators.md, the comments in src/domain/kpi.h),
never from src/domain/kpi.c.

The result is compared with what jeugdregie gives the region's staff:
`jeugdregie kpi --json`, /api/v1/indicatoren (region, every gemeente, every
provider with an omzetplafond), /api/v1/indicatoren/gemeenten and
/api/v1/maandcijfers. Prints one "ok NAME" / "not ok NAME" line per
comparison (with both values on a failure); exits 0 unless it crashed.
"""
import argparse
import datetime as dt
import json
import math
import subprocess
import sys
from zoneinfo import ZoneInfo

ap = argparse.ArgumentParser()
ap.add_argument("--db", required=True)
ap.add_argument("--peildatum", required=True)
ap.add_argument("--kpi", required=True)
ap.add_argument("--basis", required=True)
ap.add_argument("--jar", required=True)
ap.add_argument("--psql", default="psql")
args = ap.parse_args()

PG = args.db.startswith(("postgresql://", "postgres://"))


# ---- access --------------------------------------------------------------

def q(sql):
    """Rows of a query as lists of strings ('' for NULL), like common.sh sql."""
    if PG:
        cmd = [args.psql, "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1",
               "-d", args.db, "-c", sql]
    else:
        cmd = ["sqlite3", "-separator", "|", args.db.removeprefix("sqlite:"), sql]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"SQL faalt: {r.stderr.strip()}\n{sql}")
    return [line.split("|") for line in r.stdout.splitlines() if line != ""]


def api(path):
    r = subprocess.run(["curl", "-s", "--max-time", "60", "-b", args.jar, "-c", args.jar,
                        "-w", "\n%{http_code}", args.basis + path],
                       capture_output=True, text=True)
    body, _, code = r.stdout.rpartition("\n")
    if code != "200":
        raise RuntimeError(f"GET {path}: HTTP {code}: {body[:300]}")
    return json.loads(body)


# ---- reporting -----------------------------------------------------------

failures = 0


def verschillen(a, b, pad=""):
    """The paths where a and b differ: floats to within the JSON's 4
    decimals, dicts and lists member by member."""
    if isinstance(a, dict) and isinstance(b, dict):
        uit = []
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                uit.append((f"{pad}/{k}", a.get(k, "(ontbreekt)"), b.get(k, "(ontbreekt)")))
            else:
                uit += verschillen(a[k], b[k], f"{pad}/{k}")
        return uit
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            return [(pad or "/", a, b)]
        uit = []
        for i, (x, y) in enumerate(zip(a, b)):
            uit += verschillen(x, y, f"{pad}/{i}")
        return uit
    if isinstance(a, float) or isinstance(b, float):
        if (isinstance(a, (int, float)) and isinstance(b, (int, float))
                and not isinstance(a, bool) and not isinstance(b, bool)
                and abs(a - b) <= 6e-5 + 1e-9 * abs(b)):
            return []
        return [(pad or "/", a, b)]
    return [] if a == b else [(pad or "/", a, b)]


def gelijk(a, b):
    return not verschillen(a, b)


def vergelijk(naam, ref, **gekregen):
    """One line: ref equals every source in gekregen (source name -> value);
    on a difference, the differing members with both values."""
    global failures
    fout = {k: verschillen(ref, v) for k, v in gekregen.items()}
    fout = {k: v for k, v in fout.items() if v}
    if not fout:
        print(f"ok {naam}")
        return
    failures += 1
    print(f"not ok {naam}")
    for bron, vs in fout.items():
        for pad, r, g in vs[:12]:
            print(f"#   {pad}: referentie {r!r}, {bron} {g!r}")
        if len(vs) > 12:
            print(f"#   ... en nog {len(vs) - 12} verschillen ({bron})")


# ---- dates and numbers ---------------------------------------------------

D = dt.date.fromisoformat


def dagen(a, b):
    """b - a in days (ISO strings)."""
    return (D(b) - D(a)).days


def plus_maanden(d, n):
    """d + n calendar months; a day past the month's end becomes its last day."""
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    laatste = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, laatste))


def verjaardag(geb, jaren):
    """The day a youth born on geb turns jaren (29 February: 1 March)."""
    try:
        return geb.replace(year=geb.year + jaren)
    except ValueError:
        return dt.date(geb.year + jaren, 3, 1)


def rond(x):
    """Round half away from zero (C's round())."""
    return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))


def r4(x):
    return round(x, 4)


def verdeling(waarden):
    """n, mean, median (mean of the middle two), nearest-rank p80."""
    w = sorted(waarden)
    n = len(w)
    if n == 0:
        return {"n": 0, "gemiddelde_dagen": 0.0, "mediaan_dagen": 0.0, "p80_dagen": 0}
    med = w[n // 2] if n % 2 else (w[n // 2 - 1] + w[n // 2]) / 2
    p80 = w[math.ceil(0.8 * n) - 1]
    return {"n": n, "gemiddelde_dagen": r4(sum(w) / n), "mediaan_dagen": float(med),
            "p80_dagen": p80}


def aandeel(teller, noemer):
    return r4(teller / noemer) if noemer else 0.0


# ---- the record's fixed parts ----------------------------------------------

P = args.peildatum
PD = D(P)
JAAR = PD.year
GEMEENTEN = [r[0] for r in q("SELECT code FROM gemeente ORDER BY code")]
POP = {r[0]: int(r[1]) for r in q("SELECT code, jeugdigen_0_17 FROM gemeente")}
EENHEDEN = [None] + GEMEENTEN      # None: the region

# Periods of the report, by their definitions (docs/indicators.md).
KJ = (f"{JAAR}-01-01", f"{JAAR}-12-31")                       # kalenderjaar
LJ = (f"{JAAR}-01-01", P)                                     # lopend jaar
M12 = ((plus_maanden(PD, -12) + dt.timedelta(days=1)).isoformat(), P)
HB12 = ((plus_maanden(PD, -24) + dt.timedelta(days=1)).isoformat(),
        plus_maanden(PD, -12).isoformat())
HB6 = ((plus_maanden(PD, -18) + dt.timedelta(days=1)).isoformat(),
       plus_maanden(PD, -6).isoformat())

# Treeknorm per segment: the configured row, else 4 + 10 weeks (crisis,
# segment 6: 1 + 1 day), docs/indicators.md.
NORM = {s: (28, 70) for s in range(1, 8)}
NORM[6] = (1, 1)
for s, ti, its in q("SELECT segment, tot_intake, intake_tot_start FROM treeknorm"):
    NORM[int(s)] = (int(ti), int(its))

# Woonplaats history: residence on a day (tot inclusive).
WOON = {}
for j, g, van, tot in q("SELECT jeugdige_id, gemeente, vanaf, tot FROM woonplaats"):
    WOON.setdefault(int(j), []).append((van, tot or "9999-12-31", g))


def woont(j, dag):
    for van, tot, g in WOON.get(j, []):
        if van <= dag <= tot:
            return g
    return None


def per_eenheid(rijen_gemeente):
    """Split rows (gemeente, ...) into {None: all, code: its own}."""
    uit = {e: [] for e in EENHEDEN}
    for r in rijen_gemeente:
        uit[None].append(r)
        if r[0] in uit and r[0] is not None:
            uit[r[0]].append(r)
    return uit


# The first date of a trajectory: the aanmelding, or when unknown the
# toewijzing's Ingangsdatum (DOMAIN.md §4 Wachttijd).
AANMELD = "COALESCE(t.aanmelddatum, tw.ingangsdatum)"
TW = "LEFT JOIN toewijzing tw ON tw.nummer = t.toewijzing_nummer"


def actief_op(a, dag):
    return (f"({a}.begindatum IS NOT NULL AND {a}.begindatum <= '{dag}'"
            f" AND ({a}.einddatum IS NULL OR {a}.einddatum >= '{dag}'))")


# ---- the indicators -----------------------------------------------------------

def gebruik(van, tot, regionaal):
    """Jeugdhulpgebruik: youth 0-17 on a day in [van, tot] with a counted
    trajectory active that day; residence on the last such day."""
    rijen = q(f"""
        SELECT t.jeugdige_id, j.geboortedatum, t.begindatum, t.einddatum
        FROM traject t JOIN jeugdige j ON j.id = t.jeugdige_id
        WHERE t.begindatum IS NOT NULL AND t.begindatum <= '{tot}'
          AND (t.einddatum IS NULL OR t.einddatum >= '{van}')
          {"AND t.segment >= 1" if regionaal else ""}""")
    laatste = {}
    for j, geb, begin, eind in rijen:
        g = D(geb)
        eerste = max(D(begin), D(van), g)
        slot = min(D(eind) if eind else D(tot), D(tot),
                   verjaardag(g, 18) - dt.timedelta(days=1))
        if eerste <= slot:
            j = int(j)
            laatste[j] = max(laatste.get(j, slot), slot)
    tel = {e: 0 for e in EENHEDEN}
    for j, dag in laatste.items():
        tel[None] += 1
        g = woont(j, dag.isoformat())
        if g in tel:
            tel[g] += 1
    uit = {}
    for e in EENHEDEN:
        pop = sum(POP.values()) if e is None else POP[e]
        n = tel[e]
        uit[e] = {"jeugdigen": n, "populatie_0_17": pop,
                  "percentage": r4(100 * n / pop) if pop else 0.0,
                  "een_op_n": rond(pop / n) if n else 0}
    return uit


def wachttijd(van, tot):
    """Completed waits (begindatum in [van, tot]) and the waiting on P,
    per unit and per (unit, segment)."""
    klaar = q(f"""
        SELECT t.gemeente, t.segment, {AANMELD}, t.intakedatum, t.begindatum
        FROM traject t {TW}
        WHERE t.segment BETWEEN 1 AND 7 AND t.begindatum BETWEEN '{van}' AND '{tot}'
          AND {AANMELD} IS NOT NULL AND {AANMELD} <= t.begindatum""")
    wachtend = q(f"""
        SELECT t.gemeente, t.segment, {AANMELD}, t.intakedatum
        FROM traject t {TW}
        WHERE t.segment BETWEEN 1 AND 7 AND {AANMELD} <= '{P}'
          AND (t.begindatum IS NULL OR t.begindatum > '{P}')
          AND (t.einddatum IS NULL OR t.einddatum > '{P}')
          AND NOT (t.status = 5 AND t.einddatum IS NULL)""")

    def reken(kl, wa):
        tot_, ti, its, boven = [], [], [], 0
        for _, s, a, i, b in kl:
            ni, ns = NORM[int(s)]
            tot_.append(dagen(a, b))
            if i and a <= i <= b:
                ti.append(dagen(a, i))
                its.append(dagen(i, b))
                boven += dagen(a, i) > ni or dagen(i, b) > ns
            else:
                boven += dagen(a, b) > ni + ns
        wd, wb = [], 0
        for _, s, a, i in wa:
            ni, ns = NORM[int(s)]
            wd.append(dagen(a, P))
            if i and i <= P:
                wb += dagen(a, i) > ni or dagen(i, P) > ns
            else:
                wb += dagen(a, P) > ni
        return {"afgerond_totaal": verdeling(tot_), "afgerond_tot_intake": verdeling(ti),
                "afgerond_intake_tot_start": verdeling(its), "afgerond_boven_norm": boven,
                "afgerond_aandeel_boven_norm": aandeel(boven, len(tot_)),
                "wachtend": verdeling(wd), "wachtend_boven_norm": wb,
                "wachtend_aandeel_boven_norm": aandeel(wb, len(wd))}

    ke, we = per_eenheid(klaar), per_eenheid(wachtend)
    uit = {}
    for e in EENHEDEN:
        r = reken(ke[e], we[e])
        r["per_segment"] = {s: reken([x for x in ke[e] if int(x[1]) == s],
                                     [x for x in we[e] if int(x[1]) == s])
                            for s in range(1, 8)}
        uit[e] = r
    return uit


def middernacht_amsterdam(dag):
    d = D(dag)
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=ZoneInfo("Europe/Amsterdam")).timestamp())


def zorgelijk(peil):
    """Waiting on peil beyond the Treeknorm with a risk flag, unless the
    latest staff decision up to the end of peil says otherwise."""
    grens = middernacht_amsterdam((D(peil) + dt.timedelta(days=1)).isoformat())
    rijen = q(f"""
        SELECT t.gemeente, t.segment, {AANMELD}, t.intakedatum, j.geboortedatum,
          CASE WHEN t.veiligheidssignaal = 1 OR EXISTS (SELECT 1 FROM traject o
                 WHERE o.jeugdige_id = t.jeugdige_id AND o.id <> t.id
                   AND (o.segment = 6 OR o.categorie = '46') AND o.begindatum < '{peil}')
               THEN 1 ELSE 0 END,
          CASE WHEN EXISTS (SELECT 1 FROM schoolstatus s WHERE s.jeugdige_id = t.jeugdige_id
                   AND s.niet_naar_school_sinds <= '{peil}'
                   AND (s.tot IS NULL OR s.tot >= '{peil}')) THEN 1 ELSE 0 END,
          CASE WHEN t.overbrugging = 0 THEN 1 ELSE 0 END,
          CASE WHEN EXISTS (SELECT 1 FROM traject o WHERE o.jeugdige_id = t.jeugdige_id
                   AND o.categorie = '48' AND {actief_op("o", peil)}) THEN 1 ELSE 0 END,
          CASE WHEN EXISTS (SELECT 1 FROM traject o WHERE o.jeugdige_id = t.jeugdige_id
                   AND o.id <> t.id AND o.reden_beeindiging IN ('32', '33')
                   AND o.einddatum <= '{peil}') THEN 1 ELSE 0 END,
          (SELECT CASE WHEN b.bevestigd = 1 THEN 'ja' ELSE 'nee' END FROM zorgelijk_besluit b
             WHERE b.traject_id = t.id AND b.tijdstip < {grens}
             ORDER BY b.tijdstip DESC, b.id DESC LIMIT 1)
        FROM traject t JOIN jeugdige j ON j.id = t.jeugdige_id {TW}
        WHERE t.segment BETWEEN 1 AND 7 AND {AANMELD} <= '{peil}'
          AND (t.begindatum IS NULL OR t.begindatum > '{peil}')
          AND (t.einddatum IS NULL OR t.einddatum > '{peil}')
          AND NOT (t.status = 5 AND t.einddatum IS NULL)""")
    uit = {e: [0, 0] for e in EENHEDEN}
    for g, s, a, i, geb, veilig, school, geen_overbr, jb, uitv, besluit in rijen:
        ni, ns = NORM[int(s)]
        if i and i <= peil:
            boven = dagen(a, i) > ni or dagen(i, peil) > ns
        else:
            boven = dagen(a, peil) > ni
        oud = plus_maanden(D(geb), 17 * 12 + 6) <= D(peil)
        vlag = "1" in (veilig, school, geen_overbr, jb, uitv) or oud
        z = besluit == "ja" if besluit else (boven and vlag)
        for e in (None, g):
            uit[e][0] += 1
            uit[e][1] += z
    return {e: {"totaal": t, "aantal": a, "aandeel": aandeel(a, t)} for e, (t, a) in uit.items()}


def beeindigd(van, tot):
    """Doorlooptijd and uitval of specialised trajectories ended in [van, tot]."""
    rijen = q(f"""
        SELECT t.gemeente, t.begindatum, t.einddatum, COALESCE(t.reden_beeindiging, '')
        FROM traject t
        WHERE t.segment BETWEEN 1 AND 7 AND t.status = 4
          AND t.einddatum BETWEEN '{van}' AND '{tot}'""")
    uit = {}
    for e, rs in per_eenheid(rijen).items():
        uitval = sum(1 for r in rs if r[3] in ("32", "33"))
        uit[e] = {"doorlooptijd": verdeling([dagen(r[1], r[2]) for r in rs if r[1]]),
                  "uitval": {"totaal": len(rs), "aantal": uitval,
                             "aandeel": aandeel(uitval, len(rs))}}
    return uit


def herhaald(van, tot, maanden):
    """Of the trajectories ended 31/34 in [van, tot], those followed by a new
    specialised trajectory of the same youth within maanden months."""
    rijen = q(f"""
        SELECT e.id, e.gemeente, e.einddatum, n.eerste
        FROM traject e LEFT JOIN (
            SELECT t.id, t.jeugdige_id, COALESCE({AANMELD}, t.begindatum) AS eerste
            FROM traject t {TW} WHERE t.segment >= 1) n
          ON n.jeugdige_id = e.jeugdige_id AND n.id <> e.id AND n.eerste > e.einddatum
        WHERE e.segment BETWEEN 1 AND 7 AND e.status = 4
          AND e.einddatum BETWEEN '{van}' AND '{tot}'
          AND e.reden_beeindiging IN ('31', '34')""")
    traj = {}
    for tid, g, eind, eerste in rijen:
        grens = plus_maanden(D(eind), maanden).isoformat()
        traj.setdefault(tid, [g, False])
        if eerste and eerste <= grens:
            traj[tid][1] = True
    uit = {e: [0, 0] for e in EENHEDEN}
    for g, gevolgd in traj.values():
        for e in (None, g):
            uit[e][0] += 1
            uit[e][1] += gevolgd
    return {e: {"totaal": t, "aantal": a, "aandeel": aandeel(a, t)} for e, (t, a) in uit.items()}


def woon_join(jeugd, dag):
    return (f"LEFT JOIN woonplaats w ON w.jeugdige_id = {jeugd} AND w.vanaf <= {dag}"
            f" AND (w.tot IS NULL OR w.tot >= {dag})")


def per_woonplaats(sql_tel):
    """Run a count grouped by residence (first column, '' when none) and
    return it per unit; the region is the separate total in the last row."""
    uit = {e: 0 for e in EENHEDEN}
    for g, n in q(sql_tel):
        if g == "*":
            uit[None] = int(n)
        elif g in uit:
            uit[g] = int(n)
    return uit


def thuiszitters(peil):
    """Youth not at school since more than 91 days before peil, without an
    active segment-5 trajectory; residence on peil."""
    grens = (D(peil) - dt.timedelta(days=91)).isoformat()
    basis = f"""
        FROM schoolstatus s {woon_join("s.jeugdige_id", f"'{peil}'")}
        WHERE s.niet_naar_school_sinds <= '{peil}' AND (s.tot IS NULL OR s.tot >= '{peil}')
          AND s.niet_naar_school_sinds < '{grens}'
          AND NOT EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = s.jeugdige_id
                AND t.segment = 5 AND {actief_op("t", peil)})"""
    return per_woonplaats(f"""
        SELECT COALESCE(w.gemeente, ''), COUNT(DISTINCT s.jeugdige_id) {basis} GROUP BY w.gemeente
        UNION ALL SELECT '*', COUNT(DISTINCT s.jeugdige_id) {basis}""")


def overgang18(peil):
    """Youth with a trajectory active on peil turning 18 in (peil, peil + 6
    months]; of those, without a perspectiefplan dated up to peil."""
    tot = plus_maanden(D(peil), 6).isoformat()
    achttien = ("CAST(CAST(substr(j.geboortedatum, 1, 4) AS INTEGER) + 18 AS TEXT)"
                " || substr(j.geboortedatum, 5)")
    rijen = q(f"""
        SELECT COALESCE(w.gemeente, ''),
          CASE WHEN EXISTS (SELECT 1 FROM perspectiefplan pp WHERE pp.jeugdige_id = j.id
                 AND pp.datum <= '{peil}') THEN 0 ELSE 1 END
        FROM jeugdige j {woon_join("j.id", f"'{peil}'")}
        WHERE EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id AND {actief_op("t", peil)})
          AND {achttien} > '{peil}' AND {achttien} <= '{tot}'""")
    uit = {e: [0, 0] for e in EENHEDEN}
    for g, zonder in rijen:
        for e in {None, g or None}:
            if e in uit:
                uit[e][0] += 1
                uit[e][1] += int(zonder)
    return {e: {"totaal": t, "aantal": a, "aandeel": aandeel(a, t)} for e, (t, a) in uit.items()}


def collectief(peil):
    """Active specialised trajectories on peil; of those on a group product."""
    rijen = q(f"""
        SELECT t.gemeente, COUNT(*), SUM(CASE WHEN p.groep = 1 THEN 1 ELSE 0 END)
        FROM traject t LEFT JOIN product p ON p.code = t.productcode
        WHERE t.segment BETWEEN 1 AND 7 AND {actief_op("t", peil)}
        GROUP BY t.gemeente""")
    uit = {e: [0, 0] for e in EENHEDEN}
    for g, n, a in rijen:
        for e in (None, g):
            uit[e][0] += int(n)
            uit[e][1] += int(a)
    return {e: {"totaal": t, "aantal": a, "aandeel": aandeel(a, t)} for e, (t, a) in uit.items()}


def verblijf(van, tot):
    """Youth with specialised care active in [van, tot] (residence on their
    last such day); of those with verblijf (43/44) and crisis (46); length
    of those youths' crisis trajectories ended in [van, tot]."""
    rijen = q(f"""
        SELECT t.jeugdige_id,
          MAX(CASE WHEN t.einddatum IS NULL OR t.einddatum > '{tot}' THEN '{tot}'
                   ELSE t.einddatum END),
          MAX(CASE WHEN t.categorie IN ('43', '44') THEN 1 ELSE 0 END),
          MAX(CASE WHEN t.categorie = '46' THEN 1 ELSE 0 END)
        FROM traject t
        WHERE t.segment >= 1 AND t.begindatum IS NOT NULL AND t.begindatum <= '{tot}'
          AND (t.einddatum IS NULL OR t.einddatum >= '{van}')
        GROUP BY t.jeugdige_id""")
    duur = {}
    for j, begin, eind in q(f"""
            SELECT t.jeugdige_id, t.begindatum, t.einddatum FROM traject t
            WHERE t.categorie = '46' AND t.segment >= 1 AND t.status = 4
              AND t.begindatum IS NOT NULL AND t.einddatum BETWEEN '{van}' AND '{tot}'"""):
        duur.setdefault(j, []).append(dagen(begin, eind))
    uit = {e: {"jeugdigen": 0, "verblijf": 0, "crisis": 0, "duur": []} for e in EENHEDEN}
    for j, laatste, vb, cr in rijen:
        g = woont(int(j), laatste)
        for e in {None, g}:
            if e in uit:
                u = uit[e]
                u["jeugdigen"] += 1
                u["verblijf"] += int(vb)
                u["crisis"] += int(cr)
                u["duur"] += duur.get(j, [])
    return {e: {"jeugdigen": u["jeugdigen"], "verblijf": u["verblijf"],
                "verblijf_aandeel": aandeel(u["verblijf"], u["jeugdigen"]),
                "crisis": u["crisis"], "crisis_aandeel": aandeel(u["crisis"], u["jeugdigen"]),
                "crisis_duur": verdeling(u["duur"])} for e, u in uit.items()}


VERWIJZERS = ["01", "02", "03", "04", "05", "06", "08", ""]   # COD327; "": none/unknown


def verwijzers(van, tot):
    """New specialised trajectories (first date in [van, tot]) per referrer type."""
    bekend = ", ".join(f"'{c}'" for c in VERWIJZERS if c)
    rijen = q(f"""
        SELECT t.gemeente, CASE WHEN v.type IN ({bekend}) THEN v.type ELSE '' END, COUNT(*)
        FROM traject t {TW} LEFT JOIN verwijzing v ON v.id = t.verwijzing_id
        WHERE t.segment >= 1
          AND COALESCE({AANMELD}, t.begindatum) BETWEEN '{van}' AND '{tot}'
        GROUP BY t.gemeente, CASE WHEN v.type IN ({bekend}) THEN v.type ELSE '' END""")
    uit = {e: {c: 0 for c in VERWIJZERS} for e in EENHEDEN}
    for g, c, n in rijen:
        for e in (None, g):
            uit[e][c] += int(n)
    return uit


def clientkosten(jaar):
    """Approved amount of the year (ProductPeriode begin) / distinct youth
    with an approved amount; per paying gemeente (the declaration's)."""
    basis = f"""FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id
        WHERE p.goedgekeurd = 1 AND p.jeugdige_id IS NOT NULL
          AND substr(p.periode_begin, 1, 4) = '{jaar}'"""
    uit = {e: (0, 0) for e in EENHEDEN}
    for g, som, n in q(f"""
            SELECT d.gemeente, SUM(p.bedrag), COUNT(DISTINCT p.jeugdige_id) {basis}
            GROUP BY d.gemeente
            UNION ALL SELECT '*', COALESCE(SUM(p.bedrag), 0), COUNT(DISTINCT p.jeugdige_id) {basis}"""):
        uit[None if g == "*" else g] = (int(som), int(n))
    return {e: {"jaar": jaar, "goedgekeurd_eurocent": s, "jeugdigen": n,
                "gemiddeld_eurocent": rond(s / n) if n else 0} for e, (s, n) in uit.items()}


def kosten_per_traject(jaar):
    """Per trajectory: approved eurocents of jaar, months with an approved
    Prestatie, the last approved ProductPeriode end (SQL subquery text)."""
    return f"""(SELECT p.traject_id, SUM(p.bedrag) AS som,
              COUNT(DISTINCT substr(p.periode_begin, 1, 7)) AS maanden,
              MAX(p.periode_eind) AS laatste
            FROM prestatie p WHERE p.goedgekeurd = 1 AND p.traject_id IS NOT NULL
              AND substr(p.periode_begin, 1, 4) = '{jaar}' GROUP BY p.traject_id)"""


def prognose(som, maanden, laatste, jaar):
    """Average approved month x the months after the last declared one."""
    lj, lm = int(laatste[:4]), int(laatste[5:7])
    rest = 12 - lm if lj == jaar else (0 if lj > jaar else 12)
    return rond(int(som) / int(maanden) * rest)


def uitputting(jaar, peil):
    """Budgetuitputting per (unit, segment -1..7) and per provider."""
    goed = q(f"""
        SELECT t.gemeente, t.segment, t.agb, SUM(k.som)
        FROM {kosten_per_traject(jaar)} k JOIN traject t ON t.id = k.traject_id
        GROUP BY t.gemeente, t.segment, t.agb""")
    actief = q(f"""
        SELECT t.gemeente, t.segment, COALESCE(t.agb, ''), k.som, k.maanden, k.laatste
        FROM traject t LEFT JOIN {kosten_per_traject(jaar)} k ON k.traject_id = t.id
        WHERE {actief_op("t", peil)}""")
    budget = q(f"SELECT gemeente, segment, bedrag FROM budget WHERE jaar = {jaar}")
    plafond = {a: int(b) for a, b in q(f"SELECT agb, bedrag FROM omzetplafond WHERE jaar = {jaar}")}

    def leeg():
        return {"goedgekeurd_eurocent": 0, "prognose_eurocent": 0, "verwacht_eurocent": 0,
                "norm": 0, "actieve_trajecten": 0, "zonder_historie": 0}
    sleutels = [(e, s) for e in EENHEDEN for s in [-1] + list(range(8))]
    uit = {k: leeg() for k in sleutels}
    per_agb = {a: leeg() for a in plafond}

    def doelen(g, s, agb):
        d = [uit[(e, ss)] for e in (None, g) for ss in (-1, int(s))]
        if agb in per_agb:
            d.append(per_agb[agb])
        return d
    for g, s, agb, som in goed:
        for u in doelen(g, s, agb):
            u["goedgekeurd_eurocent"] += int(som)
    for g, s, agb, som, maanden, laatste in actief:
        for u in doelen(g, s, agb):
            u["actieve_trajecten"] += 1
            if som and int(maanden) > 0:
                u["prognose_eurocent"] += prognose(som, maanden, laatste, jaar)
            else:
                u["zonder_historie"] += 1
    for g, s, b in budget:
        for e in (None, g):
            for ss in (-1, int(s)):
                uit[(e, ss)]["norm"] += int(b)
    for a, b in plafond.items():
        per_agb[a]["norm"] = b
    for u in list(uit.values()) + list(per_agb.values()):
        u["verwacht_eurocent"] = u["goedgekeurd_eurocent"] + u["prognose_eurocent"]
        u["aandeel"] = r4(u["verwacht_eurocent"] / u["norm"]) if u["norm"] else 0.0
    return uit, per_agb


# ---- compare with kpi --json and /api/v1/indicatoren -----------------------------

kpi = json.load(open(args.kpi))
KPI = {None: kpi["regio"]}
for g in kpi["gemeenten"]:
    KPI[g["code"]] = g
API = {None: api("/api/v1/indicatoren")}
for g in GEMEENTEN:
    API[g] = api(f"/api/v1/indicatoren?gemeente={g}")
APIG = api("/api/v1/indicatoren/gemeenten")

vergelijk("ref_peildatum", P, kpi=kpi["peildatum"], api=API[None]["peildatum"])
verwacht_perioden = {
    "kalenderjaar": KJ, "lopend_jaar": LJ, "laatste_12_maanden": M12,
    "herhaald_beroep_12_maanden": HB12, "herhaald_beroep_6_maanden": HB6,
    "vorig_jaar": (f"{JAAR - 1}-01-01", f"{JAAR - 1}-12-31")}
for k, (van, tot) in verwacht_perioden.items():
    vergelijk(f"ref_periode_{k}", {"van": van, "tot": tot}, kpi=kpi["perioden"][k],
              api=API[None]["perioden"][k])
vergelijk("ref_treeknorm", NORM,
          kpi={n["segment"]: (n["tot_intake_dagen"], n["intake_tot_start_dagen"])
               for n in kpi["treeknorm"]})


def naam(e):
    return "regio" if e is None else e


def vergelijk_lid(titel, ref, pad):
    """ref against the member at pad (a list of keys) of kpi and API, per unit."""
    for e in EENHEDEN:
        def haal(d):
            for k in pad:
                d = d[k]
            return d
        vergelijk(f"ref_{titel}_{naam(e)}", ref[e], kpi=haal(KPI[e]),
                  api=haal(API[e]["indicatoren"]))


# Jeugdhulpgebruik: calendar year incl. local teams; regional only, running year.
ref = gebruik(*KJ, regionaal=False)
vergelijk_lid("jeugdhulpgebruik_kalenderjaar", ref, ["jeugdhulpgebruik_kalenderjaar"])
ref_gebruik = ref
ref = gebruik(*LJ, regionaal=True)
vergelijk_lid("jeugdhulpgebruik_regionaal_lopend_jaar", ref,
              ["jeugdhulpgebruik_regionaal_lopend_jaar"])

# Wachttijd, over the last 12 months; waiting on P.
ref = wachttijd(*M12)
for e in EENHEDEN:
    def zonder_seg(d):
        return {k: v for k, v in d.items() if k != "per_segment"}
    vergelijk(f"ref_wachttijd_{naam(e)}", zonder_seg(ref[e]),
              kpi=zonder_seg(KPI[e]["wachttijd"]), api=zonder_seg(API[e]["indicatoren"]["wachttijd"]))
    vergelijk(f"ref_wachttijd_per_segment_{naam(e)}", ref[e]["per_segment"],
              kpi={x["segment"]: {k: v for k, v in x.items() if k != "segment"}
                   for x in KPI[e]["wachttijd"]["per_segment"]},
              api={x["segment"]: {k: v for k, v in x.items() if k != "segment"}
                   for x in API[e]["indicatoren"]["wachttijd"]["per_segment"]})
ref_wacht = ref

vergelijk_lid("zorgelijk_wachtend", zorgelijk(P), ["zorgelijk_wachtend"])

ref = beeindigd(*M12)
vergelijk_lid("doorlooptijd", {e: r["doorlooptijd"] for e, r in ref.items()}, ["doorlooptijd"])
vergelijk_lid("uitval", {e: r["uitval"] for e, r in ref.items()}, ["uitval"])
vergelijk_lid("herhaald_beroep_12_maanden", herhaald(*HB12, 12), ["herhaald_beroep_12_maanden"])
vergelijk_lid("herhaald_beroep_6_maanden", herhaald(*HB6, 6), ["herhaald_beroep_6_maanden"])

ref_thuis = thuiszitters(P)
vergelijk_lid("thuiszitters_boven_3_maanden", ref_thuis, ["thuiszitters_boven_3_maanden"])
vergelijk_lid("overgang_18_zonder_plan", overgang18(P), ["overgang_18_zonder_plan"])
ref_coll = collectief(P)
vergelijk_lid("collectief", ref_coll, ["collectief"])
ref_verblijf = verblijf(*LJ)
vergelijk_lid("verblijf", ref_verblijf, ["verblijf"])

ref = verwijzers(*M12)
for e in EENHEDEN:
    totaal = sum(ref[e].values())
    r = {"totaal": totaal, "per_type": [(c, ref[e][c], aandeel(ref[e][c], totaal))
                                        for c in VERWIJZERS]}

    def lees(d):
        v = d["verwijzers"]
        return {"totaal": v["totaal"],
                "per_type": [(x["code"], x["aantal"], x["aandeel"]) for x in v["per_type"]]}
    vergelijk(f"ref_verwijzers_{naam(e)}", r, kpi=lees(KPI[e]), api=lees(API[e]["indicatoren"]))

vergelijk_lid("clientkosten_vorig_jaar", clientkosten(JAAR - 1), ["clientkosten_vorig_jaar"])
vergelijk_lid("clientkosten_jaar", clientkosten(JAAR), ["clientkosten_jaar"])

ref_u, ref_agb = uitputting(JAAR, P)
for e in EENHEDEN:
    def als_json(u, **extra):
        r = dict(extra)
        r.update({k: v for k, v in u.items() if k != "norm"})
        return r
    def lees(d):
        b = d["budgetuitputting"]
        kop = {k: v for k, v in b.items() if k != "per_segment"}
        kop["norm"] = kop.pop("budget_eurocent")
        return kop
    r = als_json(ref_u[(e, -1)], jaar=JAAR)
    r["norm"] = ref_u[(e, -1)]["norm"]
    vergelijk(f"ref_budgetuitputting_{naam(e)}", r, kpi=lees(KPI[e]), api=lees(API[e]["indicatoren"]))
    rs = []
    for s in range(8):
        x = als_json(ref_u[(e, s)], segment=s)
        x["budget_eurocent"] = ref_u[(e, s)]["norm"]
        rs.append(x)
    def lees_seg(d):
        return sorted(d["budgetuitputting"]["per_segment"], key=lambda x: x["segment"])
    vergelijk(f"ref_budgetuitputting_per_segment_{naam(e)}",
              sorted(rs, key=lambda x: x["segment"]),
              kpi=[{k: x[k] for k in rs[0]} for x in lees_seg(KPI[e])],
              api=[{k: x[k] for k in rs[0]} for x in lees_seg(API[e]["indicatoren"])])

# Omzetplafond per provider (API with ?aanbieder=, the year of the peildatum).
for agb in sorted(ref_agb):
    a = api(f"/api/v1/indicatoren?aanbieder={agb}")["indicatoren"]["omzetplafonduitputting"]
    u = ref_agb[agb]
    r = {"jaar": JAAR, "goedgekeurd_eurocent": u["goedgekeurd_eurocent"],
         "prognose_eurocent": u["prognose_eurocent"], "verwacht_eurocent": u["verwacht_eurocent"],
         "budget_eurocent": u["norm"], "aandeel": u["aandeel"],
         "actieve_trajecten": u["actieve_trajecten"], "zonder_historie": u["zonder_historie"]}
    vergelijk(f"ref_omzetplafonduitputting_{agb}", r, api=a)

# /api/v1/indicatoren/gemeenten: the counts of its table.
rijen = {r["code"]: r for r in APIG["gemeenten"]}
rijen[None] = APIG["regio"]
ref_zorg = zorgelijk(P)
for e in EENHEDEN:
    w = ref_wacht[e]
    r = {"jeugdigen_0_17": sum(POP.values()) if e is None else POP[e],
         "jeugdhulp_kalenderjaar": ref_gebruik[e]["jeugdigen"],
         "een_op_n": ref_gebruik[e]["een_op_n"],
         "wachtend": w["wachtend"]["n"], "wachtend_boven_norm": w["wachtend_boven_norm"],
         "zorgelijk_wachtend": ref_zorg[e]["aantal"],
         "thuiszitters_boven_3_maanden": ref_thuis[e],
         "verblijf": ref_verblijf[e]["verblijf"]}
    vergelijk(f"ref_gemeententabel_{naam(e)}", r, api={k: rijen[e].get(k) for k in r})


# ---- the monthly aggregates: /api/v1/maandcijfers ----------------------------------

def maanden(jaar):
    for m in range(1, 13):
        eerste = dt.date(jaar, m, 1)
        laatste = plus_maanden(eerste, 1) - dt.timedelta(days=1)
        yield f"{jaar}-{m:02d}", eerste.isoformat(), laatste.isoformat()


MJ = JAAR - 1        # the months of last year
REEKS = list(maanden(MJ))


def mc(indicator, **sel):
    pars = "&".join(f"{k}={v}" for k, v in sel.items())
    per = sel.get("per", "maand")
    van, tot = (f"{MJ}-01", f"{MJ}-12")
    a = api(f"/api/v1/maandcijfers?indicator={indicator}&van={van}&tot={tot}"
            + (f"&{pars}" if pars else ""))
    return {p["periode"]: (p["waarde"] if "waarde" in p else
                           {"n": p["n"], "mediaan": p["mediaan"], "p80": p["p80"]})
            for p in a["reeks"]} if per == "maand" else a["reeks"]


def sel_sql(sel):
    """The trajectory filter of a selection (paying gemeente, segment, provider)."""
    w = []
    if "gemeente" in sel:
        w.append(f"t.gemeente = '{sel['gemeente']}'")
    if "segment" in sel:
        w.append(f"t.segment = {int(sel['segment'])}")
    else:
        w.append("t.segment BETWEEN 1 AND 7")
    if "aanbieder" in sel:
        w.append(f"t.agb = '{sel['aanbieder']}'")
    return " AND ".join(w)


def sel_naam(sel):
    return "_".join(f"{k}{v}" for k, v in sel.items()) or "regio"


def vergelijk_reeks(titel, ref, got):
    verschil = {m: (ref.get(m), got.get(m)) for m in ref if not gelijk(ref.get(m), got.get(m))}
    if verschil:
        vergelijk(titel, {m: r for m, (r, _) in verschil.items()},
                  api={m: g for m, (_, g) in verschil.items()})
    else:
        vergelijk(titel, 0, api=0)


AGB = q("""SELECT agb FROM traject WHERE agb IS NOT NULL GROUP BY agb
           ORDER BY COUNT(*) DESC, agb LIMIT 1""")[0][0]
SELECTIES = [{"gemeente": "0546"}, {"gemeente": "0484"}, {"gemeente": "0638"},
             {"segment": 4}, {"gemeente": "0537", "segment": 4}, {"aanbieder": AGB}, {}]

for sel in SELECTIES:
    f = sel_sql(sel)
    n = sel_naam(sel)
    # Active on the month's last day.
    ref = {m: int(q(f"SELECT COUNT(*) FROM traject t WHERE {f} AND {actief_op('t', tot)}")[0][0])
           for m, _, tot in REEKS}
    vergelijk_reeks(f"ref_mc_actief_{n}", ref, mc("actief", **sel))
    # Completed waits in the month: count, over the norm, median and p80.
    rijen = q(f"""SELECT substr(t.begindatum, 1, 7), t.segment, {AANMELD}, t.intakedatum,
                    t.begindatum FROM traject t {TW}
                  WHERE {f} AND t.begindatum BETWEEN '{MJ}-01-01' AND '{MJ}-12-31'
                    AND {AANMELD} IS NOT NULL AND {AANMELD} <= t.begindatum""")
    klaar, boven, hist = {}, {}, {}
    for m, _, _ in REEKS:
        rs = [r for r in rijen if r[0] == m]
        klaar[m] = len(rs)
        b = 0
        for _, s, a, i, st in rs:
            ni, ns = NORM[int(s)]
            b += (dagen(a, i) > ni or dagen(i, st) > ns) if i and a <= i <= st \
                else dagen(a, st) > ni + ns
        boven[m] = b
        v = verdeling([dagen(r[2], r[4]) for r in rs])
        hist[m] = {"n": v["n"], "mediaan": v["mediaan_dagen"] if v["n"] else None,
                   "p80": v["p80_dagen"] if v["n"] else None}
    vergelijk_reeks(f"ref_mc_wacht_klaar_{n}", klaar, mc("wacht_klaar", **sel))
    vergelijk_reeks(f"ref_mc_wacht_klaar_boven_norm_{n}", boven, mc("wacht_klaar_boven_norm", **sel))
    got = mc("wachttijd_totaal", **sel)
    vergelijk_reeks(f"ref_mc_wachttijd_totaal_{n}", hist,
                    {m: (g if g["n"] else {"n": 0, "mediaan": None, "p80": None})
                     for m, g in got.items()})
    # Ended in the month, and of those uitval.
    for ind, extra in (("beeindigd", ""), ("uitval", "AND t.reden_beeindiging IN ('32', '33')")):
        ref = {r[0]: int(r[1]) for r in q(f"""
            SELECT substr(t.einddatum, 1, 7), COUNT(*) FROM traject t
            WHERE {f} AND t.status = 4 AND t.einddatum BETWEEN '{MJ}-01-01' AND '{MJ}-12-31' {extra}
            GROUP BY substr(t.einddatum, 1, 7)""")}
        vergelijk_reeks(f"ref_mc_{ind}_{n}", {m: ref.get(m, 0) for m, _, _ in REEKS}, mc(ind, **sel))
    # Approved eurocents by the ProductPeriode's month.
    ref = {r[0]: int(r[1]) for r in q(f"""
        SELECT substr(p.periode_begin, 1, 7), SUM(p.bedrag)
        FROM prestatie p JOIN traject t ON t.id = p.traject_id
        WHERE {f.replace("t.segment BETWEEN 1 AND 7", "t.segment BETWEEN 0 AND 7")}
          AND p.goedgekeurd = 1 AND substr(p.periode_begin, 1, 4) = '{MJ}'
        GROUP BY substr(p.periode_begin, 1, 7)""")}
    vergelijk_reeks(f"ref_mc_goedgekeurd_{n}", {m: ref.get(m, 0) for m, _, _ in REEKS},
                    mc("goedgekeurd", **sel))

# New specialised trajectories per referrer type (the first date's month).
for sel in ({"verwijzer": "02"}, {"verwijzer": "01", "gemeente": "0546"},
            {"verwijzer": "04", "gemeente": "0484"}):
    f = sel_sql({k: v for k, v in sel.items() if k != "verwijzer"})
    ref = {r[0]: int(r[1]) for r in q(f"""
        SELECT substr(COALESCE({AANMELD}, t.begindatum), 1, 7), COUNT(*)
        FROM traject t {TW} JOIN verwijzing v ON v.id = t.verwijzing_id
        WHERE {f} AND v.type = '{sel['verwijzer']}'
          AND COALESCE({AANMELD}, t.begindatum) BETWEEN '{MJ}-01-01' AND '{MJ}-12-31'
        GROUP BY substr(COALESCE({AANMELD}, t.begindatum), 1, 7)""")}
    vergelijk_reeks(f"ref_mc_nieuw_{sel_naam(sel)}", {m: ref.get(m, 0) for m, _, _ in REEKS},
                    mc("nieuw", **sel))

# Youth-level: thuiszitters on each month's last day, youth in care per year.
for g in ("0546", "0484", "0537", None):
    sel = {"gemeente": g} if g else {}
    ref = {m: thuiszitters(tot)[g] for m, _, tot in REEKS}
    vergelijk_reeks(f"ref_mc_thuiszitters_{sel_naam(sel)}", ref, mc("thuiszitters", **sel))
jaar_gebruik = gebruik(f"{MJ}-01-01", f"{MJ}-12-31", regionaal=False)
jaar_regionaal = gebruik(f"{MJ}-01-01", f"{MJ}-12-31", regionaal=True)
for g in ("0546", "0484", "0638", "1525", None):
    sel = {"gemeente": g} if g else {}
    for ind, ref in (("jeugdhulpgebruik", jaar_gebruik), ("jeugdhulpgebruik_regionaal", jaar_regionaal)):
        got = {p["periode"]: p["waarde"] for p in mc(ind, per="jaar", **sel)}
        vergelijk(f"ref_mc_{ind}_{MJ}_{sel_naam(sel)}", ref[g]["jeugdigen"], api=got.get(str(MJ)))

# Waiting (specialised) on each month end of this year up to P's month
# (the running month: its last day, the record as it is now).
for g in ("0638", "0546", None):
    sel = {"gemeente": g} if g else {}
    ref = {}
    for m in range(1, PD.month + 1):
        eind = (plus_maanden(dt.date(JAAR, m, 1), 1) - dt.timedelta(days=1)).isoformat()
        ref[f"{JAAR}-{m:02d}"] = zorgelijk(eind)[g]["totaal"]
    a = api(f"/api/v1/maandcijfers?indicator=wachtend&van={JAAR}-01&tot={JAAR}-{PD.month:02d}"
            + (f"&gemeente={g}" if g else ""))
    vergelijk_reeks(f"ref_mc_wachtend_{JAAR}_{sel_naam(sel)}", ref,
                    {p["periode"]: p["waarde"] for p in a["reeks"]})

print(f"# referentie: {failures} verschil(len)")
sys.exit(0)
