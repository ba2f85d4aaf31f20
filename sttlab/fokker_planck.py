"""Switching probability and write-error rate of a macrospin from the 1D Fokker-Planck equation.

**One coordinate.** For an axially symmetric macrospin (equal transverse
stiffness about the easy axis ``u``), a polarizer ``p = +-u`` and a field ``H``
along ``p``, the Landau-Lifshitz form of :mod:`sttlab.llg` with
``H_tot = (H_k,eff x + H + H_FL) p + H_DL m x p`` (plus terms along ``m``)
projects onto ``x = m.p`` exactly: ``p.(m x p) = 0``, ``p.(m x (m x p)) = x^2 - 1``, so

.. math::

    \\dot x = g\\,(1 - x^2)\\left[\\alpha\\,(H_{k,\\rm eff}\\, x + H)
              + (1 + \\alpha\\xi)\\, a_J\\,\\eta(x)\\, J\\right],
    \\qquad g = \\frac{\\gamma\\mu_0}{1+\\alpha^2}

(:func:`drift`), with ``a_J = hbar / (2 e mu0 Ms t)``, ``eta`` the efficiency
model and ``xi`` the field-like ratio, which only adds ``alpha xi`` to the
damping-like drive. The azimuth and both precession terms drop out.

**Fokker-Planck equation.** Brown's thermal field adds diffusion on the sphere
(Brown, Phys. Rev. 130, 1677 (1963), doi:10.1103/PhysRev.130.1677; Butler et
al., IEEE Trans. Magn. 48, 4684 (2012), doi:10.1109/TMAG.2012.2209122). The
density ``rho(x, t)`` (``dx`` is the uniform measure on the sphere) obeys

.. math::

    \\partial_t\\rho = -\\partial_x\\left[v\\,\\rho - D(1-x^2)\\,\\partial_x\\rho\\right],
    \\qquad D = \\frac{g\\,\\alpha\\, k_B T}{\\mu_0 M_s V},

with no flux through the poles. In 1D every drift is a gradient,
``v = -D (1 - x^2) Phi'(x)``, with the effective energy in units of ``kB T``

.. math::

    \\Phi(x) = -\\frac{\\mu_0 M_s V}{k_B T}\\left[\\frac{H_{k,\\rm eff}\\, x^2}{2} + H x
               + \\frac{(1+\\alpha\\xi)\\, a_J J}{\\alpha}\\int_0^x\\eta\\right]

(:func:`effective_potential`; closed form since ``eta = A / (B + C x)``). At
``J = 0`` it is ``E / kB T`` and the stationary density is Boltzmann's; the
current tilts it (constant ``eta``: the AP barrier is ``Delta (1 - J/J_c0)^2``).

**Numerics** (methods and sources in ``sttlab._fokker_planck_numerics``).
Finite volumes with Scharfetter-Gummel exponential fitting turn the equation
into a birth-death chain that conserves probability and has the Boltzmann
weights as its exact equilibrium. The relaxation rates come from bisection,
to high relative accuracy for any ``Delta``; the density is propagated by
uniformization and squaring, sums of non-negative terms only, so a
write-error rate of ``1e-12`` keeps its relative precision.

The default mesh has ``48 sqrt(max |Phi'|)`` cells (about 700 at
``Delta = 40`` and ``1.5 J_c0``); doubling it changes a write-error rate of
``1e-12`` by less than 1 %.

Examples
--------
>>> from sttlab import preset
>>> from sttlab import fokker_planck as fp
>>> cell = preset("cofeb_mgo_20nm")  # Delta = 10 at 300 K
>>> f"{fp.escape_rate(cell, 300.0):.3e}"  # 1/s: 11 % below Brown's f0 exp(-Delta)
'2.337e+04'
>>> wer = fp.write_error_rate(cell, 300.0, [5e-9, 20e-9], 2 * cell.Jc0())
>>> [f"{w:.1e}" for w in wer]
['2.7e-01', '1.2e-05']
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import integrate, optimize

from . import _validate as check
from ._fokker_planck_numerics import _cells, _chain, _initial, _Propagator, _spectrum, _wells
from .constants import gamma, kB, mu0
from .efficiency import _eta, efficiency_coefficients
from .params import Junction

#: Initial states, in this order the ``x < 0`` well (``m`` against ``p``), the ``x > 0`` well, or Boltzmann over both.
STARTS = ("AP", "P", "equilibrium")


@dataclass(frozen=True)
class _Model:
    """The 1D model in SI units: ``v(x)``, ``Phi(x)``, ``Phi'(x)`` and ``D``."""

    g: float  # gamma mu0 / (1 + alpha^2), m/(A s)
    alpha: float
    Hk: float  # H_k,eff, A/m
    H: float  # field along p, A/m
    stt: float  # (1 + alpha xi) a_J J, A/m per unit eta
    eta: tuple  # (A, B, C) of eta = A / (B + C x)
    beta: float  # mu0 Ms V / (kB T), m/A (NaN without a temperature)

    def velocity(self, x):
        return self.g * (1.0 - x * x) * (self.alpha * (self.Hk * x + self.H) + self.stt * _eta(x, *self.eta))

    def phi(self, x):
        A, B, C = self.eta
        integral = A * x / B if C == 0.0 else (A / C) * np.log1p(C * x / B)
        return -self.beta * (0.5 * self.Hk * x * x + self.H * x + self.stt / self.alpha * integral)

    def slope(self, x):
        return -self.beta * (self.Hk * x + self.H + self.stt / self.alpha * _eta(x, *self.eta))

    @property
    def D(self):
        return self.g * self.alpha / self.beta


