"""Chapter 5 equilibrium and escape figures (sttlab.plotting.thermal); the explorers are driven in test_explorers.py.

The figures are checked for what they show: the Boltzmann density against its
closed form (Dawson's integral) and against the stochastic-LLG ensemble
(PHYSICS.md case 6), the ensemble on the sphere against a fresh run of the same
simulation, and the escape rates against a fresh call of sttlab.fokker_planck
and Brown's asymptote (case 7), with the ensemble points within three sample
standard errors of the exact rate. Every figure uses fixed seeds, so the tests
are deterministic; the tolerances are the statistical ones, and the escape test
also shows that a wrong answer (Brown's rate) lies outside. The switching
statistics under a pulse are tested in test_plotting_switching.py.
"""

import functools
import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from scipy import special  # noqa: E402

from sttlab import fokker_planck as fp  # noqa: E402
from sttlab import preset  # noqa: E402
from sttlab.plotting import thermal as figures  # noqa: E402
from sttlab.plotting.common import figure_defaults, png_bytes  # noqa: E402
from sttlab.thermal import boltzmann_states, neel_brown_rate, simulate_ensemble  # noqa: E402
from figure_parts import artist_by_gid, errorbar_by_gid, labelled_line  # noqa: E402

CELL = preset("cofeb_mgo_40nm")


# --------------------------------------------------------------------------- the Boltzmann density


@pytest.mark.parametrize("T", [300.0, 150.0, 1200.0])
def test_boltzmann_density_is_the_closed_form(T):
    """p(theta) = sin(theta) exp(-Delta sin^2 theta) sqrt(Delta) / F(sqrt(Delta)), F Dawson's integral."""
    Delta = CELL.free.Delta(T)
    theta = np.linspace(0.0, 0.5 * math.pi, 201)
    exact = np.sin(theta) * np.exp(-Delta * np.sin(theta) ** 2) * math.sqrt(Delta) / special.dawsn(math.sqrt(Delta))
    # quadrature normalization to 1e-12 relative; the density itself is evaluated exactly
    assert np.allclose(figures.boltzmann_angle_density(theta, T), exact, rtol=1e-9, atol=0.0)
    assert figures.boltzmann_angle_density(0.5 * math.pi + 0.1, T) == 0.0
    # the most probable angle is 1/sqrt(2 Delta) to O(1/Delta)
    fine = np.linspace(1e-4, 0.6, 60001)
    peak = fine[np.argmax(figures.boltzmann_angle_density(fine, T))]
    assert peak == pytest.approx(1.0 / math.sqrt(2.0 * Delta), rel=1.5 / Delta)


# --------------------------------------------------------------------------- the ensemble on the sphere


def test_ensemble_sphere_figure_shows_the_simulated_ensemble():
    fig = figures.ensemble_sphere_figure()
    d = figure_defaults(figures.ensemble_sphere_figure)
    assert isinstance(fig, Figure) and [ax.name for ax in fig.axes] == ["3d", "rectilinear"]
    # the same run, made here: the plotted points and the switched fraction are its m
    m0 = boltzmann_states(CELL, d["T"], d["n"], around=(0, 0, -1), seed=d["seed"])
    m = simulate_ensemble(CELL, m0, d["time"], T=d["T"], seed=d["seed"] + 1,
                          current_density=d["current_ratio"] * CELL.Jc0()).m
    sphere, hist = fig.axes
    ap, p = artist_by_gid(sphere, "ap-side"), artist_by_gid(sphere, "p-side")
    assert len(ap.get_offsets()) + len(p.get_offsets()) == d["n"]
    assert len(p.get_offsets()) == int(np.sum(m[:, 2] > 0.0))
    assert artist_by_gid(hist, "past").get_text() == f"{100.0 * np.mean(m[:, 2] > 0.0):.1f} %"
    # I = 1.5 I_c0 for 10 ns: a fair share switched, not all (Sun: ~13 ns from a thermal angle)
    assert 0.2 < np.mean(m[:, 2] > 0.0) < 0.9
    line = labelled_line(hist, "Boltzmann")
    theta = np.radians(180.0 - line.get_xdata())
    assert np.allclose(line.get_ydata(), figures.boltzmann_angle_density(theta, d["T"]) * math.pi / 180.0)


