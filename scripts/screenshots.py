"""Render the pictures in docs/screenshots/ from the real window.

::

    .venv/bin/python scripts/screenshots.py                 # every scene into docs/screenshots
    .venv/bin/python scripts/screenshots.py --only network-default --out /tmp/shots
    .venv/bin/python scripts/screenshots.py --only 'window/xor-*' --only 'window/*-dark'
    .venv/bin/python scripts/screenshots.py --list          # the scene names

Each scene is ``create_window()`` at a stated size and theme, set up through the
model and the window's own methods (a picture, not a test: the tests drive the
widgets), drawn offscreen with the export code. ``--only`` takes a scene name or
a shell pattern over the names. Scenes:

- ``window/<start>-<W>x<H>-<theme>``: the window as it starts (``default``) and
  after each preset of the Presets menu (``perceptron``, ``xor``, ...), at
  1024x640, 1280x800 and 1920x1080, light and dark. A plain run writes the
  committed ones (`COMMITTED_PAIRS`: now every size and theme); ``--all`` writes
  every one too;

- ``network-default``: the network layout with the default network, 1280x800;
- ``network-6x16``: six hidden layers of 16 units, 1280x800;
- ``network-spiral-trained``: the spiral data set with the settings the app
  proposes for it, trained for ``SPIRAL_EPOCHS`` epochs, 1280x800;
- ``lesson-*``: three lesson steps with the lessons dock open, 1280x800.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import pathlib
import sys
import time

SIZE = (1280, 800)
THEMES = ("light", "dark")
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


def _start_as_is(window) -> None:
    """The window as it starts: the default network and neuron, the curve layout."""


def _preset(name: str):
    def scene(window) -> None:
        window.apply_preset(name)

    return scene


def _window_starts() -> dict:
    """``start name -> setup``: the window as it starts, then each preset in menu order."""
    from actplay.model import presets

    starts = {"default": _start_as_is}
    for name in presets.PRESETS:
        starts[name.replace("_", "-")] = _preset(name)
    return starts


WINDOW_SIZES = ((1024, 640), (1280, 800), (1920, 1080))
# What a plain run writes (and docs/screenshots holds): every start at every size and
# theme, 48 lossless PNGs (about 11 MB; a 256-colour palette banded the heatmaps).
COMMITTED_PAIRS = tuple((size, theme) for size in WINDOW_SIZES for theme in THEMES)


def _window_scenes() -> dict:
    scenes = {}
    for start, setup in _window_starts().items():
        for width, height in WINDOW_SIZES:
            for theme in THEMES:
                scenes[f"window/{start}-{width}x{height}-{theme}"] = (
                    setup,
                    (width, height),
                    theme,
                )
    return scenes


def _committed(name: str) -> bool:
    if not name.startswith("window/") or name.startswith("window/default-"):
        return True
    _setup, size, theme = SCENES[name]
    return (size, theme) in COMMITTED_PAIRS


#: scene name -> (setup, (width, height), theme); a "/" in the name is a sub-folder.
SCENES = {
    "network-default": (_network_default, SIZE, "light"),
    "network-6x16": (_network_6x16, SIZE, "light"),
    "network-spiral-trained": (_network_spiral, SIZE, "light"),
    "lesson-neuron-activation": (_lesson("01-neuron", 2), SIZE, "light"),
    "lesson-vanishing-diagnostics": (_lesson("08-vanishing", 2), SIZE, "light"),
    "lesson-linear-collapse": (_lesson("05-nonlinearity", 2), SIZE, "light"),
    **_window_scenes(),
}


def select_scenes(patterns, every: bool = False) -> list[str]:
    """The scene names matching any of ``patterns`` (names or shell patterns), in
    `SCENES` order; when ``patterns`` is empty, the committed scenes (every scene if
    ``every``).

    Raises
    ------
    ValueError
        Naming a pattern that matches no scene.
    """
    if not patterns:
        return [name for name in SCENES if every or _committed(name)]
    for pattern in patterns:
        if not fnmatch.filter(SCENES, pattern):
            raise ValueError(f"--only {pattern}: matches no scene (see --list)")
    return [name for name in SCENES if any(fnmatch.fnmatchcase(name, p) for p in patterns)]


def render_scene(app, name: str, folder: pathlib.Path) -> pathlib.Path:
    """Build a fresh window, set scene ``name`` up, and write ``folder/name.png``."""
    from actplay.app import create_window
    from actplay.ui.export import formats

    setup, size, theme = SCENES[name]
    window = create_window()
    window.set_theme(theme)  # the theme is the application's: set it for every scene
    window.resize(*size)
    window.show()
    app.processEvents()
    setup(window)
    # Let bursts settle: the canvas draws links in full quality after 250 ms of calm.
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.scheduler.flush()
    app.processEvents()
    path = folder / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    formats.write_image(window, path, size=size)
    window.close()
    window.deleteLater()
    app.processEvents()
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/screenshots", help="folder for the PNGs")
    parser.add_argument(
        "--only", action="append", metavar="NAME", help="a scene or a pattern (repeatable)"
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="every size and theme for every start, not only the committed ones",
    )
    parser.add_argument("--list", action="store_true", help="print the scene names and stop")
    args = parser.parse_args(argv)
    try:
        names = select_scenes(args.only, args.all)
    except ValueError as error:
        parser.error(str(error))  # exit 2 with the one line
    if args.list:
        print("\n".join(names))
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["actplay"])
    folder = pathlib.Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        print(render_scene(app, name, folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
