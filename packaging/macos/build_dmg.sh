#!/usr/bin/env bash
# Build ecovdesk.app and pack it into a disk image, on macOS:
#
#   packaging/macos/build_dmg.sh          # -> packaging/dist/ecovdesk-VERSION-macos-ARCH.dmg
#
# The bundle comes from the BUNDLE step of packaging/ecovdesk.spec, which writes its Info.plist:
# bundle id cn.ecovai.ecovdesk, the icon rendered from resources/icons/ecovdesk.svg,
# LSMinimumSystemVersion, NSHighResolutionCapable, and the English and Simplified Chinese
# localizations (CFBundleLocalizations plus en.lproj and zh-Hans.lproj). The app is signed
# ad hoc only (Apple silicon will not start unsigned code); with a Developer ID, set
# CODESIGN_IDENTITY to sign it properly before the image is made.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-python3}
DIST=packaging/dist
APP="$DIST/ecovdesk.app"

"$PYTHON" packaging/build.py --no-archive "$@"
VERSION=$("$PYTHON" -c 'import sys; sys.path.insert(0, "packaging"); import prepare; print(prepare.version())')
ARCH=$(uname -m)
DMG="$DIST/ecovdesk-$VERSION-macos-$ARCH.dmg"

plist() { /usr/libexec/PlistBuddy -c "Print :$1" "$APP/Contents/Info.plist"; }
echo "bundle $(plist CFBundleIdentifier) $(plist CFBundleShortVersionString)," \
  "macOS >= $(plist LSMinimumSystemVersion), localizations: $(plist CFBundleLocalizations | tr -d '\n ')"

# The bundle must pass its own smoke test before it is shipped.
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/ecovdesk" --smoke-test

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
fi
codesign --verify --deep --strict "$APP"

# A folder with the app and a link to /Applications is what users expect to drag between.
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "ecovdesk $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO \
  -imagekey zlib-level=9 -ov "$DMG"
hdiutil verify "$DMG"
echo "disk image: $DMG"
