"""The printed report as PDF, typeset with reportlab; charts are the static SVG pictures.

Every chart is drawn from the same SVG a printed dashboard shows (svglib turns it into
reportlab shapes, so it stays sharp at any zoom), with its summary, table and notes.
Arabic is joined and set right to left line by line (surveys.typesetting); DejaVu
carries Arabic, Cyrillic and every Latin letter the nine languages use.
"""

import unicodedata
from collections.abc import Callable
from typing import BinaryIO

from django.utils import formats, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from analytics.charts.pictures import chart_picture
from analytics.figures import Chart, Table
from analytics.reports.document import ChartPart, Heading, Ladder, ReportDocument, Text
from surveys.typesetting import (
    has_right_to_left,
    register_fonts,
    require_drawable,
    visual,
    visual_lines,
)

FONT = "PartReport"
BOLD = "PartReport-Bold"
_FONTS = {FONT: ("DejaVuSans.ttf", "Vera.ttf"), BOLD: ("DejaVuSans-Bold.ttf", "VeraBd.ttf")}
INK = "#1b1b1f"
TINT = "#e8e8ee"
ACCENT = "#0072B2"


def _font_map():
    """Return an svglib font map that draws the pictures' text in the report's fonts."""
    from reportlab.pdfbase import pdfmetrics
    from svglib.fonts import FontMap

    font_map = FontMap()
    for name, weight in ((FONT, "normal"), (BOLD, "bold")):
        font_map.register_font(
            FONT, pdfmetrics.getFont(name).face.filename, weight=weight, rlgFontName=name
        )
    return font_map


def picture_drawing(chart: Chart, *, width: float, font_map):
    """Return the chart's static picture as a reportlab drawing `width` points wide, or None."""
    from lxml import etree
    from svglib.svglib import SvgRenderer

    svg = chart_picture(chart, font_family=FONT)
    if not svg:
        return None
    root = etree.fromstring(svg.encode())
    for element in root.iter("{http://www.w3.org/2000/svg}text"):
        if element.text:
            require_drawable(FONT, element.text)
            element.text = visual(element.text)
    _fill_patterns_plainly(root)
    drawing = SvgRenderer("chart.svg", font_map=font_map).render(root)
    factor = width / drawing.width
    drawing.scale(factor, factor)
    drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
    return drawing


def _fill_patterns_plainly(root) -> None:
    """Fill with a pattern's ground colour what svglib would leave empty (it draws no patterns).

    The map's hatching for withheld quarters then prints as plain grey, still unlike the
    pale "no answers" and still labelled in words.
    """
    namespace = "{http://www.w3.org/2000/svg}"
    grounds = {}
    for pattern in root.iter(f"{namespace}pattern"):
        ground = pattern.find(f"{namespace}rect")
        if ground is not None and ground.get("fill"):
            grounds[f"url(#{pattern.get('id')})"] = ground.get("fill")
    for element in root.iter():
        if element.get("fill") in grounds:
            element.set("fill", grounds[element.get("fill")])


def _has_left_to_right(text: str) -> bool:
    return any(unicodedata.bidirectional(character) == "L" for character in text)


