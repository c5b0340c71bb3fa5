#!/usr/bin/env bash
# Measures the wasm cost of candidate crates (docs/dependencies.md): each probe makes one real call,
# is built for wasm32 in release (opt z, LTO), shrunk by wasm-opt -Oz and gzipped. Prints one line each.
# Usage: scripts/size-probes/run.sh [probe…]   (default: all)
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/tmp/gongkai-size-probes}"
probes=("$@")
[ ${#probes[@]} -eq 0 ] && probes=(base calamine zipxml zipminiz zipstored pinyin_plain pinyin_het gbk nfkc)
for f in "${probes[@]}"; do
  cargo build -q --release --target wasm32-unknown-unknown --no-default-features --features "$f"
  w="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/sizes.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$w" -o "$CARGO_TARGET_DIR/$f.wasm"
  printf '%-14s raw %8d  wasm-opt -Oz %8d  gzip -9 %8d\n' "$f" "$(wc -c < "$w")" \
    "$(wc -c < "$CARGO_TARGET_DIR/$f.wasm")" "$(gzip -9 -c "$CARGO_TARGET_DIR/$f.wasm" | wc -c)"
done
