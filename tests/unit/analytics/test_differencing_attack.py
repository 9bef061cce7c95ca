"""The attacker of issue 13: every public channel, two versions, a planted respondent.

The attacker reads every number published for a wave (the results API with every
question filter, the dashboard chart tables for everyone and every group, their CSV
and Excel downloads, the open-data package) in one version; then a person he knows
(quarter, age band and gender) answers, together with the k - 1 answers he submits
himself to make the next version appear; then he reads everything again. An integer
program over both versions, knowing the method (noise of at most 2, nothing published
from fewer than k, a true zero stays zero), looks for the planted person's answer and
for every withheld count and every count of people who skipped. With the protection on
it must pin none of them; with the perturbation switched off, the same attacker finds
the planted person's answer and the few who skipped. A smarter attacker also looks at
which published cells moved between the versions: with the wave key in every cell key,
cells nobody joined move too, so the moved cell no longer points at the planted person.
"""

import csv
import io
import itertools
import random
import re
import zipfile

import pytest
from openpyxl import load_workbook

from analytics import figure_kinds
from analytics.downloads import table_csv, table_xlsx
from analytics.groups import Group
from analytics.perturbation import LARGEST_NOISE
from analytics.selectors import published_snapshot
from analytics.services import min_cell_size, refresh_snapshot
from analytics.services.snapshots import GROUPINGS
from surveys.models import Response
from tests.factories import WaveFactory, add_responses, full_questionnaire

optimize = pytest.importorskip("scipy.optimize")
np = pytest.importorskip("numpy")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("publish_every_refresh")]

QUESTION = "se1"
VICTIM = {"quarter": "hagen", "age_band": "18-21", "gender": "w"}
VICTIM_ANSWER = "2"


def _demo_like_wave(seed: int):
    """A wave like the demo's: 70 people, most in Altenhagen and Wehringhausen; 3 skip."""
    rng = random.Random(seed)
    wave = WaveFactory(questionnaire=full_questionnaire())
    quarters = ["altenhagen", "wehringhausen", "hagen"]
    ages = ["10-13", "14-17", "18-21"]
    for person in range(70):
        answer = rng.choice("12345")
        add_responses(
            wave,
            quarter=rng.choices(quarters, [45, 40, 15])[0],
            age_band=rng.choice(ages),
            gender=rng.choice(["w", "m"]),
            answers={} if person < 3 else {QUESTION: answer},
        )
    return wave


def _attacker_answers():
    """The k - 1 answers the attacker submits himself, away from the victim's quarter."""
    return [
        ({"quarter": "altenhagen", "age_band": "14-17", "gender": "m"}, "5")
        for _ in range(min_cell_size() - 1)
    ]


@pytest.fixture
def seeded_record_keys(monkeypatch):
    """Record keys from a fixed seed, so the test sees the same noise on every run."""
    field = Response._meta.get_field("record_key")
    rng = random.Random(13)
    # The field caches its default on first use (`Field._get_default`), so replacing
    # `default` alone would go unseen once an earlier test has stored a response.
    monkeypatch.setattr(field, "_get_default", lambda: rng.randrange(256))


# What every channel publishes ------------------------------------------------------


def _api(client, wave) -> dict:
    everything = client.get(f"/api/v1/waves/{wave.slug}/results/").json()
    filtered = client.get(f"/api/v1/waves/{wave.slug}/results/?question={QUESTION}").json()
    assert filtered["questions"] == [q for q in everything["questions"] if q["key"] == QUESTION], (
        "the question filter publishes the same figures"
    )
    return everything


def _numbers_in(text: str) -> set[int]:
    return {int(found.replace(".", "")) for found in re.findall(r"\b\d[\d.]*\b", text)}


def _dashboard_numbers(snapshot) -> set[int]:
    """Every whole number in the chart tables and their downloads, for every filter."""
    groups = [None]
    for grouping in GROUPINGS:
        for entry in (
            snapshot.figures.question(QUESTION).source["breakdowns"].get("__".join(grouping), [])
        ):
            groups.append(Group(tuple(zip(grouping, entry["values"], strict=True))))
    numbers = set()
    for group in groups:
        chart = figure_kinds.bar_chart(snapshot=snapshot, key=QUESTION, group=group)
        for row in chart.table.rows:
            for cell in row:
                if "%" not in str(cell):
                    numbers |= _numbers_in(str(cell))
        # Shares are numbers in the downloads, in columns headed "… in Prozent".
        text = table_csv(chart.table).decode("utf-8-sig")
        headings, *rows = csv.reader(io.StringIO(text))
        for row in rows:
            for heading, cell in zip(headings[1:], row[1:], strict=True):
                if "Prozent" not in heading and "%" not in cell:
                    numbers |= _numbers_in(cell)
        sheet = load_workbook(io.BytesIO(table_xlsx(chart.table, source="x"))).active
        headings = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
        for row in sheet.iter_rows(min_row=3, values_only=True):
            numbers |= {
                value
                for heading, value in zip(headings, row, strict=False)
                if isinstance(value, int) and "Prozent" not in str(heading)
            }
    return numbers


