"""Reliability of a memory array: retention, read disturb, write errors.

Thermal activation over the barrier of :func:`~sttlab.mram.pillar.scaling`
sets how likely an array is to lose a bit (:func:`array_failure`), how long
it keeps its data (:func:`retention_time`) and the smallest pillar that keeps
it (:func:`critical_diameter`); activation over the barrier that a read
current lowers gives the read disturb (:func:`read_disturb`). Write errors
come from the Fokker-Planck equation (:func:`write_error_rate`), and for whole
curves and design grids from a table of it
(:func:`tabulated_write_error_rate`). The barrier's breakdown is a figure of
the stack (:meth:`~sttlab.mram.materials.Stack.breakdown_margin`).

Ms, K_i and the exchange stiffness are taken independent of temperature, so
``Delta`` falls only as ``1 / T``. Real CoFeB/MgO loses some of its Ms and
more of its K_i between room temperature and 85 C: retention figures at 85 C
are upper bounds.
"""

from __future__ import annotations

import functools
import math

import numpy as np
from scipy.interpolate import PchipInterpolator, RegularGridInterpolator

from .. import _validate as check
from .. import fokker_planck, thermal
from ..constants import kB
from ..efficiency import efficiency_coefficients
from ..params import Cylinder, Junction, Magnet
from ._numerics import _first_crossing, _positive_array
from .materials import _stack
from .pillar import scaling

#: 85 degrees Celsius in K, the usual industrial retention temperature.
T_85C = 358.15
#: One Julian year in s.
YEAR = 365.25 * 86400.0


# --------------------------------------------------------------------------- retention


def array_failure(rate, duration, n_bits=1):
    """Probability that any of ``n_bits`` independent bits flips within ``duration``, ``1 - exp(-N t Gamma)``.

    Parameters
    ----------
    rate : float or array_like
        Escape rate of one bit in 1/s (>= 0), e.g. :attr:`Scaling.rate`.
    duration : float
        In s (>= 0).
    n_bits : int, optional

    Examples
    --------
    A ``Delta = 40`` bit (mean life 6.5 years at 300 K) alone, and in a 1-Mib array:

    >>> from sttlab import preset
    >>> from sttlab.thermal import neel_brown_rate
    >>> rate = neel_brown_rate(preset("cofeb_mgo_40nm"), 300.0)
    >>> f"{float(array_failure(rate, 10 * YEAR)):.2f}", f"{float(array_failure(rate, 10 * YEAR, 2**20)):.2f}"
    ('0.79', '1.00')
    """
    r = np.asarray(rate, dtype=float)
    if not np.all(np.isfinite(r)) or np.any(r < 0.0):
        raise ValueError(f"rate must be finite and >= 0, got {rate!r}")
    duration = check.non_negative("duration", duration, "s")
    return -np.expm1(-check.count("n_bits", n_bits) * duration * r)


def retention_time(rate, n_bits=1, failure=1e-3):
    """How long ``n_bits`` keep their data with probability ``1 - failure``: ``-ln(1 - failure) / (N Gamma)`` in s.

    Parameters
    ----------
    rate : float or array_like
        Escape rate of one bit in 1/s (> 0).
    n_bits : int, optional
    failure : float, optional
        In (0, 1).

    Examples
    --------
    The 40 nm preset (``Delta = 40`` at 300 K) keeps its bit with 99.9 % certainty for a little over
    two days; a 1-Mib array of them, a fifth of a second:

    >>> from sttlab import preset
    >>> from sttlab.thermal import neel_brown_rate
    >>> rate = neel_brown_rate(preset("cofeb_mgo_40nm"), 300.0)
    >>> round(float(retention_time(rate)) / 86400, 2), round(float(retention_time(rate, n_bits=2**20)), 2)  # days, s
    (2.36, 0.19)
    """
    r = np.asarray(rate, dtype=float)
    if not np.all(np.isfinite(r)) or np.any(r <= 0.0):
        raise ValueError(f"rate must be finite and > 0, got {rate!r}")
    failure = check.in_range("failure", failure, 0.0, 1.0, low_open=True, high_open=True)
    return -math.log1p(-failure) / (check.count("n_bits", n_bits) * r)


