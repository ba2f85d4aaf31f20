"""Finding the parts of a figure that a test checks (used by the tests/test_plotting_*.py files)."""

import numpy as np
from matplotlib.figure import Figure


def labelled_line(ax, label_start):
    """The one line of ``ax`` whose label starts with ``label_start``."""
    found = [line for line in ax.get_lines() if line.get_label().startswith(label_start)]
    assert len(found) == 1, [line.get_label() for line in ax.get_lines()]
    return found[0]


def artist_by_gid(where, gid):
    """The first text, line, patch or collection with this ``gid`` in a Figure (its Axes in order, then its
    own texts) or in one Axes; None if there is none."""
    axes = where.axes if isinstance(where, Figure) else [where]
    found = [a for ax in axes for a in [*ax.texts, *ax.get_lines(), *ax.patches, *ax.collections]
             if a.get_gid() == gid]
    if isinstance(where, Figure):
        found += [t for t in where.texts if t.get_gid() == gid]
    return found[0] if found else None


def errorbar_by_gid(ax, gid):
    """(x, y, lower error, upper error) of the errorbar container whose data line has ``gid``."""
    for container in ax.containers:
        if getattr(container, "lines", None) and container.lines[0].get_gid() == gid:
            x, y = container.lines[0].get_data()
            segments = container.lines[2][0].get_segments()
            low = np.array([s[:, 1].min() for s in segments])
            high = np.array([s[:, 1].max() for s in segments])
            return np.asarray(x), np.asarray(y), np.asarray(y) - low, high - np.asarray(y)
    raise AssertionError(f"no errorbar container {gid!r}")
