"""Valet-Fert model of current-perpendicular F/N stacks: spin injection, accumulation, CPP-GMR.

A stack of layers along ``x`` (ferromagnets F, normal metals N), each of
resistivity ``rho``, bulk spin asymmetry ``beta`` and spin-diffusion length
``lambda``, carries the charge current density ``J_c``. In Valet & Fert's
notation (Valet & Fert, Phys. Rev. B 48, 7099 (1993),
doi:10.1103/PhysRevB.48.7099) the spin channels have the resistivities
``rho_up,down = 2 rho* (1 -+ beta)``, ``rho* = rho / (1 - beta^2)`` (``rho* =
rho`` in N; "up" is the stack's spin axis, the majority spin of a magnet that is
not ``reversed``). Each channel obeys Ohm's law for its own electrochemical
potential ``mu_up,down`` (J) and spin flips carry electrons between them:

.. math::

    j_{\\uparrow,\\downarrow} = -\\frac{1}{e\\rho_{\\uparrow,\\downarrow}}
        \\frac{\\partial\\mu_{\\uparrow,\\downarrow}}{\\partial x}, \\qquad
    \\frac{\\partial j_\\uparrow}{\\partial x} = -\\frac{\\partial j_\\downarrow}{\\partial x}
        = -\\frac{\\mu_s}{4 e\\rho^*\\lambda^2}, \\qquad \\mu_s = \\mu_\\uparrow - \\mu_\\downarrow .

``J_c = j_up + j_down`` is the same everywhere; the spin current ``j_s =
j_up - j_down`` (A/m^2, like ``J_c``) and the accumulation ``mu_s`` (J, as in
:func:`sttlab.transport.spin_accumulation`) obey, in each layer,

.. math::

    \\frac{\\partial^2\\mu_s}{\\partial x^2} = \\frac{\\mu_s}{\\lambda^2}, \\qquad
    j_s = \\beta J_c - \\frac{1}{2e\\rho^*}\\frac{\\partial\\mu_s}{\\partial x},

so ``mu_s = A e^{x/lambda} + B e^{-x/lambda}`` layer by layer. An
:class:`Interface` is a pair of channel resistances ``AR_up,down = 2 AR_b (1 -+
gamma)`` without spin flip (Valet & Fert 1993; Fert & Jaffres, Phys. Rev. B 64,
184420 (2001), doi:10.1103/PhysRevB.64.184420): ``j_s`` is continuous across
it and ``mu_s`` jumps by ``2 e AR_b (gamma J_c - j_s)`` (continuous at a clean
interface, ``AR_b = 0``). A finite outer layer ends at a lead that holds
``mu_s = 0``; a semi-infinite one (thickness ``math.inf``) lets ``mu_s`` decay.

**Sign convention** (PHYSICS.md): ``J_c > 0`` means electrons flow from the
first layer onward (towards ``+x``, the first interface at ``x = 0``); ``j_s``
is counted along the electron flow, so ``j_s / J_c`` is the current's spin
polarization, and with ``beta > 0`` majority spins pile up (``mu_s > 0``) on
the N side of an F/N interface. :func:`valet_fert` solves a stack exactly,
:func:`valet_fert_fd` by finite volumes (an independent check).

Examples
--------
>>> import math
>>> from sttlab import transport, valet_fert
>>> from sttlab.constants import e
>>> py, cu = transport.material("Py"), transport.material("Cu")
>>> fn = valet_fert.valet_fert([valet_fert.Layer(py, math.inf), valet_fert.Layer(cu, math.inf)], 1e11)
>>> round(float(fn.polarization(0.0)), 3)  # beta r_F / (r_F + r_N), not beta = 0.76
0.161
>>> round(float(fn.mu_s(0.0)) / e * 1e6)  # mu_s(0)/e in uV
192
>>> round(fn.AR_spin * 1e15, 3)  # spin-coupled interface resistance, fOhm m^2
0.729
>>> r = valet_fert.spin_valve_resistance(py, 10e-9, cu, 10e-9)
>>> round(r.AR_P * 1e15, 2), round(r.AR_AP * 1e15, 2), round(r.gmr, 2)
(2.72, 4.38, 0.61)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy.linalg import solve, solveh_banded

from . import _validate as check
from .constants import e
from .transport import Material, TwoCurrent


def _rho_star(rho, beta):
    """Valet & Fert's ``rho* = rho / (1 - beta^2)``: the channels ``2 rho* (1 -+ beta)`` in parallel give ``rho``."""
    return rho / (1.0 - beta * beta)


