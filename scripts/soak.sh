#!/usr/bin/env bash
# Soak test of the sandbox: RUNS programs (default 2000) mixing correct, wrong and hostile
# ones, some stopped while they run, through one sandbox with worker processes as the
# game runs them (tests/soak.rs). Prints the verdicts, the host's memory (VmRSS) at the
# start, after a tenth of the runs and at the end, the open file descriptors and the
# worker processes left; fails if a run got no verdict or anything was left behind.
#
#   scripts/soak.sh [runs]
#
# The worker is the `codebot` executable built without the game window (the worker code
# is the same; the build is much faster).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2000}"
CODEBOT_SOAK_RUNS="$runs" cargo test --no-default-features --test soak -- \
  --ignored --nocapture --test-threads=1 long_soak
