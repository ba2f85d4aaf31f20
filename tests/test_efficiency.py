"""Spin-torque efficiency models against Slonczewski's closed forms."""

import numpy as np
import pytest

from sttlab import spin_torque_efficiency


def test_constant_model_is_P_everywhere():
    cos = np.linspace(-1, 1, 11)
    assert np.allclose(spin_torque_efficiency(cos, "constant", 0.37), 0.37)


def test_slonczewski_1996_is_twice_g():
    """Slonczewski 1996 eq. (14): g = [-4 + (1+P)^3 (3 + cos) / (4 P^1.5)]^-1, eta = 2 g."""
    P, cos = 0.6, np.linspace(-1, 1, 9)
    g = 1 / (-4 + (1 + P) ** 3 * (3 + cos) / (4 * P**1.5))
    assert np.allclose(spin_torque_efficiency(cos, "slonczewski1996", P), 2 * g, rtol=1e-14)
    with pytest.raises(ValueError, match="P"):
        spin_torque_efficiency(0.0, "slonczewski1996", 1.0)


def test_slonczewski_2002_reduces_to_P_at_Lambda_1_and_is_asymmetric_otherwise():
    """eta = 2 P L^2 / ((L^2 + 1) + (L^2 - 1) cos): the mumax3/OOMMF form, doubled."""
    cos = np.linspace(-1, 1, 9)
    assert np.allclose(spin_torque_efficiency(cos, "slonczewski2002", 0.5, Lambda=1.0), 0.5)
    L = 1.8
    eta = spin_torque_efficiency(cos, "slonczewski2002", 0.5, Lambda=L)
    assert np.allclose(eta, 2 * 0.5 * L**2 / ((L**2 + 1) + (L**2 - 1) * cos))
    assert eta[0] / eta[-1] == pytest.approx(L**2)  # AP over P


@pytest.mark.parametrize(("args", "name"), [((1.5, "constant", 0.5), "cos_theta"),
                                            ((0.0, "constant", 0.0), "P"),
                                            ((0.0, "magic", 0.5), "model"),
                                            ((0.0, "slonczewski2002", 0.5, 0.0), "Lambda")])
def test_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        spin_torque_efficiency(*args)
