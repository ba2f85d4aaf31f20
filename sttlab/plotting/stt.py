"""Chapter 3 figures: the spin-transfer torques, switching above J_c0, efficiency models, the phase diagram.

Each figure function takes SI arguments (angles in degrees, currents in units
of a critical current), validates them (a bad value raises
:class:`ValueError` naming the parameter) and returns a
:class:`matplotlib.figure.Figure`. The dynamics are :func:`sttlab.llg.torque`,
:func:`sttlab.simulate` and :func:`sttlab.phase_diagram.switching_phase_diagram`
on the ``cofeb_mgo_40nm`` preset (or a copy with another damping,
polarization, efficiency model or field-like ratio). The explorers in
:mod:`sttlab.explorers.stt` call the same functions; the defaults are their
start values. :func:`sttlab.dynamics.analytic_switching_time` is the closed-form switching time
(``PHYSICS.md`` case 5) that the figures draw against the simulations.

Examples
--------
>>> fig = torque_directions_figure()
>>> sorted(line.get_gid()[7:] for line in fig.axes[0].get_lines() if (line.get_gid() or "")[:7] == "torque-")
['damping', 'damping-like', 'field-like', 'precession']
>>> from sttlab import preset
>>> cell = preset("cofeb_mgo_40nm")
>>> round(float(analytic_switching_time(cell, 2.0 * cell.Jc0())) * 1e9, 2)  # ns, from 2 degrees off AP
11.05
"""

from __future__ import annotations

import dataclasses
import math

import matplotlib as mpl
import numpy as np
from matplotlib.colors import ListedColormap, to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from scipy.ndimage import distance_transform_edt

from .. import _validate as check
from ..constants import gamma, mu0
from ..dynamics import analytic_switching_time, simulate
from ..efficiency import EFFICIENCY_MODELS, spin_torque_efficiency
from ..llg import Pulse, field_scale, pack, torque
from ..params import preset
from ..phase_diagram import switching_phase_diagram
from .common import (COMPONENT_COLORS, PALETTE, STYLE, draw_trajectory, draw_unit_sphere, draw_value_table,
                     draw_vector, minus_signs, new_figure)

#: The junction every figure starts from (Ikeda et al. 2010; :func:`sttlab.params.preset_source`).
PRESET = "cofeb_mgo_40nm"
_CELL = preset(PRESET)

#: Colours and legend labels of the four terms of dm/dt.
TORQUE_COLORS = {"precession": PALETTE["green"], "damping": PALETTE["purple"],
                 "damping-like": PALETTE["vermillion"], "field-like": PALETTE["orange"]}
_TORQUE_LABELS = {
    "precession": "precession $-\\gamma\\mu_0\\,m\\times H_{\\rm eff}$",
    "damping": "damping $-\\alpha\\gamma\\mu_0\\,m\\times(m\\times H_{\\rm eff})$",
    "damping-like": "damping-like $-\\gamma\\mu_0 H_{\\rm DL}\\,m\\times(m\\times p)$",
    "field-like": "field-like $-\\gamma\\mu_0 H_{\\rm FL}\\,m\\times p$",
}
#: Arrow lengths on the unit sphere (directions only; the sizes are in the table). The spin torques
#: are longer, so that an arrow parallel to damping or precession (p along z) does not hide it.
ARROWS = {"precession": 0.32, "damping": 0.32, "damping-like": 0.55, "field-like": 0.55}
_MODELS = {"constant": ("constant, $\\eta = P$", PALETTE["black"], "const."),
           "slonczewski1996": ("Slonczewski 1996", PALETTE["sky_blue"], "1996"),
           "slonczewski2002": ("Slonczewski 2002", PALETTE["vermillion"], "2002")}
#: Region colours of the phase diagram, by state name (:data:`sttlab.phase_diagram.STATES`).
STATE_COLORS = {"P": PALETTE["sky_blue"], "AP": PALETTE["orange"], "bistable": "#d9d9d9",
                "precessional": PALETTE["purple"], "reversed": PALETTE["vermillion"], "unsettled": "#ffffff"}
_ZERO = 1e-9  # a torque below this fraction of gamma mu0 |H|max counts as zero (|m x p| ~ 1e-16 at m = -p)


def _unit(theta_deg, phi_deg):
    theta, phi = math.radians(theta_deg), math.radians(phi_deg)
    return np.array([math.sin(theta) * math.cos(phi), math.sin(theta) * math.sin(phi), math.cos(theta)])


