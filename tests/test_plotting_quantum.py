"""Chapter 4 figures (sttlab.plotting.quantum); its explorer is driven in test_explorers.py.

The figures are checked for what they show: the plotted amplitudes, phases and
channel shares against ``scattering.reflection_amplitudes``, the tabulated and
swept conductances against ``mixing_conductance``, ``spin_conductances`` and
``torque_ratio``, and the limits of PHYSICS.md case 10 (same potential for both
spins: g is the transmission, not zero; total reflection with r_up = r_down:
g = 0; one spin perfectly transmitted: g = Sharvin). The depth-resolved
transverse spin current (sttlab.scattering.transverse_spin_current) is checked
against spinor wave functions built independently from the amplitudes, against
current continuity (G(0) = g), its no-exchange limit (no dephasing) and its 1/x
law.
"""

import itertools
import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from sttlab import scattering  # noqa: E402
from sttlab.constants import e  # noqa: E402
from sttlab.plotting import quantum as figures  # noqa: E402
from sttlab.plotting.common import figure_defaults, png_bytes  # noqa: E402
from figure_parts import artist_by_gid, labelled_line  # noqa: E402

eV = e
FIGURES = (figures.mixing_conductance_figure, figures.conductance_sweep_figure, figures.transverse_spin_figure)


def interface(Delta_xc=2.0, V_F=0.0, Z=0.0, E_F=7.0):
    """The Stoner interface the figures draw; energies in eV."""
    bands = scattering.Interface.from_energies(E_F * eV, Delta_xc * eV, V_F=V_F * eV)
    return scattering.Interface(bands.k_F, bands.k_up, bands.k_down, Z)


def _number(fig, gid):
    return float(artist_by_gid(fig, gid).get_text().replace("\N{MINUS SIGN}", "-"))


# --------------------------------------------------------------------------- amplitudes and the table


@pytest.mark.parametrize(("Delta_xc", "V_F", "Z"), [(2.0, 0.0, 0.0), (4.0, 4.0, 0.5), (2.0, 9.0, 0.0)])
def test_mixing_figure_draws_what_scattering_computes(Delta_xc, V_F, Z):
    """|r|, arg r, the channel shares and the table are those of sttlab.scattering (cases: Cu/Co-like,
    minority band nearly empty with a barrier, both bands empty: a ferromagnetic insulator)."""
    itf = interface(Delta_xc, V_F, Z)
    fig = figures.mixing_conductance_figure(Delta_xc=Delta_xc * eV, V_F=V_F * eV, Z=Z)
    assert isinstance(fig, Figure) and len(fig.axes) == 3
    amp, phase, share = fig.axes
    u = labelled_line(amp, "majority").get_xdata()
    r_up, r_down = scattering.reflection_amplitudes(itf, u * itf.k_F)
    # same arrays, same arithmetic: only the rounding of k_par = u k_F differs (1e-12)
    assert np.allclose(labelled_line(amp, "majority").get_ydata(), np.abs(r_up), rtol=0, atol=1e-12)
    assert np.allclose(labelled_line(amp, "minority").get_ydata(), np.abs(r_down), rtol=0, atol=1e-12)
    for line, r in zip(phase.get_lines(), (r_up, r_down)):  # the first two lines: up, down
        shown = line.get_ydata()
        drawn = np.isfinite(shown)
        assert np.all(drawn == (np.abs(r) >= 1e-12))
        # continuous (steps < 0.2 pi between neighbours) and the phase of r, whatever multiple of 2 pi
        assert np.all(np.abs(np.diff(shown[drawn])) < 0.2)
        assert np.allclose(np.exp(1j * math.pi * shown[drawn]), r[drawn] / np.abs(r[drawn]), rtol=0, atol=1e-9)
        assert -1.0 < shown[drawn][0] <= 1.0
    expected = 2 * u * (1 - r_up * np.conj(r_down))
    assert np.allclose(labelled_line(share, "Re").get_ydata(), expected.real, rtol=0, atol=1e-12)
    assert np.allclose(labelled_line(share, "Im").get_ydata(), expected.imag, rtol=0, atol=1e-12)
    # the table
    g_sh = scattering.sharvin_conductance(itf.k_F)
    g = scattering.mixing_conductance(itf) / g_sh
    g_up, g_down = (x / g_sh for x in scattering.spin_conductances(itf))
    assert _number(fig, "Re_g") == pytest.approx(g.real, abs=5e-5)  # printed to 4 decimals
    assert _number(fig, "Im_g") == pytest.approx(g.imag, abs=5e-5)
    assert _number(fig, "xi") == pytest.approx(scattering.torque_ratio(itf), rel=5e-4)  # 4 significant digits
    assert _number(fig, "g_up") == pytest.approx(g_up, abs=5e-5)
    assert _number(fig, "g_down") == pytest.approx(g_down, abs=5e-5)
    assert _number(fig, "k_up") == pytest.approx(itf.k_up / itf.k_F, abs=5e-4)
    assert _number(fig, "k_down") == pytest.approx(itf.k_down / itf.k_F, abs=5e-4)
    # a band edge inside the disc is marked where that band turns evanescent
    for k_s, name in ((itf.k_up, "up"), (itf.k_down, "down")):
        edge = artist_by_gid(fig, f"edge-{name}")
        assert (edge is not None) == (0 < k_s < itf.k_F)
        if edge is not None:
            assert edge.get_xdata()[0] == pytest.approx(k_s / itf.k_F, rel=1e-15)
    png_bytes(fig, dpi=40)


