"""The LLG right-hand side: sign conventions, effective field vs energy, drive envelopes."""

import math

import numpy as np
import pytest

from sttlab import Cylinder, Junction, Magnet, Pulse
from sttlab.constants import gamma, mu0
from sttlab.llg import effective_field, energy, larmor_solution, torque

GEOMETRY = Cylinder(40e-9, 1.3e-9)


def pma(**options):
    return Magnet(**({"Ms": 1.1e6, "geometry": GEOMETRY, "alpha": 0.02, "Ku": 9e5} | options))


def test_positive_current_pulls_m_toward_p():
    """PHYSICS.md sign convention: J > 0 favours m -> p; -m x (m x p) points from m toward p."""
    junction = Junction(pma(alpha=0.0, Ku=0.0, demag=(0, 0, 0)), polarizer=(0, 0, 1), P=0.5)
    m = np.array([math.sin(1.0), 0.0, math.cos(1.0)])
    dm = torque(junction, m, current_density=1e11)
    h_dl = 0.5 * junction.stt_field_per_current() * 1e11
    expected = -gamma * mu0 * h_dl * np.cross(m, np.cross(m, [0, 0, 1]))
    assert np.allclose(dm, expected, rtol=1e-12)
    assert dm[2] > 0


def test_field_like_torque_is_a_field_along_p():
    """With xi the field-like term alone is -gamma mu0 xi H_DL m x p (alpha = 0)."""
    free = pma(alpha=0.0, Ku=0.0, demag=(0, 0, 0))
    m = np.array([1.0, 0.0, 0.0])
    with_fl = torque(Junction(free, P=0.5, field_like=0.4), m, current_density=1e11)
    without = torque(Junction(free, P=0.5), m, current_density=1e11)
    h_fl = 0.4 * 0.5 * Junction(free).stt_field_per_current() * 1e11
    assert np.allclose(with_fl - without, -gamma * mu0 * h_fl * np.cross(m, [0, 0, 1]), rtol=1e-12)


def test_gilbert_and_landau_lifshitz_forms_agree():
    """The explicit LL form satisfies the implicit Gilbert equation dm = -g m x H + alpha m x dm + tau."""
    junction = Junction(pma(alpha=0.3), P=0.5, field_like=0.2)
    m = np.array([0.3, -0.5, 0.8])
    m /= np.linalg.norm(m)
    J, p = 5e10, np.array([0.0, 0.0, 1.0])
    dm = torque(junction, m, current_density=J, field=(1e4, 0, 0))
    H = effective_field(junction.free, m, field=(1e4, 0, 0))  # conservative part only
    h_dl = 0.5 * junction.stt_field_per_current() * J
    gilbert = (-gamma * mu0 * np.cross(m, H) + 0.3 * np.cross(m, dm)
               - gamma * mu0 * h_dl * np.cross(m, np.cross(m, p)) - gamma * mu0 * 0.2 * h_dl * np.cross(m, p))
    assert np.allclose(dm, gilbert, rtol=1e-12, atol=1e-12 * np.abs(dm).max())


def test_effective_field_is_minus_the_energy_gradient():
    """H_eff = -(1 / mu0 Ms V) dE/dm, checked by finite differences (tangential part)."""
    magnet = pma(Ki=2e-4, demag=(0.1, 0.2, 0.7))
    field = np.array([1e4, -2e4, 5e3])
    m = np.array([0.4, 0.3, math.sqrt(1 - 0.25)])
    H = effective_field(magnet, m, field=field)
    step, grad = 1e-6, np.empty(3)
    for i in range(3):
        d = np.zeros(3)
        d[i] = step
        grad[i] = (energy(magnet, (m + d) / np.linalg.norm(m + d), field)
                   - energy(magnet, (m - d) / np.linalg.norm(m - d), field)) / (2 * step)
    tangential = H - (H @ m) * m
    assert np.allclose(-grad / (mu0 * magnet.Ms * magnet.volume), tangential, rtol=1e-6, atol=1e-3)


def test_oblique_easy_axis_equals_the_rotated_aligned_one():
    """The oblique-axis branch and the diagonal branch are the same physics, rotated."""
    c, s = math.cos(0.7), math.sin(0.7)
    rotation = np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]])
    aligned = pma(demag=(0, 0, 0))
    oblique = pma(demag=(0, 0, 0), easy_axis=rotation @ [0, 0, 1])
    m = np.array([0.2, 0.5, 0.7])
    m /= np.linalg.norm(m)
    assert np.allclose(effective_field(oblique, rotation @ m), rotation @ effective_field(aligned, m))


def test_larmor_solution_solves_llg():
    """The exact solution's time derivative equals the LLG right-hand side (sttlab.llg.torque)."""
    field_T, alpha, theta0 = 0.2, 0.3, 70.0
    magnet = Magnet(Ms=8e5, geometry=Cylinder(30e-9, 2e-9), alpha=alpha, demag=(0, 0, 0))
    t = np.array([0.0, 0.05e-9, 0.2e-9, 0.7e-9])
    h = 1e-16
    dmdt = (larmor_solution(t + h, field_T, alpha, theta0)
            - larmor_solution(t - h, field_T, alpha, theta0)) / (2 * h)
    m = larmor_solution(t, field_T, alpha, theta0)
    expected = torque(magnet, m, field=(0.0, 0.0, field_T / mu0))
    scale = gamma * field_T
    assert np.max(np.abs(dmdt - expected)) / scale < 1e-5
    assert np.allclose(np.linalg.norm(m, axis=1), 1.0)


def test_energy_of_a_film_at_the_poles_and_the_equator():
    magnet = pma()
    poles = energy(magnet, [[0, 0, 1], [0, 0, -1], [1, 0, 0]])
    assert poles[0] == pytest.approx(poles[1])
    assert poles[2] - poles[0] == pytest.approx(magnet.barrier)


def test_pulse_envelope_is_a_trapezoid_with_the_requested_fwhm():
    """rise 1.0-1.2 ns, plateau to 1.9 ns, fall to 2.3 ns: half maximum at 1.1 and 2.1 ns."""
    pulse = Pulse(2.0, width=1e-9, start=1e-9, rise=0.2e-9, fall=0.4e-9)
    t = np.array([0.5, 1.1, 1.5, 2.0, 2.1, 2.2, 2.5]) * 1e-9
    assert pulse.envelope(t) == pytest.approx([0, 0.5, 1, 0.75, 0.5, 0.25, 0])
    assert pulse.end == pytest.approx(2.3e-9)


@pytest.mark.parametrize(
    ("call", "error", "name"),
    [
        (lambda: torque(pma(), [1, 1, 0]), ValueError, "m"),
        (lambda: torque(pma(), [1, 0]), ValueError, "m"),
        (lambda: torque("magnet", [1, 0, 0]), TypeError, "system"),
        (lambda: energy(pma(), [0, 0, 1], field=[0, np.nan, 0]), ValueError, "field"),
        (lambda: effective_field(pma(), [0, 0, 1], field=(1, 2)), ValueError, "field"),
    ],
)
def test_bad_input(call, error, name):
    with pytest.raises(error, match=name):
        call()
