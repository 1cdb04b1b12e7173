# Shared by the end-to-end scripts: the binary under test, a private
# temporary directory, and the ok / not ok reporting that tests/run.sh
# counts. Source it; it sets J, T and the helpers below.

J=${JEUGDREGIE:?JEUGDREGIE moet naar de jeugdregie-binary wijzen}
if [ ! -x "$J" ]; then
	echo "not ok binary: '$J' ontbreekt of is niet uitvoerbaar"
	exit 1
fi
base=${TMPDIR_E2E:-${TMPDIR:-/tmp}}
T=$(mktemp -d "$base/e2e.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
unset JEUGDREGIE_DB

out=""
rc=0
# run CMD...: output (stdout and stderr) in $out, exit status in $rc.
run() {
	out=$("$@" 2>&1)
	rc=$?
}

ok() { echo "ok $1"; }
not_ok() {
	echo "not ok $1"
	shift
	for line in "$@"; do
		echo "#   $line"
	done
	printf '%s\n' "$out" | head -n 20 | sed 's/^/#   | /'
}

# expect NAME RC [TEXT...] -- CMD...: exit status RC and every TEXT
# (a fixed string) in the output.
expect() {
	local name=$1 want=$2 t
	local -a texts=()
	shift 2
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		texts+=("$1")
		shift
	done
	shift
	run "$@"
	if [ "$rc" -ne "$want" ]; then
		not_ok "$name" "exit $rc, verwacht $want: $*"
		return
	fi
	for t in "${texts[@]}"; do
		if ! grep -qF -- "$t" <<<"$out"; then
			not_ok "$name" "tekst '$t' ontbreekt: $*"
			return
		fi
	done
	ok "$name"
}

# Checksum of a database file and its WAL, if any.
som() {
	cat "$1" "$1-wal" 2>/dev/null | sha256sum | cut -d' ' -f1
}
