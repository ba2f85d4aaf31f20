"""The Valet-Fert model of F/N stacks (sttlab.valet_fert) against closed forms.

Single F/N interfaces against Valet & Fert (1993) and Fert & Jaffres (2001), the spin valve's symmetries, the
thin-spacer and two-current limits, and the finite-volume solver's second-order convergence to the exact solution.
"""

import math

import numpy as np
import pytest

from sttlab import transport, valet_fert
from sttlab.constants import e

# ----------------------------------------------------------------------------- Valet-Fert: F/N interfaces and F/N/F


PY, CU = transport.material("Py"), transport.material("Cu")
INF = math.inf


def r_spin(m):
    """rho* lambda_sf, the 'spin resistance' of a metal (Ohm m^2)."""
    return m.rho / (1.0 - m.beta**2) * m.lambda_sf


def metal(rho, lambda_sf, beta=0.0):
    return transport.Material("X", T=4.2, rho=rho, lambda_sf=lambda_sf, beta=beta)


def test_fn_interface_closed_form_transparent():
    """Semi-infinite Py/Cu: mu_s(0) = 2 e beta J r_F r_N / (r_F + r_N), j_s(0)/J_c = beta r_F / (r_F + r_N),
    AR_spin = beta^2 r_F r_N / (r_F + r_N) (Valet & Fert 1993; Fert & Jaffres 2001 with r_b = 0).
    The solver is exact, so 1e-12 is rounding in a 4 x 4 solve."""
    J = 1e11
    fn = valet_fert.valet_fert([valet_fert.Layer(PY, INF), valet_fert.Layer(CU, INF)], J)
    rF, rN, b = r_spin(PY), r_spin(CU), PY.beta
    assert fn.polarization(0.0) == pytest.approx(b * rF / (rF + rN), rel=1e-12, abs=0)
    assert fn.mu_s(0.0) == pytest.approx(2 * e * b * J * rF * rN / (rF + rN), rel=1e-12, abs=0)
    assert fn.AR_spin == pytest.approx(b**2 * rF * rN / (rF + rN), rel=1e-12, abs=0)
    assert fn.AR == INF and fn.edges[0] == -INF and fn.edges[-1] == INF
    # hand value for the presets: r_F = 1.602, r_N = 5.95 fOhm m^2 -> P(0) = 0.1612, AR_spin = 0.7289 fOhm m^2
    assert fn.polarization(0.0) == pytest.approx(0.16118, rel=1e-4, abs=0)
    assert fn.AR_spin == pytest.approx(0.72887e-15, rel=1e-4, abs=0)
    # majority spins pile up in N when electrons flow F -> N (J_c > 0), and the sign follows the current
    assert fn.mu_s(0.0) > 0
    back = valet_fert.valet_fert([valet_fert.Layer(PY, INF), valet_fert.Layer(CU, INF)], -J)
    assert back.mu_s(0.0) == pytest.approx(-fn.mu_s(0.0), rel=1e-14, abs=0)


@pytest.mark.parametrize(("AR_b", "gamma", "beta"), [(0.5e-15, 0.7, 0.76), (3e-15, -0.4, 0.76), (1e-15, 0.5, 0.0)])
def test_fn_interface_with_spin_dependent_resistance(AR_b, gamma, beta):
    """Fert & Jaffres (2001): j_s(0)/J_c = (beta r_F + gamma r_b) / (r_F + r_N + r_b), mu_s jumps by
    2 e r_b (gamma J - j_s) and
    AR_spin = [r_N (beta^2 r_F + gamma^2 r_b) + r_F r_b (beta - gamma)^2] / (r_F + r_N + r_b).
    beta = 0: the interface alone polarizes the current. Exact solver: rounding tolerance."""
    J = 2e11
    F = metal(PY.rho, PY.lambda_sf, beta)
    fn = valet_fert.valet_fert([valet_fert.Layer(F, INF), valet_fert.Layer(CU, INF)], J,
                               [valet_fert.Interface(AR_b, gamma)])
    rF, rN, rb = r_spin(F), r_spin(CU), AR_b
    j0 = (beta * rF + gamma * rb) / (rF + rN + rb)
    left = -5e-324  # the largest float below 0: the F side of the interface (evaluation takes the right side at 0)
    assert fn.polarization(left) == pytest.approx(j0, rel=1e-12, abs=1e-15)
    assert fn.polarization(0.0) == pytest.approx(j0, rel=1e-12, abs=1e-15)  # spin current continuous
    jump = fn.mu_s(0.0) - fn.mu_s(left)
    assert jump == pytest.approx(2 * e * rb * (gamma - j0) * J, rel=1e-10, abs=0)
    assert fn.mu_s(0.0) == pytest.approx(2 * e * J * rN * j0, rel=1e-12, abs=0)  # N side: j_s = mu_s / (2 e r_N)
    expected = (rN * (beta**2 * rF + gamma**2 * rb) + rF * rb * (beta - gamma) ** 2) / (rF + rN + rb)
    assert fn.AR_spin == pytest.approx(expected, rel=1e-12, abs=0)


