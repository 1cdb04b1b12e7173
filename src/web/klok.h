/* klok: today and the time of day in the region's calendar (the server's
 * local time, Europe/Amsterdam), for the web modules that stamp what they
 * hand over or record (koppel_web.c, toewijzing_web.c, verzoek_web.c).
 * Memory: writes only into the caller's buffer.
 */
#ifndef JR_WEB_KLOK_H
#define JR_WEB_KLOK_H

#include "domain/datum.h"

/* Today, and the time of day as "UU:MM:SS" in tijd; when the clock cannot
 * be read, 1970-01-01 and "00:00:00". */
dag_t klok_nu_lokaal(char tijd[9]);

#endif
