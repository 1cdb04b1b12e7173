#!/usr/bin/env bash
# End-to-end tests of `user add|list|disable|reset-password` on the
# backend under test: the happy paths, every argument error (exit 2,
# nothing changed) and the store's refusals (exit 1).
set -u

. "$(dirname "$0")/lib/common.sh"

# Fast Argon2 parameters: tests only (see src/auth/wachtwoord.h).
export JEUGDREGIE_PWHASH_SNEL=1
PW=correct-paard-batterij
DB=$(nieuwe_db gebruikers)
"$J" demo --db "$DB" --seed 2 --scale 0.05 --until 2024-03-31 >/dev/null 2>&1
AGB=$(sql "$DB" "SELECT min(agb) FROM aanbieder")
TEAM=$(sql "$DB" "SELECT min(id) FROM lokaal_team")

add() { printf '%s\n' "$PW" | "$J" user add --db "$DB" --wachtwoord-stdin "$@"; }

expect add_beheerder 0 "toegevoegd" -- add --naam admin --rol beheerder
expect add_regio 0 "toegevoegd" -- add --naam soz.medewerker --rol regio
expect add_beleid 0 "toegevoegd" -- add --naam analist --rol beleid
expect add_gemeente 0 "toegevoegd" -- add --naam leiden --rol gemeente --gemeente 0546 --gemeente 0575
expect add_team 0 "toegevoegd" -- add --naam team1 --rol lokaal_team --team "$TEAM"
expect add_aanbieder 0 "toegevoegd" -- add --naam zorg --rol aanbieder --aanbieder "$AGB"

expect list_toont 0 "admin" "beheerder" "gemeente 0546, gemeente 0575" "team $TEAM" \
	"aanbieder $AGB" "laatst gewijzigd" -- "$J" user list --db "$DB"
if grep -q 'argon2' <<<"$out"; then not_ok list_geen_hash "user list toont een hash"; else ok list_geen_hash; fi
h=$(sql "$DB" "SELECT wachtwoord_hash FROM gebruiker WHERE naam = 'admin'")
case $h in '$argon2id$'*) ok hash_argon2id ;; *) not_ok hash_argon2id "hash: $h" ;; esac
if [ "$(sql "$DB" "SELECT count(*) FROM gebruiker WHERE wachtwoord_hash LIKE '%$PW%'")" = 0 ]; then
	ok wachtwoord_niet_bewaard; else not_ok wachtwoord_niet_bewaard; fi

voor=$(afdruk "$DB")
expect fout_geen_naam 2 "--naam ontbreekt" -- add --rol regio
expect fout_geen_rol 2 "--rol ontbreekt" -- add --naam x
expect fout_rol 2 "onbekende rol" -- add --naam x --rol koning
expect fout_gemeente_zonder 2 "rol gemeente vraagt" -- add --naam x --rol gemeente
expect fout_gemeente_vorm 2 "geen gemeentecode" -- add --naam x --rol gemeente --gemeente 546
expect fout_gemeente_met_team 2 "rol gemeente vraagt" -- add --naam x --rol gemeente --gemeente 0546 --team 1
expect fout_team_zonder 2 "rol lokaal_team vraagt" -- add --naam x --rol lokaal_team
expect fout_team_vorm 2 "geen teamnummer" -- add --naam x --rol lokaal_team --team abc
expect fout_aanbieder_zonder 2 "precies één --aanbieder" -- add --naam x --rol aanbieder
expect fout_aanbieder_twee 2 "precies één --aanbieder" -- add --naam x --rol aanbieder --aanbieder 12345678 --aanbieder 87654321
expect fout_aanbieder_vorm 2 "geen AGB-code" -- add --naam x --rol aanbieder --aanbieder 123
expect fout_regio_scope 2 "heeft geen scope" -- add --naam x --rol regio --gemeente 0546
expect fout_dubbel_scope 2 "twee keer" -- add --naam x --rol gemeente --gemeente 0546 --gemeente 0546
expect fout_naam_spatie 2 "spatie" -- add --naam "a b" --rol regio
expect fout_onbekende_optie 2 "onbekende optie" -- add --naam x --rol regio --bla
expect fout_kort 2 "te kort" -- sh -c "echo kort | '$J' user add --db '$DB' --naam x --rol regio --wachtwoord-stdin"
expect fout_zelfde_teken 2 "hetzelfde teken" -- sh -c "echo aaaaaaaaaaaaaaaa | '$J' user add --db '$DB' --naam x --rol regio --wachtwoord-stdin"
expect fout_gelijk_naam 2 "gebruikersnaam" -- sh -c "echo langenaam.xyz | '$J' user add --db '$DB' --naam LangeNaam.XYZ --rol regio --wachtwoord-stdin"
expect fout_geen_stdin 2 "standaardinvoer" -- sh -c "'$J' user add --db '$DB' --naam x --rol regio --wachtwoord-stdin </dev/null"
expect fout_geen_terminal 2 "--wachtwoord-stdin" -- sh -c "'$J' user add --db '$DB' --naam x --rol regio </dev/null"
expect fout_deelopdracht 2 "onbekende deelopdracht" -- "$J" user wis --db "$DB"
expect fout_geen_deelopdracht 2 "deelopdracht" -- "$J" user
expect fout_disable_geen_naam 2 "gebruikersnaam" -- "$J" user disable --db "$DB"
expect fout_reset_onbekende_optie 2 "onbekende optie" -- "$J" user reset-password admin --db "$DB" --x
na=$(afdruk "$DB")
if [ "$voor" = "$na" ]; then ok fouten_veranderen_niets; else not_ok fouten_veranderen_niets "database veranderd"; fi

