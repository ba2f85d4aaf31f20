"""Chapter 4 figures: spin-dependent reflection, the spin-mixing conductance, and dephasing in F.

Each figure function takes SI arguments (energies in J), validates them (a bad
value raises :class:`ValueError` naming the parameter) and returns a
:class:`matplotlib.figure.Figure`. The interface is the free-electron (Stoner)
N/F interface of :mod:`sttlab.scattering`: a normal metal of Fermi energy
``E_F`` on a ferromagnet whose spin bands have their bottoms at
``V_F -+ Delta_xc / 2``, with a delta barrier of BTK strength ``Z`` between
them. All the physics is :mod:`sttlab.scattering`; these functions draw it.
The explorer in :mod:`sttlab.explorers.quantum` calls
:func:`mixing_conductance_figure`, and the defaults are its start values: a
Cu-like N (``E_F`` = 7 eV) on a Co-like F (``Delta_xc`` = 2 eV), no barrier.

Examples
--------
>>> fig = mixing_conductance_figure()
>>> [t.get_text() for t in fig.axes[2].texts if t.get_gid() in ("Re_g", "Im_g")]
['0.9987', '0.0339']
>>> fig = transverse_spin_figure(depth=2e-9)
>>> fig.axes[0].get_xlabel()
'depth $x$ into the ferromagnet (nm)'
"""

from __future__ import annotations

import math

import matplotlib as mpl
import numpy as np
from matplotlib.ticker import MaxNLocator

from .. import _validate as check
from ..constants import e as _eV
from ..scattering import (Interface, _depth_quadrature, channel_spin_current, mixing_conductance,
                          reflection_amplitudes, sharvin_conductance, spin_conductances, torque_ratio,
                          transverse_spin_current)
from .common import PALETTE, STYLE, draw_value_table, minus_signs, new_figure

#: Joules per electronvolt; the figures take energies in J, the defaults are round numbers of eV.
EV = _eV

#: Largest energy (J) a figure accepts for ``E_F``, ``Delta_xc`` and ``|V_F|``, 50 eV.
MAX_ENERGY = 50.0 * EV

#: Largest barrier strength ``Z`` a figure accepts (an opaque barrier; g ~ 1/Z^2 is 1e-4 of Sharvin).
MAX_Z = 100.0

#: Largest depth (m) of :func:`transverse_spin_figure`.
MAX_DEPTH = 20e-9

_UP, _DOWN = PALETTE["blue"], PALETTE["vermillion"]
_RE, _IM = PALETTE["black"], PALETTE["green"]


def _interface(E_F, Delta_xc, V_F, Z):
    """Validate the figure arguments and build the Stoner interface (``E_F`` etc. in J)."""
    E_F = check.in_range("E_F", E_F, 0.0, MAX_ENERGY, low_open=True)
    Delta_xc = check.in_range("Delta_xc", Delta_xc, 0.0, MAX_ENERGY)
    V_F = check.in_range("V_F", V_F, -MAX_ENERGY, MAX_ENERGY)
    Z = check.in_range("Z", Z, 0.0, MAX_Z)
    bands = Interface.from_energies(E_F, Delta_xc, V_F=V_F)
    return Interface(bands.k_F, bands.k_up, bands.k_down, Z)


def _torque_ratio_or_none(interface):
    """:func:`sttlab.scattering.torque_ratio`, or None where ``Re g`` vanishes and it is undefined."""
    try:
        return torque_ratio(interface)
    except ValueError:
        return None


def _phase_over_pi(r):
    """``arg r / pi`` made continuous along the curve, starting in (-1, 1]; NaN where ``r`` = 0."""
    phase = np.angle(r)
    phase = np.where(phase == -math.pi, math.pi, phase)  # the principal value lies in (-pi, pi]
    phase = np.unwrap(phase)  # keeps the first value
    return np.where(np.abs(r) < 1e-12, np.nan, phase / math.pi)


def _band_edges(ax, interface):
    """Dotted lines where a band of F turns evanescent (``k_par = k_sigma`` inside the disc)."""
    for k_s, color, name in ((interface.k_up, _UP, "up"), (interface.k_down, _DOWN, "down")):
        if 0.0 < k_s < interface.k_F:
            ax.axvline(k_s / interface.k_F, color=color, linewidth=0.8, linestyle=":", gid=f"edge-{name}")


