/* soort: see soort.h. */
#include "ijw/soort.h"

#include <stddef.h>
#include <string.h>

#define NS(nnn) "http://www.istandaarden.nl/ijw/3_2/jw" nnn "/schema"

static const struct {
	const char *naam;              /* "JW301" */
	const char *code;              /* BerichtCode (COD002) */
	const char *ns;
	bool retour;
	enum ijw_soort partner;
} soorten[IJW_SOORTEN] = {
	[IJW_JW301] = { "JW301", "436", NS("301"), false, IJW_JW302 },
	[IJW_JW302] = { "JW302", "437", NS("302"), true, IJW_JW301 },
	[IJW_JW305] = { "JW305", "438", NS("305"), false, IJW_JW306 },
	[IJW_JW306] = { "JW306", "439", NS("306"), true, IJW_JW305 },
	[IJW_JW307] = { "JW307", "440", NS("307"), false, IJW_JW308 },
	[IJW_JW308] = { "JW308", "441", NS("308"), true, IJW_JW307 },
	[IJW_JW315] = { "JW315", "446", NS("315"), false, IJW_JW316 },
	[IJW_JW316] = { "JW316", "447", NS("316"), true, IJW_JW315 },
	[IJW_JW317] = { "JW317", "486", NS("317"), false, IJW_JW318 },
	[IJW_JW318] = { "JW318", "487", NS("318"), true, IJW_JW317 },
	[IJW_JW319] = { "JW319", "488", NS("319"), false, IJW_JW320 },
	[IJW_JW320] = { "JW320", "489", NS("320"), true, IJW_JW319 },
	[IJW_JW323] = { "JW323", "490", NS("323"), false, IJW_JW325 },
	[IJW_JW325] = { "JW325", "491", NS("325"), true, IJW_JW323 },
};

const char *bericht_soort_naam(enum ijw_soort s) { return soorten[s].naam; }
const char *bericht_soort_code(enum ijw_soort s) { return soorten[s].code; }
const char *bericht_soort_ns(enum ijw_soort s) { return soorten[s].ns; }
bool bericht_is_retour(enum ijw_soort s) { return soorten[s].retour; }
enum ijw_soort bericht_soort_partner(enum ijw_soort s) { return soorten[s].partner; }

int bericht_soort_van_ns(const char *ns)
{
	if (!ns)
		return -1;
	for (int s = 0; s < IJW_SOORTEN; s++)
		if (strcmp(soorten[s].ns, ns) == 0)
			return s;
	return -1;
}
