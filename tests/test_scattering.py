"""Spin-mixing conductance in the free-electron model: PHYSICS.md reference case 10."""

import math

import numpy as np
import pytest
from scipy import constants as codata
from scipy import integrate

from sttlab.scattering import (
    Interface,
    mixing_conductance,
    reflection_amplitudes,
    sharvin_conductance,
    spin_conductances,
    torque_ratio,
)

eV = codata.e
KF_CU = 1.36e10  # 1/m, free-electron Cu (E_F ~ 7 eV)
SHARVIN_CU = KF_CU**2 / (4 * math.pi)


def cu_co(Delta_xc=2.0, V_F=0.0, Z=0.0):
    """Cu-like N (E_F = 7 eV) on a Stoner Co/Fe-like F; energies in eV."""
    itf = Interface.from_energies(7.0 * eV, Delta_xc * eV, V_F=V_F * eV)
    return Interface(itf.k_F, itf.k_up, itf.k_down, Z)


# (a) same potential for both spins: g is the ordinary transmission sum, not zero

def test_no_step_no_barrier_gives_sharvin():
    """k_up = k_down = k_F, Z = 0: r = 0 in every channel, g = k_F^2 / 4pi exactly."""
    g = mixing_conductance(Interface(KF_CU, KF_CU, KF_CU))
    # Quadrature of the constant 1: only rounding remains.
    assert g.real == pytest.approx(SHARVIN_CU, rel=1e-13)
    assert abs(g.imag) <= 1e-15 * SHARVIN_CU
    assert SHARVIN_CU == pytest.approx(sharvin_conductance(KF_CU), rel=1e-15)


@pytest.mark.parametrize("Z", [0.1, 0.5, 2.0])
def test_barrier_only_matches_closed_form(Z):
    """No step, delta barrier: r = -i lam/(2k + i lam), |t|^2 = k^2/(k^2 + mu^2) with mu = lam/2 = k_F Z
    (BTK's 1/(1 + Z^2) at normal incidence), so with u = k^2,
    g = (1/4pi) int_0^{k_F^2} u/(u + mu^2) du = [k_F^2 - mu^2 ln(1 + k_F^2/mu^2)] / 4pi (real)."""
    mu = KF_CU * Z
    exact = (KF_CU**2 - mu**2 * math.log1p(KF_CU**2 / mu**2)) / (4 * math.pi)
    itf = Interface(KF_CU, KF_CU, KF_CU, Z)
    g = mixing_conductance(itf)
    # Smooth integrand, Gauss-Legendre at 64 nodes: agreement to rounding (1e-12 leaves 10^4 ulps).
    assert g.real == pytest.approx(exact, rel=1e-12)
    assert abs(g.imag) <= 1e-14 * exact
    assert spin_conductances(itf) == pytest.approx((exact, exact), rel=1e-12)


@pytest.mark.parametrize(("k_sigma", "Z"), [(0.6 * KF_CU, 0.0), (1.4 * KF_CU, 0.3), (-0.5 * KF_CU, 0.0)])
def test_equal_potentials_give_transmission_sum(k_sigma, Z):
    """k_up = k_down: r_up r_down^* = |r|^2, so g = sum (1 - |r|^2) = g_up = g_down, real and not zero
    (except for a band that is empty at E_F, which transmits nothing)."""
    itf = Interface(KF_CU, k_sigma, k_sigma, Z)
    g = mixing_conductance(itf)
    g_up, g_down = spin_conductances(itf)
    assert g_up == g_down
    assert g.real == pytest.approx(g_up, rel=1e-14, abs=1e-14 * SHARVIN_CU)
    assert abs(g.imag) <= 1e-15 * SHARVIN_CU  # Im(r r^*) is zero up to a fused multiply-add's rounding
    if k_sigma > 0:
        assert g.real > 0.2 * SHARVIN_CU  # a step with a Fermi surface on both sides transmits a lot


# (b) zero only when everything is reflected with r_up = r_down

def test_fully_evanescent_equal_decay_gives_zero():
    """Both bands empty at E_F with the same decay constant: |r| = 1 and r_up = r_down in every
    channel, so 1 - r_up r_down^* = 1 - |r|^2 = 0 (to rounding, 1e-14 of Sharvin)."""
    itf = Interface(KF_CU, -0.8 * KF_CU, -0.8 * KF_CU, Z=0.2)
    r_up, r_down = reflection_amplitudes(itf, np.linspace(0, KF_CU, 7))
    assert np.allclose(np.abs(r_up), 1.0, rtol=0, atol=1e-15)
    assert abs(mixing_conductance(itf)) <= 1e-14 * SHARVIN_CU