def _tilted_from_ap(tilt_deg):
    return _unit(180.0 - tilt_deg, 0.0)


def torque_terms(junction, m, current_density):
    """The four terms of ``dm/dt`` in 1/s at ``m``, each from :func:`sttlab.llg.torque`.

    A dict: ``"precession"`` ``-gamma mu0 m x H_eff``, ``"damping"``
    ``-alpha gamma mu0 m x (m x H_eff)``, ``"damping-like"``
    ``-gamma mu0 H_DL m x (m x p)`` and ``"field-like"`` ``-gamma mu0 H_FL m x p``:
    ``1 + alpha^2`` times the Landau-Lifshitz form (``PHYSICS.md``), split by
    switching damping, current and field-like ratio off in turn.

    Examples
    --------
    At ``J_c0``, 2 degrees off AP, the damping-like torque cancels damping (to ``1 / cos 2 deg``):

    >>> from sttlab import preset
    >>> cell = preset("cofeb_mgo_40nm")
    >>> m = (np.sin(np.radians(2)), 0.0, -np.cos(np.radians(2)))
    >>> terms = torque_terms(cell, m, cell.Jc0())
    >>> sorted(terms)
    ['damping', 'damping-like', 'field-like', 'precession']
    >>> size = {name: np.linalg.norm(value) for name, value in terms.items()}
    >>> round(float(size["damping-like"] / size["damping"]), 4), bool(terms["damping-like"] @ terms["damping"] < 0)
    (1.0006, True)
    """
    undamped = dataclasses.replace(junction, free=dataclasses.replace(junction.free, alpha=0.0))
    precession = torque(undamped, m)
    with_dl = torque(dataclasses.replace(undamped, field_like=0.0), m, current_density=current_density)
    return {"precession": precession,
            "damping": (1.0 + junction.free.alpha**2) * torque(junction, m) - precession,
            "damping-like": with_dl - precession,
            "field-like": torque(undamped, m, current_density=current_density) - with_dl}


