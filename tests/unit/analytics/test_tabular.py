"""The one CSV and Excel writer: no cell a spreadsheet would run, numbers kept as numbers."""

import csv
import datetime
import io

import openpyxl
import pytest

from analytics.tabular import CsvTable, StreamingXlsxWorkbook, XlsxWorkbook

DANGEROUS = ["=1+2", "+49 2331", "-3+4", "@SUM(A1)", "\tx", "\rx"]


def _small_xlsx(rows, tmp_path) -> openpyxl.Workbook:
    workbook = XlsxWorkbook()
    sheet = workbook.add_sheet("Daten")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))


def _streamed_xlsx(rows, tmp_path) -> openpyxl.Workbook:
    path = tmp_path / "export.xlsx.partial"  # Exports are written under a temporary name.
    workbook = StreamingXlsxWorkbook(path)
    sheet = workbook.add_sheet("Daten")
    for row in rows:
        sheet.append(row)
    workbook.save()
    return openpyxl.load_workbook(io.BytesIO(path.read_bytes()))


@pytest.fixture(params=[_small_xlsx, _streamed_xlsx], ids=["chart table", "staff export"])
def _xlsx(request, tmp_path):
    return lambda rows: request.param(rows, tmp_path)


def _csv(rows) -> list[list[str]]:
    buffer = io.StringIO()
    CsvTable(buffer).writerows(rows)
    return list(csv.reader(io.StringIO(buffer.getvalue())))


@pytest.mark.parametrize("text", DANGEROUS)
def test_a_cell_starting_with_a_formula_sign_is_text_in_excel(text, _xlsx):
    cell = _xlsx([[text]]).active["A1"]

    # A carriage return reads back as a line break (XML), so compare the start only.
    assert (cell.data_type, cell.value[0]) == ("s", "'")


@pytest.mark.parametrize("text", DANGEROUS)
def test_a_cell_starting_with_a_formula_sign_gets_an_apostrophe_in_csv(text):
    assert _csv([[text]]) == [["'" + text]]


def test_numbers_are_numbers_in_excel(_xlsx):
    sheet = _xlsx([[3, -2, 2.5, 4.0, True]]).active

    assert [cell.value for cell in sheet[1]] == [3, -2, 2.5, 4, 1]
    assert {cell.data_type for cell in sheet[1]} == {"n"}


def test_a_negative_number_is_not_defused_in_csv():
    assert _csv([[-2, 2.5, 4.0, None, datetime.date(2026, 12, 6)]]) == [
        ["-2", "2.5", "4", "", "2026-12-06"]
    ]


def test_plain_text_and_arabic_are_kept_as_they_are(_xlsx):
    assert _xlsx([["Mehr Licht", "مرحبا"]]).active["B1"].value == "مرحبا"


def test_a_streamed_sheet_keeps_dates_blanks_and_control_free_text(tmp_path):
    sheet = _streamed_xlsx(
        [["id", "tag", "leer", "text"], [1, datetime.date(2026, 12, 6), None, "a\x01b"]], tmp_path
    ).active

    values = [cell.value for cell in sheet[2]]
    assert values == [1, datetime.datetime(2026, 12, 6), None, "ab"]
    assert sheet["B2"].is_date


def test_a_streamed_workbook_keeps_each_sheets_rows_apart_and_escapes_markup(tmp_path):
    path = tmp_path / "export.xlsx"
    workbook = StreamingXlsxWorkbook(path)
    answers = workbook.add_sheet("Antworten")
    variables = workbook.add_sheet("Variablen: A/B")  # Excel forbids ":" and "/" in names.
    answers.append(["id", "wunsch"])
    variables.append(["wunsch", "Was wünschst du dir?"])
    answers.append([1, "<b>Licht</b> & Bänke"])
    answers.append([2, float("nan")])
    workbook.save()

    book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    assert book.sheetnames == ["Antworten", "Variablen  A B"]
    assert [[cell.value for cell in row] for row in book["Antworten"].iter_rows()] == [
        ["id", "wunsch"],
        [1, "<b>Licht</b> & Bänke"],
        [2, None],
    ]
    assert book["Variablen  A B"]["B1"].value == "Was wünschst du dir?"
