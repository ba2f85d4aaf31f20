"""Macrospin dynamics against the analytic reference cases 1-5 of PHYSICS.md."""

import dataclasses
import math
import re

import numpy as np
import pytest
from scipy.integrate import quad

from sttlab import Cylinder, Junction, Magnet, Pulse, preset, simulate
from sttlab.constants import gamma, mu0
from sttlab.dynamics import analytic_switching_time

CELL = preset("cofeb_mgo_40nm")

GEOMETRY = Cylinder(diameter=50e-9, thickness=1.3e-9)


def free_precession_magnet(alpha):
    """No anisotropy, no demagnetization: only the applied field acts."""
    return Magnet(Ms=1e6, geometry=GEOMETRY, alpha=alpha, demag=(0.0, 0.0, 0.0))


def case4_junction(alpha=0.01, **junction_options):
    """PHYSICS.md case 4: Ms = 1.1e6 A/m, mu0 H_k,eff = 0.2 T, t = 1.3 nm, eta = P = 0.5."""
    Ms, Hk = 1.1e6, 0.2 / mu0
    free = Magnet(Ms=Ms, geometry=GEOMETRY, alpha=alpha, Ku=0.5 * mu0 * Ms * (Hk + Ms))
    return Junction(free, **({"P": 0.5} | junction_options))


def tilted_from_minus_z(degrees):
    theta = math.radians(degrees)
    return np.array([math.sin(theta), 0.0, -math.cos(theta)])


# --- case 1: Larmor precession and damping -------------------------------------------------


def test_larmor_frequency_matches_gamma_mu0_H_over_2pi():
    """Case 1: f = gamma mu0 H / 2 pi within 1e-6 with RK4 at 100 steps per period."""
    H = 1.0 / mu0
    f = gamma * mu0 * H / (2 * math.pi)
    run = simulate(free_precession_magnet(0.0), (1.0, 0.0, 0.2), 50 / f, field=(0, 0, H),
                   method="rk4", dt=1 / (100 * f))
    assert run.precession_frequency(component=0) == pytest.approx(f, rel=1e-6)


@pytest.mark.parametrize("method", ["rk4", "rk45"])
def test_damped_precession_rates_match_the_analytic_solution(method):
    """Case 1: tan(theta/2) decays at alpha w / (1+alpha^2) and m precesses at w / (1+alpha^2) (1e-6)."""
    alpha, H, theta0 = 0.1, 0.5 / mu0, math.radians(150)
    omega = gamma * mu0 * H
    period = 2 * math.pi / omega
    options = {"dt": period / 100} if method == "rk4" else {"rtol": 1e-10, "atol": 1e-12}
    run = simulate(free_precession_magnet(alpha), (math.sin(theta0), 0.0, math.cos(theta0)), 10 * period,
                   field=(0, 0, H), method=method, **options)
    log_tan = np.log(np.tan(np.arccos(np.clip(run.m[:, 2], -1, 1)) / 2))
    decay_rate = -(log_tan[-1] - log_tan[0]) / run.t[-1]
    assert decay_rate == pytest.approx(alpha * omega / (1 + alpha**2), rel=1e-6)
    # RK4's phase error on the (nonlinear, Cartesian) damped spiral scales as (w dt)^4 = 1.6e-5
    rel = 1e-5 if method == "rk4" else 1e-6
    assert run.precession_frequency(0) == pytest.approx(omega / (1 + alpha**2) / (2 * math.pi), rel=rel)


def test_damped_precession_trajectory_with_tight_adaptive_steps():
    """Case 1, pointwise: theta(t) and phi(t) = w t / (1 + alpha^2) along the whole run."""
    alpha, H, theta0 = 0.1, 0.5 / mu0, math.radians(150)
    omega = gamma * mu0 * H
    run = simulate(free_precession_magnet(alpha), (math.sin(theta0), 0.0, math.cos(theta0)),
                   20 * math.pi / omega, field=(0, 0, H), rtol=1e-10, atol=1e-12)
    theta = 2 * np.arctan(math.tan(theta0 / 2) * np.exp(-alpha * omega * run.t / (1 + alpha**2)))
    phi = omega * run.t / (1 + alpha**2)
    exact = np.column_stack([np.sin(theta) * np.cos(phi), np.sin(theta) * np.sin(phi), np.cos(theta)])
    assert np.max(np.linalg.norm(run.m - exact, axis=1)) < 1e-6


