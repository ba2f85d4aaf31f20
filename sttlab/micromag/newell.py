"""Newell's cell-to-cell demagnetizing tensor, its far field, and Aharoni's prism.

With the magnetization uniform inside each cell, the cell-averaged
demagnetizing field is a discrete convolution
``H_d(r_i) = -sum_j N(r_i - r_j) Ms(r_j) m(r_j)``, where ``N(R)`` is the mean,
over a target cell, of the field of a uniformly magnetized source cell
displaced by ``R``. Newell, Williams & Dunlop (J. Geophys. Res. 98, 9551
(1993), doi:10.1029/93JB00694) gave it in closed form as a triple second
difference of two functions ``f`` (diagonal components) and ``g``
(off-diagonal ones) over the 27 lattice points
``R + (e_x dx, e_y dy, e_z dz)``, ``e in {-1, 0, 1}``:

.. math::

    N_{xx}(R) = -\\frac{1}{4\\pi\\, dx\\,dy\\,dz}\\,
                \\delta^2_x\\delta^2_y\\delta^2_z f(X, Y, Z),\\qquad
    N_{xy}(R) = -\\frac{1}{4\\pi\\, dx\\,dy\\,dz}\\,
                \\delta^2_x\\delta^2_y\\delta^2_z g(X, Y, Z),

with ``delta^2_x F = F(X + dx) - 2 F(X) + F(X - dx)`` and the other
components by permuting the arguments. The sum cancels catastrophically far
from the source (terms of size ``R^3`` give a result of size ``V / R^3``:
about ``eps (R / d)^6`` of relative error; 1e-9 at 13 cells, 5e-4 at 100,
checked against 60-digit arithmetic), so beyond ``FAR_CELLS`` cell sizes the
tensor is taken instead as the point-dipole tensor averaged over the
difference ``s = u - u'`` of two points of the two cells, whose density is a
triangle on ``[-d, d]`` along each axis, by a product Gauss-Jacobi rule on
each half of the triangle that is exact for polynomials of degree 5 (an
error of order ``(d / R)^6``: below 1e-9 from 13 cells on). This is the
idea of the far-field expansions of OOMMF and mumax3 (multipoles of the
cell pair beyond some distance), in the form of a quadrature.

The tensor is checked against Aharoni's closed form for a rectangular prism
(:func:`box_demag_factors`): a cell's own tensor is the prism's factors, and
summed over all pairs of cells of a uniformly magnetized box the cell
tensors give exactly the box's factors.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special

from .. import _validate as check

#: Distance, in units of the largest cell edge, beyond which the far-field quadrature replaces Newell's formula.
FAR_CELLS = 10.0
# Gauss-Jacobi points per half of the triangular density (exact for degree 2 * 3 - 1 = 5 on each half)
_JACOBI_POINTS = 3


# --------------------------------------------------------------------------- Newell's f and g


def newell_f(x, y, z):
    """Newell's ``f(x, y, z)`` (Newell, Williams & Dunlop 1993, eq. 27) in m^5 ... of length^3 units.

    ``f = y (z^2 - x^2) asinh(y / sqrt(x^2 + z^2)) / 2 + z (y^2 - x^2) asinh(z / sqrt(x^2 + y^2)) / 2
    - x y z atan(y z / (x R)) + (2 x^2 - y^2 - z^2) R / 6``, ``R = |(x, y, z)|``;
    even in each argument and symmetric in ``y, z``. Terms whose prefactor
    vanishes are set to zero where their argument is undefined.

    Examples
    --------
    >>> float(newell_f(1.0, 0.0, 0.0)), float(newell_f(-1.0, 0.0, 0.0))  # even: (2 x^2) |x| / 6
    (0.3333333333333333, 0.3333333333333333)
    """
    x, y, z = (np.asarray(v, dtype=float) for v in (x, y, z))
    x2, y2, z2 = x * x, y * y, z * z
    R = np.sqrt(x2 + y2 + z2)
    out = (2.0 * x2 - y2 - z2) * R / 6.0
    out = out + 0.5 * y * (z2 - x2) * _asinh_ratio(y, x2 + z2)
    out = out + 0.5 * z * (y2 - x2) * _asinh_ratio(z, x2 + y2)
    return out - x * y * z * _atan_ratio(y * z, x * R)


def newell_g(x, y, z):
    """Newell's ``g(x, y, z)`` (Newell, Williams & Dunlop 1993, eq. 32) in length^3 units.

    ``g = x y z asinh(z / sqrt(x^2 + y^2)) + y (3 z^2 - y^2) asinh(x / sqrt(y^2 + z^2)) / 6
    + x (3 z^2 - x^2) asinh(y / sqrt(x^2 + z^2)) / 6 - z^3 atan(x y / (z R)) / 6
    - z y^2 atan(x z / (y R)) / 2 - z x^2 atan(y z / (x R)) / 2 - x y R / 3``;
    odd in ``x`` and ``y``, even in ``z``.

    Examples
    --------
    >>> a, b = float(newell_g(1.0, 2.0, 0.5)), float(newell_g(-1.0, 2.0, -0.5))
    >>> bool(a == -b != 0.0)
    True
    """
    x, y, z = (np.asarray(v, dtype=float) for v in (x, y, z))
    x2, y2, z2 = x * x, y * y, z * z
    R = np.sqrt(x2 + y2 + z2)
    out = -x * y * R / 3.0
    out = out + x * y * z * _asinh_ratio(z, x2 + y2)
    out = out + y * (3.0 * z2 - y2) * _asinh_ratio(x, y2 + z2) / 6.0
    out = out + x * (3.0 * z2 - x2) * _asinh_ratio(y, x2 + z2) / 6.0
    out = out - z2 * z * _atan_ratio(x * y, z * R) / 6.0
    out = out - 0.5 * z * y2 * _atan_ratio(x * z, y * R)
    return out - 0.5 * z * x2 * _atan_ratio(y * z, x * R)


def _asinh_ratio(a, rho2):
    """``asinh(a / sqrt(rho2))``, 0 where ``rho2 = 0`` (every such term has a vanishing prefactor there)."""
    safe = np.where(rho2 > 0.0, rho2, 1.0)
    return np.where(rho2 > 0.0, np.arcsinh(a / np.sqrt(safe)), 0.0)


def _atan_ratio(num, den):
    """``atan(num / den)``, 0 where ``den = 0`` (the prefactor vanishes there too)."""
    safe = np.where(den != 0.0, den, 1.0)
    return np.where(den != 0.0, np.arctan(num / safe), 0.0)


# --------------------------------------------------------------------------- the tensor on a lattice

# (function, argument order, parity along x, y, z) for the six components xx, yy, zz, xy, xz, yz
_COMPONENTS = {
    "xx": (newell_f, (0, 1, 2), (1, 1, 1)),
    "yy": (newell_f, (1, 0, 2), (1, 1, 1)),
    "zz": (newell_f, (2, 0, 1), (1, 1, 1)),
    "xy": (newell_g, (0, 1, 2), (-1, -1, 1)),
    "xz": (newell_g, (0, 2, 1), (-1, 1, -1)),
    "yz": (newell_g, (1, 2, 0), (1, -1, -1)),
}
COMPONENTS = tuple(_COMPONENTS)


def _newell(name, counts, cell):
    """Newell's component on displacements ``(i dx, j dy, k dz)``, ``0 <= i < counts[0]`` (etc.)."""
    function, order, parity = _COMPONENTS[name]
    axes = [np.arange(-1, n + 1) * d for n, d in zip(counts, cell)]  # lattice points -1 .. n
    X, Y, Z = np.meshgrid(*axes, indexing="ij")
    points = (X, Y, Z)
    values = function(*(points[a] for a in order))
    for axis in range(3):
        lo = np.take(values, range(0, counts[axis]), axis=axis)
        mid = np.take(values, range(1, counts[axis] + 1), axis=axis)
        hi = np.take(values, range(2, counts[axis] + 2), axis=axis)
        values = hi - 2.0 * mid + lo
    return -values / (4.0 * math.pi * math.prod(cell))