@pytest.mark.parametrize(("Delta_xc", "V_F", "Z"), [(2.0, 0.0, 0.0), (2.0, 0.0, 0.5), (3.0, 5.0, 0.0)])
def test_channel_shares_integrate_to_g(Delta_xc, V_F, Z):
    """The area under the plotted shares is g / g_Sh: a ring of the Fermi disc holds 2u du of its
    channels. The trapezoid rule on 401 points meets square-root kinks at the band edges, so it is
    good to ~1e-3, not to the quadrature's rounding; 3e-3 still fails if the weight 2u were dropped."""
    fig = figures.mixing_conductance_figure(Delta_xc=Delta_xc * eV, V_F=V_F * eV, Z=Z)
    share = fig.axes[2]
    u = labelled_line(share, "Re").get_xdata()
    area = complex(np.trapezoid(labelled_line(share, "Re").get_ydata(), u), np.trapezoid(labelled_line(share, "Im").get_ydata(), u))
    itf = interface(Delta_xc, V_F, Z)
    g = scattering.mixing_conductance(itf) / scattering.sharvin_conductance(itf.k_F)
    assert abs(area - g) < 3e-3


def test_mixing_figure_case10_same_potential_is_transmission():
    """PHYSICS.md case 10 (a): no exchange splitting, a band offset and a barrier: both spins see the
    same potential, so g = g_up = g_down (the transmission sum, not zero) and Im g = 0, xi = 0."""
    itf = interface(0.0, -1.0, 0.5)
    fig = figures.mixing_conductance_figure(Delta_xc=0.0, V_F=-1.0 * eV, Z=0.5)
    g_up = scattering.spin_conductances(itf)[0] / scattering.sharvin_conductance(itf.k_F)
    assert _number(fig, "Re_g") == _number(fig, "g_up") == _number(fig, "g_down") == pytest.approx(g_up, abs=5e-5)
    assert 0.3 < g_up < 0.9
    assert artist_by_gid(fig, "Im_g").get_text() in ("0.0000", "\N{MINUS SIGN}0.0000")
    assert _number(fig, "xi") == pytest.approx(0.0, abs=1e-12)
    # the two spins' curves coincide
    amp = fig.axes[0]
    assert np.array_equal(labelled_line(amp, "majority").get_ydata(), labelled_line(amp, "minority").get_ydata())


def test_mixing_figure_case10_no_reflection_and_perfect_absorption():
    """No step, no barrier: r = 0 everywhere (nothing to draw in the phase panel), g = Sharvin.
    A minority band matched to N (V_F = -Delta/2) absorbs perfectly: g = Sharvin whatever r_up."""
    fig = figures.mixing_conductance_figure(Delta_xc=0.0)
    assert artist_by_gid(fig, "Re_g").get_text() == "1.0000" and _number(fig, "Im_g") == 0.0
    assert all(np.all(np.isnan(line.get_ydata())) for line in fig.axes[1].get_lines()[:2])
    assert any(t.get_text() == "no reflection" for t in fig.axes[1].texts)
    fig = figures.mixing_conductance_figure(Delta_xc=2.0 * eV, V_F=-1.0 * eV)
    assert artist_by_gid(fig, "Re_g").get_text() == "1.0000" and _number(fig, "Im_g") == 0.0
    assert _number(fig, "g_up") < 0.99  # while the majority really is scattered


