"""Find actplay's runtime files (icons, example sessions, help text) wherever it runs.

The files live in the repository's top-level ``resources/`` folder. The wheel
build copies that folder into the package as ``actplay/_resources`` (see
``setup.py``), and the PyInstaller spec bundles it at the same place, so an
installed or frozen actplay finds them through ``importlib.resources``. A
source checkout or an editable install has no ``actplay/_resources``; there the
repository's own ``resources/`` folder, next to the package, is used. Callers
never need to know which of the four cases they are in.

Example
-------
>>> from actplay import resources
>>> resources.resource_path("icons", "actplay.svg")          # doctest: +SKIP
PosixPath('.../resources/icons/actplay.svg')
>>> [p.name for p in resources.example_sessions()]           # doctest: +SKIP
['dead_relu.actplay.json', ...]
"""

from __future__ import annotations

import functools
import pathlib

from actplay.model.lessons import SUFFIX as LESSON_SUFFIX
from actplay.model.session import SUFFIX as SESSION_SUFFIX

PACKAGED_FOLDER = "_resources"  # where the wheel and the frozen app carry resources/
CHECKOUT_FOLDER = "resources"  # the repository's folder, a sibling of the package
ICON_NAME = "actplay"  # resources/icons/actplay.svg and actplay-<size>.png
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)  # PNG sizes packaging/make_icons renders


def _packaged_root() -> pathlib.Path | None:
    """The resources carried inside the package, as a real folder, or None."""
    package_dir = pathlib.Path(__file__).parent
    if package_dir.is_dir():
        # A package on disk (wheel, frozen app, checkout): the folder is there or not.
        # Only a zipped install needs importlib.resources and tempfile (slow to import,
        # benchmarks/RESULTS.md, at every start: the File menu lists the examples).
        folder = package_dir / PACKAGED_FOLDER
        return folder if folder.is_dir() else None
    import atexit
    import importlib.resources
    import tempfile

    folder = importlib.resources.files("actplay") / PACKAGED_FOLDER
    if not folder.is_dir():
        return None
    if isinstance(folder, pathlib.Path):
        return folder
    # A zipped install: unpack once into a temporary folder that lives until exit,
    # so every caller can hand a plain path to Qt or open(). (importlib's as_file
    # unpacks whole folders only from Python 3.12 on.)
    unpacked = tempfile.TemporaryDirectory(prefix="actplay-resources-")
    atexit.register(unpacked.cleanup)
    root = pathlib.Path(unpacked.name) / PACKAGED_FOLDER
    _copy_tree(folder, root)
    return root


def _copy_tree(source, destination: pathlib.Path) -> None:
    """Copy a Traversable folder (e.g. inside a zip) to a real folder."""
    destination.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        if entry.is_dir():
            _copy_tree(entry, destination / entry.name)
        else:
            (destination / entry.name).write_bytes(entry.read_bytes())


def _checkout_root() -> pathlib.Path | None:
    """The repository's resources/ folder when actplay runs from a checkout, or None."""
    package_dir = pathlib.Path(__file__).resolve().parent
    folder = package_dir.parent / CHECKOUT_FOLDER
    return folder if folder.is_dir() else None


@functools.cache
def resource_root() -> pathlib.Path:
    """The folder that holds actplay's runtime files.

    Returns
    -------
    pathlib.Path
        ``actplay/_resources`` inside an installed wheel or a frozen app, else
        the repository's ``resources/`` folder.

    Raises
    ------
    FileNotFoundError
        When neither exists (a broken install).
    """
    root = _packaged_root() or _checkout_root()
    if root is None:
        raise FileNotFoundError(
            f"actplay's resources are missing: neither actplay/{PACKAGED_FOLDER} in the "
            f"package nor {CHECKOUT_FOLDER}/ beside it; reinstall actplay"
        )
    return root


def resource_path(*parts: str) -> pathlib.Path:
    """The path of one runtime file or folder.

    Parameters
    ----------
    *parts : str
        Path components below the resources folder, e.g. ``("icons", "actplay.svg")``.

    Returns
    -------
    pathlib.Path
        An existing file or folder.

    Raises
    ------
    FileNotFoundError
        When no such file exists; the message names the folder searched.
    ValueError
        For an absolute part or a ``..`` that would leave the resources folder.
    """
    root = resource_root()
    path = root.joinpath(*parts)
    if not path.resolve().is_relative_to(root.resolve()):
        raise ValueError(f"resource path {'/'.join(parts)!r} leaves the resources folder")
    if not path.exists():
        raise FileNotFoundError(f"no resource {'/'.join(parts)!r} in {root}")
    return path


def resource_files(folder: str, pattern: str = "*") -> list[pathlib.Path]:
    """The files in one resources sub-folder that match a glob pattern, sorted by name.

    Parameters
    ----------
    folder : str
        Sub-folder of the resources folder, e.g. ``"examples"``.
    pattern : str
        Glob pattern for the file names.

    Returns
    -------
    list of pathlib.Path
        Empty when the folder exists but holds no match.

    Raises
    ------
    FileNotFoundError
        When the sub-folder does not exist.
    """
    directory = resource_path(folder)
    return sorted(path for path in directory.glob(pattern) if path.is_file())


def example_sessions() -> list[pathlib.Path]:
    """The example session files shipped with actplay, sorted by name."""
    return resource_files("examples", "*" + SESSION_SUFFIX)


def lesson_files() -> list[pathlib.Path]:
    """The lesson files shipped with actplay, in teaching order (their names start 01-, 02-)."""
    return resource_files("lessons", "*" + LESSON_SUFFIX)


def icon_files() -> list[pathlib.Path]:
    """The application icon's PNG renderings, smallest first (those that exist)."""
    paths = [resource_root() / "icons" / f"{ICON_NAME}-{size}.png" for size in ICON_SIZES]
    return [path for path in paths if path.is_file()]


def application_icon():
    """The application icon as a ``QIcon`` holding every PNG size.

    Qt is imported here, not at module level, so the rest of this module stays
    usable without Qt (packaging scripts, tests of the helper).

    Returns
    -------
    PySide6.QtGui.QIcon
        Null when no icon file exists (the window then shows the platform default).
    """
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon
