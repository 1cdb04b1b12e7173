#!/usr/bin/env bash
# Matching waiting youth to free capacity (src/store/koppel_store.c,
# src/web/koppel_web.c, `jeugdregie match`): a round on a small demo; the
# stored proposals keep the constraints (segment and product fit, age,
# capacity per place, crisis places only to crisis cases, no stale
# report), checked with SQL written here; a second round without changes
# proposes the same; a gemeente sees only its own youth's proposals (404
# for another's); a confirm through the real login makes the toewijzing,
# the new waiting traject and a JW301 that `ijw validate` accepts; a
# turned-down place is not proposed again. Runs once per backend.
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
export JEUGDREGIE_PWHASH_SNEL=1

VANDAAG=2026-11-25
DB=$(nieuwe_db koppelen)
expect demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until "$VANDAAG"

# ---- the CLI ---------------------------------------------------------------------------
expect match_fout_datum 2 "geen geldige datum" -- "$J" match --db "$DB" --peildatum 2026-13-01
expect match_fout_optie 2 "onbekende optie" -- "$J" match --db "$DB" --soms
expect match_tekst 0 "Koppelronde 1" "Totaal:" "gekoppeld" -- "$J" match --db "$DB" --peildatum "$VANDAAG"
run "$J" match --db "$DB" --peildatum "$VANDAAG" --json
check match_json [ "$rc" -eq 0 ]
GEK=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["totalen"]["gekoppeld"])' <<<"$out" 2>/dev/null)
check match_json_gekoppeld [ "${GEK:-0}" -gt 0 ]
check match_json_uitleg grep -q '"uitleg": "Voorstel: een plek bij' <<<"$out"

# ---- constraints on the stored proposals (round 2) --------------------------------------
R=2
nul() { [ "$(sql "$DB" "$1")" = 0 ]; }
check segment_past nul "SELECT count(*) FROM koppel_voorstel v JOIN product p ON p.code = v.productcode
	WHERE v.ronde_id = $R AND v.keuze = 'plek' AND p.segment <> v.segment"
check product_past nul "SELECT count(*) FROM koppel_voorstel v WHERE v.ronde_id = $R AND v.keuze = 'plek'
	AND v.gevraagd_product IS NOT NULL AND v.gevraagd_product <> v.productcode"
check leeftijd_past nul "SELECT count(*) FROM koppel_voorstel v JOIN jeugdige j ON j.id = v.jeugdige_id
	WHERE v.ronde_id = $R AND v.keuze = 'plek' AND (v.leeftijd < 0 OR v.leeftijd > 22)"
# The latest report per place, as the capacity page counts it.
LAATSTE="SELECT c.agb, c.productcode, COALESCE(c.groep, '') AS groep, c.peildatum,
	c.vrije_plaatsen, c.crisis_gereserveerd FROM capaciteit c WHERE NOT EXISTS (SELECT 1
	FROM capaciteit d WHERE d.agb = c.agb AND d.productcode = c.productcode
	AND COALESCE(d.groep, '') = COALESCE(c.groep, '') AND (d.peildatum > c.peildatum
	OR (d.peildatum = c.peildatum AND d.id > c.id)))"
check capaciteit_gerespecteerd nul "SELECT count(*) FROM (SELECT v.agb, v.productcode,
	COALESCE(v.groep, '') AS groep, count(*) AS n, sum(v.crisisplaats) AS nc FROM koppel_voorstel v
	WHERE v.ronde_id = $R AND v.keuze = 'plek' GROUP BY v.agb, v.productcode, COALESCE(v.groep, '')) x
	LEFT JOIN ($LAATSTE) l ON l.agb = x.agb AND l.productcode = x.productcode AND l.groep = x.groep
	WHERE l.agb IS NULL OR x.n > l.vrije_plaatsen OR x.nc > l.crisis_gereserveerd"
