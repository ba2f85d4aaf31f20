"""Chapter 6 explorers: pillar scaling, writing and reading the 1T-1MTJ cell, and the design space of an embedded MRAM.

Sliders over the figure functions of :mod:`sttlab.plotting.mram` and
:mod:`sttlab.plotting.mram_cell`, built with
:mod:`sttlab.explorers.common`: they start at the figure function's defaults,
so the first frame is the book's static figure, and every change redraws it.
What does not depend on the sliders is computed once and kept: the
Fokker-Planck table of the write-error rate (a few seconds, at the first
frame) and the pillar figures of the design-space grid.

Examples
--------
>>> box = scaling_explorer()
>>> [w.description for w in box.children[0].children]
['diameter d (nm)', 'thickness t (nm)']
>>> [w.description for w in box.children[1].children]
['Ki (mJ/m²)', 'Ms (MA/m)']
"""

from __future__ import annotations

import math

from ..plotting import mram as figures
from ..plotting import mram_cell as cell_figures
from ..plotting.common import figure_defaults
from .common import assemble, slider


def scaling_explorer():
    """Barrier, critical current and retention of a pillar: sliders for its size and its materials.

    Redraws :func:`sttlab.plotting.mram.scaling_figure`. Ranges: diameter
    from 10 to 120 nm, free-layer thickness from 0.6 to 2 nm, ``K_i`` from
    0.6 to 1.6 mJ/m^2, ``M_s`` from 0.6 to 1.6 MA/m. Thick layers of weak
    ``K_i`` and large ``M_s`` lose perpendicular anisotropy; the figure says so.

    Returns
    -------
    ipywidgets.VBox
        ``children[:2]`` hold the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = scaling_explorer()
    >>> [w.description for row in box.children[:-1] for w in row.children]
    ['diameter d (nm)', 'thickness t (nm)', 'Ki (mJ/m²)', 'Ms (MA/m)']
    """
    d = figure_defaults(figures.scaling_figure)
    controls = {
        "diameter": slider("diameter d (nm)", d["diameter"] / 1e-9, 10.0, 120.0, 1.0, ".0f"),
        "thickness": slider("thickness t (nm)", d["thickness"] / 1e-9, 0.6, 2.0, 0.05, ".2f"),
        "Ki": slider("Ki (mJ/m²)", d["Ki"] / 1e-3, 0.6, 1.6, 0.01, ".2f"),
        "Ms": slider("Ms (MA/m)", d["Ms"] / 1e6, 0.6, 1.6, 0.02, ".2f"),
    }

    def draw(diameter, thickness, Ki, Ms):
        return figures.scaling_figure(diameter=diameter * 1e-9, thickness=thickness * 1e-9, Ki=Ki * 1e-3,
                                      Ms=Ms * 1e6)

    return assemble(controls, draw, [("diameter", "thickness"), ("Ki", "Ms")])


def write_explorer():
    """Writing the 1T-1MTJ cell: sliders for the pillar, the access transistor and the write pulse.

    Redraws :func:`sttlab.plotting.mram_cell.write_figure` (free layer 1 nm
    thick, at 85 C). Ranges: diameter from 25 to 80 nm, transistor width from
    60 to 300 nm, pulse width from 1 to 100 ns (logarithmic).

    Returns
    -------
    ipywidgets.VBox
        ``children[:2]`` hold the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = write_explorer()
    >>> [w.description for row in box.children[:-1] for w in row.children]
    ['diameter d (nm)', 'transistor W (nm)', 'pulse (ns)']
    """
    d = figure_defaults(cell_figures.write_figure)
    controls = {
        "diameter": slider("diameter d (nm)", d["diameter"] / 1e-9, 25.0, 80.0, 1.0, ".0f"),
        "transistor_width": slider("transistor W (nm)", d["transistor_width"] / 1e-9, 60.0, 300.0, 5.0, ".0f"),
        "pulse_width": slider("pulse (ns)", d["pulse_width"] / 1e-9, 0.0, 2.0, 0.02, ".3g", log=True),
    }

    def draw(diameter, transistor_width, pulse_width):
        return cell_figures.write_figure(diameter=diameter * 1e-9, transistor_width=transistor_width * 1e-9,
                                         pulse_width=pulse_width * 1e-9)

    return assemble(controls, draw, [("diameter", "transistor_width"), ("pulse_width",)])


def read_explorer():
    """Reading the 1T-1MTJ cell: sliders for the pillar and the read current.

    Redraws :func:`sttlab.plotting.mram_cell.read_figure` (free layer 1 nm
    thick, at 85 C). Ranges: diameter from 25 to 80 nm, read current from 1
    to 60 uA.

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` holds the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = read_explorer()
    >>> [w.description for row in box.children[:-1] for w in row.children]
    ['diameter d (nm)', 'read current (µA)']
    """
    d = figure_defaults(cell_figures.read_figure)
    controls = {
        "diameter": slider("diameter d (nm)", d["diameter"] / 1e-9, 25.0, 80.0, 1.0, ".0f"),
        "read_current": slider("read current (µA)", d["read_current"] / 1e-6, 1.0, 60.0, 0.5, ".1f"),
    }

    def draw(diameter, read_current):
        return cell_figures.read_figure(diameter=diameter * 1e-9, read_current=read_current * 1e-6)

    return assemble(controls, draw, [("diameter", "read_current")])


def design_space_explorer():
    """The design space of the embedded target: sliders for the pulse, the transistor and two requirements.

    Redraws :func:`sttlab.plotting.mram_cell.design_space_figure`. Ranges: pulse
    width from 2 to 200 ns (logarithmic), transistor width from 60 to 300 nm,
    write-error-rate target from 1e-12 to 1e-4 (logarithmic), read current
    from 2 to 40 uA. The pillar figures of the grid are computed once; a
    redraw only solves the circuit and reads the write-error table.

    Returns
    -------
    ipywidgets.VBox
        ``children[:2]`` hold the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = design_space_explorer()
    >>> [w.description for row in box.children[:-1] for w in row.children]
    ['pulse (ns)', 'transistor W (nm)', 'WER target', 'read current (µA)']
    """
    d = figure_defaults(cell_figures.design_space_figure)
    controls = {
        "pulse_width": slider("pulse (ns)", d["pulse_width"] / 1e-9, math.log10(2.0), math.log10(200.0), 0.02,
                              ".3g", log=True),
        "transistor_width": slider("transistor W (nm)", d["transistor_width"] / 1e-9, 60.0, 300.0, 5.0, ".0f"),
        "wer": slider("WER target", d["wer"], -12.0, -4.0, 0.25, ".1e", log=True),
        "read_current": slider("read current (µA)", d["read_current"] / 1e-6, 2.0, 40.0, 0.5, ".1f"),
    }

    def draw(pulse_width, transistor_width, wer, read_current):
        return cell_figures.design_space_figure(pulse_width=pulse_width * 1e-9,
                                                transistor_width=transistor_width * 1e-9, wer=wer,
                                                read_current=read_current * 1e-6)

    return assemble(controls, draw, [("pulse_width", "transistor_width"), ("wer", "read_current")])