def torque_directions_figure(theta_m_deg=125.0, phi_m_deg=345.0, theta_p_deg=0.0, phi_p_deg=0.0, field_like=0.5,
                             *, current_ratio=1.0):
    """The four torques on ``m``: precession, damping, damping-like and field-like spin torque.

    The ``cofeb_mgo_40nm`` preset (easy axis z, no applied field, so
    ``H_eff = H_k,eff m_z z``) with the polarizer ``p`` and field-like ratio set
    here carries ``J = current_ratio * J_c0`` of the preset; the terms are
    :func:`torque_terms`. Left: ``m`` and ``p`` on the unit sphere, the great
    circle through both (dotted), the precession orbit about z (dashed), and
    each torque as an arrow at the tip of ``m`` (length :data:`ARROWS`:
    directions only). Right: their sizes in rad/ns. A term that vanishes
    (``m = +-p`` for the spin torques; ``m = +-z``, or ``m_z = 0`` where
    ``H_eff = 0``, for precession and damping) is not drawn, and a note says so.

    Parameters
    ----------
    theta_m_deg, phi_m_deg : float, optional
        Polar angle of ``m`` in [0, 180] and azimuth in [0, 360] degrees.
    theta_p_deg, phi_p_deg : float, optional
        The same for the polarizer ``p``.
    field_like : float, optional
        Ratio ``xi = H_FL / H_DL``, in [-10, 10].
    current_ratio : float, optional
        Current density in units of the preset's ``J_c0``, in [-10, 10] (> 0 favours ``m -> p``).

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.axes[0]`` is the sphere; each torque's shaft is a line with gid
        ``"torque-<name>"`` from ``m`` to ``m + ARROWS[name] * direction``.

    Examples
    --------
    >>> fig = torque_directions_figure(field_like=0.0)
    >>> [t.get_text() for t in fig.axes[1].texts if t.get_gid() == "size-field-like"]
    ['0 rad/ns']
    """
    angles = [check.in_range(name, value, 0.0, high) for name, value, high in
              (("theta_m_deg", theta_m_deg, 180.0), ("phi_m_deg", phi_m_deg, 360.0),
               ("theta_p_deg", theta_p_deg, 180.0), ("phi_p_deg", phi_p_deg, 360.0))]
    xi = check.in_range("field_like", field_like, -10.0, 10.0)
    ratio = check.in_range("current_ratio", current_ratio, -10.0, 10.0)
    m, p = _unit(*angles[:2]), _unit(*angles[2:])
    junction = dataclasses.replace(_CELL, polarizer=tuple(p), field_like=xi)
    terms = torque_terms(junction, m, ratio * _CELL.Jc0())
    sizes = {name: float(np.linalg.norm(v)) for name, v in terms.items()}
    scale = gamma * mu0 * field_scale(pack(junction, current_density=ratio * _CELL.Jc0()))  # bounds every term

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 4.3))
        ax = fig.add_axes((-0.03, -0.03, 0.6, 1.06), projection="3d")
        draw_unit_sphere(ax, axes="xy")
        s = np.linspace(0.0, 2.0 * np.pi, 121)
        ax.plot(math.hypot(m[0], m[1]) * np.cos(s), math.hypot(m[0], m[1]) * np.sin(s), np.full_like(s, m[2]),
                color=TORQUE_COLORS["precession"], linewidth=0.8, linestyle=(0, (4, 3)), alpha=0.7)
        angle = math.acos(float(np.clip(m @ p, -1.0, 1.0)))
        if 1e-6 < angle < math.pi - 1e-6:  # the great circle from m to p
            t = np.linspace(0.0, 1.0, 60)[:, None]
            arc = (np.sin((1 - t) * angle) * m + np.sin(t * angle) * p) / math.sin(angle)
            ax.plot(*arc.T, color="0.3", linewidth=0.9, linestyle=":")
        draw_vector(ax, p, "$p$", color=PALETTE["black"])
        draw_vector(ax, m, "$m$", color=PALETTE["blue"])
        for name, vector in terms.items():
            if sizes[name] > _ZERO * scale:
                tip = m + ARROWS[name] * vector / sizes[name]
                ax.plot(*np.column_stack([m, tip]), color=TORQUE_COLORS[name], linewidth=2.0, gid=f"torque-{name}")
                head = 0.15 * vector / sizes[name]
                ax.quiver(*(tip - head), *head, color=TORQUE_COLORS[name], linewidth=2.0, arrow_length_ratio=1.0)

        side = fig.add_axes((0.56, 0.0, 0.44, 1.0))
        side.set_axis_off()
        side.legend(handles=[Line2D([], [], color=TORQUE_COLORS[n], linewidth=2.0, label=_TORQUE_LABELS[n])
                             for n in terms], loc="upper left", bbox_to_anchor=(0.0, 0.98), fontsize=8.8,
                    handlelength=1.5, title="terms of $dm/dt$ (arrows: directions)", title_fontsize=9.2,
                    alignment="left")
        values = draw_value_table(side, [
            ("$m\\cdot p$", minus_signs(f"{m @ p:.3f}")),
            ("$J/J_{c0}$", minus_signs(f"{ratio:.2f}")),
            ("$\\xi = H_{\\rm FL}/H_{\\rm DL}$", minus_signs(f"{xi:.2f}")),
            *[(f"|{name}|", f"{sizes[name] * 1e-9:.3g} rad/ns", TORQUE_COLORS[name]) for name in terms],
        ], x=0.48, y=0.56, dy=0.068, fontsize=9.0)
        for text, name in zip(values[3:], terms):
            text.set_gid(f"size-{name}")
        notes = []
        if ratio == 0.0:
            notes.append("no current: no spin torque")
        elif sizes["damping-like"] <= _ZERO * scale:
            notes.append("m ∥ p: m × p = 0, both spin torques vanish")
        elif xi == 0.0:
            notes.append("ξ = 0: no field-like torque")
        if sizes["precession"] <= _ZERO * scale:  # m on the easy axis, or on the equator where H_eff = 0
            notes.append("m × H_eff = 0: no precession, no damping")
        if notes:
            side.text(0.03, 0.07, "\n".join(notes), transform=side.transAxes, ha="left", va="bottom", fontsize=9,
                      color=PALETTE["vermillion"], gid="note")
    return fig


