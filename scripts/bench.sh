#!/usr/bin/env bash
# Sandbox benchmark: builds the release `codebot` worker without the game feature (no Bevy),
# then runs benches/sandbox.rs, which prints markdown tables (see its header comment for
# what each number means). Numbers only: nothing here fails on a slow machine.
#
#   scripts/bench.sh                  # 20 repetitions per row
#   BENCH_REPS=5 scripts/bench.sh     # quicker, noisier
#
# A release build of rustpython takes several minutes the first time. Run it on an idle
# machine: other builds on the same cores skew every number.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo build --release --no-default-features" >&2
cargo build --release --no-default-features

echo "== cargo bench --no-default-features --bench sandbox" >&2
cargo bench --no-default-features --bench sandbox
