/* asset: the static files embedded in the binary at build time (style
 * sheet, Chart.js from npm, our chart script, the icon), served under
 * /static/NAAM with an ETag and a year-long public cache. Pages link
 * them as "/static/NAAM?v=ETAG" (asset_url), so a new build changes the
 * address and no browser keeps an old copy. An If-None-Match that lists
 * the ETag gets 304.
 *
 * The table and the ETags are static and computed once (asset_init);
 * thread-safe afterwards.
 */
#ifndef JR_WEB_ASSET_H
#define JR_WEB_ASSET_H

#include "web/route.h"

/* Compute the ETags; once, before the server starts. */
void asset_init(void);

/* GET /static/{naam}: the file, 304, or 404 for an unknown name. */
enum web_uitslag asset_zend(struct web_verzoek *v);

/* "/static/NAAM?v=ETAG" (static storage), or "/static/NAAM" for a name
 * not in the table. */
const char *asset_url(const char *naam);

#endif
