"""Training: the data set, the optimiser's controls, the loss and decision charts."""

from actplay.ui.training.dock import build_training_panel, make_training_dock


def install_training_workspace(window):
    """The window's training workspace, built on first call (``workspace.py``; imported
    only then, so start-up does not pay for it)."""
    from actplay.ui.training.workspace import install_training_workspace as install

    return install(window)


__all__ = ["build_training_panel", "install_training_workspace", "make_training_dock"]
