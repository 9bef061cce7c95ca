"""The runner counts pages sent in aggregate, so the field monitor sees where people stop."""

import pytest

from surveys.models import PageProgress
from tests.factories import three_page_wave
from tests.unit.surveys.test_runner import PAGE_1, PAGE_2, PAGE_3, _state_of, _walk

pytestmark = pytest.mark.django_db


def counts(wave) -> dict[int, int]:
    return dict(PageProgress.objects.filter(wave=wave).values_list("page", "sent"))


def test_each_page_sent_and_the_finished_survey_are_counted_once(client):
    wave = three_page_wave()

    _walk(client, wave, [PAGE_1, PAGE_2, PAGE_3])

    assert counts(wave) == {1: 1, 2: 1, 3: 1, PageProgress.FINISHED: 1}


def test_someone_who_stops_after_the_first_page_is_counted_only_there(client):
    wave = three_page_wave()

    _walk(client, wave, [PAGE_1])

    assert counts(wave) == {1: 1}


def test_a_page_sent_with_errors_is_not_counted_until_it_is_right(client):
    wave = three_page_wave()

    wrong = _walk(client, wave, [{"alter": "14-17"}])
    assert counts(wave) == {}
    client.post(f"/s/{wave.slug}/", {"state": _state_of(wrong.content.decode()), **PAGE_1})

    assert counts(wave) == {1: 1}


def test_going_back_and_forward_again_counts_no_page_twice(client):
    wave = three_page_wave()
    second = _walk(client, wave, [PAGE_1])
    back = client.post(
        f"/s/{wave.slug}/", {"state": _state_of(second.content.decode()), "action": "back"}
    )

    client.post(f"/s/{wave.slug}/", {"state": _state_of(back.content.decode()), **PAGE_1})

    assert counts(wave) == {1: 1}


def test_the_counter_holds_nothing_but_wave_page_and_count():
    fields = {field.name for field in PageProgress._meta.get_fields()}

    assert fields == {"id", "wave", "page", "sent"}
