#!/usr/bin/env bash
# End-to-end tests of the login flow of `jeugdregie serve` (src/web/
# inloggen.c, sessie.c): the login form with its CSRF field and
# pre-session cookie, refusals without CSRF (403), the one generic
# message for a wrong password, an unknown user, a blocked and a disabled
# account, the session cookie (HttpOnly, SameSite=Lax; on loopback
# "jr_sessie" without Secure), the start page of a logged-in user, logout
# with the session's CSRF token, the block after 5 failures, and that
# only the hash of the cookie is stored. curl with a cookie jar, loopback
# only; runs once per backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
# Cheap Argon2id parameters for the users made here (tests only).
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db login)
expect login_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until 2022-06-30
PW='correct paard batterij niet'
PW2='ander geheim wachtwoord'
for u in anna bert carla; do
	gebruiker "user_add_$u" "$u" regio
done

start_server login_serve_start "$DB" 2


# ---- the form -------------------------------------------------------------
A="$T/a.jar"
haal "$A" /inloggen
check form_200 [ "$code" = 200 ]
check form_html heeft '<form method="post" action="/inloggen"'
check form_naam heeft 'name="naam"'
check form_wachtwoord heeft 'type="password"'
check form_csrf grep -qE '^[0-9a-f]{64}$' <<<"$(csrf_veld)"
check form_pre_cookie grep -q 'jr_pre=.*HttpOnly; SameSite=Lax' <<<"$(koppen Set-Cookie)"
check form_loopback_zonder_secure bash -c '! grep -qi secure <<<"$1"' _ "$(koppen Set-Cookie)"
csrf=$(csrf_veld)

# ---- CSRF and bad forms ----------------------------------------------------
haal "$A" --data-urlencode "naam=anna" --data-urlencode "wachtwoord=$PW" /inloggen
check login_zonder_csrf_403 [ "$code" = 403 ]
check login_zonder_csrf_geen_sessie [ -z "$(cookie "$A" jr_sessie)" ]
haal "$A" /inloggen
csrf=$(csrf_veld)
haal "$T/leeg.jar" --data-urlencode "naam=anna" --data-urlencode "wachtwoord=$PW" \
	--data-urlencode "csrf=$csrf" /inloggen
check login_csrf_zonder_cookie_403 [ "$code" = 403 ]
haal "$A" --data-urlencode "naam=anna" --data-urlencode "csrf=$csrf" /inloggen
check login_zonder_wachtwoord_400 [ "$code" = 400 ]
check login_zonder_wachtwoord_melding heeft "Vul uw wachtwoord in."
haal "$A" /inloggen
csrf=$(csrf_veld)
haal "$A" --data-urlencode "wachtwoord=$PW" --data-urlencode "csrf=$csrf" /inloggen
check login_zonder_naam_400 [ "$code" = 400 ]
haal "$A" /inloggen
csrf=$(csrf_veld)
haal "$A" --data "naam=anna&wachtwoord=%zz&csrf=$csrf" /inloggen
check login_slechte_escape_400 [ "$code" = 400 ]

# ---- wrong password, unknown user: one generic message -----------------------
login "$A" anna "$PW2"
check fout_wachtwoord_200 [ "$code" = 200 ]
check fout_wachtwoord_melding heeft "Naam of wachtwoord onjuist."
check fout_wachtwoord_geen_sessie [ -z "$(cookie "$A" jr_sessie)" ]
login "$A" niemand "$PW"
check onbekend_200 [ "$code" = 200 ]
check onbekend_melding heeft "Naam of wachtwoord onjuist."

# ---- a good login -----------------------------------------------------------
login "$A" anna "$PW"
check login_303 [ "$code" = 303 ]
check login_location [ "$(koppen Location | cut -d' ' -f2)" = / ]
sc=$(koppen Set-Cookie | grep 'jr_sessie=')
check login_cookie_httponly grep -q 'HttpOnly' <<<"$sc"
check login_cookie_samesite grep -q 'SameSite=Lax' <<<"$sc"
check login_cookie_path grep -q 'Path=/' <<<"$sc"
tok=$(cookie "$A" jr_sessie)
check login_cookie_token grep -qE '^[0-9a-f]{64}$' <<<"$tok"
haal "$A" /
check start_ingelogd heeft "Ingelogd als <strong class=\"gebruiker\">anna</strong> · <span class=\"rol\">SOZ (regio)</span>"
check start_uitlogformulier heeft 'action="/uitloggen"'
scsrf=$(csrf_veld)
n=$(sql "$DB" "SELECT count(*) FROM sessie WHERE token_hash = '$tok'")
check db_geen_cookiewaarde [ "$n" = 0 ]
n=$(sql "$DB" "SELECT count(*) FROM sessie s JOIN gebruiker g ON g.id = s.gebruiker_id WHERE g.naam = 'anna'")
check db_een_sessie [ "$n" = 1 ]
n=$(sql "$DB" "SELECT count(*) FROM sessie WHERE csrf_hash = '$scsrf'")
check db_geen_csrfwaarde [ "$n" = 0 ]
n=$(sql "$DB" "SELECT count(*) FROM audit_log WHERE gebruiker = 'anna' AND actie = 'inloggen' AND jeugdige_pseudoniem IS NULL")
check audit_inloggen [ "$n" = 1 ]
run "$J" audit verify --db "$DB"
check audit_verify [ "$rc" = 0 ]

