#!/usr/bin/env bash
# The authorisation matrix (issue 4): every endpoint x every role x in and
# out of scope, on a small demo region, through the real login form and
# real API tokens. The cells are in lib/matrix.py; this script makes the
# database, the users (one per role), the tokens and picks youth in and out
# of each scope with SQL of its own, so the expectations do not come from
# the code under test. Runs once per backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db matrix)
expect matrix_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
PW='matrix wachtwoord voor de test'
G=0546
TEAM=$(sql "$DB" "SELECT team_id FROM lokaal_team_gemeente WHERE gemeente = '$G' ORDER BY team_id LIMIT 1")
AGB=$(sql "$DB" "SELECT agb FROM toewijzing GROUP BY agb ORDER BY count(*) DESC, agb LIMIT 1")
G2=$(sql "$DB" "SELECT code FROM gemeente WHERE code NOT IN (SELECT gemeente FROM lokaal_team_gemeente WHERE team_id = $TEAM) ORDER BY code LIMIT 1")
AGB2=$(sql "$DB" "SELECT agb FROM aanbieder WHERE agb <> '$AGB' ORDER BY agb LIMIT 1")

maak() { # maak NAAM ROL [SCOPE-OPTIES]
	gebruiker "matrix_user_$1" "$@"
}
maak m_beheerder beheerder
maak m_regio regio
maak m_gemeente gemeente --gemeente "$G"
maak m_team lokaal_team --team "$TEAM"
maak m_aanbieder aanbieder --aanbieder "$AGB"
maak m_beleid beleid

token() { # token NAAM SCOPE-OPTIE WAARDE: the new token on stdout
	"$J" token add --db "$DB" --naam "$1" "$2" "$3" 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -n 1
}
TOK_G=$(token m_tok_gemeente --gemeente "$G")
TOK_A=$(token m_tok_aanbieder --aanbieder "$AGB")
if [ -n "$TOK_G" ] && [ -n "$TOK_A" ]; then ok matrix_tokens; else not_ok matrix_tokens "token add gaf geen token"; fi

# Youth in and out of a set of gemeenten ('A','B'), by residence, payer or
# toewijzing: the scope rule of toegang.h written out independently.
in_gem="SELECT id FROM jeugdige j WHERE EXISTS (SELECT 1 FROM woonplaats w WHERE w.jeugdige_id = j.id AND w.gemeente IN (%s)) ORDER BY id LIMIT 1"
uit_gem="SELECT id FROM jeugdige j WHERE NOT EXISTS (SELECT 1 FROM woonplaats w WHERE w.jeugdige_id = j.id AND w.gemeente IN (%s)) AND NOT EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id AND t.gemeente IN (%s)) AND NOT EXISTS (SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = j.id AND z.gemeente IN (%s)) ORDER BY id LIMIT 1"
TEAM_GEM=$(sql "$DB" "SELECT '''' || gemeente || '''' FROM lokaal_team_gemeente WHERE team_id = $TEAM" | paste -sd, -)
J_G_IN=$(sql "$DB" "$(printf "$in_gem" "'$G'")")
J_G_UIT=$(sql "$DB" "$(printf "$uit_gem" "'$G'" "'$G'" "'$G'")")
J_T_IN=$(sql "$DB" "$(printf "$in_gem" "$TEAM_GEM")")
J_T_UIT=$(sql "$DB" "$(printf "$uit_gem" "$TEAM_GEM" "$TEAM_GEM" "$TEAM_GEM")")
J_A_IN=$(sql "$DB" "SELECT jeugdige_id FROM toewijzing WHERE agb = '$AGB' ORDER BY jeugdige_id LIMIT 1")
J_A_UIT=$(sql "$DB" "SELECT id FROM jeugdige j WHERE NOT EXISTS (SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = j.id AND z.agb = '$AGB') AND NOT EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id AND t.agb = '$AGB') ORDER BY id LIMIT 1")
# Toewijzingen in and out of each scope: paid by the gemeenten (the JW301's
# sender) or given to the provider.
z_in="SELECT min(nummer) FROM toewijzing WHERE gemeente IN (%s)"
z_uit="SELECT min(nummer) FROM toewijzing WHERE gemeente NOT IN (%s)"
Z_G_IN=$(sql "$DB" "$(printf "$z_in" "'$G'")")
Z_G_UIT=$(sql "$DB" "$(printf "$z_uit" "'$G'")")
Z_T_IN=$(sql "$DB" "$(printf "$z_in" "$TEAM_GEM")")
Z_T_UIT=$(sql "$DB" "$(printf "$z_uit" "$TEAM_GEM")")
Z_A_IN=$(sql "$DB" "SELECT min(nummer) FROM toewijzing WHERE agb = '$AGB'")
Z_A_UIT=$(sql "$DB" "SELECT min(nummer) FROM toewijzing WHERE agb <> '$AGB'")
for v in TEAM G2 AGB AGB2 J_G_IN J_G_UIT J_T_IN J_T_UIT J_A_IN J_A_UIT Z_G_IN Z_G_UIT Z_T_IN \
	Z_T_UIT Z_A_IN Z_A_UIT; do
	if [ -z "${!v}" ]; then not_ok "matrix_keuze_$v" "geen waarde uit de demo"; exit 1; fi
