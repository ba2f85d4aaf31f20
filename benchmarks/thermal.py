"""Thermal benchmark: stochastic-LLG ensemble throughput, and the Fokker-Planck write-error-rate curve.

What is measured, and why:

1. Ensemble throughput of ``sttlab.thermal.simulate_ensemble`` in macrospin
   Heun steps per second: the ``cofeb_mgo_40nm`` cell (anisotropy and
   demagnetization), Brown's thermal field at 300 K and the spin-transfer
   torque of a constant current at 0.8 J_c0, 10,000 members on every core,
   wall time of the public call (median, min and max of repeated runs after a
   warm-up). This is what switching-probability scans pay for.
2. Its scaling with the ensemble size (same total work) and with the number
   of threads (``numba.set_num_threads``), so that the parallel efficiency
   and the overhead of small ensembles are visible.
3. The baseline: the same Heun scheme written with numpy arrays over the
   members (``np.random.Generator.standard_normal`` for the thermal field,
   vectorized cross products), timed on a slice of the run.
4. The time of a write-error-rate curve from ``sttlab.fokker_planck``: 50
   pulse widths at 1.5 I_c0, with the smallest width's WER below 1e-9.

Numba uses every logical core (``NUMBA_NUM_THREADS`` is left at its
default); OpenMP and BLAS are pinned to one thread so they do not compete.
The script prints a Markdown table and writes it between the
``<!-- thermal:start -->`` and ``<!-- thermal:end -->`` markers of
``benchmarks/README.md``.

Run it as ``.venv/bin/python benchmarks/thermal.py`` (or ``make bench``).
"""

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import statistics  # noqa: E402
import time  # noqa: E402

import numba  # noqa: E402
import numpy as np  # noqa: E402

from _report import fmt_time, provenance, timed, verdict, write_section  # noqa: E402
from sttlab import preset  # noqa: E402
from sttlab.constants import gamma, mu0  # noqa: E402
from sttlab.thermal import boltzmann_states, simulate_ensemble, thermal_field_sigma  # noqa: E402

CELL = preset("cofeb_mgo_40nm")
T = 300.0  # K
CURRENT = 0.8 * CELL.Jc0()  # A/m^2, constant: thermally assisted, every step pays for the torque
MEMBERS = 10_000
STEPS = 10_000  # per member in the throughput runs (1e8 member-steps)
SIZES = (100, 1_000, 10_000, 100_000)
WORK = 2e7  # member-steps per scaling run

# Targets the project must show (reported, not asserted).
TARGET_STEPS_PER_S = 5e7
TARGET_WER_CURVE_S = 5.0


def ensemble_run(members, steps, seed=1):
    """A function running ``members`` x ``steps`` Heun steps, and the step it uses."""
    m0 = boltzmann_states(CELL, T, members, around=(0, 0, -1), seed=seed)
    probe = simulate_ensemble(CELL, m0[:1], 1e-12, T=T, seed=seed, current_density=CURRENT)
    dt = probe.dt
    duration = steps * dt

    def run():
        return simulate_ensemble(CELL, m0, duration, T=T, seed=seed, dt=dt, current_density=CURRENT)

    return run, dt


def throughput(members, steps, repeats):
    """Median, min and max member-steps per second."""
    run, _ = ensemble_run(members, steps)
    times, _ = timed(run, repeats)
    work = members * steps
    return {"median": work / statistics.median(times), "min": work / max(times), "max": work / min(times),
            "time": statistics.median(times), "runs": repeats}


def numpy_heun(members, steps, dt, seed=1):
    """The same scheme in numpy over the members: returns member-steps per second."""
    free = CELL.free
    m = boltzmann_states(CELL, T, members, around=(0, 0, -1), seed=seed)
    rng = np.random.default_rng(seed)
    sigma = thermal_field_sigma(CELL, T, dt)
    gll = gamma * mu0 / (1 + free.alpha**2)
    stiffness = free.Ms * np.asarray(free.demag) - 2 * free.K / (mu0 * free.Ms) * np.asarray(free.easy_axis) ** 2
    p = np.asarray(CELL.polarizer)
    h_dl = CELL.stt_field_per_current() * CELL.P * CURRENT

    def rhs(m, noise):
        h = -stiffness * m + h_dl * np.cross(m, p) + noise
        mxh = np.cross(m, h)
        return -gll * (mxh + free.alpha * np.cross(m, mxh))

    start = time.perf_counter()
    for _ in range(steps):
        noise = sigma * rng.standard_normal((members, 3))
        a = rhs(m, noise)
        b = rhs(m + dt * a, noise)
        m = m + 0.5 * dt * (a + b)
        m /= np.linalg.norm(m, axis=1)[:, None]
    return members * steps / (time.perf_counter() - start)


