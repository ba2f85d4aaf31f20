"""Micromagnetic benchmark: muMAG standard problem 4 on 200 x 50 x 1 cells, cost per field evaluation, peers.

What is measured, and why:

1. Standard problem 4, field 1, on 200 x 50 x 1 cells (2.5 nm, the finer of
   the usual meshes), "all in": building the sample and Newell's tensor (the
   cache is cleared first), relaxing the s-state from ``(1, 0.1, 0)`` by
   Barzilai-Borwein descent, and 1 ns of dynamics saved every ps; wall time
   of the public calls (median, min and max of repeated runs after a warm-up
   that compiles the kernels). Three integrators: RK4 at its default step
   (0.9 of the largest stable one), adaptive RK45 (Dormand-Prince, tolerance
   1e-5, mumax3's default), and RK4 with the demagnetizing convolution in
   single precision. Each row reports the steps, field evaluations and
   evaluations per second, ``<m>`` at 1 ns and the first zero crossing of
   ``<m_x>`` (published: 138-140 ps).
2. How the cost of one effective-field evaluation (FFT convolution + the
   fused exchange/anisotropy/Zeeman/LLG kernel) grows with the cell count,
   on films of the problem's aspect ratio from 50 x 12 to 800 x 200 cells:
   microseconds per evaluation and nanoseconds per cell.
3. If ``magnumnp`` (a PyTorch micromagnetic package, not a dependency) is
   importable: its own standard-problem-4 script on the same mesh (its
   Barzilai-Borwein minimizer, then its RKF45 LLG solver at its default
   tolerance 1e-5, ``<m>`` every 10 ps as in its script) with torch on one
   thread, timed in this process; the
   ratio is taken between runs of this process. Install it in a throwaway
   virtual environment (``pip install torch==2.13.0`` CPU wheel, ``magnumnp``)
   and run this script with that interpreter and ``PYTHONPATH`` at the
   repository. Skipped otherwise.
4. Numba cold start of the micromagnetic kernels: a new process with an
   empty ``NUMBA_CACHE_DIR`` imports ``sttlab`` and relaxes and runs a tiny
   film; then the same with the cache warm.

Every thread count is pinned to one (numba, OpenMP, BLAS, torch) before the
libraries load: the solver's kernels are serial and its FFTs use one thread
below 2^18 padded points (``sttlab.micromag.demag.THREADED_FFT_SIZE``), so
the figures are single-core; the second core of the machine stays idle.
The script prints a Markdown table and writes it between the
``<!-- micromag:start -->`` and ``<!-- micromag:end -->`` markers of
``benchmarks/README.md``.

Run it as ``.venv/bin/python benchmarks/micromag.py`` (or ``make bench``).
"""

import os

PINNED_THREADS = ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
for _name in PINNED_THREADS:
    os.environ[_name] = "1"

import importlib.util  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from _report import fmt_time, provenance, timed, verdict, write_section  # noqa: E402
from sttlab.micromag import Mesh, Sample, standard_problems as sp4  # noqa: E402
from sttlab.micromag._model import _Model  # noqa: E402
from sttlab.micromag.demag import demag_operator  # noqa: E402

HERE = Path(__file__).resolve().parent
MESH = (200, 50, 1)
SCALING = ((50, 12, 1), (100, 25, 1), (200, 50, 1), (400, 100, 1), (800, 200, 1))
TARGET_S = 15.0  # the target for 1 ns of standard problem 4 on 200 x 50 x 1, all in
REPEATS = 3

RUNS = {
    "rk4": ("sttlab rk4, default step", {"method": "rk4"}),
    "rk45": ("sttlab rk45, tol 1e-5", {"method": "rk45", "tol": 1e-5}),
    "rk4_single": ("sttlab rk4, single-precision demag FFT", {"method": "rk4", "demag_precision": "single"}),
}


def sp4_all_in(options):
    """Standard problem 4 from scratch: tensor, s-state, 1 ns of field 1. Returns the Result."""
    demag_operator.cache_clear()
    return sp4.run(1, MESH, 1e-9, save_every=1e-12, **options)


def bench_sp4(key):
    """Repeated all-in runs of one integrator: wall and CPU times, and what the last run found."""
    label, options = RUNS[key]
    results, times, cpu = [], [], []
    for _ in range(REPEATS):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        results.append(sp4_all_in(options))
        times.append(time.perf_counter() - wall0)
        cpu.append(time.process_time() - cpu0)
    result = results[-1]
    run = result.run
    return {
        "label": label, "runs": len(times), "median": statistics.median(times), "min": min(times),
        "max": max(times), "cpu": statistics.median(cpu),
        "dynamics": statistics.median(r.run.wall_time for r in results),
        "relax_iterations": result.relaxed.iterations,
        "steps": run.steps, "evaluations": run.evaluations + result.relaxed.evaluations,
        "evals_per_s": run.evaluations / run.wall_time, "m": run.m_avg[-1], "crossing": result.first_crossing,
    }


