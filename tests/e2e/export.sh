#!/usr/bin/env bash
# End-to-end tests of the downloads of the indicator pages
# (src/web/cijfers_export.c, docs/api/indicatoren.md): every table and
# chart of /, /gemeenten, /gemeenten/{code} and /aanbieders/{agb}/cijfers
# as XLSX and CSV for the public, beleid, the region's staff and a
# gemeente; the XLSX opens with python3's zipfile, the CSV parses, both
# hold the same rows, they equal the page's figures for the same asker,
# public and beleid downloads hold no count 1..9 and only multiples of 5
# in count columns, Content-Type and Content-Disposition are right, the
# links are on the pages and bad parameters are refused. Runs once per
# backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1
VGL="$REPO/tests/e2e/lib/export_vergelijk.py"

DB=$(nieuwe_db export)
expect export_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
PW='correct paard batterij niet'
"$J" user add --db "$DB" --naam soz --rol regio --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam leiden --rol gemeente --gemeente 0546 --wachtwoord-stdin \
	<<<"$PW" >/dev/null 2>&1
"$J" user add --db "$DB" --naam analist --rol beleid --wachtwoord-stdin <<<"$PW" >/dev/null 2>&1
AGB=$(sql "$DB" "SELECT agb FROM omzetplafond ORDER BY agb LIMIT 1")

start_server export_serve_start "$DB" 4
HAAL_MAX_TIME=60

P="$T/publiek.jar"
: >"$P"
login "$T/regio.jar" soz "$PW"
login "$T/gemeente.jar" leiden "$PW"
login "$T/beleid.jar" analist "$PW"

XLSX_TYPE="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOELEN="gebruik wachttijd zorgelijk thuiszitters verblijf collectief overgang18 uitval"

# download NAME WIE PAD TABEL SOORT [ARG]: the page PAD for WIE, then
# TABEL as xlsx and csv: status, headers, both formats equal, equal to
# the page (SOORT, ARG: see export_vergelijk.py), and for the public and
# beleid the suppression check.
download() {
	local naam=$1 wie=$2 pad=$3 tabel=$4 soort=$5 arg=${6:-} f sep
	sep='?'
	haal "$T/$wie.jar" "$pad"
	cp "$T/b" "$T/pagina.html"
	for f in xlsx csv; do
		# (haal reads the body into a shell variable: binary XLSX
		# makes bash warn about NUL bytes)
		haal "$T/$wie.jar" "$pad${sep}formaat=$f&tabel=$tabel" 2>/dev/null
		cp "$T/b" "$T/d.$f"
		if [ "$code" != 200 ]; then
			not_ok "${naam}_${f}_200" "$code"
			return
		fi
		if [ "$f" = xlsx ]; then
			check "${naam}_xlsx_type" [ "$(kop Content-Type)" = "$XLSX_TYPE" ]
		else
			check "${naam}_csv_type" [ "$(kop Content-Type)" = "text/csv; charset=utf-8" ]
		fi
		check "${naam}_${f}_bestandsnaam" grep -Eq \
			"^attachment; filename=\"[a-z]+(-[0-9A-Za-z]+)*-$tabel-[0-9]{4}-[0-9]{2}-[0-9]{2}\.$f\"$" \
			<<<"$(kop Content-Disposition)"
	done
	run python3 "$VGL" gelijk "$T/d.xlsx" "$T/d.csv"
	check "${naam}_xlsx_gelijk_csv" [ "$rc" = 0 ]
	[ "$rc" = 0 ] || echo "# $out"
	run python3 "$VGL" pagina "$soort" "$T/pagina.html" "$T/d.xlsx" $arg
	check "${naam}_gelijk_aan_pagina" [ "$rc" = 0 ]
	[ "$rc" = 0 ] || echo "# $out"
	if [ "$wie" = publiek ] || [ "$wie" = beleid ]; then
		run python3 "$VGL" onderdrukt "$T/d.xlsx"
		check "${naam}_onderdrukt" [ "$rc" = 0 ]
		[ "$rc" = 0 ] || echo "# $out"
	fi
}

for wie in publiek beleid regio gemeente; do
	download "${wie}_regio_doelen" "$wie" / doelen doelen
	for d in $DOELEN; do
		download "${wie}_regio_$d" "$wie" / "$d" trend "$d"
	done
	download "${wie}_gemeenten" "$wie" /gemeenten gemeenten gemeenten
	for g in 0546 0575; do
		download "${wie}_${g}_doelen" "$wie" "/gemeenten/$g" doelen doelen
		for d in $DOELEN; do
			download "${wie}_${g}_$d" "$wie" "/gemeenten/$g" "$d" trend "$d"
		done
		download "${wie}_${g}_budget" "$wie" "/gemeenten/$g" budget budget
	done
	download "${wie}_aanbieder_wachten" "$wie" "/aanbieders/$AGB/cijfers" wachten aanbieder 0
	download "${wie}_aanbieder_capaciteit" "$wie" "/aanbieders/$AGB/cijfers" capaciteit aanbieder 1
done

# A gemeente sees its own figures exactly: some count in its download is
# not a multiple of 5 or below 10 (the demo has such counts for Leiden).
haal "$T/gemeente.jar" "/gemeenten/0546?formaat=csv&tabel=thuiszitters"
cp "$T/b" "$T/eigen.csv"
run python3 "$VGL" onderdrukt "$T/eigen.csv"
check gemeente_eigen_exact [ "$rc" != 0 ]

