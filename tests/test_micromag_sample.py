"""sttlab.micromag.sample: materials on the mesh, the effective field, energies and the macrospin limit;
and the fused right-hand side of the solver against the numpy terms."""

import math

import numpy as np
import pytest

from sttlab import Cylinder, Junction, Magnet, Pulse, preset
from sttlab.constants import gamma, mu0
from sttlab.micromag import Mesh, Sample, box_demag_factors
from sttlab.micromag._model import _Model


def landau_lifshitz(m, H, alpha):
    """-(gamma mu0 / (1 + alpha^2)) [m x H + alpha m x (m x H)], cell by cell, in numpy."""
    mxh = np.cross(m, H, axis=0)
    return -gamma * mu0 / (1 + alpha**2) * (mxh + alpha * np.cross(m, mxh, axis=0))


def rich_sample():
    """A disk with per-cell Ms and A, bulk + interface anisotropy, two layers and a junction."""
    mesh = Mesh((9, 8, 2), (3e-9, 3e-9, 1e-9))
    Ms = np.full(mesh.shape, 1.1e6)
    Ms[:4] = 0.9e6
    A = np.full(mesh.shape, 2e-11)
    A[:, :3] = 1.2e-11
    free = Magnet(Ms=1.1e6, geometry=Cylinder(27e-9, 2e-9), alpha=0.02, Ki=1e-3)
    junction = Junction(free, polarizer=(0.2, 0.1, 1.0), P=0.55, efficiency="slonczewski2002", Lambda=1.4,
                        field_like=0.2)
    return Sample(mesh, Ms=Ms, A=A, alpha=0.05, Ku=2e5, Ki=1e-3, easy_axis=(0.1, 0, 1), mask=mesh.disk(27e-9),
                  junction=junction)


def test_fused_kernel_equals_the_landau_lifshitz_form_of_the_numpy_field():
    """The solver's one-kernel dm/dt is the LL form of Sample.effective_field: exchange (harmonic-mean A,
    per-cell Ms, mask), anisotropy (bulk + interface), demag, applied field and pulse, spin torque."""
    sample = rich_sample()
    m = sample.random_tilt((0, 0.3, -1), 40.0, seed=5)
    pulse = Pulse((1e4, -2e4, 5e3), width=50e-12, start=10e-12, rise=20e-12)
    J = Pulse(3e11, width=1e-9, rise=0.1e-9)
    model = _Model(sample, field=(1e3, 0, 2e3), field_pulse=pulse, current_density=J)
    t = 25e-12  # on the rise of both pulses
    out = np.empty_like(m)
    torque = model.rhs_at(t, m, out)
    H = sample.effective_field(m, t, field=(1e3, 0, 2e3), field_pulse=pulse, current_density=J)
    expected = landau_lifshitz(m, H, 0.05)
    assert np.abs(out - expected).max() < 1e-11 * np.abs(expected).max()
    assert torque == pytest.approx(np.linalg.norm(np.cross(m, H, axis=0), axis=0).max(), rel=1e-12)
    assert not out[:, ~sample.mask].any()


def test_energies_of_a_uniform_box():
    """Demag energy (mu0/2) Ms^2 N V of a uniform box (Aharoni), anisotropy -K V cos^2, Zeeman -mu0 Ms H V."""
    mesh = Mesh((10, 6, 2), (2e-9, 2e-9, 1.5e-9))
    sample = Sample(mesh, Ms=8e5, A=1.3e-11, alpha=0.1, Ku=1e5, easy_axis=(1, 0, 0))
    m = sample.uniform((1, 0, 0))
    E = sample.energies(m, field=(-1e4, 0, 0))
    V = math.prod(mesh.size)
    assert E["demag"] == pytest.approx(0.5 * mu0 * 8e5**2 * box_demag_factors(*mesh.size)[0] * V, rel=1e-9)
    assert E["anisotropy"] == pytest.approx(-1e5 * V, rel=1e-14)
    assert E["zeeman"] == pytest.approx(mu0 * 8e5 * 1e4 * V, rel=1e-14)
    assert E["exchange"] == 0.0
    assert E["total"] == pytest.approx(E["demag"] + E["anisotropy"] + E["zeeman"], rel=1e-14)


