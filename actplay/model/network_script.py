"""A network as a runnable Python script: PyTorch (``build_model()``) or NumPy (``forward(x)``).

The PyTorch script defines ``build_model()``, which returns an ``nn.Sequential`` in
float64 holding the network's exact weights (every float written with ``repr``, so
it reads back bit for bit): a ``Linear`` and an activation module per layer, the
activation PyTorch's own module with the same parameters where PyTorch has one,
else a small module of ours whose ``forward`` is the same formula in torch
operations (Gaussian, sine, arctan, bent identity, swish with beta != 1, a CELU
whose 1/alpha PyTorch would round, and the user's own formulas). Softmax on the
output is ``nn.Softmax(dim=-1)``. The NumPy script defines ``forward(x)`` with the
same weights and numpy formulas, and needs nothing but numpy.

Both start with a ``# actplay-network:`` line, a JSON record of the layer sizes and
each layer's activation and parameters, from which ``network_import`` reads the
activations of a ``state_dict`` saved from the PyTorch model. Nothing here imports
torch: the scripts are text.
"""

from __future__ import annotations

import json

import numpy as np

from actplay import __version__
from actplay.core import activations as acts
from actplay.core.formula import Formula, nodes
from actplay.core.network import Network, is_softmax

HEADER_PREFIX = "# actplay-network: "
FORMATS = ("torch", "numpy")
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946

#: PyTorch modules with our name's maths and parameters: name -> (module, its arguments).
TORCH_MODULES = {
    "identity": ("nn.Identity", ()),
    "sigmoid": ("nn.Sigmoid", ()),
    "tanh": ("nn.Tanh", ()),
    "softsign": ("nn.Softsign", ()),
    "relu": ("nn.ReLU", ()),
    "relu6": ("nn.ReLU6", ()),
    "leaky_relu": ("nn.LeakyReLU", ("negative_slope",)),
    "rrelu": ("nn.RReLU", ("lower", "upper")),
    "elu": ("nn.ELU", ("alpha",)),
    "selu": ("nn.SELU", ()),
    "gelu": ("nn.GELU", ()),
    "silu": ("nn.SiLU", ()),
    "mish": ("nn.Mish", ()),
    "softplus": ("nn.Softplus", ("beta", "threshold")),
    "hardsigmoid": ("nn.Hardsigmoid", ()),
    "hardtanh": ("nn.Hardtanh", ("min_val", "max_val")),
    "hardswish": ("nn.Hardswish", ()),
    "threshold": ("nn.Threshold", ("threshold", "value")),
    "softshrink": ("nn.Softshrink", ("lambd",)),
    "hardshrink": ("nn.Hardshrink", ("lambd",)),
    "tanhshrink": ("nn.Tanhshrink", ()),
    "logsigmoid": ("nn.LogSigmoid", ()),
}

#: Our own modules for what PyTorch lacks: class name -> (parameters, torch expression).
TORCH_FORMULAS = {
    "binary_step": ("BinaryStep", (), "(x > 0).to(x.dtype)"),
    "gaussian": ("Gaussian", (), "torch.exp(-x * x)"),
    "sine": ("Sine", (), "torch.sin(x)"),
    "arctan": ("Arctan", (), "torch.atan(x)"),
    "bent_identity": ("BentIdentity", (), "(torch.hypot(x, torch.ones_like(x)) - 1.0) / 2.0 + x"),
    "swish": ("Swish", ("beta",), "x * torch.sigmoid(self.beta * x)"),
    "celu": (
        "CELU",
        ("alpha",),
        "torch.clamp(x, min=0.0) + torch.clamp(self.alpha * torch.expm1(x / self.alpha), max=0.0)",
    ),
}

