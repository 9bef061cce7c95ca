"""A chart's figures read from a snapshot: a question or scale, its averages, its groups."""

from django.utils.translation import gettext as _

from analytics.groups import Group, group_figures, group_label
from analytics.models import Snapshot
from analytics.snapshot_schema import Average, ItemFigures
from analytics.subscales import scale_figures

SCALE_PREFIX = "scale:"


MEAN_KINDS = {"agreement", "scale_0_10", "number", "scale"}


def item_of(snapshot: Snapshot | None, key: str) -> ItemFigures | None:
    """Return a question's or (with the "scale:" prefix) a scale's figures from a snapshot."""
    if snapshot is None:
        return None
    if key.startswith(SCALE_PREFIX):
        return scale_figures(snapshot.figures, key.removeprefix(SCALE_PREFIX))
    return snapshot.figures.question(key)


def has_mean(kind: str) -> bool:
    return kind in MEAN_KINDS


def mean_of(item: ItemFigures, group: Group | None = None) -> Average | None:
    """Return the published average of an item, for everyone or one group.

    None when the snapshot publishes no average for it: an agreement item's average
    is published for everyone only.
    """
    if item.kind == "agreement":
        if group is not None:
            return None
        # With one answer's count withheld the average is withheld too (see snapshots).
        return item.score if item.score is not None else Average(item.answered)
    if not has_mean(item.kind):
        return None
    if item.status != "ok":
        return Average(None)
    if group is None:
        return item.average
    found = group_figures(item, group)
    return Average(0) if found is None else found.average


def wave_label(snapshot: Snapshot) -> str:
    wave = snapshot.figures.wave
    return wave.label or wave.title or str(snapshot.wave)


def group_part(snapshot: Snapshot, group: Group | None) -> str:
    if group is None:
        return _("Everyone who answered")
    return group_label(snapshot.figures, group)


def agreement_rows(snapshot: Snapshot, key: str) -> list[ItemFigures]:
    """Return the agreement items a key stands for: the item, or every row of a matrix."""
    questions = snapshot.figures.questions
    for position, question in enumerate(questions):
        if question.key != key:
            continue
        if question.kind == "matrix":
            rows = []
            for row in questions[position + 1 :]:
                if row.kind != "matrix_row":
                    break
                rows.append(row)
            return rows
        if question.kind in ("agreement", "matrix_row"):
            return [question]
        return []
    return []
