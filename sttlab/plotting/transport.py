"""Chapter 2 figures: the two-current model, the spin accumulation in a spacer, and a spin valve.

Each figure function takes SI arguments, validates them (a bad value raises
:class:`ValueError` naming the parameter) and returns a
:class:`matplotlib.figure.Figure`. All the physics is :mod:`sttlab.transport`
and :mod:`sttlab.valet_fert`; these functions only draw it. The explorers in
:mod:`sttlab.explorers.transport` call the same functions, and the defaults are
the explorers' start values.

Examples
--------
>>> fig = polarization_figure(sigma_ratio=3.0)  # PHYSICS.md case 8: P = 0.5
>>> [t.get_text() for t in fig.axes[1].texts if t.get_gid() == "P"]
['P = 0.500']
>>> fig = spin_accumulation_figure(thickness=10e-9, lambda_sf=3e-9)  # a Pt-like spacer
>>> fig.axes[0].get_xlabel()
'depth $x$ into the spacer (nm)'
>>> fig = spin_valve_figure()  # Py/Cu/Py, 10 nm each, parallel and antiparallel
>>> [t.get_text() for ax in fig.axes for t in ax.texts if t.get_gid() == "gmr"]
['60.8%']
"""

from __future__ import annotations

import math

import matplotlib as mpl
import numpy as np

from .. import _validate as check
from ..constants import e
from ..transport import (FAR_BOUNDARIES, material, material_names, polarization, spin_accumulation,
                         spin_current_density, spin_diffusion_steady, spin_transmission, two_current_resistance)
from ..valet_fert import Layer, spin_valve, spin_valve_resistance, valet_fert_fd
from .common import PALETTE, STYLE, draw_value_table, minus_signs, new_figure, sparse_log_minor_ticks

#: Finite-difference resolution of :func:`spin_accumulation_figure`, grid intervals per lambda_sf,
#: and the smallest and largest number of intervals across the spacer.
POINTS_PER_LAMBDA = 20
MIN_INTERVALS, MAX_INTERVALS = 40, 40_000

_UP, _DOWN = PALETTE["blue"], PALETTE["vermillion"]


