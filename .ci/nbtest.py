"""Run the notebooks' cells as `nbdev_test` does, one notebook after another (or several at once), and report what ran.

Per notebook: the time and the CPU time (its own and that of the processes it waited for), the code cells run, the cells
not run (by flag or `#| eval: false`), every `skipped: ...` line a cell printed (with its reason), every `data: ...`
line (where a learning test got its data: $GATESENT_DATA_DIR, ../shared/data, the hub, or a stand-in) and the temp files
it left. It ends with totals counted from what ran. A `data: stand-in ...` line (a learning test on made-up data) counts
as a skip.

A notebook runs with the environment and working directory it started with restored afterwards, whether it passed or
failed, so one notebook cannot leak settings into the next (`--self-test` shows it). Its temp files (TMPDIR, for its
subprocesses too) go in a folder of their own, removed when it ends. A skip that is not listed in
.ci/expected-skips.txt fails the run, as does any failing notebook.

Notebooks run at once share the cores: each gets OMP_NUM_THREADS = cores / jobs (unless it is set), because two
notebooks' torch thread pools on the same cores spin against each other (two MiniLM trainings side by side took 2.6
times as long with two threads each as with one).

    .venv/bin/python .ci/nbtest.py --flags "slow browser aws"          # what `make test` runs
    .venv/bin/python .ci/nbtest.py --path nbs/04_inference.ipynb
    .venv/bin/python .ci/nbtest.py --self-test
"""
import argparse, json, os, re, resource, shutil, sys, tempfile, time
from pathlib import Path

HERE = Path(__file__).resolve().parent

DEGRADED = ("skipped:", "data: stand-in")  # a cell that did not run, and a learning test on made-up data: both count as skips

def expected_skips(path:Path=HERE/"expected-skips.txt") -> list[tuple[str, re.Pattern]]:
    "The skips CI expects: `<notebook glob> | <regex on the skip line>` per line, # for comments."
    out = []
    for line in (path.read_text().splitlines() if path.exists() else []):
        if line.strip() and not line.lstrip().startswith("#"):
            nb, _, rx = line.partition("|"); out.append((nb.strip(), re.compile(rx.strip())))
    return out

def _outputs(nb) -> list[str]:
    "Every line the notebook's cells printed."
    lines = []
    for c in nb.cells:
        for o in c.get("outputs", []) or []:
            text = o.get("text") if "text" in o else (o.get("data") or {}).get("text/plain", "")
            lines += ("".join(text) if isinstance(text, list) else str(text or "")).splitlines()
    return lines

def run_notebook(fn:Path, flags:set[str]) -> dict:
    "Run one notebook's cells in a fresh kernel, as nbdev_test does; restore os.environ and the working directory after it."
    from execnb.shell import CaptureShell
    from nbdev.frontmatter import FrontmatterProc
    from nbdev.process import NBProcessor
    from fastcore.xtras import working_directory
    nb = NBProcessor(fn, procs=FrontmatterProc, process=True).nb
    ran, not_run = [], []
    marks = []  # (time, cell index) as each cell starts: a cell's time is the gap to the next mark
    def skip(cell):
        marks.append((time.time(), getattr(cell, "idx_", len(marks))))
        if cell.cell_type != "code": return True
        if "nbdev_export" + "(" in cell.source: return True
        direc = getattr(cell, "directives_", {}) or {}
        if direc.get("eval:", [""])[0].lower() == "false": not_run.append("eval: false"); return True
        if hit := flags & direc.keys(): not_run.append(f"flag {sorted(hit)[0]}"); return True
        ran.append(cell); return False
    env, cwd, start, error, cpu = dict(os.environ), os.getcwd(), time.time(), None, _cpu_s()
    tmp, saved_tmp = tempfile.mkdtemp(prefix=f"nbtest-{fn.stem}-"), tempfile.tempdir
    os.environ.update(IN_TEST="1", TMPDIR=tmp); tempfile.tempdir = tmp  # the cells' temp folders, and their subprocesses'
    k = CaptureShell(fn)
    try:
        with working_directory(fn.parent): k.run_all(nb, exc_stop=True, preproc=skip)
    except Exception: error = k.prettytb(fname=fn)
    finally:
        os.environ.clear(); os.environ.update(env); os.chdir(cwd); tempfile.tempdir = saved_tmp
        left = _size(tmp)
        shutil.rmtree(tmp, ignore_errors=True)  # a run of every notebook writes gigabytes there: none of it outlives its notebook
    lines = _outputs(nb)
    marks.append((time.time(), None))
    spans = sorted(((b[0] - a[0], a[1]) for a, b in zip(marks, marks[1:])), reverse=True)
    return {"notebook": fn.name, "ok": error is None, "error": error, "seconds": round(time.time() - start, 1), "cpu_s": round(_cpu_s() - cpu, 1),
            "cells_run": len(ran),
            "not_run": not_run, "skips": [l.strip() for l in lines if l.strip().startswith(DEGRADED)],
            "data": sorted({l.strip() for l in lines if l.strip().startswith("data:")}), "temp_mb": round(left / 2**20, 1),
            "temp_removed": not os.path.exists(tmp), "slowest_cells": [[i, round(t, 1)] for t, i in spans[:3]]}

