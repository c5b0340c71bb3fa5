#!/usr/bin/env bash
# Runs every test: format and lint checks, native unit and integration tests, then the release build,
# the end-to-end user stories in headless Chromium, and the cross-engine stories in Firefox and WebKit.
# Installs missing tools first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/tools.sh test

# A CI run starts from a fresh clone, so incremental caches (several GB) would only be written, never
# read again.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

# Each step says how long the run has taken so far.
step() { printf '\n== [%dm%02ds] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

step "fetch dependencies (locked)"
cargo fetch --locked

# Format, leptosfmt, clippy (native and wasm32) and the native tests: the quick tier, run as is.
scripts/check.sh

step "10⁶ generated inputs each under overflow checks, optimised (cargo profile 'overflow'): report properties, district and submission fuzzing, 10⁵ edit sequences undone"
cargo test --locked --profile overflow --test overflow_props --test district_fuzz --test school_fuzz --test edit_inverse -- --show-output

step "release build (trunk, offline)"
trunk build --release --offline=true

step "size budget (raw, gzip, brotli of each deliverable)"
node delivery/size.mjs

step "end-to-end tests (headless Chromium)"
cd tests/e2e
node --test --test-concurrency=1 --test-reporter=spec .

step "cross-engine stories (Firefox ESR over WebDriver BiDi, WebKitGTK over WebDriver under Xvfb)"
node --test --test-concurrency=1 --test-reporter=spec engines/stories.mjs
printf '\n== [%dm%02ds] every test passed\n' $((SECONDS / 60)) $((SECONDS % 60))
