"""Qt widgets: one package per pane (curve, neuron, network, training, lessons, race),
export, the window shell, and widgets that know nothing of the model. The modules at this
level (theme, binding, scheduler) are shared by every package; ``docs/internals.md`` maps
them all."""
