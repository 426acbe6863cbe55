"""The main window: structure, docks, pure construction, layout settings."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractSpinBox, QDockWidget, QSlider

from actplay.app import create_window
from actplay.model import session
from actplay.model.playground import Playground
from actplay.ui.curve.pane import CurvePane
from actplay.ui.network.panel import NetworkPanel
from actplay.ui.neuron.panel import NeuronPanel


def test_window_structure(window):
    assert isinstance(window.model, Playground)
    assert window.centralWidget() is window.central_stack
    assert window.central_stack.currentWidget() is window.curve_pane
    assert isinstance(window.curve_pane, CurvePane)
    assert isinstance(window.neuron_panel, NeuronPanel)
    assert isinstance(window.network_panel, NetworkPanel)
    assert window.neuron_dock.widget() is window.neuron_panel
    assert window.network_dock.widget() is window.network_panel
    for dock in (window.neuron_dock, window.network_dock):
        features = dock.features()
        for feature in (
            QDockWidget.DockWidgetFeature.DockWidgetMovable,
            QDockWidget.DockWidgetFeature.DockWidgetFloatable,
            QDockWidget.DockWidgetFeature.DockWidgetClosable,
        ):
            assert features & feature
    assert window.statusBar().isVisible()


def test_all_three_panes_visible_at_common_sizes(qtbot, window):
    for width, height in ((1280, 800), (1400, 900)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=2000)
        for pane in (window.curve_pane, window.neuron_panel, window.network_panel):
            assert pane.isVisible()
            assert pane.width() >= 300, type(pane).__name__
            assert pane.geometry().right() <= window.width()


def test_view_menu_toggles_docks(qtbot, window):
    toggle = window.findChild(type(window.neuron_dock.toggleViewAction()), "neuron_dock_toggle")
    assert toggle in window.view_menu.actions()
    toggle.trigger()
    assert not window.neuron_dock.isVisible()
    toggle.trigger()
    assert window.neuron_dock.isVisible()
    window.network_dock.close()
    window.reset_layout()
    assert window.network_dock.isVisible()


def test_every_slider_is_named_tipped_and_has_a_spin_box(window):
    sliders = window.findChildren(QSlider)
    assert len(sliders) >= 6
    for slider in sliders:
        assert slider.objectName(), slider
        assert slider.toolTip(), slider.objectName()
        spins = slider.parentWidget().findChildren(QAbstractSpinBox)
        assert spins, f"{slider.objectName()} has no spin box beside it"


def test_model_events_reach_every_panel(window):
    calls = []
    for pane in (window.neuron_panel, window.network_panel):
        original = pane.refresh
        pane.refresh = lambda sections, pane=pane, original=original: (
            calls.append((type(pane).__name__, sections)),
            original(sections),
        )
    window.model.set_neuron_bias(0.4)
    window.model.set_network_input(0, 0.3)
    window.scheduler.flush()
    names = [name for name, _ in calls]
    assert "NeuronPanel" in names and "NetworkPanel" in names


def test_create_window_opens_a_session(qtbot, tmp_path):
    model = Playground()
    model.set_linked(False)
    model.set_curve_activation("gelu")
    model.add_compare("tanh")
    path = tmp_path / "study.json"
    session.save(model, path)
    for argv in ([str(path)], ["--session", str(path)]):
        window = create_window(argv)
        qtbot.addWidget(window)
        assert window.model.curve_activation == "gelu"
        assert window.model.compare == (("tanh", {}),)
        assert window.curve_pane.picker.current() == "gelu"
        window.close()


def test_create_window_is_pure_and_main_restores_layout(qtbot, tmp_path):
    path = os.fspath(tmp_path / "layout.ini")
    first = create_window()
    qtbot.addWidget(first)
    first.show()
    first.use_settings(QSettings(path, QSettings.Format.IniFormat))
    first.network_dock.hide()
    first.resize(1300, 820)
    first.close()  # saves

    plain = create_window()  # no settings: the default layout, whatever was saved
    qtbot.addWidget(plain)
    plain.show()
    assert plain.network_dock.isVisible()
    plain.close()

    restored = create_window()
    qtbot.addWidget(restored)
    restored.use_settings(QSettings(path, QSettings.Format.IniFormat))
    restored.show()
    assert not restored.network_dock.isVisible()
    # Geometry is saved too (the offscreen screen clamps what it may restore).
    assert QSettings(path, QSettings.Format.IniFormat).value("window/geometry") is not None
    restored.close()


def test_presets_menu_applies_a_preset(window):
    from actplay.model import presets

    name = next(iter(presets.PRESETS))
    action = window.findChild(type(window.neuron_dock.toggleViewAction()), f"preset_{name}_action")
    events = []
    window.model.changed.connect(events.append)
    action.trigger()
    assert events  # the preset changed the state
    expected = Playground()
    presets.apply(expected, name)
    assert window.model.state_dict() == expected.state_dict()
