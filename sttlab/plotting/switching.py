"""Chapter 5 figures: switching statistics under a current pulse: switching times, probability, write errors.

Each figure function takes SI arguments (currents in units of the critical
current ``I_c0``), validates them (a bad value raises :class:`ValueError`
naming the parameter) and returns a :class:`matplotlib.figure.Figure`. The
lines are :func:`sttlab.fokker_planck.switching_probability` and
:func:`sttlab.fokker_planck.write_error_rate`; the ensemble points are
:func:`sttlab.thermal.simulate_ensemble` and
:func:`sttlab.thermal.switching_probability` runs started from the Boltzmann
distribution of the AP well; the deterministic switching time is
:func:`sttlab.dynamics.analytic_switching_time`. Every figure starts from the
``cofeb_mgo_40nm`` preset of :mod:`sttlab.plotting.thermal` (the equilibrium
and escape figures) at 300 K, or a copy of it with another diameter and
damping. The explorers in :mod:`sttlab.explorers.thermal` call the same
functions, and the defaults are their start values.

Examples
--------
>>> times = deterministic_switching_times([0.05, 0.1], 2.0)  # a larger initial tilt switches sooner
>>> bool(times[0] > times[1] > 0.0)
True
"""

from __future__ import annotations

import dataclasses
import functools
import math

import matplotlib as mpl
import numpy as np
from scipy.interpolate import PchipInterpolator

from .. import _validate as check
from ..dynamics import analytic_switching_time
from ..fokker_planck import switching_probability, write_error_rate
from ..thermal import boltzmann_states, simulate_ensemble
from ..thermal import switching_probability as ensemble_switching_probability
from .common import PALETTE, STYLE, draw_value_table, new_figure, sparse_log_minor_ticks
from .thermal import _AP, _CELL, _with_delta

#: Temperature of the switching-probability and write-error figures (K).
T_ROOM = 300.0
#: Relaxation after each pulse (the bit is read once it has settled), five damping times of the free layer.
SETTLE_TIMES = 5.0
#: Pulse widths (s) of the Fokker-Planck switching-probability curves, and the currents (I / I_c0) at which
#: they are computed (denser where the probability rises for pulses of 1 ns to 10 us): each current's
#: curve over all widths is computed once and kept, and the probability against current at any width is
#: interpolated between them (monotone cubic, :class:`scipy.interpolate.PchipInterpolator`).
PSW_WIDTHS = np.geomspace(1e-10, 1e-5, 241)
PSW_RATIOS = (0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.7, 2.0, 2.5, 3.0)
#: Fokker-Planck cells of the switching-probability curves; they agree with the default mesh to 0.01 in
#: probability (tested); the write-error figure uses the default mesh.
PSW_CELLS = 160
#: Currents (I / I_c0) drawn against the pulse width in :func:`switching_probability_figure`.
PSW_SHOWN = (0.6, 0.9, 1.2, 2.0)
#: Longest pulse (s) simulated for ensemble points in the probability and write-error figures.
ENSEMBLE_MAX_WIDTH = 40e-9
#: Pulse widths (s) of the write-error curves; the axis ends where the lowest current reaches WER_FLOOR.
WER_WIDTHS = np.geomspace(1e-10, 3e-6, 160)
#: The smallest write-error rate drawn.
WER_FLOOR = 1e-12


# --------------------------------------------------------------------------- switching times above I_c0


def deterministic_switching_times(theta0, current_ratio):
    """The zero-temperature switching time from each initial angle, for the preset, in s.

    :func:`sttlab.dynamics.analytic_switching_time` (time from ``theta0``
    off AP to the equator; Sun, Phys. Rev. B 62, 570 (2000)) on 200
    logarithmically spaced angles spanning ``theta0``, interpolated linearly in
    ``ln theta0`` (the time is nearly linear in it; the interpolation error is
    below 1e-5 relative).

    Parameters
    ----------
    theta0 : array_like
        Initial angles from ``-p`` in rad, each in (0, pi/2).
    current_ratio : float
        ``I / I_c0`` (> 1).

    Returns
    -------
    ndarray
        Times in s, the shape of ``theta0``.

    Examples
    --------
    >>> times = deterministic_switching_times(np.radians([1.0, 2.0, 5.0]), 2.0)
    >>> [round(float(t) * 1e9, 2) for t in times]  # ns at twice I_c0
    [13.18, 11.05, 8.23]
    """
    theta0 = np.asarray(theta0, dtype=float)
    if theta0.size == 0 or not np.all((theta0 > 0.0) & (theta0 < 0.5 * math.pi)):
        raise ValueError("theta0 must hold angles in (0, pi/2) rad")
    ratio = check.positive("current_ratio", current_ratio)
    if ratio <= 1.0:
        raise ValueError(f"current_ratio must be > 1 (below I_c0 a macrospin at T = 0 never switches), got {ratio!r}")
    low, high = float(theta0.min()), float(theta0.max())
    grid = np.geomspace(low, high, 200) if high > low else np.array([low])
    J = ratio * _CELL.Jc0()
    times = np.array([analytic_switching_time(_CELL, J, math.degrees(a)) for a in grid])
    if grid.size == 1:
        return np.full(theta0.shape, times[0])
    return np.interp(np.log(theta0), np.log(grid), times)


