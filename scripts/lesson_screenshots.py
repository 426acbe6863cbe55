"""Render three lesson steps of the real window to PNGs (the pictures in docs/screenshots/).

Run under a virtual screen::

    xvfb-run -a -s "-screen 0 1920x1080x24" \
        .venv/bin/python scripts/lesson_screenshots.py docs/screenshots

Each picture is the window at 1280x800 with the lessons dock open at one step;
the second shows a task after it was done (through the model: this is a
picture, the play-through test does it with the real widgets).
"""

from __future__ import annotations

import pathlib
import sys

SIZE = (1280, 800)
SHOTS = (
    # (file, lesson index, step index, what to do before the picture)
    ("lesson-neuron-activation.png", 0, 1, None),
    ("lesson-vanishing-diagnostics.png", 4, 0, "deep_relu"),
    ("lesson-linear-collapse.png", 5, 0, None),
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

    for name, lesson, step, action in SHOTS:
        window = create_window()
        window.resize(*SIZE)
        window.show()
        panel = open_lessons(window)
        panel.show_overview(lesson)
        panel.show_step(step)
        if action is not None:
            presets.apply(window.model, action)
        for _ in range(20):
            app.processEvents()
        window.scheduler.flush()
        panel.highlight.follow()
        app.processEvents()
        image = render.render_widget(window, render.widget_size(f"{SIZE[0]}x{SIZE[1]}"))
        render.save_image(image, str(folder / name))
        print(folder / name)
        window.close()
        window.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
