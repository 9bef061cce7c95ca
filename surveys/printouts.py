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

from surveys.typesetting import has_right_to_left, isolate, register_fonts, visual

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


# The paper questionnaire: numbered like the entry form, so staff type what they see.
_PAPER_FONTS = {
    "PartPaper": ("DejaVuSans.ttf", "Vera.ttf"),
    "PartPaper-Bold": ("DejaVuSans-Bold.ttf", "VeraBd.ttf"),
}
_MARGIN = 16 * mm
_BOX = 3.6 * mm
_LINE = 4.6 * mm
PAPER_SHEETS_AT_ONCE = 300


class _PaperLayout:
    """Cut the questionnaire into blocks (one question each) and lay them out on pages.

    Every copy has the same pages; only the sheet number in the corner changes, so the
    layout is made once and drawn once per copy.
    """

    def __init__(self, page, language: str, width: float):
        self.page = page
        self.language = language
        self.width = width

    def lines(self, text: str, font: str, size: float, width: float) -> list[str]:
        from reportlab.lib.utils import simpleSplit

        return [
            visual(line)
            for paragraph in text.splitlines()
            for line in simpleSplit(paragraph, font, size, width)
        ] or [""]

    def text(self, x, y, line, font="PartPaper", size=10, width=None):
        self.page.setFont(font, size)
        # Each line keeps its own direction: German questions stay left on an Arabic sheet.
        if has_right_to_left(line):
            self.page.drawRightString(x + (width or self.width), y, line)
        else:
            self.page.drawString(x, y, line)

    def box(self, x, y):
        self.page.setLineWidth(0.8)
        self.page.rect(x, y - 0.8 * mm, _BOX, _BOX)


