"""Numerics of :mod:`sttlab.fokker_planck`: the finite-volume chain, its spectrum and its propagator.

Private: the public functions of :mod:`sttlab.fokker_planck` validate their
input, build a model of its module notes and call these. A model is any
object with ``phi(x)`` and ``slope(x)`` (``Phi`` and ``Phi'`` in units of
``kB T``) and ``D`` (1/s); nothing here imports :mod:`sttlab.fokker_planck`.

**Discretization and spectrum.** Finite volumes on a polar-angle mesh (three
times finer at the poles than at the equator) with Scharfetter-Gummel
exponential fitting (Scharfetter & Gummel, IEEE Trans. Electron Devices 16,
64 (1969)): the flux between cells ``i`` and ``i + 1`` is
``(q_i / pi_i - q_{i+1} / pi_{i+1}) / R`` with ``pi_i = w_i exp(-Phi(x_i))`` and
``R = int exp(Phi) / (D (1 - x^2)) dx`` between the centres (Gauss-Legendre).
This is a birth-death chain: probability stays positive and is conserved,
``pi`` is its exact equilibrium, and detailed balance makes the generator
similar to ``-K^T K`` with ``K`` bidiagonal. The relaxation rates are the
squared singular values of ``K``, found by bisection on its Golub-Kahan
matrix (``scipy.linalg.eigh_tridiagonal``), which keeps small ones to high
relative accuracy (Demmel & Kahan, SIAM J. Sci. Stat. Comput. 11, 873 (1990),
doi:10.1137/0911052): rates near ``exp(-Delta)`` come out right for any ``Delta``.

**Propagation.** The spectral sum ``rho(t) = sum_k c_k exp(-lambda_k t) phi_k``
is exact but fails in floating point once the current exceeds ``J_c0``: the
symmetrizing similarity ``exp(-Phi / 2)`` then spans ``exp(100)`` and more and
the sum cancels (at ``1.5 J_c0`` and ``Delta = 40`` it returns a probability of
1.006 in the initial well). Instead ``exp(M h)`` is built by
uniformization, a Poisson mixture of powers of the stochastic matrix
``I + M / Lambda`` (Jensen 1953; Stewart, *Introduction to the Numerical
Solution of Markov Chains*, Princeton 1994), and ``exp(M t)`` by binary
powers of it (scaling and squaring: Moler & Van Loan, SIAM Rev. 45, 3
(2003), doi:10.1137/S00361445024180). Every term is non-negative, so the
result is exact in time up to a Poisson tail of ``1e-18`` and a write-error
rate of ``1e-12`` keeps its relative precision; the cost is ``O(n^3 log t)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numba import prange
from scipy.linalg import eigh_tridiagonal
from scipy.special import pdtrc

from . import _validate as check
from ._numba import jit

_GAUSS_X, _GAUSS_W = np.polynomial.legendre.leggauss(8)
_STRETCH = 0.5  # mesh theta(s) = s - _STRETCH sin(2 s) / 2 for uniform s
_CELLS_PER_ROOT = 48  # default n_cells = 48 sqrt(max |dPhi/dx|), within _CELL_RANGE
_CELL_RANGE = (200, 3000)
_POISSON_MEAN = 128.0  # Lambda h of the smallest power exp(M h)
_POISSON_TAIL = 1e-18  # Poisson mass left out of a uniformization sum


# --------------------------------------------------------------------------- the birth-death chain


@dataclass(frozen=True, eq=False)
class _Chain:
    edges: np.ndarray  # (n + 1,) cell faces in x, -1 to 1, with x = 0 at n / 2
    centres: np.ndarray  # (n,)
    widths: np.ndarray  # (n,) cell widths in x, without the cancellation of np.diff(edges) at the poles
    log_mass: np.ndarray  # (n,) log equilibrium cell probabilities, unnormalized
    up: np.ndarray  # (n - 1,) rate i -> i + 1, 1/s
    down: np.ndarray  # (n - 1,) rate i + 1 -> i, 1/s


def _cells(models, n_cells):
    """The mesh size: validated, or 48 sqrt of the steepest ``|Phi'|`` of the models."""
    if n_cells is not None:
        n = check.count("n_cells", n_cells, minimum=20)
        if n % 2:
            raise ValueError(f"n_cells must be even (x = 0 is a cell face), got {n_cells!r}")
        return n
    x = np.linspace(-1.0, 1.0, 2001)
    steepest = max(float(np.abs(model.slope(x)).max()) for model in models)
    n = max(_CELL_RANGE[0], 2 * math.ceil(0.5 * _CELLS_PER_ROOT * math.sqrt(steepest)))
    if n > _CELL_RANGE[1]:
        raise ValueError(f"the energy landscape is too steep for the default mesh ({n} cells > {_CELL_RANGE[1]}: "
                         "a very low temperature or a huge current); pass n_cells")
    return n


