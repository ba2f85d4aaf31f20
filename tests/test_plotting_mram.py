"""Chapter 6 figures (sttlab.plotting.mram, sttlab.plotting.mram_cell); the explorers are driven in test_explorers.py.

The figures are checked for what they show: every curve against a fresh call
of sttlab.mram (the same numbers: 1e-12, or the figure's own rounding for
printed values) and, where physics allows, against an independent closed
form: Julliere's inverse, the thin-film anisotropy crossing, the sum rule
of the demagnetizing factors, Delta proportional to 1 / T, Sun's I_c0 per
unit barrier, the linear read signal at small current, the ln N extra
barrier of an array. The write-error curve is also compared with the
Fokker-Planck solver itself at the table's stated 0.3 decades, and the
design-space map with the package's own window and its edges.
"""

import dataclasses
import math
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection, QuadMesh  # noqa: E402

from sttlab import mram  # noqa: E402
from sttlab.constants import e, hbar, kB, mu0  # noqa: E402
from sttlab.plotting import mram as figures  # noqa: E402
from sttlab.plotting import mram_cell as cell_figures  # noqa: E402
from sttlab.plotting.common import figure_defaults, png_bytes  # noqa: E402
from figure_parts import artist_by_gid, labelled_line  # noqa: E402

COFEB = mram.stack("cofeb_mgo")
T85 = mram.T_85C


def number(text):
    """The first number in a figure text (hyphen or minus sign)."""
    return float(re.search(r"[-\u2212]?\d+(\.\d+)?(e[-+]?\d+)?", text.get_text()).group().replace("\u2212", "-"))


# --------------------------------------------------------------------------- TMR


def test_tmr_figure_is_julliere_and_the_bias_roll_off():
    fig = figures.tmr_figure()
    d = figure_defaults(figures.tmr_figure)["diameter"]
    left, right, twin = fig.axes
    julliere = labelled_line(left, "Julliere")
    P = julliere.get_xdata()
    assert np.allclose(julliere.get_ydata(), 100 * mram.julliere_tmr(P, P), rtol=1e-12)
    assert julliere.get_ydata()[0] == 0.0  # Julliere at P1 = P2 = 0: no TMR
    # the stack's point: Julliere inverted in closed form, P^2 = TMR / (2 + TMR)
    (point,) = [line for line in left.get_lines() if line.get_gid() == "stack-P"]
    assert point.get_xdata()[0] == pytest.approx(math.sqrt(COFEB.TMR0 / (2 + COFEB.TMR0)), rel=1e-10)
    assert point.get_ydata()[0] == pytest.approx(100 * COFEB.TMR0, rel=1e-12)
    # R_P = RA / area does not depend on bias; R_AP does, and at V_half the TMR is halved
    assert np.allclose(labelled_line(right, "$R_P$").get_ydata(), COFEB.RA / (math.pi * d**2 / 4) / 1e3, rtol=1e-12)
    ap = labelled_line(right, "$R_{AP}")
    V = ap.get_xdata()
    assert np.allclose(ap.get_ydata(), mram.resistance(d, COFEB, "AP", voltage=V) / 1e3, rtol=1e-12)
    tmr = labelled_line(twin, "TMR(V)")
    assert np.interp(COFEB.V_half, tmr.get_xdata(), tmr.get_ydata()) == pytest.approx(50 * COFEB.TMR0, rel=1e-9)
    assert "(V)" in right.get_xlabel() and "(kΩ)" in right.get_ylabel() and "(%)" in twin.get_ylabel()


# --------------------------------------------------------------------------- anisotropy