def polarization_figure(sigma_ratio=3.0, *, J_c=1e11):
    """Mott's two-current picture: channel shares, ``P`` against the conductivity ratio, the spin current.

    Left: the share of the current carried by each spin channel,
    ``sigma_s / (sigma_up + sigma_down)``. Middle: ``P`` of
    :func:`sttlab.transport.polarization` against ``sigma_up / sigma_down``
    (logarithmic), with this ratio marked. Right: the spin-current density
    ``J_s`` of :func:`sttlab.transport.spin_current_density` against the
    charge-current density for this ``P``, next to a half metal's ``P = 1``,
    with ``J_c`` marked.

    Parameters
    ----------
    sigma_ratio : float, optional
        Conductivity ratio ``sigma_up / sigma_down`` of the two spin channels (> 0;
        up = majority, along the magnetization). The default 3 gives ``P = 0.5``.
    J_c : float, optional
        Charge-current density in A/m^2 (> 0) at which the spin current is read off.

    Returns
    -------
    matplotlib.figure.Figure
        Three Axes: channel shares, ``P`` against the ratio, ``J_s`` (uJ/m^2) against ``J_c`` (1e11 A/m^2).

    Examples
    --------
    >>> fig = polarization_figure(sigma_ratio=9.0)  # P = (9 - 1) / (9 + 1)
    >>> [t.get_text() for t in fig.axes[1].texts if t.get_gid() == "P"]
    ['P = 0.800']
    """
    ratio = check.positive("sigma_ratio", sigma_ratio)
    J_c = check.positive("J_c", J_c, "A/m^2")
    if not 1e-6 <= ratio <= 1e6:
        raise ValueError(f"sigma_ratio must lie in [1e-06, 1000000.0], got {ratio!r}")
    sigma_up, sigma_down = ratio, 1.0  # only the ratio matters
    P = polarization(sigma_up, sigma_down)
    z = (0.0, 0.0, 1.0)
    J_s = spin_current_density(J_c, P, z)[2]

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.5))

        # left: the two channels in parallel
        ax = fig.add_axes((0.065, 0.16, 0.2, 0.66))
        shares = np.array([sigma_up, sigma_down]) / (sigma_up + sigma_down)
        bars = ax.bar([0, 1], 100.0 * shares, width=0.6, color=[_UP, _DOWN])
        for bar, share in zip(bars, shares):
            ax.text(bar.get_x() + bar.get_width() / 2, 100.0 * share + 2.0, f"{100.0 * share:.0f} %",
                    ha="center", va="bottom", fontsize=9.5)
        ax.set_xticks([0, 1], ["spin ↑\n(majority)", "spin ↓\n(minority)"])
        ax.set_xlim(-0.6, 1.6)
        ax.set_ylim(0.0, 115.0)
        ax.set_yticks([0, 25, 50, 75, 100])
        ax.set_ylabel("share of the current (%)")
        ax.set_title("two channels in parallel")

        # middle: P against the conductivity ratio
        ax2 = fig.add_axes((0.37, 0.16, 0.27, 0.66))
        low = min(1e-2, ratio / 3.0)
        high = max(1e2, ratio * 3.0)
        grid = np.geomspace(low, high, 301)
        ax2.semilogx(grid, [polarization(r, 1.0) for r in grid], color=PALETTE["black"],
                     label="$P = (\\sigma_\\uparrow - \\sigma_\\downarrow)/(\\sigma_\\uparrow + \\sigma_\\downarrow)$")
        for level in (-1.0, 0.0, 1.0):
            ax2.axhline(level, color="0.82", linewidth=0.6, zorder=0)
        ax2.plot([ratio], [P], marker="o", markersize=7, color=PALETTE["orange"], zorder=5, gid="point")
        ax2.plot([ratio, ratio], [-1.15, P], color=PALETTE["orange"], linewidth=0.8, linestyle=":")
        ax2.text(ratio * 1.35 if ratio < 10 else ratio / 1.35, P - 0.08, f"P = {minus_signs(f'{P:.3f}')}",
                 ha="left" if ratio < 10 else "right", va="top", color=PALETTE["orange"], gid="P")
        ax2.set_xlim(low, high)
        sparse_log_minor_ticks(ax2.xaxis)
        ax2.set_ylim(-1.15, 1.15)
        ax2.set_xlabel("conductivity ratio $\\sigma_\\uparrow/\\sigma_\\downarrow$")
        ax2.set_ylabel("spin polarization $P$")
        ax2.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=9)

        # right: the spin current it carries
        ax3 = fig.add_axes((0.73, 0.16, 0.255, 0.66))
        J = np.linspace(0.0, 2.0 * J_c, 21)
        scale_J, scale_s = 1e-11, 1e6  # 1e11 A/m^2, uJ/m^2
        ax3.plot(J * scale_J, [spin_current_density(j, 1.0, z)[2] * scale_s for j in J], color="0.55",
                 linestyle=(0, (4, 3)), linewidth=1.1, label="half metal, $P = 1$")
        ax3.plot(J * scale_J, [spin_current_density(j, P, z)[2] * scale_s for j in J], color=PALETTE["green"],
                 label="this $P$")
        ax3.plot([J_c * scale_J], [J_s * scale_s], marker="o", markersize=7, color=PALETTE["orange"], zorder=5)
        ax3.axhline(0.0, color="0.82", linewidth=0.6, zorder=0)
        ax3.set_xlim(0.0, 2.0 * J_c * scale_J)
        ax3.set_xlabel("charge current $J_c$ ($10^{11}$ A/m$^2$)")
        ax3.set_ylabel("spin current $J_s$ (μJ/m$^2$)")
        ax3.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=1, fontsize=8.5)
        ax3.text(0.04, 0.96, f"$J_s = P\\,\\frac{{\\hbar}}{{2e}}\\,J_c$", transform=ax3.transAxes, ha="left",
                 va="top", fontsize=10)
        ax3.text(0.04, 0.8, minus_signs(f"{J_s * scale_s:#.3g} μJ/m²"), transform=ax3.transAxes, ha="left",
                 va="top", fontsize=9.5, color=PALETTE["orange"], gid="J_s")
        ax3.text(0.04, 0.7, f"at {J_c:.2e} A/m²".replace("e+", "e"), transform=ax3.transAxes, ha="left",
                 va="top", fontsize=9, color="0.3")
    return fig


def _grid_intervals(thickness, lambda_sf):
    """Grid intervals for the finite-difference profile: 20 per lambda_sf, within the bounds above."""
    return int(min(MAX_INTERVALS, max(MIN_INTERVALS, math.ceil(POINTS_PER_LAMBDA * thickness / lambda_sf))))


