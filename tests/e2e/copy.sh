#!/usr/bin/env bash
# End-to-end tests of `copy` and `checksum`: a whole region moves to
# another database and back with identical per-table checksums (on the
# postgresql backend: SQLite -> PostgreSQL -> SQLite), and a copy that
# cannot be made leaves nothing behind.
set -u

. "$(dirname "$0")/lib/common.sh"

# The source is always a SQLite file; the middle is the backend under test.
"$J" demo --db bron.db --seed 3 --scale 0.1 --until 2024-03-31 >/dev/null 2>&1
midden=$(nieuwe_db midden)
terug=$T/terug.db

expect copy_heen 0 "alle tabellen gelijk" -- "$J" copy --from bron.db --to "$midden"
expect copy_terug 0 "alle tabellen gelijk" -- "$J" copy --from "$midden" --to "$terug"

run "$J" checksum --db bron.db
a=$out
run "$J" checksum --db "$midden"
b=$out
run "$J" checksum --db "$terug"
c=$out
if [ "$a" = "$b" ] && [ "$a" = "$c" ] && grep -q '^traject ' <<<"$a"; then
	ok copy_checksums_gelijk
else
	not_ok copy_checksums_gelijk "checksums verschillen tussen bron, $BACKEND en terug"
fi
# The referral's reason and local team (migration 8) travel too.
q="SELECT id, reden, team_id FROM verwijzing ORDER BY id"
va=$(sql bron.db "$q" 2>&1) vb=$(sql "$midden" "$q" 2>&1) vc=$(sql "$terug" "$q" 2>&1)
met=$(sql bron.db "SELECT count(*) FROM verwijzing WHERE reden IS NOT NULL AND team_id IS NOT NULL" 2>&1)
if [ "$met" -gt 0 ] 2>/dev/null && [ "$va" = "$vb" ] && [ "$va" = "$vc" ]; then
	ok copy_verwijzing_reden_team
else
	not_ok copy_verwijzing_reden_team "$met met reden en team in de bron; gelijk heen: $([ "$va" = "$vb" ] && echo ja || echo nee), terug: $([ "$va" = "$vc" ] && echo ja || echo nee)"
fi
# The checksum sees a change: one amount differs by a cent.
if only_sqlite; then
	sqlite3 "$terug" "UPDATE verwijzing SET reden = reden || '.' WHERE id = (SELECT min(id) FROM verwijzing WHERE reden IS NOT NULL)"
	run "$J" checksum --db "$terug"
	if [ "$out" != "$a" ] && grep -q '^verwijzing ' <<<"$out"; then ok checksum_ziet_reden; else
		not_ok checksum_ziet_reden "checksum gelijk na een gewijzigde reden"; fi
	sqlite3 "$terug" "UPDATE verwijzing SET reden = substr(reden, 1, length(reden) - 1) WHERE id = (SELECT min(id) FROM verwijzing WHERE reden IS NOT NULL)"
	sqlite3 "$terug" "UPDATE prestatie SET bedrag = bedrag + 1 WHERE id = (SELECT min(id) FROM prestatie)"
	run "$J" checksum --db "$terug"
	if [ "$out" != "$a" ] && grep -q '^prestatie ' <<<"$out"; then ok checksum_ziet_wijziging; else
		not_ok checksum_ziet_wijziging "checksum gelijk na een wijziging"; fi
fi

# Same reports from the copy as from the source.
run "$J" kpi --json --db bron.db
ka=$out
run "$J" kpi --json --db "$midden"
if [ "$rc" -eq 0 ] && [ "$out" = "$ka" ]; then ok copy_kpi_gelijk; else
	not_ok copy_kpi_gelijk "kpi --json van de kopie wijkt af (exit $rc)"; fi

# A non-empty target is refused and left as it was.
voor=$("$J" checksum --db "$midden" 2>&1)
expect copy_doel_niet_leeg 1 "niet leeg" -- "$J" copy --from bron.db --to "$midden"
na=$("$J" checksum --db "$midden" 2>&1)
if [ "$voor" = "$na" ]; then ok copy_doel_ongewijzigd; else
	not_ok copy_doel_ongewijzigd "het doel is veranderd"; fi

expect copy_zonder_to 2 "--to" -- "$J" copy --from bron.db
expect copy_zelfde 2 "dezelfde" -- "$J" copy --from bron.db --to bron.db
expect copy_bron_ontbreekt 1 "bestaat niet" -- "$J" copy --from geen.db --to "$(nieuwe_db leeg)"
