"""Picture sizes: the one ``WxH`` parser and the pixel budget every picture keeps to.

Qt-free, so the command line checks a size before it builds any window. The
budget bounds memory: a picture is held about four times while it is drawn and
encoded (the widget's backing store, the image, its opaque copy, the encoder's
buffer), 4 bytes a pixel each, so 64 million pixels stay near 1 GB.
"""

from __future__ import annotations

#: Largest picture side in pixels: beyond any slide or poster.
MAX_SIDE = 16384
#: Largest picture in pixels (width x height x scale squared), e.g. 8000x8000.
MAX_PIXELS = 64_000_000


def parse_size(text: str) -> tuple[int, int]:
    """``"1400x900"`` (or ``1400×900``, ``1400X900``) -> ``(1400, 900)``.

    Raises
    ------
    ValueError
        For anything but two whole numbers joined by ``x``, or a side outside
        1..`MAX_SIDE`, naming what was given.
    """
    parts = str(text).strip().lower().replace("\u00d7", "x").split("x")
    try:
        width, height = (int(part) for part in parts)
    except ValueError:
        raise ValueError(f"a size looks like 1400x900, got {text!r}") from None
    if not (1 <= width <= MAX_SIDE and 1 <= height <= MAX_SIDE):
        raise ValueError(f"each side must be 1 to {MAX_SIDE} pixels, got {text!r}")
    return width, height


def check_pixels(width: int, height: int, scale: float = 1.0) -> int:
    """The pixel count of a ``width`` x ``height`` picture at ``scale``, if within budget.

    Raises
    ------
    ValueError
        When it exceeds `MAX_PIXELS`, saying by how much and what fits.
    """
    pixels = round(width * scale) * round(height * scale)
    if pixels > MAX_PIXELS:
        raise ValueError(
            f"{round(width * scale)}x{round(height * scale)} pixels is "
            f"{pixels / 1e6:.0f} million; the limit is {MAX_PIXELS / 1e6:.0f} million "
            f"(e.g. 8000x8000), which keeps memory near 1 GB"
        )
    return pixels
