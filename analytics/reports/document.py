"""What a printed report holds, as typed parts; `analytics.reports.pdf` typesets it.

The parts carry finished, translated text and published figures only: whoever assembles
a report (a dashboard page in cms, a wave) decides what goes in, the typesetter decides
only how it looks.
"""

from dataclasses import dataclass, field
from datetime import date

from analytics.figures import Chart


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Text:
    text: str
    is_quote: bool = False


@dataclass(frozen=True)
class Rung:
    """One step of the PHINEO impact ladder, and whether this report shows figures for it."""

    number: int
    label: str
    level: str
    is_shown: bool = False


@dataclass(frozen=True)
class Ladder:
    rungs: tuple[Rung, ...]
    caption: str = ""


@dataclass(frozen=True)
class ChartPart:
    chart: Chart


Part = Heading | Text | Ladder | ChartPart


@dataclass(frozen=True)
class ReportDocument:
    title: str
    subtitle: str
    made_on: date
    language: str
    intro: str = ""
    source: str = ""
    ladder: Ladder | None = None
    # The smallest group any figure stands for (the largest k of the waves shown).
    min_cell_size: int = 5
    parts: list[Part] = field(default_factory=list)
    # Method and protection notes, printed on the last page.
    notes: list[str] = field(default_factory=list)

    @property
    def chart_count(self) -> int:
        return sum(isinstance(part, ChartPart) for part in self.parts)
