"""Tests of sttlab.phase_diagram against the linearized LLG thresholds (PHYSICS.md case 4).

The PMA macrospin of case 4 (Sun, Phys. Rev. B 62, 570 (2000)) with a field H along p = +z:
AP (m = -z) has stiffness H_k,eff - H, P has H_k,eff + H, so with constant efficiency

    J(AP -> P) = +J_c0 (1 - H / H_k,eff),    J(P -> AP) = -J_c0 (1 + H / H_k,eff).
"""

import dataclasses
import math

import numpy as np
import pytest

from sttlab import Cylinder, Junction, Magnet, preset
from sttlab.constants import mu0
from sttlab.phase_diagram import RUN_STATES, STATES, _classify_run, switching_phase_diagram

MS = 1.1e6
HK = 0.2 / mu0  # H_k,eff in A/m (mu0 H_k,eff = 0.2 T)


def case4(**junction_kwargs):
    free = Magnet(Ms=MS, geometry=Cylinder(diameter=40e-9, thickness=1.3e-9), alpha=0.01,
                  Ku=0.5 * mu0 * MS * (HK + MS), demag=(0.0, 0.0, 1.0))
    return Junction(free=free, polarizer=(0.0, 0.0, 1.0), P=0.5, **junction_kwargs)


@pytest.fixture(scope="module")
def junction():
    j = case4()
    assert j.free.Hk_eff == pytest.approx(HK, rel=1e-12)
    assert j.Jc0() == pytest.approx(1.738e10, rel=1e-3)  # PHYSICS.md case 4
    return j


def test_zero_field_boundaries_at_plus_minus_Jc0(junction):
    """Case 4: bistable inside +-0.98 J_c0, P above 1.02 J_c0, AP below -1.02 J_c0."""
    jc = junction.Jc0()
    d = switching_phase_diagram(junction, jc * np.array([-1.02, -0.98, 0.0, 0.98, 1.02]), [0.0])
    assert d.labels().tolist() == [["AP", "bistable", "bistable", "bistable", "P"]]
    assert d.run_from_P.tolist() == [["AP", "P", "P", "P", "P"]]
    assert d.run_from_AP.tolist() == [["AP", "AP", "AP", "AP", "P"]]
    np.testing.assert_allclose(np.abs(d.mp_from_P), 1.0, atol=1e-3)
    np.testing.assert_allclose(np.abs(d.mp_from_AP), 1.0, atol=1e-3)


@pytest.mark.parametrize("h", [0.3, -0.3])
def test_field_shifts_boundaries_linearly(junction, h):
    """Linearized LLG: J(AP->P) = J_c0 (1 - h), J(P->AP) = -J_c0 (1 + h), within 2 % of each."""
    jc = junction.Jc0()
    up, down = jc * (1.0 - h), -jc * (1.0 + h)
    currents = [1.02 * down, 0.98 * down, 0.98 * up, 1.02 * up]
    d = switching_phase_diagram(junction, currents, [h * HK])
    assert d.labels().tolist() == [["AP", "bistable", "bistable", "P"]]


def test_only_one_state_beyond_the_anisotropy_field(junction):
    """At J = 0 both states exist for |H| < H_k,eff, only the field-aligned one beyond."""
    d = switching_phase_diagram(junction, [0.0], np.array([-1.1, -0.9, 0.9, 1.1]) * HK)
    assert d.labels()[:, 0].tolist() == ["AP", "bistable", "bistable", "P"]


def test_narrow_precession_cone_is_not_mistaken_for_a_stable_state():
    """Lambda = 3 at 1.1 J_c0: the AP run holds a 15-degree cone, u(B - Cu) = r(B - C) with B = 10, C = 8.

    It lies inside the 0.9 threshold, so only the growth of its tilt tells it from the AP state.
    """
    j = case4(efficiency="slonczewski2002", Lambda=3.0)
    d = switching_phase_diagram(j, [1.1 * j.Jc0()], [0.0])
    orbit = (10 + math.sqrt(100 - 4 * 8 * 1.1 * 2)) / 16
    assert d.run_from_AP[0, 0] == "precessing" and d.labels().tolist() == [["precessional"]]
    assert -d.mp_from_AP[0, 0] == pytest.approx(orbit, abs=5e-3)


