"""The network canvas with what belongs under it: a hint line, the input plane,
the colour key, and the selected weight's slider (shown only while a weight is
selected)."""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtWidgets

from actplay.model.errors import InvalidValue
from actplay.ui.binding import bind_float
from actplay.ui.i18n import translate
from actplay.ui.network.canvas import NetworkCanvas
from actplay.ui.widgets.diverging import PROBABILITY_CAPTION, VALUE_CAPTION, DivergingLegend
from actplay.ui.widgets.float_slider import FloatSlider
from actplay.ui.widgets.names import weight_label
from actplay.ui.widgets.pair_grid import PairGrid
from actplay.ui.widgets.signed_spin import SignedSpinBox

WEIGHT_SLIDER_RANGE = 5.0  # ± slider reach for a selected weight; widened if |w| is larger
HINT = translate(
    "network",
    "Hover a tile to enlarge it, a link for its weight. "
    "Click a link to edit it, a unit to open it.",
)
MESSAGE_MS = 8000  # a refused change's reason stays this long in the hint line
RANGE_LIMIT = 1e3  # the plane's spin boxes reach; the plane is for looking, not extremes


class CanvasView(QtWidgets.QWidget):
    """A `NetworkCanvas` and its controls, as one widget that can move between the
    network dock and the network layout's centre."""

    SECTIONS = NetworkCanvas.SECTIONS

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("network_canvas_view")
        self.model = model
        self.canvas = NetworkCanvas(model)
        self.hint = QtWidgets.QLabel(HINT)
        self.hint.setObjectName("network_canvas_hint")
        self.hint.setWordWrap(True)
        self._hint_timer = QtCore.QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.timeout.connect(lambda: self.hint.setText(HINT))
        self.canvas.message.connect(self.show_message)

        self.lo_spin = self._range_spin(
            "network_plane_lo", translate("network", "Left and bottom edge of the input plane")
        )
        self.hi_spin = self._range_spin(
            "network_plane_hi", translate("network", "Right and top edge of the input plane")
        )
        model = self.model
        self._range_bindings = [
            bind_float(
                self.lo_spin,
                lambda: model.plane_range[0],
                lambda lo: model.set_plane_range(lo, model.plane_range[1]),
                self.show_message,
            ),
            bind_float(
                self.hi_spin,
                lambda: model.plane_range[1],
                lambda hi: model.set_plane_range(model.plane_range[0], hi),
                self.show_message,
            ),
        ]
        plane = QtWidgets.QWidget()
        plane_row = QtWidgets.QHBoxLayout(plane)
        plane_row.setContentsMargins(0, 0, 0, 0)
        plane_label = QtWidgets.QLabel(translate("network", "Input plane"))
        plane_label.setBuddy(self.lo_spin)
        plane_row.addWidget(plane_label)
        plane_row.addWidget(self.lo_spin)
        plane_row.addWidget(QtWidgets.QLabel(translate("network", "to")))
        plane_row.addWidget(self.hi_spin)
        plane_row.addStretch(1)
        self.legend = DivergingLegend()
        # The key goes under the plane's range when the dock is narrow.
        self.plane_row = PairGrid(stretch=(1, 0))
        self.plane_row.add_row(plane, self.legend)

        self.selected_weight = FloatSlider(
            "network_selected_weight",
            translate("network", "Weight"),
            -WEIGHT_SLIDER_RANGE,
            WEIGHT_SLIDER_RANGE,
            tooltip=translate(
                "network", "Drag the weight picked on the canvas (Esc on the canvas lets it go)"
            ),
        )
        self.selected_label = QtWidgets.QLabel()
        self.selected_label.setObjectName("network_selected_weight_label")
        self._selected_binding = bind_float(
            self.selected_weight, self._selected_weight_value, self._set_selected_weight
        )
        selected_row = QtWidgets.QWidget()
        selected_row.setObjectName("network_selected_weight_row")
        row = QtWidgets.QHBoxLayout(selected_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.selected_label)
        row.addWidget(self.selected_weight, 1)
        self.selected_row = selected_row

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.selected_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.plane_row)
        self.refresh(self.SECTIONS)

    @staticmethod
    def _range_spin(name: str, tooltip: str) -> QtWidgets.QDoubleSpinBox:
        spin = SignedSpinBox()
        spin.setObjectName(name)
        spin.setRange(-RANGE_LIMIT, RANGE_LIMIT)
        spin.setDecimals(2)
        spin.setSingleStep(0.5)
        spin.setKeyboardTracking(False)
        spin.setToolTip(tooltip)
        spin.setAccessibleName(tooltip)
        return spin

    def set_key_shown(self, shown: bool) -> None:
        """Show or hide the colour key (a host with its own key, such as the training
        workspace, hides it: one key per view)."""
        self.legend.setVisible(shown)

    def show_message(self, text: str) -> None:
        """Show a refused change's reason in the hint line for a while."""
        self.hint.setText(text)
        self._hint_timer.start(MESSAGE_MS)

    # -- model -> view ---------------------------------------------------------------------
    def refresh(self, sections) -> None:
        self.canvas.refresh(sections)
        # The key says when the output is a probability drawn centred on 0.5.
        self.legend.set_caption(
            PROBABILITY_CAPTION if self.canvas.output_centred() else VALUE_CAPTION
        )
        for binding in self._range_bindings:
            binding.refresh()  # skips an equal value (a spin box would repaint)
        self._update_selected_weight()

    def _update_selected_weight(self) -> None:
        selected = self.model.selected_weight
        self.selected_row.setVisible(selected is not None)
        if selected is None:
            return
        layer, out, inp = selected
        n_layers = len(self.model.layer_sizes)
        self.selected_label.setText(weight_label(layer, out, inp, n_layers))
        reach = max(WEIGHT_SLIDER_RANGE, float(np.ceil(abs(self._selected_weight_value()))))
        if self.selected_weight.range() != (-reach, reach):
            self.selected_weight.setRange(-reach, reach)
        self._selected_binding.refresh()

    # -- view -> model ---------------------------------------------------------------------
    def _selected_weight_value(self) -> float:
        selected = self.model.selected_weight
        if selected is None:
            return 0.0
        layer, out, inp = selected
        return float(self.model.network().weights[layer - 1][out, inp])

    def _set_selected_weight(self, value: float) -> None:
        selected = self.model.selected_weight
        if selected is None:
            raise InvalidValue("no weight is selected: click a link on the canvas first")
        self.model.set_weight(*selected, value)
