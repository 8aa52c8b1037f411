# Shared by the scripts that run the game under a virtual display (screenshots.sh,
# measure-game.sh). Source it, then:
#
#   need_display_tools             # Xvfb, the Vulkan software driver (lavapipe), ImageMagick
#                                  # and xdotool; installed with apt-get when run as root
#   start_display WORK_DIR [WxH]   # a private Xvfb display: sets DISPLAY and XVFB_PID
#   stop_display                   # kills that Xvfb
#
# BACKEND (auto, vulkan or gl; default auto) is the game's graphics backend: exported as
# CODEBOT_BACKEND. With gl the game draws through EGL and Mesa's llvmpipe, which needs
# libegl1, libegl-mesa0 and libgl1-mesa-dri (installed like the rest).
#
# Nothing here exits the caller's shell on success; failures exit with status 2.

export CODEBOT_BACKEND=${BACKEND:-auto}
DISPLAY_PACKAGES="xvfb mesa-vulkan-drivers libvulkan1 imagemagick xdotool"
[ "$CODEBOT_BACKEND" = gl ] && DISPLAY_PACKAGES="$DISPLAY_PACKAGES libegl1 libegl-mesa0 libgl1-mesa-dri"

have_display_tools() {
  command -v Xvfb >/dev/null && command -v identify >/dev/null &&
    ls /usr/share/vulkan/icd.d/lvp_icd*.json >/dev/null 2>&1 &&
    { [ "$CODEBOT_BACKEND" != gl ] || dpkg -s libegl1 libegl-mesa0 libgl1-mesa-dri >/dev/null 2>&1; }
}

need_display_tools() {
  have_display_tools && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing $DISPLAY_PACKAGES" >&2
    apt-get update -qq
    # shellcheck disable=SC2086 # a list of package names
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $DISPLAY_PACKAGES >/dev/null
  else
    echo "missing Xvfb, ImageMagick or the Vulkan software driver: install" >&2
    echo "  $DISPLAY_PACKAGES (xdotool is optional)" >&2
    exit 2
  fi
}

start_display() {
  local work=$1 size=${2:-1920x1080} n=
  for candidate in $(seq 90 140); do
    if [ ! -e "/tmp/.X$candidate-lock" ] && [ ! -e "/tmp/.X11-unix/X$candidate" ]; then
      n=$candidate
      break
    fi
  done
  [ -n "$n" ] || { echo "no free X display number" >&2; exit 2; }
  Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do
    [ -e "/tmp/.X11-unix/X$n" ] && return 0
    sleep 0.1
  done
  echo "Xvfb did not start on :$n (see $work/xvfb.log)" >&2
  exit 2
}

stop_display() {
  [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null
  XVFB_PID=
  return 0
}