def _chain(model, n):
    s = np.linspace(0.0, math.pi, n + 1)
    theta = s - 0.5 * _STRETCH * np.sin(2.0 * s)
    theta[n // 2] = 0.5 * math.pi
    lo, hi = theta[:-1], theta[1:]
    mid = 0.5 * (lo + hi)
    centres = -np.cos(mid)
    widths = 2.0 * np.sin(mid) * np.sin(0.5 * (hi - lo))
    log_mass = np.log(widths) - model.phi(centres)
    a, b = mid[:-1, None], mid[1:, None]  # R = int exp(Phi) / (D sin theta) d theta between centres
    nodes = 0.5 * (a + b) + 0.5 * (b - a) * _GAUSS_X
    phi = model.phi(-np.cos(nodes))
    top = phi.max(axis=1)
    log_R = top + np.log(0.5 * (b - a)[:, 0] * (np.exp(phi - top[:, None]) / np.sin(nodes) @ _GAUSS_W) / model.D)
    edges = -np.cos(theta)
    edges[0], edges[n // 2], edges[-1] = -1.0, 0.0, 1.0
    return _Chain(edges, centres, widths, log_mass, np.exp(-log_R - log_mass[:-1]), np.exp(-log_R - log_mass[1:]))


def _wells(chain, start):
    """Cell slices of the initial well and of the other one."""
    half = chain.centres.size // 2
    return (slice(0, half), slice(half, None)) if start == "AP" else (slice(half, None), slice(0, half))


def _initial(chain0, start):
    """Equilibrium (``J = 0``) cell probabilities, restricted to the ``start`` well."""
    q = np.exp(chain0.log_mass - chain0.log_mass.max())
    if start != "equilibrium":
        q[_wells(chain0, start)[1]] = 0.0
    return q / q.sum()


def _spectrum(chain, count):
    """The ``count`` smallest non-zero rates: squared singular values of ``K``, by bisection."""
    n = chain.centres.size
    if count > n - 1:
        raise ValueError(f"count must be <= n_cells - 1 = {n - 1}, got {count!r}")
    golub_kahan = np.empty(2 * n - 2)
    golub_kahan[0::2], golub_kahan[1::2] = np.sqrt(chain.up), np.sqrt(chain.down)
    sigma = eigh_tridiagonal(np.zeros(2 * n - 1), golub_kahan, eigvals_only=True, select="i",
                             select_range=(n, n + count - 1), lapack_driver="stebz", tol=np.finfo(float).tiny)
    return sigma**2


# --------------------------------------------------------------------------- propagation


@jit(parallel=True)
def _poisson_series(sub, diag, sup, weights, out):
    """Row ``j`` of ``out`` = ``sum_k weights[k] P^k e_j`` for the tridiagonal ``P``
    (sub-, main and super-diagonal). ``P^k e_j`` lives within ``j +- k``."""
    n = diag.size
    for j in prange(n):
        v = np.zeros(n)
        w = np.zeros(n)
        v[j] = 1.0
        out[j, :] = 0.0
        out[j, j] = weights[0]
        for k in range(1, weights.size):
            lo, hi = max(j - k, 0), min(j + k, n - 1)
            for i in range(lo, hi + 1):
                s = diag[i] * v[i]
                if i > 0:
                    s += sub[i - 1] * v[i - 1]
                if i < n - 1:
                    s += sup[i] * v[i + 1]
                w[i] = s
            for i in range(lo, hi + 1):
                v[i] = w[i]
                out[j, i] += weights[k] * v[i]


class _Propagator:
    """``exp(M t)`` of a chain's generator ``M`` on vectors: uniformization and binary powers."""

    def __init__(self, chain):
        from scipy.stats import poisson  # here, not at the top: scipy.stats alone would double `import sttlab`

        self.poisson = poisson
        out = np.zeros(chain.centres.size)
        out[:-1] += chain.up
        out[1:] += chain.down
        self.rate = float(out.max())  # Lambda: P = I + M / Lambda is column-stochastic
        self.sub, self.sup, self.diag = chain.up / self.rate, chain.down / self.rate, 1.0 - out / self.rate
        self.step = _POISSON_MEAN / self.rate
        k = np.arange(int(_POISSON_MEAN), int(_POISSON_MEAN + 40.0 * math.sqrt(_POISSON_MEAN) + 100.0))
        self.terms = int(k[np.argmax(pdtrc(k, _POISSON_MEAN) < _POISSON_TAIL)])
        self.powers = []  # exp(M step 2^s), s = 0, 1, ...

    def _power(self, s):
        while len(self.powers) <= s:
            if self.powers:
                E = self.powers[-1] @ self.powers[-1]
            else:
                rows = np.empty((self.diag.size, self.diag.size))
                weights = self.poisson.pmf(np.arange(self.terms + 1), _POISSON_MEAN)
                _poisson_series(self.sub, self.diag, self.sup, weights, rows)
                E = rows.T.copy()
            E /= E.sum(axis=0)  # the columns of a stochastic matrix sum to 1: drop the tail and rounding
            self.powers.append(E)
        return self.powers[s]

    def apply(self, Q, times):
        """``exp(M t_k) Q[:, k]`` for every column ``k``."""
        if np.max(times) >= 2.0**62 * self.step:
            raise ValueError(f"times up to {np.max(times)!r} s exceed 2^62 steps of {self.step!r} s")
        m = np.floor(times / self.step).astype(np.int64)
        weights = self.poisson.pmf(np.arange(self.terms + 1)[:, None], np.maximum(times - m * self.step, 0.0) * self.rate)
        weights /= weights.sum(axis=0)  # pmf is good to ~1e-14 relative; its sum must be 1 to conserve probability
        acc = weights[0] * Q
        for k in range(1, self.terms + 1):
            Q = self.diag[:, None] * Q + np.pad(self.sub[:, None] * Q[:-1], ((1, 0), (0, 0))) \
                + np.pad(self.sup[:, None] * Q[1:], ((0, 1), (0, 0)))
            acc += weights[k] * Q
        s = 0
        while np.any(m >> s):
            bit = ((m >> s) & 1).astype(bool)
            if bit.any():
                acc[:, bit] = self._power(s) @ acc[:, bit]
            s += 1
        return acc
