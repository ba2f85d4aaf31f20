"""Array checks and elementwise root finders shared by the :mod:`sttlab.mram` modules."""

import math

import numpy as np
from scipy import optimize


def _positive_array(name, value, unit=""):
    array = np.asarray(value, dtype=float)
    if not np.all(np.isfinite(array)) or np.any(array <= 0.0):
        raise ValueError(f"{name} must be finite and > 0{' ' + unit if unit else ''}, got {value!r}")
    return array


def _bisect(f, lo, hi, iterations=64):
    """Elementwise root of an increasing ``f`` between the arrays ``lo`` and ``hi``."""
    lo, hi = np.array(lo, dtype=float), np.array(hi, dtype=float)
    for _ in range(iterations):
        mid = 0.5 * (lo + hi)
        above = f(mid) > 0.0
        lo, hi = np.where(above, lo, mid), np.where(above, mid, hi)
    return 0.5 * (lo + hi)


def _first_crossing(f, lo, hi, points=64):
    """The smallest ``x`` in ``[lo, hi]`` with ``f(x) <= 0``: ``lo`` if ``f(lo) <= 0``, ``inf`` if none.

    A geometric scan brackets the first sign change, ``brentq`` refines it.
    """
    grid = np.geomspace(lo, hi, points)
    below = np.flatnonzero(np.array([f(x) for x in grid]) <= 0.0)
    if below.size == 0:
        return math.inf
    i = below[0]
    return lo if i == 0 else optimize.brentq(f, grid[i - 1], grid[i], xtol=1e-15, rtol=1e-10)
