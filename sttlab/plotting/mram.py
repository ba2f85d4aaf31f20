"""Chapter 6 figures, the device: the tunnel junction, its anisotropy, and how a pillar scales.

Each figure function takes SI arguments, validates them (a bad value raises
:class:`ValueError` naming the parameter) and returns a
:class:`matplotlib.figure.Figure`. All the physics is :mod:`sttlab.mram` on
the ``cofeb_mgo`` stack; these functions only draw it, at the operating
temperature of :data:`sttlab.mram.EMBEDDED_2026` (85 C) unless they say
otherwise. The circuit, the 1T-1MTJ cell and the design space, is in
:mod:`sttlab.plotting.mram_cell`, which shares the stack, the target and the
helpers here. The explorers in :mod:`sttlab.explorers.mram` call the same
functions, and the defaults are their start values.

Examples
--------
>>> fig = tmr_figure()
>>> [line.get_label() for line in fig.axes[1].get_lines()][:2]
['$R_P$', '$R_{AP}(V)$']
>>> fig = scaling_figure(diameter=30e-9)
>>> [t.get_text() for t in fig.axes[1].texts if t.get_gid() == "Delta"]
['47.4']
"""

from __future__ import annotations

import dataclasses
import functools
import math

import matplotlib as mpl
import numpy as np
from matplotlib.ticker import LogLocator, NullLocator
from scipy import optimize

from .. import _validate as check
from .. import mram
from ..params import Cylinder, Magnet
from .common import PALETTE, STYLE, draw_value_table, new_figure

#: The stack every figure is drawn for (:func:`sttlab.mram.stack`).
STACK = mram.stack("cofeb_mgo")
#: The requirements and operating point (85 C, 32 Mib, WER and read disturb <= 1e-9, ...).
TARGET = mram.EMBEDDED_2026
#: The book's design point: a pillar inside the window of :func:`sttlab.plotting.mram_cell.design_space_figure`.
DESIGN_DIAMETER, DESIGN_THICKNESS = 40e-9, 1.0e-9


def _years(seconds):
    """A duration in s as plain text in years, or a bound where it leaves the printable range."""
    years = seconds / mram.YEAR
    if not math.isfinite(years) or years > 1e6:
        return "over 10⁶ years"
    return f"{years:.3g} years" if years >= 1e-3 else f"{seconds:.2g} s"


def _retention_years(rate, n_bits):
    """Retention (:func:`sttlab.mram.retention_time` at the target's failure) in years; NaN without PMA.

    An escape rate that underflows to zero gives infinity.
    """
    rate = np.asarray(rate, dtype=float)
    good = np.isfinite(rate) & (rate > 0.0)
    out = np.where(np.isfinite(rate), np.inf, np.nan)
    if good.any():
        out[good] = mram.retention_time(rate[good], n_bits, TARGET.retention_failure) / mram.YEAR
    return out


def _log_axis(axis, numticks=6):
    """Logarithmic ticks at most ``numticks`` decades apart, no minor ticks (each tick costs drawing time)."""
    axis.set_major_locator(LogLocator(numticks=numticks))
    axis.set_minor_locator(NullLocator())


def _table(host, rows, *, x, y, dy, fontsize=8.5):
    """:func:`draw_value_table` placed in figure coordinates (``x`` the column boundary) on ``host``'s transform."""
    box = host.get_position()
    return draw_value_table(host, rows, x=(x - box.x0) / box.width, y=(y - box.y0) / box.height,
                            dy=dy / box.height, fontsize=fontsize)


# --------------------------------------------------------------------------- the stack: TMR


