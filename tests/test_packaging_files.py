"""Desktop integration files: validated by the freedesktop tools, consistent with each other.

`desktop-file-validate` (desktop-file-utils) and `appstreamcli` (appstream) are
the independent judges; a test skips when its tool is not installed. The icon
PNGs are checked from their own headers, and packaging/install-desktop is run
into a scratch home and checked by what it left there.
"""

import fnmatch
import os
import pathlib
import shutil
import stat
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from actplay import resources

REPO = pathlib.Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"
DESKTOP_FILE = PACKAGING / "io.github.actplay.Actplay.desktop"
MIME_FILE = PACKAGING / "actplay-mime.xml"
METAINFO_FILE = PACKAGING / "io.github.actplay.Actplay.metainfo.xml"
SESSION_MIME_TYPE = "application/x-actplay-session"
MIME_NS = {"mime": "http://www.freedesktop.org/standards/shared-mime-info"}


def _tool(name):
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def _desktop_entry():
    """The [Desktop Entry] group as a dict (the file has no other group)."""
    lines = DESKTOP_FILE.read_text("utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def _png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_desktop_file_passes_desktop_file_validate():
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP_FILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # The tool exits 0 on hints too; any output at all is a finding.
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout


def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "E:" not in result.stdout and "W:" not in result.stdout, result.stdout


def test_one_session_mime_type_everywhere_and_it_matches_the_examples():
    entry = _desktop_entry()
    assert entry["MimeType"].rstrip(";").split(";") == [SESSION_MIME_TYPE]
    assert entry["Icon"] == resources.ICON_NAME
    assert "%f" in entry["Exec"]  # a double-clicked file reaches the app

    mime_type = ET.parse(MIME_FILE).getroot().find("mime:mime-type", MIME_NS)
    assert mime_type.get("type") == SESSION_MIME_TYPE
    patterns = [glob.get("pattern") for glob in mime_type.findall("mime:glob", MIME_NS)]
    assert patterns == ["*" + resources.SESSION_SUFFIX]
    examples = list((REPO / "resources" / "examples").iterdir())
    assert examples and all(fnmatch.fnmatch(path.name, patterns[0]) for path in examples)
    assert not fnmatch.fnmatch("export.json", patterns[0])  # plain JSON stays JSON

    metainfo = ET.parse(METAINFO_FILE).getroot()
    assert metainfo.findtext("launchable") == DESKTOP_FILE.name
    # Desktops find the entry by the app id (Wayland's app_id, AppStream's launchable).
    assert DESKTOP_FILE.name == metainfo.findtext("id") + ".desktop"
    assert [m.text for m in metainfo.iter("mediatype")] == [SESSION_MIME_TYPE]


def test_icon_pngs_have_their_named_sizes():
    for size in resources.ICON_SIZES:
        assert _png_size(ICONS / f"actplay-{size}.png") == (size, size)
    assert sorted(path.name for path in ICONS.glob("*.png")) == sorted(
        f"actplay-{size}.png" for size in resources.ICON_SIZES
    )


def test_icon_svg_is_a_square_svg():
    root = ET.parse(ICONS / "actplay.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    assert width == height > 0


def test_icon_pngs_match_the_svg():
    # Re-render one size and compare pixels: catches PNGs left stale after an SVG edit.
    pytest.importorskip("PySide6")
    from PySide6.QtGui import QImage

    tool = _tool("rsvg-convert")
    fresh = subprocess.run(
        [tool, "--width", "64", "--height", "64", str(ICONS / "actplay.svg")],
        capture_output=True,
        timeout=60,
        check=True,
    ).stdout
    rendered, committed = (
        _rgba_pixels(QImage.fromData(fresh)),
        _rgba_pixels(QImage(str(ICONS / "actplay-64.png"))),
    )
    assert rendered.shape == committed.shape == (64, 64, 4)
    difference = np.abs(rendered.astype(int) - committed.astype(int))
    # Another librsvg version may anti-alias edges a little differently; a changed
    # design moves whole regions.
    assert difference.mean() < 2.0 and np.percentile(difference, 99) < 40


def _rgba_pixels(image):
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    stride = image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), stride)
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).copy()


@pytest.mark.parametrize("script", ["build", "check", "make_icons", "install-desktop"])
def test_scripts_are_executable_bash_without_syntax_errors(script):
    path = PACKAGING / script
    assert path.stat().st_mode & stat.S_IXUSR
    result = subprocess.run(
        ["bash", "-n", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


def test_pyinstaller_spec_is_python_and_bundles_resources_where_the_helper_looks():
    text = (PACKAGING / "actplay.spec").read_text("utf-8")
    compile(text, "actplay.spec", "exec")
    assert f'"actplay", "{resources.PACKAGED_FOLDER}"' in text
    assert '"torch"' in text


@pytest.fixture
def scratch_home(tmp_path):
    home = tmp_path / "home"
    environment = dict(
        os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_BIN_HOME=str(home / "bin")
    )
    return home, environment


def _install_desktop(environment, *args):
    result = subprocess.run(
        [str(PACKAGING / "install-desktop"), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_install_desktop_installs_and_uninstalls_in_the_xdg_folders(scratch_home):
    home, environment = scratch_home
    data = home / "data"
    _install_desktop(environment, "--exec", sys.executable)

    launcher = home / "bin" / "actplay"
    assert launcher.stat().st_mode & stat.S_IXUSR
    assert f'exec "{sys.executable}" "$@"' in launcher.read_text()
    entry = (data / "applications" / DESKTOP_FILE.name).read_text("utf-8")
    assert f"Exec={launcher} %f" in entry.splitlines()
    for size in resources.ICON_SIZES:
        icon = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "actplay.png"
        assert _png_size(icon) == (size, size)
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "actplay.svg").is_file()
    assert (data / "mime" / "packages" / MIME_FILE.name).read_bytes() == MIME_FILE.read_bytes()
    assert (data / "metainfo" / METAINFO_FILE.name).is_file()
    assert not (home / ".local").exists()  # the XDG variables were respected
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text("utf-8")
        assert f"{SESSION_MIME_TYPE}:*.actplay.json" in globs

    _install_desktop(environment, "--uninstall")
    left = [path.relative_to(home) for path in home.rglob("*") if path.is_file()]
    assert not [path for path in left if "actplay" in path.name], left
    assert not launcher.exists()
