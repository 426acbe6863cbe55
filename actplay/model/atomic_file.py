"""Writing a file so that a failure never leaves half of it: the one atomic write.

Sessions (``model.session``), exports and screenshots (``ui.export_formats``,
``ui.export``) all end here. The bytes go to a temporary file in the target's
folder, are flushed to disk, and the temporary file is renamed over the target
(``os.replace``, atomic on one file system). A crash or an error at any point
leaves either the old file or the new one, and no stray temporary file.
"""

from __future__ import annotations

import errno
import os
import tempfile


def default_file_mode() -> int:
    """The permission bits a new file gets from the process's umask (usually 0o644)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def is_writable(path) -> bool:
    """Whether an existing file may be replaced: writable by us and not marked read-only.

    The permission bits are read as well as ``os.access``, so a file made
    read-only (``chmod a-w``) is kept even for root, whom ``access`` lets write.
    """
    return os.access(path, os.W_OK) and bool(os.stat(path).st_mode & 0o222)


def write_atomic(path, data: bytes, new_file_mode: int | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Parameters
    ----------
    path : str or os.PathLike
        Target file; its folder must exist.
    data : bytes
    new_file_mode : int, optional
        Permission bits of a file that did not exist before; default: what the
        umask gives. An existing file keeps its own permission bits.

    Raises
    ------
    OSError
        When the folder is missing or not writable, the target is read-only
        (`PermissionError`), or the disk is full; the target is then untouched
        and no temporary file is left behind. The error names ``path``.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isfile(path) and not is_writable(path):
        # The rename would replace it anyway: respect the user's choice instead.
        raise PermissionError(errno.EACCES, "the file is read-only", path)
    try:
        handle, temp_path = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".part"
        )
    except OSError as error:  # name the user's file, not the temporary one
        raise type(error)(error.errno, error.strerror, path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); give it the mode a saved document has.
        if os.path.exists(path):
            mode = os.stat(path).st_mode & 0o777
        else:
            mode = default_file_mode() if new_file_mode is None else new_file_mode
        os.chmod(temp_path, mode)
        os.replace(temp_path, path)
    except BaseException:
        if os.path.exists(temp_path):
            os.unlink(temp_path)
        raise
