"""Chapter 2 figures (sttlab.plotting.transport) and explorers (sttlab.explorers.transport).

The figures are checked for what they show: the plotted P curve and the marked
point against ``transport.polarization`` (PHYSICS.md case 8), the spin current
against ``J_s = P (hbar / 2e) J_c``, the accumulation profile against
``transport.spin_accumulation`` and its finite-difference points against
``transport.spin_diffusion_steady`` (case 9), and the annotated fraction that
reaches the far side against the closed forms. The explorers are driven to
every slider extreme and every toggle option.
"""

import functools
import gc
import math
import warnings
import weakref

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from sttlab import transport  # noqa: E402
from sttlab.constants import e, hbar  # noqa: E402
from sttlab.explorers import transport as explorers  # noqa: E402
from sttlab.plotting import transport as figures  # noqa: E402
from sttlab.plotting.common import figure_defaults, png_bytes  # noqa: E402


def _line(ax, label_start):
    found = [line for line in ax.get_lines() if line.get_label().startswith(label_start)]
    assert len(found) == 1, [line.get_label() for line in ax.get_lines()]
    return found[0]


def _gid(fig, gid):
    found = [t for ax in fig.axes for t in [*ax.texts, *ax.get_lines()] if t.get_gid() == gid]
    return found[0] if found else None


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
    assert _gid(fig, "P").get_text() == "P = 0.500"
    point = _gid(fig, "point")
    assert point.get_xdata()[0] == 3.0 and point.get_ydata()[0] == pytest.approx(0.5, abs=1e-15)
    line = curve.get_lines()[0]
    ratios, P = line.get_xdata(), line.get_ydata()
    assert np.allclose(P, (ratios - 1) / (ratios + 1), rtol=0, atol=1e-14)
    # spin current: this P and the half metal, in uJ/m^2 against 1e11 A/m^2
    J = _line(spin, "this").get_xdata() * 1e11
    assert np.allclose(_line(spin, "this").get_ydata() * 1e-6, 0.5 * hbar / (2 * e) * J, rtol=1e-12, atol=0)
    assert np.allclose(_line(spin, "half").get_ydata() * 1e-6, hbar / (2 * e) * J, rtol=1e-12, atol=0)
    assert _gid(fig, "J_s").get_text() == f"{0.5 * hbar / (2 * e) * 1e11 * 1e6:#.3g} μJ/m²"
    assert png_bytes(fig, dpi=50)[:4] == b"\x89PNG"


def test_polarization_figure_negative_P_and_other_current():
    fig = figures.polarization_figure(sigma_ratio=0.25, J_c=4e11)
    assert _gid(fig, "P").get_text() == "P = \N{MINUS SIGN}0.600"
    assert [p.get_height() for p in fig.axes[0].patches] == pytest.approx([20.0, 80.0])
    Js = -0.6 * hbar / (2 * e) * 4e11
    assert _gid(fig, "J_s").get_text() == f"{Js * 1e6:#.3g} μJ/m²".replace("-", "\N{MINUS SIGN}")
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
    exact = _line(ax, "exact")
    x = exact.get_xdata() * 1e-9
    assert x[0] == 0.0 and x[-1] == pytest.approx(L, rel=1e-12)
    assert np.allclose(exact.get_ydata(), transport.spin_accumulation(np.minimum(x, L), 1.0, lam, L=L, far=far), rtol=0, atol=1e-12)
    assert np.allclose(_line(ax, "semi").get_ydata(), np.exp(-x / lam), rtol=1e-12, atol=1e-300)
    # finite-difference points: spin_diffusion_steady at >= 20 intervals per lambda (case 9: within 1e-4)
    fd = _line(ax, "finite")
    n = int(fd.get_label().split("(")[1].split()[0])
    assert n >= min(figures.MAX_INTERVALS, 20 * L / lam) and n >= figures.MIN_INTERVALS
    profile = transport.spin_diffusion_steady(L, lam, n, far=far)
    xs = fd.get_xdata() * 1e-9
    assert np.allclose(fd.get_ydata(), np.interp(xs, profile.x, profile.mu_s), rtol=0, atol=1e-12)
    error = np.max(np.abs(profile.mu_s - transport.spin_accumulation(profile.x, 1.0, lam, L=L, far=far)))
    assert float(_gid(fig, "fd-error").get_text()) == pytest.approx(error, rel=0.06, abs=1e-300)
    if L / lam <= figures.MAX_INTERVALS / 20:
        assert error < 1e-4
    # lambda is marked only inside the spacer
    assert (_gid(fig, "lambda") is not None) == (lam <= L)
    png_bytes(fig, dpi=40)


@pytest.mark.parametrize(("L", "lam"), [(10e-9, 350e-9), (10e-9, 3.05e-9), (5e-9, 3.05e-9), (40e-9, 10e-9)])
def test_surviving_fraction(L, lam):
    """Reflecting: mu_s(L) from spin_accumulation; absorbing: the spin current into the sink. Both 1/cosh(L/lambda)."""
    reflecting = figures.spin_accumulation_figure(thickness=L, lambda_sf=lam, far="reflecting")
    shown = float(_gid(reflecting, "surviving").get_text())
    at_L = float(transport.spin_accumulation(L, 1.0, lam, L=L, far="reflecting"))
    assert shown == pytest.approx(at_L, rel=1e-3)
    assert transport.spin_transmission(L, lam) == pytest.approx(at_L, rel=1e-12)
    absorbing = figures.spin_accumulation_figure(thickness=L, lambda_sf=lam, far="absorbing")
    shown = float(_gid(absorbing, "surviving").get_text())
    exact = 1.0 / math.cosh(L / lam)
    assert shown == pytest.approx(exact, rel=1e-3)
    # and the accumulation at the sink itself is zero
    assert _line(absorbing.axes[0], "exact").get_ydata()[-1] == pytest.approx(0.0, abs=1e-15)


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
