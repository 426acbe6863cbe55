"""``actplay export``: headless export from the command line (actplay.app.export_cli).

Every test opens the file the command wrote and checks it against an
independent source: the activation library for numbers, the model's session
reader for JSON, QImage / XML / rsvg-convert for pictures.
"""

import csv
import json
import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest

from actplay.app.export_cli import main
from actplay.core import activations as acts


def _first_param(name):
    spec = acts.get(name).params[0]
    return spec.name, spec


def _run(capsys, *argv):
    code = main([str(word) for word in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _read_csv(path):
    with open(path, newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    header, body = rows[0], rows[1:]
    columns = np.array([[float(cell) for cell in row] for row in body]).T
    return header, columns


# -- data exports -------------------------------------------------------------------
def test_csv_holds_function_and_derivatives_of_the_library(capsys, tmp_path):
    key, spec = _first_param("elu")
    value = (spec.lo + 3 * spec.default) / 4 if np.isfinite(spec.lo) else spec.default / 2
    out = tmp_path / "elu.csv"
    code, _, err = _run(
        capsys,
        "--activation",
        "elu",
        "--param",
        f"{key}={value}",
        "--derivative",
        "--second-derivative",
        "--compare",
        "tanh",
        "--range",
        "-3",
        "2",
        "--points",
        "51",
        "--out",
        out,
    )
    assert (code, err) == (0, "")
    header, columns = _read_csv(out)
    assert len(header) == 1 + 3 + 3  # x, then f f' f'' of elu and of tanh
    assert header[0] == "x"
    assert "elu" in header[1] and key in header[1] and repr(float(value)) in header[1]
    assert header[1] != header[2] != header[3]
    assert "tanh" in header[4]
    x = columns[0]
    assert x.shape == (51,)
    assert x[0] == -3.0 and x[-1] == 2.0
    np.testing.assert_allclose(np.diff(x), 0.1, rtol=1e-9)
    elu, tanh = acts.get("elu"), acts.get("tanh")
    params = {key: value}
    np.testing.assert_array_equal(columns[1], elu(x, **params))
    np.testing.assert_array_equal(columns[2], elu.derivative(x, **params))
    np.testing.assert_array_equal(columns[3], elu.second_derivative(x, **params))
    np.testing.assert_array_equal(columns[4], tanh(x))
    np.testing.assert_array_equal(columns[5], tanh.derivative(x))
    np.testing.assert_array_equal(columns[6], tanh.second_derivative(x))


def test_csv_numbers_are_full_precision_repr(capsys, tmp_path):
    out = tmp_path / "sigmoid.csv"
    assert _run(capsys, "--activation", "sigmoid", "--points", "11", "--out", out)[0] == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",")[0] == "x" and len(lines) == 12
    x = np.linspace(-6.0, 6.0, 11)
    y = acts.get("sigmoid")(x)
    for line, x_value, y_value in zip(lines[1:], x, y, strict=True):
        assert line == f"{float(x_value)!r},{float(y_value)!r}"


def test_json_loads_back_as_the_same_session(capsys, tmp_path):
    from actplay.model import session

    out = tmp_path / "export.json"
    code, _, err = _run(
        capsys,
        "--activation",
        "tanh",
        "--derivative",
        "--compare",
        "sigmoid",
        "--range",
        "-2",
        "4",
        "--points",
        "101",
        "--out",
        out,
    )
    assert (code, err) == (0, "")
    document = json.loads(out.read_text(encoding="utf-8"))
    state = session.read_state(out)
    assert state["curve"]["points"] == 101
    loaded = session.load(out)
    assert loaded.state_dict() == state
    assert loaded.curve_activation == "tanh"
    assert loaded.compare == (("sigmoid", {}),)
    assert loaded.x_range == (-2.0, 4.0)
    assert loaded.visible == {"f": True, "df": True, "d2f": False}
    # The plotted arrays ride along and equal the library's values.
    data = document["data"]
    x = np.array(data["x"])
    assert x.shape == (101,)
    by_key = {series["key"]: np.array(series["y"]) for series in data["series"]}
    assert sorted(by_key) == ["cmp0:df", "cmp0:f", "main:df", "main:f"]
    np.testing.assert_array_equal(by_key["main:f"], acts.get("tanh")(x))
    np.testing.assert_array_equal(by_key["main:df"], acts.get("tanh").derivative(x))
    np.testing.assert_array_equal(by_key["cmp0:f"], acts.get("sigmoid")(x))


# -- pictures -----------------------------------------------------------------------
def _distinct_colours(image, step=7):
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_png_has_requested_size_and_is_not_blank(capsys, tmp_path, qapp):
    from PySide6.QtGui import QImage

    out = tmp_path / "curve.png"
    code, _, err = _run(
        capsys, "--activation", "gelu", "--derivative", "--size", "640x400", "--out", out
    )
    assert (code, err) == (0, "")
    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 400)
    assert _distinct_colours(image) >= 4


def test_png_scale_multiplies_pixels(capsys, tmp_path, qapp):
    from PySide6.QtGui import QImage

    one, two = tmp_path / "one.png", tmp_path / "two.png"
    assert _run(capsys, "--activation", "relu", "--size", "300x200", "--out", one)[0] == 0
    assert _run(capsys, "--activation", "relu", "--scale", "2", "--out", two)[0] == 0
    first, second = QImage(str(one)), QImage(str(two))
    assert (first.width(), first.height()) == (300, 200)
    assert second.width() >= 200 and _distinct_colours(second) >= 4
    assert second.devicePixelRatio() == pytest.approx(1.0) or second.width() % 2 == 0


def test_svg_holds_each_curve_as_one_path(capsys, tmp_path, qapp):
    import xml.etree.ElementTree as ET

    out = tmp_path / "curve.svg"
    code, _, err = _run(
        capsys,
        "--activation",
        "tanh",
        "--derivative",
        "--compare",
        "sigmoid",
        "--points",
        "201",
        "--out",
        out,
    )
    assert (code, err) == (0, "")
    root = ET.parse(out).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    long_shapes = [
        shape
        for shape in root.iter()
        if shape.tag == ns + "path"
        and len(shape.get("d", "").split()) > 50
        or shape.tag == ns + "polyline"
        and len(shape.get("points", "").split()) > 50
    ]
    counts = sorted(len((s.get("d") or s.get("points")).split()) for s in long_shapes)
    assert counts == [201, 201, 201, 201]  # tanh f, f', sigmoid f, f'
    assert len(list(root.iter(ns + "polyline"))) < 200  # no wide pen cut in segments
    assert float(root.get("viewBox").split()[2]) > 400  # the plot was laid out, not 320 px
    rsvg = shutil.which("rsvg-convert")
    if rsvg is None:
        pytest.skip("rsvg-convert not installed")
    png = tmp_path / "curve-rsvg.png"
    subprocess.run([rsvg, str(out), "-o", str(png)], check=True, timeout=60)
    from PySide6.QtGui import QImage

    assert _distinct_colours(QImage(str(png))) >= 5


@pytest.mark.parametrize("pane", ["curve", "neuron", "network", "heatmaps", "window"])
def test_session_pane_renders(capsys, tmp_path, qapp, pane):
    from PySide6.QtGui import QImage

    from actplay.model import session
    from actplay.model.playground import Playground

    model = Playground()
    model.set_curve_activation("swish" if "swish" in acts.names() else "tanh")
    source = tmp_path / "in.json"
    session.save(model, source)
    out = tmp_path / f"{pane}.png"
    code, _, err = _run(
        capsys, "--session", source, "--pane", pane, "--size", "500x360", "--out", out
    )
    assert (code, err) == (0, "")
    image = QImage(str(out))
    assert (image.width(), image.height()) == (500, 360)
    assert _distinct_colours(image, step=5) >= 3


@pytest.mark.parametrize("pane", ["curve", "neuron", "network", "heatmaps"])
def test_pane_svg_is_the_plot_alone_at_the_requested_size(capsys, tmp_path, qapp, pane):
    import xml.etree.ElementTree as ET

    out = tmp_path / f"{pane}.svg"
    code, _, err = _run(
        capsys, "--activation", "tanh", "--pane", pane, "--size", "640x420", "--out", out
    )
    assert (code, err) == (0, "")
    # The picture is the plot itself (no picker, sliders or help around it): --size exactly.
    assert ET.parse(out).getroot().get("viewBox").split() == ["0", "0", "640", "420"]


def test_heatmaps_of_a_network_without_two_inputs_exit_2(capsys, tmp_path, qapp):
    from actplay.model import session
    from actplay.model.playground import Playground

    model = Playground()
    model.set_layer_sizes([3, 2, 1])
    source, out = tmp_path / "in.json", tmp_path / "maps.png"
    session.save(model, source)
    code, _, err = _run(capsys, "--session", source, "--pane", "heatmaps", "--out", out)
    assert code == 2 and "2 inputs" in err and len(err.splitlines()) == 1
    assert not out.exists()


@pytest.fixture
def fresh_pyqtgraph():
    """pyqtgraph's options as a new process has them (black plots); restored afterwards."""
    import pyqtgraph as pg

    saved = dict(pg.CONFIG_OPTIONS)
    pg.setConfigOptions(background="k", foreground="d")
    yield
    pg.setConfigOptions(**saved)


def _most_common_colour(image, step=3):
    from collections import Counter

    return Counter(
        image.pixel(x, y)
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    ).most_common(1)[0][0]


def _assert_background(image, colour):
    assert _most_common_colour(image) == colour.rgb()
    # The bottom corners are where the axes meet the edge: background, never a curve.
    bottom = image.height() - 2
    assert {image.pixel(1, bottom), image.pixel(image.width() - 2, bottom)} == {colour.rgb()}


def test_png_export_draws_in_the_light_theme_in_a_fresh_process(
    capsys, tmp_path, qapp, fresh_pyqtgraph
):
    from PySide6.QtGui import QColor, QImage

    from actplay.ui import theme

    out = tmp_path / "elu.png"
    code, _, err = _run(
        capsys,
        "--activation",
        "elu",
        "--param",
        "alpha=0.5",
        "--derivative",
        "--compare",
        "gelu",
        "--size",
        "450x250",
        "--out",
        out,
    )
    assert (code, err) == (0, "")
    _assert_background(QImage(str(out)), QColor(theme.PLOT_BACKGROUND))


def test_svg_export_has_an_opaque_theme_background(capsys, tmp_path, qapp, fresh_pyqtgraph):
    import xml.etree.ElementTree as ET

    from PySide6.QtGui import QColor, QImage

    from actplay.ui import theme

    out = tmp_path / "elu.svg"
    code, _, err = _run(
        capsys,
        "--activation",
        "elu",
        "--param",
        "alpha=0.5",
        "--derivative",
        "--compare",
        "gelu",
        "--size",
        "450x250",
        "--out",
        out,
    )
    assert (code, err) == (0, "")
    ns = "{http://www.w3.org/2000/svg}"
    backdrop = next(ET.parse(out).getroot().iter(ns + "rect"))
    assert (backdrop.get("width"), backdrop.get("height")) == ("100%", "100%")
    assert QColor(backdrop.get("fill")) == QColor(theme.PLOT_BACKGROUND)
    assert float(backdrop.get("fill-opacity", "1")) == 1.0
    rsvg = shutil.which("rsvg-convert")
    if rsvg is None:
        pytest.skip("rsvg-convert not installed")
    png = tmp_path / "elu-rsvg.png"
    subprocess.run(
        [rsvg, "--background-color=none", str(out), "-o", str(png)], check=True, timeout=60
    )
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB32)
    _assert_background(image, QColor(theme.PLOT_BACKGROUND))


