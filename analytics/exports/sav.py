"""Write SPSS system files (.sav) row by row, so memory stays flat at any size.

pyreadstat writes a whole data frame at once, which holds every row in memory. This
writer spools rows to a temporary file while it learns how wide each text column is,
then writes the dictionary and copies the rows across, compressed the way SPSS does
it (one control byte per 8-byte unit; blanks, small whole numbers and missing values
take no more than that byte). The layout follows the system-file description of GNU
PSPP, with UTF-8 text, long variable names, very long strings (over 255 bytes) and
value labels; files are read back with pyreadstat in the tests.
"""

import datetime
import marshal
import math
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

SYSMIS = struct.pack("<Q", 0xFFEFFFFFFFFFFFFF)  # -DBL_MAX: "no value"
HIGHEST = struct.pack("<Q", 0x7FEFFFFFFFFFFFFF)
LOWEST = struct.pack("<Q", 0xFFEFFFFFFFFFFFFE)
BLANK_UNIT = b" " * 8
SEGMENT_DATA = 255  # bytes of text each 256-byte segment of a very long string holds
SEGMENT_STEP = 252  # how SPSS counts segments of a very long string
MAX_LABEL_BYTES = 255
MAX_VALUE_LABEL_BYTES = 120
MEASURES = {"nominal": 1, "ordinal": 2, "scale": 3}
FORMAT_F, FORMAT_A = 5, 1


@dataclass
class SavColumn:
    """One variable of the file: a number (8 bytes) or a text of a learnt width."""

    name: str
    label: str
    is_numeric: bool
    decimals: int = 2
    value_labels: dict[float, str] | None = None
    missing_value: float | None = None
    measure: str = "scale"
    width: int = 1  # bytes of the widest text; learnt while rows are written

    @property
    def segments(self) -> int:
        if self.is_numeric or self.width <= 255:
            return 1
        return (self.width + SEGMENT_STEP - 1) // SEGMENT_STEP

    @property
    def storage(self) -> int:
        """Bytes the column takes in a row (a multiple of 8)."""
        if self.is_numeric:
            return 8
        if self.segments == 1:
            return _round8(self.width)
        last = self.width - (self.segments - 1) * SEGMENT_STEP
        return (self.segments - 1) * 256 + _round8(last)


def _round8(size: int) -> int:
    return (size + 7) // 8 * 8


