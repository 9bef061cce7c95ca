"""The streaming .sav writer produces files that statistics software reads back."""

import pyreadstat
import pytest

from analytics.exports.sav import SavColumn, SavFileWriter


def write(tmp_path, columns, chunks):
    path = tmp_path / "daten.sav"
    writer = SavFileWriter(path, columns, file_label="Quartier-Check (Herbst 2026)")
    for rows in chunks:
        writer.write(rows)
    writer.close()
    return pyreadstat.read_sav(str(path), user_missing=True)


def test_numbers_texts_and_labels_read_back_exactly(tmp_path):
    columns = [
        SavColumn("wohlfuehlen", "Ich fühle mich wohl.", True, 0, {1.0: "Gar nicht", 5.0: "Voll"}),
        SavColumn("alter_zahl", "Wie alt bist du?", True),
        SavColumn("wunsch", "Was fehlt dir?", False),
    ]

    data, meta = write(
        tmp_path,
        columns,
        [[[5, 15.5, 'Mehr Bänke, "bitte"\nund Licht'], [1, None, None]], [[None, 200, "ملعب"]]],
    )

    assert data["wohlfuehlen"].tolist()[:2] == [5.0, 1.0]
    assert data["alter_zahl"].tolist()[0] == 15.5 and data["alter_zahl"].tolist()[2] == 200
    assert data["wunsch"].tolist() == ['Mehr Bänke, "bitte"\nund Licht', "", "ملعب"]
    assert meta.column_labels == ["Ich fühle mich wohl.", "Wie alt bist du?", "Was fehlt dir?"]
    assert meta.variable_value_labels["wohlfuehlen"] == {1.0: "Gar nicht", 5.0: "Voll"}
    assert meta.number_rows == 3
    assert meta.file_label == "Quartier-Check (Herbst 2026)"


@pytest.mark.parametrize("length", [255, 256, 600, 5000])
def test_a_text_longer_than_255_bytes_is_kept_whole(tmp_path, length):
    # SPSS pads texts with spaces, so a text never ends in one (as in every .sav file).
    text = ("Ein langer Wunsch für den Park in Wehringhausen. " * 120)[: length - 1] + "!"
    columns = [SavColumn("nummer", "Nummer", True, 0), SavColumn("wunsch", "Wunsch", False)]

    data, _ = write(tmp_path, columns, [[[1, text], [2, "kurz"]]])

    assert data["wunsch"].tolist() == [text, "kurz"]
    assert data["nummer"].tolist() == [1.0, 2.0]


def test_prefer_not_to_say_is_a_user_missing_value(tmp_path):
    columns = [SavColumn("alter", "Alter", True, 0, {1.0: "10–13", -9.0: "Keine Angabe"}, -9.0)]

    _, meta = write(tmp_path, columns, [[[1], [-9]]])

    assert meta.missing_ranges["alter"] == [{"lo": -9.0, "hi": -9.0}]


def test_a_file_without_rows_is_still_a_valid_file(tmp_path):
    data, meta = write(tmp_path, [SavColumn("nummer", "Nummer", True)], [])

    assert meta.number_rows == 0 and list(data.columns) == ["nummer"]


def test_a_long_arabic_text_survives_being_split_into_segments(tmp_path):
    text = "نريد ملعبا جديدا في الحي " * 30 + "!"  # two bytes a letter: splits mid-letter
    columns = [SavColumn("wunsch", "Wunsch", False)]

    data, _ = write(tmp_path, columns, [[[text]]])

    assert data["wunsch"].tolist() == [text]