def _thickness(name, value):
    """A layer thickness in m: > 0, or ``math.inf`` for a semi-infinite layer."""
    if isinstance(value, (float, int, np.floating, np.integer)) and not isinstance(value, bool) \
            and value == math.inf:
        return math.inf
    return check.positive(name, value, "m (or math.inf)")


@dataclass(frozen=True)
class Layer:
    """One layer of a current-perpendicular stack (:func:`valet_fert`).

    Attributes: ``material`` (a :class:`sttlab.transport.Material`: ``rho``,
    ``beta``, ``lambda_sf``); ``thickness`` in m, ``math.inf`` for a
    semi-infinite first or last layer; ``reversed``: the magnetization points
    against the stack's spin axis ("up"), which flips the sign of ``beta`` (the
    second magnet of an antiparallel spin valve).

    Examples
    --------
    >>> from sttlab import transport
    >>> py, cu = transport.material("Py"), transport.material("Cu")
    >>> Layer(py, 10e-9).beta, Layer(py, 10e-9, reversed=True).beta
    (0.76, -0.76)
    >>> round(Layer(py, 10e-9).spin_resistance * 1e15, 3)  # rho* lambda_sf in fOhm m^2
    1.602
    """

    material: Material
    thickness: float
    reversed: bool = False

    def __post_init__(self):
        if not isinstance(self.material, Material):
            raise TypeError(f"material must be a transport.Material, got {self.material!r}")
        object.__setattr__(self, "thickness", _thickness("thickness", self.thickness))
        if not isinstance(self.reversed, (bool, np.bool_)):
            raise TypeError(f"reversed must be True or False, got {self.reversed!r}")

    @property
    def beta(self):
        """Bulk spin asymmetry along the stack's spin axis, ``-material.beta`` if reversed."""
        return -self.material.beta if self.reversed else self.material.beta

    @property
    def rho_star(self):
        """Valet & Fert's ``rho* = rho / (1 - beta^2)`` in Ohm m."""
        return _rho_star(self.material.rho, self.beta)

    @property
    def spin_resistance(self):
        """``r = rho* lambda_sf`` in Ohm m^2 (Fert & Jaffres 2001)."""
        return self.rho_star * self.material.lambda_sf

    @property
    def rho_channels(self):
        """Channel resistivities ``(rho_up, rho_down) = 2 rho* (1 -+ beta)`` in Ohm m (Valet & Fert 1993)."""
        return 2.0 * self.rho_star * (1.0 - self.beta), 2.0 * self.rho_star * (1.0 + self.beta)


@dataclass(frozen=True)
class Interface:
    """A spin-dependent interface resistance ``AR_up,down = 2 AR_b (1 -+ gamma)`` (Valet & Fert 1993).

    ``AR_b`` (Ohm m^2, Valet & Fert's ``r_b*``) and the interfacial spin
    asymmetry ``gamma`` in (-1, 1), along the stack's spin axis: the channels
    in parallel give ``AR_b (1 - gamma^2)``. The default is a transparent interface.

    Examples
    --------
    >>> face = Interface(AR_b=0.5e-15, gamma=0.7)
    >>> round(face.AR * 1e15, 3), [round(r * 1e15, 2) for r in face.AR_channels]  # fOhm m^2
    (0.255, [0.3, 1.7])
    """

    AR_b: float = 0.0
    gamma: float = 0.0

    def __post_init__(self):
        object.__setattr__(self, "AR_b", check.non_negative("AR_b", self.AR_b, "Ohm m^2"))
        object.__setattr__(self, "gamma", check.in_range("gamma", self.gamma, -1.0, 1.0, low_open=True,
                                                         high_open=True))

    @property
    def AR(self):
        """The two channels in parallel, ``AR_b (1 - gamma^2)`` in Ohm m^2 (no spin accumulation)."""
        return self.AR_b * (1.0 - self.gamma**2)

    @property
    def AR_channels(self):
        """``(AR_up, AR_down) = 2 AR_b (1 -+ gamma)`` in Ohm m^2."""
        return 2.0 * self.AR_b * (1.0 - self.gamma), 2.0 * self.AR_b * (1.0 + self.gamma)


