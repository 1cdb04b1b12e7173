/* toegang: see toegang.h. */
#include "web/toegang.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>
#include <sodium.h>

#include "auth/pseudoniem.h"
#include "auth/token.h"
#include "domain/audit.h"
#include "store/scope.h"
#include "store/store.h"

static enum toegang_rol rol_van(const char *naam)
{
	static const struct {
		const char *naam;
		enum toegang_rol rol;
	} rollen[] = {
		{ "beheerder", TOEGANG_BEHEERDER }, { "regio", TOEGANG_REGIO },
		{ "gemeente", TOEGANG_GEMEENTE },   { "lokaal_team", TOEGANG_LOKAAL_TEAM },
		{ "aanbieder", TOEGANG_AANBIEDER }, { "beleid", TOEGANG_BELEID },
	};

	for (size_t i = 0; i < sizeof rollen / sizeof rollen[0]; i++)
		if (strcmp(naam, rollen[i].naam) == 0)
			return rollen[i].rol;
	/* An unknown stored role gets what the public gets: fail closed. */
	return TOEGANG_PUBLIEK;
}

/* src (NULL: "") into dst[n], cut to n - 1 bytes. */
static void kopieer(char *dst, size_t n, const char *src)
{
	size_t len = src ? strnlen(src, n - 1) : 0;

	if (len)
		memcpy(dst, src, len);
	dst[len] = '\0';
}

static int code_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Add gemeente code c to t's scope (once). */
static void voeg_gemeente(struct toegang *t, const char *c)
{
	for (size_t i = 0; i < t->n_gemeenten; i++)
		if (strcmp(t->gemeenten[i], c) == 0)
			return;
	if (t->n_gemeenten < TOEGANG_GEMEENTEN_MAX && strlen(c) < GEMEENTE_CODE_LEN)
		memcpy(t->gemeenten[t->n_gemeenten++], c, strlen(c) + 1);
}

/* The scopes of user g into t; local teams are expanded to their
 * gemeenten. */
static int vul_scopes(struct toegang *t, struct store *st, const struct gebruiker *g)
{
	for (int i = 0; i < g->n_scopes; i++) {
		const struct gebruiker_scope *s = &g->scopes[i];

		if (strcmp(s->soort, "gemeente") == 0) {
			voeg_gemeente(t, s->waarde);
		} else if (strcmp(s->soort, "lokaal_team") == 0) {
			int rc = store_team_gemeenten(st, strtoll(s->waarde, NULL, 10), t->gemeenten,
						      &t->n_gemeenten, TOEGANG_GEMEENTEN_MAX);

			if (rc < 0)
				return rc;
		} else if (strcmp(s->soort, "aanbieder") == 0) {
			kopieer(t->agb, sizeof t->agb, s->waarde);
		}
	}
	qsort(t->gemeenten, t->n_gemeenten, sizeof t->gemeenten[0], code_cmp);
	return 0;
}

static void vul_namens(struct toegang *t)
{
	switch (t->rol) {
	case TOEGANG_PUBLIEK:
		t->namens[0] = '\0';
		break;
	case TOEGANG_BEHEERDER:
		kopieer(t->namens, sizeof t->namens, "beheer");
		break;
	case TOEGANG_REGIO:
		kopieer(t->namens, sizeof t->namens, "SOZ Holland Rijnland");
		break;
	case TOEGANG_GEMEENTE:
	case TOEGANG_LOKAAL_TEAM: {
		size_t k;

		snprintf(t->namens, sizeof t->namens, "%s", t->rol == TOEGANG_GEMEENTE ?
			 "gemeente" : "lokaal team, gemeente");
		for (size_t i = 0; i < t->n_gemeenten; i++) {
			k = strlen(t->namens);
			snprintf(t->namens + k, sizeof t->namens - k, "%s%s", i ? "," : " ",
				 t->gemeenten[i]);
		}
		break;
	}
	case TOEGANG_AANBIEDER:
		snprintf(t->namens, sizeof t->namens, "aanbieder %s", t->agb);
		break;
	case TOEGANG_BELEID:
		kopieer(t->namens, sizeof t->namens, "beleid");
		break;
	}
}

/* "Bearer TOKEN": 1 and the token's principal in t, 0 when the header is
 * not a valid live token. */