def test_no_spin_asymmetry_no_accumulation():
    """beta = 0 and gamma = 0 everywhere: the right-hand side is zero, so mu_s = 0, j_s = 0 exactly."""
    F = metal(PY.rho, PY.lambda_sf, 0.0)
    stack = valet_fert.valet_fert([valet_fert.Layer(F, 8e-9), valet_fert.Layer(CU, 10e-9), valet_fert.Layer(F, 8e-9)],
                                  1e11, [valet_fert.Interface(1e-15, 0.0)] * 2)
    x = np.linspace(-8e-9, 18e-9, 53)
    assert np.all(stack.mu_s(x) == 0.0) and np.all(stack.polarization(x) == 0.0)
    assert stack.AR_spin == 0.0
    assert stack.AR == pytest.approx(2 * PY.rho * 8e-9 + CU.rho * 10e-9 + 2e-15, rel=1e-14, abs=0)


@pytest.mark.parametrize("lambda_F", [5.5e-9, 1e-9, 1e-12])
def test_deep_in_the_ferromagnet_the_current_has_the_bulk_polarization(lambda_F):
    """In F, j_s(x)/J_c = beta - (beta - j_s(0)/J_c) e^{x/lambda_F} exactly: beta deep inside; and lambda_F -> 0
    (r_F -> 0) kills the injection, j_s(0) -> beta r_F / r_N -> 0 (conductivity mismatch)."""
    F = metal(PY.rho, lambda_F, PY.beta)
    fn = valet_fert.valet_fert([valet_fert.Layer(F, INF), valet_fert.Layer(CU, INF)], 1e11)
    j0 = float(fn.polarization(0.0))
    x = -np.array([0.5, 1, 3, 10, 40]) * lambda_F
    assert fn.polarization(x) == pytest.approx(PY.beta - (PY.beta - j0) * np.exp(x / lambda_F), rel=1e-12, abs=1e-15)
    assert fn.polarization(-40 * lambda_F) == pytest.approx(PY.beta, rel=1e-15, abs=0)  # e^-40 ~ 4e-18
    assert j0 == pytest.approx(PY.beta * r_spin(F) / (r_spin(F) + r_spin(CU)), rel=1e-12, abs=0)
    if lambda_F == 1e-12:
        assert j0 < 1e-3 * PY.beta
        # in a thick F of finite thickness too: 100 nm of F with lambda_F = 1 pm, polarization beta at its middle
        thick = valet_fert.valet_fert([valet_fert.Layer(F, 100e-9), valet_fert.Layer(CU, 50e-9)], 1e11)
        assert thick.polarization(-50e-9) == pytest.approx(PY.beta, rel=1e-15, abs=0)


def test_far_in_the_normal_metal_the_accumulation_decays_as_exp():
    """Semi-infinite N: mu_s(x + d) / mu_s(x) = exp(-d / lambda_N) for every x > 0, and j_s = mu_s / (2 e r_N)."""
    J = 1e11
    fn = valet_fert.valet_fert([valet_fert.Layer(PY, 20e-9), valet_fert.Layer(CU, INF)], J)
    x = np.array([1e-9, 100e-9, 350e-9, 1e-6, 3e-6])
    ratio = fn.mu_s(x + 50e-9) / fn.mu_s(x)
    assert ratio == pytest.approx(np.full(x.size, math.exp(-50e-9 / CU.lambda_sf)), rel=1e-12, abs=0)
    assert fn.mu_s(x) == pytest.approx(float(fn.mu_s(0.0)) * np.exp(-x / CU.lambda_sf), rel=1e-12, abs=0)
    assert fn.polarization(x) == pytest.approx(fn.mu_s(x) / (2 * e * J * r_spin(CU)), rel=1e-12, abs=0)
    # and the existing normal-metal closed form says the same, from the interface value
    from_interface = transport.spin_accumulation(x, float(fn.mu_s(0.0)), CU.lambda_sf)
    assert fn.mu_s(x) == pytest.approx(from_interface, rel=1e-12, abs=0)


