"""Shared pieces of every figure: palette, house style, the unit sphere, trajectories.

The palette is Okabe and Ito's eight colours (*Color Universal Design*, 2008),
distinguishable under the common forms of colour-vision deficiency; the three
components of ``m`` always use the same three of them.

Figures are made with :func:`new_figure`, which returns a
:class:`matplotlib.figure.Figure` that :mod:`matplotlib.pyplot` does not know
about: it needs no ``plt.close``, it is freed when the last reference goes, and
it renders itself as PNG in Jupyter (``_repr_png_``) whatever the backend.

Examples
--------
>>> import numpy as np
>>> fig = new_figure((4.0, 4.0))
>>> ax = fig.add_subplot(projection="3d")
>>> draw_unit_sphere(ax)
>>> t = np.linspace(0.0, 2.0 * np.pi, 50)
>>> m = np.column_stack([0.6 * np.cos(t), 0.6 * np.sin(t), np.full_like(t, 0.8)])
>>> line = draw_trajectory(ax, m, label="m(t)")
>>> line.get_label()
'm(t)'
>>> png_bytes(fig)[:4]
b'\\x89PNG'
"""

from __future__ import annotations

import inspect
import io

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from mpl_toolkits.mplot3d.art3d import Line3DCollection

#: Okabe-Ito colour-blind-safe palette (name -> hex).
PALETTE = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}

#: Colours of m_x, m_y, m_z in every figure of the book.
COMPONENT_COLORS = (PALETTE["blue"], PALETTE["orange"], PALETTE["green"])

#: The house style, readable at the width of a book page (figures are ~8.5 in wide).
STYLE = {
    "font.size": 10.5,
    "axes.titlesize": 11,
    "axes.labelsize": 10.5,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=[PALETTE[k] for k in ("blue", "orange", "green", "vermillion",
                                                             "purple", "sky_blue", "black")]),
    "lines.linewidth": 1.5,
    "mathtext.fontset": "dejavusans",
}

#: Resolution of the PNG a figure shows in a notebook or the book (dots per inch).
DISPLAY_DPI = 150


class SttlabFigure(Figure):
    """A Figure that renders itself as PNG in Jupyter without pyplot.

    Examples
    --------
    >>> fig = new_figure((3.0, 2.0))
    >>> isinstance(fig, SttlabFigure), fig._repr_png_()[:4] == png_bytes(fig)[:4]
    (True, True)
    """

    def _repr_png_(self):
        return png_bytes(self)


# Every Agg renderer has its own mathtext parser, whose cache of typeset labels
# therefore dies with each figure; an explorer draws a new figure per slider
# move, with the same labels. One parser shared by the renderers of our figures
# keeps them typeset (a third of the drawing time of a figure otherwise). It is
# the first renderer's own parser, so it is whatever kind Agg uses.
_MATHTEXT = []


class _Canvas(FigureCanvasAgg):
    """The Agg canvas, with the shared mathtext parser."""

    def get_renderer(self, *args, **kwargs):
        renderer = super().get_renderer(*args, **kwargs)
        if not _MATHTEXT:
            _MATHTEXT.append(renderer.mathtext_parser)
        renderer.mathtext_parser = _MATHTEXT[0]
        return renderer


def new_figure(figsize, **kwargs):
    """A figure in the house style, not registered with pyplot.

    Parameters
    ----------
    figsize : tuple of float
        Width and height in inches.
    **kwargs
        Passed to :class:`matplotlib.figure.Figure`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = new_figure((6.0, 3.0))
    >>> fig.get_size_inches().tolist(), fig.canvas.get_renderer() is not None
    ([6.0, 3.0], True)
    """
    fig = SttlabFigure(figsize=figsize, facecolor="white", **kwargs)
    _Canvas(fig)
    return fig


def png_bytes(fig, dpi=DISPLAY_DPI, compress_level=6):
    """Render ``fig`` to PNG and return the bytes (``dpi`` in dots per inch).

    ``compress_level`` is zlib's, 0 to 9: 1 encodes in about half the time of
    the default 6, in files a few per cent larger (what the explorers' frames use).

    Examples
    --------
    >>> png = png_bytes(new_figure((2.0, 1.0)), dpi=100)
    >>> png[1:4], int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # 200 x 100 pixels
    (b'PNG', 200, 100)
    """
    buffer = io.BytesIO()
    # Unhinted glyphs: FreeType's auto-hinter is a sixth of the time an explorer takes to draw a frame, and at
    # 100 dpi and above the text it snaps to the pixel grid looks no different.
    with mpl.rc_context({"text.hinting": "none"}):
        fig.savefig(buffer, format="png", dpi=dpi, facecolor="white", pil_kwargs={"compress_level": compress_level})
    return buffer.getvalue()


