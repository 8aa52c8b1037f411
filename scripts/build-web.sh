#!/usr/bin/env bash
# Builds the in-browser game into dist/ (docs/web.md): index.html, the JS glue
# (codebot.js), the module (codebot_bg.wasm) and the sandbox's Web Worker script.
#
#   scripts/build-web.sh [out-dir]         # default dist/
#   python3 -m http.server -d dist 8000    # then open http://localhost:8000
#
# The wasm32 standard library comes from rustup when its wasm32-unknown-unknown target
# is installed; otherwise (rustup cannot fetch it on some machines) from Debian's
# rustc-web + rust-web-src, built with -Zbuild-std. Missing Debian packages and the
# wasm-bindgen command (the exact version of Cargo.lock) are installed on the way.
# The build runs under `nice` (NICE=15 by default) in its own target directory
# (CARGO_TARGET_DIR, default target/web), never in the native one. WEB_PROFILE picks the
# cargo profile: `wasm-release` (default, the module to ship) or `wasm-ci` (the same code
# built several times faster into a bigger module, for the browser check in CI).
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-dist}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target/web}
nice_level=${NICE:-15}
target=wasm32-unknown-unknown
profile=${WEB_PROFILE:-wasm-release}

say() { printf '\n== %s\n' "$*"; }

if rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    say "toolchain: rustup's $target target"
    cargo=(cargo)
    build_std=()
else
    say "toolchain: Debian rustc-web with -Zbuild-std (no rustup $target target)"
    missing=()
    for package in rustc-web rust-web-src lld-22; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
            || missing+=("$package")
    done
    if ((${#missing[@]})); then
        say "installing ${missing[*]}"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
    fi
    if [[ ! -e /usr/bin/rust-lld ]]; then
        ln -s lld-22 /usr/bin/rust-lld
    fi
    cargo=(env RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo)
    build_std=(-Zbuild-std=std,panic_abort)
fi

# wasm-bindgen's command must match the wasm-bindgen crate exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen_version"; then
    say "installing wasm-bindgen-cli $bindgen_version"
    # --force: cargo skips a package it believes installed, even when the command is gone.
    nice -n "$nice_level" cargo install --force wasm-bindgen-cli --version "$bindgen_version"
fi

say "building ($CARGO_TARGET_DIR, profile $profile, nice $nice_level)"
started=$(date +%s)
nice -n "$nice_level" "${cargo[@]}" build --target "$target" "${build_std[@]}" \
    --profile "$profile" --bin codebot
echo "cargo build: $(($(date +%s) - started)) s"

say "bindings into $out/"
rm -rf "$out"
mkdir -p "$out"
keep_names=()
if [[ -z ${WEB_NAMES:-} ]]; then
    # Function names help to read a crash in the console, and weigh megabytes:
    # WEB_NAMES=1 keeps them.
    keep_names=(--remove-name-section)
fi
wasm-bindgen --target web --no-typescript "${keep_names[@]}" --out-dir "$out" \
    "$CARGO_TARGET_DIR/$target/$profile/codebot.wasm"
cp web/index.html web/sandbox-worker.js "$out/"

raw=$(stat -c %s "$out/codebot_bg.wasm")
gz=$(gzip -9 -c "$out/codebot_bg.wasm" | wc -c)
say "sizes"
awk -v raw="$raw" -v gz="$gz" \
    'BEGIN { printf "codebot_bg.wasm: %.1f MB raw, %.1f MB gzip -9\n", raw / 1e6, gz / 1e6 }'
echo "serve: python3 -m http.server -d $out 8000"
