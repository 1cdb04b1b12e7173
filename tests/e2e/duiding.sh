#!/usr/bin/env bash
# Duiding, the story behind a figure (src/web/duiding_web.c,
# src/store/duiding_store.c): a gemeente user adds a duiding for its own
# gemeente through the real login flow; it shows beside the figure on the
# gemeente page (also to the public) and in the API with author and date;
# HTML in the text is escaped; a gemeente user cannot write for another
# gemeente, a provider only for the region; a post without CSRF and a bad
# period are refused with a Dutch message naming the field, the form keeping
# what was typed; an edit makes version 2 and the history shows both; a
# stale edit is a conflict; a withdrawal takes it off the page; the CSV
# export has a BOM and ';'; the table refuses UPDATE and DELETE. Runs once
# per backend.
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
export JEUGDREGIE_PWHASH_SNEL=1
HAAL_MAX_TIME=60

VANDAAG=2026-11-25
DB=$(nieuwe_db duiding)
expect demo 0 -- "$J" demo --db "$DB" --scale 0.05 --until "$VANDAAG"

G=0546
G2=$(sql "$DB" "SELECT code FROM gemeente WHERE code <> '$G' ORDER BY code LIMIT 1")
AGB=$(sql "$DB" "SELECT agb FROM aanbieder ORDER BY agb LIMIT 1")
PW='duiding wachtwoord een'
gebruiker user_gemeente gerda gemeente --gemeente "$G"
gebruiker user_regio soz regio
gebruiker user_aanbieder piet aanbieder --aanbieder "$AGB"
gebruiker user_beleid bea beleid

start_server serve_start "$DB" 2
GJ="$T/g.jar"
RJ="$T/r.jar"
PJ="$T/p.jar"
login "$GJ" gerda "$PW" login_gemeente
login "$RJ" soz "$PW" login_regio
login "$PJ" piet "$PW" login_aanbieder

telling() { sql "$DB" "SELECT count(*) FROM duiding"; }

# ---- the form -------------------------------------------------------------------
haal "$GJ" /duidingen
check lijst_200 [ "$code" = 200 ]
check lijst_waarschuwing heeft "Geen persoonsgegevens."
check lijst_eigen_gemeente heeft "<option value=\"$G\">"
# G in the filter and the form, another gemeente in the filter only.
check lijst_eigen_twee [ "$(grep -c "<option value=\"$G\">" "$T/b")" = 2 ]
check lijst_andere_een [ "$(grep -c "<option value=\"$G2\">" "$T/b")" = 1 ]
check lijst_geen_inline_style bash -c '! grep -q "style=" "$1"' _ "$T/b"
CSRF=$(csrf_veld)
check lijst_csrf grep -qE '^[0-9a-f]{64}$' <<<"$CSRF"

# ---- adding for the own gemeente ------------------------------------------------
TEKST='Wachtlijst groeit: <script>alert(1)</script> & nieuwe aanbieder "De Brug".'
haal "$GJ" --data-urlencode "csrf=$CSRF" --data-urlencode indicator=wachttijd \
	--data-urlencode "gemeente=$G" --data-urlencode periode=2026-K4 \
	--data-urlencode "tekst=$TEKST" /duidingen
check nieuw_303 [ "$code" = 303 ]
NR=$(kop Location | sed -n 's#^/duidingen/\([0-9][0-9]*\)$#\1#p')
check nieuw_location [ -n "$NR" ]
check nieuw_rij [ "$(telling)" = 1 ]
check nieuw_auteur [ "$(sql "$DB" "SELECT auteur || '|' || auteur_rol || '|' || versie FROM duiding")" = "gerda|gemeente|1" ]

# Beside the figure on the gemeente page, for the public too; escaped.
haal "" "/gemeenten/$G"
check pagina_200 [ "$code" = 200 ]
check pagina_tekst heeft 'Wachtlijst groeit: &lt;script&gt;alert(1)&lt;/script&gt; &amp; nieuwe aanbieder &quot;De Brug&quot;.'
check pagina_geen_script bash -c '! grep -qF "<script>alert(1)" "$1"' _ "$T/b"
check pagina_auteur heeft "gerda (gemeente $G)"
check pagina_blok heeft 'aria-label="Duiding bij dit cijfer"'
check pagina_geen_inline_style bash -c '! grep -q "style=" "$1"' _ "$T/b"
# Not on another gemeente's page, nor (not about the region) on the home.
haal "" "/gemeenten/$G2"
check andere_gemeente_zonder bash -c '! grep -qF "Wachtlijst groeit" "$1"' _ "$T/b"
haal "" /
check regio_zonder bash -c '! grep -qF "Wachtlijst groeit" "$1"' _ "$T/b"
# The public list shows it; the history is for logged-in users.
haal "" "/duidingen?gemeente=$G&indicator=wachttijd"
check publiek_lijst heeft '&lt;script&gt;alert(1)'
check publiek_geen_formulier bash -c '! grep -q "name=\"tekst\"" "$1"' _ "$T/b"
haal "" "/duidingen/$NR"
check publiek_historie_login [ "$code" = 303 ]

