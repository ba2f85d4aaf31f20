"""Chapter 5 explorers: a thermal ensemble under current, switching probability, write-error rate.

Sliders over the figure functions of :mod:`sttlab.plotting.thermal` and
:mod:`sttlab.plotting.switching`, built with :mod:`sttlab.explorers.common`:
they start at the figure function's defaults, so the first frame is the book's
static figure, and every change redraws it.

Examples
--------
>>> box = ensemble_explorer()
>>> [w.description for w in box.children[0].children]
['temperature T (K)', 'I / Ic0', 'time t (ns)']
"""

from __future__ import annotations

import math

import ipywidgets as widgets

from ..plotting import switching as switching_figures
from ..plotting import thermal as thermal_figures
from ..plotting.common import figure_defaults
from .common import STYLE, assemble, slider

#: Fokker-Planck cells of :func:`wer_explorer`'s curves.
EXPLORER_CELLS = 200


def ensemble_explorer():
    """Macrospins under thermal noise and a current: sliders for the temperature, the current and the time.

    Redraws :func:`sttlab.plotting.thermal.ensemble_sphere_figure` (300 members
    of the ``cofeb_mgo_40nm`` preset, started from the Boltzmann distribution of
    the AP well). Ranges: ``T`` from 0 to 600 K, ``I / I_c0`` from 0 to 3, the
    time from 0 to 20 ns. Each redraw simulates the ensemble afresh (about 0.1 s
    for 10 ns).

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[-1]`` the Output.
    """
    d = figure_defaults(thermal_figures.ensemble_sphere_figure)
    controls = {
        "T": slider("temperature T (K)", d["T"], 0.0, 600.0, 10.0, ".0f"),
        "current_ratio": slider("I / Ic0", d["current_ratio"], 0.0, 3.0, 0.05, ".2f"),
        "time": slider("time t (ns)", d["time"] / 1e-9, 0.0, 20.0, 0.5, ".1f"),
    }

    def draw(T, current_ratio, time):
        return thermal_figures.ensemble_sphere_figure(T=T, current_ratio=current_ratio, time=time * 1e-9)

    return assemble(controls, draw, [("T", "current_ratio", "time")])


def switching_probability_explorer():
    """Switching probability: sliders for the current and the pulse width.

    Redraws :func:`sttlab.plotting.switching.switching_probability_figure` with
    the Fokker-Planck curves only (``ensemble=0``: the book's figure adds
    stochastic-LLG points). The current takes the values of
    :data:`sttlab.plotting.switching.PSW_RATIOS` (0.3 to 3 ``I_c0``), whose
    curves are computed once (about 0.2 s each) and kept, so after the first
    frame every move only redraws; the width runs from 0.1 ns to 10 us
    (logarithmic).

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[-1]`` the Output.
    """
    d = figure_defaults(switching_figures.switching_probability_figure)
    controls = {
        "current_ratio": widgets.SelectionSlider(options=[(f"{r:g}", r) for r in switching_figures.PSW_RATIOS],
                                                 value=d["current_ratio"], description="I / Ic0",
                                                 continuous_update=False, style=STYLE,
                                                 layout=widgets.Layout(width="420px")),
        "width": slider("pulse width (ns)", d["width"] / 1e-9, -1.0, 4.0, 0.05, ".3g", log=True),
    }

    def draw(current_ratio, width):
        return switching_figures.switching_probability_figure(current_ratio=current_ratio, width=width * 1e-9,
                                                              ensemble=0)

    return assemble(controls, draw, [("current_ratio", "width")])


def wer_explorer():
    """Write-error rate against pulse width: sliders for the current, the barrier and the damping.

    Redraws :func:`sttlab.plotting.switching.write_error_rate_figure` for the
    selected current alone, without ensemble points, on a 200-cell
    Fokker-Planck mesh (within 20 % of the book's finer mesh at a rate of
    1e-12, a sliver on the logarithmic axis; a few tenths of a second per new
    setting).
    Ranges: ``I / I_c0`` from 1.1 to 4, ``Delta`` from 20 to 80 (the
    diameter of the CoFeB/MgO pillar changes with it), ``alpha`` from 0.003 to
    0.03 (logarithmic).

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[-1]`` the Output.
    """
    d = figure_defaults(switching_figures.write_error_rate_figure)
    controls = {
        "current_ratio": slider("I / Ic0", d["current_ratio"], 1.1, 4.0, 0.1, ".1f"),
        "Delta": slider("Δ (300 K)", d["Delta"], 20.0, 80.0, 5.0, ".0f"),
        "alpha": slider("damping α", d["alpha"], math.log10(0.003), math.log10(0.03), 0.05, ".3g", log=True),
    }

    def draw(current_ratio, Delta, alpha):
        return switching_figures.write_error_rate_figure(current_ratio=current_ratio, Delta=Delta, alpha=alpha,
                                                         others=(), ensemble=0, n_cells=EXPLORER_CELLS)

    return assemble(controls, draw, [("current_ratio", "Delta", "alpha")])
