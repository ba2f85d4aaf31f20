"""The finite-difference mesh: a regular grid of rectangular cells, its geometry masks and initial states.

A :class:`Mesh` of ``nx x ny x nz`` cells of size ``dx x dy x dz`` covers a
box centred on the origin; cell ``(i, j, k)`` has its centre at
``x_i = (i + 1/2) dx - nx dx / 2`` (and likewise in y and z). A magnet of any
shape is the set of cells whose centres lie inside it (a *mask*): the
staircase approximation of finite differences (Donahue & McMichael, IEEE
Trans. Magn. 43, 2878 (2007), analyse its error at curved edges). A thin
film is one layer of cells (``nz = 1``).

Vector fields on the mesh (the magnetization ``m``, every effective field)
are arrays of shape ``(3, nx, ny, nz)``: ``m[0]`` is ``m_x`` on the grid,
``m[0, i, j, k]`` its value in cell ``(i, j, k)``. Scalar fields (``Ms``, a
mask) have shape ``(nx, ny, nz)``. Outside the magnet ``m = 0``.

Examples
--------
The muMAG standard problem 4 film, 500 x 125 x 3 nm in 128 x 32 x 1 cells:

>>> from sttlab.micromag import Mesh
>>> mesh = Mesh.from_size((500e-9, 125e-9, 3e-9), (128, 32, 1))
>>> [round(c * 1e9, 5) for c in mesh.cell]
[3.90625, 3.90625, 3.0]
>>> disk = Mesh.covering((60e-9, 60e-9, 1.3e-9), 3e-9).disk(60e-9)
>>> int(disk.sum())  # cells of a 60 nm disk on a 3 nm grid
316
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .. import _validate as check

#: Largest number of cells a mesh may have (a guard against typos: 3e7 cells is 2 GB per vector field).
MAX_CELLS = 30_000_000


@dataclass(frozen=True)
class Mesh:
    """A regular grid of ``nx x ny x nz`` rectangular cells centred on the origin.

    Parameters
    ----------
    n : tuple of int
        Number of cells ``(nx, ny, nz)``, each >= 1.
    cell : tuple of float
        Cell size ``(dx, dy, dz)`` in m, each > 0.

    Examples
    --------
    >>> mesh = Mesh((4, 2, 1), (5e-9, 5e-9, 3e-9))
    >>> mesh.n_cells, [round(L * 1e9, 6) for L in mesh.size], [round(float(x) * 1e9, 6) for x in mesh.coordinates()[0]]
    (8, [20.0, 10.0, 3.0], [-7.5, -2.5, 2.5, 7.5])
    """

    n: tuple
    cell: tuple

    def __post_init__(self):
        n = tuple(self.n) if np.ndim(self.n) == 1 else None
        if n is None or len(n) != 3 or not all(_is_count(v) for v in n):
            raise ValueError(f"n must be three integers >= 1 (nx, ny, nz), got {self.n!r}")
        n = tuple(int(v) for v in n)
        if math.prod(n) > MAX_CELLS:
            raise ValueError(f"n = {n} has {math.prod(n)} cells, more than {MAX_CELLS}")
        cell = check.vector3("cell", self.cell)
        if np.any(cell <= 0.0):
            raise ValueError(f"cell must be three sizes > 0 m, got {self.cell!r}")
        object.__setattr__(self, "n", n)
        object.__setattr__(self, "cell", tuple(float(c) for c in cell))

    @classmethod
    def from_size(cls, size, n):
        """The mesh of ``n`` cells that exactly fills a box of ``size = (Lx, Ly, Lz)`` m."""
        size = check.vector3("size", size)
        if np.any(size <= 0.0):
            raise ValueError(f"size must be three lengths > 0 m, got {size!r}")
        mesh = cls(n, (1.0, 1.0, 1.0))
        return cls(mesh.n, tuple(size / np.array(mesh.n)))

    @classmethod
    def covering(cls, size, cell):
        """The smallest mesh of cells no larger than ``cell`` (m) that fills a box of ``size`` (m).

        ``cell`` is a length or a 3-vector; each axis gets ``ceil(L / cell)``
        cells, stretched to fill ``L`` exactly.
        """
        size = check.vector3("size", size)
        if np.any(size <= 0.0):
            raise ValueError(f"size must be three lengths > 0 m, got {size!r}")
        cell = np.broadcast_to(np.asarray(cell, dtype=float), (3,))
        if not np.all(np.isfinite(cell) & (cell > 0.0)):
            raise ValueError(f"cell must be > 0 m, got {cell!r}")
        return cls.from_size(size, tuple(int(math.ceil(L / c - 1e-9)) for L, c in zip(size, cell)))

    @property
    def shape(self):
        """``(nx, ny, nz)``: the shape of a scalar field on the mesh."""
        return self.n

    @property
    def n_cells(self):
        """Number of cells."""
        return math.prod(self.n)

    @property
    def size(self):
        """Edge lengths ``(Lx, Ly, Lz)`` of the box in m."""
        return tuple(n * d for n, d in zip(self.n, self.cell))

    @property
    def cell_volume(self):
        """Volume of one cell in m^3."""
        return math.prod(self.cell)

    def coordinates(self):
        """Cell-centre coordinates ``(x, y, z)`` in m, three 1D arrays of lengths nx, ny, nz."""
        return tuple((np.arange(n) + 0.5 - 0.5 * n) * d for n, d in zip(self.n, self.cell))

    def box(self):
        """The mask of the whole mesh (all True), shape ``(nx, ny, nz)``."""
        return np.ones(self.n, dtype=bool)

    def ellipse(self, length, width, center=(0.0, 0.0)):
        """Mask of an elliptic cylinder through all layers, axes along x and y.

        A cell belongs to it when its centre satisfies
        ``((x - x0) / a)^2 + ((y - y0) / b)^2 <= 1`` with the semi-axes
        ``a = length / 2``, ``b = width / 2``.

        Parameters
        ----------
        length, width : float
            Full axes along x and y in m (> 0).
        center : tuple of float, optional
            ``(x0, y0)`` in m.

        Returns
        -------
        ndarray of bool, shape ``(nx, ny, nz)``
        """
        a = 0.5 * check.positive("length", length, "m")
        b = 0.5 * check.positive("width", width, "m")
        x0, y0 = (check.real("center", c) for c in _pair("center", center))
        x, y, _ = self.coordinates()
        # a hair of tolerance so that a cell centre exactly on the edge counts the same on both sides
        inside = ((x[:, None] - x0) / a) ** 2 + ((y[None, :] - y0) / b) ** 2 <= 1.0 + 1e-12
        mask = np.repeat(inside[:, :, None], self.n[2], axis=2)
        if not mask.any():
            raise ValueError(f"the ellipse {length!r} x {width!r} m at {center!r} covers no cell centre of {self}")
        return mask

    def disk(self, diameter, center=(0.0, 0.0)):
        """Mask of a circular cylinder (a pillar) of ``diameter`` m through all layers; see :meth:`ellipse`."""
        return self.ellipse(diameter, diameter, center)


def uniform(mesh, direction, mask=None):
    """A uniform magnetization along ``direction`` (normalized) inside ``mask``, zero outside.

    Parameters
    ----------
    mesh : Mesh
    direction : array_like, shape (3,)
    mask : ndarray of bool, shape ``(nx, ny, nz)``, optional
        Default: the whole mesh.

    Returns
    -------
    ndarray, shape ``(3, nx, ny, nz)``

    Examples
    --------
    >>> m = uniform(Mesh((2, 1, 1), (1e-9, 1e-9, 1e-9)), (3, 0, 4))
    >>> m[:, 1, 0, 0].tolist()
    [0.6, 0.0, 0.8]
    """
    u = check.direction("direction", direction)
    mask = mesh.box() if mask is None else as_mask(mesh, mask)
    return u[:, None, None, None] * mask[None].astype(float)


def random_tilt(mesh, direction, angle_deg, mask=None, seed=0):
    """Unit vectors each tilted by a random angle up to ``angle_deg`` from ``direction``.

    A frozen thermal-like start: the polar angle of each cell from
    ``direction`` is uniform in ``[0, angle_deg]`` and its azimuth uniform, drawn
    from ``numpy.random.default_rng(seed)``.

    Returns
    -------
    ndarray, shape ``(3, nx, ny, nz)``, zero outside ``mask``

    Examples
    --------
    >>> import numpy as np
    >>> m = random_tilt(Mesh((10, 10, 1), (1e-9, 1e-9, 1e-9)), (0, 0, 1), 5.0, seed=1)
    >>> bool(np.all(m[2] >= np.cos(np.radians(5.0)))), bool(np.allclose(np.linalg.norm(m, axis=0), 1.0))
    (True, True)
    """
    u = check.direction("direction", direction)
    angle = math.radians(check.in_range("angle_deg", angle_deg, 0.0, 180.0))
    mask = mesh.box() if mask is None else as_mask(mesh, mask)
    rng = np.random.default_rng(seed)
    theta = rng.uniform(0.0, angle, mesh.n)
    phi = rng.uniform(0.0, 2.0 * math.pi, mesh.n)
    # an orthonormal frame (e1, e2, u)
    e1 = np.cross(u, [1.0, 0.0, 0.0] if abs(u[0]) < 0.9 else [0.0, 1.0, 0.0])
    e1 /= np.linalg.norm(e1)
    e2 = np.cross(u, e1)
    m = (np.sin(theta) * np.cos(phi))[None] * e1[:, None, None, None] \
        + (np.sin(theta) * np.sin(phi))[None] * e2[:, None, None, None] + np.cos(theta)[None] * u[:, None, None, None]
    return m * mask[None]


def as_mask(mesh, mask):
    """``mask`` as a boolean array of the mesh's shape with at least one cell, or raise naming it.

    Examples
    --------
    >>> mesh = Mesh((3, 3, 1), (1e-9, 1e-9, 1e-9))
    >>> int(as_mask(mesh, mesh.disk(2.5e-9)).sum())
    5
    """
    mask = np.asarray(mask)
    if mask.shape != mesh.shape:
        raise ValueError(f"mask must have the mesh's shape {mesh.shape}, got {mask.shape}")
    if mask.dtype != bool:
        raise TypeError(f"mask must be a boolean array, got dtype {mask.dtype}")
    if not mask.any():
        raise ValueError("mask must select at least one cell")
    return mask


def _pair(name, value):
    value = tuple(np.ravel(np.asarray(value, dtype=float)))
    if len(value) != 2:
        raise ValueError(f"{name} must be two numbers (x, y) in m, got {value!r}")
    return value


def _is_count(value):
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool) and value >= 1