def _model(system, T=None, current_density=0.0, field=0.0):
    """Validate an axially symmetric system and its drives (``T = None``: the drift alone)."""
    free = check.free_layer("system", system)
    J = check.real("current_density", current_density)
    H = check.real("field", field)
    h1, h2 = free.transverse_stiffness()  # refuses an easy axis off x, y and z
    if abs(h1 - h2) > 1e-9 * max(abs(h1), abs(h2)):
        raise ValueError(f"the Fokker-Planck model needs an axially symmetric magnet; its transverse stiffnesses "
                         f"{h1!r} and {h2!r} A/m differ (demag={free.demag})")
    if isinstance(system, Junction):
        if abs(abs(float(np.dot(system.polarizer, free.easy_axis))) - 1.0) > 1e-12:
            raise ValueError(f"polarizer must lie along the easy axis for the Fokker-Planck model; "
                             f"polarizer={system.polarizer}, easy_axis={free.easy_axis}")
        stt = (1.0 + free.alpha * system.field_like) * system.stt_field_per_current() * J
        eta = efficiency_coefficients(system.efficiency, system.P, system.Lambda)
    elif J != 0.0:
        raise ValueError("current_density must be 0 for a Magnet: spin-transfer torque needs a Junction")
    else:
        stt, eta = 0.0, (1.0, 1.0, 0.0)
    beta = math.nan
    if T is not None:
        T = check.positive("T", T, "K")
        if free.alpha <= 0.0:
            raise ValueError(f"alpha must be > 0 for thermal diffusion (no damping, no fluctuations), "
                             f"got {free.alpha!r}")
        beta = mu0 * free.Ms * free.volume / (kB * T)
    return _Model(gamma * mu0 / (1.0 + free.alpha**2), free.alpha, free.Hk_eff, H, stt, eta, beta)


def _unit_interval(name, x):
    x = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(x)) or np.any(np.abs(x) > 1.0):
        raise ValueError(f"{name} must lie in [-1, 1], got {x!r}")
    return x


def drift(system, x, *, current_density=0.0, field=0.0):
    """Deterministic ``dx/dt`` of ``x = m.p`` for an axially symmetric macrospin, in 1/s.

    ``g (1 - x^2) [alpha (H_k,eff x + H) + (1 + alpha xi) a_J eta(x) J]``: the
    projection on ``p`` of the right-hand side of :mod:`sttlab.llg` (module
    notes). For a :class:`~sttlab.params.Magnet`, ``p`` is its easy axis.

    Parameters
    ----------
    system : Junction or Magnet
        Equal transverse stiffness about the easy axis; the polarizer along it.
    x : float or array_like
        ``m.p`` in [-1, 1].
    current_density : float, optional
        In A/m^2 (> 0 favours ``x -> 1``, the parallel state).
    field : float, optional
        Applied field along ``p`` in A/m (> 0 favours the parallel state).

    Returns
    -------
    float or ndarray
        ``dx/dt`` in 1/s, the shape of ``x``.

    Examples
    --------
    With no current the magnetization falls back towards AP (``x = -1``), at
    ``g (1 - x^2) alpha H_k,eff x``; at twice the critical current it is pushed
    towards P:

    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_40nm")
    >>> g = gamma * mu0 / (1 + cell.free.alpha**2)
    >>> closed_form = g * (1 - 0.5**2) * cell.free.alpha * cell.free.Hk_eff * -0.5
    >>> bool(abs(drift(cell, -0.5) / closed_form - 1) < 1e-12), drift(cell, -0.5, current_density=2 * cell.Jc0()) > 0
    (True, True)
    """
    v = _model(system, None, current_density, field).velocity(_unit_interval("x", x))
    return float(v) if v.ndim == 0 else v


