#!/usr/bin/env bash
# Builds the app (release) and serves it on http://127.0.0.1:${PORT:-8080}/, installing missing tools first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/tools.sh build
cargo fetch --locked
# No autoreload: its injected script would be refused by the page's Content-Security-Policy.
exec trunk serve --release --offline=true --no-autoreload=true --address 127.0.0.1 --port "${PORT:-8080}"
