# Shared by the end-to-end scripts that talk HTTP to `jeugdregie serve`:
# curl requests with an optional cookie jar, looking into the answer, and
# the login flow (GET /inloggen, take the CSRF field, POST). Source it
# after lib/common.sh; the requests go to $B, which start_server sets.
#
# HAAL_MAX_TIME: seconds one request may take (default 20); a script
# whose pages are slow to build sets it higher before the first request.

command -v curl >/dev/null || { echo "not ok curl ontbreekt (scripts/deps.sh)"; exit 1; }

HAAL_MAX_TIME=${HAAL_MAX_TIME:-20}
code=""
body=""

# haal JAR [CURL-ARGS...] PATH: request $B PATH (GET unless CURL-ARGS say
# otherwise) with cookie jar JAR, read and written ("" for none). The path
# goes out as written (--path-as-is). Status in $code, headers in $T/h,
# body in $T/b and $body; for not_ok, $out holds the status, the headers
# and the start of the body.
haal() {
	local jar=$1 pad=${*: -1}
	local -a koek=()
	shift
	[ -n "$jar" ] && koek=(-b "$jar" -c "$jar")
	code=$(curl -s --max-time "$HAAL_MAX_TIME" --path-as-is "${koek[@]}" -D "$T/h" -o "$T/b" \
		-w '%{http_code}' "${@:1:$#-1}" "$B$pad") || code="curl-fout-$?"
	body=$(cat "$T/b" 2>/dev/null)
	out="HTTP $code
$(cat "$T/h" 2>/dev/null)
$(head -c 2000 "$T/b" 2>/dev/null)"
}

# heeft TEXT: the body contains TEXT (a fixed string).
heeft() { grep -qF -- "$1" <<<"$body"; }
# kop NAME: the value of the first header NAME of the last answer.
kop() { grep -i "^$1:" "$T/h" | head -n 1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'; }
# koppen NAME: every header line NAME of the last answer, whole.
koppen() { grep -i "^$1:" "$T/h" | tr -d '\r'; }
# csrf_veld: the hidden CSRF field of the page in $body.
csrf_veld() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' <<<"$body" | head -n 1; }
# cookie JAR NAME: the value of cookie NAME in jar JAR.
cookie() { awk -v n="$2" '$6 == n { print $7 }' "$1" | tail -n 1; }
# csp_schoon: the page in $T/b has no inline script, style or event
# handler (the Content-Security-Policy forbids them).
csp_schoon() {
	! grep -qiE '<script( [^>]*)?>[^<]|<script>|style=|<style|on(load|click|error)=' "$T/b"
}

# login JAR NAAM WACHTWOORD [TEST]: fetch the form, post it (the answer in
# $code, $body ...). With TEST, report it: ok when the login succeeded
# (303).
login() {
	local jar=$1 c
	haal "$jar" /inloggen
	c=$(csrf_veld)
	haal "$jar" --data-urlencode "naam=$2" --data-urlencode "wachtwoord=$3" \
		--data-urlencode "csrf=$c" /inloggen
	if [ $# -ge 4 ]; then
		check "$4" [ "$code" = 303 ]
	fi
}