def test_export_follows_the_theme_the_application_shows(capsys, tmp_path, qapp):
    from PySide6.QtGui import QColor, QImage

    from actplay.ui import theme

    out = tmp_path / "dark.png"
    theme.apply_theme("dark")
    try:
        code, _, err = _run(capsys, "--activation", "tanh", "--size", "300x200", "--out", out)
    finally:
        theme.apply_theme("light")
    assert (code, err) == (0, "")
    _assert_background(QImage(str(out)), QColor(theme.DARK_PLOT_BACKGROUND))


def _svg_text(path):
    import xml.etree.ElementTree as ET

    return " ".join(
        "".join(node.itertext())
        for node in ET.parse(path).getroot().iter("{http://www.w3.org/2000/svg}text")
    )


def test_function_export_draws_no_neuron_but_a_session_export_does(capsys, tmp_path, qapp):
    from actplay.model import session
    from actplay.model.playground import Playground

    bare = tmp_path / "bare.svg"
    assert _run(capsys, "--activation", "elu", "--size", "500x300", "--out", bare)[0] == 0
    # No neuron in --activation mode: no (z, a) readout, marker or tangent.
    assert "z = " not in _svg_text(bare) and "ELU" in _svg_text(bare)
    assert _run(capsys, "--activation", "elu", "--out", tmp_path / "bare.png")[0] == 0

    source, with_neuron = tmp_path / "in.json", tmp_path / "session.svg"
    model = Playground()
    model.set_curve_activation("elu")
    session.save(model, source)
    assert _run(capsys, "--session", source, "--size", "500x300", "--out", with_neuron)[0] == 0
    assert "z = " in _svg_text(with_neuron)


