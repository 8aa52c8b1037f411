#!/usr/bin/env bash
# The game's numbers as a player gets them, on software rendering (Xvfb + Mesa lavapipe,
# no GPU), with the release build:
#
#   - start to title screen: from launching the executable until the title is on the
#     screen (the display is polled, about every 0.1 s), over RUNS starts;
#   - frame rate on the level screen, idle, and while a runaway program
#     (`while True: pass`) is run again and again (Ctrl+Enter as soon as its verdict is
#     in): the game logs its frame rate every 5 s (CODEBOT_FPS_LOG=1) and, for each run,
#     the frames drawn while the program ran;
#   - resident memory (VmRSS of /proc/<pid>/status) on the title and on a level.
#
#   scripts/measure-game.sh
#
# Environment:
#   CODEBOT_BIN   the game to measure (default: `cargo build --release`, then
#                 target/release/codebot; CARGO_TARGET_DIR is followed)
#   SIZE          window size (default 1280x720)
#   MEASURE_SECONDS  how long each frame-rate measure lasts (default 20)
#   RUNS          how many starts are timed (default 5)
#   BACKEND       graphics: auto (default; lavapipe's Vulkan here), vulkan, or gl (OpenGL
#                 through EGL and Mesa llvmpipe), see scripts/lib/display.sh
#
# The window gets the keyboard focus (xdotool), as a player's window has: Bevy then
# draws the level screen continuously, as it does for a player. Targets: 60 frames per
# second idle, 30 while a runaway program runs, start under 2 s, under 400 MB.
#
# Other work on the machine lowers the frame rates: with the kernel's autogroup
# scheduling (/proc/sys/kernel/sched_autogroup_enabled), `nice` only orders processes
# within one session, and each busy session gets its share of the cores. The report ends
# with the load average and the busiest processes, to read the numbers with.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-1280x720}
SECONDS_PER_MEASURE=${MEASURE_SECONDS:-20}
RUNS=${RUNS:-5}
LEVEL=codebot/premiers-pas-04

# shellcheck source=scripts/lib/display.sh
. scripts/lib/display.sh
need_display_tools
command -v xdotool >/dev/null || { echo "xdotool is needed (apt-get install xdotool)" >&2; exit 2; }

if [ -z "${CODEBOT_BIN:-}" ]; then
  echo "== cargo build --release" >&2
  cargo build --release
  CODEBOT_BIN=${CARGO_TARGET_DIR:-target}/release/codebot
fi
BIN=$(cd "$(dirname "$CODEBOT_BIN")" && pwd)/$(basename "$CODEBOT_BIN")

WORK=$(mktemp -d)
GAME_PID=
cleanup() {
  # `|| true`: under `set -e` a failed kill (the game already gone) would end the
  # cleanup here and leave the virtual display running.
  [ -z "$GAME_PID" ] || kill "$GAME_PID" 2>/dev/null || true
  stop_display
  rm -rf "$WORK"
}
trap cleanup EXIT
start_display "$WORK" "$SIZE"
export CODEBOT_DATA_DIR="$WORK/data"
export CODEBOT_FPS_LOG=1
# The per-run line ("frames drawn meanwhile") is logged by the level screen's runner.
export RUST_LOG="info,wgpu=error,naga=warn"
mkdir -p "$CODEBOT_DATA_DIR"
printf 'while True:\n    pass\n' >"$WORK/runaway.py"

# Starts the game in the background (options as given); sets GAME_PID, logs to $1.
launch() {
  local log=$1
  shift
  "$BIN" --window "$SIZE" "$@" >"$log" 2>&1 &
  GAME_PID=$!
}

# Gives the game's window the keyboard focus; prints its X window id.
focus_game() {
  local window
  window=$(timeout 60 xdotool search --sync --name '^Codebot$' | head -n 1)
  xdotool windowfocus --sync "$window" >/dev/null 2>&1 || xdotool windowfocus "$window"
  xdotool mousemove 1 1 >/dev/null 2>&1 || true
  echo "$window"
}

finish() {
  kill "$GAME_PID" 2>/dev/null || true
  wait "$GAME_PID" 2>/dev/null || true
  GAME_PID=
}

# Resident memory of a running game, or "gone" when it has ended (see its log).
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo gone; }

