#!/usr/bin/env bash
# End-to-end tests of youth and their files (src/web/jeugd_web.c,
# src/store/dossier.c): the list API and page, the file API and page, the
# trajectories, scope per role (regio, gemeente, aanbieder; beleid and the
# public refused), 404 for out-of-scope and bad ids, 400 for bad query
# parameters, one audit record per read with the right pseudonym (checked
# with SQL and with `jeugdregie audit zoek/inzage`), the audit chain after
# the reads, and HTML escaping of names. The expected sets of youth come
# from SQL written here, not from the code under test. Runs once per
# backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db jeugd)
expect jeugd_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
PW='jeugd wachtwoord voor de test'
G=0546
AGB=$(sql "$DB" "SELECT agb FROM traject WHERE agb IS NOT NULL GROUP BY agb ORDER BY count(*) DESC, agb LIMIT 1")

maak() { # maak NAAM ROL [SCOPE-OPTIES]
	gebruiker "jeugd_user_$1" "$@"
}
maak j_regio regio
maak j_gemeente gemeente --gemeente "$G"
maak j_aanbieder aanbieder --aanbieder "$AGB"
maak j_beleid beleid

# The scope rules of toegang.h, written out here.
SCOPE_G="SELECT id FROM jeugdige j WHERE EXISTS (SELECT 1 FROM woonplaats w WHERE w.jeugdige_id = j.id AND w.gemeente = '$G') OR EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id AND t.gemeente = '$G') OR EXISTS (SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = j.id AND z.gemeente = '$G')"
SCOPE_A="SELECT id FROM jeugdige j WHERE EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id AND t.agb = '$AGB') OR EXISTS (SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = j.id AND z.agb = '$AGB')"
# In the gemeente by residence, with trajectories at more than one provider
# (so that the aanbieder's narrowed view differs from the whole file).
IN_G=$(sql "$DB" "SELECT j.id FROM jeugdige j WHERE EXISTS (SELECT 1 FROM woonplaats w WHERE w.jeugdige_id = j.id AND w.gemeente = '$G') AND (SELECT count(DISTINCT t.agb) FROM traject t WHERE t.jeugdige_id = j.id) >= 2 ORDER BY j.id LIMIT 1")
UIT_G=$(sql "$DB" "SELECT id FROM jeugdige WHERE id NOT IN ($SCOPE_G) ORDER BY id LIMIT 1")
A_IN=$(sql "$DB" "SELECT t.jeugdige_id FROM traject t WHERE t.agb = '$AGB' AND EXISTS (SELECT 1 FROM traject u WHERE u.jeugdige_id = t.jeugdige_id AND u.agb <> '$AGB') ORDER BY t.jeugdige_id LIMIT 1")
A_UIT=$(sql "$DB" "SELECT id FROM jeugdige WHERE id NOT IN ($SCOPE_A) ORDER BY id LIMIT 1")
for v in AGB IN_G UIT_G A_IN A_UIT; do
	if [ -z "${!v}" ]; then not_ok "jeugd_keuze_$v" "geen waarde uit de demo"; exit 1; fi
done
ok jeugd_keuzes
BSN=$(sql "$DB" "SELECT bsn FROM jeugdige WHERE id = $IN_G")
# A name that must be escaped on every page.
sql "$DB" "UPDATE jeugdige SET voornamen = 'Kim<script>', achternaam = 'de \"Vries\" & <b>Zn</b>' WHERE id = $IN_G" >/dev/null

start_server jeugd_serve "$DB" 2

HAAL_MAX_TIME=30
# py EXPR: evaluate EXPR with the JSON body as d; prints the result.
py() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" <"$T/b" 2>/dev/null; }
audit_n() { sql "$DB" "SELECT count(*) FROM audit_log"; }
R="$T/regio.jar" GM="$T/gemeente.jar" A="$T/aanbieder.jar" BL="$T/beleid.jar" P="$T/publiek.jar"
login "$R" j_regio "$PW" jeugd_login_j_regio
login "$GM" j_gemeente "$PW" jeugd_login_j_gemeente
login "$A" j_aanbieder "$PW" jeugd_login_j_aanbieder
login "$BL" j_beleid "$PW" jeugd_login_j_beleid

