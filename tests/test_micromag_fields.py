"""sttlab.micromag.fields: exchange, anisotropy, Zeeman and spin-torque fields and energies."""

import math

import numpy as np
import pytest

from sttlab import Cylinder, Junction, Magnet
from sttlab.constants import mu0
from sttlab.efficiency import spin_torque_efficiency
from sttlab.llg import effective_field
from sttlab.micromag import (Mesh, anisotropy_energy, anisotropy_field, exchange_energy, exchange_field,
                             spin_torque_field, uniform, zeeman_energy)
from sttlab.micromag.fields import field_energy, interface_anisotropy

MS, A = 8e5, 1.3e-11


def spin_wave(n, dx, k):
    """m = (cos kx, sin kx, 0) on a chain of n cells along x."""
    x = (np.arange(n) + 0.5) * dx
    m = np.zeros((3, n, 1, 1))
    m[0, :, 0, 0], m[1, :, 0, 0] = np.cos(k * x), np.sin(k * x)
    return m


def test_exchange_of_a_uniform_state_vanishes():
    mesh = Mesh((5, 4, 3), (1e-9, 2e-9, 3e-9))
    assert not exchange_field(uniform(mesh, (1, 2, 3)), MS, A, mesh.cell).any()


def test_exchange_field_of_a_spin_wave_converges_at_second_order():
    """H = -(2 A k^2 / mu0 Ms) m in the bulk; the 3-point Laplacian errs by (k dx)^2 / 12."""
    k = 2 * math.pi / 40e-9
    errors = []
    for dx in (2e-9, 1e-9, 0.5e-9):
        n = int(round(80e-9 / dx))
        m = spin_wave(n, dx, k)
        H = exchange_field(m, MS, A, (dx, dx, dx))
        bulk = slice(n // 4, 3 * n // 4)
        exact = -2 * A * k**2 / (mu0 * MS) * m[:, bulk]
        errors.append(np.abs(H[:, bulk] - exact).max() / np.abs(exact).max())
        assert errors[-1] == pytest.approx((k * dx) ** 2 / 12, rel=0.01)
    assert errors[0] / errors[1] == pytest.approx(4.0, rel=0.01)
    assert errors[1] / errors[2] == pytest.approx(4.0, rel=0.01)


def test_exchange_energy_is_the_gradient_energy_and_minus_half_mu0_Ms_m_dot_H():
    """E = sum_links A V |dm|^2 / d^2 = -(mu0/2) sum Ms m.H V; for a spin wave it tends to A k^2 V_total."""
    dx, k, n = 1e-9, 2 * math.pi / 40e-9, 80
    m = spin_wave(n, dx, k)
    cell = (dx, 2e-9, 3e-9)
    E = exchange_energy(m, A, cell)
    H = exchange_field(m, MS, A, cell)
    assert E == pytest.approx(field_energy(m, MS, H, cell), rel=1e-12)
    # |m_{i+1} - m_i|^2 = 4 sin^2(k dx / 2) exactly for a spin wave: n - 1 links
    assert E == pytest.approx(A * (n - 1) * 4 * math.sin(k * dx / 2) ** 2 / dx**2 * math.prod(cell), rel=1e-12)


def test_exchange_respects_the_mask_free_boundaries_and_per_cell_Ms():
    """Cells outside the mask neither feel nor exert exchange; H scales as 1/Ms of the receiving cell;
    the link stiffness between two As is their harmonic mean."""
    mesh = Mesh((4, 1, 1), (1e-9, 1e-9, 1e-9))
    m = np.zeros((3, 4, 1, 1))
    m[:, :, 0, 0] = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]).T
    Ms = np.array([MS, 2 * MS, MS, 0.0]).reshape(4, 1, 1)
    A_cells = np.array([A, 3 * A, A, A]).reshape(4, 1, 1)
    H = exchange_field(m, Ms, A_cells, mesh.cell)
    link = 2 * (2 * A * 3 * A / (4 * A)) / (mu0 * 1e-18)  # harmonic mean of A and 3A
    assert H[:, 0, 0, 0] == pytest.approx(link / MS * (m[:, 1, 0, 0] - m[:, 0, 0, 0]), rel=1e-14)
    expected_1 = link / (2 * MS) * ((m[:, 0, 0, 0] - m[:, 1, 0, 0]) + (m[:, 2, 0, 0] - m[:, 1, 0, 0]))
    assert H[:, 1, 0, 0] == pytest.approx(expected_1, rel=1e-14)
    assert not H[:, 3].any()  # empty cell
    # cell 2 couples only to cell 1 (its other neighbour is empty): a free boundary
    assert H[:, 2, 0, 0] == pytest.approx(link / MS * (m[:, 1, 0, 0] - m[:, 2, 0, 0]), rel=1e-14)


