"""Chapter 5 switching-statistics figures (sttlab.plotting.switching); the explorers are driven in test_explorers.py.

The figures are checked for what they show: the deterministic switching times
against the closed form, every plotted Fokker-Planck curve against a fresh
call of sttlab.fokker_planck, and the ensemble points against the
Fokker-Planck lines at the book's parameters: each point within three binomial
(or sample) standard errors of the line plus the mesh and interpolation error
of the line. Every figure uses fixed seeds, so the tests are deterministic; the
tolerances are the statistical ones, and the switching-time test also shows
that a wrong answer (the initial-angle-only switching time) lies outside.
"""

import dataclasses
import math

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from sttlab import fokker_planck as fp  # noqa: E402
from sttlab import preset  # noqa: E402
from sttlab.dynamics import analytic_switching_time  # noqa: E402
from sttlab.plotting import switching as figures  # noqa: E402
from sttlab.plotting import thermal as thermal_figures  # noqa: E402
from sttlab.plotting.common import figure_defaults  # noqa: E402
from sttlab.thermal import boltzmann_states, simulate_ensemble  # noqa: E402
from figure_parts import artist_by_gid, errorbar_by_gid, labelled_line  # noqa: E402

CELL = preset("cofeb_mgo_40nm")
TAU = CELL.free.relaxation_time


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
        x, p, low, high = errorbar_by_gid(ax, gid)
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
    cell = dataclasses.replace(CELL, free=thermal_figures._with_delta(d["Delta"], d["alpha"]))
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
    x, w, low, high = errorbar_by_gid(ax, "ensemble")
    curve = np.interp(x, widths * 1e9, wer)
    assert np.all((curve > 0.04) & (curve < 0.96))
    sigma = np.sqrt(curve * (1.0 - curve) / d["ensemble"])
    assert np.all(np.abs(w - curve) < 3.0 * sigma + 0.01)


def test_write_error_rate_slope_is_twice_the_net_growth_rate():
    """For long pulses ln WER falls at 2 (I/I_c0 - 1) / tau_D: the tilt grows as exp((I/I_c0 - 1) t / tau_D)."""
    fig = figures.write_error_rate_figure(current_ratio=3.0, others=(), ensemble=0, n_cells=200)
    line = artist_by_gid(fig.axes[0], "selected")
    t, wer = line.get_xdata() * 1e-9, line.get_ydata()
    tail = (wer < 1e-6) & (wer > 1e-11)
    slope = np.polyfit(t[tail], np.log(wer[tail]), 1)[0]
    # the noise-driven spread of the rate and the nonlinear end of the switch bend the line by a few %
    assert -slope * TAU == pytest.approx(2.0 * (3.0 - 1.0), rel=0.05)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(("function", "kwargs", "name"), [
    (figures.switching_time_distribution_figure, {"current_ratio": 1.0}, "current_ratio"),
    (figures.switching_time_distribution_figure, {"n": 10}, "n"),
    (figures.switching_probability_figure, {"current_ratio": 0.1}, "current_ratio"),
    (figures.switching_probability_figure, {"width": 1.0}, "width"),
    (figures.switching_probability_figure, {"ensemble": 5}, "ensemble"),
    (figures.write_error_rate_figure, {"current_ratio": 0.9}, "current_ratio"),
    (figures.write_error_rate_figure, {"Delta": 5.0}, "Delta"),
    (figures.write_error_rate_figure, {"alpha": 0.0}, "alpha"),
    (figures.write_error_rate_figure, {"others": (0.5,)}, "others"),
    (figures.deterministic_switching_times, {"theta0": [0.1], "current_ratio": 0.8}, "current_ratio"),
    (figures.deterministic_switching_times, {"theta0": [2.0], "current_ratio": 2.0}, "theta0"),
])
def test_bad_input_raises_naming_the_parameter(function, kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        function(**kwargs)
