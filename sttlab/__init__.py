"""sttlab: spin-transfer-torque magnetization switching, numba-backed.

The public API at a glance::

    Magnet, Junction, Cylinder, EllipticCylinder   parameters (SI units)   sttlab.params
    preset, preset_names                           sourced device presets  sttlab.params
    Pulse                                          current / field pulses  sttlab.llg
    simulate, Trajectory                           deterministic dynamics  sttlab.dynamics
    spin_torque_efficiency                         eta(m.p) models         sttlab.efficiency

Topic modules, imported with the package: ``sttlab.transport`` (two-current
model, spin current, spin diffusion), ``sttlab.valet_fert`` (spin accumulation
across F/N interfaces, spin valves), ``sttlab.scattering`` (spin-mixing
conductance), ``sttlab.thermal`` (stochastic LLG ensembles, Neel-Brown) and
``sttlab.fokker_planck`` (switching probability and write-error rates), and
``sttlab.mram`` (the STT-MRAM cell: materials, scaling, reliability, the
1T-1MTJ circuit and its design space) and ``sttlab.micromag``
(finite-difference micromagnetics with Slonczewski torque: standard problem 4,
the nanopillar beyond the macrospin).
Figures and explorers (matplotlib, ipywidgets) are in ``sttlab.plotting`` and
``sttlab.explorers``, imported on demand.
"""

from . import constants, fokker_planck, micromag, mram, scattering, thermal, transport, valet_fert
from .dynamics import Trajectory, simulate
from .efficiency import spin_torque_efficiency
from .llg import Pulse
from .params import Cylinder, EllipticCylinder, Junction, Magnet, preset, preset_names

__all__ = [
    "Cylinder",
    "EllipticCylinder",
    "Junction",
    "Magnet",
    "Pulse",
    "Trajectory",
    "constants",
    "fokker_planck",
    "micromag",
    "mram",
    "preset",
    "preset_names",
    "scattering",
    "simulate",
    "spin_torque_efficiency",
    "thermal",
    "transport",
    "valet_fert",
]
__version__ = "0.1.0"