def test_evanescent_but_different_decay_gives_nonzero_imaginary_g():
    """|r_up| = |r_down| = 1 but different phases: Re g > 0 and Im g != 0, unlike the case above
    (a ferromagnetic insulator still exerts torque)."""
    g = mixing_conductance(Interface(KF_CU, -0.3 * KF_CU, -1.5 * KF_CU))
    assert g.real > 0.05 * SHARVIN_CU and abs(g.imag) > 0.05 * SHARVIN_CU
    # evanescent channels transmit nothing: 1 - |r|^2 vanishes to rounding
    assert spin_conductances(Interface(KF_CU, -0.3 * KF_CU, -1.5 * KF_CU)) == pytest.approx(
        (0.0, 0.0), abs=1e-14 * SHARVIN_CU)


def test_opaque_barrier_drives_g_to_zero_as_one_over_Z_squared():
    """r_sigma = -1 + 2k/(k + q_sigma + i lam): the O(1/lam) terms cancel in 1 - r_up r_down^*, so
    g ~ 1/Z^2. Between Z = 1e3 and 2e3 the ratio is 4 up to O(1/Z) corrections (1 %)."""
    g1 = mixing_conductance(cu_co(Z=1e3))
    g2 = mixing_conductance(cu_co(Z=2e3))
    assert abs(g1) < 1e-5 * SHARVIN_CU
    assert abs(g1) / abs(g2) == pytest.approx(4.0, rel=1e-2)


# (c) a perfectly absorbing interface gives the Sharvin number of channels

def test_perfectly_absorbing_for_one_spin_is_enough():
    """r_down = 0 in every channel (minority matched to N) makes 1 - r_up r_down^* = 1 whatever r_up:
    g = k_F^2/4pi although the majority spin sees a step (V_F = -1 eV, Delta = 2 eV)."""
    itf = cu_co(Delta_xc=2.0, V_F=-1.0)
    assert itf.k_down == pytest.approx(itf.k_F, rel=1e-15)
    g_up, g_down = spin_conductances(itf)
    assert g_up < 0.999 * g_down  # the majority really is scattered
    g = mixing_conductance(itf)
    # k_down equals k_F to the last bit or two: r_down ~ 1e-16, so g is Sharvin to ~1e-14.
    assert g.real == pytest.approx(sharvin_conductance(itf.k_F), rel=1e-13)
    assert abs(g.imag) <= 1e-13 * g.real


# (d) metallic interfaces: Re g >> |Im g|

@pytest.mark.parametrize("Delta_xc", [1.0, 2.0, 3.0])
@pytest.mark.parametrize("Z", [0.0, 0.1])
def test_metallic_interface_is_mostly_real(Delta_xc, Z):
    """Cu/Co-like free electrons (Xia et al. 2002 give Im g / Re g ~ 3 % ab initio for Cu/Co).
    The free-electron model gives 1.7-7.5 % here; the bound 0.1 fails for an insulating-like
    interface (see test_evanescent_but_different_decay_gives_nonzero_imaginary_g)."""
    itf = cu_co(Delta_xc=Delta_xc, Z=Z)
    g = mixing_conductance(itf)
    assert abs(g.imag) < 0.1 * g.real
    assert 0.7 * itf.k_F**2 / (4 * math.pi) < g.real < 1.1 * itf.k_F**2 / (4 * math.pi)
    assert torque_ratio(itf) == pytest.approx(g.imag / g.real, rel=1e-15)


def test_cu_sharvin_in_siemens_matches_xia():
    """(e^2/h) k_F^2/4pi for Cu (E_F = 7 eV) is 0.57e15 S/m^2; Xia et al. (2002) list the Cu Sharvin
    conductance as 0.55e15 S/m^2 per spin from the real band structure (4 % apart: free electrons)."""
    k_F = Interface.from_energies(7.0 * eV, 0.0).k_F
    G = codata.e**2 / codata.h * sharvin_conductance(k_F)
    assert G == pytest.approx(0.55e15, rel=0.05)


def test_bounds_on_random_interfaces():
    """|r_up r_down^*| <= 1 and 1 - |r|^2 in [0, 1]: 0 <= Re g <= 2 g_Sh and 0 <= g_sigma <= g_Sh."""
    rng = np.random.default_rng(7)
    for k_up, k_down, Z in zip(rng.uniform(-2, 2, 20), rng.uniform(-2, 2, 20), rng.uniform(0, 2, 20)):
        itf = Interface(KF_CU, k_up * KF_CU, k_down * KF_CU, Z)
        g = mixing_conductance(itf)
        assert -1e-14 * SHARVIN_CU <= g.real <= 2 * SHARVIN_CU
        for g_s in spin_conductances(itf):
            assert -1e-14 * SHARVIN_CU <= g_s <= SHARVIN_CU * (1 + 1e-14)


