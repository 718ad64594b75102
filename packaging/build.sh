#!/usr/bin/env bash
# `make package` on Linux: the PyInstaller folder in an isolated venv, then the .deb.
# Needs (Debian): python3 with venv, binutils (ldd/objdump for PyInstaller), dpkg-dev tools
# (dpkg-deb), zstd, and the run-time libraries of Qt's xcb plugin installed, so that the
# Depends derived from them are complete (see packaging/README.md and .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
BUILD=packaging/build
VENV=$BUILD/venv
PYINSTALLER_SPEC="pyinstaller>=6.10,<7"

pip_install() {  # quiet, minus pip's notes about unusable find-links folders of this machine
    "$VENV/bin/python" -m pip install --quiet "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
}

# 1. The build venv: the app and its run-time dependencies exactly as `pip install .` gives
#    them, plus PyInstaller, and nothing else (no test tools, no editable install). Recreated
#    when pyproject.toml changes; the app itself is reinstalled on every build.
if [ ! -x "$VENV/bin/python" ] || [ pyproject.toml -nt "$VENV/.pyproject-stamp" ]; then
    echo "package: creating the build venv ($VENV)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    pip_install --upgrade pip
    pip_install . "$PYINSTALLER_SPEC"
    touch "$VENV/.pyproject-stamp"
else
    pip_install --no-deps --force-reinstall .
fi

# 2. Icons for the desktop, rendered from the one SVG.
rm -rf "$BUILD/icons"
"$VENV/bin/python" packaging/render_icons.py resources/icons/bpstudio.svg "$BUILD/icons" >/dev/null

# 3. The one-folder bundle: packaging/dist/bpstudio/.
echo "package: PyInstaller (one folder)"
BPSTUDIO_ICON_DIR="$BUILD/icons" "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath packaging/dist --workpath "$BUILD/pyinstaller" packaging/bpstudio.spec

# 4. The Debian package.
echo "package: dpkg-deb"
deb=$("$VENV/bin/python" packaging/build_deb.py)
echo "package: built $deb ($(du -h "$deb" | cut -f1); bundle $(du -sh packaging/dist/bpstudio | cut -f1))"
