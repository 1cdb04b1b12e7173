# jeugdregie: one plain, non-recursive Makefile.
#
#   make          release build:  build/release/jeugdregie
#   make run      deps + build + demo database (if absent) + the main job
#   make test     deps + sanitizer build (-Werror) + every test
#   make bench    benchmarks (print figures; never pass or fail on time)

CC      ?= gcc
DB      ?= jeugdregie.db
SEED    ?= 1

PKGS    := sqlite3 libpq libsodium libmicrohttpd libxml-2.0 xlsxwriter
WARN    := -Wall -Wextra -Wshadow -Wswitch-enum -Wformat=2 -Wundef \
           -Wstrict-prototypes -Wmissing-prototypes -Wvla -Wpointer-arith
BASE    := -std=c17 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Isrc -pthread \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm -pthread

REL_CFLAGS  := $(BASE) $(WARN) -O2 -g
TEST_CFLAGS := $(BASE) $(WARN) -Werror -O1 -g -fno-omit-frame-pointer \
               -fsanitize=address,undefined -fno-sanitize-recover=undefined

LIB_SRC  := $(sort $(wildcard src/lib/*.c src/domain/*.c src/store/*.c src/demo/*.c src/steer/*.c src/auth/*.c src/web/*.c src/ijw/*.c src/match/*.c))
MAIN_SRC := src/main.c
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
BENCH_SRC := $(sort $(wildcard bench/bench_*.c))

# Reference data embedded into the binary (src/lib/embedded.h names them).
EMBED := data_gemeenten=data/gemeenten.csv \
         data_productcodes=data/productcodes.tsv \
         data_regio_producten=data/regio_producten.tsv \
         data_ligging=data/holland_rijnland_ligging.csv \
         data_ijw_regels=data/ijw/regels.tsv \
         web_jeugdregie_css=web/jeugdregie.css \
         web_chart_js=node_modules/chart.js/dist/chart.umd.min.js \
         web_grafiek_js=web/grafiek.js \
         web_favicon_svg=web/favicon.svg
# The iJw 3.2 schemas (src/ijw/xml.c validates against them).
IJW_BERICHTEN := 301 302 305 306 307 308 315 316 317 318 319 320 323 325
EMBED += data_ijw_basisschema_xsd=data/ijw/3.2/basisschema.xsd \
         $(foreach b,$(IJW_BERICHTEN),data_ijw_jw$(b)_xsd=data/ijw/3.2/JW$(b).xsd)
# The StUF-GGk envelope schemas (src/ijw/envelop.c validates against them).
EMBED += data_envelop_ggk0310_msg_xsd=data/ijw/envelop/ggk0310_21/ggkberichten/ggk0310_msg.xsd \
         data_envelop_ggk0310_msg_stuf_xsd=data/ijw/envelop/ggk0310_21/ggkberichten/ggk0310_msg_stuf.xsd \
         data_envelop_stuf0301_xsd=data/ijw/envelop/0301/stuf0301.xsd \
         data_envelop_stuf0301mtom_xsd=data/ijw/envelop/0301/stuf0301mtom.xsd \
         data_envelop_xmlmime_xsd=data/ijw/envelop/xmlmime/xmlmime.xsd
EMBED_FILES := $(foreach e,$(EMBED),$(word 2,$(subst =, ,$(e))))

REL_OBJ  := $(LIB_SRC:%.c=build/release/%.o) build/release/gen/embedded.o
TEST_OBJ := $(LIB_SRC:%.c=build/test/%.o) build/test/gen/embedded.o
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/test/unit/%)
BENCH_BIN := $(BENCH_SRC:bench/%.c=build/release/bench/%) build/release/bench/match_bench
# Peers for tests and benchmarks only (LEMON, src/match's oracle): never in the product.
PEER_BIN := build/test/peer/lemon_mcf

.PHONY: all run test bench deps clean check-unit
all: build/release/jeugdregie

deps:
	@bash scripts/deps.sh

# Chart.js comes from npm (package.json, pinned in package-lock.json) and
# is embedded like the style sheet. Installed only when missing (after
# changing the pinned version: rm -rf node_modules); offline first, so a
# filled npm cache is enough. scripts/deps.sh provides node and npm.
node_modules/chart.js/dist/chart.umd.min.js:
	npm ci --offline --no-audit --no-fund || npm ci --no-audit --no-fund
	@test -f $@

build/gen/embedded.c: scripts/embed.sh $(EMBED_FILES)
	@mkdir -p $(dir $@)
	bash scripts/embed.sh $@ $(EMBED)

build/release/gen/embedded.o: build/gen/embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -c $< -o $@

build/test/gen/embedded.o: build/gen/embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -c $< -o $@

build/release/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -MMD -MP -c $< -o $@

build/test/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -MMD -MP -c $< -o $@

build/release/libjeugdregie.a: $(REL_OBJ)
	@rm -f $@
	ar rcs $@ $^

build/test/libjeugdregie.a: $(TEST_OBJ)
	@rm -f $@
	ar rcs $@ $^

build/release/jeugdregie: build/release/src/main.o build/release/libjeugdregie.a
	$(CC) $(REL_CFLAGS) -o $@ $^ $(LIBS)

build/test/jeugdregie: build/test/src/main.o build/test/libjeugdregie.a
	$(CC) $(TEST_CFLAGS) -o $@ $^ $(LIBS)

build/test/unit/%: tests/unit/%.c build/test/libjeugdregie.a
	@mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -MMD -MP -o $@ $< build/test/libjeugdregie.a $(LIBS) -lcmocka

build/release/bench/%: bench/%.c build/release/libjeugdregie.a
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -o $@ $< build/release/libjeugdregie.a $(LIBS)

build/test/peer/%: tests/peer/%.cc
	@mkdir -p $(dir $@)
	$(CXX) -O2 -std=c++17 -w -o $@ $<

run: deps
	@$(MAKE) --no-print-directory all
	@bash scripts/run.sh "$(DB)" "$(SEED)"

test: deps
	@$(MAKE) --no-print-directory build/test/jeugdregie build/release/jeugdregie $(UNIT_BIN) $(PEER_BIN)
	@bash tests/run.sh

bench: deps
	@$(MAKE) --no-print-directory all $(BENCH_BIN) $(PEER_BIN)
	@bash bench/run.sh

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)

# ---- fuzzing the iJw reader (not part of make test) ----------------------
# make fuzz: build tests/fuzz/fuzz_ijw_xml.c with clang and libFuzzer and
# run it FUZZ_SECONDS seconds from the seed corpus. New inputs go to
# build/fuzz/corpus (the seeds stay as they are); a crash is written to
# build/fuzz/ as crash-*: copy it into tests/fuzz/corpus/ijw_xml/ once
# fixed, so that make test keeps running it.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS  := $(BASE) $(WARN) -Werror -O1 -g -fno-omit-frame-pointer \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined

build/fuzz/fuzz_ijw_xml: tests/fuzz/fuzz_ijw_xml.c src/ijw/xml.c src/ijw/xml.h src/ijw/soort.c build/gen/embedded.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ tests/fuzz/fuzz_ijw_xml.c src/ijw/xml.c src/ijw/soort.c build/gen/embedded.c \
		$(shell pkg-config --libs libxml-2.0) -pthread

.PHONY: fuzz
fuzz: build/fuzz/fuzz_ijw_xml
	@mkdir -p build/fuzz/corpus
	build/fuzz/fuzz_ijw_xml -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
		-rss_limit_mb=4096 -artifact_prefix=build/fuzz/ build/fuzz/corpus tests/fuzz/corpus/ijw_xml
