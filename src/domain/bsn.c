/* bsn: 11-proef and the enumeration of test BSNs (see bsn.h). */
#include "domain/bsn.h"

#include <string.h>

/* Every number of the test range is "9999" + four free digits + d9: the
 * prefixes 99990000..99999999 are exactly the range, and each has at most
 * one d9 (the weighted sum of the prefix mod 11, when that is below 10). */
#define VRIJ 4
#define VAST_REST 6 /* (9·9 + 8·9 + 7·9 + 6·9) mod 11 = 270 mod 11 */

bool bsn_geldig(const char *s)
{
	if (!s || strlen(s) != 9)
		return false;
	int som = 0;
	bool nul = true;
	for (int i = 0; i < 9; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		int c = s[i] - '0';
		som += (i < 8 ? 9 - i : -1) * c;
		nul = nul && c == 0;
	}
	return !nul && som % 11 == 0;
}

bool bsn_is_test(const char *s)
{
	return bsn_geldig(s) && strcmp(s, "999900006") >= 0 &&
	       strcmp(s, "999999990") <= 0;
}

/* aantal[k][r]: how many strings of the last k free digits (weights k+1
 * down to 2) have a weighted sum ≡ r (mod 11). A few hundred additions,
 * recomputed per call so that nothing is shared between threads. */
static void tel_staarten(size_t aantal[VRIJ + 1][11])
{
	memset(aantal, 0, sizeof(size_t[VRIJ + 1][11]));
	aantal[0][0] = 1;
	for (int k = 1; k <= VRIJ; k++)
		for (int r = 0; r < 11; r++)
			for (int c = 0; c < 10; c++)
				aantal[k][(r + (k + 1) * c) % 11] += aantal[k - 1][r];
}

/* Valid completions of k free digits after a prefix with rest r: all
 * 10^k strings except those whose total rest would be 10 (no d9). */
static size_t geldige_staarten(size_t aantal[VRIJ + 1][11], int k, int r)
{
	size_t totaal = 1;
	for (int i = 0; i < k; i++)
		totaal *= 10;
	return totaal - aantal[k][(10 - r + 11) % 11];
}

size_t bsn_test_aantal(void)
{
	size_t aantal[VRIJ + 1][11];
	tel_staarten(aantal);
	return geldige_staarten(aantal, VRIJ, VAST_REST);
}

int bsn_test_nummer(size_t index, char out[10])
{
	size_t aantal[VRIJ + 1][11];
	tel_staarten(aantal);
	if (index >= geldige_staarten(aantal, VRIJ, VAST_REST))
		return -1;
	memcpy(out, "9999", 4);
	int r = VAST_REST;
	/* Pick each free digit as the smallest whose subtree still holds
	 * the index, like walking down a counted tree. */
	for (int k = VRIJ; k >= 1; k--) {
		for (int c = 0; c < 10; c++) {
			int rc = (r + (k + 1) * c) % 11;
			size_t n = geldige_staarten(aantal, k - 1, rc);
			if (index < n) {
				out[4 + VRIJ - k] = (char)('0' + c);
				r = rc;
				break;
			}
			index -= n;
		}
	}
	out[8] = (char)('0' + r);
	out[9] = '\0';
	return 0;
}