def _jacobi_rule(d):
    """Nodes and weights (summing to 1) of the triangular density of ``u - u'`` on ``[-d, d]``."""
    x, w = special.roots_jacobi(_JACOBI_POINTS, 1.0, 0.0)  # weight (1 - x) on [-1, 1]
    s = 0.5 * d * (1.0 + x)
    return np.concatenate([s, -s]), np.concatenate([w, w]) / 4.0


def _far(name, X, Y, Z, cell):
    """The cell-averaged dipole tensor at displacements ``(X, Y, Z)`` (m) by the Gauss-Jacobi product rule."""
    i, j = "xyz".index(name[0]), "xyz".index(name[1])
    rules = [_jacobi_rule(d) for d in cell]
    out = np.zeros_like(X)
    for sx, wx in zip(*rules[0]):
        for sy, wy in zip(*rules[1]):
            for sz, wz in zip(*rules[2]):
                r = (X + sx, Y + sy, Z + sz)
                r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2]
                inv3 = 1.0 / (r2 * np.sqrt(r2))
                out += (wx * wy * wz) * ((i == j) - 3.0 * r[i] * r[j] / r2) * inv3
    return out * math.prod(cell) / (4.0 * math.pi)


def demag_tensor(name, counts, cell):
    """One component of the cell-to-cell demagnetizing tensor on non-negative displacements.

    Parameters
    ----------
    name : {"xx", "yy", "zz", "xy", "xz", "yz"}
    counts : tuple of int
        Displacements ``(i dx, j dy, k dz)`` for ``0 <= i < counts[0]`` etc.
    cell : tuple of float
        Cell size ``(dx, dy, dz)`` in m.

    Returns
    -------
    ndarray, shape ``counts``
        ``N_ab`` (dimensionless): Newell's closed form within ``FAR_CELLS``
        largest cell edges, the far-field quadrature beyond. Negative
        displacements follow from the parity: the diagonal components are
        even, ``N_xy`` odd in X and Y, and so on.

    Examples
    --------
    The self-demagnetizing factors of a cube are 1/3 each:

    >>> from sttlab.micromag.newell import demag_tensor
    >>> [round(float(demag_tensor(c, (1, 1, 1), (2e-9, 2e-9, 2e-9))[0, 0, 0]), 12) + 0.0 for c in ("xx", "zz", "xy")]
    [0.333333333333, 0.333333333333, 0.0]
    """
    check.choice("name", name, COMPONENTS)
    counts = tuple(int(n) for n in counts)
    cell = tuple(float(d) for d in cell)
    reach = FAR_CELLS * max(cell)
    near = tuple(min(n, int(math.ceil(reach / d)) + 1) for n, d in zip(counts, cell))
    out = np.empty(counts)
    out[: near[0], : near[1], : near[2]] = _newell(name, near, cell)
    X, Y, Z = np.meshgrid(*(np.arange(n) * d for n, d in zip(counts, cell)), indexing="ij")
    far = X * X + Y * Y + Z * Z > reach * reach
    if far.any():
        out[far] = _far(name, X[far], Y[far], Z[far], cell)
    return out


