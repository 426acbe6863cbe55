"""How far the learner got in each lesson, kept in QSettings between runs.

Only a window that ``main()`` handed a QSettings object (``use_settings``)
remembers progress on disk; a window from ``create_window()`` keeps it in
memory for its own lifetime, so tests and tools never read anything saved.
"""

from __future__ import annotations

PREFIX = "lessons"  # settings group: lessons/<key>/step, lessons/<key>/finished
# Shipped lessons renumbered when the course grew from eight lessons to ten (a lesson's
# key is its file name): progress saved under an old key moves to the new one, once.
RENAMED = {
    "03-squashing": "06-squashing",
    "04-relu": "07-relu",
    "05-vanishing": "08-vanishing",
    "06-nonlinearity": "05-nonlinearity",
    "07-output": "09-output",
    "08-your-own": "10-your-own",
}


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
        if settings is not None:
            self._move_renamed()

    def _move_renamed(self) -> None:
        """Carry progress saved under a lesson's old key to its new key (which wins if both
        exist), and forget the old key."""
        settings = self._settings
        for old, new in RENAMED.items():
            fields = [
                field
                for field in ("step", "finished")
                if settings.contains(f"{PREFIX}/{old}/{field}")
            ]
            if not fields:
                continue
            if not any(settings.contains(f"{PREFIX}/{new}/{field}") for field in fields):
                for field in fields:
                    settings.setValue(
                        f"{PREFIX}/{new}/{field}", settings.value(f"{PREFIX}/{old}/{field}")
                    )
            settings.remove(f"{PREFIX}/{old}")

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
