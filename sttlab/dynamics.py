"""Deterministic macrospin dynamics: :func:`simulate` and its :class:`Trajectory`.

Two integrators of the Landau-Lifshitz form of :mod:`sttlab.llg`, both
numba kernels that renormalize ``|m| = 1`` after every step:

``"rk4"``
    Classical fixed-step fourth-order Runge-Kutta.
``"rk45"``
    Dormand-Prince 5(4) with local error control and the fifth-order
    solution propagated (Dormand & Prince, J. Comput. Appl. Math. 6, 19
    (1980); Hairer, Norsett & Wanner, *Solving Ordinary Differential
    Equations I*, 2nd ed., Springer 1993, sec. II.4-5). The step never
    crosses a corner of a pulse envelope, so short pulses are not skipped.

Examples
--------
The ``PHYSICS.md`` case-5 junction switched at 1.5 ``J_c0``:

>>> import numpy as np
>>> from sttlab import Cylinder, Junction, Magnet, simulate
>>> from sttlab.constants import mu0
>>> Ms, Hk = 1.1e6, 0.2 / mu0
>>> free = Magnet(Ms=Ms, geometry=Cylinder(50e-9, 1.3e-9), alpha=0.01, Ku=0.5 * mu0 * Ms * (Hk + Ms))
>>> junction = Junction(free, P=0.5)
>>> m0 = (np.sin(np.radians(2)), 0.0, -np.cos(np.radians(2)))
>>> run = simulate(junction, m0, 30e-9, current_density=1.5 * junction.Jc0())
>>> round(run.switching_time() * 1e9, 2)
18.92
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import _validate as check
from ._numba import jit
from .constants import gamma, mu0
from .llg import Pulse, _as_tuple, _normalize, _rhs, _rhs_array, energy, field_scale, pack
from .params import Junction

# Dormand-Prince 5(4) Butcher tableau (Hairer, Norsett & Wanner, Table II.5.2).
_DP_C = np.array([0.0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1.0, 1.0])
_DP_A = np.array(
    [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [1 / 5, 0.0, 0.0, 0.0, 0.0, 0.0],
        [3 / 40, 9 / 40, 0.0, 0.0, 0.0, 0.0],
        [44 / 45, -56 / 15, 32 / 9, 0.0, 0.0, 0.0],
        [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729, 0.0, 0.0],
        [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656, 0.0],
        [35 / 384, 0.0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
    ]
)
# Fifth-order weights minus the embedded fourth-order ones: the local error estimate.
_DP_E = np.array(
    [71 / 57600, 0.0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40]
)
_SAFETY, _MIN_FACTOR, _MAX_FACTOR = 0.9, 0.2, 10.0
# Guards: the largest RK4 phase step gamma mu0 |H| dt (12 steps per fastest period; RK4 is
# unstable past 2.8), the most precession periods one run may span, and the most saved points.
_MAX_PHASE_STEP = 0.5
_MAX_PERIODS = 1e8
_MAX_SAVED = 50_000_000

METHODS = ("rk45", "rk4")


@jit
def _rk4(m0, dt, n_steps, save_every, par_array, ts, ms):
    """Fixed-step RK4 from t = 0; saves every ``save_every`` steps and the last one."""
    par = _as_tuple(par_array)
    mx, my, mz = m0[0], m0[1], m0[2]
    ts[0] = 0.0
    ms[0, 0], ms[0, 1], ms[0, 2] = mx, my, mz
    saved = 1
    half, sixth = 0.5 * dt, dt / 6.0
    countdown = save_every
    for n in range(n_steps):
        t = n * dt
        ax, ay, az = _rhs(mx, my, mz, t, par)
        bx, by, bz = _rhs(mx + half * ax, my + half * ay, mz + half * az, t + half, par)
        cx, cy, cz = _rhs(mx + half * bx, my + half * by, mz + half * bz, t + half, par)
        # the first three stages are summed while the fourth is computed
        sx = mx + sixth * (ax + 2.0 * (bx + cx))
        sy = my + sixth * (ay + 2.0 * (by + cy))
        sz = mz + sixth * (az + 2.0 * (bz + cz))
        dx, dy, dz = _rhs(mx + dt * cx, my + dt * cy, mz + dt * cz, t + dt, par)
        mx = sx + sixth * dx
        my = sy + sixth * dy
        mz = sz + sixth * dz
        mx, my, mz = _normalize(mx, my, mz)
        countdown -= 1
        if countdown == 0 or n + 1 == n_steps:
            countdown = save_every
            ts[saved] = (n + 1) * dt
            ms[saved, 0], ms[saved, 1], ms[saved, 2] = mx, my, mz
            saved += 1
    return saved


@jit
def _dopri5(state, t_end, rtol, atol, max_step, breaks, par_array, ts, ms):
    """Dormand-Prince steps from ``state = (t, h, mx, my, mz, accepted, rejected)``.

    Writes accepted steps into ``ts``/``ms`` until ``t_end`` or until they are
    full; updates ``state`` in place so the caller can resume. Returns the
    number written, or -1 if the step size underflowed.
    """
    par = _as_tuple(par_array)
    t, h = state[0], state[1]
    y = state[2:5].copy()
    k = np.empty((7, 3))
    k[0, 0], k[0, 1], k[0, 2] = _rhs(y[0], y[1], y[2], t, par)
    ys = np.empty(3)
    y_new = np.empty(3)
    ib = 0
    while ib < breaks.size and breaks[ib] <= t:
        ib += 1
    saved = 0
    rejected_last = False
    while t < t_end and saved < ts.size:
        h = min(h, max_step)
        stop = t_end if ib == breaks.size else min(t_end, breaks[ib])
        clipped = h
        lands = t + h >= stop
        if lands:
            h = stop - t
        if h <= 1e-10 * abs(t) or h < 1e-30:
            return -1
        for s in range(1, 7):
            for i in range(3):
                acc = 0.0
                for j in range(s):
                    acc += _DP_A[s, j] * k[j, i]
                ys[i] = y[i] + h * acc
            k[s, 0], k[s, 1], k[s, 2] = _rhs(ys[0], ys[1], ys[2], t + _DP_C[s] * h, par)
        y_new[:] = ys  # stage 7 is evaluated at the fifth-order solution (FSAL)
        err = 0.0
        for i in range(3):
            e = 0.0
            for j in range(7):
                e += _DP_E[j] * k[j, i]
            scale = atol + rtol * max(abs(y[i]), abs(y_new[i]))
            err += (h * e / scale) ** 2
        err = math.sqrt(err / 3.0)
        if err <= 1.0:
            t = stop if lands else t + h
            if lands and stop < t_end:
                ib += 1
            y[0], y[1], y[2] = _normalize(y_new[0], y_new[1], y_new[2])
            k[0, :] = k[6, :]
            ts[saved] = t
            ms[saved, 0], ms[saved, 1], ms[saved, 2] = y[0], y[1], y[2]
            saved += 1
            state[5] += 1
            factor = _MAX_FACTOR if err == 0.0 else min(_MAX_FACTOR, _SAFETY * err**-0.2)
            if rejected_last:
                factor = min(factor, 1.0)
            h = max(h * factor, clipped) if lands else h * factor
            rejected_last = False
        else:
            state[6] += 1
            h *= max(_MIN_FACTOR, _SAFETY * err**-0.2)
            rejected_last = True
    state[0], state[1] = t, h
    state[2:5] = y
    return saved


@dataclass(frozen=True, eq=False)
class Trajectory:
    """The result of :func:`simulate`.

    Attributes
    ----------
    t : ndarray, shape (n,)
        Times in s.
    m : ndarray, shape (n, 3)
        Unit magnetization at those times.
    system : Junction or Magnet
        What was simulated.
    drives : dict
        ``field``, ``field_pulse`` and ``current_density`` as passed.
    method : str
        ``"rk4"`` or ``"rk45"``.
    steps, rejected : int
        Accepted and rejected steps.

    Examples
    --------
    A tilted perpendicular film relaxing with no current: damping only lowers the energy.

    >>> from sttlab import preset
    >>> run = simulate(preset("cofeb_mgo_40nm").free, (0.6, 0.0, 0.8), 1e-9)
    >>> run.m.shape[1], run.method, run.steps == run.t.size - 1
    (3, 'rk45', True)
    >>> bool(np.all(np.diff(run.energy()) <= 0.0))
    True
    """

    t: np.ndarray
    m: np.ndarray
    system: object
    drives: dict = field(repr=False)
    method: str = "rk45"
    steps: int = 0
    rejected: int = 0

    @property
    def easy_axis(self):
        """The easy axis of the free layer (unit 3-vector)."""
        free = self.system.free if isinstance(self.system, Junction) else self.system
        return np.asarray(free.easy_axis)

    def applied_field(self):
        """Applied field at every saved time, shape (n, 3), in A/m."""
        H = np.broadcast_to(np.asarray(self.drives["field"], dtype=float), self.m.shape).copy()
        pulse = self.drives["field_pulse"]
        if pulse is not None:
            H += pulse.envelope(self.t)[:, None] * np.asarray(pulse.amplitude)
        return H

    def current_density(self):
        """Current density at every saved time, shape (n,), in A/m^2."""
        J = self.drives["current_density"]
        if isinstance(J, Pulse):
            return J.amplitude * J.envelope(self.t)
        return np.full(self.t.shape, float(J))

    def energy(self):
        """Magnetic energy (Zeeman + anisotropy + demag) at every saved time, in J."""
        return energy(self.system, self.m, self.applied_field())

    def switching_time(self, threshold=0.0):
        """First time the magnetization crosses into the other easy-axis well, in s.

        The projection ``m.u`` on the easy axis starts with sign ``s``; the
        switching time is the first time ``s m.u`` reaches ``-threshold``,
        linearly interpolated between saved points. ``threshold = 0`` is the
        equator crossing (``PHYSICS.md`` case 5); thermal work counts an
        escape only once well into the other well (e.g. 0.5).

        Parameters
        ----------
        threshold : float, optional
            In [0, 1).

        Returns
        -------
        float or None
            None if it never switched during the run.

        Examples
        --------
        The 40 nm preset at twice its critical current, against the closed form:

        >>> from sttlab import preset
        >>> junction = preset("cofeb_mgo_40nm")
        >>> m0 = (np.sin(np.radians(2)), 0.0, -np.cos(np.radians(2)))
        >>> run = simulate(junction, m0, 20e-9, current_density=2 * junction.Jc0())
        >>> round(run.switching_time() * 1e9, 2), round(run.switching_time(threshold=0.5) * 1e9, 2)  # ns
        (11.05, 11.8)
        >>> bool(abs(run.switching_time() / analytic_switching_time(junction, 2 * junction.Jc0()) - 1) < 1e-4)
        True
        """
        threshold = check.in_range("threshold", threshold, 0.0, 1.0, high_open=True)
        proj = self.m @ self.easy_axis
        sign = 1.0 if proj[0] >= 0 else -1.0
        distance = sign * proj + threshold  # crosses zero when switched
        crossed = np.flatnonzero(distance <= 0.0)
        if crossed.size == 0:
            return None
        i = crossed[0]
        if i == 0:
            return float(self.t[0])
        d0, d1 = distance[i - 1], distance[i]
        return float(self.t[i - 1] + (self.t[i] - self.t[i - 1]) * d0 / (d0 - d1))

    @property
    def switched(self):
        """Whether the magnetization crossed the equator (``switching_time() is not None``)."""
        return self.switching_time() is not None

    def precession_frequency(self, component=0):
        """Mean precession frequency in Hz from upward zero crossings of ``m[:, component]``.

        Counts the upward zero crossings (linearly interpolated) and divides
        their number minus one by the time between the first and the last.
        Needs at least two crossings.

        Parameters
        ----------
        component : {0, 1, 2}
            Which Cartesian component oscillates about zero (one transverse to
            the precession axis).

        Returns
        -------
        float
            Frequency in Hz.

        Examples
        --------
        Larmor precession in 0.1 T at ``gamma mu0 H / 2 pi`` (``PHYSICS.md`` case 1):

        >>> from sttlab import Cylinder, Magnet
        >>> free = Magnet(Ms=1e6, geometry=Cylinder(40e-9, 1e-9), alpha=0.0, demag=(0, 0, 0))
        >>> run = simulate(free, (1, 0, 0), 2e-9, field=(0, 0, 0.1 / mu0), method="rk4", dt=1e-12)
        >>> round(run.precession_frequency() / 1e9, 2)  # GHz
        2.8
        >>> bool(abs(run.precession_frequency() / (gamma * 0.1 / (2 * np.pi)) - 1) < 1e-3)
        True
        """
        check.choice("component", component, (0, 1, 2))
        x = self.m[:, component]
        up = np.flatnonzero((x[:-1] < 0.0) & (x[1:] >= 0.0))
        if up.size < 2:
            raise ValueError(f"m[:, {component}] crosses zero upwards {up.size} times; at least 2 needed")
        times = self.t[up] - x[up] * (self.t[up + 1] - self.t[up]) / (x[up + 1] - x[up])
        return float((up.size - 1) / (times[-1] - times[0]))


def simulate(
    system,
    m0,
    duration,
    *,
    current_density=0.0,
    field=(0.0, 0.0, 0.0),
    field_pulse=None,
    method="rk45",
    dt=1e-12,
    save_every=1,
    rtol=1e-7,
    atol=1e-9,
    max_step=math.inf,
):
    """Integrate the macrospin LLG equation with spin-transfer torque from t = 0.

    Parameters
    ----------
    system : Junction or Magnet
        A Magnet alone feels no spin-transfer torque.
    m0 : array_like, shape (3,)
        Initial magnetization direction (normalized here; must be non-zero).
    duration : float
        Simulated time in s (> 0).
    current_density : float or Pulse, optional
        Current density in A/m^2 (> 0 favours the parallel state), constant or a
        :class:`~sttlab.llg.Pulse`.
    field : array_like, optional
        Static applied field in A/m.
    field_pulse : Pulse or None, optional
        Field pulse with a 3-vector amplitude in A/m, added to ``field``.
    method : {"rk45", "rk4"}, optional
        Adaptive Dormand-Prince (default) or fixed-step RK4.
    dt : float, optional
        RK4 step in s (the step used is ``duration / ceil(duration / dt)``).
    save_every : int, optional
        RK4: keep every ``save_every``-th step (and the last).
    rtol, atol : float, optional
        RK45 relative and absolute tolerances on the components of m.
    max_step : float, optional
        RK45 largest step in s.

    Returns
    -------
    Trajectory

    Examples
    --------
    A 5 ns pulse at twice the critical current is too short to switch the 40 nm
    preset from 2 degrees (it needs 11 ns): the magnetization falls back to AP.

    >>> from sttlab import Pulse, preset
    >>> junction = preset("cofeb_mgo_40nm")
    >>> m0 = (np.sin(np.radians(2)), 0.0, -np.cos(np.radians(2)))
    >>> pulse = Pulse(2 * junction.Jc0(), width=5e-9, rise=0.1e-9, fall=0.1e-9)
    >>> run = simulate(junction, m0, 10e-9, current_density=pulse)
    >>> run.switched, round(float(run.m[-1, 2]), 3)
    (False, -0.999)
    """
    par = pack(system, field=field, field_pulse=field_pulse, current_density=current_density)
    m = check.direction("m0", m0)
    duration = check.positive("duration", duration, "s")
    check.choice("method", method, METHODS)
    drives = {"field": tuple(check.vector3("field", field)), "field_pulse": field_pulse,
              "current_density": current_density}
    omega_max = gamma * mu0 * field_scale(par)
    if duration * omega_max / (2 * math.pi) > _MAX_PERIODS:
        raise ValueError(f"duration = {duration!r} s spans more than {_MAX_PERIODS:.0e} precession periods at the "
                         f"largest field of this system ({omega_max / (2 * math.pi):.3g} Hz); shorten it")
    if method == "rk4":
        dt = check.positive("dt", dt, "s")
        if omega_max * dt > _MAX_PHASE_STEP:
            raise ValueError(f"dt = {dt!r} s is too long for the fastest precession of this system "
                             f"({omega_max / (2 * math.pi):.3g} Hz); use dt <= {_MAX_PHASE_STEP / omega_max:.3g} s")
        save_every = _positive_int("save_every", save_every)
        n_steps = max(1, math.ceil(duration / dt - 1e-9))
        n_save = n_steps // save_every + 2
        if n_save > _MAX_SAVED:
            raise ValueError(f"save_every = {save_every} would keep {n_save} points (> {_MAX_SAVED}); raise it")
        ts, ms = np.empty(n_save), np.empty((n_save, 3))
        saved = _rk4(m, duration / n_steps, n_steps, save_every, par, ts, ms)
        return Trajectory(ts[:saved], ms[:saved], system, drives, method, n_steps, 0)
    rtol = check.in_range("rtol", rtol, 1e-13, 1e-1)
    atol = check.positive("atol", atol)
    max_step = math.inf if max_step == math.inf else check.positive("max_step", max_step, "s")
    breaks = _breakpoints(duration, field_pulse, current_density)
    f0 = float(np.linalg.norm(_rhs_array(m[None, :], np.zeros(1), par)))
    h0 = min(duration, max_step, 0.01 / f0 if f0 > 0 else 1e-3 * duration)
    state = np.array([0.0, h0, *m, 0.0, 0.0])
    chunks_t, chunks_m = [np.zeros(1)], [m[None, :]]
    capacity = 4096
    while state[0] < duration:
        ts, ms = np.empty(capacity), np.empty((capacity, 3))
        saved = _dopri5(state, duration, rtol, atol, max_step, breaks, par, ts, ms)
        if saved < 0:
            raise RuntimeError(f"rk45 step size underflow at t = {state[0]!r} s: the problem is too stiff "
                               "for the tolerances; loosen rtol/atol or use method='rk4'")
        chunks_t.append(ts[:saved])
        chunks_m.append(ms[:saved])
        capacity = min(2 * capacity, 1 << 22)
    return Trajectory(np.concatenate(chunks_t), np.concatenate(chunks_m), system, drives, method,
                      int(state[5]), int(state[6]))


def analytic_switching_time(junction, current_density, tilt_deg=2.0, *, form="exact"):
    """Time for a perpendicular macrospin to go from a tilt ``theta0`` off AP to the equator, in s.

    With the polarizer ``p`` along the easy axis, constant efficiency and no
    applied field, the angle ``theta`` of ``m`` from ``-p`` obeys
    (Sun, Phys. Rev. B 62, 570 (2000), doi:10.1103/PhysRevB.62.570)

    .. math::

        \\tau_0\\,\\dot\\theta = \\sin\\theta\\,(r - \\cos\\theta), \\qquad
        r = \\frac{J}{J_{c0}}, \\qquad \\tau_0 = \\frac{1+\\alpha^2}{\\alpha\\gamma\\mu_0 H_{k,\\rm eff}}

    (a field-like torque only moves ``J_c0``, by ``1 + alpha xi``). With
    ``u = cos theta`` it separates; the time from ``u0 = cos theta0`` to the
    equator ``u = 0`` is exactly (``PHYSICS.md`` case 5)

    .. math::

        t = \\tau_0\\left[-\\frac{\\ln(1-u_0)}{2(r-1)} + \\frac{\\ln(1+u_0)}{2(r+1)}
            - \\frac{\\ln(1 - u_0/r)}{1 - r^2}\\right].

    ``form="sun"`` is Sun's logarithmic estimate, the linear growth
    ``theta0 exp((r - 1) t / tau0)`` stopped at ``pi/2``:
    ``t = tau0 ln(pi / (2 theta0)) / (r - 1)``. Both are ``inf`` for ``r <= 1``.

    Parameters
    ----------
    junction : Junction
        Constant efficiency, polarizer along the easy axis, equal transverse
        stiffnesses (a perpendicular disk), ``alpha > 0``.
    current_density : float or array_like
        Current density in A/m^2 (> 0 favours P).
    tilt_deg : float, optional
        Initial angle ``theta0`` from ``-p`` in degrees, in (0, 90).
    form : {"exact", "sun"}, optional

    Returns
    -------
    float or ndarray
        Time in s, ``inf`` where ``J <= J_c0``.

    Examples
    --------
    >>> from sttlab import preset
    >>> junction = preset("cofeb_mgo_40nm")
    >>> J = junction.Jc0() * np.array([0.9, 1.5, 3.0])
    >>> [round(float(t) * 1e9, 2) for t in analytic_switching_time(junction, J)]  # ns
    [inf, 20.52, 5.81]
    >>> [round(float(t) * 1e9, 2) for t in analytic_switching_time(junction, J, form="sun")]
    [inf, 23.45, 5.86]
    """
    check.choice("form", form, ("exact", "sun"))
    if junction.efficiency != "constant":
        raise ValueError(f"junction.efficiency must be 'constant' for the closed form, got {junction.efficiency!r}")
    stiffness = junction.free.transverse_stiffness()  # also checks that the easy axis is x, y or z
    if abs(stiffness[0] - stiffness[1]) > 1e-9 * max(map(abs, stiffness)):
        raise ValueError(f"junction needs equal transverse stiffnesses (an axially symmetric magnet), got {stiffness}")
    theta0 = math.radians(check.in_range("tilt_deg", tilt_deg, 0.0, 90.0, low_open=True, high_open=True))
    J = np.asarray(current_density, dtype=float)
    if not np.all(np.isfinite(J)):
        raise ValueError(f"current_density must be finite, got {current_density!r}")
    r = J / junction.Jc0()  # Jc0 checks that p is along the easy axis
    tau0 = junction.free.relaxation_time
    out = np.full(r.shape, math.inf)
    s = r > 1.0
    rs = r[s]
    if form == "sun":
        out[s] = tau0 * math.log(math.pi / (2.0 * theta0)) / (rs - 1.0)
    else:
        u0 = math.cos(theta0)
        one_minus_u0 = 2.0 * math.sin(0.5 * theta0) ** 2  # 1 - cos(theta0) without cancellation
        out[s] = tau0 * (-math.log(one_minus_u0) / (2.0 * (rs - 1.0)) + math.log(1.0 + u0) / (2.0 * (rs + 1.0))
                         - np.log1p(-u0 / rs) / (1.0 - rs * rs))
    return out if out.ndim else float(out)


def _breakpoints(duration, *drives):
    """Corners of the pulse envelopes inside (0, duration), sorted."""
    corners = []
    for drive in drives:
        if isinstance(drive, Pulse):
            start, rise, plateau, fall = drive.wave
            corners += [start, start + rise, start + rise + plateau, drive.end]
    return np.array(sorted({c for c in corners if 0.0 < c < duration}), dtype=float)


def _positive_int(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)