check niet_verouderd nul "SELECT count(*) FROM koppel_voorstel v JOIN ($LAATSTE) l ON l.agb = v.agb
	AND l.productcode = v.productcode AND l.groep = COALESCE(v.groep, '')
	WHERE v.ronde_id = $R AND v.keuze = 'plek' AND (l.peildatum > '$VANDAAG' OR l.peildatum < '2026-11-11')"
check crisis_alleen_crisis nul "SELECT count(*) FROM koppel_voorstel WHERE ronde_id = $R
	AND crisisplaats = 1 AND crisis = 0"
check een_voorstel_per_traject nul "SELECT count(*) - count(DISTINCT traject_id) FROM koppel_voorstel WHERE ronde_id = $R"
check iedere_wachtende nul "SELECT count(*) FROM koppel_voorstel v JOIN traject t ON t.id = v.traject_id
	WHERE v.ronde_id = $R AND (t.begindatum IS NOT NULL OR t.status NOT IN (0, 1))"

# Stability: round 2 proposes what round 1 did.
RONDE_SET="SELECT traject_id || ':' || keuze || ':' || COALESCE(agb, '') || ':' ||
	COALESCE(productcode, '') || ':' || COALESCE(groep, '') FROM koppel_voorstel WHERE ronde_id = %s ORDER BY traject_id"
check stabiel [ "$(sql "$DB" "$(printf "$RONDE_SET" 1)")" = "$(sql "$DB" "$(printf "$RONDE_SET" 2)")" ]
check als_vorig nul "SELECT count(*) FROM koppel_voorstel WHERE ronde_id = 2 AND keuze = 'plek' AND als_vorig = 0"

