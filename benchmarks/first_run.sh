#!/usr/bin/env bash
# The first `make run` on a fresh clone, timed from the command to the demo page and /predict answering.
# No .venv and no pip/uv caches (UV_NO_CACHE, PIP_NO_CACHE_DIR); the clone goes beside this checkout (../gatesent-first-run),
# so ../shared/data is found as the Makefile looks for it. Stops the server afterwards, and adds the result to
# benchmarks/results/first_run.json.
#     bash benchmarks/first_run.sh
set -u
repo=$(cd "$(dirname "$0")/.." && pwd); dest=$(dirname "$repo")/gatesent-first-run; port=${PORT:-8765}
rm -rf "$dest" && git clone -q "$repo" "$dest" && cd "$dest" || exit 1
export UV_NO_CACHE=1 PIP_NO_CACHE_DIR=1
start=$(date +%s.%N)
setsid make run RUN_DIR=runs/first PORT=$port > first-run.log 2>&1 &
pid=$!
while sleep 2; do
  if curl -sf -o /dev/null "http://127.0.0.1:$port/" && curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/predict" \
       -H 'content-type: application/json' -d '{"inputs": "a gripping film"}'; then
    seconds=$(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f'); echo "first make run: the page answered $seconds s after the command"; break
  fi
  if ! kill -0 $pid 2>/dev/null; then echo "make run ended before the page answered; see $dest/first-run.log"; break; fi
done
kill -- -$pid 2>/dev/null; sleep 2
GATESENT_FIRST_RUN_S=${seconds:-} python3 - "$repo" <<'EOF'
import json, os, sys
sys.path.insert(0, sys.argv[1] + "/benchmarks"); from record import save
r = json.load(open("runs/first/run.json")); steps = {k: v.get("seconds") for k, v in r["steps"].items()}
print(steps); print("accuracy", r["steps"]["train"]["result"]["accuracy"])
if os.environ["GATESENT_FIRST_RUN_S"]:  # only a run whose page answered is a result
    save("first_run", "make run", {"seconds_to_page": float(os.environ["GATESENT_FIRST_RUN_S"]), "steps": steps,
         "accuracy": r["steps"]["train"]["result"]["accuracy"], "f1": r["steps"]["train"]["result"].get("f1")}, path=sys.argv[1] + "/benchmarks/results/first_run.json", command="bash benchmarks/first_run.sh")
EOF
