"""Angular dependence of the spin-transfer-torque efficiency ``eta(m.p)``.

In this package the damping-like torque is written as an effective field
``H_DL = (hbar / 2e) eta J / (mu0 Ms t)`` (``PHYSICS.md``), so ``eta`` is the
angular momentum delivered per electron in units of ``hbar / 2``. All three
models are of the form

.. math::

    \\eta(\\cos\\theta) = \\frac{A}{B + C\\cos\\theta}, \\qquad \\cos\\theta = m\\cdot p,

which is how the kernels evaluate them:

``"constant"``
    ``eta = P`` (``A = P, B = 1, C = 0``).
``"slonczewski1996"``
    Slonczewski, J. Magn. Magn. Mater. 159, L1 (1996), eq. (14):
    ``g = [-4 + (1+P)^3 (3 + cos theta) / (4 P^{3/2})]^{-1}``; his torque is
    ``hbar J g / e`` where ours is ``hbar J eta / 2e``, so ``eta = 2 g``
    (``A = 2, B = 3c - 4, C = c`` with ``c = (1+P)^3 / (4 P^{3/2})``).
    It diverges at ``theta = pi`` for ``P -> 1``, so ``P < 1`` is required.
``"slonczewski2002"``
    Slonczewski, J. Magn. Magn. Mater. 247, 324 (2002), the form used by
    OOMMF and mumax3: ``eps = P Lambda^2 / ((Lambda^2 + 1) + (Lambda^2 - 1) cos theta)``,
    and mumax3's prefactor ``hbar J / (e Ms d)`` makes ``eta = 2 eps``
    (``A = 2 P Lambda^2, B = Lambda^2 + 1, C = Lambda^2 - 1``); ``Lambda = 1``
    gives ``eta = P``.

Examples
--------
>>> from sttlab.efficiency import spin_torque_efficiency
>>> float(spin_torque_efficiency(-1.0, "slonczewski2002", P=0.5, Lambda=1.0))
0.5
>>> float(spin_torque_efficiency(-1.0, "slonczewski2002", P=0.5, Lambda=2.0))  # larger at AP
2.0
"""

import numpy as np

from . import _validate as check
from ._numba import jit

#: Spin-torque efficiency models, in the order of their integer codes.
EFFICIENCY_MODELS = ("constant", "slonczewski1996", "slonczewski2002")


def efficiency_coefficients(model, P, Lambda=1.0):
    """Coefficients ``(A, B, C)`` of ``eta = A / (B + C cos theta)``; see the module notes.

    Parameters
    ----------
    model : {"constant", "slonczewski1996", "slonczewski2002"}
    P : float
        Spin polarization in (0, 1] (``slonczewski1996`` needs P < 1).
    Lambda : float, optional
        Slonczewski's 2002 asymmetry parameter (> 0).

    Returns
    -------
    tuple of float
        ``(A, B, C)``, dimensionless.

    Examples
    --------
    >>> efficiency_coefficients("slonczewski2002", P=0.5, Lambda=2.0)  # 2 P Lambda^2, Lambda^2 +- 1
    (4.0, 5.0, 3.0)
    """
    check.choice("model", model, EFFICIENCY_MODELS)
    P = check.in_range("P", P, 0.0, 1.0, low_open=True)
    Lambda = check.positive("Lambda", Lambda)
    if model == "constant":
        return P, 1.0, 0.0
    if model == "slonczewski1996":
        if P >= 1.0:
            raise ValueError(f"P must be < 1 for the slonczewski1996 model (it diverges at theta = pi), got {P!r}")
        c = (1.0 + P) ** 3 / (4.0 * P**1.5)
        return 2.0, 3.0 * c - 4.0, c
    L2 = Lambda * Lambda
    return 2.0 * P * L2, L2 + 1.0, L2 - 1.0


@jit(inline="always")
def _eta(cos, A, B, C):
    return A / (B + C * cos)


def spin_torque_efficiency(cos_theta, model, P, Lambda=1.0):
    """Spin-torque efficiency ``eta`` at ``cos theta = m.p``.

    Parameters
    ----------
    cos_theta : float or array_like
        Cosine of the angle between free-layer magnetization and polarizer, in [-1, 1].
    model : {"constant", "slonczewski1996", "slonczewski2002"}
        See the module notes for formulas and sources.
    P : float
        Spin polarization in (0, 1].
    Lambda : float, optional
        Slonczewski's 2002 asymmetry parameter (> 0).

    Returns
    -------
    float or ndarray
        ``eta`` (dimensionless), same shape as ``cos_theta``.

    Examples
    --------
    Slonczewski's 1996 efficiency at AP, perpendicular and P: the torque is
    strongest near AP, where a switching run starts.

    >>> eta = spin_torque_efficiency([-1.0, 0.0, 1.0], "slonczewski1996", P=0.5)
    >>> [round(float(x), 3) for x in eta]
    [2.587, 0.633, 0.361]
    """
    A, B, C = efficiency_coefficients(model, P, Lambda)
    cos = np.asarray(cos_theta, dtype=float)
    if not np.all(np.isfinite(cos)) or np.any(np.abs(cos) > 1.0):
        raise ValueError(f"cos_theta must lie in [-1, 1], got {cos_theta!r}")
    return _eta(cos if cos.ndim else float(cos), A, B, C)
