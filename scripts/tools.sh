#!/usr/bin/env bash
# Installs, only where missing, the tools that building (`build`) or testing (`test`) needs.
# Idempotent. Everything comes from the package registries (crates.io, npm, Debian); no step downloads
# a prebuilt binary from elsewhere. Version traps are explained in docs/toolchain.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14   # trunk 0.22 needs a newer rustc than this machine's
BINARYEN_VERSION=132    # Debian's wasm-opt 108 silently breaks the app
LEPTOSFMT_VERSION=0.1.33 # the formatter of view! blocks (leptosfmt.toml), which rustfmt leaves alone

log() { printf '[tools] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock
}

build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    log "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
    cargo install trunk --locked --version "$TRUNK_VERSION"
  fi
  local wbg
  wbg=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wbg"; then
    # Not --locked: its lockfile pins a webpki-roots the registry no longer serves.
    log "installing wasm-bindgen-cli $wbg (the version Cargo.lock resolves)"
    cargo install wasm-bindgen-cli --version "$wbg" --force
  fi
  if ! command -v npm >/dev/null; then
    log "installing Node.js and npm"
    apt_install nodejs npm
  fi
  if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    log "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
    npm install -g --silent "binaryen@$BINARYEN_VERSION.0.0"
  fi
}

# The formatter of Leptos view! blocks, for the format check of scripts/check.sh and scripts/test.sh.
format_tools() {
  if ! leptosfmt --version 2>/dev/null | grep -qx "leptosfmt $LEPTOSFMT_VERSION"; then
    log "installing leptosfmt $LEPTOSFMT_VERSION (about 2 minutes on 2 cores)"
    cargo install leptosfmt --locked --version "$LEPTOSFMT_VERSION"
  fi
}

test_tools() {
  format_tools
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Chromium and its driver"
    apt_install chromium chromium-driver
  fi
  if ! command -v node >/dev/null; then
    log "installing Node.js and npm"
    apt_install nodejs npm
  fi
  # The cross-engine stories (tests/e2e/engines/): Firefox ESR over WebDriver BiDi, and WebKitGTK's
  # MiniBrowser over WebKitWebDriver under a virtual X display. Debian's packages, no browser download.
  if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null; then
    log "installing Firefox ESR, WebKitGTK's WebDriver and Xvfb"
    apt_install firefox-esr webkit2gtk-driver xvfb xauth
  fi
  if ! command -v soffice >/dev/null; then
    # A real word processor opens the exported DOCX in the end-to-end tests.
    log "installing LibreOffice Writer (headless) for the DOCX → PDF test"
    apt_install libreoffice-writer-nogui
  fi
  if ! command -v python3 >/dev/null; then
    apt_install python3
  fi
  # The stamp is a copy of the lockfile the modules were installed from.
  if ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.gongkai-installed 2>/dev/null; then
    log "installing the end-to-end test drivers (playwright-core, puppeteer-core; no browser download)"
    (cd tests/e2e && npm ci --silent --no-audit --no-fund)
    cp tests/e2e/package-lock.json tests/e2e/node_modules/.gongkai-installed
  fi
}

case "${1:-all}" in
  build) build_tools ;;
  format) format_tools ;;
  test) build_tools; test_tools ;;
  all) build_tools; test_tools ;;
  *) echo "usage: $0 [build|format|test]" >&2; exit 2 ;;
esac
