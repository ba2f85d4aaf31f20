"""Chapter 1 explorers: damped precession, and the energy barrier of a perpendicular film.

Each explorer is sliders plus an :class:`ipywidgets.Output` that shows the
figure of :mod:`sttlab.plotting.llg` for the current slider values. The
sliders start at that figure function's defaults, read from its signature, so
the explorer's first frame is the static figure the book shows.

On every slider change (``observe``) the figure function is called again, the
new figure is rendered to PNG and the Output's content is replaced by it in
one step (no blank flash between frames; it also works from threads and
outside a kernel). No reference to the figure is kept, and the figures are not
registered with :mod:`matplotlib.pyplot`: there is nothing to close and
nothing accumulates however long the sliders are moved.

Examples
--------
>>> box = precession_explorer()
>>> [w.description for w in box.children[0].children]
['μ₀H (T)', 'damping α', 'tilt θ₀ (deg)']
>>> list(box.children[-1].outputs[0]["data"])  # the first frame, before any slider moved
['image/png', 'text/plain']
"""

from __future__ import annotations

import base64
import inspect

import ipywidgets as widgets

from ..plotting import llg as figures
from ..plotting.common import png_bytes

#: Resolution of the explorers' frames (dots per inch): lower than the book's, for speed.
EXPLORER_DPI = 100

_STYLE = {"description_width": "125px"}


def _defaults(function):
    """The default values of ``function``'s parameters, by name."""
    return {name: p.default for name, p in inspect.signature(function).parameters.items()
            if p.default is not inspect.Parameter.empty}


def _slider(description, value, low, high, step, fmt, log=False):
    common = {"description": description, "readout_format": fmt, "continuous_update": False,
              "style": _STYLE, "layout": widgets.Layout(width="420px")}
    if log:
        return widgets.FloatLogSlider(value=value, base=10.0, min=low, max=high, step=step, **common)
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, **common)


def _frame(fig):
    """An Output entry (a Jupyter ``display_data`` message) showing ``fig`` as PNG."""
    png = base64.b64encode(png_bytes(fig, dpi=EXPLORER_DPI)).decode("ascii")
    width, height = (round(x * EXPLORER_DPI) for x in fig.get_size_inches())
    return {"output_type": "display_data", "data": {"image/png": png, "text/plain": repr(fig)},
            "metadata": {"image/png": {"width": width, "height": height}}}


def _assemble(controls, figure, rows):
    """Sliders in ``rows`` above an Output that shows ``figure(**slider values)``, redrawn on every change."""
    output = widgets.Output(layout=widgets.Layout(min_height="380px"))

    def redraw(change=None):
        values = {name: control.value for name, control in controls.items()}
        try:
            output.outputs = (_frame(figure(**values)),)
        except Exception as error:
            output.outputs = ({"output_type": "stream", "name": "stderr",
                               "text": f"{type(error).__name__}: {error}\n"},)
            raise

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    sliders = [widgets.HBox([controls[name] for name in row]) for row in rows]
    return widgets.VBox([*sliders, output])


def precession_explorer():
    """Damped Larmor precession: sliders for the field, the damping and the initial tilt.

    Redraws :func:`sttlab.plotting.llg.precession_figure`. Ranges: ``mu0 H``
    from 0.01 to 2 T, ``alpha`` from 0.001 to 1 (logarithmic), the initial
    angle from 1 to 179 degrees.

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[-1]`` the Output.
    """
    d = _defaults(figures.precession_figure)
    controls = {
        "field_T": _slider("μ₀H (T)", d["field_T"], 0.01, 2.0, 0.01, ".2f"),
        "alpha": _slider("damping α", d["alpha"], -3.0, 0.0, 0.05, ".3g", log=True),
        "theta0_deg": _slider("tilt θ₀ (deg)", d["theta0_deg"], 1.0, 179.0, 1.0, ".0f"),
    }

    def draw(field_T, alpha, theta0_deg):
        return figures.precession_figure(field_T=field_T, alpha=alpha, theta0_deg=theta0_deg)

    return _assemble(controls, draw, [("field_T", "alpha", "theta0_deg")])


def energy_explorer():
    """The energy barrier of a perpendicular thin-film pillar: sliders for K_u, Ms, diameter and thickness.

    Redraws :func:`sttlab.plotting.llg.energy_landscape_figure` at its default
    temperature (300 K) and interfacial anisotropy (the CoFeB/MgO preset's
    ``K_i``), so the thickness slider moves ``K_i / t`` too. Ranges: bulk
    ``K_u`` from -1 to 2 MJ/m^3, ``Ms`` from 0.2 to 2 MA/m, diameter from 10 to
    150 nm, thickness from 0.5 to 5 nm. The sliders start at the
    ``cofeb_mgo_40nm`` preset.

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` and ``children[1]`` hold the sliders, ``children[-1]`` the Output.
    """
    d = _defaults(figures.energy_landscape_figure)
    controls = {
        "Ku": _slider("bulk Kᵤ (MJ/m³)", d["Ku"] / 1e6, -1.0, 2.0, 0.01, ".2f"),
        "Ms": _slider("Mₛ (MA/m)", d["Ms"] / 1e6, 0.2, 2.0, 0.01, ".2f"),
        "diameter": _slider("diameter (nm)", d["diameter"] / 1e-9, 10.0, 150.0, 1.0, ".0f"),
        "thickness": _slider("thickness (nm)", d["thickness"] / 1e-9, 0.5, 5.0, 0.05, ".2f"),
    }

    def draw(Ku, Ms, diameter, thickness):
        return figures.energy_landscape_figure(Ku=Ku * 1e6, Ms=Ms * 1e6, diameter=diameter * 1e-9,
                                               thickness=thickness * 1e-9)

    return _assemble(controls, draw, [("Ku", "Ms"), ("diameter", "thickness")])
