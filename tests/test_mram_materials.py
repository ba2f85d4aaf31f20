"""The MTJ stack (sttlab.mram.materials): Julliere's TMR, its bias roll-off, resistances, the preset, breakdown.

Tolerances: closed forms evaluated two ways at 1e-15 (a few roundings);
the calibrated preset barrier at 0.01 (K_i is given to four digits).
"""

import dataclasses
import math

import pytest

from sttlab import mram


COFEB = mram.stack("cofeb_mgo")


# ----------------------------------------------------------------------------- TMR and resistance


def test_julliere_closed_form_and_limits():
    """TMR = 2 P1 P2 / (1 - P1 P2): 0 without polarization, 2/3 at P = 1/2, guarded at P1 P2 = 1."""
    assert mram.julliere_tmr(0.0, 0.0) == 0.0
    assert mram.julliere_tmr(0.0, 0.9) == 0.0
    assert mram.julliere_tmr(0.5, 0.5) == pytest.approx(2 / 3, rel=1e-15)
    assert mram.julliere_tmr(-0.5, 0.5) == pytest.approx(-0.4, rel=1e-15)  # opposite polarizations: inverse TMR
    near = mram.julliere_tmr(0.999999, 0.999999)
    assert near > 1e5  # diverges as P -> 1
    with pytest.raises(ValueError, match="P1 \\* P2"):
        mram.julliere_tmr(1.0, 1.0)
    with pytest.raises(ValueError, match="P2"):
        mram.julliere_tmr(0.5, 1.5)


def test_tmr_bias_roll_off_and_resistances():
    assert mram.tmr(0.0, 1.2, 0.5) == 1.2
    assert mram.tmr([0.5, -0.5], 1.2, 0.5) == pytest.approx([0.6, 0.6], rel=1e-15)  # V_half halves it, either sign
    d = 40e-9
    R_P = mram.resistance(d, COFEB)
    assert R_P == pytest.approx(COFEB.RA / (math.pi * d * d / 4), rel=1e-15)
    assert mram.resistance(d, COFEB, "AP") == pytest.approx(R_P * (1 + COFEB.TMR0), rel=1e-15)  # R_AP = R_P (1 + TMR)
    assert mram.resistance(d, COFEB, "AP", voltage=0.5) == pytest.approx(R_P * (1 + COFEB.TMR0 / 2), rel=1e-15)
    assert 3e3 < R_P < 5e3  # 5 Ohm um^2 over 1.26e-3 um^2: about 4 kOhm


# ----------------------------------------------------------------------------- the preset and breakdown


def test_preset_stack_reproduces_the_measured_barrier():
    """K_i is calibrated so that the 40 nm, 1.3 nm pillar has Delta(300 K) = 40 (Ikeda et al. 2010)."""
    assert float(mram.scaling(40e-9, 1.3e-9, T=300.0, stack=COFEB).Delta) == pytest.approx(40.0, abs=0.01)
    assert "Ikeda" in mram.stack_source() and "Devolder" in mram.stack_source()
    assert mram.stack_names() == ("cofeb_mgo",)


def test_breakdown_margin():
    assert COFEB.breakdown_margin(0.6) == pytest.approx(2.0)
    assert COFEB.breakdown_margin([-0.4, 1.2]) == pytest.approx([3.0, 1.0])
    with pytest.raises(ValueError, match="voltage"):
        COFEB.breakdown_margin(0.0)


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: mram.tmr(0.1, 1.2, 0.0), "V_half"),
        (lambda: mram.resistance(40e-9, COFEB, "parallel"), "state"),
        (lambda: mram.stack("permalloy"), "name"),
        (lambda: dataclasses.replace(COFEB, RA=-1.0), "RA"),
        (lambda: dataclasses.replace(COFEB, P=1.5), "P"),
    ],
)
def test_bad_input_raises_naming_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
