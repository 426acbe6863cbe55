"""``markup.escape`` gives what the standard library's ``html.escape`` gives."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actplay.ui.widgets.markup import escape


@given(text=st.text(alphabet=st.sampled_from("ab &<>\"'\u00b7\u2212;#x"), max_size=40))
def test_escape_matches_the_standard_library(text):
    assert escape(text) == html.escape(text)
    assert escape(text, quote=False) == html.escape(text, quote=False)


@pytest.mark.parametrize("module", ["actplay.ui.widgets.help_box", "actplay.ui.neuron.equation"])
def test_start_up_modules_do_not_load_html_entities(module):
    # A fresh process: the table is ~3 ms to import and escaping never needs it.
    import subprocess
    import sys

    code = f"import sys, {module}; print('html.entities' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.stdout.strip() == "False"
