"""Race throughput: epochs per second per contestant and in total, against single training.

The reference recipe of ``bench_training.py``: the spiral set (500 points, half
for training), 4 hidden layers of 8 tanh units, one sigmoid output, binary
cross-entropy, batch 10, Adam. Every contestant is tanh, so a lane does exactly
the work of single training; the race adds its lockstep loop and records four
numbers per lane after every epoch (train and test loss and accuracy), which
single training here does not. Single training and races of 1, 3 and 6
contestants take turns of 0.1 s within each of ``--rounds`` rounds, so a
machine whose speed drifts weighs on all alike; medians over the rounds
(of epochs/s, and of each round's total/single ratio) are printed::

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_race.py [--seconds 2] [--rounds 5]

``--json`` prints the figures as JSON. Numbers, not pass/fail: the goal is a
total of at least 90 % of single training's epochs/s.

``--window`` measures what a user gets instead: the real main window and its
race window shown at 1280x800, the recipe set in the race's controls and its
**Play button clicked**, so every lane trains in the race's worker process
while the window draws what it sends; epochs/s are counted on the model from
the first update shown to the last. Each round takes turns of ``--seconds``:
single training headless (a ``Trainer`` in this process), single training in a
``TrainingWorker`` (what the main window's Play trains in, read every 33 ms),
single training in the main window (the recipe set there, its Play clicked),
then the race window's races of 1, 3 and 6. Each figure is per wall second and
per CPU second of the process that trains (on a shared machine the second says
what the race costs, the first what a user gets), with the window thread's
share of a core. Run it under a virtual X screen::

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python benchmarks/bench_race.py \\
        --window --xcb [--seconds 3] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
if __name__ == "__main__" and "--window" in sys.argv:
    import _harness

    _harness.prepare()  # the Qt platform (xcb with --xcb) before Qt loads

from actplay.core import datasets  # noqa: E402
from actplay.core.network import Network  # noqa: E402
from actplay.core.race import Race  # noqa: E402
from actplay.core.race_setup import Contestant, RaceSetup  # noqa: E402
from actplay.core.training import Trainer  # noqa: E402

SIZES = (2, 8, 8, 8, 8, 1)
HIDDEN = ["tanh"] * 4
CONTESTANT_COUNTS = (1, 3, 6)


def _data():
    return datasets.generate("spiral", 500, noise=0.0, test_fraction=0.5, seed=0)


def single_runner():
    """One epoch of one `Trainer` per call (what single training does), returns 1."""
    x, y = _data().train
    trainer = Trainer(
        Network.from_init(SIZES, [*HIDDEN, "sigmoid"], "xavier", 0),
        x,
        y,
        loss="bce",
        optimizer="adam",
        learning_rate=0.03,
        batch_size=10,
    )

    def run() -> int:
        trainer.epoch()
        return 1

    return run


def race_runner(n_contestants: int):
    """One epoch of every lane of an ``n_contestants`` race per call, returns 1."""
    data = _data()
    setup = RaceSetup(
        layer_sizes=SIZES,
        output=("sigmoid", {}),
        contestants=tuple(
            Contestant.uniform("tanh", None, len(HIDDEN), label=f"tanh {i + 1}")
            for i in range(n_contestants)
        ),
        train=data.train,
        test=data.test,
        loss="bce",
        optimizer="adam",
        learning_rate=0.03,
        batch_size=10,
    )
    running = Race(setup)

    def run() -> int:
        running.run_to(running.epochs + 1)
        return 1

    return run


def measure(seconds: float, rounds: int, slice_seconds: float = 0.1) -> dict:
    """Epochs/s of single training and of each race size, interleaved in short slices.

    In every round each runner gets ``seconds`` in turns of ``slice_seconds``, so
    a change in the machine's speed lands on all of them alike; the figure of a
    runner is the median over rounds of (epochs / time it ran).
    """
    names = ["single", *CONTESTANT_COUNTS]
    samples = {name: [] for name in names}
    for _ in range(rounds):
        runners = {"single": single_runner(), **{n: race_runner(n) for n in CONTESTANT_COUNTS}}
        for run in runners.values():
            run()  # warm up workspaces
        spent = dict.fromkeys(names, 0.0)
        epochs = dict.fromkeys(names, 0)
        while min(spent.values()) < seconds:
            for name, run in runners.items():
                start = time.perf_counter()
                while time.perf_counter() - start < slice_seconds:
                    epochs[name] += run()
                spent[name] += time.perf_counter() - start
        for name in names:
            samples[name].append(epochs[name] / spent[name])
    single_rate = statistics.median(samples["single"])
    figures = {"single_epochs_per_s": single_rate, "races": []}
    for n in CONTESTANT_COUNTS:
        ratios = [
            n * race / alone for race, alone in zip(samples[n], samples["single"], strict=True)
        ]
        per = statistics.median(samples[n])
        figures["races"].append(
            {
                "contestants": n,
                "per_contestant_epochs_per_s": per,
                "total_epochs_per_s": per * n,
                "total_over_single": statistics.median(ratios),
                "total_over_single_range": [min(ratios), max(ratios)],
            }
        )
    return figures


# -- the shown window ---------------------------------------------------------------------
WINDOW_SIZE = (1280, 800)
COLLECT_S = 0.033  # how often a worker alone is read (the window's own Play)
REFERENCES = {  # the single trainings a race is compared with
    "single": "single headless",
    "worker": "single in a worker",
    "window": "single in the main window",
}


def race_settings(n_contestants: int) -> dict:
    """The recipe as race settings: the same points, weights, batches as ``race_runner``."""
    return {
        "dataset": {
            "source": "spiral",
            "points": 500,
            "noise": 0.0,
            "test_fraction": 0.5,
            "seed": 0,
            "features": ["x1", "x2"],
        },
        "hidden": [8] * len(HIDDEN),
        "contestants": [{"activation": "tanh", "params": {}}] * n_contestants,
        "loss": "bce",
        "optimizer": "adam",
        "learning_rate": 0.03,
        "batch_size": 10,
        "repeats": 1,
        "seed": 0,
        "epochs": 5000,  # never reached in a turn
    }


def _shown_race_window():
    from PySide6 import QtWidgets

    from actplay.app import create_window
    from actplay.ui.race.window import open_race_window

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    window = create_window()
    window.resize(*WINDOW_SIZE)
    window.show()
    race_window = open_race_window(window)
    race_window.resize(*WINDOW_SIZE)
    _spin(app, 1.0)
    return app, window, race_window


def _spin(app, seconds: float) -> None:
    from PySide6 import QtCore

    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) a process has used so far: this one when ``pid`` is None."""
    if pid is None:
        return time.process_time()
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rates(first, last) -> dict:
    """Epochs per wall second and per CPU second of the trainer between two samples.

    Each sample is ``(wall time, epoch, trainer's CPU seconds)``.
    """
    epochs = last[1] - first[1]
    return {
        "epochs_per_s": epochs / (last[0] - first[0]),
        "epochs_per_cpu_s": epochs / max(last[2] - first[2], 1e-9),
    }


