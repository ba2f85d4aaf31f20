"""The micromagnetic sample: a mesh, a magnet shape and its materials, and its effective field.

A :class:`Sample` is to the micromagnetic solver what a
:class:`~sttlab.params.Magnet` (or :class:`~sttlab.params.Junction`) is to
the macrospin one: everything that fixes the energy and the dynamics, with
no drive. Material parameters are numbers or per-cell arrays; the magnet is
the set of cells with ``Ms > 0`` (a mask). A spin-transfer-torque stack is
given as a :class:`~sttlab.params.Junction` (polarizer, polarization,
efficiency model, field-like ratio), whose free layer the sample discretizes:
:meth:`Sample.from_junction` builds one from it.

Examples
--------
>>> import numpy as np
>>> from sttlab import preset
>>> from sttlab.micromag import Sample
>>> sample = Sample.from_junction(preset("cofeb_mgo_40nm"), A=1.5e-11, cell=4e-9)
>>> sample.mesh.n, sample.n_magnetic
((10, 10, 1), 80)
>>> m = sample.uniform((0, 0, -1))
>>> H = sample.effective_field(m)           # A/m: exchange + anisotropy + demag
>>> bool(np.all(H[2][sample.mask] < 0))      # perpendicular anisotropy beats the disk's demag
True
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from .. import _validate as check
from ..constants import mu0
from ..llg import Pulse
from ..params import Cylinder, EllipticCylinder, Junction
from . import fields
from .demag import demag_factors, demag_field
from .mesh import Mesh, as_mask, random_tilt, uniform


@dataclass(frozen=True, eq=False)
class Sample:
    """A magnet on a finite-difference mesh, with its materials.

    Parameters
    ----------
    mesh : Mesh
    Ms : float or ndarray, shape ``(nx, ny, nz)``
        Saturation magnetization in A/m (>= 0; 0 marks an empty cell).
    A : float or ndarray
        Exchange stiffness in J/m (>= 0).
    alpha : float
        Gilbert damping (>= 0), the same in every cell.
    Ku : float or ndarray, optional
        Uniaxial anisotropy in J/m^3 (sign free).
    Ki : float, optional
        Interface anisotropy in J/m^2 of the bottom surface, added to the bottom
        layer as ``Ki / dz`` (:func:`~sttlab.micromag.fields.interface_anisotropy`).
    easy_axis : array_like, optional
        Uniaxial axis (normalized). Default z.
    mask : ndarray of bool, optional
        The magnet's cells (e.g. ``mesh.disk(d)``); ``Ms`` is set to 0 outside.
        Default: the cells where ``Ms > 0``.
    junction : Junction or None, optional
        The spin-transfer-torque stack. Its free layer's thickness must equal
        the mesh's; its ``Ms``, ``alpha`` and anisotropy are not used (the
        sample's are), except to scale the torque: ``H_DL`` per current is
        ``junction.stt_field_per_current() * junction.free.Ms / Ms``.
    demag : bool, optional
        Include the demagnetizing field (default True).

    Attributes
    ----------
    Ms_cells, A_cells, Ku_cells : ndarray, shape ``(nx, ny, nz)``
        The per-cell arrays the solver uses (0 outside the magnet).

    Examples
    --------
    A permalloy ellipse, and its energies in a uniform state along its long axis:

    >>> from sttlab.micromag import Mesh, Sample
    >>> mesh = Mesh((40, 20, 1), (5e-9, 5e-9, 5e-9))
    >>> dot = Sample(mesh, Ms=8e5, A=1.3e-11, alpha=0.01, mask=mesh.ellipse(200e-9, 100e-9))
    >>> dot.n_magnetic, round(dot.exchange_length * 1e9, 2)
    (632, 5.69)
    >>> E = dot.energies(dot.uniform((1, 0, 0)))
    >>> E["exchange"], E["demag"] > 0
    (0.0, True)
    """

    mesh: Mesh
    Ms: object
    A: object
    alpha: float
    Ku: object = 0.0
    Ki: float = 0.0
    easy_axis: tuple = (0.0, 0.0, 1.0)
    mask: object = None
    junction: Junction | None = None
    demag: bool = True

    def __post_init__(self):
        set_ = object.__setattr__
        if not isinstance(self.mesh, Mesh):
            raise TypeError(f"mesh must be a Mesh, got {self.mesh!r}")
        shape = self.mesh.shape
        Ms = fields._per_cell("Ms", self.Ms, shape, minimum=0.0)
        mask = Ms > 0.0 if self.mask is None else as_mask(self.mesh, self.mask) & (Ms > 0.0)
        if not mask.any():
            raise ValueError("the sample has no magnetic cell: Ms must be > 0 somewhere inside the mask")
        set_(self, "mask", mask)
        set_(self, "Ms_cells", np.where(mask, Ms, 0.0))
        set_(self, "A_cells", np.where(mask, fields._per_cell("A", self.A, shape, minimum=0.0), 0.0))
        set_(self, "alpha", check.non_negative("alpha", self.alpha))
        set_(self, "Ki", check.real("Ki", self.Ki))
        Ku = fields.interface_anisotropy(shape, self.Ki, self.mesh.cell[2], fields._per_cell("Ku", self.Ku, shape))
        set_(self, "Ku_cells", np.where(mask, Ku, 0.0))
        set_(self, "easy_axis", tuple(map(float, check.direction("easy_axis", self.easy_axis))))
        if self.junction is not None:
            if not isinstance(self.junction, Junction):
                raise TypeError(f"junction must be a Junction or None, got {self.junction!r}")
            t = self.mesh.size[2]
            if abs(self.junction.free.thickness / t - 1.0) > 1e-9:
                raise ValueError(f"junction.free.thickness = {self.junction.free.thickness!r} m must equal the "
                                 f"mesh thickness {t!r} m")
        if not isinstance(self.demag, bool):
            raise TypeError(f"demag must be True or False, got {self.demag!r}")
        for name in ("Ms_cells", "A_cells", "Ku_cells", "mask"):
            getattr(self, name).flags.writeable = False

    @classmethod
    def from_junction(cls, junction, *, A, cell, n_layers=1, demag=True):
        """The free layer of a junction (or a magnet) on a mesh that covers its cylinder or ellipse.

        Ms, alpha, ``Ku`` and ``Ki`` (on the bottom layer), the easy axis and the
        spin-torque parameters come from ``junction``; the shape from its
        geometry; the demagnetizing field is computed on the mesh (the
        magnet's diagonal ``demag`` factors are not used).

        Parameters
        ----------
        junction : Junction
        A : float
            Exchange stiffness in J/m (> 0).
        cell : float
            Largest in-plane cell size in m; the mesh is ``ceil(d / cell)`` cells
            across, stretched to fit exactly.
        n_layers : int, optional
            Cells through the thickness (default 1, a thin film).
        demag : bool, optional
        """
        if not isinstance(junction, Junction):
            raise TypeError(f"junction must be a Junction, got {junction!r}")
        free = junction.free
        geometry = free.geometry
        if isinstance(geometry, Cylinder):
            length = width = geometry.diameter
        elif isinstance(geometry, EllipticCylinder):
            length, width = geometry.length, geometry.width
        else:  # pragma: no cover - Magnet validates its geometry
            raise TypeError(f"unsupported geometry {geometry!r}")
        if isinstance(n_layers, bool) or not isinstance(n_layers, (int, np.integer)) or n_layers < 1:
            raise ValueError(f"n_layers must be an integer >= 1, got {n_layers!r}")
        cell = check.positive("cell", cell, "m")
        mesh = Mesh.covering((length, width, geometry.thickness), (cell, cell, geometry.thickness / n_layers))
        return cls(mesh, Ms=free.Ms, A=check.positive("A", A, "J/m"), alpha=free.alpha, Ku=free.Ku, Ki=free.Ki,
                   easy_axis=free.easy_axis, mask=mesh.ellipse(length, width), junction=junction, demag=demag)

    # ----------------------------------------------------------------------- derived figures

    @property
    def n_magnetic(self):
        """Number of magnetic cells."""
        return int(self.mask.sum())

    @property
    def volume(self):
        """Magnetic volume in m^3."""
        return self.n_magnetic * self.mesh.cell_volume

    @property
    def exchange_length(self):
        """Shortest exchange length ``sqrt(2 A / (mu0 Ms^2))`` over the magnet, in m.

        The scale below which exchange beats magnetostatics; the cells should
        be smaller than it (Abo et al., IEEE Trans. Magn. 49, 4937 (2013)).
        """
        lengths = np.sqrt(2.0 * self.A_cells[self.mask] / (mu0 * self.Ms_cells[self.mask] ** 2))
        return float(lengths.min())

    def uniform(self, direction):
        """A uniform state along ``direction`` in the magnet (shape ``(3, nx, ny, nz)``)."""
        return uniform(self.mesh, direction, self.mask)

    def random_tilt(self, direction, angle_deg, seed=0):
        """Cells tilted at random up to ``angle_deg`` from ``direction`` (:func:`~sttlab.micromag.mesh.random_tilt`)."""
        return random_tilt(self.mesh, direction, angle_deg, self.mask, seed)

    def average(self, m):
        """Mean magnetization ``<m>`` over the magnet's cells (shape (3,))."""
        m = self.check_state(m)
        return m[:, self.mask].mean(axis=1)

    def check_state(self, m, name="m"):
        """``m`` as a float array of shape ``(3, nx, ny, nz)`` with unit vectors in the magnet, or raise."""
        m = np.asarray(m, dtype=float)
        if m.shape != (3, *self.mesh.shape):
            raise ValueError(f"{name} must have shape {(3, *self.mesh.shape)}, got {m.shape}")
        norms = np.sqrt(np.sum(m[:, self.mask] ** 2, axis=0))
        if not np.all(np.isfinite(norms)) or np.any(np.abs(norms - 1.0) > 1e-6):
            raise ValueError(f"{name} must be unit vectors (|m| = 1 within 1e-6) in every magnetic cell")
        return np.where(self.mask, m, 0.0)

    # ----------------------------------------------------------------------- fields and energies

    def effective_field(self, m, t=0.0, *, field=(0.0, 0.0, 0.0), field_pulse=None, current_density=0.0):
        """Total effective field in A/m, term by term in numpy (the reference for the fused kernel).

        Exchange + anisotropy + demagnetization + applied field (static plus
        ``field_pulse`` at time ``t``) + the spin-torque fields (with a
        junction), zero outside the magnet.

        Parameters
        ----------
        m : ndarray, shape ``(3, nx, ny, nz)``
        t : float, optional
            Time in s (for pulses).
        field : array_like, shape (3,), optional
            Static applied field in A/m.
        field_pulse : Pulse, optional
            Field pulse with a 3-vector amplitude in A/m.
        current_density : float or Pulse, optional
            In A/m^2; needs a junction when non-zero.
        """
        m = self.check_state(m)
        drive = self.drive(t, field, field_pulse, current_density)
        H = self.conservative_field(m) + drive["field"][:, None, None, None] * self.mask[None]
        if drive["current_density"] != 0.0:
            H += fields.spin_torque_field(m, self.Ms_cells, self.junction, drive["current_density"])
        return H

    def conservative_field(self, m):
        """Exchange + anisotropy + demagnetizing field in A/m (no applied field, no torque)."""
        H = fields.exchange_field(m, self.Ms_cells, self.A_cells, self.mesh.cell, self.mask)
        H += fields.anisotropy_field(m, self.Ms_cells, self.Ku_cells, self.easy_axis)
        if self.demag:
            H += demag_field(m, self.Ms_cells, self.mesh) * self.mask[None]
        return H

    def energies(self, m, field=(0.0, 0.0, 0.0)):
        """Energy of each term in J: ``exchange``, ``anisotropy``, ``demag``, ``zeeman`` and ``total``.

        Parameters
        ----------
        m : ndarray, shape ``(3, nx, ny, nz)``
        field : array_like, shape (3,), optional
            Applied field in A/m.
        """
        m = self.check_state(m)
        cell = self.mesh.cell
        out = {
            "exchange": fields.exchange_energy(m, self.A_cells, cell, self.mask),
            "anisotropy": fields.anisotropy_energy(m, self.Ku_cells, cell, self.easy_axis),
            "demag": fields.field_energy(m, self.Ms_cells, demag_field(m, self.Ms_cells, self.mesh), cell)
            if self.demag else 0.0,
            "zeeman": fields.zeeman_energy(m, self.Ms_cells, check.vector3("field", field), cell),
        }
        out["total"] = sum(out.values())
        return out

    def drive(self, t, field, field_pulse, current_density):
        """The applied field (A/m, 3-vector) and current density (A/m^2) at time ``t``, validated."""
        H = check.vector3("field", field).copy()
        if field_pulse is not None:
            if not isinstance(field_pulse, Pulse) or np.ndim(field_pulse.amplitude) != 1:
                raise TypeError(f"field_pulse must be a Pulse with a 3-vector amplitude (A/m), got {field_pulse!r}")
            H += float(field_pulse.envelope(t)) * np.asarray(field_pulse.amplitude)
        if isinstance(current_density, Pulse):
            if np.ndim(current_density.amplitude) != 0:
                raise TypeError(f"current_density pulse must have a scalar amplitude (A/m^2), got {current_density!r}")
            J = current_density.amplitude * float(current_density.envelope(t))
        else:
            J = check.real("current_density", current_density)
        if J != 0.0 and self.junction is None:
            raise ValueError("current_density must be 0 for a sample without a junction (no spin-transfer torque)")
        return {"field": H, "current_density": J}

    def macrospin(self):
        """The junction as a macrospin with this sample's magnetometric demagnetizing factors.

        The diagonal of :func:`~sttlab.micromag.demag.demag_factors` over the
        mask replaces the junction's ``demag``, so that a uniform state has
        the same energy in both models; everything else is the junction's.

        Returns
        -------
        Junction
        """
        if self.junction is None:
            raise ValueError("macrospin() needs a sample with a junction")
        N = np.diag(demag_factors(self.mesh, self.mask)) if self.demag else np.zeros(3)
        N = N / N.sum() if self.demag else N
        free = dataclasses.replace(self.junction.free, demag=tuple(float(x) for x in N))
        return dataclasses.replace(self.junction, free=free)
