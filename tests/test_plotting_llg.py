"""Chapter 1 figures (sttlab.plotting.llg); its explorers are driven in test_explorers.py.

The figures are checked for what they show, not only that they draw: the
simulated precession against the exact solution (PHYSICS.md case 1), the
annotated thermal stability factor against ``Magnet.Delta``, the plotted
contributions against their sum.
"""

import math
import re
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import sttlab  # noqa: E402
from sttlab.constants import gamma, kB, mu0  # noqa: E402
from sttlab.llg import larmor_solution  # noqa: E402
from sttlab.plotting import llg as figures  # noqa: E402
from sttlab.plotting.common import PALETTE, png_bytes  # noqa: E402
from figure_parts import artist_by_gid, labelled_line  # noqa: E402

PRESET = sttlab.preset("cofeb_mgo_40nm").free


def _texts(fig):
    return [t for ax in fig.axes for t in ax.texts] + list(fig.texts)


# --------------------------------------------------------------------------- precession


def test_precession_figure_axes_and_labels():
    fig = figures.precession_figure()
    assert isinstance(fig, Figure)
    assert [ax.name for ax in fig.axes] == ["3d", "rectilinear"]
    ax = fig.axes[1]
    assert ax.get_xlabel() == "time $t$ (ns)"
    assert ax.get_ylabel()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[:3] == ["$m_x$", "$m_y$", "$m_z$"]
    assert labels[3].startswith("exact $m_z$")
    assert png_bytes(fig, dpi=50)[:4] == b"\x89PNG"


def test_precession_figure_matches_exact_solution():
    """PHYSICS.md case 1: RK4 at 100 steps per period follows the exact damped precession to 1e-6."""
    field_T, alpha, theta0 = 0.3, 0.08, 50.0
    ax = figures.precession_figure(field_T=field_T, alpha=alpha, theta0_deg=theta0).axes[1]
    t = labelled_line(ax, "$m_x$").get_xdata() * 1e-9
    m = np.column_stack([labelled_line(ax, f"$m_{k}$").get_ydata() for k in "xyz"])
    exact = larmor_solution(t, field_T, alpha, theta0)
    assert np.max(np.abs(m - exact)) < 1e-6
    # the dashed curve is the exact m_z, and the run covers the relaxation (m_z from cos(theta0) towards 1)
    assert np.allclose(labelled_line(ax, "exact").get_ydata(), exact[:, 2], rtol=0, atol=1e-15)
    assert m[0, 2] == pytest.approx(math.cos(math.radians(theta0)))
    assert m[-1, 2] > 0.999
    # four relaxation times were simulated
    tau = (1 + alpha**2) / (alpha * gamma * field_T)
    assert t[-1] == pytest.approx(4 * tau, rel=1e-9)


def test_precession_figure_reports_frequency():
    fig = figures.precession_figure(field_T=0.1, alpha=0.05, theta0_deg=60.0)
    values = [t.get_text() for t in fig.axes[1].texts]
    f = gamma * 0.1 / (2 * math.pi * (1 + 0.05**2))
    assert f"{f * 1e-9:#.3g} GHz" in values
    assert "0.1 T" in values and "60°" in values


def test_precession_figure_duration_limits():
    # weak damping: capped at 40 periods; strong damping: at least 3 periods
    for alpha, periods in ((0.001, 40.0), (1.0, 3.0)):
        ax = figures.precession_figure(field_T=1.0, alpha=alpha, theta0_deg=30.0).axes[1]
        period = 2 * math.pi * (1 + alpha**2) / (gamma * 1.0)
        assert labelled_line(ax, "$m_x$").get_xdata()[-1] * 1e-9 == pytest.approx(periods * period, rel=1e-9)
    ax = figures.precession_figure(duration=2e-9).axes[1]
    assert labelled_line(ax, "$m_x$").get_xdata()[-1] == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"field_T": 0.0}, "field_T"),
        ({"field_T": -0.1}, "field_T"),
        ({"field_T": float("nan")}, "field_T"),
        ({"alpha": 0.0}, "alpha"),
        ({"alpha": 1.5}, "alpha"),
        ({"theta0_deg": 0.0}, "theta0_deg"),
        ({"theta0_deg": 180.0}, "theta0_deg"),
        ({"duration": -1e-9}, "duration"),
        ({"duration": 1e-6}, "duration"),
        ({"steps_per_period": 10}, "steps_per_period"),
        ({"steps_per_period": 50.0}, "steps_per_period"),
    ],
)
def test_precession_figure_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        figures.precession_figure(**kwargs)


def test_precession_figure_type_errors_name_the_parameter():
    with pytest.raises(TypeError, match="^field_T "):
        figures.precession_figure(field_T="0.1")


# --------------------------------------------------------------------------- energy landscape


