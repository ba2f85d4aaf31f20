"""Chapter 6 figures, the circuit: the 1T-1MTJ cell and the design space of an embedded MRAM.

Each figure function takes SI arguments, validates them (a bad value raises
:class:`ValueError` naming the parameter) and returns a
:class:`matplotlib.figure.Figure`. The physics is :mod:`sttlab.mram`
(:class:`~sttlab.mram.Cell`, :func:`~sttlab.mram.design_space`) on the stack
and at the operating point (85 C) of :mod:`sttlab.plotting.mram`; these
functions only draw it. The explorers in :mod:`sttlab.explorers.mram` call
the same functions, and the defaults are their start values.

Examples
--------
>>> fig = design_space_figure()
>>> [t.get_text() for t in fig.texts if t.get_gid() == "edges"][0].splitlines()[:2]
['binding constraint at each edge:', '  small diameter: retention']
"""

from __future__ import annotations

import dataclasses
import functools

import matplotlib as mpl
import numpy as np
from matplotlib import patheffects
from matplotlib.collections import LineCollection
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .. import _validate as check
from .. import mram
from .common import PALETTE, STYLE, new_figure
from .mram import DESIGN_DIAMETER, DESIGN_THICKNESS, STACK, TARGET, _log_axis, _table

#: The (diameter, thickness) grid of :func:`design_space_figure`'s map, and its finer cut at DESIGN_THICKNESS.
DESIGN_DIAMETERS = np.linspace(20e-9, 100e-9, 33)
DESIGN_THICKNESSES = np.linspace(0.6e-9, 1.8e-9, 25)
SLICE_DIAMETERS = np.linspace(20e-9, 100e-9, 161)

#: Colour of each of :data:`sttlab.mram.CONSTRAINTS` (Okabe-Ito) and of the feasible window.
CONSTRAINT_COLORS = {
    "PMA": "0.72",
    "retention": PALETTE["sky_blue"],
    "write AP->P": PALETTE["orange"],
    "write P->AP": PALETTE["vermillion"],
    "read disturb": PALETTE["purple"],
    "sense margin": PALETTE["yellow"],
    "breakdown": PALETTE["black"],
}
FEASIBLE_COLOR = PALETTE["green"]
_DIRECTION_COLORS = {"AP->P": PALETTE["blue"], "P->AP": PALETTE["vermillion"]}
_ARROW = {"AP->P": "AP→P", "P->AP": "P→AP"}
#: Below this the write-error table is not checked against the solver, so the figures print only a bound.
_WER_FLOOR = 1e-15


# --------------------------------------------------------------------------- the 1T-1MTJ cell


def _pillar(diameter, thickness):
    """The validated pillar of the cell figures, as a :class:`~sttlab.params.Junction` of the chapter's stack."""
    d = check.in_range("diameter", diameter, 15e-9, 150e-9)
    t = check.in_range("thickness", thickness, 0.5e-9, 2e-9)
    junction = mram.junction(d, t, STACK)
    if junction.free.K_eff <= 0.0:
        raise ValueError(f"thickness must leave the pillar perpendicular (K_eff > 0), got {thickness!r}")
    return d, t, junction


