"""Interactive explorers (ipywidgets): sliders over the figure functions of :mod:`sttlab.plotting`.

Each explorer is a thin layer: its sliders start at the figure function's
defaults (so the static figure in the book is the explorer's first frame) and
every move re-calls that function. Run them in a live Jupyter kernel.
"""

from .llg import energy_explorer, precession_explorer
from .transport import polarization_explorer, spin_accumulation_explorer

__all__ = ["energy_explorer", "polarization_explorer", "precession_explorer", "spin_accumulation_explorer"]
