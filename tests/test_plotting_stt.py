"""Chapter 3 figures (sttlab.plotting.stt); its explorers are driven in test_explorers.py.

The figures are checked for what they show: the torque arrows against the
cross products of PHYSICS.md computed here with numpy (orthogonal to m,
damping-like in the m-p plane and towards p for J > 0, field-like normal to
it), the closed-form switching time against a numerical quadrature of the
polar-angle equation and the PHYSICS.md case-5 number, the simulated switching
times against it, the precession cone against the fixed point of the
Slonczewski 2002 model, the critical currents against Junction.Jc0 and the
phase-diagram states against the linear stability limits.
"""

import dataclasses
import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import sttlab  # noqa: E402
from sttlab import simulate  # noqa: E402
from sttlab.constants import e, gamma, hbar, mu0  # noqa: E402
from sttlab.dynamics import analytic_switching_time  # noqa: E402
from sttlab.phase_diagram import STATES  # noqa: E402
from sttlab.plotting import stt as figures  # noqa: E402
from sttlab.plotting.common import figure_defaults, png_bytes  # noqa: E402
from figure_parts import artist_by_gid, labelled_line  # noqa: E402

CELL = sttlab.preset("cofeb_mgo_40nm")


def _unit(theta_deg, phi_deg):
    t, f = np.radians(theta_deg), np.radians(phi_deg)
    return np.array([np.sin(t) * np.cos(f), np.sin(t) * np.sin(f), np.cos(t)])


# --------------------------------------------------------------------------- torque directions


def _shafts(fig):
    return {line.get_gid()[7:]: np.array(line.get_data_3d()).T for line in fig.axes[0].get_lines()
            if (line.get_gid() or "").startswith("torque-")}


@pytest.mark.parametrize(("tm", "fm", "tp", "fp", "xi", "ratio"), [
    (125, 345, 0, 0, 0.5, 1.0), (40, 10, 0, 0, -0.7, 1.0), (100, 200, 60, 30, 1.0, -1.5),
    (170, 90, 150, 300, 0.3, 2.0), (80, 0, 90, 0, -1.0, 0.5),
])
def test_torque_arrows_are_the_cross_products(tm, fm, tp, fp, xi, ratio):
    """Each arrow starts at m, is tangent to the sphere and points along the PHYSICS.md cross product.

    The directions are unit vectors built from numpy cross products here; the
    figure's come from sttlab.llg.torque, so they agree to rounding (1e-9).
    """
    fig = figures.torque_directions_figure(tm, fm, tp, fp, xi, current_ratio=ratio)
    m, p = _unit(tm, fm), _unit(tp, fp)
    H = CELL.free.Hk_eff * m[2] * np.array([0.0, 0.0, 1.0])  # PMA thin film, no applied field
    J = ratio * CELL.Jc0()
    expected = {"precession": -np.cross(m, H), "damping": -np.cross(m, np.cross(m, H)),
                "damping-like": -J * np.cross(m, np.cross(m, p)), "field-like": -xi * J * np.cross(m, p)}
    shafts = _shafts(fig)
    assert set(shafts) == set(expected)
    for name, (start, tip) in shafts.items():
        d = tip - start
        np.testing.assert_allclose(start, m, atol=1e-15)
        assert np.linalg.norm(d) == pytest.approx(figures.ARROWS[name], rel=1e-12)
        assert abs(d @ m) < 1e-9  # tangent: torques change the direction of m, not its length
        np.testing.assert_allclose(d / np.linalg.norm(d), expected[name] / np.linalg.norm(expected[name]), atol=1e-9)
    normal = np.cross(m, p) / np.linalg.norm(np.cross(m, p))
    dl, fl = (shafts[n][1] - shafts[n][0] for n in ("damping-like", "field-like"))
    assert abs(dl @ normal) < 1e-9  # damping-like: in the plane of m and p
    assert np.sign(dl @ (p - (m @ p) * m)) == np.sign(ratio)  # towards p for J > 0
    assert abs(abs(fl @ normal) - figures.ARROWS["field-like"]) < 1e-9  # field-like: normal to that plane
    png_bytes(fig, dpi=30)