def write_figure(diameter=DESIGN_DIAMETER, transistor_width=150e-9, pulse_width=20e-9, *,
                 thickness=DESIGN_THICKNESS):
    """Writing the 1T-1MTJ cell at 85 C: the current each way, and the write errors it leaves.

    The cell (:class:`sttlab.mram.Cell`) has the target's write and word-line
    voltages and an access transistor of this width. (a) Load lines: the
    current through the MTJ against its voltage, ``V / R(V)`` in each initial
    state (solid), and the current the transistor passes with the rest of the
    driver voltage (dashed), with its source raised by the MTJ voltage when
    writing P -> AP (source degeneration); they cross at the write current of
    :meth:`Cell.write`. (b) The write-error rate of each direction at that
    current against the pulse width, from 0.5 to 300 ns where the table of
    :func:`sttlab.mram.tabulated_write_error_rate` reaches (0.2 to 1000 ``tau_D``).
    A table gives the barrier, ``I_c0``, the currents and energies of both
    writes, the breakdown ratio and the write-error rates at this pulse.

    The pillar's ``Delta`` and the write currents' ``I / I_c0`` must lie in the
    write-error table (:data:`sttlab.mram.WER_TABLE_DOMAIN`), or a ValueError names
    ``diameter`` or ``transistor_width`` (a wide transistor on a large pillar with
    little anisotropy can drive tens of ``I_c0``).

    Parameters
    ----------
    diameter : float, optional
        In m, in [15e-9, 150e-9].
    transistor_width : float, optional
        Channel width in m, in [20e-9, 1e-6].
    pulse_width : float, optional
        Write pulse in s, in [0.5e-9, 1e-6] and within the table's 0.2 to 1000 ``tau_D``.
    thickness : float, optional
        Free-layer thickness in m, in [0.5e-9, 2e-9], with perpendicular anisotropy.

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: (a) current in uA against MTJ voltage in V, lines labelled ``"MTJ, AP"``,
        ``"MTJ, P"``, ``"transistor, AP→P"``, ``"transistor, P→AP"``, operating points with
        gids ``"AP->P"`` and ``"P->AP"``; (b) WER against pulse width in ns, lines labelled
        ``"AP→P"`` and ``"P→AP"``. Table values (on Axes (b)) have gids ``"Ic0"``, ``"I AP->P"``,
        ``"I P->AP"`` (current and ``I / I_c0``), ``"E AP->P"``, ``"E P->AP"`` and ``"breakdown"``;
        the figure text with gid ``"summary"`` gives the write-error rates at this pulse ("< 1e-15"
        below the table's checked range).

    Examples
    --------
    Source degeneration: the P -> AP write gets less current (and less overdrive) than AP -> P:

    >>> fig = write_figure()
    >>> [t.get_text() for t in fig.findobj(lambda a: getattr(a, "get_gid", lambda: None)() in ("I AP->P", "I P->AP"))]
    ['127 µA, 2.69×', '84 µA, 1.76×']
    """
    d, t, junction = _pillar(diameter, thickness)
    width = check.in_range("transistor_width", transistor_width, 20e-9, 1e-6)
    pulse = check.in_range("pulse_width", pulse_width, 0.5e-9, 1e-6)
    T = TARGET.T
    cell = mram.Cell(d, t, STACK, transistor=mram.AccessTransistor(width=width), V_write=TARGET.V_write,
                     V_gate=TARGET.V_gate, connection=TARGET.connection)
    ops = {direction: cell.write(direction, pulse) for direction in mram.DIRECTIONS}
    signs = {"AP->P": 1.0, "P->AP": -1.0}
    Ic0 = {"AP->P": junction.Ic0("AP"), "P->AP": -junction.Ic0("P")}
    V = np.linspace(0.0, TARGET.V_write, 241)
    mtj = {"AP": V / mram.resistance(d, STACK, "AP", voltage=V), "P": V / mram.resistance(d, STACK)}
    fet = cell.transistor
    drive = {k: fet.drain_current(cell.V_gate - (V if op.degenerated else 0.0), cell.V_write - V)
             for k, op in ops.items()}
    (D_lo, D_hi), (_, i_hi), (p_lo, p_hi) = mram.WER_TABLE_DOMAIN.values()
    if not D_lo <= junction.free.Delta(T) <= D_hi:
        raise ValueError(f"diameter and thickness give Delta = {junction.free.Delta(T):.3g} at {T - 273.15:.0f} C, "
                         f"outside the write-error table's [{D_lo:g}, {D_hi:g}]")
    overdrive = max(abs(op.current / Ic0[k]) for k, op in ops.items())
    if overdrive > i_hi:
        raise ValueError(f"transistor_width drives {overdrive:.3g} I_c0 into this pillar, beyond the write-error "
                         f"table's {i_hi:g} I_c0: take a narrower transistor")
    tau_D = junction.free.relaxation_time
    widths = np.geomspace(max(0.5e-9, p_lo * tau_D), min(300e-9, p_hi * tau_D), 120)
    wer = {k: mram.tabulated_write_error_rate(junction, T, widths, signs[k] * ops[k].current) for k in ops}
    wer_here = {k: mram.tabulated_write_error_rate(junction, T, pulse, signs[k] * ops[k].current) for k in ops}
    breakdown = float(STACK.breakdown_margin(max(op.voltage for op in ops.values())))

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 4.0))
        ax_a = fig.add_axes((0.085, 0.13, 0.27, 0.6))
        ax_b = fig.add_axes((0.445, 0.13, 0.27, 0.6))
        for state, k in (("AP", "AP->P"), ("P", "P->AP")):
            ax_a.plot(V, mtj[state] * 1e6, color=_DIRECTION_COLORS[k], label=f"MTJ, {state}")
        for k in ops:
            ax_a.plot(V, drive[k] * 1e6, color=_DIRECTION_COLORS[k], linestyle=(0, (4, 2)),
                      label=f"transistor, {_ARROW[k]}")
            start = "AP" if k == "AP->P" else "P"
            V_op = float(np.interp(ops[k].current, mtj[start], V))
            ax_a.plot([V_op], [ops[k].current * 1e6], "o", color=_DIRECTION_COLORS[k], gid=k, zorder=5)
        ax_a.set_xlim(0.0, TARGET.V_write)
        ax_a.xaxis.set_major_locator(MaxNLocator(4))
        ax_a.yaxis.set_major_locator(MaxNLocator(5))
        ax_a.set_ylim(0.0, 1.3 * max(float(drive["AP->P"].max()), float(drive["P->AP"].max())) * 1e6)
        ax_a.set_xlabel("voltage on the MTJ (V)")
        ax_a.set_ylabel("current (µA)")
        ax_a.text(0.02, 0.97, "(a) load lines", transform=ax_a.transAxes, fontsize=10, va="top")
        ax_a.legend(loc="lower center", bbox_to_anchor=(0.5, 1.04), ncol=2, fontsize=7.5, handlelength=1.8,
                    columnspacing=0.8)

        for k in ops:
            ax_b.plot(widths * 1e9, wer[k], color=_DIRECTION_COLORS[k], label=_ARROW[k])
            ax_b.plot([pulse * 1e9], [wer_here[k]], "o", color=_DIRECTION_COLORS[k], zorder=5)
        ax_b.axhline(TARGET.wer, color="0.5", linewidth=0.8, linestyle=(0, (3, 2)))
        ax_b.axvline(pulse * 1e9, color="0.75", linewidth=0.8, zorder=0)
        ax_b.set_xscale("log")
        ax_b.set_yscale("log")
        _log_axis(ax_b.xaxis)
        _log_axis(ax_b.yaxis)
        ax_b.set_xlim(0.5, 300.0)
        ax_b.set_ylim(1e-15, 2.0)
        ax_b.set_xlabel("pulse width (ns)")
        ax_b.set_ylabel("write-error rate")
        ax_b.text(0.0, 1.04, "(b) write errors (colours as in (a))", transform=ax_b.transAxes, fontsize=10)

        rows = [("$\\Delta$", f"{junction.free.Delta(T):.1f}"), ("$I_{c0}$", f"{Ic0['AP->P'] * 1e6:.1f} µA")]
        for label, value in (("$I$", lambda k: f"{ops[k].current * 1e6:.0f} µA, {ops[k].current / Ic0[k]:.2f}×"),
                             ("$E$", lambda k: f"{float(ops[k].energy) * 1e12:.2f} pJ")):
            rows += [(f"{label} {_ARROW[k]}", value(k), _DIRECTION_COLORS[k]) for k in ops]
        rows.append(("$V_\\mathrm{bd}/V_\\mathrm{MTJ}$", f"{breakdown:.2f}"))
        values = _table(ax_b, rows, x=0.875, y=0.76, dy=0.06)
        for text, gid in zip(values, [None, "Ic0", "I AP->P", "I P->AP", "E AP->P", "E P->AP", "breakdown"]):
            text.set_gid(gid)
        fig.text(0.76, 0.97, f"d = {d * 1e9:.0f} nm, t = {t * 1e9:.2f} nm\ntransistor W = {width * 1e9:.0f} nm\n"
                 f"pulse {pulse * 1e9:.3g} ns, {T - 273.15:.0f} °C", fontsize=8.5, va="top")
        rates = [f"WER {_ARROW[k]}: " + (f"{wer_here[k]:.1e}" if wer_here[k] >= _WER_FLOOR else f"< {_WER_FLOOR:.0e}")
                 for k in ops]
        fig.text(0.76, 0.3, "\n".join(rates), fontsize=8.5, va="top", linespacing=1.6, gid="summary")
    return fig


