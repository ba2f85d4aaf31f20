"""Chapter 3 explorers: the directions of the spin torques, and a switching run.

Sliders over the figure functions of :mod:`sttlab.plotting.stt`, built with
:mod:`sttlab.explorers.common`: they start at the figure function's defaults,
so the first frame is the book's static figure, and every change redraws it.

Examples
--------
>>> box = switching_explorer()
>>> [w.description for w in box.children[0].children]
['J / Jc0 (preset)', 'field-like ξ']
>>> [w.description for w in box.children[1].children]
['damping α', 'polarization P']
"""

from __future__ import annotations

from ..plotting import stt as figures
from ..plotting.common import figure_defaults
from .common import assemble, slider


def torque_directions_explorer():
    """The four torques on m: sliders for the directions of m and p, the field-like ratio and the current.

    Redraws :func:`sttlab.plotting.stt.torque_directions_figure`. Ranges: polar
    angles 0 to 180 degrees, azimuths 0 to 360 degrees, ``xi`` from -1 to 1,
    ``J / J_c0`` from -2 to 2 (negative: electrons flow from the free layer
    to the polarizer, and the spin torques reverse).

    Returns
    -------
    ipywidgets.VBox
        ``children[0:3]`` hold the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = torque_directions_explorer()
    >>> [w.description for row in box.children[:-1] for w in row.children]
    ['m: polar θ (deg)', 'm: azimuth φ (deg)', 'p: polar θ (deg)', 'p: azimuth φ (deg)', 'field-like ξ', 'J / Jc0']
    """
    d = figure_defaults(figures.torque_directions_figure)
    controls = {
        "theta_m_deg": slider("m: polar θ (deg)", d["theta_m_deg"], 0.0, 180.0, 1.0, ".0f"),
        "phi_m_deg": slider("m: azimuth φ (deg)", d["phi_m_deg"], 0.0, 360.0, 1.0, ".0f"),
        "theta_p_deg": slider("p: polar θ (deg)", d["theta_p_deg"], 0.0, 180.0, 1.0, ".0f"),
        "phi_p_deg": slider("p: azimuth φ (deg)", d["phi_p_deg"], 0.0, 360.0, 1.0, ".0f"),
        "field_like": slider("field-like ξ", d["field_like"], -1.0, 1.0, 0.05, ".2f"),
        "current_ratio": slider("J / Jc0", d["current_ratio"], -2.0, 2.0, 0.05, ".2f"),
    }

    def draw(theta_m_deg, phi_m_deg, theta_p_deg, phi_p_deg, field_like, current_ratio):
        return figures.torque_directions_figure(theta_m_deg=theta_m_deg, phi_m_deg=phi_m_deg,
                                                theta_p_deg=theta_p_deg, phi_p_deg=phi_p_deg,
                                                field_like=field_like, current_ratio=current_ratio)

    return assemble(controls, draw, [("theta_m_deg", "phi_m_deg"), ("theta_p_deg", "phi_p_deg"),
                                     ("field_like", "current_ratio")])


def switching_explorer():
    """A switching attempt: sliders for the current, the field-like ratio, the damping and the polarization.

    Redraws :func:`sttlab.plotting.stt.switching_run_figure` (a 20 ns pulse on
    the ``cofeb_mgo_40nm`` preset from 2 degrees off AP). The current is in
    units of the *preset's* ``J_c0`` (damping 0.01, P = 0.5, no field-like
    torque), so that the other sliders move the threshold. Ranges: ``J`` from 0
    to 4, ``xi`` from -1 to 1, ``alpha`` from 0.002 to 0.1 (logarithmic),
    ``P`` from 0.1 to 1.

    Returns
    -------
    ipywidgets.VBox
        ``children[0:2]`` hold the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = switching_explorer()
    >>> before = box.children[-1].outputs[0]["data"]["image/png"]
    >>> box.children[0].children[0].value = 4.0  # four times J_c0
    >>> box.children[-1].outputs[0]["data"]["image/png"] != before
    True
    """
    d = figure_defaults(figures.switching_run_figure)
    controls = {
        "current_ratio": slider("J / Jc0 (preset)", d["current_ratio"], 0.0, 4.0, 0.05, ".2f"),
        "field_like": slider("field-like ξ", d["field_like"], -1.0, 1.0, 0.05, ".2f"),
        "alpha": slider("damping α", d["alpha"], -2.7, -1.0, 0.05, ".3g", log=True),
        "P": slider("polarization P", d["P"], 0.1, 1.0, 0.01, ".2f"),
    }

    def draw(current_ratio, field_like, alpha, P):
        return figures.switching_run_figure(current_ratio=current_ratio, field_like=field_like, alpha=alpha, P=P)

    return assemble(controls, draw, [("current_ratio", "field_like"), ("alpha", "P")])