def _stack(layers, interfaces, finite=False):
    """Validated layers and interfaces as tuples, and the edges ``x_0 < ... < x_N`` (m) with ``x_1 = 0``."""
    layers = tuple(layers)
    if len(layers) < 2 or not all(isinstance(layer, Layer) for layer in layers):
        raise ValueError(f"layers must be a sequence of at least 2 valet_fert.Layer, got {layers!r}")
    t = np.array([layer.thickness for layer in layers])
    if finite and not np.all(np.isfinite(t)):
        raise ValueError("layers must all have a finite thickness here (no math.inf)")
    if not np.all(np.isfinite(t[1:-1])):
        raise ValueError("layers: only the first and the last layer may be semi-infinite (thickness math.inf)")
    if interfaces is None:
        interfaces = (Interface(),) * (len(layers) - 1)
    interfaces = tuple(interfaces)
    if len(interfaces) != len(layers) - 1 or not all(isinstance(i, Interface) for i in interfaces):
        raise ValueError(f"interfaces must be None or {len(layers) - 1} valet_fert.Interface, one between each "
                         f"pair of neighbouring layers, got {interfaces!r}")
    return layers, interfaces, np.concatenate(([-t[0], 0.0], np.cumsum(t[1:])))


def _base_resistance(layers, interfaces):
    """``sum rho t + sum AR_b (1 - gamma^2)``: the stack without spin accumulation (Ohm m^2)."""
    return sum(layer.material.rho * layer.thickness for layer in layers) + sum(i.AR for i in interfaces)


@dataclass(frozen=True)
class Stack:
    """The exact Valet-Fert solution of a stack (:func:`valet_fert`).

    In layer ``k`` (edges ``x_k``, ``x_{k+1}``), per unit current,
    ``mu_s / (2 e J_c) = r_k [a_k e^{(x - x_{k+1})/lambda_k} + b_k e^{-(x - x_k)/lambda_k}]``
    and ``j_s / J_c = beta_k - [a_k e^{(x - x_{k+1})/lambda_k} - b_k e^{-(x - x_k)/lambda_k}]``
    with ``r_k = rho*_k lambda_k``; ``coefficients[k] = (a_k, b_k)``.

    Attributes: ``layers``, ``interfaces``, ``J_c`` (A/m^2), ``edges`` (m,
    ``x_1 = 0``, +-inf for semi-infinite outer layers), ``AR`` the resistance
    per unit area between the leads (Ohm m^2, ``inf`` with a semi-infinite
    layer) and ``AR_spin`` the part of it due to the spin accumulation.

    Examples
    --------
    At a Py/Cu interface the accumulation decays over ``lambda_sf`` on each side
    (5.5 nm in Py, 350 nm in Cu), while the current's polarization relaxes from
    ``beta`` deep in the magnet:

    >>> from sttlab import transport
    >>> py, cu = transport.material("Py"), transport.material("Cu")
    >>> fn = valet_fert([Layer(py, math.inf), Layer(cu, math.inf)], 1e11)
    >>> [round(float(v / e * 1e6)) for v in fn.mu_s([-5.5e-9, 0.0, 350e-9])]  # uV
    [71, 192, 71]
    >>> [round(float(p), 3) for p in fn.polarization([-20e-9, 0.0])]
    [0.744, 0.161]
    """

    layers: tuple
    interfaces: tuple
    J_c: float
    edges: np.ndarray
    AR: float
    AR_spin: float
    coefficients: np.ndarray = field(repr=False)

    def _terms(self, x):
        x = np.asarray(x, dtype=float)
        low, high = self.edges[0], self.edges[-1]
        if not np.all(np.isfinite(x)) or np.any(x < low) or np.any(x > high):
            raise ValueError(f"x must be finite and lie in [{low}, {high}] m, got {x!r}")
        k = np.minimum(np.searchsorted(self.edges, x, side="right") - 1, len(self.layers) - 1)
        lam = np.array([layer.material.lambda_sf for layer in self.layers])[k]
        rising = self.coefficients[k, 0] * np.exp((x - self.edges[k + 1]) / lam)
        falling = self.coefficients[k, 1] * np.exp(-(x - self.edges[k]) / lam)
        return k, rising, falling

    def mu_s(self, x):
        """Spin accumulation ``mu_up - mu_down`` in J at positions ``x`` (m); at an interface, its right side."""
        k, rising, falling = self._terms(x)
        r = np.array([layer.spin_resistance for layer in self.layers])[k]
        return (2.0 * e * self.J_c * r * (rising + falling))[()]

    def polarization(self, x):
        """Spin-current polarization ``j_s / J_c`` at positions ``x`` (m), continuous at interfaces."""
        k, rising, falling = self._terms(x)
        return (np.array([layer.beta for layer in self.layers])[k] - (rising - falling))[()]


