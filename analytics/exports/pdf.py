"""The codebook as PDF, drawn with reportlab (pure Python, no system libraries)."""

from django.utils import formats
from django.utils.html import escape
from django.utils.translation import gettext as _

from analytics.exports.codebook import DECLINED_CODE
from analytics.exports.writers import CodebookWriter
from surveys.typesetting import (
    has_right_to_left,
    register_fonts,
    require_drawable,
    visual_lines,
)

# Debian's DejaVu covers umlauts, Arabic and Cyrillic letters; Vera only Western European.
FONT_NAME = "PartCodebook"


def _register_font() -> str:
    register_fonts({FONT_NAME: ("DejaVuSans.ttf", "Vera.ttf")})
    return FONT_NAME


class CodebookPdfWriter(CodebookWriter):
    suffix = "pdf"

    def close(self) -> None:
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_RIGHT
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.lib.units import cm
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

        font = _register_font()
        styles = getSampleStyleSheet()
        for style in styles.byName.values():
            style.fontName = font
        body, heading, title = styles["BodyText"], styles["Heading2"], styles["Title"]
        small = styles["BodyText"].clone("small", fontSize=8, leading=10)

        def para(text, style=small, width=8 * cm, base_direction=None):
            # Arabic is joined and ordered line by line (surveys.typesetting); a label
            # wholly in Arabic is set right to left, a German "2 = …" line left to right.
            text = str(text)
            lines = visual_lines(text, font, style.fontSize, width - 12, base_direction)
            if base_direction is None and has_right_to_left(text):
                style = style.clone(f"{style.name}-rtl", alignment=TA_RIGHT)
            for line in lines:
                require_drawable(font, line)
            return Paragraph("<br/>".join(escape(line) for line in lines), style)

        codebook = self.codebook
        story = [
            para(_("Codebook: %(wave)s") % {"wave": codebook.wave}, title, width=17 * cm),
            para(
                _(
                    "%(count)s responses; questionnaire versions %(versions)s. "
                    "One row per response. Empty cells: not answered. "
                    "Code %(declined)s: “prefer not to say” (user-missing in SPSS)."
                )
                % {
                    "count": formats.number_format(codebook.response_count),
                    "versions": ", ".join(str(v) for v in codebook.versions),
                    "declined": DECLINED_CODE,
                },
                body,
            ),
            Spacer(1, 0.4 * cm),
            para(_("Variables"), heading, width=17 * cm),
        ]
        rows = [[para(_("Variable")), para(_("Question / label")), para(_("Codes"))]]
        for variable in codebook.variables:
            label = variable.label
            if variable.was_renamed:
                label += "\n" + _("Renamed from “%(name)s”.") % {"name": variable.original_name}
            codes = "\n".join(f"{code} = {text}" for code, text in variable.codes.items())
            rows.append(
                [
                    para(variable.name, width=4.5 * cm),
                    para(label),
                    para(codes, width=4.5 * cm, base_direction="L"),
                ]
            )
        table = Table(rows, colWidths=[4.5 * cm, 8 * cm, 4.5 * cm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8ee")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
        if codebook.scales:
            story += [Spacer(1, 0.4 * cm), para(_("Scales"), heading, width=17 * cm)]
            for scale in codebook.scales:
                story.append(
                    para(
                        _(
                            "%(name)s (%(key)s): %(scoring)s; at least %(min)s answered items. "
                            "Items: %(items)s."
                        )
                        % {
                            "name": scale.name,
                            "key": scale.key,
                            "scoring": scale.scoring,
                            "min": scale.min_answered,
                            "items": ", ".join(scale.items),
                        },
                        body,
                    )
                )
                for name, label, scoring in scale.scores:
                    story.append(para(f"{name}: {label} ({scoring})", body))
        SimpleDocTemplate(
            str(self.path), pagesize=A4, title=_("Codebook"), leftMargin=2 * cm, rightMargin=2 * cm
        ).build(story)
