"""What the served explanation costs and how far the backends agree on it, word by word: a trained model's evidence
traced to the input against the last layer's and against no explanation, on PyTorch and ONNX Runtime, fp32 and int8.

    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/served_evidence.py --model-dir runs/quick/train/model
    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/served_evidence.py --model-dir runs/accurate/train/model

Measures, in one run on this machine:
  1. ms per text, one text per call, over the first `--texts` SST-2 validation sentences (median), for each backend:
     no explanation, `evidence="last_layer"`, `evidence="input"`, and the input evidence's ratio to no explanation;
  2. each word's share against PyTorch fp32's on those sentences: the largest move, and how many words above 0.1
     change sign; how far the bias share moves (on int8 it is what the words leave of the served margin, so it
     carries the int8 rounding); the demo sentence's words; and each backend's accuracy on all 872 sentences;
  3. `gatesent serve` on the ONNX int8 export over HTTP (one keep-alive connection, after warm-up): p50/p99 with no
     explanation, with the last layer's and with the input evidence.
"onnx int8, two sessions" is the same export without explained.int8.onnx, as a folder from an earlier export is
explained: the plain int8 graph for the answer, then the float evidence graph for the shares.
Adds the run to benchmarks/results/served_evidence.json (stamped with the machine, commit and load average).
"""
import argparse, os, shutil, statistics, sys, tempfile, time
from pathlib import Path

DEMO = "The acting was not bad at all, but the plot dragged and the ending felt cheap."
KINDS = {"none": dict(explain=False), "last_layer": dict(explain=True, evidence="last_layer"),
         "input": dict(explain=True, evidence="input")}

def per_text_ms(predictor, texts, kind) -> float:
    "Median milliseconds of one call on one text."
    predictor.predict(texts[:3], **KINDS[kind])  # warm-up
    times = []
    for t in texts:
        start = time.perf_counter()
        predictor.predict([t], **KINDS[kind])
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)

def word_moves(got, want) -> dict:
    "The largest change of a word's share and the sign flips among words above 0.1."
    pairs = [(g["contribution"], w["contribution"]) for a, b in zip(got, want) for g, w in zip(a["tokens"], b["tokens"])]
    return {"largest_move": max(abs(g - w) for g, w in pairs), "words": len(pairs),
            "flipped_above_0.1": sum(abs(w) > 0.1 and g * w <= 0 for g, w in pairs)}

def bias_moves(got, want) -> dict:
    "The median and largest change of the bias share, per text."
    moves = [abs(g["contributions"]["bias"] - w["contributions"]["bias"]) for g, w in zip(got, want)]
    return {"median": statistics.median(moves), "largest": max(moves)}

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model-dir", required=True, help="a saved float gate model folder")
    p.add_argument("--data-dir", default=None, help="SST-2 folder (default: $GATESENT_DATA_DIR)")
    p.add_argument("--texts", type=int, default=200, help="validation sentences timed and compared")
    p.add_argument("--requests", type=int, default=500, help="HTTP requests timed per kind")
    p.add_argument("--port", type=int, default=18090)
    a = p.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from inference import serve_and_measure, sst2_validation
    from record import save
    from gatesent.inference import EXPLAINED_INT8, Predictor
    from gatesent.export import export_onnx
    sentences, labels = sst2_validation(a.data_dir)
    texts = sentences[:a.texts]
    started = time.perf_counter()
    onnx = export_onnx(a.model_dir, Path(tempfile.mkdtemp())/"onnx", int8=True)
    res = {"model_dir": a.model_dir, "texts": len(texts), "export_s": round(time.perf_counter() - started, 1), "backends": {}}
    two = onnx.parent/"two-sessions"
    shutil.copytree(onnx, two, ignore=shutil.ignore_patterns(EXPLAINED_INT8), copy_function=os.link)
    backends = {"pytorch fp32": Predictor(a.model_dir, backend="torch"),
                "pytorch int8": Predictor(a.model_dir, backend="torch", int8=True),
                "onnx fp32": Predictor(onnx), "onnx int8": Predictor(onnx, int8=True),
                "onnx int8, two sessions": Predictor(two, int8=True)}
    assert backends["onnx int8"].backend.answers and not backends["onnx int8, two sessions"].backend.answers
    want = {k: backends["pytorch fp32"].predict(texts, **KINDS[k]) for k in ("last_layer", "input")}
    for name, pred in backends.items():
        row = {f"ms_{k}": round(per_text_ms(pred, texts, k), 2) for k in KINDS}
        row["input_over_none"] = round(row["ms_input"] / row["ms_none"], 2)
        for k in ("last_layer", "input"):
            got = pred.predict(texts, **KINDS[k])
            row[f"agreement_{k}"] = word_moves(got, want[k])
            row[f"bias_move_{k}"] = bias_moves(got, want[k])
        demo = pred(DEMO, explain=True)
        row["demo"] = {t["word"]: round(t["contribution"], 3) for t in demo["tokens"]}
        row["demo_bias"] = demo["contributions"]["bias"]
        answers = pred.predict(sentences)
        row["accuracy"] = sum(pred.labels.index(r["label"]) == y for r, y in zip(answers, labels)) / len(labels)
        res["backends"][name] = row
        print(name, row, flush=True)
    res["http_onnx_int8"] = {}
    for kind, params in (("none", None), ("last_layer", {"explain": True, "evidence": "last_layer"}),
                         ("input", {"explain": True})):
        res["http_onnx_int8"][kind] = serve_and_measure(onnx, a.port, a.requests, texts, ("--int8",), params)
        print("http onnx int8", kind, res["http_onnx_int8"][kind], flush=True)
    res["http_onnx_int8"]["input, two sessions"] = serve_and_measure(two, a.port, a.requests, texts, ("--int8",), {"explain": True})
    print("http onnx int8 input, two sessions", res["http_onnx_int8"]["input, two sessions"], flush=True)
    save("served_evidence", Path(a.model_dir).parent.parent.name or a.model_dir, res)

if __name__ == "__main__": main()