def test_function_export_hides_the_neuron_items(qapp):
    from actplay.app import export_cli

    args = export_cli.build_parser().parse_args(["--activation", "elu", "--out", "x.png"])
    for show_neuron in (False, True):
        plot = export_cli.pane_widget(
            export_cli.playground_from_args(args), "curve", show_neuron=show_neuron
        )
        try:
            shown = [item.isVisible() for item in (plot.marker, plot.tangent, plot.marker_label)]
            assert shown == [show_neuron] * 3
        finally:
            plot.export_panel.deleteLater()
            plot.deleteLater()


# -- bad input ---------------------------------------------------------------------
def _bad_session_files(folder):
    garbage = folder / "garbage.json"
    garbage.write_text("{not json", encoding="utf-8")
    foreign = folder / "foreign.json"
    foreign.write_text(json.dumps({"format": "something-else", "version": 1}), encoding="utf-8")
    fifo = folder / "pipe.json"
    os.mkfifo(fifo)  # a reader of a FIFO waits for a writer: the loader must not
    return {
        "garbage": garbage,
        "foreign": foreign,
        "missing": folder / "absent.json",
        "folder": folder,
        "fifo": fifo,
    }


BAD_INPUTS = {
    "unknown activation": (["--activation", "nosuch"], ["nosuch", "sigmoid", "tanh"]),
    "unknown param": (["--activation", "elu", "--param", "nosuchparam=1"], ["nosuchparam"]),
    "param not a number": (["--activation", "elu", "--param", "{p}=abc"], ["abc"]),
    "param out of limits": (["--activation", "elu", "--param", "{p}=1e9"], ["{p}"]),
    "unknown compare": (["--activation", "elu", "--compare", "nosuch"], ["nosuch"]),
    "bad compare param": (["--activation", "elu", "--compare", "elu:zzz=1"], ["zzz"]),
    "too few points": (["--activation", "elu", "--points", "3"], ["points"]),
    "empty range": (["--activation", "elu", "--range", "2", "1"], ["range"]),
    "bad size": (["--activation", "elu", "--size", "12by5"], ["--size"]),
    "bad scale": (["--activation", "elu", "--scale", "0"], ["--scale"]),
    "both sources": (["--activation", "elu", "--session", "{garbage}"], ["--session"]),
    "no source": ([], ["--activation"]),
    "garbage session": (["--session", "{garbage}"], ["garbage.json"]),
    "foreign session": (["--session", "{foreign}"], ["foreign.json"]),
    "missing session": (["--session", "{missing}"], ["absent.json"]),
    "session is a folder": (["--session", "{folder}"], ["folder"]),
    "curve option with session": (["--session", "{garbage}", "--points", "20"], ["--points"]),
    "unknown pane": (["--session", "{garbage}", "--pane", "sidebar"], ["sidebar"]),
    "session is a fifo": (["--session", "{fifo}"], ["pipe.json", "not a regular file"]),
    "param given twice": (
        ["--activation", "elu", "--param", "{p}=1", "--param", "{p}=2"],
        ["twice"],
    ),
    "compare param given twice": (
        ["--activation", "tanh", "--compare", "elu:{p}=1,{p}=2"],
        ["twice"],
    ),
    "size over the pixel budget": (["--activation", "elu", "--size", "16384x16384"], ["million"]),
    "scale over the pixel budget": (
        ["--session", "{garbage}", "--pane", "window", "--scale", "8"],
        ["million"],
    ),
    "format against extension": (
        ["--activation", "elu", "--format", "pdf"],
        ["--format pdf", "out.png"],
    ),
    "network script of a function": (["--activation", "elu", "--format", "torch"], ["--session"]),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
@pytest.mark.parametrize("existing", [False, True])
def test_bad_input_exits_2_with_one_line_and_touches_nothing(capsys, tmp_path, case, existing):
    argv, words = BAD_INPUTS[case]
    files = _bad_session_files(tmp_path)
    p = acts.get("elu").params[0].name
    fill = {"p": p, **{name: str(path) for name, path in files.items()}}
    out = tmp_path / "out.png"
    if existing:
        out.write_bytes(b"precious bytes")
    before = sorted(os.listdir(tmp_path))
    code, stdout, err = _run(capsys, *[word.format(**fill) for word in argv], "--out", out)
    assert code == 2
    assert stdout == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word.format(**fill) in err
    assert sorted(os.listdir(tmp_path)) == before
    if existing:
        assert out.read_bytes() == b"precious bytes"


@pytest.mark.parametrize(
    ("out_name", "word"),
    [("plot.txt", ".txt"), ("plot", "extension"), ("nofolder/plot.png", "nofolder")],
)
def test_bad_output_path_exits_2(capsys, tmp_path, out_name, word):
    before = sorted(os.listdir(tmp_path))
    code, _, err = _run(capsys, "--activation", "elu", "--out", tmp_path / out_name)
    assert code == 2 and err.count("\n") == 1 and word in err
    assert sorted(os.listdir(tmp_path)) == before


def test_output_path_that_is_a_folder_exits_2(capsys, tmp_path):
    folder = tmp_path / "plot.png"
    folder.mkdir()
    code, _, err = _run(capsys, "--activation", "elu", "--out", folder)
    assert code == 2 and err.count("\n") == 1 and "folder" in err
    assert os.listdir(folder) == []


# -- the real command --------------------------------------------------------------
def _actplay(*argv, cwd):
    env = dict(os.environ, QT_QPA_PLATFORM="")  # the command must choose offscreen itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "actplay", "export", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
    )