def effective_potential(system, T, x, *, current_density=0.0, field=0.0):
    """The effective energy ``Phi(x)`` of the module notes, in units of ``kB T``, zero at ``x = 0``.

    ``v = -D (1 - x^2) Phi'``: at ``J = 0`` it is the magnetic energy over
    ``kB T``; a current tilts it. Parameters as in :func:`drift`, with the
    temperature ``T`` in K (> 0).

    Examples
    --------
    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_40nm")
    >>> round(effective_potential(cell, 300.0, -1.0), 1)  # -Delta
    -40.0
    >>> phi = effective_potential(cell, 300.0, [-1.0, -0.5], current_density=0.5 * cell.Jc0())
    >>> round(float(phi[1] - phi[0]) / cell.free.Delta(300.0), 12)  # barrier Delta (1 - 1/2)^2
    0.25
    """
    phi = _model(system, T, current_density, field).phi(_unit_interval("x", x))
    return float(phi) if phi.ndim == 0 else phi


def relaxation_rates(system, T, *, current_density=0.0, field=0.0, count=1, n_cells=None):
    """The slowest relaxation rates ``lambda_1 <= lambda_2 <= ...`` of the Fokker-Planck equation, in 1/s.

    The non-zero eigenvalues of the discretized operator at a constant current
    and field (module notes). With a high barrier between two wells,
    ``lambda_1 = Gamma_AP->P + Gamma_P->AP`` (two-state kinetics): for a
    symmetric double well ``lambda_1 = 2 Gamma``, ``Gamma`` the escape rate of
    one well (:func:`escape_rate`). Brown's ``f0 exp(-Delta)``
    (:func:`sttlab.thermal.neel_brown_rate`) is the high-barrier asymptote of
    ``Gamma``. Without field and current, Laplace's method on the
    first-passage integral (:func:`mean_first_passage_time`; Coffey &
    Kalmykov, *The Langevin Equation*, 3rd ed., World Scientific 2012) continues it as
    ``lambda_1 = 2 f0 exp(-Delta) / S^2``, ``S = 1 + 1/(2 Delta) + 3/(2 Delta)^2
    + 15/(2 Delta)^3 + ...`` (terms ``(2k - 1)!! / (2 Delta)^k``): about 11 % below
    Brown at ``Delta = 10`` (``PHYSICS.md`` case 7). Above the critical current
    ``lambda_1`` is the rate at which the last probability leaves the unstable pole.

    Parameters
    ----------
    system : Junction or Magnet
        Axially symmetric, polarizer along the easy axis, ``alpha > 0``.
    T : float
        Temperature in K (> 0).
    current_density, field : float, optional
        As in :func:`drift`.
    count : int, optional
        How many rates (>= 1).
    n_cells : int or None, optional
        Mesh size (even, >= 20); default from the landscape (module notes).

    Returns
    -------
    ndarray, shape (count,)

    Examples
    --------
    >>> from sttlab import preset
    >>> from sttlab.thermal import neel_brown_rate
    >>> cell = preset("cofeb_mgo_20nm")
    >>> round(float(relaxation_rates(cell, 300.0)[0]) / (2 * neel_brown_rate(cell, 300.0)), 3)
    0.89
    """
    model = _model(system, T, current_density, field)
    return _spectrum(_chain(model, _cells([model], n_cells)), check.count("count", count))