def critical_diameter(thickness, *, T=T_85C, duration=10 * YEAR, n_bits=1, failure=1e-3, stack=None):
    """The smallest diameter in m whose ``n_bits`` keep their data: :func:`array_failure` ``<= failure``.

    Solves ``1 - exp(-N t Gamma(d)) = failure`` with ``Gamma`` from
    :func:`scaling`; the required barrier grows only as ``ln(N t f0 / failure)``.

    Parameters
    ----------
    thickness : float
        Free-layer thickness in m (> 0).
    T : float, optional
        In K; default 85 C.
    duration : float, optional
        In s; default 10 years.
    n_bits : int, optional
    failure : float, optional
        Acceptable probability that any bit flips, in (0, 1).
    stack : materials.Stack, optional

    Returns
    -------
    float
        NaN if no diameter up to 1 um suffices.

    Examples
    --------
    >>> round(critical_diameter(1.3e-9) * 1e9, 1)  # nm: one bit, 10 years at 85 C, 0.1 % risk
    53.0
    """
    s = _stack(stack)
    t = check.positive("thickness", thickness, "m")
    T, duration = check.positive("T", T, "K"), check.positive("duration", duration, "s")
    failure = check.in_range("failure", failure, 0.0, 1.0, low_open=True, high_open=True)
    target = -math.log1p(-failure) / (check.count("n_bits", n_bits) * duration)  # the rate giving `failure`

    def excess(d):
        rate = float(scaling(d, t, T=T, stack=s).rate)
        return 1.0 if math.isnan(rate) else math.log(max(rate, 1e-300) / target)

    d = _first_crossing(excess, 1e-9, 1e-6)
    return math.nan if d == math.inf else d


# --------------------------------------------------------------------------- read disturb


def read_disturb(junction, current, duration, T, *, exponent=2.0, n_reads=1):
    """Probability that reads flip a bit, by activation over the current-lowered barrier.

    ``1 - exp(-n t f0 exp(-Delta (1 - |I / I_c0|)^n))``: Brown's zero-current
    ``f0`` (:func:`~sttlab.thermal.attempt_frequency`) and the barrier of
    :func:`~sttlab.thermal.current_reduced_barrier` (``n = 2`` for a
    perpendicular macrospin; the older ``n = 1`` lowers it less and so
    underestimates the disturb). A positive read current disturbs AP bits, a
    negative one P bits, with that state's ``I_c0``; at or beyond it the
    barrier is gone and the rate is ``f0``. The barrier is the macrospin one:
    above the diameter where reversal through a domain wall costs less
    (:func:`~sttlab.mram.pillar.scaling`), the disturb is underestimated.

    Parameters
    ----------
    junction : Junction
    current : float or array_like
        Read current in A.
    duration : float
        Read time in s (>= 0).
    T : float
        Temperature in K (> 0).
    exponent : float, optional
        ``n`` (> 0).
    n_reads : int, optional

    Examples
    --------
    Reads of 10 ns at 85 C on a 40 nm pillar (``I_c0 = 20`` uA): the disturb grows steeply
    with the read current, and the linear barrier law (``exponent=1``) underestimates it:

    >>> from sttlab.mram import junction
    >>> cell = junction(40e-9, 1.3e-9)
    >>> [f"{float(read_disturb(cell, I, 10e-9, T_85C)):.1e}" for I in (2e-6, 5e-6, 10e-6)]
    ['1.7e-11', '6.3e-08', '2.2e-03']
    >>> f"{float(read_disturb(cell, 10e-6, 10e-9, T_85C, exponent=1)):.1e}"
    '5.0e-07'
    """
    if not isinstance(junction, Junction):
        raise TypeError(f"junction must be a Junction, got {junction!r}")
    I = np.asarray(current, dtype=float)
    if not np.all(np.isfinite(I)):
        raise ValueError(f"current must be finite, got {current!r}")
    duration = check.non_negative("duration", duration, "s") * check.count("n_reads", n_reads)
    ratio = np.abs(I) / np.where(I >= 0.0, junction.Ic0("AP"), -junction.Ic0("P"))
    return _disturb(junction.free.Delta(T), ratio, thermal.attempt_frequency(junction, T), duration,
                    check.positive("exponent", exponent))


def _disturb(Delta, ratio, f0, duration, exponent):
    """``1 - exp(-duration f0 exp(-Delta (1 - min(ratio, 1))^n))``, elementwise."""
    barrier = Delta * thermal.current_reduced_barrier(1.0, np.minimum(ratio, 1.0), exponent)
    return -np.expm1(-duration * f0 * np.exp(-barrier))


# --------------------------------------------------------------------------- write errors


