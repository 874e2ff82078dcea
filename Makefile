# Everything a fresh Debian (bookworm) machine needs, as root or with sudo.
# `make demo` runs the main job on the bundled AJC schedule; `make test` runs every test;
# `make install` puts roundtable (and roundtable-serve, the web server `roundtable serve` runs), its man pages, completions and documentation under PREFIX.

APT_PACKAGES := libical-dev pkg-config libsqlite3-dev sqlite3 libcurl4-openssl-dev tzdata \
                python3-icalendar python3-vobject khal python3-aiosmtpd openssl radicale man-db \
                postgresql libpq-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
                php-cli php-sqlite3 php-sabre-dav python3-pip python3-cryptography \
                python3-venv dovecot-imapd \
                mandoc python3-html5lib pandoc strace \
                nginx wrk chromium chromium-driver
# Xandikos (a CalDAV server the tests publish to) from PyPI, into a folder of its own rather than
# the system's Python, whose Debian packages (icalendar) the interop tests read with.
XANDIKOS := .build-xandikos
# The RFC 5545 readers the calendar tests compare with libical, from PyPI (Debian's icalendar is
# older), in a venv of their own so they never meet Debian's python3-icalendar.
PEER_VENV := .build-peers
PEER_PYTHON := $(PEER_VENV)/bin/python3
PEER_PYPI_PACKAGES := 'icalendar>=7,<8' x-wr-timezone 'recurring-ical-events>=3.8'
# Selenium (PyPI) for the browser tests of `roundtable serve`, driving Debian's chromium through
# chromium-driver, in a venv of its own.
BROWSER_VENV := .build-selenium
BROWSER_PYTHON := $(BROWSER_VENV)/bin/python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Where `make install` puts things: $(DESTDIR)$(PREFIX)/bin, share/man/man1, the completions'
# standard folders and share/doc/roundtable. CONFIG=debug builds faster (what `make test` installs).
PREFIX ?= /usr/local
DESTDIR ?=
CONFIG ?= release
# Swift's libraries linked in need objects built for it, so that build has a folder of its own.
STATIC_BUILD := .build-static
TEST_DESTDIR := $(CURDIR)/.build-install-test

bindir := $(DESTDIR)$(PREFIX)/bin
man1dir := $(DESTDIR)$(PREFIX)/share/man/man1
man5dir := $(DESTDIR)$(PREFIX)/share/man/man5
bashcompdir := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
zshcompdir := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
fishcompdir := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
docdir := $(DESTDIR)$(PREFIX)/share/doc/roundtable

.PHONY: deps build demo test lint timeline screenshot bench install uninstall

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -d $(XANDIKOS)/xandikos ] || /usr/bin/python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore \
	  --target $(XANDIKOS) xandikos==0.4.10
	@$(PEER_PYTHON) -c 'import icalendar, x_wr_timezone, recurring_ical_events; assert int(icalendar.__version__.split(".")[0]) >= 7' 2>/dev/null || { \
	  /usr/bin/python3 -m venv $(PEER_VENV) && $(PEER_PYTHON) -m pip install -q $(PEER_PYPI_PACKAGES); }
	@$(BROWSER_PYTHON) -c 'import selenium' 2>/dev/null || { \
	  /usr/bin/python3 -m venv $(BROWSER_VENV) && $(BROWSER_PYTHON) -m pip install -q 'selenium>=4.20,<5'; }

build: deps
	swift build

demo: build
	bash scripts/demo.sh

# The timeline picture of the AJC series in the README, rendered from the demo's SVG.
timeline: demo
	@dpkg -s librsvg2-bin >/dev/null 2>&1 || $(SUDO) apt-get install -y -qq librsvg2-bin
	rsvg-convert -w 1100 demo-output/ajc-timeline.svg -o docs/ajc-timeline.png

# The demo's HTML report as headless Chromium shows it (docs/report.png, in the README).
screenshot: demo
	@dpkg -s chromium >/dev/null 2>&1 || $(SUDO) apt-get install -y -qq chromium
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1800 \
	  --screenshot=$(CURDIR)/docs/report.png file://$(CURDIR)/demo-output/ajc-report.html

# The end-to-end tests also run the installed binary: a debug build installed under a scratch
# DESTDIR (the release build would add minutes and test the same files).
test: deps
	swift build --build-tests
	rm -rf $(TEST_DESTDIR)
	$(MAKE) install CONFIG=debug DESTDIR=$(TEST_DESTDIR) PREFIX=/usr/local
	ROUNDTABLE_INSTALLED=$(TEST_DESTDIR)/usr/local swift test --skip-build

