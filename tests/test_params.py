"""Parameter objects: derived figures against their closed forms, presets, bad input."""

import math

import pytest

from sttlab import Cylinder, EllipticCylinder, Junction, Magnet, params, preset, preset_names
from sttlab.constants import e, hbar, kB, mu0


def film(**options):
    return Magnet(**({"Ms": 1.1e6, "geometry": Cylinder(40e-9, 1.3e-9), "alpha": 0.01} | options))


def test_geometry_volumes():
    assert Cylinder(40e-9, 1e-9).volume == pytest.approx(math.pi * (20e-9) ** 2 * 1e-9)
    assert EllipticCylinder(100e-9, 50e-9, 2e-9).area == pytest.approx(math.pi * 50e-9 * 25e-9)


def test_thin_film_effective_anisotropy_is_K_minus_shape():
    """K_eff = K_u + K_i / t - mu0 Ms^2 / 2 for a perpendicular thin film."""
    magnet = film(Ku=2e5, Ki=1e-3)
    assert magnet.K == pytest.approx(2e5 + 1e-3 / 1.3e-9)
    assert magnet.K_eff == pytest.approx(magnet.K - mu0 * 1.1e6**2 / 2)
    assert magnet.Hk_eff == pytest.approx(2 * magnet.K_eff / (mu0 * 1.1e6))
    assert magnet.Delta(300.0) == pytest.approx(magnet.K_eff * magnet.volume / (kB * 300.0))


def test_pma_needs_K_larger_than_the_shape_anisotropy():
    shape = mu0 * 1.1e6**2 / 2
    assert film(Ku=1.01 * shape).K_eff > 0
    assert film(Ku=0.99 * shape).K_eff < 0


def test_in_plane_barrier_goes_over_the_soft_in_plane_axis():
    """Easy axis x in a film: the barrier is K (via y), not K + mu0 Ms^2 / 2 (via z)."""
    magnet = film(Ku=3e4, easy_axis=(1, 0, 0))
    assert magnet.K_eff == pytest.approx(3e4)
    assert magnet.transverse_stiffness() == pytest.approx((2 * 3e4 / (mu0 * 1.1e6),
                                                           2 * 3e4 / (mu0 * 1.1e6) + 1.1e6))


def test_critical_current_closed_form_and_area():
    junction = Junction(film(Ku=9e5), P=0.6)
    free = junction.free
    expected = 2 * e / hbar * free.alpha / 0.6 * mu0 * free.Ms * free.Hk_eff * free.thickness
    assert junction.Jc0() == pytest.approx(expected, rel=1e-12)
    assert junction.Ic0() == pytest.approx(expected * math.pi * (20e-9) ** 2, rel=1e-12)


def test_critical_current_needs_a_collinear_polarizer_and_a_stable_state():
    with pytest.raises(ValueError, match="polarizer"):
        Junction(film(Ku=9e5), polarizer=(1, 0, 1)).Jc0()
    with pytest.raises(ValueError, match="stable"):
        Junction(film(Ku=1e5)).Jc0()
    with pytest.raises(ValueError, match="state"):
        Junction(film(Ku=9e5)).Jc0("up")


def test_presets_are_sourced_and_match_their_stated_figures():
    assert set(preset_names()) >= {"cofeb_mgo_40nm", "cofeb_mgo_20nm"}
    cell = preset("cofeb_mgo_40nm")
    assert cell.free.Delta(300.0) == pytest.approx(40.0, abs=0.05)  # the stated calibration
    assert "doi:10.1038/nmat2804" in params.preset_source("cofeb_mgo_40nm")
    small = preset("cofeb_mgo_20nm")
    assert small.free.Delta(300.0) == pytest.approx(cell.free.Delta(300.0) / 4)  # same K_eff, 1/4 volume
    with pytest.raises(ValueError, match="name"):
        preset("permalloy")


@pytest.mark.parametrize(
    ("options", "error", "name"),
    [
        ({"Ms": 0.0}, ValueError, "Ms"),
        ({"Ms": float("nan")}, ValueError, "Ms"),
        ({"Ms": "1e6"}, TypeError, "Ms"),
        ({"alpha": -0.1}, ValueError, "alpha"),
        ({"Ku": float("inf")}, ValueError, "Ku"),
        ({"easy_axis": (0, 0, 0)}, ValueError, "easy_axis"),
        ({"demag": (0.5, 0.5, 0.5)}, ValueError, "demag"),
        ({"demag": (-0.1, 0.1, 1.0)}, ValueError, "demag"),
        ({"geometry": (40e-9, 1e-9)}, TypeError, "geometry"),
    ],
)
def test_bad_magnet_input_names_the_parameter(options, error, name):
    with pytest.raises(error, match=name):
        film(**options)


@pytest.mark.parametrize(
    ("options", "error", "name"),
    [
        ({"P": 0.0}, ValueError, "P"),
        ({"P": 1.5}, ValueError, "P"),
        ({"efficiency": "julliere"}, ValueError, "efficiency"),
        ({"Lambda": -1.0}, ValueError, "Lambda"),
        ({"field_like": -200.0}, ValueError, "field_like"),
        ({"polarizer": (0, 0, 0)}, ValueError, "polarizer"),
        ({"free": "CoFeB"}, TypeError, "free"),
    ],
)
def test_bad_junction_input_names_the_parameter(options, error, name):
    with pytest.raises(error, match=name):
        Junction(**({"free": film(Ku=9e5)} | options))


@pytest.mark.parametrize(("cls", "args", "name"), [(Cylinder, (0.0, 1e-9), "diameter"),
                                                   (Cylinder, (1e-8, -1e-9), "thickness"),
                                                   (EllipticCylinder, (1e-8, 0.0, 1e-9), "width")])
def test_bad_geometry(cls, args, name):
    with pytest.raises(ValueError, match=name):
        cls(*args)


def test_bad_temperature():
    with pytest.raises(ValueError, match="T"):
        film(Ku=9e5).Delta(0.0)


def test_relaxation_time_is_the_small_tilt_decay_time_of_the_damped_llg():
    """PHYSICS.md case 1: tan(theta/2) decays as exp(-t / tau_D) about a field H_k,eff (here the anisotropy)."""
    from sttlab import simulate

    cell = preset("cofeb_mgo_40nm")
    tau = cell.free.relaxation_time
    theta0 = math.radians(1.0)
    run = simulate(cell.free, (math.sin(theta0), 0.0, math.cos(theta0)), 2 * tau, rtol=1e-10, atol=1e-12)
    theta = math.acos(run.m[-1, 2])
    # linear regime: the anisotropy field is H_k,eff cos(theta) = H_k,eff (1 - 1.5e-4) at 1 degree
    assert math.tan(theta / 2) / math.tan(theta0 / 2) == pytest.approx(math.exp(-2.0), rel=1e-3)
    with pytest.raises(ValueError, match="alpha"):
        _ = Magnet(Ms=1e6, geometry=Cylinder(20e-9, 1e-9), alpha=0.0, Ku=1e6).relaxation_time
