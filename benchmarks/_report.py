"""What every benchmark script shares: timing, the machine's description, and its README section.

Imported by the scripts in this folder (``make bench`` runs only the files
whose names do not start with an underscore).
"""

import datetime
import os
import platform
import time
from pathlib import Path

import numba
import numpy as np
import scipy

import sttlab

README = Path(__file__).resolve().parent / "README.md"


def timed(run, repeats, warmup=1):
    """Wall times of ``repeats`` calls of ``run()`` after ``warmup`` untimed ones.

    Returns
    -------
    times : list of float
        Seconds per call.
    result
        What the last call returned.
    """
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return times, result


def machine():
    """CPU model and logical core count from /proc/cpuinfo."""
    lines = Path("/proc/cpuinfo").read_text().splitlines()
    models = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return f"{models[0] if models else platform.processor()}, {len(models) or os.cpu_count()} logical cores"


def fmt_time(seconds):
    """Seconds as a short string in s or ms."""
    return f"{seconds:.3g} s" if seconds >= 1.0 else f"{seconds * 1e3:.3g} ms"


def verdict(met):
    """'met' or 'NOT met'."""
    return "met" if met else "NOT met"


def provenance(threads, command):
    """The Markdown bullet lines: machine and thread settings, date, versions, command."""
    return [
        f"- Machine: {machine()}; threads: {threads}.",
        f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.",
        f"- Python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"numba {numba.__version__}, sttlab {sttlab.__version__}.",
        f"- Command: `{command}` (or `make bench`).",
    ]


def write_section(name, section):
    """Replace the text between the ``<!-- name:start/end -->`` markers of README.md (append them if absent)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = README.read_text() if README.exists() else ""
    block = f"{start}\n{section}\n{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + block + "\n"
    README.write_text(text)
