"""A perpendicular STT-MRAM pillar switched by current, micromagnetically and as a macrospin.

The free layer is the CoFeB/MgO disk of the ``cofeb_mgo_40nm`` preset
(:mod:`sttlab.params`: ``Ms = 1.1 MA/m``, ``t = 1.3 nm``, interface
anisotropy ``K_i``, ``alpha = 0.01``, ``eta = P = 0.5``, polarizer +z) at any
diameter, on one layer of square cells, with the exchange stiffness
``A = 20 pJ/m`` (Devolder et al., Phys. Rev. B 93, 024420 (2016), the value
of the ``cofeb_mgo`` stack of :mod:`sttlab.mram.materials`). Its exchange
length ``sqrt(2 A / mu0 Ms^2)`` is 5.1 nm; the wall parameter
``sqrt(A / K_eff)`` is 8-11 nm for disks of 20-80 nm (``K_eff`` with each
disk's own demagnetizing factors).

:func:`switch` relaxes the antiparallel state (``m = -z``, with the edge
spins canted by the disk's stray field), tilts it rigidly by a small angle,
drives it with a constant current density ``J = current_ratio * J_c0`` and
records ``<m>(t)`` and snapshots of ``m_z`` over the disk. The same junction
as a macrospin, with the magnetometric demagnetizing factors of the very
same staircase disk (:meth:`~sttlab.micromag.Sample.macrospin`), gives the
reference: ``J_c0`` (Sun, Phys. Rev. B 62, 570 (2000)), its
:func:`sttlab.dynamics.simulate` trajectory from the same tilt, and the
closed-form switching time (:func:`sttlab.dynamics.analytic_switching_time`).

What the comparison shows: a disk a few exchange lengths across switches
nearly as a macrospin; at 60-80 nm the reversal is not uniform (``|<m>|``
drops well below 1 on the way: parts of the disk lead, parts lag), and the
switching time departs from the macrospin's. With a uniform anisotropy and
current, as here, the centre leads and the rim lags: the rim feels a weaker
demagnetizing field, hence a stiffer effective anisotropy, and its spins are
canted outwards by the stray field. A rim with a weaker interface anisotropy
(etch damage, as in real pillars; ``edge_damage`` of :func:`nanopillar` and
:func:`switch`) turns that around: the rim starts the reversal, well ahead
of the centre, and the pillar switches in less than half the time.

Examples
--------
>>> from sttlab.micromag import pillar
>>> disk = pillar.nanopillar(60e-9)
>>> disk.mesh.n, disk.n_magnetic, round(disk.exchange_length * 1e9, 2)
((20, 20, 1), 316, 5.13)
>>> round(disk.macrospin().Jc0() / 1e10, 2)  # A/m^2, with the staircase disk's demag factors
2.83

A run (a few seconds): ``result = pillar.switch(60e-9, current_ratio=3.0)``, then
``result.switching_time``, ``result.macrospin_switching_time``, ``result.mz_maps()``.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from .. import _validate as check
from ..dynamics import Trajectory, analytic_switching_time, simulate as simulate_macrospin
from ..params import Cylinder, Junction, preset
from .relax import relax
from .results import Run
from .sample import Sample
from .solver import simulate

#: Exchange stiffness of CoFeB in J/m (Devolder et al. 2016).
A_COFEB = 2.0e-11


def junction(diameter, base=None):
    """The ``cofeb_mgo_40nm`` preset (or ``base``) with a free layer of ``diameter`` m.

    Examples
    --------
    >>> j = junction(60e-9)
    >>> j.free.geometry.diameter, j.free.thickness, j.P
    (6e-08, 1.3e-09, 0.5)
    """
    base = preset("cofeb_mgo_40nm") if base is None else base
    if not isinstance(base, Junction):
        raise TypeError(f"base must be a Junction, got {base!r}")
    geometry = Cylinder(check.positive("diameter", diameter, "m"), base.free.thickness)
    return dataclasses.replace(base, free=dataclasses.replace(base.free, geometry=geometry))


def nanopillar(diameter=60e-9, *, cell=3e-9, A=A_COFEB, base=None, edge_damage=0.0, edge_width=8e-9):
    """The pillar's free layer as a one-layer :class:`~sttlab.micromag.Sample`, optionally with a damaged rim.

    An etched pillar's rim has a weaker interface anisotropy than its centre.
    With ``edge_damage = f`` the cells whose centres lie within ``edge_width``
    of the edge keep ``(1 - f) K_i``: the interface term ``K_i / t`` of the
    layer (:func:`sttlab.micromag.fields.interface_anisotropy`) gets a per-cell
    ``K_u = -f K_i / t`` there.

    Parameters
    ----------
    diameter : float, optional
        In m.
    cell : float, optional
        Largest in-plane cell size in m (keep it below the exchange length, 5 nm).
    A : float, optional
        Exchange stiffness in J/m.
    base : Junction, optional
        The stack; default the ``cofeb_mgo_40nm`` preset.
    edge_damage : float, optional
        Fraction of ``K_i`` the rim loses, in [0, 1] (default 0: a clean disk).
    edge_width : float, optional
        Width of the damaged rim in m (> 0; default 8 nm).

    Examples
    --------
    >>> disk = nanopillar(40e-9, cell=4e-9)
    >>> disk.mesh.n, disk.n_magnetic
    ((10, 10, 1), 80)
    >>> damaged = nanopillar(40e-9, cell=4e-9, edge_damage=0.5)
    >>> rim = damaged.Ku_cells < disk.Ku_cells
    >>> int(rim.sum()), bool(np.allclose(damaged.Ku_cells[rim], 0.5 * disk.Ku_cells[rim]))
    (48, True)
    """
    sample = Sample.from_junction(junction(diameter, base), A=A, cell=cell)
    damage = check.in_range("edge_damage", edge_damage, 0.0, 1.0)
    width = check.positive("edge_width", edge_width, "m")
    if damage == 0.0:
        return sample
    x, y, _ = sample.mesh.coordinates()
    rim = np.hypot(x[:, None], y[None, :]) > 0.5 * diameter - width
    Ku = np.zeros(sample.mesh.shape)
    Ku[rim, 0] = -damage * sample.Ki / sample.mesh.cell[2]
    return dataclasses.replace(sample, Ku=Ku)


@dataclass(frozen=True, eq=False)
class PillarSwitching:
    """A micromagnetic switching run and its macrospin counterpart (from :func:`switch`).

    Attributes
    ----------
    sample : Sample
    run : Run
        The micromagnetic run, with snapshots (``run.snapshot_t``, ``run.snapshots``).
    macrospin : Trajectory
        The macrospin run (:func:`sttlab.simulate`) from the same tilt.
    junction : Junction
        The macrospin: the sample's junction with the staircase disk's demagnetizing factors.
    current_density : float
        In A/m^2.
    Jc0 : float
        The macrospin critical current density in A/m^2 (``junction.Jc0()``).
    tilt_deg : float
        Initial tilt from -z in degrees.

    Examples
    --------
    Below the critical current the tilt decays and nothing switches:

    >>> result = switch(20e-9, current_ratio=0.5, cell=4e-9, duration=0.5e-9, snapshots=3)
    >>> result.switching_time, result.macrospin_switching_time, result.analytic_switching_time
    (None, None, inf)
    >>> result.mz_maps().shape, len(result.run.snapshot_t)
    ((3, 5, 5), 3)
    """

    sample: Sample
    run: Run
    macrospin: Trajectory
    junction: Junction
    current_density: float
    Jc0: float
    tilt_deg: float

    @property
    def switching_time(self):
        """When ``<m_z>`` of the disk crosses zero, in s (None if it did not switch)."""
        return self.run.switching_time()

    @property
    def macrospin_switching_time(self):
        """When the macrospin's ``m_z`` crosses zero, in s (None if it did not switch)."""
        return self.macrospin.switching_time()

    @property
    def analytic_switching_time(self):
        """The macrospin's closed-form switching time in s (``inf`` below ``J_c0``)."""
        return analytic_switching_time(self.junction, self.current_density, self.tilt_deg)

    @property
    def uniformity(self):
        """``|<m>|`` at every saved time: 1 for a uniform state, smaller when the disk is not uniform."""
        return np.linalg.norm(self.run.m_avg, axis=1)

    def mz_maps(self):
        """``m_z`` of every snapshot over the disk, shape ``(k, nx, ny)``, NaN outside it (times ``run.snapshot_t``)."""
        maps = self.run.snapshots[:, 2, :, :, 0].copy()
        maps[:, ~self.sample.mask[:, :, 0]] = np.nan
        return maps

    def centre_and_rim(self, inner=0.35, outer=0.8):
        """Mean ``m_z`` of the centre (``r < inner R``) and of the rim (``r > outer R``) in every snapshot.

        Returns
        -------
        centre, rim : ndarray, shape (k,)
            At the times ``run.snapshot_t``.
        """
        inner = check.in_range("inner", inner, 0.0, 1.0, low_open=True)
        outer = check.in_range("outer", outer, inner, 1.0, high_open=True)
        x, y, _ = self.sample.mesh.coordinates()
        r = np.hypot(x[:, None], y[None, :]) / (0.5 * self.junction.free.geometry.diameter)
        disk = self.sample.mask[:, :, 0]
        mz = self.run.snapshots[:, 2, :, :, 0]
        return mz[:, disk & (r < inner)].mean(axis=1), mz[:, disk & (r > outer)].mean(axis=1)


