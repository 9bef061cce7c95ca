"""Every PDF draws every letter of Arabic, Bulgarian, Ukrainian, Polish and Romanian."""

from pathlib import Path

import pytest
from django.utils import translation
from reportlab.pdfbase import pdfmetrics

from analytics.exports.codebook import build_codebook
from analytics.exports.pdf import CodebookPdfWriter
from surveys import printouts, typesetting
from surveys.models import Option, Question
from surveys.typesetting import MissingGlyphs
from tests.conftest import need
from tests.factories import QuestionnaireFactory, WaveFactory

pytestmark = pytest.mark.django_db

# The fonts docker/Dockerfile installs (Debian's fonts-dejavu-core).
IMAGE_FONTS = [
    Path("/usr/share/fonts/truetype/dejavu") / name
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono-Bold.ttf")
]
# Each with the letters its alphabet has beyond Western European ones.
SAMPLES = {
    "ar": "استطلاع الحي: ما رأيك في حيّك؟",
    "bg": "Анкета за квартала: щъркел, юноши, ябълка",
    "uk": "Опитування про квартал: ґанок, єнот, їжак, Ірина",
    "pl": "Ankieta dzielnicowa: zażółć gęślą jaźń",
    "ro": "Sondaj în cartier: școală, țară, până, înainte",
}


@pytest.fixture
def image_fonts():
    missing = [str(path) for path in IMAGE_FONTS if not path.exists()]
    need(
        not missing, f"this test needs the image's fonts (apt install fonts-dejavu-core): {missing}"
    )


def wave_in(language: str):
    text = SAMPLES[language]
    questionnaire = QuestionnaireFactory(with_questions=False, title=text)
    question = Question.objects.create(
        questionnaire=questionnaire, key="ort", kind=Question.Kind.SINGLE_CHOICE, text=text
    )
    Option.objects.create(question=question, value="hier", label=text)
    return WaveFactory(questionnaire=questionnaire, title=text)


@pytest.mark.parametrize("language", SAMPLES)
def test_a_code_card_draws_every_letter_of_the_language(image_fonts, language):
    wave = wave_in(language)

    with translation.override(language):
        pdf = printouts.card_sheet(
            wave=wave,
            venue=SAMPLES[language],
            codes=["K7QM-4TXW-9HRC"],
            survey_url="https://part.example/s/welle/",
            code_url="https://part.example/code/",
            language=language,
        )

    assert pdf.startswith(b"%PDF") and b"DejaVuSans" in pdf


@pytest.mark.parametrize("language", SAMPLES)
def test_a_poster_draws_every_letter_of_the_language(image_fonts, language):
    wave = wave_in(language)

    pdf = printouts.poster(
        wave=wave,
        venue=SAMPLES[language],
        survey_url="https://part.example/s/welle/",
        size="A4",
        language=language,
    )

    assert pdf.startswith(b"%PDF") and b"DejaVuSans" in pdf


@pytest.mark.parametrize("language", SAMPLES)
def test_the_codebook_draws_every_letter_of_the_language(image_fonts, language, tmp_path):
    wave = wave_in(language)
    path = tmp_path / "codebook.pdf"

    with translation.override(language):
        CodebookPdfWriter(path, build_codebook(wave=wave)).close()

    assert path.read_bytes().startswith(b"%PDF") and b"DejaVuSans" in path.read_bytes()


@pytest.fixture
def only_reportlabs_own_font(monkeypatch, tmp_path):
    """Forget the registered fonts and hide DejaVu, as on an image without fonts."""
    monkeypatch.setattr(typesetting, "_DEJAVU", tmp_path)
    kept = {
        name: font
        for name, font in pdfmetrics._fonts.items()
        if not name.startswith(("PartCard", "PartCodebook"))
    }
    monkeypatch.setattr(pdfmetrics, "_fonts", kept)


def test_a_poster_whose_font_lacks_arabic_letters_fails_loudly(only_reportlabs_own_font):
    wave = wave_in("ar")

    with pytest.raises(MissingGlyphs, match="fonts-dejavu-core"):
        printouts.poster(
            wave=wave,
            venue="Altenhagen",
            survey_url="https://part.example/",
            size="A4",
            language="ar",
        )


def test_a_codebook_whose_font_lacks_cyrillic_letters_fails_loudly(
    only_reportlabs_own_font, tmp_path
):
    wave = wave_in("uk")

    with pytest.raises(MissingGlyphs, match="ґ"):
        CodebookPdfWriter(tmp_path / "codebook.pdf", build_codebook(wave=wave)).close()
