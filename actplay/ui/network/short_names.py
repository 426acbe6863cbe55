"""Short forms of activation names for the canvas's narrow layer headers.

A deep network in a narrow dock leaves a layer header about 25 px for its
activation: "sigmoid" does not fit, and "s…" says nothing. These forms of four
or five letters keep the name readable there; the header's tooltip and the
combo's list still give the full name.
"""

from __future__ import annotations

from actplay.core.network import SOFTMAX_NAME

SHORT_NAMES = {
    "identity": "id",
    "binary_step": "step",
    "sigmoid": "sigm",
    "tanh": "tanh",
    "softsign": "ssgn",
    "relu": "relu",
    "relu6": "relu6",
    "leaky_relu": "lrelu",
    "prelu": "prelu",
    "rrelu": "rrelu",
    "elu": "elu",
    "celu": "celu",
    "selu": "selu",
    "gelu": "gelu",
    "gelu_tanh": "gel\u2248",  # the tanh approximation of GELU
    "silu": "silu",
    "swish": "swish",
    "mish": "mish",
    "softplus": "spls",
    "hardsigmoid": "hsig",
    "hardtanh": "htan",
    "hardswish": "hswi",
    "threshold": "thr",
    "softshrink": "sshr",
    "hardshrink": "hshr",
    "tanhshrink": "tshr",
    "logsigmoid": "lsig",
    "gaussian": "gaus",
    "sine": "sine",
    "arctan": "atan",
    "bent_identity": "bent",
    SOFTMAX_NAME: "smax",
}


def short_name(name: str) -> str:
    """The short form of activation ``name`` (a custom function's own name as it is)."""
    return SHORT_NAMES.get(name, name)
