/* bsn: the burgerservicenummer check (iJw rule CS002) and the test range.
 *
 * A BSN is exactly nine digits passing the 11-proef:
 * 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 ≡ 0 (mod 11).
 * "000000000" passes the sum but is refused here: it is nobody's number.
 * Synthetic data uses only the test range 999900006–999999990.
 * Pure functions, no state: safe from any thread.
 */
#ifndef JR_DOMAIN_BSN_H
#define JR_DOMAIN_BSN_H

#include <stdbool.h>
#include <stddef.h>

/* True when s is nine digits (nothing more) passing the 11-proef and not
 * all zeros. NULL is not valid. */
bool bsn_geldig(const char *s);

/* True when s is a valid BSN (bsn_geldig) inside 999900006–999999990. */
bool bsn_is_test(const char *s);

/* How many valid BSNs the test range holds. */
size_t bsn_test_aantal(void);

/* Write the index-th valid test BSN (0-based, ascending) into out as nine
 * digits and a NUL. Returns 0, or -1 when index >= bsn_test_aantal(). */
int bsn_test_nummer(size_t index, char out[10]);

#endif
