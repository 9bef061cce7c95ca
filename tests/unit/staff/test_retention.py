"""Raw responses go once their wave has long closed; the public figures stay."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from analytics.models import AggregateState
from analytics.selectors import published_snapshot
from analytics.services import refresh_snapshot
from analytics.services.aggregation import count_responses
from analytics.services.snapshots import build_figures
from surveys.models import Answer, Response, SpentSet
from tests.factories import WaveFactory, submit

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=800)


def closed_wave(closed_at=LONG_AGO, count=6):
    wave = WaveFactory(opens_at=closed_at - datetime.timedelta(days=30), closes_at=closed_at)
    submit(wave, count, quarter="altenhagen", feeling="4", say=7)
    refresh_snapshot(wave=wave)
    return wave


def test_responses_of_a_wave_closed_past_the_retention_period_are_deleted(settings):
    settings.PART_RAW_RESPONSE_RETENTION_DAYS = 730
    wave = closed_wave()

    call_command("purge_expired", verbosity=0)

    assert not Response.objects.filter(wave=wave).exists()
    assert not Answer.objects.exists()


def test_the_public_figures_keep_every_purged_response(settings):
    settings.PART_RAW_RESPONSE_RETENTION_DAYS = 730
    wave = closed_wave()
    before = published_snapshot(wave=wave).data

    call_command("purge_expired", verbosity=0)

    assert refresh_snapshot(wave=wave) is None  # Nothing new: the last version stays.
    assert published_snapshot(wave=wave).data["questions"] == before["questions"]
    # The kept counts (with their record-key sums) give the same perturbed figures.
    counted = count_responses(wave=wave)
    assert counted.response_count == 6
    rebuilt = build_figures(wave=wave, counted=counted, min_cell_size=5)
    assert rebuilt["questions"] == before["questions"]
    assert AggregateState.objects.get(wave=wave).responses_purged_on == timezone.localdate()


def test_a_rebuild_of_a_purged_wave_is_refused_with_a_reason(settings):
    settings.PART_RAW_RESPONSE_RETENTION_DAYS = 730
    wave = closed_wave()
    call_command("purge_expired", verbosity=0)

    with pytest.raises(CommandError, match="were deleted on"):
        call_command("refresh_snapshots", "--wave", wave.slug, "--rebuild")

    assert published_snapshot(wave=wave).response_count == 6


def test_a_wave_closed_recently_keeps_its_responses(settings):
    settings.PART_RAW_RESPONSE_RETENTION_DAYS = 730
    wave = closed_wave(closed_at=timezone.now() - datetime.timedelta(days=30))

    call_command("purge_expired", verbosity=0)

    assert Response.objects.filter(wave=wave).count() == 6


def test_responses_not_yet_in_the_public_figures_are_kept_until_they_are(settings):
    settings.PART_RAW_RESPONSE_RETENTION_DAYS = 730
    wave = closed_wave()
    submit(wave, 1)  # stored late, e.g. typed from paper, not counted yet

    call_command("purge_expired", verbosity=0)

    assert Response.objects.filter(wave=wave).count() == 7


def test_a_dry_run_counts_the_responses_and_deletes_nothing(settings, capsys):
    settings.PART_RAW_RESPONSE_RETENTION_DAYS = 730
    wave = closed_wave()

    call_command("purge_expired", "--dry-run")

    assert "analytics: raw responses: would delete 6" in capsys.readouterr().out
    assert Response.objects.filter(wave=wave).count() == 6
    assert AggregateState.objects.get(wave=wave).responses_purged_on is None


def test_submission_tokens_go_after_their_retention_period(settings):
    settings.PART_SUBMISSION_TOKEN_RETENTION_DAYS = 90
    today = timezone.localdate()
    for age in (91, 89):
        day = (today - datetime.timedelta(days=age)).isoformat()
        SpentSet.objects.create(kind=SpentSet.Kind.TOKENS, scope=day, entries=f"\n{age}\n")

    call_command("purge_expired", verbosity=0)

    assert [row.entries for row in SpentSet.objects.all()] == ["\n89\n"]
