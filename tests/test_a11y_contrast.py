"""Every colour the theme's stylesheets define meets WCAG contrast: 4.5:1 for text, 3:1 for non-text.

The colours are read from the colour custom properties of overrides/assets/stylesheets/eqp-*.css,
so a changed colour is tested as it ships. Each property must be part of at least one tested pair:
a new colour without a pair fails the test rather than escaping it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import wcag_contrast_ratio

STYLESHEETS = sorted((Path(__file__).parent.parent / "overrides/assets/stylesheets").glob("eqp-*.css"))
DECLARATION = re.compile(r"--([\w-]+)\s*:\s*(#[0-9a-fA-F]{3,8}|rgba?\([^)]*\))\s*[;}]")

TEXT, NON_TEXT = 4.5, 3.0
# (foreground, background, minimum): where Material and our components put one colour on another.
PAIRS: tuple[tuple[str, str, float], ...] = (
    ("md-default-fg-color", "md-default-bg-color", TEXT),
    ("md-default-fg-color", "md-default-bg-color--light", TEXT),
    ("md-default-fg-color--light", "md-default-bg-color", TEXT),
    ("md-default-fg-color--light", "md-default-bg-color--light", TEXT),
    ("md-default-fg-color--light", "md-default-fg-color--lightest", TEXT),  # drawer titles on mobile
    ("md-default-fg-color--lighter", "md-default-bg-color", TEXT),  # used for some meta text
    ("md-default-bg-color", "md-default-fg-color", TEXT),  # the skip link
    ("md-typeset-color", "md-default-bg-color", TEXT),
    ("md-typeset-a-color", "md-default-bg-color", TEXT),
    ("md-typeset-a-color", "md-code-bg-color", TEXT),
    ("md-typeset-a-color", "md-default-fg-color--lightest", TEXT),
    ("md-accent-fg-color", "md-default-bg-color", TEXT),  # links on hover
    ("md-accent-fg-color", "md-accent-fg-color--transparent", TEXT),  # hovered code in navigation
    ("md-accent-bg-color", "md-accent-fg-color", TEXT),
    ("md-accent-bg-color--light", "md-accent-fg-color", TEXT),
    ("md-code-fg-color", "md-code-bg-color", TEXT),
    ("md-primary-fg-color", "md-default-bg-color", TEXT),  # primary colour used as text (buttons)
    ("md-primary-bg-color", "md-primary-fg-color", TEXT),  # header text
    ("md-primary-bg-color", "md-primary-fg-color--light", TEXT),
    ("md-primary-bg-color", "md-primary-fg-color--dark", TEXT),
    ("md-primary-bg-color--light", "md-primary-fg-color", TEXT),
    ("md-primary-bg-color", "md-default-fg-color--lighter", TEXT),  # search box text in the header
    ("md-footer-fg-color", "md-footer-bg-color", TEXT),
    ("md-footer-fg-color", "md-footer-bg-color--dark", TEXT),
    ("md-footer-fg-color--light", "md-footer-bg-color", TEXT),
    ("md-footer-fg-color--light", "md-footer-bg-color--dark", TEXT),
    ("md-footer-fg-color--lighter", "md-footer-bg-color", TEXT),
    ("md-footer-fg-color--lighter", "md-footer-bg-color--dark", TEXT),
    ("eqp-focus-text-color", "eqp-focus-color", TEXT),  # focused link text
    ("eqp-focus-ring-color", "md-default-bg-color", NON_TEXT),  # focus ring on the page
    ("eqp-focus-ring-color", "md-default-bg-color--light", NON_TEXT),
    ("eqp-focus-ring-color", "md-code-bg-color", NON_TEXT),
    ("eqp-focus-color", "md-primary-fg-color", NON_TEXT),  # focus ring in the header
    ("eqp-focus-color", "md-footer-bg-color", NON_TEXT),
    ("eqp-focus-color", "eqp-focus-ring-color", NON_TEXT),  # the two rings tell apart
)


def colours() -> dict[str, str]:
    found: dict[str, str] = {}
    for sheet in STYLESHEETS:
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for name, value in DECLARATION.findall(text):
            if name in found and found[name] != value:
                pytest.fail(f"--{name} is defined twice with different colours ({found[name]}, {value})")
            found[name] = value
    return found


def rgba(value: str) -> tuple[float, float, float, float]:
    if value.startswith("#"):
        digits = value[1:]
        if len(digits) in (3, 4):
            digits = "".join(d * 2 for d in digits)
        channels = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
        return (*channels[:3], channels[3] if len(channels) == 4 else 1.0)  # type: ignore[return-value]
    parts = [p.strip() for p in value[value.index("(") + 1 : -1].split(",")]
    r, g, b = (float(p) / 255 for p in parts[:3])
    return r, g, b, float(parts[3]) if len(parts) == 4 else 1.0


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio; a translucent foreground is composited over the (opaque) background."""
    fr, fg_, fb, alpha = rgba(fg)
    br, bg_, bb, bg_alpha = rgba(bg)
    assert bg_alpha == 1.0, f"background {bg} must be opaque to be tested"
    mixed = tuple(alpha * f + (1 - alpha) * b for f, b in ((fr, br), (fg_, bg_), (fb, bb)))
    return wcag_contrast_ratio.rgb(mixed, (br, bg_, bb))


def test_the_stylesheets_define_the_palette():
    assert STYLESHEETS, "no eqp-*.css stylesheets found"
    defined = colours()
    missing = sorted({name for pair in PAIRS for name in pair[:2]} - set(defined))
    assert not missing, f"colours tested here but not defined in the stylesheets: {missing}"


def test_every_colour_is_part_of_a_tested_pair():
    paired = {name for pair in PAIRS for name in pair[:2]}
    unpaired = sorted(set(colours()) - paired)
    assert not unpaired, f"add these colours to PAIRS in {Path(__file__).name}: {unpaired}"


@pytest.mark.parametrize("fg,bg,minimum", PAIRS, ids=[f"{f}-on-{b}" for f, b, _ in PAIRS])
def test_contrast(fg, bg, minimum):
    defined = colours()
    ratio = contrast(defined[fg], defined[bg])
    assert ratio >= minimum, f"--{fg} {defined[fg]} on --{bg} {defined[bg]}: {ratio:.2f}:1, needs {minimum}:1"


def test_contrast_arithmetic_matches_wcag_examples():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the classic lightest AA grey on white
    assert contrast("rgba(0, 0, 0, 0.54)", "#ffffff") < 4.8  # Material's translucent grey, composited
