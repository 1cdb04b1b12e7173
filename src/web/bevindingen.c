/* bevindingen: see bevindingen.h. */
#include "web/bevindingen.h"

#include <stdio.h>

#include "lib/json.h"
#include "web/antwoord.h"
#include "web/veld.h"

#define HTTP_422 422u

enum web_uitslag bevindingen_json(struct web_verzoek *v, const struct afhandel_uitkomst *a)
{
	struct web_buf b;
	struct json j;
	char err[64];

	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "fout");
	json_object_begin(&j);
	veld_json_tekst(&j, "code", "bevindingen");
	json_key(&j, "veld");
	json_null(&j);
	veld_json_tekst(&j, "melding", a->melding);
	json_key(&j, "bevindingen");
	json_array_begin(&j);
	for (size_t i = 0; i < a->n_bevindingen; i++) {
		json_object_begin(&j);
		veld_json_tekst(&j, "code", a->bevindingen[i].code);
		veld_json_tekst(&j, "pad", a->bevindingen[i].pad);
		veld_json_tekst(&j, "melding", a->bevindingen[i].melding);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_object_end(&j);
	if (json_finish(&j, err, sizeof err) < 0 || web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, HTTP_422, &b, "application/json");
}
