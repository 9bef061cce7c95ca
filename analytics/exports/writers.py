"""File writers: each takes the codebook, then rows chunk by chunk, then closes the file."""

import datetime
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from analytics.exports.codebook import DECLINED_CODE, Codebook, ExportError
from analytics.exports.sav import SavColumn, SavFileWriter
from analytics.tabular import CSV_ENCODING, CsvTable, StreamingXlsxWorkbook

# Excel's sheet limit is 1,048,576 rows; one is the header.
XLSX_MAX_ROWS = 1_048_575


class CsvWriter:
    suffix = "csv"

    def __init__(self, path: Path, codebook: Codebook):
        self.file = path.open("w", encoding=CSV_ENCODING, newline="")
        self.table = CsvTable(self.file)
        self.table.writerow([variable.name for variable in codebook.variables])

    def write(self, rows: list[list]) -> None:
        self.table.writerows(rows)

    def close(self) -> None:
        self.file.close()


class XlsxWriter:
    suffix = "xlsx"

    def __init__(self, path: Path, codebook: Codebook):
        if codebook.response_count > XLSX_MAX_ROWS:
            raise ExportError(
                _(
                    "An Excel sheet holds at most %(limit)s rows, but this wave has "
                    "%(count)s responses. Please export it as CSV or SPSS instead."
                )
                % {"limit": f"{XLSX_MAX_ROWS:,}", "count": f"{codebook.response_count:,}"}
            )
        self.workbook = StreamingXlsxWorkbook(path)
        self.sheet = self.workbook.add_sheet(_("Responses"))
        self.sheet.append([variable.name for variable in codebook.variables])
        labels = self.workbook.add_sheet(_("Variables"))
        labels.append([_("Variable"), _("Label")])
        for variable in codebook.variables:
            labels.append([variable.name, variable.label])

    def write(self, rows: list[list]) -> None:
        append = self.sheet.append
        for row in rows:
            append(row)

    def close(self) -> None:
        self.workbook.save()


class SavWriter:
    """SPSS .sav with variable labels, value labels and "prefer not to say" as missing.

    Rows go to disk as they come (see analytics.exports.sav), so memory stays flat.
    """

    suffix = "sav"

    def __init__(self, path: Path, codebook: Codebook):
        self.codebook = codebook
        self.file = SavFileWriter(
            path,
            [
                SavColumn(
                    name=variable.name,
                    label=variable.label,
                    is_numeric=variable.is_numeric,
                    decimals=0 if variable.kind in ("id", "code", "flag") else 2,
                    value_labels={float(code): label for code, label in variable.codes.items()}
                    if variable.is_numeric
                    else None,
                    missing_value=float(DECLINED_CODE)
                    if variable.is_numeric and variable.has_declined_code
                    else None,
                    measure="nominal" if variable.kind in ("code", "flag") else "scale",
                )
                for variable in codebook.variables
            ],
            file_label=str(codebook.wave),
        )
        self.numeric = [variable.is_numeric for variable in codebook.variables]

    def write(self, rows: list[list]) -> None:
        self.file.write(
            [
                [
                    value if is_numeric else (_as_text(value) or None)
                    for is_numeric, value in zip(self.numeric, row, strict=True)
                ]
                for row in rows
            ]
        )

    def close(self) -> None:
        self.file.close()


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


class CodebookWriter:
    """Write a codebook file: the variables, never the rows."""

    def __init__(self, path: Path, codebook: Codebook):
        self.path = path
        self.codebook = codebook

    def write(self, rows: list[list]) -> None:
        raise NotImplementedError("a codebook has no rows")


class CodebookHtmlWriter(CodebookWriter):
    suffix = "html"

    def close(self) -> None:
        html = render_to_string(
            "analytics/exports/codebook.html",
            {
                "codebook": self.codebook,
                "declined_code": DECLINED_CODE,
                "LANGUAGE_CODE": translation.get_language(),
            },
        )
        self.path.write_text(html, encoding="utf-8")


WRITERS = {
    "csv": CsvWriter,
    "xlsx": XlsxWriter,
    "sav": SavWriter,
    "codebook_html": CodebookHtmlWriter,
}
