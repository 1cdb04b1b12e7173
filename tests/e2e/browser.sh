#!/usr/bin/env bash
# The browser tour (tests/browser/tour.mjs) against the real server: a small
# demo region, one user per role, `serve` on a free loopback port, then
# Chromium through playwright-core logs in as each role, checks the pages
# and saves screenshots in tests/e2e/screenshots/ (git-ignored). One
# "ok"/"not ok" line per check, from the tour itself.
#
# Runs once, under the SQLite backend (the pages do not depend on the
# backend; tests/e2e/matrix.sh covers both). Skips only when
# /usr/bin/chromium is absent (scripts/deps.sh installs it).
set -u

. "$(dirname "$0")/lib/common.sh"
only_sqlite || exit 0
CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
	echo "ok browser_tour # SKIP $CHROMIUM ontbreekt (scripts/deps.sh installeert chromium)"
	exit 0
fi
command -v node >/dev/null || { echo "not ok browser_node: node ontbreekt (scripts/deps.sh)"; exit 1; }
if [ ! -f "$REPO/node_modules/playwright-core/package.json" ]; then
	echo "not ok browser_playwright: node_modules/playwright-core ontbreekt (scripts/deps.sh: npm ci)"
	exit 1
fi
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db browser)
expect browser_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
G=0546
TEAM=$(sql "$DB" "SELECT team_id FROM lokaal_team_gemeente WHERE gemeente = '$G' ORDER BY team_id LIMIT 1")
AGB=$(sql "$DB" "SELECT agb FROM toewijzing GROUP BY agb ORDER BY count(*) DESC, agb LIMIT 1")
PW='browser tour wachtwoord'
maak() { # maak NAAM ROL [SCOPE-OPTIES]
	gebruiker "browser_user_$2" "$@"
}
maak b-beheerder beheerder
maak b-regio regio
maak b-gemeente gemeente --gemeente "$G"
maak b-team lokaal_team --team "$TEAM"
maak b-aanbieder aanbieder --aanbieder "$AGB"
maak b-beleid beleid
# Names of youth of the tour's gemeente (and a sample of all): none may
# show up for a role without personal data.
sql "$DB" "SELECT trim(coalesce(voornamen, '') || ' ' || achternaam) FROM jeugdige
	WHERE id IN (SELECT jeugdige_id FROM woonplaats WHERE gemeente = '$G')
	   OR id % 50 = 0" >"$T/namen"

# A youth in each role's scope (the scope rule of toegang.h written out
# here, as in matrix.sh) and one outside the gemeente's, with their names.
naam_van() { sql "$DB" "SELECT trim(coalesce(voornamen, '') || ' ' || achternaam) FROM jeugdige WHERE id = $1"; }
J_IN=$(sql "$DB" "SELECT min(jeugdige_id) FROM woonplaats WHERE gemeente = '$G'")
J_T_IN=$(sql "$DB" "SELECT min(w.jeugdige_id) FROM woonplaats w JOIN lokaal_team_gemeente t ON t.gemeente = w.gemeente WHERE t.team_id = $TEAM")
J_A_IN=$(sql "$DB" "SELECT min(jeugdige_id) FROM toewijzing WHERE agb = '$AGB'")
J_UIT=$(sql "$DB" "SELECT min(id) FROM jeugdige j WHERE NOT EXISTS (SELECT 1 FROM woonplaats w WHERE w.jeugdige_id = j.id AND w.gemeente = '$G') AND NOT EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id AND t.gemeente = '$G') AND NOT EXISTS (SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = j.id AND z.gemeente = '$G')")
for v in TEAM AGB J_IN J_T_IN J_A_IN J_UIT; do
	if [ -z "${!v}" ]; then not_ok "browser_keuze_$v" "geen waarde uit de demo"; exit 1; fi
done
printf '%s\n' "regio $J_IN $J_UIT" "gemeente $J_IN $J_UIT" "lokaal_team $J_T_IN -" \
	"aanbieder $J_A_IN -" "beheerder $J_IN -" "beleid $J_IN -" "publiek $J_IN -" |
	while read -r rol in uit; do
		printf '%s\t%s\t%s\t%s\n' "$rol" "$in" "$uit" "$(naam_van "$in")"
	done >"$T/dossiers"

start_server browser_serve "$DB" 2

SHOTS="$REPO/tests/e2e/screenshots"
AANBIEDER=$(sql "$DB" "SELECT naam FROM aanbieder WHERE agb = '$AGB'")
python3 - "$T/cfg.json" "$B" "$SHOTS" "$PW" "$T/namen" "$T/dossiers" "$AGB" "$AANBIEDER" <<'EOF'
import json, sys
cfg_pad, base, shots, pw, namen, dossiers, agb, aanbieder = sys.argv[1:]
jeugdigen = {}
with open(dossiers, encoding="utf-8") as f:
    for r in f:
        rol, binnen, buiten, naam = r.rstrip("\n").split("\t")
        jeugdigen[rol] = {"in": binnen, "uit": buiten, "naam": naam}
rollen = {"beheerder": "b-beheerder", "regio": "b-regio", "gemeente": "b-gemeente",
          "lokaal_team": "b-team", "aanbieder": "b-aanbieder", "beleid": "b-beleid"}
with open(namen, encoding="utf-8") as f:
    jeugdnamen = sorted({r.strip() for r in f if r.strip()})
json.dump({"base": base, "screenshots": shots,
           "gebruikers": {r: {"naam": n, "wachtwoord": pw} for r, n in rollen.items()},
           "jeugdnamen": jeugdnamen, "jeugdigen": jeugdigen, "agb": agb, "aanbieder": aanbieder},
          open(cfg_pad, "w", encoding="utf-8"))
EOF
# The tour prints its own ok / not ok lines; a crash without one still fails.
cd "$REPO" || exit 1
node tests/browser/tour.mjs "$T/cfg.json" 2>"$T/tour.err"
trc=$?
if [ "$trc" -ne 0 ] && [ -s "$T/tour.err" ]; then
	out=$(cat "$T/tour.err")
	not_ok browser_tour_afgebroken "node eindigde met $trc"
fi
