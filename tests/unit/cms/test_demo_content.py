"""The demo content as `make run` leaves it: dashboards, staff rights, safeguarding.

The demo is seeded once for the module (tests/unit/cms/conftest.py); a test that needs
a second seeding runs it inside its own transaction.
"""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page

from analytics.models import SafeguardingConcern, SafeguardingRule, Snapshot
from analytics.tasks import find_concerns_everywhere
from cms.models import DashboardPage, OrganisationPage
from surveys.models import Answer, Response

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("demo_site"),
    pytest.mark.xdist_group("demo-content"),
]


def test_the_demo_story_dashboard_uses_every_block_and_chart_kind_and_renders(client):
    dashboard = DashboardPage.objects.get(slug="wirkung-2026", locale__language_code="de")

    blocks = list(dashboard.body)
    nested = [
        child
        for block in blocks
        if block.block_type == "impact_step"
        for child in block.value["evidence"]
    ]
    kinds = {block.block_type for block in blocks + nested}
    chart_kinds = {child.value["kind"] for child in blocks + nested if child.block_type == "chart"}
    response = client.get(dashboard.url)
    page = response.content.decode()

    assert kinds == {"text", "impact_step", "key_figures", "chart", "you_said_we_did", "quote"}
    assert chart_kinds == {"bar", "diverging", "before_after", "trend", "quarters"}
    assert response.status_code == 200
    assert page.count('class="chart__plot"') == 5
    assert "Der Durchschnitt stieg von" in page and "Die Veränderung ist größer" in page
    assert "Seit die Streetworker dienstags da sind" in page
    assert "/news/streetwork-dienstagstour-bodelschwinghplatz/" in page


def test_every_demo_chart_uses_only_traces_the_plotly_basic_bundle_has(client):
    dashboard = DashboardPage.objects.get(slug="wirkung-2026", locale__language_code="de")

    page = client.get(dashboard.url).content.decode()
    figures = re.findall(r'<script id="figure-\w+" type="application/json">(.*?)</script>', page)
    types = {trace["type"] for figure in figures for trace in json.loads(figure)["data"]}

    assert len(figures) == 5
    assert types <= {"bar", "scatter", "pie"}


def test_the_demo_dashboard_shows_key_figures_and_quotes_and_seeding_twice_is_harmless(client):
    call_command("seed_demo", verbosity=0)

    dashboard = DashboardPage.objects.get(
        slug="quartier-check-herbst-2026", locale__language_code="de"
    )
    kinds = [block.block_type for block in dashboard.body]
    assert kinds.count("key_figures") == 1 and kinds.count("quote") == 1
    assert client.get(dashboard.url).status_code == 200


def _counts():
    return (
        Page.objects.count(),
        Response.objects.count(),
        Answer.objects.count(),
        Snapshot.objects.count(),
    )


def test_running_the_demo_seed_twice_changes_nothing():
    before = _counts()

    call_command("seed_demo", verbosity=0)

    assert _counts() == before
    assert before[1] >= 300


def test_an_organisations_staff_edit_their_own_page_and_not_the_partners(django_user_model):
    user = django_user_model.objects.create_user(username="caritas", password="x")
    user.groups.add(Group.objects.get(name="Caritas Hagen"))
    caritas = OrganisationPage.objects.get(slug="caritas-hagen", locale__language_code="de")
    diakonie = OrganisationPage.objects.get(slug="diakonie-mark-ruhr", locale__language_code="de")

    assert caritas.permissions_for_user(user).can_edit()
    assert not diakonie.permissions_for_user(user).can_edit()


def test_the_demo_reads_low_wellbeing_and_leaves_its_synthetic_answers_unflagged():
    find_concerns_everywhere()

    rule = SafeguardingRule.objects.get(question__isnull=False)
    assert (rule.question.key, rule.kind, rule.threshold) == ("wohlfuehlen", "at_most", 1)
    assert not SafeguardingConcern.objects.exists()
