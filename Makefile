# reader: build, run, test, benchmark and install.
#   make run      the reader on the bundled sample library
#   make test     every test (unit, snapshot, process and terminal tests)
#   make bench    the benchmarks, on a generated 10,000-article corpus
#   make man      the man page, generated from the argument parser (.build/plugins/GenerateManual)
#   make install PREFIX=/usr/local

PREFIX ?= /usr/local
SWIFT ?= swift
JOBS ?= 2
# Debian packages the build, the tests and the benchmarks need.
DEB_PACKAGES = libncurses-dev libicu-dev libgumbo-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev pkg-config tmux python3
# The benchmarks compare with these, and measure memory with GNU time.
BENCH_PACKAGES = ripgrep time
BIN_DEBUG = .build/debug/reader
BIN_RELEASE = .build/release/reader
MAN_PAGE = .build/plugins/GenerateManual/outputs/Reader/reader.1

.PHONY: deps bench-deps apt build release run test bench fuzz man install uninstall clean

deps:
	@$(MAKE) --no-print-directory apt PACKAGES="$(DEB_PACKAGES)"

bench-deps:
	@$(MAKE) --no-print-directory apt PACKAGES="$(BENCH_PACKAGES)"

# Installs the Debian packages in PACKAGES that are missing (as root), or prints the command.
apt:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "reader needs:$$missing"; echo "run: sudo apt-get install -y$$missing"; exit 1; fi; \
	fi

build: deps
	$(SWIFT) build -j $(JOBS)

# Release builds link the Swift runtime and Foundation statically: the installed binary needs no
# Swift toolchain, and each process maps only the parts it uses (6-8 MiB less resident memory).
release: deps
	$(SWIFT) build -c release -j $(JOBS) --static-swift-stdlib

run: build
	$(BIN_DEBUG) $(ARGS)

test: deps
	$(SWIFT) build --build-tests -j $(JOBS)
	$(SWIFT) test --skip-build

bench: release bench-deps
	bench/run.sh $(BIN_RELEASE)

# The mutation fuzzers of the test suite, longer: FUZZ_ITERATIONS inputs in process (default
# 10,000), and FUZZ_PROCESS_ITERATIONS given to the built reader as files (default 1,000).
fuzz: deps
	$(SWIFT) build --build-tests -j $(JOBS)
	FUZZ_ITERATIONS=$${FUZZ_ITERATIONS:-10000} FUZZ_PROCESS_ITERATIONS=$${FUZZ_PROCESS_ITERATIONS:-1000} \
		$(SWIFT) test --skip-build --filter "HTMLFuzzTests|ProcessFuzzTests"

man: deps
	$(SWIFT) package --disable-sandbox plugin generate-manual

install: release man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/reader $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(BIN_RELEASE) $(DESTDIR)$(PREFIX)/bin/reader
	install -m 0644 $(MAN_PAGE) $(DESTDIR)$(PREFIX)/share/man/man1/reader.1
	rm -rf $(DESTDIR)$(PREFIX)/share/reader/themes $(DESTDIR)$(PREFIX)/share/reader/samples
	cp -R themes $(DESTDIR)$(PREFIX)/share/reader/themes
	cp -R Samples $(DESTDIR)$(PREFIX)/share/reader/samples

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/reader $(DESTDIR)$(PREFIX)/share/man/man1/reader.1
	rm -rf $(DESTDIR)$(PREFIX)/share/reader

clean:
	rm -rf .build
