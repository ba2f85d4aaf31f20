"""Macrospin benchmark: speed and accuracy of ``sttlab.simulate`` on PHYSICS.md case 5.

The problem is the reference switching run of ``PHYSICS.md`` case 5: a
perpendicular CoFeB-like free layer (Ms = 1.1e6 A/m, mu0 H_k,eff = 0.2 T from
``Ku = mu0 Ms (H_k,eff + Ms) / 2`` with thin-film demagnetization (0, 0, 1),
alpha = 0.01, t = 1.3 nm), constant spin-torque efficiency eta = P = 0.5,
polarizer +z, current density 1.5 J_c0, started 2 degrees from -z and run for
20 ns. Its switching time (m_z = 0) has a closed form, so every run is scored
against the exact value, not against another code.

What is measured, and why:

1. ``sttlab`` RK4 at dt = 1 ps: wall time of the public ``simulate`` call
   (median, min and max of repeated runs after a warm-up) and steps per
   second. The fixed-step kernel's throughput is what thermal ensembles and
   parameter sweeps pay for.
2. ``sttlab`` adaptive RK45 (Dormand-Prince), at its default tolerances and at
   the baseline's: wall time of the public ``simulate`` call (Python-level
   validation and packing included), steps, switching time and its error.
3. The baseline: ``scipy.integrate.solve_ivp(method="RK45")`` on the same
   equation with a plain-numpy right-hand side written here (the explicit
   Landau-Lifshitz form with the damping-like torque as an effective field
   ``H_DL (m x p)``), the switching time from an event on m_z = 0. The
   right-hand side reads the state as Python floats (``m.tolist()``), which
   makes the whole solve 1.3 times faster than numpy scalar arithmetic and
   several times faster than ``np.cross`` on 3-vectors: the baseline is as fast
   as plain numpy allows. The textbook ``np.cross`` form is timed too, as a
   second baseline. Speed ratios are taken between runs of this process.
4. Numba cold start, in subprocesses: a copy of the package without any
   cache next to its sources and an empty ``NUMBA_CACHE_DIR``, so that
   ``import sttlab`` plus the first RK4 and RK45 calls include every JIT
   compilation (the script checks that the cache files land in that
   directory and not beside the copied sources); then the same in new
   processes with the cache now warm.
5. If ``cmtj`` (a C++ macrospin library, not a dependency) is importable: its
   RK4 on the same problem at 1 ps, as steps per second. Skipped otherwise.

Thread counts are pinned to one (numba, OpenMP, BLAS) before numpy or numba
are imported; subprocesses inherit that. The script prints a Markdown table
and writes it, with the machine, date and versions, between the
``<!-- macrospin:start -->`` and ``<!-- macrospin:end -->`` markers of
``benchmarks/README.md``.

Run it as ``.venv/bin/python benchmarks/macrospin.py`` (or ``make bench``).
"""

import os

PINNED_THREADS = ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
for _name in PINNED_THREADS:
    os.environ[_name] = "1"

import importlib.util  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from scipy.integrate import solve_ivp  # noqa: E402

import sttlab  # noqa: E402
from _report import fmt_time, provenance, timed, verdict, write_section  # noqa: E402
from sttlab import Cylinder, Junction, Magnet, simulate  # noqa: E402
from sttlab.constants import e, gamma, hbar, mu0  # noqa: E402

HERE = Path(__file__).resolve().parent

# PHYSICS.md case 5
MS = 1.1e6  # A/m
HK_EFF = 0.2 / mu0  # A/m
ALPHA = 0.01
THICKNESS = 1.3e-9  # m
DIAMETER = 50e-9  # m (the switching time does not depend on it)
P = 0.5
CURRENT_RATIO = 1.5  # J / J_c0
THETA0 = math.radians(2.0)  # from -z
DURATION = 20e-9  # s
DT = 1e-12  # s, RK4 step
BASELINE_TOL = {"rtol": 1e-8, "atol": 1e-10}

# Targets the project must show (reported, not asserted).
TARGET_STEPS_PER_S = 1e7
TARGET_SPEEDUP = 1000.0
TARGET_IMPORT_S = 1.0

WARM_PROCESSES = 3  # warm-cache start-up probes (the cold one runs once)


def case5():
    """The case-5 junction, initial direction and current density.

    Returns
    -------
    system : sttlab.Junction
    m0 : ndarray, shape (3,)
        Unit vector 2 degrees from -z.
    current_density : float
        1.5 J_c0 in A/m^2.
    """
    Ku = 0.5 * mu0 * MS * (HK_EFF + MS)
    free = Magnet(Ms=MS, geometry=Cylinder(DIAMETER, THICKNESS), alpha=ALPHA, Ku=Ku, demag=(0.0, 0.0, 1.0))
    system = Junction(free, polarizer=(0.0, 0.0, 1.0), P=P)
    m0 = np.array([math.sin(THETA0), 0.0, -math.cos(THETA0)])
    return system, m0, CURRENT_RATIO * system.Jc0()