def test_anisotropy_figure_demag_factors_and_the_pma_thickness():
    fig = figures.anisotropy_figure()
    diameters = figure_defaults(figures.anisotropy_figure)["diameters"]
    left, right = fig.axes
    Nz, Nx = labelled_line(left, "$N_z$"), labelled_line(left, "$N_x")
    tau = Nz.get_xdata()
    assert np.allclose(Nz.get_ydata(), mram.cylinder_demag(1.0, tau)[2], rtol=1e-12)
    assert np.allclose(Nz.get_ydata() + 2 * Nx.get_ydata(), 1.0, atol=1e-12)  # the trace of N is 1
    assert Nz.get_ydata()[0] > 0.99 and Nz.get_ydata()[-1] < 0.01  # thin film, long rod
    assert np.interp(math.log(0.906), np.log(tau), Nz.get_ydata()) == pytest.approx(1 / 3, abs=1e-3)
    # K_eff t: the film crosses zero at K_i / (mu0 Ms^2 / 2), each pillar at its pma_thickness, later
    crossings = [line.get_xdata()[0] * 1e-9 for line in right.get_lines() if line.get_gid() == "t_pma"]
    assert crossings[0] == pytest.approx(COFEB.Ki / (0.5 * mu0 * COFEB.Ms**2), rel=1e-9)
    assert crossings[1:] == pytest.approx([mram.pma_thickness(d, COFEB) for d in diameters], rel=1e-12)
    assert all(c > crossings[0] for c in crossings[1:])
    for d in diameters:
        line = labelled_line(right, f"d = {d * 1e9:.0f} nm")
        t = line.get_xdata()[5] * 1e-9
        assert line.get_ydata()[5] == pytest.approx(mram.free_layer(d, t, COFEB).K_eff * t * 1e3, rel=1e-12)
    film = labelled_line(right, "film")
    slope = np.polyfit(film.get_xdata() * 1e-9, film.get_ydata() * 1e-3, 1)
    assert slope == pytest.approx([-0.5 * mu0 * COFEB.Ms**2, COFEB.Ki], rel=1e-9)  # K_i - (mu0 Ms^2 / 2) t
    assert "(nm)" in right.get_xlabel() and "(mJ/m²)" in right.get_ylabel()


# --------------------------------------------------------------------------- scaling


def test_scaling_figure_barriers_currents_and_the_array():
    fig = figures.scaling_figure()
    v = figure_defaults(figures.scaling_figure)
    left, right = fig.axes
    hot, cold = labelled_line(left, "coherent, 85"), labelled_line(left, "coherent, 300")
    d = hot.get_xdata() * 1e-9
    assert np.allclose(hot.get_ydata(), mram.scaling(d, v["thickness"], T=T85, stack=COFEB).Delta, rtol=1e-12)
    assert np.allclose(hot.get_ydata() / cold.get_ydata(), 300.0 / T85, rtol=1e-12)  # Delta = E_b / kB T
    wall = labelled_line(left, "domain wall")
    assert np.allclose(wall.get_ydata(), mram.scaling(d, v["thickness"], T=T85, stack=COFEB).Delta_wall, rtol=1e-12)
    # the critical diameters of one bit and of the array, and the macrospin limit where the wall takes over
    one, array = (mram.critical_diameter(v["thickness"], n_bits=n, stack=COFEB) for n in (1, mram.EMBEDDED_2026.n_bits))
    assert artist_by_gid(left, "d-one-bit").get_xdata()[0] == pytest.approx(one * 1e9, rel=1e-12)
    assert artist_by_gid(left, "d-array").get_xdata()[0] == pytest.approx(array * 1e9, rel=1e-12)
    d_wall = artist_by_gid(left, "d-wall").get_xdata()[0] * 1e-9
    figures_at = mram.scaling(d_wall, v["thickness"], T=T85, stack=COFEB)
    assert float(figures_at.Delta_wall) == pytest.approx(float(figures_at.Delta), rel=0.02)  # a log-log interpolation
    # right: the coherent barrier is Sun's I_c0 = (4 e / hbar)(alpha / eta) kB T Delta, a line through 0
    coherent = labelled_line(right, "coherent")
    per_uA = hbar / (4 * e) * (COFEB.P / COFEB.alpha) / (kB * T85) * 1e-6
    assert np.allclose(coherent.get_ydata(), coherent.get_xdata() * per_uA, rtol=1e-9)
    barrier = labelled_line(right, "$\\min")
    assert np.all(barrier.get_ydata() <= coherent.get_ydata() * (1 + 1e-12))
    # an array of N bits needs about ln N more barrier than one bit (f0 changes a little with the size)
    need_one, need_array = (artist_by_gid(right, g).get_ydata()[0] for g in ("need-one-bit", "need-array"))
    assert need_array - need_one == pytest.approx(math.log(mram.EMBEDDED_2026.n_bits), abs=0.3)
    # the table: this pillar's Delta and I_c0, and a retention that the package computes
    here = mram.scaling(v["diameter"], v["thickness"], T=T85, stack=COFEB)
    assert artist_by_gid(right, "Delta").get_text() == f"{float(here.Delta):.1f}"
    assert artist_by_gid(right, "Ic0").get_text() == f"{float(here.Ic0_AP) * 1e6:.1f} µA"
    assert "(µA)" in right.get_xlabel() and "(nm)" in left.get_xlabel()


