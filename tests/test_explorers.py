"""Every explorer of the book, driven like a reader would drive it.

An explorer (sttlab.explorers) is a VBox of control rows above an Output that
shows a figure function of sttlab.plotting for the current control values.
For each explorer: its first frame is the book's static figure (the figure
function at its defaults); every control alone at both ends and every corner
of the box of ranges redraws one PNG frame with the right arguments, with no
figure registered with pyplot or kept alive; and an error in the figure
function is shown in the Output and raised, not swallowed.
"""

import functools
import gc
import weakref

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from sttlab.constants import e as eV  # noqa: E402
from sttlab.explorers import llg, micromag, mram, quantum, stt, thermal, transport  # noqa: E402
from sttlab.plotting import llg as llg_figures  # noqa: E402
from sttlab.plotting import micromag as micromag_figures  # noqa: E402
from sttlab.plotting import mram as mram_figures  # noqa: E402
from sttlab.plotting import mram_cell as mram_cell_figures  # noqa: E402
from sttlab.plotting import quantum as quantum_figures  # noqa: E402
from sttlab.plotting import stt as stt_figures  # noqa: E402
from sttlab.plotting import switching as switching_figures  # noqa: E402
from sttlab.plotting import thermal as thermal_figures  # noqa: E402
from sttlab.plotting import transport as transport_figures  # noqa: E402
from sttlab.plotting.common import figure_defaults  # noqa: E402


def control_list(box):
    """The explorer's controls, row by row."""
    return [w for row in box.children[:-1] for w in row.children]


def extremes(control):
    """The two end values a control can take (in its own units)."""
    if hasattr(control, "options"):  # SelectionSlider / ToggleButtons: (label, value) pairs or values
        first, last = control.options[0], control.options[-1]
        return (first[1], last[1]) if isinstance(first, tuple) else (first, last)
    if hasattr(control, "base"):  # FloatLogSlider: min and max are exponents
        return control.base**control.min, control.base**control.max
    return control.min, control.max


class Recorder:
    """Wraps a figure function: records the arguments and weak references to the figures."""

    def __init__(self, function):
        self.function, self.calls, self.figures = function, [], []
        functools.update_wrapper(self, function)  # keeps the signature, whose defaults the explorers read

    def __call__(self, **kwargs):
        fig = self.function(**kwargs)
        self.calls.append(kwargs)
        self.figures.append(weakref.ref(fig))
        return fig


def check_frame(box):
    """The explorer's Output shows exactly one PNG frame."""
    outputs = box.children[-1].outputs
    assert len(outputs) == 1
    assert outputs[0]["output_type"] == "display_data"
    assert outputs[0]["data"]["image/png"].startswith("iVBOR")  # base64 of the PNG signature


def _same(got, expected):
    if isinstance(expected, str) or expected is None:
        return got == expected
    return got == pytest.approx(expected, rel=1e-12, abs=1e-300)


def check_starts_at_defaults(monkeypatch, module, function, make, names=None):
    """The explorer's first frame draws ``module.function`` at its defaults (the book's static figure).

    ``names``: check only these arguments (the controls'), where the explorer deliberately passes
    others (e.g. a cheaper mesh) than the book's figure.
    """
    recorder = Recorder(getattr(module, function))
    monkeypatch.setattr(module, function, recorder)
    box = make()
    check_frame(box)
    assert len(recorder.calls) == 1
    defaults = figure_defaults(recorder.function)
    for name, value in recorder.calls[0].items():
        if names is None or name in names:
            assert _same(value, defaults[name]), name


def check_every_extreme_and_corner(monkeypatch, module, function, make, scale):
    """Every control alone at both ends, then every corner of the box of ranges (Gray-code order, one
    redraw each), draws a frame with the right arguments, and no figure outlives its frame.

    ``scale`` maps the figure's argument names, in the order of the explorer's controls, to the factor
    from the control's unit to the argument's (None for a non-numeric choice).
    """
    plt.close("all")
    recorder = Recorder(getattr(module, function))
    monkeypatch.setattr(module, function, recorder)
    box = make()
    controls = control_list(box)
    names = list(scale)
    assert len(controls) == len(names)

    def expected(name, value):
        return value if scale[name] is None else value * scale[name]

    for control, name in zip(controls, names):
        start = control.value
        for value in extremes(control):
            control.value = value
            check_frame(box)
            assert _same(recorder.calls[-1][name], expected(name, value)), name
        control.value = start
    for i in range(2 ** len(controls)):
        gray = i ^ (i >> 1)
        corner = [extremes(c)[(gray >> k) & 1] for k, c in enumerate(controls)]
        for control, value in zip(controls, corner):
            control.value = value  # redraws when the value changes
        check_frame(box)
        for name, value in zip(names, corner):
            assert _same(recorder.calls[-1][name], expected(name, value)), (name, corner)
    assert len(recorder.calls) >= 2 ** len(controls)
    assert plt.get_fignums() == []  # nothing registered with pyplot
    gc.collect()
    assert sum(ref() is not None for ref in recorder.figures) == 0  # old frames' figures were freed