def write_error_rate(junction, T, pulse_width, current):
    """Write-error rate of a rectangular pulse of ``current`` amperes, from the Fokker-Planck equation.

    :func:`sttlab.fokker_planck.write_error_rate`: a positive current writes
    AP -> P (the bit starts in AP), a negative one P -> AP. Exact for the
    macrospin and about a second per call; :func:`design_space` uses a table.

    Parameters
    ----------
    junction : Junction
    T : float
        Temperature in K (> 0).
    pulse_width : float or array_like
        In s (>= 0).
    current : float
        In A (non-zero).

    Examples
    --------
    >>> from sttlab.mram import junction
    >>> cell = junction(40e-9, 1.3e-9)
    >>> [f"{w:.1e}" for w in write_error_rate(cell, 300.0, [10e-9, 20e-9], 2 * cell.Ic0())]
    ['4.5e-02', '6.5e-05']
    """
    if not isinstance(junction, Junction):
        raise TypeError(f"junction must be a Junction, got {junction!r}")
    I = check.real("current", current)
    if I == 0.0:
        raise ValueError("current must be non-zero: its sign is the write direction")
    return fokker_planck.write_error_rate(junction, T, pulse_width, I / junction.area, start="AP" if I > 0 else "P")


def tabulated_write_error_rate(junction, T, pulse_width, current):
    """:func:`write_error_rate` read from the table that :func:`design_space` uses: fast, for whole curves.

    For an axially symmetric macrospin the write-error rate depends only on
    ``Delta``, ``|I| / I_c0`` of the initial state and ``pulse / tau_D``
    (:func:`design_space`), so a table of the Fokker-Planck solution, built
    once per efficiency model (a few seconds), serves every pillar; it is
    within 0.3 decades of :func:`write_error_rate` for rates above 1e-15,
    and costs microseconds per point instead of a second per curve. The
    table spans :data:`WER_TABLE_DOMAIN` (``Delta`` from 20 to 540, ``|I| /
    I_c0`` up to 8, ``pulse / tau_D`` from 0.2 to 1000); a point outside it
    raises :class:`ValueError` (:func:`write_error_rate` solves any point).

    Parameters
    ----------
    junction : Junction
    T : float
        Temperature in K (> 0).
    pulse_width : float or array_like
        In s (> 0).
    current : float
        In A (non-zero): positive writes AP -> P, negative P -> AP, as in :func:`write_error_rate`.

    Returns
    -------
    float or ndarray

    Raises
    ------
    ValueError
        Naming ``junction`` (its ``Delta`` at ``T`` off the table), ``current`` or
        ``pulse_width`` when a point lies outside :data:`WER_TABLE_DOMAIN`.

    Examples
    --------
    >>> from sttlab.mram import junction
    >>> cell = junction(40e-9, 1.3e-9)
    >>> wer = tabulated_write_error_rate(cell, 300.0, 20e-9, 2 * cell.Ic0())
    >>> f"{wer:.1e}", f"{write_error_rate(cell, 300.0, 20e-9, 2 * cell.Ic0()):.1e}"  # the table, the solver
    ('6.5e-05', '6.5e-05')
    """
    if not isinstance(junction, Junction):
        raise TypeError(f"junction must be a Junction, got {junction!r}")
    T = check.positive("T", T, "K")
    pulse = _positive_array("pulse_width", pulse_width, "s")
    I = check.real("current", current)
    if I == 0.0:
        raise ValueError("current must be non-zero: its sign is the write direction")
    start = "AP" if I > 0 else "P"
    free = junction.free
    Delta, ratio, tau_D = free.Delta(T), abs(I / junction.Ic0(start)), free.relaxation_time
    (D_lo, D_hi), (_, i_hi), (p_lo, p_hi) = WER_TABLE_DOMAIN.values()
    if not D_lo <= Delta <= D_hi:
        raise ValueError(f"junction must have {D_lo:g} <= Delta <= {D_hi:g} at T = {T:g} K for the table, got "
                         f"Delta = {Delta:.4g}; write_error_rate solves any barrier")
    if ratio > i_hi:
        raise ValueError(f"current must be at most {i_hi:g} I_c0 = {i_hi * junction.Ic0(start):.4g} A in magnitude "
                         f"for the table, got {I!r} ({ratio:.3g} I_c0); write_error_rate solves any current")
    if np.any(pulse < p_lo * tau_D) or np.any(pulse > p_hi * tau_D):
        raise ValueError(f"pulse_width must lie in [{p_lo:g}, {p_hi:g}] tau_D = [{p_lo * tau_D:.4g}, "
                         f"{p_hi * tau_D:.4g}] s for the table, got {pulse_width!r}; write_error_rate solves any pulse")
    wer = _table_wer(junction, start, Delta, ratio, pulse / tau_D)
    return float(wer) if wer.ndim == 0 else wer


