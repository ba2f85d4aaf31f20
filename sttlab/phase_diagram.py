"""Current-versus-field switching phase diagram of a perpendicular macrospin.

For every point ``(J, H)`` of a grid, :func:`switching_phase_diagram` runs
:func:`sttlab.simulate` twice at ``T = 0`` -- once from the parallel state
(``m`` tilted by ``tilt`` from ``+p``) and once from the antiparallel state
(tilted from ``-p``) -- and classifies where each run ends. The field is
applied along the polarizer ``p`` (which must lie along the easy axis), so a
positive field favours P, like a positive current (``PHYSICS.md``).

Linearizing the LLG equation about ``m = -+p`` (Sun, Phys. Rev. B 62, 570
(2000); ``PHYSICS.md`` case 4) with a field ``H`` along ``p`` adds ``H`` to the
stiffness of P and subtracts it from that of AP, so the stability boundaries
are straight lines in the ``(H, J)`` plane:

.. math::

    J_{AP\\to P} = J_{c0}\\,(1 - H / H_{k,eff}), \\qquad
    J_{P\\to AP} = -J_{c0}\\,(1 + H / H_{k,eff}).

Between them both states are stable ("bistable"); for ``|H| > H_k,eff`` only
one state exists even at ``J = 0``.

Examples
--------
>>> import numpy as np
>>> from sttlab import preset
>>> from sttlab.phase_diagram import switching_phase_diagram
>>> cell = preset("cofeb_mgo_40nm")
>>> jc = cell.Jc0()
>>> diagram = switching_phase_diagram(cell, jc * np.array([-1.5, 0.0, 1.5]), [0.0])
>>> diagram.labels().tolist()
[['AP', 'bistable', 'P']]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import _validate as check
from .constants import gamma, mu0
from .dynamics import simulate
from .params import Junction

#: Point states; ``PhaseDiagram.state`` holds indices into this tuple.
STATES = ("P", "AP", "bistable", "precessional", "reversed", "unsettled")
#: Final states of a single run.
RUN_STATES = ("P", "AP", "precessing", "unsettled")

_COMBINE = {("P", "P"): "P", ("AP", "AP"): "AP", ("P", "AP"): "bistable", ("AP", "P"): "reversed"}


@dataclass(frozen=True, eq=False)
class PhaseDiagram:
    """The result of :func:`switching_phase_diagram`.

    Attributes
    ----------
    currents : ndarray, shape (n_currents,)
        Current densities in A/m^2 (> 0 favours P).
    fields : ndarray, shape (n_fields,)
        Applied fields along the polarizer ``p`` in A/m (> 0 favours P).
    state : ndarray of int, shape (n_fields, n_currents)
        Index into ``names`` of each point's state.
    names : tuple of str
        :data:`STATES`.
    mp_from_P, mp_from_AP : ndarray, shape (n_fields, n_currents)
        Final ``m.p`` of the run started near P and of the run started near AP.
    run_from_P, run_from_AP : ndarray of str, shape (n_fields, n_currents)
        Final state of each run, one of :data:`RUN_STATES`.
    duration : float
        Length of every run in s.
    tilt : float
        Initial tilt from ``+-p`` in rad.

    Examples
    --------
    A field of half ``H_k,eff`` along ``p`` halves the current that switches AP to P:

    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_40nm")
    >>> diagram = switching_phase_diagram(cell, cell.Jc0() * np.array([0.0, 0.75]), [0.0, 0.5 * cell.free.Hk_eff])
    >>> diagram.labels().tolist()
    [['bistable', 'bistable'], ['bistable', 'P']]
    >>> diagram.run_from_AP.tolist(), round(diagram.duration / cell.free.relaxation_time)
    ([['AP', 'AP'], ['AP', 'P']], 200)
    """

    currents: np.ndarray
    fields: np.ndarray
    state: np.ndarray
    names: tuple
    mp_from_P: np.ndarray
    mp_from_AP: np.ndarray
    run_from_P: np.ndarray
    run_from_AP: np.ndarray
    duration: float
    tilt: float

    def labels(self):
        """The state names as a str array, shape (n_fields, n_currents)."""
        return np.asarray(self.names, dtype=object)[self.state].astype(str)


def switching_phase_diagram(junction, currents, fields, *, duration=None, tilt_deg=2.0, threshold=0.9,
                            steady_tol=0.01, method="rk45", rtol=1e-6, atol=1e-9, max_step=None, dt=1e-12):
    """Map the zero-temperature final state over a grid of currents and fields.

    Each grid point is run from ``+p`` and from ``-p`` (both tilted by
    ``tilt_deg`` towards an axis perpendicular to ``p``). A run ends in

    - ``"P"`` if the final ``m.p > threshold``, ``"AP"`` if ``m.p < -threshold``,
      provided the tilt did not grow beyond the start (or is shrinking);
    - otherwise ``"precessing"`` if ``m.p`` is steady (mean over the last 10 %
      of the run differs from that over the 10 % before by less than
      ``steady_tol``: a stable orbit), else ``"unsettled"`` (still moving:
      lengthen ``duration``).

    The default ``threshold = 0.9`` (25.8 degrees from the axis) is far from
    the start (``cos 2 deg = 0.9994``) and from the equator, so a run that
    stays put and one that has switched cannot be confused. Inside it, a run
    whose tilt grew beyond the start and then held is a narrow precession cone
    (``"precessing"``), not P or AP. The point's state is ``"P"``
    (both runs end in P), ``"AP"`` (both in AP), ``"bistable"`` (each stays
    where it started), ``"precessional"`` (at least one run precesses),
    ``"reversed"`` (both swap; not expected for a macrospin) or
    ``"unsettled"`` (a run had not settled).

    Near a threshold the tilt grows as ``exp((J / J_c - 1) t / tau)``, so a
    finite run resolves the boundary only to the current whose switching time
    (``PHYSICS.md`` case 5) equals ``duration``. The default
    ``duration = 200 tau`` with ``tau`` the free layer's
    :attr:`~sttlab.params.Magnet.relaxation_time` switches
    a 2-degree start at ``1.01 J_c0`` (equator reached at about ``145 tau``),
    so zero-field boundaries come out within about 1 %.

    Parameters
    ----------
    junction : Junction
        Polarizer along the free layer's easy axis (a perpendicular macrospin).
    currents : array_like, shape (n_currents,)
        Current densities in A/m^2 (finite, non-empty; > 0 favours P).
    fields : array_like, shape (n_fields,)
        Applied field component along ``p`` in A/m (finite, non-empty).
    duration : float or None, optional
        Length of each run in s; default ``200 tau``.
    tilt_deg : float, optional
        Initial tilt from ``+-p`` in degrees, in (0, 45). Default 2.
    threshold : float, optional
        ``|m.p|`` above which a run counts as P or AP, in (0, 1). Default 0.9.
    steady_tol : float, optional
        Largest drift of the mean ``m.p`` that still counts as a steady orbit (> 0).
    method, rtol, atol, dt : optional
        Passed to :func:`sttlab.simulate`.
    max_step : float or None, optional
        RK45 largest step in s; default a tenth of the precession period at
        ``H_k,eff + max|field|``.

    Returns
    -------
    PhaseDiagram

    Raises
    ------
    TypeError
        If ``junction`` is not a :class:`~sttlab.params.Junction`.
    ValueError
        On empty or non-finite grids, a polarizer off the easy axis, or
        parameters out of range.

    Examples
    --------
    A field of ``-H_k,eff / 2`` (against ``p``) moves the AP -> P boundary to
    ``J_c0 (1 - H / H_k,eff) = 1.5 J_c0``:

    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_40nm")
    >>> diagram = switching_phase_diagram(cell, cell.Jc0() * np.array([1.4, 1.6]), [-0.5 * cell.free.Hk_eff])
    >>> diagram.labels().tolist()
    [['bistable', 'P']]
    """
    if not isinstance(junction, Junction):
        raise TypeError(f"junction must be a Junction, got {junction!r}")
    p = np.asarray(junction.polarizer)
    if abs(abs(float(p @ np.asarray(junction.free.easy_axis))) - 1.0) > 1e-12:
        raise ValueError(f"polarizer must lie along the easy axis for a collinear phase diagram; "
                         f"polarizer={junction.polarizer}, easy_axis={junction.free.easy_axis}")
    currents = _grid("currents", currents)
    fields = _grid("fields", fields)
    tau = junction.free.relaxation_time
    duration = 200.0 * tau if duration is None else check.positive("duration", duration, "s")
    tilt = math.radians(check.in_range("tilt_deg", tilt_deg, 0.0, 45.0, low_open=True, high_open=True))
    threshold = check.in_range("threshold", threshold, 0.0, 1.0, low_open=True, high_open=True)
    steady_tol = check.positive("steady_tol", steady_tol)
    if max_step is None:
        omega = gamma * mu0 * (junction.free.Hk_eff + float(np.max(np.abs(fields))))
        max_step = 0.1 * 2.0 * math.pi / omega
    perp = np.cross(p, [1.0, 0.0, 0.0] if abs(p[0]) < 0.9 else [0.0, 1.0, 0.0])
    perp /= np.linalg.norm(perp)
    starts = {s: s * math.cos(tilt) * p + math.sin(tilt) * perp for s in (1.0, -1.0)}

    shape = (fields.size, currents.size)
    state = np.empty(shape, dtype=np.intp)
    mp = {s: np.empty(shape) for s in starts}
    runs = {s: np.empty(shape, dtype=object) for s in starts}
    for i, H in enumerate(fields):
        for k, J in enumerate(currents):
            for s, m0 in starts.items():
                traj = simulate(junction, m0, duration, current_density=float(J), field=tuple(H * p),
                                method=method, dt=dt, rtol=rtol, atol=atol, max_step=max_step)
                proj = traj.m @ p
                mp[s][i, k] = proj[-1]
                runs[s][i, k] = _classify_run(traj.t, proj, threshold, steady_tol)
            state[i, k] = STATES.index(_combine(runs[1.0][i, k], runs[-1.0][i, k]))
    return PhaseDiagram(currents, fields, state, STATES, mp[1.0], mp[-1.0],
                        runs[1.0].astype(str), runs[-1.0].astype(str), duration, tilt)


def _classify_run(t, proj, threshold, steady_tol):
    """P / AP / precessing / unsettled from the projection ``m.p`` along a run.

    A run is in a well (P or AP) when it ends within ``threshold`` of the axis
    and is no farther from it than it started, or is still closing in on it (a
    run that switched late). A run whose tilt grew and then held is a steady
    precession cone, even a narrow one.
    """
    # resample the last 20 % uniformly in time (adaptive steps are uneven), compare the two halves
    window = np.interp(np.linspace(0.8 * t[-1], t[-1], 401), t, proj)
    drift = window[200:].mean() - window[:201].mean()
    end = proj[-1]
    closing_in = math.copysign(1.0, end) * drift > 0.1 * steady_tol
    if abs(end) > threshold and (abs(end) >= abs(proj[0]) or closing_in):
        return "P" if end > 0 else "AP"
    return "precessing" if abs(drift) < steady_tol else "unsettled"


def _combine(from_P, from_AP):
    if "precessing" in (from_P, from_AP):
        return "precessional"
    return _COMBINE.get((from_P, from_AP), "unsettled")


def _grid(name, values):
    """A non-empty, finite, 1-D float array, or raise naming ``name``."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a 1-D array of real numbers, got {values!r}") from None
    if array.ndim == 0:
        array = array[None]
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array, got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite, got {values!r}")
    return array
