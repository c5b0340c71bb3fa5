#!/usr/bin/env bash
# The quick tier for the edit–test loop: format, clippy (native and wasm32) and the native tests in
# their debug sizes (the fuzz and property tests at 4 × 2,000 cases). No browser, no release build;
# `scripts/test.sh` stays the full run and the CI command. Needs the Rust toolchain only (rustfmt,
# clippy, the wasm32 target and leptosfmt are added when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
scripts/tools.sh format

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check, and leptosfmt --check for view! blocks (leptosfmt.toml)"
cargo fmt --all -- --check
leptosfmt --check --quiet src crates

step "cargo clippy (native and wasm32), warnings are errors"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "native tests"
cargo test --locked

printf '\nquick checks pass (the full run is scripts/test.sh)\n'
