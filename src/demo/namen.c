/* namen: see namen.h. */
#include "demo/namen.h"

#include <stdio.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const jongens[] = {
	"Noah", "Sem", "Liam", "Lucas", "Daan", "Finn", "Levi", "Luuk", "Mees", "James",
	"Milan", "Sam", "Bram", "Jesse", "Thijs", "Ruben", "Thomas", "Lars", "Julian", "Adam",
	"Mohammed", "Gijs", "Jens", "Teun", "Siem", "Stijn", "Hugo", "Otis", "Jayden", "Max",
	"Tijn", "Niek", "Ravi", "Yusuf", "Kian", "Joep", "Ties", "Olivier", "Floris", "Wouter",
};
static const char *const meisjes[] = {
	"Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva",
	"Liv", "Lotte", "Evi", "Noor", "Anna", "Saar", "Lina", "Fenna", "Milou", "Roos",
	"Fleur", "Isa", "Lisa", "Sanne", "Femke", "Nina", "Jasmijn", "Amira", "Ilse", "Hannah",
	"Maud", "Vera", "Lieke", "Esmee", "Fatima", "Elin", "Ivy", "Jill", "Loïs", "Merel",
};
static const char *const achternamen[] = {
	"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
	"Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
	"Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
	"de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
	"van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin",
	"van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven",
	"Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins",
	"Blom", "Huisman", "Peeters", "de Kok", "van Wijk", "Kuipers", "Veenstra", "Post",
	"Kramer", "van den Bosch", "Vink", "Verbeek", "Duijvestijn", "van der Zwet",
	"Warmerdam", "Zwetsloot", "van Egmond", "Hogewoning", "Kortekaas", "van Rijn",
	"Ouwehand", "Haasnoot", "van Duyn", "Guijt", "El Amrani", "Yilmaz", "Öztürk",
	"Nguyen", "Pinas", "Baldewsingh", "Kaya", "Bouzid",
};
static const char *const woorden[] = {
	"Horizon", "Kompas", "Rijnhart", "Duinzicht", "Bollenveld", "Kwadrant", "Lichtpunt",
	"Zonnehoek", "Vuurtoren", "Dijkhuis", "Meander", "Veerkracht", "Parel", "Wilgenhof",
	"Eikenhof", "Groeikracht", "Getij", "Anker", "Sleutel", "Brug", "Oever", "Helmgras",
	"Polderhuis", "Rijnstroom", "Sterrenwacht", "Kiem", "Windroos", "Boomgaard",
	"Lindenhof", "Tulpenveld", "Zeezicht", "Molenwiek", "Kastanje", "Regenboog",
	"Spectrum", "Wegwijzer", "Fundament", "Koers", "Vlinder", "Zandloper",
};

/* A name is voor + word + na. */
struct vorm {
	const char *voor, *na;
};

static const struct vorm vormen_amb[] = {
	{ "Praktijk ", "" },
	{ "", " Jeugd & Gezin" },
	{ "Kinder- en Jeugdpraktijk ", "" },
	{ "GGZ ", "" },
	{ "", " Jeugdhulp" },
	{ "Orthopedagogenpraktijk ", "" },
	{ "", " Gezinscoaching" },
	{ "Psychologenpraktijk ", "" },
};
static const struct vorm vormen_zwaar[] = {
	{ "Stichting ", "" },
	{ "", " Jeugdzorg" },
	{ "Jeugdzorggroep ", "" },
	{ "", " Zorg en Wonen" },
};
static const char *const plaatsen[] = {
	"Leiden", "Katwijk", "Alphen", "Lisse", "Rijnland", "Duin- en Bollenstreek",
	"Noordwijk", "Teylingen", "Oegstgeest", "Nieuwkoop", "Hillegom", "Rijnstreek",
};

const char *naam_voornaam(struct rng *r, int geslacht)
{
	if (geslacht == 1)
		return jongens[rng_below(r, N(jongens))];
	return meisjes[rng_below(r, N(meisjes))];
}

const char *naam_achternaam(struct rng *r)
{
	return achternamen[rng_below(r, N(achternamen))];
}


void naam_persoon(uint64_t h, char *out, size_t outlen)
{
	const char *voornaam = (h & 1) ? jongens[(h >> 1) % N(jongens)]
				       : meisjes[(h >> 1) % N(meisjes)];
	snprintf(out, outlen, "%s %s", voornaam, achternamen[(h >> 17) % N(achternamen)]);
}

/* Unique by construction: i picks the word, the form and (after the
 * first rounds) a place suffix. */
void naam_aanbieder(size_t i, unsigned segmenten, char *out, size_t outlen)
{
	const char *woord = woorden[i % N(woorden)];
	size_t ronde = i / N(woorden);
	/* Residential, crisis and safety providers sound like institutions. */
	int zwaar = (segmenten & ~((1u << 4) | (1u << 3))) != 0;
	const struct vorm *vorm = zwaar ? &vormen_zwaar[ronde % N(vormen_zwaar)]
					: &vormen_amb[ronde % N(vormen_amb)];
	char basis[96];
	snprintf(basis, sizeof basis, "%s%s%s", vorm->voor, woord, vorm->na);
	size_t extra = ronde / (zwaar ? N(vormen_zwaar) : N(vormen_amb));
	if (extra == 0)
		snprintf(out, outlen, "%s", basis);
	else if (extra <= N(plaatsen))
		snprintf(out, outlen, "%s %s", basis, plaatsen[extra - 1]);
	else
		snprintf(out, outlen, "%s %zu", basis, extra - N(plaatsen) + 1);
}