# --- case 2: Kittel ---------------------------------------------------------------------


def test_kittel_frequency_of_an_in_plane_magnetized_film():
    """Case 2: f = (gamma mu0 / 2 pi) sqrt(H (H + Ms)) for a thin film in an in-plane field."""
    Ms, H = 8e5, 0.1 / mu0
    film = Magnet(Ms=Ms, geometry=GEOMETRY, alpha=0.0, demag=(0.0, 0.0, 1.0))
    f = gamma * mu0 / (2 * math.pi) * math.sqrt(H * (H + Ms))
    run = simulate(film, (1.0, 1e-4, 0.0), 40 / f, field=(H, 0, 0), method="rk4", dt=1 / (100 * f))
    assert run.precession_frequency(component=1) == pytest.approx(f, rel=1e-6)


# --- case 3: energy and norm -------------------------------------------------------------


@pytest.mark.parametrize("method", ["rk4", "rk45"])
def test_energy_never_increases_and_norm_is_kept(method):
    """Case 3: with J = 0, T = 0 the energy is non-increasing and | |m| - 1 | < 1e-12."""
    magnet = case4_junction(alpha=0.05).free
    run = simulate(magnet, (0.6, 0.0, -0.8), 5e-9, field=(2e4, 0.0, 3e4), method=method)
    energy = run.energy()
    scale = np.max(np.abs(energy))
    assert np.all(np.diff(energy) <= 1e-12 * scale)
    assert energy[-1] < energy[0] - 0.1 * scale  # and it did relax
    assert np.max(np.abs(np.linalg.norm(run.m, axis=1) - 1)) < 1e-12


# --- case 4: critical current ------------------------------------------------------------


def test_critical_current_density_of_the_case4_junction():
    """Case 4: J_c0 = (2e/hbar)(alpha/eta) mu0 Ms H_k,eff t = 1.738e10 A/m^2."""
    junction = case4_junction()
    assert mu0 * junction.free.Hk_eff == pytest.approx(0.2, rel=1e-12)
    assert junction.Jc0() == pytest.approx(1.738e10, rel=5e-4)
    assert junction.Jc0("P") == pytest.approx(-junction.Jc0(), rel=1e-12)


def _switches(junction, J, duration, m0=None):
    m0 = tilted_from_minus_z(2.0) if m0 is None else m0
    return simulate(junction, m0, duration, current_density=J).switched


@pytest.mark.parametrize("options", [{}, {"field_like": 0.5}], ids=["constant", "field-like"])
def test_switches_above_and_not_below_the_critical_current(options):
    """Case 4: no switching at 0.98 J_c0, switching at 1.02 J_c0 (Sun 2000; field-like lowers it by 1 + alpha xi)."""
    junction = case4_junction(**options)
    Jc0 = junction.Jc0()
    assert not _switches(junction, 0.98 * Jc0, 1.5e-6)
    assert _switches(junction, 1.02 * Jc0, 1.5e-6)


def _tilt_from_minus_p(junction, J, duration, degrees=2.0):
    run = simulate(junction, tilted_from_minus_z(degrees), duration, current_density=J)
    return run, -run.m[-1] @ np.asarray(junction.polarizer)


