"""What the curve plot shows, worked out apart from the plot widget.

The curve slots (one item per function and kind, made on first use), each
slot's palette index, the steady y range that moves only when the curves
leave or shrink inside it, the legend's entries, and the shading's colour.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtGui
from PySide6.QtWidgets import QGraphicsItem

from actplay.core.activations import SATURATION_THRESHOLD
from actplay.model.derived import function_of_label
from actplay.model.limits import MAX_COMPARE
from actplay.ui import theme
from actplay.ui.i18n import translate

KINDS = ("f", "df", "d2f")
Y_PADDING = 0.05  # of the curves' span, above and below them
Y_FILL = 0.6  # the y range shrinks once the curves fill less than this share of it
# Share of the y range kept free below the curves for the corner numbers (z, a, f'),
# so they sit under the curves, not on them: about 20 px of a 640-px window's plot.
LABEL_BAND = 0.1
# Legend labels are HTML: "<" must be escaped.
SATURATED_LABEL = translate("curve", "saturated (|f\u2032| < {threshold:g})").format(
    threshold=SATURATION_THRESHOLD
)
DEAD_LABEL = translate("curve", "dead (f = f\u2032 = 0)")
FLAT_LABEL = translate("curve", "f\u2032 = 0 almost everywhere (not shaded)")


def steady_y_range(
    curves, current: tuple[float, float], band_below: float = 0.0
) -> tuple[float, float]:
    """The y range to show ``curves`` (arrays of y values) in, given the one shown.

    The range stays as it is while every finite value fits inside it, above its
    lowest ``band_below`` share, and the curves fill at least ``Y_FILL`` of it;
    otherwise it becomes the curves' span, padded by ``Y_PADDING`` (and below by
    the band), rounded outward to a tidy step (a tenth of the span's decade: a
    coarser step would waste up to a fifth of the height), so a drag re-scales the
    axis now and then instead of on every step.
    """
    finite = [y[np.isfinite(y)] for y in curves]
    finite = [y for y in finite if y.size]
    if not finite:
        return current
    low = min(float(y.min()) for y in finite)
    high = max(float(y.max()) for y in finite)
    lo, hi = current
    span = hi - lo
    floor = lo + band_below * span
    if floor <= low and high <= hi and (high - low) >= Y_FILL * span and span > 0:
        return current
    if high - low < 1e-12 * max(1.0, abs(high)):
        low, high = low - 0.5, high + 0.5
    pad = Y_PADDING * (high - low)
    low, high = low - pad, high + pad
    low -= band_below / (1.0 - band_below) * (high - low)  # the band's share of the total
    step = 10.0 ** np.floor(np.log10(high - low)) / 10
    return (float(np.floor(low / step) * step), float(np.ceil(high / step) * step))


def slot_keys() -> list[str]:
    """Every curve key a `CurveData` may hold: ``main:f`` ... ``cmp5:d2f``."""
    prefixes = ["main"] + [f"cmp{i}" for i in range(MAX_COMPARE)]
    return [f"{prefix}:{kind}" for prefix in prefixes for kind in KINDS]


def colour_index(key: str) -> int:
    """Palette index of a curve key: 0 for the main function, i + 1 for ``cmp{i}``."""
    prefix = key.split(":", 1)[0]
    return 0 if prefix == "main" else int(prefix[3:]) + 1


def legend_entries(series, shading: dict, noise: bool) -> tuple:
    """``(key, text)`` per function shown (its name without ′ or ″), then per shading kind."""
    names: dict[str, str] = {}
    for one in series:
        names.setdefault(one.key.split(":", 1)[0], function_of_label(one.label))
    entries = tuple(names.items())
    labels = {"saturated": SATURATED_LABEL, "dead": DEAD_LABEL}
    entries += tuple((kind, labels[kind]) for kind, intervals in shading.items() if intervals)
    return entries + ((("note", FLAT_LABEL),) if noise else ())


class CurveSlots(dict):
    """The curve items by slot key (``main:f`` ... ``cmp5:d2f``), made on first use.

    Looking up a key that has no item yet adds the items of its whole function
    (f, f' and f'', in that order, so their stacking never depends on which was
    shown first) to ``plot``, hidden. The default window shows one function:
    3 items instead of 21 at start-up (each item is slow to make; see
    ``benchmarks/RESULTS.md``). The items are bare ``PlotCurveItem``s: a
    ``PlotDataItem`` around each would add its options machinery (downsampling,
    clipping, log axes, none used here) to every drag step, about 0.15 ms per curve.
    Iterating gives the items made so far; a key outside `slot_keys` raises KeyError.
    """

    def __init__(self, plot: pg.PlotItem) -> None:
        super().__init__()
        self._plot = plot
        self._keys = frozenset(slot_keys())
        self.cached = True  # new items' cache mode: see `set_cached`

    def set_cached(self, cached: bool) -> None:
        """Draw every curve from a pixmap cache (``True``) or stroke it on each paint.

        A neuron or network change moves the marker over still curves: blitting them
        from a pixmap beats stroking their points again. A curve that changes on every
        step (a parameter dragged) would be stroked into the pixmap and then blitted:
        ~0.2 ms a frame more than stroking it (benchmarks/RESULTS.md, "Costs the code
        relies on"), so the plot turns the cache off while curves move.
        """
        if cached == self.cached:
            return
        self.cached = cached
        mode = (
            QGraphicsItem.CacheMode.DeviceCoordinateCache
            if cached
            else QGraphicsItem.CacheMode.NoCache
        )
        for item in self.values():
            item.setCacheMode(mode)

    def __missing__(self, key: str) -> pg.PlotCurveItem:
        if key not in self._keys:
            raise KeyError(key)
        prefix = key.split(":", 1)[0]
        for kind in KINDS:
            self[f"{prefix}:{kind}"] = self._make(f"{prefix}:{kind}", kind)
        return self[key]

    def _make(self, key: str, kind: str) -> pg.PlotCurveItem:
        item = pg.PlotCurveItem(pen=theme.curve_pen(colour_index(key), kind))
        item.setSegmentedLineMode("off")  # one polyline: fast and export-friendly
        if self.cached:  # see set_cached
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        item.setZValue(10 - colour_index(key))  # main curve on top
        item.setVisible(False)
        self._plot.addItem(item)
        return item


def shade_colour(kind: str) -> QtGui.QColor:
    """The shading of a ``kind`` stretch, made opaque over the plot background.

    The theme gives it as a translucent tint; the regions lie lowest in the view,
    over nothing but the background and never over each other, so the blended
    colour draws the same pixels, as a plain fill instead of a blend (~0.4 ms of a
    frame: benchmarks/RESULTS.md, "Costs the code relies on").
    """
    tint, ground = theme.plot_colour(f"{kind}_shade"), theme.plot_background()
    share = tint.alphaF()
    mixed = (
        share * t + (1.0 - share) * g
        for t, g in zip(tint.getRgbF()[:3], ground.getRgbF()[:3], strict=True)
    )
    return QtGui.QColor.fromRgbF(*mixed)