def _open_data(client, wave) -> list[dict]:
    content = client.get(f"/api/v1/waves/{wave.slug}/open-data/").content
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        name = next(n for n in package.namelist() if n.endswith("ergebnisse.csv"))
        return list(csv.DictReader(io.StringIO(package.read(name).decode("utf-8"))))


def _published(client, wave) -> dict:
    """Read one version through every channel; check they all say the same."""
    api = _api(client, wave)
    snapshot = published_snapshot(wave=wave)
    question = next(q for q in api["questions"] if q["key"] == QUESTION)
    api_counts = {option["count"] for option in question["options"]} | {question["answered"]}
    for breakdown in question["breakdowns"].values():
        for group in breakdown:
            api_counts |= {option["count"] for option in group["options"]}
            api_counts.add(group["answered"])
    api_counts |= {group["count"] for table in api["participation"].values() for group in table}
    api_counts |= {api["response_count"]}
    rows = [row for row in _open_data(client, wave) if row["item_key"] == QUESTION]
    open_counts = {int(row["count"]) for row in rows if row["count"]}
    assert open_counts <= api_counts, "open data publishes the API's figures"
    shown = _dashboard_numbers(snapshot)
    assert {n for n in shown if n > 5} <= api_counts | {5}, "dashboards show the API's figures"
    return api


# The integer program ------------------------------------------------------------------


class Attack:
    """Unknowns: the true count of each (segment combination, answer) before the plant."""

    def __init__(self, first: dict, second: dict, *, noise: int, k: int):
        self.k, self.noise = k, noise
        self.dims = list(first["segments"])
        values = {d: [item["value"] for item in first["segments"][d]] for d in self.dims}
        self.combos = list(itertools.product(*(values[d] for d in self.dims)))
        question = next(q for q in first["questions"] if q["key"] == QUESTION)
        self.options = [option["value"] for option in question["options"]] + [None]
        self.columns = [(c, o) for c in self.combos for o in self.options]
        self.index = {column: i for i, column in enumerate(self.columns)}
        size = len(self.columns)
        # Variables: x (before) for every column, then the victim's answer v per option.
        self.size = size + len(self.options)
        self.rows, self.low, self.high = [], [], []
        planted = np.zeros(size)
        for segments, answer in _attacker_answers():
            planted[self.index[(self._combo(segments), answer)]] += 1
        self.victim = self._combo(VICTIM)
        for version, data in ((0, first), (1, second)):
            for members, value in self._published_sets(data):
                row = np.zeros(self.size)
                for column in members:
                    row[self.index[column]] = 1
                offset = 0.0
                if version == 1:
                    offset = sum(planted[self.index[column]] for column in members)
                    for position, option in enumerate(self.options):
                        if (self.victim, option) in members:
                            row[size + position] = 1
                self._bound(row, value, offset)
        one = np.zeros(self.size)
        one[size:] = 1
        self.rows.append(one)
        self.low.append(1)
        self.high.append(1)

    def _combo(self, segments: dict) -> tuple:
        return tuple(segments[d] for d in self.dims)

    def _bound(self, row, value, offset):
        """Published value y of a true count t: y = 0 iff t = 0; else t >= k, |y - t| <= noise."""
        if value is None:
            return  # Withheld: small, or withheld to protect a small one.
        if value == 0:
            low = high = 0
        else:
            low, high = max(self.k, value - self.noise), value + self.noise
        self.rows.append(row)
        self.low.append(low - offset)
        self.high.append(high - offset)

    def _members(self, grouping, values, options):
        return [
            (combo, option)
            for combo in self.combos
            for option in options
            if all(combo[self.dims.index(d)] == v for d, v in zip(grouping, values, strict=True))
        ]

    def _published_sets(self, data):
        question = next(q for q in data["questions"] if q["key"] == QUESTION)
        answered = [o for o in self.options if o is not None]
        yield self._members((), (), self.options), data["response_count"]
        yield self._members((), (), answered), question["answered"]
        for option in question["options"]:
            yield self._members((), (), [option["value"]]), option["count"]
        for name, groups in question["breakdowns"].items():
            grouping = name.split("__")
            for group in groups:
                yield self._members(grouping, group["values"], answered), group["answered"]
                for option in group["options"]:
                    members = self._members(grouping, group["values"], [option["value"]])
                    yield members, option["count"]
        for name, table in data["participation"].items():
            for group in table:
                members = self._members(name.split("__"), group["values"], self.options)
                yield members, group["count"]

    def _solve(self, objective, extra=()):
        rows, low, high = list(self.rows), list(self.low), list(self.high)
        for row, value in extra:
            rows.append(row)
            low.append(value)
            high.append(value)
        upper = np.full(self.size, 500.0)
        upper[len(self.columns) :] = 1
        return optimize.milp(
            objective,
            constraints=[optimize.LinearConstraint(np.array(rows), low, high)],
            integrality=np.ones(self.size),
            bounds=optimize.Bounds(np.zeros(self.size), upper),
        )

    def possible_answers(self) -> set:
        """Return every answer of the planted person some solution allows."""
        possible = set()
        start = len(self.columns)
        for position, option in enumerate(self.options):
            fix = np.zeros(self.size)
            fix[start + position] = 1
            if self._solve(np.zeros(self.size), [(fix, 1)]).success:
                possible.add(option)
        return possible

    def _skipped_sets(self, data):
        """Yield who took part but did not answer, per published group: never published."""
        yield self._members((), (), [None]), None
        for name, table in data["participation"].items():
            for group in table:
                yield self._members(name.split("__"), group["values"], [None]), None

    def pinned_small_counts(self, data) -> list:
        """Return the withheld or unpublished counts the program pins between 1 and k - 1.

        Every withheld cell of the version, and the people of each group who skipped
        the question (took part minus answered).
        """
        pinned = []
        for members, value in [*self._published_sets(data), *self._skipped_sets(data)]:
            if value is not None:
                continue
            row = np.zeros(self.size)
            for column in members:
                row[self.index[column]] = 1
            low, high = self._solve(row), self._solve(-row)
            is_pinned = low.success and high.success and round(low.fun) == round(-high.fun)
            if is_pinned and 1 <= round(low.fun) < self.k:
                pinned.append((members[0], round(low.fun)))
        return pinned


