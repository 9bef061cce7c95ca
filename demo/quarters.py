"""Simplified outlines of the two demo quarters of Hagen, drawn by hand for the demo.

They follow the rough shape and position of Altenhagen (north of the city centre) and
Wehringhausen (west of it) with ten points each: good enough to tell the quarters apart
on a map, never a boundary to rely on, and marked as simplified wherever they are drawn.
"""

from cms.models.quarters import QuarterOutline

AREA = "Hagen"
SOURCE = "Vereinfacht von Hand gezeichnet für die Demo; keine amtliche Grenze."
OUTLINES = {
    "altenhagen": (
        "Altenhagen",
        [
            [7.4625, 51.3668],
            [7.4700, 51.3650],
            [7.4790, 51.3660],
            [7.4855, 51.3700],
            [7.4870, 51.3750],
            [7.4820, 51.3790],
            [7.4730, 51.3800],
            [7.4650, 51.3775],
            [7.4605, 51.3725],
            [7.4625, 51.3668],
        ],
    ),
    "wehringhausen": (
        "Wehringhausen",
        [
            [7.4380, 51.3530],
            [7.4450, 51.3495],
            [7.4540, 51.3490],
            [7.4610, 51.3525],
            [7.4635, 51.3575],
            [7.4595, 51.3620],
            [7.4510, 51.3635],
            [7.4430, 51.3610],
            [7.4385, 51.3570],
            [7.4380, 51.3530],
        ],
    ),
}


def seed_quarter_outlines() -> None:
    """Add the demo's quarters with simplified outlines, keeping any staff uploaded."""
    for code, (name, ring) in OUTLINES.items():
        outline = {
            "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
            "is_simplified": True,
            "source": SOURCE,
        }
        quarter, created = QuarterOutline.objects.get_or_create(
            area=AREA, code=code, defaults={"name": name, **outline}
        )
        if not created and not quarter.geometry:
            # A quarter kept for news only so far gets the demo's outline.
            QuarterOutline.objects.filter(pk=quarter.pk).update(**outline)
