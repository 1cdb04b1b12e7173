/* route: the routing table of the web server, after GNU Taler's: each
 * entry names a method, a path pattern and a handler. A path that no
 * pattern matches is 404; a path that some pattern matches but not with
 * this method is 405 with an Allow header listing the methods that would
 * have worked.
 *
 * Patterns are absolute paths whose segments are literal or "{naam}"; a
 * "{naam}" segment matches one non-empty segment, which the handler finds
 * in verzoek->param[] in pattern order. A GET route also answers HEAD
 * (libmicrohttpd leaves the body out).
 *
 * Paths are normalised before matching, from the raw request target
 * (before libmicrohttpd's own unescaping): percent-escapes are decoded;
 * an escaped '/' or '\\', NUL or another control character, a bad escape,
 * an empty segment ("//"), a "." or ".." segment (escaped or not), and a
 * path longer than ROUTE_PAD_MAX are refused (400). A trailing slash is
 * kept, so "/gezondheid/" simply matches nothing (404).
 *
 * Pure functions, no I/O, thread-safe.
 */
#ifndef JR_WEB_ROUTE_H
#define JR_WEB_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#define ROUTE_PAD_MAX 1024
#define ROUTE_PARAMS_MAX 4
#define ROUTE_ALLOW_MAX 96

/* What a handler reports. A response has been queued in the first two
 * cases; the server answers FATAAL by closing the connection. */
enum web_uitslag {
	WEB_KLAAR,       /* a response (success or server error) is queued */
	WEB_CLIENTFOUT,  /* a 4xx response about the client's request is queued */
	WEB_FATAAL,      /* no response could be queued (out of memory, ...) */
};

struct MHD_Connection;
struct toegang;

/* What a route asks of the asker (toegang.h checks it, in the server,
 * before the handler runs). The zero value admits nobody, so that a route
 * without an eis fails closed. */
enum route_eis {
	EIS_NIEMAND = 0,
	EIS_ASSET,            /* everybody; no session lookup (static files) */
	EIS_PUBLIEK,          /* everybody; the page may show who is logged in */
	EIS_INGELOGD,         /* any user or API token */
	EIS_PERSOONSGEGEVENS, /* regio, gemeente, lokaal_team, aanbieder */
	EIS_GEMEENTELIJK,     /* regio, gemeente, lokaal_team: the municipality's work */
	EIS_TOEWIJZEN,        /* regio, gemeente: deciding on care (JW301/JW319) */
	EIS_REGIO,            /* regio (SOZ) */
	EIS_BEHEER,           /* beheerder (users, configuration, audit log) */
};

/* One request as the handler sees it. Everything is borrowed from the
 * server for the duration of the handler call. */
struct web_verzoek {
	struct MHD_Connection *conn;
	const char *methode;
	const char *pad;                       /* normalised, decoded */
	const char *param[ROUTE_PARAMS_MAX];   /* values of the {naam} segments */
	char param_buf[ROUTE_PAD_MAX];         /* storage of param[] */
	const char *body;                      /* NUL-terminated; "" when none */
	size_t body_len;
	const char *query;                     /* raw text after '?' ("" none) */
	const struct toegang *wie;             /* the asker (never NULL in a handler) */
};

typedef enum web_uitslag (*web_handler)(struct web_verzoek *v);

struct route {
	const char *methode;   /* "GET", "POST", ... */
	const char *patroon;   /* "/api/v1/gemeenten/{code}" */
	web_handler handler;
	enum route_eis eis;
};

enum route_pad_fout {
	ROUTE_PAD_GOED,
	ROUTE_PAD_TE_LANG,     /* longer than ROUTE_PAD_MAX */
	ROUTE_PAD_GEEN_SLASH,  /* does not start with '/' */
	ROUTE_PAD_ESCAPE,      /* a bad %-escape, or an escaped '/' or '\\' */
	ROUTE_PAD_TEKEN,       /* NUL or another control character, or '\\' */
	ROUTE_PAD_LEEG_DEEL,   /* "//" */
	ROUTE_PAD_PUNT_DEEL,   /* "." or ".." segment */
};

/* Normalise the path of raw request target ruw (up to '?' or '#') into
 * uit[ROUTE_PAD_MAX + 1]. */
enum route_pad_fout route_pad(const char *ruw, char uit[ROUTE_PAD_MAX + 1]);

/* A Dutch sentence for a refusal by route_pad (static string). */
const char *route_pad_melding(enum route_pad_fout f);

enum route_uitkomst {
	ROUTE_GEVONDEN,        /* *gevonden set, v->param[] filled */
	ROUTE_ONBEKEND,        /* 404 */
	ROUTE_METHODE,         /* 405; allow[] holds "GET, HEAD" etc. */
};

/* Look up v->methode and v->pad in tabel[0..n). */
enum route_uitkomst route_zoek(const struct route *tabel, size_t n, struct web_verzoek *v,
			       const struct route **gevonden, char allow[ROUTE_ALLOW_MAX]);

#endif