def _plant_and_read(client, wave) -> tuple[dict, dict]:
    refresh_snapshot(wave=wave)
    first = _published(client, wave)
    add_responses(wave, answers={QUESTION: VICTIM_ANSWER}, **VICTIM)
    for segments, answer in _attacker_answers():
        add_responses(wave, answers={QUESTION: answer}, **segments)
    assert refresh_snapshot(wave=wave) is not None, "k new responses publish a new version"
    second = _published(client, wave)
    assert second["version"] > first["version"]
    return first, second


@pytest.mark.usefixtures("seeded_record_keys")
def test_the_attacker_cannot_tell_the_planted_persons_answer_across_two_versions(client):
    wave = _demo_like_wave(seed=2026)
    first, second = _plant_and_read(client, wave)

    attack = Attack(first, second, noise=LARGEST_NOISE, k=min_cell_size())

    possible = attack.possible_answers()
    assert VICTIM_ANSWER in possible
    assert len(possible) >= 2


@pytest.mark.usefixtures("seeded_record_keys")
def test_the_attacker_pins_no_withheld_count_between_1_and_k_minus_1(client):
    wave = _demo_like_wave(seed=2025)
    first, second = _plant_and_read(client, wave)

    attack = Attack(first, second, noise=LARGEST_NOISE, k=min_cell_size())

    assert attack.pinned_small_counts(second) == []
    assert attack.pinned_small_counts(first) == []


@pytest.mark.usefixtures("seeded_record_keys", "unperturbed")
def test_without_the_perturbation_the_same_attacker_finds_the_planted_person(client):
    wave = _demo_like_wave(seed=2026)
    first, second = _plant_and_read(client, wave)

    attack = Attack(first, second, noise=0, k=min_cell_size())

    assert attack.possible_answers() == {VICTIM_ANSWER}
    assert attack.pinned_small_counts(second), "the 3 who skipped show by subtraction"


# A smarter attacker: which published cells moved between the versions --------------


def _moved_options(first: dict, second: dict) -> set:
    """Return the answers whose count for everyone moved, leaving out the attacker's own."""
    own = {answer for _segments, answer in _attacker_answers()}
    counts = []
    for data in (first, second):
        question = next(q for q in data["questions"] if q["key"] == QUESTION)
        counts.append({option["value"]: option["count"] for option in question["options"]})
    before, after = counts
    return {value for value in before if value not in own and before[value] != after[value]}


@pytest.mark.usefixtures("seeded_record_keys")
def test_cells_nobody_joined_move_too_so_a_moved_cell_does_not_point_at_the_planted_person(
    client,
):
    wave = _demo_like_wave(seed=2026)
    first, second = _plant_and_read(client, wave)

    assert _moved_options(first, second) != {VICTIM_ANSWER}


@pytest.mark.usefixtures("seeded_record_keys")
def test_with_noise_from_the_cells_own_people_only_the_moved_cell_gives_the_answer_away(
    client, monkeypatch
):
    from analytics import perturbation

    monkeypatch.setattr(
        perturbation, "cell_key", lambda key_sum, wave_key: key_sum % perturbation.KEY_RANGE
    )
    wave = _demo_like_wave(seed=2026)
    first, second = _plant_and_read(client, wave)

    assert _moved_options(first, second) == {VICTIM_ANSWER}