def exact_switching_time():
    """Time to reach m_z = 0 in s, the closed form of PHYSICS.md case 5."""
    r, u0 = CURRENT_RATIO, math.cos(THETA0)
    integral = (
        -math.log(1.0 - u0) / (2.0 * (r - 1.0))
        + math.log(1.0 + u0) / (2.0 * (r + 1.0))
        - (math.log(r - u0) - math.log(r)) / (1.0 - r * r)
    )
    return (1.0 + ALPHA**2) / (gamma * mu0 * ALPHA * HK_EFF) * integral


def row(label, times, steps, t_switch, t_exact):
    """One result: timing statistics, steps and switching-time error."""
    median = statistics.median(times)
    return {
        "label": label,
        "runs": len(times),
        "median": median,
        "min": min(times),
        "max": max(times),
        "steps": steps,
        "steps_per_s": steps / median,
        "t_switch": t_switch,
        "rel_error": t_switch / t_exact - 1.0,
    }


def bench_sttlab(method, repeats, t_exact, label, **options):
    """Time the public ``simulate`` call on case 5 with one method."""
    system, m0, J = case5()
    times, run = timed(lambda: simulate(system, m0, DURATION, current_density=J, method=method, **options), repeats)
    return row(label, times, run.steps, run.switching_time(), t_exact)


def ll_rhs(gll, alpha, hk, hdl):
    """Plain-numpy explicit Landau-Lifshitz right-hand side for case 5 (the baseline).

    ``H_tot = H_k,eff m_z z + H_DL (m x p)`` with ``p = z`` (uniaxial anisotropy
    plus thin-film demagnetization, and the damping-like torque as a field);
    ``dm/dt = -gll [m x H_tot + alpha m x (m x H_tot)]``, ``gll = gamma mu0 / (1 + alpha^2)``.
    """

    def rhs(t, m):
        mx, my, mz = m.tolist()
        hx, hy, hz = hdl * my, -hdl * mx, hk * mz
        ax, ay, az = my * hz - mz * hy, mz * hx - mx * hz, mx * hy - my * hx
        bx, by, bz = my * az - mz * ay, mz * ax - mx * az, mx * ay - my * ax
        return np.array([-gll * (ax + alpha * bx), -gll * (ay + alpha * by), -gll * (az + alpha * bz)])

    return rhs


def ll_rhs_vectorized(gll, alpha, hk, hdl):
    """The same right-hand side written the textbook way, with ``np.cross`` on 3-vectors.

    This is how most scripts write it; it is several times slower than
    :func:`ll_rhs` under ``solve_ivp`` because every call makes numpy arrays.
    """
    z = np.array([0.0, 0.0, 1.0])

    def rhs(t, m):
        h = hk * m[2] * z + hdl * np.cross(m, z)
        mxh = np.cross(m, h)
        return -gll * (mxh + alpha * np.cross(m, mxh))

    return rhs


def bench_solve_ivp(repeats, t_exact, style="scalar"):
    """Time a baseline ``solve_ivp`` RK45 run; switching time from an m_z = 0 event.

    ``style`` picks the right-hand side: ``"scalar"`` (:func:`ll_rhs`, as fast as
    plain numpy allows) or ``"np.cross"`` (:func:`ll_rhs_vectorized`).
    """
    system, m0, J = case5()
    hdl = system.stt_field_per_current() * P * J
    make_rhs = ll_rhs if style == "scalar" else ll_rhs_vectorized
    rhs = make_rhs(gamma * mu0 / (1.0 + ALPHA**2), ALPHA, system.free.Hk_eff, hdl)

    def crossing(t, m):
        return m[2]

    def run():
        return solve_ivp(rhs, (0.0, DURATION), m0, method="RK45", events=crossing, **BASELINE_TOL)

    times, sol = timed(run, repeats, warmup=0)
    label = (f"baseline: scipy solve_ivp RK45 (rtol {BASELINE_TOL['rtol']:g}, atol {BASELINE_TOL['atol']:g}), "
             f"{style} right-hand side")
    return row(label, times, sol.t.size - 1, float(sol.t_events[0][0]), t_exact)


def upward_crossing(t, x):
    """First time ``x`` reaches 0 from below, linearly interpolated between samples."""
    i = np.flatnonzero(x >= 0.0)[0]
    return float(t[i - 1] + (t[i] - t[i - 1]) * x[i - 1] / (x[i - 1] - x[i]))


