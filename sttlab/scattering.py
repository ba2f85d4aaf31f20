"""Spin-mixing conductance of a normal-metal / ferromagnet interface (free electrons).

A normal metal N (``x < 0``, free electrons with Fermi wave vector ``k_F``)
meets a ferromagnet F (``x > 0``) at a flat interface. In a Stoner
free-electron model the F conduction band is exchange split: an electron of
spin ``sigma`` (up = majority, down = minority) at the Fermi energy has the
Fermi wave vector ``k_sigma`` in F. An optional delta-function barrier sits
at ``x = 0``. The transverse momentum ``k_par`` is conserved, so the
reflection matrix is diagonal in the transverse channels and each channel
``k_par < k_F`` has the longitudinal wave vectors

.. math::

    k = \\sqrt{k_F^2 - k_\\parallel^2} \\;\\text{(N)}, \\qquad
    q_\\sigma = \\sqrt{k_\\sigma^2 - k_\\parallel^2} \\;\\text{(F)},

with ``q_sigma = i kappa``, ``kappa > 0`` (decaying into F) when the channel is
evanescent.

**Convention.** The Hamiltonian is ``-hbar^2/(2m) d^2/dx^2 + V_sigma Theta(x)
+ U_0 delta(x)`` (same mass on both sides; ``V_sigma`` absorbed into
``k_sigma``) and the channel wave function is ``psi = e^{ikx} + r e^{-ikx}``
for ``x < 0`` and ``psi = t e^{i q x}`` for ``x > 0`` (time factor
``e^{-iEt/hbar}``). Continuity of ``psi`` and the jump
``psi'(0^+) - psi'(0^-) = lambda psi(0)``, ``lambda = 2 m U_0 / hbar^2``, give

.. math::

    r_\\sigma = \\frac{k - q_\\sigma - i\\lambda}{k + q_\\sigma + i\\lambda},
    \\qquad t_\\sigma = 1 + r_\\sigma,
    \\qquad \\lambda = 2 k_F Z,

where ``Z = m U_0 / (hbar^2 k_F)`` is the Blonder-Tinkham-Klapwijk barrier
strength (Blonder, Tinkham & Klapwijk, Phys. Rev. B 25, 4515 (1982)). For a
propagating channel flux is conserved: ``|r|^2 + (q/k)|t|^2 = 1``.

**Conductances.** Per unit area the channel sum is an integral over the Fermi
disc of N, ``(1/A) sum_n -> (2 pi)^-2 int d^2k_par = (1/4pi) int_0^{k_F^2} dp``
with ``p = k_par^2``. Everything below is in units of ``e^2/h`` per m^2
(channels per m^2); multiply by ``e^2/h`` (S) for S/m^2. The Sharvin
conductance (channels of N per area, one spin) is ``k_F^2 / 4pi``; the
spin-mixing conductance (Brataas, Nazarov & Bauer, Phys. Rev. Lett. 84, 2481
(2000); Eur. Phys. J. B 22, 99 (2001)) is

.. math::

    g_{\\uparrow\\downarrow} = \\frac{1}{A}\\sum_n
        \\bigl[1 - r_{\\uparrow,n}\\, r_{\\downarrow,n}^*\\bigr].

Its real part sets the damping-like (Slonczewski) torque and its imaginary part
the field-like torque (Tserkovnyak, Brataas, Bauer & Halperin, Rev. Mod. Phys.
77, 1375 (2005)); first-principles values for Cu/Co give ``Im g`` of a few
percent of ``Re g`` (Xia, Kelly, Bauer, Brataas & Turek, Phys. Rev. B 65,
220401 (2002)).

Examples
--------
Cu-like N (E_F = 7 eV) on a Co-like F (exchange splitting 2 eV, no barrier):

>>> from sttlab.scattering import Interface, mixing_conductance, sharvin_conductance
>>> eV = 1.602176634e-19
>>> cu_co = Interface.from_energies(7.0 * eV, 2.0 * eV)
>>> g = mixing_conductance(cu_co) / sharvin_conductance(cu_co.k_F)
>>> round(g.real, 3), round(g.imag, 3)
(0.999, 0.034)

With no step and no barrier every channel is transmitted, ``g`` is Sharvin's:

>>> ideal = Interface(k_F=1.36e10, k_up=1.36e10, k_down=1.36e10)
>>> round(mixing_conductance(ideal).real / sharvin_conductance(1.36e10), 12)
1.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Integral

import numpy as np
from scipy import constants as _codata

from . import _validate as check
from .constants import hbar

#: Free-electron mass in kg (CODATA).
m_e = _codata.m_e

#: Default number of Gauss-Legendre nodes per sub-interval of the Fermi disc.
N_QUAD = 64


@dataclass(frozen=True)
class Interface:
    """A flat N/F interface in the free-electron (Stoner) model.

    Parameters
    ----------
    k_F : float
        Fermi wave vector of the normal metal in 1/m (> 0). Cu: 1.36e10.
    k_up, k_down : float
        Fermi wave vectors of the majority and minority bands of F in 1/m,
        ``k_sigma^2 = 2 m (E_F - V_sigma) / hbar^2`` with ``V_sigma`` the band
        bottom of spin ``sigma`` measured from that of N. A band whose bottom
        lies above the Fermi energy has no Fermi surface (every channel
        evanescent); give it as a negative number ``-kappa``, meaning
        ``k_sigma = i kappa`` (``k_sigma^2 = -kappa^2``), so ``kappa`` is the
        decay constant at ``k_par = 0``. Any real value is allowed.
    Z : float, optional
        Dimensionless strength of the delta barrier ``U_0 delta(x)`` at the
        interface, ``Z = m U_0 / (hbar^2 k_F)`` (Blonder, Tinkham & Klapwijk
        1982), >= 0. A thin rectangular barrier of height ``V_b`` and width
        ``d`` (with ``d`` much smaller than its decay length) acts as
        ``U_0 = V_b d``. Default 0.

    Notes
    -----
    The mass is the same on both sides; only ``k_F``, ``k_sigma`` and
    ``lambda = 2 k_F Z`` enter the reflection amplitudes (module notes).

    Examples
    --------
    A half-metal, its minority band empty at the Fermi energy, behind a weak barrier:

    >>> half_metal = Interface(k_F=1.36e10, k_up=2.0e10, k_down=-0.5e10, Z=0.5)
    >>> half_metal.k2_down, round(half_metal.barrier_wavenumber / 1e10, 2)  # 1/m^2, 1/Angstrom
    (-2.5e+19, 1.36)
    """

    k_F: float
    k_up: float
    k_down: float
    Z: float = 0.0

    def __post_init__(self):
        set_ = object.__setattr__
        set_(self, "k_F", check.positive("k_F", self.k_F, "1/m"))
        set_(self, "k_up", check.real("k_up", self.k_up))
        set_(self, "k_down", check.real("k_down", self.k_down))
        set_(self, "Z", check.non_negative("Z", self.Z))
        for name in ("k_F", "k_up", "k_down"):
            if not math.isfinite(getattr(self, name) * getattr(self, name)):
                raise ValueError(f"{name} squared overflows: {getattr(self, name)!r} 1/m is not a wave vector")

    @classmethod
    def from_energies(cls, E_F, Delta_xc, *, V_F=0.0, barrier=0.0, mass=m_e):
        """Build an interface from band energies (Stoner model).

        The N band bottom is the zero of energy. F's spin bands have their
        bottoms at ``V_up = V_F - Delta_xc / 2`` and ``V_down = V_F + Delta_xc / 2``,
        so ``k_sigma^2 = 2 m (E_F - V_sigma) / hbar^2`` (negative: the band is
        empty at E_F and stored as ``-kappa``, see :class:`Interface`).

        Parameters
        ----------
        E_F : float
            Fermi energy of N measured from its band bottom, in J (> 0).
            Cu: about 7.0 eV = 1.12e-18 J.
        Delta_xc : float
            Exchange splitting of F in J (>= 0). Co/Fe: of order 1-2 eV.
        V_F : float, optional
            Spin-averaged band-bottom offset of F relative to N in J (any sign;
            negative means F's bands lie deeper). Default 0.
        barrier : float, optional
            Delta-barrier strength ``U_0`` in J m (>= 0), e.g. height times width
            of a thin barrier. Default 0.
        mass : float, optional
            Electron (band) mass in kg (> 0). Default the free-electron mass.

        Returns
        -------
        Interface

        Examples
        --------
        >>> eV = 1.602176634e-19
        >>> cu_co = Interface.from_energies(7.0 * eV, 2.0 * eV)  # Cu-like N, Co-like F
        >>> [round(k / 1e10, 3) for k in (cu_co.k_F, cu_co.k_up, cu_co.k_down)]  # 1/Angstrom
        [1.355, 1.449, 1.255]
        """
        E_F = check.positive("E_F", E_F, "J")
        Delta_xc = check.non_negative("Delta_xc", Delta_xc, "J")
        V_F = check.real("V_F", V_F)
        U0 = check.non_negative("barrier", barrier, "J m")
        mass = check.positive("mass", mass, "kg")

        def signed_k(kinetic):
            return math.copysign(math.sqrt(2.0 * mass * abs(kinetic)) / hbar, kinetic)

        k_F = signed_k(E_F)
        return cls(k_F=k_F,
                   k_up=signed_k(E_F - (V_F - 0.5 * Delta_xc)),
                   k_down=signed_k(E_F - (V_F + 0.5 * Delta_xc)),
                   Z=mass * U0 / (hbar**2 * k_F))

    @property
    def k2_up(self):
        """Signed square ``k_up^2`` (negative for an empty band), 1/m^2."""
        return math.copysign(self.k_up**2, self.k_up)

    @property
    def k2_down(self):
        """Signed square ``k_down^2`` (negative for an empty band), 1/m^2."""
        return math.copysign(self.k_down**2, self.k_down)

    @property
    def barrier_wavenumber(self):
        """``lambda = 2 m U_0 / hbar^2 = 2 k_F Z`` in 1/m (the derivative jump)."""
        return 2.0 * self.k_F * self.Z


def _reflection(k, q, dk2, lam):
    """``r = (k - q - i lam) / (k + q + i lam)`` written without cancellation.

    ``k - q = (k^2 - q^2) / (k + q)`` and ``k^2 - q^2 = k_F^2 - k_sigma^2 = dk2``
    for every channel, so a nearly matched band keeps its precision. ``k + q``
    vanishes only at ``k_par = k_F`` when ``k_sigma = k_F``; there the limit
    along ``k_par -> k_F`` is used (0 without barrier, -1 with one).
    """
    s = k + q
    zero = s == 0
    s = np.where(zero, 1.0, s)
    r = (dk2 / s - 1j * lam) / (s + 1j * lam)
    return np.where(zero, 0.0 if lam == 0.0 else -1.0, r)


def _distance(T, a, b, p_minus_a, b_minus_p):
    """``T - p`` for nodes ``p`` in ``[a, b]``, with ``T`` outside ``(a, b)``, accurately.

    Measuring from the nearer end keeps ``sqrt(T - p)`` accurate where it is small.
    """
    return (T - b) + b_minus_p if T >= b else (T - a) - p_minus_a


def _check_interface(interface):
    if not isinstance(interface, Interface):
        raise TypeError(f"interface must be an sttlab.scattering.Interface, got {interface!r}")
    return interface


def _check_n_quad(n_quad):
    if isinstance(n_quad, bool) or not isinstance(n_quad, Integral):
        raise TypeError(f"n_quad must be an integer, got {n_quad!r} ({type(n_quad).__name__})")
    if not 2 <= n_quad <= 10_000:
        raise ValueError(f"n_quad must lie in [2, 10000], got {n_quad!r}")
    return int(n_quad)


def _fermi_disc(interface, n_quad):
    """Quadrature over the Fermi disc: ``(weights, k, q_up, q_down)``.

    ``(1/A) sum_n f_n = sum_i w_i f(p_i)``, with ``w`` including ``1/4pi``.
    The interval ``p = k_par^2`` in ``[0, k_F^2]`` is split at ``k_up^2`` and
    ``k_down^2`` (where a band turns evanescent and ``q`` has a square-root
    branch point); each piece ``[a, b]`` is mapped by ``p = a + (b - a) sin^2 phi``,
    which makes every ``sqrt(T - p)`` with ``T`` at an end smooth in ``phi``,
    and integrated by Gauss-Legendre in ``phi`` on ``[0, pi/2]``: the error then
    falls exponentially with ``n_quad`` (nodes per piece).
    """
    kF2, k2u, k2d = interface.k_F**2, interface.k2_up, interface.k2_down
    cuts = sorted({0.0, kF2, *(T for T in (k2u, k2d) if 0.0 < T < kF2)})
    x, w = np.polynomial.legendre.leggauss(n_quad)
    phi = 0.25 * math.pi * (x + 1.0)
    w_phi = 0.25 * math.pi * w
    weights, k, q_up, q_down = [], [], [], []
    for a, b in zip(cuts[:-1], cuts[1:]):
        p_minus_a = (b - a) * np.sin(phi) ** 2
        b_minus_p = (b - a) * np.cos(phi) ** 2
        weights.append(w_phi * (b - a) * np.sin(2.0 * phi) / (4.0 * math.pi))
        k.append(np.sqrt(_distance(kF2, a, b, p_minus_a, b_minus_p)))
        q_up.append(np.sqrt(_distance(k2u, a, b, p_minus_a, b_minus_p) + 0j))
        q_down.append(np.sqrt(_distance(k2d, a, b, p_minus_a, b_minus_p) + 0j))
    return tuple(np.concatenate(v) for v in (weights, k, q_up, q_down))


def _amplitudes_on_disc(interface, n_quad):
    w, k, q_up, q_down = _fermi_disc(interface, n_quad)
    lam, kF2 = interface.barrier_wavenumber, interface.k_F**2
    return (w, _reflection(k, q_up, kF2 - interface.k2_up, lam),
            _reflection(k, q_down, kF2 - interface.k2_down, lam))


def reflection_amplitudes(interface, k_par):
    """Spin-resolved reflection amplitudes of the channels with transverse momentum ``k_par``.

    ``r_sigma = (k - q_sigma - i lambda) / (k + q_sigma + i lambda)`` with
    ``k = sqrt(k_F^2 - k_par^2)``, ``q_sigma = sqrt(k_sigma^2 - k_par^2)``
    (``+i kappa`` when evanescent) and ``lambda = 2 k_F Z``: the matching of
    ``psi`` and the jump of ``psi'`` at a delta barrier (module notes). The
    transmission amplitude is ``t_sigma = 1 + r_sigma``.

    Parameters
    ----------
    interface : Interface
    k_par : float or array_like
        Transverse wave vector(s) in 1/m, each in ``[0, k_F]`` (channels of N).

    Returns
    -------
    r_up, r_down : complex or ndarray of complex
        Same shape as ``k_par``.

    Examples
    --------
    With an exchange splitting larger than the Fermi energy the minority band is
    empty: every minority channel is totally reflected.

    >>> eV = 1.602176634e-19
    >>> half_metal = Interface.from_energies(7.0 * eV, 16.0 * eV)
    >>> r_up, r_down = reflection_amplitudes(half_metal, [0.0, 0.5e10])
    >>> np.abs(r_down).round(12).tolist(), round(float(abs(r_up[0]) ** 2), 4)
    ([1.0, 1.0], 0.0354)
    """
    interface = _check_interface(interface)
    kp = np.asarray(k_par, dtype=float)
    if not np.all(np.isfinite(kp)) or np.any(kp < 0.0) or np.any(kp > interface.k_F):
        raise ValueError(f"k_par must lie in [0, k_F] = [0, {interface.k_F!r}] 1/m, got {k_par!r}")
    kp2 = kp * kp
    kF2, lam = interface.k_F**2, interface.barrier_wavenumber
    k = np.sqrt(np.maximum(kF2 - kp2, 0.0))
    out = []
    for k2 in (interface.k2_up, interface.k2_down):
        r = _reflection(k, np.sqrt(k2 - kp2 + 0j), kF2 - k2, lam)
        out.append(r if r.ndim else complex(r))
    return tuple(out)


def sharvin_conductance(k_F):
    """Sharvin conductance per area, ``k_F^2 / (4 pi)``, in e^2/h per m^2.

    The number of transverse channels per unit area of a free-electron metal,
    one spin: ``(2 pi)^-2 * pi k_F^2`` (Sharvin, Sov. Phys. JETP 21, 655 (1965);
    in this form e.g. Xia et al., Phys. Rev. B 65, 220401 (2002)).

    Parameters
    ----------
    k_F : float
        Fermi wave vector in 1/m (> 0).

    Returns
    -------
    float
        Channels per m^2 (multiply by ``e^2/h`` for S/m^2).

    Examples
    --------
    >>> from scipy.constants import e, h
    >>> G = sharvin_conductance(1.36e10)  # copper
    >>> round(G / 1e19, 3), round(G * e**2 / h / 1e14, 2)  # 1e19 channels/m^2, 1e14 S/m^2
    (1.472, 5.7)
    """
    k_F = check.positive("k_F", k_F, "1/m")
    return k_F * k_F / (4.0 * math.pi)


def mixing_conductance(interface, n_quad=N_QUAD):
    """Spin-mixing conductance per area, ``(1/A) sum_n [1 - r_up,n r_down,n^*]``.

    Brataas, Nazarov & Bauer, Phys. Rev. Lett. 84, 2481 (2000) and
    Eur. Phys. J. B 22, 99 (2001); the channel sum is the Fermi-disc integral
    ``(1/4pi) int_0^{k_F^2} dp [1 - r_up(p) r_down(p)^*]``, ``p = k_par^2``
    (see ``_fermi_disc`` for the quadrature; ``n_quad = 64`` is converged to
    rounding for the interfaces in the tests).

    Parameters
    ----------
    interface : Interface
    n_quad : int, optional
        Gauss-Legendre nodes per sub-interval of the disc, in [2, 10000].

    Returns
    -------
    complex
        ``g_updown`` in e^2/h per m^2 (channels per m^2). ``0 <= Re g <= 2 k_F^2/4pi``.

    Examples
    --------
    A half-metal transmits no minority electron, yet absorbs most of the
    transverse spin:

    >>> eV = 1.602176634e-19
    >>> half_metal = Interface.from_energies(7.0 * eV, 16.0 * eV)
    >>> g = mixing_conductance(half_metal) / sharvin_conductance(half_metal.k_F)
    >>> round(g.real, 3), round(g.imag, 3)
    (0.89, 0.26)
    """
    interface = _check_interface(interface)
    w, r_up, r_down = _amplitudes_on_disc(interface, _check_n_quad(n_quad))
    return complex(np.sum(w * (1.0 - r_up * np.conj(r_down))))


def spin_conductances(interface, n_quad=N_QUAD):
    """Spin-up and spin-down interface conductances per area, ``(1/A) sum_n (1 - |r_sigma,n|^2)``.

    The Landauer-Buttiker transmission sums of each spin (for a propagating
    channel ``1 - |r|^2 = (q/k)|t|^2``; an evanescent channel transmits
    nothing), in the notation of Brataas, Nazarov & Bauer (2000).

    Parameters
    ----------
    interface : Interface
    n_quad : int, optional
        Gauss-Legendre nodes per sub-interval of the disc, in [2, 10000].

    Returns
    -------
    g_up, g_down : float
        In e^2/h per m^2 (channels per m^2).

    Examples
    --------
    >>> eV = 1.602176634e-19
    >>> cu_co = Interface.from_energies(7.0 * eV, 2.0 * eV)  # Cu-like N, Co-like F
    >>> [round(g / sharvin_conductance(cu_co.k_F), 3) for g in spin_conductances(cu_co)]  # of Sharvin's
    [0.977, 0.835]
    """
    interface = _check_interface(interface)
    w, r_up, r_down = _amplitudes_on_disc(interface, _check_n_quad(n_quad))
    return tuple(float(np.sum(w * (1.0 - np.abs(r) ** 2))) for r in (r_up, r_down))


def torque_ratio(interface, n_quad=N_QUAD):
    """Field-like to damping-like torque ratio ``Im g_updown / Re g_updown``.

    The transverse spin current absorbed at the interface from a spin
    accumulation ``mu_s`` in N is ``(1/4pi)[Re g m x (mu_s x m) + Im g mu_s x m]``
    (Brataas, Nazarov & Bauer, Eur. Phys. J. B 22, 99 (2001); Tserkovnyak et al.,
    Rev. Mod. Phys. 77, 1375 (2005)). With ``mu_s`` along ``p``,
    ``m x (p x m) = -m x (m x p)`` and ``p x m = -m x p``, so this ratio is the
    ``xi = H_FL / H_DL`` of :class:`sttlab.params.Junction` (``field_like``) if
    the interface alone sets both torques. The sign of ``Im g`` depends on the
    phase conventions (``r_up r_down^*`` with ``e^{-iEt/hbar}`` here); compare
    magnitudes when mixing sources.

    Parameters
    ----------
    interface : Interface
    n_quad : int, optional
        Gauss-Legendre nodes per sub-interval of the disc, in [2, 10000].

    Returns
    -------
    float
        Dimensionless.

    Raises
    ------
    ValueError
        If ``Re g`` vanishes (an interface that reflects everything, equally
        for both spins, exerts no torque and has no ratio).

    Examples
    --------
    >>> eV = 1.602176634e-19
    >>> cu_co = Interface.from_energies(7.0 * eV, 2.0 * eV)  # Cu-like N, Co-like F
    >>> round(torque_ratio(cu_co), 3)  # a few percent, as Xia et al. (2002) found for Cu/Co
    0.034
    """
    g = mixing_conductance(interface, n_quad)
    if abs(g.real) <= 1e-12 * sharvin_conductance(interface.k_F):
        raise ValueError(f"interface has Re g_updown = {g.real!r} (no damping-like torque), so "
                         f"torque_ratio is undefined; got {interface!r}")
    return g.imag / g.real


def transverse_spin_current(interface, x, n_quad=None):
    """Transverse spin current still flowing at depth ``x`` in F, per area, in the units of ``g_updown``.

    An electron of N polarized along ``p`` at angle ``theta`` to ``m`` enters F
    with the spinor ``(t_up cos(theta/2), t_down sin(theta/2))`` and the wave
    vectors ``q_up``, ``q_down``. The spin-current density
    ``(hbar^2 / 2m) Im(psi^dag sigma d psi/dx)`` of that wave has, transverse to
    ``m``, the complex amplitude (component along ``m x (p x m)`` plus ``i``
    times the component along ``p x m``, per unit incident transverse spin flux)

    .. math::

        G_n(x) = t_{\\uparrow} t_{\\downarrow}^{*}\\,\\frac{q_\\uparrow + q_\\downarrow^{*}}{2k}\\,
                 e^{i(q_\\uparrow - q_\\downarrow^{*})x},

    and the channel sum is ``G(x) = (1/A) sum_n G_n(x)``. Current continuity at
    the interface gives ``G(0) = g_updown`` exactly (the matching conditions turn
    ``t_up t_down^* (q_up + q_down^*) / 2k`` into ``1 - r_up r_down^*``), so the
    torque deposited between ``0`` and ``x`` is ``g_updown - G(x)``; the phases
    ``(q_up - q_down) x`` differ from channel to channel and the sum dephases
    (Stiles & Zangwill, Phys. Rev. B 66, 014407 (2002); ``G(x)`` at the far side
    of a layer is the transmitted mixing conductance of Brataas, Bauer & Kelly,
    Phys. Rep. 427, 157 (2006)).

    Parameters
    ----------
    interface : sttlab.scattering.Interface
    x : array_like
        Depths into F in m (>= 0, finite).
    n_quad : int or None, optional
        Gauss-Legendre nodes per piece of the Fermi disc (as in
        :func:`mixing_conductance`); default enough to resolve the phases
        ``(q_up - q_down^*) x`` at the largest depth (converged to ~1e-13 of
        the Sharvin conductance).

    Returns
    -------
    ndarray of complex
        ``G(x)`` in e^2/h per m^2, the shape of ``x``.

    Examples
    --------
    At the interface ``G(0)`` is the mixing conductance; within a few nm the
    channels dephase and the transverse spin current is absorbed:

    >>> eV = 1.602176634e-19
    >>> cu_co = Interface.from_energies(7.0 * eV, 2.0 * eV)  # Cu-like N, Co-like F
    >>> G = transverse_spin_current(cu_co, [0.0, 1e-9, 3e-9])
    >>> bool(abs(G[0] / mixing_conductance(cu_co) - 1) < 1e-10)
    True
    >>> [round(float(abs(g)), 2) for g in G / sharvin_conductance(cu_co.k_F)]
    [1.0, 0.59, 0.29]
    """
    interface = _check_interface(interface)
    x = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(x)) or np.any(x < 0.0):
        raise ValueError(f"x must be finite depths >= 0 m, got {x!r}")
    n_quad = _depth_quadrature(interface, float(np.max(x, initial=0.0))) if n_quad is None else _check_n_quad(n_quad)
    w, k, q_up, q_down = _fermi_disc(interface, n_quad)
    _, r_up, r_down = _amplitudes_on_disc(interface, n_quad)
    amplitude, wavenumber = channel_spin_current(k, q_up, q_down, r_up, r_down)
    return np.exp(1j * np.multiply.outer(x, wavenumber)) @ (w * amplitude)


def channel_spin_current(k, q_up, q_down, r_up, r_down):
    """One channel's transverse spin current ``G_n(x) = A e^{i kappa x}`` (see :func:`transverse_spin_current`).

    Returns ``A = t_up t_down^* (q_up + q_down^*) / 2k`` and
    ``kappa = q_up - q_down^*`` for the wave vectors and reflection amplitudes
    of one channel (``t = 1 + r``), elementwise.

    Examples
    --------
    At the interface a channel carries ``1 - r_up r_down^*`` (normal incidence here):

    >>> eV = 1.602176634e-19
    >>> cu_co = Interface.from_energies(7.0 * eV, 2.0 * eV)  # Cu-like N, Co-like F
    >>> r_up, r_down = reflection_amplitudes(cu_co, 0.0)
    >>> A, kappa = channel_spin_current(cu_co.k_F, cu_co.k_up, cu_co.k_down, r_up, r_down)
    >>> bool(abs(A - (1 - r_up * np.conj(r_down))) < 1e-12), round(float(kappa) / 1e10, 3)  # 1/Angstrom
    (True, 0.194)
    """
    t_up, t_down = 1.0 + r_up, 1.0 + r_down
    return t_up * np.conj(t_down) * (q_up + np.conj(q_down)) / (2.0 * k), q_up - np.conj(q_down)


def _depth_quadrature(interface, depth):
    """Nodes per piece that resolve the phases ``(q_up - q_down^*) x`` up to ``x = depth``.

    ``|q_up - q_down^*| <= |q_up| + |q_down|`` and ``|q_sigma| <= sqrt(|k_sigma^2| + k_F^2)``
    bound the phase over the whole disc; one node per 2 radians of that bound,
    and never fewer than the 64 of ``mixing_conductance``, keeps the sum
    converged to ~1e-13 of Sharvin (tested against twice the nodes).
    """
    kF2 = interface.k_F**2
    bound = (math.sqrt(abs(interface.k2_up) + kF2) + math.sqrt(abs(interface.k2_down) + kF2)) * depth
    return int(min(10_000, max(64, math.ceil(bound / 2.0))))
