"""sttlab.micromag.newell: Newell's tensor against Aharoni's prism, its symmetries, its far field."""

import math

import numpy as np
import pytest

from sttlab.micromag.newell import COMPONENTS, FAR_CELLS, _far, _newell, box_demag_factors, demag_tensor, newell_f


@pytest.mark.parametrize("cell", [(1.0, 1.0, 1.0), (1e-9, 2e-9, 3e-9), (5e-9, 5e-9, 1e-9), (2.5e-9, 2.5e-9, 3e-9)])
def test_self_demag_of_one_cell_is_aharonis_prism(cell):
    """Newell's N(0) is the prism's own demagnetizing tensor: Aharoni 1998 to rounding, diagonal, trace 1."""
    N = {c: float(demag_tensor(c, (1, 1, 1), cell)[0, 0, 0]) for c in COMPONENTS}
    assert [N["xx"], N["yy"], N["zz"]] == pytest.approx(box_demag_factors(*cell), rel=1e-12)
    assert N["xy"] == N["xz"] == N["yz"] == 0.0
    assert N["xx"] + N["yy"] + N["zz"] == pytest.approx(1.0, abs=1e-14)


def test_aharoni_factors_cube_sum_and_thin_film_limit():
    """Aharoni's closed form: 1/3 for a cube, sum 1, and N_z -> 1 for a film (N_z = 1 - O(t/L ln L/t))."""
    assert box_demag_factors(2.0, 2.0, 2.0) == pytest.approx((1 / 3,) * 3, rel=1e-14)
    for a, b, c in [(1.0, 2.0, 3.0), (10.0, 1.0, 0.1), (1.0, 1.0, 1e-3)]:
        assert sum(box_demag_factors(a, b, c)) == pytest.approx(1.0, abs=1e-12)
    films = [box_demag_factors(1.0, 1.0, t)[2] for t in (1e-1, 1e-2, 1e-3)]
    assert films[0] < films[1] < films[2] < 1.0 and 1.0 - films[2] < 1e-2
    # a long square rod along x: N_x -> 0, N_y = N_z -> 1/2
    rod = box_demag_factors(1e3, 1.0, 1.0)
    assert rod[0] < 2e-3 and rod[1] == pytest.approx(0.5, abs=2e-3)


def test_tensor_symmetry_and_zero_trace_off_the_source():
    """N(R) is traceless for every R != 0 (the potential is harmonic outside the source); parities hold."""
    cell, counts = (2e-9, 3e-9, 1.5e-9), (6, 5, 4)
    N = {c: demag_tensor(c, counts, cell) for c in COMPONENTS}
    trace = N["xx"] + N["yy"] + N["zz"]
    assert trace[0, 0, 0] == pytest.approx(1.0, abs=1e-14)
    trace[0, 0, 0] = 0.0
    assert np.abs(trace).max() < 1e-12 * np.abs(N["xx"]).max()
    # g is odd in x and y: N_xy vanishes on the planes X = 0 and Y = 0, N_xz on X = 0 and Z = 0
    assert not N["xy"][0].any() and not N["xy"][:, 0].any() and not N["xz"][:, :, 0].any()
    assert not N["yz"][:, 0].any()
    # exchanging the x and y axes (and the cell edges) exchanges xx and yy
    swapped = demag_tensor("yy", (5, 6, 4), (3e-9, 2e-9, 1.5e-9))
    assert np.allclose(swapped, N["xx"].transpose(1, 0, 2), rtol=1e-10, atol=1e-15)


def test_newell_and_far_field_quadrature_agree_at_the_crossover():
    """Both forms of the tensor agree to 1e-7 relative between 8 and 14 cells (each is accurate to ~1e-8
    there: Newell loses eps (R/d)^6 to cancellation, the quadrature errs by ~(d/R)^6)."""
    cell = (2.5e-9, 2.5e-9, 3e-9)
    for name in ("xx", "zz", "xy"):
        near = _newell(name, (15, 8, 1), cell)
        i, j = np.meshgrid(np.arange(15), np.arange(8), indexing="ij")
        r = np.hypot(i * cell[0], j * cell[1]) / max(cell)
        band = (r > 8) & (r < 14) & (near[:, :, 0] != 0.0)  # N_xy vanishes on the axes
        far = _far(name, (i * cell[0])[band], (j * cell[1])[band], np.zeros(band.sum()), cell)
        assert np.abs(far / near[:, :, 0][band] - 1).max() < 1e-7


def test_far_field_tends_to_the_point_dipole_as_r_to_the_minus_2():
    """N(R) -> (V / 4 pi)(I / R^3 - 3 R R / R^5): relative deviation O((d/R)^2), falling 4x per doubling."""
    cell = (2e-9, 1e-9, 3e-9)
    V = math.prod(cell)
    deviations = []
    for k in (25, 50, 100):
        R = np.array([k * cell[0], 0.5 * k * cell[1], 0.0])
        N = {c: _far(c, *(np.array([x]) for x in R), cell)[0] for c in ("xx", "xy", "yy")}
        r = np.linalg.norm(R)
        dipole = {"xx": V / (4 * math.pi) * (1 / r**3 - 3 * R[0] ** 2 / r**5),
                  "yy": V / (4 * math.pi) * (1 / r**3 - 3 * R[1] ** 2 / r**5),
                  "xy": -V / (4 * math.pi) * 3 * R[0] * R[1] / r**5}
        deviations.append(max(abs(N[c] / dipole[c] - 1) for c in N))
    assert deviations[0] < 1e-3
    assert deviations[1] / deviations[0] == pytest.approx(0.25, rel=0.05)
    assert deviations[2] / deviations[1] == pytest.approx(0.25, rel=0.05)
    assert FAR_CELLS * max(cell) < 25 * cell[0]  # these points use the quadrature


def test_bad_input():
    with pytest.raises(ValueError, match="name must be one of"):
        demag_tensor("xq", (1, 1, 1), (1, 1, 1))
    with pytest.raises(ValueError, match="b must be > 0"):
        box_demag_factors(1.0, 0.0, 1.0)
    assert float(newell_f(0.0, 0.0, 0.0)) == 0.0