def valet_fert(layers, J_c, interfaces=None):
    """Exact steady state of the Valet-Fert model for a stack of layers (see the module text).

    In each layer ``mu_s = A e^{x/lambda} + B e^{-x/lambda}`` (Valet & Fert,
    Phys. Rev. B 48, 7099 (1993)); the ``2N`` coefficients follow from a linear
    system: at each interface ``j_s`` continuous and ``mu_s`` jumping by
    ``2 e AR_b (gamma J_c - j_s)`` (Fert & Jaffres, Phys. Rev. B 64, 184420
    (2001)); at a finite outer face ``mu_s = 0`` (a lead); a semi-infinite
    outer layer keeps only its decaying exponential. The solution is found for
    unit current and scaled by ``J_c`` (the model is linear).

    The resistance follows from the channel potentials: within a layer the
    conductivity-weighted potential ``mu_s beta / 2 + (mu_up + mu_down) / 2``
    drops by ``e rho t J_c``, and across an interface ``(mu_up + mu_down) / 2``
    drops by ``e AR_b (J_c - gamma j_s)``. With ``mu_s = 0`` in the leads,

    .. math::

        AR = \\sum_k \\rho_k t_k + \\sum_i AR_{b,i}(1 - \\gamma_i^2) + AR_\\mathrm{spin}, \\qquad
        AR_\\mathrm{spin} = \\sum_k \\frac{\\beta_k\\,[\\mu_s]_k}{2 e J_c}
            + \\sum_i AR_{b,i}\\,\\gamma_i\\Bigl(\\gamma_i - \\frac{j_{s,i}}{J_c}\\Bigr),

    ``[mu_s]_k`` the rise of ``mu_s`` across layer ``k``. For one F/N interface
    between semi-infinite layers this gives Fert & Jaffres' (2001)
    ``AR_spin = [r_N (beta^2 r_F + gamma^2 AR_b) + r_F AR_b (beta - gamma)^2] /
    (r_F + r_N + AR_b)``, with ``r = rho* lambda``; for ``AR_b = 0``, Valet &
    Fert's ``beta^2 r_F r_N / (r_F + r_N)``.

    Parameters
    ----------
    layers : sequence of Layer
        At least 2; only the first and the last may be semi-infinite.
    J_c : float
        Charge-current density in A/m^2 (any sign; > 0: electrons flow towards the last layer).
    interfaces : sequence of Interface, optional
        One per pair of neighbouring layers; default transparent.

    Returns
    -------
    Stack
        ``mu_s(x)`` (J), ``polarization(x)`` (``j_s / J_c``), ``AR`` and ``AR_spin`` (Ohm m^2), ``edges`` (m).

    Examples
    --------
    One transparent F/N interface: Valet & Fert's ``AR_spin = beta^2 r_F r_N / (r_F + r_N)``.

    >>> from sttlab import transport
    >>> py, cu = transport.material("Py"), transport.material("Cu")
    >>> fn = valet_fert([Layer(py, math.inf), Layer(cu, math.inf)], 1e11)
    >>> r_F, r_N = (layer.spin_resistance for layer in fn.layers)
    >>> bool(abs(fn.AR_spin / (py.beta**2 * r_F * r_N / (r_F + r_N)) - 1) < 1e-12)
    True
    """
    layers, interfaces, edges = _stack(layers, interfaces)
    J_c = check.real("J_c", J_c)
    n = len(layers)
    r = np.array([layer.spin_resistance for layer in layers])
    beta = np.array([layer.beta for layer in layers])
    d = np.exp(-np.diff(edges) / np.array([layer.material.lambda_sf for layer in layers]))  # 0 if semi-infinite
    # unknowns (a_k, b_k) at 2k, 2k + 1; mu_s/(2 e J_c) = r_k (a_k d_k + b_k) at x_k, r_k (a_k + b_k d_k) at x_{k+1}
    M, rhs = np.zeros((2 * n, 2 * n)), np.zeros(2 * n)
    M[0, :2] = d[0], 1.0                      # lead (or decay) on the left
    M[-1, -2:] = 1.0, d[-1]                   # lead (or decay) on the right
    for k, face in enumerate(interfaces):
        left, right = slice(2 * k, 2 * k + 2), slice(2 * k + 2, 2 * k + 4)
        # j_s/J_c continuous: beta_k - a_k + b_k d_k = beta_{k+1} - a_{k+1} d_{k+1} + b_{k+1}
        M[2 * k + 1, left], M[2 * k + 1, right] = (-1.0, d[k]), (d[k + 1], -1.0)
        rhs[2 * k + 1] = beta[k + 1] - beta[k]
        # mu_s jump: u_{k+1} - u_k = AR_b (gamma - j_s/J_c), u = mu_s/(2 e J_c); row scaled to order 1
        scale = r[k] + r[k + 1] + face.AR_b
        M[2 * k + 2, left] = np.array([-r[k] - face.AR_b, (face.AR_b - r[k]) * d[k]]) / scale
        M[2 * k + 2, right] = np.array([r[k + 1] * d[k + 1], r[k + 1]]) / scale
        rhs[2 * k + 2] = face.AR_b * (face.gamma - beta[k]) / scale
    c = solve(M, rhs).reshape(n, 2)
    rise = r * (c[:, 0] + c[:, 1] * d - c[:, 0] * d - c[:, 1])     # [mu_s]_k / (2 e J_c)
    crossing = beta[:-1] - c[:-1, 0] + c[:-1, 1] * d[:-1]          # j_s/J_c at each interface
    AR_spin = float(np.sum(beta * rise) + sum(i.AR_b * i.gamma * (i.gamma - p) for i, p in zip(interfaces, crossing)))
    return Stack(layers, interfaces, J_c, edges, _base_resistance(layers, interfaces) + AR_spin, AR_spin, c)


