"""Arabic lines are joined and ordered before reportlab draws them."""

from surveys.typesetting import isolate, visual, visual_lines


def test_a_left_to_right_line_is_drawn_as_it_is():
    assert visual("Scanne den QR-Code.") == "Scanne den QR-Code."


def test_arabic_letters_are_joined_and_set_right_to_left():
    line = visual("قل رأيك")

    assert all("\ufe70" <= character <= "\ufeff" or character == " " for character in line)
    assert line.split(" ")[0] == visual("رأيك")


def test_an_address_in_an_arabic_sentence_keeps_its_trailing_slash():
    line = visual(f"اكتب الرمز على {isolate('part.example/code/')}.")

    assert "part.example/code/" in line and "\u2066" not in line


def test_a_long_arabic_text_starts_on_the_first_line():
    lines = visual_lines("امسح الرمز بهاتفك يستغرق ذلك خمس دقائق", "Helvetica", 10, 60)

    assert len(lines) > 1 and lines[0].endswith(visual("امسح"))


def test_brackets_in_an_arabic_line_face_the_way_they_are_read():
    line = visual("أجاب (41 %).")

    assert line.startswith(".(% 41)")


def test_quotation_marks_around_an_arabic_answer_face_the_way_they_are_read():
    line = visual("اختاروا «نعم»")

    assert line.startswith("«") and line.split(" ")[0].endswith("»")