def spin_accumulation_figure(thickness=10e-9, lambda_sf=350e-9, far="absorbing"):
    """Spin accumulation ``mu_s(x) / mu_s(0)`` through a normal-metal spacer, closed form and finite differences.

    The line is :func:`sttlab.transport.spin_accumulation` with the far
    boundary ``far``; the points are :func:`sttlab.transport.spin_diffusion_steady`
    at 20 grid intervals per ``lambda_sf`` (at least 40 and at most 40 000
    across the spacer; about 25 of them are drawn). The dotted line is the
    semi-infinite ``exp(-x / lambda_sf)``. ``lambda_sf`` is marked when it lies
    inside the spacer. The fraction that reaches the far side
    (:func:`sttlab.transport.spin_transmission`) and the largest deviation of the
    finite-difference points from the closed form are written on the figure.
    The defaults are a 10 nm Cu-like spacer (``lambda_sf`` = 350 nm at room temperature).

    Parameters
    ----------
    thickness : float, optional
        Spacer thickness in m, in (0, 1e-5].
    lambda_sf : float, optional
        Spin-diffusion length in m, in (0, 1e-5].
    far : {"absorbing", "reflecting"}, optional
        ``mu_s = 0`` at ``x = thickness`` (an ideal spin sink, e.g. a
        ferromagnet that absorbs the transverse spin) or no spin current there.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes: ``mu_s / mu_s(0)`` against depth in nm.

    Examples
    --------
    A reflecting far side one ``lambda_sf`` away keeps ``1 / cosh(1)`` of the accumulation:

    >>> fig = spin_accumulation_figure(thickness=350e-9, far="reflecting")
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "surviving"]
    ['0.6481']
    """
    L = check.in_range("thickness", thickness, 0.0, 1e-5, low_open=True)
    lam = check.in_range("lambda_sf", lambda_sf, 0.0, 1e-5, low_open=True)
    check.choice("far", far, FAR_BOUNDARIES)
    n = _grid_intervals(L, lam)
    x = np.linspace(0.0, L, 801)
    exact = spin_accumulation(x, 1.0, lam, L=L, far=far)
    semi = spin_accumulation(x, 1.0, lam)
    fd = spin_diffusion_steady(L, lam, n, mu_s0=1.0, far=far)
    error = float(np.max(np.abs(fd.mu_s - spin_accumulation(fd.x, 1.0, lam, L=L, far=far))))
    fraction = spin_transmission(L, lam)
    every = max(1, n // 24)
    nm = 1e9

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.6))
        ax = fig.add_axes((0.08, 0.15, 0.57, 0.72))
        ax.plot(x * nm, semi, color="0.55", linestyle=":", linewidth=1.2,
                label="semi-infinite metal, $e^{-x/\\lambda_{\\rm sf}}$")
        ax.plot(x * nm, exact, color=PALETTE["blue"], linewidth=1.8, label=f"exact, {far} far side")
        ax.plot(fd.x[::every] * nm, fd.mu_s[::every], linestyle="none", marker="o", markersize=4.5,
                markerfacecolor="white", markeredgecolor=PALETTE["vermillion"], markeredgewidth=1.1,
                label=f"finite differences ({n} intervals)")
        ax.set_xlim(0.0, L * nm)
        ax.set_ylim(-0.03, 1.12)
        ax.axhline(0.0, color="0.85", linewidth=0.6, zorder=0)
        ax.set_xlabel("depth $x$ into the spacer (nm)")
        ax.set_ylabel("spin accumulation $\\mu_s(x)\\,/\\,\\mu_s(0)$")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8.5, handlelength=1.8,
                  columnspacing=1.0)
        if lam <= L:
            ax.axvline(lam * nm, color=PALETTE["green"], linewidth=1.0, linestyle=(0, (5, 3)), gid="lambda")
            ax.text(lam * nm, 1.08, " $x = \\lambda_{\\rm sf}$", color=PALETTE["green"], ha="left", va="center",
                    fontsize=9)
        # the far side
        y_end = float(exact[-1])
        ax.plot([L * nm], [y_end], marker="s", markersize=6, color=PALETTE["orange"], clip_on=False, zorder=6)

        what = ("spin current reaching the sink, $j_s(L)/j_s(0)$" if far == "absorbing" else
                "accumulation at the far side, $\\mu_s(L)/\\mu_s(0)$")
        ax.text(1.04, 0.98, "what reaches the far side:", transform=ax.transAxes, ha="left", va="top",
                fontsize=9.5)
        ax.text(1.04, 0.9, what, transform=ax.transAxes, ha="left", va="top", fontsize=8.5, color="0.25")
        ax.text(1.04, 0.8, f"{fraction:.4g}" if fraction >= 1e-4 else f"{fraction:.2e}", transform=ax.transAxes,
                ha="left", va="top", fontsize=13, color=PALETTE["orange"], gid="surviving")
        values = draw_value_table(ax, [
            ("thickness $L$", f"{L * nm:.4g} nm"),
            ("$\\lambda_{\\rm sf}$", f"{lam * nm:.4g} nm"),
            ("$L/\\lambda_{\\rm sf}$", f"{L / lam:.3g}"),
            ("FD error", f"{error:.1e}"),
        ], x=1.25, y=0.52, dy=0.1, fontsize=9.5)
        values[-1].set_gid("fd-error")
        ax.text(1.04, 0.08, "FD error: largest |finite differences − exact|", transform=ax.transAxes,
                ha="left", va="top", fontsize=8, color="0.4")
    return fig


