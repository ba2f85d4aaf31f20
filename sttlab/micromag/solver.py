"""Time integration and relaxation of the micromagnetic LLG equation.

:func:`simulate` integrates the explicit Landau-Lifshitz form of the
macrospin solver (:mod:`sttlab.llg`) in every cell, the field being the
sample's effective field (:mod:`sttlab.micromag.fields`, demagnetization by
FFT) plus the spin-torque fields. Two integrators, both renormalizing
``|m| = 1`` after every step:

``"rk45"``
    Dormand-Prince 5(4) with FSAL (six field evaluations per step), the
    tableau of :mod:`sttlab.dynamics` (Dormand & Prince, J. Comput. Appl.
    Math. 6, 19 (1980)), the local error ``max_cells |m_5 - m_4|`` held
    below ``tol``, and Shampine's fourth-order dense output (Shampine, Math.
    Comp. 46, 135 (1986); Hairer, Norsett & Wanner, *Solving ODEs I*, sec.
    II.6) for the saved points, so saving does not shorten steps.
``"rk4"``
    Classical fourth-order Runge-Kutta at a fixed step, by default the
    largest the scheme tolerates (``omega_max dt = 2.8``; see below).

On a fine mesh the exchange field makes the equation stiff: the
checkerboard mode precesses at ``omega_max ~ gamma (2 A / Ms)(4 / dx^2 + 4 / dy^2 + ...)``,
and an explicit step must keep ``omega_max dt`` inside the method's
stability region on the imaginary axis. That is ``|omega dt| < 2.83`` for
RK4 but only about 1 for Dormand-Prince (2.1 with ``alpha = 0.02``), which
has six evaluations per step against four: at the stability limit RK4 is
about twice as cheap, while RK45 adapts and controls its error.

:func:`relax` finds an energy minimum: by steepest descent on the sphere
with Barzilai-Borwein step lengths (Barzilai & Borwein, IMA J. Numer. Anal.
8, 141 (1988); for micromagnetics Exl et al., J. Appl. Phys. 115, 17D118
(2014)), or by precession-free damped dynamics; both stop when the largest
torque ``|m x H|`` falls below a tolerance.
"""

from __future__ import annotations

import math
import time

import numpy as np

from .. import _validate as check
from ..dynamics import _DP_A, _DP_C, _DP_E, _MAX_FACTOR, _MIN_FACTOR, _SAFETY, _breakpoints
from . import _kernels as kern
from ._model import _Model, largest_step
from .demag import PRECISIONS
from .results import Run
from .sample import Sample

METHODS = ("rk45", "rk4")
RELAX_METHODS = ("descent", "damping")

# Shampine's dense output for Dormand-Prince: m(t + theta h) = m + h sum_s k_s sum_j P[s, j] theta^(j+1).
_DP_DENSE = np.array([
    [1.0, -8048581381 / 2820520608, 8663915743 / 2820520608, -12715105075 / 11282082432],
    [0.0, 0.0, 0.0, 0.0],
    [0.0, 131558114200 / 32700410799, -68118460800 / 10900136933, 87487479700 / 32700410799],
    [0.0, -1754552775 / 470086768, 14199869525 / 1410260304, -10690763975 / 1880347072],
    [0.0, 127303824393 / 49829197408, -318862633887 / 49829197408, 701980252875 / 199316789632],
    [0.0, -282668133 / 205662961, 2019193451 / 616988883, -1453857185 / 822651844],
    [0.0, 40617522 / 29380423, -110615467 / 29380423, 69997945 / 29380423],
])
_RK4_A = np.array([[0.0, 0.0, 0.0], [0.5, 0.0, 0.0], [0.0, 0.5, 0.0], [0.0, 0.0, 1.0]])
_RK4_B = np.array([1 / 6, 1 / 3, 1 / 3, 1 / 6])
_RK4_C = np.array([0.0, 0.5, 0.5, 1.0])
#: Default RK4 step as a fraction of the largest stable one.
RK4_SAFETY = 0.9
_MAX_SAVED_VALUES = 50_000_000  # guard on snapshots x cells


