"""Figures for the book and the explorers (matplotlib).

One module per chapter topic (:mod:`sttlab.plotting.llg`, ...) plus the shared
pieces in :mod:`sttlab.plotting.common`: the colour-blind-safe palette, the
unit sphere and trajectories on it. Every figure function takes SI arguments,
validates them, and returns a :class:`matplotlib.figure.Figure` that is not
registered with :mod:`matplotlib.pyplot` (nothing to close, nothing leaks).
The physics modules never import this package.
"""

from .common import PALETTE, draw_trajectory, draw_unit_sphere, figure_defaults, new_figure
from .llg import energy_landscape_figure, precession_figure
from .transport import polarization_figure, spin_accumulation_figure

__all__ = [
    "PALETTE",
    "draw_trajectory",
    "draw_unit_sphere",
    "energy_landscape_figure",
    "figure_defaults",
    "new_figure",
    "polarization_figure",
    "precession_figure",
    "spin_accumulation_figure",
]
