"""What a lesson asks of the window beyond the model: the layout it needs, the dock's place
in either layout, values kept from one step for a later one, and progress saved under a
lesson's old file name."""

import html

from PySide6 import QtCore

from actplay import resources
from actplay.model import lesson_actions
from actplay.ui.lessons.dock import open_lessons
from actplay.ui.lessons.progress import RENAMED, LessonProgress
from actplay.ui.shell import layouts
from actplay.ui.widgets.numbers import format_number


def start(window, hands, key, step=0):
    panel = open_lessons(window)
    hands.choose("lesson_choice", key)
    hands.click("lesson_start")
    for _ in range(step):
        hands.click("lesson_skip")
    window.scheduler.flush()
    return panel


def test_the_lessons_name_the_windows_own_layouts_and_shortcuts():
    assert lesson_actions.LAYOUTS == layouts.LAYOUTS
    assert layouts.TITLES == {"curve": "Curves", "network": "Network"}
    assert layouts.SHORTCUTS == {"curve": "Ctrl+1", "network": "Ctrl+2"}
    network = next(p for p in resources.lesson_files() if p.name.startswith("04-"))
    text = " ".join(network.read_text(encoding="utf-8").split())
    assert "two layouts; the switch is at the right end of the menu bar" in text
    assert "Network (Ctrl+2), the one you see" in text
    assert "Curves (Ctrl+1): the curve in the middle" in text


def test_where_things_are_as_the_networks_lesson_tells_it(window, hands):
    """Lesson 4 step 2: the two layouts, the left column's tabs, the Network panel's four
    tabs, a left tab in the network layout that View brings forward."""
    panel = start(window, hands, "04-network", step=1)
    text = " ".join(panel.page.text.text().split())
    tabs = window.network_panel.tabs
    names = [tabs.tabText(i) for i in range(tabs.count())]
    assert names == ["Inputs", "Layers", "Diagnostics", "Architecture"]
    assert "above four tabs: Inputs, Layers, Diagnostics and Architecture" in text
    assert window.layouts.current == "network"
    left = window.neuron_dock.widget()
    assert [left.tabText(i) for i in range(left.count())] == ["Neuron", "Curves", "Network"]
    assert "three tabs: Neuron (the neuron of the first lessons), Curves and Network" in text
    assert window.network_panel.canvas_view.isVisible()  # the picture, in the middle
    assert not window.network_dock.isVisible()
    assert left.widget(2) is window.network_panel  # "those four tabs are the Network tab"
    assert "those four tabs are the Network tab on the left" in text
    toggle = next(a for a in window.view_menu.actions() if a.text() == "Network")
    assert "View → Network brings it forward" in text
    left.setCurrentIndex(1)
    toggle.trigger()
    assert left.currentWidget() is window.network_panel and tabs.isVisible()
    assert not window.network_dock.isVisible()
    hands.click("layout_curve_action")  # the curve layout: the panel on the right, with it
    assert window.curve_pane.isVisible() and window.network_dock.isVisible()
    area = window.dockWidgetArea(window.network_dock)
    assert area == QtCore.Qt.DockWidgetArea.RightDockWidgetArea
    assert window.network_panel.canvas_view.isVisible()  # "the same network picture"


def test_a_step_switches_the_layout_and_the_lesson_stays_in_view(window, hands):
    panel = start(window, hands, "04-network")
    assert window.layouts.current == "network"
    assert window.lessons_dock.isVisible() and panel.isVisible()
    assert window.lessons_dock not in window.tabifiedDockWidgets(window.neuron_dock)
    assert panel.highlight.target.objectName() == "network_canvas_1_plus"
    assert panel.highlight.target.isVisible()
    start(window, hands, "01-neuron")
    assert window.layouts.current == "curve"
    assert window.lessons_dock.isVisible() and window.neuron_dock.isVisible()


def test_opened_in_the_network_layout_the_lessons_get_a_column_of_their_own(window, hands):
    hands.click("layout_network_action")
    assert window.layouts.current == "network"
    panel = open_lessons(window)
    assert window.lessons_dock not in window.tabifiedDockWidgets(window.neuron_dock)
    assert window.lessons_dock.isVisible() and panel.isVisible()


