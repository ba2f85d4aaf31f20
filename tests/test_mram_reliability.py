"""Array reliability (sttlab.mram.reliability): retention, critical diameter, read disturb, write errors.

Tolerances: closed forms evaluated two ways at 1e-12; the critical
diameter's failure probability at 1e-6 (brentq at rtol 1e-10 on a diameter
that enters exponentially through Delta ~ 60); the write-error-rate wrapper
against the solver it calls at 1e-12; the mirror-image direction (constant
efficiency: the same equation reflected about x = 0, on a mesh symmetric
about it) at 1e-10, as the two solutions differ by round-off (about 1e-14);
the tabulated write-error rate against the solver at 0.3 decades (the
table's stated accuracy) and against design_space, which reads the same
table, at 1e-12.
"""

import dataclasses
import math

import numpy as np
import pytest

from sttlab import fokker_planck, mram, thermal


COFEB = mram.stack("cofeb_mgo")


# ----------------------------------------------------------------------------- retention


def test_retention_grows_with_diameter_and_critical_diameter_falls_with_Ki():
    d = np.linspace(30e-9, 90e-9, 13)
    rate = mram.scaling(d, 1.2e-9, T=mram.T_85C, stack=COFEB).rate
    assert np.all(np.diff(rate) < 0)
    sizes = [mram.critical_diameter(1.2e-9, n_bits=2**25, stack=dataclasses.replace(COFEB, Ki=Ki))
             for Ki in (0.95e-3, 0.9879e-3, 1.05e-3)]
    assert sizes[0] > sizes[1] > sizes[2]
    # at the critical diameter the array just meets its failure target
    rate_c = mram.scaling(sizes[1], 1.2e-9, T=mram.T_85C, stack=COFEB).rate
    assert mram.array_failure(rate_c, 10 * mram.YEAR, 2**25) == pytest.approx(1e-3, rel=1e-6)
    # one bit needs far less than the 32-Mib array
    assert mram.critical_diameter(1.2e-9, n_bits=1, stack=COFEB) < 0.85 * sizes[1]


def test_array_failure_and_retention_time():
    """1 - exp(-N t Gamma): a Delta = 40 bit vs an array; retention_time inverts it."""
    rate = thermal.neel_brown_rate(mram.junction(40e-9, 1.3e-9, COFEB), 300.0)
    one = mram.array_failure(rate, 10 * mram.YEAR)
    assert one == pytest.approx(1 - math.exp(-10 * mram.YEAR * rate), rel=1e-12)
    assert 0.5 < one < 1 and mram.array_failure(rate, 10 * mram.YEAR, 2**20) == pytest.approx(1.0, abs=1e-12)
    small = mram.array_failure(1e-20, 1e8, 1000)
    assert small == pytest.approx(1e-9, rel=1e-9)  # expm1 keeps tiny probabilities
    years = mram.retention_time(rate, n_bits=2**20, failure=0.01)
    assert mram.array_failure(rate, years, 2**20) == pytest.approx(0.01, rel=1e-12)


# ----------------------------------------------------------------------------- read disturb and write errors


def test_read_disturb_is_activation_over_the_current_lowered_barrier():
    cell = mram.junction(50e-9, 1.2e-9, COFEB)
    T, t_read = mram.T_85C, 10e-9
    Delta, f0, Ic0 = cell.free.Delta(T), thermal.attempt_frequency(cell, T), cell.Ic0()
    for I in (0.0, 10e-6, 0.5 * Ic0):
        expected = -math.expm1(-t_read * f0 * math.exp(-Delta * (1 - I / Ic0) ** 2))
        assert mram.read_disturb(cell, I, t_read, T) == pytest.approx(expected, rel=1e-12)
    assert mram.read_disturb(cell, -10e-6, t_read, T) == pytest.approx(mram.read_disturb(cell, 10e-6, t_read, T))
    # n = 1 lowers the barrier less: Delta (1 - i) > Delta (1 - i)^2; more reads, more risk; above I_c0 no barrier
    assert mram.read_disturb(cell, 0.3 * Ic0, t_read, T, exponent=1) < mram.read_disturb(cell, 0.3 * Ic0, t_read, T)
    many = mram.read_disturb(cell, 0.3 * Ic0, t_read, T, n_reads=10**6)
    assert many == pytest.approx(-math.expm1(1e6 * math.log1p(-mram.read_disturb(cell, 0.3 * Ic0, t_read, T))),
                                 rel=1e-6)
    assert mram.read_disturb(cell, 2 * Ic0, t_read, T) == pytest.approx(-math.expm1(-t_read * f0), rel=1e-12)


def test_write_error_rate_wraps_the_fokker_planck_solver_with_amperes():
    cell = mram.junction(40e-9, 1.3e-9, COFEB)
    widths = np.array([5e-9, 20e-9])
    I = 2 * cell.Ic0()
    direct = fokker_planck.write_error_rate(cell, 300.0, widths, I / cell.area, start="AP")
    assert mram.write_error_rate(cell, 300.0, widths, I) == pytest.approx(direct, rel=1e-12)
    # a negative current writes P -> AP; with constant efficiency the wells are mirror images
    assert mram.write_error_rate(cell, 300.0, widths, -I) == pytest.approx(direct, rel=1e-10)
    assert direct[1] < direct[0]


