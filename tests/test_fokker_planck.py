"""The 1D Fokker-Planck model: its drift against the LLG, Boltzmann equilibrium, PHYSICS.md case 7
(Neel-Brown), the deterministic limit, and the accuracy of write-error rates down to 1e-12."""

import math

import numpy as np
import pytest
from scipy import integrate
from scipy.linalg import expm

from sttlab import Cylinder, Junction, Magnet, preset, simulate
from sttlab import _fokker_planck_numerics as numerics
from sttlab import fokker_planck as fp
from sttlab.constants import gamma, kB, mu0
from sttlab.efficiency import EFFICIENCY_MODELS
from sttlab.llg import energy, torque
from sttlab.thermal import current_reduced_barrier, neel_brown_rate

SMALL = preset("cofeb_mgo_20nm")  # Delta = 10 at 300 K: small meshes
LARGE = preset("cofeb_mgo_40nm")  # Delta = 40 at 300 K


def temperature(system, Delta):
    """The temperature at which the system's thermal stability factor is Delta."""
    return 300.0 * system.free.Delta(300.0) / Delta


def diffusion(system, T):
    """D = gamma mu0 alpha kB T / ((1 + alpha^2) mu0 Ms V), the module's formula written out again."""
    free = system.free
    return gamma * mu0 * free.alpha * kB * T / ((1 + free.alpha**2) * mu0 * free.Ms * free.volume)


# ----------------------------------------------------------------------------- the drift


@pytest.mark.parametrize("efficiency", EFFICIENCY_MODELS)
@pytest.mark.parametrize("sign", [1.0, -1.0], ids=["p=+u", "p=-u"])
def test_drift_is_the_llg_torque_projected_on_the_polarizer(efficiency, sign):
    """dx/dt of the 1D model equals p . dm/dt from sttlab.llg.torque at random m, with a field-like
    torque and a field along p. Both are the same formula evaluated two ways: rounding-level agreement."""
    p = np.array([0.0, 0.0, sign])
    junction = Junction(LARGE.free, polarizer=p, P=0.6, efficiency=efficiency, Lambda=1.7, field_like=0.3)
    m = np.random.default_rng(7).normal(size=(64, 3))
    m /= np.linalg.norm(m, axis=1)[:, None]
    for J, H in [(0.0, 0.0), (2.3e11, 0.0), (-1.7e11, 4e4), (7e10, -2e4)]:
        expected = torque(junction, m, current_density=J, field=H * p) @ p
        got = fp.drift(junction, m @ p, current_density=J, field=H)
        assert got == pytest.approx(expected, rel=1e-10, abs=1e-12 * np.abs(expected).max())
    assert fp.drift(junction, -1.0, current_density=1e11) == 0.0  # the poles are fixed points


def test_drift_of_a_magnet_axially_symmetric_about_x():
    """Any principal axis works if the transverse demag factors are equal: a rod along x."""
    rod = Magnet(Ms=8e5, geometry=Cylinder(30e-9, 3e-9), alpha=0.05, Ku=3e5, easy_axis=(1, 0, 0),
                 demag=(0.1, 0.45, 0.45))
    m = np.random.default_rng(1).normal(size=(20, 3))
    m /= np.linalg.norm(m, axis=1)[:, None]
    expected = torque(rod, m, field=(3e4, 0, 0))[:, 0]
    got = fp.drift(rod, m[:, 0], field=3e4)
    assert got == pytest.approx(expected, rel=1e-10, abs=1e-12 * np.abs(expected).max())


