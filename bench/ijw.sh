#!/usr/bin/env bash
# make bench, iJw part: ingest of a month of JW323 declarations, in
# Prestaties per second, against a peer in the same run: xmllint
# validating the same files against the same XSD (xmllint --noout --schema
# data/ijw/3.2/JW323.xsd), one process over all files, as ours.
#
#   bash bench/ijw.sh [DB]
#
# DB: a demo region (bench/run.sh passes its scale-1 one, with
# BENCH_IJW_SCALE=1 for the heading). Without it a
# demo region is made in a temporary directory at BENCH_IJW_SCALE (default
# 1) until 2026-11-25. For the issue's second figure:
#   BENCH_IJW_SCALE=40 bash bench/ijw.sh
# (not part of make bench: the scale-40 demo alone takes several minutes
# and about 40 times the disk of scale 1).
#
# The month: the latest declaratieperiode in DB. Its approved Prestaties
# (goedgekeurd = 1) are written by build/release/bench/bench_ijw with the
# typed writer, one JW323 per declaratie row (one aanbieder, one gemeente:
# a JW323 has a single Ontvanger), each checked against the XSD.
#
# Rows (median of 3 rounds each, all in this run):
#   xmllint           parse + XSD                           (the peer)
#   ijw lezen         file + ijw_xml_controleer (parse + XSD) + bericht_lees
#   ijw verwerk       the whole pipeline end to end, as a provider's month
#                     arrives: jeugdregie ijw import over all files (parse +
#                     XSD + in-message and cross-message rules + store +
#                     retourbericht; each message all or nothing, a
#                     transaction per reeks of 256 files) against a
#                     copy of DB from which that month's declaraties and
#                     their Prestaties are deleted first, so the files are
#                     new to it (TR314, TR333, TR056, TR389 would refuse
#                     them otherwise) while the toewijzingen, contracts and
#                     earlier months they are checked against are there.
#                     A fresh copy per round, copied (and synced to disk,
#                     so its writeback does not fall in the timing)
#                     outside the timing.
# BENCH_IJW_CONTROLEER=1: the aggregates of the copy are rebuilt after
# the month is removed (outside the timing; about half a minute at scale
# 1), and after the last import `jeugdregie cijfers controleer` must find
# them equal to a recomputation (the upkeep inside the timed ingest is
# exact).
# Figures, not verdicts: this is a shared, noisy machine; the ratio in the
# same run is what counts. The issue's goal: the whole pipeline at least
# half as fast as xmllint's validation alone (ratio >= 0.5).
set -euo pipefail
cd "$(dirname "$0")/.."
J=build/release/jeugdregie
B=build/release/bench/bench_ijw
XSD=data/ijw/3.2/JW323.xsd
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

for x in "$J" "$B"; do
	[ -x "$x" ] || { echo "bench/ijw.sh: $x ontbreekt; eerst make all $B" >&2; exit 1; }
done
if ! command -v xmllint >/dev/null; then
	echo "iJw: xmllint ontbreekt (pakket libxml2-utils); overgeslagen"
	exit 0
fi
command -v sqlite3 >/dev/null || { echo "iJw: sqlite3 ontbreekt; overgeslagen"; exit 0; }

schaal=${BENCH_IJW_SCALE:-1}
if [ $# -ge 1 ]; then
	db=$1
	# The scale of a given database, for the heading only.
	schaal=${BENCH_IJW_SCALE:-onbekend}
else
	db="$T/ijw.db"
	"$J" demo --db "$db" --scale "$schaal" --until 2026-11-25 >/dev/null
fi

maand=$(sqlite3 "$db" "SELECT max(periode_begin) FROM declaratie")
[ -n "$maand" ] || { echo "iJw: $db heeft geen declaraties; overgeslagen"; exit 0; }

# One approved Prestatie per line, grouped by declaratie, per client.
sqlite3 -separator $'\t' "$db" "
SELECT d.nummer, d.agb, d.gemeente, d.periode_begin, d.periode_eind, d.dagtekening,
       j.bsn, p.referentie, p.toewijzing_nummer, p.categorie, p.productcode,
       p.periode_begin, p.periode_eind, p.volume, p.eenheid, p.tarief, p.bedrag
FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id
JOIN jeugdige j ON j.id = p.jeugdige_id
WHERE d.periode_begin = '$maand' AND p.goedgekeurd = 1
ORDER BY d.id, j.bsn, p.id" >"$T/maand.tsv"

mkdir "$T/jw323"
# (an assignment, so that set -e stops the script when the generator fails)
gen=$("$B" genereer "$T/maand.tsv" "$T/jw323")
read -r bestanden prestaties <<<"$gen"
mb=$(du -sm "$T/jw323" | cut -f1)

median() { sort -g | sed -n 2p; }
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }

