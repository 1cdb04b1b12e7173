/* auditspoor: one record in the audit log for what the asker did or read,
 * filled by toegang_audit_vul and appended by store_audit_append, for the
 * web modules (koppel_web.c, toewijzing_web.c, verzoek_web.c,
 * wachtlijst_web.c, ijw_web.c). Call inside the store transaction of the
 * read or write it records (the brief's rule for personal data).
 * Memory: the record lives on the stack; nothing is kept.
 */
#ifndef JR_WEB_AUDITSPOOR_H
#define JR_WEB_AUDITSPOOR_H

#include <stdint.h>

#include "store/store.h"
#include "web/toegang.h"

/* Record that wie did actie (on youth jeugdige_id, 0 none) to object.
 * 0, or the store's -1/-2 (message in the store). */
int auditspoor_schrijf(struct store *st, const struct toegang *wie, const char *actie,
		       int64_t jeugdige_id, const char *object);

/* The same as an audit callback of ijw/afhandel.h (struct afhandel_eigen
 * audit, with audit_arg the const struct toegang * of the asker). */
int auditspoor_cb(struct store *st, void *wie, const char *actie, int64_t jeugdige_id,
		  const char *object);

#endif
