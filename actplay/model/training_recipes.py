"""Settings that learn each built-in data set, proposed when the data set is chosen.

Choosing a data set (``Playground.set_dataset(source=...)``, from the window,
a script or a session being edited) applies its :data:`PROPOSALS` entry in the
same event: the input features, the hidden layers and their activation, the
output activation, the loss, the optimiser, the learning rate, the batch size
and L2. The user can change any of them afterwards; only choosing another data
set proposes again (new points of the same set, noise, the split or a session
being opened keep what is set). ``benchmarks/recipes.py`` measures them: every
classification set reaches 90 % test accuracy within 1000 epochs for at least
4 of 5 seeds (``benchmarks/RESULTS.md``).

:data:`TF_SPIRAL` is the TensorFlow Playground's spiral recipe. What makes it
behave here as it does there: the ``"squared"`` loss (half the squared error,
so the gradient and with it the learning rate 0.03 are TF's) and a tanh output
trained towards -1/+1 (TF's labels; with 0/1 targets the output sits at the
edge of tanh's range and learns far slower). TF starts from U(-0.5, 0.5)
weights and 0.1 biases; our Xavier start (U(+-0.61..0.82) for these layer
sizes, zero biases) gives the same spread of results over seeds (the benchmark
runs both), so the recipe keeps the app's initialisation.
"""

from __future__ import annotations

from dataclasses import dataclass

from actplay.core import datasets


@dataclass(frozen=True)
class Recipe:
    """Network and training settings for a data set.

    Attributes
    ----------
    hidden : tuple of int
        Units per hidden layer.
    activation : str
        The activation of every hidden layer.
    output : str
        The output layer's activation (one unit).
    loss, optimizer : str
    learning_rate : float
    batch_size : int
    l2 : float
    features : tuple of str
        Input features (``datasets.FEATURES`` names).
    """

    hidden: tuple[int, ...]
    activation: str
    output: str
    loss: str
    optimizer: str
    learning_rate: float
    batch_size: int
    l2: float = 0.0
    features: tuple[str, ...] = datasets.DEFAULT_FEATURES

    def describe(self) -> str:
        """A short line for the status bar, e.g. ``"2 x 16 tanh, Adam, learning rate 0.01"``."""
        layers = f"{len(self.hidden)} \u00d7 {self.hidden[0]}" if self.hidden else "no hidden"
        if len(set(self.hidden)) > 1:
            layers = "-".join(map(str, self.hidden))
        optimizer = {"adam": "Adam", "sgd": "SGD"}.get(self.optimizer, self.optimizer)
        return (
            f"{layers} {self.activation}, {self.output} output, {optimizer}, learning rate "
            f"{self.learning_rate:g}, batch {self.batch_size}"
        )


_SMALL = Recipe((8, 8), "tanh", "sigmoid", "bce", "adam", 0.03, 10)  # the app's defaults
PROPOSALS = {
    "gaussian": _SMALL,
    "circle": _SMALL,
    "xor": _SMALL,
    # Adam at 0.03 overshoots on the spiral (most seeds stall near 60 %); 0.01 with 16
    # units a layer reaches 90 % in 76-204 epochs (4x8 takes 168-473).
    "spiral": Recipe((16, 16), "tanh", "sigmoid", "bce", "adam", 0.01, 10),
    "regression": Recipe((8, 8), "tanh", "tanh", "mse", "adam", 0.01, 10),
}
TF_SPIRAL = Recipe((8, 8, 8, 8), "tanh", "tanh", "squared", "sgd", 0.03, 10)
TF_SPIRAL_DATA = {"source": "spiral", "noise": 0.0, "test_fraction": 0.5, "points": 500}


def apply_recipe(playground, recipe: Recipe) -> None:
    """Set ``recipe``'s features, layers, activations and training settings (one event)."""
    with playground.batch():
        for name in datasets.FEATURES:  # on first: at least one feature is always on
            if name in recipe.features:
                playground.set_feature(name, True)
        for name in datasets.FEATURES:
            if name not in recipe.features:
                playground.set_feature(name, False)
        playground.set_layer_sizes((len(recipe.features), *recipe.hidden, 1))
        for layer in range(1, len(recipe.hidden) + 1):
            playground.set_layer_activation(layer, recipe.activation)
        playground.set_layer_activation(len(recipe.hidden) + 1, recipe.output)
        playground.set_training(
            loss=recipe.loss,
            optimizer=recipe.optimizer,
            learning_rate=recipe.learning_rate,
            batch_size=recipe.batch_size,
            l2=recipe.l2,
        )


def proposal(source: str) -> Recipe | None:
    """The settings proposed for a built-in data set (None for loaded points)."""
    return PROPOSALS.get(source)


__all__ = ["PROPOSALS", "TF_SPIRAL", "TF_SPIRAL_DATA", "Recipe", "apply_recipe", "proposal"]