done
ok matrix_keuzes

start_server matrix_serve "$DB" 2

# The audit log's row count, read by the driver around every file read.
printf '%s\n' "$DB" >"$T/db"
cat >"$T/telling.sh" <<EOT
. "$REPO/tests/e2e/lib/common.sh" >/dev/null 2>&1
sql "\$(cat "$T/db")" "SELECT count(*) FROM audit_log"
EOT
python3 - "$T/cfg.json" <<EOT
import json, sys
cfg = {
    "wachtwoord": "$PW",
    "gebruikers": {"beheerder": "m_beheerder", "regio": "m_regio", "gemeente": "m_gemeente",
                   "lokaal_team": "m_team", "aanbieder": "m_aanbieder", "beleid": "m_beleid"},
    "tokens": {"token_gemeente": ["gemeente", "$TOK_G"], "token_aanbieder": ["aanbieder", "$TOK_A"]},
    "jeugdige_in": {"regio": $J_G_UIT, "gemeente": $J_G_IN, "token_gemeente": $J_G_IN,
                    "lokaal_team": $J_T_IN, "aanbieder": $J_A_IN, "token_aanbieder": $J_A_IN,
                    "beleid": $J_G_IN, "beheerder": $J_G_IN, "publiek": $J_G_IN},
    "jeugdige_uit": {"gemeente": $J_G_UIT, "token_gemeente": $J_G_UIT, "lokaal_team": $J_T_UIT,
                     "aanbieder": $J_A_UIT, "token_aanbieder": $J_A_UIT},
    "toewijzing_in": {"regio": $Z_G_UIT, "gemeente": $Z_G_IN, "token_gemeente": $Z_G_IN,
                      "lokaal_team": $Z_T_IN, "aanbieder": $Z_A_IN, "token_aanbieder": $Z_A_IN,
                      "beleid": $Z_G_IN, "beheerder": $Z_G_IN, "publiek": $Z_G_IN},
    "toewijzing_uit": {"gemeente": $Z_G_UIT, "token_gemeente": $Z_G_UIT, "lokaal_team": $Z_T_UIT,
                       "aanbieder": $Z_A_UIT, "token_aanbieder": $Z_A_UIT},
    "agb_eigen": "$AGB", "agb_ander": "$AGB2", "gemeente": "$G", "gemeente_ander": "$G2",
    "team_dekt_gemeente": True,
    "audit_telling": "JEUGDREGIE='$J' JEUGDREGIE_BACKEND='$BACKEND' JEUGDREGIE_PG_DIR='$PG_DIR' TMPDIR_E2E='$T' bash '$T/telling.sh'",
}
if not "$TOK_G" or not "$TOK_A":
    cfg["tokens"] = {}
json.dump(cfg, open(sys.argv[1], "w"))
EOT
python3 "$REPO/tests/e2e/lib/matrix.py" "$B" "$T/cfg.json"
run "$J" audit verify --db "$DB"
if [ "$rc" -eq 0 ]; then ok matrix_audit_verify; else not_ok matrix_audit_verify; fi