def bench_scaling(n, repeats=200):
    """Median seconds of one field evaluation (demag FFT + fused kernel) on an n-cell film."""
    film = Sample(Mesh.from_size((500e-9 * n[0] / 200, 125e-9 * n[1] / 50, 3e-9), n), Ms=8e5, A=1.3e-11,
                  alpha=0.02)
    model = _Model(film, field=sp4.field(1))
    m = film.random_tilt((1, 0.1, 0), 10.0)
    out = np.empty_like(m)
    count = max(5, int(repeats * 10_000 / film.mesh.n_cells))
    samples = []
    model.rhs_at(0.0, m, out)
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(count):
            model.rhs_at(0.0, m, out)
        samples.append((time.perf_counter() - start) / count)
    return {"n": n, "cells": film.mesh.n_cells, "seconds": statistics.median(samples)}


def bench_magnumnp():
    """magnum.np's standard problem 4 on the same mesh, torch on one thread; None if it is not installed."""
    if importlib.util.find_spec("magnumnp") is None:
        return None
    import torch

    torch.set_num_threads(1)
    import magnumnp as mnp

    def run():
        mesh = mnp.Mesh(MESH, tuple(s / n for s, n in zip(sp4.SIZE, MESH)))
        state = mnp.State(mesh)
        state.material = {"Ms": sp4.MS, "A": sp4.A, "alpha": sp4.ALPHA}
        direction = np.array(sp4.INITIAL_DIRECTION) / np.linalg.norm(sp4.INITIAL_DIRECTION)
        state.m = state.Constant(list(direction))
        demag, exchange = mnp.DemagField(), mnp.ExchangeField()
        mnp.MinimizerBB([demag, exchange]).minimize(state)
        llg = mnp.LLGSolver([demag, exchange, mnp.ExternalField(list(sp4.field(1)))])
        ts, ms = [0.0], [state.m.mean(dim=(0, 1, 2)).tolist()]
        while state.t < 1e-9 - 1e-15:  # its script's output interval, 10 ps
            llg.step(state, 1e-11)
            ts.append(float(state.t))
            ms.append(state.m.mean(dim=(0, 1, 2)).tolist())
        return np.array(ts), np.array(ms)

    cpu0 = time.process_time()
    times, (t, m) = timed(run, 1, warmup=0)
    cpu = time.process_time() - cpu0
    crossing = sp4.zero_crossings(t, m[:, 0])
    return {"label": f"peer: magnum.np {mnp.__version__} (RKF45, tol 1e-5), torch {torch.__version__}, 1 thread",
            "runs": 1, "median": times[0], "min": times[0], "max": times[0], "cpu": cpu, "m": m[-1],
            "crossing": float(crossing[0]) if crossing.size else None}


_PROBE = """
import json, time
start = time.perf_counter()
import sttlab
from sttlab.micromag import Mesh, Sample, relax, simulate
imported = time.perf_counter()
film = Sample(Mesh((8, 4, 1), (5e-9, 5e-9, 3e-9)), Ms=8e5, A=1.3e-11, alpha=0.02)
state = relax(film, film.uniform((1, 0.1, 0)))
simulate(film, state.m, 5e-12, field=(-2e4, 3e3, 0))
simulate(film, state.m, 5e-12, field=(-2e4, 3e3, 0), method="rk4")
print(json.dumps({"import": imported - start, "first_runs": time.perf_counter() - imported}))
"""


def bench_cold_start():
    """Seconds of ``import sttlab`` and of the first relax + simulate calls, with an empty then a warm cache."""
    with tempfile.TemporaryDirectory(prefix="sttlab-mm-bench-") as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache)
        out = []
        for _ in range(2):
            proc = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True,
                                  cwd=HERE.parent)
            if proc.returncode != 0:
                raise RuntimeError(f"the start-up probe failed:\n{proc.stderr}")
            out.append(json.loads(proc.stdout))
    return out


