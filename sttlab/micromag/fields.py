"""Effective-field terms and their energies on a finite-difference mesh, in plain numpy.

Each term is one small function of the magnetization ``m`` (shape
``(3, nx, ny, nz)``, zero outside the magnet) and per-cell material arrays
(shape ``(nx, ny, nz)``), returning a field in A/m; each has its energy in J.
They are the readable reference: the solver evaluates the same formulas in
one fused numba kernel (:mod:`sttlab.micromag._kernels`), and the tests hold
the two to agree. The demagnetizing field is in :mod:`sttlab.micromag.demag`.

The effective field is ``H = -(1 / mu0 Ms) dE/dm`` per unit volume
(Brown, *Micromagnetics*, Wiley 1963). For a term quadratic in ``m``
(exchange, uniaxial anisotropy, demagnetization) the energy is therefore
``E = -(mu0 / 2) sum_i Ms_i m_i . H_i V``; for the Zeeman term it is
``E = -mu0 sum_i Ms_i m_i . H_app V``.

Exchange
    ``E = A |grad m|^2`` per volume. On the grid, with six neighbours and free
    (Neumann) boundaries ``dm/dn = 0`` at the magnet's surface, the field of
    cell ``i`` is

    .. math::

        H_i = \\sum_{j \\in \\mathrm{nb}(i)} \\frac{2 A_{ij}}{\\mu_0 M_{s,i}\\, d_{ij}^2}\\,(m_j - m_i),

    where ``d_ij`` is the cell size along the link, a neighbour outside the
    mask contributes nothing, and the link stiffness is the harmonic mean
    ``A_ij = 2 A_i A_j / (A_i + A_j)`` (the mumax3 choice, Vansteenkiste et
    al., AIP Adv. 4, 107133 (2014), sec. II.B, which makes the exchange
    energy continuous across an interface). It is second-order accurate for
    smooth ``m`` and its energy is ``E = sum_links A_ij V |m_j - m_i|^2 / d_ij^2``.
Uniaxial anisotropy
    ``E = -K_u (m . u)^2`` per volume, ``H = (2 K_u / mu0 Ms)(m . u) u``.
    An interface anisotropy ``K_i`` (J/m^2) of the bottom surface acts on the
    bottom layer of cells as ``K_u = K_i / dz`` (for a one-layer film, the
    macrospin's ``K_i / t``; :func:`interface_anisotropy`).
Zeeman
    ``H = H_app``, ``E = -mu0 Ms m . H_app`` per volume.
Slonczewski spin-transfer torque
    Written as effective fields like the macrospin's (:mod:`sttlab.llg`,
    ``PHYSICS.md``): ``H_DL (m x p) + H_FL p`` with
    ``H_DL = (hbar / 2e) eta(m . p) J / (mu0 Ms t)`` cell by cell and
    ``H_FL = xi H_DL``; not conservative, so it has no energy.
"""

from __future__ import annotations

import numpy as np

from .. import _validate as check
from ..constants import mu0
from ..efficiency import _eta, efficiency_coefficients
from ..params import Junction

# --------------------------------------------------------------------------- exchange