def test_a_later_step_shows_what_an_earlier_one_kept(window, hands):
    panel = start(window, hands, "08-vanishing", step=2)  # train the deep sigmoid network
    assert panel.lesson.steps[panel.step_index].remember
    for _ in range(5):
        hands.click("training_step")
    window.scheduler.flush()
    assert panel.next.isEnabled()
    loss = window.model.loss_history()["train"][-1]
    hands.click("lesson_next")
    window.scheduler.flush()
    assert f"had a loss of {format_number(loss)}" in panel.page.text.text()
    assert panel.memory["08-vanishing"]["sigmoid_epochs"] == 5


def test_progress_saved_under_an_old_lesson_name_moves_to_the_new_one(tmp_path):
    path = str(tmp_path / "progress.ini")
    old = QtCore.QSettings(path, QtCore.QSettings.Format.IniFormat)
    old.setValue("lessons/03-squashing/finished", True)
    old.setValue("lessons/05-vanishing/step", 2)
    old.setValue("lessons/07-output/step", 1)
    old.setValue("lessons/09-output/step", 2)  # already saved under the new name: it wins
    old.setValue("lessons/01-neuron/step", 3)  # kept its name
    old.sync()
    progress = LessonProgress(QtCore.QSettings(path, QtCore.QSettings.Format.IniFormat))
    assert progress.finished("06-squashing") and progress.step("08-vanishing") == 2
    assert progress.step("09-output") == 2 and progress.step("01-neuron") == 3
    assert not progress.finished("03-squashing") and progress.step("05-vanishing") == 0
    keys = QtCore.QSettings(path, QtCore.QSettings.Format.IniFormat).allKeys()
    assert not any(key.split("/")[1] in RENAMED for key in keys)
    shipped = {path.name.removesuffix(".lesson.toml") for path in resources.lesson_files()}
    assert set(RENAMED.values()) <= shipped and not set(RENAMED) & shipped


def test_a_step_keeps_a_value_when_it_opens_and_its_done_text_divides_by_it(window, hands):
    panel = start(window, hands, "08-vanishing", step=1)  # the deep sigmoid network
    sigmoid = window.model.network_diagnostics()[-1].gradient_product
    assert panel.memory["08-vanishing"]["sigmoid_product"] == sigmoid
    hands.click("preset_deep_relu_action")
    window.scheduler.flush()
    relu = window.model.network_diagnostics()[-1].gradient_product
    assert panel.next.isEnabled()
    live = " ".join(html.unescape(panel.page.done.text()).split())
    assert f"about {relu / sigmoid:.0f} times the sigmoid network's {sigmoid:.7f}" in live


def test_the_first_curve_is_labelled_as_the_neurons_lesson_says(window, hands):
    """Lesson 1 step 2 names the axes x and f(x): f' and f'' are hidden, so they are."""
    panel = start(window, hands, "01-neuron", step=1)
    text = " ".join(panel.page.text.text().split())
    assert "(labelled x)" in text and "(labelled f(x))" in text
    axes = window.curve_pane.plot.getPlotItem()
    assert axes.getAxis("bottom").labelText == "x"
    assert axes.getAxis("left").labelText == "f(x)"


def test_how_much_faster_the_neuron_learns_is_the_ratio_of_its_rises(window, hands):
    """Lesson 3 step 3: "about N times as much as before", N to one decimal, as computed."""
    panel = start(window, hands, "03-learning", step=2)
    model = window.model
    before = model.neuron_result().slope * 0.1 * model.neuron_inputs[0]
    hands.drag("neuron_bias", -1.5)
    window.scheduler.flush()
    after = model.neuron_result().slope * 0.1 * model.neuron_inputs[0]
    live = " ".join(html.unescape(panel.page.done.text()).split())
    assert panel.next.isEnabled()
    assert f"about {after / before:.1f} times as much as before" in live