# (e) numerics: quadrature convergence, amplitudes against independent solutions

@pytest.mark.parametrize(("k_up", "k_down", "Z"), [(1.07, 0.93, 0.0), (1.2, 0.4, 0.3), (0.7, -0.6, 1.0)])
def test_quadrature_converges(k_up, k_down, Z):
    """Splitting the disc at the band edges and the sin^2 map make the integrand analytic:
    the error falls exponentially, so n_quad = 32 and 128 agree to 1e-12 (far below 1e-8),
    and adaptive scipy quad on k_par (breaks at the edges) agrees to 1e-9 (its own tolerance)."""
    itf = Interface(KF_CU, k_up * KF_CU, k_down * KF_CU, Z)
    g32, g64, g128 = (mixing_conductance(itf, n) for n in (32, 64, 128))
    assert abs(g128 - g32) <= 1e-12 * abs(g128)
    assert abs(g128 - g64) <= 1e-13 * abs(g128)

    def integrand(kp, part):  # (1/2pi) k_par [1 - r_up r_down^*], in units of k_F
        r_up, r_down = reflection_amplitudes(itf, kp * KF_CU)
        return kp * getattr(1 - r_up * np.conj(r_down), part) / (2 * math.pi)

    edges = [x for x in (abs(k_up), abs(k_down)) if x < 1]
    ref = complex(*(integrate.quad(integrand, 0, 1, args=(part,), points=edges or None,
                                   epsabs=1e-13, epsrel=1e-12, limit=200)[0] for part in ("real", "imag")))
    assert abs(g64 - ref * KF_CU**2) <= 1e-9 * abs(g64)


def test_flux_conservation_for_propagating_channels():
    """|r|^2 + (q/k)|t|^2 = 1 with t = 1 + r, for propagating channels (rounding, 1e-14)."""
    itf = Interface(KF_CU, 1.3 * KF_CU, 0.7 * KF_CU, Z=0.4)
    kp = np.linspace(0, 0.69 * KF_CU, 50)
    k = np.sqrt(KF_CU**2 - kp**2)
    for r, k_s in zip(reflection_amplitudes(itf, kp), (itf.k_up, itf.k_down)):
        q = np.sqrt(k_s**2 - kp**2)
        assert np.allclose(np.abs(r) ** 2 + q / k * np.abs(1 + r) ** 2, 1.0, rtol=0, atol=1e-14)


def _rectangular_barrier_r(k_F, k_sigma2, k_par, lam, d):
    """r for N | rectangular barrier of width d and height b^2 = lam/d (wave-number units) | F,
    by solving the four matching equations (psi, psi' continuous at x = 0 and x = d) numerically."""
    k = np.sqrt(k_F**2 - k_par**2 + 0j)
    kb = np.sqrt(k_F**2 - lam / d - k_par**2 + 0j)
    q = np.sqrt(k_sigma2 - k_par**2 + 0j)
    e_p, e_m = np.exp(1j * kb * d), np.exp(-1j * kb * d)
    # unknowns (r, A, B, t): psi = e^{ikx} + r e^{-ikx} | A e^{i kb x} + B e^{-i kb x} | t e^{iq(x-d)}
    M = np.array([[1, -1, -1, 0],
                  [-k, -kb, kb, 0],
                  [0, e_p, e_m, -1],
                  [0, kb * e_p, -kb * e_m, -q]], dtype=complex)
    rhs = np.array([-1, -k, 0, 0], dtype=complex)
    return np.linalg.solve(M, rhs)[0]


@pytest.mark.parametrize("k_par_frac", [0.0, 0.5, 0.8, 0.95])
def test_delta_barrier_is_the_thin_limit_of_a_rectangular_one(k_par_frac):
    """Independent of the closed form: a barrier of width d and height with V_b d = U_0 fixed,
    solved exactly, tends to r_sigma of the delta barrier with an error O(lam d, k d): linear in d.
    At d = 1e-6 / k_F (lam = k_F) it is ~5e-7 (bound 1e-6), and it shrinks 10x with d (bound 0.11:
    a wrong sign of lam or of an evanescent q leaves an O(1) error that does not shrink)."""
    itf = Interface(KF_CU, 1.2 * KF_CU, 0.6 * KF_CU, Z=0.5)  # minority evanescent at 0.8, 0.95
    kp = k_par_frac * KF_CU
    r_delta = reflection_amplitudes(itf, kp)
    for r, k2 in zip(r_delta, (itf.k2_up, itf.k2_down)):
        errors = [abs(_rectangular_barrier_r(KF_CU, k2, kp, itf.barrier_wavenumber, d / KF_CU) - r)
                  for d in (1e-5, 1e-6)]
        assert errors[1] < 1e-6
        assert errors[1] < 0.11 * errors[0]