def draw_unit_sphere(ax, *, parallels=5, meridians=6, color="0.78", linewidth=0.5, axes="xyz",
                     elev=22.0, azim=-58.0):
    """Draw the unit sphere as a light wireframe, with x, y, z axes, on a 3D Axes.

    The Axes gets an orthographic projection, equal aspect, no panes or ticks:
    only the sphere, its equator (slightly darker) and three labelled axes.

    Parameters
    ----------
    ax : mpl_toolkits.mplot3d.axes3d.Axes3D
    parallels : int, optional
        Number of circles of latitude between the poles (the equator is one when odd).
    meridians : int, optional
        Number of great circles through the poles.
    color : str, optional
        Wireframe colour.
    linewidth : float, optional
        Wireframe line width in points.
    axes : str, optional
        Draw the x, y, z axes through the centre and label those named here
        (``"xyz"``: all; ``"xy"``: leave z unlabelled, e.g. under a field arrow; ``""``: no axes).
    elev, azim : float, optional
        Viewing angles in degrees.

    Examples
    --------
    >>> ax = new_figure((3.0, 3.0)).add_subplot(projection="3d")
    >>> draw_unit_sphere(ax, axes="xy")
    >>> [t.get_text() for t in ax.texts], [float(x) for x in ax.get_xlim()]
    (['$x$', '$y$'], [-1.0, 1.0])
    """
    s = np.linspace(0.0, 2.0 * np.pi, 97)
    segments = []
    for theta in np.linspace(0.0, np.pi, parallels + 2)[1:-1]:
        segments.append(np.column_stack([np.sin(theta) * np.cos(s), np.sin(theta) * np.sin(s),
                                         np.full_like(s, np.cos(theta))]))
    for phi in np.linspace(0.0, np.pi, meridians, endpoint=False):
        segments.append(np.column_stack([np.cos(phi) * np.sin(s), np.sin(phi) * np.sin(s), np.cos(s)]))
    ax.add_collection3d(Line3DCollection(segments, colors=color, linewidths=linewidth))
    equator = np.column_stack([np.cos(s), np.sin(s), np.zeros_like(s)])
    ax.plot(*equator.T, color="0.55", linewidth=0.7)
    if axes:
        length = 1.3
        for k, name in enumerate("xyz"):
            tip = np.zeros(3)
            tip[k] = length
            ax.plot(*np.column_stack([-tip, tip]), color="0.35", linewidth=0.7)
            if name in axes:
                ax.text(*(1.08 * tip), f"${name}$", color="0.2", ha="center", va="center")
    ax.set_proj_type("ortho")
    ax.set_xlim(-1.0, 1.0)
    ax.set_ylim(-1.0, 1.0)
    ax.set_zlim(-1.0, 1.0)
    ax.set_box_aspect((1.0, 1.0, 1.0), zoom=1.25)
    ax.view_init(elev=elev, azim=azim)
    ax.set_axis_off()


def draw_vector(ax, vector, label=None, *, color=PALETTE["vermillion"], linewidth=1.8):
    """Draw an arrow from the origin to ``vector`` (a 3-vector) on a 3D Axes, labelled beside its tip.

    Examples
    --------
    >>> ax = new_figure((3.0, 3.0)).add_subplot(projection="3d")
    >>> draw_vector(ax, (0.0, 0.0, 1.0), "$p$")
    >>> [t.get_text().strip() for t in ax.texts]
    ['$p$']
    """
    vector = np.asarray(vector, dtype=float)
    ax.quiver(0.0, 0.0, 0.0, *vector, color=color, linewidth=linewidth, arrow_length_ratio=0.12)
    if label:
        ax.text(*vector, "   " + label, color=color, ha="left", va="center")


