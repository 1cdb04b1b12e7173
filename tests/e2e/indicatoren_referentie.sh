#!/usr/bin/env bash
# An independent reference for every indicator of DOMAIN.md §4: on a demo
# region, tests/e2e/lib/referentie.py computes each indicator with plain SQL
# over the raw tables (Python only for day arithmetic, medians and the
# residence on a computed day), written from DOMAIN.md §4 and the choices
# in docs/indicators.md / src/domain/kpi.h, and compares it with what
# jeugdregie gives the region's staff (exact counts): /api/v1/indicatoren
# (region, each gemeente, each provider), /api/v1/indicatoren/gemeenten,
# `jeugdregie kpi --json` and the monthly aggregates /api/v1/maandcijfers.
# The same SQL runs on both backends (lib/common.sh). One ok / not ok line
# per comparison.
set -u

. "$(dirname "$0")/lib/common.sh"
. "$REPO/tests/e2e/lib/web.sh"
command -v python3 >/dev/null || { echo "not ok python3 ontbreekt (scripts/deps.sh)"; exit 1; }
export JEUGDREGIE_PWHASH_SNEL=1

P=2026-11-25
DB=$(nieuwe_db referentie)
expect ref_demo 0 "regio gemaakt" -- "$J" demo --db "$DB" --scale 0.05 --until "$P"

# Boundary cases the demo does not reliably hold, added as raw rows (all in
# Zoeterwoude, 0638; test BSNs), after which the monthly aggregates are
# rebuilt: a lapsed aanmelding without einddatum (not waiting); a youth who
# moves after turning 18 (jeugdhulpgebruik counts the residence on the last
# day aged 17, verblijf on the last day in care); school absence since
# exactly 91 and 92 days before P; a crisis trajectory starting on P (no
# flag yet); a staff decision just before and one just after midnight
# (Amsterdam) after P; aged exactly 17½ on P and a day short of it; turning
# 18 on P and exactly 6 months after it; a new trajectory exactly 12 and 6
# months (31 August + 6 = 28 February) after an end, and one on the day of
# the end (not "after"); a waiting trajectory without aanmelddatum (the
# toewijzing's Ingangsdatum); an intake before the aanmelding (not used for
# the split).
sql "$DB" "
INSERT INTO jeugdige (id, bsn, geboortedatum, geslacht, achternaam) VALUES
 (900001, '999990007', '2010-01-01', 1, 'Rand'), (900002, '999990019', '2008-04-15', 2, 'Rand'),
 (900003, '999990020', '2010-02-02', 1, 'Rand'), (900004, '999990032', '2010-03-03', 2, 'Rand'),
 (900005, '999990044', '2012-05-05', 1, 'Rand'), (900006, '999990056', '2012-06-06', 2, 'Rand'),
 (900007, '999990068', '2009-05-25', 1, 'Rand'), (900008, '999990081', '2009-05-26', 2, 'Rand'),
 (900009, '999990093', '2008-11-25', 1, 'Rand'), (900010, '999990111', '2011-01-01', 2, 'Rand'),
 (900011, '999990123', '2011-02-02', 1, 'Rand'), (900012, '999990135', '2011-03-03', 2, 'Rand'),
 (900013, '999990147', '2011-04-04', 1, 'Rand'), (900014, '999990159', '2011-05-05', 2, 'Rand');
INSERT INTO woonplaats (jeugdige_id, gemeente, vanaf, tot)
 SELECT id, '0638', geboortedatum, NULL FROM jeugdige WHERE id BETWEEN 900001 AND 900014 AND id <> 900002;
INSERT INTO woonplaats (jeugdige_id, gemeente, vanaf, tot) VALUES
 (900002, '0638', '2008-04-15', '2026-05-31'), (900002, '0626', '2026-06-01', NULL);
INSERT INTO schoolstatus (id, jeugdige_id, niet_naar_school_sinds, tot) VALUES
 (900001, 900003, '2026-08-26', NULL), (900002, 900004, '2026-08-25', NULL);
INSERT INTO toewijzing (nummer, jeugdige_id, agb, gemeente, categorie, toewijzingsdatum,
 ingangsdatum, volume, budget) VALUES (900001, 900013, '98100000', '0638', '45', '2026-07-25',
 '2026-08-01', 1, 0);
