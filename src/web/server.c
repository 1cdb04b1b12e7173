/* server: see server.h. */
#include "web/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "store/store.h"
#include "web/antwoord.h"
#include "web/asset.h"
#include "web/cijfers.h"
#include "web/audit_web.h"
#include "web/cijfers_web.h"
#include "web/maandcijfers_web.h"
#include "web/formulier.h"
#include "web/ijw_web.h"
#include "web/jeugd_web.h"
#include "web/register_web.h"
#include "web/toegang.h"
#include "web/betaling_web.h"
#include "web/toewijzing_web.h"
#include "web/verzoek_web.h"
#include "web/wachtlijst_web.h"
#include "web/capaciteit_web.h"
#include "web/geld_web.h"
#include "web/koppel_web.h"
#include "web/duiding_web.h"
#include "web/raad_web.h"
#include "web/signaal_web.h"
#include "web/inloggen.h"
#include "web/pagina.h"
#include "web/route.h"
#include "web/sessie.h"
#include "web/verbinding.h"

/* Limits (see ENGINEERING.md: set them ourselves). */
#define VERBINDINGEN_MAX 256     /* open connections in total */
#define VERBINDINGEN_PER_IP 64   /* open connections per client address (an office behind NAT shares one) */
#define GEHEUGEN_PER_VERBINDING (64 * 1024)  /* headers and read buffer */
#define TIMEOUT_SECONDEN 30      /* idle connections are closed */

/* The server's own routes. The login routes are public and check their
 * own CSRF tokens (inloggen.h). */
static const struct route eigen_routes[] = {
	{ "GET", "/gezondheid", pagina_gezondheid, EIS_ASSET },
	{ "GET", "/static/{naam}", asset_zend, EIS_ASSET },
	{ "GET", "/api/v1/gemeenten", pagina_gemeenten, EIS_PUBLIEK },
	{ "GET", "/inloggen", inloggen_formulier, EIS_PUBLIEK },
	{ "POST", "/inloggen", inloggen_post, EIS_PUBLIEK },
	{ "POST", "/uitloggen", uitloggen_post, EIS_PUBLIEK },
};

/* Every module's table; routes_bouw concatenates them once at start (an
 * earlier entry wins when two patterns match). */
static const struct {
	const struct route *tabel;
	const size_t *n;
} tabellen[] = {
	{ eigen_routes, NULL },
	{ register_routes, &register_routes_n },
	{ jeugd_routes, &jeugd_routes_n },
	{ cijfers_routes, &cijfers_routes_n },
	{ maandcijfers_routes, &maandcijfers_routes_n },
	{ audit_routes, &audit_routes_n },
	{ ijw_routes, &ijw_routes_n },
	{ verzoek_routes, &verzoek_routes_n },
	{ toewijzing_routes, &toewijzing_routes_n },
	{ betaling_routes, &betaling_routes_n },
	{ wachtlijst_routes, &wachtlijst_routes_n },
	{ capaciteit_routes, &capaciteit_routes_n },
	{ koppel_routes, &koppel_routes_n },
	{ raad_routes, &raad_routes_n },
	{ geld_routes, &geld_routes_n },
	{ signaal_routes, &signaal_routes_n },
	{ duiding_routes, &duiding_routes_n },
};
static struct route *routes;
static size_t n_routes;

static int routes_bouw(void)
{
	size_t n = 0;

	for (size_t t = 0; t < sizeof tabellen / sizeof tabellen[0]; t++)
		n += tabellen[t].n ? *tabellen[t].n : sizeof eigen_routes / sizeof eigen_routes[0];
	routes = calloc(n, sizeof *routes);
	if (!routes)
		return -1;
	for (size_t t = 0; t < sizeof tabellen / sizeof tabellen[0]; t++) {
		size_t k = tabellen[t].n ? *tabellen[t].n :
			   sizeof eigen_routes / sizeof eigen_routes[0];

		memcpy(routes + n_routes, tabellen[t].tabel, k * sizeof *routes);
		n_routes += k;
	}
	return 0;
}