def test_effective_potential_is_the_energy_and_the_drift_potential():
    """At J = 0, Phi = (E(x) - E(0)) / kB T with sttlab.llg.energy; with current, Phi(b) - Phi(a) =
    -int v / (D (1 - x^2)) dx (quadrature of the drift: checks the closed-form integral of eta); for
    constant eta the AP barrier is Delta (1 - J/J_c0)^2 (sttlab.thermal.current_reduced_barrier)."""
    T, H = 300.0, 1.2e4
    x = np.linspace(-1, 1, 9)
    m = np.stack([np.sqrt(1 - x**2), np.zeros_like(x), x], axis=1)
    E = energy(LARGE, m, field=(0, 0, H)) - energy(LARGE, [1.0, 0.0, 0.0], field=(0, 0, H))
    assert fp.effective_potential(LARGE, T, x, field=H) == pytest.approx(E / (kB * T), rel=1e-12, abs=1e-12)

    junction = Junction(LARGE.free, P=0.5, efficiency="slonczewski2002", Lambda=2.0, field_like=0.4)
    D = diffusion(junction, T)
    J = 1.3 * junction.Jc0()
    a, b = -0.8, 0.6
    work = integrate.quad(lambda y: fp.drift(junction, y, current_density=J, field=H) / (D * (1 - y * y)), a, b,
                          epsrel=1e-12)[0]
    phi = fp.effective_potential(junction, T, [a, b], current_density=J, field=H)
    assert phi[1] - phi[0] == pytest.approx(-work, rel=1e-10)

    for ratio in (0.3, 0.7):
        phi = fp.effective_potential(LARGE, T, np.linspace(-1, 1, 200_001), current_density=ratio * LARGE.Jc0())
        barrier = phi.max() - phi[0]  # the top sits at x = -ratio, on the grid to 1e-5: error ~ Delta 1e-10
        assert barrier == pytest.approx(current_reduced_barrier(LARGE.free.Delta(T), ratio), rel=1e-8)


# ----------------------------------------------------------------------------- equilibrium and conservation


def test_zero_current_equilibrium_is_the_boltzmann_distribution():
    """PHYSICS.md case 6: at J = 0 the density ~ exp(-E / kB T) is stationary; the discrete one is exactly
    Boltzmann at the cell centres, its cell probabilities match the exact integrals to second order in the
    mesh; and a start in one well relaxes to it."""
    T = temperature(SMALL, 3.0)
    H = 0.1 * SMALL.free.Hk_eff
    times = [0.0, 1e-9, 1e-6]
    run = fp.density_evolution(SMALL, T, times, start="equilibrium", field=H, n_cells=200)
    assert np.abs(run.probability - run.probability[0]).max() < 1e-14
    boltzmann = np.exp(-fp.effective_potential(SMALL, T, run.x, field=H))
    ratio = run.density[0] / boltzmann
    assert np.ptp(ratio) / ratio.mean() < 1e-12

    def cell_integrals(edges):  # 16-point Gauss-Legendre per cell: exact to rounding for these smooth cells
        nodes, weights = np.polynomial.legendre.leggauss(16)
        a, b = edges[:-1, None], edges[1:, None]
        y = 0.5 * (a + b) + 0.5 * (b - a) * nodes
        w = 0.5 * (b - a)[:, 0] * (np.exp(-fp.effective_potential(SMALL, T, y.ravel(), field=H)).reshape(y.shape)
                                   @ weights)
        return w / w.sum()

    errors = []
    for n in (100, 200):
        coarse = fp.density_evolution(SMALL, T, 0.0, start="equilibrium", field=H, n_cells=n)
        errors.append(np.abs(coarse.probability[0] / cell_integrals(coarse.edges) - 1).max())
    assert errors[1] < 2e-4
    assert 3.5 < errors[0] / errors[1] < 4.5  # second order: the error quarters when the cells halve

    rate = fp.relaxation_rates(SMALL, T, field=H, n_cells=200)[0]
    relaxed = fp.density_evolution(SMALL, T, 40 / rate, start="AP", field=H, n_cells=200)
    assert relaxed.probability[0] == pytest.approx(run.probability[0], rel=1e-12, abs=1e-16)  # exp(-40) = 4e-18


@pytest.mark.parametrize("times", [np.linspace(0, 40e-9, 9), np.array([1e-6, 1e-3, 1.0])], ids=["ns", "long"])
def test_probability_is_conserved_and_positive(times):
    """A strong current moves everything across; the total stays 1 to 1e-14 and no cell goes negative,
    also over a second (2^33 of the smallest propagator steps)."""
    run = fp.density_evolution(SMALL, 300.0, times, current_density=3 * SMALL.Jc0())
    assert np.abs(run.probability.sum(axis=1) - 1).max() < 1e-14
    assert run.probability.min() >= 0.0