# ---- pages, scope and decisions ------------------------------------------------------------
# A proposal whose place has a 2026 contract at another aanbieder than
# where the youth waits: to confirm; its gemeente is G. Another plek
# proposal to turn down, and one in another gemeente for the scope check.
IFS='|' read -r TB G AGB < <(sql "$DB" "SELECT v.traject_id, v.gemeente, v.agb FROM koppel_voorstel v
	WHERE v.ronde_id = $R AND v.keuze = 'plek' AND v.agb <> v.huidig_agb AND EXISTS (SELECT 1
	FROM tarief t JOIN contract c ON c.id = t.contract_id WHERE c.agb = v.agb
	AND t.productcode = v.productcode AND t.jaar = 2026) ORDER BY v.traject_id LIMIT 1")
TA=$(sql "$DB" "SELECT traject_id FROM koppel_voorstel WHERE ronde_id = $R AND keuze = 'plek'
	AND traject_id <> ${TB:-0} ORDER BY traject_id LIMIT 1")
TX=$(sql "$DB" "SELECT traject_id FROM koppel_voorstel WHERE ronde_id = $R AND gemeente <> '${G:-}'
	ORDER BY traject_id LIMIT 1")
for v in TB G AGB TA TX; do
	if [ -z "${!v}" ]; then not_ok "keuze_$v" "geen waarde uit de demo"; exit 1; fi
done
ok keuzes

PW='koppelen wachtwoord een'
gebruiker user_regio rita regio
gebruiker user_gemeente gerda gemeente --gemeente "$G"
gebruiker user_team tom lokaal_team --team "$(sql "$DB" "SELECT team_id FROM lokaal_team_gemeente WHERE gemeente = '$G' ORDER BY team_id LIMIT 1")"

start_server serve_start "$DB" 2
RJ="$T/r.jar"
GJ="$T/g.jar"
TJ="$T/t.jar"
login "$RJ" rita "$PW" login_regio
login "$GJ" gerda "$PW" login_gemeente
login "$TJ" tom "$PW" login_team

audits() { sql "$DB" "SELECT count(*) FROM audit_log WHERE object LIKE 'koppelen:%'"; }

a0=$(audits)
haal "$GJ" /koppelen
check lijst_200 [ "$code" = 200 ]
check lijst_uitleg heeft "Voorstel: een plek bij"
check lijst_geen_inline_style bash -c '! grep -q "style=" "$1"' _ "$T/b"
check lijst_audit [ "$(audits)" -gt "$a0" ]
haal "$GJ" /api/v1/koppelen
check api_lijst_200 [ "$code" = 200 ]
ANDERS=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(1 for v in d["voorstellen"] if v["gemeente"] != sys.argv[1]))' "$G" <"$T/b" 2>/dev/null)
check api_lijst_alleen_eigen [ "${ANDERS:-x}" = 0 ]
haal "$GJ" "/api/v1/koppelen?segment=9"
check api_lijst_segment_400 [ "$code" = 400 ]

a0=$(audits)
haal "$GJ" "/koppelen/$TB"
check een_200 [ "$code" = 200 ]
check een_opties heeft "Alle mogelijkheden nu"
check een_audit [ "$(audits)" -gt "$a0" ]
haal "$GJ" "/api/v1/koppelen/$TB"
check api_een_opties grep -q '"opties":\[{' "$T/b"
haal "$GJ" "/koppelen/$TX"
check scope_andere_gemeente_404 [ "$code" = 404 ]
haal "$GJ" "/api/v1/koppelen/$TX"
check scope_api_404 [ "$code" = 404 ]
haal "$GJ" /api/v1/koppelen/999999999
check onbekend_404 [ "$code" = 404 ]

# The local team may look but not decide.
haal "$TJ" "/koppelen/$TB"
C=$(csrf_veld)
haal "$TJ" --data-urlencode "csrf=$C" --data "actie=afwijzen&reden=x" "/koppelen/$TB"
check team_besluit_403 [ "$code" = 403 ]

telling() {
	sql "$DB" "SELECT (SELECT count(*) FROM toewijzing) || '|' || (SELECT count(*) FROM traject)
		|| '|' || (SELECT count(*) FROM ijw_bericht WHERE richting = 'uit')"
}
voor=$(telling)
haal "$GJ" "/koppelen/$TB"
C=$(csrf_veld)
haal "$GJ" --data-urlencode "csrf=$C" --data "actie=bevestigen&huisnummer=12&postcode=2311AB&plaatsnaam=Leiden" "/koppelen/$TX"
check bevestig_buiten_scope_404 [ "$code" = 404 ]
haal "$GJ" --data-urlencode "csrf=$C" --data "actie=bevestigen" "/koppelen/$TB"
check bevestig_zonder_adres_400 [ "$code" = 400 ]
check bevestig_niets_veranderd [ "$(telling)" = "$voor" ]
haal "$GJ" --data-urlencode "csrf=$C" --data "actie=bevestigen&straatnaam=Breestraat&huisnummer=12&postcode=2311AB&plaatsnaam=Leiden" "/koppelen/$TB"
check bevestig_303 [ "$code" = 303 ]
IFS='|' read -r NT NTR NB <<<"$(telling)"
IFS='|' read -r VT VTR VB <<<"$voor"
check bevestig_toewijzing [ "$NT" = $((VT + 1)) ]
check bevestig_traject [ "$NTR" = $((VTR + 1)) ]
check bevestig_jw301 [ "$NB" = $((VB + 1)) ]
NR=$(sql "$DB" "SELECT toewijzing_nummer FROM koppel_voorstel WHERE ronde_id = $R AND traject_id = $TB AND status = 'bevestigd'")
check bevestig_voorstel [ -n "$NR" ]
check bevestig_toewijzing_agb [ "$(sql "$DB" "SELECT agb FROM toewijzing WHERE nummer = ${NR:-0}")" = "$AGB" ]
check bevestig_oud_vervallen [ "$(sql "$DB" "SELECT status FROM traject WHERE id = $TB")" = 5 ]
check bevestig_nieuw_wacht [ "$(sql "$DB" "SELECT count(*) FROM traject WHERE toewijzing_nummer = ${NR:-0} AND status = 0 AND begindatum IS NULL")" = 1 ]
haal "$GJ" --data-urlencode "csrf=$C" --data "actie=afwijzen&reden=al%20besloten" "/koppelen/$TB"
check al_besloten_409 [ "$code" = 409 ]

# Turn down TA (as the region).
haal "$RJ" "/koppelen/$TA"
C=$(csrf_veld)
haal "$RJ" --data-urlencode "csrf=$C" --data "actie=afwijzen" "/koppelen/$TA"
check afwijzen_zonder_reden_400 [ "$code" = 400 ]
haal "$RJ" --data-urlencode "csrf=$C" --data "actie=afwijzen&reden=gezin%20wil%20dichterbij" "/koppelen/$TA"
check afwijzen_303 [ "$code" = 303 ]
PLEK_A=$(sql "$DB" "SELECT agb || ':' || productcode || ':' || COALESCE(groep, '') FROM koppel_voorstel
	WHERE ronde_id = $R AND traject_id = $TA AND status = 'afgewezen'")
check afwijzen_bewaard [ -n "$PLEK_A" ]

# A new round through the page: the confirmed traject waits no more, the
# turned-down place is not proposed again.
haal "$RJ" /koppelen
C=$(csrf_veld)
haal "$RJ" --data-urlencode "csrf=$C" --data "peildatum=$VANDAAG" /koppelen
check ronde_303 [ "$code" = 303 ]
R3=$(sql "$DB" "SELECT max(id) FROM koppel_ronde")
check ronde_nieuw [ "$R3" = 3 ]
check ronde_zonder_bevestigde nul "SELECT count(*) FROM koppel_voorstel WHERE ronde_id = $R3 AND traject_id = $TB"
check afgewezen_niet_opnieuw nul "SELECT count(*) FROM koppel_voorstel WHERE ronde_id = $R3 AND traject_id = $TA
	AND agb || ':' || productcode || ':' || COALESCE(groep, '') = '$PLEK_A'"
check ronde_capaciteit_na_bevestiging nul "SELECT count(*) FROM (SELECT v.agb, v.productcode,
	COALESCE(v.groep, '') AS groep, count(*) AS n FROM koppel_voorstel v
	WHERE (v.ronde_id = $R3 AND v.keuze = 'plek') OR v.status = 'bevestigd'
	GROUP BY v.agb, v.productcode, COALESCE(v.groep, '')) x JOIN ($LAATSTE) l ON l.agb = x.agb
	AND l.productcode = x.productcode AND l.groep = x.groep WHERE x.n > l.vrije_plaatsen"

# ---- the kept instance: decisions re-solve it warm ---------------------------------------
# The server keeps the solved instance of a page; a turn-down and a confirm
# through /api/v1/koppelen change it and re-solve it warm; the next round
# is written from it. That round must be the round a new build makes on
# the same record: compared in full against `jeugdregie match` on a copy
# (SQLite), and by its choices against the next cold round (both backends;
# the earlier proposals then weigh towards the same choices).
IFS='|' read -r TD AGB_D < <(sql "$DB" "SELECT v.traject_id, v.agb FROM koppel_voorstel v
	WHERE v.ronde_id = $R3 AND v.keuze = 'plek' AND v.agb <> v.huidig_agb AND EXISTS (SELECT 1
	FROM tarief t JOIN contract c ON c.id = t.contract_id WHERE c.agb = v.agb
	AND t.productcode = v.productcode AND t.jaar = 2026) ORDER BY v.traject_id DESC LIMIT 1")
TC=$(sql "$DB" "SELECT traject_id FROM koppel_voorstel WHERE ronde_id = $R3 AND keuze = 'plek'
	AND traject_id <> ${TD:-0} ORDER BY traject_id DESC LIMIT 1")
VANDAAG_SERVER=$(date +%F)
if [ -z "$TC" ] || [ -z "$TD" ]; then
	not_ok warm_keuzes "geen voorstellen om te besluiten in ronde $R3"
else
	haal "$RJ" "/api/v1/koppelen/$TC"
	check warm_een_200 [ "$code" = 200 ]
	haal "$RJ" "/koppelen/$TC"
	C=$(csrf_veld)
	haal "$RJ" --data-urlencode "csrf=$C" --data "actie=afwijzen&reden=te%20ver" "/api/v1/koppelen/$TC"
	check warm_afwijzen_200 [ "$code" = 200 ]
	check warm_afwijzen_herberekend grep -q '"herberekend":true' "$T/b"
	haal "$RJ" --data-urlencode "csrf=$C" --data "actie=bevestigen&straatnaam=Breestraat&huisnummer=14&postcode=2311AB&plaatsnaam=Leiden" "/api/v1/koppelen/$TD"
	check warm_bevestig_200 [ "$code" = 200 ]
	check warm_bevestig_herberekend grep -q '"herberekend":true' "$T/b"
	haal "$RJ" "/api/v1/koppelen/$TD"
	check warm_bevestigd_wacht_niet grep -q '"wacht_nog":false' "$T/b"
	if [ "$BACKEND" = sqlite ]; then
		sqlite3 "$DB" ".backup '$T/koud.db'"
	fi
	haal "$RJ" --data-urlencode "csrf=$C" --data "peildatum=" /api/v1/koppelen
	check warm_ronde_200 [ "$code" = 200 ]
	check warm_ronde_bewaard grep -q '"bewaard":true' "$T/b"
	R4=$(sql "$DB" "SELECT max(id) FROM koppel_ronde")
	VOLLEDIG="SELECT traject_id || ':' || keuze || ':' || COALESCE(agb, '') || ':' ||
		COALESCE(productcode, '') || ':' || COALESCE(groep, '') || ':' || crisisplaats || ':' ||
		afstand_hm || ':' || voorkeur || ':' || als_vorig || ':' || kosten || ':' || wachtkosten
		|| ':' || tweede || ':' || COALESCE(tweede_agb, '') || ':' || COALESCE(tweede_productcode, '')
		|| ':' || COALESCE(tweede_groep, '') || ':' || tweede_kosten || ':' || meerkosten
		FROM koppel_voorstel WHERE ronde_id = $R4 ORDER BY traject_id"
	RONDE_KOP="SELECT jeugdigen || ':' || plekken || ':' || plaatsen || ':' || gekoppeld || ':' || totaal
		FROM koppel_ronde WHERE id = $R4"
	check warm_zonder_bevestigde nul "SELECT count(*) FROM koppel_voorstel WHERE ronde_id = $R4 AND traject_id = $TD"
	if [ "$BACKEND" = sqlite ]; then
		expect warm_koud_ronde 0 -- "$J" match --db "$T/koud.db" --peildatum "$VANDAAG_SERVER" --json
		check warm_gelijk_koud_kop [ "$(sql "$T/koud.db" "$RONDE_KOP")" = "$(sql "$DB" "$RONDE_KOP")" ]
		check warm_gelijk_koud_voorstellen [ "$(sql "$T/koud.db" "$VOLLEDIG")" = "$(sql "$DB" "$VOLLEDIG")" ]
	fi
	expect warm_volgende_koud 0 -- "$J" match --db "$DB" --peildatum "$VANDAAG_SERVER" --json
	check warm_keuzes_als_koud [ "$(sql "$DB" "$(printf "$RONDE_SET" "$R4")")" = "$(sql "$DB" "$(printf "$RONDE_SET" $((R4 + 1)))")" ]
fi
stop_server

# ---- the JW301 leaves and validates ---------------------------------------------------------
mkdir -p "$T/uit"
expect export 0 -- "$J" ijw export --db "$DB" --naar "$T/uit" --aanbieder "$AGB"
f=$(grep -l "<ToewijzingNummer>${NR:-x}</ToewijzingNummer>" "$T"/uit/*.xml 2>/dev/null | head -n 1)
check jw301_gevonden [ -n "$f" ]
if [ -n "$f" ]; then
	expect jw301_validate 0 -- "$J" ijw validate "$f"
fi
