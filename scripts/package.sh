#!/usr/bin/env bash
# Builds Codebot's Linux packages into dist-native/:
#
#   codebot_<version>-1_<arch>.deb        installs /usr/bin/codebot, a menu entry and an
#                                         icon (cargo-deb, metadata in Cargo.toml)
#   codebot-<version>-linux-<arch>.tar.gz  codebot/ with the executable, README, licences,
#                                         credits and an empty codebot-data/ folder: unpack
#                                         it on a USB stick or a share and the game keeps its
#                                         saves in codebot-data/ (portable mode, see README)
#
#   scripts/package.sh
#
# Environment:
#   SKIP_BUILD=1   package the existing release build (default: cargo build --release)
#
# The executable is one file: levels, messages, curriculum, fonts and pictures are inside
# it. Debug information is removed; function names are kept, so that crash reports say
# where the game stopped. It prints the sizes (also fully stripped, for comparison); the
# time from start to the title screen is measured by scripts/measure-game.sh. Windows and
# macOS packages cannot be built on Linux: see README.md, "Packages".
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=dist-native
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
ARCH=$(uname -m)
TARGET_DIR=${CARGO_TARGET_DIR:-target}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== cargo build --release" >&2
  cargo build --release
fi
BIN="$TARGET_DIR/release/codebot"
[ -x "$BIN" ] || { echo "no release build at $BIN" >&2; exit 2; }

rm -rf "$OUT"
mkdir -p "$OUT/build"

# -- The executable: without debug information, with its function names ----------------
cp "$BIN" "$OUT/build/codebot"
strip --strip-debug "$OUT/build/codebot"
"$OUT/build/codebot" --version >/dev/null

# -- The icon, drawn by the game's own code ---------------------------------------------
"$OUT/build/codebot" --write-icon "$OUT/build/codebot.png"

# -- tar.gz for portable use -------------------------------------------------------------
# (in a folder of its own: build/codebot is the executable the .deb takes)
TAR_DIR="$OUT/build/tar/codebot"
mkdir -p "$TAR_DIR/codebot-data"
cp "$OUT/build/codebot" "$TAR_DIR/codebot"
cp README.md LICENSE-MIT LICENSE-APACHE "$TAR_DIR/"
cp assets/CREDITS.md "$TAR_DIR/CREDITS.md"
cat >"$TAR_DIR/codebot-data/README.txt" <<'EOF'
Codebot keeps its profiles, saves, installed packs and crash reports in this folder
because it sits next to the codebot executable (portable mode). Delete or rename the
folder to use the user's own data folder instead.

Codebot garde ici les profils, les sauvegardes, les packs installés et les rapports de
plantage, parce que ce dossier est à côté de l'exécutable codebot (mode portable).
Supprimez ou renommez ce dossier pour utiliser le dossier de données de l'utilisateur.
EOF
TARBALL="$OUT/codebot-$VERSION-linux-$ARCH.tar.gz"
tar -C "$OUT/build/tar" -czf "$TARBALL" codebot

# -- .deb --------------------------------------------------------------------------------
if ! cargo deb --version >/dev/null 2>&1; then
  echo "== cargo install cargo-deb" >&2
  cargo install cargo-deb --locked
fi
echo "== cargo deb" >&2
# --no-build: the release build above; --no-strip: stripped above, names kept.
cargo deb --no-build --no-strip --output "$OUT/"

echo "== packages" >&2
for file in "$OUT"/*.deb "$TARBALL"; do
  printf '%-50s %6.1f MB\n' "$file" "$(awk "BEGIN { print $(stat -c %s "$file") / 1e6 }")"
done
printf '%-50s %6.1f MB (release build %.1f MB)\n' "executable, debug info removed" \
  "$(awk "BEGIN { print $(stat -c %s "$OUT/build/codebot") / 1e6 }")" \
  "$(awk "BEGIN { print $(stat -c %s "$BIN") / 1e6 }")"
strip -o "$OUT/build/codebot-stripped" "$BIN"
printf '%-50s %6.1f MB (not shipped: crash reports would lose the names)\n' \
  "executable, fully stripped" \
  "$(awk "BEGIN { print $(stat -c %s "$OUT/build/codebot-stripped") / 1e6 }")"
rm -f "$OUT/build/codebot-stripped"
