"""A funder prints the impact dashboard: every chart readable on paper, no form, no button.

Chromium prints the page to PDF as "Save as PDF" does; pdftotext reads what is on the
paper and pdftoppm renders the pages to PNG (test-artifacts/impact-dashboard-print-*.png).
"""
# ruff: noqa: F811 (the fixtures imported below are used as arguments)

import subprocess

import pytest

from tests.browser.conftest import ARTIFACTS, DESKTOP
from tests.browser.test_site_pages import (  # noqa: F401 (fixtures)
    _leave_the_database_as_migrations_made_it,
    demo_site,
    open_context,
)

pytestmark = pytest.mark.browser

STORY = "/dashboards/wirkung-2026/"
CHARTS_WITH_A_PICTURE = 5
STATEMENT = "In meinem Quartier wird auf die Meinung junger Menschen gehört."
_printed = {}


@pytest.fixture
def printed(request, live_server, open_context):
    """Print the impact dashboard once per module; return its PDF text and the print view."""
    if not _printed:
        request.getfixturevalue("demo_site")
        _, page = open_context(DESKTOP)
        page.goto(live_server.url + STORY)
        page.locator(".chart__plot--drawn .main-svg").first.wait_for()
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / "impact-dashboard-print.pdf"
        page.pdf(path=str(path), format="A4")
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", str(path), str(ARTIFACTS / "impact-dashboard-print")],
            check=True,
        )
        page.emulate_media(media="print")
        _printed["text"] = subprocess.run(
            ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
        _printed["pictures"] = page.locator(".chart__static svg").evaluate_all(
            "svgs => svgs.filter(svg => svg.getBoundingClientRect().width > 0)"
            ".map(svg => [...svg.querySelectorAll('text')].map(text => text.textContent))"
        )
    return _printed


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_every_chart_is_printed_as_a_picture(printed):
    assert len(printed["pictures"]) == CHARTS_WITH_A_PICTURE


def test_the_printed_agreement_chart_names_each_statement_above_its_bar(printed):
    # The table wraps a statement in its narrow first column; the picture writes it whole.
    assert STATEMENT in _lines(printed["text"])


def test_the_printed_agreement_chart_names_each_answer_once(printed):
    agreement = next(texts for texts in printed["pictures"] if STATEMENT in texts)

    assert agreement.count("Teils, teils") == 1
    assert agreement.count("Stimme voll zu") == 1


def test_the_printed_agreement_chart_counts_shares_from_0_to_100_percent_each_way(printed):
    agreement = next(texts for texts in printed["pictures"] if STATEMENT in texts)

    assert [text for text in agreement if text.endswith("%") and text.startswith(("1", "5"))][
        -4:
    ] == ["100 %", "50 %", "50 %", "100 %"]
    assert not any(text.startswith(("-", "−")) for text in agreement)
    assert "← Ablehnung · Zustimmung →" in _lines(printed["text"])


def test_the_printed_trend_shows_its_scale_from_1_to_5(printed):
    trend = next(texts for texts in printed["pictures"] if "Herbst 2025" in texts)

    assert any(text.startswith("Durchschnitt (1") for text in trend)
    assert [text for text in trend if text in {"1", "2", "3", "4", "5"}] == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    assert any(line.startswith("Durchschnitt (1") for line in _lines(printed["text"]))


def test_the_filter_form_and_buttons_are_not_printed(printed):
    lines = _lines(printed["text"])

    assert "Ergebnisse eingrenzen" not in lines
    assert "Anzeigen" not in lines
    assert not any(line.startswith("Diese Grafik teilen") for line in lines)


def test_the_printed_page_names_its_source_and_keeps_every_table(printed):
    text = printed["text"]

    assert f"{STORY}" in text
    assert text.count("Personen") >= CHARTS_WITH_A_PICTURE


def test_a_printed_arabic_page_keeps_each_statement_inside_its_chart(
    live_server, demo_site, open_context
):
    _, page = open_context(DESKTOP)
    page.goto(f"{live_server.url}/ar{STORY}")
    page.locator(".chart__plot--drawn .main-svg").first.wait_for()
    page.emulate_media(media="print")
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "impact-dashboard-print-ar.pdf"), format="A4")

    # On a right-to-left page a label's "start" would be its right end: the picture
    # keeps its own left-to-right geometry, so no statement runs off its left edge.
    outside = page.locator(".chart__static svg").evaluate_all(
        """svgs => svgs.flatMap(svg => {
            const box = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text')].filter(text => {
                const own = text.getBoundingClientRect();
                return own.left < box.left - 1 || own.right > box.right + 1;
            }).map(text => text.textContent);
        })"""
    )
    assert STATEMENT not in outside
    assert not [text for text in outside if text.startswith(("In meinem", "Ich "))]
