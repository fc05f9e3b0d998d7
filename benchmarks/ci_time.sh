#!/usr/bin/env bash
# `.ci/run` on a fresh clone, as CI runs it, timed; run it with nothing else on the machine. The clone goes to
# /tmp/gatesent-ci/main with ../shared/data linked beside it when this checkout has one. Adds the result to
# benchmarks/results/ci_time.json, one entry per kind of CPU (with or without AVX-512).
#     bash benchmarks/ci_time.sh
set -u
repo=$(cd "$(dirname "$0")/.." && pwd); dest=/tmp/gatesent-ci
rm -rf "$dest" && mkdir -p "$dest" && git clone -q "$repo" "$dest/main" || exit 1
[ -d "$repo/../shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$dest/shared"
cd "$dest/main" || exit 1
CI=true bash .ci/run > "$dest/run.log" 2>&1
code=$?
tail -3 "$dest/run.log"
python3 - "$repo" "$code" <<'PY'
import json, re, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1] + "/benchmarks"); from record import save
log = Path("/tmp/gatesent-ci/run.log").read_text()
seconds = re.search(r"CI finished in (\d+)s", log)
if sys.argv[2] != "0" or not seconds: sys.exit(f".ci/run failed (exit {sys.argv[2]}): nothing recorded; see /tmp/gatesent-ci/run.log")
report = json.loads(Path("runs/test-report.json").read_text())
avx512 = "avx512f" in Path("/proc/cpuinfo").read_text()
slowest = sorted(report, key=lambda r: -r["seconds"])[:3]
value = {"seconds": int(seconds[1]), "jobs": 2, "avx512": avx512, "notebooks": len(report),
         "notebook_seconds": round(sum(r["seconds"] for r in report)), "notebook_cpu_s": round(sum(r["cpu_s"] for r in report)),
         "slowest": {r["notebook"]: round(r["seconds"]) for r in slowest}}
saved = save("ci_time", "AVX-512" if avx512 else "AVX2", value, path=sys.argv[1] + "/benchmarks/results/ci_time.json",
             command="bash benchmarks/ci_time.sh")
print(json.dumps(saved, indent=1))
PY