def mixing_conductance_figure(Delta_xc=2.0 * EV, *, E_F=7.0 * EV, V_F=0.0, Z=0.0):
    """Spin-dependent reflection channel by channel, and the spin-mixing conductance it adds up to.

    Left: ``|r_up|`` and ``|r_down|`` of :func:`sttlab.scattering.reflection_amplitudes`
    against ``k_par / k_F``. Middle: their phases ``arg r / pi`` (continuous
    along each curve; not drawn where ``r = 0``). Right: each channel's share of
    ``g_updown``, ``2 (k_par/k_F) [1 - r_up r_down^*]`` (real and imaginary
    parts), whose area is ``g_updown / g_Sh`` because a ring of the Fermi disc
    holds ``2 k_par dk_par / k_F^2`` of its channels. Dotted lines mark where a
    band of F turns evanescent. The table gives
    :func:`~sttlab.scattering.mixing_conductance`,
    :func:`~sttlab.scattering.spin_conductances` (over
    :func:`~sttlab.scattering.sharvin_conductance`) and
    :func:`~sttlab.scattering.torque_ratio` ("undefined" where ``Re g = 0``).

    Parameters
    ----------
    Delta_xc : float, optional
        Exchange splitting of F in J, in [0, 50 eV]. Default 2 eV (Co-like).
    E_F : float, optional
        Fermi energy of N from its band bottom in J, in (0, 50 eV]. Default 7 eV (Cu).
    V_F : float, optional
        Spin-averaged band-bottom offset of F relative to N in J, in [-50, 50] eV. Default 0.
    Z : float, optional
        BTK strength of the interface delta barrier, in [0, 100]. Default 0.

    Returns
    -------
    matplotlib.figure.Figure
        Three Axes: ``|r|``, ``arg r / pi`` and the channel shares, against ``k_par / k_F``.

    Examples
    --------
    A barrier of strength ``Z = 1`` cuts the mixing conductance to a third of Sharvin's:

    >>> fig = mixing_conductance_figure(Z=1.0)
    >>> [t.get_text() for t in fig.axes[2].texts if t.get_gid() in ("Re_g", "Im_g")]
    ['0.3013', '0.0168']
    """
    itf = _interface(E_F, Delta_xc, V_F, Z)
    g_sh = sharvin_conductance(itf.k_F)
    g = mixing_conductance(itf) / g_sh
    g_up, g_down = (x / g_sh for x in spin_conductances(itf))
    xi = _torque_ratio_or_none(itf)
    u = np.linspace(0.0, 1.0, 401)
    r_up, r_down = reflection_amplitudes(itf, u * itf.k_F)
    share = 2.0 * u * (1.0 - r_up * np.conj(r_down))

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.5))
        bottom, height, width = 0.15, 0.7, 0.185
        ax = fig.add_axes((0.06, bottom, width, height))
        ax.plot(u, np.abs(r_up), color=_UP, label="majority ↑")
        ax.plot(u, np.abs(r_down), color=_DOWN, label="minority ↓")
        _band_edges(ax, itf)
        ax.set_xlim(0.0, 1.0)
        ax.set_ylim(-0.02, 1.05)
        ax.set_yticks([0.0, 0.5, 1.0])
        ax.set_xticks([0.0, 0.5, 1.0])
        ax.set_xlabel("$k_\\parallel / k_F$")
        ax.set_ylabel("$|r_\\sigma|$")
        ax.set_title("reflection amplitude", fontsize=10, y=1.01)
        ax.legend(loc="best", fontsize=8.5, handlelength=1.4)

        ax2 = fig.add_axes((0.325, bottom, width, height))
        ph_up, ph_down = _phase_over_pi(r_up), _phase_over_pi(r_down)
        ax2.plot(u, ph_up, color=_UP)
        ax2.plot(u, ph_down, color=_DOWN)
        _band_edges(ax2, itf)
        finite = np.concatenate([ph_up[np.isfinite(ph_up)], ph_down[np.isfinite(ph_down)]])
        low = min(-1.0, math.floor(2.0 * finite.min()) / 2.0) if finite.size else -1.0
        high = max(1.0, math.ceil(2.0 * finite.max()) / 2.0) if finite.size else 1.0
        ax2.set_ylim(low - 0.08, high + 0.08)
        ax2.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
        ax2.set_xticks([0.0, 0.5, 1.0])
        ax2.axhline(0.0, color="0.85", linewidth=0.6, zorder=0)
        ax2.set_xlim(0.0, 1.0)
        ax2.set_xlabel("$k_\\parallel / k_F$")
        ax2.set_ylabel("$\\arg r_\\sigma\\;/\\;\\pi$")
        ax2.set_title("phase on reflection", fontsize=10, y=1.01)
        if not finite.size:
            ax2.text(0.5, 0.5, "no reflection", transform=ax2.transAxes, ha="center", va="center", color="0.4")

        ax3 = fig.add_axes((0.59, bottom, width, height))
        ax3.fill_between(u, 0.0, share.real, color=_RE, alpha=0.1, linewidth=0)
        ax3.plot(u, share.real, color=_RE, label="Re")
        ax3.plot(u, share.imag, color=_IM, label="Im")
        _band_edges(ax3, itf)
        ax3.axhline(0.0, color="0.85", linewidth=0.6, zorder=0)
        ax3.set_xlim(0.0, 1.0)
        ax3.set_ylim(min(-0.1, 1.1 * share.imag.min()), max(2.3, 1.1 * share.real.max()))
        ax3.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
        ax3.set_xticks([0.0, 0.5, 1.0])
        ax3.set_xlabel("$k_\\parallel / k_F$")
        ax3.set_ylabel("$2\\,(k_\\parallel/k_F)\\,[1 - r_\\uparrow r_\\downarrow^{*}]$")
        ax3.set_title("share of $g_{\\uparrow\\downarrow}$ by channel", fontsize=10, y=1.01)
        ax3.legend(loc="upper left", fontsize=8.5, handlelength=1.4)

        # the table in ax3's coordinates (an Axes of its own would cost a tenth of the redraw)
        values = draw_value_table(ax3, [
            ("Re $g/g_{\\rm Sh}$", minus_signs(f"{g.real:.4f}"), _RE),
            ("Im $g/g_{\\rm Sh}$", minus_signs(f"{g.imag:.4f}"), _IM),
            ("$\\xi$", "undefined" if xi is None else minus_signs(f"{xi:.4g}")),
            ("$g_\\uparrow/g_{\\rm Sh}$", f"{g_up:.4f}", _UP),
            ("$g_\\downarrow/g_{\\rm Sh}$", f"{g_down:.4f}", _DOWN),
            ("$k_\\uparrow/k_F$", minus_signs(f"{itf.k_up / itf.k_F:.3f}")),
            ("$k_\\downarrow/k_F$", minus_signs(f"{itf.k_down / itf.k_F:.3f}")),
            ("$Z$", f"{itf.Z:.3g}"),
        ], x=1.78, y=1.0, dy=0.1, fontsize=9)
        for text, gid in zip(values, ("Re_g", "Im_g", "xi", "g_up", "g_down", "k_up", "k_down", "Z")):
            text.set_gid(gid)
        ax3.text(1.26, 0.0, "$g = g_{\\uparrow\\downarrow}$, $\\xi$ = Im $g$ / Re $g$\nshaded area = Re $g/g_{\\rm Sh}$\n"
                 "$k_\\sigma < 0$: band empty at $E_F$", transform=ax3.transAxes, ha="left", va="bottom",
                 fontsize=7.5, color="0.35", linespacing=1.5)
    return fig


