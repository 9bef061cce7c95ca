"""Fonts and right-to-left text for the PDFs drawn with reportlab.

reportlab draws the characters it is given from left to right, one glyph each: it
neither joins Arabic letters into their connected forms nor reverses right-to-left
runs. `visual` does both (arabic-reshaper picks each letter's joined form, python-bidi
puts the line into the order it is seen in), so a line can be drawn as it is.

python-bidi's own order (its Rust algorithm, the one that knows isolates) leaves
brackets and quotation marks unmirrored, so "(41 %)" in an Arabic line would print as
")41 %(". `_drawing_order` therefore takes only the levels from python-bidi and orders
and mirrors the line itself (rules L2 and L4 of the Unicode bidirectional algorithm).
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

# Debian's fonts-dejavu covers Turkish, Polish, Romanian, Cyrillic and Arabic letters
# (with the joined presentation forms); reportlab's own Vera (always there) only
# Western European ones.
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_RIGHT_TO_LEFT = {"R", "AL", "AN"}
# Left-to-right isolate and its end: an address inside an Arabic sentence keeps its
# own order, trailing slash included. Removed once the line is ordered.
_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def isolate(text: str) -> str:
    """Mark `text` (an address, a code) to stay left to right inside any sentence."""
    return f"\u2066{text}\u2069"


def register_fonts(fonts: dict[str, tuple[str, str]]) -> None:
    """Register each font name with Debian's DejaVu file, or reportlab's Vera without it."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, (dejavu, vera) in fonts.items():
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        path = _DEJAVU / dejavu
        if not path.exists():
            path = Path(rl_config.__file__).parent / "fonts" / vera
        pdfmetrics.registerFont(TTFont(name, str(path)))


def has_right_to_left(text: str) -> bool:
    """Return whether `text` holds any right-to-left letter (Arabic, Hebrew, ...)."""
    return any(unicodedata.bidirectional(character) in _RIGHT_TO_LEFT for character in text)


@lru_cache(maxsize=256)
def visual(text: str, base_direction: str | None = None) -> str:
    """Return one line of text in the order and letter forms it is drawn in.

    Left-to-right text comes back unchanged; a line with Arabic comes back with its
    letters joined and its runs reversed, numbers and Latin words kept readable. The
    line's direction follows its first letter, unless `base_direction` ("L" or "R")
    says otherwise (a German "2 = …" code line with an Arabic label is "L").
    """
    if not has_right_to_left(text):
        return text.translate(_ISOLATES)
    import arabic_reshaper
    from bidi import get_display

    shaped = arabic_reshaper.reshape(text)
    try:
        return _drawing_order(shaped, base_direction).translate(_ISOLATES)
    except ValueError:
        # Levels in a form this code does not know: the order is right, brackets unmirrored.
        return get_display(shaped, base_dir=base_direction).translate(_ISOLATES)


_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


def _levels(text: str, base_direction: str | None) -> list[int]:
    """Return the embedding level of each character, as python-bidi resolves it."""
    from bidi import get_display

    # With debug=True python-bidi returns its analysis, with one level per UTF-8 byte.
    analysis = get_display(text, base_dir=base_direction, debug=True)
    if not isinstance(analysis, str) or "levels:" not in analysis:
        raise ValueError("python-bidi gave no levels")
    byte_levels = [
        int(level)
        for level in _LEVEL.findall(analysis.split("levels:", 1)[1].split("paragraphs:", 1)[0])
    ]
    levels, offset = [], 0
    for character in text:
        if offset >= len(byte_levels):
            raise ValueError("fewer levels than characters")
        levels.append(byte_levels[offset])
        offset += len(character.encode())
    if offset != len(byte_levels):
        raise ValueError("more levels than characters")
    return levels


def _drawing_order(text: str, base_direction: str | None) -> str:
    """Return one line in drawing order, mirrored where it runs right to left."""
    from bidi.mirror import MIRRORED

    levels = _levels(text, base_direction)
    characters = [
        MIRRORED.get(character, character) if level % 2 else character
        for character, level in zip(text, levels, strict=True)
    ]
    odd = [level for level in levels if level % 2]
    if not odd:
        return "".join(characters)
    # L2: from the highest level down to the lowest odd one, reverse every run at or above it.
    for level in range(max(levels), min(odd) - 1, -1):
        start = 0
        while start < len(levels):
            if levels[start] < level:
                start += 1
                continue
            end = start
            while end < len(levels) and levels[end] >= level:
                end += 1
            characters[start:end] = characters[start:end][::-1]
            levels[start:end] = levels[start:end][::-1]
            start = end
    return "".join(characters)


def can_draw(font_name: str, text: str) -> bool:
    """Return whether a registered font has a glyph for every letter of `text`."""
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(font_name).face
    widths = getattr(face, "charWidths", None)
    if widths is None:
        return True
    return all(ord(character) in widths for character in visual(text) if not character.isspace())


class MissingGlyphs(Exception):
    """A PDF would lose letters: its font has no glyph for some of them."""


def require_drawable(font_name: str, text: str) -> str:
    """Return `text` if `font_name` can draw every letter of it, else raise MissingGlyphs.

    A font without a letter draws an empty box or nothing, and a printed code card or
    codebook silently loses words; failing here names the letters and the fix.
    """
    if can_draw(font_name, text):
        return text
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(font_name).face
    missing = sorted({c for c in visual(text) if not c.isspace() and ord(c) not in face.charWidths})
    raise MissingGlyphs(
        f"The font {font_name} ({face.name}) has no glyph for {''.join(missing)!r} "
        f"(in {text!r}); install Debian's fonts-dejavu-core."
    )


def visual_lines(
    text: str, font_name: str, size: float, width: float, base_direction: str | None = None
) -> list[str]:
    """Return `text` broken into lines no wider than `width`, each in drawing order.

    Right-to-left text must be broken into lines before its runs are reversed, or the
    end of a sentence would land on its first line; left-to-right text comes back as
    its own lines, for the caller's usual wrapping.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if not has_right_to_left(text):
        return text.split("\n")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and stringWidth(visual(candidate), font_name, size) > width:
                lines.append(visual(line, base_direction))
                line = word
            else:
                line = candidate
        lines.append(visual(line, base_direction))
    return lines