def test_mixing_figure_case10_total_equal_reflection_gives_zero():
    """Both bands empty at E_F with the same decay (no exchange splitting): |r| = 1 and r_up = r_down,
    so g = 0 and the torque ratio is undefined; the figure says so instead of failing."""
    fig = figures.mixing_conductance_figure(Delta_xc=0.0, V_F=9.0 * eV)
    assert abs(_number(fig, "Re_g")) == 0.0 and abs(_number(fig, "Im_g")) == 0.0
    assert artist_by_gid(fig, "xi").get_text() == "undefined"
    assert np.allclose(labelled_line(fig.axes[0], "majority").get_ydata(), 1.0, rtol=0, atol=1e-14)


# --------------------------------------------------------------------------- sweeps


def test_sweep_figure_curves_are_the_conductances():
    """Every swept curve is what scattering computes at that abscissa (checked at a spread of points),
    the marked points are the given interface, and Delta = 0 gives g = g_up = g_down = 1, Im g = 0."""
    fig = figures.conductance_sweep_figure()
    top_D, bottom_D, top_Z, bottom_Z = fig.axes
    itf = interface()
    g_sh = scattering.sharvin_conductance(itf.k_F)
    D = labelled_line(top_D, "Re").get_xdata()
    assert D[0] == 0.0 and D[-1] == pytest.approx(2.5 * 7.0, rel=1e-12)  # max(1.5 Delta, 2.5 (E_F - V_F), 2 eV)
    for i in (0, 17, 60, 100, 120):
        here = interface(D[i])
        g = scattering.mixing_conductance(here) / g_sh
        g_up, g_down = (x / g_sh for x in scattering.spin_conductances(here))
        assert labelled_line(top_D, "Re").get_ydata()[i] == pytest.approx(g.real, rel=1e-12)
        assert labelled_line(top_D, "$g_\\uparrow").get_ydata()[i] == pytest.approx(g_up, rel=1e-12)
        assert labelled_line(top_D, "$g_\\downarrow").get_ydata()[i] == pytest.approx(g_down, rel=1e-12, abs=1e-14)
        assert labelled_line(bottom_D, "Im").get_ydata()[i] == pytest.approx(g.imag, rel=1e-12, abs=1e-15)
        xi = labelled_line(bottom_D, "$\\xi").get_ydata()[i]
        assert xi == pytest.approx(scattering.torque_ratio(here), rel=1e-12, abs=1e-15)
    assert labelled_line(top_D, "Re").get_ydata()[0] == pytest.approx(1.0, rel=1e-13)
    assert labelled_line(bottom_D, "Im").get_ydata()[0] == pytest.approx(0.0, abs=1e-15)
    Z = labelled_line(top_Z, "Re").get_xdata()
    assert Z[0] == 0.0 and Z[-1] == 3.0
    for i in (0, 30, 120):
        here = interface(2.0, 0.0, Z[i])
        g = scattering.mixing_conductance(here) / g_sh
        assert labelled_line(top_Z, "Re").get_ydata()[i] == pytest.approx(g.real, rel=1e-12)
        assert labelled_line(bottom_Z, "Im").get_ydata()[i] == pytest.approx(g.imag, rel=1e-12)
    # an opaque barrier suppresses g (g ~ 1/Z^2, test_scattering): monotonic beyond Z = 1
    re = labelled_line(top_Z, "Re").get_ydata()
    assert np.all(np.diff(re[Z > 1.0]) < 0)
    # the marked points: the given interface, at Delta = 2 eV and at Z = 0
    g = scattering.mixing_conductance(itf) / g_sh
    for name, x_here in (("Delta", 2.0), ("Z", 0.0)):
        point = artist_by_gid(fig, f"here-{name}")
        assert point.get_xdata()[0] == pytest.approx(x_here, rel=1e-12)
        assert point.get_ydata()[0] == pytest.approx(g.real, rel=1e-12)
    # the minority band empties at Delta = 2 (E_F - V_F) = 14 eV: shaded from there
    (span,) = [p for p in top_D.patches if p.get_gid() == "no-minority"]
    assert span.get_x() == pytest.approx(14.0, rel=1e-12)
    assert labelled_line(top_D, "$g_\\downarrow").get_ydata()[D >= 14.0] == pytest.approx(0.0, abs=1e-14)