def _sweep(interfaces, g_sh):
    """``(Re g, Im g, g_up, g_down, xi)`` over Sharvin for each interface (xi NaN where undefined)."""
    rows = []
    for itf in interfaces:
        g = mixing_conductance(itf) / g_sh
        g_up, g_down = spin_conductances(itf)
        xi = _torque_ratio_or_none(itf)
        rows.append((g.real, g.imag, g_up / g_sh, g_down / g_sh, math.nan if xi is None else xi))
    return np.array(rows).T


def conductance_sweep_figure(Delta_xc=2.0 * EV, *, E_F=7.0 * EV, V_F=0.0, Z=0.0):
    """The spin-mixing conductance against the exchange splitting and against the barrier strength.

    Top row: ``Re g_updown``, ``g_up`` and ``g_down`` over the Sharvin
    conductance (:func:`sttlab.scattering.mixing_conductance`,
    :func:`~sttlab.scattering.spin_conductances`,
    :func:`~sttlab.scattering.sharvin_conductance`); bottom row: ``Im g_updown``
    over Sharvin and the torque ratio ``xi = Im g / Re g``
    (:func:`~sttlab.scattering.torque_ratio`). Left column: against
    ``Delta_xc`` from 0 to ``max(1.5 Delta_xc, 2.5 (E_F - V_F), 2 eV)`` at this
    ``Z``; the shaded range has no minority Fermi surface
    (``V_F + Delta_xc / 2 > E_F``). Right column: against ``Z`` from 0 to
    ``max(3, 1.5 Z)`` at this ``Delta_xc``. The given point is marked in every panel.

    Parameters
    ----------
    Delta_xc : float, optional
        Exchange splitting of F in J, in [0, 50 eV]. Default 2 eV (Co-like).
    E_F : float, optional
        Fermi energy of N from its band bottom in J, in (0, 50 eV]. Default 7 eV (Cu).
    V_F : float, optional
        Spin-averaged band-bottom offset of F relative to N in J, in [-50, 50] eV. Default 0.
    Z : float, optional
        BTK strength of the interface delta barrier, in [0, 100]. Default 0.

    Returns
    -------
    matplotlib.figure.Figure
        Four Axes: (Re g, g_sigma) and (Im g, xi) against ``Delta_xc`` (eV), then the same against ``Z``.

    Examples
    --------
    >>> fig = conductance_sweep_figure()
    >>> len(fig.axes), fig.axes[3].get_xlabel()
    (4, 'barrier strength $Z$')
    """
    here = _interface(E_F, Delta_xc, V_F, Z)
    g_sh = sharvin_conductance(here.k_F)
    Delta_xc, E_F, V_F = float(Delta_xc), float(E_F), float(V_F)
    D_max = max(1.5 * Delta_xc, 2.5 * (E_F - V_F), 2.0 * EV)
    Z_max = max(3.0, 1.5 * here.Z)
    D_grid = np.linspace(0.0, D_max, 121)
    Z_grid = np.linspace(0.0, Z_max, 121)
    by_D = _sweep((_interface(E_F, D, V_F, here.Z) for D in D_grid), g_sh)
    by_Z = _sweep((Interface(here.k_F, here.k_up, here.k_down, z) for z in Z_grid), g_sh)
    at = _sweep([here], g_sh)[:, 0]
    D_empty = 2.0 * (E_F - V_F)  # the minority band bottom V_F + Delta/2 reaches E_F

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 5.4))
        left, width, gap = 0.085, 0.36, 0.13
        axes = {}
        for col, (grid, data, scale, xlabel, name) in enumerate((
                (D_grid, by_D, 1.0 / EV, "exchange splitting $\\Delta_{\\rm xc}$ (eV)", "Delta"),
                (Z_grid, by_Z, 1.0, "barrier strength $Z$", "Z"))):
            x0 = left + col * (width + gap)
            top = fig.add_axes((x0, 0.56, width, 0.36))
            bottom = fig.add_axes((x0, 0.1, width, 0.36), sharex=top)
            axes[name] = (top, bottom)
            xs = grid * scale
            re, im, g_up, g_down, xi = data
            top.plot(xs, re, color=_RE, linewidth=1.8, label="Re $g_{\\uparrow\\downarrow}$")
            top.plot(xs, g_up, color=_UP, linestyle=(0, (4, 2)), label="$g_\\uparrow$")
            top.plot(xs, g_down, color=_DOWN, linestyle=(0, (4, 2)), label="$g_\\downarrow$")
            bottom.plot(xs, im, color=_IM, linewidth=1.8, label="Im $g_{\\uparrow\\downarrow}/g_{\\rm Sh}$")
            bottom.plot(xs, xi, color=PALETTE["purple"], linestyle=(0, (1.5, 1.5)),
                        label="$\\xi$ = Im $g$ / Re $g$")
            x_here = (Delta_xc if name == "Delta" else here.Z) * scale
            top.plot([x_here], [at[0]], marker="o", color=PALETTE["orange"], zorder=5, gid=f"here-{name}")
            bottom.plot([x_here], [at[1]], marker="o", color=PALETTE["orange"], zorder=5)
            for ax in (top, bottom):
                ax.axvline(x_here, color=PALETTE["orange"], linewidth=0.8, linestyle=":")
                ax.axhline(0.0, color="0.85", linewidth=0.6, zorder=0)
                ax.set_xlim(xs[0], xs[-1])
            top.set_ylim(-0.03, max(1.1, 1.05 * np.nanmax(re)))
            top.tick_params(labelbottom=False)
            top.set_ylabel("conductance / $g_{\\rm Sh}$")
            bottom.set_ylabel("field-like part")
            bottom.set_xlabel(xlabel)
            finite = np.concatenate([im, xi[np.isfinite(xi)]])
            span = max(0.05, float(np.max(np.abs(finite))))
            bottom.set_ylim(min(-0.1 * span, 1.1 * finite.min()), max(0.1 * span, 1.1 * finite.max()))
            if name == "Delta" and 0.0 <= D_empty < D_max:
                for ax in (top, bottom):
                    ax.axvspan(max(D_empty, 0.0) / EV, D_max / EV, color="0.93", zorder=0, gid="no-minority")
                top.text(0.5 * (max(D_empty, 0.0) + D_max) / EV, 0.45, "no minority Fermi surface", rotation=90,
                         ha="center", va="center", fontsize=8, color="0.4")
        axes["Delta"][0].legend(loc="lower left", fontsize=8.5, handlelength=1.8)
        axes["Delta"][1].legend(loc="upper left", fontsize=8.5, handlelength=1.8)
        fixed = f"$E_F$ = {E_F / EV:.3g} eV, $V_F$ = {minus_signs(f'{V_F / EV:.3g}')} eV"
        axes["Delta"][0].set_title(f"against $\\Delta_{{\\rm xc}}$ at $Z$ = {here.Z:.3g}; {fixed}", fontsize=9.5)
        axes["Z"][0].set_title(f"against $Z$ at $\\Delta_{{\\rm xc}}$ = {Delta_xc / EV:.3g} eV; {fixed}",
                               fontsize=9.5)
    return fig


