"""The registry of built-in activations: lookup by name, display order, groups."""

from __future__ import annotations

from . import classic, other, piecewise, relu_family, smooth
from .base import GROUPS, Activation


def _collect() -> dict[str, Activation]:
    everything = (
        classic.ACTIVATIONS
        + relu_family.ACTIVATIONS
        + smooth.ACTIVATIONS
        + piecewise.ACTIVATIONS
        + other.ACTIVATIONS
    )
    # Display order: by group, then in the order each module lists them (sort is stable).
    ordered = sorted(everything, key=lambda activation: GROUPS.index(activation.group))
    registry = {activation.name: activation for activation in ordered}
    if len(registry) != len(ordered):
        raise RuntimeError("two built-in activations share a name")
    return registry


_REGISTRY = _collect()


def names() -> tuple[str, ...]:
    """Return the registry keys in display order (grouped as ``groups()``)."""
    return tuple(_REGISTRY)


def groups() -> tuple[str, ...]:
    """Return the group titles in display order."""
    return GROUPS


def get(name: str) -> Activation:
    """Return the built-in activation called ``name``.

    Raises
    ------
    KeyError
        For an unknown name; the message lists the valid names.
    """
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        valid = ", ".join(_REGISTRY)
        raise KeyError(f"unknown activation {name!r}; valid names: {valid}") from None