def tmr_figure(diameter=DESIGN_DIAMETER):
    """Tunnel magnetoresistance: Julliere's model, and the bias roll-off of a pillar's ``R_AP``.

    Left: :func:`sttlab.mram.julliere_tmr` with equal polarizations ``P1 =
    P2 = P``, with the stack's zero-bias TMR and the polarization Julliere
    would need for it marked. Right: ``R_P`` and ``R_AP(V)`` of a pillar of
    this diameter (:func:`sttlab.mram.resistance`) against the bias, and on a
    second axis the TMR itself (:func:`sttlab.mram.tmr`), halved at ``V_half``.

    Parameters
    ----------
    diameter : float, optional
        Pillar diameter in m, in [10e-9, 200e-9].

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.axes[0]``: TMR in % against ``P`` (line labelled ``"Julliere..."``, the
        stack's value at the point with gid ``"stack-P"``); ``fig.axes[1]``: resistances in
        kOhm against the bias in V (labels ``"$R_P$"``, ``"$R_{AP}(V)$"``); ``fig.axes[2]``,
        its twin: the TMR in % (label ``"TMR(V)"``).

    Examples
    --------
    >>> fig = tmr_figure()
    >>> [line.get_label() for line in fig.axes[1].get_lines()][:2]
    ['$R_P$', '$R_{AP}(V)$']
    """
    d = check.in_range("diameter", diameter, 10e-9, 200e-9)
    P = np.linspace(0.0, 0.9, 181)
    P_stack = optimize.brentq(lambda p: float(mram.julliere_tmr(p, p)) - STACK.TMR0, 0.0, 0.99, xtol=1e-14)
    V = np.linspace(0.0, 1.0, 201)
    R_P = float(mram.resistance(d, STACK))
    R_AP = mram.resistance(d, STACK, "AP", voltage=V)

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.4))
        left = fig.add_axes((0.08, 0.16, 0.36, 0.72))
        left.plot(P, 100.0 * mram.julliere_tmr(P, P), color=PALETTE["blue"], label="Julliere, $P_1 = P_2 = P$")
        left.axhline(100.0 * STACK.TMR0, color=PALETTE["vermillion"], linewidth=0.9, linestyle=(0, (4, 2)))
        left.plot([P_stack], [100.0 * STACK.TMR0], "o", color=PALETTE["vermillion"], gid="stack-P")
        left.annotate(f"this stack: {100 * STACK.TMR0:.0f} %\nneeds P = {P_stack:.2f}", xy=(P_stack, 100 * STACK.TMR0),
                      xytext=(-12, 14), textcoords="offset points", ha="right", fontsize=9,
                      color=PALETTE["vermillion"])
        left.set_xlim(0.0, 0.9)
        left.set_ylim(0.0, 600.0)
        left.set_xlabel("tunnelling spin polarization $P$")
        left.set_ylabel("TMR $= (R_{AP} - R_P)/R_P$ (%)")
        left.legend(loc="upper left")

        right = fig.add_axes((0.56, 0.16, 0.34, 0.72))
        right.plot(V, np.full_like(V, R_P / 1e3), color=PALETTE["blue"], label="$R_P$")
        right.plot(V, R_AP / 1e3, color=PALETTE["vermillion"], label="$R_{AP}(V)$")
        right.set_xlim(0.0, 1.0)
        right.set_ylim(0.0, 1.1 * float(R_AP[0]) / 1e3)
        right.set_xlabel("bias $V$ (V)")
        right.set_ylabel("resistance (kΩ)")
        right.set_title(f"pillar {d * 1e9:.0f} nm across, RA = {STACK.RA * 1e12:.0f} Ω µm²", fontsize=10)
        twin = right.twinx()
        twin.plot(V, 100.0 * mram.tmr(V, STACK.TMR0, STACK.V_half), color=PALETTE["black"], linestyle=":",
                  label="TMR(V)")
        right.axvline(STACK.V_half, color="0.7", linewidth=0.8, zorder=0)
        right.text(STACK.V_half, 0.15, " $V_{1/2}$", fontsize=9, color="0.35")
        twin.set_ylim(0.0, 1.1 * 100.0 * STACK.TMR0)
        twin.set_ylabel("TMR (%)")
        twin.spines["right"].set_visible(True)
        lines = [line for line in right.get_lines() + twin.get_lines() if not line.get_label().startswith("_")]
        right.legend(lines, [line.get_label() for line in lines], loc="upper right")
    return fig