def escape_rate(system, T, *, start="AP", current_density=0.0, field=0.0, n_cells=None):
    """Thermally activated escape rate out of one well, in 1/s.

    Two-state kinetics: ``Gamma_A->B = lambda_1 p_B`` with ``p_B`` the
    equilibrium probability of the other well (``x`` of the other sign) at
    this current and field; ``lambda_1 / 2`` for a symmetric double well.
    Valid for a barrier high enough that ``lambda_1 << lambda_2``
    (:func:`relaxation_rates`); ``1 / Gamma`` is then the mean time to get well
    into the other well (:func:`mean_first_passage_time`).

    Parameters
    ----------
    system : Junction or Magnet
    T : float
        Temperature in K (> 0).
    start : {"AP", "P"}, optional
        The well left behind: ``x = m.p < 0`` (AP) or ``> 0`` (P).
    current_density, field, n_cells : optional
        As in :func:`relaxation_rates`.

    Returns
    -------
    float
        ``Gamma`` in 1/s.

    Raises
    ------
    ValueError
        If that state is unstable at this current and field (no well to escape from).

    Examples
    --------
    A sub-critical current lowers the AP barrier of the 20 nm preset (``Delta =
    10``) to ``Delta (1 - J/J_c0)^2 = 4.9`` at 0.3 ``J_c0``; escape speeds up a hundredfold:

    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_20nm")
    >>> [f"{escape_rate(cell, 300.0, current_density=J):.2e}" for J in (0.0, 0.3 * cell.Jc0())]  # 1/s
    ['2.34e+04', '2.21e+06']
    """
    check.choice("start", start, STARTS[:2])
    model = _model(system, T, current_density, field)
    pole = -1.0 if start == "AP" else 1.0
    if pole * model.slope(pole) >= 0.0:
        raise ValueError(f"the {start} state is unstable at current_density={current_density!r} A/m^2 and "
                         f"field={field!r} A/m: there is no well to escape from")
    chain = _chain(model, _cells([model], n_cells))
    mass = np.exp(chain.log_mass - chain.log_mass.max())
    return float(_spectrum(chain, 1)[0] * mass[_wells(chain, start)[1]].sum() / mass.sum())


def mean_first_passage_time(system, T, x_start, x_end, *, current_density=0.0, field=0.0):
    """Mean time for ``x = m.p`` to first reach ``x_end`` from ``x_start``, in s, by quadrature.

    The classic 1D result (Gardiner, *Stochastic Methods*, 4th ed., Springer
    2009; Coffey & Kalmykov 2012) for the equation of the module notes, with
    the pole behind ``x_start`` reflecting; for ``x_end > x_start``

    .. math::

        \\tau = \\int_{x_{\\rm start}}^{x_{\\rm end}}\\frac{e^{\\Phi(y)}\\,dy}{D(1-y^2)}
                \\int_{-1}^{y} e^{-\\Phi(z)}\\,dz,

    and its mirror image for ``x_end < x_start``. Nested adaptive quadrature
    (``scipy.integrate.quad``, relative tolerance 1e-10, split at the extrema
    of ``Phi``), independent of the discretized operator. A pole is a point
    on the sphere and is never reached, so ``x_end`` lies strictly inside.

    Parameters
    ----------
    system : Junction or Magnet
    T : float
        Temperature in K (> 0).
    x_start : float
        In [-1, 1] (-1 is the bottom of the AP well at zero field and current).
    x_end : float
        In (-1, 1).
    current_density, field : float, optional
        As in :func:`drift`.

    Examples
    --------
    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_20nm")
    >>> tau = mean_first_passage_time(cell, 300.0, -1.0, 0.9)  # well into the P well
    >>> round(tau * escape_rate(cell, 300.0), 3)
    1.001
    """
    model = _model(system, T, current_density, field)
    x0 = check.in_range("x_start", x_start, -1.0, 1.0)
    x1 = check.in_range("x_end", x_end, -1.0, 1.0, low_open=True, high_open=True)
    if x0 == x1:
        return 0.0
    sign = 1.0 if x1 > x0 else -1.0  # mirror the problem so that x grows from a reflecting pole at -1
    grid = np.linspace(-1.0, 1.0, 4001)
    phi = model.phi(sign * grid)
    if np.max(phi - np.minimum.accumulate(phi)) > 700.0:
        raise ValueError("the mean first-passage time overflows: the barrier exceeds 700 kB T")
    slope = model.slope(sign * grid)
    extrema = [optimize.brentq(lambda y: model.slope(sign * y), grid[i], grid[i + 1])
               for i in np.flatnonzero(slope[:-1] * slope[1:] < 0.0)]

    def quad(f, a, b):
        inside = [p for p in extrema if a < p < b]
        return integrate.quad(f, a, b, points=inside or None, epsabs=0.0, epsrel=1e-10, limit=400)[0]

    def outer(y):
        top = float(model.phi(sign * y))
        inner = quad(lambda z: math.exp(top - float(model.phi(sign * z))), -1.0, y)
        return inner / (model.D * (1.0 - y * y))

    return quad(outer, sign * x0, sign * x1)


