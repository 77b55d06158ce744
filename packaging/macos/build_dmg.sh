#!/usr/bin/env bash
# Build dist/Daredevil.app and dist/Daredevil-<version>-macos-<arch>.dmg (run on macOS 12+).
#   PYTHON=.venv/bin/python bash packaging/macos/build_dmg.sh
# Same spec and starter model as packaging/build.sh. The .app is signed ad hoc (arm64
# refuses unsigned code); for distribution sign with a Developer ID and notarize:
#   codesign --force --deep --options runtime --sign "Developer ID Application: ..." dist/Daredevil.app
#   xcrun notarytool submit dist/Daredevil-*.dmg --keychain-profile NOTARY --wait
#   xcrun stapler staple dist/Daredevil-*.dmg
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PYTHON=${PYTHON:-.venv/bin/python}
export DAREDEVIL_VARIANT=cpu  # macOS torch wheels are CPU (+MPS) builds
unset DAREDEVIL_BUNDLED_MODELS
VERSION=$("$PYTHON" -c 'import desktop_app; print(desktop_app.__version__)')
ARCH=$(uname -m)

# The .icns from the committed PNGs (the spec reads build/daredevil.icns).
ICONSET=build/daredevil.iconset
rm -rf "$ICONSET" && mkdir -p "$ICONSET"
for size in 16 32 128 256 512; do
  cp "resources/icons/hicolor/${size}x${size}/apps/daredevil.png" "$ICONSET/icon_${size}x${size}.png"
done
for size in 16 128 256; do
  double=$((size * 2))
  cp "resources/icons/hicolor/${double}x${double}/apps/daredevil.png" "$ICONSET/icon_${size}x${size}@2x.png"
done
iconutil -c icns "$ICONSET" -o build/daredevil.icns

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/daredevil.spec

# The starter model goes into Contents/Resources/models; sys._MEIPASS is Contents/Frameworks,
# so a link there lets the registry find it as <_MEIPASS>/models.
STARTER_HOME=build/starter-home
if [ ! -f "$STARTER_HOME/data/models/base.json" ]; then
  DAREDEVIL_HOME="$ROOT/$STARTER_HOME" "$PYTHON" -m desktop_app models install-starter
fi
APP=dist/Daredevil.app
mkdir -p "$APP/Contents/Resources/models"
cp "$STARTER_HOME/data/models/base.pt" "$STARTER_HOME/data/models/base.json" "$APP/Contents/Resources/models/"
ln -sfn ../Resources/models "$APP/Contents/Frameworks/models"
codesign --force --deep --sign - "$APP"

# Smoke test with an empty home: the frozen app starts and lists the bundled model.
DAREDEVIL_HOME="$ROOT/build/smoke-home" "$APP/Contents/MacOS/daredevil" models list | grep -q '^base '

# The .dmg: the app next to a link to /Applications, LZMA-compressed (macOS 10.15+).
STAGE=build/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG=dist/Daredevil-$VERSION-macos-$ARCH.dmg
rm -f "$DMG"
hdiutil create -volname Daredevil -srcfolder "$STAGE" -fs HFS+ -format ULMO "$DMG"
echo "build_dmg: $(du -sh "$APP" | cut -f1) app, $(du -h "$DMG" | cut -f1) dmg in $DMG"