def _cpu_s() -> float:
    "CPU seconds used so far by this process and the children it has waited for (jobs, servers, virtualenv builds)."
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

def _size(path:str) -> int:
    "Bytes of the files under `path`."
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try: total += os.lstat(os.path.join(root, f)).st_size
            except OSError: pass
    return total

def report(results:list[dict], expected:list) -> tuple[str, int]:
    "The report's text and the number of unexpected skips."
    import fnmatch
    out, unexpected = [], 0
    for r in results:
        out.append(f"{'ok  ' if r['ok'] else 'FAIL'} {r['notebook']:<24} {r['seconds']:>7.1f} s"
                   + (f" ({r['cpu_s']:>6.1f} s CPU)" if "cpu_s" in r else "") + f"  {r['cells_run']:>3} cells run"
                   + (f", {len(r['not_run'])} not run ({', '.join(sorted(set(r['not_run'])))})" if r["not_run"] else "")
                   + (f"; {r['temp_mb']:.0f} MB of temp files removed" if r.get("temp_mb", 0) >= 1 else ""))
        if r.get("slowest_cells"):
            out.append("       slowest cells: " + ", ".join(f"#{i} {t:.0f} s" for i, t in r["slowest_cells"]))
        for d in r["data"]: out.append(f"       {d}")
        for s in r["skips"]:
            ok = any(fnmatch.fnmatch(r["notebook"], nb) and rx.search(s) for nb, rx in expected)
            unexpected += not ok
            out.append(f"       {s}" + ("" if ok else "   <- not in .ci/expected-skips.txt"))
    n = len(results); failed = sum(not r["ok"] for r in results)
    out.append(f"notebooks: {n - failed} passed, {failed} failed; {sum(r['cells_run'] for r in results)} cells run, "
               f"{sum(len(r['not_run']) for r in results)} not run, {sum(len(r['skips']) for r in results)} skips ({unexpected} unexpected); "
               f"{sum(r['seconds'] for r in results):.0f} s")
    return "\n".join(out), unexpected

# started first when notebooks run at once, so that the run ends when its longest notebook does (the rest in name order)
LONGEST = ("10b_airflow", "10_runner", "10a_sagemaker_pipeline", "03_evaluate", "00_model", "04b_export", "02_train", "04_inference")

def share_cores(threads:int):
    "In a notebook's process: torch's (OpenMP's) threads, unless set, one share of the cores."
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))

