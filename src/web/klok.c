/* klok: see klok.h. */
#include "web/klok.h"

#include <stdio.h>
#include <time.h>

dag_t klok_nu_lokaal(char tijd[9])
{
	time_t t = time(NULL);
	struct tm tm;

	if (!localtime_r(&t, &tm)) {
		snprintf(tijd, 9, "00:00:00");
		return datum_van(1970, 1, 1);
	}
	snprintf(tijd, 9, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
	return datum_van(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
