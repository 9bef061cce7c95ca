"""Subscale scores on dashboards and in the public API, withheld like every figure."""

import pytest

from analytics.services import refresh_snapshot
from cms.blocks import chart_item_choices, chart_problems
from tests.factories import WaveFactory, add_responses, build_site, full_questionnaire

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture
def wave():
    wave = WaveFactory(questionnaire=full_questionnaire(), label="Herbst 2026", slug="herbst")
    # handeln = se1, se2; zutrauen = se3, se4 (se4 reverse scored: 1 counts as 5).
    add_responses(
        wave, 6, answers={"se1": "4", "se2": "5", "se3": "2", "se4": "1"}, quarter="altenhagen"
    )
    add_responses(
        wave, 7, answers={"se1": "2", "se2": "3", "se3": "3", "se4": "3"}, quarter="wehringhausen"
    )
    add_responses(wave, 2, answers={"se1": "1", "se2": "1"}, quarter="hagen")
    refresh_snapshot(wave=wave)
    return wave


def test_staff_can_choose_a_subscale_for_a_chart():
    full_questionnaire()

    choices = dict(chart_item_choices())

    assert choices["scale:selbstwirksamkeit/handeln"] == (
        "Skala: Selbstwirksamkeit: Teilskala „handeln“ (scale:selbstwirksamkeit/handeln)"
    )


def test_a_subscale_the_wave_does_not_score_is_refused(wave):
    problems = chart_problems(kind="bar", wave=wave, earlier=[], key="scale:selbstwirksamkeit/x")

    assert "question" in problems


def test_a_dashboard_shows_the_average_of_a_subscale(client, wave):
    _, dashboard = build_site(wave=wave)
    dashboard.body = [
        ("chart", {"wave": wave, "question": "scale:selbstwirksamkeit/zutrauen", "heading": ""}),
    ]
    dashboard.save()

    page = client.get(dashboard.url).content.decode()

    assert "Selbstwirksamkeit: Teilskala „zutrauen“" in page
    # (6 × 3.5 + 7 × 3.0) / 13
    assert (
        "Im Durchschnitt erreichten die 13 Personen, die geantwortet haben, einen Wert von 3,2."
        in page
    )


def test_the_quarters_of_a_subscale_are_compared_with_small_ones_withheld(client, wave):
    _, dashboard = build_site(wave=wave)
    dashboard.body = [
        (
            "chart",
            {
                "kind": "quarters",
                "wave": wave,
                "question": "scale:selbstwirksamkeit/handeln",
                "heading": "",
            },
        ),
    ]
    dashboard.save()

    page = client.get(dashboard.url).content.decode()

    assert "Woanders in Hagen" in page
    assert "1,0" not in page


def test_the_public_api_publishes_each_subscale_of_a_scale(client, wave):
    wave.results_policy = "live"
    wave.save()

    results = client.get(f"/api/v1/waves/{wave.slug}/results/").json()

    [scale] = results["scales"]
    means = {part["key"]: round(part["mean"], 2) for part in scale["subscales"]}
    assert means == {"handeln": 3.1, "zutrauen": 3.23}
