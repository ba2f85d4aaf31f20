"""Chapter 7 figures: a domain wall against tanh, muMAG standard problem 4, and a pillar reversed by current.

Each figure function takes SI arguments, validates them and returns a
:class:`matplotlib.figure.Figure`. All the physics is :mod:`sttlab.micromag`;
these functions only set up small problems and draw them. The expensive runs
(standard problem 4, the pillar) can be passed in precomputed; otherwise they
are computed once per set of arguments and kept (:func:`pillar_run`), so that
the explorers of :mod:`sttlab.explorers.micromag` redraw from memory.

Examples
--------
>>> fig = domain_wall_figure()  # permalloy-like A with a strong uniaxial K: delta = 5.1 nm
>>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "delta"]
['δ = √(A/K) = 5.10 nm']
"""

from __future__ import annotations

import math
from functools import lru_cache

import matplotlib as mpl
import numpy as np

from .. import _validate as check
from ..micromag import Mesh, Sample, pillar, relax, standard_problems
from .common import COMPONENT_COLORS, PALETTE, STYLE, minus_signs, new_figure

#: Half-width of the chain of :func:`domain_wall`, in wall widths delta.
WALL_HALF_WIDTH = 8.0
#: Cell sizes (in units of delta) of the convergence panel of :func:`domain_wall_figure`.
WALL_CELL_RATIOS = (0.125, 0.177, 0.25, 0.354, 0.5, 0.707, 1.0, 1.41, 2.0)
#: Torque tolerance of the wall relaxation, a fraction of Ms.
WALL_TORQUE_TOL = 1e-6
#: Snapshots of :func:`pillar_run` (the explorer's time slider steps through them).
PILLAR_SNAPSHOTS = 41


# --------------------------------------------------------------------------- the domain wall


def domain_wall(A=1.3e-11, Ku=5e5, cell=1e-9, *, Ms=8e5):
    """A relaxed Bloch wall on a chain of cells along x (uniaxial axis z, no demag).

    The chain spans ``+-8 delta`` with ``delta = sqrt(A / K_u)``; it starts from
    a wall twice too steep and is relaxed by :func:`sttlab.micromag.relax`.
    The continuum answer is ``m_z = tanh(x / delta)``, ``m_y = sech(x / delta)``
    (Landau and Lifshitz, Phys. Z. Sowjetunion 8, 153 (1935)).

    Parameters
    ----------
    A : float, optional
        Exchange stiffness in J/m (> 0).
    Ku : float, optional
        Uniaxial anisotropy in J/m^3 (> 0).
    cell : float, optional
        Cell size along the chain in m (> 0, at most ``2 delta``).
    Ms : float, optional
        Saturation magnetization in A/m (> 0; it does not change the wall, only the torque scale).

    Returns
    -------
    x : ndarray, shape (n,)
        Cell centres in m.
    m : ndarray, shape (3, n)
        The relaxed magnetization.
    sample : Sample

    Examples
    --------
    >>> import numpy as np
    >>> x, m, _ = domain_wall(cell=0.5e-9)
    >>> bool(np.abs(m[2] - np.tanh(x / np.sqrt(1.3e-11 / 5e5))).max() < 2e-3)
    True
    """
    A = check.positive("A", A, "J/m")
    Ku = check.positive("Ku", Ku, "J/m^3")
    Ms = check.positive("Ms", Ms, "A/m")
    delta = math.sqrt(A / Ku)
    cell = check.in_range("cell", cell, 0.0, 2.0 * delta, low_open=True)
    n = 2 * max(4, math.ceil(WALL_HALF_WIDTH * delta / cell))
    sample = Sample(Mesh((n, 1, 1), (cell, cell, cell)), Ms=Ms, A=A, alpha=0.5, Ku=Ku, demag=False)
    x = sample.mesh.coordinates()[0]
    theta = 2.0 * np.arctan(np.exp(x / (0.5 * delta)))
    m0 = np.zeros((3, n, 1, 1))
    m0[1, :, 0, 0], m0[2, :, 0, 0] = np.sin(theta), -np.cos(theta)
    state = relax(sample, m0, torque_tol=WALL_TORQUE_TOL * Ms)
    return x, state.m[:, :, 0, 0], sample


