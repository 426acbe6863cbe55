"""The lessons dock: step-by-step lessons that set the app up, point at one control and
check live, from model events, that the learner did the task."""

from actplay.ui.lessons.dock import menu_entries, open_lesson, open_lesson_file, open_lessons

__all__ = ["menu_entries", "open_lesson", "open_lesson_file", "open_lessons"]
