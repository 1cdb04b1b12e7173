/* auditspoor: see auditspoor.h. */
#include "web/auditspoor.h"

#include "domain/audit.h"

int auditspoor_schrijf(struct store *st, const struct toegang *wie, const char *actie,
		       int64_t jeugdige_id, const char *object)
{
	struct audit_record r;
	int rc = toegang_audit_vul(wie, st, actie, jeugdige_id, object, &r);

	if (rc < 0)
		return rc;
	rc = store_audit_append(st, &r);
	return rc < 0 ? rc : 0;
}

int auditspoor_cb(struct store *st, void *wie, const char *actie, int64_t jeugdige_id,
		  const char *object)
{
	return auditspoor_schrijf(st, wie, actie, jeugdige_id, object);
}