def read_figure(diameter=DESIGN_DIAMETER, read_current=10e-6, *, thickness=DESIGN_THICKNESS):
    """Reading the 1T-1MTJ cell at 85 C: the signal a read current gives, and the bits it disturbs.

    (a) The read signal (:func:`sttlab.mram.sense_margin`) and (b) the read
    disturb per read (:func:`sttlab.mram.read_disturb`, the target's read
    time) against the read current, with the target's limits (dashed); the
    read currents that meet both, the read window, are shaded. The
    transistor plays no part: a read current is far below what it passes.

    Parameters
    ----------
    diameter : float, optional
        In m, in [15e-9, 150e-9].
    read_current : float, optional
        In A, in [0.1e-6, 200e-6].
    thickness : float, optional
        Free-layer thickness in m, in [0.5e-9, 2e-9], with perpendicular anisotropy.

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes against read current in uA: (a) sense margin in mV, line labelled
        ``"sense margin"``; (b) disturb per read, line labelled ``"read disturb"``. The figure
        text with gid ``"summary"`` gives the sense margin and the read disturb at this current
        and the read window on the figure's 0.5 uA grid ("none" when no current meets both limits).

    Examples
    --------
    >>> fig = read_figure()
    >>> print(fig.findobj(lambda a: getattr(a, "get_gid", lambda: None)() == "summary")[0].get_text())
    sense margin: 46.4 mV
    read disturb: 2.2e-20
    read window: 4.5 µA to 20.5 µA
    """
    d, t, junction = _pillar(diameter, thickness)
    I_read = check.in_range("read_current", read_current, 0.1e-6, 200e-6)
    T = TARGET.T
    reads = np.linspace(0.0, 100e-6, 201)
    sense = mram.sense_margin(reads, d, STACK)
    disturb = mram.read_disturb(junction, reads, TARGET.read_time, T)
    sense_here = float(mram.sense_margin(I_read, d, STACK))
    disturb_here = float(mram.read_disturb(junction, I_read, TARGET.read_time, T))
    window = (sense >= TARGET.sense_margin) & (disturb <= TARGET.read_disturb)
    span = "none"
    if window.any():  # contiguous: the signal and the disturb both grow with the current
        top = "beyond the plot" if window[-1] else f"{reads[window][-1] * 1e6:.1f} µA"
        span = f"{reads[window][0] * 1e6:.1f} µA to {top}"

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.2))
        ax_a = fig.add_axes((0.085, 0.16, 0.27, 0.7))
        ax_b = fig.add_axes((0.445, 0.16, 0.27, 0.7))
        for ax in (ax_a, ax_b):
            ax.fill_between(reads * 1e6, 0.0, 1.0, where=window, transform=ax.get_xaxis_transform(),
                            color=FEASIBLE_COLOR, alpha=0.15, linewidth=0)
            ax.axvline(I_read * 1e6, color="0.75", linewidth=0.8, zorder=0)
            ax.set_xlim(0.0, reads[-1] * 1e6)
            ax.xaxis.set_major_locator(MaxNLocator(5))
            ax.set_xlabel("read current (µA)")
        ax_a.plot(reads * 1e6, sense * 1e3, color=PALETTE["blue"], label="sense margin")
        ax_a.plot([I_read * 1e6], [sense_here * 1e3], "o", color=PALETTE["blue"], zorder=5)
        ax_a.axhline(TARGET.sense_margin * 1e3, color="0.5", linewidth=0.8, linestyle=(0, (3, 2)))
        ax_a.set_ylim(0.0, 1.1 * max(float(sense.max()), TARGET.sense_margin) * 1e3)
        ax_a.yaxis.set_major_locator(MaxNLocator(5))
        ax_a.set_ylabel("$V_{AP} - V_P$ (mV)")
        ax_a.text(0.0, 1.04, "(a) read signal", transform=ax_a.transAxes, fontsize=10)
        ax_b.plot(reads * 1e6, np.maximum(disturb, 1e-300), color=PALETTE["purple"], label="read disturb")
        ax_b.plot([I_read * 1e6], [max(disturb_here, 1e-300)], "o", color=PALETTE["purple"], zorder=5)
        ax_b.axhline(TARGET.read_disturb, color="0.5", linewidth=0.8, linestyle=(0, (3, 2)))
        ax_b.set_yscale("log")
        _log_axis(ax_b.yaxis)
        ax_b.set_ylim(1e-30, 2.0)
        ax_b.set_ylabel("disturb probability per read")
        ax_b.text(0.0, 1.04, f"(b) read disturb ({TARGET.read_time * 1e9:.0f} ns read)", transform=ax_b.transAxes,
                  fontsize=10)
        fig.text(0.76, 0.86, f"d = {d * 1e9:.0f} nm, t = {t * 1e9:.2f} nm\nread {I_read * 1e6:.3g} µA, "
                 f"{T - 273.15:.0f} °C", fontsize=8.5, va="top")
        fig.text(0.76, 0.62, f"sense margin: {sense_here * 1e3:.1f} mV\nread disturb: {disturb_here:.1e}\n"
                 f"read window: {span}", fontsize=8.5, va="top", linespacing=1.6, gid="summary")
    return fig


