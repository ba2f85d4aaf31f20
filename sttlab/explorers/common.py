"""What every explorer is made of: sliders, a PNG frame, and the redraw loop.

An explorer is controls plus an :class:`ipywidgets.Output` that shows a
figure function of :mod:`sttlab.plotting` for the current control values. On
every change (``observe``) the figure function is called again, the new figure
is rendered to PNG and the Output's content is replaced by it in one step (no
blank flash between frames; it also works from threads and outside a kernel).
No reference to the figure is kept, and the figures are not registered with
:mod:`matplotlib.pyplot`: nothing accumulates however long the sliders move.
"""

from __future__ import annotations

import base64

import ipywidgets as widgets

from ..plotting.common import png_bytes

#: Resolution of the explorers' frames in dots per inch, lower than the book's, for speed.
EXPLORER_DPI = 100

#: Widget style shared by every control, with room for the descriptions.
STYLE = {"description_width": "125px"}


def slider(description, value, low, high, step, fmt, log=False):
    """A float slider (``log=True``: ``low`` and ``high`` are powers of ten) that updates on release.

    Examples
    --------
    >>> s = slider("damping α", 0.01, -3.0, 0.0, 0.05, ".3g", log=True)  # 1e-3 to 1
    >>> type(s).__name__, s.value, s.min, s.continuous_update
    ('FloatLogSlider', 0.01, -3.0, False)
    """
    common = {"description": description, "readout_format": fmt, "continuous_update": False,
              "style": STYLE, "layout": widgets.Layout(width="420px")}
    if log:
        return widgets.FloatLogSlider(value=value, base=10.0, min=low, max=high, step=step, **common)
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, **common)


def frame(fig):
    """An Output entry (a Jupyter ``display_data`` message) showing ``fig`` as PNG.

    Examples
    --------
    >>> from sttlab.plotting.common import new_figure
    >>> entry = frame(new_figure((4.0, 3.0)))
    >>> entry["output_type"], entry["metadata"]["image/png"]  # pixels at EXPLORER_DPI
    ('display_data', {'width': 400, 'height': 300})
    """
    png = base64.b64encode(png_bytes(fig, dpi=EXPLORER_DPI, compress_level=1)).decode("ascii")
    width, height = (round(x * EXPLORER_DPI) for x in fig.get_size_inches())
    return {"output_type": "display_data", "data": {"image/png": png, "text/plain": repr(fig)},
            "metadata": {"image/png": {"width": width, "height": height}}}


def assemble(controls, figure, rows):
    """Sliders in ``rows`` above an Output that shows ``figure(**slider values)``, redrawn on every change.

    Examples
    --------
    A one-slider explorer: the Output shows the figure for the slider's value, and
    every change redraws it.

    >>> from sttlab.plotting.llg import energy_landscape_figure
    >>> size = slider("diameter (nm)", 40.0, 10.0, 150.0, 1.0, ".0f")
    >>> box = assemble({"diameter": size}, lambda diameter: energy_landscape_figure(diameter=diameter * 1e-9),
    ...                [("diameter",)])
    >>> before = box.children[-1].outputs[0]["data"]["image/png"]
    >>> size.value = 20.0
    >>> box.children[-1].outputs[0]["data"]["image/png"] != before
    True
    """
    output = widgets.Output(layout=widgets.Layout(min_height="380px"))

    def redraw(change=None):
        values = {name: control.value for name, control in controls.items()}
        try:
            output.outputs = (frame(figure(**values)),)
        except Exception as error:
            output.outputs = ({"output_type": "stream", "name": "stderr",
                               "text": f"{type(error).__name__}: {error}\n"},)
            raise

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    sliders = [widgets.HBox([controls[name] for name in row]) for row in rows]
    return widgets.VBox([*sliders, output])