def transverse_spin_figure(Delta_xc=2.0 * EV, *, E_F=7.0 * EV, V_F=0.0, Z=0.0, depth=5e-9):
    """The transverse spin current inside F: each channel precesses, their sum dephases.

    Left: the transverse spin current still flowing at depth ``x``, summed over
    the Fermi surface, ``G(x) / g_Sh``, in two components: along ``m x (p x m)``
    (the damping-like direction, ``Re G``) and along ``p x m`` (field-like,
    ``Im G``); ``G(0) = g_updown``. Thin grey: the real part for the single
    channel at normal incidence, which precesses without decaying; the dotted
    line marks its precession length ``2 pi / (k_up - k_down)`` when both bands
    have a Fermi surface. Right: ``|G(x)| / g_Sh`` on logarithmic axes, with a
    ``1/x`` guide through the last point. ``G`` is computed from the
    amplitudes by :func:`sttlab.scattering.transverse_spin_current`, with
    enough quadrature nodes to resolve its phases at the largest depth.

    Parameters
    ----------
    Delta_xc : float, optional
        Exchange splitting of F in J, in [0, 50 eV]. Default 2 eV (Co-like).
    E_F : float, optional
        Fermi energy of N from its band bottom in J, in (0, 50 eV]. Default 7 eV (Cu).
    V_F : float, optional
        Spin-averaged band-bottom offset of F relative to N in J, in [-50, 50] eV. Default 0.
    Z : float, optional
        BTK strength of the interface delta barrier, in [0, 100]. Default 0.
    depth : float, optional
        Largest depth shown, in m, in (0, 20 nm]. Default 5 nm.

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: ``G(x) / g_Sh`` against ``x`` (nm), and ``|G(x)| / g_Sh`` on log-log axes.

    Examples
    --------
    >>> fig = transverse_spin_figure(depth=2e-9)
    >>> [t.get_text() for t in fig.axes[1].texts if t.get_gid() == "left"]
    ['0.396 left at 2 nm']
    """
    itf = _interface(E_F, Delta_xc, V_F, Z)
    depth = check.in_range("depth", depth, 0.0, MAX_DEPTH, low_open=True)
    g_sh = sharvin_conductance(itf.k_F)
    n_quad = _depth_quadrature(itf, depth)
    x = np.linspace(0.0, depth, 401)
    G = transverse_spin_current(itf, x, n_quad) / g_sh
    x_log = np.geomspace(depth * 1e-3, depth, 200)
    G_log = np.abs(transverse_spin_current(itf, x_log, n_quad)) / g_sh
    # the channel at normal incidence: k = k_F, q_sigma = k_sigma (i |k_sigma| for an empty band)
    amplitude, wavenumber = channel_spin_current(itf.k_F, np.sqrt(itf.k2_up + 0j), np.sqrt(itf.k2_down + 0j),
                                                  *reflection_amplitudes(itf, 0.0))
    normal = amplitude * np.exp(1j * wavenumber * x)
    both_bands = itf.k_up > 0.0 and itf.k_down > 0.0 and itf.k_up != itf.k_down
    nm = 1e9

    with mpl.rc_context(STYLE):
        fig = new_figure((8.6, 3.6))
        ax = fig.add_axes((0.08, 0.15, 0.5, 0.66))
        ax.plot(x * nm, normal.real, color="0.6", linewidth=0.9, label="one channel, $k_\\parallel = 0$")
        ax.plot(x * nm, G.real, color=_RE, linewidth=1.8,
                label="sum, along $\\mathbf{m}\\times(\\mathbf{p}\\times\\mathbf{m})$")
        ax.plot(x * nm, G.imag, color=_IM, linewidth=1.8, label="sum, along $\\mathbf{p}\\times\\mathbf{m}$")
        ax.axhline(0.0, color="0.85", linewidth=0.6, zorder=0)
        if both_bands:
            length = 2.0 * math.pi / abs(itf.k_up - itf.k_down)
            if length <= depth:
                ax.axvline(length * nm, color=PALETTE["orange"], linewidth=0.9, linestyle=":", gid="precession")
                ax.text(length * nm, 0.98, " $2\\pi/(k_\\uparrow - k_\\downarrow)$", transform=ax.get_xaxis_transform(),
                        ha="left", va="top", fontsize=8.5, color=PALETTE["orange"])
        ax.set_xlim(0.0, depth * nm)
        lim = max(1.05, 1.05 * float(np.max(np.abs(normal))))
        ax.set_ylim(-lim, lim)
        ax.set_xlabel("depth $x$ into the ferromagnet (nm)")
        ax.set_ylabel("transverse spin current $G/g_{\\rm Sh}$")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=8.5, handlelength=1.6,
                  columnspacing=1.0)

        ax2 = fig.add_axes((0.68, 0.15, 0.3, 0.66))
        ax2.loglog(x_log * nm, G_log, color=_RE, linewidth=1.8, label="$|G(x)|\\,/\\,g_{\\rm Sh}$")
        if G_log[-1] > 0.0:
            ax2.loglog(x_log * nm, G_log[-1] * depth / x_log, color="0.55", linestyle=(0, (4, 3)), linewidth=1.0,
                       label="$\\propto 1/x$")
        ax2.set_xlim(x_log[0] * nm, depth * nm)
        positive = G_log[G_log > 0.0]
        low = max(float(positive.min()) / 3.0 if positive.size else 1e-3, 1e-6 * max(G_log[0], 1e-300))
        ax2.set_ylim(low, max(2.0, 1.5 * float(G_log.max())))
        ax2.set_xlabel("depth $x$ (nm)")
        ax2.legend(loc="lower left", fontsize=8.5)
        ax2.text(0.04, 0.3, f"{G_log[-1]:.3g} left at {depth * nm:.3g} nm", transform=ax2.transAxes,
                 ha="left", va="bottom", fontsize=8.5, color="0.25", gid="left")
    return fig
