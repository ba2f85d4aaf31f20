"""STT-MRAM device figures: the magnetic tunnel junction as a memory cell.

Built on the macrospin physics of :mod:`sttlab.params` (``Delta``, ``I_c0``),
:mod:`sttlab.thermal` (Neel-Brown rate, current-lowered barrier) and
:mod:`sttlab.fokker_planck` (write-error rate); only device-level physics
lives here, in five modules, each built on the ones above it:

* :mod:`~sttlab.mram.materials`, the stack: cited materials (:class:`Stack`,
  :func:`stack`), Julliere's TMR (:func:`julliere_tmr`), its bias roll-off
  (:func:`tmr`), ``R_P`` and ``R_AP`` from the resistance-area product
  (:func:`resistance`), barrier breakdown (:meth:`Stack.breakdown_margin`);
* :mod:`~sttlab.mram.pillar`, the size: the exact demagnetizing factors of a
  cylinder (:func:`cylinder_demag`), hence ``Delta(d, t, T)``, ``I_c0`` and
  ``Delta / I_c0`` of real pillars (:func:`scaling`); the exchange length and
  wall width, and where reversal stops being a macrospin
  (:func:`exchange_length`, :func:`domain_wall_width`); the thickness window
  (:func:`pma_thickness`, :func:`thickness_window`);
* :mod:`~sttlab.mram.reliability`, the array: failure of ``N`` bits over years
  (:func:`array_failure`, :func:`retention_time`) and the smallest diameter
  that keeps the data (:func:`critical_diameter`), read disturb
  (:func:`read_disturb`), write-error rate (:func:`write_error_rate`, and
  :func:`tabulated_write_error_rate` for whole curves);
* :mod:`~sttlab.mram.cell`, the circuit: the 1T-1MTJ cell (:class:`Cell`) with
  an alpha-power-law access transistor (:class:`AccessTransistor`): write
  current in both directions with source degeneration, write energy, read
  signal (:func:`sense_margin`);
* :mod:`~sttlab.mram.design`, the target: the design space of an embedded
  target (:func:`design_space`, :data:`EMBEDDED_2026`) with the constraint that
  binds at each edge.

Every public name is available here, as ``sttlab.mram.<name>``.
Everything is SI: m, A, V, Ohm, Ohm m^2, J, s, K.

Examples
--------
>>> from sttlab import mram
>>> cofeb = mram.stack("cofeb_mgo")
>>> figures = mram.scaling(40e-9, 1.3e-9, T=300.0, stack=cofeb)
>>> round(float(figures.Nz), 3), round(float(figures.Delta), 1), round(float(figures.Ic0_AP) * 1e6, 1)
(0.911, 40.0, 20.1)
>>> # smallest diameter (nm) for 10 years at 85 C: one bit, and a 32-Mib array with 0.1 % risk
>>> [round(mram.critical_diameter(1.3e-9, n_bits=n, stack=cofeb) * 1e9, 1) for n in (1, 2**25)]
[53.0, 68.6]
>>> cell = mram.Cell(50e-9, 1.2e-9, cofeb)
>>> [round(cell.write(direction, 20e-9).current * 1e6) for direction in mram.DIRECTIONS]  # uA
[161, 103]
"""

from .cell import DIRECTIONS, AccessTransistor, Cell, WriteOperation, sense_margin
from .design import CONSTRAINTS, EMBEDDED_2026, DesignSpace, Target, design_space
from .materials import Stack, julliere_tmr, resistance, stack, stack_names, stack_source, tmr
from .pillar import (
    Scaling,
    ThicknessWindow,
    cylinder_demag,
    domain_wall_width,
    exchange_length,
    free_layer,
    junction,
    pma_thickness,
    scaling,
    thickness_window,
)
from .reliability import (
    T_85C,
    WER_TABLE_DOMAIN,
    YEAR,
    array_failure,
    critical_diameter,
    read_disturb,
    retention_time,
    tabulated_write_error_rate,
    write_error_rate,
)

__all__ = [
    # materials
    "Stack",
    "julliere_tmr",
    "resistance",
    "stack",
    "stack_names",
    "stack_source",
    "tmr",
    # pillar
    "Scaling",
    "ThicknessWindow",
    "cylinder_demag",
    "domain_wall_width",
    "exchange_length",
    "free_layer",
    "junction",
    "pma_thickness",
    "scaling",
    "thickness_window",
    # reliability
    "T_85C",
    "WER_TABLE_DOMAIN",
    "YEAR",
    "array_failure",
    "critical_diameter",
    "read_disturb",
    "retention_time",
    "tabulated_write_error_rate",
    "write_error_rate",
    # cell
    "DIRECTIONS",
    "AccessTransistor",
    "Cell",
    "WriteOperation",
    "sense_margin",
    # design
    "CONSTRAINTS",
    "EMBEDDED_2026",
    "DesignSpace",
    "Target",
    "design_space",
]