def _times(name, values):
    array = np.asarray(values, dtype=float)
    if array.ndim > 1 or array.size == 0 or not np.all(np.isfinite(array)) or np.any(array < 0.0):
        raise ValueError(f"{name} must be a finite number >= 0 or a 1D array of them, got {values!r}")
    return array


@dataclass(frozen=True, eq=False)
class DensityEvolution:
    """The result of :func:`density_evolution`.

    Attributes
    ----------
    times : ndarray, shape (n_times,)
        In s.
    edges : ndarray, shape (n_cells + 1,)
        Cell faces in ``x = m.p``, from -1 to 1.
    x, widths : ndarray, shape (n_cells,)
        Cell centres and widths.
    probability : ndarray, shape (n_times, n_cells)
        Probability in each cell; each row sums to 1.

    Examples
    --------
    >>> from sttlab import preset
    >>> evolution = density_evolution(preset("cofeb_mgo_20nm"), 300.0, 0.0, start="equilibrium", n_cells=200)
    >>> evolution.x.size, float(evolution.probability[0, evolution.x < 0].sum())  # half in each well
    (200, 0.5)
    >>> bool(np.allclose((evolution.density * evolution.widths).sum(axis=1), 1.0))
    True
    """

    times: np.ndarray
    edges: np.ndarray
    x: np.ndarray
    widths: np.ndarray
    probability: np.ndarray

    @property
    def density(self):
        """Probability per unit ``x`` (uniform measure on the sphere), shape (n_times, n_cells)."""
        return self.probability / self.widths


def density_evolution(system, T, times, *, start="AP", current_density=0.0, field=0.0, n_cells=None):
    """The distribution of ``x = m.p`` at the given times under a constant current switched on at ``t = 0``.

    Parameters
    ----------
    system : Junction or Magnet
    T : float
        Temperature in K (> 0).
    times : float or array_like
        In s (>= 0).
    start : {"AP", "P", "equilibrium"}, optional
        The zero-current Boltzmann distribution restricted to the well
        ``x < 0`` (AP) or ``x > 0`` (P), or over both.
    current_density, field, n_cells : optional
        As in :func:`relaxation_rates`.

    Returns
    -------
    DensityEvolution

    Examples
    --------
    The probability past the barrier top after 10 ns at twice the critical
    current is the switching probability of a 10 ns pulse (with no settling):

    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_40nm")
    >>> evolution = density_evolution(cell, 300.0, [0.0, 10e-9], current_density=2 * cell.Jc0())
    >>> switched = evolution.probability[:, evolution.x > 0].sum(axis=1)
    >>> [round(float(p), 4) for p in switched]
    [0.0, 0.9546]
    >>> bool(abs(switched[1] - switching_probability(cell, 300.0, 10e-9, 2 * cell.Jc0())) < 1e-12)
    True
    """
    check.choice("start", start, STARTS)
    times = np.atleast_1d(_times("times", times))
    model, model0 = _model(system, T, current_density, field), _model(system, T, 0.0, field)
    n = _cells([model, model0], n_cells)
    chain = _chain(model, n)
    q0 = _initial(_chain(model0, n), start)
    Q = _Propagator(chain).apply(np.repeat(q0[:, None], times.size, axis=1), times)
    return DensityEvolution(times, chain.edges, chain.centres, chain.widths, Q.T)


