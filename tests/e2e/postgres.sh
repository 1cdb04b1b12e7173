#!/usr/bin/env bash
# End-to-end tests that only make sense against a PostgreSQL server: the
# counterparts of cli.sh's SQLite-file tests, an unreachable server, and
# the server dying in the middle of a demo. Runs only with
# JEUGDREGIE_BACKEND=postgresql; under sqlite it prints nothing.
#
# Covered elsewhere under the postgresql backend: a newer schema version
# and a second demo refused, both unchanged (cli.sh: nieuwere_versie_*,
# demo_tweede_keer_*); integrity, test BSNs and declaration totals of the
# default demo in psql, and kpi --json equal to SQLite's (demo.sh).
set -u

[ "${JEUGDREGIE_BACKEND:-sqlite}" = postgresql ] || exit 0

. "$(dirname "$0")/lib/common.sh"
DEMO=(--scale 0.05 --until 2022-06-30)

# psql_in DBREF SQL...: run SQL (no output wanted).
psql_in() {
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$1" -c "$2" >/dev/null
}

# ---- a database of another program --------------------------------------
A=$(nieuwe_db ander)
psql_in "$A" "CREATE TABLE boeken (titel TEXT); INSERT INTO boeken VALUES ('Max Havelaar');"
voor=$(afdruk "$A")
expect ander_programma_kpi 1 "geen jeugdregie-database" -- "$J" kpi --db "$A"
expect ander_programma_migrate 1 "geen jeugdregie-database" -- "$J" migrate --db "$A"
expect ander_programma_demo 1 "geen jeugdregie-database" -- "$J" demo --db "$A" "${DEMO[@]}"
na=$(afdruk "$A")
tabellen=$(sql "$A" "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")
if [ "$na" = "$voor" ] && [ "$tabellen" = boeken ]; then
	ok ander_programma_onveranderd
else
	not_ok ander_programma_onveranderd "pg_dump wijkt af of andere tabellen: $tabellen"
fi

# ---- a database or server that is not there ---------------------------------
port=$(cat "$PG_DIR/port")
# A database the cluster does not have: refused, and not created.
G="postgresql:///bestaat_niet_$$?host=$PG_DIR&port=$port&user=postgres"
expect kpi_database_bestaat_niet 1 "bestaat_niet_$$" -- timeout 15 "$J" kpi --db "$G"
expect migrate_database_bestaat_niet 1 "bestaat_niet_$$" -- timeout 15 "$J" migrate --db "$G"
if [ "$(sql "postgresql:///postgres?host=$PG_DIR&port=$port&user=postgres" \
	"SELECT count(*) FROM pg_database WHERE datname = 'bestaat_niet_$$'")" = 0 ]; then
	ok database_niet_aangemaakt
else
	not_ok database_niet_aangemaakt "bestaat_niet_$$ is aangemaakt"
fi

# Nothing listens: the wrong port on the socket directory, and on TCP.
andere=$((port == 65000 ? 65001 : 65000))
# unreachable NAME URL: exit 1 within 15 s, a message about the connection.
unreachable() {
	local start=$SECONDS
	run timeout 15 "$J" kpi --db "$2"
	if [ "$rc" -eq 1 ] && grep -qi "verbinding\|postgresql" <<<"$out"; then
		ok "$1"
	else
		not_ok "$1" "exit $rc na $((SECONDS - start)) s; verwacht 1 binnen 15 s met een melding over de verbinding"
	fi
}
unreachable onbereikbaar_socket "postgresql:///postgres?host=$PG_DIR&port=$andere&user=postgres"
unreachable onbereikbaar_tcp "postgresql://postgres@127.0.0.1:$andere/postgres"
# The same through JEUGDREGIE_DB.
run timeout 15 env JEUGDREGIE_DB="postgresql:///postgres?host=$PG_DIR&port=$andere&user=postgres" "$J" kpi
if [ "$rc" -eq 1 ] && grep -qi "verbinding\|postgresql" <<<"$out"; then
	ok onbereikbaar_via_env
else
	not_ok onbereikbaar_via_env "exit $rc; verwacht 1 met een melding over de verbinding"
fi

# ---- the server dies in the middle of a demo ----------------------------------
# A private cluster, so that the shared one stays up for the other scripts.
chmod 755 "$T"
P_DIR="$T/pg"
if bash "$PG_CLUSTER" start "$P_DIR" >/dev/null 2>pg-start.err; then
	bij_einde "bash '$PG_CLUSTER' stop '$P_DIR'"
	P=$(bash "$PG_CLUSTER" createdb "$P_DIR" killdemo)
	"$J" demo --db "$P" --scale 1 --until 2026-11-25 >demo.out 2>&1 &
	pid=$!
	sleep 2
	if ! kill -0 "$pid" 2>/dev/null; then
		out=$(cat demo.out)
		not_ok server_weg_demo_foutmelding "de demo was na 2 s al klaar; niets getest"
	else
		bash "$PG_CLUSTER" halt "$P_DIR"
		# The demo must notice and stop; give it 30 s.
		for _ in $(seq 1 60); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.5
		done
		if kill -0 "$pid" 2>/dev/null; then
			kill -9 "$pid" 2>/dev/null
			wait "$pid" 2>/dev/null
			out=$(cat demo.out)
			not_ok server_weg_demo_foutmelding "de demo hangt nog 30 s nadat de server stopte"
		else
			wait "$pid"
			rc=$?
			out=$(cat demo.out)
			if [ "$rc" -ne 0 ] && grep -qi "verbinding\|postgresql" <<<"$out"; then
				ok server_weg_demo_foutmelding
				printf '%s\n' "$out" | tail -n 3 | sed 's/^/# /'
			else
				not_ok server_weg_demo_foutmelding "exit $rc; verwacht niet 0 met een melding over de verbinding"
			fi
		fi
	fi
	# While the server is down: a clear refusal, quickly.
	run timeout 15 "$J" kpi --db "$P"
	if [ "$rc" -eq 1 ] && grep -qi "verbinding\|postgresql" <<<"$out"; then
		ok server_weg_kpi_foutmelding
	else
		not_ok server_weg_kpi_foutmelding "exit $rc; verwacht 1 binnen 15 s met een melding over de verbinding"
	fi
	if bash "$PG_CLUSTER" resume "$P_DIR" 2>pg-resume.err; then
		ok server_herstart
		# The demo is one transaction: no half region.
		gem=$(gemeenten "$P")
		run timeout 60 "$J" kpi --db "$P"
		if { [ "$gem" = 0 ] || [ "$gem" = geen ]; } && [ "$rc" -eq 1 ]; then
			ok server_weg_niets_half
		else
			not_ok server_weg_niets_half "gemeenten: $gem (verwacht 0), kpi exit $rc (verwacht 1: nog geen regio)"
		fi
		expect server_weg_daarna_gelukt 0 "regio gemaakt" -- timeout 300 "$J" demo --db "$P" "${DEMO[@]}"
	else
		out=$(cat pg-resume.err)
		not_ok server_herstart "pg-cluster.sh resume mislukt"
	fi
else
	out=$(cat pg-start.err)
	not_ok server_weg_cluster "pg-cluster.sh start $P_DIR mislukt"
fi

exit 0