# ---- logout --------------------------------------------------------------------
cp "$A" "$T/oud.jar"
haal "$A" -X POST /uitloggen
check uitloggen_zonder_csrf_403 [ "$code" = 403 ]
haal "$A" --data-urlencode "csrf=$(printf '0%.0s' $(seq 64))" /uitloggen
check uitloggen_fout_csrf_403 [ "$code" = 403 ]
haal "$A" /
check nog_ingelogd heeft "Ingelogd als"
haal "$A" --data-urlencode "csrf=$scsrf" /uitloggen
check uitloggen_303 [ "$code" = 303 ]
check uitloggen_location [ "$(koppen Location | cut -d' ' -f2)" = /inloggen ]
check uitloggen_cookie_weg grep -q 'jr_sessie=;.*Max-Age=0' <<<"$(koppen Set-Cookie)"
haal "$A" /
check uitgelogd_start heeft 'Niet ingelogd. <a href="/inloggen">'
haal "$T/oud.jar" /
check oude_cookie_werkt_niet heeft 'Niet ingelogd.'
n=$(sql "$DB" "SELECT count(*) FROM sessie")
check db_sessie_weg [ "$n" = 0 ]

# ---- 5 failures block the account -------------------------------------------------
Bj="$T/b.jar"
for i in 1 2 3 4 5; do
	login "$Bj" bert "$PW2"
done
check blok_melding heeft "Naam of wachtwoord onjuist."
login "$Bj" bert "$PW"
check blok_goed_wachtwoord_geweigerd [ "$code" = 200 ]
check blok_generieke_melding heeft "Naam of wachtwoord onjuist."
check blok_geen_sessie [ -z "$(cookie "$Bj" jr_sessie)" ]
n=$(sql "$DB" "SELECT mislukte_pogingen FROM gebruiker WHERE naam = 'bert'")
check blok_telt [ "$n" = 5 ]

# ---- a disabled user ----------------------------------------------------------------
C="$T/c.jar"
login "$C" carla "$PW"
check carla_login [ "$code" = 303 ]
haal "$C" /
check carla_ingelogd heeft "Ingelogd als"
run "$J" user disable carla --db "$DB"
check carla_disable [ "$rc" = 0 ]
haal "$C" /
check carla_sessie_werkt_niet heeft 'Niet ingelogd.'
login "$T/c2.jar" carla "$PW"
check carla_geweigerd [ "$code" = 200 ]
check carla_generieke_melding heeft "Naam of wachtwoord onjuist."

# ---- back to the page that asked for a login ---------------------------------------
run "$J" user add --db "$DB" --naam dirk --rol beheerder --wachtwoord-stdin <<<"$PW"
check dirk_add [ "$rc" = 0 ]
D="$T/d.jar"
haal "$D" /audit/inzage
check terug_303 [ "$code" = 303 ]
check terug_location [ "$(koppen Location | cut -d' ' -f2)" = "/inloggen?terug=/audit/inzage" ]
haal "$D" "/inloggen?terug=/audit/inzage"
check terug_veld heeft 'name="terug" value="/audit/inzage"'
c=$(csrf_veld)
haal "$D" --data-urlencode "naam=dirk" --data-urlencode "wachtwoord=$PW" \
	--data-urlencode "csrf=$c" --data-urlencode "terug=/audit/inzage" /inloggen
check terug_na_login [ "$(koppen Location | cut -d' ' -f2)" = /audit/inzage ]
haal "$D" /audit/inzage
check terug_pagina_200 [ "$code" = 200 ]
# Only a local path: another host, or a header injection, goes to /.
for slecht in '//boos.example/x' 'https://boos.example/' '/x%0d%0aSet-Cookie:%20a=b'; do
	E="$T/e.jar"
	rm -f "$E"
	haal "$E" /inloggen
	c=$(csrf_veld)
	haal "$E" --data-urlencode "naam=dirk" --data-urlencode "wachtwoord=$PW" \
		--data-urlencode "csrf=$c" --data "terug=$slecht" /inloggen
	check "terug_geweigerd_$(tr -cd 'a-z' <<<"$slecht" | head -c 12)" \
		[ "$(koppen Location | cut -d' ' -f2)" = / ]
done
haal "$T/f.jar" "/inloggen?terug=//boos.example/x"
check terug_veld_geweigerd bash -c '! grep -q "name=\"terug\"" <<<"$1"' _ "$body"

# ---- the server is still healthy -----------------------------------------------------
haal "$T/x.jar" /gezondheid
check gezondheid_200 [ "$code" = 200 ]
stop_server
