#!/usr/bin/env bash
# Run every test: each cmocka unit binary in build/test/unit/ and each
# end-to-end script tests/e2e/*.sh against the sanitizer build, the latter
# once per store backend (SQLite, then PostgreSQL). Counts test cases,
# prints the output of whatever failed, and ends with exactly one line
# "N passed, N failed". Exit status 0 iff nothing failed.
#
# PostgreSQL: a throwaway cluster (scripts/pg-cluster.sh) in a temporary
# directory, reachable only through its Unix socket, lives for the whole
# run and is always stopped and removed at the end (also on a failure, a
# hang past the cap, Ctrl-C or TERM). The unit tests get its URL in
# JEUGDREGIE_TEST_PG (they create databases of their own). If the cluster cannot
# start, that counts as one failure and the SQLite tests still run.
#
# E2E scripts get JEUGDREGIE (absolute path of build/test/jeugdregie), a
# fresh TMPDIR_E2E, JEUGDREGIE_BACKEND (sqlite or postgresql),
# JEUGDREGIE_PG_DIR (the cluster's directory: socket and port file) and
# JEUGDREGIE_E2E_SHARED (a directory the sqlite run leaves results in for
# the postgresql run), and print "ok NAME" / "not ok NAME" lines. Their
# results are reported as BACKEND/e2e/SCRIPT.
#
# One script by hand against PostgreSQL:
#   scripts/pg-cluster.sh start /tmp/jr-pg
#   JEUGDREGIE=$PWD/build/test/jeugdregie JEUGDREGIE_BACKEND=postgresql \
#     JEUGDREGIE_PG_DIR=/tmp/jr-pg bash tests/e2e/cli.sh
#   scripts/pg-cluster.sh stop /tmp/jr-pg
set -u

cd "$(dirname "$0")/.." || exit 2
root=$(pwd)

# Generous per-test cap: a hang must fail the run, not stall it.
cap=${JEUGDREGIE_TEST_TIMEOUT:-1200}

passed=0
failed=0
report=$(mktemp) || exit 2
out=$(mktemp) || exit 2
# Everything else temporary, the cluster included, lives under $work; it
# must be reachable by the OS user postgres (the server runs as that user
# when we are root).
work=$(mktemp -d "${TMPDIR:-/tmp}/jeugdregie-test.XXXXXX") || exit 2
chmod 755 "$work"
pgdir="$work/pg"
child=""

# Stop every cluster under DIR (ours, and any private one an e2e script
# left behind when it was killed), by the marker pg-cluster.sh writes.
stop_clusters() {
	local m
	[ -d "$1" ] || return 0
	find "$1" -name .jeugdregie-pg-cluster -type f 2>/dev/null | while read -r m; do
		bash scripts/pg-cluster.sh stop "$(dirname "$m")" >/dev/null 2>&1
	done
}

cleanup() {
	trap '' INT TERM
	if [ -n "$child" ]; then
		# timeout passes TERM on to the whole test it runs.
		kill -TERM "$child" 2>/dev/null
		wait "$child" 2>/dev/null
	fi
	stop_clusters "$work"
	rm -rf "$work" "$report" "$out"
}
trap cleanup EXIT
trap 'echo "tests/run.sh: afgebroken" >&2; exit 130' INT
trap 'echo "tests/run.sh: beëindigd" >&2; exit 143' TERM

# run_capped CMD...: run CMD under the cap with its output in $out and its
# exit status in $rc. In the background, so that Ctrl-C or TERM reaches
# the traps above at once instead of after the test (timeout puts the test
# in a process group of its own).
rc=0
run_capped() {
	timeout "$cap" "$@" >"$out" 2>&1 &
	child=$!
	wait "$child"
	rc=$?
	child=""
}

# Remember the output of a failed binary or script for the summary.
keep() {
	{
		printf '=== %s (%s) ===\n' "$1" "$2"
		tail -n 200 "$out"
		printf '\n'
	} >>"$report"
}

# cmocka prints per group "[  PASSED  ] N test(s)." and, when some fail,
# "[  FAILED  ] N test(s), listed below:"; sum over the groups.
count_cmocka() {
	sed -n "s/^\[  $1  \] \([0-9][0-9]*\) test(s).*/\1/p" "$out" | awk '{ s += $1 } END { print s + 0 }'
}

# ---- the PostgreSQL cluster ------------------------------------------------

pg_url=""
if url=$(bash scripts/pg-cluster.sh start "$pgdir" 2>"$out"); then
	pg_url=$url
	export JEUGDREGIE_TEST_PG="$pg_url"
	printf '%-28s gestart: %s\n' "postgresql/cluster" "$pg_url"
else
	unset JEUGDREGIE_TEST_PG
	failed=$((failed + 1))
	keep "postgresql/cluster" "scripts/pg-cluster.sh start mislukt"
	printf '%-28s %3d passed, %d failed\n' "postgresql/cluster" 0 1
fi

# ---- unit tests --------------------------------------------------------------

for bin in build/test/unit/test_*; do
	[ -f "$bin" ] && [ -x "$bin" ] || continue
	name=${bin#build/test/unit/}
	run_capped env CMOCKA_MESSAGE_OUTPUT=STDOUT "$bin"
	p=$(count_cmocka PASSED)
	f=$(count_cmocka FAILED)
	# A crash, sanitizer report or timeout after the counts still fails.
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		echo "(geen cmocka-uitslag gevonden)" >>"$out"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		keep "unit/$name" "exit $rc"
	fi
	printf '%-28s %3d passed, %d failed\n' "unit/$name" "$p" "$f"
done

# ---- end-to-end tests, once per backend ----------------------------------------

jr="$root/build/test/jeugdregie"
shared="$work/shared"
mkdir -p "$shared"
backends=(sqlite)
if [ -n "$pg_url" ]; then
	backends+=(postgresql)
fi
for backend in "${backends[@]}"; do
	for script in tests/e2e/*.sh; do
		[ -f "$script" ] || continue
		name="$backend/${script#tests/}"
		tmp=$(mktemp -d "$work/e2e.XXXXXX") || exit 2
		chmod 755 "$tmp"
		run_capped env JEUGDREGIE="$jr" TMPDIR_E2E="$tmp" JEUGDREGIE_BACKEND="$backend" \
			JEUGDREGIE_PG_DIR="$pgdir" JEUGDREGIE_E2E_SHARED="$shared" bash "$script"
		stop_clusters "$tmp"
		rm -rf "$tmp"
		p=$(grep -c '^ok ' "$out")
		f=$(grep -c '^not ok ' "$out")
		# A script that stops early (set -e, a crash, a timeout) without a
		# "not ok" line has still failed once.
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			f=1
		fi
		passed=$((passed + p))
		failed=$((failed + f))
		if [ "$f" -gt 0 ]; then
			keep "$name" "exit $rc"
		fi
		printf '%-28s %3d passed, %d failed\n' "$name" "$p" "$f"
	done
done

if [ -s "$report" ]; then
	printf '\nMislukt:\n\n'
	cat "$report"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