def test_reservoir_ends_and_continuity_through_a_trilayer():
    """Finite stack: mu_s = 0 at both reservoir faces; mu_s and j_s continuous at transparent interfaces;
    the ODE mu_s'' = mu_s / lambda^2 holds inside each layer (central second difference, error (h/lambda)^2/12)."""
    for state in (False, True):
        sv = valet_fert.spin_valve(PY, 10e-9, CU, 10e-9, 1e11, antiparallel=state)
        assert abs(sv.mu_s(-10e-9)) < 1e-15 * abs(sv.mu_s(0.0))
        assert abs(sv.mu_s(20e-9)) < 1e-15 * abs(sv.mu_s(0.0))
        for xi in (0.0, 10e-9):
            for f in (sv.mu_s, sv.polarization):  # left and right limits (adjacent floats)
                assert f(np.nextafter(xi, -1.0)) == pytest.approx(f(xi), rel=1e-11, abs=1e-14)
        h = 1e-11
        for xi, lam in ((-5e-9, PY.lambda_sf), (4e-9, CU.lambda_sf), (15e-9, PY.lambda_sf)):
            m = sv.mu_s(np.array([xi - h, xi, xi + h]))
            assert (m[0] - 2 * m[1] + m[2]) / h**2 == pytest.approx(m[1] / lam**2, rel=1e-4, abs=0)


def test_spin_valve_symmetry_P_odd_AP_even():
    """Mirror symmetry of F/N/F: the mirror x -> t_N - x reverses the current, and in the antiparallel state it also
    swaps the spin axis. So mu_s(x) = -mu_s(t_N - x) and j_s even (P); mu_s even and j_s odd (AP): no spin current
    crosses the middle of the spacer in the antiparallel state. (Exact solver: rounding tolerance.)"""
    t_F, t_N = 7e-9, 12e-9
    x = np.linspace(-t_F, t_N + t_F, 41)
    mirror = t_N - x
    P = valet_fert.spin_valve(PY, t_F, CU, t_N, 1e11, interface=valet_fert.Interface(0.5e-15, 0.7))
    AP = valet_fert.spin_valve(PY, t_F, CU, t_N, 1e11, antiparallel=True, interface=valet_fert.Interface(0.5e-15, 0.7))
    scale = float(np.max(np.abs(P.mu_s(x))))
    inner = (np.abs(x) > 1e-12) & (np.abs(x - t_N) > 1e-12)  # at the interfaces the value is the right side's
    assert np.allclose(P.mu_s(x[inner]), -P.mu_s(mirror[inner]), rtol=0, atol=1e-12 * scale)
    assert np.allclose(AP.mu_s(x[inner]), AP.mu_s(mirror[inner]), rtol=0, atol=1e-12 * scale)
    assert np.allclose(P.polarization(x[inner]), P.polarization(mirror[inner]), rtol=0, atol=1e-12)
    assert np.allclose(AP.polarization(x[inner]), -AP.polarization(mirror[inner]), rtol=0, atol=1e-12)
    assert abs(P.mu_s(t_N / 2)) < 1e-12 * scale and abs(AP.polarization(t_N / 2)) < 1e-12
    assert AP.mu_s(t_N / 2) > 0.1 * scale and P.polarization(t_N / 2) > 0.1


@pytest.mark.parametrize(("t_F", "AR_b", "gamma"), [(3e-9, 0.0, 0.0), (10e-9, 0.0, 0.0), (8e-9, 0.5e-15, 0.7),
                                                    (50e-9, 2e-15, -0.3)])
