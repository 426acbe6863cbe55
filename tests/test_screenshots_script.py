"""scripts/screenshots.py renders the pictures in docs/screenshots from the real window."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]


def test_a_scene_renders_at_its_size(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "screenshots.py"),
            "--out",
            str(tmp_path),
            "--only",
            "network-default",
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    image = QImage(str(tmp_path / "network-default.png"))
    assert (image.width(), image.height()) == (1280, 800)


def test_every_committed_picture_has_a_scene():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import screenshots
    finally:
        sys.path.pop(0)
    committed = {p.stem for p in (ROOT / "docs" / "screenshots").glob("*.png")}
    made_elsewhere = {p for p in committed if not p.startswith(("network-", "lesson-"))}
    assert committed - made_elsewhere <= set(screenshots.SCENES)