def exchange_field(m, Ms, A, cell, mask=None):
    """Exchange field in A/m: six neighbours, free boundaries, harmonic-mean link stiffness.

    Parameters
    ----------
    m : ndarray, shape ``(3, nx, ny, nz)``
        Unit magnetization.
    Ms : float or ndarray, shape ``(nx, ny, nz)``
        Saturation magnetization in A/m; cells with ``Ms = 0`` are empty.
    A : float or ndarray, shape ``(nx, ny, nz)``
        Exchange stiffness in J/m (>= 0).
    cell : tuple of float
        Cell size ``(dx, dy, dz)`` in m.
    mask : ndarray of bool, optional
        The magnet; default ``Ms > 0``. A cell outside it neither feels nor exerts exchange.

    Returns
    -------
    ndarray, shape ``(3, nx, ny, nz)``, zero outside the magnet

    Examples
    --------
    A spin wave ``m = (cos kx, sin kx, 0)`` in the bulk has ``H = -(2 A k^2 / mu0 Ms) m``
    up to the discretization error ``O((k dx)^2)``:

    >>> import numpy as np
    >>> from sttlab.constants import mu0
    >>> k, dx = 2 * np.pi / 100e-9, 1e-9
    >>> x = np.arange(100) * dx
    >>> m = np.zeros((3, 100, 1, 1)); m[0, :, 0, 0], m[1, :, 0, 0] = np.cos(k * x), np.sin(k * x)
    >>> H = exchange_field(m, 8e5, 1.3e-11, (dx, dx, dx))
    >>> expected = -2 * 1.3e-11 * k**2 / (mu0 * 8e5) * m[:, 50]
    >>> bool(np.abs(H[:, 50] - expected).max() < 1e-3 * np.abs(expected).max())
    True
    """
    m, Ms, mask = _state(m, Ms, mask)
    A = _per_cell("A", A, Ms.shape, minimum=0.0)
    inv_ms = np.divide(1.0, Ms, out=np.zeros_like(Ms), where=mask)
    H = np.zeros_like(m)
    for axis, d in enumerate(_cell(cell)):
        if Ms.shape[axis] == 1:
            continue
        lo, hi = _halves(axis)
        coupling = 2.0 * _harmonic_mean(A[lo], A[hi]) * (mask[lo] & mask[hi]) / (mu0 * d * d)
        dm = m[(slice(None), *hi)] - m[(slice(None), *lo)]
        H[(slice(None), *lo)] += coupling * inv_ms[lo] * dm
        H[(slice(None), *hi)] -= coupling * inv_ms[hi] * dm
    return H


def exchange_energy(m, A, cell, mask=None):
    """Exchange energy in J: ``sum over links A_ij V |m_j - m_i|^2 / d_ij^2`` (see the module notes).

    ``mask`` defaults to the cells where ``|m| > 0``.

    Examples
    --------
    Two cells at right angles, 1 nm apart: ``A V |m_2 - m_1|^2 / d^2 = 2 A V / d^2``.

    >>> import numpy as np
    >>> m = np.zeros((3, 2, 1, 1)); m[0, 0], m[1, 1] = 1.0, 1.0
    >>> round(exchange_energy(m, 1e-11, (1e-9, 1e-9, 1e-9)) / (2e-11 * 1e-27 / 1e-18), 12)
    1.0
    """
    m = np.asarray(m, dtype=float)
    mask = np.any(m != 0.0, axis=0) if mask is None else np.asarray(mask, dtype=bool)
    A = _per_cell("A", A, mask.shape, minimum=0.0)
    volume = float(np.prod(_cell(cell)))
    energy = 0.0
    for axis, d in enumerate(_cell(cell)):
        if mask.shape[axis] == 1:
            continue
        lo, hi = _halves(axis)
        dm2 = np.sum((m[(slice(None), *hi)] - m[(slice(None), *lo)]) ** 2, axis=0)
        energy += float(np.sum(_harmonic_mean(A[lo], A[hi]) * (mask[lo] & mask[hi]) * dm2)) * volume / (d * d)
    return energy


def _harmonic_mean(a, b):
    total = a + b
    return np.divide(2.0 * a * b, total, out=np.zeros_like(total), where=total > 0.0)


def _halves(axis):
    """Index tuples of the low and the high cell of every link along ``axis`` (for a (nx, ny, nz) array)."""
    lo, hi = [slice(None)] * 3, [slice(None)] * 3
    lo[axis], hi[axis] = slice(None, -1), slice(1, None)
    return tuple(lo), tuple(hi)


# --------------------------------------------------------------------------- anisotropy


def anisotropy_field(m, Ms, Ku, easy_axis=(0.0, 0.0, 1.0)):
    """Uniaxial anisotropy field ``(2 K_u / mu0 Ms)(m . u) u`` in A/m, zero where ``Ms = 0``.

    Parameters
    ----------
    m : ndarray, shape ``(3, nx, ny, nz)``
    Ms : float or ndarray
        In A/m.
    Ku : float or ndarray
        Anisotropy constant in J/m^3 (sign free: negative is an easy plane).
    easy_axis : array_like, shape (3,)
        Normalized here.

    Examples
    --------
    >>> from sttlab.constants import mu0
    >>> from sttlab.micromag import Mesh, uniform
    >>> mesh = Mesh((1, 1, 1), (1e-9, 1e-9, 1e-9))
    >>> H = anisotropy_field(uniform(mesh, (0, 0, 1)), 1e6, 5e5)
    >>> round(float(H[2, 0, 0, 0] * mu0 * 1e6 / (2 * 5e5)), 12)  # 2 Ku / (mu0 Ms) along the axis
    1.0
    """
    m, Ms, mask = _state(m, Ms, None)
    Ku = _per_cell("Ku", Ku, Ms.shape)
    u = check.direction("easy_axis", easy_axis)
    hk = np.divide(2.0 * Ku, mu0 * Ms, out=np.zeros_like(Ms), where=mask)
    return (hk * np.einsum("c...,c->...", m, u))[None] * u[:, None, None, None]


