// The browser tour: a real Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core from node_modules) logs in as each role through the real
// login form, visits that role's pages, checks what must and what must NOT
// be shown, that all text is readable (contrast), and saves a full-page
// screenshot of each. It also goes through
// the login form with the keyboard only, and looks at every page at phone
// width. Prints one "ok NAME" / "not ok NAME" line per check (with "#"
// lines saying why), the format of tests/e2e; exit status 1 when a check
// failed.
//
//   node tests/browser/tour.mjs CONFIG.json
//
// CONFIG (written by tests/e2e/browser.sh):
//   base          "http://127.0.0.1:PORT"
//   screenshots   directory for the PNG files (made if absent)
//   gebruikers    { rol: { naam, wachtwoord } } for the roles in PAGINAS
//   jeugdnamen    full names of youth in the database ("Voornamen Achternaam"):
//                 none may appear on a page of a role without personal data
//   jeugdigen     { rol: { in, uit, naam } }: a youth in the role's scope, one
//                 outside it ("-" when none applies) and the name of the first
//
//   agb, aanbieder  a provider with clients (the aanbieder user's) and its name
//
// In pad and the texts, {in}, {uit}, {naam}, {agb} and {aanbieder} stand
// for these.
//
// To add a page: add an entry to PAGINAS under each role that should see
// it (and under the roles that must be refused). Fields of an entry:
//   pad       the path to visit
//   status    expected HTTP status of the final response (default 200)
//   naar      expected final path after redirects (default: pad itself)
//   zie       texts that must be in the page's visible text
//   zieNiet   texts that must not be
//   menu      items that must be in the main menu
//   menuNiet  items that must not be in the main menu
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ALLE_MENU = ['Overzicht', 'Gemeenten', 'Aanbieders', 'Register', 'Jeugdigen', 'Verzoeken',
	'Toewijzingen', 'Betalingen', 'Berichten', 'Werkvoorraad', 'Auditlog'];
// The menu items that show personal data (roles with a scope only);
// Verzoeken is the municipality's queue (not the provider's).
const PERSOONLIJK = ['Jeugdigen', 'Verzoeken', 'Toewijzingen', 'Betalingen', 'Berichten',
	'Werkvoorraad'];
const menuZonder = (...weg) => ALLE_MENU.filter((m) => !weg.includes(m));

// Roles that may never see personal data: no youth names, no BSNs.
const ZONDER_PERSOONSGEGEVENS = new Set(['publiek', 'beleid']);

// The menu each role gets (src/web/pagina.c: Jeugdigen for roles with
// personal data, Auditlog for the beheerder).
const MENU = {
	publiek: { menu: menuZonder(...PERSOONLIJK, 'Auditlog'), menuNiet: [...PERSOONLIJK, 'Auditlog'] },
	beheerder: { menu: menuZonder(...PERSOONLIJK), menuNiet: PERSOONLIJK },
	regio: { menu: menuZonder('Auditlog'), menuNiet: ['Auditlog'] },
	gemeente: { menu: menuZonder('Auditlog'), menuNiet: ['Auditlog'] },
	lokaal_team: { menu: menuZonder('Auditlog'), menuNiet: ['Auditlog'] },
	aanbieder: { menu: menuZonder('Verzoeken', 'Auditlog'), menuNiet: ['Verzoeken', 'Auditlog'] },
	beleid: { menu: menuZonder(...PERSOONLIJK, 'Auditlog'), menuNiet: [...PERSOONLIJK, 'Auditlog'] },
};

