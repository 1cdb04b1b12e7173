/* store_intern: the inside of struct store, shared by the modules of
 * src/store/ that work through the driver (store.c, kopie.c). Not for use
 * outside src/store/. */
#ifndef JR_STORE_INTERN_H
#define JR_STORE_INTERN_H

#include "store/driver.h"

#define STORE_ERR_LEN 768

struct store {
	const struct db_driver *drv;
	struct db_conn *conn;
	int version;
	char err[STORE_ERR_LEN];
};

#endif
