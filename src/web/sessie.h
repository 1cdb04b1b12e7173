/* sessie: login sessions and CSRF tokens of the web server.
 *
 * Session cookie. The value is a random token (auth/token.h); the
 * database holds only its hash (sessie.token_hash), so a copy of the
 * database logs nobody in. Absolute lifetime SESSIE_LEVENSDUUR (12 h),
 * idle limit SESSIE_INACTIEF (30 min). Attributes: Path=/; HttpOnly;
 * SameSite=Lax; Secure, under the name "__Host-jr_sessie". Exception:
 * when the server listens on a loopback address (127.0.0.0/8) it can only
 * be reached over plain HTTP from this machine (we do not speak TLS
 * ourselves; a public server sits behind a TLS proxy), and browsers
 * refuse cookies with Secure, and so any "__Host-" name, from http://
 * origins other than localhost; then the cookie is "jr_sessie" without
 * Secure. The same holds for the pre-session cookie below.
 *
 * CSRF before login (the login form): a pre-session token bound to a
 * short-lived cookie "__Host-jr_pre" (loopback: "jr_pre"). The cookie
 * holds "EXPIRY.TOKEN" (unix seconds, random token); the hidden form field
 * holds a keyed BLAKE2b hash of that cookie value under a random key the
 * server makes at start. A POST is accepted only when the field matches
 * the cookie and the expiry (SESSIE_PRE_LEVENSDUUR, 15 min) has not
 * passed. Someone who can plant a cookie (a sibling origin) still cannot
 * make the matching field without the key. A restart invalidates open
 * login forms (the user gets a fresh form with a message).
 *
 * CSRF inside a session: the token is derived from the session token,
 * csrf = hex(BLAKE2b keyed with the session token, "jeugdregie-csrf"),
 * so every page can render it without storing it; the database keeps
 * only token_hash(csrf) in sessie.csrf_hash, and a POST is accepted only
 * when token_hash(field) equals it (constant time).
 *
 * Thread-safe after sessie_init.
 */
#ifndef JR_WEB_SESSIE_H
#define JR_WEB_SESSIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth/token.h"
#include "store/store.h"
#include "web/route.h"

#define SESSIE_LEVENSDUUR (12 * 3600)
#define SESSIE_INACTIEF (30 * 60)
#define SESSIE_PRE_LEVENSDUUR (15 * 60)
/* Touch laatst_actief at most once per this many seconds. */
#define SESSIE_TOUCH_INTERVAL 60
#define SESSIE_PRE_MAX 96      /* "EXPIRY.TOKEN" */
#define SESSIE_COOKIE_MAX 256  /* a Set-Cookie value */

struct MHD_Response;

/* Call once before the server starts; loopback: the server listens on a
 * loopback address (see above). */
void sessie_init(bool loopback);

/* The cookie names in use ("__Host-jr_sessie" or "jr_sessie", ...). */
const char *sessie_cookie_naam(void);
const char *sessie_pre_naam(void);

/* Set-Cookie values: a session cookie with token (Max-Age = lifetime), a
 * pre-session cookie, and the expiry of either (Max-Age=0). Into
 * out[SESSIE_COOKIE_MAX]. */
void sessie_cookie(char out[SESSIE_COOKIE_MAX], const char *token);
void sessie_pre_cookie(char out[SESSIE_COOKIE_MAX], const char *waarde);
void sessie_cookie_weg(char out[SESSIE_COOKIE_MAX], const char *naam);

/* A new pre-session cookie value (out[SESSIE_PRE_MAX]) for time nu and
 * the form field that belongs to it (veld[HASH_HEX_LEN + 1]). */
void sessie_pre_maak(int64_t nu, char out[SESSIE_PRE_MAX], char veld[HASH_HEX_LEN + 1]);
/* true when cookie (may be NULL) and veld belong together and the cookie
 * has not expired at nu. */
bool sessie_pre_geldig(const char *cookie, const char *veld, int64_t nu);

/* The CSRF token of session token (csrf[HASH_HEX_LEN + 1]). */
void sessie_csrf(const char *token, char csrf[HASH_HEX_LEN + 1]);

/* A logged-in request. */
struct web_sessie {
	char token[TOKEN_LEN + 1];        /* the cookie value */
	char token_hash[HASH_HEX_LEN + 1];
	char csrf[HASH_HEX_LEN + 1];      /* for the forms of the page */
	struct sessie sessie;
	struct gebruiker gebruiker;       /* naam, rol, scopes */
};

/* From the request's session cookie: 1 and *out when it names a live
 * session of an active user (its last activity is then touched), 0 when
 * not (no cookie, unknown, expired, idle too long, user disabled), or the
 * store's -1/-2. */
int sessie_zoek(struct web_verzoek *v, struct store *st, int64_t nu, struct web_sessie *out);

/* true when the form field csrf matches the session's csrf_hash. */
bool sessie_csrf_geldig(const struct web_sessie *s, const char *csrf);

/* The client's address as text into out[64] ("" when unknown). */
void sessie_bron_adres(struct web_verzoek *v, char out[64]);

#endif
