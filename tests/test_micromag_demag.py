"""sttlab.micromag.demag: the FFT convolution against the direct sum, Aharoni's box and the cylinder."""

import math

import numpy as np
import pytest

from sttlab.micromag import Mesh, box_demag_factors, demag_factors, demag_field, uniform
from sttlab.micromag.demag import Demag
from sttlab.micromag.newell import _COMPONENTS, COMPONENTS, demag_tensor


@pytest.mark.parametrize("n, cell", [
    ((8, 4, 2), (1e-9, 2e-9, 1.5e-9)),
    ((30, 10, 1), (2.5e-9, 2.5e-9, 3e-9)),  # reaches into the far-field quadrature (FAR_CELLS = 10)
    ((5, 5, 5), (1e-9, 1e-9, 1e-9)),
])
def test_box_mesh_average_is_aharonis_box(n, cell):
    """Summed over all pairs of cells, the cell tensors give the whole box's factors exactly (1e-9: the
    far-field quadrature's error at the crossover)."""
    mesh = Mesh(n, cell)
    N = demag_factors(mesh)
    assert np.diag(N) == pytest.approx(box_demag_factors(*mesh.size), rel=1e-9)
    assert np.abs(N - np.diag(np.diag(N))).max() < 1e-12
    assert np.trace(N) == pytest.approx(1.0, abs=1e-9)


def _direct(M, mesh):
    """The convolution summed cell by cell (the definition the FFT must reproduce)."""
    comps = {c: demag_tensor(c, mesh.n, mesh.cell) for c in COMPONENTS}
    cells = list(np.ndindex(*mesh.n))
    H = np.zeros_like(M)
    for a in range(3):
        for b in range(3):
            name = "xyz"[min(a, b)] + "xyz"[max(a, b)]
            parity = _COMPONENTS[name][2]
            for i in cells:
                for j in cells:
                    d = np.subtract(i, j)
                    sign = np.prod([p if x < 0 else 1 for p, x in zip(parity, d)])
                    H[(a, *i)] -= sign * comps[name][tuple(np.abs(d))] * M[(b, *j)]
    return H


@pytest.mark.parametrize("n", [(5, 4, 3), (6, 3, 1), (1, 1, 1), (1, 5, 2), (7, 1, 1)])
def test_fft_convolution_equals_the_direct_sum(n):
    mesh = Mesh(n, (2e-9, 3e-9, 1.5e-9))
    M = np.random.default_rng(1).normal(size=(3, *n))
    H = Demag(mesh)(M)
    assert np.abs(H - _direct(M, mesh)).max() < 1e-12 * np.abs(M).max()


def test_uniform_box_field_averages_to_minus_N_M():
    mesh = Mesh((16, 8, 2), (2e-9, 2e-9, 1.5e-9))
    H = demag_field(uniform(mesh, (1, 1, 1)), 1e6, mesh)
    N = box_demag_factors(*mesh.size)
    assert H.reshape(3, -1).mean(axis=1) == pytest.approx(-1e6 / math.sqrt(3) * np.array(N), rel=1e-9)


def test_demag_factors_of_a_disk_approach_the_cylinder_as_the_mesh_refines():
    """A staircase disk's factors converge to the exact cylinder's (Chen, Brug & Goldfarb 1991)."""
    from sttlab.mram.pillar import cylinder_demag

    exact = cylinder_demag(60e-9, 2e-9)[2]
    errors = []
    for cell in (6e-9, 3e-9, 1.5e-9):
        mesh = Mesh.covering((60e-9, 60e-9, 2e-9), (cell, cell, 2e-9))
        errors.append(abs(demag_factors(mesh, mesh.disk(60e-9))[2, 2] - exact))
    assert errors[2] < 2e-3 and errors[2] < errors[0]


def test_bad_input():
    mesh = Mesh((2, 2, 1), (1e-9, 1e-9, 1e-9))
    with pytest.raises(ValueError, match="m must have shape"):
        demag_field(np.zeros((3, 2, 2)), 1e6, mesh)
    with pytest.raises(TypeError, match="mesh must be a Mesh"):
        Demag((2, 2, 1))
    with pytest.raises(ValueError, match="non-empty boolean"):
        demag_factors(mesh, np.zeros((2, 2, 1), dtype=bool))
    with pytest.raises(ValueError, match="precision must be one of"):
        Demag(mesh, precision="half")


def test_single_precision_convolution_is_accurate_to_float32():
    """The single-precision FFT path agrees with the double one to a few 1e-7 of Ms."""
    mesh = Mesh((40, 10, 1), (2.5e-9, 2.5e-9, 3e-9))
    M = 8e5 * np.random.default_rng(2).normal(size=(3, *mesh.n))
    single, double = Demag(mesh, "single")(M), Demag(mesh)(M)
    assert single.dtype == np.float32
    assert np.abs(single - double).max() < 1e-6 * np.abs(M).max()
