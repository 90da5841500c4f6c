#!/usr/bin/env bash
# Install the one-folder build for the current user (no root): the app in ~/.local/opt,
# `ssi-desktop` on the PATH via ~/.local/bin, and a menu entry with its icon.
#   bash build/install-linux.sh            install (after `bash build/dev.sh package`)
#   bash build/install-linux.sh --remove   uninstall (your data and backups stay where they are)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app_dir="$HOME/.local/opt/ssi-desktop"
bin_link="$HOME/.local/bin/ssi-desktop"
desktop_file="$HOME/.local/share/applications/ssi-desktop.desktop"
icon_file="$HOME/.local/share/icons/hicolor/scalable/apps/ssi-desktop.svg"

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$app_dir" "$bin_link" "$desktop_file" "$icon_file"
  echo "SSI Desktop removed (your data is untouched)."
  exit 0
fi

build="$root/build/dist/ssi-desktop"
if [ ! -x "$build/ssi-desktop" ]; then
  echo "No build found in $build: run 'bash build/dev.sh package' first." >&2
  exit 1
fi
rm -rf "$app_dir"
mkdir -p "$(dirname "$app_dir")" "$(dirname "$bin_link")"
cp -a "$build" "$app_dir"
ln -sf "$app_dir/ssi-desktop" "$bin_link"
sed "s|^Exec=.*|Exec=$app_dir/ssi-desktop|" "$root/resources/ssi-desktop.desktop" |
  install -Dm644 /dev/stdin "$desktop_file"
install -Dm644 "$root/resources/icons/app.svg" "$icon_file"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$(dirname "$desktop_file")" || true
"$app_dir/ssi-desktop" --self-test
echo "Installed: start SSI Desktop from your applications menu, or run ssi-desktop."