INSERT INTO traject (id, jeugdige_id, toewijzing_nummer, agb, gemeente, segment, categorie, groep,
 status, aanmelddatum, intakedatum, begindatum, einddatum, reden_beeindiging, overbrugging,
 veiligheidssignaal) VALUES
 (900101, 900001, NULL, '98100000', '0638', 4, '45', 0, 5, '2026-10-01', NULL, NULL, NULL, NULL, 0, 0),
 (900102, 900002, NULL, '98100000', '0638', 4, '45', 0, 2, '2025-12-01', '2025-12-10', '2026-01-05', NULL, NULL, 0, 0),
 (900105, 900005, NULL, '98100000', '0638', 4, '45', 0, 0, '2026-06-01', NULL, NULL, NULL, NULL, 1, 0),
 (900106, 900005, NULL, '98100000', '0638', 6, '46', 0, 2, '2026-11-25', '2026-11-25', '2026-11-25', NULL, NULL, 0, 0),
 (900107, 900006, NULL, '98100000', '0638', 4, '45', 0, 0, '2026-11-20', NULL, NULL, NULL, NULL, 1, 0),
 (900108, 900007, NULL, '98100000', '0638', 4, '45', 0, 0, '2026-06-01', NULL, NULL, NULL, NULL, 1, 0),
 (900109, 900007, NULL, NULL, '0638', 0, '31', 0, 2, '2026-01-10', NULL, '2026-01-10', NULL, NULL, 0, 0),
 (900110, 900008, NULL, '98100000', '0638', 4, '45', 0, 0, '2026-06-01', NULL, NULL, NULL, NULL, 1, 0),
 (900111, 900008, NULL, NULL, '0638', 0, '31', 0, 2, '2026-01-10', NULL, '2026-01-10', NULL, NULL, 0, 0),
 (900112, 900009, NULL, NULL, '0638', 0, '31', 0, 2, '2026-02-01', NULL, '2026-02-01', NULL, NULL, 0, 0),
 (900113, 900010, NULL, '98100000', '0638', 4, '45', 0, 4, '2024-05-01', '2024-05-10', '2024-06-01', '2025-03-10', '31', 0, 0),
 (900114, 900010, NULL, '98100000', '0638', 4, '45', 0, 5, '2026-03-10', NULL, NULL, '2026-04-01', NULL, 0, 0),
 (900115, 900011, NULL, '98100000', '0638', 4, '45', 0, 4, '2024-02-01', NULL, '2024-03-01', '2025-01-15', '34', 0, 0),
 (900116, 900011, NULL, '98100000', '0638', 4, '45', 0, 5, '2025-01-15', NULL, NULL, '2025-02-01', NULL, 0, 0),
 (900117, 900012, NULL, '98100000', '0638', 4, '45', 0, 4, '2024-12-01', NULL, '2025-01-01', '2025-08-31', '31', 0, 0),
 (900118, 900012, NULL, '98100000', '0638', 4, '45', 0, 5, '2026-02-28', NULL, NULL, '2026-03-15', NULL, 0, 0),
 (900119, 900013, 900001, '98100000', '0638', 4, '45', 0, 0, NULL, NULL, NULL, NULL, NULL, 0, 0),
 (900120, 900014, NULL, '98100000', '0638', 4, '45', 0, 2, '2026-05-01', '2026-04-20', '2026-09-01', NULL, NULL, 0, 0);
INSERT INTO zorgelijk_besluit (id, traject_id, tijdstip, bevestigd, reden, door) VALUES
 (900001, 900107, 1795645800, 1, 'randgeval: 23:30 op de peildatum', 'test'),
 (900002, 900107, 1795649400, 0, 'randgeval: 00:30 na de peildatum', 'test');
" >/dev/null
check ref_randgevallen_erin [ "$(sql "$DB" "SELECT COUNT(*) FROM traject WHERE id > 900000")" = 18 ]
expect ref_herbouw 0 "opgebouwd" -- "$J" cijfers herbouw --db "$DB" --tot-jaar 2027

PW='correct paard batterij niet'
gebruiker ref_gebruiker_regio soz regio

run "$J" kpi --db "$DB" --json
if [ "$rc" -eq 0 ]; then ok ref_kpi_json; else not_ok ref_kpi_json; fi
printf '%s\n' "$out" >"$T/kpi.json"

start_server ref_serve_start "$DB" 2
HAAL_MAX_TIME=60
R="$T/regio.jar"
login "$R" soz "$PW" ref_login_regio

# The reference fetches the API itself (curl with this cookie jar) and
# prints its own ok / not ok lines; a crash of it is one more failure.
python3 "$REPO/tests/e2e/lib/referentie.py" --db "$DB" --peildatum "$P" \
	--kpi "$T/kpi.json" --basis "$B" --jar "$R" --psql "$PGBIN/psql"
prc=$?
if [ "$prc" -eq 0 ]; then ok ref_python_klaar; else not_ok ref_python_klaar "exit $prc"; fi

stop_server
