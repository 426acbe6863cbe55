"""Entry points: `create_window` builds the window, `main` is the ``actplay`` command.

`create_window` is pure construction: it never reads ``sys.argv``, never opens
a dialog and never restores saved settings, so tests, tools and
``--screenshot`` all get the same window. `main` adds what belongs to an
interactive run: the QApplication, restoring the saved layout, saving it on
close, and the event loop.
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager

from actplay.app import cli

BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

SETTINGS_ORGANISATION = "actplay"
SETTINGS_APPLICATION = "actplay"
APP_ID = "io.github.actplay.Actplay"  # the desktop file's name and the AppStream id


def _load_model(session_path):
    """A Playground from a session file, or the default one when no path is given."""
    if session_path is None:
        from actplay.model.playground import Playground

        return Playground()
    from actplay.model import session

    return session.load(session_path)


def _load_lesson(lesson_path):
    """The lesson named by ``--lesson``, checked before any window exists, or None."""
    if lesson_path is None:
        return None
    from actplay.model import lessons

    return lessons.load(lesson_path)


def _open_lesson(window, lesson) -> None:
    if lesson is not None:
        from actplay.ui.lessons.dock import open_lesson

        open_lesson(window, lesson)


@contextmanager
def collector_paused_while_building():
    """Pause the garbage collector while the window is built, then freeze what was built.

    Imports and the window build make ~10^5 long-lived objects (modules, Qt
    wrappers, pyqtgraph items) and little garbage. While they are made, the
    collector runs over a hundred times and walks them again and again, a tenth
    of the start. Afterwards every full (generation-2) collection would walk
    them all again, during a drag a visible stall (benchmarks/RESULTS.md, "Costs the
    code relies on").
    So: no collection while building; then `gc.freeze` moves everything alive
    out of the collector's sight for good (once per process; the little
    garbage frozen with it is kept), and collection resumes for what comes next.
    """
    global _FROZEN
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not _FROZEN:
            _FROZEN = True
            gc.freeze()
        if was_enabled:
            gc.enable()


_FROZEN = False


def create_window(argv=None):
    """Build the main window (not shown) for an existing QApplication.

    Parameters
    ----------
    argv : list of str, optional
        Command-line words after the program name; only a session file
        (``FILE.json`` or ``--session FILE``) and ``--lesson FILE`` are used.
        None means no arguments.

    Returns
    -------
    MainWindow

    Raises
    ------
    SessionError
        When the named session file cannot be read or is invalid.
    LessonError
        When the ``--lesson`` file cannot be read or is invalid.
    CliError
        For arguments that do not parse.
    """
    args = cli.parse_window_args([] if argv is None else argv)
    lesson = _load_lesson(args.lesson)
    from actplay.app import import_check

    import_check.quicken()  # before pyqtgraph and the window's modules are imported
    with collector_paused_while_building():
        from actplay.ui.shell.main_window import MainWindow

        window = MainWindow(_load_model(args.session))
    _open_lesson(window, lesson)
    return window


def _application():
    """The running QApplication, or a new one named for QSettings."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else cli.PROG])
        from actplay.app.process import limit_native_caches

        limit_native_caches()  # freed redraw buffers go back to the system
    app.setOrganizationName(SETTINGS_ORGANISATION)
    app.setApplicationName(SETTINGS_APPLICATION)
    app.setDesktopFileName(APP_ID)  # Wayland's app_id: the desktop finds the menu entry
    from actplay import resources  # importlib.resources: not on create_window's path

    app.setWindowIcon(resources.application_icon())  # window, taskbar and frozen app
    return app


#: What ``--screenshot`` can write: the window as a picture (SVG holds one plot only).
SCREENSHOT_FORMATS = ("png", "jpg", "bmp", "pdf")


