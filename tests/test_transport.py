"""Spin transport against closed forms: PHYSICS.md cases 8 (two-current model) and 9 (spin diffusion)."""

import math

import numpy as np
import pytest

from sttlab import transport
from sttlab.constants import e, hbar

# ----------------------------------------------------------------------------- case 8


def test_case8_conductivity_ratio_3_gives_P_one_half():
    """PHYSICS.md case 8: sigma_up / sigma_down = 3 gives P = 0.5 (exact up to rounding)."""
    assert transport.polarization(3.0, 1.0) == pytest.approx(0.5, rel=1e-15, abs=0)
    assert transport.polarization(3e7, 1e7) == pytest.approx(0.5, rel=1e-15, abs=0)
    assert transport.polarization(1.0, 3.0) == pytest.approx(-0.5, rel=1e-15, abs=0)
    # the same metal described by resistivities rho = 1 / sigma
    assert transport.polarization_from_resistivities(1 / 3.0, 1.0) == pytest.approx(0.5, rel=1e-15, abs=0)


def test_polarization_limits():
    assert transport.polarization(1.0, 0.0) == 1.0   # half metal
    assert transport.polarization(2.0, 2.0) == 0.0   # normal metal
    assert transport.polarization_from_resistivities(5e-8, 5e-8) == 0.0


def test_case8_spin_current_is_P_hbar_over_2e_Jc_along_the_polarizer():
    """J_s = P (hbar / 2e) J_c p: magnitude, direction (normalized p) and sign with J_c."""
    J_c, P = 1e11, 0.5
    Js = transport.spin_current_density(J_c, P, (0.0, 0.0, 2.0))
    assert Js == pytest.approx([0.0, 0.0, P * hbar / (2 * e) * J_c], rel=1e-15, abs=0)
    assert Js[2] == pytest.approx(1.6455e-5, rel=1e-4, abs=0)  # J/m^2, hand value 0.5 * 3.2911e-16 * 1e11
    tilted = transport.spin_current_density(J_c, P, (1.0, 1.0, 0.0))
    assert tilted == pytest.approx(np.array([1, 1, 0]) / math.sqrt(2) * Js[2], rel=1e-14, abs=0)
    assert transport.spin_current_density(-J_c, P, (0, 0, 1))[2] == -Js[2]


# ----------------------------------------------------------------------------- two-current resistor


def test_equal_channel_resistivities_give_no_gmr_and_ohms_law():
    """beta = 0: AR_P = AR_AP = rho_F t_F + rho_N t_N + rho_F t_F2 (series layers, 1e-14: rounding only)."""
    r = transport.two_current_resistance(rho_F=1.2e-7, beta=0.0, t_F=5e-9, rho_N=6e-9, t_N=10e-9, t_F2=3e-9)
    assert r.AR_P == pytest.approx(1.2e-7 * 8e-9 + 6e-9 * 10e-9, rel=1e-14, abs=0)
    assert r.AR_AP == pytest.approx(r.AR_P, rel=1e-14, abs=0)
    assert r.gmr == pytest.approx(0.0, abs=1e-14)


@pytest.mark.parametrize("beta", [0.76, 0.3, -0.5])
def test_antiparallel_resistance_is_higher_by_the_two_current_closed_form(beta):
    """Equal F layers: AR_AP - AR_P = (2 beta rho* t_F)^2 / AR_AP, rho* = rho_F / (1 - beta^2) (Bass & Pratt 1999)."""
    rho_F, t_F, rho_N, t_N = 1.23e-7, 6e-9, 6e-9, 20e-9
    r = transport.two_current_resistance(rho_F, beta, t_F, rho_N, t_N)
    rho_star = rho_F / (1 - beta**2)
    assert r.AR_AP > r.AR_P
    assert r.AR_AP == pytest.approx(2 * rho_star * t_F + rho_N * t_N, rel=1e-14, abs=0)
    assert r.AR_AP - r.AR_P == pytest.approx((2 * beta * rho_star * t_F) ** 2 / r.AR_AP, rel=1e-10, abs=0)


