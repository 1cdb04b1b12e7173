/* register: the registry reads declared in store.h: public data, no
 * personal data. */
#include "store/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/driver.h"
#include "store/store_intern.h"

static const struct sql_stmt register_gemeenten = {
	"register_gemeenten",
	"SELECT code, naam, subregio, inwoners, jeugdigen_0_17 FROM gemeente ORDER BY code",
};

static int fail(struct store *st, int rc)
{
	if (rc < 0)
		snprintf(st->err, sizeof st->err, "%s", st->drv->error(st->conn));
	return rc;
}

/* Column col as text into dst (NULL reads as ""; cut at n - 1). */
static void kolom_tekst(struct store *st, struct db_stmt *s, int col, char *dst, size_t n)
{
	const char *v = st->drv->column_text(s, col);
	size_t len = v ? strlen(v) : 0;

	if (len >= n)
		len = n - 1;
	if (len)
		memcpy(dst, v, len);
	dst[len] = '\0';
}

int store_gemeenten(struct store *st, struct gemeente **out, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &register_gemeenten);
	struct gemeente *arr = NULL;
	size_t cnt = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return fail(st, -2);
	while ((rc = fail(st, st->drv->step(s))) == 1) {
		struct gemeente *g;

		if (cnt == cap) {
			size_t nc = cap ? cap * 2 : 16;
			void *p = nc > INT32_MAX / sizeof *arr ? NULL : realloc(arr, nc * sizeof *arr);

			if (!p) {
				snprintf(st->err, sizeof st->err,
					 "onvoldoende geheugen voor %zu gemeenten", nc);
				rc = -2;
				break;
			}
			arr = p;
			cap = nc;
		}
		g = &arr[cnt++];
		memset(g, 0, sizeof *g);
		kolom_tekst(st, s, 0, g->code, sizeof g->code);
		kolom_tekst(st, s, 1, g->naam, sizeof g->naam);
		kolom_tekst(st, s, 2, g->subregio, sizeof g->subregio);
		g->inwoners = st->drv->column_int64(s, 3);
		g->jeugdigen_0_17 = st->drv->column_int64(s, 4);
	}
	st->drv->reset(s);
	if (rc < 0) {
		free(arr);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return (int)cnt;
}

const char *store_backend(const struct store *st)
{
	switch (st->drv->dialect) {
	case DB_DIALECT_SQLITE:
		return "sqlite";
	case DB_DIALECT_POSTGRES:
		return "postgresql";
	}
	return "onbekend";
}