def switching_run_figure(current_ratio=2.0, field_like=0.0, alpha=0.01, P=0.5, *, tilt_deg=2.0,
                         pulse_width=20e-9):
    """One zero-temperature switching attempt: a current pulse on a free layer tilted out of AP.

    The ``cofeb_mgo_40nm`` preset with the damping, polarization and
    field-like ratio set here (constant efficiency) starts ``tilt_deg`` off
    ``-p`` and gets a rectangular pulse of ``J = current_ratio * J_c0`` of the
    *preset*, so that the other parameters move this junction's own ``J_c0``;
    :func:`sttlab.simulate` (adaptive, ``rtol = 1e-6``) runs for 1.5 pulse
    widths. Left: the trajectory on the unit sphere. Right: the components of
    ``m`` against time, the pulse shaded, the equator crossing
    (:meth:`~sttlab.dynamics.Trajectory.switching_time`) marked, and beside it
    :func:`analytic_switching_time` for this junction.

    Parameters
    ----------
    current_ratio : float, optional
        Current density in units of the preset's ``J_c0``, in [-10, 10].
    field_like : float, optional
        ``xi = H_FL / H_DL``, in [-10, 10] with ``1 + alpha xi > 0``.
    alpha : float, optional
        Gilbert damping, in [1e-3, 1].
    P : float, optional
        Spin polarization (``eta = P``), in (0, 1].
    tilt_deg : float, optional
        Initial tilt from ``-p`` in degrees, in (0, 90).
    pulse_width : float, optional
        Pulse length in s, in (0, 200e-9].

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.axes[0]`` (sphere) and ``fig.axes[1]`` (components against time in ns); the
        values beside it are texts with gids ``"J"``, ``"I"``, ``"Jc0"``, ``"ratio"``,
        ``"tau0"``, ``"formula"``, ``"verdict"``.

    Examples
    --------
    >>> fig = switching_run_figure(current_ratio=3.0)
    >>> [t.get_text() for t in fig.axes[1].texts if t.get_gid() in ("verdict", "formula")]
    ['switched at 5.81 ns', '5.81 ns']
    """
    ratio = check.in_range("current_ratio", current_ratio, -10.0, 10.0)
    xi = check.in_range("field_like", field_like, -10.0, 10.0)
    alpha = check.in_range("alpha", alpha, 1e-3, 1.0)
    P = check.in_range("P", P, 0.0, 1.0, low_open=True)
    tilt = check.in_range("tilt_deg", tilt_deg, 0.0, 90.0, low_open=True, high_open=True)
    width = check.in_range("pulse_width", pulse_width, 0.0, 200e-9, low_open=True)
    junction = dataclasses.replace(_CELL, free=dataclasses.replace(_CELL.free, alpha=alpha), P=P, field_like=xi)
    J = ratio * _CELL.Jc0()
    run = simulate(junction, _tilted_from_ap(tilt), 1.5 * width, current_density=Pulse(J, width=width), rtol=1e-6)
    t_sw = run.switching_time()
    formula = analytic_switching_time(junction, J, tilt)
    r = J / junction.Jc0()
    t_ns = run.t * 1e9

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.7))
        ax3 = fig.add_axes((0.0, 0.0, 0.35, 0.92), projection="3d")
        draw_unit_sphere(ax3, axes="xy")
        draw_vector(ax3, (0.0, 0.0, 1.3), "$p$", color=PALETTE["black"])
        draw_trajectory(ax3, run.m, color=PALETTE["blue"], linewidth=0.8)
        fig.text(0.175, 0.955, "trajectory of $m$ (start near AP)", ha="center", va="center",
                 fontsize=STYLE["axes.titlesize"])
        ax = fig.add_axes((0.42, 0.14, 0.35, 0.7))
        ax.axvspan(0.0, width * 1e9, color=PALETTE["yellow"], alpha=0.25, linewidth=0, label="current pulse")
        for k, name in enumerate("xyz"):
            ax.plot(t_ns, run.m[:, k], color=COMPONENT_COLORS[k], linewidth=1.6 if k == 2 else 0.6,
                    alpha=1.0 if k == 2 else 0.75, label=f"$m_{name}$")
        ax.axhline(0.0, color="0.75", linewidth=0.6, zorder=0)
        if t_sw is not None:
            ax.axvline(t_sw * 1e9, color=PALETTE["vermillion"], linewidth=1.1, linestyle=(0, (4, 2)), gid="t_sw")
        ax.set_xlim(0.0, t_ns[-1])
        ax.set_ylim(-1.08, 1.08)
        ax.set_xlabel("time $t$ (ns)")
        ax.set_ylabel("components of $m$")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=4, handlelength=1.5, columnspacing=1.0)
        verdict = (f"switched at {t_sw * 1e9:.2f} ns" if t_sw is not None else
                   "no switching: J ≤ Jc0" if r <= 1.0 else "no switching: pulse too short")
        ax.text(1.05, 1.0, verdict, transform=ax.transAxes, ha="left", va="top", fontsize=9.5, gid="verdict",
                color=PALETTE["vermillion"] if t_sw is not None else "0.2")
        values = draw_value_table(ax, [
            ("$J$", minus_signs(f"{J * 1e-10:.3g}e10 A/m²")),
            ("$I$", minus_signs(f"{J * junction.area * 1e6:.3g} μA")),
            ("$J_{c0}$", f"{junction.Jc0() * 1e-10:.3g}e10 A/m²"),
            ("$J/J_{c0}$", minus_signs(f"{r:.3g}")),
            ("$\\tau_0$", f"{junction.free.relaxation_time * 1e9:.3g} ns"),
            ("closed form", f"{formula * 1e9:.2f} ns" if math.isfinite(formula) else "∞"),
        ], x=1.33, y=0.8, dy=0.1, fontsize=9)
        for text, gid in zip(values, ("J", "I", "Jc0", "ratio", "tau0", "formula")):
            text.set_gid(gid)
    return fig


