"""The design space of an embedded-MRAM target: which pillars meet every requirement.

A :class:`Target` (default :data:`EMBEDDED_2026`) lists what an array must
do. :func:`design_space` checks each of its :data:`CONSTRAINTS` on a
(diameter, thickness) grid, from the pillar's figures
(:mod:`~sttlab.mram.pillar`), the array's reliability
(:mod:`~sttlab.mram.reliability`) and the cell's circuit
(:mod:`~sttlab.mram.cell`), and :meth:`DesignSpace.edges` names the
constraint that binds on each side of the window.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from .. import _validate as check
from ..constants import mu0
from .cell import DIRECTIONS, AccessTransistor, _write, sense_margin
from .materials import _stack, resistance
from .pillar import Scaling, scaling
from .reliability import T_85C, YEAR, _disturb, _table_wer, array_failure

#: The design-space constraints, in the order of :attr:`DesignSpace.margins`.
CONSTRAINTS = ("PMA", "retention", "write AP->P", "write P->AP", "read disturb", "sense margin", "breakdown")


@dataclass(frozen=True)
class Target:
    """Requirements and operating point of an embedded-MRAM macro (defaults: :data:`EMBEDDED_2026`).

    The list follows the analysis of cell operation in arrays by Khvalkovskiy
    et al., J. Phys. D 46, 074001 (2013), doi:10.1088/0022-3727/46/7/074001:
    retention of the whole array, write errors, read disturb, read signal and
    the barrier's breakdown.

    Parameters
    ----------
    n_bits : int
        Bits in the array.
    retention : float
        In s.
    retention_failure : float
        Acceptable probability that any bit flips within ``retention`` (no ECC).
    T : float
        Temperature of retention, read and write, in K.
    wer : float
        Largest write-error rate, each direction.
    read_current, read_time : float
        Current-mode read in A and s (positive: it disturbs AP bits).
    read_disturb : float
        Largest disturb probability per read.
    sense_margin : float
        Smallest ``V_AP - V_P`` in V.
    breakdown_ratio : float
        Smallest ``V_breakdown / V_MTJ`` during a write (>= 1).
    V_write, V_gate : float
        Write driver and word-line voltages in V (:class:`Cell`).
    connection : {"standard", "reverse"}

    Examples
    --------
    >>> target = Target(n_bits=2**20, T=398.15)  # a 1-Mib macro at 125 C
    >>> target.n_bits, target.wer, EMBEDDED_2026.T
    (1048576, 1e-09, 358.15)
    """

    n_bits: int = 2**25
    retention: float = 10 * YEAR
    retention_failure: float = 1e-3
    T: float = T_85C
    wer: float = 1e-9
    read_current: float = 10e-6
    read_time: float = 10e-9
    read_disturb: float = 1e-9
    sense_margin: float = 0.02
    breakdown_ratio: float = 1.5
    V_write: float = 1.1
    V_gate: float = 1.1
    connection: str = "standard"

    def __post_init__(self):
        check.count("n_bits", self.n_bits)
        for name in ("retention", "T", "read_current", "read_time", "sense_margin", "V_write", "V_gate"):
            check.positive(name, getattr(self, name))
        for name in ("retention_failure", "wer", "read_disturb"):
            check.in_range(name, getattr(self, name), 0.0, 1.0, low_open=True, high_open=True)
        check.in_range("breakdown_ratio", self.breakdown_ratio, 1.0, math.inf)
        check.choice("connection", self.connection, ("standard", "reverse"))


#: A 2026-typical embedded MRAM replacing eFlash, a 32-Mib macro that keeps its data 10 years at 85 C
#: with at most a 0.1 % chance of losing any bit (no ECC); write-error rate and read disturb <= 1e-9;
#: a 10 uA, 10 ns current-mode read with >= 20 mV of signal; writes at 1.1 V with the word line
#: overdriving a 0.9 V logic transistor; the MTJ kept below 2/3 of its breakdown voltage.
#: Representative values chosen for this model, not one product's datasheet.
EMBEDDED_2026 = Target()


@dataclass(frozen=True, eq=False)
class DesignSpace:
    """Constraint margins on a (diameter, thickness) grid, from :func:`design_space`.

    Attributes
    ----------
    diameters, thicknesses : ndarray, shapes (n_d,), (n_t,)
        In m.
    pulse_width, transistor_width : float
        In s and m.
    target : Target
    margins : ndarray, shape (7, n_d, n_t)
        One per :data:`CONSTRAINTS`, ``>= 0`` where met: ``K_eff / (mu0 Ms^2 / 2)``
        for PMA; ``log10(allowed / actual)`` for the probabilities and the MTJ
        voltage, ``log10(actual / required)`` for the sense margin. NaN where PMA fails.
    wer : ndarray, shape (2, n_d, n_t)
        Write-error rates, AP->P and P->AP.
    currents : ndarray, shape (2, n_d, n_t)
        Write currents in A, AP->P and P->AP.
    figures : Scaling
        At ``target.T``.

    Examples
    --------
    >>> space = design_space(np.array([35e-9, 40e-9, 45e-9, 50e-9]), np.array([0.95e-9, 1.0e-9, 1.05e-9]))
    >>> space.margins.shape, space.feasible.astype(int).tolist()  # diameters down, thicknesses across
    ((7, 4, 3), [[1, 0, 0], [1, 1, 1], [0, 0, 1], [0, 0, 0]])
    """

    diameters: np.ndarray
    thicknesses: np.ndarray
    pulse_width: float
    transistor_width: float
    target: Target
    margins: np.ndarray
    wer: np.ndarray
    currents: np.ndarray
    figures: Scaling

    @property
    def feasible(self):
        """Where every constraint is met, shape (n_d, n_t)."""
        return np.all(np.nan_to_num(self.margins, nan=-1.0) >= 0.0, axis=0)

    @property
    def binding(self):
        """Index into :data:`CONSTRAINTS` of the tightest, or most violated, constraint; shape (n_d, n_t)."""
        return np.where(self.margins[0] > 0.0, np.argmin(np.nan_to_num(self.margins, nan=np.inf), axis=0), 0)

    def edges(self):
        """The constraint that fails just outside the feasible window on each side.

        Returns
        -------
        dict
            For ``"small diameter"``, ``"large diameter"``, ``"thin"`` and
            ``"thick"``: the name (:data:`CONSTRAINTS`) most often
            :attr:`binding` at the grid points next to the window on that side,
            or None if the window is empty or reaches the grid's end there.

        Examples
        --------
        >>> space = design_space(np.array([35e-9, 40e-9, 45e-9, 50e-9]), np.array([0.95e-9, 1.0e-9, 1.05e-9]))
        >>> space.edges()["small diameter"], space.edges()["large diameter"]
        ('retention', 'write P->AP')
        """
        feasible, binding, out = self.feasible, self.binding, {}
        for key, along_d, side in (("small diameter", True, 0), ("large diameter", True, -1), ("thin", False, 0),
                                   ("thick", False, -1)):
            names = []
            for ok, code in zip(feasible.T if along_d else feasible, binding.T if along_d else binding):
                inside = np.flatnonzero(ok)
                if inside.size and 0 <= inside[side] + (1 if side else -1) < ok.size:
                    names.append(int(code[inside[side] + (1 if side else -1)]))
            out[key] = CONSTRAINTS[max(set(names), key=names.count)] if names else None
        return out


def design_space(diameters, thicknesses, *, pulse_width=20e-9, transistor_width=150e-9, target=EMBEDDED_2026,
                 stack=None, transistor=None, figures=None):
    """Which (diameter, thickness) meet every requirement of a target at a pulse width and transistor width.

    At every grid point, at ``target.T``:

    * **PMA**: ``K_eff > 0``;
    * **retention**: :func:`array_failure` of the array over ``retention`` with
      the lower of the coherent and wall barriers (:func:`scaling`);
    * **write**, each direction: the current of :meth:`Cell.write` (source
      degeneration included) gives a write-error rate from the Fokker-Planck
      equation. For an axially symmetric macrospin that rate depends only on
      ``Delta``, ``I / I_c0`` and ``pulse / tau_D``; it is read from a table of
      :func:`sttlab.fokker_planck.write_error_rate`, built once per efficiency
      model (a few seconds) and within 0.3 decades of the direct solution for
      rates above 1e-15. A grid point off the table
      (:data:`~sttlab.mram.reliability.WER_TABLE_DOMAIN`) takes the rate at the
      table's edge, a bound: from above beyond 8 ``I_c0``, beyond 1000
      ``tau_D`` and below ``Delta = 20`` (where retention fails first), from
      below above ``Delta = 540`` and under 0.2 ``tau_D``, where a write can
      look better than it is (:func:`write_error_rate` checks such a point;
      large barriers usually come with ``I < I_c0`` and a bound of 1 anyway);
    * **read disturb** (:func:`read_disturb`, ``n = 2``) and **sense margin**
      (:func:`sense_margin`) at the read current;
    * **breakdown**: :meth:`~sttlab.mram.materials.Stack.breakdown_margin` of the largest write bias.

    Parameters
    ----------
    diameters, thicknesses : array_like, 1D
        In m (> 0).
    pulse_width : float, optional
        Write pulse in s.
    transistor_width : float, optional
        In m; replaces the width of ``transistor``.
    target : Target, optional
    stack : materials.Stack, optional
    transistor : AccessTransistor, optional
    figures : Scaling, optional
        :func:`scaling` of this grid (``diameters[:, None]``, ``thicknesses[None, :]``)
        at ``target.T`` for this stack, from an earlier call's ``figures``: it holds
        everything that depends on neither the pulse nor the circuit, and is most
        of the cost, so explorers compute it once.

    Returns
    -------
    DesignSpace

    Examples
    --------
    Small pillars lose their data, large ones cannot be written P -> AP by the transistor:

    >>> space = design_space(np.array([35e-9, 40e-9, 45e-9, 50e-9]), np.array([0.95e-9, 1.0e-9, 1.05e-9]))
    >>> space.edges()
    {'small diameter': 'retention', 'large diameter': 'write P->AP', 'thin': 'write P->AP', 'thick': 'retention'}
    >>> shorter = design_space(space.diameters, space.thicknesses, pulse_width=10e-9, figures=space.figures)
    >>> int(space.feasible.sum()), int(shorter.feasible.sum())  # with a 10 ns pulse nothing is left
    (5, 0)
    """
    s = _stack(stack)
    if not isinstance(target, Target):
        raise TypeError(f"target must be a Target, got {target!r}")
    transistor = AccessTransistor() if transistor is None else transistor
    if not isinstance(transistor, AccessTransistor):
        raise TypeError(f"transistor must be an AccessTransistor, got {transistor!r}")
    transistor = dataclasses.replace(transistor, width=transistor_width)
    pulse = check.positive("pulse_width", pulse_width, "s")
    d = check.values("diameters", diameters, positive=True)
    t = check.values("thicknesses", thicknesses, positive=True)
    if figures is None:
        figures = scaling(d[:, None], t[None, :], T=target.T, stack=s)
    elif not isinstance(figures, Scaling):
        raise TypeError(f"figures must be a Scaling, got {figures!r}")
    elif (figures.K_eff.shape != (d.size, t.size) or figures.T != target.T or figures.stack != s
          or not np.array_equal(figures.diameter[:, 0], d) or not np.array_equal(figures.thickness[0], t)):
        raise ValueError("figures must be the scaling of this grid at target.T with this stack")
    pma = figures.K_eff > 0.0

    R_P, currents, wer, voltage = resistance(figures.diameter, s), [], [], 0.0
    for direction, Ic0 in zip(DIRECTIONS, (figures.Ic0_AP, figures.Ic0_P)):
        I, V, _ = _write(R_P, s, transistor, target.V_write, target.V_gate, target.connection, direction)
        currents.append(I)
        voltage = np.maximum(voltage, V)
        wer.append(_table_wer(s, direction.split("->")[0], figures.Delta, I / Ic0, pulse / figures.relaxation_time))
    disturb = _disturb(figures.Delta, np.where(pma, target.read_current / figures.Ic0_AP, 0.0),
                       figures.attempt_frequency, target.read_time, 2.0)
    failure = array_failure(np.where(pma, figures.rate, 0.0), target.retention, target.n_bits)

    def log_ratio(allowed, actual):
        return np.log10(allowed) - np.log10(np.maximum(actual, 1e-300))

    margins = np.array([
        figures.K_eff / (0.5 * mu0 * s.Ms**2),
        log_ratio(target.retention_failure, failure),
        log_ratio(target.wer, wer[0]),
        log_ratio(target.wer, wer[1]),
        log_ratio(target.read_disturb, disturb),
        log_ratio(sense_margin(target.read_current, figures.diameter, s), target.sense_margin),
        log_ratio(s.V_breakdown / target.breakdown_ratio, voltage),
    ])
    margins[1:, ~pma] = np.nan
    return DesignSpace(d, t, pulse, transistor.width, target, margins, np.array(wer), np.array(currents), figures)
