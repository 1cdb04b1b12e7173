#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests (Debian 12's postgresql
# package), reachable only through a Unix socket in its own directory.
#
#   pg-cluster.sh start DIR          create DIR, initdb, start; prints the URL
#   pg-cluster.sh stop DIR           stop at once and remove DIR
#   pg-cluster.sh url DIR [DB]       the URL of database DB (default postgres)
#   pg-cluster.sh createdb DIR NAME  create database NAME; prints its URL
#   pg-cluster.sh psql DIR [DB] [ARGS...]   psql -X on database DB
#   pg-cluster.sh halt DIR           stop the server at once, keep DIR
#   pg-cluster.sh resume DIR         start a halted server again (same port)
#
# URLs look like postgresql:///DB?host=DIR&port=PORT&user=postgres: trust
# authentication for the superuser postgres over the socket, no TCP at all.
# DIR must not exist yet (or be empty) and needs an absolute path that the
# postgres OS user can reach. As root the server runs as the OS user
# postgres (initdb and pg_ctl refuse root); as any other user it runs as
# that user. Set PGBIN to use other PostgreSQL binaries.
#
# Files in DIR: data/ (the cluster), log (the server log), port, and the
# marker .jeugdregie-pg-cluster that stop checks before removing DIR.
set -u

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
MARKER=.jeugdregie-pg-cluster

die() {
	echo "pg-cluster: $*" >&2
	exit 1
}

usage() {
	sed -n '4,11s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

need_bins() {
	local b
	for b in initdb pg_ctl pg_isready psql createdb; do
		if [ ! -x "$PGBIN/$b" ]; then
			die "PostgreSQL 15 ontbreekt: $PGBIN/$b niet gevonden. Installeer de Debian-pakketten postgresql en libpq-dev (scripts/deps.sh doet dat als root), of zet PGBIN naar de map met initdb en pg_ctl."
		fi
	done
}

# Run a server-side command as the owner of the cluster.
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# DIR as an absolute path without a trailing slash.
absdir() {
	case $1 in
	/*) printf '%s\n' "${1%/}" ;;
	*) printf '%s/%s\n' "$(pwd)" "${1%/}" ;;
	esac
}

port_of() {
	[ -f "$1/port" ] || die "'$1' is geen cluster van pg-cluster.sh (geen $1/port)"
	cat "$1/port"
}

url_of() {
	printf 'postgresql:///%s?host=%s&port=%s&user=postgres\n' "${2:-postgres}" "$1" "$(port_of "$1")"
}

server_start() {
	local dir=$1 port=$2
	# fsync, synchronous_commit and full_page_writes are off: this cluster
	# is thrown away after the tests, so speed beats durability. A crash of
	# the server process alone (pg_ctl stop -m immediate) is still
	# recovered, since the OS keeps the written pages.
	as_pg "$PGBIN/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/log" -o \
		"-c listen_addresses='' -k $dir -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40 -c shared_buffers=32MB" \
		>/dev/null
}

wait_ready() {
	local dir=$1 port=$2
	for _ in $(seq 1 120); do
		if "$PGBIN/pg_isready" -q -h "$dir" -p "$port" -U postgres -d postgres; then
			return 0
		fi
		sleep 0.5
	done
	return 1
}

cmd_start() {
	local dir port
	need_bins
	dir=$(absdir "$1")
	if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
		die "'$dir' bestaat al en is niet leeg"
	fi
	mkdir -p "$dir" || die "kan '$dir' niet aanmaken"
	# The socket path must fit in sun_path (107 bytes).
	if [ ${#dir} -gt 80 ]; then
		die "'$dir' is te lang voor een Unix-socket (hoogstens 80 tekens)"
	fi
	touch "$dir/$MARKER"
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || die "de OS-gebruiker postgres ontbreekt (Debian-pakket postgresql)"
		chown -R postgres: "$dir" || die "kan '$dir' niet aan postgres geven"
		runuser -u postgres -- test -w "$dir" ||
			die "de gebruiker postgres kan niet in '$dir' (een bovenliggende map is afgeschermd); kies een map onder /tmp"
	fi
	if ! as_pg "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C \
		>"$dir/initdb.log" 2>&1; then
		cat "$dir/initdb.log" >&2
		die "initdb mislukt in '$dir'"
	fi
	# Any port will do (nothing listens on TCP); the socket lives in DIR,
	# so only another server on the same socket could clash. Retry with
	# another number if the server does not come up.
	for _ in 1 2 3 4 5; do
		port=$((5433 + RANDOM % 20000))
		[ -e "$dir/.s.PGSQL.$port" ] && continue
		echo "$port" >"$dir/port"
		if server_start "$dir" "$port" && wait_ready "$dir" "$port"; then
			url_of "$dir"
			return 0
		fi
		as_pg "$PGBIN/pg_ctl" stop -m immediate -D "$dir/data" >/dev/null 2>&1
	done
	echo "pg-cluster: server start mislukt; het log ($dir/log):" >&2
	tail -n 50 "$dir/log" >&2 2>/dev/null
	die "kan geen PostgreSQL-server starten in '$dir'"
}

cmd_halt() {
	local dir
	dir=$(absdir "$1")
	[ -f "$dir/data/postmaster.pid" ] || return 0
	if ! as_pg "$PGBIN/pg_ctl" stop -m immediate -w -t 30 -D "$dir/data" >/dev/null 2>&1; then
		# pg_ctl gave up: end our own postmaster by its pid.
		local pid
		pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)
		case $pid in '' | *[!0-9]*) return 1 ;; esac
		kill -KILL "$pid" 2>/dev/null
	fi
	return 0
}

cmd_stop() {
	local dir
	dir=$(absdir "$1")
	[ -e "$dir" ] || return 0
	[ -e "$dir/$MARKER" ] || die "'$dir' is geen cluster van pg-cluster.sh; niet verwijderd"
	cmd_halt "$dir"
	rm -rf "$dir"
}

cmd_resume() {
	local dir port
	dir=$(absdir "$1")
	port=$(port_of "$dir")
	if server_start "$dir" "$port" && wait_ready "$dir" "$port"; then
		return 0
	fi
	tail -n 50 "$dir/log" >&2 2>/dev/null
	die "kan de server in '$dir' niet opnieuw starten"
}

[ $# -ge 2 ] || usage
cmd=$1
dir=$2
shift 2
case $cmd in
start) [ $# -eq 0 ] || usage; cmd_start "$dir" ;;
stop) [ $# -eq 0 ] || usage; cmd_stop "$dir" ;;
halt) [ $# -eq 0 ] || usage; cmd_halt "$(absdir "$dir")" ;;
resume) [ $# -eq 0 ] || usage; cmd_resume "$dir" ;;
url) [ $# -le 1 ] || usage; url_of "$(absdir "$dir")" "${1:-postgres}" ;;
createdb)
	[ $# -eq 1 ] || usage
	dir=$(absdir "$dir")
	"$PGBIN/createdb" -h "$dir" -p "$(port_of "$dir")" -U postgres "$1" || die "createdb '$1' mislukt"
	url_of "$dir" "$1"
	;;
psql)
	dir=$(absdir "$dir")
	db=${1:-postgres}
	[ $# -gt 0 ] && shift
	exec "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$(port_of "$dir")" -U postgres -d "$db" "$@"
	;;
*) usage ;;
esac
