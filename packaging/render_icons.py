"""Render the one SVG application icon to the PNG sizes desktops look for.

Usage: python packaging/render_icons.py SVG OUT_DIR
writes OUT_DIR/<n>x<n>/apps/bpstudio.png for every hicolor size, plus OUT_DIR/bpstudio.ico
(Windows: executable and installer) and OUT_DIR/bpstudio.icns (macOS .app). Run with the build
venv's Python: PySide6's QtSvg renders and Qt's image plugins write ICO/ICNS, so no other image
tool is needed on any of the three systems.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG file")
    written: list[Path] = []
    for size in HICOLOR_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"{size}x{size}" / "apps" / "bpstudio.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"render_icons: could not write {target}")
        written.append(target)
    # Qt's ICO and ICNS writers store one image each: 256 px is the largest ICO entry Windows
    # reads and it scales it down itself; macOS scales the 512 px ICNS entry the same way.
    for name, size, fmt in (("bpstudio.ico", 256, "ICO"), ("bpstudio.icns", 512, "ICNS")):
        source = QImage(str(out_dir / f"{size}x{size}" / "apps" / "bpstudio.png"))
        if not source.save(str(out_dir / name), fmt):
            raise SystemExit(f"render_icons: this Qt build cannot write {fmt} ({out_dir / name})")
        written.append(out_dir / name)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for path in render(Path(argv[1]), Path(argv[2])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
