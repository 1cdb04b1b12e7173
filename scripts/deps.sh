#!/usr/bin/env bash
# Install what jeugdregie needs to build, run and test, from Debian 12
# packages only. Installs exactly what is missing; as non-root it prints
# the apt-get line to run instead.
set -euo pipefail

pkgs=(
	gcc make pkg-config
	libsqlite3-dev sqlite3
	libcmocka-dev
	libpq-dev postgresql
	libsodium-dev
	libmicrohttpd-dev curl
	python3
)

missing=()
for p in "${pkgs[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done

if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing packages: ${missing[*]}" >&2
	echo "deps: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
	exit 1
fi

echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
