#!/usr/bin/env bash
# End-to-end tests of the council report (src/steer/raadsrapport.c,
# src/web/raad_web.c, `jeugdregie report`): a valid PDF for every gemeente
# of a small demo region (pdfinfo), that opens with the 2030 goals before
# the key indicators and names the gemeente (pdftotext), renders on every
# page (pdftoppm); the page route gives application/pdf, suppressed for
# the public and beleid (no count 1..9 in the table of counts) and exact
# for the gemeente's own user; unknown gemeente and bad years are refused.
# Runs once per backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
for p in pdfinfo pdftotext pdftoppm; do
	command -v "$p" >/dev/null || { echo "not ok $p ontbreekt (poppler-utils, scripts/deps.sh)"; exit 1; }
done
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db raad)
expect raad_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25

# tel_tabel FILE: the table of counts ("Aantallen" up to "Aandelen en
# tijden") of pdftotext -layout output, without its two header lines.
tel_tabel() {
	sed -n '/^ *Aantallen *$/,/^ *Aandelen en tijden/p' "$1" | grep -v -e 'Aantallen' \
		-e 'Aandelen en tijden' -e '^ *Aantal ' -e '31-12-20'
}

# ---- CLI: every gemeente ------------------------------------------------
codes=$(sql "$DB" "SELECT code FROM gemeente ORDER BY code")
n=0
goed=0
for code in $codes; do
	n=$((n + 1))
	naam=$(sql "$DB" "SELECT naam FROM gemeente WHERE code = '$code'")
	pdf="$T/raad_$code.pdf"
	run "$J" report --db "$DB" --gemeente "GM$code" --jaar 2025 --pdf "$pdf"
	if [ "$rc" -ne 0 ]; then not_ok "raad_cli_$code"; continue; fi
	run pdfinfo "$pdf"
	if [ "$rc" -ne 0 ] || ! grep -q '^Page size: *595.* x 841.*(A4)' <<<"$out"; then
		not_ok "raad_pdfinfo_$code" "geen geldige A4-PDF"
		continue
	fi
	pagina=$(sed -n 's/^Pages: *//p' <<<"$out")
	pdftotext -layout "$pdf" "$T/raad_$code.txt"
	doelen=$(grep -n 'De doelen van de regio voor 2030' "$T/raad_$code.txt" | head -n 1 | cut -d: -f1)
	kern=$(grep -n 'Kernindicatoren' "$T/raad_$code.txt" | head -n 1 | cut -d: -f1)
	if [ -z "$doelen" ] || [ -z "$kern" ] || [ "$doelen" -ge "$kern" ]; then
		not_ok "raad_doelen_eerst_$code" "doelen (regel $doelen) niet voor de kernindicatoren (regel $kern)"
		continue
	fi
	if ! grep -qF "Jeugdhulp in $naam" "$T/raad_$code.txt"; then
		not_ok "raad_naam_$code" "'Jeugdhulp in $naam' ontbreekt"
		continue
	fi
	rm -f "$T"/png-*.png
	pdftoppm -r 50 -png "$pdf" "$T/png" 2>"$T/ppm.err"
	png=$(find "$T" -maxdepth 1 -name 'png-*.png' -size +1k | wc -l)
	if [ "$png" -ne "$pagina" ] || [ -s "$T/ppm.err" ]; then
		out=$(cat "$T/ppm.err")
		not_ok "raad_render_$code" "$png van $pagina pagina's gerenderd"
		continue
	fi
	goed=$((goed + 1))
done
check raad_cli_13_gemeenten [ "$n" -eq 13 -a "$goed" -eq 13 ]

# The public CLI version has no count 1..9; --exact is marked confidential.
tel_tabel "$T/raad_0546.txt" >"$T/tel.txt"
out=$(cat "$T/tel.txt")
check raad_cli_tabel_gevonden [ "$(grep -c '' "$T/tel.txt")" -ge 8 ]
if grep -qE '(^|[^0-9,.<])[1-9]([^0-9,.%]|$)' "$T/tel.txt"; then
	not_ok raad_cli_onderdrukt "een aantal van 1 tot en met 9 in de tabel met aantallen"
else
	ok raad_cli_onderdrukt
fi
check raad_cli_openbaar_vermeld grep -q 'Openbare versie' "$T/raad_0546.txt"
expect raad_cli_exact 0 "" -- "$J" report --db "$DB" --gemeente 0546 --jaar 2025 --exact \
	--pdf "$T/exact.pdf"
