"""Chapter 5 figures: thermal equilibrium and escape, the Boltzmann distribution and thermal ensembles.

Each figure function takes SI arguments, validates them (a bad value raises
:class:`ValueError` naming the parameter) and returns a
:class:`matplotlib.figure.Figure`. The ensembles are
:func:`sttlab.thermal.simulate_ensemble` runs started from
:func:`sttlab.thermal.boltzmann_states` (or exactly at the well bottom); the
rates are those of :mod:`sttlab.fokker_planck` and Brown's
:func:`sttlab.thermal.neel_brown_rate`. Every figure starts from the
``cofeb_mgo_40nm`` preset at 300 K (``Delta = 40``) or a copy of it with
another damping or diameter. The switching statistics under a current pulse
(switching times, switching probability, write-error rate) are in
:mod:`sttlab.plotting.switching`, which builds on the preset and helpers here.
The explorers in :mod:`sttlab.explorers.thermal` call the same functions, and
the defaults are their start values.

Examples
--------
>>> fig = ensemble_sphere_figure(time=0.0, n=200)  # the thermal start: no dynamics yet
>>> [ax.name for ax in fig.axes]
['3d', 'rectilinear']
"""

from __future__ import annotations

import dataclasses
import functools
import math

import matplotlib as mpl
import numpy as np
from scipy import integrate

from .. import _validate as check
from ..constants import gamma, mu0
from ..fokker_planck import effective_potential, escape_rate, mean_first_passage_time
from ..llg import field_scale, pack
from ..params import Cylinder, preset
from ..thermal import DEFAULT_PHASE_STEP, boltzmann_states, neel_brown_rate, simulate_ensemble
from .common import PALETTE, STYLE, draw_unit_sphere, draw_value_table, draw_vector, minus_signs, new_figure

#: Every figure starts from this junction (Ikeda et al. 2010; see :func:`sttlab.params.preset_source`).
PRESET = "cofeb_mgo_40nm"
_CELL = preset(PRESET)
_AP = (0.0, 0.0, -1.0)  # the initial well: antiparallel to the polarizer +z
_UNSWITCHED, _SWITCHED = PALETTE["blue"], PALETTE["vermillion"]

#: Escape threshold of :func:`escape_rate_figure`, ``x = m.u`` well inside the other well (``PHYSICS.md``).
ESCAPE_X = 0.5
#: Largest ``Delta`` on the left (rate) panel of :func:`escape_rate_figure`.
LEFT_DELTA_MAX = 12.0


def _with_alpha(alpha):
    return dataclasses.replace(_CELL, free=dataclasses.replace(_CELL.free, alpha=alpha))


def boltzmann_angle_density(theta, T, system=None):
    """Boltzmann density of the angle ``theta`` between ``m`` and the axis of one well, in 1/rad.

    On the sphere the uniform measure is ``dx`` with ``x = cos theta``, so the
    zero-current Boltzmann weight ``exp(-E / kB T)`` of the well becomes, in the angle,

    .. math::

        p(\\theta) = \\frac{\\sin\\theta\\; e^{-\\Phi(\\theta)}}{\\int_0^{\\pi/2}\\sin\\theta'\\,
                    e^{-\\Phi(\\theta')}\\,d\\theta'},\\qquad \\Phi = E / k_B T
                    = \\Delta\\sin^2\\theta + {\\rm const}

    on ``[0, pi/2]`` (``PHYSICS.md`` case 6; Brown, Phys. Rev. 130, 1677
    (1963)), with ``Phi`` from :func:`sttlab.fokker_planck.effective_potential`
    and the normalization by quadrature. For ``Delta >> 1`` it is the Rayleigh
    density ``2 Delta theta exp(-Delta theta^2)``: most probable angle
    ``1 / sqrt(2 Delta)``, mean square ``1 / Delta``.

    Parameters
    ----------
    theta : float or array_like
        Angle from the well's axis in rad; the density is 0 beyond ``pi/2``.
    T : float
        Temperature in K (> 0).
    system : Magnet or Junction, optional
        Axially symmetric; default the ``cofeb_mgo_40nm`` preset.

    Examples
    --------
    >>> round(integrate.quad(boltzmann_angle_density, 0.0, math.pi / 2, args=(300.0,))[0], 10)
    1.0
    """
    system = _CELL if system is None else system
    theta = np.asarray(theta, dtype=float)
    inside = (theta >= 0.0) & (theta <= 0.5 * math.pi)
    return np.where(inside, _angle_weight(system, T, np.where(inside, theta, 0.0)) / _angle_norm(system, T), 0.0)


