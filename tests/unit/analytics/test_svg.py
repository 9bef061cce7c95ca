"""The static SVG of bar charts that print and visitors without scripts see."""

import xml.etree.ElementTree as ElementTree

from analytics.charts.svg import render_bar_svg

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    return [element.text for element in ElementTree.fromstring(svg).iter(f"{SVG}text")]  # noqa: S314 (our own output)


def test_a_horizontal_bar_chart_is_well_formed_and_labelled():
    figure = {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": [12, 0],
                "y": ["Altenhagen", "Wehringhausen & <Umgebung>"],
                "text": ["12", "weniger als 5"],
                "marker": {"color": "#0072B2"},
            }
        ],
        "layout": {"xaxis": {"title": {"text": "Personen"}}},
    }

    svg = render_bar_svg(figure, title="Wo wohnst du?", description="17 Personen.", element_id="f1")

    root = ElementTree.fromstring(svg)  # noqa: S314 (our own output)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "svg-title-f1 svg-desc-f1"
    assert root.find(f"{SVG}title").text == "Wo wohnst du?"
    texts = _texts(svg)
    assert {"Personen", "weniger als 5"} <= set(texts)
    assert "Wehringhausen & <Umgebung>" in " ".join(texts)  # escaped, maybe wrapped
    assert len(root.findall(f"{SVG}rect")) == 3  # the white background and two bars


def test_grouped_stacked_and_vertical_bars_with_intervals_are_well_formed():
    traces = [
        {
            "type": "bar",
            "x": ["A", "B"],
            "y": [3, -2],
            "name": "vorher",
            "error_y": {"type": "data", "array": [0.5, 0.4]},
        },
        {"type": "bar", "x": ["A", "B"], "y": [4, 1], "name": "nachher"},
    ]
    for barmode in ("group", "stack", "relative"):
        svg = render_bar_svg(
            {"data": traces, "layout": {"barmode": barmode}}, title="t", description="d"
        )
        assert {"vorher", "nachher"} <= set(_texts(svg)), barmode


def test_a_chart_that_is_not_all_bars_gets_no_picture():
    figure = {"data": [{"type": "scatter", "x": [1, 2], "y": [3, 4]}], "layout": {}}

    assert render_bar_svg(figure, title="t", description="d") == ""
    assert render_bar_svg(None, title="t", description="d") == ""
