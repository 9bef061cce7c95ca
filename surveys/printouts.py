"""Printouts for outreach: a sheet of cut-out code cards, and QR posters per venue.

Drawn with reportlab (pure Python); the QR codes come from the qrcode package. Nothing is kept: the
PDF goes to the member of staff once, and only the codes' hashes stay behind.
"""

import io
from collections.abc import Callable
from typing import BinaryIO

import qrcode
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from surveys.typesetting import isolate, register_fonts, visual

_FONTS = {
    "PartCard": ("DejaVuSans.ttf", "Vera.ttf"),
    "PartCard-Bold": ("DejaVuSans-Bold.ttf", "VeraBd.ttf"),
    "PartCard-Code": ("DejaVuSansMono-Bold.ttf", "VeraBd.ttf"),
}
POSTER_SIZES = {"A4": A4, "A3": A3}
# Leichte Sprache is German and already on every card.
CARD_LANGUAGES = [
    (code, name) for code, name in settings.LANGUAGES if code not in {"de", "de-x-ls"}
]

_QUIET_ZONE = 4
_COLUMNS, _ROWS = 2, 5
CARDS_PER_PAGE = _COLUMNS * _ROWS
_CARD_WIDTH, _CARD_HEIGHT = 90 * mm, 55 * mm


def _draw_qr(page, url: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of `url` as one filled path: each run of dark modules one bar.

    Drawing row runs straight onto the canvas is about twenty times faster than
    reportlab's widget, which makes one shape per module and encodes twice.
    """
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    # The standard quiet zone of four light modules on every side lies inside `size`.
    module = size / (len(matrix) + 2 * _QUIET_ZONE)
    x, y = x + _QUIET_ZONE * module, y + _QUIET_ZONE * module
    inner = len(matrix) * module
    path = page.beginPath()
    for row_number, row in enumerate(matrix):
        top = y + inner - (row_number + 1) * module
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            path.rect(x + start * module, top, (column - start) * module, module)
    page.setFillGray(0)
    page.drawPath(path, stroke=0, fill=1)


def _card_lines(language: str, code_url: str) -> list[tuple[str, bool]]:
    """Return the instruction lines in `language`, drawn-ready, each with "is right to left"."""
    with translation.override(language):
        lines = [
            _("Scan the QR code, or type the code at %(address)s.")
            % {"address": isolate(code_url)},
            _("Your answers are anonymous. The code works once."),
        ]
        right_to_left = translation.get_language_bidi()
    return [(visual(line), right_to_left) for line in lines]


def _fit(page, text: str, font: str, size: float, width: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > 5 and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def card_sheet(
    *,
    wave,
    venue: str,
    codes: list[str],
    survey_url: str,
    code_url: str,
    language: str,
    output: BinaryIO | None = None,
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """Return a PDF of cut-out cards, ten to an A4 page, one code on each.

    With `output` the PDF is written there (and nothing returned); `progress` is told
    after every page how many cards are drawn.
    """
    register_fonts(_FONTS)
    buffer = output or io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setTitle(f"{wave.title} · {venue}")
    page_width, page_height = A4
    left = (page_width - _COLUMNS * _CARD_WIDTH) / 2
    bottom = (page_height - _ROWS * _CARD_HEIGHT) / 2
    lines = _card_lines("de", code_url) + _card_lines(language, code_url)
    for start in range(0, len(codes), CARDS_PER_PAGE):
        if start:
            page.showPage()
        for place, code in enumerate(codes[start : start + CARDS_PER_PAGE]):
            column, row = place % _COLUMNS, place // _COLUMNS
            x = left + column * _CARD_WIDTH
            y = bottom + (_ROWS - 1 - row) * _CARD_HEIGHT
            _draw_card(page, x, y, wave, venue, code, survey_url, lines)
        if progress is not None:
            progress(min(len(codes), start + CARDS_PER_PAGE))
    page.save()
    return b"" if output is not None else buffer.getvalue()


def _draw_card(page, x, y, wave, venue, code, survey_url, lines) -> None:
    page.setDash(3, 3)
    page.setLineWidth(0.4)
    page.setStrokeGray(0.6)
    page.rect(x, y, _CARD_WIDTH, _CARD_HEIGHT)
    page.setDash()
    padding = 4 * mm
    qr_size = 32 * mm
    _draw_qr(
        page,
        f"{survey_url}?code={code}",
        x + padding - 2 * mm,
        y + _CARD_HEIGHT - qr_size - 3 * mm,
        qr_size,
    )
    text_x = x + padding + qr_size - 2 * mm
    text_width = x + _CARD_WIDTH - padding - text_x
    page.setFillGray(0)
    title_size = _fit(page, wave.title, "PartCard-Bold", 11, text_width)
    page.setFont("PartCard-Bold", title_size)
    page.drawString(text_x, y + _CARD_HEIGHT - 9 * mm, wave.title)
    page.setFont("PartCard", 7)
    page.drawString(text_x, y + _CARD_HEIGHT - 13 * mm, venue[:40])
    code_size = _fit(page, code, "PartCard-Code", 15, text_width)
    page.setFont("PartCard-Code", code_size)
    page.drawString(text_x, y + _CARD_HEIGHT - 24 * mm, code)
    line_y = y + 15 * mm
    for number, (line, right_to_left) in enumerate(lines):
        if number == 2:
            line_y -= 1.5 * mm
        size = _fit(page, line, "PartCard", 7, _CARD_WIDTH - 2 * padding)
        page.setFont("PartCard", size)
        if right_to_left:
            page.drawRightString(x + _CARD_WIDTH - padding, line_y, line)
        else:
            page.drawString(x + padding, line_y, line)
        line_y -= 3.2 * mm


def poster(*, wave, venue: str, survey_url: str, size: str, language: str) -> bytes:
    """Return a one-page PDF poster with the survey's QR code, in German and `language`."""
    register_fonts(_FONTS)
    width, height = POSTER_SIZES[size]
    scale = width / A4[0]
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width, height))
    page.setTitle(f"{wave.title} · {venue}")
    margin = 18 * mm * scale
    text_width = width - 2 * margin
    texts = []
    for code in dict.fromkeys(["de", language]):
        with translation.override(code):
            texts.append(
                (
                    visual(_("Have your say about your quarter!")),
                    visual(
                        _("Scan the code with your phone. It takes 5 minutes and is anonymous.")
                    ),
                )
            )
    top = height - margin
    heading, lead = texts[0]
    page.setFont("PartCard-Bold", _fit(page, heading, "PartCard-Bold", 30 * scale, text_width))
    page.drawCentredString(width / 2, top - 24 * scale, heading)
    page.setFont("PartCard-Bold", _fit(page, wave.title, "PartCard-Bold", 22 * scale, text_width))
    page.drawCentredString(width / 2, top - 56 * scale, wave.title)
    page.setFont("PartCard", _fit(page, lead, "PartCard", 14 * scale, text_width))
    page.drawCentredString(width / 2, top - 80 * scale, lead)
    qr_size = 120 * mm * scale
    qr_bottom = (height - qr_size) / 2 - 10 * mm * scale
    _draw_qr(page, survey_url, (width - qr_size) / 2, qr_bottom, qr_size)
    page.setFont("PartCard", _fit(page, survey_url, "PartCard", 13 * scale, text_width))
    page.drawCentredString(width / 2, qr_bottom - 6 * mm * scale, survey_url)
    if len(texts) > 1:
        heading, lead = texts[1]
        page.setFont("PartCard-Bold", _fit(page, heading, "PartCard-Bold", 20 * scale, text_width))
        page.drawCentredString(width / 2, margin + 34 * scale, heading)
        page.setFont("PartCard", _fit(page, lead, "PartCard", 12 * scale, text_width))
        page.drawCentredString(width / 2, margin + 16 * scale, lead)
    page.setFont("PartCard", 9 * scale)
    page.drawCentredString(width / 2, margin - 4 * scale, venue)
    page.save()
    return buffer.getvalue()
