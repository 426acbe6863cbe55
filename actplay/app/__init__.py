"""The process: entry points, the command line, and what an interactive run adds.

``create_window()`` builds the main window for tests and tools; ``main()`` is
the ``actplay`` command (``export`` and ``list`` subcommands included). The
rest of the package is process set-up that is not a widget: error reporting,
autosave and native-memory tuning.
"""

from actplay.app.launch import create_window, main

__all__ = ["create_window", "main"]
