"""Pillar scaling (sttlab.mram.pillar): cylinder demag, Delta and I_c0 against params/thermal, walls, thickness.

Tolerances: exact identities (the same arithmetic done two ways) at 1e-12;
the cylinder's demagnetizing factors against an independent quadrature of
their Bessel integral at 1e-6 (the quadrature's truncation error is below
1e-7); asymptotic limits at the size of their next-order terms, stated
where used; root-found thicknesses at 1e-8 in Delta (brentq at rtol 1e-10).
"""

import math

import numpy as np
import pytest
from scipy import integrate, optimize, special

from sttlab import Cylinder, Junction, Magnet, mram, thermal
from sttlab.constants import e, hbar, mu0


COFEB = mram.stack("cofeb_mgo")


def demag_by_quadrature(tau):
    """N_z = (1/tau) int_0^inf J1(x)^2 (1 - exp(-2 tau x)) / x^2 dx, the Fourier-space form.

    Summed interval by interval up to X = 400 pi, plus the tail int_X^inf dx / (pi x^3)
    (J1^2 ~ 1 / (pi x) on average); the neglected oscillating part is O(X^-3 / tau) < 1e-7.
    """
    def f(x):
        return special.j1(x) ** 2 * -math.expm1(-2 * tau * x) / x**2

    edges = np.arange(401) * math.pi
    body = sum(integrate.quad(f, a, b, epsabs=1e-13, epsrel=1e-12)[0] for a, b in zip(edges[:-1], edges[1:]))
    tail = 1 / (2 * math.pi * edges[-1] ** 2)
    return (body + tail) / tau


# ----------------------------------------------------------------------------- demagnetizing factors


@pytest.mark.parametrize("tau", [0.01, 0.1, 0.5, 0.906, 2.0, 10.0])
def test_cylinder_demag_matches_the_bessel_integral(tau):
    Nx, Ny, Nz = mram.cylinder_demag(1.0, tau)
    assert Nz == pytest.approx(demag_by_quadrature(tau), abs=1e-6)
    assert Nx == Ny
    assert Nx + Ny + Nz == pytest.approx(1.0, abs=1e-15)


def test_cylinder_demag_limits():
    """Thin film N_z -> 1 (1 - N_z ~ tau ln(1/tau)); long rod N_z -> 4 / (3 pi tau); N_z = 1/3 near tau = 0.906."""
    tau = np.array([1e-2, 1e-4, 1e-6, 1e-8])
    Nz = mram.cylinder_demag(1.0, tau)[2]
    gap = 1 - Nz
    assert np.all(np.diff(gap) < 0) and gap[-1] < 1e-6
    # the logarithm: gap / tau grows by ln(100) = 4.6 per two decades of tau, times 2 / pi
    assert np.diff(gap / tau) == pytest.approx(2 / math.pi * math.log(100), rel=0.02)
    assert mram.cylinder_demag(1.0, 1e4)[2] * 1e4 == pytest.approx(4 / (3 * math.pi), rel=1e-3)
    sphere_like = optimize.brentq(lambda t: mram.cylinder_demag(1.0, t)[2] - 1 / 3, 0.5, 1.5, xtol=1e-12)
    assert sphere_like == pytest.approx(optimize.brentq(lambda t: demag_by_quadrature(t) - 1 / 3, 0.85, 0.95,
                                                        xtol=1e-9), abs=1e-5)
    assert sphere_like == pytest.approx(0.906, abs=1e-3)
    # the shape is what counts, not the size
    assert mram.cylinder_demag(40e-9, 1.3e-9)[2] == pytest.approx(mram.cylinder_demag(40.0, 1.3)[2], rel=1e-14)


# ----------------------------------------------------------------------------- scaling, consistency with params


def test_scaling_is_the_params_magnet_with_the_cylinder_demag():
    d, t, T = 45e-9, 1.2e-9, 300.0
    N = tuple(float(x) for x in mram.cylinder_demag(d, t))
    free = Magnet(Ms=COFEB.Ms, geometry=Cylinder(d, t), alpha=COFEB.alpha, Ki=COFEB.Ki, demag=N)
    cell = Junction(free=free, P=COFEB.P)
    figures = mram.scaling(d, t, T=T, stack=COFEB)
    assert figures.Delta == pytest.approx(free.Delta(T), rel=1e-12)
    assert figures.Ic0_AP == pytest.approx(cell.Ic0("AP"), rel=1e-12)
    assert figures.Ic0_P == pytest.approx(-cell.Ic0("P"), rel=1e-12)
    assert figures.relaxation_time == pytest.approx(free.relaxation_time, rel=1e-12)
    assert figures.rate == pytest.approx(thermal.neel_brown_rate(free, T), rel=1e-12)  # macrospin barrier is the lower
    assert bool(figures.macrospin)
    # perpendicular, axially symmetric, constant eta: I_c0 = (4e / hbar)(alpha / eta) E_b
    assert figures.Ic0_AP == pytest.approx(4 * e / hbar * COFEB.alpha / COFEB.P * free.barrier, rel=1e-12)


