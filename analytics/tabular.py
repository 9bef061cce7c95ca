"""The one writer of every CSV and Excel file: staff exports, chart downloads, open data.

A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a
formula (OWASP "CSV injection"), so a free-text answer like `=HYPERLINK(...)` could
run on a staff member's computer. Every text cell gets a leading apostrophe there, and
in Excel files every text cell is typed as text; numbers stay numbers, so a sum over a
column still works.
"""

import csv
import datetime
from decimal import Decimal

import xlsxwriter
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# UTF-8 with a byte order mark, so Excel shows umlauts and Arabic script right.
CSV_ENCODING = "utf-8-sig"


def defuse_formula(text: str) -> str:
    """Return `text` so no spreadsheet runs it: a leading formula sign gets an apostrophe."""
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _number(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def csv_cell(value):
    """Return what a CSV cell holds: a number as a number, anything else as safe text."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | Decimal):
        return _number(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return defuse_formula(str(value))


class CsvTable:
    """Write rows of cells to an open text file (or buffer) as CSV."""

    def __init__(self, file):
        self.writer = csv.writer(file, lineterminator="\r\n")

    def writerow(self, row) -> None:
        self.writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


class XlsxSheet:
    """One sheet of an `XlsxWorkbook`; rows stream to disk as they are appended."""

    def __init__(self, worksheet):
        self.worksheet = worksheet

    def set_width(self, column: str, width: float) -> None:
        """Set a column's width (before the first row, as streamed sheets require)."""
        self.worksheet.column_dimensions[column].width = width

    def append(self, row, *, bold: bool = False) -> None:
        self.worksheet.append([self._cell(value, bold=bold) for value in row])

    def _cell(self, value, *, bold: bool):
        if value is None:
            cell = WriteOnlyCell(self.worksheet, value=None)
        elif isinstance(value, bool | int | float | Decimal | datetime.date):
            cell = WriteOnlyCell(self.worksheet, value=_number(value))
        else:
            text = defuse_formula(ILLEGAL_CHARACTERS_RE.sub("", str(value)))
            cell = WriteOnlyCell(self.worksheet, value=text)
            # openpyxl stores any text starting with "=" as a formula unless told otherwise.
            cell.data_type = "s"
        if bold:
            cell.font = Font(bold=True)
        return cell


class XlsxWorkbook:
    """An Excel workbook written in openpyxl's streaming mode, so memory stays flat."""

    def __init__(self):
        self.workbook = Workbook(write_only=True)

    def add_sheet(self, title: str) -> XlsxSheet:
        return XlsxSheet(self.workbook.create_sheet(title))

    def save(self, target) -> None:
        """Save to a path or a binary file object."""
        self.workbook.save(target)


class StreamingXlsxSheet:
    """One sheet of a `StreamingXlsxWorkbook`: each row goes to disk when the next begins."""

    def __init__(self, worksheet, date_format):
        self.worksheet = worksheet
        self.date_format = date_format
        self.row_number = 0
        # Straight to the typed writers: the public `write()` guesses a type per cell.
        self._write_number = worksheet._write_number
        self._write_string = worksheet._write_string

    def append(self, row) -> None:
        number = self.row_number
        for column, value in enumerate(row):
            kind = type(value)
            if kind is int or kind is float:
                self._write_number(number, column, value, None)
            elif kind is str:
                # Always a string cell, never a formula; a leading sign gets an apostrophe.
                text = defuse_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
                self._write_string(number, column, text, None)
            elif value is None:
                continue
            elif kind is bool or kind is Decimal:
                self._write_number(number, column, _number(value), None)
            elif isinstance(value, datetime.date):
                moment = value
                if not isinstance(value, datetime.datetime):
                    moment = datetime.datetime.combine(value, datetime.time())
                self.worksheet.write_datetime(number, column, moment, self.date_format)
            else:
                text = defuse_formula(ILLEGAL_CHARACTERS_RE.sub("", str(value)))
                self._write_string(number, column, text, None)
        self.row_number += 1


class StreamingXlsxWorkbook:
    """An Excel workbook for large tables: XlsxWriter in constant-memory mode.

    Each sheet keeps one row in memory and writes the rest to a temporary file, and
    the cell writing is about four times quicker than openpyxl's, so a million-row
    export stays flat in memory. Rows of a sheet must come in order.
    """

    def __init__(self, path):
        self.workbook = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        self.date_format = self.workbook.add_format({"num_format": "yyyy-mm-dd"})

    def add_sheet(self, title: str) -> StreamingXlsxSheet:
        return StreamingXlsxSheet(self.workbook.add_worksheet(title), self.date_format)

    def save(self) -> None:
        self.workbook.close()
