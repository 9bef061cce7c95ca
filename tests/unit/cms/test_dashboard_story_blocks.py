"""Chart block checks, "you said, we did" and the impact ladder, as staff and visitors see them."""

import datetime

import pytest
from django.utils import timezone
from wagtail.blocks import StructBlockValidationError

from analytics.services import refresh_comparisons, refresh_snapshot
from cms.blocks import ChartBlock, ImpactStepBlock, YouSaidWeDidBlock
from tests.factories import (
    QuestionnaireFactory,
    WaveFactory,
    add_responses,
    build_site,
    full_questionnaire,
)

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture
def waves():
    questionnaire = full_questionnaire()
    spring = WaveFactory(
        questionnaire=questionnaire,
        label="Frühjahr 2026",
        opens_at=timezone.now() - datetime.timedelta(days=200),
    )
    autumn = WaveFactory(questionnaire=questionnaire, label="Herbst 2026")
    for wave, lift in ((spring, 0), (autumn, 2)):
        add_responses(wave, 8, answers={"mitbestimmen": 3 + lift, "se1": "2"}, quarter="altenhagen")
        add_responses(
            wave, 8, answers={"mitbestimmen": 5 + lift, "se1": "4"}, quarter="wehringhausen"
        )
        refresh_snapshot(wave=wave)
    refresh_comparisons(wave=autumn)
    return spring, autumn


def _chart_value(**fields):
    block = ChartBlock()
    value = {"kind": "bar", "earlier_waves": [], "heading": ""} | fields
    return block, block.to_python(
        value
        | {
            "wave": value["wave"].pk,
            "earlier_waves": [wave.pk for wave in value["earlier_waves"]],
        }
    )


def _errors(block, value) -> dict:
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    return {name: error.messages[0] for name, error in raised.value.block_errors.items()}


def test_before_and_after_without_an_earlier_wave_is_refused_with_a_message(waves):
    _spring, autumn = waves
    block, value = _chart_value(kind="before_after", wave=autumn, question="mitbestimmen")

    errors = _errors(block, value)

    assert errors == {
        "earlier_waves": "Ein Vorher-nachher-Vergleich braucht genau eine frühere Welle."
    }


def test_before_and_after_of_a_choice_question_is_refused_with_a_message(waves):
    spring, autumn = waves
    block, value = _chart_value(
        kind="before_after", wave=autumn, earlier_waves=[spring], question="quartier"
    )

    assert "vergleicht Durchschnitte" in _errors(block, value)["kind"]


def test_the_agreement_chart_of_a_number_question_is_refused_with_a_message(waves):
    _spring, autumn = waves
    block, value = _chart_value(kind="diverging", wave=autumn, question="mitbestimmen")

    assert "braucht eine Zustimmungsfrage" in _errors(block, value)["kind"]


def test_a_wave_of_another_questionnaire_cannot_be_compared(waves):
    _spring, autumn = waves
    other = WaveFactory(
        questionnaire=QuestionnaireFactory(), opens_at=timezone.now() - datetime.timedelta(days=99)
    )
    block, value = _chart_value(kind="trend", wave=autumn, earlier_waves=[other], question="se1")

    assert "desselben Fragebogens" in _errors(block, value)["earlier_waves"]


def test_a_valid_before_and_after_chart_passes_validation(waves):
    spring, autumn = waves
    block, value = _chart_value(
        kind="before_after", wave=autumn, earlier_waves=[spring], question="mitbestimmen"
    )

    assert block.clean(value)["kind"] == "before_after"


def test_a_chart_saved_before_kinds_existed_still_renders_as_a_bar_chart(client, waves):
    _spring, autumn = waves
    _, dashboard = build_site(wave=autumn)  # Its chart values have no kind at all.

    page = client.get(dashboard.url).content.decode()

    assert "Herbst 2026 · Alle, die geantwortet haben · n = 16" in page


def test_the_dashboard_renders_a_before_and_after_chart_with_the_change(client, waves):
    spring, autumn = waves
    _, dashboard = build_site(wave=autumn)
    dashboard.body = [
        (
            "chart",
            {
                "kind": "before_after",
                "wave": autumn,
                "earlier_waves": [spring],
                "question": "mitbestimmen",
                "heading": "",
            },
        )
    ]
    dashboard.save()

    page = client.get(dashboard.url).content.decode()

    assert "Der Durchschnitt stieg von 4,0 (Frühjahr 2026) auf 6,0 (Herbst 2026)." in page
    assert '<th scope="row"><bdi>Veränderung</bdi></th>' in page