@lru_cache(maxsize=1)
def _wall_errors():
    """Largest ``|m_z - tanh|`` of the relaxed wall at :data:`WALL_CELL_RATIOS` (independent of A and K)."""
    A, Ku = 1.3e-11, 5e5
    delta = math.sqrt(A / Ku)
    errors = []
    for ratio in WALL_CELL_RATIOS:
        x, m, _ = domain_wall(A, Ku, ratio * delta)
        errors.append(np.abs(m[2] - np.tanh(x / delta)).max())
    return np.array(errors)


def domain_wall_figure(A=1.3e-11, Ku=5e5, cell=1e-9):
    """The discrete Bloch wall against ``tanh(x / delta)``, and its error against the cell size.

    Left: ``m_z`` and ``m_y`` of the relaxed chain (:func:`domain_wall`, dots)
    over the continuum profile (lines), with ``delta = sqrt(A / K)`` and the
    wall energy per area against ``4 sqrt(A K)``. Right: the largest deviation
    from ``tanh`` against ``cell / delta`` (it depends on nothing else), falling
    as the square of the cell, with this cell marked.

    Parameters
    ----------
    A : float, optional
        Exchange stiffness in J/m.
    Ku : float, optional
        Uniaxial anisotropy in J/m^3.
    cell : float, optional
        Cell size in m (at most ``2 sqrt(A / Ku)``).

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: the profile (x in nm), the error against ``cell / delta`` (log-log).

    Examples
    --------
    >>> fig = domain_wall_figure(A=2e-11, Ku=2e5, cell=2e-9)  # delta = 10 nm
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "delta"]
    ['δ = √(A/K) = 10.00 nm']
    """
    x, m, sample = domain_wall(A, Ku, cell)
    delta = math.sqrt(A / Ku)
    error = np.abs(m[2] - np.tanh(x / delta)).max()
    state = sample.energies(m[:, :, None, None])
    area = sample.mesh.cell[1] * sample.mesh.cell[2]
    sigma = (state["exchange"] + state["anisotropy"] + Ku * sample.volume) / area  # J/m^2 above the uniform state
    ratios, errors = np.array(WALL_CELL_RATIOS), _wall_errors()

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.5))
        ax = fig.add_axes((0.075, 0.15, 0.47, 0.72))
        xs = np.linspace(x[0], x[-1], 400)
        ax.plot(xs * 1e9, np.tanh(xs / delta), color=COMPONENT_COLORS[2], label="tanh(x/δ)")
        ax.plot(xs * 1e9, 1.0 / np.cosh(xs / delta), color=COMPONENT_COLORS[1], label="sech(x/δ)")
        ax.plot(x * 1e9, m[2], "o", markersize=3.5, color=COMPONENT_COLORS[2], markerfacecolor="white",
                label="$m_z$ cells", gid="mz")
        ax.plot(x * 1e9, m[1], "s", markersize=3.0, color=COMPONENT_COLORS[1], markerfacecolor="white",
                label="$m_y$ cells", gid="my")
        ax.axhline(0.0, color="0.82", linewidth=0.6, zorder=0)
        ax.set_xlim(x[0] * 1e9, x[-1] * 1e9)
        ax.set_ylim(-1.15, 1.15)
        ax.set_xlabel("position $x$ along the chain (nm)")
        ax.set_ylabel("magnetization")
        ax.legend(loc="lower right", fontsize=8.5)
        ax.text(0.03, 0.95, f"δ = √(A/K) = {delta * 1e9:.2f} nm", transform=ax.transAxes, ha="left", va="top",
                gid="delta")
        ax.text(0.03, 0.86, f"cell = {cell * 1e9:.3g} nm = {cell / delta:.2f} δ", transform=ax.transAxes,
                ha="left", va="top", fontsize=9.5, gid="cell")
        ax.text(0.03, 0.77, f"σ/4√(AK) = {sigma / (4.0 * math.sqrt(A * Ku)):.4f}", transform=ax.transAxes,
                ha="left", va="top", fontsize=9.5, gid="sigma")

        ax2 = fig.add_axes((0.66, 0.15, 0.32, 0.72))
        ax2.loglog(ratios, errors, "o-", color=PALETTE["black"], markersize=4, label="relaxed chain")
        ax2.loglog(ratios, errors[2] * (ratios / ratios[2]) ** 2, color="0.6", linestyle=(0, (4, 3)),
                   linewidth=1.0, label="∝ cell²")
        ax2.plot([cell / delta], [error], "o", markersize=8, color=PALETTE["orange"], zorder=5, gid="here")
        ax2.xaxis.set_major_locator(mpl.ticker.FixedLocator([0.125, 0.25, 0.5, 1.0, 2.0]))
        ax2.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
        ax2.xaxis.set_minor_locator(mpl.ticker.NullLocator())
        ax2.yaxis.set_minor_locator(mpl.ticker.NullLocator())
        ax2.set_xlabel("cell size / δ")
        ax2.set_ylabel("max |$m_z$ − tanh(x/δ)|")
        ax2.legend(loc="upper left", fontsize=8.5)
        ax2.set_title("only cell/δ matters", fontsize=10)
    return fig