# Frame rates of the 5-second windows logged after the first one (warming up).
fps_windows() { grep -o 'fps [0-9.]*' "$1" | awk 'NR > 1 { print $2 }'; }

stats() { # min / median / max of numbers on stdin
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "no data"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %.1f (min %.1f, max %.1f, %d values)", m, v[1], v[NR], NR }'
}

# Other work on the machine skews every number: note the load and the busiest processes.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
busy_before=$(ps -eo pcpu=,ni=,comm= --sort=-pcpu | awk '$1 >= 10 { printf "%s%s (%s%% cpu, nice %s)", sep, $3, $1, $2; sep = ", " }')

# -- Start to title --------------------------------------------------------------------
# The title is on screen when the middle of the window (logo and name) is not flat any
# more: before, the display shows nothing or the plain background.
width=${SIZE%x*}
height=${SIZE#*x}
crop="$((width / 3))x$((height / 3))+$((width / 3))+$((height / 8))"
: >"$WORK/starts"
for run in $(seq "$RUNS"); do
  started=$(date +%s.%N)
  launch "$WORK/start-$run.log"
  shown=
  for _ in $(seq 300); do
    deviation=$(import -window root -crop "$crop" +repage -format '%[fx:standard_deviation]' \
      info: 2>/dev/null || echo 0)
    if awk "BEGIN { exit !($deviation > 0.05) }"; then
      shown=$(date +%s.%N)
      break
    fi
    sleep 0.05
  done
  if [ -z "$shown" ]; then
    echo "run $run: the title did not appear in 30 s; the game's last words:" >&2
    tail -n 5 "$WORK/start-$run.log" >&2
  else
    awk "BEGIN { printf \"%.2f\n\", $shown - $started }" >>"$WORK/starts"
  fi
  if [ "$run" = 1 ]; then
    sleep 6
    title_rss=$(rss_mib "$GAME_PID")
  fi
  finish
done
first_frame=$(grep -ho 'first frame after [0-9]* ms' "$WORK"/start-*.log | awk '{ print $4 / 1000 }' | stats)

# -- The level screen, idle ------------------------------------------------------------
launch "$WORK/idle.log" --profile "Zoé" --game-lang fr --level "$LEVEL"
focus_game >/dev/null
sleep "$SECONDS_PER_MEASURE"
level_rss=$(rss_mib "$GAME_PID")
finish
idle=$(fps_windows "$WORK/idle.log" | stats)

# -- The level screen, a runaway program run again and again ---------------------------
launch "$WORK/runaway.log" --profile "Zoé" --game-lang fr --level "$LEVEL" \
  --code "$WORK/runaway.py" --run
window=$(focus_game)
end=$((SECONDS + SECONDS_PER_MEASURE))
runs=0
while [ "$SECONDS" -lt "$end" ]; do
  done_runs=$(grep -c 'program graded in' "$WORK/runaway.log" || true)
  if [ "$done_runs" -gt "$runs" ]; then
    runs=$done_runs
    # Real key presses (XTEST) to the focused window, held like a player's: events sent
    # with `--window` are synthetic and the game may ignore them.
    xdotool windowfocus "$window" 2>/dev/null || true
    xdotool keydown ctrl && sleep 0.1 && xdotool key Return && sleep 0.1 && xdotool keyup ctrl
  fi
  sleep 0.05
done
running_rss=$(rss_mib "$GAME_PID")
finish
per_run=$(grep -o '([0-9.]* per second)' "$WORK/runaway.log" | tr -d '(' | awk '{ print $1 }' | stats)
busy=$(fps_windows "$WORK/runaway.log" | stats)
graded=$(grep -o 'graded in [0-9]* ms' "$WORK/runaway.log" | awk '{ print $3 }' | stats)

cat <<EOF
== Codebot on software rendering (Xvfb + lavapipe), window $SIZE, $(nproc) cores
binary: $BIN
start to title screen (s):          $(stats <"$WORK/starts")
  first frame logged by the game (s): $first_frame
level screen idle, frames/s:        $idle
runaway program (while True: pass), run again as soon as it ends:
  frames/s while it runs:           $per_run
  frames/s over 5 s windows:        $busy
  time to its verdict (ms):         $graded
resident memory (MiB): title $title_rss, level $level_rss, level after the runs $running_rss
load average (1, 5, 15 min): before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)
busy processes before: ${busy_before:-none}
EOF