def test_gmr_limits():
    """A thick spacer shunts nothing but dilutes the GMR to 0; a half-metal-like beta -> 1 makes it large."""
    thin = transport.two_current_resistance(1e-7, 0.5, 5e-9, 1e-8, 1e-9).gmr
    thick = transport.two_current_resistance(1e-7, 0.5, 5e-9, 1e-8, 1e-3).gmr
    assert thick < 1e-6 * thin
    assert transport.two_current_resistance(1e-7, 0.999, 5e-9, 0.0, 0.0).gmr > 100
    # the spin asymmetry's sign does not matter for GMR (both layers flip together)
    assert transport.two_current_resistance(1e-7, -0.4, 5e-9, 1e-8, 5e-9).gmr == pytest.approx(
        transport.two_current_resistance(1e-7, 0.4, 5e-9, 1e-8, 5e-9).gmr, rel=1e-14)


# ----------------------------------------------------------------------------- case 9: analytic profiles


def test_spin_diffusion_length_is_sqrt_D_tau():
    assert transport.spin_diffusion_length(0.02, 6e-12) == pytest.approx(math.sqrt(0.02 * 6e-12), rel=1e-15, abs=0)


@pytest.mark.parametrize("far", transport.FAR_BOUNDARIES)
def test_finite_layer_formulas(far):
    """cosh / sinh forms: boundary values, the ODE mu'' = mu / lambda^2, and L >> lambda -> exp(-x / lambda)."""
    lam, L, mu0 = 100e-9, 250e-9, 2.0
    x = np.linspace(0, L, 11)
    exact = {"reflecting": mu0 * np.cosh((L - x) / lam) / np.cosh(L / lam),
             "absorbing": mu0 * np.sinh((L - x) / lam) / np.sinh(L / lam)}[far]
    assert transport.spin_accumulation(x, mu0, lam, L, far) == pytest.approx(exact, rel=1e-13, abs=1e-15)
    # L = 40 lambda: the finite forms differ from exp(-x / lambda) by exp(-80) relative, i.e. at rounding level
    x = np.linspace(0, 5 * lam, 51)
    assert transport.spin_accumulation(x, mu0, lam, 40 * lam, far) == pytest.approx(mu0 * np.exp(-x / lam),
                                                                                  rel=1e-14)
    # and no overflow far beyond cosh's range (L / lambda = 1e4)
    assert np.isfinite(transport.spin_accumulation(lam, mu0, lam, 1e4 * lam, far))


def test_semi_infinite_profile_is_the_exponential():
    lam = 350e-9
    assert transport.spin_accumulation(0.0, 3.0, lam) == 3.0
    assert transport.spin_accumulation(2 * lam, 3.0, lam) == pytest.approx(3.0 * math.exp(-2), rel=1e-15, abs=0)


# ----------------------------------------------------------------------------- case 9: finite differences


def max_error(profile, exact, mu_s0=1.0):
    # Error in units of mu_s(0), the scale of the profile: a pointwise relative error is meaningless
    # near an absorbing end where the exact value is 0.
    return np.max(np.abs(profile.mu_s - exact)) / abs(mu_s0)


def test_case9_finite_difference_matches_exp_at_20_points_per_lambda():
    """PHYSICS.md case 9, tolerance 1e-4 (of mu_s(0)) at h = lambda / 20.

    L = 20 lambda with an absorbing end, so exp(-x / lambda) differs from the exact finite-layer
    profile by exp(-20) = 2e-9. The discrete decay rate is 1/lambda - h^2 / (24 lambda^3): the
    predicted largest error is (h / lambda)^2 / (24 e) = 3.8e-5, so the test also checks it is not
    far below that (a bug that made the error zero would be suspicious too).
    """
    lam, mu0 = 350e-9, 1.7
    profile = transport.spin_diffusion_steady(20 * lam, lam, n=400, mu_s0=mu0)
    assert profile.x[20] == pytest.approx(lam, rel=1e-12, abs=0)
    err = max_error(profile, mu0 * np.exp(-profile.x / lam), mu0)
    assert err < 1e-4
    assert err == pytest.approx(1 / (400 * 24 * math.e), rel=0.02)


