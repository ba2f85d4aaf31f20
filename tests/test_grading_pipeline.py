"""The grading pipeline end to end, on a scratch copy of the course: nbgrader releases the
thermal_stability exercise, autogrades five sample submissions in one run, takes the manual grades
an instructor would give, writes feedback, and exports exactly the grades of ``EXPECTED_GRADES``.

The submissions are the student version with answers typed in: the full solution; the untouched
release; a partly right one (two wrong functions, and the numbers that follow from them); one
whose bisection never ends (the loop is interrupted at the time limit, the run goes on); and one
whose answer cell raises before it defines anything.
"""

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "thermal_stability"
_spec = importlib.util.spec_from_file_location("course", ROOT / "exercises" / "course.py")
course = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(course)

pytestmark = pytest.mark.slow

# Answers that replace a solution, by grade_id. In the points comments, "fails" means the test
# cell scores zero.
PARTIAL = {
    # the mean lifetime instead of the failure probability: test-required-delta fails (2), and
    # with it Delta_bit, Delta_array, d_bit, d_array (test-diameters, 2)
    "answer-required-delta": '''
def required_delta(duration, n_bits=1, failure=1e-3, tau0=TAU0):
    """Smallest Delta for which n_bits keep their data for duration (s) with probability 1 - failure."""
    return math.log(n_bits * duration / tau0)
''',
    # H_k,eff without its factor 2: test-critical-current (2) and test-efficiency (2) fail
    "answer-critical-current": '''
def critical_current(Ki, t, Ms, d, Nz, alpha, eta):
    """Zero-temperature critical current I_c0 in A of the perpendicular cylinder (Sun 2000)."""
    Nx = (1.0 - Nz) / 2.0
    K_eff = Ki / t - 0.5 * mu0 * Ms**2 * (Nz - Nx)
    Hk_eff = K_eff / (mu0 * Ms)
    return (2.0 * e / hbar) * (alpha / eta) * mu0 * Ms * Hk_eff * t * math.pi * d**2 / 4.0
''',
    "explain-array": "A big array has more bits, so more can flip; the current grows with the barrier.",
}
LOOPING = {
    # lo and hi end up on adjacent floats, the midpoint equals one of them, and the loop never
    # ends: test-smallest-diameter times out (3), so does the cell that computes d_bit and d_array,
    # which leaves d_bit (test-diameters, 2) and d_array (test-efficiency, 2) undefined
    "answer-smallest-diameter": '''
def smallest_diameter(Delta_min, Ki, t, Ms, T, demag_z, d_low=5e-9, d_high=300e-9):
    """Diameter in m at which Delta = Delta_min, searched in [d_low, d_high]; N_z = demag_z(diameter)."""
    lo, hi = d_low, d_high
    while hi - lo > 0.0:
        mid = 0.5 * (lo + hi)
        if thermal_stability_factor(Ki, t, Ms, mid, demag_z(mid), T) < Delta_min:
            lo = mid
        else:
            hi = mid
    return lo
''',
}
RAISING = {
    # a leftover line raises NameError before either function is defined: test-retention (2) and
    # test-retention-values (1) fail
    "answer-retention": '''
tau = TAU0 * math.exp(Delta)

def mean_retention_time(Delta, tau0=TAU0):
    """Mean time in s before a bit with thermal stability factor Delta flips (Neel-Brown)."""
    return tau0 * math.exp(Delta)


def failure_probability(Delta, duration, n_bits=1, tau0=TAU0):
    """Probability that any of n_bits independent bits flips within duration (s)."""
    return -math.expm1(-n_bits * duration / mean_retention_time(Delta, tau0))
''',
}
# student id -> answers replacing the full solution (None: the untouched release)
SUBMISSIONS = {"full": {}, "blank": None, "partial": PARTIAL, "looping": LOOPING, "raising": RAISING}
# what the instructor gives the written answer (4 points) in the formgrader
MANUAL = {"full": 4.0, "partial": 1.0, "looping": 4.0, "raising": 4.0}
TIMESTAMP = "2026-03-02 09:30:00.000000 UTC"
# 18 autograded points + 4 by hand; see the comments above for each loss
EXPECTED_GRADES = """\
assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,late_submission_penalty,score,max_score
thermal_stability,,2026-03-02 09:30:00,blank,,,,0.0,0.0,0.0,22.0
thermal_stability,,2026-03-02 09:30:00,full,,,,22.0,0.0,22.0,22.0
thermal_stability,,2026-03-02 09:30:00,looping,,,,15.0,0.0,15.0,22.0
thermal_stability,,2026-03-02 09:30:00,partial,,,,11.0,0.0,11.0,22.0
thermal_stability,,2026-03-02 09:30:00,raising,,,,19.0,0.0,19.0,22.0
"""
# The slowest cell of this exercise takes well under a second with numba's cache warm (the test
# warms it); 15 s keeps the looping submission's two timeouts short without risking the others.
TIMEOUT = 15


def _nbgrader(root, *args):
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=root, env=course.nbgrader_environment(),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    return result.stdout + result.stderr


def _solution(cell):
    """What a student who found the solution types into an answer cell: the source without the markers."""
    return "\n".join(line for line in cell.source.splitlines() if line.strip() not in
                     ("### BEGIN SOLUTION", "### END SOLUTION"))


