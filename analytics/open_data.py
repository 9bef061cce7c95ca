"""The open-data package of a wave: its public, suppressed figures as CSV and JSON, with a README.

Everything comes from the published snapshot, where small cells are already withheld
(null); a withheld figure stays an empty cell with `withheld` = 1, never a number.
"""

import io
import json
import zipfile

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from analytics.charts.wording import perturbation_method, perturbation_sentence, withheld_text
from analytics.downloads import download_filename
from analytics.models import Snapshot
from analytics.perturbation import LARGEST_NOISE
from analytics.snapshot_schema import Average, ItemFigures, SnapshotFigures, is_withheld
from analytics.tabular import CsvTable
from surveys.models import Wave

ATTRIBUTION = "PaRT – Caritas Hagen und Diakonie Mark-Ruhr"
RESULT_COLUMNS = [
    "item_type",
    "item_key",
    "item_text",
    "question_kind",
    "grouping",
    "group",
    "group_label",
    "option",
    "option_label",
    "answered",
    "count",
    "share",
    "share_low",
    "share_high",
    "mean",
    "mean_low",
    "mean_high",
    "sd",
    "median",
    "withheld",
]
PARTICIPATION_COLUMNS = ["grouping", "group", "group_label", "count", "withheld"]


def package_filename(*, wave: Wave, snapshot: Snapshot) -> str:
    return download_filename(
        "part-offene-daten", wave.slug, f"v{snapshot.version}", extension="zip"
    )


def _group_label(figures: SnapshotFigures, grouping: str, values) -> str:
    labels = []
    for dimension, value in zip(grouping.split("__"), values, strict=False):
        known = figures.segment_label(dimension, value)
        labels.append((known if known is not None else value) or pgettext("segment", "Not stated"))
    return " / ".join(labels)


def _groups(item: ItemFigures, figures: SnapshotFigures):
    """Yield (grouping, group, label, average, options) for everyone, then each group."""
    yield "", "", _("Everyone"), item.average, item.options
    for grouping, groups in item.breakdowns.items():
        for group in groups:
            label = _group_label(figures, grouping, group.values)
            yield grouping, "|".join(group.values), label, group.average, group.options


def _summary_row(base: dict, average: Average) -> dict:
    return base | {
        "answered": average.answered,
        "mean": average.mean,
        "mean_low": average.mean_low,
        "mean_high": average.mean_high,
        "sd": average.sd,
        "median": average.median,
        "withheld": int(average.is_withheld or average.mean is None),
    }


def result_rows(snapshot: Snapshot) -> list[dict]:
    """Return one row per public figure of the snapshot, in a long, tidy layout."""
    figures = snapshot.figures
    rows = []
    for question in figures.questions:
        item = {
            "item_type": "question",
            "item_key": question.key,
            "item_text": question.text,
            "question_kind": question.kind,
        }
        labels = {option.value: option.label for option in question.options}
        for grouping, group, label, average, options in _groups(question, figures):
            base = item | {"grouping": grouping, "group": group, "group_label": label}
            if question.options:
                for option in options:
                    rows.append(
                        base
                        | {
                            "option": option.value,
                            "option_label": labels.get(option.value, ""),
                            "answered": average.answered,
                            "count": option.count,
                            "share": option.share,
                            "share_low": option.share_low,
                            "share_high": option.share_high,
                            "withheld": int(option.is_withheld),
                        }
                    )
            elif question.has_average:
                rows.append(_summary_row(base, average))
    for scale in figures.scales:
        parts = [("scale", scale.key, scale)] + [
            ("subscale", f"{scale.key}.{part.key}", part) for part in scale.subscales
        ]
        for item_type, key, part in parts:
            if not part.has_average:
                continue
            item = {"item_type": item_type, "item_key": key, "item_text": scale.text}
            for grouping, group, label, average, _options in _groups(part, figures):
                base = item | {"grouping": grouping, "group": group, "group_label": label}
                rows.append(_summary_row(base, average))
    return rows


def participation_rows(snapshot: Snapshot) -> list[dict]:
    """Return how many took part, in all and per published group."""
    figures = snapshot.figures
    total = figures.response_count
    rows = [
        {
            "grouping": "",
            "group": "",
            "group_label": _("Everyone"),
            "count": total,
            "withheld": int(is_withheld(total)),
        }
    ]
    for grouping, groups in figures.participation.items():
        for group in groups:
            rows.append(
                {
                    "grouping": grouping,
                    "group": "|".join(group.values),
                    "group_label": _group_label(figures, grouping, group.values),
                    "count": group.count,
                    "withheld": int(group.is_withheld),
                }
            )
    return rows


