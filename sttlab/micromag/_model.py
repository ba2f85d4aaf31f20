"""The right-hand side of the micromagnetic LLG equation for one sample and its drives (private).

:class:`_Model` precomputes what does not change during a run (exchange
couplings, anisotropy fields, torque amplitudes, the demagnetizing operator,
scratch arrays) and evaluates ``dm/dt`` of a state with one FFT convolution
and one fused kernel (:mod:`sttlab.micromag._kernels`).
"""

from __future__ import annotations

import numpy as np

from ..constants import gamma, mu0
from ..efficiency import efficiency_coefficients
from ..llg import Pulse, _envelope
from . import _kernels as kern
from .demag import demag_operator
from .fields import _harmonic_mean


def exchange_couplings(sample):
    """``w[d] = 2 A_link / (mu0 Ms d^2)`` (A/m) to the neighbour in direction +x, -x, +y, -y, +z, -z.

    Zero where the neighbour is outside the mesh or the magnet; the link
    stiffness is the harmonic mean of the two cells' ``A``
    (:func:`~sttlab.micromag.fields.exchange_field`).
    """
    Ms, A, mask = sample.Ms_cells, sample.A_cells, sample.mask
    inv_ms = np.divide(1.0, Ms, out=np.zeros_like(Ms), where=mask)
    w = np.zeros((6, *Ms.shape))
    for axis, d in enumerate(sample.mesh.cell):
        if Ms.shape[axis] == 1:
            continue
        lo = [slice(None)] * 3
        hi = [slice(None)] * 3
        lo[axis], hi[axis] = slice(None, -1), slice(1, None)
        lo, hi = tuple(lo), tuple(hi)
        link = 2.0 * _harmonic_mean(A[lo], A[hi]) * (mask[lo] & mask[hi]) / (mu0 * d * d)
        w[(2 * axis, *lo)] = link * inv_ms[lo]  # from the low cell to its + neighbour
        w[(2 * axis + 1, *hi)] = link * inv_ms[hi]  # from the high cell to its - neighbour
    return w


class _Model:
    """``dm/dt`` of a sample under given drives; see the module docstring.

    Parameters
    ----------
    sample : Sample
    field, field_pulse, current_density
        Drives, validated by :meth:`Sample.drive`.
    precess : bool
        False: damping-only dynamics ``-(gamma mu0 / 2) m x (m x H)`` (``alpha = 1``
        without precession), for relaxation.
    precision : {"double", "single"}
        Of the demagnetizing convolution (:class:`~sttlab.micromag.demag.Demag`).
    """

    def __init__(self, sample, field=(0.0, 0.0, 0.0), field_pulse=None, current_density=0.0, precess=True,
                 precision="double"):
        sample.drive(0.0, field, field_pulse, current_density)  # validates the drives
        self.sample = sample
        self.field = np.asarray(field, dtype=float)
        self.field_pulse = field_pulse
        self.current_density = current_density
        self.time_dependent = field_pulse is not None or isinstance(current_density, Pulse)
        shape = (3, *sample.mesh.shape)
        self.Ms = np.ascontiguousarray(sample.Ms_cells)
        self.Ms_flat = self.Ms.reshape(-1)
        self.w = exchange_couplings(sample)
        self.hk = np.divide(2.0 * sample.Ku_cells, mu0 * self.Ms, out=np.zeros_like(self.Ms), where=sample.mask)
        self.aj = np.zeros_like(self.Ms)
        par = np.zeros(kern.PAR_SIZE)
        alpha = sample.alpha if precess else 1.0
        par[kern._ALPHA] = alpha
        par[kern._GLL] = gamma * mu0 / (1.0 + alpha * alpha)
        par[kern._U : kern._U + 3] = sample.easy_axis
        par[kern._PRECESS] = 1.0 if precess else 0.0
        par[kern._ETA : kern._ETA + 3] = (1.0, 1.0, 0.0)
        junction = sample.junction
        if junction is not None:
            self.aj = np.divide(junction.stt_field_per_current() * junction.free.Ms, self.Ms,
                                out=np.zeros_like(self.Ms), where=sample.mask)
            par[kern._P : kern._P + 3] = junction.polarizer
            par[kern._ETA : kern._ETA + 3] = efficiency_coefficients(junction.efficiency, junction.P, junction.Lambda)
            par[kern._XI] = junction.field_like
        self.par = par
        self.set_time(0.0)
        self.demag = demag_operator(sample.mesh, precision) if sample.demag else None
        self.zero_field = np.zeros(shape)
        self.M = np.empty(shape, dtype=np.float32 if precision == "single" else np.float64)
        self.evaluations = 0

    def set_time(self, t):
        """Write the applied field and the current density at time ``t`` into ``par``."""
        par = self.par
        H = self.field
        if self.field_pulse is not None:
            H = H + _envelope(t, *self.field_pulse.wave) * np.asarray(self.field_pulse.amplitude)
        par[kern._B : kern._B + 3] = H
        J = self.current_density
        par[kern._J] = J.amplitude * _envelope(t, *J.wave) if isinstance(J, Pulse) else J

    def applied_field(self):
        """The applied field now (A/m, 3-vector)."""
        return self.par[kern._B : kern._B + 3].copy()

    def rhs(self, t, y, out):
        """``out = dm/dt`` at time ``t`` of the state ``y`` (shape ``(3, nx, ny, nz)``), with
        ``self.M = Ms y`` already filled by the caller. Returns the largest ``|m x H|`` in A/m."""
        if self.time_dependent:
            self.set_time(t)
        hd = self.demag(self.M) if self.demag is not None else self.zero_field
        self.evaluations += 1
        return kern._rhs(y, hd, self.Ms, self.w, self.hk, self.aj, self.par, out)

    def rhs_at(self, t, y, out):
        """:meth:`rhs` of a state whose ``M`` has not been filled."""
        np.multiply(y, self.Ms, out=self.M)
        return self.rhs(t, y, out)

    def frequency_bound(self):
        """An upper bound of the fastest precession ``gamma mu0 |H|`` in rad/s over all states.

        Gershgorin's bound of the exchange operator (twice the largest sum of
        couplings, reached by the checkerboard mode) plus ``max Ms`` (the
        demagnetizing tensor has norm <= 1), the anisotropy field, the
        largest applied field and the spin-torque fields. It sets the stable
        RK4 step.
        """
        H = 2.0 * float(self.w.sum(axis=0).max()) + float(np.abs(self.hk).max())
        if self.demag is not None:
            H += float(self.Ms.max())
        H += float(np.linalg.norm(self.field))
        if self.field_pulse is not None:
            H += float(np.linalg.norm(self.field_pulse.amplitude))
        J = self.current_density
        J = abs(J.amplitude if isinstance(J, Pulse) else J)
        if J and self.sample.junction is not None:
            A, B, C = self.par[kern._ETA : kern._ETA + 3]
            H += float(self.aj.max()) * J * abs(A) / (B - abs(C)) * (1.0 + abs(self.par[kern._XI]))
        return gamma * mu0 * max(H, 1.0)


def largest_step(model):
    """The longest RK4 step the explicit scheme tolerates for this model, in s (``2.8 / omega_max``)."""
    return 2.8 / model.frequency_bound()
