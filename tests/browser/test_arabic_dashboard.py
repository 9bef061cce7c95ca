"""The demo's impact dashboard on a phone: Arabic labels, charts that fit in either language."""

import pytest

from tests.browser.conftest import PHONE, screenshot
from tests.browser.test_site_pages import WCAG_21_AA

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-arabic-dashboard"),
]

GERMAN_STORY = "/dashboards/wirkung-2026/"
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


@pytest.fixture(params=[GERMAN_STORY, ARABIC_STORY], ids=["german", "arabic"])
def story_on_a_phone(request, demo_server, open_context):
    _, page = open_context(PHONE)
    page.goto(demo_server.url + request.param)
    page.locator(".chart__plot--drawn .main-svg").first.wait_for()
    return page


def test_no_axis_title_or_tick_label_of_the_impact_dashboard_leaves_its_chart(story_on_a_phone):
    language = story_on_a_phone.evaluate("document.documentElement.lang")
    screenshot(story_on_a_phone, f"impact-dashboard-phone-{language}")
    outside = story_on_a_phone.evaluate(
        """() => [...document.querySelectorAll('.chart__plot--drawn')].flatMap(plot => {
          const edge = plot.getBoundingClientRect();
          const labels = '.ytick text, .xtick text, .g-xtitle text, .g-ytitle text';
          return [...plot.querySelectorAll(labels)]
            .filter(label => {
              const box = label.getBoundingClientRect();
              return box.width && (
                box.left < edge.left - 1 || box.right > edge.right + 1
                || box.top < edge.top - 1 || box.bottom > edge.bottom + 1
              );
            })
            .map(label => label.textContent);
        })"""
    )

    assert outside == []


def test_the_arabic_dashboard_has_no_accessibility_violation(arabic_story):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(arabic_story, options=WCAG_21_AA)

    assert results.violations_count == 0, results.generate_report()