def _run_until(done, timeout: float) -> None:
    """Run a real event loop, as the app does, until ``done()`` or ``timeout`` seconds.

    A loop spinning on ``processEvents`` here would take the core the worker trains on.
    """
    from PySide6 import QtCore

    loop, check, start = QtCore.QEventLoop(), QtCore.QTimer(), time.perf_counter()
    check.setInterval(50)
    check.timeout.connect(lambda: (done() or time.perf_counter() - start > timeout) and loop.quit())
    check.start()
    loop.exec()
    check.stop()


def window_turn(app, window, race_window, n_contestants: int, seconds: float) -> dict:
    """Play a race of ``n_contestants`` in the shown window; epochs/s the model shows."""
    from PySide6 import QtCore
    from PySide6.QtTest import QTest

    model, race = window.model, window.model.race
    race.reset()
    race.set(**race_settings(n_contestants))
    _spin(app, 0.2)
    shown = []
    pid = [None]

    def on_change(sections) -> None:
        if "race" in sections and race.running and race.epoch > 0:
            if pid[0] is None and race.worker is not None:
                pid[0] = race.worker._process.pid
            trainer_cpu = cpu_seconds(pid[0]) if pid[0] is not None else 0.0
            shown.append((time.perf_counter(), race.epoch, trainer_cpu, cpu_seconds()))

    model.changed.connect(on_change)
    play = race_window.pane.controls.play
    QTest.mouseClick(play, QtCore.Qt.MouseButton.LeftButton)
    _run_until(lambda: len(shown) > 1 and shown[-1][0] - shown[0][0] >= seconds, seconds + 30)
    QTest.mouseClick(play, QtCore.Qt.MouseButton.LeftButton)  # Pause: the race comes home
    model.changed.disconnect(on_change)
    first, last = shown[0], shown[-1]
    return {
        **_rates(first, last),
        "gui_cpu_share": (last[3] - first[3]) / (last[0] - first[0]),
        "updates_per_s": (len(shown) - 1) / (last[0] - first[0]),
        "in_worker": race.worker is not None,
    }