def spin_valve(F, t_F, N, t_N, J_c, antiparallel=False, interface=None):
    """F/N/F between two leads, solved exactly by :func:`valet_fert`.

    The first magnet spans ``[-t_F, 0]``, the spacer ``[0, t_N]``, the second
    magnet ``[t_N, t_N + t_F]``; electrons flow from the first magnet to the
    second for ``J_c > 0``. Antiparallel, the second magnet is ``reversed`` and
    its interface's ``gamma`` changes sign with it (both asymmetries refer to a
    magnet's majority spin; Valet & Fert 1993).

    Parameters
    ----------
    F, N : transport.Material
        Ferromagnet and spacer.
    t_F, t_N, J_c : float
        Thickness of each magnet and of the spacer in m (> 0, finite); current density in A/m^2.
    antiparallel : bool, optional
        Magnetization of the second magnet against the first.
    interface : Interface, optional
        Both F/N interfaces, as seen from the first magnet; default transparent.

    Returns
    -------
    Stack

    Examples
    --------
    Py(10 nm)/Cu(10 nm)/Py(10 nm) at 1e11 A/m^2: parallel, the current crosses the
    spacer polarized; antiparallel, spins pile up in it instead.

    >>> from sttlab import transport
    >>> py, cu = transport.material("Py"), transport.material("Cu")
    >>> parallel = spin_valve(py, 10e-9, cu, 10e-9, 1e11)
    >>> antiparallel = spin_valve(py, 10e-9, cu, 10e-9, 1e11, antiparallel=True)
    >>> round(float(parallel.polarization(5e-9)), 3), round(float(antiparallel.mu_s(5e-9) / e * 1e6))  # uV
    (0.72, 230)
    """
    t_F, t_N = check.positive("t_F", t_F, "m"), check.positive("t_N", t_N, "m")
    if not isinstance(antiparallel, (bool, np.bool_)):
        raise TypeError(f"antiparallel must be True or False, got {antiparallel!r}")
    interface = Interface() if interface is None else interface
    if not isinstance(interface, Interface):
        raise TypeError(f"interface must be a valet_fert.Interface or None, got {interface!r}")
    second = Interface(interface.AR_b, -interface.gamma if antiparallel else interface.gamma)
    return valet_fert([Layer(F, t_F), Layer(N, t_N), Layer(F, t_F, bool(antiparallel))], J_c, [interface, second])