def test_tabulated_write_error_rate_follows_the_solver_along_a_curve():
    """A whole WER curve from the table, both directions, within 0.3 decades of the Fokker-Planck solution."""
    cell = mram.junction(45e-9, 1.1e-9, COFEB)
    T = mram.T_85C
    widths = np.array([3e-9, 7e-9, 13e-9, 23e-9])
    for I in (1.7 * cell.Ic0(), -2.3 * cell.Ic0()):
        direct = mram.write_error_rate(cell, T, widths, I)
        table = mram.tabulated_write_error_rate(cell, T, widths, I)
        assert table.shape == widths.shape and np.all(np.diff(table) < 0)
        useful = direct > 1e-15
        assert useful.sum() >= 3
        assert np.log10(table[useful]) == pytest.approx(np.log10(direct[useful]), abs=0.3)
    # the same table as the design space's, at the design space's own current
    space = mram.design_space([45e-9], [1.1e-9], pulse_width=23e-9, target=dataclasses.replace(mram.EMBEDDED_2026, T=T),
                              stack=COFEB)
    for k, sign in ((0, 1.0), (1, -1.0)):
        scalar = mram.tabulated_write_error_rate(cell, T, 23e-9, sign * space.currents[k, 0, 0])
        assert isinstance(scalar, float) and scalar == pytest.approx(space.wer[k, 0, 0], rel=1e-12)


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: mram.critical_diameter(1e-9, failure=1.0), "failure"),
        (lambda: mram.array_failure(-1.0, 1.0), "rate"),
        (lambda: mram.retention_time(1e-9, n_bits=0), "n_bits"),
        (lambda: mram.read_disturb(mram.junction(40e-9, 1.3e-9), 1e-6, -1.0, 300.0), "duration"),
        (lambda: mram.write_error_rate(mram.junction(40e-9, 1.3e-9), 300.0, 1e-9, 0.0), "current"),
        (lambda: mram.tabulated_write_error_rate(mram.junction(40e-9, 1.3e-9), 300.0, 1e-9, 0.0), "current"),
        (lambda: mram.tabulated_write_error_rate(mram.junction(40e-9, 1.3e-9), 300.0, 0.0, 1e-4), "pulse_width"),
        (lambda: mram.tabulated_write_error_rate(mram.junction(40e-9, 1.3e-9), -1.0, 1e-9, 1e-4), "T"),
        # off the table, which answers only inside WER_TABLE_DOMAIN (Delta = 14 at 85 C for 15 nm)
        (lambda: mram.tabulated_write_error_rate(mram.junction(15e-9, 1e-9), mram.T_85C, 5e-9, 1e-5), "junction"),
        (lambda: mram.tabulated_write_error_rate(mram.junction(40e-9, 1e-9), 300.0, 5e-9,
                                                 8.01 * mram.junction(40e-9, 1e-9).Ic0()), "current"),
        (lambda: mram.tabulated_write_error_rate(mram.junction(40e-9, 1e-9), 300.0, [5e-9, 1e-3], 1e-4),
         "pulse_width"),
    ],
)
def test_bad_input_raises_naming_the_parameter(call, name):
    with pytest.raises(ValueError, match=f"^{name} "):
        call()


def test_tabulated_write_error_rate_answers_up_to_its_domain_edges():
    """At the edges of WER_TABLE_DOMAIN the table still answers, and agrees with the solver (0.3 decades)."""
    cell = mram.junction(40e-9, 1e-9, COFEB)
    (_, _), (_, i_hi), (p_lo, p_hi) = mram.WER_TABLE_DOMAIN.values()
    tau_D = cell.free.relaxation_time
    for width, ratio in ((0.5 * tau_D, i_hi), (3 * tau_D, 0.5 * i_hi), (p_hi * tau_D, 1.05)):
        table = mram.tabulated_write_error_rate(cell, 300.0, width, ratio * cell.Ic0())
        direct = mram.write_error_rate(cell, 300.0, width, ratio * cell.Ic0())
        if direct > 1e-15:
            assert math.log10(table) == pytest.approx(math.log10(direct), abs=0.3), (width, ratio)
        else:
            assert table < 1e-12, (width, ratio)
    assert mram.tabulated_write_error_rate(cell, 300.0, p_lo * tau_D, 2 * cell.Ic0()) > 0.5  # too short to switch


def test_wrong_types_are_refused():
    with pytest.raises(TypeError, match="junction"):
        mram.read_disturb(COFEB, 1e-6, 1e-9, 300.0)
    with pytest.raises(TypeError, match="junction"):
        mram.tabulated_write_error_rate(COFEB, 300.0, 1e-9, 1e-4)
