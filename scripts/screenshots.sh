#!/usr/bin/env bash
# Screenshots of every screen of the game, taken under Xvfb with software rendering
# (Mesa lavapipe), driven only by the game's command-line options.
#
#   scripts/screenshots.sh [OUT_DIR]      # default: target/screenshots
#
# Environment:
#   CODEBOT_BIN   the game to run (default: `cargo build`, then target/debug/codebot)
#   SIZES         window sizes (default: "1366x768 1920x1080"); the first is shot in
#                 French, the others in English
#   SLOW          multiply every wait by this (default 1; use 2 on a busy machine)
#   ONLY          take only the shots whose name matches this grep pattern (e.g. "map")
#
# It writes OUT_DIR/<size>/<name>.png and fails (non-zero) when a screenshot is missing
# or blank (ImageMagick: standard deviation of the pixels near 0). Saves go to a
# temporary CODEBOT_DATA_DIR, seeded with a few profiles: real saves are never touched.
# When run as root with apt-get, it installs what it needs (xvfb, the Vulkan software
# driver, imagemagick, xdotool) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-target/screenshots}
SIZES=${SIZES:-"1366x768 1920x1080"}
SLOW=${SLOW:-1}

# -- Tools -------------------------------------------------------------------------------
have_tools() {
  command -v Xvfb >/dev/null && command -v identify >/dev/null &&
    ls /usr/share/vulkan/icd.d/lvp_icd*.json >/dev/null 2>&1
}
if ! have_tools; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing xvfb, mesa-vulkan-drivers, libvulkan1, imagemagick, xdotool" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      xvfb mesa-vulkan-drivers libvulkan1 imagemagick xdotool >/dev/null
  else
    echo "missing Xvfb, ImageMagick or the Vulkan software driver: install" >&2
    echo "  xvfb mesa-vulkan-drivers libvulkan1 imagemagick (and xdotool, optional)" >&2
    exit 2
  fi
fi

# -- The game ----------------------------------------------------------------------------
if [ -z "${CODEBOT_BIN:-}" ]; then
  echo "== cargo build" >&2
  cargo build
  CODEBOT_BIN=target/debug/codebot
fi
BIN=$(cd "$(dirname "$CODEBOT_BIN")" && pwd)/$(basename "$CODEBOT_BIN")

# -- A display and a data folder of our own ----------------------------------------------
WORK=$(mktemp -d)
DISPLAY_NUMBER=
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
    DISPLAY_NUMBER=$n
    break
  fi
