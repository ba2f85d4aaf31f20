"""Chapter 2 figures (sttlab.plotting.transport); its explorers are driven in test_explorers.py.

The figures are checked for what they show: the plotted P curve and the marked
point against ``transport.polarization`` (PHYSICS.md case 8), the spin current
against ``J_s = P (hbar / 2e) J_c``, the accumulation profile against
``transport.spin_accumulation`` and its finite-difference points against
``transport.spin_diffusion_steady`` (case 9), and the annotated fraction that
reaches the far side against the closed forms.
"""

import math

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from sttlab import transport, valet_fert  # noqa: E402
from sttlab.constants import e, hbar  # noqa: E402
from sttlab.plotting import transport as figures  # noqa: E402
from sttlab.plotting.common import figure_defaults, png_bytes  # noqa: E402
from figure_parts import artist_by_gid, labelled_line  # noqa: E402


def _number(text):
    return float(text.get_text().split()[-1].replace("\N{MINUS SIGN}", "-")) if "=" in text.get_text() else \
        float(text.get_text().split()[0].replace("\N{MINUS SIGN}", "-"))


# --------------------------------------------------------------------------- polarization


def test_polarization_figure_case8():
    """PHYSICS.md case 8: sigma_up / sigma_down = 3 gives P = 0.5 and J_s = P hbar J_c / (2e)."""
    fig = figures.polarization_figure()
    assert isinstance(fig, Figure) and len(fig.axes) == 3
    bars, curve, spin = fig.axes
    assert [p.get_height() for p in bars.patches] == pytest.approx([75.0, 25.0])
    assert artist_by_gid(fig, "P").get_text() == "P = 0.500"
    point = artist_by_gid(fig, "point")
    assert point.get_xdata()[0] == 3.0 and point.get_ydata()[0] == pytest.approx(0.5, abs=1e-15)
    line = curve.get_lines()[0]
    ratios, P = line.get_xdata(), line.get_ydata()
    assert np.allclose(P, (ratios - 1) / (ratios + 1), rtol=0, atol=1e-14)
    # spin current: this P and the half metal, in uJ/m^2 against 1e11 A/m^2
    J = labelled_line(spin, "this").get_xdata() * 1e11
    assert np.allclose(labelled_line(spin, "this").get_ydata() * 1e-6, 0.5 * hbar / (2 * e) * J, rtol=1e-12, atol=0)
    assert np.allclose(labelled_line(spin, "half").get_ydata() * 1e-6, hbar / (2 * e) * J, rtol=1e-12, atol=0)
    assert artist_by_gid(fig, "J_s").get_text() == f"{0.5 * hbar / (2 * e) * 1e11 * 1e6:#.3g} μJ/m²"
    assert png_bytes(fig, dpi=50)[:4] == b"\x89PNG"


def test_polarization_figure_negative_P_and_other_current():
    fig = figures.polarization_figure(sigma_ratio=0.25, J_c=4e11)
    assert artist_by_gid(fig, "P").get_text() == "P = \N{MINUS SIGN}0.600"
    assert [p.get_height() for p in fig.axes[0].patches] == pytest.approx([20.0, 80.0])
    Js = -0.6 * hbar / (2 * e) * 4e11
    assert artist_by_gid(fig, "J_s").get_text() == f"{Js * 1e6:#.3g} μJ/m²".replace("-", "\N{MINUS SIGN}")
    # the curve covers the marked ratio even far outside the default range
    fig = figures.polarization_figure(sigma_ratio=1e4)
    ratios = fig.axes[1].get_lines()[0].get_xdata()
    assert ratios[0] <= 1e4 <= ratios[-1]


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"sigma_ratio": 0.0}, "sigma_ratio"),
    ({"sigma_ratio": -3.0}, "sigma_ratio"),
    ({"sigma_ratio": float("nan")}, "sigma_ratio"),
    ({"sigma_ratio": 1e9}, "sigma_ratio"),
    ({"J_c": 0.0}, "J_c"),
    ({"J_c": float("inf")}, "J_c"),
])
def test_polarization_figure_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        figures.polarization_figure(**kwargs)


def test_polarization_figure_type_error_names_the_parameter():
    with pytest.raises(TypeError, match="^sigma_ratio "):
        figures.polarization_figure(sigma_ratio="3")


# --------------------------------------------------------------------------- spin accumulation


