"""Chapter 5 figures (sttlab.plotting.thermal); its explorers are driven in test_explorers.py.

The figures are checked for what they show: the Boltzmann density against its
closed form (Dawson's integral) and against the stochastic-LLG ensemble
(PHYSICS.md case 6), every plotted Fokker-Planck curve against a fresh call of
sttlab.fokker_planck, the escape rates against Brown's asymptote (case 7), and
the ensemble points against the Fokker-Planck lines at the book's parameters:
each point within three binomial (or sample) standard errors of the line plus
the mesh and interpolation error of the line. Every figure uses fixed seeds, so
the tests are deterministic; the tolerances are the statistical ones, and the
tests that use them also show that a wrong answer (Brown's rate, the
initial-angle-only switching time) lies outside.
"""

import dataclasses
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
from sttlab.explorers import thermal as explorers  # noqa: E402
from sttlab.plotting import thermal as figures  # noqa: E402
from sttlab.plotting.common import figure_defaults, png_bytes  # noqa: E402
from sttlab.dynamics import analytic_switching_time  # noqa: E402
from sttlab.thermal import boltzmann_states, neel_brown_rate, simulate_ensemble  # noqa: E402
from figure_parts import artist_by_gid, labelled_line  # noqa: E402

CELL = preset("cofeb_mgo_40nm")
TAU = CELL.free.relaxation_time


def _errorbar(ax, gid):
    """(x, y, lower error, upper error) of the errorbar container whose data line has ``gid``."""
    for container in ax.containers:
        if getattr(container, "lines", None) and container.lines[0].get_gid() == gid:
            x, y = container.lines[0].get_data()
            segments = container.lines[2][0].get_segments()
            low = np.array([s[:, 1].min() for s in segments])
            high = np.array([s[:, 1].max() for s in segments])
            return np.asarray(x), np.asarray(y), np.asarray(y) - low, high - np.asarray(y)
    raise AssertionError(f"no errorbar container {gid!r}")


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


# --------------------------------------------------------------------------- switching-time distribution


def test_deterministic_switching_times_interpolate_the_closed_form():
    theta = np.radians([0.3, 1.0, 4.0, 9.0, 20.0])
    times = figures.deterministic_switching_times(theta, 1.5)
    direct = [analytic_switching_time(CELL, 1.5 * CELL.Jc0(), math.degrees(a)) for a in theta]
    assert np.allclose(times, direct, rtol=1e-12)  # the ends and grid nodes are exact
    inner = np.radians(np.geomspace(0.31, 19.9, 40))
    direct = [analytic_switching_time(CELL, 1.5 * CELL.Jc0(), math.degrees(a)) for a in inner]
    assert np.allclose(figures.deterministic_switching_times(np.append(inner, np.radians([0.3, 20.0])), 1.5)[:-2],
                       direct, rtol=1e-5)


def test_zero_temperature_ensemble_follows_the_initial_angle_prediction():
    """The 'initial angle only' histogram is what a noiseless run from the same thermal angles gives."""
    m0 = boltzmann_states(CELL, 300.0, 200, around=(0, 0, -1), seed=2)
    run = simulate_ensemble(CELL, m0, 60e-9, T=0.0, n=200, current_density=2.0 * CELL.Jc0(), threshold=0.0,
                            stop_on_switch=True)
    theta0 = np.arccos(-m0[:, 2])
    # Heun at the default step is good to 3e-3 on the switching time (test_thermal), plus interpolation
    assert np.allclose(run.switching_times, figures.deterministic_switching_times(theta0, 2.0), rtol=5e-3)


