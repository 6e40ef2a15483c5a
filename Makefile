# adcc — build, test, demo, install.  See README.md.
#   make            the compiler (./adcc) and the runtime (runtime/libadccrt.a)
#   make check      every test; ends with "N passed, M failed"
#   make demo       adcc on a bundled sample
#   make bench      benchmarks (bench/README.md)
#   make install PREFIX=/usr/local

PREFIX ?= /usr/local
LLVM   ?= /usr/lib/llvm-19
CC     ?= gcc
CFLAGS ?= -O2 -g
WARN    = -Wall -Wextra -Wpedantic -Wshadow
B       = build
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) -Icompiler -I$(B)
# flex and bison output: C11 with POSIX, minus warnings about their own code
GEN_CFLAGS = -std=gnu11 -Wall -Wno-unused-function -Wno-sign-compare $(CFLAGS) \
	-Icompiler -Igrammar -I$(B)

COMPILER = main arena diag type ir print verify dot front clean cse loops rules activity fwd rev emit request
GRAMMARS = irread spec
OBJS = $(COMPILER:%=$(B)/%.o) $(GRAMMARS:%=$(B)/%.tab.o) $(GRAMMARS:%=$(B)/%.lex.o)
HDRS = compiler/adcc.h compiler/ops.h compiler/rules.h

RT_OBJS = $(B)/rt/tape.o $(B)/rt/snapshot.o $(B)/rt/revolve.o $(B)/rt/special.o $(B)/rt/adjcopy.o $(B)/rt/blocks.o
RT_HDRS = runtime/adcc_rt.h runtime/rt.h

.PHONY: all deps check check-san demo bench install clean
.SECONDARY:
all: deps adcc runtime/libadccrt.a

deps:
	@sh tools/deps.sh

adcc: $(OBJS)
	$(CC) $(CFLAGS) -o $@ $(OBJS) -L$(LLVM)/lib -Wl,-rpath,$(LLVM)/lib -lclang -lm

$(B)/%.o: compiler/%.c $(HDRS) | $(B)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Only the front end sees libclang's headers.
$(B)/front.o: compiler/front.c $(HDRS) | $(B)
	$(CC) $(ALL_CFLAGS) -I$(LLVM)/include -c -o $@ $<

$(B)/%.tab.c $(B)/%.tab.h: grammar/%.y | $(B)
	bison -Wall -d -o $(B)/$*.tab.c $<

$(B)/%.lex.c: grammar/%.l $(B)/%.tab.h | $(B)
	flex -o $@ $<

$(B)/%.tab.o: $(B)/%.tab.c $(HDRS)
	$(CC) $(GEN_CFLAGS) -c -o $@ $<

$(B)/%.lex.o: $(B)/%.lex.c $(HDRS)
	$(CC) $(GEN_CFLAGS) -c -o $@ $<

$(B):
	mkdir -p $(B) $(B)/rt

# ---- runtime ----
$(B)/rt/%.o: runtime/%.c $(RT_HDRS) | $(B)
	$(CC) $(ALL_CFLAGS) -Iruntime -c -o $@ $<

runtime/libadccrt.a: $(RT_OBJS)
	rm -f $@
	ar rcs $@ $(RT_OBJS)

# the runtime built with the sanitizers, for make check-san
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_OBJS = $(RT_OBJS:$(B)/rt/%=$(B)/san/%)
$(B)/san/%.o: runtime/%.c $(RT_HDRS) | $(B)
	@mkdir -p $(B)/san
	$(CC) $(ALL_CFLAGS) $(SAN) -Iruntime -c -o $@ $<

$(B)/san/libadccrt.a: $(SAN_OBJS)
	rm -f $@
	ar rcs $@ $(SAN_OBJS)

# ---- tests, demo, bench ----
check: all
	@bash tests/lit.sh

# every execution test again under AddressSanitizer and UBSan
check-san: all $(B)/san/libadccrt.a
	@ADCC_SAN=1 bash tests/lit.sh

demo: all
	@$(MAKE) --no-print-directory -C samples demo

bench: all
	@$(MAKE) --no-print-directory -C bench

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
		$(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 adcc $(DESTDIR)$(PREFIX)/bin/adcc
	install -m 644 runtime/libadccrt.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 runtime/adcc_rt.h runtime/adcc.h $(DESTDIR)$(PREFIX)/include/
	sed 's|@PREFIX@|$(PREFIX)|' runtime/adcc-rt.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/adcc-rt.pc
	install -m 644 docs/adcc.1 $(DESTDIR)$(PREFIX)/share/man/man1/

clean:
	rm -rf $(B) adcc runtime/libadccrt.a
