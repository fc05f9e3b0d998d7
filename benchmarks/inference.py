"""Inference speed, latency, cold start, memory and int8 trade-offs of a saved gate model, side by side with the peer
(`transformers.pipeline("text-classification")` over the same saved model).

    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/inference.py --model-dir quick
    (`quick`: the quick preset's model, as `gatesent.testing.quick_model()` trains it once; any saved float model folder works)

Measures, in one run on this machine:
  1. throughput on SST-2 validation (sentences/s): pipeline (its default, one text at a time, and batch_size=32),
     Predictor with PyTorch fp32 / int8 and with ONNX Runtime fp32 / int8 - and the accuracy of each;
  2. artifact sizes: model.safetensors, model.int8.pt, model.onnx, model.int8.onnx;
  3. one-sentence request latency over HTTP to `gatesent serve` (p50/p99 after warm-up, one keep-alive connection),
     for the PyTorch and the ONNX folders;
  4. cold start: process start of `gatesent serve` to the first successful prediction;
  5. peak memory (VmHWM) of the serving process.
Writes benchmarks/results/inference.json (the README's "Measured" serving rows come from it) and prints a table.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time, urllib.error, urllib.request
from pathlib import Path

def sst2_validation(data_dir):
    "SST-2 validation sentences and labels, from the TSV."
    import csv
    d = Path(data_dir or os.environ.get("GATESENT_DATA_DIR", "../shared/data"))
    f = d/"validation.tsv" if (d/"validation.tsv").is_file() else d/"sst2"/"validation.tsv"
    with open(f, newline="") as fh: rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["sentence"] for r in rows], [int(r["label"]) for r in rows]

def throughput(fn, texts, repeats=2):
    "Best sentences/s over `repeats` passes (after one warm-up call)."
    fn(texts[:8])
    best, out = 0.0, None
    for _ in range(repeats):
        t = time.perf_counter(); out = fn(texts); best = max(best, len(texts) / (time.perf_counter() - t))
    return best, out

def accuracy(preds, labels, names):
    return sum(names.index(p["label"]) == y for p, y in zip(preds, labels)) / len(labels)

def post(url, body, timeout=10):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r: return json.loads(r.read())

def serve_and_measure(model_dir, port, requests, texts, extra=(), parameters=None):
    "Start `gatesent serve`; cold start, per-request latency over HTTP (each request with `parameters`), peak RSS."
    exe = str(Path(sys.executable).parent/"gatesent")
    start = time.perf_counter()
    proc = subprocess.Popen([exe, "serve", "--model-dir", str(model_dir), "--port", str(port), *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/predict"
    try:
        while True:
            try: post(url, {"inputs": "fine"}); break
            except (urllib.error.URLError, ConnectionError): 
                if proc.poll() is not None: raise RuntimeError("server exited")
                if time.perf_counter() - start > 120: raise TimeoutError("server did not answer in 120 s")
                time.sleep(0.02)
        cold = time.perf_counter() - start
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)  # one keep-alive connection, as browsers and boto3 use
        def ask(t):
            body = {"inputs": t, **({"parameters": parameters} if parameters else {})}
            conn.request("POST", "/predict", json.dumps(body), {"content-type": "application/json"})
            r = conn.getresponse(); body = r.read()
            if r.status != 200: raise RuntimeError(body)
        for t in texts[:50]: ask(t)  # warm-up
        lat = []
        for i in range(requests):
            t0 = time.perf_counter(); ask(texts[i % len(texts)]); lat.append((time.perf_counter() - t0) * 1000)
        conn.close()
        hwm = next(int(l.split()[1]) for l in Path(f"/proc/{proc.pid}/status").read_text().splitlines() if l.startswith("VmHWM"))
    finally:
        proc.terminate(); proc.wait(timeout=20)
    lat.sort()
    q = lambda p: lat[min(len(lat) - 1, int(round(p / 100 * (len(lat) - 1))))]
    return {"cold_start_s": round(cold, 2), "p50_ms": round(q(50), 2), "p99_ms": round(q(99), 2), "mean_ms": round(statistics.mean(lat), 2),
            "requests": requests, "peak_rss_mb": round(hwm / 1024, 1)}

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model-dir", required=True, help="a saved (float) model folder, or 'quick' for the quick preset's model (trained once)")
    p.add_argument("--data-dir", default=None, help="SST-2 folder (default: $GATESENT_DATA_DIR)")
    p.add_argument("--requests", type=int, default=500, help="HTTP requests timed per server")
    p.add_argument("--port", type=int, default=18080)
    p.add_argument("--out", default="benchmarks/results/inference.json")
    a = p.parse_args()
    import torch
    from transformers import pipeline
    from transformers.utils import logging as hf_logging
    from gatesent.inference import Predictor
    from gatesent.export import export_onnx, save_int8
    hf_logging.set_verbosity_error(); hf_logging.disable_progress_bar()
    texts, labels = sst2_validation(a.data_dir)
    given = a.model_dir
    if a.model_dir == "quick":
        from gatesent.testing import quick_model
        a.model_dir = str(quick_model())
    sys.path.insert(0, str(Path(__file__).parent)); from record import stamp
    res = {**stamp(), "threads": f"torch {torch.__version__}, {torch.get_num_threads()} threads", "texts": len(texts), "model_dir": str(a.model_dir),
           "command": "benchmarks/inference.py --model-dir " + given}
    work = Path(tempfile.mkdtemp())
    int8_dir, onnx_dir = save_int8(a.model_dir, work/"int8"), export_onnx(a.model_dir, work/"onnx", int8=True)
    size = lambda f: round(Path(f).stat().st_size / 1e6, 1)
    res["size_mb"] = {"pytorch fp32": size(Path(a.model_dir)/"model.safetensors"), "pytorch int8": size(int8_dir/"model.int8.pt"),
                      "onnx fp32": size(onnx_dir/"model.onnx"), "onnx int8": size(onnx_dir/"model.int8.onnx")}
    print(res["size_mb"], flush=True)

    clf = pipeline("text-classification", model=str(a.model_dir), device=-1)
    preds = {"Predictor pytorch fp32": Predictor(a.model_dir), "Predictor pytorch int8": Predictor(int8_dir),
             "Predictor onnx fp32": Predictor(onnx_dir), "Predictor onnx int8": Predictor(onnx_dir, int8=True)}
    names = preds["Predictor pytorch fp32"].labels
    runs = {"pipeline (default, batch 1)": lambda t: clf(t), "pipeline (batch_size=32)": lambda t: clf(t, batch_size=32),
            **{k: v.predict for k, v in preds.items()}}
    res["throughput"] = {}
    for name, fn in runs.items():
        sps, out = throughput(fn, texts)
        res["throughput"][name] = {"sentences_per_s": round(sps, 1), "accuracy": round(accuracy(out, labels, names), 4)}
        print(f"{name:<28} {sps:8.1f} sentences/s  accuracy {res['throughput'][name]['accuracy']:.4f}", flush=True)
    base = res["throughput"]["pipeline (default, batch 1)"]["sentences_per_s"]
    for v in res["throughput"].values(): v["x_pipeline"] = round(v["sentences_per_s"] / base, 2)
    del clf, preds
    res["serve"] = {}
    for name, d, extra in (("pytorch fp32", a.model_dir, ()), ("pytorch int8", int8_dir, ()), ("onnx fp32", onnx_dir, ()), ("onnx int8", onnx_dir, ("--int8",))):
        res["serve"][name] = serve_and_measure(d, a.port, a.requests, texts, extra)
        print(f"gatesent serve {name}: {res['serve'][name]}", flush=True)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(res, indent=1))
    print(json.dumps(res, indent=1))

if __name__ == "__main__": main()
