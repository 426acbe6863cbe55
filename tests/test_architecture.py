"""The import contracts of the package, read from the source (every import, at
module level or inside a function, and every ``import_module("actplay...")``).

``core`` and ``model`` import no Qt (PySide6, shiboken6, pyqtgraph), not even inside a
function; ``tests/core/test_layering.py`` also imports them in a fresh process and looks.

Layers, top to bottom: ``api`` -> ``app`` -> ``ui`` -> ``resources`` -> ``model`` -> ``core``
(``api`` is the Python API that the top-level package re-exports);
a module imports only from its own layer or the ones below. Inside ``ui``:
- the panes ``curve``, ``neuron``, ``network``, ``training`` and ``lessons`` never import
  one another;
- ``widgets`` (parts that know nothing of the model) import only ``widgets`` and the
  shared modules at ``ui``'s top (``theme``, ``binding``, ``scheduler``, ``i18n``), never the model;
- those shared modules import nothing else of ``ui``;
- only ``ui.shell.main_window`` (the window that composes the panes) and ``app`` import
  ``ui.shell.main_window``; ``shell`` and ``export`` import no pane.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "actplay"
LAYERS = ("api", "app", "ui", "resources", "model", "core")  # top to bottom
PANES = ("curve", "neuron", "network", "training", "lessons", "race")
UI_SHARED = ("theme", "binding", "scheduler", "i18n")


def module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: pathlib.Path) -> set[str]:
    """Every actplay module ``path`` imports (``from a import b`` counts as ``a.b`` when
    ``a.b`` is a module, else ``a``)."""
    tree = ast.parse(path.read_text(), str(path))
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    )
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(str(node.args[0].value))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            # module names kept in tables and imported by name later ("actplay.ui.curve.pane")
            if node.value in MODULES:
                found.add(node.value)
    return found


MODULES = {module_name(path) for path in PACKAGE.rglob("*.py")}
ALL_IMPORTS = {module_name(path): imports_of(path) for path in PACKAGE.rglob("*.py")}
GRAPH = {
    source: {name for name in names if name == "actplay" or name.startswith("actplay.")}
    for source, names in ALL_IMPORTS.items()
}
QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")


def qt_violations(all_imports=None) -> list[str]:
    """Modules of ``core`` and ``model`` that import Qt (anywhere in the file)."""
    return [
        f"{source} imports {name}"
        for source, names in sorted((all_imports or ALL_IMPORTS).items())
        if layer_of(source) in ("core", "model")
        for name in sorted(names)
        if name.split(".")[0] in QT_PACKAGES
    ]


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None  # the actplay package itself: the public API sits above every layer
    if parts[1] in ("__main__",):
        return "app"
    return parts[1] if parts[1] in LAYERS else None


def ui_room(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "ui" else None


def edges():
    for source, targets in sorted(GRAPH.items()):
        for target in sorted(targets):
            if target != source:
                yield source, target


def layering_violations(graph=None) -> list[str]:
    found = []
    for source, targets in sorted((graph or GRAPH).items()):
        src = layer_of(source)
        for target in sorted(targets):
            dst = layer_of(target)
            if src is None or dst is None or src == dst:
                continue
            if LAYERS.index(dst) < LAYERS.index(src):
                found.append(f"{source} ({src}) imports {target} ({dst})")
    return found


def room_violations(graph=None) -> list[str]:
    found = []
    for source, targets in sorted((graph or GRAPH).items()):
        src = ui_room(source)
        if src is None:
            continue
        for target in sorted(targets):
            dst = ui_room(target)
            if target.startswith("actplay.model") and src == "widgets":
                found.append(f"{source}: widgets know nothing of the model ({target})")
            if dst is None or dst == src:
                continue
            if src in PANES and dst in PANES:
                found.append(f"{source}: pane {src} imports pane {dst} ({target})")
            if src == "widgets" and dst not in UI_SHARED:
                found.append(f"{source}: widgets import only widgets and {UI_SHARED} ({target})")
            if src in UI_SHARED:
                found.append(f"{source}: shared ui module imports {target}")
            if (
                src in ("shell", "export")
                and dst in PANES
                and source != "actplay.ui.shell.main_window"
            ):
                found.append(f"{source}: {src} imports pane {dst} ({target})")
            if target == "actplay.ui.shell.main_window" and source != target:
                found.append(f"{source}: only app composes the main window ({target})")
    return found


def test_the_graph_is_read():
    # Guards against a parser that finds nothing: known edges must be there.
    assert "actplay.ui.curve" in GRAPH["actplay.ui.shell.main_window"]  # its public face
    assert "actplay.core.activations" in GRAPH["actplay.model.limits"]
    assert "actplay.app.export_cli" in GRAPH["actplay.app.cli"]  # named in a table


def test_layers_point_down():
    assert layering_violations() == []


def test_core_and_model_never_import_qt():
    assert qt_violations() == []
    assert qt_violations({"actplay.model.session": {"PySide6.QtCore"}}) == [
        "actplay.model.session imports PySide6.QtCore"
    ]


def test_ui_rooms_keep_to_themselves():
    assert room_violations() == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("actplay.core.network", "actplay.model.limits"),  # core reaching up into model
        ("actplay.model.session", "actplay.ui.theme"),
        ("actplay.core.grid", "actplay.app.cli"),
        ("actplay.app.export_cli", "actplay.api.pictures"),  # the API sits above the app
    ],
)
def test_an_upward_import_is_caught(source, target):
    graph = {source: {target}}
    assert layering_violations(graph) == [
        f"{source} ({layer_of(source)}) imports {target} ({layer_of(target)})"
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("actplay.ui.neuron.panel", "actplay.ui.network.graph"),
        ("actplay.ui.widgets.function_picker", "actplay.ui.shell.custom_dialog"),
        ("actplay.ui.widgets.float_slider", "actplay.model.playground"),
        ("actplay.ui.theme", "actplay.ui.widgets.markup"),
        ("actplay.ui.export.dialog", "actplay.ui.curve.pane"),
    ],
)
def test_a_crossing_between_rooms_is_caught(source, target):
    assert room_violations({source: {target}})


def _window_attribute_writes(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, name) of every ``<…window>.name = …`` in ``tree``: a part attached from outside."""
    found = []
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        for target in targets:
            if not isinstance(target, ast.Attribute):
                continue
            owner = target.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if name in ("window", "_window", "main_window"):
                found.append((node.lineno, target.attr))
    return found


def test_window_parts_are_built_or_registered_by_the_window_not_attached():
    # Features built after the window (workers, workspace, race window, lessons dock)
    # go through MainWindow.part; no module sets attributes on the window.
    writes = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "main_window.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        writes += [f"{path.name}:{line} .{name}" for line, name in _window_attribute_writes(tree)]
    assert writes == []


def test_the_window_attribute_check_sees_an_attachment():
    code = "window.race_window = made\nself._window.host = w\nwindow.part('x', f)\n"
    assert _window_attribute_writes(ast.parse(code)) == [(1, "race_window"), (2, "host")]