def test_scaling_figure_prints_the_retention_of_a_small_pillar():
    fig = figures.scaling_figure(diameter=33e-9)
    here = mram.scaling(33e-9, 1.0e-9, T=T85, stack=COFEB)
    one = mram.retention_time(float(here.rate), 1, 1e-3) / mram.YEAR
    array = mram.retention_time(float(here.rate), mram.EMBEDDED_2026.n_bits, 1e-3) / mram.YEAR
    assert artist_by_gid(fig.axes[1], "retention-1").get_text() == f"{one:.3g} years"
    shown = artist_by_gid(fig.axes[1], "retention-N").get_text()
    assert shown == (f"{array:.3g} years" if array >= 1e-3 else f"{array * mram.YEAR:.2g} s")
    assert array < 10 < one  # 33 nm keeps one bit ten years, but not the array


def test_scaling_figure_without_perpendicular_anisotropy_says_so():
    fig = figures.scaling_figure(thickness=2e-9, Ki=0.6e-3, Ms=1.6e6)
    left, right = fig.axes
    assert any("no perpendicular" in t.get_text() for t in left.texts)
    assert np.all(np.isnan(labelled_line(left, "coherent, 85").get_ydata()))
    assert artist_by_gid(right, "Delta").get_text() == "—"
    assert artist_by_gid(left, "d-array") is None


# --------------------------------------------------------------------------- the cell


@pytest.fixture(scope="module")
def write_fig():
    return cell_figures.write_figure()


@pytest.fixture(scope="module")
def read_fig():
    return cell_figures.read_figure()


def test_write_figure_currents_are_the_series_circuit(write_fig):
    v = figure_defaults(cell_figures.write_figure)
    target = mram.EMBEDDED_2026
    cell = mram.Cell(v["diameter"], v["thickness"], COFEB, transistor=mram.AccessTransistor(width=v["transistor_width"]),
                     V_write=target.V_write, V_gate=target.V_gate)
    ax_a, ax_b = write_fig.axes
    ops = {k: cell.write(k, v["pulse_width"]) for k in mram.DIRECTIONS}
    for k, op in ops.items():
        point = artist_by_gid(ax_a, k)
        assert point.get_ydata()[0] == pytest.approx(op.current * 1e6, rel=1e-12)
        # on the initial state's I-V curve and on the transistor's load line (1e-3: the figure's 241-point curves)
        start = "AP" if k == "AP->P" else "P"
        mtj, fet = labelled_line(ax_a, f"MTJ, {start}"), labelled_line(ax_a, f"transistor, {k.replace('->', '→')}")
        V = point.get_xdata()[0]
        assert np.interp(V, mtj.get_xdata(), mtj.get_ydata()) == pytest.approx(op.current * 1e6, rel=1e-3)
        assert np.interp(V, fet.get_xdata(), fet.get_ydata()) == pytest.approx(op.current * 1e6, rel=1e-3)
        assert number(artist_by_gid(ax_b, f"I {k}")) == pytest.approx(op.current * 1e6, abs=0.5)
        assert number(artist_by_gid(ax_b, f"E {k}")) == pytest.approx(target.V_write * op.current * v["pulse_width"]
                                                                      * 1e12, abs=0.005)
    # source degeneration: the P -> AP write gets less current although R_P < R_AP
    assert ops["P->AP"].current < ops["AP->P"].current
    margin = COFEB.V_breakdown / max(op.voltage for op in ops.values())
    assert artist_by_gid(ax_b, "breakdown").get_text() == f"{margin:.2f}"