# explorer, figure module and function, and for each control in order: the figure argument it sets and
# the factor from the control's unit to the argument's (None: a choice, passed as is)
EXPLORERS = {
    "precession": (llg.precession_explorer, llg_figures, "precession_figure",
                   {"field_T": 1.0, "alpha": 1.0, "theta0_deg": 1.0}),
    "energy": (llg.energy_explorer, llg_figures, "energy_landscape_figure",
               {"Ku": 1e6, "Ms": 1e6, "diameter": 1e-9, "thickness": 1e-9}),
    "polarization": (transport.polarization_explorer, transport_figures, "polarization_figure",
                     {"sigma_ratio": 1.0, "J_c": 1.0}),
    "spin-accumulation": (transport.spin_accumulation_explorer, transport_figures, "spin_accumulation_figure",
                          {"thickness": 1e-9, "lambda_sf": 1e-9, "far": None}),
    "torques": (stt.torque_directions_explorer, stt_figures, "torque_directions_figure",
                dict.fromkeys(["theta_m_deg", "phi_m_deg", "theta_p_deg", "phi_p_deg", "field_like",
                               "current_ratio"], 1.0)),
    "switching": (stt.switching_explorer, stt_figures, "switching_run_figure",
                  dict.fromkeys(["current_ratio", "field_like", "alpha", "P"], 1.0)),
    "mixing-conductance": (quantum.mixing_conductance_explorer, quantum_figures, "mixing_conductance_figure",
                           {"Delta_xc": eV, "Z": 1.0, "E_F": eV, "V_F": eV}),
    "ensemble": (thermal.ensemble_explorer, thermal_figures, "ensemble_sphere_figure",
                 {"T": 1.0, "current_ratio": 1.0, "time": 1e-9}),
    "switching-probability": (thermal.switching_probability_explorer, switching_figures,
                              "switching_probability_figure", {"current_ratio": 1.0, "width": 1e-9}),
    "wer": (thermal.wer_explorer, switching_figures, "write_error_rate_figure",
            {"current_ratio": 1.0, "Delta": 1.0, "alpha": 1.0}),
    "mram-scaling": (mram.scaling_explorer, mram_figures, "scaling_figure",
                     {"diameter": 1e-9, "thickness": 1e-9, "Ki": 1e-3, "Ms": 1e6}),
    "mram-write": (mram.write_explorer, mram_cell_figures, "write_figure",
                   {"diameter": 1e-9, "transistor_width": 1e-9, "pulse_width": 1e-9}),
    "mram-read": (mram.read_explorer, mram_cell_figures, "read_figure", {"diameter": 1e-9, "read_current": 1e-6}),
    "mram-design-space": (mram.design_space_explorer, mram_cell_figures, "design_space_figure",
                          {"pulse_width": 1e-9, "transistor_width": 1e-9, "wer": 1.0, "read_current": 1e-6}),
    "domain-wall": (micromag.domain_wall_explorer, micromag_figures, "domain_wall_figure",
                    {"A": 1e-12, "Ku": 1e3, "cell": 1e-9}),
    "pillar-reversal": (micromag.pillar_reversal_explorer, micromag_figures, "pillar_reversal_figure",
                        {"time": 1e-9}),
}
# the thermal explorers draw without the ensemble points and on a coarser mesh than the book's figures,
# so only their controls start at the figures' defaults
CONTROLS_ONLY = {"ensemble", "switching-probability", "wer"}


@pytest.mark.parametrize("name", EXPLORERS)
def test_explorer_starts_at_the_figure_defaults(monkeypatch, name):
    make, module, function, scale = EXPLORERS[name]
    check_starts_at_defaults(monkeypatch, module, function, make, names=scale if name in CONTROLS_ONLY else None)


@pytest.mark.parametrize("name", EXPLORERS)
def test_explorer_every_control_extreme_and_corner_redraws(monkeypatch, name):
    check_every_extreme_and_corner(monkeypatch, *EXPLORERS[name][1:3], EXPLORERS[name][0], EXPLORERS[name][3])