def _angle_weight(system, T, angle):
    """``sin(theta) exp(-Phi)`` relative to the bottom of the well at ``x = m.u = -1``."""
    x = -np.cos(np.clip(angle, 0.0, 0.5 * math.pi))
    return np.sin(angle) * np.exp(-(effective_potential(system, T, x) - effective_potential(system, T, -1.0)))


@functools.lru_cache(maxsize=64)
def _angle_norm(system, T):
    """The quadrature of :func:`_angle_weight` over the well (kept: 20 ms that every explorer frame would repeat)."""
    return integrate.quad(lambda angle: _angle_weight(system, T, angle), 0.0, 0.5 * math.pi, epsabs=0.0,
                          epsrel=1e-12, limit=200)[0]


# --------------------------------------------------------------------------- the thermal ensemble on the sphere


def ensemble_sphere_figure(T=300.0, current_ratio=1.5, time=10e-9, *, n=300, seed=1):
    """An ensemble of macrospins on the sphere, after a time under a constant current.

    ``n`` copies of the preset start in the AP well (``m`` near ``-z``, the
    polarizer is ``+z``) with directions drawn from the Boltzmann distribution
    at ``T`` (:func:`sttlab.thermal.boltzmann_states`; at ``T = 0`` all start
    exactly at ``-z``), and evolve for ``time`` under the stochastic LLG
    equation (:func:`sttlab.thermal.simulate_ensemble`) with the current
    ``I = current_ratio I_c0`` switched on at ``t = 0``. Left: where they are
    (blue: still on the AP side of the equator, red: past it). Right: the
    histogram of their polar angle ``theta`` against the zero-current
    Boltzmann density of the AP well (:func:`boltzmann_angle_density`).

    Parameters
    ----------
    T : float, optional
        Temperature in K, in [0, 1000].
    current_ratio : float, optional
        ``I / I_c0`` (> 0 pushes towards P), in [-5, 5].
    time : float, optional
        Time in s since the current was switched on, in [0, 50e-9].
    n : int, optional
        Ensemble size, in [1, 20000].
    seed : int, optional
        Seed of the initial directions; the run uses ``seed + 1``.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.axes[0]`` (sphere; its two point sets have gids ``"ap-side"`` and
        ``"p-side"``) and ``fig.axes[1]`` (histogram of ``theta`` in degrees,
        density line labelled ``"Boltzmann..."``).

    Examples
    --------
    >>> fig = ensemble_sphere_figure(current_ratio=1.5, time=10e-9, n=300)
    >>> [t.get_text() for t in fig.axes[1].texts if t.get_gid() == "past"]  # members past the equator
    ['57.7 %']
    """
    T = check.in_range("T", T, 0.0, 1000.0)
    ratio = check.in_range("current_ratio", current_ratio, -5.0, 5.0)
    time = check.in_range("time", time, 0.0, 50e-9)
    n = check.count("n", n, 1, 20_000)
    seed = check.seed("seed", seed)
    J = ratio * _CELL.Jc0()
    if T > 0.0:
        m = boltzmann_states(_CELL, T, n, around=_AP, seed=seed)
    else:
        m = np.tile(_AP, (n, 1))
    if time > 0.0:
        m = simulate_ensemble(_CELL, m, time, T=T, seed=seed + 1, current_density=J).m
    theta_deg = np.degrees(np.arccos(np.clip(m[:, 2], -1.0, 1.0)))
    past = m[:, 2] > 0.0

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.8))
        ax3 = fig.add_axes((0.0, 0.0, 0.36, 0.92), projection="3d")
        draw_unit_sphere(ax3, axes="xy")
        draw_vector(ax3, (0.0, 0.0, 1.3), "$p$", color=PALETTE["black"])
        for mask, color, gid in ((~past, _UNSWITCHED, "ap-side"), (past, _SWITCHED, "p-side")):
            ax3.scatter(*m[mask].T, s=4.0, color=color, depthshade=False, linewidths=0, gid=gid)
        fig.text(0.18, 0.955, f"{n} macrospins at t = {time * 1e9:.3g} ns", ha="center", va="center",
                 fontsize=STYLE["axes.titlesize"])

        ax = fig.add_axes((0.43, 0.15, 0.33, 0.7))
        bins = np.linspace(0.0, 180.0, 61)
        ax.hist(theta_deg, bins=bins, density=True, histtype="stepfilled", color=PALETTE["sky_blue"], alpha=0.8,
                label="ensemble")
        if T > 0.0:
            grid = np.linspace(90.0, 180.0, 721)
            density = boltzmann_angle_density(np.radians(180.0 - grid), T) * math.pi / 180.0  # per degree
            ax.plot(grid, density, color=PALETTE["black"], linewidth=1.2,
                    label="Boltzmann, AP well, $I = 0$")
        ax.axvline(90.0, color="0.75", linewidth=0.6, zorder=0)
        ax.set_xlim(0.0, 180.0)
        ax.set_xticks(np.arange(0, 181, 30))
        ax.set_xlabel("polar angle $\\theta$ of $m$ from $p$ (deg)")
        ax.set_ylabel("probability density (1/deg)")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8.5)
        draw_value_table(ax, [
            ("$T$", f"{T:.0f} K"),
            ("$\\Delta$", f"{_CELL.free.Delta(T):.1f}" if T > 0.0 else "∞"),
            ("$I/I_{c0}$", minus_signs(f"{ratio:.2f}")),
            ("$t$", f"{time * 1e9:.3g} ns"),
            ("$m_z > 0$", f"{100.0 * np.mean(past):.1f} %"),
        ], x=1.4, y=0.95, dy=0.1, fontsize=9)[-1].set_gid("past")
    return fig