def test_torque_sizes_are_printed():
    """|DL| = gamma (hbar / 2e) P J |m x p| / (Ms t) and |FL| = xi |DL|, in rad/ns (PHYSICS.md)."""
    tm, xi, ratio = 125.0, 0.5, 1.0
    fig = figures.torque_directions_figure(tm, 345.0, 0.0, 0.0, xi, current_ratio=ratio)
    J = ratio * CELL.Jc0()
    dl = gamma * hbar / (2 * e) * CELL.P * J / (CELL.free.Ms * CELL.free.thickness) * math.sin(math.radians(tm))
    H = CELL.free.Hk_eff * math.cos(math.radians(tm))
    shown = {name: artist_by_gid(fig, f"size-{name}").get_text() for name in figures.ARROWS}
    assert shown["damping-like"] == f"{dl * 1e-9:.3g} rad/ns"
    assert shown["field-like"] == f"{xi * dl * 1e-9:.3g} rad/ns"
    prec = gamma * mu0 * abs(H) * math.sin(math.radians(tm))
    assert shown["precession"] == f"{prec * 1e-9:.3g} rad/ns"
    assert shown["damping"] == f"{CELL.free.alpha * prec * 1e-9:.3g} rad/ns"
    assert artist_by_gid(fig, "note") is None


@pytest.mark.parametrize(("tm", "tp", "gone", "note"), [
    (0.0, 0.0, {"precession", "damping", "damping-like", "field-like"}, "m ∥ p"),
    (180.0, 0.0, {"precession", "damping", "damping-like", "field-like"}, "m ∥ p"),
    (70.0, 70.0, {"damping-like", "field-like"}, "m ∥ p"),
    (0.0, 60.0, {"precession", "damping"}, "m × H_eff = 0"),
    (90.0, 60.0, {"precession", "damping"}, "m × H_eff = 0"),  # the equator: H_eff = H_k,eff m_z z = 0
])
def test_degenerate_directions_draw_and_say_so(tm, tp, gone, note):
    """m = +-p: no spin torque; m = +-z: no precession or damping. Draws without warnings (they are errors)."""
    fig = figures.torque_directions_figure(tm, 30.0, tp, 30.0, 0.5)
    assert set(_shafts(fig)) == set(figures.ARROWS) - gone
    assert note in artist_by_gid(fig, "note").get_text()
    png_bytes(fig, dpi=30)


def test_no_current_no_spin_torque():
    fig = figures.torque_directions_figure(current_ratio=0.0)
    assert set(_shafts(fig)) == {"precession", "damping"}
    assert artist_by_gid(fig, "note").get_text() == "no current: no spin torque"
    fig = figures.torque_directions_figure(field_like=0.0)
    assert set(_shafts(fig)) == {"precession", "damping", "damping-like"}
    assert artist_by_gid(fig, "note").get_text() == "ξ = 0: no field-like torque"


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"theta_m_deg": -1.0}, "theta_m_deg"), ({"theta_m_deg": 181.0}, "theta_m_deg"),
    ({"phi_m_deg": 361.0}, "phi_m_deg"), ({"theta_p_deg": float("nan")}, "theta_p_deg"),
    ({"phi_p_deg": -5.0}, "phi_p_deg"), ({"field_like": 11.0}, "field_like"),
    ({"current_ratio": float("inf")}, "current_ratio"),
])
def test_torque_figure_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        figures.torque_directions_figure(**kwargs)


# --------------------------------------------------------------------------- a switching run


def test_switching_run_default_switches_at_the_closed_form_time():
    """J = 2 J_c0 from 2 degrees: the equator crossing agrees with the closed form.

    rtol = 1e-6 gives ~1e-5 here (measured); 1e-3 is the PHYSICS.md case-5 tolerance.
    """
    fig = figures.switching_run_figure()
    ax = fig.axes[1]
    t = labelled_line(ax, "$m_z$").get_xdata() * 1e-9
    mz = labelled_line(ax, "$m_z$").get_ydata()
    expected = analytic_switching_time(CELL, 2.0 * CELL.Jc0(), 2.0)
    t_sw = artist_by_gid(fig, "t_sw").get_xdata()[0] * 1e-9
    assert t_sw == pytest.approx(expected, rel=1e-3)
    assert artist_by_gid(fig, "verdict").get_text() == f"switched at {t_sw * 1e9:.2f} ns"
    assert artist_by_gid(fig, "formula").get_text() == f"{expected * 1e9:.2f} ns"
    assert mz[0] == pytest.approx(-math.cos(math.radians(2.0)), abs=1e-15) and mz[-1] > 0.999
    assert t[-1] == pytest.approx(30e-9, rel=1e-12)  # 1.5 pulse widths
    png_bytes(fig, dpi=30)


