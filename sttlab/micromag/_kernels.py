"""Private numba kernels of the micromagnetic solver.

Arrays: ``m``, fields and stages have shape ``(3, nx, ny, nz)`` (C order);
the flat kernels take their ``(3, N)`` views. Per-cell parameters have shape
``(nx, ny, nz)``. The scalar parameters of the right-hand side are packed in
``par`` (layout below). Cells with ``Ms = 0`` are empty: their ``m`` and
``dm/dt`` are 0.

The kernels are serial. The machines this runs on have few cores and the
solver alternates short kernels with FFTs on the calling thread: with
numba's OpenMP layer, the worker threads spin between parallel regions and
slowed the FFTs (and the whole step) several times over in measurements.
"""

import math

import numpy as np

from .._numba import jit
from ..efficiency import _eta
from ..llg import _landau_lifshitz

# Layout of ``par``.
_ALPHA = 0  # Gilbert damping (the LL form reads par[0] and par[1])
_GLL = 1  # gamma mu0 / (1 + alpha^2), m/(A s)
_B = 2  # applied field now, A/m, 3 slots
_J = 5  # current density now, A/m^2
_P = 6  # polarizer, 3 slots
_ETA = 9  # efficiency coefficients A, B, C of eta = A / (B + C m.p), 3 slots
_XI = 12  # field-like ratio
_U = 13  # easy axis, 3 slots
_PRECESS = 16  # 1: full LLG; 0: damping only, -gll alpha m x (m x H) (relaxation)
PAR_SIZE = 17


@jit
def _rhs(m, hd, Ms, w, hk, aj, par, out):
    """``dm/dt`` in 1/s of every cell: exchange + anisotropy + ``hd`` + applied field + spin torque.

    ``w[d]`` are the exchange couplings ``2 A_link / (mu0 Ms d^2)`` (A/m) to the
    neighbour in direction ``d`` = +x, -x, +y, -y, +z, -z (0 where there is
    none); ``hk = 2 Ku / (mu0 Ms)``; ``aj`` is ``H_DL / (eta J)`` in m.
    Returns the largest ``|m x H|`` in A/m (the torque, for relaxation).
    """
    nx, ny, nz = Ms.shape
    ll = (par[_ALPHA], par[_GLL])
    bx, by, bz = par[_B], par[_B + 1], par[_B + 2]
    J = par[_J]
    px, py, pz = par[_P], par[_P + 1], par[_P + 2]
    ea, eb, ec = par[_ETA], par[_ETA + 1], par[_ETA + 2]
    xi = par[_XI]
    ux, uy, uz = par[_U], par[_U + 1], par[_U + 2]
    precess = par[_PRECESS] != 0.0
    torque = 0.0
    for i in range(nx):
        for j in range(ny):
            for k in range(nz):
                if Ms[i, j, k] == 0.0:
                    out[0, i, j, k] = out[1, i, j, k] = out[2, i, j, k] = 0.0
                    continue
                mx, my, mz = m[0, i, j, k], m[1, i, j, k], m[2, i, j, k]
                hx = hd[0, i, j, k] + bx
                hy = hd[1, i, j, k] + by
                hz = hd[2, i, j, k] + bz
                # exchange: sum over neighbours of w (m_j - m_i)
                if i + 1 < nx:
                    c = w[0, i, j, k]
                    hx += c * (m[0, i + 1, j, k] - mx)
                    hy += c * (m[1, i + 1, j, k] - my)
                    hz += c * (m[2, i + 1, j, k] - mz)
                if i > 0:
                    c = w[1, i, j, k]
                    hx += c * (m[0, i - 1, j, k] - mx)
                    hy += c * (m[1, i - 1, j, k] - my)
                    hz += c * (m[2, i - 1, j, k] - mz)
                if j + 1 < ny:
                    c = w[2, i, j, k]
                    hx += c * (m[0, i, j + 1, k] - mx)
                    hy += c * (m[1, i, j + 1, k] - my)
                    hz += c * (m[2, i, j + 1, k] - mz)
                if j > 0:
                    c = w[3, i, j, k]
                    hx += c * (m[0, i, j - 1, k] - mx)
                    hy += c * (m[1, i, j - 1, k] - my)
                    hz += c * (m[2, i, j - 1, k] - mz)
                if k + 1 < nz:
                    c = w[4, i, j, k]
                    hx += c * (m[0, i, j, k + 1] - mx)
                    hy += c * (m[1, i, j, k + 1] - my)
                    hz += c * (m[2, i, j, k + 1] - mz)
                if k > 0:
                    c = w[5, i, j, k]
                    hx += c * (m[0, i, j, k - 1] - mx)
                    hy += c * (m[1, i, j, k - 1] - my)
                    hz += c * (m[2, i, j, k - 1] - mz)
                # uniaxial anisotropy
                h = hk[i, j, k]
                if h != 0.0:
                    h *= mx * ux + my * uy + mz * uz
                    hx += h * ux
                    hy += h * uy
                    hz += h * uz
                # Slonczewski torque as fields: H_DL (m x p) + xi H_DL p
                if J != 0.0:
                    a = aj[i, j, k] * J
                    h_dl = a * (ea if ec == 0.0 else _eta(mx * px + my * py + mz * pz, ea, eb, ec))
                    hx += h_dl * ((my * pz - mz * py) + xi * px)
                    hy += h_dl * ((mz * px - mx * pz) + xi * py)
                    hz += h_dl * ((mx * py - my * px) + xi * pz)
                tx, ty, tz = my * hz - mz * hy, mz * hx - mx * hz, mx * hy - my * hx
                torque = max(torque, tx * tx + ty * ty + tz * tz)
                if precess:
                    out[0, i, j, k], out[1, i, j, k], out[2, i, j, k] = _landau_lifshitz(mx, my, mz, hx, hy, hz, ll)
                else:  # -gll alpha m x (m x h) = -gll alpha (m x t)
                    g = -par[_GLL] * par[_ALPHA]
                    out[0, i, j, k] = g * (my * tz - mz * ty)
                    out[1, i, j, k] = g * (mz * tx - mx * tz)
                    out[2, i, j, k] = g * (mx * ty - my * tx)
    return math.sqrt(torque)


