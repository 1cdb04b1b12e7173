#!/usr/bin/env bash
# Capacity reports (src/web/capaciteit_web.c): a provider reports one
# product and uploads CSV; bad uploads (negative, unknown product, future
# date, crisis above free, group product without group, missing columns,
# wrong separator) are refused row by row with nothing applied; Excel's
# BOM and semicolons and a comma file are read; the same file twice is
# 409; the latest report counts, the history is kept, stale ones are
# marked after the configurable number of days; only providers report.
# Runs once per backend (lib/common.sh).
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
export JEUGDREGIE_PWHASH_SNEL=1

DB=$(nieuwe_db capaciteit)
expect demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until 2026-11-25
VANDAAG=$(date +%F)
GISTEREN=$(date -d yesterday +%F)
AGB=$(sql "$DB" "SELECT agb FROM aanbieder ORDER BY agb LIMIT 1")
P1=$(sql "$DB" "SELECT code FROM product WHERE groep = 0 ORDER BY code LIMIT 1")
PG=$(sql "$DB" "SELECT code FROM product WHERE groep = 1 ORDER BY code LIMIT 1")
PW='capaciteit wachtwoord een'
gebruiker user_aanbieder c_aanbieder aanbieder --aanbieder "$AGB"
gebruiker user_regio c_regio regio
gebruiker user_beheer c_beheer beheerder
TOK=$("$J" token add --db "$DB" --naam c_tok --aanbieder "$AGB" 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -n 1)
check token [ -n "$TOK" ]
start_server serve "$DB" 2
H="Authorization: Bearer $TOK"
json() { python3 -c "import json,sys; j=json.load(sys.stdin); print($1)" <<<"$body"; }
n_cap() { sql "$DB" "SELECT count(*) FROM capaciteit"; }

voor=$(n_cap)
haal "" -H "$H" --data "productcode=$P1&peildatum=$GISTEREN&vrije_plaatsen=3&crisis_gereserveerd=1" /api/v1/capaciteit
check een_200 [ "$code" = 200 ]
check een_erbij [ "$(n_cap)" = $((voor + 1)) ]
check een_audit [ "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE actie = 'toevoegen' AND object LIKE 'capaciteit: 1 melding %'")" = 1 ]

printf '\xef\xbb\xbfproductcode;groep;peildatum;vrije_plaatsen;crisis_gereserveerd\r\n%s;;%s;5;0\r\n%s;;%s;-2;0\r\nXXXXX;;%s;1;0\r\n%s;;2999-01-01;1;0\r\n%s;;%s;2;5\r\n%s;;%s;2;0\r\n' \
	"$P1" "$VANDAAG" "$P1" "$VANDAAG" "$VANDAAG" "$P1" "$P1" "$VANDAAG" "$PG" "$VANDAAG" >"$T/fout.csv"
voor=$(n_cap)
haal "" -H "$H" --data-binary @"$T/fout.csv" /api/v1/capaciteit/csv
check fout_422 [ "$code" = 422 ]
check fout_niets [ "$(n_cap)" = "$voor" ]
check fout_regels [ "$(json '[(r["regel"], r["veld"]) for r in j["regels"]]')" = "[(3, 'vrije_plaatsen'), (4, 'productcode'), (5, 'peildatum'), (6, 'crisis_gereserveerd'), (7, 'groep')]" ]

printf 'productcode|peildatum|vrije_plaatsen\n%s|%s|1\n' "$P1" "$VANDAAG" >"$T/sep.csv"
haal "" -H "$H" --data-binary @"$T/sep.csv" /api/v1/capaciteit/csv
check scheiding_422 [ "$code" = 422 ]
check scheiding_kolom [ "$(json 'j["regels"][0]["regel"]')" = 1 ]
printf 'productcode;peildatum\n' >"$T/kop.csv"
haal "" -H "$H" --data-binary @"$T/kop.csv" /api/v1/capaciteit/csv
check kolom_ontbreekt [ "$(json '[r["veld"] for r in j["regels"]]')" = "['vrije_plaatsen']" ]
printf 'productcode;peildatum;vrije_plaatsen\n%s;%s;1\n%s;%s;2\n' "$P1" "$VANDAAG" "$P1" "$VANDAAG" >"$T/dubbel.csv"
haal "" -H "$H" --data-binary @"$T/dubbel.csv" /api/v1/capaciteit/csv
check dubbele_regel_422 [ "$code" = 422 ]

