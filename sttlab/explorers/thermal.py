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

import functools
import math

import ipywidgets as widgets
import numpy as np
from scipy.interpolate import PchipInterpolator

from ..plotting import switching as switching_figures
from ..plotting import thermal as thermal_figures
from ..plotting.common import figure_defaults
from .common import STYLE, assemble, slider

#: The currents (I / I_c0) and barriers of :func:`wer_explorer`; its table holds one curve for each pair.
WER_RATIOS = (1.1, 1.2, 1.3, 1.5, 1.7, 2.0, 2.5, 3.0, 3.5, 4.0)
WER_DELTAS = (20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0)
#: The range of its damping slider.
WER_ALPHAS = (0.003, 0.03)
#: Its Fokker-Planck mesh, ``max(100, WER_CELLS_PER_ROOT sqrt(Delta (1 + I/I_c0)))`` cells (see
#: :class:`WriteErrorTable`).
WER_CELLS_PER_ROOT = 18.0


def _progress(items, description):
    """``items`` with a progress bar (tqdm; the widget bar in a notebook) that disappears when done."""
    from tqdm.auto import tqdm

    return tqdm(items, desc=description, leave=False)


class WriteErrorTable:
    """The write-error curves of :func:`wer_explorer`: one Fokker-Planck solve per current and barrier.

    **The damping only sets the time scale.** In the model of
    :mod:`sttlab.fokker_planck` the drift of ``x = m.p`` is ``g (1 - x^2)
    [alpha H_k x + (1 + alpha xi) a_J eta(x) J]`` and the diffusion constant is
    ``D = g alpha / beta``, with ``g = gamma mu0 / (1 + alpha^2)`` and
    ``Delta = beta H_k / 2``. A current ``J = i J_c0`` with ``J_c0 = alpha H_k /
    ((1 + alpha xi) a_J eta(-1))`` (:meth:`sttlab.params.Junction.Jc0`) makes
    the drift ``(1 - x^2) [x + i eta(x) / eta(-1)] / tau_D`` and ``D = 1 / (2
    Delta tau_D)``, with ``tau_D = 1 / (g alpha H_k)`` the damping time. In the
    reduced time ``s = t / tau_D`` the equation, its Boltzmann start and the
    relaxation of five ``tau_D`` after the pulse depend on ``i`` and ``Delta``
    alone, so ``WER(t; i, Delta, alpha) = W(t / tau_D(alpha); i, Delta)``. Every
    rate of the discretized chain scales with ``1 / tau_D`` as well: the
    identity holds for the numbers to rounding (1e-13 measured). One solve of
    :func:`sttlab.plotting.switching._wer` at the figure's default damping, over
    the figure's pulse widths extended on both sides (same logarithmic step,
    35 per decade) far enough for every damping of the slider, serves all
    dampings; at another damping the curve is read between those widths by a
    monotone cubic in ``ln t``, ``ln WER``. At the default damping it is the
    solve itself.

    **Mesh.** The error of the Fokker-Planck mesh falls as ``1 / n^2`` and grows
    with the steepness of the energy landscape, ``~Delta (1 + i)``. With
    ``n = max(100, 18 sqrt(Delta (1 + i)))`` cells (118 to 360 over the grid)
    every curve of the grid, drawn in the explorer's frame (100 dpi; a pixel is
    0.046 decades of WER), lies within 0.61 pixel of the curve on the default
    mesh of :func:`sttlab.fokker_planck.write_error_rate` (440 to 1360 cells;
    0.73 pixel vertically, 7.7 % in WER down to 1e-12; measured over all 70 pairs),
    at a fifth of its cost.

    A pair off the grid (a value typed into a slider's box) is solved when first
    asked for and kept too.

    Examples
    --------
    A new table has solved nothing; its meshes grow with the barrier and the current:

    >>> table = WriteErrorTable()
    >>> len(table.missing()) == len(WER_RATIOS) * len(WER_DELTAS)
    True
    >>> WriteErrorTable.cells(1.1, 20.0), WriteErrorTable.cells(2.0, 40.0)
    (118, 198)
    """

    def __init__(self):
        widths = switching_figures.WER_WIDTHS
        d = figure_defaults(switching_figures.write_error_rate_figure)
        self.alpha = d["alpha"]
        tau = {a: switching_figures._wer_junction(d["Delta"], a).free.relaxation_time for a in (*WER_ALPHAS, self.alpha)}
        step = math.log(widths[1] / widths[0])
        below = math.ceil(math.log(max(tau.values()) / tau[self.alpha]) / step) + 1
        above = math.ceil(math.log(tau[self.alpha] / min(tau.values())) / step) + 1
        #: Pulse widths (s) of the solves at the default damping, the figure's extended.
        self.widths = np.concatenate([widths[0] * np.exp(step * np.arange(-below, 0)), widths,
                                      widths[-1] * np.exp(step * np.arange(1, above + 1))])
        self._curves = {}

    @staticmethod
    def cells(current_ratio, Delta):
        """Fokker-Planck cells of the solve for this current (``I / I_c0``) and barrier."""
        return max(100, 2 * math.ceil(0.5 * WER_CELLS_PER_ROOT * math.sqrt(Delta * (1.0 + current_ratio))))

    def missing(self):
        """The (current, Delta) pairs of the explorer's grid not solved yet."""
        return [(r, D) for D in WER_DELTAS for r in WER_RATIOS if (r, D) not in self._curves]

    def solve(self, current_ratio, Delta):
        """The curve of one pair, interpolant of ``ln WER`` against ``ln t`` at the default damping (kept)."""
        key = (float(current_ratio), float(Delta))
        if key not in self._curves:
            wer = switching_figures._wer(*key, self.alpha, self.widths, self.cells(*key))
            self._curves[key] = PchipInterpolator(np.log(self.widths), np.log(np.maximum(wer, 1e-300)))
        return self._curves[key]

    def __call__(self, current_ratio, Delta, alpha):
        """Write-error rates over :data:`sttlab.plotting.switching.WER_WIDTHS`."""
        shift = math.log(switching_figures._wer_junction(Delta, self.alpha).free.relaxation_time
                         / switching_figures._wer_junction(Delta, alpha).free.relaxation_time)
        return np.exp(self.solve(current_ratio, Delta)(np.log(switching_figures.WER_WIDTHS) + shift))