def headless_turn(seconds: float) -> dict:
    """Single training headless for ``seconds`` (a fresh trainer)."""
    run = single_runner()
    run()
    first = (time.perf_counter(), 0, cpu_seconds())
    epochs = 0
    while time.perf_counter() - first[0] < seconds:
        epochs += run()
    return _rates(first, (time.perf_counter(), epochs, cpu_seconds()))


def worker_turn(worker, seconds: float) -> dict:
    """Single training in a TrainingWorker, read every ``COLLECT_S``."""
    x, y = _data().train
    trainer = Trainer(
        Network.from_init(SIZES, [*HIDDEN, "sigmoid"], "xavier", 0),
        x,
        y,
        loss="bce",
        optimizer="adam",
        learning_rate=0.03,
        batch_size=10,
    )
    generation = worker.load(0, trainer)
    worker.run(True)
    first = None
    while True:
        snapshot = worker.snapshot(0)
        if snapshot is not None and snapshot.generation == generation and snapshot.steps > 0:
            sample = (
                time.perf_counter(),
                snapshot.epoch_progress,
                cpu_seconds(worker._process.pid),
            )
            if first is None:
                first = sample
            elif sample[0] - first[0] >= seconds:
                break
        time.sleep(COLLECT_S)
    worker.run(False)
    return _rates(first, sample)


def main_window_turn(app, window, seconds: float) -> dict:
    """Single training as the user gets it: the recipe in the main window, its Play
    clicked (its worker trains, the workspace draws); epochs/s the model shows."""
    from PySide6 import QtCore
    from PySide6.QtTest import QTest

    from actplay.model import training_recipes as recipes

    model = window.model
    with model.batch():
        model.set_dataset(**{**recipes.TF_SPIRAL_DATA, "seed": 0})
        recipe = recipes.Recipe(tuple(SIZES[1:-1]), "tanh", "sigmoid", "bce", "adam", 0.03, 10)
        recipes.apply_recipe(model, recipe)
        model.reset_training()
    workspace = getattr(window, "training_workspace", None)
    play = workspace.bar.play if workspace is not None else window.training_panel.play
    _spin(app, 0.2)
    shown = []

    def on_change(sections) -> None:
        if "training" in sections and model.running and model.epoch > 0:
            shown.append((time.perf_counter(), model.epoch, cpu_seconds(worker_pid())))

    def worker_pid():
        worker = model.training_worker
        return worker._process.pid if worker is not None and worker.alive else None

    model.changed.connect(on_change)
    QTest.mouseClick(play, QtCore.Qt.MouseButton.LeftButton)
    _run_until(lambda: len(shown) > 1 and shown[-1][0] - shown[0][0] >= seconds, seconds + 30)
    QTest.mouseClick(play, QtCore.Qt.MouseButton.LeftButton)  # Pause
    model.changed.disconnect(on_change)
    return _rates(shown[0], shown[-1])


