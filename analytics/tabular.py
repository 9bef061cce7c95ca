"""The one writer of every CSV and Excel file: staff exports, chart downloads, open data.

A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a
formula (OWASP "CSV injection"), so a free-text answer like `=HYPERLINK(...)` could
run on a staff member's computer. Every text cell gets a leading apostrophe there, and
in Excel files every text cell is typed as text; numbers stay numbers, so a sum over a
column still works.
"""

import csv
import datetime
import math
import re
import shutil
import tempfile
import zipfile
from decimal import Decimal

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


# A streamed Excel file, written by hand: the few parts of SpreadsheetML a workbook
# needs (ECMA-376 part 1), one row of XML per row, every sheet spooled to a temporary
# file and zipped at the end. Cell by cell, openpyxl's write-only mode and XlsxWriter
# spend 10 and 3 µs; this spends under 1, and memory stays one row deep.
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Style 1 is the built-in date format 14 (Excel shows it in the reader's own convention).
STYLES_XML = (
    f'{XML_HEAD}<styleSheet xmlns="{MAIN_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
EXCEL_EPOCH = datetime.datetime(1899, 12, 30)
MAX_CELL_TEXT = 32767  # Excel's limit for one cell.


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attribute(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;")


class StreamingXlsxSheet:
    """One sheet of a `StreamingXlsxWorkbook`: rows go to a temporary file as they come."""

    def __init__(self, title: str):
        # Excel allows 31 characters and none of []:*?/\ in a sheet name.
        self.title = re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Sheet"
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the workbook
        self.file.write(f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode())
        self.row_number = 0
        self.letters: list[str] = []

    def append(self, row) -> None:
        self.row_number += 1
        number = str(self.row_number)
        letters = self.letters
        while len(letters) < len(row):
            letters.append(_column_letters(len(letters)))
        cells = [f'<row r="{number}">']
        for column, value in enumerate(row):
            kind = type(value)
            if kind is int:
                cells.append(f'<c r="{letters[column]}{number}"><v>{value}</v></c>')
            elif kind is str:
                cells.append(self._text(f"{letters[column]}{number}", value))
            elif value is None:
                continue
            elif kind is float:
                if math.isfinite(value):
                    cells.append(f'<c r="{letters[column]}{number}"><v>{value!r}</v></c>')
            elif kind is bool or isinstance(value, int | Decimal):
                cells.append(f'<c r="{letters[column]}{number}"><v>{_number(value)}</v></c>')
            elif isinstance(value, datetime.date):
                moment = value
                if not isinstance(value, datetime.datetime):
                    moment = datetime.datetime.combine(value, datetime.time())
                serial = (moment.replace(tzinfo=None) - EXCEL_EPOCH) / datetime.timedelta(days=1)
                cells.append(f'<c r="{letters[column]}{number}" s="1"><v>{serial!r}</v></c>')
            else:
                cells.append(self._text(f"{letters[column]}{number}", str(value)))
        cells.append("</row>")
        self.file.write("".join(cells).encode())

    @staticmethod
    def _text(reference: str, value: str) -> str:
        # Always a string cell, never a formula; a leading sign gets an apostrophe.
        text = defuse_formula(ILLEGAL_CHARACTERS_RE.sub("", value))[:MAX_CELL_TEXT]
        return (
            f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">'
            f"{_xml_text(text)}</t></is></c>"
        )


class StreamingXlsxWorkbook:
    """An Excel workbook for large tables, written to `path` by `save()`.

    Rows of each sheet stream to a temporary file, so a million-row export stays flat
    in memory; rows of one sheet must come in order.
    """

    def __init__(self, path):
        self.path = path
        self.sheets: list[StreamingXlsxSheet] = []

    def add_sheet(self, title: str) -> StreamingXlsxSheet:
        sheet = StreamingXlsxSheet(title)
        self.sheets.append(sheet)
        return sheet

    def save(self) -> None:
        count = len(self.sheets)
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, count + 1)
        )
        parts = {
            "[Content_Types].xml": (
                f"{XML_HEAD}<Types xmlns="
                '"http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                '<Override PartName="/xl/styles.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                f"{overrides}</Types>"
            ),
            "_rels/.rels": (
                f'{XML_HEAD}<Relationships xmlns="{PACKAGE_NS}">'
                f'<Relationship Id="rId1" Type="{RELATIONSHIP_NS}/officeDocument" '
                'Target="xl/workbook.xml"/></Relationships>'
            ),
            "xl/workbook.xml": (
                f'{XML_HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{RELATIONSHIP_NS}"><sheets>'
                + "".join(
                    f'<sheet name="{_xml_attribute(sheet.title)}" sheetId="{n}" r:id="rId{n}"/>'
                    for n, sheet in enumerate(self.sheets, start=1)
                )
                + "</sheets></workbook>"
            ),
            "xl/_rels/workbook.xml.rels": (
                f'{XML_HEAD}<Relationships xmlns="{PACKAGE_NS}">'
                + "".join(
                    f'<Relationship Id="rId{n}" Type="{RELATIONSHIP_NS}/worksheet" '
                    f'Target="worksheets/sheet{n}.xml"/>'
                    for n in range(1, count + 1)
                )
                + f'<Relationship Id="rId{count + 1}" Type="{RELATIONSHIP_NS}/styles" '
                'Target="styles.xml"/></Relationships>'
            ),
            "xl/styles.xml": STYLES_XML,
        }
        # Level 1: most of deflate's saving on repetitive XML at a fraction of its time.
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
            for name, text in parts.items():
                package.writestr(name, text)
            for n, sheet in enumerate(self.sheets, start=1):
                sheet.file.write(b"</sheetData></worksheet>")
                sheet.file.seek(0)
                with package.open(f"xl/worksheets/sheet{n}.xml", "w") as target:
                    shutil.copyfileobj(sheet.file, target, 1024 * 1024)
                sheet.file.close()