# The toolchain's swift-format with the repository's .swift-format, strictly: any finding fails.
# Not yet part of `test`: the code is to be formatted once (swift format format -i -r Sources Tests).
lint:
	swift format lint --strict --parallel -r Sources Tests Package.swift

# The binary with Swift's libraries linked in (it runs where no Swift toolchain is) and stripped
# (--version still names its commit: that is data, not a symbol), a man page per command
# (roundtable-action-add.1: swift-argument-parser's generate-manual plugin, run on the ordinary
# debug build, whose interface is the same, completed by scripts/man-pages.py with ENVIRONMENT,
# FILES, EXIT STATUS and docs/man/examples/) and roundtable-schedule(5) from docs/schedule.md,
# bash, zsh and fish completions, the README, docs/json.md, docs/schedule.md and contrib/.
MAN_BUILD := .build/man
install:
	swift build -c $(CONFIG) --static-swift-stdlib --product roundtable --scratch-path $(STATIC_BUILD)
	swift build -c $(CONFIG) --static-swift-stdlib --product roundtable-serve --scratch-path $(STATIC_BUILD)
	swift package plugin generate-manual --multi-page --configuration debug
	rm -rf $(MAN_BUILD)
	/usr/bin/python3 scripts/man-pages.py .build/plugins/GenerateManual/outputs/roundtable $(MAN_BUILD) $(PREFIX)/share/doc/roundtable
	install -d $(bindir) $(man1dir) $(man5dir) $(bashcompdir) $(zshcompdir) $(fishcompdir) $(docdir)/contrib
	install -m 755 -s $$(swift build -c $(CONFIG) --static-swift-stdlib --scratch-path $(STATIC_BUILD) --show-bin-path)/roundtable $(bindir)/roundtable
	install -m 755 -s $$(swift build -c $(CONFIG) --static-swift-stdlib --scratch-path $(STATIC_BUILD) --show-bin-path)/roundtable-serve $(bindir)/roundtable-serve
	install -m 644 $(MAN_BUILD)/*.1 $(man1dir)/
	install -m 644 $(MAN_BUILD)/*.5 $(man5dir)/
	$(bindir)/roundtable --generate-completion-script bash > $(bashcompdir)/roundtable
	$(bindir)/roundtable --generate-completion-script zsh > $(zshcompdir)/_roundtable
	$(bindir)/roundtable --generate-completion-script fish > $(fishcompdir)/roundtable.fish
	install -m 644 README.md docs/json.md docs/schedule.md $(docdir)/
	cp -R contrib/. $(docdir)/contrib/
	@echo "installed $(bindir)/roundtable ($$($(bindir)/roundtable --version))"

uninstall:
	rm -f $(bindir)/roundtable $(bindir)/roundtable-serve $(man1dir)/roundtable.1 $(man1dir)/roundtable-*.1 $(man5dir)/roundtable-schedule.5
	rm -f $(bashcompdir)/roundtable $(zshcompdir)/_roundtable $(fishcompdir)/roundtable.fish
	rm -rf $(docdir)

# Release builds in .build-bench (the calendar bench) and .build-bench-static (roundtable as a cron job
# would run it, Swift's libraries linked in), then four tables for docs/performance.md: calendar generation and
# parsing against libical in C and Python's icalendar, with generating's peak memory; a synthetic
# organisation (500 series) at a tenth and at full size; one series of 1,000 and 10,000 sessions;
# start-up against Debian's `remind`, with the shared libraries loaded; `rsvp --mailbox` over 10,000 messages
# (a real Dovecot and a Maildir); what `make install` puts on disk (the stripped binary's size) and its
# `overdue` start-up; roundtable-serve beside nginx under wrk (feeds 200 and 304, the series page). Instruction counts come from
# valgrind's callgrind (BENCH_CALLGRIND=0 leaves them out).
bench: deps
	@for p in remind valgrind; do dpkg -s $$p >/dev/null 2>&1 || $(SUDO) apt-get install -y -qq $$p; done
	bash bench/run.sh
	swift build -c release --static-swift-stdlib --product roundtable --scratch-path .build-bench-static
	swift build -c release --static-swift-stdlib --product roundtable-serve --scratch-path .build-bench-static
	/usr/bin/python3 bench/org_bench.py .build-bench-static/release/roundtable
	/usr/bin/python3 bench/long_series_bench.py .build-bench-static/release/roundtable
	/usr/bin/python3 bench/dump_bench.py .build-bench-static/release/roundtable
	/usr/bin/python3 bench/startup_bench.py .build-bench-static/release/roundtable
	/usr/bin/python3 bench/mailbox_bench.py .build-bench-static/release/roundtable
	/usr/bin/python3 bench/install_bench.py
	/usr/bin/python3 bench/serve_bench.py .build-bench-static/release/roundtable
