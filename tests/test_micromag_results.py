"""sttlab.micromag.results: crossing times and switching times of runs."""

import numpy as np
import pytest

from sttlab.micromag import Mesh, Sample, simulate
from sttlab.micromag.results import crossing_times


def test_crossing_times_interpolate_linearly_both_ways():
    t = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
    x = np.array([1.0, 0.5, -0.5, -1.0, 0.0, 2.0])
    # down through 0 at 1.5; touching 0 at t = 4 between -1 and 2 counts once, at 4
    assert list(crossing_times(t, x)) == [1.5, 4.0]
    assert crossing_times(t, np.ones(6)).size == 0
    assert crossing_times([0.0, 1.0], [0.0, 0.0]).size == 0


def test_run_crossing_and_switching_times():
    """A uniform undamped film precessing about z at f: m_x crosses zero every half period."""
    sample = Sample(Mesh((2, 2, 1), (2e-9, 2e-9, 2e-9)), Ms=8e5, A=1e-11, alpha=0.0, demag=False)
    H = 1e6  # a 28 ps period
    run = simulate(sample, sample.uniform((1, 0, 0)), 30e-12, field=(0, 0, H), save_every=0.1e-12, tol=1e-10)
    from sttlab.constants import gamma, mu0

    period = 2 * np.pi / (gamma * mu0 * H)
    assert run.crossing_time(0) == pytest.approx(period / 4, rel=1e-4)  # 0.1 ps sampling: O(dt^2) error
    assert run.crossing_time(0, nth=2) == pytest.approx(3 * period / 4, rel=1e-4)
    assert run.crossing_time(0, level=0.5) == pytest.approx(period / 6, rel=1e-4)
    assert run.crossing_time(2) is None and run.switching_time() is None and not run.switched
    with pytest.raises(ValueError, match="nth must be an integer"):
        run.crossing_time(0, nth=0)
    with pytest.raises(ValueError, match="component must be one of"):
        run.crossing_time(3)
