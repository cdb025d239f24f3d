#!/bin/sh
# Install ecovdesk from the unpacked tarball: the app folder, a launcher on PATH, the menu entry
# and the icons. Per user by default; PREFIX=/usr/local (as root) installs for everyone.
#
#   ./install.sh              install (again, replacing an older version)
#   ./install.sh --uninstall  remove what install put there; profiles and keys are kept
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-"$HOME/.local"}
APP_DIR="$PREFIX/lib/ecovdesk"
BIN="$PREFIX/bin/ecovdesk"
DESKTOP="$PREFIX/share/applications/ecovdesk.desktop"
ICONS="$PREFIX/share/icons/hicolor"

refresh_caches() {
  # Menus and icon themes pick the changes up by themselves eventually; these make it immediate.
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$PREFIX/share/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ICONS/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$ICONS" 2>/dev/null || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$APP_DIR"
  rm -f "$BIN" "$DESKTOP"
  find "$ICONS" -path '*/apps/ecovdesk.*' -type f -exec rm -f {} + 2>/dev/null || true
  refresh_caches
  echo "ecovdesk removed from $PREFIX"
  exit 0
fi

if [ ! -x "$HERE/ecovdesk/ecovdesk" ]; then
  echo "install.sh: run me from the unpacked ecovdesk tarball" >&2
  exit 1
fi

mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" "$ICONS"
# Copy beside the old folder and swap, so a failed copy leaves the installed app working.
rm -rf "$APP_DIR.new"
cp -a "$HERE/ecovdesk" "$APP_DIR.new"
rm -rf "$APP_DIR"
mv "$APP_DIR.new" "$APP_DIR"
ln -sf "$APP_DIR/ecovdesk" "$BIN"
cp -a "$HERE/icons/hicolor/." "$ICONS/"
# Menus do not search PATH the same way everywhere (~/.local/bin is often missing), so the
# entry names the program by its full path.
sed "s|^Exec=ecovdesk|Exec=\"$APP_DIR/ecovdesk\"|" "$HERE/ecovdesk.desktop" >"$DESKTOP"
chmod 644 "$DESKTOP"
refresh_caches

echo "ecovdesk installed in $APP_DIR"
echo "start it from the menu, or run: $BIN"
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *) echo "($PREFIX/bin is not on your PATH)" ;;
esac
