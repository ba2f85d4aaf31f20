"""Stochastic LLG ensembles and Neel-Brown analytics (sttlab.thermal, sttlab._random).

Reference cases of PHYSICS.md: 6 (Boltzmann equilibrium) here; 7 (escape
times against the exact Fokker-Planck value) in test_thermal_escape.py. Every
statistical test uses a fixed seed, so it is deterministic; its tolerance is
a significance level (p > 1e-3) or a multiple of the stated standard error,
and each test also shows it has the power to reject a wrong answer.
"""

import math

import numba
import numpy as np
import pytest
from scipy import integrate, stats

from sttlab import Cylinder, Junction, Magnet, Pulse, preset, simulate
from sttlab import thermal
from sttlab._random import _normals
from sttlab.constants import kB, mu0
from sttlab.llg import torque
from sttlab.thermal import (
    boltzmann_states,
    current_reduced_barrier,
    neel_brown_rate,
    simulate_ensemble,
    switching_probability,
    thermal_field_sigma,
)


def magnet_with_delta(Delta, T=300.0, alpha=0.1, diameter=20e-9, thickness=1.0e-9):
    """A perpendicular cylinder (no demag, uniaxial Ku) whose barrier is ``Delta`` kB T."""
    geometry = Cylinder(diameter=diameter, thickness=thickness)
    Ku = Delta * kB * T / geometry.volume
    return Magnet(Ms=1.0e6, geometry=geometry, alpha=alpha, Ku=Ku, demag=(0.0, 0.0, 0.0))


def chi_square_p(x, Delta, bins, lo, hi):
    """p-value of the counts of x = m.u against the Boltzmann density exp(Delta x^2) on [lo, hi]."""
    edges = np.linspace(lo, hi, bins + 1)
    counts, _ = np.histogram(x, edges)
    weight = np.array([integrate.quad(lambda y: math.exp(Delta * (y * y - 1.0)), a, b)[0]
                       for a, b in zip(edges[:-1], edges[1:])])
    expected = counts.sum() * weight / weight.sum()
    return stats.chisquare(counts, expected).pvalue


# --------------------------------------------------------------------------- random numbers


def test_normals_are_standard_normal():
    z = _normals(np.uint64(7), 0, 4, 250_000).ravel()
    # 1e6 samples: the KS statistic of a wrong distribution (e.g. variance 1.01) would give p ~ 1e-5
    assert stats.kstest(z, "norm").pvalue > 1e-3
    assert abs(z.mean()) < 5 / math.sqrt(z.size)
    assert abs(z.var() - 1.0) < 5 * math.sqrt(2.0 / z.size)
    # the tail beyond the ziggurat's base (|z| > 3.654) is drawn by a separate path: its weight must be right
    tail = np.mean(np.abs(z) > 3.6541528853610088)
    expected = 2 * stats.norm.sf(3.6541528853610088)
    assert abs(tail - expected) < 5 * math.sqrt(expected / z.size)
    assert stats.kstest(np.abs(z[np.abs(z) > 3.6541528853610088]), stats.truncnorm(3.6541528853610088, np.inf).cdf).pvalue > 1e-3


def test_member_streams_depend_only_on_seed_and_index():
    block = _normals(np.uint64(11), 0, 6, 100)
    assert np.array_equal(_normals(np.uint64(11), 4, 2, 100), block[4:])
    assert not np.array_equal(_normals(np.uint64(12), 0, 6, 100), block)
    # different members are uncorrelated
    many = _normals(np.uint64(11), 0, 2, 200_000)
    assert abs(np.corrcoef(many)[0, 1]) < 5 / math.sqrt(200_000)


# --------------------------------------------------------------------------- analytics


def test_thermal_field_variance_is_the_fluctuation_dissipation_value():
    cell = preset("cofeb_mgo_40nm")
    free = cell.free
    sigma = thermal_field_sigma(cell, 300.0, 1e-12)
    # <H^2> dt mu0^2 Ms V gamma / (2 alpha kB T) = 1 per component (Brown 1963)
    from sttlab.constants import gamma

    assert sigma**2 * 1e-12 * gamma * mu0**2 * free.Ms * free.volume / (2 * free.alpha * kB * 300.0) == pytest.approx(1.0)
    assert thermal_field_sigma(cell, 0.0, 1e-12) == 0.0
    assert thermal_field_sigma(cell, 1200.0, 4e-12) == pytest.approx(sigma)  # sqrt(T / dt)