# ---- regio: a file, audited once with the youth's pseudonym ------------------
n0=$(audit_n)
haal "$R" "/api/v1/jeugdigen/$IN_G"
check regio_dossier_200 [ "$code" = 200 ]
check regio_dossier_bsn [ "$(py 'd["bsn"]')" = "$BSN" ]
check regio_dossier_naam [ "$(py 'd["voornamen"]')" = "Kim<script>" ]
n=$(sql "$DB" "SELECT count(*) FROM traject WHERE jeugdige_id = $IN_G")
check regio_dossier_trajecten [ "$(py 'len(d["trajecten"])')" = "$n" ]
n=$(sql "$DB" "SELECT count(*) FROM prestatie WHERE jeugdige_id = $IN_G")
check regio_dossier_declaraties [ "$(py 'len(d["declaraties"])')" = "$n" ]
n=$(sql "$DB" "SELECT COALESCE(sum(bedrag), 0) FROM prestatie WHERE jeugdige_id = $IN_G")
check regio_dossier_bedragen [ "$(py 'sum(p["bedrag"] for p in d["declaraties"])')" = "$n" ]
check regio_dossier_vormen [ "$(py 'all(set(k) >= {"gezin","woonplaatsen","verwijzingen","toewijzingen","schoolstatus","perspectiefplannen"} for k in [d])')" = True ]
check regio_dossier_audit_een [ "$(audit_n)" = $((n0 + 1)) ]
# Each referral carries its reason and team (migration 8); the demo's have neither.
check regio_dossier_verwijzing_velden [ "$(py 'all(set(v) >= {"reden","team_id","team_naam"} for v in d["verwijzingen"])')" = True ]
n=$(sql "$DB" "SELECT count(*) FROM verwijzing WHERE jeugdige_id = $IN_G AND reden IS NOT NULL")
check regio_dossier_verwijzing_reden [ "$(py 'sum(v["reden"] is not None for v in d["verwijzingen"])')" = "$n" ]
rij=$(sql "$DB" "SELECT gebruiker || '|' || rol || '|' || actie || '|' || object FROM audit_log ORDER BY id DESC LIMIT 1")
check regio_dossier_audit_rij [ "$rij" = "j_regio|regio|lezen|jeugdige/$IN_G: dossier" ]
pseudo=$(sql "$DB" "SELECT jeugdige_pseudoniem FROM audit_log ORDER BY id DESC LIMIT 1")
run "$J" audit zoek --db "$DB" --jeugdige "$IN_G" --csv
check audit_zoek_pseudoniem grep -q ",j_regio,regio,.*,$pseudo,lezen,jeugdige/$IN_G: dossier," <<<"$out"
check audit_zoek_een [ "$(grep -c "jeugdige/$IN_G: dossier" <<<"$out")" = 1 ]
run "$J" audit inzage --db "$DB" --jeugdige "$IN_G"
check audit_inzage_een grep -q '^1 keer' <<<"$out"
check audit_inzage_regio grep -q 'j_regio' <<<"$out"
check audit_geen_bsn [ "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE object LIKE '%$BSN%'")" = 0 ]

n0=$(audit_n)
haal "$R" "/api/v1/jeugdigen/$IN_G/trajecten"
check regio_trajecten_200 [ "$code" = 200 ]
check regio_trajecten_id [ "$(py 'd["jeugdige_id"]')" = "$IN_G" ]
check regio_trajecten_audit [ "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE id > (SELECT max(id) - 1 FROM audit_log) AND object = 'jeugdige/$IN_G: trajecten' AND jeugdige_pseudoniem = '$pseudo'")" = 1 ]
check regio_trajecten_audit_een [ "$(audit_n)" = $((n0 + 1)) ]