@pytest.mark.parametrize(
    "options",
    [{"efficiency": "slonczewski2002", "Lambda": 2.0}, {"efficiency": "slonczewski1996", "P": 0.4}],
    ids=["slonczewski2002", "slonczewski1996"],
)
def test_angular_efficiency_gives_a_precessional_window_above_Jc0(options):
    """With eta = A / (B + C m.p), u = -m.p obeys du/dt ~ (1 - u^2)(H_DL(u) - alpha H_k u).

    J_c0 (from eta at m = -p, u = 1) is where the AP state turns unstable; when
    u* = B / 2C < 1 the torque falls off faster than the stiffness, so u falls
    only to the first root of A J a_J = alpha H_k u (B - C u) (a stable
    precession orbit), and m switches only above J_sw = J_c0 B^2 / (4 C (B - C)).
    """
    junction = case4_junction(**options)
    from sttlab.efficiency import efficiency_coefficients

    A, B, C = efficiency_coefficients(junction.efficiency, junction.P, junction.Lambda)
    Jc0 = junction.Jc0()
    assert Jc0 == pytest.approx(0.01 * junction.free.Hk_eff * (B - C) / (A * junction.stt_field_per_current()))
    _, u_below = _tilt_from_minus_p(junction, 0.98 * Jc0, 1.5e-6)
    assert u_below > math.cos(math.radians(2))  # relaxed back toward -p
    r = 1.02
    orbit = (B + math.sqrt(B**2 - 4 * C * r * (B - C))) / (2 * C)  # first root of u (B - C u) = r (B - C)
    run, u_above = _tilt_from_minus_p(junction, r * Jc0, 3e-6)
    assert not run.switched and u_above == pytest.approx(orbit, abs=1e-3)
    J_sw = Jc0 * B**2 / (4 * C * (B - C))
    assert _switches(junction, 0.98 * J_sw, 3e-6) is False
    assert _switches(junction, 1.02 * J_sw, 3e-6) is True


def test_p_to_ap_needs_the_opposite_current():
    junction = case4_junction(field_like=0.3)
    Jc0_P = junction.Jc0("P")
    assert Jc0_P < 0
    m0 = -tilted_from_minus_z(2.0)
    assert not _switches(junction, 0.98 * Jc0_P, 1.5e-6, m0)
    assert _switches(junction, 1.02 * Jc0_P, 1.5e-6, m0)


def test_in_plane_instability_threshold_uses_the_mean_transverse_stiffness():
    """Sun 2000, in-plane film: the AP state turns unstable at J_c0 ~ alpha (H_k + Ms / 2).

    (Above it an in-plane magnet first precesses out of plane, so the test checks
    the instability, not reversal.)
    """
    Ms = 8e5
    free = Magnet(Ms=Ms, geometry=GEOMETRY, alpha=0.01, Ku=2e4, easy_axis=(1, 0, 0), demag=(0, 0, 1))
    junction = Junction(free, polarizer=(1, 0, 0), P=0.5)
    Hk = 2 * 2e4 / (mu0 * Ms)
    assert junction.Jc0() == pytest.approx(0.01 * (Hk + Ms / 2) / (0.5 * junction.stt_field_per_current()))
    theta = math.radians(2)
    m0 = (-math.cos(theta), math.sin(theta), 0.0)

    def final_alignment(r):
        return -simulate(junction, m0, 100e-9, current_density=r * junction.Jc0()).m[-1, 0]

    assert final_alignment(0.97) > math.cos(theta)  # tilt decayed
    assert final_alignment(1.03) < math.cos(theta)  # tilt grew


# --- case 5: switching time --------------------------------------------------------------


@pytest.mark.parametrize("r", [1.2, 1.5, 3.0])
@pytest.mark.parametrize("method", ["rk45", "rk4"])
def test_switching_time_matches_the_exact_formula(method, r):
    """Case 5: t(m_z = 0) within 0.1 % of the exact result (18.925 ns at 1.5 J_c0)."""
    junction = case4_junction()
    exact = analytic_switching_time(junction, r * junction.Jc0(), 2.0)
    run = simulate(junction, tilted_from_minus_z(2.0), 1.5 * exact, current_density=r * junction.Jc0(),
                   method=method, dt=1e-12)
    assert run.switching_time() == pytest.approx(exact, rel=1e-3)


# --- pulses ------------------------------------------------------------------------------


def test_a_current_pulse_switches_only_if_long_enough():
    junction = case4_junction()
    J = 3 * junction.Jc0()
    t_sw = analytic_switching_time(junction, J, 2.0)
    short = Pulse(J, width=0.5 * t_sw, rise=50e-12, fall=50e-12)
    long_ = Pulse(J, width=1.3 * t_sw, rise=50e-12, fall=50e-12)
    assert not simulate(junction, tilted_from_minus_z(2.0), 4 * t_sw, current_density=short).switched
    run = simulate(junction, tilted_from_minus_z(2.0), 4 * t_sw, current_density=long_)
    assert run.switched and run.m[-1, 2] > 0.99
    assert np.allclose(run.current_density()[run.t > long_.end], 0.0)


