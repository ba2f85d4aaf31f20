"""The project's numba decorator: cached compilation that degrades gracefully.

``cache=True`` keeps the JIT cold start to one process per machine. If numba
finds no writable cache location (a read-only install with no writable home
and no ``NUMBA_CACHE_DIR``), ``numba.njit(cache=True)`` raises at decoration
and would break ``import sttlab``; this decorator then compiles without a
cache and warns once, naming the fix.

Floating-point contraction (``fastmath={"contract"}``: a*b + c as one fused
multiply-add) is on: it only changes rounding in the last bit, shortens the
latency-bound integrator chains by a third, and keeps results deterministic.
No other fast-math flag is used (they could change physics results).
"""

import warnings

import numba

_warned = False


def jit(function=None, **options):
    """``numba.njit(cache=True, fastmath={"contract"}, **options)``, without cache if none can be written.

    Small device functions called from the integrators pass ``inline="always"``.
    """
    if function is None:
        return lambda f: jit(f, **options)
    options.setdefault("fastmath", {"contract"})
    try:
        return numba.njit(cache=True, **options)(function)
    except RuntimeError as error:
        if "no locator available" not in str(error):
            raise
        global _warned
        if not _warned:
            warnings.warn(
                "numba cannot write a compilation cache here, so sttlab recompiles its kernels in every "
                "process; set NUMBA_CACHE_DIR to a writable directory to avoid that",
                RuntimeWarning,
                stacklevel=2,
            )
            _warned = True
        return numba.njit(cache=False, **options)(function)
