# Shared by the end-to-end scripts: the binary under test, a private
# temporary directory, the backend under test, and the ok / not ok
# reporting that tests/run.sh counts. Source it; it sets J, T, BACKEND and
# the helpers below.
#
# Environment (tests/run.sh sets it):
#   JEUGDREGIE          the binary under test
#   TMPDIR_E2E          where T is made
#   JEUGDREGIE_BACKEND  sqlite (default) or postgresql
#   JEUGDREGIE_PG_DIR   postgresql: the directory of the throwaway cluster
#                       that scripts/pg-cluster.sh started (socket, port)
#   JEUGDREGIE_E2E_SHARED  a directory shared by the scripts of one run, for
#                       results one backend hands to the other (optional)

J=${JEUGDREGIE:?JEUGDREGIE moet naar de jeugdregie-binary wijzen}
if [ ! -x "$J" ]; then
	echo "not ok binary: '$J' ontbreekt of is niet uitvoerbaar"
	exit 1
fi
BACKEND=${JEUGDREGIE_BACKEND:-sqlite}
case $BACKEND in
sqlite | postgresql) ;;
*)
	echo "not ok backend: JEUGDREGIE_BACKEND='$BACKEND'; verwacht sqlite of postgresql"
	exit 1
	;;
esac
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
PG_CLUSTER="$REPO/scripts/pg-cluster.sh"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
export PGBIN
PG_DIR=${JEUGDREGIE_PG_DIR:-}
SHARED=${JEUGDREGIE_E2E_SHARED:-}

base=${TMPDIR_E2E:-${TMPDIR:-/tmp}}
T=$(mktemp -d "$base/e2e.XXXXXX") || exit 1

# bij_einde CMD...: run CMD when the script ends (private clusters).
_einde_cmds=()
bij_einde() { _einde_cmds+=("$*"); }
_einde() {
	local c
	for c in "${_einde_cmds[@]}"; do
		eval "$c" >/dev/null 2>&1
	done
	rm -rf "$T"
}
trap _einde EXIT
# tests/run.sh ends a hung script with TERM (and Ctrl-C sends INT): still
# clean up.
trap 'exit 143' TERM
trap 'exit 130' INT
cd "$T" || exit 1
unset JEUGDREGIE_DB

if [ "$BACKEND" = postgresql ]; then
	if [ -z "$PG_DIR" ] || [ ! -f "$PG_DIR/port" ]; then
		echo "not ok postgresql_cluster: JEUGDREGIE_PG_DIR wijst niet naar een draaiend cluster (tests/run.sh start er een)"
		exit 1
	fi
fi

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

# check NAME CONDITION...: ok when the condition (a command) holds.
check() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name" "voorwaarde faalt: $*"; fi
}

# py_ok NAME SCRIPT ARGS...: run a python check (python3 -c SCRIPT ARGS...);
# ok when it exits 0.
py_ok() {
	local name=$1
	shift
	run python3 -c "$@"
	if [ "$rc" -eq 0 ]; then ok "$name"; else not_ok "$name" "python-controle faalt"; fi
}