/* The state of one request, from the request line to its completion. */
struct verzoek_ctx {
	char *ruw;            /* the raw request target, before unescaping */
	bool gezien;          /* the access handler has seen the headers */
	bool te_groot;        /* the body passed SERVER_BODY_MAX */
	char *body;
	size_t len, cap;
};

static atomic_ulong afgehandeld;

/* ---- --listen ---------------------------------------------------------- */

int server_lees_listen(const char *s, struct server_opties *o, char *err, size_t errlen)
{
	const char *dp = strrchr(s, ':');
	struct in_addr a;
	char adres[16];
	size_t alen;
	unsigned long poort = 0;

	if (!dp) {
		snprintf(err, errlen, "--listen '%s' mist een poort; schrijf ADRES:POORT, "
			 "bijvoorbeeld --listen 127.0.0.1:8080", s);
		return -1;
	}
	alen = (size_t)(dp - s);
	if (alen == 0 || alen >= sizeof adres) {
		snprintf(err, errlen, "--listen '%s': '%.*s' is geen IPv4-adres; schrijf ADRES:POORT, "
			 "bijvoorbeeld --listen 127.0.0.1:8080", s, (int)(alen < 64 ? alen : 64), s);
		return -1;
	}
	memcpy(adres, s, alen);
	adres[alen] = '\0';
	/* inet_pton takes exactly four decimal parts, without leading zeros. */
	if (strspn(adres, "0123456789.") != alen || inet_pton(AF_INET, adres, &a) != 1) {
		snprintf(err, errlen, "--listen '%s': '%s' is geen IPv4-adres (vier getallen van 0 "
			 "tot en met 255 met punten, bijvoorbeeld 127.0.0.1)", s, adres);
		return -1;
	}
	dp++;
	if (*dp == '\0' || strlen(dp) > 5 || strspn(dp, "0123456789") != strlen(dp) ||
	    (strlen(dp) > 1 && dp[0] == '0') || (poort = strtoul(dp, NULL, 10)) > 65535) {
		snprintf(err, errlen, "--listen '%s': poort '%s' is geen getal van 0 tot en met "
			 "65535 (0 = kies een vrije poort)", s, dp);
		return -1;
	}
	memcpy(o->adres, adres, alen + 1);
	o->poort = (uint16_t)poort;
	return 0;
}

/* ---- the database url, printable --------------------------------------- */

/* url with the password of "scheme://user:password@host" and of
 * "password=..." replaced by "***". */
static void toon_db(const char *url, char *out, size_t n)
{
	const char *schema = strstr(url, "://");
	const char *pw = strstr(url, "password=");
	size_t k = 0;

	for (const char *p = url; *p && k + 4 < n;) {
		if (schema && p == schema + 3) {
			const char *at = strchr(p, '@');
			const char *slash = strchr(p, '/');
			const char *dp = strchr(p, ':');

			if (at && (!slash || at < slash) && dp && dp < at) {
				size_t len = (size_t)(dp - p) + 1;

				if (k + len + 4 >= n)
					break;
				memcpy(out + k, p, len);
				k += len;
				memcpy(out + k, "***", 3);
				k += 3;
				p = at;
				continue;
			}
		}
		if (pw && p == pw + 9) {
			memcpy(out + k, "***", 3);
			k += 3;
			p += strcspn(p, "& ");
			continue;
		}
		out[k++] = *p++;
	}
	out[k] = '\0';
}

/* ---- libmicrohttpd callbacks ------------------------------------------- */

__attribute__((format(printf, 2, 0)))
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("jeugdregie serve: libmicrohttpd: ", stderr);
	vfprintf(stderr, fmt, ap);
	if (!*fmt || fmt[strlen(fmt) - 1] != '\n')
		fputc('\n', stderr);
}

/* Called with the raw request target before anything else: the start of
 * a request's state (freed in verzoek_klaar). */