def test_neel_brown_rate_is_the_attempt_frequency_times_the_boltzmann_factor():
    magnet = magnet_with_delta(30.0)
    f0 = thermal.attempt_frequency(magnet, 300.0)
    # f0 tau_D = sqrt(Delta / pi): Brown's prefactor, with tau_D independent of T
    assert f0 * magnet.relaxation_time == pytest.approx(math.sqrt(30.0 / math.pi))
    assert neel_brown_rate(magnet, 300.0) == pytest.approx(f0 * math.exp(-30.0))
    assert thermal.retention_time(magnet, 300.0) == pytest.approx(1.0 / neel_brown_rate(magnet, 300.0))
    # a hotter bit forgets faster
    assert neel_brown_rate(magnet, 350.0) > neel_brown_rate(magnet, 300.0)


@pytest.mark.parametrize("i", [0.2, 0.5, 0.8])
def test_current_reduced_barrier_exponent_two_is_exact_for_the_axial_macrospin(i):
    """The quasi-potential of the drift of m.u (from sttlab.llg.torque) has the barrier Delta (1 - i)^2."""
    Delta = 40.0
    magnet = magnet_with_delta(Delta)
    cell = Junction(free=magnet, polarizer=(0, 0, 1), P=0.5)
    J = i * cell.Jc0("P") * 1.0  # negative current destabilizes the P state (x = +1)
    x = -np.cos(np.linspace(1e-5, math.pi - 1e-5, 2001))  # to within 5e-11 of the poles
    m = np.column_stack([np.sqrt(1 - x**2), np.zeros_like(x), x])
    v = torque(cell, m, current_density=J)[:, 2]  # dx/dt = g (1 - x^2)(alpha Hk x + H_DL)
    # Boltzmann-like weight: v = -D (1 - x^2) dU/dx with D = g alpha kB T / (mu0 Ms V), U in kB T
    g_alpha = thermal.attempt_frequency(magnet, 300.0) / math.sqrt(Delta / math.pi) / magnet.Hk_eff
    D = g_alpha * kB * 300.0 / (mu0 * magnet.Ms * magnet.volume)
    U = -integrate.cumulative_trapezoid(v / (D * (1 - x**2)), x, initial=0.0)
    barrier = U.max() - U[-1]  # from the destabilized well at x = +1 over the top
    # the integrand is linear in x (constant efficiency), so the trapezoid rule is exact; the grid's largest
    # U misses the top by at most Delta h^2 / 2 ~ 4e-5 for the spacing h < 1.6e-3
    assert barrier == pytest.approx(float(current_reduced_barrier(Delta, i)), abs=1e-4)
    assert barrier != pytest.approx(float(current_reduced_barrier(Delta, i, exponent=1.0)), rel=0.05)


# --------------------------------------------------------------------------- Boltzmann sampling and equilibrium


def test_boltzmann_states_sample_the_well():
    Delta = 5.0
    magnet = magnet_with_delta(Delta)
    m = boltzmann_states(magnet, 300.0, 50_000, around=(0, 0, -1), seed=3)
    assert np.allclose(np.linalg.norm(m, axis=1), 1.0)
    x = -m[:, 2]
    assert x.min() >= 0.0
    assert chi_square_p(x, Delta, 40, 0.0, 1.0) > 1e-3
    assert chi_square_p(x, 1.1 * Delta, 40, 0.0, 1.0) < 1e-6  # power: a 10 % wrong barrier is rejected
    assert stats.kstest(np.arctan2(m[:, 1], m[:, 0]), stats.uniform(-math.pi, 2 * math.pi).cdf).pvalue > 1e-3


def test_case6_boltzmann_equilibrium_of_the_stochastic_llg():
    """PHYSICS.md case 6: independent members after a 20 tau_D burn-in sample exp(Delta x^2) on the sphere."""
    Delta = 1.0  # wells exchange members within a few tau_D, so the whole sphere equilibrates
    magnet = magnet_with_delta(Delta, alpha=0.1)
    tau = magnet.relaxation_time
    run = simulate_ensemble(magnet, (0, 0, 1), 20 * tau, T=300.0, n=20_000, seed=5, dt=tau / 200)
    x = run.m[:, 2]
    assert chi_square_p(x, Delta, 40, -1.0, 1.0) > 1e-3
    # power: a thermal field whose variance is 20 % off would show (Delta 1.2 or 0.83)
    assert chi_square_p(x, 1.2 * Delta, 40, -1.0, 1.0) < 1e-4
    assert chi_square_p(x, Delta / 1.2, 40, -1.0, 1.0) < 1e-4


