#!/usr/bin/env bash
# Install what jeugdregie needs to build, run and test: Debian 12 packages,
# then the npm packages of package-lock.json (browser assets and the
# browser tests) into node_modules. Installs exactly what is missing; as
# non-root it prints the apt-get line to run instead.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(
	gcc make pkg-config
	libsqlite3-dev sqlite3
	libcmocka-dev
	libpq-dev postgresql
	libsodium-dev
	libmicrohttpd-dev curl
	libxml2-dev       # iJw messages: parsing and XSD validation
	libxml2-utils     # xmllint: the reference validator next to ours in make bench
	clang libclang-rt-14-dev  # make fuzz: libFuzzer
	python3
	wrk       # make bench: HTTP load
	g++ liblemon-dev  # make test/bench: LEMON's network simplex, the matcher's peer (tests/peer)
	python3-scipy     # make bench: linear_sum_assignment next to the matcher
	libxlsxwriter-dev # XLSX exports for policy staff
	libhpdf-dev       # libharu: the council report as PDF
	poppler-utils     # make test: pdftotext/pdftoppm read the council reports back
	chromium  # make test: the browser tour (driven by playwright-core)
)

missing=()
for p in "${pkgs[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done
# Node.js and npm by command, not by package: a nodejs package from another
# source (e.g. NodeSource) carries npm itself and conflicts with Debian's.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "deps: missing packages: ${missing[*]}" >&2
		echo "deps: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
	echo "deps: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# node_modules as package-lock.json says, when it is missing or older than
# the lock file (npm writes node_modules/.package-lock.json on every
# install). From npm's cache first, so that a machine that installed once
# needs no network; then from the registry.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "deps: npm ci (package-lock.json)" >&2
	if ! npm ci --no-audit --no-fund --offline >/dev/null 2>&1; then
		npm ci --no-audit --no-fund --prefer-offline >&2
	fi
fi
