"""The typeset PDF report: each paragraph set in its own direction on an Arabic report."""

import datetime
import io
import re
import shutil
import subprocess
import unicodedata

import pytest

from analytics.reports.document import Heading, ReportDocument, Text
from analytics.reports.pdf import write_report_pdf
from tests.conftest import need

GERMAN_HEADING = "Beteiligung im Quartier"
GERMAN_INTRO = "Was junge Menschen in Altenhagen und Wehringhausen sagen."
# A4 is 595.3 points wide; the report keeps 20 mm (56.7 points) on either side and
# reportlab's frame pads it by 6 more.
TEXT_LEFT = 56.7 + 6
TEXT_RIGHT = 595.3 - 56.7 - 6


@pytest.fixture
def arabic_report_words(tmp_path) -> list[tuple[float, float, str]]:
    """Typeset an Arabic report of German staff text; return each word with its left and right."""
    need(shutil.which("pdftotext") is not None, "this test needs poppler-utils")
    document = ReportDocument(
        title="Wirkung 2026",
        subtitle="تقرير عن النتائج",
        made_on=datetime.date(2026, 12, 6),
        language="ar",
        intro=GERMAN_INTRO,
        parts=[Heading(GERMAN_HEADING), Text("Die zweite Welle lief im Herbst.")],
    )
    output = io.BytesIO()
    write_report_pdf(document, output)
    path = tmp_path / "report.pdf"
    path.write_bytes(output.getvalue())
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / "page")], check=True)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        (float(left), float(right), word)
        for left, right, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            html,
        )
    ]


def _starts_at_the_left_margin(words, first_word: str) -> bool:
    left = next(left for left, _right, word in words if word == first_word)
    return abs(left - TEXT_LEFT) < 2


def test_german_staff_headings_on_an_arabic_report_are_set_from_the_left(arabic_report_words):
    assert _starts_at_the_left_margin(arabic_report_words, GERMAN_HEADING.split()[0])


def test_a_german_intro_on_an_arabic_report_is_set_from_the_left(arabic_report_words):
    assert _starts_at_the_left_margin(arabic_report_words, GERMAN_INTRO.split()[0])


def test_the_arabic_interface_text_of_the_report_is_set_from_the_right(arabic_report_words):
    # "Report on the results", drawn in joined letter forms in the order they are seen.
    right = next(
        right
        for _left, right, word in arabic_report_words
        if unicodedata.normalize("NFKC", word)[::-1] == "تقرير"
    )

    assert abs(right - TEXT_RIGHT) < 2
