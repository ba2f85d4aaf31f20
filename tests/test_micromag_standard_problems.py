"""muMAG standard problem 4 (PHYSICS.md case 11) on 128 x 32 x 1 cells, against mumax3 and published curves."""

import numpy as np
import pytest

from sttlab.constants import mu0
from sttlab.micromag import standard_problems as sp4


@pytest.fixture(scope="module")
def field1():
    return sp4.run(1, (128, 32, 1))


@pytest.mark.slow
def test_s_state_matches_mumax3(field1):
    """Relaxed from (1, 0.1, 0): mumax3's <m> = (0.96697, 0.12527, 0) to 1e-4 (mumax3 stops at a torque of
    1e-4 T and computes in single precision; this relaxation stops at 1e-7 Ms)."""
    assert field1.relaxed.converged
    assert field1.relaxed.m_avg == pytest.approx(sp4.MUMAX3_128x32["relaxed"], abs=1e-4)


@pytest.mark.slow
def test_field1_at_one_nanosecond_matches_mumax3(field1):
    """<m_x>, <m_z> within 5e-3 and <m_y> within 0.03 of mumax3's regression value (issue 6: <m_y> turns at
    about 8 per ns there, so a picosecond of phase is 0.008; the codes differ in gamma by 8e-4 too)."""
    final = field1.run.m_avg[-1]
    expected = sp4.MUMAX3_128x32["field1_1ns"]
    assert field1.run.t[-1] == pytest.approx(1e-9)
    assert abs(final[0] - expected[0]) < 5e-3 and abs(final[2] - expected[2]) < 5e-3
    assert abs(final[1] - expected[1]) < 0.03


@pytest.mark.slow
def test_first_zero_crossing_of_mx_is_the_published_one(field1):
    """138-140 ps in the published solutions; within 3 ps of that, and within 1.5 ps of both stored curves."""
    t0 = field1.first_crossing
    low, high = sp4.FIRST_CROSSING_RANGE
    assert low - 3e-12 < t0 < high + 3e-12
    for name in sp4.REFERENCES:
        t, m = sp4.reference_curve(name)
        assert abs(sp4.zero_crossings(t, m[:, 0])[0] - t0) < 1.5e-12


@pytest.mark.slow
def test_whole_curve_follows_the_crank_nicolson_solution(field1):
    """Every zero crossing of <m_x>, <m_y>, <m_z> in the first 0.5 ns lies within 3 ps of the 200 x 50
    Crank-Nicolson solution's (phases drift apart by a few ps between codes and meshes), and the curves stay
    within 0.06 of each other over that stretch."""
    t_ref, m_ref = sp4.reference_curve("crank_nicolson_200x50")
    run = field1.run
    for c in range(3):
        ours = sp4.zero_crossings(run.t, run.m_avg[:, c])
        theirs = sp4.zero_crossings(t_ref, m_ref[:, c])
        ours, theirs = ours[ours < 0.5e-9], theirs[theirs < 0.5e-9]
        assert ours.size == theirs.size >= 1
        assert np.abs(ours - theirs).max() < 3e-12
        early = t_ref <= 0.5e-9
        assert np.abs(np.interp(t_ref[early], run.t, run.m_avg[:, c]) - m_ref[early, c]).max() < 0.06


def test_reference_curves_and_fields():
    for name in sp4.REFERENCES:
        t, m = sp4.reference_curve(name)
        assert m.shape == (t.size, 3) and np.all(np.diff(t) > 0) and t[-1] == pytest.approx(1e-9)
    assert np.array(sp4.field(2)) * mu0 == pytest.approx([-35.5e-3, -6.3e-3, 0.0], rel=1e-14)
    film = sp4.sample((16, 4, 1))
    assert film.mesh.size == pytest.approx(sp4.SIZE) and film.Ms_cells.max() == sp4.MS
    with pytest.raises(ValueError, match="number must be one of"):
        sp4.field(3)
    with pytest.raises(ValueError, match="name must be one of"):
        sp4.reference_curve("oommf")
    with pytest.raises(ValueError, match="relaxed must be an s_state"):
        sp4.run(1, (16, 4, 1), 1e-12, relaxed="s-state")
