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


def count(name, value, minimum=1, maximum=None):
    """Return ``value`` as an int if it is an integer (not a bool) in ``[minimum, maximum]``, or raise."""
    if (isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum
            or (maximum is not None and value > maximum)):
        bounds = f">= {minimum}" if maximum is None else f"in [{minimum}, {maximum}]"
        raise ValueError(f"{name} must be an integer {bounds}, got {value!r}")
    return int(value)


def seed(name, value):
    """Return ``value`` as an int if it can seed :class:`numpy.random.SeedSequence` (``[0, 2**64)``), or raise."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 0 <= value < 2**64:
        raise ValueError(f"{name} must be an integer in [0, 2**64), got {value!r}")
    return int(value)


def values(name, value, positive=False):
    """Return a non-empty 1D float array of finite (and, if asked, positive) values, or raise."""
    array = np.atleast_1d(np.asarray(value, dtype=float))
    if array.ndim != 1 or array.size == 0 or not np.all(np.isfinite(array)) or (positive and np.any(array <= 0)):
        raise ValueError(f"{name} must be a non-empty 1D array of finite{' positive' if positive else ''} "
                         f"values, got {value!r}")
    return array


def free_layer(name, system):
    """The :class:`~sttlab.params.Magnet` of ``system``: itself, or the free layer of a Junction; else TypeError."""
    from .params import Junction, Magnet  # params imports this module

    if isinstance(system, Junction):
        return system.free
    if isinstance(system, Magnet):
        return system
    raise TypeError(f"{name} must be a Junction or a Magnet, got {system!r}")


def _unit(unit):
    return f" {unit}" if unit else ""
