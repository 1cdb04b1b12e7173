#!/usr/bin/env bash
# make run: create the demo region database DB with SEED when it does not
# exist yet, then print the key indicators from it.
# demo writes the region in one transaction; when it fails, the empty file
# it opened is removed so that the next run starts over.
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "gebruik: scripts/run.sh DB SEED" >&2
	exit 2
fi
db=$1
seed=$2
bin="$(cd "$(dirname "$0")/.." && pwd)/build/release/jeugdregie"

if [ ! -e "$db" ]; then
	if ! "$bin" demo --db "$db" --seed "$seed"; then
		rm -f -- "$db" "$db-wal" "$db-shm"
		exit 1
	fi
fi
"$bin" kpi --db "$db"