done
[ -n "$DISPLAY_NUMBER" ] || { echo "no free X display number" >&2; exit 2; }
Xvfb ":$DISPLAY_NUMBER" -screen 0 1920x1080x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
cleanup() {
  kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export DISPLAY=":$DISPLAY_NUMBER"
export CODEBOT_DATA_DIR="$WORK/data"
unset CODEBOT_FPS_LOG
mkdir -p "$CODEBOT_DATA_DIR/profiles" "$WORK/code"
for _ in $(seq 50); do
  [ -e "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] && break
  sleep 0.1
done

wait_for() { awk "BEGIN { print $1 * $SLOW }"; }

# Runs the game with the given options; the log goes to $WORK/last.log.
game() {
  timeout "$(wait_for 120)" "$BIN" "$@" >"$WORK/last.log" 2>&1 &
  local pid=$!
  if command -v xdotool >/dev/null; then
    # Without a window manager no window gets the keyboard focus: give it to the game,
    # so the shots show where keyboard navigation starts (the blue focus ring).
    # The pointer goes to a corner, where it hovers nothing.
    timeout 20 xdotool search --sync --name '^Codebot$' windowfocus >/dev/null 2>&1 || true
    xdotool mousemove 1919 1079 >/dev/null 2>&1 || true
  fi
  wait "$pid"
}

# The reference solution of a built-in level, from its file.
solution() {
  local file
  file=$(grep -rl "id: \"$1\"" levels/)
  printf '%b' "$(sed -n 's/^  solution: "\(.*\)",$/\1/p' "$file")"
}

# -- Seed: profiles with some progress, one damaged save, one in high contrast -----------
solution premiers-pas-01 >"$WORK/code/pp01.py"
solution premiers-pas-03 >"$WORK/code/pp03.py"
solution premiers-pas-04 >"$WORK/code/pp04.py"
printf 'move()\nmove()\nmove()\nmove()\nmove()\nmove()\n' >"$WORK/code/wrong.py"

echo "== seeding profiles in $CODEBOT_DATA_DIR" >&2
for level in pp01:premiers-pas-01 pp03:premiers-pas-03; do
  game --profile "Zoé" --game-lang fr --window 800x600 \
    --level "codebot/${level#*:}" --code "$WORK/code/${level%%:*}.py" --run \
    --after "$(wait_for 12)" || echo "   (seeding ${level#*:} failed, see below)" >&2
done
game --profile "Léo" --after 0.5 --window 400x300 || true
cat >"$CODEBOT_DATA_DIR/profiles/camille.ron" <<'EOF'
(
    format_version: 1,
    id: "camille",
    name: "Camille",
    avatar: 4,
    settings: (lang: Some(fr), text_scale: 1.2, high_contrast: true, animation_speed: 1.0, reduced_motion: true),
)
EOF
# Hugo's last save was cut short by a crash; his backup is whole.
cat >"$CODEBOT_DATA_DIR/profiles/hugo.ron.bak" <<'EOF'
(
    format_version: 1,
    id: "hugo",
    name: "Hugo",
    avatar: 2,
    levels: { "codebot/premiers-pas-01": (passed: true, best_stars: 2, code: "move()\n", attempts: 3) },
)
EOF
printf '(\n    format_version: 1,\n    id: "hugo",\n    name: "Hu' >"$CODEBOT_DATA_DIR/profiles/hugo.ron"
# A copy of the seeded folder, restored before each shot so every size sees the same.
cp -r "$CODEBOT_DATA_DIR" "$WORK/seed"

# -- Shots -------------------------------------------------------------------------------
FAILED=()
REPORT=()
shot() { # shot SIZE NAME WAIT OPTIONS...
  local size=$1 name=$2 wait=$3
  shift 3
  if [ -n "${ONLY:-}" ] && ! grep -q -- "${ONLY}" <<<"$name"; then
    return 0
  fi
  local file="$OUT/$size/$name.png"
  rm -rf "$CODEBOT_DATA_DIR" "$file"
  cp -r "$WORK/seed" "$CODEBOT_DATA_DIR"
  mkdir -p "$OUT/$size"
  local status=ok
  if ! game --window "$size" --screenshot "$file" --after "$(wait_for "$wait")" "$@"; then
    status="game exited with an error"
  fi
  if [ ! -s "$file" ]; then
    status="missing"
  else
    local deviation
    deviation=$(identify -format '%[fx:standard_deviation]' "$file" 2>/dev/null || echo 0)
    if awk "BEGIN { exit !($deviation < 0.02) }"; then
      status="blank (standard deviation $deviation)"
    fi
  fi
  if [ "$status" = ok ]; then
    REPORT+=("ok       $file")
  else
    REPORT+=("FAILED   $file: $status")
    FAILED+=("$file")
    echo "-- $file: $status; last lines of the game's log:" >&2
    tail -n 15 "$WORK/last.log" >&2 || true
  fi
}

first=1
for size in $SIZES; do
  if [ "$first" = 1 ]; then lang=fr; else lang=en; fi
  first=0
  echo "== $size ($lang)" >&2
  shot "$size" 01-title 2 --game-lang "$lang"
  shot "$size" 02-profiles 2 --game-lang "$lang" --screen profiles
  shot "$size" 03-map 2 --game-lang "$lang" --profile "Zoé"
  shot "$size" 04-settings 2 --game-lang "$lang" --profile "Zoé" --screen settings
  shot "$size" 05-credits 2 --game-lang "$lang" --screen credits
  shot "$size" 06-recovered-save 2 --game-lang "$lang" --profile "Hugo"
  shot "$size" 07-high-contrast-map 2 --game-lang "$lang" --profile "Camille"
  shot "$size" 08-level-with-code 3 --game-lang "$lang" --profile "Zoé" \
    --level codebot/premiers-pas-04 --code "$WORK/code/pp04.py"
  shot "$size" 09-replay 3 --game-lang "$lang" --profile "Zoé" \
    --level codebot/premiers-pas-04 --code "$WORK/code/pp04.py" --run
  shot "$size" 10-verdict-passed 14 --game-lang "$lang" --profile "Zoé" \
    --level codebot/premiers-pas-04 --code "$WORK/code/pp04.py" --run
  shot "$size" 11-verdict-failed 14 --game-lang "$lang" --profile "Zoé" \
    --level codebot/premiers-pas-04 --code "$WORK/code/wrong.py" --run
done

echo "== screenshots" >&2
printf '%s\n' "${REPORT[@]}"
if [ "${#FAILED[@]}" -gt 0 ]; then
  echo "${#FAILED[@]} screenshot(s) missing or blank" >&2
  exit 1
fi
