"""Chapter 7 figures (sttlab.plotting.micromag); its explorers are driven in test_explorers.py.

The figures are checked for what they show: the relaxed wall against the
Landau-Lifshitz profile tanh(x / delta) and its energy against 4 sqrt(A K),
with the second-order convergence of the six-neighbour Laplacian; the
standard-problem-4 curves and the published reference exactly as computed and
loaded, with the crossing times the runs report; the pillar's map and curves
exactly as the run saved them, and a small disk that switches as its macrospin.
"""

import math

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from sttlab.micromag import standard_problems as sp  # noqa: E402
from sttlab.plotting import micromag as figures  # noqa: E402
from sttlab.plotting.common import figure_defaults, png_bytes  # noqa: E402
from figure_parts import artist_by_gid, labelled_line  # noqa: E402

A, K = 1.3e-11, 5e5
DELTA = math.sqrt(A / K)


# --------------------------------------------------------------------------- the domain wall


def test_domain_wall_is_tanh_and_converges_as_cell_squared():
    """Landau & Lifshitz: m_z = tanh(x / delta), m_y = sech(x / delta). The six-neighbour Laplacian is
    second order, so the largest error falls 4x per halving of the cell (the relax tests see 4.10-4.15
    from O(dx^4) terms: 10 % allowed); at delta / 8 it is below 2e-3 (measured 1.2e-3)."""
    errors = []
    for ratio in (0.5, 0.25, 0.125):
        x, m, sample = figures.domain_wall(A, K, ratio * DELTA)
        assert x[-1] >= figures.WALL_HALF_WIDTH * DELTA - ratio * DELTA  # the chain spans +- 8 delta
        assert np.allclose(np.linalg.norm(m, axis=0), 1.0, atol=1e-12)
        errors.append(np.abs(m[2] - np.tanh(x / DELTA)).max())
        # the wall is a Bloch wall: it turns in the y-z plane, m_y = sech (to the same discretization error)
        assert np.abs(m[0]).max() < 1e-12
        assert np.abs(m[1] - 1.0 / np.cosh(x / DELTA)).max() < 2.5 * errors[-1]
    assert errors[2] < 2e-3
    assert errors[0] / errors[1] == pytest.approx(4.0, rel=0.1)
    assert errors[1] / errors[2] == pytest.approx(4.0, rel=0.1)
    # the figure's convergence panel holds the same numbers (it relaxes with A, K fixed: only cell/delta matters)
    table = dict(zip(figures.WALL_CELL_RATIOS, figures._wall_errors()))
    assert table[0.125] == pytest.approx(errors[2], rel=1e-6)
    assert table[0.25] == pytest.approx(errors[1], rel=1e-6)


def test_domain_wall_depends_only_on_cell_over_delta():
    """Scaling: with x in units of delta the discrete wall is the same for any A and K at equal cell / delta
    (up to the relaxation tolerance, 1e-6 of Ms in torque: 1e-5 in m is generous)."""
    x1, m1, _ = figures.domain_wall(A, K, 0.25 * DELTA)
    A2, K2 = 2e-11, 1.25e5  # delta = 12.6 nm
    d2 = math.sqrt(A2 / K2)
    x2, m2, _ = figures.domain_wall(A2, K2, 0.25 * d2)
    assert np.allclose(x1 / DELTA, x2 / d2, rtol=0, atol=1e-12)
    assert np.abs(m1 - m2).max() < 1e-5