expect fout_dubbele_naam 1 "al een gebruiker" -- add --naam admin --rol regio
expect fout_onbekende_gemeente 1 "onbekende gemeentecode '9999'" -- add --naam x --rol gemeente --gemeente 9999
expect fout_onbekend_team 1 "onbekende lokaal team '999999'" -- add --naam x --rol lokaal_team --team 999999
expect fout_onbekende_aanbieder 1 "onbekende aanbieder" -- add --naam x --rol aanbieder --aanbieder 00000001
if [ "$(sql "$DB" "SELECT count(*) FROM gebruiker WHERE naam = 'x'")" = 0 ]; then ok geweigerd_niet_bewaard; else
	not_ok geweigerd_niet_bewaard; fi

# disable: inactive, sessions gone (a session put in place by hand).
id=$(sql "$DB" "SELECT id FROM gebruiker WHERE naam = 'leiden'")
sql "$DB" "INSERT INTO sessie VALUES ('$(printf 'a%.0s' {1..64})', $id, 1, 1, 4000000000, NULL)"
expect disable 0 "uitgeschakeld" -- "$J" user disable leiden --db "$DB"
if [ "$(sql "$DB" "SELECT actief FROM gebruiker WHERE naam = 'leiden'")" = 0 ] &&
	[ "$(sql "$DB" "SELECT count(*) FROM sessie WHERE gebruiker_id = $id")" = 0 ]; then
	ok disable_actief_en_sessies; else not_ok disable_actief_en_sessies; fi
expect list_na_disable 0 "nee" -- "$J" user list --db "$DB"
expect disable_onbekend 1 "onbekende gebruiker 'niemand'" -- "$J" user disable niemand --db "$DB"

oud=$(sql "$DB" "SELECT wachtwoord_hash FROM gebruiker WHERE naam = 'admin'")
expect reset 0 "nieuw wachtwoord" -- sh -c "echo een-heel-nieuw-wachtwoord | '$J' user reset-password admin --wachtwoord-stdin --db '$DB'"
nieuw=$(sql "$DB" "SELECT wachtwoord_hash FROM gebruiker WHERE naam = 'admin'")
if [ -n "$nieuw" ] && [ "$oud" != "$nieuw" ]; then ok reset_hash_anders; else not_ok reset_hash_anders; fi
expect reset_kort 2 "te kort" -- sh -c "echo kort | '$J' user reset-password admin --wachtwoord-stdin --db '$DB'"
expect reset_onbekend 1 "onbekende gebruiker" -- sh -c "echo een-heel-nieuw-wachtwoord | '$J' user reset-password niemand --wachtwoord-stdin --db '$DB'"

# Every change is in the audit log, as 'beheer', without a youth.
n=$(sql "$DB" "SELECT count(*) FROM audit_log WHERE actie = 'beheer' AND jeugdige_pseudoniem IS NULL")
if [ "$n" = 8 ]; then ok audit_beheer_records; else not_ok audit_beheer_records "$n records, verwacht 8"; fi
expect help_user 0 "reset-password" -- "$J" help user