@pytest.mark.parametrize(("kwargs", "verdict", "r"), [
    ({"current_ratio": 0.9}, "no switching: J ≤ Jc0", 0.9),
    ({"current_ratio": 1.2}, "no switching: pulse too short", 1.2),  # needs ~33 ns, the pulse is 20 ns
    ({"current_ratio": 1.5, "alpha": 0.02}, "no switching: J ≤ Jc0", 0.75),  # J_c0 ∝ alpha
    ({"current_ratio": 1.5, "P": 0.25}, "no switching: J ≤ Jc0", 0.75),  # J_c0 ∝ 1/P
    ({"current_ratio": 1.0, "P": 1.0}, "switched", 2.0),
])
def test_switching_run_threshold_follows_this_junction(kwargs, verdict, r):
    """The current is in units of the preset's J_c0; damping and polarization move this junction's own."""
    fig = figures.switching_run_figure(**kwargs)
    assert artist_by_gid(fig, "verdict").get_text().startswith(verdict)
    mz = labelled_line(fig.axes[1], "$m_z$").get_ydata()
    assert (mz[-1] > 0.99) == verdict.startswith("switched")
    assert (artist_by_gid(fig, "t_sw") is not None) == verdict.startswith("switched")
    assert float(artist_by_gid(fig, "ratio").get_text()) == pytest.approx(r, rel=1e-3)


def test_switching_run_agrees_with_a_direct_simulation():
    junction = dataclasses.replace(CELL, free=dataclasses.replace(CELL.free, alpha=0.02), P=0.8, field_like=0.7)
    J = 3.0 * CELL.Jc0()
    run = simulate(junction, _unit(178.0, 0.0), 15e-9, current_density=sttlab.Pulse(J, width=10e-9), rtol=1e-6)
    fig = figures.switching_run_figure(current_ratio=3.0, field_like=0.7, alpha=0.02, P=0.8, pulse_width=10e-9)
    np.testing.assert_allclose(labelled_line(fig.axes[1], "$m_x$").get_ydata(), run.m[:, 0], rtol=0, atol=1e-12)
    assert artist_by_gid(fig, "t_sw").get_xdata()[0] == pytest.approx(run.switching_time() * 1e9, rel=1e-12)


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"current_ratio": 11.0}, "current_ratio"), ({"alpha": 0.0}, "alpha"), ({"alpha": 2.0}, "alpha"),
    ({"P": 0.0}, "P"), ({"P": 1.5}, "P"), ({"tilt_deg": 0.0}, "tilt_deg"), ({"pulse_width": 0.0}, "pulse_width"),
    ({"pulse_width": 1e-6}, "pulse_width"), ({"field_like": -10.0, "alpha": 0.5}, "field_like"),
])
def test_switching_run_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        figures.switching_run_figure(**kwargs)


# --------------------------------------------------------------------------- switching time against current