# The API, with author and date.
haal "" "/api/v1/duidingen?gemeente=$G"
check api_200 [ "$code" = 200 ]
check api_tekst [ "$(jq -r '.gegevens[0].tekst' "$T/b")" = "$TEKST" ]
check api_auteur [ "$(jq -r '.gegevens[0].auteur.naam + "|" + .gegevens[0].auteur.rol' "$T/b")" = "gerda|gemeente" ]
check api_datum bash -c 'jq -e ".gegevens[0].aangemaakt | test(\"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$\")" "$1" >/dev/null' _ "$T/b"
check api_periode [ "$(jq -r '.gegevens[0].periode | .code + " " + .begin + " " + .einde' "$T/b")" = "2026-K4 2026-10-01 2026-12-31" ]
check api_totaal [ "$(jq -r '.paginering.totaal' "$T/b")" = 1 ]
haal "" "/api/v1/duidingen?periode=2025"
check api_periode_filter [ "$(jq -r '.paginering.totaal' "$T/b")" = 0 ]
haal "" "/api/v1/duidingen?periode=2026-13"
check api_periode_fout [ "$code" = 400 ] && check api_periode_fout_veld [ "$(jq -r '.fout.veld' "$T/b")" = periode ]

# ---- refusals -------------------------------------------------------------------
voor=$(telling)
haal "$GJ" --data-urlencode "csrf=$CSRF" --data-urlencode indicator=wachttijd \
	--data-urlencode "gemeente=$G2" --data-urlencode periode=2026 \
	--data-urlencode "tekst=Over een andere gemeente." /duidingen
check andere_gemeente_403 [ "$code" = 403 ]
check andere_gemeente_melding heeft "U mag geen duiding bij de cijfers van deze gemeente schrijven"
haal "$GJ" -H "X-CSRF-Token: $CSRF" --data-urlencode indicator=wachttijd \
	--data-urlencode gemeente=regio --data-urlencode periode=2026 \
	--data-urlencode "tekst=Over de regio." /api/v1/duidingen
check gemeente_regio_403 [ "$code" = 403 ]
check gemeente_regio_json [ "$(jq -r '.fout.code + "|" + .fout.veld' "$T/b")" = "geen_toegang|gemeente" ]
haal "$GJ" --data-urlencode indicator=wachttijd --data-urlencode "gemeente=$G" \
	--data-urlencode periode=2026 --data-urlencode "tekst=Zonder csrf." /duidingen
check zonder_csrf_403 [ "$code" = 403 ]
check zonder_csrf_melding heeft "Het formulier is verlopen"
haal "$GJ" --data-urlencode "csrf=$CSRF" --data-urlencode indicator=wachttijd \
	--data-urlencode "gemeente=$G" --data-urlencode periode=2026-K5 \
	--data-urlencode "tekst=Mijn getypte tekst blijft staan." /duidingen
check periode_400 [ "$code" = 400 ]
check periode_melding heeft "Veld &#39;periode&#39; moet een jaar (2025), een kwartaal (2025-K3) of een maand (2025-07) zijn"
check periode_naast_veld heeft 'id="fout-periode"'
check periode_invoer_blijft heeft 'value="2026-K5"'
check periode_tekst_blijft heeft "Mijn getypte tekst blijft staan."
haal "$GJ" -H "X-CSRF-Token: $CSRF" --data-urlencode indicator=onzin \
	--data-urlencode "gemeente=$G" --data-urlencode periode=2026 \
	--data-urlencode "tekst=x" /api/v1/duidingen
check indicator_json [ "$(jq -r '.fout.veld' "$T/b")" = indicator ]
haal "$PJ" /duidingen
PC=$(csrf_veld)
haal "$PJ" -H "X-CSRF-Token: $PC" \
	--data-urlencode indicator=wachttijd --data-urlencode "gemeente=$G" \
	--data-urlencode periode=2026 --data-urlencode "tekst=x" /api/v1/duidingen
check aanbieder_gemeente_403 [ "$code" = 403 ]
check geweigerd_niets_geschreven [ "$(telling)" = "$voor" ]

# ---- the region: SOZ and a provider ---------------------------------------------
haal "$RJ" /duidingen
RC=$(csrf_veld)
haal "$RJ" -H "X-CSRF-Token: $RC" --data-urlencode indicator=jeugdhulpgebruik \
	--data-urlencode gemeente=regio --data-urlencode periode=2026 \
	--data-urlencode "tekst=Regionaal: meer jeugdigen bij het lokale team." /api/v1/duidingen
check regio_201 [ "$code" = 201 ]
check regio_json_gemeente_null [ "$(jq -r '.gemeente' "$T/b")" = null ]
haal "$PJ" --data-urlencode "csrf=$PC" --data-urlencode indicator=wachttijd \
	--data-urlencode gemeente=regio --data-urlencode periode=2026-11 \
	--data-urlencode "tekst=Wij openen in december tien plaatsen." /duidingen
check aanbieder_regio_303 [ "$code" = 303 ]
haal "" /
check regio_home heeft "Regionaal: meer jeugdigen bij het lokale team."
check regio_home_aanbieder heeft "Wij openen in december tien plaatsen."
haal "" "/gemeenten/$G"
check gemeente_ziet_regio heeft "Regionaal: meer jeugdigen bij het lokale team."

