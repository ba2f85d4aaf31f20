"""Chapter 1 explorers: damped precession, and the energy barrier of a perpendicular film.

Each explorer is sliders plus an :class:`ipywidgets.Output` that shows the
figure of :mod:`sttlab.plotting.llg` for the current slider values. The
sliders start at that figure function's defaults, read from its signature, so
the explorer's first frame is the static figure the book shows. How they redraw is
in :mod:`sttlab.explorers.common`.

Examples
--------
>>> box = precession_explorer()
>>> [w.description for w in box.children[0].children]
['μ₀H (T)', 'damping α', 'tilt θ₀ (deg)']
>>> list(box.children[-1].outputs[0]["data"])  # the first frame, before any slider moved
['image/png', 'text/plain']
"""

from __future__ import annotations

from ..plotting import llg as figures
from ..plotting.common import figure_defaults
from .common import assemble, slider

def precession_explorer():
    """Damped Larmor precession: sliders for the field, the damping and the initial tilt.

    Redraws :func:`sttlab.plotting.llg.precession_figure`. Ranges: ``mu0 H``
    from 0.01 to 2 T, ``alpha`` from 0.001 to 1 (logarithmic), the initial
    angle from 1 to 179 degrees.

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = precession_explorer()
    >>> before = box.children[-1].outputs[0]["data"]["image/png"]
    >>> box.children[0].children[0].value = 2.0  # the strongest field, 2 T
    >>> box.children[-1].outputs[0]["data"]["image/png"] != before
    True
    """
    d = figure_defaults(figures.precession_figure)
    controls = {
        "field_T": slider("μ₀H (T)", d["field_T"], 0.01, 2.0, 0.01, ".2f"),
        "alpha": slider("damping α", d["alpha"], -3.0, 0.0, 0.05, ".3g", log=True),
        "theta0_deg": slider("tilt θ₀ (deg)", d["theta0_deg"], 1.0, 179.0, 1.0, ".0f"),
    }

    def draw(field_T, alpha, theta0_deg):
        return figures.precession_figure(field_T=field_T, alpha=alpha, theta0_deg=theta0_deg)

    return assemble(controls, draw, [("field_T", "alpha", "theta0_deg")])


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

    Examples
    --------
    >>> box = energy_explorer()
    >>> [(w.description, w.min, w.max) for w in box.children[1].children]  # nm
    [('diameter (nm)', 10.0, 150.0), ('thickness (nm)', 0.5, 5.0)]
    >>> before = box.children[-1].outputs[0]["data"]["image/png"]
    >>> box.children[1].children[1].value = 5.0  # a thick film: in-plane
    >>> box.children[-1].outputs[0]["data"]["image/png"] != before
    True
    """
    d = figure_defaults(figures.energy_landscape_figure)
    controls = {
        "Ku": slider("bulk Kᵤ (MJ/m³)", d["Ku"] / 1e6, -1.0, 2.0, 0.01, ".2f"),
        "Ms": slider("Mₛ (MA/m)", d["Ms"] / 1e6, 0.2, 2.0, 0.01, ".2f"),
        "diameter": slider("diameter (nm)", d["diameter"] / 1e-9, 10.0, 150.0, 1.0, ".0f"),
        "thickness": slider("thickness (nm)", d["thickness"] / 1e-9, 0.5, 5.0, 0.05, ".2f"),
    }

    def draw(Ku, Ms, diameter, thickness):
        return figures.energy_landscape_figure(Ku=Ku * 1e6, Ms=Ms * 1e6, diameter=diameter * 1e-9,
                                               thickness=thickness * 1e-9)

    return assemble(controls, draw, [("Ku", "Ms"), ("diameter", "thickness")])