def switching_time_distribution_figure(current_ratio=1.5, *, T=300.0, n=2000, duration=60e-9, seed=3):
    """Switching times of a thermal ensemble above ``I_c0``, against the spread of initial angles.

    ``n`` copies of the preset start from the Boltzmann distribution of the AP
    well at ``T`` (:func:`sttlab.thermal.boltzmann_states`) and run under the
    constant current ``current_ratio I_c0`` (:func:`sttlab.thermal.simulate_ensemble`
    with the thermal field on, ``threshold=0``: the first crossing of the
    equator, each member stopped there). Left: the histogram of their
    switching times, and the histogram of the zero-temperature switching times
    of the same initial angles (:func:`deterministic_switching_times`): the
    spread that the initial angle alone explains; and the Fokker-Planck
    prediction with the noise on throughout, ``n`` times the increase over
    each bin of the probability past the equator
    (:func:`sttlab.fokker_planck.switching_probability` with the current on
    and no relaxation; a member that recrosses the equator counts once in the
    ensemble but can be taken back by it, which matters only close to
    ``I_c0``). Right: every member's switching time against its initial
    angle, on the deterministic curve.

    Parameters
    ----------
    current_ratio : float, optional
        ``I / I_c0``, in [1.1, 10].
    T : float, optional
        Temperature in K, in [50, 1000].
    n : int, optional
        Ensemble size, in [100, 50000].
    duration : float, optional
        Longest simulated time in s, in (0, 500e-9]; members that have not
        switched by then are counted and left out of the histogram.
    seed : int, optional
        Seed of the initial directions; the run uses ``seed + 1``.

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: the histograms (gids ``"ensemble"``, ``"initial-angle"`` and ``"fokker-planck"``)
        against time in ns, and the scatter (gid ``"members"``) with the
        deterministic curve (label ``"T = 0..."``) against the initial angle in degrees.

    Examples
    --------
    >>> fig = switching_time_distribution_figure(n=200)
    >>> fig.axes[1].get_xlabel()
    'initial angle $\\\\theta_0$ from AP (deg)'
    """
    ratio = check.in_range("current_ratio", current_ratio, 1.1, 10.0)
    T = check.in_range("T", T, 50.0, 1000.0)
    n = check.count("n", n, 100, 50_000)
    duration = check.in_range("duration", duration, 0.0, 500e-9, low_open=True)
    seed = check.seed("seed", seed)
    m0 = boltzmann_states(_CELL, T, n, around=_AP, seed=seed)
    run = simulate_ensemble(_CELL, m0, duration, T=T, seed=seed + 1, current_density=ratio * _CELL.Jc0(),
                            threshold=0.0, stop_on_switch=True)
    theta0 = np.arccos(np.clip(-m0[:, 2], -1.0, 1.0))
    predicted = deterministic_switching_times(theta0, ratio)
    times = run.switching_times
    done = np.isfinite(times)
    ns = 1e9
    top = max(float(np.quantile(times[done], 0.995)) if done.any() else 0.0, float(np.quantile(predicted, 0.995)))
    edges = np.linspace(0.0, min(duration, 1.05 * top), 61)
    # the Fokker-Planck probability past the equator at each bin edge, with the current on throughout
    past = switching_probability(_CELL, T, edges, ratio * _CELL.Jc0(), n_cells=PSW_CELLS)
    fp_mean = float(np.sum(0.5 * (edges[1:] + edges[:-1]) * np.diff(past)) / past[-1])

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.6))
        ax = fig.add_axes((0.075, 0.15, 0.4, 0.66))
        bins = edges * ns
        ax.hist(times[done] * ns, bins=bins, density=False, histtype="stepfilled", color=PALETTE["sky_blue"],
                alpha=0.85, gid="ensemble", label=f"stochastic LLG at {T:.0f} K")
        ax.hist(predicted * ns, bins=bins, histtype="step", color=PALETTE["black"], linewidth=1.3,
                gid="initial-angle", label="initial angle only ($T = 0$ run)")
        ax.stairs(n * np.diff(past), bins, color=PALETTE["vermillion"], linewidth=1.6, gid="fokker-planck",
                  label="Fokker-Planck, noise throughout")
        ax.set_xlim(bins[0], bins[-1])
        ax.set_xlabel("switching time $t_{\\rm sw}$ (ns)")
        ax.set_ylabel(f"members per {bins[1] - bins[0]:.2g} ns")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=8.5)
        rows = [
            ("$I/I_{c0}$", f"{ratio:.3g}"),
            ("$\\langle t_{\\rm sw}\\rangle$", f"{np.mean(times[done]) * ns:.2f} ns" if done.any() else "—"),
            ("Fokker-Planck", f"{fp_mean * ns:.2f} ns"),
            ("initial angle only", f"{np.mean(predicted) * ns:.2f} ns"),
        ]
        if not done.all():
            rows.append(("not switched", f"{np.sum(~done)}"))

        ax2 = fig.add_axes((0.6, 0.15, 0.38, 0.66))
        angles = np.degrees(theta0)
        ax2.plot(angles[done], times[done] * ns, linestyle="none", marker="o", markersize=2.0, alpha=0.5,
                 color=PALETTE["sky_blue"], gid="members", label="members")
        order = np.argsort(theta0)
        ax2.plot(angles[order], predicted[order] * ns, color=PALETTE["black"], linewidth=1.4,
                 label="$T = 0$: deterministic, from $\\theta_0$")
        ax2.set_xscale("log")
        draw_value_table(ax2, rows, x=0.74, y=0.95, dy=0.07, fontsize=8.5)
        ax2.set_xlabel("initial angle $\\theta_0$ from AP (deg)")
        ax2.set_ylabel("switching time (ns)")
        ax2.set_ylim(0.0, 1.4 * bins[-1])  # room for the table above the members
        ax2.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8.5)
    return fig


