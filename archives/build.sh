#!/usr/bin/env bash
# Rebuild the Margins test archives from files that Debian 12 packages ship.
#
#   archives/build.sh [NAME ...] [--out DIR]
#
# NAME is one of: icons glyphs photos textures emoji (default: all). Each archive
# goes to DIR/NAME/ (images/*.png, SOURCES.tsv, LICENSES/, README.md, sheet.png);
# DIR defaults to ${XDG_CACHE_HOME:-$HOME/.cache}/margins/archives. The images stay
# out of git: this script makes them again, the same files for the same package
# versions. It installs the Debian packages it needs with apt-get (through sudo
# unless run as root); the work is done by archives/build.py under Debian's own
# /usr/bin/python3 with Debian's python3-pil and python3-numpy (no pip needed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${XDG_CACHE_HOME:-$HOME/.cache}/margins/archives"
names=()

usage() { sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || { echo "--out needs a folder" >&2; exit 2; }; out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) names+=("$1"); shift ;;
  esac
done

# apt-get needs root; use sudo only when we are not root already.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

updated=no
# Install those of the given Debian packages that are not installed yet.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}"
  if [ "$updated" = no ]; then
    as_root apt-get update -qq
    updated=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Debian's python and imaging libraries first: build.py needs them even to list
# the packages of each archive.
ensure_packages python3 python3-pil python3-numpy
py=(/usr/bin/python3 -B "$here/build.py")   # -B: leave no __pycache__ in the repository

# The data packages (icon themes, fonts, wallpapers, game data) of the archives asked for.
read -r -a pkgs <<< "$("${py[@]}" --packages "${names[@]}")"
if [ ${#pkgs[@]} -gt 0 ]; then
  ensure_packages "${pkgs[@]}"
fi

mkdir -p "$out"
start=$(date +%s)
"${py[@]}" --out "$out" "${names[@]}"
echo "done in $(( $(date +%s) - start )) s: $(du -sh "$out" | cut -f1) in $out"