# gebruiker TEST NAAM ROL [SCOPE-OPTIES...]: `user add` on $DB with the
# password $PW; reports TEST.
gebruiker() {
	run "$J" user add --db "$DB" --naam "$2" --rol "$3" "${@:4}" --wachtwoord-stdin <<<"$PW"
	if [ "$rc" -eq 0 ]; then ok "$1"; else not_ok "$1"; fi
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

# ---- backends -------------------------------------------------------------

# only_sqlite / only_postgresql: true under that backend (for tests that
# are inherently about one of them).
only_sqlite() { [ "$BACKEND" = sqlite ]; }
only_postgresql() { [ "$BACKEND" = postgresql ]; }

# nieuwe_db NAME: a reference (for --db) to a new, empty database of the
# current backend: $T/NAME.db for SQLite (not created: the program creates
# it), a freshly created database NAME_PID_N in the cluster for PostgreSQL
# (N counts in a file, since callers use $(nieuwe_db ...), a subshell).
nieuwe_db() {
	if [ "$BACKEND" = sqlite ]; then
		printf '%s\n' "$T/$1.db"
		return
	fi
	local naam n
	n=$(($(cat "$T/.db-teller" 2>/dev/null || echo 0) + 1))
	echo "$n" >"$T/.db-teller"
	naam=$(printf '%s_%s_%s' "$1" "$$" "$n" | tr 'A-Z.-' 'a-z__')
	bash "$PG_CLUSTER" createdb "$PG_DIR" "$naam" || {
		echo "not ok nieuwe_db_$1: createdb $naam mislukt" >&2
		printf 'postgresql:///%s?host=%s&port=0&user=postgres\n' "$naam" "$PG_DIR"
		return 1
	}
}

# sql DBREF QUERY: the rows of QUERY, '|'-separated, no headers; the
# sqlite3 shell or psql by the form of DBREF.
sql() {
	case $1 in
	postgresql://* | postgres://*)
		"$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"
		;;
	*)
		sqlite3 "${1#sqlite:}" "$2"
		;;
	esac
}

# pg_dump_vast ARGS...: pg_dump without its \restrict / \unrestrict lines,
# which carry a random key (since 15.14), so that equal databases give
# equal dumps. Errors go into the output too (they differ from a dump).
pg_dump_vast() {
	"$PGBIN/pg_dump" "$@" 2>&1 | grep -Ev '^\\(un)?restrict '
}

# afdruk DBREF: a fingerprint of the whole database, to show that a
# refused command changed nothing: the file checksum for SQLite, a
# checksum of pg_dump (schema and rows) for PostgreSQL.
afdruk() {
	case $1 in
	postgresql://* | postgres://*)
		pg_dump_vast -d "$1" --no-owner | sha256sum | cut -d' ' -f1
		;;
	*)
		som "${1#sqlite:}"
		;;
	esac
}

# gemeenten DBREF: the number of municipalities in the database; "geen"
# if it has no gemeente table (or does not exist).
gemeenten() {
	local n
	case $1 in
	postgresql://* | postgres://*) ;;
	*) [ -e "${1#sqlite:}" ] || { echo geen; return; } ;;
	esac
	if n=$(sql "$1" "SELECT count(*) FROM gemeente" 2>/dev/null) && [ -n "$n" ]; then
		printf '%s\n' "$n"
	else
		echo geen
	fi
}

# start_server NAME DB THREADS: run "$J serve" on a free loopback port in
# the background (killed when the script ends); reports "ok NAME" and sets
# pid, poort and B (the base URL), or reports "not ok NAME" and exits.
start_server() {
	local naam=$1 db=$2 threads=$3
	"$J" serve --db "$db" --listen 127.0.0.1:0 --threads "$threads" 2>"$T/serve.err" &
	pid=$!
	bij_einde "kill -9 $pid"
	poort=""
	for _ in $(seq 1 100); do
		poort=$(sed -n 's#^jeugdregie serveert .* op http://127\.0\.0\.1:\([0-9][0-9]*\)/$#\1#p' \
			"$T/serve.err")
		[ -n "$poort" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if [ -z "$poort" ] || [ "$poort" -eq 0 ]; then
		out=$(cat "$T/serve.err")
		not_ok "$naam" "geen regel 'jeugdregie serveert ... op http://127.0.0.1:POORT/'"
		exit 1
	fi
	ok "$naam"
	B="http://127.0.0.1:$poort"
}

# stop_server: end the server of start_server with TERM (waiting up to
# 5 s); reports serve_stopt (exit status 0) and serve_sanitizer (no
# sanitizer report in its log, $T/serve.err).
stop_server() {
	local src
	kill -TERM "$pid"
	for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	wait "$pid"
	src=$?
	out=$(cat "$T/serve.err")
	check serve_stopt [ "$src" = 0 ]
	if grep -qE 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error' "$T/serve.err"; then
		not_ok serve_sanitizer
	else
		ok serve_sanitizer
	fi
}
