"""The canvas's layer headers in a narrow dock: activation names elided, not cut."""

from actplay.ui.widgets.elided_combo import ELLIPSIS, ElidedComboBox


def test_seven_layer_headers_show_whole_or_elided_names(window):
    window.resize(1280, 800)
    window.apply_preset("deep_sigmoid")
    window.scheduler.flush()
    window.layout().activate()
    combos = [
        combo
        for combo in window.network_panel.findChildren(ElidedComboBox)
        if combo.objectName().startswith("network_canvas_")
    ]
    assert len(combos) == 7
    for combo in combos:
        assert combo.currentText() == "sigmoid"
        shown = combo.shown_text()
        assert shown == "sigmoid" or shown.endswith(ELLIPSIS)
        assert len(shown.removesuffix(ELLIPSIS)) >= 3  # "sig…", not a bare "…"
        assert combo.fontMetrics().horizontalAdvance(shown) <= combo.text_field_width()
        assert combo.toolTip().endswith(": sigmoid")
