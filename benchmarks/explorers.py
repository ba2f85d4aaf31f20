"""Explorer latency: how long each explorer of the book takes to answer a move of one of its controls.

What is measured, and why:

Every function named ``*_explorer`` in the modules of :mod:`sttlab.explorers`
is found by walking the package, so the explorers of new chapters are measured
without editing this script. Each one runs in a fresh Python process (so that
nothing another explorer computed or cached helps it), in four steps:

1. It is built once to warm up and thrown away, so that numba's compiled
   kernels are loaded; what any explorer computes on its first use is
   still measured in step 2, because
2. its caches are emptied (everything with a ``cache_clear`` in the
   modules of :mod:`sttlab.plotting` and :mod:`sttlab.explorers`) and it is built again: the **first frame**, with
   whatever it precomputes on first use.
3. Each control in turn is moved to ``MOVES`` positions spread over its range
   on the grid a reader's drag can reach (a slider's steps, every option of a
   choice when there are few), then back to its start. A move is
   ``control.value = v``, which returns after the explorer's observer has
   computed the figure for the new values and rendered it to the PNG frame that
   the page shows; each move is timed with ``time.perf_counter``. A move to a
   value already visited counts too: it is a reader's move like any other,
   and an explorer that remembers it answers it faster.
4. The **update time** of the explorer is the median and the maximum over all
   its moves; the slowest control is named with its own median.

The target, from the book's design: every explorer's median update under
150 ms, the point below which a slider feels live. Numba runs on two threads
(a reader's kernel uses every core; two is the size of the project's
machines), OpenMP and BLAS on one. The script prints a Markdown table and
writes it between the ``<!-- explorers:start -->`` and ``<!-- explorers:end -->``
markers of ``benchmarks/README.md``.

Run it as ``.venv/bin/python benchmarks/explorers.py`` (or ``make bench``).
"""

import os

THREADS = min(2, os.cpu_count() or 1)
os.environ["NUMBA_NUM_THREADS"] = str(THREADS)
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402
import gc  # noqa: E402
import importlib  # noqa: E402
import inspect  # noqa: E402
import json  # noqa: E402
import pkgutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import sttlab.explorers  # noqa: E402
import sttlab.plotting  # noqa: E402
from _report import fmt_time, provenance, verdict, write_section  # noqa: E402

HERE = Path(__file__).resolve().parent
MOVES = 5  # positions per control, spread over its range, before it goes back to its start
TARGET_S = 0.150  # median update of every explorer


def explorers():
    """``module:function`` for every function named ``*_explorer`` defined in a module of sttlab.explorers."""
    found = []
    for info in sorted(pkgutil.iter_modules(sttlab.explorers.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"sttlab.explorers.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.endswith("_explorer") and function.__module__ == module.__name__:
                found.append(f"{module.__name__}:{name}")
    return found


def controls(box):
    """The explorer's controls, row by row (every row but the last child, the Output)."""
    return [widget for row in box.children[:-1] for widget in row.children]


def positions(control, count=MOVES):
    """Up to ``count`` values a reader can reach, spread over the control's range, without its current value."""
    if hasattr(control, "options"):  # a choice: (label, value) pairs or plain values
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        picks = [values[round(k * (len(values) - 1) / (count - 1))] for k in range(count)]
    else:
        steps = round((control.max - control.min) / control.step)
        grid = [control.min + round(k * steps / (count - 1)) * control.step for k in range(count)]
        picks = [control.base**g for g in grid] if hasattr(control, "base") else grid  # FloatLogSlider
    unique = []
    for value in picks:
        if value != control.value and value not in unique:
            unique.append(value)
    return unique


def clear_caches():
    """Empty every cache of sttlab.plotting and sttlab.explorers (``cache_clear``), so that the first frame
    pays for what an explorer computes on first use."""
    for package in (sttlab.plotting, sttlab.explorers):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, obj in inspect.getmembers(module):
                if not inspect.isclass(obj) and callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


def measure(target):
    """Time the first frame and every move of one explorer (run in its own process)."""
    module, name = target.split(":")
    make = getattr(importlib.import_module(module), name)
    make()  # warm-up: numba kernels loaded from its cache (or compiled)
    clear_caches()
    gc.collect()
    start = time.perf_counter()
    box = make()
    first = time.perf_counter() - start
    output = box.children[-1]
    moves = []
    for control in controls(box):
        home = control.value
        for value in [*positions(control), home]:
            before = output.outputs
            start = time.perf_counter()
            control.value = value
            elapsed = time.perf_counter() - start
            frame = output.outputs
            assert frame is not before and frame[0]["output_type"] == "display_data", (target, control.description)
            moves.append((control.description, elapsed))
    return {"target": target, "first": first, "moves": moves}


def summary(result):
    times = [t for _, t in result["moves"]]
    by_control = {}
    for description, t in result["moves"]:
        by_control.setdefault(description, []).append(t)
    slowest = max(by_control, key=lambda d: statistics.median(by_control[d]))
    return {"median": statistics.median(times), "max": max(times), "n": len(times), "controls": len(by_control),
            "slowest": slowest, "slowest_median": statistics.median(by_control[slowest])}


def main():
    load = os.getloadavg()[0]
    targets = explorers()
    results = []
    for target in targets:
        run = subprocess.run([sys.executable, __file__, "--one", target], capture_output=True, text=True,
                             cwd=HERE, check=False)
        if run.returncode != 0:
            raise SystemExit(f"{target} failed:\n{run.stdout}\n{run.stderr}")
        result = json.loads(run.stdout.strip().splitlines()[-1])
        results.append(result)
        s = summary(result)
        print(f"{target}: first frame {fmt_time(result['first'])}, update median {fmt_time(s['median'])}, "
              f"max {fmt_time(s['max'])} ({s['n']} moves)", flush=True)

    lines = [
        "## Explorers: time from a control move to the new frame",
        "",
        f"Every `*_explorer` of `sttlab.explorers` ({len(results)} found), each in a fresh process. A move sets one "
        f"control to one of {MOVES} positions spread over its range on the slider's grid (every option of a short "
        "choice), then back to its start; it is timed until the figure for the new values has been computed and "
        "rendered to the PNG frame the page shows. The first frame includes what an explorer computes on first "
        "use (caches emptied).",
        "",
        "| explorer | controls | moves | first frame | update: median | update: max | slowest control (its median) "
        "| median < 150 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    met = True
    for result in results:
        s = summary(result)
        ok = s["median"] < TARGET_S
        met &= ok
        module, name = result["target"].split(":")
        lines.append(f"| `{module.removeprefix('sttlab.')}.{name}` | {s['controls']} | {s['n']} | "
                     f"{fmt_time(result['first'])} | {fmt_time(s['median'])} | {fmt_time(s['max'])} | "
                     f"{s['slowest']} ({fmt_time(s['slowest_median'])}) | {verdict(ok)} |")
    lines += [
        "",
        f"Every median under 150 ms: **{verdict(met)}**.",
        "",
        *provenance(f"numba {THREADS} (NUMBA_NUM_THREADS), OMP/BLAS 1", ".venv/bin/python benchmarks/explorers.py"),
        f"- Load average (1 min) when the run started: {load:.1f} on {os.cpu_count()} logical cores; scheduling "
        f"priority (nice) {os.nice(0)}.",
    ]
    section = "\n".join(lines)
    print(section)
    write_section("explorers", section)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--one", help="measure one explorer (module:function) and print JSON")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
    else:
        main()
