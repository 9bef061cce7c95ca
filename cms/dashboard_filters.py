"""The dashboard's filter: wave, quarter, age band, gender and home language from the query.

The choices come from the published snapshots of the page's waves, so a visitor can
only ask for groups a snapshot already publishes (suppressed); a request never counts.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from analytics.groups import Group
from analytics.localisation import localised_snapshot
from analytics.selectors import published_snapshot
from surveys.models import Segment, Wave

# Query parameter → segment dimension; German, as the addresses of the site are.
PARAMETERS = {
    "quartier": Segment.QUARTER,
    "alter": Segment.AGE_BAND,
    "geschlecht": Segment.GENDER,
    "sprache": Segment.HOME_LANGUAGE,
}
# Dimensions whose values are offered only where the snapshot publishes the group's size:
# most home languages are spoken by a handful of people, and a list of groups that all
# read "not shown" helps nobody.
OFFERED_WHERE_PUBLISHED = {Segment.HOME_LANGUAGE}
WAVE_PARAMETER = "welle"


class WaveSelect(forms.Select):
    """A choice of waves, whose names staff write in German: marked so on other pages."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value and get_language() != settings.LANGUAGE_CODE:
            option["attrs"] = {**option["attrs"], "lang": settings.LANGUAGE_CODE, "dir": "ltr"}
        return option


class DashboardFilterForm(forms.Form):
    welle = forms.ChoiceField(label=_("Wave"), required=False, widget=WaveSelect)
    quartier = forms.ChoiceField(label=_("Quarter"), required=False)
    alter = forms.ChoiceField(label=_("Age band"), required=False)
    geschlecht = forms.ChoiceField(label=_("Gender"), required=False)
    sprache = forms.ChoiceField(label=_("Language spoken at home"), required=False)

    ALL = {
        "welle": _("As chosen for each chart"),
        "quartier": _("All quarters"),
        "alter": _("All ages"),
        "geschlecht": _("All genders"),
        "sprache": _("All languages"),
    }

    def __init__(self, *args, choices: dict[str, list[tuple[str, str]]], **kwargs):
        super().__init__(*args, **kwargs)
        for name, form_field in self.fields.items():
            form_field.choices = [("", self.ALL[name])] + choices.get(name, [])
            form_field.error_messages["invalid_choice"] = _(
                "“%(value)s” is not one of the choices here; please pick one from the list."
            )

    def offered_fields(self):
        """Return the fields with something to choose; the others are left out of the page."""
        return [bound for bound in self if len(bound.field.choices) > 1]


@dataclass
class DashboardFilter:
    form: DashboardFilterForm
    wave: Wave | None = None
    group: Group | None = None
    # The visitor asked for a combination no snapshot publishes (e.g. quarter and gender).
    asked_group: Group | None = None
    labels: list[str] = field(default_factory=list)

    @property
    def is_invalid(self) -> bool:
        return bool(self.form.errors)

    @property
    def is_unsupported(self) -> bool:
        return self.asked_group is not None and self.group is None

    @property
    def is_offered(self) -> bool:
        return bool(self.form.offered_fields())

    @property
    def query_string(self) -> str:
        """Return the chosen filter as a query string ("" for none), for links to its charts."""
        if self.is_invalid:
            return ""
        chosen = {name: self.form.cleaned_data[name] for name in [WAVE_PARAMETER, *PARAMETERS]}
        return urlencode({name: value for name, value in chosen.items() if value})


def _published_snapshot(wave):
    return localised_snapshot(published_snapshot(wave=wave), wave=wave)


def dashboard_waves(blocks) -> list[Wave]:
    """Return the waves a dashboard's blocks show, nested ones too, in page order."""
    waves = []

    def visit(value):
        if isinstance(value, Wave):
            if value not in waves:
                waves.append(value)
        elif hasattr(value, "items"):
            for child in value.values():
                visit(child)
        elif hasattr(value, "__iter__") and not isinstance(value, str | bytes):
            for child in value:
                visit(getattr(child, "value", child))

    for block in blocks:
        visit(block.value)
    return waves


def _published_values(snapshot, dimension: str) -> set[str] | None:
    """Return the values of a dimension whose group size the snapshot publishes.

    None where every value is offered (the dimension is not in OFFERED_WHERE_PUBLISHED).
    """
    if dimension not in OFFERED_WHERE_PUBLISHED:
        return None
    rows = snapshot.figures.participation.get(dimension, ())
    return {row.values[0] for row in rows if not row.is_withheld and row.count}


def dashboard_filter(*, blocks, params, results=None) -> DashboardFilter:
    """Return the filter a dashboard's query string asks for, checked against its snapshots.

    `results` gives each wave's published snapshot when the page has read them already.
    """
    snapshot_of = results.snapshot if results is not None else _published_snapshot
    snapshots = [
        (wave, snapshot)
        for wave in dashboard_waves(blocks)
        if (snapshot := snapshot_of(wave)) is not None
    ]
    choices = {WAVE_PARAMETER: [(wave.slug, str(wave)) for wave, _snapshot in snapshots]}
    for parameter, dimension in PARAMETERS.items():
        labels = {}
        for _wave, snapshot in snapshots:
            published = _published_values(snapshot, dimension)
            for item in snapshot.figures.segments.get(dimension, ()):
                if item.value and (published is None or item.value in published):
                    labels.setdefault(item.value, item.label)
        choices[parameter] = list(labels.items())
    asked = {name: params.get(name, "") for name in [WAVE_PARAMETER, *PARAMETERS]}
    form = DashboardFilterForm(asked, choices=choices)
    if not form.is_valid():
        return DashboardFilter(form=form)
    data = form.cleaned_data
    wave = next((w for w, _snapshot in snapshots if w.slug == data[WAVE_PARAMETER]), None)
    asked_group = Group.of({PARAMETERS[name]: data[name] for name in PARAMETERS})
    group = asked_group if asked_group and asked_group.grouping else None
    labels = [
        dict(choices[name])[data[name]] for name in [WAVE_PARAMETER, *PARAMETERS] if data[name]
    ]
    return DashboardFilter(
        form=form, wave=wave, group=group, asked_group=asked_group, labels=labels
    )
