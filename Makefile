# Everything a fresh Debian (bookworm) machine needs, as root or with sudo.
# `make demo` runs the main job on the bundled AJC schedule; `make test` runs every test.

APT_PACKAGES := libical-dev pkg-config libsqlite3-dev sqlite3 libcurl4-openssl-dev tzdata \
                python3-icalendar python3-vobject khal python3-aiosmtpd openssl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build demo test timeline bench

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

demo: build
	bash scripts/demo.sh

# The timeline picture of the AJC series in the README, rendered from the demo's SVG.
timeline: demo
	@dpkg -s librsvg2-bin >/dev/null 2>&1 || $(SUDO) apt-get install -y -qq librsvg2-bin
	rsvg-convert -w 1100 demo-output/ajc-timeline.svg -o docs/ajc-timeline.png

test: deps
	swift build --build-tests
	swift test --skip-build

# Release builds in .build-bench (the calendar bench) and .build-bench-static (roundtable as a cron job
# would run it, Swift's libraries linked in), then three tables for docs/performance.md: calendar generation and
# parsing against libical in C and Python's icalendar; a synthetic organisation (500 series) at a
# tenth and at full size; start-up against Debian's `remind`.
bench: deps
	@dpkg -s remind >/dev/null 2>&1 || $(SUDO) apt-get install -y -qq remind
	bash bench/run.sh
	swift build -c release --static-swift-stdlib --product roundtable --scratch-path .build-bench-static
	/usr/bin/python3 bench/org_bench.py .build-bench-static/release/roundtable
	/usr/bin/python3 bench/startup_bench.py .build-bench-static/release/roundtable
