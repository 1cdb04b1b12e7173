#!/usr/bin/env bash
# End-to-end tests of `token add|list|revoke` (API tokens for the systems
# of a gemeente or a provider) on the backend under test: the token is
# printed once and only its hash (BLAKE2b-256, recomputed here with
# python3) is stored; list never shows it; a duplicate name, an unknown
# gemeente or provider and every argument error are refused with nothing
# changed; each change writes one 'beheer' audit record; and over HTTP a
# valid token is accepted as 'Authorization: Bearer', a revoked, unknown
# or malformed one gets 401.
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }

DB=$(nieuwe_db tokens)
expect token_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
AGB=$(sql "$DB" "SELECT min(agb) FROM aanbieder")
# token_add NAAM SCOPE-OPTIES...: stdout in $tok, stderr in $T/add.err.
tok=""
token_add() {
	local naam=$1
	shift
	tok=$("$J" token add --db "$DB" --naam "$naam" "$@" 2>"$T/add.err")
	rc=$?
	out="$tok
$(cat "$T/add.err")"
}
beheer() { sql "$DB" "SELECT count(*) FROM audit_log WHERE actie = 'beheer' AND object LIKE 'API-token %'"; }

# ---- add ------------------------------------------------------------------
token_add leiden-bi --gemeente 0546
TOK_G=$tok
check add_gemeente [ "$rc" = 0 ]
check add_alleen_token_op_stdout grep -qxE '[0-9a-f]{64}' <<<"$TOK_G"
check add_melding_eenmalig grep -qF "niet opnieuw getoond" "$T/add.err"
token_add zorg-systeem --aanbieder "$AGB"
TOK_A=$tok
check add_aanbieder bash -c '[ "$1" = 0 ] && grep -qxE "[0-9a-f]{64}" <<<"$2"' _ "$rc" "$TOK_A"
check add_tokens_verschillen [ "$TOK_G" != "$TOK_A" ]
check add_audit [ "$(beheer)" = 2 ]

# ---- only the hash is stored --------------------------------------------------
h=$(python3 -c 'import hashlib, sys; print(hashlib.blake2b(sys.argv[1].encode(), digest_size=32).hexdigest())' "$TOK_G")
check opslag_hash [ "$(sql "$DB" "SELECT naam FROM api_token WHERE token_hash = '$h'")" = leiden-bi ]
check opslag_geen_token [ "$(sql "$DB" "SELECT count(*) FROM api_token WHERE token_hash = '$TOK_G' OR naam = '$TOK_G'")" = 0 ]
if only_sqlite; then
	# The whole file (and its WAL), not only the table.
	if cat "$DB" "$DB-wal" 2>/dev/null | grep -qaF "$TOK_G"; then
		not_ok opslag_token_nergens "het token staat in het databasebestand"
	else
		ok opslag_token_nergens
	fi
else
	if pg_dump_vast -d "$DB" | grep -qF "$TOK_G"; then
		not_ok opslag_token_nergens "het token staat in pg_dump"
	else
		ok opslag_token_nergens
	fi
fi

# ---- list -----------------------------------------------------------------------
expect list_toont 0 "naam" "scope" "aangemaakt" "ingetrokken" "leiden-bi" "gemeente 0546" \
	"zorg-systeem" "aanbieder $AGB" -- "$J" token list --db "$DB"
check list_geen_token bash -c '! grep -qF -- "$1" <<<"$3" && ! grep -qF -- "$2" <<<"$3"' _ "$TOK_G" "$TOK_A" "$out"
check list_geen_hash bash -c '! grep -qF -- "$1" <<<"$2"' _ "$h" "$out"

# ---- refusals: nothing changes ----------------------------------------------------
voor=$(afdruk "$DB")
expect fout_dubbele_naam 1 "al een geldig API-token met de naam 'leiden-bi'" -- \
	"$J" token add --db "$DB" --naam leiden-bi --gemeente 0546
expect fout_onbekende_gemeente 1 "onbekende gemeentecode '9999'" -- \
	"$J" token add --db "$DB" --naam x --gemeente 9999
expect fout_onbekende_aanbieder 1 "onbekende aanbieder" -- \
	"$J" token add --db "$DB" --naam x --aanbieder 00000001