def test_switching_time_figure_lines_and_points():
    """Lines: the closed form (exact and Sun). Points: simulations within 1e-3 (PHYSICS.md case 5) at J >= 1.5 J_c0."""
    fig = figures.switching_time_figure()
    left, right = fig.axes
    jc = CELL.Jc0()
    exact, sun, sim = (labelled_line(left, s) for s in ("exact", "Sun", "simulated"))
    r = exact.get_xdata()
    assert r[0] > 1.0 and r[-1] >= 5.0
    np.testing.assert_allclose(exact.get_ydata() * 1e-9, analytic_switching_time(CELL, r * jc), rtol=1e-14)
    np.testing.assert_allclose(sun.get_ydata() * 1e-9, analytic_switching_time(CELL, r * jc, form="sun"),
                               rtol=1e-14)
    ratios, times = sim.get_xdata(), sim.get_ydata() * 1e-9
    assert ratios.tolist() == list(figure_defaults(figures.switching_time_figure)["ratios"])
    closed = analytic_switching_time(CELL, ratios * jc)
    strong = ratios >= 1.5
    assert strong.sum() >= 4
    np.testing.assert_allclose(times[strong], closed[strong], rtol=1e-3)
    np.testing.assert_allclose(times, closed, rtol=1e-3)  # (1.5e-5 measured even at 1.1 J_c0)
    # the right panel is the inverse of the left, in 1/ns
    np.testing.assert_allclose(labelled_line(right, "simulated").get_ydata(), 1.0 / sim.get_ydata(), rtol=1e-14)
    # Sun's estimate is slower than the exact time near threshold at a 2-degree start
    assert sun.get_ydata()[np.searchsorted(r, 1.5)] > exact.get_ydata()[np.searchsorted(r, 1.5)]


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"tilt_deg": -1.0}, "tilt_deg"), ({"ratios": (0.9, 2.0)}, "ratios"), ({"ratios": ()}, "ratios"),
    ({"ratios": (1.5, 30.0)}, "ratios"),
])
def test_switching_time_figure_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        figures.switching_time_figure(**kwargs)


# --------------------------------------------------------------------------- efficiency models


def test_efficiency_figure_curves_cone_and_critical_currents():
    P, Lam, r = 0.5, 3.0, 1.2
    fig = figures.efficiency_figure(P=P, Lambda=Lam, current_ratio=r)
    ax1 = fig.axes[0]
    for model in ("constant", "slonczewski1996", "slonczewski2002"):
        label = {"constant": "constant", "slonczewski1996": "Slonczewski 1996", "slonczewski2002": "Slonczewski 2002"}
        line = labelled_line(ax1, label[model])
        cos = np.cos(np.radians(line.get_xdata()))
        np.testing.assert_allclose(line.get_ydata(), sttlab.spin_torque_efficiency(cos, model, P, Lam), rtol=1e-14)
    eta02 = labelled_line(ax1, "Slonczewski 2002").get_ydata()
    assert eta02[0] == pytest.approx(P) and eta02[-1] == pytest.approx(P * Lam**2)  # eta(P) = P, eta(AP) = P Lambda^2
    # the stable cone of both angular models: u (B - C u) = r (B - C), the larger root, u = cos(tilt from AP)
    c = (1 + P) ** 3 / (4 * P**1.5)
    for model, (B, C) in {"slonczewski2002": (Lam**2 + 1, Lam**2 - 1), "slonczewski1996": (3 * c - 4, c)}.items():
        u = (B + math.sqrt(B * B - 4 * C * r * (B - C))) / (2 * C)
        cone = artist_by_gid(fig, f"cone-{model}").get_xdata()[0]
        assert cone == pytest.approx(math.degrees(math.acos(u)), abs=0.02)  # 0.5-degree grid, linear interpolation
    assert artist_by_gid(fig, "cone-constant") is None  # constant efficiency: no orbit, the tilt grows all the way
    # bars: |J_c0| of both transitions; the 2002 model's ratio is Lambda^2
    for model in ("constant", "slonczewski1996", "slonczewski2002"):
        j = dataclasses.replace(CELL, efficiency=model, Lambda=Lam)
        for state in ("AP", "P"):
            assert artist_by_gid(fig, f"Jc0-{state}-{model}").get_height() == pytest.approx(abs(j.Jc0(state)) * 1e-10)
    ratio = artist_by_gid(fig, "Jc0-P-slonczewski2002").get_height() / artist_by_gid(fig, "Jc0-AP-slonczewski2002").get_height()
    assert ratio == pytest.approx(Lam**2, rel=1e-12)
    png_bytes(fig, dpi=30)


def test_no_cone_below_the_lambda_threshold():
    """u (B - C u) has its maximum inside (0, 1) only for Lambda^2 > 3: at Lambda = 1.5 the tilt grows all the way."""
    fig = figures.efficiency_figure(P=0.5, Lambda=1.5, current_ratio=1.05)
    assert artist_by_gid(fig, "cone-slonczewski2002") is None


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"P": 1.0}, "P"), ({"P": 0.0}, "P"), ({"Lambda": 0.0}, "Lambda"), ({"Lambda": 20.0}, "Lambda"),
    ({"current_ratio": 0.0}, "current_ratio"),
])
def test_efficiency_figure_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        figures.efficiency_figure(**kwargs)


