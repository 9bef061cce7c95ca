"""Read the outline of an area from GeoJSON (RFC 7946), checked, as one MultiPolygon.

Staff upload what a city's open-data portal or a drawing tool exports: a Polygon or a
MultiPolygon, bare, in a Feature, or in a FeatureCollection whose features are all
polygons. Anything else gets a message saying what is wrong, so nothing half-read is kept.
"""

import json
import math

from django.utils.translation import gettext as _

# Larger files are not hand-drawn quarter outlines; a map of the whole city belongs elsewhere.
MAX_BYTES = 2_000_000
# Points per outline drawn into every page's SVG; a simplified outline needs a few hundred.
MAX_POINTS = 5_000
# Six decimals of a degree are about 10 cm: more only makes the stored outline larger.
DECIMALS = 6


class GeoJSONError(ValueError):
    """The uploaded text is not a usable outline; the message says why, in plain words."""


def read_outline(raw: bytes | str) -> dict:
    """Return the outline in `raw` GeoJSON as {"type": "MultiPolygon", "coordinates": …}."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise GeoJSONError(
                _("The file is larger than %(size)s MB; please upload a simplified outline.")
                % {"size": MAX_BYTES // 1_000_000}
            )
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise GeoJSONError(_("The file is not text in UTF-8, so it is not GeoJSON.")) from error
    try:
        data = json.loads(raw)
    except ValueError as error:
        raise GeoJSONError(
            _("The file is not valid JSON (line %(line)s): %(problem)s")
            % {"line": getattr(error, "lineno", "?"), "problem": getattr(error, "msg", error)}
        ) from error
    polygons = _polygons_of(data)
    if not polygons:
        raise GeoJSONError(_("The file holds no polygon: an outline needs at least one area."))
    points = sum(len(ring) for polygon in polygons for ring in polygon)
    if points > MAX_POINTS:
        raise GeoJSONError(
            _(
                "The outline has %(points)s points; at most %(limit)s are drawn. Please "
                "simplify it first (for example with mapshaper.org)."
            )
            % {"points": points, "limit": MAX_POINTS}
        )
    return {"type": "MultiPolygon", "coordinates": polygons}


def _polygons_of(data) -> list:
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise GeoJSONError(_("GeoJSON is an object with a “type”; this file has none."))
    kind = data["type"]
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise GeoJSONError(_("The FeatureCollection has no list of “features”."))
        return [polygon for feature in features for polygon in _polygons_of(feature)]
    if kind == "Feature":
        if not isinstance(data.get("geometry"), dict):
            raise GeoJSONError(_("A feature of the file has no geometry."))
        return _polygons_of(data["geometry"])
    coordinates = data.get("coordinates")
    if kind == "Polygon":
        return [_polygon(coordinates)]
    if kind == "MultiPolygon":
        if not isinstance(coordinates, list):
            raise GeoJSONError(_("The MultiPolygon has no list of coordinates."))
        return [_polygon(polygon) for polygon in coordinates]
    raise GeoJSONError(
        _("The file holds a “%(kind)s”; a quarter's outline must be a Polygon or MultiPolygon.")
        % {"kind": kind[:40]}
    )


def _polygon(rings) -> list:
    if not isinstance(rings, list) or not rings:
        raise GeoJSONError(_("A polygon of the file has no rings of coordinates."))
    return [_ring(ring) for ring in rings]


def _ring(ring) -> list:
    if not isinstance(ring, list) or len(ring) < 4:
        raise GeoJSONError(_("A ring of a polygon needs at least four positions."))
    positions = [_position(position) for position in ring]
    if positions[0] != positions[-1]:
        raise GeoJSONError(
            _("A ring of a polygon is not closed: its last position must equal its first.")
        )
    return positions


def _position(position) -> list[float]:
    if (
        not isinstance(position, list)
        or len(position) < 2
        or not all(
            isinstance(number, int | float) and not isinstance(number, bool)
            for number in position[:2]
        )
        or not all(math.isfinite(number) for number in position[:2])
    ):
        raise GeoJSONError(_("A position must be two numbers: longitude and latitude."))
    longitude, latitude = float(position[0]), float(position[1])
    if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
        raise GeoJSONError(
            _(
                "The position %(position)s is not a longitude and latitude in degrees "
                "(WGS 84): please export the outline in EPSG:4326."
            )
            % {"position": f"[{position[0]}, {position[1]}]"}
        )
    return [round(longitude, DECIMALS), round(latitude, DECIMALS)]
