/* fuzz_ijw_xml: libFuzzer target over the reader of iJw messages
 * (ijw_xml_controleer: size, encoding, parse without DOCTYPE, recognise,
 * XSD validation), built by 'make fuzz' with clang
 * -fsanitize=fuzzer,address,undefined. Seeds: tests/fuzz/corpus/ijw_xml/
 * (the example messages and hostile files); every file there also runs
 * through the same entry point in 'make test' (tests/unit/test_ijw_xml.c,
 * test_fuzzkorpus), so an input that once crashed stays tested.
 *
 * Besides crashes and leaks the target checks the contract: never a
 * system failure on input alone, 0 exactly when there is no finding, a
 * valid document is recognised and validated. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ijw/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ijw_document d;
	char err[256];
	int rc = ijw_xml_controleer(&d, data, size, err, sizeof err);

	if (rc < 0) {
		fprintf(stderr, "fuzz_ijw_xml: systeemfout: %s\n", err);
		abort();
	}
	if ((rc == 0) != (d.n_bevindingen == 0 && d.weggelaten == 0) ||
	    (rc == 0 && (!d.herkend || !d.gevalideerd || !d.doc)))
		abort();
	ijw_document_vrij(&d);
	return 0;
}