def anisotropy_energy(m, Ku, cell, easy_axis=(0.0, 0.0, 1.0)):
    """Uniaxial anisotropy energy ``-sum K_u (m . u)^2 V`` in J.

    Examples
    --------
    >>> from sttlab.micromag import Mesh, uniform
    >>> mesh = Mesh((2, 1, 1), (1e-9, 1e-9, 1e-9))
    >>> round(anisotropy_energy(uniform(mesh, (0, 1, 1)), 4e5, mesh.cell) / (-4e5 * 2e-27), 12)  # cos^2 = 1/2
    0.5
    """
    m = np.asarray(m, dtype=float)
    Ku = _per_cell("Ku", Ku, m.shape[1:])
    u = check.direction("easy_axis", easy_axis)
    return -float(np.sum(Ku * np.einsum("c...,c->...", m, u) ** 2)) * float(np.prod(_cell(cell)))


def interface_anisotropy(shape, Ki, dz, Ku=0.0):
    """Per-cell ``K_u`` in J/m^3 with an interface anisotropy ``Ki`` (J/m^2) on the bottom layer.

    The interface term of a surface energy ``-K_i (m . u)^2`` per area acts on
    the ``dz``-thick bottom layer (``k = 0``) as the volume density ``K_i / dz``
    (Ikeda et al., Nat. Mater. 9, 721 (2010), for CoFeB/MgO); ``Ku`` (J/m^3)
    acts everywhere.

    Parameters
    ----------
    shape : tuple of int
        ``(nx, ny, nz)``.
    Ki : float
        In J/m^2.
    dz : float
        Layer thickness in m (> 0).
    Ku : float or ndarray, optional
        Bulk anisotropy in J/m^3, a number or an array of shape ``shape``.

    Returns
    -------
    ndarray, shape ``shape``

    Examples
    --------
    >>> Ku = interface_anisotropy((1, 1, 2), Ki=1e-3, dz=1e-9)
    >>> [float(k) for k in Ku[0, 0]]  # J/m^3: bottom layer, top layer
    [1000000.0, 0.0]
    """
    out = _per_cell("Ku", Ku, tuple(shape)).copy()
    out[:, :, 0] += check.real("Ki", Ki) / check.positive("dz", dz, "m")
    return out


# --------------------------------------------------------------------------- Zeeman and demag energies


def zeeman_energy(m, Ms, field, cell):
    """Zeeman energy ``-mu0 sum Ms m . H V`` in J of an applied field (3-vector or ``(3, nx, ny, nz)``) in A/m.

    Examples
    --------
    >>> from sttlab.constants import mu0
    >>> from sttlab.micromag import Mesh, uniform
    >>> mesh = Mesh((1, 1, 1), (1e-9, 1e-9, 1e-9))
    >>> round(zeeman_energy(uniform(mesh, (1, 0, 0)), 1e6, (-1e4, 0, 0), mesh.cell) / (mu0 * 1e10 * 1e-27), 12)
    1.0
    """
    m, Ms, _ = _state(m, Ms, None)
    H = np.asarray(field, dtype=float)
    H = H[:, None, None, None] if H.shape == (3,) else H
    return -mu0 * float(np.sum(Ms * np.sum(m * H, axis=0))) * float(np.prod(_cell(cell)))


def field_energy(m, Ms, H, cell):
    """Energy ``-(mu0 / 2) sum Ms m . H V`` in J of a term linear in m (exchange, anisotropy, demag).

    Examples
    --------
    The anisotropy energy from its field:

    >>> from sttlab.micromag import Mesh, uniform
    >>> mesh = Mesh((1, 1, 1), (1e-9, 1e-9, 1e-9))
    >>> m = uniform(mesh, (0, 0, 1))
    >>> H = anisotropy_field(m, 1e6, 5e5)
    >>> round(field_energy(m, 1e6, H, mesh.cell) / anisotropy_energy(m, 5e5, mesh.cell), 12)
    1.0
    """
    m, Ms, _ = _state(m, Ms, None)
    return -0.5 * mu0 * float(np.sum(Ms * np.sum(m * H, axis=0))) * float(np.prod(_cell(cell)))