#: Finite-volume resolution of :func:`spin_valve_figure`, cells per lambda_sf in each layer, and the
#: smallest and largest number of cells per layer.
CELLS_PER_LAMBDA = 20
MIN_CELLS, MAX_CELLS = 30, 4000


def spin_valve_figure(t_F=10e-9, t_N=10e-9, *, ferromagnet="Py", spacer="Cu", J_c=1e11):
    """Spin accumulation and spin current through an F/N/F spin valve, parallel and antiparallel.

    The stack F(``t_F``)/N(``t_N``)/F(``t_F``) between unpolarized reservoirs,
    with the :func:`sttlab.transport.material` presets, solved in closed form by
    :func:`sttlab.valet_fert.spin_valve` (lines) and by finite volumes,
    :func:`sttlab.valet_fert.valet_fert_fd` at 20 cells per ``lambda_sf`` (at least
    30 and at most 4000 per layer; circles, about 15 per layer drawn). Top: the
    spin accumulation ``mu_s / e`` in uV. Bottom: the spin-current polarization
    ``j_s / J_c``, with the magnets' bulk ``+-beta`` dashed. Beside them: ``AR_P``,
    ``AR_AP`` and the GMR of :func:`sttlab.valet_fert.spin_valve_resistance`,
    the GMR of the two-current model (:func:`sttlab.transport.two_current_resistance`,
    no spin flip) and the largest finite-volume deviation.

    Parameters
    ----------
    t_F, t_N : float, optional
        Thicknesses of each magnet and of the spacer in m, in (0, 1e-6].
    ferromagnet, spacer : str, optional
        Names from :func:`sttlab.transport.material_names`.
    J_c : float, optional
        Charge-current density in A/m^2, in (0, 1e13]; electrons flow from the left magnet to the right one.

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes sharing ``x`` (nm, 0 at the first interface): ``mu_s / e`` (uV) and ``j_s / J_c``.

    Examples
    --------
    A 300 nm copper spacer, comparable with its spin-diffusion length, lowers the GMR tenfold:

    >>> fig = spin_valve_figure(t_N=300e-9)
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "gmr"]
    ['6.0%']
    """
    t_F = check.in_range("t_F", t_F, 0.0, 1e-6, low_open=True)
    t_N = check.in_range("t_N", t_N, 0.0, 1e-6, low_open=True)
    J_c = check.in_range("J_c", J_c, 0.0, 1e13, low_open=True)
    check.choice("ferromagnet", ferromagnet, material_names())
    check.choice("spacer", spacer, material_names())
    F, N = material(ferromagnet), material(spacer)
    cells = [int(min(MAX_CELLS, max(MIN_CELLS, math.ceil(CELLS_PER_LAMBDA * t / m.lambda_sf))))
             for t, m in ((t_F, F), (t_N, N), (t_F, F))]
    resistance = spin_valve_resistance(F, t_F, N, t_N)
    two = two_current_resistance(F.rho, F.beta, t_F, N.rho, t_N)
    x = np.concatenate([np.linspace(a, b, 201) for a, b in ((-t_F, 0.0), (0.0, t_N), (t_N, t_N + t_F))])
    nm, uV = 1e9, 1e6 / e
    states = {}
    for antiparallel in (False, True):
        exact = spin_valve(F, t_F, N, t_N, J_c, antiparallel)
        layers = [Layer(F, t_F), Layer(N, t_N), Layer(F, t_F, antiparallel)]
        fd = valet_fert_fd(layers, J_c, cells=cells)
        states[antiparallel] = exact, fd
    profiles = np.concatenate([exact.mu_s(x) for exact, _ in states.values()])
    scale = float(np.max(np.abs(profiles)))
    error = max(float(np.max(np.abs(fd.mu_s - exact.mu_s(fd.x)))) for exact, fd in states.values())
    error = error / scale if scale > 0.0 else 0.0
    colors = {False: PALETTE["blue"], True: PALETTE["vermillion"]}
    names = {False: "parallel (P)", True: "antiparallel (AP)"}

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 5.4))
        top = fig.add_axes((0.115, 0.55, 0.55, 0.35))
        bottom = fig.add_axes((0.115, 0.1, 0.55, 0.35), sharex=top)
        for ax in (top, bottom):
            for a, b in ((-t_F, 0.0), (t_N, t_N + t_F)):
                ax.axvspan(a * nm, b * nm, color=PALETTE["orange"], alpha=0.12, linewidth=0, zorder=0)
            ax.axhline(0.0, color="0.8", linewidth=0.6, zorder=0)
        for antiparallel, (exact, fd) in states.items():
            color = colors[antiparallel]
            top.plot(x * nm, exact.mu_s(x) * uV, color=color, label=names[antiparallel], gid=f"mu-{int(antiparallel)}")
            bottom.plot(x * nm, exact.polarization(x), color=color, label=names[antiparallel],
                        gid=f"js-{int(antiparallel)}")
            every = [max(1, c // 15) for c in cells]
            picks = np.concatenate([np.arange(start, start + c, k) for start, c, k in
                                    zip(np.cumsum([0, *cells[:-1]]), cells, every)])
            top.plot(fd.x[picks] * nm, fd.mu_s[picks] * uV, linestyle="none", marker="o", markersize=3.8,
                     markerfacecolor="white", markeredgecolor=color, markeredgewidth=1.0,
                     label="finite volumes" if antiparallel else None, gid=f"fd-{int(antiparallel)}")
        for level in (F.beta, -F.beta):
            bottom.axhline(level, color="0.45", linewidth=0.9, linestyle=(0, (4, 3)), zorder=1)
        bottom.text(-t_F * nm, F.beta, f" bulk β = {F.beta:.2f}", ha="left", va="bottom", fontsize=8.5, color="0.3")
        top.set_xlim(-t_F * nm, (t_N + t_F) * nm)
        low, high = min(0.0, float(np.min(profiles))) * uV, max(0.0, float(np.max(profiles))) * uV
        pad = 0.1 * (high - low) if high > low else 1.0
        top.set_ylim(low - pad, high + pad)
        bottom.set_ylim(-1.12, 1.12)
        top.set_ylabel("spin accumulation\n$\\mu_s/e$ (μV)")
        bottom.set_ylabel("spin-current polarization\n$j_s/J_c$")
        bottom.set_xlabel("position $x$ (nm), electrons flow →")
        top.tick_params(labelbottom=False)
        for centre, label in ((-t_F / 2, ferromagnet), (t_N / 2, spacer), (t_N + t_F / 2, ferromagnet)):
            top.text(centre * nm, 1.02, label, transform=top.get_xaxis_transform(), ha="center", va="bottom",
                     fontsize=9.5, color="0.25")
        top.legend(loc="lower center", bbox_to_anchor=(0.5, 1.1), ncol=3, fontsize=9, handlelength=1.8)

        top.text(1.05, 1.0, "area resistance", transform=top.transAxes, ha="left", va="top", fontsize=9.5)
        fem = 1e15  # fOhm m^2
        values = draw_value_table(top, [
            ("$AR_P$", f"{resistance.AR_P * fem:.3f} fΩ m²"),
            ("$AR_{AP}$", f"{resistance.AR_AP * fem:.3f} fΩ m²"),
            ("GMR", f"{resistance.gmr:.1%}"),
            ("two-current GMR", f"{two.gmr:.1%}"),
        ], x=1.34, y=0.8, dy=0.13, fontsize=9)
        for text, gid in zip(values, ("AR_P", "AR_AP", "gmr", "gmr-two-current")):
            text.set_gid(gid)
        bottom.text(1.05, 1.0, "two-current model: no spin flip,\n$\\lambda_{\\rm sf} \\to \\infty$",
                    transform=bottom.transAxes, ha="left", va="top", fontsize=8, color="0.35")
        values = draw_value_table(bottom, [
            ("$\\lambda_{\\rm sf}$ of " + ferromagnet, f"{F.lambda_sf * nm:.3g} nm"),
            ("$\\lambda_{\\rm sf}$ of " + spacer, f"{N.lambda_sf * nm:.3g} nm"),
            ("FV error", f"{error:.1e}"),
        ], x=1.34, y=0.55, dy=0.14, fontsize=9)
        values[-1].set_gid("fd-error")
        bottom.text(1.05, 0.12, "FV error: largest |finite volumes − exact|\nover the largest |$\\mu_s$|",
                    transform=bottom.transAxes, ha="left", va="top", fontsize=7.5, color="0.4")
    return fig