def test_boltzmann_equilibrium_of_a_demagnetized_thin_film():
    """The same check where the anisotropy is interfacial minus shape: Delta from Magnet.Delta."""
    free = Magnet(Ms=1.1e6, geometry=Cylinder(diameter=8e-9, thickness=1.3e-9), alpha=0.05, Ki=1.1202e-3)
    Delta = free.Delta(300.0)
    assert 1.0 < Delta < 2.0
    tau = free.relaxation_time
    run = simulate_ensemble(free, (0, 0, 1), 30 * tau, T=300.0, n=20_000, seed=8, dt=tau / 200)
    assert chi_square_p(run.m[:, 2], Delta, 40, -1.0, 1.0) > 1e-3
    assert chi_square_p(run.m[:, 2], 1.2 * Delta, 40, -1.0, 1.0) < 1e-4


# --------------------------------------------------------------------------- the solver


def test_zero_temperature_heun_follows_the_deterministic_solver():
    """At T = 0 the ensemble solver is Heun's method: its switching time converges at second order."""
    cell = preset("cofeb_mgo_40nm")
    tilt = math.radians(3.0)
    m0 = (math.sin(tilt), 0.0, -math.cos(tilt))
    J = 2.0 * cell.Jc0()
    reference = simulate(cell, m0, 20e-9, current_density=J, rtol=1e-11, atol=1e-13).switching_time(0.5)
    run = simulate_ensemble(cell, m0, 20e-9, T=0.0, n=2, seed=0, current_density=J)
    assert run.switching_times[0] == run.switching_times[1]
    assert np.all(run.switched)
    errors = [abs(simulate_ensemble(cell, m0, 20e-9, T=0.0, n=1, dt=dt, current_density=J).switching_times[0]
                  / reference - 1.0) for dt in (run.dt, run.dt / 2)]
    assert errors[0] < 3e-3  # the default step (0.05 rad of precession) over ~7000 steps
    assert errors[1] < errors[0] / 3.0  # second order: 4x smaller, 3x allowing for the interpolated crossing


def test_the_same_seed_gives_the_same_ensemble_whatever_the_threads_or_chunks(monkeypatch):
    cell = preset("cofeb_mgo_20nm")
    m0 = boltzmann_states(cell, 300.0, 301, around=(0, 0, -1), seed=1)
    args = dict(T=300.0, seed=99, current_density=Pulse(1.5 * cell.Jc0(), width=3e-9))
    reference = simulate_ensemble(cell, m0, 4e-9, **args)
    threads = numba.get_num_threads()
    try:
        numba.set_num_threads(1)
        single = simulate_ensemble(cell, m0, 4e-9, **args)
    finally:
        numba.set_num_threads(threads)
    monkeypatch.setattr(thermal, "_CHUNK_WORK", 301 * 7)  # 7 steps per kernel call
    chunked = simulate_ensemble(cell, m0, 4e-9, **args)
    for other in (single, chunked):
        assert np.array_equal(other.m, reference.m)
        assert np.array_equal(other.switching_times, reference.switching_times, equal_nan=True)
    different = simulate_ensemble(cell, m0, 4e-9, **{**args, "seed": 100})
    assert not np.array_equal(different.m, reference.m)


def test_recorded_trajectories_match_the_final_state_and_the_thermal_spread():
    cell = preset("cofeb_mgo_20nm")
    run = simulate_ensemble(cell, (0, 0, 1), 1e-9, T=300.0, n=50, seed=4, record=5, save_every=10)
    assert run.trajectories.shape == (run.t.size, 5, 3)
    assert np.array_equal(run.trajectories[-1], run.m[:5])
    assert np.array_equal(run.trajectories[0], run.m0[:5])
    assert run.t[-1] == pytest.approx(1e-9)
    assert np.allclose(np.linalg.norm(run.trajectories, axis=2), 1.0, atol=1e-12)