def box_demag_factors(a, b, c):
    """Demagnetizing factors ``(N_x, N_y, N_z)`` of a uniformly magnetized rectangular prism.

    Aharoni, J. Appl. Phys. 83, 3432 (1998), doi:10.1063/1.367113, eq. (1),
    for a prism of edges ``a, b, c`` along x, y, z (his ``2a x 2b x 2c``):
    with ``R = sqrt(a^2 + b^2 + c^2)`` and half-edges,

    .. math::

        \\pi D_z = \\frac{b^2 - c^2}{2bc}\\ln\\frac{R - a}{R + a}
          + \\frac{a^2 - c^2}{2ac}\\ln\\frac{R - b}{R + b}
          + \\frac{b}{2c}\\ln\\frac{\\sqrt{a^2+b^2} + a}{\\sqrt{a^2+b^2} - a}
          + \\frac{a}{2c}\\ln\\frac{\\sqrt{a^2+b^2} + b}{\\sqrt{a^2+b^2} - b}
          + \\frac{c}{2a}\\ln\\frac{\\sqrt{b^2+c^2} - b}{\\sqrt{b^2+c^2} + b}
          + \\frac{c}{2b}\\ln\\frac{\\sqrt{a^2+c^2} - a}{\\sqrt{a^2+c^2} + a}
          + 2\\arctan\\frac{ab}{cR} + \\frac{a^3 + b^3 - 2c^3}{3abc}
          + \\frac{a^2 + b^2 - 2c^2}{3abc}R
          + \\frac{c}{ab}\\left(\\sqrt{a^2+c^2} + \\sqrt{b^2+c^2}\\right)
          - \\frac{(a^2+b^2)^{3/2} + (b^2+c^2)^{3/2} + (c^2+a^2)^{3/2}}{3abc},

    and ``D_x``, ``D_y`` by cyclic permutation. They sum to 1.

    Parameters
    ----------
    a, b, c : float
        Edge lengths along x, y, z in m (> 0).

    Examples
    --------
    >>> [round(N, 12) for N in box_demag_factors(1.0, 1.0, 1.0)]
    [0.333333333333, 0.333333333333, 0.333333333333]
    """
    a, b, c = (0.5 * check.positive(name, v, "m") for name, v in zip("abc", (a, b, c)))
    return _aharoni_z(b, c, a), _aharoni_z(c, a, b), _aharoni_z(a, b, c)


def _aharoni_z(a, b, c):
    R = math.sqrt(a * a + b * b + c * c)
    ab, bc, ac = math.hypot(a, b), math.hypot(b, c), math.hypot(a, c)
    total = (
        (b * b - c * c) / (2 * b * c) * math.log((R - a) / (R + a))
        + (a * a - c * c) / (2 * a * c) * math.log((R - b) / (R + b))
        + b / (2 * c) * math.log((ab + a) / (ab - a))
        + a / (2 * c) * math.log((ab + b) / (ab - b))
        + c / (2 * a) * math.log((bc - b) / (bc + b))
        + c / (2 * b) * math.log((ac - a) / (ac + a))
        + 2 * math.atan(a * b / (c * R))
        + (a**3 + b**3 - 2 * c**3) / (3 * a * b * c)
        + (a * a + b * b - 2 * c * c) / (3 * a * b * c) * R
        + c / (a * b) * (ac + bc)
        - (ab**3 + bc**3 + ac**3) / (3 * a * b * c)
    )
    return total / math.pi
