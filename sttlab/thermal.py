"""Thermal fluctuations: the stochastic LLG equation for macrospin ensembles, and Neel-Brown statistics.

Brown's thermal field (Brown, Phys. Rev. 130, 1677 (1963),
doi:10.1103/PhysRev.130.1677) is a white Gaussian field added to ``H_eff``;
for the Gilbert-form LLG each component has, over a time step ``dt``, the
standard deviation (``PHYSICS.md``)

.. math::

    \\sigma_H = \\sqrt{\\frac{2\\alpha k_B T}{\\gamma\\mu_0^2 M_s V\\,\\Delta t}},

fixed by the fluctuation-dissipation theorem so that the ensemble relaxes to
the Boltzmann distribution ``exp(-E(m) / kB T)``. The noise multiplies
``m``, so the equation is a Stratonovich stochastic differential equation
(Garcia-Palacios & Lazaro, Phys. Rev. B 58, 14937 (1998),
doi:10.1103/PhysRevB.58.14937); it is integrated by Heun's
predictor-corrector with the same field sample in both stages, which
converges to the Stratonovich solution, and ``|m|`` is renormalized after
each step. The deterministic part is the solver's own right-hand side
(:mod:`sttlab.llg`), so every drive and spin-torque option of
:func:`sttlab.simulate` is available.

Ensembles run in parallel (one numba ``prange`` over members). Every member
has its own random stream seeded from ``seed`` and its index
(:mod:`sttlab._random`), so results do not depend on the number of threads.

Examples
--------
Ten thousand macrospins at room temperature, starting in the AP state, under
a 10 ns current pulse at twice the critical current:

>>> from sttlab import Pulse, preset
>>> from sttlab.thermal import boltzmann_states, simulate_ensemble
>>> cell = preset("cofeb_mgo_40nm")
>>> m0 = boltzmann_states(cell, 300.0, 10_000, around=(0, 0, -1), seed=1)
>>> run = simulate_ensemble(cell, m0, 12e-9, T=300.0, seed=2,
...                         current_density=Pulse(2 * cell.Jc0(), width=10e-9))
>>> 0.9 < run.switching_probability <= 1.0
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numba import prange

from . import _validate as check
from ._numba import jit
from ._random import _normal, _seed_states
from .constants import gamma, kB, mu0
from .llg import _U, Pulse, _as_tuple, _field, _landau_lifshitz, _normalize, field_scale, pack
from .params import Junction

#: Largest precession phase per Heun step, ``gamma mu0 |H| dt`` (rad), accepted; and the default.
MAX_PHASE_STEP, DEFAULT_PHASE_STEP = 0.5, 0.05
# member-steps per kernel call: about 0.1-0.3 s, so a run can be interrupted and show progress
_CHUNK_WORK = 10_000_000




# --------------------------------------------------------------------------- analytics


def thermal_field_sigma(system, T, dt):
    """Standard deviation of each component of Brown's thermal field, in A/m.

    ``sigma_H = sqrt(2 alpha kB T / (gamma mu0^2 Ms V dt))`` (Brown 1963;
    ``PHYSICS.md``), for a field held constant through a step ``dt``.

    Parameters
    ----------
    system : Magnet or Junction
    T : float
        Temperature in K (>= 0).
    dt : float
        Time step in s (> 0).

    Examples
    --------
    >>> from sttlab import preset
    >>> round(thermal_field_sigma(preset("cofeb_mgo_40nm"), 300.0, 1e-12))  # A/m, ~16 mT
    12876
    """
    free = check.free_layer("system", system)
    T = check.non_negative("T", T, "K")
    dt = check.positive("dt", dt, "s")
    return math.sqrt(2.0 * free.alpha * kB * T / (gamma * mu0**2 * free.Ms * free.volume * dt))


def attempt_frequency(system, T):
    """Brown's high-barrier attempt frequency of a uniaxial, axially symmetric macrospin, in Hz.

    .. math::

        f_0 = \\frac{\\alpha\\gamma\\mu_0 H_{k,\\rm eff}}{1+\\alpha^2}\\sqrt{\\frac{\\Delta}{\\pi}}
            = \\frac{1}{\\tau_D}\\sqrt{\\frac{\\Delta}{\\pi}}

    (Brown, Phys. Rev. 130, 1677 (1963), eq. 4.38; ``PHYSICS.md``), with
    ``tau_D`` the :attr:`~sttlab.params.Magnet.relaxation_time` and
    ``Delta = E_b / kB T``. It grows with the barrier: the steeper the well,
    the faster a fluctuation is returned and retried. The asymptote is good
    to about 10 % at ``Delta = 10`` and a few % beyond 20 (``PHYSICS.md``
    case 7; :mod:`sttlab.fokker_planck` gives the exact rate).

    Parameters
    ----------
    system : Magnet or Junction
        With ``alpha > 0`` and a stable easy axis.
    T : float
        Temperature in K (> 0).

    Returns
    -------
    float
        ``f0`` in Hz.

    Examples
    --------
    >>> from sttlab import preset
    >>> round(attempt_frequency(preset("cofeb_mgo_40nm"), 300.0) / 1e9, 2)  # GHz, Delta = 40
    1.16
    """
    free = check.free_layer("system", system)
    return math.sqrt(free.Delta(T) / math.pi) / free.relaxation_time


def neel_brown_rate(system, T):
    """Neel-Brown escape rate from one well, ``Gamma = f0 exp(-Delta)``, in 1/s.

    Neel, Ann. Geophys. 5, 99 (1949); Brown, Phys. Rev. 130, 1677 (1963);
    ``f0`` from :func:`attempt_frequency`. The mean time before the
    magnetization leaves its well is ``1 / Gamma`` (:func:`retention_time`).

    Parameters
    ----------
    system : Magnet or Junction
    T : float
        Temperature in K (> 0).

    Examples
    --------
    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_40nm")
    >>> round(cell.free.Delta(300.0), 1)
    40.0
    >>> f"{neel_brown_rate(cell, 300.0):.2e}"  # 1/s
    '4.90e-09'
    >>> round(retention_time(cell, 300.0) / (365.25 * 86400), 1)  # years: Delta = 40 is not 10 years
    6.5
    """
    free = check.free_layer("system", system)
    return attempt_frequency(free, T) * math.exp(-free.Delta(T))


def retention_time(system, T):
    """Mean time before a bit leaves its well at temperature ``T``, ``1 / Gamma``, in s.

    See :func:`neel_brown_rate`. For ``N`` independent bits the first
    failure comes ``N`` times sooner on average.

    Parameters
    ----------
    system : Magnet or Junction
    T : float
        Temperature in K (> 0).

    Examples
    --------
    At 20 nm the CoFeB/MgO preset has ``Delta = 10`` and forgets its bit within microseconds:

    >>> from sttlab import preset
    >>> round(retention_time(preset("cofeb_mgo_20nm"), 300.0) * 1e6)  # us
    38
    """
    return 1.0 / neel_brown_rate(system, T)


def current_reduced_barrier(Delta, current_ratio, exponent=2.0):
    """The barrier lowered by a sub-critical current, ``Delta (1 - I / I_c0)^n``.

    For a perpendicular, axially symmetric macrospin with the polarizer along
    the easy axis and a constant efficiency, the polar-angle drift
    ``dx/dt ∝ (1 - x^2)(alpha H_k x + H_DL)`` (``x = m.u``) is the gradient of
    an effective energy ``-(alpha H_k x^2 / 2 + H_DL x)``, whose barrier from
    the well being destabilized is exactly ``Delta (1 - i)^2`` with
    ``i = I / I_c0``: the exponent ``n = 2`` (Butler et al., IEEE Trans. Magn.
    48, 4684 (2012), doi:10.1109/TMAG.2012.2209122; Taniguchi & Imamura,
    Phys. Rev. B 83, 054432 (2011), doi:10.1103/PhysRevB.83.054432).
    The older ``n = 1`` (Koch, Katine & Sun, Phys. Rev. Lett. 92, 088302
    (2004), doi:10.1103/PhysRevLett.92.088302; Li & Zhang, Phys. Rev. B 69,
    134416 (2004), doi:10.1103/PhysRevB.69.134416) treats the torque as a
    raised effective temperature and fits in-plane junctions, whose easy-plane
    anisotropy breaks the axial symmetry. Fitted to perpendicular data taken
    at currents around ``i0``, the linear law extrapolates to
    ``Delta (1 - i0^2)``: it underestimates ``Delta``.

    Parameters
    ----------
    Delta : float
        Zero-current thermal stability factor (> 0).
    current_ratio : float or array_like
        ``I / I_c0`` in [0, 1] (the barrier is gone at 1).
    exponent : float, optional
        ``n`` (> 0). Default 2.

    Examples
    --------
    >>> float(current_reduced_barrier(40.0, 0.5)), float(current_reduced_barrier(40.0, 0.5, exponent=1))
    (10.0, 20.0)
    """
    Delta = check.positive("Delta", Delta)
    exponent = check.positive("exponent", exponent)
    ratio = np.asarray(current_ratio, dtype=float)
    if not np.all((ratio >= 0.0) & (ratio <= 1.0)):
        raise ValueError(f"current_ratio must lie in [0, 1], got {current_ratio!r}")
    return Delta * (1.0 - ratio) ** exponent


def boltzmann_states(system, T, n, *, around, seed=0):
    """``n`` directions drawn from the Boltzmann distribution of one well of a uniaxial magnet.

    In zero field the energy of an axially symmetric magnet is
    ``E = E_b (1 - x^2)`` with ``x = m.u`` measured from the well's axis
    ``around = +-u``; on the sphere ``dx`` is the uniform measure, so
    ``x`` has density ``∝ exp(-Delta (1 - x^2))`` on (0, 1] (``PHYSICS.md``
    case 6) and the azimuth is uniform. Samples are exact: with ``y = 1 - x``
    the density is ``∝ exp(-2 Delta y + Delta y^2) <= exp(-Delta y)``, so
    ``y`` is drawn from the truncated exponential of rate ``Delta`` and kept
    with probability ``exp(-Delta y (1 - y))`` (von Neumann rejection).

    Parameters
    ----------
    system : Magnet or Junction
        Its free layer must have equal transverse stiffness about the easy axis.
    T : float
        Temperature in K (> 0).
    n : int
        Number of directions (>= 1).
    around : array_like, shape (3,)
        The well: ``+u`` or ``-u``.
    seed : int, optional
        Seed of :class:`numpy.random.Generator`.

    Returns
    -------
    ndarray, shape (n, 3)
        Unit vectors.

    Examples
    --------
    In the AP well of the 40 nm preset (``Delta = 40``) the mean of ``m_z`` is
    ``-(1 - 1/(2 Delta))`` to first order (-0.98717 exactly, from the density):

    >>> from sttlab import preset
    >>> m = boltzmann_states(preset("cofeb_mgo_40nm"), 300.0, 10_000, around=(0, 0, -1), seed=1)
    >>> m.shape, bool(abs(m[:, 2].mean() + 0.98717) < 1e-3)  # 1e-3: eight standard errors
    ((10000, 3), True)
    """
    free = check.free_layer("system", system)
    Delta = free.Delta(T)
    n = check.count("n", n)
    axis = check.direction("around", around)
    u = np.asarray(free.easy_axis)
    if abs(abs(float(axis @ u)) - 1.0) > 1e-12:
        raise ValueError(f"around must be +- the easy axis {free.easy_axis}, got {around!r}")
    h1, h2 = free.transverse_stiffness()
    if abs(h1 - h2) > 1e-9 * max(abs(h1), abs(h2)):
        raise ValueError(f"boltzmann_states needs an axially symmetric magnet; transverse stiffness {h1!r}, {h2!r} A/m")
    rng = np.random.default_rng(seed)
    y = np.empty(0)
    while y.size < n:
        trial = -np.log1p(-rng.random(2 * n) * -np.expm1(-Delta)) / Delta  # truncated Exp(Delta) on [0, 1)
        keep = rng.random(trial.size) < np.exp(-Delta * trial * (1.0 - trial))
        y = np.concatenate([y, trial[keep]])
    x = 1.0 - y[:n]
    phi = rng.uniform(0.0, 2.0 * math.pi, n)
    e1 = np.cross(axis, [1.0, 0.0, 0.0] if abs(axis[0]) < 0.9 else [0.0, 1.0, 0.0])
    e1 /= np.linalg.norm(e1)
    e2 = np.cross(axis, e1)
    rho = np.sqrt(np.maximum(0.0, 1.0 - x * x))
    return x[:, None] * axis + (rho * np.cos(phi))[:, None] * e1 + (rho * np.sin(phi))[:, None] * e2


# --------------------------------------------------------------------------- the ensemble kernel


@jit
def _heun_member(i, m, states, sign, t_switch, step0, n_steps, dt, sigma, par, threshold, stop, record, save_every):
    """Advance member ``i`` by ``n_steps`` Heun steps from global step ``step0``; True once it is frozen.

    ``m`` (n, 3), ``states`` (n, 4) and ``t_switch`` (n,) are updated in
    place; ``sign[i]`` is the member's initial well (+-1 along the easy axis).
    It records its first passage to ``sign m.u < -threshold`` in
    ``t_switch[i]`` (if still NaN; interpolated linearly between the two
    steps that bracket it) and, with ``stop``, is frozen there. The
    first ``record.shape[1]`` members store ``m`` after every
    ``save_every``-th step (global count) in ``record``.
    """
    if stop and not math.isnan(t_switch[i]):
        return True
    ux, uy, uz = par[_U], par[_U + 1], par[_U + 2]
    half = 0.5 * dt
    keep = i < record.shape[1]
    mx, my, mz = m[i, 0], m[i, 1], m[i, 2]
    s = (states[i, 0], states[i, 1], states[i, 2], states[i, 3])
    up = sign[i] > 0.0
    waiting = math.isnan(t_switch[i])
    frozen = False
    before = mx * ux + my * uy + mz * uz
    for k in range(n_steps):
        step = step0 + k
        t = step * dt
        nx = ny = nz = 0.0
        if sigma != 0.0:
            nx, s = _normal(s)
            ny, s = _normal(s)
            nz, s = _normal(s)
            nx *= sigma
            ny *= sigma
            nz *= sigma
        hx, hy, hz = _field(mx, my, mz, t, par)
        ax, ay, az = _landau_lifshitz(mx, my, mz, hx + nx, hy + ny, hz + nz, par)
        px, py, pz = mx + dt * ax, my + dt * ay, mz + dt * az
        hx, hy, hz = _field(px, py, pz, t + dt, par)
        bx, by, bz = _landau_lifshitz(px, py, pz, hx + nx, hy + ny, hz + nz, par)
        mx, my, mz = _normalize(mx + half * (ax + bx), my + half * (ay + by), mz + half * (az + bz))
        if waiting:
            proj = mx * ux + my * uy + mz * uz
            if (proj < -threshold) if up else (proj > threshold):
                limit = -threshold if up else threshold
                t_switch[i] = t + dt * (limit - before) / (proj - before)  # linear between the steps
                waiting = False
                if stop:
                    frozen = True
                    break
            before = proj
        if keep and (step + 1) % save_every == 0:
            row = (step + 1) // save_every - 1
            record[row, i, 0], record[row, i, 1], record[row, i, 2] = mx, my, mz
    m[i, 0], m[i, 1], m[i, 2] = mx, my, mz
    states[i, 0], states[i, 1], states[i, 2], states[i, 3] = s
    return frozen


@jit(parallel=True)
def _heun_ensemble(m, states, sign, t_switch, step0, n_steps, dt, sigma, par_array, threshold, stop,
                   record, save_every):
    """Every member through :func:`_heun_member`, in parallel; returns the number frozen."""
    par = _as_tuple(par_array)
    frozen = 0
    for i in prange(m.shape[0]):
        frozen += _heun_member(i, m, states, sign, t_switch, step0, n_steps, dt, sigma, par, threshold, stop,
                               record, save_every)
    return frozen


# --------------------------------------------------------------------------- ensembles


@dataclass(frozen=True, eq=False)
class Ensemble:
    """The result of :func:`simulate_ensemble`.

    Attributes
    ----------
    m0, m : ndarray, shape (n, 3)
        Initial and final magnetizations (a member stopped at its switch keeps
        the direction it had then).
    switching_times : ndarray, shape (n,)
        First time each member reached ``s m.u < -threshold`` (``s`` its
        initial well), in s; NaN if it never did.
    duration, dt, T, threshold : float
        Simulated time, Heun step (s), temperature (K) and escape threshold.
    seed : int
        Master seed.
    t, trajectories : ndarray or None
        With ``record > 0``: times (n_saved,) and directions (n_saved, record, 3)
        of the first ``record`` members, starting with ``t = 0``.
    system : Magnet or Junction

    Examples
    --------
    A 3 ns pulse at 1.5 ``I_c0`` switches about one bit in ten of the 20 nm
    preset (``Delta = 10``); the exact Fokker-Planck value lies inside the
    ensemble's 95 % interval:

    >>> from sttlab import Pulse, fokker_planck, preset
    >>> cell = preset("cofeb_mgo_20nm")
    >>> m0 = boltzmann_states(cell, 300.0, 2000, around=(0, 0, -1), seed=1)
    >>> settle = 5 * cell.free.relaxation_time
    >>> run = simulate_ensemble(cell, m0, 3e-9 + settle, T=300.0, seed=2,
    ...                         current_density=Pulse(1.5 * cell.Jc0(), width=3e-9))
    >>> low, high = run.confidence_interval()
    >>> exact = fokker_planck.switching_probability(cell, 300.0, 3e-9, 1.5 * cell.Jc0(), settle=settle)
    >>> run.size, bool(low <= exact <= high)
    (2000, True)
    """

    m0: np.ndarray
    m: np.ndarray
    switching_times: np.ndarray
    duration: float
    dt: float
    T: float
    threshold: float
    seed: int
    t: np.ndarray | None
    trajectories: np.ndarray | None
    system: object

    @property
    def size(self):
        """Number of members."""
        return self.m.shape[0]

    @property
    def _signs(self):
        return np.where(self.m0 @ np.asarray(check.free_layer("system", self.system).easy_axis) >= 0.0, 1.0, -1.0)

    @property
    def switched(self):
        """Whether each member ends in the other well (``s m.u < 0`` at the end), shape (n,)."""
        return self._signs * (self.m @ np.asarray(check.free_layer("system", self.system).easy_axis)) < 0.0

    @property
    def switching_probability(self):
        """Fraction of members that end in the other well."""
        return float(np.mean(self.switched))

    def confidence_interval(self, level=0.95):
        """Wilson score interval of :attr:`switching_probability` (``scipy.stats.binomtest``)."""
        from scipy import stats  # here, not at the top: scipy.stats alone would double `import sttlab`

        level = check.in_range("level", level, 0.0, 1.0, low_open=True, high_open=True)
        ci = stats.binomtest(int(np.sum(self.switched)), self.size).proportion_ci(level, method="wilson")
        return float(ci.low), float(ci.high)

    def switched_fraction(self, t):
        """Fraction of members whose first passage came at or before each time ``t`` (s)."""
        times = np.sort(np.where(np.isnan(self.switching_times), np.inf, self.switching_times))
        return np.searchsorted(times, np.asarray(t, dtype=float), side="right") / self.size

    def mean_switching_time(self):
        """Mean first-passage time and its standard error, in s.

        Raises
        ------
        ValueError
            If some member never switched: the mean would be biased low
            (censored data). Run longer (with ``stop_on_switch=True`` it is cheap).
        """
        times = self.switching_times
        missing = int(np.isnan(times).sum())
        if missing:
            raise ValueError(f"{missing} of {times.size} members never switched within {self.duration!r} s; "
                             "their times are censored, so lengthen the run")
        return float(times.mean()), float(times.std(ddof=1) / math.sqrt(times.size)) if times.size > 1 else math.inf


def simulate_ensemble(system, m0, duration, *, T, n=None, seed=0, dt=None, current_density=0.0,
                      field=(0.0, 0.0, 0.0), field_pulse=None, threshold=0.5, stop_on_switch=False,
                      record=0, save_every=1, progress=False):
    """Integrate the stochastic LLG equation for an ensemble of independent macrospins.

    Heun (Stratonovich) steps of :mod:`sttlab.llg`'s right-hand side plus
    Brown's thermal field (see the module docstring), from ``t = 0`` to
    ``duration``, in parallel over members.

    Parameters
    ----------
    system : Junction or Magnet
    m0 : array_like, shape (3,) or (n, 3)
        Initial directions (normalized here); one direction is used for all ``n``
        members. :func:`boltzmann_states` gives a thermal start.
    duration : float
        Simulated time in s (> 0).
    T : float
        Temperature in K (>= 0; 0 is the deterministic Heun solver).
    n : int or None, optional
        Ensemble size; required with a single ``m0`` direction, else ``len(m0)``.
    seed : int, optional
        Master seed (>= 0). The same seed gives the same ensemble on any number of threads.
    dt : float or None, optional
        Heun step in s; default a precession phase of 0.05 rad at the largest
        field (``sttlab.llg.field_scale``); at most 0.5 rad is accepted. The
        step used is ``duration / ceil(duration / dt)``.
    current_density, field, field_pulse : optional
        Drives as in :func:`sttlab.simulate`.
    threshold : float, optional
        A member has switched (escaped) once ``s m.u < -threshold``, ``s`` its
        initial well; in [0, 1). Default 0.5: well into the other well
        (``PHYSICS.md``: the barrier top is crossed back half the time).
    stop_on_switch : bool, optional
        Freeze members at their switch (for escape-time statistics).
    record : int, optional
        Keep the trajectories of the first ``record`` members (>= 0).
    save_every : int, optional
        With ``record``: keep every ``save_every``-th step.
    progress : bool, optional
        Show a progress bar (``tqdm``; in notebooks the widget bar).

    Returns
    -------
    Ensemble

    Notes
    -----
    The run is done in chunks of about ten million member-steps, so an
    interrupt (Ctrl-C, or the notebook's stop button) takes effect within a
    fraction of a second.

    Examples
    --------
    Switching times at twice the critical current from a thermal start (20 nm
    preset, room temperature), each member frozen once it has switched:

    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_20nm")
    >>> m0 = boltzmann_states(cell, 300.0, 2000, around=(0, 0, -1), seed=1)
    >>> run = simulate_ensemble(cell, m0, 40e-9, T=300.0, seed=3, current_density=2 * cell.Jc0(),
    ...                         stop_on_switch=True)
    >>> mean, error = run.mean_switching_time()
    >>> round(mean * 1e9, 1), bool(error < 0.01 * mean)  # ns
    (5.0, True)
    >>> [round(float(f), 2) for f in run.switched_fraction([2e-9, 5e-9, 10e-9])]
    [0.01, 0.57, 0.99]
    """
    par = pack(system, field=field, field_pulse=field_pulse, current_density=current_density)
    free = check.free_layer("system", system)
    duration = check.positive("duration", duration, "s")
    T = check.non_negative("T", T, "K")
    m = np.asarray(m0, dtype=float)
    if m.ndim == 1:
        m = check.direction("m0", m)
        if n is None:
            raise ValueError("n (the ensemble size) is required when m0 is a single direction")
        m = np.tile(m, (check.count("n", n), 1))
    elif m.ndim == 2 and m.shape[1] == 3 and m.shape[0] >= 1:
        norms = np.linalg.norm(m, axis=1)
        if not np.all(np.isfinite(norms) & (norms > 0.0)):
            raise ValueError("m0 must hold finite, non-zero directions")
        if n is not None and check.count("n", n) != m.shape[0]:
            raise ValueError(f"n = {n!r} does not match the {m.shape[0]} directions in m0")
        m = m / norms[:, None]
    else:
        raise ValueError(f"m0 must have shape (3,) or (n, 3), got {m.shape}")
    size = m.shape[0]
    seed = check.seed("seed", seed)
    omega = gamma * mu0 * field_scale(par)
    if dt is None:
        dt = DEFAULT_PHASE_STEP / omega
    dt = check.positive("dt", dt, "s")
    if omega * dt > MAX_PHASE_STEP:
        raise ValueError(f"dt = {dt!r} s is too long for the fastest precession of this system "
                         f"({omega / (2 * math.pi):.3g} Hz); use dt <= {MAX_PHASE_STEP / omega:.3g} s")
    n_steps = max(1, math.ceil(duration / dt - 1e-9))
    dt = duration / n_steps
    threshold = check.in_range("threshold", threshold, 0.0, 1.0, high_open=True)
    record = check.count("record", record, minimum=0)
    if record > size:
        raise ValueError(f"record = {record} exceeds the ensemble size {size}")
    save_every = check.count("save_every", save_every)
    if record and stop_on_switch:
        raise ValueError("record and stop_on_switch cannot be combined: stopped members have no trajectory")
    n_saved = n_steps // save_every if record else 0
    if n_saved * record * 3 > 50_000_000:
        raise ValueError(f"record = {record} members every {save_every} steps would keep "
                         f"{n_saved * record} directions; raise save_every or lower record")

    sigma = 0.0 if T == 0.0 else thermal_field_sigma(free, T, dt)
    sign = np.where(m @ np.asarray(free.easy_axis) >= 0.0, 1.0, -1.0)
    states = _seed_states(np.uint64(seed), 0, size)
    t_switch = np.full(size, np.nan)
    store = np.empty((n_saved, record, 3))
    m_start = m.copy()
    chunk = max(1, _CHUNK_WORK // size)
    bar = _progress_bar(n_steps, progress)
    try:
        step = 0
        while step < n_steps:
            todo = min(chunk, n_steps - step)
            frozen = _heun_ensemble(m, states, sign, t_switch, step, todo, dt, sigma, par, threshold,
                                    bool(stop_on_switch), store, save_every)
            step += todo
            if bar is not None:
                bar.update(todo)
            if stop_on_switch and frozen == size:
                break
    finally:
        if bar is not None:
            bar.close()
    t, trajectories = None, None
    if record:
        t = np.arange(n_saved + 1) * (save_every * dt)
        trajectories = np.concatenate([m_start[None, :record], store])
    return Ensemble(m_start, m, t_switch, duration, dt, T, threshold, seed, t, trajectories, system)


def _progress_bar(total, progress):
    if not progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="step", desc="stochastic LLG")






@dataclass(frozen=True, eq=False)
class SwitchingProbability:
    """The result of :func:`switching_probability`: one ensemble per (current, width).

    Attributes
    ----------
    current_densities : ndarray, shape (n_currents,)
        Pulse amplitudes in A/m^2.
    widths : ndarray, shape (n_widths,)
        Pulse widths in s.
    probability, low, high : ndarray, shape (n_currents, n_widths)
        Switched fraction and its Wilson confidence interval at ``level``.
    n : int
        Members per point.
    level : float
        Confidence level of ``low``/``high``.

    Examples
    --------
    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_20nm")
    >>> result = switching_probability(cell, 300.0, [2e-9, 4e-9], 3 * cell.Jc0(), n=100)
    >>> result.probability.shape, result.n, result.level  # (currents, widths)
    ((1, 2), 100, 0.95)
    """

    current_densities: np.ndarray
    widths: np.ndarray
    probability: np.ndarray
    low: np.ndarray
    high: np.ndarray
    n: int
    level: float


def switching_probability(junction, T, widths, current_densities, *, n=1000, seed=0, start="AP", settle=None,
                          dt=None, level=0.95, progress=False):
    """Switching probability of a thermal ensemble vs pulse width and current density.

    For every pulse, ``n`` members start from the Boltzmann distribution of
    the ``start`` well (:func:`boltzmann_states`), feel a rectangular current
    pulse of that width and amplitude, then relax for ``settle`` with the
    current off; a member has switched if it ends in the other well.

    Parameters
    ----------
    junction : Junction
        Polarizer along the easy axis of an axially symmetric free layer.
    T : float
        Temperature in K (> 0).
    widths : array_like
        Pulse widths in s (> 0).
    current_densities : array_like
        Pulse amplitudes in A/m^2 (finite; > 0 drives AP -> P).
    n : int, optional
        Members per point.
    seed : int, optional
        Master seed; each point gets its own stream from
        :class:`numpy.random.SeedSequence`, so a point does not change when
        others are added.
    start : {"AP", "P"}, optional
        Initial state relative to the polarizer.
    settle : float or None, optional
        Relaxation after the pulse in s; default ``5 tau_D``
        (:attr:`~sttlab.params.Magnet.relaxation_time`), so members left near
        the barrier top have fallen into a well.
    dt : float or None, optional
        Heun step (see :func:`simulate_ensemble`).
    level : float, optional
        Confidence level of the Wilson intervals.
    progress : bool, optional
        A progress bar over the points.

    Returns
    -------
    SwitchingProbability

    Examples
    --------
    Against the exact Fokker-Planck probabilities of the same pulses:

    >>> from sttlab import fokker_planck, preset
    >>> cell = preset("cofeb_mgo_20nm")
    >>> J = cell.Jc0() * np.array([1.0, 2.0])
    >>> ensembles = switching_probability(cell, 300.0, [3e-9], J, n=500, seed=0)
    >>> exact = fokker_planck.switching_probability(cell, 300.0, [3e-9], J, settle=5 * cell.free.relaxation_time)
    >>> bool(np.all((ensembles.low <= exact) & (exact <= ensembles.high)))
    True
    """
    if not isinstance(junction, Junction):
        raise TypeError(f"junction must be a Junction, got {junction!r}")
    p = np.asarray(junction.polarizer)
    if abs(abs(float(p @ np.asarray(junction.free.easy_axis))) - 1.0) > 1e-12:
        raise ValueError(f"polarizer must lie along the easy axis; polarizer={junction.polarizer}, "
                         f"easy_axis={junction.free.easy_axis}")
    widths = check.values("widths", widths, positive=True)
    currents = check.values("current_densities", current_densities)
    check.choice("start", start, ("AP", "P"))
    n = check.count("n", n)
    settle = 5.0 * junction.free.relaxation_time if settle is None else check.non_negative("settle", settle, "s")
    level = check.in_range("level", level, 0.0, 1.0, low_open=True, high_open=True)
    around = -p if start == "AP" else p
    seeds = np.random.SeedSequence(check.seed("seed", seed)).generate_state(2 * currents.size * widths.size, np.uint64)
    shape = (currents.size, widths.size)
    prob, low, high = np.empty(shape), np.empty(shape), np.empty(shape)
    bar = _progress_bar(prob.size, progress)
    try:
        for (a, J), (b, width) in ((x, y) for x in enumerate(currents) for y in enumerate(widths)):
            k = 2 * (a * widths.size + b)
            m0 = boltzmann_states(junction, T, n, around=around, seed=int(seeds[k]))
            run = simulate_ensemble(junction, m0, width + settle, T=T, seed=int(seeds[k + 1]), dt=dt,
                                    current_density=Pulse(float(J), width=float(width)))
            prob[a, b] = run.switching_probability
            low[a, b], high[a, b] = run.confidence_interval(level)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    return SwitchingProbability(currents, widths, prob, low, high, n, level)

