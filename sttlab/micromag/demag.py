"""Demagnetization by FFT convolution with Newell's tensor.

The cell-averaged demagnetizing field is the discrete convolution

.. math::

    H_{d}(r_i) = -\\sum_j N(r_i - r_j)\\, M_s(r_j)\\, m(r_j)

with Newell's tensor ``N`` (:mod:`sttlab.micromag.newell`). It is done with
zero-padded real FFTs (``scipy.fft``): the tensor's spectrum is computed
once per mesh (:class:`Demag`, cached by :func:`demag_operator`); it is real,
since every component is even or odd in each coordinate. Axes with a single
cell are not padded; the transforms skip the padding they can (the first
along x reads only the magnet's rows, the inverse keeps only them); in a
single-layer film ``N_xz = N_yz = 0`` and are skipped.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numba
import numpy as np
from scipy import fft

from .. import _validate as check
from .._numba import jit
from .mesh import Mesh
from .newell import _COMPONENTS, COMPONENTS, box_demag_factors, demag_tensor

#: Padded FFT size from which the convolution uses numba's thread count as FFT workers.
THREADED_FFT_SIZE = 1 << 18
PRECISIONS = ("double", "single")

__all__ = ["Demag", "PRECISIONS", "THREADED_FFT_SIZE", "box_demag_factors", "demag_factors", "demag_field",
           "demag_operator", "demag_tensor"]


# --------------------------------------------------------------------------- the FFT convolution


class Demag:
    """The demagnetizing field of a mesh by zero-padded FFT convolution with Newell's tensor.

    Build it once per mesh (:func:`demag_operator` caches it); calling it is
    then two batched real FFTs and a pointwise product.

    Parameters
    ----------
    mesh : Mesh
    precision : {"double", "single"}, optional
        Floating-point precision of the FFTs and the kernel. ``"single"``
        halves the cost; the field is then accurate to about 1e-7 of ``Ms``
        (mumax3 computes everything in single precision).

    Attributes
    ----------
    padded : tuple of int
        FFT sizes: ``2 n - 1`` rounded up to a fast size on axes with more
        than one cell, 1 otherwise.
    kernel : ndarray, shape (6, px // 2 + 1, py, pz)
        Spectra of ``-N_xx, -N_yy, -N_zz, -N_xy, -N_xz, -N_yz`` (real).

    Examples
    --------
    >>> import numpy as np
    >>> from sttlab.micromag import Mesh
    >>> demag = Demag(Mesh((200, 50, 1), (2.5e-9, 2.5e-9, 3e-9)))
    >>> demag.padded, demag.kernel.shape
    ((400, 100, 1), (6, 201, 100, 1))
    >>> H = demag(np.zeros((3, 200, 50, 1)))
    >>> H.shape, float(np.abs(H).max())
    ((3, 200, 50, 1), 0.0)
    """

    def __init__(self, mesh, precision="double"):
        if not isinstance(mesh, Mesh):
            raise TypeError(f"mesh must be a Mesh, got {mesh!r}")
        self.mesh = mesh
        self.precision = check.choice("precision", precision, PRECISIONS)
        self.dtype = np.float64 if precision == "double" else np.float32
        self.padded = tuple(1 if n == 1 else fft.next_fast_len(2 * n - 1, real=True) for n in mesh.n)
        self.thin = mesh.n[2] == 1  # N_xz = N_yz = 0 between cells of one layer
        spectra = []
        for name in COMPONENTS:
            _, _, parity = _COMPONENTS[name]
            padded = _wrap(demag_tensor(name, mesh.n, mesh.cell), self.padded, parity)
            spectra.append(-fft.fftn(padded)[: self.padded[0] // 2 + 1].real)
        self.kernel = np.ascontiguousarray(np.stack(spectra), dtype=self.dtype)

    def __call__(self, M, workers=None):
        """The demagnetizing field in A/m of a magnetization ``M = Ms m`` in A/m, both shape ``(3, nx, ny, nz)``.

        ``workers``: threads of the FFTs; default 1 below ``THREADED_FFT_SIZE``
        padded points (threads cost more than they save on small grids, as
        measured here) and numba's thread count above.
        """
        if workers is None:
            workers = numba.get_num_threads() if math.prod(self.padded) >= THREADED_FFT_SIZE else 1
        if M.dtype != self.dtype:
            M = M.astype(self.dtype)
        nx, ny, nz = self.mesh.n
        px, py, pz = self.padded
        spectrum = fft.rfft(M, n=px, axis=1, workers=workers)
        if py > 1:
            spectrum = fft.fft(spectrum, n=py, axis=2, workers=workers, overwrite_x=True)
        if pz > 1:
            spectrum = fft.fft(spectrum, n=pz, axis=3, workers=workers, overwrite_x=True)
        spectrum = _multiply(spectrum, self.kernel, self.thin)
        if pz > 1:
            spectrum = fft.ifft(spectrum, axis=3, workers=workers, overwrite_x=True)[:, :, :, :nz]
        if py > 1:
            spectrum = fft.ifft(spectrum, axis=2, workers=workers, overwrite_x=True)[:, :, :ny]
        return fft.irfft(spectrum, n=px, axis=1, workers=workers)[:, :nx]


def _wrap(quadrant, padded, parity):
    """Place a tensor component on the cyclic padded grid: displacement ``-i`` at index ``p - i``."""
    out = quadrant
    for axis, (n, p, sign) in enumerate(zip(quadrant.shape, padded, parity)):
        if n == 1:
            continue
        negative = sign * np.flip(np.take(out, range(1, n), axis=axis), axis=axis)
        gap_shape = list(out.shape)
        gap_shape[axis] = p - 2 * n + 1
        out = np.concatenate([out, np.zeros(gap_shape), negative], axis=axis)
    return out


def _multiply(spectrum, kernel, thin):
    """``K spectrum``, in place when ``spectrum`` is contiguous."""
    spectrum = np.ascontiguousarray(spectrum)
    _multiply_flat(spectrum.reshape(3, -1), kernel.reshape(6, -1), thin)
    return spectrum


@jit
def _multiply_flat(s, k, thin):
    """``s <- K s`` for the spectra ``s[c]`` of the three components (symmetric real K, flat)."""
    for n in range(s.shape[1]):
        mx, my, mz = s[0, n], s[1, n], s[2, n]
        kxy = k[3, n]
        hx = k[0, n] * mx + kxy * my
        hy = kxy * mx + k[1, n] * my
        hz = k[2, n] * mz
        if not thin:
            kxz, kyz = k[4, n], k[5, n]
            hx += kxz * mz
            hy += kyz * mz
            hz += kxz * mx + kyz * my
        s[0, n], s[1, n], s[2, n] = hx, hy, hz


@lru_cache(maxsize=8)
def demag_operator(mesh, precision="double"):
    """The :class:`Demag` of ``mesh``, built once and cached (meshes are hashable).

    Examples
    --------
    >>> from sttlab.micromag import Mesh
    >>> mesh = Mesh((8, 8, 1), (2e-9, 2e-9, 1e-9))
    >>> demag_operator(mesh) is demag_operator(Mesh((8, 8, 1), (2e-9, 2e-9, 1e-9)))
    True
    """
    return Demag(mesh, precision)


def demag_field(m, Ms, mesh):
    """Demagnetizing field in A/m of the magnetization ``Ms m`` on ``mesh``.

    Parameters
    ----------
    m : ndarray, shape ``(3, nx, ny, nz)``
        Unit magnetization (0 outside the magnet).
    Ms : float or ndarray, shape ``(nx, ny, nz)``
        Saturation magnetization in A/m (0 outside the magnet).
    mesh : Mesh

    Returns
    -------
    ndarray, shape ``(3, nx, ny, nz)``

    Examples
    --------
    A thin film magnetized out of plane: the field inside is close to ``-Ms``.

    >>> import numpy as np
    >>> from sttlab.micromag import Mesh, uniform
    >>> mesh = Mesh((64, 64, 1), (5e-9, 5e-9, 1e-9))
    >>> H = demag_field(uniform(mesh, (0, 0, 1)), 1e6, mesh)
    >>> bool(-1.0 < H[2, 32, 32, 0] / 1e6 < -0.99)
    True
    """
    m = np.asarray(m, dtype=float)
    if m.shape != (3, *mesh.shape):
        raise ValueError(f"m must have shape {(3, *mesh.shape)}, got {m.shape}")
    return demag_operator(mesh)(m * np.asarray(Ms, dtype=float))


def demag_factors(mesh, mask=None):
    """The magnetometric demagnetizing tensor (3 x 3) of the cells in ``mask``, uniformly magnetized.

    ``N = (1 / n) sum_ij N(r_i - r_j)`` over the ``n`` cells of the mask: the
    volume average of the demagnetizing field per unit magnetization. For a
    box mesh it equals Aharoni's factors (:func:`box_demag_factors`); for a
    disk it is the staircase disk's tensor, which a macrospin of the same
    shape should use.

    Examples
    --------
    >>> import numpy as np
    >>> from sttlab.micromag import Mesh
    >>> mesh = Mesh((8, 4, 2), (1e-9, 2e-9, 1.5e-9))
    >>> bool(np.allclose(np.diag(demag_factors(mesh)), box_demag_factors(8e-9, 8e-9, 3e-9), rtol=1e-9))
    True
    """
    mask = mesh.box() if mask is None else np.asarray(mask, dtype=bool)
    n = int(mask.sum())
    if mask.shape != mesh.shape or n == 0:
        raise ValueError(f"mask must be a non-empty boolean array of shape {mesh.shape}")
    operator = demag_operator(mesh)
    out = np.empty((3, 3))
    for b in range(3):
        M = np.zeros((3, *mesh.shape))
        M[b] = mask
        H = operator(M)
        out[:, b] = -H[:, mask].sum(axis=1) / n
    return 0.5 * (out + out.T)