def _paper_blocks(layout: _PaperLayout, structure, language: str) -> list[tuple[float, Callable]]:
    """Return (height, draw(x, top)) for the introduction and every question."""
    from surveys import paper as typing_rules

    width = layout.width
    blocks: list[tuple[float, Callable]] = []
    questionnaire = structure.questionnaire
    intro = questionnaire.translated("intro", language) if hasattr(questionnaire, "intro") else ""
    help_lines = layout.lines(
        _(
            "Please tick one box per question, unless it says several. If you do not want "
            "to answer a question, leave it empty or tick “prefer not to say”. "
            "Your answers are anonymous: please do not write your name on the sheet."
        ),
        "PartPaper",
        9,
        width,
    )
    intro_lines = layout.lines(intro, "PartPaper", 10, width) if intro else []

    def draw_intro(x, top):
        y = top
        for line in intro_lines:
            layout.text(x, y, line, size=10)
            y -= _LINE
        y -= 1 * mm
        for line in help_lines:
            layout.text(x, y, line, size=9)
            y -= 4 * mm

    blocks.append(((len(intro_lines) * _LINE) + len(help_lines) * 4 * mm + 4 * mm, draw_intro))
    decline_label = visual(_("prefer not to say"))
    for field in typing_rules.paper_fields(structure, {}, {}):
        question = field.question
        title = layout.lines(
            f"{field.number}. {question.translated('text', language)}", "PartPaper-Bold", 10, width
        )
        help_text = question.translated("help_text", language) if question.help_text else ""
        notes = layout.lines(help_text, "PartPaper", 8, width) if help_text else []
        if question.is_multiple:
            notes += layout.lines(_("Several answers possible."), "PartPaper", 8, width)
        options = structure.options.get(question.pk, [])
        rows = field.rows
        labels = [visual(option.translated("label", language)) for option in options]
        offers_decline = question.allows_decline or any(row.question.allows_decline for row in rows)
        head = len(title) * _LINE + len(notes) * 4 * mm + 1.5 * mm

        if question.kind == question.Kind.MATRIX:
            columns = labels + ([decline_label] if offers_decline else [])
            label_width = width * 0.42
            column_width = (width - label_width) / max(1, len(columns))
            header_lines = [
                layout.lines(label, "PartPaper", 7, column_width - 1 * mm) for label in columns
            ]
            header_height = max(len(lines) for lines in header_lines) * 3.2 * mm + 3.5 * mm
            row_texts = [
                layout.lines(
                    f"{row.number} {row.question.translated('text', language)}",
                    "PartPaper",
                    9,
                    label_width - 2 * mm,
                )
                for row in rows
            ]
            row_heights = [max(len(lines) * 4 * mm, 6 * mm) + 1 * mm for lines in row_texts]

            def draw_matrix(
                x,
                top,
                title=title,
                notes=notes,
                header_lines=header_lines,
                header_height=header_height,
                row_texts=row_texts,
                row_heights=row_heights,
                column_width=column_width,
                label_width=label_width,
                columns=columns,
                offers_decline=offers_decline,
            ):
                y = top
                for line in title:
                    layout.text(x, y, line, "PartPaper-Bold", 10)
                    y -= _LINE
                for line in notes:
                    layout.text(x, y, line, size=8)
                    y -= 4 * mm
                y -= 1 * mm
                for place, lines in enumerate(header_lines):
                    centre = x + label_width + (place + 0.5) * column_width
                    is_decline = offers_decline and place == len(columns) - 1
                    number = typing_rules.DECLINE_MARK if is_decline else str(place + 1)
                    layout.page.setFont("PartPaper-Bold", 8)
                    layout.page.drawCentredString(centre, y, number)
                    for line_number, line in enumerate(lines):
                        layout.page.setFont("PartPaper", 7)
                        layout.page.drawCentredString(
                            centre, y - (line_number + 1) * 3.2 * mm, line
                        )
                y -= header_height
                for row_number, (lines, height) in enumerate(
                    zip(row_texts, row_heights, strict=True)
                ):
                    if row_number % 2 == 0:
                        layout.page.setFillGray(0.93)
                        layout.page.rect(x, y - height + 3.5 * mm, width, height, stroke=0, fill=1)
                        layout.page.setFillGray(0)
                    for line_number, line in enumerate(lines):
                        layout.text(
                            x + 1 * mm,
                            y - line_number * 4 * mm,
                            line,
                            size=9,
                            width=label_width - 2 * mm,
                        )
                    for place in range(len(columns)):
                        centre = x + label_width + (place + 0.5) * column_width
                        layout.box(centre - _BOX / 2, y)
                    y -= height

            blocks.append((head + header_height + sum(row_heights) + 3 * mm, draw_matrix))
            continue

        if question.has_options:
            choices = [(str(place), label) for place, label in enumerate(labels, start=1)]
            if question.allows_decline:
                choices.append((typing_rules.DECLINE_MARK, decline_label))
            asks_text = [option.asks_for_text for option in options] + [False]
            body_height = len(choices) * 5.5 * mm + sum(asks_text) * 5 * mm

            def draw_choice(x, top, title=title, notes=notes, choices=choices, asks_text=asks_text):
                y = top
                for line in title:
                    layout.text(x, y, line, "PartPaper-Bold", 10)
                    y -= _LINE
                for line in notes:
                    layout.text(x, y, line, size=8)
                    y -= 4 * mm
                y -= 1.5 * mm
                for (number, label), wants_text in zip(choices, asks_text, strict=False):
                    layout.box(x + 2 * mm, y)
                    layout.page.setFont("PartPaper", 7)
                    layout.page.drawString(x + 2 * mm + _BOX + 1.5 * mm, y, number)
                    layout.text(
                        x + 2 * mm + _BOX + 5.5 * mm, y, label, size=9.5, width=width - 12 * mm
                    )
                    y -= 5.5 * mm
                    if wants_text:
                        layout.page.setLineWidth(0.4)
                        layout.page.line(x + 12 * mm, y + 0.5 * mm, x + width * 0.7, y + 0.5 * mm)
                        y -= 5 * mm

            blocks.append((head + body_height + 2 * mm, draw_choice))
            continue

        if question.kind == question.Kind.SCALE_0_10:
            extra = 1 if question.allows_decline else 0

            def draw_scale(x, top, title=title, notes=notes, extra=extra):
                y = top
                for line in title:
                    layout.text(x, y, line, "PartPaper-Bold", 10)
                    y -= _LINE
                for line in notes:
                    layout.text(x, y, line, size=8)
                    y -= 4 * mm
                y -= 2 * mm
                step = min(14 * mm, width / (11 + extra))
                for number in range(11):
                    layout.box(x + 2 * mm + number * step, y)
                    layout.page.setFont("PartPaper", 8)
                    layout.page.drawCentredString(
                        x + 2 * mm + number * step + _BOX / 2, y - 4.5 * mm, str(number)
                    )
                if extra:
                    position = x + 2 * mm + 11 * step + 4 * mm
                    layout.box(position, y)
                    layout.page.setFont("PartPaper", 8)
                    layout.page.drawString(
                        position + _BOX + 1.5 * mm,
                        y,
                        f"{typing_rules.DECLINE_MARK} {decline_label}",
                    )

            blocks.append((head + 10 * mm, draw_scale))
            continue

        line_count = {question.Kind.NUMBER: 1, question.Kind.SHORT_TEXT: 2}.get(question.kind, 4)

        def draw_writing(
            x, top, title=title, notes=notes, line_count=line_count, kind=question.kind
        ):
            y = top
            for line in title:
                layout.text(x, y, line, "PartPaper-Bold", 10)
                y -= _LINE
            for line in notes:
                layout.text(x, y, line, size=8)
                y -= 4 * mm
            layout.page.setLineWidth(0.4)
            if kind == "number":
                layout.page.rect(x + 2 * mm, y - 6 * mm, 25 * mm, 7.5 * mm)
                return
            for _line in range(line_count):
                y -= 7 * mm
                layout.page.line(x + 2 * mm, y, x + width, y)

        blocks.append((head + line_count * 7 * mm + 3 * mm, draw_writing))
    return blocks