class _Typesetter:
    def __init__(self, document: ReportDocument):
        from reportlab.lib.enums import TA_LEFT, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        self.document = document
        self.right_to_left = translation.get_language_info(document.language)["bidi"]
        alignment = TA_RIGHT if self.right_to_left else TA_LEFT
        base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, alignment=alignment)
        self.styles = self._styles(base)
        # Staff write headings, intros and wave names in German: on an Arabic report they
        # keep their own direction, set from the left, while the interface runs from the right.
        self.left_styles = self._styles(base.clone("body-left", alignment=TA_LEFT))

    @staticmethod
    def _styles(base) -> dict:
        return {
            "body": base,
            "small": base.clone("small", fontSize=8, leading=10.5),
            "lead": base.clone("lead", fontSize=12, leading=17),
            "quote": base.clone("quote", fontSize=11, leading=15, leftIndent=14, rightIndent=14),
            "title": base.clone("title", fontName=BOLD, fontSize=24, leading=30, spaceAfter=10),
            "h1": base.clone("h1", fontName=BOLD, fontSize=16, leading=21, spaceBefore=10),
            "h2": base.clone("h2", fontName=BOLD, fontSize=13, leading=17, spaceBefore=8),
            "cell": base.clone("cell", fontSize=8, leading=10),
            "head": base.clone("head", fontName=BOLD, fontSize=8, leading=10),
        }

    def paragraph(self, text: str, style: str = "body", width: float = 470):
        """Return a paragraph of `text`; Arabic lines come joined and in drawing order."""
        from reportlab.platypus import Paragraph

        text = str(text)
        is_right_to_left = has_right_to_left(text)
        if self.right_to_left and not is_right_to_left and _has_left_to_right(text):
            # Latin letters and no Arabic ones: staff text (a heading, an intro, a wave name).
            style_object = self.left_styles[style]
        else:
            style_object = self.styles[style]
        if is_right_to_left:
            # On a right-to-left report a line runs from the right even when it opens with
            # a German name ("%(title)s: ..."); elsewhere its first letter decides.
            lines = visual_lines(
                text,
                style_object.fontName,
                style_object.fontSize,
                width - 4,
                base_direction="R" if self.right_to_left else None,
            )
        else:
            lines = text.split("\n")
        for line in lines:
            require_drawable(style_object.fontName, line)
        return Paragraph("<br/>".join(escape(line) for line in lines), style_object)

    def table(self, table: Table, width: float):
        from reportlab.lib import colors
        from reportlab.platypus import Table as PdfTable
        from reportlab.platypus import TableStyle

        columns = len(table.headings)
        first = width * (0.34 if columns > 3 else 0.4)
        widths = [first] + [(width - first) / max(1, columns - 1)] * (columns - 1)
        rows = [[self.paragraph(h, "head", w) for h, w in zip(table.headings, widths, strict=True)]]
        rows += [
            [self.paragraph(cell, "cell", w) for cell, w in zip(row, widths, strict=False)]
            for row in table.rows
        ]
        if self.right_to_left:
            # Read from the right: the first column (the labels) stands on the right.
            rows = [list(reversed(row)) for row in rows]
            widths = list(reversed(widths))
        pdf_table = PdfTable(rows, colWidths=widths, repeatRows=1)
        pdf_table.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, 0), 1, colors.HexColor(INK)),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#888888")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return pdf_table

    def ladder(self, ladder: Ladder, width: float):
        from reportlab.lib import colors
        from reportlab.platypus import Table as PdfTable
        from reportlab.platypus import TableStyle

        shown_label = _("figures in this report")
        rows = []
        for rung in ladder.rungs:
            label = rung.label + (f" ({shown_label})" if rung.is_shown else "")
            style = "head" if rung.is_shown else "cell"
            rows.append(
                [
                    self.paragraph(str(rung.number), style, 24),
                    self.paragraph(label, style, width - 110),
                    self.paragraph(rung.level, style, 80),
                ]
            )
        # The ladder climbs: step 7 at the top, as PHINEO draws it.
        rows.reverse()
        widths = [24, width - 104, 80]
        if self.right_to_left:
            rows = [list(reversed(row)) for row in rows]
            widths.reverse()
        table = PdfTable(rows, colWidths=widths)
        commands = [
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#888888")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]
        for index, rung in enumerate(reversed(ladder.rungs)):
            if rung.is_shown:
                commands.append(("BACKGROUND", (0, index), (-1, index), colors.HexColor(TINT)))
        table.setStyle(TableStyle(commands))
        return table


def write_report_pdf(
    document: ReportDocument,
    output: BinaryIO,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Typeset `document` as an A4 PDF into `output`; tell `progress` (done, total) per chart."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, PageBreak, SimpleDocTemplate, Spacer

    register_fonts(_FONTS)
    font_map = _font_map()
    with translation.override(document.language):
        typesetter = _Typesetter(document)
        paragraph = typesetter.paragraph
        width = A4[0] - 40 * mm
        made_on = formats.date_format(document.made_on, "DATE_FORMAT")
        story = [
            Spacer(1, 50 * mm),
            paragraph(document.subtitle, "lead", width),
            paragraph(document.title, "title", width),
        ]
        if document.intro:
            story += [Spacer(1, 6 * mm), paragraph(document.intro, "lead", width)]
        story += [
            Spacer(1, 12 * mm),
            paragraph(_("As of %(date)s") % {"date": made_on}, "body", width),
        ]
        if document.source:
            story.append(paragraph(_("Online: %(address)s") % {"address": document.source}))
        story.append(
            paragraph(
                _(
                    "Every figure in this report is published: groups of fewer than %(k)s "
                    "people are never shown."
                )
                % {"k": document.min_cell_size},
                "small",
                width,
            )
        )
        if document.ladder is not None:
            story += [
                PageBreak(),
                paragraph(_("The impact ladder"), "h1", width),
                paragraph(document.ladder.caption, "body", width),
                Spacer(1, 4 * mm),
                typesetter.ladder(document.ladder, width),
            ]
        story.append(PageBreak())
        total, done = document.chart_count, 0
        for part in document.parts:
            if isinstance(part, Heading):
                story += [
                    CondPageBreak(60 * mm),
                    paragraph(part.text, "h1" if part.level <= 1 else "h2", width),
                ]
            elif isinstance(part, Text):
                story.append(paragraph(part.text, "quote" if part.is_quote else "body", width))
                story.append(Spacer(1, 2 * mm))
            elif isinstance(part, Ladder):
                story.append(typesetter.ladder(part, width))
            elif isinstance(part, ChartPart):
                story += _chart_flowables(typesetter, part.chart, width, font_map)
                done += 1
                if progress is not None:
                    progress(done, total)
        story += [
            PageBreak(),
            paragraph(_("Method and protection of privacy"), "h1", width),
        ]
        for note in document.notes:
            story += [paragraph(note, "body", width), Spacer(1, 3 * mm)]

        def footer(canvas, template):
            canvas.saveState()
            canvas.setFont(FONT, 8)
            line = visual(
                pgettext("report footer", "%(title)s · as of %(date)s · page %(page)s")
                % {"title": document.title, "date": made_on, "page": template.page}
            )
            if typesetter.right_to_left:
                canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, line)
            else:
                canvas.drawString(20 * mm, 12 * mm, line)
            canvas.restoreState()

        template = SimpleDocTemplate(
            output,
            pagesize=A4,
            title=document.title,
            subject=document.subtitle,
            lang=document.language,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=18 * mm,
            bottomMargin=20 * mm,
        )
        template.build(story, onFirstPage=footer, onLaterPages=footer)


def _chart_flowables(typesetter, chart: Chart, width: float, font_map) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

    paragraph = typesetter.paragraph
    head = [paragraph(chart.title, "h2", width)]
    if chart.subtitle:
        head.append(paragraph(chart.subtitle, "small", width))
    head.append(paragraph(chart.summary, "body", width))
    drawing = picture_drawing(chart, width=min(width, 150 * mm), font_map=font_map)
    if drawing is not None:
        head += [Spacer(1, 2 * mm), drawing]
    flowables = [CondPageBreak(70 * mm), KeepTogether(head), Spacer(1, 3 * mm)]
    if chart.table.rows:
        if chart.table.caption != chart.title:
            flowables.append(paragraph(chart.table.caption, "head", width))
        flowables.append(typesetter.table(chart.table, width))
    if chart.note:
        flowables += [Spacer(1, 2 * mm), paragraph(chart.note, "small", width)]
    return flowables + [Spacer(1, 8 * mm)]
