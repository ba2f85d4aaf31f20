"""The Landau-Lifshitz-Gilbert equation with spin-transfer torque, for one macrospin.

The Gilbert form (``PHYSICS.md``)

.. math::

    \\dot m = -\\gamma\\mu_0\\, m\\times H_{\\rm eff} + \\alpha\\, m\\times\\dot m
              - \\gamma\\mu_0 H_{\\rm DL}\\, m\\times(m\\times p) - \\gamma\\mu_0 H_{\\rm FL}\\, m\\times p

is integrated in its explicit Landau-Lifshitz form. Writing both spin torques
as effective fields, ``H_tot = H_eff + H_DL (m x p) + H_FL p``, the Gilbert
equation becomes exactly (Gilbert, IEEE Trans. Magn. 40, 3443 (2004))

.. math::

    \\dot m = -\\frac{\\gamma\\mu_0}{1+\\alpha^2}
              \\left[m\\times H_{\\rm tot} + \\alpha\\, m\\times(m\\times H_{\\rm tot})\\right],

which keeps the damping mixing of both torques right. The damping-like
amplitude is ``H_DL = (hbar / 2e) eta(m.p) J / (mu0 Ms t)`` and the
field-like one ``H_FL = xi H_DL`` (Slonczewski 1996; :mod:`sttlab.efficiency`).

The kernels here are private and work on scalars and a packed float64
parameter vector (layout below), so the deterministic, stochastic and
ensemble solvers share one right-hand side. The public functions take
:class:`~sttlab.params.Junction`/:class:`~sttlab.params.Magnet` objects.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import _validate as check
from ._numba import jit
from .constants import gamma, mu0
from .efficiency import _eta, efficiency_coefficients
from .params import Junction, Magnet

# Layout of the packed parameter vector ``par`` read by the kernels.
_ALPHA = 0  # Gilbert damping
_GLL = 1  # gamma mu0 / (1 + alpha^2), m/(A s)
_HK = 2  # 2 K / (mu0 Ms), A/m, for an easy axis off the principal axes (else 0)
_U = 3  # easy axis, 3 slots
_D = 6  # diagonal stiffness Ms N - (2K / mu0 Ms) u u (axis-aligned u), A/m, 3 slots
_H0 = 9  # static applied field, A/m, 3 slots
_H1 = 12  # field-pulse amplitude vector, A/m, 3 slots
_HWAVE = 15  # field-pulse envelope (start, rise, plateau, fall), s, 4 slots
_J = 19  # current-density amplitude, A/m^2
_JWAVE = 20  # current envelope, 4 slots
_P = 24  # polarizer, 3 slots
_AJ = 27  # hbar / (2 e mu0 Ms t): H_DL per (eta J), m
_ETA = 28  # efficiency coefficients A, B, C, 3 slots
_XI = 31  # field-like ratio
_PAR_SIZE = 32  # _as_tuple lists every slot

# A drive that is on for all time: envelope (start, rise, plateau, fall).
_ALWAYS = (-math.inf, 0.0, math.inf, 0.0)
_NEVER = (math.inf, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Pulse:
    """A trapezoidal pulse of current density or field.

    The envelope rises linearly from 0 at ``start`` to 1 over ``rise``, stays
    at 1, and falls linearly to 0 over ``fall``; ``width`` is the full width
    at half maximum, the pulse width experiments quote, so the plateau lasts
    ``width - (rise + fall) / 2``.

    Parameters
    ----------
    amplitude : float or array_like
        Peak value: a current density in A/m^2, or a field 3-vector in A/m.
    width : float
        Full width at half maximum in s (> 0).
    start : float, optional
        Time at which the rise begins, in s.
    rise, fall : float, optional
        Linear rise and fall times in s (>= 0, ``(rise + fall) / 2 <= width``).

    Examples
    --------
    >>> p = Pulse(1e11, width=2e-9, rise=100e-12, fall=100e-12)
    >>> [float(x) for x in p.envelope([0.0, 50e-12, 1e-9, 3e-9])]
    [0.0, 0.5, 1.0, 0.0]
    """

    amplitude: float | tuple
    width: float
    start: float = 0.0
    rise: float = 0.0
    fall: float = 0.0

    def __post_init__(self):
        amp = np.asarray(self.amplitude, dtype=float) if not np.isscalar(self.amplitude) else self.amplitude
        if np.ndim(amp) == 0:
            amp = check.real("amplitude", amp)
        else:
            amp = tuple(check.vector3("amplitude", amp))
        object.__setattr__(self, "amplitude", amp)
        object.__setattr__(self, "width", check.positive("width", self.width, "s"))
        object.__setattr__(self, "start", check.real("start", self.start))
        object.__setattr__(self, "rise", check.non_negative("rise", self.rise, "s"))
        object.__setattr__(self, "fall", check.non_negative("fall", self.fall, "s"))
        if 0.5 * (self.rise + self.fall) > self.width:
            raise ValueError(
                f"width must be >= (rise + fall) / 2 = {0.5 * (self.rise + self.fall)!r} s, got {self.width!r}"
            )

    @property
    def wave(self):
        """The envelope as ``(start, rise, plateau, fall)`` in s (kernel form)."""
        return (self.start, self.rise, self.width - 0.5 * (self.rise + self.fall), self.fall)

    @property
    def end(self):
        """Time at which the envelope is back to zero, in s."""
        start, rise, plateau, fall = self.wave
        return start + rise + plateau + fall

    def envelope(self, t):
        """The envelope (0 to 1) at times ``t`` in s."""
        t = np.asarray(t, dtype=float)
        return _envelope_array(np.atleast_1d(t).ravel(), *self.wave).reshape(t.shape)


@jit(inline="always")
def _envelope(t, start, rise, plateau, fall):
    s = t - start
    if s < 0.0:
        return 0.0
    if s < rise:
        return s / rise
    s -= rise
    if s <= plateau:
        return 1.0
    s -= plateau
    if s < fall:
        return 1.0 - s / fall
    return 0.0


@jit
def _envelope_array(t, start, rise, plateau, fall):
    out = np.empty_like(t)
    for i in range(t.size):
        out[i] = _envelope(t[i], start, rise, plateau, fall)
    return out


@jit(inline="always")
def _field(mx, my, mz, t, par):
    """Total effective field ``H_eff + H_DL m x p + H_FL p`` in A/m at time ``t``.

    Demagnetization ``-Ms N m`` and uniaxial anisotropy ``(2K / mu0 Ms)(m.u) u``
    along a principal axis are both diagonal in m and come in as one
    diagonal stiffness ``-D m``; an oblique easy axis adds its own term.
    What depends only on t (applied fields, the field-like term, and with a
    constant efficiency ``q = H_DL p``) is summed first, so the m-dependent
    part is a short chain: ``h = b - D m + m x q``.
    """
    bx, by, bz = par[_H0], par[_H0 + 1], par[_H0 + 2]
    pulse = _envelope(t, par[_HWAVE], par[_HWAVE + 1], par[_HWAVE + 2], par[_HWAVE + 3])
    if pulse != 0.0:
        bx += pulse * par[_H1]
        by += pulse * par[_H1 + 1]
        bz += pulse * par[_H1 + 2]
    qx = qy = qz = 0.0
    current = par[_J] * _envelope(t, par[_JWAVE], par[_JWAVE + 1], par[_JWAVE + 2], par[_JWAVE + 3])
    if current != 0.0:
        px, py, pz = par[_P], par[_P + 1], par[_P + 2]
        A, B, C = par[_ETA], par[_ETA + 1], par[_ETA + 2]
        # the constant model is (A, B, C) = (P, 1, 0): no m.p and no division needed
        eta = A if C == 0.0 else _eta(mx * px + my * py + mz * pz, A, B, C)
        h_dl = par[_AJ] * current * eta
        h_fl = par[_XI] * h_dl
        bx += h_fl * px
        by += h_fl * py
        bz += h_fl * pz
        qx, qy, qz = h_dl * px, h_dl * py, h_dl * pz
    hx = (bx - par[_D] * mx) + (my * qz - mz * qy)
    hy = (by - par[_D + 1] * my) + (mz * qx - mx * qz)
    hz = (bz - par[_D + 2] * mz) + (mx * qy - my * qx)
    if par[_HK] != 0.0:
        ux, uy, uz = par[_U], par[_U + 1], par[_U + 2]
        hk = par[_HK] * (mx * ux + my * uy + mz * uz)
        hx += hk * ux
        hy += hk * uy
        hz += hk * uz
    return hx, hy, hz


@jit(inline="always")
def _landau_lifshitz(mx, my, mz, hx, hy, hz, par):
    """``-(gamma mu0 / (1 + alpha^2)) [m x h + alpha m x (m x h)]`` in 1/s.

    Written as ``A(m) h`` with ``m x (m x h) = m (m.h) - |m|^2 h`` (exact for
    any m), so the matrix ``A(m)`` is built while ``h`` is still being
    computed: the integrators are bound by this latency, not by arithmetic.
    """
    g = -par[_GLL]
    ga = g * par[_ALPHA]
    xx, yy, zz = mx * mx, my * my, mz * mz
    xy, xz, yz = ga * mx * my, ga * mx * mz, ga * my * mz
    gx, gy, gz = g * mx, g * my, g * mz
    return (
        -ga * (yy + zz) * hx + (xy - gz) * hy + (xz + gy) * hz,
        (xy + gz) * hx - ga * (xx + zz) * hy + (yz - gx) * hz,
        (xz - gy) * hx + (yz + gx) * hy - ga * (xx + yy) * hz,
    )


@jit(inline="always")
def _as_tuple(par):
    """The parameter vector as a tuple: its entries become SSA values that LLVM
    hoists out of the integration loops (array loads it cannot, since the
    output arrays might alias ``par``). This alone makes RK4 ~1.5x faster."""
    return (
        par[0], par[1], par[2], par[3], par[4], par[5], par[6], par[7],
        par[8], par[9], par[10], par[11], par[12], par[13], par[14], par[15],
        par[16], par[17], par[18], par[19], par[20], par[21], par[22], par[23],
        par[24], par[25], par[26], par[27], par[28], par[29], par[30], par[31],
    )


@jit(inline="always")
def _normalize(mx, my, mz):
    """Project back onto |m| = 1 after a step.

    A step changes ``|m|^2 = 1 + d`` by ``d ~ 1e-12``; one Newton step for
    ``1/sqrt(1 + d)``, ``1 - d/2``, is then exact to double precision
    (error ``3 d^2 / 8``) and avoids a square root and a division on the
    integrators' critical path. Larger ``d`` takes the exact branch.
    """
    d = (mx * mx + my * my) + (mz * mz - 1.0)
    inv = 1.0 - 0.5 * d if abs(d) < 1e-6 else 1.0 / math.sqrt(1.0 + d)
    return mx * inv, my * inv, mz * inv


@jit(inline="always")
def _rhs(mx, my, mz, t, par):
    hx, hy, hz = _field(mx, my, mz, t, par)
    return _landau_lifshitz(mx, my, mz, hx, hy, hz, par)


@jit
def _rhs_array(m, t, par_array):
    par = _as_tuple(par_array)
    out = np.empty_like(m)
    for i in range(m.shape[0]):
        out[i, 0], out[i, 1], out[i, 2] = _rhs(m[i, 0], m[i, 1], m[i, 2], t[i], par)
    return out


@jit
def _field_array(m, t, par_array):
    par = _as_tuple(par_array)
    out = np.empty_like(m)
    for i in range(m.shape[0]):
        out[i, 0], out[i, 1], out[i, 2] = _field(m[i, 0], m[i, 1], m[i, 2], t[i], par)
    return out


def pack(system, *, field=(0.0, 0.0, 0.0), field_pulse=None, current_density=0.0):
    """The kernels' parameter vector for a system and its drives (validated).

    Parameters
    ----------
    system : Junction or Magnet
        A :class:`~sttlab.params.Magnet` alone has no spin-transfer torque.
    field : array_like, optional
        Static applied field in A/m.
    field_pulse : Pulse or None, optional
        A field pulse whose amplitude is a 3-vector in A/m, added to ``field``.
    current_density : float or Pulse, optional
        Constant current density in A/m^2, or a :class:`Pulse` of it. Needs a Junction
        when non-zero.

    Returns
    -------
    ndarray, shape (32,)
        SI values (A/m, s, A/m^2, m) in the kernels' fixed slots.

    Examples
    --------
    >>> from sttlab import preset
    >>> pack(preset("cofeb_mgo_40nm"), current_density=1e11).shape
    (32,)
    """
    if isinstance(system, Junction):
        free = system.free
    elif isinstance(system, Magnet):
        free = system
    else:
        raise TypeError(f"system must be a Junction or a Magnet, got {system!r}")
    par = np.zeros(_PAR_SIZE)
    par[_ALPHA] = free.alpha
    par[_GLL] = gamma * mu0 / (1.0 + free.alpha**2)
    u = np.asarray(free.easy_axis)
    hk = 2.0 * free.K / (mu0 * free.Ms)
    par[_U : _U + 3] = u
    par[_D : _D + 3] = free.Ms * np.asarray(free.demag)
    if np.count_nonzero(u) == 1:
        par[_D : _D + 3] -= hk * u * u
    else:
        par[_HK] = hk
    par[_H0 : _H0 + 3] = check.vector3("field", field)
    par[_HWAVE : _HWAVE + 4] = _NEVER
    if field_pulse is not None:
        if not isinstance(field_pulse, Pulse) or np.ndim(field_pulse.amplitude) != 1:
            raise TypeError(f"field_pulse must be a Pulse with a 3-vector amplitude (A/m), got {field_pulse!r}")
        par[_H1 : _H1 + 3] = field_pulse.amplitude
        par[_HWAVE : _HWAVE + 4] = field_pulse.wave
    if isinstance(current_density, Pulse):
        if np.ndim(current_density.amplitude) != 0:
            raise TypeError(f"current_density pulse must have a scalar amplitude (A/m^2), got {current_density!r}")
        par[_J] = current_density.amplitude
        par[_JWAVE : _JWAVE + 4] = current_density.wave
    else:
        par[_J] = check.real("current_density", current_density)
        par[_JWAVE : _JWAVE + 4] = _ALWAYS
    if par[_J] != 0.0 and not isinstance(system, Junction):
        raise ValueError("current_density must be 0 for a Magnet: spin-transfer torque needs a Junction")
    if isinstance(system, Junction):
        par[_P : _P + 3] = system.polarizer
        par[_AJ] = system.stt_field_per_current()
        par[_ETA : _ETA + 3] = efficiency_coefficients(system.efficiency, system.P, system.Lambda)
        par[_XI] = system.field_like
    return par


def field_scale(par):
    """An upper bound of ``|H_tot|`` in A/m over all m and t for a packed parameter vector.

    Sets the fastest precession ``gamma mu0 |H|`` a solver must resolve.

    Examples
    --------
    A perpendicular film alone: the largest field is its anisotropy field at ``m = +-z``.

    >>> from sttlab import preset
    >>> round(mu0 * field_scale(pack(preset("cofeb_mgo_40nm").free)), 3)  # T
    0.184
    """
    A, B, C = par[_ETA : _ETA + 3]
    eta_max = abs(A) / (B - abs(C)) if par[_AJ] else 0.0
    return float(
        np.linalg.norm(par[_H0 : _H0 + 3])
        + np.linalg.norm(par[_H1 : _H1 + 3])
        + np.abs(par[_D : _D + 3]).max()
        + abs(par[_HK])
        + abs(par[_J]) * par[_AJ] * eta_max * (1.0 + abs(par[_XI]))
    )


def _unit_rows(name, m):
    m = np.asarray(m, dtype=float)
    if m.shape[-1:] != (3,) or not np.all(np.isfinite(m)):
        raise ValueError(f"{name} must be finite unit vectors of shape (..., 3), got shape {m.shape}")
    if np.any(np.abs(np.einsum("...i,...i", m, m) - 1.0) > 1e-6):
        raise ValueError(f"{name} must have unit length (|m| = 1 within 1e-6)")
    return m


def _times(t, shape):
    return np.broadcast_to(np.asarray(t, dtype=float), shape).astype(float).ravel()


def effective_field(system, m, t=0.0, **drives):
    """Total effective field ``H_eff + H_DL m x p + H_FL p`` in A/m.

    Parameters
    ----------
    system : Junction or Magnet
    m : array_like, shape (..., 3)
        Unit magnetization direction(s).
    t : float or array_like, optional
        Time(s) in s, broadcast against ``m[..., 0]`` (for pulses).
    **drives
        ``field``, ``field_pulse``, ``current_density`` as in :func:`pack`.

    Returns
    -------
    ndarray, shape (..., 3)
        Field in A/m.

    Examples
    --------
    At ``m = z`` a perpendicular film feels its effective anisotropy field, along z:

    >>> from sttlab import preset
    >>> H = effective_field(preset("cofeb_mgo_40nm").free, [0.0, 0.0, 1.0])
    >>> [round(float(mu0 * h), 3) for h in H]  # T
    [0.0, 0.0, 0.184]
    """
    par = pack(system, **drives)
    m = _unit_rows("m", m)
    flat = m.reshape(-1, 3)
    return _field_array(flat, _times(t, m.shape[:-1]), par).reshape(m.shape)


def torque(system, m, t=0.0, **drives):
    """Right-hand side ``dm/dt`` of the LLG equation with spin-transfer torque, in 1/s.

    Parameters and shapes as in :func:`effective_field`.

    Examples
    --------
    Larmor precession: in a field along z, ``|dm/dt| = gamma mu0 H sin(theta)``.

    >>> from sttlab import Magnet, Cylinder
    >>> from sttlab.constants import gamma, mu0
    >>> free = Magnet(Ms=1e6, geometry=Cylinder(40e-9, 1e-9), alpha=1e-9, demag=(0, 0, 0))
    >>> dm = torque(free, [1.0, 0.0, 0.0], field=(0, 0, 1e5))
    >>> bool(abs(dm[1] / (gamma * mu0 * 1e5) - 1) < 1e-12)
    True
    """
    par = pack(system, **drives)
    m = _unit_rows("m", m)
    flat = m.reshape(-1, 3)
    return _rhs_array(flat, _times(t, m.shape[:-1]), par).reshape(m.shape)


def larmor_solution(t, field_T, alpha, theta0_deg):
    """Exact solution of the LLG equation for a macrospin in a static field along z.

    With no anisotropy and no demagnetization, ``m`` precesses about z at the
    angular frequency ``omega / (1 + alpha^2)`` and relaxes towards z as

    .. math::

        \\tan\\frac{\\theta(t)}{2} = \\tan\\frac{\\theta_0}{2}\\,
            \\exp\\!\\left(-\\frac{\\alpha\\,\\omega\\, t}{1+\\alpha^2}\\right),
        \\qquad \\varphi(t) = \\frac{\\omega\\, t}{1+\\alpha^2},
        \\qquad \\omega = \\gamma\\mu_0 H,

    starting from ``m(0) = (sin theta0, 0, cos theta0)`` (Landau & Lifshitz 1935;
    Gilbert, IEEE Trans. Magn. 40, 3443 (2004)). ``PHYSICS.md`` reference case 1.

    Parameters
    ----------
    t : array_like
        Times in s.
    field_T : float
        Applied field ``mu0 H`` along +z in T (> 0).
    alpha : float
        Gilbert damping (>= 0).
    theta0_deg : float
        Initial polar angle in degrees, in [0, 180).

    Returns
    -------
    ndarray, shape (..., 3)
        ``m(t)``.

    Examples
    --------
    >>> import numpy as np
    >>> m = larmor_solution([0.0, 1e-9], field_T=0.1, alpha=0.0, theta0_deg=90.0)
    >>> bool(np.allclose(m[0], [1, 0, 0]))
    True
    """
    field_T = check.positive("field_T", field_T, "T")
    alpha = check.non_negative("alpha", alpha)
    theta0 = math.radians(check.in_range("theta0_deg", theta0_deg, 0.0, 180.0, high_open=True))
    t = np.asarray(t, dtype=float)
    omega = gamma * field_T
    theta = 2.0 * np.arctan(math.tan(0.5 * theta0) * np.exp(-alpha * omega * t / (1.0 + alpha**2)))
    phi = omega * t / (1.0 + alpha**2)
    return np.stack([np.sin(theta) * np.cos(phi), np.sin(theta) * np.sin(phi), np.cos(theta)], axis=-1)


def energy(system, m, field=(0.0, 0.0, 0.0)):
    """Magnetic energy of the macrospin in J: Zeeman + anisotropy + demagnetization.

    ``E = V [-mu0 Ms m.H - K (m.u)^2 + (mu0 Ms^2 / 2) m.N m]``
    (:class:`~sttlab.params.Magnet`). Spin-transfer torque is not
    conservative and has no energy.

    Parameters
    ----------
    system : Junction or Magnet
    m : array_like, shape (..., 3)
        Unit magnetization direction(s).
    field : array_like, shape (3,) or (..., 3)
        Applied field in A/m, broadcast against ``m``.

    Returns
    -------
    float or ndarray, shape (...)
        Energy in J.

    Examples
    --------
    The energy at the equator minus that at the pole is the barrier ``K_eff V``:

    >>> from sttlab import preset
    >>> free = preset("cofeb_mgo_40nm").free
    >>> E = energy(free, [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
    >>> bool(abs((E[1] - E[0]) / free.barrier - 1) < 1e-12)
    True
    """
    free = system.free if isinstance(system, Junction) else system
    if not isinstance(free, Magnet):
        raise TypeError(f"system must be a Junction or a Magnet, got {system!r}")
    m = _unit_rows("m", m)
    H = np.asarray(field, dtype=float)
    if H.shape[-1:] != (3,) or not np.all(np.isfinite(H)):
        raise ValueError(f"field must be finite 3-vectors in A/m, got shape {H.shape}")
    mu = m @ np.asarray(free.easy_axis)
    density = (
        -mu0 * free.Ms * np.sum(m * H, axis=-1)
        - free.K * mu**2
        + 0.5 * mu0 * free.Ms**2 * (m**2 @ np.asarray(free.demag))
    )
    return density * free.volume
