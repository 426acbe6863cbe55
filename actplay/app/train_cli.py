"""``actplay train``: train the network of a session (or a new one) without a window.

The same model calls as the window: ``--dataset`` chooses a data set through
``Playground.set_dataset``, which proposes the settings that learn it, exactly
as clicking its thumbnail does; the options after it override any of them.
Every ``--every`` epochs one line shows the epoch, the train and test loss and
the test accuracy; ``--out`` writes the trained state as a session (atomically).

Examples::

    actplay train --dataset spiral --epochs 300
    actplay train --dataset spiral --tf-recipe --epochs 600 --out tf-spiral.actplay.json
    actplay train --session mine.actplay.json --epochs 50 --learning-rate 0.003
"""

from __future__ import annotations

import math
import sys

from actplay.app.cli import (
    PROG,
    CliError,
    OneLineParser,
    one_line,
    quiet_on_closed_stdout,
    subcommand_main,
)

MAX_EPOCHS = 100_000  # minutes of training; a typo should not mean hours


def build_parser() -> OneLineParser:
    """The options of ``actplay train``."""
    from actplay.core import datasets
    from actplay.core.training import LOSSES, OPTIMIZERS

    parser = OneLineParser(prog=f"{PROG} train", description=__doc__.splitlines()[0].strip("`: "))
    parser.add_argument("--session", metavar="FILE", help="start from this session file")
    parser.add_argument(
        "--dataset",
        choices=[s for s in datasets.SOURCES],
        help="choose a data set (its proposed settings apply, as in the window)",
    )
    parser.add_argument(
        "--tf-recipe",
        action="store_true",
        help="the TensorFlow Playground's spiral recipe (noise 0, 4 x 8 tanh, squared error, "
        "SGD 0.03, batch 10)",
    )
    parser.add_argument("--seed", type=int, help="data, initial weights and shuffling seed")
    parser.add_argument("--epochs", type=int, default=100, help="passes to train (default 100)")
    parser.add_argument("--every", type=int, default=0, help="print a line every N epochs")
    parser.add_argument("--learning-rate", type=float)
    parser.add_argument("--optimizer", choices=OPTIMIZERS)
    parser.add_argument("--loss", choices=LOSSES)
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--l2", type=float)
    parser.add_argument("--out", metavar="FILE.json", help="write the trained state as a session")
    return parser


def _playground(args):
    from actplay.model import session
    from actplay.model import training_recipes as recipes
    from actplay.model.playground import Playground

    playground = session.load(args.session) if args.session else Playground()
    with playground.batch():
        if args.seed is not None:
            playground.set_dataset(seed=args.seed)
            playground.set_seed(args.seed)
            playground.set_training(seed=args.seed)
        if args.tf_recipe:
            playground.set_dataset(**recipes.TF_SPIRAL_DATA)
            recipes.apply_recipe(playground, recipes.TF_SPIRAL)
        elif args.dataset:
            playground.set_dataset(source=args.dataset)
        overrides = {
            "learning_rate": args.learning_rate,
            "optimizer": args.optimizer,
            "loss": args.loss,
            "batch_size": args.batch_size,
            "l2": args.l2,
        }
        playground.set_training(**{k: v for k, v in overrides.items() if v is not None})
        playground.reset_training()
    return playground


def _line(playground) -> str:
    history = playground.loss_history()
    accuracy = playground.accuracy(test=True)
    test = history["test"][-1]
    return (
        f"epoch {int(playground.epoch):>6}  train loss {history['train'][-1]:.4f}  "
        + (f"test loss {test:.4f}" if not math.isnan(test) else "test loss -")
        + (f"  test accuracy {accuracy:.1%}" if accuracy is not None else "")
    )


def run_training(args, out=None) -> None:
    """Train as ``args`` says; raises ``CliError`` (or the model's ValueError) for bad input."""
    out = sys.stdout if out is None else out
    if not 0 <= args.epochs <= MAX_EPOCHS:
        raise CliError(f"--epochs must be within 0..{MAX_EPOCHS}, got {args.epochs}")
    if args.every < 0:
        raise CliError(f"--every must be 0 or more, got {args.every}")
    if args.out:  # before training: a run of minutes must not end in "cannot write"
        from actplay.ui.export.formats import check_target

        try:
            check_target(args.out)
        except ValueError as error:
            raise CliError(f"--out: {one_line(error)}") from None
    playground = _playground(args)
    print(_line(playground), file=out)
    for epoch in range(1, args.epochs + 1):
        playground.train_epoch()
        if not playground.running and playground.training_error:
            raise CliError(playground.training_error)
        if (args.every and epoch % args.every == 0) or epoch == args.epochs:
            print(_line(playground), file=out)
    if args.out:
        from actplay.model import session

        session.save(playground, args.out)


@quiet_on_closed_stdout
def main(argv=None) -> int:
    """Run ``actplay train`` with ``argv`` (the words after ``train``); exit status."""
    # The model's own ValueError (a refused setting) is bad input here, said as it is.
    return subcommand_main(
        f"{PROG} train", argv, build_parser, run_training, ValueError, "the session"
    )
