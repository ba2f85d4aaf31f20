"""Checks for the autograder tests of the course's exercises.

The test cells of an exercise (``exercises/source/``) call these instead of a
bare ``assert``, so that a student whose answer is off reads what was
expected, what they gave, and how close it had to be:

>>> check_close("Delta", 39.2, 40.0, rtol=1e-3)
Traceback (most recent call last):
    ...
AssertionError: Delta = 39.2, but 40 was expected (tolerance ±0.1 % relative); it is off by -2 %.

A wrong answer raises :class:`AssertionError` (the test fails and nbgrader
scores the cell zero); a mistake of the test's author (a bad tolerance, a
non-finite expected value) raises :class:`ValueError` or :class:`TypeError`,
so the two can never be confused. On success the checks return None and print
nothing.

Tolerances follow :func:`numpy.isclose`: a value passes if
``|value - expected| <= atol + rtol * |expected|``, elementwise for arrays.
"""

from __future__ import annotations

import numpy as np

from . import _validate as check


def check_close(name, value, expected, *, rtol=0.0, atol=0.0, unit=""):
    """Fail with a helpful message unless ``value`` is within tolerance of ``expected``.

    Parameters
    ----------
    name : str
        What is compared, as the student should read it (e.g. ``"Delta_85"`` or
        ``"thermal_stability_factor(Ki=1e-3, ...)"``).
    value : float or array_like
        The student's answer.
    expected : float or array_like
        The reference value(s); ``value`` must have the same shape.
    rtol, atol : float, optional
        Relative and absolute tolerance (>= 0, not both 0), as in
        :func:`numpy.isclose`: every check states how close is close enough.
    unit : str, optional
        Unit printed after the numbers (e.g. ``"nm"``).

    Raises
    ------
    AssertionError
        If ``value`` is None, not numeric, of the wrong shape, not finite, or
        outside the tolerance; the message says what was expected.
    ValueError, TypeError
        If ``name``, ``expected`` or the tolerances are themselves invalid.

    Examples
    --------
    >>> check_close("I_c0", 20.14, 20.1401, rtol=1e-4, unit="uA")
    >>> check_close("m", [0.0, 0.6, 0.8], [0.0, 0.6, 0.8001], atol=1e-3)
    >>> check_close("m", [0.0, 0.6, 0.9], [0.0, 0.6, 0.8], atol=1e-3)
    Traceback (most recent call last):
        ...
    AssertionError: m differs from the expected values at 1 of 3 entries (tolerance ±0.001 absolute); the worst is entry (2,): 0.9, but 0.8 was expected.
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string, got {name!r}")
    rtol = check.non_negative("rtol", rtol)
    atol = check.non_negative("atol", atol)
    if rtol == 0.0 and atol == 0.0:
        raise ValueError("rtol and atol are both 0: give the tolerance the answer must meet")
    reference = _reference(expected)
    unit = f" {unit}" if unit else ""
    tolerance = _tolerance(rtol, atol, unit)
    got = _answer(name, value, reference.shape)
    ok = np.abs(got - reference) <= atol + rtol * np.abs(reference)
    if ok.all():
        return
    if reference.ndim == 0:
        raise AssertionError(f"{name} = {_number(got)}{unit}, but {_number(reference)}{unit} was expected "
                             f"(tolerance {tolerance}); it is off by {_deviation(got, reference, unit)}.")
    excess = np.abs(got - reference) - (atol + rtol * np.abs(reference))
    worst = np.unravel_index(int(np.argmax(excess)), reference.shape)
    raise AssertionError(
        f"{name} differs from the expected values at {int((~ok).sum())} of {ok.size} entries "
        f"(tolerance {tolerance}); the worst is entry {tuple(int(i) for i in worst)}: "
        f"{_number(got[worst])}{unit}, but {_number(reference[worst])}{unit} was expected."
    )


def check_equal(name, value, expected):
    """Fail with a helpful message unless ``value == expected`` (for answers that are not numbers).

    Meant for booleans, integers and strings, where a tolerance makes no
    sense; use :func:`check_close` for floats.

    Parameters
    ----------
    name : str
        What is compared.
    value : object
        The student's answer.
    expected : bool, int or str
        The reference.

    Raises
    ------
    AssertionError
        If ``value`` is not equal to ``expected`` (for a bool, also if it is not
        a bool or numpy bool).

    Examples
    --------
    >>> check_equal("tilt_grows(2 J_c0)", True, True)
    >>> check_equal("tilt_grows(0.5 J_c0)", True, False)
    Traceback (most recent call last):
        ...
    AssertionError: tilt_grows(0.5 J_c0) is True, but False was expected.
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string, got {name!r}")
    if not isinstance(expected, (bool, int, str, np.bool_)):
        raise TypeError(f"expected must be a bool, int or str (use check_close for floats), got {expected!r}")
    if value is None:
        raise AssertionError(f"{name} is None, but {expected!r} was expected: does the function `return` its result?")
    if isinstance(expected, (bool, np.bool_)) and not isinstance(value, (bool, np.bool_)):
        raise AssertionError(f"{name} should be True or False, got {value!r} ({type(value).__name__}).")
    if value != expected:
        raise AssertionError(f"{name} is {value!r}, but {expected!r} was expected.")


def _reference(expected):
    """The expected value(s) as a finite float array, or raise (an author's error)."""
    if isinstance(expected, (bool, np.bool_)):
        raise TypeError("expected must be a number or an array of numbers, got a bool (use check_equal)")
    if isinstance(expected, (str, bytes)):
        raise TypeError(f"expected must be a number or an array of numbers, got {expected!r}")
    try:
        reference = np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"expected must be a number or an array of numbers, got {expected!r}") from None
    if not np.all(np.isfinite(reference)):
        raise ValueError(f"expected must be finite, got {expected!r}")
    return reference


def _answer(name, value, shape):
    """The student's value as a finite float array of ``shape``, or an AssertionError that says why not."""
    if value is None:
        raise AssertionError(f"{name} is None: does the function `return` its result (or is the variable assigned)?")
    if isinstance(value, (bool, np.bool_, str, bytes)):
        raise AssertionError(f"{name} should be a number, got {value!r} ({type(value).__name__}).")
    try:
        got = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f"{name} should be a number or an array of numbers, got {value!r} "
                             f"({type(value).__name__}).") from None
    if got.shape != shape:
        what = "a single number" if shape == () else f"an array of shape {shape}"
        raise AssertionError(f"{name} should be {what}, got shape {got.shape}: {value!r}.")
    if not np.all(np.isfinite(got)):
        raise AssertionError(f"{name} should be finite, got {value!r}: look for a division by zero or an overflow.")
    return got


def _number(x):
    return f"{float(x):.6g}"


def _tolerance(rtol, atol, unit):
    relative = f"{100 * rtol:.2g} %"
    if atol == 0.0:
        return f"±{relative} relative"
    absolute = f"{atol:.2g}{unit}"
    return f"±{absolute} absolute" if rtol == 0.0 else f"±({absolute} + {relative})"


def _deviation(got, reference, unit):
    if reference != 0.0:
        return f"{100 * (got - reference) / abs(reference):+.2g} %"
    return f"{float(got - reference):+.3g}{unit}"