printf 'productcode,groep,peildatum,vrije_plaatsen\n%s,,%s,4\n%s,Groep A,%s,2\n%s,Groep B,%s,0\n' \
	"$P1" "$VANDAAG" "$PG" "$VANDAAG" "$PG" "$VANDAAG" >"$T/goed.csv"
voor=$(n_cap)
haal "" -H "$H" --data-binary @"$T/goed.csv" /api/v1/capaciteit/csv
check goed_200 [ "$code" = 200 ]
check goed_drie [ "$(n_cap)" = $((voor + 3)) ]
haal "" -H "$H" --data-binary @"$T/goed.csv" /api/v1/capaciteit/csv
check zelfde_bestand_409 [ "$code" = 409 ]
check zelfde_niets [ "$(n_cap)" = $((voor + 3)) ]

haal "" -H "$H" /api/v1/capaciteit
check actueel_laatste [ "$(json "[m['vrije_plaatsen'] for m in j['gegevens'] if m['productcode'] == '$P1' and not m['groep']]")" = "[4]" ]
check actueel_groepen [ "$(json "sorted(m['groep'] for m in j['gegevens'] if m['productcode'] == '$PG')")" = "['Groep A', 'Groep B']" ]
check historie [ "$(json "len([m for m in j['historie'] if m['productcode'] == '$P1'])")" -ge 2 ]
check alleen_eigen [ "$(json "all(m['agb'] == '$AGB' for m in j['gegevens'])")" = True ]
check demo_verouderd [ "$(json 'j["verouderd_na_dagen"]')" = 14 ]

# Only providers report; the setting is the beheerder's.
RJ="$T/r.jar" AJ="$T/a.jar" BJ="$T/b.jar"
login "$RJ" c_regio "$PW" login_regio
haal "$RJ" /capaciteit
check regio_ziet [ "$code" = 200 ]
C=$(csrf_veld)
haal "$RJ" --data-urlencode csrf="$C" --data "productcode=$P1&peildatum=$VANDAAG&vrije_plaatsen=1" /capaciteit
check regio_meldt_niet_403 [ "$code" = 403 ]
haal "$RJ" --data-urlencode csrf="$C" --data "dagen=3" /capaciteit/verouderd
check regio_instelling_403 [ "$code" = 403 ]
login "$BJ" c_beheer "$PW" login_beheer
haal "$BJ" /capaciteit
C=$(csrf_veld)
haal "$BJ" --data-urlencode csrf="$C" --data "dagen=0" /capaciteit/verouderd
check instelling_0_400 [ "$code" = 400 ]
haal "$BJ" --data-urlencode csrf="$C" --data "dagen=1" /capaciteit/verouderd
check instelling_303 [ "$code" = 303 ]
haal "" -H "$H" /api/v1/capaciteit
check verouderd_na_1 [ "$(json "[m['verouderd'] for m in j['gegevens'] if m['productcode'] == '$P1' and not m['groep']]")" = "[False]" ]
check oude_verouderd [ "$(json "any(m['verouderd'] for m in j['gegevens'])")" = True ]

login "$AJ" c_aanbieder "$PW" login_aanbieder
haal "$AJ" /capaciteit
check pagina_formulier heeft 'action="/capaciteit/upload"'
C=$(csrf_veld)
voor=$(n_cap)
haal "$AJ" --data-urlencode csrf="$C" --data-urlencode "csv@$T/fout.csv" /capaciteit/upload
check pagina_upload_422 [ "$code" = 422 ]
check pagina_upload_regel heeft 'Regel 3: vrije_plaatsen mag niet negatief zijn'
printf 'productcode;peildatum;vrije_plaatsen\n%s;%s;7\n' "$P1" "$VANDAAG" >"$T/pagina.csv"
haal "$AJ" --data-urlencode csrf="$C" --data-urlencode "csv@$T/pagina.csv" /capaciteit/upload
check pagina_upload_303 [ "$code" = 303 ]
check pagina_upload_erbij [ "$(n_cap)" = $((voor + 1)) ]

stop_server