def test_you_said_we_did_shows_the_share_and_links_the_news_item(client, waves):
    from cms.models import NewsPage

    _spring, autumn = waves
    _, dashboard = build_site(wave=autumn)
    news = NewsPage.objects.get(slug="streetwork")
    dashboard.body = [
        (
            "you_said_we_did",
            {
                "heading": "",
                "you_said": "Ihr fühlt euch nicht überall wohl.",
                "wave": autumn,
                "question": "se1",
                "answers": "4, 5",
                "we_did": "Das Streetwork-Team ist jetzt dienstags unterwegs.",
                "page": news,
                "link_text": "",
            },
        )
    ]
    dashboard.save()

    page = client.get(dashboard.url).content.decode()

    assert "<strong>50 %</strong> der 16 Befragten wählten „Eher“ oder „Voll“." in page
    assert f'href="{news.url}"' in page and "Streetwork am Bodelschwinghplatz" in page


def test_you_said_we_did_with_an_unknown_answer_code_is_refused_with_the_codes(waves):
    _spring, autumn = waves
    block = YouSaidWeDidBlock()
    value = block.to_python(
        {
            "you_said": "x",
            "we_did": "y",
            "wave": autumn.pk,
            "question": "se1",
            "answers": "9",
        }
    )

    assert _errors(block, value) == {
        "answers": "Gib einen oder mehrere Antwort-Codes dieser Frage an: 1, 2, 3, 4, 5."
    }


def test_the_impact_step_names_its_step_in_text_and_marks_it_current(client, waves):
    _spring, autumn = waves
    _, dashboard = build_site(wave=autumn)
    dashboard.body = [
        (
            "impact_step",
            {
                "step": "4",
                "heading": "",
                "text": "",
                "evidence": [("key_figures", {"wave": autumn, "heading": ""})],
            },
        )
    ]
    dashboard.save()

    page = client.get(dashboard.url).content.decode()

    assert "Diese Zahlen belegen Stufe 4 von 7 der Wirkungstreppe" in page
    assert 'aria-current="step"' in page and "(diese Stufe)" in page
    assert "<h3>Wer mitgemacht hat</h3>" in page


def test_the_impact_step_block_offers_all_seven_steps():
    assert [
        value for value, _label in ImpactStepBlock().child_blocks["step"].field.choices if value
    ] == ["1", "2", "3", "4", "5", "6", "7"]


def _edit(client, django_user_model, dashboard, chart: dict):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    admin = django_user_model.objects.create_superuser(username="staff", password="x")
    client.force_login(admin)
    earlier = chart.pop("earlier_waves")
    value = chart | {
        "earlier_waves": {"count": str(len(earlier))}
        | {
            str(index): {"value": str(wave.pk), "deleted": "", "order": str(index), "id": ""}
            for index, wave in enumerate(earlier)
        }
    }
    data = nested_form_data(
        {
            "title": dashboard.title,
            "slug": dashboard.slug,
            "intro": "",
            "body": streamfield([("chart", value)]),
        }
    )
    return client.post(f"/admin/pages/{dashboard.pk}/edit/", data)


def test_staff_saving_a_before_and_after_chart_without_an_earlier_wave_see_why(
    client, django_user_model, waves
):
    _spring, autumn = waves
    _, dashboard = build_site(wave=autumn)

    response = _edit(
        client,
        django_user_model,
        dashboard,
        {
            "kind": "before_after",
            "wave": str(autumn.pk),
            "earlier_waves": [],
            "question": "mitbestimmen",
            "heading": "",
        },
    )

    assert response.status_code == 200
    # The message reaches the block's form through the page editor's error data.
    stream_error = response.context["form"].errors["body"].as_data()[0]
    chart_error = stream_error.block_errors[0]
    assert chart_error.block_errors["earlier_waves"].messages == [
        "Ein Vorher-nachher-Vergleich braucht genau eine frühere Welle."
    ]


def test_staff_save_a_valid_before_and_after_chart(client, django_user_model, waves):
    spring, autumn = waves
    _, dashboard = build_site(wave=autumn)

    response = _edit(
        client,
        django_user_model,
        dashboard,
        {
            "kind": "before_after",
            "wave": str(autumn.pk),
            "earlier_waves": [spring],
            "question": "mitbestimmen",
            "heading": "",
        },
    )

    assert response.status_code == 302
    dashboard.refresh_from_db()
    saved = dashboard.get_latest_revision_as_object().body[0].value
    assert saved["kind"] == "before_after" and list(saved["earlier_waves"]) == [spring]