# Nodes in Delta, I / I_c0 and pulse / tau_D, the Fokker-Planck mesh, and the finer grid the table is
# resampled on (monotone PCHIP along each axis, then linear interpolation, so the table is monotone
# wherever the solver's values are).
_TABLE_DELTA = np.array([20.0, 60.0, 180.0, 540.0])
_TABLE_CURRENT = np.array([0.0, 0.5, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 2.75, 4.0, 5.5, 8.0])
_TABLE_TIME = np.geomspace(0.2, 1000.0, 31)

#: Where :func:`tabulated_write_error_rate` reads its table: ``Delta``, ``|I| / I_c0`` of the initial
#: state and ``pulse / tau_D``, each as (lowest, highest).
WER_TABLE_DOMAIN = {name: (float(nodes[0]), float(nodes[-1])) for name, nodes in
                    (("Delta", _TABLE_DELTA), ("current_ratio", _TABLE_CURRENT), ("pulse_ratio", _TABLE_TIME))}
_TABLE_CELLS = 160
_TABLE_FINE = (25, 161, 61)


@functools.lru_cache(maxsize=8)
def _wer_table(efficiency, start):
    """Interpolant of ln WER over (ln Delta, I / I_c0, ln(pulse / tau_D)), from the Fokker-Planck solver.

    In units of ``kB T`` and ``tau_D`` the 1D Fokker-Planck equation of an axially
    symmetric macrospin holds only ``Delta``, ``J / J_c0`` of the initial state
    and the shape of ``eta(x)`` (:mod:`sttlab.fokker_planck` notes), so one
    reference junction at several temperatures (``Delta = E_b / kB T``) spans it.
    """
    model, P, Lambda = efficiency
    free = Magnet(Ms=1e6, geometry=Cylinder(20e-9, 1e-9), alpha=0.01, Ku=1e6, demag=(0.0, 0.0, 0.0))
    reference = Junction(free=free, P=P, efficiency=model, Lambda=Lambda)
    table = np.empty((_TABLE_DELTA.size, _TABLE_CURRENT.size, _TABLE_TIME.size))
    for k, Delta in enumerate(_TABLE_DELTA):
        wer = fokker_planck.write_error_rate(reference, free.barrier / (kB * Delta), _TABLE_TIME * free.relaxation_time,
                                             _TABLE_CURRENT * reference.Jc0(start), start=start, n_cells=_TABLE_CELLS)
        table[k] = np.log(np.clip(wer, 1e-300, 1.0))
    axes = (np.log(_TABLE_DELTA), _TABLE_CURRENT, np.log(_TABLE_TIME))
    fine = [np.linspace(a[0], a[-1], n) for a, n in zip(axes, _TABLE_FINE)]
    for k in range(3):
        table = PchipInterpolator(axes[k], table, axis=k)(fine[k])
    return RegularGridInterpolator(fine, table)


def _table_wer(stack, start, Delta, current_ratio, time_ratio):
    """Write-error rate from :func:`_wer_table`; NaN where an input is NaN.

    Points off the table go to its edge, which bounds the rate: from above for
    ``I / I_c0 > 8``, ``pulse / tau_D > 1000`` and ``Delta < 20``, from below for
    ``Delta > 540`` and ``pulse / tau_D < 0.2`` (:func:`design_space`'s use).
    """
    if efficiency_coefficients(stack.efficiency, stack.P, stack.Lambda)[2] == 0.0:
        key, start = ("constant", 1.0, 1.0), "AP"  # constant eta: mirror-image wells share one table
    else:
        key = (stack.efficiency, stack.P, stack.Lambda)
    nodes = (_TABLE_DELTA, _TABLE_CURRENT, _TABLE_TIME)
    x = [np.clip(v, n[0], n[-1]) for v, n in zip(np.broadcast_arrays(Delta, current_ratio, time_ratio), nodes)]
    good = np.isfinite(x[0]) & np.isfinite(x[1]) & np.isfinite(x[2])
    out = np.full(good.shape, np.nan)
    if good.any():
        points = np.stack([np.log(x[0][good]), x[1][good], np.log(x[2][good])], axis=-1)
        out[good] = np.exp(np.minimum(_wer_table(key, start)(points), 0.0))
    return out
