"""actplay: a desktop playground for activation functions and small neural networks."""

__version__ = "0.1.0"
