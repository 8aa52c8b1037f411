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
#   BACKEND       graphics: auto (default; lavapipe's Vulkan here), vulkan, or gl (OpenGL
#                 through EGL and Mesa llvmpipe), see scripts/lib/display.sh
#
# It writes OUT_DIR/<size>/<name>.png and fails (non-zero) when a screenshot is missing
# or blank (ImageMagick: standard deviation of the pixels near 0). Saves go to a
# temporary CODEBOT_DATA_DIR, seeded with a few profiles, a teacher's packs and a class's
# files (scripts/lib/teacher-seed.sh): real saves are never touched. Inès has finished
# three chapters (career cards unlocked, most badges earned), Sami the first one, and
# Nina too but was not told yet (the notice of her new cards shows on the map).
# When run as root with apt-get, it installs what it needs (xvfb, the Vulkan software
# driver, imagemagick, xdotool) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-target/screenshots}
SIZES=${SIZES:-"1366x768 1920x1080"}
SLOW=${SLOW:-1}

# -- Tools -------------------------------------------------------------------------------
# shellcheck source=scripts/lib/display.sh
. scripts/lib/display.sh
need_display_tools

# -- The game ----------------------------------------------------------------------------
if [ -z "${CODEBOT_BIN:-}" ]; then
  echo "== cargo build" >&2
  cargo build
  CODEBOT_BIN=target/debug/codebot
fi
BIN=$(cd "$(dirname "$CODEBOT_BIN")" && pwd)/$(basename "$CODEBOT_BIN")

# -- A display and a data folder of our own ----------------------------------------------
WORK=$(mktemp -d)
start_display "$WORK" 1920x1080
cleanup() {
  stop_display
  rm -rf "$WORK"
}
trap cleanup EXIT
export CODEBOT_DATA_DIR="$WORK/data"
unset CODEBOT_FPS_LOG
mkdir -p "$CODEBOT_DATA_DIR/profiles" "$WORK/code"

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
# A level a teacher is drawing in the editor: one hint still to translate.
cat >"$WORK/code/jardin.ron" <<'EOF'
// Drawn in the level editor.
(
  id: "jardin",
  title: (fr: "Le jardin aux gemmes", en: "The gem garden"),
  brief: (fr: "Ramasse les gemmes puis va sur G.", en: "Pick up the gems, then go to G."),
  map: "
    ###########
    #>..*..g..#
    #.##.##g#.#
    #..*.bbb..#
    #.#.#.#.#*#
    #..X....*G#
    ###########
  ",
  legend: {'X': [Color(yellow), Items(coin, 3)]},
  walls: [(x: 4, y: 3, side: East), (x: 6, y: 1, side: South)],
  goals: [CollectAll(gem), ReachGoal],
  variants: (count: 3, rules: [Scatter(mark: '*', count: (2, 4))]),
  allowed: ["move", "turn_left", "turn_right", "pick", "item_here", "front_is_clear", "at_goal"],
  max_actions: 400,
  hints: [(fr: "Parcours chaque couloir.", en: "")],
  solution: "",
)
EOF

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