def bench_cmtj(repeats, t_exact):
    """cmtj's RK4 at 1 ps on case 5, or None when cmtj is not installed.

    cmtj's physical constants are settable at run time and default to rounded
    values (gamma mu0 = 2.2088e5 m/(A s), mu0 = 1.2566e-6); they are set to
    the CODATA values sttlab uses so that both solve the same equation. cmtj
    takes Ms in tesla, and stamps each logged state with the start time of
    the step that produced it, so the log times are shifted by one step. It
    logs every step, as ``simulate`` saves every step.
    """
    if importlib.util.find_spec("cmtj") is None:
        return None
    import cmtj
    from cmtj import CVector, Layer, ScalarDriver, SolverMode

    codata = cmtj.constants.PhysicalConstants
    codata.set_gyromagnetic_ratio(gamma * mu0)
    codata.set_magnetic_permeability(mu0)
    codata.set_hbar(hbar)
    codata.set_elementary_charge(e)
    codata.set_TtoAm(1.0 / mu0)
    system, m0, J = case5()
    demag = [CVector(0.0, 0.0, 0.0), CVector(0.0, 0.0, 0.0), CVector(0.0, 0.0, 1.0)]

    def run():
        layer = Layer.createSTTLayer("free", CVector(*m0), CVector(0.0, 0.0, 1.0), mu0 * MS, THICKNESS,
                                     system.area, demag, ALPHA, 1.0, 0.0, P)
        layer.setReferenceLayer(CVector(0.0, 0.0, 1.0))
        junction = cmtj.Junction([layer])
        junction.setLayerAnisotropyDriver("free", ScalarDriver.getConstantDriver(system.free.Ku))
        junction.setLayerCurrentDriver("free", ScalarDriver.getConstantDriver(J))
        junction.runSimulation(DURATION, DT, DT, False, False, SolverMode.RK4)
        return junction.getLog()

    times, log = timed(run, repeats)
    t = np.asarray(log["time"]) + DT
    t_switch = upward_crossing(t, np.asarray(log["free_mz"]))
    return row(f"peer: cmtj {cmtj.__version__} RK4, dt = 1 ps", times, t.size, t_switch, t_exact)


_PROBE = """
import json, time
start = time.perf_counter()
import sttlab
imported = time.perf_counter()
import macrospin
system, m0, J = macrospin.case5()
times = {"file": sttlab.__file__, "import": imported - start}
for method in ("rk4", "rk45"):
    start = time.perf_counter()
    sttlab.simulate(system, m0, macrospin.DURATION, current_density=J, method=method)
    times[method] = time.perf_counter() - start
print(json.dumps(times))
"""


def probe(package_root, cache_dir):
    """In a new process: time ``import sttlab`` and the first RK4 and RK45 calls.

    ``package_root`` holds the copy of ``sttlab`` to import (and is the working
    directory, so the repository's own ``sttlab`` is not on the path); numba
    caches in ``cache_dir``.
    """
    env = dict(os.environ, NUMBA_CACHE_DIR=str(cache_dir), PYTHONPATH=os.pathsep.join([str(package_root), str(HERE)]))
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, cwd=package_root, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"the start-up probe failed:\n{out.stderr}")
    times = json.loads(out.stdout)
    if not Path(times.pop("file")).is_relative_to(package_root):
        raise RuntimeError(f"the probe imported an sttlab outside {package_root}")
    return times


def numba_files(directory):
    """Numba cache files (index and data) under ``directory``."""
    return [p for p in Path(directory).rglob("*") if p.suffix in (".nbi", ".nbc")]


def bench_cold_start():
    """Cold (empty cache) and warm (cached) ``import sttlab`` + first calls, in seconds.

    Returns
    -------
    cold : dict
        ``import``, ``rk4``, ``rk45`` (each first call) and ``cache_files``.
    warm : dict
        Medians of the same over ``WARM_PROCESSES`` new processes.
    """
    with tempfile.TemporaryDirectory(prefix="sttlab-bench-") as tmp:
        package_root, cache_dir = Path(tmp, "src"), Path(tmp, "numba-cache")
        shutil.copytree(Path(sttlab.__file__).parent, package_root / "sttlab",
                        ignore=shutil.ignore_patterns("__pycache__"))
        cache_dir.mkdir()
        cold = probe(package_root, cache_dir)
        cold["cache_files"] = len(numba_files(cache_dir))
        beside_sources = numba_files(package_root)
        if cold["cache_files"] == 0 or beside_sources:
            raise RuntimeError(f"numba did not cache only into NUMBA_CACHE_DIR: {cold['cache_files']} files there, "
                               f"{len(beside_sources)} beside the copied sources")
        warm_runs = [probe(package_root, cache_dir) for _ in range(WARM_PROCESSES)]
    warm = {key: statistics.median(run[key] for run in warm_runs) for key in ("import", "rk4", "rk45")}
    return cold, warm