def test_command_line_writes_png_without_display(tmp_path):
    out = tmp_path / "shot.png"
    result = _actplay("--activation", "tanh", "--derivative", "--out", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_command_line_bad_input_is_one_line_without_traceback(tmp_path):
    out = tmp_path / "x.csv"
    result = _actplay("--activation", "nosuch", "--out", out, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nosuch" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


# -- conventions: standard output, --format, PDF -----------------------------------
@pytest.mark.parametrize(
    ("export_format", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF-"), ("csv", b"x,")]
)
def test_out_dash_writes_the_format_to_standard_output(tmp_path, export_format, magic):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "actplay",
            "export",
            "--activation",
            "tanh",
            "--format",
            export_format,
            "--out",
            "-",
        ],
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
        env=dict(os.environ, QT_QPA_PLATFORM=""),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(magic) and result.stderr == b""
    assert os.listdir(tmp_path) == []


def test_out_dash_needs_a_format(capsys):
    code, out, err = _run(capsys, "--activation", "tanh", "--out", "-")
    assert code == 2 and out == "" and "--format" in err and err.count("\n") == 1


def test_format_names_a_file_without_a_known_extension(capsys, tmp_path, qapp):
    out = tmp_path / "plot.image"
    code, _, err = _run(capsys, "--activation", "tanh", "--format", "png", "--out", out)
    assert (code, err) == (0, "")
    assert out.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("pane", ["curve", "neuron", "network", "heatmaps", "window"])
def test_every_pane_exports_a_vector_pdf(capsys, tmp_path, qapp, pane, pdf_content):
    from actplay.model import session
    from actplay.model.playground import Playground

    example = tmp_path / "default.json"
    session.save(Playground(), example)
    out = tmp_path / f"{pane}.pdf"
    code, _, err = _run(
        capsys, "--session", example, "--pane", pane, "--size", "640x480", "--out", out
    )
    assert (code, err) == (0, "")
    data = out.read_bytes()
    assert b"/MediaBox [0 0 640" in data
    content = pdf_content(data)
    assert len(re.findall(rb"\s[ml]\s", content)) > 20  # drawn paths, not one big image
    assert re.search(rb"Tj|TJ", content)  # axis labels and numbers are text


def test_a_read_only_output_is_kept(capsys, tmp_path):
    out = tmp_path / "kept.csv"
    out.write_text("mine")
    out.chmod(0o444)
    code, _, err = _run(capsys, "--activation", "tanh", "--out", out)
    assert code == 2 and "read-only" in err and err.count("\n") == 1
    assert out.read_text() == "mine"