def test_thin_spacer_limit_matches_valet_fert_closed_form(t_F, AR_b, gamma):
    """valet_fert_resistance is the lambda_N -> infinity limit. Spin flip in the spacer changes AR by a relative
    O((t_N / lambda_N)^2 r_F / (rho_N t_N)): about 1e-3 at lambda_N = 100 t_N, 100 times less at 1000 t_N."""
    t_N, i = 10e-9, valet_fert.Interface(AR_b, gamma)
    closed = valet_fert.valet_fert_resistance(PY.rho, PY.beta, PY.lambda_sf, t_F, CU.rho, t_N, AR_b, gamma)
    deviations = []
    for factor in (100, 1000):
        N = metal(CU.rho, factor * t_N)
        exact = valet_fert.spin_valve_resistance(PY, t_F, N, t_N, i)
        dAR = exact.AR_AP - exact.AR_P
        deviations.append(abs(dAR / (closed.AR_AP - closed.AR_P) - 1))
        assert exact.AR_P == pytest.approx(closed.AR_P, rel=3e-3, abs=0)
        assert exact.AR_AP == pytest.approx(closed.AR_AP, rel=3e-3, abs=0)
    assert deviations[1] < 3e-5
    assert deviations[0] / deviations[1] == pytest.approx(100, rel=0.02, abs=0)  # quadratic in 1 / lambda_N


@pytest.mark.parametrize(("AR_b", "gamma"), [(0.0, 0.0), (0.5e-15, 0.7)])
def test_long_spin_diffusion_lengths_give_the_two_current_model(AR_b, gamma):
    """lambda >> every thickness: the exact solution -> two channels in series/parallel. Without interfaces
    that is two_current_resistance; with them, (AR_AP - AR_P) AR_AP = (2 beta rho* t_F + 2 gamma AR_b)^2 and
    AR_AP = 2 rho* t_F + rho_N t_N + 2 AR_b (Bass & Pratt 1999). Deviation O((t / lambda)^2): < 1e-5 at 1e4 t."""
    t_F, t_N = 5e-9, 10e-9
    F, N = metal(PY.rho, 1e4 * t_N, PY.beta), metal(CU.rho, 1e4 * t_N)
    exact = valet_fert.spin_valve_resistance(F, t_F, N, t_N, valet_fert.Interface(AR_b, gamma))
    closed = valet_fert.valet_fert_resistance(PY.rho, PY.beta, F.lambda_sf, t_F, CU.rho, t_N, AR_b, gamma)
    rho_star = PY.rho / (1 - PY.beta**2)
    AR_AP = 2 * rho_star * t_F + CU.rho * t_N + 2 * AR_b
    for r in (exact, closed):
        assert r.AR_AP == pytest.approx(AR_AP, rel=1e-5, abs=0)
        assert (r.AR_AP - r.AR_P) * r.AR_AP == pytest.approx((2 * PY.beta * rho_star * t_F + 2 * gamma * AR_b) ** 2,
                                                             rel=1e-5, abs=0)
    if AR_b == 0.0:
        two = transport.two_current_resistance(PY.rho, PY.beta, t_F, CU.rho, t_N)
        assert exact.AR_P == pytest.approx(two.AR_P, rel=1e-6, abs=0)
        assert exact.AR_AP == pytest.approx(two.AR_AP, rel=1e-5, abs=0)


def test_spin_flip_in_the_magnets_lowers_the_gmr_and_it_saturates():
    """Py presets: lambda_F = 5.5 nm. The exact GMR is below the two-current one; for t_F >> lambda_F (tanh -> 1
    to 1e-15) Delta AR saturates at 4 (beta r_F)^2 / (rho_N t_N + 2 r_F), r_F = rho* lambda_F. The spacer gets
    lambda_N = 1e4 t_N so that its own spin flip, O((t_N/lambda_N)^2 r_F / (rho_N t_N)) ~ 1e-7, stays below 1e-6."""
    exact = valet_fert.spin_valve_resistance(PY, 3e-9, CU, 10e-9)
    two = transport.two_current_resistance(PY.rho, PY.beta, 3e-9, CU.rho, 10e-9)
    assert exact.AR_P < exact.AR_AP and exact.gmr < 0.95 * two.gmr
    rF, N = r_spin(PY), metal(CU.rho, 1e4 * 10e-9)
    saturated = 4 * (PY.beta * rF) ** 2 / (CU.rho * 10e-9 + 2 * rF)
    for t_F in (200e-9, 800e-9):
        r = valet_fert.spin_valve_resistance(PY, t_F, N, 10e-9)
        assert r.AR_AP - r.AR_P == pytest.approx(saturated, rel=1e-6, abs=0)
    # and with the real Cu (lambda_N = 350 nm) the spacer's spin flip lowers it by about that estimate, 8e-3
    real = valet_fert.spin_valve_resistance(PY, 200e-9, CU, 10e-9)
    assert 0 < 1 - (real.AR_AP - real.AR_P) / saturated < 8e-3


