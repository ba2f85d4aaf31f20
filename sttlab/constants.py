"""Physical constants in SI units, from CODATA via :mod:`scipy.constants`.

The values are module attributes that cannot be reassigned: a constant that a
notebook could overwrite would silently change every later result.

Examples
--------
>>> from sttlab import constants
>>> round(constants.gamma / (2 * 3.141592653589793) / 1e9, 3)  # GHz per tesla
28.025
"""

import sys
import types

from scipy import constants as _codata

#: Vacuum permeability mu_0 in T m / A (CODATA).
mu0 = _codata.mu_0
#: Reduced Planck constant in J s (CODATA).
hbar = _codata.hbar
#: Elementary charge in C (CODATA).
e = _codata.e
#: Boltzmann constant in J / K (CODATA).
kB = _codata.k
#: Electron gyromagnetic ratio (magnitude) in rad / (s T) (CODATA).
gamma = abs(_codata.physical_constants["electron gyromag. ratio"][0])
#: Bohr magneton in J / T (CODATA).
muB = _codata.physical_constants["Bohr magneton"][0]


class _FrozenModule(types.ModuleType):
    def __setattr__(self, name, value):
        if name == "__annotations__":  # metadata, not a constant: documentation tools (Sphinx autodoc) fill it in
            return super().__setattr__(name, value)
        raise AttributeError(f"sttlab.constants.{name} is a physical constant and cannot be reassigned")

    def __delattr__(self, name):
        raise AttributeError(f"sttlab.constants.{name} is a physical constant and cannot be deleted")


sys.modules[__name__].__class__ = _FrozenModule
