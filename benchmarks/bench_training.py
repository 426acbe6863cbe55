"""Training speed: headless epochs/s against the real window's Play, in the same run.

The issue's reference case is TF's spiral recipe (``training_recipes.TF_SPIRAL``):
500 points (half for training), x1 and x2, 4 hidden layers of 8 tanh units, a
tanh output, half squared error, SGD at 0.03, batch 10.

- **headless**: the core ``Trainer`` looping over epochs in this process, no Qt;
  measured before and after the window, the mean is the reference;
- **worker**: a ``TrainingWorker`` alone (no window), read every 33 ms;
- **window** (``--window``): the real main window shown at 1280x800 in the
  network layout (the training workspace with the network canvas live in its
  centre), the recipe chosen, and the workspace's **Play button clicked**; then the event
  loop runs for ``--seconds`` while the views draw the snapshots. Epochs/s is
  counted on the model (what the user sees) from the first snapshot shown to the
  last; the start-up of the worker process is reported apart.

Run under a virtual X screen for what a user gets::

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python benchmarks/bench_training.py \\
        --window --xcb

Prints figures, never pass/fail.
"""

from __future__ import annotations

import os
import sys
import time

import _harness as h

if __name__ == "__main__":
    h.prepare()

WINDOW_SIZE = (1280, 800)


def _recipe_model():
    from actplay.model import training_recipes as recipes
    from actplay.model.playground import Playground

    model = Playground()
    _apply_recipe(model)
    return model, recipes


def _apply_recipe(model) -> None:
    from actplay.model import training_recipes as recipes

    with model.batch():
        model.set_dataset(**recipes.TF_SPIRAL_DATA)
        recipes.apply_recipe(model, recipes.TF_SPIRAL)
        model.reset_training()


def _trainer():
    """A core Trainer of the recipe, built from the model's own network and points."""
    from actplay.core import datasets
    from actplay.core.training import Trainer

    model, recipes = _recipe_model()
    data = model.dataset()
    x = datasets.feature_matrix(data.train[0], model.features)
    y = 2.0 * data.train[1] - 1.0  # the tanh output's classes
    recipe = recipes.TF_SPIRAL
    return Trainer(
        model.network(),
        x,
        y,
        loss=recipe.loss,
        optimizer=recipe.optimizer,
        learning_rate=recipe.learning_rate,
        batch_size=recipe.batch_size,
    ), data


def headless(seconds: float) -> float:
    """Epochs/s of ``Trainer.epoch`` in a loop for about ``seconds``."""
    trainer, _ = _trainer()
    trainer.epoch()  # warm up caches and workspaces
    start = time.perf_counter()
    epochs = 0
    while time.perf_counter() - start < seconds:
        trainer.epoch()
        epochs += 1
    return epochs / (time.perf_counter() - start)


def worker_alone(seconds: float) -> dict:
    """Epochs/s of a TrainingWorker with no window, its snapshot read every 33 ms."""
    from actplay.model.training_worker import TrainingWorker

    trainer, data = _trainer()
    worker = TrainingWorker()
    started = time.perf_counter()
    worker.load(0, trainer)
    worker.run(True)
    first = None
    while True:
        snapshot = worker.snapshot(0)
        now = time.perf_counter()
        if snapshot is not None and snapshot.steps > 0:
            if first is None:
                first = (now, snapshot.epoch_progress)
            elif now - first[0] >= seconds:
                break
        time.sleep(0.033)
    worker.close()
    return {
        "epochs_per_s": (snapshot.epoch_progress - first[1]) / (now - first[0]),
        "startup_s": first[0] - started,
    }


def with_window(seconds: float) -> dict:
    """The real window's Play: epochs/s the model shows, snapshots shown per second."""
    from PySide6 import QtCore, QtWidgets
    from PySide6.QtTest import QTest

    from actplay.app import create_window

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    window = create_window()
    window.resize(*WINDOW_SIZE)
    window.show()
    layouts = getattr(window, "layouts", None)
    if layouts is not None:
        layouts.show_layout("network")  # the workspace, the canvas live in its centre
        window.resize(*WINDOW_SIZE)
    model = window.model
    _apply_recipe(model)
    workspace = getattr(window, "training_workspace", None)
    if workspace is not None:
        play = workspace.bar.play
    else:
        window.training_dock.show()
        window.training_dock.raise_()
        play = window.training_panel.play
    deadline = time.perf_counter() + 1.0
    while time.perf_counter() < deadline:
        app.processEvents()
    shown = []  # (time, epoch) of every snapshot the model published
    model.changed.connect(
        lambda sections: "training" in sections and shown.append((time.perf_counter(), model.epoch))
    )
    redraws = window.scheduler.redraw_count
    clicked = time.perf_counter()
    QTest.mouseClick(play, QtCore.Qt.MouseButton.LeftButton)
    while (
        time.perf_counter() - clicked < seconds + 0.5
        and len(shown) < 2
        or (shown and shown[-1][0] - shown[1][0] < seconds)
    ):
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() - clicked > seconds + 30:
            break
    QTest.mouseClick(play, QtCore.Qt.MouseButton.LeftButton)  # Pause
    published = [entry for entry in shown if entry[1] > 0]
    first, last = published[0], published[-1]
    figures = {
        "epochs_per_s": (last[1] - first[1]) / (last[0] - first[0]),
        "snapshots_per_s": (len(published) - 1) / (last[0] - first[0]),
        "first_snapshot_s": first[0] - clicked,
        "redraws": window.scheduler.redraw_count - redraws,
        "epochs": model.epoch,
        "layout": getattr(layouts, "current", "curve"),
        "size": [window.width(), window.height()],
        "platform": app.platformName(),
    }
    window.close()
    app.processEvents()
    return figures


def run(args) -> dict:
    figures = {"seconds": args.seconds, "load_average": os.getloadavg()}
    before = headless(args.seconds)
    figures["worker"] = worker_alone(args.seconds)
    if args.window:
        figures["window"] = with_window(args.seconds)
    after = headless(args.seconds)
    figures["headless"] = {"before": before, "after": after, "mean": (before + after) / 2}
    if args.window:
        figures["window_over_headless"] = (
            figures["window"]["epochs_per_s"] / (figures["headless"]["mean"])
        )
    return figures


def lines_for(figures: dict) -> list[str]:
    head = figures["headless"]
    load = ", ".join(f"{v:.2f}" for v in figures["load_average"])
    out = [
        f"TF spiral recipe (4x8 tanh, batch 10, SGD); load average {load}",
        f"headless: {head['mean']:6.1f} epochs/s (before {head['before']:.1f}, "
        f"after {head['after']:.1f})",
        f"worker:   {figures['worker']['epochs_per_s']:6.1f} epochs/s, no window "
        f"(process up and training after {figures['worker']['startup_s']:.2f} s)",
    ]
    if "window" in figures:
        win = figures["window"]
        out.append(
            f"window:   {win['epochs_per_s']:6.1f} epochs/s shown = "
            f"{figures['window_over_headless']:.0%} of headless; {win['snapshots_per_s']:.1f} "
            f"snapshots/s, first after {win['first_snapshot_s']:.2f} s; {win['layout']} layout "
            f"{win['size'][0]}x{win['size'][1]}, "
            f"{win['platform']}, Play clicked"
        )
    return out


def main(argv=None) -> int:
    parser = h.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--window", action="store_true", help="also measure the window's Play")
    return h.run_script(parser, run, lines_for, argv)


if __name__ == "__main__":
    sys.exit(main())