# --------------------------------------------------------------------------- phase diagram


def test_phase_diagram_figure_shows_the_four_regions():
    """Slonczewski 2002, Lambda = 3 on a 5 x 3 grid; every cell's state follows from the stability limits.

    In units of J_c0(AP) and H_k,eff: AP is unstable for x > 1 - h, P for x < -9 (1 + h) (-Lambda^2);
    between AP's limit and max_u (u - h)(B - C u)/(B - C) (B = 10, C = 8) a stable cone holds m:
    up to x = 5.06 at h = -1, 1.56 at h = 0 (and below AP's limit at h = 1).
    """
    fig = figures.phase_diagram_figure(current_range=(-12.2, 7.8), field_range=1.0, n_currents=5, n_fields=3)
    (ax,) = fig.axes
    expected = [["AP", "AP", "AP", "precessional", "P"],  # h = -1
                ["AP", "bistable", "bistable", "P", "P"],  # h = 0
                ["bistable", "bistable", "bistable", "P", "P"]]  # h = +1
    states = np.asarray(ax.collections[0].get_array()).reshape(3, 5)
    assert np.asarray(STATES)[states].tolist() == expected
    x, h = np.linspace(-12.2, 7.8, 5), np.array([-1.0, 0.0, 1.0])
    for state in ("P", "AP", "bistable", "precessional"):
        label = artist_by_gid(fig, f"region-{state}")
        assert label.get_text() == state
        i, k = int(np.argmin(np.abs(h - label.get_position()[1]))), int(np.argmin(np.abs(x - label.get_position()[0])))
        assert expected[i][k] == state  # each label sits on a cell of its region
    assert {t.get_text() for t in ax.get_legend().get_texts()} >= {"P", "AP", "bistable", "precessional"}
    j = dataclasses.replace(CELL, efficiency="slonczewski2002", Lambda=3.0)
    ap, p = artist_by_gid(fig, "limit-AP"), artist_by_gid(fig, "limit-P")
    np.testing.assert_allclose(ap.get_xdata(), 1 - ap.get_ydata(), rtol=1e-14)
    np.testing.assert_allclose(p.get_xdata(), j.Jc0("P") / j.Jc0("AP") * (1 + p.get_ydata()), rtol=1e-14)
    assert j.Jc0("P") / j.Jc0("AP") == pytest.approx(-9.0, rel=1e-12)  # -Lambda^2
    png_bytes(fig, dpi=30)


def test_phase_diagram_defaults_stay_off_the_limits():
    """No default grid point lies within 3 % of a critical current of a stability limit.

    A run of 200 tau resolves a limit to about 1 % of that transition's J_c0
    (phase_diagram docs); closer to it the state of a point is undecided.
    """
    d = figure_defaults(figures.phase_diagram_figure)
    j = dataclasses.replace(CELL, efficiency=d["efficiency"], Lambda=d["Lambda"])
    ratio = j.Jc0("P") / j.Jc0("AP")
    x = np.linspace(*d["current_range"], d["n_currents"])
    h = np.linspace(-d["field_range"], d["field_range"], d["n_fields"])[:, None]
    assert h[d["n_fields"] // 2] == 0.0  # the zero-field row is on the grid
    assert np.all(np.abs(x - (1 - h)) > 0.03)
    assert np.all(np.abs(x - ratio * (1 + h)) > 0.03 * abs(ratio))


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"efficiency": "linear"}, "efficiency"), ({"Lambda": -1.0}, "Lambda"),
    ({"current_range": (2.0, 1.0)}, "current_range"), ({"field_range": 0.0}, "field_range"),
    ({"n_currents": 1}, "n_currents"), ({"n_fields": 3.0}, "n_fields"),
])
def test_phase_diagram_figure_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        figures.phase_diagram_figure(**kwargs)


def test_figures_are_not_registered_with_pyplot():
    plt.close("all")
    figures.torque_directions_figure()
    figures.efficiency_figure()
    assert plt.get_fignums() == []
