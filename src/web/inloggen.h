/* inloggen: the login flow (see sessie.h for cookies and CSRF).
 *
 *   GET  /inloggen   the login form (naam, wachtwoord, hidden csrf) and a
 *                    fresh pre-session cookie
 *   POST /inloggen   application/x-www-form-urlencoded naam, wachtwoord,
 *                    csrf. Bad or missing CSRF: 403 with a fresh form.
 *                    Missing field: 400 form. Unknown user, wrong
 *                    password, disabled or blocked account: 200 form with
 *                    the one message "Naam of wachtwoord onjuist." (an
 *                    unknown user costs the same Argon2id verification).
 *                    LOGIN_DREMPEL failures in a row block the account for
 *                    LOGIN_BLOK seconds; a failure after a block has run
 *                    out blocks again (the count is reset only by a
 *                    successful login or a new password). Success: a
 *                    session, the session cookie, an audit record
 *                    'inloggen' and 303 to /.
 *   POST /uitloggen  csrf of the session; 403 without it; ends the
 *                    session (audit 'uitloggen'), expires the cookie, 303
 *                    to /inloggen. Without a live session: 303 as well.
 *
 * At most LOGIN_HASHES_MAX password verifications run at once (each
 * Argon2id pass takes 64 MiB).
 */
#ifndef JR_WEB_INLOGGEN_H
#define JR_WEB_INLOGGEN_H

#include "web/route.h"

#define LOGIN_DREMPEL 5
#define LOGIN_BLOK (15 * 60)
#define LOGIN_HASHES_MAX 2

/* Once before the server starts. */
void inloggen_init(void);

enum web_uitslag inloggen_formulier(struct web_verzoek *v);
enum web_uitslag inloggen_post(struct web_verzoek *v);
enum web_uitslag uitloggen_post(struct web_verzoek *v);

#endif
