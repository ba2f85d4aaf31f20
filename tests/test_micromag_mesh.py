"""sttlab.micromag.mesh: the grid, its masks and initial states."""

import math

import numpy as np
import pytest

from sttlab.micromag import Mesh, random_tilt, uniform
from sttlab.micromag.mesh import MAX_CELLS, as_mask


def test_from_size_divides_the_box_exactly():
    mesh = Mesh.from_size((500e-9, 125e-9, 3e-9), (128, 32, 1))
    assert mesh.cell == pytest.approx((500e-9 / 128, 125e-9 / 32, 3e-9), rel=1e-15)
    assert mesh.size == pytest.approx((500e-9, 125e-9, 3e-9), rel=1e-15)
    assert mesh.n_cells == 4096 and mesh.shape == (128, 32, 1)
    assert mesh.cell_volume == pytest.approx(500e-9 * 125e-9 * 3e-9 / 4096, rel=1e-15)


def test_covering_uses_the_fewest_cells_no_larger_than_asked():
    mesh = Mesh.covering((60e-9, 50e-9, 1.3e-9), 3e-9)
    assert mesh.n == (20, 17, 1)
    assert all(c <= 3e-9 * (1 + 1e-12) for c in mesh.cell[:2])
    assert mesh.size == pytest.approx((60e-9, 50e-9, 1.3e-9), rel=1e-15)


def test_coordinates_are_cell_centres_symmetric_about_the_origin():
    mesh = Mesh((4, 3, 1), (1.0, 2.0, 3.0))
    x, y, z = mesh.coordinates()
    assert list(x) == [-1.5, -0.5, 0.5, 1.5] and list(y) == [-2.0, 0.0, 2.0] and list(z) == [0.0]


def test_disk_mask_is_symmetric_and_fills_the_circle_to_the_staircase_error():
    """A disk of 20 cells across: its area is pi d^2 / 4 within the perimeter's cell-size band."""
    mesh = Mesh.covering((60e-9, 60e-9, 1e-9), 3e-9)
    disk = mesh.disk(60e-9)[:, :, 0]
    assert np.array_equal(disk, disk[::-1]) and np.array_equal(disk, disk.T)
    area = disk.sum() * 9e-18
    # staircase error: at most the cells cut by the circle, ~ perimeter x cell / 2
    assert abs(area - math.pi * 60e-9**2 / 4) < math.pi * 60e-9 * 3e-9 / 2
    ellipse = mesh.ellipse(60e-9, 30e-9)[:, :, 0]
    assert ellipse.sum() < disk.sum() and not ellipse[:, 0].any()


def test_uniform_and_random_tilt_states():
    mesh = Mesh((6, 5, 2), (1e-9, 1e-9, 1e-9))
    mask = mesh.disk(4e-9)
    m = uniform(mesh, (0, 3, 4), mask)
    assert np.allclose(m[:, mask], np.array([[0.0], [0.6], [0.8]])) and not m[:, ~mask].any()
    tilted = random_tilt(mesh, (0, 0, -1), 10.0, mask, seed=3)
    cos = -tilted[2][mask]
    assert np.all(cos >= math.cos(math.radians(10.0)) - 1e-12) and cos.min() < math.cos(math.radians(5.0))
    assert np.allclose(np.linalg.norm(tilted[:, mask], axis=0), 1.0, atol=1e-14)
    assert np.array_equal(tilted, random_tilt(mesh, (0, 0, -1), 10.0, mask, seed=3))


@pytest.mark.parametrize("n, cell, match", [
    ((0, 1, 1), (1, 1, 1), "n must be three integers"),
    ((2, 2), (1, 1, 1), "n must be three integers"),
    ((2.0, 2, 2), (1, 1, 1), "n must be three integers"),
    ((2, 2, 2), (1, -1, 1), "cell must be three sizes > 0"),
    ((2, 2, 2), (1, 1), "cell must be a 3-vector"),
    ((MAX_CELLS, 2, 1), (1, 1, 1), "more than"),
])
def test_bad_meshes_are_rejected(n, cell, match):
    with pytest.raises(ValueError, match=match):
        Mesh(n, cell)


def test_bad_masks_and_shapes_are_rejected():
    mesh = Mesh((4, 4, 1), (1e-9, 1e-9, 1e-9))
    with pytest.raises(ValueError, match="mask must have the mesh's shape"):
        as_mask(mesh, np.ones((4, 4)))
    with pytest.raises(TypeError, match="boolean"):
        as_mask(mesh, np.ones((4, 4, 1)))
    with pytest.raises(ValueError, match="at least one cell"):
        as_mask(mesh, np.zeros((4, 4, 1), dtype=bool))
    with pytest.raises(ValueError, match="covers no cell"):
        mesh.disk(0.1e-9, center=(10e-9, 0.0))
    with pytest.raises(ValueError, match="length must be > 0"):
        mesh.ellipse(-1e-9, 1e-9)
    with pytest.raises(ValueError, match="size must be three lengths"):
        Mesh.from_size((1e-9, 0.0, 1e-9), (1, 1, 1))
    with pytest.raises(ValueError, match="direction must be a non-zero"):
        uniform(mesh, (0, 0, 0))
    with pytest.raises(ValueError, match="angle_deg must lie in"):
        random_tilt(mesh, (0, 0, 1), 200.0)