static void *verzoek_begin(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct verzoek_ctx *ctx = calloc(1, sizeof *ctx);

	(void)cls;
	(void)c;
	if (ctx && !(ctx->ruw = strdup(uri))) {
		free(ctx);
		ctx = NULL;
	}
	return ctx;
}

static void verzoek_klaar(void *cls, struct MHD_Connection *c, void **con_cls,
			  enum MHD_RequestTerminationCode toe)
{
	struct verzoek_ctx *ctx = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (ctx) {
		free(ctx->ruw);
		free(ctx->body);
		free(ctx);
		*con_cls = NULL;
	}
	atomic_fetch_add(&afgehandeld, 1);
}

static enum MHD_Result mhd_uitslag(enum web_uitslag u)
{
	switch (u) {
	case WEB_KLAAR:
	case WEB_CLIENTFOUT:
		return MHD_YES;
	case WEB_FATAAL:
		return MHD_NO;
	}
	return MHD_NO;
}

static enum web_uitslag te_groot(struct MHD_Connection *c)
{
	char melding[128];

	snprintf(melding, sizeof melding, "De inhoud van het verzoek is groter dan %d bytes.",
		 SERVER_BODY_MAX);
	return antwoord_fout(c, MHD_HTTP_CONTENT_TOO_LARGE, "te_groot", NULL, melding);
}

/* Append a chunk of the body; past the cap the body is dropped and the
 * rest only read (and answered with 413 at the end). */
static void voeg_body(struct verzoek_ctx *ctx, const char *data, size_t n)
{
	if (ctx->te_groot)
		return;
	if (n > SERVER_BODY_MAX - ctx->len) {
		ctx->te_groot = true;
		free(ctx->body);
		ctx->body = NULL;
		ctx->len = ctx->cap = 0;
		return;
	}
	if (ctx->len + n + 1 > ctx->cap) {
		size_t nc = ctx->cap ? ctx->cap : 4096;
		char *p;

		while (nc < ctx->len + n + 1)
			nc *= 2;
		if (nc > SERVER_BODY_MAX + 1)
			nc = SERVER_BODY_MAX + 1;
		p = realloc(ctx->body, nc);
		if (!p) {
			/* Treated as too large: we cannot hold it. */
			ctx->te_groot = true;
			free(ctx->body);
			ctx->body = NULL;
			ctx->len = ctx->cap = 0;
			return;
		}
		ctx->body = p;
		ctx->cap = nc;
	}
	memcpy(ctx->body + ctx->len, data, n);
	ctx->len += n;
	ctx->body[ctx->len] = '\0';
}

/* Is this a method that changes state? */
static bool schrijvend(const char *methode)
{
	return strcmp(methode, "GET") != 0 && strcmp(methode, "HEAD") != 0;
}

/* The CSRF token of a state-changing request in a session: the header
 * X-CSRF-Token, or the form field csrf. */
static bool csrf_ok(struct web_verzoek *v, const struct toegang *wie)
{
	const char *kop = MHD_lookup_connection_value(v->conn, MHD_HEADER_KIND, "X-CSRF-Token");
	char waarde[HASH_HEX_LEN + 2];
	struct formulier_veld veld = { "csrf", waarde, sizeof waarde, false };
	const char *fout = NULL;

	if (kop)
		return sessie_csrf_geldig(&wie->sessie, kop);
	if (formulier_lees(v->body, v->body_len, &veld, 1, &fout) < 0 || !veld.gezien)
		return false;
	return sessie_csrf_geldig(&wie->sessie, waarde);
}

/* The asker of v is not admitted by route r: 401 for the public (an HTML
 * GET is sent to the login page), 403 for a logged-in user. */
static enum web_uitslag geweigerd(struct web_verzoek *v, const struct toegang *wie)
{
	struct MHD_Response *resp;