def sp4_table(rows):
    lines = [
        "| run | wall time, all in: median [min, max] (runs) | CPU time (median) | dynamics (median) "
        "| relax iterations | steps "
        "| field evaluations | evaluations/s | <m> at 1 ns | first <m_x> = 0 |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for r in rows:
        m = ", ".join(f"{x:+.5f}" for x in r["m"])
        crossing = f"{r['crossing'] * 1e12:.2f} ps" if r["crossing"] is not None else "none"
        if "steps" in r:
            lines.append(
                f"| {r['label']} | {fmt_time(r['median'])} [{fmt_time(r['min'])}, {fmt_time(r['max'])}] ({r['runs']}) "
                f"| {fmt_time(r['cpu'])} | {fmt_time(r['dynamics'])} | {r['relax_iterations']} | {r['steps']} "
                f"| {r['evaluations']} "
                f"| {r['evals_per_s']:.0f} | ({m}) | {crossing} |")
        else:
            lines.append(f"| {r['label']} | {fmt_time(r['median'])} ({r['runs']}) | {fmt_time(r['cpu'])} | | | | | "
                         f"| ({m}) | {crossing} |")
    return lines


def scaling_table(rows):
    lines = ["| mesh | cells | one field evaluation | per cell |", "| --- | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {' x '.join(map(str, r['n']))} | {r['cells']} | {r['seconds'] * 1e6:.0f} us "
                     f"| {r['seconds'] / r['cells'] * 1e9:.0f} ns |")
    return lines


def report(rows, scaling, peer, start):
    double = min((r for k, r in rows.items() if k != "rk4_single"), key=lambda r: r["median"])
    single = rows["rk4_single"]
    lines = [
        "## Micromagnetics: muMAG standard problem 4",
        "",
        f"Field 1, 1 ns on {' x '.join(map(str, MESH))} cells, all in (Newell tensor, s-state, dynamics). mumax3's "
        "value at 1 ns on 128 x 32 x 1 cells is (-0.98461, +0.12604, +0.04327); a 200 x 50 Crank-Nicolson "
        "solution (`sttlab/micromag/data`) has (-0.98195, +0.15878, +0.03353) and its first crossing at 139.4 ps.",
        "",
        *sp4_table(list(rows.values()) + ([peer] if peer else [])),
        "",
    ]
    if peer:
        ratios = [(peer["median"] / rows[k]["median"], peer["cpu"] / rows[k]["cpu"]) for k in ("rk45", "rk4")]
        lines += ["magnum.np / sttlab, wall (CPU) time: "
                  f"**{ratios[0][0]:.1f}x** ({ratios[0][1]:.1f}x) against RK45, "
                  f"**{ratios[1][0]:.1f}x** ({ratios[1][1]:.1f}x) against RK4 (both double precision).", ""]
    lines += [
        "Wall times depend on what else the shared machine runs; the CPU time of this process is the steadier "
        "figure. Cost of one effective-field evaluation against the cell count (median of 5 batches):",
        "",
        *scaling_table(scaling),
        "",
        "| numba start | `import sttlab` | first relax + two short runs (JIT compile) |",
        "| --- | ---: | ---: |",
        f"| cold (empty cache) | {fmt_time(start[0]['import'])} | {fmt_time(start[0]['first_runs'])} |",
        f"| warm (cached) | {fmt_time(start[1]['import'])} | {fmt_time(start[1]['first_runs'])} |",
        "",
        "| target | measured | |",
        "| --- | --- | --- |",
        f"| standard problem 4, 1 ns on 200 x 50 x 1, < {TARGET_S:g} s all in, double precision "
        f"| {fmt_time(double['median'])} wall, {fmt_time(double['cpu'])} CPU ({double['label']}) "
        f"| {verdict(double['median'] < TARGET_S)} |",
        f"| the same with the single-precision demagnetizing FFT | {fmt_time(single['median'])} wall, "
        f"{fmt_time(single['cpu'])} CPU | {verdict(single['median'] < TARGET_S)} |",
        "",
        *provenance("pinned to 1 (" + ", ".join(f"{name}=1" for name in PINNED_THREADS) + ", torch 1)",
                    ".venv/bin/python benchmarks/micromag.py"),
    ]
    return "\n".join(lines)


def main():
    for _, options in RUNS.values():  # compile every kernel path on a short run
        sp4.run(1, (20, 5, 1), 2e-12, **options)
    rows = {key: bench_sp4(key) for key in RUNS}
    scaling = [bench_scaling(n) for n in SCALING]
    peer = bench_magnumnp()
    start = bench_cold_start()
    section = report(rows, scaling, peer, start)
    print(section)
    write_section("micromag", section)


if __name__ == "__main__":
    main()
