"""The whole-state dictionary (what a session file holds) and its validation.

:func:`validate_state` checks every field of a state dictionary before any of
it is used, and returns a clean copy: floats as floats, lists as lists, params
resolved. ``Playground.apply_state`` and the session loader both go through it,
so a file, an undo step and a preset are held to the same limits. Each section
object checks its own part (``model.sections``); this module checks the
envelope and the order the sections depend on each other. The format is
documented in ``docs/session-format.md``.
"""

from __future__ import annotations

from actplay.model import limits as lim
from actplay.model.errors import InvalidValue
from actplay.model.race_results import validate_race_section
from actplay.model.sections.curve import CurveSection
from actplay.model.sections.custom import CustomFunctions
from actplay.model.sections.dataset import DatasetSection
from actplay.model.sections.network import NetworkSection
from actplay.model.sections.neuron import NeuronSection
from actplay.model.sections.training import TrainingSection

FORMAT = "actplay-session"
VERSION = 1
REQUIRED_SECTIONS = ("format", "version", "curve", "neuron", "network")
OPTIONAL_SECTIONS = ("custom_activations", "dataset", "training", "race")
CUSTOM_SECTION = CustomFunctions.KEY


def check_version(state) -> None:
    """Raise ``InvalidValue`` unless ``state`` declares this format and a version we read."""
    if not isinstance(state, dict):
        raise InvalidValue(f"a session must be a JSON object, got {type(state).__name__}")
    if state.get("format") != FORMAT:
        raise InvalidValue(f"not an actplay session ('format' must be {FORMAT!r})")
    version = state.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidValue(f"'version' must be an integer, got {version!r}")
    if version > VERSION:
        raise InvalidValue(
            f"session version {version} was written by a newer actplay; "
            f"this one reads version {VERSION}"
        )
    if version < VERSION:
        raise InvalidValue(f"unsupported session version {version}")


def validate_state(state) -> dict:
    """Validate a whole state dictionary and return a clean, JSON-ready copy.

    Parameters
    ----------
    state : dict
        The dictionary ``Playground.state_dict()`` returns or a session file holds.

    Returns
    -------
    dict
        The same structure with numbers as floats/ints and params resolved.

    Raises
    ------
    InvalidValue
        Naming the first field that is missing, unknown, of the wrong type or out of range.
    """
    check_version(state)
    lim.check_keys("session", state, REQUIRED_SECTIONS, OPTIONAL_SECTIONS)
    # First: the other sections may use these functions by name.
    custom_section, custom = CustomFunctions.validate(state.get(CUSTOM_SECTION, {}))
    network = NetworkSection.validate(state["network"], custom)
    curve = CurveSection.validate(state["curve"], custom)
    neuron = NeuronSection.validate(state["neuron"], network, custom)
    if curve["linked"]:
        # A linked curve shows the neuron's activation (a targeted unit's is its layer's).
        target = neuron["target"]
        source = (
            network["activations"][target[0] - 1]
            if target
            else (neuron["activation"], neuron["params"])
        )
        curve["activation"], curve["params"] = source[0], dict(source[1])
    clean = {
        "format": FORMAT,
        "version": VERSION,
        "curve": curve,
        "neuron": neuron,
        "network": network,
    }
    if custom_section:
        clean[CUSTOM_SECTION] = custom_section
    # Left out, the data set and training take their defaults.
    clean["dataset"] = DatasetSection.validate(state.get("dataset"))
    clean["training"] = TrainingSection.validate(state.get("training"))
    clean["race"] = validate_race_section(state.get("race"), custom)  # settings (+ results)
    return clean