@functools.lru_cache(maxsize=1)
def wer_table():
    """The table of :func:`wer_explorer`, one per session (``wer_table.cache_clear()`` forgets it).

    Examples
    --------
    >>> wer_table() is wer_table()
    True
    """
    return WriteErrorTable()


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

    Examples
    --------
    >>> box = ensemble_explorer()
    >>> before = box.children[-1].outputs[0]["data"]["image/png"]
    >>> box.children[0].children[0].value = 0.0  # T = 0: no thermal spread
    >>> box.children[-1].outputs[0]["data"]["image/png"] != before
    True
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
    curves are computed once (about 0.1 s each, under a progress bar) and kept,
    so after the first frame every move only redraws; the width runs from 0.1 ns to 10 us
    (logarithmic).

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = switching_probability_explorer()
    >>> [w.description for w in box.children[0].children]
    ['I / Ic0', 'pulse width (ns)']
    """
    d = figure_defaults(switching_figures.switching_probability_figure)
    if switching_figures._fp_curve.cache_info().currsize < len(switching_figures.PSW_RATIOS):
        for ratio in _progress(switching_figures.PSW_RATIOS, "switching-probability curves"):
            switching_figures._fp_curve(ratio)
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
    selected current alone, without ensemble points, with the curves of
    :func:`wer_table`: the first call solves the Fokker-Planck equation once for
    every pair of :data:`WER_RATIOS` (``I / I_c0`` from 1.1 to 4) and
    :data:`WER_DELTAS` (20 to 80; the diameter of the CoFeB/MgO pillar changes
    with it), under a progress bar (about 10 s), and every damping from 0.003
    to 0.03 (logarithmic) comes from the same solves; after that every move
    only redraws.

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = wer_explorer()
    >>> [(w.description, w.value) for w in box.children[0].children]
    [('I / Ic0', 2.0), ('Δ (300 K)', 40.0), ('damping α', 0.01)]
    """
    d = figure_defaults(switching_figures.write_error_rate_figure)
    table = wer_table()
    missing = table.missing()
    if missing:
        for pair in _progress(missing, "write-error curves"):
            table.solve(*pair)
    choice = {"continuous_update": False, "style": STYLE, "layout": widgets.Layout(width="420px")}
    controls = {
        "current_ratio": widgets.SelectionSlider(options=[(f"{r:g}", r) for r in WER_RATIOS],
                                                 value=d["current_ratio"], description="I / Ic0", **choice),
        "Delta": widgets.SelectionSlider(options=[(f"{D:.0f}", D) for D in WER_DELTAS], value=d["Delta"],
                                         description="Δ (300 K)", **choice),
        "alpha": slider("damping α", d["alpha"], *np.log10(WER_ALPHAS), 0.05, ".3g", log=True),
    }

    def draw(current_ratio, Delta, alpha):
        return switching_figures.write_error_rate_figure(current_ratio=current_ratio, Delta=Delta, alpha=alpha,
                                                         others=(), ensemble=0, curve=table)

    return assemble(controls, draw, [("current_ratio", "Delta", "alpha")])
