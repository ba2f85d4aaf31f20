"""sttlab.micromag.solver: time integration against exact solutions, the macrospin limit, energy decay."""

import math

import numpy as np
import pytest

from sttlab import Cylinder, Junction, Magnet, Pulse
from sttlab.constants import gamma, mu0
from sttlab.dynamics import analytic_switching_time, simulate as simulate_macrospin
from sttlab.llg import larmor_solution
from sttlab.micromag import Mesh, Sample, simulate
from sttlab.micromag._model import _Model, largest_step


def free_film(alpha, n=(3, 2, 1)):
    """Uniform states stay uniform: no demag, and exchange has no gradient to act on."""
    return Sample(Mesh(n, (2e-9, 2e-9, 2e-9)), Ms=8e5, A=1.3e-11, alpha=alpha, demag=False)


@pytest.mark.parametrize("method", ["rk45", "rk4"])
def test_damped_larmor_precession_matches_the_exact_solution(method):
    """PHYSICS.md case 1 on every cell: tan(theta/2) decays at alpha w / (1 + alpha^2), phase w t / (1 + alpha^2)."""
    H, alpha, theta0 = 0.2 / mu0, 0.1, 150.0
    sample = free_film(alpha)
    m0 = sample.uniform((math.sin(math.radians(theta0)), 0, math.cos(math.radians(theta0))))
    options = {"tol": 1e-9} if method == "rk45" else {"dt": 0.2e-12}
    run = simulate(sample, m0, 100e-12, field=(0, 0, H), method=method, save_every=5e-12, **options)
    exact = larmor_solution(run.t, 0.2, alpha, theta0)
    assert np.abs(run.m_avg - exact).max() < 1e-7
    assert np.allclose(run.t, np.arange(21) * 5e-12, rtol=0, atol=1e-24)


def test_field_pulse_rotates_by_gamma_mu0_H_width():
    """A square field pulse along z turns an x-magnetized undamped film by gamma mu0 H w: the step
    control must not skip the pulse's corners."""
    H, width = 0.1 / mu0, 7.3e-12
    sample = free_film(0.0)
    run = simulate(sample, sample.uniform((1, 0, 0)), 40e-12, field_pulse=Pulse((0, 0, H), width=width, start=11e-12),
                   save_every=1e-12, tol=1e-10)
    phase = math.atan2(run.m_avg[-1, 1], run.m_avg[-1, 0])
    assert phase == pytest.approx(gamma * 0.1 * width, rel=1e-7)


def one_cell_junction():
    """One 2.5 x 2.5 x 1.3 nm cell of CoFeB-like material; K chosen for mu0 H_k,eff = 0.2 T with the cell's
    own (Newell) demagnetizing factors."""
    mesh = Mesh((1, 1, 1), (2.5e-9, 2.5e-9, 1.3e-9))
    probe = Sample(mesh, Ms=1.1e6, A=2e-11, alpha=0.05)
    from sttlab.micromag import demag_factors

    N = np.diag(demag_factors(mesh))
    Ku = 0.5 * mu0 * 1.1e6 * (0.2 / mu0 + 1.1e6 * (N[2] - N[0]))
    free = Magnet(Ms=1.1e6, geometry=Cylinder(2.5e-9, 1.3e-9), alpha=0.05, Ku=Ku)
    junction = Junction(free, P=0.5)
    return Sample(mesh, Ms=1.1e6, A=2e-11, alpha=0.05, Ku=Ku, junction=junction)


def test_one_cell_mesh_reduces_to_the_macrospin():
    """A one-cell mesh is the macrospin of sttlab.dynamics with the cell's demag factors: the same switching
    time at 2 J_c0 (issue item 2 asks for 1 %; the two integrate the same equation, so 1e-5)."""
    sample = one_cell_junction()
    macro = sample.macrospin()
    assert macro.free.Hk_eff * mu0 == pytest.approx(0.2, rel=1e-12)
    J = 2.0 * macro.Jc0()
    tilt = math.radians(2.0)
    m0 = np.array([math.sin(tilt), 0.0, -math.cos(tilt)])
    run = simulate(sample, m0.reshape(3, 1, 1, 1), 4e-9, current_density=J, tol=1e-9, save_every=1e-12)
    reference = simulate_macrospin(macro, m0, 4e-9, current_density=J, rtol=1e-10, atol=1e-12)
    exact = analytic_switching_time(macro, J, 2.0)
    assert run.switching_time() == pytest.approx(reference.switching_time(), rel=1e-5)
    assert run.switching_time() == pytest.approx(exact, rel=1e-5)
    # and the whole trajectory, not just one time
    ref_m = np.array([np.interp(run.t, reference.t, reference.m[:, c]) for c in range(3)]).T
    assert np.abs(run.m_avg - ref_m).max() < 1e-3


