"""plotly.js (the build plotly.py ships) draws the typed-array specs propwire sends with the right values, and
as typed arrays: the server half of issue 15's "numpy/typed arrays rendering the right values". The Graph
component's own browser tests (wip/graph) cover the renderer's decoder on the page."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import plotly
import pytest

from propwire.api.serialize import dumps
from propwire.api.typed_arrays import encode_figure

from .conftest import local_page

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


@pytest.fixture
def plot_page(browser):
    contexts: list = []
    page = local_page(browser, contexts)
    page.set_content("<div id='g' style='width:600px;height:400px'></div>")
    page.add_script_tag(path=str(PLOTLY_JS))
    yield page
    for context in contexts:
        context.close()


def test_plotly_draws_specs_as_typed_arrays_with_the_values_sent(plot_page):
    rng = np.random.default_rng(7)
    y = rng.normal(size=20_000)
    x = np.arange(20_000, dtype="int64")  # narrowed to i2 on the wire
    z = np.arange(12.0).reshape(3, 4)
    figure = encode_figure({"data": [{"type": "scattergl", "x": x, "y": y, "mode": "markers"},
                                     {"type": "heatmap", "z": z, "xaxis": "x2", "yaxis": "y2"}],
                            "layout": {"xaxis2": {"anchor": "y2"}, "yaxis2": {"anchor": "x2"}}})
    assert figure["data"][0]["x"]["dtype"] == "i2"
    drawn = plot_page.evaluate(
        """async (text) => {
            const fig = JSON.parse(text);
            const gd = document.getElementById('g');
            await Plotly.newPlot(gd, fig.data, fig.layout);
            const full = gd._fullData;
            return {xType: full[0].x.constructor.name, yType: full[0].y.constructor.name,
                    x: Array.from(full[0].x.slice(0, 5)), last: full[0].x[full[0].x.length - 1],
                    y: Array.from(full[0].y), z: full[1].z.map(row => Array.from(row))};
        }""",
        dumps(figure).decode(),
    )
    assert drawn["xType"] == "Int16Array" and drawn["yType"] == "Float64Array"
    assert drawn["x"] == [0, 1, 2, 3, 4] and drawn["last"] == 19_999
    assert drawn["y"] == y.tolist()
    assert drawn["z"] == z.tolist()
    assert plot_page.errors == []