def test_switching_time_figure_histograms_and_fokker_planck():
    d = figure_defaults(figures.switching_time_distribution_figure)
    fig = figures.switching_time_distribution_figure()
    left, right = fig.axes
    m0 = boltzmann_states(CELL, d["T"], d["n"], around=(0, 0, -1), seed=d["seed"])
    J = d["current_ratio"] * CELL.Jc0()
    run = simulate_ensemble(CELL, m0, d["duration"], T=d["T"], seed=d["seed"] + 1, current_density=J,
                            threshold=0.0, stop_on_switch=True)
    times = run.switching_times
    assert np.all(np.isfinite(times))
    ensemble = artist_by_gid(left, "ensemble")
    edges_ns = ensemble.get_xy()[:, 0]
    fp_steps = artist_by_gid(left, "fokker-planck")
    values, edges = fp_steps.get_data().values, fp_steps.get_data().edges
    # the Fokker-Planck line is n times the growth of the probability past the equator over each bin
    past = fp.switching_probability(CELL, d["T"], edges * 1e-9, J, n_cells=figures.PSW_CELLS)
    assert np.allclose(values, d["n"] * np.diff(past), rtol=1e-9, atol=1e-9)
    assert edges[0] == 0.0 and edges_ns.max() == pytest.approx(edges[-1])
    # the ensemble mean agrees with the Fokker-Planck mean within 3 standard errors plus the bin width / 2;
    # the initial-angle-only prediction (no noise during the run) is late by several standard errors
    mid = 0.5 * (edges[1:] + edges[:-1]) * 1e-9
    fp_mean = np.sum(mid * np.diff(past)) / past[-1]
    error = times.std(ddof=1) / math.sqrt(times.size)
    assert abs(times.mean() - fp_mean) < 3.0 * error + 0.5 * (edges[1] - edges[0]) * 1e-9
    predicted = figures.deterministic_switching_times(np.arccos(-m0[:, 2]), d["current_ratio"])
    assert predicted.mean() - times.mean() > 10.0 * error
    # the scatter: every member at its initial angle and switching time
    members = artist_by_gid(right, "members")
    assert np.allclose(np.sort(members.get_ydata()), np.sort(times * 1e9))


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
    x, y, low, high = _errorbar(left, "ensemble")
    assert np.allclose(x, d["Deltas"])
    for Delta, rate, error in zip(x, y, low):
        magnet = figures._with_delta(Delta, d["alpha"])
        tau = fp.mean_first_passage_time(magnet, 300.0, -1.0, figures.ESCAPE_X)
        assert abs(rate - tau_D / tau) < 3.0 * error + 0.01 * rate
        if Delta >= 3.5:
            assert neel_brown_rate(magnet, 300.0) * tau_D - rate > 3.0 * error


# --------------------------------------------------------------------------- switching probability


def test_switching_probability_figure_curves_and_ensemble_points():
    d = figure_defaults(figures.switching_probability_figure)
    fig = figures.switching_probability_figure()
    left, right = fig.axes
    settle = figures.SETTLE_TIMES * TAU
    selected = artist_by_gid(left, "selected")
    widths = selected.get_xdata() * 1e-9
    assert np.allclose(widths, figures.PSW_WIDTHS)
    # the plotted curve is fokker_planck's on the figure's mesh, and that mesh is within 0.01 of the default one
    some = widths[::40]
    coarse = fp.switching_probability(CELL, 300.0, some, d["current_ratio"] * CELL.Jc0(), settle=settle,
                                      n_cells=figures.PSW_CELLS)
    assert np.allclose(selected.get_ydata()[::40], coarse, rtol=0, atol=1e-12)
    fine = fp.switching_probability(CELL, 300.0, some, d["current_ratio"] * CELL.Jc0(), settle=settle)
    assert np.max(np.abs(coarse - fine)) < 0.01
    for r in figures.PSW_SHOWN:
        assert np.allclose(labelled_line(left, f"{r:g}").get_ydata(), figures._fp_curve(r))
    # against current: the computed points are the curves at this width, and the smooth line passes through them
    computed = artist_by_gid(right, "fp-computed")
    assert np.allclose(computed.get_xdata(), figures.PSW_RATIOS)
    direct = fp.switching_probability(CELL, 300.0, d["width"], np.array([0.9, 1.3, 1.7, 1.8]) * CELL.Jc0(),
                                      settle=settle, n_cells=figures.PSW_CELLS)
    shown = np.interp([0.9, 1.3, 1.7], computed.get_xdata(), computed.get_ydata())  # grid currents
    # linear interpolation in ln(width) between grid widths 4 % apart: error below 5e-3 on these curves
    assert np.allclose(shown, direct[:3], atol=5e-3)
    smooth = artist_by_gid(right, "fp-current")
    assert np.allclose(np.interp(computed.get_xdata(), smooth.get_xdata(), smooth.get_ydata()),
                       computed.get_ydata(), atol=2e-3)
    # between grid currents the monotone cubic is within 0.01 of a direct calculation
    assert np.interp(1.8, smooth.get_xdata(), smooth.get_ydata()) == pytest.approx(direct[3], abs=0.01)
    # ensemble points: within 3 binomial standard errors of the line (plus its 0.01 mesh error)
    n = d["ensemble"]
    for ax, gid, line in ((left, "ensemble-width", selected), (right, "ensemble-current", smooth)):
        x, p, low, high = _errorbar(ax, gid)
        assert x.size >= 4
        curve = np.interp(np.log(x), np.log(line.get_xdata()), line.get_ydata())
        sigma = np.sqrt(np.maximum(curve * (1.0 - curve), 0.01) / n)
        assert np.all(np.abs(p - curve) < 3.0 * sigma + 0.01), (p, curve)
        assert np.all((low >= 0.0) & (high >= 0.0))


def test_switching_probability_regimes():
    """Thermal activation below I_c0 takes microseconds; above it, the switch takes a few tau_D."""
    half = {r: figures.PSW_WIDTHS[np.argmax(figures._fp_curve(r) >= 0.5)] for r in (0.6, 0.9, 2.0)}
    assert half[0.6] > 300e-9 and 10e-9 < half[0.9] < 300e-9 and half[2.0] < 3 * TAU
    # the n = 2 barrier: at 0.6 I_c0 the escape is the Neel-Brown one over Delta (1 - 0.6)^2 = 6.4
    assert np.all(np.diff(figures._fp_curve(0.6)) >= -1e-12)


