"""The materials of a perpendicular MTJ: free layer, tunnel barrier, spin polarization.

A :class:`Stack` holds what a pillar is made of, whatever its size: the free
layer's magnetization, anisotropy, exchange stiffness and damping, the spin
polarization of the torque, and the barrier's TMR, bias roll-off,
resistance-area product and breakdown voltage (:meth:`Stack.breakdown_margin`).
:func:`stack` gives named presets and :func:`stack_source` their sources.
From the barrier follow Julliere's TMR (:func:`julliere_tmr`), its roll-off
with bias (:func:`tmr`) and a pillar's ``R_P`` and ``R_AP``
(:func:`resistance`). The pillar's shape enters in :mod:`sttlab.mram.pillar`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .. import _validate as check
from ..efficiency import EFFICIENCY_MODELS
from ..params import preset
from ._numerics import _positive_array


# --------------------------------------------------------------------------- the stack


@dataclass(frozen=True)
class Stack:
    """Materials of a perpendicular MTJ: free layer, tunnel barrier, spin polarization.

    Parameters
    ----------
    Ms : float
        Free-layer saturation magnetization in A/m (> 0).
    Ki : float
        Interfacial anisotropy in J/m^2 (``K_i / t`` adds to ``K_u``).
    A : float
        Exchange stiffness in J/m (> 0).
    alpha : float
        Gilbert damping (> 0).
    P : float
        Spin polarization of the torque in (0, 1] (``eta = P`` in the constant model).
    TMR0 : float
        Zero-bias ``(R_AP - R_P) / R_P`` (> 0; 1.2 is 120 %).
    V_half : float
        Bias in V that halves the TMR (> 0; :func:`tmr`).
    RA : float
        Resistance-area product of the parallel state in Ohm m^2 (> 0; 5e-12 is 5 Ohm um^2).
    V_breakdown : float
        Breakdown voltage of the barrier in V (> 0).
    Ku : float, optional
        Bulk uniaxial anisotropy in J/m^3.
    efficiency, Lambda : optional
        Spin-torque efficiency model and Slonczewski's asymmetry, as in :class:`~sttlab.params.Junction`.

    Examples
    --------
    >>> cofeb = stack("cofeb_mgo")
    >>> round(cofeb.Ki * 1e3, 4), cofeb.TMR0, round(cofeb.RA * 1e12, 1)  # mJ/m^2, 120 %, Ohm um^2
    (0.9879, 1.2, 5.0)
    """

    Ms: float
    Ki: float
    A: float
    alpha: float
    P: float
    TMR0: float
    V_half: float
    RA: float
    V_breakdown: float
    Ku: float = 0.0
    efficiency: str = "constant"
    Lambda: float = 1.0

    def __post_init__(self):
        for name, unit in (("Ms", "A/m"), ("A", "J/m"), ("alpha", ""), ("TMR0", ""), ("V_half", "V"),
                           ("RA", "Ohm m^2"), ("V_breakdown", "V"), ("Lambda", "")):
            object.__setattr__(self, name, check.positive(name, getattr(self, name), unit))
        object.__setattr__(self, "Ki", check.real("Ki", self.Ki))
        object.__setattr__(self, "Ku", check.real("Ku", self.Ku))
        object.__setattr__(self, "P", check.in_range("P", self.P, 0.0, 1.0, low_open=True))
        check.choice("efficiency", self.efficiency, EFFICIENCY_MODELS)

    def breakdown_margin(self, voltage):
        """``V_breakdown / |V|`` (> 1: below breakdown).

        A ramp figure only: time-dependent dielectric breakdown, which sets the
        endurance at a given write voltage, is left out.

        Examples
        --------
        >>> round(float(stack().breakdown_margin(0.8)), 2)  # 1.2 V barrier at a 0.8 V write
        1.5
        """
        V = np.abs(np.asarray(voltage, dtype=float))
        if not np.all(np.isfinite(V)) or np.any(V == 0.0):
            raise ValueError(f"voltage must be finite and non-zero, got {voltage!r}")
        return self.V_breakdown / V


def _cofeb_mgo():
    reference = preset("cofeb_mgo_40nm")
    return Stack(Ms=reference.free.Ms, Ki=0.9879e-3, A=2.0e-11, alpha=reference.free.alpha, P=reference.P,
                 TMR0=1.2, V_half=0.5, RA=5.0e-12, V_breakdown=1.2)


_STACKS = {
    "cofeb_mgo": (_cofeb_mgo, (
        "Perpendicular Ta/CoFeB(1.3 nm)/MgO after Ikeda et al., Nat. Mater. 9, 721 (2010), "
        "doi:10.1038/nmat2804, with Ms = 1.1 MA/m, alpha = 0.01 and P = 0.5 of the cofeb_mgo_40nm preset. "
        "K_i = 0.9879 mJ/m^2 makes a 40 nm pillar with its own cylinder demagnetizing factors have "
        "Delta(300 K) = 40, as Ikeda et al. measured (their film value, about 1.3 mJ/m^2, is higher: the "
        "difference stands for what a macrospin leaves out). TMR0 = 120 % (Ikeda et al. report over "
        "120 %); A = 20 pJ/m from spin-wave spectroscopy of 1 nm CoFeB (Devolder et al., Phys. Rev. B 93, "
        "024420 (2016)); V_half = 0.5 V, the bias roll-off of the compact model of Zhang et al., IEEE Trans. "
        "Electron Devices 59, 819 (2012). RA = 5 Ohm um^2 and V_breakdown = 1.2 V are assumed values "
        "representative of the ~1 nm MgO of STT-MRAM (RA grows exponentially with the MgO thickness; "
        "such barriers break down not far above the switching voltage, Schaefers et al., Appl. Phys. Lett. "
        "95, 232119 (2009))."
    )),
}


def stack_names():
    """Names accepted by :func:`stack`.

    Examples
    --------
    >>> stack_names()
    ('cofeb_mgo',)
    """
    return tuple(_STACKS)


def stack(name="cofeb_mgo"):
    """A named, sourced :class:`Stack` (:func:`stack_source` says where each number comes from).

    Examples
    --------
    >>> cofeb = stack()
    >>> cofeb.Ms, cofeb.alpha, cofeb.P  # those of sttlab.preset("cofeb_mgo_40nm")
    (1100000.0, 0.01, 0.5)
    """
    check.choice("name", name, stack_names())
    return _STACKS[name][0]()


def stack_source(name="cofeb_mgo"):
    """The sources and assumptions of a named stack, as a sentence.

    Examples
    --------
    >>> stack_source().split(",")[0]
    'Perpendicular Ta/CoFeB(1.3 nm)/MgO after Ikeda et al.'
    """
    check.choice("name", name, stack_names())
    return _STACKS[name][1]


def _stack(value):
    if value is None:
        return stack()
    if not isinstance(value, Stack):
        raise TypeError(f"stack must be a Stack, got {value!r}")
    return value


# --------------------------------------------------------------------------- tunnel magnetoresistance


def julliere_tmr(P1, P2):
    """Julliere's tunnel magnetoresistance ``2 P1 P2 / (1 - P1 P2)``.

    Julliere, Phys. Lett. A 54, 225 (1975), doi:10.1016/0375-9601(75)90174-7:
    spin-conserving tunnelling between electrodes whose Fermi-level densities
    of states are polarized by ``P1`` and ``P2`` gives ``G_P ∝ 1 + P1 P2`` and
    ``G_AP ∝ 1 - P1 P2``. It knows nothing of the symmetry filtering of
    crystalline MgO, which gives far more than the electrodes' polarizations
    would.

    Parameters
    ----------
    P1, P2 : float or array_like
        Tunnelling polarizations in [-1, 1] with ``P1 P2 < 1`` (two half-metals diverge).

    Examples
    --------
    Two electrodes polarized to 60 % give 112 %:

    >>> round(float(julliere_tmr(0.6, 0.6)), 3)
    1.125
    """
    P1, P2 = np.asarray(P1, dtype=float), np.asarray(P2, dtype=float)
    for name, P in (("P1", P1), ("P2", P2)):
        if not np.all(np.isfinite(P)) or np.any(np.abs(P) > 1.0):
            raise ValueError(f"{name} must lie in [-1, 1], got {P!r}")
    product = P1 * P2
    if np.any(product >= 1.0):
        raise ValueError(f"P1 * P2 must be < 1 (the TMR of two fully polarized electrodes diverges), "
                         f"got P1={P1!r}, P2={P2!r}")
    return 2.0 * product / (1.0 - product)


def tmr(voltage, TMR0, V_half):
    """The TMR at a bias, ``TMR0 / (1 + (V / V_half)^2)``.

    An empirical form of the roll-off (hot electrons exciting magnons), the one
    of the CoFeB/MgO compact model of Zhang et al., IEEE Trans. Electron
    Devices 59, 819 (2012), with ``V_half`` = 0.5 V there. Only ``R_AP`` depends
    on bias (:func:`resistance`).

    Parameters
    ----------
    voltage : float or array_like
        Bias in V (either sign).
    TMR0 : float
        Zero-bias ratio (> 0).
    V_half : float
        In V (> 0).

    Examples
    --------
    >>> [round(float(x), 2) for x in tmr([0.0, 0.5], TMR0=1.2, V_half=0.5)]
    [1.2, 0.6]
    """
    TMR0, V_half = check.positive("TMR0", TMR0), check.positive("V_half", V_half, "V")
    V = np.asarray(voltage, dtype=float)
    if not np.all(np.isfinite(V)):
        raise ValueError(f"voltage must be finite, got {voltage!r}")
    return TMR0 / (1.0 + (V / V_half) ** 2)


def resistance(diameter, stack=None, state="P", voltage=0.0):
    """``R_P = RA / area`` or ``R_AP = R_P (1 + TMR(V))`` in Ohm.

    Parameters
    ----------
    diameter : float or array_like
        In m (> 0).
    stack : Stack, optional
        Default ``stack("cofeb_mgo")``, here and everywhere below.
    state : {"P", "AP"}
    voltage : float or array_like, optional
        Bias in V (:func:`tmr`).

    Examples
    --------
    A 40 nm pillar of the ``cofeb_mgo`` stack (RA = 5 Ohm um^2, TMR 120 %):

    >>> round(float(resistance(40e-9))), round(float(resistance(40e-9, state="AP")))  # Ohm
    (3979, 8754)
    >>> round(float(resistance(40e-9, state="AP", voltage=0.5)))  # the TMR halved at 0.5 V
    6366
    """
    s = _stack(stack)
    check.choice("state", state, ("P", "AP"))
    d = _positive_array("diameter", diameter, "m")
    R_P = s.RA / (0.25 * math.pi * d * d)
    return R_P if state == "P" else R_P * (1.0 + tmr(voltage, s.TMR0, s.V_half))
