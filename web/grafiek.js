/* grafiek.js: progressive enhancement of the server's charts.
 *
 * Every chart on a page is a <figure class="grafiek"> with an inline SVG
 * (drawn by the server, src/web/grafiek.c) and a table with the same
 * numbers (each cell's raw value in data-waarde). When Chart.js is loaded
 * (/static/chart.umd.min.js), this script replaces the SVG by an
 * interactive Chart.js canvas built from that table; the table stays on
 * the page. Without JavaScript, or when anything goes wrong, the SVG
 * stays. No inline styles or scripts (the Content-Security-Policy forbids
 * them): sizes come from the style sheet.
 */
(function () {
	'use strict';

	/* Okabe-Ito, in the server's order, and its dash patterns. */
	var KLEUREN = ['#0072B2', '#D55E00', '#009E73', '#E69F00',
		'#CC79A7', '#56B4E9', '#000000', '#F0E442'];
	var STREPEN = [[], [6, 3], [2, 3], [8, 3, 2, 3], [], [6, 3], [2, 3], [8, 3, 2, 3]];
	var VORMEN = ['circle', 'rect', 'triangle', 'rectRot'];

	function nl(v, decimalen) {
		return v.toLocaleString('nl-NL', {
			minimumFractionDigits: decimalen,
			maximumFractionDigits: decimalen
		});
	}

	function leesTabel(tabel) {
		var kop = tabel.querySelectorAll('thead th');
		var rijen = tabel.querySelectorAll('tbody tr');
		var labels = [], reeksen = [], i, k;

		for (k = 1; k < kop.length; k++) {
			reeksen.push({ naam: kop[k].textContent, waarden: [] });
		}
		for (i = 0; i < rijen.length; i++) {
			var th = rijen[i].querySelector('th');
			var cellen = rijen[i].querySelectorAll('td');

			if (!th) {
				continue;
			}
			labels.push(th.textContent);
			for (k = 0; k < reeksen.length && k < cellen.length; k++) {
				var w = cellen[k].getAttribute('data-waarde');

				reeksen[k].waarden.push(w === null || w === '' ? null : Number(w));
			}
		}
		return { labels: labels, reeksen: reeksen };
	}

	function maak(figuur) {
		var tabel = figuur.querySelector('table.grafiek-tabel');
		var beeld = figuur.querySelector('.grafiek-beeld');
		var svg = beeld && beeld.querySelector('svg');

		if (!tabel || !beeld || !svg) {
			return;
		}
		var gegevens = leesTabel(tabel);

		/* Nothing visible (e.g. every value suppressed): keep the server's
		 * "Geen gegevens" chart. */
		var iets = gegevens.reeksen.some(function (r) {
			return r.waarden.some(function (w) { return w !== null; });
		});

		if (gegevens.labels.length === 0 || !iets) {
			return;
		}
		var soort = figuur.getAttribute('data-soort') === 'staaf' ? 'bar' : 'line';
		var eenheid = figuur.getAttribute('data-eenheid') || '';
		var decimalen = Number(figuur.getAttribute('data-decimalen') || '0');
		var doel = figuur.getAttribute('data-doel');
		var titel = svg.querySelector('title');
		var desc = svg.querySelector('desc');
		var sets = gegevens.reeksen.map(function (r, i) {
			return {
				label: r.naam,
				data: r.waarden,
				borderColor: KLEUREN[i % KLEUREN.length],
				backgroundColor: KLEUREN[i % KLEUREN.length],
				borderDash: STREPEN[i % STREPEN.length],
				pointStyle: VORMEN[i % VORMEN.length],
				pointRadius: 4,
				borderWidth: 2.5,
				spanGaps: false
			};
		});

		if (doel !== null && doel !== '') {
			var d = Number(doel);

			sets.push({
				label: figuur.getAttribute('data-doel-naam') || 'Doel',
				data: gegevens.labels.map(function () { return d; }),
				type: 'line',
				borderColor: '#1b1b1b',
				backgroundColor: '#1b1b1b',
				borderDash: [4, 4],
				borderWidth: 1.5,
				pointRadius: 0
			});
		}

		var canvas = document.createElement('canvas');

		canvas.setAttribute('role', 'img');
		canvas.setAttribute('aria-label', (titel ? titel.textContent : '') +
			(desc ? '. ' + desc.textContent : ''));
		canvas.textContent = desc ? desc.textContent : '';
		var houder = document.createElement('div');

		houder.className = 'grafiek-canvas';
		houder.appendChild(canvas);
		try {
			new window.Chart(canvas, {
				type: soort,
				data: { labels: gegevens.labels, datasets: sets },
				options: {
					responsive: true,
					maintainAspectRatio: false,
					animation: false,
					scales: {
						y: {
							beginAtZero: true,
							ticks: {
								callback: function (v) { return nl(v, decimalen) + eenheid; }
							}
						}
					},
					plugins: {
						legend: { labels: { usePointStyle: true } },
						tooltip: {
							callbacks: {
								label: function (c) {
									return c.dataset.label + ': ' +
										(c.parsed.y === null ? '–' : nl(c.parsed.y, decimalen) + eenheid);
								}
							}
						}
					}
				}
			});
		} catch (e) {
			return;
		}
		beeld.classList.add('vervangen');
		beeld.parentNode.insertBefore(houder, beeld);
	}

	function start() {
		if (typeof window.Chart !== 'function') {
			return;
		}
		var figuren = document.querySelectorAll('figure.grafiek');

		for (var i = 0; i < figuren.length; i++) {
			maak(figuren[i]);
		}
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	} else {
		start();
	}
}());