# --------------------------------------------------------------------------- the Boltzmann distribution


def boltzmann_figure(T=300.0, *, alphas=(0.01, 0.03), n=3000, duration=12e-9, seed=2):
    """The stochastic LLG finds the Boltzmann distribution, at a rate set by the damping.

    ``n`` copies of the preset start exactly at ``-z`` (as if cold) and
    evolve with no current at ``T`` (:func:`sttlab.thermal.simulate_ensemble`),
    once for each damping in ``alphas``. Left: the histogram of the polar angle
    ``theta`` from ``-z`` at the end of the first run against
    :func:`boltzmann_angle_density`. Right: the ensemble mean of
    ``sin^2 theta`` against time for every damping, approaching the same
    Boltzmann average (dashed) over a few relaxation times
    ``tau_D = (1 + alpha^2) / (alpha gamma mu0 H_k,eff)``.

    Parameters
    ----------
    T : float, optional
        Temperature in K, in [50, 1000].
    alphas : sequence of float, optional
        Damping constants, each in [0.002, 1] (one to four of them).
    n : int, optional
        Ensemble size per run, in [100, 50000].
    duration : float, optional
        Simulated time in s, in (0, 100e-9].
    seed : int, optional
        Master seed (each run uses ``seed + k``).

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: the histogram (degrees; Boltzmann line labelled ``"Boltzmann..."``)
        and ``<sin^2 theta>`` against time in ns (one line per damping, labelled
        ``"α = ..."``; the Boltzmann average labelled ``"Boltzmann..."``).

    Examples
    --------
    A small, short ensemble (the default one takes seconds):

    >>> fig = boltzmann_figure(n=200, duration=2e-9)
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['angle $\\\\theta$ from the easy axis (deg)', 'time $t$ (ns)']
    """
    T = check.in_range("T", T, 50.0, 1000.0)
    alphas = np.atleast_1d(np.asarray(alphas, dtype=float))
    if alphas.ndim != 1 or not 1 <= alphas.size <= 4:
        raise ValueError(f"alphas must hold one to four damping constants, got {alphas!r}")
    alphas = [check.in_range("alphas", a, 0.002, 1.0) for a in alphas]
    n = check.count("n", n, 100, 50_000)
    duration = check.in_range("duration", duration, 0.0, 100e-9, low_open=True)
    seed = check.seed("seed", seed)
    Delta = _CELL.free.Delta(T)
    frames = 100
    runs = []
    for k, alpha in enumerate(alphas):
        cell = _with_alpha(alpha)
        run = _record_all(cell, T, n, duration, frames, seed + k)
        runs.append((alpha, cell.free.relaxation_time, run))
    theta = np.arccos(np.clip(-runs[0][2].m[:, 2], -1.0, 1.0))
    mean_sin2 = integrate.quad(lambda x: math.sin(x) ** 2 * boltzmann_angle_density(x, T), 0.0, 0.5 * math.pi,
                               points=[1.0 / math.sqrt(2.0 * Delta)])[0]

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.5))
        ax = fig.add_axes((0.08, 0.15, 0.38, 0.68))
        top = min(90.0, math.degrees(5.0 / math.sqrt(Delta)))
        bins = np.linspace(0.0, top, 41)
        ax.hist(np.degrees(theta), bins=bins, density=True, histtype="stepfilled", color=PALETTE["sky_blue"],
                alpha=0.85, label=f"stochastic LLG, {n} spins")
        grid = np.linspace(0.0, top, 400)
        ax.plot(grid, boltzmann_angle_density(np.radians(grid), T) * math.pi / 180.0, color=PALETTE["black"],
                label="Boltzmann $\\propto \\sin\\theta\\,e^{-\\Delta\\sin^2\\theta}$")
        mode = math.degrees(1.0 / math.sqrt(2.0 * Delta))
        ax.axvline(mode, color=PALETTE["vermillion"], linewidth=1.0, linestyle=(0, (4, 2)), gid="mode")
        ax.set_xlim(0.0, top)
        ax.set_xlabel("angle $\\theta$ from the easy axis (deg)")
        ax.set_ylabel("probability density (1/deg)")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=8.5)
        ax.text(0.97, 0.95, f"Δ = {Delta:.1f}\npeak at 1/√(2Δ) = {mode:.1f}°",
                transform=ax.transAxes, ha="right", va="top", fontsize=9, color=PALETTE["vermillion"])

        ax2 = fig.add_axes((0.6, 0.15, 0.38, 0.68))
        colors = (PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"])
        for (alpha, tau, run), color in zip(runs, colors):
            sin2 = 1.0 - run.trajectories[:, :, 2] ** 2
            ax2.plot(run.t * 1e9, sin2.mean(axis=1), color=color,
                     label=f"α = {alpha:g},  τ_D = {tau * 1e9:.2g} ns")
        ax2.axhline(mean_sin2, color=PALETTE["black"], linestyle=(0, (4, 3)), linewidth=1.1,
                    label="Boltzmann average")
        ax2.set_xlim(0.0, duration * 1e9)
        ax2.set_ylim(0.0, 1.6 * mean_sin2)
        ax2.set_xlabel("time $t$ (ns)")
        ax2.set_ylabel("$\\langle\\sin^2\\theta\\rangle$")
        ax2.legend(loc="lower right", fontsize=8.5)
    return fig


def _record_all(cell, T, n, duration, frames, seed):
    """An ensemble from ``-z`` with every member's direction kept ``frames`` times, at the default step or finer."""
    default = DEFAULT_PHASE_STEP / (gamma * mu0 * field_scale(pack(cell)))
    every = math.ceil(duration / (frames * default))
    return simulate_ensemble(cell, _AP, duration, T=T, n=n, seed=seed, dt=duration / (frames * every), record=n,
                             save_every=every)


# --------------------------------------------------------------------------- Neel-Brown escape


def _with_delta(Delta, alpha):
    """The preset's free layer at another diameter (``Delta`` at 300 K scales with the area) and damping."""
    free = _CELL.free
    diameter = free.geometry.diameter * math.sqrt(Delta / free.Delta(300.0))
    return dataclasses.replace(free, geometry=Cylinder(diameter=diameter, thickness=free.thickness), alpha=alpha)


def escape_rate_figure(*, Deltas=(2.5, 3.5, 5.0), n=400, alpha=0.1, seed=4):
    """Escape over the barrier: Brown's asymptote, the exact Fokker-Planck rate and stochastic-LLG ensembles.

    Free layers of the preset's stack at 300 K with the diameter chosen for
    each ``Delta`` (``Delta`` grows with the area). Lines, against ``Delta``:
    Brown's ``f0 exp(-Delta)`` (:func:`sttlab.thermal.neel_brown_rate`), the
    exact escape rate ``Gamma`` (:func:`sttlab.fokker_planck.escape_rate`,
    from the lowest eigenvalue) and ``1 / tau`` with ``tau`` the mean
    first-passage time from the well bottom ``x = m.u = -1`` to ``x = 0.5``
    (:func:`sttlab.fokker_planck.mean_first_passage_time`), all times
    ``tau_D``, which makes them independent of the damping. Points: ``n``
    members at each of ``Deltas`` started at ``x = -1`` and stopped when
    ``x > 0.5`` (:func:`sttlab.thermal.simulate_ensemble`, damping ``alpha``,
    Heun step ``tau_D / 200`` or finer), ``1 / <t>`` with its standard error.
    Left: the rates up to ``Delta = 12`` (logarithmic); right: each divided by
    Brown's, up to ``Delta = 60``.

    Parameters
    ----------
    Deltas : sequence of float, optional
        Barriers of the ensemble points, each in [1.5, 8] (at most five).
    n : int, optional
        Members per point, in [50, 20000].
    alpha : float, optional
        Damping of the simulated magnets, in [0.05, 1].
    seed : int, optional
        Master seed (point ``k`` uses ``seed + k``).

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes (the left one up to ``Delta`` = 12); each has lines labelled ``"Brown..."``,
        ``"exact..."`` and ``"1 / mean time..."`` and the ensemble points as an errorbar container
        (gid ``"ensemble"`` on its line).

    Examples
    --------
    >>> fig = escape_rate_figure(Deltas=(2.5,), n=50)
    >>> fig.axes[1].get_ylabel()
    "rate / Brown's"
    """
    Deltas = np.atleast_1d(np.asarray(Deltas, dtype=float))
    if Deltas.ndim != 1 or Deltas.size > 5:
        raise ValueError(f"Deltas must hold at most five barriers, got {Deltas!r}")
    Deltas = np.array([check.in_range("Deltas", d, 1.5, 8.0) for d in Deltas])
    n = check.count("n", n, 50, 20_000)
    alpha = check.in_range("alpha", alpha, 0.05, 1.0)
    seed = check.seed("seed", seed)
    T = 300.0
    grid = np.geomspace(2.0, 60.0, 90)
    magnets = [_with_delta(D, alpha) for D in grid]
    tau_D = magnets[0].relaxation_time  # the same for every diameter
    brown = np.array([neel_brown_rate(m, T) for m in magnets]) * tau_D
    exact = np.array([escape_rate(m, T) for m in magnets]) * tau_D
    first = np.array([1.0 / mean_first_passage_time(m, T, -1.0, ESCAPE_X) for m in magnets]) * tau_D
    points, errors = [], []
    for k, D in enumerate(Deltas):
        magnet = _with_delta(D, alpha)
        expected = mean_first_passage_time(magnet, T, -1.0, ESCAPE_X)
        dt = min(magnet.relaxation_time / 200.0, DEFAULT_PHASE_STEP / (gamma * mu0 * field_scale(pack(magnet))))
        run = simulate_ensemble(magnet, _AP, 40.0 * expected, T=T, n=n, seed=seed + k, dt=dt, threshold=ESCAPE_X,
                                stop_on_switch=True)
        done = run.switching_times[np.isfinite(run.switching_times)]
        mean = float(done.mean())  # the few (about e^-40) unfinished members are left out
        points.append(tau_D / mean)
        errors.append(tau_D / mean * float(done.std(ddof=1)) / math.sqrt(done.size) / mean)
    points, errors = np.array(points), np.array(errors)
    brown_at = np.array([neel_brown_rate(_with_delta(D, alpha), T) for D in Deltas]) * tau_D

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.6))
        left, right = fig.add_axes((0.085, 0.15, 0.38, 0.66)), fig.add_axes((0.6, 0.15, 0.38, 0.66))
        near = grid <= LEFT_DELTA_MAX
        for ax, scale, scale_points, keep in ((left, 1.0, 1.0, near), (right, brown, brown_at, slice(None))):
            scale = scale if np.ndim(scale) == 0 else scale[keep]
            ax.plot(grid[keep], brown[keep] / scale, color=PALETTE["black"], linestyle=(0, (4, 3)), linewidth=1.2,
                    label="Brown, $f_0 e^{-\\Delta}$")
            ax.plot(grid[keep], exact[keep] / scale, color=PALETTE["blue"], linewidth=1.8,
                    label="exact, Fokker-Planck")
            ax.plot(grid[keep], first[keep] / scale, color=PALETTE["green"], linestyle=":", linewidth=1.4,
                    label=f"1 / mean time to $x = {ESCAPE_X:g}$")
            bars = ax.errorbar(Deltas, points / scale_points, yerr=errors / scale_points, fmt="o", markersize=5,
                               color=PALETTE["vermillion"], capsize=3, label=f"stochastic LLG, {n} each")
            bars.lines[0].set_gid("ensemble")
            ax.set_xscale("log")
            ax.set_xlabel("thermal stability factor $\\Delta$")
        left.set_xlim(grid[0], LEFT_DELTA_MAX)
        left.set_xticks([2, 3, 5, 7, 10], ["2", "3", "5", "7", "10"])
        left.set_xticks([], minor=True)
        left.set_yscale("log")
        left.set_ylabel("escape rate $\\times\\ \\tau_D$")
        left.legend(loc="lower left", fontsize=8.5)
        right.set_xlim(grid[0], grid[-1])
        right.set_xticks([2, 3, 5, 10, 20, 40, 60], ["2", "3", "5", "10", "20", "40", "60"])
        right.set_xticks([], minor=True)
        right.axhline(1.0, color="0.8", linewidth=0.6, zorder=0)
        right.set_ylim(0.6, 1.1)
        right.set_ylabel("rate / Brown's")
        for D in (5.0, 10.0):
            value = float(np.interp(math.log(D), np.log(grid), exact / brown))
            right.annotate(f"{100.0 * (value - 1.0):+.0f} %".replace("-", "\N{MINUS SIGN}"), xy=(D, value),
                           xytext=(0.0, -18.0), textcoords="offset points", ha="center", fontsize=9,
                           color=PALETTE["blue"], arrowprops={"arrowstyle": "-", "color": PALETTE["blue"],
                                                              "linewidth": 0.6})
    return fig