# xmllint over every file, in as few processes as the argument list allows.
xmllint_alles() { find "$T/jw323" -name '*.xml' -print0 | xargs -0 -r xmllint --noout --schema "$XSD"; }

# Both must accept every file, or the figures would be about refusals.
xmllint_alles >/dev/null 2>"$T/xmllint.err" || { echo "iJw: xmllint weigert bestanden:"; head -5 "$T/xmllint.err"; exit 1; }
gemeten=$("$B" meet "$T/jw323")
read -r n_ons p_ons <<<"$gemeten"
[ "$n_ons" = "$bestanden" ] && [ "$p_ons" = "$prestaties" ] ||
	{ echo "iJw: bench_ijw meet telt $n_ons/$p_ons, verwacht $bestanden/$prestaties"; exit 1; }

# The pipeline: the month removed from a copy of DB, then every file in
# one ijw import (files in name order: a provider's main declaratie before
# its correction declaratie of the same month).
sqlite3 "$db" ".backup '$T/basis.db'"
sqlite3 "$T/basis.db" "
DELETE FROM prestatie WHERE declaratie_id IN (SELECT id FROM declaratie WHERE periode_begin = '$maand');
DELETE FROM declaratie WHERE periode_begin = '$maand';"
# A database of an older version is migrated on first open: do that here,
# outside the timing.
"$J" migrate --db "$T/basis.db" >/dev/null
if [ "${BENCH_IJW_CONTROLEER:-0}" = 1 ]; then
	tot_jaar=$(sqlite3 "$T/basis.db" "SELECT waarde FROM meta WHERE sleutel = 'maandcijfers.tot_jaar'")
	"$J" cijfers herbouw --db "$T/basis.db" ${tot_jaar:+--tot-jaar "$tot_jaar"} >/dev/null
fi
vandaag=$(sqlite3 "$db" "SELECT max(dagtekening) FROM declaratie WHERE periode_begin = '$maand'")
# ijw import exits 1 when a message is rejected (the rules find what the
# demo got wrong on purpose); a failure of the program itself is worse.
verwerk_alles() {
	local rc=0
	find "$T/jw323" -name '*.xml' | sort | xargs -r "$J" ijw import --db "$T/ronde.db" \
		--vandaag "$vandaag" || rc=$?
	[ "$rc" -le 1 ] || [ "$rc" = 123 ]
}
verwerk_ronde() {
	cp "$T/basis.db" "$T/ronde.db"
	sync
	secs verwerk_alles
}
for _ in 1 2 3; do verwerk_ronde; done | median >"$T/verwerk"
cp "$T/basis.db" "$T/ronde.db"
uitkomst=$(verwerk_alles | tail -1)
uitkomst="$uitkomst; Prestaties goedgekeurd $(sqlite3 "$T/ronde.db" "SELECT sum(goedgekeurd) || ' van ' || count(*) FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id WHERE d.periode_begin = '$maand'"), afgewezen per regel: $(sqlite3 "$T/ronde.db" "SELECT group_concat(code || ' ' || n, ', ') FROM (SELECT b.code, count(*) AS n FROM ijw_bevinding b GROUP BY b.code ORDER BY n DESC)")"

if [ "${BENCH_IJW_CONTROLEER:-0}" = 1 ]; then
	"$J" cijfers controleer --db "$T/ronde.db" >"$T/controleer" ||
		{ echo "iJw: maandcijfers wijken af na de import:"; tail -5 "$T/controleer"; exit 1; }
	uitkomst="$uitkomst; $(tail -1 "$T/controleer")"
fi

for _ in 1 2 3; do secs xmllint_alles; done | median >"$T/xmllint"
for _ in 1 2 3; do secs "$B" meet "$T/jw323"; done | median >"$T/lezen"
x=$(cat "$T/xmllint") l=$(cat "$T/lezen") v=$(cat "$T/verwerk")

printf '\niJw: JW323-ingest, maand %s, schaal %s: %d bestanden, %d Prestaties, %d MB; mediaan van 3\n' \
	"${maand:0:7}" "$schaal" "$bestanden" "$prestaties" "$mb"
printf '%-44s %8s %14s %8s\n' rij s Prestaties/s "x xmllint"
printf '%-44s %8.2f %14.0f %8s\n' "xmllint --noout --schema (peer)" "$x" "$(div "$prestaties" "$x")" 1.00
printf '%-44s %8.2f %14.0f %8.2f\n' "ijw lezen (ijw_xml_controleer + bericht_lees)" "$l" \
	"$(div "$prestaties" "$l")" "$(div "$x" "$l")"
printf '%-44s %8.2f %14.0f %8.2f\n' "ijw verwerk (hele pijplijn, ijw import)" "$v" \
	"$(div "$prestaties" "$v")" "$(div "$x" "$v")"
printf '%s\n' "  uitkomst: $uitkomst"
