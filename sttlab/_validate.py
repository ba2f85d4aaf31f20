"""Small input checks shared by the public API.

Each raises :class:`ValueError` (or :class:`TypeError`) naming the parameter,
the value it received and what would have been valid, so a bad input stops at
the call that made it instead of travelling on as a NaN.
"""

import math
from numbers import Real

import numpy as np


def real(name, value):
    """Return ``value`` as a finite float, or raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.floating, np.integer)):
        raise TypeError(f"{name} must be a real number, got {value!r} ({type(value).__name__})")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return value


def positive(name, value, unit=""):
    """Return ``value`` as a float > 0, or raise naming ``name``."""
    value = real(name, value)
    if value <= 0.0:
        raise ValueError(f"{name} must be > 0{_unit(unit)}, got {value!r}")
    return value


def non_negative(name, value, unit=""):
    """Return ``value`` as a float >= 0, or raise naming ``name``."""
    value = real(name, value)
    if value < 0.0:
        raise ValueError(f"{name} must be >= 0{_unit(unit)}, got {value!r}")
    return value


def in_range(name, value, low, high, *, low_open=False, high_open=False):
    """Return ``value`` as a float inside the interval, or raise naming ``name``."""
    value = real(name, value)
    below = value <= low if low_open else value < low
    above = value >= high if high_open else value > high
    if below or above:
        interval = f"{'(' if low_open else '['}{low}, {high}{')' if high_open else ']'}"
        raise ValueError(f"{name} must lie in {interval}, got {value!r}")
    return value


def vector3(name, value):
    """Return ``value`` as a finite float array of shape (3,), or raise naming ``name``."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a 3-vector of real numbers, got {value!r}") from None
    if array.shape != (3,):
        raise ValueError(f"{name} must be a 3-vector, got shape {array.shape}: {value!r}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return array


def direction(name, value):
    """Return ``value`` normalized to a unit 3-vector, or raise if it is zero."""
    array = vector3(name, value)
    norm = float(np.sqrt(array @ array))
    if norm == 0.0:
        raise ValueError(f"{name} must be a non-zero direction, got {value!r}")
    return array / norm


def choice(name, value, options):
    """Return ``value`` if it is one of ``options``, or raise listing them."""
    if value not in options:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, options))}; got {value!r}")
    return value


def _unit(unit):
    return f" {unit}" if unit else ""
