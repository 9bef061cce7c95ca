"""Where export files live: a folder that is never served directly."""

from pathlib import Path

from django.conf import settings


def export_root() -> Path:
    """Return the folder export files live in; it is never served directly."""
    root = Path(getattr(settings, "PART_EXPORT_ROOT", settings.BASE_DIR / "var" / "exports"))
    root.mkdir(parents=True, exist_ok=True)
    return root
