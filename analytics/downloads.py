"""The table of a public chart as a CSV or Excel file, exactly as the page shows it."""

import io
import re

from django.utils.text import slugify

from analytics.charts.model import Table
from analytics.tabular import CsvTable, XlsxWorkbook

# A whole number as the page prints it in German ("1.234") or English ("1,234").
WHOLE_NUMBER = re.compile(r"^\d{1,3}(?:[.,\u202f\xa0]\d{3})*$")
# The isolates a right-to-left page puts around German names (analytics/localisation.py).
DIRECTION_MARKS = str.maketrans("", "", "\u2066\u2067\u2068\u2069")
GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def download_filename(*parts: str, extension: str) -> str:
    """Return a readable ASCII file name, German umlauts spelled out ("ue" for "ü")."""
    words = [slugify(part.translate(GERMAN_LETTERS)) for part in parts if part]
    stem = "-".join(word for word in words if word)[:120].strip("-") or "daten"
    return f"{stem}.{extension}"


def table_rows(table: Table) -> tuple[list[str], list[list]]:
    """Return the table's headings and rows with every figure as a number.

    A cell that stands for several numbers ("47 % (9)") becomes a column for each,
    headed "Anteil: in %" and "Anteil: Personen"; a withheld or empty figure keeps the
    page's text, so it never reads as a zero.
    """
    layouts = []
    for position in range(len(table.headings)):
        labels = next(
            (
                [label for label, _value in row[position].numbers]
                for row in table.rows
                if position < len(row) and getattr(row[position], "numbers", None)
            ),
            None,
        )
        layouts.append(labels)
    headings = []
    for heading, labels in zip(table.headings, layouts, strict=True):
        if labels is None:
            headings.append(str(heading))
        else:
            headings += [f"{heading}: {label}" if label else str(heading) for label in labels]
    rows = []
    for row in table.rows:
        cells = []
        for position, labels in enumerate(layouts):
            cell = row[position] if position < len(row) else ""
            if labels is None:
                cells.append(_plain(cell))
                continue
            numbers = dict(getattr(cell, "numbers", ()))
            for label in labels:
                value = numbers.get(label)
                cells.append(_plain(cell) if value is None else value)
        rows.append(cells)
    return [_plain(heading) for heading in headings], rows


def _plain(text) -> str:
    """Return a page's text for a spreadsheet cell, without its direction marks."""
    return str(text).translate(DIRECTION_MARKS)


def table_csv(table: Table) -> bytes:
    """Return the table as UTF-8 CSV with a byte order mark, so Excel reads the umlauts."""
    headings, rows = table_rows(table)
    buffer = io.StringIO()
    writer = CsvTable(buffer)
    writer.writerow(headings)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_value(value):
    """Return a whole number as a number, anything else (a withheld cell too) as text."""
    if not isinstance(value, str):
        return value
    if WHOLE_NUMBER.match(value):
        return int(re.sub(r"\D", "", value))
    return value


def table_xlsx(table: Table, *, source: str, note: str = "") -> bytes:
    """Return the table as an Excel workbook: caption, header row, rows, note and source."""
    headings, rows = table_rows(table)
    workbook = XlsxWorkbook()
    # Excel allows 31 characters and none of []:*?/\ in a sheet name.
    caption = _plain(table.caption)
    sheet = workbook.add_sheet(re.sub(r"[\[\]:*?/\\]", " ", caption)[:31] or "Daten")
    sheet.set_width("A", 40)
    for letter in "BCDEFGH":
        sheet.set_width(letter, 18)
    sheet.append([caption], bold=True)
    sheet.append(headings, bold=True)
    for row in rows:
        sheet.append([_xlsx_value(cell) for cell in row])
    sheet.append([])
    for line in (note, source):
        if line:
            sheet.append([_plain(line)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