def test_sweep_figure_same_potential_limit():
    """With V_F = -1 eV and a barrier, Delta = 0 is the same potential for both spins: g = g_up = g_down
    (the transmission), Im g = 0 (case 10 a)."""
    fig = figures.conductance_sweep_figure(Delta_xc=1.0 * eV, V_F=-1.0 * eV, Z=0.3)
    top, bottom = fig.axes[:2]
    re, up, down = (labelled_line(top, s).get_ydata()[0] for s in ("Re", "$g_\\uparrow", "$g_\\downarrow"))
    assert re == pytest.approx(up, rel=1e-13) and up == down
    assert 0.3 < re < 1.0
    assert labelled_line(bottom, "Im").get_ydata()[0] == pytest.approx(0.0, abs=1e-15)


# --------------------------------------------------------------------------- transverse spin current in F


def _spinor_current(psi, dpsi, k):
    """Spin-current density Im(psi^dag sigma dpsi/dx) / k for sigma_x, sigma_y (per unit incident flux)."""
    sx = np.array([[0, 1], [1, 0]])
    sy = np.array([[0, -1j], [1j, 0]])
    return np.array([np.imag(np.conj(psi) @ s @ dpsi) for s in (sx, sy)]) / k


@pytest.mark.parametrize(("Delta_xc", "V_F", "Z", "k_par"), [
    (2.0, 0.0, 0.0, 0.3), (2.0, 0.0, 0.7, 0.95), (4.0, 4.0, 0.3, 0.6), (4.0, 4.0, 0.3, 0.2)])
def test_channel_spin_current_from_the_wave_functions(Delta_xc, V_F, Z, k_par):
    """One channel, an electron polarized along p = x (theta = 90 deg) with m = z. Independently of the
    closed form of scattering.channel_spin_current: build the spinors in N (incident + reflected) and in F (transmitted) from
    r_sigma and t = 1 + r, evaluate the spin current with numerical derivatives, and check that
    (i) it is continuous at x = 0 (the delta barrier is spin independent), (ii) in F it is sin(theta)
    times [Re G_n, -Im G_n] along (x, y), i.e. Re G_n along m x (p x m) = x and Im G_n along p x m = -y.
    Central differences with h = 1e-6/k_F: error ~ (k h)^2 ~ 1e-12, bound 1e-8."""
    itf = interface(Delta_xc, V_F, Z)
    kp = k_par * itf.k_F
    k = math.sqrt(itf.k_F**2 - kp**2)
    q = [np.sqrt(k2 - kp**2 + 0j) for k2 in (itf.k2_up, itf.k2_down)]
    r = scattering.reflection_amplitudes(itf, kp)
    a = np.array([1, 1]) / math.sqrt(2)  # spinor along +x
    amplitude, wavenumber = scattering.channel_spin_current(k, q[0], q[1], *r)
    h = 1e-6 / itf.k_F

    def psi_N(x):
        return a * np.exp(1j * k * x) + a * np.array(r) * np.exp(-1j * k * x)

    def psi_F(x):
        return a * (1 + np.array(r)) * np.exp(1j * np.array(q) * x)

    for psi, x in ((psi_N, -3 * h), (psi_F, 3 * h), (psi_F, 0.7e-9), (psi_F, 2.3e-9)):
        j = _spinor_current(psi(x), (psi(x + h) - psi(x - h)) / (2 * h), k)
        G = amplitude * np.exp(1j * wavenumber * max(x, 0.0))
        assert j == pytest.approx([G.real, -G.imag], abs=1e-8)
    # and at the interface the channel's G is 1 - r_up r_down^*: current continuity
    assert amplitude == pytest.approx(1 - r[0] * np.conj(r[1]), abs=1e-13)


@pytest.mark.parametrize(("Delta_xc", "V_F", "Z"), [(2.0, 0.0, 0.0), (2.0, 0.0, 1.0), (4.0, 4.0, 0.0),
                                                   (2.0, 9.0, 0.3), (16.0, -6.0, 5.0)])
def test_transverse_current_starts_at_g(Delta_xc, V_F, Z):
    """G(0) = g_updown: the spin current that enters F is what the mixing conductance says is not
    reflected. Different formulas on the same quadrature: agreement to rounding (1e-13 of Sharvin)."""
    itf = interface(Delta_xc, V_F, Z)
    G0 = scattering.transverse_spin_current(itf, [0.0], scattering.N_QUAD)[0]
    assert abs(G0 - scattering.mixing_conductance(itf)) < 1e-13 * scattering.sharvin_conductance(itf.k_F)


