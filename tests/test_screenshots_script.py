"""scripts/screenshots.py renders the pictures in docs/screenshots from the real window."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from actplay.model import presets

ROOT = Path(__file__).resolve().parents[1]
PICTURES = ROOT / "docs" / "screenshots"


def _script():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import screenshots
    finally:
        sys.path.pop(0)
    return screenshots


def _run(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), *args],
        capture_output=True,
        text=True,
        timeout=180,
    )


def _mean_lightness(image: QImage) -> float:
    step = 16
    values = [
        image.pixelColor(x, y).lightnessF()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    return sum(values) / len(values)


def test_a_scene_renders_at_its_size(tmp_path):
    done = _run("--out", str(tmp_path), "--only", "network-default")
    assert done.returncode == 0, done.stderr[-2000:]
    image = QImage(str(tmp_path / "network-default.png"))
    assert (image.width(), image.height()) == (1280, 800)


def test_a_pattern_renders_the_window_light_and_dark_at_its_size(tmp_path):
    done = _run("--out", str(tmp_path), "--only", "window/default-1024x640-*")
    assert done.returncode == 0, done.stderr[-2000:]
    light = QImage(str(tmp_path / "window" / "default-1024x640-light.png"))
    dark = QImage(str(tmp_path / "window" / "default-1024x640-dark.png"))
    for image in (light, dark):
        assert (image.width(), image.height()) == (1024, 640)
    assert _mean_lightness(dark) < 0.4 < 0.7 < _mean_lightness(light)


def test_a_pattern_that_matches_nothing_is_refused_in_one_line(tmp_path):
    done = _run("--out", str(tmp_path), "--only", "window/nothing-*")
    assert done.returncode == 2
    assert "--only window/nothing-*: matches no scene" in done.stderr
    assert not any(tmp_path.iterdir())


def test_the_window_scenes_cover_every_start_size_and_theme():
    screenshots = _script()
    starts = ["default", *(name.replace("_", "-") for name in presets.PRESETS)]
    every = screenshots.select_scenes([], every=True)
    for start in starts:
        for size in ("1024x640", "1280x800", "1920x1080"):
            for theme in ("light", "dark"):
                assert f"window/{start}-{size}-{theme}" in every
    committed = screenshots.select_scenes([])
    assert [name for name in every if name.startswith("window/")] == [
        name for name in committed if name.startswith("window/")
    ]  # every start at every size and theme is committed
    assert screenshots.select_scenes(["window/xor-*-dark"]) == [
        "window/xor-1024x640-dark",
        "window/xor-1280x800-dark",
        "window/xor-1920x1080-dark",
    ]
    with pytest.raises(ValueError, match="window/none"):
        screenshots.select_scenes(["window/none"])


def test_every_committed_picture_has_a_scene_and_every_committed_scene_a_picture():
    screenshots = _script()
    committed = {
        p.relative_to(PICTURES).with_suffix("").as_posix() for p in PICTURES.rglob("*.png")
    }
    made_elsewhere = {p for p in committed if not p.startswith(("network-", "lesson-", "window/"))}
    assert committed - made_elsewhere <= set(screenshots.SCENES)
    assert set(screenshots.select_scenes([])) <= committed


def test_the_readme_shows_the_committed_1280x800_window():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/screenshots/window/default-1280x800-light.png)" in readme
    image = QImage(str(PICTURES / "window" / "default-1280x800-light.png"))
    assert (image.width(), image.height()) == (1280, 800)