# --------------------------------------------------------------------------- switching probability


@functools.lru_cache(maxsize=256)
def _fp_curve(ratio):
    """P_sw of the preset at 300 K over :data:`PSW_WIDTHS` for one current (kept: each costs ~0.2 s)."""
    return switching_probability(_CELL, T_ROOM, PSW_WIDTHS, ratio * _CELL.Jc0(),
                                 settle=SETTLE_TIMES * _CELL.free.relaxation_time, n_cells=PSW_CELLS)


def _at_width(curve, width):
    return float(np.interp(math.log(width), np.log(PSW_WIDTHS), curve))


def switching_probability_figure(current_ratio=1.5, width=10e-9, *, ensemble=300, seed=5):
    """Switching probability against pulse width and against current: Fokker-Planck and ensembles.

    The preset at 300 K starts in the Boltzmann distribution of the AP well;
    a rectangular pulse of ``I = current_ratio I_c0`` lasts ``width``, then the
    magnet relaxes for five damping times with the current off and is read.
    Lines: :func:`sttlab.fokker_planck.switching_probability` (mesh of
    :data:`PSW_CELLS` cells, interpolated in ``ln width`` between the
    :data:`PSW_WIDTHS`). Points: :func:`sttlab.thermal.switching_probability`
    with ``ensemble`` members each and the same relaxation, with 95 % Wilson
    intervals. Left: against the width, for :data:`PSW_SHOWN` and for
    ``current_ratio`` (bold, with points at four widths); right: against
    ``I / I_c0`` (:data:`PSW_RATIOS`) at ``width`` (points at five currents).

    Parameters
    ----------
    current_ratio : float, optional
        ``I / I_c0``, in [0.3, 3]; a current of :data:`PSW_RATIOS` is drawn at once after the first time.
    width : float, optional
        Pulse width in s, in [1e-10, 1e-5].
    ensemble : int, optional
        Members per ensemble point, 0 (no points) or in [20, 20000].
    seed : int, optional
        Master seed of the ensembles.

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: P_sw against the width in ns (logarithmic; the bold line has
        gid ``"selected"``) and against ``I / I_c0`` (gid ``"fp-current"``).
        Ensemble points are errorbar containers whose data line has gid
        ``"ensemble-width"`` or ``"ensemble-current"``.

    Examples
    --------
    Without the ensemble points (the Fokker-Planck curves are computed once and kept):

    >>> fig = switching_probability_figure(current_ratio=1.5, width=10e-9, ensemble=0)
    >>> fig.axes[1].get_title()
    'pulse of 10 ns'
    """
    ratio = check.in_range("current_ratio", current_ratio, 0.3, 3.0)
    width = check.in_range("width", width, 1e-10, 1e-5)
    ensemble = 0 if ensemble == 0 else check.count("ensemble", ensemble, 20, 20_000)
    seed = check.seed("seed", seed)
    selected = _fp_curve(ratio)
    across = np.array([_at_width(_fp_curve(r), width) for r in PSW_RATIOS])
    fine = np.linspace(PSW_RATIOS[0], PSW_RATIOS[-1], 271)
    smooth = np.clip(PchipInterpolator(PSW_RATIOS, across)(fine), 0.0, 1.0)
    settle = SETTLE_TIMES * _CELL.free.relaxation_time
    jc = _CELL.Jc0()
    by_width = by_current = None
    # ensemble points only where they are informative (P_sw between 5 and 95 %) and cheap (pulses <= 40 ns)
    inside = PSW_WIDTHS[(selected > 0.05) & (selected < 0.95) & (PSW_WIDTHS <= ENSEMBLE_MAX_WIDTH)]
    if ensemble and inside.size > 1:
        by_width = ensemble_switching_probability(_CELL, T_ROOM, np.geomspace(inside[0], inside[-1], 4), ratio * jc,
                                                  n=ensemble, seed=seed, settle=settle)
    rising = fine[(smooth > 0.05) & (smooth < 0.95)]
    if ensemble and width <= ENSEMBLE_MAX_WIDTH and rising.size > 1:
        by_current = ensemble_switching_probability(_CELL, T_ROOM, [width], np.linspace(rising[0], rising[-1], 5) * jc,
                                                    n=ensemble, seed=seed + 1, settle=settle)
    ns = 1e9

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.7))
        ax = fig.add_axes((0.075, 0.15, 0.41, 0.63))
        shades = (PALETTE["sky_blue"], PALETTE["green"], PALETTE["orange"], PALETTE["purple"])
        for r, color in zip(PSW_SHOWN, shades):
            ax.plot(PSW_WIDTHS * ns, _fp_curve(r), color=color, linewidth=1.0, label=f"{r:g}")
        ax.plot(PSW_WIDTHS * ns, selected, color=PALETTE["black"], linewidth=2.0, gid="selected",
                label=f"{ratio:.3g} (selected)")
        ax.axvline(width * ns, color=PALETTE["vermillion"], linewidth=0.9, linestyle=(0, (4, 2)))
        ax.plot([width * ns], [_at_width(selected, width)], marker="o", color=PALETTE["vermillion"], markersize=6,
                zorder=6)
        if by_width is not None:
            p = by_width.probability[0]
            bars = ax.errorbar(by_width.widths * ns, p, yerr=[p - by_width.low[0], by_width.high[0] - p], fmt="s",
                               markersize=4.5, color=PALETTE["vermillion"], capsize=2.5, zorder=7)
            bars.lines[0].set_gid("ensemble-width")
        ax.set_xscale("log")
        ax.set_xlim(PSW_WIDTHS[0] * ns, PSW_WIDTHS[-1] * ns)
        sparse_log_minor_ticks(ax.xaxis)
        ax.set_ylim(-0.03, 1.03)
        ax.set_xlabel("pulse width (ns)")
        ax.set_ylabel("switching probability $P_{\\rm sw}$")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=5, fontsize=8, handlelength=1.2,
                  columnspacing=0.8, title="$I/I_{c0}$", title_fontsize=8.5)

        ax2 = fig.add_axes((0.6, 0.15, 0.38, 0.63))
        ax2.plot(fine, smooth, color=PALETTE["black"], linewidth=1.8, gid="fp-current", label="Fokker-Planck")
        ax2.plot(PSW_RATIOS, across, linestyle="none", marker="o", markersize=2.5, color=PALETTE["black"],
                 gid="fp-computed")
        ax2.plot([ratio], [_at_width(selected, width)], marker="o", color=PALETTE["vermillion"], markersize=6,
                 zorder=6)
        if by_current is not None:
            p = by_current.probability[:, 0]
            bars = ax2.errorbar(by_current.current_densities / jc, p, yerr=[p - by_current.low[:, 0],
                                by_current.high[:, 0] - p], fmt="s", markersize=4.5, color=PALETTE["vermillion"],
                                capsize=2.5, zorder=7, label=f"stochastic LLG, {ensemble} each")
            bars.lines[0].set_gid("ensemble-current")
        ax2.axvline(1.0, color="0.8", linewidth=0.6, zorder=0)
        ax2.set_xlim(PSW_RATIOS[0], PSW_RATIOS[-1])
        ax2.set_ylim(-0.03, 1.03)
        ax2.set_xlabel("current $I/I_{c0}$")
        ax2.set_ylabel("$P_{\\rm sw}$")
        ax2.set_title(f"pulse of {width * ns:.3g} ns", fontsize=10)
        ax2.legend(loc="lower right", fontsize=8.5)
    return fig


