"""The table of a public chart as a CSV or Excel file, exactly as the page shows it."""

import io
import re

from django.utils.text import slugify

from analytics.figures import Table
from analytics.tabular import CsvTable, XlsxWorkbook

# A whole number as the page prints it in German ("1.234") or English ("1,234").
WHOLE_NUMBER = re.compile(r"^\d{1,3}(?:[.,\u202f\xa0]\d{3})*$")
GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def download_filename(*parts: str, extension: str) -> str:
    """Return a readable ASCII file name, German umlauts spelled out ("ue" for "ü")."""
    words = [slugify(part.translate(GERMAN_LETTERS)) for part in parts if part]
    stem = "-".join(word for word in words if word)[:120].strip("-") or "daten"
    return f"{stem}.{extension}"


def table_csv(table: Table) -> bytes:
    """Return the table as UTF-8 CSV with a byte order mark, so Excel reads the umlauts."""
    buffer = io.StringIO()
    writer = CsvTable(buffer)
    writer.writerow([str(heading) for heading in table.headings])
    for row in table.rows:
        writer.writerow([str(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_value(text: str):
    """Return a whole number as a number, anything else (a withheld cell too) as text."""
    if WHOLE_NUMBER.match(text):
        return int(re.sub(r"\D", "", text))
    return text


def table_xlsx(table: Table, *, source: str, note: str = "") -> bytes:
    """Return the table as an Excel workbook: caption, header row, rows, note and source."""
    workbook = XlsxWorkbook()
    # Excel allows 31 characters and none of []:*?/\ in a sheet name.
    sheet = workbook.add_sheet(re.sub(r"[\[\]:*?/\\]", " ", table.caption)[:31] or "Daten")
    sheet.set_width("A", 40)
    for letter in "BCDEF":
        sheet.set_width(letter, 18)
    sheet.append([table.caption], bold=True)
    sheet.append([str(heading) for heading in table.headings], bold=True)
    for row in table.rows:
        sheet.append([_xlsx_value(str(cell)) for cell in row])
    sheet.append([])
    for line in (note, source):
        if line:
            sheet.append([line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
