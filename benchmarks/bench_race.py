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
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="per measurement")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
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
