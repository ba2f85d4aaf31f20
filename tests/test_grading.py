"""sttlab.grading: the checks behind the exercises' test cells.

A check passes inside its tolerance and fails just outside it (numpy.isclose semantics), and a
failure says what was given, what was expected and the tolerance. Student mistakes (None, text,
wrong shape, NaN) are AssertionErrors, which nbgrader scores as a failed test; mistakes of the
test's author are ValueError/TypeError.
"""

import math

import numpy as np
import pytest

from sttlab.grading import check_close, check_equal


# --------------------------------------------------------------------------- check_close


@pytest.mark.parametrize("value", [40.0, 40.0 * (1 + 0.999e-3), 40.0 * (1 - 0.999e-3), np.float32(40.0), 40])
def test_check_close_passes_inside_the_relative_tolerance(value):
    assert check_close("Delta", value, 40.0, rtol=1e-3) is None


@pytest.mark.parametrize("value", [40.0 * (1 + 1.001e-3), 40.0 * (1 - 1.001e-3), -40.0, 0.0])
def test_check_close_fails_just_outside_the_relative_tolerance(value):
    with pytest.raises(AssertionError, match="but 40 was expected"):
        check_close("Delta", value, 40.0, rtol=1e-3)


def test_check_close_adds_absolute_and_relative_tolerances_as_numpy_isclose():
    check_close("x", 1.0 + 0.009, 1.0, rtol=1e-3, atol=8e-3)  # 0.009 <= 0.008 + 0.001
    with pytest.raises(AssertionError, match=r"tolerance ±\(0\.008 \+ 0\.1 %\)"):
        check_close("x", 1.0 + 0.0091, 1.0, rtol=1e-3, atol=8e-3)
    check_close("x", 1e-3, 0.0, atol=1e-3)  # an expected zero needs atol
    with pytest.raises(AssertionError, match="off by"):
        check_close("x", 1e-12, 0.0, rtol=0.5)


def test_failure_message_names_the_answer_the_expected_value_the_tolerance_and_the_deviation():
    with pytest.raises(AssertionError) as failure:
        check_close("d_bit", 50.0e-9, 52.94737e-9, rtol=1e-5, unit="m")
    assert str(failure.value) == ("d_bit = 5e-08 m, but 5.29474e-08 m was expected (tolerance ±0.001 % relative); "
                                  "it is off by -5.6 %.")
    with pytest.raises(AssertionError) as failure:
        check_close("m . dm/dt", 0.25, 0.0, atol=1e-6)
    assert str(failure.value) == ("m . dm/dt = 0.25, but 0 was expected (tolerance ±1e-06 absolute); "
                                  "it is off by +0.25.")


def test_arrays_are_compared_elementwise_and_the_worst_entry_is_named():
    check_close("m", np.array([[0.0, 0.6], [0.8, 1.0]]), [[0.0, 0.6], [0.8, 1.0 + 1e-10]], atol=1e-9)
    with pytest.raises(AssertionError) as failure:
        check_close("m", [[0.0, 0.61], [0.9, 1.0]], [[0.0, 0.6], [0.8, 1.0]], atol=1e-3)
    message = str(failure.value)
    assert "at 2 of 4 entries" in message and "worst is entry (1, 0): 0.9, but 0.8 was expected" in message


@pytest.mark.parametrize("value, hint", [
    (None, "is None: does the function `return`"),
    ("40", r"should be a number, got '40' \(str\)"),
    (True, r"should be a number, got True \(bool\)"),
    ({"a": 1}, "should be a number or an array of numbers"),
    (math.nan, "should be finite"),
    (math.inf, "should be finite"),
    ([40.0, 41.0], r"should be a single number, got shape \(2,\)"),
])
def test_a_student_answer_of_the_wrong_kind_is_a_failed_test_that_says_why(value, hint):
    with pytest.raises(AssertionError, match=hint):
        check_close("Delta", value, 40.0, rtol=1e-3)


def test_an_array_of_the_wrong_shape_says_which_shape_was_expected():
    with pytest.raises(AssertionError, match=r"should be an array of shape \(3,\), got shape \(2,\)"):
        check_close("m", [1.0, 0.0], [1.0, 0.0, 0.0], atol=1e-9)
    with pytest.raises(AssertionError, match=r"should be an array of shape \(51, 3\), got shape \(50, 3\)"):
        check_close("trajectory", np.zeros((50, 3)), np.zeros((51, 3)), atol=1e-9)


@pytest.mark.parametrize("kwargs, error, text", [
    ({}, ValueError, "rtol and atol are both 0"),
    ({"rtol": -1e-3}, ValueError, "rtol must be >= 0"),
    ({"atol": math.nan}, ValueError, "atol must be finite"),
    ({"rtol": "1e-3"}, TypeError, "rtol must be a real number"),
])
def test_a_bad_tolerance_is_the_authors_error(kwargs, error, text):
    with pytest.raises(error, match=text):
        check_close("Delta", 40.0, 40.0, **kwargs)


@pytest.mark.parametrize("name, expected, error, text", [
    ("Delta", math.nan, ValueError, "expected must be finite"),
    ("Delta", "40", TypeError, "expected must be a number"),
    ("Delta", True, TypeError, "got a bool"),
    ("", 40.0, TypeError, "name must be a non-empty string"),
    (None, 40.0, TypeError, "name must be a non-empty string"),
])
def test_a_bad_reference_or_name_is_the_authors_error(name, expected, error, text):
    with pytest.raises(error, match=text):
        check_close(name, 40.0, expected, rtol=1e-3)


# --------------------------------------------------------------------------- check_equal


def test_check_equal_passes_on_equality_and_says_what_was_expected_otherwise():
    check_equal("tilt_grows(1.02 J_c0)", True, True)
    check_equal("tilt_grows(1.02 J_c0)", np.bool_(True), True)
    check_equal("count", 3, 3)
    with pytest.raises(AssertionError, match=r"^tilt_grows\(0.98 J_c0\) is True, but False was expected\.$"):
        check_equal("tilt_grows(0.98 J_c0)", True, False)
    with pytest.raises(AssertionError, match="is None, but True was expected"):
        check_equal("tilt_grows(2 J_c0)", None, True)
    # 1 == True in Python; a function that must return a bool must return one
    with pytest.raises(AssertionError, match=r"should be True or False, got 1 \(int\)"):
        check_equal("tilt_grows(2 J_c0)", 1, True)


@pytest.mark.parametrize("name, expected, text", [
    ("x", 1.5, "use check_close for floats"),
    ("x", None, "expected must be a bool, int or str"),
    ("", True, "name must be a non-empty string"),
])
def test_check_equal_rejects_the_authors_mistakes(name, expected, text):
    with pytest.raises(TypeError, match=text):
        check_equal(name, True, expected)