def test_ensemble_sphere_figure_at_zero_temperature_never_leaves_the_pole():
    """Exactly at AP the spin torque vanishes: without fluctuations even 3 I_c0 cannot start a reversal."""
    fig = figures.ensemble_sphere_figure(T=0.0, current_ratio=3.0, time=20e-9, n=50)
    sphere, hist = fig.axes
    assert len(artist_by_gid(sphere, "ap-side").get_offsets()) == 50
    assert np.allclose(artist_by_gid(sphere, "ap-side").get_offsets()[:, :2], 0.0)  # x, y of every point on the pole
    assert artist_by_gid(hist, "past").get_text() == "0.0 %"
    assert [line.get_label() for line in hist.get_lines() if line.get_label().startswith("Boltzmann")] == []


def test_ensemble_sphere_figure_without_time_is_the_thermal_start():
    fig = figures.ensemble_sphere_figure(T=300.0, current_ratio=2.0, time=0.0, n=400, seed=9)
    m0 = boltzmann_states(CELL, 300.0, 400, around=(0, 0, -1), seed=9)
    offsets = artist_by_gid(fig.axes[0], "ap-side").get_offsets()
    assert len(offsets) == 400 and np.allclose(np.sort(offsets[:, 0]), np.sort(m0[:, 0]))


# --------------------------------------------------------------------------- Boltzmann figure


def test_boltzmann_figure_ensemble_reaches_the_boltzmann_average():
    """PHYSICS.md case 6 at the book's parameters: <sin^2 theta> after ~4 tau_D is the Boltzmann value."""
    fig = figures.boltzmann_figure()
    d = figure_defaults(figures.boltzmann_figure)
    left, right = fig.axes
    Delta = CELL.free.Delta(d["T"])
    # the Boltzmann average by its closed form: <sin^2> = 1 + 1/(2 Delta) - 1/(2 sqrt(Delta) F(sqrt(Delta)))
    root = math.sqrt(Delta)
    exact = 1.0 + 0.5 / Delta - 0.5 / (root * special.dawsn(root))
    average = labelled_line(right, "Boltzmann")
    assert average.get_ydata()[0] == pytest.approx(exact, rel=1e-9)
    for alpha in d["alphas"]:
        curve = labelled_line(right, f"α = {alpha:g}")
        t, mean = curve.get_xdata(), curve.get_ydata()
        assert mean[0] == 0.0  # all start on the axis
        # the last 2 ns of the slower run are > 0.6 tau_D past a 3.3 tau_D burn-in (relaxation rate 2 / tau_D)
        tail = mean[t >= t[-1] - 2.0]
        # per member sin^2 has standard deviation ~ its mean (Rayleigh: exponential); 3000 members, and the
        # tail's samples are correlated over tau_D / 2, so the standard error of the tail mean is ~ mean / sqrt(3000)
        assert np.mean(tail) == pytest.approx(exact, rel=4.0 / math.sqrt(d["n"]) + 0.01)
    # the faster damping gets there first: at t = 1 ns the alpha = 0.03 run is nearer the average
    early = [np.interp(1.0, labelled_line(right, f"α = {a:g}").get_xdata(), labelled_line(right, f"α = {a:g}").get_ydata())
             for a in d["alphas"]]
    assert early[1] > early[0]
    density = labelled_line(left, "Boltzmann")
    assert np.allclose(density.get_ydata(), figures.boltzmann_angle_density(np.radians(density.get_xdata()),
                                                                            d["T"]) * math.pi / 180.0)