def paper_questionnaire(
    *, wave, structure, first_sheet: int, count: int, language: str, output: BinaryIO | None = None
) -> bytes:
    """Return a PDF of `count` numbered copies of a wave's questionnaire for paper.

    Every page carries the wave, the sheet number (from `first_sheet` on) and "page n
    of m", so a loose page finds its sheet again. Questions and answers are numbered as
    in the entry form: staff type the number beside the ticked box, "x" for a ticked
    "prefer not to say", nothing for an empty question.
    """
    register_fonts(_PAPER_FONTS)
    buffer = output or io.BytesIO()
    width, height = A4
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setTitle(f"{wave.title} · {_('paper questionnaire')}")
    with translation.override(language):
        layout = _PaperLayout(page, language, width - 2 * _MARGIN)
        blocks = _paper_blocks(layout, structure, language)
        top_of_page, bottom = height - _MARGIN - 16 * mm, _MARGIN + 10 * mm
        pages: list[list[tuple[float, Callable]]] = [[]]
        space = top_of_page - bottom
        for block_height, draw in blocks:
            if block_height > space and pages[-1]:
                pages.append([])
                space = top_of_page - bottom
            pages[-1].append((block_height, draw))
            space -= block_height + 3 * mm
        title = visual(f"{wave.title} ({wave.label})" if getattr(wave, "label", "") else wave.title)
        for sheet in range(first_sheet, first_sheet + count):
            sheet_text = _("Sheet no. %(number)s") % {"number": sheet}
            sheet_label = visual(sheet_text)
            for page_number, blocks_on_page in enumerate(pages, start=1):
                page.setFillGray(0)
                page.setFont("PartPaper-Bold", 12)
                page.drawString(_MARGIN, height - _MARGIN - 4 * mm, title[:70])
                page.setLineWidth(1.2)
                label_width = page.stringWidth(sheet_label, "PartPaper-Bold", 12) + 6 * mm
                page.rect(
                    width - _MARGIN - label_width, height - _MARGIN - 7 * mm, label_width, 9 * mm
                )
                page.drawRightString(
                    width - _MARGIN - 3 * mm, height - _MARGIN - 4 * mm, sheet_label
                )
                page.setLineWidth(0.5)
                page.line(
                    _MARGIN, height - _MARGIN - 10 * mm, width - _MARGIN, height - _MARGIN - 10 * mm
                )
                page.setFont("PartPaper", 8)
                footer = visual(
                    _("%(sheet)s · page %(page)s of %(pages)s")
                    % {"sheet": sheet_text, "page": page_number, "pages": len(pages)}
                )
                page.drawCentredString(width / 2, _MARGIN, footer)
                y = top_of_page
                for block_height, draw in blocks_on_page:
                    draw(_MARGIN, y)
                    y -= block_height + 3 * mm
                page.showPage()
    page.save()
    return b"" if output is not None else buffer.getvalue()
