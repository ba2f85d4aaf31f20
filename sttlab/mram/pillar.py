"""The pillar: how a stack's figures scale with its diameter and thickness.

The exact demagnetizing factors of a cylinder (:func:`cylinder_demag`) turn a
:class:`~sttlab.mram.materials.Stack` and a size into a perpendicular free
layer (:func:`free_layer`) and a junction (:func:`junction`) of
:mod:`sttlab.params`, hence the barrier ``Delta(d, t, T)``, the critical
currents ``I_c0``, the efficiency ``Delta / I_c0`` and the escape rate of real
pillars (:func:`scaling`). The exchange length and the wall width
(:func:`exchange_length`, :func:`domain_wall_width`) say where reversal stops
being a macrospin; :func:`pma_thickness` and :func:`thickness_window` bound
the free layer's thickness.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special

from .. import _validate as check
from .. import thermal
from ..constants import kB, mu0
from ..params import Cylinder, Junction, Magnet
from ._numerics import _first_crossing, _positive_array
from .materials import Stack, _stack


# --------------------------------------------------------------------------- shape


def cylinder_demag(diameter, thickness):
    """Magnetometric demagnetizing factors ``(N_x, N_y, N_z)`` of a uniformly magnetized cylinder.

    A cylinder magnetized along its axis has the field of a solenoid with the
    same surface current, so ``1 - N_z`` is Nagaoka's coefficient of the
    solenoid's inductance (Chen, Brug & Goldfarb, IEEE Trans. Magn. 27, 3601
    (1991), who computed the magnetometric factors exactly from inductance
    formulas). With ``tau = t / d`` and the elliptic parameter ``m = 1 / (1 + tau^2)``,

    .. math::

        N_z = 1 - \\frac{4}{3\\pi\\sqrt{1-m}}\\left[\\frac{1-m}{m}K(m)
              - \\frac{1-2m}{m}E(m) - \\sqrt{m}\\right],
        \\qquad N_x = N_y = \\frac{1 - N_z}{2},

    the closed form of ``(1 / tau) int_0^inf J_1(x)^2 (1 - exp(-2 tau x)) dx / x^2``.
    Thin film: ``1 - N_z = (2 tau / pi)(ln(4 / tau) - 1/2) + O(tau^3 ln tau)``
    (used below ``tau = 1e-4``, where the bracket cancels); long rod:
    ``N_z -> 4 / (3 pi tau)``; ``N_z = 1/3``, as for a sphere, at ``tau = 0.906``.

    Parameters
    ----------
    diameter, thickness : float or array_like
        In m (> 0), broadcast together.

    Returns
    -------
    tuple of ndarray

    Examples
    --------
    A thin disk is nearly a film; at ``t / d = 0.906`` a cylinder has a sphere's factors:

    >>> [round(float(N), 3) for N in cylinder_demag(40e-9, 1.3e-9)]
    [0.045, 0.045, 0.911]
    >>> [round(float(N), 3) for N in cylinder_demag(40e-9, 0.906 * 40e-9)]
    [0.333, 0.333, 0.333]
    """
    d = _positive_array("diameter", diameter, "m")
    tau = _positive_array("thickness", thickness, "m") / d
    m1 = tau * tau / (1.0 + tau * tau)  # 1 - m, exact also as tau -> 0
    m = 1.0 / (1.0 + tau * tau)
    bracket = m1 / m * special.ellipkm1(m1) - (1.0 - 2.0 * m) / m * special.ellipe(m) - np.sqrt(m)
    with np.errstate(divide="ignore", invalid="ignore"):
        exact = 4.0 / (3.0 * math.pi * np.sqrt(m1)) * bracket
    nagaoka = np.where(tau < 1e-4, 2.0 * tau / math.pi * (np.log(4.0 / tau) - 0.5), exact)
    return 0.5 * nagaoka, 0.5 * nagaoka, 1.0 - nagaoka


def free_layer(diameter, thickness, stack=None):
    """The free layer as a perpendicular :class:`~sttlab.params.Magnet` with its cylinder's demag factors.

    Examples
    --------
    >>> free = free_layer(40e-9, 1.3e-9)
    >>> [round(N, 3) for N in free.demag], round(free.Delta(300.0), 1)
    ([0.045, 0.045, 0.911], 40.0)
    """
    s = _stack(stack)
    Nx, _, Nz = (float(N) for N in cylinder_demag(diameter, thickness))
    return Magnet(Ms=s.Ms, geometry=Cylinder(diameter=diameter, thickness=thickness), alpha=s.alpha, Ku=s.Ku,
                  Ki=s.Ki, demag=(Nx, Nx, 1.0 - 2.0 * Nx))


def junction(diameter, thickness, stack=None):
    """The pillar as a :class:`~sttlab.params.Junction`: :func:`free_layer` under a polarizer along ``z``.

    Examples
    --------
    >>> round(junction(40e-9, 1.3e-9).Ic0() * 1e6, 1)  # uA
    20.1
    """
    s = _stack(stack)
    return Junction(free=free_layer(diameter, thickness, s), P=s.P, efficiency=s.efficiency, Lambda=s.Lambda)


# --------------------------------------------------------------------------- where a pillar stops being a macrospin


def exchange_length(Ms, A):
    """Exchange length ``sqrt(2 A / (mu0 Ms^2))`` in m.

    The convention of Abo et al., IEEE Trans. Magn. 49, 4937 (2013), the
    length over which exchange and magnetostatic energies balance; Coey,
    *Magnetism and Magnetic Materials* (2010), ch. 7, writes it without the
    factor 2 (a length shorter by ``sqrt 2``).

    Below a few exchange lengths exchange beats magnetostatics and a magnet
    stays uniform; about 5 nm in CoFeB.

    Parameters
    ----------
    Ms : float or array_like
        In A/m (> 0).
    A : float or array_like
        Exchange stiffness in J/m (> 0).

    Examples
    --------
    >>> round(float(exchange_length(1.1e6, 2e-11)) * 1e9, 2)  # nm, CoFeB
    5.13
    """
    return np.sqrt(2.0 * _positive_array("A", A, "J/m") / (mu0 * _positive_array("Ms", Ms, "A/m") ** 2))


def domain_wall_width(A, K_eff):
    """Bloch-wall width ``pi sqrt(A / K_eff)`` in m (Coey 2010, ch. 7).

    The wall costs ``4 sqrt(A K_eff)`` per unit area. A perpendicular disc can
    reverse by sweeping such a wall across itself, with the wall on a diameter
    at the saddle (``E = 4 sqrt(A K_eff) t d``), instead of turning as a whole
    (``E = K_eff t pi d^2 / 4``); the wall wins once ``d > 16 sqrt(A / K_eff) / pi``,
    i.e. ``16 / pi^2`` wall widths (:attr:`Scaling.macrospin`). String-method
    barriers show this crossover from coherent to wall-mediated reversal
    (Chaves-O'Flynn et al., arXiv:1208.5233 (2012)).

    Parameters
    ----------
    A : float or array_like
        Exchange stiffness in J/m (> 0).
    K_eff : float or array_like
        Effective anisotropy in J/m^3 (> 0).

    Examples
    --------
    >>> round(float(domain_wall_width(2e-11, 1.0e5)) * 1e9, 1)  # nm
    44.4
    """
    return math.pi * np.sqrt(_positive_array("A", A, "J/m") / _positive_array("K_eff", K_eff, "J/m^3"))


# --------------------------------------------------------------------------- scaling


@dataclass(frozen=True, eq=False)
class Scaling:
    """Figures of pillars from :func:`scaling`, arrays of the broadcast shape.

    Where ``K_eff <= 0`` (no perpendicular anisotropy) every field after
    ``K_eff`` is NaN.

    Attributes
    ----------
    diameter, thickness : ndarray
        In m.
    T : float
        In K.
    Nz : ndarray
        Axial demagnetizing factor.
    K_eff : ndarray
        Barrier per volume in J/m^3 (:attr:`~sttlab.params.Magnet.K_eff`).
    Delta : ndarray
        Coherent (macrospin) barrier ``K_eff V / kB T``.
    Delta_wall : ndarray
        Barrier of reversal through a wall, ``4 sqrt(A K_eff) t d / kB T`` (:func:`domain_wall_width`).
    Ic0_AP, Ic0_P : ndarray
        Critical currents from AP and from P in A, magnitudes (:meth:`~sttlab.params.Junction.Ic0`).
    relaxation_time : ndarray
        ``tau_D`` in s.
    attempt_frequency : ndarray
        Brown's ``f0`` in Hz (:func:`~sttlab.thermal.attempt_frequency`).
    rate : ndarray
        Escape rate of one bit in 1/s: :func:`~sttlab.thermal.neel_brown_rate`,
        or ``f0 exp(-Delta_wall)`` where the wall is the lower saddle.
    stack : materials.Stack

    Examples
    --------
    At 40 nm the pillar reverses as a macrospin; at 150 nm a domain wall is the cheaper path:

    >>> figures = scaling([40e-9, 150e-9], 1.3e-9, T=300.0)
    >>> figures.Delta.round(1).tolist(), figures.Delta_wall.round(1).tolist(), figures.macrospin.tolist()
    ([40.0, 194.7], [71.5, 157.8], [True, False])
    >>> figures.barrier.round(1).tolist()
    [40.0, 157.8]
    """

    diameter: np.ndarray
    thickness: np.ndarray
    T: float
    Nz: np.ndarray
    K_eff: np.ndarray
    Delta: np.ndarray
    Delta_wall: np.ndarray
    Ic0_AP: np.ndarray
    Ic0_P: np.ndarray
    relaxation_time: np.ndarray
    attempt_frequency: np.ndarray
    rate: np.ndarray
    stack: Stack

    @property
    def macrospin(self):
        """Whether the coherent barrier is the lower one (``d < 16 sqrt(A / K_eff) / pi``)."""
        return self.Delta <= self.Delta_wall

    @property
    def barrier(self):
        """The thermal stability factor that sets retention, ``min(Delta, Delta_wall)``."""
        return np.minimum(self.Delta, self.Delta_wall)

    @property
    def efficiency(self):
        """``Delta / I_c0`` (from AP) in 1/A, both macrospin figures."""
        return self.Delta / self.Ic0_AP


def scaling(diameter, thickness, *, T, stack=None):
    """Barrier, critical currents and escape rate of pillars of any diameter and thickness.

    Each point is a :func:`junction`, so ``Delta``, ``I_c0`` and ``tau_D`` come
    from :mod:`sttlab.params` and the rate from :mod:`sttlab.thermal`. For a
    perpendicular, axially symmetric layer with constant efficiency
    ``I_c0 = (4 e / hbar)(alpha / eta) kB T Delta`` (Sun, Phys. Rev. B 62, 570
    (2000)): the write current follows the barrier, whatever the shape.

    Parameters
    ----------
    diameter, thickness : float or array_like
        In m (> 0), broadcast together.
    T : float
        Temperature in K (> 0).
    stack : materials.Stack, optional

    Returns
    -------
    Scaling

    Examples
    --------
    The barrier and the critical current grow together, so their ratio does not depend on the size:

    >>> figures = scaling([20e-9, 40e-9, 80e-9], 1.3e-9, T=300.0)
    >>> figures.Delta.round(1).tolist(), (figures.Ic0_AP * 1e6).round(1).tolist()  # uA
    ([16.8, 40.0, 92.6], [8.5, 20.1, 46.6])
    >>> (figures.efficiency * 1e-6).round(3).tolist()  # per uA
    [1.986, 1.986, 1.986]
    """
    s = _stack(stack)
    T = check.positive("T", T, "K")
    d, t = np.broadcast_arrays(_positive_array("diameter", diameter, "m"), _positive_array("thickness", thickness, "m"))
    out = {name: np.full(d.shape, np.nan) for name in ("K_eff", "Delta", "Ic0_AP", "Ic0_P", "tau", "f0", "rate")}
    for index in np.ndindex(d.shape):
        cell = junction(d[index], t[index], s)
        free = cell.free
        out["K_eff"][index] = free.K_eff
        if free.K_eff > 0.0:
            out["Delta"][index] = free.Delta(T)
            out["Ic0_AP"][index], out["Ic0_P"][index] = cell.Ic0("AP"), -cell.Ic0("P")
            out["tau"][index] = free.relaxation_time
            out["f0"][index] = thermal.attempt_frequency(free, T)
            out["rate"][index] = thermal.neel_brown_rate(free, T)
    wall = 4.0 * np.sqrt(s.A * np.where(out["K_eff"] > 0.0, out["K_eff"], np.nan)) * t * d / (kB * T)
    with np.errstate(invalid="ignore"):  # the same attempt frequency over the wall's saddle where it is lower
        rate = np.where(wall < out["Delta"], out["f0"] * np.exp(-wall), out["rate"])
    return Scaling(d, t, T, cylinder_demag(d, t)[2], out["K_eff"], out["Delta"], wall, out["Ic0_AP"],
                   out["Ic0_P"], out["tau"], out["f0"], rate, s)


# --------------------------------------------------------------------------- the thickness window


def pma_thickness(diameter, stack=None):
    """The thickness in m above which a pillar loses perpendicular anisotropy (``K_eff = 0``).

    ``K_i / t + K_u = (mu0 Ms^2 / 2)(N_z - N_x)``: the interface term falls as
    ``1 / t``, the shape term of a thin disc stays near ``mu0 Ms^2 / 2``. A
    narrow pillar's shape itself favours the axis; searched up to ``t = d``,
    beyond which ``inf`` is returned.

    Parameters
    ----------
    diameter : float
        In m (> 0).
    stack : materials.Stack, optional

    Examples
    --------
    >>> round(pma_thickness(40e-9) * 1e9, 3)  # nm
    1.532
    """
    s = _stack(stack)
    d = check.positive("diameter", diameter, "m")
    return _first_crossing(lambda t: free_layer(d, t, s).K_eff, 1e-3 * d, d)


@dataclass(frozen=True)
class ThicknessWindow:
    """Free-layer thicknesses in m (:func:`thickness_window`); empty if ``low >= high``.

    ``high`` (``Delta = Delta_min``) always lies below ``t_pma``
    (:func:`pma_thickness`), where the barrier vanishes.

    Examples
    --------
    >>> window = thickness_window(40e-9, T=358.15, Delta_min=30.0, Delta_max=60.0)
    >>> round(window.low * 1e9, 3), round(window.high * 1e9, 3), round(window.t_pma * 1e9, 3)  # nm
    (1.123, 1.324, 1.532)
    """

    low: float
    high: float
    t_pma: float


def thickness_window(diameter, *, T, Delta_min, Delta_max=None, stack=None):
    """The free-layer thicknesses with ``Delta_min <= Delta <= Delta_max``.

    With interface anisotropy alone the barrier ``(K_i - (mu0 Ms^2 / 2)(N_z -
    N_x) t) pi d^2 / 4`` falls as the layer thickens, so retention caps the
    thickness from above; since ``I_c0 ∝ Delta`` (:func:`scaling`) the write
    circuit caps the barrier, hence the thinness, from below (``Delta_max``).

    Parameters
    ----------
    diameter : float
        In m (> 0).
    T : float
        Temperature in K (> 0).
    Delta_min : float
        Smallest barrier (> 0).
    Delta_max : float or None, optional
        Largest barrier (> Delta_min); None: no lower edge (``low = 0``).
    stack : materials.Stack, optional

    Returns
    -------
    ThicknessWindow

    Examples
    --------
    A 40 nm pillar at 85 C with ``30 <= Delta <= 60``:

    >>> window = thickness_window(40e-9, T=358.15, Delta_min=30.0, Delta_max=60.0)
    >>> round(window.low * 1e9, 2), round(window.high * 1e9, 2)  # nm
    (1.12, 1.32)
    """
    s = _stack(stack)
    d = check.positive("diameter", diameter, "m")
    T = check.positive("T", T, "K")
    Delta_min = check.positive("Delta_min", Delta_min)
    if Delta_max is not None and check.positive("Delta_max", Delta_max) <= Delta_min:
        raise ValueError(f"Delta_max must exceed Delta_min = {Delta_min!r}, got {Delta_max!r}")
    t_pma = pma_thickness(d, s)
    thinnest, top = 1e-3 * d, min(t_pma, d)

    def excess(t, Delta):
        return float(scaling(d, t, T=T, stack=s).Delta) - Delta if t < t_pma else -Delta

    high = _first_crossing(lambda t: excess(t, Delta_min), thinnest, top)
    low = 0.0 if Delta_max is None else _first_crossing(lambda t: excess(t, Delta_max), thinnest, top)
    return ThicknessWindow(0.0 if low == thinnest else low, 0.0 if high == thinnest else high, t_pma)
