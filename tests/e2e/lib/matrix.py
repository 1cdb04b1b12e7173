#!/usr/bin/env python3
"""The authorisation matrix of `jeugdregie serve`: every endpoint x every
role x in/out of scope, against a running server (tests/e2e/matrix.sh
prepares the database, the users and the server).

Usage: matrix.py BASE_URL CONFIG_JSON
CONFIG_JSON: {"wachtwoord": ..., "gebruikers": {rol: naam}, "tokens":
{naam: token}, "jeugdige_in": {principal: id}, "jeugdige_uit": {principal:
id}, "agb_eigen": AGB, "agb_ander": AGB, "gemeente": CODE,
"audit_telling": "command that prints the audit_log row count"}.

Prints one TAP-like line per cell: "ok NAME" or "not ok NAME" with the
reason, for tests/run.sh to count. Redirects are not followed (a 303 to
the login page is an answer of its own).
"""
import http.cookiejar
import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE = sys.argv[1]
CFG = json.load(open(sys.argv[2]))
fouten = 0


class GeenRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def opener(jar):
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), GeenRedirect)


def haal(op, pad, headers=None, data=None):
    req = urllib.request.Request(BASE + pad, headers=headers or {}, data=data)
    try:
        with op.open(req, timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def login(naam):
    jar = http.cookiejar.CookieJar()
    op = opener(jar)
    code, body = haal(op, "/inloggen")
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', body)
    if not m:
        raise SystemExit(f"not ok matrix_login_{naam}: geen csrf-veld op /inloggen")
    data = urllib.parse.urlencode({"naam": naam, "wachtwoord": CFG["wachtwoord"],
                                   "csrf": m.group(1)}).encode()
    code, body = haal(op, "/inloggen", data=data)
    if code != 303:
        raise SystemExit(f"not ok matrix_login_{naam}: status {code}")
    return op


def audit_telling():
    out = subprocess.run(CFG["audit_telling"], shell=True, capture_output=True, text=True)
    return int(out.stdout.strip() or "-1")


def melding(naam, reden):
    global fouten
    fouten += 1
    print(f"not ok {naam}\n#   {reden}")


# The principals: name -> (opener, extra headers, role for the rules).
principals = {"publiek": (opener(http.cookiejar.CookieJar()), {}, "publiek")}
for rol, naam in CFG["gebruikers"].items():
    principals[rol] = (login(naam), {}, rol)
for naam, (rol, token) in CFG["tokens"].items():
    principals[naam] = (opener(http.cookiejar.CookieJar()),
                        {"Authorization": "Bearer " + token}, rol)

PERSOON = {"regio", "gemeente", "lokaal_team", "aanbieder"}
INGELOGD = {"beheerder", "regio", "gemeente", "lokaal_team", "aanbieder", "beleid"}


def verwacht_eis(eis, rol, api):
    """Status for a route with this eis, when the record is in scope."""
    if eis == "publiek":
        return 200
    toegelaten = {"ingelogd": INGELOGD, "persoon": PERSOON, "beheer": {"beheerder"},
                  "regio": {"regio"}, "gemeentelijk": {"regio", "gemeente", "lokaal_team"}}[eis]
    if rol in toegelaten:
        return 200
    if rol == "publiek":
        return 401 if api else 303
    return 403


# (name, path or callable(principal) -> path, eis, audited youth read)
ag = CFG["agb_eigen"]
endpoints = [
    ("gezondheid", "/gezondheid", "publiek"),
    ("start", "/", "publiek"),
    ("api_gemeenten", "/api/v1/gemeenten", "publiek"),
    ("api_gemeente", "/api/v1/gemeenten/" + CFG["gemeente"], "publiek"),
    ("api_lokale_teams", "/api/v1/lokale-teams", "publiek"),
    ("api_aanbieders", "/api/v1/aanbieders", "publiek"),
    ("api_aanbieder", "/api/v1/aanbieders/" + ag, "publiek"),
    ("api_producten", "/api/v1/producten", "publiek"),
    ("api_contracten", "/api/v1/contracten", "ingelogd"),
    ("api_indicatoren", "/api/v1/indicatoren", "publiek"),
    ("api_indicatoren_gemeenten", "/api/v1/indicatoren/gemeenten", "publiek"),
    ("api_jeugdigen", "/api/v1/jeugdigen", "persoon"),
    ("api_audit", "/api/v1/audit", "beheer"),
    ("gemeenten", "/gemeenten", "publiek"),
    ("gemeente", "/gemeenten/" + CFG["gemeente"], "publiek"),
    ("aanbieders", "/aanbieders", "publiek"),
    ("aanbieder", "/aanbieders/" + ag, "publiek"),
    ("register", "/register", "publiek"),
    ("jeugdigen", "/jeugdigen", "persoon"),
    ("audit", "/audit", "beheer"),
    ("audit_inzage", "/audit/inzage", "beheer"),
    ("api_berichten", "/api/v1/berichten", "persoon"),
    ("berichten", "/berichten", "persoon"),
    ("api_werkvoorraad", "/api/v1/werkvoorraad", "persoon"),
    ("werkvoorraad", "/werkvoorraad", "persoon"),
    ("api_verzoeken", "/api/v1/verzoeken", "gemeentelijk"),
    ("verzoeken", "/verzoeken", "gemeentelijk"),
    ("toewijzen", "/toewijzen", "gemeentelijk"),
    ("api_toewijzingen", "/api/v1/toewijzingen", "persoon"),
    ("toewijzingen", "/toewijzingen", "persoon"),
    ("api_betalingen", "/api/v1/betalingen", "persoon"),
    ("betalingen", "/betalingen", "persoon"),
    ("betalingen_csv", "/betalingen.csv", "persoon"),
    ("api_wachtlijst", "/api/v1/wachtlijst", "persoon"),
    ("api_wachtlijst_overzicht", "/api/v1/wachtlijst/overzicht?weergave=gemeente", "persoon"),
    ("api_wachtlijst_signalen", "/api/v1/wachtlijst/signalen", "persoon"),
    ("wachtlijst", "/wachtlijst", "persoon"),
    ("wachtlijst_per_aanbieder", "/wachtlijst?weergave=aanbieder", "persoon"),
    ("wachtlijst_signalen", "/wachtlijst/signalen", "persoon"),
    ("wachtlijst_csv", "/wachtlijst/export.csv", "persoon"),
    ("wachtlijst_xlsx", "/wachtlijst/export.xlsx", "persoon"),
    ("wachtlijst_treeknorm", "/wachtlijst/treeknorm", "publiek"),
    ("api_treeknorm", "/api/v1/treeknorm", "publiek"),
    ("wachttijden", "/wachttijden", "publiek"),
    ("api_wachttijden", "/api/v1/wachttijden", "publiek"),
    ("capaciteit", "/capaciteit", "ingelogd"),
    ("api_capaciteit", "/api/v1/capaciteit", "ingelogd"),
    ("koppelen", "/koppelen", "gemeentelijk"),
    ("api_koppelen", "/api/v1/koppelen", "gemeentelijk"),
    ("doelen", "/doelen", "publiek"),
    ("api_doelen", "/api/v1/doelen", "publiek"),
    ("signalen", "/signalen", "ingelogd"),
    ("api_signalen", "/api/v1/signalen", "ingelogd"),
    ("geld", "/geld", "publiek"),
    ("geld_gemeente", "/gemeenten/" + CFG["gemeente"] + "/geld", "publiek"),
    ("api_geld", "/api/v1/geld", "publiek"),
    ("duidingen", "/duidingen", "publiek"),
    ("api_duidingen", "/api/v1/duidingen", "publiek"),
    ("duidingen_csv", "/duidingen/export.csv", "publiek"),
    ("api_maandcijfers", "/api/v1/maandcijfers?indicator=actief&van=2025-01&tot=2025-12", "publiek"),
    ("raadsrapport", "/gemeenten/" + CFG["gemeente"] + "/raadsrapport.pdf", "publiek"),
]
bestaat = set(CFG.get("routes", []))

for naam, pad, eis in endpoints:
    if bestaat and pad.split("?")[0] not in bestaat and naam not in bestaat:
        continue
    for p, (op, headers, rol) in principals.items():
        api = pad.startswith("/api/")
        want = verwacht_eis(eis, rol, api)
        # API tokens are for the API; on pages they act the same way.
        code, body = haal(op, pad, headers)
        cel = f"matrix_{naam}_{p}"
        if code != want:
            melding(cel, f"GET {pad}: status {code}, verwacht {want}")
            continue
        if want == 303:
            print(f"ok {cel}")
            continue
        if api and want >= 400:
            try:
                f = json.loads(body)["fout"]
                assert f["code"] and f["melding"]
            except Exception:
                melding(cel, f"GET {pad}: geen JSON-fout: {body[:120]}")
                continue
        print(f"ok {cel}")

# Youth files: in scope 200 and one audit record; out of scope 404 and
# none; roles without personal data: 403 / 401 and none.
for p, (op, headers, rol) in principals.items():
    for soort in ("in", "uit"):
        jid = CFG["jeugdige_" + soort].get(p)
        if jid is None:
            continue
        for vorm, pad in (("api", f"/api/v1/jeugdigen/{jid}"),
                          ("api_trajecten", f"/api/v1/jeugdigen/{jid}/trajecten"),
                          ("pagina", f"/jeugdigen/{jid}")):
            api = pad.startswith("/api/")
            if rol in PERSOON:
                want = 200 if soort == "in" else 404
            else:
                want = verwacht_eis("persoon", rol, api)
            voor = audit_telling()
            code, body = haal(op, pad, headers)
            na = audit_telling()
            cel = f"matrix_jeugdige_{vorm}_{soort}_{p}"
            extra = na - voor
            if code != want:
                melding(cel, f"GET {pad}: status {code}, verwacht {want}")
            elif (want == 200) != (extra == 1) or extra not in (0, 1):
                melding(cel, f"GET {pad}: {extra} auditregels erbij, verwacht "
                             f"{1 if want == 200 else 0}")
            elif want == 404 and api and '"niet_gevonden"' not in body:
                melding(cel, f"GET {pad}: 404 zonder code niet_gevonden")
            else:
                print(f"ok {cel}")

# Figures: exact within the scope, suppressed outside it and for the roles
# that see aggregates only. "onderdrukt" is the answer's own statement; a
# suppressed answer must also carry no small exact count.
EXACT_OVERAL = {"regio", "beheerder"}
for p, (op, headers, rol) in principals.items():
    for soort, gem in (("eigen", CFG["gemeente"]), ("andere", CFG["gemeente_ander"])):
        pad = f"/api/v1/indicatoren?gemeente={gem}"
        code, body = haal(op, pad, headers)
        cel = f"matrix_indicatoren_{soort}_gemeente_{p}"
        exact = rol in EXACT_OVERAL or (rol in ("gemeente", "lokaal_team") and soort == "eigen")
        if rol == "lokaal_team" and soort == "eigen" and not CFG["team_dekt_gemeente"]:
            exact = False
        try:
            onderdrukt = json.loads(body)["onderdrukt"]
        except Exception:
            melding(cel, f"GET {pad}: status {code}, geen JSON met 'onderdrukt'")
            continue
        if code != 200 or onderdrukt == exact:
            melding(cel, f"GET {pad}: status {code}, onderdrukt={onderdrukt}, verwacht "
                         f"{not exact}")
        elif onderdrukt and re.search(r'"waarde":[1-9],', body):
            melding(cel, f"GET {pad}: onderdrukt maar met een aantal onder 10")
        else:
            print(f"ok {cel}")

# Contracts: a provider sees its own; another provider's code answers like
# an unknown one (404), for users and tokens alike.
for p, (op, headers, rol) in principals.items():
    if rol != "aanbieder":
        continue
    for soort, agb, want in (("eigen", CFG["agb_eigen"], 200), ("andere", CFG["agb_ander"], 404)):
        code, body = haal(op, f"/api/v1/contracten?agb={agb}", headers)
        cel = f"matrix_contracten_{soort}_{p}"
        if code != want:
            melding(cel, f"status {code}, verwacht {want}")
        elif want == 200 and any(c.get("agb") != agb for c in json.loads(body)["gegevens"]):
            melding(cel, "een contract van een andere aanbieder in de lijst")
        else:
            print(f"ok {cel}")

# POST /api/v1/ijw: only a provider's API token may send messages. The
# public gets 401; a session has no CSRF token here (403 csrf, the server's
# own check); a gemeente token 403; a provider token with an empty body 400.
for p, (op, headers, rol) in principals.items():
    h = dict(headers)
    h["Content-Type"] = "application/xml"
    code, body = haal(op, "/api/v1/ijw", h, data=b"")
    cel = f"matrix_post_ijw_{p}"
    if p == "publiek":
        want = 401
    elif p == "token_aanbieder":
        want = 400
    else:
        want = 403
    if code != want:
        melding(cel, f"POST /api/v1/ijw: status {code}, verwacht {want}")
    else:
        print(f"ok {cel}")

# One toewijzing: in scope 200 and one audit record; out of scope (or not
# existing) 404 and none; roles without personal data 403 / 401.
for p, (op, headers, rol) in principals.items():
    for soort in ("in", "uit", "bestaat_niet"):
        nr = 999999999 if soort == "bestaat_niet" else CFG["toewijzing_" + soort].get(p)
        if nr is None or (soort == "bestaat_niet" and rol not in PERSOON):
            continue
        for vorm, pad in (("api", f"/api/v1/toewijzingen/{nr}"), ("pagina", f"/toewijzingen/{nr}")):
            api = pad.startswith("/api/")
            if rol in PERSOON:
                want = 200 if soort == "in" else 404
            else:
                want = verwacht_eis("persoon", rol, api)
            voor = audit_telling()
            code, body = haal(op, pad, headers)
            extra = audit_telling() - voor
            cel = f"matrix_toewijzing_{vorm}_{soort}_{p}"
            if code != want:
                melding(cel, f"GET {pad}: status {code}, verwacht {want}")
            elif (want == 200) != (extra == 1) or extra not in (0, 1):
                melding(cel, f"GET {pad}: {extra} auditregels erbij")
            elif want == 404 and api and '"niet_gevonden"' not in body:
                melding(cel, f"GET {pad}: 404 zonder code niet_gevonden")
            else:
                print(f"ok {cel}")

# POST /api/v1/toewijzingen and /api/v1/toewijzingen/{nummer} (an empty
# form): the public 401; a role that may not allocate 403; a session of a
# role that may, without a CSRF token, 403 csrf (the server's check); a
# gemeente token 400 (the form misses its fields). Nothing is written.
MAG_TOEWIJZEN = {"regio", "gemeente", "lokaal_team"}
for p, (op, headers, rol) in principals.items():
    for naam, pad in (("post_toewijzingen", "/api/v1/toewijzingen"),
                      ("post_toewijzing", "/api/v1/toewijzingen/%d" % CFG["toewijzing_in"]["regio"])):
        h = dict(headers)
        h["Content-Type"] = "application/x-www-form-urlencoded"
        code, body = haal(op, pad, h, data=b"")
        cel = f"matrix_{naam}_{p}"
        if p == "publiek":
            want, fcode = 401, "niet_ingelogd"
        elif rol not in MAG_TOEWIJZEN:
            want, fcode = 403, "geen_toegang"
        elif p.startswith("token_"):
            want, fcode = 400, "ongeldige_parameter"
        else:
            want, fcode = 403, "csrf"
        if code != want or f'"{fcode}"' not in body:
            melding(cel, f"POST {pad}: status {code}, verwacht {want} {fcode}: {body[:120]}")
        else:
            print(f"ok {cel}")

# A non-existent youth answers exactly like one out of scope.
for p in ("regio", "gemeente"):
    if p not in principals:
        continue
    op, headers, rol = principals[p]
    code, body = haal(op, "/api/v1/jeugdigen/999999999", headers)
    cel = f"matrix_jeugdige_bestaat_niet_{p}"
    if code == 404 and '"niet_gevonden"' in body:
        print(f"ok {cel}")
    else:
        melding(cel, f"status {code}")

# The waiting list, record by record: a waiting trajectory in the asker's
# scope is 200 with one audit record, one outside it 404 and none (the
# trajectories come from the lists themselves: "in" the first of the
# asker's own list, "uit" the first of the region's that is not in it).
def wachtlijst_ids(op, headers):
    code, body = haal(op, "/api/v1/wachtlijst?per_pagina=500", headers)
    if code != 200:
        return None
    return [r["traject_id"] for r in json.loads(body)["gegevens"]]


alle = wachtlijst_ids(*principals["regio"][:2]) if "regio" in principals else None
for p, (op, headers, rol) in principals.items():
    eigen = wachtlijst_ids(op, headers) if rol in PERSOON else []
    if alle is None or eigen is None:
        melding(f"matrix_wachtlijst_ids_{p}", "geen wachtlijst te lezen")
        continue
    keuzes = {"in": eigen[0] if eigen else None,
              "uit": next((t for t in alle if t not in eigen), None)}
    if rol not in PERSOON:
        keuzes = {"in": alle[0] if alle else None}
    for soort, tid in keuzes.items():
        if tid is None:
            print(f"ok matrix_wachtlijst_{soort}_{p} # geen wachtend traject in de demo")
            continue
        for vorm, pad in (("api", f"/api/v1/wachtlijst/{tid}"), ("pagina", f"/wachtlijst/{tid}")):
            api = pad.startswith("/api/")
            if rol in PERSOON:
                want = 200 if soort == "in" else 404
            else:
                want = verwacht_eis("persoon", rol, api)
            voor = audit_telling()
            code, body = haal(op, pad, headers)
            extra = audit_telling() - voor
            cel = f"matrix_wachtlijst_{vorm}_{soort}_{p}"
            if code != want:
                melding(cel, f"GET {pad}: status {code}, verwacht {want}")
            elif (want == 200) != (extra == 1) or extra not in (0, 1):
                melding(cel, f"GET {pad}: {extra} auditregels erbij")
            else:
                print(f"ok {cel}")
    # Deciding on a worrying waiter: regio, gemeente and lokaal_team (who
    # keep the lead). Sessions meet the server's CSRF check first (403);
    # tokens have no CSRF: a gemeente token decides in scope (200) and gets
    # 404 outside it; a provider token 403; the public 401.
    if keuzes.get("in") is None:
        continue
    for soort, tid in keuzes.items():
        if tid is None:
            continue
        data = urllib.parse.urlencode({"besluit": "bevestigen",
                                       "reden": "matrix: zorgen over de wachttijd"}).encode()
        code, body = haal(op, f"/api/v1/wachtlijst/{tid}/zorgelijk", headers, data=data)
        cel = f"matrix_post_zorgelijk_{soort}_{p}"
        if p == "publiek":
            want = 401
        elif p == "token_gemeente":
            want = 200 if soort == "in" else 404
        else:
            want = 403
        if code != want:
            melding(cel, f"POST zorgelijk: status {code}, verwacht {want}")
        else:
            print(f"ok {cel}")

sys.exit(1 if fouten else 0)