# --------------------------------------------------------------------------- the design space


def _outline(inside, x_edges, y_edges):
    """Segments along the cell edges between ``inside`` (shape (nx, ny)) and the rest, and at the grid's border."""
    padded = np.pad(inside, 1)
    segments = []
    for i, j in zip(*np.nonzero(padded[1:, 1:-1] != padded[:-1, 1:-1])):  # a vertical edge at x_edges[i]
        segments.append([(x_edges[i], y_edges[j]), (x_edges[i], y_edges[j + 1])])
    for i, j in zip(*np.nonzero(padded[1:-1, 1:] != padded[1:-1, :-1])):  # a horizontal edge at y_edges[j]
        segments.append([(x_edges[i], y_edges[j]), (x_edges[i + 1], y_edges[j])])
    return segments


@functools.lru_cache(maxsize=2)
def _grid_scaling(slice_only):
    """:func:`sttlab.mram.scaling` of the map's grid (or of its cut), at the target's temperature."""
    if slice_only:
        return mram.scaling(SLICE_DIAMETERS[:, None], np.array([[DESIGN_THICKNESS]]), T=TARGET.T, stack=STACK)
    return mram.scaling(DESIGN_DIAMETERS[:, None], DESIGN_THICKNESSES[None, :], T=TARGET.T, stack=STACK)


