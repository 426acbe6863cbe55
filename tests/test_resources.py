"""actplay.resources finds runtime files the same way in a checkout, a wheel and a zip.

The checkout case is checked against the repository's own folder; the wheel case
runs the real build step of setup.py into a scratch folder and imports actplay
from there in a fresh process; the zip case imports that same tree from a zip
archive. The frozen app is covered by packaging/check (too slow for the suite).
"""

import json
import os
import pathlib
import subprocess
import sys
import zipfile

import pytest

from actplay import resources

REPO = pathlib.Path(__file__).resolve().parent.parent
CHECKOUT_RESOURCES = REPO / "resources"
README_PICTURES = ("screenshot.png", "screenshots")  # in the sdist, not in the wheel

# Run in a fresh interpreter whose actplay is the one on PYTHONPATH; prints what it found.
REPORT_LOOKUP = """
import json, pathlib
from actplay import resources
root = resources.resource_root()
print(json.dumps({
    "module": resources.__file__,
    "root": str(root),
    "examples": [p.name for p in resources.example_sessions()],
    "lessons": [p.name for p in resources.lesson_files()],
    "icons": [p.name for p in resources.icon_files()],
    "svg": resources.resource_path("icons", "actplay.svg").read_bytes().decode("utf-8"),
}))
"""


def _lookup_in_fresh_process(python_path):
    environment = dict(os.environ, PYTHONPATH=str(python_path))
    # Outside the repository, so the checkout's actplay cannot shadow the one under test.
    result = subprocess.run(
        [sys.executable, "-c", REPORT_LOOKUP],
        capture_output=True,
        text=True,
        env=environment,
        cwd=python_path.parent,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def built_package(tmp_path_factory):
    """actplay as the wheel lays it out, made by setup.py's build step."""
    pytest.importorskip("setuptools")
    build_lib = tmp_path_factory.mktemp("wheel-tree") / "lib"
    result = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(build_lib)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return build_lib


def _expected_examples():
    return sorted(path.name for path in CHECKOUT_RESOURCES.glob("examples/*.actplay.json"))


def test_checkout_uses_the_repository_folder():
    # The test run imports actplay from this checkout (editable install or source tree).
    assert resources.resource_root() == CHECKOUT_RESOURCES
    assert resources.resource_path("icons", "actplay.svg") == (
        CHECKOUT_RESOURCES / "icons" / "actplay.svg"
    )


def _expected_lessons():
    return sorted(path.name for path in (CHECKOUT_RESOURCES / "lessons").glob("*.lesson.toml"))


def test_lesson_files_are_the_shipped_lessons_in_order():
    found = resources.lesson_files()
    assert [path.name for path in found] == _expected_lessons()
    assert len(found) >= 8 and found[0].name.startswith("01-")


def test_example_sessions_are_the_shipped_files_and_load():
    from actplay.model import session

    found = resources.example_sessions()
    assert [path.name for path in found] == _expected_examples()
    assert len(found) >= 1
    for path in found:
        session.load(path)  # raises SessionError for a broken example


def test_resource_files_filters_by_pattern_and_sorts():
    svgs = resources.resource_files("icons", "*.svg")
    assert [path.name for path in svgs] == ["actplay.svg"]
    pngs = resources.resource_files("icons", "*.png")
    assert [path.name for path in pngs] == sorted(path.name for path in pngs)
    assert resources.resource_files("icons", "*.nothing") == []


def test_missing_resource_names_the_folder_searched():
    with pytest.raises(FileNotFoundError, match="no-such-file.txt"):
        resources.resource_path("no-such-file.txt")
    with pytest.raises(FileNotFoundError):
        resources.resource_files("no-such-folder")


@pytest.mark.parametrize("parts", [("..", "pyproject.toml"), ("examples", "..", "..", "setup.py")])
def test_paths_cannot_leave_the_resources_folder(parts):
    with pytest.raises(ValueError, match="leaves the resources folder"):
        resources.resource_path(*parts)


def test_icon_files_are_every_size_smallest_first():
    names = [path.name for path in resources.icon_files()]
    assert names == [f"actplay-{size}.png" for size in resources.ICON_SIZES]


def test_application_icon_holds_every_png_size(qapp):
    icon = resources.application_icon()
    sizes = sorted(size.width() for size in icon.availableSizes())
    assert sizes == list(resources.ICON_SIZES)


def test_the_app_sets_the_window_icon(qapp):
    from actplay.app import launch as app

    application = app._application()
    sizes = sorted(size.width() for size in application.windowIcon().availableSizes())
    assert sizes == list(resources.ICON_SIZES)


def test_wheel_build_copies_runtime_files_into_the_package(built_package):
    packaged = built_package / "actplay" / resources.PACKAGED_FOLDER
    copied = sorted(
        str(path.relative_to(packaged)) for path in packaged.rglob("*") if path.is_file()
    )
    source = sorted(
        str(path.relative_to(CHECKOUT_RESOURCES))
        for path in CHECKOUT_RESOURCES.rglob("*")
        if path.is_file() and path.relative_to(CHECKOUT_RESOURCES).parts[0] not in README_PICTURES
    )
    assert copied == source
    assert "icons/actplay.svg" in copied
    assert not any(name.startswith(tuple(README_PICTURES)) for name in copied)


def test_installed_layout_finds_the_packaged_copy(built_package):
    report = _lookup_in_fresh_process(built_package)
    assert pathlib.Path(report["module"]).is_relative_to(built_package)
    assert report["root"] == str(built_package / "actplay" / resources.PACKAGED_FOLDER)
    assert report["examples"] == _expected_examples()
    assert report["lessons"] == _expected_lessons()
    assert len(report["icons"]) == len(resources.ICON_SIZES)
    assert report["svg"] == (CHECKOUT_RESOURCES / "icons" / "actplay.svg").read_text("utf-8")


def test_zipped_package_unpacks_to_real_files(built_package, tmp_path):
    archive = tmp_path / "actplay.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted((built_package / "actplay").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                bundle.write(path, path.relative_to(built_package).as_posix())
    report = _lookup_in_fresh_process(archive)
    assert report["module"].startswith(str(archive))
    assert pathlib.Path(report["root"]).name == resources.PACKAGED_FOLDER
    assert report["examples"] == _expected_examples()
    assert report["lessons"] == _expected_lessons()
    assert report["svg"] == (CHECKOUT_RESOURCES / "icons" / "actplay.svg").read_text("utf-8")
