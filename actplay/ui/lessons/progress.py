"""How far the learner got in each lesson, kept in QSettings between runs.

Only a window that ``main()`` handed a QSettings object (``use_settings``)
remembers progress on disk; a window from ``create_window()`` keeps it in
memory for its own lifetime, so tests and tools never read anything saved.
"""

from __future__ import annotations

PREFIX = "lessons"  # settings group: lessons/<key>/step, lessons/<key>/finished


class LessonProgress:
    """The step each lesson was left at and whether it was finished.

    Parameters
    ----------
    settings : QSettings or None
        Where to keep it; None keeps it in memory only.
    """

    def __init__(self, settings=None) -> None:
        self._settings = settings
        self._memory: dict[str, object] = {}

    def _get(self, key: str, default, kind):
        if self._settings is None:
            return self._memory.get(key, default)
        return self._settings.value(key, default, type=kind)

    def _set(self, key: str, value) -> None:
        if self._settings is None:
            self._memory[key] = value
        else:
            self._settings.setValue(key, value)

    def step(self, lesson: str) -> int:
        """The 0-based step the lesson was last left at (0 if never opened)."""
        return int(self._get(f"{PREFIX}/{lesson}/step", 0, int))

    def set_step(self, lesson: str, index: int) -> None:
        self._set(f"{PREFIX}/{lesson}/step", int(index))

    def finished(self, lesson: str) -> bool:
        """Whether the learner reached the lesson's end."""
        return bool(self._get(f"{PREFIX}/{lesson}/finished", False, bool))

    def set_finished(self, lesson: str) -> None:
        self._set(f"{PREFIX}/{lesson}/finished", True)