def design_space_figure(pulse_width=20e-9, transistor_width=150e-9, wer=1e-9, read_current=10e-6):
    """The design space of :data:`sttlab.mram.EMBEDDED_2026`: the feasible window and what binds at its edges.

    :func:`sttlab.mram.design_space` on a (diameter, thickness) grid, for the
    target with this write-error rate and read current. Left: each grid
    point coloured by its binding constraint (the tightest, or most
    violated, one of :data:`sttlab.mram.CONSTRAINTS`), the feasible window
    in green and outlined, with the book's design point marked and the
    constraint that binds on each side (:meth:`DesignSpace.edges`) named.
    Right: the margin of every constraint (decades; ``>= 0`` where met)
    along the cut at the design thickness, on a finer grid; the feasible
    interval is shaded.

    Parameters
    ----------
    pulse_width : float, optional
        Write pulse in s, in [0.5e-9, 1e-6].
    transistor_width : float, optional
        In m, in [20e-9, 1e-6].
    wer : float, optional
        Largest write-error rate, in [1e-15, 1e-2].
    read_current : float, optional
        In A, in [0.1e-6, 200e-6].

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.axes[0]``: the map (a QuadMesh with gid ``"binding"`` whose values are the
        constraint indices, ``len(CONSTRAINTS)`` where feasible), thickness in nm against
        diameter in nm; ``fig.axes[1]``: margins against diameter in nm, one line per
        constraint but PMA, labelled with its name. The figure text with gid ``"edges"``
        names the binding constraint on each side.

    Examples
    --------
    >>> fig = design_space_figure()
    >>> edges = fig.findobj(lambda a: getattr(a, "get_gid", lambda: None)() == "edges")[0]
    >>> print(edges.get_text())
    binding constraint at each edge:
      small diameter: retention
      large diameter: write P→AP
      thin: write P→AP
      thick: retention
    """
    pulse = check.in_range("pulse_width", pulse_width, 0.5e-9, 1e-6)
    width = check.in_range("transistor_width", transistor_width, 20e-9, 1e-6)
    target = dataclasses.replace(TARGET, wer=check.in_range("wer", wer, 1e-15, 1e-2),
                                 read_current=check.in_range("read_current", read_current, 0.1e-6, 200e-6))
    space = mram.design_space(DESIGN_DIAMETERS, DESIGN_THICKNESSES, pulse_width=pulse, transistor_width=width,
                              target=target, stack=STACK, figures=_grid_scaling(False))
    cut = mram.design_space(SLICE_DIAMETERS, [DESIGN_THICKNESS], pulse_width=pulse, transistor_width=width,
                            target=target, stack=STACK, figures=_grid_scaling(True))
    n = len(mram.CONSTRAINTS)
    code = np.where(space.feasible, n, space.binding)
    colors = [CONSTRAINT_COLORS[name] for name in mram.CONSTRAINTS] + [FEASIBLE_COLOR]
    step_d, step_t = np.diff(DESIGN_DIAMETERS)[0], np.diff(DESIGN_THICKNESSES)[0]
    edges_d = np.append(DESIGN_DIAMETERS - 0.5 * step_d, DESIGN_DIAMETERS[-1] + 0.5 * step_d) * 1e9
    edges_t = np.append(DESIGN_THICKNESSES - 0.5 * step_t, DESIGN_THICKNESSES[-1] + 0.5 * step_t) * 1e9
    edges = space.edges()

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 4.7))
        left = fig.add_axes((0.075, 0.34, 0.4, 0.57))
        mesh = left.pcolormesh(edges_d, edges_t, code.T, cmap=ListedColormap(colors),
                               norm=BoundaryNorm(np.arange(-0.5, n + 1.0), n + 1), alpha=0.85, linewidth=0,
                               rasterized=True)
        mesh.set_gid("binding")
        left.add_collection(LineCollection(_outline(space.feasible, edges_d, edges_t), colors=PALETTE["black"],
                                           linewidths=1.3, gid="window"))
        left.axhline(DESIGN_THICKNESS * 1e9, color=PALETTE["black"], linewidth=0.7, linestyle=(0, (3, 2)))
        left.plot([DESIGN_DIAMETER * 1e9], [DESIGN_THICKNESS * 1e9], marker="*", markersize=11,
                  color=PALETTE["black"], markerfacecolor="white", linestyle="none", zorder=5)
        left.set_xlabel("diameter $d$ (nm)")
        left.set_ylabel("free-layer thickness $t$ (nm)")
        left.text(0.0, 1.025, f"pulse {pulse * 1e9:.3g} ns, transistor {width * 1e9:.0f} nm, WER ≤ {wer:.0e}, "
                  f"read {read_current * 1e6:.3g} µA", transform=left.transAxes, fontsize=9)
        handles = [Patch(facecolor=c, edgecolor="0.4", linewidth=0.4, label=name.replace("->", "→"))
                   for c, name in zip(colors, [*mram.CONSTRAINTS, "feasible"])]
        fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.0), ncol=3, fontsize=8.5,
                   title="binding constraint (the tightest, or most violated)", title_fontsize=8.5)
        lines = ["binding constraint at each edge:"] + [f"  {side}: {name.replace('->', '→') if name else '—'}"
                                                         for side, name in edges.items()]
        fig.text(0.6, 0.015, "\n".join(lines), fontsize=8.5, va="bottom", gid="edges")

        right = fig.add_axes((0.585, 0.34, 0.39, 0.57))
        ok = cut.feasible[:, 0]
        right.fill_between(SLICE_DIAMETERS * 1e9, 0.0, 1.0, where=ok, transform=right.get_xaxis_transform(),
                           color=FEASIBLE_COLOR, alpha=0.18, linewidth=0)
        stroke = [patheffects.withStroke(linewidth=2.6, foreground="0.3")]
        for k, name in enumerate(mram.CONSTRAINTS):
            if name == "PMA":
                continue
            right.plot(SLICE_DIAMETERS * 1e9, cut.margins[k, :, 0], color=CONSTRAINT_COLORS[name],
                       label=name.replace("->", "→"),
                       path_effects=stroke if name == "sense margin" else None)
        right.axhline(0.0, color=PALETTE["black"], linewidth=0.8)
        right.set_xlim(SLICE_DIAMETERS[0] * 1e9, SLICE_DIAMETERS[-1] * 1e9)
        right.set_ylim(-4.0, 4.0)
        right.set_xlabel("diameter $d$ (nm)")
        right.set_ylabel("margin (decades; met above 0)")
        right.text(0.0, 1.025, f"cut at t = {DESIGN_THICKNESS * 1e9:.2f} nm (colours as in the map)",
                   transform=right.transAxes, fontsize=9)
    return fig
