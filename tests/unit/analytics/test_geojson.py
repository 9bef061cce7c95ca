"""Reading a quarter's outline from uploaded GeoJSON: usable outlines in, clear messages out."""

import json

import pytest

from analytics.geojson import GeoJSONError, read_outline
from demo.quarters import OUTLINES

SQUARE = [[7.46, 51.36], [7.47, 51.36], [7.47, 51.37], [7.46, 51.37], [7.46, 51.36]]


def test_a_bare_polygon_becomes_a_multipolygon():
    outline = read_outline(json.dumps({"type": "Polygon", "coordinates": [SQUARE]}).encode())

    assert outline == {"type": "MultiPolygon", "coordinates": [[SQUARE]]}


def test_a_feature_collection_of_polygons_becomes_one_outline():
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Polygon", "coordinates": [SQUARE]},
            },
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "MultiPolygon", "coordinates": [[SQUARE], [SQUARE]]},
            },
        ],
    }

    assert len(read_outline(json.dumps(collection))["coordinates"]) == 3


def test_text_that_is_not_json_is_refused_with_the_line():
    with pytest.raises(GeoJSONError, match="kein gültiges JSON \\(Zeile 2\\)"):
        read_outline(b'{"type": "Polygon",\n "coordinates": [}')


def test_a_point_is_refused_as_no_outline():
    with pytest.raises(GeoJSONError, match="„Point“.*Polygon oder MultiPolygon"):
        read_outline(json.dumps({"type": "Point", "coordinates": [7.46, 51.36]}))


def test_an_open_ring_is_refused():
    with pytest.raises(GeoJSONError, match="nicht geschlossen"):
        read_outline(json.dumps({"type": "Polygon", "coordinates": [SQUARE[:-1] + [[7.5, 51.4]]]}))


def test_metres_of_a_projected_system_are_refused_with_a_hint_to_export_wgs84():
    metres = [[390000, 5690000], [391000, 5690000], [391000, 5691000], [390000, 5690000]]

    with pytest.raises(GeoJSONError, match="EPSG:4326"):
        read_outline(json.dumps({"type": "Polygon", "coordinates": [metres]}))


def test_an_outline_with_too_many_points_asks_to_be_simplified():
    ring = [[7.46 + index * 1e-6, 51.36] for index in range(6000)] + [[7.46, 51.37], [7.46, 51.36]]

    with pytest.raises(GeoJSONError, match="vereinfache"):
        read_outline(json.dumps({"type": "Polygon", "coordinates": [ring]}))


@pytest.mark.parametrize("code", sorted(OUTLINES))
def test_the_demo_outlines_are_valid_geojson(code):
    _name, ring = OUTLINES[code]

    assert read_outline(json.dumps({"type": "Polygon", "coordinates": [ring]}))["coordinates"]


def test_a_file_larger_than_two_megabytes_is_refused_before_it_is_read():
    with pytest.raises(GeoJSONError, match="größer als 2 MB"):
        read_outline(b" " * 2_000_001)