@pytest.mark.parametrize("far", ["absorbing", "reflecting"])
@pytest.mark.parametrize(("L", "lam"), [(10e-9, 350e-9), (10e-9, 3.05e-9), (1e-6, 1e-9), (1e-9, 1e-6)])
def test_accumulation_figure_shows_the_closed_form_and_fd(far, L, lam):
    fig = figures.spin_accumulation_figure(thickness=L, lambda_sf=lam, far=far)
    (ax,) = fig.axes
    exact = labelled_line(ax, "exact")
    x = exact.get_xdata() * 1e-9
    assert x[0] == 0.0 and x[-1] == pytest.approx(L, rel=1e-12)
    assert np.allclose(exact.get_ydata(), transport.spin_accumulation(np.minimum(x, L), 1.0, lam, L=L, far=far), rtol=0, atol=1e-12)
    assert np.allclose(labelled_line(ax, "semi").get_ydata(), np.exp(-x / lam), rtol=1e-12, atol=1e-300)
    # finite-difference points: spin_diffusion_steady at >= 20 intervals per lambda (case 9: within 1e-4)
    fd = labelled_line(ax, "finite")
    n = int(fd.get_label().split("(")[1].split()[0])
    assert n >= min(figures.MAX_INTERVALS, 20 * L / lam) and n >= figures.MIN_INTERVALS
    profile = transport.spin_diffusion_steady(L, lam, n, far=far)
    xs = fd.get_xdata() * 1e-9
    assert np.allclose(fd.get_ydata(), np.interp(xs, profile.x, profile.mu_s), rtol=0, atol=1e-12)
    error = np.max(np.abs(profile.mu_s - transport.spin_accumulation(profile.x, 1.0, lam, L=L, far=far)))
    assert float(artist_by_gid(fig, "fd-error").get_text()) == pytest.approx(error, rel=0.06, abs=1e-300)
    if L / lam <= figures.MAX_INTERVALS / 20:
        assert error < 1e-4
    # lambda is marked only inside the spacer
    assert (artist_by_gid(fig, "lambda") is not None) == (lam <= L)
    png_bytes(fig, dpi=40)


@pytest.mark.parametrize(("L", "lam"), [(10e-9, 350e-9), (10e-9, 3.05e-9), (5e-9, 3.05e-9), (40e-9, 10e-9)])
def test_surviving_fraction(L, lam):
    """Reflecting: mu_s(L) from spin_accumulation; absorbing: the spin current into the sink. Both 1/cosh(L/lambda)."""
    reflecting = figures.spin_accumulation_figure(thickness=L, lambda_sf=lam, far="reflecting")
    shown = float(artist_by_gid(reflecting, "surviving").get_text())
    at_L = float(transport.spin_accumulation(L, 1.0, lam, L=L, far="reflecting"))
    assert shown == pytest.approx(at_L, rel=1e-3)
    assert transport.spin_transmission(L, lam) == pytest.approx(at_L, rel=1e-12)
    absorbing = figures.spin_accumulation_figure(thickness=L, lambda_sf=lam, far="absorbing")
    shown = float(artist_by_gid(absorbing, "surviving").get_text())
    exact = 1.0 / math.cosh(L / lam)
    assert shown == pytest.approx(exact, rel=1e-3)
    # and the accumulation at the sink itself is zero
    assert labelled_line(absorbing.axes[0], "exact").get_ydata()[-1] == pytest.approx(0.0, abs=1e-15)


def test_accumulation_figure_defaults_are_cu():
    d = figure_defaults(figures.spin_accumulation_figure)
    assert d == {"thickness": 10e-9, "lambda_sf": transport.material("Cu").lambda_sf, "far": "absorbing"}


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"thickness": 0.0}, "thickness"),
    ({"thickness": -1e-9}, "thickness"),
    ({"thickness": 1e-3}, "thickness"),
    ({"lambda_sf": 0.0}, "lambda_sf"),
    ({"lambda_sf": float("nan")}, "lambda_sf"),
    ({"far": "open"}, "far"),
])
def test_accumulation_figure_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        figures.spin_accumulation_figure(**kwargs)


# --------------------------------------------------------------------------- spin valve (Valet-Fert)


def _value(fig, gid):
    return float(artist_by_gid(fig, gid).get_text().split()[0].rstrip("%").replace("\N{MINUS SIGN}", "-"))


@pytest.mark.parametrize(("kwargs"), [{}, {"t_F": 3e-9, "t_N": 100e-9, "spacer": "Pt", "J_c": 1e12},
                                      {"t_F": 1e-6, "t_N": 1e-9}, {"t_F": 1e-9, "t_N": 1e-6, "ferromagnet": "Py"}])
