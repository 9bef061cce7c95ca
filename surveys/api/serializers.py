"""Turn a posted JSON answer into the raw shape the shared checks take."""

from surveys.validation import DECLINED, RawAnswer


def raw_answer(value) -> RawAnswer | None:
    """Return a `RawAnswer` for one JSON answer, or None when its shape is unknown.

    An answer is a code or number (`"altenhagen"`, `7`), a list of codes for multiple
    choice, or an object: `{"value": "andere", "other": "…"}`, `{"declined": true}`.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, str | int | float):
        return RawAnswer(values=[str(value)])
    if isinstance(value, list):
        if not all(
            isinstance(item, str | int | float) and not isinstance(item, bool) for item in value
        ):
            return None
        return RawAnswer(values=[str(item) for item in value])
    if isinstance(value, dict):
        if set(value) - {"value", "values", "other", "declined"}:
            return None
        chosen = value.get("values", [value["value"]] if "value" in value else [])
        other, declined = value.get("other", ""), value.get("declined", False)
        if not isinstance(chosen, list) or not isinstance(other, str):
            return None
        if not isinstance(declined, bool):
            return None
        values = [str(item) for item in chosen if item != DECLINED]
        return RawAnswer(values=values, other=other, declined=declined)
    return None
