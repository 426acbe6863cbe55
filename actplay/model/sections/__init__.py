"""The Playground's state, one object per section.

Each section (``curve``, ``neuron``, ``network``, the custom functions) holds
its own values and owns everything about them: their defaults and session
form (``DEFAULTS``, in file order), their validation (``validate``, used for
session files, undo steps and presets) and the setters that change them and
emit. ``docs/session-format.md`` is checked against ``DEFAULTS`` by a test.

The ``Playground`` composes the sections (``model.playground.Parts``) and
offers their properties and setters under the names the ui uses.
"""