@pytest.mark.parametrize("far", transport.FAR_BOUNDARIES)
def test_case9_finite_difference_error_shrinks_as_h_squared(far):
    """Halving h divides the error by 4 (second-order central differences and second-order ghost node);
    accept 3.8-4.2, the h^4 terms at 10-40 points per lambda shift the ratio by well under 1 %."""
    lam, L = 1.0, 2.5
    errors = []
    for n in (25, 50, 100):
        profile = transport.spin_diffusion_steady(L, lam, n, far=far)
        errors.append(max_error(profile, transport.spin_accumulation(profile.x, 1.0, lam, L, far)))
    ratios = np.array(errors[:-1]) / np.array(errors[1:])
    assert np.all((ratios > 3.8) & (ratios < 4.2)), ratios


def test_reflecting_end_has_no_gradient_and_keeps_more_accumulation():
    lam = 1.0
    reflecting = transport.spin_diffusion_steady(1.0, lam, 200, far="reflecting").mu_s
    absorbing = transport.spin_diffusion_steady(1.0, lam, 200, far="absorbing").mu_s
    assert absorbing[-1] == 0.0 and reflecting[0] == absorbing[0] == 1.0
    assert np.all(reflecting[1:] > absorbing[1:])
    assert reflecting[-1] == pytest.approx(1 / math.cosh(1.0), rel=1e-4)  # (h / lambda)^2 = 2.5e-5


# ----------------------------------------------------------------------------- case 9: transient


@pytest.mark.parametrize("far", transport.FAR_BOUNDARIES)
def test_case9_transient_relaxes_to_the_steady_state(far):
    """From mu_s = 0 inside, after 30 tau_sf the slowest mode (rate >= 1 / tau_sf) is down by e^-30;
    Crank-Nicolson's fixed point is exactly the discrete steady state, so 1e-10 is rounding plus that decay."""
    D, tau = 0.02, 6e-12
    lam = math.sqrt(D * tau)
    run = transport.spin_diffusion_transient(4 * lam, D, tau, 80, 30 * tau, 0.05 * tau, mu_s0=2.0, far=far,
                                             save_every=100)
    steady = transport.spin_diffusion_steady(4 * lam, lam, 80, mu_s0=2.0, far=far).mu_s
    assert run.mu_s.shape == (run.t.size, 81)
    assert run.t[0] == 0.0 and run.t[-1] == pytest.approx(30 * tau, rel=1e-12, abs=0)
    assert np.all(run.mu_s[0] == 0.0)
    assert np.max(np.abs(run.mu_s[-1] - steady)) < 1e-10
    # the approach is monotonic: distance to the steady state never grows between saves
    distance = np.max(np.abs(run.mu_s - steady), axis=1)
    assert np.all(np.diff(distance) <= 1e-15)


@pytest.mark.parametrize("smooth_start", [True, False])
def test_case9_crank_nicolson_is_second_order_in_dt(smooth_start):
    """Errors at t = tau_sf / 2 against a 128x finer run shrink by 4 per halving of dt; accept 3.5-4.5
    (smooth initial data, so no order reduction; the reference's own error is 1/4096 of the coarsest)."""
    L, n = 5.0, 100
    x = np.linspace(0, L, n + 1)
    start = 1.0 - x / L  # consistent with mu_s(0) = 1 and the absorbing end

    def final(dt):
        run = transport.spin_diffusion_transient(L, 1.0, 1.0, n, 0.5, dt, initial=start, smooth_start=smooth_start)
        return run.mu_s[-1]

    reference = final(0.05 / 128)
    errors = np.array([np.max(np.abs(final(0.05 / 2**j) - reference)) for j in range(1, 4)])
    ratios = errors[:-1] / errors[1:]
    assert np.all((ratios > 3.5) & (ratios < 4.5)), ratios


