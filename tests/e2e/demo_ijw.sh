#!/usr/bin/env bash
# End-to-end test of `demo --via-ijw`: the same small region made twice,
# once written directly and once by sending its history as iJw 3.2
# messages through the pipeline (JW315 + honouring with a JW301, JW305,
# JW307, JW323), gives the same record.
#
# Each domain table is read from both databases with the same SELECT
# (every column, a fixed order) and the two outputs must be equal. Left
# out, and why:
# - the message tables ijw_bericht, ijw_bevinding, ijw_verzoek and
#   ijw_export: only the chain writes them;
# - audit_log and audit_kop: the municipality's honouring of each JW315
#   is audited, as any user's action; direct generation acts for no one;
# - meta's data.versie (every processed message raises it) and ijw.slot
#   (the row PostgreSQL locks to serialise the processing of messages);
# - the ids of declaratie and prestatie: the pipeline numbers them in the
#   order the JW323s come in (month by month), direct generation in the
#   order the careers are written; a declaratie is compared by its
#   (agb, nummer), a prestatie by its (agb, ReferentieNummer) and its
#   declaratie by that key;
# - toewijzing.verwijzing_id: a JW315 names the kind of Verwijzer, not the
#   region's verwijzing record, so the toewijzing it yields has no link to
#   it (the traject keeps its verwijzing_id).
# The verwijzing rows are compared whole, reden and team_id included: both
# ways write the region's verwijzingen directly (the local team records
# them; a JW315 names only the kind of Verwijzer).
# Runs once per backend (JEUGDREGIE_BACKEND, see lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"

# On PostgreSQL every message is a round of statements over the socket
# (the monthly aggregates of a start or stop alone are hundreds): a smaller
# region keeps the sanitizer build within the per-test cap.
OPTS=(--seed 7 --scale 0.02 --until 2026-11-25)
only_sqlite || OPTS=(--seed 7 --scale 0.01 --until 2026-11-25)
D=$(nieuwe_db direct)
V=$(nieuwe_db keten)
# Each message is its own transaction, each commit an fsync: on SQLite the
# via-iJw database lives in memory-backed /dev/shm when there is one
# (durability is not what this test is about; the PostgreSQL test cluster
# runs with fsync off for the same reason).
if only_sqlite && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	V=/dev/shm/jeugdregie-demo-ijw-$$.db
	rm -f "$V" "$V-wal" "$V-shm" "$V-journal"
	bij_einde rm -f "$V" "$V-wal" "$V-shm" "$V-journal"
fi
expect demo_direct 0 "regio gemaakt" -- "$J" demo --db "$D" "${OPTS[@]}"
expect demo_via_ijw 0 "regio gemaakt" -- "$J" demo --db "$V" "${OPTS[@]}" --via-ijw

# table|columns|order: the same SELECT on both databases.
vergelijk=(
	"segment|*|1"
	"product|*|1"
	"gemeente|*|1"
	"deelname|*|1, 2"
	"lokaal_team|*|1"
	"lokaal_team_gemeente|*|1, 2"
	"netwerk|*|1"
	"aanbieder|*|1"
	"contract|*|1"
	"tarief|*|1, 2, 3"
	"budget|*|1, 2, 3"
	"omzetplafond|*|1, 2"
	"capaciteit|*|1"
	"jeugdige|*|1"
	"gezin|*|1"
	"woonplaats|*|1, 3"
	"verwijzing|*|1"
	"traject|*|1"
	"zorgelijk_besluit|*|1"
	"schoolstatus|*|1"
	"perspectiefplan|*|1"
	"toewijzing|nummer, jeugdige_id, agb, gemeente, categorie, productcode, toewijzingsdatum, ingangsdatum, einddatum, volume, eenheid, frequentie, budget, reden_wijziging|1"
	"declaratie|nummer, agb, gemeente, periode_begin, periode_eind, dagtekening, totaal_ingediend, totaal_toegekend|2, 1"
	"meta|sleutel, waarde|1"
)
for v in "${vergelijk[@]}"; do
	IFS='|' read -r tabel kolommen orde <<<"$v"
	filter=""
	[ "$tabel" = meta ] && filter="WHERE sleutel NOT IN ('data.versie', 'ijw.slot')"
	q="SELECT $kolommen FROM $tabel $filter ORDER BY $orde"
	a=$(sql "$D" "$q" 2>&1)
	b=$(sql "$V" "$q" 2>&1)
	# Empty is suspect (a failed query prints nothing on stdout), except
	# for staff decisions, which the small PostgreSQL region may lack.
	leeg_mag=false
	[ "$tabel" = zorgelijk_besluit ] && leeg_mag=true
	if { [ -n "$a" ] || $leeg_mag; } && [ "$a" = "$b" ]; then
		ok "gelijk_$tabel"
	else
		out=$(diff <(printf '%s\n' "$a") <(printf '%s\n' "$b") | head -n 10)
		not_ok "gelijk_$tabel" "$(printf '%s\n' "$a" | wc -l) direct, $(printf '%s\n' "$b" | wc -l) via iJw"
	fi
