"""Do the proposed settings learn every data set? And does TF's spiral recipe behave as in TF?

For each built-in classification set and seed (the data, the initial weights and
the shuffling all use the seed), a Playground chooses the data set at the app's
defaults (500 points, noise 0.1, half for testing), which applies the settings
the model proposes for it, then trains epoch by epoch through the same model
calls the window's Step uses, up to ``--max-epochs``. Reported: the first epoch
at which the test accuracy reaches 90 % (``-`` if never).

Then the TensorFlow Playground's spiral recipe (``training_recipes.TF_SPIRAL``:
spiral, noise 0, 50 % test, x1 and x2, 4 x 8 tanh, tanh output, squared error,
SGD, learning rate 0.03, batch 10) for 5 seeds: the test loss (TF's half squared
error, labels -1/+1) at 600 epochs and the test accuracy at 600 and 1000 epochs,
once with the app's initialisation and once with TF's (weights U(-0.5, 0.5),
biases 0.1). TF showed a test loss of 0.18 after about 600 epochs in one run
(``../shared/reference/tf-playground-trained-spiral-tanh.png``).

Run (single-threaded BLAS, as the app)::

    .venv/bin/python benchmarks/recipes.py [--seeds 5] [--max-epochs 1000] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from actplay.core import datasets  # noqa: E402
from actplay.model import training_recipes as recipes  # noqa: E402
from actplay.model.playground import Playground  # noqa: E402

CLASSIFICATION_SETS = [s for s in datasets.SOURCES if s != "regression"]
TARGET_ACCURACY = 0.9
TF_EPOCHS = (600, 1000)  # TF showed its test loss at about 600 epochs


def _seeded(source: str, seed: int, **data) -> Playground:
    pg = Playground()
    with pg.batch():
        if source == pg.dataset_spec["source"]:  # choosing it again proposes nothing
            pg.set_dataset(source="xor")
        pg.set_dataset(source=source, seed=seed, **data)
        pg.set_seed(seed)
        pg.set_training(seed=seed)
        pg.reset_training()
    return pg


def epochs_to_target(source: str, seed: int, max_epochs: int) -> tuple[int | None, float]:
    """(first epoch with test accuracy >= 90 % or None, seconds) with the proposed settings."""
    pg = _seeded(source, seed)
    start = time.perf_counter()
    for epoch in range(1, max_epochs + 1):
        pg.train_epoch()
        if pg.accuracy(test=True) >= TARGET_ACCURACY:
            return epoch, time.perf_counter() - start
    return None, time.perf_counter() - start


def _use_tf_initialisation(pg: Playground, seed: int) -> None:
    """TF's start: every weight U(-0.5, 0.5), every bias 0.1."""
    rng = np.random.default_rng(seed)
    state = pg.state_dict()
    network = state["network"]
    network["weights"] = [rng.uniform(-0.5, 0.5, np.shape(w)).tolist() for w in network["weights"]]
    network["biases"] = [[0.1] * len(b) for b in network["biases"]]
    pg.apply_state(state)


def tf_recipe(seed: int, tf_init: bool, checkpoints=TF_EPOCHS) -> dict:
    """Test loss and test accuracy of TF's spiral recipe at each of ``checkpoints`` epochs."""
    pg = _seeded("spiral", seed)
    data = {k: v for k, v in recipes.TF_SPIRAL_DATA.items() if k != "source"}
    pg.set_dataset(**data)
    recipes.apply_recipe(pg, recipes.TF_SPIRAL)
    pg.reset_training()
    if tf_init:
        _use_tf_initialisation(pg, seed)
    figures = {"epochs": [], "test_loss": [], "test_accuracy": []}
    epoch = 0
    for checkpoint in checkpoints:
        while epoch < checkpoint:
            pg.train_epoch()
            epoch += 1
        figures["epochs"].append(checkpoint)
        figures["test_loss"].append(float(pg.loss_history()["test"][-1]))
        figures["test_accuracy"].append(pg.accuracy(test=True))
    return figures


def run(args) -> dict:
    figures = {"seeds": args.seeds, "max_epochs": args.max_epochs, "proposals": {}, "tf": {}}
    for source in CLASSIFICATION_SETS:
        rows = [epochs_to_target(source, seed, args.max_epochs) for seed in range(args.seeds)]
        figures["proposals"][source] = {
            "settings": recipes.PROPOSALS[source].describe(),
            "epochs_to_90": [epochs for epochs, _ in rows],
            "seconds": [round(seconds, 2) for _, seconds in rows],
        }
    for label, tf_init in (("app_init", False), ("tf_init", True)):
        figures["tf"][label] = [
            tf_recipe(seed, tf_init, tuple(args.tf_epochs)) for seed in range(args.seeds)
        ]
    return figures


def lines_for(figures: dict) -> list[str]:
    seeds = figures["seeds"]
    out = [
        f"Proposed settings: epochs to 90 % test accuracy (max {figures['max_epochs']}), "
        f"seeds 0..{seeds - 1}; 500 points, noise 0.1, half for testing",
        f"{'data set':10s} " + " ".join(f"{f'seed {s}':>7s}" for s in range(seeds)) + "  reached",
    ]
    for source, row in figures["proposals"].items():
        epochs = row["epochs_to_90"]
        cells = " ".join(f"{e if e is not None else '-':>7}" for e in epochs)
        reached = sum(e is not None for e in epochs)
        out.append(f"{source:10s} {cells}  {reached}/{seeds}   ({row['settings']})")
    out.append("")
    first = figures["tf"]["app_init"][0]["epochs"] if figures["tf"]["app_init"] else [0]
    out.append(
        "TF's spiral recipe (noise 0, 4 x 8 tanh, tanh output, squared error, SGD 0.03, "
        f"batch 10): test loss at {first[0]} epochs; test accuracy at "
        + " / ".join(map(str, first))
    )
    for label, runs in figures["tf"].items():
        losses = [r["test_loss"][0] for r in runs]
        accuracy = ["/".join(f"{a:.2f}" for a in r["test_accuracy"]) for r in runs]
        out.append(
            f"{label:9s} loss@{first[0]} "
            + " ".join(f"{v:.3f}" for v in losses)
            + f"  (median {np.median(losses):.3f})   accuracy "
            + " ".join(accuracy)
        )
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--max-epochs", type=int, default=1000)
    parser.add_argument(
        "--tf-epochs", type=int, nargs="+", default=list(TF_EPOCHS), help="TF recipe checkpoints"
    )
    parser.add_argument("--json", action="store_true", help="one JSON line instead of text")
    args = parser.parse_args(argv)
    figures = run(args)
    if args.json:
        print(json.dumps(figures))
    else:
        print("\n".join(lines_for(figures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