@pytest.mark.parametrize("ratio", [0.0, 0.8, 3.0])
def test_uniformization_agrees_with_a_dense_matrix_exponential(ratio):
    """The propagator (Poisson series and binary powers) against scipy.linalg.expm (Pade, scaling and
    squaring) of the same 60-cell generator. expm is accurate relative to the norm of the result, and its
    error grows with |M t| (to ~1e-12 at 1 us here), so the comparison is at 1e-11 absolute, and 1e-9
    relative where probabilities exceed 1e-6. (Against a 40-digit mpmath.expm, the propagator is within
    5e-14 relative for every entry, down to 1e-48, at 30 ps, 2 ns and 30 ns.)"""
    model0 = fp._model(SMALL, 300.0)
    chain = numerics._chain(fp._model(SMALL, 300.0, ratio * SMALL.Jc0()), 60)
    M = np.diag(chain.up, -1) + np.diag(chain.down, 1)
    M -= np.diag(M.sum(axis=0))
    q0 = numerics._initial(numerics._chain(model0, 60), "AP")
    times = np.array([0.0, 3e-11, 2e-9, 3e-8, 1e-6])
    got = numerics._Propagator(chain).apply(np.repeat(q0[:, None], times.size, axis=1), times)
    for k, t in enumerate(times):
        expected = expm(M * t) @ q0
        assert got[:, k] == pytest.approx(expected, abs=1e-11)
        big = expected > 1e-6
        assert got[big, k] == pytest.approx(expected[big], rel=1e-9)


# ----------------------------------------------------------------------------- PHYSICS.md case 7: Neel-Brown


@pytest.mark.parametrize("Delta, low, high", [(5, 0.19, 0.215), (10, 0.105, 0.115), (20, 0.045, 0.055),
                                              (30, 0.03, 0.04), (40, 0.02, 0.03)])
def test_case7_exact_escape_rate_lies_below_browns(Delta, low, high):
    """PHYSICS.md case 7: the exact rate is ~20 % below f0 exp(-Delta) at Delta = 5, ~11 % at 10, a few %
    at 20-40 (exactly: 20.4, 11.0, 5.2, 3.4 and 2.6 %, the last below the page's rounded '3-5 %')."""
    T = temperature(SMALL, Delta)
    shortfall = 1 - fp.escape_rate(SMALL, T) / neel_brown_rate(SMALL, T)
    assert low < shortfall < high


def test_case7_escape_rate_approaches_browns_as_the_barrier_grows():
    deltas = [5, 10, 20, 40, 80, 160, 320]
    shortfall = [1 - fp.escape_rate(SMALL, temperature(SMALL, d)) / neel_brown_rate(SMALL, temperature(SMALL, d))
                 for d in deltas]
    assert np.all(np.diff(shortfall) < 0) and 0 < shortfall[-1] < 0.004


@pytest.mark.parametrize("Delta", [40, 80, 160])
def test_lambda1_follows_the_large_barrier_expansion(Delta):
    """lambda_1 = 2 f0 exp(-Delta) / S^2 with S = sum_k (2k-1)!! / (2 Delta)^k (Laplace's method on the
    first-passage integral), here to k = 3. The tolerance is twice the first omitted term, 105/(16 Delta^4),
    plus the mesh error, ~3e-7 at 700 sqrt(Delta) cells (it grows as Delta / n^2). Checks the relative
    accuracy of rates down to exp(-160) = 3e-70."""
    T = temperature(SMALL, Delta)
    S = 1 + 1 / (2 * Delta) + 3 / (2 * Delta) ** 2 + 15 / (2 * Delta) ** 3
    rate = fp.relaxation_rates(SMALL, T, n_cells=2 * round(350 * math.sqrt(Delta)))[0]
    assert rate / (2 * neel_brown_rate(SMALL, T)) == pytest.approx(S**-2, rel=2 * 105 / (16 * Delta**4) + 1e-6)