done

# Prestaties by their key, with the key of their declaratie.
q="SELECT p.referentie, d.agb, d.nummer, p.jeugdige_id, p.traject_id, p.toewijzing_nummer,
	p.categorie, p.productcode, p.periode_begin, p.periode_eind, p.volume, p.eenheid,
	p.tarief, p.bedrag, p.retourcode, p.goedgekeurd
	FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id ORDER BY 2, 1"
a=$(sql "$D" "$q" 2>&1)
b=$(sql "$V" "$q" 2>&1)
if [ -n "$a" ] && [ "$a" = "$b" ]; then
	ok gelijk_prestatie
else
	out=$(diff <(printf '%s\n' "$a") <(printf '%s\n' "$b") | head -n 10)
	not_ok gelijk_prestatie "$(printf '%s\n' "$a" | wc -l) direct, $(printf '%s\n' "$b" | wc -l) via iJw"
fi

# The chain carried it all: one JW315, JW301 per toewijzing, a JW305 per
# start, a JW307 per stop, a JW323 per declaratie; no message was refused
# and the only findings are the declaration lines the history rejects (a
# JW323 all of whose lines are rejected is afgekeurd as a whole).
q="SELECT (SELECT count(*) FROM ijw_bericht WHERE soort = 'JW315') - (SELECT count(*) FROM toewijzing),
	(SELECT count(*) FROM ijw_bericht WHERE soort = 'JW301') - (SELECT count(*) FROM toewijzing),
	(SELECT count(*) FROM ijw_bericht WHERE soort = 'JW305') - (SELECT count(*) FROM traject WHERE begindatum IS NOT NULL AND toewijzing_nummer IS NOT NULL),
	(SELECT count(*) FROM ijw_bericht WHERE soort = 'JW307') - (SELECT count(*) FROM traject WHERE einddatum IS NOT NULL AND begindatum IS NOT NULL AND toewijzing_nummer IS NOT NULL),
	(SELECT count(*) FROM ijw_bericht WHERE soort = 'JW323') - (SELECT count(*) FROM declaratie),
	(SELECT count(*) FROM ijw_bericht WHERE status IN ('geweigerd', 'afgekeurd_xsd')
		OR (status = 'afgekeurd' AND soort <> 'JW323')),
	(SELECT count(*) FROM ijw_bevinding) - (SELECT count(*) FROM prestatie WHERE goedgekeurd = 0),
	(SELECT count(*) FROM prestatie WHERE goedgekeurd = 0)"
got=$(sql "$V" "$q" 2>&1)
if [[ $got =~ ^0\|0\|0\|0\|0\|0\|0\|[1-9][0-9]*$ ]]; then
	ok keten_berichten_compleet
else
	out=$got
	not_ok keten_berichten_compleet "verschillen per soort, geweigerd, bevindingen, afgewezen: $got"
fi

# The monthly aggregates were kept by the chain's hooks, message by
# message: they equal a computation afresh (and the direct demo's rebuild).
expect maandcijfers_via_ijw_kloppen 0 "" -- "$J" cijfers controleer --db "$V"
expect maandcijfers_direct_kloppen 0 "" -- "$J" cijfers controleer --db "$D"