# ----------------------------------------------------------------------------- Valet-Fert: finite volumes


FD_LAYERS = [valet_fert.Layer(PY, 10e-9), valet_fert.Layer(CU, 10e-9), valet_fert.Layer(PY, 10e-9, reversed=True)]
FD_INTERFACES = [valet_fert.Interface(0.5e-15, 0.7), valet_fert.Interface(0.5e-15, -0.7)]


def fd_errors(layers, interfaces, cells, J=1e11):
    exact = valet_fert.valet_fert(layers, J, interfaces)
    fd = valet_fert.valet_fert_fd(layers, J, interfaces, cells=cells)
    scale = np.max(np.abs(exact.mu_s(fd.x)))
    faces = np.clip(fd.x_faces, exact.edges[0], exact.edges[-1])
    return (np.max(np.abs(fd.mu_s - exact.mu_s(fd.x))) / scale,
            np.max(np.abs(fd.polarization - exact.polarization(faces))),
            abs(fd.AR - exact.AR) / exact.AR, abs(fd.AR_spin - exact.AR_spin) / exact.AR_spin)


@pytest.mark.parametrize("interfaces", [None, FD_INTERFACES], ids=["transparent", "AR_b-gamma"])
def test_finite_volumes_converge_to_the_closed_form_at_second_order(interfaces):
    """Cell-centred finite volumes with exact face resistances and a midpoint spin-flip source: every error
    (mu_s at the centres, j_s/J_c at the faces, AR, AR_spin) falls by 4 when h halves; accept 3.9-4.1 (the
    h^4 terms at h <= lambda_Py / 5.5 move the ratio by < 1 %). The leading error of mu_s, relative to its
    largest value, is about (h / lambda_Py)^2 / 12: at h = 0.5 nm that is 7e-4; assert < 1.5e-3."""
    coarse = np.array(fd_errors(FD_LAYERS, interfaces, 20))
    fine = np.array(fd_errors(FD_LAYERS, interfaces, 40))
    assert np.all((coarse / fine > 3.9) & (coarse / fine < 4.1)), coarse / fine
    assert coarse[0] < 1.5e-3 and coarse[2] < 1e-3


def test_finite_volumes_match_the_semi_infinite_interface():
    """A thick F/N pair (30 lambda each) ends in reservoirs; its interface values match the semi-infinite
    closed form to e^-30 plus the O(h^2) error: h = lambda / 20 in both layers, (1/20)^2 / 12 = 2e-4 from each
    side of the interface, so 4e-4 at most."""
    F, N = metal(PY.rho, 5e-9, PY.beta), metal(CU.rho, 20e-9)
    fd = valet_fert.valet_fert_fd([valet_fert.Layer(F, 150e-9), valet_fert.Layer(N, 600e-9)], 1e11, cells=600)
    semi = valet_fert.valet_fert([valet_fert.Layer(F, INF), valet_fert.Layer(N, INF)], 1e11)
    i = np.searchsorted(fd.x_faces, 0.0)
    assert fd.x_faces[i] == 0.0
    assert fd.polarization[i] == pytest.approx(float(semi.polarization(0.0)), rel=4e-4, abs=0)
    assert fd.AR_spin == pytest.approx(semi.AR_spin, rel=4e-4, abs=0)
    assert fd.mu_s[i] == pytest.approx(float(semi.mu_s(fd.x[i])), rel=4e-4, abs=0)
    # different cells per layer are allowed
    uneven = valet_fert.valet_fert_fd([valet_fert.Layer(F, 150e-9), valet_fert.Layer(N, 600e-9)], 1e11,
                                      cells=[300, 600])
    assert uneven.x.size == 900 and uneven.AR_spin == pytest.approx(semi.AR_spin, rel=1e-3, abs=0)