# --------------------------------------------------------------------------- write-error rate


def test_write_error_rate_figure_reaches_1e_12_and_matches_fokker_planck():
    d = figure_defaults(figures.write_error_rate_figure)
    fig = figures.write_error_rate_figure()
    (ax,) = [a for a in fig.axes]
    selected = artist_by_gid(ax, "selected")
    widths, wer = selected.get_xdata() * 1e-9, selected.get_ydata()
    assert wer.min() < figures.WER_FLOOR  # the curve goes down past 1e-12
    assert np.all(np.diff(wer) <= 1e-15)  # longer pulses never err more
    # the preset's stack at the diameter that gives Delta = 40 exactly (the preset itself has 40.004)
    cell = dataclasses.replace(CELL, free=figures._with_delta(d["Delta"], d["alpha"]))
    assert cell.free.Delta(300.0) == pytest.approx(d["Delta"], rel=1e-12)
    some = widths[60::25]
    direct = fp.write_error_rate(cell, 300.0, some, d["current_ratio"] * cell.Jc0(),
                                 settle=figures.SETTLE_TIMES * cell.free.relaxation_time)
    assert np.allclose(wer[60::25], direct, rtol=1e-12)
    # higher currents fail less; the axis ends where the lowest current reaches 1e-12
    others = [labelled_line(ax, f"{r:g}") for r in d["others"]]
    at_20ns = [np.interp(20e-9, widths, line.get_ydata()) for line in others]
    assert at_20ns == sorted(at_20ns, reverse=True)
    lowest = others[int(np.argmin(d["others"]))].get_ydata()
    assert np.interp(ax.get_xlim()[1], widths * 1e9, np.log(lowest)) < math.log(figures.WER_FLOOR)
    # ensemble points where 0.05 < WER < 0.95, within 3 binomial standard errors of the line
    x, w, low, high = _errorbar(ax, "ensemble")
    curve = np.interp(x, widths * 1e9, wer)
    assert np.all((curve > 0.04) & (curve < 0.96))
    sigma = np.sqrt(curve * (1.0 - curve) / d["ensemble"])
    assert np.all(np.abs(w - curve) < 3.0 * sigma + 0.01)


def test_write_error_rate_slope_is_twice_the_net_growth_rate():
    """For long pulses ln WER falls at 2 (I/I_c0 - 1) / tau_D: the tilt grows as exp((I/I_c0 - 1) t / tau_D)."""
    fig = figures.write_error_rate_figure(current_ratio=3.0, others=(), ensemble=0, n_cells=explorers.EXPLORER_CELLS)
    line = artist_by_gid(fig.axes[0], "selected")
    t, wer = line.get_xdata() * 1e-9, line.get_ydata()
    tail = (wer < 1e-6) & (wer > 1e-11)
    slope = np.polyfit(t[tail], np.log(wer[tail]), 1)[0]
    # the noise-driven spread of the rate and the nonlinear end of the switch bend the line by a few %
    assert -slope * TAU == pytest.approx(2.0 * (3.0 - 1.0), rel=0.05)


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
    (figures.switching_time_distribution_figure, {"current_ratio": 1.0}, "current_ratio"),
    (figures.switching_time_distribution_figure, {"n": 10}, "n"),
    (figures.escape_rate_figure, {"Deltas": (1.0,)}, "Deltas"),
    (figures.escape_rate_figure, {"alpha": 0.01}, "alpha"),
    (figures.switching_probability_figure, {"current_ratio": 0.1}, "current_ratio"),
    (figures.switching_probability_figure, {"width": 1.0}, "width"),
    (figures.switching_probability_figure, {"ensemble": 5}, "ensemble"),
    (figures.write_error_rate_figure, {"current_ratio": 0.9}, "current_ratio"),
    (figures.write_error_rate_figure, {"Delta": 5.0}, "Delta"),
    (figures.write_error_rate_figure, {"alpha": 0.0}, "alpha"),
    (figures.write_error_rate_figure, {"others": (0.5,)}, "others"),
    (figures.deterministic_switching_times, {"theta0": [0.1], "current_ratio": 0.8}, "current_ratio"),
    (figures.deterministic_switching_times, {"theta0": [2.0], "current_ratio": 2.0}, "theta0"),
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


def test_wer_explorer_mesh_is_close_to_the_book_figure():
    """The explorer's 200-cell curve is within 20 % of the default mesh down to 1e-12 (a sliver on a log axis)."""
    coarse = figures._wer_curve(2.0, 40.0, 0.01, explorers.EXPLORER_CELLS)
    fine = figures._wer_curve(2.0, 40.0, 0.01, None)
    keep = fine > 1e-13
    assert np.max(np.abs(coarse[keep] / fine[keep] - 1.0)) < 0.2
