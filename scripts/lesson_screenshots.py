"""Render three lesson steps of the real window to PNGs (the pictures in docs/screenshots/).

Run under a virtual screen::

    xvfb-run -a -s "-screen 0 1920x1080x24" \
        .venv/bin/python scripts/lesson_screenshots.py docs/screenshots

Each picture is the window at 1280x800 (light) with the lessons dock open at one
step; the second shows a task after it was done (through the model: this is a
picture, the play-through test does it with the real widgets).
"""

from __future__ import annotations

import pathlib
import sys

SIZE = (1280, 800)
SHOTS = (
    # (file, lesson key, step number from 1, preset to apply before the picture)
    ("lesson-neuron-activation.png", "01-neuron", 2, None),
    ("lesson-vanishing-diagnostics.png", "08-vanishing", 2, "deep_relu"),
    ("lesson-linear-collapse.png", "05-nonlinearity", 2, None),
)


def main(argv) -> int:
    folder = pathlib.Path(argv[0] if argv else "docs/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["actplay"])
    from actplay.app import create_window
    from actplay.model import presets
    from actplay.ui.export import render
    from actplay.ui.lessons.dock import open_lessons

    for name, key, step, preset in SHOTS:
        window = create_window()
        window.resize(*SIZE)
        window.show()
        panel = open_lessons(window)
        panel.show_overview([lesson.key for lesson in panel.lessons].index(key))
        panel.show_step(step - 1)
        if preset is not None:
            presets.apply(window.model, preset)
        for _ in range(20):
            app.processEvents()
        window.scheduler.flush()
        panel.highlight.follow()
        image = render.render_widget(window, SIZE)
        panel.highlight.follow()  # where the control is at the picture's size
        image = render.render_widget(window, SIZE)
        if not image.save(str(folder / name)):
            print(f"cannot write {folder / name}", file=sys.stderr)
            return 1
        print(folder / name)
        window.close()
        window.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