#: NumPy expressions of every library function, in ``z`` and its parameters ``p``.
NUMPY_FORMULAS = {
    "identity": "z",
    "binary_step": "np.where(z > 0, 1.0, 0.0)",
    "sigmoid": "_sigmoid(z)",
    "tanh": "np.tanh(z)",
    "softsign": "z / (1.0 + np.abs(z))",
    "relu": "np.maximum(z, 0.0)",
    "relu6": "np.minimum(np.maximum(z, 0.0), 6.0)",
    "leaky_relu": "np.where(z >= 0, z, p['negative_slope'] * z)",
    "prelu": "np.where(z >= 0, z, p['weight'] * z)",
    "rrelu": "np.where(z >= 0, z, (p['lower'] + p['upper']) / 2.0 * z)",
    "elu": "np.where(z > 0, z, p['alpha'] * np.expm1(z))",
    "celu": "np.maximum(z, 0.0) + np.minimum(p['alpha'] * np.expm1(z / p['alpha']), 0.0)",
    "selu": f"{SELU_SCALE!r} * np.where(z > 0, z, {SELU_ALPHA!r} * np.expm1(z))",
    "gelu": "0.5 * z * (1.0 + _erf(z / math.sqrt(2.0)))",
    "gelu_tanh": (
        "0.5 * z * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (z + 0.044715 * z * z * z)))"
    ),
    "silu": "z * _sigmoid(z)",
    "swish": "z * _sigmoid(p['beta'] * z)",
    "mish": "z * np.tanh(np.logaddexp(0.0, z))",
    "softplus": (
        "np.where(p['beta'] * z > p['threshold'], z, np.logaddexp(0.0, p['beta'] * z) / p['beta'])"
    ),
    "hardsigmoid": "np.clip(z / 6.0 + 0.5, 0.0, 1.0)",
    "hardtanh": "np.clip(z, p['min_val'], p['max_val'])",
    "hardswish": "z * np.clip(z + 3.0, 0.0, 6.0) / 6.0",
    "threshold": "np.where(z > p['threshold'], z, p['value'])",
    "softshrink": (
        "np.where(z > p['lambd'], z - p['lambd'], np.where(z < -p['lambd'], z + p['lambd'], 0.0))"
    ),
    "hardshrink": "np.where(np.abs(z) > p['lambd'], z, 0.0)",
    "tanhshrink": "z - np.tanh(z)",
    "logsigmoid": "-np.logaddexp(0.0, -z)",
    "gaussian": "np.exp(-z * z)",
    "sine": "np.sin(z)",
    "arctan": "np.arctan(z)",
    "bent_identity": "(np.hypot(z, 1.0) - 1.0) / 2.0 + z",
    "softmax": "_softmax(z)",
}

#: Formula functions in torch and in numpy (``{0}`` is the argument).
FORMULA_FUNCTIONS = {
    "exp": ("torch.exp({0})", "np.exp({0})"),
    "log": ("torch.log({0})", "np.log({0})"),
    "log1p": ("torch.log1p({0})", "np.log1p({0})"),
    "sqrt": ("torch.sqrt({0})", "np.sqrt({0})"),
    "abs": ("torch.abs({0})", "np.abs({0})"),
    "sin": ("torch.sin({0})", "np.sin({0})"),
    "cos": ("torch.cos({0})", "np.cos({0})"),
    "tan": ("torch.tan({0})", "np.tan({0})"),
    "tanh": ("torch.tanh({0})", "np.tanh({0})"),
    "sinh": ("torch.sinh({0})", "np.sinh({0})"),
    "cosh": ("torch.cosh({0})", "np.cosh({0})"),
    "arctan": ("torch.atan({0})", "np.arctan({0})"),
    "erf": ("torch.erf({0})", "_erf({0})"),
    "sigmoid": ("torch.sigmoid({0})", "_sigmoid({0})"),
    "softplus": ("torch.logaddexp({0}, torch.zeros_like({0}))", "np.logaddexp(0.0, {0})"),
    "relu": ("torch.relu({0})", "np.maximum({0}, 0.0)"),
}
VARIADIC_FUNCTIONS = {
    "min": ("torch.minimum", "np.minimum"),
    "max": ("torch.maximum", "np.maximum"),
}


def header_record(network: Network) -> dict:
    """What the ``# actplay-network:`` line holds: sizes and each layer's activation."""
    layers = []
    for function, params in network.activations:
        entry = {"activation": function.name, "params": {k: float(v) for k, v in params.items()}}
        formula = custom_formula(function)
        if formula is not None:
            entry["formula"] = formula.text
            entry["param_specs"] = [
                [spec.name, spec.default, spec.lo, spec.hi] for spec in function.params
            ]
        layers.append(entry)
    return {"format": 1, "layer_sizes": list(network.layer_sizes), "layers": layers}


def custom_formula(function: acts.Activation) -> Formula | None:
    """The parsed formula of a user-defined activation, None for the library's own."""
    if function.name in acts.names() or is_softmax(function):
        return None
    text = function.formula.partition("=")[2].strip()
    return Formula(text, tuple(spec.name for spec in function.params))


def _float(value: float) -> str:
    return repr(float(value))


def _nested(array: np.ndarray) -> str:
    """A float64 array as nested lists of ``repr`` floats (read back bit for bit)."""
    return json.dumps(np.asarray(array, dtype=np.float64).tolist())


