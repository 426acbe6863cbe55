"""Training: the data set, the optimiser's controls, the loss and decision charts."""

from actplay.ui.training.dock import build_training_panel, make_training_dock

__all__ = ["build_training_panel", "make_training_dock"]
