"""Chapter 4 explorer: spin-dependent reflection and the spin-mixing conductance of an N/F interface.

Sliders over :func:`sttlab.plotting.quantum.mixing_conductance_figure`, built
with :mod:`sttlab.explorers.common`: they start at the figure function's
defaults (a Cu-like N on a Co-like F), so the first frame is the book's static
figure, and every change redraws it. The conductances are computed with the
default quadrature of :mod:`sttlab.scattering` (64 nodes per piece of the Fermi
disc, converged to rounding): a few milliseconds of a redraw that drawing
dominates, so no accuracy is traded for speed.

Examples
--------
>>> box = mixing_conductance_explorer()
>>> [w.description for row in box.children[:-1] for w in row.children]
['Δxc (eV)', 'barrier Z', 'E_F of N (eV)', 'F offset V_F (eV)']
>>> list(box.children[-1].outputs[0]["data"])  # the first frame, before any slider moved
['image/png', 'text/plain']
"""

from __future__ import annotations

from ..plotting import quantum as figures
from ..plotting.common import figure_defaults
from .common import assemble, slider


def mixing_conductance_explorer():
    """Spin-mixing conductance: sliders for the exchange splitting, the barrier, and the band energies.

    Redraws :func:`sttlab.plotting.quantum.mixing_conductance_figure`: the
    reflection amplitudes and phases of each spin channel against
    ``k_par / k_F``, each channel's share of ``g_updown``, and the table of
    ``Re g / g_Sh``, ``Im g / g_Sh``, the torque ratio ``xi`` and the spin
    conductances. Ranges: ``Delta_xc`` from 0 to 16 eV (past the point where the
    default minority band empties, at 14 eV), ``Z`` from 0 to 5 (transparent to
    tunnel-like), ``E_F`` of N from 1 to 12 eV, and the spin-averaged band
    offset ``V_F`` of F from -6 to 10 eV (up to an F whose bands are both empty
    at ``E_F``: a ferromagnetic insulator).

    Returns
    -------
    ipywidgets.VBox
        ``children[0]`` and ``children[1]`` hold the sliders, ``children[-1]`` the Output.

    Examples
    --------
    >>> box = mixing_conductance_explorer()
    >>> before = box.children[-1].outputs[0]["data"]["image/png"]
    >>> box.children[0].children[1].value = 5.0  # the strongest barrier
    >>> box.children[-1].outputs[0]["data"]["image/png"] != before
    True
    """
    d = figure_defaults(figures.mixing_conductance_figure)
    eV = figures.EV
    controls = {
        "Delta_xc": slider("Δxc (eV)", d["Delta_xc"] / eV, 0.0, 16.0, 0.05, ".2f"),
        "Z": slider("barrier Z", d["Z"], 0.0, 5.0, 0.01, ".2f"),
        "E_F": slider("E_F of N (eV)", d["E_F"] / eV, 1.0, 12.0, 0.05, ".2f"),
        "V_F": slider("F offset V_F (eV)", d["V_F"] / eV, -6.0, 10.0, 0.05, ".2f"),
    }

    def draw(Delta_xc, Z, E_F, V_F):
        return figures.mixing_conductance_figure(Delta_xc=Delta_xc * eV, E_F=E_F * eV, V_F=V_F * eV, Z=Z)

    return assemble(controls, draw, [("Delta_xc", "Z"), ("E_F", "V_F")])
