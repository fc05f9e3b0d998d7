#!/usr/bin/env bash
# The first `make run` on a fresh clone, timed from the command to the demo page and /predict answering.
# No .venv and no pip/uv caches (UV_NO_CACHE, PIP_NO_CACHE_DIR); the clone goes beside this checkout (../gatesent-first-run),
# so ../shared/data is found as the Makefile looks for it. Stops the server afterwards.
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
    echo "first make run: the page answered $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s after the command"; break
  fi
  if ! kill -0 $pid 2>/dev/null; then echo "make run ended before the page answered; see $dest/first-run.log"; break; fi
done
kill -- -$pid 2>/dev/null; sleep 2
python3 -c "import json; r = json.load(open('runs/first/run.json')); print({k: v.get('seconds') for k, v in r['steps'].items()}); print('accuracy', r['steps']['train']['result']['accuracy'])"
