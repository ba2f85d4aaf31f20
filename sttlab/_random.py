"""Random numbers for the stochastic kernels: one independent stream per ensemble member.

Each member owns a xoshiro256** generator (Blackman & Vigna, ACM Trans. Math.
Softw. 47, 36 (2021), doi:10.1145/3460772; period 2^256 - 1), whose four state
words are consecutive SplitMix64 outputs (Steele, Lea & Flood, OOPSLA 2014,
doi:10.1145/2714064.2660195) of the master seed: member ``i`` takes outputs
``4i .. 4i + 3``, the seeding its authors recommend. A member's numbers depend
only on the seed and its index, never on which thread runs it, so an ensemble
is reproducible whatever the thread count.

Gaussian deviates come from the 256-layer ziggurat of Marsaglia & Tsang
(J. Stat. Softw. 5(8), 1 (2000), doi:10.18637/jss.v005.i08), with the layer
index, sign and a 53-bit uniform all taken from one 64-bit draw (the layout
of numpy's generator): about 99 % of deviates cost one draw, one table
lookup and one comparison. The kernels keep a member's state in registers as
a 4-tuple of ``uint64`` and thread it through every call.
"""

from __future__ import annotations

import math

import numpy as np

from ._numba import jit

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_U53 = 1.0 / 9007199254740992.0  # 2^-53

# Ziggurat layers for the standard normal density f(x) = exp(-x^2/2) (unnormalized):
# 256 layers of equal area V, the base layer's right edge at R (Marsaglia & Tsang 2000).
_LAYERS = 256
_R = 3.6541528853610088
_V = 0.00492867323399


def _ziggurat_tables():
    """Edges ``x[0..256]`` (``x[0] = V / f(R)`` is the base layer's virtual width, ``x[256] = 0``) and ``f(x)``."""
    x = np.empty(_LAYERS + 1)
    x[0], x[1] = _V / math.exp(-0.5 * _R * _R), _R
    for i in range(1, _LAYERS - 1):
        x[i + 1] = math.sqrt(-2.0 * math.log(math.exp(-0.5 * x[i] * x[i]) + _V / x[i]))
    x[_LAYERS] = 0.0
    return x, np.exp(-0.5 * x * x)


_X, _F = _ziggurat_tables()


@jit(inline="always")
def _splitmix64(z):
    """The SplitMix64 output for counter value ``z`` (uint64)."""
    z = (z ^ (z >> np.uint64(30))) * _MIX1
    z = (z ^ (z >> np.uint64(27))) * _MIX2
    return z ^ (z >> np.uint64(31))


@jit
def _seed_states(seed, first, count):
    """xoshiro256** states of members ``first .. first + count - 1`` for a uint64 master ``seed``."""
    states = np.empty((count, 4), dtype=np.uint64)
    for i in range(count):
        for w in range(4):
            counter = np.uint64(4 * (first + i) + w + 1)
            states[i, w] = _splitmix64(seed + counter * _GOLDEN)
    return states


@jit(inline="always")
def _rotl(x, k):
    return (x << np.uint64(k)) | (x >> np.uint64(64 - k))


@jit(inline="always")
def _next(s):
    """One 64-bit output and the advanced state ``s = (s0, s1, s2, s3)``."""
    s0, s1, s2, s3 = s
    result = _rotl(s1 * np.uint64(5), 7) * np.uint64(9)
    t = s1 << np.uint64(17)
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = _rotl(s3, 45)
    return result, (s0, s1, s2, s3)


@jit(inline="always")
def _uniform(s):
    """A uniform double in [0, 1) from the top 53 bits, and the new state."""
    bits, s = _next(s)
    return float(bits >> np.uint64(11)) * _U53, s


@jit
def _normal_slow(s, layer, z):
    """The ziggurat's rare paths (about 1 % of draws): the tail beyond R, the wedges, and retries."""
    while True:
        if layer == 0:  # the tail x > R by Marsaglia's exponential rejection
            while True:
                u1, s = _uniform(s)
                u2, s = _uniform(s)
                a = -math.log1p(-u1) / _R
                if -2.0 * math.log1p(-u2) > a * a:
                    return _R + a, s
        u, s = _uniform(s)
        if _F[layer] + u * (_F[layer + 1] - _F[layer]) < math.exp(-0.5 * z * z):
            return z, s
        bits, s = _next(s)
        layer = int(bits & np.uint64(0xFF))
        z = float(bits >> np.uint64(11)) * _U53 * _X[layer]
        if z < _X[layer + 1]:
            return z, s


@jit(inline="always")
def _normal(s):
    """A standard normal deviate and the new state."""
    bits, s = _next(s)
    layer = int(bits & np.uint64(0xFF))
    negative = (bits >> np.uint64(8)) & np.uint64(1)
    z = float(bits >> np.uint64(11)) * _U53 * _X[layer]
    if z >= _X[layer + 1]:
        z, s = _normal_slow(s, layer, z)
    return (-z if negative else z), s


@jit
def _normals(seed, first, count, length):
    """``length`` deviates for each of ``count`` members (for tests of the generator itself)."""
    states = _seed_states(seed, first, count)
    out = np.empty((count, length))
    for i in range(count):
        s = (states[i, 0], states[i, 1], states[i, 2], states[i, 3])
        for k in range(length):
            out[i, k], s = _normal(s)
    return out
