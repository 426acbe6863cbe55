"""A PyTorch state_dict back into a Network: the same outputs as the torch model it came from.

The reference is PyTorch itself: a model built by our exported script (or by hand),
changed in torch, saved with ``torch.save(model.state_dict())``, then read back;
the imported Network must compute what the torch model computes, to 1e-12.
"""

from __future__ import annotations

import importlib.util
import sys

import numpy as np
import pytest
import torch
from torch import nn

from actplay.app import main
from actplay.core.network import Network
from actplay.model import network_import, network_script, session

TOLERANCE = 1e-12


def exported_model(tmp_path, network):
    script = tmp_path / "net.py"
    script.write_text(network_script.torch_script(network), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("exported_net", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return script, module.build_model()


def torch_outputs(model, x):
    with torch.no_grad():
        return model(torch.tensor(x, dtype=torch.float64)).numpy()


@pytest.fixture
def network():
    rng = np.random.default_rng(5)
    sizes = [2, 5, 4, 3]
    layers = [("prelu", {"weight": 0.25}), ("elu", {"alpha": 0.5}), ("softmax", {})]
    return Network(
        [rng.normal(size=(sizes[i + 1], sizes[i])) for i in range(3)],
        [rng.normal(size=sizes[i + 1]) for i in range(3)],
        layers,
    )


def test_a_model_trained_in_torch_comes_back_with_the_script_header(tmp_path, network):
    script, model = exported_model(tmp_path, network)
    with torch.no_grad():  # "training" in torch: every parameter moves, PReLU's too
        for parameter in model.parameters():
            parameter.add_(0.01 * torch.randn_like(parameter))
    weights = tmp_path / "net.pt"
    torch.save(model.state_dict(), weights)
    imported = network_import.load_state_dict(weights, script=script)
    x = np.random.default_rng(0).uniform(-3, 3, size=(100, 2))
    np.testing.assert_allclose(imported(x), torch_outputs(model, x), rtol=TOLERANCE, atol=TOLERANCE)
    assert imported.activations[0][1]["weight"] == model[1].weight.item()  # the learnt slope
    assert [f.name for f, _ in imported.activations] == ["prelu", "elu", "softmax"]


def test_a_hand_made_sequential_with_activations_given(tmp_path):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 6), nn.Tanh(), nn.Linear(6, 1), nn.Sigmoid()).double()
    weights = tmp_path / "mlp.pt"
    torch.save(model.state_dict(), weights)
    imported = network_import.load_state_dict(weights, ["tanh", "sigmoid"])
    x = np.random.default_rng(1).normal(size=(50, 3))
    np.testing.assert_allclose(imported(x), torch_outputs(model, x), rtol=TOLERANCE, atol=TOLERANCE)


@pytest.mark.parametrize(
    ("model", "words"),
    [
        (nn.Sequential(nn.Conv1d(1, 2, 3), nn.ReLU()), ["unsupported layer 0", "(2, 1, 3)"]),
        (nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3)), ["running_mean"]),
        (nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(4, 1)), ["layer 2", "3 units"]),
    ],
)
def test_unsupported_layers_are_refused_by_name(tmp_path, model, words):
    weights = tmp_path / "other.pt"
    torch.save(model.state_dict(), weights)
    count = sum(1 for module in model if isinstance(module, (nn.Linear, nn.Conv1d)))
    with pytest.raises(network_import.NetworkImportError) as caught:
        network_import.load_state_dict(weights, ["tanh"] * count)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_missing_or_wrong_activations_and_files_are_one_line(tmp_path, network):
    _script, model = exported_model(tmp_path, network)
    weights = tmp_path / "net.pt"
    torch.save(model.state_dict(), weights)
    with pytest.raises(ValueError, match="3 Linear layers but 2 activations"):
        network_import.load_state_dict(weights, ["tanh", "tanh"])
    with pytest.raises(ValueError, match="give the activations"):
        network_import.load_state_dict(weights)
    plain = tmp_path / "plain.py"
    plain.write_text("print('hello')\n")
    with pytest.raises(ValueError, match="no '# actplay-network:' line"):
        network_import.load_state_dict(weights, script=plain)
    garbage = tmp_path / "garbage.pt"
    garbage.write_bytes(b"\x00not a torch file")
    with pytest.raises(ValueError, match="not a PyTorch state_dict"):
        network_import.load_state_dict(garbage, ["tanh"])


def test_without_torch_the_import_says_so_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # what an install without torch sees
    weights = tmp_path / "net.pt"
    weights.write_bytes(b"anything")
    with pytest.raises(network_import.NetworkImportError, match="needs torch: pip install torch"):
        network_import.load_state_dict(weights, ["tanh"])


def test_import_torch_command_writes_a_session(tmp_path, network, capsys):
    script, model = exported_model(tmp_path, network)
    weights = tmp_path / "net.pt"
    torch.save(model.state_dict(), weights)
    out = tmp_path / "imported.actplay.json"
    code = main(["import-torch", str(weights), "--script", str(script), "--out", str(out)])
    assert (code, capsys.readouterr().err) == (0, "")
    loaded = session.load(out).network()
    x = np.random.default_rng(2).uniform(-2, 2, size=(20, 2))
    np.testing.assert_allclose(loaded(x), torch_outputs(model, x), rtol=TOLERANCE, atol=TOLERANCE)
    # Bad input: exit 2, one line, nothing written.
    code = main(
        ["import-torch", str(weights), "--activation", "tanh", "--out", str(tmp_path / "x.json")]
    )
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "1 activations" in err
    assert not (tmp_path / "x.json").exists()
    assert main(["import-torch", "--help"]) == 0
