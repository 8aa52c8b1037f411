#!/usr/bin/env bash
# The browser check of the in-browser build (docs/web.md): headless Chromium opens
# dist/, screenshots every step (a blank canvas fails), runs a typed program and
# `while True: pass` through the sandbox's Web Worker, and checks the game kept drawing.
#
#   scripts/web-test.sh [dist-dir] [screenshot-dir]
#
# Builds dist/ first when it is missing (scripts/build-web.sh), installs Debian's
# chromium and npm's playwright-core (into web/node_modules, git-ignored) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=${1:-dist}
shots=${2:-target/web-shots}

if [[ ! -f $dist/codebot_bg.wasm ]]; then
    scripts/build-web.sh "$dist"
fi
if [[ ! -x /usr/bin/chromium ]]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
if [[ ! -d web/node_modules/playwright-core ]]; then
    (cd web && npm install --no-package-lock --no-audit --no-fund)
fi
node web/browser-check.mjs "$dist" "$shots"
