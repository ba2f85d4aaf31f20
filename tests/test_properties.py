"""Property-based: any input gives finite results or a clear error naming a parameter."""

import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sttlab import Cylinder, Junction, Magnet, simulate

anything = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-10, 10) | st.just("1e6")
physical = st.floats(1e-3, 1e3)  # a factor around a typical value


def _names_a_parameter(error, names):
    return any(name in str(error) for name in names)


@settings(max_examples=300, deadline=None)
@given(Ms=anything, alpha=anything, Ku=anything, Ki=anything, diameter=anything, thickness=anything)
def test_magnet_is_finite_or_refused(Ms, alpha, Ku, Ki, diameter, thickness):
    names = ("Ms", "alpha", "Ku", "Ki", "diameter", "thickness", "volume")
    try:
        magnet = Magnet(Ms=Ms, geometry=Cylinder(diameter, thickness), alpha=alpha, Ku=Ku, Ki=Ki)
    except (ValueError, TypeError) as error:
        assert _names_a_parameter(error, names), error
        return
    derived = [magnet.K, magnet.K_eff, magnet.Hk_eff, magnet.barrier, magnet.Delta(300.0)]
    assert all(math.isfinite(x) for x in derived)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    Ms=physical, Ku=st.floats(0.0, 3.0), alpha=st.floats(0.0, 1.0), P=st.floats(0.01, 1.0),
    J=st.floats(-1e3, 1e3), H=st.tuples(*[st.floats(-1e3, 1e3)] * 3), xi=st.floats(-2.0, 2.0),
    theta=st.floats(0.0, math.pi), method=st.sampled_from(["rk45", "rk4"]),
)
def test_simulation_is_finite_or_refused(Ms, Ku, alpha, P, J, H, xi, theta, method):
    """Magnitudes up to 1e3 x typical (Ms 1 A/m .. 1e9 A/m, J up to 1e14 A/m^2): never a NaN."""
    Ms *= 1e6
    free = Magnet(Ms=Ms, geometry=Cylinder(40e-9, 1.3e-9), alpha=alpha, Ku=Ku * 4e-7 * math.pi * Ms**2)
    junction = Junction(free, P=P, field_like=xi) if 1 + alpha * xi > 0 else Junction(free, P=P)
    try:
        run = simulate(junction, (math.sin(theta), 0.0, math.cos(theta)), 20e-12, method=method,
                       current_density=J * 1e11, field=np.array(H) * 1e3, dt=1e-13)
    except ValueError as error:
        assert _names_a_parameter(error, ("dt", "duration")), error
        return
    assert np.all(np.isfinite(run.m)) and np.allclose(np.linalg.norm(run.m, axis=1), 1.0, atol=1e-9)
    assert np.all(np.isfinite(run.energy()))


def test_too_long_rk4_step_is_refused_not_integrated_into_nan():
    free = Magnet(Ms=1e6, geometry=Cylinder(40e-9, 1e-9), alpha=0.01)
    with pytest.raises(ValueError, match="dt"):
        simulate(free, (1, 0, 0), 1e-9, method="rk4", dt=1e-11, field=(0, 0, 1e7))


def test_a_run_spanning_absurdly_many_periods_is_refused():
    free = Magnet(Ms=1e6, geometry=Cylinder(40e-9, 1e-9), alpha=0.01)
    with pytest.raises(ValueError, match="duration"):
        simulate(free, (1, 0, 0), 1.0, field=(0, 0, 1e6))


def test_import_survives_an_unwritable_numba_cache():
    """With no cache locator available numba.njit(cache=True) raises; import sttlab must not."""
    code = (
        "import numba.core.caching as c; c.CacheImpl._locator_classes = []\n"
        "import warnings; warnings.simplefilter('always')\n"
        "import sttlab\n"
        "cell = sttlab.preset('cofeb_mgo_40nm')\n"
        "run = sttlab.simulate(cell, (0.1, 0, -1), 1e-9, current_density=2 * cell.Jc0())\n"
        "print('ok', run.m.shape[1])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "ok 3" in result.stdout
    assert "NUMBA_CACHE_DIR" in result.stderr  # the warning names the fix
