/* verbinding: one store connection per server thread.
 *
 * A struct store is single-threaded, so every thread of the server's
 * pool gets a slot of its own, claimed on its first request and kept for
 * the thread's life; the store in it is opened lazily (on first use, and
 * again after verbinding_vergeet). verbinding_sluit_alle closes every
 * store once the threads have stopped.
 */
#ifndef JR_WEB_VERBINDING_H
#define JR_WEB_VERBINDING_H

#include <stddef.h>

struct store;

/* Prepare n slots for the database at url (borrowed; must outlive the
 * server). 0, or -1 when out of memory. */
int verbinding_init(const char *url, size_t n);

/* The calling thread's store, opening it if need be; NULL with a message
 * in err when it cannot be opened (or no slot is free). The store stays
 * owned by this module. */
struct store *verbinding_store(char *err, size_t errlen);

/* Close the calling thread's store (after a hard error, so that the next
 * request opens a fresh connection). */
void verbinding_vergeet(void);

/* Close every store and free the slots. Only after the threads that used
 * them have stopped. */
void verbinding_sluit_alle(void);

#endif