pdftotext -layout "$T/exact.pdf" "$T/exact.txt"
check raad_cli_exact_vertrouwelijk grep -q 'Vertrouwelijke versie' "$T/exact.txt"
check raad_cli_geen_duiding grep -q 'Geen duiding vastgelegd.' "$T/exact.txt"
check raad_cli_euro_en_accenten grep -q 'Gemiddelde cliëntkosten' "$T/exact.txt"
check raad_cli_euro grep -q '€ [0-9]' "$T/exact.txt"

# Errors: exit 2 with a message that says what to do.
expect raad_cli_onbekende_gemeente 2 "GM9999 hoort niet bij deze regio" -- \
	"$J" report --db "$DB" --gemeente GM9999 --jaar 2025 --pdf "$T/x.pdf"
expect raad_cli_geen_code 2 "geen gemeentecode" -- \
	"$J" report --db "$DB" --gemeente Leiden --jaar 2025 --pdf "$T/x.pdf"
expect raad_cli_jaar_toekomst 2 "kies een jaar van" -- \
	"$J" report --db "$DB" --gemeente 0546 --jaar 2031 --pdf "$T/x.pdf"
expect raad_cli_jaar_tekst 2 "--jaar 'twintig' is geen jaar" -- \
	"$J" report --db "$DB" --gemeente 0546 --jaar twintig --pdf "$T/x.pdf"
expect raad_cli_zonder_pdf 2 "--pdf ontbreekt" -- "$J" report --db "$DB" --gemeente 0546
check raad_cli_geen_bestand_bij_fout [ ! -e "$T/x.pdf" ]
# A year still running: the peildatum is the last day with data.
expect raad_cli_lopend_jaar 0 "" -- "$J" report --db "$DB" --gemeente 0546 --jaar 2026 \
	--pdf "$T/lopend.pdf"
pdftotext "$T/lopend.pdf" "$T/lopend.txt"
check raad_cli_lopend_peildatum grep -q 'Peildatum: 25 november 2026' "$T/lopend.txt"

# ---- the web ----------------------------------------------------------------
PW='correct paard batterij niet'
"$J" user add --db "$DB" --naam leiden --rol gemeente --gemeente 0546 --wachtwoord-stdin \
	<<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam analist --rol beleid --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
start_server raad_serve_start "$DB" 2
HAAL_MAX_TIME=60
G="$T/gemeente.jar"
L="$T/beleid.jar"
login "$G" leiden "$PW" raad_login_gemeente
login "$L" analist "$PW" raad_login_beleid

# pdf_ok NAME JAR PATH: 200 application/pdf that pdfinfo accepts; the text
# in $T/NAME.txt. (Not haal: a PDF body does not belong in a shell
# variable.)
pdf_ok() {
	local -a koek=()
	[ -n "$2" ] && koek=(-b "$2" -c "$2")
	code=$(curl -s --max-time "$HAAL_MAX_TIME" "${koek[@]}" -D "$T/h" -o "$T/$1.pdf" \
		-w '%{http_code}' "$B$3") || code="curl-fout-$?"
	out="HTTP $code
$(cat "$T/h" 2>/dev/null)"
	if [ "$code" != 200 ] || [ "$(kop Content-Type)" != application/pdf ]; then
		not_ok "$1" "HTTP $code, Content-Type '$(kop Content-Type)'"
		return
	fi
	if ! pdfinfo "$T/$1.pdf" >/dev/null 2>&1; then
		not_ok "$1" "pdfinfo weigert het antwoord"
		return
	fi
	pdftotext -layout "$T/$1.pdf" "$T/$1.txt"
	ok "$1"
}

# gemeente_kolommen FILE: the gemeente's two columns (now, a year earlier)
# of the table of counts.
gemeente_kolommen() {
	tel_tabel "$1" | awk -F '  +' 'NF >= 5 { print $(NF - 3), $(NF - 2) }'
}

pdf_ok raad_web_publiek "" "/gemeenten/0546/raadsrapport.pdf?jaar=2025"
tel_tabel "$T/raad_web_publiek.txt" >"$T/tel.txt"
out=$(cat "$T/tel.txt")
if [ "$(grep -c '' "$T/tel.txt")" -ge 8 ] &&
	! grep -qE '(^|[^0-9,.<])[1-9]([^0-9,.%]|$)' "$T/tel.txt" && grep -q '<10' "$T/tel.txt"; then
	ok raad_web_publiek_onderdrukt
else
	not_ok raad_web_publiek_onderdrukt "een aantal 1..9, of geen <10, in de tabel met aantallen"
