#!/usr/bin/env bash
# `.ci/run` on a fresh clone, as CI runs it, timed; run it with nothing else on the machine. The clone goes to
# /tmp/gatesent-ci/main with this checkout's ../shared (the data) linked beside it when there is one. Adds the result to
# benchmarks/results/ci_time.json, one entry per kind of CPU (with AVX-512 or not), with the CPU time that other
# processes took meanwhile (the machine's busy time, from /proc/stat, less the run's own): a time is published only
# from a run that had the CPU to itself.
#     bash benchmarks/ci_time.sh
set -u
repo=$(cd "$(dirname "$0")/.." && pwd); dest=/tmp/gatesent-ci
rm -rf "$dest" && mkdir -p "$dest" && git clone -q "$repo" "$dest/main" || exit 1
[ -d "$repo/../shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$dest/shared"
cd "$dest/main" || exit 1
python3 - "$repo" <<'PY'
import json, os, re, resource, subprocess, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1] + "/benchmarks")
from record import save

def busy_s() -> float:
    "CPU seconds the whole machine has spent busy since boot (all cores)."
    user, nice, system, idle, iowait, irq, softirq, steal = map(int, Path("/proc/stat").read_text().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")

before, start = busy_s(), time.monotonic()
with open("/tmp/gatesent-ci/run.log", "w") as log:
    code = subprocess.run(["bash", ".ci/run"], env={**os.environ, "CI": "true"}, stdout=log, stderr=subprocess.STDOUT).returncode
own = resource.getrusage(resource.RUSAGE_CHILDREN)
other = busy_s() - before - own.ru_utime - own.ru_stime
text = Path("/tmp/gatesent-ci/run.log").read_text()
print("\n".join(text.splitlines()[-3:]))
seconds = re.search(r"CI finished in (\d+)s", text)
if code or not seconds: sys.exit(f".ci/run failed (exit {code}): nothing recorded; see /tmp/gatesent-ci/run.log")
report = json.loads(Path("runs/test-report.json").read_text())
avx512 = "avx512f" in Path("/proc/cpuinfo").read_text()
slowest = sorted(report, key=lambda r: -r["seconds"])[:3]
jobs = int(re.search(r"--jobs (\d+)", Path("Makefile").read_text())[1])
value = {"seconds": int(seconds[1]), "jobs": jobs, "avx512": avx512, "notebooks": len(report),
         "notebook_seconds": round(sum(r["seconds"] for r in report)), "notebook_cpu_s": round(sum(r["cpu_s"] for r in report)),
         "own_cpu_s": round(own.ru_utime + own.ru_stime), "other_cpu_s": round(max(other, 0)),
         "slowest": {r["notebook"]: round(r["seconds"]) for r in slowest}}
saved = save("ci_time", "AVX-512" if avx512 else "no AVX-512", value, path=sys.argv[1] + "/benchmarks/results/ci_time.json",
             command="bash benchmarks/ci_time.sh")
print(json.dumps(saved, indent=1))
PY