# --------------------------------------------------------------------------- the anisotropy: shape and interface


def anisotropy_figure(*, diameters=(20e-9, 40e-9, 80e-9)):
    """Where perpendicular anisotropy comes from and where it ends.

    Left: the exact demagnetizing factors of a cylinder
    (:func:`sttlab.mram.cylinder_demag`) against its aspect ratio ``t / d``,
    with the range of MTJ free layers shaded and the aspect ratio of a
    sphere's factors (``N = 1/3``) marked. Right: the classic plot of
    ``K_eff t`` against the free-layer thickness (:attr:`sttlab.params.Magnet.K_eff`),
    for a continuous film (``N_z = 1``) and for pillars of the given
    diameters (:func:`sttlab.mram.free_layer`): the intercept is ``K_i``, the
    slope the shape anisotropy, and the zero crossing the thickness above
    which the layer is no longer perpendicular (:func:`sttlab.mram.pma_thickness`).

    Parameters
    ----------
    diameters : sequence of float, optional
        Pillar diameters in m, one to four, each in [10e-9, 500e-9].

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.axes[0]``: lines labelled ``"$N_z$"`` and ``"$N_x = N_y$"``;
        ``fig.axes[1]``: ``K_eff t`` in mJ/m^2 against ``t`` in nm, lines labelled
        ``"film..."`` and ``"d = ... nm"``, zero crossings with gid ``"t_pma"`` (film first).

    Examples
    --------
    The two in-plane factors and the perpendicular one always add up to one:

    >>> import numpy as np
    >>> fig = anisotropy_figure()
    >>> Nz, Nx = fig.axes[0].get_lines()[:2]
    >>> bool(np.allclose(Nz.get_ydata() + 2 * Nx.get_ydata(), 1.0))
    True
    """
    diameters = np.atleast_1d(np.asarray(diameters, dtype=float))
    if diameters.ndim != 1 or not 1 <= diameters.size <= 4:
        raise ValueError(f"diameters must hold one to four diameters, got {diameters!r}")
    diameters = [check.in_range("diameters", d, 10e-9, 500e-9) for d in diameters]
    tau = np.geomspace(1e-3, 1e2, 300)
    Nx, _, Nz = mram.cylinder_demag(1.0, tau)
    sphere = optimize.brentq(lambda x: float(mram.cylinder_demag(1.0, x)[2]) - 1.0 / 3.0, 0.1, 10.0, xtol=1e-14)
    t = np.linspace(0.02e-9, 2.4e-9, 239)

    def film(thickness):
        return Magnet(Ms=STACK.Ms, geometry=Cylinder(1e-6, thickness), alpha=STACK.alpha, Ku=STACK.Ku, Ki=STACK.Ki,
                      demag=(0.0, 0.0, 1.0))

    t_film = optimize.brentq(lambda x: film(x).K_eff, 0.1e-9, 10e-9, xtol=1e-18)
    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.5))
        left = fig.add_axes((0.08, 0.15, 0.37, 0.72))
        left.plot(tau, Nz, color=PALETTE["blue"], label="$N_z$")
        left.plot(tau, Nx, color=PALETTE["orange"], label="$N_x = N_y$")
        left.axvspan(0.8e-9 / 100e-9, 2e-9 / 20e-9, color=PALETTE["sky_blue"], alpha=0.25, linewidth=0)
        left.text(math.sqrt(0.8e-9 / 100e-9 * 2e-9 / 20e-9), 0.55, "MTJ\nfree\nlayers", ha="center", fontsize=8.5)
        left.axvline(sphere, color="0.6", linewidth=0.8, linestyle=(0, (3, 2)))
        left.text(sphere * 1.15, 0.9, f"$N = 1/3$ at\n$t/d = {sphere:.3f}$", fontsize=8.5, va="top")
        left.set_xscale("log")
        _log_axis(left.xaxis)
        left.set_xlim(tau[0], tau[-1])
        left.set_ylim(0.0, 1.0)
        left.set_xlabel("aspect ratio $t/d$ of the cylinder")
        left.set_ylabel("demagnetizing factor")
        left.legend(loc="center left")

        right = fig.add_axes((0.58, 0.15, 0.38, 0.72))
        right.plot(t * 1e9, [film(x).K_eff * x * 1e3 for x in t], color=PALETTE["black"], label="film, $N_z = 1$")
        right.plot([t_film * 1e9], [0.0], "o", color=PALETTE["black"], gid="t_pma")
        colors = (PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"])
        for d, color in zip(diameters, colors):
            right.plot(t * 1e9, [mram.free_layer(d, x, STACK).K_eff * x * 1e3 for x in t], color=color,
                       label=f"d = {d * 1e9:.0f} nm")
            right.plot([mram.pma_thickness(d, STACK) * 1e9], [0.0], "o", color=color, gid="t_pma")
        right.axhline(0.0, color="0.6", linewidth=0.7)
        right.annotate(f"intercept $K_i$ = {STACK.Ki * 1e3:.2f} mJ/m²", xy=(0.0, STACK.Ki * 1e3), xytext=(12, -30),
                       textcoords="offset points", fontsize=9, arrowprops={"arrowstyle": "->", "color": "0.3",
                                                                           "linewidth": 0.7})
        right.set_xlim(0.0, t[-1] * 1e9)
        right.set_ylim(-0.9, 1.1)
        right.set_xlabel("free-layer thickness $t$ (nm)")
        right.set_ylabel("$K_\\mathrm{eff}\\,t$ (mJ/m²)")
        right.text(0.97, 0.03, "in-plane below 0", transform=right.transAxes, ha="right", fontsize=8.5, color="0.4")
        right.legend(loc="upper right")
    return fig


# --------------------------------------------------------------------------- scaling: barrier, current, retention


@functools.lru_cache(maxsize=64)
def _pillar_curves(thickness, Ki, Ms):
    """What :func:`scaling_figure` draws for every diameter: kept, as the explorer moves one slider at a time.

    Returns the diameter grid; :func:`sttlab.mram.scaling` on it at 85 C and
    300 K; the critical diameters of one bit and of the array and the
    barriers there (NaN if none); and the diameter where the wall's barrier
    falls below the coherent one (NaN if it does not on the grid).
    """
    stack = dataclasses.replace(STACK, Ki=Ki, Ms=Ms)
    T = TARGET.T
    grid = np.geomspace(8e-9, 200e-9, 50)
    hot, cold = mram.scaling(grid, thickness, T=T, stack=stack), mram.scaling(grid, thickness, T=300.0, stack=stack)
    critical = {n: mram.critical_diameter(thickness, T=T, duration=TARGET.retention, n_bits=n,
                                          failure=TARGET.retention_failure, stack=stack) for n in (1, TARGET.n_bits)}
    need = {n: float(mram.scaling(c, thickness, T=T, stack=stack).barrier) if math.isfinite(c) else math.nan
            for n, c in critical.items()}
    with np.errstate(invalid="ignore"):
        turn = np.flatnonzero(np.diff(np.sign(np.log(hot.Delta_wall / hot.Delta))) != 0)
    d_wall = math.nan
    if turn.size:  # where the wall's barrier crosses below the coherent one, interpolated in log-log
        k = turn[0]
        ratio = np.log(hot.Delta_wall[k:k + 2] / hot.Delta[k:k + 2])
        d_wall = math.exp(np.interp(0.0, ratio[::-1], np.log(grid[k:k + 2])[::-1]))
    return grid, hot, cold, critical, need, d_wall


def scaling_figure(diameter=DESIGN_DIAMETER, thickness=DESIGN_THICKNESS, Ki=STACK.Ki, Ms=STACK.Ms):
    """How the barrier, the write current and the retention scale with the pillar (at 85 C).

    Left: the coherent barrier ``Delta`` at 85 C and at 300 K and the barrier
    of reversal through a domain wall (:func:`sttlab.mram.scaling`) against
    the diameter, with the diameter where the wall takes over (the end of the
    macrospin picture) and the smallest diameters that keep one bit and the
    target's array for ten years at 0.1 % risk (:func:`sttlab.mram.critical_diameter`).
    Right: the trade-off, the barrier that sets the retention (the lower of
    the two) against the critical current ``I_c0`` of the same pillars, next
    to the coherent ``Delta`` that ``I_c0`` is proportional to; the barriers
    that one bit and the array need (those at the critical diameters) are
    marked. The pillar of this diameter is marked in both; a table gives its
    figures, with its retention (:func:`sttlab.mram.retention_time`).

    Parameters
    ----------
    diameter : float, optional
        In m, in [5e-9, 200e-9].
    thickness : float, optional
        Free-layer thickness in m, in [0.3e-9, 3e-9].
    Ki : float, optional
        Interfacial anisotropy in J/m^2, in [0.1e-3, 3e-3] (the stack's by default).
    Ms : float, optional
        Saturation magnetization in A/m, in [0.2e6, 2.5e6].

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.axes[0]``: ``Delta`` against the diameter in nm (lines labelled ``"coherent, 85 °C"``,
        ``"coherent, 300 K"``, ``"domain wall, 85 °C"``; vertical lines with gids ``"d-one-bit"``,
        ``"d-array"`` and ``"d-wall"`` where they exist); ``fig.axes[1]``: barriers against
        ``I_c0`` in uA (lines labelled ``"coherent Δ"`` and ``"min(Δ, Δ_wall)..."``, horizontal
        lines with gids ``"need-one-bit"`` and ``"need-array"``), with the table beside it, whose
        values have gids ``"Delta"``, ``"Ic0"``, ``"retention-1"`` and ``"retention-N"``.

    Examples
    --------
    The table's barrier (85 C) and critical current of the default pillar:

    >>> fig = scaling_figure()
    >>> [text.get_text() for text in fig.findobj(lambda a: getattr(a, "get_gid", lambda: None)() in ("Delta", "Ic0"))]
    ['79.0', '47.5 µA']
    """
    d = check.in_range("diameter", diameter, 5e-9, 200e-9)
    t = check.in_range("thickness", thickness, 0.3e-9, 3e-9)
    stack = dataclasses.replace(STACK, Ki=check.in_range("Ki", Ki, 0.1e-3, 3e-3),
                                Ms=check.in_range("Ms", Ms, 0.2e6, 2.5e6))
    T = TARGET.T
    grid, hot, cold, critical, need, d_wall = _pillar_curves(t, stack.Ki, stack.Ms)
    here = mram.scaling(d, t, T=T, stack=stack)
    mib = TARGET.n_bits / 2**20
    pma = bool(here.K_eff > 0.0)

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.9))
        left = fig.add_axes((0.075, 0.14, 0.31, 0.66))
        left.plot(grid * 1e9, hot.Delta, color=PALETTE["blue"], label="coherent, 85 °C")
        left.plot(grid * 1e9, cold.Delta, color=PALETTE["blue"], linewidth=0.9, linestyle=(0, (4, 2)),
                  label="coherent, 300 K")
        left.plot(grid * 1e9, hot.Delta_wall, color=PALETTE["orange"], linestyle=(0, (1, 1.5)),
                  label="domain wall, 85 °C")
        for key, value, color in (("d-one-bit", critical[1], PALETTE["green"]),
                                  ("d-array", critical[TARGET.n_bits], PALETTE["vermillion"]),
                                  ("d-wall", d_wall, "0.5")):
            if math.isfinite(value):
                left.axvline(value * 1e9, color=color, linewidth=0.9, linestyle=(0, (3, 2)), gid=key)
        if pma:
            left.plot([d * 1e9], [float(here.barrier)], "o", color=PALETTE["black"], zorder=5)
        else:
            left.text(0.5, 0.5, "no perpendicular\nanisotropy ($K_\\mathrm{eff} \\leq 0$)", transform=left.transAxes,
                      ha="center", va="center", color=PALETTE["vermillion"])
        left.set_xscale("log")
        left.set_yscale("log")
        _log_axis(left.yaxis)
        left.set_xlim(grid[0] * 1e9, grid[-1] * 1e9)
        left.set_ylim(3.0, 3000.0)
        left.set_xticks([10, 20, 50, 100, 200], ["10", "20", "50", "100", "200"])
        left.xaxis.set_minor_locator(NullLocator())
        left.set_xlabel("diameter $d$ (nm)")
        left.set_ylabel("thermal stability factor $\\Delta$")
        left.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8)

        right = fig.add_axes((0.47, 0.14, 0.28, 0.66))
        right.plot(hot.Ic0_AP * 1e6, hot.Delta, color=PALETTE["blue"], linewidth=0.9, linestyle=(0, (4, 2)),
                   label="coherent Δ")
        right.plot(hot.Ic0_AP * 1e6, hot.barrier, color=PALETTE["black"], label="$\\min(\\Delta, \\Delta_\\mathrm{wall})$: sets the retention")
        for n, color, gid in ((1, PALETTE["green"], "need-one-bit"), (TARGET.n_bits, PALETTE["vermillion"], "need-array")):
            if math.isfinite(need[n]):
                right.axhline(need[n], color=color, linewidth=0.9, linestyle=(0, (3, 2)), gid=gid)
        if pma:
            right.plot([float(here.Ic0_AP) * 1e6], [float(here.barrier)], "o", color=PALETTE["black"], zorder=5)
        right.set_xlim(0.0, 150.0)
        right.set_ylim(0.0, 150.0)
        right.set_xlabel("critical current $I_{c0}$ (µA)")
        right.set_ylabel("barrier at 85 °C")
        right.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=1, fontsize=8)
        right.text(0.97, 0.04, f"dashed: needed by one bit (green)\nand by {mib:.0f} Mib (red), 10 years",
                   transform=right.transAxes, ha="right", fontsize=7.5, color="0.35")

        if pma:
            rows = [("$\\Delta$", f"{float(here.Delta):.1f}"),
                    ("$\\Delta_\\mathrm{wall}$", f"{float(here.Delta_wall):.1f}"),
                    ("$I_{c0}$", f"{float(here.Ic0_AP) * 1e6:.1f} µA"),
                    ("$\\Delta/I_{c0}$", f"{float(here.efficiency) * 1e-6:.2f} /µA"),
                    ("one bit", _years(float(_retention_years(here.rate, 1)) * mram.YEAR)),
                    (f"{mib:.0f} Mib", _years(float(_retention_years(here.rate, TARGET.n_bits)) * mram.YEAR))]
        else:
            rows = [(name, "—") for name in ("$\\Delta$", "$\\Delta_\\mathrm{wall}$", "$I_{c0}$", "$\\Delta/I_{c0}$",
                                             "one bit", f"{mib:.0f} Mib")]
        rows.append(("$\\ell_\\mathrm{ex}$", f"{float(mram.exchange_length(stack.Ms, stack.A)) * 1e9:.1f} nm"))
        values = _table(right, rows, x=0.875, y=0.75, dy=0.066)
        for text, gid in zip(values, ("Delta", None, "Ic0", None, "retention-1", "retention-N")):
            text.set_gid(gid)
        fig.text(0.78, 0.84, f"d = {d * 1e9:.1f} nm, t = {t * 1e9:.2f} nm\n"
                 f"{T - 273.15:.0f} °C; retention at 0.1 % risk", fontsize=8.5, va="bottom")
    return fig