@pytest.mark.parametrize("Delta", [10, 20, 40])
def test_first_passage_quadrature_agrees_with_lambda1(Delta):
    """Two independent computations: 1 / MFPT(well bottom -> barrier top) = lambda_1, and MFPT(bottom ->
    x = 0.9, well inside the other well) = 1 / Gamma = 2 / lambda_1, each up to exponentially small terms
    (the time spent near the barrier top and beyond it: ~ Delta exp(-Delta) and exp(-0.81 Delta)), plus the
    mesh error of lambda_1 at 4000 cells."""
    T = temperature(SMALL, Delta)
    rate = fp.relaxation_rates(SMALL, T, n_cells=4000)[0]
    to_top = fp.mean_first_passage_time(SMALL, T, -1.0, 0.0)
    assert rate * to_top == pytest.approx(1.0, rel=4 * Delta * math.exp(-Delta) + 2e-6)
    across = fp.mean_first_passage_time(SMALL, T, -1.0, 0.9)
    assert rate * across / 2 == pytest.approx(1.0, rel=5 * math.exp(-0.81 * Delta) + 2e-6)


@pytest.mark.parametrize("start, x_start, x_end", [("AP", -1.0, 0.9), ("P", 1.0, -0.9)])
def test_escape_rates_of_unequal_wells_match_first_passage_times(start, x_start, x_end):
    """A field along p makes the wells unequal (AP shallower): Gamma = lambda_1 p_other against the
    quadrature, both directions (the mirrored branch of the MFPT), Delta = 20 at 20 % of H_k."""
    T = temperature(SMALL, 20.0)
    H = 0.2 * SMALL.free.Hk_eff
    rate = fp.escape_rate(SMALL, T, start=start, field=H, n_cells=2000)
    tau = fp.mean_first_passage_time(SMALL, T, x_start, x_end, field=H)
    assert rate * tau == pytest.approx(1.0, rel=1e-4)
    assert fp.escape_rate(SMALL, T, start="AP", field=H) > 100 * fp.escape_rate(SMALL, T, start="P", field=H)


def test_a_subcritical_current_lowers_the_barrier_as_its_square():
    """Below J_c0 the escape rate follows the current-lowered barrier: log Gamma(J) - log Gamma(0) ~
    Delta [1 - (1 - J/J_c0)^2] (Butler et al. 2012) up to the prefactor, within one kB T here."""
    T = temperature(SMALL, 40.0)
    base = fp.escape_rate(SMALL, T)
    for ratio in (0.2, 0.4):
        gain = math.log(fp.escape_rate(SMALL, T, current_density=ratio * SMALL.Jc0()) / base)
        assert gain == pytest.approx(40.0 - current_reduced_barrier(40.0, ratio), abs=1.0)


# ----------------------------------------------------------------------------- switching


@pytest.mark.parametrize("ratio", [3.0, 5.0])
def test_median_switching_time_is_the_deterministic_one_at_low_temperature(ratio):
    """J >> J_c0 and Delta = 200: P_sw crosses 1/2 where a deterministic run (sttlab.simulate) from the
    median initial tilt switches. Near the unstable pole the transverse component is an unstable
    Ornstein-Uhlenbeck process: the Boltzmann start (variance 1/(2 Delta) per component) and the noise
    during the exponential growth (D / (r - 1) more) add up to a Rayleigh law of variance
    r / (2 Delta (r - 1)), median theta = sqrt(ln 2 r / ((r - 1) Delta)). What is left is noise in the
    nonlinear stage, O(1/Delta), and the 600-cell mesh: 0.1 % measured, 0.5 % allowed. Without the
    growth-noise term the prediction is 3-6 % off."""
    Delta = 200.0
    T = temperature(LARGE, Delta)
    J = ratio * LARGE.Jc0()
    tau = LARGE.free.relaxation_time

    def deterministic(theta):
        run = simulate(LARGE, (math.sin(theta), 0.0, -math.cos(theta)), 20 * tau, current_density=J,
                       rtol=1e-9, atol=1e-12)
        return run.switching_time()

    t_det = deterministic(math.sqrt(math.log(2) * ratio / ((ratio - 1) * Delta)))
    widths = t_det * np.linspace(0.97, 1.03, 61)
    probability = fp.switching_probability(LARGE, T, widths, J, n_cells=600)
    assert np.all(np.diff(probability) > 0)
    t_half = np.interp(0.5, probability, widths)
    assert t_half == pytest.approx(t_det, rel=5e-3)
    assert abs(deterministic(math.sqrt(math.log(2) / Delta)) / t_half - 1) > 0.02