def test_spin_valve_figure_draws_the_valet_fert_solution(kwargs):
    """Lines: valet_fert.spin_valve (P and AP) in uV and as j_s/J_c; circles: valet_fert.valet_fert_fd on the
    figure's grid; the annotated resistances are valet_fert.spin_valve_resistance and two_current_resistance."""
    args = {**figure_defaults(figures.spin_valve_figure), **kwargs}
    fig = figures.spin_valve_figure(**args)
    top, bottom = fig.axes
    F, N = transport.material(args["ferromagnet"]), transport.material(args["spacer"])
    t_F, t_N, J = args["t_F"], args["t_N"], args["J_c"]
    for state in (0, 1):
        exact = valet_fert.spin_valve(F, t_F, N, t_N, J, antiparallel=bool(state))
        line = artist_by_gid(fig, f"mu-{state}")
        x = line.get_xdata() * 1e-9
        assert x[0] == pytest.approx(-t_F, rel=1e-12) and x[-1] == pytest.approx(t_N + t_F, rel=1e-12)
        x = np.clip(x, -t_F, t_N + t_F)
        # x went through nm and back: rounding moves it by ~1e-16 of the stack, so compare at 1e-9 of the scale
        scale = np.max(np.abs(line.get_ydata()))
        assert np.allclose(line.get_ydata(), exact.mu_s(x) / e * 1e6, rtol=0, atol=1e-9 * scale)
        assert np.allclose(artist_by_gid(fig, f"js-{state}").get_ydata(), exact.polarization(x), rtol=0, atol=1e-9)
        # the circles are finite-volume cell values, at >= 20 cells per lambda in each layer (>= 30 cells per layer)
        cells = [max(30, min(4000, math.ceil(20 * t / m.lambda_sf))) for t, m in ((t_F, F), (t_N, N), (t_F, F))]
        layers = [valet_fert.Layer(F, t_F), valet_fert.Layer(N, t_N), valet_fert.Layer(F, t_F, bool(state))]
        fd = valet_fert.valet_fert_fd(layers, J, cells=cells)
        dots = artist_by_gid(fig, f"fd-{state}")
        xd = dots.get_xdata() * 1e-9
        i = np.argmin(np.abs(fd.x[:, None] - xd[None, :]), axis=0)  # the cell each circle sits on
        assert np.allclose(xd, fd.x[i], rtol=0, atol=1e-12 * (2 * t_F + t_N))
        assert np.allclose(dots.get_ydata(), fd.mu_s[i] / e * 1e6, rtol=1e-12, atol=1e-12 * scale)
        assert xd.size >= 3 * 10  # about 15 circles per layer
    r = valet_fert.spin_valve_resistance(F, t_F, N, t_N)
    two = transport.two_current_resistance(F.rho, F.beta, t_F, N.rho, t_N)
    assert _value(fig, "AR_P") == pytest.approx(r.AR_P * 1e15, abs=6e-4)  # printed to 3 decimals
    assert _value(fig, "AR_AP") == pytest.approx(r.AR_AP * 1e15, abs=6e-4)
    assert _value(fig, "gmr") == pytest.approx(100 * r.gmr, abs=0.06)  # printed to 0.1 %
    assert _value(fig, "gmr-two-current") == pytest.approx(100 * two.gmr, abs=0.06)
    # second-order finite volumes at h <= lambda / 20: relative error ~ (1/20)^2 / 12 = 2e-4; printed < 1e-3
    assert 0 < _value(fig, "fd-error") < 1e-3
    assert len(bottom.get_lines()) >= 4 and top.get_xlim() == pytest.approx((-t_F * 1e9, (t_N + t_F) * 1e9))
    png_bytes(fig, dpi=40)


def test_spin_valve_figure_defaults_are_py_cu_and_show_the_gmr_drop():
    """Py/Cu/Py presets, 10 nm layers: spin flip in Py (lambda 5.5 nm) halves the two-current GMR."""
    d = figure_defaults(figures.spin_valve_figure)
    assert d == {"t_F": 10e-9, "t_N": 10e-9, "ferromagnet": "Py", "spacer": "Cu", "J_c": 1e11}
    fig = figures.spin_valve_figure()
    assert _value(fig, "gmr") < 0.6 * _value(fig, "gmr-two-current")
    # antiparallel: a flat accumulation across the Cu (no spin current there); parallel: odd about its middle
    ap, p = artist_by_gid(fig, "mu-1"), artist_by_gid(fig, "mu-0")
    x = ap.get_xdata()
    spacer = (x > 0.5) & (x < 9.5)
    assert np.ptp(ap.get_ydata()[spacer]) < 0.01 * np.max(ap.get_ydata())
    assert np.allclose(p.get_ydata(), -p.get_ydata()[::-1], rtol=0, atol=1e-9 * np.max(np.abs(p.get_ydata())))


def test_spin_valve_figure_normal_metal_magnets_show_nothing():
    """'Magnets' of Cu (beta = 0): no accumulation, no spin current, no GMR; the figure still draws."""
    fig = figures.spin_valve_figure(ferromagnet="Cu")
    assert np.all(artist_by_gid(fig, "mu-0").get_ydata() == 0.0) and np.all(artist_by_gid(fig, "js-1").get_ydata() == 0.0)
    assert _value(fig, "gmr") == 0.0 and _value(fig, "fd-error") == 0.0
    png_bytes(fig, dpi=30)


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"t_F": 0.0}, "t_F"),
    ({"t_F": 2e-6}, "t_F"),
    ({"t_N": -1e-9}, "t_N"),
    ({"t_N": float("nan")}, "t_N"),
    ({"J_c": 0.0}, "J_c"),
    ({"J_c": 1e14}, "J_c"),
    ({"ferromagnet": "Fe"}, "ferromagnet"),
    ({"spacer": "Ag"}, "spacer"),
])
def test_spin_valve_figure_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        figures.spin_valve_figure(**kwargs)