def _submission(release, source, answers):
    notebook = nbformat.from_dict(release)
    solutions = {c.metadata["nbgrader"]["grade_id"]: c for c in source.cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in solutions:
            cell.source = answers.get(grade_id, _solution(solutions[grade_id])).strip()
    return notebook


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory):
    """A scratch course directory after release, autograding, manual grading, feedback and export."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "exercises" / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "exercises" / "source" / ASSIGNMENT, root / "source" / ASSIGNMENT)
    # compile (or load) the numba kernels the reference functions use, outside the timed cells
    subprocess.run([sys.executable, "-c", "import sttlab; sttlab.preset('cofeb_mgo_40nm').Ic0()"], check=True,
                   timeout=300)
    _nbgrader(root, "generate_assignment", ASSIGNMENT)
    notebook = f"{ASSIGNMENT}.ipynb"
    release = nbformat.read(root / "release" / ASSIGNMENT / notebook, as_version=4)
    source = nbformat.read(root / "source" / ASSIGNMENT / notebook, as_version=4)
    for student, answers in SUBMISSIONS.items():
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(release if answers is None else _submission(release, source, answers), folder / notebook)
        (folder / "timestamp.txt").write_text(TIMESTAMP)
    log = _nbgrader(root, "autograde", ASSIGNMENT, "--create", f"--ExecutePreprocessor.timeout={TIMEOUT}")
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        waiting = {}
        for student in SUBMISSIONS:
            grade = gradebook.find_grade("explain-array", ASSIGNMENT, ASSIGNMENT, student)
            waiting[student] = grade.needs_manual_grade
            if student in MANUAL:
                grade.manual_score = MANUAL[student]
        gradebook.db.commit()
    _nbgrader(root, "generate_feedback", ASSIGNMENT)
    _nbgrader(root, "export", "--to", "grades.csv")
    return {"root": root, "log": log, "release": release, "source": source, "waiting": waiting}


def test_exported_grades_match_the_expected_table_exactly(graded_course):
    assert (graded_course["root"] / "grades.csv").read_text() == EXPECTED_GRADES


def test_autograded_cells_score_as_the_submissions_predict(graded_course):
    """Cell by cell: which test cells each submission passes, not only the sums."""
    from nbgrader.api import Gradebook

    failing = {"full": set(), "partial": {"test-required-delta", "test-diameters", "test-critical-current",
                                          "test-efficiency"},
               "looping": {"test-smallest-diameter", "test-diameters", "test-efficiency"},
               "raising": {"test-retention", "test-retention-values"}}
    with Gradebook(f"sqlite:///{graded_course['root'] / 'gradebook.db'}") as gradebook:
        for student, expected in failing.items():
            notebook = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
            scores = {grade.name: grade.auto_score for grade in notebook.grades if grade.cell_type == "code"}
            assert {name for name, score in scores.items() if score == 0.0} == expected, student
        blank = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, "blank")
        assert all(grade.score == 0.0 for grade in blank.grades)


def test_only_written_answers_that_were_changed_wait_for_a_manual_grade(graded_course):
    assert graded_course["waiting"] == {"full": True, "blank": False, "partial": True, "looping": True,
                                        "raising": True}


def test_the_infinite_loop_is_interrupted_and_the_run_goes_on(graded_course):
    autograded = graded_course["root"] / "autograded" / "looping" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    notebook = nbformat.read(autograded, as_version=4)
    errors = {cell.metadata["nbgrader"]["grade_id"]: output.ename for cell in notebook.cells
              if cell.cell_type == "code" for output in cell.outputs if output.output_type == "error"}
    # interrupted twice (the test cell, then the cell that calls it again); later cells ran
    assert sum(name in ("KeyboardInterrupt", "CellTimeoutError") for name in errors.values()) == 2
    assert "test-critical-current" not in errors
    assert errors["test-diameters"] == "NameError"


def test_feedback_tells_each_student_what_was_expected(graded_course):
    feedback = graded_course["root"] / "feedback"

    def page(student):
        return (feedback / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()

    # the visible tests' messages (sttlab.grading): the answer, the expected value, the tolerance
    assert ("AssertionError</span>: required_delta(10 * YEAR) = 40.2932, but 47.2004 was expected "
            "(tolerance ±1e-07 % relative); it is off by -15 %.") in page("partial")
    assert ("critical_current(Ki, t, Ms, d, Nz, alpha, eta) = 1.00701e-05 A, but 2.01401e-05 A was expected "
            "(tolerance ±0.0001 % relative); it is off by -50 %.") in page("partial")
    assert "NameError</span>: name 'Delta' is not defined" in page("raising")
    assert "CellTimeoutError</span>: No reply from kernel before timeout" in page("looping")
    assert "Score: 22.0 / 22.0)" in page("full") and "Score: 11.0 / 22.0)" in page("partial")


def test_the_student_version_holds_no_solution_and_no_hidden_test(graded_course):
    release, source = graded_course["release"], graded_course["source"]
    assert course.leaks(source, release) == []
    text = nbformat.writes(release)
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "_hidden_", "sttlab import Cylinder"):
        assert marker not in text
    # ... while every visible test is there, as in the source
    visible = [re.sub(r"### BEGIN HIDDEN TESTS.*### END HIDDEN TESTS\n?", "", c.source, flags=re.S).strip()
               for c in source.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"]
    released = [c.source.strip() for c in release.cells
                if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"]
    assert released == visible and len(visible) == 9