def test_write_figure_errors_follow_the_fokker_planck_solver(write_fig):
    v = figure_defaults(cell_figures.write_figure)
    junction = mram.junction(v["diameter"], v["thickness"], COFEB)
    ax_b = write_fig.axes[1]
    current = number(artist_by_gid(ax_b, "I P->AP")) * 1e-6
    curve = labelled_line(ax_b, "P→AP")
    widths = curve.get_xdata() * 1e-9
    exact_current = mram.Cell(v["diameter"], v["thickness"], COFEB).write("P->AP", v["pulse_width"]).current
    assert current == pytest.approx(exact_current, abs=0.5e-6)
    assert np.allclose(curve.get_ydata(), mram.tabulated_write_error_rate(junction, T85, widths, -exact_current),
                       rtol=1e-12)
    # the table against the solver at the pulse the book uses, and one where the rate is ~1e-3 (0.3 decades)
    for width in (v["pulse_width"], 8e-9):
        direct = mram.write_error_rate(junction, T85, width, -exact_current)
        shown = np.interp(math.log(width), np.log(widths), np.log10(curve.get_ydata()))
        assert shown == pytest.approx(math.log10(direct), abs=0.3)
    assert 1e-15 < float(np.interp(math.log(v["pulse_width"]), np.log(widths), curve.get_ydata())) < 1e-9
    here = mram.tabulated_write_error_rate(junction, T85, v["pulse_width"], -exact_current)
    assert f"WER P→AP: {here:.1e}" in artist_by_gid(write_fig, "summary").get_text()
    assert ax_b.get_xscale() == "log" and "(ns)" in ax_b.get_xlabel()


def test_read_figure_signal_disturb_and_window(read_fig):
    v = figure_defaults(cell_figures.read_figure)
    ax_a, ax_b = read_fig.axes
    sense = labelled_line(ax_a, "sense margin")
    I = sense.get_xdata() * 1e-6
    assert np.allclose(sense.get_ydata(), mram.sense_margin(I, v["diameter"], COFEB) * 1e3, rtol=1e-12)
    R_P = float(mram.resistance(v["diameter"], COFEB))
    # linear at small current: I R_P TMR0 (the bias roll-off is (V / V_half)^2 ~ 1e-6 at 0.5 uA)
    assert sense.get_ydata()[1] == pytest.approx(I[1] * R_P * COFEB.TMR0 * 1e3, rel=1e-3)
    junction = mram.junction(v["diameter"], v["thickness"], COFEB)
    disturb = labelled_line(ax_b, "read disturb")
    expected = mram.read_disturb(junction, I, mram.EMBEDDED_2026.read_time, T85)
    assert np.allclose(disturb.get_ydata(), np.maximum(expected, 1e-300), rtol=1e-12)
    summary = artist_by_gid(read_fig, "summary").get_text()
    assert f"sense margin: {float(mram.sense_margin(v['read_current'], v['diameter'], COFEB)) * 1e3:.1f} mV" in summary
    disturb_here = float(mram.read_disturb(junction, v["read_current"], mram.EMBEDDED_2026.read_time, T85))
    assert f"read disturb: {disturb_here:.1e}" in summary
    # the book's read point meets both read requirements of the target
    assert float(mram.sense_margin(v["read_current"], v["diameter"], COFEB)) >= mram.EMBEDDED_2026.sense_margin
    assert mram.read_disturb(junction, v["read_current"], 10e-9, T85) <= mram.EMBEDDED_2026.read_disturb
    assert "(µA)" in ax_a.get_xlabel() and "(mV)" in ax_a.get_ylabel()
    # the window's edges: the first grid current with enough signal, the last with few enough disturbs
    low, high = (float(x) * 1e-6 for x in re.findall(r"(\d+\.\d) µA", summary.split("read window:")[1]))
    step = I[1] - I[0]
    for edge, sign in ((low, -1), (high, 1)):
        inside, outside = edge, edge + sign * step
        ok = [mram.sense_margin(x, v["diameter"], COFEB) >= mram.EMBEDDED_2026.sense_margin
              and mram.read_disturb(junction, x, 10e-9, T85) <= mram.EMBEDDED_2026.read_disturb
              for x in (inside, outside)]
        assert ok == [True, False], edge


