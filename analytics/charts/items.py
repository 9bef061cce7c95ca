"""A chart's figures read from a snapshot: a question or scale, its averages, its groups."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from analytics.groups import Group, group_figures, group_label
from analytics.models import Snapshot
from analytics.subscales import scale_figures

SCALE_PREFIX = "scale:"


MEAN_KINDS = {"agreement", "scale_0_10", "number", "scale"}


@dataclass(frozen=True)
class Mean:
    """One published average; `answered` None means the group was withheld as too small."""

    answered: int | None
    mean: float | None = None
    low: float | None = None
    high: float | None = None


def item_of(snapshot: Snapshot | None, key: str) -> dict | None:
    """Return a question's or (with the "scale:" prefix) a scale's figures from a snapshot."""
    if snapshot is None:
        return None
    if key.startswith(SCALE_PREFIX):
        scale = scale_figures(snapshot, key.removeprefix(SCALE_PREFIX))
        return None if scale is None else scale | {"kind": "scale", "text": scale["name"]}
    return snapshot.question(key)


def has_mean(kind: str) -> bool:
    return kind in MEAN_KINDS


def mean_of(item: dict, group: Group | None = None) -> Mean | None:
    """Return the published average of an item, for everyone or one group.

    None when the snapshot publishes no average for it: an agreement item's average
    is published for everyone only.
    """
    if item["kind"] == "agreement":
        if group is not None:
            return None
        score = item.get("score")
        if not score:
            # With one answer's count withheld the average is withheld too (see snapshots).
            return Mean(item.get("answered"))
        return Mean(score["answered"], score["mean"], score.get("mean_low"), score.get("mean_high"))
    if not has_mean(item["kind"]):
        return None
    if item.get("status", "ok") not in ("ok",):
        return Mean(None)
    source = group_figures(item, group) if group is not None else item
    if source is None:
        return Mean(0)
    return Mean(
        source.get("answered"), source.get("mean"), source.get("mean_low"), source.get("mean_high")
    )


def entry_mean(entry: dict) -> Mean:
    return Mean(
        entry.get("answered"), entry.get("mean"), entry.get("mean_low"), entry.get("mean_high")
    )


def wave_label(snapshot: Snapshot) -> str:
    wave = snapshot.figures.wave
    return wave.label or wave.title or str(snapshot.wave)


def group_part(snapshot: Snapshot, group: Group | None) -> str:
    if group is None:
        return _("Everyone who answered")
    return group_label(snapshot.data.get("segments", {}), group)


def agreement_rows(snapshot: Snapshot, key: str) -> list[dict]:
    """Return the agreement items a key stands for: the item, or every row of a matrix."""
    questions = [dict(question.source) for question in snapshot.figures.questions]
    for position, question in enumerate(questions):
        if question["key"] != key:
            continue
        if question["kind"] == "matrix":
            rows = []
            for row in questions[position + 1 :]:
                if row["kind"] != "matrix_row":
                    break
                rows.append(row)
            return rows
        if question["kind"] in ("agreement", "matrix_row"):
            return [question]
        return []
    return []
