"""The default network's kept first draw: current (a fresh PCG64 draw, bit for bit, and
the file the script writes), used by a plain start, which then never imports
``numpy.random``."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np

from actplay.core.initialisation import init_parameters
from actplay.model import default_network
from actplay.model.playground import Playground

REPO = Path(__file__).resolve().parents[2]


def _script():
    path = REPO / "scripts" / "make_default_network.py"
    spec = importlib.util.spec_from_file_location("make_default_network", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_kept_draw_is_the_default_network_drawn_now_bit_for_bit():
    playground = Playground()
    key = (playground.layer_sizes, playground.init_scheme, playground.seed)
    assert default_network.KEY == key, "run scripts/make_default_network.py"
    drawn, drawn_biases = init_parameters(*key)
    assert len(default_network.WEIGHTS) == len(drawn) == 3
    for kept, fresh in zip(default_network.WEIGHTS, drawn, strict=True):
        kept = np.array(kept, dtype=np.float64)
        assert kept.shape == fresh.shape
        assert kept.tobytes() == fresh.tobytes()  # bit for bit
    # The model starts from exactly these, with zero biases.
    for held, fresh in zip(
        playground.weights + playground.biases, drawn + drawn_biases, strict=True
    ):
        assert held.dtype == fresh.dtype and held.tobytes() == fresh.tobytes()


def test_the_file_is_what_the_script_writes_now():
    script = _script()
    assert script.TARGET.read_text(encoding="utf-8") == script.render(script.default_key()), (
        "actplay/model/default_network.py is stale: run scripts/make_default_network.py"
    )


def test_a_playground_gets_fresh_arrays_each_time():
    first = Playground()
    first.set_weight(1, 0, 0, 99.0)
    assert Playground().weights[0][0, 0] == default_network.WEIGHTS[0][0][0]


def test_a_default_model_starts_without_numpy_random():
    code = (
        "import sys; from actplay.model.playground import Playground; p = Playground(); "
        "p.network_trace(); print('numpy.random' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
