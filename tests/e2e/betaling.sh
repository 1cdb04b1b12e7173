#!/usr/bin/env bash
# Monthly payment totals per provider and gemeente (src/web/betaling_web.c):
# the figures of one month x aanbieder x gemeente against SQL of this
# script's own, every scope (regio all, a gemeente its own, a provider its
# own), the filters, the page with euro amounts and totals, and the CSV for
# Excel (BOM, ';', CRLF, decimal comma). Through the real login flow; runs
# once per backend.
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db betaling)
expect demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25

G=0546
# A month x aanbieder at G with a rejected line, and the expected figures.
IFS='|' read -r M AGB < <(sql "$DB" "SELECT substr(d.periode_begin, 1, 7), d.agb FROM declaratie d
	JOIN prestatie p ON p.declaratie_id = d.id WHERE d.gemeente = '$G' AND p.goedgekeurd = 0
	ORDER BY d.periode_begin DESC, d.agb LIMIT 1")
IFS='|' read -r N NAF ING GOED AF < <(sql "$DB" "SELECT count(*), sum(1 - p.goedgekeurd), sum(p.bedrag),
	sum(p.bedrag * p.goedgekeurd), sum(p.bedrag * (1 - p.goedgekeurd)) FROM declaratie d
	JOIN prestatie p ON p.declaratie_id = d.id
	WHERE d.gemeente = '$G' AND d.agb = '$AGB' AND substr(d.periode_begin, 1, 7) = '$M'")
AGB2=$(sql "$DB" "SELECT agb FROM declaratie WHERE agb <> '$AGB' ORDER BY agb LIMIT 1")
RIJEN_G=$(sql "$DB" "SELECT count(*) FROM (SELECT DISTINCT substr(periode_begin, 1, 7), agb
	FROM declaratie d WHERE gemeente = '$G' AND EXISTS (SELECT 1 FROM prestatie p
	WHERE p.declaratie_id = d.id)) x")
for v in M AGB N NAF ING GOED AF AGB2 RIJEN_G; do
	if [ -z "${!v}" ]; then not_ok "keuze_$v" "geen waarde uit de demo"; exit 1; fi
done
ok keuzes

PW='betaling wachtwoord een'
gebruiker user_regio rita regio
gebruiker user_gemeente gerda gemeente --gemeente "$G"
gebruiker user_aanbieder piet aanbieder --aanbieder "$AGB"
gebruiker user_aanbieder2 paul aanbieder --aanbieder "$AGB2"
gebruiker user_beleid bert beleid

start_server serve_start "$DB" 2
R="$T/r.jar"
GJ="$T/g.jar"
P="$T/p.jar"
P2="$T/p2.jar"
BJ="$T/b.jar"
login "$R" rita "$PW" login_regio
login "$GJ" gerda "$PW" login_gemeente
login "$P" piet "$PW" login_aanbieder
login "$P2" paul "$PW" login_aanbieder2
login "$BJ" bert "$PW" login_beleid

# json_check TEST PYTHON-EXPRESSION: evaluate on the last body (as d).
json_check() {
	if python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($2) else 1)" \
		<<<"$body" 2>/dev/null; then ok "$1"
	else not_ok "$1" "voorwaarde faalt: $2"; fi
}

# ---- the figures ------------------------------------------------------------------
haal "$R" "/api/v1/betalingen?maand=$M&aanbieder=$AGB&gemeente=$G"
check regio_200 [ "$code" = 200 ]
json_check regio_een_rij "len(d['gegevens']) == 1"
json_check regio_bedragen "d['gegevens'][0]['regels'] == $N and d['gegevens'][0]['afgewezen_regels'] == $NAF and d['gegevens'][0]['ingediend'] == $ING and d['gegevens'][0]['goedgekeurd'] == $GOED and d['gegevens'][0]['afgewezen'] == $AF"
json_check regio_eurocent "d['eenheid'] == 'eurocent' and isinstance(d['gegevens'][0]['ingediend'], int)"
json_check regio_totaal "d['totaal']['ingediend'] == $ING and d['totaal']['regels'] == $N"
haal "$R" /api/v1/betalingen
json_check regio_alles "len({(r['aanbieder']['agb'], r['gemeente']['code']) for r in d['gegevens']}) > 1"
json_check regio_totaal_is_som "d['totaal']['goedgekeurd'] == sum(r['goedgekeurd'] for r in d['gegevens'])"

haal "$GJ" /api/v1/betalingen
check gemeente_200 [ "$code" = 200 ]
json_check gemeente_alleen_eigen "all(r['gemeente']['code'] == '$G' for r in d['gegevens'])"
json_check gemeente_alle_rijen "len(d['gegevens']) == $RIJEN_G"
haal "$P" /api/v1/betalingen
json_check aanbieder_alleen_eigen "len(d['gegevens']) > 0 and all(r['aanbieder']['agb'] == '$AGB' for r in d['gegevens'])"
haal "$P" "/api/v1/betalingen?gemeente=$G&maand=$M"
json_check aanbieder_filter "len(d['gegevens']) == 1 and d['gegevens'][0]['ingediend'] == $ING"
haal "$P2" "/api/v1/betalingen?aanbieder=$AGB"
json_check ander_aanbieder_niets "d['gegevens'] == [] and d['totaal']['ingediend'] == 0"
haal "$BJ" /api/v1/betalingen
check beleid_403 [ "$code" = 403 ]
haal "" /api/v1/betalingen
check publiek_401 [ "$code" = 401 ]
haal "$R" "/api/v1/betalingen?maand=2026-13"
check maand_ongeldig_400 [ "$code" = 400 ]
check maand_ongeldig_veld heeft '"veld":"maand"'
haal "$R" "/api/v1/betalingen?onbekend=1"
check onbekende_parameter_400 [ "$code" = 400 ]

# ---- the page -------------------------------------------------------------------------
haal "$GJ" "/betalingen?maand=$M"
check pagina_200 [ "$code" = 200 ]
check pagina_euro heeft '&euro;&nbsp;'
check pagina_totaal heeft '>Totaal</th>'
check pagina_caption heeft '<caption>'
check pagina_csv_link heeft "href=\"/betalingen.csv?maand=$M\""
check pagina_geen_inline_style bash -c '! grep -q "style=" "$1"' _ "$T/b"
check pagina_menu heeft 'href="/betalingen" aria-current="page"'

# ---- the CSV ---------------------------------------------------------------------------
haal "$R" "/betalingen.csv?maand=$M&gemeente=$G"
check csv_200 [ "$code" = 200 ]
check csv_type grep -qi '^content-type: text/csv; charset=utf-8' "$T/h"
check csv_bijlage grep -qi '^content-disposition: attachment; filename="betalingen.csv"' "$T/h"
check csv_bom [ "$(head -c 3 "$T/b" | od -An -tx1 | tr -d ' \n')" = efbbbf ]
check csv_kop bash -c 'head -n 1 "$1" | grep -q "maand;agb;aanbieder;gemeente;gemeentenaam;regels;afgewezen_regels;ingediend_euro;goedgekeurd_euro;afgewezen_euro"' _ "$T/b"
check csv_crlf bash -c '[ "$(grep -c $'"'"'\r$'"'"' "$1")" = "$(wc -l <"$1")" ]' _ "$T/b"
euro() { python3 -c "import sys; c=int(sys.argv[1]); print(('-' if c < 0 else '') + '%d,%02d' % divmod(abs(c), 100))" "$1"; }
regel=$(grep "^$M;$AGB;" "$T/b" | tr -d '\r')
want_eind="$G;$(sql "$DB" "SELECT naam FROM gemeente WHERE code = '$G'");$N;$NAF;$(euro "$ING");$(euro "$GOED");$(euro "$AF")"
if [ "${regel#*;*;*;}" = "$want_eind" ]; then ok csv_regel
else not_ok csv_regel "'$regel', verwacht einde '$want_eind'"; fi
check csv_totaal bash -c 'tail -n 1 "$1" | grep -q "^totaal;;;;"' _ "$T/b"
stop_server