def test_transient_time_step_is_fitted_to_t_end():
    run = transport.spin_diffusion_transient(1.0, 1.0, 1.0, 10, 1.0, 0.3)
    assert run.t == pytest.approx([0, 0.25, 0.5, 0.75, 1.0])


# ----------------------------------------------------------------------------- materials


def test_material_presets_are_sourced_and_consistent():
    assert set(transport.material_names()) == {"Cu", "Pt", "Py"}
    for name in transport.material_names():
        m = transport.material(name)
        assert m.name == name and "doi:10.1088/0953-8984/19/18/183201" in m.source
        assert ("4.2 K" if m.T == 4.2 else "Room temperature") in m.source
    cu = transport.material("Cu")
    assert cu.tau_sf == pytest.approx(cu.lambda_sf**2 / cu.D, rel=1e-12, abs=0)
    assert 1e-12 < cu.tau_sf < 1e-10  # picoseconds, as measured in Cu
    # free-electron D = v_F^2 m_e / (3 n e^2 rho), hand value with n = 8.47e28 m^-3, v_F = 1.57e6 m/s, rho = 17 nOhm m
    assert cu.D == pytest.approx(0.020249, rel=1e-4, abs=0)
    assert transport.material("Pt").lambda_sf == pytest.approx(3.05e-9, rel=1e-12, abs=0)  # 0.61 fOhm m^2 / 200 nOhm m
    with pytest.raises(ValueError, match="D"):
        transport.material("Pt").tau_sf
    with pytest.raises(ValueError, match="name"):
        transport.material("Au")


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(("call", "name", "error"), [
    (lambda: transport.polarization(-1.0, 1.0), "sigma_up", ValueError),
    (lambda: transport.polarization(1.0, float("nan")), "sigma_down", ValueError),
    (lambda: transport.polarization(0.0, 0.0), "sigma_up", ValueError),
    (lambda: transport.polarization("3", 1.0), "sigma_up", TypeError),
    (lambda: transport.polarization_from_resistivities(0.0, 1e-8), "rho_up", ValueError),
    (lambda: transport.polarization_from_resistivities(1e-8, -1e-8), "rho_down", ValueError),
    (lambda: transport.spin_current_density(1e11, 1.5, (0, 0, 1)), "P", ValueError),
    (lambda: transport.spin_current_density(float("inf"), 0.5, (0, 0, 1)), "J_c", ValueError),
    (lambda: transport.spin_current_density(1e11, 0.5, (0, 0, 0)), "polarizer", ValueError),
    (lambda: transport.spin_current_density(1e11, 0.5, (0, 1)), "polarizer", ValueError),
    (lambda: transport.two_current_resistance(-1e-7, 0.5, 5e-9, 1e-8, 5e-9), "rho_F", ValueError),
    (lambda: transport.two_current_resistance(1e-7, 1.0, 5e-9, 1e-8, 5e-9), "beta", ValueError),
    (lambda: transport.two_current_resistance(1e-7, 0.5, -5e-9, 1e-8, 5e-9), "t_F", ValueError),
    (lambda: transport.two_current_resistance(1e-7, 0.5, 5e-9, 1e-8, -5e-9), "t_N", ValueError),
    (lambda: transport.two_current_resistance(1e-7, 0.5, 5e-9, 1e-8, 5e-9, 0.0), "t_F2", ValueError),
    (lambda: transport.spin_diffusion_length(0.0, 1e-12), "D", ValueError),
    (lambda: transport.spin_diffusion_length(0.02, -1e-12), "tau_sf", ValueError),
    (lambda: transport.spin_accumulation(-1e-9, 1.0, 1e-7), "x", ValueError),
    (lambda: transport.spin_accumulation(2e-7, 1.0, 1e-7, L=1e-7), "x", ValueError),
    (lambda: transport.spin_accumulation(0.0, 1.0, 0.0), "lambda_sf", ValueError),
    (lambda: transport.spin_accumulation(0.0, float("nan"), 1e-7), "mu_s0", ValueError),
    (lambda: transport.spin_accumulation(0.0, 1.0, 1e-7, L=-1e-7), "L", ValueError),
    (lambda: transport.spin_accumulation(0.0, 1.0, 1e-7, L=1e-7, far="open"), "far", ValueError),
    (lambda: transport.spin_diffusion_steady(-1e-6, 1e-7, 100), "L", ValueError),
    (lambda: transport.spin_diffusion_steady(1e-6, 1e-7, 0), "n", ValueError),
    (lambda: transport.spin_diffusion_steady(1e-6, 1e-7, 10.0), "n", TypeError),
    (lambda: transport.spin_diffusion_steady(1e-6, float("nan"), 100), "lambda_sf", ValueError),
    (lambda: transport.spin_diffusion_steady(1e-6, 1e-7, 100, far="sink"), "far", ValueError),
    (lambda: transport.spin_diffusion_transient(1e-6, 0.02, 1e-12, 100, 1e-11, 0.0), "dt", ValueError),
    (lambda: transport.spin_diffusion_transient(1e-6, 0.02, 1e-12, 100, -1e-11, 1e-13), "t_end", ValueError),
    (lambda: transport.spin_diffusion_transient(1e-6, -0.02, 1e-12, 100, 1e-11, 1e-13), "D", ValueError),
    (lambda: transport.spin_diffusion_transient(1e-6, 0.02, 0.0, 100, 1e-11, 1e-13), "tau_sf", ValueError),
    (lambda: transport.spin_diffusion_transient(1e-6, 0.02, 1e-12, 1, 1e-11, 1e-13), "n", ValueError),
    (lambda: transport.spin_diffusion_transient(1e-6, 0.02, 1e-12, 10, 1e-11, 1e-13, initial=np.zeros(10)),
     "initial", ValueError),
    (lambda: transport.spin_diffusion_transient(1e-6, 0.02, 1e-12, 10, 1e-11, 1e-13, save_every=0),
     "save_every", ValueError),
    (lambda: transport.Material("X", T=300.0, rho=1e-8, lambda_sf=-1e-9), "lambda_sf", ValueError),
])
def test_bad_input_names_the_parameter(call, name, error):
    with pytest.raises(error, match=name):
        call()