def test_domain_wall_figure_shows_the_relaxed_cells_and_the_wall_energy():
    fig = figures.domain_wall_figure()
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    d = figure_defaults(figures.domain_wall_figure)
    x, m, _ = figures.domain_wall(d["A"], d["Ku"], d["cell"])
    assert np.array_equal(artist_by_gid(fig, "mz").get_ydata(), m[2])
    assert np.array_equal(artist_by_gid(fig, "my").get_ydata(), m[1])
    assert np.allclose(artist_by_gid(fig, "mz").get_xdata(), x * 1e9, rtol=1e-15)
    profile = labelled_line(fig.axes[0], "tanh")
    assert np.allclose(profile.get_ydata(), np.tanh(profile.get_xdata() * 1e-9 / DELTA), atol=1e-14)
    assert artist_by_gid(fig, "delta").get_text() == "δ = √(A/K) = 5.10 nm"
    # sigma = 4 sqrt(A K): the discrete wall's energy at delta / 5 is within 0.2 % (measured 0.9984)
    ratio = float(artist_by_gid(fig, "sigma").get_text().split("=")[-1])
    assert ratio == pytest.approx(1.0, abs=2e-3)
    here = artist_by_gid(fig, "here")
    assert here.get_xdata()[0] == pytest.approx(d["cell"] / DELTA, rel=1e-12)
    assert here.get_ydata()[0] == pytest.approx(np.abs(m[2] - np.tanh(x / DELTA)).max(), rel=1e-12)
    assert png_bytes(fig, dpi=50)[:4] == b"\x89PNG"


@pytest.mark.parametrize("kwargs, name", [
    ({"A": 0.0}, "A"), ({"Ku": -1e5}, "Ku"), ({"cell": 0.0}, "cell"), ({"cell": 2.1 * DELTA}, "cell"),
    ({"A": float("nan")}, "A"),
])
def test_domain_wall_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        figures.domain_wall_figure(**kwargs)


# --------------------------------------------------------------------------- standard problem 4


@pytest.fixture(scope="module")
def sp4_runs():
    """Both fields on a coarse 32 x 8 mesh for 0.25 ns: enough to cross zero (about 0.14 ns)."""
    one = sp.run(1, n=(32, 8, 1), duration=0.25e-9, snapshot_every=5e-12)
    two = sp.run(2, n=(32, 8, 1), duration=0.25e-9, relaxed=one.relaxed, snapshot_every=5e-12)
    return one, two


def test_standard_problem4_figure_draws_the_runs_and_the_reference(sp4_runs):
    one, two = sp4_runs
    fig = figures.standard_problem4_figure(one, two)
    assert len(fig.axes) == 4
    t_ref, m_ref = sp.reference_curve()
    for ax, result in zip(fig.axes[:2], sp4_runs):
        for c, name in enumerate("xyz"):
            line = labelled_line(ax, f"$\\langle m_{name}")
            assert np.array_equal(line.get_xdata(), result.run.t * 1e9)
            assert np.array_equal(line.get_ydata(), result.run.m_avg[:, c])
        crossing = result.first_crossing
        assert 0.1e-9 < crossing < 0.2e-9  # both fields reverse <m_x> near 140 ps, even on this coarse mesh
        assert artist_by_gid(ax, "crossing").get_xdata()[0] == pytest.approx(crossing * 1e9, rel=1e-12)
        assert artist_by_gid(ax, "crossing_text").get_text() == f"⟨m_x⟩ = 0 at {crossing * 1e12:.1f} ps"
    for c in range(3):
        reference = artist_by_gid(fig.axes[0], f"reference{c}")
        assert np.array_equal(reference.get_ydata(), m_ref[:, c])
    assert artist_by_gid(fig.axes[1], "reference0") is None  # no published field-2 curve is shipped
    # the snapshots are the saved ones nearest the crossing: within half the 5 ps spacing
    for ax, result in zip(fig.axes[2:], sp4_runs):
        shown = float(ax.get_title().split("t = ")[1].split(" ps")[0]) * 1e-12
        assert abs(shown - result.first_crossing) <= 2.5e-12 + 0.5e-12  # + the title's rounding
    assert fig.axes[1].get_title() == "field 2: μ0H = (−35.5, −6.3, 0) mT at 190°"


def test_standard_problem4_figure_bad_input(sp4_runs):
    one, two = sp4_runs
    with pytest.raises(TypeError, match="field1"):
        figures.standard_problem4_figure(two, two)
    with pytest.raises(TypeError, match="field2"):
        figures.standard_problem4_figure(one, one.run)
    with pytest.raises(ValueError, match="reference"):
        figures.standard_problem4_figure(one, two, reference="oommf")
    bare = sp.run(1, n=(8, 2, 1), duration=5e-12, relaxed=None)
    with pytest.raises(ValueError, match="snapshot"):
        figures.standard_problem4_figure(bare, two)