def measure_window(seconds: float, rounds: int) -> dict:
    """Single training (headless, in a worker) and the window's races, turn by turn."""
    from actplay.model.training_worker import TrainingWorker

    app, window, race_window = _shown_race_window()
    worker = TrainingWorker()
    worker_turn(worker, 0.5)  # the process starts outside the measurement
    window_turn(app, window, race_window, 1, 0.5)  # ... and the race's
    main_window_turn(app, window, 0.5)  # ... and the main window's
    turns = {"single": [], "worker": [], "window": [], **{n: [] for n in CONTESTANT_COUNTS}}
    load = [os.getloadavg()]
    for _ in range(rounds):
        turns["single"].append(headless_turn(seconds))
        turns["worker"].append(worker_turn(worker, seconds))
        turns["window"].append(main_window_turn(app, window, seconds))
        for n in CONTESTANT_COUNTS:
            turns[n].append(window_turn(app, window, race_window, n, seconds))
        load.append(os.getloadavg())
    worker.close()
    figures = {"load_average": load, "platform": app.platformName(), "races": []}
    for reference in REFERENCES:
        for rate in ("epochs_per_s", "epochs_per_cpu_s"):
            figures[f"{reference}_{rate}"] = statistics.median(t[rate] for t in turns[reference])
    for n in CONTESTANT_COUNTS:
        row = {"contestants": n, "in_worker": all(t["in_worker"] for t in turns[n])}
        for key in ("updates_per_s", "gui_cpu_share"):
            row[key] = statistics.median(t[key] for t in turns[n])
        for rate in ("epochs_per_s", "epochs_per_cpu_s"):
            per = statistics.median(t[rate] for t in turns[n])
            row[f"per_contestant_{rate}"] = per
            row[f"total_{rate}"] = per * n
            for reference in REFERENCES:
                ratios = [
                    n * race[rate] / alone[rate]
                    for race, alone in zip(turns[n], turns[reference], strict=True)
                ]
                row[f"{rate}_over_{reference}"] = statistics.median(ratios)
                row[f"{rate}_over_{reference}_range"] = [min(ratios), max(ratios)]
        figures["races"].append(row)
    window.close()
    app.processEvents()
    return figures


def _window_lines(figures: dict, args) -> list[str]:
    loads = ", ".join(f"{avg[0]:.1f}" for avg in figures["load_average"])
    out = [
        f"the race window's Play ({figures['platform']}, {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}); "
        f"spiral 250 train points, 4x8 tanh, batch 10, Adam; medians of {args.rounds} rounds "
        f"of {args.seconds:g} s turns; load average (1 min) {loads}",
        "epochs/s of wall time, then per CPU second of the process that trains",
    ]
    for reference, title in REFERENCES.items():
        out.append(
            f"{title:19s} {figures[f'{reference}_epochs_per_s']:7.1f} /s, "
            f"{figures[f'{reference}_epochs_per_cpu_s']:7.1f} /cpu-s"
        )

    def ratio(row, rate, reference):
        low, high = row[f"{rate}_over_{reference}_range"]
        return f"{100 * row[f'{rate}_over_{reference}']:.0f} % ({100 * low:.0f}-{100 * high:.0f})"

    for row in figures["races"]:
        out.append(
            f"race of {row['contestants']} in the race window: per contestant "
            f"{row['per_contestant_epochs_per_s']:6.1f} /s, total "
            f"{row['total_epochs_per_s']:6.1f} /s, {row['total_epochs_per_cpu_s']:6.1f} /cpu-s; "
            f"window thread {100 * row['gui_cpu_share']:.0f} % of a core, "
            f"{row['updates_per_s']:.1f} updates/s"
            + ("" if row["in_worker"] else "; NOT in the worker")
        )
        for reference, title in REFERENCES.items():
            out.append(
                f"    total over {title}: {ratio(row, 'epochs_per_s', reference)} per wall "
                f"second, {ratio(row, 'epochs_per_cpu_s', reference)} per cpu second"
            )
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="per measurement")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--window", action="store_true", help="the shown race window's Play")
    parser.add_argument("--xcb", action="store_true", help="with --window: xcb when DISPLAY is set")
    args = parser.parse_args(argv)
    if args.window:
        figures = measure_window(args.seconds, args.rounds)
        if args.json:
            print(json.dumps(figures))
        else:
            print("\n".join(_window_lines(figures, args)))
        return
    figures = measure(args.seconds, args.rounds)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(
        "spiral 250 train points, 4x8 tanh, batch 10, Adam; "
        f"medians of {args.rounds} rounds of {args.seconds:g} s"
    )
    print(f"single training: {figures['single_epochs_per_s']:7.1f} epochs/s")
    for row in figures["races"]:
        print(
            f"race of {row['contestants']}: {row['per_contestant_epochs_per_s']:7.1f} epochs/s "
            f"per contestant, {row['total_epochs_per_s']:7.1f} in total "
            f"({100 * row['total_over_single']:.0f} % of single; rounds "
            f"{100 * row['total_over_single_range'][0]:.0f}-"
            f"{100 * row['total_over_single_range'][1]:.0f} %)"
        )


if __name__ == "__main__":
    main()