def switching_time_figure(tilt_deg=2.0, *, ratios=(1.1, 1.25, 1.5, 2.0, 3.0, 4.0, 5.0)):
    """Switching time against current: simulations of the preset against the closed form.

    Points: the equator crossing (:meth:`~sttlab.dynamics.Trajectory.switching_time`)
    of :func:`sttlab.simulate` runs (adaptive, default tolerances) of the
    ``cofeb_mgo_40nm`` preset from ``tilt_deg`` off AP at each ``J / J_c0`` in
    ``ratios``. Lines: :func:`analytic_switching_time`, exact (solid) and
    Sun's estimate (dashed). Left: the time (logarithmic axis); right: its
    inverse, a straight line through ``J = J_c0`` in Sun's estimate.

    Parameters
    ----------
    tilt_deg : float, optional
        Initial tilt from ``-p`` in degrees, in (0, 90).
    ratios : sequence of float, optional
        ``J / J_c0`` of the simulated points, each in (1, 20].

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: ``t_sw`` (ns) and ``1 / t_sw`` (1/ns) against ``J / J_c0``, each with
        lines labelled ``"exact..."``, ``"Sun..."`` and ``"simulated..."``.

    Examples
    --------
    >>> fig = switching_time_figure(ratios=(1.5, 3.0))
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['current $J/J_{c0}$', 'current $J/J_{c0}$']
    """
    tilt = check.in_range("tilt_deg", tilt_deg, 0.0, 90.0, low_open=True, high_open=True)
    ratios = np.array([check.in_range("ratios", r, 1.0, 20.0, low_open=True) for r in np.atleast_1d(ratios)])
    if ratios.size == 0:
        raise ValueError("ratios must hold at least one current")
    jc = _CELL.Jc0()
    simulated = np.array([simulate(_CELL, _tilted_from_ap(tilt), 1.3 * analytic_switching_time(_CELL, r * jc, tilt),
                                   current_density=r * jc).switching_time() for r in ratios])
    grid = np.linspace(1.0, max(5.0, ratios.max()) * 1.02, 400)[1:]
    exact = analytic_switching_time(_CELL, grid * jc, tilt)
    sun = analytic_switching_time(_CELL, grid * jc, tilt, form="sun")

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.5))
        left, right = fig.add_axes((0.08, 0.15, 0.38, 0.68)), fig.add_axes((0.6, 0.15, 0.38, 0.68))
        for ax, f in ((left, lambda t: t * 1e9), (right, lambda t: 1e-9 / t)):
            ax.plot(grid, f(exact), color=PALETTE["black"], label="exact, to the equator")
            ax.plot(grid, f(sun), color=PALETTE["black"], linestyle=(0, (4, 3)), linewidth=1.1,
                    label="Sun: $\\tau_0\\ln(\\pi/2\\theta_0)/(J/J_{c0}-1)$")
            ax.plot(ratios, f(simulated), linestyle="none", marker="o", markersize=6, markerfacecolor="white",
                    markeredgecolor=PALETTE["vermillion"], markeredgewidth=1.4, label="simulated (sttlab.simulate)")
            ax.set_xlim(1.0, grid[-1])
            ax.set_xlabel("current $J/J_{c0}$")
        left.set_yscale("log")
        left.set_ylabel("switching time $t_{\\rm sw}$ (ns)")
        left.set_ylim(0.5e9 * exact[-1], 20e9 * exact[np.searchsorted(grid, 1.1)])
        right.set_ylabel("$1/t_{\\rm sw}$ (1/ns)")
        right.set_ylim(0.0, 1.15e-9 / exact[-1])
        left.legend(loc="lower center", bbox_to_anchor=(1.08, 1.0), ncol=3, fontsize=8.8, handlelength=1.8)
        right.text(0.04, 0.96, f"θ₀ = {tilt:g}°,  τ₀ = {_CELL.free.relaxation_time * 1e9:.2f} ns",
                   transform=right.transAxes, ha="left", va="top", fontsize=9)
    return fig