def spin_valve_resistance(F, t_F, N, t_N, interface=None):
    """``AR_P`` and ``AR_AP`` (Ohm m^2) of the F/N/F :func:`spin_valve`, exact, as a :class:`transport.TwoCurrent`.

    Parameters are those of :func:`spin_valve`; the resistance does not depend on the current.

    Examples
    --------
    >>> from sttlab import transport
    >>> py, cu = transport.material("Py"), transport.material("Cu")
    >>> r = spin_valve_resistance(py, 10e-9, cu, 10e-9)
    >>> round(r.AR_P * 1e15, 2), round(r.AR_AP * 1e15, 2)  # fOhm m^2
    (2.72, 4.38)
    """
    return TwoCurrent(*(spin_valve(F, t_F, N, t_N, 1.0, state, interface).AR for state in (False, True)))


def valet_fert_resistance(rho_F, beta, lambda_F, t_F, rho_N, t_N, AR_b=0.0, gamma=0.0):
    """Closed-form CPP resistance of F/N/F between leads for a spacer much thinner than its ``lambda_sf``.

    The limit ``lambda_N -> infinity`` of :func:`spin_valve`, derived from the
    Valet-Fert equations (Valet & Fert, Phys. Rev. B 48, 7099 (1993)): no spin
    flips in the spacer, so ``j_s`` is constant across it, and each magnet,
    between its lead (``mu_s = 0``) and the spacer, acts as the spin resistance
    ``r~_F = rho*_F lambda_F tanh(t_F / lambda_F)``. With interfaces
    ``AR_b, gamma`` (Fert & Jaffres, Phys. Rev. B 64, 184420 (2001)),

    .. math::

        AR_{AP} = 2\\rho_F t_F + \\rho_N t_N + 2 AR_b + 2\\beta^2\\tilde r_F, \\qquad
        AR_{AP} - AR_P = \\frac{4(\\beta\\tilde r_F + \\gamma AR_b)^2}{\\rho_N t_N + 2(\\tilde r_F + AR_b)} .

    For ``t_F << lambda_F`` (``r~_F -> rho*_F t_F``) this is the two-current
    series-resistor result, ``(AR_AP - AR_P) AR_AP = (2 beta rho*_F t_F + 2 gamma
    AR_b)^2`` (Bass & Pratt, J. Magn. Magn. Mater. 200, 274 (1999)); for ``t_F >>
    lambda_F`` ``AR_AP - AR_P`` saturates.

    Parameters
    ----------
    rho_F, beta, lambda_F, t_F : float
        Ferromagnet resistivity (Ohm m, > 0), bulk spin asymmetry in (-1, 1),
        spin-diffusion length and thickness of each magnet (m, > 0).
    rho_N, t_N : float
        Spacer resistivity (Ohm m, > 0) and thickness (m, >= 0).
    AR_b, gamma : float, optional
        Each F/N interface: ``AR_b`` in Ohm m^2 (>= 0) and ``gamma`` in (-1, 1).

    Returns
    -------
    transport.TwoCurrent
        ``AR_P``, ``AR_AP`` in Ohm m^2 and ``gmr``.

    Examples
    --------
    10 nm of Cu is thin next to its 350 nm spin-diffusion length, so the closed
    form is close to the exact :func:`spin_valve_resistance`:

    >>> from sttlab import transport
    >>> py, cu = transport.material("Py"), transport.material("Cu")
    >>> thin = valet_fert_resistance(py.rho, py.beta, py.lambda_sf, 10e-9, cu.rho, 10e-9)
    >>> round(thin.gmr, 3), round(spin_valve_resistance(py, 10e-9, cu, 10e-9).gmr, 3)
    (0.61, 0.608)
    """
    rho_F = check.positive("rho_F", rho_F, "Ohm m")
    beta = check.in_range("beta", beta, -1.0, 1.0, low_open=True, high_open=True)
    lam = check.positive("lambda_F", lambda_F, "m")
    t_F = check.positive("t_F", t_F, "m")
    spacer = check.positive("rho_N", rho_N, "Ohm m") * check.non_negative("t_N", t_N, "m")
    face = Interface(AR_b, gamma)
    r_F = _rho_star(rho_F, beta) * lam * math.tanh(t_F / lam)
    AR_AP = 2.0 * rho_F * t_F + spacer + 2.0 * face.AR + 2.0 * (beta**2 * r_F + face.gamma**2 * face.AR_b)
    delta = 4.0 * (beta * r_F + face.gamma * face.AR_b) ** 2 / (spacer + 2.0 * (r_F + face.AR_b))
    return TwoCurrent(AR_AP - delta, AR_AP)


