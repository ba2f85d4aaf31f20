"""The 1T-1MTJ cell: a pillar in series with its access transistor.

An alpha-power-law NMOS (:class:`AccessTransistor`) drives the MTJ: the write
current in each direction of :data:`DIRECTIONS`, with source degeneration,
the largest bias on the MTJ and the write energy (:meth:`Cell.write`); and
the signal of a current-mode read (:func:`sense_margin`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from .. import _validate as check
from ._numerics import _bisect, _positive_array
from .materials import Stack, _stack, resistance, tmr
from .pillar import junction

#: Write directions, initial state -> final state.
DIRECTIONS = ("AP->P", "P->AP")


# --------------------------------------------------------------------------- the access transistor


@dataclass(frozen=True)
class AccessTransistor:
    """NMOS access transistor, alpha-power law (Sakurai & Newton, IEEE J. Solid-State Circuits 25, 584 (1990)).

    With ``v = (V_GS - V_th) / (V_DD - V_th)`` the saturation current is
    ``I_D0 v^alpha`` (``alpha`` = 2 for a long channel, towards 1 under
    velocity saturation), reached at ``V_DS = V_D0 v^(alpha / 2)`` and linear in
    ``V_DS`` below; zero below threshold. ``I_D0 = on_current * width``.
    Channel-length modulation, body effect and leakage are left out. The
    defaults, about 0.8 mA/um at 0.9 V with ``alpha = 1.3`` (Sakurai & Newton's
    short-channel value), are representative of a 28-16 nm logic NMOS: an
    assumption, not a particular foundry's device.

    Parameters
    ----------
    width : float, optional
        Channel width in m.
    on_current : float, optional
        ``I_D0 / width`` in A/m (800 A/m = 0.8 mA/um).
    V_DD, V_th, V_D0 : float, optional
        Nominal supply, threshold, and saturation voltage at ``V_GS = V_DD``, in V.
    alpha : float, optional
        In [1, 2].

    Examples
    --------
    >>> nmos = AccessTransistor()  # 150 nm wide, 0.8 mA/um
    >>> [round(float(I) * 1e6) for I in nmos.drain_current(0.9, [0.1, 0.45, 1.0])]  # uA: linear, then saturated
    [27, 120, 120]
    """

    width: float = 150e-9
    on_current: float = 800.0
    V_DD: float = 0.9
    V_th: float = 0.35
    V_D0: float = 0.45
    alpha: float = 1.3

    def __post_init__(self):
        for name, unit in (("width", "m"), ("on_current", "A/m"), ("V_DD", "V"), ("V_D0", "V")):
            object.__setattr__(self, name, check.positive(name, getattr(self, name), unit))
        object.__setattr__(self, "V_th", check.in_range("V_th", self.V_th, 0.0, self.V_DD, high_open=True))
        object.__setattr__(self, "alpha", check.in_range("alpha", self.alpha, 1.0, 2.0))

    def drain_current(self, V_GS, V_DS):
        """Drain current in A at gate-source and drain-source voltages in V (broadcast; ``V_DS >= 0``).

        Examples
        --------
        >>> round(float(AccessTransistor().drain_current(1.1, 1.0)) * 1e6)  # uA, word line overdriven to 1.1 V
        180
        """
        V_GS, V_DS = np.asarray(V_GS, dtype=float), np.asarray(V_DS, dtype=float)
        if not (np.all(np.isfinite(V_GS)) and np.all(np.isfinite(V_DS))) or np.any(V_DS < 0.0):
            raise ValueError(f"V_GS must be finite and V_DS finite and >= 0, got {V_GS!r} and {V_DS!r}")
        v = np.maximum(V_GS - self.V_th, 0.0) / (self.V_DD - self.V_th)
        I_sat = self.on_current * self.width * v**self.alpha
        V_sat = self.V_D0 * v ** (0.5 * self.alpha)
        return np.where(V_DS >= V_sat, I_sat, I_sat * V_DS / np.where(V_sat > 0.0, V_sat, 1.0))


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class WriteOperation:
    """One write of a :class:`Cell` (:meth:`Cell.write`).

    Attributes
    ----------
    current : float
        Through the cell before the bit switches, in A.
    voltage : float
        Largest bias on the MTJ, before or after the switch, in V.
    energy : float or ndarray
        ``V_write * current * pulse_width`` drawn from the driver, in J.
    degenerated : bool
        Whether the MTJ is at the transistor's source in this direction.

    Examples
    --------
    >>> operation = Cell(50e-9, 1.2e-9).write("P->AP", 20e-9)
    >>> round(operation.current * 1e6, 1), round(operation.voltage, 3), operation.degenerated  # uA, V
    (102.8, 0.356, True)
    """

    current: float
    voltage: float
    energy: object
    degenerated: bool


@dataclass(frozen=True)
class Cell:
    """A 1T-1MTJ cell: bit line, MTJ, access transistor, source line.

    In the standard connection the reference layer sits at the bottom, on the
    transistor's drain. Writing AP -> P sends electrons from the reference
    layer into the free layer (``PHYSICS.md``), so conventional current flows
    from the bit line down through the MTJ into the drain, and the source is on
    the grounded source line. Writing P -> AP reverses the current: the source
    is then the node between transistor and MTJ, raised by the MTJ voltage, so
    ``V_GS = V_gate - V_MTJ``. This source degeneration lowers the P -> AP
    current. With an angle-dependent efficiency (the Slonczewski models) P -> AP
    is also the direction that needs the larger current, so the cell is starved
    where it needs the most drive; the reverse connection (Lin et al., IEDM
    2009) swaps the roles. With a constant efficiency both directions need the
    same ``I_c0``.

    Parameters
    ----------
    diameter, thickness : float
        MTJ pillar in m.
    stack : materials.Stack, optional
    transistor : AccessTransistor, optional
    V_write : float, optional
        Driver voltage between the lines in V.
    V_gate : float, optional
        Word-line voltage in V (above ``V_DD``: overdrive).
    connection : {"standard", "reverse"}, optional

    Examples
    --------
    A 50 nm pillar: source degeneration costs the P -> AP write a third of its current.

    >>> cell = Cell(50e-9, 1.2e-9)
    >>> round(cell.junction.Ic0() * 1e6, 1)  # uA needed
    41.1
    >>> [round(cell.write(direction, 20e-9).current * 1e6, 1) for direction in DIRECTIONS]  # uA delivered
    [160.7, 102.8]
    >>> reverse = Cell(50e-9, 1.2e-9, connection="reverse")
    >>> [round(reverse.write(direction, 20e-9).current * 1e6, 1) for direction in DIRECTIONS]
    [77.8, 179.6]
    """

    diameter: float
    thickness: float
    stack: Stack = None
    transistor: AccessTransistor = AccessTransistor()
    V_write: float = 1.1
    V_gate: float = 1.1
    connection: str = "standard"

    def __post_init__(self):
        object.__setattr__(self, "stack", _stack(self.stack))
        for name, unit in (("diameter", "m"), ("thickness", "m"), ("V_write", "V"), ("V_gate", "V")):
            object.__setattr__(self, name, check.positive(name, getattr(self, name), unit))
        if not isinstance(self.transistor, AccessTransistor):
            raise TypeError(f"transistor must be an AccessTransistor, got {self.transistor!r}")
        check.choice("connection", self.connection, ("standard", "reverse"))

    @functools.cached_property
    def junction(self):
        """The MTJ as a :class:`~sttlab.params.Junction` (:func:`junction`)."""
        return junction(self.diameter, self.thickness, self.stack)

    def write(self, direction, pulse_width):
        """Current, largest MTJ voltage and energy of a write pulse.

        Kirchhoff's law with the MTJ at the resistance of its initial state; the
        MTJ voltage is also taken after the switch, for the breakdown check.

        Parameters
        ----------
        direction : {"AP->P", "P->AP"}
        pulse_width : float or array_like
            In s (> 0).

        Returns
        -------
        WriteOperation

        Examples
        --------
        >>> operation = Cell(50e-9, 1.2e-9).write("AP->P", 20e-9)
        >>> round(operation.current * 1e6, 1), round(operation.energy * 1e12, 2)  # uA, pJ
        (160.7, 3.53)
        """
        check.choice("direction", direction, DIRECTIONS)
        pulse = _positive_array("pulse_width", pulse_width, "s")
        I, V, degenerated = _write(resistance(self.diameter, self.stack), self.stack, self.transistor, self.V_write,
                                   self.V_gate, self.connection, direction)
        energy = self.V_write * float(I) * pulse
        return WriteOperation(float(I), float(V), float(energy) if energy.ndim == 0 else energy, degenerated)

    def sense_margin(self, read_current):
        """``V_AP - V_P`` in V at a read current in A (:func:`sense_margin`).

        Examples
        --------
        >>> round(float(Cell(50e-9, 1.2e-9).sense_margin(10e-6)) * 1e3, 1)  # mV
        30.2
        """
        return sense_margin(read_current, self.diameter, self.stack)


def _write(R_P, stack, transistor, V_write, V_gate, connection, direction):
    """Write current (A), largest MTJ voltage (V) and degeneration of one direction; ``R_P`` an array."""
    initial, final = direction.split("->")
    degenerated = (direction == "P->AP") == (connection == "standard")
    I, V_initial = _series(R_P, stack, transistor, V_write, V_gate, degenerated, initial)
    V_final = _series(R_P, stack, transistor, V_write, V_gate, degenerated, final)[1]
    return I, np.maximum(V_initial, V_final), degenerated


def _series(R_P, stack, transistor, V_write, V_gate, degenerated, state):
    """Current and MTJ voltage of the MTJ (in ``state``) in series with the transistor.

    ``V / R(V) = I_D(V_GS, V_write - V)`` for the MTJ voltage ``V``: the left side
    grows with ``V`` (``R_AP`` falls with bias), the right side falls, so the
    root in ``[0, V_write]`` is unique; found by bisection.
    """
    def gate(V):
        return V_gate - V if degenerated else V_gate

    def excess(V):
        R = R_P * (1.0 + tmr(V, stack.TMR0, stack.V_half)) if state == "AP" else R_P
        return V / R - transistor.drain_current(gate(V), V_write - V)

    V = _bisect(excess, np.zeros(np.shape(R_P)), np.full(np.shape(R_P), V_write))
    return transistor.drain_current(gate(V), V_write - V), V


# --------------------------------------------------------------------------- reading


def sense_margin(read_current, diameter, stack=None):
    """Read signal ``V_AP - V_P`` of a current-mode read, in V.

    ``V_P = I R_P``; ``V_AP`` solves ``V = I R_P (1 + TMR(V))`` (unique, as
    ``V / R_AP(V)`` grows with ``V``). The signal grows with the read current,
    peaks, and falls as the bias eats the TMR (:func:`tmr`); the current also
    costs read disturb (:func:`read_disturb`).

    Parameters
    ----------
    read_current : float or array_like
        In A (>= 0).
    diameter : float or array_like
        In m (> 0), broadcast with ``read_current``.
    stack : materials.Stack, optional

    Examples
    --------
    >>> [round(float(v) * 1e3, 1) for v in sense_margin([5e-6, 10e-6], 50e-9)]  # mV
    [15.2, 30.2]
    """
    s = _stack(stack)
    I = np.asarray(read_current, dtype=float)
    if not np.all(np.isfinite(I)) or np.any(I < 0.0):
        raise ValueError(f"read_current must be finite and >= 0, got {read_current!r}")
    I, R_P = np.broadcast_arrays(I, resistance(diameter, s))
    V_P = I * R_P
    V_AP = _bisect(lambda V: V - V_P * (1.0 + tmr(V, s.TMR0, s.V_half)), np.zeros(I.shape), V_P * (1.0 + s.TMR0))
    return V_AP - V_P