def wer_curve():
    """Seconds for a 50-point WER-vs-width curve at 1.5 I_c0 reaching below 1e-9, and its range."""
    from sttlab import fokker_planck

    widths = np.geomspace(1e-9, 100e-9, 50)
    current = 1.5 * CELL.Jc0()
    fokker_planck.write_error_rate(CELL, T, widths[:2], current)  # warm-up (first-call costs)
    start = time.perf_counter()
    wer = np.asarray(fokker_planck.write_error_rate(CELL, T, widths, current)).ravel()
    return time.perf_counter() - start, float(wer.max()), float(wer.min())


def main():
    cores = numba.config.NUMBA_NUM_THREADS
    main_run = throughput(MEMBERS, STEPS, 5)
    _, dt = ensemble_run(MEMBERS, STEPS)
    sizes = {n: throughput(n, max(1, int(WORK / n)), 3) for n in SIZES}
    threads = {}
    for k in range(1, cores + 1):
        numba.set_num_threads(k)
        threads[k] = throughput(MEMBERS, STEPS // 2, 3)
    numba.set_num_threads(cores)
    baseline = numpy_heun(MEMBERS, 200, dt)
    curve_s, wer_max, wer_min = wer_curve()

    lines = [
        "## Thermal: stochastic-LLG ensembles and the Fokker-Planck WER curve",
        "",
        f"`cofeb_mgo_40nm` at {T:g} K (Delta = {CELL.free.Delta(T):.1f}), constant current 0.8 J_c0, "
        f"Heun step {dt * 1e12:.3g} ps (0.05 rad of precession at the largest field). Member-steps per second "
        f"of the public `simulate_ensemble` call.",
        "",
        "| run | members | threads | wall time (median of runs) | member-steps/s: median [min, max] |",
        "| --- | ---: | ---: | ---: | --- |",
        f"| sttlab, all cores | {MEMBERS} | {cores} | {fmt_time(main_run['time'])} ({main_run['runs']}) "
        f"| {main_run['median']:.3g} [{main_run['min']:.3g}, {main_run['max']:.3g}] |",
    ]
    for n, r in sizes.items():
        lines.append(f"| sttlab, size scaling | {n} | {cores} | {fmt_time(r['time'])} ({r['runs']}) "
                     f"| {r['median']:.3g} [{r['min']:.3g}, {r['max']:.3g}] |")
    for k, r in threads.items():
        lines.append(f"| sttlab, thread scaling | {MEMBERS} | {k} | {fmt_time(r['time'])} ({r['runs']}) "
                     f"| {r['median']:.3g} [{r['min']:.3g}, {r['max']:.3g}] |")
    lines.append(f"| baseline: numpy over members, 200 steps | {MEMBERS} | 1 | | {baseline:.3g} |")
    efficiency = threads[cores]["median"] / (cores * threads[1]["median"])
    lines += [
        "",
        f"sttlab / numpy: **{main_run['median'] / baseline:.0f}x**; parallel efficiency on {cores} threads "
        f"{efficiency:.0%}. WER curve (50 widths, 1 ns to 100 ns, 1.5 I_c0; WER from {wer_max:.2g} down to "
        f"{wer_min:.2g}): {fmt_time(curve_s)}.",
        "",
        "| target | measured | |",
        "| --- | --- | --- |",
        f"| >= {TARGET_STEPS_PER_S:.0e} Heun steps/s, {MEMBERS} members, all cores | {main_run['median']:.3g} "
        f"| {verdict(main_run['median'] >= TARGET_STEPS_PER_S)} |",
        f"| WER curve to 1e-9 in < {TARGET_WER_CURVE_S:g} s | {fmt_time(curve_s)} (lowest {wer_min:.2g}) "
        f"| {verdict(curve_s < TARGET_WER_CURVE_S and wer_min < 1e-9)} |",
        "",
        *provenance(f"numba {cores} (all), OMP/BLAS 1", ".venv/bin/python benchmarks/thermal.py"),
    ]
    section = "\n".join(lines)
    print(section)
    write_section("thermal", section)


if __name__ == "__main__":
    main()
