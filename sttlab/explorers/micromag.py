"""Chapter 7 explorers: the discrete domain wall, and the pillar's reversal frame by frame.

Sliders over the figure functions of :mod:`sttlab.plotting.micromag`, built
with :mod:`sttlab.explorers.common`: they start at the figure function's
defaults, so the first frame is the book's static figure. The wall is relaxed
anew at every move (a chain of a few hundred cells relaxes in milliseconds);
the pillar's run is computed once when the explorer is made (several seconds)
and the time slider steps through its saved snapshots.

Examples
--------
>>> box = domain_wall_explorer()
>>> [w.description for w in box.children[0].children]
['A (pJ/m)', 'K (kJ/m³)', 'cell (nm)']
"""

from __future__ import annotations

import math

from ..plotting import micromag as figures
from ..plotting.common import figure_defaults
from .common import assemble, slider


def domain_wall_explorer():
    """A Bloch wall on a chain of cells: exchange stiffness, anisotropy and cell size.

    Redraws :func:`sttlab.plotting.micromag.domain_wall_figure`. Ranges: ``A``
    from 5 to 30 pJ/m and ``K`` from 100 to 1000 kJ/m^3 (logarithmic; the wall
    width ``sqrt(A / K)`` then runs from 2.2 to 17 nm), the cell from 0.5 to
    4 nm, so that the cell never exceeds two wall widths.

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = domain_wall_explorer()
    >>> [(w.description, round(w.value, 6)) for w in box.children[0].children]
    [('A (pJ/m)', 13.0), ('K (kJ/m³)', 500.0), ('cell (nm)', 1.0)]
    """
    d = figure_defaults(figures.domain_wall_figure)
    controls = {
        "A": slider("A (pJ/m)", d["A"] / 1e-12, math.log10(5.0), math.log10(30.0), 0.01, ".3g", log=True),
        "Ku": slider("K (kJ/m³)", d["Ku"] / 1e3, 2.0, 3.0, 0.01, ".3g", log=True),
        "cell": slider("cell (nm)", d["cell"] / 1e-9, 0.5, 4.0, 0.05, ".2f"),
    }

    def draw(A, Ku, cell):
        return figures.domain_wall_figure(A=A * 1e-12, Ku=Ku * 1e3, cell=cell * 1e-9)

    return assemble(controls, draw, [("A", "Ku", "cell")])


def pillar_reversal_explorer():
    """The 80 nm pillar's switch by current, snapshot by snapshot: a time slider.

    Redraws :func:`sttlab.plotting.micromag.pillar_reversal_figure` on the run
    of :func:`sttlab.plotting.micromag.pillar_run` at the figure's default
    diameter and current (computed once, several seconds under a progress
    bar). The slider runs from
    0 to the end of the run in ns and starts at the switching time, where the
    book's figure stands.

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the slider, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = pillar_reversal_explorer()  # the run takes several seconds
    >>> time = box.children[0].children[0]
    >>> time.description, time.min
    ('time (ns)', 0.0)
    """
    d = figure_defaults(figures.pillar_reversal_figure)
    switching = figures.pillar_run(d["diameter"], d["current_ratio"], progress=True)
    end = math.floor(switching.run.t[-1] * 1e11) / 100.0  # ns, rounded down to 0.01 ns
    start = switching.switching_time
    start = end if start is None else min(end, start * 1e9)
    controls = {"time": slider("time (ns)", start, 0.0, end, 0.01, ".2f")}

    def draw(time):  # the start is the figure's default time, the switching time itself
        return figures.pillar_reversal_figure(time=None if time == start else time * 1e-9)

    return assemble(controls, draw, [("time",)])