def test_adaptive_steps_do_not_skip_a_short_field_pulse():
    """A 20 ps field pulse inside a long, quiet run must act; rk45 agrees with fine-step rk4."""
    magnet = case4_junction(alpha=0.02).free
    pulse = Pulse((1e5, 0.0, 0.0), width=20e-12, start=3e-9, rise=2e-12, fall=2e-12)
    m0 = (0.0, 0.0, 1.0)
    adaptive = simulate(magnet, m0, 4e-9, field_pulse=pulse)
    fine = simulate(magnet, m0, 4e-9, field_pulse=pulse, method="rk4", dt=0.1e-12)
    assert np.linalg.norm(adaptive.m[-1] - m0) > 1e-2  # it was kicked
    assert np.allclose(adaptive.m[-1], fine.m[-1], atol=1e-5)
    assert np.any(np.isclose(adaptive.t, pulse.start))  # a step landed on the pulse corner


def test_rk4_step_and_saving():
    magnet = case4_junction().free
    run = simulate(magnet, (0.1, 0.0, 1.0), 1e-9, method="rk4", dt=1e-12, save_every=7)
    assert run.steps == 1000
    assert run.t[0] == 0.0 and run.t[-1] == pytest.approx(1e-9)
    assert np.allclose(np.diff(run.t[:-1]), 7e-12)


def test_switching_time_is_none_without_switching():
    run = simulate(case4_junction(), tilted_from_minus_z(2.0), 1e-9)
    assert run.switching_time() is None and not run.switched


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        ({"duration": -1e-9}, ValueError, "duration"),
        ({"duration": float("nan")}, ValueError, "duration"),
        ({"m0": (0, 0, 0)}, ValueError, "m0"),
        ({"m0": (1, 0)}, ValueError, "m0"),
        ({"method": "euler"}, ValueError, "method"),
        ({"method": "rk4", "dt": 0.0}, ValueError, "dt"),
        ({"method": "rk4", "save_every": 0}, ValueError, "save_every"),
        ({"rtol": 0.0}, ValueError, "rtol"),
        ({"atol": -1.0}, ValueError, "atol"),
        ({"field": (0, 0, float("inf"))}, ValueError, "field"),
        ({"current_density": "big"}, TypeError, "current_density"),
        ({"field_pulse": Pulse(1e10, width=1e-9)}, TypeError, "field_pulse"),
        ({"current_density": Pulse((1, 0, 0), width=1e-9)}, TypeError, "current_density"),
        ({"max_step": 0.0}, ValueError, "max_step"),
    ],
)
def test_bad_input_names_the_parameter(kwargs, error, name):
    args = {"m0": (0.0, 0.0, 1.0), "duration": 1e-9} | kwargs
    m0, duration = args.pop("m0"), args.pop("duration")
    with pytest.raises(error, match=name):
        simulate(case4_junction(), m0, duration, **args)


def test_a_magnet_alone_cannot_carry_current():
    with pytest.raises(ValueError, match="current_density"):
        simulate(case4_junction().free, (0, 0, 1), 1e-9, current_density=1e10)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [({"width": 0.0}, "width"), ({"width": 1e-9, "rise": -1.0}, "rise"),
     ({"width": 1e-9, "rise": 2e-9, "fall": 1e-9}, "width"), ({"width": 1e-9, "start": float("nan")}, "start")],
)
def test_bad_pulses(kwargs, name):
    with pytest.raises(ValueError, match=name):
        Pulse(1e10, **kwargs)


# --------------------------------------------------------------------------- closed-form switching time


def test_switching_time_case5_reference_number():
    """PHYSICS.md case 5: 18.925 ns at 1.5 J_c0 from 2 degrees (CODATA gamma); the case quotes 5 digits."""
    j = case4_junction()
    assert analytic_switching_time(j, 1.5 * j.Jc0(), 2.0) == pytest.approx(18.925e-9, rel=3e-5)