def draw_value_table(ax, rows, *, x, y, dy=0.085, fontsize=9.0, color="0.15"):
    """Draw ``name = value`` rows in axes coordinates, names right-aligned at ``x``, values left-aligned.

    The names are fixed mathtext (parsed once and cached by matplotlib), the
    values plain text: a figure redrawn with new numbers then costs no new
    mathtext parsing, which keeps the explorers fast.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    rows : sequence of (str, str) or (str, str, color)
        Name (may contain ``$...$``; " =" is appended) and value (plain text).
    x, y : float
        Axes coordinates of the column boundary and of the first baseline.
    dy : float, optional
        Row spacing in axes coordinates (rows go down).

    Returns
    -------
    list of matplotlib.text.Text
        The value texts, in row order.

    Examples
    --------
    >>> ax = new_figure((3.0, 2.0)).add_subplot()
    >>> values = draw_value_table(ax, [("$J_{c0}$", "1.6e10 A/m²"), ("$I_{c0}$", "20.1 μA")], x=0.5, y=0.9)
    >>> [t.get_text() for t in values]
    ['1.6e10 A/m²', '20.1 μA']
    """
    values = []
    for i, row in enumerate(rows):
        name, value = row[0], row[1]
        row_color = row[2] if len(row) > 2 else color
        yi = y - i * dy
        ax.text(x, yi, f"{name} =", transform=ax.transAxes, ha="right", va="baseline", fontsize=fontsize,
                color=row_color)
        values.append(ax.text(x + 0.012, yi, value, transform=ax.transAxes, ha="left", va="baseline",
                              fontsize=fontsize, color=row_color))
    return values


def draw_trajectory(ax, m, *, color=PALETTE["blue"], label=None, linewidth=1.1, mark_ends=True):
    """Draw a trajectory ``m`` (shape (n, 3), unit vectors) on a 3D Axes.

    The start is marked by an open circle and the end by a filled one.

    Returns
    -------
    mpl_toolkits.mplot3d.art3d.Line3D
        The trajectory's line.

    Examples
    --------
    >>> ax = new_figure((3.0, 3.0)).add_subplot(projection="3d")
    >>> line = draw_trajectory(ax, [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], label="m(t)")
    >>> line.get_label(), len(ax.get_lines())  # the line, its open start and its filled end
    ('m(t)', 3)
    """
    m = np.asarray(m, dtype=float)
    if m.ndim != 2 or m.shape[1] != 3 or m.shape[0] < 1:
        raise ValueError(f"m must have shape (n, 3) with n >= 1, got {m.shape}")
    (line,) = ax.plot(m[:, 0], m[:, 1], m[:, 2], color=color, linewidth=linewidth, label=label)
    if mark_ends:
        ax.plot(*m[0], marker="o", markersize=6, markerfacecolor="white", markeredgecolor=color,
                markeredgewidth=1.3, linestyle="none")
        ax.plot(*m[-1], marker="o", markersize=6, color=color, linestyle="none")
    return line


def sparse_log_minor_ticks(axis):
    """Minor ticks at 2 and 5 times each power of ten on a logarithmic ``axis`` (``ax.xaxis`` or ``ax.yaxis``).

    Matplotlib's default puts eight in every decade, and each tick is a set of
    artists that costs about a millisecond to draw: on a figure that an
    explorer redraws at every move of a slider, that is tens of milliseconds.

    Examples
    --------
    >>> ax = new_figure((4.0, 3.0)).add_subplot()
    >>> ax.set_xscale("log")
    >>> ax.set_xlim(1.0, 100.0)
    (1.0, 100.0)
    >>> sparse_log_minor_ticks(ax.xaxis)
    >>> [float(x) for x in ax.xaxis.get_minorticklocs() if 1.0 < x < 100.0]
    [2.0, 5.0, 20.0, 50.0]
    """
    axis.set_minor_locator(mpl.ticker.LogLocator(subs=(2.0, 5.0)))


def figure_defaults(function):
    """The default arguments of a figure function, by name.

    They are the state the book's static figure shows and the explorer's
    sliders start from, so both read them here.

    Examples
    --------
    >>> from sttlab.plotting.llg import precession_figure
    >>> figure_defaults(precession_figure)
    {'field_T': 0.1, 'alpha': 0.05, 'theta0_deg': 60.0, 'duration': None, 'steps_per_period': 100}
    """
    return {name: p.default for name, p in inspect.signature(function).parameters.items()
            if p.default is not inspect.Parameter.empty}


def minus_signs(text):
    """``text`` with hyphens as typographic minus signs (U+2212), for numbers printed in figures.

    Examples
    --------
    >>> minus_signs("-1.5e-3")
    '−1.5e−3'
    """
    return text.replace("-", "\N{MINUS SIGN}")