def test_write_figure_prints_only_a_bound_below_the_tables_checked_range():
    fig = cell_figures.write_figure(diameter=25e-9, transistor_width=300e-9, pulse_width=100e-9)
    assert artist_by_gid(fig, "summary").get_text().splitlines() == ["WER AP→P: < 1e-15", "WER P→AP: < 1e-15"]


@pytest.mark.parametrize(("diameter", "thickness", "window"), [
    (15e-9, 1e-9, "none"),  # Delta = 14 at 85 C: a read disturbs before it gives 20 mV
    (80e-9, 1e-9, "17.0 µA to beyond the plot"),  # I_c0 far above 100 uA
])
def test_read_figure_window_at_its_limits(diameter, thickness, window):
    summary = artist_by_gid(cell_figures.read_figure(diameter=diameter, thickness=thickness), "summary").get_text()
    assert summary.splitlines()[-1] == f"read window: {window}"


# --------------------------------------------------------------------------- the design space


def test_design_space_figure_defaults_are_the_embedded_target():
    v = figure_defaults(cell_figures.design_space_figure)
    assert v["wer"] == mram.EMBEDDED_2026.wer and v["read_current"] == mram.EMBEDDED_2026.read_current


def test_design_space_figure_shows_the_window_and_what_binds_at_its_edges():
    fig = cell_figures.design_space_figure()
    v = figure_defaults(cell_figures.design_space_figure)
    space = mram.design_space(cell_figures.DESIGN_DIAMETERS, cell_figures.DESIGN_THICKNESSES,
                              pulse_width=v["pulse_width"], transistor_width=v["transistor_width"], stack=COFEB)
    left, right = fig.axes
    (mesh,) = [c for c in left.collections if isinstance(c, QuadMesh)]
    n = len(mram.CONSTRAINTS)
    shown = np.asarray(mesh.get_array()).reshape(space.feasible.T.shape)
    assert np.array_equal(shown, np.where(space.feasible, n, space.binding).T)
    assert space.feasible.sum() >= 10
    # the window's outline: one unit of edge per side of a feasible cell that borders an infeasible one
    (outline,) = [c for c in left.collections if isinstance(c, LineCollection) and c.get_gid() == "window"]
    padded = np.pad(space.feasible, 1)
    borders = sum(int(np.sum(padded[1:-1, 1:-1] & ~np.roll(padded, shift, axis)[1:-1, 1:-1]))
                  for shift, axis in ((1, 0), (-1, 0), (1, 1), (-1, 1)))
    assert len(outline.get_segments()) == borders
    # the edges named in the figure are the package's
    edges = space.edges()
    text = artist_by_gid(fig, "edges").get_text()
    for side, name in edges.items():
        assert f"{side}: {name.replace('->', '→')}" in text
    assert edges["small diameter"] == "retention" and edges["large diameter"] == "write P->AP"
    # the cut at the design thickness: the margins, and the window between retention and the P -> AP write
    cut = mram.design_space(cell_figures.SLICE_DIAMETERS, [cell_figures.DESIGN_THICKNESS],
                            pulse_width=v["pulse_width"], transistor_width=v["transistor_width"], stack=COFEB)
    for k, name in enumerate(mram.CONSTRAINTS[1:], start=1):
        line = labelled_line(right, name.replace("->", "→"))
        assert np.allclose(line.get_ydata(), cut.margins[k, :, 0], rtol=1e-12, equal_nan=True)
    ok = np.flatnonzero(cut.feasible[:, 0])
    assert ok.size and np.all(np.diff(ok) == 1)  # one interval
    below, above = ok[0] - 1, ok[-1] + 1
    assert mram.CONSTRAINTS[int(np.argmin(cut.margins[1:, below, 0])) + 1] == "retention"
    assert mram.CONSTRAINTS[int(np.argmin(cut.margins[1:, above, 0])) + 1] == "write P->AP"
    d, t = cell_figures.DESIGN_DIAMETER, cell_figures.DESIGN_THICKNESS
    assert cut.feasible[np.argmin(abs(cell_figures.SLICE_DIAMETERS - d)), 0]  # the book's design point is inside
    assert "(nm)" in left.get_xlabel() and "(nm)" in left.get_ylabel()
    assert t in cell_figures.DESIGN_THICKNESSES  # the cut is a row of the map


