"""The Playground: every value the user can change, in one state object.

The state is split by section across mixins (``curve_state``, ``neuron_state``,
``network_state``); the derived results live in ``derived``. This file holds
the defaults, the event plumbing, the ``view`` section and the whole-state
``state_dict``/``apply_state`` pair that sessions and undo use.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from actplay.model import limits as lim
from actplay.model.curve_state import CurveStateMixin
from actplay.model.custom_state import CustomStateMixin
from actplay.model.derived import DerivedMixin
from actplay.model.events import SECTIONS, Batch, Emitter
from actplay.model.network_state import NetworkStateMixin
from actplay.model.neuron_state import NeuronStateMixin
from actplay.model.race_state import RaceState
from actplay.model.state_schema import DEFAULT_POINTS, DEFAULT_VISIBLE, validate_state
from actplay.model.training_state import TrainingStateMixin

VALUE_LIMIT = lim.VALUE_LIMIT
MAX_COMPARE = lim.MAX_COMPARE


class Playground(
    CurveStateMixin,
    NeuronStateMixin,
    NetworkStateMixin,
    CustomStateMixin,
    TrainingStateMixin,
    DerivedMixin,
):
    """Everything the user can change, with validating setters and cached results.

    Sections and what they hold:

    - ``curve``: ``curve_activation``, ``curve_params``, ``compare``, ``visible``,
      ``x_range``, ``points``, ``linked``
    - ``neuron``: ``neuron_inputs``, ``neuron_weights``, ``neuron_bias``,
      ``neuron_activation``, ``neuron_params``, ``binary_mode``, ``neuron_target``
    - ``network``: ``layer_sizes``, ``layer_activations``, ``weights``, ``biases``,
      ``init_scheme``, ``seed``, ``network_input``, ``plane_range``
    - ``view``: ``selected_weight``
    - ``race``: the section object ``pg.race`` (:class:`~actplay.model.race_state.RaceState`)

    Properties return copies or tuples; change the state through the ``set_*``
    methods (see ``docs/internals.md``, "Playground API"). Every setter checks
    its input and raises ``ValueError`` naming the field, with the state
    unchanged; setting an equal value does nothing.

    Events
    ------
    changed : Emitter
        Called with a ``frozenset`` of the sections a change touched. Inside
        ``with playground.batch():`` one event at the end names every touched section.

    Derived results (``curve_data``, ``neuron_result``, ``truth_table``,
    ``network_trace``, ``network_diagnostics``, ``network_heatmaps``,
    ``linear_equivalent``) are computed on first request and cached until
    something they depend on changes; ``recompute_counts`` counts the work.
    """

    def __init__(self) -> None:
        self.changed = Emitter()
        self._batch = Batch(self.changed)
        self._versions = {"network": 0, "network_input": 0, "plane": 0}
        self._init_derived()
        self._init_custom()  # before any activation name is checked
        self.race = RaceState(self._touch, lambda: self._custom)  # the race room's section
        # curve
        self._curve_activation = "sigmoid"
        self._curve_params = lim.check_params("curve params", "sigmoid", None)
        self._compare: list[tuple[str, dict]] = []
        self._visible = dict(DEFAULT_VISIBLE)
        self._x_range = (-6.0, 6.0)
        self._points = DEFAULT_POINTS
        self._linked = True
        # neuron
        self._neuron_inputs = [1.0, 0.5, -0.5]
        self._neuron_weights = [0.8, -0.4, 0.3]
        self._neuron_bias = 0.1
        self._neuron_activation = "sigmoid"
        self._neuron_params = lim.check_params("neuron params", "sigmoid", None)
        self._binary_mode = False
        self._neuron_target: tuple[int, int] | None = None
        # network
        self._layer_sizes = (2, 8, 8, 1)
        self._layer_activations = [
            (name, lim.check_params("layer params", name, None))
            for name in ("tanh", "tanh", "sigmoid")
        ]
        self._init_scheme = "xavier"
        self._seed = 0
        self._weights, self._biases = self._initial_parameters()
        self._network_input = [1.0, -0.5]
        self._plane_range = (-6.0, 6.0)
        # view
        self._selected_weight: tuple[int, int, int] | None = None
        # Sections later features own (custom activations, dataset, training): kept as given.
        self._init_training()  # dataset, training (training_state.py)

    # -- events -----------------------------------------------------------------
    def batch(self) -> AbstractContextManager:
        """Group changes: ``with playground.batch(): ...`` emits one event at its end (nests)."""
        return self._batch()

    def _touch(self, sections) -> None:
        self._batch.touch(sections)

    def _bump(self, what: str) -> None:
        """Mark a piece of network state as changed, so the results that use it recompute."""
        self._versions[what] += 1

    # -- view section -------------------------------------------------------------
    @property
    def selected_weight(self) -> tuple[int, int, int] | None:
        """``None`` or ``(layer, out, in)`` of the weight the network panel highlights."""
        return self._selected_weight

    def select_weight(self, layer: int, out: int, in_: int) -> None:
        """Highlight one weight of the network (layer 1-based). Touches ``view``."""
        selection = self._check_selection(layer, out, in_)
        if selection == self._selected_weight:
            return
        self._selected_weight = selection
        self._touch({"view"})

    def clear_selected_weight(self) -> None:
        """Remove the weight highlight. Touches ``view``."""
        if self._selected_weight is None:
            return
        self._selected_weight = None
        self._touch({"view"})

    # -- whole state ----------------------------------------------------------------
    def state_dict(self) -> dict:
        """The whole state as the JSON-ready dict a session file holds (see
        ``docs/session-format.md``); a fresh copy every call."""
        state = {
            "format": "actplay-session",
            "version": 1,
            "curve": self._curve_state(),
            "neuron": self._neuron_state(),
            "network": self._network_state(),
            **self._training_sections(),
            "race": self.race.state(),
        }
        if self._custom_entries:
            state["custom_activations"] = self._custom_state()
        return state

    def apply_state(self, state: dict) -> None:
        """Replace the whole state with ``state`` (the format of :meth:`state_dict`).

        Everything is validated before anything changes. One event names the
        sections whose values differ (none when the state is already equal); a
        selected weight that no longer exists is cleared (``view``).

        Raises
        ------
        ValueError
            Naming the first bad field; the state is left untouched.
        """
        clean = validate_state(state)
        current = self.state_dict()
        if clean == current:
            return
        touched = {
            name
            for name in ("curve", "neuron", "network", "dataset", "training")
            if clean[name] != current[name]
        }
        if clean["race"] != current["race"]:  # settings differ, or results came with them
            touched.add("race")
        if "network" in touched:
            for what in self._versions:
                self._bump(what)
            if self._neuron_target is not None or clean["neuron"]["target"] is not None:
                touched.add("neuron")  # a targeted neuron shows a network unit
        if self._load_custom(clean.get("custom_activations")):
            touched |= {"curve", "neuron", "network"}  # every picker lists them
        self._load_curve(clean["curve"])
        self._load_neuron(clean["neuron"])
        self._load_network(clean["network"])
        self._load_training(clean)  # dataset, training
        self.race.load(clean["race"])
        selected = self._selected_weight
        if selected is not None and not self._weight_exists(self._layer_sizes, *selected):
            self._selected_weight = None
            touched.add("view")
        # Sections later features own changed only: tell every view, they may show them.
        self._touch(touched or SECTIONS)

    def __repr__(self) -> str:
        return (
            f"Playground(curve={self.curve_activation!r}, neuron={self.neuron_activation!r}, "
            f"layer_sizes={self._layer_sizes})"
        )