def run_parallel(notebooks:list[Path], flags:set[str], jobs:int) -> list[dict]:
    "Run the notebooks `jobs` at a time, each in a fresh process (nothing one sets reaches another); results in their order."
    import concurrent.futures as cf, multiprocessing as mp
    rank = lambda fn: (LONGEST.index(fn.stem) if fn.stem in LONGEST else len(LONGEST), fn.name)
    done = {}
    threads = max(1, len(os.sched_getaffinity(0)) // jobs)
    with cf.ProcessPoolExecutor(jobs, mp_context=mp.get_context("spawn"), max_tasks_per_child=1, initializer=share_cores,
                                initargs=(threads,)) as pool:
        running = {pool.submit(run_notebook, fn.resolve(), flags): fn for fn in sorted(notebooks, key=rank)}
        print(f"running {len(notebooks)} notebooks, {jobs} at a time, {os.environ.get('OMP_NUM_THREADS', threads)} torch threads each ...",
              flush=True)
        for f in cf.as_completed(running):
            fn = running[f]
            try: r = f.result()
            except Exception as e:  # its process died (killed for memory, a crash): the others still report
                r = {"notebook": fn.name, "ok": False, "error": f"{fn.name}: its process died: {e!r}", "seconds": 0.0, "cells_run": 0,
                     "not_run": [], "skips": [], "data": [], "temp_mb": 0, "temp_removed": False}
            done[fn] = r
            if r["error"]: sys.stderr.write(r["error"] + "\n")
            print(report([r], expected_skips())[0].splitlines()[0], flush=True)
    return [done[fn] for fn in notebooks]

def self_test() -> int:
    "A notebook that sets an environment variable and then fails leaves the next notebook a clean environment."
    from execnb.nbio import new_nb, mk_cell, write_nb
    before = tempfile.gettempdir()
    with tempfile.TemporaryDirectory() as d:
        leaky, clean = Path(d)/"a_leaky.ipynb", Path(d)/"b_clean.ipynb"
        write_nb(new_nb([mk_cell("import os; os.environ['GATESENT_LEAK'] = '1'; os.chdir('/')"),
                         mk_cell("import os, subprocess, sys, tempfile; open(tempfile.mkstemp()[1], 'wb').write(bytes(2**20))"),
                         mk_cell("subprocess.run([sys.executable, '-c', 'import tempfile; open(tempfile.mkstemp()[1], \\'wb\\').write(bytes(2**21))'], check=True)"),
                         mk_cell("raise RuntimeError('fails half-way')")]), leaky)
        write_nb(new_nb([mk_cell("import os; assert 'GATESENT_LEAK' not in os.environ, 'leaked'; print('skipped: a planted skip')"),
                         mk_cell("print('data: stand-in: a planted fallback')")]), clean)
        a, b = run_notebook(leaky, set()), run_notebook(clean, set())
    checks = {"the leaky notebook failed": not a["ok"], "the next one passed": b["ok"], "no leak into this process": "GATESENT_LEAK" not in os.environ,
              "working directory restored": Path.cwd() != Path("/"), "its skip and its stand-in data were seen": b["skips"] == ["skipped: a planted skip", "data: stand-in: a planted fallback"],
              "its temp files, a subprocess's too, were counted and removed": a["temp_mb"] >= 3 and a["temp_removed"],
              "the temp folder restored": tempfile.gettempdir() == before,
              "an unlisted skip or stand-in counts as unexpected": report([b], [])[1] == 2}
    for what, ok in checks.items(): print(f"{'ok  ' if ok else 'FAIL'} self-test: {what}")
    return 0 if all(checks.values()) else 1

def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--path", default="nbs", help="a notebook, or a folder of them (its [0-9]*.ipynb, in order)")
    p.add_argument("--flags", default="", help="space-separated flags whose cells run too (nbdev's tst_flags)")
    p.add_argument("--json", default=None, help="also write the results here")
    p.add_argument("--jobs", type=int, default=1, help="notebooks run at once, each in a fresh process, the longest first")
    p.add_argument("--self-test", action="store_true", help="check that a failing notebook leaves the next one clean, and stop")
    a = p.parse_args()
    if a.self_test: return self_test()
    from nbdev.config import get_config
    flags = set(get_config().get("tst_flags", "").split()) - set(a.flags.split())
    path = Path(a.path)
    notebooks = [path] if path.suffix == ".ipynb" else sorted(path.glob("[0-9]*.ipynb"))
    if a.jobs > 1: results = run_parallel(notebooks, flags, a.jobs)
    else:
        results = []
        for fn in notebooks:
            print(f"running {fn.name} ...", flush=True)
            results.append(r := run_notebook(fn.resolve(), flags))
            if r["error"]: sys.stderr.write(r["error"] + "\n")
            print(report([r], expected_skips())[0].splitlines()[0], flush=True)
    text, unexpected = report(results, expected_skips())
    print("\n" + text, flush=True)
    if a.json: Path(a.json).parent.mkdir(parents=True, exist_ok=True); Path(a.json).write_text(json.dumps(results, indent=1))
    return 1 if unexpected or not all(r["ok"] for r in results) else 0

if __name__ == "__main__": sys.exit(main())