def _clip(text: str, limit: int) -> bytes:
    """Return `text` as UTF-8 of at most `limit` bytes, never cutting a character."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return data
    return data[:limit].decode("utf-8", errors="ignore").encode("utf-8")


class SavFileWriter:
    """Collect rows chunk by chunk, then write the .sav file on `close()`."""

    def __init__(self, path: Path, columns: list[SavColumn], *, file_label: str = ""):
        self.path = Path(path)
        self.columns = columns
        self.file_label = file_label
        self.row_count = 0
        # Open across write() calls and closed by close(), so no `with` here.
        self._spool = tempfile.TemporaryFile(dir=self.path.parent)  # noqa: SIM115

    def write(self, rows: list[list]) -> None:
        """Take a chunk of rows: numbers (None for no value) and texts (None for empty)."""
        encoded = []
        for row in rows:
            values = []
            for column, value in zip(self.columns, row, strict=True):
                if column.is_numeric:
                    values.append(None if value is None else float(value))
                else:
                    data = b"" if value is None else str(value).encode("utf-8")
                    column.width = max(column.width, len(data))
                    values.append(data)
            encoded.append(values)
        marshal.dump(encoded, self._spool)
        self.row_count += len(rows)

    def close(self) -> None:
        with self._spool, self.path.open("wb") as out:
            out.write(self._header())
            out.write(self._dictionary())
            self._spool.seek(0)
            while True:
                try:
                    # Our own spool file, written above in this process: trusted.
                    chunk = marshal.load(self._spool)  # noqa: S302
                except EOFError:
                    break
                out.write(b"".join(self._compressed(values) for values in chunk))

    # The dictionary -------------------------------------------------------------------

    def _header(self) -> bytes:
        now = datetime.datetime.now()
        units = sum(column.storage for column in self.columns) // 8
        return b"".join(
            [
                b"$FL2",
                b"@(#) SPSS DATA FILE - PaRT".ljust(60),
                struct.pack("<iiiii", 2, units, 1, 0, self.row_count),
                struct.pack("<d", 100.0),
                now.strftime("%d %b %y").encode("ascii"),
                now.strftime("%H:%M:%S").encode("ascii"),
                _clip(self.file_label, 64).ljust(64),
                b"\0\0\0",
            ]
        )

    def _short_name(self, index: int) -> bytes:
        return f"V{index + 1}".encode("ascii").ljust(8)

    def _dictionary(self) -> bytes:
        parts = []
        index_of = {}  # column position -> 1-based dictionary index (in 8-byte units)
        unit = 1
        for position, column in enumerate(self.columns):
            index_of[position] = unit
            unit += column.storage // 8
            parts.append(self._variable_records(position, column))
        for position, column in enumerate(self.columns):
            if column.is_numeric and column.value_labels:
                parts.append(self._value_labels(column.value_labels, index_of[position]))
        parts.append(self._integer_info())
        parts.append(self._info(4, 8, SYSMIS + HIGHEST + LOWEST))
        parts.append(self._display())
        long_names = "\t".join(
            f"V{position + 1}={column.name}" for position, column in enumerate(self.columns)
        ).encode("utf-8")
        parts.append(self._info(13, 1, long_names))
        very_long = b"".join(
            f"V{position + 1}={column.storage:05d}".encode("ascii") + b"\0\t"
            for position, column in enumerate(self.columns)
            if column.segments > 1
        )
        if very_long:
            parts.append(self._info(14, 1, very_long))
        parts.append(self._info(20, 1, b"UTF-8"))
        parts.append(struct.pack("<ii", 999, 0))
        return b"".join(parts)

    def _variable_records(self, position: int, column: SavColumn) -> bytes:
        name = self._short_name(position)
        label = _clip(column.label, MAX_LABEL_BYTES)
        if column.is_numeric:
            form = (FORMAT_F << 16) | (8 << 8) | column.decimals
            missing = [] if column.missing_value is None else [column.missing_value]
            record = struct.pack("<iiiiii", 2, 0, int(bool(label)), len(missing), form, form)
            record += name
            if label:
                record += struct.pack("<i", len(label)) + label.ljust(_round4(len(label)), b" ")
            record += b"".join(struct.pack("<d", value) for value in missing)
            return record
        records = []
        remaining = column.width
        for segment in range(column.segments):
            width = min(remaining, 255) if column.segments > 1 else column.width
            if segment == column.segments - 1 and column.segments > 1:
                width = column.width - (column.segments - 1) * SEGMENT_STEP
            width = max(width, 1)
            form = (FORMAT_A << 16) | (min(width, 255) << 8)
            has_label = int(bool(label)) if segment == 0 else 0
            record = struct.pack("<iiiiii", 2, min(width, 255), has_label, 0, form, form) + name
            if has_label:
                record += struct.pack("<i", len(label)) + label.ljust(_round4(len(label)), b" ")
            records.append(record)
            # One continuation record for every further 8 bytes (at most 31 per segment).
            extra = min(_round8(width) // 8 - 1, 31)
            records.extend(
                struct.pack("<iiiiii", 2, -1, 0, 0, 0, 0) + b" " * 8 for _ in range(extra)
            )
            remaining -= SEGMENT_STEP
        return b"".join(records)

    def _value_labels(self, labels: dict[float, str], dictionary_index: int) -> bytes:
        parts = [struct.pack("<ii", 3, len(labels))]
        for value, text in labels.items():
            data = _clip(text, MAX_VALUE_LABEL_BYTES)
            padded = _round8(len(data) + 1) - 1
            parts.append(struct.pack("<dB", float(value), len(data)) + data.ljust(padded, b" "))
        parts.append(struct.pack("<iii", 4, 1, dictionary_index))
        return b"".join(parts)

    def _integer_info(self) -> bytes:
        # Version 1.0.0, unknown machine, IEEE floats, compressed, little-endian, UTF-8.
        return self._info(3, 4, struct.pack("<8i", 1, 0, 0, -1, 1, 1, 2, 65001))

    def _display(self) -> bytes:
        values = []
        for column in self.columns:
            measure = MEASURES[column.measure] if column.is_numeric else MEASURES["nominal"]
            width = 8 if column.is_numeric else max(1, min(column.width, 40))
            values += [measure, width, 1 if column.is_numeric else 0]
        return self._info(11, 4, struct.pack(f"<{len(values)}i", *values))

    @staticmethod
    def _info(subtype: int, size: int, data: bytes) -> bytes:
        return struct.pack("<iiii", 7, subtype, size, len(data) // size) + data

    # The rows -------------------------------------------------------------------------

    def _compressed(self, values: list) -> bytes:
        """Return one row in SPSS bytecode: blocks of 8 control bytes, then their data."""
        codes = bytearray()
        data = []
        for column, value in zip(self.columns, values, strict=True):
            if column.is_numeric:
                if value is None or math.isnan(value):
                    codes.append(255)
                elif value.is_integer() and -99 <= value <= 151:
                    codes.append(int(value) + 100)
                else:
                    codes.append(253)
                    data.append(struct.pack("<d", value))
                continue
            for unit in _text_units(value, column):
                if unit == BLANK_UNIT:
                    codes.append(254)
                else:
                    codes.append(253)
                    data.append(unit)
        out = bytearray()
        position = 0
        for start in range(0, len(codes), 8):
            block = codes[start : start + 8]
            out += block.ljust(8, b"\0")
            raw = sum(1 for code in block if code == 253)
            out += b"".join(data[position : position + raw])
            position += raw
        return bytes(out)


def _round4(size: int) -> int:
    return (size + 3) // 4 * 4


def _text_units(value: bytes, column: SavColumn) -> list[bytes]:
    """Split a text into the 8-byte units of its storage, 255 bytes per long segment."""
    if column.segments == 1:
        padded = value.ljust(column.storage, b" ")
    else:
        pieces = [value[start : start + SEGMENT_DATA] for start in range(0, len(value), 255)]
        pieces += [b""] * (column.segments - len(pieces))
        padded = b"".join(piece.ljust(256, b" ") for piece in pieces[:-1])
        padded += pieces[-1].ljust(column.storage - len(padded), b" ")
    return [padded[start : start + 8] for start in range(0, len(padded), 8)]