def test_escape_statistics_api():
    magnet = magnet_with_delta(2.0, alpha=0.5)
    tau = magnet.relaxation_time
    run = simulate_ensemble(magnet, (0, 0, 1), 400 * tau, T=300.0, n=400, seed=2, dt=tau / 100, stop_on_switch=True)
    assert np.all(np.isfinite(run.switching_times))
    mean, error = run.mean_switching_time()
    assert 0 < error < mean
    fraction = run.switched_fraction([0.0, mean, np.inf])
    assert fraction[0] == 0.0 and 0.3 < fraction[1] < 0.9 and fraction[2] == 1.0
    stopped = run.m[:, 2]
    assert np.all(stopped < -0.5)  # frozen at the first passage beyond the threshold
    short = simulate_ensemble(magnet, (0, 0, 1), tau, T=300.0, n=400, seed=2, dt=tau / 100)
    with pytest.raises(ValueError, match="censored"):
        short.mean_switching_time()


def test_switching_probability_grows_with_current_and_width_and_brackets_its_interval():
    cell = preset("cofeb_mgo_20nm")
    jc = cell.Jc0()
    result = switching_probability(cell, 300.0, [1e-9, 4e-9], [1.2 * jc, 3.0 * jc], n=400, seed=6)
    p = result.probability
    assert p[1, 1] > p[0, 1] and p[1, 1] > p[1, 0]
    assert np.all((result.low <= p) & (p <= result.high))
    assert p[1, 1] > 0.9 and p[0, 0] < 0.5
    # a point does not change when the scan around it does
    again = switching_probability(cell, 300.0, [1e-9, 4e-9], [1.2 * jc, 3.0 * jc], n=400, seed=6)
    assert np.array_equal(again.probability, p)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("kwargs, name", [
    ({"T": -1.0}, "T"),
    ({"T": 300.0, "dt": 0.0}, "dt"),
    ({"T": 300.0, "dt": 1e-9}, "dt"),
    ({"T": 300.0, "threshold": 1.0}, "threshold"),
    ({"T": 300.0, "seed": -1}, "seed"),
    ({"T": 300.0, "record": -1}, "record"),
    ({"T": 300.0, "record": 11}, "record"),
    ({"T": 300.0, "record": 2, "stop_on_switch": True}, "record"),
    ({"T": 300.0, "save_every": 0}, "save_every"),
    ({"T": 300.0, "n": 0}, "n"),
])
def test_simulate_ensemble_rejects_bad_input(kwargs, name):
    cell = preset("cofeb_mgo_20nm")
    m0 = np.tile([0.0, 0.0, 1.0], (10, 1))
    with pytest.raises(ValueError, match=name):
        simulate_ensemble(cell, m0, 1e-9, **kwargs)


def test_bad_input_elsewhere():
    cell = preset("cofeb_mgo_20nm")
    with pytest.raises(ValueError, match="n "):
        simulate_ensemble(cell, (0, 0, 1), 1e-9, T=300.0)
    with pytest.raises(ValueError, match="m0"):
        simulate_ensemble(cell, np.zeros((4, 3)), 1e-9, T=300.0)
    with pytest.raises(ValueError, match="around"):
        boltzmann_states(cell, 300.0, 10, around=(1, 0, 0))
    elliptic = Magnet(Ms=1e6, geometry=Cylinder(20e-9, 1e-9), alpha=0.1, Ku=1e6, demag=(0.2, 0.1, 0.7))
    with pytest.raises(ValueError, match="axially symmetric"):
        boltzmann_states(elliptic, 300.0, 10, around=(0, 0, 1))
    with pytest.raises(ValueError, match="current_ratio"):
        current_reduced_barrier(40.0, 1.5)
    with pytest.raises(ValueError, match="widths"):
        switching_probability(cell, 300.0, [0.0], [1e11])
    with pytest.raises(ValueError, match="start"):
        switching_probability(cell, 300.0, [1e-9], [1e11], start="up")
    with pytest.raises(TypeError, match="system"):
        thermal_field_sigma("cell", 300.0, 1e-12)


def test_progress_bar_counts_every_step_and_does_not_change_the_result(capsys):
    cell = preset("cofeb_mgo_20nm")
    quiet = simulate_ensemble(cell, (0, 0, 1), 1e-9, T=300.0, n=10, seed=1)
    shown = simulate_ensemble(cell, (0, 0, 1), 1e-9, T=300.0, n=10, seed=1, progress=True)
    assert np.array_equal(quiet.m, shown.m)
    steps = round(1e-9 / shown.dt)
    assert f"{steps}/{steps}" in capsys.readouterr().err