# An API token of the gemeente writes as its gemeente, without CSRF.
TOK=$("$J" token add --db "$DB" --naam leiden-bi --gemeente "$G" 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -n 1)
haal "" -H "Authorization: Bearer $TOK" --data-urlencode indicator=budget \
	--data-urlencode "gemeente=$G" --data-urlencode periode=2026 \
	--data-urlencode "tekst=Via het token." /api/v1/duidingen
check token_201 [ "$code" = 201 ]
check token_auteur [ "$(jq -r '.auteur.naam + "|" + .auteur.rol' "$T/b")" = "token:leiden-bi|gemeente" ]
haal "" -H "Authorization: Bearer $TOK" --data-urlencode indicator=budget \
	--data-urlencode "gemeente=$G2" --data-urlencode periode=2026 \
	--data-urlencode "tekst=Via het token." /api/v1/duidingen
check token_andere_gemeente_403 [ "$code" = 403 ]

# ---- edit, history, conflict, withdraw -------------------------------------------
haal "$GJ" --data-urlencode "csrf=$CSRF" --data-urlencode actie=wijzigen \
	--data-urlencode versie=1 --data-urlencode "tekst=Tweede versie: de wachtlijst krimpt." \
	"/duidingen/$NR"
check wijzig_303 [ "$code" = 303 ]
haal "$GJ" "/duidingen/$NR"
check historie_200 [ "$code" = 200 ]
check historie_v2 heeft "Tweede versie: de wachtlijst krimpt."
check historie_v1 heeft '&lt;script&gt;alert(1)&lt;/script&gt;'
check historie_versies heeft "<strong>Versie 2</strong>"
haal "$GJ" --data-urlencode "csrf=$CSRF" --data-urlencode actie=wijzigen \
	--data-urlencode versie=1 --data-urlencode "tekst=Op een oude versie." "/duidingen/$NR"
check verouderd_409 [ "$code" = 409 ]
check verouderd_invoer_blijft heeft "Op een oude versie."
haal "$RJ" "/api/v1/duidingen/$NR"
check api_historie [ "$(jq -r '[.versies[].versie] | map(tostring) | join(",")' "$T/b")" = "1,2" ]
check api_historie_huidig [ "$(jq -r '.huidig.tekst' "$T/b")" = "Tweede versie: de wachtlijst krimpt." ]
haal "" "/gemeenten/$G"
check pagina_nieuwe_tekst heeft "Tweede versie: de wachtlijst krimpt."
check pagina_oude_tekst_weg bash -c '! grep -qF "alert(1)" "$1"' _ "$T/b"
# The provider may not touch the gemeente's duiding.
haal "$PJ" --data-urlencode "csrf=$PC" --data-urlencode actie=intrekken \
	--data-urlencode versie=2 "/duidingen/$NR"
check aanbieder_intrekken_403 [ "$code" = 403 ]
haal "$GJ" --data-urlencode "csrf=$CSRF" --data-urlencode actie=intrekken \
	--data-urlencode versie=2 --data-urlencode "reden=Cijfer klopte niet." "/duidingen/$NR"
check intrekken_303 [ "$code" = 303 ]
haal "" "/gemeenten/$G"
check ingetrokken_weg bash -c '! grep -qF "Tweede versie" "$1"' _ "$T/b"
haal "$GJ" "/duidingen/$NR"
check ingetrokken_historie heeft "Reden: Cijfer klopte niet."
check rijen_drie [ "$(sql "$DB" "SELECT count(*) FROM duiding WHERE reeks = $NR")" = 3 ]

# ---- CSV --------------------------------------------------------------------------
haal "" "/duidingen/export.csv?gemeente=regio"
check csv_200 [ "$code" = 200 ]
check csv_bom [ "$(head -c 3 "$T/b" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check csv_kop bash -c 'head -n 1 "$1" | grep -q "duiding;versie;indicator;indicator naam;gemeente"' _ "$T/b"
check csv_rijen [ "$(wc -l <"$T/b")" = 3 ]
check csv_type bash -c 'grep -qi "^content-type: text/csv" "$1"' _ "$T/h"

# ---- append-only ------------------------------------------------------------------
if sql "$DB" "UPDATE duiding SET tekst = 'x'" >/dev/null 2>&1; then
	not_ok alleen_toevoegen_update
else
	ok alleen_toevoegen_update
fi
if sql "$DB" "DELETE FROM duiding" >/dev/null 2>&1; then
	not_ok alleen_toevoegen_delete
else
	ok alleen_toevoegen_delete
fi

stop_server

# A copy of the database carries every version (the guard refuses UPDATE
# and DELETE, not the INSERTs of a copy).
DB2=$(nieuwe_db duiding_kopie)
expect kopie 0 -- "$J" copy --from "$DB" --to "$DB2"
check kopie_versies [ "$(sql "$DB2" "SELECT count(*) || '|' || max(versie) FROM duiding")" = "$(sql "$DB" "SELECT count(*) || '|' || max(versie) FROM duiding")" ]
