"""Render the pictures in docs/screenshots/ from the real window.

::

    .venv/bin/python scripts/screenshots.py                 # every scene into docs/screenshots
    .venv/bin/python scripts/screenshots.py --only network-default --out /tmp/shots

Each scene is ``create_window()`` at a stated size, set up through the model and
the window's own methods (a picture, not a test: the tests drive the widgets),
drawn offscreen with the export code. Scenes:

- ``network-default``: the network layout with the default network, 1280x800;
- ``network-6x16``: six hidden layers of 16 units, 1280x800;
- ``network-spiral-trained``: the spiral data set with the settings the app
  proposes for it, trained for ``SPIRAL_EPOCHS`` epochs, 1280x800;
- ``lesson-*``: three lesson steps with the lessons dock open, 1280x800.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import time

SIZE = (1280, 800)
SPIRAL_EPOCHS = 400  # the proposed spiral settings pass 90 % test accuracy by ~200 epochs
SETTLE_SECONDS = 0.4  # longer than the canvas's calm before full-quality links


def _network_default(window) -> None:
    window.layouts.show_layout("network")


def _network_6x16(window) -> None:
    window.model.set_layer_sizes((2, 16, 16, 16, 16, 16, 16, 1))
    window.layouts.show_layout("network")


def _network_spiral(window) -> None:
    model = window.model
    model.set_dataset(source="spiral")  # the model proposes settings that learn it
    for _ in range(SPIRAL_EPOCHS):
        model.train_epoch()
    window.layouts.show_layout("network")


def _lesson(key: str, step: int, preset: str | None = None):
    """Lesson ``key`` (its file name without suffix) at ``step`` (counted from 1)."""

    def scene(window) -> None:
        from actplay.model import presets
        from actplay.ui.lessons.dock import open_lessons

        panel = open_lessons(window)
        panel.show_overview([lesson.key for lesson in panel.lessons].index(key))
        panel.show_step(step - 1)
        if preset is not None:
            presets.apply(window.model, preset)
        window.scheduler.flush()
        panel.highlight.follow()

    return scene


SCENES = {
    "network-default": _network_default,
    "network-6x16": _network_6x16,
    "network-spiral-trained": _network_spiral,
    "lesson-neuron-activation": _lesson("01-neuron", 2),
    "lesson-vanishing-diagnostics": _lesson("08-vanishing", 2),
    "lesson-linear-collapse": _lesson("05-nonlinearity", 2),
}


def render_scene(app, name: str, folder: pathlib.Path) -> pathlib.Path:
    """Build a fresh window, set scene ``name`` up, and write ``folder/name.png``."""
    from actplay.app import create_window
    from actplay.ui.export import formats

    window = create_window()
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    SCENES[name](window)
    # Let bursts settle: the canvas draws links in full quality after 250 ms of calm.
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.scheduler.flush()
    app.processEvents()
    path = folder / f"{name}.png"
    formats.write_image(window, path, size=SIZE)
    window.close()
    window.deleteLater()
    app.processEvents()
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/screenshots", help="folder for the PNGs")
    parser.add_argument("--only", action="append", choices=sorted(SCENES), help="a scene")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["actplay"])
    folder = pathlib.Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    for name in args.only or SCENES:
        print(render_scene(app, name, folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