@pytest.mark.parametrize(("L", "lam"), [(10e-9, 350e-9), (10e-9, 3.05e-9), (40e-9, 10e-9), (1e-6, 1e-9)])
def test_spin_transmission_is_what_the_profiles_deliver(L, lam):
    """1/cosh(L/lambda): mu_s(L)/mu_s(0) with a reflecting end, j_s(L)/j_s(0) with an absorbing one."""
    reflecting = float(transport.spin_accumulation(L, 1.0, lam, L=L, far="reflecting"))
    h = 1e-4 * min(L, lam)  # second-order one-sided slopes of the absorbing profile at both ends
    ends = transport.spin_accumulation(np.array([0.0, h, 2 * h, L - 2 * h, L - h, L]), 1.0, lam, L=L)
    slopes = (3 * ends[5] - 4 * ends[4] + ends[3]) / (-3 * ends[0] + 4 * ends[1] - ends[2])
    value = transport.spin_transmission(L, lam)
    assert value == pytest.approx(reflecting, rel=1e-12, abs=0)
    assert value == pytest.approx(slopes, rel=1e-6, abs=1e-300)  # finite-difference error ~ (h / lambda)^2
    assert 0.0 <= value <= 1.0


def test_spin_transmission_cu_vs_pt_and_bad_input():
    cu, pt = transport.material("Cu"), transport.material("Pt")
    assert transport.spin_transmission(10e-9, cu.lambda_sf) > 0.999
    assert transport.spin_transmission(10e-9, pt.lambda_sf) < 0.1
    with pytest.raises(ValueError, match="thickness"):
        transport.spin_transmission(0.0, 1e-9)
    with pytest.raises(ValueError, match="lambda_sf"):
        transport.spin_transmission(1e-9, float("nan"))
