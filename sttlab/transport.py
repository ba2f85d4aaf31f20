"""Spin-polarized transport: two-current model, spin current, spin diffusion.

* **Mott's two-current model** (Mott 1936; notation of Fert & Campbell 1968
  and Valet & Fert 1993): the polarization ``P`` (:func:`polarization`) and
  the CPP F/N/F stack as two spin channels in parallel
  (:func:`two_current_resistance`).
* **Spin current** ``J_s = P (hbar / 2e) J_c`` along the polarizer
  (:func:`spin_current_density`).
* **Spin diffusion** of the accumulation ``mu_s = mu_up - mu_down`` in a
  normal metal (Valet & Fert 1993),

  .. math::

      \\frac{\\partial \\mu_s}{\\partial t} = D \\frac{\\partial^2 \\mu_s}{\\partial x^2}
      - \\frac{\\mu_s}{\\tau_{sf}}, \\qquad \\lambda_{sf} = \\sqrt{D \\tau_{sf}},

  with ``mu_s(0)`` fixed: closed forms (:func:`spin_accumulation`), a
  finite-difference steady state (:func:`spin_diffusion_steady`) and a
  Crank-Nicolson transient (:func:`spin_diffusion_transient`). The equation is
  linear, so ``mu_s`` may be in any unit; the API says J (an energy).
* **Materials** (:func:`material`): cited spin-diffusion lengths and resistivities.
* **Across interfaces**: the Valet-Fert model of F/N stacks is in
  :mod:`sttlab.valet_fert`.

Examples
--------
>>> from sttlab import transport
>>> transport.polarization(3.0, 1.0)  # PHYSICS.md case 8
0.5
>>> lam = 350e-9
>>> round(float(transport.spin_accumulation(lam, 1.0, lam)), 6)  # exp(-1)
0.367879
>>> profile = transport.spin_diffusion_steady(10 * lam, lam, n=200)
>>> bool(abs(profile.mu_s[20] - 0.367879) < 1e-4)  # 20 points per lambda
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy.constants import m_e
from scipy.linalg import solve_banded

from . import _validate as check
from .constants import e, hbar

#: Far-boundary conditions of the diffusion problems, ``mu_s(L) = 0`` or ``d mu_s/dx (L) = 0``.
FAR_BOUNDARIES = ("absorbing", "reflecting")


# --------------------------------------------------------------------------- two-current model


def polarization(sigma_up, sigma_down):
    """Conductivity spin polarization of Mott's two-current model.

    .. math:: P = \\frac{\\sigma_\\uparrow - \\sigma_\\downarrow}{\\sigma_\\uparrow + \\sigma_\\downarrow}

    (Mott, Proc. R. Soc. A 153, 699 (1936); Fert & Campbell, Phys. Rev. Lett.
    21, 1190 (1968)).

    Parameters
    ----------
    sigma_up, sigma_down : float
        Spin-channel conductivities in S/m (>= 0, not both zero).

    Returns
    -------
    float
        ``P`` in [-1, 1].

    Examples
    --------
    >>> polarization(3.0e7, 1.0e7)  # sigma_up / sigma_down = 3 (PHYSICS.md case 8)
    0.5
    """
    up = check.non_negative("sigma_up", sigma_up, "S/m")
    down = check.non_negative("sigma_down", sigma_down, "S/m")
    if up + down == 0.0:
        raise ValueError("sigma_up and sigma_down must not both be 0 (no conducting channel)")
    return (up - down) / (up + down)


def polarization_from_resistivities(rho_up, rho_down):
    """``P`` from spin-channel resistivities, ``(rho_down - rho_up) / (rho_up + rho_down)``.

    The same quantity as :func:`polarization` with ``sigma = 1 / rho``; in
    Valet & Fert's notation ``rho_up,down = 2 rho* (1 -+ beta)`` it is the bulk
    spin asymmetry ``beta``.

    Parameters
    ----------
    rho_up, rho_down : float
        Spin-channel resistivities in Ohm m (> 0); the result lies in (-1, 1).

    Returns
    -------
    float
        ``P`` (dimensionless).

    Examples
    --------
    >>> polarization_from_resistivities(1.0e-7, 3.0e-7)  # majority channel three times better
    0.5
    """
    up = check.positive("rho_up", rho_up, "Ohm m")
    down = check.positive("rho_down", rho_down, "Ohm m")
    return (down - up) / (up + down)


@dataclass(frozen=True)
class TwoCurrent:
    """Parallel and antiparallel area-resistance products ``AR_P``, ``AR_AP`` in Ohm m^2.

    Examples
    --------
    >>> round(TwoCurrent(AR_P=1.0e-15, AR_AP=1.5e-15).gmr, 6)
    0.5
    """

    AR_P: float
    AR_AP: float

    @property
    def gmr(self):
        """GMR ratio ``(AR_AP - AR_P) / AR_P`` (dimensionless, "pessimistic" would divide by AR_AP)."""
        return (self.AR_AP - self.AR_P) / self.AR_P


def two_current_resistance(rho_F, beta, t_F, rho_N, t_N, t_F2=None):
    """CPP resistance of F/N/F per unit area, two spin channels in parallel, no spin accumulation.

    In Valet & Fert's notation (Phys. Rev. B 48, 7099 (1993), limit
    ``t << lambda_sf``) a ferromagnet's channels have ``rho_up,down =
    2 rho*_F (1 -+ beta)``, ``rho*_F = rho_F / (1 - beta^2)`` (the two in
    parallel give back ``rho_F``; up = majority, along the magnetization), the
    spacer's ``2 rho_N``. Layers are in series within a channel, channels in parallel:

    .. math::

        AR = \\frac{R_\\uparrow R_\\downarrow}{R_\\uparrow + R_\\downarrow}, \\qquad
        R_s = \\sum_{\\text{layers}} \\rho_{s}\\, t .

    In the antiparallel state the second ferromagnet's channels are swapped.
    For equal F layers this gives ``AR_AP - AR_P = (2 beta rho*_F t_F)^2 / AR_AP``
    (Bass & Pratt, J. Magn. Magn. Mater. 200, 274 (1999), the
    ``lambda_sf -> infinity`` two-current limit). Interface resistances and spin
    flip are left out: valid for layers much thinner than their spin-diffusion lengths.

    Parameters
    ----------
    rho_F, beta : float
        Ferromagnet resistivity in Ohm m (> 0, both channels together) and bulk
        spin asymmetry in (-1, 1) (:func:`polarization_from_resistivities` of its channels).
    t_F, t_F2 : float
        Thicknesses of the two ferromagnets in m (> 0); ``t_F2`` defaults to ``t_F``.
    rho_N, t_N : float
        Spacer resistivity in Ohm m and thickness in m (>= 0).

    Returns
    -------
    TwoCurrent
        ``AR_P``, ``AR_AP`` in Ohm m^2 and the ratio ``gmr``.

    Examples
    --------
    Py(5 nm)/Cu(10 nm)/Py(5 nm), with Valet & Fert's permalloy values:

    >>> r = two_current_resistance(rho_F=1.23e-7, beta=0.76, t_F=5e-9, rho_N=1.7e-8, t_N=10e-9)
    >>> round(r.AR_P * 1e15, 3), round(r.AR_AP * 1e15, 3), round(r.gmr, 2)  # fOhm m^2
    (1.493, 3.082, 1.06)
    """
    rho_F = check.positive("rho_F", rho_F, "Ohm m")
    beta = check.in_range("beta", beta, -1.0, 1.0, low_open=True, high_open=True)
    t1 = check.positive("t_F", t_F, "m")
    t2 = t1 if t_F2 is None else check.positive("t_F2", t_F2, "m")
    spacer = 2.0 * check.non_negative("rho_N", rho_N, "Ohm m") * check.non_negative("t_N", t_N, "m")
    rho_star = rho_F / (1.0 - beta * beta)
    up, down = 2.0 * rho_star * (1.0 - beta), 2.0 * rho_star * (1.0 + beta)

    def parallel(r1, r2):
        return r1 * r2 / (r1 + r2)

    AR_P = parallel(up * t1 + spacer + up * t2, down * t1 + spacer + down * t2)
    AR_AP = parallel(up * t1 + spacer + down * t2, down * t1 + spacer + up * t2)
    return TwoCurrent(AR_P, AR_AP)


def spin_current_density(J_c, P, polarizer):
    """Spin-current density carried by a charge current polarized by a ferromagnet.

    .. math:: \\mathbf{J}_s = P \\frac{\\hbar}{2 e} J_c\\, \\hat{\\mathbf{p}}

    (PHYSICS.md case 8): ``J_c / e`` electrons cross unit area per second, a
    net fraction ``P`` of them carrying ``hbar / 2`` along ``p``. Units:
    angular-momentum flux density, (J s) / (m^2 s) = J/m^2. Sign as in
    PHYSICS.md: ``J_c > 0`` is electron flow from the polarizer on, and ``p``
    labels the transported spin (the electron's moment is opposite to its
    spin; the convention absorbs that sign).

    Parameters
    ----------
    J_c : float
        Charge current density in A/m^2 (any sign).
    P : float
        Spin polarization in [-1, 1].
    polarizer : array_like
        Direction ``p`` of the polarizing magnetization (normalized here).

    Returns
    -------
    ndarray, shape (3,)
        Spin-current density vector in J/m^2.

    Examples
    --------
    >>> Js = spin_current_density(1e11, 0.5, (0, 0, 1))  # 1e11 A/m^2, P = 0.5
    >>> [round(float(x) * 1e6, 3) for x in Js]  # 1e-6 J/m^2
    [0.0, 0.0, 16.455]
    """
    J_c = check.real("J_c", J_c)
    P = check.in_range("P", P, -1.0, 1.0)
    p = check.direction("polarizer", polarizer)
    return P * hbar / (2.0 * e) * J_c * p


# --------------------------------------------------------------------------- spin diffusion


def spin_diffusion_length(D, tau_sf):
    """``lambda_sf = sqrt(D tau_sf)`` in m (Valet & Fert 1993), for ``D`` in m^2/s and ``tau_sf`` in s.

    Examples
    --------
    Copper at room temperature: ``D = 0.02`` m^2/s and ``tau_sf = 6`` ps give about 350 nm.

    >>> round(spin_diffusion_length(0.02, 6e-12) * 1e9)  # nm
    346
    """
    return math.sqrt(check.positive("D", D, "m^2/s") * check.positive("tau_sf", tau_sf, "s"))


def spin_accumulation(x, mu_s0, lambda_sf, L=None, far="absorbing"):
    """Steady spin accumulation in a normal metal with ``mu_s(0) = mu_s0`` (closed form).

    The steady state of the diffusion equation is ``mu_s'' = mu_s / lambda^2``:

    * semi-infinite (``L=None``): ``mu_s0 exp(-x / lambda)`` (PHYSICS.md case 9);
    * ``far="reflecting"`` (no spin current at ``x = L``):
      ``mu_s0 cosh((L - x) / lambda) / cosh(L / lambda)``;
    * ``far="absorbing"`` (``mu_s(L) = 0``, an ideal spin sink):
      ``mu_s0 sinh((L - x) / lambda) / sinh(L / lambda)``.

    Both finite forms are evaluated as ratios of decaying exponentials, so
    ``L >> lambda`` does not overflow and tends to the semi-infinite profile.

    Parameters
    ----------
    x : float or array_like
        Positions in m, in [0, L] (``x >= 0`` if ``L`` is None).
    mu_s0 : float
        Spin accumulation at ``x = 0``, in J (any unit; the result has the same).
    lambda_sf, L : float
        Spin-diffusion length and layer thickness in m (> 0); ``L=None``: semi-infinite.
    far : {"absorbing", "reflecting"}
        Boundary condition at ``x = L``; ignored if ``L`` is None.

    Returns
    -------
    float or ndarray
        ``mu_s(x)``, same shape as ``x``.

    Examples
    --------
    A reflecting far side one ``lambda`` away keeps ``1 / cosh(1)`` of the accumulation there:

    >>> mu = spin_accumulation([0.0, 350e-9], 1.0, 350e-9, L=350e-9, far="reflecting")
    >>> [round(float(v), 4) for v in mu]
    [1.0, 0.6481]
    """
    mu_s0 = check.real("mu_s0", mu_s0)
    lam = check.positive("lambda_sf", lambda_sf, "m")
    check.choice("far", far, FAR_BOUNDARIES)
    L = None if L is None else check.positive("L", L, "m")
    x = np.asarray(x, dtype=float)
    high = math.inf if L is None else L
    if not np.all(np.isfinite(x)) or np.any(x < 0.0) or np.any(x > high):
        raise ValueError(f"x must lie in [0, {high}] m, got {x!r}")
    decay = np.exp(-x / lam)
    if L is None:
        return mu_s0 * decay
    mirror = np.exp(-(2.0 * L - x) / lam)
    edge = math.exp(-2.0 * L / lam)
    if far == "reflecting":
        return mu_s0 * (decay + mirror) / (1.0 + edge)
    return mu_s0 * (decay - mirror) / (1.0 - edge)


def spin_transmission(thickness, lambda_sf):
    """Fraction of the spin signal that crosses a normal-metal spacer, ``1 / cosh(L / lambda)``.

    From the closed-form profiles of :func:`spin_accumulation` with ``mu_s(0)``
    fixed: with an absorbing far side (``mu_s(L) = 0``) the spin current
    delivered into it is ``j_s(L) / j_s(0) = 1 / cosh(L / lambda)``; with a
    reflecting far side (no spin current leaves) the accumulation left there
    is ``mu_s(L) / mu_s(0) = 1 / cosh(L / lambda)`` (Valet & Fert 1993). It is
    evaluated as ``2 e^{-L/lambda} / (1 + e^{-2L/lambda})``, which cannot overflow.

    Parameters
    ----------
    thickness, lambda_sf : float
        Spacer thickness ``L`` and spin-diffusion length in m (> 0).

    Returns
    -------
    float
        In [0, 1]; below about 1e-308 (beyond ``L ~ 700 lambda``) it underflows to 0.

    Examples
    --------
    >>> round(spin_transmission(10e-9, 350e-9), 4)  # 10 nm of Cu
    0.9996
    """
    L = check.positive("thickness", thickness, "m")
    decay = math.exp(-L / check.positive("lambda_sf", lambda_sf, "m"))
    return 2.0 * decay / (1.0 + decay * decay)


def _grid(L, n):
    L = check.positive("L", L, "m")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise TypeError(f"n must be an integer number of grid intervals, got {n!r}")
    if n < 2:
        raise ValueError(f"n must be >= 2 grid intervals, got {n!r}")
    return np.linspace(0.0, L, int(n) + 1), L / n


def _operator(n, h, D, tau, far):
    """Tridiagonal ``A`` (banded, for solve_banded) and source ``b`` of ``du/dt = A u + b``.

    ``u`` are the unknown nodes: 1..n-1 (absorbing, ``u_n = 0``) or 1..n
    (reflecting, ghost node ``u_{n+1} = u_{n-1}``, second order). ``b`` is the
    contribution of ``u_0 = 1``; scale it by ``mu_s0``.
    """
    m = n - 1 if far == "absorbing" else n
    k = D / (h * h)
    ab = np.empty((3, m))
    ab[0, :] = k                      # upper diagonal (ab[0, 0] unused)
    ab[1, :] = -2.0 * k - 1.0 / tau   # main diagonal
    ab[2, :] = k                      # lower diagonal (ab[2, -1] unused)
    if far == "reflecting":
        ab[2, -2] = 2.0 * k           # row n: 2 k u_{n-1} - (2 k + 1/tau) u_n
    b = np.zeros(m)
    b[0] = k
    return ab, b


def _full(u, mu_s0, far):
    return np.concatenate(([mu_s0], u, [0.0] if far == "absorbing" else []))


@dataclass(frozen=True)
class Profile:
    """A steady spin-accumulation profile: ``mu_s[i]`` at ``x[i]`` (m), same unit as ``mu_s0``.

    Examples
    --------
    >>> profile = spin_diffusion_steady(1e-6, 350e-9, n=10)
    >>> profile.x.shape, float(profile.mu_s[0]), float(profile.mu_s[-1])
    ((11,), 1.0, 0.0)
    """

    x: np.ndarray
    mu_s: np.ndarray


@dataclass(frozen=True)
class Transient:
    """A spin-accumulation history: ``mu_s[k, i]`` at time ``t[k]`` (s) and position ``x[i]`` (m).

    Examples
    --------
    >>> history = spin_diffusion_transient(1e-6, 0.02, 6e-12, n=10, t_end=10e-12, dt=1e-12, save_every=5)
    >>> history.t.size, history.mu_s.shape  # t = 0, 5 ps, 10 ps on 11 nodes
    (3, (3, 11))
    """

    x: np.ndarray
    t: np.ndarray
    mu_s: np.ndarray


def spin_diffusion_steady(L, lambda_sf, n, mu_s0=1.0, far="absorbing"):
    """Finite-difference steady state of 1D spin diffusion on ``[0, L]``.

    Solves ``mu_s'' - mu_s / lambda^2 = 0`` with second-order central
    differences on ``n + 1`` uniform nodes (``h = L / n``), Dirichlet
    ``mu_s(0) = mu_s0`` and, at ``x = L``, ``mu_s = 0`` (absorbing) or
    ``mu_s' = 0`` (reflecting, by a mirrored ghost node; second order). The
    error is ``O(h^2)``: the discrete decay rate per node is
    ``1/lambda - h^2 / (24 lambda^3) + O(h^4)``, so at ``h = lambda / 20`` the
    largest deviation from :func:`spin_accumulation` is ``4e-5 mu_s0`` (at ``x = lambda``).

    Parameters
    ----------
    L, lambda_sf : float
        Layer thickness and spin-diffusion length in m (> 0).
    n : int
        Number of grid intervals (>= 2).
    mu_s0 : float, optional
        Spin accumulation at ``x = 0`` (J or any unit).
    far : {"absorbing", "reflecting"}
        Boundary condition at ``x = L``.

    Returns
    -------
    Profile
        ``x`` (n + 1,) in m and ``mu_s`` (n + 1,).

    Examples
    --------
    With a reflecting far side, against the closed form of :func:`spin_accumulation`
    (50 points per ``lambda``, so an ``O(h^2)`` error of a few 1e-6):

    >>> profile = spin_diffusion_steady(2e-6, 350e-9, n=300, far="reflecting")
    >>> exact = spin_accumulation(profile.x, 1.0, 350e-9, L=2e-6, far="reflecting")
    >>> bool(np.max(np.abs(profile.mu_s - exact)) < 1e-5)
    True
    """
    x, h = _grid(L, n)
    lam = check.positive("lambda_sf", lambda_sf, "m")
    mu_s0 = check.real("mu_s0", mu_s0)
    check.choice("far", far, FAR_BOUNDARIES)
    ab, b = _operator(int(n), h, 1.0, lam * lam, far)
    u = solve_banded((1, 1), ab, -mu_s0 * b)
    return Profile(x, _full(u, mu_s0, far))


def spin_diffusion_transient(L, D, tau_sf, n, t_end, dt, mu_s0=1.0, far="absorbing",
                             initial=None, save_every=1, smooth_start=True):
    """Crank-Nicolson solution of ``d mu_s/dt = D mu_s'' - mu_s / tau_sf`` on ``[0, L]``.

    Space as in :func:`spin_diffusion_steady`; in time the trapezoidal rule
    (Crank & Nicolson, Proc. Camb. Phil. Soc. 43, 50 (1947)),
    ``(I - dt A / 2) u^{k+1} = (I + dt A / 2) u^k + dt b``: unconditionally
    stable and second order in ``dt``, and its fixed point is exactly the
    discrete steady state. For ``t > 0`` the accumulation at ``x = 0`` is held
    at ``mu_s0``. Crank-Nicolson damps the stiff (short-wavelength) modes only
    weakly, so a discontinuous start (the default: zero inside, ``mu_s0`` at the
    edge) would ring; with ``smooth_start`` the first two steps are taken as
    four backward-Euler half steps (Rannacher, Numer. Math. 43, 309 (1984)),
    which keeps second order.

    Parameters
    ----------
    L, n, mu_s0, far
        Layer thickness (m), grid intervals, accumulation held at ``x = 0`` for
        ``t > 0``, far boundary: as in :func:`spin_diffusion_steady`.
    D, tau_sf : float
        Diffusion constant in m^2/s and spin-flip time in s (both > 0).
    t_end, dt : float
        Final time and time step in s (> 0); ``dt`` is shortened so that a whole
        number of steps ends at ``t_end``.
    initial : array_like, optional
        ``mu_s`` at ``t = 0`` on the ``n + 1`` nodes; default zero.
    save_every : int, optional
        Keep every ``save_every``-th step (>= 1); the last step is always kept.
    smooth_start : bool, optional
        Rannacher start-up (see above).

    Returns
    -------
    Transient
        ``x`` (n + 1,) in m, ``t`` (k,) in s, ``mu_s`` (k, n + 1).

    Examples
    --------
    In 1 um of copper the accumulation settles within about ten spin-flip times:

    >>> cu = material("Cu")
    >>> history = spin_diffusion_transient(1e-6, cu.D, cu.tau_sf, n=100, t_end=100e-12, dt=0.5e-12,
    ...                                    save_every=50)
    >>> steady = spin_diffusion_steady(1e-6, cu.lambda_sf, n=100)
    >>> history.t.tolist() == [0.0, 25e-12, 50e-12, 75e-12, 100e-12]
    True
    >>> bool(np.max(np.abs(history.mu_s[-1] - steady.mu_s)) < 1e-9)
    True
    """
    x, h = _grid(L, n)
    D = check.positive("D", D, "m^2/s")
    tau = check.positive("tau_sf", tau_sf, "s")
    t_end = check.positive("t_end", t_end, "s")
    dt = check.positive("dt", dt, "s")
    mu_s0 = check.real("mu_s0", mu_s0)
    check.choice("far", far, FAR_BOUNDARIES)
    if isinstance(save_every, bool) or not isinstance(save_every, (int, np.integer)) or save_every < 1:
        raise ValueError(f"save_every must be an integer >= 1, got {save_every!r}")
    if initial is None:
        start = np.zeros_like(x)
    else:
        start = np.array(initial, dtype=float)
        if start.shape != x.shape or not np.all(np.isfinite(start)):
            raise ValueError(f"initial must be {x.size} finite values (one per node), got shape {start.shape}")
    steps = max(1, math.ceil(t_end / dt - 1e-9))
    dt = t_end / steps

    ab, b = _operator(int(n), h, D, tau, far)
    b = mu_s0 * b
    interior = slice(1, ab.shape[1] + 1)

    def implicit(theta, step):  # (I - theta step A), banded
        m = -theta * step * ab
        m[1] += 1.0
        return m

    cn_left = implicit(0.5, dt)
    be_left = implicit(1.0, 0.5 * dt)
    u = start[interior].copy()
    saved_t, saved = [0.0], [start]
    for k in range(1, steps + 1):
        if smooth_start and k <= 2:
            for _ in range(2):
                u = solve_banded((1, 1), be_left, u + 0.5 * dt * b)
        else:
            Au = ab[1] * u  # tridiagonal product A u from the banded storage
            Au[:-1] += ab[0, 1:] * u[1:]
            Au[1:] += ab[2, :-1] * u[:-1]
            u = solve_banded((1, 1), cn_left, u + 0.5 * dt * Au + dt * b)
        if k % save_every == 0 or k == steps:
            saved_t.append(k * dt)
            saved.append(_full(u, mu_s0, far))
    return Transient(x, np.array(saved_t), np.array(saved))


# --------------------------------------------------------------------------- materials


@dataclass(frozen=True)
class Material:
    """Spin-transport parameters of a metal at one temperature, with their source.

    Attributes: ``name``; ``T`` the temperature (K) at which the values hold;
    ``rho`` the resistivity (Ohm m); ``lambda_sf`` the spin-diffusion length (m);
    ``beta`` the bulk spin asymmetry (0 for a normal metal); ``D`` the diffusion
    constant (m^2/s) where an estimate is given, else None; ``source``.

    Examples
    --------
    >>> cu = material("Cu")
    >>> round(cu.lambda_sf * 1e9), round(cu.D, 3), round(cu.tau_sf * 1e12, 1)  # nm, m^2/s, ps
    (350, 0.02, 6.0)
    """

    name: str
    T: float
    rho: float
    lambda_sf: float
    beta: float = 0.0
    D: float | None = None
    source: str = field(default="", repr=False)

    def __post_init__(self):
        if not isinstance(self.name, str):
            raise TypeError(f"name must be a str, got {self.name!r}")
        for name, unit in (("T", "K"), ("rho", "Ohm m"), ("lambda_sf", "m")):
            object.__setattr__(self, name, check.positive(name, getattr(self, name), unit))
        object.__setattr__(self, "beta", check.in_range("beta", self.beta, -1.0, 1.0, low_open=True, high_open=True))
        if self.D is not None:
            object.__setattr__(self, "D", check.positive("D", self.D, "m^2/s"))

    @property
    def tau_sf(self):
        """Spin-flip time ``lambda_sf^2 / D`` in s (needs ``D``)."""
        if self.D is None:
            raise ValueError(f"material {self.name!r} has no diffusion constant D, so no tau_sf")
        return self.lambda_sf**2 / self.D


def _free_electron_D(n, v_F, rho):
    """Drude-Sommerfeld ``D = v_F^2 tau / 3`` with ``tau = m_e / (n e^2 rho)``."""
    return v_F**2 * m_e / (n * e * e * rho) / 3.0


_BASS_PRATT = ("Bass & Pratt, J. Phys.: Condens. Matter 19, 183201 (2007), doi:10.1088/0953-8984/19/18/183201, "
               "review the measurements: spin-diffusion lengths scatter by factors of several with purity, "
               "film growth and temperature, so treat this as one representative value.")

_MATERIALS = {
    "Cu": Material(
        "Cu", T=293.0, rho=1.7e-8, lambda_sf=350e-9,
        D=_free_electron_D(8.47e28, 1.57e6, 1.7e-8),
        source="Room temperature. lambda_sf = 350 nm from lateral spin valves, Jedema et al., Nature 410, 345 "
               "(2001), doi:10.1038/35066533 (about 1 um at 4.2 K); rho = 17 nOhm m, bulk Cu at 293 K; D = 0.020 "
               "m^2/s is the free-electron estimate v_F^2 tau / 3 (n = 8.47e28 m^-3, v_F = 1.57e6 m/s, Ashcroft & "
               "Mermin table 2.1), giving tau_sf ~ 6 ps. " + _BASS_PRATT),
    "Pt": Material(
        "Pt", T=293.0, rho=2.0e-7, lambda_sf=0.61e-15 / 2.0e-7,
        source="Room temperature, a typical sputtered film (rho = 200 nOhm m). In Pt lambda_sf rho is close to "
               "constant (Elliott-Yafet): lambda_sf rho = 0.61 fOhm m^2, Sagasta et al., Phys. Rev. B 94, 060412(R) "
               "(2016), doi:10.1103/PhysRevB.94.060412, giving 3.0 nm; published room-temperature values span about "
               "1-11 nm. " + _BASS_PRATT),
    "Py": Material(
        "Py", T=4.2, rho=1.23e-7, lambda_sf=5.5e-9, beta=0.76,
        source="Permalloy Ni80Fe20 at 4.2 K from CPP-MR: lambda_sf = 5.5 nm, beta = 0.76, rho = 123 nOhm m "
               "(rho* = rho / (1 - beta^2) = 291 nOhm m), as collected by Bass & Pratt (2007). " + _BASS_PRATT),
}


def material_names():
    """Names accepted by :func:`material`.

    Examples
    --------
    >>> material_names()
    ('Cu', 'Pt', 'Py')
    """
    return tuple(_MATERIALS)


def material(name):
    """A named, sourced :class:`Material` (see its ``source``).

    Parameters
    ----------
    name : str
        One of :func:`material_names`.

    Returns
    -------
    Material

    Examples
    --------
    >>> py = material("Py")
    >>> py.beta, round(py.lambda_sf * 1e9, 1), py.T  # bulk spin asymmetry, nm, K
    (0.76, 5.5, 4.2)
    """
    check.choice("name", name, material_names())
    return _MATERIALS[name]
