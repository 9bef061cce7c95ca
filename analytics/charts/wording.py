"""What charts say in words: numbers as readers read them, withheld figures, effect sizes."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from analytics.snapshot_schema import OptionCell, ScoreRange, is_withheld


def withheld_text(min_cell_size: int) -> str:
    """Return what a withheld cell says: true both of a small group and of its partner.

    A cell withheld to protect another holds far more than k people, so "fewer than k"
    would be false; one label for both also does not tell which one is the small one.
    """
    return _("not shown, to protect a small group")


def perturbation_sentence() -> str:
    """Return the one sentence every dashboard, the API and the open data say about noise."""
    return _(
        "Figures are slightly changed at random so no single person can be recognised; "
        "totals may differ by a few from the sum of their parts."
    )


def perturbation_method(largest_noise: int) -> str:
    """Return how the figures are changed, for the API and the open-data README."""
    return _(
        "Each count is changed by at most %(noise)s, always the same way for the same "
        "people (cell-key perturbation); a true zero stays zero, and averages, medians, "
        "intervals and shares are computed from the changed counts."
    ) % {"noise": largest_noise}


def one_decimal(value: float) -> str:
    # Rounded first: number_format cuts digits off, so 7.57 would read "7,5".
    return number_format(round(value, 1), decimal_pos=1)


def two_decimals(value: float) -> str:
    return number_format(round(value, 2), decimal_pos=2)


def rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def point(value: float) -> str:
    return number_format(int(value)) if float(value).is_integer() else one_decimal(value)


def range_words(found: ScoreRange) -> str:
    """Return a range as readers say it: "1 = stimme gar nicht zu … 5 = stimme voll zu"."""
    if found.low_label and found.high_label:
        return _("%(low)s = %(low_label)s … %(high)s = %(high_label)s") % {
            "low": point(found.low),
            "low_label": found.low_label,
            "high": point(found.high),
            "high_label": found.high_label,
        }
    return _("%(low)s to %(high)s") % {"low": point(found.low), "high": point(found.high)}


def percent(value: float) -> str:
    return f"{number_format(round(value))} %"


def signed(value: float) -> str:
    text = one_decimal(value)
    return f"+{text}" if round(value, 1) > 0 else text


def count_text(count: int | None, k: int) -> str:
    return withheld_text(k) if is_withheld(count) else number_format(count)


def privacy_note(k: int) -> str:
    return _(
        "To protect privacy, groups of fewer than %(k)s people are not shown; "
        "where needed, another group is hidden too "
        "so the hidden figure cannot be worked out."
    ) % {"k": k}


def interval_note() -> str:
    return _(
        "The line on each bar shows where the true average lies with 95 % certainty: "
        "with more answers the line gets shorter."
    )


def option_label(option: OptionCell) -> str:
    return option.label or _("An answer that is no longer offered")


def effect_size_words(value: float) -> str:
    """Return how large an effect is by Cohen's rule of thumb (0.2 small, 0.5 medium, 0.8 large)."""
    size = abs(value)
    if size < 0.2:
        return pgettext("effect size", "very small")
    if size < 0.5:
        return pgettext("effect size", "small")
    if size < 0.8:
        return pgettext("effect size", "medium")
    return pgettext("effect size", "large")


def effect_size_sentence(measure: str, value: float) -> str:
    """Return the effect of a change in plain words, with the measure it was taken by."""
    return _(
        "By Cohen's rule of thumb the effect of the change is %(size)s (%(measure)s = %(value)s)."
    ) % {"size": effect_size_words(value), "measure": measure, "value": two_decimals(value)}


def subtitle_of(*parts) -> str:
    return " · ".join(str(part) for part in parts if part)


def n_text(count) -> str:
    return _("n = %(n)s") % {"n": number_format(count)} if count else ""