def run_table(rows):
    """Markdown table of the timed runs."""
    lines = [
        "| run | wall time: median [min, max] (runs) | steps | steps/s | t(m_z = 0) | error vs exact |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['label']} | {fmt_time(r['median'])} [{fmt_time(r['min'])}, {fmt_time(r['max'])}] ({r['runs']}) "
            f"| {r['steps']} | {r['steps_per_s']:.3g} | {r['t_switch'] * 1e9:.6f} ns | {r['rel_error']:+.1e} |"
        )
    return lines


def start_table(cold, warm):
    """Markdown table of the cold and warm start times."""
    return [
        "| numba start | `import sttlab` | first rk4 call | first rk45 call |",
        "| --- | ---: | ---: | ---: |",
        f"| cold (empty cache, {cold['cache_files']} cache files written) | {fmt_time(cold['import'])} "
        f"| {fmt_time(cold['rk4'])} | {fmt_time(cold['rk45'])} |",
        f"| warm (cached; median of {WARM_PROCESSES} processes) | {fmt_time(warm['import'])} | {fmt_time(warm['rk4'])} "
        f"| {fmt_time(warm['rk45'])} |",
    ]


def target_table(rk4, speedup_default, speedup_equal, warm_import):
    """Markdown table of the project's speed targets and whether they are met."""
    return [
        "| target | measured | |",
        "| --- | --- | --- |",
        f"| RK4 >= {TARGET_STEPS_PER_S:.0e} steps/s on one core | {rk4['steps_per_s']:.3g} steps/s "
        f"| {verdict(rk4['steps_per_s'] >= TARGET_STEPS_PER_S)} |",
        f"| RK45 >= {TARGET_SPEEDUP:.0f}x faster than solve_ivp at the same accuracy | {speedup_equal:.0f}x "
        f"(same tolerances); {speedup_default:.0f}x at sttlab's looser default "
        f"| {verdict(speedup_equal >= TARGET_SPEEDUP)} |",
        f"| warm `import sttlab` < {TARGET_IMPORT_S:g} s | {fmt_time(warm_import)} "
        f"| {verdict(warm_import < TARGET_IMPORT_S)} |",
    ]


def report(rows, cold, warm, t_exact):
    """The Markdown section: tables, ratios, targets, machine and versions.

    ``rows`` maps ``"rk4"``, ``"rk45"``, ``"rk45_tight"``, ``"baseline"``,
    ``"baseline_cross"`` (and optionally ``"cmtj"``) to :func:`row` results.
    """
    speedup_default = rows["baseline"]["median"] / rows["rk45"]["median"]
    speedup_equal = rows["baseline"]["median"] / rows["rk45_tight"]["median"]
    speedup_cross = rows["baseline_cross"]["median"] / rows["rk45_tight"]["median"]
    threads = ", ".join(f"{name}=1" for name in PINNED_THREADS)
    return "\n".join([
        "## Macrospin: PHYSICS.md case 5",
        "",
        f"Switching at 1.5 J_c0 from 2 degrees off -z, {DURATION * 1e9:g} ns simulated; exact "
        f"t(m_z = 0) = {t_exact * 1e9:.6f} ns. Wall times are of the public `simulate` call.",
        "",
        *run_table(rows.values()),
        "",
        f"solve_ivp / sttlab rk45: **{speedup_default:.0f}x** at sttlab's default tolerances (rtol 1e-7, "
        f"atol 1e-9), **{speedup_equal:.0f}x** at the baseline's tolerances (errors above); against the "
        f"textbook `np.cross` right-hand side, **{speedup_cross:.0f}x** at the baseline's tolerances.",
        "",
        *start_table(cold, warm),
        "",
        *target_table(rows["rk4"], speedup_default, speedup_equal, warm["import"]),
        "",
        *provenance(f"pinned {threads}", ".venv/bin/python benchmarks/macrospin.py"),
    ])


def main():
    t_exact = exact_switching_time()
    rows = {
        "rk4": bench_sttlab("rk4", 21, t_exact, "sttlab rk4, dt = 1 ps", dt=DT),
        "rk45": bench_sttlab("rk45", 51, t_exact, "sttlab rk45, default tolerances"),
        "rk45_tight": bench_sttlab("rk45", 51, t_exact, "sttlab rk45, baseline's tolerances", **BASELINE_TOL),
        "baseline": bench_solve_ivp(3, t_exact),
        "baseline_cross": bench_solve_ivp(3, t_exact, style="np.cross"),
    }
    cmtj_row = bench_cmtj(7, t_exact)
    if cmtj_row is not None:
        rows["cmtj"] = cmtj_row
    cold, warm = bench_cold_start()
    section = report(rows, cold, warm, t_exact)
    print(section)
    write_section("macrospin", section)


if __name__ == "__main__":
    main()