@pytest.mark.parametrize("name, control, value", [
    ("precession", 0, 0.5), ("polarization", 0, 10.0), ("spin-accumulation", 1, 10.0), ("switching", 0, 1.0),
    ("mixing-conductance", 1, 0.5), ("ensemble", 1, 2.0), ("mram-design-space", 1, 200.0),
    ("domain-wall", 2, 2.0), ("pillar-reversal", 0, 1.0),
])
def test_explorer_shows_errors_and_raises(monkeypatch, name, control, value):
    make, module, function, _ = EXPLORERS[name]

    def broken(**kwargs):
        raise ValueError("some_parameter must be > 0, got 0.0")

    box = make()
    monkeypatch.setattr(module, function, broken)
    with pytest.raises(ValueError, match="some_parameter"):
        control_list(box)[control].value = value
    out = box.children[-1].outputs
    assert out[0]["output_type"] == "stream" and "some_parameter" in out[0]["text"]


# --------------------------------------------------------------------------- the write-error explorer's table


def _wer_direct(ratio, Delta, alpha, widths):
    """A direct Fokker-Planck solve on the table's mesh for this pair."""
    return switching_figures._wer(ratio, Delta, alpha, widths, thermal.WriteErrorTable.cells(ratio, Delta))


@pytest.mark.parametrize("ratio, Delta", [(2.0, 40.0), (2.15, 45.0)])  # a grid pair, and one off the grid
def test_wer_table_at_the_default_damping_is_the_solve_itself(ratio, Delta):
    table = thermal.wer_table()
    direct = _wer_direct(ratio, Delta, 0.01, switching_figures.WER_WIDTHS)
    assert table(ratio, Delta, 0.01) == pytest.approx(direct, rel=1e-12, abs=1e-300)


@pytest.mark.parametrize("alpha", [0.003, 0.0071, 0.03])
def test_wer_table_damping_only_sets_the_time_scale(alpha):
    """WER(t; I/I_c0, Delta, alpha) = W(t / tau_D(alpha); I/I_c0, Delta), exactly (WriteErrorTable's notes):
    a solve at another damping equals the default damping's at the widths scaled by the ratio of the damping
    times; and the table, which reads its default-damping curve between its widths, matches that solve."""
    ratio, Delta = 4.0, 80.0  # the steepest curve of the grid
    widths = switching_figures.WER_WIDTHS[::10]
    tau = {a: switching_figures._wer_junction(Delta, a).free.relaxation_time for a in (alpha, 0.01)}
    direct = _wer_direct(ratio, Delta, alpha, widths)
    scaled = _wer_direct(ratio, Delta, 0.01, widths * tau[0.01] / tau[alpha])
    keep = direct > 1e-250
    # the same chain with every rate scaled: equal to rounding (1e-13 measured)
    assert scaled[keep] == pytest.approx(direct[keep], rel=1e-9)
    shown = switching_figures.WER_WIDTHS
    direct = _wer_direct(ratio, Delta, alpha, shown)
    keep = direct > 1e-13
    # monotone cubic between widths 35 per decade apart: 0.3 % measured; 1 % is 0.004 decades, a tenth of a pixel
    assert thermal.wer_table()(ratio, Delta, alpha)[keep] == pytest.approx(direct[keep], rel=0.01)


def test_wer_table_mesh_is_within_a_pixel_of_the_default_mesh():
    """The table's coarser mesh, at the pair where it is least accurate (of all 70, measured), against the
    default mesh down to 1e-12: 7.7 % in WER measured; 10 % is 0.041 decades, under a pixel of the explorer's frame
    (0.046 decades at 100 dpi)."""
    ratio, Delta = 4.0, 40.0
    fine = switching_figures._wer_curve(ratio, Delta, 0.01, None)
    keep = fine > switching_figures.WER_FLOOR
    assert thermal.wer_table()(ratio, Delta, 0.01)[keep] == pytest.approx(fine[keep], rel=0.1)


def test_write_error_rate_figure_refuses_a_bad_curve():
    with pytest.raises(ValueError, match="^curve must return one write-error rate per width"):
        switching_figures.write_error_rate_figure(others=(), ensemble=0, curve=lambda ratio, Delta, alpha: [0.5] * 3)
    with pytest.raises(TypeError, match="^curve must be callable"):
        switching_figures.write_error_rate_figure(others=(), ensemble=0, curve="table")