@dataclass(frozen=True)
class StackProfile:
    """A finite-volume solution (:func:`valet_fert_fd`).

    Attributes: ``x`` cell centres and ``x_faces`` cell faces (m);
    ``mu_up``, ``mu_down`` the channel potentials at the centres (J, zero in
    the right lead); ``polarization`` ``j_s / J_c`` at the faces; ``AR`` and
    ``AR_spin`` (Ohm m^2) as in :class:`Stack`.

    Examples
    --------
    >>> from sttlab import transport
    >>> py, cu = transport.material("Py"), transport.material("Cu")
    >>> profile = valet_fert_fd([Layer(py, 10e-9), Layer(cu, 10e-9)], 1e11, cells=10)
    >>> profile.x.shape, profile.x_faces.shape, profile.polarization.shape  # 2 layers x 10 cells
    ((20,), (21,), (21,))
    """

    x: np.ndarray
    x_faces: np.ndarray
    mu_up: np.ndarray
    mu_down: np.ndarray
    polarization: np.ndarray
    AR: float
    AR_spin: float

    @property
    def mu_s(self):
        """Spin accumulation ``mu_up - mu_down`` at the centres (J)."""
        return self.mu_up - self.mu_down


def _cells(cells, n):
    counts = [cells] * n if isinstance(cells, (int, np.integer)) else cells
    try:
        counts = list(counts)
    except TypeError:
        counts = []
    if len(counts) != n or not all(isinstance(c, (int, np.integer)) and c >= 2 for c in counts):  # bools are < 2
        raise ValueError(f"cells must be an integer >= 2 or {n} of them (one per layer), got {cells!r}")
    return np.array(counts, dtype=int)