def _csv(columns: list[str], rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = CsvTable(buffer)
    writer.writerow(columns)
    writer.writerows([row.get(column) for column in columns] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _readme(*, wave: Wave, snapshot: Snapshot, source_url: str) -> str:
    built_on = timezone.localdate(snapshot.built_at).isoformat()
    k = snapshot.min_cell_size
    column_help = [
        ("item_type", _("“question”, “scale” or “subscale”.")),
        ("item_key", _("The stable key of the question or scale, as in the API.")),
        ("item_text", _("The question as it was asked, or the scale's name.")),
        ("question_kind", _("The kind of question, for example single_choice or agreement.")),
        ("grouping", _("Empty for everyone; otherwise the breakdown, for example “quarter”.")),
        ("group", _("The group's key within the breakdown, for example “altenhagen”.")),
        ("group_label", _("The group's name.")),
        ("option", _("The answer's key (choice questions only).")),
        ("option_label", _("The answer as it was offered.")),
        ("answered", _("How many people in the group answered the question.")),
        ("count", _("How many of them gave this answer.")),
        ("share", _("count divided by answered, between 0 and 1.")),
        # xgettext:no-python-format
        ("share_low, share_high", _("The 95 % confidence interval of the share (Wilson).")),
        ("mean", _("The average of a number, a 0 to 10 scale or a score.")),
        # xgettext:no-python-format
        ("mean_low, mean_high", _("The 95 % confidence interval of the average (t distribution).")),
        ("sd, median", _("Standard deviation and median.")),
        (
            "withheld",
            _("1 when the figure is withheld to protect privacy; its cells are then empty."),
        ),
    ]
    lines = [
        "# " + _("Open data: %(wave)s") % {"wave": str(wave)},
        "",
        _("The published, privacy-protected results of the PaRT survey wave “%(wave)s”.")
        % {"wave": str(wave)},
        "",
        "## " + _("Licence"),
        "",
        f"{wave.get_licence_display()}",
        f"{wave.licence_url}",
        "",
        "## " + _("Source and attribution"),
        "",
        _("Please name the source as: “%(attribution)s, %(wave)s, %(url)s”.")
        % {"attribution": ATTRIBUTION, "wave": str(wave), "url": source_url},
        "",
        "## " + _("Version"),
        "",
        "- " + _("Snapshot version: %(version)s") % {"version": snapshot.version},
        "- " + _("Figures as of: %(date)s") % {"date": built_on},
        "- " + _("Smallest group shown (k): %(k)s") % {"k": k},
        "",
        "## " + _("Privacy"),
        "",
        _(
            "The survey is anonymous. No figure here comes from fewer than %(k)s people: "
            "smaller groups are withheld, and where a withheld figure could be worked out "
            "from a total, another group is withheld too. Withheld figures are empty "
            "cells (null in JSON), never zero; each is “%(withheld)s”."
        )
        % {"k": k, "withheld": withheld_text(k)},
        "",
        f"{perturbation_sentence()} {perturbation_method(LARGEST_NOISE)}",
        "",
        "## " + _("Files"),
        "",
        "- `ergebnisse.csv`: " + _("one row per figure (answers, averages, scores)."),
        "- `teilnahme.csv`: " + _("how many took part, in all and per group."),
        "- `ergebnisse.json`: " + _("the same figures as the public API returns them."),
        "",
        _("CSV files are UTF-8, comma-separated, with a header row; decimals use a point."),
        "",
        "## " + _("Columns"),
        "",
    ]
    lines += [f"- `{name}`: {text}" for name, text in column_help]
    return "\n".join(lines) + "\n"


def open_data_package(*, wave: Wave, snapshot: Snapshot, source_url: str) -> bytes:
    """Return the ZIP of a wave's public figures: two CSV files, JSON and a README."""
    figures = snapshot.figures
    document = {
        "wave": figures.wave_json or None,
        "version": snapshot.version,
        "built_at": snapshot.built_at.isoformat(),
        "min_cell_size": snapshot.min_cell_size,
        "is_perturbed": figures.is_perturbed,
        "withheld": str(withheld_text(snapshot.min_cell_size)),
        "licence": {
            "id": wave.licence,
            "name": wave.get_licence_display(),
            "url": wave.licence_url,
        },
        "attribution": ATTRIBUTION,
        "source": source_url,
        "response_count": figures.response_count,
        "status": figures.status,
        "segments": figures.segments_json,
        "participation": figures.participation_json,
        "questions": figures.questions_json,
        "scales": figures.scales_json,
    }
    files = {
        "README.md": _readme(wave=wave, snapshot=snapshot, source_url=source_url).encode("utf-8"),
        "ergebnisse.csv": _csv(RESULT_COLUMNS, result_rows(snapshot)),
        "teilnahme.csv": _csv(PARTICIPATION_COLUMNS, participation_rows(snapshot)),
        "ergebnisse.json": json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"),
    }
    folder = package_filename(wave=wave, snapshot=snapshot).removesuffix(".zip")
    # The snapshot's time, not now: the same snapshot always gives the same bytes.
    stamp = timezone.localtime(snapshot.built_at).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()
