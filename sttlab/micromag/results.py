"""Results of the micromagnetic solver: :class:`Run` (dynamics) and :class:`Relaxed` (an energy minimum)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .. import _validate as check


@dataclass(frozen=True, eq=False)
class Run:
    """The result of :func:`~sttlab.micromag.simulate`.

    Attributes
    ----------
    t : ndarray, shape (n,)
        Saved times in s.
    m_avg : ndarray, shape (n, 3)
        Mean magnetization ``<m>`` over the magnet's cells at those times.
    m : ndarray, shape ``(3, nx, ny, nz)``
        The final state.
    snapshot_t : ndarray, shape (k,)
        Times of the snapshots in s.
    snapshots : ndarray, shape ``(k, 3, nx, ny, nz)``
        The whole magnetization at ``snapshot_t``.
    energies : dict of ndarray or None
        ``exchange``, ``anisotropy``, ``demag``, ``zeeman``, ``total`` in J at ``t``
        (with ``energies=True``).
    sample : Sample
    drives : dict
        ``field``, ``field_pulse``, ``current_density`` as passed.
    method : str
    steps, rejected, evaluations : int
        Accepted and rejected steps, and evaluations of the effective field
        (right-hand sides; the saved energies add their own).
    wall_time : float
        Seconds spent integrating (after validation and set-up).
    dt : float or None
        The RK4 step in s (None for RK45).

    Examples
    --------
    >>> from sttlab.micromag import Mesh, Sample, simulate
    >>> film = Sample(Mesh((2, 2, 1), (2e-9, 2e-9, 2e-9)), Ms=8e5, A=1e-11, alpha=0.0, demag=False)
    >>> run = simulate(film, film.uniform((1, 0, 0)), 10e-12, field=(0, 0, 1e6), save_every=1e-12)
    >>> run.t.size, run.m_avg.shape, run.method, run.steps > 0
    (11, (11, 3), 'rk45', True)
    """

    t: np.ndarray
    m_avg: np.ndarray
    m: np.ndarray = field(repr=False)
    snapshot_t: np.ndarray = field(repr=False)
    snapshots: np.ndarray = field(repr=False)
    energies: dict | None = field(repr=False)
    sample: object = field(repr=False)
    drives: dict = field(repr=False)
    method: str = "rk45"
    steps: int = 0
    rejected: int = 0
    evaluations: int = 0
    wall_time: float = 0.0
    dt: float | None = None

    def crossing_time(self, component=0, level=0.0, nth=1):
        """Time in s at which ``<m>[component]`` crosses ``level`` for the ``nth`` time (linear interpolation).

        Returns None if it crosses fewer times during the run. The first zero
        crossing of ``<m_x>`` is the figure of merit of muMAG standard problem 4.

        Parameters
        ----------
        component : {0, 1, 2}
        level : float, optional
        nth : int, optional
            1 for the first crossing.
        """
        check.choice("component", component, (0, 1, 2))
        level = check.real("level", level)
        if isinstance(nth, bool) or not isinstance(nth, (int, np.integer)) or nth < 1:
            raise ValueError(f"nth must be an integer >= 1, got {nth!r}")
        times = crossing_times(self.t, self.m_avg[:, component] - level)
        return float(times[nth - 1]) if times.size >= nth else None

    def switching_time(self, threshold=0.0):
        """First time ``s <m> . u`` reaches ``-threshold``, with ``s`` the sign of ``<m> . u`` at t = 0, in s.

        ``u`` is the sample's easy axis; ``threshold = 0`` is the equator
        crossing of the mean magnetization, the macrospin solver's definition
        (:meth:`sttlab.Trajectory.switching_time`). None if it never switched.
        """
        threshold = check.in_range("threshold", threshold, 0.0, 1.0, high_open=True)
        projection = (self.m_avg * np.asarray(self.sample.easy_axis)).sum(axis=1)
        sign = 1.0 if projection[0] >= 0.0 else -1.0
        times = crossing_times(self.t, sign * projection + threshold)
        return float(times[0]) if times.size else None

    @property
    def switched(self):
        """Whether ``<m>`` crossed the equator during the run."""
        return self.switching_time() is not None


@dataclass(frozen=True, eq=False)
class Relaxed:
    """The result of :func:`~sttlab.micromag.relax`: a state where the torque has (nearly) vanished.

    Attributes
    ----------
    m : ndarray, shape ``(3, nx, ny, nz)``
    m_avg : ndarray, shape (3,)
    torque : float
        Largest ``|m x H_eff|`` over the cells at the end, in A/m.
    converged : bool
        Whether ``torque`` fell below the tolerance.
    iterations : int
        Descent iterations, or accepted steps of the damped dynamics.
    evaluations : int
        Effective-field evaluations.
    energies : dict
        Energy of each term in J (:meth:`Sample.energies`).

    Examples
    --------
    >>> from sttlab.micromag import Mesh, Sample, relax
    >>> film = Sample(Mesh((4, 1, 1), (2e-9, 2e-9, 2e-9)), Ms=8e5, A=1e-11, alpha=0.1, Ku=3e5, demag=False)
    >>> state = relax(film, film.uniform((1, 0, 1)))
    >>> state.converged, round(float(state.m_avg[2]), 9), round(state.energies["anisotropy"] / (-3e5 * 32e-27), 9)
    (True, 1.0, 1.0)
    """

    m: np.ndarray = field(repr=False)
    m_avg: np.ndarray
    torque: float
    converged: bool
    iterations: int
    evaluations: int
    energies: dict = field(repr=False)


def crossing_times(t, x):
    """Times at which the samples ``x(t)`` change sign (from either side), linearly interpolated, in order.

    Samples exactly at zero count as one crossing, at the first of them, if
    the sign differs on their two sides.

    Examples
    --------
    >>> crossing_times([0.0, 1.0, 2.0, 3.0], [1.0, -1.0, -1.0, 3.0]).tolist()
    [0.5, 2.25]
    """
    t, x = np.asarray(t, dtype=float), np.asarray(x, dtype=float)
    s = np.sign(x)
    nonzero = np.flatnonzero(s != 0)
    if nonzero.size < 2:
        return np.empty(0)
    a, b = nonzero[:-1], nonzero[1:]
    flips = s[a] != s[b]
    a, b = a[flips], b[flips]
    return np.where(b > a + 1, t[np.minimum(a + 1, t.size - 1)], t[a] + (t[b] - t[a]) * x[a] / (x[a] - x[b]))
