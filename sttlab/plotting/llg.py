"""Chapter 1 figures: Larmor precession with damping, and the energy barrier of a PMA film.

Each figure function takes SI arguments, validates them (a bad value raises
:class:`ValueError` naming the parameter) and returns a
:class:`matplotlib.figure.Figure`. The explorers in :mod:`sttlab.explorers.llg`
call the same functions, so the static figure in the book and the live one are
the same drawing; the function's defaults are the explorer's start values.

Examples
--------
>>> fig = precession_figure(field_T=0.2, alpha=0.1, theta0_deg=45.0)
>>> [ax.name for ax in fig.axes]
['3d', 'rectilinear']
>>> fig = energy_landscape_figure()  # the CoFeB/MgO preset at 300 K
>>> fig.axes[0].get_ylabel()
'energy $E(\\\\theta)\\\\,/\\\\,k_B T$'
"""

from __future__ import annotations

import math

import matplotlib as mpl
import numpy as np

from .. import _validate as check
from ..constants import gamma, kB, mu0
from ..dynamics import simulate
from ..llg import energy, larmor_solution
from ..params import Cylinder, Magnet, preset
from .common import (COMPONENT_COLORS, PALETTE, STYLE, draw_trajectory, draw_unit_sphere, draw_value_table,
                     draw_vector, new_figure)

# Precession in a uniform field along z with no anisotropy and no demagnetization
# does not depend on Ms or on the size of the magnet; these only make a Magnet.
_PRECESSION_MS = 1.0e6
_PRECESSION_GEOMETRY = Cylinder(diameter=40e-9, thickness=1e-9)

# The energy figure starts from the CoFeB/MgO preset (Ikeda et al. 2010).
_COFEB = preset("cofeb_mgo_40nm").free