# ---- the file as a page: escaped, no inline styles, a timeline -----------------
n0=$(audit_n)
haal "$R" "/jeugdigen/$IN_G"
check pagina_dossier_200 [ "$code" = 200 ]
check pagina_dossier_escaped heeft 'Kim&lt;script&gt; de &quot;Vries&quot; &amp; &lt;b&gt;Zn&lt;/b&gt;'
check pagina_dossier_geen_rauw bash -c '! grep -qF "<script>" "$1" && ! grep -qF "<b>Zn" "$1"' _ "$T/b"
check pagina_dossier_geen_style bash -c '! grep -qi "style=" "$1"' _ "$T/b"
check pagina_dossier_tijdlijn heeft '<svg xmlns="http://www.w3.org/2000/svg"'
check pagina_dossier_tabel heeft '<caption>Trajecten, op datum van aanmelding</caption>'
check pagina_dossier_treeknorm heeft 'Treeknorm'
check pagina_dossier_bsn heeft "$BSN"
check pagina_dossier_audit_een [ "$(audit_n)" = $((n0 + 1)) ]
check pagina_dossier_verwijzing_kolommen heeft '<th scope="col">Lokaal team</th><th scope="col">Reden</th>'
check pagina_dossier_link_toewijzen heeft "<a href=\"/toewijzen?jeugdige=$IN_G\">"
NR=$(sql "$DB" "SELECT min(nummer) FROM toewijzing WHERE jeugdige_id = $IN_G")
if [ -n "$NR" ]; then
	check pagina_dossier_link_toewijzing heeft "<a href=\"/toewijzingen/$NR\">$NR</a>"
fi

# ---- gemeente: in scope 200, out of scope 404 (not logged) ----------------------
haal "$GM" "/api/v1/jeugdigen/$IN_G"
check gemeente_in_200 [ "$code" = 200 ]
n0=$(audit_n)
haal "$GM" "/api/v1/jeugdigen/$UIT_G"
check gemeente_uit_404 [ "$code" = 404 ]
check gemeente_uit_code heeft '"niet_gevonden"'
haal "$GM" "/jeugdigen/$UIT_G"
check gemeente_uit_pagina_404 [ "$code" = 404 ]
haal "$GM" "/api/v1/jeugdigen/$UIT_G/trajecten"
check gemeente_uit_trajecten_404 [ "$code" = 404 ]
check gemeente_uit_geen_audit [ "$(audit_n)" = "$n0" ]
haal "$GM" "/api/v1/jeugdigen/999999999"
check bestaat_niet_zelfde_antwoord [ "$code" = 404 ]

# The whole list of the gemeente equals its scope.
lijst_ids() { # lijst_ids JAR QUERY: every id of every page, sorted
	local jar=$1 q=$2 pg=1 paginas=1
	: >"$T/ids"
	while [ "$pg" -le "$paginas" ]; do
		haal "$jar" "/api/v1/jeugdigen?per_pagina=500&pagina=$pg$q"
		[ "$code" = 200 ] || { echo "fout $code"; return; }
		py '"\n".join(str(r["id"]) for r in d["gegevens"])' >>"$T/ids"
		paginas=$(py 'd["paginering"]["paginas"]')
		pg=$((pg + 1))
	done
	grep -v '^$' "$T/ids" | sort -n
}
verwacht=$(sql "$DB" "$SCOPE_G ORDER BY id")
kreeg=$(lijst_ids "$GM" "")
check gemeente_lijst_is_scope [ "$kreeg" = "$verwacht" ]
check gemeente_lijst_niet_leeg [ -n "$kreeg" ]

