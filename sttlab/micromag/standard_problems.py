"""muMAG standard problem 4: the dynamic benchmark of micromagnetic solvers.

A permalloy film of 500 x 125 x 3 nm (``Ms = 8e5 A/m``, ``A = 1.3e-11 J/m``,
no anisotropy, ``alpha = 0.02``) is relaxed into its "s-state" (here from
``m = (1, 0.1, 0)``, as mumax3 does) and then reversed by a field applied at
170 degrees (field 1, ``mu0 H = (-24.6, 4.3, 0) mT``) or 190 degrees (field
2, ``(-35.5, -6.3, 0) mT``) from +x; the spatially averaged magnetization
``<m>(t)`` over the first nanosecond is compared between codes (the muMAG
group, https://www.ctcms.nist.gov/~rdm/mumag.org.html; McMichael et al.,
J. Appl. Phys. 89, 7603 (2001)). Under field 1 the magnetization turns
through the film's short axis, ``<m_x>`` first crosses zero at 138-140 ps
in the published solutions, and the reversed state rings for the rest of
the nanosecond. The codes agree on the first few hundred picoseconds and
drift apart by a few picoseconds of phase later on (mesh, time step and
constants differ), so crossing times are compared, not single points on
steep stretches.

Reference data shipped in ``sttlab/micromag/data`` (see their headers for
provenance): a 200 x 50 x 1 Crank-Nicolson solution in the muMAG format
(:func:`reference_curve` ``"crank_nicolson_200x50"``) and magnum.np's
regression curve on 100 x 25 x 1 cells (``"magnumnp_100x25"``). mumax3's
regression values on 128 x 32 x 1 cells are in :data:`MUMAX3_128x32`.

Examples
--------
>>> from sttlab.micromag import standard_problems
>>> t, m = standard_problems.reference_curve()
>>> round(float(standard_problems.zero_crossings(t, m[:, 0])[0]) * 1e12, 1)  # ps
139.4
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import _validate as check
from ..constants import mu0
from .mesh import Mesh
from .relax import relax
from .results import Relaxed, Run, crossing_times
from .sample import Sample
from .solver import simulate

#: Film size (Lx, Ly, Lz) in m.
SIZE = (500e-9, 125e-9, 3e-9)
#: Permalloy as the problem defines it: Ms in A/m, A in J/m, alpha.
MS, A, ALPHA = 8e5, 1.3e-11, 0.02
#: The two reversing fields, mu0 H in T.
FIELDS_T = {1: (-24.6e-3, 4.3e-3, 0.0), 2: (-35.5e-3, -6.3e-3, 0.0)}
#: The initial direction relaxed into the s-state.
INITIAL_DIRECTION = (1.0, 0.1, 0.0)
#: mumax3's regression values on 128 x 32 x 1 cells (``PHYSICS.md`` case 11; mumax3's
#: test/standardproblem4 scripts): the relaxed ``<m>`` and ``<m>`` after 1 ns of field 1.
MUMAX3_128x32 = {"relaxed": (0.96697, 0.12527, 0.0), "field1_1ns": (-0.98461, 0.12604, 0.04327)}
#: The first zero crossing of ``<m_x>`` under field 1 in the published solutions, in s.
FIRST_CROSSING_RANGE = (138e-12, 140e-12)

_DATA = Path(__file__).resolve().parent / "data"
REFERENCES = {
    "crank_nicolson_200x50": "sp4_field1_reference.txt",
    "magnumnp_100x25": "sp4_field1_magnumnp_100x25.txt",
}


def sample(n=(128, 32, 1)):
    """The standard-problem-4 film on ``n`` cells.

    Parameters
    ----------
    n : tuple of int, optional
        Cells ``(nx, ny, nz)``; 128 x 32 x 1 (3.9 nm) and 200 x 50 x 1
        (2.5 nm) are the usual meshes.

    Returns
    -------
    Sample

    Examples
    --------
    >>> film = sample((128, 32, 1))
    >>> [round(c * 1e9, 5) for c in film.mesh.cell], film.n_magnetic
    ([3.90625, 3.90625, 3.0], 4096)
    """
    return Sample(Mesh.from_size(SIZE, n), Ms=MS, A=A, alpha=ALPHA)


def s_state(film, **options):
    """The relaxed s-state of ``film`` from ``m = (1, 0.1, 0)`` (:func:`~sttlab.micromag.relax`, descent).

    Keyword options go to :func:`~sttlab.micromag.relax`.

    Examples
    --------
    On a coarse 32 x 8 mesh (mumax3 finds (0.96697, 0.12527, 0) on 128 x 32):

    >>> state = s_state(sample((32, 8, 1)))
    >>> state.converged, [round(float(x), 2) for x in state.m_avg]
    (True, [0.97, 0.12, 0.0])
    """
    return relax(film, film.uniform(INITIAL_DIRECTION), **options)


def field(number):
    """The applied field of field ``number`` (1 or 2) in A/m.

    Examples
    --------
    >>> from sttlab.constants import mu0
    >>> [round(b * mu0 * 1e3, 6) for b in field(1)]  # mT
    [-24.6, 4.3, 0.0]
    """
    check.choice("number", number, (1, 2))
    return tuple(b / mu0 for b in FIELDS_T[number])


@dataclass(frozen=True, eq=False)
class Result:
    """A run of standard problem 4.

    Attributes
    ----------
    relaxed : Relaxed
        The s-state.
    run : Run
        The reversal (``run.t``, ``run.m_avg``).
    number : int
        Which field.

    Examples
    --------
    >>> result = run(1, (32, 8, 1), 20e-12)
    >>> result.number, float(result.run.t[-1]), result.first_crossing is None
    (1, 2e-11, True)
    """

    relaxed: Relaxed
    run: Run
    number: int

    @property
    def first_crossing(self):
        """First zero crossing of ``<m_x>`` in s (None if it never crossed)."""
        return self.run.crossing_time(0)


def run(number=1, n=(128, 32, 1), duration=1e-9, *, relaxed=None, save_every=1e-12, **options):
    """Relax the s-state and apply field ``number`` for ``duration``.

    Parameters
    ----------
    number : {1, 2}, optional
    n : tuple of int, optional
        The mesh, see :func:`sample`.
    duration : float, optional
        In s (default 1 ns).
    relaxed : Relaxed, optional
        A state from :func:`s_state` on the same mesh, to skip the relaxation.
    save_every : float, optional
        Sampling of ``<m>(t)`` in s.
    **options
        Passed to :func:`~sttlab.micromag.simulate` (``method``, ``tol``,
        ``dt``, ``snapshot_every``, ``progress``, ...).

    Returns
    -------
    Result

    Examples
    --------
    The first 200 ps on a coarse mesh: ``<m_x>`` crosses zero near the published 138-140 ps.

    >>> result = run(1, (64, 16, 1), 200e-12, method="rk4")
    >>> bool(130e-12 < result.first_crossing < 145e-12)
    True
    """
    film = sample(n)
    if relaxed is None:
        relaxed = s_state(film)
    elif not isinstance(relaxed, Relaxed) or relaxed.m.shape != (3, *film.mesh.shape):
        raise ValueError(f"relaxed must be an s_state of a {film.mesh.n} mesh")
    reversal = simulate(film, relaxed.m, duration, field=field(number), save_every=save_every, **options)
    return Result(relaxed, reversal, number)


def reference_curve(name="crank_nicolson_200x50"):
    """A published ``<m>(t)`` of field 1.

    Parameters
    ----------
    name : {"crank_nicolson_200x50", "magnumnp_100x25"}, optional
        See the module notes and the files' headers.

    Returns
    -------
    t : ndarray, shape (n,)
        Times in s.
    m : ndarray, shape (n, 3)
        ``<m>`` at those times.

    Examples
    --------
    >>> t, m = reference_curve("magnumnp_100x25")
    >>> t.size, [round(float(x), 5) for x in m[-1]]
    (100, [-0.98309, 0.13968, 0.04249])
    """
    check.choice("name", name, tuple(REFERENCES))
    data = np.loadtxt(_DATA / REFERENCES[name])
    return data[:, 0], data[:, 1:4]


def zero_crossings(t, x):
    """Times (s) at which the sampled curve ``x(t)`` crosses zero, linearly interpolated.

    Examples
    --------
    >>> zero_crossings([0.0, 1e-12, 2e-12], [0.5, -0.5, 1.5]).tolist()
    [5e-13, 1.25e-12]
    """
    return crossing_times(t, x)
