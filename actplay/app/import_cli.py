"""``actplay import-torch``: a PyTorch MLP's ``state_dict`` file as an actplay session.

    actplay import-torch WEIGHTS.pt (--script NET.py | --activation NAME[:K=V,...] ...)
                         [--session BASE.json] --out SESSION.actplay.json

The weights are read with ``torch.load(weights_only=True)`` (torch must be
installed); the activations come from the header of the script ``actplay export
--format torch`` wrote, or one ``--activation`` per Linear layer. The session is
``BASE`` (default: a new one) with that network; open it in the window. Bad input
exits with status 2 and one line naming the problem, writing nothing.
"""

from __future__ import annotations

from actplay.app.cli import CliError, OneLineParser, one_line, subcommand_main

PROG = "actplay import-torch"


class ImportInputError(CliError):
    """Bad ``actplay import-torch`` input; the message is the one line the user sees."""


def build_parser() -> OneLineParser:
    """The ``actplay import-torch`` argument parser (raises `CliError` on bad input)."""
    parser = OneLineParser(
        prog=PROG,
        description="Make a session from a PyTorch state_dict of Linear layers (needs torch).",
    )
    parser.add_argument("weights", metavar="WEIGHTS", help="file of torch.save(model.state_dict())")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--script", metavar="NET.py", help="script exported by actplay (header)")
    source.add_argument(
        "--activation",
        action="append",
        metavar="NAME[:KEY=VALUE,...]",
        help="activation of each Linear layer, in order (repeat once per layer)",
    )
    parser.add_argument("--session", metavar="FILE", help="session to put the network into")
    parser.add_argument("--out", required=True, metavar="FILE", help="session file to write")
    return parser


def _activation(text: str) -> tuple[str, dict]:
    from actplay.app.export_sources import parse_compare
    from actplay.core.network import SOFTMAX_NAME

    if text.strip() == SOFTMAX_NAME:
        return SOFTMAX_NAME, {}
    return parse_compare(text)  # the --compare syntax: NAME[:KEY=VALUE,...], checked


def run_import(args) -> None:
    from actplay.model import network_import, session
    from actplay.ui.export.formats import check_target

    try:
        check_target(args.out)
    except ValueError as error:
        raise ImportInputError(f"--out: {one_line(error)}") from None
    layers = None if args.activation is None else [_activation(t) for t in args.activation]
    try:
        network = network_import.load_state_dict(args.weights, layers, args.script)
        base = session.load(args.session) if args.session else None
        model = network_import.playground_with(network, base)
    except ValueError as error:
        raise ImportInputError(one_line(error)) from None
    session.save(model, args.out)


def main(argv=None) -> int:
    """Run ``actplay import-torch`` with ``argv`` (the words after it); 0, or 2 for bad input."""
    return subcommand_main(PROG, argv, build_parser, run_import)
