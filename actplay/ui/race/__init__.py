"""The race room: several activations train side by side, and the pane that shows it."""
