#!/usr/bin/env bash
# Prints benchmark numbers: the report engine natively (criterion), the sizes of each deliverable, and
# in headless Chromium on the release build keystroke → preview and each page's first render. Not part
# of the tests: timings are measured, not asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/tools.sh test
cargo fetch --locked
cargo bench --locked --bench report
cargo bench --locked --bench district
node benches/browser/district.mjs
trunk build --release --offline=true
node delivery/size.mjs || true
(cd tests/e2e && node bench-preview.mjs && node bench-render.mjs)