expect fout_gemeentevorm 2 "geen gemeentecode" -- "$J" token add --db "$DB" --naam x --gemeente 546
expect fout_agbvorm 2 "geen AGB-code" -- "$J" token add --db "$DB" --naam x --aanbieder 12a
expect fout_geen_scope 2 "precies een van --gemeente" -- "$J" token add --db "$DB" --naam x
expect fout_twee_scopes 2 "precies een van --gemeente" -- \
	"$J" token add --db "$DB" --naam x --gemeente 0546 --aanbieder "$AGB"
expect fout_geen_naam 2 "--naam ontbreekt" -- "$J" token add --db "$DB" --gemeente 0546
expect fout_naam_spatie 2 "spatie" -- "$J" token add --db "$DB" --naam "a b" --gemeente 0546
expect fout_onbekende_optie 2 "onbekende optie" -- "$J" token add --db "$DB" --naam x --rol regio
expect fout_deelopdracht 2 "onbekende deelopdracht" -- "$J" token wis --db "$DB"
expect fout_revoke_geen_naam 2 "--naam ontbreekt" -- "$J" token revoke --db "$DB"
expect fout_revoke_onbekend 1 "geen geldig API-token met de naam 'niemand'" -- \
	"$J" token revoke --db "$DB" --naam niemand
check fout_niets_veranderd [ "$(afdruk "$DB")" = "$voor" ]
if only_sqlite; then
	expect fout_db_bestaat_niet 1 "bestaat niet" -- "$J" token list --db "$T/nergens.db"
	check fout_db_niet_gemaakt [ ! -e "$T/nergens.db" ]
fi
expect help_token 0 "token add" "token list" "token revoke" -- "$J" help token
expect help_noemt_token 0 "token" -- "$J" help

# ---- over HTTP --------------------------------------------------------------------
start_server token_serve "$DB" 2
haal "" -H "Authorization: Bearer $TOK_G" /api/v1/gemeenten
check http_token_aanvaard [ "$code" = 200 ]
haal "" -H "Authorization: Bearer $TOK_A" /api/v1/gemeenten
check http_token_aanbieder_aanvaard [ "$code" = 200 ]
# Known but without the beheer role: 403, not 401.
haal "" -H "Authorization: Bearer $TOK_G" /api/v1/audit
check http_token_rol_403 [ "$code" = 403 ]
haal "" -H "Authorization: Bearer ${TOK_G:0:40}" /api/v1/gemeenten
check http_token_misvormd_401 [ "$code" = 401 ]
haal "" -H "Authorization: Bearer $(printf '%s' "$TOK_G" | tr 'a-f' 'A-F')" /api/v1/gemeenten
check http_token_hoofdletters_401 [ "$code" = 401 ]
haal "" -H "Authorization: Basic $TOK_G" /api/v1/gemeenten
check http_geen_bearer_401 [ "$code" = 401 ]
haal "" -H "Authorization: Bearer $(printf '%064d' 0)" /api/v1/gemeenten
check http_token_onbekend_401 [ "$code" = 401 ]
check http_401_json heeft '"fout"'

expect revoke 0 "ingetrokken" -- "$J" token revoke --db "$DB" --naam leiden-bi
check revoke_audit [ "$(beheer)" = 3 ]
haal "" -H "Authorization: Bearer $TOK_G" /api/v1/gemeenten
check http_ingetrokken_401 [ "$code" = 401 ]
haal "" -H "Authorization: Bearer $TOK_A" /api/v1/gemeenten
check http_ander_token_blijft [ "$code" = 200 ]
expect revoke_tweede_keer 1 "geen geldig API-token" -- "$J" token revoke --db "$DB" --naam leiden-bi
expect list_ingetrokken 0 "leiden-bi" -- "$J" token list --db "$DB"
check list_ingetrokken_tijd grep -qE '^leiden-bi +gemeente 0546 +[0-9T:Z-]{20} +[0-9]{4}-[0-9T:Z-]{15}$' <<<"$out"

# A revoked token's name may be given to a new token; the old one stays revoked.
token_add leiden-bi --gemeente 0546
check naam_hergebruik bash -c '[ "$1" = 0 ] && grep -qxE "[0-9a-f]{64}" <<<"$2" && [ "$2" != "$3" ]' _ "$rc" "$tok" "$TOK_G"
haal "" -H "Authorization: Bearer $tok" /api/v1/gemeenten
check http_nieuw_token_aanvaard [ "$code" = 200 ]
haal "" -H "Authorization: Bearer $TOK_G" /api/v1/gemeenten
check http_oud_blijft_401 [ "$code" = 401 ]