# --------------------------------------------------------------------------- escape rates


def test_escape_rate_figure_against_brown_and_the_ensembles():
    """PHYSICS.md case 7: the exact rate is ~20 % below Brown's at Delta = 5, ~11 % at 10, a few % at 20-40."""
    d = figure_defaults(figures.escape_rate_figure)
    fig = figures.escape_rate_figure()
    left, right = fig.axes
    ratio = labelled_line(right, "exact")
    D, r = ratio.get_xdata(), ratio.get_ydata()
    at = functools.partial(np.interp, xp=np.log(D), fp=r)
    assert at(math.log(5.0)) == pytest.approx(0.80, abs=0.02)
    assert at(math.log(10.0)) == pytest.approx(0.89, abs=0.02)
    # "3-5 %" at Delta 20-40: the leading correction is 1 - 1/Delta (5.2 % at 20, 2.6 % at 40)
    assert 0.94 <= at(math.log(20.0)) < at(math.log(40.0)) < 0.98
    assert np.all(labelled_line(right, "Brown").get_ydata() == 1.0)
    # the plotted rates are fokker_planck's and thermal's, in units of tau_D
    magnet = figures._with_delta(7.0, d["alpha"])
    rates = labelled_line(left, "exact")
    tau_D = magnet.relaxation_time
    assert np.interp(math.log(7.0), np.log(rates.get_xdata()), np.log(rates.get_ydata())) == pytest.approx(
        math.log(fp.escape_rate(magnet, 300.0) * tau_D), abs=2e-3)
    assert magnet.Delta(300.0) == pytest.approx(7.0, rel=1e-12)
    # ensemble points: within 3 standard errors plus 1 % of the mean first-passage time (case 7), and far from Brown
    x, y, low, high = errorbar_by_gid(left, "ensemble")
    assert np.allclose(x, d["Deltas"])
    for Delta, rate, error in zip(x, y, low):
        magnet = figures._with_delta(Delta, d["alpha"])
        tau = fp.mean_first_passage_time(magnet, 300.0, -1.0, figures.ESCAPE_X)
        assert abs(rate - tau_D / tau) < 3.0 * error + 0.01 * rate
        if Delta >= 3.5:
            assert neel_brown_rate(magnet, 300.0) * tau_D - rate > 3.0 * error


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(("function", "kwargs", "name"), [
    (figures.ensemble_sphere_figure, {"T": -1.0}, "T"),
    (figures.ensemble_sphere_figure, {"T": 2000.0}, "T"),
    (figures.ensemble_sphere_figure, {"current_ratio": float("nan")}, "current_ratio"),
    (figures.ensemble_sphere_figure, {"time": -1e-9}, "time"),
    (figures.ensemble_sphere_figure, {"n": 0}, "n"),
    (figures.ensemble_sphere_figure, {"n": 2.5}, "n"),
    (figures.ensemble_sphere_figure, {"seed": -1}, "seed"),
    (figures.boltzmann_figure, {"T": 10.0}, "T"),
    (figures.boltzmann_figure, {"alphas": (0.01, 5.0)}, "alphas"),
    (figures.boltzmann_figure, {"alphas": ()}, "alphas"),
    (figures.boltzmann_figure, {"duration": 0.0}, "duration"),
    (figures.escape_rate_figure, {"Deltas": (1.0,)}, "Deltas"),
    (figures.escape_rate_figure, {"alpha": 0.01}, "alpha"),
    (figures.boltzmann_angle_density, {"theta": 0.1, "T": 0.0}, "T"),
])
def test_bad_input_raises_naming_the_parameter(function, kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        function(**kwargs)


def test_figures_are_not_registered_with_pyplot():
    plt.close("all")
    fig = figures.ensemble_sphere_figure(time=1e-9, n=20)
    assert plt.get_fignums() == []
    assert png_bytes(fig, dpi=40)[:4] == b"\x89PNG"