# --------------------------------------------------------------------------- standard problem 4


def _check_result(name, result, number):
    if not isinstance(result, standard_problems.Result) or result.number != number:
        raise TypeError(f"{name} must be a standard_problems.Result of field {number}, got {result!r}")
    if result.run.snapshots.shape[0] == 0:
        raise ValueError(f"{name} needs snapshots (run it with snapshot_every)")
    return result


def standard_problem4_figure(field1=None, field2=None, *, reference="crank_nicolson_200x50"):
    """muMAG standard problem 4: ``<m>(t)`` under both fields, a published curve, and ``m`` at the first crossing.

    Top: ``<m_x>, <m_y>, <m_z>`` under field 1 (lines) over a published
    solution (:func:`sttlab.micromag.standard_problems.reference_curve`,
    dashed), the first zero crossings of ``<m_x>`` marked. Middle: the same
    under field 2. Bottom: the in-plane magnetization at the saved snapshot
    nearest the first zero crossing of ``<m_x>``, for each field (colour: ``m_x``;
    arrows: ``(m_x, m_y)``).

    Parameters
    ----------
    field1, field2 : standard_problems.Result, optional
        Runs of :func:`sttlab.micromag.standard_problems.run` (fields 1 and 2)
        with snapshots. Default: 1 ns on 128 x 32 x 1 cells, snapshots every
        5 ps (about 10 s each).
    reference : str, optional
        The published field-1 curve to overlay.

    Returns
    -------
    matplotlib.figure.Figure
        Four Axes: field 1, field 2 (t in ns), and the two snapshots (x, y in nm).

    Examples
    --------
    >>> from sttlab.micromag import standard_problems as sp
    >>> one = sp.run(1, n=(32, 8, 1), duration=0.2e-9, snapshot_every=5e-12)
    >>> two = sp.run(2, n=(32, 8, 1), duration=0.2e-9, relaxed=one.relaxed, snapshot_every=5e-12)
    >>> fig = standard_problem4_figure(one, two)
    >>> fig.axes[0].get_title()
    'field 1: μ0H = (−24.6, 4.3, 0) mT at 170°'
    """
    check.choice("reference", reference, tuple(standard_problems.REFERENCES))
    if field1 is None:
        field1 = standard_problems.run(1, snapshot_every=5e-12)
    if field2 is None:
        field2 = standard_problems.run(2, relaxed=field1.relaxed, snapshot_every=5e-12)
    results = (_check_result("field1", field1, 1), _check_result("field2", field2, 2))
    t_ref, m_ref = standard_problems.reference_curve(reference)

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 7.6))
        curves = [fig.add_axes((0.08, 0.725, 0.9, 0.235)), fig.add_axes((0.08, 0.385, 0.9, 0.235))]
        maps = [fig.add_axes((0.04, 0.03, 0.44, 0.22)), fig.add_axes((0.53, 0.03, 0.44, 0.22))]
        for ax, result in zip(curves, results):
            run, number = result.run, result.number
            for c, name in enumerate("xyz"):
                ax.plot(run.t * 1e9, run.m_avg[:, c], color=COMPONENT_COLORS[c], label=f"$\\langle m_{name}\\rangle$")
            if number == 1:
                for c in range(3):
                    ax.plot(t_ref * 1e9, m_ref[:, c], color="0.15", linestyle=(0, (2, 2)), linewidth=0.9,
                            label="published (200 × 50)" if c == 0 else None, gid=f"reference{c}")
            crossing = result.first_crossing
            if crossing is not None:
                ax.axvline(crossing * 1e9, color="0.6", linewidth=0.8, linestyle=":", gid="crossing")
                ax.text(crossing * 1e9 + 0.01, 0.75, f"⟨m_x⟩ = 0 at {crossing * 1e12:.1f} ps", fontsize=9,
                        color="0.3", gid="crossing_text")
            ax.axhline(0.0, color="0.85", linewidth=0.6, zorder=0)
            ax.set_xlim(0.0, run.t[-1] * 1e9)
            ax.set_ylim(-1.1, 1.1)
            ax.set_xlabel("time (ns)")
            ax.set_ylabel("⟨m⟩")
            field_mT = [minus_signs(f"{1e3 * b:g}") for b in standard_problems.FIELDS_T[number]]
            angle = 170 if number == 1 else 190
            ax.set_title(f"field {number}: μ0H = ({', '.join(field_mT)}) mT at {angle}°")
            ax.legend(loc="upper right", ncol=4, fontsize=8.5)
        for ax, result in zip(maps, results):
            run = result.run
            when = result.first_crossing if result.first_crossing is not None else run.t[-1]
            k = int(np.argmin(np.abs(run.snapshot_t - when)))
            m = run.snapshots[k, :, :, :, 0]
            x, y, _ = result.run.sample.mesh.coordinates()
            ax.imshow(m[0].T, origin="lower", cmap="RdBu_r", vmin=-1, vmax=1, aspect="equal",
                      extent=(x[0] * 1e9 - 2, x[-1] * 1e9 + 2, y[0] * 1e9 - 2, y[-1] * 1e9 + 2))
            step = max(1, len(x) // 16)
            X, Y = np.meshgrid(x[::step] * 1e9, y[::step] * 1e9, indexing="ij")
            ax.quiver(X, Y, m[0, ::step, ::step], m[1, ::step, ::step], pivot="middle", scale=22, width=0.004,
                      color="0.1")
            ax.set_title(f"field {result.number}, t = {run.snapshot_t[k] * 1e12:.0f} ps (colour: $m_x$)",
                         fontsize=9.5)
            ax.set_xticks([])
            ax.set_yticks([])
    return fig


# --------------------------------------------------------------------------- the pillar


class _Runs(dict):
    """The pillar runs computed so far, by (diameter, current ratio, edge damage): the last four."""

    def cache_clear(self):
        self.clear()


_PILLAR_RUNS = _Runs()


def pillar_run(diameter=80e-9, current_ratio=3.0, *, edge_damage=0.0, progress=False):
    """:func:`sttlab.micromag.pillar.switch` with :data:`PILLAR_SNAPSHOTS` snapshots, computed once per set of arguments.

    ``progress`` shows the solver's progress bar if the run has to be computed
    (several seconds for 80 nm); a run computed before is returned at once
    either way.

    Examples
    --------
    >>> run = pillar_run(20e-9, 3.0)
    >>> run is pillar_run(20e-9, 3.0, progress=True), len(run.run.snapshot_t)
    (True, 41)
    """
    key = (float(diameter), float(current_ratio), float(edge_damage))
    if key not in _PILLAR_RUNS:
        if len(_PILLAR_RUNS) >= 4:
            del _PILLAR_RUNS[next(iter(_PILLAR_RUNS))]  # the oldest
        _PILLAR_RUNS[key] = pillar.switch(diameter, current_ratio=current_ratio, snapshots=PILLAR_SNAPSHOTS,
                                          edge_damage=edge_damage, progress=progress)
    return _PILLAR_RUNS[key]


def pillar_reversal_figure(switching=None, *, time=None, diameter=80e-9, current_ratio=3.0):
    """A perpendicular pillar switched by current: ``m_z`` over the disk at one time, and ``<m_z>(t)``.

    Left: ``m_z`` over the disk (colour) and the in-plane part of ``m``
    (arrows) at the snapshot nearest ``time``. Right: the disk's ``<m_z>(t)``
    against the macrospin of the same disk from the same tilt
    (:attr:`~sttlab.micromag.pillar.PillarSwitching.macrospin`), the mean ``m_z``
    of the centre and of the rim at the snapshots, and ``|<m>|`` (1 while the
    disk turns as one); the shown time is marked.

    Parameters
    ----------
    switching : PillarSwitching, optional
        A run of :func:`sttlab.micromag.pillar.switch`; default :func:`pillar_run`
        of ``diameter`` and ``current_ratio``.
    time : float, optional
        In s, within the run; default the micromagnetic switching time (or the end).
    diameter : float, optional
        In m, used when ``switching`` is None.
    current_ratio : float, optional
        ``J / J_c0``, used when ``switching`` is None.

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes (and a colour bar): the map (x, y in nm), the curves (t in ns).

    Examples
    --------
    >>> fig = pillar_reversal_figure(pillar_run(20e-9, 3.0), time=1e-9)
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "time"]
    ['t = 1.01 ns']
    """
    if switching is None:
        switching = pillar_run(check.positive("diameter", diameter, "m"),
                               check.positive("current_ratio", current_ratio))
    if not isinstance(switching, pillar.PillarSwitching):
        raise TypeError(f"switching must be a pillar.PillarSwitching, got {switching!r}")
    run = switching.run
    t_sw = switching.switching_time
    if time is None:
        time = t_sw if t_sw is not None else run.t[-1]
    time = check.in_range("time", time, 0.0, float(run.t[-1]))
    k = int(np.argmin(np.abs(run.snapshot_t - time)))
    maps = switching.mz_maps()
    m = run.snapshots[k, :, :, :, 0]
    x, y, _ = switching.sample.mesh.coordinates()
    centre, rim = switching.centre_and_rim()
    macro = switching.macrospin

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.6))
        ax = fig.add_axes((0.03, 0.13, 0.33, 0.72))
        half = 0.5 * switching.sample.mesh.size[0] * 1e9
        image = ax.imshow(maps[k].T, origin="lower", cmap="RdBu_r", vmin=-1, vmax=1,
                          extent=(-half, half, -half, half), gid="map")
        inside = switching.sample.mask[:, :, 0]
        X, Y = np.meshgrid(x * 1e9, y * 1e9, indexing="ij")
        step = max(1, math.ceil(len(x) / 14))
        arrows = inside & (np.arange(len(x))[:, None] % step == 0) & (np.arange(len(y))[None, :] % step == 0)
        ax.quiver(X[arrows], Y[arrows], m[0][arrows], m[1][arrows], pivot="middle", scale=18.0, width=0.006,
                  color="0.1")
        colorbar = fig.colorbar(image, ax=ax, fraction=0.05, pad=0.02)
        colorbar.set_label("$m_z$")
        ax.set_xlabel("x (nm)")
        ax.set_yticks([])
        ax.set_title(f"{switching.junction.free.geometry.diameter * 1e9:.0f} nm disk, "
                     f"J = {switching.current_density / switching.Jc0:.2g} $J_{{c0}}$", fontsize=10)
        ax.text(0.02, 0.98, f"t = {run.snapshot_t[k] * 1e9:.2f} ns", transform=ax.transAxes, ha="left", va="top",
                fontsize=9.5, gid="time")

        ax2 = fig.add_axes((0.55, 0.13, 0.43, 0.72))
        ax2.plot(macro.t * 1e9, macro.m[:, 2], color="0.45", linestyle=(0, (4, 3)), label="macrospin $m_z$")
        ax2.plot(run.t * 1e9, run.m_avg[:, 2], color=COMPONENT_COLORS[2], label="disk ⟨$m_z$⟩")
        ax2.plot(run.snapshot_t * 1e9, centre, "o", markersize=3.5, color=PALETTE["vermillion"], label="centre")
        ax2.plot(run.snapshot_t * 1e9, rim, "s", markersize=3.5, color=PALETTE["blue"], label="rim")
        ax2.plot(run.t * 1e9, switching.uniformity, color=PALETTE["purple"], linewidth=1.0, label="|⟨m⟩|")
        ax2.axvline(run.snapshot_t[k] * 1e9, color=PALETTE["orange"], linewidth=1.2, gid="now")
        ax2.axhline(0.0, color="0.85", linewidth=0.6, zorder=0)
        ax2.set_xlim(0.0, run.t[-1] * 1e9)
        ax2.set_ylim(-1.08, 1.08)
        ax2.set_xlabel("time (ns)")
        ax2.set_ylabel("$m_z$")
        ax2.legend(loc="center left", fontsize=8.5)
        times = [("disk", t_sw), ("macrospin", switching.macrospin_switching_time)]
        text = ", ".join(f"{name} {t * 1e9:.2f} ns" for name, t in times if t is not None)
        ax2.set_title(f"⟨$m_z$⟩ = 0: {text}", fontsize=10)
    return fig
