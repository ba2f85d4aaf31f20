"""Chapter 2 explorers: the two-current model, and the spin accumulation in a spacer.

Sliders (and a toggle) over the figure functions of
:mod:`sttlab.plotting.transport`, built with
:mod:`sttlab.explorers.common`: they start at the figure function's defaults, so
the first frame is the book's static figure, and every change redraws it.

Examples
--------
>>> box = spin_accumulation_explorer()
>>> [w.description for w in box.children[0].children]
['thickness L (nm)', 'λ_sf (nm)']
>>> box.children[1].children[0].options
('absorbing', 'reflecting')
"""

from __future__ import annotations

import ipywidgets as widgets

from ..plotting import transport as figures
from ..plotting.common import figure_defaults
from .common import STYLE, assemble, slider


def polarization_explorer():
    """Mott's two-current model: sliders for the conductivity ratio and the charge current.

    Redraws :func:`sttlab.plotting.transport.polarization_figure`. Ranges
    (both logarithmic): ``sigma_up / sigma_down`` from 0.1 to 100, ``J_c`` from
    1e10 to 1e12 A/m^2.

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = polarization_explorer()
    >>> [(w.description, w.value) for w in box.children[0].children]
    [('σ↑/σ↓', 3.0), ('Jc (A/m²)', 100000000000.0)]
    """
    d = figure_defaults(figures.polarization_figure)
    controls = {
        "sigma_ratio": slider("σ↑/σ↓", d["sigma_ratio"], -1.0, 2.0, 0.01, ".3g", log=True),
        "J_c": slider("Jc (A/m²)", d["J_c"], 10.0, 12.0, 0.05, ".2e", log=True),
    }

    def draw(sigma_ratio, J_c):
        return figures.polarization_figure(sigma_ratio=sigma_ratio, J_c=J_c)

    return assemble(controls, draw, [("sigma_ratio", "J_c")])


def spin_accumulation_explorer():
    """Spin accumulation through a spacer: thickness and spin-diffusion length, and the far boundary.

    Redraws :func:`sttlab.plotting.transport.spin_accumulation_figure`. Ranges
    (both logarithmic): thickness from 1 nm to 1 um, ``lambda_sf`` from 1 nm to
    1 um (Pt-like to Cu-like and beyond); the toggle picks an absorbing or a
    reflecting far side. Starts at a 10 nm spacer with ``lambda_sf`` = 350 nm (Cu).

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[1]`` the toggle, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = spin_accumulation_explorer()
    >>> before = box.children[-1].outputs[0]["data"]["image/png"]
    >>> box.children[1].children[0].value = "reflecting"
    >>> box.children[-1].outputs[0]["data"]["image/png"] != before
    True
    """
    d = figure_defaults(figures.spin_accumulation_figure)
    controls = {
        "thickness": slider("thickness L (nm)", d["thickness"] / 1e-9, 0.0, 3.0, 0.01, ".3g", log=True),
        "lambda_sf": slider("λ_sf (nm)", d["lambda_sf"] / 1e-9, 0.0, 3.0, 0.01, ".3g", log=True),
        "far": widgets.ToggleButtons(options=("absorbing", "reflecting"), value=d["far"], description="far side",
                                     style=STYLE),
    }

    def draw(thickness, lambda_sf, far):
        return figures.spin_accumulation_figure(thickness=thickness * 1e-9, lambda_sf=lambda_sf * 1e-9, far=far)

    return assemble(controls, draw, [("thickness", "lambda_sf"), ("far",)])