def test_transverse_current_without_exchange_does_not_dephase():
    """Delta_xc = 0: the spin does not precess (q_up = q_down), nothing is absorbed, G(x) = g for all x."""
    itf = interface(0.0, -1.0, 0.4)
    x = np.linspace(0, 20e-9, 9)
    G = scattering.transverse_spin_current(itf, x, 64)
    assert np.allclose(G, scattering.mixing_conductance(itf), rtol=1e-13, atol=0)


@pytest.mark.parametrize(("Delta_xc", "V_F", "Z"), [(2.0, 0.0, 0.0), (4.0, 4.0, 0.0), (2.0, 0.0, 0.5)])
def test_transverse_current_decays_as_one_over_x(Delta_xc, V_F, Z):
    """Integration by parts: the end p = 0 of the Fermi disc dominates at large x, where
    d(q_up - q_down)/dp = (k_up - k_down)/(2 k_up k_down), so |G(x)| -> |G_0| k_up k_down / (2 pi |k_up - k_down| x)
    with G_0 the normal-incidence channel. The next terms fall faster than 1/x: the relative
    deviation (measured 0.7-7.8 % at 5 nm, 0.2-2.5 % at 10 nm) must be within 10 % and 3 % and
    shrink by more than half when x doubles (a wrong coefficient or power would not)."""
    itf = interface(Delta_xc, V_F, Z)
    amplitude, _ = scattering.channel_spin_current(itf.k_F, itf.k_up, itf.k_down,
                                                 *scattering.reflection_amplitudes(itf, 0.0))
    coefficient = abs(amplitude) * itf.k_up * itf.k_down / (2 * math.pi * abs(itf.k_up - itf.k_down))
    deviation = []
    for x, tol in ((5e-9, 0.10), (10e-9, 0.03)):
        G = scattering.transverse_spin_current(itf, [x], scattering._depth_quadrature(itf, x))[0]
        assert abs(G) * x == pytest.approx(coefficient, rel=tol)
        deviation.append(abs(abs(G) * x / coefficient - 1))
    assert deviation[1] < 0.5 * deviation[0]


@pytest.mark.parametrize(("itf", "depth"), [(interface(), figures.MAX_DEPTH),
                                           (interface(16.0, -6.0, 0.0, 12.0), figures.MAX_DEPTH),
                                           (interface(50.0, -50.0, 0.0, 50.0), 5e-9)],
                         ids=["Cu-Co-20nm", "strong-exchange-20nm", "50eV-5nm"])
def test_transverse_current_quadrature_is_converged(itf, depth):
    """The node count of _depth_quadrature resolves the phases at the largest depth: twice the nodes
    change G by < 1e-12 of Sharvin (measured <= 1e-13; half the nodes too, so the rule has a margin)."""
    x = np.linspace(0, depth, 41)
    n = scattering._depth_quadrature(itf, depth)
    diff = scattering.transverse_spin_current(itf, x, n) - scattering.transverse_spin_current(itf, x, 2 * n)
    assert np.max(np.abs(diff)) < 1e-12 * scattering.sharvin_conductance(itf.k_F)


def test_transverse_figure_shows_the_transverse_spin_current():
    """The plotted components are Re G and Im G over Sharvin, the single channel precesses with
    2 pi / (k_up - k_down) and keeps its amplitude, the Fermi-surface sum decays."""
    fig = figures.transverse_spin_figure()
    ax, ax_log = fig.axes
    itf = interface()
    g_sh = scattering.sharvin_conductance(itf.k_F)
    x = labelled_line(ax, "sum, along $\\mathbf{m}").get_xdata() * 1e-9
    assert x[0] == 0.0 and x[-1] == pytest.approx(5e-9, rel=1e-12)
    G = scattering.transverse_spin_current(itf, x, scattering._depth_quadrature(itf, x[-1])) / g_sh
    assert np.allclose(labelled_line(ax, "sum, along $\\mathbf{m}").get_ydata(), G.real, rtol=0, atol=1e-13)
    assert np.allclose(labelled_line(ax, "sum, along $\\mathbf{p}").get_ydata(), G.imag, rtol=0, atol=1e-13)
    g = scattering.mixing_conductance(itf) / g_sh
    assert complex(G[0]) == pytest.approx(g, abs=1e-13)
    # the normal-incidence channel: |G_0| constant (both bands propagate at k_par = 0), period 2 pi/(k_up - k_down)
    one = labelled_line(ax, "one channel").get_ydata()
    length = 2 * math.pi / (itf.k_up - itf.k_down)
    assert artist_by_gid(fig, "precession").get_xdata()[0] == pytest.approx(length * 1e9, rel=1e-12)
    assert one.max() == pytest.approx(-one.min(), rel=1e-3)  # a full period fits in 5 nm: undamped
    # the sum dephases: 19 % left at 5 nm (1/x law, test above), far below the single channel's 100 %
    shown = float(artist_by_gid(fig, "left").get_text().split()[0])
    assert shown == pytest.approx(abs(G[-1]), rel=2e-3) and shown < 0.25
    log_line = labelled_line(ax_log, "$|G")
    assert log_line.get_ydata()[-1] == pytest.approx(abs(G[-1]), rel=1e-12)


