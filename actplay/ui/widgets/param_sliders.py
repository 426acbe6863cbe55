"""Sliders for an activation's parameters, generated from its `ParamSpec` metadata.

One `FloatSlider` per parameter over the spec's slider range (the spin box
takes any value within the hard limits), with a reset-to-default button. The
rows are rebuilt only when the function changes; otherwise a refresh moves
the existing sliders. The curve pane, the Compare tab and the neuron builder
all show a function's parameters with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QWidget

from actplay.core import activations
from actplay.ui import theme
from actplay.ui.binding import Binding, bind_float
from actplay.ui.i18n import translate
from actplay.ui.widgets.float_slider import FloatSlider
from actplay.ui.widgets.retire import retire


def _specs(name: str, lookup=None) -> tuple:
    try:
        return (lookup or activations.get)(name).params
    except (KeyError, ValueError):  # e.g. softmax, which has no element-wise parameters
        return ()


class ParamSliders(QWidget):
    """The parameter sliders of one function.

    Parameters
    ----------
    prefix : str
        Stem of object names: slider ``f"{prefix}_{param}_slider"``, reset
        button ``f"{prefix}_{param}_reset"``.
    get_function : callable
        ``() -> (name, params dict)`` reads the model.
    set_param : callable
        ``(key, value)`` writes the model (may raise ``ValueError``).
    parent : QWidget, optional
    lookup : callable, optional
        ``name -> Activation``; the registry when not given.
    empty_text : str or None
        Shown for a function without parameters; None shows nothing.
    """

    def __init__(
        self,
        prefix: str,
        get_function: Callable[[], tuple[str, dict]],
        set_param: Callable[[str, float], None],
        parent: QWidget | None = None,
        lookup: Callable | None = None,
        empty_text: str | None = translate("widgets", "No parameters"),
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup  # name -> Activation (the model's, which knows custom ones)
        self.setObjectName(f"{prefix}_params")
        self._prefix = prefix
        self._get_function = get_function
        self._set_param = set_param
        self._function: str | None = None
        self.sliders: dict[str, FloatSlider] = {}
        self.reset_buttons: dict[str, QToolButton] = {}
        self._bindings: list[Binding] = []
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(4)
        self._layout.setVerticalSpacing(2)
        self._empty = QLabel(empty_text or "", self)
        self._empty.setObjectName(f"{prefix}_no_params")
        self._empty_shown = empty_text is not None
        theme.style_widget(self._empty, "color: $muted_text")
        self.refresh()

    def function(self) -> str | None:
        """Name of the function whose sliders are shown."""
        return self._function

    def refresh(self) -> None:
        """Rebuild the rows if the function changed, else move the sliders to the model's values."""
        name, _params = self._get_function()
        if name != self._function:
            self._rebuild(name)
        for binding in self._bindings:
            binding.refresh()

    def _rebuild(self, name: str) -> None:
        for row_widgets in (self.sliders, self.reset_buttons):
            for widget in row_widgets.values():
                self._layout.removeWidget(widget)
                retire(widget)
            row_widgets.clear()
        self._bindings.clear()
        self._layout.removeWidget(self._empty)
        self._function = name
        specs = _specs(name, self._lookup)
        self._empty.setVisible(self._empty_shown and not specs)
        if not self._empty_shown:  # nothing to show: take no room (not even layout spacing)
            self.setVisible(bool(specs))
        if not specs:
            self._layout.addWidget(self._empty, 0, 0)
        for row, spec in enumerate(specs):
            tooltip = (
                f"{spec.name}: {spec.description}\n"
                f"default {spec.default:g}, allowed {spec.lo:g} \u2026 {spec.hi:g}"
            )
            slider = FloatSlider(
                f"{self._prefix}_{spec.name}",
                spec.name,
                spec.slider_lo,
                spec.slider_hi,
                spec.default,
                tooltip=tooltip,
                parent=self,
            )
            slider.label.setMinimumWidth(70)
            slider.spin.setRange(spec.lo, spec.hi)  # exact values up to the hard limits
            reset = QToolButton(self)
            reset.setObjectName(f"{self._prefix}_{spec.name}_reset")
            reset.setText("\u21ba")
            reset.setToolTip(
                translate("widgets", "Reset {name} to its default, {default:g}").format(
                    name=spec.name, default=spec.default
                )
            )
            reset.clicked.connect(
                lambda _checked=False, key=spec.name, value=spec.default: self._reset(key, value)
            )
            self._layout.addWidget(slider, row, 0)
            self._layout.addWidget(reset, row, 1)
            self.sliders[spec.name] = slider
            self.reset_buttons[spec.name] = reset
            self._bindings.append(
                bind_float(
                    slider,
                    lambda key=spec.name, default=spec.default: self._get_function()[1].get(
                        key, default
                    ),
                    lambda value, key=spec.name: self._set_param(key, value),
                )
            )

    def _reset(self, key: str, default: float) -> None:
        binding = self._bindings[list(self.sliders).index(key)]
        binding.write(default)
        binding.refresh()
