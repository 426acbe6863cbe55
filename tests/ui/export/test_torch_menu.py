"""File -> Export as a PyTorch/NumPy script, and File -> Import PyTorch Weights, in the window.

The exported script is imported and run by PyTorch and compared with the model's
network; the imported weights are compared with the torch model they came from;
undo takes an import back.
"""

from __future__ import annotations

import importlib.util

import numpy as np
import torch
from PySide6 import QtWidgets

from actplay.ui.export import dialog as export_dialog
from actplay.ui.export import torch_import


def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_dialog_exports_the_network_as_torch_and_numpy_scripts(window, tmp_path):
    dialog = export_dialog.ExportDialog(window)
    x = np.random.default_rng(0).uniform(-3, 3, size=(40, window.model.layer_sizes[0]))
    expected = window.model.network()(x)
    dialog.set_format("torch")
    assert dialog.export_to(str(tmp_path / "net.py"))
    model = _load(tmp_path / "net.py", "dialog_torch").build_model()
    with torch.no_grad():
        got = model(torch.tensor(x)).numpy()
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)
    dialog.set_format("numpy")
    assert dialog.export_to(str(tmp_path / "forward.py"))
    forward = _load(tmp_path / "forward.py", "dialog_numpy").forward
    np.testing.assert_allclose(forward(x), expected, rtol=1e-12, atol=1e-12)
    dialog.deleteLater()


def test_import_weights_is_one_undo_step(window, tmp_path):
    sizes = window.model.layer_sizes
    layers = [
        torch.nn.Linear(a, b, dtype=torch.float64) for a, b in zip(sizes, sizes[1:], strict=False)
    ]
    state = {}
    for index, linear in enumerate(layers):
        state[f"{2 * index}.weight"] = linear.weight.detach()
        state[f"{2 * index}.bias"] = linear.bias.detach()
    path = tmp_path / "weights.pt"
    torch.save(state, path)
    before = window.model.state_dict()
    names = [name for name, _params in window.model.layer_activations]
    assert torch_import.import_weights(window, path, names)
    for got, linear in zip(window.model.weights, layers, strict=True):
        assert np.array_equal(got, linear.weight.detach().numpy())
    window.undo_stack.undo()
    assert window.model.state_dict() == before


def test_a_bad_file_is_reported_and_changes_nothing(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", lambda *args: shown.append(args[2]))
    path = tmp_path / "bad.pt"
    path.write_bytes(b"not torch")
    before = window.model.state_dict()
    assert not torch_import.import_weights(window, path, ["tanh"])
    assert window.model.state_dict() == before
    assert shown and "not a PyTorch state_dict" in shown[0]


def test_the_file_menu_offers_the_import(window):
    assert window.export_actions["import_torch"].text().startswith("Import PyTorch")