def check_screenshot(args) -> tuple[int, int]:
    """Check ``--screenshot`` and ``--size`` before any window exists; returns the size.

    Raises
    ------
    CliError
        For a path whose extension is not a picture format, a missing folder, a
        bad size, or a picture over the pixel budget.
    """
    from actplay.ui.export import formats, sizes

    extension = os.path.splitext(args.screenshot)[1].lower()
    export_format = formats.FORMATS.get(extension)
    if export_format not in SCREENSHOT_FORMATS:
        shown = repr(extension) if extension else "no extension"
        known = " ".join(ext for ext, name in formats.FORMATS.items() if name in SCREENSHOT_FORMATS)
        why = (
            "SVG holds one plot, not the window (use 'actplay export --pane' for that)"
            if export_format == "svg"
            else f"{shown} is not a picture format"
        )
        raise cli.CliError(f"--screenshot {args.screenshot}: {why}; use {known}")
    try:
        formats.check_target(args.screenshot)
    except ValueError as error:
        raise cli.CliError(f"--screenshot: {cli.one_line(error)}") from None
    try:
        size = sizes.parse_size(args.size or cli.DEFAULT_SCREENSHOT_SIZE)
        sizes.check_pixels(*size, getattr(args, "scale", None) or 1.0)
    except ValueError as error:
        raise cli.CliError(f"--size: {cli.one_line(error)}") from None
    return size


def _screenshot(window, path, size, scale: float = 1.0) -> int:
    from actplay.ui.export import formats

    window.resize(*size)
    window.show()
    try:
        formats.write_image(window, path, size, scale)
    except OSError as error:
        print(f"{cli.PROG}: cannot write {path}: {cli.one_line(error)}", file=sys.stderr)
        return cli.EXIT_BAD_INPUT
    finally:
        window.close()
    return cli.EXIT_OK


def pin_math_threads() -> None:
    """One thread for numpy's BLAS (unless the user chose otherwise), before numpy loads.

    The matrices here are small: extra BLAS threads only fight the GUI thread and
    the training worker for two cores, and made a weight drag's worst frames about
    2.5x slower (figures in ``benchmarks/RESULTS.md``).
    """
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


@cli.quiet_on_closed_stdout
def main(argv=None) -> int:
    """Run ``actplay`` with ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    pin_math_threads()
    argv = list(sys.argv[1:] if argv is None else argv)
    subcommand = cli.subcommand_of(argv)
    if subcommand is not None:
        return cli.run_subcommand(subcommand, argv[1:])
    try:
        args = cli.parse_window_args(argv)
        if args.screenshot is not None:
            screenshot_size = check_screenshot(args)  # before any window exists
    except cli.CliError as error:
        print(f"{cli.PROG}: error: {cli.one_line(error)}", file=sys.stderr)
        return cli.EXIT_BAD_INPUT
    except SystemExit as done:  # --help and --version print and stop here
        return int(done.code or 0)

    with collector_paused_while_building():  # until the window is built
        from actplay.model.session import SessionError

        try:
            model = _load_model(args.session)
        except SessionError as error:
            print(f"{cli.PROG}: cannot open session: {cli.one_line(error)}", file=sys.stderr)
            return cli.EXIT_BAD_INPUT
        lesson = None
        if args.lesson is not None:  # lessons' modules load only when asked for
            from actplay.model.lessons import LessonError

            try:
                lesson = _load_lesson(args.lesson)
            except LessonError as error:
                print(f"{cli.PROG}: cannot open lesson: {cli.one_line(error)}", file=sys.stderr)
                return cli.EXIT_BAD_INPUT

        if args.screenshot is not None:
            from actplay.ui.export.offscreen import use_offscreen_platform

            use_offscreen_platform()  # before the QApplication exists
        elif not cli.has_display():
            print(cli.no_display_message(), file=sys.stderr)
            return cli.EXIT_NO_DISPLAY

        app = _application()
        from actplay.ui.shell.main_window import MainWindow

        window = MainWindow(model)
        _open_lesson(window, lesson)

    if args.screenshot is not None:
        if args.layout is not None:
            window.layouts.show_layout(args.layout)
        return _screenshot(window, args.screenshot, screenshot_size, args.scale or 1.0)

    from PySide6.QtCore import QSettings

    settings = QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION)
    window.use_settings(settings)
    if args.layout is not None:  # asked for on the command line: over the remembered one
        window.layouts.show_layout(args.layout)
    _start_interactive(window, settings)
    return int(app.exec())


def _start_interactive(window, settings) -> None:
    """What only an interactive run does: error reports, asking before
    closing, restoring a crashed run's autosave, autosaving, the first-run introduction."""
    from actplay.app import autosave, error_report
    from actplay.ui.shell import help_dialogs

    error_report.install_excepthook(window)
    window.file_actions.ask_before_closing = True
    window.show()
    autosave.offer_restore(window)  # before autosaving starts, so the leftover is still there
    autosave.enable_autosave(window)
    help_dialogs.offer_intro_on_first_run(window, settings)
