"""Property tests (hypothesis): shapes, monotonicity, ranges and slopes of every activation."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from actplay.core import activations as acts

NAMES = st.sampled_from(acts.names())
FINITE = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False, allow_infinity=False)
MODERATE = st.floats(min_value=-50.0, max_value=50.0, allow_nan=False)
FAST = settings(max_examples=150, deadline=None)


@FAST
@given(
    name=NAMES, x=hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=5), elements=FINITE)
)
def test_shape_preserved_and_values_finite(name, x):
    activation = acts.get(name)
    for method in (activation, activation.derivative, activation.second_derivative):
        result = method(x)
        assert result.shape == x.shape
        assert np.isfinite(result).all()


@FAST
@given(
    name=st.sampled_from([n for n in acts.names() if acts.get(n).monotonic]),
    x=st.lists(FINITE, min_size=2, max_size=30),
)
def test_monotonic_functions_never_decrease(name, x):
    activation = acts.get(name)
    ordered = np.sort(np.array(x))
    values = activation(ordered)
    # Up to rounding: softsign's x / (1 + |x|) near |x| = 9.1e15 gives -1 + 2**-52 for one x
    # and -1.0 for a larger one (torch computes the same quotient). A real decrease is far
    # bigger than a few units in the last place.
    rounding = 4 * np.finfo(np.float64).eps * np.maximum(np.abs(values[:-1]), np.abs(values[1:]))
    assert np.all(np.diff(values) >= -rounding)
    assert np.all(activation.derivative(ordered) >= 0)


def test_monotonic_check_allows_rounding_only():
    softsign = acts.get("softsign")
    x = np.array([-9099999353344250.0, -9099997257279760.0])  # found by hypothesis
    values = softsign(x)
    assert values[1] - values[0] < 0  # one unit in the last place down
    assert values[1] - values[0] >= -4 * np.finfo(np.float64).eps


@FAST
@given(name=NAMES, x=st.lists(FINITE, min_size=1, max_size=30))
def test_values_stay_in_output_range(name, x):
    activation = acts.get(name)
    lo, hi = activation.output_range
    values = activation(np.array(x))
    assert np.all((values >= lo) & (values <= hi))


@FAST
@given(name=st.sampled_from([n for n in acts.names() if acts.get(n).bounded]), x=FINITE)
def test_bounded_functions_have_finite_range(name, x):
    activation = acts.get(name)
    lo, hi = activation.output_range
    assert np.isfinite([lo, hi]).all()
    assert lo <= activation(x) <= hi


@FAST
@given(name=st.sampled_from([n for n in acts.names() if acts.get(n).smooth]), x=MODERATE)
def test_smooth_derivatives_match_central_differences(name, x):
    # A finite-difference cross-check of the analytic forms (not the reference: torch is).
    activation = acts.get(name)
    step = 1e-5
    if name == "softplus" and abs(x - 20.0) < 2 * step:
        return  # the threshold switch
    numeric = (activation(x + step) - activation(x - step)) / (2 * step)
    assert abs(numeric - activation.derivative(x)) <= 1e-6 * max(1.0, abs(numeric))
    numeric2 = (activation.derivative(x + step) - activation.derivative(x - step)) / (2 * step)
    assert abs(numeric2 - activation.second_derivative(x)) <= 1e-5 * max(1.0, abs(numeric2))


@FAST
@given(name=NAMES, data=st.data())
def test_params_anywhere_in_limits_give_finite_results(name, data):
    activation = acts.get(name)
    params = {
        spec.name: data.draw(st.floats(spec.lo, spec.hi), label=spec.name)
        for spec in activation.params
    }
    x = np.array([-1e300, -700.0, -1.0, 0.0, 1.0, 700.0, 1e300])
    for method in (activation, activation.derivative, activation.second_derivative):
        assert np.isfinite(method(x, **params)).all()