def test_anisotropy_field_and_energy():
    mesh = Mesh((3, 2, 1), (1e-9, 1e-9, 2e-9))
    m = uniform(mesh, (1, 0, 1))
    Ku = 4e5
    H = anisotropy_field(m, MS, Ku, (0, 0, 1))
    assert H[:, 0, 0, 0] == pytest.approx([0.0, 0.0, 2 * Ku / (mu0 * MS) / math.sqrt(2)], rel=1e-14)
    E = anisotropy_energy(m, Ku, mesh.cell, (0, 0, 1))
    assert E == pytest.approx(-Ku * 0.5 * mesh.n_cells * mesh.cell_volume, rel=1e-14)
    assert E == pytest.approx(field_energy(m, MS, H, mesh.cell), rel=1e-14)


def test_interface_anisotropy_acts_on_the_bottom_layer():
    Ku = interface_anisotropy((2, 2, 3), 1e-3, 1e-9, Ku=5e4)
    assert np.all(Ku[:, :, 0] == 5e4 + 1e6) and np.all(Ku[:, :, 1:] == 5e4)


def test_zeeman_energy():
    mesh = Mesh((2, 2, 1), (1e-9, 1e-9, 1e-9))
    m = uniform(mesh, (0, 1, 0))
    assert zeeman_energy(m, MS, (0, 1e4, 0), mesh.cell) == pytest.approx(-mu0 * MS * 1e4 * 4e-27, rel=1e-14)


@pytest.mark.parametrize("efficiency, xi", [("constant", 0.0), ("slonczewski2002", 0.3), ("slonczewski1996", -0.1)])
def test_spin_torque_field_matches_the_macrospin(efficiency, xi):
    """Cell by cell, the torque fields are those of sttlab.llg for the same junction (no anisotropy, no
    demag there, so its effective field is the torque field alone)."""
    free = Magnet(Ms=MS, geometry=Cylinder(40e-9, 2e-9), alpha=0.01, demag=(0, 0, 0))
    junction = Junction(free, polarizer=(0.3, 0, 1), P=0.6, efficiency=efficiency, Lambda=1.5, field_like=xi)
    mesh = Mesh((3, 1, 1), (1e-9, 1e-9, 2e-9))
    m = np.zeros((3, 3, 1, 1))
    m[:, :, 0, 0] = (np.array([[1, 0, 0], [0, 0.6, -0.8], [0, 0, -1.0]])).T
    J = 2e11
    H = spin_torque_field(m, MS, junction, J)
    expected = effective_field(junction, m[:, :, 0, 0].T, current_density=J).T
    assert np.allclose(H[:, :, 0, 0], expected, rtol=1e-13, atol=1e-9)
    # per-cell Ms: half the Ms, twice the field
    H2 = spin_torque_field(m, np.full((3, 1, 1), MS / 2), junction, J)
    assert np.allclose(H2, 2 * H, rtol=1e-13)
    # the formula itself: H_DL = (hbar / 2e) eta J / (mu0 Ms t)
    p = np.array(junction.polarizer)
    eta = float(spin_torque_efficiency(m[:, 2, 0, 0] @ p, efficiency, 0.6, 1.5))
    h_dl = junction.stt_field_per_current() * eta * J
    assert H[:, 2, 0, 0] == pytest.approx(h_dl * (np.cross(m[:, 2, 0, 0], p) + xi * p), rel=1e-13)


def test_bad_input():
    mesh = Mesh((2, 2, 1), (1e-9, 1e-9, 1e-9))
    m = uniform(mesh, (1, 0, 0))
    with pytest.raises(ValueError, match="m must have shape"):
        exchange_field(m[0], MS, A, mesh.cell)
    with pytest.raises(ValueError, match="A must be >= 0"):
        exchange_field(m, MS, -A, mesh.cell)
    with pytest.raises(ValueError, match="Ms must be a number or an array of shape"):
        exchange_field(m, np.ones((3, 3, 1)), A, mesh.cell)
    with pytest.raises(ValueError, match="cell must be three sizes"):
        exchange_field(m, MS, A, (1e-9, 0, 1e-9))
    with pytest.raises(ValueError, match="Ku must be finite"):
        anisotropy_field(m, MS, np.nan, (0, 0, 1))
    with pytest.raises(ValueError, match="easy_axis must be a non-zero"):
        anisotropy_field(m, MS, 1e5, (0, 0, 0))
    with pytest.raises(TypeError, match="junction must be a Junction"):
        spin_torque_field(m, MS, None, 1e11)
    with pytest.raises(ValueError, match="dz must be > 0"):
        interface_anisotropy((2, 2, 1), 1e-3, 0.0)
