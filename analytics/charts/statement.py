"""One published figure said in a sentence, for a \"you said, we did\" block."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from analytics.charts.items import (
    item_of,
    mean_of,
    wave_label,
)
from analytics.charts.wording import (
    one_decimal,
    option_label,
    percent,
    withheld_text,
)
from analytics.models import Snapshot


@dataclass(frozen=True)
class Statement:
    """One published figure said in a sentence: the figure stands out, the text explains it."""

    figure: str
    text: str
    source: str


def figure_statement(
    *, snapshot: Snapshot | None, key: str, answers: list[str] | None = None
) -> Statement | None:
    """Return the share who chose some answers, or an average, as one sentence.

    None when the snapshot does not hold the question; a withheld figure is said plainly.
    """
    item = item_of(snapshot, key)
    if item is None:
        return None
    k = snapshot.min_cell_size
    source = _("%(title)s %(label)s") % {
        "title": snapshot.figures.wave.title,
        "label": wave_label(snapshot),
    }
    withheld = Statement(
        withheld_text(k),
        _("gave this answer: too few to show a figure without risking their privacy."),
        source,
    )
    if item.options and answers:
        chosen = [option for option in item.options if option.value in answers]
        answered = item.answered
        if not chosen:
            return None
        if not answered or any(option.is_withheld for option in chosen):
            return withheld
        share = round(100 * sum(option.count for option in chosen) / answered)
        labels = [
            pgettext("an answer quoted in a sentence", "“%(answer)s”")
            % {"answer": option_label(option)}
            for option in chosen
        ]
        return Statement(
            percent(share),
            _("of the %(n)s people who answered chose %(answers)s.")
            % {"n": number_format(answered), "answers": _(" or ").join(labels)},
            source,
        )
    mean = mean_of(item)
    if mean is None:
        return None
    if not mean.answered or mean.mean is None:
        return withheld
    text = _("was the average answer of %(n)s people.")
    if item.kind == "scale_0_10":
        text = _("was the average answer of %(n)s people, on a scale from 0 to 10.")
    elif item.kind == "agreement":
        text = _("was the average agreement of %(n)s people, from 1 (not at all) to 5 (fully).")
    return Statement(one_decimal(mean.mean), text % {"n": number_format(mean.answered)}, source)
