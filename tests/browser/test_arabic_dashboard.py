"""The demo's impact dashboard read in Arabic on a phone: Arabic labels, charts that fit."""

import pytest

from tests.browser.conftest import PHONE, screenshot
from tests.browser.test_site_pages import WCAG_21_AA

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-arabic-dashboard"),
]

ARABIC_STORY = "/ar/dashboards/wirkung-2026/"
# Answer labels of the demo questionnaire, German and as its Arabic translation words them.
GERMAN_LABELS = ["10 bis 13 Jahre", "Woanders in Hagen", "Stimme gar nicht zu"]
ARABIC_LABELS = ["من 10 إلى 13 سنة", "في مكان آخر في هاغن", "لا أوافق إطلاقًا"]


@pytest.fixture
def arabic_story(demo_server, open_context):
    _, page = open_context(PHONE)
    page.goto(demo_server.url + ARABIC_STORY)
    page.locator(".chart__plot--drawn .main-svg").first.wait_for()
    return page


def test_the_arabic_dashboard_shows_the_answers_in_arabic(arabic_story):
    text = arabic_story.locator("main").inner_text()

    assert all(label in text for label in ARABIC_LABELS)
    assert not [label for label in GERMAN_LABELS if label in text]


def test_every_axis_label_of_the_arabic_dashboard_stays_inside_its_chart(arabic_story):
    screenshot(arabic_story, "arabic-impact-dashboard-phone")
    outside = arabic_story.evaluate(
        """() => [...document.querySelectorAll('.chart__plot--drawn')].flatMap(plot => {
          const edge = plot.getBoundingClientRect();
          return [...plot.querySelectorAll('.ytick text, .xtick text')]
            .filter(label => {
              const box = label.getBoundingClientRect();
              return box.width && (box.left < edge.left - 1 || box.right > edge.right + 1);
            })
            .map(label => label.textContent);
        })"""
    )

    assert outside == []


def test_the_arabic_dashboard_has_no_accessibility_violation(arabic_story):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(arabic_story, options=WCAG_21_AA)

    assert results.violations_count == 0, results.generate_report()