// Pages per role.
const ingelogd = (rolTekst) => ['Ingelogd als', rolTekst, 'Uitloggen'];
const geweigerd = { status: 403, zie: ['Uw rol geeft geen toegang'] };
const dossier = { pad: '/jeugdigen/{in}', zie: ['{naam}', 'Trajecten', 'Persoonsgegevens'] };
// The municipality's allocation work: the file links to the referral form,
// the register's provider page to its toewijzingen and payments.
const toewijzen = [
	{ ...dossier, zie: [...dossier.zie, 'Verwijzen en zorg toewijzen'] },
	{ pad: '/toewijzen?jeugdige={in}', naar: '/toewijzen',
		zie: ['Verwijzen en toewijzen', '{naam}', 'Reden van de verwijzing'] },
];
const keten = [
	// One provider's: the whole region's payments make a page too long to photograph.
	{ pad: '/toewijzingen?aanbieder={agb}', naar: '/toewijzingen', zie: ['Toewijzingen'] },
	{ pad: '/betalingen?aanbieder={agb}', naar: '/betalingen', zie: ['Betalingen', '{aanbieder}'] },
	{ pad: '/aanbieders/{agb}', zie: ['{aanbieder}', 'Toewijzingen bij deze aanbieder',
		'Betalingen aan deze aanbieder'] },
];
const lijst = { pad: '/jeugdigen', zie: ['Jeugdigen', 'Naam'] };
const berichten = [
	{ pad: '/verzoeken', zie: ['Verzoeken'] },
	{ pad: '/berichten', zie: ['Berichten'] },
	{ pad: '/werkvoorraad', zie: ['Werkvoorraad'] },
];
const contracten = { pad: '/register/contracten', zie: ['Contracten'] };
// The figures: suppressed ("<10") for the public and beleid, exact for the
// others; every chart has its table.
const cijfers = [
	{ pad: '/gemeenten', zie: ['Gemeenten', 'Leiden', 'Katwijk'] },
	{ pad: '/gemeenten/0546', zie: ['Gemeente Leiden', 'Minder jeugdigen in zorg', 'Doel 2030'] },
	{ pad: '/aanbieders/{agb}/cijfers', zie: ['Cijfers van {aanbieder}'] },
	{ pad: '/doelen', zie: ['Doelen 2030', '1 op 12'] },
	{ pad: '/geld', zie: ['Verwachte uitputting', 'Plafondparadox', 'Buiten contract en PGB'] },
	{ pad: '/gemeenten/0546/geld', zie: ['Leiden', 'Verwachte uitputting'] },
	{ pad: '/duidingen', zie: ['Duidingen'] },
];
const afgeschermd = { pad: '/', zie: ['Kleine aantallen zijn afgeschermd'] };
const PAGINAS = {
	publiek: [
		{ pad: '/register', zie: ['Register'] },
		{ pad: '/register/lokale-teams', zie: ['Lokale teams'] },
		{ pad: '/register/producten', zie: ['Producten'] },
		{ pad: '/register/contracten', naar: '/inloggen', zie: ['Wachtwoord'] },
		{ pad: '/aanbieders', zie: ['Aanbieders', 'AGB'] },
		{ pad: '/aanbieders/{agb}', zie: ['{aanbieder}', '{agb}'],
			zieNiet: ['Toewijzingen bij deze aanbieder', 'Betalingen aan deze aanbieder'] },
		{ pad: '/toewijzingen', naar: '/inloggen', zie: ['Wachtwoord'] },
		{ pad: '/', zie: ['Holland Rijnland', 'Niet ingelogd', 'Inloggen'], zieNiet: ['Uitloggen'] },
		{ pad: '/inloggen', zie: ['Naam', 'Wachtwoord', 'Inloggen'] },
		{ pad: '/audit', naar: '/inloggen', zie: ['Wachtwoord'], zieNiet: ['Auditlog'] },
		...cijfers,
		afgeschermd,
		{ pad: '/signalen', naar: '/inloggen', zie: ['Wachtwoord'] },
		{ pad: '/jeugdigen', naar: '/inloggen', zie: ['Wachtwoord'] },
		{ pad: '/jeugdigen/{in}', naar: '/inloggen', zie: ['Wachtwoord'], zieNiet: ['{naam}'] },
	],
	beheerder: [
		{ pad: '/', zie: ingelogd('beheerder') },
		contracten,
		{ pad: '/audit', zie: ['Auditlog', ...ingelogd('beheerder')] },
		{ pad: '/jeugdigen', ...geweigerd },
	],
	regio: [
		{ pad: '/', zie: ingelogd('SOZ (regio)'), zieNiet: ['Kleine aantallen zijn afgeschermd'] },
		contracten,
		...cijfers,
		{ pad: '/signalen', zie: ['Signalen'] },
		lijst,
		...toewijzen,
		...keten,
		...berichten,
		{ pad: '/jeugdigen/{uit}', zie: ['Trajecten'] },
		{ pad: '/audit', ...geweigerd },
	],
	gemeente: [
		{ pad: '/', zie: ingelogd('gemeente') },
		contracten,
		...cijfers,
		{ pad: '/signalen', zie: ['Signalen'] },
		lijst,
		...toewijzen,
		...keten,
		...berichten,
		// Out of scope looks exactly like a youth that does not exist.
		{ pad: '/jeugdigen/{uit}', status: 404, zieNiet: ['Persoonsgegevens'] },
		{ pad: '/audit', ...geweigerd },
	],
	lokaal_team: [
		{ pad: '/', zie: ingelogd('lokaal team') },
		contracten,
		lijst,
		...toewijzen,
		{ pad: '/toewijzingen', zie: ['Toewijzingen'] },
		{ pad: '/audit', ...geweigerd },
	],
	aanbieder: [
		{ pad: '/', zie: ingelogd('aanbieder') },
		contracten,
		{ pad: '/aanbieders/{agb}', zie: ['{aanbieder}', '{agb}', 'Toewijzingen bij deze aanbieder',
			'Betalingen aan deze aanbieder'] },
		lijst,
		{ ...dossier, zieNiet: ['Verwijzen en zorg toewijzen'] },
		{ pad: '/toewijzingen', zie: ['Mijn toewijzingen'] },
		{ pad: '/toewijzen?jeugdige={in}', naar: '/toewijzen', ...geweigerd },
		{ pad: '/berichten', zie: ['Berichten'] },
		{ pad: '/werkvoorraad', zie: ['Werkvoorraad'] },
		{ pad: '/verzoeken', ...geweigerd },
		{ pad: '/audit', ...geweigerd },
	],
	beleid: [
		{ pad: '/', zie: ingelogd('beleid') },
		contracten,
		...cijfers,
		afgeschermd,
		{ pad: '/signalen', zie: ['Signalen'] },
		{ pad: '/jeugdigen', ...geweigerd },
		{ pad: '/jeugdigen/{in}', ...geweigerd, zieNiet: ['{naam}'] },
		{ pad: '/berichten', ...geweigerd },
		{ pad: '/toewijzingen', ...geweigerd },
		{ pad: '/audit', ...geweigerd },
	],
};

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
	'--no-first-run'];
