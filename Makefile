# opsdocs — `make site` builds the sample site into public/, `make test` runs the tests.
# Both install the Debian packages opsdocs needs first (only what is missing).

APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev shellcheck
# Only for `make test`: the real-browser tests (copy button, search) and CJK fonts for screenshots.
TEST_PACKAGES := chromium chromium-driver python3-selenium fonts-noto-cjk
SWIFT ?= swift
OPSDOCS := .build/release/opsdocs

.PHONY: site test deps test-deps theme build release clean bench

site: deps theme release
	$(OPSDOCS) build

test: deps test-deps theme
	$(SWIFT) test

build: deps theme
	$(SWIFT) build

release: deps theme
	$(SWIFT) build -c release

# Regenerates the default theme compiled into the binary from theme/ (only when it changed).
theme:
	python3 scripts/embed-theme.py

test-deps:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(TEST_PACKAGES)"

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

bench: release
	bench/build.sh

clean:
	rm -rf .build public