def test_transverse_figure_half_metal_decays_without_precession_length():
    """Minority band empty (V_F = 4, Delta = 8 eV): no minority Fermi surface, so no precession length is
    marked, and the transverse current decays with the evanescent minority wave (faster than 1/x)."""
    fig = figures.transverse_spin_figure(Delta_xc=8.0 * eV, V_F=4.0 * eV)
    assert artist_by_gid(fig, "precession") is None
    assert float(artist_by_gid(fig, "left").get_text().split()[0]) < 0.01


def test_figures_share_the_cu_co_defaults():
    expected = {"Delta_xc": 2.0 * eV, "E_F": 7.0 * eV, "V_F": 0.0, "Z": 0.0}
    for function in FIGURES:
        d = figure_defaults(function)
        assert {name: d[name] for name in expected} == pytest.approx(expected, rel=1e-15)
    assert figure_defaults(figures.transverse_spin_figure)["depth"] == 5e-9


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("function", FIGURES, ids=lambda f: f.__name__)
@pytest.mark.parametrize(("kwargs", "name"), [
    ({"Delta_xc": -1e-20}, "Delta_xc"),
    ({"Delta_xc": 1e-16}, "Delta_xc"),
    ({"Delta_xc": math.nan}, "Delta_xc"),
    ({"E_F": 0.0}, "E_F"),
    ({"E_F": -1e-19}, "E_F"),
    ({"V_F": math.inf}, "V_F"),
    ({"V_F": -1e-16}, "V_F"),
    ({"Z": -0.1}, "Z"),
    ({"Z": 1e3}, "Z"),
])
def test_figures_reject_bad_input(function, kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        function(**kwargs)


@pytest.mark.parametrize("function", FIGURES, ids=lambda f: f.__name__)
def test_figures_type_error_names_the_parameter(function):
    with pytest.raises(TypeError, match="^Delta_xc "):
        function(Delta_xc="2 eV")


@pytest.mark.parametrize("depth", [0.0, -1e-9, 21e-9, math.nan])
def test_transverse_figure_rejects_bad_depth(depth):
    with pytest.raises(ValueError, match="^depth "):
        figures.transverse_spin_figure(depth=depth)


def test_transverse_spin_current_rejects_bad_input():
    itf = interface()
    with pytest.raises(ValueError, match="^x "):
        scattering.transverse_spin_current(itf, [0.0, -1e-9], 64)
    with pytest.raises(ValueError, match="^x "):
        scattering.transverse_spin_current(itf, math.nan, 64)
    with pytest.raises(ValueError, match="n_quad"):
        scattering.transverse_spin_current(itf, 0.0, 1)
    with pytest.raises(TypeError, match="interface"):
        scattering.transverse_spin_current((1e10, 1e10, 1e10), 0.0, 64)


def test_figures_are_not_registered_with_pyplot():
    plt.close("all")
    figures.mixing_conductance_figure()
    figures.transverse_spin_figure(depth=1e-9)
    assert plt.get_fignums() == []


# --------------------------------------------------------------------------- explorer


def test_explorer_quadrature_is_converged_at_the_corners():
    """The explorer keeps scattering's default quadrature (64 nodes per piece); at every corner of its
    ranges twice the nodes change g by < 1e-12 of Sharvin: no accuracy is traded for redraw speed."""
    for D, Z, E_F, V_F in itertools.product((0.0, 16.0), (0.0, 5.0), (1.0, 12.0), (-6.0, 10.0)):
        itf = interface(D, V_F, Z, E_F)
        diff = scattering.mixing_conductance(itf) - scattering.mixing_conductance(itf, n_quad=128)
        assert abs(diff) < 1e-12 * scattering.sharvin_conductance(itf.k_F)