def test_from_junction_discretizes_the_preset():
    cell = preset("cofeb_mgo_40nm")
    sample = Sample.from_junction(cell, A=2e-11, cell=4e-9)
    assert sample.mesh.n == (10, 10, 1) and sample.mesh.size[2] == pytest.approx(1.3e-9)
    assert np.all(sample.Ku_cells[sample.mask] == pytest.approx(cell.free.K, rel=1e-14))
    assert sample.Ms_cells.max() == cell.free.Ms and not sample.Ms_cells[~sample.mask].any()
    assert sample.junction is cell and sample.exchange_length == pytest.approx(
        math.sqrt(2 * 2e-11 / (mu0 * cell.free.Ms**2)), rel=1e-14)
    assert sample.volume == pytest.approx(sample.n_magnetic * 16e-18 * 1.3e-9)
    two = Sample.from_junction(cell, A=2e-11, cell=4e-9, n_layers=2)
    # the interface term sits on the bottom layer: the mean K is still K_u + K_i / t
    assert two.Ku_cells[two.mask].mean() == pytest.approx(cell.free.K, rel=1e-12)


def test_macrospin_has_the_sample_demag_factors():
    sample = Sample.from_junction(preset("cofeb_mgo_20nm"), A=2e-11, cell=2.5e-9)
    macro = sample.macrospin()
    Nx, Ny, Nz = macro.free.demag
    assert Nx == pytest.approx(Ny, rel=1e-12) and Nx + Ny + Nz == pytest.approx(1.0, abs=1e-12)
    from sttlab.mram.pillar import cylinder_demag

    # the staircase disk of 8 cells across is close to the exact cylinder (Chen, Brug & Goldfarb 1991)
    assert Nz == pytest.approx(cylinder_demag(20e-9, 1.3e-9)[2], rel=0.02)
    assert macro.free.Ms == sample.junction.free.Ms and macro.P == sample.junction.P


def test_bad_input():
    mesh = Mesh((4, 4, 1), (1e-9, 1e-9, 1e-9))
    with pytest.raises(TypeError, match="mesh must be a Mesh"):
        Sample((4, 4, 1), Ms=8e5, A=1e-11, alpha=0.1)
    with pytest.raises(ValueError, match="no magnetic cell"):
        Sample(mesh, Ms=0.0, A=1e-11, alpha=0.1)
    with pytest.raises(ValueError, match="Ms must be >= 0"):
        Sample(mesh, Ms=-1.0, A=1e-11, alpha=0.1)
    with pytest.raises(ValueError, match="alpha must be >= 0"):
        Sample(mesh, Ms=8e5, A=1e-11, alpha=-0.1)
    free = Magnet(Ms=8e5, geometry=Cylinder(4e-9, 2e-9), alpha=0.1)
    with pytest.raises(ValueError, match="must equal the mesh thickness"):
        Sample(mesh, Ms=8e5, A=1e-11, alpha=0.1, junction=Junction(free))
    sample = Sample(mesh, Ms=8e5, A=1e-11, alpha=0.1)
    with pytest.raises(ValueError, match="m must be unit vectors"):
        sample.effective_field(np.zeros((3, 4, 4, 1)))
    with pytest.raises(ValueError, match="m must have shape"):
        sample.energies(np.zeros((3, 4, 4)))
    with pytest.raises(ValueError, match="current_density must be 0 for a sample without a junction"):
        sample.effective_field(sample.uniform((1, 0, 0)), current_density=1e11)
    with pytest.raises(TypeError, match="field_pulse must be a Pulse"):
        sample.effective_field(sample.uniform((1, 0, 0)), field_pulse=Pulse(1.0, width=1e-9))
    with pytest.raises(ValueError, match="macrospin\\(\\) needs"):
        sample.macrospin()
    with pytest.raises(ValueError, match="n_layers must be an integer"):
        Sample.from_junction(preset("cofeb_mgo_40nm"), A=2e-11, cell=4e-9, n_layers=0)