static int via_token(struct toegang *t, struct store *st, const char *kop)
{
	struct api_token at;
	char hash[HASH_HEX_LEN + 1];
	int rc;

	if (strncmp(kop, "Bearer ", 7) != 0 || !token_vorm(kop + 7))
		return 0;
	token_hash(kop + 7, hash);
	rc = store_api_token_get(st, hash, &at);
	if (rc <= 0)
		return rc;
	t->bron = TOEGANG_API_TOKEN;
	snprintf(t->naam, sizeof t->naam, "token:%.*s", (int)sizeof t->naam - 7, at.naam);
	if (strcmp(at.soort, "gemeente") == 0) {
		t->rol = TOEGANG_GEMEENTE;
		voeg_gemeente(t, at.waarde);
	} else if (strcmp(at.soort, "aanbieder") == 0) {
		t->rol = TOEGANG_AANBIEDER;
		kopieer(t->agb, sizeof t->agb, at.waarde);
	} else {
		return 0;
	}
	kopieer(t->rolnaam, sizeof t->rolnaam, at.soort);
	return 1;
}

int toegang_bepaal(struct web_verzoek *v, struct store *st, int64_t nu, struct toegang *out)
{
	const char *kop = MHD_lookup_connection_value(v->conn, MHD_HEADER_KIND,
						      MHD_HTTP_HEADER_AUTHORIZATION);
	unsigned char id[16];
	int rc;

	memset(out, 0, sizeof *out);
	out->rol = TOEGANG_PUBLIEK;
	out->bron = TOEGANG_ANONIEM;
	kopieer(out->rolnaam, sizeof out->rolnaam, "publiek");
	randombytes_buf(id, sizeof id);
	sodium_bin2hex(out->verzoek_id, sizeof out->verzoek_id, id, sizeof id);
	sessie_bron_adres(v, out->bron_adres);
	if (kop) {
		rc = via_token(out, st, kop);
		if (rc <= 0)
			return rc;
		vul_namens(out);
		return 1;
	}
	rc = sessie_zoek(v, st, nu, &out->sessie);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return 1;
	out->heeft_sessie = true;
	out->bron = TOEGANG_SESSIE;
	kopieer(out->naam, sizeof out->naam, out->sessie.gebruiker.naam);
	kopieer(out->rolnaam, sizeof out->rolnaam, out->sessie.gebruiker.rol);
	out->rol = rol_van(out->sessie.gebruiker.rol);
	rc = vul_scopes(out, st, &out->sessie.gebruiker);
	if (rc < 0)
		return rc;
	vul_namens(out);
	return 1;
}

bool toegang_persoonsgegevens(const struct toegang *t)
{
	switch (t->rol) {
	case TOEGANG_REGIO:
	case TOEGANG_GEMEENTE:
	case TOEGANG_LOKAAL_TEAM:
	case TOEGANG_AANBIEDER:
		return true;
	case TOEGANG_PUBLIEK:
	case TOEGANG_BEHEERDER:
	case TOEGANG_BELEID:
		return false;
	}
	return false;
}

bool toegang_eis_ok(const struct toegang *t, enum route_eis eis)
{
	switch (eis) {
	case EIS_NIEMAND:
		return false;
	case EIS_ASSET:
	case EIS_PUBLIEK:
		return true;
	case EIS_INGELOGD:
		return t->rol != TOEGANG_PUBLIEK;
	case EIS_PERSOONSGEGEVENS:
		return toegang_persoonsgegevens(t);
	case EIS_GEMEENTELIJK:
		return t->rol == TOEGANG_REGIO || t->rol == TOEGANG_GEMEENTE ||
		       t->rol == TOEGANG_LOKAAL_TEAM;
	case EIS_TOEWIJZEN:
		return t->rol == TOEGANG_REGIO || t->rol == TOEGANG_GEMEENTE;
	case EIS_REGIO:
		return t->rol == TOEGANG_REGIO;
	case EIS_BEHEER:
		return t->rol == TOEGANG_BEHEERDER;
	}
	return false;
}

bool toegang_onderdrukken(const struct toegang *t)
{
	return t->rol == TOEGANG_PUBLIEK || t->rol == TOEGANG_BELEID;
}

static bool heeft_gemeente(const struct toegang *t, const char *code)
{
	if (!code)
		return false;
	for (size_t i = 0; i < t->n_gemeenten; i++)
		if (strcmp(t->gemeenten[i], code) == 0)
			return true;
	return false;
}