@pytest.mark.parametrize("r", [1.01, 1.2, 1.5, 3.0, 10.0])
@pytest.mark.parametrize("tilt", [0.5, 2.0, 20.0])
def test_switching_time_is_the_integral_of_the_polar_equation(r, tilt):
    """tau0 d(theta)/dt = sin(theta) (r - cos(theta)), integrated numerically from theta0 to the equator.

    quad reaches ~1e-12 on this smooth integrand; 1e-9 leaves room for the
    closed form's logarithms at r close to 1.
    """
    tau0 = CELL.free.relaxation_time
    integral, error = quad(lambda th: 1.0 / (math.sin(th) * (r - math.cos(th))), math.radians(tilt), math.pi / 2,
                           epsabs=0, epsrel=1e-12, limit=200)
    expected = tau0 * integral
    assert analytic_switching_time(CELL, r * CELL.Jc0(), tilt) == pytest.approx(expected, rel=1e-9)


def test_sun_estimate_and_its_constant_offset():
    """Sun's form is tau0 ln(pi/2 theta0)/(r-1); for theta0 -> 0 the exact time exceeds it by a constant.

    Expanding 1 - cos(theta0) = theta0^2/2 in the exact result gives
    t - t_Sun -> tau0 [(ln 2 / 2 - ln(pi/2))/(r - 1) + ln 2/(2(r + 1)) - ln(1 - 1/r)/(1 - r^2)];
    at theta0 = 1e-4 degrees the neglected terms are ~1e-12 of tau0.
    """
    tau0, jc = CELL.free.relaxation_time, CELL.Jc0()
    r = np.array([1.1, 1.5, 2.0, 4.0])
    sun = analytic_switching_time(CELL, r * jc, 2.0, form="sun")
    np.testing.assert_allclose(sun, tau0 * math.log(math.pi / (2 * math.radians(2.0))) / (r - 1), rtol=1e-14)
    tiny = 1e-4
    offset = (analytic_switching_time(CELL, r * jc, tiny)
              - analytic_switching_time(CELL, r * jc, tiny, form="sun")) / tau0
    limit = ((math.log(2) / 2 - math.log(math.pi / 2)) / (r - 1) + math.log(2) / (2 * (r + 1))
             - np.log(1 - 1 / r) / (1 - r**2))
    np.testing.assert_allclose(offset, limit, rtol=0, atol=1e-8)


def test_switching_time_below_threshold_is_infinite_and_shapes_are_kept():
    jc = CELL.Jc0()
    t = analytic_switching_time(CELL, np.array([[-1.0, 0.0], [1.0, 2.0]]) * jc)
    assert t.shape == (2, 2) and np.all(np.isinf(t[0])) and np.isinf(t[1, 0]) and np.isfinite(t[1, 1])
    assert isinstance(analytic_switching_time(CELL, 2 * jc), float)


def test_switching_time_field_like_torque_moves_only_jc0():
    """With xi != 0 the polar equation is unchanged in units of J / J_c0(xi): the same time at the same ratio."""
    plain, fl = case4_junction(), case4_junction(field_like=5.0)
    assert fl.Jc0() == pytest.approx(plain.Jc0() / (1 + 0.01 * 5.0), rel=1e-14)
    assert analytic_switching_time(fl, 2 * fl.Jc0()) == pytest.approx(
        analytic_switching_time(plain, 2 * plain.Jc0()), rel=1e-14)
    run = simulate(fl, (math.sin(math.radians(2)), 0, -math.cos(math.radians(2))), 20e-9,
                   current_density=2 * fl.Jc0())
    assert run.switching_time() == pytest.approx(analytic_switching_time(fl, 2 * fl.Jc0()), rel=1e-3)


@pytest.mark.parametrize(("junction", "kwargs", "name"), [
    (CELL, {"tilt_deg": 0.0}, "tilt_deg"),
    (CELL, {"tilt_deg": 90.0}, "tilt_deg"),
    (CELL, {"form": "approximate"}, "form"),
    (CELL, {"current_density": float("nan")}, "current_density"),
    (dataclasses.replace(CELL, efficiency="slonczewski2002", Lambda=2.0), {}, "junction.efficiency"),
    (Junction(Magnet(Ms=8e5, geometry=Cylinder(50e-9, 2e-9), alpha=0.01, Ku=5e4, easy_axis=(1, 0, 0)),
              polarizer=(1, 0, 0)), {}, "junction needs equal"),
])
def test_switching_time_rejects_bad_input(junction, kwargs, name):
    args = {"current_density": 2.0 * CELL.Jc0()} | kwargs
    with pytest.raises(ValueError, match=rf"^{re.escape(name)}"):
        analytic_switching_time(junction, **args)