def _expression(node: nodes.Node, torch: bool, constant) -> str:
    """A formula tree as a torch (or numpy) expression in ``x``."""

    def walk(item) -> str:
        if isinstance(item, nodes.Number):
            return constant(_float(item.value))
        if isinstance(item, nodes.Variable):
            return "x"
        if isinstance(item, nodes.Parameter):
            return constant(f"self.{item.name}" if torch else f"p[{item.name!r}]")
        if isinstance(item, nodes.Negate):
            return f"(-{walk(item.operand)})"
        if isinstance(item, nodes.Binary):
            if item.operator == "**":
                power = "torch.pow" if torch else "np.power"
                return f"{power}({walk(item.left)}, {walk(item.right)})"
            return f"({walk(item.left)} {item.operator} {walk(item.right)})"
        if isinstance(item, nodes.Call):
            arguments = [walk(argument) for argument in item.arguments]
            if item.function in VARIADIC_FUNCTIONS:
                combine = VARIADIC_FUNCTIONS[item.function][0 if torch else 1]
                result = arguments[0]
                for argument in arguments[1:]:
                    result = f"{combine}({result}, {argument})"
                return result
            template = FORMULA_FUNCTIONS[item.function][0 if torch else 1]
            return template.format(arguments[0])
        if isinstance(item, nodes.Where):
            condition = walk(item.condition)
            where = "torch.where" if torch else "np.where"
            return f"{where}({condition}, {walk(item.if_true)}, {walk(item.if_false)})"
        if isinstance(item, nodes.Comparison):
            values = [walk(operand) for operand in item.operands]
            parts = [
                f"({left} {operator} {right})"
                for operator, left, right in zip(item.operators, values, values[1:], strict=False)
            ]
            return " & ".join(parts) if len(parts) == 1 else "(" + " & ".join(parts) + ")"
        raise ValueError(f"a formula node of type {type(item).__name__} has no script form")

    return walk(node)


def _class_name(name: str) -> str:
    return "Formula" + "".join(part.capitalize() for part in name.split("_"))


def _celu_is_exact_in_torch(alpha: float) -> bool:
    """PyTorch's CELU rounds 1/alpha to float32: exact only when 1/alpha is a float32."""
    return float(np.float32(1.0 / alpha)) == 1.0 / alpha


def _torch_layer(function: acts.Activation, params: dict, classes: dict) -> str:
    """The module expression of one layer's activation; adds our own classes to ``classes``."""
    name = function.name
    if is_softmax(function):
        return "nn.Softmax(dim=-1)"
    if name == "gelu_tanh":
        return 'nn.GELU(approximate="tanh")'
    if name == "prelu":
        return f"nn.PReLU(num_parameters=1, init={_float(params['weight'])}, dtype=torch.float64)"
    if name == "swish" and params["beta"] == 1.0:
        return "nn.SiLU()"
    if name == "celu" and _celu_is_exact_in_torch(params["alpha"]):
        return f"nn.CELU(alpha={_float(params['alpha'])})"
    if name in TORCH_MODULES:
        module, names = TORCH_MODULES[name]
        arguments = ", ".join(f"{key}={_float(params[key])}" for key in names)
        return f"{module}({arguments})"
    formula = custom_formula(function)
    if name in TORCH_FORMULAS:
        class_name, names, body = TORCH_FORMULAS[name]
        doc = f"actplay's {name}: {function.formula}"
    elif formula is not None:
        class_name, names = _class_name(name), tuple(spec.name for spec in function.params)
        body = _expression(formula.tree, True, lambda text: f"x.new_tensor({text})")
        if not formula.tree.uses_x:
            body = f"({body}).expand_as(x).clone()"
        doc = f"the user's formula {name}: f(x) = {formula.text.strip()}"
    else:
        raise ValueError(f"activation {name!r} has no PyTorch form")
    classes[class_name] = _torch_class(class_name, names, body, doc)
    arguments = ", ".join(f"{key}={_float(params[key])}" for key in names)
    return f"{class_name}({arguments})"


def _torch_class(class_name: str, names: tuple, body: str, doc: str) -> str:
    lines = [f"class {class_name}(nn.Module):", f'    """{doc}"""', ""]
    if names:
        signature = ", ".join(f"{key}: float" for key in names)
        lines += [f"    def __init__(self, {signature}) -> None:", "        super().__init__()"]
        lines += [f"        self.{key} = float({key})" for key in names]
        lines += [""]
    lines += ["    def forward(self, x: torch.Tensor) -> torch.Tensor:", f"        return {body}"]
    return "\n".join(lines)


def _preamble(network: Network, kind: str) -> list[str]:
    sizes = "-".join(str(size) for size in network.layer_sizes)
    names = ", ".join(function.name for function, _ in network.activations)
    return [
        HEADER_PREFIX + json.dumps(header_record(network)),
        f'"""A {sizes} network ({names}) exported from actplay {__version__} as {kind}.',
        "",
        "Weights and biases are written in full precision; the results equal actplay's",
        "own forward pass (float64).",
        '"""',
        "",
    ]