fi
check raad_web_gelijk_aan_cli cmp -s <(tel_tabel "$T/raad_0546.txt") "$T/tel.txt"

pdf_ok raad_web_beleid "$L" "/gemeenten/GM0546/raadsrapport.pdf?jaar=2025"
check raad_web_beleid_onderdrukt cmp -s <(tel_tabel "$T/raad_web_beleid.txt") "$T/tel.txt"

pdf_ok raad_web_gemeente "$G" "/gemeenten/0546/raadsrapport.pdf?jaar=2025"
gemeente_kolommen "$T/exact.txt" >"$T/exact.kol"
check raad_web_gemeente_kolommen_gevonden [ "$(grep -c '' "$T/exact.kol")" -ge 8 ]
check raad_web_gemeente_exact cmp -s <(gemeente_kolommen "$T/raad_web_gemeente.txt") "$T/exact.kol"
check raad_web_gemeente_vertrouwelijk grep -q 'Vertrouwelijke versie' "$T/raad_web_gemeente.txt"
check raad_web_bestandsnaam grep -q 'raadsrapport-GM0546-2025-vertrouwelijk.pdf' "$T/h"
pdf_ok raad_web_gemeente_openbaar "$G" "/gemeenten/0546/raadsrapport.pdf?jaar=2025&openbaar=1"
check raad_web_openbaar_onderdrukt cmp -s <(tel_tabel "$T/raad_web_gemeente_openbaar.txt") \
	"$T/tel.txt"
# Another gemeente's report: the Leiden user gets it suppressed.
pdf_ok raad_web_andere_gemeente "$G" "/gemeenten/0575/raadsrapport.pdf?jaar=2025"
check raad_web_andere_openbaar grep -q 'Openbare versie' "$T/raad_web_andere_gemeente.txt"
pdf_ok raad_web_standaard_jaar "" "/gemeenten/0546/raadsrapport.pdf"
check raad_web_standaard_2025 grep -q 'Jaarrapportage 2025' "$T/raad_web_standaard_jaar.txt"

haal "" "/gemeenten/9999/raadsrapport.pdf?jaar=2025"
check raad_web_onbekend_404 [ "$code" = 404 ]
haal "" "/gemeenten/0546/raadsrapport.pdf?jaar=2031"
check raad_web_jaar_toekomst_400 [ "$code" = 400 ]
check raad_web_jaar_toekomst_melding heeft "kies een jaar van"
haal "" "/gemeenten/0546/raadsrapport.pdf?jaar=twintig"
check raad_web_jaar_tekst_400 [ "$code" = 400 ]
haal "" "/gemeenten/0546/raadsrapport.pdf?peildatum=2025-01-01"
check raad_web_onbekende_parameter_400 [ "$code" = 400 ]

haal "" "/gemeenten/0546"
check raad_web_link_op_gemeentepagina heeft 'href="/gemeenten/0546/raadsrapport.pdf?jaar=2025"'

# A duiding of the gemeente for 2025 appears in its report, with its
# author, from the page and from the CLI.
TOK=$("$J" token add --db "$DB" --naam leiden-bi --gemeente 0546 2>/dev/null |
	grep -oE '\b[0-9a-f]{64}\b' | head -n 1)
haal "" -H "Authorization: Bearer $TOK" --data-urlencode indicator=wachttijd \
	--data-urlencode gemeente=0546 --data-urlencode periode=2025-K3 \
	--data-urlencode "tekst=Personeelstekort bij twee aanbieders." /api/v1/duidingen
check raad_duiding_201 [ "$code" = 201 ]
pdf_ok raad_web_duiding "" "/gemeenten/0546/raadsrapport.pdf?jaar=2025"
check raad_web_duiding_tekst grep -q 'Personeelstekort bij twee aanbieders' "$T/raad_web_duiding.txt"
check raad_web_duiding_auteur grep -q 'token:leiden-bi' "$T/raad_web_duiding.txt"
pdf_ok raad_web_duiding_2024 "" "/gemeenten/0546/raadsrapport.pdf?jaar=2024"
check raad_web_duiding_niet_2024 bash -c "grep -q 'Geen duiding vastgelegd' '$T/raad_web_duiding_2024.txt' &&
	! grep -q Personeelstekort '$T/raad_web_duiding_2024.txt'"
run "$J" report --db "$DB" --gemeente 0546 --jaar 2025 --pdf "$T/cli_duiding.pdf"
check raad_cli_duiding bash -c "pdftotext '$T/cli_duiding.pdf' - | grep -q 'Personeelstekort bij twee aanbieders'"

stop_server