bool toegang_gemeente_exact(const struct toegang *t, const char *code)
{
	switch (t->rol) {
	case TOEGANG_REGIO:
	case TOEGANG_BEHEERDER:
		return true;
	case TOEGANG_GEMEENTE:
	case TOEGANG_LOKAAL_TEAM:
		return heeft_gemeente(t, code);
	case TOEGANG_PUBLIEK:
	case TOEGANG_AANBIEDER:
	case TOEGANG_BELEID:
		return false;
	}
	return false;
}

bool toegang_aanbieder_exact(const struct toegang *t, const char *agb)
{
	switch (t->rol) {
	case TOEGANG_REGIO:
	case TOEGANG_BEHEERDER:
		return true;
	case TOEGANG_AANBIEDER:
		return agb && t->agb[0] && strcmp(t->agb, agb) == 0;
	case TOEGANG_PUBLIEK:
	case TOEGANG_GEMEENTE:
	case TOEGANG_LOKAAL_TEAM:
	case TOEGANG_BELEID:
		return false;
	}
	return false;
}

int toegang_jeugdige(const struct toegang *t, struct store *st, int64_t jeugdige_id)
{
	char codes[SCOPE_CODES_MAX];

	if (jeugdige_id <= 0)
		return 0;
	switch (t->rol) {
	case TOEGANG_REGIO:
		return store_jeugdige_bestaat(st, jeugdige_id);
	case TOEGANG_GEMEENTE:
	case TOEGANG_LOKAAL_TEAM:
		if (t->n_gemeenten == 0 || scope_codes(t->gemeenten, t->n_gemeenten, codes) < 0)
			return 0;
		return store_jeugdige_in_gemeenten(st, jeugdige_id, codes);
	case TOEGANG_AANBIEDER:
		if (!t->agb[0])
			return 0;
		return store_jeugdige_bij_aanbieder(st, jeugdige_id, t->agb);
	case TOEGANG_PUBLIEK:
	case TOEGANG_BEHEERDER:
	case TOEGANG_BELEID:
		return 0;
	}
	return 0;
}

void toegang_filter(const struct toegang *t, struct toegang_filter *out)
{
	memset(out, 0, sizeof *out);
	out->agb = "";
	switch (t->rol) {
	case TOEGANG_REGIO:
		out->alles = true;
		break;
	case TOEGANG_GEMEENTE:
	case TOEGANG_LOKAAL_TEAM:
		out->gemeenten = (const char (*)[GEMEENTE_CODE_LEN])t->gemeenten;
		out->n_gemeenten = t->n_gemeenten;
		break;
	case TOEGANG_AANBIEDER:
		out->agb = t->agb;
		break;
	case TOEGANG_PUBLIEK:
	case TOEGANG_BEHEERDER:
	case TOEGANG_BELEID:
		break;
	}
}

int toegang_audit_vul(const struct toegang *t, struct store *st, const char *actie,
		      int64_t jeugdige_id, const char *object, struct audit_record *r)
{
	memset(r, 0, sizeof *r);
	kopieer(r->gebruiker, sizeof r->gebruiker, t->naam[0] ? t->naam : "publiek");
	kopieer(r->rol, sizeof r->rol, t->rolnaam);
	kopieer(r->namens, sizeof r->namens, t->namens);
	kopieer(r->actie, sizeof r->actie, actie);
	kopieer(r->object, sizeof r->object, object);
	kopieer(r->bron_adres, sizeof r->bron_adres, t->bron_adres);
	kopieer(r->verzoek_id, sizeof r->verzoek_id, t->verzoek_id);
	if (jeugdige_id > 0)
		return pseudoniem_van(st, jeugdige_id, r->jeugdige_pseudoniem);
	return 0;
}

const char *toegang_rol_tekst(enum toegang_rol rol)
{
	switch (rol) {
	case TOEGANG_PUBLIEK:
		return "publiek";
	case TOEGANG_BEHEERDER:
		return "beheerder";
	case TOEGANG_REGIO:
		return "SOZ (regio)";
	case TOEGANG_GEMEENTE:
		return "gemeente";
	case TOEGANG_LOKAAL_TEAM:
		return "lokaal team";
	case TOEGANG_AANBIEDER:
		return "aanbieder";
	case TOEGANG_BELEID:
		return "beleid";
	}
	return "onbekend";
}

bool toegang_in_gemeenten(const struct toegang *t, const char *code)
{
	struct toegang_filter f;

	toegang_filter(t, &f);
	if (f.alles)
		return true;
	for (size_t i = 0; i < f.n_gemeenten; i++)
		if (strcmp(f.gemeenten[i], code) == 0)
			return true;
	return false;
}
