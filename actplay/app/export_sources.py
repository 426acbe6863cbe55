"""The Playground an ``actplay export`` draws: a function named on the command line
(``--activation``, ``--param``, ``--compare``), or a session file.

Names and parameters are checked against the activation library, and every value
against the model, before anything is drawn; each refusal is a `CliError` naming the
option. ``actplay import-torch`` reads its ``--activation`` layers with `parse_compare`,
and ``actplay race`` a contestant's parameters with `parse_assignment`.
"""

from __future__ import annotations

import os

from actplay.app.cli import CliError, one_line


def parse_assignment(text: str, option: str) -> tuple[str, float]:
    """``"alpha=0.5"`` -> ``("alpha", 0.5)``."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise CliError(f"{option} expects KEY=VALUE, got {text!r}")
    try:
        return key.strip(), float(value)
    except ValueError:
        raise CliError(f"{option} {key.strip()}: {value!r} is not a number") from None


def resolve_function(name: str, assignments, option: str) -> tuple[str, dict]:
    """Check an activation name and its parameters against the library.

    Returns
    -------
    (str, dict)
        The name and its resolved parameters (defaults filled in).
    """
    from actplay.core import activations as acts

    if name not in acts.names():
        raise CliError(f"unknown activation {name!r}; valid names: {', '.join(acts.names())}")
    params = {}
    for text in assignments:
        key, value = parse_assignment(text, option)
        if key in params:
            raise CliError(f"{option} for {name}: {key} is given twice")
        params[key] = value
    try:
        return name, acts.get(name).resolve_params(params)
    except ValueError as error:
        raise CliError(f"{option} for {name}: {one_line(error)}") from None


def parse_compare(text: str) -> tuple[str, dict]:
    """``"elu:alpha=0.5,..."`` -> ``("elu", {"alpha": 0.5})`` (checked)."""
    name, _, rest = text.partition(":")
    assignments = [part for part in rest.split(",") if part.strip()]
    return resolve_function(name.strip(), assignments, "--compare")


def playground_from_args(args):
    """A Playground whose curve pane shows what the arguments ask for."""
    from actplay.model.playground import Playground

    name, params = resolve_function(args.activation, args.param, "--param")
    compares = [parse_compare(text) for text in args.compare]
    model = Playground()
    try:
        with model.batch():
            model.set_curve_activation(name)
            for key, value in params.items():
                model.set_curve_param(key, value)
            for compare_name, compare_params in compares:
                model.add_compare(compare_name, compare_params)
            model.set_visible("f", True)
            model.set_visible("df", args.derivative)
            model.set_visible("d2f", args.second_derivative)
            if args.range is not None:
                model.set_x_range(*args.range)
            if args.points is not None:
                model.set_points(args.points)
    except ValueError as error:
        raise CliError(one_line(error)) from None
    return model


def playground_from_session(path: str):
    """Load a session file; `CliError` names what is wrong with it."""
    from actplay.model import session

    if os.path.isdir(path):
        raise CliError(f"session path is a folder, not a file: {path}")
    if not os.path.exists(path):
        raise CliError(f"session file not found: {path}")
    try:
        return session.load(path)
    except (OSError, ValueError) as error:  # SessionError is a ValueError
        raise CliError(f"cannot read session {path}: {one_line(error)}") from None