# ---- aanbieder: its clients only, only its own care ------------------------------
haal "$A" "/api/v1/jeugdigen/$A_IN"
check aanbieder_in_200 [ "$code" = 200 ]
check aanbieder_eigen_trajecten [ "$(py 'all(t["aanbieder"] and t["aanbieder"]["agb"] == "'"$AGB"'" for t in d["trajecten"]) and len(d["trajecten"]) > 0')" = True ]
check aanbieder_eigen_declaraties [ "$(py 'all(p["aanbieder"]["agb"] == "'"$AGB"'" for p in d["declaraties"])')" = True ]
n=$(sql "$DB" "SELECT count(*) FROM traject WHERE jeugdige_id = $A_IN AND agb = '$AGB'")
check aanbieder_trajecten_aantal [ "$(py 'len(d["trajecten"])')" = "$n" ]
haal "$R" "/api/v1/jeugdigen/$A_IN"
check regio_ziet_meer [ "$(py 'len(d["trajecten"])')" -gt "$n" ]
haal "$A" "/api/v1/jeugdigen/$A_UIT"
check aanbieder_uit_404 [ "$code" = 404 ]
# The provider may not allocate: no link to /toewijzen; its own toewijzingen link.
haal "$A" "/jeugdigen/$A_IN"
check aanbieder_pagina_geen_toewijzen bash -c '! grep -qF "/toewijzen?" "$1"' _ "$T/b"
NR=$(sql "$DB" "SELECT min(nummer) FROM toewijzing WHERE jeugdige_id = $A_IN AND agb = '$AGB'")
check aanbieder_pagina_link_toewijzing heeft "<a href=\"/toewijzingen/$NR\">$NR</a>"
verwacht=$(sql "$DB" "$SCOPE_A ORDER BY id")
kreeg=$(lijst_ids "$A" "")
check aanbieder_lijst_is_scope [ "$kreeg" = "$verwacht" ]

# ---- roles without personal data, the public ---------------------------------------
haal "$BL" /api/v1/jeugdigen
check beleid_api_403 [ "$code" = 403 ]
haal "$BL" "/api/v1/jeugdigen/$IN_G"
check beleid_dossier_403 [ "$code" = 403 ]
haal "$BL" /jeugdigen
check beleid_pagina_403 [ "$code" = 403 ]
haal "$P" /api/v1/jeugdigen
check publiek_api_401 [ "$code" = 401 ]
haal "$P" "/api/v1/jeugdigen/$IN_G"
check publiek_dossier_401 [ "$code" = 401 ]
haal "$P" /jeugdigen
check publiek_pagina_naar_login [ "$code" = 303 ]
check publiek_pagina_location grep -qi '^Location: /inloggen' "$T/h"

# ---- list: audit, search, filters, sorting ------------------------------------------
n0=$(audit_n)
haal "$R" "/api/v1/jeugdigen?zoek=$BSN"
check bsn_zoek_200 [ "$code" = 200 ]
check bsn_zoek_vindt [ "$(py "$IN_G in [r['id'] for r in d['gegevens']]")" = True ]
n=$(sql "$DB" "SELECT count(*) FROM jeugdige WHERE bsn = '$BSN'")
check bsn_zoek_alleen_bsn [ "$(py 'd["paginering"]["totaal"]')" = "$n" ]
check lijst_audit_een [ "$(audit_n)" = $((n0 + 1)) ]
rij=$(sql "$DB" "SELECT COALESCE(jeugdige_pseudoniem, 'geen') || '|' || object FROM audit_log ORDER BY id DESC LIMIT 1")
check lijst_audit_rij grep -q '^geen|jeugdigen: lijst (.*zoek=bsn' <<<"$rij"
check lijst_audit_zonder_bsn bash -c '! grep -qF "$1" <<<"$2"' _ "$BSN" "$rij"

haal "$R" "/api/v1/jeugdigen?zoek=%26%20%3Cb%3Ezn"
check naam_zoek [ "$(py "[r['id'] for r in d['gegevens']]")" = "[$IN_G]" ]
haal "$R" "/api/v1/jeugdigen?zoek=%25"
check naam_zoek_procent_letterlijk [ "$(py 'd["paginering"]["totaal"]')" = 0 ]