def precession_figure(field_T=0.1, alpha=0.05, theta0_deg=60.0, *, duration=None, steps_per_period=100):
    """Damped Larmor precession of a macrospin in a field along z.

    A :class:`~sttlab.params.Magnet` with no anisotropy and demagnetization
    ``(0, 0, 0)`` is integrated with :func:`sttlab.simulate` (fixed-step RK4).
    Left: the trajectory on the unit sphere. Right: ``m_x, m_y, m_z`` against
    time, with the exact ``m_z(t)`` of :func:`sttlab.llg.larmor_solution` dashed on top.

    Parameters
    ----------
    field_T : float, optional
        Applied field ``mu0 H`` along +z in T, in (0, 100].
    alpha : float, optional
        Gilbert damping, in (0, 1].
    theta0_deg : float, optional
        Initial angle between m and the field in degrees, in (0, 180).
    duration : float or None, optional
        Simulated time in s, at most 1000 precession periods. Default: four
        relaxation times ``(1 + alpha^2) / (alpha omega)``, but at least 3 and
        at most 40 precession periods.
    steps_per_period : int, optional
        RK4 steps per precession period (>= 20).

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: ``fig.axes[0]`` (3D sphere) and ``fig.axes[1]`` (components vs time in ns).

    Examples
    --------
    >>> fig = precession_figure(field_T=0.5, alpha=0.1)
    >>> [ax.name for ax in fig.axes], fig.axes[1].get_xlabel()
    (['3d', 'rectilinear'], 'time $t$ (ns)')
    """
    field_T = check.in_range("field_T", field_T, 0.0, 100.0, low_open=True)
    alpha = check.in_range("alpha", alpha, 0.0, 1.0, low_open=True)
    theta0_deg = check.in_range("theta0_deg", theta0_deg, 0.0, 180.0, low_open=True, high_open=True)
    if isinstance(steps_per_period, bool) or not isinstance(steps_per_period, (int, np.integer)) \
            or steps_per_period < 20:
        raise ValueError(f"steps_per_period must be an integer >= 20, got {steps_per_period!r}")
    omega = gamma * field_T  # gamma mu0 H, rad/s
    period = 2.0 * math.pi * (1.0 + alpha**2) / omega
    tau = (1.0 + alpha**2) / (alpha * omega)  # relaxation time of tan(theta/2)
    if duration is None:
        duration = min(max(4.0 * tau, 3.0 * period), 40.0 * period)
    else:
        duration = check.positive("duration", duration, "s")
        if duration > 1000.0 * period:
            raise ValueError(f"duration must be at most 1000 precession periods ({1000.0 * period!r} s here), "
                             f"got {duration!r}")

    magnet = Magnet(Ms=_PRECESSION_MS, geometry=_PRECESSION_GEOMETRY, alpha=alpha, demag=(0.0, 0.0, 0.0))
    theta0 = math.radians(theta0_deg)
    run = simulate(magnet, (math.sin(theta0), 0.0, math.cos(theta0)), duration, field=(0.0, 0.0, field_T / mu0),
                   method="rk4", dt=period / steps_per_period)
    exact = larmor_solution(run.t, field_T, alpha, theta0_deg)
    t_ns = run.t * 1e9

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.7))
        ax3 = fig.add_axes((0.0, 0.0, 0.37, 0.9), projection="3d")
        draw_unit_sphere(ax3, axes="xy")
        draw_vector(ax3, (0.0, 0.0, 1.3), "$H \\parallel z$")
        draw_trajectory(ax3, run.m, color=PALETTE["blue"], label="$m(t)$")
        fig.text(0.185, 0.955, "trajectory of $m$ on the unit sphere", ha="center", va="center",
                 fontsize=STYLE["axes.titlesize"])

        ax = fig.add_axes((0.445, 0.14, 0.4, 0.71))
        for k, name in enumerate("xyz"):
            ax.plot(t_ns, run.m[:, k], color=COMPONENT_COLORS[k], linewidth=1.2, label=f"$m_{name}$")
        ax.plot(t_ns, exact[:, 2], color=PALETTE["black"], linestyle=(0, (4, 3)), linewidth=1.1,
                label="exact $m_z$: $\\tan\\frac{\\theta}{2} = \\tan\\frac{\\theta_0}{2}\\,e^{-t/\\tau}$")
        ax.set_xlim(0.0, t_ns[-1])
        ax.set_ylim(-1.08, 1.08)
        ax.axhline(0.0, color="0.8", linewidth=0.6, zorder=0)
        ax.set_xlabel("time $t$ (ns)")
        ax.set_ylabel("components of $m$")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=4, handlelength=1.8, columnspacing=1.2)
        draw_value_table(ax, [
            ("$\\mu_0 H$", f"{field_T:.3g} T"),
            ("$\\alpha$", f"{alpha:.3g}"),
            ("$\\theta_0$", f"{theta0_deg:.3g}°"),
            ("$f$", f"{1e-9 / period:#.3g} GHz"),
            ("$\\tau$", f"{tau * 1e9:#.3g} ns"),
        ], x=1.12, y=0.8, dy=0.1, fontsize=9.5)
    return fig