def test_energy_figure_defaults_are_the_preset():
    fig = figures.energy_landscape_figure()
    assert [ax.name for ax in fig.axes] == ["rectilinear", "rectilinear"]
    ax, ax2 = fig.axes
    assert ax.get_xlabel().startswith("angle $\\theta$")
    assert ax.get_ylabel() == "energy $E(\\theta)\\,/\\,k_B T$"
    assert ax2.get_ylabel() == "energy density (MJ/m$^3$)"
    # the annotated Delta is Magnet.Delta of the preset (40.0 by construction of the preset)
    delta = artist_by_gid(fig, "delta")
    assert delta is not None and artist_by_gid(fig, "in-plane") is None
    shown = float(re.fullmatch(r"Δ = ([0-9.]+)", delta.get_text()).group(1))
    assert shown == round(PRESET.Delta(300.0), 1) == 40.0
    # the curve is sttlab.llg.energy: its depth is the barrier K_eff V in kB T
    E = ax.get_lines()[0].get_ydata()
    assert E.max() - E.min() == pytest.approx(PRESET.barrier / (kB * 300.0), rel=1e-12)
    assert E[0] == pytest.approx(-PRESET.Delta(300.0), rel=1e-12)


def test_energy_figure_contributions_add_up():
    Ku, Ms, d, t, Ki = 0.3e6, 1.2e6, 50e-9, 1.1e-9, 0.9e-3
    fig = figures.energy_landscape_figure(Ku=Ku, Ms=Ms, diameter=d, thickness=t, Ki=Ki)
    ax2 = fig.axes[1]
    parts = [labelled_line(ax2, name).get_ydata() for name in ("bulk", "interface", "shape")]
    total = labelled_line(ax2, "sum").get_ydata()
    assert np.allclose(parts[0] + parts[1] + parts[2], total, rtol=0, atol=1e-12)
    # amplitudes at theta = 0: -K_u, -K_i/t, +mu0 Ms^2/2 (MJ/m^3), and -K_eff for the sum
    assert parts[0][0] == pytest.approx(-Ku * 1e-6)
    assert parts[1][0] == pytest.approx(-Ki / t * 1e-6)
    assert parts[2][0] == pytest.approx(0.5 * mu0 * Ms**2 * 1e-6)
    magnet = sttlab.Magnet(Ms=Ms, geometry=sttlab.Cylinder(d, t), alpha=0.01, Ku=Ku, Ki=Ki)
    assert total[0] == pytest.approx(-magnet.K_eff * 1e-6)
    # the values printed beside the legend entries are the four K's
    printed = [float(t.get_text().replace("\N{MINUS SIGN}", "-")) for t in ax2.texts]
    assert printed == pytest.approx([Ku * 1e-6, Ki / t * 1e-6, -0.5 * mu0 * Ms**2 * 1e-6, magnet.K_eff * 1e-6],
                                    abs=0.006)
    delta = float(artist_by_gid(fig, "delta").get_text().split("=")[1])
    assert delta == round(magnet.Delta(300.0), 1)


def test_energy_figure_in_plane_says_so():
    """A thick film: shape anisotropy wins, K_eff < 0, the figure says there is no perpendicular barrier."""
    fig = figures.energy_landscape_figure(thickness=3e-9)
    magnet = sttlab.Magnet(Ms=PRESET.Ms, geometry=sttlab.Cylinder(PRESET.geometry.diameter, 3e-9), alpha=0.01,
                           Ki=PRESET.Ki)
    assert magnet.K_eff < 0
    note = artist_by_gid(fig, "in-plane")
    assert note is not None and note.get_text().startswith("in-plane: no perpendicular barrier")
    assert artist_by_gid(fig, "delta") is None
    E = fig.axes[0].get_lines()[0].get_ydata()
    assert np.argmin(E) == 180  # the minimum is at theta = 90 degrees (in-plane)
    assert fig.axes[1].get_title().startswith("shape wins")
    png_bytes(fig, dpi=50)


def test_energy_figure_large_barrier_in_thousands():
    fig = figures.energy_landscape_figure(Ku=2e6, Ms=0.2e6, diameter=150e-9, thickness=5e-9)
    ax = fig.axes[0]
    assert "10^3" in ax.get_ylabel()
    magnet = sttlab.Magnet(Ms=0.2e6, geometry=sttlab.Cylinder(150e-9, 5e-9), alpha=0.01, Ku=2e6, Ki=PRESET.Ki)
    E = ax.get_lines()[0].get_ydata()
    assert (E.max() - E.min()) * 1e3 == pytest.approx(magnet.Delta(300.0), rel=1e-12)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"Ms": 0.0}, "Ms"),
        ({"Ms": -1e6}, "Ms"),
        ({"diameter": 0.0}, "diameter"),
        ({"thickness": -1e-9}, "thickness"),
        ({"T": 0.0}, "T"),
        ({"Ku": float("nan")}, "Ku"),
        ({"Ki": float("inf")}, "Ki"),
    ],
)
def test_energy_figure_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        figures.energy_landscape_figure(**kwargs)


def test_figures_are_not_registered_with_pyplot():
    plt.close("all")
    figures.precession_figure()
    figures.energy_landscape_figure()
    assert plt.get_fignums() == []


def test_palette_is_okabe_ito():
    assert len(PALETTE) == 8
    assert PALETTE["blue"] == "#0072B2" and PALETTE["vermillion"] == "#D55E00"


def test_physics_does_not_import_plotting():
    code = ("import sys, sttlab, sttlab.dynamics, sttlab.llg, sttlab.params; "
            "bad = [m for m in sys.modules if m.startswith(('matplotlib', 'ipywidgets', 'sttlab.plotting'))]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)
