"""Training throughput: epochs per second of the core trainer (no window).

The issue's reference case: the spiral set (500 points, half for training),
4 hidden layers of 8 tanh units, one sigmoid output trained with binary
cross-entropy, batch 10, Adam. Run single-threaded, as the app's tiny matrices
gain nothing from BLAS threads::

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_training.py

Prints steps/s and epochs/s (numbers, not pass/fail). ``--window`` also measures
the real window training with its views updating (needs a Qt platform; use
``QT_QPA_PLATFORM=offscreen`` or xvfb-run).
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from actplay.core import datasets  # noqa: E402
from actplay.core.network import Network  # noqa: E402
from actplay.core.training import Trainer  # noqa: E402

SIZES = (2, 8, 8, 8, 8, 1)
ACTIVATIONS = ["tanh"] * 4 + ["sigmoid"]


def headless(seconds: float) -> tuple[float, float]:
    """(steps/s, epochs/s) of `Trainer.epoch` in a loop for about ``seconds``."""
    data = datasets.generate("spiral", 500, noise=0.0, test_fraction=0.5, seed=0)
    x, y = data.train
    trainer = Trainer(
        Network.from_init(SIZES, ACTIVATIONS, "xavier", 0),
        x,
        y,
        loss="bce",
        optimizer="adam",
        learning_rate=0.03,
        batch_size=10,
    )
    trainer.epoch()  # warm up caches and workspaces
    start = time.perf_counter()
    epochs = steps = 0
    while time.perf_counter() - start < seconds:
        steps += trainer.epoch()
        epochs += 1
    elapsed = time.perf_counter() - start
    return steps / elapsed, epochs / elapsed


def with_window(seconds: float) -> tuple[float, int]:
    """(epochs/s, redraws) of the real window playing, views updating once per frame."""
    from PySide6.QtWidgets import QApplication

    from actplay.app import create_window

    app = QApplication.instance() or QApplication([])
    window = create_window()
    window.show()
    window.resize(1280, 800)
    model = window.model
    with model.batch():
        model.set_dataset(source="spiral", points=500, noise=0.0, test_fraction=0.5)
        model.set_layer_sizes(SIZES)
        for layer in range(1, 5):
            model.set_layer_activation(layer, "tanh")
        model.set_training(loss="bce", optimizer="adam", learning_rate=0.03, batch_size=10)
    window.training_dock.show()
    window.training_dock.raise_()
    app.processEvents()
    start_epoch, redraws = model.epoch, window.scheduler.redraw_count
    model.set_running(True)
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        app.processEvents()
    model.set_running(False)
    elapsed = time.perf_counter() - start
    app.processEvents()
    result = (model.epoch - start_epoch) / elapsed, window.scheduler.redraw_count - redraws
    window.close()
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--window", action="store_true", help="also measure with the window")
    args = parser.parse_args(argv)
    steps_per_s, epochs_per_s = headless(args.seconds)
    print(
        f"headless: {steps_per_s:8.0f} steps/s  {epochs_per_s:6.1f} epochs/s "
        "(spiral 250 train points, 4x8 tanh, batch 10, Adam)"
    )
    if args.window:
        epochs, redraws = with_window(args.seconds)
        print(f"window:   {epochs:6.1f} epochs/s, {redraws} redraws in {args.seconds:g} s")


if __name__ == "__main__":
    main()
