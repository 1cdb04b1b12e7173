/* inloggen: see inloggen.h. */
#include "web/inloggen.h"

#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <microhttpd.h>

#include "auth/token.h"
#include "auth/wachtwoord.h"
#include "domain/audit.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/formulier.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/sessie.h"

#define ONJUIST "Naam of wachtwoord onjuist."
#define TERUG_MAX 256

static sem_t hashes;

/* A hash to verify against for an unknown or unusable account, so that
 * such a login costs as much as a real one. Made on first use (with the
 * parameters new hashes get). */
static pthread_once_t dummy_eens = PTHREAD_ONCE_INIT;
static char dummy_hash[WACHTWOORD_HASH_LEN];

static void dummy_maak(void)
{
	char err[128], geheim[TOKEN_LEN + 1];

	token_maak(geheim);
	if (wachtwoord_hash(geheim, dummy_hash, err, sizeof err) < 0)
		dummy_hash[0] = '\0';
	explicit_bzero(geheim, sizeof geheim);
}

void inloggen_init(void)
{
	sem_init(&hashes, 0, LOGIN_HASHES_MAX);
}

static int controleer(const char *hash, const char *wachtwoord)
{
	int ok;

	while (sem_wait(&hashes) != 0)
		;
	ok = wachtwoord_controleer(hash, wachtwoord);
	sem_post(&hashes);
	return ok;
}

static bool is_formulier(struct web_verzoek *v)
{
	const char *ct = MHD_lookup_connection_value(v->conn, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_TYPE);
	static const char soort[] = "application/x-www-form-urlencoded";

	return ct && strncasecmp(ct, soort, sizeof soort - 1) == 0 &&
	       (ct[sizeof soort - 1] == '\0' || ct[sizeof soort - 1] == ';' ||
		ct[sizeof soort - 1] == ' ');
}

/* A page to return to after login: a local path ("/..." but not "//...",
 * which a browser reads as another host), of the characters a path and a
 * query need, so it is safe in a Location header and an attribute. */
static bool terug_geldig(const char *s)
{
	if (s[0] != '/' || s[1] == '/')
		return false;
	for (const char *p = s; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
			    "/-_.~%?=&", *p))
			return false;
	return true;
}

/* The field terug of the form (POST) or the query (GET), or "" when it is
 * absent or not a local path. */
static void lees_terug(struct web_verzoek *v, char terug[TERUG_MAX])
{
	struct formulier_veld veld = { "terug", terug, TERUG_MAX, false };
	bool post = strcmp(v->methode, "POST") == 0;
	const char *bron = post ? v->body : v->query ? v->query : "";
	const char *fout;

	if (formulier_lees(bron, post ? v->body_len : strlen(bron), &veld, 1, &fout) < 0 ||
	    !terug_geldig(terug))
		terug[0] = '\0';
}

/* The login form with status, an optional message and the name to fill
 * in; always with a fresh pre-session cookie. */