def simulate(sample, m0, duration, *, field=(0.0, 0.0, 0.0), field_pulse=None, current_density=0.0,
             method="rk45", tol=1e-5, dt=None, max_step=None, save_every=None, snapshot_every=None,
             energies=False, demag_precision="double", progress=False):
    """Integrate the micromagnetic LLG equation with spin-transfer torque from ``t = 0``.

    Parameters
    ----------
    sample : Sample
    m0 : ndarray, shape ``(3, nx, ny, nz)``
        Initial unit magnetization (e.g. a :func:`relax` result's ``m``).
    duration : float
        Simulated time in s (> 0).
    field : array_like, shape (3,), optional
        Static applied field in A/m.
    field_pulse : Pulse, optional
        A field pulse with a 3-vector amplitude in A/m, added to ``field``.
    current_density : float or Pulse, optional
        In A/m^2 (> 0 favours ``m -> p``); needs a sample with a junction.
    method : {"rk45", "rk4"}, optional
    tol : float, optional
        RK45: largest local error ``|m_5 - m_4|`` of any cell per step (default 1e-5, mumax3's).
    dt : float, optional
        RK4 step in s; default ``0.9`` of the largest stable step (:attr:`Run.dt`
        reports it). Must not exceed the stable step.
    max_step : float, optional
        RK45 longest step in s.
    save_every : float, optional
        Interval in s at which ``<m>`` (and the energies) are saved; default
        ``duration / 1000``.
    snapshot_every : float, optional
        Interval in s (a multiple of ``save_every``) at which the whole ``m`` is kept.
    energies : bool, optional
        Also save the energy of each term at the saved times (costs one more
        field evaluation per saved point).
    demag_precision : {"double", "single"}, optional
        Precision of the demagnetizing FFT convolution; ``"single"`` is about
        twice as fast for a field error of ~1e-7 Ms (:class:`~sttlab.micromag.demag.Demag`).
    progress : bool, optional
        A progress bar over simulated time (``tqdm``; in notebooks the widget bar).

    Returns
    -------
    Run

    Notes
    -----
    The time loop is Python around compiled kernels, one step at a time, so an
    interrupt (Ctrl-C, or the notebook's stop button) stops a run within a
    step; the progress bar is closed either way. The cost of a step is that
    of its field evaluations (6 for RK45, 4 for RK4), each one FFT
    convolution plus one pass over the cells; ``Run.evaluations`` and
    ``Run.wall_time`` report them.

    Examples
    --------
    Precession of a uniform film in a perpendicular field (no exchange energy, no
    demagnetization): ``<m>`` turns at the Larmor frequency ``gamma mu0 H``.

    >>> import numpy as np
    >>> from sttlab.constants import gamma, mu0
    >>> from sttlab.micromag import Mesh, Sample, simulate
    >>> sample = Sample(Mesh((4, 4, 1), (2e-9, 2e-9, 2e-9)), Ms=8e5, A=1.3e-11, alpha=0.0, demag=False)
    >>> H = 1e5
    >>> run = simulate(sample, sample.uniform((1, 0, 0)), 20e-12, field=(0, 0, H), save_every=1e-12)
    >>> phase = np.unwrap(np.arctan2(run.m_avg[:, 1], run.m_avg[:, 0]))
    >>> bool(abs(phase[-1] / (gamma * mu0 * H * 20e-12) - 1) < 1e-6)
    True
    """
    if not isinstance(sample, Sample):
        raise TypeError(f"sample must be a Sample, got {sample!r}")
    m = sample.check_state(m0, "m0")
    duration = check.positive("duration", duration, "s")
    check.choice("method", method, METHODS)
    check.choice("demag_precision", demag_precision, PRECISIONS)
    model = _Model(sample, field, field_pulse, current_density, precision=demag_precision)
    save_every = duration / 1000.0 if save_every is None else check.positive("save_every", save_every, "s")
    save_every = min(save_every, duration)
    n_save = int(math.floor(duration / save_every * (1.0 + 1e-12))) + 1
    save_times = np.minimum(np.arange(n_save) * save_every, duration)
    if save_times[-1] < duration * (1.0 - 1e-12):
        save_times = np.append(save_times, duration)
    snap_stride = 0
    if snapshot_every is not None:
        ratio = check.positive("snapshot_every", snapshot_every, "s") / save_every
        snap_stride = int(round(ratio))
        if snap_stride < 1 or abs(ratio - snap_stride) > 1e-6 * ratio:
            raise ValueError(f"snapshot_every = {snapshot_every!r} s must be a multiple of save_every = "
                             f"{save_every!r} s")
        if (save_times.size // snap_stride + 1) * m.size > _MAX_SAVED_VALUES:
            raise ValueError(f"snapshot_every = {snapshot_every!r} s would keep too many snapshots; raise it")
    recorder = _Recorder(sample, model, save_times, snap_stride, energies)
    bar = _progress_bar(duration, progress)
    start = time.perf_counter()
    try:
        if method == "rk45":
            tol = check.in_range("tol", tol, 1e-12, 1e-1, low_open=True)
            max_step = duration if max_step is None else check.positive("max_step", max_step, "s")
            breaks = _breakpoints(duration, field_pulse, current_density)
            steps, rejected, m = _dormand_prince(model, m, duration, tol, max_step, breaks, recorder, bar)
            used_dt = None
        else:
            stable = largest_step(model)
            used_dt = RK4_SAFETY * stable if dt is None else check.positive("dt", dt, "s")
            if used_dt > stable * (1.0 + 1e-9):
                raise ValueError(f"dt = {dt!r} s exceeds the largest stable RK4 step of this sample, {stable:.3g} s")
            steps, m, used_dt = _rk4(model, m, duration, used_dt, save_every, recorder, bar)
            rejected = 0
    finally:
        if bar is not None:
            bar.close()
    drives = {"field": tuple(np.asarray(field, dtype=float)), "field_pulse": field_pulse,
              "current_density": current_density}
    return recorder.result(m, drives, method, steps, rejected, model.evaluations, time.perf_counter() - start,
                           used_dt)


def _dormand_prince(model, y, t_end, tol, max_step, breaks, recorder, bar, torque_tol=None):
    """Adaptive Dormand-Prince 5(4) steps from ``t = 0`` to ``t_end``; returns (steps, rejected, m).

    With ``torque_tol`` (A/m) it stops early once the largest ``|m x H|`` of an
    accepted state is below it (relaxation).
    """
    shape = y.shape
    Ms = model.Ms_flat
    k = np.empty((7, *shape))
    kf = k.reshape(7, 3, -1)
    ys = np.empty(shape)
    scratch = np.empty((3, ys.size // 3))
    y = y.copy()
    yf, ysf, Mf = y.reshape(3, -1), ys.reshape(3, -1), model.M.reshape(3, -1)
    model.rhs_at(0.0, y, k[0])
    if recorder is not None:
        recorder.save_exact(0.0, y)
    t = 0.0
    # initial step: a rotation of 0.01 rad at the initial speed
    speed = float(np.abs(k[0]).max())
    h = min(max_step, t_end, 0.01 / speed if speed > 0.0 else t_end)
    ib = 0
    steps = rejected = 0
    rejected_last = False
    while t < t_end:
        h = min(h, max_step)
        stop = t_end if ib == breaks.size else min(t_end, breaks[ib])
        clipped = h
        lands = t + h >= stop * (1.0 - 1e-14)
        if lands:
            h = stop - t
        if h <= 1e-10 * max(t, 1e-18):
            raise RuntimeError(f"rk45 step size underflow at t = {t!r} s: the problem is too stiff for this tol; "
                               "loosen tol or use method='rk4'")
        for s in range(1, 7):
            kern._stage(yf, kf, _DP_A[s], s, h, Ms, ysf, Mf)
            if s == 6:  # the fifth-order solution: put it back on the sphere, so that its rate is exact for FSAL
                kern._normalize(ysf, Ms)
                np.multiply(ys, model.Ms, out=model.M)
            torque = model.rhs(t + _DP_C[s] * h, ys, k[s])
        err = kern._error(kf, _DP_E, h, Ms, scratch) / tol
        if err <= 1.0:
            if recorder is not None:
                recorder.save_dense(t, h, y, k)
            t = stop if lands else t + h
            if lands and stop < t_end:
                ib += 1
            y[...] = ys
            k[0] = k[6]  # FSAL
            steps += 1
            factor = _MAX_FACTOR if err == 0.0 else min(_MAX_FACTOR, _SAFETY * err**-0.2)
            if rejected_last:
                factor = min(factor, 1.0)
            h = max(h * factor, clipped) if lands else h * factor
            rejected_last = False
            if bar is not None:
                _advance(bar, t)
            if torque_tol is not None and torque < torque_tol:
                break
        else:
            rejected += 1
            h *= max(_MIN_FACTOR, _SAFETY * err**-0.2)
            rejected_last = True
    return steps, rejected, y


def _rk4(model, y, duration, dt, save_every, recorder, bar):
    """Fixed RK4 steps; the step is shortened so that every save time is a step end. Returns (steps, m, dt)."""
    per_save = max(1, math.ceil(save_every / dt - 1e-9))
    dt = save_every / per_save
    n_steps = max(1, math.ceil(duration / dt - 1e-9))
    shape = y.shape
    Ms = model.Ms_flat
    k = np.empty((4, *shape))
    kf = k.reshape(4, 3, -1)
    ys = np.empty(shape)
    y = y.copy()
    yf, ysf, Mf = y.reshape(3, -1), ys.reshape(3, -1), model.M.reshape(3, -1)
    recorder.save_exact(0.0, y)
    for n in range(n_steps):
        t = n * dt
        h = min(dt, duration - t)
        model.rhs_at(t, y, k[0])
        for s in range(1, 4):
            kern._stage(yf, kf, _RK4_A[s], s, h, Ms, ysf, Mf)
            model.rhs(t + _RK4_C[s] * h, ys, k[s])
        kern._stage(yf, kf, _RK4_B, 4, h, Ms, yf, Mf, True)
        kern._normalize(yf, Ms)
        recorder.save_exact(t + h, y)
        if bar is not None:
            _advance(bar, t + h)
    return n_steps, y, dt


class _Recorder:
    """Collects ``<m>``, energies and snapshots at the save times."""

    def __init__(self, sample, model, times, snap_stride, energies):
        self.sample, self.model, self.times = sample, model, times
        self.snap_stride, self.with_energies = snap_stride, energies
        self.m_avg = np.empty((times.size, 3))
        self.energies = {name: np.empty(times.size) for name in ("exchange", "anisotropy", "demag", "zeeman",
                                                                 "total")} if energies else None
        self.snapshots = []
        self.next = 0
        self.scratch = np.empty((3, *sample.mesh.shape))

    def _store(self, m, mean):
        i = self.next
        self.m_avg[i] = mean
        if self.with_energies:
            self.model.set_time(self.times[i])
            for name, value in self.sample.energies(m, self.model.applied_field()).items():
                self.energies[name][i] = value
        if self.snap_stride and (i % self.snap_stride == 0 or i == self.times.size - 1):
            self.snapshots.append(m.copy())
        self.next += 1

    def save_exact(self, t, y):
        """Save if ``t`` is the next save time (RK4 step ends, and t = 0)."""
        while self.next < self.times.size and self.times[self.next] <= t * (1.0 + 1e-12) + 1e-30:
            self._store(y, y[:, self.sample.mask].mean(axis=1))

    def save_dense(self, t, h, y, k):
        """Save every save time in ``(t, t + h]`` from the Dormand-Prince dense output."""
        while self.next < self.times.size and self.times[self.next] <= (t + h) * (1.0 + 1e-12):
            theta = (self.times[self.next] - t) / h
            b = (_DP_DENSE * theta ** np.arange(1, 5)).sum(axis=1)  # elementwise: no BLAS call per save
            mean = kern._dense(y.reshape(3, -1), k.reshape(7, 3, -1), b, h, self.model.Ms_flat,
                               self.scratch.reshape(3, -1))
            self._store(self.scratch, mean)

    def result(self, m, drives, method, steps, rejected, evaluations, wall, dt):
        n = self.next
        snaps = np.array(self.snapshots) if self.snapshots else np.empty((0, *m.shape))
        snap_t = self.times[: n][:: self.snap_stride] if self.snap_stride else np.empty(0)
        if self.snap_stride and snap_t.size < snaps.shape[0]:
            snap_t = np.append(snap_t, self.times[n - 1])
        energies = {key: value[:n] for key, value in self.energies.items()} if self.energies else None
        return Run(self.times[:n], self.m_avg[:n], m, snap_t, snaps, energies, self.sample, drives, method, steps,
                   rejected, evaluations, wall, dt)


def _progress_bar(duration, progress):
    if not progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=round(duration * 1e12, 3), unit="ps", desc="micromagnetic LLG")


def _advance(bar, t):
    bar.update(round(t * 1e12, 3) - bar.n)