@pytest.mark.parametrize("system, ratio", [(SMALL, 3.0), (Junction(LARGE.free, P=0.5, efficiency="slonczewski2002",
                                                                   Lambda=2.0), 2.0), (LARGE, 1.5)],
                         ids=["Delta10-3Jc0", "Delta40-slonczewski2002-2Jc0", "Delta40-1.5Jc0"])
def test_write_error_rate_of_1e_12_is_converged_in_the_mesh(system, ratio):
    """Refinement: at the width where the WER is 1e-12, doubling the default mesh changes it by < 1 %.
    (The Slonczewski case is at Delta = 40: at Delta = 10 its weak torque near P leaves a steady
    back-hopping floor of 3e-10, see write_error_rate.)"""
    J = ratio * system.Jc0()
    n = numerics._cells([fp._model(system, 300.0, J), fp._model(system, 300.0)], None)
    widths = np.geomspace(5, 50, 30) * system.free.relaxation_time / (ratio - 1)
    wer = fp.write_error_rate(system, 300.0, widths, J)
    assert wer[-1] < 1e-12 < wer[0]
    width = math.exp(np.interp(math.log(1e-12), np.log(wer[::-1]), np.log(widths[::-1])))
    coarse = fp.write_error_rate(system, 300.0, width, J)
    fine = fp.write_error_rate(system, 300.0, width, J, n_cells=2 * n)
    assert coarse == pytest.approx(1e-12, rel=0.3)
    assert fine == pytest.approx(coarse, rel=0.01)


def test_write_error_rate_falls_with_width_and_current():
    widths = np.linspace(0.0, 30e-9, 16)
    currents = SMALL.Jc0() * np.array([0.5, 1.0, 1.5, 3.0])
    wer = fp.write_error_rate(SMALL, 300.0, widths, currents, n_cells=200)
    psw = fp.switching_probability(SMALL, 300.0, widths, currents, n_cells=200)
    assert wer.shape == (4, 16)
    assert wer[:, 0] == pytest.approx(1.0, abs=1e-15)
    assert np.all(np.diff(wer, axis=1) < 0)
    assert np.all(np.diff(wer[:, 1:], axis=0) < 0)
    assert np.abs(wer + psw - 1).max() < 1e-14


def test_constant_efficiency_switches_both_ways_alike():
    """With constant eta and no field the model is symmetric under x -> -x, J -> -J."""
    widths = [5e-9, 20e-9]
    ap = fp.write_error_rate(SMALL, 300.0, widths, 2 * SMALL.Jc0(), start="AP", n_cells=200)
    p = fp.write_error_rate(SMALL, 300.0, widths, -2 * SMALL.Jc0(), start="P", n_cells=200)
    assert p == pytest.approx(ap, rel=1e-10)


@pytest.mark.parametrize("efficiency", ["slonczewski1996", "slonczewski2002"])
def test_slonczewski_efficiency_makes_ap_to_p_easier(efficiency):
    """eta(AP) > eta(P) in both Slonczewski models: at the same |J| the AP -> P write fails far less often.
    At the same multiple of its own (larger) critical current, P -> AP is the faster one instead: its drive
    grows on the way, as eta rises towards AP, while the AP -> P drive fades."""
    junction = Junction(SMALL.free, P=0.4, efficiency=efficiency, Lambda=2.0)
    J = 2 * junction.Jc0("AP")
    ap = fp.write_error_rate(junction, 300.0, 20e-9, J, start="AP", n_cells=300)
    p = fp.write_error_rate(junction, 300.0, 20e-9, -J, start="P", n_cells=300)
    assert ap < 0.02 * p
    own = fp.write_error_rate(junction, 300.0, 20e-9, 2 * junction.Jc0("P"), start="P", n_cells=300)
    assert own < 0.01 * ap