def test_design_space_figure_harsh_target_has_no_window():
    fig = cell_figures.design_space_figure(pulse_width=2e-9, transistor_width=60e-9, wer=1e-12)
    mesh = [c for c in fig.axes[0].collections if isinstance(c, QuadMesh)][0]
    assert not np.any(np.asarray(mesh.get_array()) == len(mram.CONSTRAINTS))
    assert "small diameter: —" in artist_by_gid(fig, "edges").get_text()


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(("function", "kwargs", "name"), [
    (figures.tmr_figure, {"diameter": 1e-9}, "diameter"),
    (figures.anisotropy_figure, {"diameters": ()}, "diameters"),
    (figures.anisotropy_figure, {"diameters": (40e-9, 1.0)}, "diameters"),
    (figures.scaling_figure, {"diameter": 0.0}, "diameter"),
    (figures.scaling_figure, {"thickness": 5e-9}, "thickness"),
    (figures.scaling_figure, {"Ki": -1e-3}, "Ki"),
    (figures.scaling_figure, {"Ms": float("nan")}, "Ms"),
    (cell_figures.write_figure, {"diameter": 500e-9}, "diameter"),
    (cell_figures.write_figure, {"transistor_width": 0.0}, "transistor_width"),
    (cell_figures.write_figure, {"pulse_width": 1.0}, "pulse_width"),
    (cell_figures.write_figure, {"thickness": 1.9e-9}, "thickness"),  # no longer perpendicular
    (cell_figures.write_figure, {"diameter": 15e-9}, "diameter"),  # Delta = 14, below the write-error table
    (cell_figures.write_figure, {"pulse_width": 0.5e-9, "thickness": 1.3e-9}, "pulse_width"),  # < 0.2 tau_D
    # Delta = 39, but K_eff so small that I_c0 is 51 times below the current
    (cell_figures.write_figure, {"diameter": 150e-9, "thickness": 1.35e-9, "transistor_width": 1e-6},
     "transistor_width"),
    (cell_figures.read_figure, {"diameter": 10e-9}, "diameter"),
    (cell_figures.read_figure, {"read_current": -1e-6}, "read_current"),
    (cell_figures.read_figure, {"thickness": 1.9e-9}, "thickness"),
    (cell_figures.design_space_figure, {"wer": 0.5}, "wer"),
    (cell_figures.design_space_figure, {"pulse_width": 0.0}, "pulse_width"),
])
def test_bad_input_raises_naming_the_parameter(function, kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        function(**kwargs)


def test_figures_are_not_registered_with_pyplot():
    plt.close("all")
    fig = figures.scaling_figure(diameter=50e-9)
    assert plt.get_fignums() == []
    assert png_bytes(fig, dpi=40)[:4] == b"\x89PNG"
    assert dataclasses.replace(COFEB) == figures.STACK
