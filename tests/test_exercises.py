"""Every exercise under exercises/source, found by glob so that new ones are tested as they come:

* it is a well-formed nbgrader source (cell metadata, points, regions, executed and stored);
* nbval runs it (the solutions) in a fresh kernel and every stored output comes out the same, so the
  solutions pass their visible and hidden tests and print the numbers the notebook shows;
* nbgrader's student version of it keeps every visible test and holds no line of a solution, a
  hidden test or a model answer (``course.leaks``, itself checked against planted leaks).

The full grading cycle (release, autograde, feedback, export) is in test_grading_pipeline.py.
"""

import copy
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("course", ROOT / "exercises" / "course.py")
course = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(course)

ASSIGNMENTS = course.assignments()
MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION", "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")


def _source(name):
    return nbformat.read(course.SOURCE / name / f"{name}.ipynb", as_version=4)


def _meta(cell):
    return cell.metadata.get("nbgrader", {})


def test_every_assignment_folder_holds_its_notebook():
    folders = sorted(path.name for path in course.SOURCE.iterdir() if path.is_dir())
    assert folders == ASSIGNMENTS and {"thermal_stability", "macrospin_integrator"} <= set(ASSIGNMENTS)


def test_student_notebook_is_one_assignments_release(releases):
    release = course.student_notebook("thermal_stability")
    assert nbformat.writes(release) == nbformat.writes(releases["thermal_stability"])
    with pytest.raises(ValueError, match="name must be one of .*thermal_stability"):
        course.student_notebook("no_such_exercise")


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_source_is_a_well_formed_nbgrader_notebook(name):
    notebook = _source(name)
    assert notebook.metadata.kernelspec.name == "python3"
    ids = [_meta(c)["grade_id"] for c in notebook.cells if _meta(c)]
    assert len(ids) == len(set(ids)), "grade_id must be unique"
    assert notebook.cells[0].cell_type == "markdown" and re.match(r"# \S", notebook.cells[0].source)
    manual, hidden = 0, []
    for cell in notebook.cells:
        meta = _meta(cell)
        where = f"{name}: {meta.get('grade_id', cell.source[:40])!r}"
        if cell.cell_type == "code":
            assert meta, f"{where}: every code cell is given, an answer or a test"
            assert cell.execution_count is not None, f"{where}: store the executed notebook (nbval compares outputs)"
            assert not any(o.output_type == "error" for o in cell.outputs), where
        if not meta:
            continue
        assert meta["schema_version"] == 3, where
        if meta["grade"]:
            assert meta.get("points", 0) > 0, f"{where}: a graded cell carries points"
        if meta["grade"] and cell.cell_type == "code":  # a test
            assert meta["locked"] and not meta["solution"], where
            assert "BEGIN SOLUTION" not in cell.source, where
            assert "from sttlab.grading import" in cell.source, f"{where}: tests explain failures with sttlab.grading"
            assert "visible tests passed" in cell.source.split("### BEGIN HIDDEN TESTS")[0], where
        elif cell.cell_type == "code" and meta["solution"]:  # an answer
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source, where
            assert "HIDDEN TESTS" not in cell.source, where
        elif cell.cell_type == "code":  # given code
            assert meta["locked"] and not any(marker in cell.source for marker in MARKERS), where
        else:  # a written answer, graded by hand
            assert meta["solution"] and meta["grade"], where
            manual += 1
        if "### BEGIN HIDDEN TESTS" in cell.source:
            assert cell.source.count("### BEGIN HIDDEN TESTS") == cell.source.count("### END HIDDEN TESTS") == 1
            hidden.append(cell.source.split("### BEGIN HIDDEN TESTS")[1])
    assert any("default_rng(" in text for text in hidden), f"{name}: hidden tests draw seeded random inputs"
    auto, by_hand = course.points(notebook)
    assert auto > 0 and manual >= 1 and by_hand > 0


@pytest.fixture(scope="module")
def releases():
    """Every student version, from one run of nbgrader (it takes a few seconds to start)."""
    return course.student_notebooks()


@pytest.mark.slow
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_solutions_reproduce_the_stored_outputs_under_nbval(name):
    """Strict nbval in a fresh kernel of this environment (the outer suite's options are not passed on)."""
    notebook = course.SOURCE / name / f"{name}.ipynb"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-o", "addopts=",
         "-q", str(notebook)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    cells = sum(cell.cell_type == "code" for cell in _source(name).cells)
    assert f"{cells} passed" in result.stdout


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_student_version_keeps_the_visible_tests_and_nothing_else(name, releases):
    source, release = _source(name), releases[name]
    assert course.leaks(source, release) == []
    assert [c.source for c in release.cells if _meta(c).get("locked") and not _meta(c).get("grade")] == \
        [c.source for c in source.cells if _meta(c).get("locked") and not _meta(c).get("grade")]
    visible = [c.source.split("### BEGIN HIDDEN TESTS")[0].strip() for c in source.cells
               if _meta(c).get("grade") and c.cell_type == "code"]
    assert [c.source.strip() for c in release.cells if _meta(c).get("grade") and c.cell_type == "code"] == visible
    stubs = [c.source for c in release.cells if _meta(c).get("solution")]
    assert all("raise NotImplementedError()" in s or s == "YOUR ANSWER HERE" for s in stubs)


def test_leaks_finds_what_a_student_version_must_not_hold(releases):
    """The leak check itself fails on planted leaks (so the test above can fail)."""
    source = _source("thermal_stability")
    release = releases["thermal_stability"]
    assert course.leaks(source, release) == []
    by_id = {_meta(c).get("grade_id"): i for i, c in enumerate(release.cells)}
    solution = next(c for c in source.cells if _meta(c).get("grade_id") == "answer-thermal-stability-factor")
    hidden = next(c for c in source.cells if _meta(c).get("grade_id") == "test-retention")
    model = next(c for c in source.cells if _meta(c).get("grade_id") == "explain-array")
    for planted, cell_id, problem in (
        (solution.source, "answer-thermal-stability-factor", "K_eff = Ki / t - 0.5 * mu0 * Ms**2 * (Nz - Nx)"),
        (hidden.source, "test-retention", "_hidden_retention()"),
        (model.source, "explain-array", model.source.splitlines()[0].strip()),
    ):
        leaky = copy.deepcopy(release)
        leaky.cells[by_id[cell_id]].source = planted
        found = course.leaks(source, leaky)
        assert any(problem in line for line in found), (cell_id, found)
    leaky = copy.deepcopy(release)
    leaky.cells[1].outputs = [nbformat.v4.new_output("stream", text="N_z = 0.9108")]
    assert course.leaks(source, leaky) == ["stored output in cell 1"]


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_book_page_states_the_points_of_the_notebook(name, releases):
    """The page's first sentence adds up the metadata's points, counting the written answers."""
    notebook = _source(name)
    auto = sum(_meta(c).get("points", 0) for c in notebook.cells if _meta(c).get("grade") and c.cell_type == "code")
    manual = sum(_meta(c).get("points", 0) for c in notebook.cells if _meta(c).get("solution")
                 and c.cell_type == "markdown")
    answers = sum(c.cell_type == "markdown" and _meta(c).get("solution", False) for c in notebook.cells)
    first = course.page_markdown(releases[name]).split(". Open")[0]
    written = {0: None, 1: "for the written answer"}.get(answers, f"for the {answers} written answers")
    assert first.startswith(f"The notebook is worth {auto + manual:g} points: ")
    assert (f"{auto:g} points from the autograded test cells, {manual:g} points {written}, graded by hand"
            if answers else "all from the autograded test cells") in first
