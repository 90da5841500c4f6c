#!/usr/bin/env bash
# One entry point for a fresh machine: sets up everything, then runs what you ask for.
#   bash build/dev.sh app [ARGS]     run the app (ARGS go to ssi-desktop)
#   bash build/dev.sh test [ARGS]    run the whole test suite (ARGS go to pytest)
#   bash build/dev.sh ssi [ARGS]     run the command line
#   bash build/dev.sh bench [ARGS]   run the benchmarks (not part of the tests)
#   bash build/dev.sh package        build the packaged executables (see build/README.md)
# Set-up: the system libraries Qt needs (installed with apt-get when run as root, otherwise the
# exact sudo line is printed), a virtual environment in .venv, and the project with its extras.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="$root/.venv"

qt_libs=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0)
extra_libs=()

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

# system_packages [optional]: with "optional" (the command line), a user who cannot install
# them is told the sudo line and goes on: `ssi` itself needs no Qt, only `ssi-desktop` does.
system_packages() {
  command -v dpkg-query >/dev/null || return 0  # not Debian/Ubuntu: Qt's wheels bring the rest
  local missing=()
  for pkg in "${qt_libs[@]}" "${extra_libs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "Installing system libraries: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "Qt needs these system libraries; please run:"
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    [ "${1:-}" = optional ] || exit 1
  fi
}

# The team tests start a throw-away PostgreSQL server (tests/team/postgres_cluster.py): the test
# run installs it when run as root, else says how; the tests skip, saying why, without it.
postgres_server() {
  command -v dpkg-query >/dev/null || return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && return 0
  command -v initdb >/dev/null && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "Installing PostgreSQL for the team tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  else
    say "The team tests need PostgreSQL; they are skipped until you run:"
    echo "  sudo apt-get install -y postgresql" >&2
  fi
}

python_for_venv() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  say "SSI Desktop needs Python 3.11 or newer (python3 --version)."
  exit 1
}

virtualenv() {
  local python stamp extras="$1"
  if [ ! -x "$venv/bin/python" ]; then
    python="$(python_for_venv)"
    say "Creating a virtual environment in .venv ($("$python" --version))"
    if ! "$python" -m venv "$venv" 2>/dev/null; then
      rm -rf "$venv"
      if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        "$python" -m venv "$venv"
      else
        say "Python's venv module is missing; please run: sudo apt-get install -y python3-venv"
        exit 1
      fi
    fi
  fi
  # Reinstall only when the dependencies changed: the second run starts at once.
  stamp="$venv/.installed-$(cat pyproject.toml | sha1sum | cut -c1-12)-${extras}"
  if [ ! -f "$stamp" ]; then
    say "Installing SSI Desktop and its dependencies into .venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e ".[${extras}]"
    rm -f "$venv"/.installed-*
    touch "$stamp"
  fi
}

command="${1:-app}"
shift || true
export PYQTGRAPH_QT_LIB=PySide6
case "$command" in
  app)
    system_packages
    virtualenv test
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
      say "No display found: run this from a desktop session (or under xvfb-run)."
    fi
    exec "$venv/bin/ssi-desktop" "$@"
    ;;
  ssi)
    # The same set-up as `app`: ssi-desktop from this environment then starts too.
    system_packages optional
    virtualenv test
    exec "$venv/bin/ssi" "$@"
    ;;
  test)
    system_packages
    postgres_server
    virtualenv test
    export QT_QPA_PLATFORM=offscreen
    exec "$venv/bin/python" -m pytest "$@"
    ;;
  bench)
    system_packages
    virtualenv test
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    exec "$venv/bin/python" -m tests.benchmarks "$@"
    ;;
  package)
    extra_libs=(binutils)
    system_packages
    virtualenv "test,build"
    exec "$venv/bin/python" build/package.py "$@"
    ;;
  *)
    say "usage: bash build/dev.sh app|test|ssi|bench|package [ARGS]"
    exit 2
    ;;
esac
