"""ElidedComboBox: a narrow combo shows its text with an ellipsis, never cut mid-letter."""

from PySide6 import QtGui

from actplay.ui.widgets.elided_combo import ELLIPSIS, SHORT_TEXT_ROLE, ElidedComboBox


def _combo(qtbot, width: int) -> ElidedComboBox:
    combo = ElidedComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["sigmoid", "tanh"])
    combo.setMinimumContentsLength(1)
    combo.setFixedWidth(width)
    combo.show()
    qtbot.waitExposed(combo)
    return combo


def test_a_narrow_combo_elides_its_text_to_its_field(qtbot):
    combo = _combo(qtbot, 44)
    shown = combo.shown_text()
    assert shown.endswith(ELLIPSIS) and shown != combo.currentText()
    assert combo.fontMetrics().horizontalAdvance(shown) <= combo.text_field_width()
    assert "sigmoid".startswith(shown.removesuffix(ELLIPSIS))
    # Too narrow for letters beside the arrow: the arrow goes, a few letters show.
    assert not combo.shows_arrow()
    assert len(shown.removesuffix(ELLIPSIS)) >= 2
    combo.grab()  # paints the arrowless path without error


def test_a_wide_combo_shows_the_whole_text_and_follows_the_choice(qtbot):
    combo = _combo(qtbot, 200)
    assert combo.shown_text() == "sigmoid" and combo.shows_arrow()
    combo.setCurrentIndex(1)
    assert combo.shown_text() == "tanh"
    combo.grab()  # paints through the elided path without error


def test_a_short_form_shows_whole_before_anything_is_elided(qtbot):
    combo = _combo(qtbot, 29)
    combo.setItemData(0, "sigm", SHORT_TEXT_ROLE)
    shown = combo.shown_text()
    assert shown == "sigm"
    font = combo.shown_font()
    assert font.pointSizeF() < combo.font().pointSizeF()  # the small label font
    assert QtGui.QFontMetrics(font).horizontalAdvance(shown) <= combo.text_field_width()
    combo.grab()  # paints the short form in its font without error
    combo.setFixedWidth(200)
    assert combo.shown_text() == "sigmoid" and combo.shown_font() == combo.font()
    combo.setFixedWidth(29)
    combo.setCurrentIndex(1)  # an item without a short form elides as before
    assert combo.short_text() is None