	if (wie->rol != TOEGANG_PUBLIEK)
		return pagina_fout(v, MHD_HTTP_FORBIDDEN, "geen_toegang", NULL,
				   "Uw rol geeft geen toegang tot deze gegevens.");
	if (strncmp(v->pad, "/api/", 5) != 0 && strcmp(v->methode, "GET") == 0) {
		char doel[ROUTE_PAD_MAX * 3 + 32];
		size_t k = (size_t)snprintf(doel, sizeof doel, "/inloggen?terug=");

		/* Back to this page after login: the path, %-escaped as a query
		 * value (inloggen.c checks it again). */
		for (const unsigned char *p = (const unsigned char *)v->pad; *p && k + 4 < sizeof doel;
		     p++) {
			if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.~",
				   *p))
				doel[k++] = (char)*p;
			else
				k += (size_t)snprintf(doel + k, sizeof doel - k, "%%%02X", *p);
		}
		doel[k] = '\0';
		resp = antwoord_maak((void *)"", 0, false, NULL, ANTWOORD_DYNAMISCH);
		if (resp && !antwoord_header(resp, MHD_HTTP_HEADER_LOCATION, doel)) {
			MHD_destroy_response(resp);
			resp = NULL;
		}
		return antwoord_zend(v->conn, MHD_HTTP_SEE_OTHER, resp);
	}
	resp = antwoord_fout_maak("niet_ingelogd", NULL, "Log in (of stuur een API-token mee "
				  "als 'Authorization: Bearer TOKEN') om deze gegevens te zien.");
	if (resp && !antwoord_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer")) {
		MHD_destroy_response(resp);
		resp = NULL;
	}
	return antwoord_zend(v->conn, MHD_HTTP_UNAUTHORIZED, resp);
}

/* Determine the asker, check the route's eis (and CSRF), then run the
 * handler. */
static enum web_uitslag voer_uit(struct web_verzoek *v, const struct route *r)
{
	static const struct toegang publiek = { .rol = TOEGANG_PUBLIEK, .rolnaam = "publiek" };
	enum web_uitslag u = WEB_FATAAL;
	struct toegang *wie;
	struct store *st;
	int rc;

	if (r->eis == EIS_ASSET) {
		v->wie = &publiek;
		return r->handler(v);
	}
	st = pagina_store(v, &u);
	if (!st)
		return u;
	wie = malloc(sizeof *wie);
	if (!wie)
		return WEB_FATAAL;
	rc = toegang_bepaal(v, st, (int64_t)time(NULL), wie);
	v->wie = wie;
	if (rc < 0) {
		u = pagina_store_fout(v, st, rc);
	} else if (rc == 0) {
		struct MHD_Response *resp = antwoord_fout_maak(
			"ongeldig_token", NULL, "Het API-token is onbekend, ingetrokken of "
			"heeft niet de vorm 'Authorization: Bearer TOKEN'.");

		if (resp && !antwoord_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
					     "Bearer error=\"invalid_token\"")) {
			MHD_destroy_response(resp);
			resp = NULL;
		}
		u = antwoord_zend(v->conn, MHD_HTTP_UNAUTHORIZED, resp);
	} else if (!toegang_eis_ok(wie, r->eis)) {
		u = geweigerd(v, wie);
	} else if (schrijvend(v->methode) && r->eis != EIS_PUBLIEK &&
		   wie->bron == TOEGANG_SESSIE && !csrf_ok(v, wie)) {
		u = pagina_fout(v, MHD_HTTP_FORBIDDEN, "csrf", "csrf",
				"Het formulier is verlopen of niet van deze site; laad de "
				"pagina opnieuw en probeer het nog eens.");
	} else {
		u = r->handler(v);
	}
	v->wie = NULL;
	explicit_bzero(wie, sizeof *wie);
	free(wie);
	return u;
}

