"""Pictures of the race window, running or finished, at any size (for looking at it).

::

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/race_screenshot.py \\
        --preset deep --seconds 3 --size 1280x800 --out /tmp/race-running.png
    .venv/bin/python scripts/race_screenshot.py --preset dying --finish --out /tmp/race-done.png

The real window (``create_window``) opens its race window, loads the preset,
then either plays for ``--seconds`` through the window's own driver and is
drawn while still running, or (``--finish``) trains to the end first.
``--dark`` switches to the dark theme once the race window is open. Play
trains in the race's worker process, as in the app.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="deep")
    parser.add_argument("--seeds", type=int, help="repeats instead of the preset's")
    parser.add_argument("--epochs", type=int, help="race length instead of the preset's")
    parser.add_argument("--seconds", type=float, default=3.0, help="play this long, then draw")
    parser.add_argument("--finish", action="store_true", help="train to the end, then draw")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--accuracy", action="store_true", help="show accuracy curves")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from actplay.app import create_window
    from actplay.model.atomic_file import write_atomic
    from actplay.ui.export import render
    from actplay.ui.race.window import open_race_window

    window = create_window()
    window.show()
    race_window = open_race_window(window)
    if args.dark:  # switched with the race window open: it must follow
        window.set_theme("dark")
    model = window.model
    model.race.apply_preset(args.preset)
    changes = {}
    if args.seeds:
        changes["repeats"] = args.seeds
    if args.epochs:
        changes["epochs"] = args.epochs
    model.race.set(**changes)
    if args.accuracy:
        race_window.pane.controls.kind.setCurrentIndex(1)
    width, height = (int(v) for v in args.size.lower().split("x"))
    race_window.resize(width, height)
    if args.finish:
        model.race.run()
    else:
        race_window.pane.controls.play.click()
        end = time.perf_counter() + args.seconds
        while time.perf_counter() < end:
            app.processEvents()
    model.race.publish()
    window.scheduler.flush()
    pane = race_window.pane
    pane._refresh_details(range(len(model.race.labels())))  # every map as it is now
    image = render.render_widget(race_window, (width, height))
    write_atomic(args.out, render.encode_image(image, "PNG"))
    print(f"{args.out}: epoch {model.race.epoch:.1f}, running {model.race.running}")
    model.race.set_running(False)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