# An older peildatum: the download follows it.
haal "$P" "/gemeenten?peildatum=2025-06-30&formaat=csv"
check peildatum_200 [ "$code" = 200 ]
check peildatum_bestandsnaam grep -q 'regio-gemeenten-2025-06-30.csv' <<<"$(kop Content-Disposition)"

# Dates are real dates in the XLSX; money has a euro format.
haal "$T/regio.jar" "/?formaat=xlsx&tabel=wachttijd" 2>/dev/null
cp "$T/b" "$T/w.xlsx"
run python3 -c '
import sys; sys.path.insert(0, sys.argv[2])
from export_lees import lees
r = lees(sys.argv[1])
assert r[0][0] == "Peildatum", r[0]
assert all(isinstance(x[0], str) and len(x[0]) == 10 and x[0][4] == "-" for x in r[1:]), r[1]
' "$T/w.xlsx" "$REPO/tests/e2e/lib"
check xlsx_datums [ "$rc" = 0 ]
haal "$T/regio.jar" "/gemeenten/0546?formaat=xlsx&tabel=budget" 2>/dev/null
cp "$T/b" "$T/bu.xlsx"
run python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert "€" in z.read("xl/styles.xml").decode()
' "$T/bu.xlsx"
check xlsx_euro_formaat [ "$rc" = 0 ]
haal "$T/regio.jar" "/gemeenten/0546?formaat=csv&tabel=budget"
check csv_euro_komma grep -Eq '^0;Lokaal team;[0-9]+,[0-9]{2};[0-9]+,[0-9]{2};' <<<"$(sed 's/^\xEF\xBB\xBF//' "$T/b")"

# The links on the pages.
haal "$P" /
check link_regio_doelen heeft 'href="/?peildatum=2026-11-25&amp;formaat=xlsx&amp;tabel=doelen"'
check link_regio_trend heeft 'href="/?peildatum=2026-11-25&amp;formaat=csv&amp;tabel=uitval"'
haal "$P" /gemeenten
check link_gemeenten heeft 'href="/gemeenten?peildatum=2026-11-25&amp;formaat=xlsx&amp;tabel=gemeenten"'
haal "$P" /gemeenten/0546
check link_budget heeft 'href="/gemeenten/0546?peildatum=2026-11-25&amp;formaat=csv&amp;tabel=budget"'
haal "$P" "/aanbieders/$AGB/cijfers"
check link_aanbieder heeft "href=\"/aanbieders/$AGB/cijfers?peildatum=2026-11-25&amp;formaat=xlsx&amp;tabel=capaciteit\""
check link_tekst heeft '>Excel</a> · <a'

# Bad parameters.
haal "$P" "/gemeenten?formaat=pdf"
check formaat_onbekend_400 [ "$code" = 400 ]
haal "$P" "/?formaat=csv&tabel=budget"
check tabel_onbekend_400 [ "$code" = 400 ]
haal "$P" "/gemeenten/0546?formaat=csv&tabel=bestaat-niet"
check tabel_onbekend_gemeente_400 [ "$code" = 400 ]
haal "$P" "/gemeenten/9999?formaat=csv"
check gemeente_onbekend_404 [ "$code" = 404 ]
haal "$P" "/api/v1/indicatoren/gemeenten?formaat=csv"
check api_geen_formaat_400 [ "$code" = 400 ]

# The comparison is not vacuous: the public page against the region's
# exact download differs.
haal "$P" /gemeenten
cp "$T/b" "$T/pagina.html"
haal "$T/regio.jar" "/gemeenten?formaat=csv"
cp "$T/b" "$T/regio.csv"
run python3 "$VGL" pagina gemeenten "$T/pagina.html" "$T/regio.csv"
check vergelijking_ziet_verschil [ "$rc" != 0 ]

# The duidingen of a goal go into the goals table (column "Duiding").
haal "$T/gemeente.jar" /duidingen
CSRF=$(csrf_veld)
haal "$T/gemeente.jar" --data-urlencode "csrf=$CSRF" --data-urlencode indicator=wachttijd \
	--data-urlencode gemeente=0546 --data-urlencode periode=2026-K4 \
	--data-urlencode 'tekst=Export-duiding: "De Brug"; nieuwe aanbieder' /duidingen
check duiding_nieuw_303 [ "$code" = 303 ]
for f in xlsx csv; do
	haal "$P" "/gemeenten/0546?formaat=$f&tabel=doelen" 2>/dev/null
	cp "$T/b" "$T/duiding.$f"
	run python3 -c '
import sys; sys.path.insert(0, sys.argv[2])
from export_lees import lees
r = lees(sys.argv[1])
k = r[0].index("Duiding")
rij = [x for x in r[1:] if x[0] == "Kortere wachttijden"][0]
assert "Leiden, 2026-K4: Export-duiding: \"De Brug\"; nieuwe aanbieder (" in rij[k], rij
assert all(len(x) <= k or x[k] == "" for x in r[1:] if x[0] != "Kortere wachttijden")
' "$T/duiding.$f" "$REPO/tests/e2e/lib"
	check "duiding_in_${f}" [ "$rc" = 0 ]
	[ "$rc" = 0 ] || echo "# $out"
done