static enum web_uitslag behandel(struct MHD_Connection *c, const char *methode,
				 struct verzoek_ctx *ctx)
{
	struct web_verzoek *v;
	const struct route *r = NULL;
	char pad[ROUTE_PAD_MAX + 1];
	char allow[ROUTE_ALLOW_MAX];
	enum route_pad_fout pf;
	enum web_uitslag u = WEB_FATAAL;

	if (ctx->te_groot)
		return te_groot(c);
	pf = route_pad(ctx->ruw, pad);
	if (pf != ROUTE_PAD_GOED)
		return antwoord_fout(c, MHD_HTTP_BAD_REQUEST, "ongeldig_pad", NULL,
				     route_pad_melding(pf));
	v = calloc(1, sizeof *v);
	if (!v)
		return WEB_FATAAL;
	v->conn = c;
	v->methode = methode;
	v->pad = pad;
	v->body = ctx->body ? ctx->body : "";
	v->body_len = ctx->len;
	v->query = strchr(ctx->ruw, '?') ? strchr(ctx->ruw, '?') + 1 : "";
	switch (route_zoek(routes, n_routes, v, &r, allow)) {
	case ROUTE_GEVONDEN:
		u = voer_uit(v, r);
		break;
	case ROUTE_ONBEKEND:
		u = pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
				"Deze pagina of dit adres bestaat niet.");
		break;
	case ROUTE_METHODE: {
		struct MHD_Response *resp;
		char melding[192];

		snprintf(melding, sizeof melding, "De methode %.16s is hier niet toegestaan; "
			 "toegestaan: %s.", methode, allow);
		resp = antwoord_fout_maak("methode_niet_toegestaan", NULL, melding);
		if (resp && !antwoord_header(resp, MHD_HTTP_HEADER_ALLOW, allow)) {
			MHD_destroy_response(resp);
			resp = NULL;
		}
		u = antwoord_zend(c, MHD_HTTP_METHOD_NOT_ALLOWED, resp);
		break;
	}
	}
	free(v);
	return u;
}

static enum MHD_Result toegang(void *cls, struct MHD_Connection *c, const char *url,
			       const char *methode, const char *versie, const char *upload,
			       size_t *upload_len, void **con_cls)
{
	struct verzoek_ctx *ctx = *con_cls;

	(void)cls;
	(void)url;     /* already unescaped by libmicrohttpd: we route on ctx->ruw */
	(void)versie;
	if (!ctx)
		return MHD_NO;   /* verzoek_begin ran out of memory */
	if (!ctx->gezien) {
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_LENGTH);

		ctx->gezien = true;
		/* A declared length over the cap is refused before the body is
		 * read (libmicrohttpd has checked it is a number). */
		if (cl && strtoull(cl, NULL, 10) > SERVER_BODY_MAX)
			return mhd_uitslag(te_groot(c));
		return MHD_YES;
	}
	if (*upload_len) {
		voeg_body(ctx, upload, *upload_len);
		*upload_len = 0;
		return MHD_YES;
	}
	return mhd_uitslag(behandel(c, methode, ctx));
}

/* ---- start and stop ---------------------------------------------------- */

