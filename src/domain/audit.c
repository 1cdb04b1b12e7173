/* audit: see audit.h. */
#include "domain/audit.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char AUDIT_BEGIN_HASH[HASH_HEX_LEN + 1] =
	"0000000000000000000000000000000000000000000000000000000000000000";

static const char TAG[] = "jeugdregie-audit-1";

bool audit_actie_geldig(const char *actie)
{
	static const char *const acties[] = {
#define NAAM(a) #a,
		AUDIT_ACTIES(NAAM)
#undef NAAM
	};

	for (size_t i = 0; actie && i < sizeof acties / sizeof acties[0]; i++)
		if (strcmp(acties[i], actie) == 0)
			return true;
	return false;
}

/* Append an 8-byte big-endian length and the bytes, as far as they fit;
 * *o counts what the whole would take. */
static void veld(unsigned char *buf, size_t n, size_t *o, const char *v, size_t len)
{
	for (int i = 7; i >= 0; i--) {
		if (*o < n)
			buf[*o] = (unsigned char)((uint64_t)len >> (8 * i));
		(*o)++;
	}
	for (size_t i = 0; i < len; i++, (*o)++)
		if (*o < n)
			buf[*o] = (unsigned char)v[i];
}

static void tekst(unsigned char *buf, size_t n, size_t *o, const char *v, size_t cap)
{
	const char *eind = memchr(v, '\0', cap);

	veld(buf, n, o, v, eind ? (size_t)(eind - v) : cap);
}

#define TEKST(f) tekst(buf, n, &o, r->f, sizeof r->f)

size_t audit_serialiseer(const struct audit_record *r, unsigned char *buf, size_t n)
{
	char id[24];
	size_t o = 0;

	veld(buf, n, &o, TAG, sizeof TAG - 1);
	snprintf(id, sizeof id, "%" PRId64, r->id);
	veld(buf, n, &o, id, strlen(id));
	TEKST(tijdstip);
	TEKST(gebruiker);
	TEKST(rol);
	TEKST(namens);
	TEKST(jeugdige_pseudoniem);
	TEKST(actie);
	TEKST(object);
	TEKST(bron_adres);
	TEKST(verzoek_id);
	return o;
}

#undef TEKST

void audit_keten_hash(const char *vorige_hash, const struct audit_record *r,
		      char out[HASH_HEX_LEN + 1])
{
	/* Every field is bounded by its array, so this always fits. */
	unsigned char buf[1024];
	size_t len = audit_serialiseer(r, buf, sizeof buf);
	struct hash_staat h;

	_Static_assert(sizeof(struct audit_record) + 12 * 8 + sizeof TAG + 24 < 1024,
		       "serialisatiebuffer te klein");
	if (len > sizeof buf || hash_begin(&h, NULL, 0) < 0) {
		memset(out, '!', HASH_HEX_LEN);
		out[HASH_HEX_LEN] = '\0';
		return;
	}
	hash_voeg(&h, vorige_hash, strnlen(vorige_hash, HASH_HEX_LEN));
	hash_voeg(&h, buf, len);
	hash_einde_hex(&h, out);
}

const char *audit_breuk_naam(enum audit_breuk b)
{
	switch (b) {
	case AUDIT_INTACT: return "intact";
	case AUDIT_GEWIJZIGD: return "gewijzigd";
	case AUDIT_SCHAKEL: return "schakel verbroken";
	case AUDIT_VERWIJDERD: return "verwijderd";
	case AUDIT_VERWISSELD: return "verwisseld";
	case AUDIT_VOLGORDE: return "volgorde";
	case AUDIT_KOP: return "kop";
	}
	return "?";
}

void audit_controle_begin(struct audit_controle *c)
{
	memset(c, 0, sizeof *c);
	memcpy(c->laatste_hash, AUDIT_BEGIN_HASH, sizeof c->laatste_hash);
	c->soort = AUDIT_INTACT;
}

__attribute__((format(printf, 4, 5)))
static int breuk(struct audit_controle *c, enum audit_breuk soort, int64_t id, const char *fmt, ...)
{
	va_list ap;

	c->soort = soort;
	c->gebroken_id = id;
	va_start(ap, fmt);
	vsnprintf(c->reden, sizeof c->reden, fmt, ap);
	va_end(ap);
	c->wacht = false;
	return 1;
}

static bool hash_past(const char *vorige, const struct audit_record *r, int64_t als_id)
{
	struct audit_record k = *r;
	char h[HASH_HEX_LEN + 1];

	k.id = als_id;
	audit_keten_hash(vorige, &k, h);
	return strcmp(h, r->hash) == 0;
}

static void aanvaard(struct audit_controle *c, const struct audit_record *r)
{
	c->n++;
	c->laatste_id = r->id;
	memcpy(c->laatste_hash, r->hash, sizeof c->laatste_hash);
}

/* The held-back record v alone: its hash fits neither its content nor the
 * record before, and it was not half of a swap. */
