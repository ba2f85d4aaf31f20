"""Constants are CODATA values and cannot be changed at run time."""

import math

import pytest

from sttlab import constants


def test_values_are_codata():
    assert constants.gamma == pytest.approx(1.76085963e11, rel=1e-8)
    assert constants.gamma * constants.mu0 == pytest.approx(2.2128e5, rel=1e-4)  # PHYSICS.md
    assert constants.mu0 == pytest.approx(4e-7 * math.pi, rel=1e-9)


def test_constants_are_read_only():
    with pytest.raises(AttributeError, match="gamma"):
        constants.gamma = 1.0
    with pytest.raises(AttributeError, match="mu0"):
        del constants.mu0
    assert constants.gamma == pytest.approx(1.76085963e11, rel=1e-8)
