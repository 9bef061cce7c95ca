"""The API's quick reading of a well-formed body gives exactly what its serializer gives."""

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from surveys.api.views import ResponseCreateApi, well_formed

TOKEN = "6f1c2a56-8d0e-4a57-9a53-3f0e2b8f5c11"
PLAIN = {
    "id": TOKEN,
    "wave": "quartier-check",
    "language": "de",
    "answers": {"quartier": "wehringhausen", "wohlfuehlen": "4", "mitbestimmen": 7},
}


def _serializer_data(body):
    serializer = ResponseCreateApi.InputSerializer(data=body)
    return dict(serializer.validated_data) if serializer.is_valid() else None


def test_what_tablets_and_phones_send_is_read_without_the_serializer():
    bodies = [
        PLAIN,
        {**PLAIN, "version": 3, "code": "K7M2-QX9P", "tablet": "abc.def", "altcha": "eyJh"},
        {**PLAIN, "code": "", "answers": {"q": {"declined": True}, "r": ["a", "b"]}},
        {**PLAIN, "answers": {}},
    ]
    for body in bodies:
        assert well_formed(body) == _serializer_data(body)
        assert well_formed(body) is not None


def test_anything_unusual_is_left_to_the_serializer_and_its_messages():
    unusual = [
        {**PLAIN, "id": "not-a-uuid"},
        {**PLAIN, "id": 12},
        {**PLAIN, "wave": " quartier-check "},
        {**PLAIN, "wave": "quartier check"},
        {**PLAIN, "wave": "quartier-check\n"},
        {**PLAIN, "language": "xx"},
        {**PLAIN, "version": "3"},
        {**PLAIN, "version": True},
        {**PLAIN, "version": None},
        {**PLAIN, "code": " K7M2 "},
        {**PLAIN, "code": 1234},
        {**PLAIN, "code": "x" * 101},
        {**PLAIN, "code": "Grüße"},
        {**PLAIN, "tablet": "a\x00b"},
        {**PLAIN, "answers": {"q": None}},
        {**PLAIN, "answers": ["q"]},
        {key: value for key, value in PLAIN.items() if key != "answers"},
        ["not", "an", "object"],
    ]
    for body in unusual:
        assert well_formed(body) is None, body


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)
TEXTS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " x", "x ", "abc", "a\x00", "K7M2-QX9P", "é"]),
    st.integers(),
    st.none(),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(
    token=st.one_of(st.just(TOKEN), st.uuids().map(str), st.uuids().map(lambda u: u.hex), TEXTS),
    wave=st.one_of(st.just("quartier-check"), TEXTS),
    language=st.one_of(st.sampled_from(["de", "ar", "xx", ""]), TEXTS),
    answers=st.one_of(st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=4), JSON_VALUES),
    extra=st.dictionaries(
        st.sampled_from(["version", "code", "tablet", "altcha", "unknown"]),
        st.one_of(TEXTS, st.integers(-3, 3), st.text(min_size=95, max_size=105)),
        max_size=3,
    ),
    leave_out=st.sets(st.sampled_from(["id", "wave", "language", "answers"]), max_size=1),
)
def test_whatever_is_sent_the_quick_reading_never_differs_from_the_serializer(
    token, wave, language, answers, extra, leave_out
):
    body = {"id": token, "wave": wave, "language": language, "answers": answers, **extra}
    for key in leave_out:
        del body[key]

    quick = well_formed(body)

    if quick is not None:
        assert quick == _serializer_data(body)
        assert isinstance(quick["id"], uuid.UUID)