def valet_fert_fd(layers, J_c, interfaces=None, cells=100):
    """Finite-volume solution of the Valet-Fert model for ``mu_up`` and ``mu_down`` (an independent check).

    Each layer is cut into uniform cells, interfaces and leads lying on cell
    faces. The current of channel ``c`` (up or down) through a face is Ohm's
    law between the neighbouring cell centres, ``(mu_c,left - mu_c,right) / (e
    R_c)``, with the exact series resistance ``R_c = rho_c,left h_left / 2 +
    AR_c + rho_c,right h_right / 2`` (``AR_c`` of an :class:`Interface` on that
    face, channel resistivities ``2 rho* (1 -+ beta)``; Valet & Fert 1993). Each cell
    conserves charge in each channel, with the spin-flip transfer
    ``h mu_s / (4 e rho* lambda^2)`` at its centre (midpoint rule). The leads
    hold ``mu_up = mu_down``; the symmetric positive-definite banded system is
    solved for fixed lead potentials and scaled to ``J_c``. The error is
    ``O(h^2)``: a flux error at an interface face is ``O(h)`` but enters the
    potentials times a half-cell resistance ``O(h)``.

    Parameters
    ----------
    layers : sequence of Layer
        At least 2, all of finite thickness.
    J_c : float
        Charge-current density in A/m^2.
    interfaces : sequence of Interface, optional
        One per pair of neighbouring layers; default transparent.
    cells : int or sequence of int, optional
        Cells per layer (>= 2), one number for all or one per layer.

    Returns
    -------
    StackProfile

    Examples
    --------
    The antiparallel spin valve, against the exact solution:

    >>> from sttlab import transport
    >>> py, cu = transport.material("Py"), transport.material("Cu")
    >>> stack = [Layer(py, 10e-9), Layer(cu, 10e-9), Layer(py, 10e-9, reversed=True)]
    >>> numerical, exact = valet_fert_fd(stack, 1e11, cells=200), valet_fert(stack, 1e11)
    >>> bool(abs(numerical.AR / exact.AR - 1) < 1e-5)
    True
    """
    layers, interfaces, edges = _stack(layers, interfaces, finite=True)
    J_c = check.real("J_c", J_c)
    counts = _cells(cells, len(layers))
    faces = np.concatenate([np.linspace(a, b, c + 1)[:-1] for a, b, c in zip(edges[:-1], edges[1:], counts)]
                           + [edges[-1:]])
    h = np.diff(faces)
    k = np.repeat(np.arange(len(layers)), counts)       # layer of each cell
    exchange = h / np.array([4.0 * layer.rho_star * layer.material.lambda_sf**2 for layer in layers])[k]
    inner = np.cumsum(counts)[:-1]                      # interface faces
    G = []                                              # face conductances per channel
    for s in (0, 1):
        half = np.array([layer.rho_channels[s] for layer in layers])[k] * h / 2.0
        R = np.append(half, 0.0) + np.insert(half, 0, 0.0)
        R[inner] += [face.AR_channels[s] for face in interfaces]
        G.append(1.0 / R)
    m = h.size
    ab = np.zeros((3, 2 * m))                           # upper banded form, unknowns (up_i, down_i) at 2i, 2i + 1
    for s in (0, 1):
        ab[2, s::2] = G[s][:-1] + G[s][1:] + exchange
        ab[0, 2 + s::2] = -G[s][1:-1]
    ab[1, 1::2] = -exchange
    rhs = np.zeros(2 * m)
    rhs[:2] = G[0][0], G[1][0]                          # left lead at 1 V (mu/e), right lead at 0
    v = solveh_banded(ab, rhs)
    flux = [G[s] * -np.diff(np.concatenate(([1.0], v[s::2], [0.0]))) for s in (0, 1)]
    current = flux[0][0] + flux[1][0]
    AR = 1.0 / current
    potential = e * J_c * AR * v
    return StackProfile(0.5 * (faces[:-1] + faces[1:]), faces, potential[0::2], potential[1::2],
                        (flux[0] - flux[1]) / current, AR, AR - _base_resistance(layers, interfaces))
