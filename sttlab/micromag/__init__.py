"""Micromagnetics: a finite-difference LLG solver with Slonczewski spin-transfer torque.

The magnet is cut into rectangular cells, each with its own unit
magnetization ``m``; the cells feel exchange (their neighbours), uniaxial
and interface anisotropy, the applied field, the demagnetizing field of all
the others (by FFT convolution with Newell's tensor) and the spin-transfer
torque of a fixed polarizer, and every cell obeys the same Landau-Lifshitz-
Gilbert equation as the macrospin of :mod:`sttlab.llg` (same gamma, same
torque amplitudes and signs, SI units). A one-cell mesh *is* that macrospin.

The API at a glance::

    Mesh, uniform, random_tilt             the grid, masks (box, ellipse, disk), initial states   mesh
    Sample                                 mesh + materials (+ a Junction for the torque)          sample
    exchange_field, anisotropy_field,      the field terms in plain numpy, with their energies     fields
      spin_torque_field, ..._energy
    demag_field, demag_factors,            Newell's tensor, the FFT convolution, Aharoni's prism   demag
      box_demag_factors
    simulate -> Run                        RK45 (Dormand-Prince) or RK4 dynamics                   solver
    relax -> Relaxed                       energy minimum (Barzilai-Borwein descent or damping)    relax
    standard_problems                      muMAG standard problem 4 and its reference curves
    pillar                                 the perpendicular STT-MRAM pillar vs the macrospin

Arrays: a vector field has shape ``(3, nx, ny, nz)`` (``m[0]`` is ``m_x`` on
the grid), a scalar one ``(nx, ny, nz)``; outside the magnet ``m = 0``.

Examples
--------
Relax a permalloy film into its s-state and kick it with a field:

>>> from sttlab.constants import mu0
>>> from sttlab.micromag import Mesh, Sample, relax, simulate
>>> film = Sample(Mesh.from_size((200e-9, 50e-9, 3e-9), (40, 10, 1)), Ms=8e5, A=1.3e-11, alpha=0.02)
>>> state = relax(film, film.uniform((1, 0.1, 0)))
>>> run = simulate(film, state.m, 50e-12, field=(-24.6e-3 / mu0, 4.3e-3 / mu0, 0))
>>> bool(run.m_avg[-1, 0] < run.m_avg[0, 0])
True
"""

from . import pillar, standard_problems
from .demag import box_demag_factors, demag_factors, demag_field
from .fields import (anisotropy_energy, anisotropy_field, exchange_energy, exchange_field, spin_torque_field,
                     zeeman_energy)
from .mesh import Mesh, random_tilt, uniform
from .relax import relax
from .results import Relaxed, Run
from .sample import Sample
from .solver import simulate

__all__ = [
    "Mesh",
    "Relaxed",
    "Run",
    "Sample",
    "anisotropy_energy",
    "anisotropy_field",
    "box_demag_factors",
    "demag_factors",
    "demag_field",
    "exchange_energy",
    "exchange_field",
    "pillar",
    "random_tilt",
    "relax",
    "simulate",
    "spin_torque_field",
    "standard_problems",
    "uniform",
    "zeeman_energy",
]