def efficiency_figure(P=0.5, Lambda=3.0, *, current_ratio=1.2):
    """The three efficiency models, what they do near AP, and the asymmetry of the critical currents.

    Left: ``eta`` against the angle between ``m`` and ``p``
    (:func:`sttlab.spin_torque_efficiency`). Middle: for the preset with each
    model at ``J = current_ratio * J_c0(AP -> P)`` of that model, the speed
    ``tau0 d(theta)/dt`` at which the tilt ``theta`` from AP grows (> 0) or
    shrinks (< 0), the polar component of :func:`sttlab.llg.torque`; where it
    turns from growing to shrinking lies a stable precession cone (marked).
    Right: ``|J_c0|`` of both transitions (:meth:`Junction.Jc0 <sttlab.params.Junction.Jc0>`).

    Parameters
    ----------
    P : float, optional
        Spin polarization in (0, 1) (``slonczewski1996`` diverges at P = 1).
    Lambda : float, optional
        Slonczewski's 2002 asymmetry parameter, in (0, 10].
    current_ratio : float, optional
        ``J / J_c0(AP -> P)`` of the middle panel, in (0, 5].

    Returns
    -------
    matplotlib.figure.Figure
        Three Axes; curves labelled by model, cones as points with gid
        ``"cone-<model>"``, bars as patches with gid ``"Jc0-<AP|P>-<model>"``.

    Examples
    --------
    >>> fig = efficiency_figure(P=0.5, Lambda=2.0)
    >>> len(fig.axes), fig.axes[0].get_ylabel()
    (3, 'efficiency $\\\\eta$')
    """
    P = check.in_range("P", P, 0.0, 1.0, low_open=True, high_open=True)
    Lambda = check.in_range("Lambda", Lambda, 0.0, 10.0, low_open=True)
    ratio = check.in_range("current_ratio", current_ratio, 0.0, 5.0, low_open=True)
    junctions = {model: dataclasses.replace(_CELL, P=P, efficiency=model, Lambda=Lambda) for model in _MODELS}
    theta_deg = np.linspace(0.0, 180.0, 361)
    theta = np.radians(theta_deg)
    m = np.column_stack([np.sin(theta), np.zeros_like(theta), -np.cos(theta)])  # tilted by theta from -p = -z
    e_theta = np.column_stack([np.cos(theta), np.zeros_like(theta), np.sin(theta)])

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.8))
        ax1, ax2 = fig.add_axes((0.065, 0.2, 0.26, 0.56)), fig.add_axes((0.41, 0.2, 0.26, 0.56))
        ax3 = fig.add_axes((0.76, 0.2, 0.225, 0.56))
        cones = []
        for model, junction in junctions.items():
            label, color, short = _MODELS[model]
            ax1.plot(theta_deg, spin_torque_efficiency(np.cos(theta), model, P, Lambda), color=color, label=label)
            dm = torque(junction, m, current_density=ratio * junction.Jc0())
            speed = np.einsum("ij,ij->i", dm, e_theta) * junction.free.relaxation_time
            ax2.plot(theta_deg, speed, color=color, label=label)
            down = np.flatnonzero((speed[1:-2] > 0.0) & (speed[2:-1] <= 0.0)) + 1  # + to -, inside (0, 180)
            if down.size:
                i = down[0]
                cone = theta_deg[i] + (theta_deg[i + 1] - theta_deg[i]) * speed[i] / (speed[i] - speed[i + 1])
                ax2.plot([cone], [0.0], marker="o", markersize=7, color=color, zorder=5, gid=f"cone-{model}")
                cones.append((short, f"{cone:.1f}°", color))
        ax1.set_xlim(0.0, 180.0)
        ax1.set_xticks([0, 45, 90, 135, 180], ["0\nP", "45", "90", "135", "180\nAP"])
        ax1.set_ylim(0.0, None)
        ax1.set_xlabel("angle between $m$ and $p$ (deg)")
        ax1.set_ylabel("efficiency $\\eta$")
        ax1.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), fontsize=8.5, handlelength=1.6)
        ax1.text(0.03, 0.97, f"P = {P:g},  Λ = {Lambda:g}", transform=ax1.transAxes, ha="left", va="top", fontsize=9)
        ax2.axhline(0.0, color="0.6", linewidth=0.7, zorder=0)
        ax2.set_xlim(0.0, 180.0)
        ax2.set_xticks([0, 45, 90, 135, 180], ["0\nAP", "45", "90", "135", "180\nP"])
        ax2.set_xlabel("tilt $\\theta$ from AP (deg)")
        ax2.set_ylabel("$\\tau_0\\,d\\theta/dt$ (rad)")
        ax2.set_title(f"$J$ = {ratio:g} $J_{{c0}}$ of each model:\n> 0 tilt grows, < 0 it shrinks", fontsize=9.5)
        if cones:
            ax2.text(0.03, 0.97, "stable cone", transform=ax2.transAxes, ha="left", va="top", fontsize=8.5)
            draw_value_table(ax2, cones, x=0.25, y=0.86, dy=0.09, fontsize=8.5)
        x = np.arange(len(junctions))
        for k, (model, junction) in enumerate(junctions.items()):
            for shift, state, hatch in ((-0.19, "AP", None), (0.19, "P", "///")):
                bar = ax3.bar(x[k] + shift, abs(junction.Jc0(state)) * 1e-10, width=0.36, color=_MODELS[model][1],
                              hatch=hatch, edgecolor="white", linewidth=0.5)
                bar.patches[0].set_gid(f"Jc0-{state}-{model}")
        ax3.set_xticks(x, [short for _, _, short in _MODELS.values()])
        ax3.set_ylabel("$|J_{c0}|$ ($10^{10}$ A/m$^2$)")
        ax3.legend(handles=[Patch(facecolor="0.45", label="AP → P"),
                            Patch(facecolor="0.45", hatch="///", edgecolor="white", label="P → AP")],
                   loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=8.5)
    return fig