# --------------------------------------------------------------------------- spin-transfer torque


def spin_torque_field(m, Ms, junction, current_density):
    """Slonczewski damping-like and field-like torques as effective fields in A/m, cell by cell.

    ``H_DL (m x p) + xi H_DL p`` with ``H_DL = (hbar / 2e) eta(m . p) J / (mu0 Ms t)``
    (Slonczewski, J. Magn. Magn. Mater. 159, L1 (1996); ``PHYSICS.md``):
    :meth:`~sttlab.params.Junction.stt_field_per_current` gives it for the
    free layer's ``Ms`` and thickness ``t``, rescaled by ``Ms_free / Ms`` in
    cells of another ``Ms``.

    Parameters
    ----------
    m : ndarray, shape ``(3, nx, ny, nz)``
    Ms : float or ndarray
        In A/m.
    junction : Junction
        Polarizer, polarization, efficiency model, ``Lambda`` and ``xi``.
    current_density : float
        In A/m^2 (> 0 favours m -> p).

    Examples
    --------
    At ``m`` perpendicular to ``p = z`` the damping-like field ``H_DL (m x p)`` is in-plane:

    >>> from sttlab import preset
    >>> from sttlab.micromag import Mesh, uniform
    >>> junction = preset("cofeb_mgo_40nm")
    >>> m = uniform(Mesh((1, 1, 1), (4e-9, 4e-9, 1.3e-9)), (1, 0, 0))
    >>> H = spin_torque_field(m, junction.free.Ms, junction, 1e11)
    >>> expected = junction.stt_field_per_current() * junction.P * 1e11  # H_DL, with (m x p) = -y
    >>> round(float(-H[1, 0, 0, 0] / expected), 12), float(H[2, 0, 0, 0])
    (1.0, 0.0)
    """
    if not isinstance(junction, Junction):
        raise TypeError(f"junction must be a Junction, got {junction!r}")
    m, Ms, mask = _state(m, Ms, None)
    J = check.real("current_density", current_density)
    p = np.asarray(junction.polarizer)
    A, B, C = efficiency_coefficients(junction.efficiency, junction.P, junction.Lambda)
    per_current = np.divide(junction.stt_field_per_current() * junction.free.Ms, Ms, out=np.zeros_like(Ms),
                            where=mask)
    h_dl = per_current * J * _eta(np.einsum("c...,c->...", m, p), A, B, C)
    p4 = p[:, None, None, None]
    return h_dl[None] * (np.cross(m, p4, axis=0) + junction.field_like * p4) * mask[None]


# --------------------------------------------------------------------------- checks


def _state(m, Ms, mask):
    m = np.asarray(m, dtype=float)
    if m.ndim != 4 or m.shape[0] != 3:
        raise ValueError(f"m must have shape (3, nx, ny, nz), got {m.shape}")
    Ms = _per_cell("Ms", Ms, m.shape[1:], minimum=0.0)
    magnetic = Ms > 0.0
    mask = magnetic if mask is None else np.asarray(mask, dtype=bool) & magnetic
    if mask.shape != Ms.shape:
        raise ValueError(f"mask must have shape {Ms.shape}, got {mask.shape}")
    return m, Ms, mask


def _per_cell(name, value, shape, minimum=None):
    array = np.asarray(value, dtype=float)
    if array.ndim == 0:
        array = np.full(shape, float(array))
    if array.shape != tuple(shape):
        raise ValueError(f"{name} must be a number or an array of shape {tuple(shape)}, got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite")
    if minimum is not None and np.any(array < minimum):
        raise ValueError(f"{name} must be >= {minimum} everywhere, got a minimum of {array.min()!r}")
    return array


def _cell(cell):
    cell = check.vector3("cell", cell)
    if np.any(cell <= 0.0):
        raise ValueError(f"cell must be three sizes > 0 m, got {cell!r}")
    return tuple(float(c) for c in cell)