def _pulses(system, T, widths, current_densities, start, field, settle, n_cells):
    """Probability in the initial well and in the other one after each pulse, shape (2, *currents, *widths)."""
    check.choice("start", start, STARTS[:2])
    widths = _times("widths", widths)
    currents = np.asarray(current_densities, dtype=float)
    if currents.ndim > 1 or currents.size == 0 or not np.all(np.isfinite(currents)):
        raise ValueError(f"current_densities must be a finite number or 1D array of them, got {current_densities!r}")
    settle = check.non_negative("settle", settle, "s")
    w = np.atleast_1d(widths)
    out = np.empty((2, currents.size, w.size))
    relax = {}  # the zero-current chain and its propagator, per mesh size
    for a, J in enumerate(np.atleast_1d(currents)):
        model, model0 = _model(system, T, float(J), field), _model(system, T, 0.0, field)
        n = _cells([model, model0], n_cells)
        if n not in relax:
            chain0 = _chain(model0, n)
            relax[n] = chain0, _Propagator(chain0)
        chain0, propagator0 = relax[n]
        Q = _Propagator(_chain(model, n)).apply(np.repeat(_initial(chain0, start)[:, None], w.size, axis=1), w)
        if settle > 0.0:
            Q = propagator0.apply(Q, np.full(w.size, settle))
        stay, leave = _wells(chain0, start)
        out[0, a], out[1, a] = Q[stay].sum(axis=0), Q[leave].sum(axis=0)
    return out.reshape((2,) + currents.shape + widths.shape)


def switching_probability(system, T, widths, current_densities, *, start="AP", field=0.0, settle=0.0,
                          n_cells=None):
    """Probability that a rectangular current pulse switches the macrospin (Fokker-Planck).

    The magnetization starts in the zero-current Boltzmann distribution of the
    ``start`` well (at the applied field), feels the current for ``width``,
    then relaxes with the current off for ``settle``; it has switched if
    ``x = m.p`` is past the barrier top ``x = 0`` at the end. Without settling,
    probability near the barrier top counts on the side where it is when the
    pulse ends; :func:`sttlab.thermal.switching_probability` settles for
    ``5 tau_D`` by default (:attr:`~sttlab.params.Magnet.relaxation_time`).

    Parameters
    ----------
    system : Junction or Magnet
        Axially symmetric, polarizer along the easy axis, ``alpha > 0``.
    T : float
        Temperature in K (> 0).
    widths : float or array_like, shape (n_widths,)
        Pulse widths in s (>= 0); one propagator per current serves them all.
    current_densities : float or array_like, shape (n_currents,)
        Pulse amplitudes in A/m^2 (> 0 drives AP -> P).
    start : {"AP", "P"}, optional
        Initial well relative to the polarizer.
    field : float, optional
        Static field along ``p`` in A/m, on throughout.
    settle : float, optional
        Relaxation time after the pulse in s (>= 0).
    n_cells : int or None, optional
        Mesh size (even, >= 20); default from the landscape (module notes).

    Returns
    -------
    float or ndarray, shape (n_currents, n_widths)
        A scalar argument drops its axis; two scalars give a float.

    Examples
    --------
    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_40nm")
    >>> round(switching_probability(cell, 300.0, 10e-9, 2 * cell.Jc0()), 4)
    0.9546
    """
    probability = _pulses(system, T, widths, current_densities, start, field, settle, n_cells)[1]
    return float(probability) if probability.ndim == 0 else probability


def write_error_rate(system, T, widths, current_densities, *, start="AP", field=0.0, settle=0.0, n_cells=None):
    """Write-error rate ``1 - P_sw``: the probability still in the initial well after the pulse.

    Summed directly, not taken as a difference, so rates of ``1e-12`` and
    below keep their relative precision. With the current on, the steady
    state itself leaves about ``exp(-[Phi(0) - Phi_min])`` of the probability
    behind the barrier top (thermal back-hopping): a floor under the rate that
    matters when the destination well is shallow (small ``Delta``, or an
    efficiency that is weak near ``P``). Parameters and returns as in
    :func:`switching_probability`.

    Examples
    --------
    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_40nm")
    >>> f"{write_error_rate(cell, 300.0, 50e-9, 2 * cell.Jc0()):.2e}"
    '1.79e-13'
    """
    error = _pulses(system, T, widths, current_densities, start, field, settle, n_cells)[0]
    return float(error) if error.ndim == 0 else error