def test_finite_volume_cells_and_faces():
    fd = valet_fert.valet_fert_fd(FD_LAYERS, 1e11, FD_INTERFACES, cells=[4, 6, 8])
    assert fd.x.size == 18 and fd.x_faces.size == 19 and fd.polarization.size == 19
    assert fd.x_faces[[0, 4, 10, 18]] == pytest.approx([-10e-9, 0.0, 10e-9, 20e-9], abs=1e-24)
    assert np.all(np.diff(fd.x) > 0)


# ----------------------------------------------------------------------------- Valet-Fert: bad input


@pytest.mark.parametrize(("call", "name", "error"), [
    (lambda: valet_fert.Layer("Py", 1e-9), "material", TypeError),
    (lambda: valet_fert.Layer(PY, 0.0), "thickness", ValueError),
    (lambda: valet_fert.Layer(PY, -INF), "thickness", ValueError),
    (lambda: valet_fert.Layer(PY, float("nan")), "thickness", ValueError),
    (lambda: valet_fert.Layer(PY, 1e-9, reversed="yes"), "reversed", TypeError),
    (lambda: valet_fert.Interface(-1e-15, 0.0), "AR_b", ValueError),
    (lambda: valet_fert.Interface(1e-15, 1.0), "gamma", ValueError),
    (lambda: valet_fert.valet_fert([valet_fert.Layer(PY, 1e-9)], 1e11), "layers", ValueError),
    (lambda: valet_fert.valet_fert([PY, CU], 1e11), "layers", ValueError),
    (lambda: valet_fert.valet_fert([valet_fert.Layer(PY, 1e-9), valet_fert.Layer(CU, INF), valet_fert.Layer(PY, 1e-9)],
                                   1e11), "layers", ValueError),
    (lambda: valet_fert.valet_fert([valet_fert.Layer(PY, 1e-9), valet_fert.Layer(CU, 1e-9)], 1e11,
                                   [valet_fert.Interface()] * 2), "interfaces", ValueError),
    (lambda: valet_fert.valet_fert([valet_fert.Layer(PY, 1e-9), valet_fert.Layer(CU, 1e-9)], float("nan")), "J_c",
     ValueError),
    (lambda: valet_fert.valet_fert([valet_fert.Layer(PY, 1e-9), valet_fert.Layer(CU, 1e-9)], 1.0).mu_s(2e-9), "x",
     ValueError),
    (lambda: valet_fert.valet_fert([valet_fert.Layer(PY, 1e-9), valet_fert.Layer(CU, 1e-9)], 1.0).polarization(
        float("nan")), "x", ValueError),
    (lambda: valet_fert.valet_fert_fd([valet_fert.Layer(PY, INF), valet_fert.Layer(CU, 1e-9)], 1.0), "layers",
     ValueError),
    (lambda: valet_fert.valet_fert_fd(FD_LAYERS, 1.0, cells=1), "cells", ValueError),
    (lambda: valet_fert.valet_fert_fd(FD_LAYERS, 1.0, cells=20.0), "cells", ValueError),
    (lambda: valet_fert.valet_fert_fd(FD_LAYERS, 1.0, cells=[10, 10]), "cells", ValueError),
    (lambda: valet_fert.spin_valve(PY, 0.0, CU, 1e-9, 1.0), "t_F", ValueError),
    (lambda: valet_fert.spin_valve(PY, 1e-9, CU, INF, 1.0), "t_N", ValueError),
    (lambda: valet_fert.spin_valve(PY, 1e-9, CU, 1e-9, 1.0, interface=(0.0, 0.0)), "interface", TypeError),
    (lambda: valet_fert.spin_valve_resistance(PY, 1e-9, "Cu", 1e-9), "material", TypeError),
    (lambda: valet_fert.valet_fert_resistance(1e-7, 0.5, 0.0, 1e-9, 1e-8, 1e-9), "lambda_F", ValueError),
    (lambda: valet_fert.valet_fert_resistance(1e-7, 1.0, 5e-9, 1e-9, 1e-8, 1e-9), "beta", ValueError),
    (lambda: valet_fert.valet_fert_resistance(1e-7, 0.5, 5e-9, 1e-9, 1e-8, 1e-9, gamma=-1.0), "gamma", ValueError),
    (lambda: valet_fert.valet_fert_resistance(1e-7, 0.5, 5e-9, 1e-9, 1e-8, -1e-9), "t_N", ValueError),
])
def test_valet_fert_bad_input_names_the_parameter(call, name, error):
    with pytest.raises(error, match=name):
        call()
