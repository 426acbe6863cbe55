"""Time the heatmap grid and one forward pass of the default 2-8-8-1 network.

Prints medians (numbers, not pass/fail). Run: ``python benchmarks/bench_grid.py``.
The heatmaps must fit well inside one frame (16 ms at 60 Hz); the target is < 2 ms.
"""

import os

# Tiny matrices: BLAS threads cost more to start than they save. Set before numpy loads.
os.environ["OPENBLAS_NUM_THREADS"] = "1"

import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from actplay.core.diagnostics import layer_diagnostics  # noqa: E402
from actplay.core.grid import grid_activations, plane_grid  # noqa: E402
from actplay.core.network import Network  # noqa: E402

DEFAULT_SIZES = (2, 8, 8, 1)
DEFAULT_ACTIVATIONS = ("tanh", "tanh", "sigmoid")
RESOLUTION = 100
PLANE = (-6.0, 6.0)
REPEATS = 300


def median_ms(function, repeats: int = REPEATS) -> float:
    """Median wall time of ``function()`` in milliseconds, after a few warm-up calls."""
    for _ in range(5):
        function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times)


def main() -> None:
    net = Network.from_init(DEFAULT_SIZES, DEFAULT_ACTIVATIONS, "xavier", seed=0)
    single_input = np.array([1.0, -0.5])
    grid_ms = median_ms(lambda: grid_activations(net, *PLANE, RESOLUTION))
    forward_ms = median_ms(lambda: net.forward(single_input))
    grid_points = plane_grid(*PLANE, RESOLUTION)
    diagnostics_ms = median_ms(lambda: layer_diagnostics(net, grid_points), repeats=100)
    build_ms = median_ms(
        lambda: Network.from_init(DEFAULT_SIZES, DEFAULT_ACTIVATIONS, "xavier", seed=0)
    )
    print(f"network {DEFAULT_SIZES} {DEFAULT_ACTIVATIONS}, OPENBLAS_NUM_THREADS=1")
    print(f"grid_activations {RESOLUTION}x{RESOLUTION}: median {grid_ms:.3f} ms")
    print(f"forward, one input:          median {forward_ms * 1000:.1f} us")
    print(f"layer_diagnostics on grid:   median {diagnostics_ms:.3f} ms")
    print(f"build network (init):        median {build_ms * 1000:.1f} us")


if __name__ == "__main__":
    main()
