"""File -> Import PyTorch Weights...: a state_dict file becomes the window's network.

The activations come from the script exported beside the weights (``net.py`` next
to ``net.pt``, read from its ``# actplay-network:`` header) or, without one, from
the user, one name per Linear layer. The change is one undo step; a file that
cannot be imported (torch missing, other layers, wrong activations) is reported in
one line in the status bar and a message box, and the network stays as it was.
"""

from __future__ import annotations

import os

from PySide6 import QtGui, QtWidgets

from actplay.ui.i18n import translate


def script_beside(weights_path) -> str | None:
    """The exported script next to a weights file (same name, ``.py``), if there is one."""
    script = os.path.splitext(os.fspath(weights_path))[0] + ".py"
    return script if os.path.isfile(script) else None


def ask_activations(window) -> list[str] | None:
    """Ask for the activations, one name per Linear layer; None when cancelled."""
    text, accepted = QtWidgets.QInputDialog.getText(
        window,
        "Activations of the layers",
        "No exported script beside the weights. Activation of each Linear layer, "
        "in order, separated by commas (e.g. tanh, tanh, sigmoid):",
    )
    if not accepted or not text.strip():
        return None
    return [name.strip() for name in text.split(",") if name.strip()]


def import_weights(window, path, activations=None) -> bool:
    """Load ``path`` into ``window.model``'s network as one undo step; True on success."""
    from actplay.model import network_import

    script = None if activations is not None else script_beside(path)
    if activations is None and script is None:
        activations = ask_activations(window)
        if activations is None:
            return False
    try:
        network = network_import.load_state_dict(path, activations, script)
        with window.undo_recorder.step(translate("export", "Import PyTorch weights")):
            network_import.playground_with(network, window.model)
    except ValueError as error:
        message = " ".join(str(error).split())
        window.show_status(translate("export", "Not imported: {message}").format(message=message))
        QtWidgets.QMessageBox.warning(
            window, translate("export", "Import PyTorch weights"), message
        )
        return False
    window.show_status(
        translate("export", "Imported the network from {file}").format(file=os.path.basename(path))
    )
    return True


def _on_import_triggered(window) -> None:
    path, _filter = QtWidgets.QFileDialog.getOpenFileName(
        window,
        translate("export", "Import PyTorch weights"),
        "",
        translate("export", "PyTorch state_dict (*.pt *.pth);;All files (*)"),
    )
    if path:
        import_weights(window, path)


def make_import_action(window) -> QtGui.QAction:
    """The File menu's "Import PyTorch Weights..." action."""
    action = QtGui.QAction(translate("export", "Import PyTorch &Weights..."), window)
    action.setObjectName("import_torch_action")
    action.setStatusTip(
        translate("export", "Load a network's weights from a PyTorch state_dict file (needs torch)")
    )
    action.triggered.connect(lambda: _on_import_triggered(window))
    return action