# --------------------------------------------------------------------------- write-error rate

def _wer_junction(Delta, alpha):
    """The preset's stack with the diameter that gives ``Delta`` at 300 K, and damping ``alpha``."""
    return dataclasses.replace(_CELL, free=_with_delta(Delta, alpha))


def _wer(ratio, Delta, alpha, widths, n_cells):
    """Write-error rate at ``widths`` (s) at 300 K of :func:`_wer_junction`, with the figures' relaxation."""
    junction = _wer_junction(Delta, alpha)
    return write_error_rate(junction, T_ROOM, widths, ratio * junction.Jc0(),
                            settle=SETTLE_TIMES * junction.free.relaxation_time, n_cells=n_cells)


@functools.lru_cache(maxsize=256)
def _wer_curve(ratio, Delta, alpha, n_cells):
    """:func:`_wer` over :data:`WER_WIDTHS` (kept: each costs 0.1 to a few seconds)."""
    return _wer(ratio, Delta, alpha, WER_WIDTHS, n_cells)


def write_error_rate_figure(current_ratio=2.0, Delta=40.0, alpha=0.01, *, others=(1.5, 3.0, 4.0), ensemble=300,
                            n_cells=None, curve=None, seed=6):
    """Write-error rate against pulse width down to 1e-12: Fokker-Planck, with ensemble points where cheap.

    The preset's CoFeB/MgO stack at 300 K with the diameter that gives
    ``Delta`` and with damping ``alpha``, starting in the Boltzmann
    distribution of the AP well; a rectangular pulse of ``I = current_ratio
    I_c0`` (``I_c0`` of this junction), then five damping times with the
    current off. Lines: ``WER = 1 - P_sw`` from
    :func:`sttlab.fokker_planck.write_error_rate` (logarithmic axis, linear
    width axis, on which the long-pulse tail is a straight line); the selected
    current is bold, ``others`` thin. Points: :func:`sttlab.thermal.switching_probability`
    with ``ensemble`` members at four widths where ``0.05 < WER < 0.95``
    (pulses up to 40 ns), with 95 % Wilson intervals.

    Parameters
    ----------
    current_ratio : float, optional
        ``I / I_c0``, in [1.1, 6].
    Delta : float, optional
        Thermal stability factor at 300 K, in [10, 100].
    alpha : float, optional
        Gilbert damping, in [0.002, 0.1].
    others : sequence of float, optional
        More currents (``I / I_c0``, each in [1.1, 6]) drawn thin; at most five.
    ensemble : int, optional
        Members per ensemble point, 0 (no points) or in [20, 20000].
    n_cells : int or None, optional
        Fokker-Planck mesh (see :func:`sttlab.fokker_planck.write_error_rate`).
    curve : callable or None, optional
        ``curve(current_ratio, Delta, alpha)`` returns the write-error rates
        over :data:`WER_WIDTHS`, in place of the Fokker-Planck solve on the
        ``n_cells`` mesh (the explorer passes its precomputed
        :class:`sttlab.explorers.thermal.WriteErrorTable`).
    seed : int, optional
        Master seed of the ensemble.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes: WER against the width in ns; the selected line has gid
        ``"selected"``, the others are labelled by their ``I / I_c0``; the
        ensemble points are an errorbar container whose data line has gid ``"ensemble"``.

    Examples
    --------
    One current on a coarse mesh, without the ensemble points:

    >>> fig = write_error_rate_figure(others=(), ensemble=0, n_cells=200)
    >>> [line.get_gid() for line in fig.axes[0].get_lines() if line.get_gid()]
    ['selected']
    """
    ratio = check.in_range("current_ratio", current_ratio, 1.1, 6.0)
    Delta = check.in_range("Delta", Delta, 10.0, 100.0)
    alpha = check.in_range("alpha", alpha, 0.002, 0.1)
    others = np.atleast_1d(np.asarray(others, dtype=float))
    if others.ndim != 1 or others.size > 5:
        raise ValueError(f"others must hold at most five current ratios, got {others!r}")
    others = [check.in_range("others", r, 1.1, 6.0) for r in others]
    ensemble = 0 if ensemble == 0 else check.count("ensemble", ensemble, 20, 20_000)
    seed = check.seed("seed", seed)
    if curve is None:
        curves = {r: _wer_curve(r, Delta, alpha, n_cells) for r in (*others, ratio)}
    elif callable(curve):
        curves = {r: np.asarray(curve(r, Delta, alpha), dtype=float) for r in (*others, ratio)}
        if any(c.shape != WER_WIDTHS.shape for c in curves.values()):
            raise ValueError(f"curve must return one write-error rate per width of WER_WIDTHS ({WER_WIDTHS.size})")
    else:
        raise TypeError(f"curve must be callable or None, got {curve!r}")
    slowest = curves[min(curves)]
    below = np.flatnonzero(slowest < WER_FLOOR)
    end = 1.1 * WER_WIDTHS[below[0]] if below.size else WER_WIDTHS[-1]
    junction = _wer_junction(Delta, alpha)
    selected = curves[ratio]
    points = None
    inside = WER_WIDTHS[(selected > 0.05) & (selected < 0.95) & (WER_WIDTHS <= ENSEMBLE_MAX_WIDTH)]
    if ensemble and inside.size > 1:
        points = ensemble_switching_probability(junction, T_ROOM, np.linspace(inside[0], inside[-1], 4),
                                                ratio * junction.Jc0(), n=ensemble, seed=seed,
                                                settle=SETTLE_TIMES * junction.free.relaxation_time)
    ns = 1e9

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.7))
        ax = fig.add_axes((0.085, 0.15, 0.6, 0.75))
        shades = (PALETTE["sky_blue"], PALETTE["green"], PALETTE["orange"], PALETTE["purple"], PALETTE["blue"])
        for r, color in zip(others, shades):
            ax.plot(WER_WIDTHS * ns, curves[r], color=color, linewidth=1.1, label=f"{r:g}")
        ax.plot(WER_WIDTHS * ns, selected, color=PALETTE["black"], linewidth=2.0, gid="selected",
                label=f"{ratio:.3g} (selected)")
        if points is not None:
            wer = 1.0 - points.probability[0]
            bars = ax.errorbar(points.widths * ns, wer, yerr=[wer - (1.0 - points.high[0]),
                               (1.0 - points.low[0]) - wer], fmt="s", markersize=4.5, color=PALETTE["vermillion"],
                               capsize=2.5, zorder=7, label=f"stochastic LLG, {ensemble} each")
            bars.lines[0].set_gid("ensemble")
        for level in (1e-3, 1e-6, 1e-9):
            ax.axhline(level, color="0.88", linewidth=0.6, zorder=0)
        ax.set_yscale("log")
        ax.set_ylim(0.3 * WER_FLOOR, 2.0)
        ax.set_xlim(0.0, end * ns)
        ax.set_xlabel("pulse width (ns)")
        ax.set_ylabel("write-error rate $1 - P_{\\rm sw}$")
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8.5, title="$I/I_{c0}$",
                  title_fontsize=9)
        draw_value_table(ax, [
            ("$\\Delta$", f"{Delta:.3g}"),
            ("$\\alpha$", f"{alpha:.3g}"),
            ("$\\tau_D$", f"{junction.free.relaxation_time * ns:.3g} ns"),
            ("$I_{c0}$", f"{junction.Ic0() * 1e6:.3g} μA"),
            ("diameter", f"{junction.free.geometry.diameter * ns:.3g} nm"),
        ], x=1.2, y=0.3, dy=0.085, fontsize=9)
    return fig
