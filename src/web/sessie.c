/* sessie: see sessie.h. */
#include "web/sessie.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "lib/hash.h"

static bool veilig = true;
static unsigned char pre_sleutel[32];

void sessie_init(bool loopback)
{
	veilig = !loopback;
	hash_random(pre_sleutel, sizeof pre_sleutel);
}

const char *sessie_cookie_naam(void)
{
	return veilig ? "__Host-jr_sessie" : "jr_sessie";
}

const char *sessie_pre_naam(void)
{
	return veilig ? "__Host-jr_pre" : "jr_pre";
}

static void cookie(char out[SESSIE_COOKIE_MAX], const char *naam, const char *waarde,
		   long max_age)
{
	snprintf(out, SESSIE_COOKIE_MAX, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Lax%s",
		 naam, waarde, max_age, veilig ? "; Secure" : "");
}

void sessie_cookie(char out[SESSIE_COOKIE_MAX], const char *token)
{
	cookie(out, sessie_cookie_naam(), token, SESSIE_LEVENSDUUR);
}

void sessie_pre_cookie(char out[SESSIE_COOKIE_MAX], const char *waarde)
{
	cookie(out, sessie_pre_naam(), waarde, SESSIE_PRE_LEVENSDUUR);
}

void sessie_cookie_weg(char out[SESSIE_COOKIE_MAX], const char *naam)
{
	cookie(out, naam, "", 0);
}

static void pre_veld(const char *waarde, char veld[HASH_HEX_LEN + 1])
{
	hash_hex(waarde, strlen(waarde), pre_sleutel, sizeof pre_sleutel, veld);
}

void sessie_pre_maak(int64_t nu, char out[SESSIE_PRE_MAX], char veld[HASH_HEX_LEN + 1])
{
	char t[TOKEN_LEN + 1];

	token_maak(t);
	snprintf(out, SESSIE_PRE_MAX, "%" PRId64 ".%s", nu + SESSIE_PRE_LEVENSDUUR, t);
	pre_veld(out, veld);
}

bool sessie_pre_geldig(const char *cookie_waarde, const char *veld, int64_t nu)
{
	char goed[HASH_HEX_LEN + 1];
	const char *punt;
	char *eind;
	long long tot;

	if (!cookie_waarde || strlen(cookie_waarde) >= SESSIE_PRE_MAX ||
	    strlen(veld) != HASH_HEX_LEN)
		return false;
	punt = strchr(cookie_waarde, '.');
	if (!punt || !token_vorm(punt + 1) || punt == cookie_waarde ||
	    strspn(cookie_waarde, "0123456789") != (size_t)(punt - cookie_waarde))
		return false;
	pre_veld(cookie_waarde, goed);
	if (!token_gelijk(goed, veld))
		return false;
	tot = strtoll(cookie_waarde, &eind, 10);
	return eind == punt && tot > nu;
}

void sessie_csrf(const char *token, char csrf[HASH_HEX_LEN + 1])
{
	static const char doel[] = "jeugdregie-csrf";

	hash_hex(doel, sizeof doel - 1, (const unsigned char *)token, strlen(token), csrf);
}

bool sessie_csrf_geldig(const struct web_sessie *s, const char *csrf)
{
	char h[HASH_HEX_LEN + 1];

	if (strlen(csrf) != HASH_HEX_LEN || strlen(s->sessie.csrf_hash) != HASH_HEX_LEN)
		return false;
	token_hash(csrf, h);
	return token_gelijk(h, s->sessie.csrf_hash);
}

int sessie_zoek(struct web_verzoek *v, struct store *st, int64_t nu, struct web_sessie *out)
{
	const char *c = MHD_lookup_connection_value(v->conn, MHD_COOKIE_KIND,
						    sessie_cookie_naam());
	int rc;

	memset(out, 0, sizeof *out);
	if (!c || !token_vorm(c))
		return 0;
	memcpy(out->token, c, TOKEN_LEN + 1);
	token_hash(out->token, out->token_hash);
	rc = store_sessie_get(st, out->token_hash, nu, SESSIE_INACTIEF, &out->sessie);
	if (rc <= 0)
		return rc;
	rc = store_gebruiker_get_id(st, out->sessie.gebruiker_id, &out->gebruiker);
	if (rc <= 0)
		return rc;
	if (!out->gebruiker.actief)
		return 0;
	if (nu - out->sessie.laatst_actief >= SESSIE_TOUCH_INTERVAL) {
		rc = store_sessie_touch(st, out->token_hash, nu);
		if (rc < 0)
			return rc;
		out->sessie.laatst_actief = nu;
	}
	sessie_csrf(out->token, out->csrf);
	return 1;
}

void sessie_bron_adres(struct web_verzoek *v, char out[64])
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(v->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	out[0] = '\0';
	if (!ci || !ci->client_addr)
		return;
	if (ci->client_addr->sa_family == AF_INET) {
		const struct sockaddr_in *sa = (const struct sockaddr_in *)(const void *)ci->client_addr;

		inet_ntop(AF_INET, &sa->sin_addr, out, 64);
	} else if (ci->client_addr->sa_family == AF_INET6) {
		const struct sockaddr_in6 *sa =
			(const struct sockaddr_in6 *)(const void *)ci->client_addr;

		inet_ntop(AF_INET6, &sa->sin6_addr, out, 64);
	}
}
