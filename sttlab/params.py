"""Parameters of a free magnet and of a spin-transfer-torque junction.

A :class:`Magnet` holds what fixes the energy landscape of a single-domain
(macrospin) free layer: geometry, saturation magnetization, damping, bulk and
interfacial uniaxial anisotropy and a diagonal demagnetizing tensor. A
:class:`Junction` adds the spin-polarizing reference layer: the polarizer
direction, the spin polarization, the spin-torque efficiency model and the
field-like torque ratio. Derived figures (effective anisotropy field, thermal
stability factor, critical current) are properties or methods, so they can
never disagree with the parameters they come from.

All quantities are SI: A/m, J/m^3, J/m^2, m, K, A/m^2, A.

Examples
--------
>>> from sttlab import params
>>> cell = params.preset("cofeb_mgo_40nm")
>>> round(cell.free.Delta(300.0), 1)
40.0
>>> round(cell.Ic0() * 1e6, 1)  # microampere, AP -> P
20.1
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import _validate as check
from .constants import e, gamma, hbar, kB, mu0
from .efficiency import EFFICIENCY_MODELS, spin_torque_efficiency


@dataclass(frozen=True)
class Cylinder:
    """A circular pillar (the usual MRAM free layer).

    Parameters
    ----------
    diameter : float
        Diameter in m.
    thickness : float
        Thickness in m.

    Examples
    --------
    >>> disk = Cylinder(diameter=40e-9, thickness=1.3e-9)
    >>> round(disk.area * 1e18, 1), round(disk.volume * 1e27, 1)  # nm^2, nm^3
    (1256.6, 1633.6)
    """

    diameter: float
    thickness: float

    def __post_init__(self):
        object.__setattr__(self, "diameter", check.positive("diameter", self.diameter, "m"))
        object.__setattr__(self, "thickness", check.positive("thickness", self.thickness, "m"))

    @property
    def area(self):
        """Cross-section in m^2, ``pi d^2 / 4``."""
        return math.pi * self.diameter * self.diameter / 4.0

    @property
    def volume(self):
        """Volume in m^3."""
        return self.area * self.thickness


@dataclass(frozen=True)
class EllipticCylinder:
    """An elliptical pillar (in-plane MTJs use the shape for anisotropy).

    Parameters
    ----------
    length, width : float
        Major and minor axes of the ellipse in m (full lengths, not semi-axes).
    thickness : float
        Thickness in m.

    Examples
    --------
    >>> ellipse = EllipticCylinder(length=100e-9, width=50e-9, thickness=2e-9)
    >>> round(ellipse.area * 1e18, 1)  # nm^2, pi a b / 4
    3927.0
    """

    length: float
    width: float
    thickness: float

    def __post_init__(self):
        for name in ("length", "width", "thickness"):
            object.__setattr__(self, name, check.positive(name, getattr(self, name), "m"))

    @property
    def area(self):
        """Cross-section in m^2, ``pi a b / 4``."""
        return math.pi * self.length * self.width / 4.0

    @property
    def volume(self):
        """Volume in m^3."""
        return self.area * self.thickness


@dataclass(frozen=True)
class Magnet:
    """A single-domain free magnet (macrospin).

    The energy density of a uniformly magnetized magnet with direction ``m``
    in an applied field ``H`` is (Coey, *Magnetism and Magnetic Materials*,
    2010, ch. 5 and 7)

    .. math::

        \\varepsilon(m) = -\\mu_0 M_s\\, m\\cdot H - K (m\\cdot u)^2
                          + \\tfrac{1}{2}\\mu_0 M_s^2\\, m\\cdot N m,
        \\qquad K = K_u + K_i / t,

    with ``u`` the easy axis and ``N`` the diagonal demagnetizing tensor.
    The interfacial term ``K_i / t`` is the CoFeB/MgO perpendicular anisotropy
    (Ikeda et al., Nat. Mater. 9, 721 (2010)).

    Parameters
    ----------
    Ms : float
        Saturation magnetization in A/m (> 0).
    geometry : Cylinder or EllipticCylinder
        Shape and size; its thickness ``t`` enters ``K_i / t`` and the
        spin-torque amplitude.
    alpha : float
        Gilbert damping (>= 0, dimensionless).
    Ku : float, optional
        Bulk uniaxial anisotropy in J/m^3 (sign free: negative is an easy plane).
    Ki : float, optional
        Interfacial anisotropy in J/m^2 (sign free).
    easy_axis : array_like, optional
        Uniaxial axis ``u``; normalized. Default ``z`` (perpendicular).
    demag : array_like, optional
        Diagonal of the demagnetizing tensor ``(Nx, Ny, Nz)``, each in [0, 1],
        summing to 1 or to 0 (``(0, 0, 0)`` switches demagnetization off).
        Default thin film ``(0, 0, 1)``.

    Examples
    --------
    The CoFeB/MgO free layer of the ``cofeb_mgo_40nm`` preset: the interfacial
    anisotropy beats the thin-film demagnetization, so the film is perpendicular.

    >>> from sttlab.constants import mu0
    >>> free = Magnet(Ms=1.1e6, geometry=Cylinder(40e-9, 1.3e-9), alpha=0.01, Ki=1.1202e-3)
    >>> round(free.K / 1e3, 1), round(free.K_eff / 1e3, 1)  # kJ/m^3: K_u + K_i / t, minus mu0 Ms^2 / 2
    (861.7, 101.4)
    >>> round(mu0 * free.Hk_eff, 3)  # T
    0.184
    >>> round(free.Delta(300.0), 1)
    40.0
    """

    Ms: float
    geometry: Cylinder | EllipticCylinder
    alpha: float
    Ku: float = 0.0
    Ki: float = 0.0
    easy_axis: tuple = (0.0, 0.0, 1.0)
    demag: tuple = (0.0, 0.0, 1.0)

    def __post_init__(self):
        set_ = object.__setattr__
        set_(self, "Ms", check.positive("Ms", self.Ms, "A/m"))
        if not isinstance(self.geometry, (Cylinder, EllipticCylinder)):
            raise TypeError(f"geometry must be a Cylinder or EllipticCylinder, got {self.geometry!r}")
        set_(self, "alpha", check.non_negative("alpha", self.alpha))
        set_(self, "Ku", check.real("Ku", self.Ku))
        set_(self, "Ki", check.real("Ki", self.Ki))
        set_(self, "easy_axis", tuple(map(float, check.direction("easy_axis", self.easy_axis))))
        N = check.vector3("demag", self.demag)
        if np.any(N < 0) or np.any(N > 1) or not (abs(N.sum() - 1) < 1e-9 or N.sum() == 0):
            raise ValueError(f"demag must be three factors in [0, 1] summing to 1 (or all 0), got {self.demag!r}")
        set_(self, "demag", tuple(map(float, N)))
        # in units of kB x 1 K, so that Delta(T >= 1 K) is finite
        energy_scale = (abs(self.K) + mu0 * self.Ms * self.Ms) * self.volume / kB
        anisotropy_field = abs(self.K) / (mu0 * self.Ms) + self.Ms
        if not (0.0 < self.volume < math.inf and 0.0 < energy_scale < math.inf and anisotropy_field < math.inf):
            raise ValueError(f"Ms, Ku, Ki and geometry give a zero or non-finite volume, energy or "
                             f"anisotropy field: {self!r}")

    @property
    def thickness(self):
        """Free-layer thickness ``t`` in m."""
        return self.geometry.thickness

    @property
    def volume(self):
        """Volume ``V`` in m^3."""
        return self.geometry.volume

    @property
    def K(self):
        """Total uniaxial anisotropy ``K_u + K_i / t`` in J/m^3."""
        return self.Ku + self.Ki / self.thickness

    def transverse_stiffness(self):
        """The two restoring fields (A/m) against tilts away from the easy axis.

        For ``u`` along a principal axis ``i`` of ``N`` and tilts towards axis
        ``j``, ``h_j = 2K / (mu0 Ms) + Ms (N_j - N_i)``: the linearized torque of
        anisotropy plus demagnetization at ``m = +-u``.

        Returns
        -------
        tuple of float
            ``(h_j, h_k)`` for the two axes perpendicular to ``u``, in A/m.

        Raises
        ------
        ValueError
            If the easy axis is not along x, y or z (the principal axes of the
            diagonal demagnetizing tensor).

        Examples
        --------
        An in-plane ellipse held along x by its shape alone: the in-plane tilt
        is resisted by ``Ms (N_y - N_x)``, the out-of-plane one by ``Ms (N_z - N_x)``.

        >>> ellipse = Magnet(Ms=8e5, geometry=EllipticCylinder(100e-9, 50e-9, 3e-9), alpha=0.01,
        ...                  easy_axis=(1, 0, 0), demag=(0.03, 0.07, 0.90))
        >>> [round(h) for h in ellipse.transverse_stiffness()]  # A/m
        [32000, 696000]
        """
        i = self._easy_index()
        Hk = 2.0 * self.K / (mu0 * self.Ms)
        return tuple(Hk + self.Ms * (self.demag[j] - self.demag[i]) for j in range(3) if j != i)

    @property
    def K_eff(self):
        """Effective anisotropy (energy barrier density) in J/m^3.

        The barrier between the two easy-axis minima goes over the softer
        transverse axis: ``K_eff = K + (mu0 Ms^2 / 2)(min_j N_j - N_u)``. For a
        thin film (``N = diag(0, 0, 1)``) with a perpendicular axis this is
        ``K - mu0 Ms^2 / 2``: PMA needs ``K > mu0 Ms^2 / 2``.
        """
        return 0.5 * mu0 * self.Ms * min(self.transverse_stiffness())

    @property
    def Hk_eff(self):
        """Effective anisotropy field ``2 K_eff / (mu0 Ms)`` in A/m."""
        return 2.0 * self.K_eff / (mu0 * self.Ms)

    @property
    def relaxation_time(self):
        """Damping time ``tau_D = (1 + alpha^2) / (alpha gamma mu0 H_k,eff)`` in s.

        The time scale on which damping pulls a tilted macrospin back to its
        easy axis (the polar angle relaxes as ``tan(theta/2) ~ exp(-t / tau_D)``
        for small tilts; ``PHYSICS.md`` case 1), the unit of the STT switching
        time (Sun, Phys. Rev. B 62, 570 (2000)) and of Brown's attempt
        frequency (Brown, Phys. Rev. 130, 1677 (1963)).

        Raises
        ------
        ValueError
            If ``alpha = 0`` or the easy axis is not stable (``H_k,eff <= 0``).

        Examples
        --------
        >>> round(preset("cofeb_mgo_40nm").free.relaxation_time * 1e9, 2)  # ns
        3.08
        """
        if self.alpha <= 0.0 or self.Hk_eff <= 0.0:
            raise ValueError(f"relaxation_time needs alpha > 0 and Hk_eff > 0, got alpha={self.alpha!r}, "
                             f"Hk_eff={self.Hk_eff!r} A/m")
        return (1.0 + self.alpha**2) / (self.alpha * gamma * mu0 * self.Hk_eff)

    @property
    def barrier(self):
        """Energy barrier ``E_b = K_eff V`` in J (zero-field, macrospin)."""
        return self.K_eff * self.volume

    def Delta(self, T):
        """Thermal stability factor ``E_b / (kB T)`` (dimensionless).

        Parameters
        ----------
        T : float
            Temperature in K (> 0).

        Examples
        --------
        >>> free = preset("cofeb_mgo_40nm").free
        >>> round(free.Delta(300.0), 1), round(free.Delta(358.15), 1)  # room temperature, 85 C
        (40.0, 33.5)
        """
        Delta = self.barrier / (kB * check.positive("T", T, "K"))
        if not math.isfinite(Delta):
            raise ValueError(f"Delta = E_b / (kB T) overflows at T = {T!r} K (E_b = {self.barrier!r} J)")
        return Delta

    def _easy_index(self):
        u = np.abs(self.easy_axis)
        i = int(np.argmax(u))
        if abs(u[i] - 1.0) > 1e-12:
            raise ValueError(
                f"easy_axis {self.easy_axis} is not along x, y or z; closed-form barrier and "
                "stiffness need it along a principal axis of the diagonal demag tensor"
            )
        return i


@dataclass(frozen=True)
class Junction:
    """A free magnet driven by a spin-polarized current from a fixed polarizer.

    Sign convention (``PHYSICS.md``): a positive current density ``J > 0``
    means electrons flow from the reference layer into the free layer and
    favours ``m -> p`` (the parallel state).

    Parameters
    ----------
    free : Magnet
        The free layer.
    polarizer : array_like, optional
        Magnetization direction ``p`` of the reference layer; normalized.
        Default ``z``.
    P : float, optional
        Spin polarization, in (0, 1]. Default 0.5.
    efficiency : {"constant", "slonczewski1996", "slonczewski2002"}, optional
        Angular dependence of the spin-torque efficiency ``eta(m.p)``; see
        :func:`sttlab.efficiency.spin_torque_efficiency`. Default ``"constant"``
        (``eta = P``).
    Lambda : float, optional
        Slonczewski's asymmetry parameter (>= 1 typically; > 0 required),
        used by ``"slonczewski2002"``. ``Lambda = 1`` gives ``eta = P``.
    field_like : float, optional
        Ratio ``xi = H_FL / H_DL`` of field-like to damping-like torque.

    Examples
    --------
    >>> junction = Junction(preset("cofeb_mgo_40nm").free, P=0.5)
    >>> round(junction.Jc0() / 1e10, 3)  # 1e10 A/m^2, AP -> P
    1.603
    >>> round(junction.Ic0("P") * 1e6, 1)  # uA, P -> AP: a negative current
    -20.1
    """

    free: Magnet
    polarizer: tuple = (0.0, 0.0, 1.0)
    P: float = 0.5
    efficiency: str = "constant"
    Lambda: float = 1.0
    field_like: float = 0.0

    def __post_init__(self):
        set_ = object.__setattr__
        if not isinstance(self.free, Magnet):
            raise TypeError(f"free must be a Magnet, got {self.free!r}")
        set_(self, "polarizer", tuple(map(float, check.direction("polarizer", self.polarizer))))
        set_(self, "P", check.in_range("P", self.P, 0.0, 1.0, low_open=True))
        check.choice("efficiency", self.efficiency, EFFICIENCY_MODELS)
        set_(self, "Lambda", check.positive("Lambda", self.Lambda))
        xi = check.real("field_like", self.field_like)
        if 1.0 + self.free.alpha * xi <= 0.0:
            raise ValueError(f"field_like must satisfy 1 + alpha * field_like > 0, got {xi!r}")
        set_(self, "field_like", xi)

    @property
    def area(self):
        """Junction cross-section in m^2 (the free layer's)."""
        return self.free.geometry.area

    def stt_field_per_current(self):
        """Damping-like field per current density per unit efficiency, in m.

        ``H_DL / (eta J) = hbar / (2 e mu0 Ms t)`` (A/m per A/m^2): the
        Slonczewski torque written as an effective field (``PHYSICS.md``;
        Slonczewski, J. Magn. Magn. Mater. 159, L1 (1996)).

        Examples
        --------
        The damping-like field of the 40 nm preset at ``J = 1e11`` A/m^2, ``eta = P``:

        >>> junction = preset("cofeb_mgo_40nm")
        >>> H_DL = junction.stt_field_per_current() * junction.P * 1e11  # A/m
        >>> round(mu0 * H_DL * 1e3, 1)  # mT
        11.5
        """
        return hbar / (2.0 * e * mu0 * self.free.Ms * self.free.thickness)

    def Jc0(self, state="AP"):
        """Zero-temperature critical current density in A/m^2 (signed).

        Linearizing the LLG equation with spin-transfer torque about
        ``m = -p`` (``state="AP"``) or ``m = +p`` (``state="P"``), the
        transverse tilt grows once the anti-damping exceeds the damping of the
        mean transverse stiffness ``h = (h_1 + h_2) / 2``
        (Sun, Phys. Rev. B 62, 570 (2000)):

        .. math::

            J_{c0} = \\pm\\frac{2e}{\\hbar}\\,
                     \\frac{\\alpha\\, \\mu_0 M_s t\\, h}{\\eta(\\mp 1)(1 + \\alpha\\xi)}.

        For a perpendicular thin film ``h = H_k,eff`` and this is the familiar
        ``(2e/hbar)(alpha/eta) mu0 Ms H_k,eff t``. The field-like torque
        ``xi`` acts as a current-proportional field along ``p`` and lowers the
        threshold by ``1 + alpha xi``.

        This is the instability threshold of the state. With a constant
        efficiency a perpendicular magnet then switches; with an efficiency
        that falls off away from the AP state faster than the anisotropy
        stiffness (``slonczewski2002`` with ``Lambda > ~1.7``, or
        ``slonczewski1996``) it first settles on a stable precession orbit and
        reverses only at a somewhat higher current.

        Parameters
        ----------
        state : {"AP", "P"}
            The initial state relative to the polarizer. ``"AP"`` gives the
            positive current that switches AP -> P; ``"P"`` the negative one.

        Raises
        ------
        ValueError
            If the polarizer is not collinear with the easy axis (no closed
            form), or if that state is not stable at zero current.

        Examples
        --------
        For a perpendicular film, the closed form of ``PHYSICS.md`` case 4:

        >>> junction = preset("cofeb_mgo_40nm")
        >>> free = junction.free
        >>> closed_form = (2 * e / hbar) * (free.alpha / junction.P) * mu0 * free.Ms * free.Hk_eff * free.thickness
        >>> bool(abs(junction.Jc0() / closed_form - 1) < 1e-12), bool(junction.Jc0("P") == -junction.Jc0())
        (True, True)
        """
        check.choice("state", state, ("AP", "P"))
        free = self.free
        if abs(abs(np.dot(self.polarizer, free.easy_axis)) - 1.0) > 1e-12:
            raise ValueError(
                f"Jc0 has a closed form only for a polarizer along the easy axis; "
                f"polarizer={self.polarizer}, easy_axis={free.easy_axis}"
            )
        stiffness = free.transverse_stiffness()
        if min(stiffness) <= 0.0:
            raise ValueError(f"the easy axis is not stable at zero current (transverse stiffness {stiffness} A/m)")
        cos = -1.0 if state == "AP" else 1.0
        eta = float(spin_torque_efficiency(cos, self.efficiency, self.P, self.Lambda))
        h = 0.5 * sum(stiffness)
        magnitude = free.alpha * h / (eta * self.stt_field_per_current() * (1.0 + free.alpha * self.field_like))
        return magnitude if state == "AP" else -magnitude

    def Ic0(self, state="AP"):
        """Zero-temperature critical current ``Jc0 * area`` in A (signed); see :meth:`Jc0`.

        Examples
        --------
        >>> round(preset("cofeb_mgo_40nm").Ic0() * 1e6, 1)  # uA
        20.1
        """
        return self.Jc0(state) * self.area


@dataclass(frozen=True)
class _Preset:
    build: callable
    source: str = field(repr=False)


def _cofeb_mgo(diameter):
    free = Magnet(
        Ms=1.1e6,
        geometry=Cylinder(diameter=diameter, thickness=1.3e-9),
        alpha=0.01,
        Ki=1.1202e-3,
        demag=(0.0, 0.0, 1.0),
    )
    return Junction(free=free, polarizer=(0.0, 0.0, 1.0), P=0.5)


_COFEB_SOURCE = (
    "Perpendicular Ta/CoFeB(1.3 nm)/MgO free layer after Ikeda et al., Nat. Mater. 9, 721 (2010), "
    "doi:10.1038/nmat2804, who measured a thermal stability factor of about 40 and a switching current "
    "of 49 uA at 40 nm diameter and an interfacial anisotropy K_i of about 1.3 mJ/m^2. Here Ms = 1.1 MA/m "
    "(thin sputtered CoFeB, mu0 Ms = 1.38 T) and K_i = 1.1202 mJ/m^2, chosen so that the macrospin barrier "
    "gives Delta(300 K) = 40 at 40 nm; alpha = 0.01 and P = 0.5 are representative values, and with them "
    "the macrospin I_c0 is about 20 uA, below the measured 49 uA (real reversal is not uniform). "
    "Thin-film demagnetization N = diag(0, 0, 1)."
)

_PRESETS = {
    "cofeb_mgo_40nm": _Preset(lambda: _cofeb_mgo(40e-9), _COFEB_SOURCE),
    "cofeb_mgo_20nm": _Preset(lambda: _cofeb_mgo(20e-9), "The cofeb_mgo_40nm stack at 20 nm diameter. " + _COFEB_SOURCE),
}


def preset_names():
    """Names accepted by :func:`preset`.

    Examples
    --------
    >>> preset_names()
    ('cofeb_mgo_40nm', 'cofeb_mgo_20nm')
    """
    return tuple(_PRESETS)


def preset(name):
    """A named, sourced :class:`Junction`.

    Parameters
    ----------
    name : str
        One of :func:`preset_names`.

    Returns
    -------
    Junction

    Examples
    --------
    >>> cell = preset("cofeb_mgo_20nm")
    >>> round(cell.free.geometry.diameter * 1e9), round(cell.free.Delta(300.0), 1)  # nm; a quarter of 40 nm's
    (20, 10.0)
    """
    check.choice("name", name, preset_names())
    return _PRESETS[name].build()


def preset_source(name):
    """The literature source and assumptions of a preset, as a sentence.

    Parameters
    ----------
    name : str
        One of :func:`preset_names`.

    Examples
    --------
    >>> preset_source("cofeb_mgo_40nm").split(",")[0]
    'Perpendicular Ta/CoFeB(1.3 nm)/MgO free layer after Ikeda et al.'
    """
    check.choice("name", name, preset_names())
    return _PRESETS[name].source
