"""Relaxation to an energy minimum: steepest descent with Barzilai-Borwein steps, or damped dynamics.

At a minimum the torque ``m x H_eff`` vanishes in every cell. Both methods
follow the tangential field ``g = -m x (m x H)`` (the negative energy
gradient on the unit sphere, up to the factor ``mu0 Ms V``) and stop when
``max |m x H| < torque_tol``.

``"descent"``
    ``m_(k+1) = normalize(m_k + tau_k g_k)`` with the Barzilai-Borwein step
    lengths ``tau = s.s / s.y`` and ``tau = s.y / y.y`` alternately
    (``s = m_k - m_(k-1)``, ``y = g_(k-1) - g_k``; Barzilai & Borwein, IMA J.
    Numer. Anal. 8, 141 (1988)), the scheme Exl et al. (J. Appl. Phys. 115,
    17D118 (2014)) showed to be fast for micromagnetics. One field evaluation
    per iteration; the energy need not fall at every step, only overall.
``"damping"``
    The Landau-Lifshitz equation without precession and with ``alpha = 1``,
    ``dm/dt = -(gamma mu0 / 2) m x (m x H)``, by adaptive Dormand-Prince
    steps: the energy falls monotonically (slowly for soft modes).
"""

from __future__ import annotations

import numpy as np

from .. import _validate as check
from ..constants import gamma, mu0
from . import _kernels as kern
from ._model import _Model
from .results import Relaxed
from .sample import Sample
from .solver import _dormand_prince

METHODS = ("descent", "damping")
#: Default torque tolerance as a fraction of the largest Ms: ``max |m x H| < 1e-7 Ms``.
TORQUE_TOL = 1e-7
_FIRST_ROTATION = 1e-2  # rad, the length of the first descent step


def relax(sample, m0, *, field=(0.0, 0.0, 0.0), method="descent", torque_tol=None, max_iterations=100_000,
          max_time=50e-9, tol=None):
    """Relax ``m0`` to a nearby energy minimum of ``sample`` in the static ``field``.

    Parameters
    ----------
    sample : Sample
        Spin-transfer torque is off during relaxation.
    m0 : ndarray, shape ``(3, nx, ny, nz)``
        Initial unit magnetization.
    field : array_like, shape (3,), optional
        Static applied field in A/m.
    method : {"descent", "damping"}, optional
    torque_tol : float, optional
        Stop when the largest ``|m x H_eff|`` is below this, in A/m. Default
        ``1e-7`` times the largest ``Ms``.
    max_iterations : int, optional
        ``"descent"``: the most iterations.
    max_time : float, optional
        ``"damping"``: the longest (precession-free) dynamics in s.
    tol : float, optional
        ``"damping"``: the local error per step of the Dormand-Prince integrator;
        default ``0.1 torque_tol / H_max`` with ``H_max`` the largest field the
        sample can have (a step's error ``dm`` adds a torque up to ``H_max dm``).

    Returns
    -------
    Relaxed
        ``converged`` says whether the tolerance was met.

    Examples
    --------
    A tilted cube of 2 x 2 x 2 cells relaxes onto its easy axis (to a slight
    "flower" state: the corner cells cant in the non-uniform demagnetizing field):

    >>> import numpy as np
    >>> from sttlab.micromag import Mesh, Sample, relax
    >>> sample = Sample(Mesh((2, 2, 2), (2e-9, 2e-9, 2e-9)), Ms=8e5, A=1e-11, alpha=0.5, Ku=5e5)
    >>> state = relax(sample, sample.uniform((1, 0, 1)))
    >>> state.converged, round(float(state.m_avg[2]), 4)
    (True, 1.0)
    """
    if not isinstance(sample, Sample):
        raise TypeError(f"sample must be a Sample, got {sample!r}")
    m = sample.check_state(m0, "m0")
    check.choice("method", method, METHODS)
    torque_tol = TORQUE_TOL * float(sample.Ms_cells.max()) if torque_tol is None else \
        check.positive("torque_tol", torque_tol, "A/m")
    model = _Model(sample, field, precess=False)
    if method == "descent":
        if isinstance(max_iterations, bool) or not isinstance(max_iterations, (int, np.integer)) \
                or max_iterations < 1:
            raise ValueError(f"max_iterations must be an integer >= 1, got {max_iterations!r}")
        m, torque, iterations = _barzilai_borwein(model, m, torque_tol, int(max_iterations))
    else:
        max_time = check.positive("max_time", max_time, "s")
        if tol is None:
            tol = min(1e-4, 0.1 * torque_tol * gamma * mu0 / model.frequency_bound())
        tol = check.in_range("tol", tol, 1e-14, 1e-1, low_open=True)
        iterations, _, m = _dormand_prince(model, m, max_time, tol, max_time, np.empty(0), None, None, torque_tol)
        torque = model.rhs_at(0.0, m, np.empty_like(m))
    return Relaxed(m, m[:, sample.mask].mean(axis=1), float(torque), bool(torque < torque_tol), iterations,
                   model.evaluations, sample.energies(m, field))


def _barzilai_borwein(model, m, torque_tol, max_iterations):
    """Steepest descent with alternating Barzilai-Borwein steps; returns (m, torque, iterations)."""
    Ms = model.Ms_flat
    m = m.copy()
    g = np.empty_like(m)  # -(gamma mu0 / 2) m x (m x H): the descent direction in 1/s
    torque = model.rhs_at(0.0, m, g)
    speed = float(np.sqrt(np.sum(g * g, axis=0)).max())
    tau = _FIRST_ROTATION / speed if speed > 0.0 else 0.0
    new_m, new_g = np.empty_like(m), np.empty_like(m)
    iterations = 0
    while torque >= torque_tol and iterations < max_iterations:
        kern._descent(m.reshape(3, -1), g.reshape(3, -1), tau, Ms, new_m.reshape(3, -1))
        torque = model.rhs_at(0.0, new_m, new_g)
        flat = (x.reshape(3, -1) for x in (m, new_m, g, new_g))
        ss, sy, yy = kern._bb_products(*flat)
        iterations += 1
        if sy > 0.0:  # else the energy is not convex along s: keep the step length
            tau = ss / sy if iterations % 2 else sy / yy
        m, new_m = new_m, m
        g, new_g = new_g, g
    return m, torque, iterations