def torch_script(network: Network) -> str:
    """The PyTorch script of ``network``: ``build_model()`` -> float64 ``nn.Sequential``."""
    classes: dict[str, str] = {}
    modules = [_torch_layer(function, params, classes) for function, params in network.activations]
    lines = _preamble(network, "a PyTorch module")
    lines += ["import torch", "from torch import nn", "", ""]
    for text in classes.values():
        lines += [text, "", ""]
    lines += [f"LAYER_SIZES = {tuple(network.layer_sizes)!r}"]
    lines += [f"WEIGHTS = [{', '.join(_nested(w) for w in network.weights)}]"]
    lines += [f"BIASES = [{', '.join(_nested(b) for b in network.biases)}]", "", ""]
    lines += [
        "def build_model() -> nn.Sequential:",
        '    """The network as nn.Sequential(Linear, activation, ...), float64, eval mode."""',
        "    model = nn.Sequential(",
    ]
    for index, module in enumerate(modules):
        n_in, n_out = network.layer_sizes[index], network.layer_sizes[index + 1]
        lines += [f"        nn.Linear({n_in}, {n_out}, dtype=torch.float64),", f"        {module},"]
    lines += [
        "    )",
        "    with torch.no_grad():",
        "        for linear, weight, bias in zip(model[0::2], WEIGHTS, BIASES):",
        "            linear.weight.copy_(torch.tensor(weight, dtype=torch.float64))",
        "            linear.bias.copy_(torch.tensor(bias, dtype=torch.float64))",
        "    # Evaluation mode: RReLU then uses its mean slope, as actplay does.",
        "    return model.eval()",
        "",
        "",
        'if __name__ == "__main__":',
        "    print(build_model())",
        "",
    ]
    return "\n".join(lines)


NUMPY_HELPERS = """def _sigmoid(z):
    positive = z >= 0
    decay = np.exp(-np.abs(z))
    return np.where(positive, 1.0 / (1.0 + decay), decay / (1.0 + decay))


_erf = np.vectorize(math.erf, otypes=[np.float64])


def _softmax(z):
    shifted = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return shifted / np.sum(shifted, axis=-1, keepdims=True)"""


def numpy_script(network: Network) -> str:
    """The NumPy script of ``network``: ``forward(x)`` for x of shape (in,) or (n, in)."""
    lines = _preamble(network, "a NumPy function")
    lines += ["import math", "", "import numpy as np", "", "", NUMPY_HELPERS, "", ""]
    activations = []
    for index, (function, params) in enumerate(network.activations):
        formula = custom_formula(function)
        if formula is not None:
            body = _expression(formula.tree, False, lambda text: f"np.float64({text})")
            name = f"_layer_{index + 1}"
            lines += [
                f"def {name}(x, p):",
                f'    """The user\'s formula {function.name}: f(x) = {formula.text.strip()}"""',
                f"    return np.broadcast_to({body}, np.shape(x)).astype(np.float64)",
                "",
                "",
            ]
            activations.append(f"{name}(z, {json.dumps(params)})")
        else:
            expression = NUMPY_FORMULAS[function.name]
            activations.append(f"(lambda z, p: {expression})(z, {json.dumps(params)})")
    lines += [f"LAYER_SIZES = {tuple(network.layer_sizes)!r}"]
    lines += [f"WEIGHTS = [{', '.join(f'np.array({_nested(w)})' for w in network.weights)}]"]
    lines += [f"BIASES = [{', '.join(f'np.array({_nested(b)})' for b in network.biases)}]", ""]
    lines += [
        "",
        "def forward(x):",
        '    """The network\'s output for x of shape (in,) or (n, in), float64."""',
        "    a = np.asarray(x, dtype=np.float64)",
        "    with np.errstate(all='ignore'):  # IEEE results (inf, nan), as actplay gives",
    ]
    for index, activation in enumerate(activations):
        lines += [
            f"        z = a @ WEIGHTS[{index}].T + BIASES[{index}]",
            f"        a = {activation}",
        ]
    lines += ["    return a", ""]
    return "\n".join(lines)


def script_text(source, export_format: str) -> str:
    """The ``export_format`` script (``"torch"`` or ``"numpy"``) of a Playground or Network."""
    network = source if isinstance(source, Network) else source.network()
    if export_format == "torch":
        return torch_script(network)
    if export_format == "numpy":
        return numpy_script(network)
    raise ValueError(f"unknown script format {export_format!r}; use one of {', '.join(FORMATS)}")


__all__ = [
    "FORMATS",
    "HEADER_PREFIX",
    "header_record",
    "numpy_script",
    "script_text",
    "torch_script",
]