/* A listening TCP socket on o's address, or -1 with a message. */
static int luister(const struct server_opties *o, char *err, size_t errlen)
{
	struct sockaddr_in sa;
	int fd, aan = 1;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons(o->poort);
	if (inet_pton(AF_INET, o->adres, &sa.sin_addr) != 1) {
		snprintf(err, errlen, "'%s' is geen IPv4-adres", o->adres);
		return -1;
	}
	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		snprintf(err, errlen, "kan geen socket maken: %s", strerror(errno));
		return -1;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &aan, sizeof aan) < 0 ||
	    bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(fd, 128) < 0) {
		snprintf(err, errlen, "kan niet luisteren op %s:%u: %s", o->adres,
			 (unsigned)o->poort,
			 errno == EADDRINUSE ? "het adres is al in gebruik" :
			 errno == EADDRNOTAVAIL ? "dit adres hoort niet bij deze machine" :
			 errno == EACCES ? "geen toestemming (poorten onder 1024 vragen root)" :
			 strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static uint16_t echte_poort(struct MHD_Daemon *d, int fd)
{
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	struct sockaddr_in sa;
	socklen_t len = sizeof sa;

	if (info && info->port)
		return info->port;
	if (getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
		return ntohs(sa.sin_port);
	return 0;
}

int server_draai(const struct server_opties *o, char *err, size_t errlen)
{
	char db_toon[512];
	struct MHD_Daemon *d;
	sigset_t signalen, oud;
	struct store *st;
	int fd, sig = 0;
	MHD_socket rest;

	toon_db(o->db, db_toon, sizeof db_toon);
	/* Fail early, with the store's own message, and run any missing
	 * migration once rather than in every thread. */
	st = store_open(o->db, err, errlen);
	if (!st)
		return -1;
	if (store_is_empty(st) < 0) {
		snprintf(err, errlen, "database '%s': %s", db_toon, store_error(st));
		store_close(st);
		return -1;
	}
	store_close(st);
	asset_init();
	if (!routes && routes_bouw() < 0) {
		snprintf(err, errlen, "onvoldoende geheugen");
		return -1;
	}
	/* Plain HTTP on loopback: cookies without Secure (see sessie.h). */
	sessie_init(strncmp(o->adres, "127.", 4) == 0);
	inloggen_init();
	if (verbinding_init(o->db, o->threads) < 0) {
		snprintf(err, errlen, "onvoldoende geheugen");
		return -1;
	}
	fd = luister(o, err, errlen);
	if (fd < 0) {
		verbinding_sluit_alle();
		return -1;
	}

	/* The pool threads inherit a mask that blocks the stop signals, so
	 * that sigwait below receives them; a client that goes away must not
	 * kill us with SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&signalen);
	sigaddset(&signalen, SIGTERM);
	sigaddset(&signalen, SIGINT);
	pthread_sigmask(SIG_BLOCK, &signalen, &oud);

	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
			     MHD_USE_ERROR_LOG,
			     0, NULL, NULL, toegang, NULL,
			     MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
			     MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
			     MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)o->threads,
			     MHD_OPTION_CONNECTION_LIMIT, (unsigned int)VERBINDINGEN_MAX,
			     MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)VERBINDINGEN_PER_IP,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)GEHEUGEN_PER_VERBINDING,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)TIMEOUT_SECONDEN,
			     MHD_OPTION_STRICT_FOR_CLIENT, (int)1,
			     MHD_OPTION_URI_LOG_CALLBACK, verzoek_begin, NULL,
			     MHD_OPTION_NOTIFY_COMPLETED, verzoek_klaar, NULL,
			     MHD_OPTION_END);
	if (!d) {
		pthread_sigmask(SIG_SETMASK, &oud, NULL);
		close(fd);
		verbinding_sluit_alle();
		snprintf(err, errlen, "de HTTP-server kon niet starten op %s:%u (zie de melding "
			 "hierboven)", o->adres, (unsigned)o->poort);
		return -1;
	}
	fprintf(stderr, "jeugdregie serveert %s op http://%s:%u/\n", db_toon, o->adres,
		(unsigned)echte_poort(d, fd));
	fflush(stderr);

	while (sigwait(&signalen, &sig) != 0)
		;
	/* Stop accepting at once; then MHD_stop_daemon lets the requests in
	 * the handlers finish and joins the threads. */
	rest = MHD_quiesce_daemon(d);
	MHD_stop_daemon(d);
	if (rest != MHD_INVALID_SOCKET)
		close(rest);
	cijfers_sluit();
	verbinding_sluit_alle();
	pthread_sigmask(SIG_SETMASK, &oud, NULL);
	fprintf(stderr, "jeugdregie serve: gestopt na %s; %lu verzoeken afgehandeld\n",
		sig == SIGINT ? "SIGINT" : "SIGTERM", (unsigned long)atomic_load(&afgehandeld));
	return 0;
}