static int oordeel_verdacht(struct audit_controle *c)
{
	const struct audit_record *v = &c->verdacht;

	return breuk(c, AUDIT_GEWIJZIGD, v->id,
		     "record %" PRId64 " is gewijzigd: de opgeslagen hash past niet bij de inhoud, "
		     "en vorige_hash wijst niet naar record %" PRId64,
		     v->id, c->laatste_id);
}

int audit_controle_volgende(struct audit_controle *c, const struct audit_record *r)
{
	bool eigen, schakel;

	if (c->soort != AUDIT_INTACT)
		return 1;
	if (c->wacht) {
		const struct audit_record *v = &c->verdacht;

		/* Swapped neighbours: each fits the other's id and place. */
		if (r->id == v->id + 1 && strcmp(r->vorige_hash, c->laatste_hash) == 0 &&
		    strcmp(v->vorige_hash, r->hash) == 0 &&
		    hash_past(c->laatste_hash, r, v->id) && hash_past(r->hash, v, r->id))
			return breuk(c, AUDIT_VERWISSELD, v->id,
				     "records %" PRId64 " en %" PRId64 " zijn verwisseld: hun inhoud "
				     "staat op elkaars plaats", v->id, r->id);
		return oordeel_verdacht(c);
	}
	if (r->id <= c->laatste_id)
		return breuk(c, AUDIT_VOLGORDE, r->id,
			     "record %" PRId64 " komt na record %" PRId64 ": de ids lopen niet op",
			     r->id, c->laatste_id);
	if (r->id != c->laatste_id + 1) {
		if (r->id == c->laatste_id + 2)
			return breuk(c, AUDIT_VERWIJDERD, c->laatste_id + 1,
				     "record %" PRId64 " ontbreekt (verwijderd): na record %" PRId64
				     " volgt %" PRId64, c->laatste_id + 1, c->laatste_id, r->id);
		return breuk(c, AUDIT_VERWIJDERD, c->laatste_id + 1,
			     "records %" PRId64 " t/m %" PRId64 " ontbreken (verwijderd)",
			     c->laatste_id + 1, r->id - 1);
	}
	eigen = hash_past(r->vorige_hash, r, r->id);
	schakel = strcmp(r->vorige_hash, c->laatste_hash) == 0;
	if (eigen && schakel) {
		aanvaard(c, r);
		return 0;
	}
	if (!eigen && schakel)
		return breuk(c, AUDIT_GEWIJZIGD, r->id,
			     "record %" PRId64 " is gewijzigd: de opgeslagen hash past niet bij "
			     "de inhoud", r->id);
	if (eigen && !schakel)
		return breuk(c, AUDIT_SCHAKEL, r->id,
			     "record %" PRId64 " sluit niet aan op record %" PRId64 " (vorige_hash "
			     "verschilt): de keten is vanaf hier herschreven of een record is "
			     "vervangen", r->id, c->laatste_id);
	/* Neither fits. Only vorige_hash changed? */
	if (hash_past(c->laatste_hash, r, r->id))
		return breuk(c, AUDIT_SCHAKEL, r->id,
			     "record %" PRId64 ": vorige_hash is gewijzigd (de rest van het record "
			     "is ongeschonden)", r->id);
	/* Perhaps half of a swap: decide with the next record. */
	c->verdacht = *r;
	c->wacht = true;
	return 0;
}

int audit_controle_einde(struct audit_controle *c, int64_t kop_id, const char *kop_hash)
{
	if (c->soort != AUDIT_INTACT)
		return 1;
	if (c->wacht)
		return oordeel_verdacht(c);
	if (kop_id < 0) {
		if (c->n == 0)
			return 0;
		return breuk(c, AUDIT_KOP, c->laatste_id,
			     "de kop van de keten (audit_kop) ontbreekt terwijl er %" PRId64
			     " records zijn", c->n);
	}
	if (kop_id > c->laatste_id) {
		if (kop_id == c->laatste_id + 1)
			return breuk(c, AUDIT_VERWIJDERD, kop_id,
				     "record %" PRId64 " ontbreekt (verwijderd): het was het laatste "
				     "record volgens de kop", kop_id);
		return breuk(c, AUDIT_VERWIJDERD, c->laatste_id + 1,
			     "records %" PRId64 " t/m %" PRId64 " ontbreken (verwijderd): de kop "
			     "noemt %" PRId64 " als laatste", c->laatste_id + 1, kop_id, kop_id);
	}
	if (kop_id < c->laatste_id)
		return breuk(c, AUDIT_KOP, kop_id + 1,
			     "record %" PRId64 " en later staan niet in de kop (die eindigt bij %"
			     PRId64 "): buiten de keten om toegevoegd", kop_id + 1, kop_id);
	if (!kop_hash || strcmp(kop_hash, c->laatste_hash) != 0)
		return breuk(c, AUDIT_KOP, c->laatste_id,
			     "de hash in de kop past niet bij record %" PRId64, c->laatste_id);
	return 0;
}
