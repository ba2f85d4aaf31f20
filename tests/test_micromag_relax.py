"""sttlab.micromag.relax: energy minima against the Bloch-wall profile and between the two methods."""

import math

import numpy as np
import pytest

from sttlab.micromag import Mesh, Sample, relax
from sttlab.micromag.relax import TORQUE_TOL

A, K, MS = 1.3e-11, 5e5, 8e5
DELTA = math.sqrt(A / K)  # 5.1 nm


def wall(dx, length=24 * DELTA):
    """A chain along x with a uniaxial axis z and no demag; relaxed from a steep symmetric wall guess."""
    n = int(round(length / dx))
    sample = Sample(Mesh((n, 1, 1), (dx, 1e-9, 1e-9)), Ms=MS, A=A, alpha=0.5, Ku=K, demag=False)
    x = sample.mesh.coordinates()[0]
    theta = 2 * np.arctan(np.exp(x / (0.5 * DELTA)))  # twice as steep as the answer
    m0 = np.zeros((3, n, 1, 1))
    m0[1, :, 0, 0], m0[2, :, 0, 0] = np.sin(theta), -np.cos(theta)
    return sample, x, relax(sample, m0, torque_tol=1e-4)


def test_bloch_wall_relaxes_to_tanh_with_second_order_convergence():
    """m_z = tanh(x / delta), delta = sqrt(A / K) (Landau & Lifshitz): the discrete wall's largest error
    falls 4x per halving of the cell; the wall energy tends to 4 sqrt(A K) per area."""
    errors, energies = [], []
    for dx in (DELTA / 2, DELTA / 4, DELTA / 8):
        sample, x, state = wall(dx)
        assert state.converged
        errors.append(np.abs(state.m[2, :, 0, 0] - np.tanh(x / DELTA)).max())
        area = sample.mesh.cell[1] * sample.mesh.cell[2]
        energies.append((state.energies["total"] + K * sample.volume) / area)
    assert errors[2] < 2e-3
    # (the symmetric start keeps the free wall centred; the ratios are 4.15 and 4.10: O(dx^4) corrections)
    assert errors[0] / errors[1] == pytest.approx(4.0, rel=0.06)
    assert errors[1] / errors[2] == pytest.approx(4.0, rel=0.06)
    assert energies[2] == pytest.approx(4 * math.sqrt(A * K), rel=2e-3)


def test_descent_and_damped_dynamics_find_the_same_minimum():
    sample = Sample(Mesh((12, 6, 1), (4e-9, 4e-9, 3e-9)), Ms=MS, A=A, alpha=0.02)
    m0 = sample.random_tilt((1, 0.3, 0), 30.0, seed=4)
    a = relax(sample, m0)
    b = relax(sample, m0, method="damping")
    assert a.converged and b.converged
    assert a.torque < TORQUE_TOL * MS and b.torque < TORQUE_TOL * MS
    assert np.abs(a.m - b.m).max() < 1e-5
    assert a.energies["total"] == pytest.approx(b.energies["total"], rel=1e-9)
    assert a.evaluations < b.evaluations  # Barzilai-Borwein is the faster of the two


def test_unconverged_relaxation_says_so():
    sample = Sample(Mesh((12, 6, 1), (4e-9, 4e-9, 3e-9)), Ms=MS, A=A, alpha=0.02)
    state = relax(sample, sample.random_tilt((1, 0.3, 0), 30.0, seed=4), max_iterations=3)
    assert not state.converged and state.iterations == 3 and state.torque > TORQUE_TOL * MS


def test_bad_input():
    sample = Sample(Mesh((2, 2, 1), (4e-9, 4e-9, 3e-9)), Ms=MS, A=A, alpha=0.02)
    m0 = sample.uniform((1, 0, 0))
    with pytest.raises(ValueError, match="method must be one of"):
        relax(sample, m0, method="newton")
    with pytest.raises(ValueError, match="torque_tol must be > 0"):
        relax(sample, m0, torque_tol=0.0)
    with pytest.raises(ValueError, match="max_iterations must be an integer"):
        relax(sample, m0, max_iterations=0)
    with pytest.raises(ValueError, match="max_time must be > 0"):
        relax(sample, m0, method="damping", max_time=-1.0)
    with pytest.raises(TypeError, match="sample must be a Sample"):
        relax("film", m0)