static enum web_uitslag formulier(struct web_verzoek *v, unsigned status, const char *melding,
				  const char *naam)
{
	char pre[SESSIE_PRE_MAX], veld[HASH_HEX_LEN + 1], kop[SESSIE_COOKIE_MAX];
	char terug[TERUG_MAX];
	struct MHD_Response *r;
	struct web_buf b;
	FILE *f;

	lees_terug(v, terug);
	sessie_pre_maak((int64_t)time(NULL), pre, veld);
	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	f = b.f;
	pagina_html_begin(f, "Inloggen", v->wie, NULL);
	fputs("<h2>Inloggen</h2>\n", f);
	if (melding) {
		fputs("<p class=\"fout\" role=\"alert\">", f);
		html_txt(f, melding);
		fputs("</p>\n", f);
	}
	fputs("<form method=\"post\" action=\"/inloggen\" class=\"inloggen\">\n"
	      "<input type=\"hidden\" name=\"csrf\" value=\"", f);
	html_attr(f, veld);
	fputs("\">\n", f);
	if (terug[0]) {
		fputs("<input type=\"hidden\" name=\"terug\" value=\"", f);
		html_attr(f, terug);
		fputs("\">\n", f);
	}
	fputs("<p><label for=\"naam\">Naam</label>\n"
	      "<input id=\"naam\" name=\"naam\" type=\"text\" autocomplete=\"username\" "
	      "required maxlength=\"95\" value=\"", f);
	html_attr(f, naam ? naam : "");
	fputs("\"></p>\n<p><label for=\"wachtwoord\">Wachtwoord</label>\n"
	      "<input id=\"wachtwoord\" name=\"wachtwoord\" type=\"password\" "
	      "autocomplete=\"current-password\" required></p>\n"
	      "<p><button type=\"submit\">Inloggen</button></p>\n</form>\n", f);
	pagina_html_einde(f);
	if (web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	r = antwoord_maak(b.data, b.len, true, "text/html; charset=utf-8", ANTWOORD_DYNAMISCH);
	sessie_pre_cookie(kop, pre);
	if (r && !antwoord_header(r, MHD_HTTP_HEADER_SET_COOKIE, kop)) {
		MHD_destroy_response(r);
		r = NULL;
	}
	return antwoord_zend(v->conn, status, r);
}

enum web_uitslag inloggen_formulier(struct web_verzoek *v)
{
	return formulier(v, MHD_HTTP_OK, NULL, NULL);
}

/* 303 to doel with up to two Set-Cookie headers (NULL: none). */
static enum web_uitslag doorsturen(struct web_verzoek *v, const char *doel, const char *c1,
				   const char *c2)
{
	struct MHD_Response *r = antwoord_maak((void *)"", 0, false, NULL, ANTWOORD_DYNAMISCH);

	if (r && (!antwoord_header(r, MHD_HTTP_HEADER_LOCATION, doel) ||
		  (c1 && !antwoord_header(r, MHD_HTTP_HEADER_SET_COOKIE, c1)) ||
		  (c2 && !antwoord_header(r, MHD_HTTP_HEADER_SET_COOKIE, c2)))) {
		MHD_destroy_response(r);
		r = NULL;
	}
	return antwoord_zend(v->conn, MHD_HTTP_SEE_OTHER, r);
}

/* ---- the transactions ---------------------------------------------------- */

struct login_tx {
	const struct gebruiker *g;
	const struct sessie *s;        /* NULL: a failed attempt */
	const char *bron;
	int64_t nu;
};

static void audit_vul(struct audit_record *r, const struct gebruiker *g, const char *actie,
		      const char *bron)
{
	memset(r, 0, sizeof *r);
	snprintf(r->gebruiker, sizeof r->gebruiker, "%s", g->naam);
	snprintf(r->rol, sizeof r->rol, "%s", g->rol);
	snprintf(r->actie, sizeof r->actie, "%s", actie);
	snprintf(r->object, sizeof r->object, "sessie");
	snprintf(r->bron_adres, sizeof r->bron_adres, "%s", bron);
}

static int login_tx(struct store *st, void *arg)
{
	const struct login_tx *t = arg;
	struct audit_record r;
	int rc;

	if (!t->s) {
		rc = store_gebruiker_login_mislukt(st, t->g->id, LOGIN_DREMPEL, t->nu + LOGIN_BLOK);
		if (rc < 0)
			return rc;
		audit_vul(&r, t->g, "inloggen_mislukt", t->bron);
		return store_audit_append(st, &r);
	}
	rc = store_gebruiker_login_gelukt(st, t->g->id);
	if (rc >= 0)
		rc = store_sessie_maak(st, t->s);
	if (rc < 0)
		return rc;
	audit_vul(&r, t->g, "inloggen", t->bron);
	return store_audit_append(st, &r);
}

struct uitlog_tx {
	const struct web_sessie *s;
	const char *bron;
};

static int uitlog_tx(struct store *st, void *arg)
{
	const struct uitlog_tx *t = arg;
	struct audit_record r;
	int rc = store_sessie_delete(st, t->s->token_hash);

	if (rc < 0)
		return rc;
	audit_vul(&r, &t->s->gebruiker, "uitloggen", t->bron);
	return store_audit_append(st, &r);
}

/* ---- POST /inloggen ------------------------------------------------------ */

struct login_velden {
	char naam[96];
	char wachtwoord[WACHTWOORD_MAX + 1];
	char csrf[HASH_HEX_LEN + 2];
	struct gebruiker g;
	struct sessie s;
	char token[TOKEN_LEN + 1];
	char terug[TERUG_MAX];
};

static enum web_uitslag login(struct web_verzoek *v, struct login_velden *l)
{
	struct formulier_veld velden[] = {
		{ "naam", l->naam, sizeof l->naam, false },
		{ "wachtwoord", l->wachtwoord, sizeof l->wachtwoord, false },
		{ "csrf", l->csrf, sizeof l->csrf, false },
		{ "terug", l->terug, sizeof l->terug, false },
	};
	enum web_uitslag u = WEB_FATAAL;
	const char *fout_veld;
	int64_t nu = (int64_t)time(NULL);
	struct store *st;
	struct login_tx t;
	char bron[64], csrf[HASH_HEX_LEN + 1], c1[SESSIE_COOKIE_MAX], c2[SESSIE_COOKIE_MAX];
	int rc, goed;

	if (!is_formulier(v))
		return formulier(v, MHD_HTTP_BAD_REQUEST, "Het formulier is niet goed verstuurd "
				 "(verwacht application/x-www-form-urlencoded).", NULL);
	if (formulier_lees(v->body, v->body_len, velden, 4, &fout_veld) < 0) {
		char melding[160];

		if (fout_veld)
			snprintf(melding, sizeof melding, "Het veld '%s' is ongeldig, te lang of "
				 "dubbel.", fout_veld);
		else
			snprintf(melding, sizeof melding, "Het formulier heeft te veel velden.");
		return formulier(v, MHD_HTTP_BAD_REQUEST, melding, NULL);
	}
	if (!sessie_pre_geldig(MHD_lookup_connection_value(v->conn, MHD_COOKIE_KIND,
							   sessie_pre_naam()), l->csrf, nu))
		return formulier(v, MHD_HTTP_FORBIDDEN, "Het formulier is verlopen of niet van deze "
				 "site afkomstig; probeer het opnieuw.", l->naam);
	if (!velden[0].gezien || !*l->naam)
		return formulier(v, MHD_HTTP_BAD_REQUEST, "Vul uw naam in.", NULL);
	if (!velden[1].gezien || !*l->wachtwoord)
		return formulier(v, MHD_HTTP_BAD_REQUEST, "Vul uw wachtwoord in.", l->naam);

	st = pagina_store(v, &u);
	if (!st)
		return u;
	rc = store_gebruiker_get(st, l->naam, &l->g);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	pthread_once(&dummy_eens, dummy_maak);
	if (rc == 0 || !l->g.actief || l->g.geblokkeerd_tot > nu || !*l->g.wachtwoord_hash) {
		/* The same work and the same answer as a wrong password. */
		(void)controleer(dummy_hash, l->wachtwoord);
		return formulier(v, MHD_HTTP_OK, ONJUIST, l->naam);
	}
	goed = controleer(l->g.wachtwoord_hash, l->wachtwoord) == 1;
	sessie_bron_adres(v, bron);
	t = (struct login_tx){ .g = &l->g, .s = NULL, .bron = bron, .nu = nu };
	if (!goed) {
		rc = store_transaction(st, login_tx, &t);
		if (rc < 0)
			return pagina_store_fout(v, st, rc);
		return formulier(v, MHD_HTTP_OK, ONJUIST, l->naam);
	}
	token_maak(l->token);
	token_hash(l->token, l->s.token_hash);
	sessie_csrf(l->token, csrf);
	token_hash(csrf, l->s.csrf_hash);
	l->s.gebruiker_id = l->g.id;
	l->s.aangemaakt = l->s.laatst_actief = nu;
	l->s.verloopt = nu + SESSIE_LEVENSDUUR;
	t.s = &l->s;
	rc = store_transaction(st, login_tx, &t);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	/* A hash made with older parameters is renewed now that we have the
	 * password; a failure here does not undo the login. */
	if (wachtwoord_rehash_nodig(l->g.wachtwoord_hash)) {
		char nieuw[WACHTWOORD_HASH_LEN], err[128];

		if (wachtwoord_hash(l->wachtwoord, nieuw, err, sizeof err) == 0 &&
		    store_gebruiker_set_wachtwoord(st, l->g.naam, nieuw) < 0)
			fprintf(stderr, "jeugdregie serve: herhashen van '%s' mislukt: %s\n",
				l->g.naam, store_error(st));
	}
	sessie_cookie(c1, l->token);
	sessie_cookie_weg(c2, sessie_pre_naam());
	return doorsturen(v, terug_geldig(l->terug) ? l->terug : "/", c1, c2);
}

enum web_uitslag inloggen_post(struct web_verzoek *v)
{
	struct login_velden *l = calloc(1, sizeof *l);
	enum web_uitslag u;

	if (!l)
		return WEB_FATAAL;
	u = login(v, l);
	explicit_bzero(l, sizeof *l);
	free(l);
	return u;
}

/* ---- POST /uitloggen ----------------------------------------------------- */

enum web_uitslag uitloggen_post(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct store *st = pagina_store(v, &u);
	char csrf[HASH_HEX_LEN + 2], bron[64], c1[SESSIE_COOKIE_MAX];
	struct formulier_veld velden[] = { { "csrf", csrf, sizeof csrf, false } };
	const char *fout_veld;
	struct web_sessie *s;
	struct uitlog_tx t;
	int rc;

	if (!st)
		return u;
	s = malloc(sizeof *s);
	if (!s)
		return WEB_FATAAL;
	rc = sessie_zoek(v, st, (int64_t)time(NULL), s);
	if (rc < 0) {
		free(s);
		return pagina_store_fout(v, st, rc);
	}
	sessie_cookie_weg(c1, sessie_cookie_naam());
	if (rc == 0) {
		free(s);
		return doorsturen(v, "/inloggen", c1, NULL);
	}
	if (!is_formulier(v) || formulier_lees(v->body, v->body_len, velden, 1, &fout_veld) < 0 ||
	    !sessie_csrf_geldig(s, csrf)) {
		explicit_bzero(s, sizeof *s);
		free(s);
		return antwoord_fout(v->conn, MHD_HTTP_FORBIDDEN, "csrf", "csrf",
				     "Het CSRF-token ontbreekt of klopt niet; uitloggen geweigerd.");
	}
	sessie_bron_adres(v, bron);
	t = (struct uitlog_tx){ .s = s, .bron = bron };
	rc = store_transaction(st, uitlog_tx, &t);
	explicit_bzero(s, sizeof *s);
	free(s);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	return doorsturen(v, "/inloggen", c1, NULL);
}
