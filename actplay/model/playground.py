"""The Playground: every value the user can change, in one state object.

The Playground composes one object per state section (``model.sections``:
curve, neuron, network, custom functions) and the cached results computed
from them (``model.derived.Results``), and offers their properties and setters
under the names the ui uses; each line below says which section owns a name.
This file holds that composition, the event plumbing and the whole-state
``state_dict``/``apply_state`` pair that sessions and undo use.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from actplay.model import limits as lim
from actplay.model.derived import Results
from actplay.model.events import SECTIONS, Batch, Emitter
from actplay.model.race_state import RaceState
from actplay.model.sections.base import forward
from actplay.model.sections.curve import CurveSection
from actplay.model.sections.custom import CustomFunctions
from actplay.model.sections.network import NetworkSection
from actplay.model.sections.neuron import NeuronSection
from actplay.model.sections.view import ViewSection
from actplay.model.state_schema import FORMAT, VERSION, validate_state
from actplay.model.training_state import TrainingStateMixin

VALUE_LIMIT = lim.VALUE_LIMIT
MAX_COMPARE = lim.MAX_COMPARE
SAVED_SECTIONS = ("curve", "neuron", "network", "dataset", "training")  # in every state dict


class Parts:
    """The sections of one Playground, so each can reach the others, and its events.

    Parameters
    ----------
    changed : Emitter
        The Playground's emitter; :meth:`touch` emits through it (once per batch).
    """

    def __init__(self, changed: Emitter) -> None:
        self._batch = Batch(changed)
        self.custom = CustomFunctions(self)  # first: the others check names against it
        self.curve = CurveSection(self)
        self.neuron = NeuronSection(self)
        self.network = NetworkSection(self)
        self.view = ViewSection(self)
        self.race = RaceState(self.touch, lambda: self.custom.functions)  # the race room's
        self.results = Results(self)

    def touch(self, sections) -> None:
        """Record that ``sections`` changed: emit now, or at the end of the open batch."""
        self._batch.touch(sections)

    def batch(self) -> AbstractContextManager:
        """Group changes into one event (nests)."""
        return self._batch()


class Playground(TrainingStateMixin):
    """Everything the user can change, with validating setters and cached results.

    Sections and what they hold:

    - ``curve``: ``curve_activation``, ``curve_params``, ``compare``, ``visible``,
      ``x_range``, ``points``, ``linked``
    - ``neuron``: ``neuron_inputs``, ``neuron_weights``, ``neuron_bias``,
      ``neuron_activation``, ``neuron_params``, ``binary_mode``, ``neuron_target``
    - ``network``: ``layer_sizes``, ``layer_activations``, ``weights``, ``biases``,
      ``init_scheme``, ``seed``, ``network_input``, ``plane_range``
    - ``view``: ``selected_weight``
    - ``race``: the section object ``playground.race``
      (:class:`~actplay.model.race_state.RaceState`)

    Properties return copies or tuples; change the state through the ``set_*``
    methods (see ``docs/internals.md``, "Playground API"). Every setter checks
    its input and raises ``InvalidValue`` (a ``ValueError``) naming the field,
    with the state unchanged; setting an equal value does nothing.

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
        self._parts = Parts(self.changed)
        self._init_training()  # dataset, training (training_state.py)

    @property
    def race(self) -> RaceState:
        """The race room's section: settings, run and results (``race_state.py``)."""
        return self._parts.race

    # -- curve (sections/curve.py) ------------------------------------------------
    curve_activation = forward("curve", CurveSection.curve_activation)
    curve_params = forward("curve", CurveSection.curve_params)
    compare = forward("curve", CurveSection.compare)
    visible = forward("curve", CurveSection.visible)
    x_range = forward("curve", CurveSection.x_range)
    points = forward("curve", CurveSection.points)
    linked = forward("curve", CurveSection.linked)
    set_curve_activation = forward("curve", CurveSection.set_curve_activation)
    set_curve_param = forward("curve", CurveSection.set_curve_param)
    add_compare = forward("curve", CurveSection.add_compare)
    remove_compare = forward("curve", CurveSection.remove_compare)
    set_compare_param = forward("curve", CurveSection.set_compare_param)
    set_visible = forward("curve", CurveSection.set_visible)
    set_x_range = forward("curve", CurveSection.set_x_range)
    set_points = forward("curve", CurveSection.set_points)
    set_linked = forward("curve", CurveSection.set_linked)

    # -- neuron (sections/neuron.py) -------------------------------------------------
    neuron_inputs = forward("neuron", NeuronSection.neuron_inputs)
    neuron_weights = forward("neuron", NeuronSection.neuron_weights)
    neuron_bias = forward("neuron", NeuronSection.neuron_bias)
    neuron_activation = forward("neuron", NeuronSection.neuron_activation)
    neuron_params = forward("neuron", NeuronSection.neuron_params)
    binary_mode = forward("neuron", NeuronSection.binary_mode)
    neuron_target = forward("neuron", NeuronSection.neuron_target)
    set_neuron_input = forward("neuron", NeuronSection.set_neuron_input)
    set_neuron_weight = forward("neuron", NeuronSection.set_neuron_weight)
    set_neuron_bias = forward("neuron", NeuronSection.set_neuron_bias)
    set_neuron_activation = forward("neuron", NeuronSection.set_neuron_activation)
    set_neuron_param = forward("neuron", NeuronSection.set_neuron_param)
    set_input_count = forward("neuron", NeuronSection.set_input_count)
    set_binary_mode = forward("neuron", NeuronSection.set_binary_mode)
    select_network_neuron = forward("neuron", NeuronSection.select_network_neuron)
    release_neuron = forward("neuron", NeuronSection.release_neuron)

    # -- network (sections/network.py) --------------------------------------------------
    layer_sizes = forward("network", NetworkSection.layer_sizes)
    layer_activations = forward("network", NetworkSection.layer_activations)
    weights = forward("network", NetworkSection.weights)
    biases = forward("network", NetworkSection.biases)
    init_scheme = forward("network", NetworkSection.init_scheme)
    seed = forward("network", NetworkSection.seed)
    network_input = forward("network", NetworkSection.network_input)
    plane_range = forward("network", NetworkSection.plane_range)
    set_layer_sizes = forward("network", NetworkSection.set_layer_sizes)
    set_layer_activation = forward("network", NetworkSection.set_layer_activation)
    set_layer_param = forward("network", NetworkSection.set_layer_param)
    set_weight = forward("network", NetworkSection.set_weight)
    set_bias = forward("network", NetworkSection.set_bias)
    set_init = forward("network", NetworkSection.set_init)
    set_seed = forward("network", NetworkSection.set_seed)
    reinitialise = forward("network", NetworkSection.reinitialise)
    set_network_input = forward("network", NetworkSection.set_network_input)
    set_plane_range = forward("network", NetworkSection.set_plane_range)

    # -- view (sections/view.py) --------------------------------------------------------
    selected_weight = forward("view", ViewSection.selected_weight)
    select_weight = forward("view", ViewSection.select_weight)
    clear_selected_weight = forward("view", ViewSection.clear_selected_weight)

    # -- custom functions (sections/custom.py) -----------------------------------------
    custom_activations = forward("custom", CustomFunctions.custom_activations)
    activation_names = forward("custom", CustomFunctions.activation_names)
    activation = forward("custom", CustomFunctions.activation)
    remove_custom_activation = forward("custom", CustomFunctions.remove_custom_activation)

    def add_custom_activation(self, spec) -> None:
        """Add or replace a custom function (see ``CustomFunctions.add_custom_activation``).
        Touches ``curve``, ``neuron`` and ``network`` in one event."""
        if self._parts.custom.add_custom_activation(spec):
            self._trainer = None  # its network holds the old formula: rebuild before training

    # -- derived results (derived.py) ---------------------------------------------------
    curve_data = forward("results", Results.curve_data)
    neuron_result = forward("results", Results.neuron_result)
    truth_table = forward("results", Results.truth_table)
    network = forward("results", Results.network)
    network_trace = forward("results", Results.network_trace)
    network_diagnostics = forward("results", Results.network_diagnostics)
    network_heatmaps = forward("results", Results.network_heatmaps)
    linear_equivalent = forward("results", Results.linear_equivalent)
    _diagnostic_batch = forward("results", Results.diagnostic_batch)  # the diagnostics tab's

    @property
    def recompute_counts(self) -> dict:
        """Result name -> how many times it was computed (for tests)."""
        return self._parts.results.recompute_counts

    def unit_grids(self, resolution: int):
        """Every unit over the input plane at ``resolution`` points per axis, or ``None``
        when the network's inputs are not the data set's features nor a 2-D point
        (see ``Results.unit_grids``)."""
        return self._parts.results.unit_grids(resolution, self._dataset_spec["features"])

    # -- events -----------------------------------------------------------------
    def batch(self) -> AbstractContextManager:
        """Group changes: ``with playground.batch(): ...`` emits one event at its end
        (nests)."""
        return self._parts.batch()

    def _touch(self, sections) -> None:
        self._parts.touch(sections)

    # -- whole state ----------------------------------------------------------------
    def state_dict(self) -> dict:
        """The whole state as the JSON-ready dict a session file holds (see
        ``docs/session-format.md``); a fresh copy every call."""
        parts = self._parts
        state = {
            "format": FORMAT,
            "version": VERSION,
            "curve": parts.curve.to_dict(),
            "neuron": parts.neuron.to_dict(),
            "network": parts.network.to_dict(),
            **self._training_sections(),
            "race": parts.race.state(),
        }
        custom = parts.custom.to_dict()
        if custom:
            state[CustomFunctions.KEY] = custom
        return state

    def apply_state(self, state: dict) -> None:
        """Replace the whole state with ``state`` (the format of :meth:`state_dict`).

        Everything is validated before anything changes. One event names the
        sections whose values differ (none when the state is already equal); a
        selected weight that no longer exists is cleared (``view``).

        Raises
        ------
        InvalidValue
            Naming the first bad field; the state is left untouched.
        """
        clean = validate_state(state)
        current = self.state_dict()
        if clean == current:
            return
        parts = self._parts
        touched = {name for name in SAVED_SECTIONS if clean[name] != current[name]}
        if clean["race"] != current["race"]:  # settings differ, or results came with them
            touched.add("race")
        if "network" in touched:
            parts.network.forget_results()
            if parts.neuron.neuron_target is not None or clean["neuron"]["target"] is not None:
                touched.add("neuron")  # a targeted neuron shows a network unit
        if parts.custom.load(clean.get(CustomFunctions.KEY)):
            touched |= {"curve", "neuron", "network"}  # every picker lists them
        parts.curve.load(clean["curve"])
        parts.neuron.load(clean["neuron"])
        parts.network.load(clean["network"])
        self._load_training(clean)  # dataset, training
        parts.race.load(clean["race"])
        if parts.view.release_missing(clean["network"]["layer_sizes"]):
            touched.add("view")
        # Sections later features own changed only: tell every view, they may show them.
        self._touch(touched or SECTIONS)

    def __repr__(self) -> str:
        return (
            f"Playground(curve={self.curve_activation!r}, neuron={self.neuron_activation!r}, "
            f"layer_sizes={self.layer_sizes})"
        )

    # -- what the training mixins read, until they are sections too -------------------
    @property
    def _layer_sizes(self) -> tuple[int, ...]:
        return self._parts.network.layer_sizes

    @property
    def _layer_activations(self) -> list:
        return self._parts.network.layer_activations

    @property
    def _plane_range(self) -> tuple[float, float]:
        return self._parts.network.plane_range

    @property
    def _versions(self) -> dict:
        return self._parts.network.versions

    @property
    def _weights(self) -> list:
        return self._parts.network.arrays[0]

    @_weights.setter
    def _weights(self, weights: list) -> None:
        self._parts.network.set_arrays(weights, self._parts.network.arrays[1])

    @property
    def _biases(self) -> list:
        return self._parts.network.arrays[1]

    @_biases.setter
    def _biases(self, biases: list) -> None:
        self._parts.network.set_arrays(self._parts.network.arrays[0], biases)

    def _initial_parameters(self) -> tuple[list, list]:
        return self._parts.network.initial_parameters()

    def _network_changed(self) -> None:
        self._parts.network.changed()

    def _cached(self, name: str, key, compute):
        return self._parts.results.cached(name, key, compute)
