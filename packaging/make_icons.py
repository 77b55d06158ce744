"""Render resources/icons/daredevil.svg to the PNG sizes and the Windows .ico (run once; output is committed).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
"""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, out: Path) -> None:
    """Draw the SVG into a transparent size x size PNG."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 - QImage text/SVG rendering needs one
    svg = ICONS / "daredevil.svg"
    pngs = []
    for size in SIZES:
        out = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "daredevil.png"
        render(svg, size, out)
        pngs.append(out)
    ico_sizes = [p for p in pngs if int(p.parent.parent.name.split("x")[0]) <= 256]
    # ImageMagick packs the PNGs into one .ico (Windows installer and exe icon).
    subprocess.run(["convert", *map(str, ico_sizes), str(ICONS.parent / "daredevil.ico")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
