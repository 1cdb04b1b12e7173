/* server: `jeugdregie serve`, the HTTP server on libmicrohttpd.
 *
 * One internal epoll polling thread per pool thread
 * (MHD_USE_INTERNAL_POLLING_THREAD + MHD_OPTION_THREAD_POOL_SIZE); every
 * pool thread has its own store connection (verbinding.h). Limits are set
 * explicitly: connections in total and per IP address, memory per
 * connection, an idle timeout, and a cap on request bodies (larger: 413).
 * Runs until SIGTERM or SIGINT; then it stops accepting, lets running
 * requests finish, closes the stores and returns.
 */
#ifndef JR_WEB_SERVER_H
#define JR_WEB_SERVER_H

#include <stddef.h>
#include <stdint.h>

#define SERVER_THREADS_STANDAARD 4
#define SERVER_THREADS_MAX 64
#define SERVER_BODY_MAX (1024 * 1024)

struct server_opties {
	const char *db;          /* store url (borrowed) */
	char adres[16];          /* dotted IPv4 address */
	uint16_t poort;          /* 0: let the system pick a free port */
	unsigned threads;        /* 1 .. SERVER_THREADS_MAX */
};

/* Parse a --listen value "A.B.C.D:PORT" (IPv4 in dotted decimal, port
 * 0..65535 in plain digits) into o->adres and o->poort. 0, or -1 with a
 * Dutch message in err. */
int server_lees_listen(const char *s, struct server_opties *o, char *err, size_t errlen);

/* Serve o->db until SIGTERM or SIGINT. Prints "jeugdregie serveert <db>
 * op http://ADDR:PORT/" (with the real port, and any password in the url
 * hidden) to stderr when it listens, and a line when it stops. Returns 0
 * after a clean stop, or -1 with a message in err when it could not start
 * (database, address, threads). */
int server_draai(const struct server_opties *o, char *err, size_t errlen);

#endif