def test_settling_conserves_probability_and_reaches_equilibrium():
    """After the pulse the current is off: P_sw + WER = 1; a very long settle gives the equilibrium
    split (1/2 in zero field) whatever the pulse did."""
    T = temperature(SMALL, 3.0)
    widths = [0.0, 2e-9, 10e-9]
    J = 2 * SMALL.Jc0()
    settled = fp.switching_probability(SMALL, T, widths, J, settle=3e-9, n_cells=200)
    assert settled + fp.write_error_rate(SMALL, T, widths, J, settle=3e-9, n_cells=200) == pytest.approx(1.0, abs=1e-14)
    assert not np.allclose(settled, fp.switching_probability(SMALL, T, widths, J, n_cells=200))
    long = 40 / fp.relaxation_rates(SMALL, T, n_cells=200)[0]
    assert fp.switching_probability(SMALL, T, widths, J, settle=long, n_cells=200) == pytest.approx(0.5, abs=1e-12)


def test_scalar_arguments_give_floats():
    value = fp.switching_probability(SMALL, 300.0, 10e-9, 2 * SMALL.Jc0(), n_cells=100)
    assert isinstance(value, float)
    assert fp.write_error_rate(SMALL, 300.0, [10e-9], 2 * SMALL.Jc0(), n_cells=100).shape == (1,)
    assert fp.write_error_rate(SMALL, 300.0, 10e-9, [2 * SMALL.Jc0()], n_cells=100).shape == (1,)


# ----------------------------------------------------------------------------- bad input

TILTED = Junction(LARGE.free, polarizer=(0.1, 0.0, 1.0))
ELLIPSE = Junction(Magnet(Ms=1.1e6, geometry=Cylinder(40e-9, 1.3e-9), alpha=0.01, Ki=1.1202e-3,
                          demag=(0.1, 0.2, 0.7)))
OBLIQUE = Magnet(Ms=1e6, geometry=Cylinder(40e-9, 1.3e-9), alpha=0.01, Ku=5e5, easy_axis=(1, 0, 1), demag=(0, 0, 0))
UNDAMPED = Junction(Magnet(Ms=1.1e6, geometry=Cylinder(40e-9, 1.3e-9), alpha=0.0, Ki=1.1202e-3))


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: fp.switching_probability(LARGE, 0.0, 1e-9, 1e11), "T"),
        (lambda: fp.switching_probability(UNDAMPED, 300.0, 1e-9, 1e11), "alpha"),
        (lambda: fp.switching_probability(TILTED, 300.0, 1e-9, 1e11), "polarizer"),
        (lambda: fp.switching_probability(ELLIPSE, 300.0, 1e-9, 1e11), "axially symmetric"),
        (lambda: fp.relaxation_rates(OBLIQUE, 300.0), "easy_axis"),
        (lambda: fp.switching_probability(LARGE, 300.0, [-1e-9], 1e11), "widths"),
        (lambda: fp.switching_probability(LARGE, 300.0, 1e-9, [[1e11]]), "current_densities"),
        (lambda: fp.switching_probability(LARGE, 300.0, 1e-9, 1e11, start="up"), "start"),
        (lambda: fp.switching_probability(LARGE, 300.0, 1e-9, 1e11, settle=-1.0), "settle"),
        (lambda: fp.switching_probability(LARGE, 300.0, 1e-9, 1e11, n_cells=401), "n_cells"),
        (lambda: fp.switching_probability(LARGE, 300.0, 1e-9, 1e11, n_cells=10), "n_cells"),
        (lambda: fp.switching_probability(LARGE, 300.0, 1e-9, math.nan), "current_densities"),
        (lambda: fp.mean_first_passage_time(LARGE, 300.0, -1.0, 1.0), "x_end"),
        (lambda: fp.mean_first_passage_time(LARGE, 300.0, -1.5, 0.0), "x_start"),
        (lambda: fp.relaxation_rates(LARGE, 300.0, count=0), "count"),
        (lambda: fp.relaxation_rates(LARGE.free, 300.0, current_density=1e11), "current_density"),
        (lambda: fp.escape_rate(LARGE, 300.0, current_density=2 * LARGE.Jc0()), "AP state is unstable"),
        (lambda: fp.density_evolution(LARGE, 300.0, [-1e-9]), "times"),
        (lambda: fp.drift(LARGE, 1.5), "x"),
        (lambda: fp.relaxation_rates(LARGE, 1e-3), "too steep"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
