#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ (cargo-fuzz) for SECONDS each (default 60),
# one target at a time, one libFuzzer job, at low priority, and prints per target the
# executions, executions per second and what was found (out-of-memory/timeout/crash).
#
#   scripts/fuzz.sh [seconds] [target...]
#
# libFuzzer runs in fork mode so that it keeps going after a finding; each finding is
# saved under fuzz/artifacts/<target>/ (reproduce with the target's binary and that
# file). New corpus entries go to fuzz/corpus/<target>/ (git-ignored except `seed-*`).
# Builds go to fuzz/target (CODEBOT_FUZZ_TARGET_DIR to change it). Exits 1 if anything
# was found; with CODEBOT_FUZZ_FAIL_ON=crash (CI), only crashes fail the run, because an
# out-of-memory or a slow-unit timeout can come from a loaded machine rather than a bug
# (they are still reported and saved).
#
# cargo-fuzz passes unstable (`-Z`) flags to cargo and rustc. It uses the nightly toolchain
# when there is one; otherwise (CI has only the stable toolchain) the default toolchain with
# RUSTC_BOOTSTRAP=1, which lets a stable compiler accept those flags.
# CODEBOT_FUZZ_TOOLCHAIN=<toolchain> picks one (any name but nightly gets RUSTC_BOOTSTRAP=1).
#
# The targets are built optimised with overflow checks and debug assertions
# (CODEBOT_FUZZ_BUILD=dev: lightly optimised, built faster, runs slower; CI's short smoke
# run uses it), without a sanitizer: the code under test is safe Rust (RustPython's own unsafe code runs in the
# worker process in production), and AddressSanitizer made the Python target about three
# times slower. Every RustPython interpreter leaks its reference cycles (harmless in the
# worker process, which exits after each run): the Python target's memory grows with its
# executions, which the script bounds by restarting its sessions (`session_limit`).
set -euo pipefail
caller_dir="$PWD"
cd "$(dirname "$0")/.."
root="$PWD"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(level_ron pack_zip pack_folder save_load source_check check_program)
fi

