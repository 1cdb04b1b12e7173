#!/usr/bin/env bash
# Run every test: each cmocka unit binary in build/test/unit/ and each
# end-to-end script tests/e2e/*.sh against the sanitizer build. Counts test
# cases, prints the output of whatever failed, and ends with exactly one
# line "N passed, N failed". Exit status 0 iff nothing failed.
#
# E2E scripts get JEUGDREGIE (absolute path of build/test/jeugdregie) and a
# fresh TMPDIR_E2E, and print "ok NAME" / "not ok NAME" lines.
set -u

cd "$(dirname "$0")/.." || exit 2
root=$(pwd)

# Generous per-test cap: a hang must fail the run, not stall it.
cap=${JEUGDREGIE_TEST_TIMEOUT:-900}

passed=0
failed=0
report=$(mktemp) || exit 2
out=$(mktemp) || exit 2
trap 'rm -f "$report" "$out"' EXIT

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

for bin in build/test/unit/test_*; do
	[ -f "$bin" ] && [ -x "$bin" ] || continue
	name=${bin#build/test/unit/}
	CMOCKA_MESSAGE_OUTPUT=STDOUT timeout "$cap" "$bin" >"$out" 2>&1
	rc=$?
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

jr="$root/build/test/jeugdregie"
for script in tests/e2e/*.sh; do
	[ -f "$script" ] || continue
	name=${script#tests/}
	tmp=$(mktemp -d) || exit 2
	JEUGDREGIE="$jr" TMPDIR_E2E="$tmp" timeout "$cap" bash "$script" >"$out" 2>&1
	rc=$?
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

if [ -s "$report" ]; then
	printf '\nMislukt:\n\n'
	cat "$report"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