# What a profile's `achievements` hold once every career card and badge was announced.
ALL_TOLD=$({
  sed -n 's/^    id: "\(.*\)",$/"career\/\1"/p' curriculum/careers.ron
  sed -n 's/^    id: "\(.*\)",$/"\1"/p' curriculum/badges.ron
} | paste -sd, -)
# The level ids of the built-in chapters, up to and including chapter $1.
levels_up_to() {
  awk -v last="$1" '
    /^      id: "/ { if (done) exit; chapter = $0; gsub(/.*id: "|".*/, "", chapter) }
    /levels: \[/ { inside = 1; next }
    inside && /\],/ { inside = 0; if (chapter == last) done = 1; next }
    inside { while (match($0, /"[a-z0-9-]+"/)) { print substr($0, RSTART + 1, RLENGTH - 2); $0 = substr($0, RSTART + RLENGTH) } }
  ' levels/codebot/pack.ron
}
# seed_profile ID NAME AVATAR LAST_CHAPTER ACHIEVEMENTS: every level passed up to that
# chapter without hints (the first with a loop, the second with a function after six
# tries, three stars in the first chapter).
seed_profile() {
  local id=$1 name=$2 avatar=$3 last=$4 told=$5 n=0 level code attempts stars
  {
    printf '(\n    format_version: 1,\n    id: "%s",\n    name: "%s",\n    avatar: %s,\n    levels: {\n' \
      "$id" "$name" "$avatar"
    for level in $(levels_up_to "$last"); do
      n=$((n + 1))
      code='move()\n'; attempts=1; stars=2
      [ "$n" = 1 ] && code='for _ in range(3):\n    move()\n'
      [ "$n" = 2 ] && { code='def two():\n    move()\n    move()\ntwo()\n'; attempts=6; }
      case $level in premiers-pas-*) stars=3 ;; esac
      printf '        "codebot/%s": (passed: true, best_stars: %s, code: "%s", attempts: %s, passed_without_hints: true),\n' \
        "$level" "$stars" "$code" "$attempts"
    done
    printf '    },\n    achievements: [%s],\n)\n' "$told"
  } >"$CODEBOT_DATA_DIR/profiles/$id.ron"
}
seed_profile ines "Inès" 5 boucles-for "$ALL_TOLD"
seed_profile nina "Nina" 3 premiers-pas ""
seed_profile sami "Sami" 6 premiers-pas "$ALL_TOLD"
# Zoé's first badge was earned while seeding: as if she had been told already, so that
# her shots show the screens, not the notice.
sed -i "s|achievements: \[\]|achievements: [$ALL_TOLD]|" "$CODEBOT_DATA_DIR"/profiles/zo*.ron
# The teacher's packs, a class's progress files and exam copies.
# shellcheck source=scripts/lib/teacher-seed.sh
. scripts/lib/teacher-seed.sh
seed_teacher
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
  teacher_desk Packs
  shot "$size" 14-teacher-packs 3 --game-lang "$lang" --screen teacher
  teacher_desk Progress
  shot "$size" 15-teacher-progress 3 --game-lang "$lang" --screen teacher
  teacher_desk Exams
  shot "$size" 16-teacher-exams 14 --game-lang "$lang" --screen teacher
  rm -f "$WORK/seed/teacher.ron"
  shot "$size" 17-pack-refused 3 --game-lang "$lang" --profile "Zoé" --pack "$WORK/packs/casse"
  shot "$size" 18-pack-installed 3 --game-lang "$lang" --profile "Zoé" \
    --pack "$WORK/packs/controle-si"
  shot "$size" 19-exam-level 3 --game-lang "$lang" --profile "Zoé" \
    --level controle-boucles/premiers-pas-04 --code "$WORK/code/wrong.py"
  shot "$size" 12-editor 3 --game-lang "$lang" --edit "$WORK/code/jardin.ron"
  shot "$size" 13-editor-test 12 --game-lang "$lang" --edit codebot/algos-04 --run
  shot "$size" 20-careers 3 --game-lang "$lang" --profile "Inès" --screen careers
  shot "$size" 21-profile-badges 3 --game-lang "$lang" --profile "Inès" --screen profiles
  shot "$size" 22-careers-unlocked-notice 3 --game-lang "$lang" --profile "Nina"
  shot "$size" 23-careers-first-chapter 3 --game-lang "$lang" --profile "Sami" --screen careers
  shot "$size" 24-careers-all-locked 3 --game-lang "$lang" --profile "Léo" --screen careers
done

echo "== screenshots" >&2
printf '%s\n' "${REPORT[@]}"
if [ "${#FAILED[@]}" -gt 0 ]; then
  echo "${#FAILED[@]} screenshot(s) missing or blank" >&2
  exit 1
fi