haal "$R" "/api/v1/jeugdigen?status=wachtend&per_pagina=500"
n=$(sql "$DB" "SELECT count(DISTINCT jeugdige_id) FROM traject WHERE status IN (0, 1)")
check status_wachtend_totaal [ "$(py 'd["paginering"]["totaal"]')" = "$n" ]
check status_wachtend_regels [ "$(py 'all(r["trajecten_wachtend"] > 0 for r in d["gegevens"])')" = True ]
haal "$R" "/api/v1/jeugdigen?aanbieder=$AGB&per_pagina=1"
n=$(sql "$DB" "SELECT count(*) FROM ($SCOPE_A) s")
check aanbieder_filter_totaal [ "$(py 'd["paginering"]["totaal"]')" = "$n" ]
haal "$R" "/api/v1/jeugdigen?sorteer=-geboortedatum&per_pagina=20"
check sorteer_geboortedatum [ "$(py 'all(a["geboortedatum"] >= b["geboortedatum"] for a, b in zip(d["gegevens"], d["gegevens"][1:]))')" = True ]
haal "$R" "/api/v1/jeugdigen?gemeente=0484&per_pagina=50"
check gemeente_filter [ "$(py 'all(r["woongemeente"]["code"] == "0484" for r in d["gegevens"]) and len(d["gegevens"]) > 0')" = True ]
haal "$R" "/api/v1/jeugdigen?per_pagina=10&pagina=2"
check paginering [ "$(py 'd["paginering"]["pagina"] == 2 and len(d["gegevens"]) == 10')" = True ]

# ---- bad input ----------------------------------------------------------------------
for q in "status=x" "sorteer=bsn" "per_pagina=0" "per_pagina=501" "pagina=-1" "gemeente=12" \
	"aanbieder=abc" "onbekend=1" "zoek=a&zoek=b"; do
	haal "$R" "/api/v1/jeugdigen?$q"
	check "lijst_400_${q%%=*}_$(tr -c 'a-z0-9' _ <<<"${q#*=}")" [ "$code" = 400 ]
done
heeft '"ongeldige_parameter"' && ok lijst_400_json || not_ok lijst_400_json
for id in abc -1 0 1.5 99999999999999999999; do
	haal "$R" "/api/v1/jeugdigen/$id"
	check "dossier_404_$(tr -c 'a-z0-9' _ <<<"$id")" [ "$code" = 404 ]
done
haal "$R" "/jeugdigen/abc"
check pagina_dossier_404 [ "$code" = 404 ]
haal "$R" "/api/v1/jeugdigen/$IN_G?x=1"
check dossier_onbekende_parameter_400 [ "$code" = 400 ]

# ---- the list page -----------------------------------------------------------------------
n0=$(audit_n)
haal "$R" "/jeugdigen?zoek=Vries&status="
check pagina_lijst_200 [ "$code" = 200 ]
check pagina_lijst_link heeft "<a href=\"/jeugdigen/$IN_G\">de &quot;Vries&quot; &amp; &lt;b&gt;Zn&lt;/b&gt;, Kim&lt;script&gt;</a>"
check pagina_lijst_label heeft '<label for="zoek">'
check pagina_lijst_caption heeft '<caption>'
check pagina_lijst_geen_style bash -c '! grep -qi "style=" "$1"' _ "$T/b"
check pagina_lijst_audit_een [ "$(audit_n)" = $((n0 + 1)) ]
haal "$R" "/jeugdigen?per_pagina=5&pagina=2"
check pagina_lijst_vorige heeft 'rel="prev" href="/jeugdigen?per_pagina=5&amp;pagina=1"'
check pagina_lijst_volgende heeft 'rel="next" href="/jeugdigen?per_pagina=5&amp;pagina=3"'
haal "$R" "/jeugdigen?status=x"
check pagina_lijst_400 [ "$code" = 400 ]

# ---- the chain holds after all these reads -------------------------------------------------
run "$J" audit verify --db "$DB"
check audit_verify [ "$rc" = 0 ]

stop_server
check serve_geen_bsn_in_log bash -c '! grep -qF "$1" "$2"' _ "$BSN" "$T/serve.err"