def test_stable_precession_is_classified_precessional():
    """slonczewski2002 with Lambda = 3: above J_c0 the AP run settles on a steady cone (Junction.Jc0 doc)."""
    j = case4(efficiency="slonczewski2002", Lambda=3.0)
    d = switching_phase_diagram(j, [1.5 * j.Jc0()], [0.0])
    assert d.labels().tolist() == [["precessional"]]
    assert d.run_from_AP[0, 0] == "precessing" and d.run_from_P[0, 0] == "P"
    assert -0.9 < d.mp_from_AP[0, 0] < 0.0


def test_result_object(junction):
    jc = junction.Jc0()
    d = switching_phase_diagram(junction, [-2 * jc, 2 * jc], [0.0, 0.5 * HK, -0.5 * HK],
                                duration=50 * junction.free.relaxation_time, tilt_deg=5.0)
    assert d.state.shape == d.mp_from_P.shape == d.mp_from_AP.shape == (3, 2)
    assert d.names == STATES and d.labels().tolist() == [["AP", "P"]] * 3
    assert d.duration == pytest.approx(50 * junction.free.relaxation_time)
    assert d.tilt == pytest.approx(np.radians(5.0))
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.duration = 1.0


def test_run_classifier_on_synthetic_runs():
    t = np.linspace(0.0, 1.0, 1001)
    assert _classify_run(t, np.full(t.size, 0.95), 0.9, 0.01) == "P"
    assert _classify_run(t, np.full(t.size, -0.95), 0.9, 0.01) == "AP"
    orbit = -0.5 + 0.05 * np.sin(2 * np.pi * 97 * t)
    assert _classify_run(t, orbit, 0.9, 0.01) == "precessing"
    assert _classify_run(t, -0.9 + 1.5 * t**4, 0.9, 0.01) == "unsettled"  # still moving at the end
    # a narrow cone: the tilt grew from 2 degrees to ~14 degrees and held (inside the 0.9 threshold)
    cone = -0.97 - 0.0294 * np.exp(-t / 0.05) + 1e-4 * np.sin(2 * np.pi * 97 * t)
    assert _classify_run(t, cone, 0.9, 0.01) == "precessing"
    # switched late and still closing in on +p: P, although farther from the axis than it started
    late = np.where(t < 0.85, -0.999, 0.999 - 0.2 * np.exp(-(t - 0.85) / 0.05))
    assert _classify_run(t, late, 0.9, 0.01) == "P"
    assert set(RUN_STATES) == {"P", "AP", "precessing", "unsettled"}


def test_doc_example_preset():
    cell = preset("cofeb_mgo_20nm")
    d = switching_phase_diagram(cell, [0.0], [0.0])
    assert d.labels().tolist() == [["bistable"]]


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"currents": []}, "currents"),
        ({"currents": [1e10, np.nan]}, "currents"),
        ({"currents": [[1e10], [2e10]]}, "currents"),
        ({"fields": []}, "fields"),
        ({"fields": [np.inf]}, "fields"),
        ({"duration": -1e-9}, "duration"),
        ({"duration": np.nan}, "duration"),
        ({"tilt_deg": 0.0}, "tilt_deg"),
        ({"threshold": 1.0}, "threshold"),
        ({"steady_tol": 0.0}, "steady_tol"),
        ({"method": "euler"}, "method"),
    ],
)
def test_bad_input_names_the_parameter(junction, kwargs, name):
    args = {"currents": [0.0], "fields": [0.0], **kwargs}
    currents, fields = args.pop("currents"), args.pop("fields")
    with pytest.raises(ValueError, match=name):
        switching_phase_diagram(junction, currents, fields, **args)


def test_polarizer_off_the_easy_axis_is_rejected():
    tilted = dataclasses.replace(case4(), polarizer=(1.0, 0.0, 1.0))
    with pytest.raises(ValueError, match="polarizer"):
        switching_phase_diagram(tilted, [0.0], [0.0])


def test_non_junction_is_a_type_error(junction):
    with pytest.raises(TypeError, match="junction"):
        switching_phase_diagram(junction.free, [0.0], [0.0])
    with pytest.raises(TypeError, match="currents"):
        switching_phase_diagram(junction, ["a"], [0.0])
