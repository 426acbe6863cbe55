"""The main window and its window-wide commands: menus, file actions, undo, the
command palette, help, preferences and the custom-function dialog."""
