import re
from pathlib import Path

from plotly.offline import get_plotlyjs_version

ROOT = Path(__file__).resolve().parents[3]


def test_the_served_plotly_bundle_is_the_version_plotly_py_writes_figures_for():
    bundle = ROOT / "site/static/vendor/plotly" / f"plotly-basic-{get_plotlyjs_version()}.min.js"

    header = bundle.read_text(encoding="utf-8")[:200]

    assert re.search(r"v(\d+\.\d+\.\d+)", header).group(1) == get_plotlyjs_version()


def test_the_dashboard_template_loads_the_bundle_plotly_py_expects():
    template = (ROOT / "cms/templates/cms/dashboard_page.html").read_text(encoding="utf-8")

    assert f"plotly-basic-{get_plotlyjs_version()}.min.js" in template
