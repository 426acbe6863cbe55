"""The Playground: every value the user can change, in one state object.

The Playground composes one object per state section (``model.sections``:
curve, neuron, network, view, custom functions, data set, training), the
training run (``training_run.TrainingRun``), the race and the cached results
computed from them (``derived.Results``), and offers their properties and
setters under the names the ui uses; each line below says which part owns a name.
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
from actplay.model.sections.dataset import DatasetSection
from actplay.model.sections.network import NetworkSection
from actplay.model.sections.neuron import NeuronSection
from actplay.model.sections.training import TrainingSection
from actplay.model.sections.view import ViewSection
from actplay.model.state_schema import FORMAT, VERSION, validate_state
from actplay.model.training_run import TrainingRun

VALUE_LIMIT = lim.VALUE_LIMIT
MAX_COMPARE = lim.MAX_COMPARE
SAVED_SECTIONS = ("curve", "neuron", "network", "dataset", "training")  # in every state dict


class Parts:
    """The sections of one Playground, so each can reach the others, and its events.

    Parameters
    ----------
    playground : Playground
        The public face, for code that works through the public setters (the
        data sets' proposed recipes); its ``changed`` emitter is where
        :meth:`touch` emits (once per batch).
    """

    def __init__(self, playground: Playground) -> None:
        self.playground = playground
        self._batch = Batch(playground.changed)
        self.custom = CustomFunctions(self)  # first: the others check names against it
        self.curve = CurveSection(self)
        self.neuron = NeuronSection(self)
        self.network = NetworkSection(self)
        self.view = ViewSection(self)
        self.dataset = DatasetSection(self)
        self.training = TrainingSection(self)
        self.run = TrainingRun(self)
        self.race = RaceState(self.touch, lambda: self.custom.functions)  # the race room's
        self.results = Results(self)

    def touch(self, sections) -> None:
        """Record that ``sections`` changed: emit now, or at the end of the open batch."""
        self._batch.touch(sections)

    def batch(self) -> AbstractContextManager:
        """Group changes into one event (nests)."""
        return self._batch()


class Playground:
    """Everything the user can change, with validating setters and cached results.

    Sections and what they hold:

    - ``curve``: ``curve_activation``, ``curve_params``, ``compare``, ``visible``,
      ``x_range``, ``points``, ``linked``
    - ``neuron``: ``neuron_inputs``, ``neuron_weights``, ``neuron_bias``,
      ``neuron_activation``, ``neuron_params``, ``binary_mode``, ``neuron_target``,
      ``neuron_input_names``
    - ``network``: ``layer_sizes``, ``layer_activations``, ``weights``, ``biases``,
      ``init_scheme``, ``seed``, ``network_input``, ``plane_range``
    - ``view``: ``selected_weight``
    - ``dataset``: ``dataset_spec``, ``features`` (and the points, ``dataset()``)
    - ``training``: ``training_settings``, ``epoch``; the run: ``running``,
      ``training_error``, ``loss_history()``, ``gradient_history()``
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
        self._parts = Parts(self)

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
    neuron_input_names = forward("neuron", NeuronSection.neuron_input_names)
    set_input_names = forward("neuron", NeuronSection.set_input_names)
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
    add_custom_activation = forward("custom", CustomFunctions.add_custom_activation)
    remove_custom_activation = forward("custom", CustomFunctions.remove_custom_activation)

    # -- data set (sections/dataset.py) ---------------------------------------------------
    dataset_spec = forward("dataset", DatasetSection.dataset_spec)
    features = forward("dataset", DatasetSection.features)
    dataset = forward("dataset", DatasetSection.dataset)
    data_frame = forward("dataset", DatasetSection.data_frame)
    set_dataset = forward("dataset", DatasetSection.set_dataset)
    regenerate_dataset = forward("dataset", DatasetSection.regenerate_dataset)
    set_feature = forward("dataset", DatasetSection.set_feature)
    add_point = forward("dataset", DatasetSection.add_point)
    load_dataset_csv = forward("dataset", DatasetSection.load_dataset_csv)

    # -- training (sections/training.py) ---------------------------------------------------
    training_settings = forward("training", TrainingSection.training_settings)
    epoch = forward("training", TrainingSection.epoch)
    set_training = forward("training", TrainingSection.set_training)
    reset_training = forward("training", TrainingSection.reset_training)
    output_surface = forward("training", TrainingSection.output_surface)
    accuracy = forward("training", TrainingSection.accuracy)
    dead_unit_counts = forward("training", TrainingSection.dead_unit_counts)

    # -- the training run (training_run.py, training_background.py) ------------------------
    running = forward("run", TrainingRun.running)
    training_error = forward("run", TrainingRun.training_error)
    loss_history = forward("run", TrainingRun.loss_history)
    gradient_history = forward("run", TrainingRun.gradient_history)
    set_running = forward("run", TrainingRun.set_running)
    train_steps = forward("run", TrainingRun.train_steps)
    train_epoch = forward("run", TrainingRun.train_epoch)
    train_for = forward("run", TrainingRun.train_for)
    publish_training = forward("run", TrainingRun.publish_training)
    training_worker = forward("run", TrainingRun.training_worker)
    training_in_background = forward("run", TrainingRun.training_in_background)
    attach_training_worker = forward("run", TrainingRun.attach_training_worker)
    collect_training = forward("run", TrainingRun.collect_training)

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

    unit_grids = forward("results", Results.unit_grids)

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
            "dataset": parts.dataset.to_dict(),
            "training": parts.training.to_dict(),
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
        parts.dataset.load(clean["dataset"])
        parts.training.load(clean["training"])
        parts.run.stop()  # a loaded state is paused, with an empty history
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
