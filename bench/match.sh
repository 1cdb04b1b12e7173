#!/usr/bin/env bash
# make bench, matching part (src/match): the matcher on two random regions,
# 3,000 waiting jeugdigen x 300 plekken (about 2,000 places) and 8,000 x 600
# (about 3,900 places), next to two peers on the same instances in the
# same run:
#   LEMON   NetworkSimplex (build/test/peer/lemon_mcf) on the very same
#           flow network (DIMACS), fairness bands included; LEMON has no
#           warm start, so its "incremental" is a full solve of the network
#           with the 10 new jeugdigen.
#   scipy   linear_sum_assignment on the expanded assignment form (one
#           column per place; fairness off, which an assignment cannot
#           express; our optimum of that variant is checked against it).
# Rows (milliseconds, medians of ROUNDS runs each; ROUNDS=5, scipy 3 on the
# small region and 1 on the large one, where one solve takes seconds):
#   model    building the network from the structs (koppel_jeugdige_add)
#   full     koppel_los_op from scratch (solve + reading the proposals)
#   incr     10 new jeugdigen added and koppel_los_op warm
#   uitleg   koppel_uitleg (potentials anchored, runner-up per jeugdige)
# Goals (issue 6): full <= 50 ms and <= 300 ms, incremental <= 5 ms.
# Figures, not verdicts: a shared 2-core machine; ratios in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/release/bench/match_bench
L=build/test/peer/lemon_mcf
PY=/usr/bin/python3 # Debian's, with python3-scipy
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

val() { sed -n "s/^$1 //p" "$2" | head -n 1; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

for size in "3000 300 3" "8000 600 1"; do
	set -- $size
	n=$1 p=$2 lsa_rounds=$3
	d="$T/$n"
	mkdir -p "$d"
	"$B" "$n" "$p" 5 "$d" >"$d/ons"
	"$L" -r 5 "$d/full.min" "$d/incr.min" >"$d/lemon"
	"$PY" bench/match_lsa.py "$d" "$lsa_rounds" >"$d/lsa"
	full=$(val full_ms "$d/ons") incr=$(val incr_ms "$d/ons")
	lfull=$(sed -n 1p "$d/lemon" | awk '{ print $3 }') lincr=$(sed -n 2p "$d/lemon" | awk '{ print $3 }')
	lcost=$(sed -n 1p "$d/lemon" | awk '{ print $2 }') cost=$(sed -n 's/.* cost \([0-9-]*\) .*/\1/p' "$d/ons")
	lsa=$(val lsa_ms "$d/lsa")
	printf 'match %s jeugdigen x %s plekken (%s places; %s)\n' "$n" "$p" "$(val places "$d/ons")" \
		"$(sed -n 's/^nodes \([0-9]*\) arcs \([0-9]*\).*/\1 nodes, \2 arcs/p' "$d/ons")"
	printf '  model:            %8.2f ms\n' "$(val model_ms "$d/ons")"
	printf '  full:             %8.2f ms   LEMON %8.2f ms  ratio ours/LEMON %s   scipy LSA %9.1f ms  ratio ours/LSA %s\n' \
		"$full" "$lfull" "$(div "$full" "$lfull")" "$lsa" "$(div "$full" "$lsa")"
	printf '  incr (+10):       %8.2f ms   LEMON %8.2f ms  ratio ours/LEMON %s (LEMON solves from scratch)\n' \
		"$incr" "$lincr" "$(div "$incr" "$lincr")"
	printf '  uitleg:           %8.2f ms\n' "$(val uitleg_ms "$d/ons")"
	printf '  optimum: ours %s, LEMON %s (%s); %s\n' "$cost" "$lcost" \
		"$([ "$cost" = "$lcost" ] && echo equal || echo DIFFERENT)" "$(sed -n 's/^lsa_cost /scipy (no fairness): /p' "$d/lsa")"
	printf '  pivots: %s\n' "$(sed -n 's/.*pivots_full \([0-9]*\) pivots_incr \([0-9]*\)/full \1, incremental \2/p' "$d/ons")"
done
