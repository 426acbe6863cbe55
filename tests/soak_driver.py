"""A seeded random user for the real main window (used by the soak test and benchmark).

Each `SoakDriver.step` makes one change through the widgets a user touches:
a slider position, a typed spin-box value (sometimes ±1e6 or just outside a
limit), a combo-box choice, a check box, an architecture size, a preset from the
Presets menu or the neuron's examples, compare add/remove, a graph click
(select a weight or a neuron), a tab switch, and Undo/Redo when the Edit menu
has them. Widgets are discovered with ``findChildren`` at each step, so
sliders and boxes created by a change (a new input, a new layer) are used too.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QSlider,
    QSpinBox,
    QTabWidget,
    QWidget,
)

SPIN_EXTREMES = (1e6, -1e6, 999999.999, -1e-6, 0.0)  # the spin boxes' own limit, and tiny ones
BUTTON_NAMES = (
    "compare_add",
    "compare_remove",
    "neuron_add_input",
    "neuron_remove_input",
    "neuron_release",
    "network_randomise",
    "x_range_reset",
)
# kind -> relative weight: sliders and spin boxes are what users touch most.
KIND_WEIGHTS = {
    "slider": 30,
    "spin": 20,
    "spin_extreme": 6,
    "combo": 10,
    "check": 6,
    "size": 6,
    "button": 8,
    "preset": 2,
    "graph": 5,
    "tab": 3,
    "undo": 4,
}


def _alive(widget: QWidget, window) -> bool:
    return widget.isEnabled() and widget.window() is window


def undo_actions(window) -> tuple[QAction | None, QAction | None]:
    """The Edit menu's Undo and Redo actions, or None while undo does not exist yet."""
    found = {}
    for action in window.findChildren(QAction):
        words = (action.objectName().lower(), action.text().replace("&", "").lower())
        for kind in ("undo", "redo"):
            if any(word.startswith(kind) for word in words):
                found.setdefault(kind, action)
    return found.get("undo"), found.get("redo")


class SoakDriver:
    """Random changes to ``window`` from a seeded generator.

    Parameters
    ----------
    window : MainWindow
    seed : int

    Attributes
    ----------
    counts : dict
        kind -> number of changes of that kind made so far.
    """

    def __init__(self, window, seed: int = 0) -> None:
        self.window = window
        self.random = random.Random(seed)
        self.counts = {kind: 0 for kind in KIND_WEIGHTS}
        self.undo, self.redo = undo_actions(window)
        self._kinds = [k for k in KIND_WEIGHTS if k != "undo" or self.undo is not None]
        self._weights = [KIND_WEIGHTS[k] for k in self._kinds]
        self.presets = [
            a
            for a in window.findChildren(QAction)
            if a.objectName().startswith(("preset_", "neuron_preset_"))
        ]

    def _widgets(self, cls, exact=True):
        return [
            w
            for w in self.window.findChildren(cls)
            if (not exact or type(w) is cls or cls in (QSlider, QDoubleSpinBox))
            and _alive(w, self.window)
        ]

    def step(self) -> str:
        """Make one random change; return its kind."""
        kind = self.random.choices(self._kinds, self._weights)[0]
        getattr(self, f"_{kind}")()
        self.counts[kind] += 1
        return kind

    # -- the kinds of change -------------------------------------------------------------
    def _slider(self) -> None:
        slider = self.random.choice(self._widgets(QSlider))
        slider.setValue(self.random.randint(slider.minimum(), slider.maximum()))

    def _spin(self) -> None:
        spin = self.random.choice(self._widgets(QDoubleSpinBox))
        spread = self.random.choice((1.0, 10.0, 1000.0))
        spin.setValue(self.random.uniform(-spread, spread))

    def _spin_extreme(self) -> None:
        spin = self.random.choice(self._widgets(QDoubleSpinBox))
        value = self.random.choice(SPIN_EXTREMES + (spin.minimum(), spin.maximum()))
        spin.setValue(value)  # a spin box clamps to its range, like typing does

    def _combo(self) -> None:
        combos = [c for c in self._widgets(QComboBox) if c.count() > 0]
        combo = self.random.choice(combos)
        combo.setCurrentIndex(self.random.randrange(combo.count()))

    def _check(self) -> None:
        checks = self._widgets(QCheckBox)
        if checks:
            self.random.choice(checks).click()

    def _size(self) -> None:
        spins = self._widgets(QSpinBox)
        if not spins:  # the Architecture tab was never shown, so its editor is not built yet
            self._tab()
            return
        spin = self.random.choice(spins)
        if spin.objectName() == "network_seed":
            spin.setValue(self.random.randint(0, 2**31 - 1))
        else:
            spin.setValue(self.random.randint(spin.minimum(), spin.maximum()))

    def _button(self) -> None:
        buttons = [
            b for b in self._widgets(QAbstractButton, exact=False) if b.objectName() in BUTTON_NAMES
        ]
        if buttons:
            self.random.choice(buttons).click()

    def _preset(self) -> None:
        self.random.choice(self.presets).trigger()

    def _graph(self) -> None:
        canvas = self.window.network_panel.canvas
        layout = canvas.layout_
        if layout is None or not canvas.isVisible():
            return
        if self.random.random() < 0.5 and len(layout.link_layer):
            canvas.activate(("link", self.random.randrange(len(layout.link_layer))))
        else:
            column = self.random.randrange(len(layout.columns))
            rows = len(layout.columns[column])
            if rows:
                canvas.activate(("tile", column, self.random.randrange(rows)))

    def _tab(self) -> None:
        tabs = self.random.choice(
            [t for t in self.window.findChildren(QTabWidget) if t.count() > 1]
        )
        tabs.setCurrentIndex(self.random.randrange(tabs.count()))

    def _undo(self) -> None:
        action = self.undo if self.random.random() < 0.6 else self.redo
        if action is not None and action.isEnabled():
            action.trigger()


def run_deferred_deletes() -> None:
    """Delete what ``deleteLater`` queued, as the app's running event loop does after each
    event (a script or a test that only calls ``processEvents`` never reaches that point)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