const BSN = /\b9999\d{5}\b/;   // the test BSN range 999900006-999999990
const TELEFOON = { width: 390, height: 844 };
const SCHERM = { width: 1280, height: 900 };

let mislukt = 0;
function ok(naam) { console.log(`ok ${naam}`); }
function notOk(naam, redenen) {
	mislukt++;
	console.log(`not ok ${naam}`);
	for (const r of redenen) console.log(`#   ${r}`);
}
function uitslag(naam, redenen) { if (redenen.length) notOk(naam, redenen); else ok(naam); }
const slug = (pad) => (pad === '/' ? 'start'
	: pad.replace(/^\//, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, ''));

// Text that is too faint to read: every visible element with text of its
// own whose colour against the first opaque background behind it has a
// contrast ratio below WCAG AA (4.5:1; 3:1 for large text).
async function teZwak(page) {
	return page.evaluate(() => {
		const rgb = (s) => {
			const m = /rgba?\(([^)]+)\)/.exec(s);
			if (!m) return null;
			const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
			return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
		};
		const lum = ({ r, g, b }) => {
			const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
			return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
		};
		const achter = (e) => {
			for (; e; e = e.parentElement) {
				const c = rgb(getComputedStyle(e).backgroundColor);
				if (c && c.a > 0) return c;
			}
			return { r: 255, g: 255, b: 255, a: 1 };
		};
		const slecht = [];
		for (const e of document.body.querySelectorAll('*')) {
			if (![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
			const s = getComputedStyle(e);
			if (s.visibility === 'hidden' || e.getClientRects().length === 0) continue;
			const l1 = lum(rgb(s.color)), l2 = lum(achter(e));
			const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
			const px = parseFloat(s.fontSize);
			const groot = px >= 24 || (px >= 18.66 && Number(s.fontWeight) >= 700);
			if (ratio < (groot ? 3 : 4.5))
				slecht.push(`${e.tagName.toLowerCase()} '${e.textContent.trim().slice(0, 30)}' ${ratio.toFixed(2)}:1`);
		}
		return slecht;
	});
}

// The texts of the main menu's links.
async function menuItems(page) {
	return page.locator('nav[aria-label="Hoofdmenu"] a').allInnerTexts();
}

// p with the placeholders filled in for rol.
function vul(p, cfg, rol) {
	const j = { ...(cfg.jeugdigen[rol] ?? {}), agb: cfg.agb, aanbieder: cfg.aanbieder };
	const v = (t) => t.replace(/\{(in|uit|naam|agb|aanbieder)\}/g, (_, k) => j[k] ?? `{${k}}`);
	return { ...p, pad: v(p.pad), naar: p.naar && v(p.naar), zie: (p.zie ?? []).map(v),
		zieNiet: (p.zieNiet ?? []).map(v), naam: p.pad };
}

async function controleer(page, cfg, rol, sjabloon, fouten) {
	const p = vul(sjabloon, cfg, rol);
	const redenen = [];
	const resp = await page.goto(cfg.base + p.pad);
	const status = resp ? resp.status() : 0;
	if (status !== (p.status ?? 200)) redenen.push(`status ${status}, verwacht ${p.status ?? 200}`);
	const pad = new URL(page.url()).pathname;
	if (pad !== (p.naar ?? p.pad)) redenen.push(`kwam op ${pad}, verwacht ${p.naar ?? p.pad}`);
	const tekst = await page.locator('body').innerText();
	for (const t of p.zie ?? []) if (!tekst.includes(t)) redenen.push(`'${t}' ontbreekt`);
	for (const t of p.zieNiet ?? []) if (tekst.includes(t)) redenen.push(`'${t}' staat er, hoort niet`);
	const menu = await menuItems(page);
	const m = MENU[rol];
	// The menu is checked on the pages of the site, not on error pages.
	if (status === 200) {
		for (const t of m.menu) if (!menu.includes(t)) redenen.push(`menu mist '${t}' (menu: ${menu.join(', ')})`);
	}
	for (const t of m.menuNiet) if (menu.includes(t)) redenen.push(`menu toont '${t}'`);
	if (ZONDER_PERSOONSGEGEVENS.has(rol)) {
		const naam = cfg.jeugdnamen.find((n) => tekst.includes(n));
		if (naam) redenen.push('de naam van een jeugdige staat op de pagina');
		if (BSN.test(tekst)) redenen.push('een BSN staat op de pagina');
	}
	const zwak = await teZwak(page);
	if (zwak.length) redenen.push(`te weinig contrast: ${zwak.slice(0, 5).join('; ')}`);
	redenen.push(...fouten.splice(0));
	fs.mkdirSync(cfg.screenshots, { recursive: true });
	await page.screenshot({ path: path.join(cfg.screenshots, `${rol}-${slug(p.naam)}.png`), fullPage: true });
	uitslag(`tour_${rol}_${slug(p.naam)}`, redenen);

	// Phone width: nothing wider than the screen, except data tables (WCAG
	// 1.4.10 exempts two-dimensional content; a table in a .tabel wrapper
	// scrolls by itself, a bare one makes the page scroll sideways).
	await page.setViewportSize(TELEFOON);
	const breed = await page.evaluate(() => {
		const te = [...document.body.querySelectorAll('*')].filter((e) => !e.closest('table') &&
			e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 1);
		return te.map((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''}`).slice(0, 5);
	});
	await page.screenshot({ path: path.join(cfg.screenshots, `${rol}-${slug(p.naam)}-telefoon.png`), fullPage: true });
	await page.setViewportSize(SCHERM);
	uitslag(`tour_${rol}_${slug(p.naam)}_telefoon`, breed.length ? [`breder dan het scherm: ${breed.join(', ')}`] : []);
}

// A new context (own cookies) that collects into fouten: console errors
// (CSP violations among them), script errors, and sub-resources (CSS, JS,
// images) that fail or answer >= 400. The page's own status is checked by
// controleer; Chromium's automatic /favicon.ico request is not ours, and
// the icon's request may be cut off by the next navigation (ERR_ABORTED).
async function nieuwePagina(browser, fouten) {
	const ctx = await browser.newContext({ viewport: SCHERM });
	const page = await ctx.newPage();
	const eigen = (req) => req.isNavigationRequest() || new URL(req.url()).pathname === '/favicon.ico';
	page.on('console', (msg) => {
		if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
			fouten.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (e) => fouten.push(`scriptfout: ${e.message}`));
	page.on('response', (r) => {
		if (r.status() >= 400 && !eigen(r.request())) fouten.push(`${r.url()}: status ${r.status()}`);
	});
	const icoon = (req) => new URL(req.url()).pathname === '/static/favicon.svg' &&
		req.failure()?.errorText === 'net::ERR_ABORTED';
	page.on('requestfailed', (req) => {
		if (!eigen(req) && !icoon(req)) fouten.push(`${req.url()}: ${req.failure()?.errorText}`);
	});
	return { ctx, page };
}

// Run actie (a click or key that submits a form) and wait until the page
// it leads to has loaded.
async function verstuur(page, actie) {
	await Promise.all([page.waitForNavigation({ timeout: 15000 }), actie()]);
}

async function login(page, cfg, rol) {
	const g = cfg.gebruikers[rol];
	await page.goto(cfg.base + '/inloggen');
	await page.getByLabel('Naam').fill(g.naam);
	await page.getByLabel('Wachtwoord').fill(g.wachtwoord);
	await verstuur(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
	const redenen = [];
	const pad = new URL(page.url()).pathname;
	if (pad !== '/') redenen.push(`na inloggen op ${pad}, verwacht /`);
	const sessie = await page.locator('.sessie').innerText().catch(() => '');
	if (!sessie.includes(g.naam)) redenen.push(`'Ingelogd als ${g.naam}' ontbreekt (${sessie.trim()})`);
	uitslag(`login_${rol}`, redenen);
	return redenen.length === 0;
}

async function uitloggen(page, cfg, rol) {
	await page.goto(cfg.base + '/');
	await verstuur(page, () => page.getByRole('button', { name: 'Uitloggen' }).click());
	const tekst = await page.locator('body').innerText();
	uitslag(`uitloggen_${rol}`, tekst.includes('Niet ingelogd') ? [] : ['na uitloggen nog ingelogd']);
}

// The login form with the keyboard only: a skip link first, then name,
// password and button in that order, each with a visible focus, and Enter
// logs in.
async function toetsenbord(browser, cfg) {
	const fouten = [];
	const { ctx, page } = await nieuwePagina(browser, fouten);
	await page.goto(cfg.base + '/inloggen');
	const volgorde = [];
	const zichtbaar = [];
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const f = await page.evaluate(() => {
			const e = document.activeElement;
			if (!e || e === document.body) return null;
			const s = getComputedStyle(e);
			return {
				wat: e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}:${(e.innerText || '').trim()}`,
				focus: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
			};
		});
		if (!f) break;
		if (volgorde.includes(f.wat)) break;
		volgorde.push(f.wat);
		zichtbaar.push(f);
	}
	uitslag('toetsenbord_skiplink_eerst',
		volgorde[0] === 'a:Naar de inhoud' ? [] : [`eerste focus: ${volgorde[0]}`]);
	const i = volgorde.indexOf('#naam');
	uitslag('toetsenbord_volgorde',
		i >= 0 && volgorde[i + 1] === '#wachtwoord' && volgorde[i + 2] === 'button:Inloggen'
			? [] : [`volgorde: ${volgorde.join(' → ')}`]);
	const onzichtbaar = zichtbaar.filter((f) => !f.focus).map((f) => f.wat);
	uitslag('toetsenbord_focus_zichtbaar', onzichtbaar.length ? [`geen zichtbare focus: ${onzichtbaar.join(', ')}`] : []);

	// From the name field on, keyboard only.
	const g = cfg.gebruikers.regio;
	await page.goto(cfg.base + '/inloggen');
	await page.locator('#naam').focus();
	await page.keyboard.type(g.naam);
	await page.keyboard.press('Tab');
	await page.keyboard.type(g.wachtwoord);
	await verstuur(page, () => page.keyboard.press('Enter'));
	const sessie = await page.locator('.sessie').innerText().catch(() => '');
	uitslag('toetsenbord_inloggen', sessie.includes(g.naam) ? fouten : [`niet ingelogd: ${sessie.trim()}`, ...fouten]);
	await ctx.close();
}

async function main() {
	const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
	try {
		for (const rol of Object.keys(PAGINAS)) {
			const fouten = [];
			const { ctx, page } = await nieuwePagina(browser, fouten);
			if (rol === 'publiek' || await login(page, cfg, rol)) {
				for (const p of PAGINAS[rol]) await controleer(page, cfg, rol, p, fouten);
				if (rol !== 'publiek') await uitloggen(page, cfg, rol);
			}
			await ctx.close();
		}
		await toetsenbord(browser, cfg);
	} finally {
		await browser.close();
	}
}

main().then(() => process.exit(mislukt ? 1 : 0), (e) => {
	notOk('tour', [String(e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e)]);
	process.exit(1);
});