def test_thin_cylinder_tends_to_the_thin_film_magnet():
    """As t/d -> 0 the cylinder's Delta approaches Magnet.Delta with N = (0, 0, 1)."""
    t, T = 1.0e-9, 300.0
    errors = []
    for d in (1e-6, 10e-6, 100e-6):
        film = Magnet(Ms=COFEB.Ms, geometry=Cylinder(d, t), alpha=COFEB.alpha, Ki=COFEB.Ki, demag=(0, 0, 1))
        errors.append(float(mram.scaling(d, t, T=T, stack=COFEB).Delta) / film.Delta(T) - 1)
    # 1 - N_z ~ (2 tau / pi) ln(1/tau) raises K_eff by (3/2)(1 - N_z) mu0 Ms^2 / 2
    assert errors[0] > errors[1] > errors[2] > 0 and errors[2] < 2e-3


def test_wall_barrier_crossover_and_lengths():
    """Delta / Delta_wall = pi d sqrt(K_eff / A) / 16: the macrospin barrier is the lower one below d_c."""
    assert mram.exchange_length(COFEB.Ms, COFEB.A) == pytest.approx(math.sqrt(2 * COFEB.A / (mu0 * COFEB.Ms**2)))
    assert 4e-9 < mram.exchange_length(COFEB.Ms, COFEB.A) < 6e-9
    d = np.array([30e-9, 60e-9, 120e-9])
    figures = mram.scaling(d, 1.3e-9, T=300.0, stack=COFEB)
    expected = math.pi * d * np.sqrt(figures.K_eff / COFEB.A) / 16
    assert figures.Delta / figures.Delta_wall == pytest.approx(expected, rel=1e-12)
    assert list(figures.macrospin) == list(expected <= 1)
    assert list(figures.macrospin) == [True, True, False]
    width = mram.domain_wall_width(COFEB.A, figures.K_eff)
    assert width == pytest.approx(math.pi * np.sqrt(COFEB.A / figures.K_eff), rel=1e-15)
    # the wall takes over once the diameter exceeds 16 / pi^2 wall widths
    assert list(d > 16 / math.pi**2 * width) == [False, False, True]
    # beyond the crossover the rate comes from the wall barrier
    assert figures.barrier[2] == figures.Delta_wall[2]
    assert figures.rate[2] == pytest.approx(figures.attempt_frequency[2] * math.exp(-figures.Delta_wall[2]), rel=1e-12)


# ----------------------------------------------------------------------------- thickness


def test_pma_thickness_and_thickness_window():
    d, T = 50e-9, mram.T_85C
    t_pma = mram.pma_thickness(d, COFEB)
    assert mram.free_layer(d, 0.999 * t_pma, COFEB).K_eff > 0 > mram.free_layer(d, 1.001 * t_pma, COFEB).K_eff
    assert mram.pma_thickness(10e-9, COFEB) == math.inf  # a narrow pillar's shape keeps it perpendicular
    window = mram.thickness_window(d, T=T, Delta_min=60.0, Delta_max=100.0, stack=COFEB)
    assert 0 < window.low < window.high < window.t_pma == t_pma
    edges = mram.scaling(d, [window.low, window.high], T=T, stack=COFEB).Delta
    assert edges == pytest.approx([100.0, 60.0], rel=1e-8)
    loose = mram.thickness_window(d, T=T, Delta_min=0.01, stack=COFEB)  # the barrier vanishes at t_pma
    assert loose.low == 0.0 and loose.high == pytest.approx(t_pma, rel=1e-3) and loose.high < t_pma
    empty = mram.thickness_window(d, T=T, Delta_min=1e4, stack=COFEB)
    assert empty.low >= empty.high


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: mram.cylinder_demag(-1e-9, 1e-9), "diameter"),
        (lambda: mram.cylinder_demag(1e-9, float("nan")), "thickness"),
        (lambda: mram.scaling(40e-9, 1e-9, T=0.0), "T"),
        (lambda: mram.thickness_window(40e-9, T=300.0, Delta_min=60.0, Delta_max=50.0), "Delta_max"),
    ],
)
def test_bad_input_raises_naming_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_wrong_types_are_refused():
    with pytest.raises(TypeError, match="stack"):
        mram.scaling(40e-9, 1e-9, T=300.0, stack="cofeb")
