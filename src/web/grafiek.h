/* grafiek: server-side SVG charts (a line chart for trends, a bar chart)
 * and the table that carries the same numbers, plus Dutch number
 * formatting for pages.
 *
 * Every chart is readable without JavaScript, in print and by a screen
 * reader: the <svg> has role="img", a <title> and a <desc> (aria-
 * labelledby points at both), and grafiek_figuur writes the table view
 * with every value next to it. web/grafiek.js may replace the SVG with a
 * Chart.js canvas built from that table (data-waarde holds the raw
 * number of each cell, with a decimal point; "" is "no value").
 *
 * Colours are the Okabe-Ito palette (safe for the common forms of colour
 * blindness); series also differ by dash pattern and marker shape, so
 * colour is never the only cue. No style="" attributes (the
 * Content-Security-Policy forbids them): presentation attributes and
 * classes only. Coordinates are whole pixels, numbers are formatted with
 * integer arithmetic: the output does not depend on the C locale.
 *
 * Text from the caller (titles, labels, series names) is escaped here.
 * Pure apart from writing to the FILE* it borrows; thread-safe.
 */
#ifndef JR_WEB_GRAFIEK_H
#define JR_WEB_GRAFIEK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define GRAFIEK_REEKSEN_MAX 8
#define GRAFIEK_PUNTEN_MAX 64

enum grafiek_soort {
	GRAFIEK_LIJN,    /* one line per series over the labels (trends) */
	GRAFIEK_STAAF,   /* grouped vertical bars, one group per label */
};

/* One series: n_punten values (NAN: no value at that point, e.g. hidden
 * by small-count suppression; the line is broken there). */
struct grafiek_reeks {
	const char *naam;
	const double *waarden;
};

struct grafiek {
	enum grafiek_soort soort;
	const char *id;             /* unique on the page: [a-z0-9-] */
	const char *titel;          /* <title> and the table's caption */
	const char *omschrijving;   /* <desc>: what is shown, in words */
	const char *eenheid;        /* appended to values: "%", " dagen", "" */
	int decimalen;              /* 0..3, for labels and the table */
	size_t n_punten;            /* 0 .. GRAFIEK_PUNTEN_MAX */
	const char *const *labels;  /* n_punten x labels */
	size_t n_reeksen;           /* 0 .. GRAFIEK_REEKSEN_MAX */
	const struct grafiek_reeks *reeksen;
	bool met_doel;              /* draw a dashed target line at doel */
	double doel;
	const char *doel_naam;      /* "Doel 2030", for the legend */
};

/* Write the chart as an inline <svg>. An empty chart (no points, no
 * series, or no value at all) is a small svg saying "Geen gegevens".
 * Returns 0, or -1 on a write error or a bad grafiek (too many points or
 * series, decimals out of range). */
int grafiek_svg(FILE *f, const struct grafiek *g);

/* Write the table view: <table class="grafiek-tabel"> with a <caption>,
 * a header row (<th scope="col">) of the series, one row per label
 * (<th scope="row">) and cells <td data-waarde="12.5">12,5 %</td>;
 * a missing value is "–" with data-waarde="". 0 or -1 as above. */
int grafiek_tabel(FILE *f, const struct grafiek *g);

/* <figure class="grafiek" data-soort="lijn|staaf" data-eenheid="..."
 * id="...">: the svg, then the table inside <details> (the table is
 * always in the page; the details element only folds it), and a
 * <figcaption>. 0 or -1. */
int grafiek_figuur(FILE *f, const struct grafiek *g);

/* The script tags a page with figures ends with (Chart.js and our
 * grafiek.js, both from /static/: the CSP allows no inline script); the
 * page works without them. */
void grafiek_scripts(FILE *f);

/* ---- Dutch numbers ---- */

#define GRAFIEK_GETAL_LEN 48

/* v with `decimalen` decimals (0..6, rounded half away from zero),
 * thousands dots and a decimal comma: 1234.5 -> "1.234,5". NaN or out of
 * range (|v| >= 1e15): "–". Returns buf. */
char *grafiek_nl(char buf[GRAFIEK_GETAL_LEN], double v, int decimalen);

/* A whole number with thousands dots: 10715 -> "10.715". */
char *grafiek_nl_int(char buf[GRAFIEK_GETAL_LEN], int64_t v);

/* Eurocents as "€ 10.715" (whole euros, half a euro away from zero). */
char *grafiek_euro(char buf[GRAFIEK_GETAL_LEN], int64_t cent);

#endif