def _edges(centres):
    mid = 0.5 * (centres[1:] + centres[:-1])
    return np.concatenate([[2 * centres[0] - mid[0]], mid, [2 * centres[-1] - mid[-1]]])


def phase_diagram_figure(efficiency="slonczewski2002", Lambda=3.0, *, current_range=(-12.4, 7.6), field_range=1.35,
                         n_currents=21, n_fields=13):
    """Zero-temperature switching phase diagram of the preset: current against field along the easy axis.

    :func:`sttlab.phase_diagram.switching_phase_diagram` (default run length and
    tolerances) of the ``cofeb_mgo_40nm`` preset with this efficiency model, on
    a grid of currents (in units of this junction's ``J_c0(AP -> P)``) and
    fields along ``p`` (in units of ``H_k,eff``). Cells: the states. Lines: the
    linear stability limits ``J_c0(AP) (1 - H/H_k,eff)`` (AP is unstable to
    its right) and ``J_c0(P) (1 + H/H_k,eff)`` (P is unstable to its left),
    from :meth:`Junction.Jc0 <sttlab.params.Junction.Jc0>`. Each region is
    labelled where it is widest. The default grid keeps its points off those
    lines, where a finite run cannot decide.

    Parameters
    ----------
    efficiency : {"constant", "slonczewski1996", "slonczewski2002"}, optional
    Lambda : float, optional
        Slonczewski's 2002 asymmetry parameter, in (0, 10].
    current_range : tuple of float, optional
        Lowest and highest ``J / J_c0(AP -> P)``.
    field_range : float, optional
        Fields from ``-field_range`` to ``+field_range`` times ``H_k,eff``, in (0, 5].
    n_currents, n_fields : int, optional
        Grid points, 2 to 101 each; every point costs two runs.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes; region labels are texts with gid ``"region-<state>"``, the
        limits lines with gid ``"limit-AP"`` and ``"limit-P"``.

    Examples
    --------
    A coarse grid (the default one takes seconds):

    >>> fig = phase_diagram_figure(n_currents=5, n_fields=3)
    >>> sorted(t.get_gid()[7:] for t in fig.axes[0].texts if (t.get_gid() or "").startswith("region-"))
    ['AP', 'P', 'bistable', 'precessional']
    """
    check.choice("efficiency", efficiency, EFFICIENCY_MODELS)
    Lambda = check.in_range("Lambda", Lambda, 0.0, 10.0, low_open=True)
    low, high = (check.real("current_range", v) for v in current_range)
    if not low < high:
        raise ValueError(f"current_range must be (low, high) with low < high, got {current_range!r}")
    h_max = check.in_range("field_range", field_range, 0.0, 5.0, low_open=True)
    for name, n in (("n_currents", n_currents), ("n_fields", n_fields)):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= 101:
            raise ValueError(f"{name} must be an integer in [2, 101], got {n!r}")
    junction = dataclasses.replace(_CELL, efficiency=efficiency, Lambda=Lambda)
    j_ap, j_p, Hk = junction.Jc0("AP"), junction.Jc0("P"), junction.free.Hk_eff
    x, h = np.linspace(low, high, int(n_currents)), np.linspace(-h_max, h_max, int(n_fields))
    diagram = switching_phase_diagram(junction, x * j_ap, h * Hk)
    names = diagram.names

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 4.0))
        ax = fig.add_axes((0.08, 0.13, 0.6, 0.8))
        cmap = ListedColormap([to_rgb(STATE_COLORS[n]) for n in names])
        ax.pcolormesh(_edges(x), _edges(h), diagram.state, cmap=cmap, vmin=-0.5, vmax=len(names) - 0.5, alpha=0.55,
                      edgecolors="face", linewidth=0.2)
        ends = np.array([-h_max, h_max])
        ax.plot(1.0 - ends, ends, color=PALETTE["blue"], linewidth=1.6, gid="limit-AP",
                label="$J_{c0}(\\mathrm{AP})\\,(1 - H/H_{k,\\rm eff})$")
        ax.plot(j_p / j_ap * (1.0 + ends), ends, color=PALETTE["vermillion"], linewidth=1.6, gid="limit-P",
                label="$J_{c0}(\\mathrm{P})\\,(1 + H/H_{k,\\rm eff})$")
        ax.axhline(0.0, color="0.4", linewidth=0.5, zorder=1)
        ax.axvline(0.0, color="0.4", linewidth=0.5, zorder=1)
        ax.set_xlim(_edges(x)[[0, -1]])
        ax.set_ylim(_edges(h)[[0, -1]])
        ax.set_xlabel("current $J\\,/\\,J_{c0}(\\mathrm{AP}\\to\\mathrm{P})$")
        ax.set_ylabel("field along $p$, $H/H_{k,\\rm eff}$")
        present = []
        for k, name in enumerate(names):
            if np.any(diagram.state == k):
                present.append(name)
                depth = distance_transform_edt(np.pad(diagram.state == k, 1))[1:-1, 1:-1]
                i, j = np.unravel_index(np.argmax(depth), depth.shape)
                ax.text(x[j], h[i], name, ha="center", va="center", fontsize=10, weight="bold", gid=f"region-{name}",
                        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.75})
        patches = [Patch(facecolor=STATE_COLORS[n], alpha=0.55, edgecolor="0.5", label=n) for n in present]
        ax.legend(handles=[*ax.get_lines()[:2], *patches], loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=9,
                  title="stability limits and states", title_fontsize=9.2, alignment="left")
        draw_value_table(ax, [
            ("model", efficiency if efficiency != "slonczewski2002" else f"2002, Λ = {Lambda:g}"),
            ("$J_{c0}(\\mathrm{AP})$", f"{j_ap * 1e-10:.3g}e10 A/m²"),
            ("$J_{c0}(\\mathrm{P})$", minus_signs(f"{j_p * 1e-10:.3g}e10 A/m²")),
            ("$\\mu_0 H_{k,\\rm eff}$", f"{mu0 * Hk * 1e3:.0f} mT"),
        ], x=1.3, y=0.3, dy=0.075, fontsize=9)
    return fig
