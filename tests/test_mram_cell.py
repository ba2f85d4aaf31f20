"""The 1T-1MTJ cell (sttlab.mram.cell): alpha-power transistor, series write circuit, read signal.

Tolerances: the transistor's closed forms at 1e-14 (a power and a ratio),
its continuity at the saturation knee at 1e-8 (evaluated 1e-9 below it);
bisection-solved circuit quantities at 1e-9 relative (64 halvings of a 1 V
bracket); the small-current sense margin at 1e-6 (its bias roll-off at
1 nA is of order (V / V_half)^2 ~ 1e-11, far below).
"""

import dataclasses

import numpy as np
import pytest

from sttlab import mram


COFEB = mram.stack("cofeb_mgo")


# ----------------------------------------------------------------------------- the access transistor


def test_alpha_power_transistor():
    fet = mram.AccessTransistor(width=100e-9)
    assert fet.drain_current(fet.V_DD, fet.V_DD) == pytest.approx(fet.on_current * 100e-9, rel=1e-15)
    assert fet.drain_current(fet.V_th, 1.0) == 0.0 and fet.drain_current(0.0, 1.0) == 0.0
    # saturation: I ∝ (V_GS - V_th)^alpha; linear below V_D0' = V_D0 v^(alpha/2), continuous there
    v = (0.7 - fet.V_th) / (fet.V_DD - fet.V_th)
    assert fet.drain_current(0.7, 1.0) == pytest.approx(fet.drain_current(fet.V_DD, 1.0) * v**1.3, rel=1e-14)
    knee = fet.V_D0 * v**0.65
    assert fet.drain_current(0.7, knee * (1 - 1e-9)) == pytest.approx(fet.drain_current(0.7, knee), rel=1e-8)
    assert fet.drain_current(0.7, knee / 2) == pytest.approx(fet.drain_current(0.7, knee) / 2, rel=1e-14)


# ----------------------------------------------------------------------------- write and read


def test_write_current_solves_the_series_circuit():
    cell = mram.Cell(50e-9, 1.2e-9, COFEB)
    op = cell.write("AP->P", 20e-9)
    # AP -> P: the MTJ is at the drain, its largest bias is before the switch, on R_AP(V)
    R_AP = mram.resistance(50e-9, COFEB, "AP", voltage=op.voltage)
    assert op.current == pytest.approx(op.voltage / R_AP, rel=1e-9)
    assert op.current == pytest.approx(cell.transistor.drain_current(cell.V_gate, cell.V_write - op.voltage), rel=1e-9)
    assert op.energy == pytest.approx(cell.V_write * op.current * 20e-9, rel=1e-15)
    assert not op.degenerated


def test_source_degeneration_lowers_the_write_current():
    """The MTJ on the source side raises the source by I R: less current than with the MTJ at the drain."""
    standard = mram.Cell(50e-9, 1.2e-9, COFEB)
    reverse = dataclasses.replace(standard, connection="reverse")
    assert standard.write("P->AP", 20e-9).degenerated and not reverse.write("P->AP", 20e-9).degenerated
    assert standard.write("P->AP", 20e-9).current < 0.8 * reverse.write("P->AP", 20e-9).current
    assert reverse.write("AP->P", 20e-9).current < 0.8 * standard.write("AP->P", 20e-9).current
    # with equal resistances (no TMR to tell the states apart) only the degeneration remains
    flat = mram.Cell(50e-9, 1.2e-9, dataclasses.replace(COFEB, TMR0=1e-12))
    assert flat.write("P->AP", 20e-9).current < flat.write("AP->P", 20e-9).current


def test_sense_margin_rises_then_rolls_off():
    d = 50e-9
    R_P = mram.resistance(d, COFEB)
    tiny = 1e-9
    assert mram.sense_margin(tiny, d, COFEB) == pytest.approx(tiny * R_P * COFEB.TMR0, rel=1e-6)  # linear, zero bias
    I = np.linspace(1e-6, 400e-6, 400)
    signal = mram.sense_margin(I, d, COFEB)
    peak = int(np.argmax(signal))
    assert 0 < peak < I.size - 1  # a maximum: the bias eats the TMR
    # the solved V_AP satisfies V = I R_AP(V)
    V_AP = signal + I * R_P
    assert V_AP == pytest.approx(I * mram.resistance(d, COFEB, "AP", voltage=V_AP), rel=1e-9)
    assert mram.Cell(d, 1.2e-9, COFEB).sense_margin(10e-6) == pytest.approx(mram.sense_margin(10e-6, d, COFEB))


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: mram.AccessTransistor(alpha=2.5), "alpha"),
        (lambda: mram.AccessTransistor(V_th=1.0), "V_th"),
        (lambda: mram.AccessTransistor().drain_current(1.0, -0.1), "V_DS"),
        (lambda: mram.Cell(40e-9, 1.3e-9, connection="sideways"), "connection"),
        (lambda: mram.Cell(40e-9, 1.3e-9).write("up", 1e-9), "direction"),
        (lambda: mram.sense_margin(-1e-6, 40e-9), "read_current"),
    ],
)
def test_bad_input_raises_naming_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
