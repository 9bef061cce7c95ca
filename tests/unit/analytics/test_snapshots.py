from unittest import mock

import pytest
from kombu.exceptions import OperationalError

from analytics import tasks
from analytics.models import Snapshot
from analytics.selectors import published_snapshot
from analytics.services import refresh_snapshot, stale_waves
from surveys.models import Response
from tests.factories import WaveFactory, answers_for, submit

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


def test_a_snapshot_counts_the_answers_per_option():
    wave = WaveFactory()
    for feeling in "123":
        submit(wave, 5, feeling=feeling)
    submit(wave, 6, feeling="4")
    submit(wave, 7, feeling="5")

    refresh_snapshot(wave=wave)

    options = {
        o["value"]: o["count"]
        for o in published_snapshot(wave=wave).figures.question("wohlfuehlen").source["options"]
    }
    assert options["4"] == 6 and options["5"] == 7


def test_a_cell_with_fewer_than_k_responses_is_withheld_not_shown_as_zero():
    wave = WaveFactory()
    submit(wave, 4, quarter="altenhagen")
    submit(wave, 9, quarter="wehringhausen")
    submit(wave, 8, quarter="hagen")

    refresh_snapshot(wave=wave)

    cells = {
        o["value"]: o["count"]
        for o in published_snapshot(wave=wave).figures.question("quartier").source["options"]
    }
    assert cells["altenhagen"] is None
    assert cells["ausserhalb"] is None


def test_a_withheld_cell_cannot_be_recovered_from_the_total():
    wave = WaveFactory()
    submit(wave, 1, quarter="ausserhalb")
    submit(wave, 20, quarter="altenhagen")
    submit(wave, 12, quarter="wehringhausen")
    submit(wave, 9, quarter="hagen")

    refresh_snapshot(wave=wave)

    question = published_snapshot(wave=wave).figures.question("quartier").source
    shown = sum(o["count"] for o in question["options"] if o["count"] is not None)
    hidden = [o for o in question["options"] if o["count"] is None]
    assert len(hidden) >= 2
    assert question["answered"] - shown >= 5


def test_a_wave_with_fewer_than_k_responses_publishes_no_figure_at_all():
    wave = WaveFactory()
    submit(wave, 4, say=3)

    refresh_snapshot(wave=wave)

    snapshot = published_snapshot(wave=wave)
    assert snapshot.data["response_count"] is None
    assert all(q["answered"] is None for q in snapshot.data["questions"])


def test_a_mean_is_published_with_its_count_once_k_people_answered():
    wave = WaveFactory()
    submit(wave, 5, say=4)
    submit(wave, 5, say=8)

    refresh_snapshot(wave=wave)

    question = published_snapshot(wave=wave).figures.question("mitbestimmen").source
    assert question["answered"] == 10
    assert question["mean"] == pytest.approx(6.0)
    assert question["sd"] == pytest.approx(2.108, abs=0.001)


def test_a_quarter_mean_from_fewer_than_k_people_is_withheld_with_a_neighbour():
    wave = WaveFactory()
    submit(wave, 3, quarter="ausserhalb", say=0)
    submit(wave, 10, quarter="altenhagen", say=8)
    submit(wave, 6, quarter="wehringhausen", say=5)

    refresh_snapshot(wave=wave)

    breakdown = (
        published_snapshot(wave=wave)
        .figures.question("mitbestimmen")
        .source["breakdowns"]["quarter"]
    )
    groups = {g["values"][0]: g for g in breakdown}
    assert groups["ausserhalb"]["mean"] is None
    assert sum(1 for g in groups.values() if g["mean"] is None) >= 2


def test_a_new_snapshot_replaces_the_old_one_as_a_new_version():
    wave = WaveFactory()
    submit(wave, 5)
    first = refresh_snapshot(wave=wave)
    submit(wave, 5)

    second = refresh_snapshot(wave=wave)

    assert second.version == first.version + 1
    assert published_snapshot(wave=wave).response_count == 10


def test_results_of_a_wave_public_only_after_closing_stay_hidden_while_it_runs():
    wave = WaveFactory(results_policy="after_close")
    submit(wave, 6)
    refresh_snapshot(wave=wave)

    assert published_snapshot(wave=wave) is None


def test_a_committed_response_refreshes_its_wave_snapshot(
    client, django_capture_on_commit_callbacks
):
    wave = WaveFactory()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/s/{wave.slug}/", answers_for(wave))

    assert Snapshot.objects.get(wave=wave).response_count == 1


def test_a_burst_of_answers_queues_one_refresh_not_one_per_answer():
    wave = WaveFactory()

    with mock.patch.object(tasks.refresh_snapshot, "apply_async") as queued:
        for _ in range(300):
            tasks.queue_refresh(sender=None, wave_id=wave.pk)

    assert queued.call_count == 1


def test_an_answer_is_saved_even_when_the_broker_is_down(
    client, django_capture_on_commit_callbacks
):
    wave = WaveFactory()

    with (
        mock.patch.object(
            tasks.refresh_snapshot, "apply_async", side_effect=OperationalError("broker down")
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(f"/s/{wave.slug}/", answers_for(wave))

    assert response.status_code == 302
    assert Response.objects.filter(wave=wave).count() == 1


def test_the_sweep_finds_waves_with_answers_newer_than_their_snapshot():
    wave, other = WaveFactory(), WaveFactory()
    submit(wave, 2)
    submit(other, 2)
    refresh_snapshot(wave=other)

    assert stale_waves() == [wave]


def test_the_sweep_task_refreshes_every_stale_wave():
    wave = WaveFactory()
    submit(wave, 6)

    refreshed = tasks.refresh_stale_snapshots()

    assert refreshed == 1
    assert stale_waves() == []


def test_the_refresh_command_rebuilds_one_wave_by_its_address():
    from django.core.management import call_command

    wave = WaveFactory(slug="quartier-check")
    submit(wave, 5)

    call_command("refresh_snapshots", "--wave", "quartier-check")

    assert Snapshot.objects.get(wave=wave).response_count == 5


def test_the_refresh_command_names_an_unknown_wave():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="gibt-es-nicht"):
        call_command("refresh_snapshots", "--wave", "gibt-es-nicht")