def test_energy_never_increases_under_pure_damping():
    """PHYSICS.md case 3 for the continuum: with no current the total energy falls monotonically (to the
    integrator's tolerance) and the state stays on the unit sphere."""
    sample = Sample(Mesh((16, 8, 1), (5e-9, 5e-9, 3e-9)), Ms=8e5, A=1.3e-11, alpha=0.3)
    m0 = sample.random_tilt((1, 0, 0), 120.0, seed=1)
    for method in ("rk45", "rk4"):
        run = simulate(sample, m0, 60e-12, field=(-2e4, 5e3, 0), method=method, save_every=1e-12, energies=True,
                       tol=1e-6)
        E = run.energies["total"]
        assert np.all(np.diff(E) <= 1e-9 * np.abs(E).max())
        assert E[-1] < E[0] - 0.1 * abs(E[0])
        assert np.allclose(np.linalg.norm(run.m[:, sample.mask], axis=0), 1.0, atol=1e-14)
        parts = sum(run.energies[k] for k in ("exchange", "anisotropy", "demag", "zeeman"))
        assert np.allclose(parts, E, rtol=1e-14, atol=0)


def test_rk4_and_rk45_agree_and_snapshots_are_kept():
    sample = Sample(Mesh((16, 8, 1), (5e-9, 5e-9, 3e-9)), Ms=8e5, A=1.3e-11, alpha=0.05)
    m0 = sample.random_tilt((1, 0.2, 0), 20.0, seed=2)
    a = simulate(sample, m0, 40e-12, field=(-2e4, 5e3, 0), tol=1e-8, save_every=2e-12, snapshot_every=10e-12)
    # a rough random state excites the stiffest spin waves: RK4 resolves them at 0.1 ps, not at its default
    # step near the stability limit, which suits smooth dynamics (standard problem 4, the pillar)
    b = simulate(sample, m0, 40e-12, field=(-2e4, 5e3, 0), method="rk4", dt=0.1e-12, save_every=2e-12)
    assert np.abs(a.m_avg - b.m_avg).max() < 1e-7
    c = simulate(sample, m0, 4e-12, method="rk4", save_every=2e-12)
    assert c.dt == pytest.approx(2e-12 / math.ceil(2e-12 / (0.9 * largest_step(_Model(sample)))), rel=1e-12)
    assert a.snapshots.shape == (5, 3, 16, 8, 1) and np.allclose(a.snapshot_t, np.arange(5) * 10e-12)
    assert np.allclose(a.snapshots[-1], a.m, atol=1e-12)
    assert np.allclose(a.snapshots[2][:, sample.mask].mean(axis=1), a.m_avg[10], atol=1e-15)
    assert a.evaluations >= 6 * a.steps and b.evaluations == 4 * b.steps and b.rejected == 0


def test_progress_bar_runs():
    sample = free_film(0.1)
    run = simulate(sample, sample.uniform((1, 0, 0)), 5e-12, field=(0, 0, 1e5), progress=True)
    assert run.t[-1] == pytest.approx(5e-12)


def test_bad_input():
    sample = free_film(0.1)
    m0 = sample.uniform((1, 0, 0))
    with pytest.raises(TypeError, match="sample must be a Sample"):
        simulate(None, m0, 1e-12)
    with pytest.raises(ValueError, match="duration must be > 0"):
        simulate(sample, m0, 0.0)
    with pytest.raises(ValueError, match="m0 must have shape"):
        simulate(sample, m0[:, :2], 1e-12)
    with pytest.raises(ValueError, match="m0 must be unit vectors"):
        simulate(sample, 2 * m0, 1e-12)
    with pytest.raises(ValueError, match="method must be one of"):
        simulate(sample, m0, 1e-12, method="euler")
    with pytest.raises(ValueError, match="tol must lie in"):
        simulate(sample, m0, 1e-12, tol=0.5)
    with pytest.raises(ValueError, match="exceeds the largest stable RK4 step"):
        simulate(sample, m0, 1e-12, method="rk4", dt=1e-9)
    with pytest.raises(ValueError, match="must be a multiple of save_every"):
        simulate(sample, m0, 1e-12, save_every=1e-13, snapshot_every=2.5e-13)
    with pytest.raises(ValueError, match="save_every must be > 0"):
        simulate(sample, m0, 1e-12, save_every=-1.0)
    with pytest.raises(ValueError, match="current_density must be 0"):
        simulate(sample, m0, 1e-12, current_density=1e11)
