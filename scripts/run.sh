#!/usr/bin/env bash
# make run: create the demo region database DB with SEED when it does not
# exist yet, print the key indicators from it, make sure there is one demo
# login per role, and serve the database on http://127.0.0.1:8080/ in the
# foreground (Ctrl-C stops it).
#
# demo writes the region in one transaction; when it fails, the empty file
# it opened is removed so that the next run starts over.
#
# The demo logins get fixed, published passwords: they are for trying the
# demo on this machine only. They are made once (an existing user of the
# same name is left as it is, password included) with the real Argon2id
# parameters, never JEUGDREGIE_PWHASH_SNEL.
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "gebruik: scripts/run.sh DB SEED" >&2
	exit 2
fi
db=$1
seed=$2
bin="$(cd "$(dirname "$0")/.." && pwd)/build/release/jeugdregie"
listen=127.0.0.1:8080
unset JEUGDREGIE_PWHASH_SNEL

if [ ! -e "$db" ]; then
	if ! "$bin" demo --db "$db" --seed "$seed"; then
		rm -f -- "$db" "$db-wal" "$db-shm"
		exit 1
	fi
	# A first matching round, so /koppelen shows proposals at once.
	if uit=$("$bin" match --db "$db"); then
		printf 'Eerste koppelronde: %s\n' "$(printf '%s\n' "$uit" | grep '^Totaal' | head -n 1)"
	else
		echo "let op: de eerste koppelronde is niet berekend; dat kan ook op /koppelen" >&2
	fi
fi
"$bin" kpi --db "$db"

# sql QUERY: the first column of the first row (DB is a SQLite file here).
sql() { sqlite3 "$db" "$1" | head -n 1; }
gemeente=0546
team=$(sql "SELECT team_id FROM lokaal_team_gemeente WHERE gemeente = '$gemeente' ORDER BY team_id LIMIT 1")
agb=$(sql "SELECT agb FROM toewijzing GROUP BY agb ORDER BY count(*) DESC, agb LIMIT 1")
if [ -z "$team" ] || [ -z "$agb" ]; then
	echo "make run: de database '$db' heeft geen lokaal team voor Leiden of geen aanbieder" \
		"met cliënten; is het een demoregio? (verwijder het bestand om opnieuw te beginnen)" >&2
	exit 1
fi

# name|role|scope options|scope text|password
logins=(
	"demo-beheerder|beheerder|||demo beheerder 2026"
	"demo-regio|regio|||demo regio SOZ 2026"
	"demo-gemeente|gemeente|--gemeente $gemeente|gemeente $gemeente (Leiden)|demo gemeente Leiden 2026"
	"demo-team|lokaal_team|--team $team|team $team (werkt voor Leiden)|demo lokaal team 2026"
	"demo-aanbieder|aanbieder|--aanbieder $agb|aanbieder $agb|demo aanbieder 2026"
	"demo-beleid|beleid|||demo beleid 2026"
)
bestaand=$("$bin" user list --db "$db" | awk 'NR > 1 { print $1 }')
for l in "${logins[@]}"; do
	IFS='|' read -r naam rol opties _ wachtwoord <<<"$l"
	if grep -qxF -- "$naam" <<<"$bestaand"; then
		continue
	fi
	# $opties is "--gemeente 0546" and the like: split on purpose.
	# shellcheck disable=SC2086
	printf '%s\n' "$wachtwoord" | "$bin" user add --db "$db" --naam "$naam" --rol "$rol" \
		$opties --wachtwoord-stdin
done

echo
echo "jeugdregie draait op http://$listen/ (Ctrl-C stopt de server)"
echo
echo "Demo-logins (inloggen op http://$listen/inloggen):"
printf '  %-16s %-12s %-32s %s\n' naam rol scope wachtwoord
for l in "${logins[@]}"; do
	IFS='|' read -r naam rol _ scope wachtwoord <<<"$l"
	printf '  %-16s %-12s %-32s %s\n' "$naam" "$rol" "${scope:--}" "$wachtwoord"
done
echo
echo "Let op: deze wachtwoorden staan in scripts/run.sh en de README en zijn ALLEEN voor de"
echo "lokale demo op deze machine. Gebruik ze nooit op een server die anderen bereiken;"
echo "maak daar eigen gebruikers met 'jeugdregie user add' (het wachtwoord wordt gevraagd)."
echo "Een bestaande demo-login wordt niet overschreven: wie het wachtwoord wijzigde, houdt het."
echo
exec "$bin" serve --db "$db" --listen "$listen"