export CARGO_TARGET_DIR="${CODEBOT_FUZZ_TARGET_DIR:-$root/fuzz/target}"
# The build runs from fuzz/: a relative folder is taken from where the script was started.
case "$CARGO_TARGET_DIR" in
  /*) ;;
  *) CARGO_TARGET_DIR="$caller_dir/$CARGO_TARGET_DIR" ;;
esac
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

toolchain="${CODEBOT_FUZZ_TOOLCHAIN:-}"
if [ -z "$toolchain" ] && cargo +nightly --version >/dev/null 2>&1; then
  toolchain=nightly
fi
fuzz_cargo=(cargo)
if [ -n "$toolchain" ]; then
  fuzz_cargo=(cargo "+$toolchain")
fi
if [[ "$toolchain" != nightly* ]]; then
  export RUSTC_BOOTSTRAP=1
fi
case "${CODEBOT_FUZZ_BUILD:-release}" in
  release) build_flags=(-O) build_dir=release ;;
  dev) build_flags=(--dev) build_dir=debug ;;
  *) echo "CODEBOT_FUZZ_BUILD must be 'release' or 'dev'" >&2; exit 2 ;;
esac
echo "== building the fuzz targets ($("${fuzz_cargo[@]}" --version)${RUSTC_BOOTSTRAP:+, RUSTC_BOOTSTRAP=1}, ${CODEBOT_FUZZ_BUILD:-release}, with overflow checks)"
(cd fuzz && nice -n 19 "${fuzz_cargo[@]}" fuzz build "${build_flags[@]}" -a -s none --codegen-units 16)
bin_dir="$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/$build_dir"

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

fail_on="${CODEBOT_FUZZ_FAIL_ON:-any}"
case "$fail_on" in
  any | crash) ;;
  *) echo "CODEBOT_FUZZ_FAIL_ON must be 'any' or 'crash', not '$fail_on'" >&2; exit 2 ;;
esac

# Longest single libFuzzer session per target, in seconds (0: no limit). In fork mode a
# job lasts up to 300 s; every RustPython interpreter of check_program leaks its reference
# cycles (a few MB per execution, see the top), so long jobs would end in spurious
# out-of-memory findings. Restarting the session every 10 minutes keeps jobs short.
session_limit() {
  case "$1" in
    check_program) echo 600 ;;
    *) echo 0 ;;
  esac
}

found_any=0
summary=()
for target in "${targets[@]}"; do
  corpus="$root/fuzz/corpus/$target"
  artifacts="$root/fuzz/artifacts/$target"
  log="$CARGO_TARGET_DIR/fuzz-$target.log"
  mkdir -p "$corpus" "$artifacts"
  : >"$log"
  crashes_before=$(find "$artifacts" -maxdepth 1 -name 'crash-*' | wc -l)
  echo "== $target: ${seconds} s"
  limit=$(session_limit "$target")
  left="$seconds"
  execs=0 elapsed=0 ooms=0 timeouts=0 crashes=0 sessions=0 reported=0
  while [ "$left" -gt 0 ]; do
    session="$left"
    if [ "$limit" -gt 0 ] && [ "$session" -gt "$limit" ]; then
      session="$limit"
    fi
    session_log="$log.session"
    session_start=$SECONDS
    # shellcheck disable=SC2046 # options and seed folders are word lists
    nice -n 19 "$bin_dir/$target" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -max_total_time="$session" -timeout=20 -rss_limit_mb=4096 \
      -artifact_prefix="$artifacts/" $(options "$target") "$corpus" $(seeds "$target") \
      >"$session_log" 2>&1 || true
    cat "$session_log" >>"$log"
    sessions=$((sessions + 1))
    left=$((left - session))
    # Fork mode prints lines such as
    # `#5123: cov: 900 ft: 2100 corp: 180 exec/s: 85 oom/timeout/crash: 0/0/0 time: 61s ...`.
    last=$(grep -E '^#[0-9]+: cov:' "$session_log" | tail -1 || true)
    rm -f "$session_log"
    if [ -z "$last" ]; then
      # Stop rather than loop on a target that does not start.
      [ $((SECONDS - session_start)) -lt "$session" ] && break
      continue
    fi
    reported=$((reported + 1))
    execs=$((execs + $(sed -nE 's/^#([0-9]+):.*/\1/p' <<<"$last")))
    elapsed=$((elapsed + $(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")))
    IFS=/ read -r o t c <<<"$(sed -nE 's/.*oom\/timeout\/crash: ([0-9]+\/[0-9]+\/[0-9]+).*/\1/p' <<<"$last")"
    ooms=$((ooms + o)) timeouts=$((timeouts + t)) crashes=$((crashes + c))
  done
  # Crashes also counted from the artifacts, in case no job reported before the time ran out.
  new_crashes=$(($(find "$artifacts" -maxdepth 1 -name 'crash-*' | wc -l) - crashes_before))
  if [ "$new_crashes" -gt "$crashes" ]; then
    crashes="$new_crashes"
  fi
  if [ "$reported" -eq 0 ]; then
    if ! grep -q 'INFO: -fork=' "$log" || [ "$crashes" -gt 0 ]; then
      echo "   no statistics: see $log"
      tail -20 "$log"
      found_any=1
      summary+=("$(printf '%-14s %8s %10s %8s %s' "$target" '-' '-' '-' 'FAILED TO RUN')")
      continue
    fi
    # It started and loaded its corpus, but no fuzzing job ended within the time (a slow
    # target on a slow machine): nothing was found, and there is nothing to count.
    echo "   no fuzzing job ended within ${seconds} s (see $log)"
    summary+=("$(printf '%-14s %8s %10s %8s %s' "$target" '-' '0' '-' 'no job ended')")
    continue
  fi
  findings="$ooms/$timeouts/$crashes"
  if [ "$crashes" -ne 0 ] || { [ "$fail_on" = any ] && [ "$findings" != "0/0/0" ]; }; then
    found_any=1
  elif [ "$findings" != "0/0/0" ]; then
    echo "   out-of-memory/timeout findings ($findings) do not fail with CODEBOT_FUZZ_FAIL_ON=crash"
  fi
  rate=$(awk -v n="$execs" -v t="$elapsed" 'BEGIN { printf "%.1f", (t > 0 ? n / t : 0) }')
  summary+=("$(printf '%-14s %7ss %10s %8s %s' "$target" "$elapsed" "$execs" "$rate" "$findings")")
  if [ "$sessions" -gt 1 ]; then
    echo "   $sessions sessions of at most ${limit} s"
  fi
done

echo
echo "target          time  executions   exec/s oom/timeout/crash"
printf '%s\n' "${summary[@]}"
if [ "$found_any" -ne 0 ]; then
  echo "findings saved under fuzz/artifacts/ (logs in $CARGO_TARGET_DIR/fuzz-*.log)"
  exit 1
fi
