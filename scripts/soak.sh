#!/usr/bin/env bash
# Soak test of the sandbox: RUNS programs (default 2000) mixing correct, wrong and hostile
# ones, some stopped while they run, through one sandbox with worker processes as the
# game runs them (tests/soak.rs). Prints the verdicts, the host's memory (VmRSS) at the
# start, after a tenth of the runs and at the end, the open file descriptors and the
# worker processes left; fails if a run got no verdict, anything was left behind, or the
# host's memory grew by 10 % or more (CODEBOT_SOAK_MAX_GROWTH, in %) between the end of the
# first tenth of the runs and the end. The memory rises while the mix goes a first time
# through every level and hostile program (4.4 MB to 6.1 MB over 2 000 runs, all of it
# in the first 200), so the growth from the very start is printed but not judged.
#
#   scripts/soak.sh [runs]
#
# The worker is the `codebot` executable built without the game window (the worker code
# is the same; the build is much faster).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2000}"
max_growth="${CODEBOT_SOAK_MAX_GROWTH:-10}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
CODEBOT_SOAK_RUNS="$runs" cargo test --no-default-features --test soak -- \
  --ignored --nocapture --test-threads=1 long_soak 2>&1 | tee "$out"
# `host RSS: start 4372 KiB, after 200 runs 6108 KiB, end 6116 KiB (...)`
read -r start warm_runs warm end < <(sed -nE \
  's/.*host RSS: start ([0-9]+) KiB, after ([0-9]+) runs ([0-9]+) KiB, end ([0-9]+) KiB.*/\1 \2 \3 \4/p' "$out") || true
if [ -z "${end:-}" ]; then
  echo "soak: no memory figures in the output" >&2
  exit 1
fi
percent() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%+.1f", (e - s) * 100 / s }'; }
echo "soak: host RSS $start KiB at the start, $warm KiB after $warm_runs runs, $end KiB after $runs runs"
echo "soak: growth $(percent "$warm" "$end") % after the first $warm_runs runs (limit < $max_growth %), $(percent "$start" "$end") % from the start"
growth=$(percent "$warm" "$end")
if ! awk -v g="$growth" -v m="$max_growth" 'BEGIN { exit !(g < m) }'; then
  echo "soak: the host's memory grew by $growth % (limit $max_growth %)" >&2
  exit 1
fi