# --------------------------------------------------------------------------- the pillar


def _image(fig):
    """The m_z map of the pillar figure."""
    (image,) = fig.axes[0].images
    assert image.get_gid() == "map"
    return image


@pytest.fixture(scope="module")
def small_pillar():
    return figures.pillar_run(20e-9, 3.0)


def test_small_pillar_switches_as_its_macrospin(small_pillar):
    """A 20 nm disk (4 exchange lengths) at 3 J_c0: uniform to 1e-3 and the macrospin's switching time to 1 %
    (measured 0.3 %, the residue of the rim's different stiffness)."""
    assert small_pillar.uniformity.min() > 0.999
    assert small_pillar.switching_time == pytest.approx(small_pillar.macrospin_switching_time, rel=0.01)
    assert len(small_pillar.run.snapshot_t) == figures.PILLAR_SNAPSHOTS


def test_pillar_reversal_figure_draws_the_saved_run(small_pillar):
    run = small_pillar.run
    fig = figures.pillar_reversal_figure(small_pillar)
    maps = small_pillar.mz_maps()
    # default time: the switching time, shown at the nearest snapshot
    k = int(np.argmin(np.abs(run.snapshot_t - small_pillar.switching_time)))
    shown = _image(fig).get_array()
    assert np.array_equal(np.ma.filled(shown, np.nan).T, maps[k], equal_nan=True)
    assert artist_by_gid(fig, "now").get_xdata()[0] == pytest.approx(run.snapshot_t[k] * 1e9, rel=1e-12)
    curves = fig.axes[-1]
    disk = labelled_line(curves, "disk")
    assert np.array_equal(disk.get_ydata(), run.m_avg[:, 2])
    macro = labelled_line(curves, "macrospin")
    assert np.array_equal(macro.get_ydata(), small_pillar.macrospin.m[:, 2])
    centre, rim = small_pillar.centre_and_rim()
    assert np.array_equal(labelled_line(curves, "centre").get_ydata(), centre)
    assert np.array_equal(labelled_line(curves, "rim").get_ydata(), rim)
    assert curves.get_title() == (f"⟨$m_z$⟩ = 0: disk {small_pillar.switching_time * 1e9:.2f} ns, "
                                  f"macrospin {small_pillar.macrospin_switching_time * 1e9:.2f} ns")
    # another time: the start, all -z
    fig = figures.pillar_reversal_figure(small_pillar, time=0.0)
    assert np.nanmax(_image(fig).get_array()) < -0.99
    assert artist_by_gid(fig, "time").get_text() == "t = 0.00 ns"


def test_pillar_run_is_computed_once(small_pillar):
    assert figures.pillar_run(20e-9, 3.0) is small_pillar
    assert figures.pillar_run(20e-9, 3.0, progress=True) is small_pillar  # kept runs come back at once


def test_pillar_run_shows_progress_only_while_it_computes(capsys):
    run = figures.pillar_run(15e-9, 1.5, progress=True)
    assert "micromagnetic LLG" in capsys.readouterr().err
    assert figures.pillar_run(15e-9, 1.5, progress=True) is run
    assert capsys.readouterr().err == ""


def test_pillar_reversal_figure_bad_input(small_pillar):
    with pytest.raises(ValueError, match="time"):
        figures.pillar_reversal_figure(small_pillar, time=2 * small_pillar.run.t[-1])
    with pytest.raises(ValueError, match="time"):
        figures.pillar_reversal_figure(small_pillar, time=-1e-12)
    with pytest.raises(TypeError, match="switching"):
        figures.pillar_reversal_figure(small_pillar.run)
    with pytest.raises(ValueError, match="diameter"):
        figures.pillar_reversal_figure(diameter=-20e-9)
    with pytest.raises(ValueError, match="current_ratio"):
        figures.pillar_reversal_figure(diameter=20e-9, current_ratio=0.0)
