"""Every benchmark script runs to the end with tiny counts and prints its figures.

The figures themselves are never judged here (timings vary by machine); the
test only proves the scripts still work against the current window and model,
and that each reports the figures it promises.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

# script, tiny arguments, keys its JSON must hold
RUNS = [
    ("latency.py", ["--steps", "6", "--warmup", "1"], ["bare", "app", "ratio_median"]),
    ("throughput.py", ["--duration", "0.15"], ["bare", "app"]),
    ("model_recompute.py", ["--changes", "5"], ["curve_param", "neuron_weight", "network_weight"]),
    ("memory.py", ["--changes", "30"], ["rss_mb", "growth_mb_per_10000"]),
    (
        "recipes.py",
        ["--seeds", "1", "--max-epochs", "2", "--tf-epochs", "1", "2"],
        ["proposals", "tf"],
    ),
    ("bench_race.py", ["--window", "--seconds", "0.3", "--rounds", "1"], ["races"]),
]


def run_script(script, arguments):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *arguments, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(("script", "arguments", "keys"), RUNS, ids=[run[0] for run in RUNS])
def test_benchmark_runs_and_reports(script, arguments, keys):
    done = run_script(script, arguments)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    for key in keys:
        assert figures[key] is not None, key


def test_latency_measures_every_kind_of_slider():
    done = run_script("latency.py", ["--steps", "12", "--warmup", "0", "--bare-steps", "2"])
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    latency = figures["app"]["latency_ms"]
    for kind in ("all", "curve", "neuron", "weight", "input"):
        assert latency[kind]["n"] > 0 and latency[kind]["median"] > 0, kind
    assert figures["app"]["silent_steps"] == 0


def test_latency_drags_one_kind_on_a_given_network_and_layout():
    arguments = ["--steps", "6", "--warmup", "0", "--bare-steps", "2", "--blocks", "1"]
    arguments += ["--sizes", "2,16,16,16,1", "--layout", "network", "--only", "weight"]
    done = run_script("latency.py", arguments)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(figures["app"]["latency_ms"]) == {"all", "weight"}
    assert "network 2-16-16-16-1" in figures["app_setup"]
    assert "network layout" in figures["app_setup"]


@pytest.mark.parametrize(("option", "setup"), [("--custom", "custom"), ("--training", "training")])
def test_latency_with_custom_function_or_training(option, setup):
    done = run_script("latency.py", ["--steps", "4", "--warmup", "0", "--bare-steps", "2", option])
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert any(step.startswith(setup) for step in figures["app_setup"]), figures["app_setup"]
    assert figures["app"]["latency_ms"]["all"]["n"] > 0
    assert figures["ratio_median"] is not None
    if option == "--training":
        assert figures["training_epochs"] > 0


def test_startup_times_each_window_with_both_clocks():
    done = run_script("startup.py", ["--runs", "1"])
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    for clock in ("filter", "notify"):
        for which in ("bare", "app"):
            row = figures[clock][which]
            # the first frame comes after the window was built, which comes after Qt started
            assert 0 < row["to_app_ms"] < row["to_window_built_ms"] < row["to_first_paint_ms"]
        assert figures[clock]["ratio"] > 0  # one run each: the ratio is too noisy to compare


def test_latency_matrix_reports_a_row_per_run():
    done = run_script("latency_matrix.py", ["--steps", "3", "--blocks", "1", "--first", "2"])
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads(done.stdout.strip().splitlines()[-1])["rows"]
    assert [(r["network"], r["layout"], r["kind"]) for r in rows] == [
        ("2-8-8-1", "curve", "curve"),
        ("2-8-8-1", "curve", "neuron"),
    ]
    assert all(r["median"] > 0 and r["ratio"] > 0 for r in rows)