def energy_landscape_figure(Ku=_COFEB.Ku, Ms=_COFEB.Ms, diameter=_COFEB.geometry.diameter,
                            thickness=_COFEB.thickness, T=300.0, *, Ki=_COFEB.Ki):
    """Energy barrier of a perpendicular thin-film cylinder, and where it comes from.

    The defaults are the ``cofeb_mgo_40nm`` preset (:func:`sttlab.preset`).
    Left: the macrospin energy ``E(theta)`` (:func:`sttlab.llg.energy`, m in
    the x-z plane, no applied field) in units of ``kB T``, with the barrier
    ``K_eff V`` and ``Delta = K_eff V / (kB T)`` (:meth:`Magnet.Delta
    <sttlab.params.Magnet.Delta>`) marked. Right: the energy density split into
    bulk anisotropy ``-K_u cos^2 theta``, interfacial anisotropy
    ``-(K_i / t) cos^2 theta`` and shape anisotropy ``+(mu0 Ms^2 / 2) cos^2 theta``,
    each computed by :func:`sttlab.llg.energy` on a magnet with only that term,
    and their sum ``-K_eff cos^2 theta``. With ``K_eff <= 0`` the film is
    in-plane and the left panel says that there is no perpendicular barrier.

    Parameters
    ----------
    Ku : float, optional
        Bulk uniaxial anisotropy along the film normal in J/m^3 (any sign).
    Ms : float, optional
        Saturation magnetization in A/m (> 0).
    diameter : float, optional
        Pillar diameter in m (> 0).
    thickness : float, optional
        Free-layer thickness in m (> 0).
    T : float, optional
        Temperature in K (> 0).
    Ki : float, optional
        Interfacial anisotropy in J/m^2 (any sign); it contributes ``K_i / t``.

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: ``fig.axes[0]`` (E / kB T vs angle) and ``fig.axes[1]`` (energy densities in MJ/m^3).

    Examples
    --------
    Half the diameter, a quarter of the barrier of the 40 nm preset:

    >>> fig = energy_landscape_figure(diameter=20e-9)
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "delta"]
    ['Δ = 10.0']
    """
    Ku = check.real("Ku", Ku)
    Ms = check.positive("Ms", Ms, "A/m")
    diameter = check.positive("diameter", diameter, "m")
    thickness = check.positive("thickness", thickness, "m")
    T = check.positive("T", T, "K")
    Ki = check.real("Ki", Ki)

    geometry = Cylinder(diameter=diameter, thickness=thickness)
    film = (0.0, 0.0, 1.0)
    none = (0.0, 0.0, 0.0)
    magnet = Magnet(Ms=Ms, geometry=geometry, alpha=0.01, Ku=Ku, Ki=Ki, demag=film)
    parts = {
        "bulk": Magnet(Ms=Ms, geometry=geometry, alpha=0.01, Ku=Ku, demag=none),
        "interface": Magnet(Ms=Ms, geometry=geometry, alpha=0.01, Ki=Ki, demag=none),
        "shape": Magnet(Ms=Ms, geometry=geometry, alpha=0.01, demag=film),
    }
    theta_deg = np.linspace(0.0, 180.0, 361)
    theta = np.radians(theta_deg)
    m = np.column_stack([np.sin(theta), np.zeros_like(theta), np.cos(theta)])
    E_kT = energy(magnet, m) / (kB * T)
    density = {name: energy(part, m) / part.volume * 1e-6 for name, part in parts.items()}  # MJ/m^3
    density["sum"] = energy(magnet, m) / magnet.volume * 1e-6
    K_eff = magnet.K_eff
    perpendicular = K_eff > 0.0

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.7))
        ax = fig.add_axes((0.085, 0.14, 0.385, 0.72))
        # large barriers are drawn in thousands of kB T so that the tick labels stay short
        scale = 1.0 if float(np.ptp(E_kT)) < 1000.0 else 1000.0
        E_plot = E_kT / scale
        ax.plot(theta_deg, E_plot, color=PALETTE["black"], linewidth=1.8)
        ax.set_xlim(0.0, 180.0)
        ax.set_xticks(np.arange(0, 181, 30))
        ax.set_xlabel("angle $\\theta$ between $m$ and the film normal (deg)")
        ax.set_ylabel("energy $E(\\theta)\\,/\\,k_B T$" if scale == 1.0 else
                      "energy $E(\\theta)\\,/\\,(10^3\\,k_B T)$")
        ax.axvline(90.0, color="0.85", linewidth=0.6, zorder=0)
        low, high = float(E_plot.min()), float(E_plot.max())
        span = high - low if high > low else 1.0
        ax.set_ylim(low - 0.22 * span, high + (0.3 if perpendicular else 0.55) * span)
        ax.set_title(f"d = {diameter * 1e9:.0f} nm,  t = {thickness * 1e9:.2f} nm,  T = {T:.0f} K")
        if perpendicular:
            E0, E90 = E_plot[0], E_plot[180]
            ax.plot([0.0, 180.0], [E0, E0], linestyle="none", marker="o", markersize=6, color=PALETTE["blue"],
                    clip_on=False, zorder=5)
            ax.axhline(E0, color="0.6", linewidth=0.7, linestyle=":")
            ax.annotate("", xy=(90.0, E90), xytext=(90.0, E0),
                        arrowprops={"arrowstyle": "<->", "color": PALETTE["vermillion"], "linewidth": 1.4,
                                    "shrinkA": 0, "shrinkB": 0})
            y_text = E0 + 0.3 * (E90 - E0)
            ax.text(95.0, y_text, "$\\Delta E = K_{\\rm eff}V$", color=PALETTE["vermillion"], ha="left",
                    va="bottom")
            ax.text(95.0, y_text, f"Δ = {magnet.Delta(T):.1f}", color=PALETTE["vermillion"], ha="left",
                    va="top", gid="delta")
            for x, name, ha in ((3.0, "$m = +z$", "left"), (177.0, "$m = -z$", "right")):
                ax.text(x, E0 - 0.06 * span, name, ha=ha, va="top", fontsize=9, color=PALETTE["blue"])
        else:
            ax.text(0.5, 0.88, "in-plane: no perpendicular barrier\n($K_{\\rm eff} \\leq 0$: shape anisotropy wins)",
                    transform=ax.transAxes, ha="center", va="center", color=PALETTE["vermillion"], gid="in-plane",
                    bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": PALETTE["vermillion"]})

        ax2 = fig.add_axes((0.585, 0.14, 0.4, 0.72))
        curves = (
            ("bulk", "bulk, $K_u$ =", PALETTE["orange"], Ku),
            ("interface", "interface, $K_i/t$ =", PALETTE["sky_blue"], Ki / thickness),
            ("shape", "shape, $-\\frac{1}{2}\\mu_0M_s^2$ =", PALETTE["purple"], -density["shape"][0] * 1e6),
            ("sum", "sum, $K_{\\rm eff}$ =", PALETTE["black"], K_eff),
        )
        for name, label, color, _ in curves:
            ax2.plot(theta_deg, density[name], color=color, linewidth=1.8 if name == "sum" else 1.3, label=label)
        ax2.axhline(0.0, color="0.8", linewidth=0.6, zorder=0)
        ax2.set_xlim(0.0, 180.0)
        ax2.set_xticks(np.arange(0, 181, 30))
        ax2.set_xlabel("angle $\\theta$ (deg)")
        ax2.set_ylabel("energy density (MJ/m$^3$)")
        low = min(float(d.min()) for d in density.values())
        high = max(float(d.max()) for d in density.values())
        pad = 0.08 * max(high - low, 1e-3)
        ax2.set_ylim(low - pad, high + pad + 0.95 * (high - low + 2 * pad))  # room for the legend
        legend = ax2.legend(loc="upper left", fontsize=8.5, handlelength=1.6, borderaxespad=0.3,
                            title="each curve is $-K\\cos^2\\theta$;  $K$ in MJ/m$^3$:", title_fontsize=8.5,
                            alignment="left")
        # the values, in plain text beside each (fixed, cached) mathtext label
        for text, (_, _, color, K) in zip(legend.get_texts(), curves):
            ax2.annotate(f"{K * 1e-6:.2f}".replace("-", "\N{MINUS SIGN}"), xy=(1.0, 0.5), xycoords=text,
                         xytext=(3.0, 0.0), textcoords="offset points", va="center", ha="left", fontsize=8.5,
                         color=color, zorder=6)
        ax2.set_title("PMA wins: $K_{\\rm eff} > 0$" if perpendicular else "shape wins: $K_{\\rm eff} \\leq 0$")
    return fig
