"""Tab order follows the layout, also for parts built after the window (the lazy tabs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox, QTableWidget


def tab_chain(window) -> list:
    """The widgets Tab visits, in order, starting after the window itself."""
    chain, widget = [], window.nextInFocusChain()
    while widget is not window:
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def follows(chain, first, second, page=None) -> bool:
    """``second`` comes right after ``first``: only parts of ``first`` (a plot's viewport)
    or of ``page`` (the frame around ``second``) may come between."""

    def part_of(widget, owner):
        return owner is not None and (widget is owner or owner.isAncestorOf(widget))

    between = chain[chain.index(first) + 1 : chain.index(second)]
    return chain.index(second) > chain.index(first) and all(
        part_of(widget, first) or part_of(widget, page) for widget in between
    )


def test_the_compare_tab_is_reached_right_after_its_tab_bar(window):
    pane = window.curve_pane
    pane.tabs.setCurrentIndex(1)  # Compare: built now
    assert follows(tab_chain(window), pane.tabs.tabBar(), pane.compare_box.picker.combo)


def test_network_tabs_and_rebuilt_inputs_keep_the_on_screen_order(window, qtbot):
    panel = window.network_panel
    panel.tabs.setCurrentIndex(3)  # Architecture: built now
    chain = tab_chain(window)
    size_spin = panel.findChild(QSpinBox, "network_input_size")
    page = panel.tabs.currentWidget()
    assert follows(chain, panel.tabs.tabBar(), size_spin, page)
    # The Inputs tab's sliders come right after the tab bar, also after a rebuild with 3 inputs.
    size_spin.setValue(3)
    window.scheduler.flush()
    panel.tabs.setCurrentIndex(0)
    qtbot.wait(5)  # new rows are shown by the event loop
    chain = tab_chain(window)
    assert [s.objectName() for s in panel.input_sliders] == [f"network_input_{i}" for i in range(3)]
    positions = [chain.index(slider.slider) for slider in panel.input_sliders]
    assert positions == sorted(positions)
    assert chain.index(panel.tabs.tabBar()) < positions[0]
    panel.tabs.setCurrentIndex(2)  # Diagnostics: built now, also right after the tab bar
    assert follows(
        tab_chain(window),
        panel.tabs.tabBar(),
        panel.findChild(QTableWidget),
        panel.tabs.currentWidget(),
    )


def test_the_truth_table_comes_between_the_equation_and_the_bar_chart(window):
    # As shown: in yes/no mode the table sits above the chart, where it is in view.
    panel = window.neuron_panel
    panel.preset_actions["perceptron"].trigger()
    window.scheduler.flush()
    chain = tab_chain(window)
    assert follows(chain, panel.truth_table, panel.bars, panel.truth_group)
    assert panel.isAncestorOf(chain[chain.index(panel.truth_table) - 1])  # the neuron's own


def test_placing_widgets_leaves_the_windows_python_objects_valid(window, qtbot):
    # Walking Qt's focus chain from Python made each widget a PySide child of the one
    # before it; deleting a parameter slider later then invalidated the menus' and the
    # undo action's Python objects. The soak test found it; this is its short form.
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    model = window.model
    model.set_curve_activation("hardshrink")  # a parameter slider (lambd) appears
    window.scheduler.flush()
    window.curve_pane.tabs.setCurrentIndex(1)  # Compare: built and placed in Tab order
    window.network_panel.tabs.setCurrentIndex(3)  # Architecture: the same
    model.set_curve_activation("identity")  # the slider goes
    window.scheduler.flush()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for held in (
        window.file_menu,
        window.edit_menu,
        window.view_menu,
        window.help_menu,
        window.undo_action,
        window.redo_action,
    ):
        assert shiboken6.isValid(held)