def test_reflection_amplitudes_shape_and_grazing_limit():
    itf = Interface(KF_CU, KF_CU, 0.5 * KF_CU, Z=0.0)
    r_up, r_down = reflection_amplitudes(itf, [[0.0, KF_CU]])
    assert r_up.shape == (1, 2) and r_down.shape == (1, 2)
    assert r_up[0, 1] == 0.0  # matched band, no barrier: r = 0 (the limit k_par -> k_F)
    assert r_down[0, 1] == pytest.approx(-1.0, rel=1e-15)  # grazing incidence on a step: r = -1
    assert isinstance(reflection_amplitudes(itf, 0.0)[0], complex)
    # normal incidence, step only: r = (k - q)/(k + q)
    assert reflection_amplitudes(itf, 0.0)[1] == pytest.approx((1 - 0.5) / (1 + 0.5), rel=1e-15)


def test_from_energies_stoner_model():
    """k_sigma^2 = 2 m (E_F - V_sigma)/hbar^2 with V_sigma = V_F -+ Delta/2; Z = m U0/(hbar^2 k_F)."""
    m, hbar = codata.m_e, codata.hbar
    itf = Interface.from_energies(5.0 * eV, 2.0 * eV, V_F=5.5 * eV, barrier=1e-29)
    assert itf.k_F == pytest.approx(math.sqrt(2 * m * 5.0 * eV) / hbar, rel=1e-15)
    assert itf.k2_up == pytest.approx(2 * m * 0.5 * eV / hbar**2, rel=1e-14)
    assert itf.k2_down == pytest.approx(-2 * m * 1.5 * eV / hbar**2, rel=1e-14)  # empty band
    assert itf.k_down < 0
    assert itf.Z == pytest.approx(m * 1e-29 / (hbar**2 * itf.k_F), rel=1e-15)
    assert itf.barrier_wavenumber == pytest.approx(2 * m * 1e-29 / hbar**2, rel=1e-14)


# (f) bad input names the parameter

@pytest.mark.parametrize(("kwargs", "error", "name"), [
    ({"k_F": 0.0, "k_up": 1.0, "k_down": 1.0}, ValueError, "k_F"),
    ({"k_F": "1e10", "k_up": 1.0, "k_down": 1.0}, TypeError, "k_F"),
    ({"k_F": 1e10, "k_up": math.nan, "k_down": 1.0}, ValueError, "k_up"),
    ({"k_F": 1e10, "k_up": 1.0, "k_down": None}, TypeError, "k_down"),
    ({"k_F": 1e10, "k_up": 1e200, "k_down": 1.0}, ValueError, "k_up"),
    ({"k_F": 1e10, "k_up": 1.0, "k_down": 1.0, "Z": -0.1}, ValueError, "Z"),
])
def test_bad_interface(kwargs, error, name):
    with pytest.raises(error, match=name):
        Interface(**kwargs)


@pytest.mark.parametrize(("args", "kwargs", "name"), [
    ((0.0, 1e-19), {}, "E_F"),
    ((1e-18, -1e-19), {}, "Delta_xc"),
    ((1e-18, 1e-19), {"V_F": math.inf}, "V_F"),
    ((1e-18, 1e-19), {"barrier": -1e-30}, "barrier"),
    ((1e-18, 1e-19), {"mass": 0.0}, "mass"),
])
def test_bad_energies(args, kwargs, name):
    with pytest.raises(ValueError, match=name):
        Interface.from_energies(*args, **kwargs)


def test_bad_call_arguments():
    itf = Interface(KF_CU, KF_CU, 0.5 * KF_CU)
    with pytest.raises(ValueError, match="k_par"):
        reflection_amplitudes(itf, 1.01 * KF_CU)
    with pytest.raises(ValueError, match="k_par"):
        reflection_amplitudes(itf, [0.0, -1.0])
    with pytest.raises(ValueError, match="k_par"):
        reflection_amplitudes(itf, math.nan)
    with pytest.raises(TypeError, match="interface"):
        mixing_conductance((KF_CU, KF_CU, KF_CU))
    with pytest.raises(ValueError, match="n_quad"):
        mixing_conductance(itf, n_quad=1)
    with pytest.raises(TypeError, match="n_quad"):
        spin_conductances(itf, n_quad=32.0)
    with pytest.raises(ValueError, match="k_F"):
        sharvin_conductance(-1.0)
    with pytest.raises(ValueError, match="torque_ratio"):  # Re g = 0: no ratio
        torque_ratio(Interface(KF_CU, -KF_CU, -KF_CU))
