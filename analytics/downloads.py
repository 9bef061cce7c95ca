"""The table of a public chart as a CSV or Excel file, exactly as the page shows it."""

import csv
import io
import re

from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

from analytics.figures import Table

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A whole number as the page prints it in German ("1.234") or English ("1,234").
WHOLE_NUMBER = re.compile(r"^\d{1,3}(?:[.,\u202f\xa0]\d{3})*$")
GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def defuse_formula(text: str) -> str:
    """Return `text` so no spreadsheet runs it: a leading formula sign gets an apostrophe."""
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def download_filename(*parts: str, extension: str) -> str:
    """Return a readable ASCII file name, German umlauts spelled out ("ue" for "ü")."""
    words = [slugify(part.translate(GERMAN_LETTERS)) for part in parts if part]
    stem = "-".join(word for word in words if word)[:120].strip("-") or "daten"
    return f"{stem}.{extension}"


def table_csv(table: Table) -> bytes:
    """Return the table as UTF-8 CSV with a byte order mark, so Excel reads the umlauts."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([defuse_formula(str(heading)) for heading in table.headings])
    for row in table.rows:
        writer.writerow([defuse_formula(str(cell)) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_value(text: str):
    """Return a whole number as a number, anything else (a withheld cell too) as text."""
    if WHOLE_NUMBER.match(text):
        return int(re.sub(r"\D", "", text))
    return defuse_formula(text)


def table_xlsx(table: Table, *, source: str, note: str = "") -> bytes:
    """Return the table as an Excel workbook: caption, header row, rows, note and source."""
    workbook = Workbook()
    sheet = workbook.active
    # Excel allows 31 characters and none of []:*?/\ in a sheet name.
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", table.caption)[:31] or "Daten"
    sheet.append([defuse_formula(table.caption)])
    sheet["A1"].font = Font(bold=True)
    sheet.append([defuse_formula(str(heading)) for heading in table.headings])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_xlsx_value(str(cell)) for cell in row])
    sheet.append([])
    for line in (note, source):
        if line:
            sheet.append([defuse_formula(line)])
    for row in sheet.iter_rows():
        for cell in row:
            # openpyxl stores any text starting with "=" as a formula unless told otherwise.
            if isinstance(cell.value, str):
                cell.data_type = "s"
    sheet.column_dimensions["A"].width = 40
    for letter in "BCDEF":
        sheet.column_dimensions[letter].width = 18
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