def switch(diameter=60e-9, *, current_ratio=3.0, duration=None, cell=3e-9, A=A_COFEB, tilt_deg=2.0, snapshots=12,
           base=None, edge_damage=0.0, edge_width=8e-9, progress=False):
    """Switch a perpendicular pillar from AP to P by current; micromagnetics against the macrospin.

    Parameters
    ----------
    diameter : float, optional
        In m (default 60 nm).
    current_ratio : float, optional
        ``J / J_c0`` with the macrospin ``J_c0`` of the same disk (> 0).
    duration : float, optional
        In s; default 1.5 times the macrospin's closed-form switching time
        (or 5 ns below ``J_c0``).
    cell : float, optional
        In-plane cell size in m (default 3 nm: a 60 nm disk is 20 x 20 cells).
    A : float, optional
        Exchange stiffness in J/m.
    tilt_deg : float, optional
        Rigid tilt of the relaxed AP state from -z, in degrees (in (0, 90)).
    snapshots : int, optional
        Number of snapshots of ``m`` over the run (>= 2).
    base : Junction, optional
        The stack (default ``cofeb_mgo_40nm``).
    edge_damage, edge_width : float, optional
        A rim that has lost this fraction of ``K_i`` over this width (:func:`nanopillar`).
        The macrospin reference is the undamaged disk's.
    progress : bool, optional

    Returns
    -------
    PillarSwitching

    Examples
    --------
    A 20 nm disk switches as a macrospin (a few seconds):

    >>> result = switch(20e-9, current_ratio=3.0, cell=4e-9)
    >>> bool(abs(result.switching_time / result.macrospin_switching_time - 1) < 0.02)
    True
    """
    sample = nanopillar(diameter, cell=cell, A=A, base=base, edge_damage=edge_damage, edge_width=edge_width)
    macro = sample.macrospin()
    Jc0 = macro.Jc0()
    J = check.positive("current_ratio", current_ratio) * Jc0
    tilt_deg = check.in_range("tilt_deg", tilt_deg, 0.0, 90.0, low_open=True, high_open=True)
    if isinstance(snapshots, bool) or not isinstance(snapshots, (int, np.integer)) or snapshots < 2:
        raise ValueError(f"snapshots must be an integer >= 2, got {snapshots!r}")
    t_exact = analytic_switching_time(macro, J, tilt_deg)
    if duration is None:
        duration = 1.5 * t_exact if math.isfinite(t_exact) else 5e-9
    duration = check.positive("duration", duration, "s")
    ap = relax(sample, sample.uniform((0.0, 0.0, -1.0))).m
    m0 = _tilt(ap, tilt_deg)
    save_every = duration / (50 * (snapshots - 1))
    run = simulate(sample, m0, duration, current_density=J, method="rk4", save_every=save_every,
                   snapshot_every=50 * save_every, progress=progress)
    theta = math.radians(tilt_deg)
    trajectory = simulate_macrospin(macro, (math.sin(theta), 0.0, -math.cos(theta)), duration, current_density=J)
    return PillarSwitching(sample, run, trajectory, macro, J, Jc0, tilt_deg)


def _tilt(m, degrees):
    """Rotate every cell's ``m`` by ``degrees`` about y, taking -z towards +x."""
    theta = math.radians(degrees)
    c, s = math.cos(theta), math.sin(theta)
    out = m.copy()
    out[0] = c * m[0] - s * m[2]
    out[2] = s * m[0] + c * m[2]
    return out
