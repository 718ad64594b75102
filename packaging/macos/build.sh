#!/usr/bin/env bash
# Build BP Studio for macOS: "BP Studio.app" (PyInstaller BUNDLE) and a drag-to-install .dmg.
# UNTESTED ON MACOS (see packaging/README.md). Run on a Mac (Apple silicon or Intel: the build
# targets the machine's own architecture) with Python 3.11+ as python3:
#     bash packaging/macos/build.sh
# Output: "packaging/dist/BP Studio.app" and packaging/dist/BPStudio-<version>-<arch>.dmg
# The app is not signed with a Developer ID nor notarised (PyInstaller signs it ad hoc), so
# Gatekeeper asks for confirmation on first start: Control-click the app > Open.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-python3}
VENV=packaging/build/venv
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' bpstudio/__init__.py)
arch=$(uname -m)
[ -n "$version" ] || { echo "bpstudio/__init__.py has no __version__ line" >&2; exit 1; }

# 1. An isolated build venv: the app as `pip install .` gives it, plus PyInstaller.
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet . "pyinstaller>=6.10,<7"
"$VENV/bin/python" -m pip install --quiet --no-deps --force-reinstall .

# 2. Compiled translations and the icons (bpstudio.icns for the .app).
for ts in resources/translations/*.ts; do
    [ -e "$ts" ] || continue
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
"$VENV/bin/python" packaging/render_icons.py resources/icons/bpstudio.svg packaging/build/icons >/dev/null

# 3. PyInstaller: packaging/dist/bpstudio/ and "packaging/dist/BP Studio.app".
BPSTUDIO_ICON_DIR=packaging/build/icons "$VENV/bin/pyinstaller" --noconfirm \
    --distpath packaging/dist --workpath packaging/build/pyinstaller packaging/bpstudio.spec
app="packaging/dist/BP Studio.app"
[ -x "$app/Contents/MacOS/bpstudio" ] || { echo "PyInstaller made no $app" >&2; exit 1; }

# 4. Smoke test of the frozen program.
QT_QPA_PLATFORM=offscreen "$app/Contents/MacOS/bpstudio" explain | grep -q 0.725409
QT_QPA_PLATFORM=offscreen "$app/Contents/MacOS/bpstudio" --phases 3 --screenshot packaging/build/smoke.png
[ "$(stat -f %z packaging/build/smoke.png)" -gt 20000 ] || { echo "the screenshot is nearly empty" >&2; exit 1; }

# 5. The disk image: the app beside a link to /Applications, compressed (UDZO).
stage=packaging/build/dmg
rm -rf "$stage"
mkdir -p "$stage"
ditto "$app" "$stage/BP Studio.app"
ln -s /Applications "$stage/Applications"
dmg="packaging/dist/BPStudio-$version-$arch.dmg"
rm -f "$dmg"
hdiutil create -volname "BP Studio $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"
echo "built $dmg"
