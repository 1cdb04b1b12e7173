/* embedded: reference data compiled into the binary (see scripts/embed.sh
 * and EMBED in the Makefile). Each array is NUL-terminated text; _len
 * excludes the NUL. Static storage, never freed. */
#ifndef JR_LIB_EMBEDDED_H
#define JR_LIB_EMBEDDED_H

#include <stddef.h>

/* The 13 municipalities of Holland Rijnland (copy of shared/data). */
extern const unsigned char data_gemeenten[];
extern const size_t data_gemeenten_len;

/* The national Standaardproductcodelijst Jeugdwet, tab-separated. */
extern const unsigned char data_productcodes[];
extern const size_t data_productcodes_len;

/* The products the demo region contracts, with segment, group flag,
 * unit and 2025 tariff. */
extern const unsigned char data_regio_producten[];
extern const size_t data_regio_producten_len;

/* The style sheet of the web interface (web/jeugdregie.css), served as
 * /static/jeugdregie.css. */
extern const unsigned char web_jeugdregie_css[];
extern const size_t web_jeugdregie_css_len;

/* Chart.js (npm package chart.js, dist/chart.umd.min.js) and our
 * progressive enhancement web/grafiek.js, served as
 * /static/chart.umd.min.js and /static/grafiek.js (src/web/cijfers_web.c). */
extern const unsigned char web_chart_js[];
extern const size_t web_chart_js_len;
extern const unsigned char web_grafiek_js[];
extern const size_t web_grafiek_js_len;

/* The icon of the web interface (web/favicon.svg). */
extern const unsigned char web_favicon_svg[];
extern const size_t web_favicon_svg_len;

/* The iJw 3.2 XML schemas (data/ijw/3.2/, byte-identical to shared/ijw/xsd/):
 * the common basisschema and one per message; src/ijw/xml.c compiles them. */
extern const unsigned char data_ijw_basisschema_xsd[];
extern const size_t data_ijw_basisschema_xsd_len;
extern const unsigned char data_ijw_jw301_xsd[];
extern const size_t data_ijw_jw301_xsd_len;
extern const unsigned char data_ijw_jw302_xsd[];
extern const size_t data_ijw_jw302_xsd_len;
extern const unsigned char data_ijw_jw305_xsd[];
extern const size_t data_ijw_jw305_xsd_len;
extern const unsigned char data_ijw_jw306_xsd[];
extern const size_t data_ijw_jw306_xsd_len;
extern const unsigned char data_ijw_jw307_xsd[];
extern const size_t data_ijw_jw307_xsd_len;
extern const unsigned char data_ijw_jw308_xsd[];
extern const size_t data_ijw_jw308_xsd_len;
extern const unsigned char data_ijw_jw315_xsd[];
extern const size_t data_ijw_jw315_xsd_len;
extern const unsigned char data_ijw_jw316_xsd[];
extern const size_t data_ijw_jw316_xsd_len;
extern const unsigned char data_ijw_jw317_xsd[];
extern const size_t data_ijw_jw317_xsd_len;
extern const unsigned char data_ijw_jw318_xsd[];
extern const size_t data_ijw_jw318_xsd_len;
extern const unsigned char data_ijw_jw319_xsd[];
extern const size_t data_ijw_jw319_xsd_len;
extern const unsigned char data_ijw_jw320_xsd[];
extern const size_t data_ijw_jw320_xsd_len;
extern const unsigned char data_ijw_jw323_xsd[];
extern const size_t data_ijw_jw323_xsd_len;
extern const unsigned char data_ijw_jw325_xsd[];
extern const size_t data_ijw_jw325_xsd_len;

#endif
