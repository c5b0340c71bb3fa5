#!/usr/bin/env bash
# Prints benchmark numbers: the report engine natively (criterion) and keystroke → preview in headless
# Chromium on the release build, plus the wasm size. Not part of the tests: timings are measured, not asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/tools.sh test
cargo fetch --locked
cargo bench --locked --bench report
trunk build --release --offline=true
for f in dist/*.wasm; do
  printf 'wasm %s: %s bytes raw, %s bytes gzip -9\n' "$f" "$(wc -c < "$f")" "$(gzip -9 -c "$f" | wc -c)"
done
(cd tests/e2e && node bench-preview.mjs)
