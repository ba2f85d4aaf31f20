"""The design space (sttlab.mram.design) against the single-cell functions; the package's public API.

Tolerances: currents against Cell.write at 1e-12 (the same bisection on the
same numbers); the tabulated write-error rate against the direct
Fokker-Planck solution at 0.3 decades (the table's stated accuracy).
"""

import ast
import dataclasses
import inspect
import math

import numpy as np
import pytest

from sttlab import mram


COFEB = mram.stack("cofeb_mgo")


GRID_D = np.linspace(25e-9, 100e-9, 16)
GRID_T = np.linspace(0.8e-9, 1.6e-9, 17)


def test_design_space_finds_the_window_and_names_its_edges():
    space = mram.design_space(GRID_D, GRID_T, stack=COFEB)
    feasible = space.feasible
    assert feasible.sum() >= 5
    assert np.all(space.margins[:, feasible] >= 0)
    edges = space.edges()
    assert set(edges) == {"small diameter", "large diameter", "thin", "thick"}
    assert edges["small diameter"] == "retention" and edges["thick"] == "retention"
    assert edges["large diameter"] == "write P->AP"  # the degenerated direction runs out of current
    assert set(edges.values()) <= set(mram.CONSTRAINTS)
    # thick layers lose perpendicular anisotropy
    assert mram.CONSTRAINTS[space.binding[-1, -1]] == "PMA" and np.isnan(space.margins[1, -1, -1])

    # one feasible point, checked with the public single-cell functions
    i, j = np.argwhere(feasible)[0]
    d, t, target = GRID_D[i], GRID_T[j], space.target
    cell = mram.Cell(d, t, COFEB, V_write=target.V_write, V_gate=target.V_gate,
                     transistor=mram.AccessTransistor(width=space.transistor_width))
    ap_p, p_ap = cell.write("AP->P", space.pulse_width), cell.write("P->AP", space.pulse_width)
    assert space.currents[:, i, j] == pytest.approx([ap_p.current, p_ap.current], rel=1e-12)
    assert COFEB.breakdown_margin(max(ap_p.voltage, p_ap.voltage)) >= target.breakdown_ratio
    assert mram.read_disturb(cell.junction, target.read_current, target.read_time, target.T) <= target.read_disturb
    assert cell.sense_margin(target.read_current) >= target.sense_margin
    figures = space.figures
    assert mram.array_failure(figures.rate[i, j], target.retention, target.n_bits) <= target.retention_failure
    # the tabulated write-error rate against the Fokker-Planck solver itself (the table's stated 0.3 decades)
    direct = mram.write_error_rate(cell.junction, target.T, space.pulse_width, ap_p.current)
    assert math.log10(space.wer[0, i, j]) == pytest.approx(math.log10(direct), abs=0.3)


def test_design_space_table_follows_the_solver_off_the_nodes():
    """Delta, I / I_c0 and pulse / tau_D between table nodes: within 0.3 decades of the direct solution."""
    space = mram.design_space([45e-9, 70e-9], [1.05e-9], pulse_width=13e-9, transistor_width=210e-9, stack=COFEB)
    for k, direction, sign in ((0, 1, -1.0), (1, 0, 1.0)):  # P->AP at 45 nm, AP->P at 70 nm
        cell = mram.junction(space.diameters[k], space.thicknesses[0], COFEB)
        direct = mram.write_error_rate(cell, space.target.T, 13e-9, sign * space.currents[direction, k, 0])
        assert 1e-15 < direct < 1e-3
        assert math.log10(space.wer[direction, k, 0]) == pytest.approx(math.log10(direct), abs=0.3)


def test_an_impossible_target_has_no_window():
    harsh = dataclasses.replace(mram.EMBEDDED_2026, n_bits=2**40, retention=1000 * mram.YEAR, T=423.15, wer=1e-15)
    space = mram.design_space(GRID_D, GRID_T, pulse_width=5e-9, target=harsh, stack=COFEB)
    assert not space.feasible.any()
    assert space.edges() == dict.fromkeys(["small diameter", "large diameter", "thin", "thick"])


def test_wider_transistors_and_longer_pulses_help_the_write():
    narrow = mram.design_space(GRID_D, GRID_T, transistor_width=100e-9, stack=COFEB)
    wide = mram.design_space(GRID_D, GRID_T, transistor_width=200e-9, stack=COFEB)
    longer = mram.design_space(GRID_D, GRID_T, transistor_width=100e-9, pulse_width=60e-9, stack=COFEB)
    pma = narrow.figures.K_eff > 0
    assert np.all(wide.currents[:, pma] > narrow.currents[:, pma])
    assert np.all(wide.wer[:, pma] <= narrow.wer[:, pma]) and np.all(longer.wer[:, pma] <= narrow.wer[:, pma])
    # reusing the grid's scaling (what does not depend on pulse or circuit) changes nothing
    again = mram.design_space(GRID_D, GRID_T, transistor_width=200e-9, stack=COFEB, figures=narrow.figures)
    assert np.array_equal(again.margins, wide.margins, equal_nan=True)
    with pytest.raises(ValueError, match="figures"):
        mram.design_space(GRID_D[1:], GRID_T, stack=COFEB, figures=narrow.figures)


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: dataclasses.replace(mram.EMBEDDED_2026, wer=2.0), "wer"),
        (lambda: mram.design_space([40e-9], [], stack=COFEB), "thicknesses"),
        (lambda: mram.design_space([40e-9], [1e-9], pulse_width=0.0), "pulse_width"),
    ],
)
def test_bad_input_raises_naming_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_wrong_types_are_refused():
    with pytest.raises(TypeError, match="target"):
        mram.design_space([40e-9], [1e-9], target={})


# ----------------------------------------------------------------------------- the package


def test_every_public_name_of_the_submodules_is_reexported():
    """sttlab.mram.<name> works for each public name a submodule defines, and nothing else is in __all__."""
    defined = {}
    for module in (mram.materials, mram.pillar, mram.reliability, mram.cell, mram.design):
        for node in ast.parse(inspect.getsource(module)).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names = [node.name]
            elif isinstance(node, ast.Assign):
                names = [target.id for target in node.targets if isinstance(target, ast.Name)]
            else:
                continue
            defined.update((name, module) for name in names if not name.startswith("_"))
    assert sorted(mram.__all__) == sorted(defined)
    for name, module in defined.items():
        assert getattr(mram, name) is getattr(module, name)