@jit
def _stage(y, k, a, s, h, Ms, ys, M, in_place=False):
    """``ys = y + h sum_{j < s} a[j] k[j]`` and ``M = Ms ys`` (flat views; ``in_place``: ``ys`` is ``y``)."""
    N = y.shape[1]
    for c in range(3):
        if not in_place:
            for n in range(N):
                ys[c, n] = y[c, n]
        for j in range(s):
            f = h * a[j]
            if f != 0.0:
                for n in range(N):
                    ys[c, n] += f * k[j, c, n]
        for n in range(N):
            M[c, n] = Ms[n] * ys[c, n]


@jit
def _error(k, e, h, Ms, scratch):
    """Largest ``|h sum_j e[j] k[j]|`` over the magnetic cells (flat views): the local error estimate."""
    N = k.shape[2]
    scratch[:] = 0.0
    for c in range(3):
        for j in range(e.size):
            f = e[j]
            if f != 0.0:
                for n in range(N):
                    scratch[c, n] += f * k[j, c, n]
    worst = 0.0
    for n in range(N):
        if Ms[n] != 0.0:
            worst = max(worst, scratch[0, n] ** 2 + scratch[1, n] ** 2 + scratch[2, n] ** 2)
    return h * math.sqrt(worst)


@jit
def _normalize(y, Ms):
    """``y <- y / |y|`` in the magnetic cells (flat view)."""
    for n in range(y.shape[1]):
        if Ms[n] == 0.0:
            continue
        x0, x1, x2 = y[0, n], y[1, n], y[2, n]
        inv = 1.0 / math.sqrt(x0 * x0 + x1 * x1 + x2 * x2)
        y[0, n], y[1, n], y[2, n] = x0 * inv, x1 * inv, x2 * inv


@jit
def _dense(y, k, b, h, Ms, out):
    """Dense output ``out = normalize(y + h sum_j b[j] k[j])`` (flat views); returns the mean over magnetic cells."""
    sx = sy = sz = 0.0
    count = 0
    for n in range(y.shape[1]):
        if Ms[n] == 0.0:
            out[0, n] = out[1, n] = out[2, n] = 0.0
            continue
        a0 = a1 = a2 = 0.0
        for j in range(b.size):
            a0 += b[j] * k[j, 0, n]
            a1 += b[j] * k[j, 1, n]
            a2 += b[j] * k[j, 2, n]
        v0, v1, v2 = y[0, n] + h * a0, y[1, n] + h * a1, y[2, n] + h * a2
        inv = 1.0 / math.sqrt(v0 * v0 + v1 * v1 + v2 * v2)
        out[0, n], out[1, n], out[2, n] = v0 * inv, v1 * inv, v2 * inv
        sx += v0 * inv
        sy += v1 * inv
        sz += v2 * inv
        count += 1
    return np.array([sx, sy, sz]) / count


@jit
def _descent(m, g, tau, Ms, out):
    """One steepest-descent step ``out = normalize(m + tau g)`` (flat views); returns ``sum |out - m|^2``."""
    moved = 0.0
    for n in range(m.shape[1]):
        if Ms[n] == 0.0:
            out[0, n] = out[1, n] = out[2, n] = 0.0
            continue
        x0, x1, x2 = m[0, n] + tau * g[0, n], m[1, n] + tau * g[1, n], m[2, n] + tau * g[2, n]
        inv = 1.0 / math.sqrt(x0 * x0 + x1 * x1 + x2 * x2)
        x0, x1, x2 = x0 * inv, x1 * inv, x2 * inv
        moved += (x0 - m[0, n]) ** 2 + (x1 - m[1, n]) ** 2 + (x2 - m[2, n]) ** 2
        out[0, n], out[1, n], out[2, n] = x0, x1, x2
    return moved


@jit
def _bb_products(m, new_m, g, new_g):
    """``(s.s, s.y, y.y)`` with ``s = new_m - m`` and ``y = g - new_g`` (flat views), for Barzilai-Borwein steps.

    (A kernel rather than ``np.vdot``: BLAS threads spin between calls and
    slowed each product to milliseconds in measurements here.)
    """
    ss = sy = yy = 0.0
    for c in range(3):
        for n in range(m.shape[1]):
            s = new_m[c, n] - m[c, n]
            y = g[c, n] - new_g[c, n]
            ss += s * s
            sy += s * y
            yy += y * y
    return ss, sy, yy
