/* apitoken: API tokens by name, for the command line (jeugdregie token):
 * a new token under a name that no valid token carries, the list of all
 * tokens, and revocation by name. The secret itself never reaches the
 * store, only its hash (auth/token.h); store.h's store_api_token_get is
 * what the server uses to look a presented token up.
 *
 * A name identifies at most one valid token; a revoked token keeps its
 * row (and name) so that the list shows when it was revoked, and the
 * name may then be given to a new token. Call the writers inside
 * store_transaction, so that the check and the change are one step.
 * Return convention of store.h (-2 with a message in store_error()).
 */
#ifndef JR_STORE_APITOKEN_H
#define JR_STORE_APITOKEN_H

#include "store/store.h"

/* Store t (its hash, name, scope and creation time) unless a valid token
 * is already called t->naam (-2: "er is al een geldig API-token ...").
 * The scope must exist, as in store_api_token_maak. */
int store_api_token_nieuw(struct store *st, const struct api_token *t);

/* Every token, valid and revoked, by name and then creation time, in a
 * malloc'ed array the caller frees (NULL when there are none). token_hash
 * is left empty: the list has no use for it. Returns the number. */
int store_api_token_list(struct store *st, struct api_token **out);

/* Revoke the valid token called naam now: 1 revoked, 0 no valid token of
 * that name. */
int store_api_token_intrekken_naam(struct store *st, const char *naam);

#endif
