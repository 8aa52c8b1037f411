#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ (cargo-fuzz, nightly) for SECONDS each (default 60),
# one target at a time, one libFuzzer job, at low priority, and prints per target the
# executions, executions per second and what was found (out-of-memory/timeout/crash).
#
#   scripts/fuzz.sh [seconds] [target...]
#
# libFuzzer runs in fork mode so that it keeps going after a finding; each finding is
# saved under fuzz/artifacts/<target>/ (reproduce with the target's binary and that
# file). New corpus entries go to fuzz/corpus/<target>/ (git-ignored except `seed-*`).
# Builds go to fuzz/target (CODEBOT_FUZZ_TARGET_DIR to change it). Exits 1 if anything
# was found.
#
# The targets are built optimised with overflow checks and debug assertions, without a
# sanitizer: the code under test is safe Rust (RustPython's own unsafe code runs in the
# worker process in production), and AddressSanitizer made the Python target about three
# times slower. Every RustPython interpreter leaks its reference cycles (harmless in the
# worker process, which exits after each run): the Python target's memory grows with its
# executions, which fork mode bounds by restarting jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(level_ron pack_zip pack_folder save_load source_check check_program)
fi

export CARGO_TARGET_DIR="${CODEBOT_FUZZ_TARGET_DIR:-$root/fuzz/target}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

echo "== building the fuzz targets (nightly, optimised, with overflow checks)"
(cd fuzz && nice -n 19 cargo +nightly fuzz build -O -a -s none --codegen-units 16)
bin_dir="$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release"

# Per target: extra libFuzzer options and read-only seed folders.
options() {
  case "$1" in
    level_ron) echo "-dict=$root/fuzz/dict/level_ron.dict -max_len=16384" ;;
    pack_zip) echo "-max_len=16384" ;;
    source_check) echo "-dict=$root/fuzz/dict/python.dict -max_len=8192" ;;
    # Structured inputs (`arbitrary`) need bytes from the start to build anything.
    pack_folder) echo "-len_control=0 -max_len=4096" ;;
    check_program) echo "-len_control=0 -max_len=4096 -timeout=60" ;;
    *) echo "" ;;
  esac
}
seeds() {
  case "$1" in
    level_ron) echo "$root/levels" ;;
    *) echo "" ;;
  esac
}

found_any=0
summary=()
for target in "${targets[@]}"; do
  corpus="$root/fuzz/corpus/$target"
  artifacts="$root/fuzz/artifacts/$target"
  log="$CARGO_TARGET_DIR/fuzz-$target.log"
  mkdir -p "$corpus" "$artifacts"
  echo "== $target: ${seconds} s"
  # shellcheck disable=SC2046 # options and seed folders are word lists
  nice -n 19 "$bin_dir/$target" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts/" $(options "$target") "$corpus" $(seeds "$target") \
    >"$log" 2>&1 || true
  # Fork mode prints lines such as
  # `#5123: cov: 900 ft: 2100 corp: 180 exec/s: 85 oom/timeout/crash: 0/0/0 time: 61s ...`.
  last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1 || true)
  execs=$(sed -nE 's/^#([0-9]+):.*/\1/p' <<<"$last")
  findings=$(sed -nE 's/.*oom\/timeout\/crash: ([0-9]+\/[0-9]+\/[0-9]+).*/\1/p' <<<"$last")
  elapsed=$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")
  if [ -z "$last" ]; then
    echo "   no statistics: see $log"
    tail -20 "$log"
    found_any=1
    summary+=("$(printf '%-14s %8s %10s %8s %s' "$target" '-' '-' '-' 'FAILED TO RUN')")
    continue
  fi
  if [ "$findings" != "0/0/0" ]; then
    found_any=1
  fi
  rate=$(awk -v n="$execs" -v t="$elapsed" 'BEGIN { printf "%.1f", (t > 0 ? n / t : 0) }')
  summary+=("$(printf '%-14s %7ss %10s %8s %s' "$target" "$elapsed" "$execs" "$rate" "$findings")")
done

echo
echo "target          time  executions   exec/s oom/timeout/crash"
printf '%s\n' "${summary[@]}"
if [ "$found_any" -ne 0 ]; then
  echo "findings saved under fuzz/artifacts/ (logs in $CARGO_TARGET_DIR/fuzz-*.log)"
  exit 1
fi
