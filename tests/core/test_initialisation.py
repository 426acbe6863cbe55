"""The default network's kept first draw: equal to a fresh draw, bit for bit, and a
default start that does not import ``numpy.random``."""

from __future__ import annotations

import numpy as np

from actplay.core.initialisation import init_parameters


def test_the_kept_default_draw_equals_a_fresh_draw():
    from actplay.core import default_draw
    from actplay.core.initialisation import draw_parameters

    kept, kept_biases = init_parameters(*default_draw.KEY)
    drawn, drawn_biases = draw_parameters(*default_draw.KEY)
    assert len(kept) == len(drawn) == 3
    for a, b in zip(kept + kept_biases, drawn + drawn_biases, strict=True):
        assert a.dtype == b.dtype and a.shape == b.shape
        assert np.array_equal(a, b)  # bit for bit
    # The arrays handed out are fresh: changing one does not change the next start.
    kept[0][0, 0] = 99.0
    assert init_parameters(*default_draw.KEY)[0][0][0, 0] == drawn[0][0, 0]


def test_a_default_model_starts_without_numpy_random():
    import subprocess
    import sys

    code = (
        "import sys; from actplay.model.playground import Playground; p = Playground(); "
        "p.network_trace(); print('numpy.random' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
