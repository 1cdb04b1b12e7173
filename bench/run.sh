#!/usr/bin/env bash
# make bench: figures, not verdicts. Times are medians of 3 runs on a noisy
# machine; the peer runs in the same session so the ratio is what counts.
#
#  1. demo generation at scale 1 (rows written per second), against the
#     peer: SQLite itself (the sqlite3 shell) inserting the same number of
#     rows of the same width into a STRICT table with an index, in one
#     transaction with the same journal settings - the storage floor.
#  2. loading and computing every indicator (kpi --json) on that database.
#  3. HTTP (bench/http.sh): serve on that database under wrk, per URL,
#     against a static file served by the same server.
#  4. iJw (bench/ijw.sh): ingest of that database's last month of JW323
#     declarations, against xmllint validating the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
J=build/release/jeugdregie
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

median() { sort -n | sed -n 2p; }
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }

for i in 1 2 3; do
	rm -f "$T/d.db"*
	secs "$J" demo --db "$T/d.db" --until 2026-11-25
done | median >"$T/demo"
rows=$(sqlite3 "$T/d.db" "SELECT (SELECT count(*) FROM jeugdige) + (SELECT count(*) FROM gezin)
	+ (SELECT count(*) FROM woonplaats) + (SELECT count(*) FROM verwijzing)
	+ (SELECT count(*) FROM toewijzing) + (SELECT count(*) FROM traject)
	+ (SELECT count(*) FROM prestatie) + (SELECT count(*) FROM declaratie)
	+ (SELECT count(*) FROM tarief) + (SELECT count(*) FROM capaciteit)")

peer_sql="PRAGMA journal_mode=TRUNCATE; PRAGMA synchronous=FULL; PRAGMA cache_size=-1048576;
CREATE TABLE r (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b TEXT NOT NULL, c TEXT,
  d TEXT, e INTEGER, f INTEGER, g TEXT, h INTEGER) STRICT;
CREATE INDEX r_a ON r (a);
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO r SELECT i, i / 3, 'T' || i || '-202501', '2025-01-01', '2025-01-31',
  i % 97, (i % 97) * 9600, '0200', 1 FROM n;
COMMIT;"
for i in 1 2 3; do
	rm -f "$T/p.db"*
	secs sqlite3 "$T/p.db" "$peer_sql"
done | median >"$T/peer"

for i in 1 2 3; do
	secs "$J" kpi --db "$T/d.db" --json
done | median >"$T/kpi"

d=$(cat "$T/demo") p=$(cat "$T/peer") k=$(cat "$T/kpi")
printf 'demo scale 1:        %8.2f s  %9.0f rows/s  (%d rows)\n' "$d" "$(div "$rows" "$d")" "$rows"
printf 'peer sqlite3 insert: %8.2f s  %9.0f rows/s  (same row count, bare table)\n' "$p" "$(div "$rows" "$p")"
printf 'ratio demo/peer:     %8.2f  (time; the demo also draws every career, and writes through foreign keys and indexes)\n' "$(div "$d" "$p")"
printf 'kpi --json:          %8.2f s  (load the record, every indicator for 13 gemeenten + regio)\n' "$k"

# ---- the same on PostgreSQL (a throwaway cluster on a Unix socket) --------
# The cluster runs with fsync off (scripts/pg-cluster.sh, as in the tests):
# the figure measures the program and the server's work per row, not the
# disk. A production server with fsync on commits the demo's single
# transaction once, so the difference is small for this workload.
P=$(mktemp -d)
chmod 755 "$P" # the postgres user must reach the socket directory
if url=$(bash scripts/pg-cluster.sh start "$P/pg" 2>/dev/null); then
	for i in 1 2 3; do
		db=$(bash scripts/pg-cluster.sh createdb "$P/pg" "bench$i")
		secs "$J" demo --db "$db" --until 2026-11-25
	done | median >"$T/pgdemo"
	for i in 1 2 3; do
		secs "$J" kpi --db "$(bash scripts/pg-cluster.sh url "$P/pg" bench1)" --json
	done | median >"$T/pgkpi"
	bash scripts/pg-cluster.sh stop "$P/pg" >/dev/null 2>&1
	pd=$(cat "$T/pgdemo") pk=$(cat "$T/pgkpi")
	printf 'demo scale 1, PostgreSQL: %6.2f s  %9.0f rows/s  ratio PostgreSQL/SQLite %.2f\n' \
		"$pd" "$(div "$rows" "$pd")" "$(div "$pd" "$d")"
	printf 'kpi --json, PostgreSQL:   %6.2f s  ratio PostgreSQL/SQLite %.2f\n' "$pk" "$(div "$pk" "$k")"
else
	echo "PostgreSQL: cluster could not start (scripts/pg-cluster.sh); skipped"
fi
rm -rf "$P"

bash bench/http.sh "$T/d.db"
bash bench/cijfers.sh "${BENCH_CIJFERS_DB:-$T/d.db}"
BENCH_IJW_SCALE=1 bash bench/ijw.sh "$T/d.db"

bash bench/match.sh
bash bench/koppel.sh
